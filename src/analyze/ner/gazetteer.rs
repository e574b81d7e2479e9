//! Name lists the tagger consults: given names, surnames, countries, other
//! places, organisation words and names, titles and nationalities. A match is
//! a feature, not a decision: the model learns how far to trust each list
//! ("May" is a given name and a month, "Georgia" a state, a country and a
//! given name). The lists and their sources are in `data/SOURCES.md`.

use super::features::{fnv, hash_str, HashKeyed, FNV_INIT};

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

/// The key of an entry, as written: the FNV-1a hash of its lower-case words
/// joined by single spaces (fed word by word, as [`Gazetteers::mark`] does
/// over a sentence); `None` for an empty entry or one too long to be looked
/// for.
fn entry_key(entry: &str) -> Option<u64> {
    let mut h = FNV_INIT;
    let mut n = 0;
    for (k, w) in entry.split_whitespace().enumerate() {
        if k > 0 {
            h = fnv(h, b" ");
        }
        h = fnv(h, super::features::fold(w).to_lowercase().as_bytes());
        n += 1;
    }
    (n > 0 && n <= MAX_TOKENS).then_some(h)
}

/// The lists as one table: the hash of an entry's lower-case tokens joined by
/// single spaces, to the lists that hold it (a bit each).
#[derive(Debug, Default)]
pub struct Gazetteers {
    entries: HashKeyed<u8>,
    /// Word classes (see `scripts/build-word-clusters.py`): the hash of a
    /// lower-case word to its fine and coarse class.
    classes: HashKeyed<(u16, u8)>,
}

impl Gazetteers {
    /// Adds every line of `text` (one entry a line; `#` starts a comment
    /// line; a tab separates an entry from its aliases, all added) to list
    /// `kind`.
    pub fn add_list(&mut self, kind: usize, text: &str) {
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            for entry in line.split('\t') {
                self.add(kind, entry);
            }
        }
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

    /// The classes of a word given the hash of its lower-case form.
    pub fn class_of(&self, lower_hash: u64) -> Option<(u16, u8)> {
        self.classes.get(&lower_hash).copied()
    }

    /// Adds one entry to list `kind`.
    pub fn add(&mut self, kind: usize, entry: &str) {
        if let Some(h) = entry_key(entry).filter(|_| kind < GAZ_KINDS) {
            *self.entries.entry(h).or_insert(0) |= 1 << kind;
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
        let lower: Vec<String> = words
            .iter()
            .map(|w| super::features::fold(w).to_lowercase())
            .collect();
        // Per list, the end of the longest match taken so far: a match inside
        // a longer one of the same list is not marked again.
        let mut covered = [0usize; GAZ_KINDS];
        for i in 0..lower.len() {
            let mut h = FNV_INIT;
            let mut best = [0usize; GAZ_KINDS];
            for (n, w) in lower[i..].iter().take(MAX_TOKENS).enumerate() {
                if n > 0 {
                    h = fnv(h, b" ");
                }
                h = fnv(h, w.as_bytes());
                if let Some(&bits) = self.entries.get(&h) {
                    for (k, b) in best.iter_mut().enumerate() {
                        if bits & (1 << k) != 0 {
                            *b = n + 1;
                        }
                    }
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

/// The lists compiled into the binary, by kind (`data/SOURCES.md` says where
/// each comes from; `make ner-data` rebuilds them).
const LISTS: &[(usize, &str)] = &[
    (
        FIRST_NAME,
        include_str!("../../../data/ner/first-names.txt"),
    ),
    (SURNAME, include_str!("../../../data/ner/surnames.txt")),
    (COUNTRY, COUNTRIES),
    (PLACE, include_str!("../../../data/ner/places.txt")),
    (ORG_WORD, include_str!("../../../data/ner/org-words.txt")),
    (ORG, include_str!("../../../data/ner/orgs.txt")),
    (TITLE, include_str!("../../../data/ner/titles.txt")),
];

/// Countries: the name news uses, then its other names, tab-separated (the
/// entity layer also reads it, to give a country one name).
pub const COUNTRIES: &str = include_str!("../../../data/ner/countries.tsv");

/// Nationalities: a country, then its demonyms (only those are listed).
pub const DEMONYMS: &str = include_str!("../../../data/ner/demonyms.tsv");

/// The word classes compiled into the binary.
const CLASSES: &str = include_str!("../../../data/ner/clusters.txt");

/// The compiled-in lists, built on first use (a few milliseconds).
pub fn builtin() -> &'static Gazetteers {
    static G: std::sync::OnceLock<Gazetteers> = std::sync::OnceLock::new();
    G.get_or_init(|| {
        let mut g = Gazetteers::default();
        for (kind, text) in LISTS {
            g.add_list(*kind, text);
        }
        for line in DEMONYMS.lines().filter(|l| !l.starts_with('#')) {
            for d in line.split('\t').skip(1) {
                g.add(DEMONYM, d);
            }
        }
        g.add_classes(CLASSES);
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
    }
}
