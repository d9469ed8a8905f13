//! Walking the tote text: words, the gaps between them and line starts. The loop of the
//! reader ([`ToCyrillic::run`]), the tables that tell tote word characters, and the lengths of
//! words, plain words and compounds.

use crate::converter::Casing;
use crate::orthography::conventions::VOWELS_BEFORE_E;
use crate::orthography::letters::{self, tote, ARABIC_LEAD_FIRST, ARABIC_LEAD_LAST};
use crate::orthography::{conventions, patronyms};
use crate::script::normalize;
use crate::script::segment;
use crate::style::{VowelThenE, YearHyphen};

use super::casing::{case_after_number, CasingState, LastWord};
use super::names::{LastCompounds, PlainWord, Written};
use super::window::{first_ascii_in, window_byte, Window, WindowWords, WINDOW_BYTES};
use super::{Config, ToCyrillic};

impl ToCyrillic<'_> {
    /// Converts `text` (the whole text or a piece of it after a line feed), appending to
    /// `self.out`. With `check_clean`, `text` is read as it is, before clean-up: Arabic
    /// punctuation is read as the clean-up writes it, and at any other place that needs
    /// clean-up ([`normalize::cleanup_at`]) it stops and returns the start of that place's
    /// line, to be cleaned up and read again from there. Such places are never part of a word
    /// or of a space between words, so every one of them reaches the check below.
    pub(super) fn run(&mut self, text: &str, check_clean: bool) -> Result<(), LineStart> {
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut line = self.line_start(0);
        while let Some(&b) = bytes.get(i) {
            // The single space between two words, without decoding: the general path below
            // does nothing else with it.
            if b == b' ' {
                if !self.config.year_space(text, i) {
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
                let sentence_start = self.state.sentence_start;
                i += self.compound(text, i);
                case_after_number(&mut self.out, &self.config, out_start, &text[i..]);
                self.state.capitalise_initials(
                    &self.config,
                    &mut self.out,
                    out_start,
                    &text[..word_start],
                );
                let this = Written {
                    start: out_start,
                    end: self.out.len(),
                    sentence_start,
                };
                // Only a name makes a name of a word before it.
                if self.config.casing == Casing::Sentence && this.is_name(&self.out) {
                    self.state.last_compounds.case_given_names(
                        &self.config,
                        &mut self.out,
                        out_start,
                    );
                    self.state
                        .last_compounds
                        .case_name_in_a_list(&mut self.out, this);
                }
                self.state.last_compounds.push(this);
                self.state.sentence_start = false;
                if self
                    .state
                    .joins_patronym(&self.config, &mut self.out, &text[i..])
                {
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
                    self.state.sentence_start = false;
                    i += len;
                    continue;
                }
            }
            self.state.track_between_words(
                &self.config,
                &self.out,
                &mut self.scratch,
                written,
                &text[..i],
                &text[i + c.len_utf8()..],
            );
            // (Not a space: spaces are written above.)
            self.state.prev_proper = false;
            // Only after a tote word just spelled: Cyrillic that passes through is left as it is.
            let after_tote_word = || text[..i].chars().next_back().is_some_and(is_word_char);
            if segment::is_combining_mark(c) && after_tote_word() {
                keep_mark_apart(&self.config, &mut self.out, c, &text[..i]);
            }
            self.out.push(written);
            i += c.len_utf8();
            if c == '\n' {
                line = self.line_start(i);
            }
        }
        Ok(())
    }

    /// The state of the conversion at byte `at` of the text being read, a line start.
    fn line_start(&self, at: usize) -> LineStart {
        LineStart {
            at,
            out_len: self.out.len(),
            sentence_start: self.state.sentence_start,
            last_word: self.state.last_word,
            prev_proper: self.state.prev_proper,
            last_plain: self.state.last_plain,
        }
    }
}

impl Config<'_> {
    /// Whether the space at `at` is the one `to_arabic` puts into `1969 -جىلى` (then it is
    /// dropped: `1969-жылы`).
    pub(super) fn year_space(&self, text: &str, at: usize) -> bool {
        // (The text read has the clean-up's hamza, U+0621, whatever the style's.)
        // (A digit right before the space is tested first: this runs at every space.)
        self.rules.year_hyphen == YearHyphen::SpaceBefore
            && at > 0
            && text.as_bytes()[at - 1].is_ascii_digit()
            && conventions::ends_four_digit_year(text.as_bytes(), at)
            && text[at + 1..]
                .strip_prefix('-')
                .is_some_and(|rest| conventions::starts_with_jyl(rest, tote::HAMZA))
    }
}

/// A combining mark follows the word just written: if it would compose with the word's
/// last letter into another letter of the table (`и` + U+0306 = `й`, `е` + U+0308 = `ё`),
/// that letter is written in its other spelling of the same tote letter (`й`, `э`), so
/// that `to_arabic` keeps the mark apart as the tote had it.
fn keep_mark_apart(config: &Config, out: &mut String, mark: char, tote_before: &str) {
    let Some(last) = out.chars().next_back() else {
        return;
    };
    let composes =
        unicode_normalization::char::compose(last, mark).is_some_and(letters::is_cyrillic_letter);
    let other = match last {
        'и' => 'й',
        'И' => 'Й',
        'е' => 'э',
        'Е' => 'Э',
        _ => return,
    };
    if composes {
        out.pop();
        // `е` after a vowel read the yeh before it (`يە`) as the one the style inserts
        // (`ма` + `يە` -> `мае`); `э` takes no yeh, so the yeh is written as `й`.
        let before = out.chars().next_back().and_then(letters::lower);
        let yeh_dropped = matches!(last, 'е' | 'Е')
            && config.rules.vowel_then_e == VowelThenE::InsertYeh
            && tote_before.ends_with("\u{064A}\u{06D5}")
            && before.is_some_and(|c| VOWELS_BEFORE_E.contains(&c));
        if yeh_dropped {
            out.push(if last == 'Е' { 'Й' } else { 'й' });
        }
        out.push(other);
    }
}

/// If `text` starts with a plain word (two or more letters, no hyphen after it: it cannot
/// be part of an abbreviation run or a hyphenated word), that word. Its spelling depends only
/// on the converter's configuration and on whether a name comes right before it, so it is
/// cached.
pub(super) fn plain_word(text: &str) -> Option<&str> {
    let (len, letters) = word_len_and_letters(&WORD_CHARS, text.as_bytes());
    let cacheable = (2..=MAX_WORD_LETTERS).contains(&letters);
    (cacheable && text.as_bytes().get(len) != Some(&b'-')).then_some(&text[..len])
}

/// If `text` starts with a compound that is no plain word and that [`ToCyrillic::cached`]
/// caches, that compound: a hyphenated word or a word of one letter. That is one or more
/// parts joined by single hyphens (`-` right before a word character), each with a letter
/// besides the hamza, the last with two or more or else without a one-letter word after the
/// space after it (it could start a letter-spaced abbreviation run), and no hyphen right
/// after it (no `- ` joint of [`HyphenSpacing::SpaceAfter`](crate::style::HyphenSpacing::SpaceAfter)). Its spelling depends only on the
/// configuration, on whether a name comes right before it and on whether it starts a
/// sentence.
pub(super) fn cacheable_compound(text: &str) -> Option<&str> {
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
/// [`patronyms::split_patronym_forms`], every one of which has more (checked by a test): a
/// word that starts with none of them is none of them. (Many words start with `ق`, few with
/// `قى`: this runs after every word before another.)
pub(super) static PATRONYM_STARTS: std::sync::LazyLock<Vec<[u8; 4]>> =
    std::sync::LazyLock::new(|| {
        let mut starts: Vec<[u8; 4]> = patronyms::split_patronym_forms()
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
pub(super) fn starts_as_patronym(starts: &[[u8; 4]], bytes: &[u8]) -> bool {
    bytes
        .first_chunk::<4>()
        .is_some_and(|first| starts.contains(first))
}

/// Longest word spelled with data (and cached); longer runs of letters are no words.
pub(super) const MAX_WORD_LETTERS: usize = 64;

/// Where [`ToCyrillic::run`] can read a text again from: the start of a line, and the state
/// of the conversion there.
#[derive(Clone, Copy, Debug)]
pub(super) struct LineStart {
    /// Byte offset of the line in the text read.
    pub(super) at: usize,
    /// Length of the output before the line.
    pub(super) out_len: usize,
    /// The casing state before the line, but for the compounds before it, which join no
    /// word after it.
    sentence_start: bool,
    last_word: Option<LastWord>,
    prev_proper: bool,
    last_plain: Option<PlainWord>,
}

impl LineStart {
    /// The casing state to read the line again with.
    pub(super) fn state(&self) -> CasingState {
        CasingState {
            sentence_start: self.sentence_start,
            last_word: self.last_word,
            prev_proper: self.prev_proper,
            last_plain: self.last_plain,
            last_compounds: LastCompounds::default(),
        }
    }
}

/// Which code points of U+0600..U+06FF can be part of a tote word, by offset from U+0600:
/// [`WORD_LETTER`] for the tote letters of the letter table, [`WORD_HAMZA`] for the hamza, 0
/// for the others. Derived from the table once.
pub(super) static WORD_CHARS: std::sync::LazyLock<[u8; 256]> = std::sync::LazyLock::new(|| {
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
pub(super) fn is_word_char(c: char) -> bool {
    let offset = (c as u32).wrapping_sub(0x0600);
    offset < 256 && WORD_CHARS[offset as usize] != 0
}

/// [`char::is_alphabetic`], the letters of either script first (from their tables, not the
/// Unicode data's search: the rules between words ask it of tote and Cyrillic words).
#[inline]
pub(super) fn is_alphabetic(c: char) -> bool {
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
    // (The rows of U+0600..U+06FF, one per lead byte; a wrapped lead below the first is no
    // row.)
    let row = lead.wrapping_sub(ARABIC_LEAD_FIRST);
    if row > ARABIC_LEAD_LAST - ARABIC_LEAD_FIRST {
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
pub(super) fn plain_word_end(
    table: &[u8; 256],
    window: &Window,
    words: &WindowWords,
) -> Option<usize> {
    let end = first_ascii_in(words);
    let word_char_before = |end: usize| {
        let lead = window_byte(window, end.wrapping_sub(2));
        word_char_class(table, lead, window_byte(window, end.wrapping_sub(1))) != 0
    };
    if end >= WINDOW_BYTES {
        None
    } else if word_char_before(end) {
        Some(end)
    } else if letters::is_arabic_lead(window_byte(window, end.wrapping_sub(2)))
        && word_char_before(end.wrapping_sub(2))
    {
        Some(end.wrapping_sub(2))
    } else {
        None
    }
}

/// Length in bytes of the tote word at the start of `text` (0 if none). Works on the UTF-8
/// bytes: every tote letter is two bytes, a lead byte of the Arabic block
/// ([`ARABIC_LEAD_FIRST`]..=[`ARABIC_LEAD_LAST`]) and a continuation byte.
pub(super) fn word_len(text: &str) -> usize {
    word_len_and_letters(&WORD_CHARS, text.as_bytes()).0
}

/// [`word_len`], and how many of the word's characters are letters (not hamzas). One pass
/// over the bytes, one table look-up a character (every tote word character is two bytes).
#[inline(always)]
pub(super) fn word_len_and_letters(table: &[u8; 256], bytes: &[u8]) -> (usize, usize) {
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

/// If `text` starts with a one-letter tote word (an optional hamza before a vowel letter, then
/// one letter) that ends at a non-letter, its byte length.
pub(super) fn single_letter_word(text: &str) -> Option<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::to_cyrillic::window::{
        hash_finish, hash_window, padded_window, window_of, window_prefix, word_hash,
    };

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
    fn every_patronymic_form_has_the_two_letters_its_start_is_looked_up_by() {
        // (`PATRONYM_STARTS` holds the first four bytes of each form.)
        for form in patronyms::split_patronym_forms() {
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
}
