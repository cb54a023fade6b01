//! The dialogs: unsaved changes, errors, a path to type, delete confirmation, the problem list,
//! crash recovery, about.

use std::path::PathBuf;

use eframe::egui;

use crate::i18n::choice;
use crate::model::{Id, Problem, RecordKind};
use crate::t;
use crate::ui::errors::problem_line;

/// What to do once the unsaved-changes question is answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Start an empty dataset.
    New,
    /// Open a file (or ask which).
    Open(Option<PathBuf>),
    /// Close the window.
    Quit,
}

/// What a typed path is for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PathPurpose {
    /// Opening a dataset.
    Open,
    /// Saving the dataset under a new name.
    SaveAs,
    /// Writing the chart's numbers as CSV.
    ChartCsv,
    /// Writing the chart's picture as PNG.
    ChartPng,
    /// Writing the chart's picture as SVG.
    ChartSvg,
    /// Writing a report as PDF.
    Report,
    /// A CSV file to import.
    ImportCsv,
    /// Another copy of the dataset to merge in.
    Merge,
    /// An article to read for its records.
    Article,
    /// Where to write a copy to share.
    Share,
}

/// The work a previous run left in a recovery file, as the recovery dialog offers it back.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryOffer {
    /// The dataset it belongs to; `None` for one that was never saved.
    pub dataset_path: Option<std::path::PathBuf>,
    /// When it was written.
    pub written: std::time::SystemTime,
}

/// A dialog over the window; one at a time.
#[derive(Clone, Debug)]
pub enum Dialog {
    /// "Save changes?" before `then`.
    UnsavedChanges {
        /// What follows the answer.
        then: Pending,
    },
    /// An error or notice, with a title.
    Message {
        /// The title.
        title: String,
        /// The text, which says what happened and where.
        text: String,
    },
    /// A path typed by hand, where no file dialog can be shown.
    PathEntry {
        /// What the path is for.
        purpose: PathPurpose,
        /// The path typed so far.
        text: String,
        /// Why the path is asked for.
        note: String,
    },
    /// "Delete …?"
    ConfirmDelete {
        /// The kind of record.
        kind: RecordKind,
        /// Its id.
        id: Id,
        /// Its title, to show.
        title: String,
    },
    /// The dataset's validation problems.
    Problems,
    /// The file was changed by another program since it was opened or saved.
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// Work recovered after a crash, to restore or discard.
    Recovery(RecoveryOffer),
    /// What the app is, and where it keeps the records.
    About(AboutFacts),
}

/// What the About window says of this run: where the records and the app's own files are.
#[derive(Clone, Debug, PartialEq)]
pub struct AboutFacts {
    /// The dataset's file; `None` for the built-in sample or a new dataset not yet saved.
    pub file: Option<PathBuf>,
    /// The folder of the recovery copies and the settings; `None` when there is none.
    pub app_folder: Option<PathBuf>,
    /// Whether the dataset is encrypted (its recovery copies are too).
    pub encrypted: bool,
}

/// The user's answer to a dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Close the dialog and do nothing.
    Cancel,
    /// Save, then carry on.
    SaveThen(Pending),
    /// Carry on without saving.
    DiscardThen(Pending),
    /// Use this path.
    Path(PathPurpose, PathBuf),
    /// Delete the record.
    Delete(RecordKind, Id),
    /// Show this record.
    Select(RecordKind, Id),
    /// Save over the file another program changed.
    Overwrite(PathBuf),
    /// Save under another name instead.
    SaveAsInstead,
    /// Give up this work and load the file as it is on disk.
    Reload(PathBuf),
    /// Restore the recovered work.
    Restore,
    /// Throw away the recovered work.
    DiscardRecovery,
}

/// Draws the dialog; returns the answer once there is one.
pub fn dialog_ui(ctx: &egui::Context, dialog: &mut Dialog, problems: &[Problem]) -> Option<Answer> {
    let modal = egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        match dialog {
            Dialog::UnsavedChanges { then } => unsaved_ui(ui, then),
            Dialog::Message { title, text } => {
                ui.heading(title.as_str());
                ui.add(egui::Label::new(text.as_str()).wrap());
                ui.add_space(8.0);
                // Enter closes a message, as Escape and OK do.
                let enter = ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
                (ui.button(t!("button-ok")).clicked() || enter).then_some(Answer::Cancel)
            }
            Dialog::PathEntry { purpose, text, note } => path_entry_ui(ui, *purpose, text, note),
            Dialog::ConfirmDelete { kind, id, title } => {
                ui.heading(t!("delete-title", kind = choice(*kind)));
                ui.label(t!("delete-text", title = title.as_str(), id = id.to_string()));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let delete =
                        ui.button(t!("delete-button")).clicked().then(|| Answer::Delete(*kind, id.clone()));
                    delete.or_else(|| ui.button(t!("button-cancel")).clicked().then_some(Answer::Cancel))
                })
                .inner
            }
            Dialog::Problems => problems_ui(ui, problems),
            Dialog::ChangedOnDisk { path } => changed_on_disk_ui(ui, path),
            Dialog::Recovery(recovery) => recovery_ui(ui, recovery),
            Dialog::About(facts) => about_ui(ui, facts),
        }
    });
    let closed = modal.should_close() && !matches!(dialog, Dialog::Recovery(_));
    modal.inner.or_else(|| closed.then_some(Answer::Cancel))
}

fn unsaved_ui(ui: &mut egui::Ui, then: &Pending) -> Option<Answer> {
    ui.heading(t!("unsaved-title"));
    let next = match then {
        Pending::New => t!("unsaved-before-new"),
        Pending::Open(_) => t!("unsaved-before-open"),
        Pending::Quit => t!("unsaved-before-quit"),
    };
    ui.label(next);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let mut answer = None;
        if ui.button(t!("unsaved-save-first")).clicked() {
            answer = Some(Answer::SaveThen(then.clone()));
        }
        if ui.button(t!("unsaved-dont-save")).on_hover_text(t!("unsaved-dont-save-hint")).clicked() {
            answer = Some(Answer::DiscardThen(then.clone()));
        }
        if ui.button(t!("button-cancel")).clicked() {
            answer = Some(Answer::Cancel);
        }
        answer
    })
    .inner
}

fn path_entry_ui(ui: &mut egui::Ui, purpose: PathPurpose, text: &mut String, note: &str) -> Option<Answer> {
    ui.heading(match purpose {
        PathPurpose::Open => t!("dialog-open-title"),
        PathPurpose::SaveAs => t!("dialog-save-as-title"),
        PathPurpose::ChartCsv => t!("path-chart-csv"),
        PathPurpose::ChartPng => t!("path-chart-png"),
        PathPurpose::ChartSvg => t!("path-chart-svg"),
        PathPurpose::Report => t!("path-report"),
        PathPurpose::ImportCsv => t!("dialog-import-title"),
        PathPurpose::Merge => t!("dialog-merge-title"),
        PathPurpose::Article => t!("dialog-article-title"),
        PathPurpose::Share => t!("dialog-share-title"),
    });
    if !note.is_empty() {
        ui.add(egui::Label::new(note).wrap());
    }
    let label = ui.label(t!("path-label")).id;
    let response = ui.add(egui::TextEdit::singleline(text).desired_width(480.0).hint_text(match purpose {
        PathPurpose::ImportCsv => t!("path-hint-csv"),
        PathPurpose::Article => t!("path-hint-article"),
        _ => t!("path-hint"),
    }));
    let response = response.labelled_by(label);
    if ui.memory(|m| m.focused().is_none()) {
        response.request_focus();
    }
    let entered =
        (response.has_focus() || response.lost_focus()) && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ok =
            ui.add_enabled(!text.trim().is_empty(), egui::Button::new(t!("button-ok"))).clicked() || entered;
        if ok && !text.trim().is_empty() {
            return Some(Answer::Path(purpose, PathBuf::from(text.trim())));
        }
        ui.button(t!("button-cancel")).clicked().then_some(Answer::Cancel)
    })
    .inner
}

fn changed_on_disk_ui(ui: &mut egui::Ui, path: &std::path::Path) -> Option<Answer> {
    ui.heading(t!("changed-on-disk-title"));
    ui.add(egui::Label::new(t!("changed-on-disk-text", path = path.display().to_string())).wrap());
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(t!("changed-on-disk-overwrite")).clicked() {
            return Some(Answer::Overwrite(path.to_owned()));
        }
        if ui.button(t!("changed-on-disk-save-as")).clicked() {
            return Some(Answer::SaveAsInstead);
        }
        let reload = ui.button(t!("changed-on-disk-reload")).on_hover_text(t!("changed-on-disk-reload-hint"));
        if reload.clicked() {
            return Some(Answer::Reload(path.to_owned()));
        }
        ui.button(t!("button-cancel")).clicked().then_some(Answer::Cancel)
    })
    .inner
}

fn problems_ui(ui: &mut egui::Ui, problems: &[Problem]) -> Option<Answer> {
    ui.heading(t!("problems-title", count = problems.len()));
    if problems.is_empty() {
        ui.label(t!("problems-none"));
    }
    let mut answer = None;
    egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
        for problem in problems {
            let line = if problem.is_warning() {
                t!("problem-warning-line", line = problem_line(problem))
            } else {
                problem_line(problem)
            };
            if ui.link(line).on_hover_text(t!("problems-show-record")).clicked() {
                answer = Some(Answer::Select(problem.kind, problem.id.clone()));
            }
        }
    });
    ui.add_space(8.0);
    if ui.button(t!("button-close")).clicked() {
        answer = Some(Answer::Cancel);
    }
    answer
}

fn recovery_ui(ui: &mut egui::Ui, recovery: &RecoveryOffer) -> Option<Answer> {
    ui.heading(t!("recovery-title"));
    let of = recovery
        .dataset_path
        .as_ref()
        .map_or_else(|| t!("recovery-never-saved"), |p| p.display().to_string());
    let when = jiff::Timestamp::try_from(recovery.written)
        .map(|t| t.to_zoned(jiff::tz::TimeZone::system()))
        .map(|t| format!("{} {}", crate::i18n::day(t.date()), t.strftime("%H:%M")))
        .unwrap_or_default();
    ui.label(t!("recovery-text", of = of, when = when));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let restore = ui.button(t!("recovery-restore")).on_hover_text(t!("recovery-restore-hint")).clicked();
        let discard = ui.button(t!("recovery-discard")).on_hover_text(t!("recovery-discard-hint")).clicked();
        restore.then_some(Answer::Restore).or(discard.then_some(Answer::DiscardRecovery))
    })
    .inner
}

fn about_ui(ui: &mut egui::Ui, facts: &AboutFacts) -> Option<Answer> {
    ui.set_max_width(560.0);
    ui.horizontal(|ui| {
        if let Some(icon) = crate::ui::icon::icon_texture(ui.ctx()) {
            ui.add(egui::Image::new(&icon).fit_to_exact_size(egui::vec2(48.0, 48.0)));
        }
        ui.vertical(|ui| {
            ui.heading("Repatriation Watch");
            ui.label(t!("about-version", version = env!("CARGO_PKG_VERSION")));
        });
    });
    ui.add(egui::Label::new(t!("about-text")).wrap());
    ui.add_space(6.0);
    ui.strong(t!("about-where"));
    let dataset = facts.file.as_ref().map_or_else(
        || t!("about-dataset-unsaved"),
        |file| t!("about-dataset", path = file.display().to_string()),
    );
    ui.add(egui::Label::new(dataset).wrap());
    let folder = facts.app_folder.as_ref().map_or_else(
        || t!("about-no-app-folder"),
        |folder| t!("about-app-folder", path = folder.display().to_string()),
    );
    ui.add(egui::Label::new(folder).wrap());
    if facts.encrypted {
        ui.add(egui::Label::new(t!("about-encrypted")).wrap());
    }
    ui.add_space(6.0);
    ui.add(egui::Label::new(t!("about-licence")).wrap());
    ui.add_space(8.0);
    ui.button(t!("button-close")).clicked().then_some(Answer::Cancel)
}
