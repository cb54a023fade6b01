//! A proposal changed in the usual form, pre-filled with what the reader understood, before it
//! is added: its pickers name the article's source and the places the article names, offer the
//! gazetteer's, and what they add waits with the proposal until Add.

use eframe::egui;

use super::ArticleState;
use crate::article::Gazetteer;
use crate::edit::{AnyRecord, Edit};
use crate::i18n::choice;
use crate::model::{Dataset, ProblemIndex, ProblemMessage, RecordKind};
use crate::t;
use crate::ui::forms::{incident_form_ui, problems_of, rally_form_ui};
use crate::ui::widgets::FormContext;

/// The width kept for the form's labels.
const LABEL_WIDTH: f32 = 140.0;

/// The form of the proposal being changed, in place of the list of proposals.
pub(super) fn edit_ui(
    ui: &mut egui::Ui,
    state: &mut ArticleState,
    dataset: &Dataset,
    (index, gazetteer): (&ProblemIndex, &Gazetteer),
) {
    let Some((kind, number)) = state.editing else { return };
    let Some(mut record) = state.record_of(kind, number).cloned() else {
        state.editing = None;
        return;
    };
    let what = if kind == RecordKind::Rally { "rally" } else { "incident" };
    ui.heading(t!("article-editing", kind = choice(kind), number = number + 1, what = what));
    ui.weak(t!("article-editing-hint"));
    let mut back = false;
    let mut revert = false;
    ui.horizontal(|ui| {
        back = ui.button(t!("article-edit-done")).clicked();
        revert = ui
            .add_enabled(state.is_edited(kind, number), egui::Button::new(t!("article-edit-revert")))
            .clicked();
    });
    let pending: Vec<AnyRecord> = state.planned.iter().chain(&state.added).cloned().collect();
    // A record named that is about to be added with this one is not missing.
    let problems: Vec<_> = problems_of(dataset, index, &record)
        .into_iter()
        .filter(|p| !matches!(&p.message, ProblemMessage::MissingReference { id, .. } if pending.iter().any(|r| r.id() == id)))
        .collect();
    let mut edits = Vec::new();
    let mut context = FormContext {
        dataset,
        index,
        problems: &problems,
        edits: &mut edits,
        now: jiff::Timestamp::now(),
        field_width: (ui.available_width() - LABEL_WIDTH).max(160.0),
        focus_first_field: false,
        pending: Some(&pending),
        gazetteer: Some(gazetteer),
    };
    egui::ScrollArea::vertical().id_salt("article-form").max_height(380.0).show(ui, |ui| match &mut record {
        AnyRecord::Incident(incident) => {
            incident_form_ui(ui, &mut context, incident);
        }
        AnyRecord::Rally(rally) => rally_form_ui(ui, &mut context, rally),
        _ => {}
    });
    for edit in edits {
        if let Edit::Put(added) = edit {
            state.added.push(*added);
        }
    }
    keep(state, kind, number, record, revert);
    if back || revert {
        state.editing = None;
    }
}

/// Keeps the record as the proposal's change (and ticks it to be added), or drops the change
/// when it is undone or the record is as proposed again.
fn keep(state: &mut ArticleState, kind: RecordKind, number: usize, record: AnyRecord, revert: bool) {
    let id = record.id().clone();
    let proposed = state.planned.iter().find(|r| r.kind() == kind && *r.id() == id);
    let unchanged = revert || proposed == Some(&record);
    let was_edited = state.is_edited(kind, number);
    state.edited.retain(|r| !(r.kind() == kind && *r.id() == id));
    if unchanged {
        return;
    }
    state.edited.push(record);
    if !was_edited {
        // A proposal changed in its form is one the user means to add.
        state.set_known(kind, number, None);
    }
}
