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
