//! The fast path for one part of a plain word: its letters spelled from their UTF-8 bytes
//! through the byte-indexed letter table, eight at a time, and the checks that send a part
//! to the general rules (abbreviations, patronyms inside).

use crate::orthography::conventions::MAX_ABBREVIATION_LEN;
use crate::orthography::letters::{
    self, flags, packed_flags, ByteTable, CYRILLIC_LEAD_FIRST, CYRILLIC_LEAD_LAST,
};
use crate::orthography::patronyms::has_patronym;
use crate::style::{StyleRules, VowelThenE};

use super::window::{put, put_short, WORD_ROOM};

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
/// U+0400..U+04FF ([`CYRILLIC_LEAD_FIRST`]..=[`CYRILLIC_LEAD_LAST`]) before the first that does not: the letters of a word, read
/// without a branch. (In valid UTF-8 a continuation byte follows each such lead byte.)
#[inline(always)]
fn leading_cyrillic_slots(block: &[u8; 2 * BLOCK_LETTERS]) -> usize {
    // Each slot is a 16-bit lane of a `u64`, its lead byte the low byte: masked to its top six
    // bits (the four lead bytes differ only in the low two) and compared with the first lead
    // byte, a lane is 0 for a lead and at most 0xFC else, so adding 0x7FFF sets the lane's top
    // bit exactly for the others, with no carry out of the lane.
    const _: () = assert!(
        CYRILLIC_LEAD_FIRST % 4 == 0 && CYRILLIC_LEAD_LAST - CYRILLIC_LEAD_FIRST == 3,
        "the Cyrillic lead bytes are four, aligned on four"
    );
    const LANES: u64 = 0x0001_0001_0001_0001;
    const LEAD_BITS: u64 = (!(CYRILLIC_LEAD_LAST - CYRILLIC_LEAD_FIRST)) as u64 * LANES;
    const LEAD: u64 = CYRILLIC_LEAD_FIRST as u64 * LANES;
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
pub(super) fn spell_word_letters(
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

/// Converts the part of a plain word (see [`plain_word`](super::fast::plain_word)) at byte `start` of `bytes`: a run
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
pub(super) fn plain_part<const LETTER_SPACED: bool>(
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
pub(super) fn finish_part<const LETTER_SPACED: bool>(
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
                // (Never asked: the fast paths step aside for the other rules.)
                _ => 0,
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
pub(super) struct SimpleRun {
    /// How many letters the run has.
    pub(super) letters: usize,
    /// The letters' [`ByteTable::packed`] entries or-ed together: their flags (as
    /// [`packed_flags`] places them) that some letter has, above bits of no meaning.
    pub(super) any: u32,
    /// Each letter's packed entry and-ed with the one before it shifted by
    /// [`flags::FOLLOWS_SHIFT`], or-ed together: the pairs of neighbouring letters that spell
    /// otherwise than one by one (see [`flags::FOLLOWS_SHIFT`]).
    pub(super) follows: u32,
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
        // (Never asked: the fast paths step aside for the other rules.)
        _ => 0,
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
            if let &[lead @ CYRILLIC_LEAD_FIRST..=CYRILLIC_LEAD_LAST, continuation, ..] = rest {
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
pub(super) fn is_spaceable(table: &ByteTable, letters: &[u8], any: u32) -> bool {
    let upper = |pair: &[u8]| table.packed(pair[0], pair[1]) & packed_flags(flags::UPPER) != 0;
    any & packed_flags(flags::UPPER | flags::MULTI_TOTE) == packed_flags(flags::UPPER)
        && (4..=2 * MAX_ABBREVIATION_LEN).contains(&letters.len())
        && letters.chunks_exact(2).all(upper)
}
