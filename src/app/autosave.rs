//! Writes unsaved work to a recovery file a few seconds after it changes, off the UI thread.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::edit::Document;
use crate::model::Dataset;
use crate::store::RecoveryWriter;

/// How soon a write is asked for again while the last one still holds the records.
const RETRY: Duration = Duration::from_millis(250);

/// The autosave state: where recovery files go, and what was last written.
pub struct Autosave {
    dir: Option<PathBuf>,
    writer: Option<RecoveryWriter>,
    delay: Duration,
    seen: Option<(u64, u64)>,
    changed_at: Option<Instant>,
    written: Option<(u64, u64)>,
}

impl Autosave {
    /// Autosaves into `dir` (none when `None`), `delay` after the last change.
    pub fn new(dir: Option<PathBuf>, delay: Duration) -> Self {
        let writer = dir.clone().and_then(|dir| RecoveryWriter::spawn(dir).ok());
        Self { dir, writer, delay, seen: None, changed_at: None, written: None }
    }

    /// The folder recovery files go into.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Called every frame. `drafts` is a fingerprint of the forms' unsaved changes, and
    /// `draft_records` gives those changes as records to put into the dataset written. Returns
    /// how long until a write is due, so the app can wake up for it.
    pub fn tick(
        &mut self,
        document: &Document,
        drafts: u64,
        file: Option<&Path>,
        draft_records: impl FnOnce() -> Dataset,
    ) -> Option<Duration> {
        let key = (document.revision(), drafts);
        if !document.is_modified() && drafts == 0 {
            self.seen = Some(key);
            return None;
        }
        if self.seen != Some(key) {
            self.seen = Some(key);
            self.changed_at = Some(Instant::now());
        }
        let changed_at = self.changed_at?;
        if self.written == Some(key) {
            return None;
        }
        let waited = changed_at.elapsed();
        if waited < self.delay {
            return Some(self.delay.saturating_sub(waited));
        }
        if let Some(writer) = &self.writer
            && !writer.write(file.map(Path::to_owned), document.shared(), draft_records())
        {
            // The last write still holds the records: this one is asked for again soon.
            return Some(RETRY);
        }
        self.written = Some(key);
        None
    }

    /// Stops a recovery write that still holds the records, before an edit changes them (the
    /// write is asked for again afterwards), so the edit does not copy every record.
    pub fn let_go(&mut self) {
        if let Some(writer) = &self.writer
            && writer.let_go()
        {
            self.written = None;
        }
    }

    /// The newest failure to write a recovery file, if any.
    pub fn last_failure(&self) -> Option<String> {
        self.writer.as_ref().and_then(RecoveryWriter::last_failure).map(|error| error.to_string())
    }

    /// Removes the recovery file of `file`, once its work is saved or deliberately discarded.
    pub fn forget(&mut self, file: Option<&Path>) {
        if let Some(writer) = &self.writer {
            writer.remove(file.map(Path::to_owned));
        }
        self.written = None;
    }
}
