//! Letter n-grams as numbers: those the letter model counts (see `letter_model`), with the
//! counting over a list of words, and those the lexicon's name model weighs.
//!
//! Always compiled, also without the `lexicon` feature: `tools/lexgen` counts the n-grams of
//! the lexicon's words with [`count_letter_grams`] and numbers the name model's n-grams with
//! [`name_gram_key`] (through [`crate::generator`]), and writes them into the embedded data
//! as tables of numbers, so nothing is counted or hashed as text at run time.

use std::collections::BTreeMap;

use crate::orthography::letters;

/// Longest context, in letters (a 4-gram model).
pub(crate) const ORDER: usize = 4;
/// Word boundary symbol.
pub(crate) const BOUNDARY: u32 = 0;
/// Bits per symbol.
const BITS: u32 = 6;

/// Index of a lower-case Cyrillic letter (1..=42, 63 for anything else), 0 being the word
/// boundary.
pub(crate) fn symbol(c: char) -> u32 {
    const ALPHABET: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
    static INDEX: std::sync::LazyLock<[u8; 256]> = std::sync::LazyLock::new(|| {
        let mut index = [63u8; 256];
        for (i, letter) in ALPHABET.chars().enumerate() {
            index[(letter as usize) & 0xFF] = i as u8 + 1;
        }
        index
    });
    match c {
        '\u{0400}'..='\u{04FF}' => u32::from(INDEX[(c as usize) & 0xFF]),
        _ => 63,
    }
}

/// The symbol of any letter, upper or lower case.
pub(crate) fn symbol_of_letter(c: char) -> u32 {
    symbol(letters::lower(c).unwrap_or(c))
}

/// The key of an n-gram in the counts: its length above the symbols packed into one number
/// (oldest first, [`BITS`] bits each).
pub(crate) fn gram_key(symbols: &[u32]) -> u32 {
    let packed = symbols.iter().fold(0, |key, &s| (key << BITS) | s);
    ((symbols.len() as u32) << (BITS * ORDER as u32)) | packed
}

/// The count of every letter n-gram (n = 1..=`ORDER`, the word boundary before and after
/// each word) over `words`, by `gram_key`: type counts when each word comes once.
pub fn count_letter_grams<'w>(words: impl IntoIterator<Item = &'w str>) -> BTreeMap<u32, u32> {
    let mut counts = BTreeMap::new();
    let mut symbols = Vec::new();
    for word in words {
        symbols.clear();
        symbols.push(BOUNDARY);
        symbols.extend(word.chars().map(symbol_of_letter));
        symbols.push(BOUNDARY);
        for end in 1..=symbols.len() {
            for n in 1..=ORDER.min(end) {
                *counts.entry(gram_key(&symbols[end - n..end])).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// The symbol of `^` (word start) in a name-model n-gram.
pub(crate) const NAME_START: u32 = 43;
/// The symbol of `$` (word end) in a name-model n-gram.
pub(crate) const NAME_END: u32 = 44;
/// The most letters (with `^` and `$`) of a name-model n-gram that [`name_gram_key`]
/// numbers.
const NAME_GRAM_MAX: usize = 5;

/// The key of the name model's prior in its table (above every [`name_gram_key`]).
pub const NAME_PRIOR_KEY: u32 = 1 << 31;

/// The symbol of a character of a name-model n-gram: a letter of the alphabet as
/// [`symbol`] numbers it, `^`, `$`; `None` for anything else.
pub(crate) fn name_symbol(c: char) -> Option<u32> {
    match c {
        '^' => Some(NAME_START),
        '$' => Some(NAME_END),
        _ => Some(symbol(c)).filter(|&s| s != 63),
    }
}

/// The key of a name-model n-gram from its symbols ([`name_symbol`], oldest first): one to
/// five symbols, [`BITS`] bits each; `None` for more. (Every symbol is above 0, so the key
/// tells the n-gram's length.)
pub(crate) fn name_key_of_symbols(symbols: &[u32]) -> Option<u32> {
    (1..=NAME_GRAM_MAX)
        .contains(&symbols.len())
        .then(|| symbols.iter().fold(0, |key, &s| (key << BITS) | s))
}

/// The key of a name-model n-gram (`^ба`, `ева$`), or `None` when it has a character
/// outside the alphabet, `^` and `$`, or more than five.
pub fn name_gram_key(gram: &str) -> Option<u32> {
    let symbols: Option<Vec<u32>> = gram.chars().map(name_symbol).collect();
    name_key_of_symbols(&symbols?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_gram_of_a_word_is_counted_once_per_occurrence() {
        let counts = count_letter_grams(["ата"]);
        let a = symbol('а');
        let t = symbol('т');
        assert_eq!(counts[&gram_key(&[a])], 2);
        assert_eq!(counts[&gram_key(&[BOUNDARY])], 2);
        assert_eq!(counts[&gram_key(&[BOUNDARY, a, t, a])], 1);
        assert_eq!(counts[&gram_key(&[a, t, a, BOUNDARY])], 1);
        assert!(!counts.contains_key(&gram_key(&[t, t])));
        // Upper-case letters count as their lower case.
        assert_eq!(count_letter_grams(["АТА"]), counts);
    }

    #[test]
    fn grams_of_different_lengths_have_different_keys() {
        assert_ne!(gram_key(&[BOUNDARY]), gram_key(&[BOUNDARY, BOUNDARY]));
    }

    #[test]
    fn name_grams_are_numbered_one_to_one() {
        let grams = ["^", "$", "а", "^а", "а$", "^ата$", "әіңғү", "ааааа"];
        let keys: Vec<u32> = grams.iter().filter_map(|g| name_gram_key(g)).collect();
        assert_eq!(keys.len(), grams.len());
        for (i, key) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(key) && *key != 0 && *key < NAME_PRIOR_KEY);
        }
        for other in ["", "аааааа", "a", "А", "(prior)"] {
            assert_eq!(name_gram_key(other), None, "{other}");
        }
    }
}
