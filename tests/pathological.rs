//! Pathological input: a 20 MB single word in either script, a million hamzas, long runs of
//! combining marks, scripts alternating character by character, a 10 MB line of ordinary
//! words without a newline, and empty input. Every test asserts the real output, computed
//! independently of the converter (a repeated unit whose conversion is clear from the rules),
//! not just "no panic".
//!
//! # Linear time, bounded memory
//!
//! No test here measures time. Linear time is asserted by size: each input is large enough
//! that a quadratic pass over it would not finish in any reasonable time (a 20 MB word is
//! 10^7 letters; quadratic work on it is 10^14 steps), while the whole file runs in seconds.
//! `conversion_time_grows_linearly` (ignored by default) compares inputs of size n and 4n for
//! a human to read:
//! `cargo test --release --test pathological -- --ignored conversion_time_grows_linearly --nocapture`.
//!
//! Memory is asserted exactly: a counting global allocator records the peak number of bytes
//! that the converting thread holds during each call, output included, which must stay within
//! [`MEMORY_FACTOR`] times the input size (plus 1 MiB).
//!
//! # Sizes
//!
//! `cargo test --release` runs the sizes named above. Debug builds (`cargo test`, as CI
//! runs it) divide every size by [`DEBUG_DIVISOR`], so that the file takes well under 20 s on a
//! 2-core machine; the inputs are still far beyond what a quadratic pass could handle.
//!
//! Five of these cases guard against superlinear work that is easy to write: a lexicon
//! look-up of a tote word that hashes every split of it, patronymic splitting that sums the
//! stem again for every position, a URL check that scans to the next space from every token
//! start.
//!
//! Lines of 100 MB without a newline are the streaming API's case and are tested in
//! `tests/stream.rs`, not here.

use std::alloc::{GlobalAlloc, Layout, System};
use std::borrow::Cow;
use std::cell::Cell;

use kazakh_script::{
    convert, detect_script, guess_style, to_arabic, to_cyrillic, Casing, Converter, Script, Style,
};

const MB: usize = 1_000_000;

/// How much smaller every input is in debug builds.
const DEBUG_DIVISOR: usize = 16;

/// Peak bytes held during one conversion, as a multiple of the input's size (plus 1 MiB).
const MEMORY_FACTOR: usize = 20;

/// `bytes` in release builds, `bytes / DEBUG_DIVISOR` in debug builds.
fn sized(bytes: usize) -> usize {
    if cfg!(debug_assertions) {
        bytes / DEBUG_DIVISOR
    } else {
        bytes
    }
}

// ---------------------------------------------------------------------------------------------
// Memory accounting: bytes allocated and not yet freed, per thread, and the peak since reset.

struct CountingAllocator;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn track(delta: isize) {
    // `try_with`: never panic inside the allocator, even while a thread shuts down.
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call is forwarded to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            track(layout.size() as isize);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc_zeroed(layout);
        if !ptr.is_null() {
            track(layout.size() as isize);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        track(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = System.realloc(ptr, layout, new_size);
        if !new.is_null() {
            track(new_size as isize - layout.size() as isize);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// Runs `convert` and asserts that the bytes it held at its peak (its output included) stay
/// within `MEMORY_FACTOR` times `input_len`, plus 1 MiB for one-off tables (the lexicon is
/// loaded before, see [`warm_up`]).
fn in_bounded_memory<R>(what: &str, input_len: usize, convert: impl FnOnce() -> R) -> R {
    warm_up();
    let start = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(start));
    let result = convert();
    let peak = PEAK.with(Cell::get) - start;
    let bound = MEMORY_FACTOR * input_len + (1 << 20);
    // Shown with `--nocapture`.
    println!(
        "{what}: peak {peak} bytes for {input_len} bytes of input ({:.1} x)",
        peak as f64 / input_len.max(1) as f64
    );
    assert!(
        peak <= bound as isize,
        "{what}: held {peak} bytes at the peak for {input_len} bytes of input \
         (bound {bound}: {MEMORY_FACTOR} x input + 1 MiB)"
    );
    result
}

/// Loads what the converters load once (letter tables, lexicon), so that it is not counted
/// against the first input.
fn warm_up() {
    for style in Style::ALL {
        let _ = to_arabic("Біз қазақ тілінде сөйлейміз.", style);
        let _ = to_cyrillic("ءبىز قازاق تىلىندە سويلەيمىز.", style);
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/// `unit` repeated to about `bytes` bytes, and the number of repetitions.
fn repeated(unit: &str, bytes: usize) -> (String, usize) {
    let count = (bytes / unit.len()).max(1);
    (unit.repeat(count), count)
}

/// Asserts `actual == expected` for texts of many megabytes: on failure, shows where they
/// first differ instead of both texts whole.
#[track_caller]
fn assert_same(actual: &str, expected: &str, what: &str) {
    if actual == expected {
        return;
    }
    let at = actual
        .char_indices()
        .zip(expected.chars())
        .find(|((_, a), e)| a != e)
        .map_or(actual.len().min(expected.len()), |((at, _), _)| at);
    let window = |text: &str| -> String {
        let from = floor_char_boundary(text, at.saturating_sub(40));
        let to = floor_char_boundary(text, (at + 40).min(text.len()));
        format!("{:?}", &text[from..to])
    };
    panic!(
        "{what}: texts differ at byte {at} (lengths: actual {}, expected {})\n  actual:   …{}…\n  expected: …{}…",
        actual.len(),
        expected.len(),
        window(actual),
        window(expected),
    );
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn converter(style: Style, casing: Casing) -> Converter {
    Converter::builder().style(style).casing(casing).build()
}

/// The hamza `style` writes: U+0674 in Xinjiang, U+0621 in the others (the style table).
fn hamza(style: Style) -> char {
    style.rules().hamza().as_char()
}

// ---------------------------------------------------------------------------------------------
// Empty input.

#[test]
fn empty_input_gives_empty_borrowed_output() {
    for style in Style::ALL {
        assert!(matches!(to_arabic("", style), Cow::Borrowed("")), "{style}");
        assert!(
            matches!(to_cyrillic("", style), Cow::Borrowed("")),
            "{style}"
        );
        for script in [Script::Arabic, Script::Cyrillic] {
            assert!(matches!(convert("", script, style), Cow::Borrowed("")));
        }
        for casing in [Casing::Sentence, Casing::Lower] {
            let converter = converter(style, casing);
            assert!(matches!(converter.to_arabic(""), Cow::Borrowed("")));
            assert!(matches!(converter.to_cyrillic(""), Cow::Borrowed("")));
        }
    }
    assert_eq!(detect_script(""), None);
    assert_eq!(guess_style(""), Style::default());
}

// ---------------------------------------------------------------------------------------------
// A 20 MB single word.

/// `қазақ` has back vowels only, so no hamza: its tote is `قازاق`, and glued to itself it is
/// still one back word without hamza, `ұлы`/`қызы` or a merging pair (`ия`, `ию`) at the joins.
#[test]
fn a_20_mb_cyrillic_back_word_is_the_repeated_tote() {
    let (word, count) = repeated("қазақ", sized(20 * MB));
    let expected = "قازاق".repeat(count);
    for style in Style::ALL {
        let tote = in_bounded_memory("to_arabic(қазақ…)", word.len(), || {
            to_arabic(&word, style)
        });
        assert_same(
            &tote,
            &expected,
            &format!("{style}: to_arabic(қазақ × {count})"),
        );
    }
}

/// `сөз` has a front vowel and no front marker (е э к г), so the word gets one hamza, at its
/// start, however long it is: `ءسوزسوز…` (U+0674 in Xinjiang).
#[test]
fn a_20_mb_cyrillic_front_word_gets_one_hamza() {
    let (word, count) = repeated("сөз", sized(20 * MB));
    for style in Style::ALL {
        let expected = format!("{}{}", hamza(style), "سوز".repeat(count));
        let tote = in_bounded_memory("to_arabic(сөз…)", word.len(), || {
            to_arabic(&word, style)
        });
        assert_same(
            &tote,
            &expected,
            &format!("{style}: to_arabic(сөз × {count})"),
        );
    }
}

/// A 20 MB compound, `біз-біз-…-біз`: one hamza for the whole run in whole-word scope (a space
/// after each hyphen in Kazinform 2023), one per part in Egemen (hamza on each hyphen part).
#[test]
fn a_20_mb_hyphenated_compound_follows_each_styles_hamza_scope() {
    let count = sized(20 * MB) / "біз-".len();
    let compound = format!("{}біз", "біз-".repeat(count));
    for style in Style::ALL {
        let h = hamza(style);
        let expected = match style {
            Style::Kazinform | Style::Xinjiang => format!("{h}بىز{}", "-بىز".repeat(count)),
            Style::Kazinform2023 => format!("{h}بىز{}", "- بىز".repeat(count)),
            // (MediaWiki's parts end at every hyphen, as Egemen's hamza scope does.)
            Style::Egemen | Style::Mediawiki => {
                format!("{h}بىز{}", format!("-{h}بىز").repeat(count))
            }
            other => panic!("no expected compound for {other}"),
        };
        let tote = in_bounded_memory("to_arabic(біз-біз-…)", compound.len(), || {
            to_arabic(&compound, style)
        });
        assert_same(
            &tote,
            &expected,
            &format!("{style}: to_arabic(біз-… × {count})"),
        );
    }
}

/// `قازاق` glued to itself: a back word (no hamza, no front marker), `қазақ…` in Cyrillic, a
/// capital first letter with sentence casing; it converts back to the same tote.
#[test]

fn a_20_mb_tote_back_word_is_the_repeated_cyrillic() {
    let (word, count) = repeated("قازاق", sized(20 * MB));
    let lower = "қазақ".repeat(count);
    for style in Style::ALL {
        let cyrillic = in_bounded_memory("to_cyrillic(قازاق…)", word.len(), || {
            converter(style, Casing::Lower).to_cyrillic(&word)
        });
        assert_same(
            &cyrillic,
            &lower,
            &format!("{style}: to_cyrillic(قازاق × {count})"),
        );
    }
    let sentence = to_cyrillic(&word, Style::Kazinform);
    assert_same(
        &sentence,
        &format!("Қ{}", &lower["қ".len()..]),
        "sentence casing",
    );
    assert_same(
        &to_arabic(&sentence, Style::Kazinform),
        &word,
        "back to tote",
    );
}

/// `ء` + `بىز…`: the hamza makes the whole word front, `бізбіз…`, and it converts back.
#[test]

fn a_20_mb_tote_word_with_a_hamza_is_front() {
    let count = sized(20 * MB) / "بىز".len();
    for style in [Style::Kazinform, Style::Xinjiang] {
        let word = format!("{}{}", hamza(style), "بىز".repeat(count));
        let cyrillic = in_bounded_memory("to_cyrillic(ءبىز…)", word.len(), || {
            converter(style, Casing::Lower).to_cyrillic(&word)
        });
        assert_same(
            &cyrillic,
            &"біз".repeat(count),
            &format!("{style}: to_cyrillic"),
        );
        assert_same(
            &to_arabic(&cyrillic, style),
            &word,
            &format!("{style}: back"),
        );
    }
}

/// `كەل` glued to itself: `ە` and `ك` mark the word front without a hamza, and there is no
/// vowel of a harmony pair to choose, so it can only be `келкел…`; it converts back.
#[test]

fn a_20_mb_tote_word_with_a_front_marker() {
    let (word, count) = repeated("كەل", sized(20 * MB));
    for style in [Style::Kazinform, Style::Egemen] {
        let cyrillic = in_bounded_memory("to_cyrillic(كەل…)", word.len(), || {
            converter(style, Casing::Lower).to_cyrillic(&word)
        });
        assert_same(
            &cyrillic,
            &"кел".repeat(count),
            &format!("{style}: to_cyrillic"),
        );
        assert_same(
            &to_arabic(&cyrillic, style),
            &word,
            &format!("{style}: back"),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// A million hamzas.

/// Hamzas that belong to no word pass through tote -> Cyrillic in the style's code point
/// (U+0674 read as U+0621 and written back as the style writes it), and Cyrillic -> tote
/// leaves them alone.
#[test]
fn a_million_hamzas_pass_through() {
    let count = sized(1_000_000);
    for input_hamza in ['\u{0621}', '\u{0674}'] {
        let hamzas = input_hamza.to_string().repeat(count);
        for style in Style::ALL {
            let tote = in_bounded_memory("to_arabic(hamzas)", hamzas.len(), || {
                to_arabic(&hamzas, style)
            });
            assert!(matches!(&tote, Cow::Borrowed(t) if *t == hamzas), "{style}");
            let expected = hamza(style).to_string().repeat(count);
            for casing in [Casing::Sentence, Casing::Lower] {
                let cyrillic = in_bounded_memory("to_cyrillic(hamzas)", hamzas.len(), || {
                    converter(style, casing).to_cyrillic(&hamzas)
                });
                assert_same(
                    &cyrillic,
                    &expected,
                    &format!("{style}, {casing:?}: to_cyrillic({input_hamza:?} × {count})"),
                );
            }
        }
    }
}

/// Hamzas between one-letter Cyrillic words (`бء` repeated): each `б` is a word of its own
/// (no vowel, no hamza of its own), each hamza is kept.
#[test]
fn a_million_hamzas_between_cyrillic_letters() {
    let (text, count) = repeated("бء", sized(3 * MB));
    let expected = "بء".repeat(count);
    for style in Style::ALL {
        let tote = in_bounded_memory("to_arabic(бء…)", text.len(), || to_arabic(&text, style));
        assert_same(
            &tote,
            &expected,
            &format!("{style}: to_arabic(бء × {count})"),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Long runs of combining marks.

/// 1 MB of U+0301 after a Cyrillic letter: the marks do not compose with `а` and pass through
/// after its tote letter; after `и`, the first U+0306 composes to `й` (also `ي`), the rest pass.
#[test]
fn a_megabyte_of_combining_marks_after_a_cyrillic_letter() {
    let count = sized(MB) / '\u{0301}'.len_utf8();
    let acute = "\u{0301}".repeat(count);
    let breve = "\u{0306}".repeat(count);
    for style in Style::ALL {
        let text = format!("а{acute}");
        let tote = in_bounded_memory("to_arabic(а + marks)", text.len(), || {
            to_arabic(&text, style)
        });
        assert_same(
            &tote,
            &format!("ا{acute}"),
            &format!("{style}: а + U+0301 × {count}"),
        );
        assert!(matches!(to_cyrillic(&text, style), Cow::Borrowed(_)));

        let text = format!("и{breve}");
        let tote = in_bounded_memory("to_arabic(и + marks)", text.len(), || {
            to_arabic(&text, style)
        });
        // (`mediawiki` composes nothing: `и` and the marks as they are.)
        let expected = match style {
            Style::Mediawiki => format!("ىي{breve}"),
            _ => format!("ي{}", &breve['\u{0306}'.len_utf8()..]),
        };
        assert_same(&tote, &expected, &format!("{style}: и + U+0306 × {count}"));
    }
}

/// Combining marks alone (no letter before them, or after a space or a tote letter) pass
/// through both directions.
#[test]
fn a_megabyte_of_combining_marks_alone() {
    let count = sized(MB) / '\u{0301}'.len_utf8();
    let marks = "\u{0301}".repeat(count);
    for style in Style::ALL {
        assert!(matches!(to_arabic(&marks, style), Cow::Borrowed(t) if t == marks));
        assert!(matches!(to_cyrillic(&marks, style), Cow::Borrowed(t) if t == marks));

        let text = format!("б {marks}");
        let tote = in_bounded_memory("to_arabic(б + marks)", text.len(), || {
            to_arabic(&text, style)
        });
        assert_same(
            &tote,
            &format!("ب {marks}"),
            &format!("{style}: б, space, marks"),
        );

        let text = format!("ب{marks}");
        let cyrillic = in_bounded_memory("to_cyrillic(ب + marks)", text.len(), || {
            converter(style, Casing::Lower).to_cyrillic(&text)
        });
        assert_same(
            &cyrillic,
            &format!("б{marks}"),
            &format!("{style}: ب + marks"),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Scripts alternating character by character.

/// `бقa1` repeated: Cyrillic, tote, Latin, digit. Each Cyrillic and each tote letter is a
/// one-letter word of its own script; the Latin letter and the digit pass through both ways.
#[test]
fn scripts_alternating_character_by_character() {
    let (text, count) = repeated("бقa1", sized(4 * MB));
    for style in Style::ALL {
        let tote = in_bounded_memory("to_arabic(бقa1…)", text.len(), || {
            to_arabic(&text, style)
        });
        // (`mediawiki` writes digits as `۰`-`۹`.)
        let digit = if style == Style::Mediawiki { "۱" } else { "1" };
        assert_same(
            &tote,
            &format!("بقa{digit}").repeat(count),
            &format!("{style}: to_arabic"),
        );
        let lower = in_bounded_memory("to_cyrillic(бقa1…)", text.len(), || {
            converter(style, Casing::Lower).to_cyrillic(&text)
        });
        assert_same(
            &lower,
            &"бқa1".repeat(count),
            &format!("{style}: to_cyrillic"),
        );
        // Sentence casing may write a one-letter word in capitals (as an abbreviation): the
        // letters are the same.
        let sentence = converter(style, Casing::Sentence).to_cyrillic(&text);
        assert_same(
            &sentence.to_lowercase(),
            &lower,
            &format!("{style}: sentence casing, lower-cased"),
        );
    }
}

/// `әقz9` repeated: `ә` is a front word (`ءا`); in tote, `ءاق` is one front word (`әқ`), the
/// first one capitalised with sentence casing; both convert back.
#[test]
fn scripts_alternating_with_front_vowels() {
    // 1 MB: tote -> Cyrillic looks up every one of these short words in the lexicon.
    let (text, count) = repeated("әقz9", sized(MB));
    for style in Style::ALL {
        let h = hamza(style);
        let tote = in_bounded_memory("to_arabic(әقz9…)", text.len(), || {
            to_arabic(&text, style)
        });
        let digit = if style == Style::Mediawiki { "۹" } else { "9" };
        let expected_tote = format!("{h}اقz{digit}").repeat(count);
        assert_same(&tote, &expected_tote, &format!("{style}: to_arabic"));

        let lower = in_bounded_memory("to_cyrillic(ءاقz9…)", tote.len(), || {
            converter(style, Casing::Lower).to_cyrillic(&tote)
        });
        assert_same(
            &lower,
            &"әқz9".repeat(count),
            &format!("{style}: to_cyrillic"),
        );
        let sentence = converter(style, Casing::Sentence).to_cyrillic(&tote);
        let expected = format!("Әқz9{}", "әқz9".repeat(count - 1));
        assert_same(&sentence, &expected, &format!("{style}: sentence casing"));
        // (In `mediawiki` the whole line is one part of text, and the `қ` read back keeps
        // the hamza off it: its tote does not read back.)
        if style != Style::Mediawiki {
            assert_same(
                &to_arabic(&sentence, style),
                &tote,
                &format!("{style}: back"),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A 10 MB line of ordinary words.

/// `Біз қазақ тілінде сөйлейміз. ` repeated to 10 MB without a newline: the tote of the
/// sentence repeated (the same in every style but for the hamza), and back.
#[test]
fn a_10_mb_line_of_ordinary_words() {
    let (line, count) = repeated("Біз қазақ тілінде сөйлейміз. ", sized(10 * MB));
    for style in Style::ALL {
        let h = hamza(style);
        let expected = format!("{h}بىز قازاق تىلىندە سويلەيمىز. ").repeat(count);
        let tote = in_bounded_memory("to_arabic(line)", line.len(), || to_arabic(&line, style));
        assert_same(&tote, &expected, &format!("{style}: to_arabic"));
        let cyrillic = in_bounded_memory("to_cyrillic(line)", tote.len(), || {
            to_cyrillic(&tote, style)
        });
        assert_same(&cyrillic, &line, &format!("{style}: to_cyrillic"));
    }
}

/// `Ол келді - деді.` repeated to 10 MB without a newline: every dash and every stop is read
/// against the line before it (a news dateline, `Астана. Kazinform - Жақында`, is looked for
/// only near a line's start), in linear time.
#[test]
fn a_10_mb_line_of_dashes_and_stops() {
    let (line, count) = repeated("Ол келді - деді. ", sized(10 * MB));
    let style = Style::Kazinform;
    let tote = to_arabic(&line, style);
    assert_same(&tote, &"ول كەلدى - دەدى. ".repeat(count), "to_arabic");
    let cyrillic = in_bounded_memory("to_cyrillic(line)", tote.len(), || {
        to_cyrillic(&tote, style)
    });
    assert_same(&cyrillic, &line, "to_cyrillic");
}

/// The Cyrillic seeds, each joined into one line and repeated to 10 MB: converting the long
/// line gives the conversion of one copy, repeated (every copy ends in `. ` and starts a
/// sentence, so no convention reaches across copies).
#[test]
fn a_10_mb_line_of_seed_text() {
    let seeds = [
        include_str!("../fixtures/seeds/002-news-turksoy-interview.cyrillic.txt"),
        include_str!("../fixtures/seeds/004-news-amanat-round-table.cyrillic.txt"),
    ];
    let mut unit: String = seeds
        .iter()
        .flat_map(|seed| seed.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    unit.push_str(". ");
    let (line, count) = repeated(&unit, sized(10 * MB));
    for style in Style::ALL {
        let unit_tote = to_arabic(&unit, style);
        let tote = in_bounded_memory("to_arabic(seed line)", line.len(), || {
            to_arabic(&line, style)
        });
        assert_same(
            &tote,
            &unit_tote.repeat(count),
            &format!("{style}: to_arabic"),
        );

        let unit_cyrillic = to_cyrillic(&unit_tote, style);
        let cyrillic = in_bounded_memory("to_cyrillic(seed line)", tote.len(), || {
            to_cyrillic(&tote, style)
        });
        assert_same(
            &cyrillic,
            &unit_cyrillic.repeat(count),
            &format!("{style}: to_cyrillic"),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// More inputs that must stay linear: found superlinear while writing this file.

/// A long word ending in the patronymic `ұлы` (`қазақ…қазақұлы`): the patronymic is split off
/// (`قازاق… ۇلى`) in every style; and a word made of `ұлы` again and again, where every `ұлы`
/// after the first is split off (`ۇلى ۇلى …`).
#[test]

fn long_words_with_patronymics() {
    let (stem, count) = repeated("қазақ", sized(MB));
    let name = format!("{stem}ұлы");
    let expected = format!("{} ۇلى", "قازاق".repeat(count));
    let (patronyms, patronym_count) = repeated("ұлы", sized(MB));
    let expected_patronyms = vec!["ۇلى"; patronym_count].join(" ");
    // Not `mediawiki`, which never splits a patronymic off.
    for style in Style::ALL.into_iter().filter(|&s| s != Style::Mediawiki) {
        let tote = in_bounded_memory("to_arabic(қазақ…ұлы)", name.len(), || {
            to_arabic(&name, style)
        });
        assert_same(
            &tote,
            &expected,
            &format!("{style}: to_arabic(қазақ × {count} + ұлы)"),
        );
        let tote = in_bounded_memory("to_arabic(ұлыұлы…)", patronyms.len(), || {
            to_arabic(&patronyms, style)
        });
        assert_same(
            &tote,
            &expected_patronyms,
            &format!("{style}: to_arabic(ұлы × {patronym_count})"),
        );
    }
}

#[test]

fn tokens_after_brackets_without_spaces() {
    for open in ['(', '«', '"', '[', '<', '\''] {
        let (text, count) = repeated(&format!("{open}qб"), sized(MB));
        let (tote_text, _) = repeated(&format!("{open}qق"), sized(MB));
        for style in [Style::Kazinform, Style::Egemen] {
            let tote = in_bounded_memory("to_arabic(bracketed)", text.len(), || {
                to_arabic(&text, style)
            });
            let expected = format!("{open}qب").repeat(count);
            assert_same(&tote, &expected, &format!("{style}: to_arabic({open}qб…)"));
            let cyrillic = in_bounded_memory("to_cyrillic(bracketed)", tote_text.len(), || {
                converter(style, Casing::Lower).to_cyrillic(&tote_text)
            });
            let expected = format!("{open}qқ").repeat(tote_text.len() / format!("{open}qق").len());
            assert_same(
                &cyrillic,
                &expected,
                &format!("{style}: to_cyrillic({open}qق…)"),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// For a human: how the time grows from n to 4n (ignored by default; timing does not belong
// in unit tests). Linear code gives a ratio near 4, quadratic code near 16.

#[test]
#[ignore = "timing, for a human to read: cargo test --release --test pathological -- --ignored conversion_time_grows_linearly --nocapture"]
fn conversion_time_grows_linearly() {
    use std::time::{Duration, Instant};
    // (direction, repeated unit, conversion returning the output's length)
    type Case = (&'static str, &'static str, fn(&str) -> usize);
    fn arabic(text: &str) -> usize {
        to_arabic(text, Style::Kazinform).len()
    }
    fn cyrillic(text: &str) -> usize {
        to_cyrillic(text, Style::Kazinform).len()
    }
    fn arabic_with_patronym(text: &str) -> usize {
        to_arabic(&format!("{text}ұлы"), Style::Kazinform).len()
    }
    let cases: [Case; 9] = [
        ("to_arabic", "қазақ", arabic),
        ("to_arabic", "біз-", arabic),
        ("to_arabic", "ұлы", arabic),
        ("to_arabic (+ ұлы)", "қазақ", arabic_with_patronym),
        ("to_arabic", "(qб", arabic),
        ("to_cyrillic", "قازاق", cyrillic),
        ("to_cyrillic", "(qق", cyrillic),
        ("to_cyrillic", "بقa1", cyrillic),
        ("to_cyrillic", "ءبىز قازاق تىلىندە سويلەيمىز. ", cyrillic),
    ];
    warm_up();
    // Each run on a thread of its own: tote -> Cyrillic keeps a per-thread cache of the words
    // it has spelled, which would make every run after the first a look-up.
    let best_of_3 = |convert: fn(&str) -> usize, text: &str| -> Duration {
        (0..3)
            .map(|_| {
                std::thread::scope(|scope| {
                    scope
                        .spawn(|| {
                            warm_up();
                            let start = Instant::now();
                            convert(text);
                            start.elapsed()
                        })
                        .join()
                        .unwrap_or_default()
                })
            })
            .min()
            .unwrap_or_default()
    };
    // Small enough for the superlinear cases to finish in seconds.
    let small = 32_000;
    let mut worst: f64 = 0.0;
    for (direction, unit, convert) in cases {
        let (n, _) = repeated(unit, small);
        let (four_n, _) = repeated(unit, 4 * small);
        let t1 = best_of_3(convert, &n);
        let t4 = best_of_3(convert, &four_n);
        let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        worst = worst.max(ratio);
        println!(
            "{direction}({unit:?} × …): {} bytes {t1:?}, {} bytes {t4:?}, ratio {ratio:.1}",
            n.len(),
            four_n.len()
        );
    }
    assert!(worst < 8.0, "a case grew by {worst:.1}x from n to 4n");
}
