//! Places named in an article: the dataset's own places and the gazetteer's, by any of their
//! names (English without regard to case, Korean and Chinese as written), the longest name first
//! so that "Chinese Embassy in Seoul" wins over "Seoul".

use std::ops::Range;

use memchr::memmem::Finder;

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

/// The names to look for, longest first, each with its searcher and its place.
pub struct Places<'a> {
    names: Vec<(Finder<'static>, &'a Place, bool)>,
}

impl<'a> Places<'a> {
    /// The names of the dataset's places and of the gazetteer's (the dataset's first, so a place
    /// already recorded is found as itself).
    pub fn new(dataset: &'a Dataset, gazetteer: &'a Gazetteer) -> Self {
        let mut names: Vec<(String, &'a Place, bool)> = Vec::new();
        let mut add = |name: &str, place: &'a Place, known: bool| {
            if name.chars().count() >= 2 && !names.iter().any(|(n, _, _)| n == name) {
                names.push((name.to_owned(), place, known));
            }
        };
        for (place, known) in
            dataset.places.iter().map(|p| (p, true)).chain(gazetteer.places().iter().map(|p| (p, false)))
        {
            for name in names_of(place) {
                let lower = name.to_ascii_lowercase();
                add(&lower, place, known);
                if let Some(bare) = lower.strip_suffix(" province").or_else(|| lower.strip_suffix(" county"))
                {
                    add(bare, place, known);
                }
            }
        }
        names.sort_by_key(|(name, _, _)| std::cmp::Reverse(name.len()));
        let names = names
            .into_iter()
            .map(|(name, place, known)| (Finder::new(name.as_bytes()).into_owned(), place, known))
            .collect();
        Self { names }
    }

    /// The places `text` names, in order, none inside another: each name is looked for once in
    /// the whole text.
    pub fn in_text(&self, text: &str) -> Vec<PlaceMention> {
        // ASCII lowercase keeps every byte where it was; Korean and Chinese names have no case.
        let lower = text.to_ascii_lowercase();
        let mut found: Vec<PlaceMention> = Vec::new();
        for (finder, place, known) in &self.names {
            let length = finder.needle().len();
            for at in finder.find_iter(lower.as_bytes()) {
                let span = at..at + length;
                let whole_word = is_boundary(&lower, at) && is_boundary(&lower, at + length);
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

    /// The places `text[sentence]` names, in order, none inside another.
    pub fn in_sentence(&self, text: &str, sentence: Range<usize>) -> Vec<PlaceMention> {
        let mut found = self.in_text(&text[sentence.clone()]);
        for mention in &mut found {
            mention.span = mention.span.start + sentence.start..mention.span.end + sentence.start;
        }
        found
    }
}

/// The mentions (in order) that stand inside `sentence`.
pub fn within(mentions: &[PlaceMention], sentence: &Range<usize>) -> Vec<PlaceMention> {
    let first = mentions.partition_point(|m| m.span.start < sentence.start);
    mentions[first..].iter().take_while(|m| m.span.end <= sentence.end).cloned().collect()
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
