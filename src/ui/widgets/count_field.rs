//! Reported figures: the quick-entry box that reads "at least 95", and the list of estimates
//! from several sources with one preferred.

use eframe::egui;

use super::picker::{PickerLabels, picker_ui};
use super::problems::{FormContext, field_cell, field_problems_ui};
use crate::model::{CountEstimate, CountQualifier, RecordKind, SourcedEstimate};
use crate::phrase::parse_count;

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
            .hint_text("as reported, e.g. at least 95")
            .desired_width(width);
        if ui.add(edit).labelled_by(label_id).changed() {
            // The words stay exactly as typed while typing; they are trimmed when saved.
            let words = std::mem::take(&mut count.as_reported);
            *count = parse_count(&words);
            count.as_reported = words;
        }
        let understood = match (count.qualifier, count.is_known()) {
            (_, true) => format!("Understood: {} ({})", count.meaning(), count.qualifier.name()),
            (CountQualifier::Unknown, false) if count.as_reported.trim().is_empty() => "No figure".to_owned(),
            _ => "Not understood as a number: kept as words".to_owned(),
        };
        ui.weak(understood);
        egui::CollapsingHeader::new("Adjust the figures").id_salt(salt).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                egui::ComboBox::from_id_salt(format!("{salt}-qualifier"))
                    .selected_text(count.qualifier.name())
                    .show_ui(ui, |ui| {
                        for &choice in CountQualifier::ALL {
                            ui.selectable_value(&mut count.qualifier, choice, choice.name());
                        }
                    });
                optional_number_ui(ui, "low", &mut count.low);
                optional_number_ui(ui, "best", &mut count.best);
                optional_number_ui(ui, "high", &mut count.high);
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
        let label = if index == 0 { noun.to_owned() } else { format!("Estimate {}", index + 1) };
        count_ui(ui, context.field_width, &label, &format!("{field}-{index}"), &mut estimate.count);
        ui.end_row();
        ui.label("");
        field_cell(ui, context.field_width, |ui| {
            ui.horizontal_wrapped(|ui| {
                let labels =
                    PickerLabels { field: &format!("Source of {}", label.to_lowercase()), none: "no source" };
                picker_ui(ui, context, &labels, RecordKind::Source, &mut estimate.source);
                if ui.radio(estimate.preferred, "preferred").on_hover_text("The figure charts use").clicked()
                {
                    make_preferred = Some(index);
                }
                if ui
                    .small_button("Remove")
                    .on_hover_text(format!("Remove {}", label.to_lowercase()))
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
                .hint_text("note: who gave the figure, why it differs")
                .desired_width(context.field_width);
            let note_label = format!("Note on {}", label.to_lowercase());
            let response = ui.add(note).on_hover_text("A note on this estimate");
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &note_label));
            field_problems_ui(ui, context.problems, &format!("{field}[{index}]"));
        });
        ui.end_row();
    }
    ui.label("");
    field_cell(ui, context.field_width, |ui| {
        field_problems_ui(ui, context.problems, field);
        let add_label = if estimates.is_empty() {
            format!("Add {}", noun.to_lowercase())
        } else {
            format!("Add another estimate of {}", noun.to_lowercase())
        };
        if ui.button(add_label).on_hover_text("Another source's figure for the same thing").clicked() {
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
