//! The records of a dataset, their values and their validation.
//!
//! This module knows nothing of egui and touches no files: it is the plain data that the store
//! reads and writes and the screens show.

mod choice;
mod count;
mod dataset;
mod date;
mod id;
mod incident;
mod legs;
mod organization;
pub mod parallel;
mod period;
mod place;
mod problem;
mod problem_index;
mod rally;
mod source;
mod validate;

pub use choice::Choice;
pub use count::{CountEstimate, CountQualifier, SourcedEstimate, preferred_estimate};
pub use dataset::{
    CURRENT_VERSION, Conflicts, Dataset, DeletedRecord, FORMAT_TAG, Record, RecordKind, find_by_id, position,
};
pub use date::{DatePrecision, DateSpec, PeriodPart, days_between};
pub use id::Id;
pub use incident::{Incident, IncidentKind, IncidentStatus};
pub use legs::LegIndex;
pub use organization::{Organization, OrganizationKind};
pub use period::Period;
pub use place::{Place, PlaceKind};
pub use problem::{Problem, ProblemMessage, has_errors};
pub use problem_index::{Change, ProblemIndex, Touched};
pub use rally::{Rally, RallyKind};
pub use source::{Reliability, Source, SourceKind};
pub use validate::{validate, validate_incident, validate_other, validate_rally};

/// Whether a flag is off: such flags are left out of the file (older files load unchanged).
#[allow(clippy::trivially_copy_pass_by_ref)]
pub(crate) fn is_false(flag: &bool) -> bool {
    !*flag
}
