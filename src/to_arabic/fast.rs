//! The fast paths over runs of plain words: words of table letters written straight from
//! their UTF-8 bytes into the output window, with the gaps between them, in the common style
//! combinations specialised at compile time. They write what the general rules
//! ([`super::general`]) write, checked against them by a proptest.

use crate::orthography::conventions::{is_joiner, style_comma};
use crate::orthography::hamza::takes_hamza;
use crate::orthography::letters::{self, tote, ByteTable, CYRILLIC_LEAD_FIRST, CYRILLIC_LEAD_LAST};
use crate::script::segment;
use crate::style::{Abbreviations, CommaRule, HamzaAtQuote, HamzaScope, HyphenSpacing, StyleRules};

use super::general::joins_look_alikes;
use super::part::{finish_part, is_spaceable, plain_part, spell_word_letters};
use super::window::{append_window, insert, put, put_short, put_small, Window, FULL, WORD_ROOM};

/// The UTF-8 of `c` if it is two bytes long, as the hamza of every style is (U+0621, U+0674).
fn two_bytes(c: char) -> Option<[u8; 2]> {
    let mut utf8 = [0; 4];
    match *c.encode_utf8(&mut utf8).as_bytes() {
        [first, second] => Some([first, second]),
        _ => None,
    }
}

/// Converts the run of plain words separated by single spaces that starts at byte `start`
/// (see [`plain_word`]), writing their tote into `window` (see [`WINDOW_LEN`](super::window::WINDOW_LEN)) and from there
/// to `out`; returns where the run ends (`start` if the first word is not plain: nothing
/// written then).
#[inline(never)]
pub(super) fn plain_words(
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
            [b' ', CYRILLIC_LEAD_FIRST..=CYRILLIC_LEAD_LAST, ..] => {
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

/// Where the hamza of a word goes (see [`hamza_at`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HamzaAt {
    /// At this offset of the window: before the word, or before a `«` right before it.
    Window(usize),
    /// Before the `«` that ends the output (the word starts the window).
    BeforeQuoteInOutput,
}

/// Where the hamza of a word whose tote starts at offset `o` of `window` goes, as
/// [`insert_hamza`](crate::orthography::hamza::insert_hamza) puts it: before a `«` right before the word where the style wants it so
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
        if !(next == b' '
            && bytes
                .get(at + 1)
                .is_some_and(|&b| letters::is_cyrillic_lead(b)))
        {
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

/// Writes the abbreviation `letters` (UTF-8 of two to [`MAX_ABBREVIATION_LEN`](crate::orthography::conventions::MAX_ABBREVIATION_LEN) capitals, each
/// written with one tote letter: see [`is_spaceable`]) letter-spaced at offset `o` of
/// `window`, as the general rules write it ([`ToArabic::emit_abbreviation`](super::general::ToArabic::emit_abbreviation)): each letter a
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
    (inert > 0 && letters::is_cyrillic_lead(bytes[next])).then_some((comma, next))
}

/// What stands between a word ending at byte `end` and the next one where that is more than
/// [`between_words`] takes, but still only characters that the general rules write one by
/// one, each as it is or as a mark of the style, without looking at the words around: inert
/// ASCII, `,` (Arabic unless between digits, as [`comma_at`](crate::orthography::conventions::comma_at) decides), `?` and `;`
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
            [CYRILLIC_LEAD_FIRST..=CYRILLIC_LEAD_LAST, ..] if at > end && before != b'-' => {
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
pub(super) fn plain_word<const EACH_PART: bool, const LETTER_SPACED: bool>(
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
            [b'-', CYRILLIC_LEAD_FIRST..=CYRILLIC_LEAD_LAST, ..] => {
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

/// The length of the word of ASCII letters at byte `at` of `bytes` (a compound starts there)
/// if nothing joins it to anything else: ASCII other than a letter or a hyphen follows it, or
/// the end of the text. Such a word (`XXI`, `Eurovision`) has no Cyrillic letter to read its
/// look-alikes as Cyrillic by, so [`ToArabic::compound`](super::general::ToArabic::compound) writes it as it is, at some 2,000
/// instructions a word; it is written straight away instead.
#[inline]
pub(super) fn latin_word_len(bytes: &[u8], at: usize) -> Option<usize> {
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
