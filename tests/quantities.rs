//! Numbers and what they count (issue 6): the project's test set, on
//! sentences written for it, one kind of quantity per group.
//!
//! Each case is a sentence and every quantity it must give, written
//! `text | kind | field=value …` with the fields `v` (value), `lo`, `hi`,
//! `unit`, `q` (qualifier) and `counted`; a field not written must be null,
//! so each case pins the whole quantity. Quantities are separated by ` ;; `
//! and an empty expectation means the sentence has none.

use article_lens::{analyze, Analysis, Options};

fn run(text: &str) -> Analysis {
    let options = Options {
        date: Some("2021-12-30".parse().expect("a date")),
        ..Options::default()
    };
    analyze(text, &options).expect("analysis")
}

/// A quantity as the expectations write it.
fn show(q: &article_lens::output::Quantity) -> String {
    let mut s = format!("{} | {}", q.text, q.kind);
    let num = |x: f64| {
        if x.fract() == 0.0 && x.abs() < 1e15 {
            format!("{}", x as i64)
        } else {
            format!("{x}")
        }
    };
    for (name, v) in [("v", q.value), ("lo", q.low), ("hi", q.high)] {
        if let Some(v) = v {
            s += &format!(" | {name}={}", num(v));
        }
    }
    for (name, v) in [
        ("unit", &q.unit),
        ("q", &q.qualifier),
        ("counted", &q.counted),
    ] {
        if let Some(v) = v {
            s += &format!(" | {name}={v}");
        }
    }
    s
}

/// Checks every case; reports all failures at once.
fn check(cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let a = run(text);
        let got: Vec<String> = a.quantities.iter().map(show).collect();
        let want: Vec<String> = if expected.is_empty() {
            Vec::new()
        } else {
            expected.split(" ;; ").map(str::to_string).collect()
        };
        if got != want {
            failures.push(format!("{text}\n   want {want:?}\n    got {got:?}"));
        }
        // Offsets point at the text.
        for q in &a.quantities {
            assert_eq!(a.slice(q.start, q.end), Some(q.text.as_str()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn seed_article_ranges_and_qualifiers() {
    check(&[
        (
            "In Kiev, the leaders are worried about the 60,000 to 90,000 Russian troops that have gathered in the north.",
            "60,000 to 90,000 | number | lo=60000 | hi=90000 | counted=Russian troops",
        ),
        (
            "Russia would withdraw about 10,000 troops, officials said.",
            "about 10,000 | number | v=10000 | q=about | counted=troops",
        ),
        (
            "In a 50-minute conversation, Biden said he needed to see progress.",
            "50 | number | v=50 | counted=minute conversation",
        ),
        (
            "Moscow wants guarantees that the 30-member NATO alliance will not expand.",
            "30 | number | v=30 | counted=member NATO alliance",
        ),
        (
            "It was their second conversation this month.",
            "second | ordinal | v=2 | counted=conversation",
        ),
        (
            "Biden laid out two paths.",
            "two | number | v=2 | counted=paths",
        ),
    ]);
}

#[test]
fn integers_decimals_and_number_words() {
    check(&[
        (
            "Police arrested 12 people.",
            "12 | number | v=12 | counted=people",
        ),
        (
            "The fire destroyed 1,250 homes.",
            "1,250 | number | v=1250 | counted=homes",
        ),
        (
            "The index fell 3.5 points.",
            "3.5 | number | v=3.5 | counted=points",
        ),
        (
            "Sixty villages were flooded.",
            "Sixty | number | v=60 | counted=villages",
        ),
        (
            "Forty-two miners were rescued.",
            "Forty-two | number | v=42 | counted=miners",
        ),
        (
            "The ship carried twenty five crew.",
            "twenty five | number | v=25 | counted=crew",
        ),
        (
            "They built two hundred and ten houses.",
            "two hundred and ten | number | v=210 | counted=houses",
        ),
        (
            "The city has three million residents.",
            "three million | number | v=3000000 | counted=residents",
        ),
        (
            "The city has 1.5 million residents.",
            "1.5 million | number | v=1500000 | counted=residents",
        ),
        (
            "Two dozen officers arrived.",
            "Two dozen | number | v=24 | counted=officers",
        ),
        (
            "A dozen protesters gathered.",
            "A dozen | number | v=12 | counted=protesters",
        ),
        (
            "A million people marched.",
            "A million | number | v=1000000 | counted=people",
        ),
        (
            "The app has 20k users.",
            "20k | number | v=20000 | counted=users",
        ),
        (
            "The strike lasted two and a half weeks.",
            "two and a half | number | v=2.5 | counted=weeks",
        ),
        (
            "Zero cases were reported.",
            "Zero | number | v=0 | counted=cases",
        ),
        (
            "Ten soldiers died.",
            "Ten | number | v=10 | counted=soldiers",
        ),
        (
            "Officials said 7 ministers resigned.",
            "7 | number | v=7 | counted=ministers",
        ),
        (
            "Half a million people fled.",
            "Half a million | number | v=500000 | counted=people",
        ),
        (
            "The bill passed with 52 votes.",
            "52 | number | v=52 | counted=votes",
        ),
        ("He scored 3 goals.", "3 | number | v=3 | counted=goals"),
    ]);
}

#[test]
fn ranges() {
    check(&[
        (
            "Between 5 and 10 people were hurt.",
            "Between 5 and 10 | number | lo=5 | hi=10 | q=between | counted=people",
        ),
        ("The storm hit 5-10 towns.", "5-10 | number | lo=5 | hi=10 | counted=towns"),
        (
            "The tour covers 3–4 cities.",
            "3–4 | number | lo=3 | hi=4 | counted=cities",
        ),
        (
            "Two or three boats sank.",
            "Two or three | number | lo=2 | hi=3 | counted=boats",
        ),
        (
            "Prices rose from 5 to 7 percent.",
            "5 to 7 percent | percent | lo=5 | hi=7 | unit=%",
        ),
        (
            "The plan would cost $3 to $5 billion.",
            "$3 to $5 billion | money | lo=3000000000 | hi=5000000000 | unit=USD",
        ),
        (
            "Between 60 and 90 million people watched.",
            "Between 60 and 90 million | number | lo=60000000 | hi=90000000 | q=between | counted=people",
        ),
        (
            "The rally drew 500 to 2 million people, by various counts.",
            "500 to 2 million | number | lo=500 | hi=2000000 | counted=people",
        ),
        (
            "Temperatures reached 30 to 35 degrees Celsius.",
            "30 to 35 degrees Celsius | measure | lo=30 | hi=35 | unit=°C",
        ),
        (
            "The dam holds 2 to 3 billion cubic metres of water.",
            "2 to 3 billion cubic metres | measure | lo=2000000000 | hi=3000000000 | unit=m³ | counted=water",
        ),
        (
            "Each charge carries a sentence of 5-7 years.",
            "5-7 | number | lo=5 | hi=7 | counted=years",
        ),
        (
            "Between 1,000 and 1,500 workers will lose their jobs.",
            "Between 1,000 and 1,500 | number | lo=1000 | hi=1500 | q=between | counted=workers",
        ),
    ]);
}

#[test]
fn qualifiers_and_bounds() {
    check(&[
        (
            "More than 300 people died.",
            "More than 300 | number | v=300 | lo=300 | q=more than | counted=people",
        ),
        (
            "Nearly 2,000 homes lost power.",
            "Nearly 2,000 | number | v=2000 | hi=2000 | q=nearly | counted=homes",
        ),
        (
            "Up to 40 trucks crossed the border.",
            "Up to 40 | number | v=40 | hi=40 | q=up to | counted=trucks",
        ),
        (
            "At least 17 soldiers were killed.",
            "At least 17 | number | v=17 | lo=17 | q=at least | counted=soldiers",
        ),
        (
            "Fewer than 100 tickets remain.",
            "Fewer than 100 | number | v=100 | hi=100 | q=fewer than | counted=tickets",
        ),
        (
            "Roughly 40 journalists attended.",
            "Roughly 40 | number | v=40 | q=roughly | counted=journalists",
        ),
        (
            "Some 10,000 troops massed on the border.",
            "Some 10,000 | number | v=10000 | q=some | counted=troops",
        ),
        (
            "The quake killed an estimated 3,000 people.",
            "an estimated 3,000 | number | v=3000 | q=an estimated | counted=people",
        ),
        (
            "As many as 50 ships were stuck.",
            "As many as 50 | number | v=50 | hi=50 | q=as many as | counted=ships",
        ),
        (
            "Almost 90 percent of voters turned out.",
            "Almost 90 percent | percent | v=90 | hi=90 | unit=% | q=almost | counted=voters",
        ),
        (
            "Over 1,000 flights were cancelled.",
            "Over 1,000 | number | v=1000 | lo=1000 | q=over | counted=flights",
        ),
        (
            "Approximately 250 families were evacuated.",
            "Approximately 250 | number | v=250 | q=approximately | counted=families",
        ),
        (
            "The company employs 5,000 or more people.",
            "5,000 or more | number | v=5000 | lo=5000 | q=or more | counted=people",
        ),
        (
            "Around 600 students protested.",
            "Around 600 | number | v=600 | q=around | counted=students",
        ),
        (
            "Just over 70 percent said yes.",
            "Just over 70 percent | percent | v=70 | lo=70 | unit=% | q=just over",
        ),
        (
            "Less than half of the budget was spent.",
            "Less than half | fraction | v=0.5 | hi=0.5 | q=less than | counted=budget",
        ),
        (
            "At most 20 people may attend.",
            "At most 20 | number | v=20 | hi=20 | q=at most | counted=people",
        ),
        (
            "Talks stretched over two days.",
            "two | number | v=2 | counted=days",
        ),
    ]);
}

#[test]
fn percentages() {
    check(&[
        (
            "Inflation hit 6.8% in November.",
            "6.8% | percent | v=6.8 | unit=%",
        ),
        (
            "Unemployment fell to 4.2 percent.",
            "4.2 percent | percent | v=4.2 | unit=%",
        ),
        (
            "Turnout was 61 per cent.",
            "61 per cent | percent | v=61 | unit=%",
        ),
        (
            "Rates rose by 0.25 percentage points.",
            "0.25 percentage points | percent | v=0.25 | unit=percentage point",
        ),
        (
            "The bank cut rates by 50 basis points.",
            "50 basis points | measure | v=50 | unit=basis point",
        ),
        (
            "He won 52% of the vote.",
            "52% | percent | v=52 | unit=% | counted=vote",
        ),
        (
            "A 5% rise in prices followed.",
            "5% | percent | v=5 | unit=% | counted=rise",
        ),
        (
            "Sales grew 12pc last year.",
            "12pc | percent | v=12 | unit=%",
        ),
    ]);
}

#[test]
fn money() {
    check(&[
        (
            "Congress approved $40 billion in aid.",
            "$40 billion | money | v=40000000000 | unit=USD | counted=aid",
        ),
        ("The fine was $5.", "$5 | money | v=5 | unit=USD"),
        ("Tickets cost €25.", "€25 | money | v=25 | unit=EUR"),
        (
            "The club paid £2.5bn for the stadium.",
            "£2.5bn | money | v=2500000000 | unit=GBP",
        ),
        (
            "The deal is worth £100m.",
            "£100m | money | v=100000000 | unit=GBP",
        ),
        (
            "Exports reached 5 million euros.",
            "5 million euros | money | v=5000000 | unit=EUR",
        ),
        (
            "A stamp costs 50 cents.",
            "50 cents | money | v=0.5 | unit=USD",
        ),
        (
            "He raised US$3 million.",
            "US$3 million | money | v=3000000 | unit=USD",
        ),
        (
            "The house sold for C$1.2 million.",
            "C$1.2 million | money | v=1200000 | unit=CAD",
        ),
        (
            "The fund holds 300 billion rubles.",
            "300 billion rubles | money | v=300000000000 | unit=RUB",
        ),
        (
            "The budget is 4.5 trillion yen.",
            "4.5 trillion yen | money | v=4500000000000 | unit=JPY",
        ),
        (
            "The loan of USD 20 million was signed.",
            "USD 20 million | money | v=20000000 | unit=USD",
        ),
        (
            "Debt stood at ¥1,200 billion.",
            "¥1,200 billion | money | v=1200000000000 | unit=JPY",
        ),
        (
            "The project cost 2 billion dollars.",
            "2 billion dollars | money | v=2000000000 | unit=USD",
        ),
        (
            "The firm lost millions of dollars.",
            "millions of dollars | money | lo=2000000 | unit=USD",
        ),
        (
            "The fine was 5 million pounds.",
            "5 million pounds | money | v=5000000 | unit=GBP",
        ),
        (
            "He earns Rs 50,000 a month.",
            "Rs 50,000 | money | v=50000 | unit=INR",
        ),
        (
            "The stake is worth more than $1 billion.",
            "more than $1 billion | money | v=1000000000 | lo=1000000000 | unit=USD | q=more than",
        ),
    ]);
}

#[test]
fn units_of_measure() {
    check(&[
        (
            "The convoy stretched 64 km along the road.",
            "64 km | measure | v=64 | unit=km",
        ),
        (
            "The troops are 10 miles from the border.",
            "10 miles | measure | v=10 | unit=mi",
        ),
        (
            "The wall is 3 metres high.",
            "3 metres | measure | v=3 | unit=m",
        ),
        (
            "Farmers lost 2 million tonnes of grain.",
            "2 million tonnes | measure | v=2000000 | unit=t | counted=grain",
        ),
        (
            "The fire burned 5,000 acres.",
            "5,000 acres | measure | v=5000 | unit=acre",
        ),
        (
            "Temperatures hit 40°C on Monday.",
            "40°C | measure | v=40 | unit=°C",
        ),
        (
            "It was 95 degrees Fahrenheit.",
            "95 degrees Fahrenheit | measure | v=95 | unit=°F",
        ),
        (
            "The plant makes 500 megawatts.",
            "500 megawatts | measure | v=500 | unit=MW",
        ),
        (
            "Output fell by 1.2 million barrels a day.",
            "1.2 million barrels a day | measure | v=1200000 | unit=bbl/d",
        ),
        (
            "The runner finished the 10km race.",
            "10km | measure | v=10 | unit=km | counted=race",
        ),
        (
            "Winds of 120 mph battered the coast.",
            "120 mph | measure | v=120 | unit=mph",
        ),
        (
            "The zone covers 300 square kilometres.",
            "300 square kilometres | measure | v=300 | unit=km²",
        ),
        (
            "The boat was 40 feet long.",
            "40 feet | measure | v=40 | unit=ft",
        ),
        (
            "He carried 20 kg of supplies.",
            "20 kg | measure | v=20 | unit=kg | counted=supplies",
        ),
        (
            "The tank holds 500 litres.",
            "500 litres | measure | v=500 | unit=L",
        ),
        (
            "The baby weighed 7 pounds.",
            "7 pounds | measure | v=7 | unit=lb",
        ),
        (
            "The ship sailed 200 nautical miles.",
            "200 nautical miles | measure | v=200 | unit=nmi",
        ),
    ]);
}

#[test]
fn ordinals_fractions_and_ages() {
    check(&[
        (
            "It is the third summit this year.",
            "third | ordinal | v=3 | counted=summit",
        ),
        (
            "He won a second term.",
            "second | ordinal | v=2 | counted=term",
        ),
        ("The blast lasted a second.", ""),
        ("A second later it was gone.", ""),
        (
            "She won for the 21st time.",
            "21st | ordinal | v=21 | counted=time",
        ),
        (
            "Germany is the fourth-largest economy.",
            "fourth | ordinal | v=4 | counted=largest economy",
        ),
        (
            "A third of the staff quit.",
            "A third | fraction | v=0.3333333333333333 | counted=staff",
        ),
        (
            "The bill needs a two-thirds majority.",
            "two-thirds | fraction | v=0.6666666666666666 | counted=majority",
        ),
        (
            "Three quarters of the homes were damaged.",
            "Three quarters | fraction | v=0.75 | counted=homes",
        ),
        (
            "Half of the members voted.",
            "Half | fraction | v=0.5 | counted=members",
        ),
        (
            "A 45-year-old man was arrested.",
            "45-year-old | age | v=45 | unit=years | counted=man",
        ),
        (
            "The victim, aged 19, was taken to hospital.",
            "19 | age | v=19 | unit=years",
        ),
        (
            "She began her studies at age 16 in Boston.",
            "16 | age | v=16 | unit=years",
        ),
        ("Aid to third world countries fell.", ""),
        (
            "Mr. Smith, 62, said the plan had failed.",
            "62 | age | v=62 | unit=years",
        ),
        ("At first the talks went well.", ""),
        ("He first said no.", ""),
    ]);
}

#[test]
fn vague_amounts() {
    check(&[
        (
            "Dozens of people were injured.",
            "Dozens | number | lo=24 | counted=people",
        ),
        (
            "Hundreds of flights were cancelled.",
            "Hundreds | number | lo=200 | counted=flights",
        ),
        (
            "Tens of thousands of people marched.",
            "Tens of thousands | number | lo=20000 | counted=people",
        ),
        (
            "Thousands of homes lost power.",
            "Thousands | number | lo=2000 | counted=homes",
        ),
        (
            "Hundreds of thousands of refugees fled.",
            "Hundreds of thousands | number | lo=200000 | counted=refugees",
        ),
    ]);
}

#[test]
fn numbers_that_are_not_quantities() {
    check(&[
        // Dates, years, clock times: the time tagger has them.
        ("The talks begin on January 13.", ""),
        ("Russia seized Crimea in 2014.", ""),
        ("The meeting starts at 3 p.m. on Friday.", ""),
        ("The crisis of 1962 still matters.", ""),
        ("Talks are set for 9-10 January.", ""),
        // Names with numbers.
        ("The Boeing 737 was grounded.", ""),
        ("COVID-19 cases rose.", ""),
        ("The F-16 jets arrived.", ""),
        ("Article 5 of the treaty applies.", ""),
        ("He lives near Route 66 with his dog.", ""),
        // Scores, codes, lists, ratios.
        ("They won a 2-1 victory.", ""),
        ("Call 202-555-0199 for help.", ""),
        ("The list read 1,2,3,4 and stopped.", ""),
        ("The shop is open 24/7 now.", ""),
        ("The steps are (1) plan and (2) build.", ""),
        ("The code called alert(1) twice.", ""),
        // "one" as a pronoun.
        ("No one was hurt.", ""),
        ("One of the leaders left.", ""),
        ("They blamed one another.", ""),
        // Mixed locales give a sensible value or nothing, never a panic.
        (
            "The fee was 1.234,5 units.",
            "1.234,5 | number | v=1234.5 | counted=units",
        ),
    ]);
}

#[test]
fn counted_phrase_ends_at_the_verb_or_the_clause() {
    check(&[
        (
            "5 people were killed in the blast.",
            "5 | number | v=5 | counted=people",
        ),
        (
            "Police said 40 protesters gathered outside.",
            "40 | number | v=40 | counted=protesters",
        ),
        (
            "Three heavily armed men entered.",
            "Three | number | v=3 | counted=heavily armed men",
        ),
        (
            "The army deployed 300 long-range missiles.",
            "300 | number | v=300 | counted=long-range missiles",
        ),
        (
            "About 200 US troops left the base.",
            "About 200 | number | v=200 | q=about | counted=US troops",
        ),
        (
            "The survey of 1,000 adults found support.",
            "1,000 | number | v=1000 | counted=adults",
        ),
        (
            "Three of the officials resigned.",
            "Three | number | v=3 | counted=officials",
        ),
    ]);
}

#[test]
fn bad_input_gives_sensible_values_or_none() {
    // 400 digits: too large for a number, so no quantity; no panic.
    let digits = "9".repeat(400);
    let a = run(&format!("The count was {digits} votes."));
    assert!(a
        .quantities
        .iter()
        .all(|q| q.value.is_none_or(f64::is_finite)));
    assert!(a.quantities.is_empty(), "{:?}", a.quantities);
    // A percentage as the very first token (found by the property tests).
    let a = run("0%ጘ");
    assert_eq!(a.quantities.len(), 1);
    // Long runs of numbers and qualifiers stay linear and in bounds.
    let text = "about 5 to 6 million more than 7 or so ".repeat(2000);
    let a = run(&text);
    assert!(!a.quantities.is_empty());
    for q in &a.quantities {
        assert_eq!(a.slice(q.start, q.end), Some(q.text.as_str()));
        if let (Some(lo), Some(hi)) = (q.low, q.high) {
            assert!(lo <= hi, "{q:?}");
        }
    }
}
