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

use std::borrow::Cow;

use crate::converter::{Casing, WordSource};
use crate::letters::{self, tote};
#[cfg(feature = "lexicon")]
use crate::lexicon::{AfterName, PairCase, PairWord, Suffix, WordCase};
use crate::normalize;
use crate::segment;
use crate::style::{
    Abbreviations, HamzaScope, HyphenSpacing, Patronymics, StyleRules, VowelThenE, YearHyphen,
};
use crate::to_arabic;
use crate::to_arabic::{MAX_ABBREVIATION_LEN, VOWELS_BEFORE_E};
/// Without the lexicon there are no casing pairs (see [`ToCyrillic::case_pair`]).
#[cfg(not(feature = "lexicon"))]
type PairWord = u32;
#[cfg(feature = "lexicon")]
use crate::{letter_model, lexicon};

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

/// If `text` starts with a plain word (two or more letters, no hyphen after it: it cannot
/// be part of an abbreviation run or a hyphenated word), that word. Its spelling depends only
/// on the converter's configuration and on whether a name comes right before it, so it is
/// cached.
fn plain_word(text: &str) -> Option<&str> {
    let (len, letters) = word_len_and_letters(&WORD_CHARS, text.as_bytes());
    let cacheable = (2..=MAX_WORD_LETTERS).contains(&letters);
    (cacheable && text.as_bytes().get(len) != Some(&b'-')).then_some(&text[..len])
}

/// If `text` starts with a compound that is no plain word and that [`ToCyrillic::cached`]
/// caches, that compound: a hyphenated word or a word of one letter. That is one or more
/// parts joined by single hyphens (`-` right before a word character), each with a letter
/// besides the hamza, the last with two or more or else without a one-letter word after the
/// space after it (it could start a letter-spaced abbreviation run), and no hyphen right
/// after it (no `- ` joint of [`HyphenSpacing::SpaceAfter`]). Its spelling depends only on the
/// configuration, on whether a name comes right before it and on whether it starts a
/// sentence.
fn cacheable_compound(text: &str) -> Option<&str> {
    let mut len = 0;
    loop {
        let part = &text[len..len + word_len(&text[len..])];
        let letters = part.chars().filter(|&c| c != tote::HAMZA).count();
        if letters == 0 {
            return None;
        }
        len += part.len();
        match text[len..].strip_prefix('-') {
            Some(after) if starts_word(after) => len += 1,
            Some(_) => return None,
            None => {
                let starts_run = || {
                    text[len..]
                        .strip_prefix(' ')
                        .is_some_and(|after| single_letter_word(after).is_some())
                };
                return (letters >= 2 || !starts_run()).then_some(&text[..len]);
            }
        }
    }
}

/// The first four bytes (the first two letters: `ۇل`, `قى`) of each
/// [`to_arabic::split_patronym_forms`], every one of which has more (checked by a test): a
/// word that starts with none of them is none of them. (Many words start with `ق`, few with
/// `قى`: this runs after every word before another.)
static PATRONYM_STARTS: std::sync::LazyLock<Vec<[u8; 4]>> = std::sync::LazyLock::new(|| {
    let mut starts: Vec<[u8; 4]> = to_arabic::split_patronym_forms()
        .iter()
        .filter_map(|form| form.tote.as_bytes().first_chunk().copied())
        .collect();
    starts.sort_unstable();
    starts.dedup();
    starts
});

/// Whether the tote text `bytes` starts with the first two letters of a patronymic the style
/// splits off (a cheap test before the forms are compared). `starts`: the
/// [`PATRONYM_STARTS`], read once by the caller (this runs after almost every word, and the
/// look-up of the lazy table would cost as much as the test).
#[inline]
fn starts_as_patronym(starts: &[[u8; 4]], bytes: &[u8]) -> bool {
    bytes
        .first_chunk::<4>()
        .is_some_and(|first| starts.contains(first))
}

/// Fewest letters of a letter-spaced group read as a word the lexicon knows (in capitals) where
/// it knows no abbreviation of those letters.
#[cfg(feature = "lexicon")]
const MIN_SPACED_WORD_LETTERS: usize = 3;

/// Shortest word the name model may capitalise, in tote letters.
#[cfg(feature = "lexicon")]
const MIN_NAME_LETTERS: usize = 3;

/// The first character of the word cache's key of a letter-spaced run
/// ([`ToCyrillic::emit_abbreviation`]) that stands apart from other letters and digits; the
/// run follows. No word starts with it (nor with [`RUN_KEY`]).
const RUN_APART_KEY: char = '\u{1}';

/// [`RUN_APART_KEY`] of a run next to other letters or digits.
const RUN_KEY: char = '\u{2}';

/// The first character of the word cache's key of a compound's spelling checked by
/// [`ToCyrillic::converts_back_remembered`]: the tote, this character again, the spelling.
const CONVERTS_BACK_KEY: char = '\u{3}';

/// Longest word spelled with data (and cached); longer runs of letters are no words.
const MAX_WORD_LETTERS: usize = 64;

/// What a cached spelling depends on besides the word and whether a name comes right
/// before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct CacheConfig {
    rules: StyleRules,
    casing: Casing,
    words: WordSource,
}

/// What [`ToCyrillic::after_cached_plain_word`] is handed of a cached plain word written.
#[derive(Clone, Copy)]
struct CachedPlainWord {
    header: RecordHeader,
    /// Where its spelling starts in the output.
    out_start: usize,
    /// Whether it started a sentence.
    sentence_start: bool,
    /// The plain word before it ([`ToCyrillic::last_plain`]).
    previous: Option<PlainWord>,
    /// Whether its spelling is `с`.
    celsius_letter: bool,
}

/// The converter's state after writing a cached word.
#[derive(Clone, Copy, Debug)]
struct CachedState {
    letters: usize,
    known: bool,
    proper: bool,
    /// The word's number among the words of casing pairs.
    pair_word: Option<PairWord>,
}

/// Spellings of plain words (and of the compounds of [`cacheable_compound`]) already
/// converted on this thread. Text repeats its words, so most words are spelled once and then
/// copied. Cleared when it reaches [`WORD_CACHE_LIMIT`]
/// words or [`WORD_CACHE_BYTES`] bytes of text, which bounds its memory.
#[derive(Default)]
struct WordCache {
    /// Per configuration (looked up once per conversion, see [`WordCache::config_index`]),
    /// its spellings.
    configs: Vec<(CacheConfig, SpellingTable)>,
    /// Words held, all configurations together.
    words: usize,
    /// Bytes of text held, all configurations together.
    bytes: usize,
}

/// Most words the cache holds at once.
const WORD_CACHE_LIMIT: usize = 1 << 17;

/// Most bytes of words and spellings the cache holds at once.
const WORD_CACHE_BYTES: usize = 8 << 20;

/// One configuration's spellings: a hash table with open addressing and linear probing.
/// Each slot is four bytes (a tag and the number of its record), so that the slots of the
/// whole vocabulary stay in the processor's cache; the records (a word's [`RecordHeader`]) and
/// their text are stored in the order the words came (the frequent words, which come early,
/// close together). A short record's text (a word and a spelling of at most [`WINDOW_BYTES`]
/// bytes each: most) is at a place its number gives, each of the two padded with zero bytes
/// to a window: the fast path of [`ToCyrillic::cached_plain_word`] reads it, compares it and
/// copies the spelling a window at a time, without a branch on their lengths (which vary
/// from word to word) and without waiting for the header to find the text.
#[derive(Default)]
struct SpellingTable {
    /// A power of two of slots (or none yet), at most three quarters of them in use (a
    /// fuller table is a smaller one, whose slots more often are in the processor's cache:
    /// with a large vocabulary, look-ups wait for memory more than they probe). An empty
    /// slot is 0; a slot in use is the word's tag ([`SLOT_TAG`]) with the number of its
    /// record in `records` ([`SLOT_RECORD`]).
    slots: Vec<u32>,
    /// Slots in use.
    len: usize,
    /// The records, in the order the words came.
    records: Vec<RecordHeader>,
    /// For each record, at [`SHORT_RECORD_BYTES`] times its number, its word (tote) and then
    /// its spelling (Cyrillic), each padded with zero bytes to [`WINDOW_BYTES`]; zero bytes
    /// only for a long record.
    short_text: String,
    /// For each long record, at its [`RecordHeader::text_at`], its word and then its
    /// spelling.
    long_text: String,
}

/// The bytes of a record's text in [`SpellingTable::short_text`]: a window for the word and
/// one for the spelling.
const SHORT_RECORD_BYTES: usize = 2 * WINDOW_BYTES;

/// The first eight bytes of the spelling `с` padded ([`SpellingTable::short_text`]),
/// little-endian: `с` (D1 81) and zero bytes.
const CELSIUS_LETTER_PADDED: u64 = 0x81D1;

/// [`WINDOW_BYTES`] zero bytes, to pad with.
const ZERO_WINDOW: &str = "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

/// The bits of a slot that hold its word's tag: the high byte of the word's hash with the
/// lowest bit set (never 0), to tell most other words apart without reading their record.
const SLOT_TAG: u32 = 0xFF00_0000;

/// The bits of a slot that hold the number of its record.
const SLOT_RECORD: u32 = !SLOT_TAG;

/// A cached word's record: where its word and spelling are, and the state after it. Plain
/// fields (twenty bytes), read with plain loads: a look-up reads one at every cached word.
#[derive(Clone, Copy)]
struct RecordHeader {
    /// Where a long record's word starts in [`SpellingTable::long_text`]; its spelling
    /// follows it. (0 for a short record: [`RecordHeader::is_short`].)
    text_at: u32,
    /// [`CachedState::pair_word`], [`NO_PAIR_WORD`] for none.
    pair_word: PairWord,
    /// The word's length in bytes.
    word_len: u16,
    /// The spelling's length in bytes.
    spelling_len: u16,
    /// The number of tote letters ([`CachedState::letters`]).
    letters: u8,
    /// [`SLOT_AFTER_NAME`], [`SLOT_KNOWN`], [`SLOT_PROPER`], [`SLOT_SENTENCE_START`],
    /// [`SLOT_UPPER`], [`SLOT_PLAIN`], [`SLOT_PAIR_FIRST`], [`SLOT_NAME_HEAD`].
    flags: u8,
    /// Whether the spelling looks like a surname ([`looks_like_surname`]): else the given
    /// names before it are left as they are ([`ToCyrillic::case_given_names`]).
    surname: bool,
    /// Whether the lexicon cases the word by the word after it
    /// ([`lexicon::Lexicon::casing_before`]).
    cased_before: bool,
    /// Whether a stop right after the spelling ends no sentence ([`is_abbreviation_stop`]).
    abbreviation_stop: bool,
    /// Whether, after a word that cases no word after it (by a casing pair with this one or by
    /// the casing before any word), none of the casing rules after the spelling can change
    /// this word or what is kept of it, but for the sentence capital: a lower-case spelling
    /// other than `с`, of a word the lexicon knows (or without the lexicon), not capitalised
    /// as a name and making no name of the word before it
    /// ([`ToCyrillic::cached_plain_word`]). Most words.
    quiet: bool,
}

/// [`RecordHeader::pair_word`] of a word that is in no casing pair.
const NO_PAIR_WORD: PairWord = PairWord::MAX;

impl RecordHeader {
    /// The header of a word and spelling of these lengths and of the state after them, if
    /// one holds them (its place in the text is set when it is inserted).
    fn new(word_len: usize, spelling_len: usize, flags: u8, state: &CachedState) -> Option<Self> {
        let holds = state.pair_word.is_none_or(|word| word < NO_PAIR_WORD);
        Some(RecordHeader {
            text_at: 0,
            pair_word: state.pair_word.unwrap_or(NO_PAIR_WORD),
            word_len: u16::try_from(word_len).ok()?,
            spelling_len: u16::try_from(spelling_len).ok()?,
            letters: u8::try_from(state.letters).ok()?,
            flags,
            surname: false,
            cased_before: false,
            abbreviation_stop: false,
            quiet: false,
        })
        .filter(|_| holds)
    }

    /// Whether the record is short: its word and spelling fit a window each, and are in
    /// [`SpellingTable::short_text`].
    #[inline]
    fn is_short(&self) -> bool {
        usize::from(self.word_len) <= WINDOW_BYTES && usize::from(self.spelling_len) <= WINDOW_BYTES
    }

    /// The state after a quiet word ([`RecordHeader::quiet`]) of this record written from
    /// `out_start` to `end` in the output, as [`ToCyrillic::after_cached_plain_word`] leaves it
    /// (where none of its rules applies): the last word, the last plain word and the last
    /// compound.
    #[inline(always)]
    fn quiet_word_state(
        &self,
        out_start: usize,
        end: usize,
        sentence_start: bool,
    ) -> (LastWord, PlainWord, Written) {
        let last_word = LastWord {
            start: out_start,
            letters: usize::from(self.letters),
            known: self.flags & SLOT_KNOWN != 0,
            abbreviation_stop: Some((end, self.abbreviation_stop)),
        };
        let last_plain = PlainWord {
            start: out_start,
            end,
            pair_word: self.state().pair_word,
            sentence_start,
            first_of_pair: self.flags & SLOT_PAIR_FIRST != 0,
            cased_before: self.cased_before,
        };
        let written = Written {
            start: out_start,
            end,
            sentence_start,
        };
        (last_word, last_plain, written)
    }

    /// The state after the word.
    #[inline]
    fn state(&self) -> CachedState {
        CachedState {
            letters: usize::from(self.letters),
            known: self.flags & SLOT_KNOWN != 0,
            proper: self.flags & SLOT_PROPER != 0,
            pair_word: (self.pair_word != NO_PAIR_WORD).then_some(self.pair_word),
        }
    }
}

/// [`RecordHeader::flags`]: the word came right after a name.
const SLOT_AFTER_NAME: u8 = 1;
/// [`RecordHeader::flags`]: [`CachedState::known`].
const SLOT_KNOWN: u8 = 2;
/// [`RecordHeader::flags`]: [`CachedState::proper`].
const SLOT_PROPER: u8 = 4;

/// Slots of a table when its first word comes.
const FIRST_SLOTS: usize = 1 << 10;

/// [`RecordHeader::flags`]: the spelling starts with a capital ([`letters::starts_upper`]).
const SLOT_UPPER: u8 = 16;

/// [`RecordHeader::flags`]: a plain word ([`plain_word`]) cached by [`ToCyrillic::compound`].
const SLOT_PLAIN: u8 = 32;

/// [`RecordHeader::flags`]: a plain word that is the first of a casing pair
/// ([`lexicon::Lexicon::is_pair_first`]).
const SLOT_PAIR_FIRST: u8 = 64;

/// [`RecordHeader::flags`]: a plain word that can make a name of the word before it
/// ([`lexicon::Lexicon::is_name_head`]).
const SLOT_NAME_HEAD: u8 = 128;

/// [`RecordHeader::flags`]: the compound started a sentence (hyphenated compounds only: a plain
/// word takes its sentence capital after the cache).
const SLOT_SENTENCE_START: u8 = 8;

/// The [`RecordHeader::flags`] that are part of a cached word's key: what its spelling depends on
/// besides the word and the configuration.
const SLOT_CONTEXT: u8 = SLOT_AFTER_NAME | SLOT_SENTENCE_START;

/// The context flags ([`SLOT_CONTEXT`]) of a word that comes right after a name or not, and
/// starts a sentence or not.
#[inline]
fn slot_context(after_name: bool, sentence_start: bool) -> u8 {
    (u8::from(after_name) * SLOT_AFTER_NAME) | (u8::from(sentence_start) * SLOT_SENTENCE_START)
}

/// The hash of a word and its context flags ([`SLOT_CONTEXT`]): its first [`WINDOW_BYTES`]
/// bytes, zero after its end, hashed at once ([`hash_window`]), any bytes after them eight at
/// a time, then its length and context ([`hash_finish`]). Most words fit the window: their
/// hash has no branch on their length (which varies from word to word, so that a loop over
/// the word's bytes leaves at a point the processor mispredicts), and the fast path of
/// [`ToCyrillic::cached_plain_word`] hashes the window it has already read.
#[inline(always)]
fn word_hash(word: &[u8], context: u8) -> u64 {
    let mut hash = hash_window(&window_of(word));
    for chunk in word.get(WINDOW_BYTES..).unwrap_or_default().chunks(8) {
        hash = hash_mix(hash, u64_padded(chunk));
    }
    hash_finish(hash, word.len(), context)
}

/// Bytes of the window that the fast path of [`ToCyrillic::cached_plain_word`] reads at a
/// word's start: enough for 99.8 % of the corpus's words (16 tote letters).
const WINDOW_BYTES: usize = 32;

/// A window of text: its first [`WINDOW_BYTES`] bytes.
type Window = [u8; WINDOW_BYTES];

/// The words of a window ([`Window`]), little-endian.
type WindowWords = [u64; WINDOW_BYTES / 8];

/// The first [`WINDOW_BYTES`] bytes of `bytes`, zero after its end.
#[inline(always)]
fn window_of(bytes: &[u8]) -> WindowWords {
    match bytes.first_chunk::<WINDOW_BYTES>() {
        Some(window) => window_words(window),
        None => window_words(&padded_window(bytes)),
    }
}

/// `bytes`, shorter than a window, and zero bytes after them (the end of a text: a cold
/// path).
#[cold]
#[inline(never)]
fn padded_window(bytes: &[u8]) -> Window {
    let mut window = [0; WINDOW_BYTES];
    window
        .iter_mut()
        .zip(bytes)
        .for_each(|(to, &from)| *to = from);
    window
}

/// The words of `window`.
#[inline(always)]
fn window_words(window: &Window) -> WindowWords {
    std::array::from_fn(|i| u64_at(window, 8 * i))
}

/// Up to eight bytes as a little-endian word, zero after their end.
#[inline(always)]
fn u64_padded(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .rev()
        .fold(0, |value, &byte| (value << 8) | u64::from(byte))
}

/// [`WINDOW_BYTES`] bytes of 0xFF and then as many of 0: [`len_mask`] reads a word's length
/// from it.
static LEN_MASK_BYTES: [u8; 2 * WINDOW_BYTES] = {
    let mut bytes = [0; 2 * WINDOW_BYTES];
    let mut at = 0;
    while at < WINDOW_BYTES {
        bytes[at] = 0xFF;
        at += 1;
    }
    bytes
};

/// The mask of a window ([`Window`]) that keeps its first `len` bytes (at most
/// [`WINDOW_BYTES`]) and clears the others: read off [`LEN_MASK_BYTES`], without a branch.
#[inline(always)]
fn len_mask(len: usize) -> WindowWords {
    let from = WINDOW_BYTES - len.min(WINDOW_BYTES);
    std::array::from_fn(|i| u64_at(&LEN_MASK_BYTES, from + 8 * i))
}

/// The first `len` bytes of `window` ([`len_mask`]), the others zero.
#[inline(always)]
fn window_prefix(window: &WindowWords, len: usize) -> WindowWords {
    let mask = len_mask(len);
    std::array::from_fn(|i| window[i] & mask[i])
}

/// The hash of a window: two independent 64 x 64 -> 128 bit products, folded. (Independent,
/// so that the processor computes them side by side.)
#[inline(always)]
fn hash_window(window: &WindowWords) -> u64 {
    let [a, b, c, d] = *window;
    fold_mul(a ^ 0x243F_6A88_85A3_08D3, b ^ 0x1319_8A2E_0370_7344)
        ^ fold_mul(c ^ 0xA409_3822_299F_31D0, d ^ 0x082E_FA98_EC4E_6C89)
}

/// The 128-bit product of `a` and `b`, its high half xor its low half.
#[inline(always)]
fn fold_mul(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// Where the first ASCII byte of `window` is (its offset; [`WINDOW_BYTES`] if none), without
/// a branch: each word's high bits gathered into a byte of a mask by a multiplication.
#[inline(always)]
fn first_ascii_in(window: &WindowWords) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    /// Moves the high bit of byte `k` to bit `56 + k`.
    const GATHER: u64 = 0x0002_0408_1020_4081;
    let ascii = window.iter().enumerate().fold(0u32, |ascii, (i, &word)| {
        let byte_bits = ((!word & HIGH_BITS).wrapping_mul(GATHER) >> 56) as u32;
        ascii | byte_bits << (8 * i)
    });
    ascii.trailing_zeros() as usize
}

/// The byte at `at` of `window`, or what wraps to it within the window (no bounds check).
#[inline(always)]
fn window_byte(window: &Window, at: usize) -> u8 {
    window[at % WINDOW_BYTES]
}

/// The eight bytes of `bytes` from `at` on, little-endian (0 if there are fewer).
#[inline(always)]
fn u64_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .map_or(0, |b| u64::from_le_bytes(b.try_into().unwrap_or_default()))
}

/// The four bytes of `bytes` from `at` on, little-endian (0 if there are fewer).
#[inline(always)]
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes(b.try_into().unwrap_or_default()))
}

/// One step of [`word_hash`]: eight bytes (little-endian) into the hash.
#[inline(always)]
fn hash_mix(hash: u64, value: u64) -> u64 {
    (hash.rotate_left(23) ^ value).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The end of [`word_hash`]: the length and the context go in, and the high half is folded
/// into the low one (the low bits of a product depend only on the low bits of its factors,
/// and the table's index is the low bits).
#[inline(always)]
fn hash_finish(hash: u64, len: usize, context: u8) -> u64 {
    let hash = hash_mix(hash, ((len as u64) << 8) | u64::from(context));
    hash ^ (hash >> 32)
}

/// `a == b` for short byte strings, eight bytes at a time (the last eight overlapping the
/// ones before; four at a time below eight bytes) and without a call to `memcmp`.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    if len < 8 {
        return if len >= 4 {
            u32_at(a, 0) == u32_at(b, 0) && u32_at(a, len - 4) == u32_at(b, len - 4)
        } else {
            a == b
        };
    }
    let mut at = 0;
    while at + 8 < len {
        if u64_at(a, at) != u64_at(b, at) {
            return false;
        }
        at += 8;
    }
    u64_at(a, len - 8) == u64_at(b, len - 8)
}

/// The tag of a word with this hash ([`SLOT_TAG`]).
#[inline]
fn slot_tag(hash: u64) -> u32 {
    ((hash >> 56) as u32 | 1) << 24
}

impl WordCache {
    /// The index of `config`'s spellings (added if new).
    fn config_index(&mut self, config: CacheConfig) -> usize {
        match self.configs.iter().position(|(c, _)| *c == config) {
            Some(index) => index,
            None => {
                self.configs.push((config, SpellingTable::default()));
                self.configs.len() - 1
            }
        }
    }

    /// The spelling of `word` in `context` ([`SLOT_CONTEXT`] flags) and the state after it,
    /// if cached.
    #[inline]
    fn get(&self, config: usize, context: u8, word: &str) -> Option<(&str, CachedState)> {
        let hash = word_hash(word.as_bytes(), context);
        self.lookup(config, hash, context, word.as_bytes())
            .map(|(spelling, header)| (spelling, header.state()))
    }

    /// [`WordCache::get`] with the record's header: its flags tell more than the state
    /// ([`SLOT_UPPER`]).
    #[inline(always)]
    fn lookup(
        &self,
        config: usize,
        hash: u64,
        context: u8,
        word: &[u8],
    ) -> Option<(&str, RecordHeader)> {
        self.configs.get(config)?.1.get_hashed(hash, context, word)
    }

    /// [`SpellingTable::get_short`] in `config`'s table.
    #[inline(always)]
    fn lookup_short(
        &self,
        config: usize,
        hash: u64,
        context: u8,
        window: &WindowWords,
        len: usize,
    ) -> Option<(&str, &RecordHeader)> {
        self.configs
            .get(config)?
            .1
            .get_short(hash, context, window, len)
    }

    /// Caches the spelling of `word`; `context` holds its [`SLOT_CONTEXT`] flags and any
    /// flags besides that the record carries ([`SLOT_PLAIN`], ...).
    fn insert(
        &mut self,
        config: usize,
        context: u8,
        word: &str,
        cyrillic: &str,
        state: CachedState,
    ) {
        let flags = context
            | if state.known { SLOT_KNOWN } else { 0 }
            | if state.proper { SLOT_PROPER } else { 0 }
            | if letters::starts_upper(cyrillic) {
                SLOT_UPPER
            } else {
                0
            };
        let Some(header) = RecordHeader::new(word.len(), cyrillic.len(), flags, &state) else {
            // Longer than any plain word: not cached.
            return;
        };
        let with_lexicon = self
            .configs
            .get(config)
            .is_some_and(|(config, _)| config.words == WordSource::Lexicon);
        let header = RecordHeader {
            surname: looks_like_surname(cyrillic),
            cased_before: has_casing_before(state.pair_word),
            abbreviation_stop: is_abbreviation_stop(cyrillic, &mut String::new()),
            quiet: flags & (SLOT_UPPER | SLOT_PROPER | SLOT_NAME_HEAD) == 0
                && cyrillic != "с"
                && (state.known || !with_lexicon),
            ..header
        };
        if self.words >= WORD_CACHE_LIMIT || self.bytes >= WORD_CACHE_BYTES {
            for (_, table) in &mut self.configs {
                table.clear();
            }
            self.words = 0;
            self.bytes = 0;
        }
        if let Some((_, table)) = self.configs.get_mut(config) {
            table.insert(word, cyrillic, &header);
            self.words += 1;
            self.bytes += SHORT_RECORD_BYTES
                + if header.is_short() {
                    0
                } else {
                    word.len() + cyrillic.len()
                };
        }
    }
}

impl SpellingTable {
    /// The header, the word and the spelling of the record of `slot`, in use.
    #[inline]
    fn record(&self, slot: u32) -> Option<(RecordHeader, &[u8], &str)> {
        let number = (slot & SLOT_RECORD) as usize;
        let header = *self.records.get(number)?;
        let (word_len, spelling_len) = (
            usize::from(header.word_len),
            usize::from(header.spelling_len),
        );
        let (text, word_at, spelling_at) = if header.is_short() {
            let word_at = number * SHORT_RECORD_BYTES;
            (&self.short_text, word_at, word_at + WINDOW_BYTES)
        } else {
            let word_at = header.text_at as usize;
            (&self.long_text, word_at, word_at + word_len)
        };
        let word = text.as_bytes().get(word_at..word_at + word_len)?;
        let spelling = text.get(spelling_at..spelling_at + spelling_len)?;
        Some((header, word, spelling))
    }

    /// The padded spelling (its spelling and zero bytes up to a window) and the header of the
    /// short record of `word` in `context`, found by its `hash` ([`word_hash`]); `window`:
    /// the word's first [`WINDOW_BYTES`] bytes, zero from its `len` on. The fast path of
    /// [`ToCyrillic::cached_plain_word`]: the record's text is compared a window at a time,
    /// and its place is known before its header is read.
    #[inline(always)]
    fn get_short(
        &self,
        hash: u64,
        context: u8,
        window: &WindowWords,
        len: usize,
    ) -> Option<(&str, &RecordHeader)> {
        let tag = slot_tag(hash);
        // (No slots yet: the mask is all ones, and the first slot is none.)
        let mask = self.slots.len().wrapping_sub(1);
        let mut index = hash as usize & mask;
        loop {
            let slot = *self.slots.get(index)?;
            if slot == 0 {
                return None;
            }
            if slot & SLOT_TAG == tag {
                let number = (slot & SLOT_RECORD) as usize;
                let header = self.records.get(number)?;
                let text_at = number * SHORT_RECORD_BYTES;
                let stored = self.short_text.as_bytes().get(text_at..)?.first_chunk()?;
                // (A long record's text here is zero bytes: no word's.)
                let same_word = window_words(stored) == *window;
                let same_context = header.flags & SLOT_CONTEXT == context;
                if same_word & same_context & (usize::from(header.word_len) == len) {
                    let spelling_at = text_at + WINDOW_BYTES;
                    let spelling = self
                        .short_text
                        .get(spelling_at..spelling_at + WINDOW_BYTES)?;
                    return Some((spelling, header));
                }
            }
            index = (index + 1) & mask;
        }
    }

    #[cfg(test)]
    fn get(&self, context: u8, word: &str) -> Option<(&str, RecordHeader)> {
        self.get_hashed(
            word_hash(word.as_bytes(), context),
            context,
            word.as_bytes(),
        )
    }

    /// The spelling and record header of `word` in `context`, found by its `hash`
    /// ([`word_hash`]). Inlined into its callers (one is the fast path of
    /// [`ToCyrillic::cached_plain_word`]): a call costs a sixth of a look-up, and the found
    /// record is handed back in registers.
    #[inline(always)]
    fn get_hashed(&self, hash: u64, context: u8, word: &[u8]) -> Option<(&str, RecordHeader)> {
        let tag = slot_tag(hash);
        // (No slots yet: the mask is all ones, and the first slot is none.)
        let mask = self.slots.len().wrapping_sub(1);
        let mut index = hash as usize & mask;
        loop {
            let slot = *self.slots.get(index)?;
            if slot == 0 {
                return None;
            }
            if slot & SLOT_TAG == tag {
                if let Some(found) = self.matching_record(slot, context, word) {
                    return Some(found);
                }
            }
            index = (index + 1) & mask;
        }
    }

    /// The spelling and header of the record of `slot` if it is the record of `word` in
    /// `context`. The header's context and the word are compared before the spelling is
    /// read: most slots with the word's tag are the word's, but each look-up reads one.
    #[inline(always)]
    fn matching_record(&self, slot: u32, context: u8, word: &[u8]) -> Option<(&str, RecordHeader)> {
        let header = self.records.get((slot & SLOT_RECORD) as usize)?;
        if header.flags & SLOT_CONTEXT != context || usize::from(header.word_len) != word.len() {
            return None;
        }
        let (header, stored, spelling) = self.record(slot)?;
        same_bytes(stored, word).then_some((spelling, header))
    }

    /// Adds `word` with its `spelling` and `header`. The word must not be in the table yet.
    fn insert(&mut self, word: &str, spelling: &str, header: &RecordHeader) {
        let number = u32::try_from(self.records.len()).ok();
        let text_at = u32::try_from(self.long_text.len()).ok();
        let (Some(number), Some(text_at)) = (number.filter(|&n| n <= SLOT_RECORD), text_at) else {
            // (Far more than the cache holds before it is cleared.)
            return;
        };
        if header.is_short() {
            self.records.push(RecordHeader {
                text_at: 0,
                ..*header
            });
            for part in [word, spelling] {
                self.short_text.push_str(part);
                self.short_text
                    .push_str(ZERO_WINDOW.get(part.len()..).unwrap_or_default());
            }
        } else {
            self.records.push(RecordHeader { text_at, ..*header });
            self.long_text.push_str(word);
            self.long_text.push_str(spelling);
            self.short_text.push_str(ZERO_WINDOW);
            self.short_text.push_str(ZERO_WINDOW);
        }
        let hash = word_hash(word.as_bytes(), header.flags & SLOT_CONTEXT);
        self.place(slot_tag(hash) | number, hash);
    }

    /// Puts a slot in use, of a word with this `hash`, in the table.
    fn place(&mut self, slot: u32, hash: u64) {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut index = hash as usize & mask;
        while self.slots[index] != 0 {
            index = (index + 1) & mask;
        }
        self.slots[index] = slot;
        self.len += 1;
    }

    /// Doubles the slots (or makes the first ones) and places the words again.
    fn grow(&mut self) {
        let slots = (self.slots.len() * 2).max(FIRST_SLOTS);
        let old = std::mem::replace(&mut self.slots, vec![0; slots]);
        self.len = 0;
        for slot in old.into_iter().filter(|&slot| slot != 0) {
            if let Some((header, word, _)) = self.record(slot) {
                let hash = word_hash(word, header.flags & SLOT_CONTEXT);
                self.place(slot, hash);
            }
        }
    }

    /// Removes every word, keeping the memory.
    fn clear(&mut self) {
        self.slots.fill(0);
        self.len = 0;
        self.records.clear();
        self.short_text.clear();
        self.long_text.clear();
    }
}

thread_local! {
    static WORD_CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
}

/// Word caches of worker threads that have finished ([`WarmWordCache`]), for the next ones.
static SPARE_WORD_CACHES: std::sync::Mutex<Vec<WordCache>> = std::sync::Mutex::new(Vec::new());

/// For the time it lives, a worker thread's word cache: the cache of a worker that finished
/// before (if one is spare) instead of an empty one, handed on to the next worker when this
/// one finishes. Threads that each convert a part of a text and then end (see
/// [`StreamConverter::convert_parallel`](crate::StreamConverter::convert_parallel)) would
/// otherwise each spell the text's words again, from a cold cache. At most as many spare
/// caches are kept as the machine has cores, which bounds their memory.
pub(crate) struct WarmWordCache(());

impl WarmWordCache {
    /// Gives this thread a spare cache, if there is one and its own has no words yet.
    pub(crate) fn adopt() -> Self {
        WORD_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.words == 0 {
                if let Some(spare) = SPARE_WORD_CACHES.lock().ok().and_then(|mut s| s.pop()) {
                    *cache = spare;
                }
            }
        });
        WarmWordCache(())
    }
}

impl Drop for WarmWordCache {
    /// Hands this thread's cache on to the spare ones (if it has words, and there is room).
    fn drop(&mut self) {
        let cache = WORD_CACHE.with(std::cell::RefCell::take);
        if cache.words == 0 {
            return;
        }
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if let Ok(mut spare) = SPARE_WORD_CACHES.lock() {
            if spare.len() < cores {
                spare.push(cache);
            }
        }
    }
}

/// Where [`ToCyrillic::run`] can read a text again from: the start of a line, and the state
/// of the conversion there.
#[derive(Clone, Copy, Debug)]
struct LineStart {
    /// Byte offset of the line in the text read.
    at: usize,
    /// Length of the output before the line.
    out_len: usize,
    sentence_start: bool,
    last_word: Option<LastWord>,
    prev_proper: bool,
    last_plain: Option<PlainWord>,
}

/// Which code points of U+0600..U+06FF can be part of a tote word, by offset from U+0600:
/// [`WORD_LETTER`] for the tote letters of the letter table, [`WORD_HAMZA`] for the hamza, 0
/// for the others. Derived from the table once.
static WORD_CHARS: std::sync::LazyLock<[u8; 256]> = std::sync::LazyLock::new(|| {
    let mut table = [0; 256];
    for (offset, slot) in table.iter_mut().enumerate() {
        let c = char::from_u32(0x0600 + offset as u32).unwrap_or_default();
        if c == tote::HAMZA {
            *slot = WORD_HAMZA;
        } else if letters::is_tote_letter(c) {
            *slot = WORD_LETTER;
        }
    }
    table
});

/// [`WORD_CHARS`] of a tote letter (odd, so that `class & 1` counts letters).
const WORD_LETTER: u8 = 1;

/// [`WORD_CHARS`] of the hamza.
const WORD_HAMZA: u8 = 2;

/// Whether `c` can be part of a tote word: a tote letter or the hamza.
#[inline]
fn is_word_char(c: char) -> bool {
    let offset = (c as u32).wrapping_sub(0x0600);
    offset < 256 && WORD_CHARS[offset as usize] != 0
}

/// [`char::is_alphabetic`], the letters of either script first (from their tables, not the
/// Unicode data's search: the rules between words ask it of tote and Cyrillic words).
#[inline]
fn is_alphabetic(c: char) -> bool {
    is_word_char(c) || letters::is_cyrillic_letter(c) || c.is_alphabetic()
}

/// Whether a tote word starts `text` (`word_len(text) > 0`, on its first two bytes).
#[inline]
fn starts_word(text: &str) -> bool {
    match *text.as_bytes() {
        [lead, next, ..] => word_char_class(&WORD_CHARS, lead, next) != 0,
        _ => false,
    }
}

/// The [`WORD_CHARS`] class of the character whose UTF-8 starts with the two bytes `lead`,
/// `next` (`table`: the [`WORD_CHARS`]); 0 for anything that is no tote word character.
#[inline(always)]
fn word_char_class(table: &[u8; 256], lead: u8, next: u8) -> u8 {
    // (The two-byte leads of U+0600..U+06FF; a wrapped lead below 0xD8 is no row.)
    let row = lead.wrapping_sub(0xD8);
    if row > 3 {
        return 0;
    }
    table[(usize::from(row) << 6) | usize::from(next & 0x3F)]
}

/// The length of the plain word that starts `window` (`words`: its words; `table`: the
/// [`WORD_CHARS`]) where it ends at the window's first ASCII byte (`سوز `) or at an Arabic
/// mark right before that byte (`سوز،`, `سوز؟`): the bytes before that end are the word if
/// the word cache has them, since it holds words of word characters only. `None` where the
/// word ends otherwise, or the window holds no ASCII byte: the word is then read. The first
/// ASCII byte is found without a branch, and the tests after it are branches: the next
/// word's start waits for the length, and a branch the processor predicts (most words end
/// at the ASCII byte) does not make it wait for them.
#[inline(always)]
fn plain_word_end(table: &[u8; 256], window: &Window, words: &WindowWords) -> Option<usize> {
    let end = first_ascii_in(words);
    let word_char_before = |end: usize| {
        let lead = window_byte(window, end.wrapping_sub(2));
        word_char_class(table, lead, window_byte(window, end.wrapping_sub(1))) != 0
    };
    if end >= WINDOW_BYTES {
        None
    } else if word_char_before(end) {
        Some(end)
    } else if window_byte(window, end.wrapping_sub(2)).wrapping_sub(0xD8) <= 3
        && word_char_before(end.wrapping_sub(2))
    {
        Some(end.wrapping_sub(2))
    } else {
        None
    }
}

/// Whether a straight quote between `text_before` and `after` opens a quotation of more than
/// one word: at the line's start or after a space or a bracket, before a word that a space
/// follows.
fn opens_quote_of_words(text_before: &str, after: &str) -> bool {
    let opens = text_before
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '(');
    let word = word_len(after);
    opens && word > 0 && after[word..].starts_with(' ')
}

/// The marks that end a sentence or a clause in tote text, after which (and the spaces after
/// them) a stream may cut a long line (see `stream`'s `is_safe_tote_cut`); rules that look
/// ahead stop at them.
pub(crate) const SENTENCE_OR_CLAUSE_MARKS: [char; 7] = [
    '.',
    '!',
    '?',
    tote::QUESTION_MARK,
    ';',
    tote::SEMICOLON,
    ':',
];

/// A form of `де-` "to say" that follows the words said, and the casing rules it takes part
/// in; each as far as the corpus' counts support it.
struct SpeechVerb {
    /// Lower-case Cyrillic.
    cyrillic: &'static str,
    /// Any word that starts with it is the form with an ending (`дегенді`).
    any_ending: bool,
    /// It starts no sentence, not even at a line's start or after `?` (`— деді.`, `Қашан? деп`):
    /// all 34 in the corpus after a line's start or `. ! ?` are in lower case.
    starts_no_sentence: bool,
    /// A straight quotation before it starts in lower case (`"өте жақсы" деген`): 21 of 28 in
    /// the corpus.
    after_quoted_phrase: bool,
    /// One word in guillemets or curly quotes before it is a term, in lower case unless a name
    /// (`«періште» деп`): 8 of 13 lower-case words so quoted in the corpus.
    after_quoted_term: bool,
}

/// The speech verbs of the casing rules.
const SPEECH_VERBS: &[SpeechVerb] = &[
    SpeechVerb {
        cyrillic: "деп",
        any_ending: false,
        starts_no_sentence: true,
        after_quoted_phrase: true,
        after_quoted_term: true,
    },
    SpeechVerb {
        cyrillic: "деді",
        any_ending: false,
        starts_no_sentence: true,
        after_quoted_phrase: true,
        after_quoted_term: false,
    },
    SpeechVerb {
        cyrillic: "дейді",
        any_ending: false,
        starts_no_sentence: true,
        after_quoted_phrase: true,
        after_quoted_term: false,
    },
    SpeechVerb {
        cyrillic: "депті",
        any_ending: false,
        starts_no_sentence: true,
        after_quoted_phrase: false,
        after_quoted_term: false,
    },
    SpeechVerb {
        cyrillic: "дейтін",
        any_ending: false,
        starts_no_sentence: false,
        after_quoted_phrase: true,
        after_quoted_term: false,
    },
    SpeechVerb {
        cyrillic: "деген",
        any_ending: true,
        starts_no_sentence: false,
        after_quoted_phrase: true,
        after_quoted_term: false,
    },
];

/// Nouns that name a term quoted before them, with the possessive ending and any case ending
/// after it (`«қазақ» сөзіне`, `«сармат» атауы`): the term is in lower case unless a name, as
/// before `деп` (5 of 7 lower-case words so quoted in the corpus).
const TERM_NOUNS: [&str; 4] = ["сөзі", "атауы", "термині", "ұғымы"];

/// Whether the tote word `word` is one of the [`TERM_NOUNS`] (with any ending; a front one has
/// its hamza before it).
fn is_tote_term_noun(word: &str) -> bool {
    let word = word.trim_start_matches([tote::HAMZA, tote::HIGH_HAMZA]);
    static TOTE: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        TERM_NOUNS
            .iter()
            .map(|noun| noun.chars().filter_map(letters::tote_of).collect())
            .collect()
    });
    TOTE.iter().any(|noun| word.starts_with(noun.as_str()))
}

/// Whether the tote word `word` is a [`SPEECH_VERBS`] form for which `applies` holds.
fn is_tote_speech_verb(word: &str, applies: fn(&SpeechVerb) -> bool) -> bool {
    static TOTE: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        SPEECH_VERBS
            .iter()
            .map(|verb| verb.cyrillic.chars().filter_map(letters::tote_of).collect())
            .collect()
    });
    SPEECH_VERBS.iter().zip(TOTE.iter()).any(|(verb, tote)| {
        applies(verb)
            && if verb.any_ending {
                word.starts_with(tote.as_str())
            } else {
                word == tote
            }
    })
}

/// Whether the straight quotation that starts `after` (the text after its opening quote)
/// closes before a mark ending a sentence or a clause, and a speech verb follows it
/// (`"өте жақсы" деген`, `"өкпелік шеңбер" деп`): a phrase quoted in lower case, not a title
/// or speech (in the corpus 21 of 28 such quotations start in lower case; 47 of 117 before
/// other words). The search stops at the first such mark, where a stream may be cut, so it
/// reads only what the piece being converted holds.
fn quotes_before_a_speech_verb(after: &str) -> bool {
    let Some(close) =
        after.find(|c| c == '"' || c == '\n' || SENTENCE_OR_CLAUSE_MARKS.contains(&c))
    else {
        return false;
    };
    let Some(rest) = after[close..].strip_prefix('"') else {
        return false;
    };
    is_tote_speech_verb(word_after_quote(rest), |verb| verb.after_quoted_phrase)
}

/// The tote word that follows the closing quote of a quotation (`rest`: the text after the
/// quote), across spaces and a comma (`"..."، دەپ`); empty if none.
fn word_after_quote(rest: &str) -> &str {
    let rest = rest.trim_start_matches([' ', ',', tote::COMMA]);
    &rest[..word_len(rest)]
}

/// Whether the text after an opening `«` or `“` (`after`) is one word quoted before `деп` or
/// a noun that names a term ([`TERM_NOUNS`]: `«жеңге» деп атайды`, `«қазақ» сөзіне`): a term,
/// in lower case unless it is a name (in the corpus, 13 of 20 lower-case words so quoted have
/// no capital; before other words most have one).
fn quotes_a_term(after: &str) -> bool {
    let word = word_len(after);
    let Some(rest) = after[word..].strip_prefix(['»', '”']) else {
        return false;
    };
    let next = word_after_quote(rest);
    word > 0
        && (is_tote_speech_verb(next, |verb| verb.after_quoted_term) || is_tote_term_noun(next))
}

/// Whether the line read so far (`text_before`, up to a dash) ends in a news dateline: a
/// place with a stop, then one word, the agency (`Астана. Kazinform`, `استانا. قازاقپارات`).
fn ends_dateline(text_before: &str) -> bool {
    // (What the text read ends in first, a stop, a space and a word: most dashes have no
    // such word before them, and the line is only looked for after one.)
    let stop_and_word = text_before
        .trim_end()
        .rsplit_once(char::is_whitespace)
        .is_some_and(|(head, agency)| {
            head.trim_end().ends_with('.')
                && !agency.is_empty()
                && agency.chars().all(is_alphabetic)
        });
    if !stop_and_word {
        return false;
    }
    let Some(line) = short_line_tail(text_before) else {
        return false;
    };
    let Some((head, agency)) = line.trim_end().rsplit_once(char::is_whitespace) else {
        return false;
    };
    let Some(place) = head.trim_end().strip_suffix('.') else {
        return false;
    };
    !agency.is_empty() && agency.chars().all(is_alphabetic) && is_dateline_place(place)
}

/// Whether the text before a stop (`text_before`) may be the place of a news dateline (see
/// [`ends_dateline`]): its line so far is one word, with no tote word before it (a date may
/// come first).
pub(crate) fn is_dateline_place(text_before: &str) -> bool {
    let Some(line) = short_line_tail(text_before) else {
        return false;
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let [before @ .., place] = words.as_slice() else {
        return false;
    };
    let no_tote_before = before
        .iter()
        .all(|word| !word.chars().any(letters::is_tote_letter));
    place.chars().all(is_alphabetic) && no_tote_before
}

/// The longest line start searched for a dateline, in bytes (a date, a place and an agency
/// are far shorter).
const MAX_DATELINE_LEN: usize = 160;

/// The last line of `text` (after its last line feed) if it is at most [`MAX_DATELINE_LEN`]
/// bytes long; a longer line is not searched back (that would cost its length at every dash).
fn short_line_tail(text: &str) -> Option<&str> {
    let mut from = text.len().saturating_sub(MAX_DATELINE_LEN);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..];
    match window.rfind('\n') {
        Some(newline) => Some(&window[newline + 1..]),
        None => (from == 0).then_some(window),
    }
}

/// The mark of punctuation right before a dash, across spaces, in the text of the dash's
/// line before it (`text_before`); `None` at the line's start.
fn mark_before_dash(text_before: &str) -> Option<char> {
    text_before
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .filter(|&c| c != '\n')
}

/// Length in bytes of the tote word at the start of `text` (0 if none). Works on the UTF-8
/// bytes: every tote letter is two bytes, 0xD8..=0xDB and a continuation byte.
fn word_len(text: &str) -> usize {
    word_len_and_letters(&WORD_CHARS, text.as_bytes()).0
}

/// [`word_len`], and how many of the word's characters are letters (not hamzas). One pass
/// over the bytes, one table look-up a character (every tote word character is two bytes).
#[inline(always)]
fn word_len_and_letters(table: &[u8; 256], bytes: &[u8]) -> (usize, usize) {
    let (mut len, mut letters) = (0, 0);
    for pair in bytes.chunks_exact(2) {
        let class = word_char_class(table, pair[0], pair[1]);
        if class == 0 {
            break;
        }
        letters += usize::from(class & WORD_LETTER);
        len += 2;
    }
    (len, letters)
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
    /// A word of a casing pair being recased ([`set_case`]), reused between words.
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

impl ToCyrillic<'_> {
    /// Converts `text` (the whole text or a piece of it after a line feed), appending to
    /// `self.out`. With `check_clean`, `text` is read as it is, before clean-up: Arabic
    /// punctuation is read as the clean-up writes it, and at any other place that needs
    /// clean-up ([`normalize::cleanup_at`]) it stops and returns the start of that place's
    /// line, to be cleaned up and read again from there. Such places are never part of a word
    /// or of a space between words, so every one of them reaches the check below.
    fn run(&mut self, text: &str, check_clean: bool) -> Result<(), LineStart> {
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut line = self.line_start(0);
        while let Some(&b) = bytes.get(i) {
            // The single space between two words, without decoding: the general path below
            // does nothing else with it.
            if b == b' ' {
                if !self.year_space(text, i) {
                    self.out.push(' ');
                }
                i += 1;
                continue;
            }
            if let Some(len) = self.cached_plain_word(text, i) {
                i += len;
                continue;
            }
            let rest = &text[i..];
            if starts_word(rest) {
                let out_start = self.out.len();
                let word_start = i;
                let sentence_start = self.sentence_start;
                i += self.compound(text, i);
                self.case_after_number(out_start, &text[i..]);
                self.capitalise_initials(out_start, &text[..word_start]);
                let this = Written {
                    start: out_start,
                    end: self.out.len(),
                    sentence_start,
                };
                // Only a name makes a name of a word before it.
                if self.casing == Casing::Sentence && self.is_written_name(this) {
                    self.case_given_names(out_start);
                    self.case_name_in_a_list(this);
                }
                self.last_compounds.push(this);
                self.sentence_start = false;
                if self.joins_patronym(&text[i..]) {
                    // `قابىش ۇلى` -> `Қабышұлы`: `to_arabic` splits it off again.
                    i += 1;
                }
                continue;
            }
            let c = rest.chars().next().unwrap_or_default();
            // Read as it is, Arabic punctuation is read as the clean-up writes it (`،` is
            // `,`): nothing but this loop looks at it. Any other place to clean up stops it.
            let mut written = c;
            // (No ASCII character needs clean-up: most characters here are ASCII.)
            if check_clean && !b.is_ascii() && normalize::cleanup_at(text, i) {
                match normalize::latin_punctuation(c) {
                    Some(latin) => written = latin,
                    None => return Err(line),
                }
            }
            // (Addresses start with an ASCII letter or digit: most characters here do not.)
            if b.is_ascii_alphanumeric() && segment::at_token_start(text, i) {
                if let Some(len) = segment::passthrough_token_len(rest) {
                    self.out.push_str(&rest[..len]);
                    self.sentence_start = false;
                    i += len;
                    continue;
                }
            }
            self.track_with_lexicon(written, &text[..i], &text[i + c.len_utf8()..]);
            // (Not a space: spaces are written above.)
            self.prev_proper = false;
            // Only after a tote word just spelled: Cyrillic that passes through is left as it is.
            let after_tote_word = || text[..i].chars().next_back().is_some_and(is_word_char);
            if segment::is_combining_mark(c) && after_tote_word() {
                self.keep_mark_apart(c, &text[..i]);
            }
            self.out.push(written);
            i += c.len_utf8();
            if c == '\n' {
                line = self.line_start(i);
            }
        }
        Ok(())
    }

    /// The word branch of [`Self::run`] (with [`Self::compound`]) for a plain word whose
    /// spelling is in the word cache: most words of a long text. The same steps in the same
    /// order, but each casing rule after the spelling is only called where it can change
    /// something, as the cached facts of the word tell (most words are lower-case known words
    /// in no casing pair, after which none of them does), and the word is read once. Returns
    /// the bytes read; `None`, having changed nothing, if no plain word starts at `start` or
    /// it is not cached.
    #[inline]
    fn cached_plain_word(&mut self, text: &str, start: usize) -> Option<usize> {
        let bytes = text.as_bytes().get(start..)?;
        // Every tote word character starts with one of these bytes: the marks, digits and
        // line feeds between words leave here at once.
        if !bytes.first().is_some_and(|&b| letters::is_arabic_lead(b)) {
            return None;
        }
        let context = slot_context(self.prev_proper, false);
        let padded;
        let window = match bytes.first_chunk::<WINDOW_BYTES>() {
            Some(window) => window,
            None => {
                padded = padded_window(bytes);
                &padded
            }
        };
        let words = window_words(window);
        let len = plain_word_end(self.word_chars, window, &words)
            .unwrap_or_else(|| word_len_and_letters(self.word_chars, bytes).0);
        // (`plain_word`: the record is a plain word's, no hyphen follows. A word longer than a
        // window is no short record's.)
        if len == 0 || len > WINDOW_BYTES || bytes.get(len) == Some(&b'-') {
            return None;
        }
        let word = window_prefix(&words, len);
        let hash = hash_finish(hash_window(&word), len, context);
        let (padded, header) =
            self.cache
                .lookup_short(self.cache_config, hash, context, &word, len)?;
        if header.flags & SLOT_PLAIN == 0 {
            return None;
        }
        let spelling_len = usize::from(header.spelling_len);
        // (The one word that `case_after_number` cases in lower case: the Celsius sign.)
        let celsius_letter = u64_at(padded.as_bytes(), 0) == CELSIUS_LETTER_PADDED;
        let sentence_start = std::mem::replace(&mut self.sentence_start, false);
        let out_start = self.out.len();
        // Whether anything but the cache has cased the word (its case is then read off `out`).
        let recased = sentence_start
            && self.takes_sentence_capital(sentence_start, padded.get(..spelling_len)?);
        if recased {
            push_capitalised(&mut self.out, padded.get(..spelling_len)?);
        } else {
            // The whole window, and then back to the spelling's end: a copy of a fixed length
            // (a few moves), not a call that branches on the length.
            self.out.push_str(padded);
            self.out.truncate(out_start + spelling_len);
        }
        // `compound`:
        let previous = self.last_plain.take();
        // (`case_pair` cases this word after a word that the next one cases; else, for a
        // quiet word, no rule below changes anything but `case_after_number` that of a
        // sentence start.)
        let in_pair = header.pair_word != NO_PAIR_WORD;
        let cases_this =
            |previous: PlainWord| previous.cased_before || previous.first_of_pair && in_pair;
        let quiet = header.quiet && !previous.is_some_and(cases_this);
        if quiet {
            let (last_word, last_plain, written) =
                header.quiet_word_state(out_start, self.out.len(), sentence_start);
            self.last_word = Some(last_word);
            self.prev_proper = false;
            self.last_plain = Some(last_plain);
            self.last_compounds.push(written);
            if recased {
                self.case_after_number(out_start, &text[start + len..]);
            }
        } else {
            let word = CachedPlainWord {
                header: *header,
                out_start,
                sentence_start,
                previous,
                celsius_letter,
            };
            self.after_cached_plain_word(text, start, len, word, recased);
        }
        // A patronymic joins a name only (a capitalised word, one the lexicon does not know,
        // or one it knows joined: `Өтемісұлы`), and only a word that starts as a patronymic
        // does.
        let mut read = len;
        // (`joins_patronym` wants a space after the word.)
        let patronym_next = bytes.get(len) == Some(&b' ')
            && bytes
                .get(len + 1..)
                .is_some_and(|next| starts_as_patronym(self.patronym_starts, next));
        if patronym_next && self.joins_patronym(&text[start + len..]) {
            read += 1;
        } else if bytes.get(len) == Some(&b' ') {
            // `run`'s single space between words, written here: after a word it is never the
            // space of `1969 -جىلى` (`year_space` wants a digit before it).
            self.out.push(' ');
            read += 1;
        }
        Some(read)
    }

    /// The rest of [`Self::cached_plain_word`] after the word's spelling (from `out_start`,
    /// the end of `out` before it, on; `len`: the word's length in `text` from `start`; the
    /// spelling `recased` for a sentence start, or else as cached), for a word that is not
    /// quiet: the casing rules that can change it.
    #[inline(never)]
    fn after_cached_plain_word(
        &mut self,
        text: &str,
        start: usize,
        len: usize,
        word: CachedPlainWord,
        mut recased: bool,
    ) {
        let CachedPlainWord {
            header,
            out_start,
            sentence_start,
            previous,
            celsius_letter,
        } = word;
        let state = header.state();
        let sentence = self.casing == Casing::Sentence;
        self.last_word = Some(LastWord {
            start: out_start,
            letters: state.letters,
            known: state.known,
            abbreviation_stop: Some((self.out.len(), header.abbreviation_stop)),
        });
        self.prev_proper = state.proper;
        let this = PlainWord {
            start: out_start,
            end: self.out.len(),
            pair_word: state.pair_word,
            sentence_start,
            first_of_pair: header.flags & SLOT_PAIR_FIRST != 0,
            cased_before: header.cased_before,
        };
        // `case_pair` needs a first word that the next one can case (by a pair with it or by
        // the casing before any word), `case_before_name_head` a second word that makes names.
        let name_head = header.flags & SLOT_NAME_HEAD != 0;
        if let Some(previous) = previous {
            let pair = previous.first_of_pair && this.pair_word.is_some();
            if pair || previous.cased_before {
                self.case_pair(previous, this);
                recased = true;
            }
            if name_head {
                self.case_before_name_head(previous, this);
                recased = true;
            }
        }
        self.last_plain = Some(this);
        // `run`, after `compound`: (a word as cached, in lower case and no `с`, is cased
        // after no number)
        let upper_as_cached = header.flags & SLOT_UPPER != 0;
        let after_number_may_case = recased || upper_as_cached || celsius_letter;
        if after_number_may_case && self.case_after_number(out_start, &text[start + len..]) {
            recased = true;
        }
        // The tests that `capitalise_initials` starts with, and its first: a stop (and a
        // space) before the word, else it finds no initials.
        let unknown = self.words == WordSource::Lexicon && !state.known;
        let after_a_stop = || {
            let before = self.out.as_bytes().get(..out_start).unwrap_or_default();
            before.strip_suffix(b" ").unwrap_or(before).ends_with(b".")
        };
        if sentence && out_start != 0 && (self.prev_proper || unknown) && after_a_stop() {
            self.capitalise_initials(out_start, &text[..start]);
            recased = true;
        }
        let this = Written {
            start: out_start,
            end: self.out.len(),
            sentence_start,
        };
        let upper = if recased {
            letters::starts_upper(&self.out[out_start..])
        } else {
            upper_as_cached
        };
        // (`is_written_name`.)
        if sentence && !sentence_start && upper {
            // (Only a surname makes given names: a word as cached that looks like none
            // changes nothing there.)
            if recased || header.surname {
                self.case_given_names(out_start);
            }
            self.case_name_in_a_list(this);
        }
        self.last_compounds.push(this);
    }

    /// Cases the word written from `out_start` on (`after`: the text read after it) when it
    /// follows a number: a month's name is in lower case (`1 қазан`, `22-тамызда`, not the
    /// city `Қазан`: all 201 in the corpus), and the one-letter word `с` right after a number
    /// or a degree sign is the Celsius sign `С` (`20°С`, `28С`), but for `с.` (seconds) after
    /// a space (24 of 27 in the corpus are `С`). Returns whether it changed the word's case.
    #[inline(always)]
    fn case_after_number(&mut self, out_start: usize, after: &str) -> bool {
        // (This runs after every word: the bytes before it, or before the space before it,
        // tell first whether a number may stand there: a digit, `°` or `º` (C2 B0, C2 BA),
        // or the hyphen of `22-тамызда`.)
        // (0 for a byte before the start of `out`: no byte this looks for.)
        let bytes = self.out.as_bytes();
        let back = |n: usize| {
            out_start
                .checked_sub(n)
                .and_then(|at| bytes.get(at))
                .map_or(0, |&b| b)
        };
        let (last, before_last) = match back(1) {
            b' ' => (back(2), back(3)),
            last => (last, back(2)),
        };
        let may_follow_a_number = last.is_ascii_digit()
            || last == b'-'
            || matches!(last, 0xB0 | 0xBA) && before_last == 0xC2;
        self.casing == Casing::Sentence
            && may_follow_a_number
            && self.case_after_a_number(out_start, after)
    }

    /// [`Self::case_after_number`] where a number may stand before the word.
    #[cold]
    fn case_after_a_number(&mut self, out_start: usize, after: &str) -> bool {
        /// The months' names, the stems of their forms.
        const MONTHS: [&str; 12] = [
            "қаңтар",
            "ақпан",
            "наурыз",
            "сәуір",
            "мамыр",
            "маусым",
            "шілде",
            "тамыз",
            "қыркүйек",
            "қазан",
            "қараша",
            "желтоқсан",
        ];
        let before = &self.out[..out_start];
        let (spaced, before) = match before.strip_suffix(' ') {
            Some(before) => (true, before),
            None => (false, before),
        };
        let word = &self.out[out_start..];
        if word == "с" {
            let after_number =
                before.ends_with(|c: char| c.is_ascii_digit() || c == '°' || c == 'º');
            let celsius = after_number && !(spaced && after.starts_with('.'));
            if celsius {
                self.out.replace_range(out_start.., "С");
            }
            return celsius;
        }
        let after_number = before
            .strip_suffix('-')
            .unwrap_or(before)
            .ends_with(|c: char| c.is_ascii_digit());
        if !after_number || !letters::starts_upper(word) {
            return false;
        }
        let lower = word.to_lowercase();
        let month = MONTHS.iter().any(|month| lower.starts_with(month));
        if month {
            let first = word.chars().next().map_or(0, char::len_utf8);
            self.out
                .replace_range(out_start..out_start + first, &lower[..first]);
        }
        month
    }

    /// The state of the conversion at byte `at` of the text being read, a line start.
    fn line_start(&self, at: usize) -> LineStart {
        LineStart {
            at,
            out_len: self.out.len(),
            sentence_start: self.sentence_start,
            last_word: self.last_word,
            prev_proper: self.prev_proper,
            last_plain: self.last_plain,
        }
    }

    /// Initials: single letters with a stop, right before the word written from `out_start`
    /// on (`Ж.Елебеков`, `Н. Ә. Назарбаев`), and no number before them (`2019 ж. Астана`).
    /// When the word is a name (capitalised as one, or unknown to the lexicon), the initials
    /// and the word take capitals.
    /// Only letters written from tote count (`input` is the text read before the word): a
    /// Cyrillic letter that passed through is left as it is.
    fn capitalise_initials(&mut self, out_start: usize, input: &str) {
        if self.casing != Casing::Sentence || out_start == 0 {
            return;
        }
        let unknown = self.words == WordSource::Lexicon
            && self
                .last_word
                .is_some_and(|w| w.start == out_start && !w.known);
        if !self.prev_proper && !unknown {
            return;
        }
        let mut initials = Vec::new();
        let mut before = &self.out[..out_start];
        let mut input = input;
        while let Some(unit) = before.strip_suffix(' ').unwrap_or(before).strip_suffix('.') {
            let mut chars = unit.chars();
            if chars
                .next_back()
                .is_none_or(|c| letters::lower(c).is_none())
                || chars.clone().next_back().is_some_and(is_alphabetic)
            {
                break;
            }
            // The same unit in the text read: a tote word (`ج`, `ءا`, `يۋ`).
            let Some(read) = input.strip_suffix(' ').unwrap_or(input).strip_suffix('.') else {
                break;
            };
            let word = read.len() - read.trim_end_matches(is_word_char).len();
            if word == 0 {
                break;
            }
            input = &read[..read.len() - word];
            before = chars.as_str();
            initials.push(before.len());
        }
        if initials.is_empty() {
            return;
        }
        // (Within the line: a number at the end of the line before is no date's, and a
        // stream may be cut after the line feed.)
        let after_number = before
            .trim_end_matches([' ', '\t'])
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
        if after_number {
            return;
        }
        for at in initials {
            capitalise_at(&mut self.out, at);
        }
        capitalise_at(&mut self.out, out_start);
        self.prev_proper = true;
    }

    /// A lower-case word between two names in a list is a name too (`Талас, Ертіс, сыр, Іле`
    /// -> `Сыр`; `Сенегал, мали және Гвинея` -> `Мали`): capitalised when `this`, the
    /// compound just written, a name, stands after `, ` or after a conjunction (`және`,
    /// `мен`, ...) and a space, and before that stand the lower-case word and, before `, `, a
    /// name (not a sentence start).
    fn case_name_in_a_list(&mut self, this: Written) {
        let [Some(last), Some(before), before_that] = self.last_compounds.get() else {
            return;
        };
        let (word, first) = if self.is_between(last, this, ", ") {
            (last, Some(before))
        } else if self.is_between(before, last, " ")
            && self.is_between(last, this, " ")
            && LIST_CONJUNCTIONS.contains(&&self.out[last.start..last.end])
        {
            (before, before_that)
        } else {
            return;
        };
        let Some(first) = first else {
            return;
        };
        let lower_word = self
            .out
            .get(word.start..word.end)
            .is_some_and(is_lower_case_word);
        let applies =
            self.is_between(first, word, ", ") && lower_word && self.is_written_name(first);
        if applies {
            capitalise_at(&mut self.out, word.start);
        }
    }

    /// Whether a compound was written with a capital that is no sentence start's: a name.
    fn is_written_name(&self, written: Written) -> bool {
        !written.sentence_start && letters::starts_upper(&self.out[written.start..])
    }

    /// Whether exactly `between` stands between two compounds written one after the other.
    fn is_between(&self, first: Written, second: Written, between: &str) -> bool {
        first.end + between.len() == second.start
            && self.out.get(first.end..second.start) == Some(between)
    }

    /// The word right before a surname (the word written from `out_start` on, a name: one in
    /// `-ов`/`-ев`) is a given name. One whose case the lexicon does not know takes a
    /// capital (`садыр Жапаров` -> `Садыр Жапаров`, `жанат Момынқұлов`); a hyphenated one
    /// whose first part the lexicon knows as a name is a double given name, whose later parts
    /// are names too even where the lexicon knows them as common words (`Қасым-жомарт
    /// Тоқаев` -> `Қасым-Жомарт Тоқаев`). Words the lexicon knows keep their case (`министр
    /// Ахметов`, `мен Ахметов`).
    fn case_given_names(&mut self, out_start: usize) {
        let Some(Written { start, end, .. }) = self.last_compounds[0] else {
            return;
        };
        let applies = end + 1 == out_start
            && self.out.as_bytes().get(end) == Some(&b' ')
            && looks_like_surname(&self.out[out_start..]);
        let Some(name) = self.out.get(start..end).filter(|_| applies) else {
            return;
        };
        let Some((first, _)) = name.split_once('-') else {
            if is_lower_case_word(name)
                && (self.case_unknown(name) && !is_title_word(name) || self.follows_a_title(name))
            {
                capitalise_at(&mut self.out, start);
            }
            return;
        };
        if !letters::starts_upper(first) || !self.is_name(first) {
            return;
        }
        let later_parts: Vec<usize> = name
            .match_indices('-')
            .map(|(hyphen, _)| start + hyphen + 1)
            .collect();
        for part in later_parts {
            capitalise_at(&mut self.out, part);
        }
    }

    /// Whether `name`, the compound written last, a word in the nominative (no possessive,
    /// genitive, locative or dative ending) between a lower-case title and a surname, is a given name, whatever the
    /// lexicon says of the word: `хатшысы Сұлтан Раевпен`, `сарапшысы Талшын Италиева`
    /// (a title has the possessive ending: `министрі`, `әкімі`, `төрағасы`).
    fn follows_a_title(&self, name: &str) -> bool {
        let [Some(given), Some(title), _] = self.last_compounds.get() else {
            return false;
        };
        let title_word = &self.out[title.start..title.end];
        let lower_case = is_lower_case_word(title_word)
            || title.sentence_start && is_lower_case_word(&title_word.to_lowercase());
        self.is_between(title, given, " ")
            && lower_case
            && is_title_word(title_word)
            && name.chars().count() > 3
            && !has_possessive_ending(name)
            && !ends_in_case_ending(name)
            && !["ға", "ге", "қа"]
                .iter()
                .any(|dative| name.ends_with(dative))
    }

    /// Whether the lexicon, in use, does not know the case of `word` (Cyrillic): no such word,
    /// or one of open case (a dictionary word: `жанат`); never without the lexicon.
    fn case_unknown(&self, word: &str) -> bool {
        #[cfg(feature = "lexicon")]
        if self.words == WordSource::Lexicon {
            return !lexicon::get().knows_case_of(word);
        }
        let _ = word;
        false
    }

    /// Whether the lexicon knows `word` (Cyrillic) as a name; never without the lexicon.
    fn is_name(&self, word: &str) -> bool {
        #[cfg(feature = "lexicon")]
        if self.words == WordSource::Lexicon {
            return lexicon::get().is_name(word);
        }
        let _ = word;
        false
    }

    /// Whether `rest` starts with a space and a patronymic the style splits off (`ۇلى`,
    /// `قىزىنىڭ`) after the name just written: then the two are written as one word, and the
    /// name gets its capital. Only after a name: a capitalised word or one the lexicon does
    /// not know (with the lexicon in use; `оның ұлы`, `Абай ұлы ақын` keep their space), of
    /// enough letters for `to_arabic` to split it off again.
    fn joins_patronym(&mut self, rest: &str) -> bool {
        let Some(name) = self.last_word else {
            return false;
        };
        let Some(next) = rest.strip_prefix(' ') else {
            return false;
        };
        let min_letters = match self.rules.patronymics {
            Patronymics::SplitAfterName => 2,
            Patronymics::SplitEverywhere => 1,
        };
        let unknown_to_lexicon = self.words == WordSource::Lexicon && !name.known;
        let written = &self.out[name.start..];
        // A capital of a sentence start makes no name of a word the lexicon knows in lower
        // case (`Мен ұлы`).
        let capitalised = || {
            letters::starts_upper(written)
                && !(name.known
                    && self.last_compounds[0].is_some_and(|w| w.sentence_start)
                    && !self.is_name(written))
        };
        // The cheap tests first, the lexicon's last: this runs after every word followed by a
        // space.
        if name.letters < min_letters {
            return false;
        }
        let patronym = &next[..word_len(next)];
        if !starts_as_patronym(self.patronym_starts, patronym.as_bytes()) {
            return false;
        }
        let Some(form) = to_arabic::split_patronym_forms()
            .iter()
            .find(|form| form.tote == patronym)
        else {
            return false;
        };
        // A name glued to letters, marks or joiners before it is part of a chain that
        // `to_arabic` reads as a whole, and may keep a patronymic joined to it (a joiner next to
        // a Latin look-alike does): joined, it would not be written apart again.
        let glued = self.out[..name.start].chars().next_back().is_some_and(|c| {
            c.is_alphanumeric() || to_arabic::is_joiner(c) || segment::is_combining_mark(c)
        });
        if glued {
            return false;
        }
        let joins = (unknown_to_lexicon || capitalised()) && !ends_in_case_ending(written)
            || self.is_name(&[written, form.cyrillic.as_str()].concat());
        if joins && self.casing == Casing::Sentence {
            capitalise_at(&mut self.out, name.start);
        }
        joins
    }

    /// Updates the sentence state for the character `c` written between words (`before` and
    /// `after`: the text read before and after it).
    fn track_with_lexicon(&mut self, c: char, before: &str, after: &str) {
        let next = || after.chars().next();
        match c {
            // A stop right after a one-letter word or a known abbreviation is the
            // abbreviation's: `т.б. көптеген`, `5 млн. адам`.
            '.' if self.after_one_letter_word() || self.after_abbreviation() => {}
            '.' | '!' | '?' | '…' | '\n' => self.sentence_start = true,
            c if c.is_whitespace() => {}
            // A closing quote or bracket ends what the stop was inside: `«Иә!» деді`. Some
            // texts close with `“` too: then a space follows it.
            '»' | ')' | '”' => self.sentence_start = false,
            '“' if next().is_none_or(char::is_whitespace) => self.sentence_start = false,
            // Titles and quoted speech start with a capital: `«Қазақ» газеті`; a quoted term
            // does not (`«қазақ» сөзі`).
            '«' | '“' => self.sentence_start = !quotes_a_term(after),
            // A dash after a stop inside a line brings the author's words, in lower case
            // (`— Қашан? — деп сұрады`); after a colon, a quotation (`деді: — Біз`).
            '-' | '–' | '—' => match mark_before_dash(before) {
                Some('.' | '!' | '?' | '؟' | '…') => self.sentence_start = false,
                Some(':') => self.sentence_start = true,
                // A news dateline: the story starts after it (`Астана. Kazinform - Жақында`).
                _ if ends_dateline(before) => self.sentence_start = true,
                _ => {}
            },
            // A straight quote not before a letter closes (`"Иә!" деді`).
            '"' if !next().is_some_and(is_alphabetic) => self.sentence_start = false,
            // An opening one before more than one word: a title or speech (`"Аққан жұлдыз"`);
            // before a single word it marks a term, in lower case.
            '"' if opens_quote_of_words(before, after) && !quotes_before_a_speech_verb(after) => {
                self.sentence_start = true
            }
            '"' => {}
            '(' | '\'' | '„' => {}
            _ => self.sentence_start = false,
        }
    }

    /// A combining mark follows the word just written: if it would compose with the word's
    /// last letter into another letter of the table (`и` + U+0306 = `й`, `е` + U+0308 = `ё`),
    /// that letter is written in its other spelling of the same tote letter (`й`, `э`), so
    /// that `to_arabic` keeps the mark apart as the tote had it.
    fn keep_mark_apart(&mut self, mark: char, tote_before: &str) {
        let Some(last) = self.out.chars().next_back() else {
            return;
        };
        let composes = unicode_normalization::char::compose(last, mark)
            .is_some_and(letters::is_cyrillic_letter);
        let other = match last {
            'и' => 'й',
            'И' => 'Й',
            'е' => 'э',
            'Е' => 'Э',
            _ => return,
        };
        if composes {
            self.out.pop();
            // `е` after a vowel read the yeh before it (`يە`) as the one the style inserts
            // (`ма` + `يە` -> `мае`); `э` takes no yeh, so the yeh is written as `й`.
            let before = self.out.chars().next_back().and_then(letters::lower);
            let yeh_dropped = matches!(last, 'е' | 'Е')
                && self.rules.vowel_then_e == VowelThenE::InsertYeh
                && tote_before.ends_with("\u{064A}\u{06D5}")
                && before.is_some_and(|c| VOWELS_BEFORE_E.contains(&c));
            if yeh_dropped {
                self.out.push(if last == 'Е' { 'Й' } else { 'й' });
            }
            self.out.push(other);
        }
    }

    /// Whether the last thing written is a word the lexicon knows as an abbreviation whose
    /// stop ends no sentence (`млн`).
    fn after_abbreviation(&mut self) -> bool {
        #[cfg(feature = "lexicon")]
        if let Some(word) = self.last_word.filter(|_| self.words == WordSource::Lexicon) {
            // (Known for a word from the cache, if nothing was written after it.)
            if let Some((end, stop)) = word.abbreviation_stop {
                if end == self.out.len() {
                    return stop;
                }
            }
            return is_abbreviation_stop(&self.out[word.start..], &mut self.key);
        }
        false
    }

    /// Whether the last thing written is a word of one letter.
    fn after_one_letter_word(&self) -> bool {
        // (One character is one whose length is all of it: no counting of the characters.)
        self.last_word.is_some_and(|word| {
            let written = &self.out[word.start..];
            written
                .chars()
                .next()
                .is_some_and(|c| c.len_utf8() == written.len())
        })
    }

    /// Whether the space at `at` is the one `to_arabic` puts into `1969 -جىلى` (then it is
    /// dropped: `1969-жылы`).
    fn year_space(&self, text: &str, at: usize) -> bool {
        // (The text read has the clean-up's hamza, U+0621, whatever the style's.)
        // (A digit right before the space is tested first: this runs at every space.)
        self.rules.year_hyphen == YearHyphen::SpaceBefore
            && at > 0
            && text.as_bytes()[at - 1].is_ascii_digit()
            && to_arabic::ends_four_digit_year(text.as_bytes(), at)
            && text[at + 1..]
                .strip_prefix('-')
                .is_some_and(|rest| to_arabic::starts_with_jyl(rest, tote::HAMZA))
    }

    /// Converts the compound starting at byte `start`; returns its length in bytes.
    ///
    /// Spellings from data (the lexicon, the letter model) are checked on the whole compound:
    /// unless it converts back to exactly the tote it came from, the compound is spelled
    /// again with less data, down to the rules alone.
    fn compound(&mut self, text: &str, start: usize) -> usize {
        let previous = self.last_plain.take();
        let Some(word) = plain_word(&text[start..]) else {
            return self.cached(text, start);
        };
        let (config, context) = (self.cache_config, slot_context(self.prev_proper, false));
        let out_start = self.out.len();
        let sentence_start = std::mem::replace(&mut self.sentence_start, false);
        let cached = self
            .cache
            .get(config, context, word)
            .map(|(spelling, state)| {
                self.out.push_str(spelling);
                state
            });
        let state = match cached {
            Some(state) => state,
            None => {
                self.compound_uncached(text, start);
                let state = CachedState {
                    letters: self.last_word.map_or(0, |w| w.letters),
                    known: self.last_word.is_some_and(|w| w.known),
                    proper: self.prev_proper,
                    pair_word: self.pair_word(out_start),
                };
                let flags = context | SLOT_PLAIN | self.pair_flags(state.pair_word);
                self.cache
                    .insert(config, flags, word, &self.out[out_start..], state);
                state
            }
        };
        self.last_word = Some(LastWord {
            start: out_start,
            letters: state.letters,
            known: state.known,
            abbreviation_stop: None,
        });
        self.prev_proper = state.proper;
        if self.takes_sentence_capital(sentence_start, &self.out[out_start..]) {
            capitalise_at(&mut self.out, out_start);
        }
        let this = PlainWord {
            start: out_start,
            end: self.out.len(),
            pair_word: state.pair_word,
            sentence_start,
            // (Without the record's flags at hand: any pair word may be.)
            first_of_pair: state.pair_word.is_some(),
            cased_before: state.pair_word.is_some(),
        };
        if let Some(previous) = previous {
            self.case_pair(previous, this);
            self.case_before_name_head(previous, this);
        }
        self.last_plain = Some(this);
        word.len()
    }

    /// Converts the compound starting at byte `start` that is no plain word: through the word
    /// cache if it is a hyphenated word or a word of one letter (see [`cacheable_compound`]),
    /// else spelled each time. Returns its length in bytes.
    fn cached(&mut self, text: &str, start: usize) -> usize {
        let Some(word) = cacheable_compound(&text[start..]) else {
            // (Spelled again at each place: whether its spelling converts back is kept.)
            return self.compound_uncached_remembering(text, start);
        };
        let config = self.cache_config;
        let context = slot_context(self.prev_proper, self.sentence_start);
        let out_start = self.out.len();
        if let Some((spelling, state)) = self.cache.get(config, context, word) {
            self.out.push_str(spelling);
            // The last part starts after the last hyphen (checked when it was cached).
            let last_part = spelling.rfind('-').map_or(0, |hyphen| hyphen + 1);
            self.last_word = Some(LastWord {
                start: out_start + last_part,
                letters: state.letters,
                known: state.known,
                abbreviation_stop: None,
            });
            self.prev_proper = state.proper;
            self.sentence_start = false;
            return word.len();
        }
        let len = self.compound_uncached(text, start);
        let spelling = &self.out[out_start..];
        let last_part = spelling.rfind('-').map_or(0, |hyphen| hyphen + 1);
        // Cached only when the state after it is what a cache hit restores.
        let restorable = len == word.len()
            && !self.sentence_start
            && self
                .last_word
                .is_some_and(|w| w.start == out_start + last_part);
        if let (true, Some(last)) = (restorable, self.last_word) {
            let state = CachedState {
                letters: last.letters,
                known: last.known,
                proper: self.prev_proper,
                pair_word: None,
            };
            self.cache.insert(config, context, word, spelling, state);
        }
        len
    }

    /// The record flags of a plain word with this pair word: [`SLOT_PAIR_FIRST`],
    /// [`SLOT_NAME_HEAD`].
    fn pair_flags(&self, pair_word: Option<PairWord>) -> u8 {
        #[cfg(feature = "lexicon")]
        if let Some(word) = pair_word {
            let lexicon = lexicon::get();
            return if lexicon.is_pair_first(word) {
                SLOT_PAIR_FIRST
            } else {
                0
            } | if lexicon.is_name_head(word) {
                SLOT_NAME_HEAD
            } else {
                0
            };
        }
        let _ = pair_word;
        0
    }

    /// The number of the word written from `start` on among the words of casing pairs.
    fn pair_word(&self, start: usize) -> Option<PairWord> {
        #[cfg(feature = "lexicon")]
        if self.words == WordSource::Lexicon && self.casing == Casing::Sentence {
            return lexicon::get().pair_word(&self.out[start..].to_lowercase());
        }
        let _ = start;
        None
    }

    /// Two plain words with one space between them that the lexicon writes together in
    /// another casing than their own (`орта азия` -> `Орта Азия`): rewrites their casing (a
    /// sentence start keeps its capital).
    fn case_pair(&mut self, first: PlainWord, second: PlainWord) {
        let Some(first_word) = first.pair_word else {
            return;
        };
        if first.end + 1 != second.start || self.out.as_bytes()[first.end] != b' ' {
            return;
        }
        #[cfg(feature = "lexicon")]
        {
            let pair = second
                .pair_word
                .and_then(|second_word| lexicon::get().pair_casing(first_word, second_word));
            let Some([first_case, second_case]) = pair else {
                self.case_by_next_word(first_word, first, second);
                return;
            };
            if !first.sentence_start {
                set_case(
                    &mut self.out,
                    &mut self.recased,
                    first.start..first.end,
                    first_case,
                );
            }
            if !second.sentence_start {
                set_case(
                    &mut self.out,
                    &mut self.recased,
                    second.start..second.end,
                    second_case,
                );
            }
            self.prev_proper =
                !second.sentence_start && letters::starts_upper(&self.out[second.start..]);
        }
        #[cfg(not(feature = "lexicon"))]
        let _ = first_word;
    }

    /// A lower-case word whose case the lexicon does not know, one space before a word after
    /// which the corpus mostly has names (`қаласы`, `ханның`), is a name: `бішкек қаласында`
    /// -> `Бішкек қаласында`.
    fn case_before_name_head(&mut self, first: PlainWord, second: PlainWord) {
        #[cfg(feature = "lexicon")]
        {
            let Some(head) = second.pair_word else {
                return;
            };
            let applies = !first.sentence_start
                && first.end + 1 == second.start
                && self.out.as_bytes()[first.end] == b' '
                && lexicon::get().is_name_head(head)
                && !letters::starts_upper(&self.out[first.start..])
                && self.case_unknown(&self.out[first.start..first.end]);
            if applies {
                capitalise_at(&mut self.out, first.start);
            }
        }
        #[cfg(not(feature = "lexicon"))]
        let _ = (first, second);
    }

    /// Cases the first of two plain words with one space between them by the second, as
    /// the lexicon's [`casing_before`](lexicon::Lexicon::casing_before) says (`оңтүстік` +
    /// `Америка` -> `Оңтүстік Америка`).
    #[cfg(feature = "lexicon")]
    fn case_by_next_word(&mut self, word: PairWord, first: PlainWord, second: PlainWord) {
        if first.sentence_start {
            return;
        }
        let Some(case) = lexicon::get().casing_before(word) else {
            return;
        };
        let second_capital = letters::starts_upper(&self.out[second.start..]);
        let applies = match case {
            PairCase::Capital => second_capital && !second.sentence_start,
            PairCase::Lower => !second_capital,
            _ => false,
        };
        if applies {
            set_case(
                &mut self.out,
                &mut self.recased,
                first.start..first.end,
                case,
            );
        }
    }

    /// Converts the compound starting at byte `start` without the word cache.
    fn compound_uncached(&mut self, text: &str, start: usize) -> usize {
        self.spell_uncached(text, start, false)
    }

    /// [`Self::compound_uncached`] for a compound that is spelled at each place it comes
    /// (one the word cache does not hold: a letter-spaced run, `ا ق ش`): whether a spelling
    /// of it converts back is looked up in the word cache, not converted back each time.
    fn compound_uncached_remembering(&mut self, text: &str, start: usize) -> usize {
        self.spell_uncached(text, start, true)
    }

    /// [`Self::compound_uncached`]; with `remember`, through
    /// [`Self::converts_back_remembered`].
    fn spell_uncached(&mut self, text: &str, start: usize, remember: bool) -> usize {
        let out_start = self.out.len();
        // Each pass starts from the words as they were (a dropped pass's places in the
        // output would point into what the next one writes).
        let state = self.word_state();
        let passes: &[Pass] = match self.words {
            WordSource::Lexicon => &[Pass::Lexicon, Pass::LetterModel, Pass::Rules],
            WordSource::Rules => &[Pass::Rules],
        };
        let mut len = 0;
        for &pass in passes {
            self.out.truncate(out_start);
            self.restore_word_state(state);
            len = self.spell_compound(text, start, pass);
            if pass == Pass::Rules {
                self.unless_it_converts_back_keep_patronyms_plain(
                    out_start,
                    &text[start..start + len],
                );
                break;
            }
            let tote = &text[start..start + len];
            let back = if remember {
                self.converts_back_remembered(out_start, tote)
            } else {
                self.converts_back(&self.out[out_start..], tote)
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
        let run_follows = self.rules.abbreviations == Abbreviations::LetterSpaced
            && after
                .strip_prefix(' ')
                .is_some_and(|rest| single_letter_word(rest).is_some())
            && single_letter_word(text[start..start + len].rsplit('-').next().unwrap_or(""))
                .is_some();
        if !run_follows {
            return len;
        }
        let first = self.take_out_reading(out_start);
        self.runs_after_vowelless_parts = RunsAfterVowellessParts::Abbreviation;
        let again = self.spell_compound(text, start, Pass::Rules);
        self.runs_after_vowelless_parts = RunsAfterVowellessParts::CarryTheFront;
        if again > len && self.converts_back(&self.out[out_start..], &text[start..start + again]) {
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
    /// letter (an abbreviation, or a one-letter word where one letter is left) and the letter
    /// as the first part of the word (`ҚР І-тасұлі`, `л і-шаұлі`), where that converts back.
    fn unless_it_converts_back_leave_the_hamza_letter_out(
        &mut self,
        out_start: usize,
        text: &str,
        start: usize,
        len: usize,
        remember: bool,
    ) {
        let tote = &text[start..start + len];
        let Some(last_letter) = self.hamza_letter_ending_a_joined_run(tote) else {
            return;
        };
        if self.converts_back(&self.out[out_start..], tote) {
            return;
        }
        let first = self.take_out_reading(out_start);
        // The run before the letter (and the space before it), then the word from the letter.
        let run_end = start + last_letter - ' '.len_utf8();
        self.spell_compound(&text[..run_end], start, Pass::Rules);
        self.out.push(' ');
        let rest = self.spell_uncached(text, start + last_letter, remember);
        if last_letter + rest != len || !self.converts_back(&self.out[out_start..], tote) {
            self.put_back_reading(out_start, first);
        }
    }

    /// Whether `cyrillic` converts back to `tote`, a piece of the text being read. That text
    /// has the hamza of the clean-up (U+0621: a style's U+0674 is a place to clean up), so the
    /// check writes that hamza whatever the style's.
    fn converts_back(&self, cyrillic: &str, tote: &str) -> bool {
        let rules = StyleRules {
            hamza: tote::HAMZA,
            ..*self.rules
        };
        to_arabic::to_arabic(cyrillic, &rules) == tote
    }

    /// [`Self::converts_back`] of the spelling written from `out_start` on, kept in the word
    /// cache (under [`CONVERTS_BACK_KEY`], with the answer as [`CachedState::known`]): the
    /// conversion back costs as much as spelling the compound again.
    fn converts_back_remembered(&mut self, out_start: usize, tote: &str) -> bool {
        let spelling = &self.out[out_start..];
        self.run_key.clear();
        self.run_key.push(CONVERTS_BACK_KEY);
        self.run_key.push_str(tote);
        self.run_key.push(CONVERTS_BACK_KEY);
        self.run_key.push_str(spelling);
        if let Some((_, state)) = self.cache.get(self.cache_config, 0, &self.run_key) {
            return state.known;
        }
        let back = self.converts_back(spelling, tote);
        let state = CachedState {
            letters: 0,
            known: back,
            proper: false,
            pair_word: None,
        };
        self.cache
            .insert(self.cache_config, 0, &self.run_key, "", state);
        back
    }

    /// The patronyms that [`Self::keep_patronyms_joined`] wrote with `і` keep them joined,
    /// but give a compound without other front letters a hamza (`с-абышұлі`). Where the
    /// compound written from `out_start` on does not convert back to its `tote` even so (what
    /// follows it decides whether `to_arabic` splits the patronym off: a chain of joiners and
    /// look-alikes keeps it joined), the plain spelling is written: it keeps the hamza.
    fn unless_it_converts_back_keep_patronyms_plain(&mut self, out_start: usize, tote: &str) {
        let spelled = &self.out[out_start..];
        let changed = spelled.contains("ұлі") || spelled.contains("қызі");
        if changed && !self.converts_back(spelled, tote) {
            let plain = spelled.replace("ұлі", "ұлы").replace("қызі", "қызы");
            self.out.truncate(out_start);
            self.out.push_str(&plain);
        }
    }

    /// Spells the compound starting at byte `start`; returns its length in bytes.
    fn spell_compound(&mut self, text: &str, start: usize, pass: Pass) -> usize {
        let mut i = start;
        // Whether the current run of plain words (since the start or an abbreviation) began
        // with a hamza: `to_arabic` decides one hamza per such run in whole-word scope.
        let mut run_hamza = None;
        let mut carry_front = false;
        // Whether the part before was [`WordSpelled::vowelless`].
        let mut front_must_follow = false;
        // How the first part is cased, for the parts after it.
        let mut first_part = None;
        loop {
            // A part that must carry the front harmony of the run's hamza is a word of the run,
            // never an abbreviation (which would end the run). After a part that could be front
            // itself, a letter-spaced run is an abbreviation (`ٴۇلى-و ر` = `Үлі-ОР`): the
            // compound's spelling that keeps the hamza converts back.
            let abbreviation = if carry_front
                && front_must_follow
                && self.runs_after_vowelless_parts == RunsAfterVowellessParts::CarryTheFront
            {
                None
            } else {
                self.abbreviation_run(&text[i..])
            };
            let len = match abbreviation {
                Some((len, units)) => {
                    first_part.get_or_insert(PartCase::Abbreviation);
                    // (Known abbreviations only in a run that stands apart: next to other
                    // letters, the run's cut into groups changes how they read.)
                    let apart = !text[..i].ends_with(char::is_alphanumeric)
                        && !text[i + len..].starts_with(char::is_alphanumeric);
                    self.emit_abbreviation(&text[i..i + len], units, apart);
                    self.sentence_start = false;
                    self.last_word = None;
                    run_hamza = None;
                    carry_front = false;
                    len
                }
                None => {
                    let len = word_len(&text[i..]);
                    let word = &text[i..i + len];
                    run_hamza.get_or_insert(word.starts_with(tote::HAMZA));
                    // A part of a hyphenated word shares its hamza with the others, so the
                    // lexicon's candidates for it are not checked against it alone.
                    let alone = i == start && self.joint(&text[i + len..], Some(false)).is_none();
                    let out_start = self.out.len();
                    let spelled = self.emit_word(word, carry_front, pass, alone);
                    carry_front = spelled.carry_front;
                    front_must_follow = spelled.vowelless;
                    match first_part {
                        None => first_part = Some(self.part_case(out_start)),
                        Some(first) => self.case_later_part(out_start, first, spelled.known_word),
                    }
                    len
                }
            };
            i += len;
            match self.joint(&text[i..], run_hamza) {
                Some(joint_len) => {
                    self.out.push('-');
                    i += joint_len;
                }
                None => return i - start,
            }
        }
    }

    /// How the first part of a hyphenated word, written from `start` on, is cased.
    fn part_case(&self, start: usize) -> PartCase {
        let capital = letters::starts_upper(&self.out[start..]);
        match (capital, self.prev_proper) {
            (false, _) if ARABIC_NAME_PARTICLES.contains(&&self.out[start..]) => {
                PartCase::ArabicParticle
            }
            (false, _) => PartCase::Lower,
            (true, true) => PartCase::Name,
            (true, false) => PartCase::SentenceStart,
        }
    }

    /// Cases a later part of a hyphenated word, written from `start` on, after the first:
    /// lower case after a lower-case first part (`оңтүстік-батыс`, `вице-президент`), a
    /// capital after a name when the lexicon does not know the part as a word
    /// (`Нью-Йорктегі`, `Тянь-Шань`), and after an Arabic article or `ибн` when the part is a
    /// name or of unknown case (`әл-Фараби`, `ибн-Сина`; but `ас-су`, `ар-намыс`). Capitals
    /// of abbreviations stay.
    fn case_later_part(&mut self, start: usize, first: PartCase, known_word: bool) {
        if self.casing != Casing::Sentence || letters::is_all_caps(&self.out[start..]) {
            return;
        }
        let name_after_particle = first == PartCase::ArabicParticle
            && (self.prev_proper || self.case_unknown(&self.out[start..]));
        match first {
            _ if name_after_particle => capitalise_at(&mut self.out, start),
            PartCase::Lower | PartCase::ArabicParticle => {
                let lower = self.out[start..].to_lowercase();
                if lower.len() == self.out.len() - start {
                    self.out.replace_range(start.., &lower);
                }
            }
            PartCase::Name if !known_word => capitalise_at(&mut self.out, start),
            _ => {}
        }
    }

    /// If a hyphen joins the word just read to another one, the length of the joint:
    /// `-` directly, or `- ` where the style writes that space itself and joining the words
    /// keeps their hamzas as they are (`run_hamza`: whether the current run began with one).
    fn joint(&self, rest: &str, run_hamza: Option<bool>) -> Option<usize> {
        let after = rest.strip_prefix('-')?;
        if after.chars().next().is_some_and(is_word_char) {
            return Some(1);
        }
        if self.rules.hyphen_spacing != HyphenSpacing::SpaceAfter {
            return None;
        }
        let next = after.strip_prefix(' ')?;
        let next_word = &next[..word_len(next)];
        let starts_with_letter = next_word
            .chars()
            .next()
            .is_some_and(letters::is_tote_letter);
        // Joined, the words share one hamza decision: a hamza on the next word would move to
        // the front, and a front marker in it would cancel the hamza of the run.
        let keeps_hamzas = match self.rules.hamza_scope {
            HamzaScope::EachPart => true,
            HamzaScope::WholeWord => {
                let hamza_would_move = next_word.contains(tote::HAMZA);
                let marker_would_cancel =
                    run_hamza == Some(true) && next_word.chars().any(letters::is_tote_front_marker);
                !hamza_would_move && !marker_would_cancel
            }
        };
        (starts_with_letter && keeps_hamzas).then_some(2)
    }

    /// A run of two or more one-letter words separated by single spaces (`ي ى ۇ`), in styles
    /// that letter-space abbreviations: its byte length and number of letters.
    fn abbreviation_run(&self, text: &str) -> Option<(usize, usize)> {
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

    /// What the reader keeps about the words it has written (their places in the output among
    /// it), to be put back with the output when a second reading of a compound is dropped.
    fn word_state(&self) -> WordState {
        WordState {
            sentence_start: self.sentence_start,
            last_word: self.last_word,
            prev_proper: self.prev_proper,
            last_plain: self.last_plain,
            last_compounds: self.last_compounds,
        }
    }

    /// Puts back what [`Self::word_state`] kept.
    fn restore_word_state(&mut self, state: WordState) {
        self.sentence_start = state.sentence_start;
        self.last_word = state.last_word;
        self.prev_proper = state.prev_proper;
        self.last_plain = state.last_plain;
        self.last_compounds = state.last_compounds;
    }

    /// Takes the reading of a compound written from `out_start` on out of the output, with
    /// the word state after it, for a second reading ([`Self::put_back_reading`] if that is
    /// dropped).
    fn take_out_reading(&mut self, out_start: usize) -> Reading {
        let reading = Reading {
            spelled: self.out[out_start..].to_owned(),
            state: self.word_state(),
        };
        self.out.truncate(out_start);
        reading
    }

    /// Puts the `reading` that [`Self::take_out_reading`] took out back at `out_start`, in
    /// place of whatever was written there since.
    fn put_back_reading(&mut self, out_start: usize, reading: Reading) {
        self.out.truncate(out_start);
        self.out.push_str(&reading.spelled);
        self.restore_word_state(reading.state);
    }

    /// The offset in `compound` (a compound of tote) of the last letter of the letter-spaced
    /// run it starts with, if that letter has a hamza and a hyphen follows the run (see
    /// [`Self::unless_it_converts_back_leave_the_hamza_letter_out`]). A run of two letters
    /// counts too: without its last letter it is a one-letter word (`ل ءى-شاۇلى` is
    /// `л і-шаұлі`).
    fn hamza_letter_ending_a_joined_run(&self, compound: &str) -> Option<usize> {
        let (len, _) = self.abbreviation_run(compound)?;
        if !compound[len..].starts_with('-') {
            return None;
        }
        let last = compound[..len].rfind(' ')? + ' '.len_utf8();
        compound[last..].starts_with(tote::HAMZA).then_some(last)
    }

    /// Writes a letter-spaced run as capital abbreviations of at most five letters, in
    /// balanced groups (6 letters -> 3 + 3) so that each converts back letter-spaced; with the
    /// lexicon, as the abbreviations it knows in the run where it knows some and the run
    /// stands `apart` from other letters and digits.
    fn emit_abbreviation(&mut self, run: &str, units: usize, apart: bool) {
        // The spelling depends on nothing else (and the configuration): it is cached, under a
        // key that no word has (see `run_key`).
        self.run_key.clear();
        self.run_key
            .push(if apart { RUN_APART_KEY } else { RUN_KEY });
        self.run_key.push_str(run);
        if let Some((spelling, _)) = self.cache.get(self.cache_config, 0, &self.run_key) {
            self.out.push_str(spelling);
            return;
        }
        let out_start = self.out.len();
        self.spell_abbreviation(run, units, apart);
        let state = CachedState {
            letters: 0,
            known: false,
            proper: false,
            pair_word: None,
        };
        self.cache.insert(
            self.cache_config,
            0,
            &self.run_key,
            &self.out[out_start..],
            state,
        );
    }

    /// [`Self::emit_abbreviation`], uncached.
    fn spell_abbreviation(&mut self, run: &str, units: usize, apart: bool) {
        #[cfg(feature = "lexicon")]
        if apart && self.words == WordSource::Lexicon && self.emit_known_abbreviations(run) {
            return;
        }
        let _ = apart;
        let groups = units.div_ceil(MAX_ABBREVIATION_LEN);
        for (index, unit) in run.split(' ').enumerate() {
            if index > 0 && index * groups / units != (index - 1) * groups / units {
                self.out.push(' ');
            }
            self.push_capital_letter(unit);
        }
    }

    /// Writes one unit of a letter-spaced run (a tote letter, a hamza before it if front) as
    /// the capital Cyrillic letter it stands for.
    fn push_capital_letter(&mut self, unit: &str) {
        let front = unit.starts_with(tote::HAMZA);
        if let Some(letter) = unit.trim_start_matches(tote::HAMZA).chars().next() {
            self.out
                .push(letters::upper_of(self.single_letter(letter, front)));
        }
    }

    /// Writes a letter-spaced run as the abbreviations the lexicon knows in it (`ج ە س` =
    /// `ЖЭС`, not `ЖЕС`; `ق ر ءى ءى م` = `ҚР ІІМ`), each group two to five letters long;
    /// returns false (nothing written) where the lexicon knows none. Of the ways to cut the
    /// run, the one with the most letters in known abbreviations wins, then the one with the
    /// fewest groups; the other groups are spelled letter by letter.
    #[cfg(feature = "lexicon")]
    fn emit_known_abbreviations(&mut self, run: &str) -> bool {
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
                    && self.converts_back(spelling, piece(from, to))
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
                .find(|upper| self.converts_back(upper, piece(from, to)))
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
                self.out.push(' ');
            }
            match spelling {
                Some(spelling) => self.out.push_str(&spelling),
                None => {
                    for unit in piece(from, to).split(' ') {
                        self.push_capital_letter(unit);
                    }
                }
            }
            from = to;
        }
        true
    }

    /// The Cyrillic letter for a tote letter standing alone.
    fn single_letter(&self, c: char, front: bool) -> char {
        let options = letters::cyrillic_options(c);
        let back = options.first().copied().unwrap_or(c);
        if front {
            letters::fronted(back)
        } else {
            back
        }
    }

    /// Writes one tote word (hamza included) in Cyrillic. `inherited_front` says that a hamza
    /// before an earlier part of the same hyphenated word had no vowel to make front there
    /// (`ءي-ميدجى`) or, where the hamza is the whole word's, no front vowel (`ءقازمۋ-دىڭ`).
    fn emit_word(
        &mut self,
        word: &str,
        inherited_front: bool,
        pass: Pass,
        alone: bool,
    ) -> WordSpelled {
        let has_hamza = word.contains(tote::HAMZA);
        let front_by_hamza = inherited_front || has_hamza;
        self.letters.clear();
        self.letters
            .extend(word.chars().filter(|&c| c != tote::HAMZA));
        if self.letters.is_empty() {
            // A hamza standing alone belongs to no word: it passes through (in the style's
            // code point, as `to_arabic` would have written it).
            self.out.extend(word.chars().map(|_| self.rules.hamza));
            return WordSpelled {
                carry_front: inherited_front,
                vowelless: true,
                known_word: false,
            };
        }
        let start = self.out.len();
        // A later part of a hyphenated word that inherits the front harmony of the hamza
        // before an earlier part (`ءقازمۋ-دىڭ` = `ҚазМУ-дің`) is spelled front, unless its own
        // letters make it front (`ە`, `ك`, `گ`).
        let inherits_hamza = inherited_front
            && !has_hamza
            && !self
                .letters
                .iter()
                .any(|&c| letters::is_tote_front_marker(c));
        let hamza_check = (alone || inherits_hamza).then_some(alone && has_hamza || inherits_hamza);
        // No word is this long: such a run of letters is spelled by the rules (linear).
        let pass = if self.letters.len() > MAX_WORD_LETTERS {
            Pass::Rules
        } else {
            pass
        };
        let found = match pass {
            // An Arabic article that carries the hamza of its hyphenated word is the front
            // one (`ءال-فارابي` = `әл-Фараби`, not `ал-`).
            Pass::Lexicon => self.spell_from_lexicon(hamza_check, !alone && has_hamza),
            _ => Found::Nothing,
        };
        let from_lexicon = found != Found::Nothing;
        self.last_word = Some(LastWord {
            start,
            letters: self.letters.len(),
            known: from_lexicon,
            abbreviation_stop: None,
        });
        if !from_lexicon {
            self.spell_by_rules(front_by_hamza, pass);
            if pass == Pass::Rules {
                self.keep_patronyms_joined(start, alone);
            }
            self.capitalise_joined_abbreviation(start, word);
        }
        let unseen_name = found != Found::Word && looks_like_surname(&self.out[start..])
            || found == Found::Nothing && pass == Pass::Lexicon && self.looks_like_name(start);
        if unseen_name && self.casing == Casing::Sentence {
            capitalise_at(&mut self.out, start);
        }
        // A name (not just a sentence start) makes the next word of a name capitalised.
        self.prev_proper = letters::starts_upper(&self.out[start..]);
        if self.takes_sentence_capital(self.sentence_start, &self.out[start..]) {
            capitalise_at(&mut self.out, start);
        }
        self.sentence_start = false;
        let vowelless = !self.letters.iter().any(|&c| is_tote_vowel(c));
        WordSpelled {
            carry_front: front_by_hamza
                && match self.rules.hamza_scope {
                    // The hamza of the whole word: unless this part has the front vowel it
                    // stands for, a later part has (`ءقازمۋ-دىڭ` = `ҚазМУ-дің`).
                    HamzaScope::WholeWord => !self.out[start..]
                        .chars()
                        .any(|c| letters::lower(c).is_some_and(letters::is_front_vowel)),
                    // Each part's own: only a part without vowels passes it on (`ء-`).
                    HamzaScope::EachPart => vowelless,
                },
            vowelless,
            known_word: found == Found::Word,
        }
    }

    /// Whether a word (Cyrillic, as written) at a sentence start (`sentence_start`) takes its
    /// capital: in sentence casing, but for a speech verb ([`is_speech_verb`]). One test for
    /// the three places that write a word: `cached_plain_word`, `compound` (a word it found in
    /// the cache or spelled) and `emit_word` (a part of a compound spelled anew).
    #[inline]
    fn takes_sentence_capital(&self, sentence_start: bool, word: &str) -> bool {
        sentence_start && self.casing == Casing::Sentence && !is_speech_verb(word)
    }

    /// In styles that write abbreviations joined (`شىۇ` = `ШЫҰ`), a short word the lexicon
    /// does not know, with `ы`/`і` or `ұ`/`ү` next to another vowel letter, is one: no Kazakh
    /// word has such vowels side by side but at the seam of a compound (`Сарыарқа`), and
    /// loanwords write Russian `у` and `и` with other letters. In the corpus 84 of 92 such
    /// words of two to five letters are abbreviations (`БҰҰ`, `ІІМ`, `ХІІ`).
    fn capitalise_joined_abbreviation(&mut self, start: usize, tote_word: &str) {
        let hiatus = |pair: &[char]| {
            let high = |c: char| matches!(c, tote::ALEF_MAKSURA | tote::U);
            let vowel = |c: char| is_tote_vowel(c) || c == tote::AE;
            (high(pair[0]) && vowel(pair[1])) || (vowel(pair[0]) && high(pair[1]))
        };
        let applies = self.rules.abbreviations == Abbreviations::Joined
            && (2..=MAX_ABBREVIATION_LEN).contains(&self.letters.len())
            && self.letters.windows(2).any(hiatus);
        if !applies {
            return;
        }
        let upper = self.out[start..].to_uppercase();
        if self.converts_back(&upper, tote_word) {
            self.out.replace_range(start.., &upper);
        }
    }

    /// Whether the word written from `start` on, whose case the lexicon does not give, looks
    /// like a name to the lexicon's name model.
    fn looks_like_name(&self, start: usize) -> bool {
        #[cfg(feature = "lexicon")]
        if self.casing == Casing::Sentence && self.letters.len() >= MIN_NAME_LETTERS {
            return lexicon::get().looks_like_name(&self.out[start..].to_lowercase());
        }
        let _ = start;
        false
    }

    /// The tote word is one word, but its spelling from `start` on ends in a patronymic
    /// (`ұлы`, `қызы`) that `to_arabic` would write apart (`ке-сазұлі` -> `كە-سازۇلى` read
    /// as `сазұлы`): the patronymic's last vowel is written `і` instead, which tote writes the
    /// same way and which no style splits off.
    ///
    /// A word of its own (`alone`) that has neither a front vowel nor a front marker keeps its
    /// `ы`: an `і` would give it a hamza. No spelling of it converts back joined then (a joined
    /// patronym is not the style's), and the plain one is kept.
    fn keep_patronyms_joined(&mut self, start: usize, alone: bool) {
        if !to_arabic::splits_patronym(&self.out[start..], self.rules.patronymics) {
            return;
        }
        let front_or_marker = self.out[start..]
            .chars()
            .filter_map(letters::lower)
            .any(|c| letters::is_front_vowel(c) || letters::is_front_marker(c));
        if alone && !front_or_marker {
            return;
        }
        let word = self.out[start..]
            .replace("ұлы", "ұлі")
            .replace("қызы", "қызі");
        self.out.truncate(start);
        self.out.push_str(&word);
    }

    /// Writes `self.letters` spelled by the rules: back vowels in a word without hamza and
    /// front marker, front vowels in a word with a hamza, and in a word with a front marker
    /// (where the hamza rule leaves the choice open) the choice of the letter model.
    fn spell_by_rules(&mut self, front_by_hamza: bool, pass: Pass) {
        let front_by_marker = self
            .letters
            .iter()
            .any(|&c| letters::is_tote_front_marker(c));
        #[cfg(feature = "lexicon")]
        if pass != Pass::Rules {
            // Vowels are open where the hamza rule leaves them open: in a word with a front
            // marker, and in a hamza word as long as one is front (`тісқаққан`, `символизмі`).
            let vowels = if front_by_marker && !front_by_hamza {
                Vowels::Open
            } else if front_by_hamza {
                Vowels::OpenWithAFront
            } else {
                Vowels::Fixed(Harmony::Back)
            };
            let slots = spell_alternatives(&self.letters, vowels, self.rules);
            letter_model::get().choose(&slots, vowels == Vowels::OpenWithAFront, &mut self.out);
            return;
        }
        #[cfg(not(feature = "lexicon"))]
        let _ = pass;
        let harmony = if front_by_hamza {
            Harmony::Front
        } else if front_by_marker {
            Harmony::FrontUnlessBackConsonant
        } else {
            Harmony::Back
        };
        spell(&self.letters, harmony, self.rules, &mut self.out);
    }

    /// Writes the lexicon's spelling of `self.letters`, if it has one that keeps the word's
    /// hamza where it stands alone (a front vowel and no front marker exactly when the tote
    /// has a hamza; `None` when it shares the hamza of a hyphenated word): the word
    /// itself, else a known stem and a known suffix chain.
    #[cfg(feature = "lexicon")]
    fn spell_from_lexicon(&mut self, has_hamza: Option<bool>, prefer_front: bool) -> Found {
        let lexicon = lexicon::get();
        lexicon::key_of_tote(&self.letters, &mut self.key);
        let takes_hamza = |parts: &[&str]| {
            let (front, marker) =
                parts
                    .iter()
                    .flat_map(|p| p.chars())
                    .fold((false, false), |(front, marker), c| {
                        let lower = letters::lower(c).unwrap_or(c);
                        (
                            front || letters::is_front_vowel(lower),
                            marker || letters::is_front_marker(lower),
                        )
                    });
            front && !marker
        };
        let keeps_hamza =
            |parts: &[&str]| has_hamza.is_none_or(|hamza| takes_hamza(parts) == hamza);
        let words = lexicon.words(&self.key);
        let preferred = prefer_front
            .then(|| {
                words.iter().find(|w| {
                    takes_hamza(&[w.spelling]) && ARABIC_NAME_PARTICLES.contains(&w.spelling)
                })
            })
            .flatten();
        let whole = preferred.or_else(|| words.iter().find(|w| keeps_hamza(&[w.spelling])));
        let found = match whole {
            Some(word) => Some((word, None)),
            None => lexicon
                .stem_and_suffix(&self.key)
                .find(|(stem, suffix)| keeps_hamza(&[stem.spelling, suffix.ending]))
                .map(|(stem, suffix)| (stem, Some(suffix))),
        };
        let Some((stem, suffix)) = found else {
            return Found::Nothing;
        };
        let start = self.out.len();
        push_stem_and_suffix(
            &mut self.out,
            stem.spelling,
            suffix.map_or("", |s| s.ending),
        );
        // Part of a name only after another capitalised word; a suffix chain that makes
        // common words of names (`америкалық`) takes the stem's capital away.
        let not_a_name = (stem.case == WordCase::AfterCapital && !self.prev_proper)
            || suffix.is_some_and(|s| !keeps_a_name(s));
        let lower_case = match self.casing {
            Casing::Lower => Some(self.out.len()),
            Casing::Sentence if not_a_name => self.out[start..]
                .chars()
                .next()
                .map(|c| start + c.len_utf8()),
            Casing::Sentence => None,
        };
        if let Some(end) = lower_case {
            let lower = self.out[start..end].to_lowercase();
            self.out.replace_range(start..end, &lower);
        }
        // A common word and a chain that makes names of such words: `тоқтар` + `бай`.
        let made_name =
            suffix.is_some_and(|s| s.makes_name) && !letters::starts_upper(stem.spelling);
        if made_name && self.casing == Casing::Sentence {
            capitalise_at(&mut self.out, start);
        }
        // A word seen only at sentence starts or a dictionary word in lower case: a
        // capitalised stem (`Мағауия` + `ның`), or without one, the name model, tells that
        // it is a name.
        // (An analysis with such a stem stays in lower case: measured better on the held-out
        // lines than asking the name model.)
        if stem.case == WordCase::Open && suffix.is_none() && self.casing == Casing::Sentence {
            let by_stem = lexicon
                .stem_and_suffix(&self.key)
                .find(|(stem, suffix)| {
                    stem.case != WordCase::Open && keeps_hamza(&[stem.spelling, suffix.ending])
                })
                .map(|(stem, suffix)| {
                    letters::starts_upper(stem.spelling)
                        && (stem.case == WordCase::AsSpelled || self.prev_proper)
                        && keeps_a_name(suffix)
                });
            let name = by_stem.unwrap_or_else(|| self.looks_like_name(start));
            if name {
                capitalise_at(&mut self.out, start);
            }
        }
        if suffix.is_none() {
            Found::Word
        } else {
            Found::Analysis
        }
    }

    #[cfg(not(feature = "lexicon"))]
    fn spell_from_lexicon(&mut self, _has_hamza: Option<bool>, _prefer_front: bool) -> Found {
        Found::Nothing
    }
}

/// Whether a name (a capitalised stem) stays one with this suffix chain after it.
#[cfg(feature = "lexicon")]
fn keeps_a_name(suffix: Suffix) -> bool {
    suffix.after_name != AfterName::CommonWord
}

#[cfg(feature = "lexicon")]
/// Writes a stem and a suffix chain, with the spelling changes Cyrillic makes where they
/// meet: `й` + `а`/`у` is written `я`/`ю` (`ая` + `йын`, `кү` + `ю`), and a suffix's `й` after
/// a consonant is `и`. Each change keeps the tote spelling.
fn push_stem_and_suffix(out: &mut String, stem: &str, suffix: &str) {
    let mut suffix_chars = suffix.chars();
    let first = suffix_chars.next();
    let stem_last = stem.chars().next_back();
    let joined = match (stem_last, first) {
        (Some('й'), Some('а')) => Some("я"),
        (Some('й'), Some('у')) => Some("ю"),
        _ => None,
    };
    match joined {
        Some(letter) => {
            out.push_str(&stem[..stem.len() - 'й'.len_utf8()]);
            out.push_str(letter);
            out.push_str(suffix_chars.as_str());
        }
        None => {
            out.push_str(stem);
            let after_consonant = stem_last
                .and_then(letters::lower)
                .is_some_and(|c| !is_cyrillic_vowel(c) && c != 'й' && c != 'ь' && c != 'ъ');
            if first == Some('й') && after_consonant {
                out.push('и');
                out.push_str(suffix_chars.as_str());
            } else {
                out.push_str(suffix);
            }
        }
    }
}

/// A plain word just written (see [`plain_word`]), for casing it with the next one.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(not(feature = "lexicon"), allow(dead_code))]
struct PlainWord {
    /// Where it starts and ends in `out`.
    start: usize,
    end: usize,
    /// Its number among the words of casing pairs.
    pair_word: Option<PairWord>,
    /// Whether it starts a sentence (its capital stays).
    sentence_start: bool,
    /// Whether it is the first word of a casing pair ([`lexicon::Lexicon::is_pair_first`];
    /// true where that is not known).
    first_of_pair: bool,
    /// Whether the lexicon cases it by the word after it
    /// ([`lexicon::Lexicon::casing_before`]; true where that is not known). Unless one of
    /// the two, [`ToCyrillic::case_pair`] changes nothing.
    cased_before: bool,
}

/// Whether `written` is a word the lexicon knows as an abbreviation whose stop ends no
/// sentence (`млн`), in any case (`key`: room for its lower case); never without the lexicon.
fn is_abbreviation_stop(written: &str, key: &mut String) -> bool {
    #[cfg(feature = "lexicon")]
    {
        // Abbreviations are short words of the table's letters (checked without
        // allocating: this runs at every stop).
        let lexicon = lexicon::get();
        if written.len() > lexicon.longest_abbreviation_stop() {
            return false;
        }
        // (Most words are written in lower case: they are their own key.)
        if written.chars().all(|c| letters::lower(c) == Some(c)) {
            return lexicon.is_abbreviation_stop(written);
        }
        key.clear();
        for c in written.chars() {
            match letters::lower(c) {
                Some(lower) => key.push(lower),
                None => return false,
            }
        }
        lexicon.is_abbreviation_stop(key)
    }
    #[cfg(not(feature = "lexicon"))]
    {
        let _ = (written, key);
        false
    }
}

/// Whether the lexicon cases the word of this pair word by the word after it
/// ([`lexicon::Lexicon::casing_before`]); never without the lexicon.
fn has_casing_before(pair_word: Option<PairWord>) -> bool {
    #[cfg(feature = "lexicon")]
    if let Some(word) = pair_word {
        return lexicon::get().casing_before(word).is_some();
    }
    let _ = pair_word;
    false
}

/// The lower-case first parts of Arabic names (`әл-Фараби`, `ад-Дин`, `ибн-Сина`): the
/// article in its assimilated forms, and `ибн`, `бин`.
const ARABIC_NAME_PARTICLES: &[&str] = &[
    "әл", "ал", "әд", "ад", "әс", "ас", "әр", "ар", "әт", "ат", "әш", "аш", "ән", "ан", "әз", "аз",
    "ибн", "бин",
];

/// The conjunctions before the last item of a list (`Талас, Ертіс және Іле`).
const LIST_CONJUNCTIONS: &[&str] = &["және", "мен", "пен", "бен", "немесе", "әрі"];

/// Where a compound was written in `out`, and whether it started a sentence.
#[derive(Clone, Copy, Debug)]
struct Written {
    start: usize,
    end: usize,
    sentence_start: bool,
}

/// The last three compounds written ([`ToCyrillic::last_compounds`]), in a ring: a word
/// written is one store, not a shift of all three (this runs at every word), and the few
/// rules that read them, after names only, put them in order.
#[derive(Clone, Copy, Debug, Default)]
struct LastCompounds {
    ring: [Option<Written>; 3],
    /// The place in `ring` of the last one.
    last: usize,
}

impl LastCompounds {
    /// `written` is the last one now.
    #[inline]
    fn push(&mut self, written: Written) {
        self.last = if self.last >= 2 { 0 } else { self.last + 1 };
        if let Some(slot) = self.ring.get_mut(self.last) {
            *slot = Some(written);
        }
    }

    /// The three, the last first.
    fn get(&self) -> [Option<Written>; 3] {
        [self[0], self[1], self[2]]
    }
}

impl std::ops::Index<usize> for LastCompounds {
    type Output = Option<Written>;

    /// The one written `back` compounds before the last (0: the last; `None` past 2).
    fn index(&self, back: usize) -> &Option<Written> {
        match back {
            0..=2 => self.ring.get((self.last + 3 - back) % 3).unwrap_or(&None),
            _ => &None,
        }
    }
}

/// Rewrites the casing of the word at `range` of `out` (upper and lower case letters have
/// the same length in UTF-8 in the letter table).
#[cfg(feature = "lexicon")]
fn set_case(out: &mut String, recased: &mut String, range: std::ops::Range<usize>, case: PairCase) {
    if case == PairCase::Own {
        return;
    }
    let recase = |(at, c): (usize, char)| {
        let upper = match case {
            PairCase::Own => return c,
            PairCase::Lower => false,
            PairCase::Capital => at == 0,
            PairCase::AllCaps => true,
        };
        let recased = if upper {
            letters::capital(c)
        } else {
            letters::lower(c)
        };
        recased.unwrap_or(c)
    };
    // Most words of casing pairs already have the pair's casing: then nothing is written;
    // else the word is recased into `recased` (reused between words), the letters before the
    // first one to change copied as they are (each letter is recased once).
    let word = &out[range.clone()];
    let first_change = word
        .char_indices()
        .enumerate()
        .find(|&(at, (_, c))| recase((at, c)) != c);
    let Some((changed, (changed_at, _))) = first_change else {
        return;
    };
    let cased = recased;
    cased.clear();
    cased.push_str(&word[..changed_at]);
    cased.extend(
        word[changed_at..]
            .chars()
            .enumerate()
            .map(|(at, c)| recase((changed + at, c))),
    );
    if cased.len() == range.len() {
        out.replace_range(range, cased);
    }
}

/// The last word written, for joining a patronymic to it.
#[derive(Clone, Copy, Debug)]
struct LastWord {
    /// Where it starts in `out`.
    start: usize,
    /// Its number of tote letters.
    letters: usize,
    /// Whether the lexicon knew it.
    known: bool,
    /// Where the word ends in `out` as the word cache wrote it, and whether a stop right
    /// after it ends no sentence ([`is_abbreviation_stop`]), if the cache told: what is written
    /// after it may recase it, but changes none of its letters.
    #[cfg_attr(not(feature = "lexicon"), allow(dead_code))]
    abbreviation_stop: Option<(usize, bool)>,
}

/// Whether a Cyrillic word ends in a genitive or locative ending (`Жамбылдың`, `Еуропада`,
/// `Уорчестерширдегі`): a father's name before a patronymic has none (`Жамбылдың ұлы` is
/// "Жамбыл's son", two words; in the corpus no joined patronym has such a name).
fn ends_in_case_ending(word: &str) -> bool {
    const ENDINGS: [&str; 14] = [
        "ның", "нің", "дың", "дің", "тың", "тің", "дағы", "дегі", "тағы", "тегі", "да", "де", "та",
        "те",
    ];
    ENDINGS.iter().any(|ending| word.ends_with(ending))
}

/// Whether a Cyrillic word ends in the third person's possessive ending (`-сы`, `-сі`, `-ы`,
/// `-і`: `хатшысы`, `министрі`).
fn has_possessive_ending(word: &str) -> bool {
    word.ends_with('ы') || word.ends_with('і')
}

/// Whether a Cyrillic word is one of the [`SPEECH_VERBS`] that start no sentence.
fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS
        .iter()
        .any(|verb| verb.starts_no_sentence && verb.cyrillic == word)
}

/// Whether a Cyrillic word of more than three letters has the possessive ending of a title
/// before a name (`министрі`, `әкімі`, `хатшысы`).
fn is_title_word(word: &str) -> bool {
    word.chars().count() > 3 && has_possessive_ending(word)
}

/// What the lexicon had for a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found {
    Nothing,
    /// The word itself.
    Word,
    /// A known stem and a known suffix chain.
    #[cfg_attr(not(feature = "lexicon"), allow(dead_code))]
    Analysis,
}

/// How the first part of a hyphenated word is cased.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PartCase {
    /// Lower case.
    Lower,
    /// Capitalised as a name (not only as a sentence start).
    Name,
    /// Capitalised because it starts a sentence.
    SentenceStart,
    /// A letter-spaced abbreviation.
    Abbreviation,
    /// An Arabic article or `ибн` in lower case (`әл`, `ад`: `әл-Фараби`).
    ArabicParticle,
}

/// What [`ToCyrillic::emit_word`] did.
struct WordSpelled {
    /// The next part of the hyphenated word inherits the hamza's front harmony.
    carry_front: bool,
    /// The part has no vowel letter that could be front itself: a hamza it passes on stands
    /// for a front vowel after it (`تسۋز-ا ق` = `цуз-ә қ`).
    vowelless: bool,
    /// The lexicon knows the word itself (not just a stem of it).
    known_word: bool,
}

/// One attempt at spelling a compound, from the most data to the least.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pass {
    /// The lexicon, then the letter model for words it does not know.
    Lexicon,
    /// The letter model for every word.
    LetterModel,
    /// The rules alone (always right-inverse, no check needed).
    Rules,
}

/// If `text` starts with a one-letter tote word (an optional hamza before a vowel letter, then
/// one letter) that ends at a non-letter, its byte length.
fn single_letter_word(text: &str) -> Option<usize> {
    let mut chars = text.chars();
    let mut len = 0;
    let mut c = chars.next()?;
    if c == tote::HAMZA {
        len += c.len_utf8();
        c = chars.next()?;
        if letters::cyrillic_options(c)
            .iter()
            .all(|&o| !letters::is_paired_vowel(o))
        {
            return None;
        }
    }
    if !letters::is_tote_letter(c) {
        return None;
    }
    len += c.len_utf8();
    let ends = chars.next().is_none_or(|n| !is_word_char(n));
    ends.then_some(len)
}

/// Whether a word the lexicon does not know looks like a Russian-style surname: a stem of
/// two or more letters, `-ев`/`-ов`/`-ёв` (`-ева`, `-евич`, ...), and at most a short
/// ending: `Тоқаевтың`, `Италиева`, `Раевпен`. Native Kazakh words have no such `в`.
fn looks_like_surname(word: &str) -> bool {
    // (Most words have no `в` or `В`: a byte search first.)
    let has_ve = word.as_bytes().iter().any(|&b| b == 0xB2 || b == 0x92)
        && word
            .as_bytes()
            .windows(2)
            .any(|pair| pair == [0xD0, 0xB2] || pair == [0xD0, 0x92]);
    if !has_ve {
        return false;
    }
    let lower = || word.chars().filter_map(letters::lower);
    let letters = lower().count();
    let mut before = None;
    for (at, c) in lower().enumerate() {
        // `в` at `at`, after `е`/`о`/`ё` with two or more letters before that.
        if c == 'в' && matches!(before, Some('е' | 'о' | 'ё')) && at >= 3 {
            let rest = letters - at - 1;
            if rest <= 6 && !lower().skip(at + 1).any(|c| c == 'в') {
                return true;
            }
        }
        before = Some(c);
    }
    false
}

/// Whether `word` is all Cyrillic letters of the table and not capitalised (`сыр`, not
/// `Сыр`, `1991` or `сыр-су`).
fn is_lower_case_word(word: &str) -> bool {
    word.chars().all(letters::is_cyrillic_letter) && !letters::starts_upper(word)
}

/// Appends `word` to `out` with its first letter upper-cased: what appending it and then
/// [`capitalise_at`] do, without rewriting `out`.
fn push_capitalised(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.push(letters::capital(first).unwrap_or(first));
        out.push_str(chars.as_str());
    }
}

/// Upper-cases the first letter written at or after byte `start` of `out`.
fn capitalise_at(out: &mut String, start: usize) {
    let Some(first) = out[start..].chars().next() else {
        return;
    };
    let upper = letters::capital(first);
    if let Some(upper) = upper.filter(|&u| u != first) {
        out.replace_range(
            start..start + first.len_utf8(),
            upper.encode_utf8(&mut [0; 4]),
        );
    }
}

/// Which vowel of each harmony pair a word takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Harmony {
    /// Back vowels: no hamza and no front marker.
    Back,
    /// Front vowels: the word has a hamza.
    Front,
    /// Front vowels, except next to ق or ع, which only back words have (mixed loanwords and
    /// suffixes: `экономикалық`).
    FrontUnlessBackConsonant,
}

/// Tote vowel letters (each writes a harmony pair).
fn is_tote_vowel(c: char) -> bool {
    letters::cyrillic_options(c)
        .iter()
        .any(|&o| letters::is_paired_vowel(o))
}

/// Which vowels the letter model may choose.
#[cfg(feature = "lexicon")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Vowels {
    /// As the harmony says.
    Fixed(Harmony),
    /// Back or front, each.
    Open,
    /// Back or front, each, at least one front (a hamza word).
    OpenWithAFront,
}

/// The spellings `to_arabic` turns back into `word`, slot by slot, for the letter model to
/// choose from: the rules' spelling first, then the alternatives data may prefer: the other
/// vowel of a pair where `vowels` leaves it open (but `о` stays `о` after the first syllable:
/// `ө` is a first-syllable vowel), `иа` for `ия`, `тс` for `ц` and `ц` for `тс`, `э` for a
/// word-initial `е`, `и` for a `й` after a vowel.
#[cfg(feature = "lexicon")]
fn spell_alternatives(
    word: &[char],
    vowels: Vowels,
    rules: &StyleRules,
) -> Vec<Vec<(String, bool)>> {
    let harmony = match vowels {
        Vowels::Fixed(harmony) => harmony,
        Vowels::Open | Vowels::OpenWithAFront => Harmony::Back,
    };
    let mut slots = Vec::with_capacity(word.len());
    let mut prev_cyrillic: Option<char> = None;
    let mut seen_vowel = false;
    let mut i = 0;
    while i < word.len() {
        let c = word[i];
        if c == tote::TEH && word.get(i + 1) == Some(&tote::SEEN) {
            slots.push(vec![("ц".to_owned(), false), ("тс".to_owned(), false)]);
            prev_cyrillic = Some('с');
            i += 2;
            continue;
        }
        let (spelled, consumed) = spell_one(word, i, prev_cyrillic, harmony, rules);
        let text = match spelled {
            Spelled::Text(text) => text.to_owned(),
            Spelled::Letter(letter) => letter.to_string(),
            Spelled::Nothing => String::new(),
        };
        let mut slot = vec![(text.clone(), false)];
        let open_vowel = matches!(vowels, Vowels::Open | Vowels::OpenWithAFront);
        if is_tote_vowel(c) && open_vowel && (c != tote::WAW || !seen_vowel) {
            if let Some(back) = text.chars().next() {
                slot.push((letters::fronted(back).to_string(), true));
            }
        }
        match (c, text.as_str()) {
            (tote::YEH, "ия") => {
                slot.push(("иа".to_owned(), false));
                slot.push(("я".to_owned(), false));
            }
            // Russian words soften the consonant: `бюджет`, `Мюнхен`.
            (tote::YEH, "ию") => slot.push(("ю".to_owned(), false)),
            (tote::AE, "е") if i == 0 => slot.push(("э".to_owned(), false)),
            // `и` after a vowel, which tote writes as `й` (`органоид`, `казеин`).
            (tote::YEH, "й") => slot.push(("и".to_owned(), false)),
            _ => {}
        }
        seen_vowel |= is_tote_vowel(c) || c == tote::AE || text.chars().any(is_cyrillic_vowel);
        if let Some(last) = text.chars().next_back() {
            prev_cyrillic = Some(last);
        }
        slots.push(slot);
        i += consumed;
    }
    slots
}

/// What one step of [`spell`] writes.
enum Spelled {
    Text(&'static str),
    Letter(char),
    Nothing,
}

/// Spells one tote word (without hamza) in Cyrillic, lower case, appending to `out`.
fn spell(word: &[char], harmony: Harmony, rules: &StyleRules, out: &mut String) {
    let mut prev_cyrillic: Option<char> = None;
    let mut i = 0;
    while i < word.len() {
        let (spelled, consumed) = spell_one(word, i, prev_cyrillic, harmony, rules);
        match spelled {
            Spelled::Text(text) => {
                out.push_str(text);
                prev_cyrillic = text.chars().next_back();
            }
            Spelled::Letter(c) => {
                out.push(c);
                prev_cyrillic = letters::is_cyrillic_letter(c).then_some(c);
            }
            Spelled::Nothing => {}
        }
        i += consumed;
    }
}

/// Spells the tote letter(s) at `word[i]`: what to write and how many tote letters it used.
fn spell_one(
    word: &[char],
    i: usize,
    prev_cyrillic: Option<char>,
    harmony: Harmony,
    rules: &StyleRules,
) -> (Spelled, usize) {
    let c = word[i];
    let prev = i.checked_sub(1).map(|p| word[p]);
    let next = word.get(i + 1).copied();
    let after_next = word.get(i + 2).copied();
    let prev_is_vowel = prev_cyrillic.is_some_and(is_cyrillic_vowel);
    match c {
        tote::YEH => {
            // In a word made front by its hamza, `يا`/`يو` are `йә`/`йө`: `я` has no front form.
            let group = next
                .filter(|&n| harmony != Harmony::Front || n == tote::VE)
                .and_then(yeh_group);
            if let Some(group) = group {
                let spelled = match prev_cyrillic {
                    Some('и') => group.after_i,
                    None => group.initial,
                    Some(_) if prev_is_vowel => group.initial,
                    Some(_) => group.after_consonant,
                };
                return (Spelled::Text(spelled), 2);
            }
            let after_vowel = prev_cyrillic.is_some_and(|p| VOWELS_BEFORE_E.contains(&p));
            let inserted_before_ev = rules.vowel_then_e == VowelThenE::InsertYeh
                && after_vowel
                && next == Some(tote::AE)
                && after_next == Some(tote::OE);
            if inserted_before_ev {
                // `توقايەۆ`: the yeh `to_arabic` inserts between a vowel and `е` (Тоқаев).
                (Spelled::Nothing, 1)
            } else if prev_is_vowel {
                (Spelled::Letter('й'), 1)
            } else {
                (Spelled::Letter('и'), 1)
            }
        }
        tote::AE => {
            // `е` after a vowel would get a yeh inserted; without one it was `э` (поэзия).
            let plain_after_vowel = rules.vowel_then_e == VowelThenE::InsertYeh
                && prev != Some(tote::YEH)
                && prev_cyrillic.is_some_and(|p| VOWELS_BEFORE_E.contains(&p));
            (
                Spelled::Letter(if plain_after_vowel { 'э' } else { 'е' }),
                1,
            )
        }
        tote::TEH if next == Some(tote::SEEN) && (i == 0 || after_next == Some(tote::YEH)) => {
            (Spelled::Letter('ц'), 2)
        }
        _ if is_tote_vowel(c) => {
            let back = letters::cyrillic_options(c)[0];
            let front = match harmony {
                Harmony::Back => false,
                Harmony::Front => true,
                Harmony::FrontUnlessBackConsonant => {
                    let is_back =
                        |l: Option<char>| l.is_some_and(|l| letters::BACK_CONSONANTS.contains(&l));
                    !is_back(prev) && !is_back(next)
                }
            };
            (
                Spelled::Letter(if front { letters::fronted(back) } else { back }),
                1,
            )
        }
        _ => match letters::cyrillic_options(c).first() {
            Some(&cyr) => (Spelled::Letter(cyr), 1),
            None => (Spelled::Letter(c), 1),
        },
    }
}

/// Spellings of `ي` + a vowel letter that `to_arabic` writes as one group (`я` -> `يا`).
struct YehGroup {
    /// At the start of a word or after a vowel (`я`).
    initial: &'static str,
    /// After a consonant (`ия`, which `to_arabic` merges).
    after_consonant: &'static str,
    /// After an `и` that is already written (`йа`: `ия` would merge with it).
    after_i: &'static str,
}

fn yeh_group(next: char) -> Option<YehGroup> {
    match next {
        tote::ALEF => Some(YehGroup {
            initial: "я",
            after_consonant: "ия",
            after_i: "йа",
        }),
        tote::VE => Some(YehGroup {
            initial: "ю",
            after_consonant: "ию",
            after_i: "йу",
        }),
        tote::WAW => Some(YehGroup {
            initial: "йо",
            after_consonant: "ио",
            after_i: "йо",
        }),
        _ => None,
    }
}

fn is_cyrillic_vowel(c: char) -> bool {
    letters::is_paired_vowel(c) || matches!(c, 'е' | 'э' | 'я' | 'ю' | 'ё' | 'и' | 'у')
}

/// The reader's facts about the words it has written (see [`ToCyrillic::word_state`]).
#[derive(Clone, Copy, Debug)]
struct WordState {
    sentence_start: bool,
    last_word: Option<LastWord>,
    prev_proper: bool,
    last_plain: Option<PlainWord>,
    last_compounds: LastCompounds,
}

/// A reading of a compound taken out of the output (see [`ToCyrillic::take_out_reading`]).
struct Reading {
    /// Its spelling.
    spelled: String,
    /// The word state after it.
    state: WordState,
}

/// How [`ToCyrillic::spell_compound`] reads a letter-spaced run joined by a hyphen to a part
/// without a vowel letter, where the hamza's front must go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RunsAfterVowellessParts {
    /// As parts of the word that carry the front: the first reading.
    CarryTheFront,
    /// As an abbreviation: the second reading, where the first does not convert back.
    Abbreviation,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Style;

    #[test]
    fn a_spelling_table_gives_back_what_it_was_given() {
        let mut table = SpellingTable::default();
        let state = |letters, pair_word| CachedState {
            letters,
            known: letters % 2 == 0,
            proper: letters % 3 == 0,
            pair_word,
        };
        // Enough words to grow the table; every third with an odd length (padded), and
        // lengths, letters and pair words up to the largest a header holds.
        let words: Vec<(String, String, u8, CachedState)> = (0..3000_usize)
            .map(|i| {
                let word = "\u{0627}".repeat(1 + i % 70) + &i.to_string();
                let spelling = "а".repeat(i % 90) + if i % 3 == 0 { "-" } else { "" };
                let pair_word = (i % 4 == 0).then_some((NO_PAIR_WORD - 1).min(i as u32 * 97));
                (
                    word,
                    spelling,
                    slot_context(i % 5 == 0, i % 7 == 0),
                    state(i % 128, pair_word),
                )
            })
            .collect();
        for (word, spelling, context, state) in &words {
            let flags = context
                | if state.known { SLOT_KNOWN } else { 0 }
                | if state.proper { SLOT_PROPER } else { 0 };
            let header = RecordHeader::new(word.len(), spelling.len(), flags, state);
            table.insert(word, spelling, &header.expect("fits a header"));
        }
        for (word, spelling, context, state) in &words {
            let (cached, header) = table.get(*context, word).expect("cached");
            let cached_state = header.state();
            assert_eq!(cached, spelling);
            assert_eq!(cached_state.letters, state.letters);
            assert_eq!(cached_state.known, state.known);
            assert_eq!(cached_state.proper, state.proper);
            assert_eq!(cached_state.pair_word, state.pair_word);
            let other_context = context ^ SLOT_AFTER_NAME;
            assert!(table.get(other_context, word).is_none());
        }
        assert!(table.get(0, "\u{0628}").is_none());
        // The fast path finds the short records by their window, with the spelling padded.
        for (word, spelling, context, _) in &words {
            let bytes = word.as_bytes();
            if bytes.len() > WINDOW_BYTES || spelling.len() > WINDOW_BYTES {
                continue;
            }
            let window = window_of(bytes);
            let hash = word_hash(bytes, *context);
            let (padded, _) = table
                .get_short(hash, *context, &window, bytes.len())
                .expect("a short record");
            assert_eq!(padded.len(), WINDOW_BYTES);
            assert_eq!(padded.trim_end_matches('\0'), spelling);
            assert!(table
                .get_short(hash, context ^ SLOT_AFTER_NAME, &window, bytes.len())
                .is_none());
        }
    }

    #[test]
    fn a_words_window_gives_its_end_and_its_hash() {
        let text = "ءسوز، قازاق ءتىلى؟ ابв «ءسوز» ".repeat(3);
        for (start, _) in text.char_indices() {
            let bytes = &text.as_bytes()[start..];
            let ascii = bytes.iter().position(u8::is_ascii).unwrap_or(bytes.len());
            let words = window_of(bytes);
            assert_eq!(first_ascii_in(&words), ascii.min(WINDOW_BYTES));
            let padded = padded_window(bytes.get(..WINDOW_BYTES).unwrap_or(bytes));
            let end = plain_word_end(&WORD_CHARS, &padded, &words);
            if let Some(len) = end {
                assert!(len <= ascii, "{:?}", &text[start..]);
                assert!(text.is_char_boundary(start + len));
                assert!(text[start..start + len]
                    .chars()
                    .last()
                    .is_some_and(is_word_char));
            }
            for len in 0..=bytes.len().min(WINDOW_BYTES) {
                let hash = hash_finish(hash_window(&window_prefix(&words, len)), len, 0);
                assert_eq!(hash, word_hash(&bytes[..len], 0));
            }
        }
    }

    #[test]
    fn the_celsius_letter_padded_is_the_letter_and_zero_bytes() {
        let padded = padded_window("с".as_bytes());
        assert_eq!(window_words(&padded)[0], CELSIUS_LETTER_PADDED);
    }

    fn cyrillic(text: &str, style: Style) -> String {
        to_cyrillic(text, &style.rules(), Casing::Lower, WordSource::Rules).into_owned()
    }

    /// Kazinform tote in Cyrillic with the lexicon and sentence casing (the defaults).
    #[cfg(feature = "lexicon")]
    fn with_lexicon(tote: &str) -> String {
        let rules = Style::Kazinform.rules();
        to_cyrillic(tote, &rules, Casing::Sentence, WordSource::Lexicon).into_owned()
    }

    #[test]
    fn every_patronymic_form_has_the_two_letters_its_start_is_looked_up_by() {
        // (`PATRONYM_STARTS` holds the first four bytes of each form.)
        for form in to_arabic::split_patronym_forms() {
            assert!(form.tote.len() >= 4, "{:?} is too short", form.tote);
        }
    }

    #[test]
    fn the_letters_of_both_scripts_are_alphabetic() {
        // (`is_alphabetic` answers for them without asking `char::is_alphabetic`.)
        let letters = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_word_char(c) || letters::is_cyrillic_letter(c));
        for c in letters {
            assert!(c.is_alphabetic(), "{c:?} is no letter");
        }
    }

    #[test]
    fn hamza_makes_the_word_front() {
        assert_eq!(cyrillic("ءبىز", Style::Kazinform), "біз");
        assert_eq!(cyrillic("ءقازىر", Style::Kazinform), "қәзір");
        assert_eq!(cyrillic("قازاق", Style::Kazinform), "қазақ");
        assert_eq!(cyrillic("كۇشكە", Style::Kazinform), "күшке");
    }

    #[test]
    fn yeh_before_e_after_a_vowel_is_the_inserted_one_in_ev() {
        assert_eq!(cyrillic("توقايەۆ", Style::Kazinform), "тоқаев");
        assert_eq!(cyrillic("توقاەۆ", Style::Egemen), "тоқаев");
        assert_eq!(cyrillic("جۇيە", Style::Kazinform), "жүйе");
    }

    #[test]
    fn letter_spaced_runs_are_capital_abbreviations() {
        assert_eq!(cyrillic("ي ى ۇ- داعى", Style::Kazinform2023), "ИЫҰ-дағы");
        assert_eq!(cyrillic("ق ر س ءى م", Style::Kazinform), "ҚРСІМ");
        assert_eq!(cyrillic("ت. ب", Style::Kazinform), "т. б");
    }

    #[cfg(feature = "lexicon")]
    #[cfg(feature = "lexicon")]
    #[test]
    fn joined_short_words_with_vowels_side_by_side_are_abbreviations_where_the_style_joins_them() {
        let egemen = |tote: &str| {
            to_cyrillic(
                tote,
                &Style::Egemen.rules(),
                Casing::Sentence,
                WordSource::Lexicon,
            )
            .into_owned()
        };
        assert_eq!(egemen("ول شىۇ-عا مۇشە"), "Ол ШЫҰ-ға мүше");
        // A compound's seam is no abbreviation; nor is a joined run where the style spaces
        // abbreviations (it would not convert back).
        assert_eq!(egemen("ول سارىارقادا"), "Ол Сарыарқада");
        assert_eq!(with_lexicon("ول شىۇ-عا مۇشە"), "Ол шыұ-ға мүше");
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn a_words_hamza_that_its_first_part_does_not_stand_for_makes_a_later_part_front() {
        assert_eq!(with_lexicon("ول ءقازمۋ-دىڭ"), "Ол ҚазМУ-дің");
        assert_eq!(with_lexicon("ول قازمۋ-دىڭ"), "Ол ҚазМУ-дың");
        assert_eq!(with_lexicon("ول ءۇي-جاي"), "Ол үй-жай");
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn after_a_number_a_month_is_in_lower_case_and_a_one_letter_s_is_the_celsius_sign() {
        assert_eq!(
            with_lexicon("ول 1 قازاندا، 22-تامىزدا كەلدى. قازان قالاسى"),
            "Ол 1 қазанда, 22-тамызда келді. Қазан қаласы"
        );
        assert_eq!(
            with_lexicon("تەمپەراتۋرا 20°س، 28س جانە 0 س"),
            "Температура 20°С, 28С және 0 С"
        );
        // Seconds after a space, with a stop; elsewhere the letter stays.
        assert_eq!(with_lexicon("ول 5 س. ءجۇردى"), "Ол 5 с. жүрді");
        assert_eq!(with_lexicon("ول س ارقىلى"), "Ол с арқылы");
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn a_speech_verb_starts_no_sentence() {
        assert_eq!(
            with_lexicon("ول كەتتى.\n— دەدى.\nقاشان؟ دەپ سۇرادى"),
            "Ол кетті.\n— деді.\nҚашан? деп сұрады"
        );
        // Other words after a line's dash start their sentence.
        assert_eq!(with_lexicon("— دەرەۋ كەل!"), "— Дереу кел!");
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn a_patronymic_joins_a_fathers_name_not_a_case_form_or_a_sentence_starts_common_word() {
        assert_eq!(with_lexicon("ول مۇحتار ۇلى كەلدى"), "Ол Мұхтарұлы келді");
        // A genitive or locative ending: "Жамбыл's son", "great in Europe".
        assert_eq!(with_lexicon("جامبىلدىڭ ۇلى كەلدى"), "Жамбылдың ұлы келді");
        assert_eq!(
            with_lexicon("ول ەۋروپادا ۇلى وزگەرىس"),
            "Ол Еуропада ұлы өзгеріс"
        );
        // `мен` has its capital from the sentence start only.
        assert_eq!(with_lexicon("مەن ۇلى اقىنمىن"), "Мен ұлы ақынмын");
        // A word the lexicon has in lower case (`өтеміс`) joins as the name the lexicon
        // knows joined.
        assert_eq!(
            with_lexicon("ماحامبەت وتەمىس ۇلى كەلدى"),
            "Махамбет Өтемісұлы келді"
        );
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn letter_spaced_runs_are_cut_into_the_abbreviations_the_lexicon_knows() {
        // The lexicon tells `Э` from `Е`, and where one abbreviation ends and the next starts.
        assert_eq!(with_lexicon("قۋاتتى ج ە س"), "Қуатты ЖЭС");
        assert_eq!(with_lexicon("ا ە س سالۋ"), "АЭС салу");
        assert_eq!(with_lexicon("ق ر ءى ءى م"), "ҚР ІІМ");
        // A heading's short words in capitals are letter-spaced too: words it knows.
        assert_eq!(with_lexicon("ازامات ق ا ي د ا؟"), "Азамат ҚАЙДА?");
        assert_eq!(with_lexicon("ت ا ع ى ب ءى ر ق ا ر ا"), "ТАҒЫ БІР ҚАРА");
        // Runs it knows nothing of stay one abbreviation (up to five letters).
        assert_eq!(with_lexicon("ق ج ف ب"), "ҚЖФБ");
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn a_dash_or_closing_quote_after_a_stop_brings_lower_case_a_dash_after_a_colon_a_capital() {
        assert_eq!(
            with_lexicon("— قاشان كەلەسىڭ؟ — دەپ سۇرادى."),
            "— Қашан келесің? — деп сұрады."
        );
        assert_eq!(
            with_lexicon("ول بىلاي دەدى: — ءبىز كەلەمىز."),
            "Ол былай деді: — Біз келеміз."
        );
        // A straight quote closes before a space.
        assert_eq!(
            with_lexicon("\"وسىلاي تۇر!\" دەگەندەي ول"),
            "\"Осылай тұр!\" дегендей ол"
        );
        // A straight quote opens speech or a title before several words, a term before one;
        // before a speech verb, a phrase (`"өте жақсы" деген`).
        assert_eq!(
            with_lexicon("ول \"وتە جاقسى\" دەگەن باعامەن ءبىتىردى"),
            "Ол \"өте жақсы\" деген бағамен бітірді"
        );
        assert_eq!(
            with_lexicon("ول \"اققان جۇلدىز\" جانە \"جۇرەك\" دەپ"),
            "Ол \"Аққан жұлдыз\" және \"жүрек\" деп"
        );
        // Without the dash, a colon brings no capital.
        assert_eq!(
            with_lexicon("ول بىلاي دەدى: ءبىز كەلەمىز."),
            "Ол былай деді: біз келеміз."
        );
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn a_title_in_guillemets_has_a_capital_a_term_quoted_before_dep_has_none() {
        assert_eq!(with_lexicon("«قازاق» گازەتى"), "«Қазақ» газеті");
        assert_eq!(
            with_lexicon("ولار «پەرىشتە» دەپ اتادى"),
            "Олар «періште» деп атады"
        );
        assert_eq!(
            with_lexicon("ولار “پەرىشتە”، دەپ اتادى"),
            "Олар “періште”, деп атады"
        );
        // More than one word, or another word after it: a title or speech.
        assert_eq!(
            with_lexicon("ولار «اق پەرىشتە» دەپ اتادى"),
            "Олар «Ақ періште» деп атады"
        );
        assert_eq!(with_lexicon("«پەرىشتە» كىتابى دەپ"), "«Періште» кітабы деп");
        // Before a noun that names the term.
        assert_eq!(with_lexicon("«قازاق» ءسوزىنىڭ"), "«қазақ» сөзінің");
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn the_story_after_a_news_dateline_starts_a_sentence() {
        assert_eq!(
            with_lexicon("استانا. قازاقپارات - جاقىندا جيىن ءوتتى."),
            "Астана. Қазақпарат - Жақында жиын өтті."
        );
        assert_eq!(
            with_lexicon("2023-11 استانا. KAZINFORM - جاقىندا"),
            "2023-11 Астана. KAZINFORM - Жақында"
        );
        // Not after more words of the story.
        assert_eq!(
            with_lexicon("ول كەلدى. ءبىز دە - جاقىندا"),
            "Ол келді. Біз де - жақында"
        );
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn a_suffix_chain_that_makes_common_words_of_names_takes_the_capital_away() {
        // `Германия` is a name; `-лық` makes adjectives of names, `-дың` keeps them names.
        assert_eq!(
            with_lexicon("ءبىرقاتار گەرمانيالىق تۇرىكتەر، ابايدىڭ ولەڭى"),
            "Бірқатар германиялық түріктер, Абайдың өлеңі"
        );
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn a_word_seen_only_at_sentence_starts_takes_its_stems_case() {
        // The corpus has `Мағауияның` only at sentence starts, `Мағауия` inside sentences.
        assert_eq!(
            with_lexicon("ول ماعاۋيانىڭ قازاسىنان كەيىن"),
            "Ол Мағауияның қазасынан кейін"
        );
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn words_of_a_casing_pair_take_the_pairs_casing() {
        // `оңтүстік` alone is lower case, `Батыс` alone capitalised (`Батыс Қазақстан`).
        assert_eq!(
            with_lexicon("ول وڭتۇستىك قازاقستان تۋرالى."),
            "Ол Оңтүстік Қазақстан туралы."
        );
        assert_eq!(with_lexicon("ول وڭتۇستىك جاقتا."), "Ол оңтүстік жақта.");
        assert_eq!(
            with_lexicon("پروۆينتسياسىنىڭ باتىس جاعالاۋىندا"),
            "Провинциясының батыс жағалауында"
        );
        // No pair: `оңтүстік` is capitalised before a name.
        assert_eq!(
            with_lexicon("ول وڭتۇستىك امەريكادا"),
            "Ол Оңтүстік Америкада"
        );
        // Only with one space between them: a comma parts them.
        assert_eq!(
            with_lexicon("ول وڭتۇستىك، قازاقستان"),
            "Ол оңтүстік, Қазақстан"
        );
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn later_parts_of_a_hyphenated_word_follow_the_first_part() {
        // After a lower-case part, lower case (`Батыс` alone is capitalised).
        assert_eq!(
            with_lexicon("ول وڭتۇستىك-باتىس جاقتا"),
            "Ол оңтүстік-батыс жақта"
        );
        // After a name, a part the lexicon does not know as a word is a name too.
        assert_eq!(with_lexicon("ول نيۋ-يوركتەگى"), "Ол Нью-Йорктегі");
        // After a sentence start, a known word keeps its own casing.
        assert_eq!(with_lexicon("سونداي-اق"), "Сондай-ақ");
        // After an Arabic article or `ибн`, a name (`әл-Фараби`: the hamza is the article's);
        // a common word stays in lower case (`ас-су`).
        assert_eq!(
            with_lexicon("ول ءال-فارابي اتىنداعى ۋنيۆەرسيتەتتە"),
            "Ол әл-Фараби атындағы университетте"
        );
        assert_eq!(with_lexicon("ول يبن-سينا"), "Ол ибн-Сина");
        assert_eq!(
            with_lexicon("ول اس-سۋ مەن ار-نامىس"),
            "Ол ас-су мен ар-намыс"
        );
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn a_common_word_and_a_chain_that_makes_names_is_a_name() {
        // `тоқтар` is a common word; with `бай` it is a name the corpus never had.
        assert_eq!(
            with_lexicon("ولار توقتارباي مەن كورپەش"),
            "Олар Тоқтарбай мен Көрпеш"
        );
        // A chain that makes no names leaves the common word in lower case.
        assert_eq!(with_lexicon("ولار توقتاردى"), "Олар тоқтарды");
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn a_word_of_unknown_case_before_a_head_of_names_is_a_name() {
        assert_eq!(
            with_lexicon("ول بىشكەك قالاسىندا بولدى"),
            "Ол Бішкек қаласында болды"
        );
        // A word the lexicon knows keeps its case.
        assert_eq!(
            with_lexicon("ول ۇلكەن قالاسىندا بولدى"),
            "Ол үлкен қаласында болды"
        );
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn a_lower_case_word_between_two_names_of_a_list_is_a_name() {
        // `сыр` alone is a common word.
        assert_eq!(
            with_lexicon("ولار تالاس، ەرتىس، سىر، ىلە وزەندەرى."),
            "Олар Талас, Ертіс, Сыр, Іле өзендері."
        );
        // The last item after a conjunction.
        assert_eq!(
            with_lexicon("ولار تالاس، سىر جانە ىلە بويىندا."),
            "Олар Талас, Сыр және Іле бойында."
        );
        // A sentence start is no name.
        assert_eq!(
            with_lexicon("ول، كوبىنەسە، قازاقستاننىڭ سولتۇستىگىندە."),
            "Ол, көбінесе, Қазақстанның солтүстігінде."
        );
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn a_word_of_unknown_case_before_a_surname_is_a_given_name() {
        // `садыр` is unknown, `жанат` a dictionary word of open case.
        assert_eq!(
            with_lexicon("باسشىسى سادىر جاپاروۆ كەلدى"),
            "Басшысы Садыр Жапаров келді"
        );
        assert_eq!(
            with_lexicon("ساراپشى جانات مومىنقۇلوۆ ايتتى"),
            "Сарапшы Жанат Момынқұлов айтты"
        );
        // A word the lexicon knows in lower case stays so, and so does an unknown title.
        assert_eq!(with_lexicon("ول مەن احمەتوۆ"), "Ол мен Ахметов");
        assert_eq!(
            with_lexicon("وبلىسىنىڭ اكىمى توقايەۆ"),
            "Облысының әкімі Тоқаев"
        );
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn a_common_word_between_a_title_and_a_surname_is_a_given_name() {
        assert_eq!(
            with_lexicon("ول حاتشىسى سۇلتان رايەۆپەن سويلەستى"),
            "Ол хатшысы Сұлтан Раевпен сөйлесті"
        );
        assert_eq!(
            with_lexicon("ساراپشىسى تالشىن يتاليەۆا ايتتى"),
            "Сарапшысы Талшын Италиева айтты"
        );
        // Not a title (no possessive ending), or not a word in the nominative.
        assert_eq!(with_lexicon("ول مەن احمەتوۆ"), "Ол мен Ахметов");
        assert_eq!(
            with_lexicon("ول حاتشىسى سۇلتانعا احمەتوۆ"),
            "Ол хатшысы сұлтанға Ахметов"
        );
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn a_hyphenated_name_before_a_surname_is_a_double_given_name() {
        // `жомарт` alone is a common word; before a surname it is a name.
        assert_eq!(
            with_lexicon("پرەزيدەنت قاسىم-جومارت توقايەۆتىڭ"),
            "Президент Қасым-Жомарт Тоқаевтың"
        );
        assert_eq!(with_lexicon("ول قاسىم-جومارت ادام"), "Ол Қасым-жомарт адам");
        // Not after a first part that is no name, nor with anything between the words.
        assert_eq!(with_lexicon("سونداي-اق توقايەۆ"), "Сондай-ақ Тоқаев");
        assert_eq!(
            with_lexicon("قاسىم-جومارت، توقايەۆ"),
            "Қасым-жомарт, Тоқаев"
        );
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn initials_before_a_name_take_capitals_abbreviations_do_not() {
        let arabic = |cyrillic: &str| {
            crate::to_arabic::to_arabic(cyrillic, &Style::Kazinform.rules()).into_owned()
        };
        for text in [
            "Әншілер Ж.Елебеков, Н. Ә. Назарбаев келді.",
            "Ол 2019 ж. Астанада, т.б. көптеген.",
            // A known abbreviation's stop ends no sentence.
            "Қоры 5 млн. т. асады.",
        ] {
            assert_eq!(with_lexicon(&arabic(text)), text);
        }
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn the_letter_model_may_soften_a_consonant_with_yu_and_ya() {
        // Words the lexicon never saw: `ю` after a consonant, not `ию`.
        assert_eq!(with_lexicon("ول بيۋدجەتكە"), "Ол бюджетке");
        assert_eq!(with_lexicon("ول ليۋكسەمبۋرگتەن"), "Ол Люксембургтен");
    }

    #[cfg(feature = "lexicon")]
    #[test]
    fn the_letter_model_may_write_i_after_a_vowel() {
        // A word the lexicon never saw: `оид`, not `ойд`.
        assert_eq!(with_lexicon("ول ورگانويدتاردى"), "Ол органоидтарды");
    }
}
