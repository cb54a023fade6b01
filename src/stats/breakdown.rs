//! Totals by category: where people were sent from and to, by status, by kind; rallies by city
//! and by organizer.

use std::collections::BTreeMap;

use super::series::{beyond_legs, legs_by_parent};
use super::{Figure, Pick, picked};
use crate::model::{Dataset, Id, Incident, IncidentKind, Rally};

/// What a breakdown groups by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BreakdownBy {
    /// The place people were sent or taken from.
    #[default]
    FromPlace,
    /// The place (province when known) people were sent to.
    ToPlace,
    /// The incident's status.
    Status,
    /// The incident's kind.
    Kind,
    /// The city a rally was held in.
    RallyCity,
    /// A rally's organizer (a rally with several is counted under each).
    RallyOrganizer,
}

impl BreakdownBy {
    /// Every grouping, incidents' first.
    pub const ALL: [Self; 6] =
        [Self::FromPlace, Self::ToPlace, Self::Status, Self::Kind, Self::RallyCity, Self::RallyOrganizer];

    /// The English name.
    pub fn name(self) -> &'static str {
        match self {
            Self::FromPlace => "sent from",
            Self::ToPlace => "sent to",
            Self::Status => "status",
            Self::Kind => "kind of incident",
            Self::RallyCity => "rally city",
            Self::RallyOrganizer => "rally organizer",
        }
    }

    /// Whether the grouping is of rallies rather than incidents.
    pub fn is_rallies(self) -> bool {
        matches!(self, Self::RallyCity | Self::RallyOrganizer)
    }
}

impl crate::model::Choice for BreakdownBy {
    fn all() -> &'static [Self] {
        &Self::ALL
    }

    fn english_name(self) -> &'static str {
        self.name()
    }

    fn message_id(self) -> &'static str {
        match self {
            Self::FromPlace => "BreakdownBy-FromPlace",
            Self::ToPlace => "BreakdownBy-ToPlace",
            Self::Status => "BreakdownBy-Status",
            Self::Kind => "BreakdownBy-Kind",
            Self::RallyCity => "BreakdownBy-RallyCity",
            Self::RallyOrganizer => "BreakdownBy-RallyOrganizer",
        }
    }
}

/// One category's totals.
#[derive(Clone, Debug, PartialEq)]
pub struct Slice {
    /// The category ("Dandong", "confirmed", "Seoul").
    pub name: String,
    /// How many records fall in it (legs instead of their parent).
    pub records: usize,
    /// People forcibly repatriated in it (zero for rallies).
    pub people: Figure,
    /// Attendance at its rallies (zero for incidents).
    pub attendance: f64,
}

/// The slice of `name`, created empty when new.
fn slice(slices: &mut BTreeMap<String, Slice>, name: String) -> &mut Slice {
    match slices.entry(name) {
        std::collections::btree_map::Entry::Occupied(entry) => entry.into_mut(),
        std::collections::btree_map::Entry::Vacant(entry) => {
            let name = entry.key().clone();
            entry.insert(Slice::empty(name))
        }
    }
}

impl Slice {
    /// A slice with nothing in it yet.
    pub(crate) fn empty(name: String) -> Self {
        Self { name, records: 0, people: Figure::default(), attendance: 0.0 }
    }
}

/// What one record adds to each slice it falls in.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SlicePart {
    /// Whether it counts among the records (a parent with legs is counted through them).
    counted: bool,
    /// The people it adds, for a forced repatriation with a figure.
    people: Option<Figure>,
    /// The attendance it adds, for a rally.
    attendance: f64,
}

impl SlicePart {
    /// Whether it adds people (a forced repatriation with a figure).
    pub(crate) fn adds_people(&self) -> bool {
        self.people.is_some()
    }

    /// Whether it counts among the records (a parent with legs is counted through them).
    pub(crate) fn is_counted(&self) -> bool {
        self.counted
    }

    /// Adds the part to a slice.
    pub(crate) fn add_to(&self, slice: &mut Slice) {
        if self.counted {
            slice.records += 1;
        }
        if let Some(figure) = self.people {
            slice.people.add_whole(figure);
        }
        slice.attendance += self.attendance;
    }
}

/// The category an incident falls in, and what it adds there; `legs` are its legs.
pub(crate) fn incident_slice_part(
    dataset: &Dataset,
    incident: &Incident,
    legs: &[&Incident],
    by: BreakdownBy,
    pick: Pick,
) -> (String, SlicePart) {
    let people = if incident.kind != IncidentKind::ForcedRepatriation {
        None
    } else if legs.is_empty() {
        picked(&incident.estimates, pick).and_then(|e| Figure::of_count(&e.count))
    } else {
        beyond_legs(incident, legs, pick)
    };
    let part = SlicePart { counted: legs.is_empty(), people, attendance: 0.0 };
    (incident_category(dataset, incident, by), part)
}

/// The categories a rally falls in (an organizer each, or its city), and what it adds to each.
pub(crate) fn rally_slice_part(
    dataset: &Dataset,
    rally: &Rally,
    by: BreakdownBy,
) -> (Vec<String>, SlicePart) {
    let attendance = rally.preferred_attendance().and_then(|e| e.count.central()).unwrap_or(0.0);
    (rally_categories(dataset, rally, by), SlicePart { counted: true, people: None, attendance })
}

/// Totals by category, the largest first (by people, or by rallies for rally groupings).
///
/// The counting rules are the series': legs instead of their parent, what a parent reports
/// beyond its legs counted under the parent's own category, the estimate picked by `pick`.
pub fn breakdown(
    dataset: &Dataset,
    by: BreakdownBy,
    pick: Pick,
    keep_incident: &dyn Fn(&Incident) -> bool,
    keep_rally: &dyn Fn(&Rally) -> bool,
) -> Vec<Slice> {
    let mut slices: BTreeMap<String, Slice> = BTreeMap::new();
    if by.is_rallies() {
        for rally in dataset.rallies.iter().filter(|r| keep_rally(r)) {
            let (names, part) = rally_slice_part(dataset, rally, by);
            for name in names {
                part.add_to(slice(&mut slices, name));
            }
        }
    } else {
        let legs = legs_by_parent(dataset);
        for incident in dataset.incidents.iter().filter(|i| keep_incident(i)) {
            let my_legs = legs.get(&incident.id).map_or(&[][..], Vec::as_slice);
            let (name, part) = incident_slice_part(dataset, incident, my_legs, by, pick);
            part.add_to(slice(&mut slices, name));
        }
    }
    in_order(slices.into_values(), by)
}

/// The slices with anything in them, the largest first (by people, or by rallies for rally
/// groupings), then by name.
pub(crate) fn in_order(slices: impl IntoIterator<Item = Slice>, by: BreakdownBy) -> Vec<Slice> {
    let mut list: Vec<Slice> = slices.into_iter().filter(|s| s.records > 0 || s.people.best > 0.0).collect();
    list.sort_by(|a, b| {
        let key = |s: &Slice| if by.is_rallies() { s.records as f64 } else { s.people.best };
        key(b).partial_cmp(&key(a)).unwrap_or(std::cmp::Ordering::Equal).then_with(|| a.name.cmp(&b.name))
    });
    list
}

fn place_name(dataset: &Dataset, id: Option<&Id>, province: bool) -> String {
    id.and_then(|id| dataset.place(id)).map_or_else(
        || "not recorded".to_owned(),
        |place| {
            if province && !place.province.is_empty() { place.province.clone() } else { place.name.clone() }
        },
    )
}

fn incident_category(dataset: &Dataset, incident: &Incident, by: BreakdownBy) -> String {
    match by {
        BreakdownBy::FromPlace => place_name(dataset, incident.from_place.as_ref(), false),
        BreakdownBy::ToPlace => place_name(dataset, incident.to_place.as_ref(), true),
        BreakdownBy::Status => incident.status.name().to_owned(),
        BreakdownBy::Kind | BreakdownBy::RallyCity | BreakdownBy::RallyOrganizer => {
            incident.kind.name().to_owned()
        }
    }
}

fn rally_categories(dataset: &Dataset, rally: &Rally, by: BreakdownBy) -> Vec<String> {
    if by == BreakdownBy::RallyOrganizer {
        if rally.organizers.is_empty() {
            return vec!["not recorded".to_owned()];
        }
        return rally
            .organizers
            .iter()
            .map(|id| dataset.organization(id).map_or_else(|| id.to_string(), |o| o.name.clone()))
            .collect();
    }
    let place = rally.place.as_ref().and_then(|id| dataset.place(id));
    vec![place.map_or_else(
        || "not recorded".to_owned(),
        |place| if place.city.is_empty() { place.name.clone() } else { place.city.clone() },
    )]
}
