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
//! The same scan leaves out what nothing reads, where it is certain that
//! the parser would build the same document around it:
//! - the bodies of scripts and style sheets (`unread_body`): two fifths of
//!   a news page's bytes; JSON-LD is kept;
//! - attributes no module reads (`attribute_is_read`): tracking `data-`
//!   attributes, event handlers, sizes;
//! - the bodies of SVG images (`Svg`): icons, all paths;
//! - the text of comments (an empty comment stays in its place);
//! - whitespace alone between tags, just before the start or end of a block
//!   (`drops_space_before`): `html.rs` trims it from the block it ends, but
//!   the parser makes a text node of each run, two in five of a page's.
//!
//! Attributes and SVG bodies are a quarter of what the parser read once
//! scripts were gone. To be certain, the scan reads tags, attributes,
//! comments and raw text as the tokenizer does (`attributes`,
//! `comment_end`, `raw_text_end`), and stops leaving anything out (but for
//! depth) where foreign content makes it unsure of that; whitespace only
//! while no formatting element could be re-created by the parser at it. A
//! property test compares, on random markup, the document as the modules
//! read it, the blocks `html.rs` makes of it and the metadata, with and
//! without all this.

use crate::analyze::ner::features::Fnv;
use crate::analyze::WordSet;
use memchr::{memchr, memmem};
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

/// Start tags that, inside an SVG image, make where it ends uncertain to
/// anything short of the parser: the HTML elements that break out of
/// foreign content, `foreignObject` (whose content is HTML), and `script`
/// and `style` (counted in a notice, so left where the parser finds them).
/// SVG's `title` and `desc` hold HTML too, but are common in icons with
/// only text inside: [`Svg`] takes them when they hold no tag.
#[rustfmt::skip]
const UNSURE_IN_SVG: &[&str] = &[
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
    "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
    "sub", "sup", "table", "tt", "u", "ul", "var", "font", "foreignobject", "script", "style",
    "math", "mi", "mo", "mn", "ms", "mtext", "annotation-xml",
];

/// Whether an attribute (its name as written) of a `tag` (its name in lower
/// case) is one that something reads:
/// `html.rs` (hidden content, class, id, role, images) and `metadata.rs`
/// (`<meta>`, `<link>`, microdata, dates, language), or the tree builder
/// itself (`<input type=hidden>` in tables, `<font color|face|size>`
/// leaving SVG, `encoding` on MathML's `annotation-xml`, declarative
/// shadow roots). Every other attribute is left out of what the parser
/// reads: tracking `data-` attributes, SVG paths, event handlers and the
/// like are a sixth of a page's bytes once scripts are gone, and each
/// costs the parser an interned name and an allocation.
/// A module that reads a new attribute must add it here.
fn attribute_is_read(tag: &str, name: &[u8]) -> bool {
    let mut lower = [0u8; 16];
    if name.len() > lower.len() {
        return name.len() > 10 && name[..10].eq_ignore_ascii_case(b"shadowroot");
    }
    let lower = &mut lower[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    match &*lower {
        // Links are read only in the head (the canonical address), images'
        // addresses only on images (`<image>` is parsed as `<img>`).
        b"href" => tag == "link",
        b"src" | b"srcset" | b"data-src" | b"data-original" | b"data-lazy-src" | b"alt" => {
            matches!(tag, "img" | "image")
        }
        b"class" | b"id" | b"role" | b"style" | b"hidden" | b"aria-hidden" | b"type"
        | b"itemprop" | b"itemtype" | b"lang" | b"rel" | b"content" | b"property" | b"name"
        | b"pubdate" | b"datetime" | b"title" | b"charset" | b"http-equiv" | b"color" | b"face"
        | b"size" | b"encoding" => true,
        _ => lower.len() > 10 && lower.starts_with(b"shadowroot"),
    }
}

/// A start tag's attributes as the HTML tokenizer reads them, from the end
/// of the tag's name at `i`: for each, where its name starts and ends and
/// where its value (or, without one, its name) ends, into `found`. Returns
/// the index just past the tag's `>` and whether the tag closes itself
/// (`/>`); `None` if the input ends first (the parser drops that tag).
/// Follows the tokenizer's states exactly (a `/` not before `>` separates,
/// `=` can begin a name, a quote inside a name or an unquoted value is just
/// a character), since leaving attributes out must not change how the rest
/// of the tag is read.
fn attributes(
    b: &[u8],
    mut i: usize,
    found: &mut Vec<(usize, usize, usize)>,
) -> Option<(usize, bool)> {
    let ws = |c: u8| c.is_ascii_whitespace();
    found.clear();
    loop {
        let mut slash = false;
        loop {
            match *b.get(i)? {
                b'>' => return Some((i + 1, slash)),
                b'/' => slash = true,
                c if ws(c) => slash = false,
                _ => break,
            }
            i += 1;
        }
        let start = i;
        // The first character begins the name, even an '='.
        i += 1;
        while i < b.len() && !ends_name(b[i]) && b[i] != b'=' {
            i += 1;
        }
        let name_end = i;
        while i < b.len() && ws(b[i]) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            found.push((start, name_end, name_end));
            continue;
        }
        i += 1;
        while i < b.len() && ws(b[i]) {
            i += 1;
        }
        match *b.get(i)? {
            q @ (b'"' | b'\'') => i += 2 + memchr(q, &b[i + 1..])?,
            b'>' => {}
            _ => {
                while i < b.len() && !ws(b[i]) && b[i] != b'>' {
                    i += 1;
                }
            }
        }
        found.push((start, name_end, i));
    }
}

/// An SVG image whose body may be left out of what the parser reads: SVG
/// icons are a twelfth of a page's bytes once scripts are gone, all
/// elements and attributes, and nothing reads inside them. The body is left
/// out when it is certain that the parser would end the image at the
/// `</svg>` found here: every element inside is closed in order, none
/// leaves foreign content or holds HTML ([`UNSURE_IN_SVG`]; a `title` or
/// `desc` may hold text but no tag), there is no comment, CDATA or other
/// `<!`/`<?` markup, and nothing inside was left out for depth. Where that
/// fails, the scan can no longer be sure it reads tags where the tokenizer
/// does, and leaves nothing more out but what depth requires.
struct Svg {
    /// Where its body starts (just past its start tag).
    body: usize,
    /// How many ranges had been left out when it started.
    edits: usize,
    /// The elements open inside it, by name number.
    open: Vec<usize>,
}

impl Svg {
    /// Follows a tag inside the image: `Some(true)` if the image goes on,
    /// `Some(false)` if this is its end, `None` if its end is uncertain.
    fn next(
        &mut self,
        scan: &Scan,
        id: usize,
        closing: bool,
        self_closing: bool,
        keep: bool,
    ) -> Option<bool> {
        let in_text = self
            .open
            .last()
            .is_some_and(|&top| scan.is(top, IS_TEXT_IN_SVG));
        if !keep || (!closing && (in_text || scan.is(id, IS_UNSURE_IN_SVG))) {
            return None;
        }
        if !closing {
            if !self_closing {
                self.open.push(id);
            }
            return Some(true);
        }
        if self.open.last() == Some(&id) {
            self.open.pop();
            return Some(true);
        }
        (self.open.is_empty() && scan.names[id] == "svg").then_some(false)
    }
}

/// The scan's output: the input with ranges left out.
struct Edits<'a, 'o> {
    html: &'a str,
    out: Option<&'o mut String>,
    /// How much of `html` has been written.
    copied: usize,
    /// How many ranges have been left out.
    count: usize,
}

impl Edits<'_, '_> {
    /// Leaves out `range` (after what was left out before), writing
    /// `instead`; `false` when there is no output to write (the scan only
    /// asks whether anything would be left out).
    fn cut(&mut self, range: std::ops::Range<usize>, instead: &str) -> bool {
        self.count += 1;
        let Some(o) = self.out.as_deref_mut() else {
            return false;
        };
        o.push_str(&self.html[self.copied..range.start]);
        o.push_str(instead);
        self.copied = range.end;
        true
    }
}

/// Start tags of blocks that the parser always honours in HTML content (not
/// `body`, `form`, table parts…, which it may ignore) and that `html.rs`
/// ends a block of text at: whitespace just before one is trimmed from the
/// block it would end, so it can be left out (see `Scan::run`). Not
/// `table`: text the parser moves out of a table goes just before it, and
/// would join the whitespace there.
#[rustfmt::skip]
const BLOCK_STARTS: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dir", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "ul",
];

/// Elements inside which whitespace is text as it stands (or is not read
/// as the page's text at all, where it may decide what the parser does).
#[rustfmt::skip]
const KEEPS_SPACE: &[&str] = &["pre", "listing", "textarea", "select", "template", "plaintext"];

/// [`SPECIAL`], [`CLOSE_P`], [`VOID`] and [`FORMATTING`] as sets: every tag of a
/// page is asked about, and the end tag of an ordinary element asks about
/// each element above its match (the scan was a tenth of reading a page).
static SPECIAL_SET: WordSet = WordSet::new(SPECIAL);
static CLOSE_P_SET: WordSet = WordSet::new(CLOSE_P);
static VOID_SET: WordSet = WordSet::new(VOID);
static FORMATTING_SET: WordSet = WordSet::new(FORMATTING);

/// Passes `html` on, flattened where the parser would be driven too deep,
/// and without what nothing reads (see the module's documentation).
pub fn limit_nesting(html: &str) -> Cow<'_, str> {
    let mut out = String::new();
    if Scan::run(html, Some(&mut out)) {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(html)
    }
}

/// Whether the body `b[start..close]` of a raw-text element `name` (start
/// tag `tag`), which ends where the parser ends it (`raw_text_end`, called
/// in HTML content only), can be left out of what the parser reads. Scripts
/// and style sheets are two fifths of a news page's bytes, which the
/// tokenizer would read character by character, and nothing reads them but
/// JSON-LD: a start tag that mentions JSON keeps its body. One that runs to
/// the end of the input is kept too (there is no end tag to keep in place).
fn unread_body(name: &str, tag: &[u8], b: &[u8], start: usize, close: usize) -> bool {
    matches!(name, "script" | "style")
        && close > start
        && close < b.len()
        && find_ci(tag, 0, b"json").is_none()
}

/// Finds `needle` (ASCII, lowercase) in `hay` from `from`, ignoring ASCII case.
fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if hay.len() < needle.len() || from > hay.len() - needle.len() {
        return None;
    }
    let first = needle[0];
    (from..=hay.len() - needle.len()).find(|&i| {
        hay[i].eq_ignore_ascii_case(&first) && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
    })
}

/// Whether `c` ends a tag's name (or an attribute's, with `=`): whitespace
/// as the tokenizer has it (which is `u8::is_ascii_whitespace`), `/` or `>`.
fn ends_name(c: u8) -> bool {
    c.is_ascii_whitespace() || c == b'/' || c == b'>'
}

/// Where the text of raw-text element `name` (its start tag ending at
/// `from`) ends, as the tokenizer finds it: at the first `</name` followed by
/// what ends a tag name; except that in a script, `<!--` opens the escaped
/// states, in which `<script` opens a nested escape that `</script` only
/// leaves, until a `-->`; and a `plaintext` never ends. The input's end if
/// it does not end.
fn raw_text_end(b: &[u8], from: usize, name: &str) -> usize {
    // Whether an end tag (`closing`) or a start tag of `name` begins at `k`.
    let tag_at = |k: usize, closing: bool| {
        let n = k + 1 + usize::from(closing);
        (!closing || b.get(k + 1) == Some(&b'/'))
            && b.len() >= n + name.len()
            && b[n..n + name.len()].eq_ignore_ascii_case(name.as_bytes())
            && b.get(n + name.len()).is_some_and(|&c| ends_name(c))
    };
    let next_lt = |i: usize| memchr(b'<', &b[i..]).map(|p| i + p);
    if name == "plaintext" {
        return b.len();
    }
    let mut i = from;
    if name != "script" {
        while let Some(k) = next_lt(i) {
            if tag_at(k, true) {
                return k;
            }
            i = k + 1;
        }
        return b.len();
    }
    // Outside the escape; inside it, and how deep (1, or 2 after `<script`).
    let mut escape = 0u8;
    // Dashes just read inside the escape (`-->` needs two before the `>`).
    let mut dashes = 0usize;
    while i < b.len() {
        if escape == 0 {
            let Some(k) = next_lt(i) else {
                return b.len();
            };
            if b[k..].starts_with(b"<!--") {
                (escape, dashes, i) = (1, 2, k + 4);
            } else if tag_at(k, true) {
                return k;
            } else {
                i = k + 1;
            }
            continue;
        }
        match b[i] {
            b'-' => dashes += 1,
            b'>' if dashes >= 2 => (escape, dashes) = (0, 0),
            b'<' => {
                dashes = 0;
                if escape == 1 && tag_at(i, true) {
                    return i;
                } else if escape == 1 && tag_at(i, false) {
                    escape = 2;
                } else if escape == 2 && tag_at(i, true) {
                    escape = 1;
                }
            }
            _ => dashes = 0,
        }
        i += 1;
    }
    b.len()
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
    while let Some(p) = memchr(b'-', &b[i..]) {
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
const IS_VOID: u16 = 1;
const IS_SPECIAL: u16 = 2;
const IS_CLOSE_P: u16 = 4;
const IS_FORMATTING: u16 = 8;
const IS_RAW: u16 = 16;
const IS_SCOPE: u16 = 32;
/// `svg` or `math`: foreign content, where `/>` closes an element.
const IS_FOREIGN: u16 = 64;
/// A tag that makes the end of an SVG image uncertain ([`UNSURE_IN_SVG`]).
const IS_UNSURE_IN_SVG: u16 = 128;
/// `title` or `desc`: inside SVG, a place where HTML is read.
const IS_TEXT_IN_SVG: u16 = 256;
/// A block whose start tag the parser always honours ([`BLOCK_STARTS`]).
const IS_BLOCK_START: u16 = 512;
/// An element inside which whitespace is kept as it is ([`KEEPS_SPACE`]).
const IS_KEEPS_SPACE: u16 = 1024;

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
    kinds: Vec<u16>,
    stack: Vec<usize>,
    /// How many of each name the stack holds (so a hopeless search costs nothing).
    open: Vec<usize>,
    /// Start tags left out, by name: their end tags are left out too.
    dropped: Vec<usize>,
    /// Formatting elements started and not yet ended.
    formatting: usize,
    /// Depth of SVG and MathML elements, where `/>` closes an element.
    foreign: usize,
    /// Formatting elements on the stack.
    formatting_open: usize,
    /// Elements on the stack that keep whitespace ([`IS_KEEPS_SPACE`]).
    keeping_space: usize,
    /// Whether a formatting element may have left the parser's stack while
    /// staying on its list of active formatting elements: popped by another
    /// element's end, closed out of order, or a tag left out. The parser then
    /// re-creates it at the next text, whitespace too, so from here on
    /// whitespace must stay where it is.
    formatting_left: bool,
}

impl Scan {
    /// One pass. Without `out`, reports whether anything would be left out; with
    /// it, writes the document without it.
    fn run(html: &str, out: Option<&mut String>) -> bool {
        let mut scan = Scan {
            names: Vec::new(),
            ids: HashMap::default(),
            kinds: Vec::new(),
            stack: Vec::new(),
            open: Vec::new(),
            dropped: Vec::new(),
            formatting: 0,
            foreign: 0,
            formatting_open: 0,
            keeping_space: 0,
            formatting_left: false,
        };
        let mut name = String::new();
        let b = html.as_bytes();
        let mut edits = Edits {
            html,
            out,
            copied: 0,
            count: 0,
        };
        let mut attrs = Vec::new();
        let mut svg: Option<Svg> = None;
        // Whether this scan still reads the markup as the tokenizer does:
        // until foreign content it could not follow exactly (an SVG image
        // whose end is uncertain, MathML), nothing it takes for a tag can be
        // text. Attributes and SVG bodies are left out only while it is.
        let mut clean = true;
        let mut i = 0usize;
        // Where the text since the last markup starts.
        let mut text_from = 0usize;
        while let Some(off) = memchr(b'<', &b[i..]) {
            let lt = i + off;
            i = lt + 1;
            let closing = b.get(lt + 1) == Some(&b'/');
            let name_start = lt + 1 + usize::from(closing);
            if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                if b[lt..].starts_with(b"<!--") {
                    i = comment_end(b, lt);
                    // Nothing reads comments, whose text the tokenizer takes a
                    // character at a time: an empty one stays in its place.
                    if clean && svg.is_none() && i >= lt + 8 && b[..i].ends_with(b"-->") {
                        if !edits.cut(lt + 4..i - 3, "") {
                            return true;
                        }
                        text_from = i;
                        continue;
                    }
                } else if scan.foreign > 0 && b[lt..].starts_with(b"<![CDATA[") {
                    // Text up to "]]>" in foreign content (a bogus comment in HTML).
                    i = memmem::find(&b[lt..], b"]]>").map_or(b.len(), |p| lt + p + 3);
                } else if matches!(b.get(lt + 1), Some(b'!' | b'?')) || closing {
                    // A doctype or a bogus comment: up to the first '>'.
                    i = memchr(b'>', &b[lt..]).map_or(b.len(), |p| lt + p + 1);
                } else {
                    continue; // a '<' that is text
                }
                if svg.is_some() {
                    // A comment or CDATA inside SVG: see [`Svg`].
                    svg = None;
                    clean = false;
                }
                text_from = i;
                continue;
            }
            let name_end = b[name_start..]
                .iter()
                .position(|&c| ends_name(c))
                .map_or(b.len(), |p| name_start + p);
            name.clear();
            name.push_str(&html[name_start..name_end]);
            name.make_ascii_lowercase();
            let id = scan.id(&name);
            let Some((end, self_closing)) = attributes(b, name_end, &mut attrs) else {
                break; // a tag left open at the end: the parser drops it too
            };
            i = end;
            let block = !closing && scan.is(id, IS_SPECIAL);
            let in_html = scan.foreign == 0;
            // What an end tag closes, asked once for the whitespace before it
            // and for the tag itself.
            let closes = if closing {
                scan.closed_by(id, &name)
            } else {
                None
            };
            // Whitespace alone since the last markup, before a block's start or end.
            let space = clean
                && svg.is_none()
                && text_from < lt
                && b[text_from..lt].iter().all(u8::is_ascii_whitespace)
                && scan.drops_space_before(id, closing, closes, &attrs, b);
            let mut body = None;
            let keep = if closing {
                scan.end_tag(id, closes)
            } else {
                if in_html && scan.is(id, IS_RAW) {
                    // Its content is text: skip to its end tag.
                    i = raw_text_end(b, end, &name);
                    if unread_body(&name, &b[lt..end], b, end, i) {
                        body = Some(end..i);
                    }
                }
                scan.start_tag(id, &name, self_closing)
            };
            if !keep {
                scan.formatting_left = true;
                // A block left out still separates what stands around it.
                if !edits.cut(lt..end, if block { "<br>" } else { "" }) {
                    return true;
                }
            } else if space && !edits.cut(text_from..lt, "") {
                return true;
            }
            // A start tag kept, in HTML content, while the scan is sure.
            let rewritable = keep && clean && !closing && in_html;
            if rewritable && (!scan.is(id, IS_FORMATTING) || name == "a") {
                // Attributes nothing reads. (Formatting elements other than
                // `a` keep theirs: the parser tells their copies apart by
                // their attributes.)
                for (k, &(start, name_to, value_end)) in attrs.iter().enumerate() {
                    if attribute_is_read(&name, &b[start..name_to]) {
                        continue;
                    }
                    // Up to the next attribute, so the separator before this
                    // one still ends the one before; the last keeps what ends
                    // the tag, after a space where it is the bare '>' (a '/'
                    // before it, which separated attributes, would make the
                    // tag close itself).
                    let (to, instead) = match attrs.get(k + 1) {
                        Some(next) => (next.0, ""),
                        None if b[value_end] == b'>' => (value_end, " "),
                        None => (value_end, ""),
                    };
                    if !edits.cut(start..to, instead) {
                        return true;
                    }
                }
            }
            if let Some(range) = body.filter(|_| clean) {
                if !edits.cut(range, "") {
                    return true;
                }
            }
            text_from = i;
            // SVG images: see [`Svg`].
            match svg.as_mut() {
                None if rewritable && name == "svg" && !self_closing => {
                    svg = Some(Svg {
                        body: end,
                        edits: edits.count,
                        open: Vec::new(),
                    });
                }
                None => clean &= !(in_html && name == "math"),
                Some(s) => match s.next(&scan, id, closing, self_closing, keep) {
                    Some(true) => {}
                    Some(false) => {
                        let whole = s.edits == edits.count && s.body < lt;
                        let body = s.body;
                        svg = None;
                        if whole && !edits.cut(body..lt, "") {
                            return true;
                        }
                    }
                    None => {
                        svg = None;
                        clean = false;
                    }
                },
            }
        }
        if let Some(o) = edits.out {
            o.push_str(&html[edits.copied..]);
        }
        edits.count > 0
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
            (IS_UNSURE_IN_SVG, UNSURE_IN_SVG.contains(&name)),
            (IS_TEXT_IN_SVG, matches!(name, "title" | "desc")),
            (IS_BLOCK_START, BLOCK_STARTS.contains(&name)),
            (IS_KEEPS_SPACE, KEEPS_SPACE.contains(&name)),
        ];
        self.kinds
            .push(sets.iter().filter(|s| s.1).fold(0, |k, s| k | s.0));
        self.open.push(0);
        self.dropped.push(0);
        id
    }

    /// Whether name `id` is in the set `kind` (one of [`IS_VOID`], …).
    fn is(&self, id: usize, kind: u16) -> bool {
        self.kinds[id] & kind != 0
    }

    fn push(&mut self, id: usize) {
        if self.is(id, IS_FOREIGN) {
            self.foreign += 1;
        }
        self.formatting_open += usize::from(self.is(id, IS_FORMATTING));
        self.keeping_space += usize::from(self.is(id, IS_KEEPS_SPACE));
        self.open[id] += 1;
        self.stack.push(id);
    }

    /// Pops the stack down to (and including) index `k`; `by_its_end` if
    /// that is for the end tag of the element at `k`.
    fn pop_to(&mut self, k: usize, by_its_end: bool) {
        for (j, id) in self.stack.drain(k..).enumerate() {
            let kind = self.kinds[id];
            if kind & IS_FOREIGN != 0 {
                self.foreign -= 1;
            }
            if kind & IS_FORMATTING != 0 {
                self.formatting_open -= 1;
                self.formatting_left |= !(by_its_end && j == 0);
            }
            if kind & IS_KEEPS_SPACE != 0 {
                self.keeping_space -= 1;
            }
            self.open[id] -= 1;
        }
    }

    /// Whether whitespace just before a tag `id` (an end tag if `closing`,
    /// closing the open element `closes`) with attributes `attrs` (in `b`)
    /// can be left out: the tag starts or
    /// ends a block, so `html.rs` ends its block of text there and trims the
    /// whitespace (so not a start tag it may skip as hidden, since then the
    /// text goes on after it, nor an end tag the parser would ignore), and
    /// the parser does nothing with the whitespace but make a text node: no
    /// formatting element to re-create, not in `pre` and the like.
    fn drops_space_before(
        &self,
        id: usize,
        closing: bool,
        closes: Option<usize>,
        attrs: &[(usize, usize, usize)],
        b: &[u8],
    ) -> bool {
        let quiet = self.is(id, IS_BLOCK_START)
            && self.foreign == 0
            && self.formatting_open == 0
            && self.keeping_space == 0
            && !self.formatting_left;
        if !quiet {
            return false;
        }
        if !closing {
            return !attrs.iter().any(|&(s, e, _)| {
                let n = &b[s..e];
                n.eq_ignore_ascii_case(b"hidden")
                    || n.eq_ignore_ascii_case(b"aria-hidden")
                    || n.eq_ignore_ascii_case(b"style")
            });
        }
        // The end tag closes an element: `</p>` always (it makes one where
        // none is open), the others as `closed_by` found.
        self.dropped[id] == 0 && (self.names[id] == "p" || closes.is_some())
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
        if self.is(id, IS_VOID) || (self_closing && (self.foreign > 0 || self.is(id, IS_FOREIGN))) {
            return true;
        }
        // The parser closes an open p when a block starts, and an open li, dt or
        // dd when a new one starts.
        if self.is(id, IS_CLOSE_P) {
            if let Some(k) = self.find("p", &|e| self.is(e, IS_SCOPE) || self.names[e] == "button")
            {
                self.pop_to(k, false);
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
            self.pop_to(k, false);
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

    /// The index of the open element that end tag `name` (number `id`)
    /// closes, if any: the nearest of that name in scope (for a special or
    /// formatting element), or with no special element above it (for an
    /// ordinary one); for a heading, the nearest heading of any level in
    /// scope; for `li`, in list-item scope.
    fn closed_by(&self, id: usize, name: &str) -> Option<usize> {
        const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
        if HEADINGS.contains(&name) {
            return HEADINGS
                .iter()
                .filter_map(|h| self.find(h, &|e| self.is(e, IS_SCOPE)))
                .max();
        }
        if name == "li" {
            return self.find(name, &|e| {
                self.is(e, IS_SCOPE) || matches!(self.names[e].as_str(), "ol" | "ul")
            });
        }
        if self.is(id, IS_SPECIAL | IS_FORMATTING) {
            self.find(name, &|e| self.is(e, IS_SCOPE))
        } else {
            // An ordinary end tag is ignored when a special element stands above its match.
            self.find(name, &|e| self.is(e, IS_SPECIAL))
        }
    }

    /// Handles an end tag that closes the open element `found`
    /// (`closed_by`); `false` if it must be left out.
    fn end_tag(&mut self, id: usize, found: Option<usize>) -> bool {
        if self.dropped[id] > 0 {
            self.dropped[id] -= 1;
            return false;
        }
        if self.is(id, IS_FORMATTING) {
            self.formatting = self.formatting.saturating_sub(1);
        }
        if self.is(id, IS_FORMATTING) && found.is_none_or(|k| k + 1 != self.stack.len()) {
            // Closed out of order (the adoption agency) or not found.
            self.formatting_left = true;
        }
        if let Some(k) = found {
            self.pop_to(k, true);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::Strategy;

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
        let page = "<!doctype html><html lang=en><body><div class=\"x y\" id=main>\
                    <p>Hi <b>there</b><p>Next<ul><li>a<li>b</ul><svg></svg>\
                    <img src=a.jpg alt='A'><link rel=canonical href=\"/x\"><a rel=author>x</a>\
                    <!----><!--><p class=\"odd\">odd</p></div></body></html>";
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
            out.contains("<body><script></script><script></script>"),
            "an escaped body ends where the parser ends it: {out}"
        );
        assert!(
            out.contains("</script><script></script><svg>"),
            "\"</scripts\" ends no script, the \"</script>\" after it does: {out}"
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
                .replace("if (a<b) { x = '</div>' }", "")
                .replace("var s = '</scripts>';", "")
                .replace("<!-- document.write('<script></script>') -->", ""),
            text(&out)
        );
    }

    /// The document as `html.rs` and `metadata.rs` read it: each element
    /// with the attributes something reads (`attribute_is_read`), and the
    /// text (its words), but nothing inside SVG images and no script or
    /// style bodies.
    fn as_read(html: &str) -> String {
        let doc = scraper::Html::parse_document(html);
        let mut out = String::new();
        let mut skip: Option<ego_tree::NodeId> = None;
        for edge in doc.root_element().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(n) => {
                    if skip.is_some() {
                        continue;
                    }
                    match n.value() {
                        scraper::Node::Element(e) => {
                            out.push_str(&format!("<{}", e.name()));
                            for (k, v) in e.attrs() {
                                if attribute_is_read(e.name(), k.as_bytes()) {
                                    out.push_str(&format!(" {k}={v:?}"));
                                }
                            }
                            out.push('>');
                            if matches!(e.name(), "svg" | "script" | "style") {
                                skip = Some(n.id());
                            }
                        }
                        // Whitespace as html.rs reads it (collapsed; trimmed at
                        // the blocks before which it is left out).
                        scraper::Node::Text(t) => {
                            let words: Vec<&str> = t.split_ascii_whitespace().collect();
                            if !words.is_empty() {
                                out.push_str(&format!("[{}]", words.join(" ")));
                            }
                        }
                        _ => {}
                    }
                }
                ego_tree::iter::Edge::Close(n) => {
                    if skip == Some(n.id()) {
                        skip = None;
                    }
                    if skip.is_none() && n.value().is_element() {
                        out.push_str("</>");
                    }
                }
            }
        }
        out
    }

    /// The page as `html.rs` walks it into blocks and elements.
    fn as_walked(html: &str) -> String {
        let page = crate::input::html::walk(&scraper::Html::parse_document(html));
        let elements: Vec<_> = page
            .elements
            .iter()
            .map(|e| {
                (
                    e.parent,
                    &e.tag,
                    &e.key,
                    &e.role,
                    e.images,
                    e.inputs,
                    e.embeds,
                    e.has_blocks,
                )
            })
            .collect();
        format!("{:?} {elements:?} {:?}", page.blocks, page.images)
    }

    #[test]
    fn attributes_nothing_reads_are_left_out() {
        let page = "<div data-track=\"a>b\" class=c onclick='go()' id=i>x</div>\
                    <img data-src=real.jpg src=blank.gif srcset=\"a 1x\" width=10 alt=A/>\
                    <a href=/p data-x=1 rel=author>y</a><b data-x=1>kept on b</b>\
                    <link rel=canonical href=/c><div src=d.jpg>z</div>\
                    <p x=\"1\"data-y=2 class=z>glued</p><br/data-z=1><hr hidden/data-y><svg/</ x><path/></svg>";
        let out = limit_nesting(page);
        for gone in [
            "data-track",
            "onclick",
            "width",
            "data-x=1 rel",
            "href=/p",
            "d.jpg",
            "data-y",
            "data-z",
        ] {
            assert!(!out.contains(gone), "{gone} in {out}");
        }
        for kept in [
            "class=c",
            "id=i",
            "data-src=real.jpg",
            "src=blank.gif",
            "srcset",
            "alt=A",
            "<a rel=author>",
            "href=/c",
            "<b data-x=1>",
            "class=z",
        ] {
            assert!(out.contains(kept), "{kept} not in {out}");
        }
        assert!(
            out.contains("<hr hidden/ >"),
            "no '/>' made where there was none: {out}"
        );
        assert_eq!(as_read(page), as_read(&out));
    }

    #[test]
    fn comments_are_emptied() {
        let page = "<p>a<!-- one <div> -->b<!-->c<!--->d<!-- two --!>e<!-- open";
        assert_eq!(
            limit_nesting(page),
            "<p>a<!---->b<!-->c<!--->d<!-- two --!>e<!-- open"
        );
        assert_eq!(as_read(page), as_read(&limit_nesting(page)));
    }

    #[test]
    fn svg_bodies_are_left_out_where_their_end_is_certain() {
        let icon = "<svg viewBox=\"0 0 9 9\" class=icon><g><path d=\"M0 0L9 9\"/></g><circle r=1></circle></svg>";
        let page = format!(
            "<p>a{icon}b</p>\
             <svg><title>Title</title><path/></svg>\
             <svg><title>Title <g></g></title></svg>\
             <svg><foreignObject><p>html</p></foreignObject></svg>\
             <svg><g><p>breaks out</p></g></svg>\
             <svg><!-- </svg> --><path/></svg>\
             <svg><g></svg></g><path/></svg>\
             <svg><style>.a{{}}</style></svg><p>end</p>"
        );
        let out = limit_nesting(&page);
        assert!(
            out.contains("<p>a<svg class=icon></svg>b</p><svg></svg>"),
            "{out}"
        );
        for kept in [
            "<title>Title <g></g></title>",
            "<foreignObject><p>html</p></foreignObject>",
            "<g><p>breaks out</p></g>",
            "<!-- </svg> --><path/>",
            "<g></svg></g><path/>",
            "<style>.a{}</style>",
        ] {
            assert!(out.contains(kept), "{kept} not in {out}");
        }
        assert_eq!(as_read(&page), as_read(&out));
        assert!(!Scan::run(&out, None), "nothing is left to leave out");
    }

    fn markup() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "<div",
            "<p",
            "<a",
            "<b",
            "<img",
            "<br",
            "<svg",
            "<path",
            "<g",
            "<title",
            "<foreignObject",
            "<font",
            "<math",
            "<table",
            "<td",
            "<script>",
            "<style>",
            "</script>",
            "</svg>",
            "</svg",
            "</g>",
            "</p>",
            "</div>",
            "</a>",
            "</b>",
            "<!--",
            "-->",
            "<!x>",
            "<",
            ">",
            " ",
            "/",
            "/>",
            "=",
            "\"",
            "'",
            "data-x",
            "class",
            "id",
            "href",
            "d",
            "src",
            "x",
            "color",
            "type=hidden",
            " data-src=",
            "text",
            "&amp;",
            "\n",
            "<title>",
            "</title>",
            "<desc",
            "<textarea>",
            "</textarea>",
            "--",
            "<script",
            "</script",
            "<plaintext>",
            "<![CDATA[",
            "]]>",
            "<noscript>",
            "</noscript>",
            "<select>",
            "<option",
            "<math>",
            "</math>",
            "<mi>",
            "<style",
            "</style>",
            "<template>",
            "<?x>",
            "<div>",
            "<p>",
            "<b>",
            "<i>",
            "</i>",
            "<li>",
            "<ul>",
            "<pre>",
            "</pre>",
            "<hr>",
            "<tr>",
            "</td>",
            "</table>",
            "<h1>",
            "</h1>",
            "<nobr>",
            "<em>",
            "</em>",
            "<div hidden>",
            "<p style=x>",
            "  \n  ",
            "\n",
            "<div class=byline>",
            "<p class=author>",
            "<span class=date>",
            "By ",
            "Jane Roe",
            "12 May 2021",
            "<time datetime=2021-05-12>",
            "<h1 class=headline>",
            "<article>",
            "x y",
            "</li>",
            "</ul>",
            "<ol>",
            "</ol>",
            "<section>",
            "</section>",
            "<dl>",
            "<dd>",
            "</dd>",
            "<h2>",
            "</h2>",
            "<button>",
            "</button>",
            "<span>",
            "</span>",
            "</ x>",
        ])
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// Whatever the markup, leaving out attributes nothing reads and
        /// SVG bodies changes nothing that is read.
        #[test]
        fn what_is_read_is_unchanged(parts in proptest::collection::vec(markup(), 0..60)) {
            let page: String = parts.concat();
            let out = limit_nesting(&page);
            proptest::prop_assert_eq!(as_read(&page), as_read(&out), "{}", out);
            proptest::prop_assert_eq!(as_walked(&page), as_walked(&out), "{}", out);
            let meta = |h: &str| crate::input::metadata::read(&scraper::Html::parse_document(h));
            proptest::prop_assert_eq!(meta(&page), meta(&out), "{}", out);
        }
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
