//! The tagger's labels: BIO over four types. MISC (events, nationalities,
//! works, products) is learned so that those names are not forced into
//! PER/ORG/LOC; the article's entities keep PER, ORG and LOC and turn
//! nationalities into groups.

/// Entity types, in the order of [`Tag`]'s pairs.
pub const TYPES: usize = 4;
/// Names of the types, as CoNLL writes them.
pub const TYPE_NAMES: [&str; TYPES] = ["PER", "ORG", "LOC", "MISC"];
/// Number of labels.
pub const N_TAGS: usize = 1 + 2 * TYPES;

/// A label: outside, or the beginning or inside of a name of a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tag {
    O = 0,
    BPer = 1,
    IPer = 2,
    BOrg = 3,
    IOrg = 4,
    BLoc = 5,
    ILoc = 6,
    BMisc = 7,
    IMisc = 8,
}

/// All labels by index.
pub const ALL: [Tag; N_TAGS] = [
    Tag::O,
    Tag::BPer,
    Tag::IPer,
    Tag::BOrg,
    Tag::IOrg,
    Tag::BLoc,
    Tag::ILoc,
    Tag::BMisc,
    Tag::IMisc,
];

/// The padding "label" before the first token (distinct from `O`).
pub const START: Tag = Tag::O;

impl Tag {
    /// The label of an index (out of range is `O`).
    pub fn from_index(i: usize) -> Tag {
        ALL.get(i).copied().unwrap_or(Tag::O)
    }

    /// The type index (0 PER, 1 ORG, 2 LOC, 3 MISC), `None` for `O`.
    pub fn kind(self) -> Option<usize> {
        match self {
            Tag::O => None,
            t => Some((t as usize - 1) / 2),
        }
    }

    /// Whether the label begins a name.
    pub fn is_begin(self) -> bool {
        self != Tag::O && (self as usize) % 2 == 1
    }

    /// The beginning label of a type.
    pub fn begin(kind: usize) -> Tag {
        Tag::from_index(1 + 2 * kind)
    }

    /// The inside label of a type.
    pub fn inside(kind: usize) -> Tag {
        Tag::from_index(2 + 2 * kind)
    }

    /// Whether this label may follow `prev`: inside only continues a name of
    /// the same type.
    pub fn may_follow(self, prev: Tag) -> bool {
        match self {
            Tag::O => true,
            t if t.is_begin() => true,
            t => prev.kind() == t.kind(),
        }
    }

    /// The label from a CoNLL tag ("I-PER", "B-LOC", "O"), converting IOB1
    /// (where "I-" begins a name unless it continues one) to BIO.
    pub fn from_conll(tag: &str, prev: Tag) -> Tag {
        let kind = match tag.get(2..) {
            Some("PER") => 0,
            Some("ORG") => 1,
            Some("LOC") => 2,
            Some("MISC") => 3,
            _ => return Tag::O,
        };
        if tag.starts_with("B-") || prev.kind() != Some(kind) {
            Tag::begin(kind)
        } else {
            Tag::inside(kind)
        }
    }
}

/// The names in a labelled sentence: (first token, end token, type).
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, t) in tags.iter().enumerate() {
        let continues = !t.is_begin() && t.kind().is_some() && open.map(|o| o.1) == t.kind();
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push((s, i, k));
            }
            if let Some(k) = t.kind() {
                open = Some((i, k));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_becomes_bio() {
        let raw = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"];
        let mut prev = START;
        let tags: Vec<Tag> = raw
            .iter()
            .map(|r| {
                prev = Tag::from_conll(r, prev);
                prev
            })
            .collect();
        assert_eq!(
            tags,
            [
                Tag::BPer,
                Tag::IPer,
                Tag::O,
                Tag::BLoc,
                Tag::BLoc,
                Tag::BOrg
            ]
        );
        assert_eq!(spans(&tags), [(0, 2, 0), (3, 4, 2), (4, 5, 2), (5, 6, 1)]);
    }

    #[test]
    fn inside_continues_only_its_type() {
        assert!(Tag::IPer.may_follow(Tag::BPer));
        assert!(!Tag::IPer.may_follow(Tag::BOrg));
        assert!(!Tag::ILoc.may_follow(Tag::O));
        assert!(Tag::BLoc.may_follow(Tag::O));
    }
}
