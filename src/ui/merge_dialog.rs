//! File → Merge…: what merging another copy would do, which look-alike records to join; and
//! the conflicts a merge left, chosen field by field.

use std::path::PathBuf;

use eframe::egui;

use crate::edit::AnyRecord;
use crate::exchange::MergeOutcome;
use crate::exchange::versions::{Undecided, differences, undecided};
use crate::i18n::choice;
use crate::model::Dataset;
use crate::t;

/// A merge being looked at before it is applied.
#[derive(Clone, Debug)]
pub struct MergeState {
    /// The other copy's file.
    pub path: PathBuf,
    /// What merging it gives.
    pub outcome: MergeOutcome,
    /// For each look-alike pair, whether to join them into one record (ours).
    pub join: Vec<bool>,
}

/// What the user decided about a merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeAnswer {
    /// Apply it.
    Merge,
    /// Give it up.
    Cancel,
}

fn label_of(dataset: &Dataset, kind: crate::model::RecordKind, id: &crate::model::Id) -> String {
    AnyRecord::find(dataset, kind, id).map_or_else(|| id.to_string(), |r| r.label().to_owned())
}

/// Draws the merge dialog.
pub fn merge_ui(ctx: &egui::Context, state: &mut MergeState, dataset: &Dataset) -> Option<MergeAnswer> {
    let modal = egui::Modal::new(egui::Id::unique("merge-dialog")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        let name = state.path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        ui.heading(t!("merge-title", file = name));
        let outcome = &state.outcome;
        ui.label(t!(
            "merge-summary",
            identical = outcome.identical,
            taken = outcome.taken_from_theirs,
            conflicts = outcome.conflicts.len()
        ));
        if !outcome.conflicts.is_empty() {
            ui.weak(t!("merge-conflicts-note"));
        }
        if !outcome.look_alikes.is_empty() {
            ui.separator();
            ui.label(t!("merge-look-alikes"));
            egui::ScrollArea::vertical().id_salt("look-alikes").max_height(200.0).show(ui, |ui| {
                for (alike, join) in outcome.look_alikes.iter().zip(state.join.iter_mut()) {
                    let ours = label_of(dataset, alike.kind, &alike.ours);
                    let theirs = label_of(&outcome.dataset, alike.kind, &alike.theirs);
                    let text =
                        t!("merge-look-alike", ours = ours, theirs = theirs, id = alike.theirs.to_string());
                    ui.checkbox(join, text);
                }
            });
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(t!("merge-button")).clicked() {
                return Some(MergeAnswer::Merge);
            }
            ui.button(t!("button-cancel")).clicked().then_some(MergeAnswer::Cancel)
        })
        .inner
    });
    modal.inner.or_else(|| modal.should_close().then_some(MergeAnswer::Cancel))
}

/// A value short enough for one column of the table; the whole of it shows on hover.
fn short(text: &str) -> String {
    const MOST: usize = 70;
    if text.chars().count() <= MOST {
        return text.to_owned();
    }
    let cut: String = text.chars().take(MOST).collect();
    format!("{cut}…")
}

/// A record's field as the forms name it.
fn field_label(name: &str) -> String {
    match name {
        "title" => t!("field-title"),
        "kind" | "kinds" => t!("field-kind"),
        "status" => t!("field-status"),
        "date" => t!("field-date"),
        "estimates" => t!("field-people"),
        "attendance" => t!("field-attendance"),
        "from_place" => t!("field-from-place"),
        "to_place" => t!("field-to-place"),
        "parent" => t!("field-part-of"),
        "people_involved" => t!("field-people-involved"),
        "authorities" => t!("field-authorities"),
        "context" => t!("field-context"),
        "sources" => t!("field-sources"),
        "notes" => t!("field-notes"),
        "outlet" => t!("field-outlet"),
        "author" => t!("field-author"),
        "language" => t!("field-language"),
        "url" => t!("field-url"),
        "published" => t!("field-published"),
        "retrieved" => t!("field-retrieved"),
        "archive_url" => t!("field-archive-url"),
        "reliability" => t!("field-reliability"),
        "key_quote" => t!("field-key-quote"),
        "name" => t!("field-name"),
        "name_ko" => t!("field-korean-name"),
        "name_zh" => t!("field-chinese-name"),
        "country" => t!("field-country"),
        "province" => t!("field-province"),
        "city" => t!("field-city"),
        "latitude" => t!("field-latitude"),
        "longitude" => t!("field-longitude"),
        "place" => t!("field-place"),
        "organizers" => t!("field-organizers"),
        "target" => t!("field-target"),
        "demands" => t!("field-demands"),
        "occasion" => t!("field-occasion"),
        "responds_to" => t!("field-responds-to"),
        other => other.to_owned(),
    }
}

/// Choosing, one record at a time, between the versions a merge left.
#[derive(Clone, Debug, Default)]
pub struct ConflictState {
    /// The fields to take from the other copy, for the record shown.
    pub take_theirs: Vec<String>,
}

/// What the user decided about the record shown.
#[derive(Clone, Debug, PartialEq)]
pub enum ConflictAnswer {
    /// Ours with these fields from theirs.
    Combine(Vec<String>),
    /// Keep the record one copy deleted.
    Keep,
    /// Delete it, as one copy did.
    Delete,
    /// Decide later.
    Close,
}

/// Draws the conflicts dialog for the first undecided record of the dataset.
pub fn conflicts_ui(
    ctx: &egui::Context,
    state: &mut ConflictState,
    dataset: &Dataset,
) -> Option<ConflictAnswer> {
    let all = undecided(dataset);
    let modal = egui::Modal::new(egui::Id::unique("conflicts-dialog")).show(ctx, |ui| {
        ui.set_max_width(760.0);
        ui.heading(t!("conflicts-title", count = all.len()));
        let answer = match all.first() {
            None => {
                ui.label(t!("conflicts-none"));
                None
            }
            Some(Undecided::Changed { ours, theirs }) => changed_ui(ui, state, ours, theirs),
            Some(Undecided::Deleted(deleted)) => {
                let title = label_of(dataset, deleted.kind, &deleted.id);
                ui.label(t!("conflicts-deleted", kind = choice(deleted.kind), title = title));
                ui.horizontal(|ui| {
                    if ui.button(t!("conflicts-keep")).clicked() {
                        return Some(ConflictAnswer::Keep);
                    }
                    ui.button(t!("conflicts-delete")).clicked().then_some(ConflictAnswer::Delete)
                })
                .inner
            }
        };
        ui.add_space(8.0);
        let close = if all.is_empty() { t!("button-close") } else { t!("conflicts-later") };
        answer.or_else(|| ui.button(close).clicked().then_some(ConflictAnswer::Close))
    });
    let closed = modal.should_close();
    modal.inner.or_else(|| closed.then_some(ConflictAnswer::Close))
}

fn changed_ui(
    ui: &mut egui::Ui,
    state: &mut ConflictState,
    ours: &AnyRecord,
    theirs: &AnyRecord,
) -> Option<ConflictAnswer> {
    ui.label(t!(
        "conflicts-changed",
        kind = choice(ours.kind()),
        title = ours.label(),
        id = ours.id().to_string()
    ));
    egui::ScrollArea::vertical().id_salt("conflict-fields").max_height(360.0).show(ui, |ui| {
        egui::Grid::new("conflict-fields-grid").num_columns(3).striped(true).show(ui, |ui| {
            ui.strong(t!("conflicts-field"));
            ui.strong(t!("conflicts-this-copy"));
            ui.strong(t!("conflicts-other-copy"));
            ui.end_row();
            for difference in differences(ours, theirs) {
                ui.label(field_label(&difference.name));
                let taken = state.take_theirs.contains(&difference.name);
                let ours_text =
                    if difference.ours.is_empty() { t!("conflicts-empty") } else { difference.ours };
                let theirs_text =
                    if difference.theirs.is_empty() { t!("conflicts-empty") } else { difference.theirs };
                if ui.radio(!taken, short(&ours_text)).on_hover_text(&ours_text).clicked() {
                    state.take_theirs.retain(|name| *name != difference.name);
                }
                if ui.radio(taken, short(&theirs_text)).on_hover_text(&theirs_text).clicked() && !taken {
                    state.take_theirs.push(difference.name.clone());
                }
                ui.end_row();
            }
        });
    });
    ui.button(t!("conflicts-use-chosen"))
        .clicked()
        .then(|| ConflictAnswer::Combine(std::mem::take(&mut state.take_theirs)))
}
