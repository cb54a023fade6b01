//! Crash recovery: unsaved work written every few seconds to the app's data folder, and offered
//! back on the next start.
//!
//! Each dataset has its own recovery file, `recovery-<hash>.ron` (a dataset in the usual
//! format), with `recovery-<hash>.path` beside it naming the dataset it belongs to (empty for
//! one never saved). Both are private to the user (mode 0600). An encrypted dataset's are
//! encrypted to its key, `recovery-<hash>.ron.age` and `recovery-<hash>.path.age`, so that
//! neither its records nor its name are on disk in clear; they are offered back when the
//! dataset is opened with its passphrase.

use std::cell::Cell;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::SystemTime;

use super::atomic::{Failure, write_atomically, write_atomically_streamed};
use super::encryption::Key;
use super::ron_format::{StreamError, write_ron_with};
use super::{LoadError, SaveError, SaveStep, load_file};
use crate::model::Dataset;

/// A recovery file found on start.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovery {
    /// The recovery file itself.
    pub file: PathBuf,
    /// The dataset it belongs to; `None` for one that was never saved.
    pub dataset_path: Option<PathBuf>,
    /// When it was written.
    pub written: SystemTime,
    /// Whether it is encrypted (to its dataset's key).
    pub encrypted: bool,
}

impl Recovery {
    /// Reads the recovered dataset (an encrypted one needs its dataset's key).
    pub fn load(&self) -> Result<Dataset, LoadError> {
        load_file(&self.file)
    }

    /// Reads the recovered dataset, decrypting it with `key` when it is encrypted.
    pub fn load_with(&self, key: Option<&Key>) -> Result<Dataset, LoadError> {
        super::load_protected(&self.file, key, &super::Progress::default())
    }

    /// Deletes the recovery file and its companion.
    pub fn discard(&self) {
        let _ = fs::remove_file(&self.file);
        let _ = fs::remove_file(companion(&self.file));
    }
}

/// FNV-1a: a stable hash (the same in every build) of the dataset's path, naming its recovery file.
fn stable_hash(text: &str) -> u64 {
    text.bytes()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// The recovery file for a dataset (or for the one never saved, when `dataset_path` is `None`).
pub fn recovery_file(dir: &Path, dataset_path: Option<&Path>) -> PathBuf {
    recovery_file_of(dir, dataset_path, false)
}

/// The recovery file for a dataset, encrypted (`.ron.age`) or not.
fn recovery_file_of(dir: &Path, dataset_path: Option<&Path>, encrypted: bool) -> PathBuf {
    let key = dataset_path.map_or_else(String::new, |path| path.display().to_string());
    let extension = if encrypted { "ron.age" } else { "ron" };
    dir.join(format!("recovery-{:016x}.{extension}", stable_hash(&key)))
}

/// The file beside a recovery file naming its dataset: `.path`, or `.path.age` when encrypted.
fn companion(file: &Path) -> PathBuf {
    let name = file.file_name().map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    match name.strip_suffix(".ron.age") {
        Some(stem) => file.with_file_name(format!("{stem}.path.age")),
        None => file.with_extension("path"),
    }
}

/// Writes the recovery file for a dataset, atomically.
pub fn write_recovery(dir: &Path, dataset_path: Option<&Path>, dataset: &Dataset) -> Result<(), SaveError> {
    write_recovery_with(dir, dataset_path, dataset, &Dataset::default())
}

/// Writes the recovery file for a dataset with the records of `drafts` put in, atomically.
pub fn write_recovery_with(
    dir: &Path,
    dataset_path: Option<&Path>,
    dataset: &Dataset,
    drafts: &Dataset,
) -> Result<(), SaveError> {
    write_recovery_unless_stopped(dir, dataset_path, dataset, drafts, None, &|| false).map(|_| ())
}

/// [`write_recovery_with`], encrypted to `key` (the dataset's): the recovery file, the file
/// naming its dataset, and the temporary file of each only ever hold encrypted bytes.
pub fn write_encrypted_recovery(
    dir: &Path,
    dataset_path: Option<&Path>,
    dataset: &Dataset,
    drafts: &Dataset,
    key: &Key,
) -> Result<(), SaveError> {
    write_recovery_unless_stopped(dir, dataset_path, dataset, drafts, Some(key), &|| false).map(|_| ())
}

/// [`write_recovery_with`], the text streamed into the file a piece at a time (never whole in
/// memory), with the file naming its dataset beside it. When `stop` says stop first, the
/// recovery file before stays as it was, and the answer is `false`.
fn write_recovery_unless_stopped(
    dir: &Path,
    dataset_path: Option<&Path>,
    dataset: &Dataset,
    drafts: &Dataset,
    key: Option<&Key>,
    stop: &dyn Fn() -> bool,
) -> Result<bool, SaveError> {
    let file = recovery_file_of(dir, dataset_path, key.is_some());
    fs::create_dir_all(dir).map_err(|source| SaveError::Write {
        path: file.clone(),
        action: SaveStep::CreateFolder(dir.to_owned()),
        source,
    })?;
    let path_text = dataset_path.map_or_else(String::new, |path| path.display().to_string());
    write_companion(&companion(&file), &path_text, key)?;
    let stopped = Cell::new(false);
    let write = |out: &mut dyn std::io::Write| match key {
        None => write_ron_with(dataset, drafts, out, stop),
        Some(key) => {
            let mut encrypted = key.encrypt_into(out).map_err(StreamError::Io)?;
            write_ron_with(dataset, drafts, &mut encrypted, stop)?;
            encrypted.finish().map(drop).map_err(StreamError::Io)
        }
    };
    let written = write_atomically_streamed(&file, false, |out| match write(out) {
        Ok(()) => Ok(()),
        Err(StreamError::Io(source)) => Err(Failure::Io(source)),
        Err(StreamError::Stopped) => {
            stopped.set(true);
            Err(Failure::Io(std::io::Error::other("stopped")))
        }
        Err(StreamError::Ron(error)) => {
            Err(Failure::Save(SaveError::Serialize { path: file.clone(), message: error.to_string() }))
        }
    });
    match written {
        Err(_) if stopped.get() => Ok(false),
        written => {
            if written.is_ok() && key.is_some() {
                // Work recovered before the dataset was encrypted is in the encrypted file now.
                let plain = recovery_file_of(dir, dataset_path, false);
                let _ = fs::remove_file(companion(&plain));
                let _ = fs::remove_file(plain);
            }
            written.map(|()| true)
        }
    }
}

/// Writes the file naming a recovery file's dataset, encrypted to `key` when one is given.
fn write_companion(path: &Path, path_text: &str, key: Option<&Key>) -> Result<(), SaveError> {
    let Some(key) = key else { return write_atomically(path, path_text.as_bytes(), false) };
    write_atomically_streamed(path, false, |out| {
        let mut encrypted = key.encrypt_into(out).map_err(Failure::Io)?;
        encrypted.write_all(path_text.as_bytes()).map_err(Failure::Io)?;
        encrypted.finish().map(drop).map_err(Failure::Io)
    })
}

/// The encrypted recovery file of the dataset at `dataset_path`, when its key opens it and it
/// is newer than the dataset (one older is removed).
pub fn find_encrypted_recovery(dir: &Path, dataset_path: &Path, key: &Key) -> Option<Recovery> {
    let file = recovery_file_of(dir, Some(dataset_path), true);
    let written = fs::metadata(&file).and_then(|m| m.modified()).ok()?;
    let named = super::encryption::read_decrypted(&companion(&file), key).ok()?;
    if named.as_slice() != dataset_path.display().to_string().as_bytes() {
        return None;
    }
    let recovery = Recovery { file, dataset_path: Some(dataset_path.to_owned()), written, encrypted: true };
    let dataset_written = fs::metadata(dataset_path).and_then(|m| m.modified()).ok();
    if dataset_written.is_some_and(|saved| written <= saved) {
        recovery.discard();
        return None;
    }
    Some(recovery)
}

/// How many encrypted recovery files wait in `dir` (each is offered when its dataset is opened
/// with its passphrase; what they belong to cannot be known without it).
pub fn count_encrypted_recoveries(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else { return 0 };
    entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.starts_with("recovery-") && name.ends_with(".ron.age")
        })
        .count()
}

/// Removes the recovery file of a dataset, once its work is saved or discarded.
pub fn remove_recovery(dir: &Path, dataset_path: Option<&Path>) {
    for encrypted in [false, true] {
        let file = recovery_file_of(dir, dataset_path, encrypted);
        let _ = fs::remove_file(companion(&file));
        let _ = fs::remove_file(&file);
    }
}

/// The recovery files in `dir` that are newer than their datasets, newest first. One whose
/// dataset was saved after it is stale and is removed.
pub fn find_recoveries(dir: &Path) -> Vec<Recovery> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<Recovery> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .filter(|path| path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("recovery-")))
        .filter_map(|file| {
            let written = fs::metadata(&file).and_then(|m| m.modified()).ok()?;
            let path_text = fs::read_to_string(file.with_extension("path")).unwrap_or_default();
            let dataset_path = (!path_text.is_empty()).then(|| PathBuf::from(path_text));
            Some(Recovery { file, dataset_path, written, encrypted: false })
        })
        .filter(|recovery| {
            let dataset_written = recovery
                .dataset_path
                .as_ref()
                .and_then(|path| fs::metadata(path).and_then(|m| m.modified()).ok());
            let fresh = dataset_written.is_none_or(|saved| recovery.written > saved);
            if !fresh {
                recovery.discard();
            }
            fresh
        })
        .collect();
    found.sort_by_key(|recovery| std::cmp::Reverse(recovery.written));
    found
}

/// A temporary file this old in the recovery folder was left by a run that was killed while
/// writing (another window's write in progress is younger).
const LEFT_OVER_AFTER: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Removes the hidden temporary files (`.recovery-….tmp`) that runs killed part way through a
/// write left in `dir`, when they are older than `age`. A large dataset's can be gigabytes.
fn remove_left_over_temporaries(dir: &Path, age: std::time::Duration) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let named = entry.file_name().to_string_lossy().starts_with(".recovery-");
        let temporary = named && path.extension().is_some_and(|extension| extension == "tmp");
        let old = entry
            .metadata()
            .and_then(|metadata| metadata.modified())
            .is_ok_and(|modified| modified.elapsed().is_ok_and(|elapsed| elapsed >= age));
        if temporary && old {
            let _ = fs::remove_file(&path);
        }
    }
}

/// A job for the writer thread.
enum Job {
    /// Write this dataset, with these drafts put in, as the recovery file of this dataset; the
    /// write stops when the generation of [`Holding::stop`] moves past this one.
    Write(Option<PathBuf>, Arc<Dataset>, Box<Dataset>, u64, Option<Arc<Key>>),
    /// Remove the recovery file of this dataset.
    Remove(Option<PathBuf>),
}

impl Job {
    fn dataset_path(&self) -> Option<&PathBuf> {
        match self {
            Self::Write(path, ..) | Self::Remove(path) => path.as_ref(),
        }
    }
}

/// Writes and removes recovery files on a background thread, in the order asked, so the window
/// never waits for the disk and a removal is never undone by an older write.
///
/// Dropping the writer waits for the jobs asked for, so none is left half-done.
pub struct RecoveryWriter {
    requests: Option<Sender<Job>>,
    failures: Receiver<SaveError>,
    thread: Option<thread::JoinHandle<()>>,
    holding: Arc<Holding>,
}

/// Whether the writer holds the records, shared with the document, and the word to let go.
#[derive(Default)]
struct Holding {
    /// Set while a write job is on its way or being written: an edit then would copy every
    /// record.
    records: AtomicBool,
    /// Moved on to ask the write under way to stop.
    stop: AtomicU64,
}

impl RecoveryWriter {
    /// Starts the writer thread for recovery files in `dir`.
    pub fn spawn(dir: PathBuf) -> std::io::Result<Self> {
        let (requests, incoming) = mpsc::channel::<Job>();
        let (report, failures) = mpsc::channel();
        let holding = Arc::new(Holding::default());
        let held = Arc::clone(&holding);
        let thread = thread::Builder::new().name("recovery-writer".to_owned()).spawn(move || {
            remove_left_over_temporaries(&dir, LEFT_OVER_AFTER);
            while let Ok(first) = incoming.recv() {
                let jobs: Vec<Job> = std::iter::once(first).chain(incoming.try_iter()).collect();
                // A snapshot followed by a newer job for the same dataset is out of date.
                let current: Vec<bool> = (0..jobs.len())
                    .map(|i| {
                        !jobs[i + 1..].iter().any(|later| later.dataset_path() == jobs[i].dataset_path())
                    })
                    .collect();
                for (job, current) in jobs.into_iter().zip(current) {
                    if let Err(error) = do_job(&dir, job, current, &held) {
                        let _ = report.send(error);
                    }
                }
            }
        })?;
        Ok(Self { requests: Some(requests), failures, thread: Some(thread), holding })
    }

    /// Asks for the dataset, with the records of `drafts` put in, to be written (encrypted to
    /// `key` when the dataset is encrypted). The dataset is shared, not copied, until its file
    /// is written; [`Self::let_go`] stops that before an edit. Returns `false`, asking nothing,
    /// while a write still holds the records: ask again later.
    pub fn write(
        &self,
        dataset_path: Option<PathBuf>,
        dataset: Arc<Dataset>,
        drafts: Dataset,
        key: Option<Arc<Key>>,
    ) -> bool {
        if self.holding.records.swap(true, Ordering::SeqCst) {
            return false;
        }
        let generation = self.holding.stop.load(Ordering::SeqCst);
        self.send(Job::Write(dataset_path, dataset, Box::new(drafts), generation, key));
        true
    }

    /// Stops a write that holds the records (its file not yet written) and waits until it has let
    /// go of them, so that an edit changes them in place instead of copying them all. Returns
    /// whether a write was stopped (it is to be asked for again).
    pub fn let_go(&self) -> bool {
        if !self.holding.records.load(Ordering::SeqCst) {
            return false;
        }
        self.holding.stop.fetch_add(1, Ordering::SeqCst);
        let started = std::time::Instant::now();
        // The writer looks before each piece of text; a stuck disk is not waited for long.
        while self.holding.records.load(Ordering::SeqCst) && started.elapsed() < LET_GO_WAIT {
            thread::sleep(std::time::Duration::from_millis(1));
        }
        true
    }

    /// Asks for the recovery file of a dataset to be removed.
    pub fn remove(&self, dataset_path: Option<PathBuf>) {
        self.send(Job::Remove(dataset_path));
    }

    fn send(&self, job: Job) {
        if let Some(requests) = &self.requests {
            let _ = requests.send(job);
        }
    }

    /// The newest failure since the last call, if any.
    pub fn last_failure(&self) -> Option<SaveError> {
        self.failures.try_iter().last()
    }
}

/// How long an edit waits at most for the writer to let go of the records.
const LET_GO_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// Does one job on the writer thread: a write out of date (`current` false) only lets go of its
/// records; a write lets go of them once the file is written, or once it is asked to stop.
fn do_job(dir: &Path, job: Job, current: bool, holding: &Holding) -> Result<(), SaveError> {
    match job {
        Job::Write(path, dataset, drafts, generation, key) => {
            let stop = || holding.stop.load(Ordering::SeqCst) != generation;
            let written = if current {
                let key = key.as_deref();
                write_recovery_unless_stopped(dir, path.as_deref(), &dataset, &drafts, key, &stop).map(|_| ())
            } else {
                Ok(())
            };
            drop(dataset);
            holding.records.store(false, Ordering::SeqCst);
            written
        }
        Job::Remove(path) => {
            remove_recovery(dir, path.as_deref());
            Ok(())
        }
    }
}

impl Drop for RecoveryWriter {
    fn drop(&mut self) {
        self.requests = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_lets_go_of_the_records_before_an_edit_and_the_next_write_is_whole() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let writer = RecoveryWriter::spawn(dir.path().to_owned()).expect("the writer starts");
        let options = crate::generate::GenerateOptions { incidents: 20_000, rallies: 0, seed: 1 };
        let dataset = Arc::new(crate::generate::generate(options));
        assert!(writer.write(None, Arc::clone(&dataset), Dataset::default(), None));
        assert!(!writer.write(None, Arc::clone(&dataset), Dataset::default(), None), "one write at a time");
        assert!(writer.let_go(), "the write held the records");
        assert_eq!(Arc::strong_count(&dataset), 1, "an edit now changes them in place");
        assert!(!writer.let_go(), "nothing is held any more");
        assert!(writer.write(None, Arc::clone(&dataset), Dataset::default(), None));
        drop(writer);
        let found = find_recoveries(dir.path());
        assert_eq!(found.len(), 1);
        let mut expected = (*dataset).clone();
        expected.sort_by_id();
        assert!(found[0].load().expect("loads") == expected, "the recovery file holds the records");
    }

    #[test]
    fn a_recovery_write_stopped_leaves_the_file_before_and_nothing_else() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let sample = crate::store::load_sample().expect("the sample loads");
        write_recovery(dir.path(), None, &sample).expect("writes");
        let file = recovery_file(dir.path(), None);
        let before = fs::read(&file).expect("read");
        let options = crate::generate::GenerateOptions { incidents: 300, rallies: 0, seed: 1 };
        let newer = crate::generate::generate(options);
        let written =
            write_recovery_unless_stopped(dir.path(), None, &newer, &Dataset::default(), None, &|| true);
        assert!(matches!(written, Ok(false)), "{written:?}");
        assert!(fs::read(&file).expect("read") == before, "the file before stays");
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 2, "the file and its .path only");
    }

    #[test]
    fn a_recovery_file_is_found_until_its_dataset_is_saved_after_it() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let data = dir.path().join("data.ron");
        std::fs::write(&data, "old").expect("write");
        std::thread::sleep(std::time::Duration::from_millis(20));
        write_recovery(dir.path(), Some(&data), &Dataset::default()).expect("writes");
        let found = find_recoveries(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].dataset_path.as_deref(), Some(data.as_path()));
        assert_eq!(found[0].load().expect("loads"), Dataset::default());

        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&data, "saved later").expect("write");
        assert!(find_recoveries(dir.path()).is_empty(), "stale once the dataset is newer");
        assert!(!recovery_file(dir.path(), Some(&data)).exists(), "the stale file is removed");
    }

    #[test]
    fn temporary_files_left_by_a_killed_run_are_removed_and_recent_ones_kept() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let left = dir.path().join(".recovery-0123.ron.AbCdEf.tmp");
        let recent = dir.path().join(".recovery-4567.ron.GhIjKl.tmp");
        let other = dir.path().join(".notes.tmp");
        for file in [&left, &recent, &other] {
            fs::write(file, "part of a dataset").expect("write");
        }
        let an_hour_ago = SystemTime::now() - std::time::Duration::from_secs(3600);
        for file in [&left, &other] {
            fs::File::options()
                .write(true)
                .open(file)
                .expect("open")
                .set_modified(an_hour_ago)
                .expect("dated");
        }
        remove_left_over_temporaries(dir.path(), LEFT_OVER_AFTER);
        assert!(!left.exists(), "the old temporary file is removed");
        assert!(recent.exists(), "a write in progress is left alone");
        assert!(other.exists(), "files that are not the app's are left alone");
    }

    #[test]
    fn recovery_files_are_private_to_the_user() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temporary folder");
        write_recovery(dir.path(), None, &Dataset::default()).expect("writes");
        let mode = fs::metadata(recovery_file(dir.path(), None)).expect("exists").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
