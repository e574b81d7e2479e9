//! HTML input: the page as blocks of visible text, each knowing the element
//! it sits in, and the metadata the page states about itself.
//!
//! Parsing is html5ever's (through `scraper`, which keeps the tree in an arena):
//! the same algorithm browsers use, so malformed markup is repaired the way a
//! browser would show it. Nothing from the markup is ever executed or kept as
//! markup: scripts, styles, templates and embedded objects are skipped, and
//! only text nodes (and image addresses, as strings) reach the output. The
//! tree is walked with an explicit open/close event stream, never recursion,
//! so a million nested `<div>`s cannot overflow the stack (a trap in wasm).
//!
//! The walk produces a [`Page`]: a flat list of the elements met (parent
//! index, tag, what their `class`, `id` and `role` say) and the text blocks,
//! each with the element that owns it. [`super::content`] decides from that
//! which blocks are the article.

use super::boilerplate::Reason;
use crate::analyze::ner::features::Fnv;
use crate::output::{Image, Meta};
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose content is never visible text.
#[rustfmt::skip]
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object",
    "embed", "canvas", "audio", "video", "track", "map", "button", "select", "option",
    "datalist", "input", "textarea", "dialog",
];

/// Elements that start and end a block of text (CSS `display: block` and the
/// like in the user-agent stylesheet); `metadata.rs` separates text at them
/// too.
#[rustfmt::skip]
pub(super) const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
    "caption", "ul",
];

/// Void elements: they never close, so the walk pushes none of them on its
/// stack of open elements (nor `img`, handled where it opens).
#[rustfmt::skip]
const VOID: &[&str] = &[
    "img", "br", "hr", "wbr", "meta", "link", "base", "col", "area", "source", "param",
];

/// No parent.
pub const NONE: u32 = u32::MAX;

/// Where a block sat in the page, as far as it tells what the block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Ordinary content.
    None,
    /// Inside `<nav>` or an element with `role="navigation"`.
    Navigation,
    /// A table row: data, never page furniture, whatever its cells say.
    TableRow,
}

/// What a block is in the article's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    #[default]
    Paragraph,
    /// `<h1>`…`<h6>`.
    Heading,
    /// An item of a list (`<li>`, `<dt>`, `<dd>`).
    ListItem,
    /// Inside a `<blockquote>`.
    Quote,
    /// Preformatted text or code (`<pre>`).
    Code,
    /// A figure or table caption.
    Caption,
    /// A table row, cells separated by " | ".
    TableRow,
}

/// One element of the page (skipped and hidden subtrees are not listed).
#[derive(Debug, Clone)]
pub struct Element {
    /// Index of the parent in [`Page::elements`], [`NONE`] for the root.
    pub parent: u32,
    /// Lowercase tag name.
    pub tag: String,
    /// `class`, `id` and `itemprop` cut into lowercase words at punctuation
    /// and camelCase humps, each wrapped in '-': `-related-articles-`.
    pub key: String,
    /// What those words say (see [`super::content::class_info`]).
    pub class: super::content::ClassInfo,
    /// The ARIA `role`, lowercase.
    pub role: String,
    /// Images, form inputs and embedded media directly inside (they are skipped
    /// as text but count when judging a container).
    pub images: u32,
    pub inputs: u32,
    pub embeds: u32,
    /// Has a block-level child element (a `<div>` without one reads as a
    /// paragraph).
    pub has_blocks: bool,
}

/// One visible block of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlBlock {
    /// Visible text, whitespace collapsed as a browser renders it; `<br>` is a
    /// newline.
    pub text: String,
    /// What the page structure says about it.
    pub hint: Hint,
    pub kind: BlockKind,
    /// The innermost element holding the text (index into `elements`).
    pub owner: u32,
    /// Characters of the text that are inside links.
    pub link_chars: u32,
    /// Set by main-content extraction: why the block is not the article.
    pub removal: Option<Reason>,
}

/// The page as the walk saw it.
#[derive(Debug, Default)]
pub struct Page {
    pub elements: Vec<Element>,
    pub blocks: Vec<HtmlBlock>,
    /// Images in document order with the element holding them.
    pub images: Vec<(u32, Image)>,
    /// Set by main-content extraction: which elements are the article's.
    pub in_article: Vec<bool>,
}

/// What the HTML gave.
#[derive(Debug, Default)]
pub struct HtmlInput {
    pub blocks: Vec<HtmlBlock>,
    pub meta: Meta,
    /// Images of the article (addresses only; nothing is loaded).
    pub images: Vec<Image>,
    /// False when no part of the page reads like an article: every block of
    /// visible text is kept.
    pub main_found: bool,
    /// How many `<script>` and `<style>` elements were skipped (reported, so the
    /// user knows they were seen and not run).
    pub scripts_skipped: usize,
}

/// The attributes the walk looks at, read in one pass over the element's
/// attributes (`Element::attr` interns the name on every call, and the walk
/// would call it eight times per element).
#[derive(Default)]
struct Attrs<'a> {
    hidden: bool,
    aria_hidden: bool,
    hidden_input: bool,
    style: Option<&'a str>,
    class: Option<&'a str>,
    id: Option<&'a str>,
    itemprop: Option<&'a str>,
    role: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a scraper::node::Element) -> Attrs<'a> {
        let mut a = Attrs::default();
        for (name, value) in el.attrs() {
            match name {
                "hidden" => a.hidden = true,
                "aria-hidden" => a.aria_hidden = value == "true",
                "type" => a.hidden_input = value.eq_ignore_ascii_case("hidden"),
                "style" => a.style = Some(value),
                "class" => a.class = Some(value),
                "id" => a.id = Some(value),
                "itemprop" => a.itemprop = Some(value),
                "role" => a.role = Some(value),
                _ => {}
            }
        }
        a
    }

    fn is_navigation(&self) -> bool {
        self.role
            .is_some_and(|r| r.eq_ignore_ascii_case("navigation"))
    }
}

fn is_hidden(el: &scraper::node::Element, a: &Attrs) -> bool {
    if a.hidden || a.aria_hidden {
        return true;
    }
    if el.name() == "input" && a.hidden_input {
        return true;
    }
    a.style.is_some_and(|style| {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// `class`, `id` and `itemprop` as one string of '-'-wrapped lowercase words,
/// so patterns can match whole words (`-ad-`), word starts (`-comment`) or
/// word sequences (`-most-read-`) with a plain substring search.
fn class_key(a: &Attrs) -> String {
    let mut key = String::from("-");
    // An id of four words or more is an anchor made from a heading
    // ("sharing-with-a-single-developer"), which says nothing about the role
    // of the element.
    let id = a.id.filter(|id| {
        id.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
            < 4
    });
    for value in [a.class, id, a.itemprop].into_iter().flatten() {
        let mut prev_lower = false;
        for c in value.chars().take(400) {
            if c.is_alphanumeric() {
                // camelCase hump: "relatedArticles" → related-articles.
                if c.is_uppercase() && prev_lower && !key.ends_with('-') {
                    key.push('-');
                }
                key.extend(c.to_lowercase());
                prev_lower = c.is_lowercase();
            } else {
                if !key.ends_with('-') {
                    key.push('-');
                }
                prev_lower = false;
            }
        }
        if !key.ends_with('-') {
            key.push('-');
        }
    }
    key
}

/// The address of an image, preferring the real one over a lazy-loading
/// placeholder; `None` for inline `data:` images (no address to show).
fn image_of(el: &scraper::node::Element) -> Option<Image> {
    let src = ["data-src", "data-original", "data-lazy-src", "src"]
        .iter()
        .filter_map(|a| el.attr(a))
        .map(str::trim)
        .find(|s| !s.is_empty() && !s.starts_with("data:"))
        .or_else(|| {
            el.attr("srcset")
                .and_then(|s| s.split(',').next())
                .and_then(|s| s.split_whitespace().next())
        })?;
    let lower = src.to_ascii_lowercase();
    if lower.starts_with("javascript:") || lower.starts_with("data:") {
        return None;
    }
    Some(Image {
        src: src.chars().take(2000).collect(),
        alt: el
            .attr("alt")
            .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|a| !a.is_empty()),
    })
}

/// Collects text into blocks as the walk goes.
struct Walker {
    page: Page,
    /// Open elements, innermost last.
    stack: Vec<u32>,
    current: String,
    current_link: u32,
    /// Depth of `<pre>` elements: inside, whitespace is kept.
    pre: usize,
    /// Depth of navigation landmarks.
    nav: usize,
    /// Depth of `<a>` elements.
    link: usize,
    blockquote: usize,
    /// The current table cell is not the first in its row.
    cell_open: bool,
}

impl Walker {
    fn flush(&mut self) {
        let owner = self.stack.last().copied().unwrap_or(NONE);
        let hint = if self.nav > 0 {
            Hint::Navigation
        } else if self.cell_open {
            Hint::TableRow
        } else {
            Hint::None
        };
        let kind = self.kind(owner);
        let text = std::mem::take(&mut self.current);
        let link = std::mem::take(&mut self.current_link);
        let total = text.chars().filter(|c| !c.is_whitespace()).count().max(1) as f64;
        // A blank line inside one block (old pages separate paragraphs with
        // <br><br>) splits it.
        for part in text.split("\n\n") {
            let lines: Vec<&str> = part
                .split('\n')
                .map(|l| l.trim_matches(|c: char| c == ' ' || c == '\t'))
                .filter(|l| !l.is_empty())
                .collect();
            if !lines.is_empty() {
                let text = lines.join("\n");
                // Link characters shared out in proportion when a block splits.
                let share = text.chars().filter(|c| !c.is_whitespace()).count() as f64 / total;
                self.page.blocks.push(HtmlBlock {
                    text,
                    hint,
                    kind,
                    owner,
                    link_chars: (link as f64 * share).round() as u32,
                    removal: None,
                });
            }
        }
        self.cell_open = false;
    }

    /// The block's kind from the elements it sits in.
    fn kind(&self, owner: u32) -> BlockKind {
        if self.cell_open {
            return BlockKind::TableRow;
        }
        if self.pre > 0 {
            return BlockKind::Code;
        }
        let mut i = owner;
        while i != NONE {
            let el = &self.page.elements[i as usize];
            match el.tag.as_str() {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => return BlockKind::Heading,
                "li" | "dt" | "dd" => return BlockKind::ListItem,
                "figcaption" | "caption" => return BlockKind::Caption,
                "blockquote" => return BlockKind::Quote,
                "p" | "article" | "section" | "main" | "body" => break,
                _ => {}
            }
            i = el.parent;
        }
        if self.blockquote > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.pre > 0 {
            self.current.push_str(text);
            if self.link > 0 {
                self.current_link += text.chars().filter(|c| !c.is_whitespace()).count() as u32;
            }
            return;
        }
        // Runs of text as they are, each run of whitespace as one space
        // (not at the start of a block, nor after a line break).
        let mut rest = text;
        while !rest.is_empty() {
            let run = rest
                .bytes()
                .position(|c| c.is_ascii_whitespace())
                .unwrap_or(rest.len());
            let (word, tail) = rest.split_at(run);
            self.current.push_str(word);
            if self.link > 0 {
                self.current_link += word.chars().count() as u32;
            }
            if tail.is_empty() {
                break;
            }
            if !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                self.current.push(' ');
            }
            let gap = tail
                .bytes()
                .position(|c| !c.is_ascii_whitespace())
                .unwrap_or(tail.len());
            rest = &tail[gap..];
        }
    }

    fn line_break(&mut self) {
        while self.current.ends_with(' ') {
            self.current.pop();
        }
        self.current.push('\n');
    }

    /// Counts a skipped element that still tells something about its container.
    fn count_skipped(&mut self, name: &str) {
        let Some(&top) = self.stack.last() else {
            return;
        };
        let el = &mut self.page.elements[top as usize];
        match name {
            "input" | "textarea" | "select" | "button" => el.inputs += 1,
            // Video and audio are part of an article; frames and plugins are
            // usually ads and widgets.
            "iframe" | "object" | "embed" => el.embeds += 1,
            _ => {}
        }
    }
}

/// Walks the parsed page into a [`Page`].
pub(crate) fn walk(doc: &Html) -> Page {
    let mut w = Walker {
        page: Page::default(),
        stack: Vec::new(),
        current: String::new(),
        current_link: 0,
        pre: 0,
        nav: 0,
        link: 0,
        blockquote: 0,
        cell_open: false,
    };
    let mut classes: std::collections::HashMap<String, super::content::ClassInfo, Fnv> =
        Default::default();
    // The node whose subtree is being skipped, if any.
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => w.push_text(t),
                    Node::Element(el) => {
                        let name = el.name();
                        let attrs = Attrs::of(el);
                        if SKIPPED.contains(&name) || is_hidden(el, &attrs) {
                            w.count_skipped(name);
                            skipping = Some(node.id());
                            continue;
                        }
                        let is_nav = name == "nav" || attrs.is_navigation();
                        match name {
                            "br" => w.line_break(),
                            "td" | "th" => {
                                if w.cell_open {
                                    w.push_text(" | ");
                                }
                                w.cell_open = true;
                            }
                            "img" => {
                                if let Some(&top) = w.stack.last() {
                                    w.page.elements[top as usize].images += 1;
                                    if let Some(image) = image_of(el) {
                                        w.page.images.push((top, image));
                                    }
                                }
                                // Alt text is not text of the page: it travels with the
                                // image in `images`.
                                continue;
                            }
                            n if BLOCKS.contains(&n) || is_nav => {
                                w.flush();
                                if let Some(&top) = w.stack.last() {
                                    w.page.elements[top as usize].has_blocks = true;
                                }
                            }
                            _ => {}
                        }
                        if VOID.contains(&name) {
                            continue;
                        }
                        let index = w.page.elements.len() as u32;
                        let key = class_key(&attrs);
                        // A page repeats its few class names on thousands of
                        // elements: each is read against the pattern lists once.
                        let class = match classes.get(&key) {
                            Some(&c) => c,
                            None => {
                                let c = super::content::class_info(&key);
                                classes.insert(key.clone(), c);
                                c
                            }
                        };
                        w.page.elements.push(Element {
                            parent: w.stack.last().copied().unwrap_or(NONE),
                            tag: name.to_string(),
                            class,
                            key,
                            role: attrs.role.unwrap_or("").to_ascii_lowercase(),
                            images: 0,
                            inputs: 0,
                            embeds: 0,
                            has_blocks: false,
                        });
                        w.stack.push(index);
                        match name {
                            "pre" => w.pre += 1,
                            "a" => w.link += 1,
                            "blockquote" => w.blockquote += 1,
                            _ => {}
                        }
                        if is_nav {
                            w.nav += 1;
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if VOID.contains(&name) {
                        continue;
                    }
                    // The element closing is the innermost one open.
                    let is_nav = name == "nav"
                        || w.stack
                            .last()
                            .is_some_and(|&i| w.page.elements[i as usize].role == "navigation");
                    if BLOCKS.contains(&name) || is_nav {
                        w.flush();
                    }
                    match name {
                        "pre" => w.pre = w.pre.saturating_sub(1),
                        "a" => w.link = w.link.saturating_sub(1),
                        "blockquote" => w.blockquote = w.blockquote.saturating_sub(1),
                        _ => {}
                    }
                    if is_nav {
                        w.nav = w.nav.saturating_sub(1);
                    }
                    w.stack.pop();
                }
            }
        }
    }
    w.flush();
    w.page
}

/// Parses `html` and returns its blocks and the page's metadata. With
/// `find_article`, main-content extraction marks the blocks outside the
/// article with why and lists the article's images; without (raw mode),
/// every visible block is returned, nothing judged.
pub fn extract(html: &str, find_article: bool) -> HtmlInput {
    let doc = Html::parse_document(&super::nesting::limit_nesting(html));
    let (meta, scripts_skipped) = super::metadata::read(&doc);
    let mut page = walk(&doc);
    drop(doc);
    let (main_found, images) = if find_article {
        let found = super::content::select(&mut page);
        (
            found,
            super::content::article_images(&page, meta.url.as_deref()),
        )
    } else {
        (false, Vec::new())
    };
    HtmlInput {
        blocks: page.blocks,
        meta,
        images,
        main_found,
        scripts_skipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        extract(html, false)
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn blocks_follow_the_markup() {
        let html = "<html><body><h1>Title</h1><p>First <b>bold</b>\n   para.</p>\
                    <div>Second<br>line</div><ul><li>one</li><li>two</li></ul></body></html>";
        assert_eq!(
            texts(html),
            ["Title", "First bold para.", "Second\nline", "one", "two"]
        );
    }

    #[test]
    fn whitespace_the_pre_scan_keeps_still_reads_as_before() {
        // Before a block html.rs may skip as hidden, whitespace goes on
        // into the text after it; inside <pre> it is the text.
        assert_eq!(
            texts(
                "<div><i>ab</i>\n<div hidden>x</div>c<br>\n <p style=\"display:none\">y</p>d</div>"
            ),
            ["ab c\nd"]
        );
        assert_eq!(
            texts("<pre>a\n\n<div>b</div>\n  <p>c</p></pre>"),
            ["a", "b", "c"]
        );
        assert_eq!(
            texts("<div>a</div>\n  <p>b</p>\n<ul>\n<li>c</li>\n</ul>"),
            ["a", "b", "c"]
        );
        // Before an end tag the parser ignores, the text goes on too: `</li>`
        // inside a list in the item; `</h1>` closes the open `<h2>` and the
        // `<div>` in it, so the `</div>` after it closes nothing.
        assert_eq!(texts("<li><ul><span>a</span>\n</li>b</ul></li>"), ["a b"]);
        assert_eq!(
            texts("<h2><div><span>a</span></h1>\n</div>b<p>c"),
            ["a", "b", "c"]
        );
    }

    #[test]
    fn scripts_styles_and_hidden_content_are_not_text() {
        let html = r#"<p onclick="alert(1)">Visible<script>alert("x")</script></p>
            <style>p{color:red}</style><div hidden>secret</div>
            <div style="display: none">gone</div><p aria-hidden="true">decor</p>
            <img src=x onerror="alert(2)" alt="A photo of the summit">
            <template><p>tpl</p></template><noscript>Enable JS</noscript>"#;
        let got = extract(html, true);
        let texts: Vec<&str> = got.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Visible"]);
        assert_eq!(got.scripts_skipped, 2);
    }

    #[test]
    fn old_style_double_br_splits_paragraphs() {
        assert_eq!(texts("<div>One.<br><br>Two.</div>"), ["One.", "Two."]);
    }

    #[test]
    fn tables_read_row_by_row() {
        assert_eq!(
            texts(
                "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>40</td></tr></table>"
            ),
            ["Name | Age", "Ann | 40"]
        );
    }

    #[test]
    fn table_rows_are_hinted() {
        let got = extract(
            "<table><tr><td>Home</td><td>News</td></tr></table><p>x</p>",
            true,
        );
        assert_eq!(got.blocks[0].hint, Hint::TableRow);
        assert_eq!(got.blocks[1].hint, Hint::None);
    }

    #[test]
    fn nav_blocks_are_hinted() {
        let got = extract("<nav><a>Home</a> <a>World</a></nav><p>Story.</p>", true);
        assert_eq!(got.blocks[0].hint, Hint::Navigation);
        assert_eq!(got.blocks[1].hint, Hint::None);
    }

    #[test]
    fn deeply_nested_markup_does_not_overflow() {
        let depth = 1_000_000;
        let html = format!(
            "{}deep text{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert_eq!(texts(&html), ["deep text"]);
        let spans = format!(
            "{}x{}",
            "<span><b>".repeat(depth),
            "</b></span>".repeat(depth)
        );
        assert_eq!(texts(&spans), ["x"]);
    }

    #[test]
    fn pathological_nesting_keeps_the_text() {
        for open in [
            "<div>",
            "<span>",
            "<b>",
            "<a>",
            "<table><tr><td>",
            "<ul><li>",
            "<blockquote>",
            "<p><i>",
            "<div/>",
        ] {
            let html = format!("{}text", open.repeat(50_000));
            assert_eq!(texts(&html).concat().trim(), "text", "{open}");
        }
        let deep = format!(
            "{}<p>inner</p>{}after",
            "<div>".repeat(600),
            "</div>".repeat(600)
        );
        assert_eq!(texts(&deep), ["inner", "after"]);
    }
}
