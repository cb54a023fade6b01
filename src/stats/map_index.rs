//! The map's figures kept up to date edit by edit: each route and each venue knows the records
//! on it, with what each adds, so after an edit only the routes and venues the touched records
//! were and are on are added up again, in the dataset's order. The figures are then those a
//! build from scratch gives, at a cost that does not grow with the dataset.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::breakdown::{SlicePart, incident_slice_part};
use super::left_out::repatriation_left_out;
use super::map::{Flow, MapFigures, Route, Venue, keep_record};
use super::members::{Member, insert_in_order, remove_from};
use super::series::legs_by_parent;
use super::{BreakdownBy, FollowsEdits, LeftOut, Pick, Slice};
use crate::model::{Change, Dataset, Id, Incident, LegIndex, Rally, RecordKind, find_by_id};

/// The records of each route and venue, with what they add, and the figures added up.
#[derive(Debug)]
pub struct MapIndex {
    pick: Pick,
    routes: Grouped<Route, SlicePart>,
    venues: Grouped<Option<Id>, f64>,
    /// Each parent's legs.
    legs: LegIndex,
    flows: BTreeMap<Route, Flow>,
    venue_figures: BTreeMap<Option<Id>, Venue>,
    /// Kept forced repatriations (without legs) with no days or no figure.
    repatriations_left_out: FxHashSet<Id>,
    /// Kept rallies with no days.
    rallies_left_out: FxHashSet<Id>,
}

/// Records grouped by a key, each group's list in id order, and each record's key.
#[derive(Debug)]
struct Grouped<K, P> {
    groups: BTreeMap<K, Vec<Arc<Member<P>>>>,
    key_of: FxHashMap<Id, K>,
}

impl<K, P> Default for Grouped<K, P> {
    fn default() -> Self {
        Self { groups: BTreeMap::new(), key_of: FxHashMap::default() }
    }
}

impl<K: Ord + Clone, P> Grouped<K, P> {
    fn add(&mut self, id: &Id, key: K, part: P) {
        let member = Arc::new(Member { id: id.clone(), part });
        insert_in_order(self.groups.entry(key.clone()).or_default(), member);
        self.key_of.insert(id.clone(), key);
    }

    /// Takes the record out; returns the group it was in.
    fn remove(&mut self, id: &Id) -> Option<K> {
        let key = self.key_of.remove(id)?;
        if let Some(members) = self.groups.get_mut(&key) {
            remove_from(members, id);
            if members.is_empty() {
                self.groups.remove(&key);
            }
        }
        Some(key)
    }
}

impl FollowsEdits for MapIndex {
    type Settings = Pick;
    type Figures = MapFigures;

    fn build(
        dataset: &Dataset,
        &pick: &Pick,
        keep_incident: &dyn Fn(&Incident) -> bool,
        keep_rally: &dyn Fn(&Rally) -> bool,
    ) -> Self {
        let mut index = Self {
            pick,
            routes: Grouped::default(),
            venues: Grouped::default(),
            legs: LegIndex::of(dataset),
            flows: BTreeMap::new(),
            venue_figures: BTreeMap::new(),
            repatriations_left_out: FxHashSet::default(),
            rallies_left_out: FxHashSet::default(),
        };
        let legs = legs_by_parent(dataset);
        for incident in dataset.incidents.iter().filter(|i| keep_incident(i)) {
            let my_legs = legs.get(&incident.id).map_or(&[][..], Vec::as_slice);
            index.add_incident(dataset, incident, my_legs);
        }
        for rally in dataset.rallies.iter().filter(|r| keep_rally(r)) {
            index.add_rally(rally);
        }
        let routes: BTreeSet<Route> = index.routes.groups.keys().cloned().collect();
        index.add_up_routes(&routes);
        let venues: BTreeSet<Option<Id>> = index.venues.groups.keys().cloned().collect();
        index.add_up_venues(&venues);
        index
    }

    fn settings(&self) -> Pick {
        self.pick
    }

    /// Places, sources and organizations do not change the figures (routes and venues are kept
    /// by the places' ids); the map looks their names and points up as it draws.
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
                Change::Record(record) if record.kind == RecordKind::Incident => {
                    incidents.insert(&record.id);
                }
                Change::Record(record) if record.kind == RecordKind::Rally => {
                    rallies.insert(&record.id);
                }
                Change::Record(_) | Change::Conflicts => {}
            }
        }
        let mut dirty_routes = BTreeSet::new();
        // Every touched incident out first, and the legs noted again, so each part is worked
        // out with its legs as they are now.
        for &id in &incidents {
            dirty_routes.extend(self.routes.remove(id));
            self.repatriations_left_out.remove(id);
            self.legs.note_as_in(dataset, id);
        }
        for id in incidents {
            let Some(incident) = find_by_id(&dataset.incidents, id).filter(|i| keep_incident(i)) else {
                continue;
            };
            let legs: Vec<&Incident> = self.legs.legs_of(dataset, id).collect();
            if let Some(route) = self.add_incident(dataset, incident, &legs) {
                dirty_routes.insert(route);
            }
        }
        let mut dirty_venues = BTreeSet::new();
        for id in rallies {
            dirty_venues.extend(self.venues.remove(id));
            self.rallies_left_out.remove(id);
            let Some(rally) = find_by_id(&dataset.rallies, id).filter(|r| keep_rally(r)) else {
                continue;
            };
            if self.add_rally(rally) {
                dirty_venues.insert(rally.place.clone());
            }
        }
        self.add_up_routes(&dirty_routes);
        self.add_up_venues(&dirty_venues);
        true
    }

    fn figures(&self) -> MapFigures {
        MapFigures {
            flows: self.flows.values().cloned().collect(),
            venues: self.venue_figures.values().cloned().collect(),
            left_out: LeftOut {
                repatriations: self.repatriations_left_out.len(),
                rallies: self.rallies_left_out.len(),
            },
        }
    }
}

impl MapIndex {
    /// Adds a kept incident to its route, or to those left out; returns its route.
    fn add_incident(&mut self, dataset: &Dataset, incident: &Incident, legs: &[&Incident]) -> Option<Route> {
        let (_, part) = incident_slice_part(dataset, incident, legs, BreakdownBy::FromPlace, self.pick);
        let dated = incident.date.range().is_some();
        if repatriation_left_out(incident, !legs.is_empty(), dated && part.adds_people()) {
            self.repatriations_left_out.insert(incident.id.clone());
        }
        if !dated || !(part.is_counted() || part.adds_people()) {
            return None;
        }
        let route = Route { from: incident.from_place.clone(), to: incident.to_place.clone() };
        self.routes.add(&incident.id, route.clone(), part);
        Some(route)
    }

    /// Adds a kept rally to its venue, or to those left out; returns whether it was added.
    fn add_rally(&mut self, rally: &Rally) -> bool {
        if rally.date.range().is_none() {
            self.rallies_left_out.insert(rally.id.clone());
            return false;
        }
        let attendance = rally.preferred_attendance().and_then(|e| e.count.central()).unwrap_or(0.0);
        self.venues.add(&rally.id, rally.place.clone(), attendance);
        true
    }

    fn add_up_routes(&mut self, routes: &BTreeSet<Route>) {
        for route in routes {
            let Some(members) = self.routes.groups.get(route) else {
                self.flows.remove(route);
                continue;
            };
            let mut slice = Slice::empty(String::new());
            let mut records = Vec::new();
            for member in members {
                member.part.add_to(&mut slice);
                keep_record(&mut records, &member.id);
            }
            let flow = Flow { route: route.clone(), people: slice.people, incidents: slice.records, records };
            self.flows.insert(route.clone(), flow);
        }
    }

    fn add_up_venues(&mut self, venues: &BTreeSet<Option<Id>>) {
        for place in venues {
            let Some(members) = self.venues.groups.get(place) else {
                self.venue_figures.remove(place);
                continue;
            };
            let mut venue = Venue { place: place.clone(), rallies: 0, attendance: 0.0, records: Vec::new() };
            for member in members {
                venue.rallies += 1;
                venue.attendance += member.part;
                keep_record(&mut venue.records, &member.id);
            }
            self.venue_figures.insert(place.clone(), venue);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{AnyRecord, Document, Edit};
    use crate::generate::{GenerateOptions, generate};
    use crate::stats::{SeriesOptions, series};

    fn build(dataset: &Dataset, pick: Pick) -> MapIndex {
        MapIndex::build(dataset, &pick, &|_| true, &|_| true)
    }

    /// The people the series counts for the incidents `keep` lets through, every period added.
    fn series_people(dataset: &Dataset, pick: Pick, keep: &dyn Fn(&Incident) -> bool) -> Figure {
        let options = SeriesOptions { pick, ..SeriesOptions::default() };
        let mut people = Figure::default();
        for bucket in series(dataset, options, keep, &|_| true) {
            people.add_whole(bucket.people);
        }
        people
    }

    fn close(a: Figure, b: Figure) -> bool {
        let near = |x: f64, y: f64| (x - y).abs() < 1e-6 * (1.0 + x.abs());
        near(a.low, b.low)
            && near(a.best, b.best)
            && a.high.is_some() == b.high.is_some()
            && a.high.zip(b.high).is_none_or(|(x, y)| near(x, y))
    }

    use crate::stats::Figure;

    #[test]
    fn each_route_holds_the_people_the_series_counts_for_its_incidents() {
        let mut datasets = vec![crate::store::load_sample().expect("the sample loads")];
        datasets.push(generate(GenerateOptions { incidents: 3000, rallies: 200, seed: 7 }));
        for dataset in &datasets {
            for pick in [Pick::Preferred, Pick::Lowest, Pick::Highest] {
                let figures = build(dataset, pick).figures();
                assert!(figures.flows.len() > 1, "several routes");
                for flow in &figures.flows {
                    let on_route =
                        |i: &Incident| i.from_place == flow.route.from && i.to_place == flow.route.to;
                    let expected = series_people(dataset, pick, &on_route);
                    assert!(
                        close(flow.people, expected),
                        "{:?}: {:?} vs {expected:?}",
                        flow.route,
                        flow.people
                    );
                }
                let every = series_people(dataset, pick, &|_| true);
                assert!(close(figures.total_people(), every), "{:?} vs {every:?}", figures.total_people());
            }
        }
    }

    #[test]
    fn the_records_the_charts_leave_out_the_map_leaves_out_and_counts() {
        let dataset = generate(GenerateOptions { incidents: 2000, rallies: 300, seed: 3 });
        let map = build(&dataset, Pick::Preferred).figures();
        let series =
            crate::stats::SeriesIndex::build(&dataset, &SeriesOptions::default(), &|_| true, &|_| true);
        assert_eq!(map.left_out, series.left_out());
        let dated_rallies = dataset.rallies.iter().filter(|r| r.date.range().is_some()).count();
        assert_eq!(map.venues.iter().map(|v| v.rallies).sum::<usize>(), dated_rallies);
    }

    #[test]
    fn edits_reach_the_map_as_a_build_from_scratch_would_count_them() {
        let mut document = Document::new(crate::store::load_sample().expect("the sample loads"));
        let mut index = build(document.dataset(), Pick::Preferred);
        let dataset = document.dataset().clone();
        let leg = dataset.incidents.iter().find(|i| i.parent.is_some()).expect("the sample has legs").clone();
        let rally = dataset.rallies[0].clone();
        let other_place = dataset.places.last().expect("places").id.clone();
        let mut moved = leg.clone();
        moved.to_place = Some(other_place.clone());
        let mut undated = rally.clone();
        undated.date = crate::model::DateSpec::default();
        let edits = [
            Edit::put(AnyRecord::Incident(moved)),
            Edit::put(AnyRecord::Rally(undated)),
            Edit::Delete(RecordKind::Incident, leg.id.clone()),
        ];
        for edit in edits {
            let seen = document.revision();
            document.apply(edit, jiff::Timestamp::UNIX_EPOCH);
            let changes = document.changes_since(seen).expect("the journal covers the edit");
            assert!(index.update(document.dataset(), &changes, &|_| true, &|_| true));
            assert_eq!(index.figures(), build(document.dataset(), Pick::Preferred).figures());
        }
    }
}
