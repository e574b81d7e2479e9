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

use super::Spans;
use crate::document::Document;
use crate::output::{Entity, Keyphrase, Quantity, TimeExpr};
use crate::segment::TokenKind;
use std::collections::{HashMap, HashSet};

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

fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
}

/// A word of the text as the extractor sees it. Kept small (a long text has
/// hundreds of thousands): its lower-case form is a number in the
/// vocabulary, its place two offsets.
struct Term {
    /// Lower case, possessive stripped: its number in the vocabulary.
    key: u32,
    /// As written (possessive stripped): byte offsets.
    start: u32,
    end: u32,
    sentence: u32,
    stop: bool,
    /// Capitalised and not the first word of its sentence.
    capital: bool,
    /// All capitals, two letters or more.
    acronym: bool,
    /// The first word of its sentence (its capital says nothing).
    initial: bool,
}

/// No word (a shorter phrase's unused places; a stop word's statistics).
const NONE: u32 = u32::MAX;

/// The longest name taken as a candidate, in words ("Organization of the
/// Petroleum Exporting Countries" is six).
const MAX_NAME_WORDS: usize = 8;

/// A candidate's words as vocabulary numbers, `NONE` after the last.
/// Compared word by word, phrases sort as their texts would: every
/// character of a word sorts after the space that joins them.
type PhraseKey = [u32; MAX_NAME_WORDS];

/// The statistics of one distinct word.
#[derive(Default)]
struct Stats {
    tf: f64,
    capital: f64,
    acronym: f64,
    sentences: Vec<usize>,
    left: HashSet<usize, Fnv>,
    right: HashSet<usize, Fnv>,
    left_n: f64,
    right_n: f64,
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

/// Numbers `w` in the vocabulary (in order of first use).
fn intern(w: &str, vocab: &mut HashMap<String, u32, Fnv>) -> u32 {
    if let Some(&n) = vocab.get(w) {
        return n;
    }
    let n = vocab.len() as u32;
    vocab.insert(w.to_string(), n);
    n
}

/// A phrase's words, spelled.
fn word_texts<'a>(
    spelled: &'a [&'a str],
    key: &'a PhraseKey,
) -> impl Iterator<Item = &'a str> + 'a {
    key.iter()
        .take_while(|&&w| w != NONE)
        .map(move |&w| spelled[w as usize])
}

/// The key phrases of a document, best first.
pub fn keyphrases(
    doc: &Document,
    entities: &[Entity],
    times: &[TimeExpr],
    quantities: &[Quantity],
) -> Vec<Keyphrase> {
    // Words inside time expressions ("January", "Thursday", "last year")
    // and quantities ("two", "a dozen") say when and how much, not what:
    // they are function words here.
    let when_and_how_much = Spans::times_and_quantities(times, quantities);
    // 1. Terms: words, with hyphenated compounds as one ("long-range").
    let mut terms: Vec<Term> = Vec::new();
    // Lower-case words, numbered in order of first use.
    let mut vocab: HashMap<String, u32, Fnv> = HashMap::default();
    // A word's lower case, in one buffer for them all.
    let mut key = String::new();

    // Chunk boundaries: indexes into `terms` where a run of words breaks
    // (punctuation, numbers, the sentence's end).
    let mut breaks: Vec<bool> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let tokens = &doc.tokens[s.tokens.clone()];
        let mut k = 0;
        let mut first = true;
        let mut broken = true;
        while k < tokens.len() {
            let t = tokens[k];
            if t.kind != TokenKind::Word {
                broken = true;
                k += 1;
                continue;
            }
            // Join "long" "-" "range" when written without spaces.
            let (start, mut end) = (t.start as usize, t.end as usize);
            let mut j = k + 1;
            while j + 1 < tokens.len()
                && doc.token_text(&tokens[j]) == "-"
                && tokens[j].start as usize == end
                && tokens[j + 1].start == tokens[j].end
                && tokens[j + 1].kind == TokenKind::Word
            {
                end = tokens[j + 1].end as usize;
                j += 2;
            }
            let mut text = &doc.text[start..end];
            for suffix in ["'s", "’s", "'", "’"] {
                if let Some(s) = text.strip_suffix(suffix) {
                    if !s.is_empty() {
                        text = s;
                        break;
                    }
                }
            }
            let text = text.strip_suffix('.').unwrap_or(text);
            let end = start + text.len();
            if text.is_ascii() {
                key.clear();
                key.push_str(text);
                key.make_ascii_lowercase();
            } else {
                key = text.to_lowercase();
            }
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            let stop = is_stopword(&key) || letters < 2 || when_and_how_much.holds(start);
            let upper = text.starts_with(char::is_uppercase);
            terms.push(Term {
                stop,
                capital: upper && !first,
                acronym: letters >= 2 && !text.chars().any(char::is_lowercase),
                key: intern(&key, &mut vocab),
                start: start as u32,
                end: end as u32,
                sentence: si as u32,
                initial: first,
            });
            breaks.push(broken);
            broken = false;
            first = false;
            k = j;
        }
    }
    if terms.is_empty() {
        return Vec::new();
    }

    // 2. Statistics of each distinct content word, numbered in order of
    // first use as one.
    let of = vocab.get("of").copied().unwrap_or(NONE);
    let mut stat_of: Vec<u32> = vec![NONE; vocab.len()];
    let mut stats: Vec<Stats> = Vec::new();
    let term_id: Vec<Option<usize>> = terms
        .iter()
        .map(|t| {
            (!t.stop).then(|| {
                let id = &mut stat_of[t.key as usize];
                if *id == NONE {
                    *id = stats.len() as u32;
                    stats.push(Stats::default());
                }
                *id as usize
            })
        })
        .collect();
    for (i, t) in terms.iter().enumerate() {
        let Some(id) = term_id[i] else { continue };
        let st = &mut stats[id];
        st.tf += 1.0;
        st.capital += f64::from(u8::from(t.capital));
        st.acronym += f64::from(u8::from(t.acronym));
        if st.sentences.last() != Some(&(t.sentence as usize)) {
            st.sentences.push(t.sentence as usize);
        }
        // Content words within the window, in the same sentence.
        for d in 1..=WINDOW {
            if let Some(j) = i.checked_sub(d) {
                if terms[j].sentence == t.sentence {
                    if let Some(o) = term_id[j] {
                        st.left.insert(o);
                        st.left_n += 1.0;
                    }
                }
            }
            if let Some(tj) = terms.get(i + d) {
                if tj.sentence == t.sentence {
                    if let Some(o) = term_id[i + d] {
                        st.right.insert(o);
                        st.right_n += 1.0;
                    }
                }
            }
        }
    }
    let n = stats.len() as f64;
    let mean = stats.iter().map(|s| s.tf).sum::<f64>() / n;
    let sd = (stats.iter().map(|s| (s.tf - mean).powi(2)).sum::<f64>() / n).sqrt();
    let max_tf = stats.iter().map(|s| s.tf).fold(1.0, f64::max);
    let sentences = doc.sentences.len().max(1) as f64;
    // YAKE's word weight: lower is more important.
    let weight: Vec<f64> = stats
        .iter()
        .map(|s| {
            let case = s.capital.max(s.acronym) / (1.0 + s.tf.ln());
            let mid = s.sentences[s.sentences.len() / 2] as f64;
            let position = (3.0 + mid).ln().ln();
            let freq = s.tf / (mean + sd);
            let dl = if s.left_n > 0.0 {
                s.left.len() as f64 / s.left_n
            } else {
                0.0
            };
            let dr = if s.right_n > 0.0 {
                s.right.len() as f64 / s.right_n
            } else {
                0.0
            };
            let rel = 1.0 + (dl + dr) * s.tf / max_tf;
            let spread = s.sentences.len() as f64 / sentences;
            rel * position / (case + freq / rel + spread / rel)
        })
        .collect();

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
    let cuts_a_mention = |a: usize, b: usize| {
        let upto = mentions.partition_point(|m| m.0 < b);
        mentions[..upto]
            .iter()
            .rev()
            .take_while(|m| m.1 > a)
            .take(MAX_WORDS + 2)
            .any(|m| m.0 < a || m.1 > b)
    };

    // 3. Candidates: runs of 1..=MAX_WORDS words, content words at both
    // ends, "of" the only function word inside; keyed by their words'
    // numbers, so that a long text's many phrases cost little.
    struct Candidate {
        tf: f64,
        /// Its content words' statistics, `NONE` after the last.
        words: [u32; MAX_WORDS + 1],
        /// A mid-sentence occurrence's text, else the first's.
        text: (u32, u32),
        mid_sentence: bool,
    }
    let words_of = |ws: &[usize]| {
        let mut a = [NONE; MAX_WORDS + 1];
        for (x, &w) in a.iter_mut().zip(ws) {
            *x = w as u32;
        }
        a
    };
    let mut candidates: HashMap<PhraseKey, Candidate, Fnv> = HashMap::default();
    let mut words: Vec<usize> = Vec::with_capacity(MAX_WORDS + 1);
    for i in 0..terms.len() {
        if term_id[i].is_none() {
            continue;
        }
        words.clear();
        let mut key: PhraseKey = [NONE; MAX_NAME_WORDS];
        for (n, j) in (i..(i + MAX_WORDS + 1).min(terms.len())).enumerate() {
            if j > i && (breaks[j] || terms[j].sentence != terms[i].sentence) {
                break;
            }
            let t = &terms[j];
            if t.stop && t.key != of {
                break;
            }
            key[n] = t.key;
            match term_id[j] {
                Some(id) => words.push(id),
                None => continue,
            }
            if words.len() > MAX_WORDS {
                break;
            }
            if cuts_a_mention(terms[i].start as usize, t.end as usize) {
                continue;
            }
            let c = candidates.entry(key).or_insert(Candidate {
                tf: 0.0,
                words: [NONE; MAX_WORDS + 1],
                text: (0, 0),
                mid_sentence: false,
            });
            c.tf += 1.0;
            let mid = !terms[i].initial;
            if c.words[0] == NONE || (mid && !c.mid_sentence) {
                c.words = words_of(&words);
                c.text = (terms[i].start, t.end);
                c.mid_sentence = mid;
            }
        }
    }
    // Entities named more than once, under their full name.
    for e in entities.iter().filter(|e| e.count >= 2) {
        let name = e.name.to_lowercase();
        let ws: Vec<usize> = name
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter_map(|w| {
                let id = stat_of[*vocab.get(w)? as usize];
                (id != NONE).then_some(id as usize)
            })
            .collect();
        if ws.is_empty() || ws.len() > MAX_WORDS + 1 || name.split(' ').count() > MAX_NAME_WORDS {
            continue;
        }
        let mut key: PhraseKey = [NONE; MAX_NAME_WORDS];
        for (x, w) in key.iter_mut().zip(name.split(' ')) {
            *x = intern(w, &mut vocab);
        }
        let m = &e.first;
        let c = candidates.entry(key).or_insert(Candidate {
            tf: 0.0,
            words: [NONE; MAX_WORDS + 1],
            text: (0, 0),
            mid_sentence: false,
        });
        c.tf = c.tf.max(f64::from(e.count));
        if c.words[0] == NONE {
            c.words = words_of(&ws);
            c.text = (m.start, m.end);
            c.mid_sentence = true;
        }
    }
    // The vocabulary by number, to write phrases out again.
    let mut spelled: Vec<&str> = vec![""; vocab.len()];
    for (w, &n) in &vocab {
        spelled[n as usize] = w;
    }

    // 4. Score, sort, collapse.
    let mut scored: Vec<(f64, &PhraseKey, &Candidate)> = candidates
        .iter()
        .filter(|(_, c)| c.words[0] != NONE)
        .map(|(k, c)| {
            let ws = c.words.iter().take_while(|&&w| w != NONE);
            let prod: f64 = ws.clone().map(|&w| weight[w as usize]).product();
            let sum: f64 = ws.map(|&w| weight[w as usize]).sum();
            (prod / (c.tf * (1.0 + sum)), k, c)
        })
        .filter(|(s, ..)| s.is_finite())
        .collect();
    scored.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then_with(|| word_texts(&spelled, a.1).cmp(word_texts(&spelled, b.1)))
    });
    let mut chosen: Vec<(f64, String, Vec<String>)> = Vec::new();
    let mut set_aside = Vec::new();
    for (s, key, c) in scored {
        if chosen.len() >= MAX_KEYPHRASES {
            break;
        }
        let key = word_texts(&spelled, key).collect::<Vec<_>>().join(" ");
        let stems: Vec<String> = key
            .split(' ')
            .filter(|w| !is_stopword(w))
            .map(|w| stem(w).to_string())
            .collect();
        // Near-duplicates: one phrase's words inside the other's, or half
        // of their words shared ("Press Secretary Jen" and "Secretary Jen
        // Psaki").
        let collapsed = chosen.iter().any(|(_, _, other)| {
            let shared = stems.iter().filter(|w| other.contains(w)).count();
            let union = stems.len() + other.len() - shared;
            shared == stems.len() || shared == other.len() || 2 * shared >= union
        });
        if collapsed {
            set_aside.push((s, c, stems));
            continue;
        }
        let text = doc.text[c.text.0 as usize..c.text.1 as usize].to_string();
        chosen.push((s, text, stems));
    }
    // A short text has few phrases: the parts of the chosen ones fill the
    // list (never a phrase twice, whatever its case or plural).
    for (s, c, stems) in set_aside {
        if chosen.len() >= MAX_KEYPHRASES {
            break;
        }
        if chosen.iter().any(|(_, _, other)| *other == stems) {
            continue;
        }
        let text = doc.text[c.text.0 as usize..c.text.1 as usize].to_string();
        chosen.push((s, text, stems));
    }
    // Best first, whatever list each came from.
    chosen.sort_by(|a, b| a.0.total_cmp(&b.0));
    let best = chosen.first().map_or(1.0, |c| c.0);
    chosen
        .into_iter()
        .map(|(s, text, _)| Keyphrase {
            text,
            score: if s > 0.0 { (best / s).min(1.0) } else { 1.0 },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::STOPWORDS;

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
