//! Key phrases (issue 7): what the story is about, best first.
//!
//! Statistical, in the manner of YAKE (Campos et al., 2020): every word that
//! is not a function word gets a weight from features of its own use in the
//! text — how often it is capitalised mid-sentence or written as an acronym
//! (names and terms), how early it comes (news puts the subject in the lead),
//! how frequent it is against the text's other words, how many different
//! words stand beside it (a word that goes with everything, like "said" or
//! "year", is a function word of the story, not its subject), and in how many
//! sentences it appears. Candidates are runs of one to three such words
//! (with "of" allowed inside: "Bank of America"); a candidate's weight is the
//! product of its words' weights over its own frequency, so a phrase the
//! text repeats as a unit beats its words apart. Lower is better in YAKE;
//! the output turns it round (`score` 1.0 for the best, less for the rest).
//!
//! The entity layer adds what statistics miss: an entity named several
//! times is a candidate under its full name, counted with all its mentions
//! ("Vladimir Putin", mentioned as "Putin" too). Near-duplicates are
//! collapsed: phrases that differ only in plural endings or case are one,
//! and a phrase whose words all belong to a better one (or hold all of a
//! better one's) is left out.
//!
//! Apart from the list of function words, nothing is English-specific. The
//! work is linear in the text: each word looks at a fixed window of
//! neighbours and each candidate at most three words.

use super::{Spans, SpansReader, WordSet};
use crate::document::{Document, Sentence};
use crate::output::{Entity, Keyphrase, Quantity, TimeExpr};
use crate::segment::TokenKind;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

// FNV-1a for this layer's maps and sets (words, word numbers, phrases of
// word numbers): their keys are short, and SipHash took several times
// longer over them. Nothing depends on their order.
use super::ner::features::Fnv;

/// How many key phrases the analysis gives.
pub const MAX_KEYPHRASES: usize = 10;
/// The longest candidate, in words.
const MAX_WORDS: usize = 3;
/// Words either side that count as a word's context.
const WINDOW: usize = 2;

/// English function words: never a key phrase's first or last word.
const STOPWORDS: [&str; 174] = [
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "also",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "dr",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "like",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "never",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "rather",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "st",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

/// The function words as a set, for the words of the phrases chosen (the
/// text's own words find them in the vocabulary).
static STOPWORD_SET: WordSet = WordSet::new(&STOPWORDS);

/// The vocabulary every text starts with: the function words, `OF` or
/// `NONE`, so that a word not yet seen is new. Asking the function words'
/// set about each of a text's hundreds of distinct words was 5% of the
/// layer's instructions; inserting them into each text's vocabulary, 3%;
/// a copy of this map (made once, with room for most texts' words), a
/// fraction of that.
fn function_words() -> &'static HashMap<Cow<'static, str>, u32, Fnv> {
    static WORDS: OnceLock<HashMap<Cow<'static, str>, u32, Fnv>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut m = HashMap::with_capacity_and_hasher(896, Fnv::default());
        for w in STOPWORDS {
            m.insert(Cow::Borrowed(w), if w == "of" { OF } else { NONE });
        }
        m
    })
}

/// No word (a shorter phrase's unused places; a function word).
const NONE: u32 = u32::MAX;
/// "of", the one function word a candidate may hold.
const OF: u32 = u32::MAX - 1;

/// A word of the sentence being read. Only one sentence's words are kept:
/// a word's context and a candidate both end with its sentence, and keeping
/// the whole text's (20 bytes a word, in a vector grown by doubling, plus
/// 16 bytes a word of statistics numbers) was most of the memory of a long
/// text's analysis.
struct Word {
    /// Its statistics' number for a content word, else `OF` or `NONE`.
    id: u32,
    /// As written (possessive stripped): byte offsets.
    start: u32,
    end: u32,
    /// Capitalised and not the first word of its sentence.
    capital: bool,
    /// All capitals, two letters or more.
    acronym: bool,
    /// Punctuation or a number before it: no candidate spans it.
    broken: bool,
}

/// The longest name taken as a candidate, in words ("Organization of the
/// Petroleum Exporting Countries" is six).
const MAX_NAME_WORDS: usize = 8;

/// A run of the text's words as word numbers, `NONE` after the last: at
/// most `MAX_WORDS` content words and an "of". Hashed as two `u64`s, one
/// multiply each, instead of FNV over its bytes and length.
#[derive(Clone, Copy, PartialEq, Eq)]
struct RunKey([u32; MAX_WORDS + 1]);

impl Hash for RunKey {
    fn hash<H: Hasher>(&self, h: &mut H) {
        let [a, b, c, d] = self.0.map(u64::from);
        h.write_u64(a << 32 | b);
        h.write_u64(c << 32 | d);
    }
}

/// An entity's name as word numbers, `NONE` after the last.
type NameKey = [u32; MAX_NAME_WORDS];

/// The statistics of one distinct content word. Counts, not sets: which
/// words stood beside it is one set for the whole text (`pairs`), and the
/// sentences it is in one list (`sentence_words`). A set of neighbours and
/// a list of sentences per word cost more than the words themselves.
#[derive(Clone, Copy)]
struct Stats {
    tf: u32,
    capital: u32,
    acronym: u32,
    /// Sentences it appears in.
    sentences: u32,
    /// The last of them (`NONE` before the first); afterwards, how many of
    /// them the search for the middle one has passed.
    last: u32,
    /// Distinct content words within the window before it, and after it.
    left: u32,
    right: u32,
    /// Content words within the window before it, and after it.
    left_n: u32,
    right_n: u32,
}

/// A new content word's statistics, all zero: its number.
fn new_stats(stats: &mut Vec<Stats>) -> u32 {
    stats.push(Stats {
        tf: 0,
        capital: 0,
        acronym: 0,
        sentences: 0,
        last: NONE,
        left: 0,
        right: 0,
        left_n: 0,
        right_n: 0,
    });
    stats.len() as u32 - 1
}

/// A word's inflection off, for comparing phrases: "guarantees" and
/// "guarantee", "approved" and "approves", "bridges" and "bridge" are one.
/// (Crude next to Porter's, and only ever compared with itself.)
fn stem(w: &str) -> &str {
    let mut w = w;
    if w.len() > 4 && w.ends_with("ies") {
        w = &w[..w.len() - 3];
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w = &w[..w.len() - 1];
    }
    for suffix in ["ing", "ed"] {
        if w.len() > suffix.len() + 2 {
            if let Some(s) = w.strip_suffix(suffix) {
                w = s;
                break;
            }
        }
    }
    if w.len() > 3 {
        w = w.strip_suffix('e').unwrap_or(w);
    }
    w
}

/// A phrase's words, spelled.
fn word_texts<'a>(spelled: &'a [&'a str], key: &'a [u32]) -> impl Iterator<Item = &'a str> + 'a {
    key.iter()
        .take_while(|&&w| w != NONE)
        .map(move |&w| if w == OF { "of" } else { spelled[w as usize] })
}

/// A candidate read from runs of the text's words: 12 bytes, its key 16
/// (a long text has hundreds of thousands; the flag on its own took
/// another four bytes of padding, an eighth of the map).
#[derive(Clone, Copy)]
struct Candidate {
    /// How often it occurs, times two, plus one once its text is a
    /// mid-sentence occurrence's.
    tf_mid: u32,
    /// A mid-sentence occurrence's text, else the first's.
    start: u32,
    end: u32,
}

impl Candidate {
    /// No candidate (yet).
    const NONE: Candidate = Candidate {
        tf_mid: 0,
        start: 0,
        end: 0,
    };

    fn tf(&self) -> u32 {
        self.tf_mid >> 1
    }

    fn mid_sentence(&self) -> bool {
        self.tf_mid & 1 == 1
    }
}

/// Above how many tokens a text's candidates are read in a second pass
/// (see [`keyphrases`]): about 80 KB of text, past most articles.
const TWO_PASS_TOKENS: usize = 1 << 14;

/// How many sets a long text's neighbour pairs are kept in.
const PAIR_SETS: usize = 16;

/// The candidates read from runs of the text's words. A third of them are
/// one word, which need no key: they are kept by the word's number.
struct Candidates {
    /// Runs of two words or more, in maps by their first word's number: an
    /// article's in one; a long text's in as many maps of 4,096 slots as
    /// the runs expected fill to nine tenths of their room (see
    /// [`Candidates::make_room`]).
    runs: Vec<HashMap<RunKey, Candidate, Fnv>>,
    /// One-word runs by the word's number (`Candidate::NONE` where none).
    singles: Vec<Candidate>,
}

impl Candidates {
    /// Counts an occurrence of `run` at `start..end`; `mid`: not at its
    /// sentence's start (a mid-sentence occurrence's text is preferred, as
    /// it shows the phrase's own case).
    fn count(&mut self, run: RunKey, start: u32, end: u32, mid: bool) {
        let c = match Self::single(&run) {
            Some(id) => {
                if self.singles.len() <= id {
                    self.singles.resize(id + 1, Candidate::NONE);
                }
                &mut self.singles[id]
            }
            None => {
                let m = self.shard(&run);
                self.runs[m].entry(run).or_insert(Candidate::NONE)
            }
        };
        if c.tf_mid == 0 {
            *c = Candidate {
                tf_mid: 2 | u32::from(mid),
                start,
                end,
            };
        } else {
            c.tf_mid += 2;
            if mid && !c.mid_sentence() {
                (c.start, c.end) = (start, end);
                c.tf_mid |= 1;
            }
        }
    }

    /// The candidate `run`, if it was read.
    fn get_mut(&mut self, run: &RunKey) -> Option<&mut Candidate> {
        match Self::single(run) {
            Some(id) => self.singles.get_mut(id),
            None => {
                let m = self.shard(run);
                self.runs[m].get_mut(run)
            }
        }
        .filter(|c| c.tf() > 0)
    }

    /// How many there are.
    fn len(&self) -> usize {
        self.runs.iter().map(HashMap::len).sum::<usize>()
            + self.singles.iter().filter(|c| c.tf() > 0).count()
    }

    /// The map of `run`.
    fn shard(&self, run: &RunKey) -> usize {
        run.0[0] as usize % self.runs.len()
    }

    /// Makes the maps for about `n` runs, none read yet. A map's slots are
    /// a power of two, at most seven eighths used, so one map for 28,800
    /// runs (1 MB of text) took 65,536 slots (1.9 MB in one block); maps of
    /// 4,096 slots, each filled to nine tenths of what it may hold, take
    /// 1.2 to 1.4 slots a run, in blocks of 120 KB that fit the room the
    /// first pass's tables left behind. (On 1 MB of text the page's module
    /// grew 10.6 MB with one map, 8.7 with these, and 7.5 once the pairs
    /// were in sets of their own too.) A map that gets more runs than
    /// expected grows on its own.
    fn make_room(&mut self, n: usize) {
        debug_assert!(self.len() == 0, "the maps are made before any run is read");
        const SLOTS: usize = 4096;
        let holds = SLOTS * 7 / 8 * 9 / 10;
        let maps = n.div_ceil(holds).max(1);
        self.runs = (0..maps)
            .map(|_| HashMap::with_capacity_and_hasher(n.div_ceil(maps), Fnv::default()))
            .collect();
    }

    /// The word's number of a one-word run.
    fn single(run: &RunKey) -> Option<usize> {
        (run.0[0] < OF && run.0[1] == NONE).then_some(run.0[0] as usize)
    }
}

/// A candidate made of an entity's name.
struct NameCandidate {
    tf: u32,
    /// Its content words' statistics, `NONE` after the last.
    words: [u32; MAX_WORDS + 1],
    /// The entity's first mention.
    start: u32,
    end: u32,
}

/// A candidate scored: lower is better.
struct Scored<'a> {
    score: f64,
    key: &'a [u32],
    text: (u32, u32),
}

/// The key phrases of a document, best first.
#[inline(never)] // a function of its own in the browser module: see `lib.rs`
pub fn keyphrases(
    doc: &Document,
    entities: &[Entity],
    times: &[TimeExpr],
    quantities: &[Quantity],
) -> Vec<Keyphrase> {
    let two_pass = doc.tokens.len() > TWO_PASS_TOKENS;
    keyphrases_in(doc, entities, times, quantities, two_pass)
}

/// [`keyphrases`], with the candidates read in the first pass over the
/// text or in a second one (the same key phrases either way).
fn keyphrases_in<'d>(
    doc: &'d Document,
    entities: &[Entity],
    times: &[TimeExpr],
    quantities: &[Quantity],
    two_pass: bool,
) -> Vec<Keyphrase> {
    // Words inside time expressions ("January", "Thursday", "last year")
    // and quantities ("two", "a dozen") say when and how much, not what:
    // they are function words here.
    let when_and_how_much = Spans::times_and_quantities(times, quantities);

    // Entity mentions, sorted: a candidate may hold whole mentions but not
    // cut one ("Russian President Vladimir" of "Vladimir Putin").
    let mut mentions: Vec<(usize, usize)> = entities
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .map(|m| (m.start as usize, m.end as usize))
        })
        .collect();
    mentions.sort_unstable();
    // `from`: the mentions before it start before `a`. Runs are read in the
    // order of the text, so it only moves forward, and the mentions that
    // start inside a run are a few steps on: a binary search over all of
    // them for each run was 3% of the layer's instructions.
    let cuts_a_mention = |from: usize, a: usize, b: usize| {
        let upto = from + mentions[from..].iter().take_while(|m| m.0 < b).count();
        mentions[..upto]
            .iter()
            .rev()
            .take_while(|m| m.1 > a)
            .take(MAX_WORDS + 2)
            .any(|m| m.0 < a || m.1 > b)
    };
    // Candidates: runs of 1..=MAX_WORDS words, content words at both ends,
    // "of" the only function word inside; keyed by their words' numbers,
    // so that a long text's many phrases cost little. `mention` is the
    // first mention that starts at or after the word being read.
    let add_candidates = |words: &[Word], mention: &mut usize, cands: &mut Candidates| {
        for i in 0..words.len() {
            if words[i].id >= OF {
                continue;
            }
            let a = words[i].start as usize;
            *mention += mentions[*mention..].iter().take_while(|m| m.0 < a).count();
            let mut run = RunKey([NONE; MAX_WORDS + 1]);
            let mut content = 0;
            for (n, t) in words[i..(i + MAX_WORDS + 1).min(words.len())]
                .iter()
                .enumerate()
            {
                if n > 0 && t.broken || t.id == NONE {
                    break;
                }
                run.0[n] = t.id;
                if t.id == OF {
                    continue;
                }
                content += 1;
                if content > MAX_WORDS {
                    break;
                }
                if cuts_a_mention(*mention, a, t.end as usize) {
                    continue;
                }
                cands.count(run, words[i].start, t.end, i > 0);
            }
        }
    };

    // The maps and lists sized for a text's words at the start (over 1,430
    // articles, per token, at most about 0.53 distinct words, 0.45 pairs,
    // 0.57 candidates, a third of them one word, and 0.47 sentence-word
    // entries for nine in ten): the growing of them was 5% of the layer's
    // instructions. A long text's grow as they must.
    let guess = doc.tokens.len().min(1 << 14);
    // Lower-case words: a content word's statistics' number (in order of
    // first use as one), `OF` or `NONE` for a function word. A key borrows
    // the text, or the document's lower case, wherever it can.
    let mut vocab: HashMap<Cow<'d, str>, u32, Fnv> = function_words().clone();
    vocab.reserve(guess / 2);
    let mut stats: Vec<Stats> = Vec::with_capacity(guess / 2);
    // Pairs of content words (left, right) within the window in a
    // sentence, each once: the distinct neighbours of every word.
    // A long text's are kept in sets by the right word's number, each a
    // block the size of an article's: one set grown by doubling, with the
    // old and the new held at each step, took blocks the allocator could
    // find no room for among the earlier layers' (see `make_room`).
    let pair_sets = if two_pass { PAIR_SETS } else { 1 };
    let mut pairs: Vec<HashSet<u64, Fnv>> = (0..pair_sets)
        .map(|_| HashSet::with_capacity_and_hasher(guess / 2 / pair_sets, Fnv::default()))
        .collect();
    // Each content word once for each sentence it is in, sentence by
    // sentence, and where each sentence's run ends: to find the middle one
    // of a word's sentences.
    // (A long text's is sized for nine in ten at once: grown by doubling,
    // it was a quarter spare, and twice its size held while it moved.)
    let mut sentence_words: Vec<u32> = Vec::with_capacity(if two_pass {
        doc.tokens.len() / 2
    } else {
        guess / 2
    });
    let mut sentence_ends: Vec<(u32, u32)> = Vec::with_capacity(doc.sentences.len());
    // A long text's candidates are read in a second pass over it, once the
    // neighbour pairs, the sentences' words and the statistics (as weights
    // by then) are dropped: they and the candidates were the largest tables
    // held at once (on 1 MB of text the layer held 3.3 MB at most instead
    // of 5.3). The second reading costs about a tenth of the layer's time.
    // An article's candidates are read in the first.
    let mut candidates = Candidates {
        runs: vec![HashMap::with_capacity_and_hasher(
            if two_pass { 0 } else { guess * 2 / 5 },
            Fnv::default(),
        )],
        singles: Vec::with_capacity(if two_pass { 0 } else { guess / 2 }),
    };
    // A word's lower case, in one buffer for them all.
    let mut key = String::new();
    let mut words: Vec<Word> = Vec::with_capacity(64);
    // The first mention that starts at or after the word being read.
    let mut mention = 0;

    let mut skip = when_and_how_much.reader();
    for (si, s) in doc.sentences.iter().enumerate() {
        let si = si as u32;
        read_words(
            doc, s, &mut skip, &mut vocab, &mut stats, &mut key, &mut words,
        );

        // 2. Statistics of each distinct content word.
        for (i, w) in words.iter().enumerate() {
            if w.id >= OF {
                continue;
            }
            let st = &mut stats[w.id as usize];
            st.tf += 1;
            st.capital += u32::from(w.capital);
            st.acronym += u32::from(w.acronym);
            if st.last != si {
                st.last = si;
                st.sentences += 1;
                sentence_words.push(w.id);
            }
            // Content words within the window, in the same sentence: the
            // word's left neighbours, and it their right one.
            for o in words[i.saturating_sub(WINDOW)..i].iter().map(|o| o.id) {
                if o >= OF {
                    continue;
                }
                let new =
                    pairs[w.id as usize % pair_sets].insert(u64::from(o) << 32 | u64::from(w.id));
                let st = &mut stats[w.id as usize];
                st.left += u32::from(new);
                st.left_n += 1;
                let so = &mut stats[o as usize];
                so.right += u32::from(new);
                so.right_n += 1;
            }
        }
        if sentence_ends.last().map_or(0, |e| e.1) < sentence_words.len() as u32 {
            sentence_ends.push((si, sentence_words.len() as u32));
        }

        // 3. Candidates (a long text's in a second pass).
        if !two_pass {
            add_candidates(&words, &mut mention, &mut candidates);
        }
    }
    if stats.is_empty() {
        return Vec::new();
    }
    // A long text has about half as many runs of two or three words as
    // distinct pairs of neighbours (0.52 to 0.53 from 100 KB to 10 MB):
    // their map is made that size at once, not doubled (when the old and
    // the new are held together) several times on the way.
    let runs_expected = pairs.iter().map(HashSet::len).sum::<usize>() * 11 / 20;
    drop(pairs);

    // The middle one of each word's sentences.
    let mut middle: Vec<u32> = vec![0; stats.len()];
    for st in &mut stats {
        st.last = 0;
    }
    let mut from = 0;
    for &(si, to) in &sentence_ends {
        for &id in &sentence_words[from..to as usize] {
            let st = &mut stats[id as usize];
            if st.last == st.sentences / 2 {
                middle[id as usize] = si;
            }
            st.last += 1;
        }
        from = to as usize;
    }
    drop(sentence_words);
    drop(sentence_ends);

    let n = stats.len() as f64;
    let mean = stats.iter().map(|s| f64::from(s.tf)).sum::<f64>() / n;
    let sd = (stats
        .iter()
        .map(|s| (f64::from(s.tf) - mean).powi(2))
        .sum::<f64>()
        / n)
        .sqrt();
    let max_tf = stats.iter().map(|s| f64::from(s.tf)).fold(1.0, f64::max);
    let sentences = doc.sentences.len().max(1) as f64;
    // Logarithms of the small counts and of the first sentences' numbers,
    // each taken once: most words occur once or twice, and a logarithm a
    // word was 3% of the layer's instructions.
    let mut ln_tf = [f64::NAN; 64];
    let mut lnln_mid = vec![f64::NAN; doc.sentences.len().min(1 << 12)];
    // YAKE's word weight: lower is more important.
    let weight: Vec<f64> = stats
        .iter()
        .zip(&middle)
        .map(|(s, &mid)| {
            let tf = f64::from(s.tf);
            let case =
                f64::from(s.capital.max(s.acronym)) / (1.0 + memo(&mut ln_tf, s.tf, f64::ln));
            let position = memo(&mut lnln_mid, mid, |m| (3.0 + m).ln().ln());
            let freq = tf / (mean + sd);
            let dl = if s.left_n > 0 {
                f64::from(s.left) / f64::from(s.left_n)
            } else {
                0.0
            };
            let dr = if s.right_n > 0 {
                f64::from(s.right) / f64::from(s.right_n)
            } else {
                0.0
            };
            let rel = 1.0 + (dl + dr) * tf / max_tf;
            let spread = f64::from(s.sentences) / sentences;
            rel * position / (case + freq / rel + spread / rel)
        })
        .collect();
    let n_stats = stats.len() as u32;
    drop(stats);
    drop(middle);
    if two_pass {
        // The statistics are weights now: the second reading needs a list
        // for new words' statistics only to find that there are none.
        let mut none = Vec::new();
        candidates.make_room(runs_expected);
        candidates.singles = vec![Candidate::NONE; n_stats as usize];
        let mut mention = 0;
        let mut skip = when_and_how_much.reader();
        for s in &doc.sentences {
            read_words(
                doc, s, &mut skip, &mut vocab, &mut none, &mut key, &mut words,
            );
            add_candidates(&words, &mut mention, &mut candidates);
        }
        debug_assert!(none.is_empty(), "the second reading finds no new word");
    }

    // Entities named more than once, under their full name. Names' other
    // words are numbered after the content words.
    let mut names: HashMap<NameKey, NameCandidate, Fnv> = HashMap::default();
    let mut next = n_stats;
    for e in entities.iter().filter(|e| e.count >= 2) {
        let name = e.name.to_lowercase();
        // Its content words' statistics, in place (`NONE` after the last).
        let mut ws = [NONE; MAX_WORDS + 1];
        let mut n_ws = 0;
        for id in name
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter_map(|w| vocab.get(w).copied().filter(|&id| id < n_stats))
        {
            if let Some(x) = ws.get_mut(n_ws) {
                *x = id;
            }
            n_ws += 1;
        }
        if n_ws == 0 || n_ws > MAX_WORDS + 1 || name.split(' ').count() > MAX_NAME_WORDS {
            continue;
        }
        let mut key: NameKey = [NONE; MAX_NAME_WORDS];
        for (x, w) in key.iter_mut().zip(name.split(' ')) {
            *x = match vocab.get(w) {
                Some(&id) if id != NONE => id,
                _ if w == "of" => OF,
                _ => {
                    next += 1;
                    vocab.insert(Cow::Owned(w.to_string()), next - 1);
                    next - 1
                }
            };
        }
        let tf = e.count;
        if key[MAX_WORDS + 1] == NONE {
            let run = RunKey(key[..MAX_WORDS + 1].try_into().expect("four words"));
            if let Some(c) = candidates.get_mut(&run) {
                c.tf_mid = c.tf().max(tf) << 1 | c.tf_mid & 1;
                continue;
            }
        }
        let m = &e.first;
        let c = names.entry(key).or_insert(NameCandidate {
            tf: 0,
            words: ws,
            start: m.start,
            end: m.end,
        });
        c.tf = c.tf.max(tf);
    }
    // The vocabulary by number, to write phrases out again.
    let mut spelled: Vec<&str> = vec![""; next as usize];
    for (w, &n) in &vocab {
        if n < next {
            spelled[n as usize] = w;
        }
    }

    // 4. Score, sort, collapse.
    let score = |words: &mut dyn Iterator<Item = u32>, tf: u32| {
        let (mut prod, mut sum) = (1.0, 0.0);
        for w in words {
            prod *= weight[w as usize];
            sum += weight[w as usize];
        }
        prod / (f64::from(tf) * (1.0 + sum))
    };
    let order = |a: &Scored, b: &Scored| {
        a.score
            .total_cmp(&b.score)
            .then_with(|| word_texts(&spelled, a.key).cmp(word_texts(&spelled, b.key)))
    };
    // A one-word candidate's key: its number, as a list of one.
    let ids: Vec<u32> = (0..candidates.singles.len() as u32).collect();
    let singles = candidates
        .singles
        .iter()
        .zip(&ids)
        .filter(|(c, _)| c.tf() > 0)
        .map(|(c, id)| Scored {
            score: score(&mut std::iter::once(*id), c.tf()),
            key: std::slice::from_ref(id),
            text: (c.start, c.end),
        });
    let all = candidates
        .runs
        .iter()
        .flatten()
        .map(|(k, c)| {
            let ws = &mut k.0.iter().copied().take_while(|&w| w != NONE);
            Scored {
                score: score(&mut ws.filter(|&w| w != OF), c.tf()),
                key: &k.0,
                text: (c.start, c.end),
            }
        })
        .chain(names.iter().map(|(k, c)| Scored {
            score: score(
                &mut c.words.iter().copied().take_while(|&w| w != NONE),
                c.tf,
            ),
            key: k,
            text: (c.start, c.end),
        }))
        .chain(singles)
        .filter(|s| s.score.is_finite());
    let total = candidates.len() + names.len();
    // Only the best few are ever looked at: they are picked out (the
    // order is total, so they are the same few whatever order the maps
    // give them in), not the whole list sorted, which for 10 MB of text
    // held over a hundred thousand entries. Twice the list's length is
    // enough for most articles (259 of 1,430 look at more, four times as
    // many); four times the length to start with cost the seed article
    // 20 k more instructions.
    let mut wanted = 2 * MAX_KEYPHRASES;
    loop {
        let best = smallest(all.clone(), wanted, order);
        let mut chosen: Vec<(f64, String, Vec<&str>)> = Vec::new();
        let mut set_aside = Vec::new();
        let mut looked = 0;
        for c in &best {
            if chosen.len() >= MAX_KEYPHRASES {
                break;
            }
            looked += 1;
            // The words borrowed from the vocabulary, not the phrase joined
            // and split again into strings of their own.
            let stems: Vec<&str> = word_texts(&spelled, c.key)
                .flat_map(|w| w.split(' '))
                .filter(|w| !STOPWORD_SET.contains(w))
                .map(stem)
                .collect();
            // Near-duplicates: one phrase's words inside the other's, or
            // half of their words shared ("Press Secretary Jen" and
            // "Secretary Jen Psaki").
            let collapsed = chosen.iter().any(|(_, _, other)| {
                let shared = stems.iter().filter(|w| other.contains(w)).count();
                let union = stems.len() + other.len() - shared;
                shared == stems.len() || shared == other.len() || 2 * shared >= union
            });
            if collapsed {
                set_aside.push((c.score, c.text, stems));
                continue;
            }
            let text = doc.text[c.text.0 as usize..c.text.1 as usize].to_string();
            chosen.push((c.score, text, stems));
        }
        if chosen.len() < MAX_KEYPHRASES && looked == wanted && wanted < total {
            // Too many near-duplicates among the few: look at more.
            wanted *= 4;
            continue;
        }
        // A short text has few phrases: the parts of the chosen ones fill
        // the list (never a phrase twice, whatever its case or plural).
        for (s, text, stems) in set_aside {
            if chosen.len() >= MAX_KEYPHRASES {
                break;
            }
            if chosen.iter().any(|(_, _, other)| *other == stems) {
                continue;
            }
            let text = doc.text[text.0 as usize..text.1 as usize].to_string();
            chosen.push((s, text, stems));
        }
        // Best first, whatever list each came from.
        chosen.sort_by(|a, b| a.0.total_cmp(&b.0));
        let best = chosen.first().map_or(1.0, |c| c.0);
        return chosen
            .into_iter()
            .map(|(s, text, _)| Keyphrase {
                text,
                score: if s > 0.0 { (best / s).min(1.0) } else { 1.0 },
            })
            .collect();
    }
}

/// Step 1 of [`keyphrases`] for one sentence: its words into `words`, with
/// hyphenated compounds as one ("long-range"), each content word numbered
/// (a new one given its statistics, all zero) and the function words `OF`
/// or `NONE`. Read again in the second pass over a long text, it finds
/// every word numbered and changes nothing.
fn read_words<'d>(
    doc: &'d Document<'_>,
    s: &Sentence,
    skip: &mut SpansReader,
    vocab: &mut HashMap<Cow<'d, str>, u32, Fnv>,
    stats: &mut Vec<Stats>,
    key: &mut String,
    words: &mut Vec<Word>,
) {
    words.clear();
    let tokens = &doc.tokens[s.tokens.clone()];
    let mut k = 0;
    let mut broken = true;
    while k < tokens.len() {
        let t = tokens[k];
        if t.kind() != TokenKind::Word {
            broken = true;
            k += 1;
            continue;
        }
        // Join "long" "-" "range" when written without spaces.
        let (start, mut end) = (t.start as usize, t.end() as usize);
        let mut j = k + 1;
        while j + 1 < tokens.len()
            && doc.token_text(&tokens[j]) == "-"
            && tokens[j].start as usize == end
            && tokens[j + 1].start == tokens[j].end()
            && tokens[j + 1].kind() == TokenKind::Word
        {
            end = tokens[j + 1].end() as usize;
            j += 2;
        }
        let mut text: &'d str = &doc.text[start..end];
        // Most words end in none of the suffixes' last bytes ('s', an
        // apostrophe, the last byte of '’'): four comparisons saved.
        if matches!(text.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
            for suffix in ["'s", "’s", "'", "’"] {
                if let Some(s) = text.strip_suffix(suffix) {
                    if !s.is_empty() {
                        text = s;
                        break;
                    }
                }
            }
        }
        let text = text.strip_suffix('.').unwrap_or(text);
        let end = start + text.len();
        // Its lower case, borrowed where it can be: the text itself when
        // it is in lower case already (most words); the document's
        // lower case of a one-token word that is ASCII (to its
        // possessive), whose first bytes are the word's; else made in
        // `key`. Capitalised words each made a `String` of their own.
        let lower: Option<&'d str> = if text.is_ascii() {
            if !text.bytes().any(|b| b.is_ascii_uppercase()) {
                Some(text)
            } else if j == k + 1 {
                doc.lower_prefix(s.tokens.start + k, text)
            } else {
                key.clear();
                key.push_str(text);
                key.make_ascii_lowercase();
                None
            }
        } else {
            *key = text.to_lowercase();
            (*key == text).then_some(text)
        };
        let mut letters = text.chars().filter(|c| c.is_alphabetic());
        let two_letters = letters.nth(1).is_some();
        let mut content = || two_letters && !skip.holds(start);
        let id = if let Some(lower) = lower {
            // One lookup, which the insertion of a new word reuses.
            match vocab.entry(Cow::Borrowed(lower)) {
                Entry::Occupied(o) => {
                    let id = *o.get();
                    if id >= OF || content() {
                        id
                    } else {
                        NONE
                    }
                }
                Entry::Vacant(v) if content() => *v.insert(new_stats(stats)),
                Entry::Vacant(_) => NONE,
            }
        } else {
            match vocab.get(key.as_str()) {
                Some(&id) if id >= OF || content() => id,
                Some(_) => NONE,
                None if content() => {
                    let id = new_stats(stats);
                    vocab.insert(Cow::Owned(key.clone()), id);
                    id
                }
                None => NONE,
            }
        };
        let upper = text.starts_with(char::is_uppercase);
        words.push(Word {
            id,
            capital: upper && !words.is_empty(),
            acronym: two_letters && !text.chars().any(char::is_lowercase),
            start: start as u32,
            end: end as u32,
            broken,
        });
        broken = false;
        k = j;
    }
}

/// `f(x)`, remembered in `table` (`NaN` for not yet known) when it has a
/// place for `x`.
fn memo(table: &mut [f64], x: u32, f: impl Fn(f64) -> f64) -> f64 {
    match table.get_mut(x as usize) {
        Some(v) if !v.is_nan() => *v,
        Some(v) => {
            *v = f(f64::from(x));
            *v
        }
        None => f(f64::from(x)),
    }
}

/// The `k` smallest of `items` in `order` (a total order), sorted: kept in
/// a buffer of twice that many, cut back to the `k` best whenever it fills,
/// and anything worse than the `k`-th best so far passed over.
fn smallest<T>(
    items: impl Iterator<Item = T>,
    k: usize,
    order: impl Fn(&T, &T) -> Ordering,
) -> Vec<T> {
    let mut best: Vec<T> = Vec::with_capacity(2 * k);
    let mut full = false;
    for x in items {
        if full && order(&x, &best[k - 1]) != Ordering::Less {
            continue;
        }
        best.push(x);
        if best.len() == 2 * k {
            best.select_nth_unstable_by(k - 1, &order);
            best.truncate(k);
            full = true;
        }
    }
    best.sort_unstable_by(&order);
    best.truncate(k);
    best
}

#[cfg(test)]
mod tests {
    use super::{keyphrases_in, smallest, STOPWORDS, TWO_PASS_TOKENS};
    use crate::document::Document;

    /// A long text's candidates, read in a second pass, give the key
    /// phrases the first pass gives: on a text past the threshold whose
    /// paragraphs vary (names, a phrase with "of", one-word and three-word
    /// phrases, a possessive, a hyphenated compound), with its entities.
    #[test]
    fn two_passes_give_the_first_pass_key_phrases() {
        let mut text = String::new();
        let mut k = 0;
        while text.len() < 8 * TWO_PASS_TOKENS {
            k += 1;
            text.push_str(&format!(
                "The Bank of America said on Monday that interest rates in region {} would rise. \
                 Chief economist Maria Lopez told reporters the long-range outlook for \
                 lender number {} was stable, and Lopez's team agreed with the central bank.\n\n",
                k % 97,
                k % 13
            ));
        }
        let paragraphs = text
            .match_indices("\n\n")
            .scan(0, |from, (at, _)| {
                let p = *from..at;
                *from = at + 2;
                Some(p)
            })
            .collect();
        let doc = Document::new(&text, paragraphs, false);
        assert!(doc.tokens.len() > TWO_PASS_TOKENS);
        let entities = crate::analyze::entities::entities(&doc);
        assert!(!entities.is_empty());
        let one = keyphrases_in(&doc, &entities, &[], &[], false);
        let two = keyphrases_in(&doc, &entities, &[], &[], true);
        assert!(one.len() >= 5, "{one:?}");
        let texts = |k: &[crate::output::Keyphrase]| -> Vec<(String, u64)> {
            k.iter()
                .map(|k| (k.text.clone(), k.score.to_bits()))
                .collect()
        };
        assert_eq!(texts(&two), texts(&one));
    }

    #[test]
    fn smallest_are_the_sorted_list_cut() {
        // Several times the buffer, in an order that is not the sorted one.
        let items: Vec<u32> = (0..1000u32).map(|i| (i * 7919) % 1000).collect();
        for k in [1, 3, 40, 999, 1000, 5000] {
            let best = smallest(items.iter().copied(), k, |a, b| a.cmp(b));
            let want: Vec<u32> = (0..k.min(1000) as u32).collect();
            assert_eq!(best, want, "k = {k}");
        }
    }

    // Asked as a set now, but kept sorted: a word is found by eye, and a
    // duplicate shows.
    #[test]
    fn stopwords_are_sorted_and_distinct() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
