//! Tote -> Cyrillic.
//!
//! The input is read as it is; a line with something to clean up ([`normalize::cleanup_at`])
//! is cleaned up ([`normalize::tote_text`]) and read again. Each compound (tote words joined by
//! hyphens) is spelled in Cyrillic so that converting the spelling back with
//! [`to_arabic`](crate::to_arabic()) in the same style gives the same tote: the
//! *right-inverse principle*. Within what that allows, the lexicon, the letter model and the
//! rules pick the most likely spelling (harmony from the hamza and the front markers ە ك گ,
//! `и`/`й` from the neighbours, `я`/`ия`, `ц`/`тс`, `е`/`э` from the context), letter-spaced
//! runs are capital abbreviations, and capitals come from sentence starts, the lexicon's
//! casing, casing pairs, the name model and initials. Style conventions that `to_arabic` adds
//! back by itself (`1969 -جىلى`, `سونداي- اق`) are undone; everything else between words is
//! kept.
//!
//! # Layout, along the data flow
//!
//! - [`scan`] walks the text: words, the gaps between them, line starts.
//! - [`cached`] copies a word the word cache ([`word_cache`], hashed a [`window`] at a time)
//!   holds, and runs only the casing rules that can change it.
//! - [`reading`] spells a compound that is not cached: candidate readings, each kept only if it
//!   converts back; [`spell`] writes the candidates (lexicon, letter model, rules) and
//!   [`abbreviations`] the letter-spaced runs.
//! - [`casing`] (sentence starts) and [`names`] (names, casing pairs, patronymics) case what is
//!   written. Casing has two modules, not one: together they would pass the size of one file.

mod abbreviations;
mod cached;
mod casing;
mod names;
mod reading;
mod scan;
mod spell;
#[cfg(test)]
mod tests;
mod window;
mod word_cache;

use std::borrow::Cow;

use crate::converter::{Casing, WordSource};
use crate::normalize;
use crate::style::StyleRules;

use casing::LastWord;
use names::{LastCompounds, PlainWord};
use reading::RunsAfterVowellessParts;
use scan::{PATRONYM_STARTS, WORD_CHARS};
use word_cache::{CacheConfig, WordCache, WORD_CACHE};

pub(crate) use casing::{is_dateline_place, SENTENCE_OR_CLAUSE_MARKS};
pub(crate) use word_cache::WarmWordCache;

/// Without the lexicon there are no casing pairs (see [`ToCyrillic::case_pair`]).
#[cfg(not(feature = "lexicon"))]
pub(super) type PairWord = u32;
#[cfg(feature = "lexicon")]
pub(super) use crate::lexicon::PairWord;

/// Converts tote text to Cyrillic in the given style.
pub(crate) fn to_cyrillic<'a>(
    text: &'a str,
    rules: &StyleRules,
    casing: Casing,
    words: WordSource,
) -> Cow<'a, str> {
    if !text
        .bytes()
        .any(|b| matches!(b, 0xD8..=0xDB | 0xDD | 0xEF | 0xE2))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut sentence_start = true;
    to_cyrillic_into(text, rules, casing, words, &mut sentence_start, &mut out);
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// Converts one piece of a longer text, appending to `out`. `sentence_start` carries the
/// casing state from the piece before (true at the start of a text) and is updated for the
/// piece after, so that a text cut at safe boundaries converts exactly as a whole.
pub(crate) fn to_cyrillic_into(
    text: &str,
    rules: &StyleRules,
    casing: Casing,
    words: WordSource,
    sentence_start: &mut bool,
    out: &mut String,
) {
    // The thread's word cache is taken for the conversion (and put back after it), so that
    // a word's look-up is a plain field access. A conversion started from inside this one
    // would find the cache empty: it would spell its words again, with the same result.
    let mut cache = WORD_CACHE.with(std::cell::RefCell::take);
    let cache_config = cache.config_index(CacheConfig {
        rules: *rules,
        casing,
        words,
    });
    let mut converter = ToCyrillic {
        rules,
        casing,
        words,
        out: std::mem::take(out),
        sentence_start: *sentence_start,
        #[cfg(feature = "lexicon")]
        key: String::new(),
        letters: Vec::new(),
        runs_after_vowelless_parts: RunsAfterVowellessParts::CarryTheFront,
        run_key: String::new(),
        #[cfg(feature = "lexicon")]
        recased: String::new(),
        last_word: None,
        prev_proper: false,
        last_plain: None,
        last_compounds: LastCompounds::default(),
        cache_config,
        word_chars: &WORD_CHARS,
        patronym_starts: &PATRONYM_STARTS,
        cache,
    };
    // Most tote needs no clean-up: it is read as it is (saving a pass over it). A line with a
    // place to clean up is read again from its start, cleaned up: text cut after a line feed
    // reads, and cleans up, the same in pieces as whole (see `stream`).
    let mut at = 0;
    while let Err(line) = converter.run(&text[at..], true) {
        converter.out.truncate(line.out_len);
        converter.sentence_start = line.sentence_start;
        converter.last_word = line.last_word;
        converter.prev_proper = line.prev_proper;
        converter.last_plain = line.last_plain;
        // (The compounds before a line feed join no word after it.)
        converter.last_compounds = LastCompounds::default();
        let start = at + line.at;
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |newline| start + newline + 1);
        converter
            .run(&normalize::tote_text(&text[start..end]), false)
            .ok();
        at = end;
    }
    *sentence_start = converter.sentence_start;
    *out = converter.out;
    WORD_CACHE.with(|slot| *slot.borrow_mut() = converter.cache);
}

struct ToCyrillic<'r> {
    rules: &'r StyleRules,
    casing: Casing,
    words: WordSource,
    out: String,
    /// Whether the next word starts a sentence.
    sentence_start: bool,
    /// Look-up key of the word being spelled (reused between words).
    #[cfg(feature = "lexicon")]
    key: String,
    /// How a letter-spaced run joined by a hyphen to a part without a vowel letter is read
    /// (see [`Self::where_it_converts_back_read_the_run_after_as_an_abbreviation`]).
    runs_after_vowelless_parts: RunsAfterVowellessParts,
    /// Letters of the word being spelled, hamza removed (reused between words).
    letters: Vec<char>,
    /// The last word written (`None` after an abbreviation).
    last_word: Option<LastWord>,
    /// Whether the last word written is a capitalised name and only a space or a hyphen
    /// followed it.
    prev_proper: bool,
    /// The last plain word written, for casing it together with the next.
    last_plain: Option<PlainWord>,
    /// The last three compounds written, the last first: for the given names before a
    /// surname (`Қасым-Жомарт Тоқаев`) and the names in a list (`Талас, Ертіс, Сыр, Іле`).
    last_compounds: LastCompounds,
    /// The word cache's key of the letter-spaced run being written
    /// ([`Self::emit_abbreviation`]), reused between runs.
    run_key: String,
    /// A word of a casing pair being recased ([`set_case`](names::set_case)), reused between words.
    #[cfg(feature = "lexicon")]
    recased: String,
    /// This configuration's index in the thread's word cache.
    cache_config: usize,
    /// The [`WORD_CHARS`] (read once, not at every word).
    word_chars: &'static [u8; 256],
    /// The [`PATRONYM_STARTS`] (read once, not after every word).
    patronym_starts: &'static [[u8; 4]],
    /// The thread's word cache, for the time of the conversion.
    cache: WordCache,
}
