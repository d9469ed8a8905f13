//! Cyrillic -> tote: the entry points of the writer and the switch between its two ways
//! through a text.
//!
//! The text is scanned once. Runs of letters joined by single hyphens form a *compound*
//! (`іс-шара`); each compound is converted as a whole, because the hamza rule and several
//! style conventions (hamza scope, hyphen spacing, abbreviations) look at all of its parts.
//! Everything that is not part of a Cyrillic word is copied unchanged, except the three
//! punctuation marks the style rewrites (`,` `?` `;`) and the space of `1969 -جىلى`.
//!
//! The writer has two ways through a text, and [`Paths`] chooses:
//! - [`general`]: the general rules, letter by letter, written to be read. They are the
//!   specification: whatever else converts a word must write what they write.
//! - the fast paths. Almost every word of a Kazakh text is *plain* (Cyrillic letters of the
//!   table only, in one part or several joined by single hyphens, no abbreviation, no patronym
//!   inside); [`fast`] converts runs of those straight from their UTF-8 bytes with the
//!   byte-indexed table of [`letters::BYTE_TABLE`], and [`part`] spells each part of such a
//!   word (the fast paths are two files, the run of words and the letters of one part, so
//!   that each stays short enough to read whole). Both write into the fixed output [`window`],
//!   which is appended to the output in blocks. A proptest checks that the fast paths write
//!   what the general rules write; [`to_arabic_general`] is the general path alone, the
//!   specification that check compares with.
//!
//! Everything the fast paths and the general rules share about Kazakh orthography (harmony and
//! the hamza, patronyms, the style conventions) lives in [`crate::orthography`].

use std::borrow::Cow;

use crate::orthography::conventions::may_start_sign_or_digit;
use crate::orthography::letters::{self, CYRILLIC_LEAD_FIRST, CYRILLIC_LEAD_LAST};
use crate::script::segment;
use crate::style::{
    Allah, CommaRule, Digits, HamzaScope, LetterSpelling, Patronymics, Signs, StyleRules,
    VowelThenE,
};

use general::ToArabic;
use letter_runs::write_letter_runs;

mod fast;
mod general;
mod letter_runs;
mod part;
#[cfg(test)]
mod tests;
mod window;

/// Converts Cyrillic text to tote in the given style.
pub(crate) fn to_arabic<'a>(text: &'a str, rules: &StyleRules) -> Cow<'a, str> {
    if !needs_conversion(text, rules) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    to_arabic_into(text, rules, &mut out);
    Cow::Owned(out)
}

/// Converts Cyrillic text to tote, appending to `out`. The conversion has no state between
/// calls: a text cut where [`crate::stream`] allows converts piece by piece exactly as whole.
pub(crate) fn to_arabic_into(text: &str, rules: &StyleRules, out: &mut String) {
    convert_into(text, rules, out, Paths::Fast);
}

/// Converts Cyrillic text to tote by the general rules alone, never the fast paths: the
/// specification of the writer, which the proptests compare the fast paths with.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn to_arabic_general(text: &str, rules: &StyleRules) -> String {
    let mut out = String::new();
    convert_into(text, rules, &mut out, Paths::GeneralOnly);
    out
}

/// Which ways `ToArabic::run` may take through a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Paths {
    /// The fast paths where they apply, else the general rules.
    Fast,
    /// The general rules for every word (what the fast paths are tested against).
    GeneralOnly,
}

/// [`to_arabic_into`] by the given `paths`: by [`letter_runs`] in
/// [`HamzaScope::EachLetterRun`] styles, else word by word, by the general rules alone where
/// the fast paths do not know a convention of `rules`.
fn convert_into(text: &str, rules: &StyleRules, out: &mut String, paths: Paths) {
    out.reserve(text.len() + text.len() / 8);
    if rules.hamza_scope == HamzaScope::EachLetterRun {
        write_letter_runs(text, rules, out);
        return;
    }
    let paths = if fast_paths_apply(rules) {
        paths
    } else {
        Paths::GeneralOnly
    };
    let mut converter = ToArabic::new(paths, rules, out, window::window_for());
    converter.run(text);
    window::keep_for_next(converter.window);
}

/// Whether the fast paths know every convention of `rules`: those of the four publisher
/// styles. For any other rules the general rules write every word.
fn fast_paths_apply(rules: &StyleRules) -> bool {
    matches!(
        rules.comma,
        CommaRule::ArabicExceptBetweenDigits | CommaRule::Latin
    ) && matches!(
        rules.vowel_then_e,
        VowelThenE::InsertYeh | VowelThenE::Plain
    ) && rules.patronymics != Patronymics::Never
        && rules.letter_spelling == LetterSpelling::Standard
        && rules.digits == Digits::Ascii
        && rules.signs == Signs::AsWritten
        && rules.allah == Allah::Letters
}

/// Whether anything in `text` can change: a Cyrillic letter or a punctuation mark, sign or
/// digit the style rewrites. Checked on bytes: every Cyrillic letter starts with a lead byte
/// of the Cyrillic block ([`letters::is_cyrillic_lead`]).
fn needs_conversion(text: &str, rules: &StyleRules) -> bool {
    text.bytes().any(|b| {
        matches!(b, CYRILLIC_LEAD_FIRST..=CYRILLIC_LEAD_LAST | b'?' | b';')
            || (b == b',' && rules.comma != CommaRule::Latin)
            || may_start_sign_or_digit(b, rules)
    })
}

impl ToArabic<'_> {
    /// The scan. Two fast paths cover almost all of a Kazakh text: runs of bytes that cannot
    /// start anything we convert are copied in bulk, and a plain word (Cyrillic letters of the
    /// table only, not joined to anything, see [`fast::plain_words`]) is converted straight from
    /// its UTF-8 bytes. Everything else goes through `ToArabic::step`, the general rules.
    fn run(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if letters::is_cyrillic_lead(b) && self.paths == Paths::Fast {
                let end =
                    fast::plain_words(text, i, self.table, self.rules, self.out, &mut self.window);
                if end > i {
                    i = end;
                    continue;
                }
            } else if segment::is_inert_ascii(b)
                // (The fast paths apply only to styles that rewrite no sign or digit.)
                && (self.paths == Paths::Fast || !may_start_sign_or_digit(b, self.rules))
            {
                let end = if self.paths == Paths::Fast {
                    bytes[i + 1..]
                        .iter()
                        .position(|&b| !segment::is_inert_ascii(b))
                        .map_or(bytes.len(), |len| i + 1 + len)
                } else {
                    // (One at a time: a sign or digit the style rewrites may follow.)
                    i + 1
                };
                if end == i + 1 {
                    // Mostly the space between two words: no call to `memcpy`.
                    self.out.push(char::from(b));
                } else {
                    self.out.push_str(&text[i..end]);
                }
                i = end;
                continue;
            }
            i = self.step(text, i);
        }
    }
}
