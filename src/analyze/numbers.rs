//! Number words, shared by the time tagger ("two months", "nineteen
//! ninety-one") and the quantity reader ("sixty", "twenty-five troops").

/// The number words below a hundred that are one word: "zero" to
/// "nineteen", then the tens.
pub(crate) const CARDINALS: [(&str, u32); 28] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// The value of a one-word number below a hundred (lower case).
pub(crate) fn cardinal(w: &str) -> Option<u32> {
    CARDINALS.iter().find(|(s, _)| *s == w).map(|&(_, n)| n)
}

/// "one" to "nine": the second half of "twenty-five".
pub(crate) fn unit(w: &str) -> Option<u32> {
    cardinal(w).filter(|n| (1..=9).contains(n))
}
