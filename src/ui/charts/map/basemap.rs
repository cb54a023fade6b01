//! The map's outlines: countries, borders, rivers, and the cities and provinces named for
//! reference, read from `assets/map/ne-asia.json` (Natural Earth, public domain, cut and
//! simplified by `scripts/make_map.py`), projected once and the countries triangulated for
//! filling (`earcutr`).

use std::sync::OnceLock;

use serde::Deserialize;

use crate::i18n::{Language, language};

/// The outlines' text, compiled in.
const MAP_JSON: &str = include_str!("../../../../assets/map/ne-asia.json");

/// A point in the map's projection: x east, y south (as on screen), in radians of Mercator.
pub type Projected = [f32; 2];

/// Longitude and latitude in degrees to the map's projection (spherical Mercator); screen
/// points need no more than `f32`'s precision.
#[allow(clippy::cast_possible_truncation)]
pub fn project(longitude: f64, latitude: f64) -> Projected {
    let latitude = latitude.clamp(-85.0, 85.0).to_radians();
    let y = (std::f64::consts::FRAC_PI_4 + latitude / 2.0).tan().ln();
    [longitude.to_radians() as f32, -y as f32]
}

/// The box the map opens on: the border, both Koreas and north-east China (longitude
/// 115–135.5 E, latitude 33–46.5 N), projected: west-north and east-south corners.
pub fn opening_box() -> (Projected, Projected) {
    (project(115.0, 46.5), project(135.5, 33.0))
}

/// The outlines' frame, projected: west-north and east-south corners.
pub fn frame_box() -> (Projected, Projected) {
    let [west, south, east, north] = basemap().frame;
    (project(west, north), project(east, south))
}

/// Whether a point is within the outlines' frame: drawn on the map itself rather than in an
/// inset.
pub fn on_the_map(longitude: f64, latitude: f64) -> bool {
    let [west, south, east, north] = basemap().frame;
    (west..=east).contains(&longitude) && (south..=north).contains(&latitude)
}

/// A name in English and Korean.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Names {
    /// In English.
    pub en: String,
    /// In Korean.
    pub ko: String,
}

impl Names {
    /// The name in the interface's language.
    pub fn shown(&self) -> &str {
        if language() == Language::Korean && !self.ko.is_empty() { &self.ko } else { &self.en }
    }
}

/// A country: its fill as triangles and its name's place.
pub struct Country {
    /// Its ISO code.
    pub iso: String,
    /// Its name.
    pub names: Names,
    /// Where its name is written.
    pub label: Projected,
    /// The fill's points.
    pub points: Vec<Projected>,
    /// The fill's triangles, three indices into `points` each.
    pub triangles: Vec<u32>,
    /// Its coastline and borders, ring by ring.
    pub rings: Vec<Vec<Projected>>,
}

/// A border between countries.
pub struct Border {
    /// Whether it is the China–North Korea border (drawn stronger).
    pub china_north_korea: bool,
    /// Whether it is the 1953 military demarcation line (drawn dashed).
    pub demarcation: bool,
    /// Its lines.
    pub lines: Vec<Vec<Projected>>,
}

/// A river.
pub struct River {
    /// Its name.
    pub names: Names,
    /// Where its name is written, for the few named.
    pub label: Option<Projected>,
    /// Its lines.
    pub lines: Vec<Vec<Projected>>,
}

/// A city or province named for reference.
pub struct Landmark {
    /// Its name.
    pub names: Names,
    /// Where it is.
    pub point: Projected,
    /// Whether it is a capital (written stronger).
    pub capital: bool,
    /// Whether it is named only when the map is zoomed in.
    pub minor: bool,
}

/// Everything the map draws beneath the records.
pub struct Basemap {
    /// The frame the outlines were cut to: west, south, east, north in degrees.
    pub frame: [f64; 4],
    /// The countries, in the file's order.
    pub countries: Vec<Country>,
    /// The borders.
    pub borders: Vec<Border>,
    /// The rivers.
    pub rivers: Vec<River>,
    /// Cities named for reference, the largest first.
    pub cities: Vec<Landmark>,
    /// Provinces named when zoomed in.
    pub provinces: Vec<Landmark>,
    /// Cities far from the map named in Korean (the insets' titles).
    pub far_cities: Vec<Names>,
}

/// The outlines bundled with the app, read and triangulated once.
pub fn basemap() -> &'static Basemap {
    static BASEMAP: OnceLock<Basemap> = OnceLock::new();
    BASEMAP.get_or_init(|| read(MAP_JSON).unwrap_or_else(|_| Basemap::empty()))
}

impl Basemap {
    fn empty() -> Self {
        Self {
            frame: [103.0, 26.0, 147.0, 54.0],
            countries: Vec::new(),
            borders: Vec::new(),
            rivers: Vec::new(),
            cities: Vec::new(),
            provinces: Vec::new(),
            far_cities: Vec::new(),
        }
    }

    /// The Korean name of a far city named in English ("New York" → "뉴욕"), if known.
    pub fn far_city_in_korean(&self, english: &str) -> Option<&str> {
        let wanted = english.trim();
        self.far_cities.iter().find(|c| c.en.eq_ignore_ascii_case(wanted)).map(|c| c.ko.as_str())
    }
}

type Ring = Vec<[f64; 2]>;

#[derive(Deserialize)]
struct FileCountry {
    iso: String,
    #[serde(flatten)]
    names: Names,
    label: [f64; 2],
    polygons: Vec<Vec<Ring>>,
}

#[derive(Deserialize)]
struct FileBorder {
    kind: String,
    china_north_korea: bool,
    lines: Vec<Ring>,
}

#[derive(Deserialize)]
struct FileRiver {
    #[serde(flatten)]
    names: Names,
    label: Option<[f64; 2]>,
    lines: Vec<Ring>,
}

#[derive(Deserialize)]
struct FileLandmark {
    #[serde(flatten)]
    names: Names,
    point: [f64; 2],
    #[serde(default)]
    capital: bool,
    #[serde(default)]
    minor: bool,
}

#[derive(Deserialize)]
struct FileMap {
    frame: [f64; 4],
    countries: Vec<FileCountry>,
    borders: Vec<FileBorder>,
    rivers: Vec<FileRiver>,
    cities: Vec<FileLandmark>,
    provinces: Vec<FileLandmark>,
    #[serde(default)]
    far_cities: Vec<Names>,
}

/// Reads outlines in the layout `scripts/make_map.py` writes.
fn read(text: &str) -> Result<Basemap, serde_json::Error> {
    let file: FileMap = serde_json::from_str(text)?;
    let line = |points: &Ring| points.iter().map(|&[x, y]| project(x, y)).collect::<Vec<_>>();
    let landmark = |l: FileLandmark| Landmark {
        names: l.names,
        point: project(l.point[0], l.point[1]),
        capital: l.capital,
        minor: l.minor,
    };
    Ok(Basemap {
        frame: file.frame,
        countries: file.countries.into_iter().map(|c| country(c, &line)).collect(),
        borders: file
            .borders
            .into_iter()
            .map(|b| Border {
                china_north_korea: b.china_north_korea,
                demarcation: b.kind == "demarcation",
                lines: b.lines.iter().map(line).collect(),
            })
            .collect(),
        rivers: file
            .rivers
            .into_iter()
            .map(|r| River {
                names: r.names,
                label: r.label.map(|[x, y]| project(x, y)),
                lines: r.lines.iter().map(line).collect(),
            })
            .collect(),
        cities: file.cities.into_iter().map(landmark).collect(),
        provinces: file.provinces.into_iter().map(landmark).collect(),
        far_cities: file.far_cities,
    })
}

/// A country with its polygons triangulated; a polygon earcut cannot fill is outlined only.
/// (Its points are a few hundred: their indices fit in a `u32`.)
#[allow(clippy::cast_possible_truncation)]
fn country(file: FileCountry, line: &dyn Fn(&Ring) -> Vec<Projected>) -> Country {
    let mut points: Vec<Projected> = Vec::new();
    let mut triangles = Vec::new();
    let mut rings = Vec::new();
    for polygon in &file.polygons {
        let projected: Vec<Vec<Projected>> = polygon.iter().map(line).collect();
        let mut flat = Vec::new();
        let mut holes = Vec::new();
        for (index, ring) in projected.iter().enumerate() {
            if index > 0 {
                holes.push(flat.len() / 2);
            }
            flat.extend(ring.iter().flat_map(|&[x, y]| [f64::from(x), f64::from(y)]));
        }
        if let Ok(found) = earcutr::earcut(&flat, &holes, 2) {
            let offset = points.len() as u32;
            triangles.extend(found.into_iter().map(|i| offset + i as u32));
            points.extend(projected.iter().flatten().copied());
        }
        rings.extend(projected);
    }
    Country {
        iso: file.iso,
        names: file.names,
        label: project(file.label[0], file.label[1]),
        points,
        triangles,
        rings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_outlines_hold_the_border_and_its_rivers() {
        let map = read(MAP_JSON).expect("the bundled outlines read");
        let isos: Vec<&str> = map.countries.iter().map(|c| c.iso.as_str()).collect();
        for iso in ["CN", "KP", "KR", "RU", "JP"] {
            assert!(isos.contains(&iso), "{iso} in {isos:?}");
        }
        for country in &map.countries {
            assert!(!country.triangles.is_empty(), "{} is filled", country.iso);
            assert_eq!(country.triangles.len() % 3, 0);
            assert!(country.triangles.iter().all(|&i| (i as usize) < country.points.len()));
        }
        let border = map.borders.iter().find(|b| b.china_north_korea).expect("the China–North Korea border");
        assert!(border.lines.iter().map(Vec::len).sum::<usize>() > 100, "drawn in detail");
        for river in ["Yalu", "Tumen"] {
            let found = map.rivers.iter().find(|r| r.names.en == river).expect("the border rivers");
            assert!(found.label.is_some() && !found.names.ko.is_empty(), "{river} is named");
        }
        assert!(map.cities.iter().any(|c| c.names.en == "Seoul" && c.names.ko == "서울" && c.capital));
        assert_eq!(map.far_city_in_korean("new york"), Some("뉴욕"));
    }

    #[test]
    fn the_projection_keeps_north_up_and_east_right() {
        let dandong = project(124.39, 40.13);
        let seoul = project(126.98, 37.57);
        assert!(seoul[0] > dandong[0], "Seoul lies east of Dandong");
        assert!(seoul[1] > dandong[1], "and south of it, lower on the screen");
        assert!(on_the_map(124.39, 40.13) && !on_the_map(-73.97, 40.75));
    }
}
