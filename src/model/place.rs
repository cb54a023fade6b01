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

impl PlaceKind {
    /// The kind a place's name says it is, in English or Korean ("Onsong County", "양강도",
    /// "Baiyin Detention Center", "주한 중국대사관"); a city when the name does not say.
    pub fn guessed_from_name(name: &str) -> Self {
        const BY_WORDS: &[(&[&str], PlaceKind)] = &[
            (
                &["detention", "prison", "jail", "camp", "구치소", "수용소", "교도소", "감옥"],
                PlaceKind::DetentionCentre,
            ),
            (&["embassy", "consulate", "대사관", "영사관"], PlaceKind::Embassy),
            (
                &["bridge", "crossing", "customs", "border post", "세관", "다리", "대교"],
                PlaceKind::BorderCrossing,
            ),
            (&["county", "district"], PlaceKind::County),
            (&["province", "prefecture", "state of"], PlaceKind::Province),
            (&["plaza", "square", "park", "광장", "공원"], PlaceKind::Plaza),
            (
                &["building", "office", "hall", "center", "centre", "우체국", "청사", "회관"],
                PlaceKind::Building,
            ),
        ];
        let lower = name.trim().to_lowercase();
        if let Some((_, kind)) = BY_WORDS.iter().find(|(words, _)| words.iter().any(|w| lower.contains(w))) {
            return *kind;
        }
        // Korean administrative endings: 온성군 (county), 양강도 (province), 길림성 (province).
        match lower.chars().last() {
            Some('군' | '구') if lower.chars().count() > 1 => Self::County,
            Some('도' | '성') if lower.chars().count() > 1 => Self::Province,
            _ => Self::City,
        }
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

#[cfg(test)]
mod guess_tests {
    use super::PlaceKind;

    #[test]
    fn a_place_s_kind_is_guessed_from_its_name() {
        for (name, kind) in [
            ("Onsong County", PlaceKind::County),
            ("온성군", PlaceKind::County),
            ("Yanggang Province", PlaceKind::Province),
            ("양강도", PlaceKind::Province),
            ("Baiyin Detention Center", PlaceKind::DetentionCentre),
            ("바이인 구치소", PlaceKind::DetentionCentre),
            ("Chinese Embassy in Seoul", PlaceKind::Embassy),
            ("Sino-Korean Friendship Bridge", PlaceKind::BorderCrossing),
            ("Dag Hammarskjold Plaza", PlaceKind::Plaza),
            ("Seoul Central Post Office", PlaceKind::Building),
            ("Dandong", PlaceKind::City),
            ("단둥", PlaceKind::City),
        ] {
            assert_eq!(PlaceKind::guessed_from_name(name), kind, "{name}");
        }
    }
}
