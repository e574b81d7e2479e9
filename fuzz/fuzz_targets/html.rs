//! Arbitrary bytes read as the CLI reads a saved page (`encoding::decode`,
//! which honours a `<meta charset>`), then analysed as HTML, and raw.
#![no_main]

use article_lens::{encoding, InputKind, Options};
use article_lens_fuzz::{analyse_and_check, check_restoring};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = encoding::decode(data, None).text;
    let options = Options {
        kind: InputKind::Html,
        ..Options::default()
    };
    if let Some(a) = analyse_and_check(&page, &options) {
        assert!(a.input.kind == InputKind::Html);
        check_restoring(&page, &options, &a);
    }
    // Raw HTML is the page's visible text with nothing taken out.
    let raw = Options {
        raw: true,
        ..options
    };
    if let Some(a) = analyse_and_check(&page, &raw) {
        assert!(a.removed.is_empty(), "raw HTML removed {:?}", a.removed);
    }
});
