//! The general rules of the writer: a compound read letter by letter into segments (words,
//! abbreviations, foreign runs), then written with the hamza rule and the style's conventions.
//! This is the specification of Cyrillic -> tote, written to be read; the fast paths
//! ([`super::fast`]) must write exactly what it writes.

use crate::letters::{self, tote, ByteTable};
use crate::normalize;
use crate::segment::{self, WordChar};
use crate::style::{
    Abbreviations, CommaRule, HamzaAtQuote, HamzaScope, HyphenSpacing, Patronymics, StyleRules,
    VowelThenE, YearHyphen,
};

use super::fast::latin_word_len;
use super::window::Window;
use super::{Paths, MAX_ABBREVIATION_LEN, VOWELS_BEFORE_E};

/// One letter of a word being converted.
#[derive(Clone, Copy, Debug)]
pub(super) struct Letter {
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
            ',' => self.out.push(self.comma(text, i)),
            '?' => self.out.push(tote::QUESTION_MARK),
            ';' => self.out.push(tote::SEMICOLON),
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
                let splits = patronymic_splits(&self.word[from..to], self.rules.patronymics);
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
        let spaceable_caps = letters.iter().all(|l| {
            letters::is_upper(l.written)
                && l.lower
                    .and_then(letters::tote_of)
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
                patronymic_splits(letters, self.rules.patronymics)
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
                        HamzaScope::EachPart => needs_hamza(&self.word[segment.start..segment.end]),
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
            let (f, m) = harmony_flags(&self.word[segment.start..segment.end]);
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

/// Writes the hamza of a word whose tote starts at byte `at` of `out`: there, or before a `«`
/// right before the word where the style wants it so.
pub(super) fn insert_hamza(out: &mut String, rules: &StyleRules, at: usize) {
    let hamza = rules.hamza;
    if rules.hamza_at_quote == HamzaAtQuote::BeforeQuote && out[..at].ends_with('«') {
        out.insert(at - '«'.len_utf8(), hamza);
    } else if at == out.len() {
        out.push(hamza);
    } else {
        out.insert(at, hamza);
    }
}

/// A zero-width non-joiner or joiner (U+200C, U+200D).
#[inline]
pub(crate) fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
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

/// Whether a patronym (`ұлы`, `қызы`) starts after the first of `written`, the lower-case
/// letters of a word that tote writes (`ь`, `ъ` left out). Every split of
/// [`patronymic_splits`] is at such a place, so words without one are not split.
#[inline]
pub(super) fn patronym_inside(written: impl Iterator<Item = char>) -> bool {
    // The last letters seen, newest last (as long as the longest patronym).
    let mut window = ['\0'; 4];
    for (before, c) in written.enumerate() {
        window = [window[1], window[2], window[3], c];
        // `before` letters came before `c`: a patronym ending at `c` starts after the first.
        if PATRONYMS
            .iter()
            .any(|p| before >= p.len() && window.ends_with(p))
        {
            return true;
        }
    }
    false
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

/// Whether the four bytes before `at` are a year: four digits, not more, and not inside an
/// address (after a character of a URL's syntax: `a(://1700`), whose extent as a passthrough
/// token must not change with the space `to_cyrillic` drops. (A letter before the digits may
/// be a Latin look-alike that reads as Cyrillic: it decides nothing here.)
pub(crate) fn ends_four_digit_year(bytes: &[u8], at: usize) -> bool {
    at >= 4
        && bytes[at - 4..at].iter().all(u8::is_ascii_digit)
        && (at == 4 || !(bytes[at - 5].is_ascii_digit() || b"/:@_~+=&#\\".contains(&bytes[at - 5])))
}

/// Whether the tote `after_hyphen` starts with a form of `жыл` (`جىل`, after the word's
/// `hamza` if it has one: `ءجىلىۇش`): then the hyphen of a year before it takes a space in
/// [`YearHyphen::SpaceBefore`] styles, and `to_cyrillic` drops that space again.
pub(crate) fn starts_with_jyl(after_hyphen: &str, hamza: char) -> bool {
    after_hyphen
        .strip_prefix(hamza)
        .unwrap_or(after_hyphen)
        .starts_with("\u{062C}\u{0649}\u{0644}")
}

/// Case suffixes that may follow a patronymic (`Байтұрсынұлының`).
pub(super) const PATRONYMIC_ENDINGS: &[&str] = &[
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

/// A patronymic the rule splits off, in tote (`ۇلىنىڭ`) and in lower-case Cyrillic (`ұлының`).
pub(crate) struct PatronymForm {
    pub(crate) tote: String,
    pub(crate) cyrillic: String,
}

/// Every tote word that the patronymic rule splits off (`ۇلى`, `ۇلىنىڭ`, `قىزى`, ...), with
/// its Cyrillic.
pub(crate) fn split_patronym_forms() -> &'static [PatronymForm] {
    static FORMS: std::sync::LazyLock<Vec<PatronymForm>> = std::sync::LazyLock::new(|| {
        PATRONYMS
            .iter()
            .flat_map(|p| {
                PATRONYMIC_ENDINGS.iter().map(move |e| {
                    let cyrillic: String = p.iter().copied().chain(e.chars()).collect();
                    PatronymForm {
                        tote: cyrillic.chars().filter_map(letters::tote_of).collect(),
                        cyrillic,
                    }
                })
            })
            .collect()
    });
    &FORMS
}

/// Whether the style would write a patronymic inside this Cyrillic word as a separate word.
pub(crate) fn splits_patronym(word: &str, rule: Patronymics) -> bool {
    let letters: Vec<Letter> = word
        .chars()
        .map(|c| Letter {
            written: c,
            lower: letters::lower(c),
        })
        .collect();
    !patronymic_splits(&letters, rule).is_empty()
}

/// `ұлы` and `қызы` in lower-case letters.
pub(crate) const PATRONYMS: [&[char]; 2] = [&['ұ', 'л', 'ы'], &['қ', 'ы', 'з', 'ы']];

/// The first of [`PATRONYMS`], as text.
pub(super) const PATRONYM_UL: &str = "ұлы";
/// The second of [`PATRONYMS`], as text.
pub(super) const PATRONYM_QYZ: &str = "қызы";

/// Where the style writes `ұлы`/`қызы` as separate words: the start of each split-off piece,
/// as indices into `letters`, ascending. Empty for almost every word (and then allocation
/// free).
pub(super) fn patronymic_splits(letters: &[Letter], rule: Patronymics) -> Vec<usize> {
    let mut splits = Vec::new();
    if letters.iter().any(|l| l.lower.is_none()) {
        return splits;
    }
    // Most words have no patronym inside: tell without collecting anything.
    let written = letters
        .iter()
        .filter_map(|l| l.lower)
        .filter(|&c| letters::tote_of(c).is_some_and(|t| !t.is_empty()));
    if !patronym_inside(written) {
        return splits;
    }
    // Matching is done on the letters tote writes (ь and ъ are not), as `to_cyrillic` sees
    // them when it reads the word back; `index` maps back to `letters`.
    let (index, lower): (Vec<usize>, Vec<char>) = letters
        .iter()
        .enumerate()
        .filter_map(|(i, l)| l.lower.map(|c| (i, c)))
        .filter(|&(_, c)| letters::tote_of(c).is_some_and(|t| !t.is_empty()))
        .unzip();
    let patronym_at = |at: usize| PATRONYMS.iter().find(|p| lower[at..].starts_with(p));
    // Stem length in tote letters before each position (prefix sums: linear in the word).
    let mut stem_tote_len = Vec::with_capacity(lower.len() + 1);
    stem_tote_len.push(0usize);
    for &l in &lower {
        let len = letters::tote_of(l).map_or(0, |t| t.chars().count());
        stem_tote_len.push(stem_tote_len.last().copied().unwrap_or(0) + len);
    }
    let tote_len = |at: usize| stem_tote_len[at];
    // A patronym and its ending span at most this many letters.
    let longest_tail = 4 + PATRONYMIC_ENDINGS
        .iter()
        .map(|e| e.chars().count())
        .max()
        .unwrap_or(0);
    match rule {
        Patronymics::SplitAfterName => {
            // From the end: a patronym and a case ending after a stem of two or more letters;
            // the stem may end in one again (`...ұлыұлы`).
            let mut end = lower.len();
            while let Some(at) = (end.saturating_sub(longest_tail).max(1)..end)
                .rev()
                .find(|&at| {
                    tote_len(at) >= 2
                        && patronym_at(at).is_some_and(|p| {
                            PATRONYMIC_ENDINGS
                                .iter()
                                .any(|e| lower[at + p.len()..end].iter().copied().eq(e.chars()))
                        })
                })
            {
                splits.push(at);
                end = at;
            }
            splits.reverse();
        }
        Patronymics::SplitEverywhere => {
            splits.extend(
                (1..lower.len()).filter(|&at| patronym_at(at).is_some() && tote_len(at) >= 1),
            );
        }
    }
    for split in &mut splits {
        *split = index[*split];
    }
    splits
}
