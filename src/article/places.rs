//! Places named in an article: the dataset's own places and the gazetteer's, by any of their
//! names (English without regard to case, Korean and Chinese as written), the longest name first
//! so that "Chinese Embassy in Seoul" wins over "Seoul".

use std::ops::Range;

use super::gazetteer::{Gazetteer, names_of};
use crate::model::{Dataset, Id, Place, PlaceKind};

/// A place named in the article.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    /// The name as the article writes it.
    pub name: String,
    /// Where it stands in the article.
    pub span: Range<usize>,
    /// The dataset's place of that name, when there is one.
    pub known: Option<Id>,
    /// The place as the dataset or the gazetteer has it (names, kind, country, point).
    pub place: Place,
    /// Its country (ISO 3166), when known.
    pub country: String,
}

impl PlaceMention {
    /// Whether it is where a rally would be held (an embassy, a square, a building).
    pub fn is_venue(&self) -> bool {
        matches!(self.place.kind, PlaceKind::Embassy | PlaceKind::Plaza | PlaceKind::Building)
    }
}

/// The names to look for, longest first, with their places.
pub struct Places<'a> {
    names: Vec<(String, &'a Place, bool)>,
}

impl<'a> Places<'a> {
    /// The names of the dataset's places and of the gazetteer's (the dataset's first, so a place
    /// already recorded is found as itself).
    pub fn new(dataset: &'a Dataset, gazetteer: &'a Gazetteer) -> Self {
        let mut names: Vec<(String, &'a Place, bool)> = Vec::new();
        for (place, known) in
            dataset.places.iter().map(|p| (p, true)).chain(gazetteer.places().iter().map(|p| (p, false)))
        {
            for name in names_of(place) {
                let lower = name.to_lowercase();
                if lower.chars().count() >= 2 && !names.iter().any(|(n, _, _)| *n == lower) {
                    names.push((lower.clone(), place, known));
                }
                let bare = lower.strip_suffix(" province").or_else(|| lower.strip_suffix(" county"));
                if let Some(bare) = bare
                    && !names.iter().any(|(n, _, _)| n == bare)
                {
                    names.push((bare.to_owned(), place, known));
                }
            }
        }
        names.sort_by_key(|(name, _, _)| std::cmp::Reverse(name.len()));
        Self { names }
    }

    /// The places `text[sentence]` names, in order, none inside another.
    pub fn in_sentence(&self, text: &str, sentence: Range<usize>) -> Vec<PlaceMention> {
        let lower = text[sentence.clone()].to_lowercase();
        // Lowercasing keeps the byte offsets of the letters these names use.
        if lower.len() != sentence.len() {
            return Vec::new();
        }
        let mut found: Vec<PlaceMention> = Vec::new();
        for (name, place, known) in &self.names {
            for (at, _) in lower.match_indices(name.as_str()) {
                let span = sentence.start + at..sentence.start + at + name.len();
                let whole_word = is_boundary(&lower, at) && is_boundary(&lower, at + name.len());
                if whole_word && !found.iter().any(|f| f.span.start < span.end && span.start < f.span.end) {
                    found.push(PlaceMention {
                        name: text[span.clone()].to_owned(),
                        span,
                        known: known.then(|| place.id.clone()),
                        place: (*place).clone(),
                        country: place.country.clone(),
                    });
                }
            }
        }
        found.sort_by_key(|f| f.span.start);
        found
    }
}

/// Whether a name may start or end at `at`: not inside a Latin word (Korean particles follow a
/// name directly: "단둥에서").
fn is_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    !(latin(before) && latin(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_found_by_any_of_their_names_the_longest_first() {
        let gazetteer = Gazetteer::bundled();
        let dataset = Dataset::default();
        let places = Places::new(&dataset, &gazetteer);
        let text = "A rally in front of the Chinese Embassy in Seoul; 30 sent from Dandong to 신의주에서.";
        let found: Vec<String> =
            places.in_sentence(text, 0..text.len()).into_iter().map(|p| p.place.name).collect();
        assert_eq!(found, ["Chinese Embassy in Seoul", "Dandong", "Sinuiju"]);
        let text = "Onsong County, North Hamgyong Province and Yanggang";
        let found: Vec<String> =
            places.in_sentence(text, 0..text.len()).into_iter().map(|p| p.place.name).collect();
        assert_eq!(found, ["Onsong County", "North Hamgyong Province", "Yanggang Province"]);
        assert!(places.in_sentence("Tumenville", 0..10).is_empty(), "not inside a word");
    }
}
