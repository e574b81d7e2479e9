//! The named-entity tagger: an averaged perceptron over hashed features (see
//! [`features`]), decoding left to right with a beam of [`BEAM`] hypotheses
//! under BIO constraints, trained (with the same beam, updating early) on
//! CoNLL-2003 by `examples/train_ner.rs` (`make train-ner`) and compiled into
//! the binary.
//!
//! Why this shape: a perceptron with rich features and gazetteers is within
//! a few points of a CRF, tags half a million tokens a second, and its
//! weights fit in well under a megabyte once quantised. A neural tagger would
//! be a few points better and a hundred times larger and slower. The beam,
//! trained as a beam, scored 1.6 points of F1 above greedy decoding on the
//! development set (0.936 against 0.919, same features); decoding with a beam
//! a model trained greedily is far worse than greedy (0.26), since a greedy
//! model's scores are not comparable across different previous labels.

pub mod features;
pub mod gazetteer;
pub mod model;
pub mod tags;

use features::{DocStats, Extractor, SentInfo, TokInfo};
use tags::{Tag, N_TAGS, START};

/// The trained model, compiled in (`make train-ner` writes it).
const MODEL: &[u8] = include_bytes!("../../../data/ner/model.bin");

/// The compiled-in model, decoded on first use; `None` if it does not match
/// this build's features (then no entities are found, rather than wrong
/// ones — and the test below fails first).
pub fn model() -> Option<&'static model::Model> {
    static M: std::sync::OnceLock<Option<model::Model>> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        model::Model::decode(MODEL)
            .ok()
            .filter(|m| m.feature_version == features::FEATURE_VERSION)
    })
    .as_ref()
}

/// A document's sentences as the tagger reads them, each a list of words.
/// Held lists (training data, tests) are one kind; an article's are cut
/// from its tokens when asked, so that a long text's words are never all
/// held at once (as slices they took 37 MB on 10 MB of text).
pub trait Sentences {
    /// How many sentences there are.
    fn count(&self) -> usize;
    /// At least as many as all the sentences' words (their tokens, say).
    fn words_at_most(&self) -> usize;
    /// Sentence `s`'s words, in place of what `out` held.
    fn words_into<'a>(&'a self, s: usize, out: &mut Vec<&'a str>);
}

impl Sentences for [Vec<&str>] {
    fn count(&self) -> usize {
        self.len()
    }

    fn words_at_most(&self) -> usize {
        self.iter().map(Vec::len).sum()
    }

    fn words_into<'a>(&'a self, s: usize, out: &mut Vec<&'a str>) {
        out.clear();
        out.extend_from_slice(&self[s]);
    }
}

/// Tags a text's sentences with the compiled-in model and lists, giving
/// each sentence's words and labels to `sink` in order.
pub fn tag<D: Sentences + ?Sized>(sentences: &D, sink: impl FnMut(usize, &[&str], Vec<Tag>)) {
    match model() {
        Some(m) => {
            let ex = Extractor {
                gaz: gazetteer::builtin(),
            };
            tag_sentences(&ex, sentences, &mut &*m, None, BEAM, sink);
        }
        None => {
            let mut sink = sink;
            let mut words = Vec::new();
            for s in 0..sentences.count() {
                sentences.words_into(s, &mut words);
                sink(s, &words, vec![Tag::O; words.len()]);
            }
        }
    }
}

/// A xorshift64 generator from `seed` (not 0), for the tests that try
/// thousands of made-up words and weights: reproducible without a crate.
#[cfg(test)]
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}

/// Something that scores a token's features and, when training, learns.
pub trait Scorer {
    /// One score per label.
    fn scores(&mut self, features: &[u32]) -> [f32; N_TAGS];
    /// Adds `delta` to the weights of `features` for label `tag` (training).
    fn update(&mut self, _features: &[u32], _tag: Tag, _delta: f32) {}
    /// Called when the best label was `guess` and the right one `gold`.
    fn learn(&mut self, features: &[u32], gold: Tag, guess: Tag) {
        self.update(features, gold, 1.0);
        self.update(features, guess, -1.0);
    }
}

impl Scorer for &model::Model {
    fn scores(&mut self, features: &[u32]) -> [f32; N_TAGS] {
        let mut s = [0i32; N_TAGS];
        self.score(features, &mut s);
        s.map(|v| v as f32)
    }
}

/// The beam width the compiled-in tagger was trained and decodes with
/// (development F1 of one model trained with beam 4, decoded with beams 1, 2,
/// 3, 4, 6, 8: 0.907, 0.931, 0.934, 0.936, 0.936, 0.936).
pub const BEAM: usize = 4;

/// Up to how many words a document's token features are all held at once
/// (about a hundred bytes a word: 1 MB); beyond, they are made again in the
/// tagging pass, which costs 2% more instructions on an article. Articles
/// run to a few thousand words; at 50,000 a 100 KB text held 19 times its
/// size in features.
const RESIDENT_WORDS: usize = 10_000;

/// Tags a document's sentences (each a list of words) with a beam of the
/// given width (1: greedy), returning each one's labels. Training with a
/// beam (`gold`) updates early, where the right labels first fall out of
/// the beam, and goes on from the right labels.
pub fn tag_document_beam<S: Scorer>(
    ex: &Extractor,
    sentences: &[Vec<&str>],
    scorer: &mut S,
    gold: Option<&[Vec<Tag>]>,
    beam: usize,
) -> Vec<Vec<Tag>> {
    let mut out = Vec::with_capacity(sentences.len());
    tag_sentences(ex, sentences, scorer, gold, beam, |_, _, tags| {
        out.push(tags)
    });
    out
}

/// Tags `sentences` in order, so that each sentence can use what earlier
/// ones were tagged, and gives each one's words and labels to `sink`. With
/// `gold`, the scorer learns from every wrong label (training); the labels
/// given are always the scorer's own.
fn tag_sentences<S: Scorer, D: Sentences + ?Sized>(
    ex: &Extractor,
    sentences: &D,
    scorer: &mut S,
    gold: Option<&[Vec<Tag>]>,
    beam: usize,
    mut sink: impl FnMut(usize, &[&str], Vec<Tag>),
) {
    let n = sentences.count();
    let mut info: Vec<SentInfo> = Vec::with_capacity(n);
    // The features' view of each word is about a hundred bytes: an
    // article's are kept from the first pass (statistics of the whole
    // document) to the second (tagging); a longer text's are made again
    // in the second, so that memory does not grow a hundredfold with the
    // text. Either way they are the same.
    let resident = sentences.words_at_most() <= RESIDENT_WORDS;
    let mut toks: Vec<Vec<TokInfo>> = Vec::new();
    let mut doc = DocStats::default();
    let mut words = Vec::with_capacity(64);
    for s in 0..n {
        sentences.words_into(s, &mut words);
        info.push(SentInfo::new(&words));
        if resident {
            let t = ex.sentence(&words);
            doc.add_sentence(&t, info[s]);
            toks.push(t);
        } else {
            // The statistics read only a word's lower-case hash and case,
            // not the lists: they are looked up in the second pass.
            doc.add_words(words.iter().map(|w| TokInfo::lower_and_flags(w)), info[s]);
        }
    }
    let mut feats = Vec::with_capacity(64);
    let mut dec = Beam::default();
    for s in 0..n {
        sentences.words_into(s, &mut words);
        let again;
        let sent: &[TokInfo] = if resident {
            &toks[s]
        } else {
            again = ex.sentence(&words);
            &again
        };
        let g = gold
            .and_then(|g| g.get(s))
            .filter(|g| g.len() == sent.len());
        let tags = if beam <= 1 {
            greedy(ex, sent, info[s], &doc, scorer, g, &mut feats)
        } else {
            dec.decode(ex, sent, info[s], &doc, scorer, g, beam)
        };
        for (start, end, kind) in tags::spans(&tags) {
            doc.remember(&sent[start..end], kind);
        }
        sink(s, &words, tags);
    }
}

/// The best label of a token given its scores and the label before it.
#[inline]
fn best_label(scores: &[f32; N_TAGS], prev: Tag, last: bool) -> Tag {
    let mut best = Tag::O;
    let mut best_score = f32::NEG_INFINITY;
    for (k, &sc) in scores.iter().enumerate() {
        let t = Tag::from_index(k);
        if sc > best_score && t.may_follow(prev) && (!last || t.may_end()) {
            best = t;
            best_score = sc;
        }
    }
    best
}

/// Greedy left-to-right labelling of one sentence.
fn greedy<S: Scorer>(
    ex: &Extractor,
    sent: &[TokInfo],
    info: SentInfo,
    doc: &DocStats,
    scorer: &mut S,
    gold: Option<&Vec<Tag>>,
    feats: &mut Vec<u32>,
) -> Vec<Tag> {
    let mut tags: Vec<Tag> = Vec::with_capacity(sent.len());
    for i in 0..sent.len() {
        let prev = if i > 0 { tags[i - 1] } else { START };
        let prev2 = if i > 1 { tags[i - 2] } else { START };
        ex.features(sent, i, prev, prev2, info, doc, feats);
        let scores = scorer.scores(feats);
        let best = best_label(&scores, prev, i + 1 == sent.len());
        if let Some(g) = gold.map(|g| g[i]) {
            if g != best {
                scorer.learn(feats, g, best);
            }
        }
        tags.push(best);
    }
    tags
}

/// One hypothesis in the beam: its score, its last two labels, the
/// hypothesis it extends (index into the previous step), and whether it is
/// the right labelling so far.
#[derive(Debug, Clone, Copy)]
struct Hyp {
    score: f32,
    tag: Tag,
    prev: Tag,
    back: u32,
    gold: bool,
}

/// Up to how many words' [`Extractor::word_features`] scores a document's
/// decoder remembers (about 50 bytes each): the first words met, which in
/// news are nearly all of the frequent ones. 7,168 is what a map of 8,192
/// slots holds (seven eighths): 8,192 words took 16,384 slots, 800 KB in
/// one block, and on 300 KB of text the module's memory grew by it.
const WORD_SCORES: usize = 7168;

/// Reusable buffers of the beam decoder, and the scores it has made that
/// hold for the whole document (while the weights do not change).
///
/// A token's scores are sums of the weights of its features, and sums can
/// be made in parts: the part of the features made from the word alone is
/// the same at each mention of the word, the part of the two labels before
/// it is the same for every token, and the part of the label before it with
/// the word is shared by the hypotheses ending in that label. Each part is
/// scored once and remembered. The model's weights are integers, and their
/// sums (thousands at most) are exact as `f32`s, so adding the parts gives
/// the very scores that scoring all the features at once gave.
#[derive(Default)]
struct Beam {
    steps: Vec<Vec<Hyp>>,
    cands: Vec<Hyp>,
    /// The best [`hyp_key`] of each pair of labels, at (first parent with
    /// the pair's earlier label, label).
    best: Vec<u64>,
    /// The beam's keys being chosen, smallest first.
    top: Vec<u64>,
    stat: Vec<u32>,
    dynf: Vec<u32>,
    /// Scores of [`Extractor::pair_features`], by the two labels.
    pairs: Vec<Option<[f32; N_TAGS]>>,
    /// Scores of [`Extractor::prev_word_features`] of this token, by label.
    prev_word: [Option<[f32; N_TAGS]>; N_TAGS],
    /// Scores of [`Extractor::word_features`], by [`Extractor::word_key`].
    words: features::HashKeyed<[f32; N_TAGS]>,
}

/// A hypothesis's place in the beam as one integer, smaller first: best
/// score first (the order of `f32::total_cmp`, reversed), then the better
/// parent (`back`), then the label. It holds the score's bits, so the
/// hypothesis is made again from it ([`from_hyp_key`]); one integer
/// comparison orders two hypotheses, where comparing the fields in turn
/// made sorting a fifth of the tagger's work.
#[inline]
fn hyp_key(score: f32, back: usize, label: usize) -> u64 {
    let bits = score.to_bits();
    // Ascending with the score, as total_cmp orders: negative numbers
    // flipped whole, positive ones above them.
    let ascending = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    u64::from(!ascending) << 32 | (back as u64) << 8 | label as u64
}

/// The score, parent and label of a [`hyp_key`].
#[inline]
fn from_hyp_key(key: u64) -> (f32, usize, usize) {
    let ascending = !((key >> 32) as u32);
    let bits = if ascending >> 31 == 1 {
        ascending & !(1 << 31)
    } else {
        !ascending
    };
    (
        f32::from_bits(bits),
        (key >> 8 & 0xff_ffff) as usize,
        (key & 0xff) as usize,
    )
}

/// `a + b`, label by label.
#[inline]
fn add(a: &[f32; N_TAGS], b: &[f32; N_TAGS]) -> [f32; N_TAGS] {
    std::array::from_fn(|k| a[k] + b[k])
}

impl Beam {
    #[allow(clippy::too_many_arguments)]
    fn decode<S: Scorer>(
        &mut self,
        ex: &Extractor,
        sent: &[TokInfo],
        info: SentInfo,
        doc: &DocStats,
        scorer: &mut S,
        gold: Option<&Vec<Tag>>,
        width: usize,
    ) -> Vec<Tag> {
        let n = sent.len();
        for s in &mut self.steps {
            s.clear();
        }
        while self.steps.len() < n {
            self.steps.push(Vec::new());
        }
        if self.pairs.is_empty() {
            self.pairs = vec![None; N_TAGS * N_TAGS];
        }
        for i in 0..n {
            self.stat.clear();
            ex.context_features(sent, i, info, doc, &mut self.stat);
            let ss = scorer.scores(&self.stat);
            let wk = Extractor::word_key(&sent[i], info.caps);
            let ws = match self.words.get(&wk) {
                Some(w) => *w,
                None => {
                    self.dynf.clear();
                    Extractor::word_features(&sent[i], info.caps, &mut self.dynf);
                    let w = scorer.scores(&self.dynf);
                    if self.words.len() < WORD_SCORES {
                        self.words.insert(wk, w);
                    }
                    w
                }
            };
            let ss = add(&ss, &ws);
            self.prev_word = [None; N_TAGS];
            let last = i + 1 == n;
            let start = [Hyp {
                score: 0.0,
                tag: START,
                prev: START,
                back: 0,
                gold: true,
            }];
            let (before, rest) = self.steps.split_at_mut(i);
            let parents: &[Hyp] = if i == 0 { &start } else { &before[i - 1] };
            // Hypotheses with the same last two labels have the same future:
            // only the best extension of each pair can enter the beam. A
            // pair is (label, parent's label); the parent's label is named
            // by the first parent that has it, so the best of each pair is
            // kept in `self.best` at (that parent, label), as a key.
            self.best.clear();
            self.best.resize(parents.len() * N_TAGS, u64::MAX);
            for (b, h) in parents.iter().enumerate() {
                let pair = &mut self.pairs[h.tag.index() * N_TAGS + h.prev.index()];
                let ps = *pair.get_or_insert_with(|| {
                    self.dynf.clear();
                    Extractor::pair_features(h.tag, h.prev, &mut self.dynf);
                    scorer.scores(&self.dynf)
                });
                let pw = self.prev_word[h.tag.index()].get_or_insert_with(|| {
                    self.dynf.clear();
                    Extractor::prev_word_features(&sent[i], h.tag, &mut self.dynf);
                    scorer.scores(&self.dynf)
                });
                let ds = add(&ps, pw);
                let first = parents[..b]
                    .iter()
                    .position(|p| p.tag == h.tag)
                    .unwrap_or(b);
                let group = &mut self.best[first * N_TAGS..(first + 1) * N_TAGS];
                for k in 0..N_TAGS {
                    let t = Tag::from_index(k);
                    if !t.may_follow(h.tag) || (last && !t.may_end()) {
                        continue;
                    }
                    let key = hyp_key(h.score + ss[k] + ds[k], b, k);
                    group[k] = group[k].min(key);
                }
            }
            // The beam: the `width` smallest keys, in order (keys are
            // distinct, one parent and label each).
            self.top.clear();
            for &key in &self.best {
                if key == u64::MAX || (self.top.len() == width && key > self.top[width - 1]) {
                    continue;
                }
                let at = self.top.partition_point(|&x| x < key);
                if self.top.len() == width {
                    self.top.pop();
                }
                self.top.insert(at, key);
            }
            self.cands.clear();
            self.cands.extend(self.top.iter().map(|&key| {
                let (score, b, k) = from_hyp_key(key);
                let (h, t) = (&parents[b], Tag::from_index(k));
                Hyp {
                    score,
                    tag: t,
                    prev: h.tag,
                    back: b as u32,
                    gold: h.gold && gold.is_some_and(|g| g[i] == t),
                }
            }));
            let step = &mut rest[0];
            step.extend_from_slice(&self.cands);
            let fell_out = !step.iter().any(|h| h.gold) || (last && !step[0].gold);
            let best_score = step[0].score;
            if let Some(g) = gold.filter(|_| fell_out) {
                {
                    // Early update on the prefix, then go on from the
                    // right labels.
                    let pred = self.path(i, 0);
                    self.update(ex, sent, info, doc, scorer, &g[..=i], &pred);
                    // The weights changed: what was remembered is stale.
                    self.pairs.iter_mut().for_each(|p| *p = None);
                    self.words.clear();
                    let gold_hyp = Hyp {
                        score: best_score,
                        tag: g[i],
                        prev: if i > 0 { g[i - 1] } else { START },
                        back: 0,
                        gold: true,
                    };
                    // Re-root: the previous steps become the gold path.
                    for j in 0..i {
                        self.steps[j].clear();
                        self.steps[j].push(Hyp {
                            score: 0.0,
                            tag: g[j],
                            prev: if j > 0 { g[j - 1] } else { START },
                            back: 0,
                            gold: true,
                        });
                    }
                    self.steps[i].clear();
                    self.steps[i].push(gold_hyp);
                }
            }
        }
        if n == 0 {
            return Vec::new();
        }
        self.path(n - 1, 0)
    }

    /// The labels of hypothesis `h` at step `i`, from the first token.
    fn path(&self, i: usize, mut h: usize) -> Vec<Tag> {
        let mut out = vec![Tag::O; i + 1];
        for j in (0..=i).rev() {
            let hy = self.steps[j][h];
            out[j] = hy.tag;
            h = hy.back as usize;
        }
        out
    }

    /// The perceptron update of the right labels against the predicted ones.
    #[allow(clippy::too_many_arguments)]
    fn update<S: Scorer>(
        &mut self,
        ex: &Extractor,
        sent: &[TokInfo],
        info: SentInfo,
        doc: &DocStats,
        scorer: &mut S,
        gold: &[Tag],
        pred: &[Tag],
    ) {
        let at = |v: &[Tag], j: usize| if j < v.len() { v[j] } else { START };
        for j in 0..gold.len() {
            let (gp, gp2) = (
                if j > 0 { at(gold, j - 1) } else { START },
                if j > 1 { at(gold, j - 2) } else { START },
            );
            let (pp, pp2) = (
                if j > 0 { at(pred, j - 1) } else { START },
                if j > 1 { at(pred, j - 2) } else { START },
            );
            if gold[j] == pred[j] && gp == pp && gp2 == pp2 {
                continue;
            }
            if gold[j] != pred[j] {
                self.stat.clear();
                ex.token_features(sent, j, info, doc, &mut self.stat);
                scorer.learn(&self.stat, gold[j], pred[j]);
            }
            self.dynf.clear();
            ex.tag_features(&sent[j], gp, gp2, &mut self.dynf);
            scorer.update(&self.dynf, gold[j], 1.0);
            self.dynf.clear();
            ex.tag_features(&sent[j], pp, pp2, &mut self.dynf);
            scorer.update(&self.dynf, pred[j], -1.0);
        }
    }
}

/// The words of a sentence as the tagger reads them, as slices of the text,
/// added to `out` (a buffer the caller reuses: the tagger asks for each
/// sentence's words twice): hyphenated compounds are one word
/// ("Jean-Claude", "Austro-Hungarian") and a possessive "'s" is a word of
/// its own, as in the training data.
pub fn words<'t>(text: &'t str, tokens: &[crate::segment::Token], out: &mut Vec<&'t str>) {
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let (mut start, mut end) = (t.start as usize, t.end() as usize);
        // Join "word-word(-word)" written without spaces.
        while i + 2 < tokens.len() {
            let (h, n) = (tokens[i + 1], tokens[i + 2]);
            let hy = &text[h.range()];
            if h.start as usize == end
                && n.start == h.end()
                && hy == "-"
                && n.kind() != crate::segment::TokenKind::Punct
            {
                end = n.end() as usize;
                i += 2;
            } else {
                break;
            }
        }
        let w = &text[start..end];
        let possessive = ["'s", "\u{2019}s", "'S", "\u{2019}S"]
            .iter()
            .find(|p| w.len() > p.len() + 1 && w.ends_with(*p));
        if let Some(p) = possessive {
            let cut = end - p.len();
            out.push(&text[start..cut]);
            start = cut;
        }
        out.push(&text[start..end]);
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys order hypotheses as comparing their fields did (score by
    /// `total_cmp`, best first; then parent; then label), and give back
    /// what they were made of, bit for bit.
    #[test]
    fn hypothesis_keys_order_as_the_fields() {
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        let mut hyps: Vec<(f32, usize, usize)> = Vec::new();
        for j in 0..3000u64 {
            let r = next();
            let score = match j % 4 {
                0 => (r % 2001) as f32 - 1000.0, // sums of integer weights
                1 => f32::from_bits(r as u32),   // any bits, NaNs too
                2 => [
                    0.0,
                    -0.0,
                    f32::INFINITY,
                    f32::NEG_INFINITY,
                    f32::MIN_POSITIVE,
                ][r as usize % 5],
                _ => (r % 7) as f32, // many equal scores
            };
            hyps.push((score, (r >> 40) as usize % 9, (r >> 50) as usize % N_TAGS));
        }
        for &(score, back, label) in &hyps {
            let (s2, b2, l2) = from_hyp_key(hyp_key(score, back, label));
            assert_eq!((s2.to_bits(), b2, l2), (score.to_bits(), back, label));
        }
        for w in hyps.windows(2) {
            let (a, b) = (w[0], w[1]);
            let fields = b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2));
            let keys = hyp_key(a.0, a.1, a.2).cmp(&hyp_key(b.0, b.1, b.2));
            assert_eq!(keys, fields, "{a:?} {b:?}");
        }
    }

    #[test]
    fn the_compiled_model_matches_the_features() {
        let m = model().expect(
            "data/ner/model.bin decodes and was trained with these features: run make train-ner",
        );
        assert!(m.len() > 10_000);
    }

    /// [`tag`]'s labels of each sentence, checking that it gives every
    /// sentence once, in order, with its own words.
    fn tag_all(sents: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        let mut out = Vec::new();
        tag(sents, |s, words, tags| {
            assert_eq!((s, words), (out.len(), &sents[s][..]));
            out.push(tags);
        });
        out
    }

    #[test]
    fn held_and_remade_features_tag_alike() {
        // Past RESIDENT_WORDS words the features are made again in the
        // tagging pass: the same labels. The padding has no letters, so it
        // adds nothing to the document's statistics.
        let text = "Chancellor Angela Merkel met officials of Siemens in Munich . \
                    Merkel said Siemens would stay . The talks in Munich ended .";
        let sents: Vec<Vec<&str>> = text
            .split(" . ")
            .map(|s| s.split(' ').chain(["."]).collect())
            .collect();
        let short = tag_all(&sents);
        assert!(short.iter().flatten().any(|t| *t != Tag::O));
        let mut padded = sents.clone();
        padded.extend(std::iter::repeat_n(
            vec!["1"; 100],
            RESIDENT_WORDS / 100 + 1,
        ));
        let long = tag_all(&padded);
        assert_eq!(long[..sents.len()], short[..]);
    }

    /// The decoder scores a token's features in parts and adds the parts
    /// (`Beam`): the parts are all the features, and their scores add up to
    /// the score of all of them at once, exactly.
    #[test]
    fn scores_in_parts_add_up_to_the_whole() {
        let m = &mut model().unwrap();
        let ex = Extractor {
            gaz: gazetteer::builtin(),
        };
        let words: Vec<&str> =
            "WASHINGTON — Secretary Blinken told NATO's 32 allies in Brussels on Monday ."
                .split(' ')
                .collect();
        let toks = ex.sentence(&words);
        let info = SentInfo::new(&words);
        let doc = DocStats::new(std::slice::from_ref(&toks), &[info]);
        let mut all = Vec::new();
        for i in 0..toks.len() {
            for (p, p2) in [
                (Tag::O, Tag::O),
                (Tag::from_index(1), Tag::O),
                (Tag::from_index(2), Tag::from_index(1)),
            ] {
                ex.features(&toks, i, p, p2, info, &doc, &mut all);
                let whole = m.scores(&all);
                let mut parts = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
                Extractor::word_features(&toks[i], info.caps, &mut parts[0]);
                ex.context_features(&toks, i, info, &doc, &mut parts[1]);
                Extractor::pair_features(p, p2, &mut parts[2]);
                Extractor::prev_word_features(&toks[i], p, &mut parts[3]);
                let n: usize = parts.iter().map(Vec::len).sum();
                let sum = parts
                    .iter()
                    .fold([0f32; N_TAGS], |sum, part| add(&sum, &m.scores(part)));
                assert_eq!(n, all.len(), "the parts are all the features");
                assert_eq!(sum, whole, "token {i} after {p:?} {p2:?}");
                assert!(whole.iter().any(|&s| s != 0.0));
            }
        }
    }

    #[test]
    fn tags_names_in_a_sentence() {
        let s: Vec<&str> =
            "Chancellor Angela Merkel met officials of Siemens in Munich on Tuesday ."
                .split(' ')
                .collect();
        let tags = tag_all(std::slice::from_ref(&s));
        let names: Vec<(String, &str)> = tags::spans(&tags[0])
            .into_iter()
            .map(|(a, b, k)| (s[a..b].join(" "), tags::TYPE_NAMES[k]))
            .collect();
        assert_eq!(
            names,
            [
                ("Angela Merkel".to_string(), "PER"),
                ("Siemens".to_string(), "ORG"),
                ("Munich".to_string(), "LOC")
            ]
        );
    }

    #[test]
    fn odd_sentences_get_one_label_a_word() {
        let long: Vec<&str> = ["Smith", ",", "Jones", "and", "O'Brien"]
            .into_iter()
            .cycle()
            .take(50_000)
            .collect();
        let sents: Vec<Vec<&str>> = vec![
            vec![],
            vec!["東京", "で", "会議"],
            "PRESIDENT JOE BIDEN MET VLADIMIR PUTIN"
                .split(' ')
                .collect(),
            "no capitals in this sentence at all".split(' ').collect(),
            long,
        ];
        let tags = tag_all(&sents);
        for (s, t) in sents.iter().zip(&tags) {
            assert_eq!(s.len(), t.len());
        }
        assert!(tags[0].is_empty() && tags[1].iter().all(|t| *t == Tag::O));
    }

    #[test]
    fn words_join_compounds_and_split_possessives() {
        let text = "Jean-Claude Juncker met Biden's aide in the U.S. on 2-3 May.";
        let mut toks = Vec::new();
        crate::segment::tokenize(text, 0..text.len(), &mut toks);
        let mut ws = vec!["(kept)"];
        words(text, &toks, &mut ws);
        assert_eq!(ws.remove(0), "(kept)");
        assert_eq!(
            ws,
            [
                "Jean-Claude",
                "Juncker",
                "met",
                "Biden",
                "'s",
                "aide",
                "in",
                "the",
                "U.S.",
                "on",
                "2-3",
                "May",
                "."
            ]
        );
    }
}
