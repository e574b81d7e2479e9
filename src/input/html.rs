//! HTML input: the visible text of a page, block by block, and the metadata in
//! its `<head>`.
//!
//! Parsing is html5ever's (through `scraper`, which keeps the tree in an arena):
//! the same algorithm browsers use, so malformed markup is repaired the way a
//! browser would show it. Nothing from the markup is ever executed or kept as
//! markup: scripts, styles, templates and embedded objects are skipped, and
//! only text nodes reach the output. The tree is walked with an explicit
//! open/close event stream, never recursion, so a million nested `<div>`s
//! cannot overflow the stack (a trap in wasm).
//!
//! Main-content extraction (telling the article from the page around it) is
//! not done here; every visible block is returned, with a hint when it sits in
//! a `<nav>`, and the text-level boilerplate rules run on the blocks.

use crate::output::Meta;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose content is never visible text.
#[rustfmt::skip]
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
    "embed", "canvas", "audio", "video", "track", "map", "button", "select", "option",
    "datalist", "input", "textarea", "dialog",
];

/// Elements that start and end a block of text (CSS `display: block` and the
/// like in the user-agent stylesheet).
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
    "caption", "ul",
];

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

/// One visible block of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlBlock {
    /// Visible text, whitespace collapsed as a browser renders it; `<br>` is a
    /// newline.
    pub text: String,
    /// What the page structure says about it.
    pub hint: Hint,
}

/// What the HTML gave.
#[derive(Debug, Default)]
pub struct HtmlInput {
    pub blocks: Vec<HtmlBlock>,
    pub meta: Meta,
    /// How many `<script>` and `<style>` elements were skipped (reported, so the
    /// user knows they were seen and not run).
    pub scripts_skipped: usize,
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if el.name() == "input" && el.attr("type") == Some("hidden") {
        return true;
    }
    el.attr("style").is_some_and(|style| {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Collects text into blocks as the walk goes.
struct Blocks {
    blocks: Vec<HtmlBlock>,
    current: String,
    /// Depth of `<pre>` elements: inside, whitespace is kept.
    pre: usize,
    /// Depth of navigation landmarks.
    nav: usize,
    /// The current table cell is not the first in its row.
    cell_open: bool,
}

impl Blocks {
    fn flush(&mut self) {
        let hint = if self.nav > 0 {
            Hint::Navigation
        } else if self.cell_open {
            Hint::TableRow
        } else {
            Hint::None
        };
        let text = std::mem::take(&mut self.current);
        // A blank line inside one block (old pages separate paragraphs with
        // <br><br>) splits it.
        for part in text.split("\n\n") {
            let lines: Vec<&str> = part
                .split('\n')
                .map(|l| l.trim_matches(|c: char| c == ' ' || c == '\t'))
                .filter(|l| !l.is_empty())
                .collect();
            if !lines.is_empty() {
                self.blocks.push(HtmlBlock {
                    text: lines.join("\n"),
                    hint,
                });
            }
        }
        self.cell_open = false;
    }

    fn push_text(&mut self, text: &str) {
        if self.pre > 0 {
            self.current.push_str(text);
            return;
        }
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}') {
                if !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }

    fn line_break(&mut self) {
        while self.current.ends_with(' ') {
            self.current.pop();
        }
        self.current.push('\n');
    }
}

/// Parses `html` and returns its visible blocks and head metadata.
pub fn extract(html: &str) -> HtmlInput {
    let doc = Html::parse_document(&super::nesting::limit_nesting(html));
    let (meta, scripts_skipped) = super::metadata::read(&doc);
    let mut out = HtmlInput {
        meta,
        scripts_skipped,
        ..HtmlInput::default()
    };
    let mut b = Blocks {
        blocks: Vec::new(),
        current: String::new(),
        pre: 0,
        nav: 0,
        cell_open: false,
    };
    // The node whose subtree is being skipped, if any.
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => b.push_text(t),
                    Node::Element(el) => {
                        let name = el.name();
                        if SKIPPED.contains(&name) || is_hidden(el) {
                            skipping = Some(node.id());
                            continue;
                        }
                        if name == "nav" || el.attr("role") == Some("navigation") {
                            b.flush();
                            b.nav += 1;
                        }
                        match name {
                            "br" => b.line_break(),
                            "pre" => {
                                b.flush();
                                b.pre += 1;
                            }
                            "td" | "th" => {
                                if b.cell_open {
                                    b.push_text(" | ");
                                }
                                b.cell_open = true;
                            }
                            "img" => {
                                if let Some(alt) = el.attr("alt").filter(|a| !a.trim().is_empty()) {
                                    // Alt text is what a reader without images sees; keep it
                                    // as its own block so it never runs into a sentence.
                                    b.flush();
                                    b.push_text(alt);
                                    b.flush();
                                }
                            }
                            n if BLOCKS.contains(&n) => b.flush(),
                            _ => {}
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
                    if name == "pre" {
                        b.flush();
                        b.pre = b.pre.saturating_sub(1);
                    } else if BLOCKS.contains(&name) {
                        b.flush();
                    }
                    if name == "nav" || el.attr("role") == Some("navigation") {
                        b.nav = b.nav.saturating_sub(1);
                    }
                }
            }
        }
    }
    b.flush();
    out.blocks = b.blocks;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        extract(html).blocks.into_iter().map(|b| b.text).collect()
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
    fn scripts_styles_and_hidden_content_are_not_text() {
        let html = r#"<p onclick="alert(1)">Visible<script>alert("x")</script></p>
            <style>p{color:red}</style><div hidden>secret</div>
            <div style="display: none">gone</div><p aria-hidden="true">decor</p>
            <img src=x onerror="alert(2)" alt="A photo of the summit">
            <template><p>tpl</p></template><noscript>Enable JS</noscript>"#;
        let got = extract(html);
        let texts: Vec<&str> = got.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Visible", "A photo of the summit"]);
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
        let got = extract("<table><tr><td>Home</td><td>News</td></tr></table><p>x</p>");
        assert_eq!(got.blocks[0].hint, Hint::TableRow);
        assert_eq!(got.blocks[1].hint, Hint::None);
    }

    #[test]
    fn nav_blocks_are_hinted() {
        let got = extract("<nav><a>Home</a> <a>World</a></nav><p>Story.</p>");
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
