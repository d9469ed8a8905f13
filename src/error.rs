//! Error types. Conversion itself never fails: text the converter does not understand passes
//! through unchanged. Errors come from parsing names and (for byte input) from invalid UTF-8.

use thiserror::Error;

/// A style name that is not one of [`Style::ALL`](crate::Style::ALL).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("unknown style {name:?} (expected one of: kazinform, kazinform-2023, egemen, xinjiang)")]
pub struct ParseStyleError {
    /// The name that was given.
    pub name: String,
}

/// A script name that is neither `arabic` (tote) nor `cyrillic`.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("unknown script {name:?} (expected arabic or cyrillic)")]
pub struct ParseScriptError {
    /// The name that was given.
    pub name: String,
}

/// Input bytes that are not valid UTF-8.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("invalid UTF-8 at byte {offset}")]
pub struct InvalidUtf8Error {
    /// Offset of the first invalid byte from the start of the input.
    pub offset: u64,
}
