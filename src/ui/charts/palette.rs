//! The charts' colours, and the names of their categories in the interface's language.

use eframe::egui::{self, Color32};

use crate::i18n::choice;
use crate::t;

/// The colours of the categories, in order.
pub const PALETTE: [Color32; 8] = [
    Color32::from_rgb(66, 133, 196),
    Color32::from_rgb(230, 145, 56),
    Color32::from_rgb(89, 161, 79),
    Color32::from_rgb(205, 80, 82),
    Color32::from_rgb(148, 103, 189),
    Color32::from_rgb(140, 110, 90),
    Color32::from_rgb(214, 120, 180),
    Color32::from_rgb(120, 120, 120),
];

/// The whiskers' colour: the strongest text colour, which no grid line shares.
pub(super) fn whisker_colour(ui: &egui::Ui) -> Color32 {
    ui.visuals().strong_text_color()
}

/// A category of a bar or slice as the interface shows it: statuses, grades and kinds in the
/// interface's language, place and organization names as entered.
pub(super) fn category_label(name: &str) -> String {
    use crate::model::{IncidentKind, IncidentStatus, Reliability};
    if let Some(status) = IncidentStatus::from_name(name) {
        return choice(status);
    }
    if let Some(kind) = IncidentKind::from_name(name) {
        return choice(kind);
    }
    if let Some(grade) = name.strip_prefix("source ").and_then(Reliability::from_name) {
        return t!("chart-category-source", grade = choice(grade));
    }
    match name {
        "destination unknown" => t!("chart-category-no-destination"),
        "not recorded" => t!("chart-category-not-recorded"),
        crate::stats::BEYOND_LEGS => t!("chart-category-beyond-legs"),
        other => other.to_owned(),
    }
}
