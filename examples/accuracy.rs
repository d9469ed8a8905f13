//! Round-trip word accuracy of Cyrillic text: Cyrillic -> tote -> Cyrillic, compared word by
//! word (see `tests/common/accuracy.rs` for the tokenisation and alignment).
//!
//! ```text
//! cargo run --release --example accuracy -- [--style S] [--top N] [--case-errors N] FILE...
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use kazakh_script::{Converter, Style, WordSource};

#[path = "../tests/common/accuracy.rs"]
mod accuracy;

/// Word accuracy of the Cyrillic -> tote -> Cyrillic round trip.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Tote style: kazinform, kazinform-2023, egemen or xinjiang.
    #[arg(long, short, default_value_t = Style::default())]
    style: Style,

    /// Spell tote words with the rules alone, without the lexicon and the letter model.
    #[arg(long)]
    rules_only: bool,

    /// How many of the most common error pairs to print.
    #[arg(long, short = 'n', default_value_t = 20)]
    top: usize,

    /// Also print the N most common words that are right only with case ignored.
    #[arg(long, value_name = "N", default_value_t = 0)]
    case_errors: usize,

    /// Cyrillic UTF-8 text files; their figures are added together.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let words = if args.rules_only {
        WordSource::Rules
    } else {
        WordSource::default()
    };
    let converter = Converter::builder().style(args.style).words(words).build();
    let mut total = accuracy::Accuracy::default();
    for path in &args.files {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("accuracy: {}: {error}", path.display());
                return ExitCode::FAILURE;
            }
        };
        total.add(&accuracy::round_trip_accuracy(&text, &converter));
    }

    println!("style:                {}", args.style);
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
        "error pairs (original -> produced, case ignored)",
        &total.top_errors(args.top),
    );
    print_pairs(
        "words wrong only in case (original -> produced)",
        &total.top_case_errors(args.case_errors),
    );
    ExitCode::SUCCESS
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
