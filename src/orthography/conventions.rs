//! The conventions each style writes around words, one section per field of [`StyleRules`],
//! and the joiners dropped inside words. Both directions ask these: the writer to write a
//! convention, the reader to recognise and undo it, so that a change of convention is one
//! edit.

use super::letters::tote;
#[cfg(doc)]
use crate::style::{Abbreviations, VowelThenE, YearHyphen};
use crate::style::{CommaRule, StyleRules};

// `comma`: the tote comma `،` except between digits.

/// The comma of the style after a letter (never between digits).
#[inline]
pub(crate) fn style_comma(rules: &StyleRules) -> char {
    match rules.comma {
        CommaRule::ArabicExceptBetweenDigits => tote::COMMA,
        CommaRule::Latin => ',',
    }
}

/// The comma written for the `,` at byte `at` of `text` under `rule`: the tote comma, unless
/// the style keeps the Latin one or the comma stands between two digits (`3,5`).
#[inline]
pub(crate) fn comma_at(text: &[u8], at: usize, rule: CommaRule) -> char {
    let between_digits =
        at > 0 && text[at - 1].is_ascii_digit() && text.get(at + 1).is_some_and(u8::is_ascii_digit);
    match rule {
        CommaRule::ArabicExceptBetweenDigits if !between_digits => tote::COMMA,
        _ => ',',
    }
}

// `abbreviations`: short all-caps words written letter-spaced.

/// Longest all-caps word treated as an abbreviation (`ҰҚШҰ`, `ҚРСІМ`), letter-spaced in
/// [`Abbreviations::LetterSpaced`] styles; longer all-caps words (`ТҮРКСОЙ`, headlines) are
/// converted as words.
pub(crate) const MAX_ABBREVIATION_LEN: usize = 5;

// `vowel_then_e`: a yeh between a vowel and `е`.

/// Vowels after which `е` gets an inserted `ي` in [`VowelThenE::InsertYeh`] styles.
pub(crate) const VOWELS_BEFORE_E: &[char] =
    &['а', 'ә', 'о', 'ө', 'ұ', 'ү', 'ы', 'і', 'я', 'ю', 'ё'];

// `year_hyphen`: the space of `1969 -جىلى`.

/// Whether the four bytes before `at` are a year: four digits, not more, and not inside an
/// address (after a character of a URL's syntax: `a(://1700`), whose extent as a passthrough
/// token must not change with the space `to_cyrillic` drops. (A letter before the digits may
/// be a Latin look-alike that reads as Cyrillic: it decides nothing here.)
#[inline]
pub(crate) fn ends_four_digit_year(bytes: &[u8], at: usize) -> bool {
    at >= 4
        && bytes[at - 4..at].iter().all(u8::is_ascii_digit)
        && (at == 4 || !(bytes[at - 5].is_ascii_digit() || b"/:@_~+=&#\\".contains(&bytes[at - 5])))
}

/// Whether the tote `after_hyphen` starts with a form of `жыл` (`جىل`, after the word's
/// `hamza` if it has one: `ءجىلىۇش`): then the hyphen of a year before it takes a space in
/// [`YearHyphen::SpaceBefore`] styles, and `to_cyrillic` drops that space again.
pub(crate) fn starts_with_jyl(after_hyphen: &str, hamza: char) -> bool {
    after_hyphen
        .strip_prefix(hamza)
        .unwrap_or(after_hyphen)
        .starts_with("\u{062C}\u{0649}\u{0644}")
}

// Joiners: a zero-width (non-)joiner between two letters of a word is dropped.

/// A zero-width non-joiner or joiner (U+200C, U+200D).
#[inline]
pub(crate) fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}
