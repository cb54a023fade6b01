//! `extract`: the records an article reports, as the article assistant proposes them, printed
//! for reading or as JSON, or added to a dataset.

use std::fmt::Write as _;
use std::path::Path;

use jiff::civil::Date;
use serde_json::{Value, json};

use crate::article::{Accepted, Gazetteer, PlaceMention, Reading, read, records_of};
use crate::edit::{Document, Edit};
use crate::model::Dataset;
use crate::store;

/// Reads the article in `file` and prints what it reports, or adds it to `into`; returns
/// whether it could.
pub fn extract(file: &Path, published: Option<Date>, as_json: bool, into: Option<&Path>) -> bool {
    let text = match store::read_text_file(file) {
        Ok(Some(text)) => text,
        Ok(None) => {
            eprintln!("{}: not text in UTF-8; save the article as plain text first", file.display());
            return false;
        }
        Err(error) => {
            eprintln!("{error}");
            return false;
        }
    };
    // A web page is read as its words.
    let text = crate::article::article_text(&text);
    let existing = match into.filter(|path| path.exists()) {
        Some(path) => match super::load_or_report(path) {
            Some(dataset) => dataset,
            None => return false,
        },
        None => Dataset::default(),
    };
    let reading = read(&text, published, &existing, &Gazetteer::bundled());
    if reading.cut {
        eprintln!("{}: longer than 2 MB; only its first 2 MB were read", file.display());
    }
    match into {
        Some(path) => add_to(&reading, existing, path),
        None if as_json => {
            println!("{}", serde_json::to_string_pretty(&as_value(&reading)).unwrap_or_default());
            true
        }
        None => {
            print!("{}", readable(&reading));
            true
        }
    }
}

fn add_to(reading: &Reading, dataset: Dataset, path: &Path) -> bool {
    let now = jiff::Timestamp::now().round(jiff::Unit::Second).unwrap_or_else(|_| jiff::Timestamp::now());
    let plan = crate::article::Plan::new(reading, &dataset, now);
    let records = records_of(reading, &Accepted::all(reading), &dataset, &plan);
    let added = records.len();
    let mut document = Document::new(dataset);
    document.apply(Edit::Batch(records.into_iter().map(Edit::put).collect()), now);
    if !super::save_or_report(document.dataset(), path) {
        return false;
    }
    let (incidents, rallies) = (reading.incidents.len(), reading.rallies.len());
    println!(
        "added {added} records to {}: {incidents} incidents, {rallies} rallies, their source and new places",
        path.display()
    );
    true
}

/// The reading as JSON: the source, then each incident and rally with its kind, date, figure,
/// places (by name), parent (an index among the incidents), organizers and evidence.
pub fn as_value(reading: &Reading) -> Value {
    let name = |place: &Option<PlaceMention>| place.as_ref().map(|p| p.place.name.clone());
    let evidence = |range: &std::ops::Range<usize>| reading.text[range.clone()].to_owned();
    let incidents: Vec<Value> = reading
        .incidents
        .iter()
        .map(|i| {
            json!({
                "kind": i.kind.name(),
                "date": i.date,
                "people": i.people,
                "from_place": name(&i.from_place),
                "to_place": name(&i.to_place),
                "parent": i.parent,
                "evidence": evidence(&i.evidence),
            })
        })
        .collect();
    let rallies: Vec<Value> = reading
        .rallies
        .iter()
        .map(|r| {
            json!({
                "kinds": r.kinds.iter().map(|k| k.name()).collect::<Vec<_>>(),
                "date": r.date,
                "attendance": r.attendance,
                "place": name(&r.place),
                "organizers": r.organizers.iter().map(|o| o.organization.name.clone()).collect::<Vec<_>>(),
                "evidence": evidence(&r.evidence),
            })
        })
        .collect();
    json!({ "source": reading.source, "incidents": incidents, "rallies": rallies })
}

/// The reading for a person: a line per record with its words, then the sentence.
fn readable(reading: &Reading) -> String {
    let mut out = format!("source: {} ({})\n", reading.source.title, reading.source.outlet);
    let place = |p: &Option<PlaceMention>| p.as_ref().map_or("-", |p| p.place.name.as_str()).to_owned();
    for (index, i) in reading.incidents.iter().enumerate() {
        let leg = i.parent.map_or_else(String::new, |p| format!(" (leg of incident {})", p + 1));
        let _ = writeln!(
            out,
            "incident {}: {}, {} — {} — from {} to {}{leg}\n    “{}”",
            index + 1,
            i.kind.name(),
            words_or(&i.date.as_reported, "date unknown"),
            i.people.as_reported,
            place(&i.from_place),
            place(&i.to_place),
            &reading.text[i.evidence.clone()]
        );
    }
    for (index, r) in reading.rallies.iter().enumerate() {
        let attendance = r.attendance.as_ref().map_or("-", |a| a.as_reported.as_str());
        let names: Vec<&str> = r.organizers.iter().map(|o| o.organization.name.as_str()).collect();
        let by = if names.is_empty() { String::new() } else { format!(" — by {}", names.join(", ")) };
        let _ = writeln!(
            out,
            "rally {}: {}, {} — {attendance} — at {}{by}\n    “{}”",
            index + 1,
            r.kinds.iter().map(|k| k.name()).collect::<Vec<_>>().join(" and "),
            words_or(&r.date.as_reported, "date unknown"),
            place(&r.place),
            &reading.text[r.evidence.clone()]
        );
    }
    if reading.incidents.is_empty() && reading.rallies.is_empty() {
        out.push_str("no incidents or rallies found\n");
    }
    out
}

fn words_or<'a>(words: &'a str, otherwise: &'a str) -> &'a str {
    if words.is_empty() { otherwise } else { words }
}
