//! The incident form.

use eframe::egui;

use crate::i18n::date_spec;
use crate::t;

use super::rows::{choice_row, confidential_row, meta_row, multiline_row, text_row};
use crate::model::{Id, Incident, IncidentKind, IncidentStatus, Record, RecordKind};
use crate::ui::widgets::{
    FormContext, PickerLabels, date_field_ui, estimates_ui, field_cell, multi_picker_ui, picker_ui,
    publication_day,
};

/// What the incident form asks of the app besides editing the draft.
#[derive(Debug, PartialEq)]
pub enum IncidentRequest {
    /// Start a new leg of this incident.
    AddLeg,
    /// Show this leg.
    OpenLeg(Id),
}

/// Draws the form for an incident draft.
pub fn incident_form_ui(
    ui: &mut egui::Ui,
    context: &mut FormContext<'_>,
    incident: &mut Incident,
) -> Option<IncidentRequest> {
    let mut request = None;
    // Relative words are read against a source the incident names, in its list or for a figure.
    let named = incident.sources.iter().chain(incident.estimates.iter().filter_map(|e| e.source.as_ref()));
    let reference = publication_day(context.dataset, named);
    egui::Grid::new("incident-form").num_columns(2).spacing([12.0, 6.0]).striped(false).show(ui, |ui| {
        text_row(ui, context, &t!("field-title"), &mut incident.title, "title");
        choice_row(ui, &t!("field-kind"), &mut incident.kind, IncidentKind::ALL);
        choice_row(ui, &t!("field-status"), &mut incident.status, IncidentStatus::ALL);
        date_field_ui(ui, context, &t!("field-date"), "date", &mut incident.date, reference.as_ref());
        estimates_ui(ui, context, &t!("field-people"), "estimates", &mut incident.estimates);
        ui.label(t!("field-from-place"));
        let labels = PickerLabels { field: &t!("field-from-place"), none: &t!("picker-none") };
        field_cell(ui, context.field_width, |ui| {
            picker_ui(ui, context, &labels, RecordKind::Place, &mut incident.from_place);
        });
        ui.end_row();
        ui.label(t!("field-to-place"));
        let labels = PickerLabels { field: &t!("field-to-place"), none: &t!("picker-none") };
        field_cell(ui, context.field_width, |ui| {
            picker_ui(ui, context, &labels, RecordKind::Place, &mut incident.to_place);
        });
        ui.end_row();
        ui.label(t!("field-part-of"));
        field_cell(ui, context.field_width, |ui| {
            let labels = PickerLabels { field: &t!("field-part-of"), none: &t!("picker-none-not-leg") };
            picker_ui(ui, context, &labels, RecordKind::Incident, &mut incident.parent);
            crate::ui::widgets::field_problems_ui(ui, context.problems, "parent");
        });
        ui.end_row();
        // A proposal not yet added has no legs to show, and none can be started from it.
        if context.pending.is_none() {
            ui.label(t!("field-legs"));
            request = legs_ui(ui, context, incident);
            ui.end_row();
        }
        text_row(ui, context, &t!("field-people-involved"), &mut incident.people_involved, "people_involved");
        text_row(ui, context, &t!("field-authorities"), &mut incident.authorities, "authorities");
        text_row(ui, context, &t!("field-context"), &mut incident.context, "context");
        ui.label(t!("field-sources"));
        multi_picker_ui(ui, context, &t!("field-sources"), RecordKind::Source, &mut incident.sources);
        ui.end_row();
        multiline_row(ui, context, &t!("field-notes"), &mut incident.notes, &t!("hint-incident-notes"));
        let flags = (&mut incident.confidential, &mut incident.confidential_details);
        confidential_row(ui, context, flags, &t!("confidential-details-incident"));
        meta_row(ui, context, incident.id.as_str(), incident.created, incident.updated);
    });
    request
}

/// The legs of the incident, each a link to its form, and a button for a new one.
fn legs_ui(ui: &mut egui::Ui, context: &FormContext<'_>, incident: &Incident) -> Option<IncidentRequest> {
    let mut request = None;
    field_cell(ui, context.field_width, |ui| {
        for leg in context.index.legs_of(context.dataset, &incident.id) {
            let text = format!("{} · {}", leg.title, date_spec(&leg.date));
            if ui.link(text).on_hover_text(t!("leg-open")).clicked() {
                request = Some(IncidentRequest::OpenLeg(leg.id().clone()));
            }
        }
        if ui.button(t!("leg-add")).on_hover_text(t!("leg-add-hint")).clicked() {
            request = Some(IncidentRequest::AddLeg);
        }
    });
    request
}
