//! A set of small numbers as bits, which also says where a member's entry is
//! in a list kept beside the set in the members' order: the tagger's model
//! (which feature keys have weights, and which row holds them) and the
//! document's lower case (which tokens differ from it, and where theirs is).
//! A list with an entry for every possible number would take several times
//! the memory where few numbers are members.

/// 64 numbers of the set: which are members, and how many members come
/// before them. Together in 16 bytes, so a lookup reads one place.
#[derive(Debug, Clone, Copy, Default)]
struct Block {
    /// Bit `i`: number `64 * block + i` is a member.
    bits: u64,
    /// Members below this block's first number.
    rank: u32,
}

/// A set of numbers below a bound, with each member's rank.
#[derive(Debug, Clone, Default)]
pub struct RankedBits {
    blocks: Vec<Block>,
}

impl RankedBits {
    /// The set whose members are the set bits of `words`: bit `i % 64` of
    /// word `i / 64` for number `i`.
    pub fn from_words(words: impl IntoIterator<Item = u64>) -> RankedBits {
        let mut rank = 0u32;
        let blocks = words
            .into_iter()
            .map(|bits| {
                let b = Block { bits, rank };
                rank += bits.count_ones();
                b
            })
            .collect();
        RankedBits { blocks }
    }

    /// How many members are smaller than `i`, if `i` is a member.
    #[inline]
    pub fn rank(&self, i: usize) -> Option<usize> {
        let b = self.blocks.get(i / 64)?;
        let bit = 1u64 << (i % 64);
        if b.bits & bit == 0 {
            return None;
        }
        Some(b.rank as usize + (b.bits & (bit - 1)).count_ones() as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_count_the_members_below() {
        let members = [0usize, 1, 63, 64, 65, 200, 1000, 1023];
        let mut words = vec![0u64; 1024 / 64];
        for &m in &members {
            words[m / 64] |= 1 << (m % 64);
        }
        let set = RankedBits::from_words(words);
        for i in 0..1100 {
            let want = members.iter().position(|&m| m == i);
            assert_eq!(set.rank(i), want, "number {i}");
        }
        assert_eq!(RankedBits::default().rank(0), None);
    }
}
