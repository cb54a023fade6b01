//! The forms for sources, places and organizations.

use eframe::egui;

use super::rows::{choice_row, decimal_row, meta_row, multiline_row, text_row};
use crate::model::{Organization, OrganizationKind, Place, PlaceKind, Reliability, Source, SourceKind};
use crate::ui::widgets::{FormContext, date_field_ui};

/// Draws the form for a source draft.
pub fn source_form_ui(ui: &mut egui::Ui, context: &mut FormContext<'_>, source: &mut Source) {
    egui::Grid::new("source-form").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        text_row(ui, context, "Title", &mut source.title, "title");
        choice_row(ui, "Kind", &mut source.kind, SourceKind::ALL);
        text_row(ui, context, "Outlet", &mut source.outlet, "outlet");
        text_row(ui, context, "Author", &mut source.author, "author");
        text_row(ui, context, "Language", &mut source.language, "language");
        text_row(ui, context, "URL", &mut source.url, "url");
        date_field_ui(ui, context, "Published", "published", &mut source.published, None);
        text_row(ui, context, "Archive URL", &mut source.archive_url, "archive_url");
        choice_row(ui, "Reliability", &mut source.reliability, Reliability::ALL);
        multiline_row(
            ui,
            context,
            "Key quote",
            &mut source.key_quote,
            "the passage that matters, in the original language",
        );
        multiline_row(ui, context, "Notes", &mut source.notes, "");
        meta_row(ui, context, source.id.as_str(), source.created, source.updated);
    });
}

/// Draws the form for a place draft.
pub fn place_form_ui(ui: &mut egui::Ui, context: &FormContext<'_>, place: &mut Place) {
    egui::Grid::new("place-form").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        text_row(ui, context, "Name", &mut place.name, "name");
        text_row(ui, context, "Korean name", &mut place.name_ko, "name_ko");
        text_row(ui, context, "Chinese name", &mut place.name_zh, "name_zh");
        choice_row(ui, "Kind", &mut place.kind, PlaceKind::ALL);
        text_row(ui, context, "Country", &mut place.country, "country");
        text_row(ui, context, "Province", &mut place.province, "province");
        text_row(ui, context, "City", &mut place.city, "city");
        decimal_row(ui, context, "Latitude", &mut place.latitude, "latitude");
        decimal_row(ui, context, "Longitude", &mut place.longitude, "longitude");
        multiline_row(ui, context, "Notes", &mut place.notes, "");
        meta_row(ui, context, place.id.as_str(), place.created, place.updated);
    });
}

/// Draws the form for an organization draft.
pub fn organization_form_ui(ui: &mut egui::Ui, context: &FormContext<'_>, organization: &mut Organization) {
    egui::Grid::new("organization-form").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        text_row(ui, context, "Name", &mut organization.name, "name");
        text_row(ui, context, "Korean name", &mut organization.name_ko, "name_ko");
        choice_row(ui, "Kind", &mut organization.kind, OrganizationKind::ALL);
        text_row(ui, context, "Country", &mut organization.country, "country");
        multiline_row(ui, context, "Notes", &mut organization.notes, "");
        meta_row(ui, context, organization.id.as_str(), organization.created, organization.updated);
    });
}
