//! The patronymics `ұлы` and `қызы`: their letters and case endings, where a style writes
//! them as words of their own (`Қабыш ұлы`), and the checks on UTF-8 bytes that tell the
//! writer's fast paths which words may have one.

use super::letters::{self, flags, packed_flags, ByteTable};
use crate::style::Patronymics;

/// `ұлы` and `қызы` in lower-case letters.
pub(crate) const PATRONYMS: [&[char]; 2] = [&['ұ', 'л', 'ы'], &['қ', 'ы', 'з', 'ы']];

/// The first of [`PATRONYMS`], as text.
const PATRONYM_UL: &str = "ұлы";

/// The second of [`PATRONYMS`], as text.
const PATRONYM_QYZ: &str = "қызы";

/// Case suffixes that may follow a patronymic (`Байтұрсынұлының`).
const PATRONYMIC_ENDINGS: &[&str] = &[
    "",
    "ның",
    "на",
    "н",
    "нан",
    "нда",
    "мен",
    "ндағы",
    "ндай",
    "нша",
];

/// A patronymic the rule splits off, in tote (`ۇلىنىڭ`) and in lower-case Cyrillic (`ұлының`).
pub(crate) struct PatronymForm {
    pub(crate) tote: String,
    pub(crate) cyrillic: String,
}

/// Every tote word that the patronymic rule splits off (`ۇلى`, `ۇلىنىڭ`, `قىزى`, ...), with
/// its Cyrillic.
pub(crate) fn split_patronym_forms() -> &'static [PatronymForm] {
    static FORMS: std::sync::LazyLock<Vec<PatronymForm>> = std::sync::LazyLock::new(|| {
        PATRONYMS
            .iter()
            .flat_map(|p| {
                PATRONYMIC_ENDINGS.iter().map(move |e| {
                    let cyrillic: String = p.iter().copied().chain(e.chars()).collect();
                    PatronymForm {
                        tote: cyrillic.chars().filter_map(letters::tote_of).collect(),
                        cyrillic,
                    }
                })
            })
            .collect()
    });
    &FORMS
}

/// Whether the style would write a patronymic inside this Cyrillic word as a separate word.
pub(crate) fn splits_patronym(word: &str, rule: Patronymics) -> bool {
    !patronymic_splits(word.chars().map(letters::lower), rule).is_empty()
}

/// Where the style writes `ұлы`/`қызы` as separate words: the start of each split-off piece,
/// as indices into `word` (each letter's lower-case Cyrillic letter, `None` for a character
/// outside the table), ascending. Empty for almost every word (and then allocation free).
pub(crate) fn patronymic_splits(
    word: impl Iterator<Item = Option<char>> + Clone,
    rule: Patronymics,
) -> Vec<usize> {
    let mut splits = Vec::new();
    if rule == Patronymics::Never || word.clone().any(|lower| lower.is_none()) {
        return splits;
    }
    // Most words have no patronym inside: tell without collecting anything.
    let written = word
        .clone()
        .flatten()
        .filter(|&c| letters::tote_of(c).is_some_and(|t| !t.is_empty()));
    if !patronym_inside(written) {
        return splits;
    }
    // Matching is done on the letters tote writes (ь and ъ are not), as `to_cyrillic` sees
    // them when it reads the word back; `index` maps back to `letters`.
    let (index, lower): (Vec<usize>, Vec<char>) = word
        .enumerate()
        .filter_map(|(i, lower)| lower.map(|c| (i, c)))
        .filter(|&(_, c)| letters::tote_of(c).is_some_and(|t| !t.is_empty()))
        .unzip();
    let patronym_at = |at: usize| PATRONYMS.iter().find(|p| lower[at..].starts_with(p));
    // Stem length in tote letters before each position (prefix sums: linear in the word).
    let mut stem_tote_len = Vec::with_capacity(lower.len() + 1);
    stem_tote_len.push(0usize);
    for &l in &lower {
        let len = letters::tote_of(l).map_or(0, |t| t.chars().count());
        stem_tote_len.push(stem_tote_len.last().copied().unwrap_or(0) + len);
    }
    let tote_len = |at: usize| stem_tote_len[at];
    // A patronym and its ending span at most this many letters.
    let longest_tail = 4 + PATRONYMIC_ENDINGS
        .iter()
        .map(|e| e.chars().count())
        .max()
        .unwrap_or(0);
    match rule {
        Patronymics::SplitAfterName => {
            // From the end: a patronym and a case ending after a stem of two or more letters;
            // the stem may end in one again (`...ұлыұлы`).
            let mut end = lower.len();
            while let Some(at) = (end.saturating_sub(longest_tail).max(1)..end)
                .rev()
                .find(|&at| {
                    tote_len(at) >= 2
                        && patronym_at(at).is_some_and(|p| {
                            PATRONYMIC_ENDINGS
                                .iter()
                                .any(|e| lower[at + p.len()..end].iter().copied().eq(e.chars()))
                        })
                })
            {
                splits.push(at);
                end = at;
            }
            splits.reverse();
        }
        Patronymics::Never => {}
        Patronymics::SplitEverywhere => {
            splits.extend(
                (1..lower.len()).filter(|&at| patronym_at(at).is_some() && tote_len(at) >= 1),
            );
        }
    }
    for split in &mut splits {
        *split = index[*split];
    }
    splits
}

/// Whether a patronym (`ұлы`, `қызы`) starts after the first of `written`, the lower-case
/// letters of a word that tote writes (`ь`, `ъ` left out). Every split of
/// [`patronymic_splits`] is at such a place, so words without one are not split.
fn patronym_inside(written: impl Iterator<Item = char>) -> bool {
    // The last letters seen, newest last (as long as the longest patronym).
    let mut window = ['\0'; 4];
    for (before, c) in written.enumerate() {
        window = [window[1], window[2], window[3], c];
        // `before` letters came before `c`: a patronym ending at `c` starts after the first.
        if PATRONYMS
            .iter()
            .any(|p| before >= p.len() && window.ends_with(p))
        {
            return true;
        }
    }
    false
}

/// Whether a plain word (UTF-8 of table letters) whose letters' flags, or-ed together, are
/// `any` may have a patronym that [`patronymic_splits`] splits off by `rule`: such words take
/// the general path. Exact for a word of lower-case letters each written with one tote letter
/// under [`Patronymics::SplitAfterName`] (`құлындар` has none to split), else any patronym
/// inside counts.
#[inline]
pub(crate) fn has_patronym(table: &ByteTable, word: &[u8], any: u32, rule: Patronymics) -> bool {
    if any & packed_flags(flags::UPPER | flags::SILENT) == 0 {
        if rule == Patronymics::SplitAfterName && any & packed_flags(flags::MULTI_TOTE) == 0 {
            return ends_with_patronymic(word);
        }
        return has_lower_case_patronym(word);
    }
    let written = word
        .chunks_exact(2)
        .map(|pair| table.get(pair[0], pair[1]))
        .filter(|letter| !letter.tote.is_empty())
        .map(|letter| letter.lower);
    patronym_inside(written)
}

/// [`has_patronym`] for a word of lower-case letters each written with one tote letter, under
/// [`Patronymics::SplitAfterName`]: whether it ends with a patronym and one of its endings
/// after a stem of two letters or more, the one split [`patronymic_splits`] looks for first
/// (from the end; it finds the others only before that one). Its letters are then its
/// written letters, two bytes each, and a letter is one tote letter.
fn ends_with_patronymic(word: &[u8]) -> bool {
    // A patronym and its ending span at most this many letters (two bytes each); the stem
    // has two at least.
    const LONGEST_TAIL: usize = {
        let (mut longest, mut index) = (0, 0);
        while index < PATRONYMIC_ENDINGS.len() {
            if PATRONYMIC_ENDINGS[index].len() > longest {
                longest = PATRONYMIC_ENDINGS[index].len();
            }
            index += 1;
        }
        (PATRONYM_QYZ.len() + longest) / 2
    };
    const STEM_LETTERS: usize = 2;
    let letters = word.len() / 2;
    (letters.saturating_sub(LONGEST_TAIL).max(STEM_LETTERS)..letters).any(|at| {
        let rest = &word[2 * at..];
        [PATRONYM_UL.as_bytes(), PATRONYM_QYZ.as_bytes()]
            .iter()
            .find(|patronym| rest.starts_with(patronym))
            .is_some_and(|patronym| {
                let ending = &rest[patronym.len()..];
                PATRONYMIC_ENDINGS.iter().any(|e| e.as_bytes() == ending)
            })
    })
}

/// [`has_patronym`] for a word of lower-case letters that are all written (no `ь`, `ъ`):
/// then its letters are its written letters, two bytes each, and a patronym inside is one
/// that starts after the first letter. Found on the bytes, from each `ы` that ends one.
fn has_lower_case_patronym(word: &[u8]) -> bool {
    let letter = |c: &str| u16::from_le_bytes([c.as_bytes()[0], c.as_bytes()[1]]);
    let [y, u, l, q, z] = ["ы", "ұ", "л", "қ", "з"].map(letter);
    // The three letters before the one at `at`, oldest first.
    let mut before = [0u16; 3];
    for (at, pair) in word.chunks_exact(2).enumerate() {
        let c = u16::from_le_bytes([pair[0], pair[1]]);
        // `ұлы` or `қызы` ends at `at` and starts after the first letter.
        if c == y && ((at >= 3 && before[1..] == [u, l]) || (at >= 4 && before == [q, y, z])) {
            return true;
        }
        before = [before[1], before[2], c];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patronyms_as_text_are_the_patronyms() {
        let as_text = PATRONYMS.map(|p| p.iter().collect::<String>());
        assert_eq!(as_text, [PATRONYM_UL, PATRONYM_QYZ]);
    }

    #[test]
    fn patronyms_are_found_on_the_bytes_as_on_the_letters() {
        let words = [
            "ұлы",
            "қызы",
            "зұлым",
            "абайұлы",
            "қыздың",
            "аққызы",
            "қызықызы",
            "ұлыұлы",
            "ақызы",
            "бұлы",
            "жазылған",
            "қызмет",
            "сұлу",
            "ұл",
            "қыз",
            "нұрқызым",
        ];
        for word in words {
            assert_eq!(
                has_lower_case_patronym(word.as_bytes()),
                patronym_inside(word.chars()),
                "{word}"
            );
        }
    }
}
