//! Time expressions and their TIMEX3 values (issue 6).
//!
//! A rule tagger over the document's tokens, sentence by sentence, in the
//! manner of HeidelTime: at each token the longest expression that starts
//! there wins. The families, tried in this order:
//!
//! 1. clock times ("3 p.m. ET", "10:35 a.m. Friday", "noon", "midnight");
//! 2. calendar dates ("January 13", "13 Jan 2022", "Monday, Oct. 26",
//!    "the end of November", "2021-12-30", "12/30/2021", "9-10 January" as two);
//! 3. weekdays ("Friday", "last Thursday", "Friday morning");
//! 4. words relative to the reference date ("today", "yesterday", "tonight",
//!    "this week", "earlier this month", "last year", "next summer");
//! 5. amounts of time: durations ("two months", "the past two months",
//!    "50-minute"), dates a distance away ("two days ago", "a year earlier"),
//!    sets ("every week", "daily");
//! 6. quarters and halves ("the third quarter", "third-quarter", "the first half");
//! 7. years, decades and centuries ("2014", "fiscal 1989", "the 1990s",
//!    "the 20th century");
//! 8. holidays ("Christmas", "Thanksgiving Day"), and the general references
//!    ("now", "currently", "recently", "the future").
//!
//! Values are normalised against the reference date (the caller's `date`, else
//! the page's published date). News speaks mostly of the past: a weekday or a
//! month without a year is the last one before the reference date, unless the
//! sentence speaks of the future ("will", "next", "scheduled"), then the next
//! one. A day of the month in the next two months is the coming one whatever
//! the tense (deadlines and payment dates are reported in the past tense).
//! "That year", "that day" and "the following month" count from the date the
//! text named last, as HeidelTime does; "three days later" counts from an
//! event, so it is a duration. Without a reference date values keep X for
//! what is unknown (`XXXX-01-13`, `XXXX-WXX-5`).
//!
//! Extents follow TimeML: determiners and modifiers are part of the expression
//! ("the past two months", "early next year"), prepositions are not ("on
//! Friday" gives "Friday").
//!
//! Every loop moves forward by at least one token and looks ahead a bounded
//! number of tokens, so the time is linear in the text.

use super::ner::features::{fnv, fnv_byte, FNV_INIT};
use super::numbers;
use crate::document::Document;
use crate::options::{days_in_month, Date};
use crate::output::TimeExpr;
use crate::segment::{Token, TokenKind};
use std::borrow::Cow;

/// Full month names, then the abbreviations news uses ("Sept." and "Sep.").
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_ABBREVIATIONS: [(&str, u8); 13] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("febr", 2),
];
/// Weekday names, Monday first (the quote analyzer skips them too, as the
/// end of a phrase of time between a subject and its verb).
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Parts of the day and their TIMEX3 codes.
const DAY_PARTS: [(&str, &str); 6] = [
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
    ("overnight", "NI"),
    ("nights", "NI"),
];
/// Seasons and their TIMEX3 codes.
const SEASONS: [(&str, &str); 5] = [
    ("spring", "SP"),
    ("summer", "SU"),
    ("fall", "FA"),
    ("autumn", "FA"),
    ("winter", "WI"),
];
/// Words before a time expression that make it about the future.
const FUTURE_WORDS: [&str; 15] = [
    "soon",
    "could",
    "would",
    "might",
    "will",
    "'ll",
    "’ll",
    "shall",
    "won't",
    "won’t",
    "scheduled",
    "upcoming",
    "planned",
    "plans",
    "expected",
];
/// The bit of a word's hash in [`LOWER_STARTER_BITS`]: the top 12 bits
/// once multiplied by a constant that spreads the low bits into them (FNV's
/// top bits hardly change over a short word: without it, half of the common
/// words shared a starter's bit).
const fn word_bit(h: u64) -> (usize, u64) {
    let b = (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize;
    (b / 64, 1 << (b % 64))
}

/// Sets the bit of `w` (and of `w` with an "s" when `plural`) in `bits`.
const fn set_word_bit(bits: &mut [u64; 64], w: &[u8], plural: bool) {
    let h = fnv(FNV_INIT, w);
    let (at, bit) = word_bit(h);
    bits[at] |= bit;
    if plural {
        let (at, bit) = word_bit(fnv_byte(h, b's'));
        bits[at] |= bit;
    }
}

/// A bit for each lower-case word [`Reader::may_start`] lets through (the
/// starters, "hundred", the number words, the units with and without an
/// "s"), by its hash: a word whose bit is clear is none of them. Most
/// words are turned away by one hash, where the lists took about 650
/// instructions a word to say no.
const LOWER_STARTER_BITS: [u64; 64] = {
    let mut bits = [0u64; 64];
    let mut i = 0;
    while i < STARTERS.len() {
        set_word_bit(&mut bits, STARTERS[i].as_bytes(), false);
        i += 1;
    }
    set_word_bit(&mut bits, b"hundred", false);
    let mut i = 0;
    while i < numbers::CARDINALS.len() {
        set_word_bit(&mut bits, numbers::CARDINALS[i].0.as_bytes(), false);
        i += 1;
    }
    let mut i = 0;
    while i < UNIT_WORDS.len() {
        set_word_bit(&mut bits, UNIT_WORDS[i].0.as_bytes(), true);
        i += 1;
    }
    bits
};

/// Whether `w` may be one of the lower-case words an expression starts
/// with ([`LOWER_STARTER_BITS`]).
#[inline]
fn may_be_lower_starter(w: &str) -> bool {
    let (at, bit) = word_bit(fnv(FNV_INIT, w.as_bytes()));
    LOWER_STARTER_BITS[at] & bit != 0
}

/// The words besides [`STARTERS`], month and weekday names that an
/// expression can start with when capitalised: the holidays' first words
/// ([`Reader::holiday`]), sorted. `starters_change_nothing` checks them too.
const CAPITAL_STARTERS: &[&str] = &[
    "christmas",
    "easter",
    "election",
    "halloween",
    "independence",
    "labor",
    "memorial",
    "new",
    "thanksgiving",
    "veterans",
];
/// The lower-case words an expression can start with, sorted (with number
/// words and units, [`Reader::may_start`]): a token that is another
/// lower-case word ("said", "of", "and": most of a text) starts none, so no
/// pattern is tried there. `starters_change_nothing` checks, for every word
/// this file compares a token with, that the patterns find the same with
/// and without this shortcut.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "a", "about", "almost", "an", "annually", "around", "at", "coming", "couple", "current",
    "currently", "daily", "each", "early", "eighteen", "eighties", "every", "few", "fifties",
    "final", "first", "fiscal", "following", "forties", "fourth", "full", "hourly", "last",
    "late", "lately", "latest", "less", "many", "mid", "midday", "midnight", "monthly", "more",
    "nearly", "next", "nightly", "nineteen", "nineties", "noon", "now", "nowadays", "one",
    "over", "past", "per", "previous", "recent", "recently", "same", "second", "seventies",
    "several", "sixties", "some", "that", "the", "these", "third", "thirties", "this", "today",
    "tomorrow", "tonight", "twenties", "two", "up", "upcoming", "weekly", "year", "yearly",
    "yesterday",
];
/// Nouns after "today's" that make it "these days": "today's youth".
const GENERIC_AFTER_TODAY: [&str; 16] = [
    "world",
    "youth",
    "young",
    "society",
    "generation",
    "children",
    "kids",
    "teenagers",
    "students",
    "consumers",
    "families",
    "technology",
    "computers",
    "personal",
    "dollars",
    "standards",
];
/// Future words that are conditional, or nouns and pasts of planning: weak
/// evidence that a weekday is ahead ([`Reader::weekday_ahead`]).
const CONDITIONAL_FUTURE: [&str; 4] = ["could", "might", "plans", "planned"];
/// Words that open a clause of its own after a time expression.
const CLAUSE_OPENERS: [&str; 4] = ["that", "which", "who", "whether"];
/// Ordinals, as words and as numbers with their suffix.
const ORDINALS: [(&str, u32); 8] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
];
/// Time zones written after a clock time ("3 p.m. ET"): part of the expression.
const TIME_ZONES: [&str; 14] = [
    "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "pt", "pst", "pdt", "gmt", "utc", "bst",
];
/// Words for "the one before" and "the one after" a unit of time.
const PAST_WORDS: [&str; 3] = ["last", "past", "previous"];
const NEXT_WORDS: [&str; 4] = ["next", "coming", "following", "upcoming"];
/// Modifiers before a period that stay in the expression ("early next year").
const PERIOD_MODIFIERS: [&str; 3] = ["early", "late", "mid"];
/// Words that put a clause in the past.
const PAST_MARKERS: [&str; 15] = [
    "since",
    "said",
    "was",
    "were",
    "had",
    "did",
    "told",
    "ago",
    "last",
    "earlier",
    "yesterday",
    "began",
    "came",
    "went",
    "took",
];
/// Irregular simple pasts common in news, past markers unless a participle
/// ("is held", "has met"); those that are also presents ("set", "put",
/// "hit", "cut") are left out.
const IRREGULAR_PASTS: [&str; 33] = [
    "held", "met", "left", "made", "gave", "got", "won", "lost", "paid", "sold", "bought",
    "brought", "fell", "rose", "grew", "saw", "found", "led", "ran", "kept", "spent", "sent",
    "built", "became", "struck", "fought", "thought", "knew", "heard", "sought", "wrote", "spoke",
    "broke",
];
/// How far the tense of an expression's clause is looked for, in tokens.
const TENSE_WINDOW: usize = 8;
/// Words of approximation before an amount of time, part of the expression
/// in TimeML ("nearly two years", "more than four decades ago").
const QUALIFIERS: [&str; 10] = [
    "about",
    "almost",
    "nearly",
    "more than",
    "less than",
    "at least",
    "up to",
    "over",
    "around",
    "some",
];
/// Mentions of "quarter" that make an article an earnings report.
const QUARTERLY_MENTIONS: usize = 2;
/// How many days ahead a day of the month without a year is taken as coming
/// whatever the tense (about two months: deadlines, payment dates).
const NEAR_FUTURE_DAYS: i64 = 62;
/// How far a pattern may look ahead, in tokens.
const MAX_EXPRESSION_TOKENS: usize = 12;

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// The words of the units, each as one or with an "s" ("days", "yrs";
/// "centurie" makes "centuries").
const UNIT_WORDS: [(&str, Unit); 16] = [
    ("second", Unit::Second),
    ("sec", Unit::Second),
    ("minute", Unit::Minute),
    ("min", Unit::Minute),
    ("hour", Unit::Hour),
    ("hr", Unit::Hour),
    ("day", Unit::Day),
    ("week", Unit::Week),
    ("weekend", Unit::Weekend),
    ("month", Unit::Month),
    ("quarter", Unit::Quarter),
    ("year", Unit::Year),
    ("yr", Unit::Year),
    ("decade", Unit::Decade),
    ("century", Unit::Century),
    ("centurie", Unit::Century),
];

impl Unit {
    fn parse(w: &str) -> Option<Unit> {
        let w = w.strip_suffix('s').unwrap_or(w);
        UNIT_WORDS.iter().find(|(u, _)| *u == w).map(|&(_, u)| u)
    }

    /// The TIMEX3 duration of `n` and a half units, the half in the next
    /// smaller unit ("P2Y6M", "PT5H30M").
    fn duration_and_half(self, n: u32) -> String {
        let n = n.min(100_000);
        match self {
            Unit::Second => format!("PT{n}.5S"),
            Unit::Minute => format!("PT{n}M30S"),
            Unit::Hour => format!("PT{n}H30M"),
            Unit::Day => format!("P{n}DT12H"),
            Unit::Week => format!("P{}DT12H", 7 * n + 3),
            Unit::Weekend => format!("P{n}WE"),
            Unit::Month => format!("P{n}M15D"),
            Unit::Quarter => format!("P{}M15D", 3 * n + 1),
            Unit::Year => format!("P{n}Y6M"),
            Unit::Decade => format!("P{}Y", 10 * n + 5),
            Unit::Century => format!("P{}Y", 100 * n + 50),
        }
    }

    /// The TIMEX3 duration of `n` units (`None`: some, "PXY").
    fn duration(self, n: Option<u32>) -> String {
        let count = |k: u32| n.map_or("X".to_string(), |n| (n * k).to_string());
        match self {
            Unit::Second => format!("PT{}S", count(1)),
            Unit::Minute => format!("PT{}M", count(1)),
            Unit::Hour => format!("PT{}H", count(1)),
            Unit::Day => format!("P{}D", count(1)),
            Unit::Week => format!("P{}W", count(1)),
            Unit::Weekend => format!("P{}WE", count(1)),
            Unit::Month => format!("P{}M", count(1)),
            Unit::Quarter => format!("P{}Q", count(1)),
            Unit::Year => format!("P{}Y", count(1)),
            Unit::Decade => format!("P{}Y", count(10)),
            Unit::Century => format!("P{}Y", count(100)),
        }
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// A day as a count from 1970-01-01, with calendar helpers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Day(i64);

impl Day {
    fn of(y: i64, m: i64, d: i64) -> Day {
        Day(days_from_civil(y, m, d))
    }
    fn ymd(self) -> (i64, i64, i64) {
        civil_from_days(self.0)
    }
    /// Monday 0 … Sunday 6 (1970-01-01 was a Thursday).
    fn weekday(self) -> i64 {
        (self.0 + 3).rem_euclid(7)
    }
    /// The ISO 8601 week: (week-year, week).
    fn iso_week(self) -> (i64, i64) {
        let thursday = Day(self.0 - self.weekday() + 3);
        let (y, _, _) = thursday.ymd();
        (y, (thursday.0 - Day::of(y, 1, 1).0) / 7 + 1)
    }
    fn date(self) -> String {
        let (y, m, d) = self.ymd();
        if (1..=9999).contains(&y) {
            format!("{y:04}-{m:02}-{d:02}")
        } else {
            "XXXX-XX-XX".into()
        }
    }
    fn week(self) -> String {
        let (y, w) = self.iso_week();
        format!("{}-W{w:02}", year(y))
    }
}

/// A year as TIMEX3 writes it (four digits), X when out of range.
fn year(y: i64) -> String {
    if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else {
        "XXXX".into()
    }
}

/// Adds `n` months to (year, month).
fn add_months(y: i64, m: i64, n: i64) -> (i64, i64) {
    let k = y * 12 + (m - 1) + n;
    (k.div_euclid(12), k.rem_euclid(12) + 1)
}

/// What the tagger knows while reading one sentence.
struct Reader<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Lower-cased token texts, a trailing period taken off ("sept." → "sept").
    words: Vec<Cow<'a, str>>,
    /// The reference day, if any.
    reference: Option<Day>,
    /// Whether the article reports by quarters (an earnings story): then "a
    /// year ago" and "the year-earlier period" are the same quarter a year
    /// before.
    quarterly: bool,
    /// The token an expression is being read at.
    at_token: std::cell::Cell<usize>,
    /// The tense around it, looked for only when a pattern needs it (most
    /// tokens start no expression): see [`Reader::tense`].
    tense: std::cell::Cell<Option<Tense>>,
    /// The last date the document named before this token (year, month,
    /// day as far as known), that "that year", "that day" and "the
    /// following month" refer to.
    mentioned: std::cell::Cell<Option<Mentioned>>,
    /// The period an earnings story last reported on, that "a year
    /// earlier" and "the year-ago period" go back from.
    reported: std::cell::Cell<Option<Reported>>,
}

/// The period of a company's results last named: a quarter of the current
/// reporting year ("third-quarter", "the fiscal first quarter"), or a longer
/// stretch ("the first nine months", "the first half"), whose comparisons
/// are by year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reported {
    Quarter(i64, i64),
    Longer,
}

impl Reported {
    /// What a found expression says of the period reported on, if anything.
    /// Only quarters reported by now count (`last`: the last quarter ended,
    /// as year and quarter): an earlier year's ("the 1988 quarter", "the
    /// year-ago quarter") is the comparison, a later one a forecast ("into
    /// the fourth quarter", "losses through the third quarter of 1990").
    fn of(kind: &str, value: &str, last: Option<(i64, i64)>) -> Option<Reported> {
        match kind {
            "DURATION" if ["P9M", "P6M"].contains(&value) => Some(Reported::Longer),
            "DATE" => {
                let (y, rest) = value.split_once('-')?;
                let y: i64 = y.parse().ok().filter(|_| y.len() == 4)?;
                match rest.as_bytes() {
                    [b'H', b'1' | b'2'] => last
                        .is_none_or(|(ly, _)| y <= ly)
                        .then_some(Reported::Longer),
                    [b'Q', q @ b'1'..=b'4'] => {
                        let q = i64::from(q - b'0');
                        last.is_none_or(|(ly, lq)| y == ly && q <= lq)
                            .then_some(Reported::Quarter(y, q))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

/// A date named in the text, as far as its value gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mentioned {
    year: i64,
    month: Option<i64>,
    day: Option<i64>,
}

impl Mentioned {
    /// The date a DATE or TIME value names ("1998", "1998-10",
    /// "1998-10-23T22:00", "1998-Q3" as its year); none for "PRESENT_REF",
    /// decades or unknown years.
    fn of(value: &str) -> Option<Mentioned> {
        let mut parts = value.split(['-', 'T']);
        let year = parts
            .next()
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse().ok())?;
        let month = parts
            .next()
            .filter(|m| m.len() == 2)
            .and_then(|m| m.parse().ok())
            .filter(|m| (1..=12).contains(m));
        let day = month.and_then(|_| {
            parts
                .next()
                .filter(|d| d.len() == 2)
                .and_then(|d| d.parse().ok())
                .filter(|d| (1..=31).contains(d))
        });
        Some(Mentioned { year, month, day })
    }
}

/// The tense of the clause around an expression, from its nearest
/// auxiliary or past-tense verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

/// One expression found: its tokens, type and value.
struct Found {
    end: usize,
    kind: &'static str,
    value: String,
}

fn found(end: usize, kind: &'static str, value: impl Into<String>) -> Option<Found> {
    Some(Found {
        end,
        kind,
        value: value.into(),
    })
}

impl Reader<'_> {
    /// The tense at the token being read, found once per token.
    fn tense(&self) -> Tense {
        if let Some(t) = self.tense.get() {
            return t;
        }
        let t = self.tense_at(self.at_token.get(), &[]);
        self.tense.set(Some(t));
        t
    }

    /// Whether weekday `wd`, named without "next" or "last", is ahead: news
    /// names the days of the week just gone, so only a future ("will",
    /// "would be traveling", "scheduled", "as soon as") or a deadline
    /// ("postponed until Tuesday") puts it ahead. "Could" and "might" do
    /// not ("could not be located Wednesday"), nor "plans" without "to"
    /// ("when she set aside vacation plans on Friday"), nor "would" for a
    /// day's event ("would fight Wednesday's ruling"; "Monday's debate will
    /// be his first" is ahead). "Until" put before its clause looks back
    /// ("Until Thursday, they had not called him a suspect"; "and until
    /// Thursday, Trump has refused").
    fn weekday_ahead(&self, wd_token: usize) -> bool {
        let at = self.at_token.get();
        let fronted = self.capitalised(at.saturating_sub(1)) || self.w(wd_token + 1) == ",";
        if at > 0 && ["until", "till", "til"].contains(&self.w(at - 1)) && !fronted {
            return true;
        }
        let event = possessive_stem(self.raw(wd_token)).is_some();
        let skip: &[&str] = if event {
            &["could", "might", "plans", "planned", "would"]
        } else {
            &CONDITIONAL_FUTURE
        };
        self.tense_at(at, skip) == Tense::Future
    }
    fn future(&self) -> bool {
        self.tense() == Tense::Future
    }
    fn past(&self) -> bool {
        self.tense() == Tense::Past
    }

    /// The tense at token `i`: the nearest marker before it in the
    /// sentence (up to [`TENSE_WINDOW`] tokens), else after it. A verb in
    /// -ed counts on both sides: an expression put first in its clause
    /// ("In March, the company received …") has its verb after it.
    ///
    /// The words of `skip` are passed over unless "to" follows ("planned
    /// to"): [`CONDITIONAL_FUTURE`] say "maybe later" of a month, but of a
    /// weekday they mostly report what was said or tried on it.
    fn tense_at(&self, i: usize, skip: &[&str]) -> Tense {
        let marker = |k: usize| -> Option<Tense> {
            let w = self.w(k);
            if skip.contains(&w) && self.w(k + 1) != "to" {
                return None;
            }
            // "had been scheduled to expire at midnight Friday": a plan that was.
            if ["scheduled", "expected", "planned"].contains(&w)
                && k > 0
                && ["had", "been"].contains(&self.w(k - 1))
            {
                return Some(Tense::Past);
            }
            // "following" is as often "after" ("following the end of the
            // talks") as "next": no sign of tense.
            if FUTURE_WORDS.contains(&w)
                || (NEXT_WORDS.contains(&w) && w != "following")
                || w == "tomorrow"
                || (w == "going" && self.w(k + 1) == "to")
                // "plan to", "set to resume", "is to meet", "as early as"
                || ([
                    "plan", "planning", "intend", "intends", "set", "is", "are",
                ]
                .contains(&w)
                    && self.w(k + 1) == "to")
                || (["early", "soon"].contains(&w)
                    && k > 0
                    && self.w(k - 1) == "as"
                    && self.w(k + 1) == "as")
            {
                return Some(Tense::Future);
            }
            let before = if k > 0 { self.w(k - 1) } else { "" };
            let participle = [
                "be", "been", "being", "is", "are", "will", "to", "have", "has",
            ]
            .contains(&before);
            if PAST_MARKERS.contains(&w)
                || (IRREGULAR_PASTS.contains(&w) && !participle)
                || (w.len() > 4 && w.ends_with("ed") && !participle && !self.capitalised(k))
            {
                return Some(Tense::Past);
            }
            None
        };
        // After the expression, a clause that "that" or "which" opens is
        // another clause ("a report over the weekend that Russia would
        // withdraw"): its verbs do not tell the expression's tense.
        let clause_end = (i + 1..(i + 1 + TENSE_WINDOW).min(self.words.len()))
            .find(|&k| CLAUSE_OPENERS.contains(&self.w(k)))
            .unwrap_or(self.words.len());
        // The nearest marker on either side; before wins a tie.
        (1..=TENSE_WINDOW)
            .find_map(|d| {
                let before = i.checked_sub(d).and_then(marker);
                before.or_else(|| (i + d < clause_end).then(|| marker(i + d)).flatten())
            })
            .unwrap_or(Tense::Unknown)
    }

    fn w(&self, k: usize) -> &str {
        self.words.get(k).map_or("", |w| w)
    }
    fn raw(&self, k: usize) -> &str {
        self.tokens.get(k).map_or("", |t| &self.text[t.range()])
    }
    fn capitalised(&self, k: usize) -> bool {
        self.raw(k).starts_with(|c: char| c.is_uppercase())
    }
    fn is_number(&self, k: usize) -> bool {
        self.tokens
            .get(k)
            .is_some_and(|t| t.kind() == TokenKind::Number)
    }
    /// Whether tokens `k` and `k + 1` touch (no space between: "50-minute").
    fn joined(&self, k: usize) -> bool {
        match (self.tokens.get(k), self.tokens.get(k + 1)) {
            (Some(a), Some(b)) => a.end() == b.start,
            _ => false,
        }
    }
    fn integer(&self, k: usize) -> Option<u32> {
        let w = self.w(k);
        (self.is_number(k) && w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 6)
            .then(|| w.parse().ok())
            .flatten()
    }

    /// A count of units at `k`: "two", "21", "twenty-one", "a", "an",
    /// "several" (unknown), "a few" → (count, next token).
    fn count(&self, k: usize) -> Option<(Option<u32>, usize)> {
        if let Some(n) = self.integer(k) {
            return Some((Some(n), k + 1));
        }
        let w = self.w(k);
        if let Some(n) = number_word(w) {
            // "twenty-one", and "twenty four" as transcripts write it.
            if (20..100).contains(&n) {
                let (u_at, after) = if self.w(k + 1) == "-" && self.joined(k) {
                    (k + 2, k + 3)
                } else {
                    (k + 1, k + 2)
                };
                if let Some(u) = numbers::unit(self.w(u_at)) {
                    return Some((Some(n + u), after));
                }
            }
            return Some((Some(n), k + 1));
        }
        match w {
            "a" | "an" if self.w(k + 1) == "few" => Some((None, k + 2)),
            // "a couple of years"
            "a" if self.w(k + 1) == "couple" && self.w(k + 2) == "of" => Some((Some(2), k + 3)),
            "a" | "an" | "one" => Some((Some(1), k + 1)),
            // "the next couple of years"
            "couple" if self.w(k + 1) == "of" => Some((Some(2), k + 2)),
            "several" | "few" | "many" | "some" | "recent" => Some((None, k + 1)),
            _ => None,
        }
    }

    fn month_at(&self, k: usize) -> Option<u8> {
        if !self.capitalised(k) {
            return None;
        }
        let w = self.w(k);
        if let Some(i) = MONTHS.iter().position(|m| *m == w) {
            return Some(i as u8 + 1);
        }
        // Abbreviations only with their period or before a day ("Jan 13").
        let abbreviated = self.raw(k).ends_with('.') || self.integer(k + 1).is_some();
        MONTH_ABBREVIATIONS
            .iter()
            .find(|(a, _)| *a == w)
            .filter(|_| abbreviated)
            .map(|&(_, m)| m)
    }

    fn weekday_at(&self, k: usize) -> Option<i64> {
        let w = self.w(k);
        if !self.capitalised(k) {
            return None;
        }
        WEEKDAYS
            .iter()
            .position(|d| {
                *d == w || (w.len() == 3 && d.starts_with(w) && self.raw(k).ends_with('.'))
            })
            .map(|i| i as i64)
    }

    /// A day of the month at `k`: "13", "13th", "1st".
    fn day_at(&self, k: usize) -> Option<u32> {
        let w = self.w(k);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if !["", "st", "nd", "rd", "th"].contains(&suffix) || digits.is_empty() || digits.len() > 2
        {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }

    /// A year said in words, as broadcast transcripts write it: "nineteen
    /// ninety-one", "nineteen eighty", "nineteen oh five", "two thousand",
    /// "two thousand and one" → (year, next token). "Two thousand" alone is
    /// a count unless a word of time comes before it ("the year", "in").
    fn spoken_year(&self, k: usize) -> Option<(i64, usize)> {
        let number = |j: usize| number_word(self.w(j));
        // "ninety-one" or "ninety" or "one": (value, next).
        let tens_units = |j: usize| -> Option<(i64, usize)> {
            let n = number(j)? as i64;
            if (20..=90).contains(&n) && self.w(j + 1) == "-" && self.joined(j) {
                let u = number(j + 2).filter(|u| (1..=9).contains(u))? as i64;
                return Some((n + u, j + 3));
            }
            (n < 100).then_some((n, j + 1))
        };
        let century = match self.w(k) {
            "eighteen" => 18,
            "nineteen" => 19,
            "two" if self.w(k + 1) == "thousand" => {
                let before = if k > 0 { self.w(k - 1) } else { "" };
                if !["year", "in", "by", "since", "until", "before", "after"].contains(&before) {
                    return None;
                }
                let mut j = k + 2;
                if self.w(j) == "and" {
                    j += 1;
                }
                return Some(match tens_units(j) {
                    Some((n, next)) => (2000 + n, next),
                    None => (2000, k + 2),
                });
            }
            _ => return None,
        };
        let j = k + 1;
        if ["oh", "o"].contains(&self.w(j)) {
            let u = number(j + 1).filter(|u| (1..=9).contains(u))? as i64;
            return Some((century * 100 + u, j + 2));
        }
        // The second half is ten or more: "nineteen ninety-one", "eighteen twelve".
        let (n, next) = tens_units(j).filter(|(n, _)| *n >= 10)?;
        Some((century * 100 + n, next))
    }

    /// A four-digit year at `k` (1000–2999).
    fn year_at(&self, k: usize) -> Option<i64> {
        let w = self.w(k);
        (self.is_number(k) && w.len() == 4)
            .then(|| w.parse::<i64>().ok())
            .flatten()
            .filter(|y| (1000..3000).contains(y))
    }

    /// The year of a month (and day) given without one: the last before the
    /// reference date in past-tense news, the next after it when the
    /// sentence speaks of the future.
    fn year_for(&self, month: u8, day: Option<u32>) -> Option<i64> {
        let r = self.reference?;
        let (ry, rm, rd) = r.ymd();
        // A day named without its year in the weeks just ahead is that day,
        // whatever the tense: "was extended to Nov. 16", "payable Jan. 2"
        // (news gives the year of a day long past).
        if let Some(d) = day.filter(|d| *d as u8 <= days_in_month(2001, month)) {
            for y in [ry, ry + 1] {
                let ahead = Day::of(y, month as i64, d as i64).0 - r.0;
                if (1..=NEAR_FUTURE_DAYS).contains(&ahead) {
                    return Some(y);
                }
            }
        }
        // The same for a month without a day when it is the next one
        // ("until mid-November" in late October).
        if day.is_none() && add_months(ry, rm, 1).1 == month as i64 {
            return Some(add_months(ry, rm, 1).0);
        }
        let here = (month as i64, day.unwrap_or(0) as i64);
        let now = (rm, if day.is_some() { rd } else { 0 });
        // With no tense to go by, the nearest: "December" in April is last
        // December, "January" in late October the coming one.
        let months_ahead = (month as i64 - rm).rem_euclid(12);
        let unknown = self.tense() == Tense::Unknown;
        // "by February": a deadline, ahead (a day is placed by the rule above).
        let at = self.at_token.get();
        let deadline = day.is_none() && at > 0 && self.w(at - 1) == "by";
        Some(if (self.future() || deadline) && here < now {
            ry + 1
        } else if (self.past() || (unknown && months_ahead > 6)) && here > now && !deadline {
            ry - 1
        } else if unknown && here < now && months_ahead != 0 && months_ahead < 6 {
            ry + 1
        } else {
            ry
        })
    }

    /// The day of weekday `wd` that the sentence means: last (before the
    /// reference), next (after it), or as the tense says; the reference day
    /// itself when it is that weekday and no direction is given.
    fn weekday_day(&self, wd: i64, direction: i8, wd_token: usize) -> Option<Day> {
        let r = self.reference?;
        let delta = wd - r.weekday();
        Some(match direction {
            -1 => Day(r.0 + if delta < 0 { delta } else { delta - 7 }),
            1 => Day(r.0 + if delta > 0 { delta } else { delta + 7 }),
            _ if delta == 0 => r,
            _ if self.weekday_ahead(wd_token) => Day(r.0 + delta.rem_euclid(7)),
            _ => Day(r.0 - (-delta).rem_euclid(7)),
        })
    }

    /// Whether an expression may start at token `i`: a word in ASCII lower
    /// case that is one of [`STARTERS`], a number word or a unit; a
    /// capitalised one that is one of those, a month, a weekday or one of
    /// [`CAPITAL_STARTERS`]; any other token that starts with a letter or a
    /// digit (a number, a word with an accent or of another script), or a
    /// dash, an underscore or an apostrophe.
    /// Nine tokens in ten start none, and trying every pattern at each was
    /// most of this analysis's time.
    fn may_start(&self, i: usize) -> bool {
        let Some(c) = self.raw(i).chars().next() else {
            return false;
        };
        let w = self.w(i);
        let lower = || {
            may_be_lower_starter(w)
                && (STARTERS.binary_search(&w).is_ok()
                    || number_word(w).is_some()
                    || Unit::parse(w).is_some())
        };
        if c.is_ascii_lowercase() {
            lower()
        } else if c.is_uppercase() {
            lower()
                || MONTHS.contains(&w)
                || MONTH_ABBREVIATIONS.iter().any(|(a, _)| *a == w)
                || WEEKDAYS
                    .iter()
                    .any(|d| d.starts_with(w) && (w.len() == 3 || *d == w))
                || CAPITAL_STARTERS.binary_search(&w).is_ok()
        } else {
            // Digits, other scripts, dashes ("- quarter" is found as a
            // quarter) and apostrophes ("'90s"); other punctuation starts
            // nothing.
            c.is_alphanumeric() || matches!(c, '-' | '–' | '—' | '_' | '\'' | '’')
        }
    }

    /// The expression starting at token `i`, if any.
    fn at(&self, i: usize) -> Option<Found> {
        [
            self.clock(i),
            self.calendar(i),
            self.weekday(i),
            self.relative(i),
            // Before amount(): in an earnings story "a year ago" is a
            // quarter, and the tie goes to the first family.
            self.period(i),
            self.amount(i),
            self.quarter(i),
            self.years(i),
            self.holiday(i),
            self.reference_word(i),
        ]
        .into_iter()
        .flatten()
        .fold(None, |best: Option<Found>, f| match best {
            Some(b) if b.end >= f.end => Some(b),
            _ => Some(f),
        })
    }

    /// "3 p.m.", "10:35 a.m. ET", "noon", "midnight", with a day after
    /// ("10 p.m. Wednesday") or before ("Friday at 3 p.m." is two).
    fn clock(&self, i: usize) -> Option<Found> {
        let (hour, minute, mut k) = match self.w(i) {
            "noon" | "midday" => (12, 0, i + 1),
            "midnight" => (24, 0, i + 1),
            _ => {
                let h = self.integer(i).filter(|h| (1..=12).contains(h))?;
                let mut k = i + 1;
                let mut minute = 0;
                if self.w(k) == ":" && self.joined(i) {
                    minute = self.integer(k + 1).filter(|m| *m < 60)?;
                    k += 2;
                }
                let pm = match self.w(k) {
                    "p.m" | "pm" => true,
                    "a.m" | "am" => false,
                    "p" | "a" if self.w(k + 1) == "." && self.w(k + 2) == "m" => {
                        k += 2;
                        self.w(k - 2) == "p"
                    }
                    _ => return None,
                };
                let hour = match (h, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (h, true) => h + 12,
                    (h, false) => h,
                };
                (hour, minute, k + 1)
            }
        };
        if TIME_ZONES.contains(&self.w(k)) {
            k += 1;
        }
        // "10:35 a.m. (0735 GMT) Friday": the time in another zone, in
        // brackets, stands between the time and its day. The expression is
        // the time alone, dated by that day, which is an expression of its own.
        let mut bracketed = None;
        if self.w(k) == "(" {
            let close = (k + 1..(k + 6).min(self.words.len())).find(|&j| self.w(j) == ")");
            if let Some(close) = close.filter(|&c| self.weekday_at(c + 1).is_some()) {
                bracketed = Some(k);
                k = close + 1;
            }
        }
        if self.w(k) == "," {
            k += 1;
        }
        // The day it is on.
        let day = self
            .calendar(k)
            .or_else(|| self.weekday(k))
            .or_else(|| self.relative_day(k))
            .filter(|f| f.value.len() == 10);
        let (end, date) = match day {
            Some(f) => (bracketed.unwrap_or(f.end), Some(f.value)),
            None => (
                if self.w(k - 1) == "," { k - 1 } else { k },
                self.reference.map(Day::date),
            ),
        };
        let time = format!("T{hour:02}:{minute:02}");
        found(
            end,
            "TIME",
            date.unwrap_or_else(|| "XXXX-XX-XX".into()) + &time,
        )
    }

    /// "today", "yesterday", "tomorrow" → their day.
    fn relative_day(&self, k: usize) -> Option<Found> {
        let offset = match self.w(k) {
            "today" => 0,
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => return None,
        };
        let value = self
            .reference
            .map_or("XXXX-XX-XX".into(), |r| Day(r.0 + offset).date());
        found(k + 1, "DATE", value)
    }

    /// Calendar dates: "January 13", "Jan. 13, 2022", "13 January 2022",
    /// "January 2022", "January", "Monday, Oct. 26", "2021-12-30",
    /// "12/30/2021", "the end of November", "early January".
    fn calendar(&self, i: usize) -> Option<Found> {
        let mut k = i;
        // "the week of March 6": that day's week.
        if self.w(k) == "the" && self.w(k + 1) == "week" && self.w(k + 2) == "of" {
            let f = self.calendar(k + 3)?;
            let named = Mentioned::of(&f.value)?;
            let (month, day) = named.month.zip(named.day)?;
            return found(f.end, "DATE", Day::of(named.year, month, day).week());
        }
        // "April 24 and 25": the second day, of the month just named.
        if let (Some(d), true) = (self.day_at(k), k >= 3) {
            let joined_days = ["and", "or", "to", "through"].contains(&self.w(k - 1))
                && self.day_at(k - 2).is_some()
                && self.month_at(k - 3).is_some()
                && self.month_at(k + 1).is_none()
                && !self.raw(k).contains(',');
            if let Some(m) = self.mentioned.get().filter(|_| joined_days) {
                if let Some(month) = m.month {
                    let date = Date::new(
                        u16::try_from(m.year).ok()?,
                        u8::try_from(month).ok()?,
                        u8::try_from(d).ok()?,
                    )?;
                    return found(k + 1, "DATE", date.to_string());
                }
            }
        }
        // "the end of", "the middle of", "early", "mid-", "late"
        if self.w(k) == "the"
            && ["end", "beginning", "start", "middle"].contains(&self.w(k + 1))
            && self.w(k + 2) == "of"
        {
            k += 3;
        } else if ["early", "late", "mid"].contains(&self.w(k)) {
            k += 1;
            if self.w(k) == "-" {
                k += 1;
            }
        }
        // "last November", "this September", "next March".
        let mut shift = None;
        if ["last", "this", "next"].contains(&self.w(k))
            && self.month_at(k + 1).is_some()
            && self.day_at(k + 2).is_none()
        {
            shift = Some(self.w(k).to_string());
            k += 1;
        }
        // A weekday before the date ("Monday, Oct. 26") is part of it; the
        // date says which day it is.
        if self.weekday_at(k).is_some() {
            let mut j = k + 1;
            if self.w(j) == "," {
                j += 1;
            }
            if self.month_at(j).is_some()
                || (self.day_at(j).is_some() && self.month_at(j + 1).is_some())
            {
                k = j;
            }
        }
        // ISO and slashed dates.
        if let Some(f) = self.numeric_date(k) {
            return Some(f);
        }
        // "13 January [2022]" or "January 13[, 2022]" or "January [2022]".
        let (month, day, mut next) =
            if let (Some(d), Some(m)) = (self.day_at(k), self.month_at(k + 1)) {
                (m, Some(d), k + 2)
            } else if let Some(m) = self.month_at(k) {
                let mut j = k + 1;
                if let Some(d) = self.day_at(j).filter(|_| self.year_at(j).is_none()) {
                    j += 1;
                    (m, Some(d), j)
                } else if self.w(j) == "of" && self.year_at(j + 1).is_some() {
                    (m, None, j + 1)
                } else {
                    (m, None, j)
                }
            } else if let (Some(d1), "-", Some(_), Some(m)) = (
                self.day_at(k),
                self.w(k + 1),
                self.day_at(k + 2),
                self.month_at(k + 3),
            ) {
                // "9-10 January": the first day here, the second is found at its own token.
                let end = k + 1;
                let y = self.year_for(m, Some(d1));
                return found(end, "DATE", ymd_value(y, m, Some(d1)));
            } else {
                return None;
            };
        // "May" and "March" alone are words too: only with a day, a year or
        // a word that makes them months.
        if day.is_none() && (month == 5 || month == 3) && self.year_at(next).is_none() {
            let before = if i > 0 { self.w(i - 1) } else { "" };
            // "the March accession", "the May elections": before a noun.
            let attributive = before == "the"
                && self.raw(next).starts_with(char::is_lowercase)
                && !["of", "on", "to", "for", "in", "against", "through"].contains(&self.w(next));
            let modifier = k > i
                || attributive
                || [
                    "in", "last", "next", "this", "since", "until", "by", "of", "through", "early",
                    "late", "mid",
                ]
                .contains(&before);
            if !modifier {
                return None;
            }
        }
        let mut y = None;
        let mut j = next;
        if self.w(j) == "," {
            j += 1;
        }
        if let Some(year) = self.year_at(j) {
            y = Some(year);
            next = j + 1;
        } else if let Some((year, after)) = self.spoken_year(j) {
            y = Some(year);
            next = after;
        }
        // "June last year", "January this year".
        if y.is_none()
            && ["last", "this", "next"].contains(&self.w(next))
            && self.w(next + 1) == "year"
        {
            let ry = self.reference.map(|r| r.ymd().0);
            y = ry.map(|ry| match self.w(next) {
                "last" => ry - 1,
                "next" => ry + 1,
                _ => ry,
            });
            next += 2;
        }
        if let (Some(shift), Some(r)) = (shift, self.reference) {
            let (ry, rm, _) = r.ymd();
            let m = month as i64;
            y = Some(match shift.as_str() {
                "last" if m >= rm => ry - 1,
                "next" if m <= rm => ry + 1,
                _ => ry,
            });
        }
        let y = y.or_else(|| self.year_for(month, day));
        found(next, "DATE", ymd_value(y, month, day))
    }

    /// "2021-12-30", "12/30/2021", "12/30/21".
    fn numeric_date(&self, k: usize) -> Option<Found> {
        let joined = |n: usize| (k..k + n).all(|j| self.joined(j));
        if let (Some(y), "-", Some(m), "-", Some(d)) = (
            self.year_at(k),
            self.w(k + 1),
            self.integer(k + 2),
            self.w(k + 3),
            self.integer(k + 4),
        ) {
            if joined(4) && self.w(k + 2).len() == 2 && self.w(k + 4).len() == 2 {
                let date = Date::new(y as u16, m as u8, d as u8)?;
                return found(k + 5, "DATE", date.to_string());
            }
        }
        if let (Some(m), "/", Some(d), "/", Some(y)) = (
            self.integer(k),
            self.w(k + 1),
            self.integer(k + 2),
            self.w(k + 3),
            self.integer(k + 4),
        ) {
            if joined(4) {
                let y = match (y, self.w(k + 4).len()) {
                    (y, 4) => y as i64,
                    (y, 2) if y < 50 => 2000 + y as i64,
                    (y, 2) => 1900 + y as i64,
                    _ => return None,
                };
                let date = Date::new(
                    u16::try_from(y).ok()?,
                    u8::try_from(m).ok()?,
                    u8::try_from(d).ok()?,
                )?;
                return found(k + 5, "DATE", date.to_string());
            }
        }
        None
    }

    /// "Friday", "last Thursday", "next Monday", "Friday morning", "Friday's".
    fn weekday(&self, i: usize) -> Option<Found> {
        let (direction, k) = match self.w(i) {
            "last" | "past" | "previous" => (-1, i + 1),
            "next" | "coming" => (1, i + 1),
            "this" => (0, i + 1),
            _ => (0, i),
        };
        let wd = self.weekday_at(k)?;
        let day = self.weekday_day(wd, direction, k);
        let date = day.map_or_else(|| format!("XXXX-WXX-{}", wd + 1), Day::date);
        if let Some(&(_, code)) = DAY_PARTS.iter().find(|(p, _)| *p == self.w(k + 1)) {
            return found(k + 2, "TIME", format!("{date}T{code}"));
        }
        found(k + 1, "DATE", date)
    }

    /// "today", "tonight", "this morning", "last night", "this week",
    /// "earlier this month", "last year", "next summer", "the weekend",
    /// "that day".
    fn relative(&self, i: usize) -> Option<Found> {
        if let Some(f) = self.relative_day(i) {
            return Some(f);
        }
        if ["early", "late"].contains(&self.w(i)) {
            if let Some(f) = self.relative_day(i + 1) {
                return Some(f);
            }
        }
        let r = self.reference;
        // "mid-afternoon yesterday", "by mid afternoon", "late Friday
        // evening": a part of the day after early/late/mid, on the day named
        // after it, else the reference day.
        if PERIOD_MODIFIERS.contains(&self.w(i)) {
            let mut k = i + 1;
            if self.w(k) == "-" && self.joined(i) {
                k += 1;
            }
            let part = DAY_PARTS
                .iter()
                .find(|(p, _)| *p == self.w(k) && !["overnight", "nights"].contains(p));
            if let Some(&(_, code)) = part {
                let day = self
                    .relative_day(k + 1)
                    .or_else(|| self.weekday(k + 1))
                    .filter(|f| f.value.len() == 10);
                // Without a day, only "by mid afternoon", "at mid-morning": the
                // reference day's. "In the early morning hours", "a
                // late-afternoon meeting" say no day.
                let (end, date) = match day {
                    Some(f) => (f.end, f.value),
                    None => {
                        let after_preposition = i > 0
                            && [
                                "at", "by", "until", "till", "since", "from", "before", "after",
                            ]
                            .contains(&self.w(i - 1));
                        if !after_preposition || self.raw(k + 1).starts_with(char::is_lowercase) {
                            return None;
                        }
                        (k + 1, r.map_or("XXXX-XX-XX".into(), Day::date))
                    }
                };
                return found(end, "TIME", format!("{date}T{code}"));
            }
        }
        match self.w(i) {
            "tonight" => {
                return found(
                    i + 1,
                    "TIME",
                    r.map_or("XXXX-XX-XX".into(), Day::date) + "TNI",
                )
            }
            "this" | "last" | "yesterday" | "tomorrow"
                if DAY_PARTS.iter().any(|(p, _)| *p == self.w(i + 1))
                    && self.w(i + 1) != "overnight" =>
            {
                let offset = match self.w(i) {
                    "last" | "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                let code = DAY_PARTS
                    .iter()
                    .find(|(p, _)| *p == self.w(i + 1))
                    .map_or("", |p| p.1);
                let day = r.map_or("XXXX-XX-XX".into(), |r| Day(r.0 + offset).date());
                return found(i + 2, "TIME", format!("{day}T{code}"));
            }
            _ => {}
        }
        // [early|late|earlier|later] (this|last|next|that) unit
        let mut k = i;
        // "the end of this week", "the end of the year": the period itself.
        let framed = self.w(k) == "the"
            && ["end", "beginning", "start", "middle"].contains(&self.w(k + 1))
            && self.w(k + 2) == "of";
        if framed {
            k += 3;
        } else if PERIOD_MODIFIERS.contains(&self.w(k)) {
            k += 1;
            if self.w(k) == "-" {
                k += 1;
            }
            if self.w(k) == "in" {
                k += 1;
            }
        }
        // "the early summer", "the late spring": the season the tense puts
        // nearest, as for a month.
        if k == i && self.w(k) == "the" && PERIOD_MODIFIERS.contains(&self.w(k + 1)) {
            if let Some(&(_, code)) = SEASONS.iter().find(|(s, _)| *s == self.w(k + 2)) {
                let month = match code {
                    "SP" => 4,
                    "SU" => 7,
                    "FA" => 10,
                    _ => 1,
                };
                let y = self.year_for(month, None).map_or("XXXX".into(), year);
                return found(k + 3, "DATE", format!("{y}-{code}"));
            }
        }
        // "the current year" is this year; "the following year" the one
        // after the year last named.
        if self.w(k) == "the" && ["current", "following"].contains(&self.w(k + 1)) {
            k += 1;
        }
        // "year-end", "year's end": the end of this year.
        if k == i
            && self.w(k) == "year"
            && ((self.w(k + 1) == "-" && self.joined(k)) || self.w(k + 1) == "end")
        {
            let end = if self.w(k + 1) == "-" { k + 3 } else { k + 2 };
            if self.w(end - 1) == "end" {
                let r = r.map_or("XXXX".into(), |r| year(r.ymd().0));
                return found(end, "DATE", r);
            }
        }
        let direction = match self.w(k) {
            "this" | "the" if k > i || self.w(k) == "this" => 0,
            "current" => 0,
            "following" if k > i => 2,
            "last" | "past" | "previous" => -1,
            "next" | "coming" => 1,
            "that" | "the" => 2,
            _ => return None,
        };
        let determiner = self.w(k).to_string();
        // "this fiscal year", "the current fiscal quarter": the company's
        // year, which news dates as the calendar one it mostly falls in.
        if direction != 2
            && self.w(k + 1) == "fiscal"
            && ["year", "quarter"].contains(&self.w(k + 2))
        {
            k += 1;
        }
        let unit_word = self.w(k + 1);
        if let Some(&(_, code)) = SEASONS.iter().find(|(s, _)| *s == unit_word) {
            let (ry, rm, _) = r?.ymd();
            let season_month = match code {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let y = match direction {
                -1 if rm <= season_month + 2 && code != "WI" => ry - 1,
                -1 => ry,
                1 if rm >= season_month => ry + 1,
                _ => ry,
            };
            // "the winter of 1994"
            if self.w(k + 2) == "of" {
                let named = self
                    .year_at(k + 3)
                    .map(|y| (y, k + 4))
                    .or_else(|| self.spoken_year(k + 3));
                if let Some((y, end)) = named {
                    return found(end, "DATE", format!("{}-{code}", year(y)));
                }
            }
            return found(k + 2, "DATE", format!("{}-{code}", year(y)));
        }
        let unit = Unit::parse(unit_word).filter(|_| !unit_word.ends_with('s'))?;
        // "the week" alone is too vague; "the weekend" is a date.
        if direction == 2 && determiner == "the" && unit != Unit::Weekend {
            return None;
        }
        if direction == 2
            && (determiner == "that" || determiner == "following")
            && ![Unit::Day, Unit::Week, Unit::Month, Unit::Year].contains(&unit)
        {
            return None;
        }
        let Some(r) = r else {
            let unknown = match unit {
                Unit::Week => "XXXX-WXX",
                Unit::Weekend => "XXXX-WXX-WE",
                Unit::Month => "XXXX-XX",
                Unit::Quarter => "XXXX-QX",
                Unit::Year => "XXXX",
                Unit::Decade => "XXX",
                Unit::Century => "XX",
                _ => "XXXX-XX-XX",
            };
            return found(k + 2, "DATE", unknown);
        };
        // "that year", "that day", "the following month": from the date the
        // text named last, when it names one fine enough.
        let following = determiner == "following";
        if determiner == "that" || following {
            let step = i64::from(following);
            if let Some(m) = self.mentioned.get() {
                let value = match (unit, m.month, m.day) {
                    (Unit::Year, _, _) => Some(year(m.year + step)),
                    (Unit::Month, Some(mo), _) => {
                        let (y, mo) = add_months(m.year, mo, step);
                        Some(format!("{}-{mo:02}", year(y)))
                    }
                    (Unit::Day, Some(mo), Some(d)) if d <= days_in_month(2000, mo as u8) as i64 => {
                        Some(Day(Day::of(m.year, mo, d).0 + step).date())
                    }
                    _ => None,
                };
                if let Some(v) = value {
                    return found(k + 2, "DATE", v);
                }
            }
        }
        let step = if direction == 2 { 0 } else { direction as i64 };
        let (ry, rm, _) = r.ymd();
        let value = match unit {
            Unit::Day => Day(r.0 + step).date(),
            Unit::Week => Day(r.0 + 7 * step).week(),
            Unit::Weekend => {
                // The weekend of the reference week; "last weekend" the one before.
                // "the weekend" in the past tense: the last one begun.
                let back = step < 0 || (step == 0 && !self.future() && r.weekday() < 5);
                let saturday = Day(r.0 - r.weekday() + 5 - if back { 7 } else { 0 });
                format!("{}-WE", saturday.week())
            }
            Unit::Month => {
                let (y, m) = add_months(ry, rm, step);
                format!("{}-{m:02}", year(y))
            }
            Unit::Quarter => {
                let q = (rm - 1) / 3;
                let (y, q) = add_months(ry, q * 3 + 1, 3 * step);
                format!("{}-Q{}", year(y), (q - 1) / 3 + 1)
            }
            Unit::Year => year(ry + step),
            Unit::Decade => {
                let y = ry + 10 * step;
                if (0..=9999).contains(&y) {
                    format!("{:03}", y / 10)
                } else {
                    "XXX".into()
                }
            }
            Unit::Century => {
                let y = ry + 100 * step;
                if (0..=9999).contains(&y) {
                    format!("{:02}", y / 100)
                } else {
                    "XX".into()
                }
            }
            _ => return None,
        };
        found(k + 2, "DATE", value)
    }

    /// Amounts of time: "two months" (duration), "the past two months",
    /// "50-minute", "two days ago" (a date), "every week" (a set), "daily".
    /// Whether token `k` follows an amount: a number, "million", "percent",
    /// "%", "cents", or a plural noun after one ("700 seats"; not "three
    /// times").
    fn after_amount(&self, k: usize) -> bool {
        let amount = |j: usize| {
            j > 0
                && (self.is_number(j - 1)
                    || ["million", "billion", "trillion", "percent", "%", "cents"]
                        .contains(&self.w(j - 1)))
        };
        let b = if k > 0 { self.w(k - 1) } else { "" };
        amount(k) || (b.ends_with('s') && amount(k - 1) && b != "times")
    }

    fn amount(&self, i: usize) -> Option<Found> {
        // A rate after an amount is no time: "$500 million a year", "700
        // seats a week", "15 million instructions per second", "rise 8.5%
        // annually" ("twice a week" stays a set).
        let rate =
            |end: usize| ["a", "per"].contains(&self.w(i)) && end == i + 2 && self.after_amount(i);
        // Sets.
        let set = match self.w(i) {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            _ => None,
        };
        if let Some(v) = set {
            if ["annually", "yearly"].contains(&self.w(i)) && self.after_amount(i) {
                return None;
            }
            return found(i + 1, "SET", v);
        }
        if ["every", "each", "per"].contains(&self.w(i)) {
            let mut k = i + 1;
            if self.w(k) == "other" {
                k += 1;
            }
            if let Some(wd) = self.weekday_at(k) {
                return found(k + 1, "SET", format!("XXXX-WXX-{}", wd + 1))
                    .filter(|f| !rate(f.end));
            }
            let (n, j) = self
                .count(k)
                .filter(|(n, _)| n.is_some())
                .unwrap_or((Some(1), k));
            let unit = Unit::parse(self.w(j))?;
            return found(j + 1, "SET", unit.duration(n)).filter(|f| !rate(f.end));
        }
        // [about|nearly|more than …] [the] [past|last|next|coming|first|previous] [count] unit[s] [ago|earlier|later]
        let mut k = i;
        let mut lead = false;
        if let Some(q) = QUALIFIERS
            .iter()
            .filter(|q| super::first_word_is(q, self.w(i)))
            .find(|q| q.split(' ').enumerate().all(|(n, w)| self.w(i + n) == w))
        {
            let after = i + q.split(' ').count();
            if self.count(after).is_some() {
                let rest = self.amount(after)?;
                return Some(Found {
                    end: rest.end,
                    ..rest
                });
            }
        }
        if self.w(k) == "the" {
            k += 1;
        }
        if PAST_WORDS.contains(&self.w(k))
            || NEXT_WORDS.contains(&self.w(k))
            || ["first", "final", "recent", "full"].contains(&self.w(k))
        {
            lead = true;
            k += 1;
        }
        let (n, mut j) = match self.count(k) {
            Some(c) => c,
            None if lead || self.w(i) == "the" => (Some(1), k),
            None => (None, k),
        };
        // "2 1/2 years", "two and a half hours": half a unit more.
        let mut half = false;
        if j > k
            && n.is_some()
            && ((self.w(j) == "1"
                && self.w(j + 1) == "/"
                && self.w(j + 2) == "2"
                && self.joined(j))
                || (self.w(j) == "and" && self.w(j + 1) == "a" && self.w(j + 2) == "half"))
        {
            half = true;
            j += 3;
        }
        // "two more weeks", "an additional year": still the amount.
        if j > k && ["more", "additional", "extra", "further"].contains(&self.w(j)) {
            j += 1;
        }
        // "50-minute", "two-year": the count joined to a singular unit.
        let adjectival = j > k && self.w(j) == "-" && self.joined(j - 1) && self.joined(j);
        if adjectival {
            j += 1;
        }
        let unit_word = self.w(j);
        let unit = Unit::parse(unit_word)?;
        let plural = unit_word.ends_with('s');
        // "the 1988 quarter", "the 1990 year": a year before a singular
        // unit names that year's period (quarter() reads it), not 1,988 of them.
        if !plural && !adjectival && j == k + 1 && self.year_at(k).is_some() {
            return None;
        }
        // "a day-long meeting", "a decades-long battle": a length of the unit.
        if j == i && self.w(j + 1) == "-" && self.joined(j) && self.w(j + 2) == "long" {
            let n = if plural { None } else { Some(1) };
            return found(j + 3, "DURATION", unit.duration(n));
        }
        // A bare unit needs a count or a lead word ("the past month"), or
        // must be a plural after "for"/"in"/"over" ("for years").
        let before = if i > 0 { self.w(i - 1) } else { "" };
        let bare = j == k && !lead;
        // "in the weeks ahead": some number of them, still to come; "over
        // the years", "in the years that followed": some number of them, gone.
        let gone = j == i + 1
            && (before == "over"
                || (before == "in"
                    && (self.w(j + 1) == "since"
                        || (self.w(j + 1) == "that" && self.w(j + 2) == "followed"))));
        if bare && plural && self.w(i) == "the" && (self.w(j + 1) == "ahead" || gone) {
            let end = if self.w(j + 1) == "ahead" {
                j + 2
            } else {
                j + 1
            };
            return found(end, "DURATION", unit.duration(None));
        }
        if bare
            && !(plural
                && ["for", "over", "within", "recent", "in"].contains(&before)
                && self.w(i) != "the")
        {
            return None;
        }
        if bare && self.w(i) == "the" {
            return None;
        }
        // "the weekend" is relative(); "a quarter" of something is no time.
        if unit == Unit::Weekend && bare {
            return None;
        }
        // "a quarter of the votes", "three-quarters of its food": fractions
        // ("several quarters of losses", "two quarters of 1990" are time).
        if unit == Unit::Quarter
            && !lead
            && n.is_some()
            && self.w(j + 1) == "of"
            && self.year_at(j + 2).is_none()
        {
            return None;
        }
        // "a year-earlier loss": the article is the noun's, the unit starts
        // a compound read at its own token (period()).
        if !adjectival && self.w(j + 1) == "-" && self.joined(j) {
            return None;
        }
        let mut end = j + 1;
        // A plural without a count ("recent years", "the coming weeks") is
        // some number of units: PXY, PXW.
        let n = if bare || (j == k && plural) { None } else { n };
        // "two days ago", "a year earlier": a date. But "three days later"
        // and "ten days before the vote" count from another event, not
        // from the reference date: TimeML tags the amount alone, a duration.
        // "a week or so ago": the approximation inside the date.
        if self.w(end) == "or"
            && self.w(end + 1) == "so"
            && ["ago", "earlier"].contains(&self.w(end + 2))
        {
            end += 2;
        }
        // "Islam will one day be …": some day, not a length of one.
        if self.w(i) == "one"
            && unit == Unit::Day
            && j == k + 1
            && ["will", "would", "could", "may", "might", "shall", "can"].contains(&before)
        {
            return found(end, "DATE", "FUTURE_REF");
        }
        let anchor = self.w(end);
        let from_event = anchor == "later"
            || (anchor == "before" && self.w(end + 1).starts_with(|c: char| c.is_alphanumeric()));
        if ["ago", "earlier", "before", "later", "hence"].contains(&anchor)
            && !from_event
            && !adjectival
            && !lead
        {
            let back = self.w(end) != "later" && self.w(end) != "hence";
            end += 1;
            // "several years ago": some time before, no date to give.
            let Some(n) = n else {
                return found(end, "DATE", if back { "PAST_REF" } else { "FUTURE_REF" });
            };
            let Some(r) = self.reference else {
                return found(end, "DATE", "XXXX-XX-XX");
            };
            let n = n as i64;
            let n = if back { -n } else { n };
            let (ry, rm, _) = r.ymd();
            let value = match unit {
                Unit::Day => Day(r.0 + n).date(),
                Unit::Week => Day(r.0 + 7 * n).week(),
                Unit::Month => {
                    let (y, m) = add_months(ry, rm, n);
                    format!("{}-{m:02}", year(y))
                }
                Unit::Year => year(ry + n),
                Unit::Decade => year(ry + 10 * n),
                Unit::Century => year(ry + 100 * n),
                Unit::Hour | Unit::Minute | Unit::Second => {
                    return found(
                        end,
                        "DURATION",
                        unit.duration(Some(n.unsigned_abs() as u32)),
                    )
                    .filter(|_| false)
                }
                _ => return None,
            };
            return found(end, "DATE", value);
        }
        // "once a week", "$5 an hour": a set ("$5 a year" is a rate, above).
        if i > 0
            && ["a", "an", "per"].contains(&self.w(i))
            && (self.is_number(i - 1) || ["once", "twice", "times", "%"].contains(&before))
        {
            return found(end, "SET", unit.duration(Some(1))).filter(|f| !rate(f.end));
        }
        // "a 6-year-old", "the 44-year-old", "52 years old": ages, not times.
        if (adjectival && self.w(end) == "-" && self.w(end + 1) == "old")
            || (plural && self.w(end) == "old")
        {
            return None;
        }
        // "a minute and a half"
        if !half
            && n.is_some()
            && self.w(end) == "and"
            && self.w(end + 1) == "a"
            && self.w(end + 2) == "half"
        {
            half = true;
            end += 3;
        }
        // "two years or so": the approximation is part of it.
        if self.w(end) == "or" && self.w(end + 1) == "so" {
            end += 2;
        }
        let value = match n {
            Some(n) if half => unit.duration_and_half(n),
            _ => unit.duration(n),
        };
        found(end, "DURATION", value).filter(|f| !rate(f.end))
    }

    /// "the third quarter", "third-quarter", "the fiscal first quarter",
    /// "the first half", "the quarter", "the latest quarter".
    fn quarter(&self, i: usize) -> Option<Found> {
        let mut k = i;
        if self.w(k) == "the" {
            k += 1;
        }
        // The year named before it: "the 1988 third quarter", "this year's
        // third quarter", "last year's quarter", "the year-ago third quarter".
        let ry = self.reference.map(|r| r.ymd().0);
        let mut named: Option<Option<i64>> = None;
        if let Some(y) = self.year_at(k) {
            named = Some(Some(y));
            k += 1;
        } else if ["this", "last", "next"].contains(&self.w(k))
            && self.w(k + 1) == "year"
            && possessive_stem(self.raw(k + 1)).is_some()
        {
            let shift = match self.w(k) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            named = Some(ry.map(|y| y + shift));
            k += 2;
        } else if self.w(k) == "year"
            && self.w(k + 1) == "-"
            && ["ago", "earlier"].contains(&self.w(k + 2))
            && ORDINALS.iter().any(|(o, _)| *o == self.w(k + 3))
        {
            named = Some(ry.map(|y| y - 1));
            k += 3;
        }
        // "the 1989 period" of an earnings story: its quarter that year.
        if let (Some(Some(y)), "period", true) = (named, self.w(k), self.quarterly) {
            if self.reported.get() == Some(Reported::Longer) {
                return found(k + 1, "DATE", year(y));
            }
            let (_, m, _) = self.reference?.ymd();
            let (qy, qm) = add_months(y, ((m - 1) / 3) * 3 + 1, -3);
            let qy = if qy < y { y } else { qy };
            let q = if qy == y { (qm - 1) / 3 + 1 } else { 4 };
            return found(k + 1, "DATE", format!("{}-Q{q}", year(qy)));
        }
        if self.w(k) == "fiscal" {
            k += 1;
            // "the fiscal-first quarter"
            if self.w(k) == "-" && self.joined(k - 1) {
                k += 1;
            }
        }
        let ordinal = ORDINALS
            .iter()
            .find(|(o, _)| *o == self.w(k))
            .map(|&(_, n)| n);
        let latest = [
            "latest",
            "current",
            "recent",
            "last",
            "year-earlier",
            "year-ago",
            "final",
        ]
        .contains(&self.w(k));
        if ordinal.is_some() || latest {
            k += 1;
        }
        // "the first two quarters of 1990": a half ("the last two": the second).
        let second_half = k > 0 && self.w(k - 1) == "last";
        let two_quarters = (ordinal == Some(1) || second_half)
            && self.w(k) == "two"
            && self.w(k + 1) == "quarters";
        if two_quarters {
            k += 1;
        }
        if k > 0 && self.w(k) == "-" && self.joined(k - 1) {
            // "the third-quarter results": the adjective without its article.
            if self.w(i) == "the" && k > i + 1 {
                return None;
            }
            k += 1;
        }
        let unit = self.w(k);
        let half = unit == "half" || two_quarters;
        if unit != "quarter" && !half {
            return None;
        }
        // "the last half of the '80s": within the decade, which is the value.
        if half && self.w(k + 1) == "of" {
            if let Some(decade) = self.years(k + 2).filter(|f| f.value.len() == 3) {
                return Some(decade);
            }
        }
        if k == i || (k == i + 1 && self.w(i) == "the" && !self.future() && self.w(k + 1) == "of") {
            return None;
        }
        let Some(r) = self.reference else {
            return found(k + 1, "DATE", if half { "XXXX-HX" } else { "XXXX-QX" });
        };
        let (mut y, rm, _) = r.ymd();
        if self.w(k + 1) == "of" {
            if let Some(year) = self.year_at(k + 2) {
                named = Some(Some(year));
                k += 2;
            }
        }
        if let Some(named) = named {
            y = named?;
        }
        let value = if half {
            let h = match ordinal {
                _ if two_quarters && second_half => 2,
                Some(n) if n <= 2 => n as i64,
                _ => (rm - 1) / 6 + 1,
            };
            format!("{}-H{h}", year(y))
        } else {
            let current = (rm - 1) / 3 + 1;
            let (qy, q) = match ordinal {
                Some(n) if named.is_some() => (y, n as i64),
                Some(n) if self.past() && n as i64 > current => (y - 1, n as i64),
                // The quarter just ended is still this year's, whose results
                // are to come: "will report third-quarter results" in October.
                Some(n) if self.future() && (n as i64) < current - 1 => (y + 1, n as i64),
                Some(n) => (y, n as i64),
                // The last quarter reported: the one before the reference's.
                None if self.w(k - 1) == "current" => (y, current),
                // "last year's quarter": the same quarter, that year.
                None if named.is_some() => {
                    let (_, qm) = add_months(y, (current - 1) * 3 + 1, -3);
                    (y, (qm - 1) / 3 + 1)
                }
                None => {
                    let (qy, qm) = add_months(y, (current - 1) * 3 + 1, -3);
                    (qy, (qm - 1) / 3 + 1)
                }
            };
            // "the year-ago quarter", "the quarter a year ago".
            let year_ago = ordinal.is_none()
                && named.is_none()
                && ["a", "one"].contains(&self.w(k + 1))
                && self.w(k + 2) == "year"
                && ["ago", "earlier", "before"].contains(&self.w(k + 3));
            if year_ago {
                k += 3;
            }
            let qy = if self.w(k - 1).starts_with("year-") || year_ago {
                qy - 1
            } else {
                qy
            };
            format!("{}-Q{q}", year(qy))
        };
        found(k + 1, "DATE", value)
    }

    /// Whether what reads as a time expression at `i` is none: a title ("ABC's
    /// This Week", "60 Minutes", "High Noon": a word of time capitalised
    /// inside a sentence that is not itself in title case), an ordinal ("a
    /// second group"), or a piece of a compound ("quarter-to-quarter",
    /// "one-half"; "post-1959" is a time). Rates after an amount are left
    /// out where they are read ([`Reader::amount`]).
    fn not_a_time(&self, i: usize, f: &Found) -> bool {
        let end = f.end.min(self.words.len());
        // "-quarter" of "quarter-to-quarter", "-half" of "one-half"; a range
        // ("9-10 January") and "post-1959" go on.
        let hyphen = if self.w(i) == "-" {
            Some(i)
        } else {
            i.checked_sub(1).filter(|&h| self.w(h) == "-")
        };
        if let Some(h) = hyphen.filter(|&h| h > 0 && self.joined(h - 1)) {
            if self.raw(h - 1).starts_with(char::is_alphabetic)
                && !["post", "pre", "mid"].contains(&self.w(h - 1))
            {
                return true;
            }
        }
        if self.w(end) == "-" && self.w(end + 1) == "to" && self.joined(end - 1) {
            return true;
        }
        let time_word = |k: usize| {
            let w = self.w(k);
            Unit::parse(w).is_some()
                || [
                    "today",
                    "tonight",
                    "tomorrow",
                    "yesterday",
                    "noon",
                    "midnight",
                    "now",
                ]
                .contains(&w)
        };
        // A headline in title case: most words after the first, outside the
        // expression, capitalised ("Talks To Resume Next Week In Geneva").
        let title_case = {
            let others = || {
                (1..self.words.len())
                    .filter(|k| !(i..end).contains(k))
                    .filter(|&k| self.raw(k).starts_with(char::is_alphabetic))
            };
            others().filter(|&k| self.capitalised(k)).count() * 2 > others().count()
        };
        // A capital after a word, not after an opening quote ("``Today, I'm
        // here"); holidays are names of their own ("Thanksgiving Day").
        let title = |k: usize| {
            k > 0
                && time_word(k)
                && self.capitalised(k)
                && self.raw(k - 1).starts_with(char::is_alphanumeric)
        };
        if !title_case && self.holiday(i).is_none() && (i..end).any(title) {
            return true;
        }
        let before = |k: usize| if k > 0 { self.w(k - 1) } else { "" };
        // "today's youth", "in today's world", "today's dollars": these days
        // in general, not the day of the story ("today's vote" is that day).
        if self.w(i) == "today"
            && end == i + 1
            && possessive_stem(self.raw(i)).is_some()
            && GENERIC_AFTER_TODAY.contains(&self.w(end))
        {
            return true;
        }
        // "24 hours a day", "seven days a week": a rate of constancy, neither
        // a length nor a set.
        if f.kind == "DURATION"
            && ["a", "per"].contains(&self.w(end))
            && Unit::parse(self.w(end + 1)).is_some()
        {
            return true;
        }
        // "the people of tomorrow", "the world of tomorrow": any time to come
        // ("the events of today" may be the day's).
        if self.w(i) == "tomorrow"
            && end == i + 1
            && before(i) == "of"
            && i >= 2
            && self.raw(i - 2).starts_with(char::is_lowercase)
            && !["day", "morning", "night", "evening", "afternoon"].contains(&self.w(i - 2))
        {
            return true;
        }
        // "a second group": an ordinal before its noun.
        f.kind == "DURATION"
            && ["a", "the"].contains(&self.w(i))
            && self.w(i + 1) == "second"
            && end == i + 2
            && self.raw(end).starts_with(char::is_alphabetic)
            && ![
                "later", "earlier", "ago", "before", "after", "or", "and", "of", "to", "in",
            ]
            .contains(&self.w(end))
    }

    /// The last quarter reported, `back` years before (an earnings story's
    /// "the latest period", "a year ago").
    fn reported_quarter(&self, back: i64) -> Option<String> {
        let (qy, q) = last_quarter(self.reference?);
        Some(format!("{}-Q{q}", year(qy - back)))
    }

    /// "A year earlier" in an earnings story: the quarter last reported on, a
    /// year before; the year before after nine months or a half ("net for
    /// the nine months rose 8% from a year earlier"); with neither named, the
    /// last quarter reported a year before, or the year before outside
    /// earnings stories.
    fn year_back(&self) -> Option<String> {
        let ry = self.reference?.ymd().0;
        match self.reported.get() {
            Some(Reported::Quarter(y, q)) => Some(format!("{}-Q{q}", year(y - 1))),
            Some(Reported::Longer) => Some(year(ry - 1)),
            None if self.quarterly => self.reported_quarter(1),
            None => Some(year(ry - 1)),
        }
    }

    /// Reporting periods: "the year ended June 30" (a year), "for the year",
    /// "the latest period", "the year-earlier quarter", "year-ago", and, in
    /// an earnings story, "a year ago" as the same quarter a year before.
    fn period(&self, i: usize) -> Option<Found> {
        let mut k = i;
        if self.w(k) == "the" {
            k += 1;
        }
        // "year-earlier", "year-ago"
        let year_before = self.w(k) == "year"
            && self.w(k + 1) == "-"
            && ["earlier", "ago"].contains(&self.w(k + 2));
        if year_before {
            let mut end = k + 3;
            if ["quarter", "period"].contains(&self.w(end)) {
                end += 1;
            } else if k > i {
                // "the year-ago results": the article is the noun's.
                return None;
            }
            // "the year-ago quarter" is a quarter whatever was reported last.
            let value = match self.reported.get() {
                Some(Reported::Longer) if self.w(end - 1) == "quarter" => {
                    self.reported_quarter(1)?
                }
                None if end > k + 3 => self.reported_quarter(1)?,
                _ => self.year_back()?,
            };
            return found(end, "DATE", value);
        }
        if ["latest", "recent", "same"].contains(&self.w(k))
            && ["period", "quarter"].contains(&self.w(k + 1))
            && k > i
        {
            return found(k + 2, "DATE", self.reported_quarter(0)?);
        }
        // "the full year" of a report is the year reported, not a length.
        if k > i && self.w(k) == "full" && self.w(k + 1) == "year" {
            return found(k + 2, "DATE", year(self.reference?.ymd().0));
        }
        if self.w(k) == "fiscal" {
            k += 1;
        }
        if k > i && self.w(k) == "year" {
            if ["ended", "ending", "to", "through"].contains(&self.w(k + 1)) {
                return found(k + 1, "DURATION", "P1Y");
            }
            let before = if i > 0 { self.w(i - 1) } else { "" };
            if ["for", "of", "in", "during", "through"].contains(&before) {
                return found(k + 1, "DATE", year(self.reference?.ymd().0));
            }
        }
        // "a year ago" in an earnings story.
        if (self.quarterly || self.reported.get().is_some())
            && ["a", "one"].contains(&self.w(i))
            && self.w(i + 1) == "year"
            && ["ago", "earlier"].contains(&self.w(i + 2))
        {
            return found(i + 3, "DATE", self.year_back()?);
        }
        None
    }

    /// "2014", "fiscal 1989", "mid-1990", "the 1990s", "the '90s",
    /// "the 20th century".
    fn years(&self, i: usize) -> Option<Found> {
        let mut k = i;
        // "the" belongs to a decade or a century ("the 1990s", "the early
        // 1980s", "the 20th century"), not to a year ("the 1990 budget").
        let mut bare_the = false;
        if self.w(k) == "the"
            && ["end", "beginning", "start", "middle"].contains(&self.w(k + 1))
            && self.w(k + 2) == "of"
        {
            k += 3;
        } else if self.w(k) == "the" {
            bare_the = true;
            k += 1;
        }
        let modified = if self.w(k) == "fiscal"
            || ((["early", "late", "mid"].contains(&self.w(k))) && self.w(k + 1) != "in")
        {
            k += 1;
            if self.w(k) == "-" {
                k += 1;
            }
            true
        } else {
            false
        };
        // "the year 2000", "the year two thousand"
        if bare_the && self.w(k) == "year" {
            let named = self
                .year_at(k + 1)
                .map(|y| (y, k + 2))
                .or_else(|| self.spoken_year(k + 1));
            if let Some((y, end)) = named {
                return found(end, "DATE", year(y));
            }
        }
        if let Some((y, end)) = self.spoken_year(k).filter(|_| !bare_the) {
            return found(end, "DATE", year(y));
        }
        if let Some(y) = self.year_at(k) {
            if bare_the {
                return None;
            }
            // Not a count: "1500 troops" (news writes counts with commas, but
            // not always), nor part of a longer number or a compound
            // ("1500-member"; "in 1984 -- part of" is a year).
            let next = self.w(k + 1);
            let compound = next == "-" && self.joined(k);
            if (["%", "percent"].contains(&next) || compound)
                && !modified
                && !(next == "-" && self.year_at(k + 2).is_some())
            {
                return None;
            }
            let before = if k > 0 { self.w(k - 1) } else { "" };
            if ["$", "€", "£", "no", "number", "#"].contains(&before) {
                return None;
            }
            return found(k + 1, "DATE", year(y));
        }
        // Decades: "1990s", "the 1990s", "the '90s", "the nineties".
        let j = k;
        let w = self.w(j);
        if let Some(d) = w
            .strip_suffix('s')
            .filter(|d| d.len() == 4 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()))
        {
            return found(j + 1, "DATE", d[..3].to_string());
        }
        if (w == "'" || w == "’") && self.joined(j) {
            if let Some(d) = self
                .w(j + 1)
                .strip_suffix('s')
                .filter(|d| d.len() == 2 && d.ends_with('0'))
            {
                let century = self.reference.map_or(19, |r| r.ymd().0 / 100);
                let century = if d.parse::<i64>().unwrap_or(0)
                    > self.reference.map_or(99, |r| r.ymd().0 % 100)
                {
                    century - 1
                } else {
                    century
                };
                return found(j + 2, "DATE", format!("{century:02}{}", &d[..1]));
            }
        }
        // "the nineties": the last such decade (only after "the": "in her
        // nineties" is an age).
        let tens = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ];
        if let Some(t) = tens.iter().position(|t| *t == w).filter(|_| bare_the) {
            let decade = t as i64 + 2;
            let ry = self.reference.map_or(1999, |r| r.ymd().0);
            let century = if decade * 10 > ry % 100 {
                ry / 100 - 1
            } else {
                ry / 100
            };
            if (0..=99).contains(&century) {
                return found(j + 1, "DATE", format!("{century:02}{decade}"));
            }
        }
        // Centuries: "the 20th century", "the nineteenth century".
        let ordinal = self
            .w(j)
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<i64>()
            .ok();
        if let (Some(n), "century") = (ordinal, self.w(j + 1)) {
            if (1..=99).contains(&n)
                && self.w(j) != ordinal.map(|n| n.to_string()).unwrap_or_default()
            {
                return found(j + 2, "DATE", format!("{:02}", n - 1));
            }
        }
        None
    }

    /// Holidays with a fixed or computable date.
    fn holiday(&self, i: usize) -> Option<Found> {
        use Holiday::*;
        if !self.capitalised(i) {
            return None;
        }
        // "Christmas Day", "Thanksgiving Day": the day word is part of it.
        let with = |word: &str, more: usize| {
            if self.w(i + 1) == word {
                more + 1
            } else {
                more
            }
        };
        let (holiday, len) = match self.w(i) {
            "christmas" if self.w(i + 1) == "eve" => (ChristmasEve, 2),
            "christmas" => (Christmas, with("day", 1)),
            "thanksgiving" => (Thanksgiving, with("day", 1)),
            "halloween" => (Halloween, 1),
            "easter" => (Easter, with("sunday", 1)),
            // "Year's" is one token, its possessive taken off in `words`.
            "new" if self.w(i + 1) == "year" && possessive_stem(self.raw(i + 1)).is_some() => {
                match self.w(i + 2) {
                    "eve" => (NewYearsEve, 3),
                    "day" => (NewYearsDay, 3),
                    _ => (NewYearsDay, 2),
                }
            }
            "labor" if self.w(i + 1) == "day" => (Labor, 2),
            "memorial" if self.w(i + 1) == "day" => (Memorial, 2),
            "independence" if self.w(i + 1) == "day" => (Independence, 2),
            "veterans" if self.w(i + 1) == "day" => (Veterans, 2),
            "election" if self.w(i + 1) == "day" => (Election, 2),
            _ => return None,
        };
        let md = |y| holiday.day(y);
        let end = i + len;
        let Some(r) = self.reference else {
            return found(end, "DATE", "XXXX-XX-XX");
        };
        let (ry, _, _) = r.ymd();
        let this = md(ry);
        // Without a tense, a holiday months ahead is last year's: news tells
        // of what happened ("was found off the coast on Thanksgiving Day").
        let far_ahead = this.0 - r.0 > NEAR_FUTURE_DAYS;
        let day = if self.future() && this < r {
            md(ry + 1)
        } else if (self.past() || (far_ahead && !self.future())) && this > r {
            md(ry - 1)
        } else {
            this
        };
        found(end, "DATE", day.date())
    }

    /// "now", "currently", "recently", "the future", "the past", "soon".
    fn reference_word(&self, i: usize) -> Option<Found> {
        let value = match self.w(i) {
            "now" | "currently" | "nowadays" => "PRESENT_REF",
            "current" if i + 1 < self.words.len() && !self.is_number(i + 1) => "PRESENT_REF",
            "recently" | "lately" => "PAST_REF",
            "the" if self.w(i + 1) == "future" => return found(i + 2, "DATE", "FUTURE_REF"),
            // "the near future", "the short term": the time ahead.
            "the"
                if (self.w(i + 1) == "near" && ["future", "term"].contains(&self.w(i + 2)))
                    || (["short", "long"].contains(&self.w(i + 1)) && self.w(i + 2) == "term") =>
            {
                return found(i + 3, "DATE", "FUTURE_REF")
            }
            "the"
                if self.w(i + 1) == "past"
                    && Unit::parse(self.w(i + 2)).is_none()
                    && self.count(i + 2).is_none() =>
            {
                return found(i + 2, "DATE", "PAST_REF")
            }
            "these" if self.w(i + 1) == "days" => return found(i + 2, "DATE", "PRESENT_REF"),
            "at" if self.w(i + 1) == "present" => return found(i + 2, "DATE", "PRESENT_REF"),
            _ => return None,
        };
        // "now" as in "now-defunct" or "the current account" is still now.
        found(i + 1, "DATE", value)
    }
}

/// Holidays whose day the calendar gives.
#[derive(Debug, Clone, Copy)]
enum Holiday {
    ChristmasEve,
    Christmas,
    Thanksgiving,
    Halloween,
    Easter,
    NewYearsEve,
    NewYearsDay,
    Labor,
    Memorial,
    Independence,
    Veterans,
    Election,
}

impl Holiday {
    /// Its day in year `y`. New Year's Eve is the eve of New Year `y`, the
    /// last day of the year before.
    fn day(self, y: i64) -> Day {
        match self {
            Holiday::ChristmasEve => Day::of(y, 12, 24),
            Holiday::Christmas => Day::of(y, 12, 25),
            // The fourth Thursday of November.
            Holiday::Thanksgiving => nth_weekday(y, 11, 3, 4),
            Holiday::Halloween => Day::of(y, 10, 31),
            Holiday::Easter => easter(y),
            Holiday::NewYearsEve => Day::of(y - 1, 12, 31),
            Holiday::NewYearsDay => Day::of(y, 1, 1),
            // The first Monday of September.
            Holiday::Labor => nth_weekday(y, 9, 0, 1),
            // The last Monday of May: the week before June's first.
            Holiday::Memorial => Day(nth_weekday(y, 6, 0, 1).0 - 7),
            Holiday::Independence => Day::of(y, 7, 4),
            Holiday::Veterans => Day::of(y, 11, 11),
            // The Tuesday after the first Monday of November.
            Holiday::Election => Day(nth_weekday(y, 11, 0, 1).0 + 1),
        }
    }
}

/// The value of a month and day in year `y` (unknown: `XXXX`).
fn ymd_value(y: Option<i64>, month: u8, day: Option<u32>) -> String {
    let y = y.map_or("XXXX".to_string(), year);
    match day {
        Some(d) => {
            let valid = y == "XXXX"
                || y.parse::<u16>()
                    .is_ok_and(|yy| d as u8 <= days_in_month(yy, month));
            if valid && d <= 31 {
                format!("{y}-{month:02}-{d:02}")
            } else {
                format!("{y}-{month:02}")
            }
        }
        None => format!("{y}-{month:02}"),
    }
}

/// The `n`th weekday `wd` (Monday 0) of a month.
fn nth_weekday(y: i64, month: i64, wd: i64, n: i64) -> Day {
    let first = Day::of(y, month, 1);
    Day(first.0 + (wd - first.weekday()).rem_euclid(7) + 7 * (n - 1))
}

/// Easter Sunday (the anonymous Gregorian algorithm).
fn easter(y: i64) -> Day {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Day::of(y, month, day)
}

/// The word without its possessive ending ("year's" → "year"), if it has one.
/// A number word as a count of time: "one" to "ninety", and "hundred"
/// ("a hundred years" is read as "a" then this). "Zero" counts no time.
fn number_word(w: &str) -> Option<u32> {
    match w {
        "hundred" => Some(100),
        _ => numbers::cardinal(w).filter(|&n| n > 0),
    }
}

fn possessive_stem(w: &str) -> Option<&str> {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .filter(|s| !s.is_empty())
}

/// The last quarter ended before day `r`, as (year, quarter): the one an
/// earnings story reports on.
fn last_quarter(r: Day) -> (i64, i64) {
    let (y, m, _) = r.ymd();
    let (qy, qm) = add_months(y, ((m - 1) / 3) * 3 + 1, -3);
    (qy, (qm - 1) / 3 + 1)
}

/// The time expressions of a document, in text order (byte offsets).
#[inline(never)] // a function of its own in the browser module: see `lib.rs`
pub fn times(doc: &Document, reference: Option<Date>) -> Vec<TimeExpr> {
    times_with(doc, reference, true)
}

/// [`times`], trying the patterns only where [`Reader::may_start`] says an
/// expression may start (`shortcut`), or at every token (to test that the
/// shortcut loses nothing).
fn times_with(doc: &Document, reference: Option<Date>, shortcut: bool) -> Vec<TimeExpr> {
    let reference = reference.map(|d| Day::of(d.year as i64, d.month as i64, d.day as i64));
    let mut out = Vec::new();
    let quarterly = doc
        .tokens
        .iter()
        .filter(|t| doc.text[t.range()].eq_ignore_ascii_case("quarter"))
        .nth(QUARTERLY_MENTIONS - 1)
        .is_some();
    let mut mentioned = None;
    let mut reported = None;
    let last_quarter = reference.map(last_quarter);
    for sent in &doc.sentences {
        let tokens = &doc.tokens[sent.tokens.clone()];
        let words: Vec<Cow<str>> = sent.tokens.clone().map(|i| doc.bare_word(i)).collect();
        let reader = Reader {
            text: doc.text,
            tokens,
            at_token: std::cell::Cell::new(0),
            tense: std::cell::Cell::new(None),
            quarterly,
            words,
            reference,
            mentioned: std::cell::Cell::new(mentioned),
            reported: std::cell::Cell::new(reported),
        };
        let mut i = 0;
        while i < tokens.len() {
            if shortcut && !reader.may_start(i) {
                i += 1;
                continue;
            }
            reader.at_token.set(i);
            reader.tense.set(None);
            match reader.at(i) {
                Some(f) if f.end > i && !reader.not_a_time(i, &f) => {
                    let end = f.end.min(tokens.len()).min(i + MAX_EXPRESSION_TOKENS);
                    let last = &doc.text[tokens[end - 1].range()];
                    // "last year's": the expression without the possessive.
                    let trim = possessive_stem(last).map_or(0, |stem| last.len() - stem.len());
                    let (start, stop) = (tokens[i].start, tokens[end - 1].end() - trim as u32);
                    if f.kind == "DATE" || f.kind == "TIME" {
                        if let Some(m) = Mentioned::of(&f.value) {
                            reader.mentioned.set(Some(m));
                        }
                    }
                    if let Some(p) = Reported::of(f.kind, &f.value, last_quarter) {
                        reader.reported.set(Some(p));
                    }
                    out.push(TimeExpr {
                        start,
                        end: stop,
                        text: doc.text[start as usize..stop as usize].to_string(),
                        kind: f.kind,
                        value: f.value,
                    });
                    i = end;
                }
                _ => i += 1,
            }
        }
        mentioned = reader.mentioned.get();
        reported = reader.reported.get();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word the lists let through has its bit set, so the bits turn
    /// away none of them; and most words are turned away.
    #[test]
    fn starter_bits_hold_every_listed_word() {
        let mut listed: Vec<String> = STARTERS.iter().map(|w| w.to_string()).collect();
        listed.push("hundred".into());
        listed.extend(numbers::CARDINALS.iter().map(|(w, _)| w.to_string()));
        for (u, _) in UNIT_WORDS {
            listed.push(u.to_string());
            listed.push(format!("{u}s"));
        }
        for w in &listed {
            assert!(may_be_lower_starter(w), "{w}");
        }
        let others = [
            "said", "of", "and", "to", "in", "was", "for", "on", "it", "with", "his",
        ];
        let through = others.iter().filter(|w| may_be_lower_starter(w)).count();
        assert!(
            through <= 2,
            "{through} of {} common words let through",
            others.len()
        );
    }

    /// For every word this file's code compares a token with, before and
    /// after other words of time: the shortcut of [`STARTERS`] finds what
    /// trying every token finds. A pattern added with a new first word
    /// fails here until the word is added there.
    #[test]
    fn starters_change_nothing() {
        use crate::analyze::shortcut_tests::{cases, literal_words};
        let mut words: Vec<&str> = literal_words(include_str!("times.rs"))
            .filter(|w| {
                w.starts_with(|c: char| c.is_ascii_lowercase())
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || "'’.-".contains(c))
            })
            .collect();
        words.sort_unstable();
        words.dedup();
        assert!(words.len() > 300, "{} words", words.len());
        assert!(
            STARTERS.windows(2).all(|p| p[0] < p[1]),
            "STARTERS unsorted"
        );
        assert!(
            CAPITAL_STARTERS.windows(2).all(|p| p[0] < p[1]),
            "CAPITAL_STARTERS unsorted"
        );
        let after = [
            "",
            "two years ago",
            "of the year",
            "week",
            "last week",
            "5 p.m. Friday",
            "March 5",
            "quarter",
            "of 1990",
            "ago",
            "-long talks",
            "the weekend",
            "than a day",
            "to six months",
            "of years",
            "few days",
            "this month",
            "night",
            "half of 1989",
            "day",
            "eve",
        ];
        let date = Date::new(1998, 3, 4);
        let mut missed = Vec::new();
        let mut check = |text: String| {
            let paragraphs: Vec<_> = std::iter::once(0..text.len()).collect();
            let doc = Document::new(&text, paragraphs, false);
            let show = |v: &[TimeExpr]| -> Vec<String> {
                v.iter()
                    .map(|t| format!("{} {}", t.text, t.value))
                    .collect()
            };
            if show(&times_with(&doc, date, true)) != show(&times_with(&doc, date, false)) {
                missed.push(text);
            }
        };
        for w in &words {
            // As written, capitalised (a sentence's first word, a
            // headline's) and in capitals.
            for w in cases(w) {
                for a in after {
                    check(format!("{w} {a}."));
                    check(format!("In {w} {a} it fell."));
                }
                // Punctuation before the word, joined to it or not.
                for p in "'’‘\"“”([{-–—$#@&*/.,;:!?%+<>=~`^_|\\)]}".chars() {
                    for a in ["", "two years ago", "of 1990", "5 p.m. Friday", "90s"] {
                        check(format!("In {p}{w} {a} it fell."));
                        check(format!("In {p} {w} {a} it fell."));
                    }
                }
            }
        }
        // Punctuation joined to a number: "'90s", "(1990)".
        for p in "'’‘\"“”([{-–—$#@&*/.,;:!?%+<>=~`^_|\\)]}".chars() {
            for n in ["90s", "1990", "5", "2021-12-30", "12/30/2021", "10:35"] {
                check(format!("In the {p}{n} it fell."));
                check(format!("It fell by {p}{n} and more."));
            }
        }
        assert!(
            missed.is_empty(),
            "{} missed: {:?}",
            missed.len(),
            &missed[..missed.len().min(40)]
        );
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(Day::of(1970, 1, 1).0, 0);
        assert_eq!(Day::of(2022, 1, 9).ymd(), (2022, 1, 9));
        assert_eq!(Day::of(2000, 2, 29).ymd(), (2000, 2, 29));
        // 2022-01-09 was a Sunday; its ISO week is 2022-W01.
        assert_eq!(Day::of(2022, 1, 9).weekday(), 6);
        assert_eq!(Day::of(2022, 1, 9).week(), "2022-W01");
        // 2021-01-01 was a Friday of 2020's week 53.
        assert_eq!(Day::of(2021, 1, 1).week(), "2020-W53");
        assert_eq!(easter(2024).date(), "2024-03-31");
        assert_eq!(nth_weekday(2021, 11, 3, 4).date(), "2021-11-25");
        assert_eq!(add_months(2021, 1, -1), (2020, 12));
    }
}
