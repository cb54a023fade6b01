//! A fuzzy date field: the words as reported, what they were understood to mean (and against
//! which publication day), and calendars to set the days by hand.

use eframe::egui;
use jiff::civil::Date;

use super::day_picker::{DayPickerLabels, day_picker_ui, name_widget};
use super::problems::{FormContext, field_cell, field_problems_ui};
use crate::i18n::{choice, date_spec, day, days};
use crate::model::{DatePrecision, DateSpec, Id};
use crate::phrase::parse_date;
use crate::t;

/// The day relative words ("last month", "Tuesday") are read against: a source's publication
/// day, and the source's title to say so.
#[derive(Clone, Debug, PartialEq)]
pub struct PublicationDay {
    /// The first day the source's publication date can mean.
    pub day: Date,
    /// The source's title (or id, when it has none).
    pub source: String,
}

/// The publication day of the first source named in `sources` (a record's sources, then its
/// figures' sources) that exists in the dataset and has a known publication date.
pub fn publication_day<'a>(
    dataset: &crate::model::Dataset,
    sources: impl IntoIterator<Item = &'a Id>,
) -> Option<PublicationDay> {
    sources.into_iter().filter_map(|id| dataset.source(id)).find_map(|source| {
        let (day, _) = source.published.range()?;
        let title = if source.title.trim().is_empty() { source.id.to_string() } else { source.title.clone() };
        Some(PublicationDay { day, source: title })
    })
}

/// Draws a date field labelled `label`. Typing re-reads the words (relative to `reference`, the
/// source's publication day, which is read again whenever it changes while the days still
/// follow the words); the days can then be set by hand with the calendars.
pub fn date_field_ui(
    ui: &mut egui::Ui,
    context: &FormContext<'_>,
    label: &str,
    field: &str,
    date: &mut DateSpec,
    reference: Option<&PublicationDay>,
) {
    let label_id = ui.label(label).id;
    let reference_day = reference.map(|r| r.day);
    follow_reference(ui, field, date, reference_day);
    field_cell(ui, context.field_width, |ui| {
        let edit = egui::TextEdit::singleline(&mut date.as_reported)
            .id_salt(field)
            .hint_text(t!("date-hint"))
            .desired_width(context.field_width);
        if ui.add(edit).labelled_by(label_id).changed() {
            // The words stay exactly as typed while typing; they are trimmed when saved.
            let words = std::mem::take(&mut date.as_reported);
            *date = parse_date(&words, reference_day);
            date.as_reported = words;
        }
        understood_ui(ui, date, reference);
        ui.horizontal_wrapped(|ui| {
            precision_ui(ui, field, &mut date.precision);
            let suggested = date.earliest.or(date.latest).or(reference_day).unwrap_or_else(today);
            let first = day_ui(ui, &t!("date-first-day"), &mut date.earliest, suggested);
            let suggested = date.latest.or(date.earliest).unwrap_or(suggested);
            let last = day_ui(ui, &t!("date-last-day"), &mut date.latest, suggested);
            if (first || last) && date.precision == DatePrecision::Unknown && date.range().is_some() {
                date.precision = match date.range() {
                    Some((a, b)) if a != b => DatePrecision::Range,
                    _ => DatePrecision::Day,
                };
            }
        });
        field_problems_ui(ui, context.problems, field);
    });
    ui.end_row();
}

/// The first or last day, set by hand.
fn day_ui(ui: &mut egui::Ui, name: &str, day: &mut Option<Date>, suggested: Date) -> bool {
    let labels = DayPickerLabels {
        name,
        unset: &t!("date-set-day", name = name),
        clear: &t!("date-clear-day", name = name),
    };
    ui.push_id(name, |ui| day_picker_ui(ui, &labels, day, suggested)).inner
}

fn today() -> Date {
    jiff::Zoned::now().date()
}

/// Reads the words again when the publication day they are read against changed (a source
/// added, removed, or chosen for a figure) and the days still are what the words gave.
fn follow_reference(ui: &egui::Ui, field: &str, date: &mut DateSpec, reference: Option<Date>) {
    let id = ui.make_persistent_id(("publication-day", field));
    let before: Option<Option<Date>> = ui.data(|d| d.get_temp(id));
    ui.data_mut(|d| d.insert_temp(id, reference));
    let Some(before) = before.filter(|before| *before != reference) else { return };
    if date.as_reported.trim().is_empty() || parse_date(&date.as_reported, before).range() != date.range() {
        return;
    }
    let words = std::mem::take(&mut date.as_reported);
    *date = parse_date(&words, reference);
    date.as_reported = words;
}

/// What the days mean, and whether the words gave them or they were set by hand.
fn understood_ui(ui: &mut egui::Ui, date: &DateSpec, reference: Option<&PublicationDay>) {
    let words = date.as_reported.trim();
    let read = parse_date(words, reference.map(|r| r.day));
    let by_hand = words.is_empty() || read.range() != date.range();
    let text = match date.range() {
        Some((a, b)) if a == b && by_hand => t!("date-set-by-hand-day", meaning = date_spec(date)),
        Some((a, b)) if by_hand => t!("date-set-by-hand-span", meaning = date_spec(date), days = days(a, b)),
        Some((a, b)) if a == b => t!("date-understood-day", meaning = date_spec(date)),
        Some((a, b)) => t!("date-understood-span", meaning = date_spec(date), days = days(a, b)),
        None if words.is_empty() => t!("date-none"),
        None if reference.is_none() && !parse_date(words, Some(today())).is_unknown() => {
            t!("date-needs-publication-day")
        }
        None => t!("date-not-understood"),
    };
    ui.weak(text);
    // Relative words: say which publication day they were read against.
    let relative = !words.is_empty() && parse_date(words, None).range() != read.range();
    if let Some(reference) = reference.filter(|_| relative && !by_hand) {
        ui.weak(t!("date-read-against", source = reference.source.as_str(), day = day(reference.day)));
    }
}

fn precision_ui(ui: &mut egui::Ui, salt: &str, precision: &mut DatePrecision) {
    let combo = egui::ComboBox::from_id_salt(format!("{salt}-precision"))
        .selected_text(choice(*precision))
        .show_ui(ui, |ui| {
            for &option in DatePrecision::ALL {
                ui.selectable_value(precision, option, choice(option));
            }
        })
        .response
        .on_hover_text(t!("date-precision-hint"));
    name_widget(&combo, egui::Role::ComboBox, &t!("date-precision"));
}
