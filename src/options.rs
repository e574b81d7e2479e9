//! What the caller can ask of [`crate::analyze`].

use crate::error::{Error, ErrorKind};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The default ceiling on input size. A long feature article is 50 KB; a saved
/// page with inline scripts and styles can reach a few MB. 50 MB keeps a paste of
/// a whole archive from exhausting a browser tab's memory (the analysis holds
/// several copies: input, clean text, spans) while leaving room for any real page.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// How to read the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    /// Decide from the content: markup that starts like an HTML document or a
    /// browser's clipboard fragment is HTML, everything else is text.
    #[default]
    Auto,
    /// Plain text, even if it contains angle brackets.
    Text,
    /// An HTML document or fragment.
    Html,
}

impl FromStr for InputKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "auto" => Ok(InputKind::Auto),
            "text" => Ok(InputKind::Text),
            "html" => Ok(InputKind::Html),
            other => Err(Error::new(
                ErrorKind::InvalidOption,
                format!("The input kind \"{other}\" is not known; use auto, text or html."),
            )),
        }
    }
}

/// A calendar date (proleptic Gregorian), the reference against which relative
/// time expressions ("on Thursday", "last year") are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1 to 9999 (TIMEX3 values are four-digit years).
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to the month's length.
    pub day: u8,
}

impl Date {
    /// Builds a date, refusing ones the calendar does not have (2023-02-29).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let ok = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl FromStr for Date {
    type Err = Error;
    /// Parses exactly `YYYY-MM-DD`, the ISO 8601 calendar date.
    fn from_str(s: &str) -> Result<Date, Error> {
        let bad = || {
            Error::new(
                ErrorKind::InvalidOption,
                format!("The reference date \"{s}\" is not a date in the form YYYY-MM-DD (for example 2022-01-04)."),
            )
        };
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
            return Err(bad());
        };
        Date::new(y, m as u8, d as u8).ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidOption,
                format!("The reference date \"{s}\" does not exist in the calendar."),
            )
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Options for [`crate::analyze`]. `Options::default()` is what the page uses
/// until the user changes something.
///
/// From JavaScript and JSON the same names are used (`date`, `raw`, `kind`,
/// `keep`, `max_input_bytes`, also accepted as `maxInputBytes`,
/// `summary_sentences`, also `summarySentences`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// The reference date for relative time expressions. When absent, the
    /// published date found in the input's metadata is used, else none.
    pub date: Option<Date>,
    /// Analyse the text exactly as given: no normalisation, no repairs, nothing
    /// removed. Every offset then refers to the input itself (for HTML input, to
    /// its visible text).
    pub raw: bool,
    /// How to read the input.
    pub kind: InputKind,
    /// Blocks the user put back: numbers from [`crate::Removed::block`] that must
    /// not be removed on this run.
    pub keep: Vec<usize>,
    /// Inputs larger than this many bytes (UTF-8) are refused with
    /// [`ErrorKind::TooLarge`].
    #[serde(alias = "maxInputBytes")]
    pub max_input_bytes: usize,
    /// Sentences in the summary (at most 10); `None` chooses by the
    /// article's length (1 to 5), 0 gives none.
    #[serde(alias = "summarySentences")]
    pub summary_sentences: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            date: None,
            raw: false,
            kind: InputKind::Auto,
            keep: Vec::new(),
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            summary_sentences: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_and_refuses_impossible_ones() {
        assert_eq!(
            "2022-01-04".parse::<Date>().unwrap(),
            Date::new(2022, 1, 4).unwrap()
        );
        assert_eq!("2024-02-29".parse::<Date>().unwrap().day, 29);
        for bad in [
            "2023-02-29",
            "2022-13-01",
            "2022-00-10",
            "2022-1-4",
            "20220104",
            "",
            "２０２２-01-04",
            "+022-01-04",
            "2022-04-31",
        ] {
            let err = bad.parse::<Date>().unwrap_err();
            assert_eq!(err.kind, ErrorKind::InvalidOption, "{bad}");
            assert!(err.message.contains("date"), "{}", err.message);
        }
        assert_eq!(Date::new(1900, 2, 29), None);
        assert!(Date::new(2000, 2, 29).is_some());
    }

    #[test]
    fn options_read_from_json_with_both_spellings() {
        let o: Options = serde_json::from_str(
            r#"{"date":"2021-12-30","raw":true,"kind":"html","maxInputBytes":10}"#,
        )
        .unwrap();
        assert_eq!(o.date, Date::new(2021, 12, 30));
        assert!(o.raw);
        assert_eq!(o.kind, InputKind::Html);
        assert_eq!(o.max_input_bytes, 10);
        let o: Options = serde_json::from_str(r#"{"max_input_bytes":7}"#).unwrap();
        assert_eq!(o.max_input_bytes, 7);
        assert!(serde_json::from_str::<Options>(r#"{"dat":"2021-12-30"}"#).is_err());
        assert!(serde_json::from_str::<Options>(r#"{"date":"2021-02-30"}"#).is_err());
    }
}
