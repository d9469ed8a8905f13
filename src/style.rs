//! Publisher styles: the conventions that differ between tote editions.
//!
//! A [`Style`] names a publisher; [`StyleRules`] spells out what it does, one convention per
//! field, so that the converters never branch on the publisher itself. Custom rules start
//! from a publisher's and change conventions one by one.

use std::fmt;
use std::str::FromStr;

use crate::error::ParseStyleError;
use crate::orthography::letters::tote;

/// A publisher's tote conventions. Every style reproduces a real published document.
///
/// | style | hamza | hamza and `«` | hamza scope | comma | `ев` after a vowel | all-caps abbreviations | year + `-жыл` | hyphen between words | `ұлы`/`қызы` |
/// |---|---|---|---|---|---|---|---|---|---|
/// | [`Kazinform`](Style::Kazinform) | U+0621 | `ء«بىر` | whole word | `،` (digit`,`digit kept) | `يەۆ` | letter-spaced | `1991 -جىلى` | as written | split off names |
/// | [`Kazinform2023`](Style::Kazinform2023) | U+0621 | `«ءبىر` | whole word | `،` (digit`,`digit kept) | `يەۆ` | letter-spaced | `1969 -جىلى` | `سونداي- اق` | split off names |
/// | [`Egemen`](Style::Egemen) | U+0621 | `ء«بىر` | each hyphen part | `,` kept | `ەۆ` | joined | as written | as written | split everywhere |
/// | [`Xinjiang`](Style::Xinjiang) | U+0674 | `ٴ«بىر` | whole word | `،` (digit`,`digit kept) | `يەۆ` | letter-spaced | `1991 -جىلى` | as written | split off names |
/// | [`Mediawiki`](Style::Mediawiki) | U+0674 | `«ٴبىر` | each letter run of a part | `،` everywhere | `يەۆ` | joined | as written | as written | never split |
///
/// `?` becomes `؟` and `;` becomes `؛` in every style. [`Mediawiki`](Style::Mediawiki) also
/// spells some letters its own way (`и` -> `ىي`, `ч` -> `تش`, `һ` -> `ح`), writes digits as
/// `۰`-`۹`, `%` `*` `№` as `٪` `٭` `؀` and `Аллаһ` as `ﷲ` (see its [`StyleRules`]).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Style {
    /// Kazinform (kazinform.kz tote edition) as published in 2025: the default.
    #[default]
    Kazinform,
    /// Kazinform as published in 2023: hamza after `«`, a space after a hyphen between words.
    Kazinform2023,
    /// Egemen Qazaqstan: Latin comma, hamza on each part of a hyphenated word, joined
    /// abbreviations, `ев` without an inserted `ي`.
    Egemen,
    /// Kazinform's conventions with the Unicode-recommended U+0674 high hamza used in Xinjiang.
    Xinjiang,
    /// What MediaWiki's Kazakh converter writes for `kk-arab` (Kazakh Wikipedia, the
    /// MediaWiki interface): U+0674 hamza before each letter run of a front part of the text,
    /// `и` as `ىي`, `ч` as `تش`, `һ` as `ح`, digits `۰`-`۹`, `،` everywhere, `٪` `٭` `؀`, `ﷲ`.
    Mediawiki,
}

impl Style {
    /// Every style, default first.
    pub const ALL: [Style; 5] = [
        Style::Kazinform,
        Style::Kazinform2023,
        Style::Egemen,
        Style::Xinjiang,
        Style::Mediawiki,
    ];

    /// The style's name as used on the command line (`kazinform-2023`).
    pub fn name(self) -> &'static str {
        match self {
            Style::Kazinform => "kazinform",
            Style::Kazinform2023 => "kazinform-2023",
            Style::Egemen => "egemen",
            Style::Xinjiang => "xinjiang",
            Style::Mediawiki => "mediawiki",
        }
    }

    /// One line describing the style.
    pub fn description(self) -> &'static str {
        match self {
            Style::Kazinform => "Kazinform 2025 (default): U+0621 hamza before «, Arabic comma, letter-spaced abbreviations",
            Style::Kazinform2023 => "Kazinform 2023: hamza after «, space after a hyphen between words",
            Style::Egemen => "Egemen Qazaqstan: Latin comma, hamza per hyphen part, joined abbreviations, ев as ەۆ",
            Style::Xinjiang => "Xinjiang: Unicode-recommended U+0674 high hamza, otherwise like kazinform",
            Style::Mediawiki => "MediaWiki kk-arab (Kazakh Wikipedia): U+0674 hamza per letter run, и as ىي, digits ۰-۹",
        }
    }

    /// The conventions of this style.
    pub fn rules(self) -> StyleRules {
        let kazinform = StyleRules {
            hamza: tote::HAMZA,
            hamza_at_quote: HamzaAtQuote::BeforeQuote,
            hamza_scope: HamzaScope::WholeWord,
            comma: CommaRule::ArabicExceptBetweenDigits,
            vowel_then_e: VowelThenE::InsertYeh,
            abbreviations: Abbreviations::LetterSpaced,
            year_hyphen: YearHyphen::SpaceBefore,
            hyphen_spacing: HyphenSpacing::AsWritten,
            patronymics: Patronymics::SplitAfterName,
            letter_spelling: LetterSpelling::Standard,
            digits: Digits::Ascii,
            signs: Signs::AsWritten,
            allah: Allah::Letters,
        };
        match self {
            Style::Kazinform => kazinform,
            Style::Kazinform2023 => StyleRules {
                hamza_at_quote: HamzaAtQuote::AfterQuote,
                hyphen_spacing: HyphenSpacing::SpaceAfter,
                ..kazinform
            },
            Style::Egemen => StyleRules {
                hamza_scope: HamzaScope::EachPart,
                comma: CommaRule::Latin,
                vowel_then_e: VowelThenE::Plain,
                abbreviations: Abbreviations::Joined,
                year_hyphen: YearHyphen::AsWritten,
                patronymics: Patronymics::SplitEverywhere,
                ..kazinform
            },
            Style::Xinjiang => StyleRules {
                hamza: tote::HIGH_HAMZA,
                ..kazinform
            },
            Style::Mediawiki => StyleRules {
                hamza: tote::HIGH_HAMZA,
                hamza_at_quote: HamzaAtQuote::AfterQuote,
                hamza_scope: HamzaScope::EachLetterRun,
                comma: CommaRule::Arabic,
                vowel_then_e: VowelThenE::InsertYehAfterVowelOrSign,
                abbreviations: Abbreviations::Joined,
                year_hyphen: YearHyphen::AsWritten,
                hyphen_spacing: HyphenSpacing::AsWritten,
                patronymics: Patronymics::Never,
                letter_spelling: LetterSpelling::Mediawiki,
                digits: Digits::ExtendedArabicIndic,
                signs: Signs::Arabic,
                allah: Allah::Ligature,
            },
        }
    }
}

impl fmt::Display for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Style {
    type Err = ParseStyleError;

    /// Parses a style name (`kazinform`, `kazinform-2023`, `egemen`, `xinjiang`, `mediawiki`),
    /// ignoring case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Style::ALL
            .into_iter()
            .find(|style| style.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ParseStyleError { name: s.to_owned() })
    }
}

/// The conventions of one style, one per field: what [`Style::rules`] spells out for a
/// publisher, and what a custom style starts from.
///
/// A custom style takes a publisher's rules and changes one or more conventions with the
/// `with_*` methods; [`ConverterBuilder::rules`](crate::ConverterBuilder::rules) accepts it.
/// Every combination of the conventions of the four publisher styles is read back as it is
/// written: tote written with custom rules converts back to the same tote with the same
/// rules. The reader does not undo the letter spellings, digits, signs and ligature of
/// [`Style::Mediawiki`]: its text is read where the reader's letters cover it.
///
/// ```
/// use kazakh_script::{CommaRule, Converter, Style};
///
/// // Kazinform, but with the Latin comma.
/// let rules = Style::Kazinform.rules().with_comma(CommaRule::Latin);
/// let converter = Converter::builder().rules(rules).build();
/// assert_eq!(converter.to_arabic("Біз, сіз"), "ءبىز, ءسىز");
/// assert_eq!(converter.to_cyrillic("ءبىز, ءسىز"), "Біз, сіз");
/// assert_eq!(converter.style(), None);
/// assert_eq!(converter.rules().comma(), CommaRule::Latin);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StyleRules {
    /// The hamza code point written: one of [`Hamza`]'s, never any other character, so
    /// that the reader recognises it.
    pub(crate) hamza: char,
    pub(crate) hamza_at_quote: HamzaAtQuote,
    pub(crate) hamza_scope: HamzaScope,
    pub(crate) comma: CommaRule,
    pub(crate) vowel_then_e: VowelThenE,
    pub(crate) abbreviations: Abbreviations,
    pub(crate) year_hyphen: YearHyphen,
    pub(crate) hyphen_spacing: HyphenSpacing,
    pub(crate) patronymics: Patronymics,
    pub(crate) letter_spelling: LetterSpelling,
    pub(crate) digits: Digits,
    pub(crate) signs: Signs,
    pub(crate) allah: Allah,
}

impl StyleRules {
    /// The hamza written.
    pub fn hamza(&self) -> Hamza {
        if self.hamza == tote::HIGH_HAMZA {
            Hamza::High
        } else {
            Hamza::Standalone
        }
    }

    /// These rules with the hamza `hamza`.
    #[must_use]
    pub fn with_hamza(self, hamza: Hamza) -> Self {
        StyleRules {
            hamza: hamza.as_char(),
            ..self
        }
    }

    /// Where the hamza goes when the word starts right after `«`.
    pub fn hamza_at_quote(&self) -> HamzaAtQuote {
        self.hamza_at_quote
    }

    /// These rules with the hamza placed next to `«` as `hamza_at_quote` says.
    #[must_use]
    pub fn with_hamza_at_quote(self, hamza_at_quote: HamzaAtQuote) -> Self {
        StyleRules {
            hamza_at_quote,
            ..self
        }
    }

    /// Which unit of a hyphenated word gets its own hamza.
    pub fn hamza_scope(&self) -> HamzaScope {
        self.hamza_scope
    }

    /// These rules with the hamza scope `hamza_scope`.
    #[must_use]
    pub fn with_hamza_scope(self, hamza_scope: HamzaScope) -> Self {
        StyleRules {
            hamza_scope,
            ..self
        }
    }

    /// How commas are written.
    pub fn comma(&self) -> CommaRule {
        self.comma
    }

    /// These rules with commas written as `comma` says.
    #[must_use]
    pub fn with_comma(self, comma: CommaRule) -> Self {
        StyleRules { comma, ..self }
    }

    /// How `е` after a vowel is written (`Тоқаев`).
    pub fn vowel_then_e(&self) -> VowelThenE {
        self.vowel_then_e
    }

    /// These rules with `е` after a vowel written as `vowel_then_e` says.
    #[must_use]
    pub fn with_vowel_then_e(self, vowel_then_e: VowelThenE) -> Self {
        StyleRules {
            vowel_then_e,
            ..self
        }
    }

    /// How all-caps abbreviations are written (`ИЫҰ`).
    pub fn abbreviations(&self) -> Abbreviations {
        self.abbreviations
    }

    /// These rules with all-caps abbreviations written as `abbreviations` says.
    #[must_use]
    pub fn with_abbreviations(self, abbreviations: Abbreviations) -> Self {
        StyleRules {
            abbreviations,
            ..self
        }
    }

    /// Whether a four-digit year before `-жыл...` gets a space before the hyphen.
    pub fn year_hyphen(&self) -> YearHyphen {
        self.year_hyphen
    }

    /// These rules with the hyphen after a year spaced as `year_hyphen` says.
    #[must_use]
    pub fn with_year_hyphen(self, year_hyphen: YearHyphen) -> Self {
        StyleRules {
            year_hyphen,
            ..self
        }
    }

    /// How a hyphen between two words is spaced.
    pub fn hyphen_spacing(&self) -> HyphenSpacing {
        self.hyphen_spacing
    }

    /// These rules with a hyphen between two words spaced as `hyphen_spacing` says.
    #[must_use]
    pub fn with_hyphen_spacing(self, hyphen_spacing: HyphenSpacing) -> Self {
        StyleRules {
            hyphen_spacing,
            ..self
        }
    }

    /// Where `ұлы`/`қызы` are written as separate words.
    pub fn patronymics(&self) -> Patronymics {
        self.patronymics
    }

    /// These rules with `ұлы`/`қызы` split off as `patronymics` says.
    #[must_use]
    pub fn with_patronymics(self, patronymics: Patronymics) -> Self {
        StyleRules {
            patronymics,
            ..self
        }
    }

    /// Which spelling of the letters that spellings differ in is written (`и`, `ч`, `һ`).
    pub fn letter_spelling(&self) -> LetterSpelling {
        self.letter_spelling
    }

    /// These rules with letters spelled as `letter_spelling` says.
    #[must_use]
    pub fn with_letter_spelling(self, letter_spelling: LetterSpelling) -> Self {
        StyleRules {
            letter_spelling,
            ..self
        }
    }

    /// How the digits `0`-`9` are written.
    pub fn digits(&self) -> Digits {
        self.digits
    }

    /// These rules with digits written as `digits` says.
    #[must_use]
    pub fn with_digits(self, digits: Digits) -> Self {
        StyleRules { digits, ..self }
    }

    /// How `%`, `*` and the number sign (`№`, `#`, `No.`) are written.
    pub fn signs(&self) -> Signs {
        self.signs
    }

    /// These rules with `%`, `*` and the number sign written as `signs` says.
    #[must_use]
    pub fn with_signs(self, signs: Signs) -> Self {
        StyleRules { signs, ..self }
    }

    /// How `Аллаһ` is written.
    pub fn allah(&self) -> Allah {
        self.allah
    }

    /// These rules with `Аллаһ` written as `allah` says.
    #[must_use]
    pub fn with_allah(self, allah: Allah) -> Self {
        StyleRules { allah, ..self }
    }
}

/// The hamza code point a style writes. Tote in either is read, whatever the style.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hamza {
    /// U+0621 ARABIC LETTER HAMZA (`ء`), as Kazinform and Egemen write it.
    Standalone,
    /// U+0674 ARABIC LETTER HIGH HAMZA (`ٴ`), the Unicode-recommended Kazakh hamza, as
    /// written in Xinjiang.
    High,
}

impl Hamza {
    /// The code point.
    pub fn as_char(self) -> char {
        match self {
            Hamza::Standalone => tote::HAMZA,
            Hamza::High => tote::HIGH_HAMZA,
        }
    }
}

/// Where the hamza of a word goes when the word starts right after `«`.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HamzaAtQuote {
    /// `ء«بىر`
    BeforeQuote,
    /// `«ءبىر`
    AfterQuote,
}

/// Which unit of a hyphenated word the hamza rule looks at.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HamzaScope {
    /// The whole hyphenated word gets at most one hamza, at its start: `ءىس-شارا`, `ىس-تاجىريبە`.
    WholeWord,
    /// Each part gets its own: `ءىس-تاجىريبە`.
    EachPart,
    /// MediaWiki's rule. The text is cut into parts at ASCII white space (and backspace),
    /// `-`, `.` and `:`, and nothing else (`Сарымолдаев,Ы` is one part); a part with one of
    /// `ә ө ү і` and none of `е э г ғ к қ` (either case) gets a hamza before each run of
    /// Cyrillic letters in it (`аllёgоrіа` -> `ٴاllٴيوgٴوrٴىا`), after any quote before the
    /// letters. A text is then written part by part with no notion of compounds: the
    /// conventions of compounds (hamza at `«`, abbreviations, year hyphen, hyphen spacing,
    /// patronymics) do not apply, Latin look-alikes stay Latin and addresses are no tokens of
    /// their own.
    EachLetterRun,
}

/// How the comma is written.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommaRule {
    /// `،`, except between two digits (`796,2`).
    ArabicExceptBetweenDigits,
    /// `,` everywhere.
    Latin,
    /// `،` everywhere, also between digits (`683,273` -> `۶۸۳،۲۷۳`).
    Arabic,
}

/// How `е` right after a vowel letter is written.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VowelThenE {
    /// With a `ي` before it: `Тоқаев` -> `توقايەۆ`.
    InsertYeh,
    /// As plain `ە`: `Тоқаев` -> `توقاەۆ`.
    Plain,
    /// With a `ي` before it after `а ә е ё и о ө ұ ү э ю я ъ ь` (not after `ы і у й`), as
    /// MediaWiki writes it: `Съездің` -> `سيەزدىڭ`, `Үндіеуропа` -> `ۇندىەۋروپا`. An `е`
    /// right after an `е` that took one stays plain: `аее` -> `ايەە`.
    InsertYehAfterVowelOrSign,
}

/// How all-caps abbreviations (two to five letters) are written.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Abbreviations {
    /// Letter by letter with spaces: `ИЫҰ` -> `ي ى ۇ`.
    LetterSpaced,
    /// As one word: `ШЫҰ` -> `شىۇ`.
    Joined,
}

/// Spacing of `1969-жылы`.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YearHyphen {
    /// `1969 -جىلى`.
    SpaceBefore,
    /// `1969-جىلى`.
    AsWritten,
}

/// Spacing of a hyphen between two Kazakh words.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HyphenSpacing {
    /// `سونداي- اق`.
    SpaceAfter,
    /// As in the Cyrillic text.
    AsWritten,
}

/// Where `ұлы` and `қызы` are written as separate words.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Patronymics {
    /// After a name (a stem of two or more letters), when the word ends in the patronymic and
    /// a case ending: `Қабышұлы` -> `قابىش ۇلى`, `Байтұрсынұлының` -> `بايتۇرسىن ۇلىنىڭ`.
    SplitAfterName,
    /// Before every `ұлы`/`қызы` inside a word: `зұлым` -> `ز ۇلىم`.
    SplitEverywhere,
    /// Never: `Қабышұлы` -> `قابىشۇلى`.
    Never,
}

/// Which spelling of the letters that spellings differ in is written.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LetterSpelling {
    /// The publishers' spelling: `и` -> `ي`, `ия` -> `يا`, `ч` -> `چ`, `һ` -> `ھ`.
    Standard,
    /// MediaWiki's: `и` -> `ىي` (so `ия` -> `ىييا`), `ч` -> `تش`, `һ` -> `ح`.
    Mediawiki,
}

/// How the digits `0`-`9` are written.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Digits {
    /// As they are: `2010`.
    Ascii,
    /// As Extended Arabic-Indic digits (U+06F0..U+06F9): `2010` -> `۲۰۱۰`.
    ExtendedArabicIndic,
}

/// How `%`, `*` and the number sign are written.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Signs {
    /// As they are.
    AsWritten,
    /// `%` -> `٪` (U+066A), `*` -> `٭` (U+066D), `№`, `#` and `No.` -> `؀` (U+0600).
    Arabic,
}

/// How `Аллаһ` is written.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Allah {
    /// Letter by letter.
    Letters,
    /// As the ligature `ﷲ` (U+FDF2), in any case and also inside a longer word.
    Ligature,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_names_parse_back() {
        for style in Style::ALL {
            assert_eq!(style.name().parse::<Style>(), Ok(style));
        }
        assert_eq!("Kazinform-2023".parse::<Style>(), Ok(Style::Kazinform2023));
        assert!("latin".parse::<Style>().is_err());
    }

    #[test]
    fn xinjiang_differs_from_kazinform_only_in_the_hamza() {
        let (k, x) = (Style::Kazinform.rules(), Style::Xinjiang.rules());
        assert_eq!(x.hamza(), Hamza::High);
        assert_eq!(
            StyleRules {
                hamza: k.hamza,
                ..x
            },
            k
        );
    }
}
