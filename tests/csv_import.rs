//! CSV import: exported files import back identical, and messy spreadsheets give the right
//! records or the right row errors.

use std::path::Path;

use jiff::Timestamp;
use jiff::civil::date;
use repatriation_watch::edit::AnyRecord;
use repatriation_watch::exchange::{ImportIssue, Preview, apply, auto_mapping, preview, read_table};
use repatriation_watch::generate::{GenerateOptions, generate};
use repatriation_watch::model::{CountQualifier, Dataset, DatePrecision, Id, IncidentKind, RecordKind};
use repatriation_watch::store::{export_csv, load_sample};

const ORDER: [(RecordKind, &str); 5] = [
    (RecordKind::Place, "places.csv"),
    (RecordKind::Organization, "organizations.csv"),
    (RecordKind::Source, "sources.csv"),
    (RecordKind::Incident, "incidents.csv"),
    (RecordKind::Rally, "rallies.csv"),
];

fn now() -> Timestamp {
    "2026-11-22T12:00:00Z".parse().expect("a time")
}

fn preview_of(bytes: &[u8], kind: RecordKind, dataset: &Dataset) -> Preview {
    let table = read_table(bytes).expect("the CSV reads");
    let mapping = auto_mapping(kind, &table.headers);
    preview(&table, kind, &mapping, dataset, now())
}

/// Exports `dataset` and imports every file back into an empty dataset, in the order links need.
fn round_trip(dataset: &Dataset, dir: &Path) -> Dataset {
    export_csv(dataset, dir, None).expect("the export is written");
    let mut imported = Dataset::default();
    for (kind, file) in ORDER {
        let bytes = std::fs::read(dir.join(file)).expect(file);
        let found = preview_of(&bytes, kind, &imported);
        assert_eq!(found.problems, [], "{file}");
        let readable_only: &[&str] =
            if matches!(kind, RecordKind::Incident | RecordKind::Rally) { &["estimates"] } else { &[] };
        assert_eq!(
            found.ignored_columns, readable_only,
            "{file}: the readable estimates column is for people"
        );
        apply(&mut imported, found.records);
    }
    imported
}

#[test]
fn the_sample_exported_imports_back_identical() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut sample = load_sample().expect("the sample loads");
    sample.sort_by_id();
    assert_eq!(round_trip(&sample, dir.path()), sample);
}

#[test]
fn the_confidential_flags_are_exported_and_imported_back() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut sample = load_sample().expect("the sample loads");
    sample.sort_by_id();
    sample.incidents[0].confidential = true;
    sample.incidents[1].confidential_details = true;
    sample.sources[0].confidential = true;
    sample.places[0].confidential_details = true;
    sample.organizations[0].confidential = true;
    sample.rallies[0].confidential_details = true;
    assert_eq!(round_trip(&sample, dir.path()), sample);
}

#[test]
fn generated_data_exported_imports_back_identical() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut dataset = generate(GenerateOptions { incidents: 400, rallies: 80, seed: 7 });
    dataset.sort_by_id();
    assert_eq!(round_trip(&dataset, dir.path()), dataset);
}

#[test]
fn the_export_with_its_korean_header_row_imports_too() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let sample = load_sample().expect("the sample loads");
    let korean = |name: &str| {
        repatriation_watch::i18n::tr_in(repatriation_watch::i18n::Language::Korean, &format!("csv-{name}"))
    };
    export_csv(&sample, dir.path(), Some(&korean)).expect("the export is written");
    let bytes = std::fs::read(dir.path().join("places.csv")).expect("places");
    let found = preview_of(&bytes, RecordKind::Place, &Dataset::default());
    assert!(found.skipped_second_header);
    assert_eq!((found.problems.len(), found.added), (0, sample.places.len()));
}

#[test]
fn a_messy_spreadsheet_gives_the_right_records() {
    // A byte-order mark, CRLF, a header in other words and another order, a quoted comma and a
    // line break, a blank row, an extra column, no id (new records), Korean words.
    let csv = "\u{feff}Title,Date,People,Kind,Comment\r\n\
               \"Sent back from Dandong, at night\",\"Nov. 20, 2023\",at least 95,forced repatriation,x\r\n\
               \r\n\
               \"단둥에서\n신의주로\",2023년 11월 말,600여 명,강제북송,\r\n\
               Arrested in Shenyang,2019,\"about 30\",arrest,\r\n";
    let found = preview_of(csv.as_bytes(), RecordKind::Incident, &Dataset::default());
    assert_eq!(found.problems, []);
    assert_eq!(found.ignored_columns, ["Comment"]);
    assert_eq!(found.added, 3);
    let incidents: Vec<_> = found
        .records
        .iter()
        .map(|record| match record {
            AnyRecord::Incident(incident) => incident.clone(),
            other => panic!("not an incident: {other:?}"),
        })
        .collect();
    assert_eq!(incidents[0].title, "Sent back from Dandong, at night");
    assert_eq!(incidents[0].date.earliest, Some(date(2023, 11, 20)));
    assert_eq!(incidents[0].date.as_reported, "Nov. 20, 2023");
    let count = &incidents[0].estimates[0].count;
    assert_eq!(
        (count.qualifier, count.low, count.as_reported.as_str()),
        (CountQualifier::AtLeast, Some(95), "at least 95")
    );
    assert_eq!(incidents[1].title, "단둥에서\n신의주로");
    assert_eq!(
        (incidents[1].date.earliest, incidents[1].date.latest),
        (Some(date(2023, 11, 21)), Some(date(2023, 11, 30)))
    );
    assert_eq!(incidents[1].estimates[0].count.qualifier, CountQualifier::MoreThan);
    assert_eq!(incidents[1].kind, IncidentKind::ForcedRepatriation);
    assert_eq!((incidents[2].kind, incidents[2].date.precision), (IncidentKind::Arrest, DatePrecision::Year));
    let ids: std::collections::HashSet<&Id> = incidents.iter().map(|i| &i.id).collect();
    assert_eq!(ids.len(), 3, "each new record gets its own id");
}

#[test]
fn bad_cells_are_named_by_line_and_column() {
    let csv = "id,title,event_date,size_low,kind,to_place\n\
               inc-a,Good,2023-11-20,30,arrest,\n\
               inc-b,Bad date,2023-13-45,30,arrest,\n\
               inc-c,Bad number,2023-11-20,thirty,arrest,\n\
               inc-d,Bad kind,2023-11-20,30,kidnapping,\n\
               inc-e,Missing place,2023-11-20,30,arrest,pl-nowhere\n\
               inc-a,Same id again,2023-11-20,30,arrest,\n\
               inc-f,,2023-11-20,30,arrest,\n";
    let found = preview_of(csv.as_bytes(), RecordKind::Incident, &Dataset::default());
    let summary: Vec<(u64, &str)> = found.problems.iter().map(|p| (p.line, p.column.as_str())).collect();
    assert_eq!(
        summary,
        [(3, "event_date"), (4, "size_low"), (5, "kind"), (6, "to_place"), (7, "id"), (8, "title")]
    );
    assert!(matches!(&found.problems[0].issue, ImportIssue::BadDate { value } if value == "2023-13-45"));
    assert!(
        matches!(&found.problems[2].issue, ImportIssue::UnknownChoice { value, .. } if value == "kidnapping")
    );
    assert!(matches!(&found.problems[4].issue, ImportIssue::RepeatedId { first_line: 2, .. }));
}

#[test]
fn a_row_with_an_existing_id_updates_only_its_columns() {
    let sample = load_sample().expect("the sample loads");
    let id = "inc-2023-11-20-dandong-sinuiju";
    let csv = format!("id,status,notes\n{id},confirmed,Confirmed by a second source\n");
    let found = preview_of(csv.as_bytes(), RecordKind::Incident, &sample);
    assert_eq!((found.added, found.updated, found.problems.len()), (0, 1, 0));
    let before = sample.incident(&Id::new(id)).expect("in the sample").clone();
    let AnyRecord::Incident(after) = &found.records[0] else { panic!("an incident") };
    assert_eq!(after.notes, "Confirmed by a second source");
    assert_eq!(format!("{:?}", after.status), "Confirmed");
    assert_eq!(
        (&after.title, &after.date, &after.estimates),
        (&before.title, &before.date, &before.estimates)
    );
}
