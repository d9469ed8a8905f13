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

use crate::letters::{self, flags, tote, ByteTable};
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
    out.reserve(text.len() + text.len() / 8);
    let mut converter = ToArabic {
        rules,
        table: &letters::BYTE_TABLE,
        out,
        word: Vec::new(),
        segments: Vec::new(),
        chain: None,
        keep_look_alikes: false,
    };
    converter.run(text);
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
            if matches!(b, 0xD0..=0xD3) {
                let end = plain_words(text, i, self.table, self.rules, self.out);
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

/// Converts the run of plain words separated by single spaces that starts at byte `start`
/// (see [`plain_word`]); returns where the run ends (`start` if the first word is not plain:
/// nothing written then).
#[inline(never)]
fn plain_words(
    text: &str,
    start: usize,
    table: &ByteTable,
    rules: &StyleRules,
    out: &mut String,
) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while let Some(end) = plain_word(text, i, table, rules, out) {
        i = end;
        // Mostly a space and the next word: straight to it.
        match bytes[i..] {
            [b' ', 0xD0..=0xD3, ..] => {
                out.push(' ');
                i += 1;
            }
            _ => match between_words(bytes, i) {
                Some((comma, gap)) => {
                    if comma {
                        // After a letter, so not between digits.
                        out.push(match rules.comma {
                            CommaRule::ArabicExceptBetweenDigits => tote::COMMA,
                            CommaRule::Latin => ',',
                        });
                    }
                    let from = i + usize::from(comma);
                    out.push_str(&text[from..gap]);
                    i = gap;
                }
                None => break,
            },
        }
    }
    i
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

/// Converts the word at byte `start` of `text` if it is *plain*: one or more parts joined by
/// single hyphens (`іс-шара`), each of letters of the table only, no abbreviation and no
/// patronym inside, and not joined to anything else. Returns the end of the word; `None`
/// (nothing written) sends the word to the general rules.
///
/// For such a word the general rules reduce to: the hamza decision (over all its parts in
/// [`HamzaScope::WholeWord`], else for each part), each part's letters (see
/// [`plain_part`]), and between parts the hyphen, with a space after it in
/// [`HyphenSpacing::SpaceAfter`] styles.
#[inline(always)]
fn plain_word(
    text: &str,
    start: usize,
    table: &ByteTable,
    rules: &StyleRules,
    out: &mut String,
) -> Option<usize> {
    let out_start = out.len();
    // The flags of the letters of all parts together, and whether the first part takes a
    // hamza of its own (written last, when the word is known to be plain: it may go before
    // a `«` in front of the word, where taking the word back would not remove it).
    let (mut at, mut any, mut first_hamza) = (start, 0, false);
    loop {
        let part_start = out.len();
        let Some((end, part)) = plain_part(text, at, table, rules, out) else {
            out.truncate(out_start);
            return None;
        };
        if rules.hamza_scope == HamzaScope::EachPart && takes_hamza(part) {
            if part_start == out_start {
                first_hamza = true;
            } else {
                insert_hamza(out, rules, part_start);
            }
        }
        any |= part;
        at = end;
        match text.as_bytes()[at..] {
            [b'-', 0xD0..=0xD3, ..] => {
                out.push('-');
                if rules.hyphen_spacing == HyphenSpacing::SpaceAfter {
                    out.push(' ');
                }
                at += 1;
            }
            _ if continues_word(text, at) => {
                out.truncate(out_start);
                return None;
            }
            _ => break,
        }
    }
    let hamza = match rules.hamza_scope {
        HamzaScope::WholeWord => takes_hamza(any),
        HamzaScope::EachPart => first_hamza,
    };
    if hamza {
        insert_hamza(out, rules, out_start);
    }
    Some(at)
}

/// Whether a word whose letters' flags, or-ed together, are `any` takes a hamza: a front
/// vowel and no front marker.
#[inline(always)]
fn takes_hamza(any: u16) -> bool {
    any & flags::FRONT_VOWEL != 0 && any & flags::FRONT_MARKER == 0
}

/// Converts the part of a plain word (see [`plain_word`]) at byte `start` of `text`: a run of
/// letters of the table with at least one written, no abbreviation and no patronym inside.
/// Returns its end and the flags of its letters, or-ed together; `None` if the run is no
/// such part (what it wrote is taken back by the caller).
///
/// The letters are written as they are read, without decoding or allocating. Almost every
/// part has only letters written with one tote letter, none of them merging with the next
/// and no `е` after a vowel in a style that writes a yeh there: [`spell_simple_part`] writes
/// those in one pass, two bytes a letter, and the other parts are written again by
/// [`spell_part`].
#[inline(always)]
fn plain_part(
    text: &str,
    start: usize,
    table: &ByteTable,
    rules: &StyleRules,
    out: &mut String,
) -> Option<(usize, u16)> {
    let out_start = out.len();
    let (end, RunFlags { any, every }) =
        spell_simple_part(text.as_bytes(), start, table, rules, out).unwrap_or_else(|| {
            out.truncate(out_start);
            spell_part(text.as_bytes(), start, table, rules, out)
        });
    let part = &text.as_bytes()[start..end];
    let not_plain = part.is_empty()
        || out.len() == out_start
        || (rules.abbreviations == Abbreviations::LetterSpaced
            && is_spaceable(part.len() / 2, every))
        || (table.may_have_patronym(any) && has_patronym(table, part, any));
    (!not_plain).then_some((end, any))
}

/// The flags of the letters of a run, or-ed and and-ed together.
#[derive(Clone, Copy, Debug)]
struct RunFlags {
    /// The flags that some letter has.
    any: u16,
    /// The flags that every letter has.
    every: u16,
}

/// The first pass of [`plain_part`]: writes each letter of the run of table letters at byte
/// `start` as its [`two_byte_tote`](letters::ByteLetter::two_byte_tote), one unconditional
/// copy a letter. Returns the run's end and its letters' flags if that is the run's
/// spelling; `None` if some letter is spelled otherwise (what was written is then
/// to be taken back).
#[inline(always)]
fn spell_simple_part(
    bytes: &[u8],
    start: usize,
    table: &ByteTable,
    rules: &StyleRules,
    out: &mut String,
) -> Option<(usize, RunFlags)> {
    // Where a letter and the one after it spell otherwise than letter by letter.
    let spelled_together = flags::PAIR_SECOND
        | match rules.vowel_then_e {
            VowelThenE::InsertYeh => flags::E,
            VowelThenE::Plain => 0,
        };
    // The flags of all letters or-ed and and-ed together, of the letter before, and of each
    // letter and-ed with the shifted flags of the one before it, or-ed together.
    let (mut any, mut every, mut prev, mut follows) = (0u16, u16::MAX, 0u16, 0u16);
    let mut at = start;
    while let &[lead @ 0xD0..=0xD3, continuation, ..] = &bytes[at..] {
        let letter = table.get(lead, continuation);
        if letter.flags & flags::IN_TABLE == 0 {
            break;
        }
        out.push_str(&letter.two_byte_tote[..2]);
        follows |= (prev << flags::FOLLOWS_SHIFT) & letter.flags;
        any |= letter.flags;
        every &= letter.flags;
        prev = letter.flags;
        at += 2;
    }
    let simple = every & flags::SINGLE_TOTE != 0 && follows & spelled_together == 0;
    simple.then_some((at, RunFlags { any, every }))
}

/// Writes the tote of the run of table letters at byte `start` of `bytes` letter by letter:
/// each letter's spelling, with the merged pairs (`ия`) and the yeh before `е` after a vowel.
/// Returns the run's end and its letters' flags. (A free function with
/// `out` as its own `&mut` parameter, so that the compiler keeps the string's length and
/// capacity in registers through the loop.)
#[inline(never)]
fn spell_part(
    bytes: &[u8],
    start: usize,
    table: &ByteTable,
    rules: &StyleRules,
    out: &mut String,
) -> (usize, RunFlags) {
    // The letters after which `е` is written with a yeh in front, in this style.
    let vowel_before_e = match rules.vowel_then_e {
        VowelThenE::InsertYeh => flags::VOWEL_BEFORE_E,
        VowelThenE::Plain => 0,
    };
    // The flags of all letters or-ed and and-ed together and of the letter before; the offset
    // of the next.
    let (mut any, mut every, mut prev) = (0u16, u16::MAX, 0u16);
    let mut at = start;
    while let &[lead @ 0xD0..=0xD3, continuation, ref rest @ ..] = &bytes[at..] {
        let letter = table.get(lead, continuation);
        if letter.flags & (flags::IN_TABLE | flags::PAIR_FIRST) != flags::IN_TABLE {
            if letter.flags & flags::IN_TABLE == 0 {
                break;
            }
            // `и` before `я` or `ю`: one tote group.
            if let &[lead @ 0xD0..=0xD3, continuation, ..] = rest {
                let next = table.get(lead, continuation);
                let merged = (next.flags & flags::PAIR_SECOND != 0)
                    .then(|| letters::merged_pair(letter.lower, next.lower))
                    .flatten();
                if let Some(merged) = merged {
                    out.push_str(merged);
                    any |= letter.flags | next.flags;
                    every &= letter.flags & next.flags;
                    prev = next.flags;
                    at += 4;
                    continue;
                }
            }
        }
        // Without branches on the letter: `е` after a vowel has its own spelling.
        let spelling = if prev & vowel_before_e != 0 {
            letter.tote_after_vowel
        } else {
            letter.tote
        };
        push_short(out, spelling);
        any |= letter.flags;
        every &= letter.flags;
        prev = letter.flags;
        at += 2;
    }
    (at, RunFlags { any, every })
}

/// Whether a run of `letters` table letters whose flags and-ed together are `every` is an
/// all-caps abbreviation to letter-space: two to [`MAX_ABBREVIATION_LEN`] capitals, each
/// written with one tote letter.
#[inline(always)]
fn is_spaceable(letters: usize, every: u16) -> bool {
    const SPACEABLE: u16 = flags::UPPER | flags::SINGLE_TOTE;
    every & SPACEABLE == SPACEABLE && (2..=MAX_ABBREVIATION_LEN).contains(&letters)
}

/// `out.push_str(s)` for the short spellings of the letter table: with the common length
/// known to the compiler, the copy is two moves instead of a call to `memcpy`.
#[inline(always)]
fn push_short(out: &mut String, s: &str) {
    match s.len() {
        2 => out.push_str(&s[..2]),
        4 => out.push_str(&s[..4]),
        _ => out.push_str(s),
    }
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
fn is_joiner(c: char) -> bool {
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

/// Whether a plain word (UTF-8 of table letters) has a patronym inside, as
/// [`patronymic_splits`] looks for them: such words take the general path.
fn has_patronym(table: &ByteTable, word: &[u8], any: u16) -> bool {
    if any & (flags::UPPER | flags::SILENT) == 0 {
        return has_lower_case_patronym(word);
    }
    let written = word
        .chunks_exact(2)
        .map(|pair| table.get(pair[0], pair[1]))
        .filter(|letter| !letter.tote.is_empty())
        .map(|letter| letter.lower);
    patronym_inside(written)
}

/// [`has_patronym`] for a word of lower-case letters that are all written (no `ь`, `ъ`):
/// then its letters are its written letters, two bytes each, and a patronym inside is one
/// that starts after the first letter. Found on the bytes, from each `ы` that ends one.
fn has_lower_case_patronym(word: &[u8]) -> bool {
    const Y: &[u8] = "ы".as_bytes();
    const ULY: &[u8] = "ұл".as_bytes();
    const QYZ: &[u8] = "қыз".as_bytes();
    (2..word.len()).step_by(2).any(|end| {
        let before = &word[2..end];
        word[end..].starts_with(Y) && (before.ends_with(ULY) || before.ends_with(QYZ))
    })
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

/// Every tote word that the patronymic rule splits off (`ۇلى`, `ۇلىنىڭ`, `قىزى`, ...).
pub(crate) fn split_patronym_forms() -> &'static [String] {
    static FORMS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        let tote = |letters: &mut dyn Iterator<Item = char>| -> String {
            letters.filter_map(letters::tote_of).collect()
        };
        PATRONYMS
            .iter()
            .flat_map(|p| {
                PATRONYMIC_ENDINGS
                    .iter()
                    .map(move |e| tote(&mut p.iter().copied().chain(e.chars())))
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

    #[test]
    fn unchanged_text_is_borrowed() {
        assert!(matches!(
            to_arabic("KAZINFORM 2024", &Style::Kazinform.rules()),
            Cow::Borrowed(_)
        ));
    }
}
