//! Plain text as people paste it: normalisation and paragraphs.
//!
//! Pasted text arrives in three shapes, and paragraph detection must tell them
//! apart without being told:
//! 1. copied from a browser, paragraphs separated by blank lines;
//! 2. copied from a browser, every block (nav items, headings, paragraphs) on its
//!    own line with single newlines;
//! 3. hard-wrapped text (e-mail, wire copy, PDF) where a paragraph runs over
//!    several lines of about the same width.
//!
//! Shapes 1 and 2 mean "a line is a paragraph". Shape 3 is recognised from the
//! document as a whole (see [`looks_hard_wrapped`]) and its lines are joined.

use std::ops::Range;

/// Widest line still taken for a wrap width. Wrapped text is set at 60 to 100
/// columns; beyond this, lines are whole paragraphs.
const MAX_WRAP_WIDTH: usize = 130;
/// Narrowest: below this, short lines are a list (menu items, a byline, a date).
const MIN_WRAP_WIDTH: usize = 35;
/// In wrapped text a line seldom ends a sentence (about one line in twenty), in
/// one-paragraph-per-line text nearly every line does. Wire copy with two- and
/// three-line paragraphs and no blank lines between them reaches about 0.45,
/// as each paragraph's last line is an inner line too.
const MAX_WRAPPED_SENTENCE_END_SHARE: f64 = 0.6;
/// A line shorter than this share of the wrap width ends its paragraph.
const SHORT_LINE_SHARE: f64 = 0.6;

/// What sanitising changed, for the notices shown to the user.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Sanitized {
    pub text: String,
    /// NULs and other control characters dropped.
    pub controls_removed: usize,
    /// Invisible characters dropped: zero-width spaces, BOMs, soft hyphens.
    pub invisibles_removed: usize,
    /// Characters repaired from mojibake.
    pub mojibake_repaired: usize,
}

/// Horizontal whitespace: collapsed to one space. Includes no-break and the
/// typographic spaces, which in pasted text are layout, not meaning.
pub fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{0B}' | '\u{0C}' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Characters with no visible form that only get in the way of matching words.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}')
}

/// Unifies line endings (`\r\n`, `\r`, and the Unicode line and paragraph
/// separators become `\n`), drops control and invisible characters, and repairs
/// mojibake. Tabs stay (they are collapsed later with other spaces).
pub fn sanitize(input: &str) -> Sanitized {
    let mut report = Sanitized::default();
    // Mojibake first: its sequences may contain C1 control characters (the
    // `\u{9D}` in `â€\u{9D}` for `”`) that the control filter below would break.
    let repaired = super::mojibake::repair_all(input);
    let source = match &repaired {
        Some((fixed, n)) => {
            report.mojibake_repaired = *n;
            fixed.as_str()
        }
        None => input,
    };
    let mut out = String::with_capacity(source.len());
    let b = source.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // A run of printable ASCII, line breaks and tabs is kept as it is,
        // copied whole (a character at a time, this was 50 instructions a
        // byte); anything else is looked at one character at a time.
        let run = b[i..]
            .iter()
            .position(|&x| !(matches!(x, 0x20..=0x7e) || x == b'\n' || x == b'\t'))
            .unwrap_or(b.len() - i);
        out.push_str(&source[i..i + run]);
        i += run;
        let Some(c) = source[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        match c {
            '\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            c if is_invisible(c) => report.invisibles_removed += 1,
            c if c.is_control() => report.controls_removed += 1,
            c => out.push(c),
        }
    }
    report.text = out;
    report
}

/// Collapses runs of horizontal whitespace to one space and trims the ends.
pub fn collapse_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // A run of ASCII other than spaces is copied whole.
        let run = b[i..]
            .iter()
            .position(|&x| !x.is_ascii() || matches!(x, b' ' | b'\t' | 0x0b | 0x0c))
            .unwrap_or(b.len() - i);
        if run > 0 {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push_str(&line[i..i + run]);
            i += run;
            continue;
        }
        let Some(c) = line[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if is_hspace(c) {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The byte ranges of the lines of `text`, split at `\n`, `\r\n` or `\r`
/// (so that raw text with any line ending gives the same lines).
pub fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                lines.push(start..i);
                start = i + 1;
            }
            b'\r' => {
                lines.push(start..i);
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(start..b.len());
    lines
}

fn trimmed(s: &str) -> &str {
    s.trim_matches(|c: char| is_hspace(c) || c.is_whitespace())
}

fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    core.ends_with(['.', '!', '?', ':', '…'])
}

fn starts_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–' | '—' | '·' | '▪' | '►') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// Decides whether the document is hard-wrapped and at what width. Looks at the
/// "inner" lines (those followed by another non-blank line): in wrapped text
/// they cluster just under the wrap width and rarely end a sentence.
pub fn looks_hard_wrapped(lines: &[&str]) -> Option<usize> {
    let mut inner: Vec<usize> = Vec::new();
    let mut sentence_ends = 0usize;
    for pair in lines.windows(2) {
        if !pair[0].is_empty() && !pair[1].is_empty() {
            inner.push(pair[0].chars().count());
            sentence_ends += usize::from(ends_sentence(pair[0]));
        }
    }
    if inner.len() < 2 {
        return None;
    }
    let mut sorted = inner.clone();
    sorted.sort_unstable();
    // The 90th percentile, so one overlong line does not set the width.
    let width = sorted[(sorted.len() * 9 / 10).min(sorted.len() - 1)];
    if !(MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width) {
        return None;
    }
    let full = inner
        .iter()
        .filter(|&&n| n as f64 >= width as f64 * SHORT_LINE_SHARE)
        .count();
    let end_share = sentence_ends as f64 / inner.len() as f64;
    (full * 10 >= inner.len() * 7 && end_share <= MAX_WRAPPED_SENTENCE_END_SHARE).then_some(width)
}

/// The reflow test: had the first word of `next` fitted at the end of `line`
/// within the wrap width, the wrapping program would have put it there, so the
/// line break was meant (a paragraph ends).
fn next_word_would_fit(line: &str, next: &str, width: usize) -> bool {
    let first = next.split_whitespace().next().unwrap_or("");
    line.chars().count() + 1 + first.chars().count() <= width
}

/// Leading whitespace of a line, a tab counting as four spaces.
fn indent(raw_line: &str) -> usize {
    raw_line
        .chars()
        .take_while(|c| is_hspace(*c))
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// Groups lines into paragraphs: returns, for each paragraph, the range of line
/// indexes it spans. `raw_lines` are as in the input (their indentation can open
/// a paragraph); empty lines separate paragraphs.
pub fn group_lines(raw_lines: &[&str]) -> Vec<Range<usize>> {
    let lines: Vec<&str> = raw_lines.iter().map(|l| trimmed(l)).collect();
    let wrap = looks_hard_wrapped(&lines);
    let mut groups = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        if let Some(width) = wrap {
            let short = (width as f64 * SHORT_LINE_SHARE) as usize;
            while i + 1 < lines.len()
                && !lines[i + 1].is_empty()
                && lines[i].chars().count() >= short
                && !starts_list_item(lines[i + 1])
                && indent(raw_lines[i + 1]) <= indent(raw_lines[i])
                && !next_word_would_fit(lines[i], lines[i + 1], width)
                && !(figures_only(lines[i]) && figures_only(lines[i + 1]))
            {
                i += 1;
            }
        }
        groups.push(start..i + 1);
        i += 1;
    }
    groups
}

/// A line without a letter ("137, 582, 867, 821"): two of them in a row are
/// rows of a table of figures, whatever their widths, not wrapped prose, so
/// they are not joined (joined, the last figure of one row and the first of
/// the next read as one number, "483 667"). A wrapped paragraph's line
/// always has words in it; only its short last line may be a bare figure.
fn figures_only(line: &str) -> bool {
    !line.chars().any(char::is_alphabetic)
}

/// Joins the lines of one wrapped paragraph. A line ending in a hyphen after a
/// letter, followed by a lowercase letter, is a compound split at the hyphen
/// ("well-" + "known"): joined without a space, hyphen kept, since a dropped
/// hyphen cannot be told from a kept one.
pub fn join_lines(lines: &[&str]) -> String {
    let mut out = String::new();
    for line in lines {
        if !out.is_empty() {
            let hyphen_split = out.ends_with('-')
                && out[..out.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
                && line.chars().next().is_some_and(char::is_lowercase);
            if !hyphen_split {
                out.push(' ');
            }
        }
        out.push_str(line);
    }
    out
}

/// A paragraph of pasted text, before boilerplate is considered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextParagraph {
    /// The clean text (raw mode: exactly the input slice).
    pub text: String,
    /// Where it came from in the (sanitised) input, for raw mode's offsets.
    pub source: Range<usize>,
    /// How many lines were joined into it.
    pub lines: usize,
}

/// Splits text into paragraphs. With `clean`, lines have their spaces collapsed
/// and wrapped lines are joined; without it, a paragraph's text is the exact
/// slice of `text` from its first line's first non-space character to its last
/// line's last one.
pub fn paragraphs(text: &str, clean: bool) -> Vec<TextParagraph> {
    let ranges = line_ranges(text);
    let lines: Vec<&str> = ranges.iter().map(|r| trimmed(&text[r.clone()])).collect();
    let raw_lines: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    group_lines(&raw_lines)
        .into_iter()
        .map(|g| {
            let first = &ranges[g.start];
            let last = &ranges[g.end - 1];
            let lead = text[first.clone()].len()
                - text[first.clone()]
                    .trim_start_matches(|c: char| is_hspace(c) || c.is_whitespace())
                    .len();
            let tail = text[last.clone()].len()
                - text[last.clone()]
                    .trim_end_matches(|c: char| is_hspace(c) || c.is_whitespace())
                    .len();
            let source = first.start + lead..last.end - tail;
            let text = if clean {
                let cleaned: Vec<String> = lines[g.clone()]
                    .iter()
                    .map(|l| collapse_spaces(l))
                    .collect();
                let refs: Vec<&str> = cleaned.iter().map(String::as_str).collect();
                join_lines(&refs)
            } else {
                text[source.clone()].to_string()
            };
            TextParagraph {
                text,
                source,
                lines: g.len(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs copied whole change nothing: against the plain reading, a
    /// character at a time, on random text of ASCII, line ends, tabs,
    /// controls, spaces of every kind, invisibles and other scripts.
    #[test]
    fn runs_read_as_characters_one_by_one() {
        fn plain_sanitize(source: &str) -> (String, usize, usize) {
            let (mut out, mut inv, mut ctl) = (String::new(), 0, 0);
            let mut chars = source.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\r' => {
                        if chars.peek() == Some(&'\n') {
                            chars.next();
                        }
                        out.push('\n');
                    }
                    '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
                    '\n' | '\t' => out.push(c),
                    c if is_invisible(c) => inv += 1,
                    c if c.is_control() => ctl += 1,
                    c => out.push(c),
                }
            }
            (out, inv, ctl)
        }
        fn plain_collapse(line: &str) -> String {
            let mut out = String::new();
            let mut pending = false;
            for c in line.chars() {
                if is_hspace(c) {
                    pending = !out.is_empty();
                } else {
                    if pending {
                        out.push(' ');
                        pending = false;
                    }
                    out.push(c);
                }
            }
            out
        }
        let alphabet: Vec<char> =
            "ab Z.,\r\n\t\u{0}\u{7f}\u{b}\u{c}\u{a0}\u{2009}\u{3000}\u{200b}\u{ad}\u{85}\u{2028}é€’😀"
                .chars()
                .collect();
        let mut next = crate::analyze::ner::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..100_000 {
            let len = (next() % 24) as usize;
            let t: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let s = sanitize(&t);
            let want = plain_sanitize(&t);
            if s.mojibake_repaired == 0 {
                assert_eq!(
                    (s.text, s.invisibles_removed, s.controls_removed),
                    want,
                    "{t:?}"
                );
            }
            assert_eq!(collapse_spaces(&t), plain_collapse(&t), "{t:?}");
        }
    }

    fn texts(input: &str) -> Vec<String> {
        paragraphs(input, true)
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(
            texts("First  paragraph.\n\n\nSecond\tone.\r\n\r\nThird."),
            ["First paragraph.", "Second one.", "Third."]
        );
    }

    #[test]
    fn single_newlines_between_long_lines_are_paragraphs() {
        let a = "The first paragraph is a long line of text that ends with a full stop and says quite a lot.";
        let b = "The second paragraph is also a whole line, as browsers copy them, and it ends like this.";
        let c = "Home";
        assert_eq!(texts(&format!("{c}\n{a}\n{b}")), [c, a, b]);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let input = "Russian President Vladimir Putin and US President Joe Biden spoke\n\
                     for fifty minutes on Thursday, their second conversation this\n\
                     month, and agreed that the talks in January could still ease\n\
                     tensions.\n\
                     \n\
                     Officials on both sides described the tone of the call as serious,\n\
                     but they said that the differences between the two were well-\n\
                     known and remained.\n";
        let paras = texts(input);
        assert_eq!(paras.len(), 2, "{paras:?}");
        assert!(paras[0].starts_with("Russian President") && paras[0].ends_with("ease tensions."));
        assert!(
            paras[1].contains("were well-known and remained."),
            "{}",
            paras[1]
        );
    }

    #[test]
    fn wrapped_paragraph_ends_at_a_short_line_without_blank_line() {
        let input = "The first paragraph runs over several lines that are all of about\n\
                     the same width because the sender's mail program wrapped them at\n\
                     seventy columns.\n\
                     The second paragraph starts right after it, with no blank line\n\
                     between them, as text copied out of a PDF often does here.";
        let paras = texts(input);
        assert_eq!(paras.len(), 2, "{paras:?}");
        assert!(paras[1].starts_with("The second"));
    }

    #[test]
    fn wire_copy_with_short_paragraphs_and_no_blank_lines() {
        let input = "LONDON, Feb 24 (Reuters) - Britain will impose sanctions on Russian\n\
                     banks and individuals, Prime Minister Boris Johnson said on Thursday,\n\
                     after Russian forces attacked Ukraine from three sides.\n\
                     Johnson said the measures would be the largest package of sanctions\n\
                     that Britain had ever imposed on Russia.\n\
                     \x20   The pound fell against the dollar as markets weighed the impact of\n\
                     the measures on British banks and energy companies.";
        let paras = texts(input);
        assert_eq!(paras.len(), 3, "{paras:?}");
        assert!(paras[0].ends_with("from three sides."));
        assert!(paras[2].starts_with("The pound fell"));
    }

    #[test]
    fn rows_of_figures_are_not_joined() {
        // Rows of a table as wide as wrapped lines: each stays a paragraph.
        let rows: Vec<String> = (0..6)
            .map(|r| {
                (0..12)
                    .map(|k| (100 + 37 * r + 61 * k).to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect();
        assert_eq!(texts(&rows.join("\n")), rows);
        // A wrapped paragraph whose last line is a bare figure is still one.
        let input = "The ministry said on Thursday that the number of people who had\n\
                     applied for the scheme since it opened in the spring had risen to\n\
                     12,400.\n\
                     \n\
                     Officials on both sides described the tone of the call as serious,\n\
                     but they said that the differences between the two were real and\n\
                     remained.";
        let paras = texts(input);
        assert_eq!(paras.len(), 2, "{paras:?}");
        assert!(paras[0].ends_with("risen to 12,400."), "{}", paras[0]);
    }

    #[test]
    fn short_lines_are_not_joined() {
        assert_eq!(
            texts("Home\nWorld\nEurope\nBy Jane Doe\nJanuary 5, 2022"),
            ["Home", "World", "Europe", "By Jane Doe", "January 5, 2022"]
        );
    }

    #[test]
    fn raw_paragraphs_are_exact_slices() {
        let input = "  Title here \r\n\r\n\tBody  text.\r\nMore.  ";
        let paras = paragraphs(input, false);
        assert_eq!(paras.len(), 3);
        for p in &paras {
            assert_eq!(&input[p.source.clone()], p.text);
        }
        assert_eq!(paras[0].text, "Title here");
        assert_eq!(paras[1].text, "Body  text.");
    }

    #[test]
    fn sanitize_unifies_and_cleans() {
        let s = sanitize("a\r\nb\rc\u{2028}d\u{0}e\u{200B}f\u{AD}g itâ€™s");
        assert_eq!(s.text, "a\nb\nc\ndefg it’s");
        assert_eq!(s.controls_removed, 1);
        assert_eq!(s.invisibles_removed, 2);
        assert_eq!(s.mojibake_repaired, 1);
    }

    #[test]
    fn collapse_spaces_handles_unicode_spaces() {
        assert_eq!(collapse_spaces("  a \u{A0}\u{2009} b\t\tc  "), "a b c");
    }
}
