//! UTF-8 of byte input, for programs that read bytes themselves: where a buffer read from a
//! stream can be cut without splitting a character ([`complete_prefix_len`]), and bytes
//! decoded with invalid sequences reported ([`InvalidUtf8Error`],
//! with the offset in the input) or replaced ([`Utf8Mode`]).

use std::borrow::Cow;

use crate::error::InvalidUtf8Error;
use crate::Utf8Mode;

/// Length of `bytes` without an incomplete UTF-8 sequence at its end (the start of a
/// character whose other bytes are still to be read): where a buffer read from a stream can
/// be cut without splitting a character.
///
/// ```
/// use kazakh_script::utf8::complete_prefix_len;
/// let bytes = "қа".as_bytes();
/// assert_eq!(complete_prefix_len(bytes), 4);
/// assert_eq!(complete_prefix_len(&bytes[..3]), 2);
/// ```
#[inline]
pub fn complete_prefix_len(bytes: &[u8]) -> usize {
    // The last byte that is not a continuation byte, within a character's reach of the end.
    let tail = bytes.len().saturating_sub(3);
    let Some(start) = (tail..bytes.len()).rev().find(|&i| bytes[i] & 0xC0 != 0x80) else {
        return bytes.len();
    };
    let needed = match bytes[start] {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    };
    if bytes.len() - start < needed {
        start
    } else {
        bytes.len()
    }
}

/// `bytes` as text: borrowed when valid; else, in [`Utf8Mode::Lossy`], with each invalid
/// sequence replaced by U+FFFD as [`String::from_utf8_lossy`] does, or in
/// [`Utf8Mode::Strict`] an error whose offset counts from `offset`, the place of `bytes` in
/// the input. Pieces of an input cut after a line feed, or by [`complete_prefix_len`],
/// decode together as the whole input does.
///
/// ```
/// use kazakh_script::utf8::decode;
/// use kazakh_script::Utf8Mode;
///
/// assert_eq!(decode(b"ok", Utf8Mode::Strict, 0).unwrap(), "ok");
/// assert_eq!(decode(b"o\xFF", Utf8Mode::Strict, 100).unwrap_err().offset, 101);
/// assert_eq!(decode(b"o\xFF", Utf8Mode::Lossy, 100).unwrap(), "o\u{FFFD}");
/// ```
pub fn decode(bytes: &[u8], mode: Utf8Mode, offset: u64) -> Result<Cow<'_, str>, InvalidUtf8Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) if mode == Utf8Mode::Lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(error) => Err(InvalidUtf8Error::new(offset + error.valid_up_to() as u64)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_incomplete_character_at_the_end_is_kept() {
        let text = "қа".as_bytes();
        assert_eq!(complete_prefix_len(text), 4);
        assert_eq!(complete_prefix_len(&text[..3]), 2);
        assert_eq!(complete_prefix_len(&"€".as_bytes()[..2]), 0);
        assert_eq!(complete_prefix_len(b"ab\x80"), 3);
    }

    #[test]
    fn decoding_reports_or_replaces_invalid_bytes() {
        assert_eq!(decode(b"ab", Utf8Mode::Strict, 5).unwrap(), "ab");
        assert_eq!(
            decode(b"a\xFFb", Utf8Mode::Strict, 5),
            Err(InvalidUtf8Error::new(6))
        );
        assert_eq!(decode(b"a\xFFb", Utf8Mode::Lossy, 5).unwrap(), "a\u{FFFD}b");
    }
}
