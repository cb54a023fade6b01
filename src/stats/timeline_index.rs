//! The timeline kept up to date edit by edit: after an edit only the records it touched are
//! placed again, with the parents whose legs changed and the rallies answering a touched
//! incident; what drawing needs (the largest repatriations, the span of days, the rally days,
//! the records near each day) is kept in sorted maps beside it. The figures are then the very
//! ones worked out from scratch, at a cost that hardly grows with the dataset.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::left_out::repatriation_left_out;
use super::span_lookup::{Ordered, SpanLookup};
use super::timeline::{MOST_DRAWN, incident_entry, rally_entry};
use super::{FollowsEdits, LeftOut, Pick, Timeline, TimelineIncident, TimelineRally};
use crate::model::{Change, Dataset, Id, Incident, LegIndex, Rally, RecordKind, days_between, find_by_id};

/// Everything the timeline chart draws, with what drawing it needs worked out.
#[derive(Clone, Debug, Default)]
pub struct TimelineFigures {
    /// The records, each list in id order.
    pub timeline: Timeline,
    /// The positions in `timeline.incidents` of those drawn: the [`MOST_DRAWN`] with the most
    /// people (see [`Timeline::largest_incidents`]), in order.
    pub drawn: Vec<usize>,
    /// The most people of any incident, at least 10.
    pub tallest: f64,
    /// The days from the first record's first day to the last record's last.
    pub span: f64,
    /// The days with rallies, each once, in order: one marker a day.
    pub rally_days: Vec<f64>,
    /// The incidents (by first and last day) and the rallies (by day) near a day.
    pub incidents_by_day: SpanLookup,
    /// See `incidents_by_day`.
    pub rallies_by_day: SpanLookup,
    /// The records the filters keep that the timeline cannot draw: forced repatriations with
    /// no days or no figure, rallies with no day.
    pub left_out: LeftOut,
}

impl TimelineFigures {
    /// The incident with this id, if it is on the timeline.
    pub fn incident(&self, id: &Id) -> Option<&TimelineIncident> {
        let list = &self.timeline.incidents;
        list.binary_search_by(|other| other.id.cmp(id)).ok().map(|at| &list[at])
    }

    /// The rally with this id, if it is on the timeline.
    pub fn rally(&self, id: &Id) -> Option<&TimelineRally> {
        let list = &self.timeline.rallies;
        list.binary_search_by(|other| other.id.cmp(id)).ok().map(|at| &list[at])
    }
}

/// The timeline's figures and what keeps them up to date.
#[derive(Debug)]
pub struct TimelineIndex {
    pick: Pick,
    /// Shared with whoever draws them; changed in place once they have let go.
    figures: Arc<TimelineFigures>,
    legs: LegIndex,
    /// The incidents each rally on the timeline answers, and the rallies answering each.
    answers: FxHashMap<Id, Vec<Id>>,
    answered_by: FxHashMap<Id, BTreeSet<Id>>,
    /// The incidents by people (most first, unknown last), then id.
    by_people: BTreeSet<(Reverse<Ordered>, Id)>,
    /// How many records start or end on each day.
    days: BTreeMap<Ordered, usize>,
    /// How many rallies are on each day.
    rally_days: BTreeMap<Ordered, usize>,
    /// The forced repatriations (without legs) and the rallies the filters keep that have no
    /// days, and how many on the timeline have no figure.
    undated_incidents: FxHashSet<Id>,
    undated_rallies: FxHashSet<Id>,
    without_people: usize,
}

impl FollowsEdits for TimelineIndex {
    type Settings = Pick;
    type Figures = Arc<TimelineFigures>;

    fn build(
        dataset: &Dataset,
        &pick: &Pick,
        keep_incident: &dyn Fn(&Incident) -> bool,
        keep_rally: &dyn Fn(&Rally) -> bool,
    ) -> Self {
        let legs = LegIndex::of(dataset);
        let mut undated_incidents = FxHashSet::default();
        let incidents: Vec<TimelineIncident> = dataset
            .incidents
            .iter()
            .filter(|i| keep_incident(i) && !legs.has_legs(&i.id))
            .filter_map(|incident| {
                let entry = incident_entry(incident, pick);
                if entry.is_none() && repatriation_left_out(incident, false, false) {
                    undated_incidents.insert(incident.id.clone());
                }
                entry
            })
            .collect();
        let without_people = incidents.iter().filter(|entry| entry.people.is_none()).count();
        let by_people =
            incidents.iter().map(|entry| (Reverse(people_key(entry)), entry.id.clone())).collect();
        let mut days = BTreeMap::new();
        for (first, last) in incidents.iter().map(|entry| day_numbers(entry.range)) {
            *days.entry(Ordered(first)).or_default() += 1;
            *days.entry(Ordered(last)).or_default() += 1;
        }
        let incidents_by_day =
            SpanLookup::from_spans(incidents.iter().map(|entry| (&entry.id, day_numbers(entry.range))));
        let figures = TimelineFigures {
            timeline: Timeline { incidents, rallies: Vec::new() },
            incidents_by_day,
            ..TimelineFigures::default()
        };
        let mut index = Self {
            pick,
            figures: Arc::new(figures),
            legs,
            answers: FxHashMap::default(),
            answered_by: FxHashMap::default(),
            by_people,
            days,
            rally_days: BTreeMap::new(),
            undated_incidents,
            undated_rallies: FxHashSet::default(),
            without_people,
        };
        for rally in dataset.rallies.iter().filter(|r| keep_rally(r)) {
            let Some(entry) = rally_entry(dataset, rally) else {
                index.undated_rallies.insert(rally.id.clone());
                continue;
            };
            index.note_rally(rally, &entry);
            Arc::make_mut(&mut index.figures).timeline.rallies.push(entry);
        }
        index.work_out_drawing();
        index
    }

    fn settings(&self) -> Pick {
        self.pick
    }

    /// Places again the records touched; changes to places, sources, organizations and
    /// conflicts do not show on the timeline.
    fn update(
        &mut self,
        dataset: &Dataset,
        changes: &[Change],
        keep_incident: &dyn Fn(&Incident) -> bool,
        keep_rally: &dyn Fn(&Rally) -> bool,
    ) -> bool {
        let (mut incidents, mut rallies) = (BTreeSet::new(), BTreeSet::new());
        for change in changes {
            match change {
                Change::Record(record) if record.kind == RecordKind::Incident => {
                    incidents.insert(record.id.clone());
                }
                Change::Record(record) if record.kind == RecordKind::Rally => {
                    rallies.insert(record.id.clone());
                }
                Change::Record(_) | Change::Conflicts => {}
            }
        }
        // A touched incident's parent, before and after, may gain or lose its last leg; the
        // rallies answering it show its title and last day.
        let mut placed_again = incidents.clone();
        for id in &incidents {
            placed_again.extend(self.legs.parent_of(id).cloned());
            self.legs.note_as_in(dataset, id);
            placed_again.extend(self.legs.parent_of(id).cloned());
            rallies.extend(self.answered_by.get(id).into_iter().flatten().cloned());
        }
        for id in &placed_again {
            self.forget_incident(id);
            self.undated_incidents.remove(id);
            let Some(incident) =
                find_by_id(&dataset.incidents, id).filter(|i| keep_incident(i) && !self.legs.has_legs(id))
            else {
                continue;
            };
            match incident_entry(incident, self.pick) {
                Some(entry) => self.put_incident(entry),
                None if repatriation_left_out(incident, false, false) => {
                    self.undated_incidents.insert(id.clone());
                }
                None => {}
            }
        }
        for id in &rallies {
            self.forget_rally(id);
            self.undated_rallies.remove(id);
            let rally = find_by_id(&dataset.rallies, id).filter(|r| keep_rally(r));
            if rally.is_some_and(|r| r.date.is_unknown()) {
                self.undated_rallies.insert(id.clone());
            }
            if let Some((rally, entry)) = rally.and_then(|r| Some((r, rally_entry(dataset, r)?))) {
                self.note_rally(rally, &entry);
                let list = &mut Arc::make_mut(&mut self.figures).timeline.rallies;
                let at = list.partition_point(|other| other.id < entry.id);
                list.insert(at, entry);
            }
        }
        self.work_out_drawing();
        true
    }

    fn figures(&self) -> Arc<TimelineFigures> {
        Arc::clone(&self.figures)
    }
}

/// Notes an incident entry in the maps drawing needs.
fn note_incident(
    by_people: &mut BTreeSet<(Reverse<Ordered>, Id)>,
    days: &mut BTreeMap<Ordered, usize>,
    figures: &mut TimelineFigures,
    entry: &TimelineIncident,
) {
    let span = day_numbers(entry.range);
    by_people.insert((Reverse(people_key(entry)), entry.id.clone()));
    *days.entry(Ordered(span.0)).or_default() += 1;
    *days.entry(Ordered(span.1)).or_default() += 1;
    figures.incidents_by_day.insert(&entry.id, span);
}

impl TimelineIndex {
    /// Puts an incident entry in its place.
    fn put_incident(&mut self, entry: TimelineIncident) {
        self.without_people += usize::from(entry.people.is_none());
        let figures = Arc::make_mut(&mut self.figures);
        note_incident(&mut self.by_people, &mut self.days, figures, &entry);
        let list = &mut figures.timeline.incidents;
        let at = list.partition_point(|other| other.id < entry.id);
        list.insert(at, entry);
    }

    /// Takes the incident off the timeline, if it is on it.
    fn forget_incident(&mut self, id: &Id) {
        let list = &self.figures.timeline.incidents;
        let Ok(at) = list.binary_search_by(|other| other.id.cmp(id)) else { return };
        let figures = Arc::make_mut(&mut self.figures);
        let entry = figures.timeline.incidents.remove(at);
        self.without_people -= usize::from(entry.people.is_none());
        let span = day_numbers(entry.range);
        self.by_people.remove(&(Reverse(people_key(&entry)), entry.id.clone()));
        uncount(&mut self.days, span.0);
        uncount(&mut self.days, span.1);
        figures.incidents_by_day.remove(&entry.id, span);
    }

    /// Notes a rally entry in the maps drawing needs, with the incidents it answers.
    fn note_rally(&mut self, rally: &Rally, entry: &TimelineRally) {
        let day = day_number(entry.day);
        *self.days.entry(Ordered(day)).or_default() += 1;
        *self.rally_days.entry(Ordered(day)).or_default() += 1;
        Arc::make_mut(&mut self.figures).rallies_by_day.insert(&entry.id, (day, day));
        for incident in &rally.responds_to {
            self.answered_by.entry(incident.clone()).or_default().insert(rally.id.clone());
        }
        self.answers.insert(rally.id.clone(), rally.responds_to.clone());
    }

    /// Takes the rally off the timeline, if it is on it.
    fn forget_rally(&mut self, id: &Id) {
        for incident in self.answers.remove(id).unwrap_or_default() {
            if let Some(rallies) = self.answered_by.get_mut(&incident) {
                rallies.remove(id);
                if rallies.is_empty() {
                    self.answered_by.remove(&incident);
                }
            }
        }
        let list = &self.figures.timeline.rallies;
        let Ok(at) = list.binary_search_by(|other| other.id.cmp(id)) else { return };
        let figures = Arc::make_mut(&mut self.figures);
        let entry = figures.timeline.rallies.remove(at);
        let day = day_number(entry.day);
        uncount(&mut self.days, day);
        uncount(&mut self.rally_days, day);
        figures.rallies_by_day.remove(&entry.id, (day, day));
    }

    /// Works out again what drawing needs from the maps: the largest incidents, the tallest, the
    /// span and the rally days.
    fn work_out_drawing(&mut self) {
        let figures = Arc::make_mut(&mut self.figures);
        let incidents = &figures.timeline.incidents;
        let mut drawn: Vec<usize> = self
            .by_people
            .iter()
            .take(MOST_DRAWN)
            .filter_map(|(_, id)| incidents.binary_search_by(|other| other.id.cmp(id)).ok())
            .collect();
        drawn.sort_unstable();
        figures.drawn = drawn;
        figures.tallest = 10.0;
        if let Some((Reverse(Ordered(most)), _)) = self.by_people.first()
            && most.is_finite()
        {
            figures.tallest = most.max(10.0);
        }
        let first = self.days.first_key_value().map_or(f64::MAX, |(day, _)| day.0);
        let last = self.days.last_key_value().map_or(f64::MIN, |(day, _)| day.0);
        figures.span = last - first;
        figures.rally_days = self.rally_days.keys().map(|day| day.0).collect();
        figures.left_out = LeftOut {
            repatriations: self.undated_incidents.len() + self.without_people,
            rallies: self.undated_rallies.len(),
        };
    }
}

impl TimelineFigures {
    /// The figures worked out from a whole timeline at once, as [`TimelineIndex`] keeps them.
    pub fn of(timeline: Timeline) -> Self {
        let mut figures = Self::default();
        for incident in &timeline.incidents {
            figures.incidents_by_day.insert(&incident.id, day_numbers(incident.range));
        }
        let rally_day_of: Vec<f64> = timeline.rallies.iter().map(|r| day_number(r.day)).collect();
        for (rally, &day) in timeline.rallies.iter().zip(&rally_day_of) {
            figures.rallies_by_day.insert(&rally.id, (day, day));
        }
        let days = timeline.incidents.iter().flat_map(|i| [i.range.0, i.range.1]);
        let days = days.chain(timeline.rallies.iter().map(|r| r.day)).map(day_number);
        figures.span = days.clone().fold(f64::MIN, f64::max) - days.fold(f64::MAX, f64::min);
        figures.tallest = timeline.incidents.iter().filter_map(|i| i.people).fold(10.0, f64::max);
        let mut rally_days = rally_day_of;
        rally_days.sort_by(f64::total_cmp);
        rally_days.dedup();
        figures.rally_days = rally_days;
        figures.drawn = timeline.largest_incidents(MOST_DRAWN);
        figures.timeline = timeline;
        figures
    }
}

/// How an incident ranks among the largest: its people, unknown below any figure.
fn people_key(entry: &TimelineIncident) -> Ordered {
    Ordered(entry.people.unwrap_or(f64::NEG_INFINITY))
}

/// Counts one fewer record on `day`.
fn uncount(days: &mut BTreeMap<Ordered, usize>, day: f64) {
    if let Some(count) = days.get_mut(&Ordered(day)) {
        *count -= 1;
        if *count == 0 {
            days.remove(&Ordered(day));
        }
    }
}

/// The day as a number on the timeline's axis: days since 1970-01-01.
pub fn day_number(day: jiff::civil::Date) -> f64 {
    days_between(jiff::civil::Date::constant(1970, 1, 1), day) as f64
}

/// A first and a last day as numbers.
fn day_numbers((first, last): (jiff::civil::Date, jiff::civil::Date)) -> (f64, f64) {
    (day_number(first), day_number(last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{AnyRecord, Document, Edit};
    use crate::model::{CountEstimate, DateSpec, IncidentKind, SourcedEstimate};

    #[test]
    fn records_the_timeline_cannot_draw_are_counted_as_the_edits_come() {
        let mut document = Document::new(crate::store::load_sample().expect("the sample loads"));
        let build = |dataset: &Dataset| TimelineIndex::build(dataset, &Pick::Preferred, &|_| true, &|_| true);
        let mut index = build(document.dataset());
        let start = index.figures().left_out;
        // The sample's weekly protests are "every Tuesday and Thursday": no day.
        assert_eq!(start.rallies, 1);
        let mut vague =
            Incident { id: Id::new("inc-vague"), title: "Sent back sometime".into(), ..Incident::default() };
        vague.date = DateSpec::unknown("sometime-ish");
        vague.estimates =
            vec![SourcedEstimate { count: crate::phrase::parse_count("lots"), ..SourcedEstimate::default() }];
        let steps = [
            (DateSpec::unknown("sometime-ish"), "lots", 1),
            (DateSpec::day(jiff::civil::date(2023, 11, 20), ""), "lots", 1),
            (DateSpec::day(jiff::civil::date(2023, 11, 20), ""), "about 30", 0),
        ];
        for (date, words, more) in steps {
            vague.date = date;
            vague.estimates[0].count = crate::phrase::parse_count(words);
            let seen = document.revision();
            document.apply(Edit::put(AnyRecord::Incident(vague.clone())), jiff::Timestamp::UNIX_EPOCH);
            let changes = document.changes_since(seen).expect("the journal covers the edit");
            assert!(index.update(document.dataset(), &changes, &|_| true, &|_| true));
            let left_out = index.figures().left_out;
            assert_eq!(left_out.repatriations, start.repatriations + more, "{words}");
            assert_eq!(left_out, build(document.dataset()).figures().left_out, "as from scratch");
        }
    }

    fn incident(id: &str, parent: Option<&str>, day: i8) -> Incident {
        Incident {
            id: Id::new(id),
            title: id.to_owned(),
            kind: IncidentKind::ForcedRepatriation,
            parent: parent.map(Id::new),
            date: DateSpec::day(jiff::civil::date(2023, 11, day), ""),
            estimates: vec![SourcedEstimate {
                count: CountEstimate::exact(10, "10"),
                preferred: true,
                ..SourcedEstimate::default()
            }],
            ..Incident::default()
        }
    }

    fn ids(figures: &TimelineFigures) -> Vec<&str> {
        figures.timeline.incidents.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn a_parent_is_drawn_again_once_its_last_leg_leaves_it() {
        let dataset = Dataset {
            incidents: vec![incident("a", None, 1), incident("b", Some("a"), 2)],
            ..Dataset::default()
        };
        let mut document = Document::new(dataset);
        let keep = (&|_: &Incident| true, &|_: &Rally| true);
        let mut index = TimelineIndex::build(document.dataset(), &Pick::Preferred, keep.0, keep.1);
        assert_eq!(ids(&index.figures()), ["b"], "the leg, not its parent");
        let revision = document.revision();
        document.apply(Edit::put(AnyRecord::Incident(incident("b", None, 2))), jiff::Timestamp::UNIX_EPOCH);
        let changes = document.changes_since(revision).expect("known");
        assert!(index.update(document.dataset(), &changes, keep.0, keep.1));
        assert_eq!(ids(&index.figures()), ["a", "b"]);
    }
}
