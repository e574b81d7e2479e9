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
        self.0[..i].iter().rev().take(4).any(|r| pos < r.1)
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
