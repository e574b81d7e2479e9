//! What the entity tagger looks at for each token: the word and its
//! neighbours, the word's shape and affixes, the tags already given to the
//! tokens before it, the gazetteers, and what the rest of the document says
//! about the same word.
//!
//! Features are never strings at run time. Each token's strings (word, lower
//! case, shape, affixes) are hashed once; a feature is then a template number
//! mixed with one or two of those hashes into a 32-bit key. Training (the
//! `train_ner` example) and tagging call the same [`Extractor`], so the keys a
//! model was trained with are the keys it is asked about.

use super::gazetteer::{Gazetteers, COUNTRY, GAZ_KINDS, PLACE};
use super::tags::{Tag, TYPES};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already hashes (FNV of a word): one multiply
/// instead of SipHash, which was a third of the tagger's time.
#[derive(Default, Clone, Copy)]
pub struct U64Hasher(u64);

impl Hasher for U64Hasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(self.0, bytes);
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0 ^ x)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }
}

/// The state of maps and sets hashed with [`U64Hasher`]: FNV-1a over the
/// bytes of a short key (a word), which SipHash takes several times longer
/// over, one multiply over a key that is already a hash.
pub type Fnv = BuildHasherDefault<U64Hasher>;

/// A map keyed by hashes.
pub type HashKeyed<V> = HashMap<u64, V, Fnv>;

/// Bumped whenever a template or a hash changes: a model trained with other
/// features would silently score garbage, so loading one is refused.
pub const FEATURE_VERSION: u32 = 5;

/// The starting state of 64-bit FNV-1a.
pub const FNV_INIT: u64 = 0xcbf2_9ce4_8422_2325;

/// 64-bit FNV-1a, continued from state `h`: stable across platforms (the
/// model is trained natively and used in wasm32), no allocation, and
/// resumable, so a run of words hashes without being joined into a string.
/// A `const fn` (hence the `while`), so that tables of words' hashes can be
/// built at compile time (`times::LOWER_STARTER_BITS`).
pub const fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h = fnv_byte(h, bytes[i]);
        i += 1;
    }
    h
}

/// The FNV-1a hash of a string.
pub fn hash_str(s: &str) -> u64 {
    fnv(FNV_INIT, s.as_bytes())
}

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15)).rotate_left(27);
    x.wrapping_mul(0xff51_afd7_ed55_8ccd)
}

/// Bits of a feature key. A million buckets for the ~75,000 weighted
/// features: the model is trained with the collisions, and they cost
/// nothing measurable (32-bit keys scored 0.5 points lower on the
/// development set, 22-bit ones 0.4, 18-bit ones 0.1), while the keys, which
/// are most of a sparse model's bytes, shrink to about a byte each.
pub const KEY_BITS: u32 = 20;

/// The key of one feature: a template and up to two hashed values.
#[inline]
pub fn key(template: u32, a: u64, b: u64) -> u32 {
    let mut h = mix(mix(template as u64 + 1, a), b);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 29;
    (h >> 32) as u32 & ((1 << KEY_BITS) - 1)
}

// Templates. Their numbers are part of the model: append, never renumber.
const BIAS: u32 = 0;
const WORD: u32 = 1;
const WORD_CASED: u32 = 2;
const WORD_M1: u32 = 3;
const WORD_P1: u32 = 4;
const WORD_M2: u32 = 5;
const WORD_P2: u32 = 6;
const SHAPE: u32 = 7;
const SHAPE_M1: u32 = 8;
const SHAPE_P1: u32 = 9;
const SHAPE_M1_0: u32 = 10;
const SHAPE_0_P1: u32 = 11;
const PREFIX: u32 = 12; // + length 1..=4
const SUFFIX: u32 = 16; // + length 1..=4
const PREV_TAG: u32 = 20;
const PREV_TAGS: u32 = 21;
const PREV_TAG_WORD: u32 = 22;
const PREV_TAG_SHAPE: u32 = 23;
const FIRST_SHAPE: u32 = 24;
const CAPS_WORD: u32 = 25;
const BIGRAM_M1: u32 = 26;
const BIGRAM_P1: u32 = 27;
const GAZ: u32 = 28;
const GAZ_M1: u32 = 29;
const GAZ_P1: u32 = 30;
const DOC_LOWER: u32 = 31;
const DOC_CAPITAL: u32 = 32;
const HISTORY: u32 = 33;
const WORD_M1_SHAPE: u32 = 34;
const SHAPE_P1_WORD_P1: u32 = 35;
const LONG_SHAPE: u32 = 36;
const WORD_CASED_M1: u32 = 37;
const WORD_CASED_P1: u32 = 38;
const HISTORY_NONE: u32 = 39;
const GAZ_WORD: u32 = 40;
// 41 and 42: a second pass over the document's first-pass labels
// (Ratinov and Roth's prediction aggregation) cost 0.2 points; removed.
const CLASS: u32 = 44;
const CLASS_COARSE: u32 = 45;
const CLASS_M1: u32 = 46;
const CLASS_P1: u32 = 47;
const COARSE_M1_0: u32 = 48;
const COARSE_0_P1: u32 = 49;
const CLASS_SHAPE: u32 = 50;
const PREV_TAG_CLASS: u32 = 51;
const NUMERIC_SENTENCE: u32 = 52;
const NUMERIC_PLACE: u32 = 53;
const NUMERIC_CLASS: u32 = 54;

/// Flags of a token.
const INIT_CAP: u8 = 1;
const ALL_CAPS: u8 = 2;
const HAS_LETTER: u8 = 4;
const LOWER: u8 = 8;

/// A token as the features see it: hashes computed once.
#[derive(Debug, Clone, Default)]
pub struct TokInfo {
    cased: u64,
    lower: u64,
    shape: u64,
    long_shape: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    flags: u8,
    /// Per gazetteer kind: 0 none, 1 begin, 2 inside, 3 last, 4 single.
    pub gaz: [u8; GAZ_KINDS],
    /// The word's fine and coarse class, if it has one.
    pub class: Option<(u16, u8)>,
}

/// The shape of a word: letters as X/x, digits as d, other characters kept;
/// the short form collapses repeats ("Xx", "X.X.", "d-d").
fn shapes(w: &str) -> (String, String) {
    let mut long = String::with_capacity(w.len().min(16));
    let mut short = String::with_capacity(8);
    let mut last = '\0';
    for (n, c) in w.chars().enumerate() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if n < 12 {
            long.push(s);
        }
        if s != last {
            short.push(s);
            last = s;
        }
    }
    (short, long)
}

/// Folds typographic apostrophes and quotes so "Biden’s" and "Biden's" are
/// one word to the model.
pub fn fold(w: &str) -> std::borrow::Cow<'_, str> {
    if w.contains(['\u{2019}', '\u{2018}', '\u{201C}', '\u{201D}']) {
        w.replace(['\u{2019}', '\u{2018}'], "'")
            .replace(['\u{201C}', '\u{201D}'], "\"")
            .into()
    } else {
        w.into()
    }
}

/// A token's case flags from its letters, its capital letters among them,
/// and whether its first character is a capital.
fn case_flags(letters: usize, upper: usize, initial_capital: bool) -> u8 {
    let mut flags = 0;
    if letters > 0 {
        flags |= HAS_LETTER;
        if initial_capital {
            flags |= INIT_CAP;
        }
        if upper == letters {
            flags |= ALL_CAPS;
        }
        if upper == 0 {
            flags |= LOWER;
        }
    }
    flags
}

/// One step of FNV-1a ([`fnv`] over one byte).
#[inline]
pub const fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
}

impl TokInfo {
    /// The hashes of one token.
    pub fn new(word: &str) -> TokInfo {
        if word.is_ascii() {
            TokInfo::new_ascii(word.as_bytes())
        } else {
            TokInfo::new_any(word)
        }
    }

    /// [`TokInfo::new`] of a word of ASCII characters (nearly every word of
    /// English news), in one pass and without a string built: folding
    /// changes nothing, a character's case and class are its byte's, and
    /// FNV-1a hashes the lower case, the shapes and the prefixes as they are
    /// read. It gives what [`TokInfo::new_any`] gives (a test checks).
    fn new_ascii(word: &[u8]) -> TokInfo {
        let n = word.len();
        let (mut cased, mut lower) = (FNV_INIT, FNV_INIT);
        let (mut short, mut long) = (FNV_INIT, FNV_INIT);
        let mut prefix = [0u64; 4];
        let mut suffix = [0u64; 4];
        let mut last = 0u8;
        let (mut letters, mut upper) = (0usize, 0usize);
        for (i, &c) in word.iter().enumerate() {
            cased = fnv_byte(cased, c);
            lower = fnv_byte(lower, c.to_ascii_lowercase());
            if i < 4 && n > i + 1 {
                prefix[i] = lower;
            }
            let s = if c.is_ascii_uppercase() {
                upper += 1;
                letters += 1;
                b'X'
            } else if c.is_ascii_lowercase() {
                letters += 1;
                b'x'
            } else if c.is_ascii_digit() {
                b'd'
            } else {
                c
            };
            if i < 12 {
                long = fnv_byte(long, s);
            }
            if s != last {
                short = fnv_byte(short, s);
                last = s;
            }
        }
        for (k, h) in suffix.iter_mut().enumerate() {
            if n > k + 1 {
                *h = word[n - 1 - k..]
                    .iter()
                    .fold(FNV_INIT, |h, c| fnv_byte(h, c.to_ascii_lowercase()));
            }
        }
        let flags = case_flags(
            letters,
            upper,
            word.first().is_some_and(u8::is_ascii_uppercase),
        );
        TokInfo {
            cased,
            lower,
            shape: short,
            long_shape: long,
            prefix,
            suffix,
            flags,
            gaz: [0; GAZ_KINDS],
            class: None,
        }
    }

    /// [`TokInfo::new`] of any word.
    fn new_any(word: &str) -> TokInfo {
        let word = fold(word);
        let lower = word.to_lowercase();
        let (short, long) = shapes(&word);
        let mut letters = 0;
        let mut upper = 0;
        for c in word.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
        }
        let flags = case_flags(
            letters,
            upper,
            word.chars().next().is_some_and(char::is_uppercase),
        );
        // Affixes of up to four characters, hashed from slices of the lower
        // case (no strings built: this runs for every token).
        let mut prefix = [0u64; 4];
        let mut suffix = [0u64; 4];
        let n = lower.chars().count();
        for (k, (at, _)) in lower.char_indices().skip(1).take(4).enumerate() {
            if n > k + 1 {
                prefix[k] = hash_str(&lower[..at]);
            }
        }
        for (k, (at, _)) in lower.char_indices().rev().take(4).enumerate() {
            if n > k + 1 {
                suffix[k] = hash_str(&lower[at..]);
            }
        }
        TokInfo {
            cased: hash_str(&word),
            lower: hash_str(&lower),
            shape: hash_str(&short),
            long_shape: hash_str(&long),
            prefix,
            suffix,
            flags,
            gaz: [0; GAZ_KINDS],
            class: None,
        }
    }

    /// A word's [`TokInfo::lower_hash`] and case flags, as [`TokInfo::new`]
    /// makes them, without the shapes' and affixes' hashes: all that
    /// [`DocStats::add_words`] reads, in a third of the time, for the first
    /// pass over a long text.
    pub fn lower_and_flags(word: &str) -> (u64, u8) {
        if !word.is_ascii() {
            let t = TokInfo::new_any(word);
            return (t.lower, t.flags);
        }
        let (mut lower, mut letters, mut upper) = (FNV_INIT, 0usize, 0usize);
        for &c in word.as_bytes() {
            lower = fnv_byte(lower, c.to_ascii_lowercase());
            letters += usize::from(c.is_ascii_alphabetic());
            upper += usize::from(c.is_ascii_uppercase());
        }
        let initial = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
        (lower, case_flags(letters, upper, initial))
    }

    /// The key the document-level tables use for this word.
    pub fn lower_hash(&self) -> u64 {
        self.lower
    }
}

/// What a document says about its words, gathered before tagging: whether a
/// word also appears in lower case (then a capital at a sentence start is
/// probably just the sentence start), and whether it appears capitalised in
/// the middle of a sentence (then it is probably a name even in a headline).
#[derive(Debug, Default)]
pub struct DocStats {
    lower_seen: HashKeyed<()>,
    capital_mid: HashKeyed<()>,
    /// Entity types given so far to each word (lower case) in this document.
    history: HashKeyed<[u16; TYPES]>,
}

impl DocStats {
    /// Gathers the document's words; a sentence set in capitals (a
    /// headline, `info[s].caps`) says nothing by its capitals.
    pub fn new(sentences: &[Vec<TokInfo>], info: &[SentInfo]) -> DocStats {
        let mut d = DocStats::default();
        for (s, toks) in sentences.iter().enumerate() {
            d.add_sentence(toks, info.get(s).copied().unwrap_or_default());
        }
        d
    }

    /// Gathers one sentence's words (what [`DocStats::new`] does for each),
    /// so that a long document's sentences need not all be held at once.
    pub fn add_sentence(&mut self, toks: &[TokInfo], info: SentInfo) {
        self.add_words(toks.iter().map(|t| (t.lower, t.flags)), info);
    }

    /// [`DocStats::add_sentence`] of a sentence's words' lower-case hashes
    /// and case flags ([`TokInfo::lower_and_flags`]).
    pub fn add_words(&mut self, words: impl Iterator<Item = (u64, u8)>, info: SentInfo) {
        for (i, (lower, flags)) in words.enumerate() {
            if flags & LOWER != 0 && flags & HAS_LETTER != 0 {
                self.lower_seen.insert(lower, ());
            } else if i > 0 && flags & INIT_CAP != 0 && !info.caps {
                self.capital_mid.insert(lower, ());
            }
        }
    }

    /// Records the entity just tagged, for the later mentions of its words.
    pub fn remember(&mut self, toks: &[TokInfo], kind: usize) {
        for t in toks {
            if t.flags & HAS_LETTER != 0 {
                let e = self.history.entry(t.lower).or_insert([0; TYPES]);
                e[kind] = e[kind].saturating_add(1);
            }
        }
    }
}

/// What the features know of a whole sentence.
#[derive(Debug, Clone, Copy, Default)]
pub struct SentInfo {
    /// Set in capitals (a headline or a dateline): its capitals say nothing.
    pub caps: bool,
    /// How much of it is numbers, 0 to 3: a row of a results table, where a
    /// city is usually a team.
    pub numeric: u8,
}

impl SentInfo {
    /// Looks at a sentence's words.
    pub fn new(words: &[&str]) -> SentInfo {
        let numbers = words
            .iter()
            .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            .count();
        let share = numbers * 10 / words.len().max(1);
        SentInfo {
            caps: is_caps_sentence(words),
            numeric: match share {
                0 if numbers == 0 => 0,
                0..=1 => 1,
                2..=3 => 2,
                _ => 3,
            },
        }
    }
}

/// Whether a sentence is set in capitals (a headline or a dateline): most of
/// its words of two letters or more have no lower-case letter.
///
/// It stops as soon as the words with a lower-case letter are too many for
/// the rest to make it so (in prose, after a fifth of the sentence), and
/// reads ASCII words as bytes: it runs twice on every sentence.
pub fn is_caps_sentence(words: &[&str]) -> bool {
    let (mut n, mut caps) = (0usize, 0usize);
    for (k, w) in words.iter().enumerate() {
        let (letters, lower) = if w.is_ascii() {
            let b = w.as_bytes();
            (
                b.iter().filter(|c| c.is_ascii_alphabetic()).take(2).count(),
                b.iter().any(u8::is_ascii_lowercase),
            )
        } else {
            (
                w.chars().filter(|c| c.is_alphabetic()).take(2).count(),
                w.chars().any(char::is_lowercase),
            )
        };
        if letters >= 2 {
            n += 1;
            if !lower {
                caps += 1;
            }
        }
        // caps * 5 >= n * 4 is caps >= 4 * (n - caps); caps can grow by at
        // most the words left.
        let left = words.len() - k - 1;
        if 4 * (n - caps) > caps + left {
            return false;
        }
    }
    n >= 2 && caps * 5 >= n * 4
}

/// Builds the feature keys of a token.
pub struct Extractor<'g> {
    pub gaz: &'g Gazetteers,
}

/// Padding hashes for positions outside the sentence.
const PAD: u64 = 0x5bd1_e995;
const PAD_END: u64 = 0x1b87_3593;

impl Extractor<'_> {
    /// The hashed tokens of a sentence, with gazetteer matches marked.
    pub fn sentence(&self, words: &[&str]) -> Vec<TokInfo> {
        let mut toks: Vec<TokInfo> = words.iter().map(|w| TokInfo::new(w)).collect();
        self.gaz.mark(words, &mut toks);
        toks
    }

    /// The feature keys of token `i`, given the tags of the tokens before it.
    #[allow(clippy::too_many_arguments)]
    pub fn features(
        &self,
        toks: &[TokInfo],
        i: usize,
        prev: Tag,
        prev2: Tag,
        sentence: SentInfo,
        doc: &DocStats,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        self.token_features(toks, i, sentence, doc, out);
        self.tag_features(&toks[i], prev, prev2, out);
    }

    /// The keys of token `i` that depend on the tags before it (appended):
    /// [`Extractor::pair_features`] and [`Extractor::prev_word_features`].
    pub fn tag_features(&self, t: &TokInfo, prev: Tag, prev2: Tag, out: &mut Vec<u32>) {
        Self::pair_features(prev, prev2, out);
        Self::prev_word_features(t, prev, out);
    }

    /// The keys of the two labels before a token, whatever the token: the
    /// decoder scores each pair once a document.
    pub fn pair_features(prev: Tag, prev2: Tag, out: &mut Vec<u32>) {
        let p = prev.index() as u64;
        out.push(key(PREV_TAG, p, 0));
        out.push(key(PREV_TAGS, p, prev2.index() as u64));
    }

    /// The keys of a token with the label before it, whatever came before
    /// that: the decoder scores them once a token for each label its
    /// hypotheses end in, where the beam's hypotheses often share it.
    pub fn prev_word_features(t: &TokInfo, prev: Tag, out: &mut Vec<u32>) {
        let p = prev.index() as u64;
        out.push(key(PREV_TAG_WORD, p, t.lower));
        out.push(key(PREV_TAG_SHAPE, p, t.shape));
        let f0 = t.class.map_or(0xfffe, |c| c.0 as u64);
        out.push(key(PREV_TAG_CLASS, p, f0));
    }

    /// The key under which [`Extractor::word_features`] of a token can be
    /// remembered: the word as written (every one of those features is made
    /// from it) and whether its sentence is in capitals.
    pub fn word_key(t: &TokInfo, caps: bool) -> u64 {
        if caps {
            !t.cased
        } else {
            t.cased
        }
    }

    /// The keys of token `i` that do not depend on the tags (appended):
    /// [`Extractor::word_features`] and [`Extractor::context_features`].
    pub fn token_features(
        &self,
        toks: &[TokInfo],
        i: usize,
        sentence: SentInfo,
        doc: &DocStats,
        out: &mut Vec<u32>,
    ) {
        Self::word_features(&toks[i], sentence.caps, out);
        self.context_features(toks, i, sentence, doc, out);
    }

    /// The keys made from the word alone (and whether its sentence is in
    /// capitals): a third of a token's, and the same at each of the word's
    /// mentions, so the decoder scores them once a word ([`Extractor::word_key`]).
    pub fn word_features(t: &TokInfo, caps: bool, out: &mut Vec<u32>) {
        out.push(key(BIAS, 0, 0));
        out.push(key(WORD, t.lower, 0));
        out.push(key(WORD_CASED, t.cased, 0));
        out.push(key(SHAPE, t.shape, caps as u64));
        out.push(key(LONG_SHAPE, t.long_shape, 0));
        for k in 0..4 {
            if t.prefix[k] != 0 {
                out.push(key(PREFIX + k as u32, t.prefix[k], 0));
            }
            if t.suffix[k] != 0 {
                out.push(key(SUFFIX + k as u32, t.suffix[k], 0));
            }
        }
        if caps {
            out.push(key(CAPS_WORD, t.lower, 0));
        }
        let f0 = t.class.map_or(0xfffe, |c| c.0 as u64);
        let c0 = t.class.map_or(0xfe, |c| c.1 as u64);
        out.push(key(CLASS, f0, 0));
        out.push(key(CLASS_COARSE, c0, 0));
        out.push(key(CLASS_SHAPE, f0, t.shape));
    }

    /// The keys of token `i` that depend on its neighbours, its place, the
    /// lists' matches around it and the document (appended).
    pub fn context_features(
        &self,
        toks: &[TokInfo],
        i: usize,
        sentence: SentInfo,
        doc: &DocStats,
        out: &mut Vec<u32>,
    ) {
        let caps = sentence.caps;
        let t = &toks[i];
        let at = |j: isize| -> Option<&TokInfo> {
            if j < 0 {
                None
            } else {
                toks.get(j as usize)
            }
        };
        let ii = i as isize;
        let lw = |j: isize| at(j).map_or(if j < 0 { PAD } else { PAD_END }, |t| t.lower);
        let cw = |j: isize| at(j).map_or(if j < 0 { PAD } else { PAD_END }, |t| t.cased);
        let sh = |j: isize| at(j).map_or(if j < 0 { PAD } else { PAD_END }, |t| t.shape);
        out.push(key(WORD_M1, lw(ii - 1), 0));
        out.push(key(WORD_P1, lw(ii + 1), 0));
        out.push(key(WORD_M2, lw(ii - 2), 0));
        out.push(key(WORD_P2, lw(ii + 2), 0));
        out.push(key(WORD_CASED_M1, cw(ii - 1), 0));
        out.push(key(WORD_CASED_P1, cw(ii + 1), 0));
        out.push(key(SHAPE_M1, sh(ii - 1), 0));
        out.push(key(SHAPE_P1, sh(ii + 1), 0));
        out.push(key(SHAPE_M1_0, sh(ii - 1), t.shape));
        out.push(key(SHAPE_0_P1, t.shape, sh(ii + 1)));
        if i == 0 {
            out.push(key(FIRST_SHAPE, t.shape, 0));
        }
        out.push(key(BIGRAM_M1, lw(ii - 1), t.lower));
        out.push(key(BIGRAM_P1, t.lower, lw(ii + 1)));
        out.push(key(WORD_M1_SHAPE, lw(ii - 1), t.shape));
        out.push(key(SHAPE_P1_WORD_P1, t.shape, lw(ii + 1)));
        // Word classes; unknown words have class "none", itself informative.
        let fine =
            |t: Option<&TokInfo>| t.map_or(0xffff, |t| t.class.map_or(0xfffe, |c| c.0 as u64));
        let coarse = |t: Option<&TokInfo>| t.map_or(0xff, |t| t.class.map_or(0xfe, |c| c.1 as u64));
        let (f0, c0) = (fine(Some(t)), coarse(Some(t)));
        out.push(key(CLASS_M1, fine(at(ii - 1)), 0));
        out.push(key(CLASS_P1, fine(at(ii + 1)), 0));
        out.push(key(COARSE_M1_0, coarse(at(ii - 1)), c0));
        out.push(key(COARSE_0_P1, c0, coarse(at(ii + 1))));
        if sentence.numeric > 0 {
            let place = (t.gaz[PLACE] | t.gaz[COUNTRY]) != 0;
            out.push(key(NUMERIC_SENTENCE, sentence.numeric as u64, t.shape));
            out.push(key(
                NUMERIC_PLACE,
                sentence.numeric as u64 * 2 + place as u64,
                t.shape,
            ));
            out.push(key(NUMERIC_CLASS, sentence.numeric as u64, f0));
        }
        for g in 0..GAZ_KINDS {
            if t.gaz[g] != 0 {
                out.push(key(GAZ, g as u64, t.gaz[g] as u64));
                out.push(key(GAZ_WORD, g as u64 * 8 + t.gaz[g] as u64, t.shape));
            }
            if let Some(m) = at(ii - 1).filter(|m| m.gaz[g] != 0) {
                out.push(key(GAZ_M1, g as u64, m.gaz[g] as u64));
            }
            if let Some(n) = at(ii + 1).filter(|n| n.gaz[g] != 0) {
                out.push(key(GAZ_P1, g as u64, n.gaz[g] as u64));
            }
        }
        if t.flags & HAS_LETTER != 0 && t.flags & LOWER == 0 {
            let lower_seen = doc.lower_seen.contains_key(&t.lower);
            let capital = doc.capital_mid.contains_key(&t.lower);
            out.push(key(DOC_LOWER, lower_seen as u64, (i == 0 || caps) as u64));
            out.push(key(DOC_CAPITAL, capital as u64, (i == 0 || caps) as u64));
            match doc.history.get(&t.lower) {
                Some(h) => {
                    let total: u32 = h.iter().map(|&c| c as u32).sum();
                    for (k, &c) in h.iter().enumerate() {
                        if c > 0 {
                            let share = (c as u32 * 4 / total.max(1)) as u64;
                            out.push(key(HISTORY, k as u64, share));
                        }
                    }
                }
                None => out.push(key(HISTORY_NONE, 0, 0)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first pass's hash and flags are the full reading's.
    #[test]
    fn lower_and_flags_as_the_full_reading() {
        let words = [
            "",
            "a",
            "A",
            "Obama",
            "NATO",
            "iPhone",
            "U.S.",
            "3",
            "3rd",
            "O'Brien",
            "Jean-Claude",
            "ÉTÉ",
            "été",
            "Ünal",
            "ΑΘΗΝΑ",
            "’s",
            "--",
            "ﬁnance",
            "McDONALD",
            "x86",
        ];
        for w in words {
            let t = TokInfo::new(w);
            assert_eq!(TokInfo::lower_and_flags(w), (t.lower, t.flags), "{w}");
        }
    }

    /// The early stop and the ASCII reading change no answer: against the
    /// plain count, on random sentences of capitalised, lower-case, mixed,
    /// short and non-ASCII words.
    #[test]
    fn caps_sentences_as_counted_in_full() {
        fn plain(words: &[&str]) -> bool {
            let (mut n, mut caps) = (0, 0);
            for w in words {
                if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                    n += 1;
                    if !w.chars().any(char::is_lowercase) {
                        caps += 1;
                    }
                }
            }
            n >= 2 && caps * 5 >= n * 4
        }
        let pool = [
            "WASHINGTON",
            "UN",
            "said",
            "The",
            "A",
            "a",
            "--",
            "U.S.",
            "ÉTÉ",
            "été",
            "Ünal",
            "ΑΘΗΝΑ",
            "x",
            "2021",
            "AP",
            "—",
            "NATO",
            "iPhone",
            "É",
            "’S",
            "OK",
        ];
        let mut next = crate::analyze::ner::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..50_000 {
            let len = (next() % 12) as usize;
            let words: Vec<&str> = (0..len)
                .map(|_| pool[(next() % pool.len() as u64) as usize])
                .collect();
            assert_eq!(is_caps_sentence(&words), plain(&words), "{words:?}");
        }
    }

    fn same(a: &TokInfo, b: &TokInfo) -> bool {
        (
            a.cased,
            a.lower,
            a.shape,
            a.long_shape,
            a.prefix,
            a.suffix,
            a.flags,
        ) == (
            b.cased,
            b.lower,
            b.shape,
            b.long_shape,
            b.prefix,
            b.suffix,
            b.flags,
        )
    }

    /// A headline or dateline in capitals: four in five of the words of two
    /// letters or more have no lower-case letter.
    #[test]
    fn sentences_in_capitals() {
        let caps = |s: &str| is_caps_sentence(&s.split(' ').collect::<Vec<_>>());
        assert!(caps("WASHINGTON (AP) — U.S. TROOPS LEAVE"));
        assert!(
            caps("ÉTATS-UNIS : LA GRÈVE CONTINUE"),
            "letters beyond ASCII"
        );
        assert!(!caps("Washington (AP) — U.S. troops leave"));
        assert!(!caps("ÉTATS-UNIS : la grève continue"));
        assert!(!caps("A I"), "one-letter words do not count");
        assert!(caps("PARIS, France: TALKS END TODAY"), "four in five");
        assert!(!caps("PARIS, France: Talks END TODAY"));
    }

    /// The one-pass hashing of ASCII words gives exactly the general path's
    /// hashes (the model was trained with those): on chosen words and on
    /// many random strings over letters, digits, punctuation and NUL.
    #[test]
    fn ascii_words_hash_as_the_general_path() {
        let chosen = [
            "",
            "a",
            "I",
            "Biden",
            "U.S.",
            "NATO",
            "McDonald's",
            "2021",
            "3-2",
            "e-mail",
            "Jean-Claude",
            "x",
            "ABCDEFGHIJKLMNOP",
            "aaaaaaaaaaaaaaa",
            "\0",
            "\0a",
            "--",
        ];
        let alphabet = b"aZzQ09.-'\0 _\"&A1b";
        let mut next = super::super::xorshift(0x2545_f491_4f6c_dd1d);
        let mut words: Vec<String> = chosen.iter().map(|w| w.to_string()).collect();
        for _ in 0..5000 {
            let len = (next() % 18) as usize;
            let w: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize] as char)
                .collect();
            words.push(w);
        }
        for w in &words {
            assert!(
                same(&TokInfo::new_ascii(w.as_bytes()), &TokInfo::new_any(w)),
                "{w:?}"
            );
        }
    }
}
