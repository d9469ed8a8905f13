//! Sentence casing: where sentences start (stops, quotes, dashes, datelines, speech verbs),
//! their first capital, numbers before months and the Celsius sign, and initials.

use crate::converter::{Casing, WordSource};
#[cfg(feature = "lexicon")]
use crate::lexicon;
use crate::orthography::letters::{self, tote};

use super::names::{LastCompounds, PlainWord};
use super::scan::{is_alphabetic, is_word_char, word_len};
use super::{Config, Scratch};

/// What the casing rules know of the words written: the state that passes from word to word.
/// Copied whole where a reading of a compound is taken out and may be put back.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct CasingState {
    /// Whether the next word starts a sentence.
    pub(super) sentence_start: bool,
    /// The last word written (`None` after an abbreviation).
    pub(super) last_word: Option<LastWord>,
    /// Whether the last word written is a capitalised name and only a space or a hyphen
    /// followed it.
    pub(super) prev_proper: bool,
    /// The last plain word written, for casing it together with the next.
    pub(super) last_plain: Option<PlainWord>,
    /// The last three compounds written, the last first: for the given names before a
    /// surname (`Қасым-Жомарт Тоқаев`) and the names in a list (`Талас, Ертіс, Сыр, Іле`).
    pub(super) last_compounds: LastCompounds,
}

/// Cases the word written from `out_start` on (`after`: the text read after it) when it
/// follows a number: a month's name is in lower case (`1 қазан`, `22-тамызда`, not the
/// city `Қазан`: all 201 in the corpus), and the one-letter word `с` right after a number
/// or a degree sign is the Celsius sign `С` (`20°С`, `28С`), but for `с.` (seconds) after
/// a space (24 of 27 in the corpus are `С`). Returns whether it changed the word's case.
#[inline(always)]
pub(super) fn case_after_number(
    out: &mut String,
    config: &Config,
    out_start: usize,
    after: &str,
) -> bool {
    // (This runs after every word: the bytes before it, or before the space before it,
    // tell first whether a number may stand there: a digit, `°` or `º` (C2 B0, C2 BA),
    // or the hyphen of `22-тамызда`.)
    // (0 for a byte before the start of `out`: no byte this looks for.)
    let bytes = out.as_bytes();
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
    let may_follow_a_number =
        last.is_ascii_digit() || last == b'-' || matches!(last, 0xB0 | 0xBA) && before_last == 0xC2;
    config.casing == Casing::Sentence
        && may_follow_a_number
        && case_after_a_number(out, out_start, after)
}

/// [`case_after_number`] where a number may stand before the word.
#[cold]
fn case_after_a_number(out: &mut String, out_start: usize, after: &str) -> bool {
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
    let before = &out[..out_start];
    let (spaced, before) = match before.strip_suffix(' ') {
        Some(before) => (true, before),
        None => (false, before),
    };
    let word = &out[out_start..];
    if word == CELSIUS_LETTER {
        let after_number = before.ends_with(|c: char| c.is_ascii_digit() || c == '°' || c == 'º');
        let celsius = after_number && !(spaced && after.starts_with('.'));
        if celsius {
            out.replace_range(out_start.., "С");
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
        out.replace_range(out_start..out_start + first, &lower[..first]);
    }
    month
}

impl CasingState {
    /// Whether [`Self::capitalise_initials`] may change the word written from `out_start` on
    /// (`unknown`: whether the lexicon in use does not know it): in sentence casing, after a
    /// name or for a word the lexicon does not know, after a stop (and a space).
    #[inline]
    pub(super) fn initials_may_apply(
        &self,
        config: &Config,
        out: &str,
        out_start: usize,
        unknown: bool,
    ) -> bool {
        let after_a_stop = || {
            let before = out.as_bytes().get(..out_start).unwrap_or_default();
            before.strip_suffix(b" ").unwrap_or(before).ends_with(b".")
        };
        config.casing == Casing::Sentence
            && out_start != 0
            && (self.prev_proper || unknown)
            && after_a_stop()
    }

    /// Initials: single letters with a stop, right before the word written from `out_start`
    /// on (`Ж.Елебеков`, `Н. Ә. Назарбаев`), and no number before them (`2019 ж. Астана`).
    /// When the word is a name (capitalised as one, or unknown to the lexicon), the initials
    /// and the word take capitals.
    /// Only letters written from tote count (`input` is the text read before the word): a
    /// Cyrillic letter that passed through is left as it is.
    pub(super) fn capitalise_initials(
        &mut self,
        config: &Config,
        out: &mut String,
        out_start: usize,
        input: &str,
    ) {
        let unknown = self
            .last_word
            .is_some_and(|w| w.start == out_start && unknown_to_lexicon(config.words, w.known));
        if !self.initials_may_apply(config, out, out_start, unknown) {
            return;
        }
        let mut initials = Vec::new();
        let mut before = &out[..out_start];
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
            capitalise_at(out, at);
        }
        capitalise_at(out, out_start);
        self.prev_proper = true;
    }

    /// Updates the sentence state for the character `c` written between words (`before` and
    /// `after`: the text read before and after it).
    pub(super) fn track_between_words(
        &mut self,
        config: &Config,
        out: &str,
        scratch: &mut Scratch,
        c: char,
        before: &str,
        after: &str,
    ) {
        let next = || after.chars().next();
        match c {
            // A stop right after a one-letter word or a known abbreviation is the
            // abbreviation's: `т.б. көптеген`, `5 млн. адам`.
            '.' if self.after_one_letter_word(out)
                || self.after_abbreviation(config, out, scratch) => {}
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

    /// Whether the last thing written is a word the lexicon knows as an abbreviation whose
    /// stop ends no sentence (`млн`).
    fn after_abbreviation(&self, config: &Config, out: &str, scratch: &mut Scratch) -> bool {
        #[cfg(feature = "lexicon")]
        if let Some(word) = self
            .last_word
            .filter(|_| config.words == WordSource::Lexicon)
        {
            // (Known for a word from the cache, if nothing was written after it.)
            if let Some((end, stop)) = word.abbreviation_stop {
                if end == out.len() {
                    return stop;
                }
            }
            return is_abbreviation_stop(&out[word.start..], &mut scratch.key);
        }
        let _ = (config, out, scratch);
        false
    }

    /// Whether the last thing written is a word of one letter.
    fn after_one_letter_word(&self, out: &str) -> bool {
        // (One character is one whose length is all of it: no counting of the characters.)
        self.last_word.is_some_and(|word| {
            let written = &out[word.start..];
            written
                .chars()
                .next()
                .is_some_and(|c| c.len_utf8() == written.len())
        })
    }
}

impl Config<'_> {
    /// Whether a word (Cyrillic, as written) at a sentence start (`sentence_start`) takes its
    /// capital: in sentence casing, but for a speech verb ([`is_speech_verb`]). One test for
    /// the three places that write a word: `cached_plain_word`, `compound` (a word it found in
    /// the cache or spelled) and `emit_word` (a part of a compound spelled anew).
    #[inline]
    pub(super) fn takes_sentence_capital(&self, sentence_start: bool, word: &str) -> bool {
        sentence_start && self.casing == Casing::Sentence && !is_speech_verb(word)
    }
}

/// The one word that [`case_after_number`] cases though it is written in lower case: `с`, the
/// Celsius sign after a number.
const CELSIUS_LETTER: &str = "с";

/// Whether [`case_after_number`] may change the word written as `spelling` after a number: a
/// capitalised word (a month's name takes lower case) or the [`CELSIUS_LETTER`].
#[inline]
pub(super) fn may_case_after_a_number(spelling: &str) -> bool {
    letters::starts_upper(spelling) || spelling == CELSIUS_LETTER
}

/// Whether a word is unknown to the lexicon in use (`known`: whether the lexicon knew it):
/// the initials before it and a patronymic after it make a name of it. Never without the
/// lexicon.
#[inline]
pub(super) fn unknown_to_lexicon(words: WordSource, known: bool) -> bool {
    words == WordSource::Lexicon && !known
}

/// Whether, after a word that cases no word after it, none of the casing rules that run after
/// a word's spelling can change the word spelled `spelling`, or what is kept of it, but for
/// its sentence capital: no number before it may case it ([`may_case_after_a_number`]), it
/// is no name (`proper`) nor unknown to the lexicon (`unknown`: no initials before it make
/// it one), and it makes no name of the word before it (`name_head`). What the word cache
/// keeps as [`RecordHeader::quiet`](super::word_cache::RecordHeader::quiet).
pub(super) fn is_quiet_word(spelling: &str, proper: bool, unknown: bool, name_head: bool) -> bool {
    !may_case_after_a_number(spelling) && !proper && !unknown && !name_head
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

/// The marks that end a sentence or a clause in tote text ([`ends_sentence_or_clause`]); rules
/// that look ahead stop at them.
const SENTENCE_OR_CLAUSE_MARKS: [char; 7] = [
    '.',
    '!',
    '?',
    tote::QUESTION_MARK,
    ';',
    tote::SEMICOLON,
    ':',
];

/// Whether `mark` ends a sentence or a clause in tote text: after it (and the spaces after it)
/// no rule looks further back or ahead, so that a stream may cut a long line there (see
/// `stream`'s `is_safe_tote_cut`).
pub(crate) fn ends_sentence_or_clause(mark: char) -> bool {
    SENTENCE_OR_CLAUSE_MARKS.contains(&mark)
}

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

/// Whether `written` is a word the lexicon knows as an abbreviation whose stop ends no
/// sentence (`млн`), in any case (`key`: room for its lower case); never without the lexicon.
pub(super) fn is_abbreviation_stop(written: &str, key: &mut String) -> bool {
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

/// The last word written, for joining a patronymic to it.
#[derive(Clone, Copy, Debug)]
pub(super) struct LastWord {
    /// Where it starts in `out`.
    pub(super) start: usize,
    /// Its number of tote letters.
    pub(super) letters: usize,
    /// Whether the lexicon knew it.
    pub(super) known: bool,
    /// Where the word ends in `out` as the word cache wrote it, and whether a stop right
    /// after it ends no sentence ([`is_abbreviation_stop`]), if the cache told: what is written
    /// after it may recase it, but changes none of its letters.
    #[cfg_attr(not(feature = "lexicon"), allow(dead_code))]
    pub(super) abbreviation_stop: Option<(usize, bool)>,
}

/// Whether a Cyrillic word is one of the [`SPEECH_VERBS`] that start no sentence.
fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS
        .iter()
        .any(|verb| verb.starts_no_sentence && verb.cyrillic == word)
}

/// Appends `word` to `out` with its first letter upper-cased: what appending it and then
/// [`capitalise_at`] do, without rewriting `out`.
#[inline]
pub(super) fn push_capitalised(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.push(letters::capital(first).unwrap_or(first));
        out.push_str(chars.as_str());
    }
}

/// Upper-cases the first letter written at or after byte `start` of `out`.
#[inline]
pub(super) fn capitalise_at(out: &mut String, start: usize) {
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
