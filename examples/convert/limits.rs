//! The sizes that decide how `convert` reads, converts and shows its inputs.

/// Inputs larger than this in total get a progress bar (when stderr is a terminal).
pub(crate) const PROGRESS_MIN_BYTES: u64 = 8 * 1024 * 1024;

/// How much of each input is read ahead to detect its script and guess its style.
pub(crate) const HEAD_BYTES: usize = 64 * 1024;

/// Inputs larger than this (or of unknown size and longer than [`HEAD_BYTES`]) are converted
/// on all cores.
pub(crate) const PARALLEL_MIN_BYTES: u64 = 4 * 1024 * 1024;

/// The pieces the parallel conversion hands to its threads.
pub(crate) const PARALLEL_CHUNK_BYTES: usize = 1024 * 1024;

/// The buffer of line reading (`--pairs`) and of copying letterless input.
pub(crate) const BUFFER_BYTES: usize = 64 * 1024;
