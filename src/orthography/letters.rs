//! The letter table: the one place that says which Cyrillic letters are written with which
//! tote letters. Both directions read it: [`to_arabic`](crate::to_arabic()) maps each Cyrillic
//! letter to its tote spelling, and the reverse direction asks which Cyrillic letters a tote
//! letter can stand for ([`cyrillic_options`]).

use std::sync::LazyLock;

use crate::style::LetterSpelling;

/// The lead bytes of the two-byte UTF-8 encodings of U+0400..U+04FF, the Cyrillic block:
/// every Cyrillic letter starts with a byte in `CYRILLIC_LEAD_FIRST..=CYRILLIC_LEAD_LAST`, and
/// its low two bits are bits 7..6 of the code point's offset from U+0400.
pub(crate) const CYRILLIC_LEAD_FIRST: u8 = 0xD0;
/// The last lead byte of the Cyrillic block (see [`CYRILLIC_LEAD_FIRST`]).
pub(crate) const CYRILLIC_LEAD_LAST: u8 = 0xD3;
/// The lead bytes of the two-byte UTF-8 encodings of U+0600..U+06FF, the Arabic block: every
/// tote letter starts with a byte in `ARABIC_LEAD_FIRST..=ARABIC_LEAD_LAST`, and its low two
/// bits are bits 7..6 of the code point's offset from U+0600.
pub(crate) const ARABIC_LEAD_FIRST: u8 = 0xD8;
/// The last lead byte of the Arabic block (see [`ARABIC_LEAD_FIRST`]).
pub(crate) const ARABIC_LEAD_LAST: u8 = 0xDB;

/// Whether `byte` is the lead byte of a character of the Cyrillic block (U+0400..U+04FF).
#[inline]
pub(crate) const fn is_cyrillic_lead(byte: u8) -> bool {
    matches!(byte, CYRILLIC_LEAD_FIRST..=CYRILLIC_LEAD_LAST)
}

/// Whether `byte` is the lead byte of a character of the Arabic block (U+0600..U+06FF).
#[inline]
pub(crate) const fn is_arabic_lead(byte: u8) -> bool {
    matches!(byte, ARABIC_LEAD_FIRST..=ARABIC_LEAD_LAST)
}

/// Tote letters used by the table (and by the rest of the crate by name).
pub(crate) mod tote {
    pub const ALEF: char = '\u{0627}'; // ا  а ә
    pub const TEH: char = '\u{062A}'; // ت  т
    pub const SEEN: char = '\u{0633}'; // س  с
    pub const AIN: char = '\u{0639}'; // ع  ғ
    pub const QAF: char = '\u{0642}'; // ق  қ
    pub const KAF: char = '\u{0643}'; // ك  к
    pub const WAW: char = '\u{0648}'; // و  о ө
    pub const ALEF_MAKSURA: char = '\u{0649}'; // ى  ы і
    pub const YEH: char = '\u{064A}'; // ي  и й
    pub const OE: char = '\u{06C6}'; // ۆ  в
    pub const U: char = '\u{06C7}'; // ۇ  ұ ү
    pub const VE: char = '\u{06CB}'; // ۋ  у
    pub const AE: char = '\u{06D5}'; // ە  е э
    /// The hamza every published Kazakhstan edition uses (U+0621).
    pub const HAMZA: char = '\u{0621}';
    /// The Unicode-recommended high hamza, used in Xinjiang (U+0674).
    pub const HIGH_HAMZA: char = '\u{0674}';
    pub const COMMA: char = '\u{060C}'; // ،
    pub const SEMICOLON: char = '\u{061B}'; // ؛
    pub const QUESTION_MARK: char = '\u{061F}'; // ؟
}

/// THE letter table: each lower-case Cyrillic letter (or letter pair) and its tote spelling.
///
/// Two-letter Cyrillic keys are spellings where two letters merge into one tote group
/// (`ия` -> `يا`); they win over the single letters. An empty tote spelling means the letter is
/// not written (`ь`, `ъ`).
pub(crate) const LETTERS: &[(&str, &str)] = &[
    ("а", "ا"),
    ("ә", "ا"),
    ("б", "ب"),
    ("в", "ۆ"),
    ("г", "گ"),
    ("ғ", "ع"),
    ("д", "د"),
    ("е", "ە"),
    ("ё", "يو"),
    ("ж", "ج"),
    ("з", "ز"),
    ("и", "ي"),
    ("й", "ي"),
    ("к", "ك"),
    ("қ", "ق"),
    ("л", "ل"),
    ("м", "م"),
    ("н", "ن"),
    ("ң", "ڭ"),
    ("о", "و"),
    ("ө", "و"),
    ("п", "پ"),
    ("р", "ر"),
    ("с", "س"),
    ("т", "ت"),
    ("у", "ۋ"),
    ("ұ", "ۇ"),
    ("ү", "ۇ"),
    ("ф", "ف"),
    ("х", "ح"),
    ("һ", "ھ"),
    ("ц", "تس"),
    ("ч", "چ"),
    ("ш", "ش"),
    ("щ", "شش"),
    ("ъ", ""),
    ("ы", "ى"),
    ("і", "ى"),
    ("ь", ""),
    ("э", "ە"),
    ("ю", "يۋ"),
    ("я", "يا"),
    ("ия", "يا"),
    ("ию", "يۋ"),
];

/// The spellings of [`LetterSpelling::Mediawiki`] that differ from [`LETTERS`]: every other
/// letter is spelled as there. Its `и` never merges with the letter after it, so its pairs are
/// the two letters' spellings one after the other (`ия` -> `ىي` + `يا`).
pub(crate) const MEDIAWIKI_LETTERS: &[(&str, &str)] = &[
    ("и", "ىي"),
    ("ч", "تش"),
    ("һ", "ح"),
    ("ия", "ىييا"),
    ("ию", "ىييۋ"),
];

/// The spellings by which `spelling` differs from [`LETTERS`].
fn spelling_differences(spelling: LetterSpelling) -> &'static [(&'static str, &'static str)] {
    match spelling {
        LetterSpelling::Standard => &[],
        LetterSpelling::Mediawiki => MEDIAWIKI_LETTERS,
    }
}

/// The tote spelling of one Cyrillic letter (either case) in `spelling`, or `None` if it is
/// not in the table.
pub(crate) fn tote_in(c: char, spelling: LetterSpelling) -> Option<&'static str> {
    let lower = lower(c)?;
    spelling_differences(spelling)
        .iter()
        .find(|(cyr, _)| single_char(cyr) == Some(lower))
        .map_or_else(|| tote_of(lower), |(_, tote)| Some(*tote))
}

/// [`merged_pair`] in `spelling`.
pub(crate) fn merged_pair_in(
    first: char,
    second: char,
    spelling: LetterSpelling,
) -> Option<&'static str> {
    let differs = spelling_differences(spelling).iter().find(|(cyr, _)| {
        let mut chars = cyr.chars();
        chars.next() == Some(first) && chars.next() == Some(second) && chars.next().is_none()
    });
    match differs {
        Some((_, tote)) => Some(tote),
        None => merged_pair(first, second),
    }
}

/// Vowel harmony pairs: (back, front). The tote script writes both with one letter.
pub(crate) const VOWEL_PAIRS: &[(char, char)] = &[('а', 'ә'), ('о', 'ө'), ('ұ', 'ү'), ('ы', 'і')];

/// Letters that mark a word as front without a hamza: their tote letters (ە ك گ) exist only
/// in front words, so a word containing one of them needs no hamza.
pub(crate) const FRONT_MARKERS: &[char] = &['е', 'э', 'к', 'г'];

/// Tote letters that only occur in back (hard) native words.
pub(crate) const BACK_CONSONANTS: &[char] = &[tote::QAF, tote::AIN];

fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

/// First Cyrillic code point covered by the fast look-up tables.
const CYR_BASE: u32 = 0x0400;
/// Number of Cyrillic code points covered (U+0400..U+04FF).
const CYR_LEN: usize = 0x100;

/// Per Cyrillic code point facts, derived from [`LETTERS`] and [`VOWEL_PAIRS`] once.
struct CyrillicFacts {
    /// Tote spelling of the (lower-cased) letter; `None` for code points not in the table.
    tote: [Option<&'static str>; CYR_LEN],
    /// Lower-case letter for each code point in the table.
    lower: [char; CYR_LEN],
    /// Whether the letter is upper case.
    upper: [bool; CYR_LEN],
    /// The upper-case form of each letter in the table ([`upper_of`] its lower case).
    capital: [char; CYR_LEN],
}

static FACTS: LazyLock<CyrillicFacts> = LazyLock::new(|| {
    let mut facts = CyrillicFacts {
        tote: [None; CYR_LEN],
        lower: ['\0'; CYR_LEN],
        upper: [false; CYR_LEN],
        capital: ['\0'; CYR_LEN],
    };
    for (cyr, tote) in LETTERS {
        let Some(lower) = single_char(cyr) else {
            continue;
        };
        for (letter, is_upper) in [(lower, false), (upper_of(lower), true)] {
            let index = (letter as u32 - CYR_BASE) as usize;
            facts.tote[index] = Some(tote);
            facts.lower[index] = lower;
            facts.upper[index] = is_upper && letter != lower;
            facts.capital[index] = upper_of(lower);
        }
    }
    facts
});

/// The single upper-case form of a lower-case Cyrillic letter.
pub(crate) fn upper_of(lower: char) -> char {
    let mut upper = lower.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => u,
        _ => lower,
    }
}

fn index_of(c: char) -> Option<usize> {
    let index = (c as u32).wrapping_sub(CYR_BASE) as usize;
    (index < CYR_LEN).then_some(index)
}

/// Whether `c` is a Cyrillic letter of the Kazakh (or Russian) alphabet in the table.
#[inline]
pub(crate) fn is_cyrillic_letter(c: char) -> bool {
    index_of(c).is_some_and(|i| FACTS.tote[i].is_some())
}

/// The lower-case form of a Cyrillic letter in the table, or `None`.
#[inline]
pub(crate) fn lower(c: char) -> Option<char> {
    let i = index_of(c)?;
    FACTS.tote[i].map(|_| FACTS.lower[i])
}

/// The upper-case form of a Cyrillic letter in the table (of either case), or `None`: what
/// `lower(c).map(upper_of)` gives, without the Unicode tables.
#[inline]
pub(crate) fn capital(c: char) -> Option<char> {
    let i = index_of(c)?;
    FACTS.tote[i].map(|_| FACTS.capital[i])
}

/// Whether `c` is an upper-case Cyrillic letter in the table.
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    index_of(c).is_some_and(|i| FACTS.upper[i])
}

/// Whether `text` starts with an upper-case Cyrillic letter of the table (`Қазақ`, `ҚР`).
#[inline]
pub(crate) fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(is_upper)
}

/// The offset from U+0600 of the code point whose UTF-8 is `lead`, `continuation` (`lead` in
/// 0xD8..=0xDB, which carry bits 7..6 of the offset in their low two bits): the index of the
/// byte-level tables of the Arabic block.
#[inline(always)]
pub(crate) fn arabic_offset(lead: u8, continuation: u8) -> usize {
    (usize::from(lead - 0xD8) << 6) | usize::from(continuation & 0x3F)
}

/// Whether a word is written in capitals of the table (two or more letters: `ҚР`, `БҰҰ`).
pub(crate) fn is_all_caps(word: &str) -> bool {
    word.chars().count() > 1 && word.chars().all(is_upper)
}

/// The tote spelling of one Cyrillic letter (either case), or `None` if it is not in the table.
#[inline]
pub(crate) fn tote_of(c: char) -> Option<&'static str> {
    index_of(c).and_then(|i| FACTS.tote[i])
}

/// The tote spelling of a two-letter Cyrillic group that merges (`ия` -> `يا`), if `first`
/// and `second` (lower case) form one.
pub(crate) fn merged_pair(first: char, second: char) -> Option<&'static str> {
    static PAIRS: LazyLock<Vec<(char, char, &'static str)>> = LazyLock::new(|| {
        LETTERS
            .iter()
            .filter_map(|(cyr, tote)| {
                let mut chars = cyr.chars();
                match (chars.next(), chars.next(), chars.next()) {
                    (Some(a), Some(b), None) => Some((a, b, *tote)),
                    _ => None,
                }
            })
            .collect()
    });
    PAIRS
        .iter()
        .find(|(a, b, _)| *a == first && *b == second)
        .map(|(_, _, tote)| *tote)
}

/// Facts about one Cyrillic code point for the byte-level fast path of
/// [`to_arabic`](mod@crate::to_arabic): see [`ByteTable`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct ByteLetter {
    /// Tote spelling (empty for `ь`, `ъ` and for code points outside the table).
    pub tote: &'static str,
    /// Lower-case letter (`'\0'` outside the table).
    pub lower: char,
    /// Tote spelling after a letter of `to_arabic`'s `VOWELS_BEFORE_E` in styles that insert
    /// a yeh there (`е`: `يە`); the same as `tote` for every other letter.
    pub tote_after_vowel: &'static str,
    /// `flags::*` bits.
    pub flags: u16,
}

/// Bits of [`ByteLetter::flags`].
pub(crate) mod flags {
    /// The code point is a letter of [`LETTERS`](super::LETTERS) (either case).
    pub const IN_TABLE: u16 = 1;
    /// Upper case.
    pub const UPPER: u16 = 1 << 1;
    /// A front vowel (ә ө ү і).
    pub const FRONT_VOWEL: u16 = 1 << 2;
    /// A front marker (е э к г).
    pub const FRONT_MARKER: u16 = 1 << 3;
    /// Written with exactly one tote letter.
    pub const SINGLE_TOTE: u16 = 1 << 4;
    /// First letter of a two-letter key of [`LETTERS`](super::LETTERS) (`и` of `ия`).
    pub const PAIR_FIRST: u16 = 1 << 5;
    /// Second letter of a two-letter key (`я` of `ия`).
    pub const PAIR_SECOND: u16 = 1 << 6;
    /// In `to_arabic`'s `VOWELS_BEFORE_E`.
    pub const VOWEL_BEFORE_E: u16 = 1 << 7;
    /// The letter `е` (either case). One bit above [`VOWEL_BEFORE_E`], as [`PAIR_SECOND`] is
    /// above [`PAIR_FIRST`]: shifting a letter's flags left by one lines them up with the
    /// flags of the letter after it (see [`FOLLOWS_SHIFT`]).
    pub const E: u16 = 1 << 8;
    /// Written with nothing in tote (`ь`, `ъ`).
    pub const SILENT: u16 = 1 << 9;
    /// A letter of the table not written with exactly one tote letter (the opposite of
    /// [`SINGLE_TOTE`] for letters of the table): or-ed over a run of letters, it tells
    /// whether all of them are [`SINGLE_TOTE`] without and-ing their flags too.
    pub const MULTI_TOTE: u16 = 1 << 10;
    /// One bit for each letter of the patronyms (`ұ л ы қ з`), given out when the table is
    /// made: see [`ByteTable::may_have_patronym`](super::ByteTable::may_have_patronym).
    pub const PATRONYM_LETTERS: u16 = 0b11111 << 11;
    /// How far a letter's flags are shifted to meet those of the letter after it: then
    /// `(before << FOLLOWS_SHIFT) & after` has [`PAIR_SECOND`] set where the two letters form
    /// a merged pair and [`E`] set where `е` follows a letter of `VOWELS_BEFORE_E`.
    pub const FOLLOWS_SHIFT: u32 = 1;
    const _: () = assert!(PAIR_FIRST << FOLLOWS_SHIFT == PAIR_SECOND);
    const _: () = assert!(VOWEL_BEFORE_E << FOLLOWS_SHIFT == E);
}

/// [`ByteLetter`]s of U+0400..U+04FF, indexed straight by the two bytes of their UTF-8
/// encoding (lead byte 0xD0..=0xD3). Derived once from [`LETTERS`], [`VOWEL_PAIRS`],
/// [`FRONT_MARKERS`] and the `to_arabic` constants; it holds no data of its own.
pub(crate) struct ByteTable {
    letters: [ByteLetter; CYR_LEN],
    /// The same letters for the first, speculative pass over a plain part (see `to_arabic`'s
    /// `spell_word_letters`), which reads nothing else: [`Self::letter_ids`] gives a small
    /// number for the letter, and this array its flags and tote as one `u32`. Bits 0..16 are
    /// the two bytes of tote that the pass writes for it, in memory order
    /// (`u32::to_le_bytes()[..2]`): its spelling if it is written with one tote letter
    /// ([`flags::SINGLE_TOTE`]), else a stand-in (its first tote letter, or `ى` for a silent
    /// letter) that the pass takes back. Bits 16..32 are its [`ByteLetter::flags`] (see
    /// [`packed_flags`]). Only letters of the table have [`flags::IN_TABLE`]: any other two
    /// bytes have entry 0, except the other code points of U+0400..U+04FF, which have only
    /// [`flags::MULTI_TOTE`] (see `to_arabic`'s `spell_word_letters`).
    packed: [u32; 256],
    /// The index into [`Self::packed`] of the letter whose UTF-8 is two bytes, read as a
    /// little-endian `u16` (as they lie in memory: no byte swap a letter); 0 for any two bytes
    /// that are no code point of U+0400..U+04FF. One byte an entry (a 64 KiB table, mostly zero and
    /// never touched; inline, so that one register addresses both arrays): the letters of one
    /// continuation byte lie 256 bytes apart, in 16 of the
    /// 64 sets of a usual 8-way L1 cache, which hold them all (four-byte entries, 1 KiB apart,
    /// fell in only 4 sets, which cannot).
    letter_ids: [u8; 1 << 16],
    /// For each patronym, the [`flags::PATRONYM_LETTERS`] bits of its letters (an array, not
    /// a `Vec`: checked for almost every word, without a load of its length).
    patronym_masks: [u16; PATRONYM_COUNT],
}

impl ByteTable {
    /// The facts for the code point encoded as `lead`, `continuation` (`lead` in 0xD0..=0xD3).
    #[inline(always)]
    pub(crate) fn get(&self, lead: u8, continuation: u8) -> &ByteLetter {
        // 0xD0..=0xD3 carry bits 7..6 of the offset from U+0400 in their low two bits.
        &self.letters[byte_index(lead, continuation)]
    }

    /// The packed two-byte tote and flags of the letter encoded as `first`, `second` (see
    /// [`ByteTable::packed`](Self#structfield.packed)); without [`flags::IN_TABLE`] if the
    /// two bytes are not the UTF-8 of a letter of the table.
    #[inline(always)]
    pub(crate) fn packed(&self, first: u8, second: u8) -> u32 {
        self.packed_utf8([first, second])
    }

    /// [`Self::packed`] of the two bytes `utf8`, read as one little-endian `u16`.
    #[inline(always)]
    pub(crate) fn packed_utf8(&self, utf8: [u8; 2]) -> u32 {
        self.packed[usize::from(self.letter_ids[usize::from(u16::from_le_bytes(utf8))])]
    }

    /// Whether a word whose letters' flags, or-ed together, are `any` (as [`packed_flags`]
    /// places them) has every letter of some patronym (`ұлы`, `қызы`): only then can it have
    /// one inside.
    #[inline]
    pub(crate) fn may_have_patronym(&self, any: u32) -> bool {
        self.patronym_masks
            .iter()
            .any(|&mask| packed_flags(mask) & !any == 0)
    }
}

/// The bits of [`ByteTable::packed`](ByteTable#structfield.packed) that stand for the
/// [`flags`] bits `flags`.
#[inline(always)]
pub(crate) const fn packed_flags(flags: u16) -> u32 {
    (flags as u32) << 16
}

/// The index of the code point encoded as `lead`, `continuation` (`lead` in 0xD0..=0xD3) in
/// the tables of [`ByteTable`]: 0xD0..=0xD3 carry bits 7..6 of the offset from U+0400 in their
/// low two bits.
#[inline(always)]
fn byte_index(lead: u8, continuation: u8) -> usize {
    (usize::from(lead & 0x03) << 6) | usize::from(continuation & 0x3F)
}

/// How many patronyms `to_arabic` splits off (`ұлы`, `қызы`).
const PATRONYM_COUNT: usize = super::patronyms::PATRONYMS.len();

/// The byte-indexed table (see [`ByteTable`]).
pub(crate) static BYTE_TABLE: LazyLock<ByteTable> = LazyLock::new(|| {
    use super::conventions::VOWELS_BEFORE_E;
    use super::patronyms::PATRONYMS;
    let empty = ByteLetter {
        tote: "",
        tote_after_vowel: "",
        lower: '\0',
        flags: 0,
    };
    let mut table = ByteTable {
        letters: [empty; CYR_LEN],
        packed: [0; 256],
        letter_ids: [0; 1 << 16],
        patronym_masks: [0; PATRONYM_COUNT],
    };
    // A bit for each distinct letter of the patronyms.
    let mut patronym_letters: Vec<char> =
        PATRONYMS.iter().flat_map(|p| p.iter().copied()).collect();
    patronym_letters.sort_unstable();
    patronym_letters.dedup();
    let patronym_bit = |lower: char| -> u16 {
        let shift = flags::PATRONYM_LETTERS.trailing_zeros();
        let room = flags::PATRONYM_LETTERS.count_ones() as usize;
        assert!(patronym_letters.len() <= room, "too many patronym letters");
        patronym_letters
            .iter()
            .position(|&l| l == lower)
            .map_or(0, |i| 1 << (shift + i as u32))
    };
    table.patronym_masks = PATRONYMS.map(|p| p.iter().fold(0, |mask, &l| mask | patronym_bit(l)));
    let pairs: Vec<(char, char)> = LETTERS
        .iter()
        .filter_map(|(cyr, _)| {
            let mut chars = cyr.chars();
            match (chars.next(), chars.next(), chars.next()) {
                (Some(a), Some(b), None) => Some((a, b)),
                _ => None,
            }
        })
        .collect();
    // The last index given out into `table.packed` (0 stands for no letter).
    let mut next_id = 0usize;
    // The code points of U+0400..U+04FF outside the table share an entry with no letter's
    // flags but `MULTI_TOTE`: a block of letters read without a branch on each (`to_arabic`'s
    // `spell_word_letters`) then sends a word with one of them to the letter-by-letter pass.
    let outside = u8::try_from(CYR_LEN - 1).expect("256 code points");
    table.packed[usize::from(outside)] = packed_flags(flags::MULTI_TOTE);
    for index in 0..CYR_LEN {
        let utf8 = [0xD0 | (index >> 6) as u8, 0x80 | (index & 0x3F) as u8];
        table.letter_ids[usize::from(u16::from_le_bytes(utf8))] = outside;
    }
    for index in 0..CYR_LEN {
        let Some(c) = char::from_u32(CYR_BASE + index as u32) else {
            continue;
        };
        let (Some(tote), Some(lower)) = (tote_of(c), lower(c)) else {
            continue;
        };
        let facts = [
            (true, flags::IN_TABLE),
            (is_upper(c), flags::UPPER),
            (is_front_vowel(lower), flags::FRONT_VOWEL),
            (is_front_marker(lower), flags::FRONT_MARKER),
            (single_char(tote).is_some(), flags::SINGLE_TOTE),
            (pairs.iter().any(|p| p.0 == lower), flags::PAIR_FIRST),
            (pairs.iter().any(|p| p.1 == lower), flags::PAIR_SECOND),
            (VOWELS_BEFORE_E.contains(&lower), flags::VOWEL_BEFORE_E),
            (lower == 'е', flags::E),
            (tote.is_empty(), flags::SILENT),
            (single_char(tote).is_none(), flags::MULTI_TOTE),
        ];
        let bits = facts
            .iter()
            .filter(|(fact, _)| *fact)
            .fold(patronym_bit(lower), |bits, (_, bit)| bits | bit);
        // Made once for the life of the program (two letters, `е` and `Е`).
        let tote_after_vowel: &'static str = if bits & flags::E != 0 {
            Box::leak(format!("{}{tote}", tote::YEH).into_boxed_str())
        } else {
            tote
        };
        let two_byte_tote = match tote.char_indices().nth(1) {
            Some((second, _)) => &tote[..second],
            None if tote.is_empty() => "\u{0649}",
            None => tote,
        };
        assert_eq!(
            two_byte_tote.len(),
            2,
            "tote letters are two bytes of UTF-8"
        );
        table.letters[index] = ByteLetter {
            tote,
            tote_after_vowel,
            lower,
            flags: bits,
        };
        let [first, second] = [two_byte_tote.as_bytes()[0], two_byte_tote.as_bytes()[1]];
        let utf8 = [0xD0 | (index >> 6) as u8, 0x80 | (index & 0x3F) as u8];
        next_id += 1;
        let id = u8::try_from(next_id)
            .ok()
            .filter(|&id| id < outside)
            .expect("fewer than 255 letters in the table");
        table.letter_ids[usize::from(u16::from_le_bytes(utf8))] = id;
        table.packed[usize::from(id)] =
            packed_flags(bits) | u32::from(u16::from_le_bytes([first, second]));
    }
    table
});

/// Front vowel of a back vowel (`а` -> `ә`), or the letter itself.
pub(crate) fn fronted(back: char) -> char {
    VOWEL_PAIRS
        .iter()
        .find(|(b, _)| *b == back)
        .map_or(back, |(_, f)| *f)
}

/// Whether a lower-case Cyrillic letter is a front vowel (ә ө ү і).
#[inline]
pub(crate) fn is_front_vowel(lower: char) -> bool {
    VOWEL_PAIRS.iter().any(|(_, f)| *f == lower)
}

/// Whether a lower-case Cyrillic letter is a vowel of a harmony pair (either side).
#[inline]
pub(crate) fn is_paired_vowel(lower: char) -> bool {
    VOWEL_PAIRS.iter().any(|(b, f)| *b == lower || *f == lower)
}

/// Whether a lower-case Cyrillic letter marks its word as front by itself (е э к г).
#[inline]
pub(crate) fn is_front_marker(lower: char) -> bool {
    FRONT_MARKERS.contains(&lower)
}

/// Whether a tote letter is a front marker (ە ك گ), derived from [`FRONT_MARKERS`].
pub(crate) fn is_tote_front_marker(c: char) -> bool {
    static MARKERS: LazyLock<Vec<char>> = LazyLock::new(|| {
        FRONT_MARKERS
            .iter()
            .filter_map(|&m| tote_of(m).and_then(single_char))
            .collect()
    });
    MARKERS.contains(&c)
}

/// The Cyrillic letters (lower case, single letters) that a single tote letter stands for,
/// in table order: `ا` -> `[а, ә]`, `ي` -> `[и, й]`.
pub(crate) fn cyrillic_options(tote_letter: char) -> &'static [char] {
    static OPTIONS: LazyLock<Vec<(char, Vec<char>)>> = LazyLock::new(|| {
        let mut options: Vec<(char, Vec<char>)> = Vec::new();
        for (cyr, tote) in LETTERS {
            let (Some(c), Some(t)) = (single_char(cyr), single_char(tote)) else {
                continue;
            };
            match options.iter_mut().find(|(letter, _)| *letter == t) {
                Some((_, list)) => list.push(c),
                None => options.push((t, vec![c])),
            }
        }
        options
    });
    OPTIONS
        .iter()
        .find(|(t, _)| *t == tote_letter)
        .map_or(&[], |(_, list)| list.as_slice())
}

/// Whether `c` is a letter of the tote alphabet (the letters in [`LETTERS`]), hamza excluded.
pub(crate) fn is_tote_letter(c: char) -> bool {
    static SET: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut set: Vec<char> = LETTERS.iter().flat_map(|(_, t)| t.chars()).collect();
        set.sort_unstable();
        set.dedup();
        set
    });
    ('\u{0620}'..='\u{06FF}').contains(&c) && SET.binary_search(&c).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_of_the_kazakh_alphabet_is_in_the_table() {
        let alphabet = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
        for c in alphabet.chars() {
            assert!(tote_of(c).is_some(), "{c} missing");
            assert!(tote_of(upper_of(c)).is_some(), "upper {c} missing");
        }
    }

    #[test]
    fn upper_case_letters_share_the_lower_case_spelling() {
        assert_eq!(tote_of('Ә'), Some("ا"));
        assert_eq!(lower('Ә'), Some('ә'));
        assert!(is_upper('Қ'));
        assert!(!is_upper('қ'));
    }

    #[test]
    fn reverse_options_come_from_the_same_table() {
        assert_eq!(cyrillic_options(tote::ALEF), ['а', 'ә']);
        assert_eq!(cyrillic_options(tote::YEH), ['и', 'й']);
        assert_eq!(cyrillic_options(tote::AE), ['е', 'э']);
        assert_eq!(merged_pair('и', 'я'), Some("يا"));
    }

    #[test]
    fn byte_table_agrees_with_the_char_functions() {
        for index in 0..CYR_LEN as u32 {
            let c = char::from_u32(CYR_BASE + index).unwrap();
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            assert_eq!(bytes.len(), 2);
            let letter = BYTE_TABLE.get(bytes[0], bytes[1]);
            assert_eq!(
                letter.flags & flags::IN_TABLE != 0,
                is_cyrillic_letter(c),
                "{c}"
            );
            assert_eq!(letter.tote, tote_of(c).unwrap_or_default(), "{c}");
            assert_eq!(letter.flags & flags::UPPER != 0, is_upper(c), "{c}");
            if let Some(l) = lower(c) {
                assert_eq!(letter.lower, l);
                assert!(c.is_alphabetic(), "{c}");
            }
        }
        for index in 0..CYR_LEN {
            let [lead, continuation] = [0xD0 | (index >> 6) as u8, 0x80 | (index & 0x3F) as u8];
            let (letter, packed) = (
                BYTE_TABLE.get(lead, continuation),
                BYTE_TABLE.packed(lead, continuation),
            );
            let flags = match letter.flags {
                0 => flags::MULTI_TOTE,
                flags => flags,
            };
            assert_eq!(packed >> 16, u32::from(flags), "{index:#x}");
            let [first, second, _, _] = packed.to_le_bytes();
            let tote = letter.tote.as_bytes();
            if letter.flags & flags::SINGLE_TOTE != 0 {
                assert_eq!([first, second].as_slice(), tote, "{index:#x}");
            } else if !tote.is_empty() {
                assert_eq!([first, second].as_slice(), &tote[..2], "{index:#x}");
            }
        }
        for [first, second] in (0..=u16::MAX).map(u16::to_be_bytes) {
            let letter = std::str::from_utf8(&[first, second])
                .ok()
                .and_then(|s| s.chars().next())
                .filter(|&c| is_cyrillic_letter(c));
            let packed = BYTE_TABLE.packed(first, second);
            assert_eq!(
                packed & packed_flags(flags::IN_TABLE) != 0,
                letter.is_some(),
                "{first:#x} {second:#x}"
            );
            if letter.is_none() && is_cyrillic_lead(first) && (0x80..0xC0).contains(&second) {
                assert_eq!(
                    packed,
                    packed_flags(flags::MULTI_TOTE),
                    "{first:#x} {second:#x}"
                );
            } else if letter.is_none() {
                assert_eq!(packed, 0, "{first:#x} {second:#x}");
            }
        }
        let ya = BYTE_TABLE.get(0xD1, 0x8F); // я
        assert_eq!(ya.tote, "يا");
        assert!(ya.flags & flags::PAIR_SECOND != 0);
        assert!(BYTE_TABLE.get(0xD0, 0xB8).flags & flags::PAIR_FIRST != 0); // и
        let e = BYTE_TABLE.get(0xD0, 0xB5); // е
        assert_eq!((e.tote, e.tote_after_vowel), ("ە", "يە"));
    }

    #[test]
    fn mediawiki_spelling_differs_in_its_table_only() {
        let mediawiki = LetterSpelling::Mediawiki;
        assert_eq!(tote_in('И', mediawiki), Some("ىي"));
        assert_eq!(tote_in('ч', mediawiki), Some("تش"));
        assert_eq!(tote_in('Һ', mediawiki), Some("ح"));
        assert_eq!(tote_in('ш', mediawiki), tote_of('ш'));
        assert_eq!(tote_in('ч', LetterSpelling::Standard), Some("چ"));
        // Its pairs are its letters one after the other.
        for (cyr, tote) in MEDIAWIKI_LETTERS {
            let spelled: String = cyr.chars().filter_map(|c| tote_in(c, mediawiki)).collect();
            assert_eq!(spelled, *tote, "{cyr}");
        }
        assert_eq!(merged_pair_in('и', 'я', mediawiki), Some("ىييا"));
        assert_eq!(
            merged_pair_in('и', 'я', LetterSpelling::Standard),
            Some("يا")
        );
    }

    #[test]
    fn front_markers_in_tote_are_ae_kaf_gaf() {
        for c in [tote::AE, tote::KAF, '\u{06AF}'] {
            assert!(is_tote_front_marker(c));
        }
        assert!(!is_tote_front_marker(tote::QAF));
    }
}
