//! What the benchmark harnesses share.

use std::path::PathBuf;

/// The development corpus: the first argument that is not a flag (cargo bench
/// passes `--bench`), else `../shared/corpus`.
pub fn corpus_dir() -> PathBuf {
    std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpus"))
}
