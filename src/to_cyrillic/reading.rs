//! Reading a compound the word cache does not give: candidate readings tried in one order,
//! each kept only where `to_arabic` writes it back as the same tote (the converts-back check).

use crate::converter::WordSource;
use crate::orthography::letters::tote;
use crate::orthography::patronyms;
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

    /// [`Self::compound_uncached`]; with `remember`, whether a reading with data converts back
    /// is looked up in the word cache ([`Self::converts_back_remembered`]).
    ///
    /// Generate, check, choose: the [`Candidate`]s are spelled in [`Candidate::ORDER`], each
    /// where it applies to the reading kept so far, and each kept only where it converts back
    /// to the compound's tote ([`Config::converts_back`]); the rules' reading is the fallback,
    /// kept where nothing before it was. The reading kept last is the one written. Returns the
    /// bytes of `text` it reads.
    fn spell_uncached(&mut self, text: &str, start: usize, remember: bool) -> usize {
        let out_start = self.out.len();
        // Each candidate starts from the words as they were (a dropped candidate's places in
        // the output would point into what the next one writes).
        let before = self.state;
        let mut kept: Option<Kept> = None;
        for candidate in Candidate::ORDER {
            kept = match (candidate, kept) {
                (Candidate::Lexicon | Candidate::LetterModel, None)
                    if self.config.words == WordSource::Lexicon =>
                {
                    self.out.truncate(out_start);
                    self.state = before;
                    let len = self.spell_candidate(candidate, text, start);
                    let tote = &text[start..start + len];
                    let back = if remember {
                        self.converts_back_remembered(out_start, tote)
                    } else {
                        self.config.converts_back(&self.out[out_start..], tote)
                    };
                    back.then_some(Kept {
                        len,
                        converts_back: true,
                    })
                }
                (Candidate::Rules, None) => {
                    self.out.truncate(out_start);
                    self.state = before;
                    let len = self.spell_candidate(candidate, text, start);
                    unless_it_converts_back_keep_patronyms_plain(
                        &self.config,
                        &mut self.out,
                        out_start,
                        &text[start..start + len],
                    );
                    Some(Kept {
                        len,
                        converts_back: false,
                    })
                }
                (Candidate::HamzaLetterApart, Some(so_far)) => {
                    Some(self.try_the_hamza_letter_apart(out_start, text, start, so_far, remember))
                }
                (Candidate::RunAfterAsAbbreviation, Some(so_far)) => {
                    Some(self.try_the_run_after_as_an_abbreviation(out_start, text, start, so_far))
                }
                (Candidate::OtherYeh, Some(so_far)) => Some(self.try_the_other_yeh(
                    out_start,
                    &text[start..start + so_far.len],
                    so_far,
                )),
                (_, kept) => kept,
            };
        }
        kept.map_or(0, |kept| kept.len)
    }

    /// Spells the compound at byte `start` of `text` as `candidate` reads it (one of the
    /// candidates that spell the whole compound anew); returns its length in bytes.
    fn spell_candidate(&mut self, candidate: Candidate, text: &str, start: usize) -> usize {
        let (pass, runs) = match candidate {
            Candidate::Lexicon => (Pass::Lexicon, RunsAfterVowellessParts::CarryTheFront),
            Candidate::LetterModel => (Pass::LetterModel, RunsAfterVowellessParts::CarryTheFront),
            Candidate::RunAfterAsAbbreviation => {
                (Pass::Rules, RunsAfterVowellessParts::Abbreviation)
            }
            // (OtherYeh changes a letter of a reading; it spells none of its own.)
            Candidate::Rules | Candidate::HamzaLetterApart | Candidate::OtherYeh => {
                (Pass::Rules, RunsAfterVowellessParts::CarryTheFront)
            }
        };
        self.spell_compound(text, start, pass, runs)
    }

    /// [`Candidate::RunAfterAsAbbreviation`], after the reading `so_far` of the compound
    /// spelled from `out_start` on from byte `start` of `text`: the reading kept after it.
    fn try_the_run_after_as_an_abbreviation(
        &mut self,
        out_start: usize,
        text: &str,
        start: usize,
        so_far: Kept,
    ) -> Kept {
        let len = so_far.len;
        let after = &text[start + len..];
        let run_follows = self.config.rules.abbreviations == Abbreviations::LetterSpaced
            && after
                .strip_prefix(' ')
                .is_some_and(|rest| single_letter_word(rest).is_some())
            && single_letter_word(text[start..start + len].rsplit('-').next().unwrap_or(""))
                .is_some();
        if !run_follows {
            return so_far;
        }
        let first = self.take_out_reading(out_start);
        let again = self.spell_candidate(Candidate::RunAfterAsAbbreviation, text, start);
        if again > len
            && self
                .config
                .converts_back(&self.out[out_start..], &text[start..start + again])
        {
            return Kept {
                len: again,
                converts_back: true,
            };
        }
        self.put_back_reading(out_start, first);
        so_far
    }

    /// [`Candidate::OtherYeh`], after the reading `so_far` of the compound `tote` spelled from
    /// `out_start` on: the reading kept after it.
    fn try_the_other_yeh(&mut self, out_start: usize, tote: &str, so_far: Kept) -> Kept {
        let spelled = &self.out[out_start..];
        if so_far.converts_back
            || !patronyms::splits_patronym(spelled, self.config.rules.patronymics)
            || self.config.converts_back(spelled, tote)
        {
            return so_far;
        }
        let spelled = spelled.to_owned();
        let mut other = String::with_capacity(spelled.len());
        for (at, yeh) in spelled.char_indices().rev() {
            let swapped = match yeh {
                'и' => 'й',
                'й' => 'и',
                'И' => 'Й',
                'Й' => 'И',
                _ => continue,
            };
            other.clear();
            other.push_str(&spelled[..at]);
            other.push(swapped);
            other.push_str(&spelled[at + yeh.len_utf8()..]);
            if self.config.converts_back(&other, tote) {
                // и and й are two bytes each: the casing state's places in the output hold.
                self.out.truncate(out_start);
                self.out.push_str(&other);
                return Kept {
                    len: so_far.len,
                    converts_back: true,
                };
            }
        }
        so_far
    }

    /// [`Candidate::HamzaLetterApart`], after the reading `so_far` of the compound spelled
    /// from `out_start` on from byte `start` of `text` (the rest of the word after the letter
    /// is read as a compound of its own, through [`Self::spell_uncached`] with `remember`):
    /// the reading kept after it.
    fn try_the_hamza_letter_apart(
        &mut self,
        out_start: usize,
        text: &str,
        start: usize,
        so_far: Kept,
        remember: bool,
    ) -> Kept {
        let len = so_far.len;
        let tote = &text[start..start + len];
        let Some(last_letter) = self.config.hamza_letter_ending_a_joined_run(tote) else {
            return so_far;
        };
        if so_far.converts_back || self.config.converts_back(&self.out[out_start..], tote) {
            return so_far;
        }
        let first = self.take_out_reading(out_start);
        // The run before the letter (and the space before it), then the word from the letter.
        let run_end = start + last_letter - ' '.len_utf8();
        self.spell_candidate(Candidate::HamzaLetterApart, &text[..run_end], start);
        self.out.push(' ');
        let rest = self.spell_uncached(text, start + last_letter, remember);
        if last_letter + rest != len || !self.config.converts_back(&self.out[out_start..], tote) {
            self.put_back_reading(out_start, first);
            return so_far;
        }
        Kept {
            len,
            converts_back: true,
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

/// The candidate readings of a compound, in the order [`ToCyrillic::spell_uncached`] tries
/// them ([`Candidate::ORDER`]): the three passes from the most data to the least, the first
/// that converts back kept (the rules' as the fallback), then the readings that the reading so
/// far may give way to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Candidate {
    /// With the lexicon in use: the lexicon's spellings, the letter model's for words it does
    /// not know ([`Pass::Lexicon`]).
    Lexicon,
    /// With the lexicon in use, where the lexicon's reading does not convert back: the letter
    /// model's spelling of every word ([`Pass::LetterModel`]).
    LetterModel,
    /// Where no reading with data converts back: the rules alone ([`Pass::Rules`]), kept
    /// whether it converts back or not, with patronymics written plain where the joined ones
    /// do not convert back ([`unless_it_converts_back_keep_patronyms_plain`]).
    Rules,
    /// Where the reading so far does not convert back and the compound begins with a
    /// letter-spaced run whose last letter has a hamza and a hyphen joins a word to it
    /// (`ق ر ءى-تاسۇلى`; the hamza is the whole hyphenated word's, not the letter's:
    /// `ҚРІ-тасұлы` splits the patronymic off, `ҚРІ-тасұлі` gets a hamza of its own): the run
    /// without that letter (an abbreviation, or a one-letter word where one letter is left),
    /// and the letter as the first part of the word (`ҚР І-тасұлі`, `л і-шаұлі`). Kept where it
    /// converts back.
    HamzaLetterApart,
    /// Where the compound ends at a space before a letter of a letter-spaced run and its last
    /// part is a letter of its own (read, after a part without a vowel letter, as carrying the
    /// hamza's front): the compound read with that run as an abbreviation
    /// ([`RunsAfterVowellessParts::Abbreviation`]: `ءا-ي-ى ۇ-ءعى` is `ә-й-ЫҰ-ғі`, not `а-и-і`
    /// and `ұ-ғі`, whose hamza moves). Kept over the reading so far where it reads further and
    /// converts back.
    RunAfterAsAbbreviation,
    /// Where the reading kept so far does not convert back because the style splits off a
    /// patronymic that the tote writes joined, and an и or й of the reading decides that: the
    /// patronymic endings are spelled with й (`ұлындай`), so `ىشۇلىنداي` read `ышұлындай`
    /// comes back `ىش ۇلىنداي`, and `ышұлындаи` comes back as it was. The reading with one и
    /// written й or one й written и, tried from the last; the first that converts back is kept.
    OtherYeh,
}

impl Candidate {
    /// Every candidate, in the order they are tried.
    const ORDER: [Candidate; 6] = [
        Candidate::Lexicon,
        Candidate::LetterModel,
        Candidate::Rules,
        Candidate::HamzaLetterApart,
        Candidate::RunAfterAsAbbreviation,
        Candidate::OtherYeh,
    ];
}

/// The reading of a compound kept so far ([`ToCyrillic::spell_uncached`]).
#[derive(Clone, Copy, Debug)]
struct Kept {
    /// The bytes of tote it reads.
    len: usize,
    /// Whether it is known to convert back (false: not checked, the rules' fallback).
    converts_back: bool,
}

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
/// without a vowel letter, where the hamza's front must go on: a choice of the
/// [`Candidate`]s.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RunsAfterVowellessParts {
    /// As parts of the word that carry the front: the first reading.
    CarryTheFront,
    /// As an abbreviation: the second reading, where the first does not convert back.
    Abbreviation,
}

impl Config<'_> {
    /// The offset in `compound` (a compound of tote) of the last letter of the letter-spaced
    /// run it starts with, if that letter has a hamza and a hyphen follows the run (see
    /// [`Candidate::HamzaLetterApart`]). A run of two letters counts too: without its last
    /// letter it is a one-letter word (`ل ءى-شاۇلى` is `л і-шаұлі`).
    fn hamza_letter_ending_a_joined_run(&self, compound: &str) -> Option<usize> {
        let (len, _) = self.abbreviation_run(compound)?;
        if !compound[len..].starts_with('-') {
            return None;
        }
        let last = compound[..len].rfind(' ')? + ' '.len_utf8();
        compound[last..].starts_with(tote::HAMZA).then_some(last)
    }

    /// Whether `cyrillic` converts back to `tote`, a piece of the text being read. That text
    /// has the hamza of the clean-up (U+0621: a style's U+0674 is a place to clean up), so the
    /// check writes that hamza whatever the style's.
    ///
    /// The check goes through the writer's entry point, [`to_arabic::to_arabic`], its one
    /// interface: the writer's fast paths write what its general rules write (a proptest in
    /// `to_arabic` checks it), so the answer is the general rules' answer, at a quarter fewer
    /// instructions on text the word cache has not seen than the general rules alone.
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
