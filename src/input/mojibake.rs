//! Repair of mojibake: UTF-8 text that was once decoded as Windows-1252 (or
//! Latin-1), so that `’` became `â€™` and `é` became `Ã©`.
//!
//! The repair is the one ftfy made well known: re-encode a suspicious run with
//! Windows-1252 and decode it as UTF-8. It is applied only where the result is
//! unambiguous: a lead character followed by exactly the continuation characters
//! a UTF-8 sequence needs, decoding to a character that text of this kind
//! plausibly holds. Two-character sequences are the risky ones (a legitimate
//! `É’` in "CAFÉ’S" has that shape), so they are repaired only when they decode
//! into Latin-1 or Latin Extended-A letters and symbols, or when several of them
//! stand in a row (mangled Cyrillic or Greek).

/// Windows-1252 bytes 0x80..=0x9F, as WHATWG decodes them. Bytes the code page
/// leaves undefined decode to the C1 control of the same number.
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// The Windows-1252 byte that decodes to `c`, if any.
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 || (0xA0..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    if (0x80..0xA0).contains(&u) {
        // A C1 control: either an undefined Windows-1252 byte or Latin-1 decoding.
        return Some(u as u8);
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == c)
        .map(|i| 0x80 + i as u8)
}

fn is_continuation(b: u8) -> bool {
    (0x80..=0xBF).contains(&b)
}

/// How many continuation bytes a UTF-8 lead byte announces (0 if it is no lead).
fn continuation_count(lead: u8) -> usize {
    match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => 0,
    }
}

/// One repaired sequence: `len` bytes of the input starting at `start` decode to `ch`.
struct Fix {
    start: usize,
    len: usize,
    ch: char,
    /// Came from a two-byte sequence (the ambiguous kind).
    short: bool,
    /// Its second character is a quotation mark, dash or ellipsis.
    punctuation: bool,
}

/// Finds the UTF-8-as-Windows-1252 sequence starting at byte `i`, if one does.
fn sequence_at(s: &str, i: usize) -> Option<Fix> {
    let mut chars = s[i..].char_indices();
    let (_, lead_ch) = chars.next()?;
    let lead = cp1252_byte(lead_ch)?;
    let n = continuation_count(lead);
    if n == 0 {
        return None;
    }
    let mut bytes = [lead, 0, 0, 0];
    let mut end = i + lead_ch.len_utf8();
    let mut second = ' ';
    for slot in bytes.iter_mut().skip(1).take(n) {
        let (off, c) = chars.next()?;
        if second == ' ' {
            second = c;
        }
        let b = cp1252_byte(c).filter(|&b| is_continuation(b))?;
        *slot = b;
        end = i + off + c.len_utf8();
    }
    let decoded = std::str::from_utf8(&bytes[..=n]).ok()?;
    let ch = decoded.chars().next()?;
    if ('\u{80}'..'\u{A0}').contains(&ch) {
        return None; // a C1 control is never what the writer meant
    }
    Some(Fix {
        start: i,
        len: end - i,
        ch,
        short: n == 1,
        punctuation: is_punctuation_continuation(second),
    })
}

/// Characters a two-byte repair may produce on its own: Latin-1 letters and
/// symbols (é, £, °, ©) and Latin Extended-A (ł, ő, š).
fn plausible_alone(ch: char) -> bool {
    ('\u{A0}'..='\u{17F}').contains(&ch)
}

/// Quotation marks, dashes and the ellipsis as Windows-1252 decodes them. An
/// accented capital followed by one of them is as likely real ("HYVÄ”",
/// "IRMÃ”", "CAFÉ’S") as mangled, unless it sits in a lowercase word, as a
/// mangled letter does ("WrocÅ‚aw").
fn is_punctuation_continuation(c: char) -> bool {
    matches!(
        c,
        '‚' | '„' | '…' | '‘' | '’' | '“' | '”' | '–' | '—' | '‹' | '›' | '«' | '»'
    )
}

/// The first place at or after byte `from` of a character in
/// U+00C2..=U+00F4 (UTF-8 C3 82 to C3 B4), or the end: where a mojibake
/// sequence can start ([`sequence_at`] finds none elsewhere). Looking for
/// the byte C3 skips the rest of the text far faster than trying each
/// character.
fn next_lead(b: &[u8], from: usize) -> usize {
    let mut j = from;
    while let Some(p) = b.get(j..).and_then(|r| r.iter().position(|&x| x == 0xC3)) {
        let k = j + p;
        if b.get(k + 1).is_some_and(|c| (0x82..=0xB4).contains(c)) {
            return k;
        }
        j = k + 1;
    }
    b.len()
}

/// Every mojibake sequence in `s`, in order, none inside another. Every
/// one starts with a character in U+00C2..=U+00F4 (its lead byte read as
/// Windows-1252): only those places are tried.
fn sequences(s: &str) -> Vec<Fix> {
    let b = s.as_bytes();
    let mut fixes: Vec<Fix> = Vec::new();
    let mut i = next_lead(b, 0);
    while i < s.len() {
        match sequence_at(s, i) {
            Some(fix) => {
                i = next_lead(b, fix.start + fix.len);
                fixes.push(fix);
            }
            None => i = next_lead(b, i + 1),
        }
    }
    fixes
}

/// The sequences [`repair`] mends in `s`, in order: each with its place.
fn kept_fixes(s: &str) -> Vec<Fix> {
    let fixes = sequences(s);
    if fixes.is_empty() {
        return fixes;
    }
    // Keep two-byte repairs only where they are plausible alone or stand in a
    // run with a neighbouring repair (adjacent in the text).
    let keep: Vec<bool> = (0..fixes.len())
        .map(|k| {
            let f = &fixes[k];
            let touches_prev = k > 0 && fixes[k - 1].start + fixes[k - 1].len == f.start;
            let touches_next = k + 1 < fixes.len() && f.start + f.len == fixes[k + 1].start;
            if !f.short || touches_prev || touches_next {
                return true;
            }
            if f.punctuation {
                // Inside a lowercase word ("WrocÅ‚aw"), not after a capital ("CAFÉ’S").
                let prev = s[..f.start].chars().next_back();
                let next = s[f.start + f.len..].chars().next();
                return plausible_alone(f.ch)
                    && (prev.is_some_and(char::is_lowercase)
                        || next.is_some_and(char::is_lowercase));
            }
            plausible_alone(f.ch)
        })
        .collect();
    fixes
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f))
        .collect()
}

/// Where `s` holds mojibake that [`repair`] would mend: byte ranges, in
/// order. (The text-quality warnings flag these when the text was not
/// repaired, as raw text is not.)
pub fn spans(s: &str) -> Vec<std::ops::Range<usize>> {
    kept_fixes(s)
        .iter()
        .map(|f| f.start..f.start + f.len)
        .collect()
}

/// Repairs mojibake in `s`. Returns the repaired text and how many characters were
/// repaired, or `None` when nothing needed repair (the common case, which then
/// costs one scan and no allocation).
pub fn repair(s: &str) -> Option<(String, usize)> {
    let fixes = kept_fixes(s);
    if fixes.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for fix in &fixes {
        out.push_str(&s[last..fix.start]);
        out.push(fix.ch);
        last = fix.start + fix.len;
    }
    out.push_str(&s[last..]);
    Some((out, fixes.len()))
}

/// Repairs repeatedly (text mangled twice needs two passes), at most three times.
pub fn repair_all(s: &str) -> Option<(String, usize)> {
    let (mut text, mut total) = repair(s)?;
    for _ in 0..2 {
        match repair(&text) {
            Some((t, n)) => {
                text = t;
                total += n;
            }
            None => break,
        }
    }
    Some((text, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trying only the places [`next_lead`] gives ([`sequences`]) finds
    /// every sequence that trying each character finds.
    #[test]
    fn only_lead_characters_start_sequences() {
        let texts = [
            "CafÃ© and naÃ¯ve, donâ€™t â€œquoteâ€\u{9d} WrocÅ‚aw Ã",
            "Ã\u{80}Ã\u{81}ÃÃ‚Ã´Ãµ Ã¿ Ã© plain Ã",
            "Ã©Ã©Ã©â€”â€“ ðŸ˜€ â‚¬ Ã\u{a0}x Â Â£5",
            "nothing to mend here, “curly” — fine",
            "",
        ];
        for t in texts {
            let mut slow = Vec::new();
            let mut i = 0;
            while i < t.len() {
                match sequence_at(t, i) {
                    Some(f) => {
                        i = f.start + f.len;
                        slow.push((f.start, f.len, f.ch));
                    }
                    None => i += t[i..].chars().next().map_or(1, char::len_utf8),
                }
            }
            let fast: Vec<_> = sequences(t)
                .iter()
                .map(|f| (f.start, f.len, f.ch))
                .collect();
            assert!(slow.len() >= 3 || !t.contains('Ã'), "{t:?}: {slow:?}");
            assert_eq!(fast, slow, "{t:?}");
        }
    }

    fn fixed(s: &str) -> String {
        repair_all(s).map_or_else(|| s.to_string(), |(t, _)| t)
    }

    #[test]
    fn repairs_common_mojibake() {
        assert_eq!(fixed("Moscowâ€™s troops"), "Moscow’s troops");
        assert_eq!(fixed("â€œseriousâ€\u{9D}"), "“serious”");
        assert_eq!(fixed("costs â€” and"), "costs — and");
        assert_eq!(fixed("cafÃ© in MÃ¼nchen"), "café in München");
        assert_eq!(fixed("Â£5 and 20Â°C"), "£5 and 20°C");
        assert_eq!(fixed("WrocÅ‚aw"), "Wrocław");
        assert_eq!(fixed("ðŸ˜€ smile"), "😀 smile");
        assert_eq!(fixed("ÐŸÑ€Ð¸Ð²ÐµÑ‚"), "Привет");
    }

    #[test]
    fn repairs_text_mangled_twice() {
        assert_eq!(
            fixed("Moscow\u{C3}\u{A2}\u{E2}\u{82}\u{AC}\u{E2}\u{84}\u{A2}s"),
            "Moscow’s"
        );
    }

    #[test]
    fn leaves_real_text_alone() {
        for s in [
            "café, naïve, Zürich, São Paulo, Łódź",
            "CAFÉ’S menu",
            "ESPAÑA“ and",
            "“KIITOS JA HYVÄ”",
            "“NÅ…”",
            "IRMÃ” said",
            "À la carte — “quoted” … ‘single’",
            "Привет, мир",
            "plain ASCII text",
            "Ã alone",
        ] {
            assert_eq!(repair_all(s).map(|(t, _)| t), None, "{s}");
        }
    }

    #[test]
    fn counts_repairs() {
        let (_, n) = repair_all("itâ€™s â€œokâ€\u{9D}").unwrap();
        assert_eq!(n, 3);
    }
}
