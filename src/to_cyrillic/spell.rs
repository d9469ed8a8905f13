//! Candidate spellings of a compound's words: from the lexicon, from the letter model, and by
//! the rules alone.

use crate::converter::Casing;
#[cfg(feature = "lexicon")]
use crate::lexicon::{self, letter_model};
#[cfg(feature = "lexicon")]
use crate::lexicon::{AfterName, Suffix, WordCase};
use crate::orthography::conventions::VOWELS_BEFORE_E;
use crate::orthography::letters::{self, tote};
use crate::orthography::patronyms;
use crate::style::{HamzaScope, HyphenSpacing, StyleRules, VowelThenE};

use super::abbreviations::capitalise_joined_abbreviation;
use super::casing::{capitalise_at, LastWord};
#[cfg(feature = "lexicon")]
use super::names::ARABIC_NAME_PARTICLES;
use super::names::{looks_like_surname, PartCase};
use super::reading::{Pass, RunsAfterVowellessParts};
use super::scan::{is_word_char, word_len, MAX_WORD_LETTERS};
use super::{Config, ToCyrillic};

impl ToCyrillic<'_> {
    /// Spells the compound starting at byte `start`; returns its length in bytes.
    pub(super) fn spell_compound(
        &mut self,
        text: &str,
        start: usize,
        pass: Pass,
        runs_after_vowelless_parts: RunsAfterVowellessParts,
    ) -> usize {
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
                && runs_after_vowelless_parts == RunsAfterVowellessParts::CarryTheFront
            {
                None
            } else {
                self.config.abbreviation_run(&text[i..])
            };
            let len = match abbreviation {
                Some((len, units)) => {
                    first_part.get_or_insert(PartCase::Abbreviation);
                    // (Known abbreviations only in a run that stands apart: next to other
                    // letters, the run's cut into groups changes how they read.)
                    let apart = !text[..i].ends_with(char::is_alphanumeric)
                        && !text[i + len..].starts_with(char::is_alphanumeric);
                    self.emit_abbreviation(&text[i..i + len], units, apart);
                    self.state.sentence_start = false;
                    self.state.last_word = None;
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
                    let alone =
                        i == start && self.config.joint(&text[i + len..], Some(false)).is_none();
                    let out_start = self.out.len();
                    let spelled = self.emit_word(word, carry_front, pass, alone);
                    carry_front = spelled.carry_front;
                    front_must_follow = spelled.vowelless;
                    match first_part {
                        None => first_part = Some(self.state.part_case(&self.out, out_start)),
                        Some(first) => self.state.case_later_part(
                            &self.config,
                            &mut self.out,
                            out_start,
                            first,
                            spelled.known_word,
                        ),
                    }
                    len
                }
            };
            i += len;
            match self.config.joint(&text[i..], run_hamza) {
                Some(joint_len) => {
                    self.out.push('-');
                    i += joint_len;
                }
                None => return i - start,
            }
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
        self.scratch.letters.clear();
        self.scratch
            .letters
            .extend(word.chars().filter(|&c| c != tote::HAMZA));
        if self.scratch.letters.is_empty() {
            // A hamza standing alone belongs to no word: it passes through (in the style's
            // code point, as `to_arabic` would have written it).
            self.out
                .extend(word.chars().map(|_| self.config.rules.hamza));
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
                .scratch
                .letters
                .iter()
                .any(|&c| letters::is_tote_front_marker(c));
        let hamza_check = (alone || inherits_hamza).then_some(alone && has_hamza || inherits_hamza);
        // No word is this long: such a run of letters is spelled by the rules (linear).
        let pass = if self.scratch.letters.len() > MAX_WORD_LETTERS {
            Pass::Rules
        } else {
            pass
        };
        let found = match pass {
            // An Arabic article that carries the hamza of its hyphenated word is the front
            // one (`ءال-فارابي` = `әл-Фараби`, not `ал-`).
            Pass::Lexicon => spell_from_lexicon(
                &self.config,
                &mut self.out,
                #[cfg(feature = "lexicon")]
                &mut self.scratch.key,
                &self.scratch.letters,
                self.state.prev_proper,
                hamza_check,
                !alone && has_hamza,
            ),
            _ => Found::Nothing,
        };
        let from_lexicon = found != Found::Nothing;
        self.state.last_word = Some(LastWord {
            start,
            letters: self.scratch.letters.len(),
            known: from_lexicon,
            abbreviation_stop: None,
        });
        if !from_lexicon {
            spell_by_rules(
                &self.config,
                &mut self.out,
                &self.scratch.letters,
                front_by_hamza,
                pass,
            );
            if pass == Pass::Rules {
                keep_patronyms_joined(&self.config, &mut self.out, start, alone);
            }
            capitalise_joined_abbreviation(
                &self.config,
                &mut self.out,
                &self.scratch.letters,
                start,
                word,
            );
        }
        let unseen_name = found != Found::Word && looks_like_surname(&self.out[start..])
            || found == Found::Nothing
                && pass == Pass::Lexicon
                && self
                    .config
                    .looks_like_name(&self.out[start..], self.scratch.letters.len());
        if unseen_name && self.config.casing == Casing::Sentence {
            capitalise_at(&mut self.out, start);
        }
        // A name (not just a sentence start) makes the next word of a name capitalised.
        self.state.prev_proper = letters::starts_upper(&self.out[start..]);
        if self
            .config
            .takes_sentence_capital(self.state.sentence_start, &self.out[start..])
        {
            capitalise_at(&mut self.out, start);
        }
        self.state.sentence_start = false;
        let vowelless = !self.scratch.letters.iter().any(|&c| is_tote_vowel(c));
        WordSpelled {
            carry_front: front_by_hamza
                && match self.config.rules.hamza_scope {
                    // The hamza of the whole word: unless this part has the front vowel it
                    // stands for, a later part has (`ءقازمۋ-دىڭ` = `ҚазМУ-дің`).
                    HamzaScope::WholeWord => !self.out[start..]
                        .chars()
                        .any(|c| letters::lower(c).is_some_and(letters::is_front_vowel)),
                    // Each part's own: only a part without vowels passes it on (`ء-`).
                    HamzaScope::EachPart | HamzaScope::EachLetterRun => vowelless,
                },
            vowelless,
            known_word: found == Found::Word,
        }
    }
}

impl Config<'_> {
    /// If a hyphen joins the word just read to another one, the length of the joint:
    /// `-` directly, or `- ` where the style writes that space itself and joining the words
    /// keeps their hamzas as they are (`run_hamza`: whether the current run began with one).
    pub(super) fn joint(&self, rest: &str, run_hamza: Option<bool>) -> Option<usize> {
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
            HamzaScope::EachPart | HamzaScope::EachLetterRun => true,
            HamzaScope::WholeWord => {
                let hamza_would_move = next_word.contains(tote::HAMZA);
                let marker_would_cancel =
                    run_hamza == Some(true) && next_word.chars().any(letters::is_tote_front_marker);
                !hamza_would_move && !marker_would_cancel
            }
        };
        (starts_with_letter && keeps_hamzas).then_some(2)
    }
}

/// The tote word is one word, but its spelling from `start` on ends in a patronymic
/// (`ұлы`, `қызы`) that `to_arabic` would write apart (`ке-сазұлі` -> `كە-سازۇلى` read
/// as `сазұлы`): the patronymic's last vowel is written `і` instead, which tote writes the
/// same way and which no style splits off.
///
/// A word of its own (`alone`) that has neither a front vowel nor a front marker keeps its
/// `ы`: an `і` would give it a hamza. No spelling of it converts back joined then (a joined
/// patronym is not the style's), and the plain one is kept.
pub(super) fn keep_patronyms_joined(config: &Config, out: &mut String, start: usize, alone: bool) {
    if !patronyms::splits_patronym(&out[start..], config.rules.patronymics) {
        return;
    }
    let front_or_marker = out[start..]
        .chars()
        .filter_map(letters::lower)
        .any(|c| letters::is_front_vowel(c) || letters::is_front_marker(c));
    if alone && !front_or_marker {
        return;
    }
    let word = out[start..].replace("ұлы", "ұлі").replace("қызы", "қызі");
    out.truncate(start);
    out.push_str(&word);
}

/// Writes `letters` (a word's tote letters, hamza removed) spelled by the rules: back vowels in a word without hamza and
/// front marker, front vowels in a word with a hamza, and in a word with a front marker
/// (where the hamza rule leaves the choice open) the choice of the letter model.
fn spell_by_rules(
    config: &Config,
    out: &mut String,
    letters: &[char],
    front_by_hamza: bool,
    pass: Pass,
) {
    let front_by_marker = letters
        .iter()
        .any(|&c| crate::orthography::letters::is_tote_front_marker(c));
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
        let slots = spell_alternatives(letters, vowels, config.rules);
        letter_model::get().choose(&slots, vowels == Vowels::OpenWithAFront, out);
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
    spell(letters, harmony, config.rules, out);
}

/// Writes the lexicon's spelling of `letters` (a word's tote letters, hamza removed; `key`:
/// room for its look-up key; `prev_proper`: whether a name comes right before it), if it has one that keeps the word's
/// hamza where it stands alone (a front vowel and no front marker exactly when the tote
/// has a hamza; `None` when it shares the hamza of a hyphenated word): the word
/// itself, else a known stem and a known suffix chain.
#[cfg(feature = "lexicon")]
fn spell_from_lexicon(
    config: &Config,
    out: &mut String,
    key: &mut String,
    letters: &[char],
    prev_proper: bool,
    has_hamza: Option<bool>,
    prefer_front: bool,
) -> Found {
    let lexicon = lexicon::get();
    lexicon::key_of_tote(letters, key);
    let takes_hamza = |parts: &[&str]| {
        let (front, marker) =
            parts
                .iter()
                .flat_map(|p| p.chars())
                .fold((false, false), |(front, marker), c| {
                    let lower = crate::orthography::letters::lower(c).unwrap_or(c);
                    (
                        front || crate::orthography::letters::is_front_vowel(lower),
                        marker || crate::orthography::letters::is_front_marker(lower),
                    )
                });
        front && !marker
    };
    let keeps_hamza = |parts: &[&str]| has_hamza.is_none_or(|hamza| takes_hamza(parts) == hamza);
    let words = lexicon.words(key);
    let preferred = prefer_front
        .then(|| {
            words
                .iter()
                .find(|w| takes_hamza(&[w.spelling]) && ARABIC_NAME_PARTICLES.contains(&w.spelling))
        })
        .flatten();
    let whole = preferred.or_else(|| words.iter().find(|w| keeps_hamza(&[w.spelling])));
    let found = match whole {
        Some(word) => Some((word, None)),
        None => lexicon
            .stem_and_suffix(key)
            .find(|(stem, suffix)| keeps_hamza(&[stem.spelling, suffix.ending]))
            .map(|(stem, suffix)| (stem, Some(suffix))),
    };
    let Some((stem, suffix)) = found else {
        return Found::Nothing;
    };
    let start = out.len();
    push_stem_and_suffix(out, stem.spelling, suffix.map_or("", |s| s.ending));
    // Part of a name only after another capitalised word; a suffix chain that makes
    // common words of names (`америкалық`) takes the stem's capital away.
    let not_a_name = (stem.case == WordCase::AfterCapital && !prev_proper)
        || suffix.is_some_and(|s| !keeps_a_name(s));
    let lower_case = match config.casing {
        Casing::Lower => Some(out.len()),
        Casing::Sentence if not_a_name => out[start..].chars().next().map(|c| start + c.len_utf8()),
        Casing::Sentence => None,
    };
    if let Some(end) = lower_case {
        let lower = out[start..end].to_lowercase();
        out.replace_range(start..end, &lower);
    }
    // A common word and a chain that makes names of such words: `тоқтар` + `бай`.
    let made_name = suffix.is_some_and(|s| s.makes_name)
        && !crate::orthography::letters::starts_upper(stem.spelling);
    if made_name && config.casing == Casing::Sentence {
        capitalise_at(out, start);
    }
    // A word seen only at sentence starts or a dictionary word in lower case: a
    // capitalised stem (`Мағауия` + `ның`), or without one, the name model, tells that
    // it is a name.
    // (An analysis with such a stem stays in lower case: measured better on the held-out
    // lines than asking the name model.)
    if stem.case == WordCase::Open && suffix.is_none() && config.casing == Casing::Sentence {
        let by_stem = lexicon
            .stem_and_suffix(key)
            .find(|(stem, suffix)| {
                stem.case != WordCase::Open && keeps_hamza(&[stem.spelling, suffix.ending])
            })
            .map(|(stem, suffix)| {
                crate::orthography::letters::starts_upper(stem.spelling)
                    && (stem.case == WordCase::AsSpelled || prev_proper)
                    && keeps_a_name(suffix)
            });
        let name = by_stem.unwrap_or_else(|| config.looks_like_name(&out[start..], letters.len()));
        if name {
            capitalise_at(out, start);
        }
    }
    if suffix.is_none() {
        Found::Word
    } else {
        Found::Analysis
    }
}

#[cfg(not(feature = "lexicon"))]
fn spell_from_lexicon(
    _config: &Config,
    _out: &mut String,
    _letters: &[char],
    _prev_proper: bool,
    _has_hamza: Option<bool>,
    _prefer_front: bool,
) -> Found {
    Found::Nothing
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
pub(super) fn is_tote_vowel(c: char) -> bool {
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
