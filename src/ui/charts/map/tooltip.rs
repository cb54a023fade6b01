//! What hovering a flow, a place or a rally marker says, and what a click on it asks for.

use super::MapClicked;
use super::located::Located;
use super::paint::Target;
use crate::i18n::number;
use crate::model::{Dataset, Id, find_by_id};
use crate::stats::{Figure, MapFigures, RECORDS_KEPT, Route};
use crate::t;

/// The figures and the records behind a target.
pub fn tooltip(target: &Target, dataset: &Dataset, figures: &MapFigures, located: &Located) -> String {
    let high = |figure: Figure| figure.high.map_or_else(|| t!("chart-open"), number);
    let mut lines = Vec::new();
    let (records, counted): (Vec<&Id>, usize) = match target {
        Target::Flow { flow, .. } => {
            let flow = &figures.flows[*flow];
            lines.push(t!(
                "map-tip-flow",
                from = end_name(dataset, flow.route.from.as_ref()),
                to = end_name(dataset, flow.route.to.as_ref()),
                best = number(flow.people.best),
                low = number(flow.people.low),
                high = high(flow.people),
                incidents = flow.incidents
            ));
            (flow.records.iter().collect(), flow.incidents)
        }
        Target::Place { place, .. } => {
            let place = &located.places[*place];
            lines.push(t!(
                "map-tip-place",
                name = &place.name,
                best = number(place.people.best),
                low = number(place.people.low),
                high = high(place.people),
                incidents = place.incidents
            ));
            let through = figures.flows.iter().filter(|f| {
                f.route.from.as_ref() == Some(&place.id) || f.route.to.as_ref() == Some(&place.id)
            });
            (through.flat_map(|f| &f.records).take(RECORDS_KEPT).collect(), place.incidents)
        }
        Target::Venue { place, .. } => {
            let place = &located.places[*place];
            lines.push(t!(
                "map-tip-venue",
                name = &place.name,
                rallies = place.rallies,
                attendance = number(place.attendance)
            ));
            let venue = figures.venues.iter().find(|v| v.place.as_ref() == Some(&place.id));
            (venue.map(|v| v.records.iter().collect()).unwrap_or_default(), place.rallies)
        }
    };
    let rallies = matches!(target, Target::Venue { .. });
    for id in &records {
        lines.push(record_line(dataset, id, rallies));
    }
    if counted > records.len() {
        lines.push(t!("chart-tip-more", count = counted - records.len()));
    }
    lines.push(t!("map-tip-click"));
    lines.join("\n")
}

/// What a click on a target asks for.
pub fn clicked(target: &Target, dataset: &Dataset, figures: &MapFigures, located: &Located) -> MapClicked {
    match target {
        Target::Flow { flow, .. } => {
            let route: Route = figures.flows[*flow].route.clone();
            let label = t!(
                "chart-chip-route",
                from = end_name(dataset, route.from.as_ref()),
                to = end_name(dataset, route.to.as_ref())
            );
            MapClicked::Route { route, label }
        }
        Target::Place { place, .. } | Target::Venue { place, .. } => {
            let place_shown = &located.places[*place];
            MapClicked::Place {
                place: place_shown.id.clone(),
                label: place_shown.name.clone(),
                rallies: matches!(target, Target::Venue { .. }),
            }
        }
    }
}

fn end_name(dataset: &Dataset, id: Option<&Id>) -> String {
    id.map_or_else(|| t!("map-place-unknown"), |id| crate::query::names::place_by_id(dataset, id))
}

fn record_line(dataset: &Dataset, id: &Id, rally: bool) -> String {
    let (title, words) = if rally {
        find_by_id(&dataset.rallies, id).map(crate::stats::rally_words).unwrap_or_default()
    } else {
        find_by_id(&dataset.incidents, id).map(crate::stats::incident_words).unwrap_or_default()
    };
    if words.is_empty() {
        t!("map-tip-record-plain", title = title)
    } else {
        t!("map-tip-record", title = title, words = words)
    }
}
