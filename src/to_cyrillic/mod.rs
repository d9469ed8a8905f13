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
//!
//! [`window`] is a module of its own (the layout sketched for the crate has none) because both
//! the scan and the word cache read a word's first bytes as one window.
//!
//! # State, by stage
//!
//! The reader ([`ToCyrillic`]) is its parts: [`Config`] (what the conversion was asked for,
//! never changed), the output (`String`), [`CasingState`] (what the casing rules know of the
//! words written), [`Scratch`] (buffers reused between words) and the thread's
//! [`WordCache`]. The casing, name, abbreviation and spelling rules take the parts they
//! change; the reader's own methods are the steps that move several at once: the scan, the
//! cached path, the reading of a compound and the spelling of its parts.
//!
//! The cached path must write what the general path writes: [`Paths::GeneralOnly`] turns the
//! word cache off, and the tests compare both paths.
//!
//! # What the rest of the crate uses
//!
//! [`to_cyrillic`] converts a text; `stream` uses [`to_cyrillic_into`] (a piece of a longer
//! text, with the casing state carried from piece to piece), [`WarmWordCache`] (a worker
//! thread's word cache handed on to the next worker) and, for where a long tote line may be
//! cut, [`ends_sentence_or_clause`] and [`is_dateline_place`].

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
use crate::orthography::letters;
use crate::script::normalize;
use crate::style::StyleRules;

use casing::CasingState;
use scan::{PATRONYM_STARTS, WORD_CHARS};
use word_cache::{CacheConfig, WordCache, NO_TABLE, WORD_CACHE};

// What `stream` uses, and nothing else of the reader: converting a piece of a longer text
// (`to_cyrillic_into`), a warm word cache for each worker thread, and where a long tote line
// may be cut so that its pieces read as the whole.
pub(crate) use casing::{ends_sentence_or_clause, is_dateline_place};
pub(crate) use word_cache::WarmWordCache;

/// Without the lexicon there are no casing pairs (see [`CasingState::case_pair`]).
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
    // A tote letter, or what the clean-up may turn into one: a lead byte of the Arabic block,
    // of the Arabic Supplement (U+0740..U+077F), of the presentation forms (U+FB00..U+FFFF) or
    // of the joiners and look-alike marks (U+2000..U+2FFF).
    if !text
        .bytes()
        .any(|b| letters::is_arabic_lead(b) || matches!(b, 0xDD | 0xEF | 0xE2))
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
    convert_into(
        text,
        rules,
        casing,
        words,
        sentence_start,
        out,
        Paths::Cached,
    );
}

/// Which paths a conversion takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Paths {
    /// The word cache and the cached fast path, for the words they hold: what the crate does.
    Cached,
    /// The general path alone: every word spelled anew, no word cache. Tests check that
    /// [`Paths::Cached`] writes the same.
    #[cfg_attr(not(test), allow(dead_code))]
    GeneralOnly,
}

/// [`to_cyrillic_into`] by the given paths.
pub(super) fn convert_into(
    text: &str,
    rules: &StyleRules,
    casing: Casing,
    words: WordSource,
    sentence_start: &mut bool,
    out: &mut String,
    paths: Paths,
) {
    // The thread's word cache is taken for the conversion (and put back after it), so that
    // a word's look-up is a plain field access. A conversion started from inside this one
    // would find the cache empty: it would spell its words again, with the same result.
    let mut cache = WORD_CACHE.with(std::cell::RefCell::take);
    let cache_table = match paths {
        Paths::Cached => cache.config_index(CacheConfig {
            rules: *rules,
            casing,
            words,
        }),
        Paths::GeneralOnly => NO_TABLE,
    };
    let mut converter = ToCyrillic {
        config: Config {
            rules,
            casing,
            words,
            cache_table,
            word_chars: &WORD_CHARS,
            patronym_starts: &PATRONYM_STARTS,
        },
        out: std::mem::take(out),
        state: CasingState {
            sentence_start: *sentence_start,
            ..CasingState::default()
        },
        scratch: Scratch::default(),
        cache,
    };
    // Most tote needs no clean-up: it is read as it is (saving a pass over it). A line with a
    // place to clean up is read again from its start, cleaned up: text cut after a line feed
    // reads, and cleans up, the same in pieces as whole (see `stream`).
    let mut at = 0;
    while let Err(line) = converter.run(&text[at..], true) {
        converter.out.truncate(line.out_len);
        converter.state = line.state();
        let start = at + line.at;
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |newline| start + newline + 1);
        converter
            .run(&normalize::tote_text(&text[start..end]), false)
            .ok();
        at = end;
    }
    *sentence_start = converter.state.sentence_start;
    *out = converter.out;
    WORD_CACHE.with(|slot| *slot.borrow_mut() = converter.cache);
}

/// What a conversion was asked for, and the tables it reads: set at its start, never changed.
#[derive(Clone, Copy)]
struct Config<'r> {
    rules: &'r StyleRules,
    casing: Casing,
    words: WordSource,
    /// This configuration's table in the thread's word cache ([`NO_TABLE`] for none: every
    /// look-up misses and nothing is kept).
    cache_table: usize,
    /// The [`WORD_CHARS`] (read once, not at every word).
    word_chars: &'static [u8; 256],
    /// The [`PATRONYM_STARTS`] (read once, not after every word).
    patronym_starts: &'static [[u8; 4]],
}

/// Buffers reused from word to word, so that spelling a word allocates nothing. What one holds
/// means nothing once the function that filled it has returned.
#[derive(Default)]
struct Scratch {
    /// Look-up key of the word being spelled.
    #[cfg(feature = "lexicon")]
    key: String,
    /// Letters of the word being spelled, hamza removed.
    letters: Vec<char>,
    /// The word cache's key of a letter-spaced run or of a converts-back answer.
    run_key: String,
    /// A word of a casing pair being recased ([`set_case`](names::set_case)).
    #[cfg(feature = "lexicon")]
    recased: String,
}

/// The reader: its parts by stage. Each stage's functions take the parts they change.
struct ToCyrillic<'r> {
    /// What the conversion was asked for (read only).
    config: Config<'r>,
    /// The Cyrillic written so far.
    out: String,
    /// What the casing rules know of the words written.
    state: CasingState,
    /// Buffers reused between words.
    scratch: Scratch,
    /// The thread's word cache, for the time of the conversion.
    cache: WordCache,
}
