//! The trained weights: for each feature key, one small integer weight per
//! label. Stored compactly because the model ships inside the page (it was a
//! fifth of the download); loaded once into a bitmap of the keys with their
//! ranks (keys are `KEY_BITS` wide), because every token asks it ~60
//! questions.
//!
//! The file (format 3), after a header, in streams that gzip (the page is
//! served gzipped) compresses well one by one:
//!
//! 1. the keys, sorted, as varints of their differences;
//! 2. which labels of each row have a weight: a 16-bit mask a row, as two
//!    planes of bytes (low bytes of every row, then high bytes), since most
//!    rows share a few patterns and the high plane is mostly zeros;
//! 3. the weights, label by label (each label's column on its own compresses
//!    far better), zigzag varints, only where the mask says, and without each
//!    row's first weight;
//! 4. each row's sum, a zigzag varint. The perceptron moves the right label up
//!    and the wrong one down by the same amount, so a row sums to zero but
//!    for rounding: the sum is 0 or ±1 in 92 % of the shipped model's rows and
//!    costs a fraction of the weight it stands for (the first one is the sum
//!    minus the others).
//!
//! Nothing is approximated: a model reads back exactly as written (format 2,
//! the same weights as varints label by label, was 313 KB by `gzip -9`;
//! this is 241 KB).

use super::tags::N_TAGS;
use crate::bits::RankedBits;

const MAGIC: &[u8; 6] = b"ALNER\0";
const FORMAT: u16 = 3;
/// Masks are 16 bits wide.
const _: () = assert!(N_TAGS <= 16);
/// The largest weight's integer value, at most.
pub const MAX_UNIT: f32 = 32767.0;

/// The weights, ready to score.
#[derive(Debug, Clone)]
pub struct Model {
    /// Which keys have a row, and which: a key's row is its rank among
    /// them. Feature keys have [`KEY_BITS`](super::features::KEY_BITS)
    /// bits, so this is 256 KB (16,384 blocks of 16 bytes) where a table of
    /// a row number a key took 4 MB: the tagger asks it ~60 times a token
    /// at random places, and a table that stays in the processor's cache
    /// answers faster (and the page's first analysis no longer fills 4 MB).
    keys: RankedBits,
    /// Number of rows.
    rows: usize,
    weights: Vec<i16>,
    /// The largest weight (for reporting; decisions need only the integer
    /// sums, in units of `scale / 32767`).
    pub scale: f32,
    /// The feature version the model was trained with.
    pub feature_version: u32,
}

/// Why a model could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadModel(pub &'static str);

fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read_varint(b: &[u8], pos: &mut usize) -> Option<u32> {
    let mut v: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *b.get(*pos)?;
        *pos += 1;
        v |= ((byte & 0x7f) as u32).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

fn zigzag(v: i32) -> u32 {
    ((v << 1) ^ (v >> 31)) as u32
}

fn unzigzag(z: u32) -> i32 {
    ((z >> 1) as i32) ^ -((z & 1) as i32)
}

/// The labels of a row that have a weight, a bit each.
fn mask(q: &[i16; N_TAGS]) -> u16 {
    q.iter()
        .enumerate()
        .filter(|(_, &v)| v != 0)
        .fold(0, |m, (t, _)| m | 1 << t)
}

/// The row's first label with a weight: the one its sum stands for (the
/// outside label, when it has one, whose column compresses worst).
fn first(mask: u16) -> usize {
    mask.trailing_zeros() as usize
}

impl Model {
    /// Serialises weights given as (key, float weights per label). Weights
    /// are integers in units of 1/`unit` of the largest (at most 1/32767;
    /// the shipped model uses 1/500), written as zigzag varints: the decisions
    /// are made on margins of a fraction of a unit next to bias weights in the
    /// hundreds, so the precision must be absolute (8-bit codes, linear or
    /// logarithmic, cost two points of F1), while most weights are small and
    /// take one or two bytes. Weights under `prune` times the largest are
    /// dropped, and rows left empty with them. The layout is in the module's
    /// documentation.
    pub fn encode(
        rows: &[(u32, [f32; N_TAGS])],
        feature_version: u32,
        prune: f32,
        unit: f32,
    ) -> Vec<u8> {
        let unit = unit.clamp(1.0, MAX_UNIT);
        let max = rows
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let max = if max > 0.0 { max } else { 1.0 };
        let floor = max * prune;
        let mut kept: Vec<(u32, [i16; N_TAGS])> = rows
            .iter()
            .map(|(k, w)| {
                let mut q = [0i16; N_TAGS];
                for (q, &w) in q.iter_mut().zip(w) {
                    if w.abs() >= floor {
                        *q = (w / max * unit).round().clamp(-unit, unit) as i16;
                    }
                }
                (*k, q)
            })
            .filter(|(_, q)| q.iter().any(|&v| v != 0))
            .collect();
        kept.sort_by_key(|r| r.0);
        kept.dedup_by_key(|r| r.0);
        let mut out = Vec::with_capacity(kept.len() * (N_TAGS + 3) + 32);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&feature_version.to_le_bytes());
        out.push(N_TAGS as u8);
        out.extend_from_slice(&max.to_le_bytes());
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        let mut last = 0u32;
        for (k, _) in &kept {
            varint(&mut out, k - last);
            last = *k;
        }
        let masks: Vec<u16> = kept.iter().map(|(_, q)| mask(q)).collect();
        for plane in [0, 8] {
            out.extend(masks.iter().map(|m| (m >> plane) as u8));
        }
        for t in 0..N_TAGS {
            for ((_, q), &m) in kept.iter().zip(&masks) {
                if m & (1 << t) != 0 && first(m) != t {
                    varint(&mut out, zigzag(q[t] as i32));
                }
            }
        }
        for (_, q) in &kept {
            varint(&mut out, zigzag(q.iter().map(|&v| v as i32).sum()));
        }
        out
    }

    /// Reads a model written by [`Model::encode`].
    pub fn decode(b: &[u8]) -> Result<Model, BadModel> {
        let bad = BadModel("truncated model");
        if b.get(..6) != Some(MAGIC.as_slice()) {
            return Err(BadModel("not an article-lens tagger model"));
        }
        let u16_at = |p: usize| b.get(p..p + 2).map(|s| u16::from_le_bytes([s[0], s[1]]));
        let u32_at = |p: usize| {
            b.get(p..p + 4)
                .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        };
        if u16_at(6) != Some(FORMAT) {
            return Err(BadModel("model format not supported"));
        }
        let feature_version = u32_at(8).ok_or(bad.clone())?;
        if b.get(12).copied() != Some(N_TAGS as u8) {
            return Err(BadModel("model has another label set"));
        }
        let scale = f32::from_bits(u32_at(13).ok_or(bad.clone())?);
        let n = u32_at(17).ok_or(bad.clone())? as usize;
        let mut pos = 21;
        if n > b.len() {
            return Err(bad);
        }
        let mut keys = Vec::with_capacity(n);
        let mut last = 0u32;
        for _ in 0..n {
            let d = read_varint(b, &mut pos).ok_or(bad.clone())?;
            last = last.checked_add(d).ok_or(bad.clone())?;
            keys.push(last);
        }
        let planes = b.get(pos..pos + 2 * n).ok_or(bad.clone())?;
        pos += 2 * n;
        let masks: Vec<u16> = (0..n)
            .map(|r| planes[r] as u16 | (planes[n + r] as u16) << 8)
            .collect();
        if masks.iter().any(|&m| m == 0 || m >> N_TAGS != 0) {
            return Err(BadModel("model has a row without weights"));
        }
        let mut weights = vec![0i16; n * N_TAGS];
        for t in 0..N_TAGS {
            for (r, &m) in masks.iter().enumerate() {
                if m & (1 << t) != 0 && first(m) != t {
                    let v = unzigzag(read_varint(b, &mut pos).ok_or(bad.clone())?);
                    weights[r * N_TAGS + t] = v.clamp(-32767, 32767) as i16;
                }
            }
        }
        for (r, &m) in masks.iter().enumerate() {
            let sum = unzigzag(read_varint(b, &mut pos).ok_or(bad.clone())?) as i64;
            let row = &mut weights[r * N_TAGS..(r + 1) * N_TAGS];
            let rest: i64 = row.iter().map(|&v| v as i64).sum();
            let w = sum - rest;
            if w == 0 || w.abs() > 32767 {
                return Err(BadModel("model row does not add up"));
            }
            row[first(m)] = w as i16;
        }
        if pos != b.len() {
            return Err(BadModel("model has trailing bytes"));
        }
        let max_key = keys.last().copied().unwrap_or(0);
        if max_key >= 1 << super::features::KEY_BITS {
            return Err(BadModel("model has keys wider than the features"));
        }
        // Keys are sorted, and rows are in key order: a key's row is the
        // number of keys below it.
        let mut words = vec![0u64; (max_key as usize >> 6) + 1];
        for &k in &keys {
            words[k as usize >> 6] |= 1 << (k & 63);
        }
        Ok(Model {
            keys: RankedBits::from_words(words),
            rows: n,
            weights,
            scale,
            feature_version,
        })
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether the model has no weights at all.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The weights of one feature, if it has any.
    #[inline]
    pub fn row(&self, key: u32) -> Option<&[i16]> {
        let r = self.keys.rank(key as usize)?;
        Some(&self.weights[r * N_TAGS..(r + 1) * N_TAGS])
    }

    /// Adds the weights of `features` into `scores`.
    #[inline]
    pub fn score(&self, features: &[u32], scores: &mut [i32; N_TAGS]) {
        *scores = [0; N_TAGS];
        for &f in features {
            if let Some(w) = self.row(f) {
                for (s, &w) in scores.iter_mut().zip(w) {
                    *s += w as i32;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refusals() {
        let mut a = [0f32; N_TAGS];
        a[1] = 2.0;
        a[0] = -1.0;
        let mut b = [0f32; N_TAGS];
        b[3] = 0.002;
        b[4] = 0.000_01;
        let zero = [0f32; N_TAGS];
        let bytes = Model::encode(&[(77, a), (5, b), (9, zero)], 42, 0.0, MAX_UNIT);
        let m = Model::decode(&bytes).unwrap();
        assert_eq!(m.feature_version, 42);
        assert_eq!(m.len(), 2, "the all-zero row is dropped");
        let near = |got: i16, want: f32| ((got as f32 / 32767.0 * 2.0) - want).abs() <= 1e-4;
        assert!(near(m.row(77).unwrap()[1], 2.0));
        assert!(near(m.row(77).unwrap()[0], -1.0));
        assert!(near(m.row(5).unwrap()[3], 0.002), "small weights survive");
        assert_eq!(m.row(5).unwrap()[4], 0, "weights under a unit are zero");
        assert!(m.row(9).is_none());
        let mut s = [0; N_TAGS];
        m.score(&[77, 5, 1234], &mut s);
        assert!(s[1] > 32000 && s[0] < -16000 && s[3] > 0);
        for cut in [0, 5, 12, 20, bytes.len() - 1] {
            assert!(Model::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let wide = Model::encode(
            &[(1 << super::super::features::KEY_BITS, a)],
            42,
            0.0,
            MAX_UNIT,
        );
        assert!(
            Model::decode(&wide).is_err(),
            "keys wider than the features are refused"
        );
        let pruned = Model::decode(&Model::encode(&[(77, a), (5, b)], 42, 0.01, MAX_UNIT)).unwrap();
        assert_eq!(
            pruned.len(),
            1,
            "pruning drops rows whose weights are all small"
        );
        let mut bad_sum = bytes.clone();
        *bad_sum.last_mut().unwrap() ^= 2;
        assert!(
            Model::decode(&bad_sum).is_err(),
            "a row whose sum does not match is refused"
        );
    }

    /// Every weight reads back exactly as the encoder rounded it, in rows of
    /// every shape (one weight, many, sums of zero and not), so the format's
    /// tricks (masks, the first weight stood for by the row's sum) lose
    /// nothing.
    #[test]
    fn reads_back_exactly() {
        let mut next = super::super::xorshift(0x9e37_79b9_7f4a_7c15);
        let mut rows = Vec::new();
        for k in 0..5000u32 {
            let mut w = [0f32; N_TAGS];
            let shape = next();
            for (t, w) in w.iter_mut().enumerate() {
                if shape >> t & 1 == 1 {
                    *w = (next() % 20_001) as f32 / 100.0 - 100.0;
                }
            }
            if k % 3 == 0 {
                // A perceptron's row: the weights add up to zero.
                let s: f32 = w.iter().sum();
                w[(shape % N_TAGS as u64) as usize] -= s;
            }
            rows.push((k * 7 + (next() % 7) as u32, w));
        }
        let unit = 500.0;
        let m = Model::decode(&Model::encode(&rows, 1, 0.0, unit)).unwrap();
        let max = rows
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let mut nonempty = 0;
        for (k, w) in &rows {
            let want: Vec<i16> = w.iter().map(|w| (w / max * unit).round() as i16).collect();
            if want.iter().all(|&v| v == 0) {
                assert!(m.row(*k).is_none());
            } else {
                nonempty += 1;
                assert_eq!(m.row(*k).unwrap(), want.as_slice(), "row {k}");
            }
        }
        assert_eq!(m.len(), nonempty);
    }
}
