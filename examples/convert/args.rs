//! The command line: options, their help, and parsers of script and style names.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, ValueEnum};
use kazakh_script::{Script, Style};

pub(crate) const AFTER_HELP: &str = "\
Script and style:
  Without --to, each input is converted to the script it is not written in
  (kazakh_script::detect_script on the first 64 KiB of the input, decided per
  file); an input whose first 64 KiB have neither Cyrillic nor Arabic letters is
  copied unchanged.
  Writing tote (--to arabic) uses --style, default kazinform.
  Reading tote (--to cyrillic) uses --style; without --style the style is guessed
  per file from the first 64 KiB of the tote text (kazakh_script::guess_style).

Output:
  FILEs are converted one by one and the results concatenated in order, to
  standard output or to -o OUT. A FILE named '-' is standard input, -o - is
  standard output. Each input is streamed in bounded memory, whatever its size,
  and converted on all cores when it is larger than 4 MiB.
  -o OUT and --in-place write a temporary file next to the target and rename it
  over the target only when everything succeeded: on any error the target is left
  byte for byte as it was. --in-place converts every FILE before replacing any of
  them; files whose text does not change are not rewritten. On standard output,
  what was converted before an invalid byte past the first 64 KiB of an input has
  already been written when the error stops the program.

--pairs (fixture generation):
  One record per input line, in order. Lines end at LF; a CR right before the LF
  belongs to the line terminator (CRLF) and is dropped; a last line without LF
  still counts; empty input gives no records. Each line is converted on its own
  in the file's style (a guessed style is guessed once per file, from its first
  64 KiB). The source script is --to's opposite, else detected per file from its
  first 64 KiB (Cyrillic when they have no letters).
  jsonl  Cyrillic input: {\"cyrillic\":LINE,\"arabic\":TOTE}
         tote input:     {\"arabic\":LINE,\"cyrillic\":CYRILLIC}
  tsv    SOURCE<TAB>CONVERTED, escaped: backslash as \\\\, TAB as \\t, CR as \\r

Exit status:
  0 success; 1 invalid input (invalid UTF-8 without --lossy) or an I/O error, with
  a message naming the file; 2 usage error.

Examples:
  convert --to arabic notes.txt > notes.tote.txt
  convert --to cyrillic --style egemen -o article.cyr.txt article.txt
  convert --in-place --to arabic chapter1.txt chapter2.txt
  convert < page.txt                     detect the script, convert to the other
  convert --pairs jsonl --style kazinform corpus.txt > fixtures.jsonl
  convert --lossy --to arabic scraped.txt
  convert --list-styles";

/// Converts Kazakh text between Cyrillic and the Arabic-based tote script.
#[derive(Debug, Parser)]
#[command(name = "convert", version, after_help = AFTER_HELP)]
pub(crate) struct Args {
    /// Script to convert to [default: the one each input is not written in]
    #[arg(long, value_name = "SCRIPT", value_parser = script_parser())]
    pub(crate) to: Option<Script>,

    /// Publisher style [default: kazinform when writing tote; guessed per file when reading tote]
    #[arg(long, value_name = "STYLE", value_parser = style_parser())]
    pub(crate) style: Option<Style>,

    /// Write to OUT instead of standard output, atomically
    #[arg(short, long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,

    /// Convert each FILE in place, atomically
    #[arg(long, conflicts_with = "output")]
    pub(crate) in_place: bool,

    /// Replace invalid UTF-8 with U+FFFD instead of failing
    #[arg(long)]
    pub(crate) lossy: bool,

    /// Write one source/converted record per input line instead of the converted text
    #[arg(long, value_name = "FORMAT", conflicts_with = "in_place")]
    pub(crate) pairs: Option<PairsFormat>,

    /// List the styles and exit
    #[arg(long, exclusive = true)]
    pub(crate) list_styles: bool,

    /// Input files, converted in order ('-' or none: standard input)
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
}

/// Record formats of `--pairs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum PairsFormat {
    /// One JSON object per line
    Jsonl,
    /// Tab-separated, with \\, \t and \r escapes
    Tsv,
}

pub(crate) fn script_parser() -> impl TypedValueParser<Value = Script> {
    PossibleValuesParser::new([
        PossibleValue::new(Script::Arabic.name())
            .alias("tote")
            .help("the Arabic-based tote script"),
        PossibleValue::new(Script::Cyrillic.name()).help("Kazakh Cyrillic"),
    ])
    .try_map(|name| name.parse::<Script>())
}

pub(crate) fn style_parser() -> impl TypedValueParser<Value = Style> {
    PossibleValuesParser::new(
        Style::ALL.map(|style| PossibleValue::new(style.name()).help(style.description())),
    )
    .try_map(|name| name.parse::<Style>())
}
