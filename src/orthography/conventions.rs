//! The conventions each style writes around words, one section per field of [`StyleRules`],
//! and the joiners dropped inside words. Both directions ask these: the writer to write a
//! convention, the reader to recognise and undo it, so that a change of convention is one
//! edit.

use super::letters::tote;
#[cfg(doc)]
use crate::style::{Abbreviations, VowelThenE, YearHyphen};
use crate::style::{Allah, CommaRule, Digits, Signs, StyleRules};

// `comma`: the tote comma `،` except between digits.

/// The comma of the style after a letter (never between digits).
#[inline]
pub(crate) fn style_comma(rules: &StyleRules) -> char {
    match rules.comma {
        CommaRule::ArabicExceptBetweenDigits | CommaRule::Arabic => tote::COMMA,
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
        CommaRule::Arabic => tote::COMMA,
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

/// Letters after which `е` gets an inserted `ي` in
/// [`VowelThenE::InsertYehAfterVowelOrSign`] styles: the vowels but `ы` `і` `у`, and the signs.
pub(crate) const VOWELS_OR_SIGNS_BEFORE_E: &[char] = &[
    'а', 'ә', 'е', 'ё', 'и', 'о', 'ө', 'ұ', 'ү', 'э', 'ю', 'я', 'ъ', 'ь',
];

// `digits`: `0`-`9` as `۰`-`۹`.

/// The digit written for the ASCII digit `c` under `digits`, if it is one.
#[inline]
pub(crate) fn digit(c: char, digits: Digits) -> Option<char> {
    let value = c.to_digit(10).filter(|_| c.is_ascii_digit())?;
    match digits {
        Digits::Ascii => None,
        Digits::ExtendedArabicIndic => char::from_u32(0x06F0 + value),
    }
}

// `signs`: `%` `*` and the number sign.

/// The number sign `؀` (U+0600) of [`Signs::Arabic`].
pub(crate) const NUMBER_SIGN: char = '\u{0600}';

/// What [`Signs::Arabic`] writes for the sign at the start of `rest`, and the sign's length in
/// bytes: `%` -> `٪`, `*` -> `٭`, and `№`, `#`, `No.` -> `؀`.
#[inline]
pub(crate) fn sign_at(rest: &str, signs: Signs) -> Option<(char, usize)> {
    if signs == Signs::AsWritten {
        return None;
    }
    let sign = match rest.as_bytes().first()? {
        b'%' => ('\u{066A}', 1),
        b'*' => ('\u{066D}', 1),
        b'#' => (NUMBER_SIGN, 1),
        b'N' if rest.starts_with("No.") => (NUMBER_SIGN, 3),
        _ if rest.starts_with('№') => (NUMBER_SIGN, '№'.len_utf8()),
        _ => return None,
    };
    Some(sign)
}

/// Whether a byte may start a sign or digit the style rewrites (see [`sign_at`], [`digit`]).
#[inline]
pub(crate) fn may_start_sign_or_digit(b: u8, rules: &StyleRules) -> bool {
    (rules.digits != Digits::Ascii && b.is_ascii_digit())
        || (rules.signs != Signs::AsWritten && matches!(b, b'%' | b'*' | b'#' | b'N' | 0xE2))
}

// `allah`: the ligature `ﷲ`.

/// The word written as the ligature in [`Allah::Ligature`] styles, lower case.
pub(crate) const ALLAH: [char; 5] = ['а', 'л', 'л', 'а', 'һ'];

/// The ligature `ﷲ` (U+FDF2).
pub(crate) const ALLAH_LIGATURE: char = '\u{FDF2}';

/// Whether `lower`, lower-case letters, start with [`ALLAH`] and the style writes it as the
/// ligature.
#[inline]
pub(crate) fn starts_with_allah(
    mut lower: impl Iterator<Item = Option<char>>,
    allah: Allah,
) -> bool {
    allah == Allah::Ligature && ALLAH.iter().all(|&a| lower.next() == Some(Some(a)))
}

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
