//! Text-quality warnings on professional news copy: the texts of PolNeAR's
//! dev split (`quotes/polnear/dev/text/*.txt` in `../shared/corpus`),
//! analysed as plain text. Issue 7 asks for no false warning on clean copy:
//! this prints warnings per 1,000 words by kind and, for reading, every
//! warning with its context (the corpus is not committed, so neither is the
//! list: `bench/results/warnings-sample.txt`, gitignored).
//!
//!   cargo bench --profile release --bench warnings -- [CORPUS_DIR]

use article_lens::{analyze, InputKind, Options};
use std::collections::HashMap;
use std::fmt::Write as _;

#[path = "common.rs"]
mod common;

/// Characters of context either side of a warning in the sample.
const CONTEXT: usize = 60;

fn main() {
    let dir = common::corpus_dir().join("quotes/polnear/dev/text");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "The PolNeAR texts are not here ({}): nothing to measure.",
            dir.display()
        );
        return;
    };
    let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    let options = Options {
        kind: InputKind::Text,
        ..Options::default()
    };
    let (mut words, mut docs) = (0u64, 0usize);
    let mut by_kind: HashMap<String, usize> = HashMap::new();
    let mut docs_with: HashMap<String, usize> = HashMap::new();
    let mut sample = String::new();
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok(a) = analyze(&text, &options) else {
            continue;
        };
        docs += 1;
        words += u64::from(a.stats.words);
        let mut kinds_here = std::collections::HashSet::new();
        for w in &a.warnings {
            *by_kind.entry(w.kind.to_string()).or_default() += 1;
            kinds_here.insert(w.kind.to_string());
            let units: Vec<u16> = a.text.encode_utf16().collect();
            let (s, e) = (w.start as usize, w.end as usize);
            let cut =
                |a: usize, b: usize| String::from_utf16_lossy(&units[a..b]).replace('\n', " ⏎ ");
            let _ = writeln!(
                sample,
                "{} | {} | {}[[{}]]{}",
                path.file_name().unwrap_or_default().to_string_lossy(),
                w.kind,
                cut(s.saturating_sub(CONTEXT), s),
                cut(s, e),
                cut(e, (e + CONTEXT).min(units.len()))
            );
        }
        for k in kinds_here {
            *docs_with.entry(k).or_default() += 1;
        }
    }
    let total: usize = by_kind.values().sum();
    let per_k = |n: usize| n as f64 * 1000.0 / words.max(1) as f64;
    println!("PolNeAR dev texts: {docs} documents, {words} words, analysed as plain text\n");
    println!("| kind | warnings | per 1,000 words | documents with one |");
    println!("|---|---:|---:|---:|");
    let mut kinds: Vec<_> = by_kind.iter().collect();
    kinds.sort_by_key(|(k, n)| (std::cmp::Reverse(**n), (*k).clone()));
    for (k, n) in kinds {
        println!(
            "| `{k}` | {n} | {:.2} | {} |",
            per_k(*n),
            docs_with.get(k).copied().unwrap_or(0)
        );
    }
    println!("| **all** | {total} | **{:.2}** | |", per_k(total));
    let _ = std::fs::create_dir_all("bench/results");
    if std::fs::write("bench/results/warnings-sample.txt", &sample).is_ok() {
        println!("\nEvery warning with its context: bench/results/warnings-sample.txt");
    }
}
