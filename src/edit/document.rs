//! The open dataset with its history of edits.

use std::sync::Arc;

use jiff::Timestamp;

use super::AnyRecord;
use crate::model::{Change, Conflicts, Dataset, Id, RecordKind, Touched};

/// A change to the dataset, as the screens ask for it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds the record, or replaces the one with the same kind and id.
    Put(Box<AnyRecord>),
    /// Removes the record with this kind and id.
    Delete(RecordKind, Id),
    /// Adds or replaces a record as it is, its times included (an import, a merge).
    PutAsIs(Box<AnyRecord>),
    /// Replaces what a merge left undecided.
    SetConflicts(Box<Conflicts>),
    /// Several edits made and undone as one.
    Batch(Vec<Edit>),
}

impl Edit {
    /// Adds or replaces a record.
    pub fn put(record: AnyRecord) -> Self {
        Self::Put(Box::new(record))
    }
}

/// What an undo entry did, for the Edit menu ("Undo edit incident “…”").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A record was added.
    Add,
    /// A record was changed.
    Change,
    /// A record was deleted.
    Delete,
    /// Several records were changed at once (an import, a merge); the title is how many.
    Several,
}

/// An edit carried out: what it did, and the edits that make it again and take it back.
struct Step {
    action: Action,
    kind: RecordKind,
    title: String,
    forward: Edit,
    backward: Edit,
}

/// One step of history: the edit made and the edit that takes it back.
#[derive(Clone, Debug)]
struct Entry {
    action: Action,
    kind: RecordKind,
    title: String,
    forward: Edit,
    backward: Edit,
    state_before: u64,
    state_after: u64,
}

/// The dataset being edited, its undo and redo stacks, and whether it has unsaved changes.
#[derive(Debug)]
pub struct Document {
    /// Shared with a save running in the background; an edit meanwhile works on its own copy.
    dataset: Arc<Dataset>,
    revision: u64,
    state: u64,
    next_state: u64,
    saved_state: Option<u64>,
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    journal: Journal,
}

/// The changes made since some revision, for the caches that follow the dataset.
#[derive(Debug, Default)]
struct Journal {
    /// Every change made after this revision is in `changes`.
    base: u64,
    /// Each change with the revision it made.
    changes: Vec<(u64, Change)>,
}

/// The journal forgets its changes past this many; a cache further behind starts over.
const JOURNAL_LIMIT: usize = 100_000;

impl Document {
    /// A document over a dataset just loaded (or saved): no unsaved changes.
    pub fn new(mut dataset: Dataset) -> Self {
        // Lists are kept in id order, so records are found by binary search and undo puts a
        // record back exactly where it was.
        dataset.sort_by_id();
        Self::of_sorted(Arc::new(dataset))
    }

    /// The document of records already sorted by id.
    fn of_sorted(dataset: Arc<Dataset>) -> Self {
        Self {
            dataset,
            revision: 0,
            state: 0,
            next_state: 1,
            saved_state: Some(0),
            undo: Vec::new(),
            redo: Vec::new(),
            journal: Journal::default(),
        }
    }

    /// The changes made after revision `since`, in order; `None` when they are no longer known
    /// (another file was opened, or too much changed), and the whole dataset must be looked at.
    pub fn changes_since(&self, since: u64) -> Option<Vec<Change>> {
        if since < self.journal.base {
            return None;
        }
        let start = self.journal.changes.partition_point(|(revision, _)| *revision <= since);
        Some(self.journal.changes[start..].iter().map(|(_, change)| change.clone()).collect())
    }

    fn note(&mut self, change: Change) {
        let revision = self.revision + 1;
        if self.journal.changes.len() >= JOURNAL_LIMIT {
            self.journal.changes.clear();
            self.journal.base = revision;
        }
        self.journal.changes.push((revision, change));
    }

    /// Notes the records a change touched.
    fn note_all(&mut self, touched: Vec<Touched>) {
        for touched in touched {
            self.note(Change::Record(touched));
        }
    }

    /// Puts a record into the dataset (the one way records go in); returns the one it replaced.
    fn put(&mut self, record: AnyRecord) -> Option<AnyRecord> {
        let mut touched = touched_by(&record);
        let previous = record.put_into(Arc::make_mut(&mut self.dataset));
        match &previous {
            Some(previous) => touched.extend(touched_by(previous)),
            None => mark_appeared_or_vanished(&mut touched),
        }
        self.note_all(touched);
        previous
    }

    /// Removes a record (the one way records go out); returns it.
    fn remove(&mut self, kind: RecordKind, id: &Id) -> Option<AnyRecord> {
        let removed = AnyRecord::remove_from(Arc::make_mut(&mut self.dataset), kind, id)?;
        let mut touched = touched_by(&removed);
        mark_appeared_or_vanished(&mut touched);
        self.note_all(touched);
        Some(removed)
    }

    fn set_conflicts(&mut self, conflicts: Conflicts) -> Conflicts {
        self.note(Change::Conflicts);
        std::mem::replace(&mut Arc::make_mut(&mut self.dataset).conflicts, conflicts)
    }

    /// The dataset.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// A number that changes with every change to the dataset, undo and redo included, so that
    /// anything computed from the dataset can be cached by it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the dataset differs from what was last loaded or saved.
    pub fn is_modified(&self) -> bool {
        self.saved_state != Some(self.state)
    }

    /// Marks the current contents as saved.
    pub fn mark_saved(&mut self) {
        self.saved_state = Some(self.state);
    }

    /// The dataset, shared: for saving on another thread while editing goes on.
    pub fn shared(&self) -> Arc<Dataset> {
        Arc::clone(&self.dataset)
    }

    /// A token for the current contents, to mark them saved once a save of them is done.
    pub fn state(&self) -> u64 {
        self.state
    }

    /// Marks the contents the token was taken from as saved: the document is unmodified only
    /// if nothing changed since.
    pub fn mark_saved_at(&mut self, state: u64) {
        self.saved_state = Some(state);
    }

    /// Carries out an edit, recording it for undo. `now` stamps the record's update time.
    /// An edit that changes nothing (deleting a missing record) is ignored.
    pub fn apply(&mut self, edit: Edit, now: Timestamp) {
        let state_before = self.state;
        let Some(step) = self.perform(edit, now) else { return };
        self.state = self.next_state;
        self.next_state += 1;
        self.revision += 1;
        let Step { action, kind, title, forward, backward } = step;
        let entry = Entry { action, kind, title, forward, backward, state_before, state_after: self.state };
        self.redo.clear();
        self.undo.push(entry);
    }

    fn perform(&mut self, edit: Edit, now: Timestamp) -> Option<Step> {
        let (action, kind, title, forward, backward) = match edit {
            Edit::Put(record) => {
                let mut record = *record;
                let created = AnyRecord::find(&self.dataset, record.kind(), record.id())
                    .map_or(now, |previous| previous.created());
                record.set_times(created, now);
                let (kind, id, title) = (record.kind(), record.id().clone(), record.label().to_owned());
                let forward = Edit::Put(Box::new(record.clone()));
                match self.put(record) {
                    Some(previous) => (Action::Change, kind, title, forward, Edit::Put(Box::new(previous))),
                    None => (Action::Add, kind, title, forward, Edit::Delete(kind, id)),
                }
            }
            Edit::Delete(kind, id) => {
                let removed = self.remove(kind, &id)?;
                let title = removed.label().to_owned();
                (Action::Delete, kind, title, Edit::Delete(kind, id), Edit::PutAsIs(Box::new(removed)))
            }
            Edit::PutAsIs(record) => {
                let (kind, id, title) = (record.kind(), record.id().clone(), record.label().to_owned());
                let forward = Edit::PutAsIs(record.clone());
                match self.put(*record) {
                    Some(previous) => {
                        (Action::Change, kind, title, forward, Edit::PutAsIs(Box::new(previous)))
                    }
                    None => (Action::Add, kind, title, forward, Edit::Delete(kind, id)),
                }
            }
            Edit::SetConflicts(conflicts) => {
                let previous = self.set_conflicts(*conflicts.clone());
                let backward = Edit::SetConflicts(Box::new(previous));
                (
                    Action::Several,
                    RecordKind::Incident,
                    "0".to_owned(),
                    Edit::SetConflicts(conflicts),
                    backward,
                )
            }
            Edit::Batch(edits) => return self.perform_batch(edits, now),
        };
        Some(Step { action, kind, title, forward, backward })
    }

    /// Several edits as one step: undone in reverse order.
    fn perform_batch(&mut self, edits: Vec<Edit>, now: Timestamp) -> Option<Step> {
        let mut forward = Vec::new();
        let mut backward = Vec::new();
        let mut kinds = Vec::new();
        for edit in edits {
            if let Some(step) = self.perform(edit, now) {
                if !matches!(step.forward, Edit::SetConflicts(_)) {
                    kinds.push(step.kind);
                }
                forward.push(step.forward);
                backward.push(step.backward);
            }
        }
        if forward.is_empty() {
            return None;
        }
        backward.reverse();
        let kind = kinds.first().copied().unwrap_or(RecordKind::Incident);
        let title = kinds.len().to_string();
        Some(Step {
            action: Action::Several,
            kind,
            title,
            forward: Edit::Batch(forward),
            backward: Edit::Batch(backward),
        })
    }

    /// Takes back the last edit; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        let Some(entry) = self.undo.pop() else { return false };
        self.replay(&entry.backward);
        self.state = entry.state_before;
        self.redo.push(entry);
        true
    }

    /// Makes again the last edit undone; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        let Some(entry) = self.redo.pop() else { return false };
        self.replay(&entry.forward);
        self.state = entry.state_after;
        self.undo.push(entry);
        true
    }

    /// Applies an edit exactly as recorded, times included.
    fn replay(&mut self, edit: &Edit) {
        self.replay_one(edit);
        self.revision += 1;
    }

    fn replay_one(&mut self, edit: &Edit) {
        match edit {
            Edit::Put(record) | Edit::PutAsIs(record) => {
                self.put((**record).clone());
            }
            Edit::Delete(kind, id) => {
                self.remove(*kind, id);
            }
            Edit::SetConflicts(conflicts) => {
                self.set_conflicts((**conflicts).clone());
            }
            Edit::Batch(edits) => {
                for edit in edits {
                    self.replay_one(edit);
                }
            }
        }
    }

    /// What Undo would take back: the action, the kind of record and its title.
    pub fn undo_description(&self) -> Option<(Action, RecordKind, &str)> {
        self.undo.last().map(|e| (e.action, e.kind, e.title.as_str()))
    }

    /// What Redo would make again.
    pub fn redo_description(&self) -> Option<(Action, RecordKind, &str)> {
        self.redo.last().map(|e| (e.action, e.kind, e.title.as_str()))
    }

    /// Replaces the whole dataset (a file opened, a recovery restored), forgetting history.
    /// `modified` says whether the new contents differ from the file they belong to.
    pub fn replace(&mut self, dataset: Dataset, modified: bool) {
        self.replace_shared(Arc::new(dataset), modified);
    }

    /// [`Self::replace`] by records shared with another thread (which works out what is shown of
    /// them meanwhile: an edit then works on the document's own copy). The records before are
    /// freed on another thread, so that opening a file over a million records never waits on it.
    pub fn replace_shared(&mut self, mut dataset: Arc<Dataset>, modified: bool) {
        let revision = self.revision + 1;
        if !dataset.is_sorted_by_id() {
            Arc::make_mut(&mut dataset).sort_by_id();
        }
        let before = std::mem::replace(self, Self::of_sorted(dataset));
        if before.dataset.record_count() >= FREED_ELSEWHERE_FROM {
            // Were no thread to start, the records are freed here, as the closure is.
            let _ = std::thread::Builder::new().name("freeing".to_owned()).spawn(move || drop(before));
        }
        self.revision = revision;
        self.journal.base = revision;
        if modified {
            self.saved_state = None;
        }
    }
}

/// Records from which a dataset replaced is freed on another thread.
const FREED_ELSEWHERE_FROM: usize = 10_000;

/// What a record's change touches: the record and, for an incident, the parent whose legs it
/// changes.
fn touched_by(record: &AnyRecord) -> Vec<Touched> {
    let itself = Touched { kind: record.kind(), id: record.id().clone(), appeared_or_vanished: false };
    let mut touched = vec![itself];
    if let AnyRecord::Incident(incident) = record
        && let Some(parent) = &incident.parent
    {
        touched.push(Touched { kind: RecordKind::Incident, id: parent.clone(), appeared_or_vanished: false });
    }
    touched
}

/// Marks the record itself (the first touched) as one that came into being or went away.
fn mark_appeared_or_vanished(touched: &mut [Touched]) {
    if let Some(record) = touched.first_mut() {
        record.appeared_or_vanished = true;
    }
}

/// A fresh id for a record of `kind`: a prefix and the time (`inc-20261122-141502`), with a
/// counter added if that is taken. Ids are never reused, since time moves on.
pub fn new_id(dataset: &Dataset, kind: RecordKind, now: Timestamp) -> Id {
    let prefix = kind.id_prefix();
    let stamp = now.strftime("%Y%m%d-%H%M%S");
    let base = format!("{prefix}-{stamp}");
    let taken = |id: &Id| AnyRecord::find(dataset, kind, id).is_some();
    let mut id = Id::new(base.clone());
    let mut counter = 2;
    while taken(&id) {
        id = Id::new(format!("{base}-{counter}"));
        counter += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Incident, Place};

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(1_700_000_000 + second).expect("in range")
    }

    fn place(id: &str, name: &str) -> AnyRecord {
        AnyRecord::Place(Place { id: Id::new(id), name: name.to_owned(), ..Place::default() })
    }

    #[test]
    fn records_shared_with_another_thread_replace_the_document_sorted_and_unsaved_as_told() {
        let mut document = Document::new(Dataset::default());
        let unsorted = Dataset {
            places: vec![
                Place { id: Id::new("pl-b"), ..Place::default() },
                Place { id: Id::new("pl-a"), ..Place::default() },
            ],
            ..Dataset::default()
        };
        let shared = Arc::new(unsorted);
        document.replace_shared(Arc::clone(&shared), true);
        let ids: Vec<&str> = document.dataset().places.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["pl-a", "pl-b"]);
        assert!(document.is_modified());
        assert_eq!(document.revision(), 1);
        // Sorted already, the records stay shared rather than copied.
        let sorted = Arc::new(document.dataset().clone());
        document.replace_shared(Arc::clone(&sorted), false);
        assert!(Arc::ptr_eq(&document.shared(), &sorted));
        assert!(!document.is_modified());
    }

    #[test]
    fn a_batch_is_one_step_of_history_and_keeps_the_records_times() {
        let mut document = Document::new(Dataset::default());
        document.apply(Edit::put(place("pl-a", "Dandong")), at(1));
        let before = document.dataset().clone();
        let mut imported = place("pl-b", "Sinuiju");
        imported.set_times(at(-100), at(-50));
        let mut conflicts = Conflicts::default();
        conflicts.places.push(Place {
            id: Id::new("pl-a"),
            name: "Dandong (theirs)".to_owned(),
            ..Place::default()
        });
        let batch = Edit::Batch(vec![
            Edit::PutAsIs(Box::new(imported.clone())),
            Edit::put(place("pl-a", "Dandong, Liaoning")),
            Edit::SetConflicts(Box::new(conflicts.clone())),
        ]);
        document.apply(batch, at(2));
        assert_eq!(document.undo_description(), Some((Action::Several, RecordKind::Place, "2")));
        assert_eq!(AnyRecord::find(document.dataset(), RecordKind::Place, &Id::new("pl-b")), Some(imported));
        assert_eq!(document.dataset().conflicts, conflicts);
        let after = document.dataset().clone();
        assert!(document.undo());
        assert_eq!(document.dataset(), &before, "one undo takes the whole batch back");
        assert!(document.redo());
        assert_eq!(document.dataset(), &after);
    }

    #[test]
    fn an_edit_marks_the_document_modified_and_undo_clears_it() {
        let mut document = Document::new(Dataset::default());
        assert!(!document.is_modified());
        document.apply(Edit::put(place("pl-a", "Dandong")), at(1));
        assert!(document.is_modified());
        assert_eq!(document.undo_description(), Some((Action::Add, RecordKind::Place, "Dandong")));
        assert!(document.undo());
        assert!(!document.is_modified(), "back to the saved state");
        assert!(document.dataset().places.is_empty());
        assert!(document.redo());
        assert!(document.is_modified());
        assert_eq!(document.dataset().places[0].name, "Dandong");
    }

    #[test]
    fn records_stay_in_id_order_and_undo_restores_exactly() {
        let mut document = Document::new(Dataset::default());
        for (id, name) in [("pl-c", "C"), ("pl-a", "A"), ("pl-b", "B")] {
            document.apply(Edit::put(place(id, name)), at(1));
        }
        let before = document.dataset().clone();
        let ids = |d: &Document| d.dataset().places.iter().map(|p| p.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&document), ["pl-a", "pl-b", "pl-c"]);

        document.apply(Edit::Delete(RecordKind::Place, Id::new("pl-b")), at(2));
        document.apply(Edit::put(place("pl-a", "A renamed")), at(3));
        assert_eq!(document.undo_description(), Some((Action::Change, RecordKind::Place, "A renamed")));
        assert!(document.undo() && document.undo());
        assert_eq!(document.dataset(), &before);
    }

    #[test]
    fn an_edit_after_undo_drops_the_redo_stack() {
        let mut document = Document::new(Dataset::default());
        document.apply(Edit::put(place("pl-a", "A")), at(1));
        document.undo();
        document.apply(Edit::put(place("pl-b", "B")), at(2));
        assert!(!document.redo());
    }

    #[test]
    fn put_keeps_the_creation_time_and_stamps_the_update() {
        let mut document = Document::new(Dataset::default());
        let incident = Incident { id: Id::new("inc-1"), title: "t".into(), ..Incident::default() };
        document.apply(Edit::put(AnyRecord::Incident(incident.clone())), at(1));
        document.apply(Edit::put(AnyRecord::Incident(incident)), at(5));
        let stored = &document.dataset().incidents[0];
        assert_eq!((stored.created, stored.updated), (at(1), at(5)));
    }

    #[test]
    fn deleting_a_missing_record_changes_nothing() {
        let mut document = Document::new(Dataset::default());
        let revision = document.revision();
        document.apply(Edit::Delete(RecordKind::Rally, Id::new("ral-x")), at(1));
        assert_eq!(document.revision(), revision);
        assert!(!document.is_modified());
        assert!(document.undo_description().is_none());
    }

    #[test]
    fn new_ids_are_unique() {
        let mut document = Document::new(Dataset::default());
        let first = new_id(document.dataset(), RecordKind::Place, at(0));
        assert_eq!(first.as_str(), "pl-20231114-221320");
        document.apply(Edit::put(place(first.as_str(), "A")), at(0));
        let second = new_id(document.dataset(), RecordKind::Place, at(0));
        assert_eq!(second.as_str(), "pl-20231114-221320-2");
    }

    #[test]
    fn restored_contents_are_unsaved_until_saved() {
        let mut document = Document::new(Dataset::default());
        let revision = document.revision();
        document.replace(Dataset::default(), true);
        assert!(document.is_modified());
        assert!(document.revision() > revision, "caches see the new contents");
        document.mark_saved();
        assert!(!document.is_modified());
    }
}
