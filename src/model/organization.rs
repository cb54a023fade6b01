//! Organizations: who organized rallies, who reported, who confirmed.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::Id;
use super::choice::choice_enum;

choice_enum! {
    /// What kind of organization this is.
    pub enum OrganizationKind {
        /// A non-governmental organization or civic group.
        #[default]
        Ngo => "NGO",
        /// An association of lawyers.
        LawyersAssociation => "lawyers' association",
        /// A church or other religious group.
        ReligiousGroup => "religious group",
        /// A community or diaspora association.
        CommunityGroup => "community group",
        /// A government or one of its bodies.
        GovernmentBody => "government body",
        /// A United Nations body or other intergovernmental body.
        UnBody => "UN body",
        /// A news organization.
        Media => "media",
        /// Anything else.
        Other => "other",
    }
}

/// An organization named in a source.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Stable identifier.
    pub id: Id,
    /// The name in English.
    #[serde(default)]
    pub name: String,
    /// The name in Korean (한변).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_ko: String,
    /// What kind of organization this is.
    #[serde(default)]
    pub kind: OrganizationKind,
    /// The country it is based in, as an ISO 3166 code.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
    /// Anything else worth knowing about it.
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
