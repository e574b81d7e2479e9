//! What the benchmark harnesses share.

use std::path::PathBuf;

/// Flags that take a value: `--only NAME` (extract), `--split dev|train`
/// (quotes), `--doc NAME` (time).
const VALUE_FLAGS: [&str; 3] = ["--only", "--split", "--doc"];

/// The development corpus: the first argument that is neither a flag (cargo
/// bench passes `--bench`) nor the value of one of [`VALUE_FLAGS`], else
/// `../shared/corpus`.
pub fn corpus_dir() -> PathBuf {
    let args: Vec<String> = std::env::args().skip(1).collect();
    args.iter()
        .enumerate()
        .find(|(i, a)| {
            !a.starts_with('-') && (*i == 0 || !VALUE_FLAGS.contains(&args[i - 1].as_str()))
        })
        .map(|(_, a)| PathBuf::from(a))
        .unwrap_or_else(|| PathBuf::from("../shared/corpus"))
}

/// The value given after flag `name` (`--split train`), if any.
/// (Not every benchmark has such a flag.)
#[allow(dead_code)]
pub fn flag(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// Precision, recall and F1 of `hit` right answers among `predicted`, of
/// `gold` wanted (0 where there is nothing to count).
/// (Not every benchmark scores so.)
#[allow(dead_code)]
pub fn prf(hit: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(hit, predicted), ratio(hit, gold));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Counts, largest first, as "name 12, other 3" (at most `most` of them).
/// (Not every benchmark prints counts.)
#[allow(dead_code)]
pub fn counts<K: std::fmt::Display>(
    counts: std::collections::HashMap<K, usize>,
    most: usize,
) -> String {
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
        .iter()
        .take(most)
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first three of `errors` joined with "; ", for a line under a table
/// saying what failed. (Not every benchmark reports failures.)
#[allow(dead_code)]
pub fn first_errors(errors: &[String]) -> String {
    errors
        .iter()
        .take(3)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ")
}
