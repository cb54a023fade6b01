//! Places: where people were held, sent, and where rallies were held.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::Id;
use super::choice::choice_enum;

choice_enum! {
    /// What kind of place this is.
    pub enum PlaceKind {
        /// A detention centre or prison.
        DetentionCentre => "detention centre",
        /// A border crossing, bridge or customs post.
        BorderCrossing => "border crossing",
        /// A city or town.
        #[default]
        City => "city",
        /// A county or district.
        County => "county",
        /// A province or state.
        Province => "province",
        /// An embassy or consulate.
        Embassy => "embassy",
        /// A plaza, square or park.
        Plaza => "plaza",
        /// A building or landmark.
        Building => "building",
        /// Anything else.
        Other => "other",
    }
}

/// A place named in a source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Stable identifier.
    pub id: Id,
    /// The name in English, as the sources write it.
    #[serde(default)]
    pub name: String,
    /// The name in Korean (단둥, 신의주).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_ko: String,
    /// The name in Chinese (丹东).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_zh: String,
    /// What kind of place this is.
    #[serde(default)]
    pub kind: PlaceKind,
    /// The country, as an ISO 3166 code: `CN`, `KP`, `KR`, `US`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
    /// The province, state or other first-level area ("Liaoning", "Yanggang").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub province: String,
    /// The city or county it is in ("Seoul", "New York").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub city: String,
    /// Latitude in degrees (WGS 84), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// Longitude in degrees (WGS 84), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// Anything else worth knowing about the place.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// When the record was created.
    #[serde(default)]
    pub created: Timestamp,
    /// When the record was last changed.
    #[serde(default)]
    pub updated: Timestamp,
}
