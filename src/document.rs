//! The document every analyzer reads: the analysed text cut into paragraphs,
//! sentences and tokens, all as byte ranges into that one text (views, never
//! copies, as in spaCy's `Doc`).

use crate::bits::RankedBits;
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
/// large share of their time. Only the tokens whose lower case differs
/// (about one in seven: capitalised words) are held; the others are their
/// own lower case, borrowed from the text. A lower-cased copy of the whole
/// text took 10 MB on 10 MB of text, this about 3.
#[derive(Debug, Clone)]
struct LowerTokens {
    /// The tokens whose lower case differs from them; the `k`th of them
    /// (its rank) has the `k`th lower case of `buf`.
    differs: RankedBits,
    /// The lower case of each token that differs, in order, in one buffer.
    buf: String,
    /// The `k`th of them is `buf[ends[k - 1]..ends[k]]` (from 0 for the first).
    ends: Vec<u32>,
}

impl LowerTokens {
    fn new(text: &str, tokens: &[Token]) -> LowerTokens {
        let mut differs = vec![0u64; tokens.len().div_ceil(64)];
        let mut buf = String::new();
        let mut ends = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let w = &text[t.range()];
            if w.is_ascii() {
                if !w.bytes().any(|b| b.is_ascii_uppercase()) {
                    continue;
                }
                // Copied whole, then lowered in place (not a byte pushed
                // as a character at a time).
                let at = buf.len();
                buf.push_str(w);
                buf[at..].make_ascii_lowercase();
            } else if w.chars().all(|c| c.to_lowercase().eq([c])) {
                continue;
            } else {
                // Token by token, as `str::to_lowercase` of the token gives
                // it (a final sigma is final in its token).
                buf.push_str(&w.to_lowercase());
            }
            differs[i / 64] |= 1 << (i % 64);
            ends.push(buf.len() as u32);
        }
        LowerTokens {
            differs: RankedBits::from_words(differs),
            buf,
            ends,
        }
    }

    /// Token `i`'s lower case if it differs from the token's text.
    fn get(&self, i: usize) -> Option<&str> {
        let k = self.differs.rank(i)?;
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        Some(&self.buf[start..self.ends[k] as usize])
    }
}

impl<'t> Document<'t> {
    /// Segments `text`, whose paragraphs are already known. With
    /// `soft_line_breaks` (raw text), line breaks inside a paragraph are
    /// wrapping and do not end sentences.
    #[inline(never)] // a function of its own in the browser module: see `lib.rs`
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
        // The spare room of lists grown by pushing, given back in place:
        // they are held for the whole analysis.
        tokens.shrink_to_fit();
        sentences.shrink_to_fit();
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
            .get(i)
            .unwrap_or_else(|| self.token_text(&self.tokens[i]))
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
        // Most words are ASCII without a capital: their own lower case,
        // without asking the table of lower cases.
        if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            return Cow::Borrowed(w);
        }
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
        &self.text[t.range()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_is_each_tokens_own_lower_case() {
        // Tokens already in lower case (borrowed), ASCII capitals, Greek
        // with a final sigma, lower cases of another length ("İ" lowers to
        // three bytes, "ẞ" to two), a title-case letter ("ǅ", not upper
        // case but lowered); more than 64 tokens, so that the count of
        // those held before a token crosses a word of the bit set.
        let text = "İstanbul’s ΣΟΦΟΣ met “Mr. ÀNGEL” in STRAẞE 12 — İİ, ǅemal and ok. ".repeat(8);
        let text = text.as_str();
        let whole = Range {
            start: 0,
            end: text.len(),
        };
        let doc = Document::new(text, vec![whole], false);
        assert!(doc.tokens.len() > 128);
        for (i, t) in doc.tokens.iter().enumerate() {
            let w = doc.token_text(t);
            assert_eq!(doc.lower(i), w.to_lowercase(), "token {i}: {w}");
        }
        let plain = Document::new("THE End", vec![Range { start: 0, end: 7 }], false);
        assert_eq!((plain.lower(0), plain.lower(1)), ("the", "end"));
    }
}
