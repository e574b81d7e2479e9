//! Page metadata: what a page states about itself (title, authors, dates,
//! site, language, canonical URL, lead image, description), each field from
//! the most trusted source that gives it.
//!
//! A page may say the same thing many times and in many vocabularies. The
//! sources, most trusted first:
//!
//! 1. JSON-LD (`<script type="application/ld+json">`), the schema.org article
//!    object publishers write for search engines: structured, typed, and the
//!    one place where several authors arrive as a list;
//! 2. Open Graph (`og:*`, `article:*`), written for link previews;
//! 3. Twitter cards (`twitter:*`);
//! 4. Dublin Core (`dc.*`, `dcterms.*`);
//! 5. Parse.ly (`parsely-*` and the `parsely-page` JSON);
//! 6. plain `<meta name>` (`author`, `date`, …);
//! 7. microdata in the body (`itemprop="author"`, `datePublished`, `headline`);
//! 8. `<time>` elements, `rel="author"` links and a visible byline;
//! 9. last, a date in the page's own URL (`/2021/12/30/`).
//!
//! The title is the exception: readers and annotators take the headline they
//! see, so a visible `<h1>` that agrees with the stated title wins over it
//! (see [`choose_title`]).
//!
//! Nothing here runs anything: JSON-LD is parsed as data with `serde_json`,
//! and broken JSON is repaired only where that cannot change its meaning
//! (raw control characters, comment or CDATA wrappers, trailing text).

use crate::output::Meta;
use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::{Html, Node};
use serde_json::Value;

/// Whether `hay` contains one of `needles`, quicker where it does not, as
/// for nearly all class names of a long page: a needle whose pairs of
/// adjacent bytes are not all in the haystack cannot be in it. Each needle
/// comes with its pairs, worked out when compiling (`any_of!`): the page
/// asks about a hundred thousand class names.
fn contains_any(hay: &str, needles: &[(&str, u64)]) -> bool {
    if hay.is_empty() {
        return false;
    }
    let h = pairs(hay);
    needles.iter().any(|&(n, p)| h & p == p && holds(hay, n))
}

/// The set of pairs of adjacent bytes in `s`, as 64 bits.
const fn pairs(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut m = 0u64;
    let mut i = 1;
    while i < b.len() {
        m |= 1 << ((b[i - 1] as u32 * 31 + b[i] as u32) % 64);
        i += 1;
    }
    m
}

/// `contains_any(hay, needles)` for a list of literal needles.
macro_rules! any_of {
    ($hay:expr, [$($needle:literal),+ $(,)?] $(,)?) => {{
        const NEEDLES: &[(&str, u64)] = &[$(($needle, pairs($needle))),+];
        contains_any($hay, NEEDLES)
    }};
}

/// Trust ranks of the sources (lower is more trusted).
const JSON_LD: u8 = 0;
const OPEN_GRAPH: u8 = 1;
const TWITTER: u8 = 2;
const DUBLIN_CORE: u8 = 3;
const PARSELY: u8 = 4;
const META: u8 = 5;
const MICRODATA: u8 = 6;
const TIME_ELEMENT: u8 = 7;
const REL_AUTHOR: u8 = 8;
const BYLINE: u8 = 9;
const DATE_TEXT: u8 = 10;
const LABELLED_DATE: u8 = 11;
const FIRST_TIME: u8 = 12;
const HEADLINE_DATE: u8 = 13;
const UPDATED_DATE: u8 = 14;
const URL_DATE: u8 = 15;
const HEADLINE_BYLINE: u8 = 16;
const LABELLED_BYLINE: u8 = 17;

/// A byline longer than this (characters) is a paragraph, not a byline
/// (Readability's limit).
const MAX_BYLINE_CHARS: usize = 100;
/// A personal name longer than this is not one.
const MAX_NAME_CHARS: usize = 60;
/// Nor one of more words than this ("Kazım Türkmen" has two, "Juan Carlos
/// Muñoz C." four).
const MAX_NAME_WORDS: usize = 5;
/// What remains of a `<title>` after cutting the site name off must have at
/// least this many words; "Home | Site" keeps its site name.
const MIN_TITLE_WORDS: usize = 2;

/// Reads the metadata a page states about itself (see the module
/// documentation for the sources and their order). Also counts the page's
/// `<script>` and `<style>` elements, which this walk over every element meets
/// anyway.
pub fn read(doc: &Html) -> (Meta, usize) {
    let mut scan = Scan::default();
    scan.walk(doc.tree.root());
    let mut f = Fields::default();
    f.lang.offer(0, scan.html_lang.as_deref());
    f.url.offer(0, scan.canonical.as_deref());
    for script in &scan.json_ld {
        json_ld(script, scan.title_tag.as_deref(), &mut f);
    }
    head_meta(&scan.metas, &mut f);
    body(&scan, &mut f);

    let (title, heading) = choose_title(&f, &scan);
    late_dates(&scan, heading.map(|i| &scan.headings[i]), &mut f);
    let (byline, authors) = choose_authors(&f);
    let meta = Meta {
        title,
        byline,
        authors,
        published: f.published.value,
        modified: f.modified.value,
        site: f.site.value,
        lang: f.lang.value,
        url: f.url.value,
        image: f.image.value,
        description: f.description.value,
    };
    (meta, scan.scripts)
}

/// A value and the rank of its source: the most trusted statement wins
/// wherever it stands in the page (the first of a rank wins).
struct Best<T> {
    value: Option<T>,
    rank: u8,
}

impl<T> Default for Best<T> {
    fn default() -> Self {
        Best {
            value: None,
            rank: u8::MAX,
        }
    }
}

impl<T> Best<T> {
    fn put(&mut self, rank: u8, value: T) {
        if self.value.is_none() || rank < self.rank {
            self.value = Some(value);
            self.rank = rank;
        }
    }
}

impl Best<String> {
    /// Offers a text value, whitespace collapsed; empty text is no statement.
    fn offer(&mut self, rank: u8, value: Option<&str>) {
        if let Some(v) = value.map(collapse).filter(|v| !v.is_empty()) {
            self.put(rank, v);
        }
    }

    /// Offers a date, normalised to ISO 8601; text without a recognisable
    /// date is no statement (a date nobody can read cannot anchor "yesterday").
    fn offer_date(&mut self, rank: u8, value: Option<&str>) {
        if let Some(d) = value.and_then(normalize_date) {
            self.put(rank, d);
        }
    }
}

#[derive(Default)]
struct Fields {
    /// Titles the page states (JSON-LD, Open Graph, …), not the `<title>`.
    title: Best<String>,
    /// Bylines as a reader sees them, the names in them, and the rank of
    /// their source; chosen once the site's name is known.
    authors: Vec<(u8, String, Vec<String>)>,
    published: Best<String>,
    modified: Best<String>,
    site: Best<String>,
    lang: Best<String>,
    url: Best<String>,
    image: Best<String>,
    description: Best<String>,
}

impl Fields {
    /// Offers a byline as the page writes it ("By Jane Doe and John Roe").
    fn offer_byline(&mut self, rank: u8, byline: &str) {
        let names = names_in(byline, rank >= MICRODATA);
        if !names.is_empty() {
            // As the reader sees it, up to the last name: "By Jane Doe", not
            // "By Jane Doe May 20, 2019 Updated …".
            let mut shown = collapse(byline);
            if let Some(last) = names.last() {
                if let Some(i) = shown.rfind(last.as_str()) {
                    shown.truncate(i + last.len());
                }
            }
            self.authors.push((rank, shown, names));
        }
    }

    /// Offers a list of names (JSON-LD, repeated meta tags).
    fn offer_names(&mut self, rank: u8, names: &[String]) {
        let mut clean: Vec<String> = Vec::new();
        for n in names {
            for name in names_in(n, rank >= MICRODATA) {
                if !clean.contains(&name) {
                    clean.push(name);
                }
            }
        }
        if !clean.is_empty() {
            self.authors.push((rank, clean.join(", "), clean));
        }
    }
}

/// What one walk over the document collects.
#[derive(Default)]
struct Scan {
    scripts: usize,
    html_lang: Option<String>,
    title_tag: Option<String>,
    canonical: Option<String>,
    /// `<meta>` elements: lowercased keys (`property`, `name`, `itemprop`,
    /// each space-separated word) and content.
    metas: Vec<(Vec<String>, String)>,
    json_ld: Vec<String>,
    /// Visible headings that may be the article's headline: every `<h1>`,
    /// and elements marked as the headline.
    headings: Vec<Heading>,
    /// The heading element being read, if one is open: its text is not its
    /// own surroundings.
    open_heading: Option<(ego_tree::NodeId, usize)>,
    /// The last visible text before the current position (its tail only),
    /// which becomes a heading's `before`.
    recent: String,
    /// Dates the page labels in its text ("Veröffentlicht am 16.08.2019",
    /// "Posted on May 3, 2019"): whether the label says updated, and the date.
    labelled_dates: Vec<(bool, String)>,
    /// A label read whose date has not come yet ("Datum:" and "18.10.2021"
    /// are often two elements): updated or not, text so far, nodes left.
    pending_label: Option<(bool, String, u8)>,
    /// Texts the page labels as its author's ("Autor: Jane Doe", "Text:"
    /// and "Jane Doe" in the next element), label left out.
    labelled_bylines: Vec<String>,
    /// An author label read whose name has not come yet: nodes left.
    pending_author: Option<u8>,
    h1_count: usize,
    /// `itemprop="headline"` text.
    headline: Option<String>,
    /// Microdata authors (`itemprop="author"`).
    item_authors: Vec<String>,
    item_published: Option<String>,
    item_modified: Option<String>,
    /// `<time>` elements marked as the publication date, and the first one.
    time_pub: Option<String>,
    time_first: Option<String>,
    rel_authors: Vec<String>,
    byline: Option<String>,
    /// Short texts of elements whose class says they hold a date.
    date_texts: Vec<String>,
}

/// A candidate headline and the visible text around it, where pages write
/// the publication date when they state it nowhere else ("Datum: 18.10.2021"
/// under the headline, "21. Jan 2022 // Jane Doe" above it).
#[derive(Default)]
struct Heading {
    text: String,
    /// The heading's text without a kicker ("Dachzeile") marked up inside it.
    main: Option<String>,
    before: String,
    after: String,
    /// Still reading `after`.
    capturing: bool,
    /// An `<h2>` taken only because it repeats the `<title>`.
    repeats_title: bool,
}

/// How much text around a heading is searched for its date (bytes): the
/// date line sits right above or below the headline; further away are the
/// article's own dates and the page's navigation.
const BEFORE_HEADING: usize = 160;
const AFTER_HEADING: usize = 260;
/// At most this many headings keep their surroundings.
const MAX_HEADINGS: usize = 8;

impl Scan {
    fn walk(&mut self, root: NodeRef<Node>) {
        // Elements that open other content (comments, sidebars, …), innermost
        // last: one stack instead of an ancestor walk per element.
        let mut other: Vec<ego_tree::NodeId> = Vec::new();
        // An element's attributes in lower case, in buffers kept from one
        // element to the next (most elements have a class or an id, and
        // making three strings for each was a third of this walk).
        let (mut itemprop, mut class_id, mut rel) = (String::new(), String::new(), String::new());
        for edge in root.traverse() {
            let node = match edge {
                Edge::Open(node) => node,
                Edge::Close(node) => {
                    if other.last() == Some(&node.id()) {
                        other.pop();
                    }
                    if let Some((id, i)) = self.open_heading {
                        if id == node.id() {
                            self.headings[i].capturing = true;
                            self.open_heading = None;
                        }
                    }
                    continue;
                }
            };
            let el = match node.value() {
                Node::Element(el) => el,
                Node::Text(t) if other.is_empty() => {
                    self.text(node, t);
                    continue;
                }
                _ => continue,
            };
            let inside_other = !other.is_empty();
            // Attributes are read once: each `el.attr(name)` interns the name
            // and searches the element's attributes again.
            let a = Attrs::of(el);
            if opens_other_content(el.name(), &a) {
                other.push(node.id());
            }
            let name = el.name();
            match name {
                "script" => {
                    self.scripts += 1;
                    if el
                        .attr("type")
                        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
                    {
                        self.json_ld.push(raw_text(node));
                    }
                    continue;
                }
                "style" => {
                    self.scripts += 1;
                    continue;
                }
                "html" if self.html_lang.is_none() => {
                    self.html_lang = el.attr("lang").map(str::to_string)
                }
                "title" if self.title_tag.is_none() && !in_svg(node) => {
                    self.title_tag = Some(collapse(&raw_text(node)));
                }
                "link" => {
                    let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                    if self.canonical.is_none() && rel.split_whitespace().any(|r| r == "canonical")
                    {
                        self.canonical = el.attr("href").map(str::to_string);
                    }
                }
                _ if name != "meta" && a.property.is_some() && a.content.is_some() => {
                    // RDFa in the body: <span property="dc:created" content="…">.
                    let keys = a
                        .property
                        .unwrap_or("")
                        .split_whitespace()
                        .map(normalize_key)
                        .collect();
                    self.metas.push((keys, a.content.unwrap_or("").to_string()));
                }
                "meta" => {
                    let mut keys = Vec::new();
                    for attr in ["property", "name", "itemprop"] {
                        for k in el.attr(attr).unwrap_or("").split_whitespace() {
                            keys.push(normalize_key(k));
                        }
                    }
                    if let Some(c) = el.attr("content") {
                        if !keys.is_empty() && !c.trim().is_empty() {
                            self.metas.push((keys, c.to_string()));
                        }
                    }
                    continue;
                }
                _ => {}
            }
            lower_into(&mut itemprop, &[a.itemprop.unwrap_or("")]);
            match (a.class, a.id) {
                (None, None) => class_id.clear(),
                (class, id) => {
                    lower_into(&mut class_id, &[class.unwrap_or(""), " ", id.unwrap_or("")])
                }
            }
            lower_into(&mut rel, &[a.rel.unwrap_or("")]);
            let headline_class = any_of!(
                &class_id,
                ["entry-title", "post-title", "article-title", "headline"],
            ) && !class_id.contains("sub");
            // An <h2> that ends the page's <title> ("Site » Headline") is
            // its headline on pages whose <h1> is the site's logo.
            let titled_h2 = name == "h2"
                && !inside_other
                && self.headings.len() < MAX_HEADINGS
                && self.title_tag.as_deref().is_some_and(|title| {
                    let (t, h) = (words(title), words(&visible_text_capped(node, 400)));
                    !h.is_empty() && (t == h || (h.len() >= 2 && t.ends_with(&h)))
                });
            let interesting = name == "h1"
                || titled_h2
                || name == "time"
                || !itemprop.is_empty()
                || (name == "a" && rel.split_whitespace().any(|r| r == "author"))
                || (matches!(name, "h2" | "h3") && headline_class)
                || is_byline_class(&class_id)
                || is_date_class(&class_id);
            if !interesting || inside_other {
                continue;
            }
            if name == "h1" || titled_h2 || (matches!(name, "h2" | "h3") && headline_class) {
                let t = visible_text(node);
                if name == "h1" {
                    self.h1_count += 1;
                }
                if !t.is_empty() && self.headings.len() < MAX_HEADINGS {
                    let before = tail(&self.recent, BEFORE_HEADING).to_string();
                    self.open_heading = Some((node.id(), self.headings.len()));
                    self.headings.push(Heading {
                        main: without_kicker(node, &t),
                        text: t,
                        before,
                        repeats_title: titled_h2 && !headline_class,
                        ..Heading::default()
                    });
                }
            }
            for prop in itemprop.split_whitespace() {
                match prop {
                    "headline" if self.headline.is_none() => {
                        let t = el
                            .attr("content")
                            .map(collapse)
                            .unwrap_or_else(|| visible_text(node));
                        if !t.is_empty() {
                            self.headline = Some(t);
                        }
                    }
                    "author" | "creator" => {
                        let named = node.descendants().skip(1).find_map(|d| {
                            let e = d.value().as_element()?;
                            e.attr("itemprop")?
                                .split_whitespace()
                                .any(|p| p == "name")
                                .then(|| {
                                    e.attr("content")
                                        .map(collapse)
                                        .unwrap_or_else(|| visible_text(d))
                                })
                        });
                        let t = named
                            .or_else(|| a.content.map(collapse))
                            .unwrap_or_else(|| visible_text(node));
                        if !t.is_empty() && t.chars().count() <= MAX_BYLINE_CHARS {
                            self.item_authors.push(t);
                        }
                    }
                    "datepublished" | "datecreated" if self.item_published.is_none() => {
                        self.item_published = date_attr(node);
                    }
                    "datemodified" if self.item_modified.is_none() => {
                        self.item_modified = date_attr(node);
                    }
                    _ => {}
                }
            }
            if name == "time" {
                let d = date_attr(node);
                let marked = a.pubdate
                    || ["publish", "entry-date", "post-date", "created"]
                        .iter()
                        .any(|c| class_id.contains(c));
                let updated = ["update", "modif"].iter().any(|c| class_id.contains(c));
                if marked && !updated && self.time_pub.is_none() {
                    self.time_pub.clone_from(&d);
                }
                if !updated && self.time_first.is_none() {
                    self.time_first = d;
                }
            }
            if name == "a" && rel.split_whitespace().any(|r| r == "author") {
                let t = visible_text(node);
                if !t.is_empty() && t.chars().count() <= MAX_BYLINE_CHARS {
                    self.rel_authors.push(t);
                }
            }
            if self.byline.is_none() && is_byline_class(&class_id) {
                // Parts of a byline are often separate inline elements with
                // no space between them ("<a>Jane Doe</a><span>vor 5
                // Stunden</span>").
                let t = spaced_text(node, 4 * MAX_BYLINE_CHARS);
                // Drupal's "submitted" line may hold only the date: it names
                // someone where it says by whom ("Gespeichert von rasos").
                let by_whom = !any_of!(
                    &class_id,
                    ["byline", "author", "autor", "writer", "posted-by"],
                ) && !t.split_whitespace().any(is_by)
                    && !any_of!(&t.to_lowercase(), ["author", "autor", "auteur"]);
                if !t.is_empty()
                    && t.chars().count() <= MAX_BYLINE_CHARS
                    && !by_whom
                    && !author_names(&t).is_empty()
                {
                    self.byline = Some(t);
                }
            }
            if is_date_class(&class_id) && self.date_texts.len() < 8 {
                let t = visible_text_capped(node, 4 * MAX_BYLINE_CHARS);
                if !t.is_empty() && t.chars().count() <= MAX_BYLINE_CHARS {
                    self.date_texts.push(t);
                }
            }
        }
    }
}

impl Scan {
    /// A visible text node outside other content: the surroundings of the
    /// headings, and dates labelled as such.
    fn text(&mut self, node: NodeRef<Node>, t: &str) {
        let hidden = node
            .parent()
            .and_then(|p| p.value().as_element())
            .is_some_and(|e| {
                matches!(
                    e.name(),
                    "script" | "style" | "noscript" | "template" | "title" | "option" | "textarea"
                )
            });
        let t = t.trim();
        if hidden || t.is_empty() {
            return;
        }
        for h in self.headings.iter_mut().filter(|h| h.capturing) {
            h.after.push(NODE_BREAK);
            h.after.push_str(head(t, AFTER_HEADING));
            if h.after.len() >= AFTER_HEADING {
                h.capturing = false;
            }
        }
        self.recent.push(NODE_BREAK);
        self.recent.push_str(tail(t, BEFORE_HEADING));
        if self.recent.len() > 4 * BEFORE_HEADING {
            self.recent = tail(&self.recent, BEFORE_HEADING).to_string();
        }
        self.author_label(t);
        if self.labelled_dates.len() >= 8 {
            return;
        }
        if let Some((updated, mut so_far, left)) = self.pending_label.take() {
            so_far.push(' ');
            so_far.push_str(head(t, 60));
            match find_date(&so_far) {
                Some(d) => self.labelled_dates.push((updated, d)),
                None if left > 1 && so_far.len() < 80 => {
                    self.pending_label = Some((updated, so_far, left - 1))
                }
                None => {}
            }
        }
        if t.len() <= 160 {
            if let Some((updated, rest)) = date_label(t) {
                match find_date(head(rest, 60)) {
                    Some(d) => self.labelled_dates.push((updated, d)),
                    None if rest.trim().len() < 20 => {
                        self.pending_label = Some((updated, rest.to_string(), 2))
                    }
                    None => {}
                }
            }
        }
    }
}

impl Scan {
    /// A text that labels its author ("Autor: Jane Doe", "Ein Artikel von
    /// Jane Doe"), or a bare label whose name is the next text ("Von:" and
    /// "Jane Doe" in two elements).
    fn author_label(&mut self, t: &str) {
        if self.labelled_bylines.len() >= 4 {
            return;
        }
        if let Some(left) = self.pending_author.take() {
            if t.chars().count() <= MAX_NAME_CHARS {
                if t.chars().any(char::is_alphabetic) {
                    self.labelled_bylines.push(first_field(t).to_string());
                    return;
                }
                if left > 1 {
                    self.pending_author = Some(left - 1);
                }
            }
        }
        if t.len() > 2 * MAX_BYLINE_CHARS {
            return;
        }
        if let Some(rest) = author_label(t) {
            let rest = first_field(rest);
            if rest.is_empty() {
                self.pending_author = Some(2);
            } else if rest.chars().count() <= MAX_NAME_CHARS {
                // Longer, it is a caption's or a sentence's text ("Text: Mein
                // Motto …, Erkenntnisse und Pläne für 2020 @site").
                self.labelled_bylines.push(rest.to_string());
            }
        }
    }
}

/// The text after a label that says who wrote the page, in English, German
/// or French ("Autor:", "Text:", "Von:", "Written by", "Ein Artikel von"),
/// when the label opens the text. A bare word needs its colon: "Text" and
/// "Von" open sentences and headings too.
fn author_label(t: &str) -> Option<&str> {
    const WITH_COLON: &[&str] = &[
        "autorin",
        "autorinnen",
        "autoren",
        "autor",
        "authors",
        "author",
        "auteurs",
        "auteur",
        "text",
        "texte",
        "text und fotos",
        "text und bilder",
        "von",
        "by",
        "written by",
    ];
    const PHRASES: &[&str] = &[
        "written by",
        "geschrieben von",
        "verfasst von",
        "ein artikel von",
        "ein beitrag von",
        "text von",
        "texte de",
        "écrit par",
    ];
    let t = t.trim_start();
    // Most texts open with none of the labels' letters: settled without
    // allocating.
    let first = t.chars().next()?.to_lowercase().next()?;
    if !matches!(first, 'a' | 'b' | 'e' | 'g' | 't' | 'v' | 'w' | 'é') {
        return None;
    }
    for label in WITH_COLON {
        if let Some(rest) = strip_prefix_ci(t, label) {
            if let Some(rest) = rest.trim_start_matches([' ', '\u{a0}']).strip_prefix(':') {
                return Some(rest.trim());
            }
        }
    }
    for label in PHRASES {
        if let Some(rest) = strip_prefix_ci(t, label) {
            if rest.is_empty() || rest.starts_with([' ', '\u{a0}', ':']) {
                return Some(rest.trim_start_matches([' ', '\u{a0}', ':']).trim());
            }
        }
    }
    None
}

/// A text's first field: fields set apart by a run of spaces ("Text von
/// Jane Doe \u{a0} \u{a0}Illustration von John Roe") or a line break.
fn first_field(t: &str) -> &str {
    let t = t.trim();
    let mut prev_space = false;
    for (i, c) in t.char_indices() {
        let space = c.is_whitespace();
        if c == '\n' || (space && prev_space) {
            return t[..i].trim();
        }
        prev_space = space;
    }
    t
}

/// At most the first `max` bytes of `s` (on a character boundary).
fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut i = max;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i]
}

/// At most the last `max` bytes of `s` (on a character boundary).
fn tail(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut i = s.len() - max;
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

/// A label that introduces the page's date, in English, German, French or
/// Spanish ("Veröffentlicht am", "Posted on", "Publié le", "Publicado el",
/// "Datum:"), and the text after it; `true` when the label says the date is
/// an update's ("Aktualisiert am", "Last modified"). A bare word ("Datum",
/// "Published") counts only when a date or a colon follows it or nothing
/// does (the date is in the next element): "published a study" is prose.
fn date_label(t: &str) -> Option<(bool, &str)> {
    const PUBLISHED: &[&str] = &[
        "veröffentlicht",
        "erschienen",
        "publiziert",
        "erstellt am",
        "datum",
        "published",
        "posted on",
        "posted",
        "written",
        "date",
        "publié",
        "mis en ligne",
        "publicado",
        "publicada",
        "fecha",
    ];
    const UPDATED: &[&str] = &[
        "aktualisiert",
        "letzte änderung",
        "zuletzt geändert",
        "geändert am",
        "last updated",
        "updated",
        "last modified",
        "modified",
        "mis à jour",
        "modifié",
        "actualizado",
        "actualizada",
        "modificado",
    ];
    // A label opens its text ("Veröffentlicht am …", "Posted on …"): only the
    // first few dozen bytes are searched, which keeps this cheap on the
    // thousands of text nodes of a long page. Lowercasing keeps byte offsets
    // for the words used.
    // Most text nodes hold no label: a word-start check on three letters
    // settles that without allocating.
    const STEMS: &[&str] = &[
        "ver", "ers", "pub", "dat", "pos", "wri", "mis", "fec", "akt", "let", "zul", "gea", "geä",
        "las", "upd", "mod", "act",
    ];
    let any_stem = head(t, 40)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3)
        .any(|w| {
            let w = w.as_bytes();
            STEMS.iter().any(|s| {
                let s = s.as_bytes();
                w.len() >= s.len() && w[..s.len()].eq_ignore_ascii_case(s)
            })
        });
    if !any_stem {
        return None;
    }
    let lower = head(t, 40).to_lowercase();
    if lower.len() != head(t, 40).len() {
        return None;
    }
    let mut best: Option<(usize, bool, usize)> = None;
    for (updated, list) in [(false, PUBLISHED), (true, UPDATED)] {
        for k in list {
            let Some(i) = lower.find(k) else { continue };
            let word_start = lower[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !word_start || best.is_some_and(|(b, _, _)| b <= i) {
                continue;
            }
            let end = i + k.len();
            if lower[end..].starts_with(|c: char| c.is_alphabetic()) {
                continue;
            }
            best = Some((i, updated, end));
        }
    }
    let (_, updated, end) = best?;
    let rest = &t[end..];
    // After the label: ":", "am", "on", "le", "el", "the", then the date.
    let mut after = rest.trim_start_matches([' ', ':', '\u{a0}']);
    for connector in ["am", "on", "le", "el", "den", "the", "de"] {
        if let Some(r) =
            strip_prefix_ci(after, connector).filter(|r| r.is_empty() || r.starts_with([' ', ':']))
        {
            after = r.trim_start_matches([' ', ':', '\u{a0}']);
            break;
        }
    }
    let first = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let dated = after.is_empty()
        || after.starts_with(|c: char| c.is_ascii_digit())
        || month(first).is_some()
        || weekday(first);
    dated.then_some((updated, rest))
}

/// English, German, French and Spanish weekday names and abbreviations, as
/// they open a date ("Monday, 3 May 2021", "Mo., 3. Mai 2021").
fn weekday(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "wed"
            | "thu"
            | "fri"
            | "sat"
            | "sun"
            | "montag"
            | "dienstag"
            | "mittwoch"
            | "donnerstag"
            | "freitag"
            | "samstag"
            | "sonntag"
            | "mo"
            | "di"
            | "mi"
            | "do"
            | "fr"
            | "sa"
            | "so"
            | "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "lunes"
            | "martes"
            | "miércoles"
            | "jueves"
            | "viernes"
            | "sábado"
            | "domingo"
    )
}

/// `dc:title` and `DC.Title` are the same key.
fn normalize_key(k: &str) -> String {
    let k = k.to_ascii_lowercase();
    for (from, to) in [
        ("dc:", "dc."),
        ("dcterms:", "dcterms."),
        ("dcterm:", "dcterms."),
    ] {
        if let Some(rest) = k.strip_prefix(from) {
            return format!("{to}{rest}");
        }
    }
    k
}

/// A class or id that names the author or byline ("byline", "author-name",
/// German "autor"), but not the author's picture or biography, nor a comment's
/// author.
fn is_byline_class(class_id: &str) -> bool {
    any_of!(
        class_id,
        [
            "byline",
            "author",
            "autor",
            "writer",
            "posted-by",
            // Drupal's "Submitted by … on …" ("Gespeichert von … am …").
            "submitted",
        ],
    ) && !any_of!(
        class_id,
        [
            "avatar", "bio", "image", "img", "photo", "picture", "desc", "about", "comment", "box",
            "info-",
        ],
    )
}

/// `out` made the ASCII lower case of `parts` joined, in place of what it held.
fn lower_into(out: &mut String, parts: &[&str]) {
    out.clear();
    for p in parts {
        out.push_str(p);
    }
    out.make_ascii_lowercase();
}

/// A class or id that says its element holds the publication date.
fn is_date_class(class_id: &str) -> bool {
    any_of!(
        class_id,
        [
            "date",
            "datum",
            "posted-on",
            "published",
            "pubdate",
            "dateline",
            "entry-meta",
            "post-meta",
            "article-meta",
        ],
    ) && !any_of!(class_id, ["update", "modif", "comment"])
}

/// Inside a comment thread, a sidebar, a teaser list or navigation: bylines
/// and dates there belong to other texts. Classes are matched word by word
/// ("comments-area", "site-sidebar"), and layout modifiers that merely say a
/// sidebar exists beside the element ("with-sidebar", "has-comments") do not
/// count.
/// The attributes [`Scan::walk`] reads, found in one pass over an element's
/// attributes.
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    itemprop: Option<&'a str>,
    itemtype: Option<&'a str>,
    rel: Option<&'a str>,
    property: Option<&'a str>,
    content: Option<&'a str>,
    pubdate: bool,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a scraper::node::Element) -> Self {
        let mut a = Attrs::default();
        for (k, v) in el.attrs() {
            match k {
                "class" => a.class = Some(v),
                "id" => a.id = Some(v),
                "itemprop" => a.itemprop = Some(v),
                "itemtype" => a.itemtype = Some(v),
                "rel" => a.rel = Some(v),
                "property" => a.property = Some(v),
                "content" => a.content = Some(v),
                "pubdate" => a.pubdate = true,
                _ => {}
            }
        }
        a
    }
}

fn opens_other_content(name: &str, a: &Attrs) -> bool {
    if matches!(name, "nav" | "aside") {
        return true;
    }
    // Classes on the page's frame describe its layout ("right-sidebar",
    // "has_sidebar", "category-popular-posts" on a post): the article is
    // inside them.
    if matches!(name, "html" | "body" | "main" | "article") {
        return a
            .itemtype
            .is_some_and(|t| t.contains("Comment") || t.contains("Review"));
    }
    a.class
        .unwrap_or("")
        .split_whitespace()
        .chain(a.id)
        .any(|token| {
            // Class names are nearly always lower case already.
            if token.bytes().any(|b| b.is_ascii_uppercase()) {
                is_other_content(&token.to_ascii_lowercase())
            } else {
                is_other_content(token)
            }
        })
        || a.itemtype
            .is_some_and(|t| t.contains("Comment") || t.contains("Review"))
}

fn is_other_content(token: &str) -> bool {
    const OTHER: &[&str] = &[
        "comment",
        "comments",
        "commentlist",
        "related",
        "recommended",
        "recommendations",
        "teaser",
        "teasers",
        "popular",
        "trending",
        "more-stories",
        "read-more",
    ];
    // Layout: "with-sidebar", "has-comments", "content-sidebar-wrap",
    // "sticky-sidebar-parent".
    if any_of!(
        token,
        ["with", "has", "wrap", "parent", "container", "layout"],
    ) {
        return false;
    }
    // "sidebar-right" and "right-sidebar" name a layout as often as the
    // sidebar itself; only the plain names are the sidebar.
    if matches!(
        token,
        "sidebar" | "site-sidebar" | "main-sidebar" | "sidebar-widget" | "sidebar-widgets"
    ) {
        return true;
    }
    token
        .split(['-', '_'])
        .filter(|p| !p.is_empty())
        .any(|part| OTHER.contains(&part))
        || OTHER.iter().any(|o| token.starts_with(o))
}

/// Whether `hay` contains `needle`, by trying each place its first byte is:
/// for the few bytes of a class name, where `str::contains` spends longer
/// setting up its searcher (Two-Way) than searching ([`contains_any`] runs
/// for every class name of a page, several times).
fn holds(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    h.len() >= n.len()
        && h[..=h.len() - n.len()]
            .iter()
            .enumerate()
            .any(|(i, &c)| c == first && h[i + 1..].starts_with(rest))
}

fn in_svg(node: NodeRef<Node>) -> bool {
    node.ancestors()
        .any(|a| a.value().as_element().is_some_and(|e| e.name() == "svg"))
}

/// A `<time>`'s or `<meta>`'s machine-readable date, else its text.
fn date_attr(node: NodeRef<Node>) -> Option<String> {
    let el = node.value().as_element()?;
    el.attr("datetime")
        .or_else(|| el.attr("content"))
        // Microformats: <abbr class="published" title="2022-01-04T10:00">.
        .or_else(|| el.attr("title").filter(|_| el.name() == "abbr"))
        .map(str::to_string)
        .or_else(|| Some(visible_text(node)))
        .filter(|t| !t.trim().is_empty())
}

/// The text of an element's direct text children (`<script>`, `<title>`).
fn raw_text(node: NodeRef<Node>) -> String {
    node.children()
        .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
        .collect()
}

/// The text a reader sees in an element: text nodes outside scripts,
/// styles and SVG images, a space where a block starts or ends or a line
/// breaks (the blocks `html.rs` ends its blocks of text at), whitespace
/// collapsed.
fn visible_text(node: NodeRef<Node>) -> String {
    visible_text_capped(node, usize::MAX)
}

/// [`visible_text`], giving up (empty) once it passes `max` bytes: a
/// "byline" that holds the whole article is not one, and need not be read.
fn visible_text_capped(node: NodeRef<Node>, max: usize) -> String {
    read_text(node, max, false)
}

/// [`visible_text_capped`] with a space between any two elements, inline
/// ones too: for bylines, whose parts are often separate elements.
fn spaced_text(node: NodeRef<Node>, max: usize) -> String {
    read_text(node, max, true)
}

fn read_text(node: NodeRef<Node>, max: usize, spaced: bool) -> String {
    let mut s = String::new();
    // Inside an element only screen readers get ("visually-hidden",
    // "sr-only"): a heading's hidden ": " or "| Site" is not its text.
    let mut hidden_until: Option<ego_tree::NodeId> = None;
    for edge in node.traverse() {
        let d = match edge {
            Edge::Open(d) => d,
            Edge::Close(d) => {
                if hidden_until == Some(d.id()) {
                    hidden_until = None;
                } else if hidden_until.is_none()
                    && d.value()
                        .as_element()
                        .is_some_and(|e| super::html::BLOCKS.contains(&e.name()))
                {
                    // A block's end separates too, as a reader sees it
                    // (and whether or not whitespace stood there).
                    s.push(' ');
                }
                continue;
            }
        };
        if s.len() > max {
            return String::new();
        }
        if hidden_until.is_some() {
            continue;
        }
        match d.value() {
            Node::Element(e) if d.id() != node.id() && is_screen_reader_only(e) => {
                hidden_until = Some(d.id());
            }
            // An image's text (an SVG icon's title) is not the element's
            // text, as `html.rs` does not read it as the page's.
            Node::Element(e) if d.id() != node.id() && e.name() == "svg" => {
                hidden_until = Some(d.id());
                if spaced {
                    s.push(' ');
                }
            }
            Node::Text(t) => {
                let hidden = d
                    .parent()
                    .and_then(|p| p.value().as_element())
                    .is_some_and(|e| {
                        matches!(e.name(), "script" | "style" | "noscript" | "template")
                    });
                if !hidden {
                    s.push_str(t);
                }
            }
            Node::Element(e)
                if matches!(e.name(), "br" | "td" | "th")
                    || super::html::BLOCKS.contains(&e.name()) =>
            {
                s.push(' ');
            }
            Node::Element(_) if spaced => s.push(' '),
            _ => {}
        }
    }
    collapse(&s)
}

/// An element meant for screen readers only, or a heading's permalink
/// anchor ("¶").
fn is_screen_reader_only(e: &scraper::node::Element) -> bool {
    e.attr("class").is_some_and(|c| {
        let c = c.to_ascii_lowercase();
        [
            "visually-hidden",
            "visuallyhidden",
            "sr-only",
            "screen-reader",
            "element-invisible",
            "headerlink",
        ]
        .iter()
        .any(|k| c.contains(k))
    })
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------- JSON-LD

/// schema.org types that are an article (Readability's list, and any
/// `…Article` or `…Posting` type).
fn is_article_type(t: &str) -> bool {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    t.ends_with("Article")
        || t.ends_with("Posting")
        || matches!(t, "Report" | "APIReference" | "Recipe")
}

fn types(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Parses one JSON-LD script; broken JSON (raw line breaks in strings, HTML
/// comment or CDATA wrappers, trailing text) is repaired as far as that is
/// safe, else skipped.
fn parse_json_ld(script: &str) -> Option<Value> {
    let s = script
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("//]]>")
        .trim_end_matches("]]>")
        .trim()
        .trim_end_matches(';');
    if let Ok(v) = serde_json::from_str(s) {
        return Some(v);
    }
    // Control characters are not allowed in JSON strings; outside strings they
    // are whitespace anyway.
    let cleaned: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if let Ok(v) = serde_json::from_str(&cleaned) {
        return Some(v);
    }
    // Several objects in a row, or garbage after the first: keep what parses.
    let mut stream = serde_json::Deserializer::from_str(&cleaned).into_iter::<Value>();
    match stream.next() {
        Some(Ok(v)) => Some(v),
        _ => None,
    }
}

/// Reads the first article object of a JSON-LD script (nested in arrays,
/// `@graph` or a page's `mainEntity`); persons referenced by `@id` are looked
/// up in the same graph. A `WebPage` gives dates and language when no article does.
fn json_ld(script: &str, title_tag: Option<&str>, f: &mut Fields) {
    let Some(root) = parse_json_ld(script) else {
        return;
    };
    let mut nodes = Vec::new();
    flatten(&root, &mut nodes, 0);
    let by_id = |id: &str| {
        nodes
            .iter()
            .find(|n| n.get("@id").and_then(Value::as_str) == Some(id) && n.get("name").is_some())
            .copied()
    };
    let article = nodes
        .iter()
        .find(|n| types(n).iter().any(|t| is_article_type(t)));
    let Some(a) = article.copied() else {
        if let Some(page) = nodes
            .iter()
            .find(|n| types(n).iter().any(|t| t.ends_with("WebPage")))
        {
            f.published
                .offer_date(META, str_of(page.get("datePublished")).as_deref());
            f.modified
                .offer_date(META, str_of(page.get("dateModified")).as_deref());
            f.lang
                .offer(JSON_LD, str_of(page.get("inLanguage")).as_deref());
        }
        return;
    };
    let headline = str_of(a.get("headline")).or_else(|| str_of(a.get("name")));
    // Some pages put a description in one of headline and name: the one the
    // page's <title> agrees with is the title (Readability's rule).
    let headline = match (&headline, str_of(a.get("name")), title_tag) {
        (Some(h), Some(n), Some(t)) if *h != n && similarity(&n, t) > similarity(h, t) => Some(n),
        _ => headline,
    };
    f.title
        .offer(JSON_LD, headline.map(|h| decode_entities(&h)).as_deref());
    let mut names = Vec::new();
    for key in ["author", "creator"] {
        if let Some(v) = a.get(key) {
            person_names(v, &by_id, &mut names);
        }
        if !names.is_empty() {
            break;
        }
    }
    let names: Vec<String> = names.iter().map(|n| decode_entities(n)).collect();
    f.offer_names(JSON_LD, &names);
    f.published.offer_date(
        JSON_LD,
        str_of(a.get("datePublished"))
            .or_else(|| str_of(a.get("dateCreated")))
            .as_deref(),
    );
    f.modified
        .offer_date(JSON_LD, str_of(a.get("dateModified")).as_deref());
    if let Some(p) = a.get("publisher") {
        let p = p
            .get("@id")
            .and_then(Value::as_str)
            .and_then(&by_id)
            .unwrap_or(p);
        let p = match p {
            Value::Array(items) => items.first().unwrap_or(p),
            _ => p,
        };
        // A blog's owner as its publisher is a person, not the site's name.
        let name = str_of(p.get("name")).filter(|_| !types(p).contains(&"Person"));
        f.site
            .offer(JSON_LD, name.map(|n| decode_entities(&n)).as_deref());
    }
    f.image
        .offer(JSON_LD, a.get("image").and_then(image_url).as_deref());
    f.lang
        .offer(JSON_LD, str_of(a.get("inLanguage")).as_deref());
    let url = str_of(a.get("url")).or_else(|| match a.get("mainEntityOfPage") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(o) => str_of(o.get("@id")),
        None => None,
    });
    f.url
        .offer(JSON_LD, url.filter(|u| u.starts_with("http")).as_deref());
    f.description.offer(
        JSON_LD,
        str_of(a.get("description"))
            .map(|d| decode_entities(&d))
            .as_deref(),
    );
}

/// Every object in a JSON-LD value that may describe the page: the value
/// itself, items of arrays and `@graph`, and a page's `mainEntity`.
fn flatten<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| flatten(i, out, depth + 1)),
        Value::Object(o) => {
            out.push(v);
            for key in ["@graph", "mainEntity"] {
                if let Some(inner) = o.get(key) {
                    flatten(inner, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// A JSON-LD value as text: a string, a number, or the first string of an
/// array.
fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) => a.iter().find_map(|x| x.as_str().map(str::to_string)),
        _ => None,
    }
}

/// Author names in a JSON-LD `author`: a string, a person (or a reference to
/// one), or an array of those. Organisations count only when no person is
/// named; their name is often the site's, not a writer's.
fn person_names<'a>(
    v: &'a Value,
    by_id: &dyn Fn(&str) -> Option<&'a Value>,
    out: &mut Vec<String>,
) {
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    let mut orgs = Vec::new();
    for item in items {
        match item {
            Value::String(s) => out.push(s.clone()),
            Value::Object(_) => {
                let resolved = if item.get("name").is_none() {
                    item.get("@id")
                        .and_then(Value::as_str)
                        .and_then(by_id)
                        .unwrap_or(item)
                } else {
                    item
                };
                let Some(name) = str_of(resolved.get("name")) else {
                    continue;
                };
                // Yoast types a blog's owner ["Person", "Organization"]: a person.
                let ts = types(resolved);
                if ts.iter().any(|t| t.contains("Organization")) && !ts.contains(&"Person") {
                    orgs.push(name);
                } else {
                    out.push(name);
                }
            }
            _ => {}
        }
    }
    if out.is_empty() {
        out.extend(orgs);
    }
}

fn image_url(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.iter().find_map(image_url),
        Value::Object(o) => o
            .get("url")
            .or_else(|| o.get("contentUrl"))
            .and_then(image_url),
        _ => None,
    }
}

/// Decodes the HTML entities publishers leave in JSON-LD strings (`&amp;`,
/// `&#8217;`); text in the markup itself is decoded by the HTML parser.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // Looked for among the first 12 bytes, not by slicing the string
        // there: byte 12 can fall inside a character (found by fuzzing).
        let end = rest.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                // Entity names are ASCII; a byline the parser already decoded
                // can read "&¬anentity;" ("&amp;&notanentity;"), whose first
                // letter `latin_entity` cannot split off by one byte.
                _ if name.len() > 1 && name.is_ascii() && !name.starts_with('#') => {
                    latin_entity(name)
                }
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The named entities of the accented letters of the languages this crate
/// reads ("Redacci&oacute;n" in a doubly escaped meta author).
fn latin_entity(name: &str) -> Option<char> {
    let (base, accent) = name.split_at(1);
    let base = base.chars().next()?;
    let table: &[(&str, &str, &str)] = &[
        ("acute", "aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ"),
        ("grave", "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ("circ", "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ("uml", "aeiouyAEIOU", "äëïöüÿÄËÏÖÜ"),
        ("tilde", "anoANO", "ãñõÃÑÕ"),
        ("cedil", "cC", "çÇ"),
    ];
    if name == "szlig" {
        return Some('ß');
    }
    let (_, from, to) = table.iter().find(|(a, _, _)| *a == accent)?;
    let i = from.chars().position(|c| c == base)?;
    to.chars().nth(i)
}

// ---------------------------------------------------------------- <head>

/// The `<meta>` elements, each vocabulary at its rank. Keys that may repeat
/// (one `article:author` per author) are gathered before they are offered.
fn head_meta(metas: &[(Vec<String>, String)], f: &mut Fields) {
    let all = |key: &str| -> Vec<String> {
        metas
            .iter()
            .filter(|(keys, _)| keys.iter().any(|k| k == key))
            .map(|(_, c)| c.clone())
            .collect()
    };
    let first = |key: &str| {
        metas
            .iter()
            .find(|(keys, _)| keys.iter().any(|k| k == key))
            .map(|(_, c)| c.as_str())
    };

    f.title.offer(OPEN_GRAPH, first("og:title"));
    f.title.offer(TWITTER, first("twitter:title"));
    f.title.offer(
        DUBLIN_CORE,
        first("dc.title").or_else(|| first("dcterms.title")),
    );
    f.title.offer(PARSELY, first("parsely-title"));
    f.title.offer(META, first("headline"));

    f.site.offer(OPEN_GRAPH, first("og:site_name"));
    f.site.offer(
        DUBLIN_CORE,
        first("dc.publisher").or_else(|| first("dcterms.publisher")),
    );
    f.site.offer(META, first("application-name"));

    f.description.offer(OPEN_GRAPH, first("og:description"));
    f.description.offer(TWITTER, first("twitter:description"));
    f.description.offer(
        DUBLIN_CORE,
        first("dc.description").or_else(|| first("dcterms.description")),
    );
    f.description.offer(META, first("description"));

    f.url.offer(
        OPEN_GRAPH,
        first("og:url").filter(|u| u.starts_with("http")),
    );
    f.url.offer(
        TWITTER,
        first("twitter:url").filter(|u| u.starts_with("http")),
    );

    f.image.offer(
        OPEN_GRAPH,
        first("og:image").or_else(|| first("og:image:url")),
    );
    f.image.offer(
        TWITTER,
        first("twitter:image").or_else(|| first("twitter:image:src")),
    );
    f.image.offer(MICRODATA, first("image"));

    if let Some(locale) = first("og:locale") {
        f.lang.offer(OPEN_GRAPH, Some(&locale.replace('_', "-")));
    }
    f.lang.offer(
        DUBLIN_CORE,
        first("dc.language").or_else(|| first("dcterms.language")),
    );
    f.lang.offer(
        META,
        first("language").or_else(|| first("content-language")),
    );

    for (rank, keys) in [
        (
            OPEN_GRAPH,
            &[
                "article:published_time",
                "og:published_time",
                "og:article:published_time",
            ][..],
        ),
        (
            DUBLIN_CORE,
            &[
                "dcterms.issued",
                "dc.date.issued",
                "dcterms.created",
                "dc.date.created",
                "dcterms.date",
                "dc.date",
            ][..],
        ),
        (PARSELY, &["parsely-pub-date"][..]),
        (
            META,
            &[
                "datepublished",
                "article.published",
                "published_time",
                "publish-date",
                "publishdate",
                "publication_date",
                "pubdate",
                "sailthru.date",
                "citation_publication_date",
                "citation_date",
                "date",
                "created",
                "dc.date.created",
            ][..],
        ),
    ] {
        for k in keys {
            f.published.offer_date(rank, first(k));
        }
    }
    for (rank, keys) in [
        (
            OPEN_GRAPH,
            &["article:modified_time", "og:updated_time"][..],
        ),
        (DUBLIN_CORE, &["dcterms.modified", "dc.date.modified"][..]),
        (META, &["datemodified", "last-modified", "lastmod"][..]),
    ] {
        for k in keys {
            f.modified.offer_date(rank, first(k));
        }
    }

    // Authors: Open Graph's are mostly profile URLs, which `author_names` drops.
    f.offer_names(OPEN_GRAPH, &all("article:author"));
    f.offer_names(OPEN_GRAPH, &all("og:article:author"));
    // Yoast and other SEO plugins: twitter:label1 "Written by", twitter:data1 the name.
    for i in 1..=4 {
        let label = first(&format!("twitter:label{i}"))
            .unwrap_or("")
            .to_lowercase();
        if [
            "written by",
            "verfasst von",
            "geschrieben von",
            "autor",
            "author",
            "von",
        ]
        .iter()
        .any(|l| label.starts_with(l))
        {
            if let Some(d) = first(&format!("twitter:data{i}")) {
                f.offer_byline(TWITTER, d);
            }
        }
    }
    let dc = [all("dc.creator"), all("dcterms.creator")].concat();
    f.offer_names(DUBLIN_CORE, &dc);
    f.offer_names(PARSELY, &all("parsely-author"));
    if let Some(page) = first("parsely-page").and_then(|p| serde_json::from_str::<Value>(p).ok()) {
        f.title.offer(PARSELY, str_of(page.get("title")).as_deref());
        f.published
            .offer_date(PARSELY, str_of(page.get("pub_date")).as_deref());
        let mut names = Vec::new();
        if let Some(a) = page.get("author").or_else(|| page.get("authors")) {
            person_names(a, &|_| None, &mut names);
        }
        f.offer_names(PARSELY, &names);
    }
    let plain = all("author");
    if plain.len() == 1 {
        f.offer_byline(META, &plain[0]);
    } else {
        f.offer_names(META, &plain);
    }
    f.offer_names(
        META,
        &[all("sailthru.author"), all("byl"), all("citation_author")].concat(),
    );
}

// ---------------------------------------------------------------- body

fn body(scan: &Scan, f: &mut Fields) {
    f.title.offer(MICRODATA, scan.headline.as_deref());
    f.offer_names(MICRODATA, &scan.item_authors);
    f.published
        .offer_date(MICRODATA, scan.item_published.as_deref());
    f.modified
        .offer_date(MICRODATA, scan.item_modified.as_deref());
    f.published
        .offer_date(TIME_ELEMENT, scan.time_pub.as_deref());
    f.offer_names(REL_AUTHOR, &scan.rel_authors);
    if let Some(b) = &scan.byline {
        f.offer_byline(BYLINE, b);
        // "Posted on September 21, 2020 by Jane Doe".
        f.published.offer_date(DATE_TEXT, Some(b));
    }
    // A date element may say "Letzte Änderung: …": that is not the
    // publication date.
    for t in scan
        .date_texts
        .iter()
        .filter(|t| !date_label(t).is_some_and(|(u, _)| u))
    {
        f.published.offer_date(DATE_TEXT, Some(t));
    }
    if let Some((_, d)) = scan.labelled_dates.iter().find(|(updated, _)| !updated) {
        f.published.offer_date(LABELLED_DATE, Some(d));
    }
    f.published
        .offer_date(FIRST_TIME, scan.time_first.as_deref());
}

/// The last resorts for the publication date, once the headline is known:
/// a date written right below or above it, a date labelled as an update's
/// (the only date such a page gives), the date in the URL.
fn late_dates(scan: &Scan, heading: Option<&Heading>, f: &mut Fields) {
    if let Some(d) = heading.and_then(heading_date) {
        f.published.put(HEADLINE_DATE, d);
    }
    if let Some(b) = heading.and_then(heading_byline) {
        f.offer_byline(HEADLINE_BYLINE, &b);
    }
    if let Some((_, d)) = scan.labelled_dates.iter().find(|(updated, _)| *updated) {
        f.published.offer_date(UPDATED_DATE, Some(d));
    }
    // The first labelled byline that names someone.
    if let Some(b) = scan
        .labelled_bylines
        .iter()
        .find(|b| !author_names(b).is_empty())
    {
        f.offer_byline(LABELLED_BYLINE, b);
    }
    if f.published.value.is_none() {
        if let Some(d) = f.url.value.as_deref().and_then(url_date) {
            f.published.put(URL_DATE, d);
        }
    }
}

/// The date written next to a headline: the first one in the text below it
/// unless an update label introduces it, else the last one above it (the
/// nearest). A date counts where it stands alone, in a short line without
/// a sentence's words, or opens its text ("3. Mai 2021", "Familie |
/// 17/02/2022", "Berlin, 3. Mai 2021 - Die …"), not inside a sentence ("Ich
/// habe am 12. Mai 2006 …" tells of something, it does not date the page).
fn heading_date(h: &Heading) -> Option<String> {
    let found = |node: &str, last: bool| -> Option<String> {
        let t = tokens(node);
        let short = node.len() <= 100;
        let mut dates = dates_in(&t).into_iter().filter(|&(i, _, _)| {
            let opens = matches!(
                t[..i],
                [] | [Tok::Word(_), Tok::Sep(',')] | [Tok::Word(_), Tok::Sep(','), Tok::Sep('(')]
            );
            // "They published the report on May 3": a sentence's words.
            let prose = t[..i].iter().any(|t| {
                matches!(t, Tok::Word(w) if w.chars().count() > 3
                    && w.starts_with(char::is_lowercase)
                    && date_label(w).is_none())
            });
            let updated = t[i.saturating_sub(3)..i].iter().any(
                |t| matches!(t, Tok::Word(w) if date_label(w).is_some_and(|(updated, _)| updated)),
            );
            ((short && !prose) || opens) && !updated
        });
        let (_, date, next) = if last {
            dates.next_back()?
        } else {
            dates.next()?
        };
        Some(format!(
            "{}{}",
            date.iso(),
            time_at(&t, next).unwrap_or_default()
        ))
    };
    h.after
        .split(NODE_BREAK)
        .find_map(|n| found(n, false))
        .or_else(|| h.before.rsplit(NODE_BREAK).find_map(|n| found(n, true)))
}

/// A byline written as plain text right below the headline ("Von Claudia
/// Lindner", "By Jane Doe and John Roe"), in no element that says so: a
/// short text that opens with "by" and goes on with a capitalised name.
fn heading_byline(h: &Heading) -> Option<String> {
    let nodes: Vec<&str> = h
        .after
        .split(NODE_BREAK)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .take(6)
        .collect();
    for (i, n) in nodes.iter().enumerate() {
        // "Von " and the linked name are often two text nodes.
        let joined;
        let t = if is_by(n) {
            joined = format!("{n} {}", nodes.get(i + 1)?);
            joined.as_str()
        } else {
            n
        };
        if let Some(b) = dated_byline(t) {
            return Some(b.to_string());
        }
        let Some((first, rest)) = t.split_once(' ') else {
            continue;
        };
        if !is_by(first)
            || !rest.starts_with(char::is_uppercase)
            || t.chars().count() > MAX_BYLINE_CHARS
        {
            continue;
        }
        if !author_names(t).is_empty() {
            return Some(t.to_string());
        }
    }
    None
}

/// The name in a line that gives the date and then the writer
/// ("11.12.2019 - Jane Doe", "06.11.2023 13:30 von Jane Doe", "3. Mai 2021 |
/// Jane Doe"): the date opens the line, and a separator or "by" leads to a
/// name and nothing else.
fn dated_byline(t: &str) -> Option<&str> {
    let toks = tokens(t);
    let (_, end) = date_at(&toks, 0)?;
    // Where the date ends in the text: after as many numbers and words as
    // the date and a time have.
    let mut rest = t;
    for tok in &toks[..end] {
        let at = match tok {
            Tok::Word(w) => rest.find(w)? + w.len(),
            Tok::Num(_, len) => rest.find(|c: char| c.is_ascii_digit())? + len,
            Tok::Sep(c) => rest.find(*c)? + c.len_utf8(),
        };
        rest = &rest[at..];
    }
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, ':' | '.' | ' ' | '\u{a0}' | ',')
    });
    let rest = ["- ", "– ", "— ", "| ", "· ", "/ "]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))
        .or_else(|| {
            let (by, name) = rest.split_once(' ')?;
            is_by(by).then_some(name)
        })?
        .trim();
    let names = author_names(rest);
    (rest.starts_with(char::is_uppercase)
        && rest.split_whitespace().count() <= MAX_NAME_WORDS
        && names.len() == 1
        && names[0] == rest)
        .then_some(rest)
}

/// "By", "Von", "Par", "Por" opening a byline.
fn is_by(w: &str) -> bool {
    matches!(
        w,
        "By" | "by" | "BY" | "Von" | "von" | "VON" | "Par" | "par" | "Por" | "por"
    )
}

/// Separates text nodes in a heading's surroundings.
const NODE_BREAK: char = '\u{1}';

/// Every date in a token list: where it starts, the date, where it ends.
fn dates_in(t: &[Tok]) -> Vec<(usize, Ymd, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        match date_at(t, i) {
            Some((date, next)) => {
                out.push((i, date, next));
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// The most trusted byline that names a person: organisations (the
/// publisher named as author, a domain, a company) are dropped from every
/// candidate, and a candidate left without names gives way to the next.
fn choose_authors(f: &Fields) -> (Option<String>, Vec<String>) {
    let site = f.site.value.as_deref();
    let mut candidates: Vec<&(u8, String, Vec<String>)> = f.authors.iter().collect();
    candidates.sort_by_key(|c| c.0);
    // A stated author of one word (a user name, the site's short name:
    // "L-MAG", "wordpressadmin") gives way to a person's full name in a
    // visible byline.
    let one_word = |c: &(u8, String, Vec<String>)| c.2.iter().all(|n| !n.contains(' '));
    let full_name = |c: &(u8, String, Vec<String>)| {
        c.0 >= MICRODATA
            && c.2
                .iter()
                .all(|n| n.contains(' ') && !is_organisation(n, site))
    };
    if let Some(first) = candidates
        .iter()
        .position(|c| !c.2.iter().all(|n| is_organisation(n, site)))
    {
        if one_word(candidates[first]) && candidates[first].0 < MICRODATA {
            if let Some(j) = candidates.iter().position(|c| full_name(c)) {
                let c = candidates.remove(j);
                candidates.insert(0, c);
            }
        }
    }
    for (_, byline, names) in candidates {
        // "Olympia-Verlag GmbH, Nürnberg, Germany": what follows an
        // organisation is its address or department, not its writers.
        if names.len() > 1 && is_organisation(&names[0], site) {
            continue;
        }
        let people: Vec<String> = names
            .iter()
            .filter(|n| !is_organisation(n, site))
            .cloned()
            .collect();
        if people.is_empty() {
            continue;
        }
        let byline = if people.len() == names.len() {
            byline.clone()
        } else {
            people.join(", ")
        };
        return (Some(byline), people);
    }
    (None, Vec::new())
}

// ---------------------------------------------------------------- title

/// The title: the page's visible headline when it agrees with what the page
/// states as its title (readers see the headline; `og:title` is often a
/// shortened or SEO variant of it), else the stated title, else the
/// `<title>` without its site name, else the only `<h1>`. Also says which
/// heading it is, whose surroundings may hold the date.
///
/// A heading's kicker marked up inside it ("Dachzeile", `class="kicker"`)
/// is left out when what remains agrees as well: annotators and the page's
/// own `og:title` give the headline proper.
fn choose_title(f: &Fields, scan: &Scan) -> (Option<String>, Option<usize>) {
    let site = f.site.value.as_deref();
    let domain = f.url.value.as_deref().and_then(domain_name);
    let strip = |t: &str, guess: bool| {
        let t = strip_site(t, site, guess);
        match &domain {
            Some(d) => strip_domain(&strip_domain(&t, d), d),
            None => t,
        }
    };
    let stated = f.title.value.as_deref().map(|t| strip(t, false));
    let tag = scan
        .title_tag
        .as_deref()
        .filter(|t| !t.is_empty())
        .map(|t| strip(t, true));
    let references: Vec<&str> = [stated.as_deref(), tag.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    // The main part of a stated title, between separators: a heading that is
    // exactly that ("CDPATH replacements" in "CDPATH replacements -
    // anarcat") is the headline, however short.
    let parts: Vec<&str> = [f.title.value.as_deref(), scan.title_tag.as_deref()]
        .into_iter()
        .flatten()
        .filter_map(|t| main_part(t, site))
        .collect();
    let mut best: Option<(f64, &str, usize)> = None;
    for (i, h) in scan.headings.iter().enumerate() {
        // An <h2> that repeats the <title> is the headline when the page
        // states no title of its own; a stated title (og:title) is kept as
        // written, as Readability keeps it.
        if h.repeats_title && f.title.value.is_some() {
            continue;
        }
        for text in h.main.iter().chain([&h.text]) {
            // The site's name, or a teaser's headline cut short.
            if site.is_some_and(|s| same_words(text, s))
                || text.ends_with("...")
                || text.ends_with('…')
            {
                continue;
            }
            let mut score = references
                .iter()
                .map(|r| agreement(text, r))
                .fold(0.0, f64::max);
            if parts.iter().any(|p| same_words(text, p)) {
                score = score.max(0.95);
            }
            if score >= 0.75 && best.is_none_or(|(b, _, _)| score > b) {
                best = Some((score, text, i));
            }
        }
    }
    if let Some((_, h, i)) = best {
        // A heading that opens with its date ("Jun 17 Das vielleicht
        // schönste Ende der Welt: Montauk"): the title without it.
        if let Some(t) = stated.as_deref().or(tag.as_deref()) {
            if let Some(prefix) = h.strip_suffix(t).filter(|p| !p.trim().is_empty()) {
                let toks = tokens(prefix);
                let short_date = matches!(
                    toks.as_slice(),
                    [Tok::Word(m), Tok::Num(_, 1..=2)] | [Tok::Num(_, 1..=2), Tok::Word(m)]
                        if month(m).is_some()
                );
                if short_date || date_at(&toks, 0).is_some_and(|(_, end)| end == toks.len()) {
                    return (Some(t.to_string()), Some(i));
                }
            }
        }
        // The headline and the stated title differ only in their quotation
        // marks ("…" and “…”): the stated title is the one written as text,
        // the headline's are typography.
        if let Some(t) = f.title.value.as_deref() {
            if t != h && straight_quotes(t) == straight_quotes(h) {
                return (Some(t.to_string()), Some(i));
            }
        }
        return (Some(h.to_string()), Some(i));
    }
    let only = (scan.h1_count == 1 && !scan.headings.is_empty()).then_some(0);
    let described = |t: String| match f.description.value.as_deref() {
        Some(d) => described_part(&t, d).map_or(t.clone(), str::to_string),
        None => t,
    };
    match stated.or(tag).map(described) {
        Some(t) => (Some(t), only),
        None => (only.map(|i| scan.headings[i].text.clone()), only),
    }
}

/// Text with its quotation marks made straight; an apostrophe inside a
/// word ("Editor’s") is a letter of it and stays.
fn straight_quotes(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let letter = |i: Option<&char>| i.is_some_and(|c| c.is_alphanumeric());
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
            '‘' | '’' | '‚' | '‛' | '‹' | '›' | '′'
                if !(i > 0 && letter(chars.get(i - 1)) && letter(chars.get(i + 1))) =>
            {
                '\''
            }
            c => c,
        })
        .collect()
}

/// The part of a title between separators (" | ", " - ", …) that has more
/// words than every other part: the headline beside the site's name and
/// slogan (a part naming the site is never it). `None` without separators
/// or without one longest part.
fn main_part<'a>(t: &'a str, site: Option<&str>) -> Option<&'a str> {
    let mut parts = vec![t];
    for sep in [
        " | ", " - ", " – ", " — ", " · ", " • ", " :: ", " » ", " / ", ": ",
    ] {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.retain(|p| !site.is_some_and(|s| contains_words(p, s)));
    if parts.len() < 2 {
        return None;
    }
    let count = |p: &str| p.split_whitespace().count();
    let longest = parts.iter().copied().max_by_key(|p| count(p))?;
    let n = count(longest);
    (n >= 2 && parts.iter().filter(|p| count(p) == n).count() == 1).then_some(longest)
}

/// An `<h1>` without the kicker marked up inside it: "<span
/// class="dachzeile">Interne Unterlagen</span><span>Daten gehackt</span>"
/// gives "Daten gehackt". `None` when there is no such kicker or nothing of
/// two words remains.
fn without_kicker(h: NodeRef<Node>, text: &str) -> Option<String> {
    const KICKER: &[&str] = &[
        "kicker",
        "dachzeile",
        "roofline",
        "topline",
        "overline",
        "supertitle",
        "super-title",
        "spitzmarke",
        "eyebrow",
        "subheadline",
        "sub-heading",
        "pretitle",
        "pre-title",
    ];
    let kicker = h.descendants().skip(1).find(|d| {
        d.value().as_element().is_some_and(|e| {
            e.attr("class")
                .is_some_and(|c| KICKER.iter().any(|k| c.to_ascii_lowercase().contains(k)))
        })
    })?;
    let k = visible_text(kicker);
    let rest = text.strip_prefix(k.as_str())?;
    let rest = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '|' | '.')
    });
    (rest.split_whitespace().count() >= 2).then(|| rest.to_string())
}

/// How well a visible heading agrees with a stated title: word overlap, or
/// one containing the other (a headline with a kicker, a title with a
/// subtitle), as long as the contained part is not a word or two.
fn agreement(heading: &str, title: &str) -> f64 {
    let (h, t) = (words(heading), words(title));
    if h.is_empty() || t.is_empty() {
        return 0.0;
    }
    let (short, long) = if h.len() <= t.len() {
        (&h, &t)
    } else {
        (&t, &h)
    };
    if short.len() >= 3 && long.windows(short.len()).any(|w| w == short.as_slice()) {
        return 1.0;
    }
    similarity(heading, title)
}

/// Cuts the site's name off a title: a part before or after a separator
/// ("Talks end | The Paper", "The Paper – Talks end") that is the site name,
/// or, when `guess` (a `<title>`, which nearly always ends with the site) and
/// no known site name matches, the last part when what remains is long
/// enough to be a headline (Readability's rule).
fn strip_site(title: &str, site: Option<&str>, guess: bool) -> String {
    const SEPARATORS: &[&str] = &[
        " | ", " - ", " – ", " — ", " · ", " • ", " :: ", " » ", " / ", " :",
    ];
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for sep in SEPARATORS {
        for (i, _) in title.match_indices(sep) {
            cuts.push((i, i + sep.len()));
        }
    }
    if cuts.is_empty() {
        return title.to_string();
    }
    cuts.sort();
    if let Some(site) = site {
        let (first_at, first_end) = cuts[0];
        let (last_at, last_end) = cuts[cuts.len() - 1];
        if same_words(&title[last_end..], site) || (contains_words(&title[last_end..], site)) {
            return title[..last_at].trim().to_string();
        }
        if same_words(&title[..first_at], site) {
            return title[first_end..].trim().to_string();
        }
    }
    let (last_at, _) = cuts[cuts.len() - 1];
    let head = title[..last_at].trim();
    if !guess {
        return title.to_string();
    }
    if head.split_whitespace().count() > MIN_TITLE_WORDS {
        head.to_string()
    } else {
        title.to_string()
    }
}

/// The name in a URL's host, without "www." and the top-level domain:
/// "bayrische bembel" for `http://bayrische-bembel.de/…`.
fn domain_name(url: &str) -> Option<String> {
    let host = url
        .split_once("://")?
        .1
        .split(['/', '?', '#', ':'])
        .next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    let (name, _tld) = host.rsplit_once('.')?;
    let name = name.replace(['-', '.'], " ");
    (name.len() >= 3).then_some(name)
}

/// Cuts the site's name off a title where a part between separators
/// names the site as its domain does: the title is what stands before that
/// part ("Winterhechte | petri-heil.ch | Dein Schweizer Fischereimagazin"),
/// or after it when it is the first ("EFC Bayrische Bembel - Eintracht …"
/// on bayrische-bembel.de). A one-word domain must be the whole part ("Die
/// Zeit der Krise" does not name zeit.de). At least two words remain.
fn strip_domain(title: &str, domain: &str) -> String {
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " · ", " • ", " :: ", " » "];
    let mut cuts: Vec<(usize, usize)> = SEPARATORS
        .iter()
        .flat_map(|sep| title.match_indices(sep).map(|(i, _)| (i, i + sep.len())))
        .collect();
    if cuts.is_empty() {
        return title.to_string();
    }
    cuts.sort();
    let domain_words = words(domain);
    let names_site = |part: &str| {
        let w = words(part);
        if domain_words.len() >= 2 {
            contains_words(part, domain)
        } else {
            w.first() == domain_words.first() && w.len() <= 2
        }
    };
    let long_enough = |t: &str| words(t).len() >= MIN_TITLE_WORDS;
    // Parts as (start, end) byte ranges, the last first.
    let mut bounds = vec![0];
    for &(at, end) in &cuts {
        bounds.push(at);
        bounds.push(end);
    }
    bounds.push(title.len());
    let parts: Vec<(usize, usize)> = bounds.chunks(2).map(|c| (c[0], c[1])).collect();
    for (k, &(start, end)) in parts.iter().enumerate().rev() {
        if !names_site(&title[start..end]) {
            continue;
        }
        let rest = if k > 0 {
            &title[..cuts[k - 1].0]
        } else {
            &title[cuts[0].1..]
        };
        if long_enough(rest) {
            return rest.trim().to_string();
        }
    }
    title.to_string()
}

/// The part of a title between separators that the page's description
/// opens with: the headline, where the title also names site and section
/// ("EFC Bayrische Bembel Regensburg - Eintracht Frankfurt stellt Weichen
/// für die Zukunft - Eintracht Presse").
fn described_part<'a>(title: &'a str, description: &str) -> Option<&'a str> {
    let desc = words(description);
    let mut parts = vec![title];
    for sep in [" | ", " - ", " – ", " — ", " · ", " • ", " :: ", " » "] {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    if parts.len() < 2 {
        return None;
    }
    parts.into_iter().map(str::trim).find(|p| {
        let w = words(p);
        w.len() >= 3 && desc.starts_with(&w)
    })
}

/// Lowercased words of a text (letters and digits).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn same_words(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    !a.is_empty() && a == b
}

/// All words of `b` occur in `a`, in order and adjacent.
fn contains_words(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    !b.is_empty() && a.windows(b.len()).any(|w| w == b.as_slice())
}

/// Share of the longer text's words that the other has too.
fn similarity(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let common = wa.iter().filter(|w| wb.contains(w)).count();
    common as f64 / wa.len().max(wb.len()) as f64
}

// ---------------------------------------------------------------- authors

/// The personal names in a byline: "By Jane Doe and John Roe | 4 January 2022"
/// gives Jane Doe and John Roe. Drops what is not a name: labels ("Posted
/// by", "Autor:"), profile URLs, e-mail addresses, @handles, and dates, places
/// and job titles after a separator or a preposition.
fn author_names(byline: &str) -> Vec<String> {
    names_in(byline, true)
}

/// The names in a byline; `visible` bylines (page text rather than
/// structured data) are also cut at a preposition or a month name, and a name
/// of several words must be capitalised.
fn names_in(byline: &str, visible: bool) -> Vec<String> {
    let mut s = collapse(&decode_entities(byline));
    // "Posted on 4 January 2022 by Jane Doe": the name follows the last "by".
    if let Some(i) = s.rfind(" by ").or_else(|| s.rfind(" By ")) {
        s = s[i + 4..].to_string();
    }
    const LABELS: &[&str] = &[
        "written by",
        "posted by",
        "published by",
        "eingestellt von",
        "gespeichert von",
        "geschrieben von",
        "verfasst von",
        "erstellt von",
        "veröffentlicht von",
        "ein beitrag von",
        "ein artikel von",
        "ein kommentar von",
        "artikel von",
        "beitrag von",
        "text und fotos",
        "text",
        "autorinnen",
        "autorin",
        "autoren",
        "autor",
        "auteur",
        "authors",
        "author",
        "by",
        "von",
        "par",
        "por",
        "door",
        "de",
        "-",
    ];
    for label in LABELS {
        if let Some(rest) = strip_prefix_ci(&s, label) {
            // A label is a whole word: "Bye" and "Vonnegut" are not "By", "Von".
            if rest.starts_with([' ', ':']) || !label.ends_with(char::is_alphabetic) {
                s = rest.to_string();
                break;
            }
        }
    }
    let mut s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    // "Text & Fotos: Ivan Valetny", "Photos: Jane Doe": credits before a
    // colon name what the person did.
    if let Some((credit, rest)) = s.split_once(':') {
        if !rest.trim().is_empty() && is_credit(credit) {
            s = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        }
    }
    // A date, a job title or a second field after a separator is not a name.
    // Digits inside a user name ("Bo2man", "freeman1984") are part of it.
    let mut in_word = false;
    let end = s
        .find(|c: char| {
            in_word = (in_word && c.is_alphanumeric()) || c.is_alphabetic();
            (c.is_ascii_digit() && !in_word)
                || matches!(
                    c,
                    '|' | '•' | '·' | '—' | '–' | '(' | '\n' | '/' | ':' | '»'
                )
        })
        .unwrap_or(s.len());
    let mut s = s[..end].to_string();
    if let Some(i) = s.find(" - ") {
        s.truncate(i);
    }
    // "Robert -": a dangling separator.
    s.truncate(s.trim_end_matches([' ', '-', ',', ';']).len());
    // "Jane Doe am 4. Januar", "Jane Doe on Monday", "Jane Doe in Berlin".
    let mut kept = Vec::new();
    let all: Vec<&str> = s.split_whitespace().collect();
    for (i, w) in all.iter().copied().enumerate() {
        if !visible {
            kept.push(w);
            continue;
        }
        // "Jane Doe May 20, 2019" (the digits are already cut off, so a month
        // name ends the text); "August Diehl" goes on.
        if i + 1 == all.len() && i > 0 && byline_month(w.trim_end_matches(['.', ','])).is_some() {
            break;
        }
        if matches!(
            w.to_lowercase().as_str(),
            "am" | "on"
                | "um"
                | "at"
                | "in"
                | "for"
                | "für"
                | "from"
                | "aus"
                | "vor"
                | "ago"
                | "hace"
                | "veröffentlicht"
                | "publiziert"
                | "erschienen"
                | "stand"
                | "datum"
                | "published"
                | "updated"
                | "aktualisiert"
                | "posted"
                | "last"
                | "publié"
                | "publicado"
                | "publicada"
        ) {
            break;
        }
        kept.push(w);
    }
    // "Christoph Hein Chefredakteur", "Jane Doe, Senior Editor": a job
    // title after the name is not part of it.
    if let Some(i) = kept.iter().position(|w| is_job_title(w)) {
        kept.truncate(i);
        while kept.len() > 2 && kept.last().is_some_and(|w| is_title_modifier(w)) {
            kept.pop();
        }
    }
    let s = kept
        .join(" ")
        .replace(" und ", " and ")
        .replace(" & ", " and ");
    let mut names: Vec<String> = crate::input::split_authors(&s)
        .into_iter()
        .map(|n| {
            let mut n = n
                .split_whitespace()
                .filter(|w| !w.contains('@'))
                .collect::<Vec<_>>()
                .join(" ");
            // split_authors drops a final dot; an abbreviation keeps it ("Jr.").
            let last = n.rsplit(' ').next().unwrap_or("");
            if n.contains(' ') && last.chars().count() <= 2 && byline.contains(&format!("{n}.")) {
                n.push('.');
            }
            n
        })
        .filter(|n| {
            let lower = n.to_lowercase();
            !n.is_empty()
                && n.chars().count() <= MAX_NAME_CHARS
                && n.split_whitespace().count() <= MAX_NAME_WORDS
                && n.chars().any(char::is_alphabetic)
                && !lower.starts_with("http")
                && (!visible || looks_like_name(n))
                && !matches!(
                    lower.as_str(),
                    "admin"
                        | "administrator"
                        | "author"
                        | "autor"
                        | "by"
                        | "von"
                        | "posted"
                        | "unknown"
                        | "null"
                        | "none"
                        | "anonymous"
                        | "redaktion"
                )
        })
        .collect();
    // A byline of a letter or two in lower case ("S", "kj", "mf") is an
    // editor's initials, not a name a reader can use ("Kooman, F" keeps
    // its "F").
    if let [n] = names.as_slice() {
        let len = n.chars().count();
        if len == 1 || (len == 2 && n.chars().all(char::is_lowercase)) {
            names.clear();
        }
    }
    names
}

/// Words that credit a contribution before a colon ("Text & Fotos:",
/// "Photos:", "Recherche und Text:").
fn is_credit(label: &str) -> bool {
    let words: Vec<String> = label
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    !words.is_empty()
        && words.len() <= 5
        && words.iter().all(|w| {
            matches!(
                w.as_str(),
                "text"
                    | "texte"
                    | "texto"
                    | "textos"
                    | "words"
                    | "story"
                    | "foto"
                    | "fotos"
                    | "photo"
                    | "photos"
                    | "photographie"
                    | "photography"
                    | "bild"
                    | "bilder"
                    | "bildtext"
                    | "video"
                    | "videos"
                    | "grafik"
                    | "illustration"
                    | "illustrationen"
                    | "interview"
                    | "recherche"
                    | "reporting"
                    | "und"
                    | "and"
                    | "et"
                    | "y"
                    | "autor"
                    | "autorin"
                    | "author"
                    | "auteur"
                    | "redaktion"
                    | "redakteur"
                    | "redakteurin"
                    | "editor"
                    | "von"
                    | "by"
                    | "par"
                    | "por"
            )
        })
}

/// A job title that may follow a name in a byline ("Chefredakteur",
/// "Korrespondentin", "Staff Writer"), in English, German, French or Spanish.
fn is_job_title(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    let w = w.as_str();
    matches!(
        w,
        "editor"
            | "editors"
            | "reporter"
            | "correspondent"
            | "writer"
            | "columnist"
            | "contributor"
            | "journalist"
            | "journalistin"
            | "producer"
            | "rédacteur"
            | "rédactrice"
            | "journaliste"
            | "correspondant"
            | "correspondante"
            | "envoyé"
            | "envoyée"
            | "redactor"
            | "redactora"
            | "periodista"
            | "corresponsal"
            | "redaktor"
            | "redaktorin"
            | "volontär"
            | "volontärin"
            | "kolumnist"
            | "kolumnistin"
    ) || ["redakteur", "korrespondent", "chefredakt", "ressortleit"]
        .iter()
        .any(|t| w.contains(t))
}

/// Words that qualify a job title ("Senior Editor", "Staff Writer").
fn is_title_modifier(w: &str) -> bool {
    matches!(
        w.trim_matches(|c: char| !c.is_alphabetic())
            .to_lowercase()
            .as_str(),
        "senior"
            | "staff"
            | "chief"
            | "managing"
            | "contributing"
            | "deputy"
            | "associate"
            | "executive"
            | "assistant"
            | "political"
            | "freelance"
            | "freier"
            | "freie"
            | "leitender"
            | "leitende"
            | "stellvertretender"
            | "stellvertretende"
    )
}

/// A name of several words has every word capitalised but the particles
/// ("Christoph von Ritter"); "Michael Isikoff Trump's inauguration" is a
/// byline run into a headline. A single word may be a user name ("tlow").
fn looks_like_name(n: &str) -> bool {
    let words: Vec<&str> = n.split_whitespace().collect();
    words.len() == 1
        || words.iter().all(|w| {
            w.chars().next().is_some_and(|c| !c.is_lowercase())
                || matches!(
                    *w,
                    "von"
                        | "van"
                        | "de"
                        | "der"
                        | "den"
                        | "da"
                        | "di"
                        | "del"
                        | "della"
                        | "du"
                        | "le"
                        | "la"
                        | "bin"
                        | "ibn"
                        | "al"
                        | "el"
                        | "y"
                        | "zu"
                        | "ter"
                        | "ten"
                        | "dos"
                        | "das"
                        | "do"
                        | "vom"
                        | "zum"
                        | "e"
                )
        })
}

/// A name that is an organisation's (a company, an association, a site)
/// rather than a writer's: the page's own site name, a domain, or a name
/// with a legal form.
fn is_organisation(name: &str, site: Option<&str>) -> bool {
    let lower = name.to_lowercase();
    if site.is_some_and(|s| same_words(name, s) || contains_words(s, name)) {
        return true;
    }
    if !name.contains(' ')
        && name.contains('.')
        && name
            .rsplit('.')
            .next()
            .is_some_and(|tld| (2..=4).contains(&tld.len()))
    {
        return true;
    }
    lower.starts_with("copyright")
        || lower.split([' ', ',', '.', '-']).any(|w| {
            matches!(
                w,
                "gmbh"
                    | "ag"
                    | "inc"
                    | "ltd"
                    | "llc"
                    | "verlag"
                    | "e.v"
                    | "ev"
                    | "kg"
                    | "co"
                    | "media"
                    | "medien"
                    | "news"
                    | "presse"
                    | "press"
                    | "zeitung"
                    | "magazin"
                    | "ministerium"
                    | "verband"
                    | "bundesministerium"
                    | "verein"
                    | "institut"
                    | "team"
                    | "editorial"
                    | "staff"
                    | "departement"
                    | "department"
                    | "sekretariat"
                    | "partei"
                    | "feuerwehr"
                    | "stiftung"
                    | "foundation"
                    | "association"
                    | "gesellschaft"
                    | "universität"
                    | "university"
                    | "hochschule"
            )
        })
        || lower.split([' ', '-']).any(|w| {
            // German compounds: "Landesanstalt", "Bauernverband".
            w.chars().count() > 8
                && [
                    "anstalt",
                    "verband",
                    "ministerium",
                    "verlag",
                    "behörde",
                    "gesellschaft",
                    "stiftung",
                    "institut",
                ]
                .iter()
                .any(|t| w.ends_with(t))
        })
}

/// `s` without `prefix`, compared case-insensitively.
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let mut rest = s.char_indices();
    for p in prefix.chars() {
        let (_, c) = rest.next()?;
        if !c.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
    }
    Some(rest.next().map_or("", |(i, _)| &s[i..]))
}

// ---------------------------------------------------------------- dates

/// A date in a page's URL: `/2021/12/30/`, `/2021-12-30-slug`,
/// `/2020-02/19/`, `/meldungen/29-10-2021` or `bericht_vom_22.04.2020`.
fn url_date(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/')?..];
    let toks = tokens(path);
    (0..toks.len()).find_map(|i| {
        if let Some((d, _)) = ymd_at(&toks, i) {
            return Some(d.iso());
        }
        let date = match toks.get(i..)? {
            [Tok::Num(y, 4), Tok::Sep('-'), Tok::Num(m, 2), Tok::Sep('/'), Tok::Num(d, 2), ..] => {
                Ymd { y: *y, m: *m, d: *d }
            }
            // Day first, both with two digits (an id rarely looks like it).
            [Tok::Num(d, 2), Tok::Sep(s1 @ ('-' | '.' | '_')), Tok::Num(m, 2), Tok::Sep(s2), Tok::Num(y, 4), ..]
                if s1 == s2 =>
            {
                Ymd { y: *y, m: *m, d: *d }
            }
            _ => return None,
        };
        date.valid().then(|| date.iso())
    })
}

/// Normalises a stated date to ISO 8601: an ISO date is kept as written, any
/// other recognisable date ("January 4, 2022", "4. Januar 2022 10:15 Uhr",
/// "Tue, 04 Jan 2022 10:00:00 GMT") is rewritten, keeping the time and zone
/// when given.
pub(crate) fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && b.get(10).is_none_or(|c| !c.is_ascii_digit())
    {
        let d = Ymd {
            y: s[..4].parse().ok()?,
            m: s[5..7].parse().ok()?,
            d: s[8..10].parse().ok()?,
        };
        return d.valid().then(|| s.to_string());
    }
    find_date(s)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    Num(u32, usize),
    Word(&'a str),
    Sep(char),
}

fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                chars.next();
            }
            let digits = &s[i..end];
            out.push(Tok::Num(digits.parse().unwrap_or(u32::MAX), digits.len()));
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(Tok::Word(&s[i..end]));
        } else if !c.is_whitespace() {
            out.push(Tok::Sep(c));
        }
        if out.len() > 400 {
            break;
        }
    }
    out
}

#[derive(Debug, Clone, Copy)]
struct Ymd {
    y: u32,
    m: u32,
    d: u32,
}

impl Ymd {
    fn valid(&self) -> bool {
        let days = match (u16::try_from(self.y), u8::try_from(self.m)) {
            (Ok(y), Ok(m)) => u32::from(crate::options::days_in_month(y, m)),
            _ => 0,
        };
        (1900..=2099).contains(&self.y) && self.d >= 1 && self.d <= days
    }
    fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// English, German, French, Spanish and Portuguese month names and their
/// abbreviations.
fn month(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let m = match w.as_str() {
        "january" | "jan" | "januar" | "jänner" | "janvier" | "janv" | "enero" | "ene"
        | "janeiro" => 1,
        "february" | "feb" | "februar" | "feber" | "février" | "févr" | "fevrier" | "febrero"
        | "fevereiro" | "fev" => 2,
        "march" | "mar" | "märz" | "mär" | "mrz" | "maerz" | "mars" | "marzo" | "março" => 3,
        "april" | "apr" | "avril" | "avr" | "abril" | "abr" => 4,
        "may" | "mai" | "mayo" | "maio" => 5,
        "june" | "jun" | "juni" | "juin" | "junio" | "junho" => 6,
        "july" | "jul" | "juli" | "juillet" | "juil" | "julio" | "julho" => 7,
        "august" | "aug" | "août" | "aout" | "agosto" | "ago" => 8,
        "september" | "sep" | "sept" | "septembre" | "septiembre" | "setiembre" | "setembro"
        | "set" => 9,
        "october" | "oct" | "oktober" | "okt" | "octobre" | "octubre" | "outubro" | "out" => 10,
        "november" | "nov" | "novembre" | "noviembre" | "novembro" => 11,
        "december" | "dec" | "dezember" | "dez" | "décembre" | "déc" | "decembre" | "diciembre"
        | "dic" | "dezembro" => 12,
        _ => return None,
    };
    Some(m)
}

/// English and German month names only: a byline's last word that is one
/// ends the name ("Jane Doe May"), but "Bruno Mars" is a name.
fn byline_month(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    if matches!(
        w.as_str(),
        "mars" | "set" | "out" | "ago" | "marzo" | "mayo" | "juin" | "julio" | "ene" | "dic"
    ) {
        return None;
    }
    month(&w)
}

/// A year, month and day in that order (`2022-01-04`, `2022/01/04`) at `i`;
/// returns the date and the index after it.
fn ymd_at(t: &[Tok], i: usize) -> Option<(Ymd, usize)> {
    if let [Tok::Num(y, 4), Tok::Sep(s1), Tok::Num(m, 1..=2), Tok::Sep(s2), Tok::Num(d, 1..=2), ..] =
        t.get(i..)?
    {
        if s1 == s2 && matches!(s1, '-' | '/' | '.') {
            let date = Ymd {
                y: *y,
                m: *m,
                d: *d,
            };
            return date.valid().then_some((date, i + 5));
        }
    }
    None
}

/// Any written date at `i`: year-month-day, day.month.year, month/day/year
/// (day/month/year when the first number cannot be a month), "4 January
/// 2022", "January 4th, 2022".
fn date_at(t: &[Tok], i: usize) -> Option<(Ymd, usize)> {
    if let Some(found) = ymd_at(t, i) {
        return Some(found);
    }
    let rest = t.get(i..)?;
    let full_year = |y: u32, len: usize| match len {
        4 => Some(y),
        2 => Some(2000 + y),
        _ => None,
    };
    let ok = |date: Ymd, next: usize| date.valid().then_some((date, next));
    match rest {
        [Tok::Num(d, 1..=2), Tok::Sep('.'), Tok::Num(m, 1..=2), Tok::Sep('.'), Tok::Num(y, yl @ (2 | 4)), ..] =>
        {
            return ok(
                Ymd {
                    y: full_year(*y, *yl)?,
                    m: *m,
                    d: *d,
                },
                i + 5,
            );
        }
        // "26 | 01 | 2022".
        [Tok::Num(d, 1..=2), Tok::Sep('|'), Tok::Num(m, 1..=2), Tok::Sep('|'), Tok::Num(y, 4), ..] =>
        {
            return ok(
                Ymd {
                    y: *y,
                    m: *m,
                    d: *d,
                },
                i + 5,
            );
        }
        [Tok::Num(a, 1..=2), Tok::Sep('/'), Tok::Num(b, 1..=2), Tok::Sep('/'), Tok::Num(y, 4), ..] =>
        {
            let (m, d) = if *a > 12 { (*b, *a) } else { (*a, *b) };
            return ok(Ymd { y: *y, m, d }, i + 5);
        }
        _ => {}
    }
    // Written month names, with optional dots, commas and ordinal suffixes.
    let skip = |mut j: usize| {
        while let Some(Tok::Sep('.' | ','))
        | Some(Tok::Word("st" | "nd" | "rd" | "th" | "er" | "de" | "del")) = t.get(j)
        {
            j += 1;
        }
        j
    };
    match rest {
        [Tok::Num(d, 1..=2), ..] => {
            let j = skip(i + 1);
            let Some(Tok::Word(w)) = t.get(j) else {
                return None;
            };
            let m = month(w)?;
            let k = skip(j + 1);
            let Some(Tok::Num(y, 4)) = t.get(k) else {
                return None;
            };
            ok(Ymd { y: *y, m, d: *d }, k + 1)
        }
        [Tok::Word(w), ..] => {
            let m = month(w)?;
            let j = skip(i + 1);
            let Some(Tok::Num(d, 1..=2)) = t.get(j) else {
                return None;
            };
            let k = skip(j + 1);
            let Some(Tok::Num(y, 4)) = t.get(k) else {
                return None;
            };
            ok(Ymd { y: *y, m, d: *d }, k + 1)
        }
        _ => None,
    }
}

/// A time of day right after a date ("10:15", "at 3:46 PM", "10:00:00
/// +0100", "T10:00Z"), as `THH:MM[:SS]` and a zone when one is given.
fn time_at(t: &[Tok], mut i: usize) -> Option<String> {
    // Words and separators between date and time: "at", "um", ",", "|", "T".
    for _ in 0..3 {
        match t.get(i) {
            Some(Tok::Word(w))
                if matches!(w.to_lowercase().as_str(), "at" | "um" | "t" | "a" | "à") =>
            {
                i += 1
            }
            Some(Tok::Sep(',' | '|' | '-' | '@' | '/')) => i += 1,
            _ => break,
        }
    }
    let [Tok::Num(mut h, 1..=2), Tok::Sep(':'), Tok::Num(min, 2), ..] = t.get(i..)? else {
        return None;
    };
    i += 3;
    let mut sec = None;
    if let [Tok::Sep(':'), Tok::Num(s, 2), ..] = t.get(i..).unwrap_or(&[]) {
        sec = Some(*s);
        i += 2;
        // Fractions of a second are dropped.
        if let [Tok::Sep('.'), Tok::Num(..), ..] = t.get(i..).unwrap_or(&[]) {
            i += 2;
        }
    }
    match t.get(i) {
        Some(Tok::Word(w)) if w.eq_ignore_ascii_case("pm") || w.eq_ignore_ascii_case("p") => {
            if h < 12 {
                h += 12;
            }
            i += 1;
        }
        Some(Tok::Word(w)) if w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("a") => {
            if h == 12 {
                h = 0;
            }
            i += 1;
        }
        _ => {}
    }
    if h > 23 || *min > 59 || sec.is_some_and(|s| s > 60) {
        return None;
    }
    let mut out = format!("T{h:02}:{min:02}");
    if let Some(s) = sec {
        out.push_str(&format!(":{s:02}"));
    }
    // Skip a stray dot of "p.m." and the like.
    while let Some(Tok::Sep('.')) | Some(Tok::Word("m" | "M")) = t.get(i) {
        i += 1;
    }
    let zone = match t.get(i..).unwrap_or(&[]) {
        [Tok::Word(w), ..] if w.eq_ignore_ascii_case("z") => Some("Z".to_string()),
        [Tok::Word(w), Tok::Sep(s @ ('+' | '-')), Tok::Num(hh, 1..=2), ..]
            if (w.eq_ignore_ascii_case("gmt") || w.eq_ignore_ascii_case("utc")) =>
        {
            Some(format!("{s}{hh:02}:00"))
        }
        [Tok::Word(w), ..] => named_zone(w).map(str::to_string),
        // "10:00-11:30" is a time range, not the zone −11:30: a negative
        // offset without seconds that is a later time of the day ends a range.
        [Tok::Sep('-'), Tok::Num(hh, 2), Tok::Sep(':'), Tok::Num(mm, 2), ..]
            if sec.is_none() && (*hh, *mm) > (h, *min) =>
        {
            None
        }
        [Tok::Sep(s @ ('+' | '-')), Tok::Num(hh, 2), Tok::Sep(':'), Tok::Num(mm, 2), ..] => {
            Some(format!("{s}{hh:02}:{mm:02}"))
        }
        [Tok::Sep(s @ ('+' | '-')), Tok::Num(hhmm, 4), ..] => {
            Some(format!("{s}{:02}:{:02}", hhmm / 100, hhmm % 100))
        }
        _ => None,
    };
    if let Some(z) = zone {
        out.push_str(&z);
    }
    Some(out)
}

fn named_zone(w: &str) -> Option<&'static str> {
    Some(match w.to_ascii_uppercase().as_str() {
        "GMT" | "UTC" | "UT" => "Z",
        "CET" | "MEZ" | "BST" => "+01:00",
        "CEST" | "MESZ" => "+02:00",
        "EST" => "-05:00",
        "EDT" | "AST" => "-04:00",
        "CST" => "-06:00",
        "CDT" => "-05:00",
        "MST" => "-07:00",
        "PST" => "-08:00",
        "PDT" => "-07:00",
        _ => return None,
    })
}

/// The first recognisable date in a text, with its time when one follows.
fn find_date(s: &str) -> Option<String> {
    let t = tokens(s);
    (0..t.len()).find_map(|i| {
        let (date, next) = date_at(&t, i)?;
        Some(format!(
            "{}{}",
            date.iso(),
            time_at(&t, next).unwrap_or_default()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Meta {
        crate::input::html::extract(html, false).meta
    }

    #[test]
    fn head_metadata() {
        let html = r#"<html lang="en-GB"><head><title>Talks end | The Paper</title>
            <meta property="og:title" content="Talks end">
            <meta property="og:site_name" content="The Paper">
            <meta name="author" content="Jane Doe and John Roe">
            <meta property="article:published_time" content="2021-12-30T18:00:00Z">
            <link rel="canonical" href="https://example.com/talks"></head><body><p>x</p></body></html>"#;
        let m = meta(html);
        let trust = meta(
            r#"<head><meta property="og:url" content="https://m.example.com/a?utm=x">
            <meta name="date" content="Jan 4, 2022"><link rel="canonical" href="https://example.com/a">
            <meta property="article:published_time" content="2022-01-04T10:00:00Z"></head><p>x"#,
        );
        assert_eq!(trust.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(trust.published.as_deref(), Some("2022-01-04T10:00:00Z"));
        assert_eq!(
            crate::input::html::extract(
                "<head><script></script><style></style></head><p>x<script></script>",
                false
            )
            .scripts_skipped,
            3
        );
        assert_eq!(m.title.as_deref(), Some("Talks end"));
        assert_eq!(m.site.as_deref(), Some("The Paper"));
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
        assert_eq!(m.published.as_deref(), Some("2021-12-30T18:00:00Z"));
        assert_eq!(m.url.as_deref(), Some("https://example.com/talks"));
        assert_eq!(m.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(m.byline.as_deref(), Some("Jane Doe and John Roe"));
    }

    fn page(head: &str, body: &str) -> Meta {
        meta(&format!(
            "<html><head>{head}</head><body>{body}<p>Text.</p></body></html>"
        ))
    }

    #[test]
    fn json_ld_article_in_graph_with_referenced_authors() {
        let m = page(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                {"@type":"WebSite","name":"Example"},
                {"@type":["NewsArticle"],"headline":"Talks end &amp; more",
                 "author":[{"@id":"urn:jane"},{"@type":"Person","name":"John Roe"}],
                 "datePublished":"2021-12-30T18:00:00+01:00","dateModified":"2021-12-31",
                 "publisher":{"@type":"Organization","name":"The Paper"},
                 "image":[{"@type":"ImageObject","url":"https://example.com/a.jpg"}],
                 "inLanguage":"en","mainEntityOfPage":{"@id":"https://example.com/talks"},
                 "description":"What happened."},
                {"@type":"Person","@id":"urn:jane","name":"Jane Doe"}]}</script>
               <meta property="og:title" content="OG title">"#,
            "",
        );
        assert_eq!(m.title.as_deref(), Some("Talks end & more"));
        assert_eq!(m.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(m.byline.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(m.published.as_deref(), Some("2021-12-30T18:00:00+01:00"));
        assert_eq!(m.modified.as_deref(), Some("2021-12-31"));
        assert_eq!(m.site.as_deref(), Some("The Paper"));
        assert_eq!(m.image.as_deref(), Some("https://example.com/a.jpg"));
        assert_eq!(m.lang.as_deref(), Some("en"));
        assert_eq!(m.url.as_deref(), Some("https://example.com/talks"));
        assert_eq!(m.description.as_deref(), Some("What happened."));
    }

    #[test]
    fn broken_json_ld_is_repaired_or_skipped() {
        // A raw line break inside a string, and a trailing semicolon.
        let m = page(
            "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"headline\":\"Line\nbreak\",\"author\":\"Jane Doe\"};</script>",
            "",
        );
        assert_eq!(m.title.as_deref(), Some("Line break"));
        assert_eq!(m.authors, ["Jane Doe"]);
        let m = page(
            r#"<script type="application/ld+json">{"@type":"Article", "headline": </script>
               <meta property="og:title" content="Fallback">"#,
            "",
        );
        assert_eq!(m.title.as_deref(), Some("Fallback"));
    }

    #[test]
    fn trust_order_of_head_vocabularies() {
        let all = r#"<meta name="parsely-title" content="Parsely">
            <meta name="dc.title" content="Dublin">
            <meta name="twitter:title" content="Twitter">
            <meta property="og:title" content="Open Graph">
            <meta name="author" content="Meta Name">
            <meta name="parsely-author" content="Parsely Name">
            <meta name="DC.creator" content="Dublin Name">
            <meta name="dcterms.issued" content="2020-01-03">
            <meta name="parsely-pub-date" content="2020-01-04">
            <meta property="article:published_time" content="2020-01-02">"#;
        let m = page(all, "");
        assert_eq!(m.title.as_deref(), Some("Open Graph"));
        assert_eq!(m.authors, ["Dublin Name"]);
        assert_eq!(m.published.as_deref(), Some("2020-01-02"));
        let m = page(&all.replace("og:title", "x").replace("article:", "x"), "");
        assert_eq!(m.title.as_deref(), Some("Twitter"));
        assert_eq!(m.published.as_deref(), Some("2020-01-03"));
        let m = page(
            r#"<meta name="parsely-author" content="Parsely Name"><meta name="author" content="Meta Name">"#,
            "",
        );
        assert_eq!(m.authors, ["Parsely Name"]);
        let m = page(
            r#"<meta name="parsely-page" content='{"title":"From Parsely","author":"Jane Doe","pub_date":"2024-04-20T04:20:00Z"}'>"#,
            "",
        );
        assert_eq!(m.title.as_deref(), Some("From Parsely"));
        assert_eq!(m.authors, ["Jane Doe"]);
        assert_eq!(m.published.as_deref(), Some("2024-04-20T04:20:00Z"));
    }

    #[test]
    fn body_sources_when_the_head_is_silent() {
        let m = page(
            "",
            r#"<article><h1 itemprop="headline">Talks end</h1>
               <span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span>
               <time itemprop="datePublished" datetime="2022-01-04T10:00:00Z">4 Jan</time></article>
               <div class="comments"><span itemprop="author">Troll</span></div>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Talks end"));
        assert_eq!(m.authors, ["Jane Doe"]);
        assert_eq!(m.published.as_deref(), Some("2022-01-04T10:00:00Z"));
        let m = page(
            "",
            r#"<p>Posted <time pubdate>January 4, 2022 at 3:46 PM EST</time> by <a rel="author" href="/jane">Jane Doe</a></p>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2022-01-04T15:46-05:00"));
        assert_eq!(m.authors, ["Jane Doe"]);
    }

    #[test]
    fn visible_byline_and_url_date() {
        let m = page(
            r#"<link rel="canonical" href="https://example.com/2021/12/30/talks-end/">"#,
            r#"<div class="article-byline">By Jane Doe and John Roe | Politics</div>
               <div class="sidebar"><div class="byline">By Someone Else</div></div>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("By Jane Doe and John Roe"));
        assert_eq!(m.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(m.published.as_deref(), Some("2021-12-30"));
        let m = page(
            "",
            r#"<p class="autor">Von Anna Schmidt und Christoph von Ritter, 4. Januar 2022</p>"#,
        );
        assert_eq!(m.authors, ["Anna Schmidt", "Christoph von Ritter"]);
        assert_eq!(m.published.as_deref(), Some("2022-01-04"));
    }

    #[test]
    fn organisations_are_not_authors() {
        let m = page(
            r#"<meta property="og:site_name" content="The Paper"><meta name="author" content="The Paper">"#,
            r#"<span class="author">Jane Doe</span>"#,
        );
        assert_eq!(m.authors, ["Jane Doe"]);
        let m = page(r#"<meta name="author" content="Example Verlag GmbH">"#, "");
        assert!(m.authors.is_empty() && m.byline.is_none());
    }

    #[test]
    fn title_prefers_the_agreeing_headline_and_drops_the_site_name() {
        let m = page(
            r#"<title>Talks end without a deal in Geneva | The Paper</title>"#,
            "<header><h1>The Paper</h1></header><h1>Talks end without a deal in Geneva</h1>",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Talks end without a deal in Geneva")
        );
        // A kicker in the visible headline that the stated title leaves out.
        let m = page(
            r#"<meta property="og:title" content="Talks end without a deal">"#,
            "<h1>Geneva: Talks end without a deal</h1>",
        );
        assert_eq!(m.title.as_deref(), Some("Geneva: Talks end without a deal"));
        // Too short to be a headline without the site name: kept whole.
        let m = page("<title>Home | The Paper</title>", "");
        assert_eq!(m.title.as_deref(), Some("Home | The Paper"));
        // The stated title keeps a dash that is part of it.
        let m = page(
            r#"<meta property="og:title" content="Talks end - and what comes next">"#,
            "",
        );
        assert_eq!(m.title.as_deref(), Some("Talks end - and what comes next"));
    }

    #[test]
    fn dates_written_in_the_text() {
        // Labelled, with the date in the next element; French and Spanish.
        let m = page(
            "",
            "<h1>Talks end without a deal</h1><p>Datum:</p><p>18.10.2021</p>",
        );
        assert_eq!(m.published.as_deref(), Some("2021-10-18"));
        let m = page(
            "",
            "<div>Publié le 4 mai 2022</div><h2>Les pourparlers</h2>",
        );
        assert_eq!(m.published.as_deref(), Some("2022-05-04"));
        let m = page("", "<p>Publicado el 3 de mayo de 2022</p>");
        assert_eq!(m.published.as_deref(), Some("2022-05-03"));
        // The publication date, not the update before it.
        let m = page(
            "",
            "<p>Letzte Änderung: 31.10.2023 - 14:49:39</p><p>Erschienen am: 01.11.2023</p>",
        );
        assert_eq!(m.published.as_deref(), Some("2023-11-01"));
        // An update's date when the page gives no other.
        let m = page("", "<p>Aktualisiert am</p><p>17.01.2021.</p>");
        assert_eq!(m.published.as_deref(), Some("2021-01-17"));
        // A date line right under the headline, or right above it.
        let m = page(
            "",
            "<h1>Elder: From the ghetto to Augusta</h1><p>1. Februar 2022, Daniel Dillenburg</p>",
        );
        assert_eq!(m.published.as_deref(), Some("2022-02-01"));
        let m = page(
            "",
            "<p>21. Jan 2022 // Dominik Ricker</p><h1>Perfect cuts</h1>",
        );
        assert_eq!(m.published.as_deref(), Some("2022-01-21"));
        // Prose mentioning a date does not date the page; nor do words like
        // "published" in a sentence, nor comments.
        let m = page(
            "",
            "<h1>Mail to parliament</h1><p>Ich habe am 12. Mai 2006 eine Mail an alle Abgeordneten geschickt, und zwar mit folgendem Inhalt und vielen Fragen.</p>\
             <p>They published the report on May 3, 2019.</p>\
             <div class=\"comments\"><p>Posted on May 4, 2019</p></div>",
        );
        assert_eq!(m.published, None);
    }

    #[test]
    fn layout_classes_do_not_hide_the_article() {
        let m = page(
            "",
            r#"<div class="right-sidebar"><article class="category-popular-posts">
               <h1 class="entry-title">Talks end</h1><span class="byline">By Jane Doe</span>
               <p>Posted on May 3, 2019</p></article></div>
               <div class="sidebar"><span class="author">By Someone Else</span></div>"#,
        );
        assert_eq!(m.authors, ["Jane Doe"]);
        assert_eq!(m.published.as_deref(), Some("2019-05-03"));
    }

    #[test]
    fn headline_without_kicker_hidden_text_or_site_name() {
        let m = page(
            r#"<meta property="og:title" content="Daten von Rheinmetall gehackt - Interne Unterlagen im Netz">"#,
            r#"<h1><span class="dachzeile">Interne Unterlagen im Netz</span>
               <span class="headline">Daten von Rheinmetall gehackt</span></h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Daten von Rheinmetall gehackt"));
        let m = page(
            "<title>Klimaschutz: Bohren, bis es heiß wird | ZEIT ONLINE</title>",
            r#"<h1><span class="kicker">Klimaschutz</span><span class="visually-hidden">: </span>
               <span>Bohren, bis es heiß wird</span></h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Bohren, bis es heiß wird"));
        // A short headline that is the main part of the <title>.
        let m = page(
            "<title>CDPATH replacements - anarcat</title>",
            "<h1>CDPATH replacements</h1><h1>Shell jumpers</h1>",
        );
        assert_eq!(m.title.as_deref(), Some("CDPATH replacements"));
        // The blog's name is a part of the <title> too, but not its main one.
        let m = page(
            "<title>Silicon Exposed: Open Verilog flow for programmable logic</title>",
            r#"<h1>Silicon Exposed</h1><h3 class="post-title entry-title">Open Verilog flow for programmable logic</h3>"#,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Open Verilog flow for programmable logic")
        );
    }

    #[test]
    fn dates_are_normalised() {
        for (given, want) in [
            ("2021-12-30T18:00:00Z", "2021-12-30T18:00:00Z"),
            ("January 4, 2022", "2022-01-04"),
            ("Jan. 4th, 2022", "2022-01-04"),
            ("4. Januar 2022, 10:15 Uhr", "2022-01-04T10:15"),
            ("04.01.2022", "2022-01-04"),
            ("Tue, 04 Jan 2022 10:00:00 GMT", "2022-01-04T10:00:00Z"),
            ("2022-1-26T14:32:06+02:00", "2022-01-26T14:32:06+02:00"),
            ("2022-01-04 10:00:00 +0100", "2022-01-04 10:00:00 +0100"),
            ("12/30/2021", "2021-12-30"),
            ("30/12/2021", "2021-12-30"),
            ("4 mai 2022", "2022-05-04"),
            ("1er février 2021", "2021-02-01"),
            ("3 de mayo de 2022", "2022-05-03"),
            ("12. März 2021", "2021-03-12"),
        ] {
            assert_eq!(normalize_date(given).as_deref(), Some(want), "{given}");
        }
        for nonsense in ["2022-02-30", "soon", "31.02.2022", "May 2022"] {
            assert_eq!(normalize_date(nonsense), None, "{nonsense}");
        }
    }

    #[test]
    fn byline_words_that_are_not_names() {
        // A date line's label, a credit before a colon, a job title after
        // the name, words of inline elements run together.
        for (body, want) in [
            (
                r#"<p class="author">Stand: 20. April 2020, 14:57 Uhr</p><span class="author">Jane Doe</span>"#,
                vec!["Jane Doe"],
            ),
            (
                r#"<span class="meta-prep-author">Publiziert am</span><span class="author vcard">uriebe</span>"#,
                vec!["uriebe"],
            ),
            (
                r#"<p class="author">Sara Zinnecker Stand: 05.02.2020</p>"#,
                vec!["Sara Zinnecker"],
            ),
            (
                r#"<table><tr><td class="authorbold"><b>Text & Fotos:</b> Ivan Valetny</td></tr></table>"#,
                vec!["Ivan Valetny"],
            ),
            (
                r#"<div class="author-ch"><strong>Christoph Hein</strong><br>Chefredakteur</div>"#,
                vec!["Christoph Hein"],
            ),
            (
                r#"<div class="byline">By Jane Doe, Senior Staff Writer</div>"#,
                vec!["Jane Doe"],
            ),
            (
                r#"<div class="author-info"><a><span>Houzz Deutschland</span></a><span>vor 5 Stunden</span></div>"#,
                vec!["Houzz Deutschland"],
            ),
        ] {
            assert_eq!(page("", body).authors, want, "{body}");
        }
    }

    #[test]
    fn an_organisations_address_is_not_its_authors() {
        let m = page(
            r#"<meta name="author" content="Olympia-Verlag GmbH, Nürnberg, Germany">"#,
            "",
        );
        assert!(m.authors.is_empty(), "{:?}", m.authors);
        let m = page(
            r#"<meta name="author" content="Bayerische Landesanstalt für Wald und Forstwirtschaft">"#,
            "",
        );
        assert!(m.authors.is_empty(), "{:?}", m.authors);
        // A blog's owner as JSON-LD publisher is a person, not the site.
        let m = page(
            r#"<script type="application/ld+json">{"@type": "Article", "headline": "Fish",
                "author": {"@type": ["Person", "Organization"], "name": "Christoph Hein"},
                "publisher": {"@type": ["Person", "Organization"], "name": "Christoph Hein"}}</script>"#,
            "",
        );
        assert_eq!(m.authors, ["Christoph Hein"]);
        assert_eq!(m.site, None);
    }

    #[test]
    fn a_visible_byline_under_the_headline_beats_a_one_word_author() {
        let m = page(
            r#"<title>Gedenktag: Erinnerung mit Stolpersteinen</title><meta name="author" content="L-MAG">"#,
            r#"<h1><i>L-Mag</i></h1><h2>Gedenktag: Erinnerung mit Stolpersteinen</h2>
               <p>Von Claudia Lindner</p><p>27.1.2022 - Bei der Erinnerung an die Verfolgten …</p>"#,
        );
        assert_eq!(m.authors, ["Claudia Lindner"]);
        assert_eq!(m.published.as_deref(), Some("2022-01-27"));
        assert_eq!(
            m.title.as_deref(),
            Some("Gedenktag: Erinnerung mit Stolpersteinen")
        );
        // Without such a byline the stated author stays.
        let m = page(
            r#"<meta name="author" content="jdoe">"#,
            "<h1>Talks end without a deal</h1><p>Some text by nobody in particular.</p>",
        );
        assert_eq!(m.authors, ["jdoe"]);
    }

    #[test]
    fn an_h2_ending_the_title_is_the_headline() {
        let m = page(
            "<title>seelenradio » Nummer zwei: Leo</title>",
            "<h1>seelenradio</h1><h2>Nummer zwei: Leo</h2><h2>Kategorien</h2>",
        );
        assert_eq!(m.title.as_deref(), Some("Nummer zwei: Leo"));
        // A stated title is kept as written.
        let m = page(
            r#"<title>Friday Facts #282 - 0.17 in sight | Factorio</title>
               <meta property="og:title" content="Friday Facts #282 - 0.17 in sight | Factorio">"#,
            "<h2>Factorio</h2>",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Friday Facts #282 - 0.17 in sight | Factorio")
        );
    }

    #[test]
    fn a_time_range_is_not_a_zone() {
        assert_eq!(
            normalize_date("12. März 2021, 10:00-11:30 Uhr").as_deref(),
            Some("2021-03-12T10:00")
        );
        assert_eq!(
            normalize_date("March 4, 2021 10:00-05:00").as_deref(),
            Some("2021-03-04T10:00-05:00")
        );
    }

    #[test]
    fn quotation_marks_follow_the_stated_title() {
        let m = page(
            r#"<meta property="og:title" content="Student dies after pills &quot;burned her up&quot;">"#,
            "<h1>Student dies after pills “burned her up”</h1>",
        );
        assert_eq!(
            m.title.as_deref(),
            Some(r#"Student dies after pills "burned her up""#)
        );
        // An apostrophe inside a word is the headline's own spelling.
        let m = page(
            r#"<meta property="og:title" content="Editor's Letter: bye Baby">"#,
            "<h1>Editor’s Letter: bye Baby</h1>",
        );
        assert_eq!(m.title.as_deref(), Some("Editor’s Letter: bye Baby"));
    }

    #[test]
    fn user_names_with_digits_and_blogger_labels() {
        assert_eq!(names_in("von r23 » 21.01.2009, 05:42", true), ["r23"]);
        assert_eq!(names_in("Posted by Bo2man", true), ["Bo2man"]);
        assert_eq!(names_in("freeman1984", false), ["freeman1984"]);
        // Digits after a space still end the name.
        assert_eq!(names_in("Jane Doe 12. Mai 2022", true), ["Jane Doe"]);
        assert_eq!(names_in("Eingestellt von der Michel", true), ["der Michel"]);
        assert_eq!(names_in("Robert -", true), ["Robert"]);
        assert!(names_in("kj", false).is_empty());
        assert!(names_in("S", false).is_empty());
        assert_eq!(names_in("DT", false), ["DT"]);
        assert_eq!(
            names_in("Redacci&oacute;n Diario Pagina Siete", false),
            ["Redacción Diario Pagina Siete"]
        );
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(
            url_date("https://x.cn/local/2020-02/19/c_1.htm").as_deref(),
            Some("2020-02-19")
        );
        assert_eq!(
            url_date("https://x.de/meldungen/29-10-2021").as_deref(),
            Some("2021-10-29")
        );
        assert_eq!(
            url_date("https://x.com/artikel/bericht_vom_22.04.2020_titel").as_deref(),
            Some("2020-04-22")
        );
        // An id is not a date.
        assert_eq!(url_date("https://x.com/p/1234-56-7890"), None);
    }

    #[test]
    fn the_site_named_as_its_domain_is_cut_off_the_title() {
        let m = page(
            r#"<title>Bielersee-Winterhechte | petri-heil.ch | Dein Schweizer Fischereimagazin</title>
               <link rel="canonical" href="https://www.petri-heil.ch/de/winterhechte">"#,
            "<p>Text</p>",
        );
        assert_eq!(m.title.as_deref(), Some("Bielersee-Winterhechte"));
        // A one-word domain must be the whole part: a headline that uses the
        // word keeps it.
        assert_eq!(
            strip_domain("Die Zeit der Krise | Politik", "zeit"),
            "Die Zeit der Krise | Politik"
        );
        assert_eq!(
            strip_domain("Die Zeit der Krise | ZEIT ONLINE", "zeit"),
            "Die Zeit der Krise"
        );
        assert_eq!(
            domain_name("http://bayrische-bembel.de/a?b").as_deref(),
            Some("bayrische bembel")
        );
    }

    #[test]
    fn the_title_part_the_description_opens_with_is_the_headline() {
        let m = page(
            r#"<title>EFC Bayrische Bembel - Eintracht Frankfurt stellt Weichen - Eintracht Presse</title>
               <meta name="description" content="Eintracht Frankfurt stellt Weichen">"#,
            "<p>Text</p>",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Eintracht Frankfurt stellt Weichen")
        );
        // Without separators the title stays whole.
        assert_eq!(
            described_part(
                "Eintracht Frankfurt stellt Weichen",
                "Eintracht Frankfurt stellt Weichen"
            ),
            None
        );
    }

    #[test]
    fn holds_agrees_with_contains() {
        for hay in ["", "-", "has-sidebar", "wrapper", "x", "hhas", "ha"] {
            for needle in ["", "has", "wrap", "x", "hhas", "as-s", "a"] {
                assert_eq!(
                    holds(hay, needle),
                    hay.contains(needle),
                    "{hay:?} {needle:?}"
                );
            }
        }
    }

    #[test]
    fn contains_any_agrees_with_contains() {
        for hay in [
            "",
            "entry-meta post",
            "mw-body content",
            "byline author-box",
            "x",
        ] {
            for needle in ["entry-meta", "author", "box", "date", "x"] {
                assert_eq!(
                    contains_any(hay, &[(needle, pairs(needle))]),
                    hay.contains(needle),
                    "{hay} {needle}"
                );
            }
        }
    }

    #[test]
    fn drupal_submitted_line_and_piped_dates() {
        let m = page(
            "",
            r#"<h1>Faircoin Hackathon</h1><p>Text</p>
               <div class="submitted">Gespeichert von <span class="username">rasos</span>
               am 24. Juli 2017 - 18:55</div>"#,
        );
        assert_eq!(m.authors, ["rasos"]);
        assert_eq!(m.published.as_deref().map(|d| &d[..10]), Some("2017-07-24"));
        assert_eq!(
            find_date("26 | 01 | 2022 Schweiz | Praxis").as_deref(),
            Some("2022-01-26")
        );
        // A "submitted" line with a date only names nobody.
        let m = page(
            "",
            r#"<h1>Faircoin Hackathon</h1><p>Text</p>
               <footer class="submitted"><span>Freitag 8 Februar 2019</span></footer>"#,
        );
        assert!(m.authors.is_empty());
        let m = page(
            "",
            r#"<h1>Was wir nicht hören wollen</h1><p>Text</p>
               <li class="submitted">Author: <a href="/a">Gàbor Muniér</a>, Datum: 03.Mär.19</li>"#,
        );
        assert_eq!(m.authors, ["Gàbor Muniér"]);
    }

    #[test]
    fn a_date_opening_the_headline_is_not_part_of_it() {
        let m = page(
            r#"<meta property="og:title" content="Das schönste Ende der Welt: Montauk">"#,
            "<h1><span>Jun 17</span> Das schönste Ende der Welt: Montauk</h1><p>Text</p>",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Das schönste Ende der Welt: Montauk")
        );
    }

    #[test]
    fn a_labelled_author_line_is_the_last_resort_byline() {
        // Label and name in one text, fields set apart by spaces.
        let m = page(
            "",
            "<h1>Der historische Purzelbaum</h1><p>Erster Absatz.</p>\
             <p><em>Text von Christian Seiler \u{a0} \u{a0}Illustration von Markus Roost</em></p>",
        );
        assert_eq!(m.authors, ["Christian Seiler"]);
        // A bare label, the name in the next element.
        let m = page(
            "",
            "<h1>Skoda: der lange Weg</h1><p>Erster Absatz.</p>\
             <p><b>Autor: </b>Peter Maahn/SP-X</p>",
        );
        assert_eq!(m.authors, ["Peter Maahn"]);
        // A stated author wins over it.
        let m = page(
            r#"<meta name="author" content="Jane Doe">"#,
            "<h1>Skoda: der lange Weg</h1><p>Erster Absatz.</p><p>Autor: John Roe</p>",
        );
        assert_eq!(m.authors, ["Jane Doe"]);
        // "Text:" before a caption's long text names nobody; "Von" opening a
        // sentence is no label.
        let m = page(
            "",
            "<h1>Mein Motto</h1><p>Von Anfang an war klar, dass es so kommt.</p>\
             <h6>Text: Mein Motto Konsumsparen: Fazit, Erkenntnisse und meine Pläne für 2020</h6>",
        );
        assert!(m.authors.is_empty());
    }

    #[test]
    fn a_date_then_a_name_under_the_headline_is_a_byline() {
        let m = page(
            "",
            r#"<h1>Variablen und ihr Zuhause</h1><p class="muted">11.12.2019 - Amelie Loevenich</p><p>Text</p>"#,
        );
        assert_eq!(m.authors, ["Amelie Loevenich"]);
        assert_eq!(m.published.as_deref().map(|d| &d[..10]), Some("2019-12-11"));
        let m = page(
            "",
            "<h1>Ehe-Zoff eskaliert</h1><p>06.11.2023 13:30 von Olga</p><p>Text</p>",
        );
        assert_eq!(m.authors, ["Olga"]);
        // A date and a sentence is not a byline.
        let m = page(
            "",
            "<h1>Ehe-Zoff eskaliert</h1><p>06.11.2023 - Die Lage in Berlin bleibt ruhig</p><p>Text</p>",
        );
        assert!(m.authors.is_empty());
    }
}
