//! Reading statistics: counts, reading time and the classic readability
//! formulas (Flesch reading ease, Flesch–Kincaid grade, Gunning fog).
//!
//! A "word" is what a reader or a word processor counts: a run of characters
//! between spaces that holds a letter or a digit ("50-minute" is one word,
//! "—" none). Syllables are estimated by rule (vowel groups with the usual
//! English corrections), as textstat and most readability tools do; a
//! pronunciation dictionary would be more exact and far larger than the rest
//! of the module. Numbers count as one syllable, as in textstat.

use crate::analyze::ner::features::Fnv;
use crate::analyze::Context;
use crate::document::Document;
use crate::output::{LongestSentence, Stats};
use unicode_segmentation::UnicodeSegmentation;

/// Words per minute of silent reading of non-fiction in English (Brysbaert,
/// 2019, a meta-analysis of 190 studies: 238 wpm).
pub const READING_WPM: f64 = 238.0;

/// Up to how many distinct words [`stats`] remembers the syllables and the
/// complexity of: the first met, which in news are nearly all of the
/// frequent ones (a map of 8,192 slots, about 200 KB).
const MEMO_WORDS: usize = 7168;

/// Letters of a word that syllable counting looks at.
const MAX_SYLLABLE_WORD: usize = 40;

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Estimated syllables of one alphabetic word (letters and apostrophes).
pub fn syllables(word: &str) -> u32 {
    // Letters folded to ASCII in a stack buffer: this runs once per word of
    // the article, so it must not allocate. Longer words are cut (no English
    // word is this long; a URL or a hash has no meaningful count anyway).
    let mut buf = [0u8; MAX_SYLLABLE_WORD];
    let mut n = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if n == buf.len() {
            break;
        }
        buf[n] = match c.to_ascii_lowercase() {
            c @ 'a'..='z' => c as u8,
            'à'..='å' | 'ā' | 'À'..='Å' => b'a',
            'è'..='ë' | 'ē' | 'È'..='Ë' => b'e',
            'ì'..='ï' | 'Ì'..='Ï' => b'i',
            'ò'..='ö' | 'ø' | 'ő' | 'Ò'..='Ö' | 'Ø' => b'o',
            'ù'..='ü' | 'ű' | 'Ù'..='Ü' => b'u',
            'ý' | 'ÿ' | 'Ý' => b'y',
            _ => b'b', // a consonant for the purpose of counting
        };
        n += 1;
    }
    let w = &buf[..n];
    if n == 0 {
        return 0;
    }
    if n <= 3 {
        return 1;
    }
    let mut count = 0i32;
    let mut prev_vowel = false;
    for (i, &c) in w.iter().enumerate() {
        // "y" opening a word is a consonant ("year").
        let v = is_vowel(c) && !(c == b'y' && i == 0);
        if v && !prev_vowel {
            count += 1;
        }
        prev_vowel = v;
    }
    let consonant = |i: usize| !is_vowel(w[i]);
    let ends = |s: &[u8]| w.ends_with(s);
    // Silent final "e" ("make"), but "-le" after a consonant is a syllable ("table").
    if ends(b"e") && consonant(n - 2) && !(ends(b"le") && consonant(n - 3)) {
        count -= 1;
    }
    // "-es" and "-ed" are silent after most consonants ("makes", "worked") but
    // not after sibilants ("boxes") or t/d ("wanted").
    if ends(b"es")
        && consonant(n - 3)
        && !matches!(w[n - 3], b's' | b'x' | b'z' | b'c' | b'g' | b'h')
    {
        count -= 1;
    }
    if ends(b"ed") && consonant(n - 3) && !matches!(w[n - 3], b't' | b'd') {
        count -= 1;
    }
    // Silent "e" before "-ly" ("lately", "immediately").
    if ends(b"ely") && n > 4 && consonant(n - 4) {
        count -= 1;
    }
    // Vowel pairs read as two syllables ("media", "ratio", "science"), except in
    // "-tion", "-sion", "-cial".
    for i in 1..n - 1 {
        let pair = (w[i], w[i + 1]);
        if matches!(
            pair,
            (b'i', b'a') | (b'i', b'o') | (b'i', b'e') | (b'e', b'o')
        ) && !matches!(w[i - 1], b't' | b's' | b'c' | b'x' | b'g')
            && !(pair == (b'i', b'e') && (i + 2 >= n || matches!(w[i + 2], b's' | b'd' | b'f')))
        {
            count += 1;
        }
    }
    count.max(1) as u32
}

/// Syllables of a whitespace-delimited word: its alphabetic parts by rule (a
/// possessive "'s" adds none), and one for a number in it ("3.5", "60,000").
fn word_syllables(chunk: &str) -> u32 {
    let mut total = u32::from(chunk.chars().any(char::is_numeric));
    for part in chunk.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’')) {
        let part = part.trim_end_matches(['\'', '’']);
        let part = part
            .strip_suffix("'s")
            .or_else(|| part.strip_suffix("’s"))
            .unwrap_or(part);
        total += syllables(part);
    }
    total
}

/// Gunning's "complex" word: three or more syllables, not a proper noun, not a
/// hyphenated compound, and not made so only by -es, -ed or -ing.
fn is_complex(chunk: &str) -> bool {
    let word = chunk.trim_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty()
        || word.contains('-')
        || !word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
        || word.starts_with(char::is_uppercase)
    {
        return false;
    }
    let b = word.as_bytes();
    let stem = ["ing", "es", "ed"]
        .iter()
        .find_map(|s| {
            let cut = b.len().checked_sub(s.len())?;
            (cut >= 3 && b[cut..].eq_ignore_ascii_case(s.as_bytes())).then(|| &word[..cut])
        })
        .unwrap_or(word);
    syllables(stem) >= 3
}

fn words_in(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Counts characters as a reader sees them: grapheme clusters, without the line
/// breaks between paragraphs. Returns (all, without whitespace). Words in
/// plain ASCII are counted by length; only the others go through grapheme
/// segmentation, which is many times slower.
fn characters(text: &str) -> (u32, u32) {
    let (mut visible, mut other_spaces) = (0usize, 0usize);
    for chunk in text.split([' ', '\n', '\r', '\t']) {
        if chunk.is_ascii() {
            visible += chunk.len();
        } else {
            for g in chunk.graphemes(true) {
                if g.chars().all(char::is_whitespace) {
                    other_spaces += 1; // no-break and other Unicode spaces
                } else {
                    visible += 1;
                }
            }
        }
    }
    let spaces = text.bytes().filter(|&b| b == b' ' || b == b'\t').count();
    ((visible + other_spaces + spaces) as u32, visible as u32)
}

/// Computes the statistics of the document.
#[inline(never)] // a function of its own in the browser module: see `lib.rs`
pub fn stats(doc: &Document, _ctx: &Context) -> Stats {
    let mut words = 0u32;
    let mut syl = 0u32;
    let mut complex = 0u32;
    let mut longest: Option<LongestSentence> = None;
    // A word's syllables and complexity depend on the word alone, and most
    // words come again and again: each is worked out once (it was about
    // 900 instructions a word, a lookup is a tenth of that).
    let mut memo: std::collections::HashMap<&str, (u32, bool), Fnv> =
        std::collections::HashMap::default();
    for (i, s) in doc.sentences.iter().enumerate() {
        let mut n = 0u32;
        for w in words_in(doc.slice(&s.range)) {
            n += 1;
            let (sy, cx) = match memo.get(w) {
                Some(&v) => v,
                None => {
                    let v = (word_syllables(w), is_complex(w));
                    if memo.len() < MEMO_WORDS {
                        memo.insert(w, v);
                    }
                    v
                }
            };
            syl += sy;
            complex += u32::from(cx);
        }
        words += n;
        if longest.is_none_or(|l| n > l.words) {
            longest = Some(LongestSentence {
                index: i as u32,
                words: n,
            });
        }
    }
    let sentences = doc.sentences.len() as u32;
    let (chars, chars_visible) = characters(doc.text);
    let seconds = (f64::from(words) * 60.0 / READING_WPM).round() as u32;
    let mut st = Stats {
        words,
        sentences,
        paragraphs: doc.paragraphs.len() as u32,
        characters: chars,
        characters_no_spaces: chars_visible,
        syllables: syl,
        complex_words: complex,
        reading_time_seconds: seconds,
        reading_time_minutes: if words == 0 {
            0
        } else {
            seconds.div_ceil(60).max(1)
        },
        longest_sentence: longest.filter(|l| l.words > 0),
        ..Stats::default()
    };
    if words > 0 && sentences > 0 {
        let wps = f64::from(words) / f64::from(sentences);
        let spw = f64::from(syl) / f64::from(words);
        st.avg_sentence_words = Some(round2(wps));
        st.flesch_reading_ease = Some(round2(206.835 - 1.015 * wps - 84.6 * spw));
        st.flesch_kincaid_grade = Some(round2(0.39 * wps + 11.8 * spw - 15.59));
        st.gunning_fog = Some(round2(
            0.4 * (wps + 100.0 * f64::from(complex) / f64::from(words)),
        ));
    }
    st
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_estimates_are_mostly_right() {
        // Counts from the CMU Pronouncing Dictionary.
        let known = [
            ("the", 1),
            ("president", 3),
            ("conversation", 4),
            ("military", 4),
            ("diplomatic", 4),
            ("significant", 4),
            ("progress", 2),
            ("optimism", 4),
            ("january", 4),
            ("tensions", 2),
            ("security", 4),
            ("meeting", 2),
            ("agreement", 3),
            ("consequences", 4),
            ("immediately", 5),
            ("troops", 1),
            ("weapons", 2),
            ("expansion", 3),
            ("collapse", 2),
            ("descendants", 3),
            ("mistake", 2),
            ("territory", 4),
            ("guarantees", 3),
            ("categories", 4),
            ("possible", 3),
            ("people", 2),
            ("worked", 1),
            ("wanted", 2),
            ("boxes", 2),
            ("makes", 1),
            ("table", 2),
            ("year", 1),
            ("media", 3),
            ("ratio", 3),
            ("nation", 2),
            ("science", 2),
            ("lately", 2),
            ("agreed", 2),
            ("reported", 3),
            ("sanctions", 2),
            ("alliance", 3),
            ("offensive", 3),
            ("legally", 3),
            ("deployed", 2),
            ("neighboring", 3),
            ("characterization", 6),
            ("crisis", 2),
            ("considers", 3),
            ("restrictions", 3),
            ("acknowledged", 3),
            ("areas", 3),
        ];
        let right = known.iter().filter(|(w, n)| syllables(w) == *n).count();
        let wrong: Vec<_> = known
            .iter()
            .filter(|(w, n)| syllables(w) != *n)
            .map(|(w, n)| (w, n, syllables(w)))
            .collect();
        assert!(
            right * 100 >= known.len() * 85,
            "{right}/{}: {wrong:?}",
            known.len()
        );
    }

    #[test]
    fn word_level_counts() {
        assert_eq!(word_syllables("50-minute"), 3);
        assert_eq!(word_syllables("60,000"), 1);
        assert_eq!(word_syllables("3.5"), 1);
        assert_eq!(word_syllables("Biden's"), 2);
        assert_eq!(word_syllables("U.S."), 2);
        assert!(is_complex("significant"));
        assert!(!is_complex("Washington"), "proper noun");
        assert!(!is_complex("well-organised"), "compound");
        assert!(!is_complex("agreed"));
    }

    /// The remembered counts are the counts: past the memo's size too (a
    /// text of more distinct words than it holds, each word twice).
    #[test]
    fn remembered_counts_are_the_counts() {
        let words: Vec<String> = (0..MEMO_WORDS + 500)
            .map(|i| {
                // The number in letters: distinct words, letters only.
                let tail: String = [i / 676, i / 26 % 26, i % 26]
                    .iter()
                    .map(|&d| char::from(b'a' + d as u8))
                    .collect();
                format!("{}ation{tail}", ["bo", "ca", "idea", "ré"][i % 4])
            })
            .collect();
        let text = format!("{}.", [words.join(" "), words.join(" ")].join(" "));
        let doc = Document::new(&text, std::iter::once(0..text.len()).collect(), false);
        let meta = crate::output::Meta::default();
        let st = stats(
            &doc,
            &Context {
                reference_date: None,
                meta: &meta,
            },
        );
        let want: u32 = text.split_whitespace().map(word_syllables).sum();
        let complex = text.split_whitespace().filter(|w| is_complex(w)).count();
        assert_eq!(st.syllables, want);
        assert_eq!(st.complex_words as usize, complex);
        assert!(complex > MEMO_WORDS, "{complex}");
    }

    #[test]
    fn characters_count_graphemes() {
        assert_eq!(characters("ab\n\ncd e"), (6, 5));
        assert_eq!(characters("e\u{301}😀 日本"), (5, 4));
    }
}
