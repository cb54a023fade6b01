//! Import, merge and the conflicts a merge leaves: choosing the file, the dialogs, and the
//! edits that apply them (each one step of undo).

use std::path::PathBuf;

use eframe::egui;

use super::RepatriationWatchApp;
use crate::edit::{AnyRecord, Edit};
use crate::exchange::versions::{Undecided, combine, undecided, without};
use crate::exchange::{LookAlike, merge, read_table};
use crate::model::{Dataset, Id, RecordKind};
use crate::store;
use crate::t;
use crate::ui::article_dialog::{ArticleAnswer, ArticleState, article_ui};
use crate::ui::dialogs::PathPurpose;
use crate::ui::errors::load_error;
use crate::ui::import_dialog::{ImportAnswer, ImportState, import_ui};
use crate::ui::merge_dialog::{
    ConflictAnswer, ConflictState, MergeAnswer, MergeState, conflicts_ui, merge_ui,
};
use crate::ui::share_dialog::{ShareAnswer, share_ui};

/// The kinds of file an article is opened from.
pub(super) const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// The import, merge or conflicts dialog open, if any.
#[derive(Clone, Debug)]
pub enum ExchangeDialog {
    /// Preparing an import.
    Import(Box<ImportState>),
    /// Looking at a merge before applying it.
    Merge(Box<MergeState>),
    /// Choosing between the versions a merge left.
    Conflicts(ConflictState),
    /// Reading an article for its records.
    Article(Box<ArticleState>),
    /// What a copy to share would leave out, before it is written.
    Share(crate::exchange::ShareAccount),
}

impl RepatriationWatchApp {
    /// Asks for the CSV file to import or the dataset to merge.
    pub(super) fn choose_exchange_file(&mut self, purpose: PathPurpose) {
        if !self.system_dialogs() {
            self.ask_path(purpose);
            return;
        }
        let dialog = rfd::FileDialog::new();
        let picked = match purpose {
            PathPurpose::ImportCsv => dialog
                .set_title(t!("dialog-import-title"))
                .add_filter(t!("file-filter-csv"), &["csv", "txt"])
                .pick_file(),
            PathPurpose::Article => dialog
                .set_title(t!("dialog-article-title"))
                .add_filter(t!("file-filter-article"), ARTICLE_EXTENSIONS)
                .pick_file(),
            _ => dialog
                .set_title(t!("dialog-merge-title"))
                .add_filter(t!("file-filter-dataset"), &["ron"])
                .pick_file(),
        };
        match (purpose, picked) {
            (PathPurpose::ImportCsv, Some(path)) => self.start_import(path),
            (PathPurpose::Article, Some(path)) => self.open_article_file(&path),
            (_, Some(path)) => self.start_merge(path),
            (_, None) => {}
        }
    }

    /// Reads a CSV file and opens the import dialog on it.
    pub(super) fn start_import(&mut self, path: PathBuf) {
        let title = t!("import-unreadable", path = path.display().to_string());
        let bytes = match store::read_import_file(&path) {
            Ok(bytes) => bytes,
            Err(error) => return self.report(&title, load_error(&error)),
        };
        match read_table(&bytes) {
            Ok(table) => {
                let kind = ImportState::kind_from_name(&path);
                let state = ImportState::new(path, table, kind, self.open.document.dataset());
                self.dialogs.exchange = Some(ExchangeDialog::Import(Box::new(state)));
            }
            Err(error) => {
                self.report(
                    &title,
                    t!("load-syntax", line = error.line, column = 1, message = error.message),
                );
            }
        }
    }

    /// Reads another copy of the dataset and opens the merge dialog on it.
    pub(super) fn start_merge(&mut self, path: PathBuf) {
        match store::load_file(&path) {
            Ok(theirs) => {
                let outcome = merge(None, self.open.document.dataset(), &theirs);
                let join = vec![false; outcome.look_alikes.len()];
                self.dialogs.exchange =
                    Some(ExchangeDialog::Merge(Box::new(MergeState { path, outcome, join })));
            }
            Err(error) => {
                let title = t!("open-failed", path = path.display().to_string());
                self.report(&title, load_error(&error));
            }
        }
    }

    /// Shows what a copy to share would leave out, before asking where to write it.
    pub(super) fn start_share(&mut self) {
        let (_, account) = crate::exchange::shared_copy(self.open.document.dataset());
        self.dialogs.exchange = Some(ExchangeDialog::Share(account));
    }

    /// Asks where to write the copy to share.
    fn choose_share_path(&mut self) {
        if !self.system_dialogs() {
            self.ask_path(PathPurpose::Share);
            return;
        }
        let picked = rfd::FileDialog::new()
            .set_title(t!("dialog-share-title"))
            .add_filter(t!("file-filter-dataset"), &["ron"])
            .set_file_name("shared.ron")
            .save_file();
        if let Some(path) = picked {
            self.write_shared_copy(path);
        }
    }

    /// Writes the copy to share at `path` (`.ron` added), its account of what it leaves out
    /// beside it; never over the dataset itself.
    pub(super) fn write_shared_copy(&mut self, path: PathBuf) {
        let path = store::with_ron_extension(path);
        if self.open.file.as_ref().is_some_and(|file| store::same_file(file, &path)) {
            self.message = Some(t!("share-not-over-dataset"));
            return;
        }
        let (copy, account) = crate::exchange::shared_copy(self.open.document.dataset());
        // The account goes to partners: it names the dataset by its file name, not where it lives.
        let name = self.open.file.as_deref().and_then(std::path::Path::file_name);
        let name = name.map_or_else(|| self.shown_file_name(), |name| name.to_string_lossy().into_owned());
        let written = store::save_shared_copy(&copy, &path, &account.report(&name));
        self.message = Some(match written {
            Ok(account_path) => {
                let written = t!(
                    "share-written",
                    path = path.display().to_string(),
                    account = account_path.display().to_string()
                );
                if self.open.key.is_some() {
                    format!("{written} {}", t!("share-not-encrypted"))
                } else {
                    written
                }
            }
            Err(error) => t!("share-failed", error = crate::ui::errors::save_error(&error)),
        });
    }

    /// Opens the conflicts dialog when a merge left anything to decide.
    pub(super) fn show_conflicts(&mut self) {
        if !self.open.document.dataset().conflicts.is_empty() {
            self.dialogs.exchange = Some(ExchangeDialog::Conflicts(ConflictState::default()));
        }
    }

    /// Draws the open exchange dialog and carries out what it decides.
    pub(super) fn exchange_layer(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.dialogs.exchange.take() else { return };
        let dataset = self.open.document.dataset();
        let keep_open = match &mut dialog {
            ExchangeDialog::Import(state) => match import_ui(ctx, state, dataset) {
                Some(ImportAnswer::Import) => {
                    self.apply_import(state);
                    false
                }
                Some(ImportAnswer::Cancel) => false,
                None => true,
            },
            ExchangeDialog::Merge(state) => match merge_ui(ctx, state, dataset) {
                Some(MergeAnswer::Merge) => {
                    self.apply_merge(state);
                    return;
                }
                Some(MergeAnswer::Cancel) => false,
                None => true,
            },
            ExchangeDialog::Article(state) => {
                match article_ui(ctx, state, dataset, (self.open.problems.index(), &self.dialogs.gazetteer)) {
                    Some(ArticleAnswer::Add) => {
                        self.apply_article(state);
                        false
                    }
                    Some(ArticleAnswer::Cancel) => false,
                    Some(ArticleAnswer::OpenFile) => {
                        self.choose_exchange_file(PathPurpose::Article);
                        // The file read replaces the dialog; a file dialog given up leaves it
                        // as it was, and a path asked for in the window takes its place.
                        self.dialogs.exchange.is_none() && self.dialogs.shown.is_none()
                    }
                    None => true,
                }
            }
            ExchangeDialog::Share(account) => match share_ui(ctx, account) {
                Some(ShareAnswer::Write) => {
                    self.choose_share_path();
                    false
                }
                Some(ShareAnswer::Cancel) => false,
                None => true,
            },
            ExchangeDialog::Conflicts(state) => match conflicts_ui(ctx, state, dataset) {
                Some(ConflictAnswer::Close) => false,
                Some(answer) => {
                    self.decide_conflict(answer);
                    true
                }
                None => true,
            },
        };
        if keep_open {
            self.dialogs.exchange = Some(dialog);
        }
    }

    /// Opens the article dialog on `text` (empty: the user pastes it there).
    pub(super) fn start_article(&mut self, text: &str) {
        // A web page's markup is read as its words when the dialog first reads the text.
        let state = ArticleState::with_text(text.to_owned());
        self.dialogs.exchange = Some(ExchangeDialog::Article(Box::new(state)));
    }

    /// Reads an article from a file (text, Markdown or a web page) and opens the article dialog
    /// on its text; one that cannot be read says why.
    pub(super) fn open_article_file(&mut self, path: &std::path::Path) {
        let title = t!("open-failed", path = path.display().to_string());
        match store::read_text_file(path) {
            Ok(Some(text)) => self.start_article(&text),
            Ok(None) => self.report(&title, t!("article-not-text")),
            Err(error) => self.report(&title, load_error(&error)),
        }
    }

    /// Adds the records the user accepted from an article, as one edit, tied to a new source.
    fn apply_article(&mut self, state: &ArticleState) {
        let dataset = self.open.document.dataset();
        let accepted = state.accepted();
        let added = accepted.incidents.len() + accepted.rallies.len();
        let linked = accepted.linked_incidents.len() + accepted.linked_rallies.len();
        let records = crate::article::records_of(&state.reading, &accepted, dataset, state.plan());
        self.queued.edits.push(Edit::Batch(records.into_iter().map(Edit::put).collect()));
        self.message = Some(t!("article-added", count = added, linked = linked));
    }

    fn apply_import(&mut self, state: &ImportState) {
        let edits =
            state.preview.records.iter().cloned().map(|record| Edit::PutAsIs(Box::new(record))).collect();
        self.queued.edits.push(Edit::Batch(edits));
        self.message = Some(t!("import-done", added = state.preview.added, updated = state.preview.updated));
    }

    /// Applies a merge as one edit: the records taken from the other copy, the look-alikes
    /// joined, the conflicts recorded; then shows the conflicts to decide.
    fn apply_merge(&mut self, state: &MergeState) {
        let current = self.open.document.dataset();
        let merged = &state.outcome.dataset;
        let mut edits: Vec<Edit> =
            changed_records(current, merged).map(|r| Edit::PutAsIs(Box::new(r))).collect();
        let joined = state.outcome.look_alikes.iter().zip(&state.join).filter(|(_, join)| **join);
        for (alike, _) in joined {
            edits.extend(join_look_alike(merged, alike));
        }
        edits.push(Edit::SetConflicts(Box::new(merged.conflicts.clone())));
        self.queued.edits.push(Edit::Batch(edits));
        let file = state.path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let (taken, conflicts) = (state.outcome.taken_from_theirs, state.outcome.conflicts.len());
        self.message = Some(t!("merge-done", file = file, taken = taken, conflicts = conflicts));
        self.dialogs.exchange = (conflicts > 0).then(|| ExchangeDialog::Conflicts(ConflictState::default()));
    }

    /// Carries out a decision about the first undecided record.
    fn decide_conflict(&mut self, answer: ConflictAnswer) {
        let dataset = self.open.document.dataset();
        let Some(first) = undecided(dataset).into_iter().next() else { return };
        let (kind, id) = match &first {
            Undecided::Changed { ours, .. } => (ours.kind(), ours.id().clone()),
            Undecided::Deleted(deleted) => (deleted.kind, deleted.id.clone()),
        };
        let rest = Edit::SetConflicts(Box::new(without(&dataset.conflicts, kind, &id)));
        let edit = match (answer, first) {
            (ConflictAnswer::Combine(fields), Undecided::Changed { ours, theirs }) => {
                let Some(record) = combine(&ours, &theirs, &fields) else { return };
                Edit::Batch(vec![Edit::put(record), rest])
            }
            (ConflictAnswer::Delete, Undecided::Deleted(_)) => {
                Edit::Batch(vec![Edit::Delete(kind, id), rest])
            }
            (ConflictAnswer::Keep, Undecided::Deleted(_)) => rest,
            _ => return,
        };
        self.queued.edits.push(edit);
    }
}

/// The records of `merged` that `current` lacks or has differently.
fn changed_records<'a>(current: &'a Dataset, merged: &'a Dataset) -> impl Iterator<Item = AnyRecord> + 'a {
    RecordKind::ALL.iter().flat_map(move |kind| {
        all_of(merged, *kind)
            .into_iter()
            .filter(move |record| AnyRecord::find(current, *kind, record.id()).as_ref() != Some(record))
    })
}

fn all_of(dataset: &Dataset, kind: RecordKind) -> Vec<AnyRecord> {
    match kind {
        RecordKind::Incident => dataset.incidents.iter().cloned().map(AnyRecord::Incident).collect(),
        RecordKind::Rally => dataset.rallies.iter().cloned().map(AnyRecord::Rally).collect(),
        RecordKind::Source => dataset.sources.iter().cloned().map(AnyRecord::Source).collect(),
        RecordKind::Place => dataset.places.iter().cloned().map(AnyRecord::Place).collect(),
        RecordKind::Organization => {
            dataset.organizations.iter().cloned().map(AnyRecord::Organization).collect()
        }
    }
}

/// Joins their record into ours: theirs is removed, and what named it names ours.
fn join_look_alike(merged: &Dataset, alike: &LookAlike) -> Vec<Edit> {
    let rename = |id: &mut Id| {
        if *id == alike.theirs {
            *id = alike.ours.clone();
        }
    };
    let mut edits = vec![Edit::Delete(alike.kind, alike.theirs.clone())];
    if alike.kind == RecordKind::Incident {
        for incident in merged.incidents.iter().filter(|i| i.parent.as_ref() == Some(&alike.theirs)) {
            let mut leg = incident.clone();
            leg.parent.iter_mut().for_each(rename);
            edits.push(Edit::put(AnyRecord::Incident(leg)));
        }
        for rally in merged.rallies.iter().filter(|r| r.responds_to.contains(&alike.theirs)) {
            let mut rally = rally.clone();
            rally.responds_to.iter_mut().for_each(rename);
            rally.responds_to.dedup();
            edits.push(Edit::put(AnyRecord::Rally(rally)));
        }
    }
    edits
}
