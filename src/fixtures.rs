//! Cyrillic/tote pairs for other projects' test suites.
//!
//! [`Pairs`] reads lines and yields each line with its conversion; with the `proptest`
//! feature, `strategies` generates Kazakh words and sentences with their tote forms.
//!
//! ```
//! use kazakh_script::fixtures::Pairs;
//! use kazakh_script::{Converter, Style};
//!
//! let text = "Біз келдік.\nСіз қайда?\n";
//! let pairs: Vec<_> = Pairs::from_cyrillic(text.as_bytes(), Converter::new(Style::Kazinform))
//!     .collect::<Result<_, _>>()
//!     .unwrap();
//! assert_eq!(pairs[0].arabic, "ءبىز كەلدىك.");
//! assert_eq!(pairs[1].cyrillic, "Сіз қайда?");
//! assert_eq!(pairs[1].arabic, "ءسىز قايدا؟");
//! ```

use std::io::{self, BufRead};

use crate::{utf8, Converter, Script, Utf8Mode};

/// One line in both scripts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Pair {
    /// The Cyrillic side.
    pub cyrillic: String,
    /// The tote side.
    pub arabic: String,
}

/// Iterates over the lines of a reader and yields each line with its conversion: the line
/// is one side of the [`Pair`] (the script it is read in, [`Pairs::source`]), the other side
/// is what the converter makes of it. Made by [`Pairs::from_cyrillic`] or
/// [`Pairs::from_arabic`], named by the script of the lines.
///
/// Lines end at `\n`; a `\r` right before it (or at the end of the input) belongs to the
/// line end; neither is part of the pair. A last line without `\n` is a line; empty input has none. Only the line at hand is
/// held in memory.
///
/// Invalid UTF-8 is an [`io::ErrorKind::InvalidData`] error whose inner error is an
/// [`InvalidUtf8Error`](crate::InvalidUtf8Error) with the offset of the first invalid byte
/// in the input (or, in [`Utf8Mode::Lossy`], replaced by U+FFFD).
///
/// ```
/// use kazakh_script::fixtures::Pairs;
/// use kazakh_script::{Converter, InvalidUtf8Error, Style};
///
/// let mut pairs = Pairs::from_arabic(&b"\xD8\xA1\xD8\xA8\n\xFF\n"[..], Converter::new(Style::Kazinform));
/// assert_eq!(pairs.next().unwrap().unwrap().arabic, "ءب");
/// let error = pairs.next().unwrap().unwrap_err();
/// let invalid = error.get_ref().and_then(|e| e.downcast_ref::<InvalidUtf8Error>());
/// assert_eq!(invalid.map(|e| e.offset), Some(5));
/// ```
#[derive(Debug)]
pub struct Pairs<R> {
    reader: R,
    source: Script,
    converter: Converter,
    utf8: Utf8Mode,
    /// The bytes of the line at hand.
    line: Vec<u8>,
    /// Offset in the input of the next line.
    offset: u64,
}

impl<R: BufRead> Pairs<R> {
    /// Pairs for the lines of `reader`, written in Cyrillic, converted to tote by `converter`.
    pub fn from_cyrillic(reader: R, converter: Converter) -> Self {
        Self::reading(reader, Script::Cyrillic, converter)
    }

    /// Pairs for the lines of `reader`, written in tote, converted to Cyrillic by `converter`.
    pub fn from_arabic(reader: R, converter: Converter) -> Self {
        Self::reading(reader, Script::Arabic, converter)
    }

    fn reading(reader: R, source: Script, converter: Converter) -> Self {
        Pairs {
            reader,
            source,
            converter,
            utf8: Utf8Mode::Strict,
            line: Vec::new(),
            offset: 0,
        }
    }

    /// Sets what happens to invalid UTF-8 (default [`Utf8Mode::Strict`]: an error).
    pub fn utf8_mode(mut self, mode: Utf8Mode) -> Self {
        self.utf8 = mode;
        self
    }

    /// The script the lines are read in; the pairs' other side is in [`Script::other`].
    pub fn source(&self) -> Script {
        self.source
    }
}

impl<R: BufRead> Iterator for Pairs<R> {
    type Item = io::Result<Pair>;

    fn next(&mut self) -> Option<Self::Item> {
        self.line.clear();
        let n = match self.reader.read_until(b'\n', &mut self.line) {
            Ok(0) => return None,
            Ok(n) => n,
            Err(error) => return Some(Err(error)),
        };
        // A line feed never continues an invalid sequence: decoding line by line replaces
        // exactly what decoding the whole input would.
        let line = match utf8::decode(&self.line, self.utf8, self.offset) {
            Ok(line) => line,
            Err(error) => return Some(Err(io::Error::new(io::ErrorKind::InvalidData, error))),
        };
        self.offset += n as u64;
        let line = line.strip_suffix('\n').unwrap_or(&line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let converted = self
            .converter
            .convert(line, self.source.other())
            .into_owned();
        let line = line.to_owned();
        Some(Ok(match self.source {
            Script::Cyrillic => Pair {
                cyrillic: line,
                arabic: converted,
            },
            Script::Arabic => Pair {
                cyrillic: converted,
                arabic: line,
            },
        }))
    }
}

/// proptest strategies that generate Kazakh text with its tote form (feature `proptest`).
///
/// ```
/// use kazakh_script::fixtures::strategies;
/// use kazakh_script::{to_arabic, Style};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let pair = strategies::sentence(Style::Egemen).new_tree(&mut runner).unwrap().current();
/// assert_eq!(to_arabic(&pair.cyrillic, Style::Egemen), pair.arabic);
/// ```
#[cfg(feature = "proptest")]
pub mod strategies {
    use proptest::prelude::*;
    use proptest::sample::select;

    use super::Pair;
    use crate::{to_arabic, Style};

    const BACK_VOWELS: &[&str] = &["а", "о", "ұ", "ы"];
    const FRONT_VOWELS: &[&str] = &["ә", "е", "ө", "ү", "і"];
    const NEUTRAL_CONSONANTS: &[&str] = &[
        "б", "д", "ж", "з", "л", "м", "н", "ң", "п", "р", "с", "т", "ш", "у",
    ];

    /// A native-looking Kazakh word in lower case: one to three (C)V(C) syllables, all back
    /// (with қ ғ) or all front (with к г) vowels, never two vowels in a row. Such words
    /// convert to tote and back exactly with the rules alone ([`WordSource::Rules`](crate::WordSource)),
    /// unless `ұлы`/`қызы` stands inside one (written apart in tote).
    pub fn native_word() -> impl Strategy<Value = String> {
        let word = |vowels: &'static [&'static str], hard: &'static [&'static str]| {
            let consonants: Vec<&'static str> =
                NEUTRAL_CONSONANTS.iter().chain(hard).copied().collect();
            let syllable = (
                select(consonants.clone()),
                select(vowels.to_vec()),
                proptest::option::of(select(consonants)),
            );
            (
                proptest::option::of(select(vowels.to_vec())),
                prop::collection::vec(syllable, 1..4),
            )
                .prop_map(|(first, syllables)| {
                    let mut word = first.unwrap_or_default().to_owned();
                    for (onset, vowel, coda) in syllables {
                        word.push_str(onset);
                        word.push_str(vowel);
                        word.push_str(coda.unwrap_or_default());
                    }
                    word
                })
        };
        prop_oneof![
            word(BACK_VOWELS, &["қ", "ғ"]),
            word(FRONT_VOWELS, &["к", "г"])
        ]
    }

    /// A word and its tote form in `style`.
    pub fn word(style: Style) -> impl Strategy<Value = Pair> {
        native_word().prop_map(move |cyrillic| pair(cyrillic, style))
    }

    /// A sentence of one to eight words, capitalised, with commas and a final stop, and its
    /// tote form in `style`.
    pub fn sentence(style: Style) -> impl Strategy<Value = Pair> {
        (
            prop::collection::vec((native_word(), any::<bool>()), 1..9),
            select(vec![".", "?", "!"]),
        )
            .prop_map(move |(words, stop)| {
                let mut cyrillic = String::new();
                for (index, (word, comma)) in words.iter().enumerate() {
                    if index > 0 {
                        cyrillic.push(' ');
                    }
                    if index == 0 {
                        let mut chars = word.chars();
                        cyrillic.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                        cyrillic.push_str(chars.as_str());
                    } else {
                        cyrillic.push_str(word);
                    }
                    if *comma && index + 1 < words.len() {
                        cyrillic.push(',');
                    }
                }
                cyrillic.push_str(stop);
                pair(cyrillic, style)
            })
    }

    fn pair(cyrillic: String, style: Style) -> Pair {
        let arabic = to_arabic(&cyrillic, style).into_owned();
        Pair { cyrillic, arabic }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Style;

    #[test]
    fn tote_lines_pair_with_their_cyrillic() {
        let text = "ءبىز\r\nقازاق\n";
        let pairs: Vec<Pair> =
            Pairs::from_arabic(text.as_bytes(), Converter::new(Style::Kazinform))
                .collect::<Result<_, _>>()
                .unwrap();
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].cyrillic, "Біз");
        assert_eq!(pairs[1].arabic, "قازاق");
    }

    #[test]
    fn invalid_utf8_is_an_error() {
        let bytes: &[u8] = b"ok\n\xff\n";
        let mut pairs = Pairs::from_cyrillic(bytes, Converter::default());
        assert!(pairs.next().unwrap().is_ok());
        let error = pairs.next().unwrap().unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        let lossy: Vec<Pair> = Pairs::from_cyrillic(bytes, Converter::default())
            .utf8_mode(Utf8Mode::Lossy)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(lossy[1].cyrillic, "\u{FFFD}");
    }

    #[test]
    fn a_last_line_without_a_line_feed_counts_and_empty_input_has_none() {
        let pairs: Vec<Pair> = Pairs::from_cyrillic(&b"a\r\nb"[..], Converter::default())
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].cyrillic, "a");
        assert_eq!(pairs[1].cyrillic, "b");
        assert_eq!(
            Pairs::from_cyrillic(&b""[..], Converter::default()).count(),
            0
        );
    }
}
