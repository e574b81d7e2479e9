//! Native speed of the pipeline, stage by stage, on the seed article repeated
//! ×1, ×10, ×100 and ×1000 (joined as paragraphs), so that growth with input
//! size shows: the ×1000 time should be close to 1000 × the ×1 time.
//!
//!   cargo bench --bench pipeline -- [CORPUS_DIR]     (default ../shared/corpus)
//!
//! Uses the corpus's seed article when present, else the project's own
//! seed-like fixture (and says which).

use article_lens::{analyze_timed, Options};

#[path = "common.rs"]
mod common;
use std::time::Instant;

/// Runs at least this long per size (after warm-up) to get a stable median.
const MIN_SECONDS: f64 = 2.0;

fn seed() -> (String, String) {
    let corpus = common::corpus_dir();
    let path = corpus.join("seed-article.txt");
    match std::fs::read_to_string(&path) {
        Ok(s) => (s, path.display().to_string()),
        Err(_) => {
            let own = "tests/fixtures/seed-like/input.txt";
            println!(
                "The corpus seed article is not here ({}); using {own}.",
                path.display()
            );
            (
                std::fs::read_to_string(own).expect("fixture present"),
                own.to_string(),
            )
        }
    }
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let (seed, source) = seed();
    println!("Input: {source} ({} bytes)\n", seed.len());
    let epoch = Instant::now();
    let clock = move || epoch.elapsed().as_secs_f64() * 1000.0;
    let options = Options::default();
    // The stages, named as `analyze_timed` reports them (one column each).
    let names: Vec<&str> = analyze_timed(&seed, &options, &clock)
        .1
        .iter()
        .map(|(name, _)| *name)
        .collect();
    let heads: String = names.iter().map(|n| format!(" {n} ms |")).collect();
    println!("| input | bytes |{heads} total ms | MB/s | vs ×1 per byte |");
    println!("|---|---:|{}---:|---:|---:|", "---:|".repeat(names.len()));
    let mut base_per_byte = None;
    for n in [1usize, 10, 100, 1000] {
        let text = vec![seed.as_str(); n].join("\n\n");
        // Warm up (caches, allocator).
        for _ in 0..3 {
            let _ = analyze_timed(&text, &options, &clock);
        }
        let mut stages: Vec<Vec<f64>> = vec![Vec::new(); names.len()];
        let mut totals = Vec::new();
        let start = Instant::now();
        while start.elapsed().as_secs_f64() < MIN_SECONDS || totals.len() < 5 {
            let (result, timings) = analyze_timed(&text, &options, &clock);
            assert!(result.is_ok());
            for (i, (_, ms)) in timings.iter().enumerate().take(names.len()) {
                stages[i].push(*ms);
            }
            totals.push(timings.iter().map(|(_, ms)| ms).sum());
        }
        let total = median(&mut totals);
        let per_byte = total / text.len() as f64;
        let ratio = per_byte / *base_per_byte.get_or_insert(per_byte);
        let cells: String = stages
            .iter_mut()
            .map(|v| format!(" {:.3} |", median(v)))
            .collect();
        println!(
            "| seed ×{n} | {} |{cells} {:.3} | {:.1} | {:.2} |",
            text.len(),
            total,
            text.len() as f64 / 1e6 / (total / 1000.0),
            ratio
        );
    }
}
