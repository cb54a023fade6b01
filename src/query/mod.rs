//! Which records the tables and charts show, and how they are found and sorted: the filters,
//! each kind's columns (text, sort keys, facets) and the search text. No egui here, so the
//! statistics, the app and the tests use it alike.

pub mod columns;
pub mod filters;
pub mod names;
pub mod search_text;

pub use columns::{Facets, TableRecord, kind_label, kind_names};
pub use filters::Filters;
pub use search_text::SearchText;

/// Runs `$body` with `$R` standing for the record type of `$kind` (`Incident` for
/// `RecordKind::Incident`, and so on): the one match that code generic over the kinds of record
/// needs to pick its type.
macro_rules! with_record_type {
    ($kind:expr, $R:ident => $body:expr) => {
        match $kind {
            $crate::model::RecordKind::Incident => {
                type $R = $crate::model::Incident;
                $body
            }
            $crate::model::RecordKind::Rally => {
                type $R = $crate::model::Rally;
                $body
            }
            $crate::model::RecordKind::Source => {
                type $R = $crate::model::Source;
                $body
            }
            $crate::model::RecordKind::Place => {
                type $R = $crate::model::Place;
                $body
            }
            $crate::model::RecordKind::Organization => {
                type $R = $crate::model::Organization;
                $body
            }
        }
    };
}
pub(crate) use with_record_type;
