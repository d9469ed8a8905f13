//! [`Converter`]: a style, a casing mode and a word source chosen once, then used to convert
//! in either direction, with its builder and the options it holds.

use std::borrow::Cow;

use crate::style::{Style, StyleRules};
use crate::{to_arabic, to_cyrillic, Script};

/// How letter case is restored in tote -> Cyrillic output (tote has no case).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Casing {
    /// Capital letter at the start of the text, of each line, after `.`, `!`, `?` and after
    /// an opening `«` or `“` (titles and quoted speech: `«Қазақ» газеті`); proper
    /// nouns as the lexicon writes them; abbreviations (letter-spaced runs) in capitals. The
    /// default.
    #[default]
    Sentence,
    /// Lower case (proper nouns too), except abbreviations, which stay in capitals so that
    /// they convert back.
    Lower,
}

/// Where Cyrillic spellings of tote words come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum WordSource {
    /// The embedded lexicon first (words seen in a corpus, and known stems with known suffix
    /// chains), then the rules. The default when the `lexicon` feature is on.
    #[cfg_attr(feature = "lexicon", default)]
    Lexicon,
    /// The rules alone. The default (and the only source) without the `lexicon` feature.
    #[cfg_attr(not(feature = "lexicon"), default)]
    Rules,
}

/// A converter configured once and reused: style and casing. `Copy`, `Send` and `Sync`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Converter {
    pub(crate) rules: StyleRules,
    style: Style,
    pub(crate) casing: Casing,
    pub(crate) words: WordSource,
}

impl Default for StyleRules {
    fn default() -> Self {
        Style::default().rules()
    }
}

impl Converter {
    /// A converter for `style` with the default casing.
    pub fn new(style: Style) -> Self {
        Converter {
            rules: style.rules(),
            style,
            casing: Casing::default(),
            words: WordSource::default(),
        }
    }

    /// A builder to set the style and casing.
    pub fn builder() -> ConverterBuilder {
        ConverterBuilder::default()
    }

    /// The style this converter writes and reads.
    pub fn style(&self) -> Style {
        self.style
    }

    /// Cyrillic -> tote.
    pub fn to_arabic<'a>(&self, text: &'a str) -> Cow<'a, str> {
        to_arabic::to_arabic(text, &self.rules)
    }

    /// Tote -> Cyrillic.
    pub fn to_cyrillic<'a>(&self, text: &'a str) -> Cow<'a, str> {
        to_cyrillic::to_cyrillic(text, &self.rules, self.casing, self.words)
    }

    /// Converts `text` to the `target` script.
    pub fn convert<'a>(&self, text: &'a str, target: Script) -> Cow<'a, str> {
        match target {
            Script::Arabic => self.to_arabic(text),
            Script::Cyrillic => self.to_cyrillic(text),
        }
    }
}

/// Builds a [`Converter`].
#[derive(Clone, Copy, Debug, Default)]
pub struct ConverterBuilder {
    style: Style,
    casing: Casing,
    words: WordSource,
}

impl ConverterBuilder {
    /// Sets the style (default [`Style::Kazinform`]).
    pub fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// Sets how tote -> Cyrillic restores case (default [`Casing::Sentence`]).
    pub fn casing(mut self, casing: Casing) -> Self {
        self.casing = casing;
        self
    }

    /// Sets where tote -> Cyrillic takes word spellings from (default: the lexicon when the
    /// `lexicon` feature is on).
    pub fn words(mut self, words: WordSource) -> Self {
        self.words = words;
        self
    }

    /// The converter.
    pub fn build(self) -> Converter {
        Converter {
            casing: self.casing,
            words: self.words,
            ..Converter::new(self.style)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converter_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Converter>();
    }
}
