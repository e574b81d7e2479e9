//! Who is in the article: people, organisations, places and national groups,
//! each with every mention, its other names and the roles written beside it.
//!
//! The tagger ([`super::ner`]) finds the names sentence by sentence; this
//! layer turns names into entities:
//! - titles written before a name are its roles, not part of it ("US
//!   President Joe Biden" is the mention "Joe Biden" with the role "US
//!   President"), and so are appositions ("Jen Psaki, the White House press
//!   secretary,");
//! - mentions of one entity are grouped: a surname or a given name alone
//!   joins the full name it belongs to ("Biden", "Biden's" → Joe Biden), an
//!   acronym joins the name whose initials it is ("NATO" ↔ "North Atlantic
//!   Treaty Organization"), and a country's other names join its name from
//!   the country list ("US", "U.S.", "the United States" → United States);
//! - a name the tagger typed differently in different places takes the type
//!   most of its mentions have.

use super::ner::{self, gazetteer, tags};
use super::times::{MONTHS, WEEKDAYS};
use crate::document::Document;
use crate::output::{Entity, Span};
use std::sync::OnceLock;

/// The grouping's maps and sets, keyed by names and words: FNV, as the
/// other layers' word tables, where SipHash took longer over each short
/// key (they are only looked up, never read in order, so the hasher
/// changes no result).
type HashMap<K, V> = std::collections::HashMap<K, V, ner::features::Fnv>;
type HashSet<K> = std::collections::HashSet<K, ner::features::Fnv>;

/// Words that end a run of role words when walking back from a name (and
/// so do the names of weekdays and months, `times::WEEKDAYS` and
/// `times::MONTHS`: "on Monday President Biden").
const ROLE_STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "said",
    "says",
    "told",
    "by",
    "with",
    "to",
    "from",
    "as",
    "after",
    "before",
    "for",
    "that",
    "who",
    "when",
    "while",
    "where",
    "which",
    "on",
    "in",
    "at",
    "of",
    "his",
    "her",
    "their",
    "its",
    "our",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "has",
    "had",
    "have",
    "will",
    "would",
    "not",
    "also",
    "then",
    "than",
    "if",
    "because",
    "today",
    "yesterday",
    "tomorrow",
    "we",
    "they",
    "he",
    "she",
    "it",
    "i",
    "you",
    "this",
    "these",
    "those",
    "there",
    "here",
    "new",
];

/// Lower-case words that modify a role before a name ("former President",
/// "deputy foreign minister", "German government spokesman"): a lower-case
/// word in the run must be one of these or a role word itself, so that a
/// verb ("met Dr. Fauci") ends it.
const ROLE_MODIFIERS: &[&str] = &[
    "former",
    "deputy",
    "acting",
    "senior",
    "junior",
    "interim",
    "outgoing",
    "incoming",
    "longtime",
    "veteran",
    "top",
    "chief",
    "vice",
    "assistant",
    "associate",
    "general",
    "foreign",
    "policy",
    "government",
    "press",
    "state",
    "national",
    "federal",
    "regional",
    "local",
    "city",
    "county",
    "party",
    "opposition",
    "campaign",
    "company",
    "team",
    "club",
    "military",
    "army",
    "police",
    "defense",
    "defence",
    "security",
    "intelligence",
    "finance",
    "financial",
    "health",
    "interior",
    "justice",
    "trade",
    "economy",
    "economic",
    "energy",
    "education",
    "transport",
    "labor",
    "labour",
    "communications",
    "operating",
    "technology",
    "executive",
    "managing",
    "prime",
    "union",
    "administration",
    "white",
    "house",
    "news",
    "then",
    "then-",
    "co",
    "first",
    "lady",
    "head",
    "coach",
    "world",
    "olympic",
    "reigning",
    "defending",
    "presidential",
    "republican",
    "democratic",
    "conservative",
    "liberal",
];

/// Forms of address: before a name they are titles, not roles.
const HONORIFICS: &[&str] = &["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx."];

/// Words left out of an organisation's initials ("Organization of the
/// Petroleum Exporting Countries" is OPEC).
const INITIALS_SKIP: &[&str] = &["of", "the", "and", "for", "on", "in", "&", "de", "to", "at"];

/// Longest role read before a name, in words.
const MAX_ROLE_WORDS: usize = 7;
/// Longest apposition read after a name, in words ("the director of the
/// National Institute of Allergy and Infectious Diseases").
const MAX_APPOSITION_WORDS: usize = 12;

/// Output types, by tagger type (MISC becomes GROUP only for nationalities).
const KIND_NAMES: [&str; 4] = ["PERSON", "ORG", "PLACE", "GROUP"];

/// A name found in the text.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    /// 0 person, 1 organisation, 2 place, 3 group.
    kind: usize,
    /// The name's words.
    words: Vec<String>,
    roles: Vec<String>,
}

fn lower(s: &str) -> String {
    ner::features::fold(s).to_lowercase()
}

type Countries = HashMap<String, String>;

/// Country names and aliases (lower case) to the name the list uses.
/// (FNV-hashed: it is asked about words of every sentence, and only asked.)
fn countries() -> &'static Countries {
    static C: OnceLock<Countries> = OnceLock::new();
    C.get_or_init(|| {
        let mut m = Countries::default();
        for line in gazetteer::COUNTRIES.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let Some(canonical) = cols.next() else {
                continue;
            };
            for alias in std::iter::once(canonical).chain(cols) {
                m.entry(lower(alias.trim()))
                    .or_insert_with(|| canonical.to_string());
            }
        }
        m
    })
}

/// A country's code as news writes it ("US", "U.S.", "UK", "UAE"): two to
/// four capitals, with or without full stops, that the country list has.
fn is_country_code(w: &str) -> bool {
    let letters = w.chars().filter(|c| *c != '.').count();
    (2..=4).contains(&letters)
        && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        && countries().contains_key(&lower(w))
}

/// Nationality words (lower case), plurals too ("Russians").
fn is_demonym(w: &str) -> bool {
    let g = gazetteer::builtin();
    g.contains(gazetteer::DEMONYM, w)
        || w.strip_suffix('s')
            .is_some_and(|s| g.contains(gazetteer::DEMONYM, s))
}

fn is_title(words: &[&str]) -> bool {
    gazetteer::builtin().contains(gazetteer::TITLE, &words.join(" "))
}

/// The role written before word `a` of a sentence: a run of title words,
/// capitalised words and modifiers ending in a title right before the name
/// ("White House Press Secretary", "Kremlin assistant", "former President").
fn role_before(words: &[&str], a: usize, in_person: &[bool]) -> Option<usize> {
    // The title nearest the name, possibly of several words ("Prime
    // Minister", "Press Secretary").
    let mut head = None;
    for n in (1..=3.min(a)).rev() {
        if is_title(&words[a - n..a]) {
            head = Some(a - n);
            break;
        }
    }
    let mut start = head?;
    if HONORIFICS.contains(&lower(words[start]).as_str()) {
        return None;
    }
    while start > 0 && a - start < MAX_ROLE_WORDS {
        let w = words[start - 1];
        let l = lower(w);
        let modifier = ROLE_MODIFIERS.contains(&l.as_str()) || is_title(&[w]);
        if ROLE_STOP.contains(&l.as_str())
            || WEEKDAYS.contains(&l.as_str())
            || MONTHS.contains(&l.as_str())
            || HONORIFICS.contains(&l.as_str())
            || !w.chars().any(char::is_alphabetic)
            || w == "'s"
            || in_person[start - 1]
            || (!w.starts_with(char::is_uppercase) && !modifier)
        {
            break;
        }
        start -= 1;
    }
    Some(start)
}

/// The role in an apposition after a name ending at word `b`: ", the White
/// House press secretary," or ", a spokesman for the State Department,"; its
/// words as a range.
fn role_after(words: &[&str], b: usize) -> Option<(usize, usize)> {
    if words.get(b) != Some(&",") {
        return None;
    }
    let mut i = b + 1;
    if words.get(i).is_some_and(|w| {
        matches!(
            lower(w).as_str(),
            "the" | "a" | "an" | "his" | "her" | "its"
        )
    }) {
        i += 1;
    }
    let start = i;
    // "and" inside the role only after "of"/"for" ("director of the Institute
    // of Allergy and Infectious Diseases"); before, it means a list of names.
    let mut of = false;
    while i < words.len() && i - start <= MAX_APPOSITION_WORDS {
        let w = words[i];
        if matches!(w, "," | "." | ";" | ":" | "(" | ")" | "\"" | "”" | "“") {
            break;
        }
        let l = lower(w);
        if matches!(l.as_str(), "said" | "says" | "told" | "who" | "which") || (l == "and" && !of) {
            return None;
        }
        of |= matches!(l.as_str(), "of" | "for" | "to" | "at");
        i += 1;
    }
    if i == start
        || i - start > MAX_APPOSITION_WORDS
        || !matches!(words.get(i), Some(&",") | Some(&".") | Some(&"("))
    {
        return None;
    }
    let run = &words[start..i];
    // A role names a title: its last word, or the word before "of"/"for"/
    // "to"/"at" ("spokesman for the State Department").
    let head = run
        .iter()
        .position(|w| matches!(lower(w).as_str(), "of" | "for" | "to" | "at"))
        .unwrap_or(run.len());
    if head == 0 || !is_title(&run[head - 1..head]) {
        return None;
    }
    Some((start, i))
}

/// The names the tagger finds in the document, with their roles.
fn mentions(doc: &Document) -> Vec<Mention> {
    let text = doc.text;
    // The tagger's words are slices of the text, cut from each sentence's
    // tokens when the tagger asks (`DocWords`); where each starts is found
    // from the slice itself (`offset`) rather than kept beside it.
    let offset = |w: &str| w.as_ptr() as usize - text.as_ptr() as usize;
    let mut out = Vec::new();
    ner::tag(&DocWords(doc), |_, words, tags| {
        let tags = &tags;
        let start = |i: usize| offset(words[i]);
        let end = |i: usize| offset(words[i]) + words[i].len();
        let spans = tags::spans(tags);
        // A role never runs into another person's name.
        let mut in_person = vec![false; words.len()];
        for &(a, b, k) in &spans {
            if k == 0 {
                in_person[a..b].iter_mut().for_each(|x| *x = true);
            }
        }
        // Country codes the tagger left alone ("US President Joe Biden"):
        // written in capitals, listed as a country's other name, outside a
        // headline set in capitals.
        let caps = ner::features::is_caps_sentence(words);
        let mut spans = spans;
        let mut covered = vec![false; words.len()];
        for &(a, b, _) in &spans {
            covered[a..b].iter_mut().for_each(|x| *x = true);
        }
        for (i, w) in words.iter().enumerate() {
            if !covered[i] && !caps && is_country_code(w) {
                spans.push((i, i + 1, 2));
            }
        }
        spans.sort_unstable();
        for (mut a, b, kind) in spans {
            let mut roles = Vec::new();
            let kind = match kind {
                3 if b - a == 1 && is_demonym(words[a]) => 3,
                3 => continue,
                // A country's name alone is the place, even where the tagger
                // read it as the government acting ("the US said").
                1 if countries().contains_key(&lower(&words[a..b].join(" "))) => 2,
                k => k,
            };
            // Roles as written, from the first word's start to the last's end.
            let written = |from: usize, to: usize| text[start(from)..end(to - 1)].to_string();
            if kind == 0 && words[a..b].iter().all(|w| is_title(&[w])) {
                // "The Chancellor set out…": a title alone is not a name.
                continue;
            }
            if kind == 0 {
                // A title the tagger took into the name.
                let first = a;
                while a + 1 < b && is_title(&words[a..a + 1]) {
                    a += 1;
                }
                let title_start = role_before(words, a, &in_person).unwrap_or(first);
                if a > title_start && !HONORIFICS.contains(&lower(words[a - 1]).as_str()) {
                    roles.push(written(title_start, a));
                }
                if let Some((from, to)) = role_after(words, b) {
                    roles.push(written(from, to));
                }
            } else if kind != 3 && b - a > 1 && lower(words[a]) == "the" {
                a += 1;
            }
            out.push(Mention {
                start: start(a),
                end: end(b - 1),
                kind,
                words: words[a..b].iter().map(|w| w.to_string()).collect(),
                roles,
            });
        }
    });
    out
}

/// A document's sentences as the tagger's words ([`ner::words`]), cut from
/// the tokens of the sentence it asks for.
struct DocWords<'d, 't>(&'d Document<'t>);

impl ner::Sentences for DocWords<'_, '_> {
    fn count(&self) -> usize {
        self.0.sentences.len()
    }

    fn words_at_most(&self) -> usize {
        self.0.tokens.len()
    }

    fn words_into<'a>(&'a self, s: usize, out: &mut Vec<&'a str>) {
        let (text, range) = (self.0.text, self.0.sentences[s].tokens.clone());
        out.clear();
        ner::words(text, &self.0.tokens[range], out);
    }
}

/// The initials of an organisation's name ("North Atlantic Treaty
/// Organization" → "NATO"), if it has at least two.
fn initials(words: &[String]) -> Option<String> {
    let letters: String = words
        .iter()
        .filter(|w| !INITIALS_SKIP.contains(&lower(w).as_str()))
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    (letters.chars().count() >= 2 && words.len() >= 2).then_some(letters)
}

/// An acronym's letters ("U.N." → "UN"), if the word is one.
fn acronym(w: &str) -> Option<String> {
    let letters: String = w.chars().filter(|c| *c != '.').collect();
    (letters.chars().count() >= 2
        && letters.chars().all(|c| c.is_uppercase())
        && letters.chars().count() <= 8)
        .then_some(letters)
}

/// One entity being assembled.
struct Group {
    kind: usize,
    /// Indexes into the mentions.
    members: Vec<usize>,
}

/// The key under which equal names meet: lower case, a country's listed
/// name for its other names.
fn name_key(m: &Mention, kind: usize, initials_clash: &HashSet<String>) -> String {
    if kind == 0 {
        let bare = without_initials(&m.words);
        if bare.len() < m.words.len() && !initials_clash.contains(&lower(&bare.join(" "))) {
            return lower(&bare.join(" "));
        }
    }
    let name = lower(&m.words.join(" "));
    if kind == 2 {
        if let Some(c) = countries().get(&name) {
            return lower(c);
        }
    }
    name
}

/// Whether a word is a middle initial ("E.", "E", "H.W.").
fn is_initial(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|&c| c != '.').collect();
    !letters.is_empty()
        && letters.len() <= 3
        && letters.iter().all(|c| c.is_uppercase())
        && (letters.len() == 1 || w.contains('.'))
}

/// A person's name without its middle initials ("Loretta E. Lynch" →
/// "Loretta Lynch"), so that both spellings are one person; the first and
/// last words always stay.
fn without_initials(words: &[String]) -> Vec<&str> {
    let n = words.len();
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i + 1 == n || !is_initial(w))
        .map(|(_, w)| w.as_str())
        .collect()
}

/// Names (lower case, initials left out) written with two different sets
/// of middle initials in one article ("George W. Bush", "George H.W.
/// Bush"): two people, so neither loses its initials in [`name_key`].
fn initials_clashes(ms: &[Mention]) -> HashSet<String> {
    let mut seen: HashMap<String, String> = HashMap::default();
    let mut clash = HashSet::default();
    for m in ms.iter().filter(|m| m.kind == 0 && m.words.len() > 2) {
        let bare = without_initials(&m.words);
        if bare.len() == m.words.len() {
            continue;
        }
        let key = lower(&bare.join(" "));
        let full = lower(&m.words.join(" "));
        match seen.get(&key) {
            Some(other) if *other != full => {
                clash.insert(key);
            }
            Some(_) => {}
            None => {
                seen.insert(key, full);
            }
        }
    }
    clash
}

/// Where a one-word name or an acronym can find its entity, kept as groups
/// are made so that grouping stays linear in the mentions.
#[derive(Default)]
struct Index {
    /// Surname (lower case) → people named in full with it.
    surnames: HashMap<String, Vec<usize>>,
    /// Given name (lower case) → people named in full with it.
    given: HashMap<String, Vec<usize>>,
    /// Initials → the organisation whose full name has them (the first).
    initials: HashMap<String, usize>,
    /// Per group, the starts of its full-name mentions, in text order.
    full_starts: Vec<Vec<usize>>,
}

impl Index {
    /// Records mention `m` (of kind `kind`) in group `g`.
    fn add(&mut self, g: usize, m: &Mention, kind: usize) {
        if self.full_starts.len() <= g {
            self.full_starts.resize(g + 1, Vec::new());
        }
        if m.words.len() < 2 {
            return;
        }
        match kind {
            0 => {
                let starts = &mut self.full_starts[g];
                let at = starts.partition_point(|&s| s < m.start);
                starts.insert(at, m.start);
                for (map, w) in [
                    (&mut self.surnames, &m.words[m.words.len() - 1]),
                    (&mut self.given, &m.words[0]),
                ] {
                    let list = map.entry(lower(w)).or_default();
                    if !list.contains(&g) {
                        list.push(g);
                    }
                }
            }
            1 => {
                if let Some(i) = initials(&m.words) {
                    self.initials.entry(i).or_insert(g);
                }
            }
            _ => {}
        }
    }

    /// The person a one-word name refers to: one named in full whose surname
    /// (else given name) it is; the one named last before it wins, else the
    /// first named.
    fn person(&self, m: &Mention) -> Option<usize> {
        let w = lower(&m.words[0]);
        for map in [&self.surnames, &self.given] {
            if let Some(cands) = map.get(&w) {
                return cands.iter().copied().max_by_key(|&g| {
                    let starts = &self.full_starts[g];
                    let before = starts.partition_point(|&s| s < m.start);
                    (
                        before.checked_sub(1).map(|i| starts[i]),
                        std::cmp::Reverse(g),
                    )
                });
            }
        }
        None
    }
}

/// Groups the mentions into entities, each with its mentions in text order.
fn group(ms: &[Mention]) -> Vec<Group> {
    // 1. One type per name: the type most of its mentions have.
    let mut votes: HashMap<String, [u32; 4]> = HashMap::default();
    for m in ms {
        votes.entry(m.words.join(" ")).or_default()[m.kind] += 1;
    }
    let mut kinds: Vec<usize> = ms
        .iter()
        .map(|m| {
            let v = votes[&m.words.join(" ")];
            (0..4)
                .max_by_key(|&k| (v[k], k == m.kind))
                .unwrap_or(m.kind)
        })
        .collect();
    // 1b. A one-word name that is the surname of someone the article names
    // in full is that person, whatever the tagger made of it alone: "Lynch
    // said" after "Loretta Lynch" is not an organisation, however often the
    // tagger reads it so. Countries keep their type ("Jordan").
    let surnames: HashSet<String> = ms
        .iter()
        .zip(&kinds)
        .filter(|(m, &k)| k == 0 && m.words.len() > 1)
        .map(|(m, _)| lower(&m.words[m.words.len() - 1]))
        .collect();
    for (m, k) in ms.iter().zip(kinds.iter_mut()) {
        if *k == 1
            && m.words.len() == 1
            && acronym(&m.words[0]).is_none()
            && surnames.contains(&lower(&m.words[0]))
        {
            *k = 0;
        }
    }

    // 2. Longer names first, so that a surname or an acronym met before its
    // full name still finds it.
    let mut order: Vec<usize> = (0..ms.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(ms[i].words.len()), ms[i].start));
    let clashes = initials_clashes(ms);
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<(usize, String), usize> = HashMap::default();
    let mut index = Index::default();
    for &i in &order {
        let (m, kind) = (&ms[i], kinds[i]);
        let key = (kind, name_key(m, kind, &clashes));
        // A surname alone is resolved each time: two people may share it, and
        // the one meant is the one named last.
        let surname = (kind == 0 && m.words.len() == 1)
            .then(|| index.person(m))
            .flatten();
        let g = match surname.or_else(|| by_key.get(&key).copied()) {
            Some(g) => g,
            None => {
                let found = match kind {
                    1 if m.words.len() == 1 => {
                        acronym(&m.words[0]).and_then(|a| index.initials.get(&a).copied())
                    }
                    _ => None,
                };
                let g = found.unwrap_or_else(|| {
                    groups.push(Group {
                        kind,
                        members: Vec::new(),
                    });
                    groups.len() - 1
                });
                by_key.insert(key, g);
                g
            }
        };
        index.add(g, m, kind);
        groups[g].members.push(i);
    }
    for g in &mut groups {
        g.members.sort_by_key(|&i| ms[i].start);
    }
    groups.retain(|g| !g.members.is_empty());
    groups
}

/// The entities of a document. Spans are byte offsets here (the output
/// turns them into UTF-16).
#[inline(never)] // a function of its own in the browser module: see `lib.rs`
pub fn entities(doc: &Document) -> Vec<Entity> {
    let ms = mentions(doc);
    let groups = group(&ms);
    let mut out: Vec<Entity> = groups
        .into_iter()
        .map(|g| {
            let names: Vec<String> = g.members.iter().map(|&i| ms[i].words.join(" ")).collect();
            // The name: a country's listed name, else the longest written
            // form (the first of equals).
            let longest = g
                .members
                .iter()
                .zip(&names)
                .max_by_key(|(&i, _)| (ms[i].words.len(), std::cmp::Reverse(ms[i].start)))
                .map(|(_, n)| n.clone())
                .unwrap_or_default();
            let name = if g.kind == 2 {
                countries()
                    .get(&lower(&longest))
                    .cloned()
                    .unwrap_or(longest)
            } else {
                longest
            };
            let mut aliases: Vec<String> = Vec::new();
            for n in &names {
                if *n != name && !aliases.contains(n) {
                    aliases.push(n.clone());
                }
            }
            // Roles once each; one that a longer one ends with ("President"
            // beside "US President") says nothing more.
            let mut roles: Vec<String> = Vec::new();
            for &i in &g.members {
                for r in &ms[i].roles {
                    if !roles.iter().any(|x| x.eq_ignore_ascii_case(r)) {
                        roles.push(r.clone());
                    }
                }
            }
            let all = roles.clone();
            roles.retain(|r| {
                let l = lower(r);
                !all.iter().any(|x| {
                    let x = lower(x);
                    x.len() > l.len() && x.ends_with(&l) && x[..x.len() - l.len()].ends_with(' ')
                })
            });
            let mentions: Vec<Span> = g
                .members
                .iter()
                .map(|&i| Span::new(ms[i].start, ms[i].end))
                .collect();
            Entity {
                id: 0,
                kind: KIND_NAMES[g.kind],
                name,
                first: mentions[0],
                count: mentions.len() as u32,
                mentions,
                aliases,
                roles,
            }
        })
        .collect();
    out.sort_by_key(|e| (std::cmp::Reverse(e.count), e.first.start));
    for (i, e) in out.iter_mut().enumerate() {
        e.id = i as u32;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(ws: &[&str]) -> Vec<String> {
        ws.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn initials_skip_function_words() {
        let i = |ws: &[&str]| initials(&owned(ws));
        assert_eq!(
            i(&["North", "Atlantic", "Treaty", "Organization"]).as_deref(),
            Some("NATO")
        );
        assert_eq!(
            i(&[
                "Organization",
                "of",
                "the",
                "Petroleum",
                "Exporting",
                "Countries"
            ])
            .as_deref(),
            Some("OPEC")
        );
        assert_eq!(i(&["Reuters"]), None, "one word has no initials");
        assert_eq!(acronym("U.N.").as_deref(), Some("UN"));
        assert_eq!(acronym("NATO").as_deref(), Some("NATO"));
        assert_eq!(acronym("Nato"), None);
        assert_eq!(acronym("A"), None);
    }

    fn mention(start: usize, kind: usize, name: &str) -> Mention {
        Mention {
            start,
            end: start + name.len(),
            kind,
            words: name.split(' ').map(str::to_string).collect(),
            roles: Vec::new(),
        }
    }

    /// The groups as (kind, names of the members in text order).
    fn grouped(ms: &[Mention]) -> Vec<(usize, Vec<String>)> {
        group(ms)
            .into_iter()
            .map(|g| {
                let names = g.members.iter().map(|&i| ms[i].words.join(" ")).collect();
                (g.kind, names)
            })
            .collect()
    }

    #[test]
    fn a_surname_read_as_an_organisation_joins_the_person() {
        // The tagger read "Lynch" alone as an organisation, more often than
        // not: the article named Loretta Lynch, so it is her.
        let ms = [
            mention(0, 0, "Loretta E. Lynch"),
            mention(40, 1, "Lynch"),
            mention(80, 1, "Lynch"),
            mention(120, 0, "Loretta Lynch"),
            mention(160, 1, "Justice Department"),
            mention(200, 1, "NATO"),
        ];
        let g = grouped(&ms);
        assert_eq!(g.len(), 3, "{g:?}");
        assert_eq!(g[0].0, 0, "a person");
        assert_eq!(
            g[0].1,
            ["Loretta E. Lynch", "Lynch", "Lynch", "Loretta Lynch"],
            "the middle initial is no other person"
        );
        assert!(g
            .iter()
            .any(|(k, n)| *k == 1 && n == &["Justice Department"]));
        assert!(g.iter().any(|(k, n)| *k == 1 && n == &["NATO"]));
    }

    #[test]
    fn two_sets_of_middle_initials_are_two_people() {
        let ms = [
            mention(0, 0, "George W. Bush"),
            mention(40, 0, "George H.W. Bush"),
            mention(80, 0, "George W. Bush"),
        ];
        let g = grouped(&ms);
        assert_eq!(g.len(), 2, "{g:?}");
        assert!(is_initial("E.") && is_initial("E") && is_initial("H.W."));
        assert!(!is_initial("Lee") && !is_initial("US") && !is_initial("de"));
    }

    #[test]
    fn country_codes() {
        assert!(is_country_code("US") && is_country_code("U.S.") && is_country_code("UK"));
        assert!(!is_country_code("us") && !is_country_code("IT'S") && !is_country_code("NATO"));
    }

    #[test]
    fn roles_around_names() {
        let words: Vec<&str> = "said White House Press Secretary Jen Psaki"
            .split(' ')
            .collect();
        let no_person = vec![false; words.len()];
        assert_eq!(role_before(&words, 5, &no_person), Some(1));
        let words: Vec<&str> = "Jen Psaki , the White House press secretary , said"
            .split(' ')
            .collect();
        assert_eq!(role_after(&words, 2), Some((4, 8)));
        let words: Vec<&str> = "Jen Psaki , Joe Biden and Ned Price came"
            .split(' ')
            .collect();
        assert_eq!(role_after(&words, 2), None, "a list of names is no role");
    }
}
