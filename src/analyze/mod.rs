//! The analyzers. Each reads the [`Document`](crate::document::Document) and a
//! [`Context`] and returns its own layer of the analysis; none changes the text
//! or another layer.

pub mod entities;
pub mod keyphrases;
pub mod ner;
mod numbers;
pub mod quality;
pub mod quantities;
pub mod quotes;
pub mod stats;
pub mod summary;
pub mod timeline;
pub mod times;

use crate::options::Date;
use crate::output::Meta;

/// What analyzers may know besides the document.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The date relative time expressions are resolved against, if any.
    pub reference_date: Option<Date>,
    /// The article's metadata (title, published date, …).
    pub meta: &'a Meta,
}
