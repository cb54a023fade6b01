//! The map's figures put in places: each place with its point (its own latitude and longitude,
//! else the gazetteer's for a place it knows by name), what happened there, and the records
//! whose places have no point, counted and listed rather than dropped.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::basemap::{basemap, on_the_map};
use crate::article::Gazetteer;
use crate::i18n::{Language, language};
use crate::model::{Dataset, Id, Place};
use crate::stats::{Figure, MapFigures};

/// A place on the map with what the records say happened there.
#[derive(Clone, Debug, PartialEq)]
pub struct MapPlace {
    /// The place.
    pub id: Id,
    /// Its name in the interface's language.
    pub name: String,
    /// Longitude and latitude.
    pub point: (f64, f64),
    /// For a place beyond the map's outlines (New York, Geneva): the inset it is drawn in.
    pub inset: Option<String>,
    /// People sent from or to it.
    pub people: Figure,
    /// Incidents naming it as where people were sent from or to.
    pub incidents: usize,
    /// Rallies held there.
    pub rallies: usize,
    /// Their attendance.
    pub attendance: f64,
}

/// A place named by records that has no point: listed with how many records name it.
#[derive(Clone, Debug, PartialEq)]
pub struct Unplaced {
    /// The place.
    pub id: Id,
    /// Its name.
    pub name: String,
    /// The incidents and rallies that name it.
    pub records: usize,
}

/// The map's figures in places.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Located {
    /// Every place with a point that the figures name, in id order.
    pub places: Vec<MapPlace>,
    /// The flows drawn: the figures' index of the flow, and its two ends' indices in `places`.
    pub flows: Vec<(usize, usize, usize)>,
    /// The places named that have no point, the most named first.
    pub unplaced: Vec<Unplaced>,
    /// Incidents and rallies naming a place with no point (not drawn, or drawn at one end only).
    pub records_unplaced: usize,
    /// Incidents with neither place, and rallies with no place, recorded.
    pub records_without_place: usize,
}

impl Located {
    /// The index in `places` of a place.
    pub fn place_index(&self, id: &Id) -> Option<usize> {
        self.places.binary_search_by(|p| p.id.cmp(id)).ok()
    }
}

/// The gazetteer the map takes points from, for places entered without them.
fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::bundled)
}

/// A place's point: its own latitude and longitude when both are set and sound, else the
/// gazetteer's for a place of that name.
pub fn point_of(place: &Place) -> Option<(f64, f64)> {
    let sound = |lat: f64, lon: f64| (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon);
    if let (Some(lat), Some(lon)) = (place.latitude, place.longitude) {
        return sound(lat, lon).then_some((lon, lat));
    }
    [place.name.as_str(), place.name_ko.as_str()]
        .into_iter()
        .filter(|name| !name.trim().is_empty())
        .find_map(|name| gazetteer().find(name))
        .and_then(|known| Some((known.longitude?, known.latitude?)))
}

/// The figures in places.
pub fn locate(dataset: &Dataset, figures: &MapFigures) -> Located {
    let mut placed: FxHashMap<Id, Option<MapPlace>> = FxHashMap::default();
    let named_ids = figures.flows.iter().flat_map(|f| f.route.from.iter().chain(&f.route.to));
    for id in named_ids.chain(figures.venues.iter().filter_map(|v| v.place.as_ref())) {
        if !placed.contains_key(id) {
            placed.insert(id.clone(), new_place(dataset, id));
        }
    }
    let mut unplaced: FxHashMap<Id, usize> = FxHashMap::default();
    let mut located = Located::default();
    for flow in &figures.flows {
        let ends: Vec<&Id> = flow.route.from.iter().chain(&flow.route.to).collect();
        if ends.is_empty() {
            located.records_without_place += flow.incidents;
        }
        let mut missing = false;
        for (index, id) in ends.iter().enumerate() {
            let same_as_before = index == 1 && ends[0] == *id;
            match placed.get_mut(*id).and_then(Option::as_mut) {
                Some(place) if !same_as_before => {
                    place.people.add_whole(flow.people);
                    place.incidents += flow.incidents;
                }
                Some(_) => {}
                None => {
                    missing = true;
                    if !same_as_before {
                        *unplaced.entry((*id).clone()).or_default() += flow.incidents;
                    }
                }
            }
        }
        if missing {
            located.records_unplaced += flow.incidents;
        }
    }
    for venue in &figures.venues {
        let Some(id) = &venue.place else {
            located.records_without_place += venue.rallies;
            continue;
        };
        if let Some(place) = placed.get_mut(id).and_then(Option::as_mut) {
            place.rallies += venue.rallies;
            place.attendance += venue.attendance;
        } else {
            located.records_unplaced += venue.rallies;
            *unplaced.entry(id.clone()).or_default() += venue.rallies;
        }
    }
    located.places = placed.into_values().flatten().collect();
    located.places.sort_by(|a, b| a.id.cmp(&b.id));
    for (index, flow) in figures.flows.iter().enumerate() {
        let (Some(from), Some(to)) = (&flow.route.from, &flow.route.to) else { continue };
        if let (Some(a), Some(b)) = (located.place_index(from), located.place_index(to))
            && a != b
        {
            located.flows.push((index, a, b));
        }
    }
    located.unplaced = unplaced
        .into_iter()
        .map(|(id, records)| Unplaced { name: crate::query::names::place_by_id(dataset, &id), id, records })
        .collect();
    located.unplaced.sort_by(|a, b| b.records.cmp(&a.records).then_with(|| a.name.cmp(&b.name)));
    located
}

fn new_place(dataset: &Dataset, id: &Id) -> Option<MapPlace> {
    let place = dataset.place(id)?;
    let point = point_of(place)?;
    let inset = (!on_the_map(point.0, point.1)).then(|| inset_name(place));
    Some(MapPlace {
        id: id.clone(),
        name: crate::query::names::place_by_id(dataset, id),
        point,
        inset,
        people: Figure::default(),
        incidents: 0,
        rallies: 0,
        attendance: 0.0,
    })
}

/// The inset a far place is drawn in: its city ("New York"), in Korean when the map knows the
/// city's Korean name, else the place's own name.
fn inset_name(place: &Place) -> String {
    if place.city.trim().is_empty() {
        return crate::query::names::place(place).to_owned();
    }
    let korean =
        (language() == Language::Korean).then(|| basemap().far_city_in_korean(&place.city)).flatten();
    korean.map_or_else(|| place.city.trim().to_owned(), str::to_owned)
}
