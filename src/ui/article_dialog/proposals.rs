//! The records an article proposes, each with what was understood and the sentence it came
//! from: a box to add it, a button to change it in its form, a box to link it to the record the
//! dataset already has, and a picker to take it for another record of the dataset.

use eframe::egui;

use super::ArticleState;
use crate::article::{PlaceMention, entered_source};
use crate::edit::AnyRecord;
use crate::i18n::{choice, date_spec, number};
use crate::model::{CountEstimate, Dataset, Id, ProblemIndex, RecordKind, SourcedEstimate};
use crate::t;
use crate::ui::widgets::{FormContext, PickerLabels, picker_ui};

/// The records proposed, each with a checkbox to add it.
pub(super) fn proposals_ui(
    ui: &mut egui::Ui,
    state: &mut ArticleState,
    dataset: &Dataset,
    index: &ProblemIndex,
) {
    let reading = &state.reading;
    if reading.incidents.is_empty() && reading.rallies.is_empty() {
        ui.weak(if state.text.trim().is_empty() { t!("article-empty") } else { t!("article-nothing-found") });
        return;
    }
    if reading.cut {
        ui.colored_label(ui.visuals().warn_fg_color, t!("article-cut"));
    }
    if let Some(source) = entered_source(reading, dataset) {
        ui.colored_label(ui.visuals().warn_fg_color, t!("article-entered", title = source.title.as_str()));
    }
    ui.horizontal(|ui| {
        if ui.button(t!("article-tick-all")).clicked() {
            state.set_all(true);
        }
        if ui.button(t!("article-tick-none")).clicked() {
            state.set_all(false);
        }
    });
    let mut same_as: Option<(RecordKind, usize, Option<Id>)> = None;
    egui::ScrollArea::vertical().id_salt("article-proposals").max_height(400.0).show(ui, |ui| {
        for number in 0..state.reading.incidents.len() {
            same_as =
                same_as.take().or(proposal_ui(ui, state, (dataset, index), RecordKind::Incident, number));
            ui.separator();
        }
        for number in 0..state.reading.rallies.len() {
            same_as = same_as.take().or(proposal_ui(ui, state, (dataset, index), RecordKind::Rally, number));
            ui.separator();
        }
    });
    if let Some((kind, number, known)) = same_as {
        state.set_known(kind, number, known.as_ref());
    }
}

/// One proposal: its boxes, what was understood, its sentence; returns the record the user
/// took it for, when they picked one.
fn proposal_ui(
    ui: &mut egui::Ui,
    state: &mut ArticleState,
    (dataset, index): (&Dataset, &ProblemIndex),
    kind: RecordKind,
    number: usize,
) -> Option<(RecordKind, usize, Option<Id>)> {
    let rally = kind == RecordKind::Rally;
    let (add_name, edit_name) = if rally {
        (t!("article-add-rally", number = number + 1), t!("article-edit-rally", number = number + 1))
    } else {
        (t!("article-add-incident", number = number + 1), t!("article-edit-incident", number = number + 1))
    };
    let salt = (rally, number);
    ui.horizontal(|ui| {
        let add = if rally { &mut state.add_rallies[number] } else { &mut state.add_incidents[number] };
        ui.push_id(("add", salt), |ui| ui.checkbox(add, &add_name));
        let edit = ui.push_id(("edit", salt), |ui| ui.small_button(t!("article-edit"))).inner;
        let edit = edit.on_hover_text(t!("article-edit-hint"));
        edit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &edit_name));
        if edit.clicked() {
            state.editing = Some((kind, number));
        }
    });
    let known = if rally {
        state.reading.rallies[number].known.clone()
    } else {
        state.reading.incidents[number].known.clone()
    };
    if let Some(id) = &known {
        let title = AnyRecord::find(dataset, kind, id).map_or_else(String::new, |r| r.label().to_owned());
        let link = if rally { &mut state.link_rallies[number] } else { &mut state.link_incidents[number] };
        ui.push_id(("link", salt), |ui| ui.checkbox(link, t!("article-link", title = title)));
    }
    ui.indent(("proposal", salt), |ui| {
        understood_ui(ui, state, kind, number);
        let evidence = if rally {
            &state.reading.rallies[number].evidence
        } else {
            &state.reading.incidents[number].evidence
        };
        ui.weak(&state.reading.text[evidence.clone()]);
    });
    same_as_ui(ui, (dataset, index), kind, number, known.as_ref())
}

/// What was understood of a proposal, or of the record as the user changed it.
fn understood_ui(ui: &mut egui::Ui, state: &ArticleState, kind: RecordKind, number: usize) {
    if state.is_edited(kind, number) {
        ui.label(t!("article-edited"));
        match state.record_of(kind, number) {
            Some(AnyRecord::Incident(incident)) => {
                ui.label(format!("{} · {}", choice(incident.kind), date_line(&incident.date)));
                ui.label(estimates_line(&incident.estimates));
            }
            Some(AnyRecord::Rally(rally)) => {
                ui.label(date_line(&rally.date));
                ui.label(estimates_line(&rally.attendance));
            }
            _ => {}
        }
        return;
    }
    if kind == RecordKind::Rally {
        let rally = &state.reading.rallies[number];
        let kinds: Vec<String> = rally.kinds.iter().map(|k| choice(*k)).collect();
        ui.label(format!("{} · {}", kinds.join(", "), date_line(&rally.date)));
        if let Some(attendance) = &rally.attendance {
            ui.label(count_line(attendance));
        }
        if let Some(place) = &rally.place {
            ui.label(t!("article-at", place = place_name(place)));
        }
        if !rally.organizers.is_empty() {
            let names: Vec<&str> = rally
                .organizers
                .iter()
                .map(|o| crate::query::names::localized(&o.organization.name, &o.organization.name_ko))
                .collect();
            ui.label(t!("article-by", names = names.join(", ")));
        }
    } else {
        let incident = &state.reading.incidents[number];
        ui.label(format!("{} · {}", choice(incident.kind), date_line(&incident.date)));
        ui.label(count_line(&incident.people));
        let places = places_line(incident.from_place.as_ref(), incident.to_place.as_ref());
        if !places.is_empty() {
            ui.label(places);
        }
        if let Some(parent) = incident.parent {
            ui.label(t!("article-leg-of", number = parent + 1));
        }
    }
}

/// The picker that takes a proposal for a record the dataset has (the article then one more
/// source of it), or for a new record.
fn same_as_ui(
    ui: &mut egui::Ui,
    (dataset, index): (&Dataset, &ProblemIndex),
    kind: RecordKind,
    number: usize,
    known: Option<&Id>,
) -> Option<(RecordKind, usize, Option<Id>)> {
    let field = if kind == RecordKind::Rally {
        t!("article-same-as-rally", number = number + 1)
    } else {
        t!("article-same-as-incident", number = number + 1)
    };
    let mut edits = Vec::new();
    let mut context = FormContext {
        dataset,
        index,
        problems: &[],
        edits: &mut edits,
        now: jiff::Timestamp::now(),
        field_width: 260.0,
        focus_first_field: false,
        pending: None,
        gazetteer: None,
    };
    let mut value = known.cloned();
    ui.horizontal(|ui| {
        ui.weak(t!("article-same-as"));
        let labels = PickerLabels { field: &field, none: &t!("article-same-as-none") };
        picker_ui(ui, &mut context, &labels, kind, &mut value);
    });
    (value.as_ref() != known).then_some((kind, number, value))
}

/// "end of November 2023 → 21–30 Nov 2023", or the words alone when they give no days.
fn date_line(date: &crate::model::DateSpec) -> String {
    match (date.as_reported.is_empty(), date.range().is_some()) {
        (true, _) => t!("article-no-date"),
        (false, true) => {
            t!("article-understood", words = date.as_reported.as_str(), meaning = date_spec(date))
        }
        (false, false) => date.as_reported.clone(),
    }
}

/// The preferred figure of a record, as `count_line` says it.
fn estimates_line(estimates: &[SourcedEstimate]) -> String {
    let preferred = estimates.iter().find(|e| e.preferred).or(estimates.first());
    preferred.map_or_else(String::new, |e| count_line(&e.count))
}

/// "at least 95 → 95 or more".
fn count_line(count: &CountEstimate) -> String {
    let figure = |n: u32| number(f64::from(n));
    let meaning = match (count.low, count.high) {
        (Some(low), Some(high)) if low == high => figure(low),
        (Some(low), Some(high)) => format!("{}–{}", figure(low), figure(high)),
        (Some(low), None) => t!("article-or-more", low = figure(low)),
        (None, Some(high)) => t!("article-up-to", high = figure(high)),
        (None, None) => count.best.map_or_else(String::new, |n| t!("article-about", best = figure(n))),
    };
    t!("article-understood", words = count.as_reported.as_str(), meaning = meaning)
}

fn places_line(from: Option<&PlaceMention>, to: Option<&PlaceMention>) -> String {
    match (from, to) {
        (Some(from), Some(to)) => t!("article-from-to", from = place_name(from), to = place_name(to)),
        (Some(from), None) => t!("article-from", from = place_name(from)),
        (None, Some(to)) => t!("article-to", to = place_name(to)),
        (None, None) => String::new(),
    }
}

fn place_name(place: &PlaceMention) -> String {
    crate::query::names::localized(&place.place.name, &place.place.name_ko).to_owned()
}
