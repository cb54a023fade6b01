//! Atomic file writing: a temporary file beside the target, flushed and synced, then renamed
//! over it, so a reader (or a crash) sees the old file or the new one, never a mix.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{SaveError, SaveStep};

/// Writes `bytes` to `path` atomically. When `keep_backup` is set and `path` exists, the
/// previous file is kept as `path.bak` first.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    write_atomically_with(path, bytes, keep_backup, |file, bytes| file.write_all(bytes))
}

/// [`write_atomically`], with the bytes written into the temporary file by `write`: the seam
/// the fault tests use to make the disk fill up part way.
pub fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    write: impl FnOnce(&mut dyn Write, &[u8]) -> io::Result<()>,
) -> Result<(), SaveError> {
    write_atomically_streamed(path, keep_backup, |file| write(file, bytes).map_err(Failure::Io))
}

/// Why what was being written into the temporary file stopped.
#[derive(Debug)]
pub enum Failure {
    /// The file could not take it (or the save was cancelled).
    Io(io::Error),
    /// The data could not be made: the error as the save reports it.
    Save(SaveError),
}

/// [`write_atomically`], with the file's content written by `write` into the temporary file a
/// piece at a time, so a large file is never whole in memory. A write that fails leaves the old
/// file as it was, and no temporary file.
pub fn write_atomically_streamed(
    path: &Path,
    keep_backup: bool,
    write: impl FnOnce(&mut dyn Write) -> Result<(), Failure>,
) -> Result<(), SaveError> {
    let fail = |action: SaveStep| {
        move |source: io::Error| SaveError::Write { path: path.to_owned(), action, source }
    };
    let dir = parent_dir(path);
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", file_name(path)))
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(fail(SaveStep::CreateTemporary(dir.clone())))?;
    if let Ok(metadata) = fs::metadata(path) {
        // Keep the permissions the user gave the file; new files stay private to the user.
        temp.as_file().set_permissions(metadata.permissions()).map_err(fail(SaveStep::CopyPermissions))?;
    }
    let mut counting =
        Counting { file: io::BufWriter::with_capacity(1 << 20, temp.as_file_mut()), written: 0 };
    let written = write(&mut counting).and_then(|()| counting.file.flush().map_err(Failure::Io));
    match written {
        Ok(()) => {}
        Err(Failure::Io(source)) => return Err(fail(SaveStep::Write(counting.written))(source)),
        Err(Failure::Save(error)) => return Err(error),
    }
    drop(counting);
    temp.flush().map_err(fail(SaveStep::Flush))?;
    temp.as_file().sync_all().map_err(fail(SaveStep::Sync))?;
    if keep_backup && path.exists() {
        keep_previous_version(path).map_err(fail(SaveStep::Backup(backup_path(path))))?;
    }
    temp.persist(path).map_err(|error| error.error).map_err(fail(SaveStep::Replace))?;
    sync_dir(&dir);
    Ok(())
}

/// A file being written, with how many bytes were given to it.
struct Counting<W> {
    file: W,
    written: usize,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.file.write(bytes)?;
        self.written += written;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Where the previous version of `path` is kept: `FILE.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// Makes `FILE.bak` the current `FILE`, atomically: a hard link (or, where links are not
/// supported, a copy) under a temporary name, renamed into place.
fn keep_previous_version(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    let staging = parent_dir(path).join(format!(".{}.bak.tmp", file_name(path)));
    let _ = fs::remove_file(&staging);
    if fs::hard_link(path, &staging).is_err() {
        fs::copy(path, &staging)?;
    }
    fs::rename(&staging, &backup)
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| "dataset".to_owned(), |name| name.to_string_lossy().into_owned())
}

/// Makes the rename itself durable. Where directories cannot be synced, the rename is still
/// atomic, only perhaps not yet on disk, so failure here is not an error.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}
