//! What both fuzz targets check of one analysis, beyond "no panic".
//!
//! A failed check panics on purpose: a panic is how a libFuzzer target reports
//! a finding (it saves the input under `fuzz/artifacts/`).

use article_lens::{analyze, Analysis, ErrorKind, Options};

/// The span and cross-reference invariants, the same file
/// `tests/properties.rs` checks with proptest.
#[path = "../../tests/support/invariants.rs"]
pub mod invariants;

/// Analyses `input` twice with `options` and checks what must hold for any
/// input: the two results are equal (no hidden state, no iteration-order
/// dependence), an error is a refusal of the input (never of valid options),
/// and every span of a result is valid. Returns the analysis, if there is one.
pub fn analyse_and_check(input: &str, options: &Options) -> Option<Analysis> {
    let first = analyze(input, options);
    let second = analyze(input, options);
    assert!(
        first == second,
        "analysing twice gave different results for {options:?}"
    );
    match first {
        Ok(a) => {
            if let Err(broken) = invariants::check_analysis(&a) {
                panic!("{broken} ({options:?})");
            }
            Some(a)
        }
        Err(e) => {
            // The fuzzer's inputs are far below the size limit.
            assert!(
                matches!(e.kind, ErrorKind::Empty | ErrorKind::Binary),
                "unexpected error {e:?}"
            );
            assert!(!e.message.is_empty());
            None
        }
    }
}

/// Puts back every block the analysis removed: the new run must remove none
/// (`Options::keep` is how the page restores a block).
pub fn check_restoring(input: &str, options: &Options, a: &Analysis) {
    if a.removed.is_empty() {
        return;
    }
    let keep = a.removed.iter().map(|r| r.block).collect();
    let restored = Options {
        keep,
        ..options.clone()
    };
    match analyze(input, &restored) {
        Ok(r) => assert!(
            r.removed.is_empty(),
            "restoring every removed block still removed {:?}",
            r.removed
        ),
        Err(e) => panic!("restoring removed blocks failed: {e:?}"),
    }
}
