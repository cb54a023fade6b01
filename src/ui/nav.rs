//! The list of views on the left: each kind of record with its count.

use eframe::egui;

use crate::model::{Dataset, RecordKind};

/// The views the left panel switches between.
pub const VIEWS: [(RecordKind, &str); 5] = [
    (RecordKind::Incident, "Incidents"),
    (RecordKind::Rally, "Rallies"),
    (RecordKind::Source, "Sources"),
    (RecordKind::Place, "Places"),
    (RecordKind::Organization, "Organizations"),
];

/// The name of a view.
pub fn view_name(kind: RecordKind) -> &'static str {
    VIEWS.iter().find(|(k, _)| *k == kind).map_or("", |(_, name)| name)
}

/// Draws the view list; changes `view` (and `charts`, whether the charts are shown) when one is
/// clicked.
pub fn nav_ui(ui: &mut egui::Ui, view: &mut RecordKind, charts: &mut bool, dataset: &Dataset) {
    ui.add_space(4.0);
    for (kind, name) in VIEWS {
        let text = format!("{name}  {}", dataset.count(kind));
        let response = ui.selectable_label(!*charts && *view == kind, text);
        if response.clicked() {
            *view = kind;
            *charts = false;
        }
        let name = name.to_owned();
        response.widget_info(move || egui::WidgetInfo::selected(egui::Role::Button, true, true, &name));
    }
    ui.separator();
    if ui.selectable_label(*charts, "Charts").clicked() {
        *charts = true;
    }
}
