//! UAX #29 word and sentence boundaries, fast for the characters news is
//! written in.
//!
//! `unicode-segmentation` looks every character up in its Unicode tables and
//! runs a general state machine; on an article that was a tenth of all the
//! work of an analysis. Most sentences of English news use only ASCII and a
//! few typographic marks (curly quotes and apostrophes, dashes, the
//! ellipsis), whose word-break classes are few and fixed. For a range made of
//! those characters only, [`word_bounds`] and [`sentence_bounds`] apply the
//! UAX #29 rules themselves; for any other range they ask
//! `unicode-segmentation`, so the answer is always the library's. The tests
//! compare the two on random strings of those characters, so a rule written
//! wrong here fails them.

use unicode_segmentation::UnicodeSegmentation;

/// The characters beyond ASCII that the fast paths know, all three bytes in
/// UTF-8 (`E2 80 xx`): ‘ ’ “ ” – — … (the last byte of each).
const TYPOGRAPHIC: [u8; 7] = [0x98, 0x99, 0x9c, 0x9d, 0x93, 0x94, 0xa6];

/// Whether every character of `s` is one the fast paths know: ASCII or one
/// of [`TYPOGRAPHIC`].
fn known(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            i += 1;
        } else if b[i] == 0xe2 && b.get(i + 1) == Some(&0x80) && TYPOGRAPHIC.contains(&b[i + 2]) {
            i += 3;
        } else {
            return false;
        }
    }
    true
}

/// A table of the class of each ASCII character, from a `const fn` giving
/// the class of one (both rule sets read their classes from such a table).
macro_rules! ascii_classes {
    ($class:expr, $other:expr) => {{
        let mut t = [$other; 128];
        let mut c = 0;
        while c < 128 {
            t[c] = $class(c as u8);
            c += 1;
        }
        t
    }};
}

/// The class and length in bytes of the character at byte `i` of a text
/// whose characters are all [`known`]: an ASCII one's from `ascii`, a
/// typographic one's from `typographic` (given its last byte).
#[inline]
fn class_at<T: Copy>(b: &[u8], i: usize, ascii: &[T; 128], typographic: fn(u8) -> T) -> (T, usize) {
    match b[i] {
        c @ 0..=0x7f => (ascii[c as usize], 1),
        _ => (typographic(b[i + 2]), 3),
    }
}

/// The word-break classes (UAX #29, table 3) of the characters the fast
/// path knows. `AHLetter` is `ALetter` (no Hebrew letters here);
/// `Double_Quote` matters only next to Hebrew letters, so `"` is `Other`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Wb {
    Other,
    Cr,
    Lf,
    Newline,
    Space,
    Letter,
    Numeric,
    MidLetter,
    MidNum,
    /// `MidNumLet` or `Single_Quote`: the rules treat them alike (`MidNumLetQ`).
    MidNumLetQ,
    ExtendNumLet,
}

/// The word-break class of an ASCII character.
const fn wb_ascii(c: u8) -> Wb {
    match c {
        b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
        b'0'..=b'9' => Wb::Numeric,
        b' ' => Wb::Space,
        b'\r' => Wb::Cr,
        b'\n' => Wb::Lf,
        0x0b | 0x0c => Wb::Newline,
        b':' => Wb::MidLetter,
        b',' | b';' => Wb::MidNum,
        b'.' | b'\'' => Wb::MidNumLetQ,
        b'_' => Wb::ExtendNumLet,
        _ => Wb::Other,
    }
}

/// [`wb_ascii`] of each ASCII character.
const WB_ASCII: [Wb; 128] = ascii_classes!(wb_ascii, Wb::Other);

/// The word-break class of a typographic character, by its last byte: the
/// single quotes are `MidNumLet` ("don’t"), the rest `Other`.
fn wb_typographic(last: u8) -> Wb {
    match last {
        0x98 | 0x99 => Wb::MidNumLetQ,
        _ => Wb::Other,
    }
}

/// The word-break class and length of the character at byte `i` ([`class_at`]).
#[inline]
fn wb_at(b: &[u8], i: usize) -> (Wb, usize) {
    class_at(b, i, &WB_ASCII, wb_typographic)
}

/// Calls `f(offset, word)` for each UAX #29 word segment of `s`, in order
/// (what `s.split_word_bound_indices()` gives).
///
/// For these classes the rules (WB3 to WB13b; WB4, WB3c and WB15-16 concern
/// characters that have none) come to runs: letters, digits and `_` join
/// each other (WB5, WB8-10, WB13a-b); a mid-word mark joins two letters
/// (`:`, `.`, `'`, `’`: WB6-7) or two digits (`,`, `;`, `.`, `'`, `’`:
/// WB11-12); spaces join spaces (WB3d); CR joins LF (WB3); anything else is
/// a segment of its own (WB999). A mark that begins a segment never joins
/// what follows: had it a letter (digit) on each side, it would have joined
/// the one before.
pub fn word_bounds<'a>(s: &'a str, mut f: impl FnMut(usize, &'a str)) {
    if known(s) {
        known_word_bounds(s, f);
    } else {
        for (off, w) in s.split_word_bound_indices() {
            f(off, w);
        }
    }
}

/// [`word_bounds`] of a text whose characters are all [`known`].
fn known_word_bounds<'a>(s: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let b = s.as_bytes();
    let core = |c: Wb| matches!(c, Wb::Letter | Wb::Numeric | Wb::ExtendNumLet);
    let mut i = 0;
    while i < b.len() {
        let (c, len) = wb_at(b, i);
        let mut end = i + len;
        match c {
            Wb::Space => {
                while end < b.len() && b[end] == b' ' {
                    end += 1;
                }
            }
            _ if core(c) => {
                let mut last = c;
                while end < b.len() {
                    let (n, nlen) = wb_at(b, end);
                    if core(n) {
                        last = n;
                        end += nlen;
                        continue;
                    }
                    // A mark with the same kind of character on each side.
                    let kind = match (last, n) {
                        (Wb::Letter, Wb::MidLetter | Wb::MidNumLetQ) => Wb::Letter,
                        (Wb::Numeric, Wb::MidNum | Wb::MidNumLetQ) => Wb::Numeric,
                        _ => break,
                    };
                    match b.get(end + nlen) {
                        Some(_) if wb_at(b, end + nlen).0 == kind => {
                            end += nlen;
                            last = n;
                        }
                        _ => break,
                    }
                }
            }
            Wb::Cr if b.get(end) == Some(&b'\n') => end += 1,
            _ => {}
        }
        f(i, &s[i..end]);
        i = end;
    }
}

/// Calls `f(word)` for each word of `s` that holds a letter or a digit
/// (what `s.unicode_words()` gives): the segments of [`word_bounds`] with
/// one. In a range the fast path takes, those are exactly the ASCII ones.
pub fn words<'a>(s: &'a str, mut f: impl FnMut(&'a str)) {
    if !known(s) {
        s.unicode_words().for_each(f);
        return;
    }
    known_word_bounds(s, |_, w| {
        if w.bytes().any(|b| b.is_ascii_alphanumeric()) {
            f(w)
        }
    });
}

/// The sentence-break classes (UAX #29, table 4) of the characters the
/// fast path knows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sb {
    Other,
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
}

/// The sentence-break class of an ASCII character.
const fn sb_ascii(c: u8) -> Sb {
    match c {
        b'a'..=b'z' => Sb::Lower,
        b'A'..=b'Z' => Sb::Upper,
        b'0'..=b'9' => Sb::Numeric,
        b' ' | b'\t' | 0x0b | 0x0c => Sb::Sp,
        b'\r' => Sb::Cr,
        b'\n' => Sb::Lf,
        b'.' => Sb::ATerm,
        b'!' | b'?' => Sb::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Sb::Close,
        b',' | b'-' | b':' | b';' => Sb::SContinue,
        _ => Sb::Other,
    }
}

/// [`sb_ascii`] of each ASCII character.
const SB_ASCII: [Sb; 128] = ascii_classes!(sb_ascii, Sb::Other);

/// The sentence-break class of a typographic character, by its last byte:
/// quotation marks close, dashes continue, the ellipsis is `Other`.
fn sb_typographic(last: u8) -> Sb {
    match last {
        0x98 | 0x99 | 0x9c | 0x9d => Sb::Close,
        0x93 | 0x94 => Sb::SContinue,
        _ => Sb::Other,
    }
}

/// What rules SB8 to SB11 need to know of the text before a position: the
/// class of the terminator that began the "SATerm Close* Sp*" ending there
/// (if one does), and whether that sequence has reached its spaces.
#[derive(Clone, Copy)]
struct Context {
    term: Option<Sb>,
    spaces: bool,
}

impl Context {
    /// The context after one more character, of class `c`.
    fn then(self, c: Sb) -> Context {
        match c {
            Sb::ATerm | Sb::STerm => Context {
                term: Some(c),
                spaces: false,
            },
            Sb::Close if self.term.is_some() && !self.spaces => self,
            Sb::Sp if self.term.is_some() => Context {
                term: self.term,
                spaces: true,
            },
            _ => Context {
                term: None,
                spaces: false,
            },
        }
    }
}

/// Whether there is no sentence boundary between `prev` and `cur`: rules
/// SB3 to SB11 of UAX #29 for these classes (SB5 concerns characters that
/// have no class here). `before` is the class before `prev` (`Other` at the
/// start), `ctx` the context ending at `prev`, and `lower_ahead()` answers
/// SB8: whether the first Upper, Lower, paragraph separator or terminator
/// at or after `cur` is Lower.
fn sb_joined(
    before: Sb,
    prev: Sb,
    cur: Sb,
    ctx: Context,
    lower_ahead: impl FnOnce() -> bool,
) -> bool {
    use Sb::*;
    let para = |c: Sb| matches!(c, Cr | Lf);
    match (prev, cur) {
        (Cr, Lf) => true,                                          // SB3
        (Cr | Lf, _) => false,                                     // SB4
        (ATerm, Numeric) => true,                                  // SB6
        (ATerm, Upper) if matches!(before, Upper | Lower) => true, // SB7
        _ => match ctx.term {
            None => true, // SB998
            Some(t) => {
                (t == ATerm && lower_ahead()) // SB8
                    || matches!(cur, SContinue | ATerm | STerm) // SB8a
                    || (!ctx.spaces && (cur == Close || cur == Sp || para(cur))) // SB9
                    || cur == Sp
                    || para(cur) // SB10; else SB11: a break
            }
        },
    }
}

/// Calls `f(offset, sentence)` for each UAX #29 sentence segment of `s`, in
/// order (what `s.split_sentence_bound_indices()` gives).
pub fn sentence_bounds<'a>(s: &'a str, mut f: impl FnMut(usize, &'a str)) {
    if !known(s) {
        for (off, w) in s.split_sentence_bound_indices() {
            f(off, w);
        }
        return;
    }
    if s.is_empty() {
        return;
    }
    // Character by character, holding no more than the last two classes:
    // a paragraph may be the whole text.
    let b = s.as_bytes();
    let mut ctx = Context {
        term: None,
        spaces: false,
    };
    // SB8's look-ahead, kept: the first position at or after `decisive.0`
    // of class Upper, Lower, CR, LF or a terminator, and its class (so the
    // look-ahead is linear however many positions ask).
    let mut decisive = (0usize, Sb::Other);
    let (mut before, (mut prev, mut i)) = (Sb::Other, sb_at(b, 0));
    let mut start = 0;
    while i < b.len() {
        let (cur, len) = sb_at(b, i);
        ctx = ctx.then(prev);
        let lower_ahead = || {
            if decisive.0 < i {
                let mut j = i;
                decisive = (b.len(), Sb::Other);
                while j < b.len() {
                    let (c, len) = sb_at(b, j);
                    if matches!(
                        c,
                        Sb::Upper | Sb::Lower | Sb::Cr | Sb::Lf | Sb::ATerm | Sb::STerm
                    ) {
                        decisive = (j, c);
                        break;
                    }
                    j += len;
                }
            }
            decisive.1 == Sb::Lower
        };
        if !sb_joined(before, prev, cur, ctx, lower_ahead) {
            f(start, &s[start..i]);
            start = i;
        }
        (before, prev) = (prev, cur);
        i += len;
    }
    f(start, &s[start..]);
}

/// The sentence-break class and length of the character at byte `i`
/// ([`class_at`]).
#[inline]
fn sb_at(b: &[u8], i: usize) -> (Sb, usize) {
    class_at(b, i, &SB_ASCII, sb_typographic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fast(s: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        word_bounds(s, |o, w| out.push((o, w)));
        out
    }

    fn library(s: &str) -> Vec<(usize, &str)> {
        s.split_word_bound_indices().collect()
    }

    fn fast_sentences(s: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        sentence_bounds(s, |o, w| out.push((o, w)));
        out
    }

    fn library_sentences(s: &str) -> Vec<(usize, &str)> {
        s.split_sentence_bound_indices().collect()
    }

    #[test]
    fn sentences_of_news() {
        let s = "He said: “We will.” Then he left... U.S. troops (about 3.5 million) went. \
                 Why? “No!” a.m. on Friday. Mr. Smith’s dog.\r\nNext line.\n\nLast";
        assert_eq!(fast_sentences(s), library_sentences(s));
        assert!(fast_sentences(s).len() > 5);
        assert_eq!(fast_sentences(""), library_sentences(""));
        for s in ["Ça va. Oui.", "x\u{2028}y. Z", "a.\u{a0}B"] {
            assert_eq!(fast_sentences(s), library_sentences(s), "{s:?}");
        }
    }

    fn sentence_char() -> impl Strategy<Value = char> {
        prop_oneof![
            6 => prop::sample::select(vec!['a', 'Z', '1', ' ', '.', '!', '?', '"', ')', '’', '“', '”', ',', '-', '—']),
            2 => prop::sample::select(vec!['\r', '\n', '\t', '\u{b}', '\u{c}', '\'', '(', '[', '}', ':', ';', '–', '…', '_', '$', '\0', '\u{7f}', '\u{1c}']),
            1 => any::<char>().prop_filter("ASCII", |c| c.is_ascii()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn sentences_as_the_library(chars in prop::collection::vec(sentence_char(), 0..40)) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(fast_sentences(&s), library_sentences(&s));
        }
    }

    fn fast_words(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        words(s, |w| out.push(w));
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn words_as_the_library(chars in prop::collection::vec(news_char(), 0..40)) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(fast_words(&s), s.unicode_words().collect::<Vec<_>>());
        }
    }

    #[test]
    fn words_of_news() {
        let s = "U.S. officials said 60,000 troops (3.5%) don’t “rest” — e.g. at 9:30 p.m.\r\nOK_1 a'b…";
        assert_eq!(fast(s), library(s));
        let words: Vec<&str> = fast(s).into_iter().map(|(_, w)| w).collect();
        for w in [
            "U.S", "60,000", "3.5", "don’t", "p.m", "\r\n", "OK_1", "a'b",
        ] {
            assert!(words.contains(&w), "{w} is one segment: {words:?}");
        }
        assert_eq!(fast(""), library(""));
        assert_eq!(
            fast_words("“Don’t,” he said — at 9:30_ _."),
            ["Don’t", "he", "said", "at", "9", "30_"]
        );
    }

    #[test]
    fn other_characters_are_the_librarys() {
        for s in [
            "café au lait",
            "a\u{301}b",
            "x\u{a0}y",
            "🇫🇷🇩🇪 ok",
            "שָׁלוֹם\"s",
        ] {
            assert_eq!(fast(s), library(s), "{s:?}");
        }
    }

    /// The characters the fast path knows, the ones whose rules interact
    /// weighted up (a character it does not know would send the whole
    /// string to the library, and test nothing).
    fn news_char() -> impl Strategy<Value = char> {
        prop_oneof![
            6 => prop::sample::select(vec!['a', 'Z', '1', '0', ' ', '.', ',', ':', ';', '\'', '’', '‘', '_']),
            2 => prop::sample::select(vec!['\r', '\n', '\u{b}', '\u{c}', '\t', '"', '“', '”', '–', '—', '…', '-', '!', '$', '%', '\u{7f}', '\0']),
            1 => any::<char>().prop_filter("ASCII", |c| c.is_ascii()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn same_as_the_library(chars in prop::collection::vec(news_char(), 0..40)) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(fast(&s), library(&s));
        }
    }
}
