//! `convert`: converts Kazakh text files between Cyrillic and the Arabic-based tote script.
//!
//! ```text
//! cargo run --release --example convert -- [--to arabic|cyrillic] [--style STYLE] \
//!     [-o OUT] [--in-place] [--lossy] [--pairs jsonl|tsv] [FILE...]
//! ```
//!
//! The program is split into the command line ([`args`]), reading ([`sources`]: each input
//! with its first [`HEAD_BYTES`](limits::HEAD_BYTES) read ahead), converting ([`conversion`]:
//! the plan decided on that head, the input streamed through
//! [`kazakh_script::StreamConverter`] or copied; [`pairs`]: `--pairs` records through
//! [`kazakh_script::fixtures::Pairs`]) and writing ([`sinks`]: standard output or a file
//! replaced atomically), tied together by [`run`]; [`main`] only maps the typed [`Error`] to
//! an exit code. The sizes all this depends on are in [`limits`]. No input is ever held whole
//! in memory: the script and style are decided on the head of each input, which is then
//! streamed on, chained with the rest.

mod args;
mod conversion;
mod error;
mod limits;
mod pairs;
mod progress;
mod sinks;
mod sources;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};
use kazakh_script::{Script, Style, Utf8Mode};

use crate::args::{Args, PairsFormat};
use crate::conversion::convert_input;
use crate::error::{Error, Location};
use crate::progress::Progress;
use crate::sinks::{AtomicFile, Sink, Staged, Unchanged};
use crate::sources::{inputs, Input, Source};

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.is_closed_stdout() => ExitCode::SUCCESS,
        Err(Error::Usage(message)) => {
            // Same look as clap's own usage errors.
            let _ = Args::command()
                .error(ErrorKind::ArgumentConflict, message)
                .print();
            ExitCode::from(2)
        }
        Err(error) => {
            let _ = writeln!(io::stderr(), "error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}

/// The options that decide how each input is converted.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Options {
    pub(crate) to: Option<Script>,
    pub(crate) style: Option<Style>,
    pub(crate) utf8: Utf8Mode,
    pub(crate) pairs: Option<PairsFormat>,
}

fn run(args: Args) -> Result<(), Error> {
    if args.list_styles {
        return list_styles();
    }
    let options = Options {
        to: args.to,
        style: args.style,
        utf8: if args.lossy {
            Utf8Mode::Lossy
        } else {
            Utf8Mode::Strict
        },
        pairs: args.pairs,
    };
    let inputs = inputs(&args.files);
    let progress = Progress::new(&inputs);
    if args.in_place {
        let mut files = Vec::with_capacity(inputs.len());
        for input in &inputs {
            match input {
                Input::File(path) => files.push(path.as_path()),
                Input::Stdin => return Err(Error::Usage(
                    "--in-place needs FILE arguments: standard input cannot be converted in place"
                        .into(),
                )),
            }
        }
        convert_in_place(&files, &options, &progress)
    } else {
        let sink = match args.output.as_deref() {
            None => Sink::stdout(),
            Some(path) if path == Path::new("-") => Sink::stdout(),
            Some(path) => Sink::File(AtomicFile::create(path)?),
        };
        convert_to_sink(&inputs, &options, &progress, sink)
    }
}

fn list_styles() -> Result<(), Error> {
    let width = Style::ALL.iter().map(|s| s.name().len()).max().unwrap_or(0);
    let mut out = io::stdout().lock();
    for style in Style::ALL {
        writeln!(out, "{:width$}  {}", style.name(), style.description())
            .map_err(|e| Error::io(&Location::Stdout, e))?;
    }
    Ok(())
}

/// Converts every input in order into `sink`, then commits it (for `-o`, replaces the target).
/// On an error the sink is dropped: an `-o` target is left as it was.
fn convert_to_sink(
    inputs: &[Input],
    options: &Options,
    progress: &Progress,
    mut sink: Sink,
) -> Result<(), Error> {
    let output = sink.location();
    for input in inputs {
        let source = Source::open(input, options.utf8, progress)?;
        convert_input(source, options, &mut sink, &output)?;
    }
    sink.commit()
}

/// Converts each file in place. Every file is converted (into a temporary file next to it)
/// before any is replaced, so bad input anywhere leaves all of them untouched; a file whose
/// conversion is byte for byte what it holds is not replaced.
fn convert_in_place(files: &[&Path], options: &Options, progress: &Progress) -> Result<(), Error> {
    let mut staged = Vec::new();
    for &path in files {
        let input = Input::File(path.to_owned());
        let location = input.location();
        let source = Source::open(&input, options.utf8, progress)?;
        let mut file = AtomicFile::create(path)?;
        let mut out = Unchanged::new(&mut file, path);
        convert_input(source, options, &mut out, &location)?;
        if !out.unchanged() {
            staged.push(file.stage()?);
        }
    }
    staged.into_iter().try_for_each(Staged::persist)
}
