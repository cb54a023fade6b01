//! The rally form.

use eframe::egui;

use crate::i18n::choice;
use crate::t;

use super::rows::{confidential_row, lines_row, meta_row, multiline_row, text_row};
use crate::model::{Rally, RallyKind, RecordKind};
use crate::ui::widgets::{
    FormContext, PickerLabels, date_field_ui, estimates_ui, field_cell, multi_picker_ui, picker_ui,
    publication_day,
};

/// Draws the form for a rally draft.
pub fn rally_form_ui(ui: &mut egui::Ui, context: &mut FormContext<'_>, rally: &mut Rally) {
    // Relative words are read against a source the rally names, in its list or for a figure.
    let named = rally.sources.iter().chain(rally.attendance.iter().filter_map(|e| e.source.as_ref()));
    let reference = publication_day(context.dataset, named);
    egui::Grid::new("rally-form").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        text_row(ui, context, &t!("field-title"), &mut rally.title, "title");
        ui.label(t!("field-kind"));
        field_cell(ui, context.field_width, |ui| {
            ui.horizontal_wrapped(|ui| {
                for &kind in RallyKind::ALL {
                    let mut on = rally.kinds.contains(&kind);
                    if ui.checkbox(&mut on, choice(kind)).changed() {
                        if on {
                            rally.kinds.push(kind);
                            rally.kinds.sort();
                        } else {
                            rally.kinds.retain(|k| *k != kind);
                        }
                    }
                }
            })
        });
        ui.end_row();
        date_field_ui(ui, context, &t!("field-date"), "date", &mut rally.date, reference.as_ref());
        ui.label(t!("field-place"));
        let labels = PickerLabels { field: &t!("field-place"), none: &t!("picker-none") };
        field_cell(ui, context.field_width, |ui| {
            picker_ui(ui, context, &labels, RecordKind::Place, &mut rally.place);
        });
        ui.end_row();
        ui.label(t!("field-organizers"));
        multi_picker_ui(
            ui,
            context,
            &t!("field-organizers"),
            RecordKind::Organization,
            &mut rally.organizers,
        );
        ui.end_row();
        estimates_ui(ui, context, &t!("field-attendance"), "attendance", &mut rally.attendance);
        text_row(ui, context, &t!("field-target"), &mut rally.target, "target");
        lines_row(ui, context, &t!("field-demands"), &mut rally.demands, &t!("hint-demands"));
        text_row(ui, context, &t!("field-occasion"), &mut rally.occasion, "occasion");
        ui.label(t!("field-responds-to"));
        field_cell(ui, context.field_width, |ui| {
            multi_picker_ui(
                ui,
                context,
                &t!("field-responds-to"),
                RecordKind::Incident,
                &mut rally.responds_to,
            );
            crate::ui::widgets::field_problems_ui(ui, context.problems, "responds_to");
        });
        ui.end_row();
        ui.label(t!("field-sources"));
        multi_picker_ui(ui, context, &t!("field-sources"), RecordKind::Source, &mut rally.sources);
        ui.end_row();
        multiline_row(ui, context, &t!("field-notes"), &mut rally.notes, &t!("hint-rally-notes"));
        let flags = (&mut rally.confidential, &mut rally.confidential_details);
        confidential_row(ui, context, flags, &t!("confidential-details-notes"));
        meta_row(ui, context, rally.id.as_str(), rally.created, rally.updated);
    });
}
