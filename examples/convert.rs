//! `convert`: converts Kazakh text files between Cyrillic and the Arabic-based tote script.
//!
//! ```text
//! cargo run --release --example convert -- [--to arabic|cyrillic] [--style STYLE] \
//!     [-o OUT] [--in-place] [--lossy] [--pairs jsonl|tsv] [FILE...]
//! ```
//!
//! The program is split into reading ([`read_input`], [`decode`]), converting ([`plan`],
//! [`convert_text`], [`pair_records`]) and writing ([`Sink`], [`AtomicFile`], [`write_pairs`]),
//! tied together by [`run`]; [`main`] only maps the typed [`Error`] to an exit code. Each input
//! is read and converted whole for now.

use std::borrow::Cow;
use std::fmt;
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kazakh_script::{detect_script, guess_style, Converter, InvalidUtf8Error, Script, Style};
use tempfile::{NamedTempFile, TempPath};

/// Inputs larger than this in total get a progress bar (when stderr is a terminal).
const PROGRESS_MIN_BYTES: u64 = 8 * 1024 * 1024;

const AFTER_HELP: &str = "\
Script and style:
  Without --to, each input is converted to the script it is not written in
  (kazakh_script::detect_script, decided per file); an input with neither Cyrillic
  nor Arabic letters is copied unchanged.
  Writing tote (--to arabic) uses --style, default kazinform.
  Reading tote (--to cyrillic) uses --style; without --style the style is guessed
  per file from the tote text itself (kazakh_script::guess_style).

Output:
  FILEs are converted one by one and the results concatenated in order, to
  standard output or to -o OUT. A FILE named '-' is standard input, -o - is
  standard output.
  -o OUT and --in-place write a temporary file next to the target and rename it
  over the target only when everything succeeded: on any error the target is left
  byte for byte as it was. --in-place reads and converts every FILE before
  replacing any of them; files whose text does not change are not rewritten.

--pairs (fixture generation):
  One record per input line, in order. Lines end at LF; a CR right before the LF
  belongs to the line terminator (CRLF) and is dropped; a last line without LF
  still counts; empty input gives no records. Each line is converted on its own
  in the file's style (a guessed style is guessed once, from the whole file).
  The source script is --to's opposite, else detected per file (Cyrillic when the
  file has no letters).
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

    /// The size in bytes when it is known up front (for the progress bar), else 0.
    fn len(&self) -> u64 {
        match self {
            Input::File(path) => fs::metadata(path).map(|m| m.len()).unwrap_or(0),
            Input::Stdin => stdin_len(),
        }
    }
}

/// The size of standard input when it is redirected from a regular file, else 0.
#[cfg(unix)]
fn stdin_len() -> u64 {
    use std::os::fd::AsFd;
    io::stdin()
        .as_fd()
        .try_clone_to_owned()
        .map(fs::File::from)
        .and_then(|file| file.metadata())
        .map(|m| if m.is_file() { m.len() } else { 0 })
        .unwrap_or(0)
}

/// The size of standard input when it is redirected from a regular file, else 0.
#[cfg(windows)]
fn stdin_len() -> u64 {
    use std::os::windows::io::AsHandle;
    io::stdin()
        .as_handle()
        .try_clone_to_owned()
        .map(fs::File::from)
        .and_then(|file| file.metadata())
        .map(|m| if m.is_file() { m.len() } else { 0 })
        .unwrap_or(0)
}

#[cfg(not(any(unix, windows)))]
fn stdin_len() -> u64 {
    0
}

/// Reads the whole input.
fn read_input(input: &Input, progress: &Progress) -> Result<Vec<u8>, Error> {
    progress.phase("reading", input);
    let mut bytes = Vec::new();
    let result = match input {
        Input::Stdin => progress
            .wrap_read(io::stdin().lock())
            .read_to_end(&mut bytes),
        Input::File(path) => {
            fs::File::open(path).and_then(|file| progress.wrap_read(file).read_to_end(&mut bytes))
        }
    };
    result.map_err(|e| Error::io(&input.location(), e))?;
    Ok(bytes)
}

/// Decoded input text.
struct Text {
    text: String,
    /// Whether `--lossy` replaced invalid bytes, so that the text differs from the input.
    replaced: bool,
}

/// Decodes UTF-8; invalid input is an error naming the first invalid byte, or with `lossy`
/// becomes U+FFFD.
fn decode(input: &Input, bytes: Vec<u8>, lossy: bool) -> Result<Text, Error> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Text {
            text,
            replaced: false,
        }),
        Err(error) if lossy => Ok(Text {
            text: String::from_utf8_lossy(error.as_bytes()).into_owned(),
            replaced: true,
        }),
        Err(error) => Err(Error::InvalidUtf8 {
            path: input.location(),
            error: InvalidUtf8Error {
                offset: error.utf8_error().valid_up_to() as u64,
            },
        }),
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

/// The plan for a whole input: the target is `--to` or the script the text is not in (`None`
/// when it has no letters of either script: copied unchanged); reading tote without `--style`
/// guesses the style from the text.
fn plan(text: &str, options: &Options) -> Option<Plan> {
    let target = match options.to {
        Some(target) => target,
        None => detect_script(text)?.other(),
    };
    Some(Plan {
        target,
        style: style_for(text, target, options),
    })
}

fn style_for(text: &str, target: Script, options: &Options) -> Style {
    options.style.unwrap_or_else(|| match target {
        Script::Arabic => Style::default(),
        Script::Cyrillic => guess_style(text),
    })
}

/// Converts a whole input.
fn convert_text<'a>(text: &'a str, plan: Option<Plan>) -> Cow<'a, str> {
    match plan {
        Some(plan) => Converter::new(plan.style).convert(text, plan.target),
        None => Cow::Borrowed(text),
    }
}

/// The plan of `--pairs`: records always have a source script, Cyrillic when nothing says
/// otherwise.
fn pairs_plan(text: &str, options: &Options) -> Plan {
    let source = options
        .to
        .map(Script::other)
        .or_else(|| detect_script(text))
        .unwrap_or(Script::Cyrillic);
    let target = source.other();
    Plan {
        target,
        style: style_for(text, target, options),
    }
}

/// The lines of `text`: split at `\n`, a `\r` before it dropped, no record after a final
/// `\n`.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split_terminator('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
}

/// `(line, converted line)` for each line, each converted on its own.
fn pair_records(text: &str, plan: Plan) -> impl Iterator<Item = (&str, Cow<'_, str>)> {
    let converter = Converter::new(plan.style);
    lines(text).map(move |line| (line, converter.convert(line, plan.target)))
}

// ---------------------------------------------------------------------------------------------
// Writing

/// Writes `--pairs` records; `source` is the script of the lines.
fn write_pairs<'a>(
    out: &mut impl Write,
    format: PairsFormat,
    source: Script,
    records: impl Iterator<Item = (&'a str, Cow<'a, str>)>,
) -> io::Result<()> {
    for (line, converted) in records {
        match format {
            PairsFormat::Jsonl => {
                // serde_json without preserve_order would sort the keys: the object is written
                // by hand, source first, each string by serde_json.
                writeln!(
                    out,
                    "{{\"{}\":{},\"{}\":{}}}",
                    source.name(),
                    serde_json::to_string(line)?,
                    source.other().name(),
                    serde_json::to_string(&converted)?
                )?;
            }
            PairsFormat::Tsv => {
                write_tsv_field(out, line)?;
                out.write_all(b"\t")?;
                write_tsv_field(out, &converted)?;
                out.write_all(b"\n")?;
            }
        }
    }
    Ok(())
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
fn convert_to_sink(
    inputs: &[Input],
    options: &Options,
    progress: &Progress,
    mut sink: Sink,
) -> Result<(), Error> {
    for input in inputs {
        let bytes = read_input(input, progress)?;
        let len = bytes.len() as u64;
        let Text { text, .. } = decode(input, bytes, options.lossy)?;
        progress.phase("converting", input);
        let written = match options.pairs {
            Some(format) => {
                let plan = pairs_plan(&text, options);
                write_pairs(
                    &mut sink,
                    format,
                    plan.target.other(),
                    pair_records(&text, plan),
                )
            }
            None => sink.write_all(convert_text(&text, plan(&text, options)).as_bytes()),
        };
        written.map_err(|e| Error::io(&sink.location(), e))?;
        progress.converted(len);
    }
    sink.commit()
}

/// Converts each file in place. Every file is read and converted (into a temporary file next
/// to it) before any is replaced, so bad input anywhere leaves all of them untouched.
fn convert_in_place(files: &[&Path], options: &Options, progress: &Progress) -> Result<(), Error> {
    let mut staged = Vec::new();
    for &path in files {
        let input = Input::File(path.to_owned());
        let bytes = read_input(&input, progress)?;
        let len = bytes.len() as u64;
        let Text { text, replaced } = decode(&input, bytes, options.lossy)?;
        progress.phase("converting", &input);
        let converted = convert_text(&text, plan(&text, options));
        if replaced || converted != text.as_str() {
            let mut file = AtomicFile::create(path)?;
            file.write_all(converted.as_bytes())
                .map_err(|e| Error::io(&input.location(), e))?;
            staged.push(file.stage()?);
        }
        progress.converted(len);
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
            Sink::File(file) => file.temp.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.write_all(buf),
            Sink::File(file) => file.temp.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File(file) => file.temp.flush(),
        }
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

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.temp.write_all(bytes)
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
/// each input byte twice, once read and once converted.
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
        let bar = ProgressBar::with_draw_target(Some(total * 2), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} {wide_msg} [{bar:30}] {percent:>3}% {elapsed_precise}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress { bar }
    }

    fn phase(&self, what: &'static str, input: &Input) {
        if !self.bar.is_hidden() {
            self.bar.set_message(format!("{what} {}", input.location()));
        }
    }

    fn wrap_read<R: Read>(&self, read: R) -> impl Read {
        self.bar.wrap_read(read)
    }

    fn converted(&self, bytes: u64) {
        self.bar.inc(bytes);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
