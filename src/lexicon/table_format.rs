//! Hash tables laid out in bytes: written by `tools/lexgen` into the embedded data files and
//! queried in place, so that loading the lexicon builds nothing.
//!
//! A table maps byte-string keys to byte-string values (each at most 255 bytes). Its layout,
//! every integer a little-endian `u32`:
//!
//! * `bits`: the table has `2^bits` buckets (`1..=MAX_BUCKET_BITS`);
//! * `2^bits + 1` offsets into the records: bucket `b`'s records are the bytes from offset
//!   `b` to offset `b + 1`;
//! * the length of the records in bytes, then the records: each is its key's length (one
//!   byte), the key, its value's length (one byte), the value.
//!
//! A key's bucket is the top `bits` bits of its [`key_hash`]. The writer gives a table about
//! one bucket per key, so a look-up reads two offsets and about one record. Records of one
//! bucket keep the order they were given in: [`write_table`] is deterministic.
//!
//! A [`NumberTable`] maps `u32` keys to `u32` values in fixed slots of eight bytes (see
//! [`write_number_table`]).
//!
//! Both the writers and the readers are here, so the format is defined in one place;
//! `tools/lexgen` calls the writer through [`crate::generator`].

/// The most buckets a table may have: `2^MAX_BUCKET_BITS`.
const MAX_BUCKET_BITS: u32 = 24;

/// The hash of a key that picks its bucket: FxHash-style (rotate, xor, multiply) over
/// eight bytes at a time, then the length. Fixed here, never a library's hasher, because the
/// tables written by `tools/lexgen` are read with it.
pub fn key_hash(key: &[u8]) -> u64 {
    const SEED: u64 = 0x517c_c1b7_2722_0a95;
    let mix = |hash: u64, word: u64| (hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    let mut chunks = key.chunks_exact(8);
    let mut hash = 0;
    for chunk in &mut chunks {
        hash = mix(hash, u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
    }
    // (The last bytes gathered one by one: a copy of a variable length calls `memcpy`.)
    let tail = chunks
        .remainder()
        .iter()
        .rev()
        .fold(0, |tail, &byte| (tail << 8) | u64::from(byte));
    hash = mix(hash, tail);
    mix(hash, key.len() as u64)
}

/// The bucket of `key` in a table of `2^bits` buckets.
fn bucket_of(key: &[u8], bits: u32) -> usize {
    (key_hash(key) >> (64 - bits)) as usize
}

/// Appends a table of `records` (key, value) to `out`, in the layout described above. Fails
/// on a key or value longer than 255 bytes or on more records than the table can hold.
pub fn write_table(records: &[(Vec<u8>, Vec<u8>)], out: &mut Vec<u8>) -> Result<(), String> {
    let bits = (1..=MAX_BUCKET_BITS)
        .find(|&bits| 1usize << bits >= records.len())
        .ok_or_else(|| format!("{} records: too many for one table", records.len()))?;
    let mut buckets: Vec<Vec<u8>> = vec![Vec::new(); 1 << bits];
    for (key, value) in records {
        let (Ok(key_len), Ok(value_len)) = (u8::try_from(key.len()), u8::try_from(value.len()))
        else {
            return Err(format!("a record of {} + {} bytes", key.len(), value.len()));
        };
        let bucket = &mut buckets[bucket_of(key, bits)];
        bucket.push(key_len);
        bucket.extend_from_slice(key);
        bucket.push(value_len);
        bucket.extend_from_slice(value);
    }
    let records_len: usize = buckets.iter().map(Vec::len).sum();
    let too_long = || format!("{records_len} bytes of records: too many for one table");
    let records_len = u32::try_from(records_len).map_err(|_| too_long())?;
    out.extend_from_slice(&bits.to_le_bytes());
    let mut offset = 0u32;
    out.extend_from_slice(&offset.to_le_bytes());
    for bucket in &buckets {
        offset += bucket.len() as u32;
        out.extend_from_slice(&offset.to_le_bytes());
    }
    out.extend_from_slice(&records_len.to_le_bytes());
    for bucket in &buckets {
        out.extend_from_slice(bucket);
    }
    Ok(())
}

/// A table read in place from embedded bytes.
#[cfg_attr(not(feature = "lexicon"), allow(dead_code))]
#[derive(Clone, Copy, Debug)]
pub(crate) struct Table {
    /// The table has `2^bits` buckets.
    bits: u32,
    /// `2^bits + 1` little-endian `u32` offsets into `records`.
    offsets: &'static [u8],
    records: &'static [u8],
}

#[cfg_attr(not(feature = "lexicon"), allow(dead_code))]
impl Table {
    /// A table without keys (what malformed data reads as).
    pub(crate) const EMPTY: Table = Table {
        bits: 1,
        offsets: &[0; 12],
        records: &[],
    };

    /// Reads the table at the start of `bytes`: the table and the bytes after it, or `None`
    /// when they hold no table.
    pub(crate) fn split_from(bytes: &'static [u8]) -> Option<(Table, &'static [u8])> {
        let bits = read_u32(bytes, 0)?;
        if !(1..=MAX_BUCKET_BITS).contains(&bits) {
            return None;
        }
        let offsets_len = ((1usize << bits) + 1) * 4;
        let (offsets, rest) = bytes.get(4..)?.split_at_checked(offsets_len)?;
        let records_len = usize::try_from(read_u32(rest, 0)?).ok()?;
        let (records, rest) = rest.get(4..)?.split_at_checked(records_len)?;
        Some((
            Table {
                bits,
                offsets,
                records,
            },
            rest,
        ))
    }

    /// The value of `key`, if the table has it.
    #[cfg(test)]
    pub(crate) fn get(&self, key: &[u8]) -> Option<&'static [u8]> {
        self.get_hashed(key, key_hash(key))
    }

    /// The value of `key` whose [`key_hash`] is `hash` (computed once for two tables).
    pub(crate) fn get_hashed(&self, key: &[u8], hash: u64) -> Option<&'static [u8]> {
        let bucket = (hash >> (64 - self.bits)) as usize;
        let start = usize::try_from(read_u32(self.offsets, bucket * 4)?).ok()?;
        let end = usize::try_from(read_u32(self.offsets, bucket * 4 + 4)?).ok()?;
        let mut rest = self.records.get(start..end)?;
        while let [key_len, after @ ..] = rest {
            let (record_key, after) = after.split_at_checked(usize::from(*key_len))?;
            let [value_len, after @ ..] = after else {
                return None;
            };
            let (value, after) = after.split_at_checked(usize::from(*value_len))?;
            if record_key == key {
                return Some(value);
            }
            rest = after;
        }
        None
    }
}

/// The little-endian `u32` at byte `at` of `bytes`, if there is one.
pub(crate) fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let word = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(word.try_into().ok()?))
}

/// Appends a table of numbers (`u32` key -> `u32` value, every key above 0) to `out`: `bits`
/// (`u32`), then `2^bits` slots of eight bytes, each a key and its value or two zeros, a
/// key in the first free slot from `number_slot` on (open addressing with linear probing).
/// At most half the slots are taken. Fails on a key 0 or more records than the table can
/// hold.
pub fn write_number_table(records: &[(u32, u32)], out: &mut Vec<u8>) -> Result<(), String> {
    let bits = (1..=MAX_BUCKET_BITS)
        .find(|&bits| 1usize << bits >= 2 * records.len())
        .ok_or_else(|| format!("{} numbers: too many for one table", records.len()))?;
    let mask = (1usize << bits) - 1;
    let mut slots = vec![(0u32, 0u32); 1 << bits];
    for &(key, value) in records {
        if key == 0 {
            return Err("a number table cannot hold the key 0".into());
        }
        let mut slot = number_slot(key, bits);
        while slots[slot].0 != 0 {
            slot = (slot + 1) & mask;
        }
        slots[slot] = (key, value);
    }
    out.extend_from_slice(&bits.to_le_bytes());
    for (key, value) in slots {
        out.extend_from_slice(&key.to_le_bytes());
        out.extend_from_slice(&value.to_le_bytes());
    }
    Ok(())
}

/// The first slot to look for `key` in a number table of `2^bits` slots.
fn number_slot(key: u32, bits: u32) -> usize {
    (u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// A table of numbers ([`write_number_table`]) read in place from embedded bytes.
#[cfg_attr(not(feature = "lexicon"), allow(dead_code))]
#[derive(Clone, Copy, Debug)]
pub(crate) struct NumberTable {
    /// The table has `2^bits` slots.
    bits: u32,
    /// Eight bytes a slot.
    slots: &'static [u8],
}

#[cfg_attr(not(feature = "lexicon"), allow(dead_code))]
impl NumberTable {
    /// A table without keys (what malformed data reads as).
    pub(crate) const EMPTY: NumberTable = NumberTable {
        bits: 1,
        slots: &[0; 16],
    };

    /// Reads the table at the start of `bytes`: the table and the bytes after it, or `None`
    /// when they hold no table.
    pub(crate) fn split_from(bytes: &'static [u8]) -> Option<(NumberTable, &'static [u8])> {
        let bits = read_u32(bytes, 0)?;
        if !(1..=MAX_BUCKET_BITS).contains(&bits) {
            return None;
        }
        let (slots, rest) = bytes.get(4..)?.split_at_checked((1usize << bits) * 8)?;
        Some((NumberTable { bits, slots }, rest))
    }

    /// The value of `key`, if the table has it (never for 0).
    pub(crate) fn get(&self, key: u32) -> Option<u32> {
        let slots = 1usize << self.bits;
        let mut slot = number_slot(key, self.bits);
        // (At most every slot once: a malformed full table ends the search too.)
        for _ in 0..slots {
            let found = read_u32(self.slots, slot * 8)?;
            if found == key && key != 0 {
                return read_u32(self.slots, slot * 8 + 4);
            }
            if found == 0 {
                return None;
            }
            slot = (slot + 1) & (slots - 1);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table written to leaked bytes and read back.
    fn round_trip(records: &[(Vec<u8>, Vec<u8>)]) -> (Table, &'static [u8]) {
        let mut bytes = Vec::new();
        write_table(records, &mut bytes).expect("writable");
        bytes.extend_from_slice(b"after");
        Table::split_from(Vec::leak(bytes)).expect("a table")
    }

    #[test]
    fn every_key_written_reads_back_and_no_other() {
        let records: Vec<(Vec<u8>, Vec<u8>)> = (0..1000u32)
            .map(|n| (format!("key {n}").into_bytes(), n.to_le_bytes().to_vec()))
            .collect();
        let (table, after) = round_trip(&records);
        assert_eq!(after, b"after");
        for (key, value) in &records {
            assert_eq!(table.get(key), Some(&value[..]));
        }
        for missing in [&b"key 1000"[..], b"", b"key", &[0xFF; 300]] {
            assert_eq!(table.get(missing), None);
        }
    }

    #[test]
    fn the_empty_table_and_malformed_bytes_have_no_keys() {
        assert_eq!(Table::EMPTY.get(b"x"), None);
        let (table, _) = round_trip(&[]);
        assert_eq!(table.get(b""), None);
        assert!(Table::split_from(&[]).is_none());
        assert!(Table::split_from(&[1, 0, 0, 0, 0]).is_none());
        assert!(Table::split_from(&[99, 0, 0, 0]).is_none());
    }

    #[test]
    fn every_number_written_reads_back_and_no_other() {
        let records: Vec<(u32, u32)> = (1..3000u32).map(|n| (n * 7919, n)).collect();
        let mut bytes = Vec::new();
        write_number_table(&records, &mut bytes).expect("writable");
        bytes.push(1);
        let (table, after) = NumberTable::split_from(Vec::leak(bytes)).expect("a table");
        assert_eq!(after, [1]);
        for &(key, value) in &records {
            assert_eq!(table.get(key), Some(value));
        }
        for missing in [0, 1, 7918, u32::MAX] {
            assert_eq!(table.get(missing), None);
        }
        assert_eq!(NumberTable::EMPTY.get(5), None);
        assert!(write_number_table(&[(0, 1)], &mut Vec::new()).is_err());
    }

    #[test]
    fn records_longer_than_a_length_byte_are_refused() {
        assert!(write_table(&[(vec![0; 256], vec![])], &mut Vec::new()).is_err());
    }
}
