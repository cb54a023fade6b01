//! Writes unsaved work to a recovery file a few seconds after it changes, off the UI thread.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::edit::Document;
use crate::model::Dataset;
use crate::store::{Key, RecoveryWriter};

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

    /// Called every frame. `drafts` is a fingerprint of the forms' unsaved changes, `key` the
    /// encrypted dataset's (its recovery file is then encrypted too), and
    /// `draft_records` gives those changes as records to put into the dataset written. Returns
    /// how long until a write is due, so the app can wake up for it.
    pub fn tick(
        &mut self,
        document: &Document,
        drafts: u64,
        file: Option<&Path>,
        key: Option<&Arc<Key>>,
        draft_records: impl FnOnce() -> Dataset,
    ) -> Option<Duration> {
        let state = (document.revision(), drafts);
        if !document.is_modified() && drafts == 0 {
            self.seen = Some(state);
            return None;
        }
        if self.seen != Some(state) {
            self.seen = Some(state);
            self.changed_at = Some(Instant::now());
        }
        let changed_at = self.changed_at?;
        if self.written == Some(state) {
            return None;
        }
        let waited = changed_at.elapsed();
        if waited < self.delay {
            return Some(self.delay.saturating_sub(waited));
        }
        if let Some(writer) = &self.writer {
            let file = file.map(Path::to_owned);
            // A write still making the text of older work is out of date: it stops, and this
            // one takes its place, so the newest work is always the one on its way.
            writer.let_go();
            if !writer.write(file, document.shared(), draft_records(), key.cloned()) {
                // The last write did not let go in time: this one is asked for again soon.
                return Some(RETRY);
            }
        }
        self.written = Some(state);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Place};
    use crate::store::find_recoveries;

    fn drafts_with_place(name: &str) -> Dataset {
        let place = Place { id: Id::new("place-draft"), name: name.to_owned(), ..Place::default() };
        Dataset { places: vec![place], ..Dataset::default() }
    }

    #[test]
    fn a_change_while_a_write_is_under_way_is_the_one_left_on_disk() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let options = crate::generate::GenerateOptions { incidents: 20_000, rallies: 0, seed: 1 };
        let document = Document::new(crate::generate::generate(options));
        let mut autosave = Autosave::new(Some(dir.path().to_owned()), Duration::ZERO);
        autosave.tick(&document, 1, None, None, || drafts_with_place(""));
        // The first write is still making the text of twenty thousand records.
        let due = autosave.tick(&document, 2, None, None, || drafts_with_place("Still in its form"));
        assert_eq!(due, None, "the newer work is on its way at once, not left for later");
        drop(autosave);
        let found = find_recoveries(dir.path());
        assert_eq!(found.len(), 1);
        let recovered = found[0].load().expect("the recovery file loads");
        let names: Vec<&str> = recovered.places.iter().map(|p| p.name.as_str()).collect();
        assert!(names.contains(&"Still in its form"), "{names:?}");
    }
}
