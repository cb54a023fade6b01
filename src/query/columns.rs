//! What each kind of record shows in its table: columns, cells, sort keys and search text.

use std::cmp::Ordering;

use jiff::civil::Date;

use crate::i18n::{choice, date_spec};
use crate::t;

use crate::model::{
    Dataset, DateSpec, Id, Incident, Organization, Place, Rally, Record, RecordKind, Source, SourcedEstimate,
    preferred_estimate,
};

/// A column: the message id of its title and its starting width in points.
#[derive(Clone, Copy, Debug)]
pub struct ColumnSpec {
    /// The header.
    pub title: &'static str,
    /// The starting width.
    pub width: f32,
}

const fn column(title: &'static str, width: f32) -> ColumnSpec {
    ColumnSpec { title, width }
}

/// A value to sort a column by.
#[derive(Clone, Debug, PartialEq, PartialOrd)]
pub enum SortKey {
    /// Text, compared case-insensitively.
    Text(String),
    /// A day; unknown days sort first.
    Date(Option<Date>),
    /// A number; unknown numbers sort first.
    Number(Option<f64>),
}

impl SortKey {
    /// Orders two keys, unknown values first.
    pub fn compare(&self, other: &Self) -> Ordering {
        self.partial_cmp(other).unwrap_or(Ordering::Equal)
    }
}

/// A record as a table shows it.
pub trait TableRecord: Record + Clone {
    /// The columns, left to right.
    const COLUMNS: &'static [ColumnSpec];

    /// The text of a cell.
    fn cell(&self, column: usize, dataset: &Dataset) -> String;

    /// The value the column sorts by.
    fn sort_key(&self, column: usize, dataset: &Dataset) -> SortKey {
        SortKey::Text(self.cell(column, dataset).to_lowercase())
    }

    /// Visits each piece of the record's text a search looks through.
    fn searched(&self, visit: &mut dyn FnMut(&str));

    /// Whether the record's text contains `needle` (already lowercased).
    fn matches(&self, needle: &str) -> bool {
        let mut found = false;
        self.searched(&mut |text| found = found || contains(text, needle));
        found
    }

    /// The record's dates, for the date filter.
    fn date_range(&self) -> Option<(Date, Date)>;

    /// The record's kind, status and the places and organizations it names, for the filters.
    fn facets(&self) -> Facets<'_>;

    /// The records of this kind in a dataset.
    fn all(dataset: &Dataset) -> &[Self];
}

/// What the filters look at in a record.
#[derive(Default)]
pub struct Facets<'a> {
    /// The kind names ("forced repatriation", "rally"…).
    pub kinds: Vec<&'static str>,
    /// The status name, for incidents.
    pub status: Option<&'static str>,
    /// The places the record names.
    pub places: Vec<&'a Id>,
    /// The organizations the record names.
    pub organizations: Vec<&'a Id>,
    /// Where an incident's people were sent from and to (for the map's routes); `None` for
    /// other records.
    pub route: Option<(Option<&'a Id>, Option<&'a Id>)>,
    /// Whether the record is confidential (left out of shared copies).
    pub confidential: bool,
    /// Whether its personal details are confidential (withheld from shared copies).
    pub confidential_details: bool,
}

/// A date cell: the days meant, then the words as reported: "2023-11-21..2023-11-30 · at the
/// end of November".
pub fn date_cell(date: &DateSpec) -> String {
    match (date.as_reported.is_empty(), date.is_unknown()) {
        (true, _) => date_spec(date),
        (false, true) => format!("? · {}", date.as_reported),
        (false, false) => format!("{} · {}", date_spec(date), date.as_reported),
    }
}

/// A count cell: the preferred estimate's words and meaning, "at least 95 (≥95)", with a note
/// when other sources give other figures.
pub fn count_cell(estimates: &[SourcedEstimate]) -> String {
    let Some(chosen) = preferred_estimate(estimates) else { return String::new() };
    match estimates.len() {
        1 => chosen.count.display(),
        n => t!("count-and-more", count = chosen.count.display(), more = n - 1),
    }
}

fn count_key(estimates: &[SourcedEstimate]) -> SortKey {
    SortKey::Number(preferred_estimate(estimates).and_then(|e| e.count.central()))
}

fn place_name(dataset: &Dataset, id: Option<&Id>) -> String {
    id.map(|id| super::names::place_by_id(dataset, id)).unwrap_or_default()
}

/// Whether `haystack` in lowercase ([`push_lowercase`]) contains `needle` (lowercase). A Latin
/// needle is compared byte by byte, ignoring case, without a lowercase copy. This is the
/// definition the search index ([`super::search_text`]) keeps to.
fn contains(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if needle.is_ascii() && (haystack.is_ascii() || !haystack.contains(FOLDING_INTO_ASCII)) {
        return contains_ascii_ignoring_case(haystack.as_bytes(), needle.as_bytes());
    }
    if haystack.is_ascii() {
        return false;
    }
    let mut lowercase = String::new();
    push_lowercase(&mut lowercase, haystack);
    lowercase.contains(needle)
}

/// The letters beyond ASCII whose lowercase has ASCII letters in it (the Kelvin sign's is "k"):
/// a Latin needle is compared with those in lowercase, as [`push_lowercase`] writes them.
const FOLDING_INTO_ASCII: [char; 2] = ['\u{212A}', '\u{130}'];

/// `text` in lowercase, as searches compare it: ASCII letter by letter, anything else by
/// [`str::to_lowercase`].
pub fn push_lowercase(out: &mut String, text: &str) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// Whether `haystack` contains the ASCII `needle` in either case: each place the first letter
/// occurs (found fast, in either case) is compared with the rest.
fn contains_ascii_ignoring_case(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else { return true };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, haystack).any(|start| {
        haystack.get(start + 1..start + needle.len()).is_some_and(|after| after.eq_ignore_ascii_case(rest))
    })
}

impl TableRecord for Incident {
    const COLUMNS: &'static [ColumnSpec] = &[
        column("column-date", 160.0),
        column("column-title", 250.0),
        column("column-people", 130.0),
        column("column-kind", 120.0),
        column("column-status", 80.0),
        column("column-from", 100.0),
        column("column-to", 100.0),
    ];

    fn cell(&self, column: usize, dataset: &Dataset) -> String {
        match column {
            0 => date_cell(&self.date),
            1 => match &self.parent {
                Some(_) => format!("   • {}", self.title),
                None => self.title.clone(),
            },
            2 => count_cell(&self.estimates),
            3 => choice(self.kind),
            4 => choice(self.status),
            5 => place_name(dataset, self.from_place.as_ref()),
            _ => place_name(dataset, self.to_place.as_ref()),
        }
    }

    fn sort_key(&self, column: usize, dataset: &Dataset) -> SortKey {
        match column {
            0 => SortKey::Date(self.date.range().map(|(earliest, _)| earliest)),
            1 => SortKey::Text(self.title.to_lowercase()),
            2 => count_key(&self.estimates),
            _ => SortKey::Text(self.cell(column, dataset).to_lowercase()),
        }
    }

    fn searched(&self, visit: &mut dyn FnMut(&str)) {
        let texts = [&self.title, &self.date.as_reported, &self.people_involved, &self.authorities];
        texts.into_iter().chain([&self.context, &self.notes]).for_each(|text| visit(text));
        for estimate in &self.estimates {
            visit(&estimate.count.as_reported);
            visit(&estimate.note);
        }
        visit(self.id.as_str());
    }

    fn date_range(&self) -> Option<(Date, Date)> {
        self.date.range()
    }

    fn facets(&self) -> Facets<'_> {
        Facets {
            kinds: vec![self.kind.name()],
            status: Some(self.status.name()),
            places: self.from_place.iter().chain(&self.to_place).collect(),
            organizations: Vec::new(),
            route: Some((self.from_place.as_ref(), self.to_place.as_ref())),
            confidential: self.confidential,
            confidential_details: self.confidential_details,
        }
    }

    fn all(dataset: &Dataset) -> &[Self] {
        &dataset.incidents
    }
}

impl TableRecord for Rally {
    const COLUMNS: &'static [ColumnSpec] = &[
        column("column-date", 170.0),
        column("column-title", 280.0),
        column("column-attendance", 150.0),
        column("column-kind", 150.0),
        column("column-place", 170.0),
        column("column-organizers", 200.0),
    ];

    fn cell(&self, column: usize, dataset: &Dataset) -> String {
        match column {
            0 => date_cell(&self.date),
            1 => self.title.clone(),
            2 => count_cell(&self.attendance),
            3 => self.kinds.iter().map(|kind| choice(*kind)).collect::<Vec<_>>().join(", "),
            4 => place_name(dataset, self.place.as_ref()),
            _ => self
                .organizers
                .iter()
                .map(|id| super::names::organization_by_id(dataset, id))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    fn sort_key(&self, column: usize, dataset: &Dataset) -> SortKey {
        match column {
            0 => SortKey::Date(self.date.range().map(|(earliest, _)| earliest)),
            2 => count_key(&self.attendance),
            _ => SortKey::Text(self.cell(column, dataset).to_lowercase()),
        }
    }

    fn searched(&self, visit: &mut dyn FnMut(&str)) {
        let texts = [&self.title, &self.date.as_reported, &self.target, &self.occasion, &self.notes];
        texts.into_iter().chain(&self.demands).for_each(|text| visit(text));
        self.attendance.iter().for_each(|estimate| visit(&estimate.count.as_reported));
        visit(self.id.as_str());
    }

    fn date_range(&self) -> Option<(Date, Date)> {
        self.date.range()
    }

    fn facets(&self) -> Facets<'_> {
        Facets {
            kinds: self.kinds.iter().map(|k| k.name()).collect(),
            status: None,
            places: self.place.iter().collect(),
            organizations: self.organizers.iter().collect(),
            route: None,
            confidential: self.confidential,
            confidential_details: self.confidential_details,
        }
    }

    fn all(dataset: &Dataset) -> &[Self] {
        &dataset.rallies
    }
}

impl TableRecord for Source {
    const COLUMNS: &'static [ColumnSpec] = &[
        column("column-published", 170.0),
        column("column-title", 330.0),
        column("column-outlet", 170.0),
        column("column-kind", 120.0),
        column("column-reliability", 80.0),
        column("column-language", 70.0),
    ];

    fn cell(&self, column: usize, _dataset: &Dataset) -> String {
        match column {
            0 => date_cell(&self.published),
            1 => self.title.clone(),
            2 => self.outlet.clone(),
            3 => choice(self.kind),
            4 => choice(self.reliability),
            _ => self.language.clone(),
        }
    }

    fn sort_key(&self, column: usize, dataset: &Dataset) -> SortKey {
        match column {
            0 => SortKey::Date(self.published.range().map(|(earliest, _)| earliest)),
            _ => SortKey::Text(self.cell(column, dataset).to_lowercase()),
        }
    }

    fn searched(&self, visit: &mut dyn FnMut(&str)) {
        let texts = [&self.title, &self.outlet, &self.author, &self.url, &self.key_quote, &self.notes];
        for text in texts {
            visit(text);
        }
        visit(self.id.as_str());
    }

    fn date_range(&self) -> Option<(Date, Date)> {
        self.published.range()
    }

    fn facets(&self) -> Facets<'_> {
        Facets {
            kinds: vec![self.kind.name()],
            confidential: self.confidential,
            confidential_details: self.confidential_details,
            ..Facets::default()
        }
    }

    fn all(dataset: &Dataset) -> &[Self] {
        &dataset.sources
    }
}

impl TableRecord for Place {
    const COLUMNS: &'static [ColumnSpec] = &[
        column("column-name", 220.0),
        column("column-korean", 120.0),
        column("column-chinese", 120.0),
        column("column-kind", 120.0),
        column("column-country", 60.0),
        column("column-province", 120.0),
        column("column-city", 100.0),
    ];

    fn cell(&self, column: usize, _dataset: &Dataset) -> String {
        match column {
            0 => self.name.clone(),
            1 => self.name_ko.clone(),
            2 => self.name_zh.clone(),
            3 => choice(self.kind),
            4 => self.country.clone(),
            5 => self.province.clone(),
            _ => self.city.clone(),
        }
    }

    fn searched(&self, visit: &mut dyn FnMut(&str)) {
        let texts = [&self.name, &self.name_ko, &self.name_zh, &self.province, &self.city, &self.country];
        texts.into_iter().chain([&self.notes]).for_each(|text| visit(text));
        visit(self.id.as_str());
    }

    fn date_range(&self) -> Option<(Date, Date)> {
        None
    }

    fn facets(&self) -> Facets<'_> {
        Facets {
            kinds: vec![self.kind.name()],
            places: vec![&self.id],
            confidential: self.confidential,
            confidential_details: self.confidential_details,
            ..Facets::default()
        }
    }

    fn all(dataset: &Dataset) -> &[Self] {
        &dataset.places
    }
}

impl TableRecord for Organization {
    const COLUMNS: &'static [ColumnSpec] = &[
        column("column-name", 360.0),
        column("column-korean", 220.0),
        column("column-kind", 150.0),
        column("column-country", 70.0),
    ];

    fn cell(&self, column: usize, _dataset: &Dataset) -> String {
        match column {
            0 => self.name.clone(),
            1 => self.name_ko.clone(),
            2 => choice(self.kind),
            _ => self.country.clone(),
        }
    }

    fn searched(&self, visit: &mut dyn FnMut(&str)) {
        for text in [&self.name, &self.name_ko, &self.country, &self.notes] {
            visit(text);
        }
        visit(self.id.as_str());
    }

    fn date_range(&self) -> Option<(Date, Date)> {
        None
    }

    fn facets(&self) -> Facets<'_> {
        Facets {
            kinds: vec![self.kind.name()],
            organizations: vec![&self.id],
            route: None,
            confidential: self.confidential,
            confidential_details: self.confidential_details,
            ..Facets::default()
        }
    }

    fn all(dataset: &Dataset) -> &[Self] {
        &dataset.organizations
    }
}

/// The kind names a filter can choose from, for each kind of record.
pub fn kind_names(kind: RecordKind) -> Vec<&'static str> {
    use crate::model::{IncidentKind, OrganizationKind, PlaceKind, RallyKind, SourceKind};
    match kind {
        RecordKind::Incident => IncidentKind::ALL.iter().map(|k| k.name()).collect(),
        RecordKind::Rally => RallyKind::ALL.iter().map(|k| k.name()).collect(),
        RecordKind::Source => SourceKind::ALL.iter().map(|k| k.name()).collect(),
        RecordKind::Place => PlaceKind::ALL.iter().map(|k| k.name()).collect(),
        RecordKind::Organization => OrganizationKind::ALL.iter().map(|k| k.name()).collect(),
    }
}

/// A kind name from [`kind_names`] in the interface's language.
pub fn kind_label(kind: RecordKind, name: &str) -> String {
    use crate::model::{IncidentKind, OrganizationKind, PlaceKind, RallyKind, SourceKind};
    let label = match kind {
        RecordKind::Incident => IncidentKind::from_name(name).map(choice),
        RecordKind::Rally => RallyKind::from_name(name).map(choice),
        RecordKind::Source => SourceKind::from_name(name).map(choice),
        RecordKind::Place => PlaceKind::from_name(name).map(choice),
        RecordKind::Organization => OrganizationKind::from_name(name).map(choice),
    };
    label.unwrap_or_else(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::contains;

    #[test]
    fn search_ignores_case_in_latin_and_finds_korean() {
        assert!(contains("Forced return from DANDONG", "dandong"));
        assert!(contains("Forced return from Dandong", "from d"));
        assert!(!contains("Forced return", "dandong"));
        assert!(contains("단둥에서 강제북송", "단둥"));
        assert!(contains("DANDONG 단둥", "dandong 단둥"));
        assert!(!contains("Dandong only", "단둥"));
        assert!(contains("ÉCOLE", "école"));
        assert!(contains("anything", ""));
    }
}
