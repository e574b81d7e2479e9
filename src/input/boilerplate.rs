//! Boilerplate in pasted text: the blocks a page wraps around an article
//! (cookie banners, "Read more", share bars, newsletter prompts, related-link
//! lists, copyright lines, breadcrumbs) that end up in a copy-paste.
//!
//! Each rule looks at one block, after case folding, and names a [`Reason`].
//! Removal must never cost real content, so every rule is narrow: short UI
//! strings matched whole, prompts matched at the start of a short block,
//! cookie notices recognised by phrases only a site uses about itself ("we use
//! cookies", not "cookies"). `make bench-boilerplate` counts what these rules
//! would remove from the paragraphs of Readability's 130 hand-checked articles.
//!
//! Removed blocks are never lost: they are listed with their reason and the user
//! can put any of them back (`Options::keep`).

use serde::Serialize;

/// Why a block was taken out of the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// A cookie or privacy-consent notice.
    CookieNotice,
    /// "Read more", "Continue reading", "READ MORE: other headline".
    ReadMore,
    /// An advertisement label or placeholder.
    Advertisement,
    /// Share buttons and social links.
    SharePrompt,
    /// Subscribe, newsletter, sign-in and app prompts.
    SubscribePrompt,
    /// A "Related" or "Most read" heading and the list of headlines after it.
    RelatedLinks,
    /// A copyright footer.
    Copyright,
    /// A breadcrumb trail ("Home > World > Europe").
    Breadcrumb,
    /// Site navigation and page controls ("Skip to content", "Menu", a `<nav>`).
    Navigation,
    /// A photo credit standing alone ("Photo: Reuters").
    ImageCredit,
    /// Readers' comments under the article.
    Comments,
    /// The author line ("By Jane Doe, 4 January 2022"): kept in `meta`.
    Byline,
    /// A box about the author after the article.
    AuthorBio,
    /// The site's header: logo, masthead, top menus.
    PageHeader,
    /// The site's footer.
    PageFooter,
    /// A sidebar or widget column beside the article.
    Sidebar,
    /// Topic tags and category links.
    Tags,
    /// Text a page hides from sighted readers (screen-reader hints).
    Hidden,
    /// A pop-up or dialog.
    Popup,
    /// A photo gallery or carousel and its captions.
    Gallery,
    /// A request for the reader's rating or feedback ("Was this article
    /// helpful?").
    Feedback,
    /// A link list or widget inside the article's container.
    Clutter,
    /// Visible text of the page outside the article (main-content extraction).
    OutsideArticle,
}

impl Reason {
    /// A short description for people, used by the CLI and the page.
    pub fn label(self) -> &'static str {
        match self {
            Reason::CookieNotice => "cookie or consent notice",
            Reason::ReadMore => "“read more” link",
            Reason::Advertisement => "advertisement",
            Reason::SharePrompt => "share buttons",
            Reason::SubscribePrompt => "subscribe or newsletter prompt",
            Reason::RelatedLinks => "related-article links",
            Reason::Copyright => "copyright notice",
            Reason::Breadcrumb => "breadcrumb trail",
            Reason::Navigation => "site navigation",
            Reason::ImageCredit => "photo credit",
            Reason::Comments => "readers' comments",
            Reason::Byline => "author and date line",
            Reason::AuthorBio => "about the author",
            Reason::PageHeader => "site header",
            Reason::PageFooter => "site footer",
            Reason::Sidebar => "sidebar",
            Reason::Tags => "topic tags",
            Reason::Hidden => "hidden text",
            Reason::Popup => "pop-up or dialog",
            Reason::Gallery => "photo gallery",
            Reason::Feedback => "feedback request",
            Reason::Clutter => "link list or widget in the article",
            Reason::OutsideArticle => "not part of the article",
        }
    }
}

/// Blocks longer than this are never taken for a prompt or label: real prompts
/// are one line, and a long block starting "Subscribe to…" is more likely prose.
const MAX_PROMPT_CHARS: usize = 240;
/// Cookie notices with their legal text run to a few hundred characters; GDPR
/// consent dialogs to a thousand.
const MAX_COOKIE_CHARS: usize = 1500;
/// A copyright footer is a line or two when it says "all rights reserved"…
const MAX_COPYRIGHT_CHARS: usize = 320;
/// …and one short line when it only starts with "©" (longer, it is a photo
/// credit run into its caption, which is content).
const MAX_BARE_COPYRIGHT_CHARS: usize = 120;
/// Headlines in a related-links list.
const MAX_HEADLINE_CHARS: usize = 160;
/// At most this many headlines follow a "Related" heading.
const MAX_RELATED_ITEMS: usize = 12;

/// Whole blocks that are page furniture, after case folding and trimming
/// punctuation and arrows from the ends.
const EXACT: &[(&str, Reason)] = &[
    ("advertisement", Reason::Advertisement),
    ("werbung", Reason::Advertisement),
    ("anzeige", Reason::Advertisement),
    ("publicidad", Reason::Advertisement),
    ("publicité", Reason::Advertisement),
    ("advertisements", Reason::Advertisement),
    ("advert", Reason::Advertisement),
    ("ad", Reason::Advertisement),
    ("ads", Reason::Advertisement),
    ("sponsored", Reason::Advertisement),
    ("sponsored content", Reason::Advertisement),
    ("paid content", Reason::Advertisement),
    ("paid post", Reason::Advertisement),
    ("story continues below advertisement", Reason::Advertisement),
    (
        "article continues below advertisement",
        Reason::Advertisement,
    ),
    ("content continues below", Reason::Advertisement),
    ("scroll to continue with content", Reason::Advertisement),
    ("advertisement scroll to continue", Reason::Advertisement),
    ("skip advertisement", Reason::Advertisement),
    ("advertisement skip advertisement", Reason::Advertisement),
    ("remove ads", Reason::Advertisement),
    ("read more", Reason::ReadMore),
    ("read more below", Reason::ReadMore),
    ("read more here", Reason::ReadMore),
    ("continue reading", Reason::ReadMore),
    ("continue reading the main story", Reason::ReadMore),
    ("read the full story", Reason::ReadMore),
    ("read the full article", Reason::ReadMore),
    ("read full article", Reason::ReadMore),
    ("read full story", Reason::ReadMore),
    ("read the rest of this story", Reason::ReadMore),
    ("show more", Reason::ReadMore),
    ("load more", Reason::ReadMore),
    ("see more", Reason::ReadMore),
    ("view more", Reason::ReadMore),
    ("more", Reason::ReadMore),
    ("share", Reason::SharePrompt),
    ("share this", Reason::SharePrompt),
    ("share this article", Reason::SharePrompt),
    ("share this story", Reason::SharePrompt),
    ("share this page", Reason::SharePrompt),
    ("share article", Reason::SharePrompt),
    ("share story", Reason::SharePrompt),
    ("share page", Reason::SharePrompt),
    ("share on facebook", Reason::SharePrompt),
    ("share on twitter", Reason::SharePrompt),
    ("share on x", Reason::SharePrompt),
    ("share on linkedin", Reason::SharePrompt),
    ("share on whatsapp", Reason::SharePrompt),
    ("share via email", Reason::SharePrompt),
    ("share by email", Reason::SharePrompt),
    ("tweet", Reason::SharePrompt),
    ("tweet this", Reason::SharePrompt),
    ("copy link", Reason::SharePrompt),
    ("copy link to clipboard", Reason::SharePrompt),
    ("link copied", Reason::SharePrompt),
    ("copied", Reason::SharePrompt),
    ("gift this article", Reason::SharePrompt),
    ("give this article", Reason::SharePrompt),
    ("save", Reason::SharePrompt),
    ("save article", Reason::SharePrompt),
    ("print", Reason::SharePrompt),
    ("print this article", Reason::SharePrompt),
    ("comments", Reason::SharePrompt),
    ("view comments", Reason::SharePrompt),
    ("show comments", Reason::SharePrompt),
    ("leave a comment", Reason::SharePrompt),
    ("join the conversation", Reason::SharePrompt),
    ("subscribe", Reason::SubscribePrompt),
    ("subscribe now", Reason::SubscribePrompt),
    ("subscribe today", Reason::SubscribePrompt),
    ("sign up", Reason::SubscribePrompt),
    ("sign up now", Reason::SubscribePrompt),
    ("sign in", Reason::SubscribePrompt),
    ("sign out", Reason::SubscribePrompt),
    ("log in", Reason::SubscribePrompt),
    ("log out", Reason::SubscribePrompt),
    ("login", Reason::SubscribePrompt),
    ("register", Reason::SubscribePrompt),
    ("newsletter", Reason::SubscribePrompt),
    ("newsletters", Reason::SubscribePrompt),
    ("get the app", Reason::SubscribePrompt),
    ("download the app", Reason::SubscribePrompt),
    ("follow us", Reason::SharePrompt),
    ("menu", Reason::Navigation),
    ("main menu", Reason::Navigation),
    ("open menu", Reason::Navigation),
    ("close menu", Reason::Navigation),
    ("search", Reason::Navigation),
    ("close", Reason::Navigation),
    ("skip to content", Reason::Navigation),
    ("skip to main content", Reason::Navigation),
    ("skip to navigation", Reason::Navigation),
    ("skip to footer", Reason::Navigation),
    ("skip navigation", Reason::Navigation),
    ("back to top", Reason::Navigation),
    ("zurück", Reason::Navigation),
    ("zurück zur übersicht", Reason::Navigation),
    ("zurück zur listenansicht", Reason::Navigation),
    ("nach oben", Reason::Navigation),
    ("volver", Reason::Navigation),
    ("retour", Reason::Navigation),
    ("keine kommentare", Reason::Comments),
    ("no comments", Reason::Comments),
    ("no comments yet", Reason::Comments),
    ("sin comentarios", Reason::Comments),
    ("mehr themen", Reason::RelatedLinks),
    ("mehr zum thema", Reason::RelatedLinks),
    ("go to top", Reason::Navigation),
    ("toggle navigation", Reason::Navigation),
    ("listen to this article", Reason::Navigation),
    ("listen to article", Reason::Navigation),
    ("audio version", Reason::Navigation),
    ("toggle caption", Reason::Navigation),
    ("hide caption", Reason::Navigation),
    ("enlarge this image", Reason::Navigation),
    ("expand image", Reason::Navigation),
    ("play video", Reason::Navigation),
    ("accept", Reason::CookieNotice),
    ("accept all", Reason::CookieNotice),
    ("accept cookies", Reason::CookieNotice),
    ("accept all cookies", Reason::CookieNotice),
    ("reject all", Reason::CookieNotice),
    ("reject cookies", Reason::CookieNotice),
    ("manage preferences", Reason::CookieNotice),
    ("manage cookies", Reason::CookieNotice),
    ("cookie settings", Reason::CookieNotice),
    ("cookie preferences", Reason::CookieNotice),
    ("cookie policy", Reason::CookieNotice),
    ("privacy settings", Reason::CookieNotice),
    ("i agree", Reason::CookieNotice),
    ("i accept", Reason::CookieNotice),
    ("got it", Reason::CookieNotice),
    ("agree and close", Reason::CookieNotice),
];

/// Headings that open a list of links to other articles.
const RELATED_HEADINGS: &[&str] = &[
    // German, French, Spanish, Italian, Dutch, Portuguese.
    "weitere artikel",
    "weitere beiträge",
    "ähnliche artikel",
    "ähnliche beiträge",
    "verwandte artikel",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "auch interessant",
    "meistgelesen",
    "meistgelesene artikel",
    "articles similaires",
    "sur le même sujet",
    "les plus lus",
    "à lire aussi",
    "artículos relacionados",
    "noticias relacionadas",
    "lo más leído",
    "también te puede interesar",
    "te puede interesar",
    "articoli correlati",
    "gerelateerde artikelen",
    "notícias relacionadas",
    "related",
    "related articles",
    "related stories",
    "related content",
    "related coverage",
    "related topics",
    "related news",
    "related links",
    "more stories",
    "more news",
    "more on this story",
    "more on this topic",
    "more from",
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "popular now",
    "recommended",
    "recommended for you",
    "recommended stories",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "also of interest",
    "trending",
    "trending now",
    "trending stories",
    "top stories",
    "latest news",
    "latest stories",
    "editor's picks",
    "don't miss",
    "read next",
    "up next",
    "what to read next",
    "further reading",
    "zum weiterlesen",
    "weiterführende artikel",
    "weiterführende links",
    "weitere informationen zum thema",
    "lire aussi",
    "à lire également",
    "sur le même thème",
    "más noticias",
    "otras noticias",
    "lee también",
];

/// Openings of a short heading over a list of other articles, whatever
/// follows: "Mehr zum Thema auf example.de", "Weitere Beiträge aus der
/// Kolumne", "Plus d'articles et vidéos sur le sujet". A section heading of
/// the article itself never opens this way.
const RELATED_OPENERS: &[&str] = &[
    "mehr zum thema ",
    "weitere beiträge ",
    "weitere artikel ",
    "weitere nachrichten ",
    "weitere news ",
    "mehr artikel ",
    "mehr beiträge ",
    "mehr nachrichten ",
    "more stories ",
    "more articles ",
    "more news ",
    "plus d'articles ",
    "autres articles ",
    "más artículos ",
    "más noticias ",
    "otras noticias ",
];

/// Prefixes of short blocks that are prompts or links, whatever follows.
const PREFIXES: &[(&str, Reason)] = &[
    ("read more:", Reason::ReadMore),
    ("read more about", Reason::ReadMore),
    ("read more at", Reason::ReadMore),
    ("read more on", Reason::ReadMore),
    ("read more from", Reason::ReadMore),
    ("read more »", Reason::ReadMore),
    ("read more >", Reason::ReadMore),
    ("read also:", Reason::ReadMore),
    ("also read:", Reason::ReadMore),
    ("read:", Reason::ReadMore),
    ("see also:", Reason::ReadMore),
    ("related:", Reason::ReadMore),
    ("related article:", Reason::ReadMore),
    ("related story:", Reason::ReadMore),
    ("recommended:", Reason::ReadMore),
    ("more:", Reason::ReadMore),
    ("continue reading", Reason::ReadMore),
    ("click here to", Reason::ReadMore),
    ("was this article helpful", Reason::Feedback),
    ("was this helpful", Reason::Feedback),
    ("did you find this article helpful", Reason::Feedback),
    ("did you find this useful", Reason::Feedback),
    ("rate this article", Reason::Feedback),
    ("war der artikel nützlich", Reason::Feedback),
    ("war dieser artikel hilfreich", Reason::Feedback),
    ("wie hilfreich war dieser artikel", Reason::Feedback),
    ("artikel bewerten", Reason::Feedback),
    ("hazte miembro", Reason::SubscribePrompt),
    ("hazte socio", Reason::SubscribePrompt),
    ("become a member", Reason::SubscribePrompt),
    ("become a supporter", Reason::SubscribePrompt),
    ("devenez membre", Reason::SubscribePrompt),
    ("werden sie mitglied", Reason::SubscribePrompt),
    ("werde mitglied", Reason::SubscribePrompt),
    ("möchten sie den artikel teilen", Reason::SharePrompt),
    ("möchten sie diesen artikel teilen", Reason::SharePrompt),
    ("möchtest du den artikel teilen", Reason::SharePrompt),
    ("diesen artikel teilen", Reason::SharePrompt),
    ("artikel teilen", Reason::SharePrompt),
    ("beitrag teilen", Reason::SharePrompt),
    ("partager cet article", Reason::SharePrompt),
    ("partagez cet article", Reason::SharePrompt),
    ("compartir este artículo", Reason::SharePrompt),
    ("comparte este artículo", Reason::SharePrompt),
    ("share this article:", Reason::SharePrompt),
    ("share this story:", Reason::SharePrompt),
    ("cet article vous a-t-il été utile", Reason::Feedback),
    ("cet article vous a été utile", Reason::Feedback),
    ("¿te ha resultado útil", Reason::Feedback),
    ("¿te resultó útil este artículo", Reason::Feedback),
    ("¿fue útil este artículo", Reason::Feedback),
    // The same prompts in the other languages of the web's news.
    ("lea también:", Reason::ReadMore),
    ("lea también", Reason::ReadMore),
    ("lea más:", Reason::ReadMore),
    ("lea:", Reason::ReadMore),
    ("vea también:", Reason::ReadMore),
    ("le puede interesar:", Reason::ReadMore),
    ("te puede interesar:", Reason::ReadMore),
    ("puede interesarte:", Reason::ReadMore),
    ("leia também:", Reason::ReadMore),
    ("leia mais:", Reason::ReadMore),
    ("lire aussi:", Reason::ReadMore),
    ("lire aussi :", Reason::ReadMore),
    ("à lire aussi", Reason::ReadMore),
    ("a lire aussi", Reason::ReadMore),
    ("voir aussi:", Reason::ReadMore),
    ("lesen sie auch:", Reason::ReadMore),
    ("lesen sie auch", Reason::ReadMore),
    ("lesen sie mehr:", Reason::ReadMore),
    ("auch interessant:", Reason::ReadMore),
    ("mehr zum thema:", Reason::ReadMore),
    ("weiterlesen:", Reason::ReadMore),
    ("leggi anche:", Reason::ReadMore),
    ("czytaj także:", Reason::ReadMore),
    ("czytaj też:", Reason::ReadMore),
    ("lees ook:", Reason::ReadMore),
    ("advertisement -", Reason::Advertisement),
    ("*werbung", Reason::Advertisement),
    ("werbung:", Reason::Advertisement),
    ("anzeige:", Reason::Advertisement),
    ("advertisement –", Reason::Advertisement),
    ("share this article", Reason::SharePrompt),
    ("share this story", Reason::SharePrompt),
    ("share on ", Reason::SharePrompt),
    ("share via ", Reason::SharePrompt),
    ("follow us on", Reason::SharePrompt),
    ("follow us:", Reason::SharePrompt),
    ("like us on facebook", Reason::SharePrompt),
    ("sign up for our", Reason::SubscribePrompt),
    ("sign up to our", Reason::SubscribePrompt),
    ("sign up for the", Reason::SubscribePrompt),
    ("sign up to receive", Reason::SubscribePrompt),
    ("sign up here", Reason::SubscribePrompt),
    ("subscribe to our", Reason::SubscribePrompt),
    ("subscribe to the", Reason::SubscribePrompt),
    ("subscribe for", Reason::SubscribePrompt),
    ("subscribe now", Reason::SubscribePrompt),
    ("subscribe today", Reason::SubscribePrompt),
    ("get our newsletter", Reason::SubscribePrompt),
    ("get the latest", Reason::SubscribePrompt),
    ("join our newsletter", Reason::SubscribePrompt),
    ("join our mailing list", Reason::SubscribePrompt),
    ("enter your email", Reason::SubscribePrompt),
    ("enter your e-mail", Reason::SubscribePrompt),
    ("your email address", Reason::SubscribePrompt),
    ("already a subscriber", Reason::SubscribePrompt),
    ("already have an account", Reason::SubscribePrompt),
    ("don't have an account", Reason::SubscribePrompt),
    ("create a free account", Reason::SubscribePrompt),
    ("download our app", Reason::SubscribePrompt),
    ("download the app", Reason::SubscribePrompt),
    ("get the app", Reason::SubscribePrompt),
    ("this article is for subscribers", Reason::SubscribePrompt),
    ("to continue reading", Reason::SubscribePrompt),
    ("skip to ", Reason::Navigation),
    ("photo credit:", Reason::ImageCredit),
    ("image credit:", Reason::ImageCredit),
    ("image source,", Reason::ImageCredit),
    ("image source:", Reason::ImageCredit),
    ("photo:", Reason::ImageCredit),
    ("photograph:", Reason::ImageCredit),
    ("picture:", Reason::ImageCredit),
    ("credit:", Reason::ImageCredit),
    ("foto:", Reason::ImageCredit),
    ("fotos:", Reason::ImageCredit),
    ("bild:", Reason::ImageCredit),
    ("bilder:", Reason::ImageCredit),
    ("kuva:", Reason::ImageCredit),
    ("crédit photo", Reason::ImageCredit),
    ("crédits photo", Reason::ImageCredit),
    ("(foto:", Reason::ImageCredit),
    ("quelle:", Reason::ImageCredit),
    ("zum vergrößern", Reason::Navigation),
    ("click to enlarge", Reason::Navigation),
    ("click image to enlarge", Reason::Navigation),
];

/// Phrases a site uses about its own cookies and consent, never an article
/// about cookies ("the EU's cookie law…" matches none of them).
const COOKIE_PHRASES: &[&str] = &[
    "we use cookies",
    "we use cookies and",
    "this website uses cookies",
    "this site uses cookies",
    "our website uses cookies",
    "our site uses cookies",
    "website uses cookies to",
    "site uses cookies to",
    "uses cookies to improve",
    "uses cookies to ensure",
    "uses cookies to give",
    "uses cookies to provide",
    "we and our partners",
    "we and our vendors",
    "by continuing to use this",
    "by continuing to browse",
    "by using this site, you",
    "by using this website, you",
    "by using our site",
    "by using our website",
    "by clicking \"accept",
    "by clicking “accept",
    "by clicking accept",
    "you agree to the use of cookies",
    "you agree to our use of cookies",
    "you consent to the use of cookies",
    "you consent to our use of cookies",
    "accept all cookies",
    "accept cookies",
    "manage cookie",
    "cookie settings",
    "cookie preferences",
    "we value your privacy",
    "we'll assume you're ok with this",
    "we'll assume you're okay with this",
    "we will assume that you are happy",
    "you can opt-out if you wish",
    "you can opt out if you wish",
];

/// Sentence starts that open a cookie notice inside a longer block.
const COOKIE_OPENERS: &[&str] = &[
    "this website uses cookies",
    "this site uses cookies",
    "we use cookies",
    "our website uses cookies",
    "our site uses cookies",
    "we value your privacy",
    "by continuing to use this",
    "by continuing to browse",
];

/// Names of share targets; a block made only of these is a share bar.
const SHARE_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "email",
    "e-mail",
    "mail",
    "pinterest",
    "reddit",
    "telegram",
    "messenger",
    "tumblr",
    "flipboard",
    "tweet",
    "sms",
    "threads",
    "bluesky",
    "mastodon",
    "print",
    "share",
    "copy",
    "link",
    "copy link",
    "comment",
    "comments",
    "instagram",
    "youtube",
    "tiktok",
    "rss",
    "follow",
];

/// Case-folded text with typographic apostrophes made plain and decorative
/// punctuation, arrows and bullets trimmed from both ends.
pub fn fold(text: &str) -> String {
    let lowered: String = if text.is_ascii() {
        // The same, for the usual block, without a character at a time:
        // an ASCII character's lower case is its ASCII lower case.
        let mut s = text.to_ascii_lowercase();
        if s.contains('`') {
            s = s.replace('`', "'");
        }
        s
    } else {
        // A character at a time, ASCII ones without the general case
        // mapping (most of a block with one curly apostrophe is ASCII).
        let mut s = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '’' | '‘' | '`' => s.push('\''),
                c if c.is_ascii() => s.push(c.to_ascii_lowercase()),
                c => s.extend(c.to_lowercase()),
            }
        }
        s
    };
    let trimmed = lowered.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | '…'
                    | '»'
                    | '«'
                    | '›'
                    | '‹'
                    | '>'
                    | '<'
                    | '→'
                    | '←'
                    | '|'
                    | '•'
                    | '·'
                    | '-'
                    | '–'
                    | '—'
                    | '+'
                    | '*'
                    | '#'
                    | '!'
                    | ':'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '▶'
                    | '►'
                    | '▸'
                    | '❯'
                    | '⟩'
                    | '✕'
                    | '×'
            )
    });
    if trimmed.len() == lowered.len() {
        lowered
    } else {
        trimmed.to_string()
    }
}

/// A filter of the three-byte runs a text holds, asked before a phrase is
/// searched for in it: when one of the phrase's runs is missing, the phrase
/// is. A text is checked for many phrases and holds almost none of them (a
/// block for about sixty consent, copyright, follow, comment, disclosure
/// and download phrases, an element's class names for some forty patterns),
/// and the filter rules most of them out with a few bit tests where each
/// search read the whole text: those searches were 7% of a warm analysis
/// and a tenth of reading a page's elements. The filter only ever says
/// "maybe", so what is found is what a plain search finds.
pub(crate) struct Runs {
    /// Bit `h` is set when a run of three bytes hashing to `h` occurs.
    bits: [u64; RUN_WORDS],
}

/// 4,096 bits: a 1,500-character notice sets under a third of them.
const RUN_WORDS: usize = 64;

impl Runs {
    pub(crate) fn new(text: &str) -> Runs {
        let mut bits = [0u64; RUN_WORDS];
        for w in text.as_bytes().windows(3) {
            let h = run_hash(w);
            bits[h / 64] |= 1 << (h % 64);
        }
        Runs { bits }
    }

    /// Whether `needle` may occur in the text (every run of it does).
    pub(crate) fn may_hold(&self, needle: &str) -> bool {
        needle.as_bytes().windows(3).all(|w| {
            let h = run_hash(w);
            self.bits[h / 64] & (1 << (h % 64)) != 0
        })
    }
}

/// The filter bit of a run of three bytes.
#[inline]
fn run_hash(w: &[u8]) -> usize {
    let x = u32::from(w[0]) | u32::from(w[1]) << 8 | u32::from(w[2]) << 16;
    (x.wrapping_mul(0x9e37_79b1) >> 20) as usize
}

/// A folded block and its [`Runs`].
struct Folded {
    text: String,
    runs: Runs,
}

impl Folded {
    fn new(text: String) -> Folded {
        let runs = Runs::new(&text);
        Folded { text, runs }
    }

    /// Whether `needle` occurs in the text.
    fn has(&self, needle: &str) -> bool {
        self.runs.may_hold(needle) && self.text.contains(needle)
    }

    /// Whether any of `needles` occurs in the text.
    fn has_any(&self, needles: &[&str]) -> bool {
        needles.iter().any(|n| self.has(n))
    }
}

impl std::ops::Deref for Folded {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

/// The longest entry of [`EXACT`] and of [`RELATED_HEADINGS`] is shorter than
/// this; longer blocks skip those lists.
const MAX_EXACT_BYTES: usize = 48;

fn exact(folded: &str) -> Option<Reason> {
    if folded.len() > MAX_EXACT_BYTES {
        return None;
    }
    EXACT.iter().find(|(s, _)| *s == folded).map(|&(_, r)| r)
}

/// [`PREFIXES`]' places, in order, by their first byte: a block is compared
/// with the few that begin as it does, not with all of them (a sentence of
/// prose was compared with each of some 140, which was a fifth of the time
/// spent classifying it).
fn prefixes_by_first_byte() -> &'static [Vec<usize>; 256] {
    static BY_BYTE: std::sync::OnceLock<[Vec<usize>; 256]> = std::sync::OnceLock::new();
    BY_BYTE.get_or_init(|| {
        let mut by: [Vec<usize>; 256] = std::array::from_fn(|_| Vec::new());
        for (i, (p, _)) in PREFIXES.iter().enumerate() {
            match p.as_bytes().first() {
                Some(&first) => by[usize::from(first)].push(i),
                // An empty prefix (there is none) would begin every block.
                None => by.iter_mut().for_each(|b| b.push(i)),
            }
        }
        by
    })
}

/// The reason of the first of [`PREFIXES`] that `folded` starts with.
fn first_prefix(folded: &str) -> Option<Reason> {
    let first = *folded.as_bytes().first()?;
    prefixes_by_first_byte()[usize::from(first)]
        .iter()
        .map(|&i| PREFIXES[i])
        .find(|(p, _)| folded.starts_with(p))
        .map(|(_, r)| r)
}

fn prefix(folded: &str, chars: usize) -> Option<Reason> {
    if chars > MAX_PROMPT_CHARS {
        return None;
    }
    first_prefix(folded)
        // A feedback request is a line of its own; a longer block that opens
        // the same way is a writer's question ("Was this helpful to the
        // campaign? Aides say it was not.").
        // (Its own line may be followed by the tally: "War der Artikel
        // nützlich?\n(95 Stimmen: 4,73 von 5)".)
        .filter(|&r| {
            r != Reason::Feedback
                || chars <= 60
                || (chars <= 120
                    && folded
                        .lines()
                        .next()
                        .is_some_and(|l| l.chars().count() <= 60))
        })
}

fn is_related_heading(folded: &str, sentence: bool) -> bool {
    if folded.len() > MAX_EXACT_BYTES {
        return false;
    }
    RELATED_HEADINGS.contains(&folded)
        || (folded.starts_with("more from ") && folded.split_whitespace().count() <= 5)
        || (!sentence
            && RELATED_OPENERS.iter().any(|o| folded.starts_with(o))
            && folded.split_whitespace().count() <= 7)
}

/// What a consent notice is about. A paragraph with a phrase like "we and our
/// partners" but none of these ("…committed to rebuilding every home," the
/// mayor said) is news, not a notice. Also a quick first filter: nearly every
/// paragraph has none of them.
const COOKIE_SUBJECTS: &[&str] = &[
    "cookie",
    "consent",
    "privacy policy",
    "privacy settings",
    "personal data",
    "your data",
    "store and/or access",
    "tracking technolog",
    "opt-out",
    "opt out",
];

/// Words of reported speech: a notice never quotes anyone.
const ATTRIBUTION: &[&str] = &[" said", " says", " told ", "according to"];

fn is_attributed(folded: &Folded) -> bool {
    folded.has_any(ATTRIBUTION)
}

fn is_cookie_notice(folded: &Folded, chars: usize) -> bool {
    chars <= MAX_COOKIE_CHARS
        && folded.has_any(COOKIE_SUBJECTS)
        && folded.has_any(COOKIE_PHRASES)
        && !is_attributed(folded)
}

fn has_year(s: &str) -> bool {
    s.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'))
}

fn is_copyright(folded: &Folded, chars: usize) -> bool {
    if chars > MAX_COPYRIGHT_CHARS || is_attributed(folded) {
        return false;
    }
    let starts_with_mark = folded.starts_with('©')
        || folded.starts_with("(c) ")
        || (folded.starts_with("copyright") && (folded.contains('©') || has_year(folded)));
    let has_mark = folded.contains('©') || folded.has("(c)") || folded.has("copyright");
    let reserved = folded.has("all rights reserved");
    (starts_with_mark && chars <= MAX_BARE_COPYRIGHT_CHARS)
        || (has_mark && reserved)
        || (folded.starts_with("all rights reserved") && chars <= MAX_BARE_COPYRIGHT_CHARS)
}

/// "Home > World > Europe": three or more short segments between the same
/// separator, none of them a sentence. A pipe separates too many other things
/// (table cells, menus, data) to count unless the trail starts at "Home".
fn is_breadcrumb(text: &str, chars: usize) -> bool {
    if chars > 150 {
        return false;
    }
    let home = || text.trim_start().to_lowercase().starts_with("home");
    for sep in [" > ", " / ", " » ", " › ", " | ", " → ", " ❯ ", " ⟩ "] {
        // Most blocks hold none of the separators' marks: a search for the
        // mark (memchr) saves splitting the block at each separator.
        let mark = sep.trim().chars().next().unwrap_or(' ');
        if !text.contains(mark) || (sep == " | " && !home()) {
            continue;
        }
        let parts: Vec<&str> = text.split(sep).map(str::trim).collect();
        if parts.len() >= 3
            && parts.iter().all(|p| {
                !p.is_empty()
                    && p.split_whitespace().count() <= 4
                    && !p.ends_with(['.', '?', '!', '"', '”'])
            })
        {
            return true;
        }
    }
    false
}

/// "Facebook Twitter Email" or "Share | Tweet | Email": only share targets.
fn is_share_bar(folded: &str) -> bool {
    let mut words = folded
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•' | ',' | '/'))
        .filter(|w| !w.is_empty());
    // Stops at the first word that is not a share target, so prose costs one word.
    let n = words.try_fold(0usize, |n, w| SHARE_WORDS.contains(&w).then_some(n + 1));
    matches!(n, Some(2..=14))
}

/// Social networks a site points its readers to.
const NETWORKS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "telegram",
    "whatsapp",
    "youtube",
    "tiktok",
    "linkedin",
    "threads",
    "mastodon",
    "bluesky",
    "google news",
];

/// Invitations to follow or join, in the languages of the web's news.
const FOLLOW: &[&str] = &[
    "follow",
    "join",
    "subscribe",
    "like us",
    "find us",
    "síguenos",
    "siguenos",
    "sigue",
    "únete",
    "unete",
    "suscríbete",
    "suscribete",
    "folgen sie",
    "folge uns",
    "abonnieren",
    "suivez",
    "rejoignez",
    "abonnez",
    "seguici",
    "segui",
    "siga",
    "sígueme",
    "ya sabías",
    "canal de",
    "our channel",
    "unser kanal",
    "notre chaîne",
];

/// A short block that invites the reader to a site's social channel ("Follow
/// The Gleaner on Twitter and Instagram", "Síguenos en Telegram"): it must
/// name a network and open with the invitation or speak of "us"/"our", so a
/// news sentence about a network ("the minister left Twitter") is not one.
fn is_social_prompt(folded: &Folded, chars: usize) -> bool {
    if chars > MAX_PROMPT_CHARS || !folded.has_any(NETWORKS) {
        return false;
    }
    let opens = FOLLOW.iter().any(|f| {
        folded.starts_with(f)
            || folded
                .trim_start_matches(['¿', '¡', '👉', '➡'])
                .starts_with(f)
    });
    // A longer block that ends by inviting the reader is an author's note
    // ("…covers technology. Follow him on Twitter"): content, kept.
    let ours = chars <= 90
        && folded.has_any(&[
            " us ", " us.", "our ", "nuestro", "nuestra", "unser", "notre", "nos ", "@",
        ])
        && folded.has_any(FOLLOW);
    opens || ours
}

/// A short line about the comment section itself: how to take part ("Log in
/// to comment", "Para poder comentar tenés que ingresar") or who answers for
/// what readers write. Both a comment word and a sign-in or rules word.
fn is_comment_prompt(folded: &Folded, chars: usize) -> bool {
    const COMMENT: &[&str] = &[
        "comment",
        "comentar",
        "comentario",
        "kommentar",
        "kommentier",
        "commento",
        "commenta",
        "reacties",
    ];
    // Sign-in, registration and moderation words, never "policy" alone:
    // "declined to comment on the policy" is news.
    const TERMS: &[&str] = &[
        "log in",
        "login",
        "sign in",
        "signed in",
        "register to",
        "create an account",
        "regístrate",
        "ingresar",
        "iniciar sesión",
        "anmelden",
        "melden sie sich an",
        "melde dich an",
        // Invitations to write one.
        "verraten sie",
        "verrate uns",
        "schreiben sie uns",
        "hinterlasse",
        "hinterlassen sie",
        "let us know",
        "tell us",
        "share your thoughts",
        "leave a comment",
        "dites-nous",
        "cuéntanos",
        "déjanos",
        "eingeloggt",
        "registrier",
        "connecté",
        "inscri",
        "exclusiva responsabilidad",
        "responsibility of",
        "responsabilité",
        "netiquette",
        "moderated",
        "moderiert",
        "community guidelines",
        "community standards",
        "kommentarrichtlinien",
    ];
    // Reported speech is never page furniture.
    const SPEECH: &[&str] = &[" said", " says", " told", "declined", "according to", "\""];
    chars <= MAX_PROMPT_CHARS
        && folded.has_any(COMMENT)
        && folded.has_any(TERMS)
        && !folded.has_any(SPEECH)
}

/// A short notice that the post is advertising or earns from its links
/// ("*Werbung. Dieser Beitrag enthält Werbung für …", "This post contains
/// affiliate links"), as bloggers must label it.
fn is_ad_disclosure(folded: &Folded, chars: usize) -> bool {
    const DISCLOSURES: &[&str] = &[
        "enthält werbung",
        "enthält affiliate",
        "unbezahlte werbung",
        "unbeauftragte werbung",
        "bezahlte partnerschaft",
        "contains affiliate link",
        "contains paid promotion",
        "this post is sponsored",
        "this is a sponsored post",
        "contient des liens affiliés",
        "contiene enlaces de afiliados",
    ];
    chars <= MAX_PROMPT_CHARS
        && !is_attributed(folded)
        && (folded.starts_with("*werbung") || folded.has_any(DISCLOSURES))
}

/// A short block that ends by sending the reader to a sign-up ("Do you want
/// to hear about our campaigns? Sign up here").
fn is_signup_tail(folded: &Folded, chars: usize) -> bool {
    const TAILS: &[&str] = &[
        "sign up here",
        "sign up now",
        "subscribe here",
        "subscribe now",
        "hier anmelden",
        "jetzt anmelden",
        "hier abonnieren",
        "jetzt abonnieren",
        "inscrivez-vous ici",
        "abonnez-vous ici",
        "suscríbete aquí",
        "regístrate aquí",
    ];
    chars <= 160 && !is_attributed(folded) && TAILS.iter().any(|t| folded.ends_with(t))
}

/// A site's invitation to install its app: a download word, the app and a
/// store or platform ("Download the Nationnews apps for iOS and Android").
fn is_app_prompt(folded: &Folded, chars: usize) -> bool {
    const DOWNLOAD: &[&str] = &[
        "download",
        "herunterladen",
        "laden sie",
        "lade dir",
        "télécharge",
        "descarga",
        "descárgate",
    ];
    const STORES: &[&str] = &["app store", "google play", "play store"];
    let words = || folded.split(|c: char| !c.is_alphanumeric());
    chars <= MAX_PROMPT_CHARS
        && folded.has_any(DOWNLOAD)
        && words().any(|w| matches!(w, "app" | "apps" | "appli" | "application"))
        && (words().any(|w| matches!(w, "ios" | "android")) || folded.has_any(STORES))
        && !is_attributed(folded)
}

/// Looks like a headline in a list of links: short, not a finished sentence.
fn is_headline_like(text: &str) -> bool {
    let t = text.trim();
    let chars = t.chars().count();
    (3..=MAX_HEADLINE_CHARS).contains(&chars)
        && t.split_whitespace().count() <= 25
        && !t.ends_with(['.', ':', ';', ','])
        && !t.starts_with(['“', '"'])
}

/// Classifies one block on its own.
pub fn classify_block(text: &str) -> Option<Reason> {
    let folded = Folded::new(fold(text));
    if folded.is_empty() {
        return None;
    }
    let chars = folded.chars().count();
    // A label ends without a full stop; "I agree." or "More." is someone talking.
    let trimmed = text.trim_end();
    let sentence = trimmed.ends_with(['.', '!', '?']) && !trimmed.ends_with("..");
    (!sentence)
        .then(|| exact(&folded))
        .flatten()
        .or_else(|| prefix(&folded, chars))
        .or_else(|| is_cookie_notice(&folded, chars).then_some(Reason::CookieNotice))
        .or_else(|| is_copyright(&folded, chars).then_some(Reason::Copyright))
        .or_else(|| is_share_bar(&folded).then_some(Reason::SharePrompt))
        .or_else(|| is_social_prompt(&folded, chars).then_some(Reason::SharePrompt))
        .or_else(|| is_comment_prompt(&folded, chars).then_some(Reason::Comments))
        .or_else(|| is_signup_tail(&folded, chars).then_some(Reason::SubscribePrompt))
        .or_else(|| is_ad_disclosure(&folded, chars).then_some(Reason::Advertisement))
        .or_else(|| is_app_prompt(&folded, chars).then_some(Reason::SubscribePrompt))
        .or_else(|| is_breadcrumb(text.trim(), chars).then_some(Reason::Breadcrumb))
        .or_else(|| is_related_heading(&folded, sentence).then_some(Reason::RelatedLinks))
}

/// Classifies the blocks of a document, in order. Context matters for one rule:
/// a related-links heading takes the headlines that follow it.
pub fn classify(blocks: &[&str]) -> Vec<Option<Reason>> {
    classify_sections(blocks, &vec![false; blocks.len()])
}

/// [`classify`], told which blocks are headings (HTML knows): the headlines
/// a related-links heading takes stop at the next heading, which opens a
/// section of its own ("Further link" after "More on this topic").
pub fn classify_sections(blocks: &[&str], headings: &[bool]) -> Vec<Option<Reason>> {
    let mut out: Vec<Option<Reason>> = blocks.iter().map(|b| classify_block(b)).collect();
    let heading = |j: usize| headings.get(j).copied().unwrap_or(false);
    let mut i = 0;
    while i < blocks.len() {
        if out[i] == Some(Reason::RelatedLinks) {
            let mut taken = 0;
            let mut j = i + 1;
            while j < blocks.len()
                && taken < MAX_RELATED_ITEMS
                && (out[j].is_none() || out[j] == Some(Reason::ReadMore))
                && !(heading(j) && out[j].is_none())
                && is_headline_like(blocks[j])
            {
                out[j] = Some(Reason::RelatedLinks);
                taken += 1;
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Where a cookie notice starts inside a block of otherwise real text (pasted
/// pages often run the banner into the last paragraph): the byte offset of the
/// sentence that opens it, if the rest of the block is the notice.
pub fn trailing_cookie_notice(text: &str) -> Option<usize> {
    // Only the block's last MAX_COOKIE_CHARS characters can hold the notice; looking
    // no further back keeps this linear on a megabyte-long block.
    let mut window = text.len().saturating_sub(MAX_COOKIE_CHARS * 4);
    while !text.is_char_boundary(window) {
        window += 1;
    }
    let bytes = text.as_bytes();
    // Candidate sentence starts: after ". ", "! ", "? " and a closing straight quote.
    let candidates = (window..bytes.len().saturating_sub(1))
        .filter(|&i| matches!(bytes[i], b'.' | b'!' | b'?' | b'"') && bytes[i + 1] == b' ')
        .map(|i| i + 2);
    for start in candidates {
        let tail = &text[start..];
        // The opener is checked on a short head; the whole tail is folded only
        // for the first sentence that opens like a notice. Later tails are parts
        // of this one, so if it is not a notice, none of them is.
        let head = fold(&tail.chars().take(40).collect::<String>());
        if COOKIE_OPENERS.iter().any(|o| head.starts_with(o)) {
            let notice = is_cookie_notice(&Folded::new(fold(tail)), tail.chars().count());
            return notice.then_some(start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index by first byte finds, for each prefix and for text after
    /// it, the first of the list that the text starts with, as reading the
    /// whole list in order does.
    #[test]
    fn prefixes_found_through_the_index_as_in_order() {
        for (p, _) in PREFIXES {
            for text in [p.to_string(), format!("{p} and more"), format!("x{p}")] {
                let in_order = PREFIXES
                    .iter()
                    .find(|(q, _)| text.starts_with(q))
                    .map(|&(_, r)| r);
                assert_eq!(first_prefix(&text), in_order, "{text}");
            }
        }
    }

    #[test]
    fn length_shortcuts_cover_every_list_entry() {
        for (e, _) in EXACT {
            assert!(e.len() <= MAX_EXACT_BYTES, "{e}");
        }
        for h in RELATED_HEADINGS {
            assert!(h.len() <= MAX_EXACT_BYTES, "{h}");
        }
    }

    #[test]
    fn cookie_banner_is_removed() {
        let banner = "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish. Accept Read More";
        assert_eq!(classify_block(banner), Some(Reason::CookieNotice));
        assert_eq!(
            classify_block("We value your privacy. We and our partners store and/or access information on a device."),
            Some(Reason::CookieNotice)
        );
        assert_eq!(
            classify_block("Accept all cookies"),
            Some(Reason::CookieNotice)
        );
    }

    #[test]
    fn articles_about_cookies_are_kept() {
        for text in [
            "The EU's cookie law requires websites to obtain consent before they store cookies on a visitor's device.",
            "Girl Scout cookies went on sale on Thursday, and bakers said demand was strong.",
            "Regulators said the site uses tracking technology that many readers would not expect.",
            "“We and our partners are committed to rebuilding every home on this street,” the mayor said.",
            "“We value your privacy and are investigating the incident,” the company said in a statement.",
            "The firm paid no federal tax last year. By continuing to use this loophole, it saved $2 billion.",
            "“We use cookies from a local bakery in every sundae,” said owner Ann Lee.",
        ] {
            assert_eq!(classify_block(text), None, "{text}");
        }
    }

    #[test]
    fn short_labels_and_prompts() {
        let cases = [
            ("Advertisement", Reason::Advertisement),
            ("ADVERTISEMENT", Reason::Advertisement),
            ("Story continues below advertisement", Reason::Advertisement),
            ("Read more", Reason::ReadMore),
            ("Read More »", Reason::ReadMore),
            (
                "READ MORE: Kremlin warns of 'serious costs'",
                Reason::ReadMore,
            ),
            ("Share this article", Reason::SharePrompt),
            ("Facebook Twitter LinkedIn Email", Reason::SharePrompt),
            ("Share | Tweet | Email", Reason::SharePrompt),
            ("Sign up for our daily newsletter", Reason::SubscribePrompt),
            ("Subscribe to The Morning Brief", Reason::SubscribePrompt),
            ("Already a subscriber? Log in", Reason::SubscribePrompt),
            ("© 2022 Reuters. All rights reserved.", Reason::Copyright),
            (
                "Copyright 2022 The Associated Press. All rights reserved.",
                Reason::Copyright,
            ),
            ("Home > World > Europe", Reason::Breadcrumb),
            ("Home / News / Politics / Ukraine", Reason::Breadcrumb),
            ("Home | Sport | Football", Reason::Breadcrumb),
            ("Copyright © 2022 Example Media", Reason::Copyright),
            ("Skip to main content", Reason::Navigation),
            ("Photo: Reuters", Reason::ImageCredit),
            ("Image source, Getty Images", Reason::ImageCredit),
        ];
        for (text, reason) in cases {
            assert_eq!(classify_block(text), Some(reason), "{text}");
        }
    }

    #[test]
    fn content_that_resembles_boilerplate_is_kept() {
        for text in [
            "Copyright holders argued that the law went too far.",
            "Read the statement carefully, the lawyer said.",
            "More than 100,000 troops have gathered near the border.",
            "Sharing intelligence with allies is a priority, the official said.",
            "Subscribers to the service complained about the price rise, which takes effect in March and affects nearly four million households across the country, according to the regulator's filing.",
            "Biden / Putin",
            "Jürgen Schmidt | 56 | 14.7%",
            "© Provided by Business Insider Inc Nintendo and Apple shocked the world earlier this week with a surprise announcement about Mario.",
            "The vote was 52 to 48. Home prices rose 5 percent.",
            "Photographers were kept away from the scene.",
            "The union said the settlement left all rights reserved to the workers under the 2019 agreement.",
            "I agree.",
            "More.",
            "Share.",
        ] {
            assert_eq!(classify_block(text), None, "{text}");
        }
    }

    #[test]
    fn related_heading_takes_the_following_headlines() {
        let blocks = [
            "The talks ended without agreement.",
            "Related stories",
            "Kremlin says talks with Washington were useful",
            "NATO allies weigh new sanctions",
            "The next meeting is planned for January.",
        ];
        let r = classify(&blocks);
        assert_eq!(
            r,
            vec![
                None,
                Some(Reason::RelatedLinks),
                Some(Reason::RelatedLinks),
                Some(Reason::RelatedLinks),
                None
            ]
        );
    }

    #[test]
    fn related_openers_and_the_section_that_follows() {
        for t in [
            "Mehr zum Thema auf example.de",
            "Weitere Beiträge aus der Kolumne:",
            "Zum Weiterlesen:",
            "Plus d'articles et vidéos sur le sujet",
            "Más noticias de Deportes",
        ] {
            assert_eq!(classify_block(t), Some(Reason::RelatedLinks), "{t}");
        }
        // Section headings of an article that open alike, and sentences.
        for t in [
            "Mehr zum Thema Datenschutz lesen Sie in unserem ausführlichen Ratgeber über die neuen Regeln.",
            "Weitere Beiträge sind geplant.",
            "More stories like this one are coming, the editor said.",
        ] {
            assert_eq!(classify_block(t), None, "{t}");
        }
        // The headlines under it end at the next heading.
        let blocks = [
            "The glossary lists 200 words.",
            "Mehr zum Thema auf example.de",
            "2019-01-14: Auftakt des Zentrums für Lexikographie",
            "Further link",
            "www.example.org/glossary",
        ];
        let headings = [false, true, false, true, false];
        assert_eq!(
            classify_sections(&blocks, &headings),
            vec![
                None,
                Some(Reason::RelatedLinks),
                Some(Reason::RelatedLinks),
                None,
                None
            ]
        );
    }

    #[test]
    fn closing_prompts_to_share_rate_comment_sign_up_and_install() {
        for (t, r) in [
            ("Möchten Sie den Artikel teilen?", Reason::SharePrompt),
            ("Partager cet article", Reason::SharePrompt),
            (
                "War der Artikel nützlich?\n(95 Stimmen: 4,73 von 5)\nLoading...",
                Reason::Feedback,
            ),
            (
                "Verraten Sie gerne in den Kommentaren: Was bedeutet der Preis für Sie?",
                Reason::Comments,
            ),
            (
                "Diskutieren Sie mit uns\nMelden Sie sich an und teilen Sie\nIhre Meinung im Kommentarbereich.",
                Reason::Comments,
            ),
            (
                "Let us know in the comments which trail you liked best",
                Reason::Comments,
            ),
            (
                "Do you want to be informed of our campaigns? Sign up here",
                Reason::SubscribePrompt,
            ),
            (
                "For the latest stories and breaking news updates download the Example News apps for iOS and Android.",
                Reason::SubscribePrompt,
            ),
            (
                "Laden Sie jetzt unsere App im App Store oder bei Google Play herunter.",
                Reason::SubscribePrompt,
            ),
        ] {
            assert_eq!(classify_block(t), Some(r), "{t}");
        }
        // News that uses the same words.
        for t in [
            "The company said users could download the app for iOS and Android from Monday.",
            "Curious readers can download the studio's application from its website.",
            "Residents were told to sign up for alerts, the mayor said, and more than 2,000 did.",
            "Was this helpful to the campaign? Aides say it was not, and the polls moved against them all week.",
            "He declined to comment and told us to log in to the portal.",
        ] {
            assert_eq!(classify_block(t), None, "{t}");
        }
    }

    #[test]
    fn membership_drives_and_advertising_disclosures() {
        for (t, r) in [
            (
                "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS",
                Reason::SubscribePrompt,
            ),
            (
                "Become a member and support independent journalism",
                Reason::SubscribePrompt,
            ),
            (
                "*Werbung. Dieser Beitrag enthält Werbung für Example.",
                Reason::Advertisement,
            ),
            ("This post contains affiliate links.", Reason::Advertisement),
        ] {
            assert_eq!(classify_block(t), Some(r), "{t}");
        }
        for t in [
            "The regulator said the post contains affiliate links that were not labelled.",
            "Werbung im Fernsehen ist für viele Sender die wichtigste Einnahmequelle, und sie wird teurer.",
            "To become a member of the club, players must have lived in the town for five years.",
        ] {
            assert_eq!(classify_block(t), None, "{t}");
        }
    }

    #[test]
    fn cookie_notice_run_into_a_paragraph_is_found() {
        let text = "Putin has compared current tensions to the Cuban Missile Crisis of 1962. This website uses cookies to improve your experience. Accept";
        let at = trailing_cookie_notice(text).unwrap();
        assert!(text[at..].starts_with("This website"));
        assert_eq!(
            trailing_cookie_notice("We use cookies in the kitchen. It was fine."),
            None
        );
    }
}

#[cfg(test)]
mod social_tests {
    use super::*;

    #[test]
    fn invitations_to_a_sites_channels_are_share_prompts() {
        for t in [
            "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner",
            "¿Ya sabías que en Guatemala.com tenemos canal de Telegram? Únete aquí",
            "Síguenos en Facebook y YouTube",
            "Join our WhatsApp channel for the latest news",
        ] {
            assert_eq!(classify_block(t), Some(Reason::SharePrompt), "{t}");
        }
        for t in [
            "The minister left Twitter last year, saying the platform had become toxic.",
            "Lucas Nolan is a reporter covering free speech and online censorship for the site. Follow him on Twitter @LucasNolan_",
            "Facebook said it would join the talks on Tuesday.",
        ] {
            assert_eq!(classify_block(t), None, "{t}");
        }
    }

    #[test]
    fn lines_about_the_comment_section() {
        for t in [
            "Para poder comentar tenés que ingresar con tu usuario de LA NACION.",
            "Log in to comment",
            "Comments are moderated in line with our community guidelines.",
            "Um zu kommentieren, müssen Sie sich anmelden.",
        ] {
            assert_eq!(classify_block(t), Some(Reason::Comments), "{t}");
        }
        for t in [
            "The minister declined to comment on the policy before the vote.",
            "Users will have to log in to comment, the company said on Tuesday.",
            "The register of comments on the bill closed on Friday.",
        ] {
            assert_eq!(classify_block(t), None, "{t}");
        }
    }

    #[test]
    fn feedback_requests() {
        for t in [
            "Was this article helpful?",
            "War der Artikel nützlich?",
            "¿Te ha resultado útil este artículo?",
        ] {
            assert_eq!(classify_block(t), Some(Reason::Feedback), "{t}");
        }
        assert_eq!(
            classify_block("Was this article helpful to the campaign? Aides say it was not."),
            None
        );
    }

    #[test]
    fn photo_credits_in_other_languages() {
        for t in [
            "Foto: Timur",
            "Kuva: ALEXANDER BECHER",
            "(Quelle: Fleischmann/Unsplash/DJV)",
            "Bild: Jahr Media",
        ] {
            assert_eq!(classify_block(t), Some(Reason::ImageCredit), "{t}");
        }
        assert_eq!(
            classify_block("Fotografen zeigen die Flut in Bildern."),
            None
        );
    }

    #[test]
    fn read_also_prompts_in_other_languages() {
        for t in [
            "Lea también: Impiden ingreso a Nicaragua a reportero",
            "VEA TAMBIÉN: Entre heces y guaricha",
            "Lesen Sie auch: Die Bahn streikt wieder",
            "À lire aussi : la réforme des retraites",
        ] {
            assert_eq!(classify_block(t), Some(Reason::ReadMore), "{t}");
        }
    }
}
