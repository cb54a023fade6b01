//! Pickers for linked records: type to search, pick, or add a new one right there.

use eframe::egui;

use super::problems::FormContext;
use crate::edit::{AnyRecord, Edit, new_id};
use crate::i18n::{choice, date_spec};
use crate::model::{Dataset, Id, Organization, Place, PlaceKind, RecordKind, Source};
use crate::t;

/// The most matches a picker lists; typing narrows them.
const MAX_MATCHES: usize = 12;

/// The words a picker shows.
pub struct PickerLabels<'a> {
    /// The field's accessible name ("From place").
    pub field: &'a str,
    /// What the picker shows when nothing is picked ("none").
    pub none: &'a str,
}

/// The name shown for a record of `kind` with `id` (its id when it does not exist).
pub fn record_name(dataset: &Dataset, kind: RecordKind, id: &Id) -> String {
    AnyRecord::find(dataset, kind, id)
        .map_or_else(|| t!("picker-missing", id = id.to_string()), |record| record_label(&record))
}

/// The name shown for a record a form names: the dataset's, or one about to be added with the
/// draft.
fn shown_name(context: &FormContext<'_>, kind: RecordKind, id: &Id) -> String {
    let pending = context.pending().iter().find(|r| r.kind() == kind && r.id() == id);
    match pending {
        Some(record) if AnyRecord::find(context.dataset, kind, id).is_none() => record_label(record),
        _ => record_name(context.dataset, kind, id),
    }
}

fn record_label(record: &AnyRecord) -> String {
    match record {
        AnyRecord::Place(place) => crate::query::names::both(&place.name, &place.name_ko),
        AnyRecord::Organization(org) => crate::query::names::both(&org.name, &org.name_ko),
        AnyRecord::Incident(incident) => format!("{} · {}", incident.title, date_spec(&incident.date)),
        other => other.label().to_owned(),
    }
}

/// The records about to be added with the draft whose names contain `query`.
fn pending_matches(context: &FormContext<'_>, kind: RecordKind, query: &str) -> Vec<(Id, String)> {
    let needle = query.trim().to_lowercase();
    context
        .pending()
        .iter()
        .filter(|r| r.kind() == kind && AnyRecord::find(context.dataset, kind, r.id()).is_none())
        .map(|r| (r.id().clone(), record_label(r)))
        .filter(|(_, label)| needle.is_empty() || label.to_lowercase().contains(&needle))
        .take(MAX_MATCHES)
        .collect()
}

/// The gazetteer's places named like `query` that neither the dataset nor the records about to
/// be added have (by English name), at most `MAX_MATCHES`.
fn gazetteer_matches(context: &FormContext<'_>, query: &str) -> Vec<Place> {
    let needle = query.trim().to_lowercase();
    let Some(gazetteer) = context.gazetteer.filter(|_| !needle.is_empty()) else { return Vec::new() };
    let recorded = |place: &Place| {
        let same = |name: &str| name.eq_ignore_ascii_case(&place.name);
        context.dataset.places.iter().any(|p| same(&p.name))
            || context.pending().iter().any(|r| r.kind() == RecordKind::Place && same(r.label()))
    };
    gazetteer
        .places()
        .iter()
        .filter(|p| crate::article::gazetteer::names_of(p).any(|n| n.to_lowercase().contains(&needle)))
        .filter(|p| !recorded(p))
        .take(MAX_MATCHES)
        .cloned()
        .collect()
}

/// The ids and names of the records of `kind` whose names contain `query`, at most `MAX_MATCHES`.
fn matches(dataset: &Dataset, kind: RecordKind, query: &str) -> Vec<(Id, String)> {
    let needle = query.trim().to_lowercase();
    let found = |id: &Id, names: &[&str], label: String| {
        let hit = needle.is_empty() || names.iter().any(|name| name.to_lowercase().contains(&needle));
        hit.then(|| (id.clone(), label))
    };
    let list: Vec<(Id, String)> = match kind {
        RecordKind::Place => dataset
            .places
            .iter()
            .filter_map(|p| {
                found(&p.id, &[&p.name, &p.name_ko, &p.name_zh], record_label(&AnyRecord::Place(p.clone())))
            })
            .take(MAX_MATCHES)
            .collect(),
        RecordKind::Organization => dataset
            .organizations
            .iter()
            .filter_map(|o| {
                found(&o.id, &[&o.name, &o.name_ko], record_label(&AnyRecord::Organization(o.clone())))
            })
            .take(MAX_MATCHES)
            .collect(),
        RecordKind::Source => dataset
            .sources
            .iter()
            .filter_map(|s| {
                let label = if s.outlet.trim().is_empty() {
                    s.title.clone()
                } else {
                    format!("{} — {}", s.outlet, s.title)
                };
                found(&s.id, &[&s.title, &s.outlet], label)
            })
            .take(MAX_MATCHES)
            .collect(),
        RecordKind::Incident => dataset
            .incidents
            .iter()
            .filter_map(|i| {
                found(&i.id, &[&i.title, i.id.as_str()], record_label(&AnyRecord::Incident(i.clone())))
            })
            .take(MAX_MATCHES)
            .collect(),
        RecordKind::Rally => dataset
            .rallies
            .iter()
            .filter_map(|r| found(&r.id, &[&r.title], r.title.clone()))
            .take(MAX_MATCHES)
            .collect(),
    };
    list
}

/// A new record of `kind` named `name` (a place of the kind and country given), added through
/// the edit path; returns its id.
fn add_new(
    context: &mut FormContext<'_>,
    kind: RecordKind,
    name: &str,
    place: Option<(PlaceKind, String)>,
) -> Id {
    let id = fresh_id(context, kind);
    let name = name.trim().to_owned();
    let record = match kind {
        RecordKind::Place => {
            let (kind, country) = place.unwrap_or_default();
            AnyRecord::Place(Place { id: id.clone(), name, kind, country, ..Place::default() })
        }
        RecordKind::Organization => {
            AnyRecord::Organization(Organization { id: id.clone(), name, ..Organization::default() })
        }
        RecordKind::Source => AnyRecord::Source(Source { id: id.clone(), title: name, ..Source::default() }),
        RecordKind::Incident | RecordKind::Rally => return id,
    };
    context.edits.push(Edit::put(record));
    id
}

/// A new id of `kind`: in neither the dataset nor the records about to be added.
fn fresh_id(context: &FormContext<'_>, kind: RecordKind) -> Id {
    let first = new_id(context.dataset, kind, context.now);
    let taken = |id: &Id| {
        context.pending().iter().any(|r| r.kind() == kind && r.id() == id)
            || context.edits.iter().any(|e| matches!(e, Edit::Put(r) if r.kind() == kind && r.id() == id))
    };
    let mut id = first.clone();
    let mut counter = 2;
    while taken(&id) {
        id = Id::new(format!("{first}-{counter}"));
        counter += 1;
    }
    id
}

/// The gazetteer's place added to the dataset through the edit path, its names, kind, country
/// and point with it; returns its id.
fn add_from_gazetteer(context: &mut FormContext<'_>, place: &Place) -> Id {
    let id = fresh_id(context, RecordKind::Place);
    context.edits.push(Edit::put(AnyRecord::Place(Place { id: id.clone(), ..place.clone() })));
    id
}

/// What was picked in a picker's list.
enum Choice {
    /// No record.
    Nothing,
    /// This record.
    Record(Id),
}

/// The popup's list: a search box, the matches, and "Add new…". Returns the choice made, if any.
fn choices_ui(
    ui: &mut egui::Ui,
    context: &mut FormContext<'_>,
    kind: RecordKind,
    field: &str,
) -> Option<Choice> {
    let query_id = ui.scope_id().with("query");
    let mut query: String = ui.data_mut(|d| d.get_temp(query_id).unwrap_or_default());
    let search =
        egui::TextEdit::singleline(&mut query).hint_text(t!("picker-search-hint")).desired_width(220.0);
    let search_label = t!("picker-search", field = field.to_lowercase());
    let response = ui.add(search).on_hover_text(&search_label);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &search_label));
    if !response.has_focus() && query.is_empty() {
        response.request_focus();
    }
    ui.data_mut(|d| d.insert_temp(query_id, query.clone()));
    let mut chosen = None;
    egui::ScrollArea::vertical().max_height(240.0).show(ui, |ui| {
        let found =
            pending_matches(context, kind, &query).into_iter().chain(matches(context.dataset, kind, &query));
        for (id, label) in found {
            if ui.selectable_label(false, label).clicked() {
                chosen = Some(Choice::Record(id));
            }
        }
        if kind == RecordKind::Place {
            for place in gazetteer_matches(context, &query) {
                let label = t!(
                    "picker-gazetteer",
                    name = crate::query::names::both(&place.name, &place.name_ko),
                    kind = choice(place.kind),
                    country = place.country.as_str()
                );
                if ui.selectable_label(false, label).clicked() {
                    chosen = Some(Choice::Record(add_from_gazetteer(context, &place)));
                }
            }
        }
    });
    let addable = matches!(kind, RecordKind::Place | RecordKind::Organization | RecordKind::Source);
    if addable && !query.trim().is_empty() {
        let place = (kind == RecordKind::Place).then(|| new_place_ui(ui, query_id, &query));
        if ui.button(t!("picker-add-new", kind = choice(kind), name = query.trim())).clicked() {
            chosen = Some(Choice::Record(add_new(context, kind, &query, place)));
        }
    }
    if chosen.is_some() {
        ui.data_mut(|d| {
            d.remove::<String>(query_id);
            d.remove::<NewPlace>(query_id.with("new place"));
        });
    }
    chosen
}

/// The kind and country of a place about to be added from a picker: the kind its name says
/// until one is chosen.
#[derive(Clone, Debug, Default)]
struct NewPlace {
    kind: Option<PlaceKind>,
    country: String,
}

/// Asks the kind and country of the place about to be added; returns them.
fn new_place_ui(ui: &mut egui::Ui, query_id: egui::Id, name: &str) -> (PlaceKind, String) {
    let id = query_id.with("new place");
    let mut new: NewPlace = ui.data_mut(|d| d.get_temp(id).unwrap_or_default());
    let mut kind = new.kind.unwrap_or_else(|| PlaceKind::guessed_from_name(name));
    ui.label(t!("picker-new-place-kind"));
    ui.horizontal_wrapped(|ui| {
        for &option in PlaceKind::ALL {
            if ui.selectable_value(&mut kind, option, choice(option)).clicked() {
                new.kind = Some(option);
            }
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(t!("picker-new-place-country"));
        let field = egui::TextEdit::singleline(&mut new.country).hint_text("KP").desired_width(64.0);
        ui.add(field).labelled_by(label.id);
    });
    let country = new.country.trim().to_uppercase();
    ui.data_mut(|d| d.insert_temp(id, new));
    (kind, country)
}

/// A picker for one linked record of `kind`.
pub fn picker_ui(
    ui: &mut egui::Ui,
    context: &mut FormContext<'_>,
    labels: &PickerLabels<'_>,
    kind: RecordKind,
    value: &mut Option<Id>,
) {
    let selected = value.as_ref().map_or_else(|| labels.none.to_owned(), |id| shown_name(context, kind, id));
    let mut chosen = None;
    // Open until a choice is made: a new place's kind and country are chosen inside it first.
    let response = egui::ComboBox::from_id_salt(labels.field)
        .selected_text(selected)
        .width(260.0)
        .height(520.0)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            // The popup keeps the size of its first frame: room, from the start, for the list
            // and for a new place's kind and country, which appear once a name is typed.
            ui.set_min_height(if kind == RecordKind::Place { 330.0 } else { 180.0 });
            if ui.selectable_label(value.is_none(), labels.none).clicked() {
                chosen = Some(Choice::Nothing);
            }
            if let Some(choice) = choices_ui(ui, context, kind, labels.field) {
                chosen = Some(choice);
            }
            if chosen.is_some() {
                ui.close();
            }
        })
        .response;
    let field = labels.field.to_owned();
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &field));
    match chosen {
        Some(Choice::Nothing) => *value = None,
        Some(Choice::Record(id)) => *value = Some(id),
        None => {}
    }
}

/// A picker for several linked records: each shown with a button to remove it, and a picker
/// to add one.
pub fn multi_picker_ui(
    ui: &mut egui::Ui,
    context: &mut FormContext<'_>,
    field: &str,
    kind: RecordKind,
    values: &mut Vec<Id>,
) {
    let width = context.field_width;
    super::problems::field_cell(ui, width, |ui| {
        let mut remove = None;
        for (index, id) in values.iter().enumerate() {
            ui.horizontal(|ui| {
                let name = shown_name(context, kind, id);
                ui.add(egui::Label::new(&name).truncate());
                if ui.small_button("×").on_hover_text(t!("picker-remove", name = &name)).clicked() {
                    remove = Some(index);
                }
            });
        }
        if let Some(index) = remove {
            values.remove(index);
        }
        let mut added = None;
        let labels = PickerLabels { field, none: &t!("picker-add") };
        picker_ui(ui, context, &labels, kind, &mut added);
        if let Some(id) = added.filter(|id| !values.contains(id)) {
            values.push(id);
        }
    });
}
