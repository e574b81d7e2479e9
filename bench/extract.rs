//! Main-content extraction and page metadata, natively, on the development
//! corpus (`extraction/` in `../shared/corpus`, see its README for the data):
//!
//! - Readability's 130 test pages: body F1 by 4-token shingles against the
//!   text of `expected.html` (the article-extraction-benchmark metric,
//!   averaged over pages), and exact title / byline / lang / siteName /
//!   publishedTime after whitespace normalisation, counted on the pages whose
//!   expected value is given;
//! - trafilatura's 495 pages: share of `with` snippets found, of `without`
//!   snippets absent, and title / author exact, date on the same day.
//!
//! Also the time per page, and the slowest page (the target is no page over
//! 50 ms). The side-by-side run against Readability.js, scored by the same
//! rules in the same browser, is `bench/extract.mjs`; this one is the quick
//! loop for working on the extractor.
//!
//!   cargo bench --bench extract -- [CORPUS_DIR] [--pages] [--only NAME]
//!
//! `--pages` lists every page's scores (worst first); `--only` runs pages
//! whose name contains NAME and prints what was extracted.

use article_lens::{analyze, analyze_timed, Analysis, InputKind, Options};
use flate2::read::GzDecoder;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

#[path = "common.rs"]
mod common;

fn gunzip(path: &Path) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    GzDecoder::new(std::fs::File::open(path).ok()?)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// Tokens as the Unicode regex `\w+` finds them, lowercased.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' || is_mark(c) {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Combining marks count as word characters in Python's `\w`.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x097F | 0x0E31..=0x0E4E)
}

/// Overlapping 4-token shingles with their counts.
fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let t = tokens(text);
    let mut out = HashMap::new();
    if t.len() < 4 {
        if !t.is_empty() {
            *out.entry(t).or_default() += 1;
        }
        return out;
    }
    for w in t.windows(4) {
        *out.entry(w.to_vec()).or_default() += 1;
    }
    out
}

/// Precision, recall and F1 of `got` against `want`, over shingle multisets.
fn prf(got: &str, want: &str) -> (f64, f64, f64) {
    let g = shingles(got);
    let w = shingles(want);
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    if ng == 0 && nw == 0 {
        return (1.0, 1.0, 1.0);
    }
    let tp: usize = g
        .iter()
        .map(|(k, c)| (*c).min(*w.get(k).unwrap_or(&0)))
        .sum();
    let p = if ng == 0 { 0.0 } else { tp as f64 / ng as f64 };
    let r = if nw == 0 { 0.0 } else { tp as f64 / nw as f64 };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Whitespace collapsed, and soft hyphens (invisible break hints, which the
/// trafilatura snippets keep and a clean text drops) taken out.
fn norm(s: &str) -> String {
    s.replace('\u{AD}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `with` or `without` snippets of a trafilatura page, normalised.
fn snippets<'a>(v: &'a serde_json::Value, key: &str) -> impl Iterator<Item = String> + 'a {
    v.get(key)
        .and_then(|x| x.as_array())
        .into_iter()
        .flatten()
        .map(|s| norm(s.as_str().unwrap_or("")))
}

/// The text of an HTML fragment: its text nodes joined as the DOM's
/// `textContent` joins them (the side-by-side browser bench does the same).
fn html_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let mut out = String::new();
    for node in doc.tree.root().descendants() {
        if let Some(t) = node.value().as_text() {
            out.push_str(t);
        }
    }
    out
}

/// A field score: right / asked.
#[derive(Default)]
struct Tally {
    right: usize,
    asked: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.asked += 1;
        self.right += ok as usize;
    }
    fn show(&self) -> String {
        format!(
            "{:.3} ({}/{})",
            self.right as f64 / self.asked.max(1) as f64,
            self.right,
            self.asked
        )
    }
}

struct Run {
    options: Options,
    times: Vec<(f64, String)>,
    /// The "input" stage alone (reading the page: parsing, main content,
    /// metadata), which is what this time target is about; the whole
    /// analysis also runs every analyzer (entities, …).
    extract_times: Vec<(f64, String)>,
    show_pages: bool,
    only: Option<String>,
}

impl Run {
    fn analyze(&mut self, name: &str, bytes: &[u8]) -> Option<Analysis> {
        let html = article_lens::encoding::decode(bytes, None).text;
        // The first run gives the result; the time is the median of three
        // more (a single run on a busy 2-core machine is noise).
        let a = analyze(&html, &self.options);
        let clock = Instant::now();
        let now = || clock.elapsed().as_secs_f64() * 1000.0;
        let mut times: Vec<(f64, f64)> = (0..3)
            .map(|_| {
                let t0 = Instant::now();
                let (_, stages) = analyze_timed(&html, &self.options, &now);
                let input = stages
                    .iter()
                    .filter(|(s, _)| *s == "input")
                    .map(|(_, ms)| ms)
                    .sum();
                (t0.elapsed().as_secs_f64() * 1000.0, input)
            })
            .collect();
        times.sort_by(|a, b| a.0.total_cmp(&b.0));
        self.times.push((times[1].0, name.to_string()));
        let mut input: Vec<f64> = times.iter().map(|t| t.1).collect();
        input.sort_by(f64::total_cmp);
        self.extract_times.push((input[1], name.to_string()));
        if self.only.is_some() {
            match &a {
                Ok(a) => {
                    println!("== {name}\nmeta: {:?}", a.meta);
                    for r in &a.removed {
                        let t: String = r.text.chars().take(90).collect();
                        println!("  - [{}] {t:?}", r.reason.label());
                    }
                    println!("{}\n", a.text);
                }
                Err(e) => println!("== {name}: {e}"),
            }
        }
        a.ok()
    }
}

fn readability(run: &mut Run, dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!(
            "Readability pages: not here ({} is missing).",
            dir.display()
        );
        return;
    };
    let mut cases: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    cases.sort();
    let mut f1s = Vec::new();
    let (mut ps, mut rs) = (0.0, 0.0);
    let mut fields: Vec<(&str, Tally)> = ["title", "byline", "lang", "siteName", "publishedTime"]
        .into_iter()
        .map(|f| (f, Tally::default()))
        .collect();
    let mut pages = Vec::new();
    let mut lost: HashMap<&str, usize> = HashMap::new();
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        if run
            .only
            .as_ref()
            .is_some_and(|o| !name.contains(o.as_str()))
        {
            continue;
        }
        let (Some(source), Some(expected)) = (
            gunzip(&case.join("source.html.gz")),
            gunzip(&case.join("expected.html.gz")),
        ) else {
            continue;
        };
        let want = html_text(&String::from_utf8_lossy(&expected));
        let meta: serde_json::Value = std::fs::read_to_string(case.join("expected-metadata.json"))
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        let a = run.analyze(&name, &source);
        let got = a.as_ref().map(|a| a.text.as_str()).unwrap_or("");
        // Removed blocks that are in the expected text: where recall goes.
        if let Some(a) = &a {
            let want_norm = tokens(&want).join(" ");
            for r in &a.removed {
                let t = tokens(&r.text).join(" ");
                if t.len() > 3 && want_norm.contains(&t) {
                    *lost.entry(r.label).or_insert(0usize) += t.len();
                }
            }
        }
        let (p, r, f) = prf(got, &want);
        ps += p;
        rs += r;
        f1s.push(f);
        let mut misses = Vec::new();
        for (field, tally) in &mut fields {
            let Some(w) = meta.get(*field).and_then(|v| v.as_str()) else {
                continue;
            };
            let g = a.as_ref().and_then(|a| match *field {
                "title" => a.meta.title.clone(),
                "byline" => a.meta.byline.clone(),
                "lang" => a.meta.lang.clone(),
                "siteName" => a.meta.site.clone(),
                _ => a.meta.published.clone(),
            });
            let ok = g.as_deref().map(norm) == Some(norm(w));
            if !ok {
                misses.push(format!("{field}: {g:?} want {w:?}"));
            }
            tally.add(ok);
        }
        pages.push((f, p, r, name, misses));
    }
    if f1s.is_empty() {
        return;
    }
    let n = f1s.len() as f64;
    println!(
        "Readability pages ({}): body precision {:.3}, recall {:.3}, F1 {:.3}",
        f1s.len(),
        ps / n,
        rs / n,
        f1s.iter().sum::<f64>() / n
    );
    for (field, t) in &fields {
        println!("  {field:<14} {}", t.show());
    }
    println!(
        "    expected text removed, characters by reason: {}",
        common::counts(lost, usize::MAX)
    );
    if run.show_pages {
        pages.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (f, p, r, name, misses) in &pages {
            println!("  {f:.3} p {p:.3} r {r:.3}  {name}  {}", misses.join(" · "));
        }
    }
}

fn trafilatura(run: &mut Run, dir: &Path) {
    let Ok(json) = std::fs::read_to_string(dir.join("evaldata.json")) else {
        println!(
            "trafilatura pages: not here ({} is missing).",
            dir.display()
        );
        return;
    };
    let data: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&json).unwrap_or_default();
    let (mut with, mut without) = (Tally::default(), Tally::default());
    let (mut title, mut author, mut date) = (Tally::default(), Tally::default(), Tally::default());
    let mut pages = Vec::new();
    let mut present_by_kind: HashMap<String, usize> = HashMap::new();
    let mut keys: Vec<_> = data.keys().collect();
    keys.sort();
    for key in keys {
        let v = &data[key];
        let Some(file) = v.get("file").and_then(|f| f.as_str()) else {
            continue;
        };
        if run.only.as_ref().is_some_and(|o| !key.contains(o.as_str())) {
            continue;
        }
        let html = dir.join("html");
        let Some(bytes) =
            gunzip(&html.join(format!("{file}.gz"))).or_else(|| gunzip(&html.join(file)))
        else {
            continue;
        };
        let a = run.analyze(key, &bytes);
        let text = norm(a.as_ref().map(|a| a.text.as_str()).unwrap_or(""));
        let (mut w_ok, mut w_n, mut wo_ok, mut wo_n) = (0, 0, 0, 0);
        let mut missing = Vec::new();
        for s in snippets(v, "with") {
            let ok = text.contains(&s);
            with.add(ok);
            w_n += 1;
            w_ok += ok as usize;
            if !ok {
                // Which removal took it, if one did.
                let head: String = s.chars().take(30).collect();
                let why = a
                    .as_ref()
                    .and_then(|a| a.removed.iter().find(|r| norm(&r.text).contains(&head)))
                    .map_or("not found", |r| r.label);
                missing.push(format!(
                    "-{:?} [{why}]",
                    s.chars().take(60).collect::<String>()
                ));
            }
        }
        for s in snippets(v, "without") {
            let ok = !text.contains(&s);
            without.add(ok);
            wo_n += 1;
            wo_ok += ok as usize;
            if !ok {
                // Which kind of paragraph kept it.
                let head: String = s.chars().take(30).collect();
                let kind = a
                    .as_ref()
                    .and_then(|a| {
                        a.paragraphs.iter().find(|p| {
                            a.slice(p.start, p.end)
                                .is_some_and(|t| norm(t).contains(&head))
                        })
                    })
                    .map_or("across paragraphs".to_string(), |p| {
                        format!("{:?}", p.kind).to_lowercase()
                    });
                *present_by_kind.entry(kind.clone()).or_insert(0usize) += 1;
                missing.push(format!(
                    "+{:?} [{kind}]",
                    s.chars().take(60).collect::<String>()
                ));
            }
        }
        let meta = a.as_ref().map(|a| &a.meta);
        if let Some(w) = v.get("title").and_then(|x| x.as_str()) {
            let ok = meta.and_then(|m| m.title.as_deref()).map(norm) == Some(norm(w));
            if !ok {
                missing.push(format!(
                    "title {:?} want {w:?}",
                    meta.and_then(|m| m.title.as_deref())
                ));
            }
            title.add(ok);
        }
        if let Some(w) = v.get("author").and_then(|x| x.as_str()) {
            let got = meta
                .map(|m| {
                    if m.authors.is_empty() {
                        m.byline.clone().unwrap_or_default()
                    } else {
                        m.authors.join("; ")
                    }
                })
                .unwrap_or_default();
            let ok = norm(&got) == norm(w);
            if !ok {
                missing.push(format!("author {got:?} want {w:?}"));
            }
            author.add(ok);
        }
        if let Some(w) = v.get("date").and_then(|x| x.as_str()) {
            let got = meta.and_then(|m| m.published.clone()).unwrap_or_default();
            let ok = if w.is_empty() {
                got.is_empty()
            } else {
                got.get(..10) == Some(w)
            };
            if !ok {
                missing.push(format!("date {got:?} want {w:?}"));
            }
            date.add(ok);
        }
        let score = (w_ok + wo_ok) as f64 / (w_n + wo_n).max(1) as f64;
        pages.push((score, key.clone(), missing));
    }
    if pages.is_empty() {
        return;
    }
    println!("trafilatura pages ({}):", pages.len());
    println!("  with found     {}", with.show());
    println!("  without absent {}", without.show());
    println!(
        "    present, by the paragraph that kept it: {}",
        common::counts(present_by_kind, usize::MAX)
    );
    println!("  title          {}", title.show());
    println!("  author         {}", author.show());
    println!("  date           {}", date.show());
    if run.show_pages {
        pages.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (s, k, missing) in &pages {
            println!("  {s:.3}  {k}  {}", missing.join(" · "));
        }
    }
}

fn main() {
    let corpus = common::corpus_dir();
    let only = common::flag("--only");
    let mut run = Run {
        options: Options {
            kind: InputKind::Html,
            ..Options::default()
        },
        times: Vec::new(),
        extract_times: Vec::new(),
        show_pages: std::env::args().any(|a| a == "--pages"),
        only,
    };
    let dir = corpus.join("extraction");
    if !dir.exists() {
        println!(
            "The corpus is not here ({} is missing): nothing to measure.",
            dir.display()
        );
        return;
    }
    readability(&mut run, &dir.join("readability"));
    trafilatura(&mut run, &dir.join("trafilatura"));
    if run.times.is_empty() {
        return;
    }
    for (what, times) in [
        ("whole analysis", &mut run.times),
        (
            "reading the page alone (stage \"input\")",
            &mut run.extract_times,
        ),
    ] {
        times.sort_by(|a, b| a.0.total_cmp(&b.0));
        let n = times.len();
        let total: f64 = times.iter().map(|t| t.0).sum();
        let (max, slowest) = &times[n - 1];
        println!(
            "Time per page, {what} (native, {n} pages, median of 3 runs each): mean {:.2} ms, median {:.2} ms, slowest {max:.1} ms ({slowest}); pages over 50 ms: {}",
            total / n as f64,
            times[n / 2].0,
            times.iter().filter(|t| t.0 > 50.0).count()
        );
    }
}
