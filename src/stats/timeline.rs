//! The timeline: each repatriation over its days, each rally on its day, and for a rally that
//! responds to incidents, how many days after them it came.

use std::collections::HashSet;

use jiff::civil::Date;

use super::{Pick, picked};
use crate::model::{Dataset, Id, Incident, IncidentKind, Rally, days_between};

/// A repatriation on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineIncident {
    /// The record.
    pub id: Id,
    /// Its title.
    pub title: String,
    /// Its first and last possible days.
    pub range: (Date, Date),
    /// People sent back (the estimate picked), when known.
    pub people: Option<f64>,
    /// The figure's words as reported.
    pub words: String,
}

/// A rally on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRally {
    /// The record.
    pub id: Id,
    /// Its title.
    pub title: String,
    /// Its first possible day.
    pub day: Date,
    /// The incidents it responds to, each with the days from the incident's last day to the rally.
    pub responds_to: Vec<(String, Date, i64)>,
}

/// Everything the timeline draws.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// Forced repatriations with a known date (legs instead of their parent).
    pub incidents: Vec<TimelineIncident>,
    /// Rallies with a known date.
    pub rallies: Vec<TimelineRally>,
}

/// Past this many repatriations the timeline draws the largest only: more bars than pixels say
/// nothing, and drawing them would slow every frame.
pub const MOST_DRAWN: usize = 2_000;

impl Timeline {
    /// The positions in `incidents` of the `most` with the most people (unknown figures last,
    /// ties to the earlier), in the order of `incidents`: what a chart too crowded to show them
    /// all draws.
    pub fn largest_incidents(&self, most: usize) -> Vec<usize> {
        let mut positions: Vec<usize> = (0..self.incidents.len()).collect();
        if positions.len() > most {
            let people = |&position: &usize| self.incidents[position].people.unwrap_or(f64::NEG_INFINITY);
            positions.select_nth_unstable_by(most, |a, b| people(b).total_cmp(&people(a)).then(a.cmp(b)));
            positions.truncate(most);
            positions.sort_unstable();
        }
        positions
    }
}

/// The timeline of the records the filters let through.
pub fn timeline(
    dataset: &Dataset,
    pick: Pick,
    keep_incident: &dyn Fn(&Incident) -> bool,
    keep_rally: &dyn Fn(&Rally) -> bool,
) -> Timeline {
    let parents: HashSet<&Id> = dataset.incidents.iter().filter_map(|i| i.parent.as_ref()).collect();
    let incidents = dataset
        .incidents
        .iter()
        .filter(|i| !parents.contains(&i.id) && keep_incident(i))
        .filter_map(|incident| incident_entry(incident, pick))
        .collect();
    let rallies = dataset
        .rallies
        .iter()
        .filter(|r| keep_rally(r))
        .filter_map(|rally| rally_entry(dataset, rally))
        .collect();
    Timeline { incidents, rallies }
}

/// An incident on the timeline, when it is a forced repatriation with a known date. (Whether it
/// has legs, which are drawn instead, is for the caller to know.)
pub(super) fn incident_entry(incident: &Incident, pick: Pick) -> Option<TimelineIncident> {
    if incident.kind != IncidentKind::ForcedRepatriation {
        return None;
    }
    let estimate = picked(&incident.estimates, pick);
    Some(TimelineIncident {
        id: incident.id.clone(),
        title: incident.title.clone(),
        range: incident.date.range()?,
        people: estimate.and_then(|e| e.count.central()),
        words: estimate.map(|e| e.count.as_reported.clone()).unwrap_or_default(),
    })
}

/// A rally on the timeline, when its date is known, with the incidents it answers.
pub(super) fn rally_entry(dataset: &Dataset, rally: &Rally) -> Option<TimelineRally> {
    let (day, _) = rally.date.range()?;
    let responds_to = rally
        .responds_to
        .iter()
        .filter_map(|id| dataset.incident(id))
        .filter_map(|incident| {
            let (_, last) = incident.date.range()?;
            Some((incident.title.clone(), last, days_between(last, day)))
        })
        .collect();
    Some(TimelineRally { id: rally.id.clone(), title: rally.title.clone(), day, responds_to })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rally_knows_how_long_after_the_incidents_it_came() {
        let dataset = crate::store::load_sample().expect("the sample loads");
        let timeline = timeline(&dataset, Pick::Preferred, &|_| true, &|_| true);
        let hanbyun = timeline
            .rallies
            .iter()
            .find(|r| r.id.as_str() == "ral-2024-01-16-chinese-embassy-seoul")
            .expect("rally");
        let days: Vec<i64> = hanbyun.responds_to.iter().map(|(_, _, days)| *days).collect();
        // After the mass repatriation of 9 October 2023, and after the last day of the four
        // occasions, 31 December 2023.
        assert_eq!(days, [99, 16]);
        assert!(
            timeline.incidents.iter().all(|i| i.id.as_str() != "inc-2023-11-four-occasions"),
            "legs, not the parent"
        );
        assert!(timeline.incidents.iter().any(|i| i.id.as_str() == "inc-2023-11-20-dandong-sinuiju"));
    }

    #[test]
    fn a_crowded_timeline_keeps_the_largest_incidents_in_their_order() {
        let incident = |people: Option<f64>| TimelineIncident {
            id: Id::new("inc"),
            title: String::new(),
            range: (jiff::civil::date(2023, 1, 1), jiff::civil::date(2023, 1, 1)),
            people,
            words: String::new(),
        };
        let figures = [Some(5.0), None, Some(90.0), Some(1.0), Some(40.0), Some(7.0)];
        let timeline =
            Timeline { incidents: figures.iter().map(|&p| incident(p)).collect(), rallies: Vec::new() };
        assert_eq!(timeline.largest_incidents(3), [2, 4, 5]);
        assert_eq!(timeline.largest_incidents(10), [0, 1, 2, 3, 4, 5], "all of them when they fit");
        let tied = [Some(5.0), Some(5.0), Some(9.0), Some(5.0)];
        let timeline =
            Timeline { incidents: tied.iter().map(|&p| incident(p)).collect(), rallies: Vec::new() };
        assert_eq!(timeline.largest_incidents(2), [0, 2], "a tie goes to the earlier");
    }
}
