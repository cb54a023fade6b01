//! File → Import CSV…: which kind of record the rows are, which field each column fills, and
//! a preview listing every problem by line and column before anything is applied.

use std::path::PathBuf;

use eframe::egui;

use crate::exchange::csv_header;
use crate::exchange::{CsvTable, ImportIssue, Mapping, Preview, auto_mapping, preview};
use crate::i18n::tr;
use crate::model::{Dataset, RecordKind};
use crate::t;
use crate::ui::errors::problem_message;
use crate::ui::nav::{VIEWS, view_name};

/// The import being prepared.
#[derive(Clone, Debug)]
pub struct ImportState {
    /// The CSV file.
    pub path: PathBuf,
    /// Its header and rows.
    pub table: CsvTable,
    /// What the rows are.
    pub kind: RecordKind,
    /// The field each column fills.
    pub mapping: Mapping,
    /// What the import would do, for the kind and mapping chosen.
    pub preview: Preview,
}

impl ImportState {
    /// An import of `table` as records of `kind`, its columns matched by their names.
    pub fn new(path: PathBuf, table: CsvTable, kind: RecordKind, dataset: &Dataset) -> Self {
        let mapping = auto_mapping(kind, &table.headers);
        let mut state = Self { path, table, kind, mapping, preview: Preview::default() };
        state.refresh(dataset);
        state
    }

    /// Reads the rows again with the kind and mapping chosen.
    pub fn refresh(&mut self, dataset: &Dataset) {
        self.preview = preview(&self.table, self.kind, &self.mapping, dataset, jiff::Timestamp::now());
    }

    /// The kind a file's name suggests ("places.csv"), incidents otherwise.
    pub fn kind_from_name(path: &std::path::Path) -> RecordKind {
        let name = path.file_stem().map(|s| s.to_string_lossy().to_lowercase()).unwrap_or_default();
        let found = [
            ("rall", RecordKind::Rally),
            ("source", RecordKind::Source),
            ("place", RecordKind::Place),
            ("organi", RecordKind::Organization),
        ];
        found.iter().find(|(part, _)| name.contains(part)).map_or(RecordKind::Incident, |(_, kind)| *kind)
    }
}

/// What the user decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportAnswer {
    /// Apply the import.
    Import,
    /// Give it up.
    Cancel,
}

/// A row problem's reason in the interface's language.
pub fn issue_text(issue: &ImportIssue) -> String {
    match issue {
        ImportIssue::UnknownChoice { value, allowed } => {
            t!("import-unknown-choice", value = value, allowed = allowed.join(", "))
        }
        ImportIssue::BadNumber { value } => t!("import-bad-number", value = value),
        ImportIssue::BadDate { value } => t!("import-bad-date", value = value),
        ImportIssue::BadTimestamp { value } => t!("import-bad-timestamp", value = value),
        ImportIssue::BadEstimates { message } => t!("import-bad-estimates", message = message),
        ImportIssue::RepeatedId { id, first_line } => t!("import-repeated-id", id = id, line = *first_line),
        ImportIssue::Invalid(message) => problem_message(message),
    }
}

/// A field's name as the mapping shows it (the column name in English, a label in Korean).
fn field_label(field: &str) -> String {
    tr(&format!("csv-{field}"))
}

/// Draws the import dialog; returns the decision once there is one.
pub fn import_ui(ctx: &egui::Context, state: &mut ImportState, dataset: &Dataset) -> Option<ImportAnswer> {
    let modal = egui::Modal::new(egui::Id::unique("import-dialog")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        let name = state.path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        ui.heading(t!("import-title", file = name));
        let mut changed = kind_ui(ui, state);
        changed |= mapping_ui(ui, state);
        if changed {
            state.refresh(dataset);
        }
        ui.separator();
        summary_ui(ui, &state.preview);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ready = state.preview.problems.is_empty() && !state.preview.records.is_empty();
            let import = ui.add_enabled(ready, egui::Button::new(t!("import-button")));
            let import = import.on_disabled_hover_text(t!("import-blocked"));
            if import.clicked() {
                return Some(ImportAnswer::Import);
            }
            ui.button(t!("button-cancel")).clicked().then_some(ImportAnswer::Cancel)
        })
        .inner
    });
    modal.inner.or_else(|| modal.should_close().then_some(ImportAnswer::Cancel))
}

fn kind_ui(ui: &mut egui::Ui, state: &mut ImportState) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let label = t!("import-kind");
        ui.label(&label);
        let response = egui::ComboBox::from_id_salt("import-kind")
            .selected_text(view_name(state.kind))
            .show_ui(ui, |ui| {
                for kind in VIEWS {
                    if ui.selectable_value(&mut state.kind, kind, view_name(kind)).changed() {
                        state.mapping = auto_mapping(kind, &state.table.headers);
                        changed = true;
                    }
                }
            })
            .response;
        response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &label));
    });
    changed
}

fn mapping_ui(ui: &mut egui::Ui, state: &mut ImportState) -> bool {
    let mut changed = false;
    ui.label(t!("import-columns"));
    let fields = csv_header(state.kind);
    egui::ScrollArea::vertical().id_salt("import-columns").max_height(220.0).show(ui, |ui| {
        egui::Grid::new("import-mapping").num_columns(2).striped(true).show(ui, |ui| {
            for (index, header) in state.table.headers.iter().enumerate() {
                ui.label(header);
                let Some(slot) = state.mapping.get_mut(index) else { continue };
                let selected = slot.map_or_else(|| t!("import-leave-out"), field_label);
                let name = t!("import-column", column = header);
                let response = egui::ComboBox::from_id_salt(("import-field", index))
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        changed |= ui.selectable_value(slot, None, t!("import-leave-out")).changed();
                        for field in fields.iter().filter(|f| **f != "estimates") {
                            changed |= ui.selectable_value(slot, Some(*field), field_label(field)).changed();
                        }
                    })
                    .response;
                response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
                ui.end_row();
            }
        });
    });
    if state.mapping.len() < state.table.headers.len() {
        state.mapping.resize(state.table.headers.len(), None);
    }
    changed
}

fn summary_ui(ui: &mut egui::Ui, preview: &Preview) {
    ui.label(t!("import-summary", added = preview.added, updated = preview.updated));
    if preview.skipped_second_header {
        ui.weak(t!("import-second-header"));
    }
    if preview.problems.is_empty() {
        return;
    }
    ui.colored_label(ui.visuals().error_fg_color, t!("import-problems", count = preview.problems.len()));
    egui::ScrollArea::vertical().id_salt("import-problems").max_height(180.0).show(ui, |ui| {
        for problem in &preview.problems {
            let reason = issue_text(&problem.issue);
            ui.label(t!(
                "import-problem",
                line = problem.line,
                column = problem.column.as_str(),
                reason = reason
            ));
        }
    });
}
