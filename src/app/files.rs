//! Files and commands: new, open, save, save as, recovery, and the answers to dialogs.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::command::Command;
use super::{RepatriationWatchApp, focus_search, jobs};
use crate::edit::AnyRecord;
use crate::model::{Dataset, RecordKind};
use crate::store;
use crate::t;
use crate::ui::dialogs::{Answer, Dialog, PathPurpose, Pending};
use crate::ui::errors::{load_error, save_error};

impl RepatriationWatchApp {
    /// Whether a system file dialog is to be shown (else a path is typed).
    pub(super) fn system_dialogs(&mut self) -> bool {
        self.options.file_dialogs && self.dialogs.available()
    }

    /// Shows the built-in sample, which has no file: saving it asks for a name.
    pub(super) fn open_sample(&mut self) {
        match store::load_sample() {
            Ok(dataset) => self.show_dataset(dataset, None, store::SAMPLE_NAME.to_owned(), false),
            Err(error) => self.report(&t!("sample-unreadable"), load_error(&error)),
        }
    }

    /// Opens a file (a large one in the background); on failure the dialog says why and the
    /// current data stays. `forget` is the recovery file to drop once the file is open.
    pub(super) fn open_path(&mut self, path: &Path, forget: Option<PathBuf>) {
        if jobs::opens_in_background(path, self.options.background_from_bytes) {
            self.open_in_background(path, forget);
            return;
        }
        match store::load_file(path) {
            Ok(dataset) => {
                self.opened(dataset, path);
                self.autosave.forget(forget.as_deref());
            }
            Err(error) => {
                let title = t!("open-failed", path = path.display().to_string());
                self.report(&title, load_error(&error));
            }
        }
    }

    /// Shows a dataset just read from `path`.
    pub(super) fn opened(&mut self, dataset: Dataset, path: &Path) {
        let name = path.display().to_string();
        self.show_dataset(dataset, Some(path.to_owned()), name, false);
        self.settings.remember(path);
    }

    fn show_dataset(&mut self, dataset: Dataset, file: Option<PathBuf>, name: String, modified: bool) {
        self.disk_stamp = file.as_deref().and_then(store::file_stamp);
        self.document.replace(dataset, modified);
        self.file = file;
        self.file_name = name;
        self.editor.clear();
        for kind in RecordKind::ALL {
            self.tables.get(*kind).selected = None;
        }
        self.message = None;
    }

    pub(super) fn report(&mut self, title: &str, text: String) {
        self.dialog = Some(Dialog::Message { title: title.to_owned(), text });
    }

    /// Offers back the newest recovered work, if a previous run left any.
    pub(super) fn offer_recovery(&mut self) {
        let Some(dir) = self.autosave.dir() else { return };
        if let Some(recovery) = store::find_recoveries(dir).into_iter().next() {
            self.dialog = Some(Dialog::Recovery(recovery));
        }
    }

    /// Carries out a command from a menu, a shortcut or a button.
    pub(super) fn run(&mut self, command: Command, ctx: &egui::Context) {
        let touches_files = matches!(
            command,
            Command::New
                | Command::Open
                | Command::OpenPath(_)
                | Command::Save
                | Command::SaveAs
                | Command::ImportCsv
                | Command::Merge
        );
        if touches_files && self.is_busy() {
            self.message = Some(t!("busy-wait"));
            return;
        }
        match command {
            Command::New => self.unless_unsaved(Pending::New, ctx),
            Command::Open => self.unless_unsaved(Pending::Open(None), ctx),
            Command::OpenPath(path) => self.unless_unsaved(Pending::Open(Some(path)), ctx),
            Command::Save => {
                self.save(None);
            }
            Command::SaveAs => self.save_as(None),
            Command::Undo => {
                self.autosave.let_go();
                self.document.undo();
            }
            Command::Redo => {
                self.autosave.let_go();
                self.document.redo();
            }
            Command::Find => focus_search(ctx),
            Command::NewRecord => {
                let id = self.editor.start_new(self.document.dataset(), self.view, None);
                self.select(self.view, id);
            }
            Command::ExportChartCsv => self.choose_export_path(PathPurpose::ChartCsv),
            Command::ExportChartPng => self.choose_export_path(PathPurpose::ChartPng),
            Command::Show(kind) => {
                self.view = kind;
                self.show_charts = false;
            }
            Command::ShowCharts => self.show_charts = true,
            Command::ShowProblems => self.dialog = Some(Dialog::Problems),
            Command::About => self.dialog = Some(Dialog::About),
            Command::ImportCsv => self.choose_exchange_file(PathPurpose::ImportCsv),
            Command::Merge => self.choose_exchange_file(PathPurpose::Merge),
            Command::ResolveConflicts => self.show_conflicts(),
            Command::SetLanguage(language) => {
                crate::i18n::set_language(language);
                self.settings.language = Some(language);
            }
            Command::Quit => {
                if self.has_unsaved_work() {
                    self.dialog = Some(Dialog::UnsavedChanges { then: Pending::Quit });
                } else {
                    self.proceed(Pending::Quit, ctx);
                }
            }
        }
    }

    /// Asks about unsaved work before `then`, or goes straight on when there is none.
    fn unless_unsaved(&mut self, then: Pending, ctx: &egui::Context) {
        if self.has_unsaved_work() {
            self.dialog = Some(Dialog::UnsavedChanges { then });
        } else {
            self.proceed(then, ctx);
        }
    }

    /// Does what was pending once unsaved work is saved or given up.
    pub(super) fn proceed(&mut self, then: Pending, ctx: &egui::Context) {
        match then {
            Pending::New => {
                self.autosave.forget(self.file.as_deref());
                self.show_dataset(Dataset::default(), None, String::new(), false);
            }
            Pending::Open(Some(path)) => {
                let previous = self.file.clone();
                self.open_path(&path, previous);
            }
            Pending::Open(None) => self.choose_file_to_open(),
            Pending::Quit => {
                self.autosave.forget(self.file.as_deref());
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn choose_file_to_open(&mut self) {
        if !self.system_dialogs() {
            self.ask_path(PathPurpose::Open);
            return;
        }
        let picked = rfd::FileDialog::new()
            .set_title(t!("dialog-open-title"))
            .add_filter(t!("file-filter-dataset"), &["ron"])
            .pick_file();
        if let Some(path) = picked {
            self.open_path(&path, None);
        }
    }

    fn choose_export_path(&mut self, purpose: PathPurpose) {
        if !self.system_dialogs() {
            self.ask_path(purpose);
            return;
        }
        let (name, extension) = if purpose == PathPurpose::ChartCsv {
            (t!("file-filter-csv"), "csv")
        } else {
            (t!("file-filter-png"), "png")
        };
        let picked = rfd::FileDialog::new()
            .set_title(t!("dialog-export-chart-title"))
            .add_filter(name, &[extension])
            .set_file_name(format!("chart.{extension}"))
            .save_file();
        if let Some(path) = picked {
            self.export_chart(purpose, path);
        }
    }

    /// Writes the chart's numbers now, or asks for its picture to be taken.
    fn export_chart(&mut self, purpose: PathPurpose, path: PathBuf) {
        let extension = if purpose == PathPurpose::ChartCsv { "csv" } else { "png" };
        let path = if path.extension().is_some() { path } else { path.with_extension(extension) };
        if purpose == PathPurpose::ChartPng {
            self.png_export.waiting = Some(path);
            return;
        }
        let revision = self.document.revision();
        let written = if self.charts.chart == crate::ui::charts::ChartKind::Breakdown {
            let by = self.charts.breakdown_by;
            let slices = self.charts.slices(self.document.dataset(), revision, &self.filters);
            store::export_breakdown_csv(slices, by, &path)
        } else {
            let period = self.charts.options.period;
            let buckets = self.charts.buckets(self.document.dataset(), revision, &self.filters);
            store::export_chart_csv(buckets, period, &path)
        };
        self.message = Some(match written {
            Ok(()) => t!("chart-figures-saved", path = path.display().to_string()),
            Err(error) => t!("chart-export-failed", error = save_error(&error)),
        });
    }

    pub(super) fn ask_path(&mut self, purpose: PathPurpose) {
        let text = match (purpose, &self.file) {
            (PathPurpose::SaveAs, Some(file)) => file.display().to_string(),
            _ => String::new(),
        };
        let note = if self.system_dialogs() { String::new() } else { t!("no-dialog-note") };
        self.dialog = Some(Dialog::PathEntry { purpose, text, note });
    }

    /// Saves to the current file, or asks for one, then does `then`. Sound forms are saved first.
    fn save(&mut self, then: Option<Pending>) {
        match self.file.clone() {
            Some(path) => self.save_to(&path, then),
            None => self.save_as(then),
        }
    }

    fn save_as(&mut self, then: Option<Pending>) {
        if !self.system_dialogs() {
            self.ask_path(PathPurpose::SaveAs);
            self.pending_after_save = then;
            return;
        }
        let picked = rfd::FileDialog::new()
            .set_title(t!("dialog-save-as-title"))
            .add_filter(t!("file-filter-dataset"), &["ron"])
            .set_file_name("repatriation-watch.ron")
            .save_file();
        match picked {
            Some(path) => self.save_to(&store::with_ron_extension(path), then),
            // Cancelled, or a dialog that could not appear: either way the status bar says so.
            None => self.message = Some(t!("save-no-file-chosen")),
        }
    }

    /// Writes the dataset to `path` (a large one in the background), then does `then`. On
    /// failure the data stays in memory, unsaved, and the dialog says why.
    fn save_to(&mut self, path: &Path, then: Option<Pending>) {
        let ours = self.file.as_deref() == Some(path);
        // A file that is gone is written again; one changed by another program is not
        // overwritten without asking.
        let changed = store::file_stamp(path).is_some_and(|now| Some(now) != self.disk_stamp);
        if ours && changed && !self.overwrite_confirmed {
            self.dialog = Some(Dialog::ChangedOnDisk { path: path.to_owned() });
            return;
        }
        self.overwrite_confirmed = false;
        let blocked = self.commit_valid_drafts();
        if jobs::saves_in_background(self.document.dataset(), self.options.background_from_bytes) {
            self.save_in_background(path, blocked, then);
            return;
        }
        match store::save_file(self.document.dataset(), path) {
            Ok(()) => {
                self.saved(path, self.document.state(), blocked);
                self.pending_after_save = then;
            }
            Err(error) => {
                self.report(&t!("save-failed-title"), t!("save-failed-kept", error = save_error(&error)));
            }
        }
    }

    /// Takes note of a file written with the contents of `state` (a document's state token).
    pub(super) fn saved(&mut self, path: &Path, state: u64, blocked: usize) {
        let previous = self.file.replace(path.to_owned());
        self.disk_stamp = store::file_stamp(path);
        self.document.mark_saved_at(state);
        self.file_name = path.display().to_string();
        self.settings.remember(path);
        self.autosave.forget(previous.as_deref());
        self.autosave.forget(Some(path));
        self.message = Some(match blocked {
            0 => t!("saved-to", path = path.display().to_string()),
            n => t!("saved-to-with-drafts", path = path.display().to_string(), count = n),
        });
    }

    /// Acts on the answer to a dialog.
    pub(super) fn answer(&mut self, dialog: Option<Dialog>, answer: Answer, ctx: &egui::Context) {
        match answer {
            Answer::Cancel => {
                self.pending_after_save = None;
            }
            Answer::SaveThen(then) => {
                self.save(Some(then));
            }
            // The work is given up only by what follows (a new dataset, another file, closing):
            // should that not happen (a file dialog cancelled), it is all still here, unsaved.
            Answer::DiscardThen(then) => self.proceed(then, ctx),
            Answer::Path(PathPurpose::Open, path) | Answer::Reload(path) => self.open_path(&path, None),
            Answer::Path(PathPurpose::ImportCsv, path) => self.start_import(path),
            Answer::Path(PathPurpose::Merge, path) => self.start_merge(path),
            Answer::Path(purpose @ (PathPurpose::ChartCsv | PathPurpose::ChartPng), path) => {
                self.export_chart(purpose, path);
            }
            Answer::Path(PathPurpose::SaveAs, path) => {
                let then = self.pending_after_save.take();
                self.save_to(&store::with_ron_extension(path), then);
            }
            Answer::Delete(kind, id) => {
                self.editor.discard(kind, &id);
                self.edits.push(crate::edit::Edit::Delete(kind, id));
                self.tables.get(kind).selected = None;
            }
            Answer::Select(kind, id) => self.select(kind, id),
            Answer::Overwrite(path) => {
                self.overwrite_confirmed = true;
                self.save_to(&path, None);
            }
            Answer::SaveAsInstead => self.save_as(None),
            Answer::Restore => {
                if let Some(Dialog::Recovery(recovery)) = dialog {
                    self.restore(&recovery);
                }
            }
            Answer::DiscardRecovery => {
                if let Some(Dialog::Recovery(recovery)) = dialog {
                    recovery.discard();
                    self.offer_recovery();
                }
            }
        }
        // What waited for a save goes on once it is written (a save that asks for a name, or
        // runs in the background, carries it on until then).
        if !self.document.is_modified()
            && let Some(then) = self.pending_after_save.take()
        {
            self.proceed(then, ctx);
        }
    }

    fn restore(&mut self, recovery: &store::Recovery) {
        match recovery.load() {
            Ok(dataset) => {
                let name =
                    recovery.dataset_path.as_ref().map_or_else(String::new, |p| p.display().to_string());
                self.show_dataset(dataset, recovery.dataset_path.clone(), name, true);
                self.message = Some(t!("recovered-message"));
            }
            Err(error) => self.report(&t!("recovery-unreadable"), load_error(&error)),
        }
    }

    /// Selects nothing and shows the record's kind; for tests and links.
    pub fn record(&self, kind: RecordKind, id: &crate::model::Id) -> Option<AnyRecord> {
        AnyRecord::find(self.document.dataset(), kind, id)
    }
}
