//! Error types. Conversion itself never fails: text the converter does not understand passes
//! through unchanged. Errors come from parsing names and (for byte input) from invalid UTF-8.

use thiserror::Error;

/// A style name that is not one of [`Style::ALL`](crate::Style::ALL).
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("unknown style {name:?} (expected one of: kazinform, kazinform-2023, egemen, xinjiang)")]
pub struct ParseStyleError {
    /// The name that was given.
    pub name: String,
}

/// A script name that is neither `arabic` (tote) nor `cyrillic`.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("unknown script {name:?} (expected arabic or cyrillic)")]
pub struct ParseScriptError {
    /// The name that was given.
    pub name: String,
}

/// Input bytes that are not valid UTF-8, and where: what byte input gives
/// ([`StreamError::InvalidUtf8`](crate::StreamError::InvalidUtf8), and, inside an
/// [`std::io::Error`] of kind `InvalidData`, [`fixtures::Pairs`](crate::fixtures::Pairs)).
///
/// ```
/// use kazakh_script::{Converter, Script, StreamConverter, StreamError};
///
/// let input: &[u8] = b"\xD0\x91\xD1\x96\xD0\xB7 \xFF";
/// let error = StreamConverter::new(Converter::default())
///     .convert_stream(input, Vec::new(), Script::Arabic)
///     .unwrap_err();
/// assert!(matches!(error, StreamError::InvalidUtf8(e) if e.offset == 7));
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("invalid UTF-8 at byte {offset}")]
pub struct InvalidUtf8Error {
    /// Offset of the first invalid byte from the start of the input.
    pub offset: u64,
}

impl InvalidUtf8Error {
    /// Invalid UTF-8 whose first invalid byte is `offset` bytes from the start of the input.
    pub(crate) fn new(offset: u64) -> Self {
        InvalidUtf8Error { offset }
    }
}
