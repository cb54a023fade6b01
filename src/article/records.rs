//! The records an article's accepted proposals become: the source, the places not yet in the
//! dataset (from the gazetteer, with their names and point), and the incidents and rallies, each
//! tied to the source, keeping the article's words, its legs tied to their parent.

use std::collections::HashSet;

use jiff::Timestamp;

use super::{OrganizationMention, PlaceMention, Reading};
use crate::edit::{AnyRecord, new_id};
use crate::model::{
    CountEstimate, Dataset, Id, Incident, Organization, Place, Rally, RecordKind, Source, SourcedEstimate,
};

/// Which proposals the user accepted, by their index in the reading: to add as new records, or
/// to link to the record the dataset already has (the article added as its source).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Accepted {
    /// The incidents to add.
    pub incidents: Vec<usize>,
    /// The rallies to add.
    pub rallies: Vec<usize>,
    /// The incidents to link to the one already recorded.
    pub linked_incidents: Vec<usize>,
    /// The rallies to link to the one already recorded.
    pub linked_rallies: Vec<usize>,
}

impl Accepted {
    /// Every proposal of `reading`: those already recorded linked, the others added.
    pub fn all(reading: &Reading) -> Self {
        let split =
            |known: &[bool]| -> (Vec<usize>, Vec<usize>) { (0..known.len()).partition(|&i| !known[i]) };
        let incidents: Vec<bool> = reading.incidents.iter().map(|i| i.known.is_some()).collect();
        let rallies: Vec<bool> = reading.rallies.iter().map(|r| r.known.is_some()).collect();
        let (incidents, linked_incidents) = split(&incidents);
        let (rallies, linked_rallies) = split(&rallies);
        Self { incidents, rallies, linked_incidents, linked_rallies }
    }
}

/// The new records, to go into `dataset` in one batch: the source first (unless the dataset has
/// the article already, by its title), then the new places, the incidents (parents before their
/// legs), the rallies, and the records linked. Ids are new, made at `now`.
pub fn records_of(
    reading: &Reading,
    accepted: &Accepted,
    dataset: &Dataset,
    now: Timestamp,
) -> Vec<AnyRecord> {
    let mut batch =
        Batch { ids: Ids { dataset, now, taken: HashSet::new() }, records: Vec::new(), added: Vec::new() };
    let source_id = if let Some(known) = entered_source(reading, dataset) {
        known.id.clone()
    } else {
        let id = batch.ids.next(RecordKind::Source);
        let source = Source {
            id: id.clone(),
            notes: "Read from the article with the article assistant.".to_owned(),
            ..reading.source.clone()
        };
        batch.records.push(AnyRecord::Source(source));
        id
    };
    let estimate = |count: &CountEstimate| estimate_of(count, &source_id, true);
    let mut incident_ids: Vec<Option<Id>> = vec![None; reading.incidents.len()];
    for &index in &accepted.incidents {
        incident_ids[index] = Some(batch.ids.next(RecordKind::Incident));
    }
    for &index in &accepted.incidents {
        let proposal = &reading.incidents[index];
        let from_place = proposal.from_place.as_ref().map(|p| batch.place(p));
        let to_place = proposal.to_place.as_ref().map(|p| batch.place(p));
        batch.records.push(AnyRecord::Incident(Incident {
            id: incident_ids[index].clone().unwrap_or_default(),
            kind: proposal.kind,
            title: title_of(&reading.text[proposal.evidence.clone()]),
            date: proposal.date.clone(),
            estimates: vec![estimate(&proposal.people)],
            from_place,
            to_place,
            parent: proposal.parent.and_then(|parent| {
                let linked = accepted.linked_incidents.contains(&parent);
                let known = reading.incidents.get(parent).and_then(|p| p.known.clone()).filter(|_| linked);
                incident_ids.get(parent).cloned().flatten().or(known)
            }),
            sources: vec![source_id.clone()],
            notes: format!("The article: “{}”", &reading.text[proposal.evidence.clone()]),
            ..Incident::default()
        }));
    }
    for &index in &accepted.rallies {
        let proposal = &reading.rallies[index];
        let place = proposal.place.as_ref().map(|p| batch.place(p));
        let organizers = proposal.organizers.iter().map(|o| batch.organization(o)).collect();
        let id = batch.ids.next(RecordKind::Rally);
        batch.records.push(AnyRecord::Rally(Rally {
            id,
            organizers,
            kinds: proposal.kinds.clone(),
            title: title_of(&reading.text[proposal.evidence.clone()]),
            date: proposal.date.clone(),
            place,
            attendance: proposal.attendance.iter().map(&estimate).collect(),
            sources: vec![source_id.clone()],
            notes: format!("The article: “{}”", &reading.text[proposal.evidence.clone()]),
            ..Rally::default()
        }));
    }
    let mut records = batch.records;
    link(reading, accepted, dataset, &source_id, &mut records);
    records
}

/// The records of a batch so far, with the places and organizations it added by name.
struct Batch<'a> {
    ids: Ids<'a>,
    records: Vec<AnyRecord>,
    added: Vec<(RecordKind, String, Id)>,
}

impl Batch<'_> {
    /// The id of the place named: the dataset's, or one added to the batch once.
    fn place(&mut self, mention: &PlaceMention) -> Id {
        let place = &mention.place;
        self.reuse_or_add(mention.known.as_ref(), RecordKind::Place, &place.name, |id| {
            AnyRecord::Place(Place { id, ..place.clone() })
        })
    }

    /// The id of the organization named: the dataset's, or one added to the batch once.
    fn organization(&mut self, mention: &OrganizationMention) -> Id {
        let organization = &mention.organization;
        self.reuse_or_add(mention.known.as_ref(), RecordKind::Organization, &organization.name, |id| {
            AnyRecord::Organization(Organization { id, ..organization.clone() })
        })
    }

    fn reuse_or_add(
        &mut self,
        known: Option<&Id>,
        kind: RecordKind,
        name: &str,
        make: impl FnOnce(Id) -> AnyRecord,
    ) -> Id {
        if let Some(known) = known {
            return known.clone();
        }
        if let Some((_, _, id)) = self.added.iter().find(|(k, n, _)| *k == kind && n == name) {
            return id.clone();
        }
        let id = self.ids.next(kind);
        self.records.push(make(id.clone()));
        self.added.push((kind, name.to_owned(), id.clone()));
        id
    }
}

/// The records already in the dataset that the article reports again, with the article added to
/// their sources and its figure as one more estimate (not the preferred one).
fn link(
    reading: &Reading,
    accepted: &Accepted,
    dataset: &Dataset,
    source: &Id,
    records: &mut Vec<AnyRecord>,
) {
    let estimate = |count: &CountEstimate| estimate_of(count, source, false);
    for proposal in accepted.linked_incidents.iter().filter_map(|&i| reading.incidents.get(i)) {
        let Some(known) = proposal.known.as_ref() else { continue };
        let Some(mut incident) = dataset.incidents.iter().find(|i| &i.id == known).cloned() else { continue };
        if incident.sources.contains(source) {
            // The article is already this record's source: nothing to add.
            continue;
        }
        incident.sources.push(source.clone());
        incident.estimates.push(estimate(&proposal.people));
        records.push(AnyRecord::Incident(incident));
    }
    for proposal in accepted.linked_rallies.iter().filter_map(|&i| reading.rallies.get(i)) {
        let Some(known) = proposal.known.as_ref() else { continue };
        let Some(mut rally) = dataset.rallies.iter().find(|r| &r.id == known).cloned() else { continue };
        if rally.sources.contains(source) {
            continue;
        }
        rally.sources.push(source.clone());
        rally.attendance.extend(proposal.attendance.iter().map(&estimate));
        records.push(AnyRecord::Rally(rally));
    }
}

/// The dataset's source with the article's title, when the article was entered before.
pub fn entered_source<'a>(reading: &Reading, dataset: &'a Dataset) -> Option<&'a Source> {
    let title = reading.source.title.trim();
    dataset.sources.iter().find(|s| !title.is_empty() && s.title.trim().eq_ignore_ascii_case(title))
}

/// The article's figure as an estimate of a record, from `source`.
fn estimate_of(count: &CountEstimate, source: &Id, preferred: bool) -> SourcedEstimate {
    SourcedEstimate { count: count.clone(), source: Some(source.clone()), preferred, note: String::new() }
}

/// A record's title from its sentence: the sentence, cut at a word near 100 characters.
fn title_of(sentence: &str) -> String {
    const MOST: usize = 100;
    if sentence.chars().count() <= MOST {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(MOST).collect();
    let at_word = cut.rfind(' ').filter(|&at| at > MOST / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
}

/// New ids: none in the dataset, none given twice in a batch.
struct Ids<'a> {
    dataset: &'a Dataset,
    now: Timestamp,
    taken: HashSet<Id>,
}

impl Ids<'_> {
    fn next(&mut self, kind: RecordKind) -> Id {
        let first = new_id(self.dataset, kind, self.now);
        let mut id = first.clone();
        let mut counter = 2;
        while self.taken.contains(&id) || AnyRecord::find(self.dataset, kind, &id).is_some() {
            id = Id::new(format!("{first}-{counter}"));
            counter += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Gazetteer, read};

    const PRESS_CONFERENCE: &str = "한변, 중국대사관 앞 기자회견\n\
        '북한인권과 북한민주화를 위한 변호사모임'(한변)은 16일 서울 주한 중국대사관 앞에서 기자회견을 열었다.\n";

    fn rally_and_organizations(dataset: &Dataset) -> (Rally, Vec<Organization>) {
        let reading =
            read(PRESS_CONFERENCE, Some(jiff::civil::date(2024, 1, 17)), dataset, &Gazetteer::bundled());
        let records = records_of(&reading, &Accepted::all(&reading), dataset, Timestamp::UNIX_EPOCH);
        let rally = records.iter().find_map(|r| match r {
            AnyRecord::Rally(rally) => Some(rally.clone()),
            _ => None,
        });
        let organizations = records
            .iter()
            .filter_map(|r| match r {
                AnyRecord::Organization(o) => Some(o.clone()),
                _ => None,
            })
            .collect();
        (rally.expect("a rally"), organizations)
    }

    #[test]
    fn the_organizer_named_is_added_once_from_the_list_or_taken_from_the_dataset() {
        let (rally, added) = rally_and_organizations(&Dataset::default());
        assert_eq!(added.len(), 1);
        assert_eq!(added[0].name, "Korean Lawyers for Human Rights and Unification of Korea");
        assert_eq!(added[0].name_ko, "한반도 인권과 통일을 위한 변호사모임");
        assert_eq!(rally.organizers, [added[0].id.clone()]);

        let hanbyun = Organization {
            id: Id::new("org-hanbyun"),
            name: "Hanbyun".to_owned(),
            ..Organization::default()
        };
        let dataset = Dataset { organizations: vec![hanbyun], ..Dataset::default() };
        let (rally, added) = rally_and_organizations(&dataset);
        assert!(added.is_empty(), "the dataset's own is used");
        assert_eq!(rally.organizers, [Id::new("org-hanbyun")]);
    }
}
