//! Bytes to text: the character encoding of a file, for the CLI and anything
//! else that reads bytes (the browser page gets text from the clipboard).
//!
//! The order follows what browsers do, with one change for pages that lie:
//! 1. a byte order mark decides (UTF-8, UTF-16LE/BE);
//! 2. bytes that are valid UTF-8 and not plain ASCII are UTF-8, whatever the
//!    page declares: a page saved by a modern tool is UTF-8 even when an old
//!    `<meta charset=iso-8859-1>` survived in it, and text in a legacy
//!    encoding is almost never valid UTF-8 by chance;
//! 3. the encoding the caller was told (an HTTP `Content-Type`), then the
//!    page's own declaration (`<meta charset>` or `<meta http-equiv>` in the
//!    first 4 KB, the HTML5 prescan's window widened because many pages put
//!    a long `<head>` first), through `encoding_rs`' WHATWG label table;
//! 4. otherwise UTF-8 with replacement characters, and a warning.

use encoding_rs::{Encoding, UTF_8};

/// How far into the bytes the `<meta>` declaration is looked for.
const PRESCAN_BYTES: usize = 4096;

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding used (WHATWG name, e.g. `UTF-8`, `windows-1252`).
    pub encoding: &'static str,
    /// Said when the result may be wrong: invalid bytes replaced, or a
    /// declaration that did not match the bytes.
    pub warning: Option<String>,
    /// Invalid bytes were replaced with U+FFFD.
    pub lossy: bool,
}

/// Decodes `bytes`. `declared` is an encoding label from outside the bytes
/// (an HTTP header's `charset`), if there was one.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        return finish(text.into_owned(), enc, had_errors);
    }
    let declared = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]))
        // A page cannot declare itself UTF-16 in its own ASCII bytes (HTML5
        // treats that declaration as UTF-8).
        .map(|e| e.output_encoding());
    if let Ok(text) = std::str::from_utf8(bytes) {
        let note = declared
            .filter(|e| *e != UTF_8 && !text.is_ascii())
            .map(|e| {
                format!(
                    "The page declares the encoding {} but its bytes are valid UTF-8; it was read as UTF-8.",
                    e.name()
                )
            });
        return Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
            warning: note,
            lossy: false,
        };
    }
    match declared.filter(|e| *e != UTF_8) {
        Some(enc) => {
            let (text, _, had_errors) = enc.decode(bytes);
            finish(text.into_owned(), enc, had_errors)
        }
        None => {
            let (text, _, _) = UTF_8.decode(bytes);
            finish(text.into_owned(), UTF_8, true)
        }
    }
}

fn finish(text: String, enc: &'static Encoding, had_errors: bool) -> Decoded {
    let warning = had_errors.then(|| {
        format!(
            "Some bytes are not valid {}; they were replaced with \u{FFFD}. If the text looks garbled, save the file as UTF-8.",
            enc.name()
        )
    });
    Decoded {
        text,
        encoding: enc.name(),
        warning,
        lossy: had_errors,
    }
}

/// The encoding a page declares in a `<meta>` element: `charset=` in a
/// `<meta charset>` or in the `content` of `<meta http-equiv=Content-Type>`.
/// Works on bytes, case-insensitively, before any decoding (the declaration
/// itself is ASCII in every encoding the web uses).
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = skip(rest, |b| b.is_ascii_whitespace());
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = skip(rest, |b| b.is_ascii_whitespace() || b == b'"' || b == b'\'');
                let len = rest
                    .iter()
                    .position(|&b| {
                        b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/')
                    })
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..len]) {
                    return Some(enc);
                }
            }
        }
        from = end.max(start + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn skip(s: &[u8], pred: impl Fn(u8) -> bool) -> &[u8] {
    let n = s.iter().position(|&b| !pred(b)).unwrap_or(s.len());
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_decides() {
        let d = decode(b"\xEF\xBB\xBFcaf\xC3\xA9", Some("iso-8859-1"));
        assert_eq!((d.text.as_str(), d.encoding), ("café", "UTF-8"));
        let d = decode(b"\xFF\xFEh\0i\0", None);
        assert_eq!((d.text.as_str(), d.encoding), ("hi", "UTF-16LE"));
    }

    #[test]
    fn meta_charset_and_http_equiv_are_honoured() {
        let d = decode(b"<meta charset=\"ISO-8859-1\"><p>caf\xE9</p>", None);
        assert_eq!(d.text, "<meta charset=\"ISO-8859-1\"><p>café</p>");
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.warning, None);
        let d = decode(
            b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=windows-1251'>\xcf\xf0\xe8",
            None,
        );
        assert!(d.text.ends_with("При"), "{}", d.text);
        let d = decode(b"<p>\x93quoted\x94</p>", Some("windows-1252"));
        assert_eq!(d.text, "<p>\u{201C}quoted\u{201D}</p>");
    }

    #[test]
    fn a_lying_declaration_loses_to_valid_utf8() {
        let d = decode("<meta charset=iso-8859-1><p>café</p>".as_bytes(), None);
        assert_eq!(d.text, "<meta charset=iso-8859-1><p>café</p>");
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.warning.unwrap().contains("valid UTF-8"));
        // Declared UTF-16 in ASCII bytes means UTF-8 (HTML5).
        let d = decode(b"<meta charset=utf-16><p>x", None);
        assert_eq!((d.encoding, d.warning), ("UTF-8", None));
    }

    #[test]
    fn undeclared_invalid_bytes_become_replacement_characters_with_a_warning() {
        let d = decode(b"<p>caf\xE9 ok</p>", None);
        assert_eq!(d.text, "<p>caf\u{FFFD} ok</p>");
        assert!(d.warning.unwrap().contains("not valid UTF-8"));
        let d = decode(b"<meta charset=nonsense-enc><p>\xE9", None);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.warning.is_some());
    }
}
