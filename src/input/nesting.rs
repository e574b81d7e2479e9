//! Keeps hostile markup from making the HTML parser slow.
//!
//! The HTML5 tree builder (html5ever, as every browser's) does work in
//! proportion to its stack of open elements for many tags (scope checks walk
//! the stack), and re-creates every still-open formatting element (`<b>`,
//! `<i>`, `<a>`…) at each new block. Both are fine on real pages and quadratic
//! on crafted ones: 100,000 nested `<div>`s, or thousands of unclosed `<b>`s with
//! different attributes, take minutes and gigabytes. Chromium caps nesting at
//! 512 for the same reason.
//!
//! This module estimates the parser's stack with a linear scan of the tags and
//! leaves out start tags (and their end tags) that would go deeper than
//! [`MAX_DEPTH`], or leave more than [`MAX_FORMATTING`] formatting elements
//! open; a block-level start tag left out becomes a `<br>`, so the text around it
//! stays apart. Text is never touched. The estimate is built to err on the high side
//! (an end tag the parser might ignore is ignored here too; a `/>` counts only
//! where the parser honours it), because a high estimate only flattens an
//! absurdly deep page while a low one would let the slowness through.
//! On ordinary pages it finds nothing of that to do.
//!
//! The same scan finds where each script and style sheet ends, and leaves
//! out their bodies where that end is certain (`unread_body`): nothing
//! reads them but JSON-LD, which is kept, and they are two fifths of a news
//! page's bytes, which the tokenizer would otherwise read.

use crate::analyze::ner::features::Fnv;
use crate::analyze::WordSet;
use std::borrow::Cow;
use std::collections::HashMap;

/// Deepest element nesting passed to the parser (Chromium's limit).
pub const MAX_DEPTH: usize = 512;
/// Most formatting elements left open at once. Real pages have a handful.
pub const MAX_FORMATTING: usize = 16;

/// Elements with no content: they never nest.
#[rustfmt::skip]
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen", "frame", "basefont", "bgsound",
];

/// Elements whose content is raw text up to their end tag (in HTML, not in SVG
/// or MathML).
#[rustfmt::skip]
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    "plaintext",
];

/// The formatting elements the parser re-creates ("reconstructs").
#[rustfmt::skip]
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt",
    "u",
];

/// The parser's "special" elements: an end tag for an ordinary element is
/// ignored if one of these stands above its match.
#[rustfmt::skip]
const SPECIAL: &[&str] = &[
    "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound",
    "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
    "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer",
    "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
    "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing",
    "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object",
    "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select", "source",
    "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
    "title", "tr", "track", "ul", "wbr", "xmp",
];

/// Start tags that close an open `<p>` first (the parser's "close a p element").
#[rustfmt::skip]
const CLOSE_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
    "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu",
    "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6",
    "pre", "listing", "form", "li", "dd", "dt", "plaintext", "table", "hr", "xmp",
];

/// Elements that bound a scope: a search for an open element stops at them.
#[rustfmt::skip]
const SCOPE_BOUNDARY: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "svg",
    "math",
];

/// [`SPECIAL`], [`CLOSE_P`], [`VOID`] and [`FORMATTING`] as sets: every tag of a
/// page is asked about, and the end tag of an ordinary element asks about
/// each element above its match (the scan was a tenth of reading a page).
static SPECIAL_SET: WordSet = WordSet::new(SPECIAL);
static CLOSE_P_SET: WordSet = WordSet::new(CLOSE_P);
static VOID_SET: WordSet = WordSet::new(VOID);
static FORMATTING_SET: WordSet = WordSet::new(FORMATTING);

/// Passes `html` on, flattened where the parser would be driven too deep,
/// and without the bodies of its scripts and style sheets (`unread_body`).
pub fn limit_nesting(html: &str) -> Cow<'_, str> {
    let mut out = String::new();
    if Scan::run(html, Some(&mut out)) {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(html)
    }
}

/// Whether the body `b[start..close]` of a raw-text element `name` (start
/// tag `tag`, end tag `</name` of `close_len` bytes at `close`) can be left
/// out of what the parser reads. Scripts and style sheets are two fifths of
/// a news page's bytes, which the tokenizer would read character by
/// character, and nothing reads them but JSON-LD. It is left out only where
/// the parser's end is certainly the one found here: the element is in HTML
/// (not SVG or MathML, where a script holds markup), the body has no `<!--`
/// (which opens the script's escaped states, where `</script>` may not end
/// it), and the end tag's name is followed by what ends a name. A start tag
/// that mentions JSON keeps its body (metadata reads JSON-LD).
fn unread_body(
    name: &str,
    tag: &[u8],
    b: &[u8],
    start: usize,
    close: usize,
    close_len: usize,
) -> bool {
    matches!(name, "script" | "style")
        && close > start
        && close < b.len()
        && matches!(
            b.get(close + close_len),
            Some(b'\t' | b'\n' | 0x0c | b'\r' | b' ' | b'/' | b'>')
        )
        && find_ci(tag, 0, b"json").is_none()
        && !b[start..close]
            .iter()
            .enumerate()
            .any(|(k, &c)| c == b'<' && b[start + k..close].starts_with(b"<!--"))
}

/// Finds `needle` (ASCII, lowercase) in `hay` from `from`, ignoring ASCII case.
fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if hay.len() < needle.len() || from > hay.len() - needle.len() {
        return None;
    }
    let first = needle[0];
    let last = hay.len() - needle.len();
    if !first.is_ascii_alphabetic() {
        // "</script": jump from one '<' to the next (a script's body is
        // most of a page's bytes).
        let mut i = from;
        while let Some(p) = hay[i..=last].iter().position(|&c| c == first) {
            if hay[i + p..i + p + needle.len()].eq_ignore_ascii_case(needle) {
                return Some(i + p);
            }
            i += p + 1;
            if i > last {
                break;
            }
        }
        return None;
    }
    (from..=last).find(|&i| {
        hay[i].eq_ignore_ascii_case(&first) && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
    })
}

/// The index just past the `>` that ends a tag whose name ends at `i`. As the
/// HTML tokenizer does, a quote opens a quoted value only right after `=`.
fn tag_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut after_equals = false;
    while i < b.len() {
        match b[i] {
            b'>' => return Some(i + 1),
            b'=' => after_equals = true,
            b'"' | b'\'' if after_equals => {
                let q = b[i];
                i += 1 + b[i + 1..].iter().position(|&c| c == q)?;
                after_equals = false;
            }
            c if c.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

/// Where a comment that starts at `lt` (with `<!--`) ends, as the tokenizer
/// sees it: `<!-->`, `<!--->`, `-->` or `--!>`, else the end of the input.
fn comment_end(b: &[u8], lt: usize) -> usize {
    let body = lt + 4;
    if b[body..].starts_with(b">") {
        return body + 1;
    }
    if b[body..].starts_with(b"->") {
        return body + 2;
    }
    let mut i = body;
    while let Some(p) = b[i..].iter().position(|&c| c == b'-') {
        let at = i + p;
        if b[at..].starts_with(b"-->") {
            return at + 3;
        }
        if b[at..].starts_with(b"--!>") {
            return at + 4;
        }
        i = at + 1;
    }
    b.len()
}

/// Bits of the sets a tag name is in, worked out once a name (a page has
/// thousands of tags and a few dozen names).
const IS_VOID: u8 = 1;
const IS_SPECIAL: u8 = 2;
const IS_CLOSE_P: u8 = 4;
const IS_FORMATTING: u8 = 8;
const IS_RAW: u8 = 16;
const IS_SCOPE: u8 = 32;
/// `svg` or `math`: foreign content, where `/>` closes an element.
const IS_FOREIGN: u8 = 64;

/// The estimated stack of open elements and what has been left out. Names
/// are numbered as they are met (a page has thousands of tags and a few
/// dozen names): the stack and the counts hold numbers, so a tag costs one
/// lookup of its name and no allocation.
struct Scan {
    /// Each name met, in lower case, by number.
    names: Vec<String>,
    /// The number of each name met.
    ids: HashMap<String, usize, Fnv>,
    /// The sets each name is in ([`IS_VOID`], [`IS_SPECIAL`], …), by number.
    kinds: Vec<u8>,
    stack: Vec<usize>,
    /// How many of each name the stack holds (so a hopeless search costs nothing).
    open: Vec<usize>,
    /// Start tags left out, by name: their end tags are left out too.
    dropped: Vec<usize>,
    /// Formatting elements started and not yet ended.
    formatting: usize,
    /// Depth of SVG and MathML elements, where `/>` closes an element.
    foreign: usize,
}

impl Scan {
    /// One pass. Without `out`, reports whether anything would be left out; with
    /// it, writes the document with those tags left out.
    fn run(html: &str, mut out: Option<&mut String>) -> bool {
        let mut scan = Scan {
            names: Vec::new(),
            ids: HashMap::default(),
            kinds: Vec::new(),
            stack: Vec::new(),
            open: Vec::new(),
            dropped: Vec::new(),
            formatting: 0,
            foreign: 0,
        };
        let mut name = String::new();
        let b = html.as_bytes();
        let mut changed = false;
        let mut copied = 0usize;
        let mut i = 0usize;
        while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
            let lt = i + off;
            i = lt + 1;
            if b[lt..].starts_with(b"<!--") {
                i = comment_end(b, lt);
                continue;
            }
            let closing = b.get(lt + 1) == Some(&b'/');
            let name_start = lt + 1 + usize::from(closing);
            if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                if matches!(b.get(lt + 1), Some(b'!' | b'?')) || closing {
                    i = tag_end(b, lt + 2).unwrap_or(b.len());
                }
                continue;
            }
            let name_end = b[name_start..]
                .iter()
                .position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
                .map_or(b.len(), |p| name_start + p);
            name.clear();
            name.push_str(&html[name_start..name_end]);
            name.make_ascii_lowercase();
            let id = scan.id(&name);
            let Some(end) = tag_end(b, name_end) else {
                break; // a tag left open at the end: the parser drops it too
            };
            i = end;
            let self_closing = b[end - 2] == b'/';
            let block = !closing && scan.is(id, IS_SPECIAL);
            let mut body = None;
            let keep = if closing {
                scan.end_tag(id, &name)
            } else {
                if scan.foreign == 0 && scan.is(id, IS_RAW) {
                    // Its content is text: skip to its end tag.
                    let close = format!("</{name}");
                    i = find_ci(b, end, close.as_bytes()).unwrap_or(b.len());
                    if unread_body(&name, &b[lt..end], b, end, i, close.len()) {
                        body = Some(end..i);
                    }
                }
                scan.start_tag(id, &name, self_closing)
            };
            // What is left out here, if anything, and what stands in its place.
            let cut = if keep {
                body.map(|b| (b, ""))
            } else {
                // A block left out still separates what stands around it.
                Some((lt..end, if block { "<br>" } else { "" }))
            };
            if let Some((range, instead)) = cut {
                changed = true;
                let Some(o) = out.as_deref_mut() else {
                    return true;
                };
                o.push_str(&html[copied..range.start]);
                o.push_str(instead);
                copied = range.end;
            }
        }
        if let Some(o) = out {
            o.push_str(&html[copied..]);
        }
        changed
    }

    /// The number of `name` (lower case), numbering it if it is new.
    fn id(&mut self, name: &str) -> usize {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len();
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        let sets = [
            (IS_VOID, VOID_SET.contains(name)),
            (IS_SPECIAL, SPECIAL_SET.contains(name)),
            (IS_CLOSE_P, CLOSE_P_SET.contains(name)),
            (IS_FORMATTING, FORMATTING_SET.contains(name)),
            (IS_RAW, RAW_TEXT.contains(&name)),
            (IS_SCOPE, SCOPE_BOUNDARY.contains(&name)),
            (IS_FOREIGN, matches!(name, "svg" | "math")),
        ];
        self.kinds
            .push(sets.iter().filter(|s| s.1).fold(0, |k, s| k | s.0));
        self.open.push(0);
        self.dropped.push(0);
        id
    }

    /// Whether name `id` is in the set `kind` (one of [`IS_VOID`], …).
    fn is(&self, id: usize, kind: u8) -> bool {
        self.kinds[id] & kind != 0
    }

    fn push(&mut self, id: usize) {
        if self.is(id, IS_FOREIGN) {
            self.foreign += 1;
        }
        self.open[id] += 1;
        self.stack.push(id);
    }

    /// Pops the stack down to (and including) index `k`.
    fn pop_to(&mut self, k: usize) {
        for id in self.stack.drain(k..) {
            if self.kinds[id] & IS_FOREIGN != 0 {
                self.foreign -= 1;
            }
            self.open[id] -= 1;
        }
    }

    /// The index of the nearest open `name`, searching down from the top and
    /// giving up at an element in `stop`.
    fn find(&self, name: &str, stop: &dyn Fn(usize) -> bool) -> Option<usize> {
        let &id = self.ids.get(name)?;
        if self.open[id] == 0 {
            return None;
        }
        for (k, &open) in self.stack.iter().enumerate().rev() {
            if open == id {
                return Some(k);
            }
            if stop(open) {
                return None;
            }
        }
        None
    }

    /// Handles a start tag; `false` if it must be left out.
    fn start_tag(&mut self, id: usize, name: &str, self_closing: bool) -> bool {
        if self.is(id, IS_VOID) || (self_closing && self.foreign > 0) {
            return true;
        }
        // The parser closes an open p when a block starts, and an open li, dt or
        // dd when a new one starts.
        if self.is(id, IS_CLOSE_P) {
            if let Some(k) = self.find("p", &|e| self.is(e, IS_SCOPE) || self.names[e] == "button")
            {
                self.pop_to(k);
            }
        }
        let closes = match name {
            "li" => self.find("li", &|e| {
                self.is(e, IS_SPECIAL)
                    && !matches!(self.names[e].as_str(), "address" | "div" | "p" | "li")
            }),
            "dt" | "dd" => ["dt", "dd"]
                .iter()
                .filter_map(|n| {
                    self.find(n, &|e| {
                        self.is(e, IS_SPECIAL)
                            && !matches!(
                                self.names[e].as_str(),
                                "address" | "div" | "p" | "dt" | "dd"
                            )
                    })
                })
                .max(),
            _ => None,
        };
        if let Some(k) = closes {
            self.pop_to(k);
        }
        let formatting = self.is(id, IS_FORMATTING);
        if self.stack.len() >= MAX_DEPTH || (formatting && self.formatting >= MAX_FORMATTING) {
            self.dropped[id] += 1;
            return false;
        }
        if formatting {
            self.formatting += 1;
        }
        self.push(id);
        true
    }

    /// Handles an end tag; `false` if it must be left out.
    fn end_tag(&mut self, id: usize, name: &str) -> bool {
        if self.dropped[id] > 0 {
            self.dropped[id] -= 1;
            return false;
        }
        if self.is(id, IS_FORMATTING) {
            self.formatting = self.formatting.saturating_sub(1);
        }
        let found = if self.is(id, IS_SPECIAL | IS_FORMATTING) {
            self.find(name, &|e| self.is(e, IS_SCOPE))
        } else {
            // An ordinary end tag is ignored when a special element stands above its match.
            self.find(name, &|e| self.is(e, IS_SPECIAL))
        };
        if let Some(k) = found {
            self.pop_to(k);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(html: &str) -> bool {
        !Scan::run(&limit_nesting(html), None)
    }

    #[test]
    fn find_ci_finds_the_first_match_in_any_case() {
        let hay = b"a <b> x</SCRIPT y </script";
        assert_eq!(find_ci(hay, 0, b"</script"), Some(7));
        assert_eq!(find_ci(hay, 8, b"</script"), Some(18));
        assert_eq!(find_ci(hay, 19, b"</script"), None);
        assert_eq!(find_ci(hay, 0, b"script"), Some(9));
        assert_eq!(find_ci(b"<", 0, b"</"), None);
        assert_eq!(find_ci(b"</", 0, b"</"), Some(0));
        assert_eq!(find_ci(b"x</", 3, b"</"), None);
    }

    #[test]
    fn ordinary_pages_pass_untouched() {
        let page = "<!doctype html><html><body><div><p>Hi <b>there</b><p>Next<ul><li>a<li>b</ul>\
                    <svg><path/><path/></svg>\
                    <!-- a <div> in a comment --><!--><p a\"b>odd quote</p></div></body></html>";
        assert!(matches!(limit_nesting(page), Cow::Borrowed(_)));
    }

    #[test]
    fn script_and_style_bodies_are_left_out_where_their_end_is_certain() {
        let page = "<head><style>p { color: red }</style>\
                    <script type=\"application/ld+json\">{\"headline\": \"Kept\"}</script>\
                    <SCRIPT>if (a<b) { x = '</div>' }</SCRIPT ></head><body>\
                    <script><!-- document.write('<script></script>') --></script>\
                    <script>var s = '</scripts>';</script>\
                    <svg><script>if (a<b) go()</script></svg><p>Text</p></body>";
        let out = limit_nesting(page);
        assert!(out.contains("<style></style>"), "{out}");
        assert!(
            out.contains("{\"headline\": \"Kept\"}"),
            "JSON-LD is read: {out}"
        );
        assert!(out.contains("<SCRIPT></SCRIPT >"), "{out}");
        assert!(
            out.contains("<!-- document.write('<script></script>') -->"),
            "an escaped body may end elsewhere: {out}"
        );
        assert!(
            out.contains("var s = '</scripts>';"),
            "\"</scripts\" ends no script: {out}"
        );
        assert!(
            out.contains("if (a<b) go()"),
            "an SVG script holds markup: {out}"
        );
        assert!(out.ends_with("<p>Text</p></body>"));
        assert!(!Scan::run(&out, None), "nothing is left to leave out");
        // The document the parser builds is the same but for those bodies.
        let text = |h: &str| {
            scraper::Html::parse_document(h)
                .root_element()
                .text()
                .collect::<String>()
        };
        assert_eq!(
            text(page)
                .replace("p { color: red }", "")
                .replace("if (a<b) { x = '</div>' }", ""),
            text(&out)
        );
    }

    #[test]
    fn deep_nesting_is_flattened_to_the_limit() {
        let deep = format!(
            "{}<p>inner</p>{}after",
            "<div>".repeat(600),
            "</div>".repeat(600)
        );
        let flat = limit_nesting(&deep);
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert!(flat.contains("inner") && flat.ends_with("after"));
    }

    #[test]
    fn tricks_that_fooled_a_simpler_scan_are_caught() {
        for attack in [
            "<div/>",             // the slash means nothing on a div
            "<div></x>",          // a stray end tag closes nothing
            "<rt>",               // rt nests outside <ruby>
            "<span><div></span>", // the div keeps the span open
            "<p a\"b><div>",      // a quote inside a name opens no value
            "<!--><div>",         // the shortest comment
            "<svg><title><div>",
            "<p a\"b><div>", // each div closes the p and nests in the div before
        ] {
            let html = format!("<p>x</p>{}", attack.repeat(5_000));
            assert!(depth_ok(&html), "{attack}");
        }
    }

    #[test]
    fn unclosed_formatting_elements_are_capped() {
        let html: String = (0..2_000).map(|i| format!("<p><b id={i}>x</p>")).collect();
        let flat = limit_nesting(&html);
        assert_eq!(flat.matches("<b ").count(), MAX_FORMATTING);
        assert_eq!(flat.matches("x").count(), 2_000, "text is kept");
    }
}
