//! What the chart indexes have in common: worked out once for some settings, then following
//! the edits.

use crate::model::{Change, Dataset, Incident, Rally};

/// An index of figures that follows the edits.
pub trait FollowsEdits: Send + Sized + 'static {
    /// What the figures are worked out with: options, grouping.
    type Settings: Clone + PartialEq + Send + 'static;
    /// The figures.
    type Figures: Send + 'static;

    /// The index of the whole dataset, whose lists must be sorted by id, as the app keeps them.
    /// `keep_incident` and `keep_rally` say which records count (the filters).
    fn build(
        dataset: &Dataset,
        settings: &Self::Settings,
        keep_incident: &dyn Fn(&Incident) -> bool,
        keep_rally: &dyn Fn(&Rally) -> bool,
    ) -> Self;

    /// What it was worked out with.
    fn settings(&self) -> Self::Settings;

    /// Brings the figures up to date after `changes`. Returns `false`, changing nothing, when
    /// the changes reach beyond incidents and rallies (a place, source or organization names
    /// categories and colours): the index must then be built again.
    fn update(
        &mut self,
        dataset: &Dataset,
        changes: &[Change],
        keep_incident: &dyn Fn(&Incident) -> bool,
        keep_rally: &dyn Fn(&Rally) -> bool,
    ) -> bool;

    /// The figures.
    fn figures(&self) -> Self::Figures;
}
