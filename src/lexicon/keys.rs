//! The look-up keys of the lexicon's words: the tote letters of a word without the hamza and
//! without a `ي` between a vowel and `ە` (the `ев` convention some styles add).
//!
//! Always compiled, also without the `lexicon` feature: `tools/lexgen` computes the keys of
//! the tables it writes with these functions (through [`crate::generator`]), so the keys the
//! data holds can never disagree with the keys the converter looks up.

use crate::orthography::letters::{self, flags, tote, CYRILLIC_LEAD_FIRST, CYRILLIC_LEAD_LAST};

/// The look-up key of a Cyrillic word (any case): its tote letters, without hamza and
/// without the `ев` yeh.
pub fn key_of_cyrillic(word: &str, key: &mut String) {
    key.clear();
    let table = &*letters::BYTE_TABLE;
    let mut rest = word.as_bytes();
    // Whether a `ي` is followed by a `ە` (the yeh that may go, see [`drop_ev_yeh`]).
    let (mut after_yeh, mut yeh_ae) = (false, false);
    // Byte by byte over the two-byte Cyrillic letters (every word of the data files): the
    // same as [`key_of_cyrillic_chars`], which takes anything else.
    while let &[lead @ CYRILLIC_LEAD_FIRST..=CYRILLIC_LEAD_LAST, continuation, ref after @ ..] =
        rest
    {
        let letter = table.get(lead, continuation);
        if letter.flags & flags::IN_TABLE == 0 {
            return key_of_cyrillic_chars(word, key);
        }
        if letter.flags & flags::PAIR_FIRST != 0 {
            if let &[lead @ CYRILLIC_LEAD_FIRST..=CYRILLIC_LEAD_LAST, continuation, ref after_pair @ ..] =
                after
            {
                let next = table.get(lead, continuation);
                if let Some(merged) = letters::merged_pair(letter.lower, next.lower) {
                    key.push_str(merged);
                    after_yeh = merged.ends_with('\u{064A}');
                    rest = after_pair;
                    continue;
                }
            }
        }
        // (Almost every tote letter is two bytes: copied so, without a call to `memcpy`.)
        match letter.tote.len() {
            2 => key.push_str(&letter.tote[..2]),
            _ => key.push_str(letter.tote),
        }
        yeh_ae |= after_yeh && letter.tote == "\u{06D5}";
        after_yeh = letter.tote == "\u{064A}";
        rest = after;
    }
    if !rest.is_empty() {
        return key_of_cyrillic_chars(word, key);
    }
    if yeh_ae {
        drop_ev_yeh(key);
    }
}

/// [`key_of_cyrillic`] for any text: letters outside the table are left out.
pub(crate) fn key_of_cyrillic_chars(word: &str, key: &mut String) {
    key.clear();
    let mut chars = word.chars().filter_map(letters::lower).peekable();
    while let Some(c) = chars.next() {
        if let Some(merged) = chars.peek().and_then(|&n| letters::merged_pair(c, n)) {
            key.push_str(merged);
            chars.next();
        } else {
            key.push_str(letters::tote_of(c).unwrap_or_default());
        }
    }
    drop_ev_yeh(key);
}

/// The look-up key of a tote word (its letters, hamza already removed).
#[cfg(feature = "lexicon")]
pub(crate) fn key_of_tote(letters: &[char], key: &mut String) {
    key.clear();
    key.extend(letters.iter().filter(|&&c| c != tote::HAMZA));
    drop_ev_yeh(key);
}

/// Removes each `ي` that stands between a vowel letter and `ە`.
fn drop_ev_yeh(key: &mut String) {
    // (A byte search: `str::contains` sets up a substring searcher on every call.)
    const YEH_AE: &[u8] = "\u{064A}\u{06D5}".as_bytes();
    if !key.as_bytes().windows(YEH_AE.len()).any(|w| w == YEH_AE) {
        return;
    }
    let chars: Vec<char> = key.chars().collect();
    key.clear();
    for (i, &c) in chars.iter().enumerate() {
        let between = c == tote::YEH
            && i > 0
            && matches!(
                chars[i - 1],
                tote::ALEF | tote::WAW | tote::U | tote::ALEF_MAKSURA
            )
            && chars.get(i + 1) == Some(&tote::AE);
        if !between {
            key.push(c);
        }
    }
}
