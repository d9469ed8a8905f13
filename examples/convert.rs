//! `convert`: converts Kazakh text files between Cyrillic and the Arabic-based tote script.
//!
//! ```text
//! cargo run --release --example convert -- [--to arabic|cyrillic] [--style STYLE] \
//!     [-o OUT] [--in-place] [--lossy] [--pairs jsonl|tsv] [FILE...]
//! ```
//!
//! The program is split into reading ([`Source`]: an input with its first [`HEAD_BYTES`] read
//! ahead), converting ([`plan`], [`convert_input`]: streamed through
//! [`kazakh_script::StreamConverter`], [`copy_utf8`], [`write_pairs`]) and writing ([`Sink`],
//! [`AtomicFile`], [`Unchanged`]), tied together by [`run`]; [`main`] only maps the typed
//! [`Error`] to an exit code. No input is ever held whole in memory: the script and style are
//! decided on the head of each input, which is then streamed on, chained with the rest.

use std::borrow::Cow;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, BufWriter, Cursor, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kazakh_script::{
    detect_script, guess_style, Converter, InvalidUtf8Error, Script, StreamConverter, StreamError,
    Style, Utf8Mode,
};
use tempfile::{NamedTempFile, TempPath};

/// Inputs larger than this in total get a progress bar (when stderr is a terminal).
const PROGRESS_MIN_BYTES: u64 = 8 * 1024 * 1024;

/// How much of each input is read ahead to detect its script and guess its style.
const HEAD_BYTES: usize = 64 * 1024;

/// Inputs larger than this (or of unknown size and longer than [`HEAD_BYTES`]) are converted
/// on all cores.
const PARALLEL_MIN_BYTES: u64 = 4 * 1024 * 1024;

/// The pieces the parallel conversion hands to its threads.
const PARALLEL_CHUNK_BYTES: usize = 1024 * 1024;

/// The buffer of line reading (`--pairs`) and of copying letterless input.
const BUFFER_BYTES: usize = 64 * 1024;

const AFTER_HELP: &str = "\
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
struct Args {
    /// Script to convert to [default: the one each input is not written in]
    #[arg(long, value_name = "SCRIPT", value_parser = script_parser())]
    to: Option<Script>,

    /// Publisher style [default: kazinform when writing tote; guessed per file when reading tote]
    #[arg(long, value_name = "STYLE", value_parser = style_parser())]
    style: Option<Style>,

    /// Write to OUT instead of standard output, atomically
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,

    /// Convert each FILE in place, atomically
    #[arg(long, conflicts_with = "output")]
    in_place: bool,

    /// Replace invalid UTF-8 with U+FFFD instead of failing
    #[arg(long)]
    lossy: bool,

    /// Write one source/converted record per input line instead of the converted text
    #[arg(long, value_name = "FORMAT", conflicts_with = "in_place")]
    pairs: Option<PairsFormat>,

    /// List the styles and exit
    #[arg(long, exclusive = true)]
    list_styles: bool,

    /// Input files, converted in order ('-' or none: standard input)
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Record formats of `--pairs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum PairsFormat {
    /// One JSON object per line
    Jsonl,
    /// Tab-separated, with \\, \t and \r escapes
    Tsv,
}

fn script_parser() -> impl TypedValueParser<Value = Script> {
    PossibleValuesParser::new([
        PossibleValue::new(Script::Arabic.name())
            .alias("tote")
            .help("the Arabic-based tote script"),
        PossibleValue::new(Script::Cyrillic.name()).help("Kazakh Cyrillic"),
    ])
    .try_map(|name| name.parse::<Script>())
}

fn style_parser() -> impl TypedValueParser<Value = Style> {
    PossibleValuesParser::new(
        Style::ALL.map(|style| PossibleValue::new(style.name()).help(style.description())),
    )
    .try_map(|name| name.parse::<Style>())
}

/// Everything that can go wrong, with what `main` turns it into.
#[derive(Debug, thiserror::Error)]
enum Error {
    /// Input that is not UTF-8 (without `--lossy`); the offset is within that input.
    #[error("{path}: {error}")]
    InvalidUtf8 {
        path: Location,
        error: InvalidUtf8Error,
    },
    /// Reading, writing or replacing a file failed.
    #[error("{path}: {source}")]
    Io {
        path: Location,
        #[source]
        source: io::Error,
    },
    /// Options that clap accepts but that cannot go together.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    fn io(path: &Location, source: io::Error) -> Error {
        Error::Io {
            path: path.clone(),
            source,
        }
    }

    /// 1 for bad input and I/O errors, 2 for usage errors (as clap's own).
    fn exit_code(&self) -> u8 {
        match self {
            Error::InvalidUtf8 { .. } | Error::Io { .. } => 1,
            Error::Usage(_) => 2,
        }
    }

    /// Whether this is standard output closed early (`convert big.txt | head`).
    fn is_closed_stdout(&self) -> bool {
        matches!(self, Error::Io { path: Location::Stdout, source } if source.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// What an error message names.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Location {
    Stdin,
    Stdout,
    File(PathBuf),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Stdin => f.write_str("<stdin>"),
            Location::Stdout => f.write_str("<stdout>"),
            Location::File(path) => write!(f, "{}", path.display()),
        }
    }
}

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
struct Options {
    to: Option<Script>,
    style: Option<Style>,
    lossy: bool,
    pairs: Option<PairsFormat>,
}

fn run(args: Args) -> Result<(), Error> {
    if args.list_styles {
        return list_styles();
    }
    let options = Options {
        to: args.to,
        style: args.style,
        lossy: args.lossy,
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

// ---------------------------------------------------------------------------------------------
// Reading

/// One input: a file or standard input.
#[derive(Clone, Debug)]
enum Input {
    Stdin,
    File(PathBuf),
}

/// The inputs named on the command line; none means standard input.
fn inputs(files: &[PathBuf]) -> Vec<Input> {
    if files.is_empty() {
        return vec![Input::Stdin];
    }
    files
        .iter()
        .map(|path| {
            if path == Path::new("-") {
                Input::Stdin
            } else {
                Input::File(path.clone())
            }
        })
        .collect()
}

impl Input {
    fn location(&self) -> Location {
        match self {
            Input::Stdin => Location::Stdin,
            Input::File(path) => Location::File(path.clone()),
        }
    }

    /// The size in bytes when it is known up front (for the progress bar and the choice of
    /// the parallel conversion), else 0.
    fn len(&self) -> u64 {
        match self {
            Input::File(path) => fs::metadata(path).map(|m| m.len()).unwrap_or(0),
            Input::Stdin => stdin_len(),
        }
    }

    /// Opens the input for reading.
    fn open(&self) -> io::Result<Box<dyn Read>> {
        Ok(match self {
            Input::Stdin => Box::new(io::stdin().lock()),
            Input::File(path) => Box::new(fs::File::open(path)?),
        })
    }
}

/// The size of a regular file, else 0.
#[cfg(any(unix, windows))]
fn regular_file_len(file: io::Result<fs::File>) -> u64 {
    file.and_then(|file| file.metadata())
        .map(|m| if m.is_file() { m.len() } else { 0 })
        .unwrap_or(0)
}

/// The size of standard input when it is redirected from a regular file, else 0.
#[cfg(unix)]
fn stdin_len() -> u64 {
    use std::os::fd::AsFd;
    regular_file_len(io::stdin().as_fd().try_clone_to_owned().map(fs::File::from))
}

/// The size of standard input when it is redirected from a regular file, else 0.
#[cfg(windows)]
fn stdin_len() -> u64 {
    use std::os::windows::io::AsHandle;
    regular_file_len(
        io::stdin()
            .as_handle()
            .try_clone_to_owned()
            .map(fs::File::from),
    )
}

#[cfg(not(any(unix, windows)))]
fn stdin_len() -> u64 {
    0
}

/// An opened input whose first [`HEAD_BYTES`] bytes (its *head*) have been read ahead, to
/// decide how to convert it; [`Source::reader`] gives the whole input again, the head
/// chained with the rest.
struct Source {
    location: Location,
    /// The size of the input when known up front, else 0.
    len: u64,
    /// The first bytes of the input: all of them, or [`HEAD_BYTES`].
    head: Vec<u8>,
    /// The head decoded up to its last complete character (invalid bytes, with `--lossy`,
    /// as U+FFFD): what the script and style are decided on.
    head_text: String,
    /// Whether the head is the whole input.
    head_is_all: bool,
    rest: Box<dyn Read>,
}

impl Source {
    /// Opens `input` and reads its head. Without `lossy`, invalid UTF-8 in the head is an
    /// error right away, before anything of the input is written.
    fn open(input: &Input, lossy: bool, progress: &Progress) -> Result<Source, Error> {
        let location = input.location();
        progress.phase("converting", &location);
        let mut rest = progress.wrap_read(input.open().map_err(|e| Error::io(&location, e))?);
        let mut head = Vec::with_capacity(HEAD_BYTES);
        (&mut rest)
            .take(HEAD_BYTES as u64)
            .read_to_end(&mut head)
            .map_err(|e| Error::io(&location, e))?;
        let head_is_all = head.len() < HEAD_BYTES;
        // A character cut by the end of the head is left out of its text (it is whole in the
        // stream); at the end of the input it is invalid.
        let complete = if head_is_all {
            head.len()
        } else {
            kazakh_script::complete_utf8_prefix_len(&head)
        };
        let head_text = match std::str::from_utf8(&head[..complete]) {
            Ok(text) => text.to_owned(),
            Err(_) if lossy => String::from_utf8_lossy(&head[..complete]).into_owned(),
            Err(error) => return Err(invalid_utf8(&location, error.valid_up_to() as u64)),
        };
        Ok(Source {
            location,
            len: input.len(),
            head,
            head_text,
            head_is_all,
            rest,
        })
    }

    /// Whether the input is large enough for the parallel conversion: its known size is, or,
    /// of unknown size, it is longer than its head.
    fn is_large(&self) -> bool {
        self.len > PARALLEL_MIN_BYTES || (self.len == 0 && !self.head_is_all)
    }

    /// The whole input, from its first byte.
    fn reader(self) -> impl Read {
        Cursor::new(self.head).chain(self.rest)
    }
}

fn invalid_utf8(location: &Location, offset: u64) -> Error {
    Error::InvalidUtf8 {
        path: location.clone(),
        error: InvalidUtf8Error { offset },
    }
}

// ---------------------------------------------------------------------------------------------
// Converting

/// How one input is converted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Plan {
    target: Script,
    style: Style,
}

/// The plan for an input, from its head: the target is `--to` or the script the text is not
/// in (`None` when it has no letters of either script: copied unchanged); reading tote
/// without `--style` guesses the style from the text.
fn plan(head: &str, options: &Options) -> Option<Plan> {
    let target = match options.to {
        Some(target) => target,
        None => detect_script(head)?.other(),
    };
    Some(Plan {
        target,
        style: style_for(head, target, options),
    })
}

fn style_for(head: &str, target: Script, options: &Options) -> Style {
    options.style.unwrap_or_else(|| match target {
        Script::Arabic => Style::default(),
        Script::Cyrillic => guess_style(head),
    })
}

/// The plan of `--pairs`: records always have a source script, Cyrillic when nothing says
/// otherwise.
fn pairs_plan(head: &str, options: &Options) -> Plan {
    let source = options
        .to
        .map(Script::other)
        .or_else(|| detect_script(head))
        .unwrap_or(Script::Cyrillic);
    let target = source.other();
    Plan {
        target,
        style: style_for(head, target, options),
    }
}

/// Converts one input into `out` (named `output` in messages), streaming it: converted text,
/// the text copied unchanged, or `--pairs` records.
fn convert_input<W: Write>(
    source: Source,
    options: &Options,
    out: &mut W,
    output: &Location,
) -> Result<(), Error> {
    if let Some(format) = options.pairs {
        let plan = pairs_plan(&source.head_text, options);
        return write_pairs(source, format, plan, options.lossy, out, output);
    }
    match plan(&source.head_text, options) {
        Some(plan) => stream(source, plan, options.lossy, out, output),
        None => copy_utf8(source, options.lossy, out, output),
    }
}

/// Converts the input with [`StreamConverter`]: on all cores for large inputs, else on this
/// thread.
fn stream<W: Write>(
    source: Source,
    plan: Plan,
    lossy: bool,
    out: &mut W,
    output: &Location,
) -> Result<(), Error> {
    let location = source.location.clone();
    let parallel = source.is_large();
    let stream = StreamConverter::new(Converter::new(plan.style)).utf8_mode(if lossy {
        Utf8Mode::Lossy
    } else {
        Utf8Mode::Strict
    });
    let mut out = Tracked::new(out);
    let result = if parallel {
        stream.chunk_size(PARALLEL_CHUNK_BYTES).convert_parallel(
            source.reader(),
            &mut out,
            plan.target,
            0,
        )
    } else {
        stream.convert_stream(source.reader(), &mut out, plan.target)
    };
    match result {
        Ok(_) => Ok(()),
        Err(StreamError::InvalidUtf8 { offset }) => Err(invalid_utf8(&location, offset)),
        Err(StreamError::Io(error)) if out.failed => Err(Error::io(output, error)),
        Err(StreamError::Io(error)) => Err(Error::io(&location, error)),
    }
}

/// Copies the input unchanged, checking its UTF-8 (or, `lossy`, replacing invalid bytes as
/// [`String::from_utf8_lossy`] does on the whole input).
fn copy_utf8<W: Write>(
    source: Source,
    lossy: bool,
    out: &mut W,
    output: &Location,
) -> Result<(), Error> {
    let location = source.location.clone();
    let mut reader = source.reader();
    let mut buffer = vec![0; BUFFER_BYTES];
    // Bytes of a character cut by the last read, moved to the front of `buffer`.
    let mut carried = 0;
    let mut offset = 0u64;
    loop {
        let n = loop {
            match reader.read(&mut buffer[carried..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                read => break read.map_err(|e| Error::io(&location, e))?,
            }
        };
        let len = carried + n;
        let end = n == 0;
        // A character cut at the end is kept for the next read: an invalid sequence never
        // goes on past a byte that starts a character, so this decodes as the whole would.
        let complete = if end {
            len
        } else {
            kazakh_script::complete_utf8_prefix_len(&buffer[..len])
        };
        let bytes = &buffer[..complete];
        let written = match std::str::from_utf8(bytes) {
            Ok(_) => out.write_all(bytes),
            Err(_) if lossy => out.write_all(String::from_utf8_lossy(bytes).as_bytes()),
            Err(error) => return Err(invalid_utf8(&location, offset + error.valid_up_to() as u64)),
        };
        written.map_err(|e| Error::io(output, e))?;
        if end {
            return out.flush().map_err(|e| Error::io(output, e));
        }
        offset += complete as u64;
        buffer.copy_within(complete..len, 0);
        carried = len - complete;
    }
}

/// Writes a `--pairs` record for each line of the input, converting the lines one at a time
/// (only the line at hand is in memory).
fn write_pairs<W: Write>(
    source: Source,
    format: PairsFormat,
    plan: Plan,
    lossy: bool,
    out: &mut W,
    output: &Location,
) -> Result<(), Error> {
    let location = source.location.clone();
    let converter = Converter::new(plan.style);
    let script = plan.target.other();
    let mut reader = BufReader::with_capacity(BUFFER_BYTES, source.reader());
    let mut raw = Vec::new();
    // Offset of the line in the input.
    let mut offset = 0u64;
    loop {
        raw.clear();
        let n = reader
            .read_until(b'\n', &mut raw)
            .map_err(|e| Error::io(&location, e))?;
        if n == 0 {
            return out.flush().map_err(|e| Error::io(output, e));
        }
        // A line feed never continues an invalid sequence: decoding line by line replaces
        // exactly what decoding the whole input would.
        let line = match std::str::from_utf8(&raw) {
            Ok(line) => Cow::Borrowed(line),
            Err(_) if lossy => String::from_utf8_lossy(&raw),
            Err(error) => return Err(invalid_utf8(&location, offset + error.valid_up_to() as u64)),
        };
        offset += n as u64;
        let line = line.strip_suffix('\n').unwrap_or(&line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let converted = converter.convert(line, plan.target);
        write_record(out, format, script, line, &converted).map_err(|e| Error::io(output, e))?;
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Writes one `--pairs` record; `source` is the script of `line`.
fn write_record(
    out: &mut impl Write,
    format: PairsFormat,
    source: Script,
    line: &str,
    converted: &str,
) -> io::Result<()> {
    match format {
        PairsFormat::Jsonl => {
            // serde_json without preserve_order would sort the keys: the object is written
            // by hand, source first, each string by serde_json.
            write!(out, "{{\"{}\":", source.name())?;
            serde_json::to_writer(&mut *out, line)?;
            write!(out, ",\"{}\":", source.other().name())?;
            serde_json::to_writer(&mut *out, converted)?;
            out.write_all(b"}\n")
        }
        PairsFormat::Tsv => {
            write_tsv_field(out, line)?;
            out.write_all(b"\t")?;
            write_tsv_field(out, converted)?;
            out.write_all(b"\n")
        }
    }
}

/// A TSV field: `\` as `\\`, tab as `\t`, CR as `\r` (lines never contain LF).
fn write_tsv_field(out: &mut impl Write, field: &str) -> io::Result<()> {
    let mut rest = field;
    while let Some(at) = rest.find(['\\', '\t', '\r', '\n']) {
        out.write_all(&rest.as_bytes()[..at])?;
        let escape: &[u8] = match rest.as_bytes()[at] {
            b'\\' => b"\\\\",
            b'\t' => b"\\t",
            b'\r' => b"\\r",
            _ => b"\\n",
        };
        out.write_all(escape)?;
        rest = &rest[at + 1..];
    }
    out.write_all(rest.as_bytes())
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
        let source = Source::open(input, options.lossy, progress)?;
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
        let source = Source::open(&input, options.lossy, progress)?;
        let mut file = AtomicFile::create(path)?;
        let mut out = Unchanged::new(&mut file, path);
        convert_input(source, options, &mut out, &location)?;
        if !out.unchanged() {
            staged.push(file.stage()?);
        }
    }
    staged.into_iter().try_for_each(Staged::persist)
}

/// Where converted text goes.
enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    File(AtomicFile),
}

impl Sink {
    fn stdout() -> Sink {
        Sink::Stdout(BufWriter::new(io::stdout().lock()))
    }

    fn location(&self) -> Location {
        match self {
            Sink::Stdout(_) => Location::Stdout,
            Sink::File(file) => Location::File(file.path.clone()),
        }
    }

    /// Flushes standard output, or replaces the target with the temporary file.
    fn commit(self) -> Result<(), Error> {
        match self {
            Sink::Stdout(mut out) => out.flush().map_err(|e| Error::io(&Location::Stdout, e)),
            Sink::File(file) => file.stage()?.persist(),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::File(file) => file.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.write_all(buf),
            Sink::File(file) => file.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File(file) => file.flush(),
        }
    }
}

/// A writer that remembers whether writing failed, to tell the write errors of a stream
/// conversion from its read errors.
struct Tracked<W> {
    inner: W,
    failed: bool,
}

impl<W: Write> Tracked<W> {
    fn new(inner: W) -> Self {
        Tracked {
            inner,
            failed: false,
        }
    }

    fn track<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        if result
            .as_ref()
            .is_err_and(|e| e.kind() != io::ErrorKind::Interrupted)
        {
            self.failed = true;
        }
        result
    }
}

impl<W: Write> Write for Tracked<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let result = self.inner.write(buf);
        self.track(result)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let result = self.inner.write_all(buf);
        self.track(result)
    }

    fn flush(&mut self) -> io::Result<()> {
        let result = self.inner.flush();
        self.track(result)
    }
}

/// A writer that passes everything on and compares it with what a file holds, to find out
/// without holding either whether an in-place conversion changes the file.
struct Unchanged<W> {
    inner: W,
    /// The file as it is, read along (`None` once a difference is seen).
    original: Option<BufReader<fs::File>>,
    scratch: Vec<u8>,
}

impl<W: Write> Unchanged<W> {
    /// Compares with `path`; when it cannot be opened, the output counts as changed.
    fn new(inner: W, path: &Path) -> Self {
        Unchanged {
            inner,
            original: fs::File::open(path)
                .ok()
                .map(|file| BufReader::with_capacity(BUFFER_BYTES, file)),
            scratch: Vec::new(),
        }
    }

    /// Compares `written` with the next bytes of the file.
    fn compare(&mut self, written: &[u8]) {
        let Some(original) = &mut self.original else {
            return;
        };
        self.scratch.resize(written.len(), 0);
        if original.read_exact(&mut self.scratch).is_err() || self.scratch != written {
            self.original = None;
        }
    }

    /// Whether everything written so far is the whole file, byte for byte.
    fn unchanged(&mut self) -> bool {
        self.original
            .as_mut()
            .is_some_and(|original| original.fill_buf().is_ok_and(|rest| rest.is_empty()))
    }
}

impl<W: Write> Write for Unchanged<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.compare(&buf[..n]);
        Ok(n)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf)?;
        self.compare(buf);
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A temporary file in the target's directory that replaces the target only when persisted;
/// dropped unpersisted, it is deleted and the target is untouched.
struct AtomicFile {
    /// The path as given, for messages.
    path: PathBuf,
    /// The file to replace (symbolic links resolved, so that a link keeps pointing at it).
    target: PathBuf,
    temp: BufWriter<NamedTempFile>,
}

impl AtomicFile {
    fn create(path: &Path) -> Result<AtomicFile, Error> {
        let location = Location::File(path.to_owned());
        let (target, existing) = match fs::canonicalize(path) {
            Ok(target) => {
                let metadata = fs::metadata(&target).map_err(|e| Error::io(&location, e))?;
                (target, Some(metadata))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => (path.to_owned(), None),
            Err(e) => return Err(Error::io(&location, e)),
        };
        if existing.as_ref().is_some_and(|m| m.is_dir()) {
            return Err(Error::io(&location, io::Error::other("is a directory")));
        }
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".convert-").suffix(".tmp");
        #[cfg(unix)]
        {
            // A new file gets the usual permissions (the umask applies), not 0600.
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let temp = builder
            .tempfile_in(dir)
            .map_err(|e| Error::io(&location, e))?;
        if let Some(metadata) = existing {
            fs::set_permissions(temp.path(), metadata.permissions())
                .map_err(|e| Error::io(&location, e))?;
        }
        Ok(AtomicFile {
            path: path.to_owned(),
            target,
            temp: BufWriter::new(temp),
        })
    }

    /// Flushes and syncs the temporary file and closes it, ready to be persisted.
    fn stage(self) -> Result<Staged, Error> {
        let location = Location::File(self.path.clone());
        let temp = self
            .temp
            .into_inner()
            .map_err(|e| Error::io(&location, e.into_error()))?;
        temp.as_file()
            .sync_all()
            .map_err(|e| Error::io(&location, e))?;
        Ok(Staged {
            path: self.path,
            target: self.target,
            temp: temp.into_temp_path(),
        })
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.temp.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

/// A complete temporary file waiting to replace its target.
struct Staged {
    path: PathBuf,
    target: PathBuf,
    temp: TempPath,
}

impl Staged {
    fn persist(self) -> Result<(), Error> {
        self.temp
            .persist(&self.target)
            .map_err(|e| Error::io(&Location::File(self.path), e.error))
    }
}

// ---------------------------------------------------------------------------------------------
// Progress

/// A progress bar on stderr, only when stderr is a terminal and the input is large. It counts
/// the input bytes as they are read.
struct Progress {
    bar: ProgressBar,
}

impl Progress {
    fn new(inputs: &[Input]) -> Progress {
        let hidden = || Progress {
            bar: ProgressBar::hidden(),
        };
        if !io::stderr().is_terminal() {
            return hidden();
        }
        let total: u64 = inputs.iter().map(Input::len).sum();
        if total <= PROGRESS_MIN_BYTES {
            return hidden();
        }
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} {wide_msg} [{bar:30}] {percent:>3}% {elapsed_precise}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress { bar }
    }

    fn phase(&self, what: &'static str, location: &Location) {
        if !self.bar.is_hidden() {
            self.bar.set_message(format!("{what} {location}"));
        }
    }

    /// `read`, counted on the bar as it is read (as it is when there is no bar).
    fn wrap_read(&self, read: Box<dyn Read>) -> Box<dyn Read> {
        if self.bar.is_hidden() {
            read
        } else {
            Box::new(self.bar.wrap_read(read))
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
