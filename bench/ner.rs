//! Named entities, natively, on CoNLL-2003 `eng.testa` (the development set,
//! never trained on; `ner/conll2003/` in `../shared/corpus`): exact span and
//! type precision / recall / F1 for PER, ORG and LOC, per type and
//! micro-averaged over the three (MISC ignored), and tokens per second.
//!
//! One text per CoNLL document: each sentence's tokens joined by single
//! spaces, sentences as paragraphs ("\n\n" between them), analysed with
//! `raw: true, kind: text` so that `analysis.text` is the input and the
//! mentions' UTF-16 offsets refer to it. Each mention of an entity is a
//! predicted span: PERSON → PER, ORG → ORG, PLACE → LOC (GROUP ignored).
//! The rules are those of `bench/ner-score.js` (the side-by-side run against
//! compromise in Chromium, `bench/ner.mjs`), written again here.
//!
//!   cargo bench --profile release --bench ner -- [CORPUS_DIR]
//!
//! Prints a Markdown table and saves it to `bench/results/ner-native.md`;
//! every document's false positives and false negatives, each with its text,
//! type and why, go to `bench/results/ner-misses.json` (not committed: it
//! quotes the corpus).

use article_lens::{analyze, analyze_timed, Analysis, InputKind, Options};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::time::Instant;

#[path = "common.rs"]
mod common;

const TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

/// The alignment rule, as `RULE` in `bench/ner-score.js`.
const RULE: &str = "A predicted span is trimmed of whitespace; a boundary inside a token moves to the token's edge when the part left out holds no letter or digit (\"Corp\" in \"Corp.\"); a span still not on token edges matches nothing (a false positive). A last token \"'s\" or \"'\" (the possessive, a CoNLL token of its own, which the gold keeps in a few names such as \"Lord 's\") is left out of both predicted and gold spans before comparing. Then exact match of first token, last token and type; the same span and type predicted twice counts once.";

/// Possessive tokens, left out at the end of a span before comparing.
const POSSESSIVE: [&str; 5] = ["'s", "'", "\u{2019}s", "\u{2019}", "'S"];

/// Timed passes over all documents: at least this many, and at least
/// `MIN_SECONDS` of them (a pass is a few tens of milliseconds natively).
const MIN_RUNS: usize = 3;
const MIN_SECONDS: f64 = 1.0;

/// A token range `[start, end)` with its type (gold, or predicted and aligned).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Span {
    start: usize,
    end: usize,
    kind: &'static str,
}

struct Doc {
    /// The text as UTF-16 units: the offsets the analysis gives count these.
    units: Vec<u16>,
    text: String,
    /// Each token's `[start, end)` in UTF-16 units.
    tokens: Vec<(usize, usize)>,
    sentences: usize,
    /// Every type, MISC too (the misses say when a prediction hit one).
    gold: Vec<Span>,
}

fn kind_of(tag: &str) -> &'static str {
    match tag {
        "PER" => "PER",
        "ORG" => "ORG",
        "LOC" => "LOC",
        "MISC" => "MISC",
        _ => "OTHER",
    }
}

/// CoNLL-2003 (`token POS chunk tag`, IOB1) into documents; `-DOCSTART-`
/// lines separate documents, blank lines sentences.
fn parse_conll(conll: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut sentences: Vec<Vec<(&str, &str)>> = Vec::new();
    let mut sentence = Vec::new();
    for line in conll.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.first() {
            None => {
                if !sentence.is_empty() {
                    sentences.push(std::mem::take(&mut sentence));
                }
            }
            Some(&"-DOCSTART-") => {
                if !sentence.is_empty() {
                    sentences.push(std::mem::take(&mut sentence));
                }
                if !sentences.is_empty() {
                    docs.push(build_document(&std::mem::take(&mut sentences)));
                }
            }
            Some(word) => sentence.push((*word, *fields.last().unwrap_or(&"O"))),
        }
    }
    if !sentence.is_empty() {
        sentences.push(sentence);
    }
    if !sentences.is_empty() {
        docs.push(build_document(&sentences));
    }
    docs
}

fn build_document(sentences: &[Vec<(&str, &str)>]) -> Doc {
    let mut text = String::new();
    let mut units = 0usize;
    let mut tokens = Vec::new();
    let mut gold: Vec<Span> = Vec::new();
    for sentence in sentences {
        if !text.is_empty() {
            text.push_str("\n\n");
            units += 2;
        }
        // The entity being read: its index in `gold`.
        let mut open: Option<usize> = None;
        for (i, (word, tag)) in sentence.iter().enumerate() {
            if i > 0 {
                text.push(' ');
                units += 1;
            }
            let len = word.encode_utf16().count();
            tokens.push((units, units + len));
            text.push_str(word);
            units += len;
            let index = tokens.len() - 1;
            // IOB1: an entity starts at B-X, or at I-X after anything but X.
            let Some((bio, kind)) = tag.split_once('-') else {
                open = None;
                continue;
            };
            let kind = kind_of(kind);
            match open {
                Some(o) if bio != "B" && gold[o].kind == kind => gold[o].end = index + 1,
                _ => {
                    gold.push(Span {
                        start: index,
                        end: index + 1,
                        kind,
                    });
                    open = Some(gold.len() - 1);
                }
            }
        }
    }
    Doc {
        units: text.encode_utf16().collect(),
        text,
        tokens,
        sentences: sentences.len(),
        gold,
    }
}

impl Doc {
    fn slice(&self, start: usize, end: usize) -> String {
        String::from_utf16_lossy(&self.units[start..end])
    }

    fn token_text(&self, start: usize, end: usize) -> String {
        self.slice(self.tokens[start].0, self.tokens[end - 1].1)
    }

    /// The first token whose end is past `at`.
    fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.1 <= at)
    }

    /// A predicted span in UTF-16 units → a token range, or `None` when it
    /// is not on token edges (RULE).
    fn align(&self, mut start: usize, mut end: usize) -> Option<(usize, usize)> {
        if end > self.units.len() {
            return None;
        }
        let space = |u: u16| char::from_u32(u as u32).is_some_and(char::is_whitespace);
        while start < end && space(self.units[start]) {
            start += 1;
        }
        while end > start && space(self.units[end - 1]) {
            end -= 1;
        }
        if start >= end {
            return None;
        }
        let (first, last) = (self.token_at(start), self.token_at(end - 1));
        let (a, b) = (*self.tokens.get(first)?, *self.tokens.get(last)?);
        if start < a.0 || end - 1 < b.0 {
            return None;
        }
        let word_char = |s: &[u16]| {
            char::decode_utf16(s.iter().copied()).any(|c| c.is_ok_and(char::is_alphanumeric))
        };
        if word_char(&self.units[a.0..start]) || word_char(&self.units[end..b.1]) {
            return None;
        }
        Some((first, last + 1))
    }

    /// A token range without a last possessive token: what is compared.
    fn core(&self, start: usize, end: usize) -> (usize, usize) {
        let last = self.tokens[end - 1];
        let drop = end - start > 1 && POSSESSIVE.contains(&self.slice(last.0, last.1).as_str());
        (start, if drop { end - 1 } else { end })
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        common::prf(self.tp, self.tp + self.fp, self.tp + self.fn_)
    }
}

type Totals = BTreeMap<&'static str, Counts>;

fn totals() -> Totals {
    TYPES.iter().map(|t| (*t, Counts::default())).collect()
}

fn overall(t: &Totals) -> Counts {
    t.values().fold(Counts::default(), |a, c| Counts {
        tp: a.tp + c.tp,
        fp: a.fp + c.fp,
        fn_: a.fn_ + c.fn_,
    })
}

/// A false positive or a false negative, for the misses file.
#[derive(Serialize)]
struct Miss {
    #[serde(rename = "type")]
    kind: &'static str,
    text: String,
    why: String,
}

/// One document's entry in the misses file.
#[derive(Serialize)]
struct DocumentMisses<'a> {
    document: usize,
    begins: String,
    false_positives: &'a [Miss],
    false_negatives: &'a [Miss],
}

#[derive(Default)]
struct Misses {
    fp: Vec<Miss>,
    fn_: Vec<Miss>,
    unaligned: usize,
}

/// Scores one document's predictions (UTF-16 spans with a type) into
/// `total`; returns its misses.
fn score_document(
    doc: &Doc,
    predicted: &[(usize, usize, &'static str)],
    total: &mut Totals,
) -> Misses {
    let key = |s: &Span| {
        let (a, b) = doc.core(s.start, s.end);
        (a, b, s.kind)
    };
    let span_key = |s: &Span| {
        let (a, b) = doc.core(s.start, s.end);
        (a, b)
    };
    let gold: Vec<&Span> = doc
        .gold
        .iter()
        .filter(|g| TYPES.contains(&g.kind))
        .collect();
    let gold_keys: HashSet<_> = gold.iter().map(|g| key(g)).collect();
    let mut misses = Misses::default();
    let mut seen = HashSet::new();
    let mut seen_unaligned = HashSet::new();
    let mut aligned = Vec::new();
    for &(start, end, kind) in predicted {
        if !TYPES.contains(&kind) {
            continue;
        }
        let Some((s, e)) = doc.align(start, end) else {
            if seen_unaligned.insert((start, end, kind)) {
                misses.unaligned += 1;
                total.get_mut(kind).unwrap().fp += 1;
                misses.fp.push(Miss {
                    kind,
                    text: doc.slice(start.min(doc.units.len()), end.min(doc.units.len())),
                    why: "not on token edges".into(),
                });
            }
            continue;
        };
        let span = Span {
            start: s,
            end: e,
            kind,
        };
        if seen.insert(key(&span)) {
            aligned.push(span);
        }
    }
    let overlaps = |a: &Span, b: &Span| a.start < b.end && b.start < a.end;
    let describe = |x: &Span| format!("{} \"{}\"", x.kind, doc.token_text(x.start, x.end));
    // Why a span missed: the other side has the same span with another type,
    // or overlapping spans, or nothing there.
    let explain = |x: &Span, others: &[Span], same: &str, near: &str, none: &str| {
        if let Some(o) = others.iter().find(|o| span_key(o) == span_key(x)) {
            return format!("{same} {}", o.kind);
        }
        let found: Vec<String> = others
            .iter()
            .filter(|o| overlaps(x, o))
            .map(describe)
            .collect();
        if found.is_empty() {
            none.to_string()
        } else {
            format!("{near} {}", found.join(", "))
        }
    };
    for p in &aligned {
        let counts = total.get_mut(p.kind).unwrap();
        if gold_keys.contains(&key(p)) {
            counts.tp += 1;
            continue;
        }
        counts.fp += 1;
        let why = explain(
            p,
            &doc.gold,
            "gold says",
            "gold has",
            "no gold entity there",
        );
        misses.fp.push(Miss {
            kind: p.kind,
            text: doc.token_text(p.start, p.end),
            why,
        });
    }
    for g in gold {
        if seen.contains(&key(g)) {
            continue;
        }
        total.get_mut(g.kind).unwrap().fn_ += 1;
        let why = explain(
            g,
            &aligned,
            "predicted",
            "predicted",
            "nothing predicted there",
        );
        misses.fn_.push(Miss {
            kind: g.kind,
            text: doc.token_text(g.start, g.end),
            why,
        });
    }
    misses
}

/// The CoNLL type of an article-lens entity type (GROUP has none).
fn conll_type(kind: &str) -> Option<&'static str> {
    match kind {
        "PERSON" => Some("PER"),
        "ORG" => Some("ORG"),
        "PLACE" => Some("LOC"),
        _ => None,
    }
}

/// article-lens's analysis → predicted UTF-16 spans with a CoNLL type.
fn article_lens_spans(a: &Analysis) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    for e in &a.entities {
        let Some(kind) = conll_type(e.kind) else {
            continue;
        };
        for m in &e.mentions {
            out.push((m.start as usize, m.end as usize, kind));
        }
    }
    out
}

/// Panics unless the scorer gets its own cases right (as `selfCheck` in
/// `bench/ner-score.js`).
fn self_check(docs: &[Doc]) {
    let d = &parse_conll(
        "Phil NNP I-NP I-PER\nSimmons NNP I-NP I-PER\nSmith NNP I-NP B-PER\nof IN I-PP O\nU.S. NNP I-NP I-LOC\nArmy NNP I-NP I-ORG\nCorp. NNP I-NP I-ORG\n\nBiden NNP I-NP I-PER\n's POS B-NP O\n\n-DOCSTART- -X- O O\n",
    )[0];
    let got: Vec<String> = d
        .gold
        .iter()
        .map(|g| format!("{} {}", g.kind, d.token_text(g.start, g.end)))
        .collect();
    assert_eq!(
        got.join(" | "),
        "PER Phil Simmons | PER Smith | LOC U.S. | ORG Army Corp. | PER Biden",
        "NER scorer self-check: IOB1"
    );
    assert_eq!(d.text, "Phil Simmons Smith of U.S. Army Corp.\n\nBiden 's");
    let at = |s: &str| d.text.find(s).unwrap(); // ASCII: bytes are UTF-16 units
    let n = d.text.len();
    for (s, e, want) in [
        (at("Army"), at("Corp.") + 4, Some((5, 7))),
        (at("Biden"), n, Some((7, 9))),
        (at("Phil"), at("Simmons") + 8, Some((0, 2))),
        (at("Phil") + 1, at("Simmons") + 7, None),
        (at("Phil"), at("Simmons") + 3, None),
        (at("Smith") + 5, at("of") + 2, Some((3, 4))),
        (at("Biden"), n + 1, None),
    ] {
        assert_eq!(
            d.align(s, e),
            want,
            "NER scorer self-check: align {:?}",
            &d.text[s..e.min(n)]
        );
    }
    let mut total = totals();
    score_document(
        d,
        &[
            (at("Biden"), n, "PER"),
            (at("Army"), at("Corp.") + 4, "ORG"),
            (at("Army"), at("Corp.") + 5, "ORG"),
            (at("hil"), at("Smith") - 1, "PER"),
            (at("Smith"), at("Smith") + 5, "ORG"),
        ],
        &mut total,
    );
    let shown: Vec<String> = TYPES
        .iter()
        .map(|t| format!("{t} {}/{}/{}", total[t].tp, total[t].fp, total[t].fn_))
        .collect();
    assert_eq!(
        shown.join(", "),
        "PER 1/1/2, ORG 1/1/0, LOC 0/0/1",
        "NER scorer self-check: counts"
    );
    // The analysis's types: PERSON, ORG, PLACE; GROUP ignored.
    let types = ["PERSON", "ORG", "PLACE", "GROUP"].map(conll_type);
    assert_eq!(
        types,
        [Some("PER"), Some("ORG"), Some("LOC"), None],
        "NER scorer self-check: types"
    );
    // The gold as predictions (each twice) scores 1.0.
    for set in [std::slice::from_ref(d), docs] {
        let mut total = totals();
        for doc in set {
            let spans: Vec<_> = doc
                .gold
                .iter()
                .flat_map(|g| {
                    let s = (doc.tokens[g.start].0, doc.tokens[g.end - 1].1, g.kind);
                    [s, s]
                })
                .collect();
            score_document(doc, &spans, &mut total);
        }
        let (p, r, f) = overall(&total).prf();
        assert!(
            p == 1.0 && r == 1.0 && f == 1.0,
            "NER scorer self-check: gold as predictions gave P {p} R {r} F1 {f}"
        );
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// "12,345".
fn thousands(x: f64) -> String {
    let s = format!("{:.0}", x);
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn main() {
    let corpus = common::corpus_dir();
    let file = corpus.join("ner/conll2003/eng.testa");
    let Ok(conll) = std::fs::read_to_string(&file) else {
        println!(
            "The corpus is not here ({} is absent): nothing to measure.",
            file.display()
        );
        return;
    };
    let docs = parse_conll(&conll);
    let options = Options {
        raw: true,
        kind: InputKind::Text,
        ..Options::default()
    };
    self_check(&docs);
    let n_tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let n_sentences: usize = docs.iter().map(|d| d.sentences).sum();
    let mut gold_counts: HashMap<&str, usize> = HashMap::new();
    for g in docs.iter().flat_map(|d| &d.gold) {
        *gold_counts.entry(g.kind).or_default() += 1;
    }

    // The untimed pass: the predictions.
    let mut total = totals();
    let mut per_doc = Vec::new();
    let (mut errors, mut text_changed, mut predicted_spans) = (Vec::new(), 0, 0);
    for (i, doc) in docs.iter().enumerate() {
        let spans = match analyze(&doc.text, &options) {
            Ok(a) => {
                text_changed += (a.text != doc.text) as usize;
                article_lens_spans(&a)
            }
            Err(e) => {
                errors.push(format!("document {i}: {e}"));
                Vec::new()
            }
        };
        let misses = score_document(doc, &spans, &mut total);
        predicted_spans += spans.len();
        per_doc.push((i, misses));
    }

    // Timed passes over all documents: the whole analysis, then its stages.
    let mut passes = Vec::new();
    let started = Instant::now();
    while passes.len() < MIN_RUNS || started.elapsed().as_secs_f64() < MIN_SECONDS {
        let t0 = Instant::now();
        for doc in &docs {
            let _ = analyze(&doc.text, &options);
        }
        passes.push(t0.elapsed().as_secs_f64() * 1000.0);
    }
    let runs = passes.len();
    let ms = median(&mut passes);
    let epoch = Instant::now();
    let clock = move || epoch.elapsed().as_secs_f64() * 1000.0;
    let mut stage_passes: BTreeMap<&'static str, Vec<f64>> = BTreeMap::new();
    let mut order: Vec<&'static str> = Vec::new();
    for _ in 0..runs {
        let mut sums: HashMap<&'static str, f64> = HashMap::new();
        for doc in &docs {
            for (stage, t) in analyze_timed(&doc.text, &options, &clock).1 {
                *sums.entry(stage).or_default() += t;
                if !order.contains(&stage) {
                    order.push(stage);
                }
            }
        }
        for (stage, t) in sums {
            stage_passes.entry(stage).or_default().push(t);
        }
    }
    let stages: Vec<(&str, f64)> = order
        .iter()
        .map(|s| (*s, median(stage_passes.get_mut(s).unwrap())))
        .collect();
    let entities_ms = stages.iter().find(|s| s.0 == "entities").map(|s| s.1);

    // The report.
    let mut out = String::new();
    let distinct: usize = per_doc.iter().map(|(_, m)| m.fp.len()).sum::<usize>()
        + total.values().map(|c| c.tp).sum::<usize>();
    let unaligned: usize = per_doc.iter().map(|(_, m)| m.unaligned).sum();
    let _ = writeln!(
        out,
        "Native (--profile release), article-lens {}: CoNLL-2003 eng.testa, {} documents, {n_sentences} sentences, {} tokens; gold PER {}, ORG {}, LOC {} (MISC {} ignored); {runs} timed passes after one untimed (at least {MIN_RUNS} and {MIN_SECONDS} s)\n",
        env!("CARGO_PKG_VERSION"),
        docs.len(),
        thousands(n_tokens as f64),
        gold_counts.get("PER").unwrap_or(&0),
        gold_counts.get("ORG").unwrap_or(&0),
        gold_counts.get("LOC").unwrap_or(&0),
        gold_counts.get("MISC").unwrap_or(&0),
    );
    let _ = writeln!(out, "| metric | article-lens | target |\n|---|---:|---:|");
    let cell = |c: &Counts, k: char| {
        let (p, r, f) = c.prf();
        match k {
            'p' => format!("{p:.3} ({}/{})", c.tp, c.tp + c.fp),
            'r' => format!("{r:.3} ({}/{})", c.tp, c.tp + c.fn_),
            _ => format!("{f:.3}"),
        }
    };
    let names = [('p', "precision"), ('r', "recall"), ('f', "F1")];
    for t in TYPES {
        for (k, name) in names {
            let _ = writeln!(out, "| {t} {name} | {} |  |", cell(&total[t], k));
        }
    }
    for (k, name) in names {
        let target = if k == 'f' { "≥ 0.92" } else { "" };
        let _ = writeln!(
            out,
            "| **overall {name}** | {} | {target} |",
            cell(&overall(&total), k)
        );
    }
    let per_second = |ms: f64| thousands(n_tokens as f64 / (ms / 1000.0));
    let _ = writeln!(
        out,
        "| tokens/s, whole analysis | {} | ≥ 300,000 |",
        per_second(ms)
    );
    let _ = writeln!(
        out,
        "| tokens/s, \"entities\" stage alone | {} |  |",
        entities_ms.map_or("– (no such stage yet)".to_string(), per_second)
    );
    let _ = writeln!(
        out,
        "| ms for all {} documents (median of {runs} passes) | {ms:.1} |  |",
        docs.len()
    );
    let _ = writeln!(
        out,
        "| distinct predicted spans (PER/ORG/LOC) | {distinct} |  |"
    );
    let _ = writeln!(
        out,
        "| predicted spans not on token edges (false positives) | {unaligned} |  |"
    );
    let _ = writeln!(out, "| documents that failed | {} |  |", errors.len());
    let _ = writeln!(
        out,
        "\nStages in ms, summed over the documents (`analyze_timed`, median of {runs} passes): {}.",
        stages
            .iter()
            .map(|(s, t)| format!("{s} {t:.1}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if text_changed > 0 {
        let _ = writeln!(out, "**Warning:** on {text_changed} documents `analysis.text` differed from the input, so the offsets do not refer to the input there (raw mode should keep it).");
    }
    if !errors.is_empty() {
        let _ = writeln!(out, "Failed: {}", common::first_errors(&errors));
    }
    let _ = writeln!(out, "Mentions predicted: {predicted_spans} (PERSON → PER, ORG → ORG, PLACE → LOC; GROUP ignored), from `analyze(text, raw: true, kind: Text)`. Time: the whole `analyze` of every document, the median of the timed passes. Every miss: bench/results/ner-misses.json.");
    let _ = writeln!(out, "Alignment rule (as in bench/ner-score.js): {RULE}");
    print!("{out}");
    let _ = std::fs::create_dir_all("bench/results");
    if let Err(e) = std::fs::write("bench/results/ner-native.md", &out) {
        eprintln!("Could not write bench/results/ner-native.md: {e}");
    }

    // Every document's misses, for studying the errors.
    let misses: Vec<DocumentMisses> = per_doc
        .iter()
        .filter(|(_, m)| !m.fp.is_empty() || !m.fn_.is_empty())
        .map(|(i, m)| DocumentMisses {
            document: *i,
            begins: docs[*i].text.chars().take(80).collect(),
            false_positives: &m.fp,
            false_negatives: &m.fn_,
        })
        .collect();
    match serde_json::to_string_pretty(&misses) {
        Ok(s) => match std::fs::write("bench/results/ner-misses.json", s + "\n") {
            Ok(()) => eprintln!("Saved bench/results/ner-native.md and bench/results/ner-misses.json ({} documents with misses).", misses.len()),
            Err(e) => eprintln!("Could not write bench/results/ner-misses.json: {e}"),
        },
        Err(e) => eprintln!("Could not write the misses: {e}"),
    }
}
