//! Name lists the tagger consults: given names, surnames, countries, other
//! places, organisation words and names, titles and nationalities. A match is
//! a feature, not a decision: the model learns how far to trust each list
//! ("May" is a given name and a month, "Georgia" a state, a country and a
//! given name). The lists and their sources are in `data/SOURCES.md`.

use super::features::{fnv, fnv_byte, hash_str, HashKeyed, FNV_INIT};

/// The lists, by number (the number is part of the model's features).
pub const GAZ_KINDS: usize = 8;
pub const FIRST_NAME: usize = 0;
pub const SURNAME: usize = 1;
pub const COUNTRY: usize = 2;
pub const PLACE: usize = 3;
pub const ORG_WORD: usize = 4;
pub const ORG: usize = 5;
pub const TITLE: usize = 6;
pub const DEMONYM: usize = 7;

/// The longest entry, in tokens, that is looked for.
const MAX_TOKENS: usize = 6;

/// Marks, in an entry's bits, a key that begins a longer entry (the first
/// words of "New York City"), besides the lists' bits (one per kind).
const BEGINS_LONGER: u16 = 1 << GAZ_KINDS;
const _: () = assert!(GAZ_KINDS < 16);

/// [`fnv`] continued over a word's lower case (typographic quotes folded):
/// ASCII byte by byte, anything else through `fold` and `to_lowercase`, so
/// the common word needs no string built.
fn fnv_lower(h: u64, w: &str) -> u64 {
    if w.is_ascii() {
        w.bytes()
            .fold(h, |h, b| fnv_byte(h, b.to_ascii_lowercase()))
    } else {
        fnv(h, super::features::fold(w).to_lowercase().as_bytes())
    }
}

/// The key of an entry, as written: the FNV-1a hash of its lower-case words
/// joined by single spaces (fed word by word, as [`Gazetteers::mark`] does
/// over a sentence); `None` for an empty entry or one too long to be looked
/// for. `begins` gets the keys of its first words (all but the last).
fn entry_keys(entry: &str, begins: &mut Vec<u64>) -> Option<u64> {
    if entry.is_ascii() {
        ascii_entry_keys(entry.as_bytes(), begins)
    } else {
        any_entry_keys(entry, begins)
    }
}

/// [`entry_keys`] of any entry: its words split at white space, each
/// hashed in lower case.
fn any_entry_keys(entry: &str, begins: &mut Vec<u64>) -> Option<u64> {
    begins.clear();
    let mut h = FNV_INIT;
    let mut n = 0;
    for (k, w) in entry.split_whitespace().enumerate() {
        if k > 0 {
            begins.push(h);
            h = fnv(h, b" ");
        }
        h = fnv_lower(h, w);
        n += 1;
    }
    (n > 0 && n <= MAX_TOKENS).then_some(h)
}

/// [`entry_keys`] of an entry of ASCII bytes (nearly every one), in one
/// pass: a byte is a character, its white space is `char::is_whitespace`'s
/// and its lower case `fnv_lower`'s, so the keys are [`any_entry_keys`]'s
/// (a test compares them over every list). The page's
/// first analysis waits for the lists' hundred thousand entries, on code the
/// browser has not optimised yet.
fn ascii_entry_keys(entry: &[u8], begins: &mut Vec<u64>) -> Option<u64> {
    begins.clear();
    let mut h = FNV_INIT;
    let (mut words, mut in_word) = (0, false);
    for &b in entry {
        if matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            in_word = false;
            continue;
        }
        if !in_word {
            if words > 0 {
                begins.push(h);
                h = fnv_byte(h, b' ');
            }
            words += 1;
            in_word = true;
        }
        h = fnv_byte(h, b.to_ascii_lowercase());
    }
    (words > 0 && words <= MAX_TOKENS).then_some(h)
}

/// [`entry_keys`] without the keys of the first words.
fn entry_key(entry: &str) -> Option<u64> {
    entry_keys(entry, &mut Vec::new())
}

/// The lists as one table: the hash of an entry's lower-case tokens joined by
/// single spaces, to the lists that hold it (a bit each).
#[derive(Debug, Default)]
pub struct Gazetteers {
    /// A bit per list, and [`BEGINS_LONGER`].
    entries: HashKeyed<u16>,
    /// Word classes (see `scripts/build-word-clusters.py`): the hash of a
    /// lower-case word to its fine and coarse class.
    classes: HashKeyed<(u16, u8)>,
}

impl Gazetteers {
    /// Adds every line of `text` (one entry a line; `#` starts a comment
    /// line; a tab separates an entry from its aliases, all added) to list
    /// `kind`.
    pub fn add_list(&mut self, kind: usize, text: &str) {
        let mut begins = Vec::new();
        for line in text.lines() {
            self.add_line(kind, line, &mut begins);
        }
    }

    /// One line of [`Gazetteers::add_list`].
    fn add_line(&mut self, kind: usize, line: &str, begins: &mut Vec<u64>) {
        if line.starts_with('#') {
            return;
        }
        for entry in line.split('\t') {
            self.add_with(kind, entry, begins);
        }
    }

    /// [`Gazetteers::add_list`] of a front-coded list as [`unpack_list`]
    /// writes it out, entry by entry, without the whole text built and
    /// split into lines again.
    #[inline(never)] // once, not once per list (the loop over them is unrolled)
    fn add_packed_list(&mut self, kind: usize, packed: &[u8]) {
        let mut begins = Vec::new();
        for_front_coded(packed, |_, w| {
            if w.is_ascii() {
                self.add_ascii_line(kind, w, &mut begins);
                return;
            }
            // (`from_utf8` first: the usual valid entry is checked faster.)
            let line = match std::str::from_utf8(w) {
                Ok(s) => std::borrow::Cow::Borrowed(s),
                Err(_) => String::from_utf8_lossy(w),
            };
            // As `str::lines` reads the entry's line: a final "\r" is part
            // of its line end.
            self.add_line(kind, line.strip_suffix('\r').unwrap_or(&line), &mut begins);
        });
    }

    /// Reads word classes: lines of "fine coarse word word …".
    pub fn add_classes(&mut self, text: &str) {
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut it = line.split_whitespace();
            let (Some(Ok(fine)), Some(Ok(coarse))) =
                (it.next().map(str::parse), it.next().map(str::parse))
            else {
                continue;
            };
            for w in it {
                self.classes.insert(hash_str(w), (fine, coarse));
            }
        }
    }

    /// Reads word classes packed by `build.rs` (`clusters.bin`: counts, the
    /// coarse class of each fine class, the words' fine classes as two byte
    /// planes, the sorted words front coded). Returns the number of words
    /// read; a malformed blob stops early rather than panicking.
    pub fn add_packed_classes(&mut self, b: &[u8]) -> usize {
        let (Some(n), Some(f)) = (
            b.get(..4)
                .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize),
            b.get(4..6)
                .map(|s| u16::from_le_bytes([s[0], s[1]]) as usize),
        ) else {
            return 0;
        };
        let Some((coarse, rest)) = b.get(6..).and_then(|r| r.split_at_checked(f)) else {
            return 0;
        };
        let Some((hi, rest)) = rest.split_at_checked(n) else {
            return 0;
        };
        let Some((lo, words)) = rest.split_at_checked(n) else {
            return 0;
        };
        self.classes.reserve(n);
        let mut read = 0;
        for_front_coded(words, |k, w| {
            let (Some(&h), Some(&l)) = (hi.get(k), lo.get(k)) else {
                return;
            };
            let fine = (h as u16) << 8 | l as u16;
            let c = coarse.get(fine as usize).copied().unwrap_or(0);
            self.classes.insert(fnv(FNV_INIT, w), (fine, c));
            read += 1;
        });
        read
    }

    /// [`Gazetteers::add_line`] of a line of ASCII bytes, without the
    /// UTF-8 check a `&str` would need first.
    fn add_ascii_line(&mut self, kind: usize, line: &[u8], begins: &mut Vec<u64>) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.first() == Some(&b'#') {
            return;
        }
        for entry in line.split(|&b| b == b'\t') {
            if let Some(h) = ascii_entry_keys(entry, begins) {
                self.insert(kind, h, begins);
            }
        }
    }

    /// Adds the entry of key `h` to list `kind` (none for a kind out of
    /// range), and marks the keys of its first words as beginning a longer
    /// entry.
    fn insert(&mut self, kind: usize, h: u64, begins: &[u64]) {
        if kind >= GAZ_KINDS {
            return;
        }
        *self.entries.entry(h).or_insert(0) |= 1 << kind;
        for &b in begins {
            *self.entries.entry(b).or_insert(0) |= BEGINS_LONGER;
        }
    }

    /// The classes of a word given the hash of its lower-case form.
    pub fn class_of(&self, lower_hash: u64) -> Option<(u16, u8)> {
        self.classes.get(&lower_hash).copied()
    }

    /// Adds one entry to list `kind`.
    pub fn add(&mut self, kind: usize, entry: &str) {
        self.add_with(kind, entry, &mut Vec::new());
    }

    /// [`Gazetteers::add`] with a buffer for the keys of the entry's first
    /// words, reused from entry to entry: the page's first analysis adds
    /// some 68,000 entries.
    fn add_with(&mut self, kind: usize, entry: &str, begins: &mut Vec<u64>) {
        if let Some(h) = entry_keys(entry, begins) {
            self.insert(kind, h, begins);
        }
    }

    /// Whether `entry` (as written) is in list `kind`.
    pub fn contains(&self, kind: usize, entry: &str) -> bool {
        entry_key(entry)
            .and_then(|h| self.entries.get(&h))
            .is_some_and(|b| b & (1 << kind) != 0)
    }

    /// Marks in `toks` the longest match of each list covering each token
    /// (1 first token, 2 inside, 3 last, 4 a one-token entry).
    pub fn mark(&self, words: &[&str], toks: &mut [super::features::TokInfo]) {
        for t in toks.iter_mut() {
            t.class = self.class_of(t.lower_hash());
        }
        if self.entries.is_empty() {
            return;
        }
        // Per list, the end of the longest match taken so far: a match inside
        // a longer one of the same list is not marked again.
        let mut covered = [0usize; GAZ_KINDS];
        for i in 0..words.len() {
            let mut h = FNV_INIT;
            let mut best = [0usize; GAZ_KINDS];
            for (n, w) in words[i..].iter().take(MAX_TOKENS).enumerate() {
                if n > 0 {
                    h = fnv(h, b" ");
                }
                h = fnv_lower(h, w);
                // No entry goes on from words that begin none: the longer
                // runs are not looked up (their keys could only match by a
                // collision of 64-bit hashes).
                let Some(&bits) = self.entries.get(&h) else {
                    break;
                };
                for (k, b) in best.iter_mut().enumerate() {
                    if bits & (1 << k) != 0 {
                        *b = n + 1;
                    }
                }
                if bits & BEGINS_LONGER == 0 {
                    break;
                }
            }
            for k in 0..GAZ_KINDS {
                let len = best[k];
                if len == 0 || i + len <= covered[k] {
                    continue;
                }
                covered[k] = i + len;
                for (j, t) in toks[i..i + len].iter_mut().enumerate() {
                    t.gaz[k] = if len == 1 {
                        4
                    } else if j == 0 {
                        1
                    } else if j + 1 == len {
                        3
                    } else {
                        2
                    };
                }
            }
        }
    }
}

/// The small lists compiled into the binary, by kind, as text
/// (`data/SOURCES.md` says where each comes from; `make ner-data` rebuilds
/// them).
const LISTS: &[(usize, &str)] = &[
    (COUNTRY, COUNTRIES),
    (ORG_WORD, include_str!("../../../data/ner/org-words.txt")),
    (TITLE, include_str!("../../../data/ner/titles.txt")),
];

/// The large lists, front coded by `build.rs` from the text files of the same
/// name (they were a third of the page's download as text).
const PACKED_LISTS: &[(usize, &[u8])] = &[
    (
        FIRST_NAME,
        include_bytes!(concat!(env!("OUT_DIR"), "/first-names.txt.fc")),
    ),
    (
        SURNAME,
        include_bytes!(concat!(env!("OUT_DIR"), "/surnames.txt.fc")),
    ),
    (
        PLACE,
        include_bytes!(concat!(env!("OUT_DIR"), "/places.txt.fc")),
    ),
    (
        ORG,
        include_bytes!(concat!(env!("OUT_DIR"), "/orgs.txt.fc")),
    ),
];

include!(concat!(env!("OUT_DIR"), "/packed-entries.rs"));

/// Calls `f` with the number and bytes of each entry of a front-coded list
/// (`build.rs`: a byte of how much is shared with the entry before, the rest,
/// a line feed), rebuilding each entry in one reused buffer.
fn for_front_coded(b: &[u8], mut f: impl FnMut(usize, &[u8])) {
    let mut word: Vec<u8> = Vec::with_capacity(64);
    let mut rest = b;
    let mut k = 0;
    while let Some((&shared, tail)) = rest.split_first() {
        let end = tail.iter().position(|&c| c == b'\n').unwrap_or(tail.len());
        word.truncate(shared as usize);
        word.extend_from_slice(&tail[..end]);
        f(k, &word);
        k += 1;
        rest = tail.get(end + 1..).unwrap_or_default();
    }
}

/// A front-coded list back as text, one entry a line.
#[cfg(test)]
fn unpack_list(b: &[u8]) -> String {
    let mut text = Vec::with_capacity(b.len() * 2);
    for_front_coded(b, |_, w| {
        text.extend_from_slice(w);
        text.push(b'\n');
    });
    // build.rs wrote whole UTF-8 entries, so this never replaces anything.
    String::from_utf8_lossy(&text).into_owned()
}

/// Countries: the name news uses, then its other names, tab-separated (the
/// entity layer also reads it, to give a country one name).
pub const COUNTRIES: &str = include_str!("../../../data/ner/countries.tsv");

/// Nationalities: a country, then its demonyms (only those are listed).
pub const DEMONYMS: &str = include_str!("../../../data/ner/demonyms.tsv");

/// The word classes compiled into the binary: `data/ner/clusters.txt`
/// packed by `build.rs`.
const CLASSES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/clusters.bin"));

/// The compiled-in lists, built on first use (a few milliseconds).
pub fn builtin() -> &'static Gazetteers {
    static G: std::sync::OnceLock<Gazetteers> = std::sync::OnceLock::new();
    G.get_or_init(|| {
        let mut g = Gazetteers::default();
        // Room for every entry (one a line) from the start: the table is
        // not grown and rehashed a dozen times on the way.
        let lines: usize =
            PACKED_ENTRIES + LISTS.iter().map(|(_, t)| t.lines().count()).sum::<usize>();
        g.entries.reserve(lines + lines / 8);
        for (kind, text) in LISTS {
            g.add_list(*kind, text);
        }
        for (kind, packed) in PACKED_LISTS {
            g.add_packed_list(*kind, packed);
        }
        for line in DEMONYMS.lines().filter(|l| !l.starts_with('#')) {
            for d in line.split('\t').skip(1) {
                g.add(DEMONYM, d);
            }
        }
        g.add_packed_classes(CLASSES);
        g
    })
}

#[cfg(test)]
mod tests {
    use super::super::features::TokInfo;
    use super::*;

    #[test]
    fn longest_match_per_list() {
        let mut g = Gazetteers::default();
        g.add_list(PLACE, "# places\nNew York\nYork\nNew York City\n");
        g.add_list(FIRST_NAME, "Jean-Claude\n");
        let words = ["in", "New", "York", "City", "met", "jean-claude"];
        let mut toks: Vec<TokInfo> = words.iter().map(|w| TokInfo::new(w)).collect();
        g.mark(&words, &mut toks);
        let place: Vec<u8> = toks.iter().map(|t| t.gaz[PLACE]).collect();
        assert_eq!(place, [0, 1, 2, 3, 0, 0]);
        assert_eq!(toks[5].gaz[FIRST_NAME], 4);
        assert!(g.contains(PLACE, "new  york"));
        assert!(!g.contains(FIRST_NAME, "New York"));
        // An entry whose first words are no entry themselves is still
        // found (the lookup goes on through the words that begin one).
        g.add(ORG, "Bank of New England");
        let words = ["the", "Bank", "of", "New", "England", "Bank", "of"];
        let mut toks: Vec<TokInfo> = words.iter().map(|w| TokInfo::new(w)).collect();
        g.mark(&words, &mut toks);
        let org: Vec<u8> = toks.iter().map(|t| t.gaz[ORG]).collect();
        assert_eq!(org, [0, 1, 2, 2, 3, 0, 0]);
        assert!(!g.contains(ORG, "Bank of"), "a beginning is no entry");
    }

    /// The packed lists and classes `build.rs` writes are the text files,
    /// entry for entry: what the tagger was trained with.
    #[test]
    fn packed_data_reads_back_as_the_text_files() {
        let texts = [
            include_str!("../../../data/ner/first-names.txt"),
            include_str!("../../../data/ner/surnames.txt"),
            include_str!("../../../data/ner/places.txt"),
            include_str!("../../../data/ner/orgs.txt"),
        ];
        let mut lines = 0;
        for ((kind, packed), text) in PACKED_LISTS.iter().zip(texts) {
            let mut from_text = Gazetteers::default();
            from_text.add_list(*kind, text);
            let mut from_packed = Gazetteers::default();
            from_packed.add_list(*kind, &unpack_list(packed));
            assert!(from_text.entries.len() > 5000, "list {kind}");
            assert_eq!(from_packed.entries, from_text.entries, "list {kind}");
            let mut entry_by_entry = Gazetteers::default();
            entry_by_entry.add_packed_list(*kind, packed);
            assert_eq!(entry_by_entry.entries, from_text.entries, "list {kind}");
            for_front_coded(packed, |_, _| lines += 1);
        }
        assert_eq!(lines, PACKED_ENTRIES, "build.rs counts the packed entries");
        let mut from_text = Gazetteers::default();
        from_text.add_classes(include_str!("../../../data/ner/clusters.txt"));
        let mut from_packed = Gazetteers::default();
        let n = from_packed.add_packed_classes(CLASSES);
        assert!(from_text.classes.len() > 70_000);
        assert_eq!(n, from_text.classes.len());
        assert_eq!(from_packed.classes, from_text.classes);
    }

    /// The one-pass keys of an ASCII entry are the general ones, over
    /// every entry of the lists compiled in and odd ones (white space of
    /// every kind, runs of it, capitals, too many words, none).
    #[test]
    fn ascii_entries_get_the_general_keys() {
        let mut entries: Vec<String> = [
            " Port\x0b\x0c Said  ",
            "a b c d e f",
            "a b c d e f g",
            "",
            " \t ",
            "NEW\rYork\ncity",
            "x",
        ]
        .map(String::from)
        .to_vec();
        for text in LISTS
            .iter()
            .map(|(_, t)| t.to_string())
            .chain(PACKED_LISTS.iter().map(|(_, b)| unpack_list(b)))
        {
            entries.extend(text.lines().flat_map(|l| l.split('\t')).map(String::from));
        }
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let mut ascii = 0;
        for e in entries.iter().filter(|e| e.is_ascii()) {
            ascii += 1;
            let keys = ascii_entry_keys(e.as_bytes(), &mut a);
            assert_eq!((keys, &a), (any_entry_keys(e, &mut b), &b), "{e:?}");
        }
        assert!(ascii > 60_000, "{ascii} entries compared");
    }

    #[test]
    fn front_coding_shares_prefixes_and_survives_bad_bytes() {
        let mut got = Vec::new();
        for_front_coded(b"\x00York\n\x00Zurich\n\x01\xc3\xbcrich\n\x03\n", |k, w| {
            got.push((k, String::from_utf8_lossy(w).into_owned()))
        });
        assert_eq!(
            got,
            [
                (0, "York".to_string()),
                (1, "Zurich".to_string()),
                (2, "Zürich".to_string()),
                (3, "Zü".to_string())
            ]
        );
        // Truncated blobs read less, never panic: nothing when cut before
        // the words, the words before the cut when cut among them.
        let all = Gazetteers::default().add_packed_classes(CLASSES);
        for cut in [0, 3, 5, 6, 100, 2000] {
            assert_eq!(Gazetteers::default().add_packed_classes(&CLASSES[..cut]), 0);
        }
        let some = Gazetteers::default().add_packed_classes(&CLASSES[..CLASSES.len() - 1000]);
        assert!(some > 0 && some < all, "{some} of {all}");
        assert_eq!(unpack_list(b"\xff\xff"), "\u{FFFD}\n");
        // Read entry by entry, a packed list is its text read line by line,
        // odd bytes, comments, tabs and line ends included.
        let odd = b"\x00York\tYork City\n\x00# note\n\x00Zu\xffrich\r\n\x00\n\x00New\rHaven\n\
                    \x00 Port\x0b\x0c Said  \t\t a b c d e f\ta b c d e f g\n\x00S\xc3\xa3o  Paulo\n";
        let mut by_text = Gazetteers::default();
        by_text.add_list(PLACE, &unpack_list(odd));
        let mut by_entry = Gazetteers::default();
        by_entry.add_packed_list(PLACE, odd);
        assert_eq!(by_entry.entries, by_text.entries);
        // York, York City, Zu�rich, New, Haven, Port Said, a … f, São Paulo,
        // and the first words of the longer ones.
        assert_eq!(by_entry.entries.len(), 15);
    }
}
