//! The text of a CSV export: one table per kind of record, words as reported beside the
//! numbers (the store writes the files).
//!
//! Column names follow ACLED and the Crowd Counting Consortium where they mean the same thing
//! (`event_date`, `time_precision`, `size_low`, `size_high`, `size_text`, `source`, `notes`).

use crate::model::{
    CountEstimate, Dataset, DateSpec, Id, Incident, Organization, Place, Rally, RecordKind, Source,
    SourcedEstimate, preferred_estimate,
};

/// The files an export writes, in order.
pub const CSV_FILES: [&str; 5] =
    ["incidents.csv", "rallies.csv", "sources.csv", "places.csv", "organizations.csv"];

const DATE_COLUMNS: [&str; 5] =
    ["event_date", "event_date_latest", "time_precision", "date_part", "date_text"];
const SIZE_COLUMNS: [&str; 7] =
    ["size_qualifier", "size_low", "size_best", "size_high", "size_text", "estimates", "estimates_data"];
const META_COLUMNS: [&str; 2] = ["created", "updated"];

/// Whether the record, or its personal details, are confidential ("true", or empty).
const CONFIDENTIAL_COLUMNS: [&str; 2] = ["confidential", "confidential_details"];

/// A second header row under the column names, for people who read the file in a
/// spreadsheet: each column name's label (in Korean, say).
pub type SecondHeader<'a> = &'a dyn Fn(&str) -> String;

/// Every column name the export writes, each once, in the order first met.
pub fn csv_columns() -> Vec<&'static str> {
    let mut all = Vec::new();
    for header in [incident_header(), rally_header(), source_header(), place_header(), organization_header()]
    {
        for name in header {
            if !all.contains(&name) {
                all.push(name);
            }
        }
    }
    all
}

/// The five CSV tables of `dataset`, in the order of [`CSV_FILES`]. With `second_header`, a
/// row of labels follows the column names.
pub fn csv_tables(dataset: &Dataset, second_header: Option<SecondHeader<'_>>) -> [Vec<u8>; 5] {
    let table =
        |header: &[&str], rows: &mut dyn Iterator<Item = Vec<String>>| table(header, second_header, rows);
    [
        table(&incident_header(), &mut dataset.incidents.iter().map(incident_row)),
        table(&rally_header(), &mut dataset.rallies.iter().map(rally_row)),
        table(&source_header(), &mut dataset.sources.iter().map(source_row)),
        table(&place_header(), &mut dataset.places.iter().map(place_row)),
        table(&organization_header(), &mut dataset.organizations.iter().map(organization_row)),
    ]
}

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Text made safe for spreadsheets: a cell starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading `'`, so it is shown as text and never run as a formula. A cell
/// that already starts with `'` before one of those (or before another `'`) gets one too, so
/// [`formula_unsafe`] always gives the text back.
pub fn formula_safe(text: &str) -> String {
    let quoted = text
        .strip_prefix('\'')
        .is_some_and(|rest| rest.starts_with(FORMULA_STARTS) || rest.starts_with('\''));
    if text.starts_with(FORMULA_STARTS) || quoted { format!("'{text}") } else { text.to_owned() }
}

/// The text [`formula_safe`] was given: a leading `'` before a formula character (or another
/// `'`) is taken off.
pub fn formula_unsafe(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

/// The column names of the CSV file for one kind of record, in order.
pub fn csv_header(kind: RecordKind) -> Vec<&'static str> {
    match kind {
        RecordKind::Incident => incident_header(),
        RecordKind::Rally => rally_header(),
        RecordKind::Source => source_header(),
        RecordKind::Place => place_header(),
        RecordKind::Organization => organization_header(),
    }
}

/// Several estimates in one cell, exactly (RON), for reading back.
pub fn estimates_data(estimates: &[SourcedEstimate]) -> String {
    if estimates.is_empty() {
        return String::new();
    }
    ron::to_string(estimates).unwrap_or_default()
}

fn table(
    header: &[&str],
    second_header: Option<SecondHeader<'_>>,
    rows: &mut dyn Iterator<Item = Vec<String>>,
) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail, and every row has the header's length.
    let _ = writer.write_record(header);
    if let Some(label) = second_header {
        let _ = writer.write_record(header.iter().map(|name| formula_safe(&label(name))));
    }
    for row in rows {
        let _ = writer.write_record(&row);
    }
    writer.into_inner().unwrap_or_default()
}

fn columns(parts: &[&[&'static str]]) -> Vec<&'static str> {
    parts.iter().flat_map(|part| part.iter().copied()).collect()
}

fn text(value: &str) -> String {
    formula_safe(value)
}

fn ids(ids: &[Id]) -> String {
    formula_safe(&ids.iter().map(Id::as_str).collect::<Vec<_>>().join("; "))
}

fn optional_id(id: Option<&Id>) -> String {
    id.map_or_else(String::new, |id| formula_safe(id.as_str()))
}

fn number<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(String::new, |value| value.to_string())
}

fn date_cells(date: &DateSpec) -> Vec<String> {
    vec![
        number(date.earliest),
        number(date.latest),
        date.precision.name().to_owned(),
        date.part.map_or("", |part| part.name()).to_owned(),
        text(&date.as_reported),
    ]
}

fn size_cells(estimates: &[SourcedEstimate]) -> Vec<String> {
    let chosen = preferred_estimate(estimates).map(|e| &e.count);
    let empty = CountEstimate::default();
    let count = chosen.unwrap_or(&empty);
    let all = estimates
        .iter()
        .map(|estimate| match &estimate.source {
            Some(source) => format!("{} [{source}]", estimate.count.display()),
            None => estimate.count.display(),
        })
        .collect::<Vec<_>>()
        .join("; ");
    let qualifier = if chosen.is_some() { count.qualifier.name() } else { "" };
    vec![
        qualifier.to_owned(),
        number(count.low),
        number(count.best),
        number(count.high),
        text(&count.as_reported),
        text(&all),
        text(&estimates_data(estimates)),
    ]
}

fn flag_cells(confidential: bool, details: bool) -> [String; 2] {
    let flag = |on: bool| if on { "true".to_owned() } else { String::new() };
    [flag(confidential), flag(details)]
}

fn meta_cells(created: jiff::Timestamp, updated: jiff::Timestamp) -> Vec<String> {
    vec![created.to_string(), updated.to_string()]
}

fn incident_header() -> Vec<&'static str> {
    columns(&[
        &["id", "kind", "status", "title"],
        &DATE_COLUMNS,
        &SIZE_COLUMNS,
        &["from_place", "to_place", "parent", "people_involved", "authorities", "context", "source", "notes"],
        &CONFIDENTIAL_COLUMNS,
        &META_COLUMNS,
    ])
}

fn incident_row(incident: &Incident) -> Vec<String> {
    let mut row = vec![
        text(incident.id.as_str()),
        incident.kind.name().to_owned(),
        incident.status.name().to_owned(),
        text(&incident.title),
    ];
    row.extend(date_cells(&incident.date));
    row.extend(size_cells(&incident.estimates));
    row.extend([
        optional_id(incident.from_place.as_ref()),
        optional_id(incident.to_place.as_ref()),
        optional_id(incident.parent.as_ref()),
        text(&incident.people_involved),
        text(&incident.authorities),
        text(&incident.context),
        ids(&incident.sources),
        text(&incident.notes),
    ]);
    row.extend(flag_cells(incident.confidential, incident.confidential_details));
    row.extend(meta_cells(incident.created, incident.updated));
    row
}

fn rally_header() -> Vec<&'static str> {
    columns(&[
        &["id", "kinds", "title"],
        &DATE_COLUMNS,
        &["place"],
        &SIZE_COLUMNS,
        &["organizers", "target", "demands", "occasion", "responds_to", "source", "notes"],
        &CONFIDENTIAL_COLUMNS,
        &META_COLUMNS,
    ])
}

fn rally_row(rally: &Rally) -> Vec<String> {
    let kinds: Vec<&str> = rally.kinds.iter().map(|kind| kind.name()).collect();
    let mut row = vec![text(rally.id.as_str()), kinds.join("; "), text(&rally.title)];
    row.extend(date_cells(&rally.date));
    row.push(optional_id(rally.place.as_ref()));
    row.extend(size_cells(&rally.attendance));
    row.extend([
        ids(&rally.organizers),
        text(&rally.target),
        text(&rally.demands.join("\n")),
        text(&rally.occasion),
        ids(&rally.responds_to),
        ids(&rally.sources),
        text(&rally.notes),
    ]);
    row.extend(flag_cells(rally.confidential, rally.confidential_details));
    row.extend(meta_cells(rally.created, rally.updated));
    row
}

fn source_header() -> Vec<&'static str> {
    columns(&[
        &["id", "kind", "title", "outlet", "author", "language", "url"],
        &["published_date", "published_latest", "published_precision", "published_part", "published_text"],
        &["retrieved", "archive_url", "reliability", "key_quote", "notes"],
        &CONFIDENTIAL_COLUMNS,
        &META_COLUMNS,
    ])
}

fn source_row(source: &Source) -> Vec<String> {
    let mut row = vec![
        text(source.id.as_str()),
        source.kind.name().to_owned(),
        text(&source.title),
        text(&source.outlet),
        text(&source.author),
        text(&source.language),
        text(&source.url),
    ];
    row.extend(date_cells(&source.published));
    row.extend([
        number(source.retrieved),
        text(&source.archive_url),
        source.reliability.name().to_owned(),
        text(&source.key_quote),
        text(&source.notes),
    ]);
    row.extend(flag_cells(source.confidential, source.confidential_details));
    row.extend(meta_cells(source.created, source.updated));
    row
}

fn place_header() -> Vec<&'static str> {
    columns(&[
        &["id", "name", "name_ko", "name_zh", "kind", "country", "province", "city"],
        &["latitude", "longitude", "notes"],
        &CONFIDENTIAL_COLUMNS,
        &META_COLUMNS,
    ])
}

fn place_row(place: &Place) -> Vec<String> {
    let mut row = vec![
        text(place.id.as_str()),
        text(&place.name),
        text(&place.name_ko),
        text(&place.name_zh),
        place.kind.name().to_owned(),
        text(&place.country),
        text(&place.province),
        text(&place.city),
        number(place.latitude),
        number(place.longitude),
        text(&place.notes),
    ];
    row.extend(flag_cells(place.confidential, place.confidential_details));
    row.extend(meta_cells(place.created, place.updated));
    row
}

fn organization_header() -> Vec<&'static str> {
    columns(&[&["id", "name", "name_ko", "kind", "country", "notes"], &CONFIDENTIAL_COLUMNS, &META_COLUMNS])
}

fn organization_row(organization: &Organization) -> Vec<String> {
    let mut row = vec![
        text(organization.id.as_str()),
        text(&organization.name),
        text(&organization.name_ko),
        organization.kind.name().to_owned(),
        text(&organization.country),
        text(&organization.notes),
    ];
    row.extend(flag_cells(organization.confidential, organization.confidential_details));
    row.extend(meta_cells(organization.created, organization.updated));
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_escaped() {
        assert_eq!(formula_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(formula_safe("+1"), "'+1");
        assert_eq!(formula_safe("-1"), "'-1");
        assert_eq!(formula_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(formula_safe("at least 95"), "at least 95");
        assert_eq!(formula_safe(""), "");
    }

    #[test]
    fn escaping_for_spreadsheets_is_undone_exactly() {
        for text in ["=1+1", "'=1", "''=1", "'Twas", "-", "'", "plain", "", "@x", "''"] {
            assert_eq!(formula_unsafe(&formula_safe(text)), text, "{text:?}");
            assert!(!formula_safe(text).starts_with(FORMULA_STARTS), "{text:?}");
        }
    }

    #[test]
    fn every_row_is_as_long_as_its_header() {
        let dataset = crate::store::load_sample().expect("the sample loads");
        assert_eq!(incident_row(&dataset.incidents[0]).len(), incident_header().len());
        assert_eq!(rally_row(&dataset.rallies[0]).len(), rally_header().len());
        assert_eq!(source_row(&dataset.sources[0]).len(), source_header().len());
        assert_eq!(place_row(&dataset.places[0]).len(), place_header().len());
        let organization = &dataset.organizations[0];
        assert_eq!(organization_row(organization).len(), organization_header().len());
    }
}
