//! The writer in [`HamzaScope::EachLetterRun`] styles, MediaWiki's rules: the text cut into
//! parts (at ASCII white space, `-`, `.`, `:`), a hamza before each run of Cyrillic letters of
//! a part that takes one, and every other character written on its own. There are no words
//! or compounds here, and no fast path: these rules are short and read each character once.

use crate::orthography::conventions::{
    comma_at, digit, sign_at, starts_with_allah, ALLAH, ALLAH_LIGATURE, VOWELS_BEFORE_E,
    VOWELS_OR_SIGNS_BEFORE_E,
};
use crate::orthography::hamza::{cuts_part, part_takes_hamza};
use crate::orthography::letters::{self, tote};
#[cfg(doc)]
use crate::style::HamzaScope;
use crate::style::{StyleRules, VowelThenE};

/// Writes `text` by the rules of [`HamzaScope::EachLetterRun`], appending to `out`.
pub(super) fn write_letter_runs(text: &str, rules: &StyleRules, out: &mut String) {
    let spelling = rules.letter_spelling;
    // Whether the current part takes a hamza; the character before (of the text as written)
    // and its lower-case letter if it is a letter of the table; whether it was an `е` written
    // with a yeh before it.
    let mut hamza = false;
    let mut prev: Option<char> = None;
    let mut prev_letter: Option<char> = None;
    let mut e_took_yeh = false;
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let rest = &text[i..];
        if prev.is_none_or(cuts_part) {
            hamza = part_takes_hamza(rest);
        }
        let Some(lower) = letters::lower(c) else {
            let (written, len) = match c {
                ',' => (comma_at(text.as_bytes(), i, rules.comma), 1),
                '?' => (tote::QUESTION_MARK, 1),
                ';' => (tote::SEMICOLON, 1),
                _ => sign_at(rest, rules.signs)
                    .unwrap_or((digit(c, rules.digits).unwrap_or(c), c.len_utf8())),
            };
            out.push(written);
            prev = rest[..len].chars().next_back();
            (prev_letter, e_took_yeh) = (None, false);
            i += len;
            continue;
        };
        if hamza && prev_letter.is_none() {
            out.push(rules.hamza);
        }
        let mut following = rest.chars().map(letters::lower);
        following.next();
        let next = following.next().flatten();
        let (len, last) = if starts_with_allah(rest.chars().map(letters::lower), rules.allah) {
            out.push(ALLAH_LIGATURE);
            let len: usize = rest.chars().take(ALLAH.len()).map(char::len_utf8).sum();
            (len, ALLAH[ALLAH.len() - 1])
        } else if let Some(merged) = next.and_then(|n| letters::merged_pair_in(lower, n, spelling))
        {
            out.push_str(merged);
            let len: usize = rest.chars().take(2).map(char::len_utf8).sum();
            (len, next.unwrap_or(lower))
        } else {
            let yeh = lower == 'е'
                && match rules.vowel_then_e {
                    VowelThenE::InsertYeh => {
                        prev_letter.is_some_and(|p| VOWELS_BEFORE_E.contains(&p))
                    }
                    VowelThenE::InsertYehAfterVowelOrSign => {
                        !e_took_yeh
                            && prev_letter.is_some_and(|p| VOWELS_OR_SIGNS_BEFORE_E.contains(&p))
                    }
                    _ => false,
                };
            if yeh {
                out.push(tote::YEH);
            }
            out.push_str(letters::tote_in(lower, spelling).unwrap_or_default());
            e_took_yeh = yeh;
            (c.len_utf8(), lower)
        };
        if len > c.len_utf8() {
            e_took_yeh = false;
        }
        prev = rest[..len].chars().next_back();
        prev_letter = Some(last);
        i += len;
    }
}
