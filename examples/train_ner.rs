//! Trains the entity tagger on CoNLL-2003 and writes `data/ner/model.bin`.
//!
//! ```text
//! cargo run --release --example train_ner -- [--corpus DIR] [--epochs N]
//!     [--cutoff N] [--prune X] [--unit N] [--beam N] [--train-beam N]
//!     [--out FILE]
//! ```
//!
//! The defaults are the shipped model's: 12 epochs, every feature seen once,
//! weights in units of 1/500 of the largest, trained and decoded with a beam
//! of `ner::BEAM` (early update).
//!
//! `make train-ner` runs it. It trains on `eng.train` only, reports exact-span
//! F1 on `eng.testa` after each epoch (for PER, ORG, LOC, as the benchmark
//! scores it), and keeps the epoch count it was given: the development set is
//! for looking, not for choosing weights. The corpus is research data and is
//! never copied into the repository; the model (weights over hashed features)
//! is what ships.

use article_lens::analyze::ner::{
    features::{Extractor, FEATURE_VERSION},
    gazetteer,
    model::Model,
    tag_document_beam,
    tags::{self, Tag, N_TAGS},
    Scorer,
};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// A CoNLL document: sentences of (word, label).
type Doc = Vec<Vec<(String, Tag)>>;

fn read_conll(path: &PathBuf) -> Vec<Doc> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut docs: Vec<Doc> = vec![Vec::new()];
    let mut words: Vec<String> = Vec::new();
    let mut raw: Vec<String> = Vec::new();
    let flush = |docs: &mut Vec<Doc>, words: &mut Vec<String>, raw: &mut Vec<String>| {
        if !words.is_empty() {
            let r: Vec<&str> = raw.iter().map(String::as_str).collect();
            let tags = tags::encode(words.len(), &tags::conll_spans(&r));
            let sent = std::mem::take(words).into_iter().zip(tags).collect();
            docs.last_mut().unwrap().push(sent);
            raw.clear();
        }
    };
    for line in text.lines().chain(std::iter::once("")) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            flush(&mut docs, &mut words, &mut raw);
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            flush(&mut docs, &mut words, &mut raw);
            if !docs.last().unwrap().is_empty() {
                docs.push(Vec::new());
            }
            continue;
        }
        words.push(cols[0].to_string());
        raw.push(cols[cols.len() - 1].to_string());
    }
    docs.retain(|d| !d.is_empty());
    docs
}

/// Averaged perceptron weights (Collins 2002), averaged lazily: each weight
/// remembers when it last changed.
struct Trainer {
    index: HashMap<u32, usize>,
    allowed: HashSet<u32>,
    w: Vec<[f32; N_TAGS]>,
    total: Vec<[f64; N_TAGS]>,
    stamp: Vec<[u32; N_TAGS]>,
    t: u32,
}

impl Scorer for Trainer {
    fn scores(&mut self, features: &[u32]) -> [f32; N_TAGS] {
        self.t += 1;
        let mut s = [0f32; N_TAGS];
        for f in features {
            if let Some(&r) = self.index.get(f) {
                for (s, w) in s.iter_mut().zip(&self.w[r]) {
                    *s += w;
                }
            }
        }
        s
    }

    fn update(&mut self, features: &[u32], tag: Tag, delta: f32) {
        for f in features {
            if !self.allowed.contains(f) {
                continue;
            }
            let r = *self.index.entry(*f).or_insert_with(|| {
                self.w.push([0.0; N_TAGS]);
                self.total.push([0.0; N_TAGS]);
                self.stamp.push([0; N_TAGS]);
                self.w.len() - 1
            });
            let c = tag.index();
            self.total[r][c] += (self.t - self.stamp[r][c]) as f64 * self.w[r][c] as f64;
            self.stamp[r][c] = self.t;
            self.w[r][c] += delta;
        }
    }
}

impl Trainer {
    fn averaged(&self) -> Vec<(u32, [f32; N_TAGS])> {
        let t = self.t.max(1) as f64;
        self.index
            .iter()
            .map(|(&k, &r)| {
                let a = std::array::from_fn(|c| {
                    let tot =
                        self.total[r][c] + (self.t - self.stamp[r][c]) as f64 * self.w[r][c] as f64;
                    (tot / t) as f32
                });
                (k, a)
            })
            .collect()
    }
}

/// Floats scorer for evaluating averaged weights before quantisation.
struct Fixed(HashMap<u32, [f32; N_TAGS]>);
impl Scorer for Fixed {
    fn scores(&mut self, features: &[u32]) -> [f32; N_TAGS] {
        let mut s = [0f32; N_TAGS];
        for f in features {
            if let Some(w) = self.0.get(f) {
                for (s, w) in s.iter_mut().zip(w) {
                    *s += w;
                }
            }
        }
        s
    }
}

/// Exact-span precision, recall and F1 over PER, ORG, LOC (per type too).
fn evaluate<S: Scorer>(ex: &Extractor, docs: &[Doc], scorer: &mut S, beam: usize) -> String {
    let mut tp = [0usize; 3];
    let mut fp = [0usize; 3];
    let mut fneg = [0usize; 3];
    for d in docs {
        let words: Vec<Vec<&str>> = d
            .iter()
            .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
            .collect();
        let pred = tag_document_beam(ex, &words, scorer, None, beam);
        for (s, p) in d.iter().zip(&pred) {
            let gold: Vec<Tag> = s.iter().map(|(_, t)| *t).collect();
            let g: HashSet<_> = tags::spans(&gold).into_iter().filter(|x| x.2 < 3).collect();
            let p: HashSet<_> = tags::spans(p).into_iter().filter(|x| x.2 < 3).collect();
            for x in &p {
                if g.contains(x) {
                    tp[x.2] += 1;
                } else {
                    fp[x.2] += 1;
                }
            }
            for x in g.difference(&p) {
                fneg[x.2] += 1;
            }
            if std::env::var_os("NER_ERRORS").is_some() {
                let text = |a: usize, b: usize| {
                    s[a..b]
                        .iter()
                        .map(|(w, _)| w.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                for x in p.symmetric_difference(&g) {
                    let side = if p.contains(x) { "FP" } else { "FN" };
                    let ctx = text(x.0.saturating_sub(3), (x.1 + 3).min(s.len()));
                    println!(
                        "{side} {} [{}] in: {ctx}",
                        ["PER", "ORG", "LOC"][x.2],
                        text(x.0, x.1)
                    );
                }
            }
        }
    }
    let f = |tp: usize, fp: usize, fneg: usize| {
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fneg).max(1) as f64;
        (
            p,
            r,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    };
    let mut out = String::new();
    for (k, name) in ["PER", "ORG", "LOC"].iter().enumerate() {
        let (p, r, f1) = f(tp[k], fp[k], fneg[k]);
        out += &format!("{name} P {p:.3} R {r:.3} F1 {f1:.3} | ");
    }
    let (p, r, f1) = f(tp.iter().sum(), fp.iter().sum(), fneg.iter().sum());
    out += &format!("all P {p:.3} R {r:.3} F1 {f1:.4}");
    out
}

fn main() {
    let mut corpus = PathBuf::from("../shared/corpus/ner/conll2003");
    let mut epochs = 12;
    let mut cutoff = 1;
    let mut out = PathBuf::from("data/ner/model.bin");
    let mut prune = 0.0f32;
    let mut unit = 500.0f32;
    let mut beam = article_lens::analyze::ner::BEAM;
    let mut train_beam = article_lens::analyze::ner::BEAM;
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().expect("missing value");
        match a.as_str() {
            "--corpus" => corpus = PathBuf::from(val()),
            "--epochs" => epochs = val().parse().expect("--epochs N"),
            "--cutoff" => cutoff = val().parse().expect("--cutoff N"),
            "--out" => out = PathBuf::from(val()),
            "--prune" => prune = val().parse().expect("--prune X"),
            "--unit" => unit = val().parse().expect("--unit N"),
            "--seed" => seed = val().parse().expect("--seed N"),
            "--beam" => beam = val().parse().expect("--beam N"),
            "--train-beam" => train_beam = val().parse().expect("--train-beam N"),
            _ => panic!("unknown argument {a}"),
        }
    }
    if !corpus.join("eng.train").exists() {
        eprintln!(
            "{} has no eng.train: the CoNLL-2003 corpus is not here, nothing to train.",
            corpus.display()
        );
        return;
    }
    let train = read_conll(&corpus.join("eng.train"));
    let dev = read_conll(&corpus.join("eng.testa"));
    let gaz = gazetteer::builtin();
    let ex = Extractor { gaz };
    eprintln!(
        "{} training documents, {} development",
        train.len(),
        dev.len()
    );

    // Features seen fewer than `cutoff` times (with the gold labels as
    // history) are not learned: they are mostly noise, and they are most of
    // the model's size.
    let mut counts: HashMap<u32, u32> = HashMap::new();
    {
        struct Count<'a>(&'a mut HashMap<u32, u32>);
        impl Scorer for Count<'_> {
            fn scores(&mut self, features: &[u32]) -> [f32; N_TAGS] {
                for f in features {
                    *self.0.entry(*f).or_insert(0) += 1;
                }
                [0.0; N_TAGS]
            }
        }
        let mut c = Count(&mut counts);
        for d in &train {
            let words: Vec<Vec<&str>> = d
                .iter()
                .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
                .collect();
            tag_document_beam(&ex, &words, &mut c, None, 1);
        }
    }
    let allowed: HashSet<u32> = counts
        .iter()
        .filter(|(_, &n)| n >= cutoff)
        .map(|(&k, _)| k)
        .collect();
    eprintln!(
        "{} features, {} seen at least {cutoff} times",
        counts.len(),
        allowed.len()
    );

    let mut tr = Trainer {
        index: HashMap::new(),
        allowed,
        w: Vec::new(),
        total: Vec::new(),
        stamp: Vec::new(),
        t: 0,
    };
    let mut order: Vec<usize> = (0..train.len()).collect();
    for epoch in 1..=epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &d in &order {
            let doc = &train[d];
            let words: Vec<Vec<&str>> = doc
                .iter()
                .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
                .collect();
            let gold: Vec<Vec<Tag>> = doc
                .iter()
                .map(|s| s.iter().map(|(_, t)| *t).collect())
                .collect();
            tag_document_beam(&ex, &words, &mut tr, Some(&gold), train_beam);
        }
        let avg = Fixed(tr.averaged().into_iter().collect());
        let mut avg = avg;
        eprintln!(
            "epoch {epoch:2}: dev {}",
            evaluate(&ex, &dev, &mut avg, beam)
        );
    }
    let rows = tr.averaged();
    if std::env::var_os("NER_STATS").is_some() {
        let mut all: Vec<f32> = rows
            .iter()
            .flat_map(|(_, w)| w.iter().map(|v| v.abs()))
            .filter(|v| *v > 0.0)
            .collect();
        all.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let q = |f: f64| all[((all.len() - 1) as f64 * f) as usize];
        eprintln!(
            "nonzero weights {}, max {}, p50 {} p90 {} p99 {} p999 {} p10 {} p1 {}",
            all.len(),
            q(1.0),
            q(0.5),
            q(0.9),
            q(0.99),
            q(0.999),
            q(0.1),
            q(0.01)
        );
    }
    let bytes = Model::encode(&rows, FEATURE_VERSION, prune, unit);
    let model = Model::decode(&bytes).expect("the model just written reads back");
    eprintln!(
        "quantised: {} features, {} bytes; dev {}",
        model.len(),
        bytes.len(),
        evaluate(&ex, &dev, &mut &model, beam)
    );
    // Speed of the tagger alone (features, lists, decoding) with the beam
    // given, and with the others listed in NER_BEAMS ("1,2,8").
    let beams: Vec<usize> = std::iter::once(beam)
        .chain(
            std::env::var("NER_BEAMS")
                .unwrap_or_default()
                .split(',')
                .filter_map(|b| b.parse().ok()),
        )
        .collect();
    for b in beams {
        let words: Vec<Vec<Vec<&str>>> = dev
            .iter()
            .map(|d| {
                d.iter()
                    .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
                    .collect()
            })
            .collect();
        let n: usize = words.iter().flatten().map(Vec::len).sum();
        let t0 = std::time::Instant::now();
        for d in &words {
            std::hint::black_box(tag_document_beam(&ex, d, &mut &model, None, b));
        }
        let secs = t0.elapsed().as_secs_f64();
        eprintln!(
            "beam {b}: {:.0} tokens/s; dev {}",
            n as f64 / secs,
            evaluate(&ex, &dev, &mut &model, b)
        );
    }
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    eprintln!("wrote {}", out.display());
}
