//! The problems of a dataset kept up to date edit by edit: after an edit only the records it
//! can affect are checked again, so a dataset of a million records stays instant to edit.

use std::collections::{BTreeMap, HashSet};

use super::validate::{conflict_problems, problems_of_record, validate_incident_with};
use super::{Dataset, Id, Incident, LegIndex, Problem, ProblemMessage, RecordKind, validate};

/// A record an edit touched: put, replaced or removed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Touched {
    /// The kind of the record.
    pub kind: RecordKind,
    /// Its id.
    pub id: Id,
    /// Whether the record came into being or went away (rather than changed).
    pub appeared_or_vanished: bool,
}

/// What one edit changed, for the caches that follow the dataset.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// A record put, replaced or removed.
    Record(Touched),
    /// What a merge left undecided changed.
    Conflicts,
}

/// The problems of a dataset, grouped by record, and updated by the changes of each edit.
#[derive(Debug, Default)]
pub struct ProblemIndex {
    by_record: BTreeMap<(RecordKind, Id), Vec<Problem>>,
    conflicts: Vec<Problem>,
    /// Set when the dataset has problems only a whole check finds exactly (repeated or empty ids,
    /// parent chains that loop): every update then checks the whole dataset.
    whole_checks_only: bool,
    /// Each parent's legs, so a parent is checked without a scan.
    legs: LegIndex,
}

impl ProblemIndex {
    /// The problems of the whole dataset.
    pub fn of(dataset: &Dataset) -> Self {
        let mut index = Self::default();
        for problem in validate(dataset) {
            if matches!(problem.message, ProblemMessage::MergeConflict | ProblemMessage::DeletedInOtherCopy) {
                index.conflicts.push(problem);
                continue;
            }
            index.whole_checks_only |= needs_whole_check(&problem.message);
            index.by_record.entry((problem.kind, problem.id.clone())).or_default().push(problem);
        }
        index.legs = LegIndex::of(dataset);
        index
    }

    /// The problems of an incident as it would be stored (a form's draft), its legs known from
    /// the index. The index must follow `dataset`.
    pub fn check_incident(&self, dataset: &Dataset, incident: &Incident) -> Vec<Problem> {
        validate_incident_with(dataset, incident, Some(self.legs_floor(dataset, &incident.id)))
    }

    /// The legs of an incident, in the dataset's order, as [`Dataset::legs_of`] finds them by a
    /// scan. The index must follow `dataset`.
    pub fn legs_of<'d>(&self, dataset: &'d Dataset, id: &Id) -> impl Iterator<Item = &'d Incident> {
        self.legs.legs_of(dataset, id)
    }

    /// What an incident's legs add up to at the least, in the dataset's order as a scan would.
    fn legs_floor(&self, dataset: &Dataset, id: &Id) -> f64 {
        let legs = self.legs_of(dataset, id);
        legs.filter_map(|leg| leg.preferred_estimate().and_then(|e| e.count.floor())).sum()
    }

    /// Brings the problems up to date after `changes` were made to `dataset`.
    pub fn update(&mut self, dataset: &Dataset, changes: &[Change]) {
        if self.whole_checks_only || changes.iter().any(touches_an_empty_id) {
            *self = Self::of(dataset);
            return;
        }
        let mut affected = HashSet::new();
        for change in changes {
            match change {
                Change::Conflicts => {}
                Change::Record(touched) => self.collect_affected(dataset, touched, &mut affected),
            }
        }
        for (kind, id) in &affected {
            if *kind == RecordKind::Incident {
                self.legs.note_as_in(dataset, id);
            }
        }
        for (kind, id) in affected {
            let legs_floor = (kind == RecordKind::Incident).then(|| self.legs_floor(dataset, &id));
            let problems = problems_of_record(dataset, kind, &id, legs_floor);
            if problems.iter().any(|problem| needs_whole_check(&problem.message)) {
                *self = Self::of(dataset);
                return;
            }
            if problems.is_empty() {
                self.by_record.remove(&(kind, id));
            } else {
                self.by_record.insert((kind, id), problems);
            }
        }
        self.conflicts = conflict_problems(dataset);
    }

    /// How many problems there are.
    pub fn len(&self) -> usize {
        self.by_record.values().map(Vec::len).sum::<usize>() + self.conflicts.len()
    }

    /// How many problems are errors and how many only warnings (words not understood).
    pub fn counts(&self) -> (usize, usize) {
        let all = self.by_record.values().flatten().chain(&self.conflicts);
        let warnings = all.filter(|problem| problem.is_warning()).count();
        (self.len() - warnings, warnings)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every problem: by kind, then by id, then the undecided merge's.
    pub fn all(&self) -> Vec<Problem> {
        self.by_record.values().flatten().chain(&self.conflicts).cloned().collect()
    }

    /// The records whose problems may change with this one: itself, and those that refer to it
    /// when it came or went. (The document notes an incident's parent with it, for the legs;
    /// a parent chain that loops sends every update to a whole check.)
    fn collect_affected(
        &self,
        dataset: &Dataset,
        touched: &Touched,
        affected: &mut HashSet<(RecordKind, Id)>,
    ) {
        affected.insert((touched.kind, touched.id.clone()));
        if touched.appeared_or_vanished {
            affected.extend(self.missing_references_to(touched));
            affected.extend(references_to(dataset, touched.kind, &touched.id));
        }
    }

    /// The records that name this one although it did not exist.
    fn missing_references_to(&self, touched: &Touched) -> Vec<(RecordKind, Id)> {
        let names_it = |problem: &Problem| {
            matches!(&problem.message, ProblemMessage::MissingReference { target, id }
                if *target == touched.kind && *id == touched.id)
        };
        self.by_record
            .iter()
            .filter(|(_, problems)| problems.iter().any(names_it))
            .map(|(key, _)| key.clone())
            .collect()
    }
}

fn needs_whole_check(message: &ProblemMessage) -> bool {
    matches!(message, ProblemMessage::EmptyId | ProblemMessage::DuplicateId(_) | ProblemMessage::ParentLoop)
}

fn touches_an_empty_id(change: &Change) -> bool {
    matches!(change, Change::Record(touched) if touched.id.as_str().trim().is_empty())
}

/// Every record that names this one, by a scan of the records that can.
fn references_to(dataset: &Dataset, kind: RecordKind, id: &Id) -> Vec<(RecordKind, Id)> {
    let named = |mut ids: std::slice::Iter<'_, Id>| ids.any(|named| named == id);
    let estimates_name = |estimates: &[super::SourcedEstimate]| {
        estimates.iter().any(|estimate| estimate.source.as_ref() == Some(id))
    };
    let mut found = Vec::new();
    for incident in &dataset.incidents {
        let refers = match kind {
            RecordKind::Source => named(incident.sources.iter()) || estimates_name(&incident.estimates),
            RecordKind::Place => {
                [&incident.from_place, &incident.to_place].iter().any(|place| place.as_ref() == Some(id))
            }
            RecordKind::Incident => incident.parent.as_ref() == Some(id),
            RecordKind::Organization | RecordKind::Rally => false,
        };
        if refers {
            found.push((RecordKind::Incident, incident.id.clone()));
        }
    }
    for rally in &dataset.rallies {
        let refers = match kind {
            RecordKind::Source => named(rally.sources.iter()) || estimates_name(&rally.attendance),
            RecordKind::Place => rally.place.as_ref() == Some(id),
            RecordKind::Organization => named(rally.organizers.iter()),
            RecordKind::Incident => named(rally.responds_to.iter()),
            RecordKind::Rally => false,
        };
        if refers {
            found.push((RecordKind::Rally, rally.id.clone()));
        }
    }
    found
}
