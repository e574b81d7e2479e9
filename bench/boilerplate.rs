//! How much real content the boilerplate rules would wrongly remove.
//!
//! Reads the hand-checked main content of Mozilla Readability's 130 test pages
//! (`extraction/readability/*/expected.html.gz` in the development corpus),
//! analyses each as HTML exactly as the page and CLI would (text rules and
//! main-content extraction both), and counts every block that ends up in
//! `removed`: by Readability's judgement all of it is article content, so
//! every one is a removal Readability would not make (some, such as a
//! "Sign up for our newsletter" line inside an article, are removals by
//! design). Prints each with its page and reason.
//!
//!   cargo bench --bench boilerplate -- [CORPUS_DIR] [--blocks]    (default ../shared/corpus)

use article_lens::{analyze, InputKind, Options};
use flate2::read::GzDecoder;
use std::io::Read;
use std::path::PathBuf;

#[path = "common.rs"]
mod common;

fn main() {
    let corpus = common::corpus_dir();
    let dir = corpus.join("extraction/readability");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "The corpus is not here ({} is missing): nothing to measure.",
            dir.display()
        );
        return;
    };
    let mut cases: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    cases.sort();
    let options = Options {
        kind: InputKind::Html,
        ..Options::default()
    };
    let (mut pages, mut paragraphs, mut removed) = (0usize, 0usize, 0usize);
    let show_blocks = std::env::args().any(|a| a == "--blocks");
    let mut by_reason: std::collections::HashMap<&str, usize> = Default::default();
    let mut by_page: std::collections::HashMap<String, usize> = Default::default();
    for case in &cases {
        let Ok(file) = std::fs::File::open(case.join("expected.html.gz")) else {
            continue;
        };
        let mut html = String::new();
        if GzDecoder::new(file).read_to_string(&mut html).is_err() {
            println!("{}: not readable, skipped", case.display());
            continue;
        }
        pages += 1;
        let a = match analyze(&html, &options) {
            Ok(a) => a,
            Err(e) => {
                println!("{}: {}", case.display(), e);
                continue;
            }
        };
        paragraphs += a.paragraphs.len() + a.removed.len();
        let name = case
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        for r in &a.removed {
            removed += 1;
            *by_reason.entry(r.reason.label()).or_insert(0usize) += 1;
            *by_page.entry(name.clone()).or_insert(0usize) += 1;
            // The blocks themselves quote the corpus: on request only (the
            // saved results keep counts).
            if show_blocks {
                let preview: String = r.text.chars().take(100).collect();
                println!(
                    "  wrongly removed [{name}] {}: {preview:?}",
                    r.reason.label()
                );
            }
        }
    }
    println!(
        "Readability expected content: {pages} pages, {paragraphs} blocks, {removed} wrongly removed ({:.3}%)",
        100.0 * removed as f64 / paragraphs.max(1) as f64
    );
    println!("  by reason: {}", common::counts(by_reason, usize::MAX));
    println!("  by page (most first): {}", common::counts(by_page, 15));
    println!("  (--blocks lists every removed block)");
}
