//! The map's figures as CSV: one row per route (where people were sent from and to) and one per
//! venue of rallies, each with the places' coordinates, so the numbers behind the map can be
//! checked or drawn again elsewhere.

use std::path::Path;

use super::SaveError;
use super::atomic::write_atomically;
use crate::exchange::formula_safe;
use crate::model::{Dataset, Id, Place};
use crate::stats::MapFigures;

/// A place's point as longitude and latitude, when it has one (its own, or a gazetteer's).
pub type PointOf<'a> = &'a dyn Fn(&Place) -> Option<(f64, f64)>;

/// The columns of [`map_csv`]: a route's first place is where people were sent from, a
/// venue's is where its rallies were held.
const HEADER: [&str; 16] = [
    "kind",
    "place_id",
    "place",
    "latitude",
    "longitude",
    "to_place_id",
    "to_place",
    "to_latitude",
    "to_longitude",
    "incidents",
    "people_low",
    "people_best",
    "people_high",
    "rallies",
    "attendance_best",
    "first_records",
];

/// Writes the map's figures as CSV ([`map_csv`]), atomically.
pub fn export_map_csv(
    figures: &MapFigures,
    dataset: &Dataset,
    point_of: PointOf<'_>,
    path: &Path,
) -> Result<(), SaveError> {
    write_atomically(path, map_csv(figures, dataset, point_of).as_bytes(), false)
}

/// The map's routes then its venues, with the places' names and coordinates (empty when a place
/// is unknown or has none) and the first records counted on each.
pub fn map_csv(figures: &MapFigures, dataset: &Dataset, point_of: PointOf<'_>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail, and every row has the header's length.
    let _ = writer.write_record(HEADER);
    for flow in &figures.flows {
        let mut row = vec!["route".to_owned()];
        row.extend(place_cells(dataset, flow.route.from.as_ref(), point_of));
        row.extend(place_cells(dataset, flow.route.to.as_ref(), point_of));
        row.extend([
            flow.incidents.to_string(),
            format!("{:.1}", flow.people.low),
            format!("{:.1}", flow.people.best),
            flow.people.high.map_or_else(String::new, |high| format!("{high:.1}")),
            String::new(),
            String::new(),
            ids(&flow.records),
        ]);
        let _ = writer.write_record(&row);
    }
    for venue in &figures.venues {
        let mut row = vec!["venue".to_owned()];
        row.extend(place_cells(dataset, venue.place.as_ref(), point_of));
        row.extend(place_cells(dataset, None, point_of));
        row.extend([String::new(), String::new(), String::new(), String::new()]);
        row.extend([venue.rallies.to_string(), format!("{:.1}", venue.attendance), ids(&venue.records)]);
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A place's id, name, latitude and longitude.
fn place_cells(dataset: &Dataset, id: Option<&Id>, point_of: PointOf<'_>) -> [String; 4] {
    let Some(id) = id else { return Default::default() };
    let place = dataset.place(id);
    let name =
        place.map_or("", |place| if place.name.trim().is_empty() { &place.name_ko } else { &place.name });
    let point = place.and_then(point_of);
    let coordinate = |value: Option<f64>| value.map_or_else(String::new, |value| format!("{value:.5}"));
    [
        formula_safe(id.as_str()),
        formula_safe(name),
        coordinate(point.map(|(_, latitude)| latitude)),
        coordinate(point.map(|(longitude, _)| longitude)),
    ]
}

fn ids(records: &[Id]) -> String {
    formula_safe(&records.iter().map(Id::as_str).collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::{FollowsEdits, MapIndex, Pick};

    fn sample() -> Dataset {
        crate::store::from_ron(crate::store::SAMPLE_RON.as_bytes(), Path::new("sample.ron"))
            .expect("the sample reads")
    }

    fn sample_rows(point_of: PointOf<'_>) -> Vec<csv::StringRecord> {
        let dataset = sample();
        let figures = MapIndex::build(&dataset, &Pick::Preferred, &|_| true, &|_| true).figures();
        let text = map_csv(&figures, &dataset, point_of);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(reader.headers().expect("a header").iter().collect::<Vec<_>>(), HEADER.to_vec());
        let rows: Vec<csv::StringRecord> = reader.records().map(|row| row.expect("a row")).collect();
        assert_eq!(rows.len(), figures.flows.len() + figures.venues.len());
        rows
    }

    #[test]
    fn routes_and_venues_come_with_their_places_and_figures() {
        let point_of = |place: &Place| Some((place.longitude?, place.latitude?));
        let rows = sample_rows(&point_of);
        let dataset = sample();
        let figures = MapIndex::build(&dataset, &Pick::Preferred, &|_| true, &|_| true).figures();
        for (row, flow) in rows.iter().zip(&figures.flows) {
            assert_eq!(&row[0], "route");
            assert_eq!(&row[1], flow.route.from.as_ref().map_or("", Id::as_str));
            assert_eq!(&row[5], flow.route.to.as_ref().map_or("", Id::as_str));
            assert_eq!(row[9].parse::<usize>().ok(), Some(flow.incidents));
            assert_eq!(row[11].parse::<f64>().ok(), Some((flow.people.best * 10.0).round() / 10.0));
            assert!(row[15].starts_with(flow.records[0].as_str()));
        }
        for (row, venue) in rows[figures.flows.len()..].iter().zip(&figures.venues) {
            assert_eq!(&row[0], "venue");
            assert_eq!(row[13].parse::<usize>().ok(), Some(venue.rallies));
            assert!(row[9].is_empty() && row[5].is_empty());
            let place = venue.place.as_ref().and_then(|id| dataset.place(id));
            let latitude = place.and_then(|place| place.latitude);
            assert_eq!(
                row[3].parse::<f64>().ok().map(|l| (l * 1e4).round()),
                latitude.map(|l| (l * 1e4).round())
            );
        }
    }

    #[test]
    fn a_place_with_no_point_has_empty_coordinates_and_keeps_its_figures() {
        let rows = sample_rows(&|_| None);
        assert!(rows.iter().all(|row| row[3].is_empty() && row[4].is_empty() && row[7].is_empty()));
        assert!(rows.iter().any(|row| &row[0] == "route" && !row[2].is_empty() && !row[11].is_empty()));
    }
}
