//! Figures for the map: people forcibly repatriated by route (the place they were sent from and
//! the place they were sent to), incidents by route, and rallies by venue.
//!
//! The counting rules are the series' ([`super`]): legs instead of their parent, what a parent
//! reports beyond its legs counted on the parent's own route, the estimate picked, records with
//! no known date left out (and counted as left out, as the charts count them). A record is
//! counted whole: summed over its periods, the series gives the same figures.

use super::{Figure, LeftOut, RECORDS_KEPT};
use crate::model::Id;

/// Where people were sent from and to; either may be unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Route {
    /// The place they were sent or taken from.
    pub from: Option<Id>,
    /// The place they were sent to.
    pub to: Option<Id>,
}

/// The incidents of one route and the people they report.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    /// Where from and where to.
    pub route: Route,
    /// People forcibly repatriated on it.
    pub people: Figure,
    /// Incidents on it (legs instead of their parent).
    pub incidents: usize,
    /// The first [`RECORDS_KEPT`] records counted on it, in id order.
    pub records: Vec<Id>,
}

/// The rallies held at one place.
#[derive(Clone, Debug, PartialEq)]
pub struct Venue {
    /// The place; `None` for rallies with no place recorded.
    pub place: Option<Id>,
    /// How many rallies.
    pub rallies: usize,
    /// Their attendance (preferred figures).
    pub attendance: f64,
    /// The first [`RECORDS_KEPT`] rallies, in id order.
    pub records: Vec<Id>,
}

/// What the map draws: the routes, the venues, and the records the filters keep that it cannot
/// draw (no known date, or a forced repatriation with no figure).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapFigures {
    /// Every route with incidents, in route order.
    pub flows: Vec<Flow>,
    /// Every venue with rallies, in place order.
    pub venues: Vec<Venue>,
    /// The records left out.
    pub left_out: LeftOut,
}

impl MapFigures {
    /// The people sent from or to `place`, with the incidents that name it, over every route.
    pub fn through(&self, place: &Id) -> (Figure, usize) {
        let mut people = Figure::default();
        let mut incidents = 0;
        for flow in &self.flows {
            if flow.route.from.as_ref() == Some(place) || flow.route.to.as_ref() == Some(place) {
                people.add_whole(flow.people);
                incidents += flow.incidents;
            }
        }
        (people, incidents)
    }

    /// The people of every route together.
    pub fn total_people(&self) -> Figure {
        let mut people = Figure::default();
        for flow in &self.flows {
            people.add_whole(flow.people);
        }
        people
    }
}

/// An incident's title and the words of its preferred figure, for the records behind a flow.
pub fn incident_words(incident: &crate::model::Incident) -> (String, String) {
    super::series::described(incident, super::Pick::Preferred)
}

/// A rally's title and the words of its attendance, for the records behind a marker.
pub fn rally_words(rally: &crate::model::Rally) -> (String, String) {
    super::series::rally_described(rally)
}

/// Keeps a record's id among the first [`RECORDS_KEPT`].
pub(crate) fn keep_record(records: &mut Vec<Id>, id: &Id) {
    if records.len() < RECORDS_KEPT {
        records.push(id.clone());
    }
}
