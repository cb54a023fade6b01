//! Files and commands: new, open, save, save as, recovery, and the answers to dialogs.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;

use super::chart_picture::PictureFormat;
use super::{RepatriationWatchApp, jobs};
use crate::model::Dataset;
use crate::store;
use crate::t;
use crate::ui::dialogs::{Answer, Dialog, PathPurpose, Pending, RecoveryOffer};
use crate::ui::encryption_dialog::PassphraseFor;
use crate::ui::errors::{load_error, save_error};

impl RepatriationWatchApp {
    /// Whether a system file dialog is to be shown (else a path is typed).
    pub(super) fn system_dialogs(&mut self) -> bool {
        self.options.file_dialogs && self.dialogs.system.available()
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
        if store::is_encrypted(path) {
            let purpose = PassphraseFor::Open { path: path.to_owned(), forget };
            self.ask_passphrase(purpose);
            return;
        }
        if jobs::opens_in_background(path, self.options.background_from_bytes) {
            self.open_in_background(path, forget, None);
            return;
        }
        match store::load_file(path) {
            Ok(dataset) => {
                self.opened(Arc::new(dataset), path);
                self.open.autosave.forget(forget.as_deref());
            }
            Err(error) => {
                let title = t!("open-failed", path = path.display().to_string());
                self.report(&title, load_error(&error));
            }
        }
    }

    /// Shows a dataset just read from `path`.
    pub(super) fn opened(&mut self, dataset: Arc<Dataset>, path: &Path) {
        let name = path.display().to_string();
        self.show_shared_dataset(dataset, Some(path.to_owned()), name, false);
        self.settings.remember(path);
    }

    pub(super) fn show_dataset(
        &mut self,
        dataset: Dataset,
        file: Option<PathBuf>,
        name: String,
        modified: bool,
    ) {
        self.show_shared_dataset(Arc::new(dataset), file, name, modified);
    }

    /// Shows these records, shared with the threads working out what is shown of them.
    fn show_shared_dataset(
        &mut self,
        dataset: Arc<Dataset>,
        file: Option<PathBuf>,
        name: String,
        modified: bool,
    ) {
        self.open.disk_stamp = file.as_deref().and_then(store::file_stamp);
        self.open.document.replace_shared(dataset, modified);
        // Checks on their way are those of the records replaced.
        self.open.checking = None;
        self.open.problems.stop_awaiting();
        // A plain dataset; an encrypted one's key is set by what opened it.
        self.open.key = None;
        self.open.key_unwritten = false;
        self.open.replacing = None;
        self.open.file = file;
        self.open.file_name = name;
        self.screens.forget_records();
        self.message = None;
    }

    /// Lets go of the records and the screens' caches without freeing them, as the window closes:
    /// the process's end frees them at once.
    pub(super) fn leave_records_to_exit(&mut self) {
        let document =
            std::mem::replace(&mut self.open.document, crate::edit::Document::new(Dataset::default()));
        std::mem::forget(document);
        std::mem::forget(std::mem::take(&mut self.screens));
    }

    pub(super) fn report(&mut self, title: &str, text: String) {
        self.dialogs.shown = Some(Dialog::Message { title: title.to_owned(), text });
    }

    /// Offers back the newest recovered work, if a previous run left any.
    pub(super) fn offer_recovery(&mut self) {
        let Some(dir) = self.open.autosave.dir() else { return };
        if let Some(recovery) = store::find_recoveries(dir).into_iter().next() {
            let offer =
                RecoveryOffer { dataset_path: recovery.dataset_path.clone(), written: recovery.written };
            self.dialogs.shown = Some(Dialog::Recovery(offer));
            self.dialogs.recovery = Some(recovery);
        }
    }

    /// Asks about unsaved work before `then`, or goes straight on when there is none.
    pub(super) fn unless_unsaved(&mut self, then: Pending, ctx: &egui::Context) {
        if self.has_unsaved_work() {
            self.dialogs.shown = Some(Dialog::UnsavedChanges { then });
        } else {
            self.proceed(then, ctx);
        }
    }

    /// Does what was pending once unsaved work is saved or given up.
    pub(super) fn proceed(&mut self, then: Pending, ctx: &egui::Context) {
        match then {
            Pending::New => {
                self.open.autosave.forget(self.open.file.as_deref());
                self.show_dataset(Dataset::default(), None, String::new(), false);
            }
            Pending::Open(Some(path)) => {
                let previous = self.open.file.clone();
                self.open_path(&path, previous);
            }
            Pending::Open(None) => self.choose_file_to_open(),
            Pending::Quit => {
                self.open.autosave.forget(self.open.file.as_deref());
                self.dialogs.close_confirmed = true;
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
            .add_filter(t!("file-filter-dataset"), &["ron", "age"])
            .pick_file();
        if let Some(path) = picked {
            self.open_path(&path, None);
        }
    }

    pub(super) fn choose_export_path(&mut self, purpose: PathPurpose) {
        if !self.system_dialogs() {
            self.ask_path(purpose);
            return;
        }
        let (name, extension) = match purpose {
            PathPurpose::ChartCsv => (t!("file-filter-csv"), "csv"),
            PathPurpose::ChartSvg => (t!("file-filter-svg"), "svg"),
            _ => (t!("file-filter-png"), "png"),
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

    /// Writes the chart's numbers or its picture.
    fn export_chart(&mut self, purpose: PathPurpose, path: PathBuf) {
        let (extension, picture) = match purpose {
            PathPurpose::ChartPng => ("png", Some(PictureFormat::Png)),
            PathPurpose::ChartSvg => ("svg", Some(PictureFormat::Svg)),
            _ => ("csv", None),
        };
        let path = if path.extension().is_some() { path } else { path.with_extension(extension) };
        if let Some(format) = picture {
            self.export_chart_picture(&path, format);
            return;
        }
        let revision = self.open.document.revision();
        let written = if self.screens.charts.chart == crate::ui::charts::ChartKind::Map {
            let dataset = self.open.document.dataset();
            let figures = self.screens.charts.map_figures(dataset, revision, &self.screens.filters);
            let empty = crate::stats::MapFigures::default();
            store::export_map_csv(
                figures.unwrap_or(&empty),
                dataset,
                &crate::ui::charts::map::point_of,
                &path,
            )
        } else if self.screens.charts.chart == crate::ui::charts::ChartKind::Breakdown {
            let by = self.screens.charts.breakdown_by;
            let slices =
                self.screens.charts.slices(self.open.document.dataset(), revision, &self.screens.filters);
            store::export_breakdown_csv(slices, by, &path)
        } else {
            let period = self.screens.charts.options.period;
            let buckets =
                self.screens.charts.buckets(self.open.document.dataset(), revision, &self.screens.filters);
            store::export_chart_csv(buckets, period, &path)
        };
        self.message = Some(match written {
            Ok(()) => {
                self.with_confidential_note(t!("chart-figures-saved", path = path.display().to_string()))
            }
            Err(error) => t!("chart-export-failed", error = save_error(&error)),
        });
    }

    /// A chart export's message, saying when its figures count records marked confidential.
    pub(super) fn with_confidential_note(&self, message: String) -> String {
        let confidential = crate::exchange::confidential_count(self.open.document.dataset());
        if confidential == 0 || self.screens.filters.confidential == Some(false) {
            return message;
        }
        format!("{message} {}", t!("export-includes-confidential", count = confidential))
    }

    pub(super) fn ask_path(&mut self, purpose: PathPurpose) {
        let text = match (purpose, &self.open.file) {
            (PathPurpose::SaveAs, Some(file)) => file.display().to_string(),
            _ => String::new(),
        };
        let note = if self.system_dialogs() { String::new() } else { t!("no-dialog-note") };
        self.dialogs.shown = Some(Dialog::PathEntry { purpose, text, note });
    }

    /// Saves to the current file, or asks for one, then does `then`. Sound forms are saved first.
    pub(super) fn save(&mut self, then: Option<Pending>) {
        match self.open.file.clone() {
            Some(path) => self.save_to(&path, then),
            None => self.save_as(then),
        }
    }

    pub(super) fn save_as(&mut self, then: Option<Pending>) {
        if !self.system_dialogs() {
            self.ask_path(PathPurpose::SaveAs);
            self.dialogs.after_save = then;
            return;
        }
        let encrypted = self.open.key.is_some();
        let (filter, name) = if encrypted {
            (t!("file-filter-encrypted"), "repatriation-watch.ron.age")
        } else {
            (t!("file-filter-dataset"), "repatriation-watch.ron")
        };
        let mut dialog = rfd::FileDialog::new()
            .set_title(t!("dialog-save-as-title"))
            .add_filter(filter, &[if encrypted { "age" } else { "ron" }])
            .set_file_name(name);
        if !encrypted {
            // A name ending in .ron.age asks for a passphrase to encrypt it with.
            dialog = dialog.add_filter(t!("file-filter-encrypted"), &["age"]);
        }
        let picked = dialog.save_file();
        match picked {
            Some(path) => self.save_as_path(path, then),
            // Cancelled, or a dialog that could not appear: either way the status bar says so.
            None => self.message = Some(t!("save-no-file-chosen")),
        }
    }

    /// Writes the dataset to `path` (a large one in the background), then does `then`. On
    /// failure the data stays in memory, unsaved, and the dialog says why.
    pub(super) fn save_to(&mut self, path: &Path, then: Option<Pending>) {
        // An encrypted dataset stays encrypted under any name, with its key file beside it.
        let encrypted_path;
        let path = match self.open.key.clone() {
            Some(key) => {
                encrypted_path = store::encrypted_path(path);
                if !store::key_path(&encrypted_path).exists()
                    && let Err(error) = store::write_key_files(&encrypted_path, &key)
                {
                    self.report(&t!("save-failed-title"), t!("save-failed-kept", error = save_error(&error)));
                    return;
                }
                encrypted_path.as_path()
            }
            None => path,
        };
        let ours = self.open.file.as_deref() == Some(path);
        // A file that is gone is written again; one changed by another program is not
        // overwritten without asking.
        let changed = store::file_stamp(path).is_some_and(|now| Some(now) != self.open.disk_stamp);
        if ours && changed && !self.open.overwrite_confirmed {
            self.dialogs.shown = Some(Dialog::ChangedOnDisk { path: path.to_owned() });
            return;
        }
        self.open.overwrite_confirmed = false;
        let blocked = self.commit_valid_drafts();
        if jobs::saves_in_background(self.open.document.dataset(), self.options.background_from_bytes) {
            self.save_in_background(path, blocked, then);
            return;
        }
        let key = self.open.key.as_deref();
        match store::save_protected(self.open.document.dataset(), path, key, &store::Progress::default()) {
            Ok(()) => {
                self.saved(path, self.open.document.state(), blocked);
                self.dialogs.after_save = then;
            }
            Err(error) => {
                self.report(&t!("save-failed-title"), t!("save-failed-kept", error = save_error(&error)));
            }
        }
    }

    /// Takes note of a file written with the contents of `state` (a document's state token).
    pub(super) fn saved(&mut self, path: &Path, state: u64, blocked: usize) {
        let previous = self.open.file.replace(path.to_owned());
        self.open.disk_stamp = store::file_stamp(path);
        self.open.document.mark_saved_at(state);
        self.open.file_name = path.display().to_string();
        self.settings.remember(path);
        self.open.autosave.forget(previous.as_deref());
        self.open.autosave.forget(Some(path));
        self.write_key_file_if_changed(path);
        self.remove_replaced(path);
        self.message = Some(match blocked {
            0 => t!("saved-to", path = path.display().to_string()),
            n => t!("saved-to-with-drafts", path = path.display().to_string(), count = n),
        });
    }

    /// Acts on the answer to a dialog.
    pub(super) fn answer(&mut self, answer: Answer, ctx: &egui::Context) {
        match answer {
            Answer::Cancel => {
                self.dialogs.after_save = None;
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
            Answer::Path(PathPurpose::Article, path) => self.open_article_file(&path),
            Answer::Path(PathPurpose::Share, path) => self.write_shared_copy(path),
            Answer::Path(PathPurpose::Report, path) => self.start_report(path),
            Answer::Path(
                purpose @ (PathPurpose::ChartCsv | PathPurpose::ChartPng | PathPurpose::ChartSvg),
                path,
            ) => {
                self.export_chart(purpose, path);
            }
            Answer::Path(PathPurpose::SaveAs, path) => {
                let then = self.dialogs.after_save.take();
                self.save_as_path(path, then);
            }
            Answer::Delete(kind, id) => {
                self.screens.editor.discard(kind, &id);
                self.queued.edits.push(crate::edit::Edit::Delete(kind, id));
                self.screens.tables.get_mut(kind).selected = None;
            }
            Answer::Select(kind, id) => self.select(kind, id),
            Answer::Overwrite(path) => {
                self.open.overwrite_confirmed = true;
                self.save_to(&path, None);
            }
            Answer::SaveAsInstead => self.save_as(None),
            Answer::Restore => {
                if let Some(recovery) = self.dialogs.recovery.take() {
                    self.restore(&recovery);
                }
            }
            Answer::DiscardRecovery => {
                if let Some(recovery) = self.dialogs.recovery.take() {
                    recovery.discard();
                    self.offer_recovery();
                }
            }
        }
        // What waited for a save goes on once it is written (a save that asks for a name, or
        // runs in the background, carries it on until then).
        if !self.open.document.is_modified()
            && let Some(then) = self.dialogs.after_save.take()
        {
            self.proceed(then, ctx);
        }
    }

    /// Saves under the name chosen: one ending in `.age` for a plain dataset asks for a
    /// passphrase to encrypt it with first.
    fn save_as_path(&mut self, path: PathBuf, then: Option<Pending>) {
        let wants_encryption = path.extension().is_some_and(|extension| extension == "age");
        if wants_encryption && self.open.key.is_none() {
            self.dialogs.after_save = then;
            self.ask_passphrase(PassphraseFor::Encrypt { target: Some(path) });
            return;
        }
        self.save_to(&store::with_ron_extension(path), then);
    }

    fn restore(&mut self, recovery: &store::Recovery) {
        let key = self.open.key.clone().filter(|_| recovery.encrypted);
        match recovery.load_with(key.as_deref()) {
            Ok(dataset) => {
                let name =
                    recovery.dataset_path.as_ref().map_or_else(String::new, |p| p.display().to_string());
                self.show_dataset(dataset, recovery.dataset_path.clone(), name, true);
                self.open.key = key;
                self.message = Some(t!("recovered-message"));
            }
            Err(error) => self.report(&t!("recovery-unreadable"), load_error(&error)),
        }
    }
}
