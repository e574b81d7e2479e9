//! Fixture cases: `tests/fixtures/<case>/input.txt` or `input.html`, an
//! optional `options.json`, and `expected.json` holding the parts of the
//! analysis the case is about. Every key in `expected.json` must match the
//! analysis (objects: the keys given; arrays: same length, item by item), plus
//! two derived views that check offsets the way JavaScript would use them:
//! `paragraph_texts` and `sentence_texts` are the UTF-16 slices of `text`.
//!
//! `node scripts/add-fixture.mjs NAME FILE` turns an input into a new case.

use article_lens::{analyze, Options};
use serde_json::Value;
use std::path::Path;

/// `text.slice(start, end)` as JavaScript computes it, done independently of
/// the library: through UTF-16 code units.
fn js_slice(units: &[u16], start: &Value, end: &Value) -> String {
    let (s, e) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    String::from_utf16(&units[s..e]).expect("span splits a surrogate pair")
}

fn spans_as_texts(analysis: &Value, key: &str) -> Value {
    let units: Vec<u16> = analysis["text"].as_str().unwrap().encode_utf16().collect();
    Value::Array(
        analysis[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| Value::String(js_slice(&units, &s["start"], &s["end"])))
            .collect(),
    )
}

/// Checks that `actual` has everything `expected` has; returns the first
/// difference as a path and message.
fn subset(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let av = a.get(k).ok_or_else(|| format!("{path}.{k}: missing"))?;
                subset(ev, av, &format!("{path}.{k}"))?;
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!(
                    "{path}: expected {} items, got {}: {}",
                    e.len(),
                    a.len(),
                    serde_json::to_string_pretty(actual).unwrap()
                ));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                subset(ev, av, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{path}: expected {e}, got {a}")),
    }
}

fn run_case(dir: &Path) -> Result<(), String> {
    let (input, kind) = if dir.join("input.html").exists() {
        (
            std::fs::read_to_string(dir.join("input.html")).unwrap(),
            "html",
        )
    } else {
        (
            std::fs::read_to_string(dir.join("input.txt")).unwrap(),
            "text",
        )
    };
    let mut options: Options = match std::fs::read_to_string(dir.join("options.json")) {
        Ok(s) => serde_json::from_str(&s).map_err(|e| format!("options.json: {e}"))?,
        Err(_) => Options::default(),
    };
    if options.kind == article_lens::InputKind::Auto {
        options.kind = kind.parse().unwrap();
    }
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected.json"))
            .map_err(|e| format!("expected.json: {e}"))?,
    )
    .map_err(|e| format!("expected.json: {e}"))?;
    let analysis = analyze(&input, &options).map_err(|e| format!("analyze failed: {e}"))?;
    let mut actual = serde_json::to_value(&analysis).unwrap();
    actual["paragraph_texts"] = spans_as_texts(&actual, "paragraphs");
    actual["sentence_texts"] = spans_as_texts(&actual, "sentences");
    subset(&expected, &actual, "")
}

#[test]
fn fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.json").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 6, "fixtures missing: {cases:?}");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| run_case(c).err().map(|e| format!("{}: {e}", c.display())))
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}
