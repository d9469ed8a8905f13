//! What can go wrong in `convert`, with the exit code each error gives, and the input or
//! output an error message names.

use std::fmt;
use std::io;
use std::path::PathBuf;

use kazakh_script::InvalidUtf8Error;

/// Everything that can go wrong, with what `main` turns it into.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
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
    /// Invalid UTF-8 in the input named `path`.
    pub(crate) fn invalid_utf8(path: &Location, error: InvalidUtf8Error) -> Error {
        Error::InvalidUtf8 {
            path: path.clone(),
            error,
        }
    }

    /// An I/O error of the input or output named `path`.
    pub(crate) fn io(path: &Location, source: io::Error) -> Error {
        Error::Io {
            path: path.clone(),
            source,
        }
    }

    /// 1 for bad input and I/O errors, 2 for usage errors (as clap's own).
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            Error::InvalidUtf8 { .. } | Error::Io { .. } => 1,
            Error::Usage(_) => 2,
        }
    }

    /// Whether this is standard output closed early (`convert big.txt | head`).
    pub(crate) fn is_closed_stdout(&self) -> bool {
        matches!(self, Error::Io { path: Location::Stdout, source } if source.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// What an error message names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Location {
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
