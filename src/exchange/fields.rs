//! Filling a record's fields from a row's cells, kind by kind. A field with no column keeps its
//! value; dates and figures given only as words are read by the phrase parsers.

use super::cells::{Cells, ImportIssue};
use crate::edit::AnyRecord;
use crate::model::{
    CountEstimate, CountQualifier, DatePrecision, DateSpec, Incident, Organization, Place, Rally, Source,
    SourcedEstimate,
};
use crate::phrase::{parse_count, parse_date};

/// Fills the record from the cells.
pub fn fill(record: &mut AnyRecord, cells: &Cells<'_>) {
    match record {
        AnyRecord::Incident(incident) => incident_fields(incident, cells),
        AnyRecord::Rally(rally) => rally_fields(rally, cells),
        AnyRecord::Source(source) => source_fields(source, cells),
        AnyRecord::Place(place) => place_fields(place, cells),
        AnyRecord::Organization(organization) => organization_fields(organization, cells),
    }
    let created = cells.timestamp("created");
    let updated = cells.timestamp("updated");
    if created.is_some() || updated.is_some() {
        let created = created.unwrap_or_else(|| record.created());
        record.set_times(created, updated.unwrap_or(created));
    }
}

fn set_text(target: &mut String, cells: &Cells<'_>, field: &str) {
    if let Some(text) = cells.text(field) {
        *target = text;
    }
}

/// The date columns of incidents and rallies.
const EVENT_DATE: [&str; 5] = ["event_date", "event_date_latest", "time_precision", "date_part", "date_text"];
/// The date columns of sources.
const PUBLISHED: [&str; 5] =
    ["published_date", "published_latest", "published_precision", "published_part", "published_text"];

/// A date from its days, precision and part when any is given, else from its words.
fn fill_date(date: &mut DateSpec, cells: &Cells<'_>, [earliest, latest, precision, part, words]: [&str; 5]) {
    let explicit = [earliest, latest, precision, part].iter().any(|field| cells.filled(field).is_some());
    if explicit {
        let first = cells.day(earliest).value();
        let last = cells.day(latest).value();
        let guessed = match (first, last) {
            (Some(a), Some(b)) if a != b => DatePrecision::Range,
            (Some(_), _) => DatePrecision::Day,
            _ => DatePrecision::Unknown,
        };
        *date = DateSpec {
            earliest: first,
            latest: last,
            precision: cells.choice(precision).unwrap_or(guessed),
            part: cells.choice(part),
            as_reported: cells.text(words).unwrap_or_else(|| date.as_reported.clone()),
        };
    } else if let Some(text) = cells.text(words) {
        *date = parse_date(&text, None);
    }
}

/// The estimates: exactly, from the export's data column; else the preferred figure, from its
/// numbers or its words.
fn fill_estimates(estimates: &mut Vec<SourcedEstimate>, cells: &Cells<'_>) {
    if let Some(data) = cells.filled("estimates_data") {
        match ron::from_str::<Vec<SourcedEstimate>>(&data) {
            Ok(read) => *estimates = read,
            Err(error) => {
                cells.problem("estimates_data", ImportIssue::BadEstimates { message: error.to_string() });
            }
        }
        return;
    }
    let numbers = ["size_qualifier", "size_low", "size_best", "size_high"];
    let count = if numbers.iter().any(|field| cells.filled(field).is_some()) {
        let low = cells.whole_number("size_low").value();
        let high = cells.whole_number("size_high").value();
        let exact = low.is_some() && low == high;
        CountEstimate {
            qualifier: cells.choice("size_qualifier").unwrap_or(if exact {
                CountQualifier::Exact
            } else {
                CountQualifier::Unknown
            }),
            low,
            high,
            best: cells.whole_number("size_best").value(),
            as_reported: cells.text("size_text").unwrap_or_default(),
        }
    } else if let Some(words) = cells.filled("size_text") {
        parse_count(&words)
    } else {
        return;
    };
    match estimates.iter_mut().find(|estimate| estimate.preferred) {
        Some(preferred) => preferred.count = count,
        None => estimates.push(SourcedEstimate { count, preferred: true, ..SourcedEstimate::default() }),
    }
}

fn incident_fields(incident: &mut Incident, cells: &Cells<'_>) {
    if let Some(kind) = cells.choice("kind") {
        incident.kind = kind;
    }
    if let Some(status) = cells.choice("status") {
        incident.status = status;
    }
    set_text(&mut incident.title, cells, "title");
    fill_date(&mut incident.date, cells, EVENT_DATE);
    fill_estimates(&mut incident.estimates, cells);
    cells.id("from_place").set(&mut incident.from_place);
    cells.id("to_place").set(&mut incident.to_place);
    cells.id("parent").set(&mut incident.parent);
    set_text(&mut incident.people_involved, cells, "people_involved");
    set_text(&mut incident.authorities, cells, "authorities");
    set_text(&mut incident.context, cells, "context");
    if let Some(sources) = cells.ids("source") {
        incident.sources = sources;
    }
    set_text(&mut incident.notes, cells, "notes");
    set_flags((&mut incident.confidential, &mut incident.confidential_details), cells);
}

fn rally_fields(rally: &mut Rally, cells: &Cells<'_>) {
    if let Some(kinds) = cells.choices("kinds") {
        rally.kinds = kinds;
    }
    set_text(&mut rally.title, cells, "title");
    fill_date(&mut rally.date, cells, EVENT_DATE);
    cells.id("place").set(&mut rally.place);
    fill_estimates(&mut rally.attendance, cells);
    if let Some(organizers) = cells.ids("organizers") {
        rally.organizers = organizers;
    }
    set_text(&mut rally.target, cells, "target");
    if let Some(demands) = cells.text("demands") {
        rally.demands = demands.lines().map(str::to_owned).filter(|line| !line.trim().is_empty()).collect();
    }
    set_text(&mut rally.occasion, cells, "occasion");
    if let Some(responds_to) = cells.ids("responds_to") {
        rally.responds_to = responds_to;
    }
    if let Some(sources) = cells.ids("source") {
        rally.sources = sources;
    }
    set_text(&mut rally.notes, cells, "notes");
    set_flags((&mut rally.confidential, &mut rally.confidential_details), cells);
}

fn source_fields(source: &mut Source, cells: &Cells<'_>) {
    if let Some(kind) = cells.choice("kind") {
        source.kind = kind;
    }
    for (field, target) in [
        ("title", &mut source.title),
        ("outlet", &mut source.outlet),
        ("author", &mut source.author),
        ("language", &mut source.language),
        ("url", &mut source.url),
        ("archive_url", &mut source.archive_url),
        ("key_quote", &mut source.key_quote),
        ("notes", &mut source.notes),
    ] {
        set_text(target, cells, field);
    }
    fill_date(&mut source.published, cells, PUBLISHED);
    cells.day("retrieved").set(&mut source.retrieved);
    if let Some(reliability) = cells.choice("reliability") {
        source.reliability = reliability;
    }
    set_flags((&mut source.confidential, &mut source.confidential_details), cells);
}

fn place_fields(place: &mut Place, cells: &Cells<'_>) {
    if let Some(kind) = cells.choice("kind") {
        place.kind = kind;
    }
    for (field, target) in [
        ("name", &mut place.name),
        ("name_ko", &mut place.name_ko),
        ("name_zh", &mut place.name_zh),
        ("country", &mut place.country),
        ("province", &mut place.province),
        ("city", &mut place.city),
        ("notes", &mut place.notes),
    ] {
        set_text(target, cells, field);
    }
    cells.decimal("latitude").set(&mut place.latitude);
    cells.decimal("longitude").set(&mut place.longitude);
    set_flags((&mut place.confidential, &mut place.confidential_details), cells);
}

fn organization_fields(organization: &mut Organization, cells: &Cells<'_>) {
    if let Some(kind) = cells.choice("kind") {
        organization.kind = kind;
    }
    for (field, target) in [
        ("name", &mut organization.name),
        ("name_ko", &mut organization.name_ko),
        ("country", &mut organization.country),
        ("notes", &mut organization.notes),
    ] {
        set_text(target, cells, field);
    }
    set_flags((&mut organization.confidential, &mut organization.confidential_details), cells);
}

/// The record's confidential flags, from the cells that give them.
fn set_flags((confidential, details): (&mut bool, &mut bool), cells: &Cells<'_>) {
    if let Some(flag) = cells.flag("confidential") {
        *confidential = flag;
    }
    if let Some(flag) = cells.flag("confidential_details") {
        *details = flag;
    }
}
