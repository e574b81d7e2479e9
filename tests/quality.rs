//! Text-quality warnings (issue 7): each kind on texts written for these
//! tests, flagged where an editor would and silent on clean copy.

use article_lens::{analyze, Analysis, Options};

fn run(text: &str) -> Analysis {
    analyze(text, &Options::default()).expect("analysis")
}

fn raw(text: &str) -> Analysis {
    let options = Options {
        raw: true,
        ..Options::default()
    };
    analyze(text, &options).expect("analysis")
}

/// (kind, flagged text) of every warning.
fn warnings(a: &Analysis) -> Vec<(String, String)> {
    a.warnings
        .iter()
        .map(|w| {
            (
                w.kind.to_string(),
                a.slice(w.start, w.end)
                    .expect("offsets in the text")
                    .to_string(),
            )
        })
        .collect()
}

fn w(kind: &str, text: &str) -> (String, String) {
    (kind.to_string(), text.to_string())
}

/// A clean paragraph to put the cases beside (a headline first, so the
/// cases are body text).
const HEAD: &str = "Council approves the budget\n\n";

#[test]
fn the_seed_like_article_has_its_two_slips_flagged_and_nothing_else() {
    let text = std::fs::read_to_string("tests/fixtures/seed-like/input.txt").expect("fixture");
    let a = run(&text);
    assert_eq!(
        warnings(&a),
        vec![
            w("orphan-fragment", "March 12."),
            w("repeated-word", "countries. countries"),
        ]
    );
    for warning in &a.warnings {
        assert!(!warning.message.is_empty());
    }
}

#[test]
fn repeated_words_and_phrases() {
    let a = run(&format!(
        "{HEAD}The council voted on the the plan. It passed in the in the end. \
         The mayor thanked the members of the committee."
    ));
    assert_eq!(
        warnings(&a),
        vec![
            w("repeated-word", "the the"),
            w("repeated-word", "in the in the"),
        ]
    );
    assert_eq!(a.warnings[0].message, "The word “the” is repeated.");
    // Doubles English allows, names, particles, a new sentence, a quotation.
    let a = run(&format!(
        "{HEAD}What he had had was enough. She said that that was fine. \
         They visited Walla Walla and Baora Baora. Prices rose more and more. \
         Voters were counting on on Tuesday. It was his. His plan won. \
         “No. No. No,” she said. The plan passed, passed by a wide margin."
    ));
    assert_eq!(warnings(&a), vec![]);
}

#[test]
fn orphan_fragments() {
    let a = run(&format!(
        "{HEAD}The council met for three hours and approved the new budget. June 4.\n\n\
         Members praised the plan and said it would pass easily next year. 2,500.\n\n\
         The vote was close and the mayor said she was pleased with it."
    ));
    assert_eq!(
        warnings(&a),
        vec![
            w("orphan-fragment", "June 4."),
            w("orphan-fragment", "2,500.")
        ]
    );
    // Short sentences that say something, datelines, and a date as its own
    // paragraph (a dateline or a heading) are not fragments.
    let a = run(&format!(
        "{HEAD}BERLIN, June 4.\n\n\
         The council met for three hours and approved the new budget. It passed.\n\n\
         The mayor was pleased with the vote and thanked the members. Not anymore.\n\n\
         June 4."
    ));
    assert_eq!(warnings(&a), vec![]);
}

#[test]
fn unbalanced_quotation_marks_and_brackets() {
    let a = run(&format!(
        "{HEAD}“We will pass it, the mayor said of the plan.\n\n\
         The vote (which was close passed easily.\n\n\
         Members said it was fine” and left.\n\n\
         The budget grew] by a tenth."
    ));
    assert_eq!(
        warnings(&a),
        vec![
            w("unbalanced-quote", "“"),
            w("unbalanced-bracket", "("),
            w("unbalanced-quote", "”"),
            w("unbalanced-bracket", "]"),
        ]
    );
    // A quotation over several paragraphs opens each one again; lists
    // number with "1)"; a face is a face.
    let a = run(&format!(
        "{HEAD}“We will pass it,” the mayor said. “The plan is sound.\n\n\
         “It is the best plan we have had in years,” she added.\n\n\
         1) Roads, 2) schools.\n\n\
         The mayor wrote “thanks :)” to members (all of them). He is 6'3\" tall."
    ));
    assert_eq!(warnings(&a), vec![]);
}

#[test]
fn mojibake_left_in_raw_text() {
    // The input's repair mends mojibake; raw text keeps it, and says so.
    let a = raw("Council approves the budget\n\nThe mayor didnâ€™t vote. The cafÃ© was closed.");
    assert_eq!(
        warnings(&a),
        vec![w("mojibake", "â€™"), w("mojibake", "Ã©")]
    );
    assert!(a.warnings[0].message.contains("wrong character set"));
    let a = raw("Council approves the budget\n\nThe mayor didn’t vote. The café was closed.");
    assert_eq!(warnings(&a), vec![]);
}

#[test]
fn markup_and_boilerplate_left_in_the_text() {
    let a = raw(
        "Council approves the budget\n\nThe vote was close. <tweet tweet-id=\"123\"></tweet>\n\n\
         The mayor was pleased. Follow her on Twitter: @mayor.\n\nRead more",
    );
    let got = warnings(&a);
    assert!(
        got.contains(&w("markup", "<tweet tweet-id=\"123\">")),
        "{got:?}"
    );
    assert!(got.contains(&w("markup", "</tweet>")), "{got:?}");
    assert!(got.contains(&w("boilerplate", "Read more")), "{got:?}");
    assert!(
        got.iter()
            .any(|(k, t)| k == "boilerplate" && t.starts_with("Follow her")),
        "{got:?}"
    );
    // Comparisons and arrows are not tags.
    let a = run(&format!(
        "{HEAD}Growth was < 2% and costs > 5%. The ratio a<b held. See the 2 < 3 rule."
    ));
    assert_eq!(warnings(&a), vec![]);
}

#[test]
fn long_sentences_and_capitals() {
    let long = format!(
        "{HEAD}The council, which met on Monday for what members described as one of the \
         longest sessions in its history, approved a budget that raises spending on roads, \
         schools, parks, libraries, police and fire services, while cutting the money set \
         aside for consultants, travel and the renovation of the town hall, a project that \
         has been delayed for years and that many residents had opposed from the start."
    );
    let a = run(&long);
    let got = warnings(&a);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "long-sentence");
    assert!(a.warnings[0].message.contains("words"));
    let a = run(&format!(
        "{HEAD}The mayor said THIS IS THE BEST BUDGET EVER and sat down. \
         NATO and the EU and the US met."
    ));
    assert_eq!(
        warnings(&a),
        vec![w("all-caps", "THIS IS THE BEST BUDGET EVER")]
    );
}

#[test]
fn quotations_without_a_source() {
    let a = run(&format!(
        "{HEAD}The council met on Monday.\n\n\
         “This budget is the best thing that has happened to the town in years.”\n\n\
         The vote was close."
    ));
    assert_eq!(
        warnings(&a),
        vec![w(
            "unattributed-quote",
            "“This budget is the best thing that has happened to the town in years.”"
        )]
    );
    // Attributed, continuing an attributed one, signed with a dash, or a
    // transcript's labelled line: no warning.
    let a = run(&format!(
        "{HEAD}“The budget is sound,” the mayor said.\n\n\
         “It is the best thing that has happened to the town in years.”\n\n\
         The council then adjourned for lunch and met again in the afternoon.\n\n\
         The members left the hall and many of them went home early.\n\n\
         The clerk read the minutes of the last meeting out loud to all.\n\n\
         “It is the best thing that has happened to the town in years.” ― Ann Lee\n\n\
         The members voted again and the budget passed by a wide margin.\n\n\
         The mayor thanked everyone and the meeting was closed at noon.\n\n\
         The clerk read the names of those who had voted for the plan.\n\n\
         “MAYOR: It is the best thing that has happened to the town in years.”\n\n\
         The members voted a third time and the budget passed once more.\n\n\
         The mayor thanked everyone again and closed the meeting at noon.\n\n\
         The clerk read the names of those who had voted for the plan.\n\n\
         The clerk recalled thinking, “it is the best thing that has happened to the town.”"
    ));
    assert_eq!(warnings(&a), vec![]);
}

#[test]
fn bad_input_gives_no_panic_and_linear_work() {
    for text in [
        "“".repeat(10_000),
        "(".repeat(10_000),
        "the ".repeat(20_000),
        "Ã©".repeat(10_000),
        "<a ".repeat(10_000),
        "January 13. ".repeat(5_000),
    ] {
        // An input of punctuation alone may be refused, with a message.
        let Ok(a) = analyze(&text, &Options::default()) else {
            continue;
        };
        for w in &a.warnings {
            assert!(a.slice(w.start, w.end).is_some());
        }
    }
}

#[test]
fn the_corpus_seed_article_when_present_has_exactly_its_two_slips_flagged() {
    // The development corpus is not part of the project; without it the
    // seed-like fixture above covers the same ground.
    let Ok(text) = std::fs::read_to_string("../shared/corpus/seed-article.txt") else {
        eprintln!("the development corpus is not here: skipped");
        return;
    };
    let a = run(&text);
    assert_eq!(
        warnings(&a),
        vec![
            w("orphan-fragment", "January 13."),
            w("repeated-word", "countries. countries"),
        ]
    );
}
