//! The timeline (issue 6): every time expression anchored to the calendar,
//! with the sentence it is in, sorted in time.
//!
//! A TIMEX3 value names a stretch of days of different sizes ("2022-01-13",
//! "2021-W52", "2021-Q4", "199" for the 1990s). Each is turned into its
//! first and last day, so that a reader can sort "the 1990s", "2014",
//! "December" and "January 13" on one line: by first day, then the shorter
//! stretch first, then text order. Values the calendar cannot place
//! (durations, sets, `PRESENT_REF`, anything with X) are not on it.

use super::times::{civil_from_days, days_from_civil};
use crate::document::Document;
use crate::output::{TimeExpr, TimelineEntry};

/// The first and last day (days since 1970-01-01) of a TIMEX3 date value.
fn days_of(value: &str) -> Option<(i64, i64)> {
    // A time of day ("2022-01-13T15:00", "2022-01-13TMO") is its day.
    let date = value.split('T').next()?;
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let num = |s: &str| s.parse::<i64>().ok();
    let ymd = |y: i64, m: i64, d: i64| days_from_civil(y, m, d);
    let month = |y: i64, m: i64| {
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        (ymd(y, m, 1), ymd(ny, nm, 1) - 1)
    };
    let first = parts.first().copied()?;
    match parts.as_slice() {
        // "199" (a decade), "19" (a century)
        [d] if digits(d, 3) => {
            let y = num(d)? * 10;
            Some((ymd(y, 1, 1), ymd(y + 9, 12, 31)))
        }
        [c] if digits(c, 2) => {
            let y = num(c)? * 100;
            Some((ymd(y, 1, 1), ymd(y + 99, 12, 31)))
        }
        [y] if digits(y, 4) => {
            let y = num(y)?;
            Some((ymd(y, 1, 1), ymd(y, 12, 31)))
        }
        [_, rest @ ..] if !digits(first, 4) || rest.is_empty() => None,
        [y, m] if digits(m, 2) => {
            let (y, m) = (num(y)?, num(m)?);
            (1..=12).contains(&m).then(|| month(y, m))
        }
        [y, m, d] if digits(m, 2) && digits(d, 2) => {
            let (y, m, d) = (num(y)?, num(m)?, num(d)?);
            let day = ymd(y, m, d);
            // An impossible day would fall into another month.
            (civil_from_days(day) == (y, m, d)).then_some((day, day))
        }
        [y, w, rest @ ..] if w.len() == 3 && w.starts_with('W') && digits(&w[1..], 2) => {
            let (y, w) = (num(y)?, num(&w[1..])?);
            if !(1..=53).contains(&w) {
                return None;
            }
            // Week 1 holds January 4th; weeks start on Monday.
            let jan4 = ymd(y, 1, 4);
            let monday = jan4 - (jan4 + 3).rem_euclid(7) + (w - 1) * 7;
            match rest {
                [] => Some((monday, monday + 6)),
                ["WE"] => Some((monday + 5, monday + 6)),
                _ => None,
            }
        }
        [y, code] => {
            let y = num(y)?;
            let (from, to) = match *code {
                "Q1" => ((y, 1), (y, 3)),
                "Q2" => ((y, 4), (y, 6)),
                "Q3" => ((y, 7), (y, 9)),
                "Q4" => ((y, 10), (y, 12)),
                "H1" => ((y, 1), (y, 6)),
                "H2" => ((y, 7), (y, 12)),
                "SP" => ((y, 3), (y, 5)),
                "SU" => ((y, 6), (y, 8)),
                "FA" => ((y, 9), (y, 11)),
                "WI" => ((y, 12), (y + 1, 2)),
                _ => return None,
            };
            Some((month(from.0, from.1).0, month(to.0, to.1).1))
        }
        _ => None,
    }
}

/// `YYYY-MM-DD` of a day number.
fn iso(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The timeline of `times` (in byte offsets, as found in `doc`).
#[inline(never)] // a function of its own in the browser module: see `lib.rs`
pub fn timeline(doc: &Document, times: &[TimeExpr]) -> Vec<TimelineEntry> {
    let mut entries: Vec<(i64, i64, usize, TimelineEntry)> = Vec::new();
    for (i, t) in times.iter().enumerate() {
        if !matches!(t.kind, "DATE" | "TIME") {
            continue;
        }
        let Some((from, to)) = days_of(&t.value) else {
            continue;
        };
        // The year 0 to 9999 only: the sort keys and the text stay sane
        // whatever a value says.
        if from < days_from_civil(0, 1, 1) || to > days_from_civil(9999, 12, 31) {
            continue;
        }
        let start = t.start as usize;
        let sentence = doc.sentence_at(start);
        entries.push((
            from,
            to,
            i,
            TimelineEntry {
                time: i as u32,
                sentence: sentence as u32,
                value: t.value.clone(),
                from: iso(from),
                to: iso(to),
            },
        ));
    }
    entries.sort_by_key(|&(from, to, i, _)| (from, to, i));
    entries.into_iter().map(|(.., e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::{days_of, iso};

    fn span(v: &str) -> Option<(String, String)> {
        days_of(v).map(|(a, b)| (iso(a), iso(b)))
    }
    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn values_become_stretches_of_days() {
        assert_eq!(span("2022-01-13"), pair("2022-01-13", "2022-01-13"));
        assert_eq!(span("2022-01-13T15:00"), pair("2022-01-13", "2022-01-13"));
        assert_eq!(span("2022-01"), pair("2022-01-01", "2022-01-31"));
        assert_eq!(span("2024-02"), pair("2024-02-01", "2024-02-29"));
        assert_eq!(span("2014"), pair("2014-01-01", "2014-12-31"));
        assert_eq!(span("199"), pair("1990-01-01", "1999-12-31"));
        assert_eq!(span("19"), pair("1900-01-01", "1999-12-31"));
        // 2021-W52 ran from Monday 27 December to Sunday 2 January.
        assert_eq!(span("2021-W52"), pair("2021-12-27", "2022-01-02"));
        assert_eq!(span("2021-W52-WE"), pair("2022-01-01", "2022-01-02"));
        // 2021-W01 started on 4 January 2021; 2020-W53 on 28 December.
        assert_eq!(span("2021-W01"), pair("2021-01-04", "2021-01-10"));
        assert_eq!(span("2020-W53"), pair("2020-12-28", "2021-01-03"));
        assert_eq!(span("2021-Q4"), pair("2021-10-01", "2021-12-31"));
        assert_eq!(span("2021-H1"), pair("2021-01-01", "2021-06-30"));
        assert_eq!(span("2021-WI"), pair("2021-12-01", "2022-02-28"));
        for v in [
            "PRESENT_REF",
            "XXXX-01-13",
            "P2M",
            "2021-02-30",
            "2021-13",
            "2021-W60",
            "T15:00",
            "",
        ] {
            assert_eq!(span(v), None, "{v}");
        }
    }
}
