//! Text-quality warnings (issue 7): what a careful editor would flag before
//! the article runs.
//!
//! Each kind is a rule over the document and the other layers, tuned to say
//! nothing about clean professional copy (measured on PolNeAR's news texts,
//! docs/BENCHMARKS.md):
//!
//! - `repeated-word`: the same word or phrase twice in a row ("the the",
//!   "countries. countries."), not inside quotations (people repeat
//!   themselves: "No. No."), not a name ("Walla Walla") and not the doubles
//!   English allows ("had had", "that that");
//! - `orphan-fragment`: a sentence of a few words that is only a date, a
//!   number or a name, left beside full sentences ("January 13." after a
//!   paragraph) — what is left when an edit cuts a sentence;
//! - `unbalanced-quote` and `unbalanced-bracket`: a mark never closed (a
//!   quotation may run over paragraphs when the next one opens again, as
//!   news style does) or closed without being opened;
//! - `mojibake`: what the input's repair recognises as characters decoded
//!   with the wrong character set ("â€™", "Ã©"), where the text was not
//!   repaired (raw text), and "\u{FFFD}";
//! - `markup`: tags left in pasted text (`<tweet tweet-id="…">`);
//! - `boilerplate`: a sentence of page furniture left in the text ("Read
//!   more", a cookie notice), by the rules that remove whole blocks;
//! - `long-sentence`: more than [`LONG_SENTENCE_WORDS`] words;
//! - `all-caps`: a run of words in capitals;
//! - `unattributed-quote`: a quotation of some length that opens its
//!   paragraph and has no source, where no neighbouring paragraph quotes
//!   anyone either (a quotation continuing
//!   the last speaker's is normal news style).
//!
//! Every rule is a single pass over tokens or characters, so the time is
//! linear in the text.

use super::Spans;
use crate::document::Document;
use crate::input::html::BlockKind;
use crate::input::{boilerplate, mojibake};
use crate::output::{Quantity, Quote, TimeExpr, Warning};
use crate::segment::TokenKind;

/// Words in a sentence past which it is flagged. Plain-language guides put
/// the comfortable length near 20 and news sentences rarely pass 50; this
/// flags only the ones a reader loses the thread of.
pub const LONG_SENTENCE_WORDS: usize = 60;
/// Words in capitals in a row that make a shouted passage.
const CAPS_RUN: usize = 5;
/// Words a sentence may have to be an orphan fragment.
const FRAGMENT_WORDS: usize = 4;
/// Words a direct quotation needs before its missing source is flagged.
const UNATTRIBUTED_WORDS: usize = 8;
/// The longest phrase checked for repetition.
const MAX_REPEAT: usize = 4;

/// Prepositions a phrasal verb doubles ("counting on on Tuesday", "did
/// him in in 2012").
const PARTICLES: [&str; 13] = [
    "in", "on", "up", "out", "off", "over", "by", "down", "through", "around", "along", "back",
    "away",
];
/// Words English doubles on purpose.
const ALLOWED_DOUBLES: [&str; 20] = [
    "had", "that", "is", "do", "no", "very", "really", "so", "well", "now", "there", "bye", "ha",
    "knock", "far", "many", "more", "again", "blah", "yes",
];

fn warning(start: usize, end: usize, kind: &'static str, message: String) -> Warning {
    Warning {
        start: start as u32,
        end: end as u32,
        kind,
        message,
    }
}

/// Byte ranges of the text inside quotations (direct and partial).
fn quoted_ranges(quotes: &[Quote]) -> impl Iterator<Item = (usize, usize)> + '_ {
    quotes
        .iter()
        .filter(|q| q.kind == "direct" || q.kind == "partial")
        .map(|q| (q.start as usize, q.end as usize))
}

/// The text-quality warnings of a document, in text order (byte offsets).
#[inline(never)] // a function of its own in the browser module: see `lib.rs`
pub fn warnings(
    doc: &Document,
    kinds: &[BlockKind],
    quotes: &[Quote],
    times: &[TimeExpr],
    quantities: &[Quantity],
) -> Vec<Warning> {
    let quoted = Spans::new(quoted_ranges(quotes));
    let mut out = Vec::new();
    markup(doc, &mut out);
    // Repeats inside a tag are the tag's ("<tweet tweet-id=…>").
    let skip = Spans::new(
        quoted_ranges(quotes).chain(out.iter().map(|w| (w.start as usize, w.end as usize))),
    );
    repeated_words(doc, &skip, &mut out);
    orphan_fragments(doc, kinds, &quoted, times, quantities, &mut out);
    unbalanced_marks(doc, kinds, &mut out);
    mojibake(doc, &mut out);
    leftover_boilerplate(doc, kinds, &mut out);
    long_sentences_and_caps(doc, kinds, &mut out);
    unattributed_quotes(doc, quotes, &mut out);
    out.sort_by_key(|w| (w.start, w.end));
    out
}

/// "the the", "countries. countries.", "in the in the".
fn repeated_words(doc: &Document, quoted: &Spans, out: &mut Vec<Warning>) {
    for para in 0..doc.paragraphs.len() {
        // The paragraph's words (tokens with a letter), lowercased, with
        // whether a comma or dash stands before each.
        let first = doc.sentences.partition_point(|s| s.paragraph < para);
        let last = doc.sentences.partition_point(|s| s.paragraph <= para);
        if first >= last {
            continue;
        }
        let range = doc.sentences[first].tokens.start..doc.sentences[last - 1].tokens.end;
        // (word, start, end, a pause before it, a full stop before it)
        let mut words: Vec<(&str, usize, usize, bool, bool)> = Vec::new();
        let mut pause = false;
        let mut stop = false;
        for (k, t) in range.clone().zip(&doc.tokens[range]) {
            let raw = doc.token_text(t);
            match t.kind() {
                TokenKind::Word => {
                    let w = doc.lower(k);
                    words.push((w, t.start as usize, t.end() as usize, pause, stop));
                    pause = false;
                    stop = false;
                }
                TokenKind::Number => {
                    // Numbers break a run: "1 1" in a table is not a slip.
                    words.push(("", t.start as usize, t.end() as usize, true, false));
                    pause = false;
                    stop = false;
                }
                _ => {
                    pause |= matches!(raw, "," | "—" | "–" | "-" | ";" | "…" | "?" | "!" | "<");
                    stop |= raw == ".";
                }
            }
        }
        let mut i = 0;
        while i < words.len() {
            let mut found = None;
            for n in (1..=MAX_REPEAT).rev() {
                if i + 2 * n > words.len() {
                    continue;
                }
                let a = &words[i..i + n];
                let b = &words[i + n..i + 2 * n];
                if a.iter().zip(b).all(|(x, y)| !x.0.is_empty() && x.0 == y.0) && !b[0].3 {
                    found = Some(n);
                    break;
                }
            }
            let Some(n) = found else {
                i += 1;
                continue;
            };
            let (start, end) = (words[i].1, words[i + 2 * n - 1].2);
            let first_raw = &doc.text[words[i].1..words[i].2];
            let second_raw = &doc.text[words[i + n].1..words[i + n].2];
            let capital = |s: &str| s.starts_with(char::is_uppercase);
            let name = capital(first_raw) && capital(second_raw);
            let w = words[i].0;
            let allowed = n == 1 && (ALLOWED_DOUBLES.contains(&w) || PARTICLES.contains(&w));
            let short = n == 1 && w.chars().count() < 2;
            // "more and more", "again and again"
            let idiom = n > 1 && matches!(w, "and" | "or" | "by" | "to");
            // Across a full stop, only a new sentence starting in lower case
            // is a slip ("countries. countries."); "than his. His" is prose.
            let new_sentence = words[i + n].4 && capital(second_raw);
            if name
                || allowed
                || short
                || idiom
                || new_sentence
                || quoted.holds(start)
                || quoted.holds(end - 1)
            {
                i += 1;
                continue;
            }
            let phrase = &doc.text[words[i].1..words[i + n - 1].2];
            let what = if n == 1 { "word" } else { "phrase" };
            out.push(warning(
                start,
                end,
                "repeated-word",
                format!("The {what} “{phrase}” is repeated."),
            ));
            i += 2 * n;
        }
    }
}

/// "January 13." left at the end of a paragraph.
fn orphan_fragments(
    doc: &Document,
    kinds: &[BlockKind],
    quoted: &Spans,
    times: &[TimeExpr],
    quantities: &[Quantity],
    out: &mut Vec<Warning>,
) {
    let covered = Spans::times_and_quantities(times, quantities);
    let mut repeats: Vec<(usize, usize)> = out
        .iter()
        .filter(|w| w.kind == "repeated-word")
        .map(|w| (w.start as usize, w.end as usize))
        .collect();
    repeats.sort_unstable();
    for (si, s) in doc.sentences.iter().enumerate() {
        if kinds.get(s.paragraph).copied().unwrap_or_default() != BlockKind::Paragraph {
            continue;
        }
        let tokens = &doc.tokens[s.tokens.clone()];
        let words: Vec<_> = tokens
            .iter()
            .filter(|t| matches!(t.kind(), TokenKind::Word | TokenKind::Number))
            .collect();
        if words.is_empty() || words.len() > FRAGMENT_WORDS {
            continue;
        }
        let text = doc.slice(&s.range).trim_end();
        if !text.ends_with('.')
            || quoted.holds(s.range.start)
            || text.starts_with(['“', '"', '‘', '\'', '―', '—', '–'])
        {
            continue;
        }
        // Beside a full sentence of the same paragraph: a paragraph of its
        // own is a heading, a dateline or a sign-off.
        let neighbours = [si.wrapping_sub(1), si + 1];
        let beside_full = neighbours.iter().any(|&n| {
            doc.sentences.get(n).is_some_and(|o| {
                o.paragraph == s.paragraph
                    && doc.tokens[o.tokens.clone()]
                        .iter()
                        .filter(|t| t.kind() == TokenKind::Word)
                        .count()
                        >= 6
            })
        });
        if !beside_full {
            continue;
        }
        // Already flagged as the second copy of a repeat.
        let r = repeats.partition_point(|&(a, _)| a < s.range.end);
        if r > 0 && repeats[r - 1].1 > s.range.start {
            continue;
        }
        // Only a date or a number: nothing to say about it. (A name alone
        // is as often a sentence splitter's cut, "Port St. | Lucie,
        // Florida.", or a dateline, and is left alone.)
        if words.iter().all(|t| covered.holds(t.start as usize)) {
            out.push(warning(
                s.range.start,
                s.range.start + text.len(),
                "orphan-fragment",
                format!("“{text}” stands alone: a fragment left over from an edit?"),
            ));
        }
    }
}

/// Quotation marks and brackets never closed, or closed without opening.
fn unbalanced_marks(doc: &Document, kinds: &[BlockKind], out: &mut Vec<Warning>) {
    let starts_with_open_quote = |p: usize| {
        doc.paragraphs.get(p).is_some_and(|r| {
            doc.text[r.clone()]
                .trim_start()
                .starts_with(['“', '"', '«'])
        })
    };
    for (p, range) in doc.paragraphs.iter().enumerate() {
        if matches!(
            kinds.get(p).copied().unwrap_or_default(),
            BlockKind::Code | BlockKind::TableRow
        ) {
            continue;
        }
        let text = &doc.text[range.clone()];
        let base = range.start;
        // Curly and angle quotes: a depth; brackets: a stack.
        let mut open_quotes: Vec<usize> = Vec::new();
        let mut straight: Vec<usize> = Vec::new();
        let mut brackets: Vec<(usize, char)> = Vec::new();
        // Only the marks are looked at: the bytes between them are passed
        // over without decoding (a list of every character of the text
        // was this check's time).
        let bytes = text.as_bytes();
        let mut next = 0;
        while let Some(off) = bytes[next..]
            .iter()
            .position(|b| matches!(b, b'"' | b'(' | b'[' | b')' | b']' | 0xC2 | 0xE2))
        {
            let i = next + off;
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            next = i + c.len_utf8();
            let at = base + i;
            let before = &text[..i];
            match c {
                '“' | '«' => open_quotes.push(at),
                '”' | '»' if open_quotes.pop().is_none() => out.push(warning(
                    at,
                    at + c.len_utf8(),
                    "unbalanced-quote",
                    "This closing quotation mark has no opening one.".into(),
                )),
                // Inches ("6'3\"") after a digit are no quotation mark.
                '"' if before.ends_with(|ch: char| ch.is_ascii_digit()) => {}
                // Straight quotes pair in order: every other one opens.
                '"' if straight.pop().is_none() => straight.push(at),
                '(' | '[' => brackets.push((at, c)),
                ')' | ']' => {
                    let opener = if c == ')' { '(' } else { '[' };
                    match brackets.last() {
                        Some(&(_, o)) if o == opener => {
                            brackets.pop();
                        }
                        _ => {
                            // "1)" and "a)" number a list; ":)" is a face.
                            let prev = before.chars().next_back();
                            // One or two letters or digits standing alone.
                            let label_len = before
                                .chars()
                                .rev()
                                .take(3)
                                .take_while(|ch| ch.is_alphanumeric())
                                .count();
                            let list_label = (1..=2).contains(&label_len)
                                && before
                                    .chars()
                                    .rev()
                                    .nth(label_len)
                                    .is_none_or(char::is_whitespace);
                            let face = matches!(prev, Some(':' | ';'));
                            if !list_label && !face {
                                out.push(warning(
                                    at,
                                    at + 1,
                                    "unbalanced-bracket",
                                    format!("This “{c}” closes a bracket that was never opened."),
                                ));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        // A quotation still open at the end of the paragraph continues if
        // the next paragraph opens one again (news style).
        let continues = starts_with_open_quote(p + 1);
        if !continues {
            if let Some(&at) = open_quotes.first() {
                out.push(warning(
                    at,
                    at + '“'.len_utf8(),
                    "unbalanced-quote",
                    "This quotation mark is never closed.".into(),
                ));
            }
            if let Some(&at) = straight.first() {
                out.push(warning(
                    at,
                    at + 1,
                    "unbalanced-quote",
                    "This quotation mark is never closed.".into(),
                ));
            }
        }
        for &(at, c) in &brackets {
            out.push(warning(
                at,
                at + 1,
                "unbalanced-bracket",
                format!("This “{c}” is never closed."),
            ));
        }
    }
}

/// Mojibake: what the input's repair mends (`input::mojibake`, UTF-8 read
/// as Windows-1252: "â€™" for "’", "Ã©" for "é"), left in the text because
/// it was not repaired (raw text), and the replacement character a failed
/// decoding leaves. Runs a few bytes apart are one warning ("donâ€™t â€“").
fn mojibake(doc: &Document, out: &mut Vec<Warning>) {
    let text = doc.text;
    let mut found = mojibake::spans(text);
    found.extend(text.match_indices('\u{FFFD}').map(|(i, c)| i..i + c.len()));
    found.sort_unstable_by_key(|r| r.start);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for r in found {
        match runs.last_mut() {
            Some(last) if r.start <= last.1 + 8 => last.1 = last.1.max(r.end),
            _ => runs.push((r.start, r.end)),
        }
    }
    for (a, b) in runs {
        let seen = &text[a..b];
        out.push(warning(
            a,
            b,
            "mojibake",
            format!("Garbled characters (“{seen}”): text decoded with the wrong character set."),
        ));
    }
}

/// Tags left in the text: `<tweet tweet-id="…">`, `</div>`. (HTML input
/// never has them; they come in pasted text, from a feed or a CMS.)
fn markup(doc: &Document, out: &mut Vec<Warning>) {
    let text = doc.text;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = text[i..].find('<') {
        let at = i + off;
        i = at + 1;
        // "<" then a letter or "/" and a letter, then a ">" within 300
        // bytes and no other "<" or line break before it.
        let name_start = if bytes.get(at + 1) == Some(&b'/') {
            at + 2
        } else {
            at + 1
        };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let mut limit = (at + 300).min(text.len());
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[at + 1..limit];
        let Some(close) = window.find(['>', '<', '\n']) else {
            continue;
        };
        if window.as_bytes()[close] != b'>' {
            continue;
        }
        let end = at + 1 + close + 1;
        let tag = &text[at..end];
        // "a <b> c" in prose would need a tag-like word; "x < y > z" has
        // a space after "<", ruled out above.
        out.push(warning(
            at,
            end,
            "markup",
            format!("Markup left in the text: “{tag}”."),
        ));
        i = end;
    }
}

/// Sentences of page furniture left inside kept paragraphs.
fn leftover_boilerplate(doc: &Document, kinds: &[BlockKind], out: &mut Vec<Warning>) {
    for s in &doc.sentences {
        if kinds.get(s.paragraph).copied().unwrap_or_default() == BlockKind::Code {
            continue;
        }
        let text = doc.slice(&s.range).trim_end();
        if text.len() > 400 {
            continue;
        }
        if let Some(reason) = boilerplate::classify_block(text) {
            out.push(warning(
                s.range.start,
                s.range.start + text.len(),
                "boilerplate",
                format!(
                    "This looks like page furniture ({}) left in the text.",
                    reason.label()
                ),
            ));
        }
    }
}

/// Very long sentences, and runs of words in capitals.
fn long_sentences_and_caps(doc: &Document, kinds: &[BlockKind], out: &mut Vec<Warning>) {
    for s in &doc.sentences {
        let tokens = &doc.tokens[s.tokens.clone()];
        let words = tokens
            .iter()
            .filter(|t| matches!(t.kind(), TokenKind::Word | TokenKind::Number))
            .count();
        let table = matches!(
            kinds.get(s.paragraph).copied().unwrap_or_default(),
            BlockKind::TableRow | BlockKind::Code | BlockKind::ListItem
        );
        if words > LONG_SENTENCE_WORDS && !table {
            out.push(warning(
                s.range.start,
                s.range.end,
                "long-sentence",
                format!(
                    "This sentence has {words} words; readers lose the thread of sentences this long."
                ),
            ));
        }
        // Runs of capitals: words of two letters or more, all upper case.
        let mut run: Vec<usize> = Vec::new();
        let flush = |run: &mut Vec<usize>, out: &mut Vec<Warning>| {
            if run.len() >= CAPS_RUN {
                let (a, b) = (
                    tokens[run[0]].start as usize,
                    tokens[run[run.len() - 1]].end() as usize,
                );
                out.push(warning(
                    a,
                    b,
                    "all-caps",
                    format!(
                        "{} words in capitals: shouting, or a headline pasted in.",
                        run.len()
                    ),
                ));
            }
            run.clear();
        };
        for (k, t) in tokens.iter().enumerate() {
            let w = doc.token_text(t);
            let caps = t.kind() == TokenKind::Word
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase);
            if caps {
                run.push(k);
            } else if t.kind() == TokenKind::Word || t.kind() == TokenKind::Number {
                flush(&mut run, out);
            }
        }
        flush(&mut run, out);
    }
}

/// Direct quotations with no source, where no neighbouring paragraph
/// quotes anyone either.
fn unattributed_quotes(doc: &Document, quotes: &[Quote], out: &mut Vec<Warning>) {
    let attributed: std::collections::HashSet<usize> = quotes
        .iter()
        .filter(|q| q.source != "unknown")
        .map(|q| doc.paragraph_at(q.start as usize))
        .collect();
    for q in quotes
        .iter()
        .filter(|q| q.kind == "direct" && q.source == "unknown")
    {
        let content = doc
            .text
            .get(q.content.start as usize..q.content.end as usize)
            .unwrap_or("");
        let words = content.split_whitespace().count();
        let p = doc.paragraph_at(q.start as usize);
        let near = (p.saturating_sub(2)..=p + 2).any(|n| attributed.contains(&n));
        // "“…” ― Sonya Herridge": a dash and a name after the quotation.
        let after = doc.text[q.end as usize..].trim_start();
        let dash_attribution = after.starts_with(['―', '—', '–'])
            && after
                .trim_start_matches(['―', '—', '–', ' '])
                .starts_with(char::is_uppercase);
        // "“WALLACE: …": a transcript, the speaker's label inside.
        let label = content
            .trim_start_matches(['“', '"'])
            .split_once(':')
            .is_some_and(|(who, _)| {
                !who.is_empty()
                    && who.len() <= 30
                    && who.chars().any(char::is_uppercase)
                    && !who.chars().any(char::is_lowercase)
            });
        // A quotation inside a sentence has the sentence around it, which
        // often names the speaker in a way the quote analyzer misses
        // ("Lynch said she recalled thinking, “…”"); only a quotation that
        // opens its paragraph stands alone.
        let opens_paragraph = doc
            .paragraphs
            .get(p)
            .is_some_and(|r| doc.text[r.start..q.start as usize].trim().is_empty());
        if words >= UNATTRIBUTED_WORDS && !near && !dash_attribution && !label && opens_paragraph {
            out.push(warning(
                q.start as usize,
                q.end as usize,
                "unattributed-quote",
                "No one is named as the source of this quotation.".into(),
            ));
        }
    }
}
