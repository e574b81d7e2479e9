//! The invariants every [`Analysis`] must satisfy, whatever the input: every
//! span lies inside `text`, on character boundaries (so it is valid in UTF-16),
//! holds the text it claims, and every index points at something that exists.
//!
//! One copy, included by path by both `tests/properties.rs` (proptest) and the
//! cargo-fuzz targets in `fuzz/fuzz_targets/`, so that a property added here is
//! checked by both. It lives under `tests/support/` rather than `src/` because
//! it is test code: cargo does not build a subdirectory of `tests/` as a test
//! of its own, and the library ships none of it.

use article_lens::Analysis;
use std::collections::HashMap;

/// Fails with a message naming the broken invariant (proptest and the fuzz
/// targets turn it into their own kind of failure).
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// The byte offset of every UTF-16 offset that falls on a character boundary
/// of `text` (the end included). Built once, so that checking a span costs a
/// lookup rather than `Analysis::slice`'s walk over the text.
fn boundaries(text: &str) -> HashMap<u32, usize> {
    let mut map = HashMap::with_capacity(text.len() + 1);
    let mut units = 0u32;
    for (i, c) in text.char_indices() {
        map.insert(units, i);
        units += c.len_utf16() as u32;
    }
    map.insert(units, text.len());
    map
}

/// Checks every span and cross-reference of `a`; `Err` says which one is wrong.
pub fn check_analysis(a: &Analysis) -> Result<(), String> {
    let ok = boundaries(&a.text);
    let len = a.text.encode_utf16().count() as u32;
    // The text between two UTF-16 offsets, as `Analysis::slice` gives it.
    let slice = |start: u32, end: u32| -> Option<&str> {
        let (s, e) = (*ok.get(&start)?, *ok.get(&end)?);
        a.text.get(s..e)
    };
    let check = |start: u32, end: u32, what: &str| -> Result<(), String> {
        ensure!(
            start <= end && end <= len,
            "{what} {start}..{end} outside 0..{len}"
        );
        ensure!(
            ok.contains_key(&start) && ok.contains_key(&end),
            "{what} {start}..{end} splits a character"
        );
        Ok(())
    };
    let mut prev_end = 0;
    for p in &a.paragraphs {
        check(p.start, p.end, "paragraph")?;
        ensure!(
            p.start >= prev_end && p.start < p.end,
            "paragraphs overlap or are empty: {p:?}"
        );
        prev_end = p.end;
    }
    let mut prev_end = 0;
    for s in &a.sentences {
        check(s.start, s.end, "sentence")?;
        ensure!(
            s.start >= prev_end && s.start < s.end,
            "sentences overlap or are empty: {s:?}"
        );
        let Some(p) = a.paragraphs.get(s.paragraph as usize) else {
            return Err(format!("sentence {s:?} of a paragraph that does not exist"));
        };
        ensure!(
            s.start >= p.start && s.end <= p.end,
            "sentence {s:?} outside its paragraph {p:?}"
        );
        prev_end = s.end;
    }
    for r in &a.removed {
        check(r.at, r.at, "removed.at")?;
    }
    let mut all = Vec::new();
    for (i, e) in a.entities.iter().enumerate() {
        ensure!(e.id as usize == i, "entity {i} has id {}", e.id);
        ensure!(
            e.count as usize == e.mentions.len(),
            "entity {i} counts {} mentions, lists {}",
            e.count,
            e.mentions.len()
        );
        ensure!(
            !e.mentions.is_empty() && e.first == e.mentions[0],
            "entity {i}: first is not mentions[0]"
        );
        for m in &e.mentions {
            check(m.start, m.end, "entity mention")?;
            ensure!(m.start < m.end, "empty mention of entity {i}");
            all.push((m.start, m.end));
        }
    }
    all.sort();
    ensure!(
        all.windows(2).all(|w| w[0].1 <= w[1].0),
        "mentions overlap: {all:?}"
    );
    for (i, s) in a.sources.iter().enumerate() {
        ensure!(s.id as usize == i, "source {i} has id {}", s.id);
        ensure!(
            s.entity.is_none_or(|e| (e as usize) < a.entities.len()),
            "source {i} of an entity that does not exist"
        );
    }
    let mut quoted = Vec::new();
    for q in &a.quotes {
        check(q.start, q.end, "quote")?;
        check(q.content.start, q.content.end, "quote content")?;
        ensure!(q.start < q.end, "empty quote");
        ensure!(
            q.content.start >= q.start && q.content.end <= q.end,
            "content outside its quote: {q:?}"
        );
        ensure!(
            slice(q.start, q.end) == Some(q.text.as_str()),
            "quote text is not its span: {q:?}"
        );
        if let Some(c) = q.cue {
            check(c.start, c.end, "cue")?;
        }
        if let Some(sp) = &q.speaker {
            check(sp.start, sp.end, "speaker")?;
            ensure!(
                slice(sp.start, sp.end) == Some(sp.text.as_str()),
                "speaker text is not its span: {sp:?}"
            );
        }
        ensure!(
            q.entity.is_none_or(|e| (e as usize) < a.entities.len()),
            "quote of an entity that does not exist"
        );
        ensure!(
            q.source_id.is_none_or(|s| (s as usize) < a.sources.len()),
            "quote of a source that does not exist"
        );
        ensure!(
            q.source_id.is_some() == (q.source != "unknown"),
            "quote source {:?} with source_id {:?}",
            q.source,
            q.source_id
        );
        if q.kind != "indirect" {
            quoted.push((q.start, q.end));
        }
    }
    ensure!(
        quoted.windows(2).all(|w| w[0].1 <= w[1].0),
        "quotations overlap: {quoted:?}"
    );
    // Times, quantities, warnings: spans on boundaries holding their text.
    for t in &a.times {
        check(t.start, t.end, "time")?;
        ensure!(
            slice(t.start, t.end) == Some(t.text.as_str()),
            "time text is not its span: {t:?}"
        );
    }
    for q in &a.quantities {
        check(q.start, q.end, "quantity")?;
        ensure!(
            slice(q.start, q.end) == Some(q.text.as_str()),
            "quantity text is not its span: {q:?}"
        );
        for x in [q.value, q.low, q.high].into_iter().flatten() {
            ensure!(x.is_finite(), "quantity {q:?}");
        }
        if let (Some(lo), Some(hi)) = (q.low, q.high) {
            ensure!(lo.total_cmp(&hi).is_le(), "range {q:?}");
        }
    }
    for w in &a.warnings {
        check(w.start, w.end, "warning")?;
        ensure!(!w.message.is_empty(), "warning without a message: {w:?}");
    }
    // The timeline and the summary point at what exists, in their order.
    for e in &a.timeline {
        ensure!(
            (e.time as usize) < a.times.len(),
            "timeline entry {e:?}: no such time"
        );
        ensure!(
            (e.sentence as usize) < a.sentences.len(),
            "timeline entry {e:?}: no such sentence"
        );
        ensure!(e.from <= e.to, "timeline {e:?}");
    }
    ensure!(
        a.timeline.windows(2).all(|w| w[0].from <= w[1].from),
        "timeline out of order"
    );
    ensure!(
        a.summary.windows(2).all(|w| w[0] < w[1]),
        "summary out of order: {:?}",
        a.summary
    );
    ensure!(
        a.summary.iter().all(|&i| (i as usize) < a.sentences.len()),
        "summary of a sentence that does not exist: {:?}",
        a.summary
    );
    ensure!(
        a.keyphrases.len() <= 10,
        "{} key phrases",
        a.keyphrases.len()
    );
    for k in &a.keyphrases {
        ensure!(a.text.contains(&k.text), "key phrase {:?}", k.text);
        ensure!(k.score > 0.0 && k.score <= 1.0, "key phrase {k:?}");
    }
    Ok(())
}
