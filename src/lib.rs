//! # article-lens
//!
//! A news-article analyzer that runs where the article is: in the browser (as
//! WebAssembly, see `wasm.rs`), or as a command-line tool for batches. It takes
//! an article as plain text or as the page's HTML and returns one [`Analysis`]:
//! the clean text with boilerplate taken out (and listed, never lost), the
//! metadata, paragraphs and sentences, and reading statistics, with layers for
//! entities, quotes, times (and a timeline), quantities, key phrases, a summary and warnings.
//!
//! ```
//! use article_lens::{analyze, Options};
//!
//! let article = "Talks end without a deal\n\n\
//!                Mr. Smith met U.S. officials on Jan. 13. “It was useful,” he said.\n\n\
//!                Advertisement";
//! let a = analyze(article, &Options::default()).unwrap();
//! assert_eq!(a.meta.title.as_deref(), Some("Talks end without a deal"));
//! assert_eq!(a.removed[0].text, "Advertisement");
//! assert_eq!(a.stats.sentences, 3);
//! // Offsets are UTF-16 code units, as JavaScript counts them.
//! let s = &a.sentences[1];
//! assert_eq!(a.slice(s.start, s.end), Some("Mr. Smith met U.S. officials on Jan. 13."));
//! ```
//!
//! The library is plain Rust: no browser types, no files, no stdout. Errors are
//! values ([`Error`] with an [`ErrorKind`]), and no input may panic.

pub mod analyze;
mod bits;
mod bounds;
pub mod document;
pub mod encoding;
pub mod error;
pub mod input;
pub mod options;
pub mod output;
pub mod segment;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{Error, ErrorKind};
pub use options::{Date, InputKind, Options, DEFAULT_MAX_INPUT_BYTES};
pub use output::{Analysis, Meta, Removed, Stats, FORMAT};

use analyze::Context;
use document::Document;
use output::{Generator, InputInfo};
use std::borrow::Cow;

/// Time spent in each stage of one analysis, in milliseconds, in order.
pub type Timings = Vec<(&'static str, f64)>;

/// Analyses one article. `input` is plain text or HTML (see
/// [`Options::kind`]).
pub fn analyze(input: &str, options: &Options) -> Result<Analysis, Error> {
    analyze_timed(input, options, &|| 0.0).0
}

/// [`analyze`], also reporting how long each stage took. `now` is a clock in
/// milliseconds: `Instant`-based natively, `performance.now()` in the browser
/// (the core cannot reach either itself).
pub fn analyze_timed(
    input: &str,
    options: &Options,
    now: &dyn Fn() -> f64,
) -> (Result<Analysis, Error>, Timings) {
    analyze_given(Cow::Borrowed(input), options, now)
}

/// [`analyze_timed`] of an input the caller gives away (the browser's copy
/// of the pasted text): it is dropped as soon as the text is cleaned, so
/// that its memory serves the analysis instead of being held to the end
/// (the module's memory never shrinks, and a 10 MB paste is 10 MB of it).
pub fn analyze_owned_timed(
    input: String,
    options: &Options,
    now: &dyn Fn() -> f64,
) -> (Result<Analysis, Error>, Timings) {
    analyze_given(Cow::Owned(input), options, now)
}

/// The pipeline. Each stage it calls is `#[inline(never)]`, and the build
/// keeps wasm-opt from inlining them back (`scripts/build-wasm.sh`): the
/// browser compiles a function when it is first called, first with a
/// baseline compiler whose time grows faster than the function's size, then
/// (the hot ones, in the background) with the optimising one. All stages in
/// one function took 55 ms to compile at the first analysis, and 0.9 s to
/// optimise, during which every analysis ran on the slow code. A call per
/// stage costs nothing measurable.
fn analyze_given(
    input: Cow<str>,
    options: &Options,
    now: &dyn Fn() -> f64,
) -> (Result<Analysis, Error>, Timings) {
    let mut timings = Timings::new();
    let mut last = now();
    let mut lap = |stage: &'static str, timings: &mut Timings| {
        let t = now();
        timings.push((stage, t - last));
        last = t;
    };

    // 1. Refuse what cannot be analysed.
    if let Err(e) = input::check(&input, options) {
        return (Err(e), timings);
    }
    // 2. Clean text, paragraphs, removed blocks, metadata.
    let mut prepared = match input::prepare(&input, options) {
        Ok(p) => p,
        Err(e) => return (Err(e), timings),
    };
    let input_bytes = input.len();
    drop(input);
    lap("input", &mut timings);

    // 3. Sentences and tokens.
    let soft_line_breaks = options.raw && prepared.kind != InputKind::Html;
    let doc = Document::new(
        &prepared.text,
        std::mem::take(&mut prepared.paragraphs),
        soft_line_breaks,
    );
    lap("segment", &mut timings);

    // 4. The analyzers.
    let reference_date = options.date.or_else(|| published_date(&prepared.meta));
    let ctx = Context {
        reference_date,
        meta: &prepared.meta,
    };
    let stats = analyze::stats::stats(&doc, &ctx);
    lap("stats", &mut timings);
    // Each layer's list is grown by pushing, so up to half of what it holds
    // is spare room; it is given back (in place) as each is made, because
    // the lists are held to the end while the later layers work (10 MB of
    // text: 3 MB).
    let mut entities = analyze::entities::entities(&doc);
    entities.shrink_to_fit();
    lap("entities", &mut timings);
    let mut times = analyze::times::times(&doc, reference_date);
    times.shrink_to_fit();
    lap("times", &mut timings);
    let timeline = analyze::timeline::timeline(&doc, &times);
    let mut quantities = analyze::quantities::quantities(&doc, &times, &entities);
    quantities.shrink_to_fit();
    lap("quantities", &mut timings);
    // Key phrases before quotes: their tables are the largest a layer
    // makes while it runs, and a long text's quotes (each with its text)
    // are the largest output, so the two are not held at once (on 10 MB
    // of text the module's memory grew by 73 MB instead of 84).
    let keyphrases = analyze::keyphrases::keyphrases(&doc, &entities, &times, &quantities);
    lap("keyphrases", &mut timings);
    let (mut quotes, sources) = analyze::quotes::quotes(&doc, &entities);
    quotes.shrink_to_fit();
    lap("quotes", &mut timings);
    let warnings = analyze::quality::warnings(&doc, &prepared.kinds, &quotes, &times, &quantities);
    lap("warnings", &mut timings);
    let summary = analyze::summary::summary(
        &doc,
        &prepared.kinds,
        prepared.meta.title.as_deref(),
        &keyphrases,
        options.summary_sentences,
    );
    lap("summary", &mut timings);

    // 5. The output, offsets in UTF-16.
    let sentences = doc
        .sentences
        .iter()
        .map(|s| output::Sentence {
            start: s.range.start as u32,
            end: s.range.end as u32,
            paragraph: s.paragraph as u32,
        })
        .collect();
    let paragraphs = doc
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| output::Paragraph {
            start: p.start as u32,
            end: p.end as u32,
            kind: prepared.kinds.get(i).copied().unwrap_or_default(),
        })
        .collect();
    drop(doc);
    let analysis = Analysis {
        format: FORMAT,
        generator: Generator {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        input: InputInfo {
            kind: prepared.kind,
            raw: options.raw,
            bytes: input_bytes,
            reference_date,
        },
        notices: prepared.notices,
        text: prepared.text,
        meta: prepared.meta,
        removed: prepared.removed,
        paragraphs,
        images: prepared.images,
        sentences,
        stats,
        entities,
        quotes,
        sources,
        times,
        timeline,
        quantities,
        keyphrases,
        summary,
        warnings,
    }
    .into_utf16();
    lap("output", &mut timings);
    (Ok(analysis), timings)
}

/// The calendar date at the start of an ISO 8601 published date-time.
fn published_date(meta: &Meta) -> Option<Date> {
    let p = meta.published.as_deref()?;
    p.get(..10)?.parse().ok()
}
