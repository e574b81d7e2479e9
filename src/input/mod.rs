//! From what the user gave to the text that is analysed.
//!
//! The recipe, in order:
//! 1. refuse what cannot be analysed ([`check`]): too large, binary, empty;
//! 2. decide text or HTML ([`detect_kind`]);
//! 3. cut it into blocks: paragraphs of text ([`text`]) or visible blocks of the
//!    page ([`html`]), normalised unless the caller asked for raw text;
//! 4. take out boilerplate blocks, keeping each in `removed` ([`boilerplate`]);
//! 5. join what is left into one text, paragraphs separated by a blank line.

pub mod boilerplate;
pub mod content;
pub mod html;
pub mod metadata;
pub mod mojibake;
pub mod nesting;
pub mod text;

use crate::error::{Error, ErrorKind};
use crate::options::{InputKind, Options};
use crate::output::{Meta, Notice, Removed};
use boilerplate::Reason;
use std::ops::Range;

/// Separates paragraphs in the clean text: a blank line, so the text reads well
/// when copied and paragraph structure survives a round trip through the CLI.
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

/// How much of the input is sampled to decide whether it is binary.
const BINARY_SAMPLE_CHARS: usize = 8192;
/// Text has almost no control characters; images and archives decoded as
/// UTF-8 are full of them and of replacement characters.
const BINARY_MAX_SHARE: f64 = 0.10;
/// A few stray control characters in a short paste are noise to clean up,
/// not a sign of binary data.
const BINARY_MIN_ODD: usize = 8;
/// The largest input whose clean text a token can point into
/// ([`crate::segment::MAX_TEXT_BYTES`], 1 GiB), whatever the configured
/// limit: the clean text can be up to half again as long as the input (a
/// line break becomes a paragraph break). 512 MiB.
const MAX_ADDRESSABLE_BYTES: usize = crate::segment::MAX_TEXT_BYTES / 2;
/// A line is not a title when longer than this (characters).
const MAX_TITLE_CHARS: usize = 200;

/// The text to analyse, with everything learnt on the way.
#[derive(Debug, Default)]
pub struct Prepared {
    pub kind: InputKind,
    /// The analysed text. Every offset of the analysis points into it.
    pub text: String,
    /// Byte ranges of the paragraphs in `text`.
    pub paragraphs: Vec<Range<usize>>,
    /// What each paragraph is (heading, list item, …), parallel to `paragraphs`.
    pub kinds: Vec<html::BlockKind>,
    /// Blocks taken out; `at` is the byte offset in `text` where each stood.
    pub removed: Vec<Removed>,
    pub meta: Meta,
    pub notices: Vec<Notice>,
    /// Images of the article (HTML input).
    pub images: Vec<crate::output::Image>,
}

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// Refuses inputs that cannot be analysed, with a message that says why.
pub fn check(input: &str, options: &Options) -> Result<(), Error> {
    if input.len() > options.max_input_bytes {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!(
                "The input is {}, more than the limit of {}. Analyse a part of it, or raise the limit (option max_input_bytes; in the CLI, --max-bytes).",
                mb(input.len()),
                mb(options.max_input_bytes)
            ),
        ));
    }
    if input.len() > MAX_ADDRESSABLE_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge,
            "The input is larger than 512 MiB, which the analysis cannot address.",
        ));
    }
    let mut sampled = 0usize;
    let mut odd = 0usize;
    for c in input.chars().take(BINARY_SAMPLE_CHARS) {
        sampled += 1;
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')) {
            odd += 1;
        }
    }
    if odd >= BINARY_MIN_ODD && odd as f64 / sampled as f64 > BINARY_MAX_SHARE {
        return Err(Error::new(
            ErrorKind::Binary,
            "This looks like binary data (an image, an archive or a document format), not text. Paste the article's text or its HTML. (A text file saved as UTF-16 also looks like this: save it as UTF-8.)",
        ));
    }
    if input.trim().is_empty() {
        let message = if input.is_empty() {
            "There is nothing to analyse: the input is empty. Paste an article's text or a web page."
        } else {
            "There is nothing to analyse: the input holds only spaces and line breaks."
        };
        return Err(Error::new(ErrorKind::Empty, message));
    }
    Ok(())
}

/// Decides whether `input` is HTML: it must start (after whitespace and a byte
/// order mark) with markup and name an element an HTML page or a browser's
/// clipboard fragment has. A text that merely contains `<` stays text.
pub fn detect_kind(input: &str) -> InputKind {
    let head = input.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if !head.starts_with('<') {
        return InputKind::Text;
    }
    let sample: String = head
        .chars()
        .take(4096)
        .flat_map(char::to_lowercase)
        .collect();
    const MARKERS: &[&str] = &[
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<p>",
        "<p ",
        "<div",
        "<article",
        "<span",
        "<a ",
        "<h1",
        "<h2",
        "<h3",
        "<ul",
        "<ol",
        "<li",
        "<table",
        "<section",
        "<br",
        "<!--",
        "<title",
        "<header",
        "<main",
        "<figure",
        "<blockquote",
        "<b>",
        "<i>",
        "<strong",
        "<em>",
        "<img",
        "<link",
        "<script",
        "<style",
    ];
    if MARKERS.iter().any(|m| sample.contains(m)) {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

/// Splits a byline into author names: "By Jane Doe and John Roe, Reuters" gives
/// ["Jane Doe", "John Roe", "Reuters"].
pub fn split_authors(byline: &str) -> Vec<String> {
    let mut s = byline.trim();
    for prefix in ["By ", "by ", "BY "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
            break;
        }
    }
    s.split([',', ';', '&', '|'])
        .flat_map(|part| part.split(" and "))
        .map(|n| n.trim().trim_end_matches('.').trim())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// A block on its way to becoming a paragraph.
struct Block {
    text: String,
    /// Where the block came from in the input (raw text only): its paragraph
    /// keeps this exact range.
    source: Option<Range<usize>>,
    hint: html::Hint,
    /// Main-content extraction's verdict (HTML only).
    removal: Option<Reason>,
    kind: html::BlockKind,
}

/// Runs steps 2 to 5 of the recipe. [`check`] must have accepted `input`.
#[inline(never)] // a function of its own in the browser module: see `lib.rs`
pub fn prepare(input: &str, options: &Options) -> Result<Prepared, Error> {
    let kind = match options.kind {
        InputKind::Auto => detect_kind(input),
        k => k,
    };
    let mut prepared = Prepared {
        kind,
        ..Prepared::default()
    };
    let blocks = match kind {
        InputKind::Html => html_blocks(input, options.raw, &mut prepared),
        _ => text_blocks(input, options.raw, &mut prepared),
    };
    if blocks.is_empty() {
        return Err(Error::new(
            ErrorKind::Empty,
            if kind == InputKind::Html {
                "The HTML has no visible text to analyse (only markup, scripts or styles)."
            } else {
                "There is nothing to analyse: the input has no visible characters."
            },
        ));
    }
    if options.raw && kind != InputKind::Html {
        prepared.text = input.to_string();
        prepared.paragraphs = blocks.iter().filter_map(|b| b.source.clone()).collect();
    } else {
        assemble(blocks, options, &mut prepared);
    }
    if kind != InputKind::Html {
        text_meta(&prepared.text, &prepared.paragraphs, &mut prepared.meta);
    }
    Ok(prepared)
}

fn text_blocks(input: &str, raw: bool, prepared: &mut Prepared) -> Vec<Block> {
    if raw {
        return text::paragraphs(input, false)
            .into_iter()
            .map(|p| Block {
                text: p.text,
                source: Some(p.source),
                hint: html::Hint::None,
                removal: None,
                kind: html::BlockKind::Paragraph,
            })
            .collect();
    }
    let clean = text::sanitize(input);
    report_sanitizing(&clean, prepared);
    let paragraphs = text::paragraphs(&clean.text, true);
    let joined = paragraphs.iter().filter(|p| p.lines > 1).count();
    if joined > 0 {
        prepared.notices.push(Notice::new(
            "lines_joined",
            format!("The text is hard-wrapped; the lines of {joined} paragraph(s) were joined."),
        ));
    }
    paragraphs
        .into_iter()
        .map(|p| Block {
            text: p.text,
            source: None,
            hint: html::Hint::None,
            removal: None,
            kind: html::BlockKind::Paragraph,
        })
        .collect()
}

fn html_blocks(input: &str, raw: bool, prepared: &mut Prepared) -> Vec<Block> {
    // Raw: every visible block, nothing judged.
    let page = html::extract(input, !raw);
    prepared.meta = page.meta;
    prepared.images = page.images;
    if !raw && !page.main_found {
        prepared.notices.push(Notice::new(
            "no_main_content",
            "No part of this page reads like an article (no run of paragraphs was found), so all of its visible text is kept.",
        ));
    }
    if page.scripts_skipped > 0 {
        prepared.notices.push(Notice::new(
            "markup_skipped",
            format!(
                "{} script and style element(s) in the HTML were skipped; nothing in the input was run.",
                page.scripts_skipped
            ),
        ));
    }
    let mut totals = text::Sanitized::default();
    let blocks = page
        .blocks
        .into_iter()
        .filter_map(|b| {
            let text = if raw {
                b.text
            } else {
                clean_block(&b.text, &mut totals)?
            };
            Some(Block {
                text,
                source: None,
                hint: b.hint,
                removal: b.removal,
                kind: b.kind,
            })
        })
        .collect();
    report_sanitizing(&totals, prepared);
    blocks
}

/// Sanitises one HTML block and collapses its spaces line by line; `None` if
/// nothing visible is left. Adds what was changed to `totals`.
fn clean_block(block: &str, totals: &mut text::Sanitized) -> Option<String> {
    let clean = text::sanitize(block);
    totals.controls_removed += clean.controls_removed;
    totals.invisibles_removed += clean.invisibles_removed;
    totals.mojibake_repaired += clean.mojibake_repaired;
    let lines: Vec<String> = clean
        .text
        .split('\n')
        .map(text::collapse_spaces)
        .filter(|l| !l.is_empty())
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

fn report_sanitizing(s: &text::Sanitized, prepared: &mut Prepared) {
    if s.controls_removed > 0 {
        prepared.notices.push(Notice::new(
            "control_characters",
            format!(
                "{} control character(s) (such as NUL) were removed from the text.",
                s.controls_removed
            ),
        ));
    }
    if s.mojibake_repaired > 0 {
        prepared.notices.push(Notice::new(
            "mojibake_repaired",
            format!(
                "{} garbled character sequence(s) such as â€™ were repaired (text that had been decoded with the wrong encoding).",
                s.mojibake_repaired
            ),
        ));
    }
}

/// Steps 4 and 5: boilerplate out, the rest joined.
fn assemble(blocks: Vec<Block>, options: &Options, prepared: &mut Prepared) {
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    // Raw HTML: the visible text as it is, nothing taken out.
    let mut reasons: Vec<Option<Reason>> = blocks.iter().map(|b| b.removal).collect();
    if !options.raw {
        // The text rules see the article's blocks in order, without the page
        // around them (a "Related" heading takes the headlines after it).
        let kept: Vec<usize> = (0..blocks.len())
            .filter(|&i| reasons[i].is_none())
            .collect();
        let kept_texts: Vec<&str> = kept.iter().map(|&i| texts[i]).collect();
        let headings: Vec<bool> = kept
            .iter()
            .map(|&i| blocks[i].kind == html::BlockKind::Heading)
            .collect();
        for (&i, r) in kept
            .iter()
            .zip(boilerplate::classify_sections(&kept_texts, &headings))
        {
            reasons[i] = r;
        }
        // Where the page's layout set a block aside (outside the article, a
        // sidebar, the site's header or footer), the text rules, when they
        // recognise it, say more precisely what it is: "breadcrumb trail",
        // "related-article links".
        // (They see those blocks in order among themselves: a "Related"
        // heading in a sidebar takes the headlines under it.)
        let layout: Vec<usize> = (0..blocks.len())
            .filter(|&i| {
                matches!(
                    reasons[i],
                    Some(
                        Reason::OutsideArticle
                            | Reason::Sidebar
                            | Reason::PageHeader
                            | Reason::PageFooter
                    )
                )
            })
            .collect();
        let layout_texts: Vec<&str> = layout.iter().map(|&i| texts[i]).collect();
        for (&i, precise) in layout.iter().zip(boilerplate::classify(&layout_texts)) {
            reasons[i] = precise.or(reasons[i]);
        }
    }
    for (r, b) in reasons.iter_mut().zip(&blocks) {
        match b.hint {
            html::Hint::Navigation if r.is_none() && !options.raw => *r = Some(Reason::Navigation),
            // A table row is data, never a prompt or a label, whatever its
            // cells say: the text rules do not judge it, and a data table
            // beside the article's container (a recipe's ingredients, a
            // product's specifications) is kept. One inside furniture the
            // markup names (a sidebar's table of phone numbers, comments or a
            // footer laid out in a table) stays aside.
            html::Hint::TableRow => {
                *r = b
                    .removal
                    .filter(|&l| !matches!(l, Reason::OutsideArticle | Reason::Clutter))
            }
            _ => {}
        }
    }
    let mut text = String::with_capacity(texts.iter().map(|t| t.len() + 2).sum());
    let mut paragraphs = Vec::with_capacity(blocks.len());
    let mut kinds = Vec::with_capacity(blocks.len());
    let mut push_paragraph = |text: &mut String, para: &str, kind: html::BlockKind| {
        if !text.is_empty() {
            text.push_str(PARAGRAPH_SEPARATOR);
        }
        let start = text.len();
        text.push_str(para);
        paragraphs.push(start..text.len());
        kinds.push(kind);
    };
    for (index, (block, reason)) in blocks.iter().zip(reasons).enumerate() {
        let kept = options.keep.contains(&index);
        let at = if text.is_empty() {
            0
        } else {
            text.len() + PARAGRAPH_SEPARATOR.len()
        };
        match reason {
            Some(reason) if !kept => {
                prepared
                    .removed
                    .push(Removed::new(&block.text, reason, index, at))
            }
            _ => match (!kept && !options.raw)
                .then(|| boilerplate::trailing_cookie_notice(&block.text))
                .flatten()
            {
                Some(cut) => {
                    let content = block.text[..cut].trim_end();
                    push_paragraph(&mut text, content, block.kind);
                    prepared.removed.push(Removed::new(
                        &block.text[cut..],
                        Reason::CookieNotice,
                        index,
                        text.len(),
                    ));
                }
                None => push_paragraph(&mut text, &block.text, block.kind),
            },
        }
    }
    // A removal recorded before the first kept paragraph points at 0, and one
    // after the last at the end of the text.
    for r in &mut prepared.removed {
        r.at = r.at.min(text.len() as u32);
    }
    if text.is_empty() {
        prepared.notices.push(Notice::new(
            "all_removed",
            "Everything in the input looked like page furniture (cookie notices, menus, links) and was set aside. Restore a block to analyse it.",
        ));
    }
    prepared.text = text;
    prepared.paragraphs = paragraphs;
    prepared.kinds = kinds;
}

/// A first line that reads like a headline is the title; a line "By …" near
/// the top is the byline. Plain text has no other metadata.
fn text_meta(text: &str, paragraphs: &[Range<usize>], meta: &mut Meta) {
    if paragraphs.len() < 2 {
        return;
    }
    let first = text[paragraphs[0].clone()].trim();
    let words = first.split_whitespace().count();
    if first.chars().count() <= MAX_TITLE_CHARS
        && (2..=30).contains(&words)
        && !first.ends_with(['.', ',', ';', ':'])
        && !first.contains('\n')
        && first.chars().any(char::is_uppercase)
    {
        meta.title = Some(first.to_string());
    }
    for p in paragraphs.iter().take(4) {
        let line = text[p.clone()].trim();
        let is_byline = (line.starts_with("By ") || line.starts_with("BY "))
            && line.chars().count() <= 120
            && line
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
            && !line.ends_with('.');
        if is_byline {
            meta.byline = Some(line.to_string());
            meta.authors = split_authors(line);
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_html_only_when_it_starts_like_markup() {
        assert_eq!(detect_kind("<!DOCTYPE html><html>"), InputKind::Html);
        assert_eq!(
            detect_kind("\u{FEFF}  <html><body><!--StartFragment-->"),
            InputKind::Html
        );
        assert_eq!(
            detect_kind("<meta charset='utf-8'><p>Hi</p>"),
            InputKind::Html
        );
        assert_eq!(
            detect_kind("I <3 this: a < b and <p> tags"),
            InputKind::Text
        );
        assert_eq!(detect_kind("<3 love it"), InputKind::Text);
    }

    #[test]
    fn splits_bylines() {
        assert_eq!(
            split_authors("By Jane Doe and John Roe, Reuters"),
            ["Jane Doe", "John Roe", "Reuters"]
        );
        assert_eq!(split_authors("Ann Lee"), ["Ann Lee"]);
    }

    #[test]
    fn refuses_binary_empty_and_huge() {
        let o = Options::default();
        assert_eq!(check("", &o).unwrap_err().kind, ErrorKind::Empty);
        assert_eq!(check(" \n\t \r\n", &o).unwrap_err().kind, ErrorKind::Empty);
        let png = "\u{FFFD}PNG\r\n\u{1A}\n\0\0\0\rIHDR\0\0\u{1}\0\0\0\u{1}\0\u{8}\u{6}\0\0\0\u{1F}\u{15}\u{FFFD}\u{FFFD}";
        assert_eq!(check(png, &o).unwrap_err().kind, ErrorKind::Binary);
        let small = Options {
            max_input_bytes: 10,
            ..Options::default()
        };
        let err = check("eleven byte", &small).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooLarge);
        assert!(err.message.contains("limit"));
        assert!(check("Text with one\0NUL in it is fine.", &o).is_ok());
    }

    #[test]
    fn removed_blocks_are_kept_and_can_be_restored() {
        let input = "Headline here\n\nBody text of the story.\n\nAdvertisement\n\nMore body text.\n\nThis website uses cookies. Accept";
        let p = prepare(input, &Options::default()).unwrap();
        assert_eq!(
            p.text,
            "Headline here\n\nBody text of the story.\n\nMore body text."
        );
        assert_eq!(p.removed.len(), 2);
        assert_eq!(p.removed[0].reason, Reason::Advertisement);
        assert_eq!(p.removed[0].block, 2);
        assert_eq!(&p.text[p.removed[0].at as usize..], "More body text.");
        assert_eq!(p.removed[1].at as usize, p.text.len());
        let keep = Options {
            keep: vec![2],
            ..Options::default()
        };
        let p = prepare(input, &keep).unwrap();
        assert!(p.text.contains("\n\nAdvertisement\n\n"));
        assert_eq!(p.removed.len(), 1);
    }

    #[test]
    fn plain_text_title_and_byline() {
        let p = prepare(
            "Talks end without a deal\n\nBy Jane Doe and John Roe\n\nThe talks ended.",
            &Options::default(),
        )
        .unwrap();
        assert_eq!(p.meta.title.as_deref(), Some("Talks end without a deal"));
        assert_eq!(p.meta.byline.as_deref(), Some("By Jane Doe and John Roe"));
        assert_eq!(p.meta.authors, ["Jane Doe", "John Roe"]);
    }

    #[test]
    fn table_rows_in_named_furniture_stay_out() {
        let prose = "The council met on Tuesday evening to discuss the new budget, and after a long debate the members agreed to raise spending on schools, roads and parks for the coming year.";
        let html = format!(
            "<html><body><div class='story'><p>{prose}</p><p>{prose}</p><p>{prose}</p></div>\
             <table><tr><td>Flour</td><td>200 g</td></tr><tr><td>Sugar</td><td>50 g</td></tr></table>\
             <aside class='widget'><table><tr><td>Emergency line</td><td>112</td></tr>\
             <tr><td>Poison control</td><td>19240</td></tr></table></aside></body></html>"
        );
        let p = prepare(
            &html,
            &Options {
                kind: InputKind::Html,
                ..Options::default()
            },
        )
        .unwrap();
        // A data table beside the article's container is kept…
        assert!(p.text.contains("Flour | 200 g"), "{}", p.text);
        // …one in a sidebar is not.
        assert!(!p.text.contains("Emergency line"), "{}", p.text);
        assert!(p
            .removed
            .iter()
            .any(|r| r.text.contains("Emergency line") && r.reason == Reason::Sidebar));
    }

    #[test]
    fn raw_text_is_untouched() {
        let input = "  A  title\r\n\r\nBody\u{0} text â€™.  \n";
        let p = prepare(
            input,
            &Options {
                raw: true,
                ..Options::default()
            },
        )
        .unwrap();
        assert_eq!(p.text, input);
        assert!(p.removed.is_empty());
        assert_eq!(&p.text[p.paragraphs[0].clone()], "A  title");
    }
}
