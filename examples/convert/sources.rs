//! Reading: the inputs named on the command line, each opened with its head read ahead.

use std::fs;
use std::io::{self, Cursor, Read};
use std::path::{Path, PathBuf};

use kazakh_script::utf8;
use kazakh_script::Utf8Mode;

use crate::error::{Error, Location};
use crate::limits::{HEAD_BYTES, PARALLEL_MIN_BYTES};
use crate::progress::Progress;

/// One input: a file or standard input.
#[derive(Clone, Debug)]
pub(crate) enum Input {
    Stdin,
    File(PathBuf),
}

/// The inputs named on the command line; none means standard input.
pub(crate) fn inputs(files: &[PathBuf]) -> Vec<Input> {
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
    pub(crate) fn location(&self) -> Location {
        match self {
            Input::Stdin => Location::Stdin,
            Input::File(path) => Location::File(path.clone()),
        }
    }

    /// The size in bytes when it is known up front (for the progress bar and the choice of
    /// the parallel conversion), else 0.
    pub(crate) fn len(&self) -> u64 {
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
pub(crate) fn regular_file_len(file: io::Result<fs::File>) -> u64 {
    file.and_then(|file| file.metadata())
        .map(|m| if m.is_file() { m.len() } else { 0 })
        .unwrap_or(0)
}

/// The size of standard input when it is redirected from a regular file, else 0.
#[cfg(unix)]
pub(crate) fn stdin_len() -> u64 {
    use std::os::fd::AsFd;
    regular_file_len(io::stdin().as_fd().try_clone_to_owned().map(fs::File::from))
}

/// The size of standard input when it is redirected from a regular file, else 0.
#[cfg(windows)]
pub(crate) fn stdin_len() -> u64 {
    use std::os::windows::io::AsHandle;
    regular_file_len(
        io::stdin()
            .as_handle()
            .try_clone_to_owned()
            .map(fs::File::from),
    )
}

#[cfg(not(any(unix, windows)))]
pub(crate) fn stdin_len() -> u64 {
    0
}

/// An opened input whose first [`HEAD_BYTES`] bytes (its *head*) have been read ahead, to
/// decide how to convert it; [`Source::reader`] gives the whole input again, the head
/// chained with the rest.
pub(crate) struct Source {
    pub(crate) location: Location,
    /// The size of the input when known up front, else 0.
    len: u64,
    /// The first bytes of the input: all of them, or [`HEAD_BYTES`].
    head: Vec<u8>,
    /// The head decoded up to its last complete character (invalid bytes, with `--lossy`,
    /// as U+FFFD): what the script and style are decided on.
    pub(crate) head_text: String,
    /// Whether the head is the whole input.
    head_is_all: bool,
    rest: Box<dyn Read>,
}

impl Source {
    /// Opens `input` and reads its head. In [`Utf8Mode::Strict`], invalid UTF-8 in the head
    /// is an error right away, before anything of the input is written.
    pub(crate) fn open(
        input: &Input,
        utf8: Utf8Mode,
        progress: &Progress,
    ) -> Result<Source, Error> {
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
            utf8::complete_prefix_len(&head)
        };
        let head_text = utf8::decode(&head[..complete], utf8, 0)
            .map_err(|error| Error::invalid_utf8(&location, error))?
            .into_owned();
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
    pub(crate) fn is_large(&self) -> bool {
        self.len > PARALLEL_MIN_BYTES || (self.len == 0 && !self.head_is_all)
    }

    /// The whole input, from its first byte.
    pub(crate) fn reader(self) -> impl Read {
        Cursor::new(self.head).chain(self.rest)
    }
}
