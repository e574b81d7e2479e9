//! Who said what: quotations and reported speech, their speakers, and the
//! sources an article rests on.
//!
//! The recipe, in order:
//! 1. [`pair_marks`]: quotation marks are paired paragraph by paragraph
//!    (straight and curly, single inside double, guillemets, „…“). A quote
//!    left open at the end of a paragraph continues when the next paragraph
//!    opens with a quote mark (the convention for speech over several
//!    paragraphs) and ends with its paragraph otherwise, so a missing close
//!    never swallows the rest of the article.
//! 2. [`find_cues`]: in each sentence, outside quotes, the attribution cues
//!    (a verb of saying in any tense, "according to", "described by … as", a
//!    colon after a name) and the speaker each one names: the subject before
//!    the verb, or the name after it in "…,” said Smith".
//! 3. Each quote takes the cue of its own sentences nearest to it; a quote
//!    with none continues the last speaker of its paragraph (or of the
//!    previous one when the quote opens its paragraph); a short quote with
//!    no speaker is a scare quote. Cues no quote took report speech
//!    indirectly: their reported clause is an `indirect` quote.
//! 4. Speakers are resolved in text order: a name to its entity, a pronoun
//!    to the last fitting speaker or person, a description ("the spokesman")
//!    to the person whose role it is, or else to the unnamed source
//!    described the same way earlier.
//! 5. Sources: one per entity or unnamed source, with its quotes and quoted
//!    words.
//!
//! Everything is linear in the text: marks are paired in one pass with a
//! stack of bounded depth, cues are looked for in windows of bounded size.

use super::WordSet;
use crate::document::Document;
use crate::output::{Entity, Quote, QuoteSource, Span, Speaker};
use crate::segment::{Token, TokenKind};
use std::collections::HashMap;
use std::ops::Range;

/// Verbs of saying, in every form that reports speech. Base forms are kept
/// for "would say", "will tell" and present tense plurals ("officials say").
static CUE_VERBS: WordSet = WordSet::new(&[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "write",
    "writes",
    "wrote",
    "writing",
    "written",
    "warn",
    "warns",
    "warned",
    "warning",
    "note",
    "notes",
    "noted",
    "noting",
    "explain",
    "explains",
    "explained",
    "explaining",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "argue",
    "argues",
    "argued",
    "arguing",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "declare",
    "declares",
    "declared",
    "declaring",
    "announce",
    "announces",
    "announced",
    "announcing",
    "stated",
    "report",
    "reports",
    "reported",
    "reporting",
    "tweet",
    "tweets",
    "tweeted",
    "tweeting",
    "posted",
    "asked",
    "asks",
    "asking",
    "answered",
    "replied",
    "replies",
    "responded",
    "responds",
    "continued",
    "continues",
    "recalled",
    "recalls",
    "recalling",
    "admitted",
    "admits",
    "admitting",
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "conceded",
    "concedes",
    "suggested",
    "suggests",
    "suggesting",
    "predicted",
    "predicts",
    "promised",
    "promises",
    "promising",
    "vowed",
    "vows",
    "vowing",
    "pledged",
    "pledges",
    "urged",
    "urges",
    "urging",
    "described",
    "describes",
    "describing",
    "testified",
    "complained",
    "complains",
    "joked",
    "quipped",
    "boasted",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "observed",
    "remarked",
    "commented",
    "alleged",
    "alleges",
    "asserted",
    "asserts",
    "contended",
    "contends",
    "countered",
    "retorted",
    "shouted",
    "yelled",
    "whispered",
    "chanted",
    "chanting",
    "cried",
    "exclaimed",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "feared",
    "fears",
    "hoped",
    "hopes",
    "agreed",
    "agrees",
    "cautioned",
    "concluded",
    "concludes",
    "estimated",
    "estimates",
    "called",
    "calls",
    "calling",
    "labeled",
    "labelled",
    "dubbed",
    "branded",
    "blasted",
    "slammed",
    "criticized",
    "criticised",
    "praised",
    "accused",
    "accuses",
    "charged",
    "demanded",
    "demands",
    "proclaimed",
    "questioned",
    "wondered",
    "mused",
    "revealed",
    "disclosed",
    "recounted",
    "texted",
    "emailed",
    "wrote",
    "insisted",
    "maintained",
    "maintains",
    "indicated",
    "indicates",
    "found",
    "finds",
    "shows",
    "showed",
    "explained",
    "pointed",
    "signaled",
    "signalled",
    "hinted",
    "conceded",
    "lamented",
    "added",
    "echoed",
    "echoing",
    "recalls",
    "informed",
    "assured",
    "reminded",
    "answers",
    "replying",
    "responding",
    "warns",
    "predicting",
    "cited",
    "citing",
    "expects",
    "expected",
]);

/// Verbs of saying that are weak on their own ("found", "shows", "thought",
/// "expected"): they report speech only with a clause after them, so they
/// make indirect quotes but never take a quotation.
static WEAK_CUES: WordSet = WordSet::new(&[
    "found",
    "finds",
    "shows",
    "showed",
    "think",
    "thinks",
    "thought",
    "feared",
    "fears",
    "hoped",
    "hopes",
    "believe",
    "believes",
    "believed",
    "expects",
    "expected",
    "indicated",
    "indicates",
    "cited",
    "citing",
    "estimated",
    "estimates",
    "agreed",
    "agrees",
    "pointed",
    "signaled",
    "signalled",
]);

/// Verbs of stance and thought ("wants", "endorsed", "seemed", "opposes"):
/// they attribute a position, not words, so they make indirect reports
/// only (like [`WEAK_CUES`]), never take a quotation unless right beside it.
/// The project's own list of common English verbs; which of them report a
/// position was checked against the PolNeAR training split's cues.
static STANCE_VERBS: WordSet = WordSet::new(&[
    "want",
    "wants",
    "wanted",
    "show",
    "shown",
    "support",
    "supports",
    "supported",
    "supporting",
    "appear",
    "appears",
    "appeared",
    "seem",
    "seems",
    "seemed",
    "see",
    "sees",
    "saw",
    "endorse",
    "endorses",
    "endorsed",
    "endorsing",
    "decline",
    "declines",
    "declined",
    "refuse",
    "refuses",
    "refused",
    "defend",
    "defends",
    "defended",
    "defending",
    "plan",
    "plans",
    "planned",
    "seek",
    "seeks",
    "sought",
    "back",
    "backs",
    "backed",
    "backing",
    "offer",
    "offers",
    "offered",
    "denounce",
    "denounces",
    "denounced",
    "oppose",
    "opposes",
    "opposed",
    "opposing",
    "attack",
    "attacks",
    "attacked",
    "attacking",
    "propose",
    "proposes",
    "proposed",
    "dismiss",
    "dismisses",
    "dismissed",
    "consider",
    "considers",
    "considered",
    "question",
    "questions",
    "expect",
    "views",
    "viewed",
    "criticize",
    "criticizes",
    "criticise",
    "criticises",
    "reject",
    "rejects",
    "rejected",
    "prefer",
    "prefers",
    "preferred",
    "favor",
    "favors",
    "favored",
    "favour",
    "favours",
    "favoured",
    "discuss",
    "discusses",
    "discussed",
    "vow",
    "accuse",
    "blast",
    "blasts",
    "promise",
    "remind",
    "reminds",
    "decide",
    "decides",
    "decided",
    "blame",
    "blames",
    "blamed",
    "express",
    "expresses",
    "expressed",
    "praise",
    "praises",
    "tout",
    "touts",
    "touted",
    "cite",
    "cites",
    "threaten",
    "threatens",
    "threatened",
    "decry",
    "decries",
    "decried",
    "mock",
    "mocks",
    "mocked",
    "repeat",
    "repeats",
    "repeated",
    "acknowledge",
    "accept",
    "accepts",
    "accepted",
    "request",
    "requests",
    "requested",
    "invoke",
    "invokes",
    "invoked",
    "urge",
    "recognize",
    "recognizes",
    "recognized",
    "challenge",
    "challenges",
    "challenged",
    "unveil",
    "unveils",
    "unveiled",
    "compare",
    "compares",
    "compared",
    "outline",
    "outlines",
    "outlined",
    "learn",
    "learns",
    "learned",
    "learnt",
    "highlight",
    "highlights",
    "highlighted",
    "encourage",
    "encourages",
    "encouraged",
    "predict",
    "reiterate",
    "reiterates",
    "reiterated",
    "brag",
    "brags",
    "bragged",
    "thank",
    "thanks",
    "thanked",
    "slam",
    "slams",
    "demand",
    "portray",
    "portrays",
    "portrayed",
    "ignore",
    "ignores",
    "ignored",
    "envision",
    "envisions",
    "envisioned",
    "wonder",
    "wonders",
    "worry",
    "worries",
    "worried",
    "allege",
    "recall",
    "applaud",
    "applauds",
    "applauded",
    "welcome",
    "welcomes",
    "welcomed",
    "condemn",
    "condemns",
    "condemned",
    "assail",
    "assails",
    "assailed",
    "deny",
    "intend",
    "intends",
    "intended",
    "downplay",
    "downplays",
    "downplayed",
    "hint",
    "hints",
    "knew",
    "know",
    "knows",
    "feel",
    "feels",
    "felt",
    "hope",
    "mention",
    "mentions",
    "mentioned",
    "referred",
    "refers",
    "talked",
    "talks",
    "sued",
    "sues",
    "fear",
    "rebuked",
    "rebuts",
    "rebutted",
    "disputed",
    "disputes",
    "dispute",
    "concede",
    "lauded",
    "lauds",
    "pushed",
    "pushes",
    "push",
    "agree",
    "doubt",
    "doubts",
    "doubted",
]);

/// Words between a subject and its verb ("Smith also said", "he has long
/// argued"): adverbs and auxiliaries, skipped when walking back to the
/// subject.
static BETWEEN: WordSet = WordSet::new(&[
    "also",
    "later",
    "then",
    "again",
    "previously",
    "once",
    "still",
    "recently",
    "now",
    "further",
    "repeatedly",
    "first",
    "last",
    "often",
    "never",
    "has",
    "have",
    "had",
    "was",
    "is",
    "are",
    "were",
    "will",
    "would",
    "could",
    "should",
    "might",
    "may",
    "did",
    "does",
    "do",
    "'d",
    "'s",
    "has",
    "been",
    "being",
    "long",
    "even",
    "just",
    "already",
    "too",
    "not",
    "n't",
    "frequently",
    "subsequently",
    "separately",
    "similarly",
    "earlier",
    "today",
    "yesterday",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "on",
    "reportedly",
    "publicly",
    "privately",
    "simply",
    "flatly",
    "angrily",
    "quickly",
    "finally",
    "only",
    "always",
]);

/// Nouns for people who speak without a name: their description makes an
/// anonymous source ("a senior administration official", "sources familiar
/// with the talks", "the spokesman").
static PEOPLE_NOUNS: WordSet = WordSet::new(&[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "spokesmen",
    "source",
    "sources",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "person",
    "people",
    "persons",
    "diplomat",
    "diplomats",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "observer",
    "observers",
    "insider",
    "insiders",
    "staffer",
    "staffers",
    "member",
    "members",
    "lawmaker",
    "lawmakers",
    "legislator",
    "legislators",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "economist",
    "economists",
    "critic",
    "critics",
    "supporter",
    "supporters",
    "voter",
    "voters",
    "protester",
    "protesters",
    "protestors",
    "police",
    "officer",
    "officers",
    "investigator",
    "investigators",
    "prosecutor",
    "prosecutors",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "executive",
    "executives",
    "employee",
    "employees",
    "worker",
    "workers",
    "leader",
    "leaders",
    "representative",
    "representatives",
    "negotiator",
    "negotiators",
    "doctor",
    "doctors",
    "scientist",
    "scientists",
    "researcher",
    "researchers",
    "activist",
    "activists",
    "organizer",
    "organizers",
    "organiser",
    "organisers",
    "strategist",
    "strategists",
    "operative",
    "operatives",
    "consultant",
    "consultants",
    "pollster",
    "pollsters",
    "man",
    "woman",
    "men",
    "women",
    "friend",
    "friends",
    "colleague",
    "colleagues",
    "associate",
    "associates",
    "ally",
    "allies",
    "donor",
    "donors",
    "veteran",
    "veterans",
    "student",
    "students",
    "teacher",
    "teachers",
    "parent",
    "parents",
    "owner",
    "owners",
    "manager",
    "managers",
    "director",
    "directors",
    "minister",
    "ministers",
    "secretary",
    "senator",
    "senators",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "president",
    "chairman",
    "chairwoman",
    "chair",
    "commander",
    "commanders",
    "general",
    "generals",
    "soldier",
    "soldiers",
    "judge",
    "judges",
    "historian",
    "historians",
    "professor",
    "professors",
    "reporter",
    "reporters",
    "journalist",
    "journalists",
    "candidate",
    "candidates",
    "republicans",
    "democrats",
    "conservatives",
    "liberals",
    "backers",
    "fans",
    "players",
    "coach",
    "authorities",
    "participants",
    "delegates",
    "democrat",
    "republican",
    "others",
    "percent",
    "majority",
    "minority",
    "half",
    "plurality",
    "respondents",
    "opponents",
    "proponents",
    "advocates",
    "skeptics",
    "detractors",
    "defenders",
]);

/// Descriptions of institutions and documents ("the newspaper", "the
/// report"): they name an organisation of the text when one precedes them.
static ORG_NOUNS: WordSet = WordSet::new(&[
    "newspaper",
    "paper",
    "agency",
    "ministry",
    "department",
    "company",
    "firm",
    "government",
    "administration",
    "campaign",
    "committee",
    "group",
    "organization",
    "organisation",
    "court",
    "report",
    "statement",
    "study",
    "survey",
    "poll",
    "network",
    "channel",
    "magazine",
    "website",
    "outlet",
    "council",
    "party",
    "office",
    "bank",
    "union",
    "team",
    "club",
    "university",
    "institute",
    "commission",
    "board",
    "army",
    "military",
    "police",
    "embassy",
    "kremlin",
    "white",
    "foundation",
    "center",
    "centre",
    "service",
    "authority",
]);

/// Things written or said that carry someone's words ("a statement
/// saying").
static DOCUMENT_NOUNS: WordSet = WordSet::new(&[
    "statement",
    "letter",
    "email",
    "e-mail",
    "tweet",
    "post",
    "note",
    "message",
    "video",
    "ad",
    "memo",
    "release",
    "interview",
    "speech",
    "op-ed",
    "column",
    "book",
    "report",
]);

/// Words that open a noun phrase: a description starts at the last of these
/// before its head.
static DETERMINERS: WordSet = WordSet::new(&[
    "a",
    "an",
    "the",
    "some",
    "several",
    "many",
    "two",
    "three",
    "four",
    "five",
    "one",
    "another",
    "other",
    "most",
    "few",
    "all",
    "both",
    "his",
    "her",
    "their",
    "its",
    "our",
    "this",
    "that",
    "these",
    "those",
    "numerous",
    "various",
    "multiple",
    "senior",
    "top",
    "unnamed",
    "anonymous",
]);

/// Forms of address, left out of a name.
const HONORIFIC_WORDS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "gen", "prof",
];

/// Capitalised words that are not names where a subject stands.
static NOT_NAMES: WordSet = WordSet::new(&[
    "why", "what", "how", "where", "who", "which", "whether", "the", "a", "an", "this", "that",
    "these", "those", "it", "he", "she", "they", "we", "i", "but", "and", "so", "then", "now",
    "there", "here", "yet", "still", "also", "in", "on", "at", "when", "while", "after", "before",
    "as", "if", "because", "though", "although",
]);

/// Words that open a clause: its subject follows them.
static CLAUSE_OPENERS: WordSet = WordSet::new(&[
    "when", "while", "after", "before", "because", "as", "that", "since", "if", "although",
    "though", "where", "whereas", "once", "until", "unless",
]);

/// Words left off the end of a reported clause cut short by the next
/// report ("…, while", "… has").
const CLAUSE_TAIL: &[&str] = &[
    "and", "while", "but", "or", "has", "have", "had", "is", "was", "will", "would", "also",
];

/// Prepositions that open a sentence's opening phrase ("In his speech, …").
static OPENING_PREPOSITIONS: WordSet = WordSet::new(&[
    "in",
    "at",
    "on",
    "during",
    "after",
    "before",
    "since",
    "despite",
    "for",
    "with",
    "without",
    "while",
    "when",
    "as",
    "by",
    "under",
    "following",
    "amid",
    "according",
    "speaking",
    "asked",
    "like",
    "unlike",
    "from",
    "to",
    "of",
    "among",
    "although",
    "though",
    "if",
    "once",
    "earlier",
    "later",
    "last",
    "this",
    "yet",
    "but",
    "still",
    "meanwhile",
    "instead",
]);

/// Forms of "be" before a participle make it passive.
const BE_FORMS: &[&str] = &["is", "was", "were", "are", "be", "been", "being", "'s"];

/// A quote opening its paragraph continues the speaker of the paragraph
/// before across at most this many captions or subheadings (short
/// paragraphs without a full stop) between them.
const MAX_INTERLUDES: usize = 2;
const INTERLUDE_WORDS: usize = 25;

/// Cues further than this many tokens from a quote do not speak for it.
const CUE_WINDOW: usize = 80;

/// A reported clause is at most this many tokens long.
const MAX_INDIRECT_TOKENS: usize = 120;

/// A clause's start is looked for at most this many tokens back.
const MAX_CLAUSE_TOKENS: usize = 40;

/// A pronoun is compared with at most this many names before it.
const MAX_MENTIONS_BACK: usize = 32;

/// How many earlier speakers a description is compared with ("the
/// official" → the official quoted before); bounds the work per quote.
const HISTORY_LOOKBACK: usize = 64;

/// A sentence's subject may be a person named this many tokens into it.
const SUBJECT_PERSON_TOKENS: usize = 7;

/// Prepositions before a participle that hangs on the clause's subject
/// ("Obama ended by saying", "while adding").
const PARTICIPLE_PREPOSITIONS: &[&str] = &[
    "by", "while", "after", "before", "without", "when", "in", "as", "for", "of",
];

/// A cue at most this many tokens into the sentence after a quote speaks
/// for it ("Trump said." after “….”).
const NEXT_SENTENCE_CUE_TOKENS: usize = 5;

/// A weak cue counts as this much further from the quote than it is.
const WEAK_CUE_PENALTY: usize = 30;

/// A cue in the next sentence counts as this far from the quote.
const NEXT_SENTENCE_PENALTY: usize = 40;

/// A quote in title case of at most this many words is a title of a work
/// (“This Week”, “Game of Thrones”) unless a cue or a colon introduces it.
const TITLE_MAX_WORDS: usize = 8;

/// Words before a quote that make it a name or title, not speech.
const NAMING_WORDS: &[&str] = &[
    "titled",
    "entitled",
    "headlined",
    "nicknamed",
    "dubbed",
    "named",
    "captioned",
    "slogan",
    "hashtag",
];

/// Short words a title keeps in lower case.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "for", "with", "to", "at", "by", "de", "from",
];

/// Whether every word of a text of at least two words is capitalised,
/// short function words apart.
fn is_title_case(text: &str) -> bool {
    let mut words: Vec<&str> = Vec::new();
    crate::bounds::words(text, |w| words.push(w));
    words.len() >= 2
        && words.iter().enumerate().all(|(i, w)| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
                || (i > 0 && TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        })
        && words.iter().any(|w| w.chars().any(char::is_lowercase))
}

/// Words that end a phrase of time ("at the time", "last week"), besides
/// the weekdays ([`is_time_word`]).
const TIME_WORDS: &[&str] = &[
    "time",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "day",
    "days",
    "weeks",
    "months",
    "years",
    "point",
    "moment",
];

/// A word that ends a phrase of time: [`TIME_WORDS`] or a weekday.
fn is_time_word(w: &str) -> bool {
    TIME_WORDS.contains(&w) || super::times::WEEKDAYS.contains(&w)
}

/// Words that open a phrase of time.
const TIME_OPENERS: &[&str] = &[
    "at", "on", "in", "last", "this", "earlier", "later", "that", "the", "late", "early", "during",
];

/// A parenthesis between a subject and its verb is at most this long.
const MAX_PARENTHESIS_TOKENS: usize = 10;

/// An apposition between commas is at most this many tokens long.
const MAX_APPOSITION_TOKENS: usize = 28;

/// Words that end a walk back over a noun phrase: a noun phrase never
/// spans them.
static NP_STOP: WordSet = WordSet::new(&[
    "and", "or", "but", "that", "which", "who", "whom", "because", "when", "while", "if", "as",
    "after", "before", "since", "so", "than", "though", "although", "where", "whether", "to", "is",
    "was", "are", "were", "be", "has", "have", "had", "said", "says", "told", "not",
]);

/// Prepositions a noun phrase may hold ("a spokesman for the State
/// Department", "officials on both sides", "sources familiar with the
/// matter").
const NP_PREPOSITIONS: &[&str] = &[
    "of", "for", "from", "at", "in", "on", "with", "close", "familiar", "within", "inside", "near",
    "across", "among",
];

/// Pronouns that name a speaker, and whom they may stand for.
const PRONOUNS: &[(&str, Pron)] = &[
    ("he", Pron::Male),
    ("she", Pron::Female),
    ("they", Pron::Plural),
    ("it", Pron::Thing),
    ("who", Pron::Relative),
    ("which", Pron::Relative),
    ("i", Pron::First),
    ("we", Pron::First),
];

/// How far back a pronoun looks for whom it stands for: this many
/// sentences for speakers and sentence subjects, this many bytes for any
/// person mentioned.
const PRONOUN_SENTENCES: usize = 6;
const PRONOUN_BYTES: usize = 1500;

/// A subject is at most this many tokens before its verb, a speaker after
/// its verb at most this many, and a cue after a quote at most this many
/// tokens from it.
const MAX_SUBJECT_TOKENS: usize = 14;
const MAX_SPEAKER_AFTER: usize = 10;
const CUE_NEAR_QUOTE: usize = 14;

/// Possessive determiners: the word after one is a noun ("his claim").
/// ("her" is also an object: "heard her say".)
const POSSESSIVES: [&str; 6] = ["his", "its", "their", "our", "my", "your"];

/// Conjunctions that open a clause of its own after a quote: a cue behind
/// one reports what follows it ("“…,” though she noted she has …").
const NEW_CLAUSE: [&str; 7] = [
    "though", "although", "while", "whereas", "but", "because", "yet",
];

/// A first paragraph of at most this many words, with more text after it,
/// is the headline.
const HEADLINE_MAX_WORDS: usize = 25;
/// A quote with no speaker and at most this many words is a scare quote
/// ("described as “serious”"), unless it reads as a sentence.
const SCARE_MAX_WORDS: usize = 4;

/// Between a verb of saying and the "that" opening what was said, at most
/// this many tokens ("told reporters on Monday that").
const TELL_OBJECT_TOKENS: usize = 5;

/// Verbs of saying that take the listener as object before "that" ("told
/// reporters that").
const TELL_VERBS: &[&str] = &[
    "told", "tell", "tells", "telling", "warned", "warns", "assured", "informed", "reminded",
    "urged", "asked", "wrote", "writes",
];

/// Words that open an adverbial between a verb of saying and its "that"
/// ("said on Monday that", "said in a statement that").
static ADVERBIAL_OPENERS: WordSet = WordSet::new(&[
    "on",
    "in",
    "at",
    "last",
    "this",
    "during",
    "to",
    "earlier",
    "later",
    "yesterday",
    "today",
    "recently",
    "privately",
    "publicly",
    "repeatedly",
    "again",
    "also",
    "late",
    "early",
]);

/// An indirect quote's reported clause has at least this many words.
const MIN_INDIRECT_WORDS: usize = 2;

/// Quote marks deeper than this are treated as text, so that a hostile run
/// of opening marks costs nothing.
const MAX_DEPTH: usize = 8;

/// Passes over a paragraph that left single marks open (apostrophes read
/// as quotes), each pairing it again without them.
const MAX_REPAIRS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pron {
    Male,
    Female,
    Plural,
    Thing,
    Relative,
    First,
}

/// A quotation as paired from its marks (byte offsets).
#[derive(Debug, Clone)]
struct Marked {
    /// From the opening mark to the closing mark (or the paragraph's end).
    span: Range<usize>,
    /// Inside the marks.
    content: Range<usize>,
}

/// An opening mark waiting for its close.
#[derive(Debug, Clone, Copy)]
struct Open {
    at: usize,
    len: usize,
    double: bool,
    /// „ and » opened: “ closes them.
    low: bool,
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Characters after which a mark opens a quote.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | ':'
                        | '“'
                        | '‘'
                        | '"'
                        | '\''
                        | '«'
                        | '„'
                )
        }
    }
}

/// Pairs the quotation marks of every paragraph; only the outermost quotes
/// come out (the words a speaker quotes belong to the speaker's quote).
fn pair_marks(text: &str, paragraphs: &[Range<usize>]) -> Vec<Marked> {
    let mut out = Vec::new();
    // A quote left open by the previous paragraph: (its start, its content start).
    let mut carried: Option<(usize, usize)> = None;
    for para in paragraphs {
        // Single marks left open at the paragraph's end were apostrophes
        // ("In the early '80s"): paired again without them, so that the
        // quotes they swallowed come out (a few passes at most).
        let mut ignored: Vec<usize> = Vec::new();
        let carried_in = carried;
        for pass in 0..=MAX_REPAIRS {
            carried = carried_in;
            let mut found: Vec<Marked> = Vec::new();
            let p = &text[para.clone()];
            let mut stack: Vec<Open> = Vec::new();
            // Where reading goes on, and the character before it.
            let mut pos = 0;
            let mut prev: Option<char> = None;
            // A carried quote continues only if this paragraph opens with a mark.
            let mut outer: Option<(usize, usize)> = None;
            if let Some((start, cstart)) = carried.take() {
                let first = p.trim_start().chars().next();
                if matches!(first, Some('“' | '"' | '«' | '„' | '‘' | '\'')) {
                    outer = Some((start, cstart));
                    // Skip the re-opening mark.
                    let lead = p.len() - p.trim_start().len();
                    pos = lead + first.map_or(0, char::len_utf8);
                    prev = first;
                    stack.push(Open {
                        at: start,
                        len: 0,
                        double: first != Some('‘') && first != Some('\''),
                        low: first == Some('„') || first == Some('«'),
                    });
                }
            }
            // Only the marks are read: the bytes between them begin none
            // (a character at a time, this was a fifth of the layer's time),
            // and the last character passed over is the one before a mark.
            while let Some(off) = p.as_bytes()[pos..]
                .iter()
                .position(|b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2))
            {
                let i = pos + off;
                if i > pos {
                    prev = p[pos..i].chars().next_back();
                }
                let Some(mut c) = p[i..].chars().next() else {
                    break;
                };
                pos = i + c.len_utf8();
                if !matches!(c, '“' | '”' | '„' | '«' | '»' | '"' | '‘' | '\'' | '’') {
                    prev = Some(c);
                    continue;
                }
                let mut next = p[pos..].chars().next();
                // Two apostrophes are a double mark (''Politicking.'', as some
                // newspapers' texts write it).
                let mut len = c.len_utf8();
                if c == '\'' && next == Some('\'') {
                    pos += 1;
                    c = '"';
                    len = 2;
                    next = p[pos..].chars().next();
                }
                let at = para.start + i;
                let top_double = stack.iter().rposition(|o| o.double);
                let top_single = stack.iter().rposition(|o| !o.double);
                let mut close = |stack: &mut Vec<Open>, k: usize, found: &mut Vec<Marked>| {
                    let o = stack[k];
                    stack.truncate(k);
                    if stack.is_empty() {
                        let (start, cstart) = match outer.take() {
                            Some(s) => s,
                            None => (o.at, o.at + o.len),
                        };
                        found.push(Marked {
                            span: start..at + len,
                            content: cstart..at,
                        });
                    }
                };
                let open = |stack: &mut Vec<Open>, double: bool, low: bool| {
                    if stack.len() < MAX_DEPTH {
                        stack.push(Open {
                            at,
                            len,
                            double,
                            low,
                        });
                    }
                };
                match c {
                    '“' => match top_double {
                        // German „…“: the high mark closes the low one.
                        Some(k) if stack[k].low => close(&mut stack, k, &mut found),
                        // A typo'd close: “Apparently not,“ he said.
                        Some(k)
                            if prev.is_some_and(|p| p.is_alphanumeric() || ".,!?".contains(p))
                                && !is_word_char(next) =>
                        {
                            close(&mut stack, k, &mut found)
                        }
                        _ => open(&mut stack, true, false),
                    },
                    '”' => match top_double {
                        Some(k) => close(&mut stack, k, &mut found),
                        None if opens_after(prev) && is_word_char(next) => {
                            open(&mut stack, true, false)
                        }
                        None => {}
                    },
                    '„' => open(&mut stack, true, true),
                    '«' => open(&mut stack, true, false),
                    '»' => match top_double {
                        Some(k) if !stack[k].low => close(&mut stack, k, &mut found),
                        _ if is_word_char(next) => open(&mut stack, true, true),
                        _ => {}
                    },
                    '"' => {
                        let opening = opens_after(prev) && next.is_some_and(|n| !n.is_whitespace());
                        match top_double {
                            Some(k) => close(&mut stack, k, &mut found),
                            None if opening => open(&mut stack, true, false),
                            None => {}
                        }
                    }
                    '‘' | '\'' => {
                        let closes = c == '\''
                            && top_single.is_some()
                            && !is_word_char(next)
                            && prev.is_some_and(|p| !p.is_whitespace());
                        if let (true, Some(k)) = (closes, top_single) {
                            close(&mut stack, k, &mut found);
                        } else if opens_after(prev) && is_word_char(next) && !ignored.contains(&at)
                        {
                            open(&mut stack, false, false)
                        }
                    }
                    '’' => {
                        // An apostrophe inside a word (don’t) or after a plural
                        // (the Clintons’ house) closes nothing unless a single
                        // quote is open.
                        if let Some(k) = top_single {
                            if !is_word_char(next) && prev.is_some_and(|p| !p.is_whitespace()) {
                                close(&mut stack, k, &mut found);
                            }
                        }
                    }
                    _ => {}
                }
                prev = Some(c);
            }
            let stray: Vec<usize> = stack
                .iter()
                .filter(|o| !o.double && o.len > 0)
                .map(|o| o.at)
                .collect();
            if !stray.is_empty() && pass < MAX_REPAIRS {
                ignored.extend(stray);
                continue;
            }
            // Still open at the paragraph's end: the outermost double quote may
            // continue in the next paragraph; anything else ends here.
            if let Some(o) = stack.first().copied() {
                let (start, cstart) = outer.take().unwrap_or((o.at, o.at + o.len));
                if o.double {
                    carried = Some((start, cstart));
                    // Provisionally closed here; replaced if it continues.
                    found.push(Marked {
                        span: start..para.end,
                        content: cstart..para.end,
                    });
                }
            }
            out.extend(found);
            break;
        }
    }
    merge_continued(out)
}

/// Quotes continued over paragraphs come out of [`pair_marks`] as a
/// provisional quote ending with its first paragraph followed by the whole
/// quote from the same start: keep the longest of those that share a start.
fn merge_continued(mut quotes: Vec<Marked>) -> Vec<Marked> {
    quotes.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    quotes.dedup_by_key(|q| q.span.start);
    quotes
}

/// A cue of attribution and whom it names.
#[derive(Debug, Clone)]
struct Cue {
    /// The cue's words ("said", "according to").
    span: Range<usize>,
    /// Index of the cue's first token, and one past its last.
    tok: usize,
    tok_end: usize,
    /// The speaker as written here, if the clause names one.
    speaker: Option<Ref>,
    /// The speaker comes after the cue ("said Smith", "according to Smith").
    inverted: bool,
    weak: bool,
    /// A colon after a name, a cue only for the quote after it.
    colon: bool,
    /// A noun after a possessive ("Clinton's remark"): no participle or
    /// joined verb takes its speaker.
    nominal: bool,
    sentence: usize,
}

impl Cue {
    /// The cue on tokens `tok..tok_end`, its speaker before it; callers
    /// set `inverted`, `weak` or `colon` where they differ.
    fn new(ctx: &Ctx, tok: usize, tok_end: usize, speaker: Option<Ref>, sentence: usize) -> Cue {
        Cue {
            span: ctx.span(tok, tok_end),
            tok,
            tok_end,
            speaker,
            inverted: false,
            weak: false,
            colon: false,
            nominal: false,
            sentence,
        }
    }
}

/// A speaker as written: a name, a pronoun or a description.
#[derive(Debug, Clone)]
struct Ref {
    span: Range<usize>,
    what: RefKind,
}

impl Ref {
    /// An entity's mention, as `Mentions` gives it: (start, end, id).
    fn mention(m: (usize, usize, usize)) -> Ref {
        Ref {
            span: m.0..m.1,
            what: RefKind::Entity(m.2),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum RefKind {
    /// An entity's mention.
    Entity(usize),
    Pronoun(Pron),
    /// A description; its head noun, lower case.
    Description(String),
    /// A capitalised name the tagger left alone ("Trump said").
    Name,
}

/// Entity mentions by position, to find the mention a token is in.
struct Mentions {
    /// (start, end, entity id), sorted by start.
    spans: Vec<(usize, usize, usize)>,
}

impl Mentions {
    fn new(entities: &[Entity]) -> Mentions {
        let mut spans: Vec<(usize, usize, usize)> = entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .map(move |m| (m.start as usize, m.end as usize, e.id as usize))
            })
            .collect();
        spans.sort_unstable();
        Mentions { spans }
    }

    /// The mention holding byte `at`.
    fn at(&self, at: usize) -> Option<(usize, usize, usize)> {
        let i = self.spans.partition_point(|s| s.0 <= at);
        let s = *self.spans.get(i.checked_sub(1)?)?;
        (at < s.1).then_some(s)
    }

    /// Mentions starting in `range`.
    fn within(&self, range: Range<usize>) -> &[(usize, usize, usize)] {
        let a = self.spans.partition_point(|s| s.0 < range.start);
        // An empty or reversed range (a clause that ends before it starts
        // when a cue sits at its edge) holds none.
        let b = self.spans.partition_point(|s| s.0 < range.end).max(a);
        &self.spans[a..b]
    }
}

/// What the analyzer reads besides the document.
struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    entities: &'a [Entity],
    mentions: Mentions,
    /// Per token: inside a quote (marks included).
    quoted: Vec<bool>,
    /// Entities by their name's last word and by their other names
    /// (lower-cased keys are not needed: names are matched as written),
    /// a person first, then the most mentioned.
    names: HashMap<&'a str, usize>,
    /// People by the words of their roles, lower case, first named first.
    roles: HashMap<String, Vec<usize>>,
    /// The document, for its tokens in lower case.
    doc: &'a Document<'a>,
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.text[t.range()]
    }

    /// Whether the token at byte `at` is inside a quote.
    fn quoted_at(&self, at: usize) -> bool {
        let i = self.tokens.partition_point(|t| (t.start as usize) < at);
        self.quoted.get(i).copied().unwrap_or(false)
    }

    /// Token `i` in lower case (made once for the document: the cues ask
    /// for a token's lower case several times each).
    fn lower(&self, i: usize) -> &str {
        self.doc.lower(i)
    }

    fn is_punct(&self, i: usize) -> bool {
        matches!(self.tokens[i].kind(), TokenKind::Punct)
    }

    fn entity_kind(&self, id: usize) -> &str {
        self.entities.get(id).map_or("", |e| e.kind)
    }

    fn span(&self, a: usize, b: usize) -> Range<usize> {
        self.tokens[a].start as usize..self.tokens[b - 1].end() as usize
    }
}

fn pronoun(w: &str) -> Option<Pron> {
    // "they’re", "he's", "she'd": the pronoun before a contraction.
    let w = w.split(['\'', '\u{2019}']).next().unwrap_or(w);
    PRONOUNS.iter().find(|(p, _)| *p == w).map(|&(_, k)| k)
}

fn is_cue_verb(w: &str) -> bool {
    // One set of the three lists: asked of nearly every word, where the
    // three sets each hashed it again.
    static ANY: std::sync::OnceLock<super::WordHashSet> = std::sync::OnceLock::new();
    ANY.get_or_init(|| {
        CUE_VERBS
            .words()
            .iter()
            .chain(STANCE_VERBS.words())
            .copied()
            .chain(communication_verbs())
            .collect()
    })
    .contains(w)
}

/// Whether `w` is a form of a verb of communication ("urged", "denies",
/// "announcing"), from WordNet (`data/ner/communication-verbs.txt`). The
/// project's own lists hold the verbs that take a quotation; these widen
/// the reports of speech, since news attributes positions with hundreds of
/// verbs ("Trump mocked …", "the senator urged …") no hand list keeps up with.
pub(crate) fn is_communication_verb(w: &str) -> bool {
    static VERBS: std::sync::OnceLock<super::WordHashSet> = std::sync::OnceLock::new();
    VERBS
        .get_or_init(|| communication_verbs().collect())
        .contains(w)
}

/// The words of [`COMMUNICATION_VERBS`].
fn communication_verbs() -> impl Iterator<Item = &'static str> {
    COMMUNICATION_VERBS.lines().filter(|l| !l.starts_with('#'))
}

/// Forms of verbs of communication (data/SOURCES.md).
const COMMUNICATION_VERBS: &str = include_str!("../../data/ner/communication-verbs.txt");

/// A cue that reports a position rather than words.
fn is_weak(w: &str) -> bool {
    WEAK_CUES.contains(w)
        || (STANCE_VERBS.contains(w) && !CUE_VERBS.contains(w))
        || (is_communication_verb(w) && !CUE_VERBS.contains(w))
}

/// The subject of the verb at token `v`, looking back no further than
/// `floor`: a name, a pronoun or a description.
fn subject_before(ctx: &Ctx, v: usize, floor: usize) -> Option<Ref> {
    let mut j = v;
    // Adverbs and auxiliaries between subject and verb, and "on Monday".
    while j > floor {
        let w = ctx.lower(j - 1);
        if BETWEEN.contains(w) || (w.ends_with("ly") && w.len() > 4 && !ctx.quoted[j - 1]) {
            j -= 1;
        } else {
            break;
        }
    }
    // A time between subject and verb: "Trump at the time said", "Smith
    // last week said", "Jones on Tuesday told".
    if j > floor + 1 && is_time_word(ctx.lower(j - 1)) {
        let mut k = j - 1;
        while k > floor && k + 4 > j && !TIME_OPENERS.contains(&ctx.lower(k - 1)) {
            k -= 1;
        }
        if k > floor && TIME_OPENERS.contains(&ctx.lower(k - 1)) {
            j = k - 1;
        }
    }
    // A phrase of place or occasion between subject and verb: "Trump in his
    // announcement speech called", "Beck, who has in the past described":
    // its noun ("the past") is no speaker; the word before it is.
    if let Some(p) = adverbial_phrase_start(ctx, j, floor) {
        j = p;
        while j > floor && BETWEEN.contains(ctx.lower(j - 1)) {
            j -= 1;
        }
    }
    // A parenthesis after the subject: "Harry Reid (D-Nev.) told".
    if j > floor && ctx.word(j - 1) == ")" {
        let open = (floor..j - 1)
            .rev()
            .take(MAX_PARENTHESIS_TOKENS)
            .find(|&k| ctx.word(k) == "(");
        if let Some(k) = open {
            j = k;
        }
    }
    if j == floor || ctx.quoted[j - 1] {
        return None;
    }
    let last = j - 1;
    // An apposition: "Jen Psaki, the White House press secretary, said",
    // "Florida's attorney general, Pam Bondi, vowed".
    if ctx.word(last) == "," {
        let limit = last.saturating_sub(MAX_APPOSITION_TOKENS).max(floor);
        let k = (limit..last)
            .rev()
            .find(|&k| (ctx.word(k) == "," || ctx.word(k) == ";") && !ctx.quoted[k])?;
        // (A title in quotes may stand in it: "The ad, titled “Unifier?”,".)
        if ctx.word(k) != "," {
            return None;
        }
        // The name before the comma, past a parenthesis ("Rep. Elijah
        // Cummings (D-Md.), chair of …, said").
        let mut b = k;
        if b > floor + 1 && ctx.word(b - 1) == ")" {
            if let Some(o) = (floor..b - 1)
                .rev()
                .take(MAX_PARENTHESIS_TOKENS)
                .find(|&o| ctx.word(o) == "(")
            {
                b = o;
            }
        }
        let before = (b > floor)
            .then(|| ctx.mentions.at(ctx.tokens[b - 1].start as usize))
            .flatten();
        let inside = ctx
            .mentions
            .within(ctx.tokens[k].end() as usize..ctx.tokens[last].start as usize)
            .iter()
            .find(|m| ctx.entity_kind(m.2) == "PERSON" && !ctx.quoted_at(m.0))
            .copied();
        // Else the last person named before a comma in reach: "Anne
        // Richards, assistant secretary of state for population, refugees,
        // and migration, said".
        let comma_after = |m: &(usize, usize, usize)| {
            ctx.text[m.1..].trim_start().starts_with(',')
                && ctx.entity_kind(m.2) == "PERSON"
                && !ctx.quoted_at(m.0)
        };
        let reach = ctx
            .mentions
            .within(ctx.tokens[limit].start as usize..ctx.tokens[last].start as usize)
            .iter()
            .rev()
            .find(|m| comma_after(m))
            .copied();
        let pick = match (before, inside) {
            (Some(b), Some(i)) if ctx.entity_kind(b.2) != "PERSON" => Some(i),
            (Some(b), _) => Some(b),
            (None, i) => i.or(reach),
        };
        if let Some(m) = pick {
            return Some(Ref::mention(m));
        }
        // "One attendee, who spoke on condition of anonymity, said".
        return (k > floor)
            .then(|| {
                description_ending(ctx, k - 1, floor).or_else(|| name_ending(ctx, k - 1, floor))
            })
            .flatten();
    }
    // "Cruz knocked Rubio and called him …": the clause's subject.
    if ["and", "but", "then"].contains(&ctx.lower(last)) {
        return clause_subject(ctx, last, floor);
    }
    if ctx.is_punct(last) {
        return None;
    }
    if let Some(m) = ctx.mentions.at(ctx.tokens[last].start as usize) {
        return Some(Ref::mention(m));
    }
    let w = ctx.lower(last);
    if let Some(p) = pronoun(w) {
        let span = ctx.span(last, last + 1);
        if p == Pron::Relative {
            // ", who said": whom the clause is about, the name before it,
            // past an apposition ("Richard Uihlein, a manufacturer, who").
            if last > floor + 1 && ctx.word(last - 1) == "," {
                if let Some(m) = ctx.mentions.at(ctx.tokens[last - 2].start as usize) {
                    return Some(Ref {
                        span,
                        what: RefKind::Entity(m.2),
                    });
                }
                if let Some(r) = subject_before(ctx, last, floor) {
                    return Some(Ref { span, what: r.what });
                }
            }
            return None;
        }
        return Some(Ref {
            span,
            what: RefKind::Pronoun(p),
        });
    }
    // A description: back over its words to the determiner that opens it;
    // else a capitalised name the tagger missed; else the noun phrase before
    // a relative clause ("A White House official who spoke anonymously to
    // discuss internal strategy said").
    description_ending(ctx, last, floor)
        .or_else(|| name_ending(ctx, last, floor))
        .or_else(|| {
            let limit = last.saturating_sub(MAX_SUBJECT_TOKENS).max(floor);
            let rel = (limit..last)
                .rev()
                .find(|&k| !ctx.quoted[k] && ["who", "which"].contains(&ctx.lower(k)))?;
            if rel == floor || ctx.word(rel - 1) == "," {
                return None;
            }
            match ctx.mentions.at(ctx.tokens[rel - 1].start as usize) {
                Some(m) => Some(Ref::mention(m)),
                None => description_ending(ctx, rel - 1, floor),
            }
        })
}

/// Prepositions that open a phrase of place, occasion or means standing
/// between a subject and its verb ("Trump in his speech called").
const ADVERBIAL_PREPOSITIONS: &[&str] = &[
    "in", "at", "during", "on", "over", "after", "before", "since", "through", "amid", "via",
];

/// Longest such phrase, in tokens, preposition included.
const ADVERBIAL_PHRASE_TOKENS: usize = 6;

/// Where a prepositional phrase ending right before token `j` starts, when
/// what precedes it can be a subject: a name, a pronoun, an auxiliary, or a
/// word for people or institutions ("the company in a statement said"). A
/// phrase holding a person's name is left alone ("a spokesman for Trump").
fn adverbial_phrase_start(ctx: &Ctx, j: usize, floor: usize) -> Option<usize> {
    let lowest = j.saturating_sub(ADVERBIAL_PHRASE_TOKENS).max(floor + 1);
    let mut k = j;
    while k > lowest {
        k -= 1;
        if ctx.quoted[k] || ctx.is_punct(k) {
            return None;
        }
        let w = ctx.lower(k);
        if ADVERBIAL_PREPOSITIONS.contains(&w) {
            if k + 1 == j {
                return None;
            }
            let phrase = ctx.tokens[k + 1].start as usize..ctx.tokens[j - 1].end() as usize;
            if ctx
                .mentions
                .within(phrase)
                .iter()
                .any(|m| ctx.entity_kind(m.2) == "PERSON")
            {
                return None;
            }
            let b = k - 1;
            let before = ctx.lower(b);
            let subject_like = ctx.mentions.at(ctx.tokens[b].start as usize).is_some()
                || pronoun(before).is_some_and(|p| p != Pron::First)
                || BETWEEN.contains(before)
                || PEOPLE_NOUNS.contains(before)
                || ORG_NOUNS.contains(before);
            return (subject_like && !ctx.quoted[b]).then_some(k);
        }
        if is_cue_verb(w) || NP_STOP.contains(w) {
            return None;
        }
    }
    None
}

/// A run of capitalised words ending at token `last` ("Trump", "Mr.
/// Nunberg"): a name the tagger did not find.
fn name_ending(ctx: &Ctx, last: usize, floor: usize) -> Option<Ref> {
    let is_cap = |k: usize| {
        let w = ctx.word(k);
        !ctx.quoted[k]
            && w.starts_with(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !NOT_NAMES.contains(w.to_lowercase().as_str())
    };
    if !is_cap(last) {
        return None;
    }
    let mut start = last;
    while start > floor && last - start < 3 && is_cap(start - 1) {
        start -= 1;
    }
    Some(Ref {
        span: ctx.span(start, last + 1),
        what: RefKind::Name,
    })
}

/// The subject of the clause that token `at` is in: its first name or
/// pronoun, the clause starting after the last comma or subordinating word.
fn clause_subject(ctx: &Ctx, at: usize, floor: usize) -> Option<Ref> {
    // Quotes are inside the clause ("He called it their “crystal ball” and
    // said"), not its edge.
    let floor = floor.max(at.saturating_sub(MAX_CLAUSE_TOKENS));
    let start = (floor..at)
        .rev()
        .find(|&k| {
            !ctx.quoted[k]
                && ([",", ";", ":", "—"].contains(&ctx.word(k))
                    || CLAUSE_OPENERS.contains(ctx.lower(k)))
        })
        .map_or(floor, |k| k + 1);
    sentence_subject(ctx, start, at).or_else(|| {
        // "Mr. Trump, who said …, issued a statement saying": the clause has
        // no subject of its own; the one before the relative clause is it.
        let starts_with_verb = start < at && ctx.word(start).starts_with(char::is_lowercase);
        (start > floor && ctx.word(start - 1) == "," && starts_with_verb)
            .then(|| subject_before(ctx, start, floor))
            .flatten()
    })
}

/// A description whose last word is token `last` ("a senior administration
/// official", "officials on both sides", "a spokesman for the State
/// Department"), if its head is a word for people or institutions.
fn description_ending(ctx: &Ctx, last: usize, floor: usize) -> Option<Ref> {
    let limit = last.saturating_sub(MAX_SUBJECT_TOKENS).max(floor);
    let mut k = last + 1;
    let mut start = None;
    let mut head: Option<usize> = None;
    // Heads of the complements passed ("voters" in "three-quarters of
    // voters"), nearest the verb first.
    let mut inner: Vec<usize> = Vec::new();
    while k > limit {
        k -= 1;
        // "three-quarters", "two-term": a hyphen inside a word.
        if ctx.word(k) == "-"
            && k > limit
            && ctx.tokens[k - 1].end() == ctx.tokens[k].start
            && ctx.tokens[k + 1].start == ctx.tokens[k].end()
        {
            continue;
        }
        if ctx.quoted[k] || ctx.is_punct(k) {
            break;
        }
        let w = ctx.lower(k);
        if NP_STOP.contains(w) || is_cue_verb(w) {
            break;
        }
        if NP_PREPOSITIONS.contains(&w) {
            // What followed was the complement; the head is before it.
            inner.extend(head.take());
            continue;
        }
        if head.is_none() && ctx.mentions.at(ctx.tokens[k].start as usize).is_none() {
            head = Some(k);
        }
        start = Some(k);
        if DETERMINERS.contains(w) && !["senior", "top"].contains(&w) {
            break;
        }
    }
    let start = start?;
    // The head: the outermost word for people or institutions ("a
    // spokesman for the agency", "three-quarters of voters"), else the
    // outermost head.
    let listed = |k: &usize| {
        let h = ctx.lower(*k);
        let h = h.trim_end_matches('.');
        PEOPLE_NOUNS.contains(h) || ORG_NOUNS.contains(h)
    };
    let head = head
        .iter()
        .chain(inner.iter().rev())
        .find(|k| listed(k))
        .copied()
        .or(head)?;
    let h = ctx.lower(head);
    let h = h.trim_end_matches('.');
    let opener = ctx.lower(start);
    // Any noun phrase a determiner opens may speak ("the ad's narrator",
    // "the email"); without one, only words for people and institutions.
    if !(PEOPLE_NOUNS.contains(h)
        || ORG_NOUNS.contains(h)
        || (DETERMINERS.contains(opener) && start < head))
    {
        return None;
    }
    Some(Ref {
        span: ctx.span(start, last + 1),
        what: RefKind::Description(h.to_string()),
    })
}

/// The speaker after a cue ("said Smith", "said a senior official",
/// "according to officials"), up to `end`.
fn speaker_after(ctx: &Ctx, from: usize, end: usize) -> Option<Ref> {
    if from >= end || ctx.quoted[from] {
        return None;
    }
    let w = ctx.lower(from);
    // "promising to campaign …", "noting that it …": no speaker follows.
    if NP_STOP.contains(w) || NP_PREPOSITIONS.contains(&w) {
        return None;
    }
    if let Some(p) = pronoun(w) {
        if p != Pron::Relative {
            return Some(Ref {
                span: ctx.span(from, from + 1),
                what: RefKind::Pronoun(p),
            });
        }
        return None;
    }
    // A description, or a name after "the" / a title ("said the Kremlin",
    // "said spokesman John Kirby").
    let limit = (from + MAX_SPEAKER_AFTER).min(end);
    let mut k = from;
    let mut head = None;
    let mut first_mention = None;
    while k < limit {
        if ctx.quoted[k] || ctx.is_punct(k) {
            break;
        }
        let w = ctx.lower(k);
        if let Some(m) = ctx.mentions.at(ctx.tokens[k].start as usize) {
            // "said White House Press Secretary Jen Psaki": the person.
            if ctx.entity_kind(m.2) == "PERSON" {
                return Some(Ref::mention(m));
            }
            let after =
                k.max(ctx.tokens[k..limit].partition_point(|t| (t.start as usize) < m.1) + k);
            // "said a senior German official", "said a White House
            // spokesman": a name modifying the noun after it is no speaker;
            // the description is ("said the State Department in a
            // statement" keeps the name).
            let modifies = after < limit && {
                let next = ctx.lower(after);
                !ctx.quoted[after]
                    && ctx.word(after).starts_with(char::is_lowercase)
                    && (PEOPLE_NOUNS.contains(next) || ORG_NOUNS.contains(next))
            };
            if modifies {
                head = Some(after);
                k = after;
                continue;
            }
            if head.is_none() && first_mention.is_none() {
                first_mention = Some(m);
            }
            k = after;
            continue;
        }
        if k > from && (NP_STOP.contains(w) || is_cue_verb(w)) {
            break;
        }
        if NP_PREPOSITIONS.contains(&w) && (head.is_some() || first_mention.is_some()) {
            break;
        }
        if !DETERMINERS.contains(w) || head.is_some() {
            head = Some(k);
        }
        k += 1;
    }
    if let Some(m) = first_mention {
        return Some(Ref::mention(m));
    }
    let head = head?;
    let h = ctx.lower(head);
    let determined = head > from && DETERMINERS.contains(ctx.lower(from));
    if !(PEOPLE_NOUNS.contains(h) || ORG_NOUNS.contains(h) || determined) {
        return None;
    }
    // Keep a complement: "officials on both sides", "sources familiar with …".
    let mut end_tok = head + 1;
    if end_tok < limit && NP_PREPOSITIONS.contains(&ctx.lower(end_tok)) {
        let mut k = end_tok + 1;
        while k < limit && !ctx.is_punct(k) && !ctx.quoted[k] {
            let w = ctx.lower(k);
            if NP_STOP.contains(w) || is_cue_verb(w) {
                break;
            }
            k += 1;
        }
        end_tok = k;
    }
    Some(Ref {
        span: ctx.span(from, end_tok),
        what: RefKind::Description(h.to_string()),
    })
}

/// The subject a sentence opens with: a name or a pronoun among its first
/// few tokens, before token `before`.
fn sentence_subject(ctx: &Ctx, first: usize, before: usize) -> Option<Ref> {
    let first = past_opening_phrase(ctx, first, before);
    for k in first..before.min(first + SUBJECT_PERSON_TOKENS) {
        // Past the first few tokens only a person's name is the subject
        // ("The Slate technology columnist David Auerbach went on to say").
        if k >= first + 4
            && ctx
                .mentions
                .at(ctx.tokens[k].start as usize)
                .is_none_or(|m| ctx.entity_kind(m.2) != "PERSON")
        {
            continue;
        }
        if ctx.quoted[k] {
            return None;
        }
        if let Some(m) = ctx.mentions.at(ctx.tokens[k].start as usize) {
            let rest = &ctx.text[m.1..];
            if rest.starts_with("'s") || rest.starts_with('\u{2019}') {
                // "Trump's campaign manager": not the subject; the
                // description it opens may be.
                break;
            }
            return Some(Ref::mention(m));
        }
        let w = ctx.lower(k);
        if let Some(p) = pronoun(w).filter(|p| !matches!(p, Pron::Relative | Pron::First)) {
            return Some(Ref {
                span: ctx.span(k, k + 1),
                what: RefKind::Pronoun(p),
            });
        }
    }
    description_starting(ctx, first, before)
}

/// The name written in tokens `start..end` (a signature, a headline's
/// speaker): the entity mention opening it when the mention lies within,
/// else the words as written.
fn name_at(ctx: &Ctx, start: usize, end: usize) -> Ref {
    match ctx.mentions.at(ctx.tokens[start].start as usize) {
        Some(m) if m.1 <= ctx.tokens[end - 1].end() as usize => Ref::mention(m),
        _ => Ref {
            span: ctx.span(start, end),
            what: RefKind::Name,
        },
    }
}

/// Most words in the name a headline opens with before its colon.
const HEADLINE_VOICE_WORDS: usize = 4;

/// The name a headline opens with, followed by a colon, when the colon comes
/// before token `before` ("Hacker Guccifer: Clinton’s Server Unprotected"):
/// headlines give the speaker of what follows that way. Every word of it
/// capitalised, none quoted.
fn headline_voice(ctx: &Ctx, start: usize, before: usize) -> Option<Ref> {
    let first = ctx.tokens.partition_point(|t| (t.start as usize) < start);
    let colon = (first..before.min(first + HEADLINE_VOICE_WORDS + 1))
        .find(|&k| ctx.word(k) == ":" && !ctx.quoted[k])?;
    if colon == first
        || !(first..colon).all(|k| !ctx.quoted[k] && ctx.word(k).starts_with(char::is_uppercase))
    {
        return None;
    }
    Some(name_at(ctx, first, colon))
}

/// The speaker a title-case headline names around its verb of saying,
/// capitalised as every word there is: "Retired General Warns
/// ‘Demoralizing’ Experience" (the words before it), "Guns Are ‘The
/// Ultimate Crisis,’ Howard Dean Tells Convention" (the words between the
/// last comma and it). The verb is a form in -s of a verb of saying or
/// communication.
fn headline_speaker(ctx: &Ctx, para: Range<usize>) -> Option<Ref> {
    let first = ctx
        .tokens
        .partition_point(|t| (t.start as usize) < para.start);
    let end = ctx
        .tokens
        .partition_point(|t| (t.start as usize) < para.end);
    let verb = (first + 1..end).find(|&k| {
        let w = ctx.word(k);
        !ctx.quoted[k]
            && w.starts_with(char::is_uppercase)
            && w.ends_with('s')
            && is_cue_verb(ctx.lower(k))
    })?;
    let start = (first..verb)
        .rev()
        .find(|&k| ctx.word(k) == "," || ctx.quoted[k])
        .map_or(first, |k| k + 1);
    if start == verb
        || verb - start > HEADLINE_VOICE_WORDS
        || !(start..verb).all(|k| ctx.word(k).starts_with(char::is_uppercase))
    {
        return None;
    }
    Some(name_at(ctx, start, verb))
}

/// The person a sentence introduces for the quotation that follows it with
/// no cue of its own ("Sanders identified young voters' exhaustion as a
/// reason. “The younger people are … sick and tired of discrimination.”"):
/// news writes a named person's paraphrase and then their words. Only when
/// the quote opens its sentence, the sentence before is in the same
/// paragraph, and its subject is a person by name (a description or a
/// pronoun there is as likely the topic as the source).
fn introduced_by(ctx: &Ctx, doc: &Document, sentence: usize, t_open: usize) -> Option<Ref> {
    let s = &doc.sentences[sentence];
    if sentence == 0 || t_open > s.tokens.start + 1 {
        return None;
    }
    let prev = &doc.sentences[sentence - 1];
    if prev.paragraph != s.paragraph || prev.tokens.is_empty() {
        return None;
    }
    subject_name(ctx, prev.tokens.start, prev.tokens.end)
}

/// The name that is a clause's subject: the first person named before its
/// first verb-like word, past an opening phrase ("On “Face the Nation,”
/// Sen. Bernie Sanders (Vt.), who …, identified"). Stops at a quotation or at
/// a lower-case word that is not a title, a determiner or a relative clause
/// after a comma, so a name inside the object is not taken.
fn subject_name(ctx: &Ctx, first: usize, end: usize) -> Option<Ref> {
    let mut k = first;
    // An opening prepositional phrase up to its comma, quoted titles included.
    if OPENING_PREPOSITIONS.contains(ctx.lower(k)) {
        let limit = end.min(k + MAX_CLAUSE_TOKENS);
        k = (k..limit).find(|&j| ctx.word(j) == ",")? + 1;
        // A comma inside the quoted title: the mark closing it follows.
        while k < end && (ctx.quoted[k] || ctx.is_punct(k)) {
            k += 1;
        }
    }
    for j in k..end.min(k + SUBJECT_PERSON_TOKENS) {
        if ctx.quoted[j] {
            return None;
        }
        if let Some(m) = ctx.mentions.at(ctx.tokens[j].start as usize) {
            if ctx.entity_kind(m.2) != "PERSON" {
                return None;
            }
            let rest = &ctx.text[m.1..];
            if rest.starts_with("'s") || rest.starts_with('\u{2019}') {
                return None;
            }
            return Some(Ref::mention(m));
        }
        let w = ctx.word(j);
        if w.starts_with(char::is_lowercase) && !PEOPLE_NOUNS.contains(ctx.lower(j)) {
            return None;
        }
    }
    None
}

/// Where a sentence's subject may start: past an opening phrase and its
/// comma ("Filling in for Sanders at the event, West said"; "Preceded by Joe
/// Arpaio, the sheriff, Trump launched"), which a preposition or a
/// participle opens.
fn past_opening_phrase(ctx: &Ctx, first: usize, before: usize) -> usize {
    if first >= before || ctx.quoted[first] {
        return first;
    }
    let w = ctx.lower(first);
    let opens = OPENING_PREPOSITIONS.contains(w)
        || ((w.ends_with("ing") || w.ends_with("ed"))
            && ctx.word(first).starts_with(char::is_uppercase));
    if !opens {
        return first;
    }
    let limit = before.min(first + MAX_CLAUSE_TOKENS);
    let Some(mut comma) = (first..limit).find(|&k| ctx.word(k) == "," && !ctx.quoted[k]) else {
        return first;
    };
    // An apposition right after the phrase: past its comma too.
    if comma + 1 < limit && DETERMINERS.contains(ctx.lower(comma + 1)) {
        if let Some(next) = (comma + 1..limit).find(|&k| ctx.word(k) == "," && !ctx.quoted[k]) {
            comma = next;
        }
    }
    comma + 1
}

/// A description opening a clause ("His office put out a statement"): the
/// longest run of words from `start` whose last word is one for people or
/// institutions.
fn description_starting(ctx: &Ctx, start: usize, before: usize) -> Option<Ref> {
    // Not a verb ("issued a statement"): a determiner, a capital or a noun
    // for people opens it.
    let opener = ctx.lower(start.min(ctx.tokens.len() - 1));
    if start >= before
        || !(DETERMINERS.contains(opener)
            || PEOPLE_NOUNS.contains(opener)
            || ctx.word(start).starts_with(char::is_uppercase))
    {
        return None;
    }
    let mut best = None;
    for k in start..before.min(start + 6) {
        if ctx.quoted[k] || ctx.is_punct(k) {
            break;
        }
        let w = ctx.lower(k);
        if NP_STOP.contains(w) || NP_PREPOSITIONS.contains(&w) || is_cue_verb(w) {
            break;
        }
        if PEOPLE_NOUNS.contains(w) || ORG_NOUNS.contains(w) {
            best = Some(k);
        }
    }
    let head = best?;
    Some(Ref {
        span: ctx.span(start, head + 1),
        what: RefKind::Description(ctx.lower(head).to_string()),
    })
}

/// Whether a speaker can hold a position (the subject of "wants",
/// "opposes"): an entity, a pronoun or a description; a capitalised word the
/// tagger did not recognise only before an inflected verb ("Trump wants"),
/// since a base form could be a noun ("Bridge plan splits …").
fn holds_positions(ctx: &Ctx, r: &Ref, verb: &str) -> bool {
    match &r.what {
        RefKind::Entity(id) => matches!(ctx.entity_kind(*id), "PERSON" | "ORG" | "GROUP" | "PLACE"),
        RefKind::Pronoun(_) => true,
        // Documents hold positions too ("the poll shows", "the bill bans").
        RefKind::Description(_) => true,
        RefKind::Name => {
            verb.ends_with('s')
                || verb.ends_with("ed")
                || ["sought", "saw", "knew", "felt", "thought"].contains(&verb)
        }
    }
}

/// A subject and a verb right after a closing quote (",” he mocks.",
/// ",” Smith quipped."): whatever the verb, it reports the quote.
fn verb_after_quote(ctx: &Ctx, i: usize, end: usize, sentence: usize) -> Option<Cue> {
    // An inflected lower-case word that is no function word: a verb here.
    let inflected = |k: usize| {
        let w = ctx.lower(k);
        ctx.word(k).starts_with(|c: char| c.is_lowercase())
            && (w.ends_with('s') || w.ends_with("ed"))
            && !NP_STOP.contains(w)
            && !NP_PREPOSITIONS.contains(&w)
    };
    // (Verbs of saying are found by `find_cues` itself.)
    let verb_like = |k: usize| inflected(k) && !is_cue_verb(ctx.lower(k));
    let ends_clause = |k: usize| k >= end || ctx.is_punct(k);
    // ",” reacted Trump.", ",” blared the front page of The Boston Herald."
    if verb_like(i) && i + 1 < end {
        if let Some(r) = speaker_after(ctx, i + 1, end) {
            let after =
                i + 1 + ctx.tokens[i + 1..end].partition_point(|t| (t.start as usize) < r.span.end);
            if ends_clause(after) && !matches!(r.what, RefKind::Pronoun(_)) {
                return Some(Cue {
                    inverted: true,
                    ..Cue::new(ctx, i, i + 1, Some(r), sentence)
                });
            }
        }
    }
    // ",” a welcome message on the website reads."
    if DETERMINERS.contains(ctx.lower(i)) {
        let v = (i + 2..(i + MAX_SPEAKER_AFTER).min(end))
            .find(|&k| inflected(k) || ctx.is_punct(k) || ctx.quoted[k])?;
        if !verb_like(v) || !ends_clause(v + 1) {
            return None;
        }
        let speaker = description_ending(ctx, v - 1, i)?;
        return Some(Cue::new(ctx, v, v + 1, Some(speaker), sentence));
    }
    // ",” he mocks.", ",” Smith quipped."
    let (speaker, v) = match ctx.mentions.at(ctx.tokens[i].start as usize) {
        Some(m) => (
            Ref::mention(m),
            i + ctx.tokens[i..end].partition_point(|t| (t.start as usize) < m.1),
        ),
        None => {
            let p = pronoun(ctx.lower(i)).filter(|p| !matches!(p, Pron::Relative))?;
            let span = ctx.span(i, i + 1);
            let what = RefKind::Pronoun(p);
            (Ref { span, what }, i + 1)
        }
    };
    (v < end && !ctx.quoted[v] && verb_like(v))
        .then(|| Cue::new(ctx, v, v + 1, Some(speaker), sentence))
}

/// The speaker of one of the last few cues of `sentence` found so far: the
/// report a participle or a verb joined by "and" hangs on.
fn last_speaker(out: &[Cue], sentence: usize) -> Option<Ref> {
    out.iter()
        .rev()
        .take_while(|c| c.sentence == sentence)
        .take(4)
        .filter(|c| !c.nominal)
        .find_map(|c| c.speaker.clone())
}

/// The cues of one sentence (tokens `range`), each with the speaker its
/// clause names.
fn find_cues(ctx: &Ctx, range: Range<usize>, sentence: usize, out: &mut Vec<Cue>) {
    let (first, end) = (range.start, range.end);
    let mut i = first;
    while i < end {
        if ctx.quoted[i] {
            i += 1;
            continue;
        }
        let w = ctx.lower(i);
        // "according to X"
        if w == "according" && i + 1 < end && ctx.lower(i + 1) == "to" {
            let speaker = speaker_after(ctx, i + 2, end);
            out.push(Cue {
                inverted: true,
                ..Cue::new(ctx, i, i + 2, speaker, sentence)
            });
            i += 2;
            continue;
        }
        // "described by officials … as"
        if w == "by"
            && i > first
            && ["described", "called", "characterized", "quoted", "labeled"]
                .contains(&ctx.lower(i - 1))
        {
            let speaker = speaker_after(ctx, i + 1, end);
            if speaker.is_some() {
                out.push(Cue {
                    inverted: true,
                    ..Cue::new(ctx, i - 1, i + 1, speaker, sentence)
                });
                i += 1;
                continue;
            }
        }
        // ",” he mocks.": after a quote, a subject and any verb report it.
        let after_quote = i > first
            && (ctx.quoted[i - 1]
                || (i > first + 1 && ctx.word(i - 1) == "," && ctx.quoted[i - 2]));
        if after_quote {
            if let Some(c) = verb_after_quote(ctx, i, end, sentence) {
                i = c.tok_end;
                out.push(c);
                continue;
            }
        }
        // "“…” ― Sonya Herridge": a dash and a name under a quotation sign
        // it, as lists of readers' or voters' quotes do (the dash may open
        // the next sentence).
        if matches!(ctx.word(i), "―" | "—" | "–") && i > 0 && ctx.quoted[i - 1] {
            let capital = |k: usize| {
                !ctx.quoted[k]
                    && ctx.word(k).starts_with(char::is_uppercase)
                    && !NOT_NAMES.contains(ctx.lower(k))
            };
            let mut k = i + 1;
            while k < end && k < i + 6 && capital(k) {
                k += 1;
            }
            if k > i + 1 && (k == end || ctx.is_punct(k)) {
                let speaker = name_at(ctx, i + 1, k);
                out.push(Cue {
                    inverted: true,
                    ..Cue::new(ctx, i, i + 1, Some(speaker), sentence)
                });
                i = k;
                continue;
            }
        }
        // "Trump on Twitter: “…”", "Smith: “…”" — a colon right before a
        // quote, or ending a paragraph a quote opens next.
        if ctx.word(i) == ":" && i > first && (i + 1 == end || ctx.quoted[i + 1]) {
            // "Smith:" or "Trump on Twitter:"; a name after a preposition
            // ("… in an interview with CNN on Tuesday:") is no speaker, the
            // clause's subject is.
            let speaker = subject_before(ctx, i, first)
                .filter(|r| matches!(r.what, RefKind::Entity(_) | RefKind::Name))
                .filter(|r| {
                    let t = ctx
                        .tokens
                        .partition_point(|t| (t.start as usize) < r.span.start);
                    t == first
                        || !(NP_PREPOSITIONS.contains(&ctx.lower(t - 1))
                            || ["to", "by", "about"].contains(&ctx.lower(t - 1)))
                })
                .or_else(|| clause_subject(ctx, i, first));
            if speaker.is_some() {
                out.push(Cue {
                    colon: true,
                    ..Cue::new(ctx, i, i + 1, speaker, sentence)
                });
            }
            i += 1;
            continue;
        }
        // "the spot titled “Dangerous”": a name given, not speech.
        // (This and `nominal` are asked only of a verb: most words are none.)
        let naming = || NAMING_WORDS.contains(&w) && i + 1 < end && ctx.quoted[i + 1];
        // "As Ms. Simonyan put it, RT is “…”": the phrase news uses to give
        // someone's words their own way.
        let put_it = ["put", "puts"].contains(&w)
            && i + 1 < end
            && ctx.lower(i + 1) == "it"
            && !ctx.quoted[i + 1];
        // "Mrs. Clinton's remark", "his claim": after a possessive the
        // word is a noun, whatever verb it can also be. It still names
        // whose words the quote beside it is (a weak cue), but no verb
        // later in the sentence hangs on it.
        let nominal = || {
            i > first && {
                let before = ctx.word(i - 1);
                ["'s", "\u{2019}s", "s'", "s\u{2019}"]
                    .iter()
                    .any(|p| before.ends_with(p))
                    || POSSESSIVES.contains(&ctx.lower(i - 1))
            }
        };
        if (is_cue_verb(w) || put_it)
            && !naming()
            && ctx.word(i).starts_with(|c: char| c.is_lowercase())
        {
            let mut tok_end = i + 1;
            if put_it || (w == "pointed" && tok_end < end && ctx.lower(tok_end) == "out") {
                tok_end += 1;
            } else if w == "pointed" {
                i += 1;
                continue;
            }
            // Right after a closing mark and its comma (`after_quote`), or
            // after a comma clause, the speaker may follow: ",” said Smith".
            // "The call was requested by Putin": a passive reports nothing
            // of its subject.
            if !w.ends_with("ing") && i > first && BE_FORMS.contains(&ctx.lower(i - 1)) {
                // "was asked by moderator Gerard Baker": the agent speaks.
                if tok_end < end && ctx.lower(tok_end) == "by" && !is_weak(w) {
                    let speaker = speaker_after(ctx, tok_end + 1, end);
                    if speaker.is_some() {
                        out.push(Cue {
                            inverted: true,
                            ..Cue::new(ctx, i, tok_end + 1, speaker, sentence)
                        });
                    }
                }
                i = tok_end;
                continue;
            }
            let mut speaker = None;
            let mut inverted = false;
            // The comma may stand inside the closing mark: “…,” promising.
            let comma_in_quote = i > first
                && ctx.quoted[i - 1]
                && ctx.text[..ctx.tokens[i - 1].start as usize].ends_with(',');
            // "… tweeting that … and asking": a verb joined by "and" to a
            // report has that report's speaker.
            let joined = i > first && ["and", "or", "but"].contains(&ctx.lower(i - 1));
            if joined {
                if let Some(r) = last_speaker(out, sentence) {
                    out.push(Cue {
                        weak: is_weak(w),
                        ..Cue::new(ctx, i, tok_end, Some(r), sentence)
                    });
                    i = tok_end;
                    continue;
                }
            }
            // ", at one point calling …": a participle after a short phrase
            // that follows a comma; its clause ends at that comma.
            let after_phrase = (w.ends_with("ing") && i > first + 1)
                .then(|| {
                    let lowest = i.saturating_sub(ADVERBIAL_PHRASE_TOKENS).max(first + 1);
                    let p = (lowest..i - 1).rev().find(|&k| {
                        ctx.is_punct(k)
                            || ctx.quoted[k]
                            || ADVERBIAL_PREPOSITIONS.contains(&ctx.lower(k))
                    })?;
                    (ADVERBIAL_PREPOSITIONS.contains(&ctx.lower(p)) && ctx.word(p - 1) == ",")
                        .then_some(p - 1)
                })
                .flatten();
            if w.ends_with("ing")
                && i > first
                && (ctx.word(i - 1) == ","
                    || comma_in_quote
                    || after_phrase.is_some()
                    || PARTICIPLE_PREPOSITIONS.contains(&ctx.lower(i - 1)))
            {
                // ", saying …": the participle's subject is the clause's.
                let clause_end = after_phrase.unwrap_or(i - 1);
                speaker = last_speaker(out, sentence)
                    .or_else(|| clause_subject(ctx, clause_end, first))
                    .or_else(|| sentence_subject(ctx, first, i));
                out.push(Cue {
                    weak: is_weak(w),
                    ..Cue::new(ctx, i, tok_end, speaker, sentence)
                });
                i = tok_end;
                continue;
            }
            if after_quote {
                speaker = speaker_after(ctx, tok_end, end);
                inverted = speaker.is_some();
            }
            if speaker.is_none() {
                speaker = subject_before(ctx, i, first);
                // "she released a statement saying": the statement's author.
                if w.ends_with("ing") {
                    if let Some(Ref {
                        what: RefKind::Description(h),
                        ..
                    }) = &speaker
                    {
                        if DOCUMENT_NOUNS.contains(h.as_str()) {
                            speaker = clause_subject(ctx, i, first).or(speaker);
                        }
                    }
                }
            }
            if speaker.is_none() && !after_quote {
                // ", said the spokesman." after a clause.
                if i > first && ctx.word(i - 1) == "," {
                    speaker = speaker_after(ctx, tok_end, end);
                    inverted = speaker.is_some();
                }
            }
            let weak = is_weak(w);
            // "spoke anonymously to discuss internal strategy": a purpose,
            // not a position.
            if weak && i > first && ctx.lower(i - 1) == "to" {
                i = tok_end;
                continue;
            }
            // "appear on television" is no position; "appears to agree" is.
            if (w.starts_with("appear") || w.starts_with("seem"))
                && !(tok_end < end && ["to", "that"].contains(&ctx.lower(tok_end)))
            {
                i = tok_end;
                continue;
            }
            if weak
                && speaker
                    .as_ref()
                    .is_some_and(|r| !holds_positions(ctx, r, w))
            {
                // "Bridge plan splits …": a noun read as a verb of stance.
                speaker = None;
            }
            out.push(Cue {
                inverted,
                weak,
                nominal: nominal(),
                ..Cue::new(ctx, i, tok_end, speaker, sentence)
            });
            i = tok_end;
            continue;
        }
        i += 1;
    }
}

/// Words of a byte range (letters or digits between boundaries).
fn count_words(text: &str) -> usize {
    let mut n = 0;
    crate::bounds::words(text, |_| n += 1);
    n
}

/// A quote or indirect report before its speaker is resolved.
#[derive(Debug, Clone)]
struct Draft {
    span: Range<usize>,
    content: Range<usize>,
    kind: &'static str,
    cue: Option<Range<usize>>,
    speaker: Option<Ref>,
    paragraph: usize,
    sentence: usize,
    /// Took its speaker from the quote before it (no cue of its own).
    inherits: bool,
    /// Whom it is from if there is no speaker before it to continue.
    fallback: Option<Ref>,
    /// A title of a work (“Meet the Press”): never a partial quote.
    title: bool,
    /// Reported by a verb of stance or thought, not of saying.
    weak: bool,
}

/// Whom a speaker stands for once resolved.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    Entity(usize),
    /// A name with no entity: as written.
    Named(String),
    /// An unnamed source: its description.
    Anonymous(String),
}

/// A given name's usual gender, from the names list; `None` if not known.
fn name_gender(entity: &Entity, text: &str) -> Option<Pron> {
    // A form of address before any mention says it.
    for m in &entity.mentions {
        let before = text[..m.start as usize].trim_end();
        let last = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        match last.trim_end_matches('.').to_lowercase().as_str() {
            "mr" => return Some(Pron::Male),
            "mrs" | "ms" | "miss" => return Some(Pron::Female),
            _ => {}
        }
    }
    let roles = entity.roles.join(" ").to_lowercase();
    if [
        "woman",
        "queen",
        "mother",
        "wife",
        "chairwoman",
        "actress",
        "first lady",
    ]
    .iter()
    .any(|w| roles.contains(w))
    {
        return Some(Pron::Female);
    }
    let first = entity.name.split(' ').next().unwrap_or("");
    given_name_gender(first).map(|female| if female { Pron::Female } else { Pron::Male })
}

/// Given names and their usual gender (`true`: female), from
/// `data/ner/name-genders.txt`.
fn given_name_gender(name: &str) -> Option<bool> {
    // FNV-hashed, as the word sets are: eight thousand names to hash once.
    type Names = HashMap<&'static str, bool, super::ner::features::Fnv>;
    static NAMES: std::sync::OnceLock<Names> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            NAME_GENDERS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| {
                    let (n, g) = l.split_once('\t')?;
                    Some((n, g == "F"))
                })
                .collect()
        })
        .get(name)
        .copied()
}

/// Given names whose bearers are at least 90% one sex (data/SOURCES.md).
const NAME_GENDERS: &str = include_str!("../../data/ner/name-genders.txt");

/// The quotes and reports of speech in a document, and their sources.
/// Spans are byte offsets here (the output turns them into UTF-16).
#[inline(never)] // a function of its own in the browser module: see `lib.rs`
pub fn quotes(doc: &Document, entities: &[Entity]) -> (Vec<Quote>, Vec<QuoteSource>) {
    // 1. Quotation marks.
    let marked = pair_marks(doc.text, &doc.paragraphs);
    let (names, roles) = index_entities(entities);
    let ctx = Ctx {
        text: doc.text,
        tokens: &doc.tokens,
        entities,
        mentions: Mentions::new(entities),
        quoted: quoted_tokens(doc, &marked),
        names,
        roles,
        doc,
    };
    // 2. Cues, sentence by sentence.
    let mut cues = Vec::new();
    for (s, sent) in doc.sentences.iter().enumerate() {
        find_cues(&ctx, sent.tokens.clone(), s, &mut cues);
    }
    // 3. Quotes take cues; the rest report speech.
    let (mut drafts, used) = attach_cues(&ctx, doc, &marked, &cues);
    reported_speech(&ctx, doc, &cues, &used, &mut drafts);
    // Given back before the output is made beside the drafts: a long
    // text's cues are the largest list here (6 MB on 10 MB of text).
    drop((cues, used, marked));
    drafts.sort_by_key(|d| (d.span.start, d.span.end));
    fold_nested_reports(&mut drafts);
    // 4. Speakers resolved; 5. sources.
    let resolved = resolve_speakers(&ctx, doc, &mut drafts);
    into_output(&ctx, drafts, resolved)
}

/// Per token: whether it is inside a quote (marks included).
fn quoted_tokens(doc: &Document, marked: &[Marked]) -> Vec<bool> {
    let mut quoted = vec![false; doc.tokens.len()];
    let mut q = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        let at = t.start as usize;
        while q < marked.len() && marked[q].span.end <= at {
            q += 1;
        }
        quoted[i] = q < marked.len() && marked[q].span.start <= at;
    }
    quoted
}

/// The entities by their name's last word and other names (a person first,
/// then the most mentioned), and people by the words of their roles (first
/// named first): `Ctx::names` and `Ctx::roles`.
fn index_entities(entities: &[Entity]) -> (HashMap<&str, usize>, HashMap<String, Vec<usize>>) {
    let mut names: HashMap<&str, usize> = HashMap::new();
    let mut roles: HashMap<String, Vec<usize>> = HashMap::new();
    let rank = |e: &Entity| (e.kind == "PERSON", e.count);
    for e in entities {
        let last = e.name.rsplit(' ').next().unwrap_or(&e.name);
        for key in std::iter::once(last).chain(e.aliases.iter().map(String::as_str)) {
            let slot = names.entry(key).or_insert(e.id as usize);
            if rank(e) > rank(&entities[*slot]) {
                *slot = e.id as usize;
            }
        }
        if e.kind == "PERSON" {
            for role in &e.roles {
                for w in role.to_lowercase().split_whitespace() {
                    roles.entry(w.to_string()).or_default().push(e.id as usize);
                }
            }
        }
    }
    for ids in roles.values_mut() {
        ids.sort_by_key(|&id| entities[id].first.start);
        ids.dedup();
    }
    (names, roles)
}

/// Step 3: each quote takes the nearest cue of its sentences, else
/// continues a speaker, else is a scare quote. Gives the quotes' drafts and
/// which cues they used.
fn attach_cues(
    ctx: &Ctx,
    doc: &Document,
    marked: &[Marked],
    cues: &[Cue],
) -> (Vec<Draft>, Vec<bool>) {
    let text = ctx.text;
    let mut used = vec![false; cues.len()];
    let mut drafts: Vec<Draft> = Vec::new();
    for q in marked {
        let s_first = doc.sentence_at(q.span.start);
        let s_last = doc.sentence_at(q.span.end.saturating_sub(1));
        // Token index of the quote's edges.
        let t_open = doc
            .tokens
            .partition_point(|t| (t.start as usize) < q.span.start);
        let t_close = doc
            .tokens
            .partition_point(|t| (t.start as usize) < q.span.end);
        // A quote that ends its sentence may take its cue from the start of
        // the next (“….” Trump said.), where the splitter put it.
        let s_last_end = doc.sentences[s_last].tokens.end;
        let ends_sentence = s_last_end.saturating_sub(t_close) <= 3
            && (t_close..s_last_end).all(|k| ctx.is_punct(k) || ctx.quoted[k]);
        let next_first = doc.sentences.get(s_last + 1).map(|s| s.tokens.start);
        // Cues of the quote's sentences, no further than a window from it
        // (a sentence of thousands of quotes costs linear time).
        let a = cues
            .partition_point(|c| c.sentence < s_first)
            .max(cues.partition_point(|c| c.tok + CUE_WINDOW < t_open));
        let b = cues
            .partition_point(|c| c.sentence <= s_last + usize::from(ends_sentence))
            .min(cues.partition_point(|c| c.tok <= t_close + CUE_WINDOW));
        let mut best: Option<(usize, usize)> = None;
        // A quote opening its paragraph after one that ends with a colon
        // ("He told his audience:"): the colon's cue, in the sentence before.
        let p = doc.paragraph_at(q.span.start);
        let a = if p > 0
            && doc.paragraphs[p].start == q.span.start
            && text[doc.paragraphs[p - 1].clone()]
                .trim_end()
                .ends_with(':')
        {
            cues.partition_point(|c| c.sentence + 1 < s_first)
        } else {
            a
        };
        for (ci, c) in cues.iter().enumerate().take(b).skip(a) {
            if c.sentence > s_last
                && (next_first.is_none_or(|f| c.tok > f + NEXT_SENTENCE_CUE_TOKENS)
                    || doc.sentences[c.sentence].paragraph != doc.sentences[s_last].paragraph)
            {
                continue;
            }
            // A weak cue only right beside the quote ("cited “…”").
            let beside = c.tok_end == t_open
                || (c.tok_end + 1 == t_open && ctx.is_punct(c.tok_end))
                || (c.tok >= t_close && c.tok - t_close <= 3 && c.sentence <= s_last);
            // A weak cue speaks for a quote only through people or
            // institutions ("the poll shows “…”" is no speech).
            let people = c.speaker.as_ref().is_some_and(|r| match &r.what {
                RefKind::Description(h) => {
                    PEOPLE_NOUNS.contains(h.as_str()) || ORG_NOUNS.contains(h.as_str())
                }
                _ => true,
            });
            if c.speaker.is_none() || (c.weak && !c.colon && !(beside && people)) {
                continue;
            }
            if c.colon && c.tok + 1 != t_open {
                continue;
            }
            let dist = if c.sentence < s_first {
                // The sentence before, ending with a colon.
                if c.colon {
                    2
                } else {
                    NEXT_SENTENCE_PENALTY / 2 + (t_open - c.tok_end)
                }
            } else if c.sentence > s_last {
                // In the next sentence: only if the quote's own have none.
                NEXT_SENTENCE_PENALTY + (c.tok - t_close)
            } else if c.tok >= t_close {
                // "…“you talk about the issues,” though she noted she has
                // also …": a cue with a subject of its own after a
                // conjunction, and words of its own after it, reports what
                // follows it, not the quote before ("“…” because she would
                // win, he said." still speaks for the quote; so does "“…”
                // but added …", which shares the subject).
                let own_clause =
                    (t_close..c.tok).any(|k| k + 1 < c.tok && NEW_CLAUSE.contains(&ctx.lower(k)));
                let own_words =
                    c.tok_end < doc.sentences[c.sentence].tokens.end && !ctx.is_punct(c.tok_end);
                if own_clause && own_words {
                    continue;
                }
                // After the quote: a cue close behind the closing mark wins.
                (c.tok - t_close) * 2
            } else if c.tok_end <= t_open {
                // Before it: "Trump told the Post in a statement, “…”".
                let introduces = t_open > 0 && [",", ":"].contains(&ctx.word(t_open - 1));
                let gap = t_open - c.tok_end;
                if introduces && gap <= CUE_NEAR_QUOTE {
                    // (The nearest of the cues before it: "a woman asked
                    // for a photo and Clinton said, “…”".)
                    3 + gap / 4
                } else {
                    gap * 2 + 1
                }
            } else {
                continue;
            };
            // A weak cue beside the quote loses to a verb of saying
            // ("Westmacott said that Obama shows “great charm”").
            let dist = dist + if c.weak { WEAK_CUE_PENALTY } else { 0 };
            if dist > CUE_NEAR_QUOTE * 2 && !c.colon {
                // Far away, but the sentence's only cue still speaks for it.
                if best.is_some() {
                    continue;
                }
            }
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, ci));
            }
        }
        let words = count_words(&text[q.content.clone()]);
        let inner = text[q.content.clone()].trim();
        let sentence_like = inner.ends_with(['.', ',', '!', '?', '…', ';', ':'])
            || (inner.starts_with(char::is_uppercase) && words > SCARE_MAX_WORDS);
        // A name given to something: "an ad titled “Unifier?”".
        // So is a title in capitals after "on" or a possessive: a
        // show, a book, a programme ("said on CNN's “State of the
        // Union.”", "On “Face the Nation,” Sanders said"), whatever cue
        // is near.
        let named = t_open > 0
            && (NAMING_WORDS.contains(&ctx.lower(t_open - 1))
                || (is_title_case(inner)
                    && words <= TITLE_MAX_WORDS
                    && (ctx.lower(t_open - 1) == "on"
                        || ["'s", "\u{2019}s"]
                            .iter()
                            .any(|p| ctx.word(t_open - 1).ends_with(p)))));
        // A headline capitalises every word and quotes with single marks
        // what its subject said ("Activist Calls Trump A ‘Disgusting
        // Fraud’"): there capitals say nothing of a title, and a short
        // quoted phrase is speech, not the writer's scare quote.
        let headline = p == 0
            && doc.paragraphs.len() > 1
            && count_words(&text[doc.paragraphs[0].clone()]) <= HEADLINE_MAX_WORDS;
        let title = named || (is_title_case(inner) && words <= TITLE_MAX_WORDS && !headline);
        // At a clause's edge: opens its sentence, or after ":" / "," / a cue.
        let opens_sentence = doc.sentences[s_first].range.start >= q.span.start
            || text[doc.sentences[s_first].range.start..q.span.start]
                .trim_end()
                .ends_with([':', ',']);
        let direct_form = opens_sentence || sentence_like;
        let mut d = Draft {
            span: q.span.clone(),
            content: q.content.clone(),
            kind: if direct_form { "direct" } else { "partial" },
            cue: None,
            speaker: None,
            paragraph: p,
            sentence: s_first,
            inherits: false,
            fallback: None,
            title,
            weak: false,
        };
        // The subject of the quote's sentence, for a quote without a cue
        // ("She blamed the violence on a “disturbed person”").
        let subject = || {
            let first = doc.sentences[s_first].tokens.start;
            sentence_subject(ctx, first, t_open.max(first))
        };
        let after_colon = t_open > 0 && ctx.word(t_open - 1) == ":";
        // A partial quote inside what someone is reported to say is theirs:
        // "Trump said Fox executives were calling “every 15 minutes”" — the
        // sentence's first verb of saying before it, not the nearest verb.
        let best = match best {
            Some((d, ci)) if !direct_form && cues[ci].tok_end <= t_open => {
                let outer = cues[a..ci].iter().position(|c| {
                    c.sentence == cues[ci].sentence
                        && !c.weak
                        && !c.colon
                        && c.speaker.is_some()
                        && c.tok_end <= t_open
                });
                Some((d, outer.map_or(ci, |o| a + o)))
            }
            other => other,
        };
        // "Pence: Gennifer Flowers Won’t Be at Debate, Trump Was ‘Mocking’
        // Clinton Camp": a headline's quotes are the words of the name
        // before its colon.
        let voiced = headline
            .then(|| {
                headline_voice(ctx, doc.paragraphs[0].start, t_open)
                    .or_else(|| headline_speaker(ctx, doc.paragraphs[0].clone()))
            })
            .flatten();
        if named {
            d.kind = "scare";
        } else if let (None, Some(r)) = (best, &voiced) {
            d.speaker = Some(r.clone());
        } else if let Some((_, ci)) = best {
            used[ci] = true;
            d.cue = Some(cues[ci].span.clone());
            d.speaker = cues[ci].speaker.clone();
        } else if title && !after_colon {
            // A title of a work or a show (“This Week”), not speech.
            d.kind = "scare";
        } else if words <= SCARE_MAX_WORDS && !sentence_like {
            // A person's word in a sentence about what they did ("She
            // blamed the violence on a “disturbed person”"); else the
            // writer's scare quote (a company's “substantially all” in a
            // sentence about its contract is the writer's).
            d.speaker = subject().filter(|r| match &r.what {
                RefKind::Entity(id) => ctx.entity_kind(*id) == "PERSON",
                RefKind::Pronoun(p) => matches!(p, Pron::Male | Pron::Female),
                _ => false,
            });
            if d.speaker.is_none() && headline {
                // The headline's subject, whoever it is ("Obama Sees
                // ‘Personal Insult’"; a title-case headline sometimes
                // misleads it, but it is right more often than not on
                // both PolNeAR splits).
                d.speaker = subject();
            } else if d.speaker.is_none() {
                d.kind = "scare";
            }
        } else {
            d.inherits = true;
            d.fallback = subject().or_else(|| introduced_by(ctx, doc, s_first, t_open));
        }
        drafts.push(d);
    }

    (drafts, used)
}

/// Cues no quote took report speech: their reported clause becomes an
/// `indirect` draft.
fn reported_speech(
    ctx: &Ctx,
    doc: &Document,
    cues: &[Cue],
    used: &[bool],
    drafts: &mut Vec<Draft>,
) {
    let text = ctx.text;
    for (ci, c) in cues.iter().enumerate() {
        let according = ctx.lower(c.tok) == "according";
        if used[ci] || (c.speaker.is_none() && !according) || c.colon {
            continue;
        }
        let sent = &doc.sentences[c.sentence];
        let (s_first, s_end) = (sent.tokens.start, sent.tokens.end);
        // The reported clause: after the cue (its object and "that"
        // skipped), else before it when the cue closes the sentence
        // ("…, officials said.").
        let speaker_span = c.speaker.as_ref().map(|r| r.span.clone()).unwrap_or(0..0);
        let mut from = c.tok_end;
        if c.inverted {
            while from < s_end && (ctx.tokens[from].start as usize) < speaker_span.end {
                from += 1;
            }
        }
        let skip_to_clause = |mut k: usize| -> usize {
            // "said that", "told reporters that", "said on Monday that",
            // "said in a statement that": a "that" a few words on.
            let look = (k + TELL_OBJECT_TOKENS).min(s_end);
            let object_follows = TELL_VERBS.contains(&ctx.lower(c.tok))
                || (k < s_end && ADVERBIAL_OPENERS.contains(ctx.lower(k)));
            if let Some(t) =
                (k..look).find(|&t| ctx.quoted[t] || ctx.lower(t) == "that" || ctx.is_punct(t))
            {
                if !ctx.quoted[t] && ctx.lower(t) == "that" && (t == k || object_follows) {
                    return t + 1;
                }
            }
            while k < s_end && (ctx.word(k) == "," || ctx.word(k) == ":") {
                k += 1;
            }
            k
        };
        // The clause ends where the sentence's next report of speech
        // begins ("…, while Putin said …"): at its speaker when the speaker
        // comes first, else at its cue. A verb of stance inside the clause
        // ("he needed to see …") is part of what was said.
        let s_end = cues[ci + 1..]
            .iter()
            .take_while(|n| n.sentence == c.sentence)
            .take(CUE_WINDOW)
            .find(|n| !n.weak && n.speaker.is_some())
            .map(|n| match &n.speaker {
                Some(r) if !n.inverted && r.span.start >= c.span.end => doc
                    .tokens
                    .partition_point(|t| (t.start as usize) < r.span.start),
                _ => n.tok,
            })
            .map(|t| t.max(c.tok_end))
            .unwrap_or(s_end)
            .min(c.tok_end + MAX_INDIRECT_TOKENS);
        from = skip_to_clause(from);
        // ", said Mindy Romero, director of …" and "…, Hennessey said, and
        // …": what was said came before.
        let speaker_first_tok = doc
            .tokens
            .partition_point(|t| (t.start as usize) < speaker_span.start);
        let parenthetical = !c.inverted
            && c.speaker.is_some()
            && speaker_first_tok > s_first
            && ctx.word(speaker_first_tok - 1) == ","
            && c.tok_end < s_end
            && ctx.word(c.tok_end) == ",";
        let closes_clause =
            parenthetical || (c.inverted && c.tok > s_first && ctx.word(c.tok - 1) == ",");
        let content_after = !closes_clause
            && from < s_end
            && !ctx.quoted[from]
            && !ctx.is_punct(from)
            && (s_end - from) >= MIN_INDIRECT_WORDS;
        let content = if content_after && !(c.inverted && from >= s_end) {
            let mut to = s_end;
            while to > from
                && (ctx.is_punct(to - 1)
                    || ctx.quoted[to - 1]
                    || CLAUSE_TAIL.contains(&ctx.lower(to - 1)))
            {
                to -= 1;
            }
            (to > from).then(|| ctx.span(from, to))
        } else {
            None
        };
        // The clause before: "…, officials said." / "…, according to X.",
        // when nothing but punctuation follows the cue and its speaker.
        let start_of_speaker = speaker_span.start.min(c.span.start);
        // (Against the sentence's own end, not where the next report cuts.)
        let sentence_end = sent.tokens.end;
        let rest_empty = sentence_end.saturating_sub(from) <= 3
            && (from..sentence_end).all(|k| ctx.is_punct(k) || ctx.quoted[k]);
        let content = content.or_else(|| {
            if !rest_empty && !closes_clause {
                return None;
            }
            let mut to = s_first.max(c.tok.saturating_sub(MAX_INDIRECT_TOKENS));
            let s_first = to;
            while to < s_end && (ctx.tokens[to].end() as usize) <= start_of_speaker {
                to += 1;
            }
            while to > s_first && ctx.is_punct(to - 1) {
                to -= 1;
            }
            let mut from = s_first;
            while from < to && (ctx.is_punct(from) || ctx.quoted[from]) {
                from += 1;
            }
            (to > from && to - from >= MIN_INDIRECT_WORDS).then(|| ctx.span(from, to))
        });
        let Some(content) = content else { continue };
        if count_words(&text[content.clone()]) < MIN_INDIRECT_WORDS
            || is_anonymity_clause(&text[content.clone()])
        {
            continue;
        }
        drafts.push(Draft {
            span: content.clone(),
            content,
            kind: "indirect",
            cue: Some(c.span.clone()),
            speaker: c.speaker.clone(),
            paragraph: sent.paragraph,
            sentence: c.sentence,
            inherits: false,
            fallback: None,
            title: false,
            weak: c.weak,
        });
    }
}

/// "(speaking) on condition of anonymity", "on the condition that he not be
/// named": how news says a source is unnamed, not something the source said.
fn is_anonymity_clause(content: &str) -> bool {
    let lower = content.trim_start().to_lowercase();
    ["on condition", "on the condition"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// Drafts in text order: a position inside reported speech is folded into
/// it, and a scare quote inside reported speech becomes a partial quote.
fn fold_nested_reports(drafts: &mut Vec<Draft>) {
    // A position inside reported speech ("Biden said he needed to see …")
    // is part of what was said, not a report of its own.
    {
        let mut covering_end = 0;
        let mut keep = Vec::with_capacity(drafts.len());
        for d in drafts.drain(..) {
            let weak_cue = d.kind == "indirect" && d.weak;
            if weak_cue && d.span.start < covering_end {
                continue;
            }
            if d.kind == "indirect" && !weak_cue {
                covering_end = covering_end.max(d.span.end);
            }
            keep.push(d);
        }
        *drafts = keep;
    }
    // A scare quote inside reported speech is the speaker's own word: a
    // partial quote ("predicting that Trump “has no chance”").
    // (Positions too: "Trump believes the system is “rigged”" quotes him.)
    let reports: Vec<Draft> = drafts
        .iter()
        .filter(|d| d.kind == "indirect")
        .cloned()
        .collect();
    for d in drafts.iter_mut().filter(|d| d.kind == "scare" && !d.title) {
        let i = reports.partition_point(|r| r.content.start <= d.span.start);
        if let Some(r) = i.checked_sub(1).map(|i| &reports[i]) {
            if d.span.end <= r.content.end {
                d.kind = "partial";
                d.cue = r.cue.clone();
                d.speaker = r.speaker.clone();
            }
        }
    }
}

/// Step 4: whom each draft's speaker stands for, in text order.
fn resolve_speakers(ctx: &Ctx, doc: &Document, drafts: &mut [Draft]) -> Vec<Option<Who>> {
    let text = ctx.text;
    let genders: Vec<Option<Pron>> = ctx.entities.iter().map(|e| name_gender(e, text)).collect();
    let mut resolved: Vec<Option<Who>> = Vec::with_capacity(drafts.len());
    // The speakers so far: (sentence, paragraph, who).
    let mut history: Vec<(usize, usize, Who, Option<Ref>)> = Vec::new();
    for d in drafts.iter_mut() {
        let who = if d.inherits {
            // No cue: the last speaker of this paragraph, or of the one
            // before when this quote opens its paragraph.
            let opens = doc.paragraphs[d.paragraph].start == d.span.start;
            // Captions and subheadings between them do not interrupt.
            let interlude = |p: usize| {
                let t = text[doc.paragraphs[p].clone()].trim_end();
                !t.ends_with(['.', '!', '?', '”', '"', '’', ':'])
                    && t.split_whitespace().count() <= INTERLUDE_WORDS
            };
            let last = history.last().filter(|(_, p, _, _)| {
                *p == d.paragraph
                    || (opens
                        && *p < d.paragraph
                        && d.paragraph - *p <= 1 + MAX_INTERLUDES
                        && (*p + 1..d.paragraph).all(interlude))
            });
            match last {
                Some((_, _, w, r)) => {
                    // The speaker as written where the speech began.
                    d.speaker = r.clone();
                    Some(w.clone())
                }
                None => {
                    d.inherits = false;
                    d.speaker = d.fallback.take();
                    d.speaker
                        .as_ref()
                        .and_then(|r| resolve(ctx, r, d.sentence, doc, &history, &genders))
                }
            }
        } else if let Some(r) = &d.speaker {
            resolve(ctx, r, d.sentence, doc, &history, &genders)
        } else {
            None
        };
        if let Some(w) = &who {
            if d.kind != "scare" {
                history.push((d.sentence, d.paragraph, w.clone(), d.speaker.clone()));
            }
        }
        resolved.push(who);
    }

    resolved
}

/// Step 5: the quotes as they leave the library, and their sources, the
/// most quoted first.
fn into_output(
    ctx: &Ctx,
    drafts: Vec<Draft>,
    resolved: Vec<Option<Who>>,
) -> (Vec<Quote>, Vec<QuoteSource>) {
    let (text, entities) = (ctx.text, ctx.entities);
    let mut sources: Vec<QuoteSource> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(drafts.len());
    for (d, who) in drafts.into_iter().zip(resolved) {
        let words = count_words(&text[d.content.clone()]) as u32;
        let direct = d.kind == "direct" || d.kind == "partial";
        let (entity, source, source_id) = match &who {
            Some(w) => {
                let (key, name, kind, entity, role) = match w {
                    Who::Entity(id) => {
                        let e = &entities[*id];
                        (
                            format!("e{id}"),
                            e.name.clone(),
                            "named",
                            Some(*id as u32),
                            e.roles.first().cloned(),
                        )
                    }
                    Who::Named(name) => (
                        format!("n{}", name.to_lowercase()),
                        name.clone(),
                        "named",
                        None,
                        None,
                    ),
                    Who::Anonymous(desc) => (
                        format!("a{}", desc.to_lowercase()),
                        desc.clone(),
                        "anonymous",
                        None,
                        None,
                    ),
                };
                let id = *index.entry(key).or_insert_with(|| {
                    sources.push(QuoteSource {
                        id: 0,
                        name,
                        kind,
                        entity,
                        role,
                        quotes: 0,
                        direct: 0,
                        words: 0,
                    });
                    sources.len() - 1
                });
                let s = &mut sources[id];
                s.quotes += 1;
                if direct {
                    s.direct += 1;
                    s.words += words;
                }
                (entity, kind, Some(id))
            }
            None => (None, "unknown", None),
        };
        let speaker = if d.kind == "scare" {
            None
        } else {
            d.speaker.as_ref().map(|r| Speaker {
                start: r.span.start as u32,
                end: r.span.end as u32,
                text: text[r.span.clone()].to_string(),
            })
        };
        out.push(Quote {
            start: d.span.start as u32,
            end: d.span.end as u32,
            text: text[d.span.clone()].to_string(),
            kind: d.kind,
            content: Span::new(d.content.start, d.content.end),
            cue: d.cue.map(|c| Span::new(c.start, c.end)),
            speaker,
            entity,
            source,
            source_id: source_id.map(|i| i as u32),
        });
    }
    // Sources by weight; quotes follow their sources' new numbers.
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse((sources[i].words, sources[i].quotes)), i));
    let mut renumber = vec![0u32; sources.len()];
    for (new, &old) in order.iter().enumerate() {
        renumber[old] = new as u32;
    }
    let mut sorted: Vec<QuoteSource> = order.iter().map(|&i| sources[i].clone()).collect();
    for (i, s) in sorted.iter_mut().enumerate() {
        s.id = i as u32;
    }
    for q in &mut out {
        q.source_id = q.source_id.map(|i| renumber[i as usize]);
    }
    (out, sorted)
}

/// The head noun of a description, singular, for grouping "a senior
/// official" with "the official".
fn head_key(desc: &str) -> String {
    let head = head_word(desc);
    let head = head.trim_end_matches(|c: char| !c.is_alphanumeric());
    match head {
        "spokesmen" | "spokespeople" => "spokesman".to_string(),
        "people" => "person".to_string(),
        h if h.len() > 3 && h.ends_with('s') && !h.ends_with("ss") => h[..h.len() - 1].to_string(),
        h => h.to_string(),
    }
}

/// Whether a description's head is plural ("officials on both sides").
fn is_plural(desc: &str) -> bool {
    let head = head_word(desc);
    let head = head.as_str();
    (head.ends_with('s') && !head.ends_with("ss"))
        || ["people", "police", "men", "women"].contains(&head)
}

/// A description's head word, lower case: the last word before a
/// preposition ("officials on both sides"), else the last word.
fn head_word(desc: &str) -> String {
    let lower = desc.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words
        .iter()
        .position(|w| NP_PREPOSITIONS.contains(w))
        .and_then(|p| p.checked_sub(1))
        .map_or_else(|| words.last().copied().unwrap_or(""), |p| words[p])
        .to_string()
}

/// Whom a speaker as written stands for.
fn resolve(
    ctx: &Ctx,
    r: &Ref,
    sentence: usize,
    doc: &Document,
    history: &[(usize, usize, Who, Option<Ref>)],
    genders: &[Option<Pron>],
) -> Option<Who> {
    match &r.what {
        RefKind::Entity(id) => Some(Who::Entity(*id)),
        RefKind::Name => {
            // The entity whose name ends with this one ("Trump" → Donald
            // Trump), a person first; else the name as written.
            let written = &ctx.text[r.span.clone()];
            let name = written
                .split_whitespace()
                .filter(|w| {
                    !HONORIFIC_WORDS.contains(&w.trim_end_matches('.').to_lowercase().as_str())
                })
                .collect::<Vec<_>>()
                .join(" ");
            if name.is_empty() {
                return None;
            }
            let last = name.rsplit(' ').next().unwrap_or(&name);
            let found = ctx.names.get(name.as_str()).or_else(|| ctx.names.get(last));
            Some(found.map_or(Who::Named(name.clone()), |&id| Who::Entity(id)))
        }
        RefKind::Description(head) => {
            let desc = ctx.text[r.span.clone()].to_string();
            let lower = desc.to_lowercase();
            let definite = lower.starts_with("the ");
            // "the spokesman": the person whose role it is.
            if definite {
                for (_, _, w, _) in history.iter().rev().take(HISTORY_LOOKBACK) {
                    if let Who::Entity(id) = w {
                        let e = &ctx.entities[*id];
                        if e.roles
                            .iter()
                            .any(|x| x.to_lowercase().contains(head.as_str()))
                        {
                            return Some(w.clone());
                        }
                    }
                }
                let named_before = ctx.roles.get(head.as_str()).and_then(|ids| {
                    ids.iter()
                        .find(|&&id| ctx.entities[id].first.start as usize <= r.span.start)
                });
                if let Some(&id) = named_before {
                    return Some(Who::Entity(id));
                }
            }
            if PEOPLE_NOUNS.contains(head.as_str()) {
                // "the official" is the official described before; "a senior
                // official" is someone new unless described the same way;
                // "officials" join earlier officials.
                let key = head_key(&desc);
                let indefinite = ["a ", "an ", "another "]
                    .iter()
                    .any(|a| lower.starts_with(a));
                for (_, _, w, _) in history.iter().rev().take(HISTORY_LOOKBACK) {
                    if let Who::Anonymous(d) = w {
                        let same = if indefinite {
                            d.eq_ignore_ascii_case(&desc)
                        } else {
                            head_key(d) == key && is_plural(d) == is_plural(&desc)
                        };
                        if same {
                            return Some(w.clone());
                        }
                    }
                }
                return Some(Who::Anonymous(desc));
            }
            // "the newspaper", "the ministry": the organisation named last.
            if definite && ORG_NOUNS.contains(head.as_str()) {
                let before = ctx
                    .mentions
                    .within(r.span.start.saturating_sub(PRONOUN_BYTES)..r.span.start);
                if let Some(&(_, _, id)) =
                    before.iter().rev().find(|m| ctx.entity_kind(m.2) == "ORG")
                {
                    return Some(Who::Entity(id));
                }
            }
            None
        }
        RefKind::Pronoun(p) => {
            let fits = |w: &Who| -> bool {
                match (w, p) {
                    (Who::Entity(id), Pron::Male | Pron::Female) => {
                        ctx.entity_kind(*id) == "PERSON"
                            && genders.get(*id).copied().flatten().is_none_or(|g| g == *p)
                    }
                    (Who::Entity(id), Pron::Plural) => {
                        matches!(ctx.entity_kind(*id), "GROUP" | "ORG")
                    }
                    (Who::Entity(id), Pron::Thing) => {
                        matches!(ctx.entity_kind(*id), "ORG" | "PLACE")
                    }
                    (Who::Named(n), Pron::Male | Pron::Female) => {
                        given_name_gender(n.split(' ').next().unwrap_or(""))
                            .is_none_or(|female| female == (*p == Pron::Female))
                    }
                    (Who::Anonymous(d), Pron::Plural) => {
                        let h = d.to_lowercase();
                        h.ends_with('s') || h.contains("people") || h.contains("police")
                    }
                    (Who::Anonymous(d), Pron::Male | Pron::Female) => {
                        let h = head_key(d);
                        !d.to_lowercase().ends_with('s') || h != d.to_lowercase()
                    }
                    _ => false,
                }
            };
            if matches!(p, Pron::First | Pron::Relative) {
                return None;
            }
            // The subjects of this sentence and the ones before, nearest
            // first; a speaker of one of them before a sentence subject.
            let floor = sentence.saturating_sub(PRONOUN_SENTENCES);
            for s in (floor..=sentence).rev() {
                if let Some((_, _, w, _)) = history
                    .iter()
                    .rev()
                    .take_while(|(hs, _, _, _)| *hs >= s)
                    .find(|(hs, _, w, _)| *hs == s && fits(w))
                {
                    return Some(w.clone());
                }
                let sent = &doc.sentences[s];
                let range = sent.range.start..sent.range.end.min(r.span.start);
                let before = ctx.mentions.within(range.clone());
                // The sentence's subject: its first name near its start,
                // past an opening phrase ("Filling in for Sanders, West …").
                let pron_tok = ctx
                    .tokens
                    .partition_point(|t| (t.start as usize) < range.end);
                let subj_tok = past_opening_phrase(ctx, sent.tokens.start, pron_tok);
                let subj_at = ctx
                    .tokens
                    .get(subj_tok)
                    .map_or(range.end, |t| (t.start as usize).min(range.end));
                let subject = ctx.mentions.within(subj_at..range.end).first();
                if let Some(&(start, _, id)) = subject {
                    let lead = ctx.text[subj_at..start].split_whitespace().take(4).count();
                    let w = Who::Entity(id);
                    if lead <= 3 && fits(&w) {
                        return Some(w);
                    }
                }
                if s == sentence {
                    // Else in its own sentence, the nearest fitting name.
                    let possessive = |m: &&(usize, usize, usize)| {
                        ctx.text[m.1..].starts_with("'s")
                            || ctx.text[m.1..].starts_with("\u{2019}s")
                    };
                    if let Some(w) = before
                        .iter()
                        .rev()
                        .take(MAX_MENTIONS_BACK)
                        .filter(|m| !possessive(m))
                        .map(|m| Who::Entity(m.2))
                        .find(|w| fits(w))
                    {
                        return Some(w);
                    }
                }
            }
            // Anyone fitting mentioned shortly before.
            let before = ctx
                .mentions
                .within(r.span.start.saturating_sub(PRONOUN_BYTES)..r.span.start);
            before
                .iter()
                .rev()
                .take(MAX_MENTIONS_BACK)
                .map(|m| Who::Entity(m.2))
                .find(|w| fits(w))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(t: &str) -> Vec<&str> {
        let mut paras = Vec::new();
        let mut at = 0;
        for p in t.split("\n\n") {
            paras.push(at..at + p.len());
            at += p.len() + 2;
        }
        pair_marks(t, &paras)
            .into_iter()
            .map(|q| &t[q.span])
            .collect()
    }

    #[test]
    fn pairs_straight_curly_and_nested_marks() {
        assert_eq!(
            marks("“We will fight,” he said. \"Never,\" she said."),
            ["“We will fight,”", "\"Never,\""]
        );
        assert_eq!(
            marks("He said “she told me ‘no’ twice” today."),
            ["“she told me ‘no’ twice”"]
        );
        assert_eq!(
            marks("Don’t say the Clintons’ house is ‘rigged’."),
            ["‘rigged’"]
        );
        assert_eq!(marks("Er sagte „nein“ und «oui»."), ["„nein“", "«oui»"]);
    }

    #[test]
    fn two_apostrophes_are_a_double_mark() {
        assert_eq!(
            marks("''Politicking,'' he said. It's ''fine.''"),
            ["''Politicking,''", "''fine.''"]
        );
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let t = "“We will fight, he said.\n\nThe talks went on for hours.";
        assert_eq!(marks(t), ["“We will fight, he said."]);
    }

    #[test]
    fn a_quote_runs_on_when_the_next_paragraph_opens_with_a_mark() {
        let t = "He said: “First part.\n\n“Second part.”\n\nDone.";
        assert_eq!(marks(t), ["“First part.\n\n“Second part.”"]);
    }

    #[test]
    fn heads_of_descriptions() {
        assert_eq!(head_key("a senior administration official"), "official");
        assert_eq!(head_key("officials on both sides"), "official");
        assert_eq!(head_key("sources familiar with the talks"), "source");
    }
}
