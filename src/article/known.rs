//! Events the dataset already has: a proposal of the same kind, on days that overlap, with the
//! same figure or the same places, is taken to be that record, to be linked to the article (its
//! source and figure added) rather than entered twice.

use super::places::PlaceMention;
use super::propose::{ProposedIncident, ProposedRally, close_figures, share_a_day};
use crate::model::{Dataset, Id, Incident, Rally};

/// Marks each proposal that seems to be a record the dataset has.
pub fn find_known(incidents: &mut [ProposedIncident], rallies: &mut [ProposedRally], dataset: &Dataset) {
    for proposal in incidents {
        proposal.known = dataset.incidents.iter().find(|i| same_incident(proposal, i)).map(|i| i.id.clone());
    }
    for proposal in rallies {
        proposal.known = dataset.rallies.iter().find(|r| same_rally(proposal, r)).map(|r| r.id.clone());
    }
}

fn same_incident(proposal: &ProposedIncident, known: &Incident) -> bool {
    let figure = known.estimates.iter().any(|e| close_figures(&e.count, &proposal.people));
    let places = same_place(proposal.from_place.as_ref(), known.from_place.as_ref())
        && same_place(proposal.to_place.as_ref(), known.to_place.as_ref())
        && (proposal.from_place.is_some() || proposal.to_place.is_some());
    proposal.kind == known.kind && share_a_day(&proposal.date, &known.date) && (figure || places)
}

fn same_rally(proposal: &ProposedRally, known: &Rally) -> bool {
    let place = proposal.place.as_ref().is_some_and(|p| p.known.is_some() && p.known == known.place);
    share_a_day(&proposal.date, &known.date) && place
}

/// Whether a place named is the dataset's place `id`.
fn same_place(named: Option<&PlaceMention>, id: Option<&Id>) -> bool {
    match (named, id) {
        (Some(named), Some(id)) => named.known.as_ref() == Some(id),
        (None, _) => true,
        (Some(_), None) => false,
    }
}
