//! The extractive summary and the key phrases (issue 7), on texts written
//! for these tests.

use article_lens::{analyze, Analysis, Options};

fn run(text: &str) -> Analysis {
    analyze(text, &Options::default()).expect("analysis")
}

fn sentences(a: &Analysis) -> Vec<&str> {
    a.summary
        .iter()
        .map(|&i| {
            let s = &a.sentences[i as usize];
            a.slice(s.start, s.end).expect("in the text")
        })
        .collect()
}

const ARTICLE: &str = "City council approves new bridge over the river\n\n\
The city council approved a new bridge over the Elm River on Tuesday, ending a decade of debate about how to link the two halves of the town.\n\n\
He said it was a good day. The bridge will cost $40 million and carry four lanes of traffic, two of them for buses.\n\n\
Mayor Ann Lee said the bridge would cut the drive between the east and west banks from forty minutes to ten.\n\n\
Opponents of the bridge said the council had ignored a cheaper plan for a ferry across the river.\n\n\
Construction of the bridge is expected to start next spring and to take three years.\n\n\
Advertisement";

#[test]
fn the_lead_and_the_central_sentences_in_text_order() {
    let a = run(ARTICLE);
    let got = sentences(&a);
    assert_eq!(got.len(), 1, "a short article gets one sentence: {got:?}");
    assert!(
        got[0].starts_with("The city council approved a new bridge"),
        "{got:?}"
    );
    // Never the headline.
    assert!(!a.summary.contains(&0));
}

#[test]
fn as_many_as_asked_never_a_leaning_sentence_alone_and_in_order() {
    let options = Options {
        summary_sentences: Some(4),
        ..Options::default()
    };
    let a = analyze(ARTICLE, &options).expect("analysis");
    let got = sentences(&a);
    assert_eq!(got.len(), 4, "{got:?}");
    // "He said it was a good day." leans on the sentence before it, which
    // is in another paragraph: never taken.
    assert!(got.iter().all(|s| !s.starts_with("He said")), "{got:?}");
    assert!(a.summary.windows(2).all(|w| w[0] < w[1]));
    // Removed blocks are not in the text, so never in the summary.
    assert!(got.iter().all(|s| !s.contains("Advertisement")));
    let none = Options {
        summary_sentences: Some(0),
        ..Options::default()
    };
    assert!(analyze(ARTICLE, &none)
        .expect("analysis")
        .summary
        .is_empty());
}

#[test]
fn longer_articles_get_longer_summaries_up_to_five() {
    // Eighty different sentences of twenty-odd words each.
    let words = [
        "bridge",
        "council",
        "river",
        "ferry",
        "traffic",
        "budget",
        "residents",
        "mayor",
        "engineers",
        "lanes",
        "buses",
        "tolls",
        "schools",
        "roads",
        "parks",
        "vote",
        "harbour",
        "tunnel",
        "railway",
        "station",
        "market",
        "library",
        "museum",
        "hospital",
        "police",
        "union",
        "drivers",
        "cyclists",
        "farmers",
        "shops",
        "taxes",
        "permits",
        "contracts",
        "courts",
        "lawyers",
        "planners",
        "architects",
        "builders",
        "teachers",
        "nurses",
        "pensions",
        "loans",
        "grants",
        "fees",
    ];
    let body: String = (0..80)
        .map(|i| {
            let w = |k: usize| {
                words[(i * 2_654_435_761usize + k * 40_503).wrapping_mul(2_246_822_519)
                    % 10_007
                    % words.len()]
            };
            format!(
                "The {} and the {} were debated with the {} for hours, as {} and {} \
                 weighed the {} against the {} in ward {i} of the town.\n\n",
                w(0),
                w(1),
                w(2),
                w(3),
                w(4),
                w(5),
                w(6)
            )
        })
        .collect();
    let a = run(&format!("Bridge plan debated\n\n{body}"));
    assert!(a.stats.words > 1500);
    assert_eq!(a.summary.len(), 5);
}

#[test]
fn bad_input_gives_sensible_summaries() {
    // One sentence: itself, if it is a sentence to take.
    let a = run("The council approved the new bridge over the river on Tuesday night.");
    assert_eq!(a.summary.len(), 1);
    // Only numbers: nothing to summarise, no crash.
    let a = run("12 34 56. 78 90 12. 3.5 4.5 6.5.");
    assert!(a.summary.len() <= 1);
    // The same sentence 20,000 times (about 1 MB): one sentence, not five
    // copies of it.
    let text =
        "The council approved the new bridge over the river on Tuesday night. ".repeat(15_000);
    let a = run(&text);
    assert_eq!(a.summary.len(), 1, "{:?}", a.summary);
    assert!(a.keyphrases.len() <= 10);
    // Another language: sentences and phrases, whatever they are worth.
    let a = run(
        "Le conseil municipal a approuvé mardi un nouveau pont sur la rivière. \
         Le pont coûtera quarante millions d'euros et comptera quatre voies.",
    );
    assert!(a.summary.len() <= 1);
    assert!(!a.keyphrases.is_empty());
}

#[test]
fn key_phrases_best_first_without_near_duplicates() {
    let a = run(ARTICLE);
    let k = &a.keyphrases;
    assert!(!k.is_empty() && k.len() <= 10, "{k:?}");
    assert_eq!(k[0].score, 1.0);
    assert!(k.windows(2).all(|w| w[0].score >= w[1].score), "{k:?}");
    let texts: Vec<String> = k.iter().map(|p| p.text.to_lowercase()).collect();
    // The story's subject is found.
    assert!(texts.iter().any(|t| t.contains("bridge")), "{texts:?}");
    // No phrase is a plural or a part of another.
    for (i, a) in texts.iter().enumerate() {
        for (j, b) in texts.iter().enumerate() {
            if i != j {
                assert!(
                    !b.split(' ').any(|w| w == a || w.trim_end_matches('s') == a),
                    "{a:?} inside {b:?}"
                );
            }
        }
    }
    // Each phrase is written as in the text.
    for p in k {
        assert!(a.text.contains(&p.text), "{:?}", p.text);
    }
}

#[test]
fn key_phrases_take_whole_names_and_leave_dates_and_numbers() {
    let text = std::fs::read_to_string("tests/fixtures/seed-like/input.txt").expect("fixture");
    let a = run(&text);
    let texts: Vec<&str> = a.keyphrases.iter().map(|k| k.text.as_str()).collect();
    // An entity named several times is a candidate under its full name.
    let names: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.count >= 2)
        .map(|e| e.name.as_str())
        .collect();
    assert!(
        texts.iter().any(|t| names.contains(t)),
        "{texts:?} / {names:?}"
    );
    // No phrase is a date or a number, and none cuts a name in two.
    for t in &texts {
        assert!(!a.times.iter().any(|x| x.text == *t), "{t:?} is a time");
        assert!(
            !a.quantities.iter().any(|q| q.text == *t),
            "{t:?} is a number"
        );
    }
    // Where each phrase occurs (UTF-16 units, the unit of the offsets), no
    // entity mention sticks out of it on one side only.
    let units: Vec<u16> = a.text.encode_utf16().collect();
    let mentions: Vec<(u32, u32)> = a
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
        .collect();
    for k in &a.keyphrases {
        let needle: Vec<u16> = k.text.encode_utf16().collect();
        for at in 0..units.len().saturating_sub(needle.len()) {
            if units[at..at + needle.len()] != needle[..] {
                continue;
            }
            let (p0, p1) = (at as u32, (at + needle.len()) as u32);
            for &(m0, m1) in &mentions {
                let overlaps = m0 < p1 && p0 < m1;
                let inside = m0 >= p0 && m1 <= p1;
                let holds = m0 <= p0 && m1 >= p1;
                assert!(!overlaps || inside || holds, "{:?} cuts a mention", k.text);
            }
        }
    }
}
