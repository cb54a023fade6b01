//! Incidents: people detained, sent back across the border, released.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::choice::choice_enum;
use super::{DateSpec, Id, SourcedEstimate, preferred_estimate};

choice_enum! {
    /// What happened to the people in an incident.
    pub enum IncidentKind {
        /// Sent back to North Korea against their will (refoulement).
        #[default]
        ForcedRepatriation => "forced repatriation",
        /// Held in a detention centre or prison.
        Detention => "detention",
        /// Caught by police or border guards.
        Arrest => "arrest",
        /// Set free or allowed to leave.
        Release => "release",
        /// Anything else.
        Other => "other",
    }
}

choice_enum! {
    /// How well an incident is established.
    pub enum IncidentStatus {
        /// Reported by one source, not confirmed.
        #[default]
        Reported => "reported",
        /// Reported by several independent sources.
        Corroborated => "corroborated",
        /// Confirmed by an authority or by direct evidence.
        Confirmed => "confirmed",
        /// Reported, but denied or contradicted.
        Disputed => "disputed",
    }
}

/// Something that happened to North Korean escapees: a forced repatriation, a detention…
///
/// A large report ("at least 95 over four occasions") is one incident whose parts, the legs, are
/// incidents of their own with `parent` set to it. Charts count the legs instead of the parent,
/// never both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// Stable identifier.
    pub id: Id,
    /// What happened.
    #[serde(default)]
    pub kind: IncidentKind,
    /// How well it is established.
    #[serde(default)]
    pub status: IncidentStatus,
    /// A short title.
    #[serde(default)]
    pub title: String,
    /// When it happened, as the sources said.
    #[serde(default)]
    pub date: DateSpec,
    /// How many people, by each source; one is preferred.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub estimates: Vec<SourcedEstimate>,
    /// Where they were sent or taken from (usually in China).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_place: Option<Id>,
    /// Where they were sent (usually in North Korea).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_place: Option<Id>,
    /// The larger incident this is a leg of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// Who the people were ("mostly women", "a nine-year-old girl").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub people_involved: String,
    /// The authorities involved (Chinese police, North Korean officials).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub authorities: String,
    /// What it followed or coincided with ("after the Asian Games").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub context: String,
    /// The sources that report it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
    /// Anything else: what was confirmed, where an exact date came from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Whether the record is confidential: left out of every copy shared (`share`).
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub confidential: bool,
    /// Whether its personal details (its people involved, authorities and notes) are confidential: withheld from copies shared.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub confidential_details: bool,
    /// When the record was created.
    #[serde(default)]
    pub created: Timestamp,
    /// When the record was last changed.
    #[serde(default)]
    pub updated: Timestamp,
}

impl Incident {
    /// The estimate charts use: the preferred one, else the first.
    pub fn preferred_estimate(&self) -> Option<&SourcedEstimate> {
        preferred_estimate(&self.estimates)
    }
}
