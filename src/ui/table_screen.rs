//! The table screen: the table of the kind shown, with its search and filters, and the editor
//! beside it, whose buttons (save, save and new, duplicate, delete, discard, add a leg) are
//! carried out here.

use eframe::egui;

use super::command::Command;
use super::dialogs::Dialog;
use super::filters::filters_ui;
use super::forms::{FormAction, IncidentRequest, cleaned, editor_ui};
use super::nav::view_name;
use super::screen::{ScreenContext, Screens};
use super::table::search_ui;
use crate::edit::{AnyRecord, Edit};
use crate::i18n::choice;
use crate::model::{Id, Incident, Rally, RecordKind, SourcedEstimate};
use crate::t;

/// The table of the kind shown and the editor beside it.
pub fn table_screen_ui(ui: &mut egui::Ui, screens: &mut Screens, context: &mut ScreenContext<'_>) {
    let editor_max = (ui.available_width() * 0.5).max(340.0);
    egui::Panel::right("editor")
        .resizable(true)
        .default_size(460.0)
        .size_range(320.0..=editor_max)
        .show(ui, |ui| editor_panel(ui, screens, context));
    egui::CentralPanel::default().show(ui, |ui| table_panel(ui, screens, context));
}

fn table_panel(ui: &mut egui::Ui, screens: &mut Screens, context: &mut ScreenContext<'_>) {
    let kind = screens.view;
    ui.horizontal(|ui| {
        ui.heading(view_name(kind));
        let new_record = ui.button(t!("new-record", kind = choice(kind)));
        if new_record.on_hover_text(t!("new-record-hint")).clicked() {
            context.commands.push(Command::NewRecord);
        }
        search_ui(ui, screens.tables.get_mut(kind));
    });
    period_chip_ui(ui, screens);
    map_chip_ui(ui, screens);
    filters_ui(ui, &mut screens.filters, kind, context.dataset());
    if screens.period_chip.is_some() && (screens.filters.from.is_none() || screens.filters.to.is_none()) {
        screens.period_chip = None;
    }
    if screens.map_chip.is_some() && screens.filters.route.is_none() && screens.filters.place.is_none() {
        screens.map_chip = None;
    }
    ui.separator();
    let document = context.document;
    let (revision, dataset) = (document.revision(), document.dataset());
    let changes = |since| document.changes_since(since);
    let searching = screens.tables.refresh(kind, dataset, revision, &screens.filters, &changes);
    if searching {
        // The rows found before stay shown until the search has gone through every record.
        ui.horizontal(|ui| {
            ui.spinner();
            ui.weak(t!("table-searching"));
        });
        ui.ctx().request_repaint();
    } else if screens.tables.get(kind).rows().is_empty() {
        let why = if dataset.count(kind) == 0 { t!("table-empty") } else { t!("table-nothing-matches") };
        ui.weak(why);
    }
    let editor = &screens.editor;
    let has_draft = |id: &Id| editor.has_draft(kind, id);
    // Columns wider than the panel scroll sideways rather than being cut off.
    egui::ScrollArea::horizontal().id_salt("table-sideways").show(ui, |ui| {
        screens.tables.table_ui(ui, kind, dataset, &has_draft);
    });
}

/// "Showing 2023-11", with a button to clear it, after a click on a chart's period.
fn period_chip_ui(ui: &mut egui::Ui, screens: &mut Screens) {
    let Some(label) = screens.period_chip.clone() else { return };
    ui.horizontal(|ui| {
        ui.label(t!("chart-chip-showing", label = &label));
        if ui.button(t!("chart-chip-clear", label = &label)).clicked() {
            screens.filters.from = None;
            screens.filters.to = None;
            screens.filters.status = None;
            screens.period_chip = None;
        }
    });
}

/// "Showing from Dandong to Sinuiju", with a button to clear it, after a click on the map.
fn map_chip_ui(ui: &mut egui::Ui, screens: &mut Screens) {
    let Some(label) = screens.map_chip.clone() else { return };
    ui.horizontal(|ui| {
        ui.label(t!("chart-chip-showing", label = &label));
        if ui.button(t!("chart-chip-clear", label = &label)).clicked() {
            screens.filters.route = None;
            screens.filters.place = None;
            screens.map_chip = None;
        }
    });
}

fn editor_panel(ui: &mut egui::Ui, screens: &mut Screens, context: &mut ScreenContext<'_>) {
    let kind = screens.view;
    let Some(id) = screens.selected().cloned() else {
        ui.add_space(12.0);
        ui.weak(t!("editor-nothing-selected", key = kind.name(), kind = choice(kind)));
        return;
    };
    let checking = (context.document.dataset(), context.problems, context.gazetteer);
    let action = editor_ui(ui, &mut screens.editor, kind, &id, context.edits, checking);
    if let Some(action) = action {
        form_action(screens, context, kind, &id, action);
    }
}

/// Carries out what a form's button asked for.
fn form_action(
    screens: &mut Screens,
    context: &mut ScreenContext<'_>,
    kind: RecordKind,
    id: &Id,
    action: FormAction,
) {
    let dataset = context.document.dataset();
    let working = screens.editor.working_copy(dataset, kind, id);
    match action {
        FormAction::Save | FormAction::SaveAndNew => {
            let Some(draft) = working else { return };
            context.edits.push(Edit::put(cleaned(&draft.record)));
            screens.editor.discard(kind, id);
            if action == FormAction::SaveAndNew {
                let template = next_template(&draft.record);
                let new = screens.editor.start_new(dataset, kind, template);
                screens.select(kind, new);
            }
        }
        FormAction::Duplicate => {
            let Some(mut draft) = working else { return };
            set_title(&mut draft.record, |title| t!("title-copy", title = title));
            let new = screens.editor.start_new(dataset, kind, Some(draft.record));
            screens.select(kind, new);
        }
        FormAction::Delete => {
            let title = working.map(|d| d.record.label().to_owned()).unwrap_or_default();
            *context.dialog = Some(Dialog::ConfirmDelete { kind, id: id.clone(), title });
        }
        FormAction::Discard => {
            let was_new = working.is_some_and(|d| d.is_new);
            screens.editor.discard(kind, id);
            if was_new {
                screens.tables.get_mut(kind).selected = None;
            }
        }
        FormAction::Incident(IncidentRequest::AddLeg) => {
            let Some(AnyRecord::Incident(parent)) = working.map(|d| d.record) else { return };
            let new = screens.editor.start_new(dataset, kind, Some(AnyRecord::Incident(leg_of(&parent))));
            screens.select(kind, new);
        }
        FormAction::Incident(IncidentRequest::OpenLeg(leg)) => screens.select(kind, leg),
    }
}

/// A new leg of `parent`: its kind, status and sources, the rest blank.
fn leg_of(parent: &Incident) -> Incident {
    Incident {
        kind: parent.kind,
        status: parent.status,
        parent: Some(parent.id.clone()),
        sources: parent.sources.clone(),
        estimates: vec![SourcedEstimate { preferred: true, ..Default::default() }],
        ..Incident::default()
    }
}

/// The record "Save and new" starts from: the same sources (the next record usually comes from
/// the same article), the rest blank.
fn next_template(record: &AnyRecord) -> Option<AnyRecord> {
    let first = || vec![SourcedEstimate { preferred: true, ..Default::default() }];
    match record {
        AnyRecord::Incident(i) => Some(AnyRecord::Incident(Incident {
            sources: i.sources.clone(),
            estimates: first(),
            ..Incident::default()
        })),
        AnyRecord::Rally(r) => Some(AnyRecord::Rally(Rally {
            sources: r.sources.clone(),
            attendance: first(),
            ..Rally::default()
        })),
        _ => None,
    }
}

fn set_title(record: &mut AnyRecord, change: impl Fn(&str) -> String) {
    match record {
        AnyRecord::Incident(r) => r.title = change(&r.title),
        AnyRecord::Rally(r) => r.title = change(&r.title),
        AnyRecord::Source(r) => r.title = change(&r.title),
        AnyRecord::Place(r) => r.name = change(&r.name),
        AnyRecord::Organization(r) => r.name = change(&r.name),
    }
}
