//! The list of views on the left: each kind of record with its count.

use eframe::egui;

use crate::model::{Dataset, RecordKind};
use crate::t;

/// The views the left panel switches between.
pub const VIEWS: [RecordKind; 5] = [
    RecordKind::Incident,
    RecordKind::Rally,
    RecordKind::Source,
    RecordKind::Place,
    RecordKind::Organization,
];

/// The name of a view, in the current language.
pub fn view_name(kind: RecordKind) -> String {
    match kind {
        RecordKind::Incident => t!("view-incidents"),
        RecordKind::Rally => t!("view-rallies"),
        RecordKind::Source => t!("view-sources"),
        RecordKind::Place => t!("view-places"),
        RecordKind::Organization => t!("view-organizations"),
    }
}

/// Draws the view list; changes `view` (and `charts`, whether the charts are shown) when one is
/// clicked.
pub fn nav_ui(ui: &mut egui::Ui, view: &mut RecordKind, charts: &mut bool, dataset: &Dataset) {
    ui.add_space(4.0);
    for kind in VIEWS {
        let name = view_name(kind);
        let text = format!("{name}  {}", crate::i18n::number(dataset.count(kind) as f64));
        let response = ui.selectable_label(!*charts && *view == kind, text);
        if response.clicked() {
            *view = kind;
            *charts = false;
        }
        response.widget_info(move || egui::WidgetInfo::selected(egui::Role::Button, true, true, &name));
    }
    ui.separator();
    if ui.selectable_label(*charts, t!("view-charts")).clicked() {
        *charts = true;
    }
}
