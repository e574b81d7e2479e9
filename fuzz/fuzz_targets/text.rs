//! Arbitrary bytes read as the CLI reads a file (`encoding::decode`), then
//! analysed as plain text, as auto-detected input when that is HTML, and raw.
#![no_main]

use article_lens::{encoding, input::detect_kind, InputKind, Options};
use article_lens_fuzz::{analyse_and_check, check_restoring};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = encoding::decode(data, None).text;
    let as_text = Options {
        kind: InputKind::Text,
        ..Options::default()
    };
    if let Some(a) = analyse_and_check(&text, &as_text) {
        check_restoring(&text, &as_text, &a);
    }
    // Auto-detection that finds text would repeat the run above (the
    // analysis depends on the kind detected, not on how it was chosen);
    // only input it takes for HTML gets a run of its own.
    if detect_kind(&text) == InputKind::Html {
        let auto = Options::default();
        if let Some(a) = analyse_and_check(&text, &auto) {
            assert!(a.input.kind == InputKind::Html);
            check_restoring(&text, &auto, &a);
        }
    }
    // Raw text is analysed exactly as given: nothing changed, nothing removed.
    let raw = Options {
        raw: true,
        ..as_text
    };
    if let Some(a) = analyse_and_check(&text, &raw) {
        assert!(a.text == text, "raw text changed");
        assert!(a.removed.is_empty(), "raw text removed {:?}", a.removed);
    }
});
