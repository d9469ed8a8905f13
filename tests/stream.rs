//! Streaming conversion gives exactly what converting the whole text gives, for every way of
//! cutting the input into reads and pieces: reads of one byte, random read sizes, random
//! chunk sizes, long lines without line feeds, many threads; and invalid UTF-8 is reported
//! at its offset or replaced.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::sync::{Mutex, OnceLock};

use kazakh_script::{
    safe_split_points, Converter, Script, StreamConverter, StreamError, Style, Utf8Mode,
};
use proptest::prelude::*;
use proptest::sample::select;

const SEEDS: [(&str, &str); 5] = [
    (
        "000",
        include_str!("../fixtures/seeds/000-egemen-qazaqstan.arabic.egemen.txt"),
    ),
    (
        "001",
        include_str!("../fixtures/seeds/001-kazinform.arabic.kazinform-2023.txt"),
    ),
    (
        "002",
        include_str!("../fixtures/seeds/002-news-turksoy-interview.cyrillic.txt"),
    ),
    (
        "003",
        include_str!("../fixtures/seeds/003-kazinform.arabic.kazinform.txt"),
    ),
    (
        "004",
        include_str!("../fixtures/seeds/004-news-amanat-round-table.cyrillic.txt"),
    ),
];

const TARGETS: [Script; 2] = [Script::Arabic, Script::Cyrillic];

/// A reader that hands out its bytes in reads of the given sizes, in turn.
struct Reads<'a> {
    bytes: &'a [u8],
    sizes: Vec<usize>,
    turn: usize,
}

impl<'a> Reads<'a> {
    fn new(bytes: &'a [u8], sizes: Vec<usize>) -> Self {
        Reads {
            bytes,
            sizes,
            turn: 0,
        }
    }

    fn one_byte_at_a_time(bytes: &'a [u8]) -> Self {
        Reads::new(bytes, vec![1])
    }
}

impl Read for Reads<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let size = self.sizes[self.turn % self.sizes.len()].max(1);
        self.turn += 1;
        let n = size.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

/// A writer that remembers the largest single write (the largest converted piece).
#[derive(Default)]
struct Sink {
    bytes: Vec<u8>,
    largest_write: usize,
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.largest_write = self.largest_write.max(buf.len());
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn whole(text: &str, target: Script, style: Style) -> String {
    Converter::new(style).convert(text, target).into_owned()
}

/// The whole-text conversion of a seed, computed once.
fn whole_seed(seed: usize, target: Script, style: Style, long_lines: bool) -> String {
    type Key = (usize, Script, Style, bool);
    static CACHE: OnceLock<Mutex<HashMap<Key, String>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = (seed, target, style, long_lines);
    if let Some(found) = cache.lock().unwrap().get(&key) {
        return found.clone();
    }
    let converted = whole(&seed_text(seed, long_lines), target, style);
    cache.lock().unwrap().insert(key, converted.clone());
    converted
}

/// A seed, or the seed with its line feeds turned into spaces (one long line).
fn seed_text(seed: usize, long_lines: bool) -> String {
    let text = SEEDS[seed].1;
    if long_lines {
        text.replace('\n', " ")
    } else {
        text.to_owned()
    }
}

fn streamed(
    reader: impl Read,
    target: Script,
    style: Style,
    chunk_size: usize,
    threads: Option<usize>,
) -> String {
    let stream = StreamConverter::new(Converter::new(style)).chunk_size(chunk_size);
    let mut out = Vec::new();
    match threads {
        None => stream.convert_stream(reader, &mut out, target),
        Some(threads) => stream.convert_parallel(reader, &mut out, target, threads),
    }
    .expect("valid UTF-8 in memory");
    String::from_utf8(out).expect("the converter writes UTF-8")
}

/// Where two texts first differ, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    let at = expected
        .bytes()
        .zip(actual.bytes())
        .position(|(e, a)| e != a)
        .unwrap_or(expected.len().min(actual.len()));
    let around = |s: &str| {
        let mut from = at.saturating_sub(80).min(s.len());
        while !s.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (at + 80).min(s.len());
        while !s.is_char_boundary(to) {
            to += 1;
        }
        s[from..to].to_owned()
    };
    format!(
        "at byte {at}: expected …{}… got …{}…",
        around(expected),
        around(actual)
    )
}

fn assert_same(expected: &str, actual: &str, what: &str) {
    assert!(
        expected == actual,
        "{what}: {}",
        first_difference(expected, actual)
    );
}

#[test]
fn seeds_read_one_byte_at_a_time_convert_as_whole() {
    for (seed, (name, _)) in SEEDS.iter().enumerate() {
        for target in TARGETS {
            for style in Style::ALL {
                for long_lines in [false, true] {
                    let text = seed_text(seed, long_lines);
                    let expected = whole_seed(seed, target, style, long_lines);
                    let actual = streamed(
                        Reads::one_byte_at_a_time(text.as_bytes()),
                        target,
                        style,
                        97,
                        None,
                    );
                    let what =
                        format!("seed {name} to {target} in {style}, long lines: {long_lines}");
                    assert_same(&expected, &actual, &what);
                }
            }
        }
    }
}

/// Texts where a cut is easy to get wrong: a number at the end of the line before initials
/// (`1\nТ. бқ`: the initials' "no number before them" must not look across the line feed), and
/// a one-letter tote word after a Cyrillic word glued to it (`Бізت. ب.`: the cut must not count
/// the Cyrillic letters as the word's).
#[test]
fn texts_where_random_cuts_went_wrong_stream_as_whole() {
    for (text, style) in [
        ("1\nت. بق ر س ءى مБіз", Style::Kazinform),
        (
            "БізБізБізБізБізБізБізБізБізБізсондай-ақБізت. ب. سونداي- اقБіз",
            Style::Egemen,
        ),
    ] {
        let expected = whole(text, Script::Cyrillic, style);
        for chunk_size in [1, 2, 3, 7, 64] {
            let actual = streamed(
                Reads::one_byte_at_a_time(text.as_bytes()),
                Script::Cyrillic,
                style,
                chunk_size,
                None,
            );
            assert_same(
                &expected,
                &actual,
                &format!("{text:?} in chunks of {chunk_size}"),
            );
        }
    }
}

#[test]
fn seeds_convert_as_whole_on_several_threads() {
    for (seed, (name, _)) in SEEDS.iter().enumerate() {
        for target in TARGETS {
            for style in Style::ALL {
                for long_lines in [false, true] {
                    let text = seed_text(seed, long_lines);
                    let expected = whole_seed(seed, target, style, long_lines);
                    for (chunk_size, threads) in [(1, 3), (4096, 0)] {
                        let actual = streamed(
                            Reads::new(text.as_bytes(), vec![333, 1, 4000]),
                            target,
                            style,
                            chunk_size,
                            Some(threads),
                        );
                        let what = format!(
                            "seed {name} to {target} in {style}, chunks of {chunk_size} on \
                             {threads} threads, long lines: {long_lines}"
                        );
                        assert_same(&expected, &actual, &what);
                    }
                }
            }
        }
    }
}

/// The styles whose text `safe_split_points` cuts safely: all but `mediawiki`, whose parts of
/// text end at ASCII white space only.
const WORD_BY_WORD_STYLES: [Style; 4] = [
    Style::Kazinform,
    Style::Kazinform2023,
    Style::Egemen,
    Style::Xinjiang,
];

#[test]
fn pieces_of_safe_split_points_convert_on_their_own_as_whole() {
    for (seed, (name, _)) in SEEDS.iter().enumerate() {
        for target in TARGETS {
            for style in WORD_BY_WORD_STYLES {
                for long_lines in [false, true] {
                    let text = seed_text(seed, long_lines);
                    let expected = whole_seed(seed, target, style, long_lines);
                    for chunk_size in [1, 100, 3000] {
                        let cuts = safe_split_points(&text, target, chunk_size);
                        assert!(cuts.windows(2).all(|w| w[0] < w[1]));
                        let converter = Converter::new(style);
                        let mut pieces = String::new();
                        let mut from = 0;
                        for cut in cuts.iter().copied().chain([text.len()]) {
                            pieces.push_str(&converter.convert(&text[from..cut], target));
                            from = cut;
                        }
                        let what = format!(
                            "seed {name} to {target} in {style}, pieces of {chunk_size}, \
                             long lines: {long_lines}"
                        );
                        assert_same(&expected, &pieces, &what);
                        if target == Script::Arabic && !long_lines && chunk_size == 100 {
                            assert!(cuts.len() > text.len() / 400, "{what}: too few cuts");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn long_lines_are_cut_between_words() {
    // One line of 600 KB: the pieces written stay near the chunk size.
    let line: String = SEEDS
        .iter()
        .map(|(_, text)| text.replace('\n', " "))
        .collect();
    let text = line.repeat(8);
    for target in TARGETS {
        let stream = StreamConverter::new(Converter::new(Style::Kazinform)).chunk_size(4096);
        let mut sink = Sink::default();
        stream
            .convert_stream(text.as_bytes(), &mut sink, target)
            .unwrap();
        assert_same(
            &whole(&text, target, Style::Kazinform),
            std::str::from_utf8(&sink.bytes).unwrap(),
            &format!("one long line to {target}"),
        );
        assert!(
            sink.largest_write < 4 * 4096,
            "{target}: a piece of {} bytes",
            sink.largest_write
        );
    }
}

/// A long line of lists of names: a word between two names takes a capital from both sides
/// (`Талас, Ертіс, Сыр, Іле`), so a piece is never cut after a comma; every way of cutting
/// the line in small chunks converts as the whole does.
#[test]
fn lists_of_names_convert_as_whole_however_cut() {
    let text = "ولار تالاس، ەرتىس، سىر، ىلە وزەندەرى. ".repeat(200);
    let expected = whole(&text, Script::Cyrillic, Style::Kazinform);
    assert!(
        expected.contains("Талас, Ертіс, Сыр, Іле"),
        "{expected:.80}"
    );
    for chunk_size in [1, 7, 16, 33, 64] {
        let actual = streamed(
            text.as_bytes(),
            Script::Cyrillic,
            Style::Kazinform,
            chunk_size,
            None,
        );
        assert_same(&expected, &actual, &format!("chunks of {chunk_size} bytes"));
    }
}

#[test]
fn a_giant_word_is_gathered_whole() {
    let word = "Қазақстан".repeat(20_000);
    let text = format!("сөз {word}, сөз\n");
    for target in TARGETS {
        let actual = streamed(
            Reads::new(text.as_bytes(), vec![1000]),
            target,
            Style::Kazinform,
            64,
            None,
        );
        assert_same(
            &whole(&text, target, Style::Kazinform),
            &actual,
            "giant word",
        );
    }
}

#[test]
fn invalid_utf8_is_reported_at_its_offset() {
    let mut bytes = "Біз қазақ\nтілінде".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xE2\x82 \xFF");
    bytes.extend_from_slice("сөйлейміз.".as_bytes());
    for target in TARGETS {
        for sizes in [vec![1], vec![3, 5], vec![1 << 16]] {
            let stream = StreamConverter::new(Converter::new(Style::Kazinform)).chunk_size(5);
            let error = stream
                .convert_stream(Reads::new(&bytes, sizes), io::sink(), target)
                .unwrap_err();
            assert!(
                matches!(error, StreamError::InvalidUtf8(ref e) if e.offset == offset as u64),
                "{error}"
            );
        }
    }
}

#[test]
fn lossy_mode_replaces_invalid_utf8_as_from_utf8_lossy() {
    let mut bytes = "Біз қазақ ".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xE2\x82 \xFF\xC0\x80 ");
    bytes.extend_from_slice("тілінде\nсөйлейміз. ءبىز".as_bytes());
    bytes.extend_from_slice(b"\xF0\x9F\x98");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    for target in TARGETS {
        let expected = whole(&text, target, Style::Kazinform);
        for sizes in [vec![1], vec![2, 7], vec![1 << 16]] {
            for threads in [None, Some(2)] {
                let stream = StreamConverter::new(Converter::new(Style::Kazinform))
                    .chunk_size(4)
                    .utf8_mode(Utf8Mode::Lossy);
                let mut out = Vec::new();
                let reader = Reads::new(&bytes, sizes.clone());
                let stats = match threads {
                    None => stream.convert_stream(reader, &mut out, target),
                    Some(n) => stream.convert_parallel(reader, &mut out, target, n),
                }
                .unwrap();
                assert_same(&expected, std::str::from_utf8(&out).unwrap(), "lossy");
                assert_eq!(stats.replaced, 5);
                assert_eq!(stats.bytes_read, bytes.len() as u64);
                assert_eq!(stats.bytes_written, out.len() as u64);
            }
        }
    }
}

#[test]
fn empty_input_gives_empty_output() {
    for target in TARGETS {
        assert_eq!(streamed(&b""[..], target, Style::Kazinform, 10, None), "");
        assert_eq!(
            streamed(&b""[..], target, Style::Kazinform, 10, Some(2)),
            ""
        );
    }
}

/// Text rich in what the safe-cut rules must avoid: both scripts, every style convention.
fn hazardous_text() -> impl Strategy<Value = String> {
    const ATOMS: &[&str] = &[
        "Біз",
        "қазақ",
        "тілінде",
        "сөйлейміз",
        "Тоқаев",
        "іс-шара",
        "ИЫҰ-дағы",
        "ҚР",
        "ШЫҰ",
        "1969-жылы",
        "1969 -жылы",
        "Қабышұлы",
        "Байтұрсынұлының",
        "ұлы",
        "қызы",
        "зұлым",
        "сондай-ақ",
        "796,2",
        "12, 5",
        "https://kaz.kz/а?б",
        "info@aikyn.kz",
        "«бір»",
        "бiлiм",
        "ءبىز",
        "قازاق",
        "ءتىلى",
        "توقايەۆ",
        "ي ى ۇ- داعى",
        "ق ر س ءى م",
        "1969 -جىلى",
        "سونداي- اق",
        "قابىش ۇلى",
        "قابىش ۇلىنىڭ",
        "ء«بىر»",
        "«ءبىر»",
        "ء",
        "ءى",
        "ت. ب",
        "\u{0674}بىز",
        "ﻗﺎﺯﺍﻕ",
        "قا\u{200C}زاق",
        "۱۲",
        "،",
        "؟",
        " ",
        " ",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        ".",
        ". ",
        "!",
        "?",
        ";",
        ",",
        "-",
        "- ",
        " -",
        "—",
        "«",
        "»",
        "\"",
        "<b>",
        "</b>",
        "(",
        ")",
        "1",
        "2023",
        "KAZINFORM",
        "a",
        "é",
        "😀",
        "\u{00A0}",
    ];
    prop::collection::vec(select(ATOMS), 0..120).prop_map(|atoms| atoms.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_text_streams_as_whole(
        text in hazardous_text(),
        target in select(TARGETS.to_vec()),
        style in select(Style::ALL.to_vec()),
        sizes in prop::collection::vec(1usize..40, 1..6),
        chunk_size in 1usize..64,
        threads in prop::option::of(1usize..4),
    ) {
        let expected = whole(&text, target, style);
        let reads = Reads::new(text.as_bytes(), sizes);
        let actual = streamed(reads, target, style, chunk_size, threads);
        prop_assert!(expected == actual, "{}", first_difference(&expected, &actual));
    }

    /// The styles that write word by word: `safe_split_points` does not keep to the ASCII
    /// white space that `mediawiki`'s parts of text need.
    #[test]
    fn random_text_splits_safely(
        text in hazardous_text(),
        target in select(TARGETS.to_vec()),
        style in select(WORD_BY_WORD_STYLES.to_vec()),
        chunk_size in 1usize..64,
    ) {
        let converter = Converter::new(style);
        let mut pieces = String::new();
        let mut from = 0;
        for cut in safe_split_points(&text, target, chunk_size).into_iter().chain([text.len()]) {
            pieces.push_str(&converter.convert(&text[from..cut], target));
            from = cut;
        }
        let expected = whole(&text, target, style);
        prop_assert!(expected == pieces, "{}", first_difference(&expected, &pieces));
    }

    #[test]
    fn seeds_stream_as_whole_for_random_reads_and_chunks(
        seed in 0usize..SEEDS.len(),
        target in select(TARGETS.to_vec()),
        style in select(Style::ALL.to_vec()),
        long_lines in any::<bool>(),
        sizes in prop::collection::vec(1usize..3000, 1..8),
        chunk_size in 1usize..5000,
        threads in prop::option::of(1usize..4),
    ) {
        let text = seed_text(seed, long_lines);
        let expected = whole_seed(seed, target, style, long_lines);
        let reads = Reads::new(text.as_bytes(), sizes);
        let actual = streamed(reads, target, style, chunk_size, threads);
        prop_assert!(expected == actual, "{}", first_difference(&expected, &actual));
    }
}

/// Many small pieces on several threads: the buffers that pieces and outputs pass between
/// them keep their sizes (their capacities once doubled at every piece, until allocation
/// failed; a proptest case found it).
#[test]
fn buffers_stay_small_over_many_pieces() {
    let text = seed_text(0, false).repeat(20);
    for (chunk_size, threads) in [(64, 2), (100, 3), (1000, 2)] {
        let expected = whole_seed(0, Script::Cyrillic, Style::Egemen, false).repeat(20);
        let reads = Reads::new(text.as_bytes(), vec![7, 300, 1, 2999]);
        let actual = streamed(
            reads,
            Script::Cyrillic,
            Style::Egemen,
            chunk_size,
            Some(threads),
        );
        assert!(
            expected == actual,
            "{}",
            first_difference(&expected, &actual)
        );
    }
}
