//! The figures per period kept up to date edit by edit. Each period knows the records whose dates
//! touch it, with what each adds (worked out from the dataset once, when the record last
//! changed). After an edit only the periods the touched records were in, and are in, are added
//! up again, from those parts, in the dataset's order: the figures are then the very ones
//! [`super::series`] gives, at a cost that does not grow with the dataset.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use super::left_out::repatriation_left_out;
use super::members::{Member, insert_in_order, remove_from};
use super::series::{
    Bucket, IncidentPart, RallyPart, SeriesOptions, Wanted, add_incident_part, add_rally_part, described,
    fill_gaps, incident_part, legs_by_parent, rally_described, rally_part,
};
use super::{FollowsEdits, LeftOut, Period};
use crate::model::{Change, Dataset, Id, Incident, LegIndex, Rally, RecordKind, find_by_id};

/// The figures per period with, for each period, the records that touch it and what they add.
#[derive(Debug)]
pub struct SeriesIndex {
    options: SeriesOptions,
    incidents: Members<IncidentPart<'static>>,
    rallies: Members<RallyPart>,
    /// Each parent's legs.
    legs: LegIndex,
    buckets: BTreeMap<Date, Bucket>,
    /// The records the filters keep that the charts cannot draw.
    left_out: LeftOutIds,
}

#[derive(Debug, Default)]
struct LeftOutIds {
    repatriations: rustc_hash::FxHashSet<Id>,
    rallies: rustc_hash::FxHashSet<Id>,
}

impl LeftOutIds {
    /// Notes a kept incident (taken out before, when it was in) if it is left out: a forced
    /// repatriation without legs that adds no people (no days, or no figure).
    fn note_incident(&mut self, incident: &Incident, has_legs: bool, part: Option<&IncidentPart<'_>>) {
        if repatriation_left_out(incident, has_legs, part.is_some_and(IncidentPart::adds_people)) {
            self.repatriations.insert(incident.id.clone());
        }
    }
}

/// The records of one kind the filters keep, by the periods they touch, with what they add.
#[derive(Debug)]
struct Members<P> {
    /// Each period's records, in id order (the dataset's); one record is shared by its periods.
    by_period: BTreeMap<Date, Vec<Arc<Member<P>>>>,
    /// The first and last period of each record.
    periods_of: FxHashMap<Id, (Date, Date)>,
}

impl<P> Default for Members<P> {
    fn default() -> Self {
        Self { by_period: BTreeMap::new(), periods_of: FxHashMap::default() }
    }
}

impl<P> Members<P> {
    /// Room for this many records without growing.
    fn with_capacity(records: usize) -> Self {
        Self {
            by_period: BTreeMap::new(),
            periods_of: FxHashMap::with_capacity_and_hasher(records, rustc_hash::FxBuildHasher),
        }
    }

    /// Adds the record with what it adds over `range`; returns the periods it is in. Records
    /// added in id order (as when built) go at the end of each period's list.
    fn add(&mut self, period: Period, id: &Id, range: (Date, Date), part: P) -> Vec<Date> {
        let (first, last) = (period.start_of(range.0), period.start_of(range.1));
        let member = Arc::new(Member { id: id.clone(), part });
        let periods = starts(period, first, last);
        for start in &periods {
            insert_in_order(self.by_period.entry(*start).or_default(), Arc::clone(&member));
        }
        self.periods_of.insert(id.clone(), (first, last));
        periods
    }

    /// Takes the record out; returns the periods it was in.
    fn remove(&mut self, period: Period, id: &Id) -> Vec<Date> {
        let Some((first, last)) = self.periods_of.remove(id) else { return Vec::new() };
        let periods = starts(period, first, last);
        for start in &periods {
            if let Some(members) = self.by_period.get_mut(start) {
                remove_from(members, id);
                if members.is_empty() {
                    self.by_period.remove(start);
                }
            }
        }
        periods
    }

    /// The records of a period with what they add, in id order.
    fn of(&self, start: Date) -> impl Iterator<Item = (&Id, &P)> {
        self.by_period.get(&start).into_iter().flatten().map(|member| (&member.id, &member.part))
    }
}

/// The first day of every period from `first` to `last`.
fn starts(period: Period, first: Date, last: Date) -> Vec<Date> {
    let mut starts = Vec::new();
    let mut start = first;
    while start <= last {
        starts.push(start);
        match period.next(start) {
            Some(next) => start = next,
            None => break,
        }
    }
    starts
}

impl FollowsEdits for SeriesIndex {
    type Settings = SeriesOptions;
    type Figures = Vec<Bucket>;

    fn build(
        dataset: &Dataset,
        &options: &SeriesOptions,
        keep_incident: &dyn Fn(&Incident) -> bool,
        keep_rally: &dyn Fn(&Rally) -> bool,
    ) -> Self {
        let mut index = Self {
            options,
            incidents: Members::with_capacity(dataset.incidents.len()),
            rallies: Members::with_capacity(dataset.rallies.len()),
            legs: LegIndex::of(dataset),
            buckets: BTreeMap::new(),
            left_out: LeftOutIds::default(),
        };
        let (every, period) = (Wanted::every(), options.period);
        let legs = legs_by_parent(dataset);
        for incident in dataset.incidents.iter().filter(|incident| keep_incident(incident)) {
            let legs = legs.get(&incident.id).map_or(&[][..], Vec::as_slice);
            let part = incident_part(dataset, options, incident, legs);
            index.left_out.note_incident(incident, !legs.is_empty(), part.as_ref());
            let Some(part) = part else { continue };
            let describe = || described(incident, options.pick);
            add_incident_part(&mut index.buckets, options, &incident.id, &part, &describe, &every);
            index.incidents.add(period, &incident.id, part.range(), part.into_owned());
        }
        for rally in dataset.rallies.iter().filter(|rally| keep_rally(rally)) {
            let Some(part) = rally_part(rally) else {
                index.left_out.rallies.insert(rally.id.clone());
                continue;
            };
            add_rally_part(&mut index.buckets, period, &rally.id, &part, &|| rally_described(rally), &every);
            index.rallies.add(period, &rally.id, part.range(), part);
        }
        index
    }

    fn settings(&self) -> SeriesOptions {
        self.options
    }

    fn update(
        &mut self,
        dataset: &Dataset,
        changes: &[Change],
        keep_incident: &dyn Fn(&Incident) -> bool,
        keep_rally: &dyn Fn(&Rally) -> bool,
    ) -> bool {
        let mut incidents = BTreeSet::new();
        let mut rallies = BTreeSet::new();
        for change in changes {
            match change {
                Change::Record(touched) if touched.kind == RecordKind::Incident => {
                    incidents.insert(&touched.id)
                }
                Change::Record(touched) if touched.kind == RecordKind::Rally => rallies.insert(&touched.id),
                _ => return false,
            };
        }
        let period = self.options.period;
        let mut dirty = BTreeSet::new();
        // Every touched incident out first, and the legs noted again, so each part is worked
        // out with its legs as they are now.
        for &id in &incidents {
            dirty.extend(self.incidents.remove(period, id));
            self.left_out.repatriations.remove(id);
            self.legs.note_as_in(dataset, id);
        }
        for id in incidents {
            let Some(incident) = find_by_id(&dataset.incidents, id).filter(|i| keep_incident(i)) else {
                continue;
            };
            let legs: Vec<&Incident> = self.legs.legs_of(dataset, id).collect();
            let part = incident_part(dataset, self.options, incident, &legs);
            self.left_out.note_incident(incident, !legs.is_empty(), part.as_ref());
            if let Some(part) = part {
                dirty.extend(self.incidents.add(period, id, part.range(), part.into_owned()));
            }
        }
        for id in rallies {
            dirty.extend(self.rallies.remove(period, id));
            self.left_out.rallies.remove(id);
            let Some(rally) = find_by_id(&dataset.rallies, id).filter(|r| keep_rally(r)) else { continue };
            match rally_part(rally) {
                Some(part) => dirty.extend(self.rallies.add(period, id, part.range(), part)),
                None => {
                    self.left_out.rallies.insert(id.clone());
                }
            }
        }
        self.add_up(dataset, &dirty);
        true
    }

    /// The figures per period, from the first to the last period with data.
    fn figures(&self) -> Vec<Bucket> {
        fill_gaps(self.buckets.clone(), self.options.period)
    }
}

impl SeriesIndex {
    /// How many records the filters keep that the charts cannot draw.
    pub fn left_out(&self) -> LeftOut {
        LeftOut { repatriations: self.left_out.repatriations.len(), rallies: self.left_out.rallies.len() }
    }

    /// Adds up the figures of these periods again, from the parts of the records touching them.
    /// A record's title and words are looked up only for the few records a period keeps.
    fn add_up(&mut self, dataset: &Dataset, dirty: &BTreeSet<Date>) {
        let options = self.options;
        for &start in dirty {
            self.buckets.remove(&start);
            let only = BTreeSet::from([start]);
            let wanted = Wanted::only(&only, options.period);
            for (id, part) in self.incidents.of(start) {
                let describe = || {
                    find_by_id(&dataset.incidents, id).map(|i| described(i, options.pick)).unwrap_or_default()
                };
                add_incident_part(&mut self.buckets, options, id, part, &describe, &wanted);
            }
            for (id, part) in self.rallies.of(start) {
                let describe = || find_by_id(&dataset.rallies, id).map(rally_described).unwrap_or_default();
                add_rally_part(&mut self.buckets, options.period, id, part, &describe, &wanted);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Document, Edit};
    use crate::model::{DateSpec, SourcedEstimate};
    use crate::phrase::parse_count;

    fn counted(document: &Document, index: &mut SeriesIndex, seen: u64) -> LeftOut {
        let changes = document.changes_since(seen).expect("the journal covers the edit");
        assert!(index.update(document.dataset(), &changes, &|_| true, &|_| true));
        index.left_out()
    }

    #[test]
    fn records_the_charts_cannot_draw_are_counted_as_the_edits_come() {
        let sample = crate::store::load_sample().expect("the sample loads");
        let mut document = Document::new(sample);
        let mut index =
            SeriesIndex::build(document.dataset(), &SeriesOptions::default(), &|_| true, &|_| true);
        // The sample's weekly protests are "every Tuesday and Thursday": no days.
        assert_eq!(index.left_out(), LeftOut { repatriations: 0, rallies: 1 });

        let mut vague =
            Incident { id: Id::new("inc-vague"), title: "Sent back sometime".into(), ..Incident::default() };
        vague.date = DateSpec::unknown("sometime-ish");
        vague.estimates = vec![SourcedEstimate { count: parse_count("lots"), ..SourcedEstimate::default() }];
        let seen = document.revision();
        document
            .apply(Edit::put(crate::edit::AnyRecord::Incident(vague.clone())), jiff::Timestamp::UNIX_EPOCH);
        assert_eq!(counted(&document, &mut index, seen).repatriations, 1);

        // Dated but with no figure: still not drawn.
        vague.date = DateSpec::day(jiff::civil::date(2023, 11, 20), "Nov. 20, 2023");
        let seen = document.revision();
        document
            .apply(Edit::put(crate::edit::AnyRecord::Incident(vague.clone())), jiff::Timestamp::UNIX_EPOCH);
        assert_eq!(counted(&document, &mut index, seen).repatriations, 1);

        // A figure too: drawn, and no longer counted as left out.
        vague.estimates[0].count = parse_count("about 30");
        let seen = document.revision();
        document.apply(Edit::put(crate::edit::AnyRecord::Incident(vague)), jiff::Timestamp::UNIX_EPOCH);
        assert_eq!(counted(&document, &mut index, seen), LeftOut { repatriations: 0, rallies: 1 });
        let built = SeriesIndex::build(document.dataset(), &SeriesOptions::default(), &|_| true, &|_| true);
        assert_eq!(built.left_out(), index.left_out());
    }
}
