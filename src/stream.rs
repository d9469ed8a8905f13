//! Streaming conversion: from any [`Read`] to any [`Write`] in bounded memory, on one core
//! ([`StreamConverter::convert_stream`]) or on several ([`StreamConverter::convert_parallel`]).
//! Where the input is cut, and why that is safe, is told on [`StreamConverter`]; the rules
//! are [`last_line_end`], [`is_safe_cyrillic_cut`] and [`is_safe_tote_cut`].

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use thiserror::Error;

use crate::error::InvalidUtf8Error;
use crate::utf8::complete_prefix_len;
use crate::{to_arabic, to_cyrillic, Converter, HamzaScope, Script};

/// What streaming conversion does with input that is not valid UTF-8.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Utf8Mode {
    /// Stop at the first invalid byte with [`StreamError::InvalidUtf8`]. The default.
    #[default]
    Strict,
    /// Replace each invalid sequence with U+FFFD REPLACEMENT CHARACTER, as
    /// [`String::from_utf8_lossy`] does, and go on.
    Lossy,
}

/// Why streaming conversion stopped.
#[non_exhaustive]
#[derive(Debug, Error)]
pub enum StreamError {
    /// The input is not valid UTF-8 (in [`Utf8Mode::Strict`]), with the offset of the first
    /// invalid byte.
    #[error(transparent)]
    InvalidUtf8(#[from] InvalidUtf8Error),
    /// Reading or writing failed.
    #[error("I/O error: {0}")]
    Io(#[from] io::Error),
}

/// What a streaming conversion did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StreamStats {
    /// Bytes read from the input.
    pub bytes_read: u64,
    /// Bytes written to the output.
    pub bytes_written: u64,
    /// Invalid UTF-8 sequences replaced with U+FFFD (only in [`Utf8Mode::Lossy`]).
    pub replaced: u64,
}

/// Converts from a reader to a writer in bounded memory, in either direction, with the
/// style and casing of a [`Converter`]. Output is byte for byte what [`Converter::convert`]
/// gives for the whole input.
///
/// # Where the input is cut
///
/// The input is decoded as UTF-8 (a character cut across two reads is put back together),
/// gathered into pieces of about [`StreamConverter::chunk_size`] bytes and converted piece by
/// piece. Pieces are cut only at *safe* places, where converting the two sides separately
/// gives exactly the bytes that converting the whole text gives (tote -> Cyrillic carries its
/// one piece of state, "the next word starts a sentence", from piece to piece):
///
/// * **after a line feed**, in both directions. Cyrillic -> tote looks around a character
///   only within its line's words and numbers (compounds, the comma between digits, the
///   year before `-жыл`, URL tokens, the `«` before a hamza word all end at whitespace), and
///   tote -> Cyrillic's word joins (`- ` joints, letter-spaced abbreviations, `1969 -جىل`,
///   ` ۇلى`, the words of a name) never cross a line feed; the sentence state is carried.
/// * in a line longer than the chunk, for **Cyrillic -> tote**, after any whitespace
///   character, for the reasons above; and where a line has no whitespace for a long stretch,
///   after `<`, `>`, `"` or `»` (which end every URL token) when the next character is not an
///   ASCII letter or digit (whose token start would differ). In a
///   [`HamzaScope::EachLetterRun`] style (`mediawiki`), whose parts of text run up to ASCII
///   white space, only after ASCII white space.
/// * in a line longer than the chunk, for **tote -> Cyrillic**, after the spaces and tabs
///   that follow a mark ending a sentence or a clause (`. ! ? ؟ ; ؛ :`; not the stop of
///   a one-letter word, which may be an initial that a name after it capitalises, nor that
///   of a line's first word, which may be a dateline's place; not before a dash, whose case
///   depends on the mark: `? — деді`, `: — Біз`; not a comma, after which a list of names
///   goes on: `Талас, Ертіс, Сыр`). Such a mark ends
///   every word join (a `- ` joint needs the hyphen, a letter-spaced abbreviation run single
///   spaces, `1969 -جىل` digits, ` ۇلى` the name right before it) and every state a word
///   leaves for the next but the sentence state, which is carried: after it, the next word
///   is not "the next word of a name". Cuts between two words are not safe: whether the
///   first is a name that the second continues is the converter's decision.
///
/// Nothing else is cut: a single word, or a line without any of these places, is gathered
/// whole however long it is (a word's hamza depends on all its letters, so no cut inside a
/// word can be proved safe). **Memory** is therefore bounded by a few chunks plus the longest
/// stretch of the input without a safe place; for text made of words and lines, that is a
/// few chunks. The tests in `tests/stream.rs` check many ways of cutting the seeds and random
/// text against converting it whole.
///
/// # Example
///
/// ```
/// use kazakh_script::{Converter, Script, Style, StreamConverter};
///
/// let input = "Біз қазақ тілінде сөйлейміз.\nСіз ше?\n";
/// let mut output = Vec::new();
/// let stream = StreamConverter::new(Converter::new(Style::Kazinform));
/// stream.convert_stream(input.as_bytes(), &mut output, Script::Arabic)?;
/// assert_eq!(String::from_utf8(output)?, "ءبىز قازاق تىلىندە سويلەيمىز.\nءسىز شە؟\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct StreamConverter {
    converter: Converter,
    chunk_size: usize,
    utf8: Utf8Mode,
}

impl From<Converter> for StreamConverter {
    fn from(converter: Converter) -> Self {
        StreamConverter::new(converter)
    }
}

impl StreamConverter {
    /// The default size of the pieces read and converted at a time: 64 KiB.
    pub const DEFAULT_CHUNK_SIZE: usize = 64 * 1024;

    /// A streaming converter with [`Self::DEFAULT_CHUNK_SIZE`] and [`Utf8Mode::Strict`].
    pub fn new(converter: Converter) -> Self {
        StreamConverter {
            converter,
            chunk_size: Self::DEFAULT_CHUNK_SIZE,
            utf8: Utf8Mode::Strict,
        }
    }

    /// Sets the size in bytes of the pieces read and converted at a time (at least 1). Memory
    /// use is a small multiple of it (see [where the input is
    /// cut](StreamConverter#where-the-input-is-cut)); the parallel conversion hands out
    /// pieces of this size to its threads.
    pub fn chunk_size(mut self, bytes: usize) -> Self {
        self.chunk_size = bytes.max(1);
        self
    }

    /// Sets what happens to invalid UTF-8 (default [`Utf8Mode::Strict`]).
    pub fn utf8_mode(mut self, mode: Utf8Mode) -> Self {
        self.utf8 = mode;
        self
    }

    /// The converter whose style and casing are used.
    pub fn converter(&self) -> &Converter {
        &self.converter
    }

    /// Converts everything `reader` gives to the `target` script and writes it to `writer`,
    /// on the calling thread. Memory: about three chunks, plus the longest stretch of input
    /// without a safe cut (see [where the input is
    /// cut](StreamConverter#where-the-input-is-cut)).
    ///
    /// On an error, what was converted before it has been written.
    pub fn convert_stream<R: Read, W: Write>(
        &self,
        reader: R,
        mut writer: W,
        target: Script,
    ) -> Result<StreamStats, StreamError> {
        let mut chunks = Chunker::new(reader, target, self.chunk_size, self.utf8)
            .cutting_letter_runs(self.converter.rules().hamza_scope() == HamzaScope::EachLetterRun);
        let mut pieces = PieceConverter::new(&self.converter, target);
        let mut out = String::new();
        let mut written = 0u64;
        while let Some(cut) = chunks.next_cut()? {
            out.clear();
            pieces.convert(&chunks.pending()[..cut], &mut out);
            writer.write_all(out.as_bytes())?;
            written += out.len() as u64;
            chunks.consume(cut);
        }
        writer.flush()?;
        Ok(chunks.stats(written))
    }

    /// Like [`Self::convert_stream`], with the conversion spread over `threads` threads (0:
    /// as many as [`std::thread::available_parallelism`] says). The calling thread reads,
    /// cuts the input at safe places into pieces of about [`Self::chunk_size`] bytes (use
    /// a larger chunk than for one thread, such as 1 MiB), hands them to the threads and
    /// writes the results in order. At most `2 * threads + 2` pieces are in flight, so memory
    /// is bounded by about four times that many chunks.
    ///
    /// The output is byte for byte the same as [`Self::convert_stream`]'s. Tote -> Cyrillic
    /// carries a sentence state from piece to piece: each thread assumes the state the place
    /// of the cut implies (a sentence starts after a line feed or `. ! ?`, not after a
    /// comma), and a piece whose assumption turns out wrong is converted again, in order,
    /// before it is written. The threads start from the tote word caches that the threads of
    /// an earlier call left (kept between calls, at most one per core), so that a call does
    /// not spell the words of the text again on every thread.
    pub fn convert_parallel<R: Read, W: Write>(
        &self,
        reader: R,
        mut writer: W,
        target: Script,
        threads: usize,
    ) -> Result<StreamStats, StreamError> {
        let threads = match threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        let max_in_flight = 2 * threads + 2;
        let mut chunks = Chunker::new(reader, target, self.chunk_size, self.utf8)
            .cutting_letter_runs(self.converter.rules().hamza_scope() == HamzaScope::EachLetterRun);
        let converter = self.converter;
        let (job_tx, job_rx) = mpsc::channel::<Job>();
        let job_rx = Arc::new(Mutex::new(job_rx));
        let (done_tx, done_rx) = mpsc::channel::<Done>();
        let spare = Spare::new(2 * max_in_flight);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                let job_rx = Arc::clone(&job_rx);
                let done_tx = done_tx.clone();
                let spare = &spare;
                scope.spawn(move || {
                    let _cache =
                        (target == Script::Cyrillic).then(to_cyrillic::WarmWordCache::adopt);
                    let mut pieces = PieceConverter::new(&converter, target);
                    loop {
                        // The lock is held only while waiting for the next job.
                        let job = match job_rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        let Ok(job) = job else { return };
                        let mut out = spare.take();
                        out.reserve(job.text.len() + job.text.len() / 8);
                        pieces.sentence_start = job.sentence_start;
                        pieces.convert(&job.text, &mut out);
                        let done = Done {
                            index: job.index,
                            sentence_start: job.sentence_start,
                            sentence_end: pieces.sentence_start,
                            text: job.text,
                            out,
                        };
                        if done_tx.send(done).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(done_tx);
            let result = (|| {
                let mut order = Reorder::new(&converter, target);
                let mut in_flight = 0;
                let mut next_index = 0;
                let mut end_of_input = false;
                let mut written = 0u64;
                // The sentence state a piece of tote is converted with on a thread of its
                // own: a sentence starts at the start of the text and after what ends one (see
                // `ends_sentence`). Checked when the piece is written.
                let mut sentence_start = true;
                loop {
                    while in_flight < max_in_flight && !end_of_input {
                        match chunks.next_cut()? {
                            Some(cut) => {
                                let text = chunks.take(cut, spare.take());
                                let ends_sentence = ends_sentence(&text);
                                let job = Job {
                                    index: next_index,
                                    sentence_start,
                                    text,
                                };
                                sentence_start = ends_sentence;
                                if job_tx.send(job).is_err() {
                                    break;
                                }
                                next_index += 1;
                                in_flight += 1;
                            }
                            None => end_of_input = true,
                        }
                    }
                    if in_flight == 0 {
                        break;
                    }
                    let Ok(done) = done_rx.recv() else { break };
                    for (text, out) in order.push(done) {
                        writer.write_all(out.as_bytes())?;
                        written += out.len() as u64;
                        in_flight -= 1;
                        spare.give(text);
                        spare.give(out);
                    }
                }
                writer.flush()?;
                Ok(chunks.stats(written))
            })();
            // Let the threads see the end of the jobs, whatever happened.
            drop(job_tx);
            result
        })
    }
}

/// Splits `text` at safe places into pieces of at least `chunk_size` bytes (the last may be
/// shorter) that convert **each on its own** to exactly what `text` converts to: `Converter::
/// convert` of each piece, concatenated, equals `Converter::convert` of `text`. Returns the
/// byte offsets of the cuts, ascending, without 0 and `text.len()`.
///
/// Cyrillic -> tote ([`Script::Arabic`]) is cut at the safe places told on
/// [`StreamConverter`](StreamConverter#where-the-input-is-cut) for the styles that write word
/// by word; a text for a [`HamzaScope::EachLetterRun`] style (`mediawiki`) is safe to cut
/// only after ASCII white space, which these cuts do not keep to. Tote -> Cyrillic
/// ([`Script::Cyrillic`]) is cut only after line feeds, where a sentence starts, as it does at
/// the start of each piece converted on its own. Where a piece of `chunk_size` has no safe
/// place, it grows to the next one.
///
/// ```
/// use kazakh_script::{safe_split_points, Converter, Script, Style};
///
/// let text = "Біз қазақ тілінде сөйлейміз.\n".repeat(100);
/// let cuts = safe_split_points(&text, Script::Arabic, 1000);
/// let converter = Converter::new(Style::Kazinform);
/// let mut pieces = String::new();
/// let mut from = 0;
/// for cut in cuts.iter().copied().chain([text.len()]) {
///     pieces.push_str(&converter.to_arabic(&text[from..cut]));
///     from = cut;
/// }
/// assert_eq!(pieces, converter.to_arabic(&text));
/// ```
pub fn safe_split_points(text: &str, target: Script, chunk_size: usize) -> Vec<usize> {
    let chunk_size = chunk_size.max(1);
    let mut cuts = Vec::new();
    let mut from = 0;
    while text.len() - from > chunk_size {
        let mut hi = from + chunk_size;
        let cut = loop {
            let found = match target {
                Script::Arabic => last_safe_cut(text, target, from, hi, false),
                Script::Cyrillic => last_line_end(text, from, hi),
            };
            match found {
                Some(cut) => break Some(cut),
                None if hi >= text.len() => break None,
                None => hi = (hi + chunk_size).min(text.len()),
            }
        };
        match cut {
            Some(cut) if cut < text.len() => {
                cuts.push(cut);
                from = cut;
            }
            _ => break,
        }
    }
    cuts
}

/// Whether a sentence starts after `piece` (tote), as far as its end tells: after a line feed
/// or `. ! ? ؟` and spaces; not after a comma. Only a guess for the parallel conversion,
/// which checks it.
fn ends_sentence(piece: &str) -> bool {
    piece.ends_with('\n')
        || matches!(
            piece.trim_end_matches([' ', '\t']).chars().next_back(),
            Some('.' | '!' | '?' | '\u{061F}')
        )
}

/// Buffers of pieces and outputs already written, used again for the next ones: memory is
/// not given back to the system and asked for again (with a page fault for every page) for
/// each piece.
struct Spare {
    buffers: Mutex<Vec<String>>,
    /// Most buffers kept.
    limit: usize,
}

impl Spare {
    fn new(limit: usize) -> Self {
        Spare {
            buffers: Mutex::new(Vec::new()),
            limit,
        }
    }

    /// An empty buffer (a new one if none is spare).
    fn take(&self) -> String {
        let spare = self
            .buffers
            .lock()
            .ok()
            .and_then(|mut buffers| buffers.pop());
        let mut buffer = spare.unwrap_or_default();
        buffer.clear();
        buffer
    }

    /// Keeps `buffer` for later (or drops it if enough are kept).
    fn give(&self, buffer: String) {
        if let Ok(mut buffers) = self.buffers.lock() {
            if buffers.len() < self.limit {
                buffers.push(buffer);
            }
        }
    }
}

/// A piece of input for a worker thread.
struct Job {
    index: usize,
    sentence_start: bool,
    text: String,
}

/// A converted piece, with what it was converted from.
struct Done {
    index: usize,
    /// The sentence state the piece was converted with.
    sentence_start: bool,
    /// The sentence state after it.
    sentence_end: bool,
    text: String,
    out: String,
}

/// Puts converted pieces back in input order, converting again the (rare) piece whose
/// assumed sentence state differs from the one the piece before left.
struct Reorder<'c> {
    pieces: PieceConverter<'c>,
    waiting: BTreeMap<usize, Done>,
    next: usize,
}

impl<'c> Reorder<'c> {
    fn new(converter: &'c Converter, target: Script) -> Self {
        Reorder {
            pieces: PieceConverter::new(converter, target),
            waiting: BTreeMap::new(),
            next: 0,
        }
    }

    /// Takes a converted piece; returns the pieces now ready to be written, in order: each
    /// text and its output.
    fn push(&mut self, done: Done) -> Vec<(String, String)> {
        self.waiting.insert(done.index, done);
        let mut ready = Vec::new();
        while let Some(done) = self.waiting.remove(&self.next) {
            self.next += 1;
            if self.pieces.target == Script::Arabic
                || done.sentence_start == self.pieces.sentence_start
            {
                self.pieces.sentence_start = done.sentence_end;
                ready.push((done.text, done.out));
            } else {
                let mut out = done.out;
                out.clear();
                self.pieces.convert(&done.text, &mut out);
                ready.push((done.text, out));
            }
        }
        ready
    }
}

/// Converts consecutive pieces of one text, carrying the state between them.
struct PieceConverter<'c> {
    converter: &'c Converter,
    target: Script,
    /// Tote -> Cyrillic: whether the next word starts a sentence.
    sentence_start: bool,
}

impl<'c> PieceConverter<'c> {
    fn new(converter: &'c Converter, target: Script) -> Self {
        PieceConverter {
            converter,
            target,
            sentence_start: true,
        }
    }

    /// Converts the next piece, appending to `out`.
    fn convert(&mut self, piece: &str, out: &mut String) {
        let c = self.converter;
        match self.target {
            Script::Arabic => to_arabic::to_arabic_into(piece, &c.rules, out),
            Script::Cyrillic => to_cyrillic::to_cyrillic_into(
                piece,
                &c.rules,
                c.casing,
                c.words,
                &mut self.sentence_start,
                out,
            ),
        }
    }
}

/// How many bytes after the end of what was searched the search goes back (a cut needs to
/// see the character after it).
const LOOKAHEAD: usize = 16;

/// Reads, decodes and gathers the input, and finds where to cut it.
struct Chunker<R> {
    reader: R,
    target: Script,
    /// Cyrillic -> tote in a [`HamzaScope::EachLetterRun`] style: cut only after ASCII white
    /// space (see [`is_safe_letter_run_cut`]).
    letter_runs: bool,
    chunk_size: usize,
    decoder: Utf8Decoder,
    /// Raw bytes of one read (an incomplete character kept at its front).
    raw: Vec<u8>,
    /// Decoded text not yet handed out.
    pending: String,
    /// `pending[..searched]` has no safe cut (searched before; the tail of it is searched
    /// again, since a cut near the end needs the bytes after it).
    searched: usize,
    end_of_input: bool,
}

impl<R: Read> Chunker<R> {
    fn new(reader: R, target: Script, chunk_size: usize, mode: Utf8Mode) -> Self {
        Chunker {
            reader,
            target,
            letter_runs: false,
            chunk_size,
            decoder: Utf8Decoder::new(mode),
            raw: vec![0; chunk_size.clamp(64, 1 << 20)],
            pending: String::new(),
            searched: 0,
            end_of_input: false,
        }
    }

    /// This chunker, cutting Cyrillic as [`HamzaScope::EachLetterRun`] styles need if
    /// `letter_runs`.
    fn cutting_letter_runs(self, letter_runs: bool) -> Self {
        Chunker {
            letter_runs,
            ..self
        }
    }

    fn pending(&self) -> &str {
        &self.pending
    }

    /// Reads until a piece can be cut; returns its length in `pending`, or `None` at the end.
    fn next_cut(&mut self) -> Result<Option<usize>, StreamError> {
        loop {
            if self.end_of_input {
                return Ok((!self.pending.is_empty()).then_some(self.pending.len()));
            }
            if self.pending.len() >= self.chunk_size {
                let cut =
                    last_line_end(&self.pending, self.searched, self.pending.len()).or_else(|| {
                        last_safe_cut(
                            &self.pending,
                            self.target,
                            self.searched,
                            self.pending.len(),
                            self.letter_runs,
                        )
                    });
                if let Some(cut) = cut {
                    return Ok(Some(cut));
                }
                self.searched = self.pending.len().saturating_sub(LOOKAHEAD);
            }
            self.fill()?;
        }
    }

    /// Hands out `pending[..cut]` as a string of its own: the buffer itself, whose place
    /// `rest` (an empty buffer) takes with what follows the cut (one copy of the short rest
    /// instead of two of the piece).
    fn take(&mut self, cut: usize, mut rest: String) -> String {
        rest.clear();
        // Exactly: `reserve` may double `rest`'s capacity past the pending buffer's, and as
        // the two swap places at every piece, the capacities would double again and again.
        rest.reserve_exact(self.pending.capacity());
        rest.push_str(&self.pending[cut..]);
        let mut piece = std::mem::replace(&mut self.pending, rest);
        piece.truncate(cut);
        self.searched = 0;
        piece
    }

    /// Drops `pending[..cut]`, handed out.
    fn consume(&mut self, cut: usize) {
        self.pending.drain(..cut);
        self.searched = 0;
    }

    /// Reads once more into `pending`.
    fn fill(&mut self) -> Result<(), StreamError> {
        let carried = self.decoder.carried();
        let n = loop {
            match self.reader.read(&mut self.raw[carried..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            }
        };
        self.end_of_input = n == 0;
        self.decoder.decode(
            &mut self.raw,
            carried + n,
            self.end_of_input,
            &mut self.pending,
        )
    }

    fn stats(&self, bytes_written: u64) -> StreamStats {
        StreamStats {
            bytes_read: self.decoder.offset,
            bytes_written,
            replaced: self.decoder.replaced,
        }
    }
}

/// Incremental UTF-8 decoding of consecutive reads.
struct Utf8Decoder {
    mode: Utf8Mode,
    /// Bytes of an incomplete character at the end of the last read, moved to the front of
    /// the read buffer (0 to 3).
    carried: usize,
    /// Offset in the input of the first byte not yet decoded.
    offset: u64,
    replaced: u64,
}

impl Utf8Decoder {
    fn new(mode: Utf8Mode) -> Self {
        Utf8Decoder {
            mode,
            carried: 0,
            offset: 0,
            replaced: 0,
        }
    }

    fn carried(&self) -> usize {
        self.carried
    }

    /// Decodes `raw[..len]` into `out`. An incomplete character at the end is kept (moved to
    /// the front of `raw`) for the next read, unless this is the end of the input.
    fn decode(
        &mut self,
        raw: &mut [u8],
        len: usize,
        end_of_input: bool,
        out: &mut String,
    ) -> Result<(), StreamError> {
        let complete = if end_of_input {
            len
        } else {
            complete_prefix_len(&raw[..len])
        };
        let mut bytes = &raw[..complete];
        // After an invalid sequence, the rest is checked by the standard check alone, which
        // stops at the next one: the SIMD check reads all of it each time, which would make
        // a read full of invalid bytes take quadratic time.
        let mut checked = validate_utf8(bytes);
        loop {
            match checked {
                Ok(text) => {
                    out.push_str(text);
                    self.offset += bytes.len() as u64;
                    break;
                }
                Err(error) => {
                    let valid = error.valid_up_to();
                    // The prefix is valid: this second look at it is only on the error path.
                    out.push_str(std::str::from_utf8(&bytes[..valid]).unwrap_or_default());
                    self.offset += valid as u64;
                    if self.mode == Utf8Mode::Strict {
                        return Err(InvalidUtf8Error::new(self.offset).into());
                    }
                    let invalid = error.error_len().unwrap_or(bytes.len() - valid);
                    out.push(char::REPLACEMENT_CHARACTER);
                    self.replaced += 1;
                    self.offset += invalid as u64;
                    bytes = &bytes[valid + invalid..];
                    checked = std::str::from_utf8(bytes);
                }
            }
        }
        raw.copy_within(complete..len, 0);
        self.carried = len - complete;
        Ok(())
    }
}

/// `bytes` as text if they are valid UTF-8, else where and why not, as
/// [`std::str::from_utf8`] tells. Checked first with SIMD instructions (`simdutf8`, ten times
/// faster on Kazakh text, where almost every character is two bytes long, than the standard
/// check, which took a quarter of the time of streaming Cyrillic -> tote); only invalid
/// input is looked at again, by the standard check, for the error. (Once: see
/// [`Utf8Decoder::decode`] for what follows an error.)
fn validate_utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes))
}

/// The offset after the last line feed in `text[from..to]`.
fn last_line_end(text: &str, from: usize, to: usize) -> Option<usize> {
    text.as_bytes()[from..to]
        .iter()
        .rposition(|&b| b == b'\n')
        .map(|at| from + at + 1)
}

/// The last offset in `from + 1..=to` where `text` can be cut inside a line (see the module
/// docs; `letter_runs`: for a [`HamzaScope::EachLetterRun`] style). Only
/// `text[..to + LOOKAHEAD]` (within `text`) is looked at after a cut.
fn last_safe_cut(
    text: &str,
    target: Script,
    from: usize,
    to: usize,
    letter_runs: bool,
) -> Option<usize> {
    let bytes = text.as_bytes();
    (from + 1..=to)
        .rev()
        .filter(|&at| text.is_char_boundary(at))
        .find(|&at| match target {
            Script::Arabic if letter_runs => is_safe_letter_run_cut(bytes, at),
            Script::Arabic => is_safe_cyrillic_cut(text, at),
            Script::Cyrillic => matches!(bytes[at - 1], b' ' | b'\t') && is_safe_tote_cut(text, at),
        })
}

/// Cyrillic -> tote in a [`HamzaScope::EachLetterRun`] style: whether `text` can be cut at
/// `at` (`at > 0`): right after ASCII white space, which ends a part of text and every rule
/// that looks at a character's neighbours (a comma between digits, `No.`, `Аллаһ`, `е` after
/// a vowel). Other white space, `»` and the rest do not end a part.
fn is_safe_letter_run_cut(bytes: &[u8], at: usize) -> bool {
    matches!(bytes[at - 1], b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// Cyrillic -> tote: whether `text` can be cut at `at` (a character boundary, `at > 0`).
fn is_safe_cyrillic_cut(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].chars().next_back() else {
        return false;
    };
    if before.is_whitespace() {
        return true;
    }
    // Ends every URL token; the next character must exist and not start a token.
    matches!(before, '<' | '>' | '"' | '»')
        && text[at..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii_alphanumeric())
}

/// Tote -> Cyrillic: whether `text` can be cut at `at`, right after a space or tab: when
/// only spaces and tabs stand between the cut and a mark of punctuation that ends a sentence
/// or a clause (not a comma: a word between two names of a list takes a capital from the
/// words on both sides of it), and no dash follows them (a dash after a stop brings the
/// author's words in lower case, a decision that looks back at the mark).
fn is_safe_tote_cut(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches([' ', '\t']);
    let Some(mark) = head.chars().next_back() else {
        return false;
    };
    let next = text[at..].trim_start_matches([' ', '\t']).chars().next();
    if next.is_none_or(|c| matches!(c, '-' | '–' | '—')) {
        return false;
    }
    if mark == '.' {
        // The stop after a line's first word may be a dateline's, whose story starts with a
        // capital (`استانا. قازاقپارات - جاقىندا` -> `Астана. Қазақпарат - Жақында`).
        if to_cyrillic::is_dateline_place(&head[..head.len() - 1]) {
            return false;
        }
        // The stop of a one-letter word may be an initial's, which takes a capital when a
        // name follows (`ج. ەلەبەكوۆ` -> `Ж. Елебеков`). (Letters of the Arabic script only,
        // as the converter reads words: a Cyrillic or Latin word glued before one passes
        // through, `Бізت.`.)
        let letters = head[..head.len() - 1]
            .chars()
            .rev()
            .take_while(|&c| c.is_alphabetic() && u32::from(c) >= 0x0600)
            .filter(|&c| c != crate::orthography::letters::tote::HAMZA)
            .take(2)
            .count();
        return letters != 1;
    }
    // (`.` returned above.)
    to_cyrillic::ends_sentence_or_clause(mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_converted_with_the_wrong_sentence_state_is_converted_again() {
        let converter = Converter::new(crate::Style::Kazinform);
        let mut order = Reorder::new(&converter, Script::Cyrillic);
        let done = |index, sentence_start, text: &str| {
            let mut pieces = PieceConverter::new(&converter, Script::Cyrillic);
            pieces.sentence_start = sentence_start;
            let mut out = String::new();
            pieces.convert(text, &mut out);
            Done {
                index,
                sentence_start,
                sentence_end: pieces.sentence_start,
                text: text.to_owned(),
                out,
            }
        };
        // The second piece was assumed to start a sentence; the first ends with a word.
        assert!(order.push(done(1, true, "قازاق ءتىلى")).is_empty());
        let ready = order.push(done(0, true, "ءبىز "));
        let outputs: Vec<String> = ready.into_iter().map(|(_, out)| out).collect();
        assert_eq!(outputs.concat(), "Біз қазақ тілі");
    }

    #[test]
    fn tote_cuts_are_after_punctuation_and_spaces_only() {
        let safe = |before: &str, after: &str| {
            let text = format!("{before}{after}");
            is_safe_tote_cut(&text, before.len())
        };
        assert!(safe("ول قازاق. ", "ءتىلى"));
        assert!(safe("قازاق؛ ", "ۇلى"));
        // A list of names goes on after a comma: `Талас, Ертіс, Сыр`.
        assert!(!safe("تالاس، ", "ەرتىس، سىر، ىلە"));
        assert!(safe("قازاق؟ \t ", "1969 -جىلى"));
        // A name may go on in the next word; joints, abbreviations, years, patronyms.
        assert!(!safe("قازاق ", "ءتىلى"));
        assert!(!safe("ج. ", "ەلەبەكوۆ"));
        assert!(!safe("ءا. ", "توقومباەۆ"));
        assert!(safe("ول جەر. ", "ەلەبەكوۆ"));
        // A line's first word and a stop may be a dateline's place (`استانا. قازاقپارات -`).
        assert!(!safe("استانا. ", "قازاقپارات - جاقىندا"));
        assert!(!safe("2023-11 استانا. ", "KAZINFORM"));
        assert!(!safe("سونداي- ", "اق"));
        assert!(!safe("ي ", "ى ۇ"));
        assert!(!safe("1969 ", "-جىلى"));
        assert!(!safe("قابىش ", "ۇلى"));
    }

    #[test]
    fn cyrillic_cuts_are_after_whitespace_or_token_ends() {
        let text = "сөз «сөз»<b>x»1 ";
        let cuts: Vec<usize> = (1..=text.len())
            .filter(|&at| text.is_char_boundary(at) && is_safe_cyrillic_cut(text, at))
            .collect();
        let after: Vec<&str> = cuts.iter().map(|&at| &text[..at]).collect();
        assert_eq!(after, ["сөз ", "сөз «сөз»", "сөз «сөз»<b>x»1 "]);
    }
}
