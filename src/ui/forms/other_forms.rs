//! The forms for sources, places and organizations.

use eframe::egui;

use crate::t;

use super::rows::{choice_row, confidential_row, decimal_row, meta_row, multiline_row, text_row};
use crate::model::{Organization, OrganizationKind, Place, PlaceKind, Reliability, Source, SourceKind};
use crate::ui::widgets::{FormContext, date_field_ui};

/// Draws the form for a source draft.
pub fn source_form_ui(ui: &mut egui::Ui, context: &mut FormContext<'_>, source: &mut Source) {
    egui::Grid::new("source-form").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        text_row(ui, context, &t!("field-title"), &mut source.title, "title");
        choice_row(ui, &t!("field-kind"), &mut source.kind, SourceKind::ALL);
        text_row(ui, context, &t!("field-outlet"), &mut source.outlet, "outlet");
        text_row(ui, context, &t!("field-author"), &mut source.author, "author");
        text_row(ui, context, &t!("field-language"), &mut source.language, "language");
        text_row(ui, context, &t!("field-url"), &mut source.url, "url");
        date_field_ui(ui, context, &t!("field-published"), "published", &mut source.published, None);
        text_row(ui, context, &t!("field-archive-url"), &mut source.archive_url, "archive_url");
        choice_row(ui, &t!("field-reliability"), &mut source.reliability, Reliability::ALL);
        multiline_row(ui, context, &t!("field-key-quote"), &mut source.key_quote, &t!("hint-key-quote"));
        multiline_row(ui, context, &t!("field-notes"), &mut source.notes, "");
        let flags = (&mut source.confidential, &mut source.confidential_details);
        confidential_row(ui, context, flags, &t!("confidential-details-source"));
        meta_row(ui, context, source.id.as_str(), source.created, source.updated);
    });
}

/// Draws the form for a place draft.
pub fn place_form_ui(ui: &mut egui::Ui, context: &FormContext<'_>, place: &mut Place) {
    egui::Grid::new("place-form").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        text_row(ui, context, &t!("field-name"), &mut place.name, "name");
        text_row(ui, context, &t!("field-korean-name"), &mut place.name_ko, "name_ko");
        text_row(ui, context, &t!("field-chinese-name"), &mut place.name_zh, "name_zh");
        choice_row(ui, &t!("field-kind"), &mut place.kind, PlaceKind::ALL);
        text_row(ui, context, &t!("field-country"), &mut place.country, "country");
        text_row(ui, context, &t!("field-province"), &mut place.province, "province");
        text_row(ui, context, &t!("field-city"), &mut place.city, "city");
        decimal_row(ui, context, &t!("field-latitude"), &mut place.latitude, "latitude");
        decimal_row(ui, context, &t!("field-longitude"), &mut place.longitude, "longitude");
        multiline_row(ui, context, &t!("field-notes"), &mut place.notes, "");
        let flags = (&mut place.confidential, &mut place.confidential_details);
        confidential_row(ui, context, flags, &t!("confidential-details-notes"));
        meta_row(ui, context, place.id.as_str(), place.created, place.updated);
    });
}

/// Draws the form for an organization draft.
pub fn organization_form_ui(ui: &mut egui::Ui, context: &FormContext<'_>, organization: &mut Organization) {
    egui::Grid::new("organization-form").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        text_row(ui, context, &t!("field-name"), &mut organization.name, "name");
        text_row(ui, context, &t!("field-korean-name"), &mut organization.name_ko, "name_ko");
        choice_row(ui, &t!("field-kind"), &mut organization.kind, OrganizationKind::ALL);
        text_row(ui, context, &t!("field-country"), &mut organization.country, "country");
        multiline_row(ui, context, &t!("field-notes"), &mut organization.notes, "");
        let flags = (&mut organization.confidential, &mut organization.confidential_details);
        confidential_row(ui, context, flags, &t!("confidential-details-notes"));
        meta_row(ui, context, organization.id.as_str(), organization.created, organization.updated);
    });
}
