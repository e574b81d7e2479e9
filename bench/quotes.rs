//! Quotations and their speakers, natively, on PolNeAR (`quotes/polnear/` in
//! `../shared/corpus`): the development split by default (`--split train`
//! for the training split, which tuning may look at).
//!
//! The rules (those of `bench/quotes-score.js`, the side-by-side run against
//! compromise in Chromium, written again here):
//! - every `.ann` file is a gold document of its own (some articles have two
//!   annotators); its attributions are the `E` lines, each with a `Content`
//!   span and usually a `Source`;
//! - a gold direct quote is a `Content` span holding a double quotation mark
//!   (" “ ” « » „); direct recall is the share of them that a predicted
//!   `direct` or `partial` quote overlaps; direct precision the share of
//!   predicted `direct`/`partial` quotes that overlap any gold `Content`;
//! - speaker accuracy, over found gold direct quotes that have a `Source`:
//!   right when an overlapping predicted quote's speaker span overlaps the
//!   `Source`, or its entity has a mention that does;
//! - all-attribution recall: the share of all gold `Content` spans that a
//!   predicted `direct`, `partial` or `indirect` quote overlaps (precision
//!   alike, over those predictions).
//!
//! Offsets: brat counts code points; the analysis counts UTF-16 units of
//! `analysis.text`, which is the input (`raw: true, kind: text`). Gold spans
//! are converted and checked against the text the `.ann` line quotes.
//!
//!   cargo bench --profile release --bench quotes -- [CORPUS_DIR] [--split dev|train]
//!
//! Prints a Markdown table, saves it to `bench/results/quotes-native.md`, and
//! lists every miss in `bench/results/quotes-misses-native.json` (not
//! committed: it quotes the corpus).

use article_lens::{analyze, Analysis, InputKind, Options};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

#[path = "common.rs"]
mod common;

/// Double marks that make a gold `Content` a direct quotation (two
/// apostrophes count too: the New York Times texts write double marks so).
const DOUBLE_MARKS: [char; 8] = [
    '"', '\u{201C}', '\u{201D}', '\u{201E}', '\u{201F}', '\u{AB}', '\u{BB}', '\u{FF02}',
];

/// Whether a gold text holds a quotation (`QUOTE_RULE` of
/// bench/quotes-score.js): a double mark, or a pair of single marks, the
/// opening one at a word's start before a letter, the closing one after a
/// letter, digit or punctuation at a word's end (so the apostrophes of
/// "Clinton’s", "’90s", "don’t" do not count).
fn is_direct(text: &str) -> bool {
    if text.contains(DOUBLE_MARKS) || text.contains("''") {
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    let before_open =
        |c: Option<&char>| c.is_none_or(|&c| c.is_whitespace() || "([{—–\"“„«-".contains(c));
    let before_close = |c: char| c.is_alphanumeric() || ".,!?;:…)]-".contains(c);
    let after_close =
        |c: Option<&char>| c.is_none_or(|&c| c.is_whitespace() || ".,;:!?…)]}\"”»—–-".contains(c));
    let open = (0..chars.len()).find(|&i| {
        matches!(chars[i], '\'' | '\u{2018}')
            && before_open(i.checked_sub(1).map(|j| &chars[j]))
            && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
    });
    open.is_some_and(|o| {
        (o + 2..chars.len()).any(|i| {
            matches!(chars[i], '\'' | '\u{2019}')
                && before_close(chars[i - 1])
                && after_close(chars.get(i + 1))
        })
    })
}

/// Timed passes over all articles: at least this many and this long.
const MIN_RUNS: usize = 3;
const MIN_SECONDS: f64 = 1.0;

type Span = (usize, usize);

struct Attribution {
    content: Vec<Span>,
    source: Option<Vec<Span>>,
    cue: Option<Vec<Span>>,
}

struct Gold {
    article: String,
    annotator: String,
    attributions: Vec<Attribution>,
}

fn overlaps(a: Span, b: Span) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn any_overlap(a: &[Span], b: Span) -> bool {
    a.iter().any(|&x| overlaps(x, b))
}

/// Parses a brat file; spans converted from code points to UTF-16 units.
/// Panics when a span's text is not what the line quotes (a wrong unit).
fn parse_ann(ann: &str, text: &str, cp_to_u16: &[usize]) -> Vec<Attribution> {
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let chars: Vec<char> = text.chars().collect();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(desc)) = (parts.next(), parts.next()) else {
            continue;
        };
        if !id.starts_with('T') {
            continue;
        }
        let quoted = parts.next().unwrap_or("");
        let offsets = desc.split_once(' ').map_or("", |x| x.1);
        let mut list = Vec::new();
        let mut written = String::new();
        for piece in offsets.split(';') {
            let mut n = piece
                .split_whitespace()
                .map(|x| x.parse::<usize>().unwrap_or(0));
            let (a, b) = (n.next().unwrap_or(0), n.next().unwrap_or(0));
            let (a, b) = (a.min(chars.len()), b.min(chars.len()));
            if !written.is_empty() {
                written.push(' ');
            }
            written.extend(&chars[a..b]);
            list.push((cp_to_u16[a], cp_to_u16[b]));
        }
        // Long spans are quoted cut short in a few files: one must start
        // the other.
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let (w, q) = (norm(&written), norm(quoted));
        assert!(
            w.starts_with(&q) || q.starts_with(&w),
            "offsets of {id} do not give its text: {w:?} vs {q:?}"
        );
        spans.insert(id, list);
    }
    let mut out = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for line in ann.lines().filter(|l| l.starts_with('E')) {
        let roles: HashMap<&str, &str> = line
            .split('\t')
            .nth(1)
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|x| x.split_once(':'))
            .collect();
        // Content, Content2, …: each content span once, with the sources of
        // every attribution that names it.
        let source = roles.get("Source").and_then(|t| spans.get(t)).cloned();
        let cue = roles.get("Cue").and_then(|t| spans.get(t)).cloned();
        for (role, t) in &roles {
            if role.trim_end_matches(|c: char| c.is_ascii_digit()) != "Content" {
                continue;
            }
            let Some(content) = spans.get(t) else {
                continue;
            };
            match seen.get(t) {
                Some(&i) => {
                    let a: &mut Attribution = &mut out[i];
                    if let Some(s) = &source {
                        a.source
                            .get_or_insert_with(Vec::new)
                            .extend(s.iter().copied());
                    }
                }
                None => {
                    seen.insert(t, out.len());
                    out.push(Attribution {
                        content: content.clone(),
                        source: source.clone(),
                        cue: cue.clone(),
                    });
                }
            }
        }
    }
    out
}

#[derive(Serialize, Default)]
struct Misses {
    article: String,
    annotator: String,
    missed: Vec<String>,
    false_positives: Vec<String>,
    wrong_speaker: Vec<(String, String, String)>,
    /// (cue, content, whether a prediction had that cue) of missed reports
    /// of speech without quotation marks.
    indirect_missed: Vec<(String, String, bool)>,
}

#[derive(Default)]
struct Totals {
    gold_direct: usize,
    found_direct: usize,
    pred_direct: usize,
    pred_direct_right: usize,
    speaker_gold: usize,
    speaker_right: usize,
    gold_all: usize,
    found_all: usize,
    pred_all: usize,
    pred_all_right: usize,
}

fn main() {
    let corpus = common::corpus_dir();
    let split = common::flag("--split");
    let split = split.as_deref().unwrap_or("dev");
    let root = corpus.join("quotes/polnear").join(split);
    if !root.join("attributions").is_dir() {
        println!(
            "The corpus is not here ({} is absent): nothing to measure.",
            root.display()
        );
        return;
    }
    let mut golds: Vec<Gold> = Vec::new();
    let mut texts: HashMap<String, String> = HashMap::new();
    let mut files: Vec<_> = std::fs::read_dir(root.join("attributions"))
        .expect("attributions")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    files.sort();
    for f in &files {
        let stem = f.file_stem().unwrap().to_string_lossy().to_string();
        let (article, annotator) = stem.rsplit_once('_').unwrap_or((&stem, ""));
        let text = texts.entry(article.to_string()).or_insert_with(|| {
            std::fs::read_to_string(root.join("text").join(format!("{article}.txt"))).expect("text")
        });
        let mut cp_to_u16 = Vec::with_capacity(text.len() + 1);
        let mut u = 0;
        for c in text.chars() {
            cp_to_u16.push(u);
            u += c.len_utf16();
        }
        cp_to_u16.push(u);
        let ann = std::fs::read_to_string(f).expect("ann");
        golds.push(Gold {
            article: article.to_string(),
            annotator: annotator.to_string(),
            attributions: parse_ann(&ann, text, &cp_to_u16),
        });
    }
    let options = Options {
        raw: true,
        kind: InputKind::Text,
        ..Options::default()
    };
    let mut analyses: HashMap<String, Analysis> = HashMap::new();
    for (name, text) in &texts {
        let a = analyze(text, &options).expect("analysis");
        assert_eq!(&a.text, text, "raw text analysis keeps the text");
        analyses.insert(name.clone(), a);
    }

    let mut t = Totals::default();
    let mut misses = Vec::new();
    for g in &golds {
        let a = &analyses[&g.article];
        let units: Vec<u16> = a.text.encode_utf16().collect();
        let snippet = |s: Span| String::from_utf16_lossy(&units[s.0..s.1.min(units.len())]);
        let direct: Vec<&article_lens::output::Quote> = a
            .quotes
            .iter()
            .filter(|q| q.kind == "direct" || q.kind == "partial")
            .collect();
        let reported: Vec<&article_lens::output::Quote> =
            a.quotes.iter().filter(|q| q.kind != "scare").collect();
        let qspan = |q: &article_lens::output::Quote| (q.start as usize, q.end as usize);
        let mut m = Misses {
            article: g.article.clone(),
            annotator: g.annotator.clone(),
            ..Misses::default()
        };
        let all_content: Vec<Span> = g
            .attributions
            .iter()
            .flat_map(|x| x.content.clone())
            .collect();
        for at in &g.attributions {
            let is_direct = is_direct(
                &at.content
                    .iter()
                    .map(|&s| snippet(s))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            t.gold_all += 1;
            let found_any = reported
                .iter()
                .any(|q| at.content.iter().any(|&c| overlaps(c, qspan(q))));
            if found_any {
                t.found_all += 1;
            } else if !is_direct {
                let cue = at.cue.as_ref().map_or(String::new(), |c| {
                    c.iter().map(|&s| snippet(s)).collect::<Vec<_>>().join(" ")
                });
                let cue_found = at.cue.as_ref().is_some_and(|c| {
                    a.quotes.iter().any(|q| {
                        q.cue
                            .is_some_and(|x| any_overlap(c, (x.start as usize, x.end as usize)))
                    })
                });
                m.indirect_missed
                    .push((cue, snippet(at.content[0]), cue_found));
            }
            if !is_direct {
                continue;
            }
            t.gold_direct += 1;
            let hits: Vec<_> = direct
                .iter()
                .filter(|q| at.content.iter().any(|&c| overlaps(c, qspan(q))))
                .collect();
            if hits.is_empty() {
                m.missed.push(snippet(at.content[0]));
                continue;
            }
            t.found_direct += 1;
            let Some(source) = &at.source else { continue };
            t.speaker_gold += 1;
            let right = hits.iter().any(|q| {
                q.speaker
                    .as_ref()
                    .is_some_and(|s| any_overlap(source, (s.start as usize, s.end as usize)))
                    || q.entity.is_some_and(|e| {
                        a.entities[e as usize]
                            .mentions
                            .iter()
                            .any(|x| any_overlap(source, (x.start as usize, x.end as usize)))
                    })
            });
            if right {
                t.speaker_right += 1;
            } else {
                let said = hits
                    .iter()
                    .map(|q| {
                        q.speaker
                            .as_ref()
                            .map_or("(none)".to_string(), |s| match q.entity {
                                Some(e) => format!("{} → {}", s.text, a.entities[e as usize].name),
                                None => s.text.clone(),
                            })
                    })
                    .collect::<Vec<_>>()
                    .join(" | ");
                m.wrong_speaker.push((
                    snippet(at.content[0]).chars().take(80).collect(),
                    source
                        .iter()
                        .map(|&s| snippet(s))
                        .collect::<Vec<_>>()
                        .join(" "),
                    said,
                ));
            }
        }
        for q in &direct {
            t.pred_direct += 1;
            if any_overlap(&all_content, qspan(q)) {
                t.pred_direct_right += 1;
            } else {
                m.false_positives.push(q.text.chars().take(100).collect());
            }
        }
        for q in &reported {
            t.pred_all += 1;
            if any_overlap(&all_content, qspan(q)) {
                t.pred_all_right += 1;
            }
        }
        misses.push(m);
    }

    // Speed: whole analyses of every article.
    let chars: usize = texts.values().map(|t| t.chars().count()).sum();
    let mut runs = Vec::new();
    let started = Instant::now();
    while runs.len() < MIN_RUNS || started.elapsed().as_secs_f64() < MIN_SECONDS {
        let t0 = Instant::now();
        for text in texts.values() {
            std::hint::black_box(analyze(text, &options).ok());
        }
        runs.push(t0.elapsed().as_secs_f64());
    }
    runs.sort_by(|a, b| a.total_cmp(b));
    let median = runs[runs.len() / 2];

    let ratio = |a: usize, b: usize| {
        if b == 0 {
            "n/a".to_string()
        } else {
            format!("{:.3}", a as f64 / b as f64)
        }
    };
    let mut md = String::new();
    let _ = writeln!(
        md,
        "## Quotes, natively: PolNeAR {split} ({} articles, {} annotation files)\n",
        texts.len(),
        golds.len()
    );
    let _ = writeln!(md, "| measure | article-lens | target |\n|---|---|---|");
    let rows = [
        ("direct recall", t.found_direct, t.gold_direct, "≥ 0.97"),
        (
            "direct precision",
            t.pred_direct_right,
            t.pred_direct,
            "≥ 0.95",
        ),
        (
            "speaker accuracy",
            t.speaker_right,
            t.speaker_gold,
            "≥ 0.90",
        ),
        ("all attributions recall", t.found_all, t.gold_all, "≥ 0.75"),
        (
            "all attributions precision",
            t.pred_all_right,
            t.pred_all,
            "",
        ),
    ];
    for (what, n, d, target) in rows {
        let _ = writeln!(md, "| {what} ({n}/{d}) | {} | {target} |", ratio(n, d));
    }
    let _ = writeln!(
        md,
        "| speed (whole analysis) | {:.0} articles/s, {:.0} k chars/s | |",
        texts.len() as f64 / median,
        chars as f64 / median / 1000.0
    );
    print!("{md}");
    let out = Path::new("bench/results");
    let _ = std::fs::create_dir_all(out);
    let _ = std::fs::write(
        out.join(format!(
            "quotes-native{}.md",
            if split == "dev" { "" } else { "-train" }
        )),
        &md,
    );
    let _ = std::fs::write(
        out.join(format!("quotes-misses-native-{split}.json")),
        serde_json::to_string_pretty(&misses).unwrap_or_default(),
    );
}
