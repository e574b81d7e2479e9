//! Numbers and what they count (issue 6).
//!
//! A rule reader over the document's tokens, sentence by sentence. At each
//! token it tries to read, in order:
//!
//! 1. a qualifier ("about", "nearly", "more than", "up to", "between", "some"
//!    before a number), which also says what bound the number is;
//! 2. a currency before the number ("$", "US$", "€", "£", "C$", "EUR");
//! 3. the number: digits ("60,000", "3.5", "1.5m", "$3bn", "21st"), words
//!    ("sixty", "twenty-five", "two dozen", "a million", "two and a half"),
//!    fractions ("a third of", "two-thirds"), ordinals ("second", "21st"),
//!    and the vague plurals ("hundreds of", "tens of thousands of");
//! 4. a range: "60,000 to 90,000", "5-10", "between 5 and 10", "$3 to $5
//!    billion" (a scale written once applies to both ends);
//! 5. a unit after it: a currency word ("euros", "cents"), percent ("%",
//!    "per cent", "percentage points"), a unit of measure ("km", "tonnes",
//!    "°C", "barrels a day");
//! 6. the counted thing: the noun phrase after it ("Russian troops",
//!    "member NATO alliance" for "30-member NATO alliance"), or after "of"
//!    ("40% of voters", "dozens of people") or, for money, "in" ("$3 billion
//!    in aid").
//!
//! Numbers that are not quantities are left out: those inside a date, a
//! clock time or a set found by the time tagger ("2014", "January 13", "3
//! p.m."), those inside a name ("COVID-19", "Boeing 737", "Article 5" and
//! entity mentions), scores ("a 2-1 win"), lists ("1,2,3,4") and numbers
//! too large for a float. Durations stay: "two months" counts months.
//!
//! Without part-of-speech tags, the counted phrase ends where a function
//! word, a verb form ("said", "gathered" after the head, "were") or a
//! plural noun ends it; this is right for the short phrases news puts after
//! its numbers ("troops", "people were killed", "Russian troops that").
//!
//! Every loop moves forward by at least one token and looks ahead a bounded
//! number of tokens, so the time is linear in the text.

use super::{numbers, WordHashSet};
use crate::document::Document;
use crate::output::{Entity, Quantity, TimeExpr};
use crate::segment::{Token, TokenKind};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The most words a counted phrase takes.
const MAX_COUNTED_WORDS: usize = 5;
/// The most tokens one quantity spans (before its counted phrase).
const MAX_QUANTITY_TOKENS: usize = 24;

/// Words that multiply what comes before them.
const SCALES: [(&str, f64); 9] = [
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("mn", 1e6),
    ("bn", 1e9),
    ("tn", 1e12),
    ("lakh", 1e5),
];
/// Scales glued to digits: "1.5m", "$3bn", "20k".
const SUFFIX_SCALES: [(&str, f64); 7] = [
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("b", 1e9),
    ("bn", 1e9),
    ("tn", 1e12),
];
/// Ordinal words and their numbers ("first" … "twentieth", the tens).
const ORDINALS: [(&str, u32); 28] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
];
/// Denominators of fractions, singular and plural ("a third", "two-thirds").
const DENOMINATORS: [(&str, f64); 16] = [
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// What a qualifier says about the number it stands before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// "about 10,000": neither bound.
    Near,
    /// "more than 10,000": the number is the lower bound.
    Above,
    /// "up to 10,000", "nearly 10,000": the number is the upper bound.
    Below,
}

/// Qualifiers before a number, longest first within a first word.
const QUALIFIERS: [(&str, Bound); 40] = [
    ("more than", Bound::Above),
    ("greater than", Bound::Above),
    ("higher than", Bound::Above),
    ("no fewer than", Bound::Above),
    ("no less than", Bound::Above),
    ("not less than", Bound::Above),
    ("at least", Bound::Above),
    ("upwards of", Bound::Above),
    ("upward of", Bound::Above),
    ("in excess of", Bound::Above),
    ("just over", Bound::Above),
    ("just above", Bound::Above),
    ("well over", Bound::Above),
    ("over", Bound::Above),
    ("above", Bound::Above),
    ("fewer than", Bound::Below),
    ("less than", Bound::Below),
    ("lower than", Bound::Below),
    ("no more than", Bound::Below),
    ("not more than", Bound::Below),
    ("at most", Bound::Below),
    ("up to", Bound::Below),
    ("as many as", Bound::Below),
    ("as much as", Bound::Below),
    ("as few as", Bound::Above),
    ("just under", Bound::Below),
    ("just below", Bound::Below),
    ("under", Bound::Below),
    ("below", Bound::Below),
    ("nearly", Bound::Below),
    ("almost", Bound::Below),
    ("close to", Bound::Near),
    ("about", Bound::Near),
    ("around", Bound::Near),
    ("roughly", Bound::Near),
    ("approximately", Bound::Near),
    ("an estimated", Bound::Near),
    ("estimated", Bound::Near),
    ("some", Bound::Near),
    ("exactly", Bound::Near),
];

/// Currency signs and codes before a number, and their ISO 4217 codes.
/// Multi-token signs ("US$", "HK$") are matched as the letters then "$".
const CURRENCY_SIGNS: [(&str, &str); 10] = [
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₽", "RUB"),
    ("₩", "KRW"),
    ("₴", "UAH"),
    ("₺", "TRY"),
    ("₦", "NGN"),
];
/// Letters before "$" that say whose dollar it is ("US$5", "C$10").
const DOLLAR_PREFIXES: [(&str, &str); 8] = [
    ("us", "USD"),
    ("c", "CAD"),
    ("ca", "CAD"),
    ("a", "AUD"),
    ("au", "AUD"),
    ("hk", "HKD"),
    ("nz", "NZD"),
    ("s", "SGD"),
];
/// ISO codes and abbreviations written before or after a number.
const CURRENCY_CODES: [(&str, &str); 15] = [
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("jpy", "JPY"),
    ("cny", "CNY"),
    ("rmb", "CNY"),
    ("rub", "RUB"),
    ("inr", "INR"),
    ("rs", "INR"),
    ("cad", "CAD"),
    ("aud", "AUD"),
    ("chf", "CHF"),
    ("uah", "UAH"),
    ("hkd", "HKD"),
    ("sek", "SEK"),
];
/// Currency words after a number ("5 million euros", "50 cents"), with the
/// factor to the unit ("cents" are hundredths of a dollar).
const CURRENCY_WORDS: [(&str, &str, f64); 30] = [
    ("dollars", "USD", 1.0),
    ("dollar", "USD", 1.0),
    ("cents", "USD", 0.01),
    ("euros", "EUR", 1.0),
    ("euro", "EUR", 1.0),
    ("sterling", "GBP", 1.0),
    ("yen", "JPY", 1.0),
    ("yuan", "CNY", 1.0),
    ("renminbi", "CNY", 1.0),
    ("rubles", "RUB", 1.0),
    ("roubles", "RUB", 1.0),
    ("ruble", "RUB", 1.0),
    ("rouble", "RUB", 1.0),
    ("rupees", "INR", 1.0),
    ("rupee", "INR", 1.0),
    ("hryvnias", "UAH", 1.0),
    ("hryvnia", "UAH", 1.0),
    ("lira", "TRY", 1.0),
    ("liras", "TRY", 1.0),
    ("rand", "ZAR", 1.0),
    ("shekels", "ILS", 1.0),
    ("shekel", "ILS", 1.0),
    ("naira", "NGN", 1.0),
    ("pesos", "peso", 1.0),
    ("peso", "peso", 1.0),
    ("francs", "franc", 1.0),
    ("riyals", "SAR", 1.0),
    ("dirhams", "AED", 1.0),
    ("bitcoin", "BTC", 1.0),
    ("bitcoins", "BTC", 1.0),
];
/// Units of measure after a number, one or two words, and how they are
/// written in the output. Units of time are not here: "two months" counts
/// months (and is a duration in `times`).
const UNITS: [(&str, &str); 78] = [
    ("percent", "%"),
    ("per cent", "%"),
    ("pct", "%"),
    ("percentage points", "percentage point"),
    ("percentage point", "percentage point"),
    ("basis points", "basis point"),
    ("basis point", "basis point"),
    ("km", "km"),
    ("kms", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("square kilometres", "km²"),
    ("square kilometers", "km²"),
    ("square km", "km²"),
    ("sq km", "km²"),
    ("square miles", "mi²"),
    ("square mile", "mi²"),
    ("square metres", "m²"),
    ("square meters", "m²"),
    ("square feet", "ft²"),
    ("cubic metres", "m³"),
    ("cubic meters", "m³"),
    ("cubic feet", "ft³"),
    ("nautical miles", "nmi"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("cm", "cm"),
    ("centimetres", "cm"),
    ("centimeters", "cm"),
    ("mm", "mm"),
    ("millimetres", "mm"),
    ("millimeters", "mm"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("ft", "ft"),
    ("inches", "in"),
    ("inch", "in"),
    ("yards", "yd"),
    ("yard", "yd"),
    ("acres", "acre"),
    ("acre", "acre"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("kg", "kg"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("kilos", "kg"),
    ("grams", "g"),
    ("gram", "g"),
    ("metric tons", "t"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "t"),
    ("ton", "t"),
    ("lbs", "lb"),
    ("lb", "lb"),
    ("ounces", "oz"),
    ("oz", "oz"),
    ("litres", "L"),
    ("liters", "L"),
    ("litre", "L"),
    ("liter", "L"),
    ("gallons", "gal"),
    ("gallon", "gal"),
    ("barrels", "bbl"),
    ("barrel", "bbl"),
    ("bpd", "bbl/d"),
    ("mph", "mph"),
    ("kph", "km/h"),
    ("knots", "kn"),
    ("megawatts", "MW"),
    ("gigawatts", "GW"),
];
/// Units glued to digits or written in capitals ("10km", "5MW").
const SHORT_UNITS: [(&str, &str); 14] = [
    ("km", "km"),
    ("kg", "kg"),
    ("cm", "cm"),
    ("mm", "mm"),
    ("mph", "mph"),
    ("kph", "km/h"),
    ("kw", "kW"),
    ("mw", "MW"),
    ("gw", "GW"),
    ("kwh", "kWh"),
    ("mwh", "MWh"),
    ("gwh", "GWh"),
    ("twh", "TWh"),
    ("gb", "GB"),
];
/// Words that end a counted phrase: determiners, pronouns, prepositions,
/// conjunctions, auxiliaries and the adverbs news puts after a number.
const STOP_WORDS: [&str; 113] = [
    "a", "an", "the", "this", "that", "these", "those", "which", "who", "whom", "whose", "what",
    "where", "when", "while", "as", "than", "and", "or", "but", "nor", "so", "yet", "if",
    "because", "of", "in", "on", "at", "to", "for", "from", "by", "with", "without", "into",
    "onto", "over", "under", "near", "across", "against", "between", "among", "during", "after",
    "before", "since", "until", "through", "per", "via", "about", "around", "along", "behind",
    "beyond", "inside", "outside", "toward", "towards", "is", "are", "was", "were", "be", "been",
    "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could",
    "may", "might", "must", "shall", "should", "not", "no", "also", "still", "already", "now",
    "then", "only", "just", "even", "ago", "earlier", "later", "each", "apiece", "every", "he",
    "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "there", "here",
];
/// Units of time: a qualifier like "over" before them is a preposition.
const TIME_UNITS: [&str; 16] = [
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades",
];
/// Plural and mass nouns without an "-s" that head a counted phrase.
const PLURAL_HEADS: [&str; 16] = [
    "people",
    "men",
    "women",
    "children",
    "police",
    "personnel",
    "staff",
    "cattle",
    "feet",
    "data",
    "media",
    "crew",
    "livestock",
    "aircraft",
    "troops",
    "deaths",
];
/// Past forms without "-ed" that end a counted phrase after its head
/// ("10,000 troops left", "5 people died" is caught by "-ed").
const IRREGULAR_PAST: [&str; 40] = [
    "said", "told", "made", "took", "came", "went", "got", "gave", "found", "thought", "knew",
    "saw", "left", "held", "met", "ran", "began", "fell", "rose", "won", "lost", "sent", "spent",
    "paid", "built", "brought", "bought", "kept", "led", "fled", "fought", "stood", "became",
    "drove", "flew", "grew", "hit", "shot", "struck", "wrote",
];
/// Words before "one" that make it a pronoun ("no one", "this one").
const ONE_PRONOUN_BEFORE: [&str; 12] = [
    "no", "any", "every", "some", "the", "this", "that", "which", "each", "someone", "anyone",
    "little",
];
/// Capitalised words before a number that do not make it a name.
const NOT_NAMES: [&str; 12] = [
    "only", "another", "all", "both", "just", "nearly", "almost", "some", "about", "over",
    "roughly", "around",
];
/// Determiners and possessives a counted phrase after "of" may start with.
const OF_DETERMINERS: [&str; 11] = [
    "the", "its", "their", "his", "her", "our", "my", "your", "those", "these", "all",
];

/// One number as read: its value and where it ends.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    /// The token after it.
    end: usize,
    /// "21st", "second".
    ordinal: bool,
    /// "a third", "two-thirds", "half".
    fraction: bool,
    /// "hundreds of", "tens of thousands of": the value is the scale, and
    /// the number is at least twice it.
    vague: bool,
    /// Whether a scale word or suffix was read ("million", "3bn").
    scaled: bool,
    /// A unit glued to the digits ("10km").
    unit: Option<&'static str>,
    /// A scale glued to digits was "m" (million after a currency, metres
    /// otherwise).
    bare_m: bool,
}

impl Num {
    /// A plain number: no ordinal, fraction, scale or unit.
    fn new(value: f64, end: usize) -> Num {
        Num {
            value,
            end,
            ordinal: false,
            fraction: false,
            vague: false,
            scaled: false,
            unit: None,
            bare_m: false,
        }
    }
}

/// A quantity found: token range and fields.
struct Found {
    end: usize,
    kind: &'static str,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    qualifier: Option<String>,
    counted: Option<(usize, usize)>,
}

struct Reader<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Lowercased, final period and possessive stripped.
    words: Vec<Cow<'a, str>>,
    /// Tokens that may not be part of a quantity: dates, clock times, sets
    /// and names.
    blocked: Vec<bool>,
    /// Tokens in a date, clock time or set, where a counted phrase stops
    /// (it may run into a name: "Russian troops", "NATO alliance").
    in_time: Vec<bool>,
}

impl Reader<'_> {
    fn w(&self, k: usize) -> &str {
        self.words.get(k).map_or("", |w| w)
    }
    fn raw(&self, k: usize) -> &str {
        self.tokens.get(k).map_or("", |t| &self.text[t.range()])
    }
    fn kind(&self, k: usize) -> Option<TokenKind> {
        self.tokens.get(k).map(|t| t.kind())
    }
    fn capitalised(&self, k: usize) -> bool {
        self.raw(k).starts_with(|c: char| c.is_uppercase())
    }
    fn blocked(&self, k: usize) -> bool {
        self.blocked.get(k).copied().unwrap_or(true)
    }
    /// Whether tokens `k` and `k + 1` touch (no space between: "50-minute").
    fn joined(&self, k: usize) -> bool {
        match (self.tokens.get(k), self.tokens.get(k + 1)) {
            (Some(a), Some(b)) => a.end() == b.start,
            _ => false,
        }
    }
    /// Whether `k` is a hyphen or dash joined on both sides ("5-10").
    fn joining_dash(&self, k: usize) -> bool {
        matches!(self.raw(k), "-" | "–" | "‑") && k > 0 && self.joined(k - 1) && self.joined(k)
    }
    /// The words `k..` match `phrase` (space-separated): the token after.
    fn phrase(&self, k: usize, phrase: &str) -> Option<usize> {
        if !super::first_word_is(phrase, self.w(k)) {
            return None;
        }
        let mut j = k;
        for p in phrase.split(' ') {
            if self.w(j) != p || self.blocked(j) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// Whether a quantity could start at token `i`: a digit, a sign, or a
    /// word that begins a qualifier, a currency code or a number. Most
    /// tokens are none of these, and the full reading tries dozens of
    /// phrases.
    fn may_start(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(TokenKind::Number | TokenKind::Symbol) => return true,
            Some(TokenKind::Word) => {}
            Some(TokenKind::Punct) => return self.raw(i) == "$",
            None => return false,
        }
        if self.raw(i).starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        starts_quantity(self.w(i))
    }

    /// The quantity starting at token `i`, if any.
    fn at(&self, i: usize) -> Option<Found> {
        // A currency code may be taken for a name ("US$5", "USD 20").
        if self.blocked(i) && self.currency_before(i).is_none() {
            return None;
        }
        // "between 5 and 10": a range, or nothing ("between two countries").
        if self.w(i) == "between" {
            return self
                .amount(i + 1, Some(("between", Bound::Near)))
                .filter(|f| f.low.is_some() && f.high.is_some() && f.value.is_none());
        }
        // A qualifier, then the amount.
        for &(q, bound) in &QUALIFIERS {
            if let Some(k) = self.phrase(i, q) {
                if let Some(f) = self.amount(k, Some((q, bound))) {
                    return Some(f);
                }
            }
        }
        self.amount(i, None)
    }

    /// An amount at `k`: currency, number, range, unit, counted phrase.
    fn amount(&self, k: usize, qualifier: Option<(&str, Bound)>) -> Option<Found> {
        let (mut currency, k) = self
            .currency_before(k)
            .map_or((None, k), |(c, e)| (Some(c), e));
        let first = self.number(k)?;
        if self.is_label(k, &first) || self.is_part_of_code(k, first.end) {
            return None;
        }
        let mut n = first;
        let mut low = None;
        let mut high = None;
        let mut end = n.end;
        // A range: "60,000 to 90,000", "5-10", "5 or 6", "$3 to $5 billion".
        let dash = self.joining_dash(end);
        if (dash || matches!(self.w(end), "to" | "or" | "and") && !n.ordinal)
            && !n.vague
            && !n.fraction
        {
            let j = end + 1;
            let (c2, j) = self
                .currency_before(j)
                .map_or((None, j), |(c, e)| (Some(c), e));
            let and_ok = self.w(end) != "and" || qualifier.is_some_and(|(q, _)| q == "between");
            if let Some(second) = self.number(j).filter(|s| !s.ordinal && !s.vague && and_ok) {
                if dash
                    && (self.joining_dash(second.end)
                        || self.joined(second.end - 1) && matches!(self.raw(second.end), "/" | ":"))
                {
                    // "202-555-0199": a code, not a range.
                    return None;
                }
                if !self.is_label(j, &second) {
                    let mut lo = n.value;
                    let hi = second.value;
                    if !n.scaled && second.scaled && lo < hi {
                        let scale = scale_of(hi, second);
                        if lo * scale <= hi || lo < hi / scale * 10.0 {
                            lo *= scale;
                        }
                    }
                    if lo < hi {
                        low = Some(lo);
                        high = Some(hi);
                        currency = currency.or(c2);
                        n = Num {
                            value: hi,
                            unit: second.unit.or(n.unit),
                            ..second
                        };
                        end = second.end;
                    } else if dash {
                        // "a 2-1 win": a score, not a quantity.
                        return None;
                    }
                }
            } else if dash && self.number(j).is_some() {
                return None;
            }
        }
        // "2 and a half"
        let mut value = n.value;
        if !n.ordinal && !n.fraction && low.is_none() {
            if let Some(e) = self.phrase(end, "and a half") {
                value += 0.5;
                end = e;
                if let Some((s, e2)) = self.scale_word(end) {
                    value *= s;
                    end = e2;
                }
            }
        }
        // The unit after: currency words, percent, units of measure.
        let mut unit: Option<String> = n.unit.map(str::to_string);
        let mut factor = 1.0;
        if n.bare_m {
            if currency.is_some() {
                value *= 1e6;
                low = low.map(|l| l * 1e6);
                high = high.map(|h| h * 1e6);
            } else {
                unit = Some("m".into());
            }
        }
        let mut kind = "number";
        if unit.is_none() && currency.is_none() {
            if let Some((c, f, e)) = self.currency_after(end) {
                currency = Some(c);
                factor = f;
                end = e;
            } else if let Some((u, e)) = self.unit_after(end) {
                unit = Some(u.to_string());
                end = e;
                // "barrels a day", "barrels per day"
                if u == "bbl" {
                    if let Some(e) = self.phrase(end, "a day").or(self.phrase(end, "per day")) {
                        unit = Some("bbl/d".into());
                        end = e;
                    }
                }
            } else if self.raw(end) == "%" {
                unit = Some("%".into());
                end += 1;
            } else if self.raw(end) == "°" && self.joined(end) {
                let u = match self.w(end + 1) {
                    "c" => Some("°C"),
                    "f" => Some("°F"),
                    _ => None,
                };
                if let Some(u) = u {
                    unit = Some(u.into());
                    end += 2;
                }
            } else if self.w(end) == "degrees" {
                end += 1;
                unit = Some(match self.w(end) {
                    "celsius" | "centigrade" => {
                        end += 1;
                        "°C".into()
                    }
                    "fahrenheit" => {
                        end += 1;
                        "°F".into()
                    }
                    _ => "°".into(),
                });
            }
        }
        if let Some(c) = currency {
            unit = Some(c.to_string());
            kind = "money";
        } else if matches!(unit.as_deref(), Some("%" | "percentage point")) {
            kind = "percent";
        } else if unit.is_some() {
            kind = "measure";
        } else if n.ordinal {
            kind = "ordinal";
        } else if n.fraction {
            kind = "fraction";
        }
        // "pounds": sterling with a scale ("5 million pounds"), else weight.
        if unit.is_none() && matches!(self.w(end), "pounds" | "pound") {
            if n.scaled && self.w(end + 1) != "of" {
                unit = Some("GBP".into());
                kind = "money";
            } else {
                unit = Some("lb".into());
                kind = "measure";
            }
            end += 1;
        }
        value *= factor;
        low = low.map(|l| l * factor);
        high = high.map(|h| h * factor);

        // Trailing qualifiers: "10,000 or more", "or so".
        let mut qualifier_text = qualifier.map(|(q, _)| q.to_string());
        let mut bound = qualifier.map(|(_, b)| b);
        if low.is_none() && !n.ordinal {
            for (q, b) in [
                ("or more", Bound::Above),
                ("or fewer", Bound::Below),
                ("or less", Bound::Below),
                ("or so", Bound::Near),
                ("plus", Bound::Above),
            ] {
                let e = if q == "plus" && self.joining_dash(end) {
                    self.phrase(end + 1, q)
                } else {
                    self.phrase(end, q)
                };
                if let Some(e) = e {
                    qualifier_text = Some(q.to_string());
                    bound = Some(b);
                    end = e;
                    break;
                }
            }
        }

        // Age: "a 45-year-old man", "aged 45".
        let mut counted_from = end;
        if !n.ordinal && !n.fraction && unit.is_none() && low.is_none() {
            if self.joining_dash(end)
                && matches!(self.w(end + 1), "year" | "years")
                && self.joining_dash(end + 2)
                && self.w(end + 3) == "old"
            {
                kind = "age";
                unit = Some("years".into());
                end += 4;
                counted_from = end;
            } else if (k > 0 && matches!(self.w(k - 1), "aged" | "age" | "ages") && value <= 130.0)
                || self.is_age_apposition(k, end, value)
            {
                kind = "age";
                unit = Some("years".into());
            }
        }

        // The counted phrase.
        let counted = if kind == "age" {
            // "a 45-year-old man" counts its man; "aged 45" nothing.
            (counted_from == end && end > 0 && self.w(end - 1) == "old")
                .then(|| self.counted(end, false, kind))
                .flatten()
        } else if n.vague && self.w(end) == "of" && self.currency_after(end + 1).is_some() {
            // "millions of dollars": money, vaguely.
            let (c, _, e) = self.currency_after(end + 1)?;
            unit = Some(c.to_string());
            kind = "money";
            end = e;
            None
        } else if self.joining_dash(end) {
            // "50-minute conversation", "30-member NATO alliance"
            self.counted(end + 1, true, kind)
        } else if kind == "measure" && n.unit.is_none() {
            // "3 metres high", "120 mph winds battered": after a unit
            // written apart, only "of" says what is measured ("20 kg of
            // supplies"); "10km race" takes its noun.
            self.counted(counted_from, false, kind)
                .filter(|&(a, _)| a > counted_from)
        } else if kind == "percent" {
            // "a 5% rise" takes its noun, "100 percent wrong" does not;
            // "52% of the vote" always.
            let det = k > 0 && (OF_DETERMINERS.contains(&self.w(k - 1)) || self.w(k - 1) == "a");
            self.counted(counted_from, false, kind)
                .filter(|&(a, _)| det || a > counted_from)
        } else {
            self.counted(counted_from, false, kind)
        };
        // "over two days" is a span of time, not more than two days.
        if matches!(
            qualifier_text.as_deref(),
            Some("over" | "under" | "above" | "below")
        ) && counted.is_some_and(|(a, _)| TIME_UNITS.contains(&self.w(a)))
        {
            return None;
        }
        // "one" alone is a pronoun more often than a number.
        if self.w(k) == "one" && first.end == k + 1 && low.is_none() && unit.is_none() {
            let before = if k > 0 { self.w(k - 1) } else { "" };
            if ONE_PRONOUN_BEFORE.contains(&before)
                || counted.is_none()
                || matches!(self.w(k + 1), "another" | "of")
            {
                return None;
            }
        }
        // Ordinals need what they order ("the second conversation"); "at
        // first", "first said" are not quantities.
        if n.ordinal && (counted.is_none() || (k > 0 && self.w(k - 1) == "at")) {
            return None;
        }
        if !value.is_finite()
            || low.is_some_and(|l| !l.is_finite())
            || high.is_some_and(|h| !h.is_finite())
        {
            return None;
        }
        let (value, low, high) = if low.is_some() {
            (None, low, high)
        } else if n.vague {
            // "hundreds of": at least two hundred.
            (None, Some(value * 2.0), None)
        } else {
            match bound {
                Some(Bound::Above) => (Some(value), Some(value), None),
                Some(Bound::Below) => (Some(value), None, Some(value)),
                _ => (Some(value), None, None),
            }
        };
        Some(Found {
            end,
            kind,
            value,
            low,
            high,
            unit,
            qualifier: qualifier_text,
            counted,
        })
    }

    /// A currency sign or code at `k`: (code, the token after).
    fn currency_before(&self, k: usize) -> Option<(&'static str, usize)> {
        let raw = self.raw(k);
        // "US$5", "C$10", "HK$": letters glued to "$".
        if self.joined(k) && self.raw(k + 1) == "$" {
            if let Some(&(_, c)) = DOLLAR_PREFIXES.iter().find(|(p, _)| *p == self.w(k)) {
                if self.raw(k).chars().all(|c| c.is_uppercase()) {
                    return Some((c, k + 2));
                }
            }
        }
        if let Some(&(_, c)) = CURRENCY_SIGNS.iter().find(|(s, _)| *s == raw) {
            return Some((c, k + 1));
        }
        // "USD 5 million", "Rs 500": a code in capitals before digits.
        if self.kind(k + 1) == Some(TokenKind::Number)
            && self.raw(k).chars().next().is_some_and(char::is_uppercase)
        {
            if let Some(&(_, c)) = CURRENCY_CODES.iter().find(|(s, _)| *s == self.w(k)) {
                return Some((c, k + 1));
            }
        }
        None
    }

    /// A currency word or code after a number: (code, factor, token after).
    fn currency_after(&self, k: usize) -> Option<(&'static str, f64, usize)> {
        if self.blocked(k) {
            return None;
        }
        let w = self.w(k);
        if w == "pounds" && self.w(k + 1) == "sterling" {
            return Some(("GBP", 1.0, k + 2));
        }
        if let Some(&(_, c, f)) = CURRENCY_WORDS.iter().find(|(s, _, _)| *s == w) {
            return Some((c, f, k + 1));
        }
        if self.raw(k).chars().all(|c| c.is_ascii_uppercase()) {
            if let Some(&(_, c)) = CURRENCY_CODES.iter().find(|(s, _)| *s == w) {
                if w != "rs" {
                    return Some((c, 1.0, k + 1));
                }
            }
        }
        None
    }

    /// A unit of measure at `k`: (unit, token after).
    fn unit_after(&self, k: usize) -> Option<(&'static str, usize)> {
        if self.blocked(k) {
            return None;
        }
        UNITS
            .iter()
            .filter_map(|&(u, out)| self.phrase(k, u).map(|e| (out, e)))
            .max_by_key(|&(_, e)| e)
            .or_else(|| {
                // "5MW", "10 GW": short units in capitals.
                SHORT_UNITS
                    .iter()
                    .find(|(s, _)| *s == self.w(k))
                    .map(|&(_, out)| (out, k + 1))
            })
    }

    /// A scale word at `k` ("million", "bn"): (factor, token after).
    fn scale_word(&self, k: usize) -> Option<(f64, usize)> {
        if self.blocked(k) {
            return None;
        }
        SCALES
            .iter()
            .find(|(s, _)| *s == self.w(k))
            .map(|&(_, f)| (f, k + 1))
    }

    /// The number at `k`, digits or words, with any scale after it.
    fn number(&self, k: usize) -> Option<Num> {
        if self.blocked(k) {
            return None;
        }
        let mut n = match self.kind(k)? {
            TokenKind::Number => self.digits(k)?,
            TokenKind::Word => self.glued(k).or_else(|| self.words_number(k))?,
            _ => return None,
        };
        if n.ordinal || n.fraction || n.vague {
            return Some(n);
        }
        // "1.5 million", "two hundred thousand", "60 thousand"
        let mut guard = 0;
        while let Some((s, e)) = self.scale_word(n.end) {
            if (n.scaled && s <= 1e3 && n.value >= 1e6) || guard > 3 {
                break;
            }
            n.value *= s;
            n.end = e;
            n.scaled = true;
            guard += 1;
        }
        Some(n)
    }

    /// Digits: "60,000", "3.5", "1.234,5" (the last separator is the
    /// decimal one when both appear).
    fn digits(&self, k: usize) -> Option<Num> {
        let value = parse_digits(self.raw(k))?;
        Some(Num::new(value, k + 1))
    }

    /// Digits glued to letters: "3bn", "1.5m", "21st", "10km".
    fn glued(&self, k: usize) -> Option<Num> {
        let raw = self.raw(k);
        if !raw.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let split = raw.find(|c: char| c.is_alphabetic())?;
        let (digits, suffix) = raw.split_at(split);
        let suffix = suffix.to_lowercase();
        let suffix = suffix.strip_suffix('.').unwrap_or(&suffix);
        let value = parse_digits(digits)?;
        let mut n = Num::new(value, k + 1);
        if matches!(suffix, "st" | "nd" | "rd" | "th") && value.fract() == 0.0 {
            n.ordinal = true;
        } else if suffix == "m" {
            n.bare_m = true;
        } else if let Some(&(_, s)) = SUFFIX_SCALES.iter().find(|(x, _)| *x == suffix) {
            n.value *= s;
            n.scaled = true;
        } else if let Some(&(_, u)) = SHORT_UNITS.iter().find(|(x, _)| *x == suffix) {
            n.unit = Some(u);
        } else if suffix == "pc" {
            n.unit = Some("%");
        } else {
            return None;
        }
        Some(n)
    }

    /// A number in words at `k`.
    fn words_number(&self, k: usize) -> Option<Num> {
        let w = self.w(k);
        // Vague plurals: "dozens of", "hundreds of", "tens of thousands of".
        if let Some(v) = self.vague(k) {
            return Some(v);
        }
        // Fractions: "half", "a third of", "two-thirds", "three quarters of".
        if let Some(f) = self.fraction(k) {
            return Some(f);
        }
        // Ordinals: "second", "twenty-first" ("the third world" is a name).
        if let Some(&(_, o)) = ORDINALS.iter().find(|(s, _)| *s == w) {
            if w == "third" && self.w(k + 1) == "world" {
                return None;
            }
            // "per second", "a split second", "a second later" are time;
            // "a second round" orders.
            let before = if k > 0 { self.w(k - 1) } else { "" };
            let noun_after = self.kind(k + 1) == Some(TokenKind::Word)
                && !STOP_WORDS.contains(&self.w(k + 1))
                && !matches!(self.w(k + 1), "later" | "earlier" | "or" | "longer");
            if w == "second"
                && (matches!(before, "per" | "split")
                    || (matches!(before, "a" | "one") && !noun_after))
            {
                return None;
            }
            return Some(Num {
                ordinal: true,
                ..Num::new(o as f64, k + 1)
            });
        }
        // "a dozen", "a hundred", "a million"
        if matches!(w, "a" | "an") {
            let next = self.w(k + 1);
            if next == "dozen" {
                return Some(Num::new(12.0, k + 2));
            }
            if let Some((s, e)) = self.scale_word(k + 1) {
                if s >= 100.0 && !["mn", "bn", "tn"].contains(&next) {
                    return Some(Num {
                        scaled: true,
                        ..Num::new(s, e)
                    });
                }
            }
            return None;
        }
        // Cardinal words: "sixty", "twenty-five", "two hundred and ten".
        let mut total = 0.0;
        let mut current = 0.0;
        let mut j = k;
        let mut read_any = false;
        let mut last_small: Option<u32> = None;
        let mut scaled = false;
        while j < k + 12 {
            let word = self.w(j);
            if self.blocked(j) {
                break;
            }
            if let Some(v) = numbers::cardinal(word) {
                match last_small {
                    // "twenty five", "twenty-five"
                    Some(t) if t >= 20 && t % 10 == 0 && v < 10 && v > 0 => {}
                    Some(_) => break,
                    None => {}
                }
                current += v as f64;
                last_small = Some(v);
                read_any = true;
                j += 1;
                // The hyphen of "twenty-five".
                if v >= 20 && self.joining_dash(j) {
                    if let Some(u) = numbers::unit(self.w(j + 1)) {
                        current += u as f64;
                        last_small = Some(u);
                        j += 2;
                    }
                }
                continue;
            }
            if !read_any {
                return None;
            }
            if word == "dozen" {
                current = current.max(1.0) * 12.0;
                last_small = None;
                j += 1;
                continue;
            }
            if word == "hundred" {
                current = current.max(1.0) * 100.0;
                last_small = None;
                scaled = true;
                j += 1;
                continue;
            }
            if let Some(&(_, s)) = SCALES.iter().find(|(x, _)| *x == word) {
                if s >= 1e3 {
                    total += current.max(1.0) * s;
                    current = 0.0;
                    last_small = None;
                    scaled = true;
                    j += 1;
                    continue;
                }
            }
            // "two hundred and ten": "and" between a scale and a small number.
            if word == "and"
                && last_small.is_none()
                && numbers::cardinal(self.w(j + 1)).is_some()
                && self.w(j + 2) != "a"
            {
                j += 1;
                continue;
            }
            break;
        }
        if !read_any {
            return None;
        }
        // "one" of "one-third" is a fraction's, handled above; "one" alone
        // is checked by the caller.
        Some(Num {
            scaled,
            ..Num::new(total + current, j)
        })
    }

    /// "dozens of", "hundreds of", "thousands of", "tens of thousands of",
    /// "hundreds of millions of".
    fn vague(&self, k: usize) -> Option<Num> {
        let base = match self.w(k) {
            "dozens" => 12.0,
            "tens" => 10.0,
            "hundreds" => 100.0,
            "thousands" => 1e3,
            "millions" => 1e6,
            "billions" => 1e9,
            _ => return None,
        };
        if self.w(k + 1) != "of" {
            return None;
        }
        let mut value = base;
        let mut end = k + 2;
        // "tens of thousands of", "hundreds of millions of"
        let inner = match self.w(end) {
            "thousands" => Some(1e3),
            "millions" => Some(1e6),
            "billions" => Some(1e9),
            _ => None,
        };
        if let Some(s) = inner {
            if self.w(end + 1) == "of" {
                value *= s;
                end += 2;
            }
        }
        // The counted phrase is read from just after "of".
        Some(Num {
            vague: true,
            scaled: true,
            ..Num::new(value, end - 1)
        })
    }

    /// "half", "a third of", "two-thirds", "one-quarter", "three quarters of".
    fn fraction(&self, k: usize) -> Option<Num> {
        let make = |value: f64, end: usize| Num {
            fraction: true,
            ..Num::new(value, end)
        };
        let w = self.w(k);
        if w == "half" {
            // "half a million" is a number; "half of", "half the" a fraction.
            if self.w(k + 1) == "a" {
                if let Some((s, e)) = self.scale_word(k + 2) {
                    return Some(Num {
                        scaled: true,
                        fraction: false,
                        ..make(s / 2.0, e)
                    });
                }
            }
            return matches!(self.w(k + 1), "of" | "the" | "their" | "its")
                .then(|| make(0.5, k + 1));
        }
        let numerator = match w {
            "a" | "an" | "one" => 1.0,
            _ => numbers::unit(w).filter(|&v| v >= 2).map(f64::from)?,
        };
        let (d_at, hyphen) = if self.joining_dash(k + 1) {
            (k + 2, true)
        } else {
            (k + 1, false)
        };
        let &(word, d) = DENOMINATORS.iter().find(|(s, _)| *s == self.w(d_at))?;
        let plural = word.ends_with('s') || word == "halves";
        // "a third" alone is an ordinal ("a third term"); a fraction takes
        // "of" or a plural denominator or a hyphen ("two-thirds majority").
        if numerator == 1.0 && !hyphen && self.w(d_at + 1) != "of" {
            return None;
        }
        if numerator > 1.0 && !plural {
            return None;
        }
        Some(make(numerator / d, d_at + 1))
    }

    /// Whether the number at `k` is part of a name: "Boeing 737", "Article
    /// 5", "COVID-19", "F-16".
    fn is_label(&self, k: usize, n: &Num) -> bool {
        if k == 0 || n.ordinal {
            return false;
        }
        let raw = self.raw(k);
        let digits_only = raw.bytes().all(|b| b.is_ascii_digit());
        // "COVID-19", "F-16", "Su-35"
        if self.joining_dash(k - 1)
            && k >= 2
            && self.capitalised(k - 2)
            && self.kind(k - 2) == Some(TokenKind::Word)
        {
            return true;
        }
        // "Boeing 737", "Article 5", "Route 66", "No. 2" (not "The 30
        // members", "Only 5 people", "Another 5,000").
        let prev = k - 1;
        if digits_only
            && raw.len() <= 4
            && self.capitalised(prev)
            && self.kind(prev) == Some(TokenKind::Word)
            && !STOP_WORDS.contains(&self.w(prev))
            && !OF_DETERMINERS.contains(&self.w(prev))
            && !NOT_NAMES.contains(&self.w(prev))
            && !QUALIFIERS
                .iter()
                .any(|(q, _)| q.split(' ').next_back() == Some(self.w(prev)))
            && CURRENCY_CODES.iter().all(|(c, _)| *c != self.w(prev))
            && !self.raw(k + 1).starts_with('%')
            && self.unit_after(n.end).is_none()
        {
            return true;
        }
        false
    }

    /// Whether the number at `k..end` is part of a code, a ratio or a
    /// clock: "24/7", "9/11", "#1", "3:1".
    fn is_part_of_code(&self, k: usize, end: usize) -> bool {
        let glued_before =
            k > 0 && self.joined(k - 1) && matches!(self.raw(k - 1), "/" | ":" | "#");
        // "f(1)", and "(1)" labelling an item of a list.
        let in_parens = k > 0
            && self.raw(k - 1) == "("
            && self.joined(k - 1)
            && ((k >= 2 && self.joined(k - 2) && self.kind(k - 2) == Some(TokenKind::Word))
                || (self.raw(end) == ")" && self.joined(end - 1)));
        // The second half of "2-1" or "555-0199", whose first was refused.
        let after_dash =
            k >= 2 && self.joining_dash(k - 1) && self.kind(k - 2) == Some(TokenKind::Number);
        let glued_after = self.joined(end - 1) && matches!(self.raw(end), "/" | ":");
        glued_before || glued_after || after_dash || in_parens
    }

    /// "Smith, 45, said": a number between commas after a name.
    fn is_age_apposition(&self, k: usize, end: usize, value: f64) -> bool {
        k >= 2
            && value.fract() == 0.0
            && (1.0..=120.0).contains(&value)
            && self.raw(k - 1) == ","
            && self.capitalised(k - 2)
            && self.kind(k - 2) == Some(TokenKind::Word)
            && self.raw(end) == ","
            && self.kind(k) == Some(TokenKind::Number)
    }

    /// The counted phrase from `k`: a token range, or none. `compound`: the
    /// phrase follows a hyphen ("50-minute conversation").
    fn counted(&self, k: usize, compound: bool, kind: &str) -> Option<(usize, usize)> {
        let mut j = k;
        // "40% of voters", "dozens of people", "$3 billion in aid"
        if !compound {
            let via = self.w(j);
            let opens = via == "of" || (via == "in" && kind == "money");
            if opens && self.counted_word(j + 1, 0) {
                j += 1;
            } else if opens
                && OF_DETERMINERS.contains(&self.w(j + 1))
                && self.counted_word(j + 2, 0)
            {
                j += 2;
            }
        }
        let start = j;
        let mut words = 0;
        while words < MAX_COUNTED_WORDS && self.counted_word(j, words) {
            let w = self.w(j);
            words += 1;
            // "long-range missiles": a hyphen inside the phrase.
            if self.joining_dash(j + 1) && self.kind(j + 2) == Some(TokenKind::Word) {
                j += 2;
                continue;
            }
            j += 1;
            if is_plural_head(w) && !self.joining_dash(j) {
                break;
            }
        }
        (j > start).then_some((start, j))
    }

    /// Whether token `j` can be the `n`th word of a counted phrase.
    fn counted_word(&self, j: usize, n: usize) -> bool {
        if self.in_time.get(j).copied().unwrap_or(true) || self.kind(j) != Some(TokenKind::Word) {
            return false;
        }
        let w = self.w(j);
        // Function words end the phrase; capitalised they are names ("US").
        if STOP_WORDS.contains(&w) && !self.capitalised(j) {
            return false;
        }
        // A verb: "first said"; after the head, "people told", "troops
        // say" (right after a number a word of both kinds is the noun: "a
        // ten-point lead").
        if IRREGULAR_PAST.contains(&w)
            || (n > 0 && super::quotes::is_communication_verb(w) && !is_plural_head(w))
        {
            return false;
        }
        if n > 0 {
            // "-ed" and "-ing" after the head are verbs ("troops gathered"),
            // not after an adverb or a hyphen ("heavily armed", "long-running").
            let after_adverb = self.w(j - 1).ends_with("ly");
            let verb_form = (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4;
            if verb_form && !after_adverb && !self.joining_dash(j - 1) {
                return false;
            }
        }
        // Another number starts another quantity ("two or three").
        numbers::cardinal(w).is_none()
    }
}

/// Whether `w` ends a counted phrase as its head: a plural ("troops",
/// "countries", "people").
fn is_plural_head(w: &str) -> bool {
    PLURAL_HEADS.contains(&w)
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is"))
}

/// The scale a number was written with, for a range whose first end has
/// none ("60 to 90 million").
fn scale_of(value: f64, n: Num) -> f64 {
    if !n.scaled {
        return 1.0;
    }
    [1e12, 1e9, 1e6, 1e3, 1e2]
        .into_iter()
        .find(|&s| value >= s)
        .unwrap_or(1.0)
}

/// Parses digits with separators: "60,000", "3.5", "1,234.5", "1.234,5",
/// "1.234.567". Separators in the wrong places ("1,2,3,4", "1.2.3") and
/// more than 18 digits (no news quantity has them) give nothing.
fn parse_digits(s: &str) -> Option<f64> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    if !s.starts_with(|c: char| c.is_ascii_digit()) || !s.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let (group, decimal) = match (commas, dots) {
        (0, 0) => (',', None),
        (0, 1) => (',', Some('.')),
        (_, 0) => (',', None),
        (0, _) => ('.', None),
        _ => {
            // Both: the last one is the decimal separator.
            let last = s.rfind([',', '.'])?;
            let d = s.as_bytes()[last] as char;
            let g = if d == ',' { '.' } else { ',' };
            if s.matches(d).count() != 1 {
                return None;
            }
            (g, Some(d))
        }
    };
    let (int_part, frac_part) = match decimal {
        Some(d) => s.split_once(d)?,
        None => (s, ""),
    };
    let mut groups = int_part.split(group);
    let first = groups.next()?;
    let grouped = int_part.contains(group);
    if first.is_empty() || (grouped && first.len() > 3) || frac_part.contains(group) {
        return None;
    }
    let mut digits: Vec<u8> = first.bytes().collect();
    for g in groups {
        if g.len() != 3 {
            return None;
        }
        digits.extend(g.bytes());
    }
    digits.extend(frac_part.bytes());
    if digits.len() > 18 {
        return None;
    }
    // Up to 15 digits the integer is exact as a float, and dividing two
    // exact numbers rounds once: "1.2" is the float nearest 1.2, what
    // `str::parse` gives, without its tables in the wasm.
    let n = digits
        .iter()
        .fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
    Some(n as f64 / 10f64.powi(frac_part.len() as i32))
}

/// For each token, whether one of `ranges` overlaps it. Each range costs a
/// binary search and the tokens it covers.
fn overlapped(tokens: &[Token], ranges: &[(u32, u32)]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    for &(start, end) in ranges {
        let first = tokens.partition_point(|t| t.end() <= start);
        for (i, t) in tokens.iter().enumerate().skip(first) {
            if t.start >= end {
                break;
            }
            out[i] = true;
        }
    }
    out
}

/// Whether a word other than digits may start a quantity: a number word,
/// an ordinal, a qualifier's first word, a dollar prefix, a currency code,
/// or one of a few words ("a", "between", "dozens"). Asked of every word,
/// so the lists are one set, built on first use: scanning them, and
/// splitting every qualifier again for each word, was 8% of a whole
/// analysis (and comparing every word with each number word, 1%).
fn starts_quantity(w: &str) -> bool {
    static STARTERS: OnceLock<WordHashSet> = OnceLock::new();
    STARTERS
        .get_or_init(|| {
            numbers::CARDINALS
                .iter()
                .map(|c| c.0)
                .chain(ORDINALS.iter().map(|o| o.0))
                .chain(QUALIFIERS.iter().filter_map(|q| q.0.split(' ').next()))
                .chain(DOLLAR_PREFIXES.iter().map(|p| p.0))
                .chain(CURRENCY_CODES.iter().map(|c| c.0))
                .chain([
                    "a",
                    "an",
                    "between",
                    "half",
                    "dozens",
                    "tens",
                    "hundreds",
                    "thousands",
                    "millions",
                    "billions",
                ])
                .collect()
        })
        .contains(w)
}

/// The quantities of a document, in text order (byte offsets). `times`
/// (dates, clock times and sets are not quantities) and `entities` (numbers
/// inside names are not either) are the other layers, in byte offsets.
#[inline(never)] // a function of its own in the browser module: see `lib.rs`
pub fn quantities(doc: &Document, times: &[TimeExpr], entities: &[Entity]) -> Vec<Quantity> {
    quantities_with(doc, times, entities, true)
}

/// [`quantities`], reading only where [`Reader::may_start`] says a quantity
/// may start (`shortcut`), or at every token (to test that the shortcut
/// loses nothing).
fn quantities_with(
    doc: &Document,
    times: &[TimeExpr],
    entities: &[Entity],
    shortcut: bool,
) -> Vec<Quantity> {
    // Byte ranges no quantity may touch.
    let mut taken: Vec<(u32, u32)> = times
        .iter()
        .filter(|t| t.kind != "DURATION")
        .map(|t| (t.start, t.end))
        .chain(
            entities
                .iter()
                .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end))),
        )
        .collect();
    let mut out = Vec::new();
    taken.sort_unstable();
    let mut time_ranges: Vec<(u32, u32)> = times
        .iter()
        .filter(|t| t.kind != "DURATION")
        .map(|t| (t.start, t.end))
        .collect();
    time_ranges.sort_unstable();
    // The ranges starting inside a sentence (none crosses a sentence's
    // start: times and mentions are found within sentences).
    let within = |ranges: &[(u32, u32)], s: &std::ops::Range<usize>| -> std::ops::Range<usize> {
        let a = ranges.partition_point(|r| (r.0 as usize) < s.start);
        let b = ranges.partition_point(|r| (r.0 as usize) < s.end);
        a..b
    };
    for sent in &doc.sentences {
        let tokens = &doc.tokens[sent.tokens.clone()];
        let words: Vec<Cow<str>> = sent.tokens.clone().map(|i| doc.bare_word(i)).collect();
        let reader = Reader {
            text: doc.text,
            tokens,
            words,
            blocked: overlapped(tokens, &taken[within(&taken, &sent.range)]),
            in_time: overlapped(tokens, &time_ranges[within(&time_ranges, &sent.range)]),
        };
        let mut i = 0;
        while i < tokens.len() {
            if shortcut && !reader.may_start(i) {
                i += 1;
                continue;
            }
            match reader.at(i) {
                Some(f) if f.end > i => {
                    let end = f.end.min(tokens.len()).min(i + MAX_QUANTITY_TOKENS);
                    let (start, stop) = (tokens[i].start, tokens[end - 1].end());
                    let counted = f.counted.and_then(|(a, b)| {
                        let b = b.min(tokens.len());
                        (a < b).then(|| {
                            doc.text[tokens[a].start as usize..tokens[b - 1].end() as usize]
                                .to_string()
                        })
                    });
                    out.push(Quantity {
                        start,
                        end: stop,
                        text: doc.text[start as usize..stop as usize].to_string(),
                        kind: f.kind,
                        value: f.value,
                        low: f.low,
                        high: f.high,
                        unit: f.unit,
                        qualifier: f.qualifier,
                        counted,
                    });
                    i = end;
                }
                _ => i += 1,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parse_digits;

    /// For every word this file's code compares a token with, as written,
    /// capitalised and in capitals, before numbers and words of amounts:
    /// the shortcut of `may_start` finds what reading at every token finds.
    #[test]
    fn starters_change_nothing() {
        use crate::analyze::shortcut_tests::{cases, literal_words};
        use crate::document::Document;
        let mut words: Vec<&str> = literal_words(include_str!("quantities.rs"))
            .filter(|w| !w.is_empty() && w.len() < 20 && !w.contains(['{', '}', '\\']))
            .collect();
        words.extend(super::numbers::CARDINALS.iter().map(|c| c.0));
        words.sort_unstable();
        words.dedup();
        assert!(words.len() > 150, "{} words", words.len());
        let after = [
            "",
            "5",
            "5 million",
            "of 300 troops",
            "dollars",
            "percent",
            "and 10",
            "-year-old",
        ];
        let mut missed = Vec::new();
        for w in &words {
            for w in cases(w) {
                for a in after {
                    for text in [format!("{w} {a}."), format!("It cost {w} {a} in all.")] {
                        let doc =
                            Document::new(&text, std::iter::once(0..text.len()).collect(), false);
                        let show = |v: Vec<crate::output::Quantity>| -> Vec<String> {
                            v.iter()
                                .map(|q| format!("{} {:?}", q.text, q.value))
                                .collect()
                        };
                        let fast = show(super::quantities_with(&doc, &[], &[], true));
                        let every = show(super::quantities_with(&doc, &[], &[], false));
                        if fast != every {
                            missed.push(text);
                        }
                    }
                }
            }
        }
        assert!(
            missed.is_empty(),
            "{} missed: {:?}",
            missed.len(),
            &missed[..missed.len().min(20)]
        );
    }

    #[test]
    fn digits_with_separators() {
        assert_eq!(parse_digits("60,000"), Some(60000.0));
        assert_eq!(parse_digits("3.5"), Some(3.5));
        assert_eq!(parse_digits("1,234.5"), Some(1234.5));
        assert_eq!(parse_digits("1.234,5"), Some(1234.5));
        assert_eq!(parse_digits("1.234.567"), Some(1234567.0));
        assert_eq!(parse_digits("1,2,3,4"), None);
        assert_eq!(parse_digits("1.2.3"), None);
        assert_eq!(parse_digits("1,234,56"), None);
        assert_eq!(parse_digits(""), None);
        assert_eq!(parse_digits("0.1"), Some(0.1));
        assert_eq!(parse_digits("2014"), Some(2014.0));
        assert_eq!(parse_digits("1234567"), Some(1234567.0));
        assert_eq!(parse_digits("0199"), Some(199.0));
        assert_eq!(parse_digits(&"9".repeat(19)), None);
    }
}
