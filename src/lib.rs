//! Converts Kazakh text between **Cyrillic** and the Arabic-based **tote jazu** script, in
//! both directions, reproducing the conventions of real tote publishers exactly.
//!
//! # Quick start
//!
//! ```
//! use kazakh_script::{to_arabic, to_cyrillic, Style};
//!
//! let tote = to_arabic("Біз қазақ тілінде сөйлейміз.", Style::Kazinform);
//! assert_eq!(tote, "ءبىز قازاق تىلىندە سويلەيمىز.");
//!
//! let cyrillic = to_cyrillic("ءبىز قازاق تىلىندە سويلەيمىز.", Style::Kazinform);
//! assert_eq!(cyrillic, "Біз қазақ тілінде сөйлейміз.");
//! ```
//!
//! Text that needs no change comes back borrowed ([`Cow::Borrowed`]), so converting text that
//! is already in the target script costs no allocation:
//!
//! ```
//! use std::borrow::Cow;
//! use kazakh_script::{to_arabic, Style};
//! assert!(matches!(to_arabic("KAZINFORM 2025", Style::Kazinform), Cow::Borrowed(_)));
//! ```
//!
//! # A converter built once
//!
//! [`Converter`] holds a style (or custom [`StyleRules`]), the casing mode and the word
//! source; it is cheap to copy, `Send + Sync`, and converts in either direction:
//!
//! ```
//! use kazakh_script::{Casing, Converter, Script, Style};
//!
//! let converter = Converter::builder()
//!     .style(Style::Egemen)
//!     .casing(Casing::Lower)
//!     .build();
//! assert_eq!(converter.convert("Тоқаев, ШЫҰ-ға", Script::Arabic), "توقاەۆ, شىۇ-عا");
//! assert_eq!(converter.to_cyrillic("توقاەۆ"), "тоқаев");
//! ```
//!
//! # Styles
//!
//! Publishers differ in the hamza code point, its place next to `«`, commas, abbreviations,
//! hyphen and year spacing and more; each [`Style`] reproduces one publisher (see its table).
//! [`guess_style`] reads the style off a tote text, [`detect_script`] tells the script:
//!
//! ```
//! use kazakh_script::{detect_script, guess_style, Script, Style};
//! let text = "ي ى ۇ- داعى «ءبىر» ورىن";
//! assert_eq!(detect_script(text), Some(Script::Arabic));
//! assert_eq!(guess_style(text), Style::Kazinform2023);
//! ```
//!
//! A custom style starts from a publisher's [`StyleRules`] and changes a convention; the
//! builder accepts it ([`ConverterBuilder::rules`]):
//!
//! ```
//! use kazakh_script::{CommaRule, Converter, Style};
//! let rules = Style::Kazinform.rules().with_comma(CommaRule::Latin);
//! let converter = Converter::builder().rules(rules).build();
//! assert_eq!(converter.to_arabic("Біз, сіз"), "ءبىز, ءسىز");
//! ```
//!
//! # Tote -> Cyrillic
//!
//! Tote does not write the difference between а/ә, о/ө, ұ/ү, ы/і in every word, nor и/й,
//! я/ия, ц/тс, е/э, ь/ъ or capital letters. The converter only ever produces Cyrillic
//! spellings that convert back to the same tote in the given style (the *right-inverse*
//! principle), so `to_arabic(to_cyrillic(t)) == t` for tote written in that style; among them,
//! the likeliest is picked: with the default `lexicon` feature by data generated from a
//! Cyrillic corpus (whole words, known stems with suffix chains, a letter model), else by
//! rules. Capitals are restored at sentence starts and after `«`, for names the corpus
//! capitalises or a name model recognises, for initials, and for word pairs the corpus writes
//! together (`Орта Азия`). Input in any encoding habit
//! is accepted: U+0621 or U+0674 hamza, precomposed hamza letters, presentation forms,
//! tatweel, joiners, Persian look-alike letters, Arabic-Indic digits.
//!
//! ```
//! use kazakh_script::{to_cyrillic, Style};
//! // high hamza, presentation forms and tatweel in, clean Cyrillic out
//! assert_eq!(to_cyrillic("\u{0674}بىز \u{FED7}\u{FE8E}\u{FEAF}\u{FE8D}ـ\u{FED6}", Style::Kazinform), "Біз қазақ");
//! ```
//!
//! [`clean_tote`] gives that clean form of tote on its own (for search indexing, say).
//!
//! # What passes through
//!
//! Conversion never fails and never panics. Digits, Latin words, URLs, e-mail addresses,
//! markup, emoji and letters of other scripts pass through unchanged in both directions;
//! only the punctuation a style rewrites (`,` `?` `;`) changes.
//!
//! # Streaming
//!
//! [`StreamConverter`] converts from any [`std::io::Read`] to any [`std::io::Write`] in
//! bounded memory, on one thread or on all cores, with output identical to converting the
//! whole text: the input is cut only at places where that is provably so (after line feeds;
//! in long lines, after whitespace in Cyrillic, after punctuation and spaces in tote).
//! Invalid UTF-8 is an error with its byte offset, or replaced by U+FFFD in
//! [`Utf8Mode::Lossy`]. [`safe_split_points`] gives such cuts for text in memory; [`utf8`]
//! has the UTF-8 helpers for programs that read bytes themselves.
//!
//! ```
//! use kazakh_script::{Converter, Script, StreamConverter, Style, Utf8Mode};
//!
//! let input = ["ءبىز قازاق\n".as_bytes(), b"\xFF"].concat();
//! let mut output = Vec::new();
//! let stats = StreamConverter::new(Converter::new(Style::Kazinform))
//!     .utf8_mode(Utf8Mode::Lossy)
//!     .convert_parallel(&input[..], &mut output, Script::Cyrillic, 2)?;
//! assert_eq!(String::from_utf8(output)?, "Біз қазақ\n\u{FFFD}");
//! assert_eq!(stats.replaced, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # How the crate is organised
//!
//! For contributors: the modules follow the data flow, one job each.
//!
//! | module | its job |
//! |---|---|
//! | `converter`, `style`, `error` | the public configuration: [`Converter`] and its builder, [`Style`] and [`StyleRules`] (one field per convention), the error types |
//! | `script` | reading text before conversion: `detect` (which script, which style), `normalize` (tote in any habit to one clean form, [`clean_tote`]), `segment` (words and the gaps between them) |
//! | `orthography` | the facts both directions share: `letters` (the letter table and its byte tables, the UTF-8 lead bytes of each script), `hamza` (harmony, when a word takes a hamza and where), `patronyms`, `conventions` (each [`StyleRules`] field's helpers) |
//! | `to_arabic` | the writer, Cyrillic -> tote: `general` (the rules, the specification), `fast` and `part` (the fast paths, checked against `general` by a proptest), `window` (the output buffer) |
//! | `to_cyrillic` | the reader, tote -> Cyrillic: `scan` (the walk over the text), `reading` (candidate readings, each kept only if it converts back), `spell` (candidates from the lexicon, the letter model, the rules), `abbreviations`, `casing` and `names` (capitals), `word_cache` and `cached` (the cached fast path, checked against the general path by a proptest) |
//! | `lexicon` | the embedded data the reader chooses with: `words` (whole words, stems, suffix chains, casing), `letter_model`, `grams`, `keys`, `table_format` (generated by `tools/lexgen`) |
//! | [`stream`](StreamConverter), [`fixtures`], [`utf8`] | byte streams in bounded memory and on all cores, Cyrillic/tote pairs for test suites, UTF-8 helpers |
//!
//! `orthography` imports neither converter, and the writer knows nothing of the reader. The
//! reader checks each candidate spelling with the writer's entry point ([`to_arabic()`]),
//! never its internals; the writer's fast paths are proven equal to its general rules by a
//! proptest, so that check is the specification's answer.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod converter;
mod error;
pub mod fixtures;
mod lexicon;
mod orthography;
mod script;
mod stream;
mod style;
mod to_arabic;
mod to_cyrillic;
pub mod utf8;

/// What `tools/lexgen` computes with the crate's own code, so that the tables it writes into
/// `data/` agree with the library that reads them: the words' look-up keys, the letter
/// model's n-gram counts and the layout of the tables. Not part of the API; it may change
/// in any release.
#[doc(hidden)]
pub mod generator {
    pub use crate::lexicon::grams::{count_letter_grams, name_gram_key, NAME_PRIOR_KEY};
    pub use crate::lexicon::keys::key_of_cyrillic;
    pub use crate::lexicon::table_format::{write_number_table, write_table};
}

use std::borrow::Cow;

pub use converter::{Casing, Converter, ConverterBuilder, WordSource};
pub use error::{InvalidUtf8Error, ParseScriptError, ParseStyleError};
pub use script::detect::{detect_script, guess_style, Script};
pub use script::normalize::clean_tote;
pub use stream::{safe_split_points, StreamConverter, StreamError, StreamStats, Utf8Mode};
pub use style::{
    Abbreviations, Allah, CommaRule, Digits, Hamza, HamzaAtQuote, HamzaScope, HyphenSpacing,
    LetterSpelling, Patronymics, Signs, Style, StyleRules, VowelThenE, YearHyphen,
};

/// Converts Cyrillic text to tote in `style`.
///
/// ```
/// use kazakh_script::{to_arabic, Style};
/// assert_eq!(to_arabic("Қасым-Жомарт Тоқаев", Style::Kazinform), "قاسىم-جومارت توقايەۆ");
/// assert_eq!(to_arabic("ИЫҰ-дағы", Style::Kazinform2023), "ي ى ۇ- داعى");
/// ```
pub fn to_arabic(text: &str, style: Style) -> Cow<'_, str> {
    to_arabic::to_arabic(text, &style.rules())
}

/// Converts tote text written in `style` to Cyrillic, with sentence casing.
///
/// ```
/// use kazakh_script::{to_cyrillic, Style};
/// assert_eq!(to_cyrillic("1969 -جىلى قۇرىلدى.", Style::Kazinform), "1969-жылы құрылды.");
/// ```
pub fn to_cyrillic(text: &str, style: Style) -> Cow<'_, str> {
    to_cyrillic::to_cyrillic(
        text,
        &style.rules(),
        Casing::default(),
        WordSource::default(),
    )
}

/// Converts `text` to the `target` script in `style`.
pub fn convert(text: &str, target: Script, style: Style) -> Cow<'_, str> {
    Converter::new(style).convert(text, target)
}
