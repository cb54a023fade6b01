//! Aggregation for charts and for `repatriation-watch stats`: pure functions of a dataset.
//!
//! The rules, which the charts and the command line share:
//! - People are those forcibly repatriated, at each incident's preferred estimate.
//! - An incident with legs is counted through its legs, never as well as them; what the parent
//!   reports beyond its legs (its total minus theirs) is counted over the parent's dates.
//! - A record whose dates span several months is spread over them by days.
//! - A month's high figure is unknown (`None`) when any estimate in it is open-ended.
//! - Records with no known date are left out, since they cannot be placed.

mod breakdown;
mod breakdown_index;
mod follows;
mod left_out;
mod map;
mod map_index;
mod members;
mod monthly;
mod series;
mod series_index;
mod span_lookup;
mod timeline;
mod timeline_index;

pub use crate::model::Period;
pub use breakdown::{BreakdownBy, Slice, breakdown};
pub use breakdown_index::BreakdownIndex;
pub use follows::FollowsEdits;
pub use left_out::LeftOut;
pub use map::{Flow, MapFigures, Route, Venue, incident_words, rally_words};
pub use map_index::MapIndex;
pub use monthly::{MonthRow, monthly, monthly_csv};
pub use series::{
    BEYOND_LEGS, Bucket, ColourBy, Contribution, Figure, Pick, RECORDS_KEPT, SeriesOptions, Spanning, picked,
    series,
};
pub use series_index::SeriesIndex;
pub use span_lookup::{Ordered, SpanLookup};
pub use timeline::{MOST_DRAWN, Timeline, TimelineIncident, TimelineRally, timeline};
pub use timeline_index::{TimelineFigures, TimelineIndex, day_number};
