//! A fuzzy date field: the words as reported, what they were understood to mean, and pickers to
//! set the days by hand.

use eframe::egui;
use jiff::civil::Date;

use super::problems::{FormContext, field_cell, field_problems_ui};
use crate::i18n::{choice, date_spec, days};
use crate::model::{DatePrecision, DateSpec};
use crate::phrase::parse_date;
use crate::t;

/// The day relative dates ("last month", "Tuesday") are read against: the publication day of
/// the first of `sources` that exists in the dataset, when it is known.
pub fn publication_day(dataset: &crate::model::Dataset, sources: &[crate::model::Id]) -> Option<Date> {
    sources
        .iter()
        .find_map(|id| dataset.source(id))
        .and_then(|source| source.published.range().map(|(earliest, _)| earliest))
}

/// Draws a date field labelled `label`. Typing re-reads the words (relative to `reference`, the
/// source's publication day); the days can then be adjusted with the pickers.
pub fn date_field_ui(
    ui: &mut egui::Ui,
    context: &FormContext<'_>,
    label: &str,
    field: &str,
    date: &mut DateSpec,
    reference: Option<Date>,
) {
    let label_id = ui.label(label).id;
    field_cell(ui, context.field_width, |ui| {
        let edit = egui::TextEdit::singleline(&mut date.as_reported)
            .id_salt(field)
            .hint_text(t!("date-hint"))
            .desired_width(context.field_width);
        if ui.add(edit).labelled_by(label_id).changed() {
            // The words stay exactly as typed while typing; they are trimmed when saved.
            let words = std::mem::take(&mut date.as_reported);
            *date = parse_date(&words, reference);
            date.as_reported = words;
        }
        understood_ui(ui, date);
        ui.horizontal_wrapped(|ui| {
            precision_ui(ui, field, &mut date.precision);
            day_ui(ui, &format!("{field}-earliest"), &t!("date-first-day"), &mut date.earliest);
            day_ui(ui, &format!("{field}-latest"), &t!("date-last-day"), &mut date.latest);
        });
        field_problems_ui(ui, context.problems, field);
    });
    ui.end_row();
}

fn understood_ui(ui: &mut egui::Ui, date: &DateSpec) {
    let text = match date.range() {
        Some((a, b)) if a == b => t!("date-understood-day", meaning = date_spec(date)),
        Some((a, b)) => t!("date-understood-span", meaning = date_spec(date), days = days(a, b)),
        None if date.as_reported.trim().is_empty() => t!("date-none"),
        None => t!("date-not-understood"),
    };
    ui.weak(text);
}

fn precision_ui(ui: &mut egui::Ui, salt: &str, precision: &mut DatePrecision) {
    egui::ComboBox::from_id_salt(format!("{salt}-precision"))
        .selected_text(choice(*precision))
        .show_ui(ui, |ui| {
            for &option in DatePrecision::ALL {
                ui.selectable_value(precision, option, choice(option));
            }
        })
        .response
        .on_hover_text(t!("date-precision-hint"));
}

fn day_ui(ui: &mut egui::Ui, salt: &str, name: &str, day: &mut Option<Date>) {
    match day {
        Some(date) => {
            let picker = egui_extras::DatePickerButton::new(date).id_salt(salt).show_icon(false);
            ui.add(picker.format(t!("date-picker-format"))).on_hover_text(t!("date-the-day", name = name));
            if ui.small_button("×").on_hover_text(t!("date-clear-day", name = name)).clicked() {
                *day = None;
            }
        }
        None => {
            if ui.button(t!("date-set-day", name = name)).clicked() {
                *day = Some(jiff::Zoned::now().date());
            }
        }
    }
}
