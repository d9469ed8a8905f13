//! Vowel harmony and the hamza: when a word takes a hamza (a front vowel and no front
//! marker), decided on its letters or on the flags of the byte table, and where the hamza is
//! written: before the word, or before a `«` right before it in styles that put it there.

use super::letters::{self, flags, packed_flags};
use crate::style::{HamzaAtQuote, StyleRules};

/// (has a front vowel, has a front marker) over `lower`, the lower-case Cyrillic letters of a
/// word.
pub(crate) fn harmony_flags(lower: impl Iterator<Item = char>) -> (bool, bool) {
    let mut front = false;
    let mut marker = false;
    for lower in lower {
        front |= letters::is_front_vowel(lower);
        marker |= letters::is_front_marker(lower);
    }
    (front, marker)
}

/// The hamza rule over `lower`, the lower-case Cyrillic letters of a word: a front vowel and
/// no front marker.
pub(crate) fn needs_hamza(lower: impl Iterator<Item = char>) -> bool {
    let (front, marker) = harmony_flags(lower);
    front && !marker
}

/// Whether a word whose letters' flags, or-ed together, are `any` (as [`packed_flags`]
/// places them) takes a hamza: a front vowel and no front marker.
#[inline(always)]
pub(crate) fn takes_hamza(any: u32) -> bool {
    any & packed_flags(flags::FRONT_VOWEL) != 0 && any & packed_flags(flags::FRONT_MARKER) == 0
}

/// Writes the hamza of a word whose tote starts at byte `at` of `out`: there, or before a `«`
/// right before the word where the style wants it so
/// ([`HamzaAtQuote::BeforeQuote`]). The hamza itself is the style's ([`StyleRules::hamza`]).
#[inline]
pub(crate) fn insert_hamza(out: &mut String, rules: &StyleRules, at: usize) {
    let hamza = rules.hamza;
    if rules.hamza_at_quote == HamzaAtQuote::BeforeQuote && out[..at].ends_with('«') {
        out.insert(at - '«'.len_utf8(), hamza);
    } else if at == out.len() {
        out.push(hamza);
    } else {
        out.insert(at, hamza);
    }
}

// `HamzaScope::EachLetterRun`: MediaWiki's parts of text.

/// Letters that keep a part of text from taking a hamza in
/// [`HamzaScope::EachLetterRun`](crate::HamzaScope::EachLetterRun): the front markers and the
/// back consonants `ғ` `қ`.
pub(crate) const PART_BLOCKERS: &[char] = &['е', 'э', 'г', 'ғ', 'к', 'қ'];

/// Whether `c` cuts the text into parts in
/// [`HamzaScope::EachLetterRun`](crate::HamzaScope::EachLetterRun): ASCII white space (with
/// vertical tab), backspace, `-`, `.` and `:`.
#[inline]
pub(crate) fn cuts_part(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | '\u{08}' | '-' | '.' | ':'
    )
}

/// Whether the part of text that starts `text` (up to the first character that
/// [`cuts_part`]) takes a hamza: a front vowel and none of [`PART_BLOCKERS`], either case.
pub(crate) fn part_takes_hamza(text: &str) -> bool {
    let (mut front, mut blocked) = (false, false);
    for c in text.chars().take_while(|&c| !cuts_part(c)) {
        if let Some(lower) = letters::lower(c) {
            front |= letters::is_front_vowel(lower);
            blocked |= PART_BLOCKERS.contains(&lower);
        }
    }
    front && !blocked
}
