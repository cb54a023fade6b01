//! Names of places and organizations as the interface's language writes them: the Korean name
//! in Korean where one is recorded (단둥, 신의주, 온성군), the English name otherwise.

use crate::i18n::{Language, language};
use crate::model::{Dataset, Id, Organization, Place, PlaceKind};

/// The name to show, from the English name and the Korean one (empty when not recorded).
pub fn localized<'a>(name: &'a str, name_ko: &'a str) -> &'a str {
    if language() == Language::Korean && !name_ko.trim().is_empty() { name_ko } else { name }
}

/// Both names, the interface's language first: "Dandong (단둥)", "단둥 (Dandong)".
pub fn both(name: &str, name_ko: &str) -> String {
    match (name_ko.trim().is_empty(), language()) {
        (true, _) => name.to_owned(),
        (false, Language::Korean) => format!("{name_ko} ({name})"),
        (false, Language::English) => format!("{name} ({name_ko})"),
    }
}

/// A place's name to show.
pub fn place(place: &Place) -> &str {
    localized(&place.name, &place.name_ko)
}

/// An organization's name to show.
pub fn organization(organization: &Organization) -> &str {
    localized(&organization.name, &organization.name_ko)
}

/// The name to show for a place by id; its id when it does not exist.
pub fn place_by_id(dataset: &Dataset, id: &Id) -> String {
    dataset.place(id).map_or_else(|| id.to_string(), |p| place(p).to_owned())
}

/// The name to show for an organization by id; its id when it does not exist.
pub fn organization_by_id(dataset: &Dataset, id: &Id) -> String {
    dataset.organization(id).map_or_else(|| id.to_string(), |o| organization(o).to_owned())
}

/// A category of a chart that is a place's or an organization's English name, or a province's
/// (the destinations of the people chart), shown in the interface's language.
pub fn category(dataset: &Dataset, name: &str) -> Option<String> {
    if language() != Language::Korean {
        return None;
    }
    let place = dataset.places.iter().find(|p| p.name == name).map(|p| p.name_ko.as_str());
    // A province (the charts' destinations) by the province place that bears its name.
    let province = || {
        let is_it =
            |p: &&Place| p.kind == PlaceKind::Province && p.province == name && !p.name_ko.trim().is_empty();
        dataset.places.iter().find(is_it).map(|p| p.name_ko.as_str())
    };
    let place = place.filter(|ko| !ko.trim().is_empty()).or_else(province);
    let organization = || dataset.organizations.iter().find(|o| o.name == name).map(|o| o.name_ko.as_str());
    place.or_else(organization).filter(|ko| !ko.trim().is_empty()).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::set_language;

    #[test]
    fn korean_names_come_first_in_korean() {
        set_language(Language::Korean);
        assert_eq!(localized("Dandong", "단둥"), "단둥");
        assert_eq!(localized("Shenyang", ""), "Shenyang", "no Korean name recorded");
        assert_eq!(both("Dandong", "단둥"), "단둥 (Dandong)");
        set_language(Language::English);
        assert_eq!(localized("Dandong", "단둥"), "Dandong");
        assert_eq!(both("Dandong", "단둥"), "Dandong (단둥)");
        assert_eq!(both("Shenyang", ""), "Shenyang");
    }
}
