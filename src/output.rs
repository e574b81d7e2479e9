//! The analysis as it leaves the library: format 1, documented field by field
//! in `docs/FORMAT.md`. These names are a contract with the page, the CLI's
//! users and outside tools; change them only with a new format number.
//!
//! Offsets: analyzers work in byte offsets into the analysed text, the natural
//! unit in Rust. Everything that leaves the library counts UTF-16 code units
//! instead, because that is what JavaScript's `String.prototype.slice` counts:
//! `text.slice(start, end)` in a browser is exactly the span. The conversion
//! happens once, at the end, in [`Utf16Map`] and [`Remap`].

use crate::input::boilerplate::Reason;
use crate::options::{Date, InputKind};
use serde::Serialize;

/// Serializes a name from a fixed set (a kind, a type, a label) as the
/// string it is, through `serialize_unit_variant`: a JSON writer writes it as
/// any string, and the browser module's serializer (serde-wasm-bindgen) makes
/// the JavaScript string of each distinct name once and reuses it, where a
/// string field is decoded into a new JavaScript string every time (tens of
/// thousands of "DATE", "named", "indirect" on a long text).
fn name<S: serde::Serializer>(name: &&'static str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_unit_variant("", 0, name)
}

/// The version of this format. Bumped when a name or a meaning changes, not
/// when a field is added.
pub const FORMAT: u32 = 1;

/// A span of the analysed text: `[start, end)` (UTF-16 code units once the
/// analysis is returned).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
}

/// Which program wrote the analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Generator {
    pub name: &'static str,
    pub version: &'static str,
}

/// How the input was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputInfo {
    /// `text` or `html`: what the input was taken for (after auto-detection).
    pub kind: InputKind,
    /// The text was analysed exactly as given.
    pub raw: bool,
    /// Size of the input in bytes of UTF-8.
    pub bytes: usize,
    /// The date relative expressions are resolved against: the caller's, else
    /// the published date from the metadata, else none.
    pub reference_date: Option<Date>,
}

/// Something about the input the user should know: what was repaired or skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// Stable name: `lines_joined`, `control_characters`, `mojibake_repaired`,
    /// `markup_skipped`, `all_removed`, `lossy_decoding`.
    #[serde(serialize_with = "name")]
    pub kind: &'static str,
    pub message: String,
}

impl Notice {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Notice {
        Notice {
            kind,
            message: message.into(),
        }
    }
}

/// What the article says about itself. Every field may be null.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Meta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub authors: Vec<String>,
    /// As found (ISO 8601 where the source gives it).
    pub published: Option<String>,
    pub modified: Option<String>,
    pub site: Option<String>,
    pub lang: Option<String>,
    pub url: Option<String>,
    pub image: Option<String>,
    pub description: Option<String>,
}

/// An image of the article: its address as the page gives it (never loaded)
/// and its text alternative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Image {
    pub src: String,
    pub alt: Option<String>,
}

/// A block taken out of the analysed text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    /// The block's text, as it would have appeared.
    pub text: String,
    /// Why: a kebab-case name (`cookie-notice`, `advertisement`, …).
    pub reason: Reason,
    /// A description of the reason for people.
    #[serde(serialize_with = "name")]
    pub label: &'static str,
    /// The block's number among the input's blocks; pass it in `Options::keep`
    /// to put the block back.
    pub block: usize,
    /// Where in `text` the block stood (the offset it would be restored at).
    pub at: u32,
}

impl Removed {
    /// `at` is a byte offset until [`Analysis::into_utf16`] converts it.
    pub(crate) fn new(text: &str, reason: Reason, block: usize, at: usize) -> Removed {
        Removed {
            text: text.to_string(),
            reason,
            label: reason.label(),
            block,
            at: at as u32,
        }
    }
}

/// A sentence and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub start: u32,
    pub end: u32,
    /// Index into `paragraphs`.
    pub paragraph: u32,
}

/// The sentence with the most words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LongestSentence {
    /// Index into `sentences`.
    pub index: u32,
    pub words: u32,
}

/// Counts and readability scores. Scores are null when the text has no words.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Stats {
    pub words: u32,
    pub sentences: u32,
    pub paragraphs: u32,
    /// User-perceived characters (grapheme clusters), line breaks excluded.
    pub characters: u32,
    pub characters_no_spaces: u32,
    pub syllables: u32,
    /// Words of three or more syllables, as Gunning counts them.
    pub complex_words: u32,
    /// At 238 words a minute, the average silent reading rate for non-fiction.
    pub reading_time_seconds: u32,
    pub reading_time_minutes: u32,
    pub flesch_reading_ease: Option<f64>,
    pub flesch_kincaid_grade: Option<f64>,
    pub gunning_fog: Option<f64>,
    pub avg_sentence_words: Option<f64>,
    pub longest_sentence: Option<LongestSentence>,
}

/// An entity mentioned in the text (filled by the entity analyzer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Its index in `entities`; quotes refer to it.
    pub id: u32,
    /// `PERSON`, `ORG`, `PLACE`, `GROUP`.
    #[serde(rename = "type", serialize_with = "name")]
    pub kind: &'static str,
    /// The fullest name the text gives it (a country's usual name).
    pub name: String,
    /// Its first mention (also `mentions[0]`).
    pub first: Span,
    /// How many times it is mentioned.
    pub count: u32,
    /// Every mention, in text order: the name only, without titles or a
    /// possessive "'s".
    pub mentions: Vec<Span>,
    /// The other names it goes by in the text ("Biden", "NATO", "U.S.").
    pub aliases: Vec<String>,
    /// Titles and roles written beside it ("US President", "Kremlin
    /// assistant").
    pub roles: Vec<String>,
}

/// The speaker mention of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    pub start: u32,
    pub end: u32,
    pub text: String,
}

/// A quotation or a report of speech (filled by the quotes analyzer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The whole quotation with its marks; for `indirect`, the reported
    /// clause. A quote running over several paragraphs is one quote.
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// `direct`, `partial`, `indirect`, `scare`. (Names, not `String`s: a
    /// long text has tens of thousands of quotes, each two allocations.)
    #[serde(serialize_with = "name")]
    pub kind: &'static str,
    /// The words quoted: inside the marks, or the reported clause.
    pub content: Span,
    /// The attribution's words ("said", "according to").
    pub cue: Option<Span>,
    /// The speaker as written in this clause ("he", "a senior official").
    pub speaker: Option<Speaker>,
    /// The speaker's entity id.
    pub entity: Option<u32>,
    /// `named`, `anonymous`, `unknown`.
    #[serde(serialize_with = "name")]
    pub source: &'static str,
    /// Index into `sources`.
    pub source_id: Option<u32>,
}

/// Someone the article quotes or reports: an entity, or an unnamed source
/// by its description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteSource {
    /// Its index in `sources`; quotes refer to it.
    pub id: u32,
    /// The entity's name, or the description ("a senior administration
    /// official").
    pub name: String,
    /// `named` or `anonymous`.
    #[serde(serialize_with = "name")]
    pub kind: &'static str,
    pub entity: Option<u32>,
    /// The entity's first role, if it has one.
    pub role: Option<String>,
    /// Attributions of every kind.
    pub quotes: u32,
    /// Direct and partial quotes.
    pub direct: u32,
    /// Words inside its direct and partial quotes.
    pub words: u32,
}

/// A time expression (filled by the time analyzer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeExpr {
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// `DATE`, `TIME`, `DURATION`, `SET` (a name, not a `String` a time).
    #[serde(rename = "type")]
    #[serde(serialize_with = "name")]
    pub kind: &'static str,
    /// The TIMEX3 value.
    pub value: String,
}

/// A dated event on the timeline: a time expression the calendar can place
/// and the sentence it is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    /// Index into `times`.
    pub time: u32,
    /// Index into `sentences`.
    pub sentence: u32,
    /// The expression's TIMEX3 value.
    pub value: String,
    /// The first and the last day the value covers, `YYYY-MM-DD` ("2021-W52"
    /// runs from 2021-12-27 to 2022-01-02), what the timeline is sorted by.
    pub from: String,
    pub to: String,
}

/// A number and what it counts (filled by the quantities analyzer).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// `number`, `money`, `percent`, `measure`, `ordinal`, `fraction`, `age`.
    /// (A name, not a `String`: a table of figures has a quantity every
    /// few bytes.)
    #[serde(serialize_with = "name")]
    pub kind: &'static str,
    /// The number as written (scaled: "1.5 million" is 1500000); null for a
    /// range and for a vague plural ("hundreds of").
    pub value: Option<f64>,
    /// The bounds the words give: both for a range, `low` for "more than"
    /// or "hundreds of", `high` for "up to" or "nearly".
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    pub counted: Option<String>,
}

/// A key phrase, best first (filled by the key-phrase analyzer).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyphrase {
    pub text: String,
    pub score: f64,
}

/// A text-quality warning (filled by the quality analyzer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub start: u32,
    pub end: u32,
    #[serde(serialize_with = "name")]
    pub kind: &'static str,
    pub message: String,
}

/// The whole analysis of one article: format 1.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// Always [`FORMAT`].
    pub format: u32,
    pub generator: Generator,
    pub input: InputInfo,
    pub notices: Vec<Notice>,
    /// The analysed text. Every offset in the analysis points into it.
    pub text: String,
    pub meta: Meta,
    pub removed: Vec<Removed>,
    pub paragraphs: Vec<Paragraph>,
    /// Images of the article (HTML input): addresses only, never loaded.
    pub images: Vec<Image>,
    pub sentences: Vec<Sentence>,
    pub stats: Stats,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    /// Who the quotes come from, the most quoted first.
    pub sources: Vec<QuoteSource>,
    pub times: Vec<TimeExpr>,
    /// The anchored times, earliest first.
    pub timeline: Vec<TimelineEntry>,
    pub quantities: Vec<Quantity>,
    pub keyphrases: Vec<Keyphrase>,
    /// Indexes into `sentences`, in text order.
    pub summary: Vec<u32>,
    pub warnings: Vec<Warning>,
}

impl Analysis {
    /// The text between two UTF-16 offsets, as JavaScript's `slice` would give
    /// it; `None` when an offset is out of range or splits a character.
    pub fn slice(&self, start: u32, end: u32) -> Option<&str> {
        let (mut units, mut b_start, mut b_end) = (0u32, None, None);
        for (i, c) in self.text.char_indices() {
            if units == start {
                b_start = Some(i);
            }
            if units == end {
                b_end = Some(i);
            }
            units += c.len_utf16() as u32;
        }
        if units == start {
            b_start = Some(self.text.len());
        }
        if units == end {
            b_end = Some(self.text.len());
        }
        match (b_start, b_end) {
            (Some(s), Some(e)) if s <= e => Some(&self.text[s..e]),
            _ => None,
        }
    }
}

/// Converts byte offsets of one text into UTF-16 offsets in O(1) memory per
/// 64 bytes: a checkpoint every [`Utf16Map::STRIDE`] bytes holds the UTF-16
/// count so far, and a lookup counts at most one stride of bytes from there.
/// ASCII text, the common case, needs no table at all.
pub struct Utf16Map<'a> {
    bytes: &'a [u8],
    checkpoints: Option<Vec<u32>>,
}

impl<'a> Utf16Map<'a> {
    const STRIDE: usize = 64;

    pub fn new(text: &'a str) -> Utf16Map<'a> {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return Utf16Map {
                bytes,
                checkpoints: None,
            };
        }
        let mut checkpoints = Vec::with_capacity(bytes.len() / Self::STRIDE + 1);
        let mut units = 0u32;
        for chunk in bytes.chunks(Self::STRIDE) {
            checkpoints.push(units);
            units += chunk.iter().map(|&b| utf16_units_of_byte(b)).sum::<u32>();
        }
        checkpoints.push(units);
        Utf16Map {
            bytes,
            checkpoints: Some(checkpoints),
        }
    }

    /// The UTF-16 offset of byte offset `byte` (which must be a char boundary
    /// or the end).
    pub fn at(&self, byte: u32) -> u32 {
        let Some(cp) = &self.checkpoints else {
            return byte;
        };
        let byte = (byte as usize).min(self.bytes.len());
        let k = byte / Self::STRIDE;
        let base = k * Self::STRIDE;
        cp[k]
            + self.bytes[base..byte]
                .iter()
                .map(|&b| utf16_units_of_byte(b))
                .sum::<u32>()
    }
}

/// UTF-16 units contributed by one UTF-8 byte: a lead byte of a 1-3 byte
/// sequence is one unit, of a 4-byte sequence two (a surrogate pair),
/// continuation bytes none.
fn utf16_units_of_byte(b: u8) -> u32 {
    match b {
        0x80..=0xBF => 0,
        0xF0..=0xFF => 2,
        _ => 1,
    }
}

/// Rewrites byte offsets into UTF-16 offsets, in place. Every output type that
/// holds an offset implements it, so adding a layer means adding one impl.
pub trait Remap {
    fn remap(&mut self, map: &Utf16Map);
}

/// A paragraph of the text and what it is in the article's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub start: u32,
    pub end: u32,
    /// `paragraph`, `heading`, `list-item`, `quote`, `code`, `caption` or
    /// `table-row` (HTML input; plain text gives `paragraph`).
    pub kind: crate::input::html::BlockKind,
}

impl Remap for Paragraph {
    fn remap(&mut self, map: &Utf16Map) {
        self.start = map.at(self.start);
        self.end = map.at(self.end);
    }
}

impl Remap for Span {
    fn remap(&mut self, map: &Utf16Map) {
        self.start = map.at(self.start);
        self.end = map.at(self.end);
    }
}

impl<T: Remap> Remap for Vec<T> {
    fn remap(&mut self, map: &Utf16Map) {
        for item in self {
            item.remap(map);
        }
    }
}

impl<T: Remap> Remap for Option<T> {
    fn remap(&mut self, map: &Utf16Map) {
        if let Some(item) = self {
            item.remap(map);
        }
    }
}

/// Types whose only offsets are a `start` and an `end`.
macro_rules! remap_start_end {
    ($($t:ty),*) => {$(
        impl Remap for $t {
            fn remap(&mut self, map: &Utf16Map) {
                self.start = map.at(self.start);
                self.end = map.at(self.end);
            }
        }
    )*};
}
remap_start_end!(Sentence, Speaker, TimeExpr, Quantity, Warning);

impl Remap for Removed {
    fn remap(&mut self, map: &Utf16Map) {
        self.at = map.at(self.at);
    }
}

impl Remap for Entity {
    fn remap(&mut self, map: &Utf16Map) {
        self.mentions.remap(map);
        self.first.remap(map);
    }
}

impl Remap for Quote {
    fn remap(&mut self, map: &Utf16Map) {
        self.start = map.at(self.start);
        self.end = map.at(self.end);
        self.content.remap(map);
        self.cue.remap(map);
        self.speaker.remap(map);
    }
}

impl Analysis {
    /// Converts every offset from bytes to UTF-16 units. Called once by
    /// [`crate::analyze`]; listing each layer here is what keeps a new layer
    /// from leaking byte offsets.
    #[inline(never)] // a function of its own in the browser module: see `lib.rs`
    pub(crate) fn into_utf16(mut self) -> Analysis {
        let text = std::mem::take(&mut self.text);
        {
            let map = Utf16Map::new(&text);
            self.removed.remap(&map);
            self.paragraphs.remap(&map);
            self.sentences.remap(&map);
            self.entities.remap(&map);
            self.quotes.remap(&map);
            self.times.remap(&map);
            self.quantities.remap(&map);
            self.warnings.remap(&map);
        }
        self.text = text;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_map_matches_a_char_walk() {
        let text = "a é 日本 😀 e\u{301} \u{1F1EB}\u{1F1F7} end".repeat(20);
        let map = Utf16Map::new(&text);
        let mut units = 0u32;
        for (i, c) in text.char_indices() {
            assert_eq!(map.at(i as u32), units, "byte {i}");
            units += c.len_utf16() as u32;
        }
        assert_eq!(map.at(text.len() as u32), units);
        let ascii = Utf16Map::new("plain");
        assert_eq!(ascii.at(3), 3);
    }
}
