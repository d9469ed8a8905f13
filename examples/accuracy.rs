//! Word accuracy of the converter, compared word by word with a reference (see
//! `tests/common/accuracy.rs` for the tokenisation and alignment):
//!
//! * the round trip of Cyrillic text: Cyrillic -> tote -> Cyrillic against the original;
//! * with `--pairs`, pair files (`cyrillic<TAB>tote` lines, see `tests/common/pair_file.rs`):
//!   the tote column read as Cyrillic against the Cyrillic column, or with
//!   `--direction arabic` the Cyrillic column written as tote against the tote column.
//!
//! ```text
//! cargo run --release --example accuracy -- [--style S] [--top N] [--case-errors N] FILE...
//! cargo run --release --example accuracy -- --pairs [--direction D] [--style S] ... FILE.tsv...
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use kazakh_script::{guess_style, Converter, Script, Style, WordSource};

#[path = "../tests/common/accuracy.rs"]
mod accuracy;
#[path = "../tests/common/pair_file.rs"]
mod pair_file;

use accuracy::Accuracy;

/// How much of the tote column the style is guessed from, as `convert` guesses it from the
/// head of a tote file.
const STYLE_GUESS_BYTES: usize = 64 * 1024;

/// Word accuracy of the Cyrillic -> tote -> Cyrillic round trip, or of pair files.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Tote style (kazinform, kazinform-2023, egemen, xinjiang) [default: kazinform; with
    /// --pairs reading tote, guessed per file from its tote column as `convert` does]
    #[arg(long, short)]
    style: Option<Style>,

    /// The files are pair files (`cyrillic<TAB>tote` lines, escapes \\, \t, \r, \n): one
    /// column is converted and compared with the other
    #[arg(long)]
    pairs: bool,

    /// With --pairs, the script converted to: cyrillic (the tote column read, compared with
    /// the Cyrillic column) or arabic (the Cyrillic column written, compared with the tote
    /// column)
    #[arg(long, value_name = "SCRIPT", default_value_t = Script::Cyrillic, requires = "pairs")]
    direction: Script,

    /// Spell tote words with the rules alone, without the lexicon and the letter model.
    #[arg(long)]
    rules_only: bool,

    /// How many of the most common error pairs to print.
    #[arg(long, short = 'n', default_value_t = 20)]
    top: usize,

    /// Also print the N most common words that are right only with case ignored.
    #[arg(long, value_name = "N", default_value_t = 0)]
    case_errors: usize,

    /// UTF-8 text files (Cyrillic text, or pair files with --pairs); their figures are added
    /// together.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = if args.pairs {
        pairs_mode(&args)
    } else {
        round_trip_mode(&args)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("accuracy: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The round trip of each Cyrillic file, in one style.
fn round_trip_mode(args: &Args) -> Result<(), String> {
    let style = args.style.unwrap_or_default();
    let converter = converter(args, style);
    let mut total = Accuracy::default();
    for path in &args.files {
        total.add(&accuracy::round_trip_accuracy(&read(path)?, &converter));
    }
    println!("style:                {style}");
    print_figures(args, &total, "original");
    Ok(())
}

/// Each pair file, one column converted and compared with the other.
fn pairs_mode(args: &Args) -> Result<(), String> {
    let mut total = Accuracy::default();
    let mut styles = Vec::new();
    for path in &args.files {
        let pairs = pair_file::parse_pairs(&read(path)?)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        let style = match (args.style, args.direction) {
            (Some(style), _) => style,
            (None, Script::Arabic) => Style::default(),
            (None, Script::Cyrillic) => guess_style(&tote_head(&pairs)),
        };
        styles.push(style);
        let columns = pairs.iter().map(|p| (p.cyrillic.as_str(), p.tote.as_str()));
        total.add(&accuracy::pairs_accuracy(
            columns,
            args.direction,
            &converter(args, style),
        ));
    }
    let (from, to) = match args.direction {
        Script::Cyrillic => ("tote", "Cyrillic"),
        Script::Arabic => ("Cyrillic", "tote"),
    };
    println!("pairs:                {from} -> {to}");
    let names: Vec<String> = styles.iter().map(Style::to_string).collect();
    let how = match (args.style, args.direction) {
        (None, Script::Cyrillic) => " (guessed per file)",
        _ => "",
    };
    println!("style:                {}{how}", names.join(", "));
    print_figures(args, &total, "reference");
    Ok(())
}

/// The converter of `style` with the word source the options ask for.
fn converter(args: &Args, style: Style) -> Converter {
    let words = if args.rules_only {
        WordSource::Rules
    } else {
        WordSource::default()
    };
    Converter::builder().style(style).words(words).build()
}

/// The text of the file at `path`.
fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))
}

/// The tote column as a tote file would hold it (one pair per line), up to
/// [`STYLE_GUESS_BYTES`] cut at a character boundary.
fn tote_head(pairs: &[pair_file::Pair]) -> String {
    let mut head = String::new();
    for pair in pairs {
        if head.len() >= STYLE_GUESS_BYTES {
            break;
        }
        head.push_str(&pair.tote);
        head.push('\n');
    }
    let mut end = head.len().min(STYLE_GUESS_BYTES);
    while !head.is_char_boundary(end) {
        end -= 1;
    }
    head.truncate(end);
    head
}

/// Prints the totals and the most common error pairs; `reference` names the text compared
/// with.
fn print_figures(args: &Args, total: &Accuracy, reference: &str) {
    println!("files:                {}", args.files.len());
    println!("words:                {}", total.words);
    println!(
        "right, case ignored:  {:>6.2} %  ({} words, {} wrong)",
        total.percent_ignoring_case(),
        total.right_ignoring_case,
        total.wrong()
    );
    println!(
        "right, case kept:     {:>6.2} %  ({} words)",
        total.percent_with_case(),
        total.right_with_case
    );
    if total.extra_words > 0 {
        println!("extra produced words: {}", total.extra_words);
    }
    print_pairs(
        &format!("error pairs ({reference} -> produced, case ignored)"),
        &total.top_errors(args.top),
    );
    print_pairs(
        &format!("words wrong only in case ({reference} -> produced)"),
        &total.top_case_errors(args.case_errors),
    );
}

/// Prints `pairs` under a heading, most common first; nothing when there are none.
fn print_pairs(heading: &str, pairs: &[(&str, &str, usize)]) {
    if pairs.is_empty() {
        return;
    }
    println!();
    println!("top {} {heading}:", pairs.len());
    let width = pairs
        .iter()
        .map(|e| e.2.to_string().len())
        .max()
        .unwrap_or(1);
    for (original, produced, count) in pairs {
        let produced = if produced.is_empty() { "∅" } else { produced };
        println!("  {count:>width$}  {original} -> {produced}");
    }
}
