//! The timeline (issue 6): anchored times with their sentences, in
//! calendar order.

use article_lens::{analyze, Analysis, Options};

fn run(text: &str, date: Option<&str>) -> Analysis {
    let options = Options {
        date: date.map(|d| d.parse().expect("a date")),
        ..Options::default()
    };
    analyze(text, &options).expect("analysis")
}

/// (expression text, from, to) of each timeline entry, in order.
fn entries(a: &Analysis) -> Vec<(String, String, String)> {
    a.timeline
        .iter()
        .map(|e| {
            (
                a.times[e.time as usize].text.clone(),
                e.from.clone(),
                e.to.clone(),
            )
        })
        .collect()
}

fn e(text: &str, from: &str, to: &str) -> (String, String, String) {
    (text.to_string(), from.to_string(), to.to_string())
}

const ARTICLE: &str = "Talks resume after a tense year\n\n\
    The ministers met on Tuesday in Geneva. They first talked in 2014, and talked again in March.\n\n\
    A second round is planned for January 13. The war of the 1990s still shapes the talks, \
    officials said last week.\n\n\
    Negotiators spent two months on the draft.";

#[test]
fn anchored_times_in_calendar_order_with_their_sentences() {
    // 2021-12-30 was a Thursday.
    let a = run(ARTICLE, Some("2021-12-30"));
    assert_eq!(
        entries(&a),
        vec![
            e("the 1990s", "1990-01-01", "1999-12-31"),
            e("2014", "2014-01-01", "2014-12-31"),
            e("March", "2021-03-01", "2021-03-31"),
            e("last week", "2021-12-20", "2021-12-26"),
            e("Tuesday", "2021-12-28", "2021-12-28"),
            e("January 13", "2022-01-13", "2022-01-13"),
        ]
    );
    // Each entry's sentence holds its expression; its value is the time's.
    for entry in &a.timeline {
        let t = &a.times[entry.time as usize];
        let s = &a.sentences[entry.sentence as usize];
        assert!(s.start <= t.start && t.end <= s.end, "{entry:?}");
        assert_eq!(entry.value, t.value);
    }
    // "two months" is a duration: not on the timeline.
    assert!(a.times.iter().any(|t| t.text == "two months"));
    assert!(entries(&a).iter().all(|(text, ..)| text != "two months"));
}

#[test]
fn without_a_reference_date_only_absolute_times_are_placed() {
    let a = run(ARTICLE, None);
    assert_eq!(
        entries(&a),
        vec![
            e("the 1990s", "1990-01-01", "1999-12-31"),
            e("2014", "2014-01-01", "2014-12-31"),
        ]
    );
}

#[test]
fn a_narrower_time_comes_first_on_the_same_day() {
    let a = run(
        "Markets\n\nShares fell in 2021. They rose on January 1, 2021.",
        None,
    );
    assert_eq!(
        entries(&a),
        vec![
            e("January 1, 2021", "2021-01-01", "2021-01-01"),
            e("2021", "2021-01-01", "2021-12-31"),
        ]
    );
}

#[test]
fn reference_dates_at_the_ends_of_the_calendar_give_sensible_entries() {
    let text = "Edge\n\nThey met yesterday and will meet tomorrow, next week and next year. \
                The deal of last year, the 1990s and February 30, 2021 came up.";
    for date in ["0001-01-01", "9999-12-31"] {
        let a = run(text, Some(date));
        for e in &a.timeline {
            // Every entry is a real stretch of days within years 0 to 9999.
            assert!(e.from <= e.to, "{date}: {e:?}");
            assert_eq!(e.from.len(), 10, "{date}: {e:?}");
            assert_eq!(e.to.len(), 10, "{date}: {e:?}");
        }
        let froms: Vec<&str> = a.timeline.iter().map(|e| e.from.as_str()).collect();
        let mut sorted = froms.clone();
        sorted.sort();
        assert_eq!(froms, sorted, "{date}");
    }
    // February 30 keeps its month.
    let a = run(text, Some("2021-12-30"));
    assert!(a
        .timeline
        .iter()
        .any(|e| e.value == "2021-02" && e.from == "2021-02-01" && e.to == "2021-02-28"));
}
