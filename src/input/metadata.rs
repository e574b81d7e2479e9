//! Page metadata: what a page states about itself (title, authors, dates,
//! site, language, canonical URL, lead image, description), each field from
//! the most trusted source that gives it.

use crate::output::Meta;
use scraper::{Html, Node};

/// Reads the metadata a page states about itself in `<head>`: Open Graph,
/// Twitter cards, standard `<meta name>` and `<link rel=canonical>`. (JSON-LD,
/// microdata and visible bylines are the job of main-content extraction.)
/// Also counts the page's `<script>` and `<style>` elements, which this walk
/// over every element meets anyway.
pub fn read(doc: &Html) -> (Meta, usize) {
    let mut scripts = 0usize;
    let mut f = MetaFields::default();
    for node in doc.tree.root().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        match el.name() {
            "script" | "style" => scripts += 1,
            "html" => f.lang.offer(0, el.attr("lang")),
            "title" => {
                let text: String = node
                    .children()
                    .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                    .collect();
                f.title.offer(2, Some(&text));
            }
            "link" => {
                let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    f.url.offer(0, el.attr("href"));
                }
            }
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                f.meta(&key, el.attr("content"));
            }
            _ => {}
        }
    }
    let mut m = Meta {
        title: f.title.value,
        byline: f.byline.value,
        published: f.published.value,
        modified: f.modified.value,
        site: f.site.value,
        lang: f.lang.value,
        url: f.url.value,
        image: f.image.value,
        description: f.description.value,
        authors: Vec::new(),
    };
    if let Some(byline) = &m.byline {
        m.authors = crate::input::split_authors(byline);
    }
    (m, scripts)
}

/// A metadata value and the rank of its source: a page may state the same
/// thing several times, and the most trusted statement wins wherever it
/// stands in the page (lower rank is more trusted; the first of a rank wins).
#[derive(Default)]
struct Ranked {
    value: Option<String>,
    rank: u8,
}

impl Ranked {
    fn offer(&mut self, rank: u8, value: Option<&str>) {
        let Some(v) = value else { return };
        let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
        if !v.is_empty() && (self.value.is_none() || rank < self.rank) {
            self.value = Some(v);
            self.rank = rank;
        }
    }

    /// Dates: one that starts with an ISO 8601 calendar date beats one that
    /// does not, whatever its source ("Jan 4, 2022" cannot anchor relative dates).
    fn offer_date(&mut self, rank: u8, value: Option<&str>) {
        let iso = value.is_some_and(|v| {
            let b = v.trim().as_bytes();
            b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[7] == b'-'
        });
        self.offer(if iso { rank } else { rank + 10 }, value);
    }
}

#[derive(Default)]
struct MetaFields {
    title: Ranked,
    byline: Ranked,
    published: Ranked,
    modified: Ranked,
    site: Ranked,
    lang: Ranked,
    url: Ranked,
    image: Ranked,
    description: Ranked,
}

impl MetaFields {
    /// One `<meta>` element: its key (`property`, `name` or `itemprop`,
    /// lowercased) and its `content`.
    fn meta(&mut self, key: &str, content: Option<&str>) {
        match key {
            "og:title" => self.title.offer(0, content),
            "twitter:title" => self.title.offer(1, content),
            "og:site_name" => self.site.offer(0, content),
            "application-name" => self.site.offer(1, content),
            "description" => self.description.offer(0, content),
            "og:description" => self.description.offer(1, content),
            "twitter:description" => self.description.offer(2, content),
            "og:url" => self.url.offer(1, content),
            "og:image" => self.image.offer(0, content),
            "twitter:image" => self.image.offer(1, content),
            "article:published_time" => self.published.offer_date(0, content),
            "datepublished" => self.published.offer_date(1, content),
            "dc.date.issued" => self.published.offer_date(2, content),
            "dc.date" => self.published.offer_date(3, content),
            "pubdate" => self.published.offer_date(4, content),
            "date" => self.published.offer_date(5, content),
            "article:modified_time" => self.modified.offer_date(0, content),
            "datemodified" => self.modified.offer_date(1, content),
            "og:updated_time" => self.modified.offer_date(2, content),
            // A profile URL is not a name.
            "author" | "article:author" | "dc.creator"
                if content.is_some_and(|c| !c.starts_with("http")) =>
            {
                let rank = match key {
                    "author" => 0,
                    "article:author" => 1,
                    _ => 2,
                };
                self.byline.offer(rank, content)
            }
            "og:locale" => self
                .lang
                .offer(1, content.map(|c| c.replace('_', "-")).as_deref()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {

    fn extract(html: &str) -> crate::input::html::HtmlInput {
        crate::input::html::extract(html)
    }

    #[test]
    fn head_metadata() {
        let html = r#"<html lang="en-GB"><head><title>Talks end | The Paper</title>
            <meta property="og:title" content="Talks end">
            <meta property="og:site_name" content="The Paper">
            <meta name="author" content="Jane Doe and John Roe">
            <meta property="article:published_time" content="2021-12-30T18:00:00Z">
            <link rel="canonical" href="https://example.com/talks"></head><body><p>x</p></body></html>"#;
        let m = extract(html).meta;
        let trust = extract(
            r#"<head><meta property="og:url" content="https://m.example.com/a?utm=x">
            <meta name="date" content="Jan 4, 2022"><link rel="canonical" href="https://example.com/a">
            <meta property="article:published_time" content="2022-01-04T10:00:00Z"></head><p>x"#,
        )
        .meta;
        assert_eq!(trust.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(trust.published.as_deref(), Some("2022-01-04T10:00:00Z"));
        assert_eq!(
            extract("<head><script></script><style></style></head><p>x<script></script>")
                .scripts_skipped,
            3
        );
        assert_eq!(m.title.as_deref(), Some("Talks end"));
        assert_eq!(m.site.as_deref(), Some("The Paper"));
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
        assert_eq!(m.published.as_deref(), Some("2021-12-30T18:00:00Z"));
        assert_eq!(m.url.as_deref(), Some("https://example.com/talks"));
        assert_eq!(m.authors, ["Jane Doe", "John Roe"]);
    }
}
