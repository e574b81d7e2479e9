//! Main-content extraction: which blocks of a page are the article.
//!
//! The method is Readability's, reworked over the flat [`Page`] the walk
//! builds, plus a layer of named page furniture so that every block left out
//! says why:
//!
//! 1. **Furniture by markup.** Elements whose tag (`nav`, `aside`, `footer`,
//!    a page-level `header`), ARIA role or `class`/`id` words say what they
//!    are (comments, related links, share bars, cookie notices, newsletter
//!    boxes, ads, author boxes, sidebars, tags, hidden hints) are set aside
//!    with that reason, unless they hold most of the page's prose (sites that
//!    wrap everything in `<div class="has-sidebar">` exist).
//! 2. **Scoring.** Every paragraph of 25 characters or more gives its
//!    containers points (1, one per comma, up to 3 for length) — its parent in
//!    full, the grandparent half, further ancestors less — on top of a score
//!    for the container's tag and class. Scores are scaled down by link
//!    density. Prose collects under the article's container; menus and link
//!    lists do not score.
//! 3. **The container and its siblings.** The best-scoring container, moved
//!    up when several strong candidates share an ancestor, plus the siblings
//!    that score close to it or are plain paragraphs of prose.
//! 4. **Cleaning inside.** Within the article, lists, tables, forms and
//!    `div`s that are mostly links, inputs or embeds with little text
//!    (Readability's "clean conditionally") and author/date lines go.
//! 5. **Fallback.** If that leaves less than a few hundred characters, the
//!    furniture-by-class rules were probably wrong for this site: run again
//!    without them and keep the longer result. A page where nothing scores
//!    is not an article: every block is kept and the caller says so.
//!
//! Everything is a pass over arrays (the page's elements are in document
//! order, parents before children), so the cost is linear in the page.

use super::boilerplate::{Reason, Runs};
use super::html::{BlockKind, Page, NONE};
use crate::analyze::ner::features::Fnv;
use crate::output::Image;

/// Paragraphs shorter than this (characters) do not score.
const MIN_SCORING_CHARS: usize = 25;
/// An article shorter than this (characters of text) makes the extractor try
/// again without the class-name rules.
const MIN_ARTICLE_CHARS: usize = 500;
/// Blocks at least this long with few links are "prose" when judging whether
/// a furniture-looking element actually holds the article.
const PROSE_CHARS: usize = 80;
/// An author or date line is short.
const MAX_BYLINE_CHARS: usize = 150;
/// A link after the article's last paragraph is a headline or a label.
const MAX_TRAILING_LINK_CHARS: usize = 160;

/// Word patterns in `class`/`id` keys (see `html::class_key`): a leading '-'
/// anchors at a word start, a trailing one at a word end.
#[rustfmt::skip]
const FURNITURE: &[(&str, Reason)] = &[
    ("-kommentar", Reason::Comments), ("-comment-", Reason::Comments), ("-comments", Reason::Comments), ("-commentlist", Reason::Comments),
    ("-comment-list", Reason::Comments), ("-commentary-form", Reason::Comments), ("disqus", Reason::Comments), ("-replies-", Reason::Comments),
    ("-respond-", Reason::Comments), ("-reactions-", Reason::Comments),
    ("-cookie", Reason::CookieNotice), ("-consent", Reason::CookieNotice), ("-gdpr", Reason::CookieNotice),
    ("-cmp-", Reason::CookieNotice), ("onetrust", Reason::CookieNotice), ("-privacy-banner", Reason::CookieNotice),
    ("newsletter", Reason::SubscribePrompt), ("-subscri", Reason::SubscribePrompt),
    ("-signup", Reason::SubscribePrompt), ("-sign-up-", Reason::SubscribePrompt),
    ("paywall", Reason::SubscribePrompt), ("-regwall", Reason::SubscribePrompt),
    ("-share-", Reason::SharePrompt), ("-shares-", Reason::SharePrompt), ("-sharebar", Reason::SharePrompt),
    ("-sharetools", Reason::SharePrompt), ("-share-tools", Reason::SharePrompt), ("-sharing", Reason::SharePrompt), ("-social", Reason::SharePrompt),
    ("addthis", Reason::SharePrompt), ("sociable", Reason::SharePrompt), ("shariff", Reason::SharePrompt),
    ("-related", Reason::RelatedLinks), ("-recommend", Reason::RelatedLinks),
    ("-more-stories", Reason::RelatedLinks), ("-morestories", Reason::RelatedLinks),
    ("-most-read", Reason::RelatedLinks), ("-mostread", Reason::RelatedLinks),
    ("-most-popular", Reason::RelatedLinks), ("-popular-", Reason::RelatedLinks),
    ("-trending", Reason::RelatedLinks), ("-read-next", Reason::RelatedLinks),
    ("-readnext", Reason::RelatedLinks), ("outbrain", Reason::RelatedLinks), ("taboola", Reason::RelatedLinks),
    ("-also-read", Reason::RelatedLinks), ("-more-from", Reason::RelatedLinks),
    ("-next-article", Reason::RelatedLinks), ("-recirc", Reason::RelatedLinks),
    ("-ad-", Reason::Advertisement), ("-ads-", Reason::Advertisement), ("-advert", Reason::Advertisement),
    ("-adslot", Reason::Advertisement), ("-ad-slot", Reason::Advertisement), ("adsense", Reason::Advertisement),
    ("-affiliate", Reason::Advertisement), ("-aawp-disclaimer", Reason::Advertisement),
    ("-disclaimer", Reason::Advertisement), ("-disclosure", Reason::Advertisement),
    ("-dfp-", Reason::Advertisement), ("-sponsor", Reason::Advertisement), ("-promo", Reason::Advertisement),
    ("-ad-container", Reason::Advertisement), ("-adwrap", Reason::Advertisement),
    ("-author-bio", Reason::AuthorBio), ("-about-author", Reason::AuthorBio),
    ("-author-description", Reason::AuthorBio), ("-author-profile", Reason::AuthorBio),
    ("-author-info", Reason::AuthorBio), ("-author-container", Reason::AuthorBio),
    ("-entry-author-info", Reason::AuthorBio), ("-author-tooltip", Reason::AuthorBio), ("saboxplugin", Reason::AuthorBio), ("-abh-", Reason::AuthorBio),
    ("-about-the-author", Reason::AuthorBio), ("-author-box", Reason::AuthorBio),
    ("-authorbox", Reason::AuthorBio), ("-author-card", Reason::AuthorBio), ("-bio-box", Reason::AuthorBio),
    ("breadcrumb", Reason::Breadcrumb),
    ("-nav-", Reason::Navigation), ("-navbar", Reason::Navigation), ("-navigation", Reason::Navigation),
    ("-menu", Reason::Navigation), ("-pagination", Reason::Navigation), ("-pager-", Reason::Navigation),
    ("-skip-link", Reason::Navigation), ("-skiplink", Reason::Navigation), ("-toolbar", Reason::Navigation),
    ("-jump-to", Reason::Navigation), ("-search-form", Reason::Navigation),
    ("-footer", Reason::PageFooter), ("-site-info-", Reason::PageFooter), ("-colophon", Reason::PageFooter),
    ("-masthead", Reason::PageHeader), ("-site-header", Reason::PageHeader), ("-topbar", Reason::PageHeader),
    ("sidebar", Reason::Sidebar), ("-widget", Reason::Sidebar), ("-rail-", Reason::Sidebar),
    ("-aside-", Reason::Sidebar), ("skyscraper", Reason::Sidebar),
    ("-tags-", Reason::Tags), ("-tag-list", Reason::Tags), ("-taglist", Reason::Tags),
    ("-tag-cloud", Reason::Tags), ("-post-tags", Reason::Tags), ("-keywords-", Reason::Tags),
    ("-categories-", Reason::Tags),
    ("-hidden-", Reason::Hidden), ("-sr-only-", Reason::Hidden), ("-visually-hidden", Reason::Hidden),
    ("-visuallyhidden", Reason::Hidden), ("-screen-reader", Reason::Hidden),
    ("-screenreader", Reason::Hidden), ("-offscreen-", Reason::Hidden), ("-print-only-", Reason::Hidden),
    ("-element-invisible-", Reason::Hidden),
    ("-photo-credit", Reason::ImageCredit), ("-image-credit", Reason::ImageCredit),
    ("-img-author-", Reason::ImageCredit), ("-credit-", Reason::ImageCredit), ("-credits-", Reason::ImageCredit),
    ("-legends-", Reason::Gallery), ("-carousel", Reason::Gallery), ("-slideshow", Reason::Gallery),
    ("-modal", Reason::Popup), ("-popup", Reason::Popup), ("-overlay-", Reason::Popup),
];

/// Words that say "this is the content" (Readability's positive class words).
#[rustfmt::skip]
const POSITIVE: &[&str] = &[
    "-article", "-body", "-content", "-entry", "-hentry", "-h-entry", "-main", "-page-", "-post",
    "-text", "-blog", "-story",
];

/// Words that lower a container's score (Readability's negative class words).
#[rustfmt::skip]
const NEGATIVE: &[&str] = &[
    "-ad-", "-hidden-", "-hid-", "banner", "combx", "-comment-", "-comments", "-com-", "-contact", "-footer",
    "gdpr", "masthead", "-media-", "-meta-", "outbrain", "-promo", "-related", "-scroll",
    "-share-", "-sharing", "shoutbox", "sidebar", "skyscraper", "-sponsor", "-shopping", "-tags-", "-widget",
];

/// An author or date line.
#[rustfmt::skip]
const BYLINE: &[&str] = &[
    "-byline", "-author", "-dateline", "-posted-on", "-post-meta", "-entry-meta",
    "-article-meta", "-meta-", "-timestamp", "-date-", "-published", "-pubdate", "-writtenby",
];

/// A list of key patterns, indexed so that a key is checked word by word
/// instead of pattern by pattern: patterns anchored at a word start are
/// looked up by the word's first two letters. (A page has tens of thousands
/// of elements and the furniture list has a hundred and fifty patterns.)
struct Patterns {
    /// Patterns that may match anywhere: (position in the list, pattern).
    anywhere: Vec<(usize, &'static str)>,
    /// Word-start patterns by the two letters after the '-'.
    by_start: std::collections::HashMap<[u8; 2], Vec<(usize, &'static str)>, Fnv>,
}

impl Patterns {
    fn new(list: impl Iterator<Item = &'static str>) -> Patterns {
        let mut p = Patterns {
            anywhere: Vec::new(),
            by_start: std::collections::HashMap::default(),
        };
        for (i, pat) in list.enumerate() {
            let b = pat.as_bytes();
            if b.len() >= 3 && b[0] == b'-' {
                p.by_start.entry([b[1], b[2]]).or_default().push((i, pat));
            } else {
                p.anywhere.push((i, pat));
            }
        }
        p
    }

    /// The position in the list of the first pattern `key` contains
    /// (`runs`: the key's, made once for all the lists).
    fn first(&self, key: &str, runs: &Runs) -> Option<usize> {
        let mut best: Option<usize> = None;
        let better = |best: Option<usize>, i: usize| best.is_none_or(|b| i < b);
        for &(i, pat) in &self.anywhere {
            if better(best, i) && runs.may_hold(pat) && key.contains(pat) {
                best = Some(i);
            }
        }
        let b = key.as_bytes();
        for pos in 0..b.len().saturating_sub(2) {
            if b[pos] != b'-' {
                continue;
            }
            if let Some(list) = self.by_start.get(&[b[pos + 1], b[pos + 2]]) {
                for &(i, pat) in list {
                    if better(best, i) && key[pos..].starts_with(pat) {
                        best = Some(i);
                    }
                }
            }
        }
        best
    }
}

/// The pattern lists, indexed once.
struct Lists {
    furniture: Patterns,
    positive: Patterns,
    negative: Patterns,
    byline: Patterns,
    body: Patterns,
}

fn lists() -> &'static Lists {
    static LISTS: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| Lists {
        furniture: Patterns::new(FURNITURE.iter().map(|(p, _)| *p)),
        positive: Patterns::new(POSITIVE.iter().copied()),
        negative: Patterns::new(NEGATIVE.iter().copied()),
        byline: Patterns::new(BYLINE.iter().copied()),
        body: Patterns::new(["-body", "-content", "-text"].into_iter()),
    })
}

/// What an element's `class`/`id` words say, worked out once per element
/// when the page is walked (the pattern lists are long; pages have tens of
/// thousands of elements).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClassInfo {
    /// The furniture its words name, if any.
    pub furniture: Option<Reason>,
    /// A content word ("article", "entry-content").
    pub positive: bool,
    /// A word Readability counts against a container.
    pub negative: bool,
    /// An author or date line's word.
    pub byline: bool,
    /// A body word that rules out the byline reading ("byline-body").
    pub body: bool,
}

/// Reads an element's key (see `html::class_key`).
pub fn class_info(key: &str) -> ClassInfo {
    if key.len() <= 1 {
        return ClassInfo::default();
    }
    // Drupal's "field--label-hidden" hides a field's label, not the field.
    let unlabelled;
    let key = if key.contains("-label-hidden-") {
        unlabelled = key.replace("-label-hidden-", "-label-");
        unlabelled.as_str()
    } else {
        key
    };
    let l = lists();
    // One filter of the key's runs of three bytes for the five lists.
    let runs = Runs::new(key);
    ClassInfo {
        furniture: l.furniture.first(key, &runs).map(|i| FURNITURE[i].1),
        positive: l.positive.first(key, &runs).is_some(),
        negative: l.negative.first(key, &runs).is_some(),
        byline: l.byline.first(key, &runs).is_some(),
        body: l.body.first(key, &runs).is_some(),
    }
}

/// Readability's class weight: prose containers up, furniture down.
fn class_weight(c: &ClassInfo) -> f64 {
    let mut w = 0.0;
    if c.negative {
        w -= 25.0;
    }
    if c.positive {
        w += 25.0;
    }
    w
}

/// What the blocks under an element add up to.
#[derive(Debug, Default, Clone, Copy)]
struct Agg {
    /// Visible characters (whitespace not counted).
    text: u32,
    link: u32,
    /// Characters of prose: blocks of [`PROSE_CHARS`] or more, few links.
    prose: u32,
    commas: u32,
    paragraphs: u32,
    list_items: u32,
    heading_chars: u32,
    table_rows: u32,
    /// Table cells (`<td>`, `<th>`).
    cells: u32,
    captions: u32,
    /// Prose characters inside list items (teaser lists, threads).
    listed_prose: u32,
    /// Headings that are all link: the titles of a teaser list.
    linked_headings: u32,
    images: u32,
    inputs: u32,
    embeds: u32,
}

impl Agg {
    fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f64 / self.text as f64
        }
    }

    fn add(&mut self, o: &Agg) {
        self.text += o.text;
        self.link += o.link;
        self.prose += o.prose;
        self.commas += o.commas;
        self.paragraphs += o.paragraphs;
        self.list_items += o.list_items;
        self.heading_chars += o.heading_chars;
        self.table_rows += o.table_rows;
        self.captions += o.captions;
        self.cells += o.cells;
        self.listed_prose += o.listed_prose;
        self.linked_headings += o.linked_headings;
        self.images += o.images;
        self.inputs += o.inputs;
        self.embeds += o.embeds;
    }
}

fn visible_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

fn commas(text: &str) -> u32 {
    text.chars()
        .filter(|&c| matches!(c, ',' | '，' | '、' | '،'))
        .count() as u32
}

/// Per-element totals, children folded into parents; elements flagged in
/// `skip` (furniture already set aside) count for nothing.
fn aggregate(page: &Page, skip: Option<&[Option<Reason>]>) -> Vec<Agg> {
    let skipped = |i: usize| skip.is_some_and(|s| s[i].is_some());
    let mut agg: Vec<Agg> = page
        .elements
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if skipped(i) {
                Agg::default()
            } else {
                Agg {
                    cells: matches!(e.tag.as_str(), "td" | "th") as u32,
                    images: e.images,
                    inputs: e.inputs,
                    embeds: e.embeds,
                    ..Agg::default()
                }
            }
        })
        .collect();
    for b in &page.blocks {
        if b.owner == NONE || skipped(b.owner as usize) {
            continue;
        }
        let chars = visible_chars(&b.text) as u32;
        let a = &mut agg[b.owner as usize];
        a.text += chars;
        a.link += b.link_chars.min(chars);
        if chars as usize >= PROSE_CHARS && (b.link_chars as f64) < 0.3 * chars as f64 {
            a.prose += chars;
            if in_list_item(page, b.owner) {
                a.listed_prose += chars;
            }
        }
        if b.kind == BlockKind::Heading && b.link_chars as f64 >= 0.8 * chars as f64 {
            a.linked_headings += 1;
        }
        a.commas += commas(&b.text);
        match b.kind {
            BlockKind::Paragraph | BlockKind::Quote | BlockKind::Code => a.paragraphs += 1,
            BlockKind::ListItem => a.list_items += 1,
            BlockKind::Heading => a.heading_chars += chars,
            BlockKind::TableRow => a.table_rows += 1,
            BlockKind::Caption => a.captions += 1,
        }
    }
    // Children come after their parents: one backward pass folds them up.
    for i in (0..page.elements.len()).rev() {
        let p = page.elements[i].parent;
        if p != NONE {
            let child = agg[i];
            agg[p as usize].add(&child);
        }
    }
    agg
}

/// Whether the rules by class name are used (they are dropped on the retry).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Strict,
    Relaxed,
}

/// Why an element is page furniture, by its tag, role or class words.
fn furniture(
    page: &Page,
    agg: &[Agg],
    i: usize,
    in_article_tag: bool,
    mode: Mode,
) -> Option<Reason> {
    let el = &page.elements[i];
    let by_role = match el.role.as_str() {
        "navigation" | "menu" | "menubar" | "search" => Some(Reason::Navigation),
        "banner" if !in_article_tag => Some(Reason::PageHeader),
        "contentinfo" => Some(Reason::PageFooter),
        "complementary" => Some(Reason::Sidebar),
        "dialog" | "alertdialog" => Some(Reason::Popup),
        _ => None,
    };
    let by_tag = match el.tag.as_str() {
        "nav" => Some(Reason::Navigation),
        "aside" => Some(Reason::Sidebar),
        "footer" => Some(Reason::PageFooter),
        "header" if !in_article_tag && !el.class.positive => Some(Reason::PageHeader),
        "form" if agg[i].text < 1000 => Some(Reason::Clutter),
        _ => None,
    };
    let by_class = el
        .class
        .furniture
        .filter(|_| !matches!(el.tag.as_str(), "html" | "body" | "main" | "article"))
        // A content word beside the furniture word ("entry-content
        // has-comments") wins unless the element is small.
        .filter(|_| !(el.class.positive && agg[i].prose >= 200));
    // A carousel of a few captions belongs to the article; a gallery of
    // dozens is a feature of its own.
    let by_class = by_class.filter(|&r| r != Reason::Gallery || agg[i].prose >= 600);
    // The retry without class rules drops the layout words (a site may call
    // its content column "sidebar-layout") but keeps the ones for furniture
    // that is itself text: comments, teasers, galleries, notices.
    let by_class = by_class.filter(|&r| {
        mode == Mode::Strict
            || matches!(
                r,
                Reason::Comments
                    | Reason::RelatedLinks
                    | Reason::Gallery
                    | Reason::AuthorBio
                    | Reason::CookieNotice
                    | Reason::SubscribePrompt
                    | Reason::SharePrompt
            )
    });
    let reason = by_role.or(by_tag).or(by_class)?;
    // Layout furniture (a sidebar, header, footer, menu, form) never holds
    // most of the page's prose: an element that does is a wrapper with an
    // unlucky tag or class name. Furniture that is itself prose (comments, a
    // gallery's captions, related teasers) can outweigh a short article, so
    // it is not given that benefit of the doubt.
    let total = agg.first().map_or(0, |a| a.prose);
    let holds_article = agg[i].prose >= 1000 && agg[i].prose * 2 > total;
    let wordy = matches!(
        reason,
        Reason::Comments | Reason::Gallery | Reason::RelatedLinks | Reason::AuthorBio
    ) && by_class == Some(reason);
    (!holds_article || wordy).then_some(reason)
}

/// The article's elements (whole subtrees) and each element's furniture
/// reason, for one mode.
struct Choice {
    chosen: Vec<bool>,
    /// Nearest furniture reason at or above each element, stopping at a
    /// chosen element (furniture above the article does not reach into it).
    junk_at: Vec<Option<Reason>>,
    /// Characters of text the choice keeps.
    kept: u32,
    /// Element totals without the furniture.
    agg: Vec<Agg>,
}

fn choose(page: &Page, agg: &[Agg], last_block: &[Option<&str>], mode: Mode) -> Option<Choice> {
    let n = page.elements.len();
    // Forward pass: inside an <article>/<main>? furniture at or above?
    let mut in_article_tag = vec![false; n];
    let mut own_junk: Vec<Option<Reason>> = vec![None; n];
    let mut junk_above: Vec<Option<Reason>> = vec![None; n];
    for i in 0..n {
        let p = page.elements[i].parent;
        let (parent_article, parent_junk) = if p == NONE {
            (false, None)
        } else {
            (in_article_tag[p as usize], junk_above[p as usize])
        };
        in_article_tag[i] =
            parent_article || matches!(page.elements[i].tag.as_str(), "article" | "main");
        own_junk[i] = furniture(page, agg, i, parent_article, mode);
        junk_above[i] = own_junk[i].or(parent_junk);
    }
    // From here on, containers are judged without the furniture inside them.
    let agg = aggregate(page, Some(&junk_above));

    // Scoring.
    let mut scores = vec![f64::NAN; n];
    let init = |i: usize, scores: &mut Vec<f64>| {
        if scores[i].is_nan() {
            let el = &page.elements[i];
            let base = match el.tag.as_str() {
                "div" => 5.0,
                "pre" | "td" | "blockquote" => 3.0,
                "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
                _ => 0.0,
            };
            let weight = if mode == Mode::Strict {
                class_weight(&el.class)
            } else {
                0.0
            };
            scores[i] = base + weight;
        }
    };
    for b in &page.blocks {
        if b.owner == NONE || junk_above[b.owner as usize].is_some() {
            continue;
        }
        let chars = b.text.chars().count();
        // A list item that is a sentence or more of prose is a paragraph of
        // the element holding the list; shorter ones are menus and links.
        let prose_item = b.kind == BlockKind::ListItem
            && chars >= PROSE_CHARS
            && (b.link_chars as f64) < 0.3 * chars as f64;
        if matches!(b.kind, BlockKind::Heading | BlockKind::Caption)
            || (b.kind == BlockKind::ListItem && !prose_item)
        {
            continue;
        }
        if chars < MIN_SCORING_CHARS {
            continue;
        }
        // Many short lines (names in a table, an address, a list set with
        // <br>) are not prose, however many commas they hold.
        let lines = b.text.lines().count();
        if lines >= 4 && chars / lines < 50 {
            continue;
        }
        let mut score = if b.kind == BlockKind::TableRow {
            // A data table's rows are content but not the article's body:
            // their commas are lists, not clauses.
            0.5 * (1.0 + (chars / 100).min(3) as f64)
        } else {
            1.0 + commas(&b.text) as f64 + (chars / 100).min(3) as f64
        };
        // Paragraphs inside list items are galleries, teasers and threads
        // far more often than an article's body.
        if in_list_item(page, b.owner) {
            score *= 0.5;
        }
        let owner = &page.elements[b.owner as usize];
        // A <p> scores its container, and so does a <div> holding only
        // inline content (Readability turns those into paragraphs); text
        // beside blocks in a <div> scores the div.
        let mut at = if prose_item {
            list_container(page, b.owner)
        } else if !owner.has_blocks || matches!(owner.tag.as_str(), "p" | "td" | "pre" | "li") {
            owner.parent
        } else {
            b.owner
        };
        for level in 0..5 {
            if at == NONE || page.elements[at as usize].tag == "html" {
                break;
            }
            init(at as usize, &mut scores);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            scores[at as usize] += score / divider;
            at = page.elements[at as usize].parent;
        }
    }
    for (i, s) in scores.iter_mut().enumerate() {
        if s.is_nan() {
            *s = 0.0;
        } else {
            *s *= 1.0 - agg[i].link_density();
        }
    }
    let mut ranked: Vec<usize> = (0..n).filter(|&i| scores[i] > 0.0).collect();
    ranked.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let &first = ranked.first()?;
    let mut top = first;
    let top_score = scores[top];
    let is_root = |i: usize| matches!(page.elements[i].tag.as_str(), "html" | "body");

    // Several strong candidates under one ancestor: the article is that ancestor.
    let strong: Vec<usize> = ranked[1..ranked.len().min(5)]
        .iter()
        .copied()
        // Items of a list (a live ticker, teasers, a comment thread) are
        // not parts of one article, however well each scores.
        .filter(|&i| scores[i] >= 0.75 * top_score && !in_list_item(page, i as u32))
        .collect();
    if strong.len() >= 3 {
        let mut at = page.elements[top].parent;
        while at != NONE && !is_root(at as usize) {
            let holds = strong
                .iter()
                .filter(|&&c| is_ancestor(page, at, c as u32))
                .count();
            if holds >= 3 {
                top = at as usize;
                break;
            }
            at = page.elements[at as usize].parent;
        }
    }
    // Climb while the parent scores better (the article's wrapper collects the
    // points of several paragraph groups).
    let mut last = scores[top];
    let threshold = last / 3.0;
    let mut at = page.elements[top].parent;
    while at != NONE && !is_root(at as usize) {
        let s = scores[at as usize];
        if s == 0.0 {
            at = page.elements[at as usize].parent;
            continue;
        }
        if s < threshold {
            break;
        }
        if s > last {
            top = at as usize;
            break;
        }
        last = s;
        at = page.elements[at as usize].parent;
    }
    // An only child is its parent's whole content.
    let mut children = vec![0u32; n];
    for e in &page.elements {
        if e.parent != NONE {
            children[e.parent as usize] += 1;
        }
    }
    loop {
        let p = page.elements[top].parent;
        if p == NONE || is_root(p as usize) || children[p as usize] != 1 {
            break;
        }
        top = p as usize;
    }

    let mut chosen = vec![false; n];
    chosen[top] = true;
    // Siblings of the container (Readability's rules), then siblings of its
    // parent and grandparent that are prose (a lead paragraph in the
    // article's header, a body split in two by an advertisement), stopping at
    // the article's own element.
    let threshold = (scores[top] * 0.2).max(10.0);
    let top_key = page.elements[top].key.clone();
    let mut level_top = top;
    for level in 0..3 {
        let parent = page.elements[level_top].parent;
        if parent == NONE || is_root(level_top) || (level > 0 && is_root(parent as usize)) {
            break;
        }
        for s in (0..n).filter(|&s| page.elements[s].parent == parent && s != level_top) {
            if junk_above[s].is_some() || chosen[s] {
                continue;
            }
            let sib = &page.elements[s];
            let a = &agg[s];
            let ld = a.link_density();
            // Prose of its own, not the summaries of a list of other
            // articles (items under linked headlines).
            let own_prose = a.prose - a.listed_prose;
            let prose =
                own_prose >= 80 && a.prose * 2 >= a.text && ld < 0.25 && a.linked_headings < 2;
            // A figure beside the text (the lead image and its caption).
            let figure = (sib.tag == "figure" || a.captions > 0)
                && a.images > 0
                && a.text <= 400
                && ld < 0.2;
            let append = if level > 0 {
                prose || figure
            } else if prose || figure {
                true
            } else {
                let bonus = if sib.key.len() > 2 && sib.key == top_key {
                    scores[top] * 0.2
                } else {
                    0.0
                };
                scores[s] + bonus >= threshold
                    || (sib.tag == "p"
                        && ((a.text > 80 && ld < 0.25)
                            || (a.text > 0
                                && a.text <= 80
                                && ld == 0.0
                                && ends_sentence(last_block, s))))
            };
            chosen[s] = append;
        }
        if matches!(page.elements[level_top].tag.as_str(), "article" | "main")
            || is_root(parent as usize)
        {
            break;
        }
        level_top = parent as usize;
    }
    // Membership and furniture below the chosen elements.
    let mut inside = vec![false; n];
    let mut junk_at: Vec<Option<Reason>> = vec![None; n];
    for i in 0..n {
        let p = page.elements[i].parent;
        let parent_inside = p != NONE && inside[p as usize];
        inside[i] = chosen[i] || parent_inside;
        let parent_junk = if p == NONE { None } else { junk_at[p as usize] };
        junk_at[i] = if chosen[i] {
            None
        } else {
            own_junk[i].or(parent_junk)
        };
    }
    let kept = page
        .blocks
        .iter()
        .filter(|b| {
            b.owner != NONE && inside[b.owner as usize] && junk_at[b.owner as usize].is_none()
        })
        .map(|b| b.text.chars().count() as u32)
        .sum();
    Some(Choice {
        chosen: inside,
        junk_at,

        kept,
        agg,
    })
}

/// The element holding the list that element `i` is in (the parent of the
/// nearest `<ul>`/`<ol>`/`<dl>`), or `i`'s parent when there is none close.
fn list_container(page: &Page, i: u32) -> u32 {
    let mut at = i;
    for _ in 0..4 {
        if at == NONE {
            break;
        }
        let el = &page.elements[at as usize];
        if matches!(el.tag.as_str(), "ul" | "ol" | "dl") {
            return el.parent;
        }
        at = el.parent;
    }
    page.elements[i as usize].parent
}

/// Whether element `i` sits in an `<li>` (looking a few levels up).
fn in_list_item(page: &Page, mut i: u32) -> bool {
    for _ in 0..4 {
        if i == NONE {
            return false;
        }
        let el = &page.elements[i as usize];
        if el.tag == "li" {
            return true;
        }
        i = el.parent;
    }
    false
}

fn is_ancestor(page: &Page, anc: u32, mut node: u32) -> bool {
    while node != NONE {
        if node == anc {
            return true;
        }
        node = page.elements[node as usize].parent;
    }
    false
}

/// The text of the last block each element owns directly, if any.
fn last_blocks(page: &Page) -> Vec<Option<&str>> {
    let mut last: Vec<Option<&str>> = vec![None; page.elements.len()];
    for b in &page.blocks {
        if b.owner != NONE {
            last[b.owner as usize] = Some(&b.text);
        }
    }
    last
}

/// Whether the last block owned by element `i` ends a sentence.
fn ends_sentence(last_block: &[Option<&str>], i: usize) -> bool {
    last_block[i].is_some_and(|t| t.trim_end().ends_with(['.', '!', '?', '"', '”']))
}

/// Readability's "clean conditionally": containers inside the article that
/// are mostly links, inputs, images or embeds and little prose.
fn is_clutter(
    page: &Page,
    agg: &[Agg],
    last_block: &[Option<&str>],
    i: usize,
    in_figure: bool,
    mode: Mode,
) -> bool {
    let el = &page.elements[i];
    if !matches!(
        el.tag.as_str(),
        "form" | "fieldset" | "table" | "ul" | "ol" | "div" | "section" | "dl"
    ) {
        return false;
    }
    let a = &agg[i];
    // A <div> holding only a sentence is a paragraph (Readability turns
    // such divs into <p> before cleaning): a short line of dialogue is not an
    // empty widget, though a short label ("Source: Reuters") may be.
    if !el.has_blocks
        && matches!(el.tag.as_str(), "div" | "section")
        && last_block[i].is_some_and(|t| t.trim_end().ends_with(['.', '!', '?', '"', '”', '…']))
    {
        return false;
    }
    // A data table (rows of cells, not a list of links), or a container
    // holding one, is content, whatever its cells hold.
    if (a.table_rows >= 2 || a.cells >= 4) && a.link_density() < 0.5 {
        return false;
    }
    // Mostly prose: the article's own wrapper, whatever its class says.
    if a.prose >= 300 && 3 * a.prose >= a.text && a.link_density() < 0.25 {
        return false;
    }
    let weight = if mode == Mode::Strict {
        class_weight(&el.class)
    } else {
        0.0
    };
    // Readability adds the container's own score here, but as 0: a list's
    // tag score (-3) must not condemn it.
    if weight < 0.0 {
        return true;
    }
    if a.commas >= 10 {
        return false;
    }
    let p = a.paragraphs as f64;
    let img = a.images as f64;
    let li = a.list_items as f64 - 100.0;
    let is_list = matches!(el.tag.as_str(), "ul" | "ol" | "dl")
        || (a.text > 0 && a.list_items > 0 && a.heading_chars == 0 && a.paragraphs == 0);
    let len = a.text as f64;
    let heading_density = if a.text == 0 {
        0.0
    } else {
        a.heading_chars as f64 / len
    };
    let ld = a.link_density();
    let rules = [
        // More images than paragraphs: a gallery or a strip of thumbnails.
        img > 1.0 && p / img < 0.5 && !in_figure && len < 100.0 * img && a.prose < 100,
        // More list items than paragraphs outside a list.
        !is_list && li > p,
        // A form.
        a.inputs as f64 > (p / 3.0).floor(),
        // Next to nothing but an image or three.
        !is_list && heading_density < 0.9 && len < 25.0 && (img == 0.0 || img > 2.0) && !in_figure,
        // Mostly links.
        !is_list && weight < 25.0 && ld > 0.2 && !(a.prose >= 150 && ld < 0.35),
        weight >= 25.0 && ld > 0.5,
        // Embedded frames with little text around them.
        a.embeds == 1 && len < 75.0,
        a.embeds > 1 && len < 500.0,
    ];
    rules.iter().any(|&r| r)
}

/// Marks every block that is not the article with why. Returns false when no
/// part of the page reads like an article (every block is then kept).
pub fn select(page: &mut Page) -> bool {
    if page.elements.is_empty() || page.blocks.is_empty() {
        return false;
    }
    let agg = aggregate(page, None);
    let last_block = last_blocks(page);
    let strict = choose(page, &agg, &last_block, Mode::Strict);
    let (choice, mode) = match strict {
        Some(c) if c.kept as usize >= MIN_ARTICLE_CHARS => (c, Mode::Strict),
        other => match (other, choose(page, &agg, &last_block, Mode::Relaxed)) {
            (Some(s), Some(r)) if r.kept > s.kept => (r, Mode::Relaxed),
            (Some(s), _) => (s, Mode::Strict),
            (None, Some(r)) => (r, Mode::Relaxed),
            (None, None) => return false,
        },
    };
    if choice.kept == 0 {
        return false;
    }
    // Clutter inside the article: a forward pass, so a removed container's
    // subtree goes with it.
    let n = page.elements.len();
    let mut clutter = vec![false; n];
    let mut in_figure = vec![false; n];
    // Inside a data table nothing is clutter (Readability's rule too): a
    // cell's short text is data, not an empty widget.
    let mut in_table = vec![false; n];
    for i in 0..n {
        let p = page.elements[i].parent;
        let (pc, pf, pt) = if p == NONE {
            (false, false, false)
        } else {
            (
                clutter[p as usize],
                in_figure[p as usize],
                in_table[p as usize],
            )
        };
        in_figure[i] = pf || page.elements[i].tag == "figure";
        let a = &choice.agg[i];
        let data_table = page.elements[i].tag == "table" && a.cells >= 4 && a.link_density() < 0.5;
        in_table[i] = pt || data_table;
        let strictly_inside = choice.chosen[i] && p != NONE && choice.chosen[p as usize];
        clutter[i] = pc
            || (strictly_inside
                && !pt
                && is_clutter(page, &choice.agg, &last_block, i, in_figure[i], mode));
    }
    for b in &mut page.blocks {
        if b.owner == NONE {
            b.removal = Some(Reason::OutsideArticle);
            continue;
        }
        let o = b.owner as usize;
        b.removal = if let Some(r) = choice.junk_at[o] {
            Some(r)
        } else if !choice.chosen[o] {
            Some(Reason::OutsideArticle)
        } else if clutter[o] {
            Some(Reason::Clutter)
        } else {
            None
        };
    }
    page.in_article = (0..n)
        .map(|i| choice.chosen[i] && choice.junk_at[i].is_none() && !clutter[i])
        .collect();
    mark_bylines(page, &choice.chosen);
    drop_trailing_links(page);
    keep_headline(page);
    drop_orphan_headings(page);
    true
}

/// After the article's last paragraph of prose, short blocks that are all
/// link are where it points elsewhere ("Read the report here", the title of
/// a related story, "All press releases"), not more of it. Headings are left
/// to [`drop_orphan_headings`], table rows and list items to the list rules.
fn drop_trailing_links(page: &mut Page) {
    let prose = |b: &super::html::HtmlBlock| {
        let chars = b.text.chars().count();
        b.removal.is_none()
            && matches!(b.kind, BlockKind::Paragraph | BlockKind::Quote)
            && chars >= PROSE_CHARS
            && (b.link_chars as f64) < 0.3 * visible_chars(&b.text) as f64
    };
    let Some(last) = page.blocks.iter().rposition(prose) else {
        return;
    };
    for b in &mut page.blocks[last + 1..] {
        let chars = visible_chars(&b.text);
        let linked = chars > 0 && b.link_chars as usize * 10 >= chars * 9;
        if b.removal.is_none()
            && b.kind == BlockKind::Paragraph
            && linked
            && b.text.chars().count() <= MAX_TRAILING_LINK_CHARS
        {
            // What the text rules would call it, if they know ("Sign up for
            // our newsletter"), else a link to elsewhere.
            b.removal =
                Some(super::boilerplate::classify_block(&b.text).unwrap_or(Reason::RelatedLinks));
        }
    }
}

/// A heading whose section was all taken out ("Related stories" over a
/// removed list, "Comments" over a removed thread) goes with it: a heading
/// followed, before the next kept heading or the end, only by removed blocks.
fn drop_orphan_headings(page: &mut Page) {
    let n = page.blocks.len();
    let mut next_kept = vec![usize::MAX; n + 1];
    for i in (0..n).rev() {
        next_kept[i] = if page.blocks[i].removal.is_none() {
            i
        } else {
            next_kept[i + 1]
        };
    }
    for i in 0..n {
        let b = &page.blocks[i];
        if b.removal.is_some() || b.kind != BlockKind::Heading {
            continue;
        }
        let j = next_kept[i + 1];
        // (An advertisement or a photo credit between a heading and its
        // text does not make the heading an orphan.)
        let removed_between = i + 1 < n
            && !matches!(
                page.blocks[i + 1].removal,
                None | Some(Reason::Advertisement | Reason::ImageCredit | Reason::Byline)
            );
        let orphan =
            removed_between && (j == usize::MAX || page.blocks[j].kind == BlockKind::Heading);
        if orphan {
            page.blocks[i].removal = page.blocks[i + 1].removal;
        }
    }
}

/// The article's headline is part of its text (as in a pasted article): the
/// last `<h1>` before the first kept block, if it sits within a few levels of
/// the article's container and is not furniture of its own.
fn keep_headline(page: &mut Page) {
    let Some(first) = page.blocks.iter().position(|b| b.removal.is_none()) else {
        return;
    };
    let first_owner = page.blocks[first].owner;
    let Some(h) = page.blocks[..first].iter().rposition(|b| {
        b.kind == BlockKind::Heading
            && b.owner != NONE
            && page.elements[b.owner as usize].tag == "h1"
            && matches!(
                b.removal,
                Some(Reason::OutsideArticle) | Some(Reason::PageHeader)
            )
    }) else {
        return;
    };
    // The headline and the article share an ancestor close to both.
    let near = |mut i: u32, levels: usize| {
        let mut out = Vec::with_capacity(levels);
        for _ in 0..levels {
            if i == NONE {
                break;
            }
            out.push(i);
            i = page.elements[i as usize].parent;
        }
        out
    };
    let above_first = near(first_owner, 6);
    let shares = near(page.blocks[h].owner, 4).iter().any(|a| {
        above_first.contains(a)
            && !matches!(page.elements[*a as usize].tag.as_str(), "body" | "html")
    });
    if shares && page.blocks[h].text.chars().count() <= 300 {
        page.blocks[h].removal = None;
    }
    keep_lead(page, h, first);
}

/// Between the headline and the body, prose is the article's lead (the
/// standfirst a site sets in its header, apart from the body's container):
/// sentences of some length, few links, not page furniture by any name.
fn keep_lead(page: &mut Page, headline: usize, first: usize) {
    // A page header's whole menu between the two means they are not near.
    if first - headline > 30 {
        return;
    }
    for b in &mut page.blocks[headline + 1..first] {
        let chars = b.text.chars().count();
        let prose = b.kind == BlockKind::Paragraph
            && chars >= 60
            && (b.link_chars as f64) < 0.2 * chars as f64
            && b.text
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”', '…', ')']);
        if prose && matches!(b.removal, Some(Reason::OutsideArticle | Reason::PageHeader)) {
            b.removal = None;
        }
    }
}

/// Author and date lines inside the article: short blocks in an element whose
/// class says so, or a "By Jane Doe" line among the first blocks. After the
/// article's last block of its own, longer text in such an element is the
/// box about the author ("Martin has worked as…", a plea for a coffee).
fn mark_bylines(page: &mut Page, chosen: &[bool]) {
    let n = page.blocks.len();
    // Whether each block sits in an author or date element of the article
    // (or, just outside it, one whose class says so).
    let mut by_class = vec![false; n];
    for (bi, b) in page.blocks.iter().enumerate() {
        let inside = match b.removal {
            None => true,
            Some(Reason::OutsideArticle) => false,
            Some(_) => continue,
        };
        let mut at = b.owner;
        for _ in 0..4 {
            if at == NONE || (inside && !chosen[at as usize]) {
                break;
            }
            let el = &page.elements[at as usize];
            if el.class.byline && !el.class.body {
                by_class[bi] = true;
                break;
            }
            at = el.parent;
        }
    }
    // The article's last block that is not about its author.
    let last_own = (0..n)
        .rev()
        .find(|&i| page.blocks[i].removal.is_none() && !by_class[i]);
    let mut seen = 0usize;
    for (bi, (b, &named)) in page.blocks.iter_mut().zip(&by_class).enumerate() {
        let inside = match b.removal {
            None => true,
            // Just outside the container: still the article's author line
            // when its class says so.
            Some(Reason::OutsideArticle) => false,
            Some(_) => continue,
        };
        if inside {
            seen += 1;
        }
        let chars = b.text.chars().count();
        if inside && named && last_own.is_some_and(|l| bi > l) && chars > MAX_BYLINE_CHARS {
            b.removal = Some(Reason::AuthorBio);
            continue;
        }
        if chars > MAX_BYLINE_CHARS || b.kind == BlockKind::Heading {
            continue;
        }
        // A date line that says what the date is ("Updated 5 March 2024",
        // "Stand: 05.02.2020") is the article's metadata wherever it stands.
        let by_line = inside
            && ((seen <= 6 && (looks_like_byline(&b.text) || is_dateline(&b.text)))
                || (is_dateline(&b.text) && has_date_label(&b.text)));
        if named || by_line {
            b.removal = Some(Reason::Byline);
        }
    }
}

/// A line that is only a date (and maybe a time): "5 March 2024",
/// "March 5, 2024 10:02 am", "05.03.2024", "Updated 2024-03-05".
fn is_dateline(text: &str) -> bool {
    let t = text.trim();
    if t.chars().count() > 48 || t.split_whitespace().count() > 8 {
        return false;
    }
    let year = t
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    if !year {
        return false;
    }
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        "januar", "februar", "märz", "mai", "juni", "juli", "okt", "dez", "janv", "févr", "mars",
        "avr", "juin", "juil", "août", "déc", "ene", "abr", "ago", "dic",
    ];
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let month = words
        .iter()
        .any(|w| MONTHS.iter().any(|m| w.starts_with(m)));
    // Every word is a month, a weekday, a time word or a date label.
    const OTHER: &[&str] = &[
        "am",
        "pm",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "est",
        "edt",
        "pst",
        "pdt",
        "et",
        "updated",
        "published",
        "posted",
        "on",
        "at",
        "last",
        "modified",
        "aktualisiert",
        "am",
        "um",
        "uhr",
        "veröffentlicht",
        "stand",
        "le",
        "publié",
        "mis",
        "à",
        "jour",
        "de",
        "del",
        "el",
        "publicado",
        "actualizado",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let only_date_words = words
        .iter()
        .all(|w| OTHER.contains(w) || MONTHS.iter().any(|m| w.starts_with(m)));
    let numeric = t.contains(['.', '/', '-']) && words.iter().all(|w| OTHER.contains(w));
    (month || numeric) && only_date_words
}

/// A date line that opens with what the date is.
fn has_date_label(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "updated",
        "last updated",
        "published",
        "posted",
        "last modified",
        "aktualisiert",
        "zuletzt aktualisiert",
        "veröffentlicht",
        "stand",
        "publié",
        "mis à jour",
        "actualizado",
        "publicado",
    ];
    let lower = text.trim().to_lowercase();
    LABELS.iter().any(|l| {
        lower
            .strip_prefix(l)
            .is_some_and(|rest| rest.starts_with([' ', ':', ',']))
    })
}

/// "By Jane Doe", "By JANE DOE and John Roe | Reuters".
fn looks_like_byline(text: &str) -> bool {
    let t = text.trim();
    let Some(rest) = t
        .strip_prefix("By ")
        .or_else(|| t.strip_prefix("BY "))
        .or_else(|| t.strip_prefix("by "))
    else {
        return false;
    };
    t.chars().count() <= 100
        && rest.split_whitespace().count() <= 12
        && rest.chars().next().is_some_and(char::is_uppercase)
        && !t.ends_with(['.', '?', '!'])
}

/// Images inside the article (not in furniture or clutter within it),
/// addresses made absolute against the page's URL where it is known
/// ("//cdn…" and "/img/…" forms).
pub fn article_images(page: &Page, base: Option<&str>) -> Vec<Image> {
    let kept = &page.in_article;
    let origin = base.and_then(|b| {
        let scheme_end = b.find("://")?;
        let host_end = b[scheme_end + 3..]
            .find('/')
            .map_or(b.len(), |i| scheme_end + 3 + i);
        Some((&b[..scheme_end], &b[..host_end]))
    });
    let mut out: Vec<Image> = Vec::new();
    for (owner, image) in &page.images {
        if !kept.get(*owner as usize).copied().unwrap_or(false) {
            continue;
        }
        let mut image = image.clone();
        if let Some((scheme, origin)) = origin {
            if image.src.starts_with("//") {
                image.src = format!("{scheme}:{}", image.src);
            } else if image.src.starts_with('/') {
                image.src = format!("{origin}{}", image.src);
            }
        }
        if !out.iter().any(|i| i.src == image.src) {
            out.push(image);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::input::boilerplate::Reason;
    use crate::input::html::BlockKind;
    use crate::{analyze, Analysis, InputKind, Options};

    fn run(html: &str) -> Analysis {
        analyze(
            html,
            &Options {
                kind: InputKind::Html,
                ..Options::default()
            },
        )
        .unwrap()
    }

    fn para(n: usize, topic: &str) -> String {
        format!(
            "<p>{topic} paragraph {n}: the council met on Tuesday, and after a long debate, \
             members agreed to fund the new bridge, which engineers say will take two years to build.</p>"
        )
    }

    fn reason_of(a: &Analysis, needle: &str) -> Option<Reason> {
        a.removed
            .iter()
            .find(|r| r.text.contains(needle))
            .map(|r| r.reason)
    }

    /// A page with everything around the article a news site has.
    fn news_page() -> String {
        format!(
            r##"<html><body class="single has-sidebar">
            <header class="site-header"><a href="/">The Daily Example</a><p>News you can use</p></header>
            <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
            <div class="container"><main>
              <article>
                <h1>Council funds the new bridge</h1>
                <p class="byline">By Jane Doe</p>
                <div class="article-body">{}{}{}
                  <ul class="related-links"><li><a href="/a">Mayor opens the old bridge</a></li>
                    <li><a href="/b">Traffic on the ring road</a></li></ul>
                  {}
                </div>
                <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
              </article>
              <section id="comments"><h3>3 comments</h3>
                <p>Reader one: I have waited for this bridge for years, and I am glad the council finally agreed on it.</p>
                <p>Reader two: What a waste of money, the old bridge is fine, and the council should fix the roads first.</p>
              </section>
            </main>
            <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/c">Storm hits coast</a></li></ul></aside>
            </div>
            <footer><p>Contact us</p><p>© 2024 The Daily Example</p></footer>
            <div class="cookie-banner">We use cookies to improve your experience on our site.</div>
            </body></html>"##,
            para(1, "First"),
            para(2, "Second"),
            para(3, "Third"),
            para(4, "Fourth"),
        )
    }

    #[test]
    fn the_article_and_only_the_article() {
        let a = run(&news_page());
        let paragraphs: Vec<&str> = a
            .paragraphs
            .iter()
            .map(|p| a.slice(p.start, p.end).unwrap())
            .collect();
        assert_eq!(paragraphs.len(), 5, "{paragraphs:#?}");
        assert_eq!(paragraphs[0], "Council funds the new bridge");
        assert!(paragraphs[1].starts_with("First paragraph 1"));
        assert!(paragraphs[4].starts_with("Fourth paragraph 4"));
        assert_eq!(reason_of(&a, "Home World Sport"), Some(Reason::Navigation));
        assert_eq!(reason_of(&a, "Reader one"), Some(Reason::Comments));
        assert_eq!(reason_of(&a, "Mayor opens"), Some(Reason::RelatedLinks));
        assert_eq!(reason_of(&a, "Facebook"), Some(Reason::SharePrompt));
        assert_eq!(reason_of(&a, "By Jane Doe"), Some(Reason::Byline));
        // In the sidebar, under a "Most read" heading: the text rules name it.
        assert_eq!(
            reason_of(&a, "Storm hits coast"),
            Some(Reason::RelatedLinks)
        );
        assert_eq!(reason_of(&a, "Most read"), Some(Reason::RelatedLinks));
        assert_eq!(reason_of(&a, "We use cookies"), Some(Reason::CookieNotice));
        assert_eq!(reason_of(&a, "© 2024"), Some(Reason::Copyright));
        assert_eq!(reason_of(&a, "The Daily Example"), Some(Reason::PageHeader));
        assert!(!a.notices.iter().any(|n| n.kind == "no_main_content"));
        // Every removed block can be put back where it stood.
        let block = a
            .removed
            .iter()
            .find(|r| r.text.contains("Reader one"))
            .unwrap()
            .block;
        let restored = analyze(
            &news_page(),
            &Options {
                kind: InputKind::Html,
                keep: vec![block],
                ..Options::default()
            },
        )
        .unwrap();
        assert!(restored.text.contains("Reader one"));
        assert!(restored.text.find("Reader one") > restored.text.find("Fourth paragraph"));
    }

    #[test]
    fn a_long_comment_thread_does_not_win_over_a_short_article() {
        let comments: String = (0..12).map(|n| para(n, "Comment")).collect();
        let page = format!(
            r#"<body><div class="post"><div class="entry-content">{}{}</div></div>
            <div class="comments-area"><ol class="comment-list"><li>{comments}</li></ol></div></body>"#,
            para(1, "Story"),
            para(2, "Story")
        );
        let a = run(&page);
        assert!(a.text.contains("Story paragraph 1"));
        assert!(a.text.contains("Story paragraph 2"));
        assert!(!a.text.contains("Comment paragraph"), "{}", a.text);
        assert_eq!(reason_of(&a, "Comment paragraph 3"), Some(Reason::Comments));
    }

    #[test]
    fn a_wrapper_with_a_furniture_class_still_holds_the_article() {
        // Layout classes that name furniture ("sidebar-layout", a <form> that
        // wraps the page, as old ASP.NET sites do) must not hide the article.
        let body: String = (0..6).map(|n| para(n, "Story")).collect();
        for wrap in [
            r#"<div class="layout-with-sidebar">"#,
            r#"<form id="aspnetForm" method="post">"#,
            r#"<div id="page-footer-wrap">"#,
        ] {
            let close = if wrap.starts_with("<form") {
                "</form>"
            } else {
                "</div>"
            };
            let a = run(&format!("<body>{wrap}<div>{body}</div>{close}</body>"));
            assert_eq!(a.paragraphs.len(), 6, "{wrap}: {}", a.text);
        }
    }

    #[test]
    fn a_lead_paragraph_beside_the_body_is_kept() {
        let page = format!(
            r#"<body><article><header><h1>Bridge funded</h1>
            <p class="standfirst">The council agreed on Tuesday to pay for a new bridge across the river, ending a decade of debate.</p></header>
            <div class="body">{}{}{}</div></article>
            <div class="teasers"><h3><a href="/x">Other story one</a></h3><p>A summary of another story that runs on for a while, with commas, and more.</p>
            <h3><a href="/y">Other story two</a></h3><p>Yet another summary of a different story, which also runs on, and on, at length.</p></div></body>"#,
            para(1, "Body"),
            para(2, "Body"),
            para(3, "Body"),
        );
        let a = run(&page);
        assert!(a.text.contains("ending a decade of debate"), "{}", a.text);
        assert!(a.text.contains("Body paragraph 3"));
        assert!(!a.text.contains("Other story"), "{}", a.text);
    }

    #[test]
    fn a_page_that_is_not_an_article_keeps_its_text_and_says_so() {
        let a = run(
            r#"<body><h1>Index</h1><ul><li><a href="/1">One</a></li><li><a href="/2">Two</a></li>
            <li><a href="/3">Three</a></li></ul><p>Short.</p></body>"#,
        );
        assert!(a.notices.iter().any(|n| n.kind == "no_main_content"));
        assert!(a.text.contains("Index"));
        assert!(a.text.contains("Short."));
    }

    #[test]
    fn link_lists_inside_the_article_go_data_tables_stay() {
        let page = format!(
            r#"<body><div class="story">{}{}
            <div class="inline-links"><a href="/1">Budget row: how the money is spent</a> <a href="/2">Who voted for the bridge</a> <a href="/3">Timeline of the debate</a></div>
            <table><tr><th>Year</th><th>Cost</th></tr><tr><td>2024</td><td>$4m</td></tr><tr><td>2025</td><td>$6m</td></tr></table>
            {}</div></body>"#,
            para(1, "Body"),
            para(2, "Body"),
            para(3, "Body")
        );
        let a = run(&page);
        assert_eq!(reason_of(&a, "Who voted"), Some(Reason::Clutter));
        assert!(a.text.contains("2024 | $4m"), "{}", a.text);
        let kinds: Vec<BlockKind> = a.paragraphs.iter().map(|p| p.kind).collect();
        assert!(kinds.contains(&BlockKind::TableRow));
    }

    #[test]
    fn a_ticker_of_list_items_beside_the_article_is_not_part_of_it() {
        // Each ticker item scores nearly as well as the article; being items
        // of a list, they do not pull the choice up to the page's wrapper.
        let items: String = (0..6)
            .map(|n| format!("<li class=\"item\"><span>14:{n}0</span><div class=\"item-content\">{}</div></li>", para(n, "Ticker")))
            .collect();
        let page = format!(
            r#"<body><div class="wrapper"><div class="main"><article><div class="story-text">{}{}</div></article></div>
            <div class="live"><ul>{items}</ul></div></div></body>"#,
            para(1, "Story"),
            para(2, "Story"),
        );
        let a = run(&page);
        assert!(a.text.contains("Story paragraph 2"), "{}", a.text);
        assert!(!a.text.contains("Ticker paragraph"), "{}", a.text);
    }

    #[test]
    fn a_heading_over_a_removed_section_goes_with_it() {
        let page = format!(
            r#"<body><article>{}<h2>The budget</h2><div class="ad-slot">Advertisement</div>{}{}
            <h2>More from the Courier</h2><div class="related-stories"><ul><li><a href="/a">Ferry fares rise</a></li>
            <li><a href="/b">Dredging delayed</a></li></ul></div></article></body>"#,
            para(1, "Body"),
            para(2, "Body"),
            para(3, "Body")
        );
        let a = run(&page);
        assert!(a.text.contains("The budget"), "{}", a.text);
        assert!(!a.text.contains("More from the Courier"), "{}", a.text);
        assert_eq!(
            reason_of(&a, "More from the Courier"),
            Some(Reason::RelatedLinks)
        );
    }

    #[test]
    fn structure_is_kept_as_paragraph_kinds() {
        let page = format!(
            r#"<body><article><h2>What was agreed</h2>{}
            <ul><li>A bridge of four lanes, two for buses and two for cars, opening in spring of next year.</li></ul>
            <blockquote><p>This is the most important decision the council has taken in a generation.</p></blockquote>
            <pre>cost = 10_000_000</pre>
            <figure><img src="/img/bridge.jpg" alt="The river"><figcaption>The river where the bridge will stand.</figcaption></figure>
            {}</article></body>"#,
            para(1, "Body"),
            para(2, "Body")
        );
        let a = run(&page);
        let kind_of = |needle: &str| {
            a.paragraphs
                .iter()
                .find(|p| a.slice(p.start, p.end).unwrap().contains(needle))
                .map(|p| p.kind)
        };
        assert_eq!(kind_of("What was agreed"), Some(BlockKind::Heading));
        assert_eq!(kind_of("four lanes"), Some(BlockKind::ListItem));
        assert_eq!(kind_of("in a generation"), Some(BlockKind::Quote));
        assert_eq!(kind_of("cost = "), Some(BlockKind::Code));
        assert_eq!(kind_of("where the bridge"), Some(BlockKind::Caption));
        assert_eq!(kind_of("Body paragraph 1"), Some(BlockKind::Paragraph));
    }

    #[test]
    fn images_of_the_article_are_listed_as_addresses() {
        let page = format!(
            r#"<html><head><link rel="canonical" href="https://news.example/a/b"></head><body>
            <div class="logo"><img src="/logo.png" alt="Logo"></div>
            <article>{}<img src="/img/one.jpg" alt="A bridge"><img src="//cdn.example/two.jpg">
            <img src="data:image/gif;base64,R0lGOD" data-src="https://cdn.example/lazy.jpg">{}</article>
            <aside class="sidebar"><img src="/ad.png"></aside></body></html>"#,
            para(1, "Body"),
            para(2, "Body")
        );
        let a = run(&page);
        let srcs: Vec<&str> = a.images.iter().map(|i| i.src.as_str()).collect();
        assert_eq!(
            srcs,
            [
                "https://news.example/img/one.jpg",
                "https://cdn.example/two.jpg",
                "https://cdn.example/lazy.jpg"
            ]
        );
        assert_eq!(a.images[0].alt.as_deref(), Some("A bridge"));
    }

    #[test]
    fn links_after_the_last_paragraph_go_and_links_between_stay() {
        let html = format!(
            r#"<body><article><div class="story">{}{}
              <p><a href="/video">Watch the council's vote</a></p>{}{}
              <p><a href="/b">Mayor opens the old bridge to cyclists</a></p>
              <p><a href="/press">All press releases of the city</a></p>
            </div></article></body>"#,
            para(1, "First"),
            para(2, "Second"),
            para(3, "Third"),
            para(4, "Fourth"),
        );
        let a = run(&html);
        assert!(a.text.contains("Fourth paragraph 4"), "{}", a.text);
        assert!(a.text.contains("Watch the council's vote"), "{}", a.text);
        assert!(!a.text.contains("Mayor opens"), "{}", a.text);
        assert!(!a.text.contains("All press releases"), "{}", a.text);
        assert_eq!(reason_of(&a, "Mayor opens"), Some(Reason::RelatedLinks));
        // A sentence with a link in it is not a link.
        let html = format!(
            r#"<body><article><div class="story">{}{}{}{}
              <p>The full report is <a href="/r">on the city's website</a>.</p>
            </div></article></body>"#,
            para(1, "First"),
            para(2, "Second"),
            para(3, "Third"),
            para(4, "Fourth"),
        );
        assert!(run(&html)
            .text
            .contains("The full report is on the city's website."));
    }

    #[test]
    fn a_labelled_date_line_goes_anywhere_in_the_article() {
        let html = format!(
            r#"<body><article><div class="story">{}{}{}{}{}{}{}
              <p>Aktualisiert am 17.01.2021.</p><p>5 March 2024</p>
            </div></article></body>"#,
            para(1, "First"),
            para(2, "Second"),
            para(3, "Third"),
            para(4, "Fourth"),
            para(5, "Fifth"),
            para(6, "Sixth"),
            para(7, "Seventh"),
        );
        let a = run(&html);
        assert_eq!(reason_of(&a, "Aktualisiert am"), Some(Reason::Byline));
        // An unlabelled date this far down may be the article's own line.
        assert!(a.text.contains("5 March 2024"), "{}", a.text);
    }

    #[test]
    fn disclaimers_and_disclosures_by_class_go() {
        let html = format!(
            r#"<body><article><div class="entry">{}{}{}{}
              <p class="disclosure-text">We recommend the best products through an independent review process, and advertisers do not influence our picks.</p>
              <div class="editorial-disclaimer"><p>NOTE: The advertising disclaimer below does not apply to this article.</p></div>
            </div></article></body>"#,
            para(1, "First"),
            para(2, "Second"),
            para(3, "Third"),
            para(4, "Fourth"),
        );
        let a = run(&html);
        assert!(a.text.contains("Fourth paragraph 4"), "{}", a.text);
        assert!(!a.text.contains("independent review"), "{}", a.text);
        assert!(!a.text.contains("advertising disclaimer"), "{}", a.text);
        assert_eq!(
            reason_of(&a, "independent review"),
            Some(Reason::Advertisement)
        );
    }

    #[test]
    fn author_box_after_the_article_goes_and_one_inside_stays() {
        let bio = "Martin has worked as a professional developer since 2007, and he writes about testing, \
                   deployment and the habits of teams that ship often; before that he ran the \
                   infrastructure of a small hosting company for six years.";
        let html = format!(
            r#"<body><article><div class="entry-content">{}{}{}</div>
              <div class="article-author"><div class="author-section"><p>{bio}</p></div></div>
            </article></body>"#,
            para(1, "First"),
            para(2, "Second"),
            para(3, "Third"),
        );
        let a = run(&html);
        assert!(a.text.contains("Third paragraph 3"), "{}", a.text);
        assert!(!a.text.contains("Martin has worked"), "{}", a.text);
        assert_eq!(reason_of(&a, "Martin has worked"), Some(Reason::AuthorBio));
        // The same text in an author-named element before the article's
        // last paragraph is not a box after it: kept.
        let html = format!(
            r#"<body><article><div class="entry-content">{}
              <div class="author-section"><p>{bio}</p></div>{}{}</div>
            </article></body>"#,
            para(1, "First"),
            para(2, "Second"),
            para(3, "Third"),
        );
        let a = run(&html);
        assert!(a.text.contains("Martin has worked"), "{}", a.text);
    }
}

#[cfg(test)]
mod pattern_tests {
    use super::*;

    fn has_any(key: &str, patterns: &[&str]) -> bool {
        patterns.iter().any(|p| key.contains(p))
    }

    #[test]
    fn indexed_patterns_match_like_a_plain_search() {
        let keys = [
            "-",
            "-comments-area-",
            "-entry-content-has-comments-",
            "-ad-",
            "-head-",
            "-site-footer-",
            "-evolve-shared-mutable-history-",
            "-left-sidebar-",
            "-mw-body-content-",
            "-newspack-newsletters-subscribe-",
            "-post-meta-date-",
            "-sr-only-",
        ];
        for key in keys {
            let runs = Runs::new(key);
            let plain = FURNITURE.iter().position(|(p, _)| key.contains(p));
            assert_eq!(lists().furniture.first(key, &runs), plain, "{key}");
            assert_eq!(
                lists().positive.first(key, &runs).is_some(),
                has_any(key, POSITIVE),
                "{key}"
            );
            assert_eq!(
                lists().negative.first(key, &runs).is_some(),
                has_any(key, NEGATIVE),
                "{key}"
            );
            assert_eq!(
                lists().byline.first(key, &runs).is_some(),
                has_any(key, BYLINE),
                "{key}"
            );
        }
    }
}

#[cfg(test)]
mod dateline_tests {
    use super::is_dateline;

    #[test]
    fn datelines_are_dates_and_nothing_else() {
        for t in [
            "5 March 2024",
            "March 5, 2024 10:02 am",
            "05.03.2024",
            "Updated 2024-03-05 11:02 GMT",
            "Veröffentlicht am 16.08.2019",
            "Monday 4 March 2024",
        ] {
            assert!(is_dateline(t), "{t}");
        }
        for t in [
            "Marching on in 2024",
            "In 2024 the bridge opens.",
            "Maria Keller, 2024",
            "The vote was on 5 March 2024 after a long debate in the Guildhall",
        ] {
            assert!(!is_dateline(t), "{t}");
        }
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;

    #[test]
    fn a_hidden_label_does_not_hide_its_field() {
        assert_eq!(class_info("-field-label-hidden-").furniture, None);
        assert_eq!(class_info("-field-hidden-").furniture, Some(Reason::Hidden));
        assert_eq!(class_info("-sr-only-").furniture, Some(Reason::Hidden));
    }
}
