//! The extractive summary (issue 7): the sentences that best cover the
//! article, whole and in their order.
//!
//! Centrality in the manner of centroid summarisation (Radev et al.), the
//! linear cousin of LexRank: the article's centroid is the frequency of each
//! of its content words (plural endings off, function words out), and a
//! sentence scores by how much of the centroid it holds, per square root of
//! its length (long sentences hold more without being more central). News
//! puts its point first, so the lead is weighted up (the first body
//! sentence twice, the second one and a half times, fading to nothing by
//! the tenth), and sentences holding the key phrases gain a little more.
//!
//! Chosen greedily, best first, and kept only if they stand alone:
//! - never the headline, a heading, a caption, a table row or code;
//! - never a sentence that leans on the one before ("He added: …", "But
//!   …", "This …", a sentence starting in lower case) unless that one is
//!   chosen too;
//! - never a near-copy of a chosen one (three fifths of the words of the
//!   two shared), so a text
//!   repeating itself gives one sentence;
//! - sentences of 6 to 60 words.
//!
//! How many: one for a short article (under 200 words), then one more at
//! 500, 900 and 1,500 words, at most five; or as many as the caller asks.
//! Linear: a pass to count words, a pass to score, and each candidate
//! compared with the five chosen at most.

use super::ner::features::Fnv;
use super::WordSet;
use crate::document::Document;
use crate::input::html::BlockKind;
use crate::output::Keyphrase;
use crate::segment::TokenKind;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// The most sentences a summary has unless more are asked for.
pub const MAX_SENTENCES: usize = 5;
/// The most a caller may ask for.
pub const MAX_ASKED: usize = 10;
/// Sentence lengths, in words, a summary takes.
const MIN_WORDS: usize = 6;
const MAX_WORDS: usize = 60;

/// Words that make a sentence lean on the one before when they open it.
const LEANING_OPENERS: [&str; 26] = [
    "he",
    "she",
    "it",
    "they",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "or",
    "so",
    "however",
    "also",
    "still",
    "yet",
    "then",
    "meanwhile",
    "instead",
    "moreover",
    "besides",
    "his",
    "her",
    "their",
    "its",
    "there",
];
/// Function words left out of the centroid.
const FUNCTION_WORDS: [&str; 60] = [
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "for", "from", "had", "has", "have", "he", "her", "his", "i", "in",
    "into", "is", "it", "its", "more", "not", "of", "on", "one", "or", "said", "says", "she", "so",
    "than", "that", "the", "their", "there", "they", "this", "to", "up", "was", "we", "were",
    "what", "when", "which", "who", "will", "with", "would", "you",
];

/// How many sentences an article of `words` words gets.
pub fn default_length(words: usize) -> usize {
    match words {
        0..200 => 1,
        200..500 => 2,
        500..900 => 3,
        900..1500 => 4,
        _ => MAX_SENTENCES,
    }
}

/// A content word's key: lower case, possessive and plural endings off.
/// `lower` gives the lower case of the word's start when it is at hand
/// (a token's, from [`Document::lower_prefix`]: then the key is a slice of
/// the document's, not a new string for every word).
fn key<'a>(w: &'a str, lower: impl FnOnce(&'a str) -> Option<&'a str>) -> Option<Cow<'a, str>> {
    let w = w.trim_end_matches(['\'', '’']);
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    let lower: Cow<str> = lower(w).map_or_else(|| Cow::Owned(w.to_lowercase()), Cow::Borrowed);
    if lower.chars().filter(|c| c.is_alphabetic()).take(2).count() < 2
        || FUNCTION_WORD_SET.contains(&lower)
    {
        return None;
    }
    if lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss") {
        return Some(match lower {
            Cow::Borrowed(l) => Cow::Borrowed(&l[..l.len() - 1]),
            Cow::Owned(mut l) => {
                l.pop();
                Cow::Owned(l)
            }
        });
    }
    Some(lower)
}

/// [`FUNCTION_WORDS`] as a set: asked of every word of the text.
static FUNCTION_WORD_SET: WordSet = WordSet::new(&FUNCTION_WORDS);

/// The summary: indexes into `doc.sentences`, in text order. `title` is the
/// headline (left out), `asked` the number of sentences the caller wants.
#[inline(never)] // a function of its own in the browser module: see `lib.rs`
pub fn summary(
    doc: &Document,
    kinds: &[BlockKind],
    title: Option<&str>,
    keyphrases: &[Keyphrase],
    asked: Option<usize>,
) -> Vec<u32> {
    // Each sentence's content words as numbers (one a distinct key, in
    // order of first use), all in one list: 4 bytes a word, where a list of
    // keys a sentence took 24 and an allocation a sentence (the summary's
    // 32 MB on 10 MB of text).
    let mut ids: HashMap<Cow<str>, u32, Fnv> = HashMap::default();
    // How often each key occurs: the text's centroid.
    let mut counts: Vec<u32> = Vec::new();
    let mut flat: Vec<u32> = Vec::new();
    let mut starts: Vec<u32> = Vec::with_capacity(doc.sentences.len() + 1);
    for s in &doc.sentences {
        starts.push(flat.len() as u32);
        for i in s.tokens.clone() {
            if doc.tokens[i].kind() != TokenKind::Word {
                continue;
            }
            let text = doc.token_text(&doc.tokens[i]);
            let Some(k) = key(text, |w| doc.lower_prefix(i, w)) else {
                continue;
            };
            let next = ids.len() as u32;
            let id = *ids.entry(k).or_insert(next);
            if id == next {
                counts.push(0);
            }
            counts[id as usize] += 1;
            flat.push(id);
        }
    }
    starts.push(flat.len() as u32);
    let words = |i: usize| &flat[starts[i] as usize..starts[i + 1] as usize];
    let mut spelled: Vec<&str> = vec![""; ids.len()];
    for (w, &id) in &ids {
        spelled[id as usize] = w;
    }
    // Each key's place in the order of the keys' spelling (see below), so
    // that a sentence's keys are put in that order by comparing numbers,
    // not strings.
    let mut by_spelling: Vec<u32> = (0..ids.len() as u32).collect();
    by_spelling.sort_unstable_by(|&a, &b| spelled[a as usize].cmp(spelled[b as usize]));
    let mut spelling_rank = vec![0u32; ids.len()];
    for (r, &id) in by_spelling.iter().enumerate() {
        spelling_rank[id as usize] = r as u32;
    }
    // Each sentence's length in words (numbers count), once.
    let lengths: Vec<usize> = doc
        .sentences
        .iter()
        .map(|s| {
            doc.tokens[s.tokens.clone()]
                .iter()
                .filter(|t| matches!(t.kind(), TokenKind::Word | TokenKind::Number))
                .count()
        })
        .collect();
    let total_words: usize = lengths.iter().sum();
    let want = asked
        .map(|n| n.min(MAX_ASKED))
        .unwrap_or_else(|| default_length(total_words));
    if want == 0 {
        return Vec::new();
    }
    // Key-phrase words, to favour the sentences that hold them.
    let mut is_key = vec![false; ids.len()];
    for k in keyphrases
        .iter()
        .flat_map(|k| k.text.split_whitespace().filter_map(|w| key(w, |_| None)))
    {
        if let Some(&id) = ids.get(&k) {
            is_key[id as usize] = true;
        }
    }
    let norm = |t: &str| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    // The headline, when it stands as the first paragraph (compared once:
    // the first paragraph may be the whole text).
    let headline_first = match (title, doc.paragraphs.first()) {
        (Some(t), Some(p)) => p.len() <= 4 * t.len() + 16 && norm(doc.slice(p)) == norm(t),
        _ => false,
    };

    // Which sentences may be chosen, and which lean on the one before.
    let mut order = 0usize;
    let mut scored: Vec<(f64, usize)> = Vec::new();
    let mut leans = vec![false; doc.sentences.len()];
    for (i, s) in doc.sentences.iter().enumerate() {
        let kind = kinds.get(s.paragraph).copied().unwrap_or_default();
        if !matches!(kind, BlockKind::Paragraph | BlockKind::Quote) {
            continue;
        }
        let text = doc.slice(&s.range).trim();
        if s.paragraph == 0 && headline_first {
            continue;
        }
        let n_words = lengths[i];
        let first_word = doc.tokens[s.tokens.clone()]
            .iter()
            .find(|t| t.kind() == TokenKind::Word)
            .map(|t| doc.token_text(t))
            .unwrap_or("");
        let lower_start = text.starts_with(char::is_lowercase);
        leans[i] = lower_start
            || LEANING_OPENERS.contains(&first_word.to_lowercase().as_str())
            || text.starts_with(['…', '-', '—', '–']);
        let position = order;
        order += 1;
        if !(MIN_WORDS..=MAX_WORDS).contains(&n_words) {
            continue;
        }
        // Ordered: the scores are sums of floats, and a HashSet's order
        // changes from one run to the next; another order can change the
        // last bit of a sum and swap two sentences of equal weight, so the
        // same input got another summary (found by fuzzing).
        // (In the order of the keys' spelling.)
        let mut distinct: Vec<u32> = words(i).to_vec();
        distinct.sort_unstable_by_key(|&w| spelling_rank[w as usize]);
        distinct.dedup();
        let mass: f64 = distinct
            .iter()
            .map(|&w| f64::from(counts[w as usize]).ln_1p())
            .sum();
        let keys = distinct.iter().filter(|&&w| is_key[w as usize]).count() as f64;
        let lead = 1.0 + (1.0 - position as f64 / 10.0).max(0.0);
        let score = mass / (n_words as f64).sqrt() * lead * (1.0 + 0.1 * keys);
        scored.push((score, i));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));

    let mut chosen: Vec<usize> = Vec::new();
    let similar = |a: usize, b: usize| {
        let x: HashSet<u32, Fnv> = words(a).iter().copied().collect();
        let y: HashSet<u32, Fnv> = words(b).iter().copied().collect();
        let shared = x.intersection(&y).count();
        let union = x.union(&y).count().max(1);
        5 * shared >= 3 * union
    };
    // Two rounds: a leaning sentence may come in once its predecessor has.
    for _ in 0..2 {
        for &(_, i) in &scored {
            if chosen.len() >= want {
                break;
            }
            if chosen.contains(&i) {
                continue;
            }
            if leans[i] && !(i > 0 && chosen.contains(&(i - 1))) {
                continue;
            }
            if chosen.iter().any(|&c| similar(c, i)) {
                continue;
            }
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen.into_iter().map(|i| i as u32).collect()
}

#[cfg(test)]
mod tests {
    use super::FUNCTION_WORDS;

    // Asked as a set now, but kept sorted: a word is found by eye, and a
    // duplicate shows.
    #[test]
    fn function_words_are_sorted_and_distinct() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
