//! Splitting text into words and the runs around them, on `&str` without allocating.

use super::detect::is_arabic_script;
use crate::orthography::letters;

/// What a character is to the Cyrillic word scanner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordChar {
    /// A letter of any non-Arabic script (Cyrillic, Latin, ...).
    Letter,
    /// A combining mark, which belongs to the letter before it.
    CombiningMark,
}

/// Classifies `c` for the Cyrillic word scanner; `None` ends a word.
#[inline]
pub(crate) fn word_char(c: char) -> Option<WordChar> {
    // Fast answers for what surrounds Kazakh words (ASCII, the letters of the table, the
    // punctuation of the General Punctuation block, « » and no-break space) before the
    // Unicode property look-up.
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(WordChar::Letter);
    }
    if letters::is_cyrillic_letter(c) {
        return Some(WordChar::Letter);
    }
    if matches!(c, '\u{2000}'..='\u{206F}' | '«' | '»' | '\u{00A0}') {
        return None;
    }
    if is_combining_mark(c) {
        Some(WordChar::CombiningMark)
    } else if c.is_alphabetic() && !is_arabic_script(c) {
        Some(WordChar::Letter)
    } else {
        None
    }
}

/// Combining marks that can follow a Cyrillic letter (U+0300..U+036F).
#[inline]
pub(crate) fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// ASCII bytes that never start anything a converter rewrites, so runs of them are copied
/// in bulk: everything but letters and `, ? ; -`.
#[inline]
pub(crate) fn is_inert_ascii(b: u8) -> bool {
    b.is_ascii() && !b.is_ascii_alphabetic() && !matches!(b, b',' | b'?' | b';' | b'-')
}

/// Whether byte offset `at` of `text` starts a whitespace-delimited token.
pub(crate) fn at_token_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '<' | '«' | '"' | '\''))
}

/// Longest URL or e-mail address that passes through as one token, in bytes.
const MAX_ADDRESS_LEN: usize = 512;

/// The largest char boundary of `text` at or below `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// If `text` starts with a URL or an e-mail address, its length in bytes: such tokens pass
/// through both directions unchanged, punctuation included.
pub(crate) fn passthrough_token_len(text: &str) -> Option<usize> {
    if !text.as_bytes().first()?.is_ascii_alphanumeric() {
        return None;
    }
    // An address is ASCII and has `://`, `www.` or `@` in it: the ASCII before the first
    // space or other character shows first whether one may start here (most tokens here are
    // numbers).
    let ascii = text
        .as_bytes()
        .iter()
        .take_while(|&&b| b.is_ascii() && !b.is_ascii_whitespace())
        .take(MAX_ADDRESS_LEN + 1);
    let mut marks = ascii.filter(|&&b| b == b':' || b == b'@');
    if marks.next().is_none() && !text.starts_with("www.") {
        return None;
    }
    // Longer tokens are not taken for addresses: the scan stays bounded, so that text with a
    // token start at every few bytes and no space converts in linear time.
    let window = &text[..floor_char_boundary(text, MAX_ADDRESS_LEN + 1)];
    let end = window
        .find(|c: char| c.is_whitespace() || matches!(c, '»' | '"' | '<' | '>'))
        .unwrap_or(window.len());
    if end > MAX_ADDRESS_LEN {
        return None;
    }
    // Trailing punctuation is not part of the token, in either script (so that the token
    // reads the same after its comma became `،`).
    let token = text[..end].trim_end_matches([
        '.', ',', ';', ':', '!', '?', ')', '\'', '\u{060C}', '\u{061B}', '\u{061F}',
    ]);
    // Only ASCII tokens: anything else is text to convert (and normalizing it must not
    // change what passes through).
    if !token.is_ascii() {
        return None;
    }
    let is_url = token.contains("://") || token.starts_with("www.");
    let is_email = token
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
    (is_url || is_email).then_some(token.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_emails_are_tokens_to_pass_through() {
        assert_eq!(
            passthrough_token_len("https://kazinform.kz/a?b=1, сайт"),
            Some(26)
        );
        assert_eq!(passthrough_token_len("www.egemen.kz."), Some(13));
        assert_eq!(passthrough_token_len("info@aikyn.kz арқылы"), Some(13));
        assert_eq!(passthrough_token_len("Aikyn.kz"), None);
        assert_eq!(passthrough_token_len("қазақ"), None);
    }

    #[test]
    fn fast_answers_agree_with_the_unicode_properties() {
        let slow = |c: char| {
            if is_combining_mark(c) {
                Some(WordChar::CombiningMark)
            } else if c.is_alphabetic() && !is_arabic_script(c) {
                Some(WordChar::Letter)
            } else {
                None
            }
        };
        for c in ('\0'..='\u{2FFF}').chain(['\u{FEFF}', '\u{1F600}']) {
            assert_eq!(word_char(c), slow(c), "{c:?}");
        }
    }

    #[test]
    fn cyrillic_and_latin_letters_are_word_chars_arabic_letters_are_not() {
        assert_eq!(word_char('қ'), Some(WordChar::Letter));
        assert_eq!(word_char('Q'), Some(WordChar::Letter));
        assert_eq!(word_char('\u{0306}'), Some(WordChar::CombiningMark));
        assert_eq!(word_char('ق'), None);
        assert_eq!(word_char('5'), None);
    }
}
