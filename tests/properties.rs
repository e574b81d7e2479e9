//! Properties that must hold for any input: no panic; every span lies inside
//! `text` on character boundaries, so that it is valid in UTF-16; raw text is
//! never changed; the same input gives the same analysis; every block taken
//! out can be put back. Each holds for plain text and for article-like HTML.
//! The cargo-fuzz targets (`fuzz/`, `make fuzz`) check the same invariants on
//! inputs libFuzzer mutates.

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

/// Text and markup that stand alone inside an element: prose pieces, entities
/// (known, numeric, unknown, unterminated), elements whose text is never
/// shown, metadata and stray markup.
fn html_leaf() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "The council met on Tuesday and agreed to fund the bridge, officials said. ",
        "“It was useful,” Mr. Smith said on Jan. 13. ",
        "&amp;",
        "&nbsp;",
        "&#8220;",
        "&#x201D;",
        "&#0;",
        "&#xD800;",
        "&notanentity;",
        "&amp",
        "&",
        "<br>",
        "<br/>",
        "<hr>",
        "<img src=\"a.jpg\" alt=\"A bridge\">",
        "<script>document.write('<p>injected</p>')</script>",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Bridge\",\"datePublished\":\"2022-01-04\",\"author\":{\"name\":\"Jane Doe\"}}</script>",
        "<script type=\"application/ld+json\">{\"@graph\":[{",
        "<style>p{color:red}</style>",
        "<template><p>hidden</p></template>",
        "<noscript>Enable JavaScript</noscript>",
        "<svg><text>svg</text></svg>",
        "<iframe srcdoc=\"<p>framed</p>\"></iframe>",
        "<meta property=\"og:title\" content=\"A title\">",
        "<meta name=\"author\" content=\"By Jane Doe\">",
        "<meta charset=\"iso-8859-1\">",
        "<time datetime=\"2022-01-04T10:00:00Z\">Jan. 4</time>",
        "<!-- a comment -->",
        "<!-- unclosed comment",
        "<![CDATA[x]]>",
        "<!DOCTYPE html>",
        "<",
        "</",
        "</p>",
        "</div></div>",
        "<p a\"b>",
        "<div/>",
        "<a href='",
        "Advertisement",
        "Share this article",
        "We use cookies to improve your experience. Accept",
        "© 2024 Example News",
        "By Jane Doe",
    ]);
    prop_oneof![
        1 => article_like().prop_map(|s| s.chars().take(80).collect::<String>()),
        3 => fixed.prop_map(String::from),
    ]
}

/// An opening tag: the elements articles and their furniture are made of,
/// with the attributes content extraction reads.
fn open_tag() -> impl Strategy<Value = (String, String)> {
    let tag = prop::sample::select(vec![
        "p",
        "div",
        "article",
        "main",
        "section",
        "span",
        "b",
        "i",
        "em",
        "a",
        "h1",
        "h2",
        "h3",
        "ul",
        "ol",
        "li",
        "blockquote",
        "q",
        "pre",
        "code",
        "table",
        "tr",
        "td",
        "th",
        "figure",
        "figcaption",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "label",
        "dl",
        "dd",
        "font",
        "center",
        "marquee",
        "select",
        "option",
        "textarea",
        "title",
    ]);
    let attribute = prop::sample::select(vec![
        "",
        " class=\"article-body\"",
        " class=\"story entry-content\"",
        " class=\"comments\"",
        " class=\"share social\"",
        " class=\"related sidebar\"",
        " class=\"ad advertisement\"",
        " class=\"byline author\"",
        " id=\"main\"",
        " id=\"cookie-banner\"",
        " role=\"navigation\"",
        " role=\"main\"",
        " itemprop=\"articleBody\"",
        " hidden",
        " style=\"display:none\"",
        " aria-hidden=\"true\"",
        " href=\"/news/2022/01/04/bridge\"",
        " href=javascript:alert(1)",
        " onclick=\"alert(1)\"",
        " lang=\"en\"",
        " dir=rtl",
        " class=",
        " a\"b='c",
    ]);
    (tag, prop::collection::vec(attribute, 0..3))
        .prop_map(|(tag, attrs)| (tag.to_string(), format!("<{tag}{}>", attrs.concat())))
}

/// Article-like HTML: nested elements, some closed, some never closed, some
/// closed by the wrong tag, around prose, entities, scripts and metadata;
/// sometimes inside a whole document with a head.
fn article_like_html() -> impl Strategy<Value = String> {
    let tree = html_leaf().prop_recursive(6, 96, 6, |inner| {
        (
            open_tag(),
            prop::collection::vec(inner, 0..6),
            prop::sample::select(vec![0u8, 0, 0, 1, 2]),
        )
            .prop_map(|((tag, open), children, close)| {
                let close = match close {
                    0 => format!("</{tag}>"),
                    1 => String::new(),
                    _ => "</span></table>".to_string(),
                };
                format!("{open}{}{close}", children.concat())
            })
    });
    (prop::collection::vec(tree, 1..6), any::<bool>()).prop_map(|(body, whole)| {
        if whole {
            format!(
                "<!DOCTYPE html><html lang=en><head><title>Bridge to be built | Example News</title></head><body>{}</body></html>",
                body.concat()
            )
        } else {
            body.concat()
        }
    })
}

#[path = "support/invariants.rs"]
mod invariants;

/// The shared invariants (`tests/support/invariants.rs`, also checked by the
/// fuzz targets) as a proptest failure.
fn check_spans(a: &Analysis) -> Result<(), TestCaseError> {
    invariants::check_analysis(a).map_err(TestCaseError::fail)
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
        for kind in [InputKind::Auto, InputKind::Text, InputKind::Html] {
            if let Ok(a) = analyze(&input, &Options { kind, ..Options::default() }) {
                check_spans(&a)?;
            }
        }
    }

    #[test]
    fn raw_arbitrary_unicode_is_never_changed(input in any::<String>()) {
        // Any scalar value, control characters and unassigned ones included:
        // raw text is refused (binary, empty) or analysed exactly as given.
        let options = Options { raw: true, kind: InputKind::Text, ..Options::default() };
        if let Ok(a) = analyze(&input, &options) {
            prop_assert_eq!(&a.text, &input);
            prop_assert!(a.removed.is_empty());
            check_spans(&a)?;
        }
    }

    #[test]
    fn any_html_is_analysed_without_panic_and_spans_are_valid(input in article_like_html()) {
        for (kind, raw) in [(InputKind::Html, false), (InputKind::Auto, false), (InputKind::Html, true)] {
            if let Ok(a) = analyze(&input, &Options { kind, raw, ..Options::default() }) {
                check_spans(&a)?;
                if kind == InputKind::Html {
                    prop_assert_eq!(a.input.kind, InputKind::Html);
                }
                if raw {
                    // Raw HTML is its visible text with nothing taken out.
                    prop_assert!(a.removed.is_empty(), "raw HTML removed {:?}", a.removed);
                }
            }
        }
    }

    #[test]
    fn analysing_html_twice_gives_the_same_result(input in article_like_html()) {
        for raw in [false, true] {
            let options = Options { kind: InputKind::Html, raw, ..Options::default() };
            prop_assert_eq!(analyze(&input, &options), analyze(&input, &options));
        }
    }

    #[test]
    fn restoring_every_removed_html_block_removes_nothing(input in article_like_html()) {
        let html = Options { kind: InputKind::Html, ..Options::default() };
        if let Ok(a) = analyze(&input, &html) {
            let keep: Vec<usize> = a.removed.iter().map(|r| r.block).collect();
            let restored = analyze(&input, &Options { keep: keep.clone(), ..html }).unwrap();
            prop_assert!(restored.removed.is_empty(), "kept {:?}, still removed {:?}", keep, restored.removed);
            // Everything the first run removed is now in the text.
            for r in &a.removed {
                prop_assert!(restored.text.contains(r.text.trim()), "{:?} not restored", r.text);
            }
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
