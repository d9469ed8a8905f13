//! Cyrillic -> tote: the letter table, the hamza rule and the style conventions around words.
//!
//! The text is scanned once. Runs of letters joined by single hyphens form a *compound*
//! (`іс-шара`); each compound is converted as a whole, because the hamza rule and several
//! style conventions (hamza scope, hyphen spacing, abbreviations) look at all of its parts.
//! Everything that is not part of a Cyrillic word is copied unchanged, except the three
//! punctuation marks the style rewrites (`,` `?` `;`) and the space of `1969 -جىلى`.
//!
//! Speed: almost every word of a Kazakh text is *plain* (Cyrillic letters of the table only,
//! in one part or several joined by single hyphens, no abbreviation, no patronym inside),
//! and [`plain_word`] converts those straight from their UTF-8 bytes with the byte-indexed
//! table of [`letters::BYTE_TABLE`]; runs of bytes that cannot start anything are copied in
//! bulk. Everything else takes the general path below, which the fast path reproduces
//! exactly (checked against it on the corpus).

use std::borrow::Cow;

use crate::letters::{self, flags, packed_flags, tote, ByteTable};
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
pub(crate) const VOWELS_BEFORE_E: &[char] =
    &['а', 'ә', 'о', 'ө', 'ұ', 'ү', 'ы', 'і', 'я', 'ю', 'ё'];

/// Converts Cyrillic text to tote in the given style.
pub(crate) fn to_arabic<'a>(text: &'a str, rules: &StyleRules) -> Cow<'a, str> {
    if !needs_conversion(text, rules) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    to_arabic_into(text, rules, &mut out);
    Cow::Owned(out)
}

/// Converts Cyrillic text to tote, appending to `out`. The conversion has no state between
/// calls: a text cut where [`crate::stream`] allows converts piece by piece exactly as whole.
pub(crate) fn to_arabic_into(text: &str, rules: &StyleRules, out: &mut String) {
    convert_into(text, rules, out, Paths::Fast);
}

/// Which ways [`ToArabic::run`] may take through a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Paths {
    /// The fast paths where they apply, else the general rules.
    Fast,
    /// The general rules for every word (what the fast paths are tested against).
    #[cfg_attr(not(test), allow(dead_code))]
    GeneralOnly,
}

/// [`to_arabic_into`] by the given `paths`.
fn convert_into(text: &str, rules: &StyleRules, out: &mut String, paths: Paths) {
    out.reserve(text.len() + text.len() / 8);
    let mut converter = ToArabic {
        paths,
        rules,
        table: &letters::BYTE_TABLE,
        out,
        word: Vec::new(),
        segments: Vec::new(),
        chain: None,
        keep_look_alikes: false,
        window: window_for(),
    };
    converter.run(text);
    SPARE_WINDOW.with(|spare| spare.set(Some(converter.window)));
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

struct ToArabic<'r> {
    /// Whether the fast paths are taken.
    paths: Paths,
    rules: &'r StyleRules,
    /// The byte-indexed letter table, dereferenced once per call.
    table: &'r ByteTable,
    out: &'r mut String,
    /// Letters of the compound being converted (reused between words).
    word: Vec<Letter>,
    /// Segments of the compound being converted (reused between words).
    segments: Vec<Segment>,
    /// Where the current chain of parts that joiners connect to Latin look-alikes ends (byte
    /// offset), and whether its look-alikes are repaired (see [`look_alike_chain`]).
    chain: Option<(usize, Chain)>,
    /// The part being added belongs to a chain whose look-alikes stay Latin.
    keep_look_alikes: bool,
    /// Where [`plain_words`] writes (see [`WINDOW_LEN`]).
    window: Box<Window>,
}

impl ToArabic<'_> {
    /// The scan. Two fast paths cover almost all of a Kazakh text: runs of bytes that cannot
    /// start anything we convert are copied in bulk, and a plain word (Cyrillic letters of the
    /// table only, not joined to anything, see [`plain_word`]) is converted straight from
    /// its UTF-8 bytes. Everything else goes through [`Self::step`], the general rules.
    fn run(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if letters::is_cyrillic_lead(b) && self.paths == Paths::Fast {
                let end = plain_words(text, i, self.table, self.rules, self.out, &mut self.window);
                if end > i {
                    i = end;
                    continue;
                }
            } else if segment::is_inert_ascii(b) {
                let end = bytes[i + 1..]
                    .iter()
                    .position(|&b| !segment::is_inert_ascii(b))
                    .map_or(bytes.len(), |len| i + 1 + len);
                if end == i + 1 {
                    // Mostly the space between two words: no call to `memcpy`.
                    self.out.push(char::from(b));
                } else {
                    self.out.push_str(&text[i..end]);
                }
                i = end;
                continue;
            }
            i = self.step(text, i);
        }
    }

    /// The general rules at byte `i` (not in an inert ASCII run): a URL or e-mail address, a
    /// compound, or one character. Returns the byte offset after what was converted.
    fn step(&mut self, text: &str, i: usize) -> usize {
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
fn insert_hamza(out: &mut String, rules: &StyleRules, at: usize) {
    let hamza = rules.hamza;
    if rules.hamza_at_quote == HamzaAtQuote::BeforeQuote && out[..at].ends_with('«') {
        out.insert(at - '«'.len_utf8(), hamza);
    } else if at == out.len() {
        out.push(hamza);
    } else {
        out.insert(at, hamza);
    }
}

/// Room for the tote of plain words (see [`plain_words`]): they are written into this window
/// of bytes, which is appended to the output when a run of plain words ends or the window
/// fills up.
///
/// Why a window and not the output string: each `String::push_str` checks the capacity and
/// stores the new length, and as the compiler cannot tell the string's bytes from its length
/// it also reloads both for every letter; writing two bytes a letter into a slice of fixed
/// length needs one bounds check, and the slice's pointer and length stay in registers. Safe
/// code cannot make a `&str` of bytes without checking them, so the window is checked once
/// when it is appended, with SIMD instructions (`simdutf8`: well under one instruction a
/// byte, where a `push_str` cost about six a letter).
const WINDOW_LEN: usize = 16 * 1024;

/// A plain word is only started with this much room left in the window (else the window is
/// appended to the output first). A word that does not fit (half as many letters) takes the
/// general rules: they write the same.
const WORD_ROOM: usize = 1024;

/// The window [`plain_words`] writes into: an array, so that its length is a constant of the
/// code and no register holds it.
type Window = [u8; WINDOW_LEN];

/// Past this offset, the window is appended to the output before the next word.
const FULL: usize = WINDOW_LEN - WORD_ROOM;

thread_local! {
    /// The window of the thread's last conversion, for its next: `to_cyrillic` converts each
    /// spelling it checks, a word at a time, and a window allocated and zeroed for each of
    /// them cost more than the word.
    static SPARE_WINDOW: std::cell::Cell<Option<Box<Window>>> =
        const { std::cell::Cell::new(None) };
}

/// The window for a conversion: the thread's spare one, or a new one (its bytes are whatever
/// an earlier conversion left: only what a conversion writes is appended).
fn window_for() -> Box<Window> {
    SPARE_WINDOW
        .with(std::cell::Cell::take)
        .unwrap_or_else(|| Box::new([0; WINDOW_LEN]))
}

/// `simdutf8` checks blocks of this many bytes with SIMD instructions; what is left over, it
/// copies with branches on its length, and below one block it checks with the standard
/// library (several instructions a byte on two-byte characters). [`append_window`] checks
/// whole blocks instead.
const SIMD_CHECK_LEN: usize = 64;

/// Appends the first `len` bytes of the window that [`plain_words`] wrote to `out`.
fn append_window(out: &mut String, window: &mut [u8], len: usize) {
    // The tote is checked up to the end of its last block, zeros after it (most runs of
    // words are short: they end at a quote, a bracket or a dash), where the window has room.
    let checked = len.next_multiple_of(SIMD_CHECK_LEN);
    let checked = match window.get_mut(len..len + SIMD_CHECK_LEN) {
        Some(tail) => {
            tail.fill(0);
            checked
        }
        None => len,
    };
    let tote = &window[..checked];
    match simdutf8::basic::from_utf8(tote).map(|tote| tote.get(..len)) {
        Ok(Some(tote)) => out.push_str(tote),
        // Not reached: the window holds whole characters only (tote letters of the table, the
        // hamza, ASCII and the comma of the style), so the check always passes.
        _ => out.push_str(&String::from_utf8_lossy(&tote[..len.min(checked)])),
    }
}

/// Writes `bytes` at offset `at` of `window`; returns the offset after them, or `None` if
/// they do not fit.
#[inline(always)]
fn put(window: &mut [u8], at: usize, bytes: &[u8]) -> Option<usize> {
    let end = at + bytes.len();
    window.get_mut(at..end)?.copy_from_slice(bytes);
    Some(end)
}

/// [`put`] for the short spellings of the letter table and the style's comma: with the common
/// lengths known to the compiler, the copy is one move instead of a call to `memcpy`.
#[inline(always)]
fn put_short(window: &mut [u8], at: usize, bytes: &[u8]) -> Option<usize> {
    match *bytes {
        [a] => put(window, at, &[a]),
        [a, b] => put(window, at, &[a, b]),
        [a, b, c, d] => put(window, at, &[a, b, c, d]),
        _ => put(window, at, bytes),
    }
}

/// How many bytes [`put_small`] and [`insert`] move with one fixed-size copy (one vector
/// load and store) instead of a call to `memcpy`/`memmove`: as long as most words and the
/// gaps between them.
const SMALL: usize = 32;

/// [`put`] for `source[from..from + len]`, mostly a short gap between two words: when `len`
/// is at most [`SMALL`] and both sides have that many bytes, copies [`SMALL`] bytes (what
/// lands after `len` is overwritten later or never appended).
#[inline(always)]
fn put_small(
    window: &mut [u8],
    at: usize,
    source: &[u8],
    from: usize,
    len: usize,
) -> Option<usize> {
    if len <= SMALL {
        if let (Some(to), Some(copied)) = (
            window.get_mut(at..at + SMALL),
            source.get(from..from + SMALL),
        ) {
            to.copy_from_slice(copied);
            return Some(at + len);
        }
    }
    put(window, at, source.get(from..from + len)?)
}

/// Inserts the `N` `bytes` at offset `at` of `window`, whose bytes up to `end` are written:
/// moves `at..end` behind them. Returns the new end, or `None` if they do not fit.
#[inline(always)]
fn insert<const N: usize>(
    window: &mut [u8],
    at: usize,
    end: usize,
    bytes: [u8; N],
) -> Option<usize> {
    let moved = end.checked_sub(at)?;
    let new_end = end + N;
    // Mostly a hamza before a short word: one fixed-size copy of the word.
    if let (true, Some(tail)) = (moved <= SMALL, window.get_mut(at..at + SMALL + N)) {
        let mut word = [0; SMALL];
        word.copy_from_slice(&tail[..SMALL]);
        tail[N..].copy_from_slice(&word);
        tail[..N].copy_from_slice(&bytes);
        return Some(new_end);
    }
    let tail = window.get_mut(at..new_end)?;
    tail.copy_within(..moved, N);
    tail[..N].copy_from_slice(&bytes);
    Some(new_end)
}

/// The UTF-8 of `c` if it is two bytes long, as the hamza of every style is (U+0621, U+0674).
fn two_bytes(c: char) -> Option<[u8; 2]> {
    let mut utf8 = [0; 4];
    match *c.encode_utf8(&mut utf8).as_bytes() {
        [first, second] => Some([first, second]),
        _ => None,
    }
}

/// Converts the run of plain words separated by single spaces that starts at byte `start`
/// (see [`plain_word`]), writing their tote into `window` (see [`WINDOW_LEN`]) and from there
/// to `out`; returns where the run ends (`start` if the first word is not plain: nothing
/// written then).
#[inline(never)]
fn plain_words(
    text: &str,
    start: usize,
    table: &ByteTable,
    rules: &StyleRules,
    out: &mut String,
    window: &mut Window,
) -> usize {
    // The two conventions that plain words ask about at every word are made constants of
    // the loop, one copy of it for each combination: no branch on them in the loop, and
    // registers for what it keeps.
    let each_part = rules.hamza_scope == HamzaScope::EachPart;
    let letter_spaced = rules.abbreviations == Abbreviations::LetterSpaced;
    let run = match (each_part, letter_spaced) {
        (false, false) => plain_words_in::<false, false>,
        (false, true) => plain_words_in::<false, true>,
        (true, false) => plain_words_in::<true, false>,
        (true, true) => plain_words_in::<true, true>,
    };
    run(text, start, table, rules, out, window)
}

/// [`plain_words`] where `EACH_PART` tells whether the style's hamza scope is
/// [`HamzaScope::EachPart`] and `LETTER_SPACED` whether its abbreviations are
/// [`Abbreviations::LetterSpaced`].
#[inline(always)]
fn plain_words_in<const EACH_PART: bool, const LETTER_SPACED: bool>(
    text: &str,
    start: usize,
    table: &ByteTable,
    rules: &StyleRules,
    out: &mut String,
    window: &mut Window,
) -> usize {
    let bytes = text.as_bytes();
    // (A style whose hamza is not two bytes long would take the general rules.)
    let Some(hamza) = two_bytes(rules.hamza) else {
        return start;
    };
    let mut comma = [0; 4];
    let comma = style_comma(rules).encode_utf8(&mut comma).as_bytes();
    let (mut i, mut o) = (start, 0);
    loop {
        if o > FULL {
            append_window(out, window, o);
            o = 0;
        }
        let simple = simple_words::<LETTER_SPACED>(bytes, i, table, rules, hamza, out, window, o);
        (i, o) = (simple.at, simple.o);
        if !simple.at_word_end {
            let Some((end, word_end, takes_hamza)) =
                plain_word::<EACH_PART, LETTER_SPACED>(text, i, table, rules, window, o)
            else {
                break;
            };
            if !takes_hamza {
                o = word_end;
            } else {
                match hamza_at(rules, window, o, out) {
                    HamzaAt::Window(at) => match insert(window, at, word_end, hamza) {
                        Some(with_hamza) => o = with_hamza,
                        None => break,
                    },
                    HamzaAt::BeforeQuoteInOutput => {
                        out.insert(out.len() - '«'.len_utf8(), rules.hamza);
                        o = word_end;
                    }
                }
            }
            i = end;
        }
        // Mostly a space and the next word: straight to it.
        match bytes[i..] {
            [b' ', 0xD0..=0xD3, ..] => {
                let Some(space) = put(window, o, b" ") else {
                    break;
                };
                o = space;
                i += 1;
            }
            _ => {
                let next = match between_words(bytes, i) {
                    Some(gap) => write_gap(bytes, i, gap, comma, window, o),
                    None => punctuation_between_words(bytes, i, rules, window, o),
                };
                let Some((gap, next)) = next else {
                    break;
                };
                o = next;
                i = gap;
            }
        }
    }
    append_window(out, window, o);
    i
}

/// The comma of the style after a letter (never between digits).
fn style_comma(rules: &StyleRules) -> char {
    match rules.comma {
        CommaRule::ArabicExceptBetweenDigits => tote::COMMA,
        CommaRule::Latin => ',',
    }
}

/// Where the hamza of a word goes (see [`hamza_at`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HamzaAt {
    /// At this offset of the window: before the word, or before a `«` right before it.
    Window(usize),
    /// Before the `«` that ends the output (the word starts the window).
    BeforeQuoteInOutput,
}

/// Where the hamza of a word whose tote starts at offset `o` of `window` goes, as
/// [`insert_hamza`] puts it: before a `«` right before the word where the style wants it so
/// (in the window, or at the end of `out` for a word at the window's start), else before the
/// word.
#[inline(always)]
fn hamza_at(rules: &StyleRules, window: &[u8], o: usize, out: &str) -> HamzaAt {
    const QUOTE: [u8; 2] = two_byte_utf8('«');
    if rules.hamza_at_quote == HamzaAtQuote::BeforeQuote {
        let before = o
            .checked_sub(QUOTE.len())
            .and_then(|at| Some((at, window.get(at..o)?)));
        match before {
            Some((at, quote)) if quote == QUOTE => return HamzaAt::Window(at),
            None if o == 0 && out.ends_with('«') => return HamzaAt::BeforeQuoteInOutput,
            _ => {}
        }
    }
    HamzaAt::Window(o)
}

/// Where [`simple_words`] stopped.
#[derive(Clone, Copy, Debug)]
struct SimpleWords {
    /// The byte offset in the text.
    at: usize,
    /// The offset in the window.
    o: usize,
    /// Whether `at` is the end of a word it wrote (what follows is no space before another
    /// word), else the start of a word it left to [`plain_word`].
    at_word_end: bool,
}

/// The fast path of [`plain_words`] for the common case: converts the words from byte `at`
/// of `bytes` on, at offset `o` of `window` (at most [`FULL`]), with the style's `hamza` (as
/// two bytes of UTF-8), as long as each is a one-part plain word (see [`plain_part`]) or an
/// abbreviation the style letter-spaces (see [`letter_spaced`]), ended by ASCII other than a
/// letter or a hyphen and followed by a space and a letter, and its hamza does not go before
/// a `«` already in `out`. One loop, with the style's facts in registers, where
/// [`plain_word`] and [`plain_words_in`] had a call and some 80 instructions a word more.
/// Writes and decides exactly as they do (tested against the general rules), and stops at a
/// word start (the word left to them) or after the last word written, before what follows
/// it; the window is appended to `out` when it fills up, as [`plain_words_in`] appends it.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn simple_words<const LETTER_SPACED: bool>(
    bytes: &[u8],
    mut at: usize,
    table: &ByteTable,
    rules: &StyleRules,
    hamza: [u8; 2],
    out: &mut String,
    window: &mut Window,
    mut o: usize,
) -> SimpleWords {
    let stop = |at, o| SimpleWords {
        at,
        o,
        at_word_end: false,
    };
    loop {
        let Some(run) = window
            .get_mut(o..o + WORD_ROOM)
            .and_then(|target| spell_word_letters(bytes, at, table, target))
        else {
            return stop(at, o);
        };
        // What `plain_word` ends a word at: ASCII other than a letter or a hyphen. (The end of
        // the text, a hyphen, a letter or anything not ASCII: left to it.)
        let next = bytes.get(at + 2 * run.letters).copied().unwrap_or(b'-');
        let ends_word =
            next == b' ' || (next.is_ascii() && !next.is_ascii_alphabetic() && next != b'-');
        if !ends_word {
            return stop(at, o);
        }
        let end = at + 2 * run.letters;
        let tote_end = if LETTER_SPACED && is_spaceable(table, &bytes[at..end], run.any) {
            match letter_spaced(&bytes[at..end], table, rules, hamza, out, window, o) {
                Some(tote_end) => tote_end,
                None => return stop(at, o),
            }
        } else {
            // (A Cyrillic character outside the table inside the word ends the part there:
            // the word is left to `plain_word`.)
            let Some((_, mut tote_end, any)) =
                finish_part::<LETTER_SPACED>(run, bytes, at, table, rules, window, o)
                    .filter(|&(part_end, _, _)| part_end == end)
            else {
                return stop(at, o);
            };
            if takes_hamza(any) {
                match hamza_at(rules, window, o, out) {
                    HamzaAt::Window(hamza_at) => match insert(window, hamza_at, tote_end, hamza) {
                        Some(with_hamza) => tote_end = with_hamza,
                        None => return stop(at, o),
                    },
                    HamzaAt::BeforeQuoteInOutput => return stop(at, o),
                }
            }
            tote_end
        };
        (at, o) = (end, tote_end);
        let word_end = SimpleWords {
            at,
            o,
            at_word_end: true,
        };
        if !(next == b' ' && bytes.get(at + 1).is_some_and(|b| matches!(b, 0xD0..=0xD3))) {
            return word_end;
        }
        let Some(space) = window.get_mut(o) else {
            return word_end;
        };
        *space = b' ';
        (at, o) = (at + 1, o + 1);
        if o > FULL {
            append_window(out, window, o);
            o = 0;
        }
    }
}

/// Writes the abbreviation `letters` (UTF-8 of two to [`MAX_ABBREVIATION_LEN`] capitals, each
/// written with one tote letter: see [`is_spaceable`]) letter-spaced at offset `o` of
/// `window`, as the general rules write it ([`ToArabic::emit_abbreviation`]): each letter a
/// word of its own, with its own hamza (before a `«` right before the first where the style
/// puts it there). Returns the end of what it wrote; `None` if it does not fit or the hamza
/// goes before a `«` already in `out` (the general rules write it then).
#[inline(never)]
fn letter_spaced(
    letters: &[u8],
    table: &ByteTable,
    rules: &StyleRules,
    hamza: [u8; 2],
    out: &str,
    window: &mut [u8],
    o: usize,
) -> Option<usize> {
    let mut end = o;
    for (index, pair) in letters.chunks_exact(2).enumerate() {
        let packed = table.packed(pair[0], pair[1]);
        if index > 0 {
            end = put(window, end, b" ")?;
        }
        if takes_hamza(packed) {
            let at = match (index, hamza_at(rules, window, end, out)) {
                (0, HamzaAt::Window(at)) => at,
                (0, HamzaAt::BeforeQuoteInOutput) => return None,
                _ => end,
            };
            end = insert(window, at, end, hamza)?;
        }
        end = put(window, end, &(packed as u16).to_le_bytes())?;
    }
    Some(end)
}

/// How many letters [`spell_word_letters`] converts at once, without a branch on each.
const BLOCK_LETTERS: usize = 8;

/// For each count of letters at the start of a block (0 to [`BLOCK_LETTERS`]), a mask for
/// each slot of the block: all ones for a slot among them, else 0.
const SLOTS_KEPT: [[u32; BLOCK_LETTERS]; BLOCK_LETTERS + 1] = {
    let mut kept = [[0; BLOCK_LETTERS]; BLOCK_LETTERS + 1];
    let mut letters = 0;
    while letters <= BLOCK_LETTERS {
        let mut slot = 0;
        while slot < letters {
            kept[letters][slot] = u32::MAX;
            slot += 1;
        }
        letters += 1;
    }
    kept
};

/// How many of the [`BLOCK_LETTERS`] two-byte slots of `block` start with a lead byte of
/// U+0400..U+04FF (0xD0..=0xD3) before the first that does not: the letters of a word, read
/// without a branch. (In valid UTF-8 a continuation byte follows each such lead byte.)
#[inline(always)]
fn leading_cyrillic_slots(block: &[u8; 2 * BLOCK_LETTERS]) -> usize {
    // Each slot is a 16-bit lane of a `u64`, its lead byte the low byte: masked to its top six
    // bits and compared with 0xD0, a lane is 0 for a lead and at most 0xFC else, so adding
    // 0x7FFF sets the lane's top bit exactly for the others, with no carry out of the lane.
    const LEAD_BITS: u64 = 0x00FC_00FC_00FC_00FC;
    const LEAD: u64 = 0x00D0_00D0_00D0_00D0;
    const CARRY: u64 = 0x7FFF_7FFF_7FFF_7FFF;
    const TOP: u64 = 0x8000_8000_8000_8000;
    let not_lead = |half: &[u8]| {
        let lanes = u64::from_le_bytes(half.try_into().unwrap_or([0; 8]));
        (((lanes & LEAD_BITS) ^ LEAD) + CARRY) & TOP
    };
    let (low, high) = block.split_at(BLOCK_LETTERS);
    let ends = u128::from(not_lead(low)) | (u128::from(not_lead(high)) << 64);
    (ends.trailing_zeros() / 16) as usize
}

/// The first pass over the run of table letters at byte `at` of `bytes` (a part of a plain
/// word): writes each letter as its two bytes of [`ByteTable::packed`] into `target`, one
/// unconditional store a letter, and returns what it found. What it writes is the run's tote
/// if [`SimpleRun::any`] has no [`flags::MULTI_TOTE`] and [`SimpleRun::follows`] no pair
/// spelled together; else it is to be written again ([`finish_part`]). `None` for a run as
/// long as the target (it may go on). The letters are read in blocks of [`BLOCK_LETTERS`]
/// without a branch on each: the number of letters in a block, which would mispredict once a
/// word, is read off the lead bytes first (a code point of U+0400..U+04FF outside the table
/// counts as a letter there, and its `MULTI_TOTE` flag sends the word to `spell_part`, which
/// ends it there). The last letters, where fewer than 16 bytes are left, are read one by one.
#[inline(always)]
fn spell_word_letters(
    bytes: &[u8],
    at: usize,
    table: &ByteTable,
    target: &mut [u8],
) -> Option<SimpleRun> {
    let (mut any, mut prev, mut follows) = (0u32, 0u32, 0u32);
    let mut letters = 0;
    loop {
        let from = at + 2 * letters;
        let block = bytes
            .get(from..from + 2 * BLOCK_LETTERS)
            .and_then(|block| <&[u8; 2 * BLOCK_LETTERS]>::try_from(block).ok());
        let block_target = target
            .get_mut(2 * letters..2 * (letters + BLOCK_LETTERS))
            .and_then(|slots| <&mut [u8; 2 * BLOCK_LETTERS]>::try_from(slots).ok());
        let (Some(block), Some(block_target)) = (block, block_target) else {
            break;
        };
        let in_block = leading_cyrillic_slots(block);
        let kept = &SLOTS_KEPT[in_block];
        let slots = block.chunks_exact(2).zip(block_target.chunks_exact_mut(2));
        for ((pair, tote), kept) in slots.zip(kept) {
            let Ok(&pair) = <&[u8; 2]>::try_from(pair) else {
                continue;
            };
            let packed = table.packed_utf8(pair);
            tote.copy_from_slice(&(packed as u16).to_le_bytes());
            let packed = packed & kept;
            follows |= (prev << flags::FOLLOWS_SHIFT) & packed;
            any |= packed;
            prev = packed;
        }
        letters += in_block;
        if in_block < BLOCK_LETTERS {
            return Some(SimpleRun {
                letters,
                any,
                follows,
            });
        }
    }
    for (pair, slot) in bytes[at + 2 * letters..]
        .chunks_exact(2)
        .zip(target[2 * letters..].chunks_exact_mut(2))
    {
        let Ok(&pair) = <&[u8; 2]>::try_from(pair) else {
            break;
        };
        let packed = table.packed_utf8(pair);
        if packed & packed_flags(flags::IN_TABLE) == 0 {
            break;
        }
        slot.copy_from_slice(&(packed as u16).to_le_bytes());
        follows |= (prev << flags::FOLLOWS_SHIFT) & packed;
        any |= packed;
        prev = packed;
        letters += 1;
    }
    // (A word as long as the target may go on.)
    (2 * letters < target.len()).then_some(SimpleRun {
        letters,
        any,
        follows,
    })
}

/// Writes the gap that [`between_words`] found after the word ending at byte `end` of
/// `bytes` (`gap`: whether it starts with a comma, and where the next word starts) at offset
/// `o` of `window`, the comma as `comma` (the style's: a comma after a letter is not between
/// digits); returns where the next word starts and the end of what was written, or `None` if
/// it does not fit.
#[inline(always)]
fn write_gap(
    bytes: &[u8],
    end: usize,
    (has_comma, next): (bool, usize),
    comma: &[u8],
    window: &mut [u8],
    o: usize,
) -> Option<(usize, usize)> {
    // Written only where there is one, and with its length known in the common case: no call
    // to `memcpy`.
    let after_comma = if has_comma {
        put_short(window, o, comma)?
    } else {
        o
    };
    let from = end + usize::from(has_comma);
    let o = put_small(window, after_comma, bytes, from, next - from)?;
    Some((next, o))
}

/// What stands between a word ending at byte `end` and the next one, where the general rules
/// write it as it is: an optional comma, then a run of inert ASCII (`. `, `: `, `\n`,
/// spaces, digits), then a Cyrillic letter. Returns whether there is a comma and where the
/// next word starts; `None` if anything else follows (the general rules take over).
fn between_words(bytes: &[u8], end: usize) -> Option<(bool, usize)> {
    let comma = bytes.get(end) == Some(&b',');
    let from = end + usize::from(comma);
    let inert = bytes
        .get(from..)?
        .iter()
        .position(|&b| !segment::is_inert_ascii(b))?;
    let next = from + inert;
    (inert > 0 && matches!(bytes[next], 0xD0..=0xD3)).then_some((comma, next))
}

/// What stands between a word ending at byte `end` and the next one where that is more than
/// [`between_words`] takes, but still only characters that the general rules write one by
/// one, each as it is or as a mark of the style, without looking at the words around: inert
/// ASCII, `,` (Arabic unless between digits, as [`ToArabic::comma`] decides), `?` and `;`
/// (their tote marks), a `-` after anything but a digit (after a year, the style may space
/// it), and `«`, `»` and the punctuation of U+2010..=U+2027 (dashes, quotes, ellipsis) as
/// they are; the last before the next word is no hyphen. Writes it at offset `o` of `window`;
/// returns where the next word starts and the end of what was written, or `None` if anything
/// else stands there (or no word follows, or the window has no room): the general rules take
/// over at `end`.
///
/// Most runs of plain words used to end at such a gap (`?` at the end of a line, ` — `,
/// ` «`, ` “`), and each end cost the window's check and copy and a restart of the run.
#[inline(never)]
fn punctuation_between_words(
    bytes: &[u8],
    end: usize,
    rules: &StyleRules,
    window: &mut [u8],
    mut o: usize,
) -> Option<(usize, usize)> {
    let mut at = end;
    loop {
        let rest = bytes.get(at..)?;
        // (Never the start of the text: a word ends at `end`.)
        let before = *bytes.get(at.checked_sub(1)?)?;
        (at, o) = match *rest {
            [0xD0..=0xD3, ..] if at > end && before != b'-' => {
                return Some((at, o));
            }
            [b',', ..] => {
                let between_digits =
                    before.is_ascii_digit() && rest.get(1).is_some_and(u8::is_ascii_digit);
                match rules.comma {
                    CommaRule::ArabicExceptBetweenDigits if !between_digits => {
                        (at + 1, put(window, o, &TOTE_COMMA)?)
                    }
                    _ => (at + 1, put(window, o, b",")?),
                }
            }
            [b'?', ..] => (at + 1, put(window, o, &TOTE_QUESTION_MARK)?),
            [b';', ..] => (at + 1, put(window, o, &TOTE_SEMICOLON)?),
            [b'-', ..] if !before.is_ascii_digit() => (at + 1, put(window, o, b"-")?),
            [b, ..] if segment::is_inert_ascii(b) => (at + 1, put(window, o, &[b])?),
            // `»`, and `«`: the hamza of a word right after it goes before it in styles
            // that put it there (see `hamza_at`).
            [0xC2, quote @ (0xAB | 0xBB), ..] => (at + 2, put(window, o, &[0xC2, quote])?),
            // U+2010..=U+2027
            [0xE2, 0x80, third @ 0x90..=0xA7, ..] => {
                (at + 3, put(window, o, &[0xE2, 0x80, third])?)
            }
            _ => return None,
        };
    }
}

/// The UTF-8 of a tote mark of two bytes (as all of them are).
const fn two_byte_utf8(c: char) -> [u8; 2] {
    let code = c as u32;
    assert!(
        code >= 0x80 && code < 0x800,
        "a character of two bytes of UTF-8"
    );
    [0xC0 | (code >> 6) as u8, 0x80 | (code & 0x3F) as u8]
}

/// The UTF-8 of [`tote::COMMA`].
const TOTE_COMMA: [u8; 2] = two_byte_utf8(tote::COMMA);
/// The UTF-8 of [`tote::QUESTION_MARK`].
const TOTE_QUESTION_MARK: [u8; 2] = two_byte_utf8(tote::QUESTION_MARK);
/// The UTF-8 of [`tote::SEMICOLON`].
const TOTE_SEMICOLON: [u8; 2] = two_byte_utf8(tote::SEMICOLON);

/// Converts the word at byte `start` of `text` if it is *plain*: one or more parts joined by
/// single hyphens (`іс-шара`), each of letters of the table only, no abbreviation and no
/// patronym inside, and not joined to anything else. Writes its tote at offset `o` of
/// `window` and returns the end of the word, the end of its tote and whether a hamza goes
/// before it (the caller writes that one: it may go before a `«` in front of the word);
/// `None` (what was written does not count) sends the word to the general rules.
///
/// For such a word the general rules reduce to: the hamza decision (over all its parts in
/// [`HamzaScope::WholeWord`], else for each part), each part's letters (see
/// [`plain_part`]), and between parts the hyphen, with a space after it in
/// [`HyphenSpacing::SpaceAfter`] styles.
#[inline(always)]
fn plain_word<const EACH_PART: bool, const LETTER_SPACED: bool>(
    text: &str,
    start: usize,
    table: &ByteTable,
    rules: &StyleRules,
    window: &mut [u8],
    o: usize,
) -> Option<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    // The flags of the letters of all parts together, and whether the first part takes a
    // hamza of its own.
    let (mut at, mut o_at, mut any, mut first_hamza) = (start, o, 0, false);
    loop {
        let part_o = o_at;
        let (end, part_end, part) =
            plain_part::<LETTER_SPACED>(bytes, at, table, rules, window, o_at)?;
        o_at = part_end;
        if EACH_PART && takes_hamza(part) {
            if part_o == o {
                first_hamza = true;
            } else {
                // After the hyphen: never at a quote.
                o_at = insert(window, part_o, o_at, two_bytes(rules.hamza)?)?;
            }
        }
        any |= part;
        at = end;
        match bytes[at..] {
            // Mostly what ends a word: a space or the end of the text.
            [] | [b' ', ..] => break,
            [b'-', 0xD0..=0xD3, ..] => {
                o_at = put(window, o_at, b"-")?;
                if rules.hyphen_spacing == HyphenSpacing::SpaceAfter {
                    o_at = put(window, o_at, b" ")?;
                }
                at += 1;
            }
            // Any other ASCII but a hyphen: a Latin letter continues the word (as
            // `continues_word` tells), punctuation and digits end it.
            [b, ..] if b.is_ascii() && b != b'-' => {
                if b.is_ascii_alphabetic() {
                    return None;
                }
                break;
            }
            _ if continues_word(text, at) => return None,
            _ => break,
        }
    }
    let hamza = if EACH_PART {
        first_hamza
    } else {
        takes_hamza(any)
    };
    Some((at, o_at, hamza))
}

/// Whether a word whose letters' flags, or-ed together, are `any` (as [`packed_flags`]
/// places them) takes a hamza: a front vowel and no front marker.
#[inline(always)]
fn takes_hamza(any: u32) -> bool {
    any & packed_flags(flags::FRONT_VOWEL) != 0 && any & packed_flags(flags::FRONT_MARKER) == 0
}

/// Converts the part of a plain word (see [`plain_word`]) at byte `start` of `bytes`: a run
/// of letters of the table with at least one written, no abbreviation and no patronym inside.
/// Writes its tote at offset `o` of `window`; returns its end, the end of its tote and the
/// flags of its letters, or-ed together (as [`packed_flags`] places them); `None` if the run
/// is no such part or its tote does not fit.
///
/// The letters are written as they are read, without decoding. Almost every part has only
/// letters written with one tote letter, none of them merging with the next and no `е` after
/// a vowel in a style that writes a yeh there: [`spell_word_letters`] writes those in one
/// pass, two bytes a letter, and the other parts are written again by [`spell_part`].
#[inline(always)]
fn plain_part<const LETTER_SPACED: bool>(
    bytes: &[u8],
    start: usize,
    table: &ByteTable,
    rules: &StyleRules,
    window: &mut [u8],
    o: usize,
) -> Option<(usize, usize, u32)> {
    // (A part as long as the room for a word takes the general rules: they write the same.)
    let run = spell_word_letters(bytes, start, table, window.get_mut(o..o + WORD_ROOM)?)?;
    finish_part::<LETTER_SPACED>(run, bytes, start, table, rules, window, o)
}

/// The rest of [`plain_part`] after [`spell_word_letters`] wrote the `run` of table letters at
/// byte `start` at offset `o` of `window`: writes it again letter by letter ([`spell_part`])
/// if some letter is not written with one tote letter or is spelled together with the next,
/// and returns what [`plain_part`] returns.
#[inline(always)]
fn finish_part<const LETTER_SPACED: bool>(
    run: SimpleRun,
    bytes: &[u8],
    start: usize,
    table: &ByteTable,
    rules: &StyleRules,
    window: &mut [u8],
    o: usize,
) -> Option<(usize, usize, u32)> {
    // Where a letter and the one after it spell otherwise than letter by letter.
    let spelled_together = packed_flags(
        flags::PAIR_SECOND
            | match rules.vowel_then_e {
                VowelThenE::InsertYeh => flags::E,
                VowelThenE::Plain => 0,
            },
    );
    let (end, tote_end, any) =
        if run.any & packed_flags(flags::MULTI_TOTE) == 0 && run.follows & spelled_together == 0 {
            // (No letter: none written.)
            if run.letters == 0 {
                return None;
            }
            (start + 2 * run.letters, o + 2 * run.letters, run.any)
        } else {
            match spell_part(bytes, start, table, rules, window, o)? {
                // (None written.)
                (_, tote_end, _) if tote_end == o => return None,
                (end, tote_end, any) => (end, tote_end, packed_flags(any)),
            }
        };
    let letters = &bytes[start..end];
    let not_plain = (LETTER_SPACED && is_spaceable(table, letters, any))
        || (table.may_have_patronym(any) && has_patronym(table, letters, any, rules.patronymics));
    (!not_plain).then_some((end, tote_end, any))
}

/// What the first pass over a run of table letters found (see [`spell_word_letters`]).
#[derive(Clone, Copy, Debug)]
struct SimpleRun {
    /// How many letters the run has.
    letters: usize,
    /// The letters' [`ByteTable::packed`] entries or-ed together: their flags (as
    /// [`packed_flags`] places them) that some letter has, above bits of no meaning.
    any: u32,
    /// Each letter's packed entry and-ed with the one before it shifted by
    /// [`flags::FOLLOWS_SHIFT`], or-ed together: the pairs of neighbouring letters that spell
    /// otherwise than one by one (see [`flags::FOLLOWS_SHIFT`]).
    follows: u32,
}

/// Writes the tote of the run of table letters at byte `start` of `bytes` letter by letter,
/// at offset `o` of `window`: each letter's spelling, with the merged pairs (`ия`) and the
/// yeh before `е` after a vowel. Returns the run's end, the end of its tote and its letters'
/// flags, or-ed together; `None` if the tote does not fit.
#[inline(never)]
fn spell_part(
    bytes: &[u8],
    start: usize,
    table: &ByteTable,
    rules: &StyleRules,
    window: &mut [u8],
    mut o: usize,
) -> Option<(usize, usize, u16)> {
    // The letters after which `е` is written with a yeh in front, in this style.
    let vowel_before_e = match rules.vowel_then_e {
        VowelThenE::InsertYeh => flags::VOWEL_BEFORE_E,
        VowelThenE::Plain => 0,
    };
    // The flags of all letters or-ed together and of the letter before; the offset of the
    // next.
    let (mut any, mut prev) = (0u16, 0u16);
    let mut at = start;
    while let &[lead, continuation, ref rest @ ..] = &bytes[at..] {
        let packed = table.packed(lead, continuation);
        let bits = (packed >> 16) as u16;
        if packed & packed_flags(flags::IN_TABLE) == 0 {
            break;
        }
        // Most letters here are still written with one tote letter, whatever stands around
        // them: the two bytes of the packed table, as in the first pass.
        let alone = bits & (flags::SINGLE_TOTE | flags::PAIR_FIRST) == flags::SINGLE_TOTE
            && (bits & flags::E == 0 || prev & vowel_before_e == 0);
        if alone {
            o = put(window, o, &(packed as u16).to_le_bytes())?;
            any |= bits;
            prev = bits;
            at += 2;
            continue;
        }
        let letter = table.get(lead, continuation);
        if bits & flags::PAIR_FIRST != 0 {
            // `и` before `я` or `ю`: one tote group.
            if let &[lead @ 0xD0..=0xD3, continuation, ..] = rest {
                let next = table.get(lead, continuation);
                let merged = (next.flags & flags::PAIR_SECOND != 0)
                    .then(|| letters::merged_pair(letter.lower, next.lower))
                    .flatten();
                if let Some(merged) = merged {
                    o = put_short(window, o, merged.as_bytes())?;
                    any |= bits | next.flags;
                    prev = next.flags;
                    at += 4;
                    continue;
                }
            }
        }
        // `е` after a vowel has its own spelling.
        let spelling = if prev & vowel_before_e != 0 {
            letter.tote_after_vowel
        } else {
            letter.tote
        };
        o = put_short(window, o, spelling.as_bytes())?;
        any |= bits;
        prev = bits;
        at += 2;
    }
    Some((at, o, any))
}

/// Whether the run `letters` (UTF-8 of table letters) whose flags, or-ed together, are `any`
/// (as [`packed_flags`] places them) is an all-caps abbreviation to letter-space: two to
/// [`MAX_ABBREVIATION_LEN`] capitals, each written with one tote letter. (Asked of the
/// letters again only for a short run whose first letter is a capital.)
#[inline(always)]
fn is_spaceable(table: &ByteTable, letters: &[u8], any: u32) -> bool {
    let upper = |pair: &[u8]| table.packed(pair[0], pair[1]) & packed_flags(flags::UPPER) != 0;
    any & packed_flags(flags::UPPER | flags::MULTI_TOTE) == packed_flags(flags::UPPER)
        && (4..=2 * MAX_ABBREVIATION_LEN).contains(&letters.len())
        && letters.chunks_exact(2).all(upper)
}

/// The length of the word of ASCII letters at byte `at` of `bytes` (a compound starts there)
/// if nothing joins it to anything else: ASCII other than a letter or a hyphen follows it, or
/// the end of the text. Such a word (`XXI`, `Eurovision`) has no Cyrillic letter to read its
/// look-alikes as Cyrillic by, so [`ToArabic::compound`] writes it as it is, at some 2,000
/// instructions a word; it is written straight away instead.
fn latin_word_len(bytes: &[u8], at: usize) -> Option<usize> {
    let word = bytes.get(at..)?;
    let len = word
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(word.len());
    let alone = match word.get(len) {
        None => true,
        Some(&next) => next.is_ascii() && next != b'-',
    };
    (len > 0 && alone).then_some(len)
}

/// Whether the character at byte `end` continues the word that ends there: a word character,
/// or a hyphen followed by one (a compound).
fn continues_word(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let next_is_word_char = |rest: &str| {
        rest.chars()
            .next()
            .is_some_and(|c| segment::word_char(c).is_some())
    };
    match rest.as_bytes().first() {
        None => false,
        Some(b'-') => next_is_word_char(&rest[1..]),
        // A joiner before a look-alike may join a chain (see `look_alike_chain`).
        Some(0xE2) if rest.starts_with(is_joiner) => joins_look_alikes(rest),
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => next_is_word_char(rest),
    }
}

/// A zero-width non-joiner or joiner (U+200C, U+200D).
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
fn joins_look_alikes(rest: &str) -> bool {
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

/// Whether a plain word (UTF-8 of table letters) whose letters' flags, or-ed together, are
/// `any` may have a patronym that [`patronymic_splits`] splits off by `rule`: such words take
/// the general path. Exact for a word of lower-case letters each written with one tote letter
/// under [`Patronymics::SplitAfterName`] (`құлындар` has none to split), else any patronym
/// inside counts.
fn has_patronym(table: &ByteTable, word: &[u8], any: u32, rule: Patronymics) -> bool {
    if any & packed_flags(flags::UPPER | flags::SILENT) == 0 {
        if rule == Patronymics::SplitAfterName && any & packed_flags(flags::MULTI_TOTE) == 0 {
            return ends_with_patronymic(word);
        }
        return has_lower_case_patronym(word);
    }
    let written = word
        .chunks_exact(2)
        .map(|pair| table.get(pair[0], pair[1]))
        .filter(|letter| !letter.tote.is_empty())
        .map(|letter| letter.lower);
    patronym_inside(written)
}

/// [`has_patronym`] for a word of lower-case letters each written with one tote letter, under
/// [`Patronymics::SplitAfterName`]: whether it ends with a patronym and one of its endings
/// after a stem of two letters or more, the one split [`patronymic_splits`] looks for first
/// (from the end; it finds the others only before that one). Its letters are then its
/// written letters, two bytes each, and a letter is one tote letter.
fn ends_with_patronymic(word: &[u8]) -> bool {
    // A patronym and its ending span at most this many letters (two bytes each); the stem
    // has two at least.
    const LONGEST_TAIL: usize = {
        let (mut longest, mut index) = (0, 0);
        while index < PATRONYMIC_ENDINGS.len() {
            if PATRONYMIC_ENDINGS[index].len() > longest {
                longest = PATRONYMIC_ENDINGS[index].len();
            }
            index += 1;
        }
        (PATRONYM_QYZ.len() + longest) / 2
    };
    const STEM_LETTERS: usize = 2;
    let letters = word.len() / 2;
    (letters.saturating_sub(LONGEST_TAIL).max(STEM_LETTERS)..letters).any(|at| {
        let rest = &word[2 * at..];
        [PATRONYM_UL.as_bytes(), PATRONYM_QYZ.as_bytes()]
            .iter()
            .find(|patronym| rest.starts_with(patronym))
            .is_some_and(|patronym| {
                let ending = &rest[patronym.len()..];
                PATRONYMIC_ENDINGS.iter().any(|e| e.as_bytes() == ending)
            })
    })
}

/// [`has_patronym`] for a word of lower-case letters that are all written (no `ь`, `ъ`):
/// then its letters are its written letters, two bytes each, and a patronym inside is one
/// that starts after the first letter. Found on the bytes, from each `ы` that ends one.
fn has_lower_case_patronym(word: &[u8]) -> bool {
    let letter = |c: &str| u16::from_le_bytes([c.as_bytes()[0], c.as_bytes()[1]]);
    let [y, u, l, q, z] = ["ы", "ұ", "л", "қ", "з"].map(letter);
    // The three letters before the one at `at`, oldest first.
    let mut before = [0u16; 3];
    for (at, pair) in word.chunks_exact(2).enumerate() {
        let c = u16::from_le_bytes([pair[0], pair[1]]);
        // `ұлы` or `қызы` ends at `at` and starts after the first letter.
        if c == y && ((at >= 3 && before[1..] == [u, l]) || (at >= 4 && before == [q, y, z])) {
            return true;
        }
        before = [before[1], before[2], c];
    }
    false
}

/// Whether a patronym (`ұлы`, `қызы`) starts after the first of `written`, the lower-case
/// letters of a word that tote writes (`ь`, `ъ` left out). Every split of
/// [`patronymic_splits`] is at such a place, so words without one are not split.
fn patronym_inside(written: impl Iterator<Item = char>) -> bool {
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
const PATRONYM_UL: &str = "ұлы";
/// The second of [`PATRONYMS`], as text.
const PATRONYM_QYZ: &str = "қызы";

/// Where the style writes `ұлы`/`қызы` as separate words: the start of each split-off piece,
/// as indices into `letters`, ascending. Empty for almost every word (and then allocation
/// free).
fn patronymic_splits(letters: &[Letter], rule: Patronymics) -> Vec<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Style;

    fn arabic(text: &str, style: Style) -> String {
        to_arabic(text, &style.rules()).into_owned()
    }

    #[test]
    fn a_word_the_fast_path_gives_up_keeps_the_quote_before_it() {
        // `Ө` is a plain part, but Latin letters follow it: the general rules take the word,
        // and the hamza of the part must not have moved in front of the `«`.
        for style in Style::ALL {
            assert!(arabic("«Өaeoi", style).starts_with('«'), "{style}");
        }
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
    fn patronyms_are_found_on_the_bytes_as_on_the_letters() {
        let words = [
            "ұлы",
            "қызы",
            "зұлым",
            "абайұлы",
            "қыздың",
            "аққызы",
            "қызықызы",
            "ұлыұлы",
            "ақызы",
            "бұлы",
            "жазылған",
            "қызмет",
            "сұлу",
            "ұл",
            "қыз",
            "нұрқызым",
        ];
        for word in words {
            assert_eq!(
                has_lower_case_patronym(word.as_bytes()),
                patronym_inside(word.chars()),
                "{word}"
            );
        }
    }

    /// [`to_arabic`] by the general rules alone.
    fn by_general_rules(text: &str, rules: &StyleRules) -> String {
        let mut out = String::new();
        convert_into(text, rules, &mut out, Paths::GeneralOnly);
        out
    }

    /// Letters for the fast paths' test: every letter of the table in both cases (those
    /// spelled together: `и` before `я`/`ю`, `е` after a vowel; silent `ь` `ъ`; the patronym
    /// letters), Cyrillic outside the table (`ї`, `ѐ`, `Ӏ`) and a Latin look-alike.
    const TEST_LETTERS: &str =
        "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯїѐӀi";

    /// What stands between the words of the fast paths' test, `|` between them (a gap may be
    /// a patronymic form or an abbreviation glued to the word before).
    const TEST_GAPS: &str = " | | | |, |. |.\n|\n|-| — | «|» |? |; | 1969 -|  |(|) |ұлы | X ||«|»|“|”|—|,|»,|”,|…|?|)|(«|-«|1-|1,|,1|«“|»—|ұлы|ұлының |қызы |ұлымен|қызына |ұлыұлы | АҚШ | ҚР ІІМ | ӘӨҮІ |«ӘЧ» | ҚАЙДА | ЦЮ | БҰҰ-| АЕ | ИЯ | ҰЛЫ |«ІІМ» ";

    /// Words of 1 to 20 letters of [`TEST_LETTERS`] (long ones cross the fast path's block of
    /// letters), each with the gap after it.
    fn test_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let letters: Vec<char> = TEST_LETTERS.chars().collect();
        // Mostly lower-case Kazakh letters, as in text.
        let letter = prop_oneof![
            8 => proptest::sample::select(letters[..42].to_vec()),
            2 => proptest::sample::select(letters),
        ];
        let word = proptest::collection::vec(letter, 1..=20);
        let gap = proptest::sample::select(TEST_GAPS.split('|').collect::<Vec<_>>());
        proptest::collection::vec((word, gap), 1..12).prop_map(|words| {
            words
                .into_iter()
                .map(|(word, gap)| word.into_iter().collect::<String>() + gap)
                .collect()
        })
    }

    proptest::proptest! {
        #[test]
        fn the_fast_paths_write_what_the_general_rules_write(
            text in test_text(),
            style in proptest::sample::select(Style::ALL.to_vec()),
        ) {
            let rules = style.rules();
            proptest::prop_assert_eq!(to_arabic(&text, &rules), by_general_rules(&text, &rules));
        }
    }

    #[test]
    fn the_fast_paths_write_what_the_general_rules_write_on_the_seeds() {
        for seed in [
            include_str!("../fixtures/seeds/002-news-turksoy-interview.cyrillic.txt"),
            include_str!("../fixtures/seeds/004-news-amanat-round-table.cyrillic.txt"),
        ] {
            for style in Style::ALL {
                let rules = style.rules();
                assert_eq!(
                    to_arabic(seed, &rules),
                    by_general_rules(seed, &rules),
                    "{style:?}"
                );
            }
        }
    }

    #[test]
    fn the_patronyms_as_text_are_the_patronyms() {
        let as_text = PATRONYMS.map(|p| p.iter().collect::<String>());
        assert_eq!(as_text, [PATRONYM_UL, PATRONYM_QYZ]);
    }

    #[test]
    fn latin_words_pass_through_and_joined_ones_take_the_general_rules() {
        let rules = Style::Kazinform.rules();
        for (cyrillic, tote) in [
            // Alone: written as they are.
            ("XXI ғасыр", "XXI عاسىر"),
            ("Eurovision, әні", "Eurovision، ءانى"),
            // Joined by a hyphen or to Cyrillic letters: one compound with them.
            ("XX-ғасыр", "XX-عاسىر"),
            ("OK-ға", "OK-عا"),
            ("Eurovisionнің", "Eurovisionءنىڭ"),
            // Look-alikes inside a Cyrillic word are read as Cyrillic letters.
            ("бiлiм", "ءبىلىم"),
        ] {
            assert_eq!(to_arabic(cyrillic, &rules), tote, "{cyrillic}");
        }
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        assert!(matches!(
            to_arabic("KAZINFORM 2024", &Style::Kazinform.rules()),
            Cow::Borrowed(_)
        ));
    }
}
