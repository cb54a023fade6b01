//! The records an article's accepted proposals become: the source, the places not yet in the
//! dataset (from the gazetteer, with their names and point), and the incidents and rallies, each
//! tied to the source, keeping the article's words, its legs tied to their parent.

use std::collections::HashSet;

use jiff::Timestamp;

use super::{PlaceMention, Reading};
use crate::edit::{AnyRecord, new_id};
use crate::model::{CountEstimate, Dataset, Id, Incident, Place, Rally, RecordKind, Source, SourcedEstimate};

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
    let mut ids = Ids { dataset, now, taken: HashSet::new() };
    let (source_id, mut records) = if let Some(known) = entered_source(reading, dataset) {
        (known.id.clone(), Vec::new())
    } else {
        let id = ids.next(RecordKind::Source);
        let source = Source {
            id: id.clone(),
            notes: "Read from the article with the article assistant.".to_owned(),
            ..reading.source.clone()
        };
        (id, vec![AnyRecord::Source(source)])
    };
    let mut places: Vec<(String, Id)> = Vec::new();
    let mut place_id = |mention: &PlaceMention, records: &mut Vec<AnyRecord>, ids: &mut Ids<'_>| {
        if let Some(known) = &mention.known {
            return known.clone();
        }
        if let Some((_, id)) = places.iter().find(|(name, _)| *name == mention.place.name) {
            return id.clone();
        }
        let id = ids.next(RecordKind::Place);
        records.push(AnyRecord::Place(Place { id: id.clone(), ..mention.place.clone() }));
        places.push((mention.place.name.clone(), id.clone()));
        id
    };
    let estimate = |count: &CountEstimate| estimate_of(count, &source_id, true);
    let mut incident_ids: Vec<Option<Id>> = vec![None; reading.incidents.len()];
    for &index in &accepted.incidents {
        incident_ids[index] = Some(ids.next(RecordKind::Incident));
    }
    for &index in &accepted.incidents {
        let proposal = &reading.incidents[index];
        let from_place = proposal.from_place.as_ref().map(|p| place_id(p, &mut records, &mut ids));
        let to_place = proposal.to_place.as_ref().map(|p| place_id(p, &mut records, &mut ids));
        records.push(AnyRecord::Incident(Incident {
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
        let place = proposal.place.as_ref().map(|p| place_id(p, &mut records, &mut ids));
        records.push(AnyRecord::Rally(Rally {
            id: ids.next(RecordKind::Rally),
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
    link(reading, accepted, dataset, &source_id, &mut records);
    records
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
