//! The fixed output window of the fast paths: a block of bytes they write tote into, with
//! the `put*`/`insert` helpers that write into it, appended to the output string in blocks.

/// Room for the tote of plain words (see [`plain_words`](super::fast::plain_words)): they are written into this window
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
pub(super) const WINDOW_LEN: usize = 16 * 1024;

/// A plain word is only started with this much room left in the window (else the window is
/// appended to the output first). A word that does not fit (half as many letters) takes the
/// general rules: they write the same.
pub(super) const WORD_ROOM: usize = 1024;

/// The window [`plain_words`](super::fast::plain_words) writes into: an array, so that its length is a constant of the
/// code and no register holds it.
pub(super) type Window = [u8; WINDOW_LEN];

/// Past this offset, the window is appended to the output before the next word.
pub(super) const FULL: usize = WINDOW_LEN - WORD_ROOM;

thread_local! {
    /// The window of the thread's last conversion, for its next: `to_cyrillic` converts each
    /// spelling it checks, a word at a time, and a window allocated and zeroed for each of
    /// them cost more than the word.
    static SPARE_WINDOW: std::cell::Cell<Option<Box<Window>>> =
        const { std::cell::Cell::new(None) };
}

/// The window for a conversion: the thread's spare one, or a new one (its bytes are whatever
/// an earlier conversion left: only what a conversion writes is appended).
#[inline]
pub(super) fn window_for() -> Box<Window> {
    SPARE_WINDOW
        .with(std::cell::Cell::take)
        .unwrap_or_else(|| Box::new([0; WINDOW_LEN]))
}

/// Keeps `window` as the thread's spare one for its next conversion (see [`window_for`]).
#[inline]
pub(super) fn keep_for_next(window: Box<Window>) {
    SPARE_WINDOW.with(|spare| spare.set(Some(window)));
}

/// `simdutf8` checks blocks of this many bytes with SIMD instructions; what is left over, it
/// copies with branches on its length, and below one block it checks with the standard
/// library (several instructions a byte on two-byte characters). [`append_window`] checks
/// whole blocks instead.
const SIMD_CHECK_LEN: usize = 64;

/// Appends the first `len` bytes of the window that [`plain_words`](super::fast::plain_words) wrote to `out`.
#[inline]
pub(super) fn append_window(out: &mut String, window: &mut [u8], len: usize) {
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
pub(super) fn put(window: &mut [u8], at: usize, bytes: &[u8]) -> Option<usize> {
    let end = at + bytes.len();
    window.get_mut(at..end)?.copy_from_slice(bytes);
    Some(end)
}

/// [`put`] for the short spellings of the letter table and the style's comma: with the common
/// lengths known to the compiler, the copy is one move instead of a call to `memcpy`.
#[inline(always)]
pub(super) fn put_short(window: &mut [u8], at: usize, bytes: &[u8]) -> Option<usize> {
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
pub(super) fn put_small(
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
pub(super) fn insert<const N: usize>(
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
