//! The rows forms are made of: a label in the left column, a field in the right.

use crate::i18n::choice;
use crate::model::Choice;
use crate::t;

use eframe::egui;

use crate::ui::widgets::{FormContext, field_cell, field_problems_ui};

/// A one-line text field, with the problems of `field` beneath it.
pub fn text_row(ui: &mut egui::Ui, context: &FormContext<'_>, label: &str, value: &mut String, field: &str) {
    let label_id = ui.label(label).id;
    field_cell(ui, context.field_width, |ui| {
        // An explicit id keeps the focus in the field while problems appear and vanish around it.
        let edit = egui::TextEdit::singleline(value).id_salt(field).desired_width(context.field_width);
        let response = ui.add(edit).labelled_by(label_id);
        // A record just started is typed into at once, from its title or name.
        if context.focus_first_field && matches!(field, "title" | "name") {
            response.request_focus();
        }
        field_problems_ui(ui, context.problems, field);
    });
    ui.end_row();
}

/// Whether the record is confidential (left out of shared copies), and whether its personal
/// details (`details`, named in words) are.
pub fn confidential_row(
    ui: &mut egui::Ui,
    context: &FormContext<'_>,
    (confidential, confidential_details): (&mut bool, &mut bool),
    details: &str,
) {
    ui.label(t!("field-confidential"));
    field_cell(ui, context.field_width, |ui| {
        ui.checkbox(confidential, t!("confidential-record")).on_hover_text(t!("confidential-record-hint"));
        let detail_box = ui.add_enabled(
            !*confidential,
            egui::Checkbox::new(confidential_details, t!("confidential-details", details = details)),
        );
        detail_box.on_hover_text(t!("confidential-details-hint"));
    });
    ui.end_row();
}

/// A text field of several lines.
pub fn multiline_row(
    ui: &mut egui::Ui,
    context: &FormContext<'_>,
    label: &str,
    value: &mut String,
    hint: &str,
) {
    let label_id = ui.label(label).id;
    let edit = egui::TextEdit::multiline(value)
        .id_salt(label)
        .desired_rows(3)
        .hint_text(hint)
        .desired_width(context.field_width);
    ui.add(edit).labelled_by(label_id);
    ui.end_row();
}

/// A list of short texts edited one per line ("demands").
pub fn lines_row(
    ui: &mut egui::Ui,
    context: &FormContext<'_>,
    label: &str,
    values: &mut Vec<String>,
    hint: &str,
) {
    let label_id = ui.label(label).id;
    let mut text = values.join("\n");
    let edit = egui::TextEdit::multiline(&mut text)
        .id_salt(label)
        .desired_rows(3)
        .hint_text(hint)
        .desired_width(context.field_width);
    if ui.add(edit).labelled_by(label_id).changed() {
        *values = text.lines().map(str::to_owned).collect();
    }
    ui.end_row();
}

/// A choice among a closed list (a kind, a status).
pub fn choice_row<T: Copy + PartialEq + Choice>(ui: &mut egui::Ui, label: &str, value: &mut T, all: &[T]) {
    ui.label(label);
    let response = egui::ComboBox::from_id_salt(label)
        .selected_text(choice(*value))
        .show_ui(ui, |ui| {
            for &option in all {
                ui.selectable_value(value, option, choice(option));
            }
        })
        .response;
    let name = label.to_owned();
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
    ui.end_row();
}

/// An optional decimal number (a latitude), kept only when it reads as one.
pub fn decimal_row(
    ui: &mut egui::Ui,
    context: &FormContext<'_>,
    label: &str,
    value: &mut Option<f64>,
    field: &str,
) {
    let label_id = ui.label(label).id;
    field_cell(ui, context.field_width, |ui| {
        let buffer_id = ui.scope_id().with(label);
        let mut text: String = ui
            .data_mut(|d| d.get_temp(buffer_id))
            .unwrap_or_else(|| value.map(|v| v.to_string()).unwrap_or_default());
        let response = ui
            .add(egui::TextEdit::singleline(&mut text).id_salt(label).desired_width(120.0))
            .labelled_by(label_id);
        if response.changed() {
            *value = text.trim().parse().ok().filter(|v: &f64| v.is_finite());
        }
        if response.has_focus() {
            ui.data_mut(|d| d.insert_temp(buffer_id, text.clone()));
        } else {
            ui.data_mut(|d| d.remove::<String>(buffer_id));
        }
        if !text.trim().is_empty() && value.is_none() {
            ui.colored_label(ui.visuals().error_fg_color, t!("decimal-not-a-number"));
        }
        field_problems_ui(ui, context.problems, field);
    });
    ui.end_row();
}

/// A moment in the interface's language and the system's time zone: "Nov 22, 2026 18:55".
fn timestamp(moment: jiff::Timestamp) -> String {
    let zoned = moment.to_zoned(jiff::tz::TimeZone::system());
    format!("{} {}", crate::i18n::day(zoned.date()), zoned.strftime("%H:%M"))
}

/// The record's id and times, for reference.
pub fn meta_row(
    ui: &mut egui::Ui,
    context: &FormContext<'_>,
    id: &str,
    created: jiff::Timestamp,
    updated: jiff::Timestamp,
) {
    ui.weak(t!("field-id"));
    field_cell(ui, context.field_width, |ui| {
        ui.add(egui::Label::new(egui::RichText::new(id).monospace().weak()).selectable(true));
        if created != jiff::Timestamp::UNIX_EPOCH {
            ui.weak(t!("record-times", created = timestamp(created), updated = timestamp(updated)));
        }
    });
    ui.end_row();
}
