//! The document every analyzer reads: the analysed text cut into paragraphs,
//! sentences and tokens, all as byte ranges into that one text (views, never
//! copies, as in spaCy's `Doc`).

use crate::segment::{self, Token};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

/// A sentence: its byte range, its paragraph, and its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
    /// Index range into [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// The analysed text and its segmentation.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    pub text: &'t str,
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Every token in lower case, made on first use ([`Document::lower`]).
    lowered: OnceCell<LowerTokens>,
}

/// The lower case of every token of a text: several layers compare tokens
/// in lower case, many times each, and a fresh `String` each time was a
/// large share of their time.
#[derive(Debug, Clone)]
struct LowerTokens {
    /// The text with every token in lower case in its place: ASCII letters
    /// lowered, and each other token replaced by its `str::to_lowercase`
    /// when that is as long (nearly always). So token `i` is at its own
    /// offsets, with no table of where each one is (the table took 8 MB on
    /// 10 MB of text).
    buf: String,
    /// The tokens whose lower case is longer or shorter than they are
    /// ("İ"), by index, in order.
    other: Vec<(u32, Box<str>)>,
}

impl LowerTokens {
    fn new(text: &str, tokens: &[Token]) -> LowerTokens {
        let mut buf = text.as_bytes().to_ascii_lowercase();
        let mut other = Vec::new();
        if !text.is_ascii() {
            for (i, t) in tokens.iter().enumerate() {
                let range = t.start as usize..t.end() as usize;
                let w = &text[range.clone()];
                if w.is_ascii() {
                    continue;
                }
                // Token by token, as `str::to_lowercase` of the token gives
                // it (a final sigma is final in its token).
                let lower = w.to_lowercase();
                if lower.len() == w.len() {
                    buf[range].copy_from_slice(lower.as_bytes());
                } else {
                    other.push((i as u32, lower.into_boxed_str()));
                }
            }
        }
        // Whole characters replaced by whole characters of the same length
        // leave the text valid UTF-8; the lossy path never changes it.
        let buf = String::from_utf8(buf)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        LowerTokens { buf, other }
    }

    fn get(&self, i: usize, t: &Token) -> &str {
        if !self.other.is_empty() {
            if let Ok(k) = self.other.binary_search_by_key(&(i as u32), |o| o.0) {
                return &self.other[k].1;
            }
        }
        self.buf
            .get(t.start as usize..t.end() as usize)
            .unwrap_or_default()
    }
}

impl<'t> Document<'t> {
    /// Segments `text`, whose paragraphs are already known. With
    /// `soft_line_breaks` (raw text), line breaks inside a paragraph are
    /// wrapping and do not end sentences.
    pub fn new(
        text: &'t str,
        paragraphs: Vec<Range<usize>>,
        soft_line_breaks: bool,
    ) -> Document<'t> {
        let mut sentences = Vec::new();
        let mut tokens = Vec::with_capacity(text.len() / 5);
        for (p, range) in paragraphs.iter().enumerate() {
            for s in segment::sentences(text, range.clone(), soft_line_breaks) {
                let first = tokens.len();
                segment::tokenize(text, s.clone(), &mut tokens);
                sentences.push(Sentence {
                    range: s,
                    paragraph: p,
                    tokens: first..tokens.len(),
                });
            }
        }
        Document {
            text,
            paragraphs,
            sentences,
            tokens,
            lowered: OnceCell::new(),
        }
    }

    /// Token `i` (an index into [`Document::tokens`]) in lower case: the
    /// token's `str::to_lowercase`, without an allocation a call.
    pub fn lower(&self, i: usize) -> &str {
        self.lowered
            .get_or_init(|| LowerTokens::new(self.text, &self.tokens))
            .get(i, &self.tokens[i])
    }

    /// The lower case of `prefix`, the start of token `i`'s text, when
    /// `prefix` is ASCII: the first `prefix.len()` bytes of the token's
    /// lower case ([`Document::lower`]), since an ASCII character lowers to
    /// one byte in its place; `None` for any other prefix. Layers that cut a
    /// possessive or a final period off a word borrow this instead of
    /// making a lower-case `String` a word.
    pub fn lower_prefix(&self, i: usize, prefix: &str) -> Option<&str> {
        debug_assert!(self.token_text(&self.tokens[i]).starts_with(prefix));
        prefix.is_ascii().then(|| &self.lower(i)[..prefix.len()])
    }

    /// Token `i` as the time and quantity readers compare words: without a
    /// final period (unless it is the whole token) or a possessive ("'s",
    /// "’s", unless it is the whole token), in lower case.
    pub fn bare_word(&self, i: usize) -> Cow<'_, str> {
        let raw = self.token_text(&self.tokens[i]);
        let w = if raw.len() > 1 {
            raw.strip_suffix('.').unwrap_or(raw)
        } else {
            raw
        };
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .filter(|s| !s.is_empty())
            .unwrap_or(w);
        self.lower_prefix(i, w)
            .map_or_else(|| Cow::Owned(w.to_lowercase()), Cow::Borrowed)
    }

    /// The text of a byte range.
    pub fn slice(&self, r: &Range<usize>) -> &'t str {
        &self.text[r.clone()]
    }

    /// The sentence holding byte `at` (the last one past the end).
    pub fn sentence_at(&self, at: usize) -> usize {
        self.sentences
            .partition_point(|s| s.range.end <= at)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// The paragraph holding byte `at` (the last one past the end).
    pub fn paragraph_at(&self, at: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.end <= at)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    /// The text of a token.
    pub fn token_text(&self, t: &Token) -> &'t str {
        &self.text[t.start as usize..t.end() as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_is_each_tokens_own_lower_case() {
        // ASCII, non-ASCII of the same length ("ΣΟΦΟΣ", with a final
        // sigma), and lower cases of another length ("İ" lowers to three
        // bytes, "ẞ" to two), between tokens left as they are.
        let text = "İstanbul’s ΣΟΦΟΣ met “Mr. ÀNGEL” in STRAẞE 12 — İİ and ok.";
        let whole = Range {
            start: 0,
            end: text.len(),
        };
        let doc = Document::new(text, vec![whole], false);
        assert!(doc.tokens.len() > 10);
        for (i, t) in doc.tokens.iter().enumerate() {
            let w = doc.token_text(t);
            assert_eq!(doc.lower(i), w.to_lowercase(), "token {i}: {w}");
        }
        let plain = Document::new("THE End", vec![Range { start: 0, end: 7 }], false);
        assert_eq!((plain.lower(0), plain.lower(1)), ("the", "end"));
    }
}
