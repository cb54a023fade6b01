//! Rallies: protests, press conferences, vigils and open letters against forced repatriation.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::choice::choice_enum;
use super::{DateSpec, Id, SourcedEstimate, preferred_estimate};

choice_enum! {
    /// What form a rally took.
    pub enum RallyKind {
        /// A rally or demonstration.
        #[default]
        Rally => "rally",
        /// A press conference.
        PressConference => "press conference",
        /// A vigil.
        Vigil => "vigil",
        /// A march.
        March => "march",
        /// An open letter.
        OpenLetter => "open letter",
        /// One person protesting alone.
        OnePersonProtest => "one-person protest",
        /// Anything else.
        Other => "other",
    }
}

/// A public action against forced repatriation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rally {
    /// Stable identifier.
    pub id: Id,
    /// The forms it took (a rally and a press conference, say).
    #[serde(default)]
    pub kinds: Vec<RallyKind>,
    /// A short title.
    #[serde(default)]
    pub title: String,
    /// When it was held, as the sources said.
    #[serde(default)]
    pub date: DateSpec,
    /// Where it was held (the venue, which names its city and country).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Id>,
    /// Who organized it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizers: Vec<Id>,
    /// How many attended, by each source; one is preferred.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendance: Vec<SourcedEstimate>,
    /// Whom its demands were aimed at ("Chinese President Xi Jinping").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target: String,
    /// What it demanded, one demand an entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demands: Vec<String>,
    /// The occasion or campaign ("North Korea Freedom Week 2023").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub occasion: String,
    /// The incidents it responds to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responds_to: Vec<Id>,
    /// The sources that report it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Id>,
    /// Anything else worth knowing.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Whether the record is confidential: left out of every copy shared (`share`).
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub confidential: bool,
    /// Whether its personal details (its notes) are confidential: withheld from copies shared.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub confidential_details: bool,
    /// When the record was created.
    #[serde(default)]
    pub created: Timestamp,
    /// When the record was last changed.
    #[serde(default)]
    pub updated: Timestamp,
}

impl Rally {
    /// The attendance estimate charts use: the preferred one, else the first.
    pub fn preferred_attendance(&self) -> Option<&SourcedEstimate> {
        preferred_estimate(&self.attendance)
    }
}
