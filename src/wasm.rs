//! The JavaScript surface, and the only file that knows about JavaScript.
//!
//! Few, coarse exports, as in wasm-bindgen's own examples: text in, one plain
//! object out. Failures become a JS `Error` whose `message` is the library's
//! sentence for people and whose `kind` is the [`crate::ErrorKind`] name.

use crate::{analyze_owned_timed, Error, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Plain objects (not `Map`s) and `null` for absent values, so the result
/// reads in JavaScript exactly as the JSON format describes it.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    value.serialize(&serializer).map_err(|e| {
        js_error(
            "internal",
            &format!("The result could not be returned: {e}"),
        )
    })
}

fn js_error(kind: &str, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("kind"), &JsValue::from_str(kind));
    err.into()
}

fn from_error(e: Error) -> JsValue {
    js_error(e.kind.as_str(), &e.message)
}

fn options_from(options: JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(options).map_err(|e| {
        js_error(
            "invalid_option",
            &format!("The options could not be read: {e}. Known options: date (YYYY-MM-DD), raw, kind (auto|text|html), keep, max_input_bytes, summary_sentences."),
        )
    })
}

/// `performance.now()` of whichever global this runs in (window or worker);
/// 0 where there is none.
fn now() -> f64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok());
    perf.map_or(0.0, |p| p.now())
}

/// Analyses one article (text or HTML) and returns the analysis as a plain
/// object (format 1, see docs/FORMAT.md). Throws an `Error` with `kind` and a
/// readable `message` when the input cannot be analysed.
///
/// The input is taken as an owned string: wasm-bindgen copies the
/// JavaScript string into the module's memory either way, and owned, the
/// copy is freed once the text is cleaned rather than held to the end.
#[wasm_bindgen]
pub fn analyze(input: String, options: JsValue) -> Result<JsValue, JsValue> {
    let options = options_from(options)?;
    let (result, _) = analyze_owned_timed(input, &options, &|| 0.0);
    to_js(&result.map_err(from_error)?)
}

/// [`analyze`], also returning `{ analysis, timings }` where `timings` is a list
/// of `[stage, milliseconds]` (the library's stages, then `to_js`: building
/// the JavaScript object), for the benchmark page.
#[wasm_bindgen(js_name = analyzeTimed)]
pub fn analyze_timed_js(input: String, options: JsValue) -> Result<JsValue, JsValue> {
    let options = options_from(options)?;
    let (result, mut timings) = analyze_owned_timed(input, &options, &now);
    let analysis = result.map_err(from_error)?;
    let t = now();
    let value = to_js(&analysis)?;
    timings.push(("to_js", now() - t));
    // Setting properties on a fresh plain object cannot fail.
    let out = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&out, &"analysis".into(), &value);
    let _ = js_sys::Reflect::set(&out, &"timings".into(), &to_js(&timings)?);
    Ok(out.into())
}

/// The library's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Memory measurement for `make bench-memory` (feature `alloc-stats`, never
/// in the page's build): the module's allocator wrapped to count the bytes
/// held and their high-water mark, read at each stage's end. The module's
/// `memory.buffer` only says how far memory grew, not which stage grew it.
#[cfg(feature = "alloc-stats")]
mod alloc_stats {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    /// Bytes held now, and the most held since the last [`take`].
    static HELD: AtomicUsize = AtomicUsize::new(0);
    static PEAK: AtomicUsize = AtomicUsize::new(0);

    fn grow(n: usize) {
        let held = HELD.fetch_add(n, Relaxed) + n;
        PEAK.fetch_max(held, Relaxed);
    }

    struct Counting;

    // SAFETY: every call is passed on unchanged to the system allocator;
    // only the counters are added.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            grow(layout.size());
            System.alloc(layout)
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            HELD.fetch_sub(layout.size(), Relaxed);
            System.dealloc(ptr, layout)
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            // Counted as a move (old and new held at once), which it is
            // unless the block can grow or shrink where it is.
            grow(new_size);
            let p = System.realloc(ptr, layout, new_size);
            HELD.fetch_sub(layout.size(), Relaxed);
            p
        }
    }

    #[global_allocator]
    static COUNTING: Counting = Counting;

    /// (held now, most held since the last call), in bytes.
    pub fn take() -> (f64, f64) {
        let held = HELD.load(Relaxed);
        (held as f64, PEAK.swap(held, Relaxed) as f64)
    }
}

/// [`analyze`], returning instead `[[stage, held, peak], ...]`: the bytes
/// the module's allocations held after each stage and the most they held
/// during it, counted from `base_held` ([`held_bytes`] before the call).
/// The first row, `call`, is the input's copy into the module; the last,
/// `to_js`, building the JavaScript object (dropped at once).
#[cfg(feature = "alloc-stats")]
#[wasm_bindgen(js_name = analyzeMemory)]
pub fn analyze_memory(base_held: f64, input: String, options: JsValue) -> Result<JsValue, JsValue> {
    // Taken before anything else: what passing the input in took.
    let call = alloc_stats::take();
    let options = options_from(options)?;
    let laps = std::cell::RefCell::new(Vec::new());
    let lap = || {
        laps.borrow_mut().push(alloc_stats::take());
        0.0
    };
    let (result, timings) = analyze_owned_timed(input, &options, &lap);
    let analysis = result.map_err(from_error)?;
    let value = to_js(&analysis)?;
    drop(value);
    let after = alloc_stats::take();
    // The clock is read once before the first stage, then after each.
    let laps = laps.into_inner();
    let names = std::iter::once("call")
        .chain(timings.iter().map(|t| t.0))
        .chain(["to_js"]);
    let values = std::iter::once(call)
        .chain(laps.into_iter().skip(1))
        .chain([after]);
    let rows: Vec<(&str, f64, f64)> = names
        .zip(values)
        .map(|(n, (held, peak))| (n, held - base_held, peak - base_held))
        .collect();
    drop(analysis);
    to_js(&rows)
}

/// The bytes the module's allocations hold now (feature `alloc-stats`);
/// the high-water mark starts again from here, so that `analyzeMemory`'s
/// first row is what passing its input in took.
#[cfg(feature = "alloc-stats")]
#[wasm_bindgen(js_name = heldBytes)]
pub fn held_bytes() -> f64 {
    alloc_stats::take().0
}
