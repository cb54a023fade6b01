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
/// to link to the record the dataset already has (the article added as its source); and the
/// proposals the user changed in their form.
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
    /// Proposals as the user changed them in their form, with the plan's ids: added as they are.
    pub edited: Vec<AnyRecord>,
    /// Records the user added from a form's pickers (a place, an organization): added when a
    /// record added names them.
    pub added: Vec<AnyRecord>,
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
        Self { incidents, rallies, linked_incidents, linked_rallies, ..Self::default() }
    }

    /// The proposal as the user changed it, if they did.
    fn edited(&self, id: &Id) -> Option<&AnyRecord> {
        self.edited.iter().find(|record| record.id() == id)
    }
}

/// The ids an article's records get, made once for a reading so that a proposal edited in its
/// form and the batch added agree: the source's, each proposal's, and those of the places and
/// organizations the proposals name that the dataset lacks (with the records they would be).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// The source's id: the dataset's, when the article was entered before.
    pub source: Id,
    /// Each proposed incident's id.
    pub incidents: Vec<Id>,
    /// Each proposed rally's id.
    pub rallies: Vec<Id>,
    /// The places and organizations named that the dataset lacks, as they would be added.
    pub named: Vec<AnyRecord>,
}

impl Plan {
    /// The ids for `reading`'s records in `dataset`, new ones made at `now`.
    pub fn new(reading: &Reading, dataset: &Dataset, now: Timestamp) -> Self {
        let mut ids = Ids { dataset, now, taken: HashSet::new() };
        let source =
            entered_source(reading, dataset).map_or_else(|| ids.next(RecordKind::Source), |s| s.id.clone());
        let incidents = reading.incidents.iter().map(|_| ids.next(RecordKind::Incident)).collect();
        let rallies = reading.rallies.iter().map(|_| ids.next(RecordKind::Rally)).collect();
        let mut plan = Self { source, incidents, rallies, named: Vec::new() };
        let places = reading.incidents.iter().flat_map(|i| [&i.from_place, &i.to_place]);
        for mention in places.chain(reading.rallies.iter().map(|r| &r.place)).flatten() {
            if mention.known.is_none() && plan.place(mention).is_none() {
                let id = ids.next(RecordKind::Place);
                plan.named.push(AnyRecord::Place(Place { id, ..mention.place.clone() }));
            }
        }
        for mention in reading.rallies.iter().flat_map(|r| &r.organizers) {
            if mention.known.is_none() && plan.organization(mention).is_none() {
                let id = ids.next(RecordKind::Organization);
                plan.named.push(AnyRecord::Organization(Organization { id, ..mention.organization.clone() }));
            }
        }
        plan
    }

    /// The id of the place named: the dataset's, or the one planned for it.
    fn place(&self, mention: &PlaceMention) -> Option<Id> {
        mention.known.clone().or_else(|| self.named_id(RecordKind::Place, &mention.place.name))
    }

    /// The id of the organization named: the dataset's, or the one planned for it.
    fn organization(&self, mention: &OrganizationMention) -> Option<Id> {
        mention.known.clone().or_else(|| self.named_id(RecordKind::Organization, &mention.organization.name))
    }

    fn named_id(&self, kind: RecordKind, name: &str) -> Option<Id> {
        self.named.iter().find(|r| r.kind() == kind && r.label() == name).map(|r| r.id().clone())
    }
}

/// The source, as the article adds it.
fn source_of(reading: &Reading, plan: &Plan) -> Source {
    Source {
        id: plan.source.clone(),
        notes: "Read from the article with the article assistant.".to_owned(),
        ..reading.source.clone()
    }
}

/// Proposed incident `index` as it would be added: its words, figure, places and parent.
pub fn incident_of(reading: &Reading, index: usize, accepted: &Accepted, plan: &Plan) -> Option<Incident> {
    let proposal = reading.incidents.get(index)?;
    let source = plan.source.clone();
    let sentence = &reading.text[proposal.evidence.clone()];
    let parent = proposal.parent.and_then(|parent| {
        let linked = accepted.linked_incidents.contains(&parent);
        let known = reading.incidents.get(parent).and_then(|p| p.known.clone()).filter(|_| linked);
        let added = accepted.incidents.contains(&parent);
        added.then(|| plan.incidents.get(parent).cloned()).flatten().or(known)
    });
    Some(Incident {
        id: plan.incidents.get(index)?.clone(),
        kind: proposal.kind,
        title: title_of(sentence),
        date: proposal.date.clone(),
        estimates: vec![estimate_of(&proposal.people, &source, true)],
        from_place: proposal.from_place.as_ref().and_then(|p| plan.place(p)),
        to_place: proposal.to_place.as_ref().and_then(|p| plan.place(p)),
        parent,
        sources: vec![source],
        notes: format!("The article: “{sentence}”"),
        ..Incident::default()
    })
}

/// Proposed rally `index` as it would be added: its words, figure, place and organizers.
pub fn rally_of(reading: &Reading, index: usize, plan: &Plan) -> Option<Rally> {
    let proposal = reading.rallies.get(index)?;
    let source = plan.source.clone();
    let sentence = &reading.text[proposal.evidence.clone()];
    Some(Rally {
        id: plan.rallies.get(index)?.clone(),
        kinds: proposal.kinds.clone(),
        title: title_of(sentence),
        date: proposal.date.clone(),
        place: proposal.place.as_ref().and_then(|p| plan.place(p)),
        organizers: proposal.organizers.iter().filter_map(|o| plan.organization(o)).collect(),
        attendance: proposal.attendance.iter().map(|c| estimate_of(c, &source, true)).collect(),
        sources: vec![source],
        notes: format!("The article: “{sentence}”"),
        ..Rally::default()
    })
}

/// Every record the plan names, as it would be added: the source, every proposal, the new
/// places and organizations. The pickers of a proposal's form name them by these.
pub fn planned_records(reading: &Reading, plan: &Plan) -> Vec<AnyRecord> {
    let all = Accepted::all(reading);
    let incidents = (0..reading.incidents.len()).filter_map(|i| incident_of(reading, i, &all, plan));
    let rallies = (0..reading.rallies.len()).filter_map(|i| rally_of(reading, i, plan));
    let mut records = vec![AnyRecord::Source(source_of(reading, plan))];
    records.extend(incidents.map(AnyRecord::Incident));
    records.extend(rallies.map(AnyRecord::Rally));
    records.extend(plan.named.iter().cloned());
    records
}

/// The new records, to go into `dataset` in one batch, with the ids of `plan`: the source first
/// (unless the dataset has the article already, by its title), then the new places and
/// organizations the records name, the incidents (as proposed, or as the user changed them),
/// the rallies, and the records linked.
pub fn records_of(reading: &Reading, accepted: &Accepted, dataset: &Dataset, plan: &Plan) -> Vec<AnyRecord> {
    let mut added: Vec<AnyRecord> = Vec::new();
    for &index in &accepted.incidents {
        let edited = plan.incidents.get(index).and_then(|id| accepted.edited(id)).cloned();
        added.extend(edited.or_else(|| incident_of(reading, index, accepted, plan).map(AnyRecord::Incident)));
    }
    for &index in &accepted.rallies {
        let edited = plan.rallies.get(index).and_then(|id| accepted.edited(id)).cloned();
        added.extend(edited.or_else(|| rally_of(reading, index, plan).map(AnyRecord::Rally)));
    }
    let named: HashSet<&Id> = added.iter().flat_map(references).collect();
    let mut records = Vec::new();
    if entered_source(reading, dataset).is_none() {
        records.push(AnyRecord::Source(source_of(reading, plan)));
    }
    for record in plan.named.iter().chain(&accepted.added) {
        let already = records.iter().any(|r| r.kind() == record.kind() && r.id() == record.id());
        if named.contains(record.id()) && !already {
            records.push(record.clone());
        }
    }
    records.extend(added);
    link(reading, accepted, dataset, &plan.source, &mut records);
    records
}

/// The ids a proposal's record names: its places, organizers and sources.
fn references(record: &AnyRecord) -> Vec<&Id> {
    match record {
        AnyRecord::Incident(incident) => {
            incident.from_place.iter().chain(&incident.to_place).chain(&incident.sources).collect()
        }
        AnyRecord::Rally(rally) => {
            rally.place.iter().chain(&rally.organizers).chain(&rally.sources).collect()
        }
        _ => Vec::new(),
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
        let plan = Plan::new(&reading, dataset, Timestamp::UNIX_EPOCH);
        let records = records_of(&reading, &Accepted::all(&reading), dataset, &plan);
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
