//! Errors as values.
//!
//! In the browser a panic traps the whole module and leaves a dead page, so every
//! way an input can be refused is an [`Error`] with a machine-readable
//! [`ErrorKind`] (the page and the CLI branch on it) and a message written for the
//! person who pasted the text (they read it as is).

use std::fmt;

/// Why an input was refused.
///
/// New kinds may be added as the analysis grows; match with a wildcard arm.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Nothing to analyse: the input is empty or only whitespace (or only markup).
    Empty,
    /// The input is larger than [`crate::Options::max_input_bytes`].
    TooLarge,
    /// The input looks like binary data (an image, an archive…), not text.
    Binary,
    /// An option has a value that cannot be used (for example a date that does not exist).
    InvalidOption,
}

impl ErrorKind {
    /// The stable name used in JSON and in the JavaScript `Error.kind` property.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Empty => "empty",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Binary => "binary",
            ErrorKind::InvalidOption => "invalid_option",
        }
    }
}

/// A refused input: what kind of problem, and a sentence saying what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Error {
    /// What went wrong, for programs.
    pub kind: ErrorKind,
    /// What went wrong, for people: complete sentences, no jargon.
    pub message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
