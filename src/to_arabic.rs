//! Cyrillic -> tote: the letter table, the hamza rule and the style conventions around words.
//!
//! The text is scanned once. Runs of letters joined by single hyphens form a *compound*
//! (`іс-шара`); each compound is converted as a whole, because the hamza rule and several
//! style conventions (hamza scope, hyphen spacing, abbreviations) look at all of its parts.
//! Everything that is not part of a Cyrillic word is copied unchanged, except the three
//! punctuation marks the style rewrites (`,` `?` `;`) and the space of `1969 -جىلى`.

use std::borrow::Cow;

use crate::letters::{self, tote};
use crate::normalize;
use crate::segment::{self, WordChar};
use crate::style::{
    Abbreviations, CommaRule, HamzaAtQuote, HamzaScope, HyphenSpacing, Patronymics, StyleRules,
    VowelThenE, YearHyphen,
};

/// Longest all-caps word treated as an abbreviation (`ҰҚШҰ`, `ҚРСІМ`); longer all-caps words
/// (`ТҮРКСОЙ`, headlines) are converted as words.
pub(crate) const MAX_ABBREVIATION_LEN: usize = 5;

/// Vowels after which `е` gets an inserted `ي` in [`VowelThenE::InsertYeh`] styles.
const VOWELS_BEFORE_E: &[char] = &['а', 'ә', 'о', 'ө', 'ұ', 'ү', 'ы', 'і', 'я', 'ю', 'ё'];

/// Converts Cyrillic text to tote in the given style.
pub(crate) fn to_arabic<'a>(text: &'a str, rules: &StyleRules) -> Cow<'a, str> {
    if !needs_conversion(text, rules) {
        return Cow::Borrowed(text);
    }
    let mut converter = ToArabic {
        rules,
        out: String::with_capacity(text.len() + text.len() / 8),
        word: Vec::new(),
        parts: Vec::new(),
    };
    converter.run(text);
    Cow::Owned(converter.out)
}

/// Whether anything in `text` can change: a Cyrillic letter or a punctuation mark the style
/// rewrites. Checked on bytes: every Cyrillic letter starts with a byte in 0xD0..=0xD3.
fn needs_conversion(text: &str, rules: &StyleRules) -> bool {
    text.bytes().any(|b| {
        matches!(b, 0xD0..=0xD3 | b'?' | b';')
            || (b == b',' && rules.comma == CommaRule::ArabicExceptBetweenDigits)
    })
}

/// One letter of a word being converted.
#[derive(Clone, Copy, Debug)]
struct Letter {
    /// The character as written (after look-alike repair and composition).
    written: char,
    /// Its lower-case Cyrillic letter, or `None` for a character outside the table (passed
    /// through: Latin letters in a mixed word, combining marks that do not compose).
    lower: Option<char>,
}

/// A part of a compound: a range of `ToArabic::word`.
#[derive(Clone, Copy, Debug)]
struct Part {
    start: usize,
    end: usize,
    /// Letter-spaced abbreviation (`ИЫҰ`).
    abbreviation: bool,
    /// Start of a split-off `ұлы`/`қызы` (`Қабышұлы`), if any: `start..split` is the stem.
    split: Option<usize>,
    /// Whether the part has at least one Cyrillic letter (else it passes through).
    cyrillic: bool,
}

struct ToArabic<'r> {
    rules: &'r StyleRules,
    out: String,
    /// Letters of the compound being converted (reused between words).
    word: Vec<Letter>,
    /// Parts of the compound being converted (reused between words).
    parts: Vec<Part>,
}

impl ToArabic<'_> {
    fn run(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Copy the run of bytes that cannot start anything we convert in one go.
            let plain = bytes[i..]
                .iter()
                .position(|&b| !segment::is_inert_ascii(b))
                .unwrap_or(bytes.len() - i);
            if plain > 0 {
                self.out.push_str(&text[i..i + plain]);
                i += plain;
                continue;
            }
            let rest = &text[i..];
            let c = rest.chars().next().unwrap_or_default();
            if segment::at_token_start(text, i) {
                if let Some(len) = segment::passthrough_token_len(rest) {
                    self.out.push_str(&rest[..len]);
                    i += len;
                    continue;
                }
            }
            if segment::word_char(c).is_some() {
                i += self.compound(text, i);
                continue;
            }
            match c {
                ',' => self.out.push(self.comma(text, i)),
                '?' => self.out.push(tote::QUESTION_MARK),
                ';' => self.out.push(tote::SEMICOLON),
                '-' if self.year_hyphen(text, i) => self.out.push_str(" -"),
                _ => self.out.push(c),
            }
            i += c.len_utf8();
        }
    }

    fn comma(&self, text: &str, at: usize) -> char {
        let bytes = text.as_bytes();
        let between_digits = at > 0
            && bytes[at - 1].is_ascii_digit()
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
        match self.rules.comma {
            CommaRule::ArabicExceptBetweenDigits if !between_digits => tote::COMMA,
            _ => ',',
        }
    }

    /// Whether the hyphen at `at` joins a four-digit year to a form of `жыл` and gets a space.
    fn year_hyphen(&self, text: &str, at: usize) -> bool {
        if self.rules.year_hyphen != YearHyphen::SpaceBefore || at < 4 {
            return false;
        }
        let bytes = text.as_bytes();
        let four_digits = bytes[at - 4..at].iter().all(u8::is_ascii_digit)
            && (at == 4 || !bytes[at - 5].is_ascii_digit());
        four_digits && starts_with_jyl(&text[at + 1..])
    }

    /// Converts the compound starting at byte `start`; returns its length in bytes.
    fn compound(&mut self, text: &str, start: usize) -> usize {
        self.word.clear();
        self.parts.clear();
        let mut i = start;
        loop {
            let part_start = self.word.len();
            i += self.gather_part(&text[i..]);
            self.parts.push(Part {
                start: part_start,
                end: self.word.len(),
                abbreviation: false,
                split: None,
                cyrillic: false,
            });
            // A single hyphen followed by another letter continues the compound.
            let rest = &text[i..];
            let joined = rest.starts_with('-')
                && rest[1..]
                    .chars()
                    .next()
                    .is_some_and(|c| segment::word_char(c).is_some());
            if !joined {
                break;
            }
            i += 1;
        }
        for index in 0..self.parts.len() {
            self.classify(index);
        }
        self.emit_compound();
        i - start
    }

    /// Reads one part (a run of word characters) into `self.word`; returns its byte length.
    fn gather_part(&mut self, text: &str) -> usize {
        let first = self.word.len();
        let mut len = 0;
        for c in text.chars() {
            match segment::word_char(c) {
                Some(WordChar::Letter) => self.word.push(Letter {
                    written: c,
                    lower: letters::lower(c),
                }),
                Some(WordChar::CombiningMark) => {
                    let composed = self.word[first..]
                        .last()
                        .and_then(|prev| unicode_normalization::char::compose(prev.written, c))
                        .filter(|&c| letters::is_cyrillic_letter(c));
                    match composed {
                        Some(c) => {
                            if let Some(last) = self.word.last_mut() {
                                *last = Letter {
                                    written: c,
                                    lower: letters::lower(c),
                                };
                            }
                        }
                        None => self.word.push(Letter {
                            written: c,
                            lower: None,
                        }),
                    }
                }
                None => break,
            }
            len += c.len_utf8();
        }
        len
    }

    /// Decides what a part is: Cyrillic or not, repairs Latin look-alikes, marks
    /// abbreviations and patronymic splits.
    fn classify(&mut self, index: usize) {
        let Part { start, end, .. } = self.parts[index];
        let letters = &mut self.word[start..end];
        let cyrillic = letters.iter().any(|l| l.lower.is_some());
        if cyrillic {
            repair_lookalikes(letters);
        }
        let all_caps = letters
            .iter()
            .all(|l| l.lower.is_some() && letters::is_upper(l.written));
        let abbreviation = self.rules.abbreviations == Abbreviations::LetterSpaced
            && all_caps
            && (2..=MAX_ABBREVIATION_LEN).contains(&letters.len());
        let split = if cyrillic && !abbreviation {
            patronymic_split(letters, self.rules.patronymics).map(|at| start + at)
        } else {
            None
        };
        self.parts[index] = Part {
            start,
            end,
            abbreviation,
            split,
            cyrillic,
        };
    }

    fn emit_compound(&mut self) {
        let parts = std::mem::take(&mut self.parts);
        // In whole-word scope, consecutive non-abbreviation Cyrillic parts share one hamza,
        // decided over all of them (a split-off `ұлы` never needs one).
        let mut shared_hamza = None;
        for (index, part) in parts.iter().enumerate() {
            if index > 0 {
                self.out.push('-');
                let prev = &parts[index - 1];
                if self.rules.hyphen_spacing == HyphenSpacing::SpaceAfter
                    && prev.cyrillic
                    && part.cyrillic
                {
                    self.out.push(' ');
                }
            }
            if !part.cyrillic {
                shared_hamza = None;
                let written = self.word[part.start..part.end].iter().map(|l| l.written);
                self.out.extend(written);
                continue;
            }
            if part.abbreviation {
                shared_hamza = None;
                self.emit_abbreviation(part.start, part.end);
                continue;
            }
            let stem_end = part.split.unwrap_or(part.end);
            let hamza = match self.rules.hamza_scope {
                HamzaScope::EachPart => needs_hamza(&self.word[part.start..stem_end]),
                HamzaScope::WholeWord => match shared_hamza {
                    // Later parts of a run: the hamza was written before the first part.
                    Some(_) => false,
                    None => {
                        let run_hamza = self.run_needs_hamza(&parts[index..]);
                        shared_hamza = Some(run_hamza);
                        run_hamza
                    }
                },
            };
            self.emit_word(part.start, stem_end, hamza);
            if let Some(split) = part.split {
                self.out.push(' ');
                let hamza = needs_hamza(&self.word[split..part.end]);
                self.emit_word(split, part.end, hamza);
            }
        }
        self.parts = parts;
    }

    /// The hamza decision for the run of plain Cyrillic parts that starts `parts`.
    fn run_needs_hamza(&self, parts: &[Part]) -> bool {
        let run = parts
            .iter()
            .take_while(|p| p.cyrillic && !p.abbreviation)
            .map(|p| &self.word[p.start..p.split.unwrap_or(p.end)]);
        let (mut front, mut marker) = (false, false);
        for letters in run {
            let (f, m) = harmony_flags(letters);
            front |= f;
            marker |= m;
        }
        front && !marker
    }

    fn push_hamza(&mut self) {
        let hamza = self.rules.hamza;
        if self.rules.hamza_at_quote == HamzaAtQuote::BeforeQuote && self.out.ends_with('«') {
            self.out.insert(self.out.len() - '«'.len_utf8(), hamza);
        } else {
            self.out.push(hamza);
        }
    }

    /// Writes `ИЫҰ` as `ي ى ۇ`: each letter a word of its own, with its own hamza.
    fn emit_abbreviation(&mut self, start: usize, end: usize) {
        for index in start..end {
            if index > start {
                self.out.push(' ');
            }
            let hamza = needs_hamza(&self.word[index..index + 1]);
            self.emit_word(index, index + 1, hamza);
        }
    }

    /// Writes the letters `start..end` of `self.word` as one word.
    fn emit_word(&mut self, start: usize, end: usize, hamza: bool) {
        if hamza {
            self.push_hamza();
        }
        let mut index = start;
        while index < end {
            let letter = self.word[index];
            index += 1;
            let Some(lower) = letter.lower else {
                self.out.push(letter.written);
                continue;
            };
            let next = self.word[index..end].first().and_then(|l| l.lower);
            if let Some(merged) = next.and_then(|n| letters::merged_pair(lower, n)) {
                self.out.push_str(merged);
                index += 1;
                continue;
            }
            if lower == 'е' && self.rules.vowel_then_e == VowelThenE::InsertYeh {
                let prev = index
                    .checked_sub(2)
                    .filter(|&p| p >= start)
                    .and_then(|p| self.word[p].lower);
                if prev.is_some_and(|p| VOWELS_BEFORE_E.contains(&p)) {
                    self.out.push(tote::YEH);
                }
            }
            self.out
                .push_str(letters::tote_of(lower).unwrap_or_default());
        }
    }
}

/// Reads Latin look-alikes in a Cyrillic word as the Cyrillic letters they imitate
/// (`бiлiм` with Latin `i`), but only when every non-Cyrillic letter of the word is one:
/// a real mixed word (`Kazinform-ның` parts, brand names) keeps its Latin letters.
fn repair_lookalikes(letters: &mut [Letter]) {
    let repairable = letters
        .iter()
        .filter(|l| l.lower.is_none() && !segment::is_combining_mark(l.written))
        .all(|l| normalize::latin_lookalike(l.written).is_some());
    if !repairable {
        return;
    }
    for letter in letters.iter_mut().filter(|l| l.lower.is_none()) {
        if let Some(cyrillic) = normalize::latin_lookalike(letter.written) {
            *letter = Letter {
                written: cyrillic,
                lower: letters::lower(cyrillic),
            };
        }
    }
}

/// (has a front vowel, has a front marker) over the Cyrillic letters of a word.
fn harmony_flags(letters: &[Letter]) -> (bool, bool) {
    let mut front = false;
    let mut marker = false;
    for lower in letters.iter().filter_map(|l| l.lower) {
        front |= letters::is_front_vowel(lower);
        marker |= letters::is_front_marker(lower);
    }
    (front, marker)
}

/// The hamza rule: a front vowel and no front marker.
fn needs_hamza(letters: &[Letter]) -> bool {
    let (front, marker) = harmony_flags(letters);
    front && !marker
}

/// Whether `text` starts with a form of `жыл` (any case).
fn starts_with_jyl(text: &str) -> bool {
    let mut chars = text.chars().map(letters::lower);
    chars.next() == Some(Some('ж'))
        && chars.next() == Some(Some('ы'))
        && chars.next() == Some(Some('л'))
}

/// Case suffixes that may follow a patronymic (`Байтұрсынұлының`).
const PATRONYMIC_ENDINGS: &[&str] = &[
    "",
    "ның",
    "на",
    "н",
    "нан",
    "нда",
    "мен",
    "ндағы",
    "ндай",
    "нша",
];

/// Where to split `ұлы`/`қызы` off a word, as an index into `letters`, if the style does.
fn patronymic_split(letters: &[Letter], rule: Patronymics) -> Option<usize> {
    const PATRONYMS: [&[char]; 2] = [&['ұ', 'л', 'ы'], &['қ', 'ы', 'з', 'ы']];
    let lower: Option<Vec<char>> = letters.iter().map(|l| l.lower).collect();
    let lower = lower?;
    match rule {
        Patronymics::SplitAfterName => {
            if !letters::is_upper(letters.first()?.written) {
                return None;
            }
            (2..lower.len()).rev().find(|&at| {
                PATRONYMS.iter().any(|p| {
                    lower[at..].starts_with(p)
                        && PATRONYMIC_ENDINGS
                            .iter()
                            .any(|e| lower[at + p.len()..].iter().copied().eq(e.chars()))
                })
            })
        }
        Patronymics::SplitEverywhere => {
            (1..lower.len()).find(|&at| PATRONYMS.iter().any(|p| lower[at..].starts_with(p)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Style;

    fn arabic(text: &str, style: Style) -> String {
        to_arabic(text, &style.rules()).into_owned()
    }

    #[test]
    fn hamza_goes_on_front_words_without_front_markers() {
        let cases = [
            ("біз", "ءبىز"),
            ("әр", "ءار"),
            ("қәзір", "ءقازىر"),
            ("күшке", "كۇشكە"),
            ("қазақ", "قازاق"),
        ];
        for (cyrillic, expected) in cases {
            assert_eq!(arabic(cyrillic, Style::Kazinform), expected, "{cyrillic}");
        }
    }

    #[test]
    fn egemen_splits_ұлы_inside_words() {
        assert_eq!(arabic("зұлым", Style::Egemen), "ز ۇلىم");
        assert_eq!(arabic("зұлым", Style::Kazinform), "زۇلىم");
        assert_eq!(arabic("Қабышұлы", Style::Kazinform), "قابىش ۇلى");
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        assert!(matches!(
            to_arabic("KAZINFORM 2024", &Style::Kazinform.rules()),
            Cow::Borrowed(_)
        ));
    }
}
