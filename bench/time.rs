//! Time expressions, natively, on TimeBank + AQUAINT as cleaned for
//! TempEval-3 (`time/tbaq/{TimeBank,AQUAINT}/*.tml` in `../shared/corpus`):
//! relaxed and strict span precision / recall / F1, value F1 and type
//! accuracy, the numbers of `bench/time-score.js` (the side-by-side run
//! against chrono-node and compromise-dates in Chromium, `bench/time.mjs`),
//! computed again here for the quick loop.
//!
//! Each document's text is the content of its `<TEXT>` with every tag removed
//! and the XML entities decoded (the five named ones and numeric ones); its
//! `<TIMEX3>` elements are the gold, in UTF-16 units of that text (the unit
//! of the analysis's offsets). It is analysed with `raw: true, kind: text`
//! (so `analysis.text` is the text) and `date` the date part of its DCT
//! (`<DCT><TIMEX3 value="1998-08-07T06:18:00">`).
//!
//! The rules (`SCORING` in bench/time-score.js): one-to-one pairs, first
//! every prediction with the same start and end as a gold span, then each
//! gold span left, in text order, with the first prediction left that
//! overlaps it. Strict counts the identical pairs, relaxed all pairs; value
//! the relaxed pairs whose values are equal once trimmed; precision over the
//! predictions, recall over the gold, micro-averaged.
//!
//!   cargo bench --profile release --bench time -- [CORPUS_DIR] [--doc NAME]
//!
//! `--doc NAME` keeps the documents whose file name or DOCID contains NAME
//! (the table is then printed, not saved). Prints a Markdown table, saves it
//! to `bench/results/time-native.md`, and lists every miss in
//! `bench/results/time-misses-native.json` (not committed: it quotes the
//! corpus).

use article_lens::{analyze, Date, InputKind, Options};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[path = "common.rs"]
mod common;

/// Timed passes over all documents: at least this many and this long.
const MIN_RUNS: usize = 3;
const MIN_SECONDS: f64 = 1.0;
/// Characters of context either side of a miss.
const CONTEXT: usize = 40;
/// The best TempEval-3 system (its test set; the figures) and the
/// targets of issue 6: relaxed, strict, value F1.
const HEIDELTIME: [f64; 3] = [0.903, 0.813, 0.776];
const TARGETS: [&str; 3] = ["≥ 0.92", "≥ 0.85", "≥ 0.82"];

#[derive(Clone, Debug)]
struct Timex {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

struct Doc {
    file: String,
    id: String,
    dct: Date,
    text: String,
    /// The text as UTF-16 units: the offsets count these.
    units: Vec<u16>,
    gold: Vec<Timex>,
}

/// The character an entity's name stands for (`amp`, `#38`, `#x26`).
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Text with its entities decoded (an unknown one kept as written).
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest
            .find(';')
            .filter(|&j| j <= 10)
            .and_then(|j| entity(&rest[1..j]).map(|c| (c, j)));
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text with every tag removed.
fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]);
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` in a start tag, decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before = rest[..i].chars().next_back();
        let after = rest[i + name.len()..].trim_start();
        if before.is_some_and(char::is_whitespace) {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let quote = v.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let end = v[1..].find(quote)?;
                    return Some(decode(&v[1..1 + end]));
                }
            }
        }
        rest = &rest[i + name.len()..];
    }
    None
}

/// The content of the first `<NAME>…</NAME>` element.
fn element<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let start = xml.find(&open)? + open.len();
    let end = xml[start..].find(&format!("</{name}>"))? + start;
    Some(&xml[start..end])
}

/// A TimeML file into a document; the gold spans are checked against their
/// content in the markup (panics when an offset is wrong).
fn parse_timeml(xml: &str, file: &str) -> Result<Doc, String> {
    let id = element(xml, "DOCID").map_or_else(|| file.to_string(), |s| decode(s.trim()));
    let dct_value = element(xml, "DCT")
        .and_then(|d| d.find("<TIMEX3").map(|i| &d[i..]))
        .and_then(|t| attribute(&t[..t.find('>').unwrap_or(t.len())], "value"))
        .unwrap_or_default();
    let dct: Date = dct_value
        .get(..10)
        .and_then(|d| d.parse().ok())
        .ok_or_else(|| format!("{file}: no DCT date (value {dct_value:?})"))?;
    let start = xml.find("<TEXT>").ok_or(format!("{file}: no <TEXT>"))? + "<TEXT>".len();
    let end = xml.rfind("</TEXT>").ok_or(format!("{file}: no </TEXT>"))?;
    let body = &xml[start..end];
    let mut text = String::new();
    // The text so far as UTF-16 units: the offsets count these.
    let mut utf16: Vec<u16> = Vec::new();
    // Open TIMEX3 elements: (start in UTF-16 units, start tag, content's byte offset in body).
    let mut open: Vec<(usize, &str, usize)> = Vec::new();
    let mut gold = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |j| j + 3);
        } else if rest.starts_with('<') {
            let close = rest.find('>').map_or(rest.len(), |j| j + 1);
            let tag = &rest[..close];
            // "TIMEX3", "/TIMEX3", "MAKEINSTANCE/"…
            let name = tag[1..]
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or("")
                .trim_end_matches('/');
            if name == "TIMEX3" && !tag.ends_with("/>") {
                open.push((utf16.len(), tag, i + close));
            } else if name == "/TIMEX3" {
                if let Some((s, tag, content)) = open.pop() {
                    let written = decode(&strip_tags(&body[content..i]));
                    let t = Timex {
                        start: s,
                        end: utf16.len(),
                        kind: attribute(tag, "type").unwrap_or_default(),
                        value: attribute(tag, "value").unwrap_or_default(),
                    };
                    let got = String::from_utf16_lossy(&utf16[s..]);
                    assert_eq!(got, written, "{file}: a gold span's offsets are wrong");
                    gold.push(t);
                }
            }
            i += close;
        } else {
            let (c, len) = if rest.starts_with('&') {
                rest.find(';')
                    .filter(|&j| j <= 10)
                    .and_then(|j| entity(&rest[1..j]).map(|c| (c, j + 1)))
                    .unwrap_or(('&', 1))
            } else {
                let c = rest.chars().next().unwrap_or('\0');
                (c, c.len_utf8())
            };
            text.push(c);
            utf16.extend_from_slice(c.encode_utf16(&mut [0; 2]));
            i += len;
        }
    }
    gold.sort_by_key(|g| (g.start, g.end));
    Ok(Doc {
        file: file.to_string(),
        id,
        dct,
        text,
        units: utf16,
        gold,
    })
}

/// The text between two UTF-16 offsets (clamped).
fn slice(units: &[u16], start: usize, end: usize) -> String {
    let end = end.min(units.len());
    String::from_utf16_lossy(&units[start.min(end)..end])
}

/// ~80 characters around a span, the span in [[ ]], white space collapsed.
fn context(units: &[u16], start: usize, end: usize) -> String {
    let squeeze = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let edge = |s: &str, at_start: bool| {
        let mut out = squeeze(s.to_string());
        if at_start && s.ends_with(char::is_whitespace) && !out.is_empty() {
            out.push(' ');
        }
        if !at_start && s.starts_with(char::is_whitespace) && !out.is_empty() {
            out.insert(0, ' ');
        }
        out
    };
    let before = slice(units, start.saturating_sub(CONTEXT), start);
    let after = slice(units, end, end + CONTEXT);
    format!(
        "{}[[{}]]{}",
        edge(&before, true),
        squeeze(slice(units, start, end)),
        edge(&after, false)
    )
}

/// One-to-one pairs (gold index, predicted index, identical): identical
/// spans first, then each gold span left, in text order, with the first
/// overlapping prediction left, in text order. Gold is in text order.
fn pairs(gold: &[Timex], predicted: &[Timex]) -> Vec<(usize, usize, bool)> {
    let mut order: Vec<usize> = (0..predicted.len()).collect();
    order.sort_by_key(|&i| (predicted[i].start, predicted[i].end));
    let mut taken = vec![false; predicted.len()];
    let mut paired: Vec<Option<(usize, bool)>> = vec![None; gold.len()];
    for (g, gs) in gold.iter().enumerate() {
        if let Some(&p) = order
            .iter()
            .find(|&&p| !taken[p] && predicted[p].start == gs.start && predicted[p].end == gs.end)
        {
            taken[p] = true;
            paired[g] = Some((p, true));
        }
    }
    for (g, gs) in gold.iter().enumerate() {
        if paired[g].is_some() {
            continue;
        }
        if let Some(&p) = order
            .iter()
            .find(|&&p| !taken[p] && predicted[p].start < gs.end && gs.start < predicted[p].end)
        {
            taken[p] = true;
            paired[g] = Some((p, false));
        }
    }
    paired
        .iter()
        .enumerate()
        .filter_map(|(g, x)| x.map(|(p, exact)| (g, p, exact)))
        .collect()
}

#[derive(Default, Clone, Copy)]
struct Totals {
    gold: usize,
    predicted: usize,
    relaxed: usize,
    strict: usize,
    value: usize,
    kind: usize,
}

/// A gold expression missed, or a predicted one that is not in the gold.
#[derive(Serialize)]
struct Listed {
    doc: String,
    text: String,
    #[serde(rename = "type")]
    kind: String,
    value: String,
    context: String,
}

impl Listed {
    fn new(doc: &Doc, x: &Timex) -> Listed {
        Listed {
            doc: doc.id.clone(),
            text: slice(&doc.units, x.start, x.end),
            kind: x.kind.clone(),
            value: x.value.clone(),
            context: context(&doc.units, x.start, x.end),
        }
    }
}

#[derive(Serialize)]
struct WrongValue {
    doc: String,
    text: String,
    predicted_text: String,
    gold_value: String,
    predicted_value: String,
    gold_type: String,
    predicted_type: String,
    dct: String,
    context: String,
}

#[derive(Serialize, Default)]
struct Misses {
    missed: Vec<Listed>,
    false_positives: Vec<Listed>,
    wrong_values: Vec<WrongValue>,
}

/// Scores one document's predictions into `t`, its misses into `m`.
fn score(doc: &Doc, predicted: &[Timex], t: &mut Totals, m: &mut Misses) {
    let p = pairs(&doc.gold, predicted);
    t.gold += doc.gold.len();
    t.predicted += predicted.len();
    t.relaxed += p.len();
    t.strict += p.iter().filter(|x| x.2).count();
    let mut gold_paired = vec![false; doc.gold.len()];
    let mut pred_paired = vec![false; predicted.len()];
    for &(g, q, _) in &p {
        gold_paired[g] = true;
        pred_paired[q] = true;
        let (gs, ps) = (&doc.gold[g], &predicted[q]);
        if gs.kind.trim() == ps.kind.trim() {
            t.kind += 1;
        }
        if gs.value.trim() == ps.value.trim() {
            t.value += 1;
        } else {
            m.wrong_values.push(WrongValue {
                doc: doc.id.clone(),
                text: slice(&doc.units, gs.start, gs.end),
                predicted_text: slice(&doc.units, ps.start, ps.end),
                gold_value: gs.value.clone(),
                predicted_value: ps.value.clone(),
                gold_type: gs.kind.clone(),
                predicted_type: ps.kind.clone(),
                dct: doc.dct.to_string(),
                context: context(&doc.units, gs.start, gs.end),
            });
        }
    }
    for (g, gs) in doc.gold.iter().enumerate() {
        if !gold_paired[g] {
            m.missed.push(Listed::new(doc, gs));
        }
    }
    let mut order: Vec<usize> = (0..predicted.len()).collect();
    order.sort_by_key(|&i| (predicted[i].start, predicted[i].end));
    for q in order.into_iter().filter(|&q| !pred_paired[q]) {
        m.false_positives.push(Listed::new(doc, &predicted[q]));
    }
}

/// Counts as "DATE 12, TIME 3" ("none" when empty).
fn list<K: std::fmt::Display>(m: &BTreeMap<K, usize>) -> String {
    let parts: Vec<String> = m.iter().map(|(k, n)| format!("{k} {n}")).collect();
    if parts.is_empty() {
        "none".to_string()
    } else {
        parts.join(", ")
    }
}

/// The parser and scorer on a hand-made case (those of `selfCheck()` in
/// bench/time-score.js); panics when they are wrong.
fn self_check() {
    let xml = "<TimeML><DOCID>TEST.01</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"1998-08-07T06:18:00\">x</TIMEX3></DCT>\n<TEXT>\nAT&amp;T <EVENT eid=\"e1\">said</EVENT> \u{1F642} &lt;b&gt; on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-06\">Thursday</TIMEX3> that\ncaf&#233;&#x41; <TIMEX3 value=\"P2W\" type=\"DURATION\" tid=\"t2\">two <SIGNAL sid=\"s1\">weeks</SIGNAL></TIMEX3> ago, <MAKEINSTANCE eventID=\"e1\"/>\n<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"PRESENT_REF\">now</TIMEX3>, <TIMEX3 tid=\"t4\" type=\"DATE\" value=\"1998-Q3\">the third quarter</TIMEX3>.\n</TEXT></TimeML>";
    let d = parse_timeml(xml, "test.tml").expect("the test document parses");
    let want = "\nAT&T said \u{1F642} <b> on Thursday that\ncaféA two weeks ago, \nnow, the third quarter.\n";
    assert_eq!(d.text, want, "self-check: text");
    assert_eq!(
        (d.id.as_str(), d.dct.to_string().as_str()),
        ("TEST.01", "1998-08-07")
    );
    let shown: Vec<String> = d
        .gold
        .iter()
        .map(|g| format!("{}-{}:{}:{}", g.start, g.end, g.kind, g.value))
        .collect();
    assert_eq!(
        shown.join(" "),
        "21-29:DATE:1998-08-06 41-50:DURATION:P2W 57-60:DATE:PRESENT_REF 62-79:DATE:1998-Q3",
        "self-check: gold"
    );
    let at = |s: &str| want[..want.find(s).unwrap()].encode_utf16().count();
    let span = |s: &str, value: &str| Timex {
        start: at(s),
        end: at(s) + s.encode_utf16().count(),
        kind: "DATE".into(),
        value: value.into(),
    };
    let predicted = [
        span("third quarter", "1998-Q3"),
        span("AT&T", "1998"),
        span("two weeks", "P2W "),
        span("on Thursday", "1998-08-13"),
        span("the third", "1998-Q3"),
    ];
    let (mut t, mut m) = (Totals::default(), Misses::default());
    score(&d, &predicted, &mut t, &mut m);
    let got = (t.gold, t.predicted, t.relaxed, t.strict, t.value, t.kind);
    assert_eq!(got, (4, 5, 3, 1, 2, 2), "self-check: counts");
    let fp: Vec<&str> = m.false_positives.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(fp, ["AT&T", "third quarter"], "self-check: false positives");
    assert_eq!(m.missed.len(), 1, "self-check: missed");
    assert_eq!(m.wrong_values[0].predicted_text, "on Thursday");
}

fn main() {
    self_check();
    let (corpus, only) = (common::corpus_dir(), common::flag("--doc"));
    let root = corpus.join("time/tbaq");
    let subs = ["TimeBank", "AQUAINT"];
    if let Some(absent) = std::iter::once(root.clone())
        .chain(subs.iter().map(|s| root.join(s)))
        .find(|p| !p.is_dir())
    {
        println!(
            "The corpus is not here ({} is absent): nothing to measure.",
            absent.display()
        );
        return;
    }
    let mut docs = Vec::new();
    for sub in subs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(sub))
            .expect("a corpus folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tml"))
            .collect();
        files.sort();
        for f in files {
            let name = f
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            let xml = std::fs::read_to_string(&f).expect("a TimeML file");
            let doc = parse_timeml(&xml, &name).unwrap_or_else(|e| panic!("{e}"));
            if only
                .as_ref()
                .is_none_or(|o| doc.file.contains(o.as_str()) || doc.id.contains(o.as_str()))
            {
                docs.push((sub, doc));
            }
        }
    }
    if docs.is_empty() {
        println!("No document matches --doc {}.", only.unwrap_or_default());
        return;
    }

    // The untimed pass: the predictions and the scores.
    let options_for = |d: &Doc| Options {
        raw: true,
        kind: InputKind::Text,
        date: Some(d.dct),
        ..Options::default()
    };
    let mut total = Totals::default();
    // Per subcorpus, in the order of `subs`.
    let mut by_sub: Vec<(&str, Totals)> = subs.iter().map(|&s| (s, Totals::default())).collect();
    let mut misses = Misses::default();
    let (mut errors, mut text_changed) = (Vec::new(), 0);
    let mut predicted_types: BTreeMap<String, usize> = BTreeMap::new();
    for (sub, doc) in &docs {
        let predicted: Vec<Timex> = match analyze(&doc.text, &options_for(doc)) {
            Ok(a) => {
                text_changed += usize::from(a.text != doc.text);
                a.times
                    .iter()
                    .map(|t| Timex {
                        start: t.start as usize,
                        end: t.end as usize,
                        kind: t.kind.to_string(),
                        value: t.value.clone(),
                    })
                    .collect()
            }
            Err(e) => {
                errors.push(format!("{}: {e}", doc.file));
                Vec::new()
            }
        };
        for p in &predicted {
            *predicted_types.entry(p.kind.clone()).or_default() += 1;
        }
        score(doc, &predicted, &mut total, &mut misses);
        score(
            doc,
            &predicted,
            &mut by_sub[subs.iter().position(|s| s == sub).unwrap_or(0)].1,
            &mut Misses::default(),
        );
    }

    // Speed: whole analyses of every document.
    let chars: usize = docs.iter().map(|(_, d)| d.text.chars().count()).sum();
    let mut runs = Vec::new();
    let started = Instant::now();
    while runs.len() < MIN_RUNS || started.elapsed().as_secs_f64() < MIN_SECONDS {
        let t0 = Instant::now();
        for (_, doc) in &docs {
            std::hint::black_box(analyze(&doc.text, &options_for(doc)).ok());
        }
        runs.push(t0.elapsed().as_secs_f64());
    }
    runs.sort_by(|a, b| a.total_cmp(b));
    let median = runs[runs.len() / 2];

    let mut gold_types: BTreeMap<&str, usize> = BTreeMap::new();
    for g in docs.iter().flat_map(|(_, d)| &d.gold) {
        *gold_types.entry(g.kind.as_str()).or_default() += 1;
    }
    let t = total;
    let mut md = String::new();
    let _ = writeln!(
        md,
        "## Time expressions, natively: TimeBank + AQUAINT ({} documents{}, {} gold TIMEX3: {})\n",
        docs.len(),
        only.as_ref()
            .map_or(String::new(), |o| format!(" matching --doc {o}")),
        t.gold,
        list(&gold_types)
    );
    let _ = writeln!(
        md,
        "| measure | article-lens | HeidelTime (TempEval-3) | target |\n|---|---:|---:|---:|"
    );
    for (i, (name, hit)) in [
        ("relaxed span", t.relaxed),
        ("strict span", t.strict),
        ("value", t.value),
    ]
    .into_iter()
    .enumerate()
    {
        let (p, r, f) = common::prf(hit, t.predicted, t.gold);
        let _ = writeln!(
            md,
            "| {name} precision | {p:.3} ({hit}/{}) | – | |",
            t.predicted
        );
        let _ = writeln!(md, "| {name} recall | {r:.3} ({hit}/{}) | – | |", t.gold);
        let _ = writeln!(
            md,
            "| **{name} F1** | **{f:.3}** | {:.3} | {} |",
            HEIDELTIME[i], TARGETS[i]
        );
    }
    let accuracy = if t.relaxed > 0 {
        format!("{:.3}", t.kind as f64 / t.relaxed as f64)
    } else {
        "–".to_string()
    };
    let _ = writeln!(
        md,
        "| type accuracy (relaxed matches) | {accuracy} ({}/{}) | – | |",
        t.kind, t.relaxed
    );
    let _ = writeln!(
        md,
        "| speed (whole analysis, median of {} passes) | {:.0} documents/s, {:.0} k chars/s | – | |",
        runs.len(),
        docs.len() as f64 / median,
        chars as f64 / median / 1000.0
    );
    let _ = writeln!(md);
    for (sub, s) in by_sub.iter().filter(|(_, s)| s.gold + s.predicted > 0) {
        let f = |hit| common::prf(hit, s.predicted, s.gold).2;
        let _ = writeln!(
            md,
            "{sub} alone ({} TIMEX3): relaxed / strict / value F1 {:.3} / {:.3} / {:.3}.",
            s.gold,
            f(s.relaxed),
            f(s.strict),
            f(s.value)
        );
    }
    let by_type = |types: Vec<&str>| {
        let mut m: BTreeMap<&str, usize> = BTreeMap::new();
        for k in types {
            *m.entry(k).or_default() += 1;
        }
        list(&m)
    };
    let _ = writeln!(
        md,
        "Predicted spans by type: {}. Missed by gold type: {}. Wrong values by gold type: {}. False positives: {}.",
        list(&predicted_types),
        by_type(misses.missed.iter().map(|x| x.kind.as_str()).collect()),
        by_type(misses.wrong_values.iter().map(|x| x.gold_type.as_str()).collect()),
        misses.false_positives.len()
    );
    if text_changed > 0 {
        let _ = writeln!(
            md,
            "**Warning:** on {text_changed} documents `analysis.text` differed from the input, so its offsets do not refer to it (raw mode should keep it)."
        );
    }
    if !errors.is_empty() {
        let _ = writeln!(
            md,
            "The analysis failed on {} documents: {}.",
            errors.len(),
            common::first_errors(&errors)
        );
    }
    print!("{md}");
    let out = Path::new("bench/results");
    let _ = std::fs::create_dir_all(out);
    if only.is_none() {
        let _ = std::fs::write(out.join("time-native.md"), &md);
    }
    let _ = std::fs::write(
        out.join("time-misses-native.json"),
        serde_json::to_string_pretty(&misses).unwrap_or_default() + "\n",
    );
}
