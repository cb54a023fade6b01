//! What can go wrong reading and writing files, said with what and where.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

pub use super::cut::CutInside;

/// A cut file, in words a researcher understands (English, for the command line).
fn cut_words(inside: &CutInside, backup: Option<&std::path::Path>) -> String {
    let stops = match inside {
        CutInside::Text { from_line } => {
            format!("the file ends in the middle of a text that starts at line {from_line}")
        }
        CutInside::Record { .. } => "the file ends in the middle of a record".to_owned(),
    };
    let backup = backup.map_or_else(
        || " (there is no backup beside it)".to_owned(),
        |backup| format!("; the backup {} may hold the last good version", backup.display()),
    );
    format!("{stops}: it looks cut off, by an interrupted copy, download or save{backup}")
}

/// A dataset file that could not be loaded. Loading never writes, so the file is untouched.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{path}: cannot read the file: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The file is larger than the app will load.
    #[error("{path}: the file is {size_bytes} bytes, more than the limit of {limit_bytes} bytes")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size_bytes: u64,
        /// The limit, [`super::MAX_FILE_BYTES`].
        limit_bytes: u64,
    },
    /// The file is not valid RON for a dataset, or not text at all.
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// The column, from 1, counted in characters.
        column: usize,
        /// What is wrong there.
        message: String,
    },
    /// The file stops before its end: an interrupted copy, download or sync.
    #[error("{path}:{line}:{column}: {}", cut_words(.inside, .backup.as_deref()))]
    Cut {
        /// The file.
        path: PathBuf,
        /// Where the parser met the end, from 1.
        line: usize,
        /// The column there, from 1, counted in characters.
        column: usize,
        /// What it stops in the middle of.
        inside: CutInside,
        /// The file's backup (`FILE.bak`), when there is one: it may hold the last good version.
        backup: Option<PathBuf>,
    },
    /// The file is RON but not a Repatriation Watch dataset.
    #[error("{path}: this is not a Repatriation Watch dataset (its format is \"{found}\")")]
    WrongFormat {
        /// The file.
        path: PathBuf,
        /// The format tag it carries.
        found: String,
    },
    /// The file was written by a newer version of the app.
    #[error(
        "{path}: the file is format version {found}, newer than this app reads (up to {supported}); \
         update Repatriation Watch to open it"
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The version it carries.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The file is encrypted and cannot be decrypted: no passphrase, a wrong one, a key for
    /// another file, or damaged bytes. Nothing of it is read.
    #[error("{path}: {problem}")]
    Encryption {
        /// The file.
        path: PathBuf,
        /// What stops it.
        problem: super::encryption::EncryptionProblem,
    },
    /// The file carries a version that never existed.
    #[error("{path}: the file has format version {found}, which does not exist")]
    UnknownVersion {
        /// The file.
        path: PathBuf,
        /// The version it carries.
        found: u32,
    },
}

impl LoadError {
    /// The line and column of the problem, where one applies.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::Syntax { line, column, .. } | Self::Cut { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }

    /// The message without the file name, for a dialog that shows the file already:
    /// "line 12, column 7: Expected comma".
    pub fn describe(&self) -> String {
        match self {
            Self::Syntax { line, column, message, .. } => format!("line {line}, column {column}: {message}"),
            Self::Cut { line, column, inside, backup, .. } => {
                format!("line {line}, column {column}: {}", cut_words(inside, backup.as_deref()))
            }
            other => {
                let text = other.to_string();
                let path = other.path().display().to_string();
                text.strip_prefix(&path).map_or(text.clone(), |rest| rest.trim_start_matches(": ").to_owned())
            }
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &PathBuf {
        match self {
            Self::Read { path, .. }
            | Self::TooLarge { path, .. }
            | Self::Syntax { path, .. }
            | Self::Cut { path, .. }
            | Self::WrongFormat { path, .. }
            | Self::TooNew { path, .. }
            | Self::UnknownVersion { path, .. }
            | Self::Encryption { path, .. } => path,
        }
    }
}

/// The step of a save that failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStep {
    /// Creating a folder.
    CreateFolder(PathBuf),
    /// Creating the temporary file in this folder.
    CreateTemporary(PathBuf),
    /// Giving the new file the old one's permissions.
    CopyPermissions,
    /// Writing the file; this many bytes were written when it failed.
    Write(usize),
    /// Flushing what was written.
    Flush,
    /// Syncing it to disk.
    Sync,
    /// Keeping the previous version at this path.
    Backup(PathBuf),
    /// Putting the new file in place of the old one.
    Replace,
}

impl std::fmt::Display for SaveStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::CreateFolder(dir) => write!(f, "create the folder {}", dir.display()),
            Self::CreateTemporary(dir) => write!(f, "create a temporary file in {}", dir.display()),
            Self::CopyPermissions => f.write_str("copy the file's permissions"),
            Self::Write(bytes) => write!(f, "write the file (it stopped after {bytes} bytes)"),
            Self::Flush => f.write_str("flush the written data"),
            Self::Sync => f.write_str("sync the written data to disk"),
            Self::Backup(path) => write!(f, "keep a backup at {}", path.display()),
            Self::Replace => f.write_str("replace the file with the new version"),
        }
    }
}

/// A file that could not be written. The previous file, if any, is left as it was.
#[derive(Debug, Error)]
pub enum SaveError {
    /// A step of the save failed.
    #[error("could not save {path}: cannot {action}: {source}")]
    Write {
        /// The file being saved.
        path: PathBuf,
        /// What was being done.
        action: SaveStep,
        /// Why it failed.
        source: io::Error,
    },
    /// The dataset could not be turned into text.
    #[error("could not save {path}: {message}")]
    Serialize {
        /// The file being saved.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}
