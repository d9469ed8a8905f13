//! Cyrillic/tote pairs for other projects' test suites.
//!
//! [`Pairs`] reads lines and yields each line with its conversion; with the `proptest`
//! feature, `strategies` generates Kazakh words and sentences with their tote forms.
//!
//! ```
//! use kazakh_script::fixtures::Pairs;
//! use kazakh_script::{Converter, Script, Style};
//!
//! let text = "Біз келдік.\nСіз қайда?\n";
//! let pairs: Vec<_> = Pairs::new(text.as_bytes(), Script::Cyrillic, Converter::new(Style::Kazinform))
//!     .collect::<Result<_, _>>()
//!     .unwrap();
//! assert_eq!(pairs[0].arabic, "ءبىز كەلدىك.");
//! assert_eq!(pairs[1].cyrillic, "Сіз қайда?");
//! assert_eq!(pairs[1].arabic, "ءسىز قايدا؟");
//! ```

use std::io::{self, BufRead};

use crate::{Converter, Script};

/// One line in both scripts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Pair {
    /// The Cyrillic side.
    pub cyrillic: String,
    /// The tote side.
    pub arabic: String,
}

/// Iterates over the lines of a reader (`\n` or `\r\n` line ends, not included) and yields
/// each line with its conversion: the line is the `source` side, the other side is what the
/// converter makes of it. Invalid UTF-8 is an [`io::ErrorKind::InvalidData`] error.
#[derive(Debug)]
pub struct Pairs<R> {
    lines: io::Lines<R>,
    source: Script,
    converter: Converter,
}

impl<R: BufRead> Pairs<R> {
    /// Pairs for the lines of `reader`, written in `source`, converted by `converter`.
    pub fn new(reader: R, source: Script, converter: Converter) -> Self {
        Pairs {
            lines: reader.lines(),
            source,
            converter,
        }
    }
}

impl<R: BufRead> Iterator for Pairs<R> {
    type Item = io::Result<Pair>;

    fn next(&mut self) -> Option<Self::Item> {
        let line = match self.lines.next()? {
            Ok(line) => line,
            Err(error) => return Some(Err(error)),
        };
        let converted = self
            .converter
            .convert(&line, self.source.other())
            .into_owned();
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
        let pairs: Vec<Pair> = Pairs::new(
            text.as_bytes(),
            Script::Arabic,
            Converter::new(Style::Kazinform),
        )
        .collect::<Result<_, _>>()
        .unwrap();
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].cyrillic, "Біз");
        assert_eq!(pairs[1].arabic, "قازاق");
    }

    #[test]
    fn invalid_utf8_is_an_error() {
        let bytes: &[u8] = b"ok\n\xff\n";
        let mut pairs = Pairs::new(bytes, Script::Cyrillic, Converter::default());
        assert!(pairs.next().unwrap().is_ok());
        let error = pairs.next().unwrap().unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
    }
}
