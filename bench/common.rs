//! What the benchmark harnesses share.

use std::path::PathBuf;

/// The development corpus: the first argument that is neither a flag (cargo
/// bench passes `--bench`) nor the value of `--only`, else `../shared/corpus`.
pub fn corpus_dir() -> PathBuf {
    let args: Vec<String> = std::env::args().skip(1).collect();
    args.iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with('-') && (*i == 0 || args[i - 1] != "--only"))
        .map(|(_, a)| PathBuf::from(a))
        .unwrap_or_else(|| PathBuf::from("../shared/corpus"))
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
