//! [`Converter`]: a style (a publisher's or custom rules), a casing mode and a word source
//! chosen once, then used to convert in either direction, with its builder and the options it
//! holds.

use std::borrow::Cow;

use crate::style::{Style, StyleRules};
use crate::{to_arabic, to_cyrillic, Script};

/// How letter case is restored in tote -> Cyrillic output (tote has no case).
#[non_exhaustive]
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
#[non_exhaustive]
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

/// A converter configured once and reused: style rules, casing and word source. `Copy`,
/// `Send` and `Sync`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Converter {
    pub(crate) rules: StyleRules,
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
            casing: Casing::default(),
            words: WordSource::default(),
        }
    }

    /// A builder to set the style (or custom rules), casing and word source.
    pub fn builder() -> ConverterBuilder {
        ConverterBuilder::default()
    }

    /// The publisher style whose rules this converter writes and reads, or `None` when its
    /// rules are custom ones that match no [`Style`] (see [`ConverterBuilder::rules`]).
    ///
    /// ```
    /// use kazakh_script::{Converter, HyphenSpacing, Style};
    /// assert_eq!(Converter::new(Style::Egemen).style(), Some(Style::Egemen));
    ///
    /// let rules = Style::Kazinform.rules().with_hyphen_spacing(HyphenSpacing::SpaceAfter);
    /// assert_eq!(Converter::builder().rules(rules).build().style(), None);
    /// ```
    pub fn style(&self) -> Option<Style> {
        Style::ALL
            .into_iter()
            .find(|style| style.rules() == self.rules)
    }

    /// The conventions this converter writes and reads: its style's [`Style::rules`], or the
    /// custom rules it was built with.
    pub fn rules(&self) -> StyleRules {
        self.rules
    }

    /// How tote -> Cyrillic restores case.
    pub fn casing(&self) -> Casing {
        self.casing
    }

    /// Where tote -> Cyrillic takes word spellings from.
    pub fn words(&self) -> WordSource {
        self.words
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
    rules: StyleRules,
    casing: Casing,
    words: WordSource,
}

impl ConverterBuilder {
    /// Sets the style (default [`Style::Kazinform`]): its rules replace any set before.
    pub fn style(mut self, style: Style) -> Self {
        self.rules = style.rules();
        self
    }

    /// Sets custom rules: a publisher's [`Style::rules`] with some conventions changed.
    /// They replace any style or rules set before. A converter with rules that match no
    /// [`Style`] has no [`Converter::style`].
    ///
    /// ```
    /// use kazakh_script::{CommaRule, Converter, Style};
    ///
    /// // Kazinform with a Latin comma.
    /// let converter = Converter::builder()
    ///     .rules(Style::Kazinform.rules().with_comma(CommaRule::Latin))
    ///     .build();
    /// assert_eq!(converter.to_arabic("Алматы, Астана"), "الماتى, استانا");
    /// assert_eq!(Converter::new(Style::Kazinform).to_arabic("Алматы, Астана"), "الماتى، استانا");
    /// ```
    pub fn rules(mut self, rules: StyleRules) -> Self {
        self.rules = rules;
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
            rules: self.rules,
            casing: self.casing,
            words: self.words,
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
