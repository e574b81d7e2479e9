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
