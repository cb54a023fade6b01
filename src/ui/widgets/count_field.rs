//! Reported figures: the quick-entry box that reads "at least 95", and the list of estimates
//! from several sources with one preferred.

use eframe::egui;

use super::picker::{PickerLabels, picker_ui};
use super::problems::{FormContext, field_cell, field_problems_ui};
use crate::i18n::choice;
use crate::model::{CountEstimate, CountQualifier, RecordKind, SourcedEstimate};
use crate::phrase::parse_count;
use crate::t;

/// Draws an optional whole number as a small text box; anything but digits is not kept.
pub fn optional_number_ui(ui: &mut egui::Ui, label: &str, value: &mut Option<u32>) {
    let label_id = ui.label(label).id;
    let mut text = value.map(|v| v.to_string()).unwrap_or_default();
    let edit = egui::TextEdit::singleline(&mut text).id_salt(label).desired_width(56.0);
    if ui.add(edit).labelled_by(label_id).changed() {
        *value = text.trim().parse().ok();
    }
}

/// The quick-entry box: typing a phrase reads it into the estimate and shows what was
/// understood. The figures can then be adjusted by hand.
fn count_ui(ui: &mut egui::Ui, width: f32, label: &str, salt: &str, count: &mut CountEstimate) {
    let label_id = ui.label(label).id;
    field_cell(ui, width, |ui| {
        let edit = egui::TextEdit::singleline(&mut count.as_reported)
            .id_salt(salt)
            .hint_text(t!("count-hint"))
            .desired_width(width);
        if ui.add(edit).labelled_by(label_id).changed() {
            // The words stay exactly as typed while typing; they are trimmed when saved.
            let words = std::mem::take(&mut count.as_reported);
            *count = parse_count(&words);
            count.as_reported = words;
        }
        let understood = match (count.qualifier, count.is_known()) {
            (_, true) => {
                t!("count-understood", meaning = count.meaning(), qualifier = choice(count.qualifier))
            }
            (CountQualifier::Unknown, false) if count.as_reported.trim().is_empty() => t!("count-none"),
            _ => t!("count-not-understood"),
        };
        ui.weak(understood);
        egui::CollapsingHeader::new(t!("count-adjust")).id_salt(salt).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                egui::ComboBox::from_id_salt(format!("{salt}-qualifier"))
                    .selected_text(choice(count.qualifier))
                    .show_ui(ui, |ui| {
                        for &option in CountQualifier::ALL {
                            ui.selectable_value(&mut count.qualifier, option, choice(option));
                        }
                    });
                optional_number_ui(ui, &t!("count-low"), &mut count.low);
                optional_number_ui(ui, &t!("count-best"), &mut count.best);
                optional_number_ui(ui, &t!("count-high"), &mut count.high);
            });
        });
    });
}

/// Draws a list of estimates, each with its source, one preferred. `noun` names the figure
/// ("People", "Attendance"); the first box is labelled with it alone, the others "{noun}, estimate N".
pub fn estimates_ui(
    ui: &mut egui::Ui,
    context: &mut FormContext<'_>,
    noun: &str,
    field: &str,
    estimates: &mut Vec<SourcedEstimate>,
) {
    let mut remove = None;
    let mut make_preferred = None;
    // No `push_id` here: a child scope would put the whole estimate into one cell of the grid.
    // Every widget below carries its own id salt instead.
    for (index, estimate) in estimates.iter_mut().enumerate() {
        let label = if index == 0 { noun.to_owned() } else { t!("estimate-n", n = index + 1) };
        count_ui(ui, context.field_width, &label, &format!("{field}-{index}"), &mut estimate.count);
        ui.end_row();
        ui.label("");
        field_cell(ui, context.field_width, |ui| {
            ui.horizontal_wrapped(|ui| {
                let labels = PickerLabels {
                    field: &t!("estimate-source-of", label = label.to_lowercase()),
                    none: &t!("estimate-no-source"),
                };
                picker_ui(ui, context, &labels, RecordKind::Source, &mut estimate.source);
                if ui
                    .radio(estimate.preferred, t!("estimate-preferred"))
                    .on_hover_text(t!("estimate-preferred-hint"))
                    .clicked()
                {
                    make_preferred = Some(index);
                }
                if ui
                    .small_button(t!("estimate-remove"))
                    .on_hover_text(t!("estimate-remove-hint", label = label.to_lowercase()))
                    .clicked()
                {
                    remove = Some(index);
                }
            })
        });
        ui.end_row();
        ui.label("");
        field_cell(ui, context.field_width, |ui| {
            let note = egui::TextEdit::singleline(&mut estimate.note)
                .id_salt(format!("{field}-{index}-note"))
                .hint_text(t!("estimate-note-hint"))
                .desired_width(context.field_width);
            let note_label = t!("estimate-note-on", label = label.to_lowercase());
            let response = ui.add(note).on_hover_text(t!("estimate-note-tooltip"));
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &note_label));
            field_problems_ui(ui, context.problems, &format!("{field}[{index}]"));
        });
        ui.end_row();
    }
    ui.label("");
    field_cell(ui, context.field_width, |ui| {
        field_problems_ui(ui, context.problems, field);
        let add_label = if estimates.is_empty() {
            t!("estimate-add-first", noun = noun.to_lowercase())
        } else {
            t!("estimate-add-another", noun = noun.to_lowercase())
        };
        if ui.button(add_label).on_hover_text(t!("estimate-add-hint")).clicked() {
            estimates.push(SourcedEstimate { preferred: estimates.is_empty(), ..SourcedEstimate::default() });
        }
    });
    ui.end_row();
    if let Some(index) = make_preferred {
        for (i, estimate) in estimates.iter_mut().enumerate() {
            estimate.preferred = i == index;
        }
    }
    if let Some(index) = remove {
        let was_preferred = estimates.remove(index).preferred;
        if was_preferred && let Some(first) = estimates.first_mut() {
            first.preferred = true;
        }
    }
}
