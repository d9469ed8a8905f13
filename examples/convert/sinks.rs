//! Writing: standard output or a file replaced atomically, and writers that tell write
//! errors from read errors and whether an in-place conversion changes its file.

use std::fs;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use tempfile::{NamedTempFile, TempPath};

use crate::error::{Error, Location};
use crate::limits::BUFFER_BYTES;

/// Where converted text goes.
pub(crate) enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    File(AtomicFile),
}

impl Sink {
    pub(crate) fn stdout() -> Sink {
        Sink::Stdout(BufWriter::new(io::stdout().lock()))
    }

    pub(crate) fn location(&self) -> Location {
        match self {
            Sink::Stdout(_) => Location::Stdout,
            Sink::File(file) => Location::File(file.path.clone()),
        }
    }

    /// Flushes standard output, or replaces the target with the temporary file.
    pub(crate) fn commit(self) -> Result<(), Error> {
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
pub(crate) struct Tracked<W> {
    inner: W,
    pub(crate) failed: bool,
}

impl<W: Write> Tracked<W> {
    pub(crate) fn new(inner: W) -> Self {
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
pub(crate) struct Unchanged<W> {
    inner: W,
    /// The file as it is, read along (`None` once a difference is seen).
    original: Option<BufReader<fs::File>>,
    scratch: Vec<u8>,
}

impl<W: Write> Unchanged<W> {
    /// Compares with `path`; when it cannot be opened, the output counts as changed.
    pub(crate) fn new(inner: W, path: &Path) -> Self {
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
    pub(crate) fn unchanged(&mut self) -> bool {
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
pub(crate) struct AtomicFile {
    /// The path as given, for messages.
    pub(crate) path: PathBuf,
    /// The file to replace (symbolic links resolved, so that a link keeps pointing at it).
    target: PathBuf,
    temp: BufWriter<NamedTempFile>,
}

impl AtomicFile {
    pub(crate) fn create(path: &Path) -> Result<AtomicFile, Error> {
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
    pub(crate) fn stage(self) -> Result<Staged, Error> {
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
pub(crate) struct Staged {
    path: PathBuf,
    target: PathBuf,
    temp: TempPath,
}

impl Staged {
    pub(crate) fn persist(self) -> Result<(), Error> {
        self.temp
            .persist(&self.target)
            .map_err(|e| Error::io(&Location::File(self.path), e.error))
    }
}
