//! Casing of names: casing pairs, heads of names, names in lists, given names before surnames,
//! later parts of hyphenated names, and patronymics joined to a father's name.

use crate::converter::Casing;
#[cfg(feature = "lexicon")]
use crate::converter::WordSource;
#[cfg(feature = "lexicon")]
use crate::lexicon;
#[cfg(feature = "lexicon")]
use crate::lexicon::PairCase;
use crate::orthography::letters;
use crate::orthography::{conventions, patronyms};
use crate::script::segment;
use crate::style::Patronymics;

use super::casing::CasingState;
use super::casing::{capitalise_at, unknown_to_lexicon};
use super::scan::{starts_as_patronym, word_len};
#[cfg(feature = "lexicon")]
use super::word_cache::{SLOT_NAME_HEAD, SLOT_PAIR_FIRST};
use super::{Config, PairWord, Scratch};

impl CasingState {
    /// Whether `rest` starts with a space and a patronymic the style splits off (`ۇلى`,
    /// `قىزىنىڭ`) after the name just written: then the two are written as one word, and the
    /// name gets its capital. Only after a name: a capitalised word or one the lexicon does
    /// not know (with the lexicon in use; `оның ұлы`, `Абай ұлы ақын` keep their space), of
    /// enough letters for `to_arabic` to split it off again.
    pub(super) fn joins_patronym(&self, config: &Config, out: &mut String, rest: &str) -> bool {
        let Some(name) = self.last_word else {
            return false;
        };
        let Some(next) = rest.strip_prefix(' ') else {
            return false;
        };
        let min_letters = match config.rules.patronymics {
            Patronymics::SplitAfterName => 2,
            Patronymics::SplitEverywhere => 1,
            // The writer never splits one off: the space was written.
            Patronymics::Never => return false,
        };
        let unknown = unknown_to_lexicon(config.words, name.known);
        let written = &out[name.start..];
        // A capital of a sentence start makes no name of a word the lexicon knows in lower
        // case (`Мен ұлы`).
        let capitalised = || {
            letters::starts_upper(written)
                && !(name.known
                    && self.last_compounds[0].is_some_and(|w| w.sentence_start)
                    && !config.is_name(written))
        };
        // The cheap tests first, the lexicon's last: this runs after every word followed by a
        // space.
        if name.letters < min_letters {
            return false;
        }
        let patronym = &next[..word_len(next)];
        if !starts_as_patronym(config.patronym_starts, patronym.as_bytes()) {
            return false;
        }
        let Some(form) = patronyms::split_patronym_forms()
            .iter()
            .find(|form| form.tote == patronym)
        else {
            return false;
        };
        // A name glued to letters, marks or joiners before it is part of a chain that
        // `to_arabic` reads as a whole, and may keep a patronymic joined to it (a joiner next to
        // a Latin look-alike does): joined, it would not be written apart again.
        let glued = out[..name.start].chars().next_back().is_some_and(|c| {
            c.is_alphanumeric() || conventions::is_joiner(c) || segment::is_combining_mark(c)
        });
        if glued {
            return false;
        }
        let joins = (unknown || capitalised()) && !ends_in_case_ending(written)
            || config.is_name(&[written, form.cyrillic.as_str()].concat());
        if joins && config.casing == Casing::Sentence {
            capitalise_at(out, name.start);
        }
        joins
    }

    /// Two plain words with one space between them that the lexicon writes together in
    /// another casing than their own (`орта азия` -> `Орта Азия`): rewrites their casing (a
    /// sentence start keeps its capital).
    pub(super) fn case_pair(
        &mut self,
        out: &mut String,
        scratch: &mut Scratch,
        first: PlainWord,
        second: PlainWord,
    ) {
        let Some(first_word) = first.pair_word else {
            return;
        };
        if first.end + 1 != second.start || out.as_bytes()[first.end] != b' ' {
            return;
        }
        #[cfg(feature = "lexicon")]
        {
            let pair = second
                .pair_word
                .and_then(|second_word| lexicon::get().pair_casing(first_word, second_word));
            let Some([first_case, second_case]) = pair else {
                case_by_next_word(out, &mut scratch.recased, first_word, first, second);
                return;
            };
            if !first.sentence_start {
                set_case(
                    out,
                    &mut scratch.recased,
                    first.start..first.end,
                    first_case,
                );
            }
            if !second.sentence_start {
                set_case(
                    out,
                    &mut scratch.recased,
                    second.start..second.end,
                    second_case,
                );
            }
            self.prev_proper =
                !second.sentence_start && letters::starts_upper(&out[second.start..]);
        }
        #[cfg(not(feature = "lexicon"))]
        let _ = (first_word, scratch);
    }

    /// How the first part of a hyphenated word, written from `start` on, is cased.
    pub(super) fn part_case(&self, out: &str, start: usize) -> PartCase {
        let capital = letters::starts_upper(&out[start..]);
        match (capital, self.prev_proper) {
            (false, _) if ARABIC_NAME_PARTICLES.contains(&&out[start..]) => {
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
    pub(super) fn case_later_part(
        &self,
        config: &Config,
        out: &mut String,
        start: usize,
        first: PartCase,
        known_word: bool,
    ) {
        if config.casing != Casing::Sentence || letters::is_all_caps(&out[start..]) {
            return;
        }
        let name_after_particle = first == PartCase::ArabicParticle
            && (self.prev_proper || config.case_unknown(&out[start..]));
        match first {
            _ if name_after_particle => capitalise_at(out, start),
            PartCase::Lower | PartCase::ArabicParticle => {
                let lower = out[start..].to_lowercase();
                if lower.len() == out.len() - start {
                    out.replace_range(start.., &lower);
                }
            }
            PartCase::Name if !known_word => capitalise_at(out, start),
            _ => {}
        }
    }
}

impl LastCompounds {
    /// A lower-case word between two names in a list is a name too (`Талас, Ертіс, сыр, Іле`
    /// -> `Сыр`; `Сенегал, мали және Гвинея` -> `Мали`): capitalised when `this`, the
    /// compound just written, a name, stands after `, ` or after a conjunction (`және`,
    /// `мен`, ...) and a space, and before that stand the lower-case word and, before `, `, a
    /// name (not a sentence start).
    pub(super) fn case_name_in_a_list(&self, out: &mut String, this: Written) {
        let [Some(last), Some(before), before_that] = self.get() else {
            return;
        };
        let (word, first) = if is_between(out, last, this, ", ") {
            (last, Some(before))
        } else if is_between(out, before, last, " ")
            && is_between(out, last, this, " ")
            && LIST_CONJUNCTIONS.contains(&&out[last.start..last.end])
        {
            (before, before_that)
        } else {
            return;
        };
        let Some(first) = first else {
            return;
        };
        let lower_word = out
            .get(word.start..word.end)
            .is_some_and(is_lower_case_word);
        let applies = is_between(out, first, word, ", ") && lower_word && first.is_name(out);
        if applies {
            capitalise_at(out, word.start);
        }
    }

    /// The word right before a surname (the word written from `out_start` on, a name: one in
    /// `-ов`/`-ев`) is a given name. One whose case the lexicon does not know takes a
    /// capital (`садыр Жапаров` -> `Садыр Жапаров`, `жанат Момынқұлов`); a hyphenated one
    /// whose first part the lexicon knows as a name is a double given name, whose later parts
    /// are names too even where the lexicon knows them as common words (`Қасым-жомарт
    /// Тоқаев` -> `Қасым-Жомарт Тоқаев`). Words the lexicon knows keep their case (`министр
    /// Ахметов`, `мен Ахметов`).
    pub(super) fn case_given_names(&self, config: &Config, out: &mut String, out_start: usize) {
        let Some(Written { start, end, .. }) = self[0] else {
            return;
        };
        let applies = end + 1 == out_start
            && out.as_bytes().get(end) == Some(&b' ')
            && looks_like_surname(&out[out_start..]);
        let Some(name) = out.get(start..end).filter(|_| applies) else {
            return;
        };
        let Some((first, _)) = name.split_once('-') else {
            if is_lower_case_word(name)
                && (config.case_unknown(name) && !is_title_word(name)
                    || self.follows_a_title(out, name))
            {
                capitalise_at(out, start);
            }
            return;
        };
        if !letters::starts_upper(first) || !config.is_name(first) {
            return;
        }
        let later_parts: Vec<usize> = name
            .match_indices('-')
            .map(|(hyphen, _)| start + hyphen + 1)
            .collect();
        for part in later_parts {
            capitalise_at(out, part);
        }
    }

    /// Whether `name`, the compound written last, a word in the nominative (no possessive,
    /// genitive, locative or dative ending) between a lower-case title and a surname, is a given name, whatever the
    /// lexicon says of the word: `хатшысы Сұлтан Раевпен`, `сарапшысы Талшын Италиева`
    /// (a title has the possessive ending: `министрі`, `әкімі`, `төрағасы`).
    fn follows_a_title(&self, out: &str, name: &str) -> bool {
        let [Some(given), Some(title), _] = self.get() else {
            return false;
        };
        let title_word = &out[title.start..title.end];
        let lower_case = is_lower_case_word(title_word)
            || title.sentence_start && is_lower_case_word(&title_word.to_lowercase());
        is_between(out, title, given, " ")
            && lower_case
            && is_title_word(title_word)
            && name.chars().count() > 3
            && !has_possessive_ending(name)
            && !ends_in_case_ending(name)
            && !["ға", "ге", "қа"]
                .iter()
                .any(|dative| name.ends_with(dative))
    }
}

impl Written {
    /// Whether a compound was written with a capital that is no sentence start's: a name.
    #[inline]
    pub(super) fn is_name(self, out: &str) -> bool {
        !self.sentence_start && letters::starts_upper(&out[self.start..])
    }
}

impl Config<'_> {
    /// Whether the lexicon, in use, does not know the case of `word` (Cyrillic): no such word,
    /// or one of open case (a dictionary word: `жанат`); never without the lexicon.
    pub(super) fn case_unknown(&self, word: &str) -> bool {
        #[cfg(feature = "lexicon")]
        if self.words == WordSource::Lexicon {
            return !lexicon::get().knows_case_of(word);
        }
        let _ = word;
        false
    }

    /// Whether the lexicon knows `word` (Cyrillic) as a name; never without the lexicon.
    pub(super) fn is_name(&self, word: &str) -> bool {
        #[cfg(feature = "lexicon")]
        if self.words == WordSource::Lexicon {
            return lexicon::get().is_name(word);
        }
        let _ = word;
        false
    }

    /// The number of `word` (as written) among the words of casing pairs.
    pub(super) fn pair_word(&self, word: &str) -> Option<PairWord> {
        #[cfg(feature = "lexicon")]
        if self.words == WordSource::Lexicon && self.casing == Casing::Sentence {
            return lexicon::get().pair_word(&word.to_lowercase());
        }
        let _ = word;
        None
    }

    /// Whether `word` (as written, of `letters` tote letters), whose case the lexicon does not
    /// give, looks like a name to the lexicon's name model.
    pub(super) fn looks_like_name(&self, word: &str, letters: usize) -> bool {
        #[cfg(feature = "lexicon")]
        if self.casing == Casing::Sentence && letters >= MIN_NAME_LETTERS {
            return lexicon::get().looks_like_name(&word.to_lowercase());
        }
        let _ = (word, letters);
        false
    }
}

/// Whether exactly `between` stands between two compounds written one after the other.
#[inline]
fn is_between(out: &str, first: Written, second: Written, between: &str) -> bool {
    first.end + between.len() == second.start && out.get(first.end..second.start) == Some(between)
}

/// The record flags of a plain word with this pair word: [`SLOT_PAIR_FIRST`],
/// [`SLOT_NAME_HEAD`].
pub(super) fn pair_flags(pair_word: Option<PairWord>) -> u8 {
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

/// A lower-case word whose case the lexicon does not know, one space before a word after
/// which the corpus mostly has names (`қаласы`, `ханның`), is a name: `бішкек қаласында`
/// -> `Бішкек қаласында`.
pub(super) fn case_before_name_head(
    config: &Config,
    out: &mut String,
    first: PlainWord,
    second: PlainWord,
) {
    #[cfg(feature = "lexicon")]
    {
        let Some(head) = second.pair_word else {
            return;
        };
        let applies = !first.sentence_start
            && first.end + 1 == second.start
            && out.as_bytes()[first.end] == b' '
            && lexicon::get().is_name_head(head)
            && !letters::starts_upper(&out[first.start..])
            && config.case_unknown(&out[first.start..first.end]);
        if applies {
            capitalise_at(out, first.start);
        }
    }
    #[cfg(not(feature = "lexicon"))]
    let _ = (config, out, first, second);
}

/// Cases the first of two plain words with one space between them by the second, as
/// the lexicon's [`casing_before`](lexicon::Lexicon::casing_before) says (`оңтүстік` +
/// `Америка` -> `Оңтүстік Америка`).
#[cfg(feature = "lexicon")]
fn case_by_next_word(
    out: &mut String,
    recased: &mut String,
    word: PairWord,
    first: PlainWord,
    second: PlainWord,
) {
    if first.sentence_start {
        return;
    }
    let Some(case) = lexicon::get().casing_before(word) else {
        return;
    };
    let second_capital = letters::starts_upper(&out[second.start..]);
    let applies = match case {
        PairCase::Capital => second_capital && !second.sentence_start,
        PairCase::Lower => !second_capital,
        _ => false,
    };
    if applies {
        set_case(out, recased, first.start..first.end, case);
    }
}

impl PlainWord {
    /// Whether [`CasingState::case_pair`] may change this word or the next plain word, one in
    /// a casing pair or not (`next_in_a_pair`): where the lexicon cases this word by the word
    /// after it, or this word is the first of a pair and the next one in one.
    #[inline]
    pub(super) fn may_case_pair_with(self, next_in_a_pair: bool) -> bool {
        self.cased_before || self.first_of_pair && next_in_a_pair
    }
}

/// Shortest word the name model may capitalise, in tote letters.
#[cfg(feature = "lexicon")]
const MIN_NAME_LETTERS: usize = 3;

/// A plain word just written (see [`plain_word`](super::scan::plain_word)), for casing it with the next one.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(not(feature = "lexicon"), allow(dead_code))]
pub(super) struct PlainWord {
    /// Where it starts and ends in `out`.
    pub(super) start: usize,
    pub(super) end: usize,
    /// Its number among the words of casing pairs.
    pub(super) pair_word: Option<PairWord>,
    /// Whether it starts a sentence (its capital stays).
    pub(super) sentence_start: bool,
    /// Whether it is the first word of a casing pair ([`lexicon::Lexicon::is_pair_first`];
    /// true where that is not known).
    pub(super) first_of_pair: bool,
    /// Whether the lexicon cases it by the word after it
    /// ([`lexicon::Lexicon::casing_before`]; true where that is not known). Unless one of
    /// the two, [`CasingState::case_pair`] changes nothing.
    pub(super) cased_before: bool,
}

/// Whether the lexicon cases the word of this pair word by the word after it
/// ([`lexicon::Lexicon::casing_before`]); never without the lexicon.
pub(super) fn has_casing_before(pair_word: Option<PairWord>) -> bool {
    #[cfg(feature = "lexicon")]
    if let Some(word) = pair_word {
        return lexicon::get().casing_before(word).is_some();
    }
    let _ = pair_word;
    false
}

/// The lower-case first parts of Arabic names (`әл-Фараби`, `ад-Дин`, `ибн-Сина`): the
/// article in its assimilated forms, and `ибн`, `бин`.
pub(super) const ARABIC_NAME_PARTICLES: &[&str] = &[
    "әл", "ал", "әд", "ад", "әс", "ас", "әр", "ар", "әт", "ат", "әш", "аш", "ән", "ан", "әз", "аз",
    "ибн", "бин",
];

/// The conjunctions before the last item of a list (`Талас, Ертіс және Іле`).
const LIST_CONJUNCTIONS: &[&str] = &["және", "мен", "пен", "бен", "немесе", "әрі"];

/// Where a compound was written in `out`, and whether it started a sentence.
#[derive(Clone, Copy, Debug)]
pub(super) struct Written {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) sentence_start: bool,
}

/// The last three compounds written ([`CasingState::last_compounds`]), in a ring: a word
/// written is one store, not a shift of all three (this runs at every word), and the few
/// rules that read them, after names only, put them in order.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct LastCompounds {
    pub(super) ring: [Option<Written>; 3],
    /// The place in `ring` of the last one.
    pub(super) last: usize,
}

impl LastCompounds {
    /// `written` is the last one now.
    #[inline]
    pub(super) fn push(&mut self, written: Written) {
        self.last = if self.last >= 2 { 0 } else { self.last + 1 };
        if let Some(slot) = self.ring.get_mut(self.last) {
            *slot = Some(written);
        }
    }

    /// The three, the last first.
    pub(super) fn get(&self) -> [Option<Written>; 3] {
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
pub(super) fn set_case(
    out: &mut String,
    recased: &mut String,
    range: std::ops::Range<usize>,
    case: PairCase,
) {
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

/// Whether a Cyrillic word of more than three letters has the possessive ending of a title
/// before a name (`министрі`, `әкімі`, `хатшысы`).
fn is_title_word(word: &str) -> bool {
    word.chars().count() > 3 && has_possessive_ending(word)
}

/// How the first part of a hyphenated word is cased.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PartCase {
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

/// Whether a word the lexicon does not know looks like a Russian-style surname: a stem of
/// two or more letters, `-ев`/`-ов`/`-ёв` (`-ева`, `-евич`, ...), and at most a short
/// ending: `Тоқаевтың`, `Италиева`, `Раевпен`. Native Kazakh words have no such `в`.
pub(super) fn looks_like_surname(word: &str) -> bool {
    // (Most words have no `в` or `В`: a byte search first.)
    let (ve, capital_ve) = ("в".as_bytes(), "В".as_bytes());
    let has_ve = word
        .as_bytes()
        .iter()
        .any(|&b| b == ve[1] || b == capital_ve[1])
        && word
            .as_bytes()
            .windows(2)
            .any(|pair| pair == ve || pair == capital_ve);
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
