//! The general rules of the writer: a compound read letter by letter into segments (words,
//! abbreviations, foreign runs), then written with the hamza rule and the style's conventions.
//! This is the specification of Cyrillic -> tote, written to be read; the fast paths
//! ([`super::fast`]) must write exactly what it writes.

use crate::orthography::conventions::{
    comma_at, digit, ends_four_digit_year, is_joiner, sign_at, starts_with_allah, starts_with_jyl,
    ALLAH, ALLAH_LIGATURE, MAX_ABBREVIATION_LEN, VOWELS_BEFORE_E, VOWELS_OR_SIGNS_BEFORE_E,
};
use crate::orthography::hamza::{harmony_flags, insert_hamza, needs_hamza};
use crate::orthography::letters::{self, tote, ByteTable};
use crate::orthography::patronyms::patronymic_splits;
use crate::script::normalize;
use crate::script::segment::{self, WordChar};
use crate::style::{Abbreviations, HamzaScope, HyphenSpacing, StyleRules, VowelThenE, YearHyphen};

use super::fast::latin_word_len;
use super::window::Window;
use super::Paths;

/// One letter of a word being converted.
#[derive(Clone, Copy, Debug)]
struct Letter {
    /// The character as written (after look-alike repair and composition).
    written: char,
    /// Its lower-case Cyrillic letter, or `None` for a character outside the table (passed
    /// through: Latin letters in a mixed word, combining marks that do not compose).
    lower: Option<char>,
}

/// A piece of a compound between two joiners: a range of `ToArabic::word`.
#[derive(Clone, Copy, Debug)]
struct Segment {
    start: usize,
    end: usize,
    kind: SegmentKind,
    /// What joins it to the segment before (`None` for the first).
    joined_by: Option<Joiner>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SegmentKind {
    /// A Cyrillic word (or a piece of one split off by the patronymic rule).
    Word,
    /// A letter-spaced abbreviation (`ИЫҰ`).
    Abbreviation,
    /// No Cyrillic letter: passes through.
    Foreign,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Joiner {
    /// The hyphen of the compound.
    Hyphen,
    /// The space before a split-off `ұлы`/`қызы`.
    Space,
    /// Nothing: a letter outside the table inside a word (`тqі`) ends the word on both
    /// sides of it, as it does for `to_cyrillic`.
    Adjacent,
}

pub(super) struct ToArabic<'r> {
    /// Whether the fast paths are taken.
    pub(super) paths: Paths,
    pub(super) rules: &'r StyleRules,
    /// The byte-indexed letter table, dereferenced once per call.
    pub(super) table: &'r ByteTable,
    pub(super) out: &'r mut String,
    /// Letters of the compound being converted (reused between words).
    word: Vec<Letter>,
    /// Segments of the compound being converted (reused between words).
    segments: Vec<Segment>,
    /// Where the current chain of parts that joiners connect to Latin look-alikes ends (byte
    /// offset), and whether its look-alikes are repaired (see [`look_alike_chain`]).
    chain: Option<(usize, Chain)>,
    /// The part being added belongs to a chain whose look-alikes stay Latin.
    keep_look_alikes: bool,
    /// Where [`plain_words`](super::fast::plain_words) writes (see [`WINDOW_LEN`](super::window::WINDOW_LEN)).
    pub(super) window: Box<Window>,
}

impl<'r> ToArabic<'r> {
    /// A converter that writes to `out` by `rules`, taking the fast paths where `paths` lets
    /// them write into `window`.
    #[inline]
    pub(super) fn new(
        paths: Paths,
        rules: &'r StyleRules,
        out: &'r mut String,
        window: Box<Window>,
    ) -> Self {
        ToArabic {
            paths,
            rules,
            table: &letters::BYTE_TABLE,
            out,
            word: Vec::new(),
            segments: Vec::new(),
            chain: None,
            keep_look_alikes: false,
            window,
        }
    }

    /// The general rules at byte `i` (not in an inert ASCII run): a URL or e-mail address, a
    /// compound, or one character. Returns the byte offset after what was converted.
    #[inline]
    pub(super) fn step(&mut self, text: &str, i: usize) -> usize {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or_default();
        if let Some((sign, len)) = sign_at(rest, self.rules.signs) {
            self.out.push(sign);
            return i + len;
        }
        // (Addresses start with an ASCII letter or digit: most characters here do not.)
        if c.is_ascii_alphanumeric() && segment::at_token_start(text, i) {
            if let Some(len) = segment::passthrough_token_len(rest) {
                self.out.push_str(&rest[..len]);
                return i + len;
            }
        }
        if let Some(len) = latin_word_len(text.as_bytes(), i).filter(|_| self.paths == Paths::Fast)
        {
            self.out.push_str(&rest[..len]);
            return i + len;
        }
        if segment::word_char(c).is_some() {
            return i + self.compound(text, i);
        }
        match c {
            ',' => self
                .out
                .push(comma_at(text.as_bytes(), i, self.rules.comma)),
            '?' => self.out.push(tote::QUESTION_MARK),
            ';' => self.out.push(tote::SEMICOLON),
            '0'..='9' => self.out.push(digit(c, self.rules.digits).unwrap_or(c)),
            '-' if self.rules.year_hyphen == YearHyphen::SpaceBefore
                && ends_four_digit_year(text.as_bytes(), i) =>
            {
                return self.year_hyphen(text, i);
            }
            _ => self.out.push(c),
        }
        i + c.len_utf8()
    }

    /// The hyphen at `at`, after a four-digit year, and the compound after it: a space goes
    /// before the hyphen if the compound's tote is a form of `جىل` (`1969 -جىلى`), decided on
    /// what was written, as `to_cyrillic` decides it when it drops the space again. Returns
    /// the byte offset after what was converted.
    fn year_hyphen(&mut self, text: &str, at: usize) -> usize {
        let hyphen_at = self.out.len();
        self.out.push('-');
        let next = at + 1;
        // (A word starting with an ASCII letter is never `жыл`: it may start an address.)
        let word_follows = text[next..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii() && segment::word_char(c).is_some());
        if !word_follows {
            return next;
        }
        let len = self.compound(text, next);
        if starts_with_jyl(&self.out[hyphen_at + 1..], self.rules.hamza) {
            self.out.insert(hyphen_at, ' ');
        }
        next + len
    }

    /// Converts the compound starting at byte `start`; returns its length in bytes.
    fn compound(&mut self, text: &str, start: usize) -> usize {
        self.word.clear();
        self.segments.clear();
        let mut i = start;
        loop {
            let part_start = self.word.len();
            i += self.gather_part(text, i);
            let joined_by = (part_start > 0).then_some(Joiner::Hyphen);
            self.add_part(part_start, self.word.len(), joined_by);
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
        self.emit_compound();
        i - start
    }

    /// The chain of parts that joiners connect to Latin look-alikes (see
    /// [`look_alike_chain`]) that the part at byte `at` belongs to. A part after a joiner
    /// continues the chain the part before it started.
    fn chain_at(&mut self, text: &str, at: usize) -> Chain {
        match self.chain {
            Some((end, chain)) if at < end => chain,
            _ => {
                let (len, chain) = look_alike_chain(&text[at..]);
                self.chain = Some((at + len, chain));
                chain
            }
        }
    }

    /// Reads one part (a run of word characters from byte `at` of `text`) into `self.word`;
    /// returns its byte length.
    fn gather_part(&mut self, full_text: &str, at: usize) -> usize {
        let chain = self.chain_at(full_text, at);
        self.keep_look_alikes = chain == Chain::KeepsLookAlikes;
        let repairs = chain == Chain::RepairsLookAlikes;
        let text = &full_text[at..];
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
                None if is_joiner(c)
                    && self.word[first..].last().is_some_and(|l| l.lower.is_some())
                    && joins_letters(&text[len..]) =>
                {
                    // A zero-width (non-)joiner between two Cyrillic letters is dropped, as
                    // `to_cyrillic` drops it inside tote words.
                }
                None if is_joiner(c)
                    && repairs
                    && self.word[first..]
                        .last()
                        .is_some_and(|l| is_letter_or_look_alike(l.written))
                    && joins_look_alikes(&text[len..]) =>
                {
                    // So is one next to a look-alike in a chain whose look-alikes are read as
                    // Cyrillic letters: the chain is one word.
                }
                None => break,
            }
            len += c.len_utf8();
        }
        len
    }

    /// Decides what a part is (Cyrillic or not, abbreviation), repairs Latin look-alikes,
    /// and adds it as one segment, or several where the style splits off `ұлы`/`қызы` or
    /// where letters outside the table stand inside it (`тqі`: `т`, `q`, `і`).
    fn add_part(&mut self, mut start: usize, end: usize, mut joined_by: Option<Joiner>) {
        loop {
            let letters = &mut self.word[start..end];
            let cyrillic = letters.iter().any(|l| l.lower.is_some());
            if !cyrillic {
                self.push_segment(start, end, SegmentKind::Foreign, joined_by);
                return;
            }
            if !self.keep_look_alikes {
                repair_lookalikes(letters);
            }
            let Some(split) = self.split_in_mixed_part(start, end) else {
                break;
            };
            // Each side is read as a word of its own, as it is when the text is read again
            // with the space between them (`Cұлқызыz` -> `Сұл қызыz`). The left side has
            // no split of its own unless its repair makes it all Cyrillic (then it is split
            // without coming back here), so this recursion is at most one level deep.
            self.add_part(start, split, joined_by);
            (start, joined_by) = (split, Some(Joiner::Space));
        }
        let mut from = start;
        while from < end {
            let (to, known) = run_at(&self.word, from, end);
            let joiner = if from == start {
                joined_by
            } else {
                Some(Joiner::Adjacent)
            };
            if known {
                self.add_cyrillic(from, to, joiner);
            } else {
                self.push_segment(from, to, SegmentKind::Foreign, joiner);
            }
            from = to;
        }
    }

    /// In a part that keeps letters outside the table (`Cұлқызыz`), the first place where
    /// the style splits off a patronym inside one of its runs of table letters.
    fn split_in_mixed_part(&self, start: usize, end: usize) -> Option<usize> {
        let part = &self.word[start..end];
        if self.keep_look_alikes || part.iter().all(|l| l.lower.is_some()) {
            return None;
        }
        let mut from = start;
        while from < end {
            let (to, known) = run_at(&self.word, from, end);
            if known && self.run_kind(from, to) == SegmentKind::Word {
                let splits =
                    patronymic_splits(lowers(&self.word[from..to]), self.rules.patronymics);
                if let Some(&at) = splits.first() {
                    return Some(from + at);
                }
            }
            from = to;
        }
        None
    }

    /// What a run of table letters is: a letter-spaced abbreviation or a word.
    fn run_kind(&self, start: usize, end: usize) -> SegmentKind {
        let letters = &self.word[start..end];
        // Abbreviation letters are written one tote letter each, so that the letter-spaced
        // run reads back letter by letter (no Ц, Щ, Ю, Я, Ё, Ь, Ъ).
        let spelling = self.rules.letter_spelling;
        let spaceable_caps = letters.iter().all(|l| {
            letters::is_upper(l.written)
                && l.lower
                    .and_then(|lower| letters::tote_in(lower, spelling))
                    .is_some_and(|t| t.chars().count() == 1)
        });
        if self.rules.abbreviations == Abbreviations::LetterSpaced
            && spaceable_caps
            && (2..=MAX_ABBREVIATION_LEN).contains(&letters.len())
        {
            SegmentKind::Abbreviation
        } else {
            SegmentKind::Word
        }
    }

    /// Adds a run of table letters: an abbreviation, a word (split where the style splits off
    /// `ұлы`/`қызы`), or, if none of its letters is written (`ъ`), a run that passes through.
    fn add_cyrillic(&mut self, start: usize, end: usize, joined_by: Option<Joiner>) {
        let letters = &self.word[start..end];
        let written = letters.iter().any(|l| {
            l.lower
                .and_then(letters::tote_of)
                .is_some_and(|t| !t.is_empty())
        });
        if !written {
            self.push_segment(start, end, SegmentKind::Foreign, joined_by);
            return;
        }
        let kind = self.run_kind(start, end);
        let splits = match kind {
            // No split in a chain that keeps its look-alikes: the space would end the chain
            // for the next reading.
            SegmentKind::Word if !self.keep_look_alikes => {
                patronymic_splits(lowers(letters), self.rules.patronymics)
            }
            _ => Vec::new(),
        };
        let starts = std::iter::once(start).chain(splits.iter().map(|at| start + at));
        let ends = splits.iter().map(|at| start + at).chain([end]);
        for (piece, (from, to)) in starts.zip(ends).enumerate() {
            let joiner = if piece == 0 {
                joined_by
            } else {
                Some(Joiner::Space)
            };
            self.push_segment(from, to, kind, joiner);
        }
    }

    fn push_segment(
        &mut self,
        start: usize,
        end: usize,
        kind: SegmentKind,
        joined_by: Option<Joiner>,
    ) {
        self.segments.push(Segment {
            start,
            end,
            kind,
            joined_by,
        });
    }

    fn emit_compound(&mut self) {
        let segments = std::mem::take(&mut self.segments);
        // In whole-word scope, a run of words joined by hyphens shares one hamza, decided
        // over all of them and written before the first.
        let mut in_run = false;
        for (index, segment) in segments.iter().enumerate() {
            match segment.joined_by {
                None => {}
                Some(Joiner::Space) => self.out.push(' '),
                Some(Joiner::Adjacent) => {}
                Some(Joiner::Hyphen) => {
                    self.out.push('-');
                    let prev = segments[index - 1].kind;
                    if self.rules.hyphen_spacing == HyphenSpacing::SpaceAfter
                        && prev != SegmentKind::Foreign
                        && segment.kind != SegmentKind::Foreign
                    {
                        self.out.push(' ');
                    }
                }
            }
            let continues_run = in_run && segment.joined_by == Some(Joiner::Hyphen);
            in_run = segment.kind == SegmentKind::Word;
            match segment.kind {
                SegmentKind::Foreign => {
                    let written = self.word[segment.start..segment.end]
                        .iter()
                        .map(|l| l.written);
                    self.out.extend(written);
                }
                SegmentKind::Abbreviation => self.emit_abbreviation(segment.start, segment.end),
                SegmentKind::Word => {
                    let hamza = match self.rules.hamza_scope {
                        // (`EachLetterRun` texts take the letter-run writer, not this one.)
                        HamzaScope::EachPart | HamzaScope::EachLetterRun => {
                            needs_hamza(table_letters(&self.word[segment.start..segment.end]))
                        }
                        HamzaScope::WholeWord => {
                            !continues_run && self.run_needs_hamza(&segments[index..])
                        }
                    };
                    self.emit_word(segment.start, segment.end, hamza);
                }
            }
        }
        self.segments = segments;
    }

    /// The hamza decision for the run of words joined by hyphens that starts `segments`.
    fn run_needs_hamza(&self, segments: &[Segment]) -> bool {
        let (mut front, mut marker) = (false, false);
        for (index, segment) in segments.iter().enumerate() {
            let joined = index == 0 || segment.joined_by == Some(Joiner::Hyphen);
            if !joined || segment.kind != SegmentKind::Word {
                break;
            }
            let (f, m) = harmony_flags(table_letters(&self.word[segment.start..segment.end]));
            front |= f;
            marker |= m;
        }
        front && !marker
    }

    fn push_hamza(&mut self) {
        self.insert_hamza(self.out.len());
    }

    /// Writes the hamza of a word whose tote starts at byte `at` of the output: there, or
    /// before a `«` right before the word where the style wants it so.
    fn insert_hamza(&mut self, at: usize) {
        insert_hamza(self.out, self.rules, at);
    }

    /// Writes `ИЫҰ` as `ي ى ۇ`: each letter a word of its own, with its own hamza.
    fn emit_abbreviation(&mut self, start: usize, end: usize) {
        for index in start..end {
            if index > start {
                self.out.push(' ');
            }
            let hamza = needs_hamza(table_letters(&self.word[index..index + 1]));
            self.emit_word(index, index + 1, hamza);
        }
    }

    /// Writes the letters `start..end` of `self.word` as one word.
    fn emit_word(&mut self, start: usize, end: usize, hamza: bool) {
        if hamza {
            self.push_hamza();
        }
        let mut index = start;
        // Whether the letter before was an `е` written with a yeh before it.
        let mut e_took_yeh = false;
        while index < end {
            let letter = self.word[index];
            index += 1;
            let Some(lower) = letter.lower else {
                self.out.push(letter.written);
                e_took_yeh = false;
                continue;
            };
            if starts_with_allah(lowers(&self.word[index - 1..end]), self.rules.allah) {
                self.out.push(ALLAH_LIGATURE);
                index += ALLAH.len() - 1;
                e_took_yeh = false;
                continue;
            }
            let spelling = self.rules.letter_spelling;
            let next = self.word[index..end].first().and_then(|l| l.lower);
            if let Some(merged) = next.and_then(|n| letters::merged_pair_in(lower, n, spelling)) {
                self.out.push_str(merged);
                index += 1;
                e_took_yeh = false;
                continue;
            }
            let prev = index
                .checked_sub(2)
                .filter(|&p| p >= start)
                .and_then(|p| self.word[p].lower);
            let yeh = lower == 'е'
                && match self.rules.vowel_then_e {
                    VowelThenE::InsertYeh => prev.is_some_and(|p| VOWELS_BEFORE_E.contains(&p)),
                    VowelThenE::InsertYehAfterVowelOrSign => {
                        !e_took_yeh && prev.is_some_and(|p| VOWELS_OR_SIGNS_BEFORE_E.contains(&p))
                    }
                    _ => false,
                };
            if yeh {
                self.out.push(tote::YEH);
            }
            e_took_yeh = yeh;
            self.out
                .push_str(letters::tote_in(lower, spelling).unwrap_or_default());
        }
    }
}

/// Whether `rest`, starting with joiners, has a Cyrillic letter right after them (after a
/// Cyrillic letter, the joiners stand inside a word).
fn joins_letters(rest: &str) -> bool {
    after_joiners(rest).is_some_and(letters::is_cyrillic_letter)
}

/// The character after the joiners that start `rest`.
fn after_joiners(rest: &str) -> Option<char> {
    rest.trim_start_matches(is_joiner).chars().next()
}

/// Where the run of `word[from..end]` that starts at `from` ends, and whether it is a run of
/// table letters (else of characters outside the table).
fn run_at(word: &[Letter], from: usize, end: usize) -> (usize, bool) {
    let known = word[from].lower.is_some();
    let to = word[from..end]
        .iter()
        .position(|l| l.lower.is_some() != known)
        .map_or(end, |len| from + len);
    (to, known)
}

/// Whether `c` is a Cyrillic letter of the table or a Latin look-alike of one.
fn is_letter_or_look_alike(c: char) -> bool {
    letters::is_cyrillic_letter(c) || normalize::latin_lookalike(c).is_some()
}

/// Whether `rest`, starting with joiners, has a Cyrillic letter or a Latin look-alike right
/// after them.
#[inline]
pub(super) fn joins_look_alikes(rest: &str) -> bool {
    after_joiners(rest).is_some_and(is_letter_or_look_alike)
}

/// What a chain of parts connected by joiners does with its Latin look-alikes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Chain {
    /// No joiner connects a look-alike: the part decides on its own.
    Single,
    /// Every letter outside the table is a look-alike: they are read as Cyrillic letters and
    /// the joiners between them dropped, so the chain is one word.
    RepairsLookAlikes,
    /// Some letter outside the table is no look-alike: every look-alike of the chain stays
    /// Latin and every joiner next to one stays, so that reading the text again (where
    /// `to_cyrillic` keeps a joiner next to a Latin letter) finds the same chain.
    KeepsLookAlikes,
}

/// The chain of word characters at the start of `text` that joiners connect where a Latin
/// look-alike stands on either side of them (`е\u{200C}xқ`; a joiner between two Cyrillic
/// letters is simply dropped), its byte length, and what it does with its look-alikes, decided
/// over all its letters as [`repair_lookalikes`] decides it for one part.
fn look_alike_chain(text: &str) -> (usize, Chain) {
    let (mut written, mut all_look_alikes, mut joined) = (false, true, false);
    let mut prev: Option<char> = None;
    let mut len = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match segment::word_char(c) {
            Some(WordChar::Letter) => {
                match letters::lower(c) {
                    Some(lower) => {
                        written |= letters::tote_of(lower).is_some_and(|t| !t.is_empty());
                    }
                    None => all_look_alikes &= normalize::latin_lookalike(c).is_some(),
                }
                prev = Some(c);
            }
            // A mark that composes with the letter before it makes another letter (`и` +
            // U+0306 = `й`), as `gather_part` reads it.
            Some(WordChar::CombiningMark) => {
                let composed = prev
                    .and_then(|prev| unicode_normalization::char::compose(prev, c))
                    .filter(|&c| letters::is_cyrillic_letter(c));
                prev = Some(composed.unwrap_or(c));
            }
            None if is_joiner(c)
                && prev.is_some_and(is_letter_or_look_alike)
                && joins_look_alikes(&text[at..]) =>
            {
                let next = after_joiners(&text[at..]);
                let both_cyrillic = prev.is_some_and(letters::is_cyrillic_letter)
                    && next.is_some_and(letters::is_cyrillic_letter);
                joined |= !both_cyrillic;
                while chars.next_if(|&(_, c)| is_joiner(c)).is_some() {}
                prev = None;
                len = chars.peek().map_or(text.len(), |&(at, _)| at);
                continue;
            }
            None => break,
        }
        len = at + c.len_utf8();
    }
    let chain = match (joined, written && all_look_alikes) {
        (false, _) => Chain::Single,
        (true, true) => Chain::RepairsLookAlikes,
        (true, false) => Chain::KeepsLookAlikes,
    };
    (len, chain)
}

/// Reads Latin look-alikes in a Cyrillic word as the Cyrillic letters they imitate
/// (`бiлiм` with Latin `i`), but only when every non-Cyrillic letter of the word is one:
/// a real mixed word (`Kazinform-ның` parts, brand names) keeps its Latin letters.
fn repair_lookalikes(letters: &mut [Letter]) {
    // A Cyrillic letter that tote writes is needed: `ъ` and `ь` pass through as they are, so
    // a word of them and Latin letters reads the same on a second pass.
    let written = letters.iter().any(|l| {
        l.lower
            .and_then(letters::tote_of)
            .is_some_and(|t| !t.is_empty())
    });
    let repairable = written
        && letters
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

/// Each letter's lower-case Cyrillic letter, `None` for a character outside the table.
#[inline]
fn lowers(word: &[Letter]) -> impl Iterator<Item = Option<char>> + Clone + '_ {
    word.iter().map(|l| l.lower)
}

/// The lower-case Cyrillic letters of `word` (its letters of the table).
#[inline]
fn table_letters(word: &[Letter]) -> impl Iterator<Item = char> + '_ {
    word.iter().filter_map(|l| l.lower)
}
