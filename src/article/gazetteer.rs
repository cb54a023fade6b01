//! The bundled gazetteer (`assets/gazetteer.csv`): the places the users meet, with their names
//! in English, Korean and Chinese, kind, country, province and coordinates, so that an article
//! naming "단둥" or "Dandong" finds the same place, and a new place gets its names and point
//! without typing them. `assets/gazetteer.md` says where each came from.

use super::organizations::ListedOrganization;
use crate::model::{Place, PlaceKind};

/// The gazetteer's text, compiled in.
const GAZETTEER_CSV: &str = include_str!("../../assets/gazetteer.csv");

/// The places of the gazetteer.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    organizations: Vec<ListedOrganization>,
}

impl Gazetteer {
    /// The gazetteer bundled with the app.
    pub fn bundled() -> Self {
        Self { organizations: super::organizations::bundled(), ..Self::from_csv(GAZETTEER_CSV) }
    }

    /// The places of a gazetteer in the bundled layout (a header, then `name, name_ko, name_zh,
    /// kind, country, province, city, latitude, longitude, source`); rows that cannot be read
    /// are left out.
    pub fn from_csv(text: &str) -> Self {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let places = reader.records().filter_map(Result::ok).filter_map(|row| place_of(&row)).collect();
        Self { places, organizations: Vec::new() }
    }

    /// The organizations the list bundled with it names (`assets/organizations.csv`).
    pub fn organizations(&self) -> &[ListedOrganization] {
        &self.organizations
    }

    /// Every place, in the file's order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place any of whose names is `name` (English without regard to case, Korean and
    /// Chinese as written; "Province" and "성", "도" may be left off).
    pub fn find(&self, name: &str) -> Option<&Place> {
        let wanted = name.trim();
        self.places.iter().find(|place| names_of(place).any(|known| same_name(known, wanted)))
    }
}

/// A place's names, in every language it has.
pub fn names_of(place: &Place) -> impl Iterator<Item = &str> {
    [place.name.as_str(), place.name_ko.as_str(), place.name_zh.as_str()]
        .into_iter()
        .filter(|n| !n.is_empty())
}

/// Whether two names name the same place: the same letters without regard to case, or the same
/// but for a trailing " Province", "성" or "도".
fn same_name(known: &str, wanted: &str) -> bool {
    let bare = |name: &str| {
        let name = name.trim();
        let lower = name.to_lowercase();
        lower.strip_suffix(" province").map_or(lower.clone(), str::to_owned)
    };
    known.eq_ignore_ascii_case(wanted) || bare(known) == bare(wanted)
}

fn place_of(row: &csv::StringRecord) -> Option<Place> {
    let cell = |index: usize| row.get(index).unwrap_or("").trim().to_owned();
    let name = cell(0);
    if name.is_empty() {
        return None;
    }
    let number = |index: usize| cell(index).parse::<f64>().ok();
    Some(Place {
        name,
        name_ko: cell(1),
        name_zh: cell(2),
        kind: PlaceKind::from_name(&cell(3)).unwrap_or_default(),
        country: cell(4),
        province: cell(5),
        city: cell(6),
        latitude: number(7),
        longitude: number(8),
        ..Place::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_gazetteer_names_the_border_cities_in_three_languages() {
        let gazetteer = Gazetteer::bundled();
        assert!(gazetteer.places().len() > 60);
        for name in ["Dandong", "단둥", "丹东", "dandong"] {
            let place = gazetteer.find(name).unwrap_or_else(|| panic!("{name} is found"));
            assert_eq!((place.name.as_str(), place.country.as_str()), ("Dandong", "CN"));
            assert!(place.latitude.is_some_and(|lat| (40.0..40.3).contains(&lat)), "{place:?}");
        }
        let hyesan = gazetteer.find("혜산").expect("Hyesan");
        assert_eq!((hyesan.name.as_str(), hyesan.province.as_str()), ("Hyesan", "Yanggang"));
        assert_eq!(gazetteer.find("Yanggang").map(|p| p.kind), Some(PlaceKind::Province));
        assert_eq!(gazetteer.find("Chinese Embassy in Seoul").map(|p| p.kind), Some(PlaceKind::Embassy));
        assert!(gazetteer.find("Atlantis").is_none());
    }

    #[test]
    fn every_row_of_the_bundled_gazetteer_is_read() {
        let rows = GAZETTEER_CSV.lines().skip(1).filter(|line| !line.trim().is_empty()).count();
        let gazetteer = Gazetteer::bundled();
        assert_eq!(gazetteer.places().len(), rows);
        for place in gazetteer.places() {
            assert!(!place.name_ko.is_empty(), "{} has its Korean name", place.name);
            assert!(place.latitude.is_some() && place.longitude.is_some(), "{} has its point", place.name);
            assert!(!place.country.is_empty(), "{} has its country", place.name);
        }
    }
}
