//! The analyzers. Each reads the [`Document`](crate::document::Document) and a
//! [`Context`] and returns its own layer of the analysis; none changes the text
//! or another layer.

pub mod entities;
pub mod keyphrases;
pub mod ner;
mod numbers;
pub mod quality;
pub mod quantities;
pub mod quotes;
pub mod stats;
pub mod summary;
pub mod timeline;
pub mod times;

use crate::options::Date;
use crate::output::Meta;
use std::collections::HashSet;
use std::sync::OnceLock;

/// A set of words hashed with FNV-1a ([`ner::features::U64Hasher`]): a word
/// is a few bytes, which SipHash takes several times longer over.
pub(crate) type WordHashSet = HashSet<&'static str, ner::features::Fnv>;

/// Whether `phrase` (words between single spaces) begins with the word
/// `word`: asked before a phrase is split and read word by word against
/// the tokens, since of the dozens of qualifiers and units tried at a token
/// nearly none begins with its word.
pub(crate) fn first_word_is(phrase: &str, word: &str) -> bool {
    phrase.starts_with(word) && phrase.as_bytes().get(word.len()).is_none_or(|&b| b == b' ')
}

/// A fixed list of words asked whether it holds a word. Written as a list
/// (the source reads as one), asked as a set, built on first use: scanning
/// the longer lists (two hundred verbs of saying) for every token was a
/// third of the quotes layer's time.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<WordHashSet>,
}

impl WordSet {
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// The words, as listed.
    pub(crate) fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// Whether `w` is one of the words (exactly as written).
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(w)
    }
}

/// What analyzers may know besides the document.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The date relative time expressions are resolved against, if any.
    pub reference_date: Option<Date>,
    /// The article's metadata (title, published date, …).
    pub meta: &'a Meta,
}

/// Byte ranges of one layer, sorted, to ask whether they hold a position:
/// the quotations a warning must not look inside, the times and quantities
/// whose words are no key phrase.
pub(crate) struct Spans(Vec<(usize, usize)>);

impl Spans {
    pub(crate) fn new(ranges: impl IntoIterator<Item = (usize, usize)>) -> Spans {
        let mut v: Vec<(usize, usize)> = ranges.into_iter().collect();
        v.sort_unstable();
        Spans(v)
    }

    /// The spans of the time expressions and the quantities: what the text
    /// says of when and how much.
    pub(crate) fn times_and_quantities(
        times: &[crate::output::TimeExpr],
        quantities: &[crate::output::Quantity],
    ) -> Spans {
        Spans::new(
            times
                .iter()
                .map(|t| (t.start as usize, t.end as usize))
                .chain(
                    quantities
                        .iter()
                        .map(|q| (q.start as usize, q.end as usize)),
                ),
        )
    }

    /// Whether one of the spans holds byte `pos`. Spans may nest (a partial
    /// quotation in a longer one, a quantity in a duration): the few that
    /// start last before `pos` are looked at.
    pub(crate) fn holds(&self, pos: usize) -> bool {
        let i = self.0.partition_point(|r| r.0 <= pos);
        self.held(i, pos)
    }

    /// Whether one of the `i` first spans (those starting at or before
    /// `pos`) holds `pos`.
    fn held(&self, i: usize, pos: usize) -> bool {
        self.0[..i].iter().rev().take(4).any(|r| pos < r.1)
    }

    /// [`Spans::holds`] for positions asked in increasing order (a layer
    /// reading the text from start to end): the place of `pos` among the
    /// spans is found by moving on from the last one's, not by a binary
    /// search each time.
    pub(crate) fn reader(&self) -> SpansReader<'_> {
        SpansReader { spans: self, i: 0 }
    }
}

/// See [`Spans::reader`].
pub(crate) struct SpansReader<'s> {
    spans: &'s Spans,
    /// How many spans start at or before the last position asked.
    i: usize,
}

impl SpansReader<'_> {
    /// [`Spans::holds`]; `pos` must be no smaller than the last one asked.
    pub(crate) fn holds(&mut self, pos: usize) -> bool {
        let v = &self.spans.0;
        debug_assert!(
            self.i == 0 || v[self.i - 1].0 <= pos,
            "positions asked out of order"
        );
        while self.i < v.len() && v[self.i].0 <= pos {
            self.i += 1;
        }
        self.spans.held(self.i, pos)
    }
}

#[cfg(test)]
mod tests {
    /// Reading positions in order gives what asking each one alone gives,
    /// nested and overlapping spans included.
    #[test]
    fn spans_read_in_order_as_asked_alone() {
        let mut next = super::ner::xorshift(0x5eed_1234_abcd_0001);
        for _ in 0..2_000 {
            let n = (next() % 12) as usize;
            let spans = super::Spans::new((0..n).map(|_| {
                let a = (next() % 60) as usize;
                (a, a + (next() % 15) as usize)
            }));
            let mut reader = spans.reader();
            let mut pos = 0;
            while pos < 80 {
                assert_eq!(
                    reader.holds(pos),
                    spans.holds(pos),
                    "{:?} at {pos}",
                    spans.0
                );
                pos += (next() % 4) as usize;
            }
        }
    }
}

/// Helpers of the tests that check a layer's shortcuts against its full
/// reading.
#[cfg(test)]
pub(crate) mod shortcut_tests {
    /// The words of the string literals in a source file's code (before its
    /// tests): the words a layer compares tokens with.
    pub(crate) fn literal_words(source: &str) -> impl Iterator<Item = &str> {
        let code = &source[..source.find("#[cfg(test)]").unwrap_or(source.len())];
        code.split('"')
            .skip(1)
            .step_by(2)
            .flat_map(|lit| lit.split(' '))
    }

    /// A word as written, capitalised (a sentence's first word, a
    /// headline's) and in capitals.
    pub(crate) fn cases(w: &str) -> [String; 3] {
        let mut capital = w.to_string();
        if let Some(c) = capital.get_mut(..1) {
            c.make_ascii_uppercase();
        }
        [w.to_string(), capital, w.to_uppercase()]
    }
}
