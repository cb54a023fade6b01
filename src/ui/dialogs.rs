//! The dialogs: unsaved changes, errors, a path to type, delete confirmation, the problem list,
//! crash recovery, about.

use std::path::PathBuf;

use eframe::egui;

use crate::model::{Id, Problem, RecordKind};
use crate::store::Recovery;

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
    /// Work recovered after a crash, to restore or discard.
    Recovery(Recovery),
    /// What the app is.
    About,
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
                ui.button("OK").clicked().then_some(Answer::Cancel)
            }
            Dialog::PathEntry { purpose, text, note } => path_entry_ui(ui, *purpose, text, note),
            Dialog::ConfirmDelete { kind, id, title } => {
                ui.heading(format!("Delete this {kind}?"));
                ui.label(format!("“{title}” ({id}) will be deleted. Edit → Undo brings it back."));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let delete =
                        ui.button("Delete record").clicked().then(|| Answer::Delete(*kind, id.clone()));
                    delete.or_else(|| ui.button("Cancel").clicked().then_some(Answer::Cancel))
                })
                .inner
            }
            Dialog::Problems => problems_ui(ui, problems),
            Dialog::Recovery(recovery) => recovery_ui(ui, recovery),
            Dialog::About => about_ui(ui),
        }
    });
    let closed = modal.should_close() && !matches!(dialog, Dialog::Recovery(_));
    modal.inner.or_else(|| closed.then_some(Answer::Cancel))
}

fn unsaved_ui(ui: &mut egui::Ui, then: &Pending) -> Option<Answer> {
    ui.heading("Save your changes?");
    let next = match then {
        Pending::New => "starting a new dataset",
        Pending::Open(_) => "opening another file",
        Pending::Quit => "closing",
    };
    ui.label(format!("This dataset has changes that are not saved. Save them before {next}?"));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let mut answer = None;
        if ui.button("Save first").clicked() {
            answer = Some(Answer::SaveThen(then.clone()));
        }
        if ui.button("Don't save").on_hover_text("Lose the unsaved changes").clicked() {
            answer = Some(Answer::DiscardThen(then.clone()));
        }
        if ui.button("Cancel").clicked() {
            answer = Some(Answer::Cancel);
        }
        answer
    })
    .inner
}

fn path_entry_ui(ui: &mut egui::Ui, purpose: PathPurpose, text: &mut String, note: &str) -> Option<Answer> {
    ui.heading(match purpose {
        PathPurpose::Open => "Open a dataset",
        PathPurpose::SaveAs => "Save the dataset as",
        PathPurpose::ChartCsv => "Export the chart's numbers as CSV",
        PathPurpose::ChartPng => "Export the chart as a PNG picture",
    });
    if !note.is_empty() {
        ui.add(egui::Label::new(note).wrap());
    }
    let label = ui.label("File path").id;
    let response =
        ui.add(egui::TextEdit::singleline(text).desired_width(480.0).hint_text("/home/me/data/watch.ron"));
    let response = response.labelled_by(label);
    if ui.memory(|m| m.focused().is_none()) {
        response.request_focus();
    }
    let entered =
        (response.has_focus() || response.lost_focus()) && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ok = ui.add_enabled(!text.trim().is_empty(), egui::Button::new("OK")).clicked() || entered;
        if ok && !text.trim().is_empty() {
            return Some(Answer::Path(purpose, PathBuf::from(text.trim())));
        }
        ui.button("Cancel").clicked().then_some(Answer::Cancel)
    })
    .inner
}

fn problems_ui(ui: &mut egui::Ui, problems: &[Problem]) -> Option<Answer> {
    ui.heading(format!("Problems ({})", problems.len()));
    if problems.is_empty() {
        ui.label("No problems: every record is sound.");
    }
    let mut answer = None;
    egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
        for problem in problems {
            if ui.link(problem.to_string()).on_hover_text("Show this record").clicked() {
                answer = Some(Answer::Select(problem.kind, problem.id.clone()));
            }
        }
    });
    ui.add_space(8.0);
    if ui.button("Close").clicked() {
        answer = Some(Answer::Cancel);
    }
    answer
}

fn recovery_ui(ui: &mut egui::Ui, recovery: &Recovery) -> Option<Answer> {
    ui.heading("Recover unsaved work?");
    let of = recovery
        .dataset_path
        .as_ref()
        .map_or_else(|| "a dataset never saved".to_owned(), |p| p.display().to_string());
    let when = jiff::Timestamp::try_from(recovery.written)
        .map(|t| t.strftime("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    ui.label(format!("Repatriation Watch closed with unsaved changes to {of}. They were kept at {when}."));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let restore = ui.button("Restore").on_hover_text("Open the recovered work, unsaved").clicked();
        let discard = ui.button("Discard").on_hover_text("Throw the recovered work away").clicked();
        restore.then_some(Answer::Restore).or(discard.then_some(Answer::DiscardRecovery))
    })
    .inner
}

fn about_ui(ui: &mut egui::Ui) -> Option<Answer> {
    ui.heading("Repatriation Watch");
    ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
    ui.add(
        egui::Label::new(
            "Document the forced repatriation of North Korean escapees by China and the rallies held \
             against it. Every date and number keeps the words its source used. Nothing leaves this computer.",
        )
        .wrap(),
    );
    ui.add_space(8.0);
    ui.button("Close").clicked().then_some(Answer::Cancel)
}
