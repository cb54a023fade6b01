//! Which incidents are the legs of which, kept up to date edit by edit, so a parent's legs are
//! found without a scan of every incident.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use super::{Dataset, Id, Incident, find_by_id};

/// Each parent's legs, and each leg's parent.
#[derive(Debug, Default)]
pub struct LegIndex {
    legs: FxHashMap<Id, BTreeSet<Id>>,
    parent_of: FxHashMap<Id, Id>,
}

impl LegIndex {
    /// The legs of every incident of the dataset.
    pub fn of(dataset: &Dataset) -> Self {
        let mut index = Self::default();
        for incident in &dataset.incidents {
            index.note(&incident.id, incident.parent.as_ref());
        }
        index
    }

    /// Notes an incident's parent (`None` when it has none, or is gone), in place of the one
    /// noted before.
    pub fn note(&mut self, id: &Id, parent: Option<&Id>) {
        if let Some(old) = self.parent_of.remove(id)
            && let Some(legs) = self.legs.get_mut(&old)
        {
            legs.remove(id);
            if legs.is_empty() {
                self.legs.remove(&old);
            }
        }
        if let Some(parent) = parent {
            self.legs.entry(parent.clone()).or_default().insert(id.clone());
            self.parent_of.insert(id.clone(), parent.clone());
        }
    }

    /// Notes the parent the incident `id` has in `dataset` now.
    pub fn note_as_in(&mut self, dataset: &Dataset, id: &Id) {
        let parent = find_by_id(&dataset.incidents, id).and_then(|incident| incident.parent.as_ref());
        self.note(id, parent);
    }

    /// The parent noted for the incident `id`, if any.
    pub fn parent_of(&self, id: &Id) -> Option<&Id> {
        self.parent_of.get(id)
    }

    /// Whether any incident is noted as a leg of `id`.
    pub fn has_legs(&self, id: &Id) -> bool {
        self.legs.contains_key(id)
    }

    /// The legs of an incident, in the dataset's order, as [`Dataset::legs_of`] finds them by a
    /// scan. The index must follow `dataset`.
    pub fn legs_of<'d>(&self, dataset: &'d Dataset, id: &Id) -> impl Iterator<Item = &'d Incident> {
        let legs = self.legs.get(id).into_iter().flatten();
        legs.filter_map(|leg| find_by_id(&dataset.incidents, leg))
    }
}
