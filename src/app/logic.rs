//! What the app does between drawing: the queued edits through the document, the problems kept
//! up to date, the drafts committed before a save, the recovery file's tick, the words of undo.

use eframe::egui;

use super::RepatriationWatchApp;
use crate::edit::{Action, Document, Edit};
use crate::i18n::choice;
use crate::model::{Dataset, ProblemIndex, RecordKind};
use crate::store;
use crate::t;
use crate::ui::forms::{Editor, cleaned, problems_of};

/// The dataset's problems, with the revision they were brought up to date with, and how many
/// are errors and how many warnings.
pub(super) struct Problems {
    checked: u64,
    index: ProblemIndex,
    counts: (usize, usize),
    /// The revision of records just opened whose whole check is on its way from the thread that
    /// read them: not checked here meanwhile.
    awaiting: Option<u64>,
}

impl Default for Problems {
    fn default() -> Self {
        Self { checked: u64::MAX, index: ProblemIndex::default(), counts: (0, 0), awaiting: None }
    }
}

impl Problems {
    /// Brings the problems up to date with the document: by the records each edit touched, or
    /// the whole dataset when another was opened. Returns how many are errors and how many
    /// warnings (none yet while the check of records just opened is on its way).
    pub(super) fn refresh(&mut self, document: &Document) -> (usize, usize) {
        if self.awaiting.is_some() {
            return (0, 0);
        }
        let revision = document.revision();
        if self.checked != revision {
            let changes = if self.checked == u64::MAX { None } else { document.changes_since(self.checked) };
            match changes {
                Some(changes) => self.index.update(document.dataset(), &changes),
                None => self.index = ProblemIndex::of(document.dataset()),
            }
            self.checked = revision;
            self.counts = self.index.counts();
        }
        self.counts
    }

    /// [`Self::refresh`], checking here what is still on its way: before a save, which errors
    /// block.
    pub(super) fn refresh_now(&mut self, document: &Document) -> (usize, usize) {
        self.awaiting = None;
        self.refresh(document)
    }

    /// Waits for the whole check of the records at `revision` (just opened), worked out on the
    /// thread that read them, rather than checking them here.
    pub(super) fn await_checked(&mut self, revision: u64) {
        self.index = ProblemIndex::default();
        self.awaiting = Some(revision);
    }

    /// Whether the check of records just opened is still on its way.
    pub(super) fn is_awaiting(&self) -> bool {
        self.awaiting.is_some()
    }

    /// Stops waiting (the thread checking them failed): they are checked here.
    pub(super) fn stop_awaiting(&mut self) {
        self.awaiting = None;
    }

    /// Takes problems worked out elsewhere (on the thread that opened the file) for the
    /// document at `revision`; the edits made since are checked by the next refresh. Problems
    /// of other records than those awaited (another file opened since, or checked here already)
    /// are dropped.
    pub(super) fn take_checked(&mut self, revision: u64, index: ProblemIndex) {
        if self.awaiting != Some(revision) {
            return;
        }
        self.awaiting = None;
        self.counts = index.counts();
        self.index = index;
        self.checked = revision;
    }

    /// The problems by record, as last brought up to date.
    pub(super) fn index(&self) -> &ProblemIndex {
        &self.index
    }
}

impl RepatriationWatchApp {
    /// Carries out the queued edits, in order, through the document (where undo lives).
    pub(super) fn apply_edits(&mut self) {
        if self.queued.edits.is_empty() {
            return;
        }
        // A recovery write holding the records lets go, so they change in place.
        self.open.autosave.let_go();
        // Whole seconds: the file stays readable, and nobody needs the nanosecond of an edit.
        let now = jiff::Timestamp::now().round(jiff::Unit::Second).unwrap_or_else(|_| jiff::Timestamp::now());
        for edit in std::mem::take(&mut self.queued.edits) {
            self.open.document.apply(edit, now);
        }
    }

    /// Commits every form whose draft is sound; returns how many could not be committed.
    pub(super) fn commit_valid_drafts(&mut self) -> usize {
        self.open.problems.refresh_now(&self.open.document);
        let dataset = self.open.document.dataset();
        let editor = &mut self.screens.editor;
        let mut ready = Vec::new();
        let mut blocked = 0;
        for draft in editor.drafts() {
            if crate::model::has_errors(&problems_of(dataset, self.open.problems.index(), &draft.record)) {
                blocked += 1;
            } else {
                ready.push(cleaned(&draft.record));
            }
        }
        for record in ready {
            editor.discard(record.kind(), record.id());
            self.queued.edits.push(Edit::put(record));
        }
        self.apply_edits();
        blocked
    }

    /// Writes the recovery file a few seconds after a change, and says when that fails.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        let drafts = drafts_fingerprint(&self.screens.editor);
        let open = &mut self.open;
        let wait = if open.autosave.dir().is_some() {
            let editor = &self.screens.editor;
            let (file, key) = (open.file.as_deref(), open.key.as_ref());
            open.autosave.tick(&open.document, drafts, file, key, || draft_records(editor))
        } else {
            None
        };
        if let Some(wait) = wait {
            ctx.request_repaint_after(wait);
        }
        if let Some(failure) = self.open.autosave.last_failure() {
            self.message = Some(t!("recovery-write-failed", failure = failure));
        }
    }

    /// The file's name as the title and status bar show it.
    pub(super) fn shown_file_name(&self) -> String {
        match self.open.file_name.as_str() {
            "" => t!("untitled"),
            store::SAMPLE_NAME => t!("sample-name"),
            name => name.to_owned(),
        }
    }
}

/// The words of the Undo or Redo menu item for the edit it would take back or make again.
pub(super) fn undo_text(description: Option<(Action, RecordKind, &str)>, redo: bool) -> Option<String> {
    description.map(|(action, kind, title)| {
        let (kind, title) = (choice(kind), title.to_owned());
        match (redo, action) {
            (false, Action::Add) => t!("undo-add", kind = kind, title = title),
            (false, Action::Change) => t!("undo-change", kind = kind, title = title),
            (false, Action::Delete) => t!("undo-delete", kind = kind, title = title),
            (true, Action::Add) => t!("redo-add", kind = kind, title = title),
            (true, Action::Change) => t!("redo-change", kind = kind, title = title),
            (true, Action::Delete) => t!("redo-delete", kind = kind, title = title),
            (false, Action::Several) => t!("undo-several", count = title),
            (true, Action::Several) => t!("redo-several", count = title),
        }
    })
}

/// The drafts as records, to be put into the dataset in the recovery file (in place of those
/// with their ids) without copying the dataset.
fn draft_records(editor: &Editor) -> Dataset {
    let mut drafts = Dataset::default();
    let now = jiff::Timestamp::now();
    for draft in editor.drafts() {
        // A copy for the recovery file only: the document itself changes only through edits.
        let mut record = cleaned(&draft.record);
        // A record never saved has no times yet; recovered, it is dated when it was typed.
        if record.created() == jiff::Timestamp::default() {
            record.set_times(now, now);
        }
        let _ = record.put_into(&mut drafts);
    }
    drafts
}

/// A number that changes when any draft changes (0 with none), for the recovery file to
/// notice.
fn drafts_fingerprint(editor: &Editor) -> u64 {
    if editor.draft_count() == 0 {
        return 0;
    }
    let text = format!("{:?}", editor.drafts().collect::<Vec<_>>());
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)).max(1)
}

#[cfg(test)]
mod tests {
    use super::Problems;
    use crate::edit::Document;
    use crate::model::{Dataset, Id, Incident, ProblemIndex};

    /// A document whose one incident names a place it does not have: one error.
    fn with_one_problem() -> Document {
        let incident = Incident {
            id: Id::new("inc-1"),
            title: "one".to_owned(),
            from_place: Some(Id::new("pl-missing")),
            ..Incident::default()
        };
        Document::new(Dataset { incidents: vec![incident], ..Dataset::default() })
    }

    #[test]
    fn records_just_opened_are_not_checked_here_while_their_check_is_on_its_way() {
        let document = with_one_problem();
        let mut problems = Problems::default();
        problems.await_checked(document.revision());
        assert_eq!(problems.refresh(&document), (0, 0), "not checked on the window's thread");
        assert!(problems.is_awaiting());
        problems.take_checked(document.revision(), ProblemIndex::of(document.dataset()));
        assert!(!problems.is_awaiting());
        assert_eq!(problems.refresh(&document), (1, 0));
    }

    #[test]
    fn a_check_for_other_records_is_dropped_and_a_save_checks_at_once() {
        let document = with_one_problem();
        let mut problems = Problems::default();
        problems.await_checked(document.revision());
        // A check of records replaced since: not taken.
        problems.take_checked(document.revision() + 7, ProblemIndex::default());
        assert!(problems.is_awaiting());
        // A save cannot wait: the records are checked here, and the late check is dropped.
        assert_eq!(problems.refresh_now(&document), (1, 0));
        problems.take_checked(document.revision(), ProblemIndex::default());
        assert_eq!(problems.refresh(&document), (1, 0));
    }
}
