//! The converts-back check: a compound's spelling is kept only if `to_arabic` writes it back as
//! the same tote; else the next reading is tried.

use crate::converter::WordSource;
use crate::letters::tote;
use crate::style::{Abbreviations, StyleRules};
use crate::to_arabic;

use super::casing::CasingState;
use super::scan::single_letter_word;
use super::word_cache::CachedState;
use super::{Config, ToCyrillic};

impl ToCyrillic<'_> {
    /// Converts the compound starting at byte `start` without the word cache.
    pub(super) fn compound_uncached(&mut self, text: &str, start: usize) -> usize {
        self.spell_uncached(text, start, false)
    }

    /// [`Self::compound_uncached`] for a compound that is spelled at each place it comes
    /// (one the word cache does not hold: a letter-spaced run, `ا ق ش`): whether a spelling
    /// of it converts back is looked up in the word cache, not converted back each time.
    pub(super) fn compound_uncached_remembering(&mut self, text: &str, start: usize) -> usize {
        self.spell_uncached(text, start, true)
    }

    /// [`Self::compound_uncached`]; with `remember`, through
    /// [`Self::converts_back_remembered`].
    fn spell_uncached(&mut self, text: &str, start: usize, remember: bool) -> usize {
        let out_start = self.out.len();
        // Each pass starts from the words as they were (a dropped pass's places in the
        // output would point into what the next one writes).
        let state = self.state;
        let passes: &[Pass] = match self.config.words {
            WordSource::Lexicon => &[Pass::Lexicon, Pass::LetterModel, Pass::Rules],
            WordSource::Rules => &[Pass::Rules],
        };
        let mut len = 0;
        for &pass in passes {
            self.out.truncate(out_start);
            self.state = state;
            len = self.spell_compound(text, start, pass, RunsAfterVowellessParts::CarryTheFront);
            if pass == Pass::Rules {
                unless_it_converts_back_keep_patronyms_plain(
                    &self.config,
                    &mut self.out,
                    out_start,
                    &text[start..start + len],
                );
                break;
            }
            let tote = &text[start..start + len];
            let back = if remember {
                self.converts_back_remembered(out_start, tote)
            } else {
                self.config.converts_back(&self.out[out_start..], tote)
            };
            if back {
                break;
            }
        }
        self.unless_it_converts_back_leave_the_hamza_letter_out(
            out_start, text, start, len, remember,
        );
        self.where_it_converts_back_read_the_run_after_as_an_abbreviation(
            out_start, text, start, len,
        )
    }

    /// Where the compound spelled from `out_start` on, of the `len` bytes of tote at byte
    /// `start` of `text`, ends at a space before a letter of a letter-spaced run (its last
    /// part, after a part without a vowel letter, was read as carrying the hamza's front),
    /// it is spelled again reading that run as an abbreviation (`ءا-ي-ى ۇ-ءعى` is
    /// `ә-й-ЫҰ-ғі`, not `а-и-і` and `ұ-ғі`, whose hamza moves), and kept so where that
    /// converts back. Returns the compound's length then.
    fn where_it_converts_back_read_the_run_after_as_an_abbreviation(
        &mut self,
        out_start: usize,
        text: &str,
        start: usize,
        len: usize,
    ) -> usize {
        let after = &text[start + len..];
        let run_follows = self.config.rules.abbreviations == Abbreviations::LetterSpaced
            && after
                .strip_prefix(' ')
                .is_some_and(|rest| single_letter_word(rest).is_some())
            && single_letter_word(text[start..start + len].rsplit('-').next().unwrap_or(""))
                .is_some();
        if !run_follows {
            return len;
        }
        let first = self.take_out_reading(out_start);
        let again = self.spell_compound(
            text,
            start,
            Pass::Rules,
            RunsAfterVowellessParts::Abbreviation,
        );
        if again > len
            && self
                .config
                .converts_back(&self.out[out_start..], &text[start..start + again])
        {
            return again;
        }
        self.put_back_reading(out_start, first);
        len
    }

    /// Where the compound spelled from `out_start` on, of the `len` bytes of tote at byte
    /// `start` of `text`, begins with a letter-spaced run whose last letter has a hamza and a
    /// hyphen joins a word to it (`ق ر ءى-تاسۇلى`), and its spelling does not convert back
    /// (the hamza is the whole hyphenated word's, not the letter's: `ҚРІ-тасұлы` splits the
    /// patronymic off, `ҚРІ-тасұлі` gets a hamza of its own), the run is read without that
    /// letter and the letter as the first part of the word (`ҚР І-тасұлі`), where that
    /// converts back.
    fn unless_it_converts_back_leave_the_hamza_letter_out(
        &mut self,
        out_start: usize,
        text: &str,
        start: usize,
        len: usize,
        remember: bool,
    ) {
        let tote = &text[start..start + len];
        let Some(last_letter) = self.config.hamza_letter_ending_a_joined_run(tote) else {
            return;
        };
        if self.config.converts_back(&self.out[out_start..], tote) {
            return;
        }
        let first = self.take_out_reading(out_start);
        // The run before the letter (and the space before it), then the word from the letter.
        let run_end = start + last_letter - ' '.len_utf8();
        self.spell_compound(
            &text[..run_end],
            start,
            Pass::Rules,
            RunsAfterVowellessParts::CarryTheFront,
        );
        self.out.push(' ');
        let rest = self.spell_uncached(text, start + last_letter, remember);
        if last_letter + rest != len || !self.config.converts_back(&self.out[out_start..], tote) {
            self.put_back_reading(out_start, first);
        }
    }

    /// [`Config::converts_back`] of the spelling written from `out_start` on, kept in the word
    /// cache (under [`CONVERTS_BACK_KEY`], with the answer as [`CachedState::known`]): the
    /// conversion back costs as much as spelling the compound again.
    fn converts_back_remembered(&mut self, out_start: usize, tote: &str) -> bool {
        let spelling = &self.out[out_start..];
        self.scratch.run_key.clear();
        self.scratch.run_key.push(CONVERTS_BACK_KEY);
        self.scratch.run_key.push_str(tote);
        self.scratch.run_key.push(CONVERTS_BACK_KEY);
        self.scratch.run_key.push_str(spelling);
        if let Some((_, state)) = self
            .cache
            .get(self.config.cache_table, 0, &self.scratch.run_key)
        {
            return state.known;
        }
        let back = self.config.converts_back(spelling, tote);
        let state = CachedState {
            letters: 0,
            known: back,
            proper: false,
            pair_word: None,
        };
        self.cache
            .insert(self.config.cache_table, 0, &self.scratch.run_key, "", state);
        back
    }

    /// Takes the reading of a compound written from `out_start` on out of the output, with
    /// the word state after it, for a second reading ([`Self::put_back_reading`] if that is
    /// dropped).
    fn take_out_reading(&mut self, out_start: usize) -> Reading {
        let reading = Reading {
            spelled: self.out[out_start..].to_owned(),
            state: self.state,
        };
        self.out.truncate(out_start);
        reading
    }

    /// Puts the `reading` that [`Self::take_out_reading`] took out back at `out_start`, in
    /// place of whatever was written there since.
    fn put_back_reading(&mut self, out_start: usize, reading: Reading) {
        self.out.truncate(out_start);
        self.out.push_str(&reading.spelled);
        self.state = reading.state;
    }
}

/// The first character of the word cache's key of a compound's spelling checked by
/// [`ToCyrillic::converts_back_remembered`]: the tote, this character again, the spelling.
const CONVERTS_BACK_KEY: char = '\u{3}';

/// One attempt at spelling a compound, from the most data to the least.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pass {
    /// The lexicon, then the letter model for words it does not know.
    Lexicon,
    /// The letter model for every word.
    LetterModel,
    /// The rules alone (always right-inverse, no check needed).
    Rules,
}

/// A reading of a compound taken out of the output (see [`ToCyrillic::take_out_reading`]).
struct Reading {
    /// Its spelling.
    spelled: String,
    /// The casing state after it.
    state: CasingState,
}

/// How [`ToCyrillic::spell_compound`] reads a letter-spaced run joined by a hyphen to a part
/// without a vowel letter, where the hamza's front must go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RunsAfterVowellessParts {
    /// As parts of the word that carry the front: the first reading.
    CarryTheFront,
    /// As an abbreviation: the second reading, where the first does not convert back.
    Abbreviation,
}

impl Config<'_> {
    /// The offset in `compound` (a compound of tote) of the last letter of the letter-spaced
    /// run it starts with, if the run has three letters or more, that letter has a hamza and
    /// a hyphen follows the run (see
    /// [`ToCyrillic::unless_it_converts_back_leave_the_hamza_letter_out`]).
    fn hamza_letter_ending_a_joined_run(&self, compound: &str) -> Option<usize> {
        let (len, units) = self.abbreviation_run(compound)?;
        if units < 3 || !compound[len..].starts_with('-') {
            return None;
        }
        let last = compound[..len].rfind(' ')? + ' '.len_utf8();
        compound[last..].starts_with(tote::HAMZA).then_some(last)
    }

    /// Whether `cyrillic` converts back to `tote`, a piece of the text being read. That text
    /// has the hamza of the clean-up (U+0621: a style's U+0674 is a place to clean up), so the
    /// check writes that hamza whatever the style's.
    pub(super) fn converts_back(&self, cyrillic: &str, tote: &str) -> bool {
        let rules = StyleRules {
            hamza: tote::HAMZA,
            ..*self.rules
        };
        to_arabic::to_arabic(cyrillic, &rules) == tote
    }
}

/// The patronyms that [`keep_patronyms_joined`](super::spell::keep_patronyms_joined) wrote with `і` keep them joined,
/// but give a compound without other front letters a hamza (`с-абышұлі`). Where the
/// compound written from `out_start` on does not convert back to its `tote` even so (what
/// follows it decides whether `to_arabic` splits the patronym off: a chain of joiners and
/// look-alikes keeps it joined), the plain spelling is written: it keeps the hamza.
fn unless_it_converts_back_keep_patronyms_plain(
    config: &Config,
    out: &mut String,
    out_start: usize,
    tote: &str,
) {
    let spelled = &out[out_start..];
    let changed = spelled.contains("ұлі") || spelled.contains("қызі");
    if changed && !config.converts_back(spelled, tote) {
        let plain = spelled.replace("ұлі", "ұлы").replace("қызі", "қызы");
        out.truncate(out_start);
        out.push_str(&plain);
    }
}
