//! The breakdown kept up to date edit by edit: each category knows the records in it, with what
//! each adds, so after an edit only the categories the touched records were and are in are added
//! up again, in the dataset's order. The slices are then the very ones [`super::breakdown`]
//! gives, at a cost that does not grow with the dataset.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::breakdown::{SlicePart, in_order, incident_slice_part, rally_slice_part};
use super::left_out::repatriation_left_out;
use super::members::{Member, insert_in_order, remove_from};
use super::series::legs_by_parent;
use super::{BreakdownBy, FollowsEdits, LeftOut, Pick, Slice};
use crate::model::{Change, Dataset, Id, Incident, LegIndex, Rally, RecordKind, find_by_id};

/// The slices of a breakdown with, for each category, the records in it and what they add.
#[derive(Debug)]
pub struct BreakdownIndex {
    by: BreakdownBy,
    pick: Pick,
    /// Each category's records, in id order.
    categories: BTreeMap<String, Vec<Arc<Member<SlicePart>>>>,
    /// The categories of each record.
    names_of: FxHashMap<Id, Vec<String>>,
    /// Each parent's legs (for a breakdown of incidents).
    legs: LegIndex,
    slices: BTreeMap<String, Slice>,
    /// The forced repatriations (without legs) the filters keep that have no figure.
    without_figure: FxHashSet<Id>,
}

impl FollowsEdits for BreakdownIndex {
    type Settings = (BreakdownBy, Pick);
    type Figures = Vec<Slice>;

    fn build(
        dataset: &Dataset,
        &(by, pick): &(BreakdownBy, Pick),
        keep_incident: &dyn Fn(&Incident) -> bool,
        keep_rally: &dyn Fn(&Rally) -> bool,
    ) -> Self {
        let mut index = Self {
            by,
            pick,
            categories: BTreeMap::new(),
            names_of: FxHashMap::default(),
            legs: LegIndex::default(),
            slices: BTreeMap::new(),
            without_figure: FxHashSet::default(),
        };
        if by.is_rallies() {
            for rally in dataset.rallies.iter().filter(|r| keep_rally(r)) {
                let (names, part) = rally_slice_part(dataset, rally, by);
                index.add(&rally.id, names, part);
            }
        } else {
            index.legs = LegIndex::of(dataset);
            let legs = legs_by_parent(dataset);
            for incident in dataset.incidents.iter().filter(|i| keep_incident(i)) {
                let my_legs = legs.get(&incident.id).map_or(&[][..], Vec::as_slice);
                let (name, part) = incident_slice_part(dataset, incident, my_legs, by, pick);
                index.note_figure(incident, my_legs.is_empty(), &part);
                index.add(&incident.id, vec![name], part);
            }
        }
        let every: BTreeSet<String> = index.categories.keys().cloned().collect();
        index.add_up(&every);
        index
    }

    fn settings(&self) -> (BreakdownBy, Pick) {
        (self.by, self.pick)
    }

    fn update(
        &mut self,
        dataset: &Dataset,
        changes: &[Change],
        keep_incident: &dyn Fn(&Incident) -> bool,
        keep_rally: &dyn Fn(&Rally) -> bool,
    ) -> bool {
        let mut touched = BTreeSet::new();
        for change in changes {
            match change {
                Change::Record(record) if record.kind == RecordKind::Incident && !self.by.is_rallies() => {
                    touched.insert(&record.id);
                }
                Change::Record(record) if record.kind == RecordKind::Rally && self.by.is_rallies() => {
                    touched.insert(&record.id);
                }
                Change::Record(record) if matches!(record.kind, RecordKind::Incident | RecordKind::Rally) => {
                }
                _ => return false,
            }
        }
        let mut dirty = BTreeSet::new();
        // Every touched record out first, and the legs noted again, so each part is worked out
        // with its legs as they are now.
        for &id in &touched {
            dirty.extend(self.remove(id));
            self.without_figure.remove(id);
            if !self.by.is_rallies() {
                self.legs.note_as_in(dataset, id);
            }
        }
        for id in touched {
            let (names, part) = if self.by.is_rallies() {
                let Some(rally) = find_by_id(&dataset.rallies, id).filter(|r| keep_rally(r)) else {
                    continue;
                };
                rally_slice_part(dataset, rally, self.by)
            } else {
                let Some(incident) = find_by_id(&dataset.incidents, id).filter(|i| keep_incident(i)) else {
                    continue;
                };
                let legs: Vec<&Incident> = self.legs.legs_of(dataset, id).collect();
                let (name, part) = incident_slice_part(dataset, incident, &legs, self.by, self.pick);
                self.note_figure(incident, legs.is_empty(), &part);
                (vec![name], part)
            };
            dirty.extend(names.iter().cloned());
            self.add(id, names, part);
        }
        self.add_up(&dirty);
        true
    }

    /// The slices with anything in them, the largest first.
    fn figures(&self) -> Vec<Slice> {
        in_order(self.slices.values().cloned(), self.by)
    }
}

impl BreakdownIndex {
    /// How many records the filters keep that the breakdown cannot count: forced repatriations
    /// with no figure (a breakdown of rallies leaves none out: a rally with no city or organizer
    /// is "not recorded").
    pub fn left_out(&self) -> LeftOut {
        LeftOut { repatriations: self.without_figure.len(), rallies: 0 }
    }

    /// Notes whether a kept incident is a forced repatriation, without legs, with no figure.
    fn note_figure(&mut self, incident: &Incident, no_legs: bool, part: &SlicePart) {
        if repatriation_left_out(incident, !no_legs, part.adds_people()) {
            self.without_figure.insert(incident.id.clone());
        }
    }

    fn add(&mut self, id: &Id, names: Vec<String>, part: SlicePart) {
        let member = Arc::new(Member { id: id.clone(), part });
        for name in &names {
            insert_in_order(self.categories.entry(name.clone()).or_default(), Arc::clone(&member));
        }
        self.names_of.insert(id.clone(), names);
    }

    /// Takes the record out; returns the categories it was in.
    fn remove(&mut self, id: &Id) -> Vec<String> {
        let names = self.names_of.remove(id).unwrap_or_default();
        for name in &names {
            if let Some(members) = self.categories.get_mut(name) {
                remove_from(members, id);
                if members.is_empty() {
                    self.categories.remove(name);
                }
            }
        }
        names
    }

    /// Adds up these categories again from their records, in id order.
    fn add_up(&mut self, names: &BTreeSet<String>) {
        for name in names {
            let Some(members) = self.categories.get(name) else {
                self.slices.remove(name);
                continue;
            };
            let mut slice = Slice::empty(name.clone());
            for member in members {
                member.part.add_to(&mut slice);
            }
            self.slices.insert(name.clone(), slice);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{AnyRecord, Document, Edit};
    use crate::model::SourcedEstimate;

    #[test]
    fn repatriations_without_a_figure_are_counted_as_the_edits_come() {
        let mut document = Document::new(crate::store::load_sample().expect("the sample loads"));
        let settings = (BreakdownBy::FromPlace, Pick::Preferred);
        let build = |dataset: &Dataset| BreakdownIndex::build(dataset, &settings, &|_| true, &|_| true);
        let mut index = build(document.dataset());
        let start = index.left_out().repatriations;
        let mut vague =
            Incident { id: Id::new("inc-vague"), title: "Sent back".into(), ..Incident::default() };
        for (words, more) in [("lots", 1), ("about 30", 0), ("many", 1)] {
            vague.estimates = vec![SourcedEstimate {
                count: crate::phrase::parse_count(words),
                ..SourcedEstimate::default()
            }];
            let seen = document.revision();
            document.apply(Edit::put(AnyRecord::Incident(vague.clone())), jiff::Timestamp::UNIX_EPOCH);
            let changes = document.changes_since(seen).expect("the journal covers the edit");
            assert!(index.update(document.dataset(), &changes, &|_| true, &|_| true));
            assert_eq!(index.left_out().repatriations, start + more, "{words}");
            assert_eq!(index.left_out(), build(document.dataset()).left_out(), "as from scratch");
        }
    }
}
