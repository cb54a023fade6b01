//! A copy of the dataset to share with partners, journalists or a UN submission: without the
//! records marked confidential, with the personal details marked confidential withheld, with
//! no reference left to a record left out, and without what a merge left to decide (the other
//! copy's versions may hold anything). What was left out is counted exactly, to be shown before
//! the copy is written and written beside it.

use std::collections::HashSet;

use crate::model::{Dataset, Id, Incident, Organization, Place, Rally, RecordKind, Source, SourcedEstimate};

/// What a shared copy leaves out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShareAccount {
    /// Records left out as confidential, by kind: sources, places, organizations, incidents,
    /// rallies.
    pub records_left_out: [usize; 5],
    /// Records shared with their personal details withheld, by kind (the same order).
    pub details_withheld: [usize; 5],
    /// References to records left out removed from the records shared (a place, a parent, a
    /// source of a figure).
    pub references_removed: usize,
    /// Versions a merge left to decide, and deletions it recorded, not shared.
    pub merge_leftovers: usize,
}

/// The kinds in the order of the account's counts.
pub const SHARE_KINDS: [RecordKind; 5] = [
    RecordKind::Source,
    RecordKind::Place,
    RecordKind::Organization,
    RecordKind::Incident,
    RecordKind::Rally,
];

/// The fields withheld from a record of `kind` whose personal details are confidential, as
/// the file names them.
pub fn withheld_fields(kind: RecordKind) -> &'static [&'static str] {
    match kind {
        RecordKind::Incident => &["people_involved", "authorities", "notes"],
        RecordKind::Source => &["author", "url", "notes"],
        RecordKind::Rally | RecordKind::Place | RecordKind::Organization => &["notes"],
    }
}

impl ShareAccount {
    /// Whether the copy is the dataset itself: nothing confidential, nothing left out.
    pub fn is_whole(&self) -> bool {
        *self == Self::default()
    }

    /// The text written beside a copy of the dataset `name`: a heading, then [`Self::lines`].
    pub fn report(&self, name: &str) -> String {
        let mut text =
            format!("A copy of {name} to share, written by Repatriation Watch. What it leaves out:\n");
        for line in self.lines() {
            text.push_str(&line);
            text.push('\n');
        }
        text
    }

    /// The account in English, a line for each thing left out, for the file written beside the
    /// copy and the command line.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for (index, kind) in SHARE_KINDS.iter().enumerate() {
            let count = self.records_left_out[index];
            if count > 0 {
                lines.push(format!("left out: {count} confidential {}", plural(*kind, count)));
            }
        }
        for (index, kind) in SHARE_KINDS.iter().enumerate() {
            let count = self.details_withheld[index];
            if count > 0 {
                let fields = withheld_fields(*kind).join(", ");
                lines.push(format!("withheld: {fields} of {count} {}", plural(*kind, count)));
            }
        }
        if self.references_removed > 0 {
            lines.push(format!("removed: {} references to records left out", self.references_removed));
        }
        if self.merge_leftovers > 0 {
            lines.push(format!(
                "not shared: {} versions and deletions a merge left to decide",
                self.merge_leftovers
            ));
        }
        if lines.is_empty() {
            lines.push("nothing confidential: the copy holds every record whole".to_owned());
        }
        lines
    }
}

fn plural(kind: RecordKind, count: usize) -> &'static str {
    let (one, many) = match kind {
        RecordKind::Incident => ("incident", "incidents"),
        RecordKind::Rally => ("rally", "rallies"),
        RecordKind::Source => ("source", "sources"),
        RecordKind::Place => ("place", "places"),
        RecordKind::Organization => ("organization", "organizations"),
    };
    if count == 1 { one } else { many }
}

/// How many records are confidential or have confidential details: what an export of the whole
/// dataset includes.
pub fn confidential_count(dataset: &Dataset) -> usize {
    let flagged = |confidential: bool, details: bool| usize::from(confidential || details);
    dataset.sources.iter().map(|r| flagged(r.confidential, r.confidential_details)).sum::<usize>()
        + dataset.places.iter().map(|r| flagged(r.confidential, r.confidential_details)).sum::<usize>()
        + dataset.organizations.iter().map(|r| flagged(r.confidential, r.confidential_details)).sum::<usize>()
        + dataset.incidents.iter().map(|r| flagged(r.confidential, r.confidential_details)).sum::<usize>()
        + dataset.rallies.iter().map(|r| flagged(r.confidential, r.confidential_details)).sum::<usize>()
}

/// The copy of `dataset` to share, and what it leaves out.
pub fn shared_copy(dataset: &Dataset) -> (Dataset, ShareAccount) {
    let mut account = ShareAccount::default();
    let conflicts = &dataset.conflicts;
    account.merge_leftovers = conflicts.sources.len()
        + conflicts.places.len()
        + conflicts.organizations.len()
        + conflicts.incidents.len()
        + conflicts.rallies.len()
        + conflicts.deleted.len();
    let mut copy = Dataset { conflicts: crate::model::Conflicts::default(), ..dataset.clone() };
    account.records_left_out = [
        drop_confidential(&mut copy.sources, |r| r.confidential),
        drop_confidential(&mut copy.places, |r| r.confidential),
        drop_confidential(&mut copy.organizations, |r| r.confidential),
        drop_confidential(&mut copy.incidents, |r| r.confidential),
        drop_confidential(&mut copy.rallies, |r| r.confidential),
    ];
    let kept = Kept::of(&copy);
    account.references_removed = copy.incidents.iter_mut().map(|i| cut_incident(i, &kept)).sum::<usize>()
        + copy.rallies.iter_mut().map(|r| cut_rally(r, &kept)).sum::<usize>();
    account.details_withheld = [
        copy.sources.iter_mut().filter(|s| s.confidential_details).map(withhold_source).count(),
        copy.places.iter_mut().filter(|p| p.confidential_details).map(withhold_place).count(),
        copy.organizations.iter_mut().filter(|o| o.confidential_details).map(withhold_organization).count(),
        copy.incidents.iter_mut().filter(|i| i.confidential_details).map(withhold_incident).count(),
        copy.rallies.iter_mut().filter(|r| r.confidential_details).map(withhold_rally).count(),
    ];
    (copy, account)
}

/// Drops the records `is_confidential` says are; returns how many.
fn drop_confidential<R>(records: &mut Vec<R>, is_confidential: impl Fn(&R) -> bool) -> usize {
    let before = records.len();
    records.retain(|r| !is_confidential(r));
    before - records.len()
}

/// The ids of the records the copy keeps.
struct Kept {
    sources: HashSet<Id>,
    places: HashSet<Id>,
    organizations: HashSet<Id>,
    incidents: HashSet<Id>,
}

impl Kept {
    fn of(copy: &Dataset) -> Self {
        Self {
            sources: copy.sources.iter().map(|s| s.id.clone()).collect(),
            places: copy.places.iter().map(|p| p.id.clone()).collect(),
            organizations: copy.organizations.iter().map(|o| o.id.clone()).collect(),
            incidents: copy.incidents.iter().map(|i| i.id.clone()).collect(),
        }
    }
}

/// Removes an optional reference to a record left out; returns 1 when it did.
fn cut_one(reference: &mut Option<Id>, kept: &HashSet<Id>) -> usize {
    let gone = reference.as_ref().is_some_and(|id| !kept.contains(id));
    if gone {
        *reference = None;
    }
    usize::from(gone)
}

/// Removes the references of a list to records left out; returns how many.
fn cut_list(references: &mut Vec<Id>, kept: &HashSet<Id>) -> usize {
    let before = references.len();
    references.retain(|id| kept.contains(id));
    before - references.len()
}

/// The figures keep their words and numbers; a source left out is no longer named for them.
fn cut_estimates(estimates: &mut [SourcedEstimate], kept: &HashSet<Id>) -> usize {
    estimates.iter_mut().map(|e| cut_one(&mut e.source, kept)).sum()
}

fn cut_incident(incident: &mut Incident, kept: &Kept) -> usize {
    cut_one(&mut incident.from_place, &kept.places)
        + cut_one(&mut incident.to_place, &kept.places)
        + cut_one(&mut incident.parent, &kept.incidents)
        + cut_list(&mut incident.sources, &kept.sources)
        + cut_estimates(&mut incident.estimates, &kept.sources)
}

fn cut_rally(rally: &mut Rally, kept: &Kept) -> usize {
    cut_one(&mut rally.place, &kept.places)
        + cut_list(&mut rally.organizers, &kept.organizations)
        + cut_list(&mut rally.responds_to, &kept.incidents)
        + cut_list(&mut rally.sources, &kept.sources)
        + cut_estimates(&mut rally.attendance, &kept.sources)
}

fn withhold_incident(incident: &mut Incident) {
    incident.people_involved.clear();
    incident.authorities.clear();
    incident.notes.clear();
    incident.confidential_details = false;
}

fn withhold_source(source: &mut Source) {
    source.author.clear();
    source.url.clear();
    source.notes.clear();
    source.confidential_details = false;
}

fn withhold_rally(rally: &mut Rally) {
    rally.notes.clear();
    rally.confidential_details = false;
}

fn withhold_place(place: &mut Place) {
    place.notes.clear();
    place.confidential_details = false;
}

fn withhold_organization(organization: &mut Organization) {
    organization.notes.clear();
    organization.confidential_details = false;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CountEstimate, DeletedRecord};

    fn id(text: &str) -> Id {
        Id::new(text)
    }

    fn dataset() -> Dataset {
        let figure = |n: u32, source: &str| SourcedEstimate {
            count: CountEstimate { best: Some(n), as_reported: n.to_string(), ..CountEstimate::default() },
            source: Some(id(source)),
            preferred: true,
            note: String::new(),
        };
        Dataset {
            sources: vec![
                Source { id: id("src-public"), title: "A wire".to_owned(), ..Source::default() },
                Source {
                    id: id("src-informant"),
                    title: "Informant in Hyesan".to_owned(),
                    confidential: true,
                    ..Source::default()
                },
                Source {
                    id: id("src-ngo"),
                    title: "NGO statement".to_owned(),
                    author: "Kim, a witness".to_owned(),
                    url: "https://example.org/witness".to_owned(),
                    confidential_details: true,
                    ..Source::default()
                },
            ],
            places: vec![
                Place { id: id("place-dandong"), name: "Dandong".to_owned(), ..Place::default() },
                Place {
                    id: id("place-safehouse"),
                    name: "Safe house".to_owned(),
                    confidential: true,
                    ..Place::default()
                },
            ],
            incidents: vec![
                Incident {
                    id: id("inc-total"),
                    title: "At least 95 sent back".to_owned(),
                    estimates: vec![figure(95, "src-public")],
                    sources: vec![id("src-public"), id("src-informant")],
                    ..Incident::default()
                },
                Incident {
                    id: id("inc-leg"),
                    title: "30 from the safe house".to_owned(),
                    parent: Some(id("inc-total")),
                    from_place: Some(id("place-safehouse")),
                    estimates: vec![figure(30, "src-informant")],
                    confidential: true,
                    ..Incident::default()
                },
                Incident {
                    id: id("inc-named"),
                    title: "Five caught in Dandong".to_owned(),
                    from_place: Some(id("place-dandong")),
                    people_involved: "Park Mi-young and her two sons".to_owned(),
                    authorities: "Officer Zhang of the Dandong PSB".to_owned(),
                    notes: "Her sister in Seoul told us.".to_owned(),
                    estimates: vec![figure(5, "src-informant")],
                    confidential_details: true,
                    ..Incident::default()
                },
            ],
            conflicts: crate::model::Conflicts {
                deleted: vec![DeletedRecord { kind: RecordKind::Incident, id: id("inc-leg") }],
                ..crate::model::Conflicts::default()
            },
            ..Dataset::default()
        }
    }

    #[test]
    fn the_copy_holds_none_of_the_confidential_text_and_says_what_it_left_out() {
        let original = dataset();
        let (copy, account) = shared_copy(&original);
        let text = serde_json::to_string(&copy).expect("the copy as text");
        for secret in [
            "Informant in Hyesan",
            "Safe house",
            "30 from the safe house",
            "Park Mi-young",
            "Officer Zhang",
            "Her sister",
            "Kim, a witness",
            "example.org/witness",
            "src-informant",
            "place-safehouse",
            "inc-leg",
        ] {
            assert!(!text.contains(secret), "{secret} is in the shared copy");
        }
        assert_eq!(account.records_left_out, [1, 1, 0, 1, 0]);
        assert_eq!(account.details_withheld, [1, 0, 0, 1, 0]);
        // The total's second source, the named incident's figure's source.
        assert_eq!(account.references_removed, 2);
        assert_eq!(account.merge_leftovers, 1);
        let total = copy.incidents.iter().find(|i| i.id == id("inc-total")).expect("shared");
        assert_eq!(
            total.estimates, original.incidents[0].estimates,
            "a total whose leg is left out keeps its figure"
        );
        let named = copy.incidents.iter().find(|i| i.id == id("inc-named")).expect("shared");
        assert_eq!(named.estimates[0].count.best, Some(5), "its figure is shared, its source not named");
        assert_eq!(named.estimates[0].source, None);
        assert_eq!(crate::model::validate(&copy).len(), 0, "no reference left dangling");
        assert_eq!(
            account.lines(),
            [
                "left out: 1 confidential source",
                "left out: 1 confidential place",
                "left out: 1 confidential incident",
                "withheld: author, url, notes of 1 source",
                "withheld: people_involved, authorities, notes of 1 incident",
                "removed: 2 references to records left out",
                "not shared: 1 versions and deletions a merge left to decide",
            ]
        );
    }

    #[test]
    fn a_dataset_with_nothing_confidential_is_shared_whole() {
        let mut original = dataset();
        original.conflicts = crate::model::Conflicts::default();
        for source in &mut original.sources {
            source.confidential = false;
            source.confidential_details = false;
        }
        original.places.iter_mut().for_each(|p| p.confidential = false);
        original.incidents.iter_mut().for_each(|i| {
            i.confidential = false;
            i.confidential_details = false;
        });
        let (copy, account) = shared_copy(&original);
        assert!(account.is_whole());
        assert_eq!(copy, original);
    }
}
