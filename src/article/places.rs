//! Places named in an article: the dataset's own places and the gazetteer's, by any of their
//! names (English without regard to case, Korean and Chinese as written), the longest name first
//! so that "Chinese Embassy in Seoul" wins over "Seoul".

use std::ops::Range;

use super::gazetteer::{Gazetteer, names_of};
use super::names::NameIndex;
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

/// The names to look for: the dataset's places and the gazetteer's.
pub struct Places<'a> {
    names: NameIndex<'a, Place>,
}

impl<'a> Places<'a> {
    /// The names of the dataset's places and of the gazetteer's (the dataset's first, so a place
    /// already recorded is found as itself); "Province" and "County" may be left off.
    pub fn new(dataset: &'a Dataset, gazetteer: &'a Gazetteer) -> Self {
        let mut names: Vec<(String, &'a Place, bool)> = Vec::new();
        for (place, known) in
            dataset.places.iter().map(|p| (p, true)).chain(gazetteer.places().iter().map(|p| (p, false)))
        {
            for name in names_of(place) {
                let lower = name.to_ascii_lowercase();
                if let Some(bare) = lower.strip_suffix(" province").or_else(|| lower.strip_suffix(" county"))
                {
                    names.push((bare.to_owned(), place, known));
                }
                names.push((lower, place, known));
            }
        }
        Self { names: NameIndex::new(names) }
    }

    /// The places `text` names, in order, none inside another: each name is looked for once in
    /// the whole text.
    pub fn in_text(&self, text: &str) -> Vec<PlaceMention> {
        self.names
            .in_text(text)
            .into_iter()
            // "the Tumen River" is the river, not the city of Tumen.
            .filter(|found| !names_a_river(text, found.span.end))
            .map(|found| PlaceMention {
                name: text[found.span.clone()].to_owned(),
                span: found.span,
                known: found.known.then(|| found.named.id.clone()),
                place: found.named.clone(),
                country: found.named.country.clone(),
            })
            .collect()
    }

    /// The places `text[sentence]` names, in order, none inside another.
    pub fn in_sentence(&self, text: &str, sentence: Range<usize>) -> Vec<PlaceMention> {
        let mut found = self.in_text(&text[sentence.clone()]);
        for mention in &mut found {
            mention.span = mention.span.start + sentence.start..mention.span.end + sentence.start;
        }
        found
    }
}

/// Whether the words at `end` make the name before them a river's ("Tumen River", "Yalu river").
fn names_a_river(text: &str, end: usize) -> bool {
    let after = text.get(end..).unwrap_or("").trim_start();
    after.get(..5).is_some_and(|word| word.eq_ignore_ascii_case("river"))
}

/// The mentions (in order) that stand inside `sentence`.
pub fn within(mentions: &[PlaceMention], sentence: &Range<usize>) -> Vec<PlaceMention> {
    let first = mentions.partition_point(|m| m.span.start < sentence.start);
    mentions[first..].iter().take_while(|m| m.span.end <= sentence.end).cloned().collect()
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
        let text = "sent back across the Tumen River to Hoeryong";
        let found: Vec<String> =
            places.in_sentence(text, 0..text.len()).into_iter().map(|p| p.place.name).collect();
        assert_eq!(found, ["Hoeryong"], "the river is not the city");
    }
}
