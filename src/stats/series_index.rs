//! The figures per period kept up to date edit by edit: each period knows the records whose
//! dates touch it, so after an edit only the periods the touched records were in, and are in,
//! are worked out again, from their records, in the dataset's order. The figures are then the
//! very ones [`super::series`] gives, at a cost that does not grow with the dataset.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use super::Period;
use super::series::{Bucket, SeriesOptions, Wanted, add_incident, add_rally, fill_gaps, period_figures};
use crate::model::{Change, Dataset, Id, Incident, Rally, RecordKind, find_by_id};

/// The figures per period with, for each period, the records that touch it.
#[derive(Debug)]
pub struct SeriesIndex {
    options: SeriesOptions,
    incidents: Members,
    rallies: Members,
    /// Each parent's legs, and each leg's parent.
    legs: FxHashMap<Id, BTreeSet<Id>>,
    parent_of: FxHashMap<Id, Id>,
    buckets: BTreeMap<Date, Bucket>,
}

/// Which records of one kind touch each period, and the periods of each record.
#[derive(Debug, Default)]
struct Members {
    by_period: BTreeMap<Date, BTreeSet<Id>>,
    /// The first and last period of each dated record.
    periods_of: FxHashMap<Id, (Date, Date)>,
}

impl Members {
    fn add(&mut self, period: Period, id: &Id, range: Option<(Date, Date)>) {
        let Some((earliest, latest)) = range else { return };
        let (first, last) = (period.start_of(earliest), period.start_of(latest));
        for start in starts(period, first, last) {
            self.by_period.entry(start).or_default().insert(id.clone());
        }
        self.periods_of.insert(id.clone(), (first, last));
    }

    /// Takes the record out; returns the periods it was in.
    fn remove(&mut self, period: Period, id: &Id) -> Vec<Date> {
        let Some((first, last)) = self.periods_of.remove(id) else { return Vec::new() };
        let periods = starts(period, first, last);
        for start in &periods {
            if let Some(members) = self.by_period.get_mut(start) {
                members.remove(id);
                if members.is_empty() {
                    self.by_period.remove(start);
                }
            }
        }
        periods
    }

    /// The records touching any of these periods, in id order.
    fn touching(&self, periods: &BTreeSet<Date>) -> BTreeSet<&Id> {
        periods.iter().filter_map(|start| self.by_period.get(start)).flatten().collect()
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

impl SeriesIndex {
    /// The figures of the whole dataset, and the index to keep them up to date. The dataset's
    /// lists must be sorted by id, as the app keeps them.
    pub fn build(
        dataset: &Dataset,
        options: SeriesOptions,
        keep_incident: &dyn Fn(&Incident) -> bool,
        keep_rally: &dyn Fn(&Rally) -> bool,
    ) -> Self {
        let mut index = Self {
            options,
            incidents: Members::default(),
            rallies: Members::default(),
            legs: FxHashMap::default(),
            parent_of: FxHashMap::default(),
            buckets: period_figures(dataset, options, keep_incident, keep_rally),
        };
        for incident in &dataset.incidents {
            index.incidents.add(options.period, &incident.id, incident.date.range());
            if let Some(parent) = &incident.parent {
                index.legs.entry(parent.clone()).or_default().insert(incident.id.clone());
                index.parent_of.insert(incident.id.clone(), parent.clone());
            }
        }
        for rally in &dataset.rallies {
            index.rallies.add(options.period, &rally.id, rally.date.range());
        }
        index
    }

    /// The options the figures were worked out with.
    pub fn options(&self) -> SeriesOptions {
        self.options
    }

    /// Brings the figures up to date after `changes`. Returns `false`, changing nothing, when
    /// the changes reach beyond incidents and rallies (a place or source changes the colours):
    /// the figures must then be built again.
    pub fn update(
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
        for id in incidents {
            dirty.extend(self.incidents.remove(period, id));
            if let Some(parent) = self.parent_of.remove(id)
                && let Some(legs) = self.legs.get_mut(&parent)
            {
                legs.remove(id);
            }
            let Some(incident) = find_by_id(&dataset.incidents, id) else { continue };
            self.incidents.add(period, id, incident.date.range());
            dirty.extend(
                self.incidents.periods_of.get(id).map_or_else(Vec::new, |&(a, b)| starts(period, a, b)),
            );
            if let Some(parent) = &incident.parent {
                self.legs.entry(parent.clone()).or_default().insert(id.clone());
                self.parent_of.insert(id.clone(), parent.clone());
            }
        }
        for id in rallies {
            dirty.extend(self.rallies.remove(period, id));
            let Some(rally) = find_by_id(&dataset.rallies, id) else { continue };
            self.rallies.add(period, id, rally.date.range());
            dirty.extend(
                self.rallies.periods_of.get(id).map_or_else(Vec::new, |&(a, b)| starts(period, a, b)),
            );
        }
        self.rebuild(dataset, &dirty, keep_incident, keep_rally);
        true
    }

    /// Works out the figures of these periods again, from the records touching them.
    fn rebuild(
        &mut self,
        dataset: &Dataset,
        dirty: &BTreeSet<Date>,
        keep_incident: &dyn Fn(&Incident) -> bool,
        keep_rally: &dyn Fn(&Rally) -> bool,
    ) {
        for start in dirty {
            self.buckets.remove(start);
        }
        let wanted = Wanted::only(dirty, self.options.period);
        for id in self.incidents.touching(dirty) {
            let Some(incident) = find_by_id(&dataset.incidents, id).filter(|i| keep_incident(i)) else {
                continue;
            };
            let legs: Vec<&Incident> = self
                .legs
                .get(id)
                .into_iter()
                .flatten()
                .filter_map(|leg| find_by_id(&dataset.incidents, leg))
                .collect();
            add_incident(&mut self.buckets, dataset, self.options, incident, &legs, &wanted);
        }
        for id in self.rallies.touching(dirty) {
            let Some(rally) = find_by_id(&dataset.rallies, id).filter(|r| keep_rally(r)) else { continue };
            add_rally(&mut self.buckets, self.options.period, rally, &wanted);
        }
    }

    /// The figures per period, from the first to the last period with data.
    pub fn buckets(&self) -> Vec<Bucket> {
        fill_gaps(self.buckets.clone(), self.options.period)
    }
}
