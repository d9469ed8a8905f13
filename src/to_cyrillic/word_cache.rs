//! The word cache: spellings of the words already read on this thread, per configuration, in a
//! hash table of compact records, with the facts the casing rules need after each word.

use crate::converter::{Casing, WordSource};
use crate::style::StyleRules;

use super::casing::{is_abbreviation_stop, is_quiet_word, unknown_to_lexicon, LastWord};
use super::names::{has_casing_before, looks_like_surname, PlainWord, Written};
use super::window::{same_bytes, window_words, word_hash, WindowWords, WINDOW_BYTES};
use super::PairWord;

/// What a cached spelling depends on besides the word and whether a name comes right
/// before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct CacheConfig {
    pub(super) rules: StyleRules,
    pub(super) casing: Casing,
    pub(super) words: WordSource,
}

/// The converter's state after writing a cached word.
#[derive(Clone, Copy, Debug)]
pub(super) struct CachedState {
    pub(super) letters: usize,
    pub(super) known: bool,
    pub(super) proper: bool,
    /// The word's number among the words of casing pairs.
    pub(super) pair_word: Option<PairWord>,
}

/// Spellings of plain words (and of the compounds of [`cacheable_compound`](super::scan::cacheable_compound)) already
/// converted on this thread. Text repeats its words, so most words are spelled once and then
/// copied. Cleared when it reaches [`WORD_CACHE_LIMIT`]
/// words or [`WORD_CACHE_BYTES`] bytes of text, which bounds its memory.
#[derive(Default)]
pub(super) struct WordCache {
    /// Per configuration (looked up once per conversion, see [`WordCache::config_index`]),
    /// its spellings.
    configs: Vec<(CacheConfig, SpellingTable)>,
    /// Words held, all configurations together.
    pub(super) words: usize,
    /// Bytes of text held, all configurations together.
    pub(super) bytes: usize,
}

/// A table index of no table ([`WordCache::config_index`] gives none so large): every look-up
/// in it misses and nothing is kept, so that a conversion takes the general path alone.
pub(super) const NO_TABLE: usize = usize::MAX;

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
/// to a window: the fast path of [`ToCyrillic::cached_plain_word`](super::ToCyrillic::cached_plain_word) reads it, compares it and
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
pub(super) struct RecordHeader {
    /// Where a long record's word starts in [`SpellingTable::long_text`]; its spelling
    /// follows it. (0 for a short record: [`RecordHeader::is_short`].)
    pub(super) text_at: u32,
    /// [`CachedState::pair_word`], [`NO_PAIR_WORD`] for none.
    pub(super) pair_word: PairWord,
    /// The word's length in bytes.
    pub(super) word_len: u16,
    /// The spelling's length in bytes.
    pub(super) spelling_len: u16,
    /// The number of tote letters ([`CachedState::letters`]).
    pub(super) letters: u8,
    /// [`SLOT_AFTER_NAME`], [`SLOT_KNOWN`], [`SLOT_PROPER`], [`SLOT_SENTENCE_START`],
    /// [`SLOT_PLAIN`], [`SLOT_PAIR_FIRST`], [`SLOT_NAME_HEAD`].
    pub(super) flags: u8,
    /// Whether the spelling looks like a surname ([`looks_like_surname`]): else the given
    /// names before it are left as they are ([`LastCompounds::case_given_names`](super::names::LastCompounds::case_given_names)).
    pub(super) surname: bool,
    /// Whether the lexicon cases the word by the word after it
    /// ([`lexicon::Lexicon::casing_before`](crate::lexicon::Lexicon::casing_before)).
    pub(super) cased_before: bool,
    /// Whether a stop right after the spelling ends no sentence ([`is_abbreviation_stop`]).
    pub(super) abbreviation_stop: bool,
    /// Whether, after a word that cases no word after it (by a casing pair with this one or by
    /// the casing before any word), none of the casing rules after the spelling can change
    /// this word or what is kept of it, but for the sentence capital: a lower-case spelling
    /// other than `с`, of a word the lexicon knows (or without the lexicon), not capitalised
    /// as a name and making no name of the word before it
    /// ([`ToCyrillic::cached_plain_word`](super::ToCyrillic::cached_plain_word)). Most words.
    pub(super) quiet: bool,
}

/// [`RecordHeader::pair_word`] of a word that is in no casing pair.
pub(super) const NO_PAIR_WORD: PairWord = PairWord::MAX;

impl RecordHeader {
    /// The header of a word and spelling of these lengths and of the state after them, if
    /// one holds them (its place in the text is set when it is inserted).
    pub(super) fn new(
        word_len: usize,
        spelling_len: usize,
        flags: u8,
        state: &CachedState,
    ) -> Option<Self> {
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
    /// `out_start` to `end` in the output, as [`ToCyrillic::after_cached_plain_word`](super::ToCyrillic::after_cached_plain_word) leaves it
    /// (where none of its rules applies): the last word, the last plain word and the last
    /// compound.
    #[inline(always)]
    pub(super) fn quiet_word_state(
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
    pub(super) fn state(&self) -> CachedState {
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

/// [`RecordHeader::flags`]: a plain word ([`plain_word`](super::scan::plain_word)) cached by [`ToCyrillic::compound`](super::ToCyrillic::compound).
pub(super) const SLOT_PLAIN: u8 = 32;

/// [`RecordHeader::flags`]: a plain word that is the first of a casing pair
/// ([`lexicon::Lexicon::is_pair_first`](crate::lexicon::Lexicon::is_pair_first)).
pub(super) const SLOT_PAIR_FIRST: u8 = 64;

/// [`RecordHeader::flags`]: a plain word that can make a name of the word before it
/// ([`lexicon::Lexicon::is_name_head`](crate::lexicon::Lexicon::is_name_head)).
pub(super) const SLOT_NAME_HEAD: u8 = 128;

/// [`RecordHeader::flags`]: the compound started a sentence (hyphenated compounds only: a plain
/// word takes its sentence capital after the cache).
const SLOT_SENTENCE_START: u8 = 8;

/// The [`RecordHeader::flags`] that are part of a cached word's key: what its spelling depends on
/// besides the word and the configuration.
const SLOT_CONTEXT: u8 = SLOT_AFTER_NAME | SLOT_SENTENCE_START;

/// The context flags ([`SLOT_CONTEXT`]) of a word that comes right after a name or not, and
/// starts a sentence or not.
#[inline]
pub(super) fn slot_context(after_name: bool, sentence_start: bool) -> u8 {
    (u8::from(after_name) * SLOT_AFTER_NAME) | (u8::from(sentence_start) * SLOT_SENTENCE_START)
}

/// The tag of a word with this hash ([`SLOT_TAG`]).
#[inline]
fn slot_tag(hash: u64) -> u32 {
    ((hash >> 56) as u32 | 1) << 24
}

impl WordCache {
    /// The index of `config`'s spellings (added if new).
    pub(super) fn config_index(&mut self, config: CacheConfig) -> usize {
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
    pub(super) fn get(
        &self,
        config: usize,
        context: u8,
        word: &str,
    ) -> Option<(&str, CachedState)> {
        let hash = word_hash(word.as_bytes(), context);
        self.lookup(config, hash, context, word.as_bytes())
            .map(|(spelling, header)| (spelling, header.state()))
    }

    /// [`WordCache::get`] with the record's header: its flags tell more than the state
    /// ([`SLOT_PLAIN`]).
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
    pub(super) fn lookup_short(
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
    pub(super) fn insert(
        &mut self,
        config: usize,
        context: u8,
        word: &str,
        cyrillic: &str,
        state: CachedState,
    ) {
        let flags = context
            | if state.known { SLOT_KNOWN } else { 0 }
            | if state.proper { SLOT_PROPER } else { 0 };
        let Some(header) = RecordHeader::new(word.len(), cyrillic.len(), flags, &state) else {
            // Longer than any plain word: not cached.
            return;
        };
        let Some(words) = self.configs.get(config).map(|(c, _)| c.words) else {
            // No table: the general path alone.
            return;
        };
        let header = RecordHeader {
            surname: looks_like_surname(cyrillic),
            cased_before: has_casing_before(state.pair_word),
            abbreviation_stop: is_abbreviation_stop(cyrillic, &mut String::new()),
            quiet: is_quiet_word(
                cyrillic,
                state.proper,
                unknown_to_lexicon(words, state.known),
                flags & SLOT_NAME_HEAD != 0,
            ),
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
    /// [`ToCyrillic::cached_plain_word`](super::ToCyrillic::cached_plain_word): the record's text is compared a window at a time,
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
    pub(super) fn get(&self, context: u8, word: &str) -> Option<(&str, RecordHeader)> {
        self.get_hashed(
            word_hash(word.as_bytes(), context),
            context,
            word.as_bytes(),
        )
    }

    /// The spelling and record header of `word` in `context`, found by its `hash`
    /// ([`word_hash`]). Inlined into its callers (one is the fast path of
    /// [`ToCyrillic::cached_plain_word`](super::ToCyrillic::cached_plain_word)): a call costs a sixth of a look-up, and the found
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
    pub(super) fn insert(&mut self, word: &str, spelling: &str, header: &RecordHeader) {
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
    pub(super) fn clear(&mut self) {
        self.slots.fill(0);
        self.len = 0;
        self.records.clear();
        self.short_text.clear();
        self.long_text.clear();
    }
}

thread_local! {
    pub(super) static WORD_CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::to_cyrillic::window::window_of;

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
}
