//! Key phrases on 500N-KPCrowd (`keyphrases/kpcrowd/` in `../shared/corpus`:
//! 250 English news stories, `docs/X.txt`, each with the key phrases a crowd
//! chose, `keys/X.key`, one a line): F1, precision and recall at 10 for
//! article-lens and for YAKE, side by side under one scorer. Issue 7 asks for
//! F1@10 of at least 1.5 times YAKE's.
//!
//! Each story is analysed as plain text (`Options { kind: InputKind::Text,
//! ..Default::default() }`, the whole analysis), and the first ten
//! `analysis.keyphrases` (best first) are its predictions. YAKE's come from
//! `bench/keyphrases_yake.py` (`yake.KeywordExtractor(lan="en", n=3,
//! top=10)`, the pinned version), which writes them with its wall time to
//! `bench/results/keyphrases-yake.jsonl`; without that file the YAKE column
//! is left empty.
//!
//! The scorer (`score`, the same function for both):
//! - A phrase is lower-cased, cut into words at every character that is
//!   neither alphanumeric nor `_` (the words of the regex `\w+`), and each
//!   word Porter-stemmed; the phrase is then that sequence of stems.
//! - The stemmer is the crate `nltk-porter` in `Mode::Martin`: the original
//!   Porter (1980) algorithm as Martin Porter's own reference code has it (it
//!   gives his 23,531-word test vocabulary's expected stems exactly), not
//!   Snowball's English stemmer (Porter2). That code departs from the paper
//!   in three small ways (step 2's `logi` → `log` and `bli` → `ble`, words
//!   of two letters or fewer left alone); the paper's own rules
//!   (`Mode::Original`; checked with NLTK's) give YAKE the same figures to
//!   three decimals. (The
//!   crate `porter-stemmer` 0.1.2 stems 96 words of that vocabulary wrongly,
//!   `agreement` → `agreem` among them.)
//! - Of a story's predictions only the first ten are taken; phrases with no
//!   word are dropped and stemmed duplicates removed (first kept), in the
//!   predictions and in the gold alike.
//! - A prediction matches a gold phrase when their stem sequences are equal;
//!   as both lists are distinct, each gold phrase is matched at most once.
//! - Per story: P = matches / predictions (at most 10), R = matches /
//!   distinct gold phrases, F1 their harmonic mean (0 when both are 0; a
//!   story with no prediction scores 0). P, R and F1 are then each averaged
//!   over the stories (macro average).
//!
//! Halves: the stories sorted by file name, even indexes (0, 2, …) are half
//! A, the tuning half, odd ones half B, the held-out half: tune the extractor
//! on A, check on B.
//!
//!   make bench-keyphrases        (runs YAKE first, then this)
//!   cargo bench --profile release --bench keyphrases -- [CORPUS_DIR]
//!
//! Prints a Markdown table and saves the same text to
//! `bench/results/keyphrases.md`; every story's predictions, both systems',
//! each marked hit or not, with the gold, go to
//! `bench/results/keyphrases-misses.json` (not committed: it quotes the
//! corpus). Time is article-lens's whole analysis of every story (median of
//! at least three passes) beside YAKE's extraction time from the script.

use article_lens::{analyze, InputKind, Options};
use nltk_porter::{Mode, PorterStemmer};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

#[path = "common.rs"]
mod common;

/// Predictions scored per story.
const TOP: usize = 10;
/// Timed passes over all stories: at least this many and this long.
const MIN_RUNS: usize = 3;
const MIN_SECONDS: f64 = 1.0;
/// Issue 7's target: article-lens's F1@10 over YAKE's.
const TARGET: f64 = 1.5;
/// Written by bench/keyphrases_yake.py.
const YAKE_FILE: &str = "bench/results/keyphrases-yake.jsonl";

/// A phrase as the scorer compares it: its words (`\w+`), lower-cased and
/// Porter-stemmed, joined by one space; empty when it has no word.
fn normalize(stemmer: &PorterStemmer, phrase: &str) -> String {
    phrase
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(|w| stemmer.stem(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The distinct non-empty normalized forms of `phrases`, first kept, each
/// with the index of the phrase it came from.
fn distinct<'a>(
    stemmer: &PorterStemmer,
    phrases: impl IntoIterator<Item = &'a str>,
) -> Vec<(String, usize)> {
    let mut seen = HashSet::new();
    phrases
        .into_iter()
        .enumerate()
        .map(|(i, p)| (normalize(stemmer, p), i))
        .filter(|(n, _)| !n.is_empty() && seen.insert(n.clone()))
        .collect()
}

/// One system's score on one story.
#[derive(Clone, Copy, Default, Serialize)]
struct Score {
    hits: usize,
    predictions: usize,
    gold: usize,
    p: f64,
    r: f64,
    f1: f64,
}

/// Scores `predicted` (best first; only the first [`TOP`] count) against
/// `gold` (already distinct and normalized): the score, and for each
/// prediction kept, its normalized form and whether it matched.
fn score(
    stemmer: &PorterStemmer,
    predicted: &[String],
    gold: &HashSet<String>,
) -> (Score, Vec<(usize, String, bool)>) {
    let kept: Vec<(usize, String, bool)> =
        distinct(stemmer, predicted.iter().take(TOP).map(String::as_str))
            .into_iter()
            .map(|(n, i)| {
                let hit = gold.contains(&n);
                (i, n, hit)
            })
            .collect();
    let hits = kept.iter().filter(|k| k.2).count();
    let (p, r, f1) = common::prf(hits, kept.len(), gold.len());
    let s = Score {
        hits,
        predictions: kept.len(),
        gold: gold.len(),
        p,
        r,
        f1,
    };
    (s, kept)
}

/// Scores averaged over stories.
#[derive(Clone, Copy, Default)]
struct Mean {
    stories: usize,
    p: f64,
    r: f64,
    f1: f64,
}

impl Mean {
    fn add(&mut self, s: &Score) {
        self.stories += 1;
        self.p += s.p;
        self.r += s.r;
        self.f1 += s.f1;
    }
    /// (F1, P, R), averaged.
    fn get(&self) -> [f64; 3] {
        let n = self.stories.max(1) as f64;
        [self.f1 / n, self.p / n, self.r / n]
    }
}

struct Story {
    id: String,
    text: String,
    /// Even index in file-name order: the tuning half.
    half_a: bool,
    headline_only: bool,
    /// The gold phrases as written, one per distinct normalized form.
    gold: Vec<(String, String)>,
    gold_set: HashSet<String>,
    /// Gold phrases (normalized) whose stems occur in the text's stems, in order.
    in_text: HashSet<String>,
    gold_lines: usize,
    words: usize,
}

/// YAKE's output: its header and each story's phrases.
struct Yake {
    version: String,
    seconds: Option<f64>,
    passes: u64,
    python: String,
    phrases: HashMap<String, Vec<String>>,
}

fn read_yake(path: &Path) -> Result<Yake, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut y = Yake {
        version: "?".into(),
        seconds: None,
        passes: 0,
        python: String::new(),
        phrases: HashMap::new(),
    };
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        if let Some(id) = v["id"].as_str() {
            let phrases = v["phrases"]
                .as_array()
                .ok_or(format!("line {}: no phrases", n + 1))?
                .iter()
                .filter_map(|p| p.as_str().map(str::to_string))
                .collect();
            y.phrases.insert(id.to_string(), phrases);
        } else if let Some(version) = v["yake"].as_str() {
            y.version = version.to_string();
            y.seconds = v["seconds"].as_f64();
            y.passes = v["passes"].as_u64().unwrap_or(0);
            y.python = v["python"].as_str().unwrap_or_default().to_string();
        }
    }
    Ok(y)
}

#[derive(Serialize)]
struct Predicted {
    text: String,
    stemmed: String,
    hit: bool,
}

#[derive(Serialize)]
struct SystemReport {
    #[serde(flatten)]
    score: Score,
    predictions: Vec<Predicted>,
}

#[derive(Serialize)]
struct Gold {
    text: String,
    stemmed: String,
    /// Its stems occur, in order, among the text's.
    in_text: bool,
    by_article_lens: bool,
    by_yake: bool,
}

#[derive(Serialize)]
struct StoryReport {
    id: String,
    half: &'static str,
    headline_only: bool,
    words: usize,
    article_lens: SystemReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    yake: Option<SystemReport>,
    gold: Vec<Gold>,
}

fn report(predicted: &[String], s: Score, kept: &[(usize, String, bool)]) -> SystemReport {
    SystemReport {
        score: s,
        predictions: kept
            .iter()
            .map(|(i, n, hit)| Predicted {
                text: predicted[*i].clone(),
                stemmed: n.clone(),
                hit: *hit,
            })
            .collect(),
    }
}

/// The scorer on a hand-made case; panics when it is wrong.
fn self_check(stemmer: &PorterStemmer) {
    assert_eq!(normalize(stemmer, "Running  SHOES!"), "run shoe");
    assert_eq!(normalize(stemmer, "U.S.-led"), "u s led");
    assert_eq!(normalize(stemmer, " -- "), "");
    // Porter, not Porter2: "generously" is "gener" (Porter2: "generous").
    assert_eq!(stemmer.stem("generously"), "gener");
    let gold: HashSet<String> = ["shoe", "run shoe", "new york", "price"]
        .iter()
        .map(|g| normalize(stemmer, g))
        .collect();
    let predicted: Vec<String> = [
        "Running shoes",
        "running shoe",
        "!!",
        "New-York",
        "shoes",
        "Nike",
        "a",
        "b",
        "c",
        "d",
        "prices",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // The first ten: "running shoe" and "!!" drop out, "prices" is eleventh.
    let (s, kept) = score(stemmer, &predicted, &gold);
    assert_eq!((s.hits, s.predictions, s.gold), (3, 8, 4), "self-check");
    assert_eq!(kept.iter().map(|k| k.0).collect::<Vec<_>>()[..3], [0, 3, 4]);
    assert!((s.f1 - 2.0 * (3.0 / 8.0) * 0.75 / (3.0 / 8.0 + 0.75)).abs() < 1e-12);
    let (none, _) = score(stemmer, &[], &gold);
    assert_eq!((none.p, none.r, none.f1), (0.0, 0.0, 0.0));
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let stemmer = PorterStemmer::new(Mode::Martin);
    self_check(&stemmer);
    let root = common::corpus_dir().join("keyphrases/kpcrowd");
    let (docs, keys) = (root.join("docs"), root.join("keys"));
    let Ok(entries) = std::fs::read_dir(&docs) else {
        println!(
            "The KPCrowd stories are not here ({}): nothing to measure.",
            docs.display()
        );
        return;
    };
    let mut files: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();

    // The stories and their gold.
    let mut stories = Vec::new();
    let mut no_key = Vec::new();
    for path in &files {
        let id = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let (Ok(text), Ok(key)) = (
            std::fs::read_to_string(path),
            std::fs::read_to_string(keys.join(format!("{id}.key"))),
        ) else {
            no_key.push(id);
            continue;
        };
        let lines: Vec<&str> = key
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let gold: Vec<(String, String)> = distinct(&stemmer, lines.iter().copied())
            .into_iter()
            .map(|(n, i)| (lines[i].to_string(), n))
            .collect();
        let gold_set: HashSet<String> = gold.iter().map(|g| g.1.clone()).collect();
        // Which gold phrases an extractor could find: their stems, in order, in the text's.
        let stems: Vec<String> = normalize(&stemmer, &text)
            .split(' ')
            .map(str::to_string)
            .collect();
        let lengths: HashSet<usize> = gold.iter().map(|g| g.1.split(' ').count()).collect();
        let mut ngrams = HashSet::new();
        for &n in &lengths {
            for w in stems.windows(n) {
                ngrams.insert(w.join(" "));
            }
        }
        let in_text = gold_set.intersection(&ngrams).cloned().collect();
        stories.push(Story {
            half_a: stories.len() % 2 == 0,
            headline_only: text.lines().filter(|l| !l.trim().is_empty()).count() <= 1,
            words: stems.iter().filter(|s| !s.is_empty()).count(),
            gold_lines: lines.len(),
            id,
            text,
            gold,
            gold_set,
            in_text,
        });
    }
    if stories.is_empty() {
        println!("No KPCrowd story with its key file in {}.", root.display());
        return;
    }

    // article-lens's key phrases.
    let options = Options {
        kind: InputKind::Text,
        ..Options::default()
    };
    let mut errors = Vec::new();
    let ours: Vec<Vec<String>> = stories
        .iter()
        .map(|s| match analyze(&s.text, &options) {
            Ok(a) => a
                .keyphrases
                .iter()
                .take(TOP)
                .map(|k| k.text.clone())
                .collect(),
            Err(e) => {
                errors.push(format!("{}: {e}", s.id));
                Vec::new()
            }
        })
        .collect();

    // YAKE's, when the script has run.
    let yake = match read_yake(Path::new(YAKE_FILE)) {
        Ok(y) => Some(y),
        Err(e) => {
            eprintln!("No YAKE phrases ({YAKE_FILE}: {e}).");
            None
        }
    };

    // Scores: [all, half A, half B, headline only, the rest] × [article-lens, YAKE].
    let mut means = [[Mean::default(); 2]; 5];
    let mut reports = Vec::new();
    let (mut yake_missing, mut ours_empty) = (0, 0);
    for (s, predicted) in stories.iter().zip(&ours) {
        ours_empty += usize::from(predicted.is_empty());
        let (a_score, a_kept) = score(&stemmer, predicted, &s.gold_set);
        let y = yake.as_ref().map(|y| {
            let p = y.phrases.get(&s.id).cloned().unwrap_or_else(|| {
                yake_missing += 1;
                Vec::new()
            });
            let (sc, kept) = score(&stemmer, &p, &s.gold_set);
            (p, sc, kept)
        });
        let groups = [true, s.half_a, !s.half_a, s.headline_only, !s.headline_only];
        for (g, _) in groups.iter().enumerate().filter(|(_, &on)| on) {
            means[g][0].add(&a_score);
            if let Some((_, sc, _)) = &y {
                means[g][1].add(sc);
            }
        }
        let hits = |kept: &[(usize, String, bool)], n: &str| kept.iter().any(|k| k.2 && k.1 == n);
        reports.push(StoryReport {
            id: s.id.clone(),
            half: if s.half_a { "A" } else { "B" },
            headline_only: s.headline_only,
            words: s.words,
            gold: s
                .gold
                .iter()
                .map(|(text, n)| Gold {
                    text: text.clone(),
                    stemmed: n.clone(),
                    in_text: s.in_text.contains(n),
                    by_article_lens: hits(&a_kept, n),
                    by_yake: y.as_ref().is_some_and(|(_, _, k)| hits(k, n)),
                })
                .collect(),
            article_lens: report(predicted, a_score, &a_kept),
            yake: y.as_ref().map(|(p, sc, k)| report(p, *sc, k)),
        });
    }

    // Speed: whole analyses of every story.
    let mut runs = Vec::new();
    let started = Instant::now();
    while runs.len() < MIN_RUNS || started.elapsed().as_secs_f64() < MIN_SECONDS {
        let t0 = Instant::now();
        for s in &stories {
            std::hint::black_box(analyze(&s.text, &options).ok());
        }
        runs.push(t0.elapsed().as_secs_f64());
    }
    let passes = runs.len();
    let ours_ms = median(runs) * 1000.0;

    // The table.
    let n = stories.len();
    let yake_name = yake
        .as_ref()
        .map_or("YAKE".to_string(), |y| format!("YAKE {}", y.version));
    let mut md = String::new();
    let _ = writeln!(
        md,
        "## Key phrases: 500N-KPCrowd, {n} stories, top {TOP} against the crowd's key phrases (Porter-stemmed, averaged over stories)\n"
    );
    let _ = writeln!(
        md,
        "| measure | article-lens | {yake_name} | article-lens / YAKE | target |\n|---|---:|---:|---:|---:|"
    );
    let halves = [
        (0, format!("all {n} stories")),
        (
            1,
            format!("half A (tuning: even indexes, {})", means[1][0].stories),
        ),
        (
            2,
            format!("half B (held-out: odd indexes, {})", means[2][0].stories),
        ),
    ];
    for (g, label) in &halves {
        let ours = means[*g][0].get();
        let theirs = yake.as_ref().map(|_| means[*g][1].get());
        for (i, name) in ["F1@10", "P@10", "R@10"].iter().enumerate() {
            let (a, y) = (ours[i], theirs.map(|t| t[i]));
            let ratio = y
                .filter(|&y| y > 0.0)
                .map_or("–".to_string(), |y| format!("{:.2}×", a / y));
            let yake_cell = y.map_or("–".to_string(), |y| format!("{y:.3}"));
            if i == 0 {
                let _ = writeln!(
                    md,
                    "| **{name}, {label}** | **{a:.3}** | {yake_cell} | **{ratio}** | ≥ {TARGET}× YAKE |"
                );
            } else {
                let _ = writeln!(md, "| {name}, {label} | {a:.3} | {yake_cell} | {ratio} | |");
            }
        }
    }
    let yake_time = yake
        .as_ref()
        .and_then(|y| y.seconds.map(|s| (y, s * 1000.0)));
    let _ = writeln!(
        md,
        "| time, all {n} stories | {ours_ms:.0} ms (whole analysis, median of {passes} passes) | {} | {} | |",
        yake_time.map_or("–".to_string(), |(y, ms)| format!(
            "{ms:.0} ms (extraction only, median of {} passes, Python {})",
            y.passes, y.python
        )),
        yake_time.map_or("–".to_string(), |(_, ms)| format!("{:.2}×", ours_ms / ms)),
    );
    let _ = writeln!(md);

    // The corpus in figures.
    let gold_lines: usize = stories.iter().map(|s| s.gold_lines).sum();
    let distinct_gold: usize = stories.iter().map(|s| s.gold.len()).sum();
    let single: usize = stories
        .iter()
        .flat_map(|s| &s.gold)
        .filter(|g| !g.1.contains(' '))
        .count();
    let in_text: usize = stories.iter().map(|s| s.in_text.len()).sum();
    let headline_only = stories.iter().filter(|s| s.headline_only).count();
    let mut words: Vec<f64> = stories.iter().map(|s| s.words as f64).collect();
    words.sort_by(|a, b| a.total_cmp(b));
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    let _ = writeln!(
        md,
        "The corpus: {n} stories, median {:.0} words; {headline_only} are only a headline (one non-empty line), though their gold was chosen on the full story. \
         Gold: {gold_lines} phrases, {:.1} a story ({:.1} distinct once stemmed), {:.0}% of the distinct ones a single word; \
         {:.0}% of them occur in their story's text (stems in order), so an extractive system's R@10 cannot pass {:.3}.",
        median(words),
        gold_lines as f64 / n as f64,
        distinct_gold as f64 / n as f64,
        pct(single, distinct_gold),
        pct(in_text, distinct_gold),
        stories
            .iter()
            .map(|s| s.in_text.len().min(TOP) as f64 / s.gold.len().max(1) as f64)
            .sum::<f64>()
            / n as f64,
    );
    let f1_of = |g: usize, sys: usize| means[g][sys].get()[0];
    let _ = writeln!(
        md,
        "F1@10 on the {headline_only} headline-only stories: article-lens {:.3}{}; on the other {}: article-lens {:.3}{}.",
        f1_of(3, 0),
        yake.as_ref()
            .map_or(String::new(), |_| format!(", YAKE {:.3}", f1_of(3, 1))),
        n - headline_only,
        f1_of(4, 0),
        yake.as_ref()
            .map_or(String::new(), |_| format!(", YAKE {:.3}", f1_of(4, 1))),
    );
    if ours_empty > 0 {
        let _ = writeln!(
            md,
            "article-lens gave no key phrase for {ours_empty} of {n} stories (each scores 0)."
        );
    }
    match &yake {
        None => {
            let _ = writeln!(
                md,
                "No YAKE column: `{YAKE_FILE}` is absent or unreadable (`make bench-keyphrases` runs `bench/keyphrases_yake.py` to write it)."
            );
        }
        Some(_) if yake_missing > 0 => {
            let _ = writeln!(
                md,
                "**Warning:** `{YAKE_FILE}` lacks {yake_missing} of the {n} stories (each scores 0 for YAKE): run the script again."
            );
        }
        Some(_) => {}
    }
    if !no_key.is_empty() {
        let _ = writeln!(
            md,
            "{} stories were left out, unreadable or without a key file: {}.",
            no_key.len(),
            no_key.join(", ")
        );
    }
    if !errors.is_empty() {
        let _ = writeln!(
            md,
            "The analysis failed on {} stories: {}.",
            errors.len(),
            common::first_errors(&errors)
        );
    }
    print!("{md}");
    let out = Path::new("bench/results");
    let _ = std::fs::create_dir_all(out);
    let _ = std::fs::write(out.join("keyphrases.md"), &md);
    let _ = std::fs::write(
        out.join("keyphrases-misses.json"),
        serde_json::to_string_pretty(&reports).unwrap_or_default() + "\n",
    );
    eprintln!("Every story's predictions and gold: bench/results/keyphrases-misses.json");
}
