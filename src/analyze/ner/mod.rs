//! The named-entity tagger: an averaged perceptron over hashed features (see
//! [`features`]), decoding greedily left to right with BIO constraints, trained
//! on CoNLL-2003 by `examples/train_ner.rs` (`make train-ner`) and compiled
//! into the binary.
//!
//! Why this shape: a greedy perceptron with rich features and gazetteers is
//! within a few points of a CRF, tags a million tokens a second, and its
//! weights fit in well under a megabyte once quantised. A neural tagger would
//! be a few points better and a hundred times larger and slower.

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

/// Tags a whole text's sentences (each a list of words) with the compiled-in
/// model and lists.
pub fn tag(sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
    match model() {
        Some(m) => {
            let ex = Extractor {
                gaz: gazetteer::builtin(),
            };
            tag_document(&ex, sentences, &mut &*m, None)
        }
        None => sentences.iter().map(|s| vec![Tag::O; s.len()]).collect(),
    }
}

/// Something that scores a token's features and, when training, learns.
pub trait Scorer {
    /// One score per label.
    fn scores(&mut self, features: &[u32]) -> [f32; N_TAGS];
    /// Called when the best label was `guess` and the right one `gold`.
    fn learn(&mut self, _features: &[u32], _gold: Tag, _guess: Tag) {}
}

impl Scorer for &model::Model {
    fn scores(&mut self, features: &[u32]) -> [f32; N_TAGS] {
        let mut s = [0i32; N_TAGS];
        self.score(features, &mut s);
        s.map(|v| v as f32)
    }
}

/// Tags a document's sentences (each a list of words), in order, so that
/// each sentence can use what earlier ones were tagged. With `gold`, the
/// scorer learns from every wrong label (training); the labels returned are
/// always the scorer's own.
pub fn tag_document<S: Scorer>(
    ex: &Extractor,
    sentences: &[Vec<&str>],
    scorer: &mut S,
    gold: Option<&[Vec<Tag>]>,
) -> Vec<Vec<Tag>> {
    let toks: Vec<Vec<TokInfo>> = sentences.iter().map(|s| ex.sentence(s)).collect();
    let info: Vec<SentInfo> = sentences.iter().map(|s| SentInfo::new(s)).collect();
    let caps: Vec<bool> = info.iter().map(|s| s.caps).collect();
    let mut doc = DocStats::new(&toks, &caps);
    tag_pass(ex, &toks, &info, &mut doc, scorer, gold)
}

/// One left-to-right pass over a document.
fn tag_pass<S: Scorer>(
    ex: &Extractor,
    toks: &[Vec<TokInfo>],
    info: &[SentInfo],
    doc: &mut DocStats,
    scorer: &mut S,
    gold: Option<&[Vec<Tag>]>,
) -> Vec<Vec<Tag>> {
    let mut feats = Vec::with_capacity(64);
    let mut out = Vec::with_capacity(toks.len());
    for (s, sent) in toks.iter().enumerate() {
        let mut tags: Vec<Tag> = Vec::with_capacity(sent.len());
        for i in 0..sent.len() {
            let prev = if i > 0 { tags[i - 1] } else { START };
            let prev2 = if i > 1 { tags[i - 2] } else { START };
            ex.features(sent, i, prev, prev2, info[s], doc, &mut feats);
            let scores = scorer.scores(&feats);
            let mut best = Tag::O;
            let mut best_score = f32::NEG_INFINITY;
            for (k, &sc) in scores.iter().enumerate() {
                let t = Tag::from_index(k);
                if sc > best_score && t.may_follow(prev) && (i + 1 < sent.len() || t.may_end()) {
                    best = t;
                    best_score = sc;
                }
            }
            if let Some(g) = gold.and_then(|g| g.get(s)).and_then(|g| g.get(i)) {
                if *g != best {
                    scorer.learn(&feats, *g, best);
                }
            }
            tags.push(best);
        }
        for (start, end, kind) in tags::spans(&tags) {
            doc.remember(&sent[start..end], kind);
        }
        out.push(tags);
    }
    out
}

/// The words of a sentence as the tagger reads them, as byte ranges of the
/// text: hyphenated compounds are one word ("Jean-Claude", "Austro-Hungarian")
/// and a possessive "'s" is a word of its own, as in the training data.
pub fn words(text: &str, tokens: &[crate::segment::Token]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let (mut start, mut end) = (t.start as usize, t.end as usize);
        // Join "word-word(-word)" written without spaces.
        while i + 2 < tokens.len() {
            let (h, n) = (tokens[i + 1], tokens[i + 2]);
            let hy = &text[h.start as usize..h.end as usize];
            if h.start as usize == end
                && n.start == h.end
                && hy == "-"
                && n.kind != crate::segment::TokenKind::Punct
            {
                end = n.end as usize;
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
            out.push((start, cut));
            start = cut;
        }
        out.push((start, end));
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_model_matches_the_features() {
        let m = model().expect(
            "data/ner/model.bin decodes and was trained with these features: run make train-ner",
        );
        assert!(m.len() > 10_000);
    }

    #[test]
    fn tags_names_in_a_sentence() {
        let s: Vec<&str> =
            "Chancellor Angela Merkel met officials of Siemens in Munich on Tuesday ."
                .split(' ')
                .collect();
        let tags = tag(std::slice::from_ref(&s));
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
    fn words_join_compounds_and_split_possessives() {
        let text = "Jean-Claude Juncker met Biden's aide in the U.S. on 2-3 May.";
        let mut toks = Vec::new();
        crate::segment::tokenize(text, 0..text.len(), &mut toks);
        let ws: Vec<&str> = words(text, &toks)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
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
