//! The editor beside the table: the selected record's form, on a draft copy that is never lost
//! by clicking elsewhere, and committed only when valid.

mod incident_form;
mod other_forms;
mod rally_form;
mod rows;

use std::collections::BTreeMap;

use eframe::egui;

use crate::i18n::choice;
use crate::t;

pub use incident_form::{IncidentRequest, incident_form_ui};
pub use rally_form::rally_form_ui;

use crate::edit::{AnyRecord, new_id};
use crate::model::{
    Dataset, Id, Incident, Organization, Place, Problem, ProblemIndex, Rally, RecordKind, Source,
    SourcedEstimate, validate_other, validate_rally,
};
use crate::ui::widgets::FormContext;

/// What the user asked of the editor.
#[derive(Debug, PartialEq)]
pub enum FormAction {
    /// Commit the draft.
    Save,
    /// Commit the draft and start a new record of the same kind.
    SaveAndNew,
    /// Start a new record copied from this one.
    Duplicate,
    /// Delete the record (after confirmation).
    Delete,
    /// Drop the draft's changes.
    Discard,
    /// A request from the incident form (a leg).
    Incident(IncidentRequest),
}

/// The width kept for the labels of a form (the longest, "People involved", and the grid's
/// spacing); the fields get the rest. Were it less than the labels take, the form would be
/// wider than its panel and widen the panel every frame.
const LABEL_COLUMN_WIDTH: f32 = 140.0;

/// A record being edited: a copy of the stored one (or a new one), changed freely until saved.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The edited copy.
    pub record: AnyRecord,
    /// Whether the record is not in the dataset yet.
    pub is_new: bool,
}

/// The drafts of every record the user has changed and not saved, by kind and id.
#[derive(Debug, Default)]
pub struct Editor {
    drafts: BTreeMap<(RecordKind, Id), Draft>,
    /// Whether the next form drawn puts the cursor in its first field (a record just started).
    focus_first_field: bool,
}

impl Editor {
    /// Whether the record has unsaved changes in its form.
    pub fn has_draft(&self, kind: RecordKind, id: &Id) -> bool {
        self.drafts.contains_key(&(kind, id.clone()))
    }

    /// How many records have unsaved changes in their forms.
    pub fn draft_count(&self) -> usize {
        self.drafts.len()
    }

    /// The drafts, in kind and id order.
    pub fn drafts(&self) -> impl Iterator<Item = &Draft> {
        self.drafts.values()
    }

    /// The draft of a record, if it has one.
    pub fn draft(&self, kind: RecordKind, id: &Id) -> Option<&Draft> {
        self.drafts.get(&(kind, id.clone()))
    }

    /// Drops the draft of a record.
    pub fn discard(&mut self, kind: RecordKind, id: &Id) {
        self.drafts.remove(&(kind, id.clone()));
    }

    /// Drops every draft (a new file was opened).
    pub fn clear(&mut self) {
        self.drafts.clear();
    }

    /// Starts a new record of `kind`, blank or copied from `template`; returns its id.
    pub fn start_new(&mut self, dataset: &Dataset, kind: RecordKind, template: Option<AnyRecord>) -> Id {
        let now = jiff::Timestamp::now();
        let mut id = new_id(dataset, kind, now);
        while self.drafts.contains_key(&(kind, id.clone())) {
            id = Id::new(format!("{id}-n"));
        }
        let mut record = template.unwrap_or_else(|| blank(kind));
        record.set_id(id.clone());
        record.set_times(jiff::Timestamp::UNIX_EPOCH, jiff::Timestamp::UNIX_EPOCH);
        self.drafts.insert((kind, id.clone()), Draft { record, is_new: true });
        self.focus_first_field = true;
        id
    }

    /// The record as the form shows it: its draft, else the stored record.
    pub fn working_copy(&self, dataset: &Dataset, kind: RecordKind, id: &Id) -> Option<Draft> {
        self.draft(kind, id)
            .cloned()
            .or_else(|| AnyRecord::find(dataset, kind, id).map(|record| Draft { record, is_new: false }))
    }

    /// Keeps `working` as the draft of its record when it differs from the stored one.
    fn keep(&mut self, dataset: &Dataset, working: Draft) {
        let key = (working.record.kind(), working.record.id().clone());
        let stored = AnyRecord::find(dataset, key.0, &key.1);
        if working.is_new || stored.as_ref() != Some(&working.record) {
            self.drafts.insert(key, working);
        } else {
            self.drafts.remove(&key);
        }
    }
}

/// A blank record of a kind; incidents and rallies start with one empty, preferred estimate.
fn blank(kind: RecordKind) -> AnyRecord {
    let first = || vec![SourcedEstimate { preferred: true, ..SourcedEstimate::default() }];
    match kind {
        RecordKind::Incident => AnyRecord::Incident(Incident { estimates: first(), ..Incident::default() }),
        RecordKind::Rally => AnyRecord::Rally(Rally { attendance: first(), ..Rally::default() }),
        RecordKind::Source => AnyRecord::Source(Source::default()),
        RecordKind::Place => AnyRecord::Place(Place::default()),
        RecordKind::Organization => AnyRecord::Organization(Organization::default()),
    }
}

/// The record ready to store: estimates with no words and no figures dropped, the words of
/// dates and figures trimmed.
pub fn cleaned(record: &AnyRecord) -> AnyRecord {
    let keep = |estimate: &SourcedEstimate| {
        !estimate.count.as_reported.trim().is_empty()
            || estimate.count.is_known()
            || estimate.source.is_some()
    };
    let trim = |text: &mut String| {
        if text.trim().len() != text.len() {
            *text = text.trim().to_owned();
        }
    };
    let mut record = record.clone();
    match &mut record {
        AnyRecord::Incident(incident) => {
            incident.estimates.retain(keep);
            incident.estimates.iter_mut().for_each(|e| trim(&mut e.count.as_reported));
            trim(&mut incident.date.as_reported);
        }
        AnyRecord::Rally(rally) => {
            rally.attendance.retain(keep);
            rally.attendance.iter_mut().for_each(|e| trim(&mut e.count.as_reported));
            trim(&mut rally.date.as_reported);
        }
        AnyRecord::Source(source) => trim(&mut source.published.as_reported),
        _ => {}
    }
    record
}

/// The problems of a draft, as it would be stored; `index` holds the problems of `dataset`.
pub fn problems_of(dataset: &Dataset, index: &ProblemIndex, record: &AnyRecord) -> Vec<Problem> {
    match cleaned(record) {
        AnyRecord::Incident(incident) => index.check_incident(dataset, &incident),
        AnyRecord::Rally(rally) => validate_rally(dataset, &rally),
        AnyRecord::Source(source) => validate_other(Some(&source), None, None),
        AnyRecord::Place(place) => validate_other(None, Some(&place), None),
        AnyRecord::Organization(organization) => validate_other(None, None, Some(&organization)),
    }
}

/// Draws the editor for the record `kind`/`id`, its problems checked with the help of the
/// dataset's problem index; returns what the user asked for.
pub fn editor_ui(
    ui: &mut egui::Ui,
    editor: &mut Editor,
    kind: RecordKind,
    id: &Id,
    edits: &mut Vec<crate::edit::Edit>,
    (dataset, index, gazetteer): (&Dataset, &ProblemIndex, &crate::article::Gazetteer),
) -> Option<FormAction> {
    let Some(mut working) = editor.working_copy(dataset, kind, id) else {
        ui.weak(t!("record-gone"));
        return None;
    };
    let problems = problems_of(dataset, index, &working.record);
    let mut action = header_ui(ui, &working, editor.has_draft(kind, id), &problems);
    ui.separator();
    let field_width = (ui.available_width() - LABEL_COLUMN_WIDTH).max(160.0);
    let focus_first_field = std::mem::take(&mut editor.focus_first_field);
    let mut context = FormContext {
        dataset,
        index,
        problems: &problems,
        edits,
        now: jiff::Timestamp::now(),
        field_width,
        focus_first_field,
        pending: None,
        gazetteer: Some(gazetteer),
    };
    egui::ScrollArea::vertical().id_salt("editor-scroll").auto_shrink([false, false]).show(ui, |ui| {
        match &mut working.record {
            AnyRecord::Incident(incident) => {
                if let Some(request) = incident_form::incident_form_ui(ui, &mut context, incident) {
                    action = Some(FormAction::Incident(request));
                }
            }
            AnyRecord::Rally(rally) => rally_form::rally_form_ui(ui, &mut context, rally),
            AnyRecord::Source(source) => other_forms::source_form_ui(ui, &mut context, source),
            AnyRecord::Place(place) => other_forms::place_form_ui(ui, &context, place),
            AnyRecord::Organization(organization) => {
                other_forms::organization_form_ui(ui, &context, organization);
            }
        }
    });
    editor.keep(dataset, working);
    action
}

/// The title and the form's buttons.
fn header_ui(ui: &mut egui::Ui, working: &Draft, changed: bool, problems: &[Problem]) -> Option<FormAction> {
    let mut action = None;
    let kind = choice(working.record.kind());
    let heading = if working.is_new { t!("new-record", kind = kind) } else { t!("edit-record", kind = kind) };
    ui.horizontal(|ui| {
        ui.heading(heading);
        if changed && !working.is_new {
            ui.weak(t!("form-changed"));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let errors = crate::model::has_errors(problems);
        let can_save = changed && !errors;
        let blocked = if errors { t!("form-fix-first") } else { t!("form-nothing-to-save") };
        let save =
            ui.add_enabled(can_save, egui::Button::new(t!("form-save"))).on_hover_text(t!("form-save-hint"));
        let save = save.on_disabled_hover_text(blocked);
        let save_and_new = ui
            .add_enabled(can_save, egui::Button::new(t!("form-save-and-new")))
            .on_hover_text(t!("form-save-and-new-hint"));
        if save.clicked()
            || (can_save && ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter)))
        {
            action = Some(FormAction::Save);
        }
        if save_and_new.clicked() {
            action = Some(FormAction::SaveAndNew);
        }
        if ui.add_enabled(changed, egui::Button::new(t!("form-discard"))).clicked() {
            action = Some(FormAction::Discard);
        }
        if ui.button(t!("form-duplicate")).on_hover_text(t!("form-duplicate-hint")).clicked() {
            action = Some(FormAction::Duplicate);
        }
        if ui.add_enabled(!working.is_new, egui::Button::new(t!("form-delete"))).clicked() {
            action = Some(FormAction::Delete);
        }
    });
    let warnings = problems.iter().filter(|p| p.is_warning()).count();
    if problems.len() > warnings {
        ui.colored_label(ui.visuals().error_fg_color, t!("form-problems", count = problems.len() - warnings));
    }
    if warnings > 0 {
        ui.colored_label(ui.visuals().warn_fg_color, t!("form-warnings", count = warnings));
    }
    action
}
