//! The store: the only module that touches files.
//!
//! It loads and saves datasets as RON (atomically, keeping a backup), and writes CSV exports.
//! Loading never panics and never writes; every error says what went wrong and where.

mod atomic;
mod chart_export;
mod csv_export;
mod cut;
mod encryption;
mod error;
mod fast_ron;
#[doc(hidden)]
pub mod fuzzing;
mod map_export;
mod progress;
mod recovery;
mod ron_format;
mod ron_writer;
#[cfg(unix)]
mod split_read;
mod with_progress;

use std::fs;
use std::path::{Path, PathBuf};

pub use atomic::{backup_path, write_atomically_with};
pub use chart_export::{
    breakdown_csv, chart_csv, export_breakdown_csv, export_chart_csv, export_document, export_png, export_svg,
};
pub use csv_export::export_csv;
pub use encryption::{
    EncryptionProblem, Key, MAX_WORK_FACTOR, WORK_FACTOR, decrypted_path, encrypted_path, is_encrypted,
    key_path, passphrase_from_file, recipients_path, remove_dataset_files, starts_encrypted, unlock,
    write_key_files,
};
pub use error::{CutInside, LoadError, SaveError, SaveStep};
pub use map_export::{PointOf, export_map_csv, map_csv};
pub use progress::{Progress, Stage};
pub use recovery::{
    Recovery, RecoveryWriter, count_encrypted_recoveries, find_encrypted_recovery, find_recoveries,
    recovery_file, remove_recovery, write_encrypted_recovery, write_recovery,
};
pub use ron_format::{from_ron, to_ron, to_ron_with};
pub use with_progress::{load_file_with_progress, load_protected, save_file_with_progress, save_protected};

use crate::model::Dataset;

/// Files larger than this (2 GiB) are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// The sample dataset built from the seed articles, embedded in the binary.
pub const SAMPLE_RON: &str = include_str!("../../assets/sample.ron");

/// The name shown for the embedded sample, which has no file of its own.
pub const SAMPLE_NAME: &str = "sample.ron (built in)";

/// Reads the embedded sample dataset.
pub fn load_sample() -> Result<Dataset, LoadError> {
    from_ron(SAMPLE_RON.as_bytes(), Path::new(SAMPLE_NAME))
}

/// Reads a dataset file (an encrypted one is refused: [`load_protected`] reads it with its key),
/// a piece at a time, a large one by two readers at once.
pub fn load_file(path: &Path) -> Result<Dataset, LoadError> {
    load_protected(path, None, &Progress::default())
}

/// What a file was when last read or written: its size and change time. A different stamp
/// means another program changed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

/// The file's stamp now; `None` when it cannot be read (it is gone).
pub fn file_stamp(path: &Path) -> Option<FileStamp> {
    let metadata = fs::metadata(path).ok()?;
    Some(FileStamp { len: metadata.len(), modified: metadata.modified().ok() })
}

/// Reads a text file (an article) whole, refusing one over [`MAX_FILE_BYTES`]; `None` when it
/// is not text in UTF-8 (a byte-order mark is left off).
pub fn read_text_file(path: &Path) -> Result<Option<String>, LoadError> {
    let bytes = read_limited(path)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").map_or(bytes.clone(), <[u8]>::to_vec);
    if bytes.contains(&0) {
        return Ok(None);
    }
    Ok(String::from_utf8(bytes).ok())
}

/// Reads a CSV file (or any file to import) whole, refusing one over [`MAX_FILE_BYTES`].
pub fn read_import_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_limited(path)
}

/// Writes the dataset as JSON, for scripts and dashboards, atomically.
pub fn export_json(dataset: &Dataset, path: &Path) -> Result<(), SaveError> {
    let text = serde_json::to_vec_pretty(dataset)
        .map_err(|error| SaveError::Serialize { path: path.to_owned(), message: error.to_string() })?;
    atomic::write_atomically(path, &text, false)
}

/// A file's bytes, refusing one over [`MAX_FILE_BYTES`].
fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    with_progress::read_limited(path, &Progress::default())
}

/// Whether two paths name one file (the second may not exist yet: then compared as written).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Where the account of a shared copy goes: beside it, `OUT.left-out.txt`.
pub fn account_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().map_or_else(Default::default, std::ffi::OsStr::to_os_string);
    name.push(".left-out.txt");
    out.with_file_name(name)
}

/// Saves a copy to share at `out` and, beside it, the account of what it leaves out (each
/// atomically); returns where the account went.
pub fn save_shared_copy(copy: &Dataset, out: &Path, account: &str) -> Result<PathBuf, SaveError> {
    save_file(copy, out)?;
    let account_path = account_path(out);
    atomic::write_atomically(&account_path, account.as_bytes(), false)?;
    Ok(account_path)
}

/// Saves a dataset atomically, keeping the previous file as `FILE.bak`.
///
/// On failure the previous file is untouched and the caller still holds the data.
pub fn save_file(dataset: &Dataset, path: &Path) -> Result<(), SaveError> {
    save_file_with_progress(dataset, path, &Progress::default())
}

/// The path with `.ron` added when it has no extension, as a save dialog would.
pub fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() { path } else { path.with_extension("ron") }
}
