//! The status bar: file, unsaved marker, record counts, problems.

use eframe::egui;

use crate::model::Dataset;
use crate::t;
use crate::ui::command::Command;

/// What the status bar shows.
pub struct StatusLine<'a> {
    /// The file's name.
    pub file_name: &'a str,
    /// Whether the dataset has unsaved changes.
    pub modified: bool,
    /// Records with unsaved changes in their forms.
    pub drafts: usize,
    /// Validation problems in the dataset (errors).
    pub problems: usize,
    /// Whether the records just opened are still being checked (their problems not known yet).
    pub checking: bool,
    /// Warnings: records whose words were not understood, left out of the charts.
    pub warnings: usize,
    /// A passing message ("Saved to …").
    pub message: Option<&'a str>,
}

/// Draws the status bar; returns the command asked for by a click on the problems or the
/// conflicts.
pub fn status_bar_ui(ui: &mut egui::Ui, line: &StatusLine<'_>, dataset: &Dataset) -> Option<Command> {
    let mut clicked = None;
    ui.horizontal(|ui| {
        ui.label(line.file_name);
        if line.modified {
            ui.label(egui::RichText::new(t!("status-unsaved")).color(ui.visuals().warn_fg_color));
        }
        if line.drafts > 0 {
            ui.label(
                egui::RichText::new(t!("status-unsaved-forms", count = line.drafts))
                    .color(ui.visuals().warn_fg_color),
            );
        }
        ui.separator();
        ui.label(t!(
            "status-summary",
            incidents = grouped(dataset.incidents.len()),
            rallies = grouped(dataset.rallies.len()),
            sources = grouped(dataset.sources.len()),
            places = grouped(dataset.places.len()),
            organizations = grouped(dataset.organizations.len())
        ));
        ui.separator();
        if line.checking {
            ui.label(egui::RichText::new(t!("status-checking")).color(ui.visuals().weak_text_color()));
        } else if problems_ui(ui, line) {
            clicked = Some(Command::ShowProblems);
        }
        let conflicts = dataset.conflicts.len();
        if conflicts > 0 {
            ui.separator();
            let text = egui::RichText::new(t!("status-conflicts", count = conflicts))
                .color(ui.visuals().warn_fg_color);
            if ui.add(egui::Button::new(text).frame(false)).clicked() {
                clicked = Some(Command::ResolveConflicts);
            }
        }
        if let Some(message) = line.message {
            ui.separator();
            ui.weak(message);
        }
    });
    clicked
}

/// How many problems and warnings, as a button that lists them; returns whether it was clicked.
fn problems_ui(ui: &mut egui::Ui, line: &StatusLine<'_>) -> bool {
    let mut text = t!("status-problems", count = line.problems);
    if line.warnings > 0 {
        text = t!("status-problems-and-warnings", problems = text, count = line.warnings);
    }
    let quiet = line.problems == 0 && line.warnings == 0;
    let color = if quiet { ui.visuals().weak_text_color() } else { ui.visuals().warn_fg_color };
    ui.add(egui::Button::new(egui::RichText::new(text).color(color)).frame(false))
        .on_hover_text(t!("status-problems-hint"))
        .clicked()
}

/// A count grouped by thousands: "1,000,000".
fn grouped(count: usize) -> String {
    crate::i18n::number(count as f64)
}
