//! The trained weights: for each feature key, one small integer weight per
//! label. Stored compactly (keys sorted and delta-coded as varints, weights as
//! zigzag varints of `i16` units of one scale) because the model ships inside
//! the page; loaded once into a table indexed by the key itself (keys are
//! `KEY_BITS` wide), because every token asks it ~50 questions.

use super::tags::N_TAGS;

const MAGIC: &[u8; 6] = b"ALNER\0";
const FORMAT: u16 = 2;
/// The largest weight's integer value, at most.
pub const MAX_UNIT: f32 = 32767.0;

/// The weights, ready to score.
#[derive(Debug, Clone)]
pub struct Model {
    /// Key → row + 1 (0: no weights). Feature keys have
    /// [`KEY_BITS`](super::features::KEY_BITS) bits, so the key itself is the
    /// index: one memory access instead of a probe, a key compare and a second
    /// access (the tagger's time is these cache misses).
    slots: Vec<u32>,
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

impl Model {
    /// Serialises weights given as (key, float weights per label). Weights
    /// are integers in units of 1/32767 of the largest, written as zigzag
    /// varints label by label: the decisions are made on margins of a fraction
    /// of a unit next to bias weights in the hundreds, so the precision must be
    /// absolute (8-bit codes, linear or logarithmic, cost two points of F1),
    /// while most weights are small and take one or two bytes. Weights under
    /// `prune` times the largest are dropped, and rows left empty with them.
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
        // Label by label (column-major): each label's column is mostly zeros
        // and compresses far better on its own.
        for t in 0..N_TAGS {
            for (_, q) in &kept {
                let v = q[t] as i32;
                varint(&mut out, ((v << 1) ^ (v >> 31)) as u32);
            }
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
        let mut weights = vec![0i16; n * N_TAGS];
        for t in 0..N_TAGS {
            for r in 0..n {
                let z = read_varint(b, &mut pos).ok_or(bad.clone())?;
                let v = ((z >> 1) as i32) ^ -((z & 1) as i32);
                weights[r * N_TAGS + t] = v.clamp(-32767, 32767) as i16;
            }
        }
        let max_key = keys.last().copied().unwrap_or(0);
        if max_key >= 1 << super::features::KEY_BITS {
            return Err(BadModel("model has keys wider than the features"));
        }
        let mut slots = vec![0u32; max_key as usize + 1];
        for (r, &k) in keys.iter().enumerate() {
            slots[k as usize] = r as u32 + 1;
        }
        Ok(Model {
            slots,
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
        let r = *self.slots.get(key as usize)? as usize;
        (r > 0).then(|| &self.weights[(r - 1) * N_TAGS..r * N_TAGS])
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
    }
}
