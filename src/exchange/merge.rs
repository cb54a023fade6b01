//! Merging two copies of a dataset record by record, with or without the copy both came from.
//!
//! Records are matched by id. A record the same in both copies (whatever its times) is kept
//! once; a record only one copy has, or only one copy changed since the common ancestor, is
//! taken from that copy; a record both changed differently is a conflict: "ours" stays in the
//! lists and "theirs" goes into [`Conflicts`], so the file still loads and nothing is lost.
//! Records that look like the same event under different ids are listed, never joined silently.

use std::collections::{BTreeSet, HashMap};

use crate::model::{Dataset, DeletedRecord, Id, Incident, Rally, Record, RecordKind, preferred_estimate};

/// Two records, in different copies, that look like one event under two ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookAlike {
    /// Incidents or rallies.
    pub kind: RecordKind,
    /// The record in our copy.
    pub ours: Id,
    /// The record only their copy has.
    pub theirs: Id,
}

/// What a merge gives: the merged dataset (its conflicts recorded in it) and what happened.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeOutcome {
    /// The merged dataset.
    pub dataset: Dataset,
    /// Records the same in both copies.
    pub identical: usize,
    /// Records taken from their copy (new there, or changed only there).
    pub taken_from_theirs: usize,
    /// Records both copies changed, or one deleted and the other changed.
    pub conflicts: Vec<(RecordKind, Id)>,
    /// Records that may be the same event under different ids.
    pub look_alikes: Vec<LookAlike>,
}

/// One list merged.
struct Merged<R> {
    records: Vec<R>,
    theirs_in_conflict: Vec<R>,
}

/// Merges their copy into ours; `base` is the copy both came from, when known (a merge in
/// git), which lets a change on one side win over no change on the other.
pub fn merge(base: Option<&Dataset>, ours: &Dataset, theirs: &Dataset) -> MergeOutcome {
    let mut outcome = MergeOutcome::default();
    let mut conflicts = ours.conflicts.clone();
    macro_rules! list {
        ($field:ident) => {{
            let merged =
                merge_list(base.map(|b| b.$field.as_slice()), &ours.$field, &theirs.$field, &mut outcome);
            conflicts.$field.extend(merged.theirs_in_conflict);
            merged.records
        }};
    }
    let dataset = Dataset {
        sources: list!(sources),
        places: list!(places),
        organizations: list!(organizations),
        incidents: list!(incidents),
        rallies: list!(rallies),
        ..Dataset::default()
    };
    // A conflict with no other version waiting is one side's deletion of the other's change.
    let deleted: Vec<DeletedRecord> = outcome
        .conflicts
        .iter()
        .filter(|(kind, id)| !conflicts.changed().any(|(k, i)| k == *kind && i == id))
        .map(|(kind, id)| DeletedRecord { kind: *kind, id: id.clone() })
        .collect();
    conflicts.deleted.extend(deleted);
    outcome.look_alikes = look_alikes(ours, &dataset);
    outcome.dataset = Dataset { conflicts, ..dataset };
    outcome
}

fn same<R: Record + PartialEq>(a: Option<&R>, b: Option<&R>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.without_times() == b.without_times(),
        (None, None) => true,
        _ => false,
    }
}

fn by_id<R: Record>(list: &[R]) -> HashMap<Id, &R> {
    list.iter().map(|r| (r.id().clone(), r)).collect()
}

fn merge_list<R: Record + Clone + PartialEq>(
    base: Option<&[R]>,
    ours: &[R],
    theirs: &[R],
    outcome: &mut MergeOutcome,
) -> Merged<R> {
    let (was_map, ours_map, theirs_map) = (base.map(by_id), by_id(ours), by_id(theirs));
    let ids: BTreeSet<&Id> = ours_map.keys().chain(theirs_map.keys()).collect();
    let mut merged = Merged { records: Vec::new(), theirs_in_conflict: Vec::new() };
    for id in ids {
        let was = was_map.as_ref().and_then(|m| m.get(id).copied());
        let (mine, their) = (ours_map.get(id).copied(), theirs_map.get(id).copied());
        let known_base = base.is_some();
        let chosen = if same(mine, their) {
            outcome.identical += 1;
            // The same words: the later change time is kept.
            mine.into_iter().chain(their).max_by_key(|r| r.updated())
        } else if (known_base && same(was, mine)) || (!known_base && mine.is_none()) {
            outcome.taken_from_theirs += usize::from(their.is_some());
            their
        } else if (known_base && same(was, their)) || (!known_base && their.is_none()) {
            mine
        } else {
            outcome.conflicts.push((R::KIND, id.clone()));
            if let (Some(_), Some(their)) = (mine, their) {
                merged.theirs_in_conflict.push(their.clone());
            }
            // One side deleted, the other changed: the changed record is kept.
            mine.or(their)
        };
        merged.records.extend(chosen.cloned());
    }
    merged
}

/// Records the merge brought from their copy that look like one already in ours.
fn look_alikes(ours: &Dataset, merged: &Dataset) -> Vec<LookAlike> {
    let ours_ids: std::collections::HashSet<&Id> = ours.incidents.iter().map(|i| &i.id).collect();
    let mut found = Vec::new();
    let mut by_places: HashMap<(Option<&Id>, Option<&Id>), Vec<&Incident>> = HashMap::new();
    for incident in &ours.incidents {
        by_places
            .entry((incident.from_place.as_ref(), incident.to_place.as_ref()))
            .or_default()
            .push(incident);
    }
    for incident in merged.incidents.iter().filter(|i| !ours_ids.contains(&i.id)) {
        let key = (incident.from_place.as_ref(), incident.to_place.as_ref());
        for candidate in by_places.get(&key).into_iter().flatten() {
            if incidents_alike(candidate, incident) {
                let (ours, theirs) = (candidate.id.clone(), incident.id.clone());
                found.push(LookAlike { kind: RecordKind::Incident, ours, theirs });
            }
        }
    }
    let ours_rallies: std::collections::HashSet<&Id> = ours.rallies.iter().map(|r| &r.id).collect();
    for rally in merged.rallies.iter().filter(|r| !ours_rallies.contains(&r.id)) {
        for candidate in ours.rallies.iter().filter(|c| c.place == rally.place) {
            if rallies_alike(candidate, rally) {
                let (ours, theirs) = (candidate.id.clone(), rally.id.clone());
                found.push(LookAlike { kind: RecordKind::Rally, ours, theirs });
            }
        }
    }
    found
}

fn dates_overlap(a: &crate::model::DateSpec, b: &crate::model::DateSpec) -> bool {
    match (a.range(), b.range()) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => false,
    }
}

/// Close counts: both unknown, or the middles within a quarter of the larger.
fn counts_close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 0.25 * a.max(b),
        (None, None) => true,
        _ => false,
    }
}

fn incidents_alike(a: &Incident, b: &Incident) -> bool {
    let central = |i: &Incident| preferred_estimate(&i.estimates).and_then(|e| e.count.central());
    a.kind == b.kind && dates_overlap(&a.date, &b.date) && counts_close(central(a), central(b))
}

fn rallies_alike(a: &Rally, b: &Rally) -> bool {
    dates_overlap(&a.date, &b.date) && (a.kinds.is_empty() || a.kinds.iter().any(|k| b.kinds.contains(k)))
}
