//! Properties that must hold for any input: no panic; every span lies inside
//! `text` on character boundaries, so that it is valid in UTF-16; raw text is
//! never changed; the same input gives the same analysis.

use article_lens::{analyze, Analysis, InputKind, Options};
use proptest::prelude::*;

/// Inputs built from the pieces that make articles hard: abbreviations, quotes,
/// emoji and combining marks, odd whitespace, markup, control characters,
/// boilerplate phrases and mojibake.
fn article_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr. ".to_string()),
        Just("President Joe Biden ".to_string()),
        Just("the North Atlantic Treaty Organization (NATO) ".to_string()),
        Just("O'Brien's ".to_string()),
        Just("Jean-Claude ".to_string()),
        Just("LONDON ".to_string()),
        Just("U.S. ".to_string()),
        Just("Jan. 13".to_string()),
        Just("3.5 ".to_string()),
        Just("60,000 to 90,000 troops ".to_string()),
        Just("about 10,000 ".to_string()),
        Just("$3bn ".to_string()),
        Just("5%".to_string()),
        Just("between 5 and ".to_string()),
        Just("one ".to_string()),
        Just("second ".to_string()),
        Just("1,2,3,4".to_string()),
        Just("1.234,5".to_string()),
        Just("9-10 January ".to_string()),
        Just("on Thursday ".to_string()),
        Just("last week ".to_string()),
        Just("the 1990s ".to_string()),
        Just("(1) ".to_string()),
        Just("the the ".to_string()),
        Just("“Yes,” he said. ".to_string()),
        Just("Why?” ".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("''".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just("„".to_string()),
        Just("according to officials, ".to_string()),
        Just("said a senior official, ".to_string()),
        Just(", she added: ".to_string()),
        Just("who said ".to_string()),
        Just("… ".to_string()),
        Just("... ".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\t \u{A0} ".to_string()),
        Just("😀".to_string()),
        Just("👨‍👩‍👧".to_string()),
        Just("e\u{301}".to_string()),
        Just("東京".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("â€™".to_string()),
        Just("Ã©".to_string()),
        Just("Advertisement\n\n".to_string()),
        Just("We use cookies. Accept".to_string()),
        Just("Read more".to_string()),
        Just("<p>".to_string()),
        Just("</div>".to_string()),
        Just("<br>".to_string()),
        Just("<script>x</script>".to_string()),
        Just("&amp;".to_string()),
        "[a-zA-Z]{1,12}",
        "[ .,;:!?\"'()-]{1,3}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Every UTF-16 offset that falls on a character boundary of `text`.
fn boundaries(text: &str) -> std::collections::HashSet<u32> {
    let mut set = std::collections::HashSet::new();
    let mut units = 0u32;
    for c in text.chars() {
        set.insert(units);
        units += c.len_utf16() as u32;
    }
    set.insert(units);
    set
}

fn check_spans(a: &Analysis) -> Result<(), TestCaseError> {
    let ok = boundaries(&a.text);
    let len = a.text.encode_utf16().count() as u32;
    let check = |start: u32, end: u32, what: &str| -> Result<(), TestCaseError> {
        prop_assert!(
            start <= end && end <= len,
            "{what} {start}..{end} outside 0..{len}"
        );
        prop_assert!(
            ok.contains(&start) && ok.contains(&end),
            "{what} {start}..{end} splits a character"
        );
        Ok(())
    };
    let mut prev_end = 0;
    for p in &a.paragraphs {
        check(p.start, p.end, "paragraph")?;
        prop_assert!(
            p.start >= prev_end && p.start < p.end,
            "paragraphs overlap or are empty"
        );
        prev_end = p.end;
    }
    let mut prev_end = 0;
    for s in &a.sentences {
        check(s.start, s.end, "sentence")?;
        prop_assert!(
            s.start >= prev_end && s.start < s.end,
            "sentences overlap or are empty"
        );
        let p = a.paragraphs[s.paragraph as usize];
        prop_assert!(
            s.start >= p.start && s.end <= p.end,
            "sentence outside its paragraph"
        );
        prev_end = s.end;
    }
    for r in &a.removed {
        check(r.at, r.at, "removed.at")?;
    }
    let mut all = Vec::new();
    for (i, e) in a.entities.iter().enumerate() {
        prop_assert_eq!(e.id as usize, i);
        prop_assert_eq!(e.count as usize, e.mentions.len());
        prop_assert!(!e.mentions.is_empty() && e.first == e.mentions[0]);
        for m in &e.mentions {
            check(m.start, m.end, "entity mention")?;
            prop_assert!(m.start < m.end, "empty mention");
            all.push((m.start, m.end));
        }
    }
    all.sort();
    prop_assert!(
        all.windows(2).all(|w| w[0].1 <= w[1].0),
        "mentions overlap: {:?}",
        all
    );
    for (i, s) in a.sources.iter().enumerate() {
        prop_assert_eq!(s.id as usize, i);
        prop_assert!(s.entity.is_none_or(|e| (e as usize) < a.entities.len()));
    }
    let mut quoted = Vec::new();
    for q in &a.quotes {
        check(q.start, q.end, "quote")?;
        check(q.content.start, q.content.end, "quote content")?;
        prop_assert!(q.start < q.end, "empty quote");
        prop_assert!(
            q.content.start >= q.start && q.content.end <= q.end,
            "content outside its quote"
        );
        prop_assert_eq!(a.slice(q.start, q.end), Some(q.text.as_str()));
        if let Some(c) = q.cue {
            check(c.start, c.end, "cue")?;
        }
        if let Some(sp) = &q.speaker {
            check(sp.start, sp.end, "speaker")?;
            prop_assert_eq!(a.slice(sp.start, sp.end), Some(sp.text.as_str()));
        }
        prop_assert!(q.entity.is_none_or(|e| (e as usize) < a.entities.len()));
        prop_assert!(q.source_id.is_none_or(|s| (s as usize) < a.sources.len()));
        prop_assert_eq!(q.source_id.is_some(), q.source != "unknown");
        if q.kind != "indirect" {
            quoted.push((q.start, q.end));
        }
    }
    prop_assert!(
        quoted.windows(2).all(|w| w[0].1 <= w[1].0),
        "quotations overlap: {:?}",
        quoted
    );
    // Times, quantities, warnings: spans on boundaries holding their text.
    for t in &a.times {
        check(t.start, t.end, "time")?;
        prop_assert_eq!(a.slice(t.start, t.end), Some(t.text.as_str()));
    }
    for q in &a.quantities {
        check(q.start, q.end, "quantity")?;
        prop_assert_eq!(a.slice(q.start, q.end), Some(q.text.as_str()));
        for x in [q.value, q.low, q.high].into_iter().flatten() {
            prop_assert!(x.is_finite(), "quantity {:?}", q);
        }
        if let (Some(lo), Some(hi)) = (q.low, q.high) {
            prop_assert!(lo <= hi, "range {:?}", q);
        }
    }
    for w in &a.warnings {
        check(w.start, w.end, "warning")?;
        prop_assert!(!w.message.is_empty());
    }
    // The timeline and the summary point at what exists, in their order.
    for e in &a.timeline {
        prop_assert!((e.time as usize) < a.times.len());
        prop_assert!((e.sentence as usize) < a.sentences.len());
        prop_assert!(e.from <= e.to, "timeline {:?}", e);
    }
    prop_assert!(a.timeline.windows(2).all(|w| w[0].from <= w[1].from));
    prop_assert!(a.summary.windows(2).all(|w| w[0] < w[1]));
    prop_assert!(a.summary.iter().all(|&i| (i as usize) < a.sentences.len()));
    prop_assert!(a.keyphrases.len() <= 10);
    for k in &a.keyphrases {
        prop_assert!(a.text.contains(&k.text), "key phrase {:?}", k.text);
        prop_assert!(k.score > 0.0 && k.score <= 1.0, "key phrase {:?}", k);
    }
    Ok(())
}

proptest! {
    // 400 cases in `make test`; PROPTEST_CASES=N for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_is_analysed_without_panic_and_spans_are_valid(input in article_like()) {
        for kind in [InputKind::Text, InputKind::Html, InputKind::Auto] {
            let options = Options { kind, ..Options::default() };
            if let Ok(a) = analyze(&input, &options) {
                check_spans(&a)?;
            }
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(input in "\\PC{0,200}") {
        if let Ok(a) = analyze(&input, &Options::default()) {
            check_spans(&a)?;
        }
    }

    #[test]
    fn raw_text_is_never_changed(input in article_like()) {
        let options = Options { raw: true, kind: InputKind::Text, ..Options::default() };
        if let Ok(a) = analyze(&input, &options) {
            prop_assert_eq!(&a.text, &input);
            prop_assert!(a.removed.is_empty());
            check_spans(&a)?;
        }
    }

    #[test]
    fn analysing_twice_gives_the_same_result(input in article_like()) {
        let first = analyze(&input, &Options::default());
        let second = analyze(&input, &Options::default());
        prop_assert_eq!(first, second);
    }

    #[test]
    fn restoring_every_removed_block_removes_nothing(input in article_like()) {
        if let Ok(a) = analyze(&input, &Options { kind: InputKind::Text, ..Options::default() }) {
            let keep = a.removed.iter().map(|r| r.block).collect();
            let restored = analyze(&input, &Options { kind: InputKind::Text, keep, ..Options::default() }).unwrap();
            prop_assert!(restored.removed.is_empty());
        }
    }
}
