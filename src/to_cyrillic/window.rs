//! A word's first bytes read as one fixed-size window: its end and its hash without a branch on
//! its length, for the cached fast path and the word cache.

/// The hash of a word and its context flags (the word cache's `SLOT_CONTEXT`): its first [`WINDOW_BYTES`]
/// bytes, zero after its end, hashed at once ([`hash_window`]), any bytes after them eight at
/// a time, then its length and context ([`hash_finish`]). Most words fit the window: their
/// hash has no branch on their length (which varies from word to word, so that a loop over
/// the word's bytes leaves at a point the processor mispredicts), and the fast path of
/// [`ToCyrillic::cached_plain_word`](super::ToCyrillic::cached_plain_word) hashes the window it has already read.
#[inline(always)]
pub(super) fn word_hash(word: &[u8], context: u8) -> u64 {
    let mut hash = hash_window(&window_of(word));
    for chunk in word.get(WINDOW_BYTES..).unwrap_or_default().chunks(8) {
        hash = hash_mix(hash, u64_padded(chunk));
    }
    hash_finish(hash, word.len(), context)
}

/// Bytes of the window that the fast path of [`ToCyrillic::cached_plain_word`](super::ToCyrillic::cached_plain_word) reads at a
/// word's start: enough for 99.8 % of the corpus's words (16 tote letters).
pub(super) const WINDOW_BYTES: usize = 32;

/// A window of text: its first [`WINDOW_BYTES`] bytes.
pub(super) type Window = [u8; WINDOW_BYTES];

/// The words of a window ([`Window`]), little-endian.
pub(super) type WindowWords = [u64; WINDOW_BYTES / 8];

/// The first [`WINDOW_BYTES`] bytes of `bytes`, zero after its end.
#[inline(always)]
pub(super) fn window_of(bytes: &[u8]) -> WindowWords {
    match bytes.first_chunk::<WINDOW_BYTES>() {
        Some(window) => window_words(window),
        None => window_words(&padded_window(bytes)),
    }
}

/// `bytes`, shorter than a window, and zero bytes after them (the end of a text: a cold
/// path).
#[cold]
#[inline(never)]
pub(super) fn padded_window(bytes: &[u8]) -> Window {
    let mut window = [0; WINDOW_BYTES];
    window
        .iter_mut()
        .zip(bytes)
        .for_each(|(to, &from)| *to = from);
    window
}

/// The words of `window`.
#[inline(always)]
pub(super) fn window_words(window: &Window) -> WindowWords {
    std::array::from_fn(|i| u64_at(window, 8 * i))
}

/// Up to eight bytes as a little-endian word, zero after their end.
#[inline(always)]
fn u64_padded(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .rev()
        .fold(0, |value, &byte| (value << 8) | u64::from(byte))
}

/// [`WINDOW_BYTES`] bytes of 0xFF and then as many of 0: [`len_mask`] reads a word's length
/// from it.
static LEN_MASK_BYTES: [u8; 2 * WINDOW_BYTES] = {
    let mut bytes = [0; 2 * WINDOW_BYTES];
    let mut at = 0;
    while at < WINDOW_BYTES {
        bytes[at] = 0xFF;
        at += 1;
    }
    bytes
};

/// The mask of a window ([`Window`]) that keeps its first `len` bytes (at most
/// [`WINDOW_BYTES`]) and clears the others: read off [`LEN_MASK_BYTES`], without a branch.
#[inline(always)]
fn len_mask(len: usize) -> WindowWords {
    let from = WINDOW_BYTES - len.min(WINDOW_BYTES);
    std::array::from_fn(|i| u64_at(&LEN_MASK_BYTES, from + 8 * i))
}

/// The first `len` bytes of `window` ([`len_mask`]), the others zero.
#[inline(always)]
pub(super) fn window_prefix(window: &WindowWords, len: usize) -> WindowWords {
    let mask = len_mask(len);
    std::array::from_fn(|i| window[i] & mask[i])
}

/// The hash of a window: two independent 64 x 64 -> 128 bit products, folded. (Independent,
/// so that the processor computes them side by side.)
#[inline(always)]
pub(super) fn hash_window(window: &WindowWords) -> u64 {
    let [a, b, c, d] = *window;
    fold_mul(a ^ 0x243F_6A88_85A3_08D3, b ^ 0x1319_8A2E_0370_7344)
        ^ fold_mul(c ^ 0xA409_3822_299F_31D0, d ^ 0x082E_FA98_EC4E_6C89)
}

/// The 128-bit product of `a` and `b`, its high half xor its low half.
#[inline(always)]
fn fold_mul(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// Where the first ASCII byte of `window` is (its offset; [`WINDOW_BYTES`] if none), without
/// a branch: each word's high bits gathered into a byte of a mask by a multiplication.
#[inline(always)]
pub(super) fn first_ascii_in(window: &WindowWords) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    /// Moves the high bit of byte `k` to bit `56 + k`.
    const GATHER: u64 = 0x0002_0408_1020_4081;
    let ascii = window.iter().enumerate().fold(0u32, |ascii, (i, &word)| {
        let byte_bits = ((!word & HIGH_BITS).wrapping_mul(GATHER) >> 56) as u32;
        ascii | byte_bits << (8 * i)
    });
    ascii.trailing_zeros() as usize
}

/// The byte at `at` of `window`, or what wraps to it within the window (no bounds check).
#[inline(always)]
pub(super) fn window_byte(window: &Window, at: usize) -> u8 {
    window[at % WINDOW_BYTES]
}

/// The eight bytes of `bytes` from `at` on, little-endian (0 if there are fewer).
#[inline(always)]
pub(super) fn u64_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .map_or(0, |b| u64::from_le_bytes(b.try_into().unwrap_or_default()))
}

/// The four bytes of `bytes` from `at` on, little-endian (0 if there are fewer).
#[inline(always)]
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes(b.try_into().unwrap_or_default()))
}

/// One step of [`word_hash`]: eight bytes (little-endian) into the hash.
#[inline(always)]
fn hash_mix(hash: u64, value: u64) -> u64 {
    (hash.rotate_left(23) ^ value).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The end of [`word_hash`]: the length and the context go in, and the high half is folded
/// into the low one (the low bits of a product depend only on the low bits of its factors,
/// and the table's index is the low bits).
#[inline(always)]
pub(super) fn hash_finish(hash: u64, len: usize, context: u8) -> u64 {
    let hash = hash_mix(hash, ((len as u64) << 8) | u64::from(context));
    hash ^ (hash >> 32)
}

/// `a == b` for short byte strings, eight bytes at a time (the last eight overlapping the
/// ones before; four at a time below eight bytes) and without a call to `memcmp`.
#[inline]
pub(super) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    if len < 8 {
        return if len >= 4 {
            u32_at(a, 0) == u32_at(b, 0) && u32_at(a, len - 4) == u32_at(b, len - 4)
        } else {
            a == b
        };
    }
    let mut at = 0;
    while at + 8 < len {
        if u64_at(a, at) != u64_at(b, at) {
            return false;
        }
        at += 8;
    }
    u64_at(a, len - 8) == u64_at(b, len - 8)
}
