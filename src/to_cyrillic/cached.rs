//! The cached fast path: a word whose spelling is in the word cache is copied, and only the
//! casing rules that can change it run.

use crate::converter::Casing;
use crate::orthography::letters;

use super::casing::{
    capitalise_at, case_after_number, may_case_after_a_number, push_capitalised,
    unknown_to_lexicon, LastWord,
};
use super::names::{case_before_name_head, pair_flags, PlainWord, Written};
use super::scan::{
    cacheable_compound, plain_word, plain_word_end, starts_as_patronym, word_len_and_letters,
};
use super::window::{
    hash_finish, hash_window, padded_window, window_prefix, window_words, WINDOW_BYTES,
};
use super::word_cache::{
    slot_context, CachedState, RecordHeader, NO_PAIR_WORD, SLOT_NAME_HEAD, SLOT_PAIR_FIRST,
    SLOT_PLAIN,
};
use super::ToCyrillic;

impl ToCyrillic<'_> {
    /// The word branch of [`Self::run`] (with [`Self::compound`]) for a plain word whose
    /// spelling is in the word cache: most words of a long text. The same steps in the same
    /// order, but each casing rule after the spelling is only called where it can change
    /// something, as the cached facts of the word tell (most words are lower-case known words
    /// in no casing pair, after which none of them does), and the word is read once. Returns
    /// the bytes read; `None`, having changed nothing, if no plain word starts at `start` or
    /// it is not cached.
    #[inline]
    pub(super) fn cached_plain_word(&mut self, text: &str, start: usize) -> Option<usize> {
        let bytes = text.as_bytes().get(start..)?;
        // Every tote word character starts with one of these bytes: the marks, digits and
        // line feeds between words leave here at once.
        if !bytes.first().is_some_and(|&b| letters::is_arabic_lead(b)) {
            return None;
        }
        let context = slot_context(self.state.prev_proper, false);
        let padded;
        let window = match bytes.first_chunk::<WINDOW_BYTES>() {
            Some(window) => window,
            None => {
                padded = padded_window(bytes);
                &padded
            }
        };
        let words = window_words(window);
        let len = plain_word_end(self.config.word_chars, window, &words)
            .unwrap_or_else(|| word_len_and_letters(self.config.word_chars, bytes).0);
        // (`plain_word`: the record is a plain word's, no hyphen follows. A word longer than a
        // window is no short record's.)
        if len == 0 || len > WINDOW_BYTES || bytes.get(len) == Some(&b'-') {
            return None;
        }
        let word = window_prefix(&words, len);
        let hash = hash_finish(hash_window(&word), len, context);
        let (padded, header) =
            self.cache
                .lookup_short(self.config.cache_table, hash, context, &word, len)?;
        if header.flags & SLOT_PLAIN == 0 {
            return None;
        }
        let spelling_len = usize::from(header.spelling_len);
        let sentence_start = std::mem::replace(&mut self.state.sentence_start, false);
        let out_start = self.out.len();
        // Whether anything but the cache has cased the word (its case is then read off `out`).
        let recased = sentence_start
            && self
                .config
                .takes_sentence_capital(sentence_start, padded.get(..spelling_len)?);
        if recased {
            push_capitalised(&mut self.out, padded.get(..spelling_len)?);
        } else {
            // The whole window, and then back to the spelling's end: a copy of a fixed length
            // (a few moves), not a call that branches on the length.
            self.out.push_str(padded);
            self.out.truncate(out_start + spelling_len);
        }
        // `compound`:
        let previous = self.state.last_plain.take();
        // (`case_pair` cases this word after a word that the next one cases; else, for a
        // quiet word, no rule below changes anything but `case_after_number` that of a
        // sentence start.)
        let in_pair = header.pair_word != NO_PAIR_WORD;
        let quiet = header.quiet && !previous.is_some_and(|p| p.may_case_pair_with(in_pair));
        if quiet {
            let (last_word, last_plain, written) =
                header.quiet_word_state(out_start, self.out.len(), sentence_start);
            self.state.last_word = Some(last_word);
            self.state.prev_proper = false;
            self.state.last_plain = Some(last_plain);
            self.state.last_compounds.push(written);
            if recased {
                case_after_number(&mut self.out, &self.config, out_start, &text[start + len..]);
            }
        } else {
            let word = CachedPlainWord {
                header: *header,
                out_start,
                sentence_start,
                previous,
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
                .is_some_and(|next| starts_as_patronym(self.config.patronym_starts, next));
        if patronym_next
            && self
                .state
                .joins_patronym(&self.config, &mut self.out, &text[start + len..])
        {
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
        } = word;
        let state = header.state();
        let sentence = self.config.casing == Casing::Sentence;
        self.state.last_word = Some(LastWord {
            start: out_start,
            letters: state.letters,
            known: state.known,
            abbreviation_stop: Some((self.out.len(), header.abbreviation_stop)),
        });
        self.state.prev_proper = state.proper;
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
            if previous.may_case_pair_with(this.pair_word.is_some()) {
                self.state
                    .case_pair(&mut self.out, &mut self.scratch, previous, this);
                recased = true;
            }
            if name_head {
                case_before_name_head(&self.config, &mut self.out, previous, this);
                recased = true;
            }
        }
        self.state.last_plain = Some(this);
        // `run`, after `compound`:
        if may_case_after_a_number(&self.out[out_start..])
            && case_after_number(&mut self.out, &self.config, out_start, &text[start + len..])
        {
            recased = true;
        }
        let unknown = unknown_to_lexicon(self.config.words, state.known);
        if self
            .state
            .initials_may_apply(&self.config, &self.out, out_start, unknown)
        {
            self.state
                .capitalise_initials(&self.config, &mut self.out, out_start, &text[..start]);
            recased = true;
        }
        let this = Written {
            start: out_start,
            end: self.out.len(),
            sentence_start,
        };
        if sentence && this.is_name(&self.out) {
            // (Only a surname makes given names: a word as cached that looks like none
            // changes nothing there.)
            if recased || header.surname {
                self.state
                    .last_compounds
                    .case_given_names(&self.config, &mut self.out, out_start);
            }
            self.state
                .last_compounds
                .case_name_in_a_list(&mut self.out, this);
        }
        self.state.last_compounds.push(this);
    }

    /// Converts the compound starting at byte `start`; returns its length in bytes.
    ///
    /// Spellings from data (the lexicon, the letter model) are checked on the whole compound:
    /// unless it converts back to exactly the tote it came from, the compound is spelled
    /// again with less data, down to the rules alone.
    pub(super) fn compound(&mut self, text: &str, start: usize) -> usize {
        let previous = self.state.last_plain.take();
        let Some(word) = plain_word(&text[start..]) else {
            return self.cached(text, start);
        };
        let (config, context) = (
            self.config.cache_table,
            slot_context(self.state.prev_proper, false),
        );
        let out_start = self.out.len();
        let sentence_start = std::mem::replace(&mut self.state.sentence_start, false);
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
                    letters: self.state.last_word.map_or(0, |w| w.letters),
                    known: self.state.last_word.is_some_and(|w| w.known),
                    proper: self.state.prev_proper,
                    pair_word: self.config.pair_word(&self.out[out_start..]),
                };
                let flags = context | SLOT_PLAIN | pair_flags(state.pair_word);
                self.cache
                    .insert(config, flags, word, &self.out[out_start..], state);
                state
            }
        };
        self.state.last_word = Some(LastWord {
            start: out_start,
            letters: state.letters,
            known: state.known,
            abbreviation_stop: None,
        });
        self.state.prev_proper = state.proper;
        if self
            .config
            .takes_sentence_capital(sentence_start, &self.out[out_start..])
        {
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
            self.state
                .case_pair(&mut self.out, &mut self.scratch, previous, this);
            case_before_name_head(&self.config, &mut self.out, previous, this);
        }
        self.state.last_plain = Some(this);
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
        let config = self.config.cache_table;
        let context = slot_context(self.state.prev_proper, self.state.sentence_start);
        let out_start = self.out.len();
        if let Some((spelling, state)) = self.cache.get(config, context, word) {
            self.out.push_str(spelling);
            // The last part starts after the last hyphen (checked when it was cached).
            let last_part = spelling.rfind('-').map_or(0, |hyphen| hyphen + 1);
            self.state.last_word = Some(LastWord {
                start: out_start + last_part,
                letters: state.letters,
                known: state.known,
                abbreviation_stop: None,
            });
            self.state.prev_proper = state.proper;
            self.state.sentence_start = false;
            return word.len();
        }
        let len = self.compound_uncached(text, start);
        let spelling = &self.out[out_start..];
        let last_part = spelling.rfind('-').map_or(0, |hyphen| hyphen + 1);
        // Cached only when the state after it is what a cache hit restores.
        let restorable = len == word.len()
            && !self.state.sentence_start
            && self
                .state
                .last_word
                .is_some_and(|w| w.start == out_start + last_part);
        if let (true, Some(last)) = (restorable, self.state.last_word) {
            let state = CachedState {
                letters: last.letters,
                known: last.known,
                proper: self.state.prev_proper,
                pair_word: None,
            };
            self.cache.insert(config, context, word, spelling, state);
        }
        len
    }
}

/// What [`ToCyrillic::after_cached_plain_word`] is handed of a cached plain word written.
#[derive(Clone, Copy)]
struct CachedPlainWord {
    header: RecordHeader,
    /// Where its spelling starts in the output.
    out_start: usize,
    /// Whether it started a sentence.
    sentence_start: bool,
    /// The plain word before it ([`CasingState::last_plain`](super::casing::CasingState::last_plain)).
    previous: Option<PlainWord>,
}

#[cfg(test)]
mod tests {
    use crate::converter::{Casing, WordSource};
    use crate::orthography::letters::{self, tote};
    use crate::style::StyleRules;
    use crate::to_cyrillic::{convert_into, Paths};
    use crate::Style;

    /// Tote -> Cyrillic by the given paths, with the casing state of a text's start.
    fn convert(
        text: &str,
        rules: &StyleRules,
        casing: Casing,
        words: WordSource,
        paths: Paths,
    ) -> String {
        let mut out = String::new();
        let mut sentence_start = true;
        convert_into(
            text,
            rules,
            casing,
            words,
            &mut sentence_start,
            &mut out,
            paths,
        );
        out
    }

    /// Both casings.
    const CASINGS: [Casing; 2] = [Casing::Sentence, Casing::Lower];

    /// Both word sources.
    const WORD_SOURCES: [WordSource; 2] = [WordSource::Lexicon, WordSource::Rules];

    /// Checks that `text` converts through the word cache and the cached fast path as through
    /// the general path alone, twice in a row (the second time from a warm cache).
    fn assert_paths_agree(text: &str, style: Style, casing: Casing, words: WordSource) {
        let rules = style.rules();
        let general = convert(text, &rules, casing, words, Paths::GeneralOnly);
        for time in ["cold", "warm"] {
            let cached = convert(text, &rules, casing, words, Paths::Cached);
            assert!(
                cached == general,
                "{style:?} {casing:?} {words:?} ({time} cache) on {text:?}:\n\
                 cached:  {cached:?}\n\
                 general: {general:?}"
            );
        }
    }

    /// What stands between the words of the paths' test, `|` between them: spaces, Arabic
    /// and Latin punctuation, line feeds, hyphens of both joints, digits and years, quotes,
    /// dashes, a dateline, patronymics, letter-spaced runs, initials, Latin and Cyrillic that
    /// pass through, the style's hamza.
    const TEST_GAPS: &str = " | | | | |، |. |.\n|\n|-|- | - | — | «|» |؟ |؛ |: |: — | 1969 -|  |(|) | \"|\" |»، | 5 | 20°|! |…| X | KAZINFORM - | т.б. |. استانا. |“|” | ۇلى | قىزى | ق ر | ق ر ءى-| ءا | ب |. ج.|ٴ";

    /// Tote words of 1 to 12 letters of every letter of the letter table (a hamza before
    /// some), a few words each met several times (as text repeats its words), each with a gap
    /// after it.
    fn test_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let mut tote_letters: Vec<char> = letters::LETTERS
            .iter()
            .flat_map(|(_, tote)| tote.chars())
            .collect();
        tote_letters.sort_unstable();
        tote_letters.dedup();
        let word = (
            proptest::bool::weighted(0.3),
            proptest::collection::vec(proptest::sample::select(tote_letters), 1..=12),
        )
            .prop_map(|(hamza, letters)| {
                let hamza = hamza.then_some(tote::HAMZA);
                hamza.into_iter().chain(letters).collect::<String>()
            });
        let gap = proptest::sample::select(TEST_GAPS.split('|').collect::<Vec<_>>());
        (
            proptest::collection::vec(word, 1..6),
            proptest::collection::vec((any::<proptest::sample::Index>(), gap), 1..16),
        )
            .prop_map(|(words, picks)| {
                picks
                    .into_iter()
                    .map(|(pick, gap)| words[pick.index(words.len())].clone() + gap)
                    .collect()
            })
    }

    proptest::proptest! {
        #[test]
        fn the_cached_paths_write_what_the_general_path_writes(
            text in test_text(),
            style in proptest::sample::select(Style::ALL.to_vec()),
            casing in proptest::sample::select(CASINGS.to_vec()),
            words in proptest::sample::select(WORD_SOURCES.to_vec()),
        ) {
            assert_paths_agree(&text, style, casing, words);
        }
    }

    #[test]
    fn the_cached_paths_write_what_the_general_path_writes_on_the_seeds_and_the_corpus() {
        let tote_seeds = [
            include_str!("../../fixtures/seeds/000-egemen-qazaqstan.arabic.egemen.txt"),
            include_str!("../../fixtures/seeds/001-kazinform.arabic.kazinform-2023.txt"),
            include_str!("../../fixtures/seeds/003-kazinform.arabic.kazinform.txt"),
        ];
        let cyrillic = [
            include_str!("../../fixtures/seeds/002-news-turksoy-interview.cyrillic.txt"),
            include_str!("../../fixtures/seeds/004-news-amanat-round-table.cyrillic.txt"),
            include_str!("../../fixtures/corpus-sample/dev-cyrillic-sample.txt"),
        ];
        for style in Style::ALL {
            let written: Vec<String> = cyrillic
                .iter()
                .map(|text| crate::to_arabic::to_arabic(text, &style.rules()).into_owned())
                .collect();
            let texts = tote_seeds
                .iter()
                .copied()
                .chain(written.iter().map(String::as_str));
            for text in texts {
                for casing in CASINGS {
                    for words in WORD_SOURCES {
                        assert_paths_agree(text, style, casing, words);
                    }
                }
            }
        }
    }
}
