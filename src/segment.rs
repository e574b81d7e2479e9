//! Sentences and tokens.
//!
//! Both start from Unicode's own segmentation (UAX #29, via
//! `bounds.rs`: `unicode-segmentation`'s answers, found faster for the
//! characters most news is written in), which already gets decimals
//! ("3.5"), quotes that close after the period (`.”`), and "a.m. on" (no
//! break before a lowercase word) right. What UAX #29 cannot know is
//! English abbreviations: it breaks after "Mr." in "Mr. Smith" and after
//! "U.S." in "U.S. President". So each
//! candidate break is checked against what precedes and follows it, the way
//! Punkt-style splitters do, with word lists instead of a trained model:
//! titles never end a sentence, months and "No." do not before a number,
//! initials and acronyms do not before a capitalised word that is not a usual
//! sentence opener.
//!
//! Everything here is linear in the length of the text: each candidate break
//! looks at a bounded window around itself.

use std::ops::Range;

/// Abbreviations that never end a sentence: titles and ranks before a name,
/// and a few Latin and reference abbreviations.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm",
    "sgt", "cpl", "pvt", "rep", "reps", "sen", "sens", "gov", "govs", "pres", "supt", "insp",
    "det", "rev", "fr", "hon", "atty", "messrs", "mmes", "msgr", "brig", "lieut", "comdr",
    "amb", "sec", "treas", "gov't", "vs", "v", "cf", "mt", "ft", "pp", "fig", "figs", "eq",
    "ref", "refs", "dist", "rt", "mme", "mlle", "st",
];

/// Abbreviations that do not end a sentence when a number follows ("Jan. 13",
/// "No. 10", "approx. 5").
#[rustfmt::skip]
const BEFORE_NUMBER: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vol", "vols", "art", "sec", "ch", "chap", "p", "op", "ed", "approx", "est", "ca",
    "c", "nr", "tel", "ext", "pt", "para", "rev", "ver",
];

/// Abbreviations that may end a sentence: they do only when the next word is a
/// usual sentence opener.
#[rustfmt::skip]
const AMBIGUOUS: &[&str] = &[
    "inc", "corp", "ltd", "co", "llc", "plc", "bros", "ave", "blvd", "rd", "dept", "univ",
    "assn", "etc", "al", "approx", "est", "govt", "intl", "natl", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "no", "jr", "sr",
];

/// Capitalised words that usually open a sentence. After an acronym or an
/// initial, one of these means the period did end the sentence ("in the U.S.
/// The talks…"); any other capitalised word means it did not ("U.S. President").
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
    "those", "there", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "with", "as",
    "if", "when", "while", "after", "before", "his", "her", "its", "their", "our", "my",
    "your", "one", "some", "many", "most", "all", "both", "no", "not", "what", "who", "how",
    "why", "where", "then", "now", "still", "also", "however", "meanwhile", "since", "because",
    "although", "though", "despite", "during", "by", "from", "to", "of", "more", "such",
    "each", "every", "other", "another", "under", "over", "later", "earlier", "last", "next",
    "today", "yesterday", "tomorrow", "here", "officials", "asked", "according", "other",
    "few", "several", "even", "only", "instead", "about", "among", "until", "unless", "once",
    "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "must", "him", "them", "us", "me",
];

/// Words after "a.m."/"p.m." that continue the time ("3 p.m. ET", "9 a.m.
/// Thursday"); anything else capitalised starts a new sentence.
#[rustfmt::skip]
const TIME_FOLLOWERS: &[&str] = &[
    "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt",
    "utc", "bst", "cet", "cest", "eet", "msk", "ist", "jst", "aest", "local", "eastern",
    "pacific", "central", "mountain", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
];

/// Verbs of speech: after a quoted question or exclamation, "“Why now?” Johnson
/// asked" is one sentence.
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "asked", "asks", "added", "adds", "told", "tells", "shouted", "shouts",
    "replied", "replies", "wondered", "wonders", "cried", "yelled", "wrote", "writes",
    "tweeted", "insisted", "declared", "exclaimed", "explained", "continued", "noted",
    "recalled", "demanded", "warned", "joked", "quipped", "screamed", "whispered",
];

/// A run of this many characters without a letter or digit is cut into pieces
/// before Unicode sentence segmentation, whose rules for closing punctuation and
/// spaces after a full stop look back over the whole run at every character
/// (quadratic on a crafted run of quotes). No real sentence has such a run; the
/// cut is never a sentence break.
const MAX_PUNCT_RUN: usize = 32;

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

/// The whitespace-delimited word before `word_start` in `s`, if any.
fn word_before(s: &str, word_start: usize) -> &str {
    let head = s[..word_start].trim_end();
    let from = head
        .char_indices()
        .rev()
        .take(40)
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    head[from..].trim_start_matches(OPENERS_PUNCT)
}

/// "Johnson asked", "Boris Johnson said": up to three capitalised words, then a
/// verb of speech.
fn names_then_speech_verb(next: &str) -> bool {
    for (k, w) in next.split_whitespace().take(4).enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if k > 0 && SPEECH_VERBS.contains(&w) {
            return true;
        }
        if !w.starts_with(char::is_uppercase) {
            return false;
        }
    }
    false
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
    let closed = core.len() != prev_t.len();
    if closed && core.ends_with(['?', '!']) && names_then_speech_verb(next) {
        return true; // “Why now?” Johnson asked.
    }
    if !core.ends_with('.') || closed || core.ends_with("..") {
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
    let before = word_before(core, core.len() - 1 - word.len());
    let before_capitalised = before.starts_with(char::is_uppercase);
    if lower == "st" && before_capitalised {
        return false; // "Elm St." is a street, which may end a sentence; "St. Louis" is not
    }
    if TITLES.contains(&lower) {
        return true;
    }
    if (lower == "a.m" || lower == "p.m") && next.trim_start().starts_with('(') {
        return true; // the time elsewhere: "10:35 a.m. (0735 GMT) Friday"
    }
    if next_is_number {
        return BEFORE_NUMBER.contains(&lower);
    }
    if lower == "a.m" || lower == "p.m" {
        // "3 p.m. ET", "9 a.m. Thursday", "6 p.m. Moscow time".
        let second = next.split_whitespace().nth(1).unwrap_or("");
        return TIME_FOLLOWERS.contains(&next_lower.as_str())
            || (next_capitalised && second.trim_end_matches(['.', ',']) == "time");
    }
    if is_initials(word) {
        // "George W. Bush", "J. R. R. Tolkien", but not "vitamin D. Researchers":
        // before a name stands a capital, another initial, or a function word
        // ("and", "with", "said") or punctuation ("innings: M. Butcher");
        // "vitamin" is none of these.
        let before_lower = before.to_lowercase();
        let name_before = before.is_empty()
            || before_capitalised
            || !before.chars().any(char::is_alphanumeric)
            // "chief executive, J. Michael Pearson": after a comma or colon.
            || before.ends_with([',', ';', ':', '('])
            || is_initials(before.trim_end_matches('.'))
            || OPENERS.contains(&before_lower.as_str())
            || SPEECH_VERBS.contains(&before_lower.as_str());
        return name_before && next_capitalised && !next_is_opener;
    }
    if AMBIGUOUS.contains(&lower) || word.contains('.') {
        return next_capitalised && !next_is_opener;
    }
    false
}

/// Whether a full stop after `word` (without its period) ends the sentence
/// before a number: not after "No.", "Jan.", titles, initials or acronyms.
fn ends_before_number(word: &str) -> bool {
    let lower = word.to_lowercase();
    !(word.is_empty()
        || word.contains('.')
        || is_initials(word)
        || TITLES.contains(&lower.as_str())
        || BEFORE_NUMBER.contains(&lower.as_str())
        || AMBIGUOUS.contains(&lower.as_str()))
}

/// Splits where a full stop is followed by a number or an amount ("…rose 10
/// percent. 2022 was…", "…$5 billion. $2 billion…"): UAX #29 never breaks
/// before a digit when a lowercase word follows it.
fn split_before_numbers(p: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &p[range.clone()];
    let mut start = 0;
    for (i, _) in s.match_indices(". ") {
        let rest = s[i + 2..].trim_start();
        if !rest.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥'))
        {
            continue;
        }
        let core = &s[start..=i];
        let word = word_before_period(core).trim_start_matches(OPENERS_PUNCT);
        if ends_before_number(word) && i + 1 > start {
            out.push(range.start + start..range.start + i + 1);
            start = s.len() - rest.len();
        }
    }
    out.push(range.start + start..range.end);
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

/// Byte ranges of `s` to segment separately: cut inside every run of
/// [`MAX_PUNCT_RUN`] characters without a letter or digit.
fn pieces(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut run) = (0, 0);
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            run = 0;
        } else {
            run += 1;
            if run % MAX_PUNCT_RUN == 0 {
                out.push(start..i + c.len_utf8());
                start = i + c.len_utf8();
            }
        }
    }
    out.push(start..s.len());
    out
}

/// The sentences of one paragraph, as byte ranges of `text` (each trimmed of
/// surrounding whitespace; never empty). With `soft_line_breaks` (raw text,
/// where a paragraph's lines are wrapped prose), a line break is a space;
/// otherwise (a `<br>`) it ends a sentence.
pub fn sentences(text: &str, para: Range<usize>, soft_line_breaks: bool) -> Vec<Range<usize>> {
    let p = &text[para.clone()];
    let softened;
    let view: &str = if soft_line_breaks && p.contains(['\n', '\r']) {
        // Same length: every offset stays valid for `p`.
        softened = p.replace(['\n', '\r'], " ");
        &softened
    } else {
        p
    };
    // (start, end, whether a break may follow): a piece's end never breaks.
    let mut segs: Vec<(usize, usize, bool)> = Vec::new();
    for piece in pieces(view) {
        crate::bounds::sentence_bounds(&view[piece.clone()], |off, seg| {
            segs.push((piece.start + off, piece.start + off + seg.len(), true));
        });
        if let Some(last) = segs.last_mut() {
            last.2 = false;
        }
    }
    let mut merged: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (k, &(_, end, breakable)) in segs.iter().enumerate() {
        let last = k + 1 == segs.len();
        if last || (breakable && !joins(&view[start..end], &view[segs[k + 1].0..segs[k + 1].1])) {
            merged.push(start..end);
            start = end;
        }
    }
    let mut out = Vec::with_capacity(merged.len());
    let mut parts = Vec::new();
    for r in merged {
        let raw = &view[r.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let r = r.start + lead..r.start + lead + trimmed.len();
        parts.clear();
        split_at_ellipses(view, r, &mut parts);
        for part in parts.drain(..) {
            let before = out.len();
            split_before_numbers(view, part, &mut out);
            for s in &mut out[before..] {
                *s = para.start + s.start..para.start + s.end;
            }
        }
    }
    out
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
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

/// A token: a byte range of the analysed text and its kind, in 8 bytes
/// (the kind in the end's two high bits): a text has about one token for
/// every five bytes, so 12 bytes a token (with the kind in a field of its
/// own) held 2.4 times the text, 8 MB more than this on 10 MB. Offsets
/// stay below 2^30: the input is at most [`MAX_TEXT_BYTES`] bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    end_kind: u32,
}

/// The longest text a [`Token`] can point into (1 GiB).
pub const MAX_TEXT_BYTES: usize = END_MASK as usize;
const END_MASK: u32 = (1 << 30) - 1;

impl Token {
    /// The token on bytes `start..end` (`end` below [`MAX_TEXT_BYTES`]).
    pub fn new(start: u32, end: u32, kind: TokenKind) -> Token {
        debug_assert!(end <= END_MASK && start <= end);
        Token {
            start,
            end_kind: (end & END_MASK) | (kind as u32) << 30,
        }
    }

    /// One past the token's last byte.
    #[inline]
    pub fn end(&self) -> u32 {
        self.end_kind & END_MASK
    }

    /// The token's bytes, to slice the text with.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end() as usize
    }

    /// What the token is.
    #[inline]
    pub fn kind(&self) -> TokenKind {
        match self.end_kind >> 30 {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            2 => TokenKind::Punct,
            _ => TokenKind::Symbol,
        }
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("start", &self.start)
            .field("end", &self.end())
            .field("kind", &self.kind())
            .finish()
    }
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
    crate::bounds::word_bounds(&text[range], |off, w| {
        if w.chars().all(char::is_whitespace) {
            return;
        }
        let start = (base + off) as u32;
        let end = start + w.len() as u32;
        if w == "." {
            if let Some(prev) = out.last_mut() {
                if prev.kind() == TokenKind::Word
                    && prev.end() == start
                    && takes_period(&text[prev.range()])
                {
                    *prev = Token::new(prev.start, end, prev.kind());
                    return;
                }
            }
        }
        out.push(Token::new(start, end, token_kind(w)));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_keeps_its_end_and_kind() {
        let top = MAX_TEXT_BYTES as u32;
        for kind in [
            TokenKind::Word,
            TokenKind::Number,
            TokenKind::Punct,
            TokenKind::Symbol,
        ] {
            for (start, end) in [(0, 0), (3, 9), (top - 5, top)] {
                let t = Token::new(start, end, kind);
                assert_eq!((t.start, t.end(), t.kind()), (start, end, kind));
            }
        }
        assert_eq!(std::mem::size_of::<Token>(), 8);
    }

    fn split(p: &str) -> Vec<&str> {
        sentences(p, 0..p.len(), false)
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
    fn an_initial_after_a_comma_is_a_name() {
        assert_eq!(
            split("Ubben called its chief executive, J. Michael Pearson, driven. He left."),
            [
                "Ubben called its chief executive, J. Michael Pearson, driven.",
                "He left."
            ]
        );
    }

    #[test]
    fn initials_and_decimals() {
        assert_eq!(
            split("Scores: M. Butcher 12, (D. Bicknell 3). Growth was 3.5 percent."),
            [
                "Scores: M. Butcher 12, (D. Bicknell 3).",
                "Growth was 3.5 percent."
            ]
        );
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
        // In raw text a paragraph's line breaks are wrapping, not breaks.
        let wrapped = "Ministers met on\r\nTuesday. They agreed.";
        let got: Vec<&str> = sentences(wrapped, 0..wrapped.len(), true)
            .into_iter()
            .map(|r| &wrapped[r])
            .collect();
        assert_eq!(got, ["Ministers met on\r\nTuesday.", "They agreed."]);
    }

    #[test]
    fn quoted_questions_and_their_speakers() {
        assert_eq!(
            split("“Why now?” Johnson asked. “We won!” Boris Smith shouted."),
            [
                "“Why now?” Johnson asked.",
                "“We won!” Boris Smith shouted."
            ]
        );
        assert_eq!(
            split("“Why now?” The answer came later."),
            ["“Why now?”", "The answer came later."]
        );
    }

    #[test]
    fn numbers_and_amounts_after_a_full_stop() {
        assert_eq!(
            split("Sales rose 10 percent. 2022 was a record year. It made $5 billion. $2 billion came from ads. See No. 5 and Jan. 6 too."),
            ["Sales rose 10 percent.", "2022 was a record year.", "It made $5 billion.", "$2 billion came from ads.", "See No. 5 and Jan. 6 too."]
        );
    }

    #[test]
    fn streets_times_and_lowercase_initials() {
        assert_eq!(
            split("He lives on Elm St. Police said so. She visited St. Louis."),
            [
                "He lives on Elm St.",
                "Police said so.",
                "She visited St. Louis."
            ]
        );
        assert_eq!(
            split("Talks ended at 6 p.m. Moscow said little. It began at 9 a.m. Moscow time."),
            [
                "Talks ended at 6 p.m.",
                "Moscow said little.",
                "It began at 9 a.m. Moscow time."
            ]
        );
        assert_eq!(
            split("It contains vitamin D. Researchers said so."),
            ["It contains vitamin D.", "Researchers said so."]
        );
    }

    #[test]
    fn long_runs_of_quotes_or_spaces_stay_linear() {
        for run in ["\"", "”", ")", " "] {
            let p = format!("x.{} Y", run.repeat(200_000));
            let got = sentences(&p, 0..p.len(), false);
            assert!(!got.is_empty() && got.iter().all(|r| r.end <= p.len()));
        }
    }

    #[test]
    fn sentence_offsets_are_absolute() {
        let text = "First para.\n\nSecond para. Two.";
        let got = sentences(text, 13..text.len(), false);
        assert_eq!(got, [13..25, 26..30]);
    }

    #[test]
    fn tokens() {
        let text = "U.S. troops, 60,000 of them, don't—Biden's “50-minute” call at 3.5 a.m.";
        let mut toks = Vec::new();
        tokenize(text, 0..text.len(), &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.range()]).collect();
        assert_eq!(
            words,
            [
                "U.S.", "troops", ",", "60,000", "of", "them", ",", "don't", "—", "Biden's", "“",
                "50", "-", "minute", "”", "call", "at", "3.5", "a.m."
            ]
        );
        assert_eq!(toks[0].kind(), TokenKind::Word);
        assert_eq!(toks[3].kind(), TokenKind::Number);
        assert_eq!(toks[2].kind(), TokenKind::Punct);
    }

    #[test]
    fn long_line_without_punctuation_is_one_sentence() {
        let p = "word ".repeat(200_000);
        let got = sentences(&p, 0..p.len(), false);
        assert_eq!(got.len(), 1);
    }
}
