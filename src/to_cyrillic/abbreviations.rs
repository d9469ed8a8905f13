//! Letter-spaced runs (`ق ر`) as capital abbreviations, the ones the lexicon knows first, and
//! joined abbreviations where the style joins them.

#[cfg(feature = "lexicon")]
use std::borrow::Cow;

#[cfg(feature = "lexicon")]
use crate::converter::WordSource;
#[cfg(feature = "lexicon")]
use crate::lexicon;
use crate::orthography::conventions::MAX_ABBREVIATION_LEN;
use crate::orthography::letters::{self, tote};
use crate::style::Abbreviations;

use super::scan::single_letter_word;
use super::spell::is_tote_vowel;
use super::word_cache::CachedState;
use super::{Config, ToCyrillic};

impl Config<'_> {
    /// A run of two or more one-letter words separated by single spaces (`ي ى ۇ`), in styles
    /// that letter-space abbreviations: its byte length and number of letters.
    pub(super) fn abbreviation_run(&self, text: &str) -> Option<(usize, usize)> {
        if self.rules.abbreviations != Abbreviations::LetterSpaced {
            return None;
        }
        let mut len = 0;
        let mut units = 0;
        while let Some(unit) = single_letter_word(&text[len..]) {
            units += 1;
            len += unit;
            match text[len..].strip_prefix(' ') {
                Some(after) if single_letter_word(after).is_some() => len += 1,
                _ => break,
            }
        }
        (units >= 2).then_some((len, units))
    }
}

impl ToCyrillic<'_> {
    /// Writes a letter-spaced run as capital abbreviations of at most five letters, in
    /// balanced groups (6 letters -> 3 + 3) so that each converts back letter-spaced; with the
    /// lexicon, as the abbreviations it knows in the run where it knows some and the run
    /// stands `apart` from other letters and digits.
    pub(super) fn emit_abbreviation(&mut self, run: &str, units: usize, apart: bool) {
        // The spelling depends on nothing else (and the configuration): it is cached, under a
        // key that no word has (see `run_key`).
        self.scratch.run_key.clear();
        self.scratch
            .run_key
            .push(if apart { RUN_APART_KEY } else { RUN_KEY });
        self.scratch.run_key.push_str(run);
        if let Some((spelling, _)) =
            self.cache
                .get(self.config.cache_table, 0, &self.scratch.run_key)
        {
            self.out.push_str(spelling);
            return;
        }
        let out_start = self.out.len();
        spell_abbreviation(&self.config, &mut self.out, run, units, apart);
        let state = CachedState {
            letters: 0,
            known: false,
            proper: false,
            pair_word: None,
        };
        self.cache.insert(
            self.config.cache_table,
            0,
            &self.scratch.run_key,
            &self.out[out_start..],
            state,
        );
    }
}

/// [`ToCyrillic::emit_abbreviation`], uncached.
fn spell_abbreviation(config: &Config, out: &mut String, run: &str, units: usize, apart: bool) {
    #[cfg(feature = "lexicon")]
    if apart && config.words == WordSource::Lexicon && emit_known_abbreviations(config, out, run) {
        return;
    }
    let _ = (config, apart);
    let groups = units.div_ceil(MAX_ABBREVIATION_LEN);
    for (index, unit) in run.split(' ').enumerate() {
        if index > 0 && index * groups / units != (index - 1) * groups / units {
            out.push(' ');
        }
        push_capital_letter(out, unit);
    }
}

/// Writes one unit of a letter-spaced run (a tote letter, a hamza before it if front) as
/// the capital Cyrillic letter it stands for.
fn push_capital_letter(out: &mut String, unit: &str) {
    let front = unit.starts_with(tote::HAMZA);
    if let Some(letter) = unit.trim_start_matches(tote::HAMZA).chars().next() {
        out.push(letters::upper_of(single_letter(letter, front)));
    }
}

/// Writes a letter-spaced run as the abbreviations the lexicon knows in it (`ج ە س` =
/// `ЖЭС`, not `ЖЕС`; `ق ر ءى ءى م` = `ҚР ІІМ`), each group two to five letters long;
/// returns false (nothing written) where the lexicon knows none. Of the ways to cut the
/// run, the one with the most letters in known abbreviations wins, then the one with the
/// fewest groups; the other groups are spelled letter by letter.
#[cfg(feature = "lexicon")]
fn emit_known_abbreviations(config: &Config, out: &mut String, run: &str) -> bool {
    let lexicon = lexicon::get();
    // Where each letter starts in `run`, and the run's end.
    let mut starts: Vec<usize> = run
        .split(' ')
        .scan(0, |at, unit| {
            let start = *at;
            *at += unit.len() + 1;
            Some(start)
        })
        .collect();
    let units = starts.len();
    starts.push(run.len() + 1);
    let piece = |from: usize, to: usize| &run[starts[from]..starts[to] - 1];
    // The known spelling of the group of letters `from..to`, if the lexicon has one.
    let mut key = String::new();
    // Else a word of three letters or more in capitals (`ت ا ع ى` = `ТАҒЫ`; a heading's
    // short words are letter-spaced like abbreviations): `ق ا ي د ا` = `ҚАЙДА`, not
    // `ҚАИДА`.
    let mut known = |from: usize, to: usize| -> Option<Cow<'static, str>> {
        let letters: Vec<char> = piece(from, to).chars().filter(|&c| c != ' ').collect();
        lexicon::key_of_tote(&letters, &mut key);
        let entries = lexicon.words(&key);
        let same_letters = |spelling: &str| spelling.chars().count() == to - from;
        let abbreviation = entries.iter().map(|e| e.spelling).find(|spelling| {
            same_letters(spelling)
                && letters::is_all_caps(spelling)
                && config.converts_back(spelling, piece(from, to))
        });
        if let Some(spelling) = abbreviation {
            return Some(Cow::Borrowed(spelling));
        }
        if to - from < MIN_SPACED_WORD_LETTERS {
            return None;
        }
        entries
            .iter()
            .filter(|e| same_letters(e.spelling))
            .map(|e| e.spelling.to_uppercase())
            .find(|upper| config.converts_back(upper, piece(from, to)))
            .map(Cow::Owned)
    };
    // For each start of a group: the best cut of the letters from there on, as (letters
    // in known groups, groups), and its first group's end and known spelling.
    type Cut = ((usize, usize), usize, Option<Cow<'static, str>>);
    let mut best: Vec<Option<Cut>> = vec![None; units + 1];
    best[units] = Some(((0, 0), units, None));
    for from in (0..units).rev() {
        for to in from + 2..=(from + MAX_ABBREVIATION_LEN).min(units) {
            let Some(((rest_known, rest_groups), _, _)) = best[to] else {
                continue;
            };
            let spelling = known(from, to);
            let score = (
                rest_known + spelling.as_ref().map_or(0, |_| to - from),
                rest_groups + 1,
            );
            let better = best[from]
                .as_ref()
                .is_none_or(|&((k, g), _, _)| score.0 > k || (score.0 == k && score.1 < g));
            if better {
                best[from] = Some((score, to, spelling));
            }
        }
    }
    let Some(&((known_letters, _), _, _)) = best[0].as_ref() else {
        return false;
    };
    if known_letters == 0 {
        return false;
    }
    let mut from = 0;
    while let Some((_, to, spelling)) = best[from].take().filter(|_| from < units) {
        if from > 0 {
            out.push(' ');
        }
        match spelling {
            Some(spelling) => out.push_str(&spelling),
            None => {
                for unit in piece(from, to).split(' ') {
                    push_capital_letter(out, unit);
                }
            }
        }
        from = to;
    }
    true
}

/// The Cyrillic letter for a tote letter standing alone.
fn single_letter(c: char, front: bool) -> char {
    let options = letters::cyrillic_options(c);
    let back = options.first().copied().unwrap_or(c);
    if front {
        letters::fronted(back)
    } else {
        back
    }
}

/// In styles that write abbreviations joined (`شىۇ` = `ШЫҰ`), a short word the lexicon
/// does not know, with `ы`/`і` or `ұ`/`ү` next to another vowel letter, is one: no Kazakh
/// word has such vowels side by side but at the seam of a compound (`Сарыарқа`), and
/// loanwords write Russian `у` and `и` with other letters. In the corpus 84 of 92 such
/// words of two to five letters are abbreviations (`БҰҰ`, `ІІМ`, `ХІІ`). `letters`: the
/// word's tote letters, hamza removed; its spelling is written from `start` on.
pub(super) fn capitalise_joined_abbreviation(
    config: &Config,
    out: &mut String,
    letters: &[char],
    start: usize,
    tote_word: &str,
) {
    let hiatus = |pair: &[char]| {
        let high = |c: char| matches!(c, tote::ALEF_MAKSURA | tote::U);
        let vowel = |c: char| is_tote_vowel(c) || c == tote::AE;
        (high(pair[0]) && vowel(pair[1])) || (vowel(pair[0]) && high(pair[1]))
    };
    let applies = config.rules.abbreviations == Abbreviations::Joined
        && (2..=MAX_ABBREVIATION_LEN).contains(&letters.len())
        && letters.windows(2).any(hiatus);
    if !applies {
        return;
    }
    let upper = out[start..].to_uppercase();
    if config.converts_back(&upper, tote_word) {
        out.replace_range(start.., &upper);
    }
}

/// Fewest letters of a letter-spaced group read as a word the lexicon knows (in capitals) where
/// it knows no abbreviation of those letters.
#[cfg(feature = "lexicon")]
const MIN_SPACED_WORD_LETTERS: usize = 3;

/// The first character of the word cache's key of a letter-spaced run
/// ([`ToCyrillic::emit_abbreviation`]) that stands apart from other letters and digits; the
/// run follows. No word starts with it (nor with [`RUN_KEY`]).
const RUN_APART_KEY: char = '\u{1}';

/// [`RUN_APART_KEY`] of a run next to other letters or digits.
const RUN_KEY: char = '\u{2}';
