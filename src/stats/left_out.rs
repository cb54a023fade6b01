//! The records a chart cannot draw, which it counts and says, so that none is left out silently.

use crate::model::{Incident, IncidentKind};

/// How many records the filters keep that a chart cannot draw, so that the chart can say so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Forced repatriations (counted themselves, not through legs) with no days or no figure.
    pub repatriations: usize,
    /// Rallies with no days.
    pub rallies: usize,
}

/// Whether a kept incident is a forced repatriation a chart of people leaves out: it is counted
/// itself (it has no legs) but adds no people (no days, or no figure, as that chart needs).
pub(crate) fn repatriation_left_out(incident: &Incident, has_legs: bool, adds_people: bool) -> bool {
    incident.kind == IncidentKind::ForcedRepatriation && !has_legs && !adds_people
}
