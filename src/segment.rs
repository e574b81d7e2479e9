//! Sentences and tokens.
//!
//! Both start from Unicode's own segmentation (UAX #29, via
//! `unicode-segmentation`), which already gets decimals ("3.5"), quotes that
//! close after the period (`.”`), and "a.m. on" (no break before a lowercase
//! word) right. What UAX #29 cannot know is English abbreviations: it breaks
//! after "Mr." in "Mr. Smith" and after "U.S." in "U.S. President". So each
//! candidate break is checked against what precedes and follows it, the way
//! Punkt-style splitters do, with word lists instead of a trained model:
//! titles never end a sentence, months and "No." do not before a number,
//! initials and acronyms do not before a capitalised word that is not a usual
//! sentence opener.
//!
//! Everything here is linear in the length of the text: each candidate break
//! looks at a bounded window around itself.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations that never end a sentence: titles and ranks before a name,
/// and a few Latin and reference abbreviations.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "cpl", "pvt", "rep", "reps", "sen", "sens", "gov", "govs", "pres", "supt", "insp", "det",
    "rev", "fr", "hon", "atty", "messrs", "mmes", "msgr", "brig", "lieut", "comdr", "amb", "sec",
    "treas", "gov't", "vs", "v", "cf", "mt", "ft", "pp", "fig", "figs", "eq", "ref", "refs",
    "dist", "rt", "mme", "mlle", "st",
];

/// Abbreviations that do not end a sentence when a number follows ("Jan. 13",
/// "No. 10", "approx. 5").
const BEFORE_NUMBER: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vol", "vols", "art", "sec", "ch", "chap", "p", "op", "ed", "approx", "est", "ca", "c",
    "nr", "tel", "ext", "pt", "para", "rev", "ver",
];

/// Abbreviations that may end a sentence: they do only when the next word is a
/// usual sentence opener.
const AMBIGUOUS: &[&str] = &[
    "inc", "corp", "ltd", "co", "llc", "plc", "bros", "ave", "blvd", "rd", "dept", "univ", "assn",
    "etc", "al", "approx", "est", "govt", "intl", "natl", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun", "no", "jr", "sr",
];

/// Capitalised words that usually open a sentence. After an acronym or an
/// initial, one of these means the period did end the sentence ("in the U.S.
/// The talks…"); any other capitalised word means it did not ("U.S. President").
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "for",
    "with",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "one",
    "some",
    "many",
    "most",
    "all",
    "both",
    "no",
    "not",
    "what",
    "who",
    "how",
    "why",
    "where",
    "then",
    "now",
    "still",
    "also",
    "however",
    "meanwhile",
    "since",
    "because",
    "although",
    "though",
    "despite",
    "during",
    "by",
    "from",
    "to",
    "of",
    "more",
    "such",
    "each",
    "every",
    "other",
    "another",
    "under",
    "over",
    "later",
    "earlier",
    "last",
    "next",
    "today",
    "yesterday",
    "tomorrow",
    "here",
    "officials",
    "asked",
    "according",
    "other",
    "few",
    "several",
    "even",
    "only",
    "instead",
    "about",
    "among",
    "until",
    "unless",
    "once",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "him",
    "them",
    "us",
    "me",
];

/// Words after "a.m."/"p.m." that continue the time ("3 p.m. ET", "9 a.m.
/// Thursday"); anything else capitalised starts a new sentence.
const TIME_FOLLOWERS: &[&str] = &[
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "mt",
    "mst",
    "mdt",
    "pt",
    "pst",
    "pdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "eet",
    "msk",
    "ist",
    "jst",
    "aest",
    "local",
    "eastern",
    "pacific",
    "central",
    "mountain",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    "moscow",
    "kyiv",
    "kiev",
    "washington",
    "london",
    "beijing",
    "tokyo",
    "paris",
    "berlin",
];

/// Closing punctuation that may follow a sentence's final mark.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', '›', ')', ']', '}'];
/// Opening punctuation that may precede a sentence's first word.
const OPENERS_PUNCT: &[char] = &['"', '\'', '“', '‘', '«', '‹', '(', '[', '{', '¿', '¡'];

/// The word just before a final period: "U.S" in "in the U.S.", "Gen" in "(Gen.".
fn word_before_period(core: &str) -> &str {
    let body = &core[..core.len() - 1];
    let start = body
        .char_indices()
        .rev()
        .take(32)
        .find(|(_, c)| c.is_whitespace() || OPENERS_PUNCT.contains(c) || *c == '—' || *c == '–')
        .map_or_else(
            || {
                // No delimiter within the window: the word is the whole body if
                // short, else nothing recognisable.
                if body.chars().count() <= 32 {
                    0
                } else {
                    body.len()
                }
            },
            |(i, c)| i + c.len_utf8(),
        );
    &body[start..]
}

/// The first word of the next segment, after opening punctuation.
fn first_word(next: &str) -> &str {
    let t = next.trim_start().trim_start_matches(OPENERS_PUNCT);
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '\'' || *c == '’'))
        .map_or(t.len(), |(i, _)| i);
    &t[..end]
}

fn starts_lowercase(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        // "iPhone", "eBay": a lowercase letter then a capital is a brand name,
        // which may open a sentence.
        Some(c) if c.is_lowercase() => !chars.next().is_some_and(char::is_uppercase),
        _ => false,
    }
}

fn is_initials(word: &str) -> bool {
    // "W" or "J.R" (the last period already removed): single capitals between periods.
    !word.is_empty()
        && word.split('.').all(|part| {
            let mut c = part.chars();
            matches!((c.next(), c.next()), (Some(ch), None) if ch.is_uppercase())
        })
}

/// Whether the candidate break between `prev` and `next` (two UAX #29
/// segments) is not a sentence end after all.
fn joins(prev: &str, next: &str) -> bool {
    if prev.ends_with(['\n', '\r']) {
        return false; // a line break inside a paragraph (<br>) always ends a sentence
    }
    let next_word = first_word(next);
    if !next.chars().any(char::is_alphanumeric) {
        return true; // stray punctuation belongs to the sentence before it
    }
    if starts_lowercase(next_word) {
        return true; // “Why?” he asked. / Yahoo! was…
    }
    let prev_t = prev.trim_end();
    let core = prev_t.trim_end_matches(CLOSERS);
    if !core.ends_with('.') || core.len() != prev_t.len() || core.ends_with("..") {
        return false;
    }
    let word = word_before_period(core).trim_start_matches(OPENERS_PUNCT);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    let lower = lower.as_str();
    let next_lower = next_word.to_lowercase();
    let next_is_number = next_word.starts_with(|c: char| c.is_ascii_digit());
    let next_capitalised = next_word.starts_with(char::is_uppercase);
    let next_is_opener = OPENERS.contains(&next_lower.as_str());
    if TITLES.contains(&lower) {
        return true;
    }
    if next_is_number {
        return BEFORE_NUMBER.contains(&lower);
    }
    if lower == "a.m" || lower == "p.m" {
        return TIME_FOLLOWERS.contains(&next_lower.as_str());
    }
    if is_initials(word) || AMBIGUOUS.contains(&lower) || word.contains('.') {
        return next_capitalised && !next_is_opener;
    }
    false
}

/// Splits after an ellipsis character followed by a capitalised word, as UAX #29
/// does after three periods (it does not know "…").
fn split_at_ellipses(p: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &p[range.clone()];
    let mut start = 0;
    for (i, _) in s.match_indices('…') {
        let after = &s[i + '…'.len_utf8()..];
        let after_closers = after.trim_start_matches(CLOSERS);
        let gap = after_closers.len() - after_closers.trim_start().len();
        if gap == 0 {
            continue;
        }
        let rest = after_closers.trim_start();
        if rest.starts_with(char::is_uppercase) {
            let end = s.len() - after_closers.len();
            out.push(range.start + start..range.start + end);
            start = s.len() - rest.len();
        }
    }
    out.push(range.start + start..range.end);
}

/// The sentences of one paragraph, as byte ranges of `text` (each trimmed of
/// surrounding whitespace; never empty).
pub fn sentences(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let p = &text[para.clone()];
    let segs: Vec<(usize, &str)> = p.split_sentence_bound_indices().collect();
    let mut merged: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (k, &(off, seg)) in segs.iter().enumerate() {
        let end = off + seg.len();
        let last = k + 1 == segs.len();
        if last || !joins(&p[start..end], segs[k + 1].1) {
            merged.push(start..end);
            start = end;
        }
    }
    let mut out = Vec::with_capacity(merged.len());
    for r in merged {
        let raw = &p[r.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let r = r.start + lead..r.start + lead + trimmed.len();
        let before = out.len();
        split_at_ellipses(p, r, &mut out);
        for s in &mut out[before..] {
            *s = para.start + s.start..para.start + s.end;
        }
    }
    out
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Contains a letter: "Biden", "U.S.", "don't", "50-minute" is three tokens.
    Word,
    /// Starts with a digit: "2014", "60,000", "3.5".
    Number,
    /// Punctuation: ".", "“", "—".
    Punct,
    /// Anything else: symbols, emoji.
    Symbol,
}

/// A token: a byte range of the analysed text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
}

fn token_kind(w: &str) -> TokenKind {
    if w.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else if w.starts_with(|c: char| c.is_ascii_digit() || c.is_numeric()) {
        TokenKind::Number
    } else if w
        .chars()
        .all(|c| c.is_ascii_punctuation() || is_unicode_punct(c))
    {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

fn is_unicode_punct(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '«' | '»' | '¡' | '¿' | '·' | '§' | '¶')
}

/// Whether "word." is an abbreviation whose period belongs to the word.
fn takes_period(word: &str) -> bool {
    if word.contains('.') || is_initials(word) {
        return true;
    }
    let lower = word.to_lowercase();
    let l = lower.as_str();
    TITLES.contains(&l) || BEFORE_NUMBER.contains(&l) || AMBIGUOUS.contains(&l)
}

/// Appends the tokens of `text[range]` to `out`. Words follow UAX #29 ("U.S",
/// "don't", "60,000", "3.5" are one token each); an abbreviation takes its
/// period ("U.S.", "Gen.", "J.").
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let base = range.start;
    for (off, w) in text[range].split_word_bound_indices() {
        if w.chars().all(char::is_whitespace) {
            continue;
        }
        let start = (base + off) as u32;
        let end = start + w.len() as u32;
        if w == "." {
            if let Some(prev) = out.last_mut() {
                if prev.kind == TokenKind::Word
                    && prev.end == start
                    && takes_period(&text[prev.start as usize..prev.end as usize])
                {
                    prev.end = end;
                    continue;
                }
            }
        }
        out.push(Token {
            start,
            end,
            kind: token_kind(w),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(p: &str) -> Vec<&str> {
        sentences(p, 0..p.len())
            .into_iter()
            .map(|r| &p[r])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Smith met Gen. Mark Milley in Washington. They talked."),
            [
                "Mr. Smith met Gen. Mark Milley in Washington.",
                "They talked."
            ]
        );
        assert_eq!(
            split("U.S. President Joe Biden spoke. It went well."),
            ["U.S. President Joe Biden spoke.", "It went well."]
        );
        assert_eq!(
            split("Troops left the U.S. The talks resumed."),
            ["Troops left the U.S.", "The talks resumed."]
        );
        assert_eq!(
            split("They meet on Jan. 13 in Geneva. No. 10 said nothing."),
            ["They meet on Jan. 13 in Geneva.", "No. 10 said nothing."]
        );
        assert_eq!(
            split("The call began at 3 p.m. ET and ended at 4 p.m. Officials said little."),
            [
                "The call began at 3 p.m. ET and ended at 4 p.m.",
                "Officials said little."
            ]
        );
        assert_eq!(
            split("Shares of Apple Inc. The company fell."),
            ["Shares of Apple Inc.", "The company fell."]
        );
    }

    #[test]
    fn initials_and_decimals() {
        assert_eq!(
            split("George W. Bush and J. R. R. Tolkien met. Growth was 3.5 percent."),
            [
                "George W. Bush and J. R. R. Tolkien met.",
                "Growth was 3.5 percent."
            ]
        );
        assert_eq!(
            split("They chose Plan B. The rest failed."),
            ["They chose Plan B.", "The rest failed."]
        );
    }

    #[test]
    fn quotes_closing_after_the_period() {
        assert_eq!(
            split("“We are ready.” The minister left. “Are you?” he asked. “Yes,” she said."),
            [
                "“We are ready.”",
                "The minister left.",
                "“Are you?” he asked.",
                "“Yes,” she said."
            ]
        );
        assert_eq!(
            split("He said \"no.\" Then he left."),
            ["He said \"no.\"", "Then he left."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("He waited... and waited. Then… Nothing happened… at all."),
            [
                "He waited... and waited.",
                "Then…",
                "Nothing happened… at all."
            ]
        );
        assert_eq!(split("Wait... The end."), ["Wait...", "The end."]);
    }

    #[test]
    fn orphan_fragment_is_its_own_sentence() {
        assert_eq!(
            split("A conference including European countries. January 13."),
            ["A conference including European countries.", "January 13."]
        );
    }

    #[test]
    fn line_breaks_inside_a_paragraph_end_sentences() {
        assert_eq!(split("Line one\nline two"), ["Line one", "line two"]);
    }

    #[test]
    fn sentence_offsets_are_absolute() {
        let text = "First para.\n\nSecond para. Two.";
        let got = sentences(text, 13..text.len());
        assert_eq!(got, [13..25, 26..30]);
    }

    #[test]
    fn tokens() {
        let text = "U.S. troops, 60,000 of them, don't—Biden's “50-minute” call at 3.5 a.m.";
        let mut toks = Vec::new();
        tokenize(text, 0..text.len(), &mut toks);
        let words: Vec<&str> = toks
            .iter()
            .map(|t| &text[t.start as usize..t.end as usize])
            .collect();
        assert_eq!(
            words,
            [
                "U.S.", "troops", ",", "60,000", "of", "them", ",", "don't", "—", "Biden's", "“",
                "50", "-", "minute", "”", "call", "at", "3.5", "a.m."
            ]
        );
        assert_eq!(toks[0].kind, TokenKind::Word);
        assert_eq!(toks[3].kind, TokenKind::Number);
        assert_eq!(toks[2].kind, TokenKind::Punct);
    }

    #[test]
    fn long_line_without_punctuation_is_one_sentence() {
        let p = "word ".repeat(200_000);
        let got = sentences(&p, 0..p.len());
        assert_eq!(got.len(), 1);
    }
}
