//! CSV import: a spreadsheet's rows read into records of one kind, every problem named by row,
//! column and reason, nothing applied until the caller says so.
//!
//! Columns are matched to fields by their header (the export's names, a few common others, and
//! the Korean names of `export --korean-header`); a mapping can be changed before the preview.
//! Counts and dates given as words go through the same phrase parsers as the forms.

use std::collections::HashMap;

use jiff::Timestamp;

use super::cells::{Cells, ImportIssue, RowProblem};
use super::csv_export::csv_header;
use crate::edit::{AnyRecord, new_id};
use crate::i18n::{Language, tr_in};
use crate::model::{Dataset, Id, RecordKind, validate_incident, validate_other, validate_rally};

/// A CSV file's header and rows, as text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsvTable {
    /// The column names, as written.
    pub headers: Vec<String>,
    /// Each row with the line it starts on (the header is line 1).
    pub rows: Vec<(u64, Vec<String>)>,
}

/// A CSV file that cannot be read as a table at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct TableError {
    /// The line the problem is on.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

/// Reads CSV text: UTF-8 with or without a byte-order mark, CRLF or LF, quoted cells with
/// commas and line breaks. Blank rows are left out; rows may be shorter or longer than the
/// header.
pub fn read_table(bytes: &[u8]) -> Result<CsvTable, TableError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(bytes);
    let mut table = CsvTable::default();
    for record in reader.records() {
        let record = record.map_err(|error| TableError {
            line: error.position().map_or(0, csv::Position::line),
            message: error.to_string(),
        })?;
        let line = record.position().map_or(0, csv::Position::line);
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if table.headers.is_empty() {
            table.headers = cells.iter().map(|h| h.trim().to_owned()).collect();
        } else if cells.iter().any(|cell| !cell.trim().is_empty()) {
            table.rows.push((line, cells));
        }
    }
    Ok(table)
}

/// The field each column fills, by position; `None` for a column left out.
pub type Mapping = Vec<Option<&'static str>>;

/// Other names a column may have for a field (lowercase, `_` for spaces).
const ALIASES: &[(&str, &str)] = &[
    ("date", "date_text"),
    ("dates", "date_text"),
    ("when", "date_text"),
    ("people", "size_text"),
    ("number", "size_text"),
    ("count", "size_text"),
    ("size", "size_text"),
    ("attendance", "size_text"),
    ("from", "from_place"),
    ("to", "to_place"),
    ("sources", "source"),
    ("note", "notes"),
    ("published", "published_text"),
    ("type", "kind"),
    ("korean_name", "name_ko"),
    ("chinese_name", "name_zh"),
    ("날짜", "date_text"),
    ("일시", "date_text"),
    ("인원", "size_text"),
    ("참석_인원", "size_text"),
    ("발행일", "published_text"),
];

fn normalized(header: &str) -> String {
    header.trim().trim_start_matches('\u{feff}').to_lowercase().replace([' ', '-'], "_")
}

/// The fields of `kind` a column named `header` most likely fills: its own name, a common
/// other name, or its Korean name.
pub fn field_for(kind: RecordKind, header: &str) -> Option<&'static str> {
    let fields = csv_header(kind);
    let wanted = normalized(header);
    let alias = ALIASES.iter().find(|(name, _)| *name == wanted).map(|(_, field)| *field);
    let korean = || {
        fields.iter().copied().find(|field| tr_in(Language::Korean, &format!("csv-{field}")) == header.trim())
    };
    fields
        .iter()
        .copied()
        .find(|field| *field == wanted)
        .or_else(|| alias.filter(|field| fields.contains(field)))
        .or_else(korean)
        .filter(|field| *field != "estimates")
}

/// The mapping the headers suggest; a field is filled from one column only.
pub fn auto_mapping(kind: RecordKind, headers: &[String]) -> Mapping {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|header| {
            let field = field_for(kind, header).filter(|field| !taken.contains(field));
            taken.extend(field);
            field
        })
        .collect()
}

/// What an import would do: the records it would add or change, and every problem found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    /// The records as they would be after the import, in the file's order.
    pub records: Vec<AnyRecord>,
    /// How many are new.
    pub added: usize,
    /// How many replace a record with the same id.
    pub updated: usize,
    /// Every problem, by row and column; an import with any is not applied.
    pub problems: Vec<RowProblem>,
    /// The columns no field takes.
    pub ignored_columns: Vec<String>,
    /// Whether a second header row (the Korean names) was recognized and left out.
    pub skipped_second_header: bool,
}

/// Reads every row into a record of `kind`: a row whose id exists updates that record (the
/// columns mapped replace its fields), a row with a new id or none adds one. Nothing is applied.
pub fn preview(
    table: &CsvTable,
    kind: RecordKind,
    mapping: &Mapping,
    dataset: &Dataset,
    now: Timestamp,
) -> Preview {
    let mut preview = Preview {
        ignored_columns: table
            .headers
            .iter()
            .zip(mapping.iter().chain(std::iter::repeat(&None)))
            .filter(|(_, field)| field.is_none())
            .map(|(header, _)| header.clone())
            .collect(),
        ..Preview::default()
    };
    let columns: HashMap<&'static str, usize> =
        mapping.iter().enumerate().filter_map(|(index, field)| field.map(|f| (f, index))).collect();
    let mut rows = table.rows.as_slice();
    if let Some((_, first)) = rows.first()
        && is_korean_header(first, &columns)
    {
        rows = &rows[1..];
        preview.skipped_second_header = true;
    }
    let mut working = dataset.clone();
    working.sort_by_id();
    let mut lines = Vec::new();
    let mut seen: HashMap<Id, u64> = HashMap::new();
    for (line, row) in rows {
        let cells = Cells::new(&table.headers, &columns, row, *line);
        let id = cells.filled("id");
        let updating = id.is_some_and(|id| AnyRecord::find(&working, kind, &Id::new(id.trim())).is_some());
        let cells = cells.updating(updating);
        let (record, issues) = read_row(&cells, kind, &working, now);
        preview.problems.extend(issues);
        let Some(record) = record else { continue };
        if let Some(first) = seen.insert(record.id().clone(), *line) {
            let issue = ImportIssue::RepeatedId { id: record.id().to_string(), first_line: first };
            preview.problems.push(RowProblem { line: *line, column: "id".to_owned(), issue });
            continue;
        }
        if AnyRecord::find(dataset, kind, record.id()).is_some() {
            preview.updated += 1;
        } else {
            preview.added += 1;
        }
        record.clone().put_into(&mut working);
        lines.push(*line);
        preview.records.push(record);
    }
    // Checked once all rows are in, so a row may name a record on a later row (a leg's parent).
    for (record, line) in preview.records.iter().zip(lines) {
        preview.problems.extend(record_problems(&working, record, line));
    }
    preview.problems.sort_by_key(|problem| problem.line);
    preview
}

/// Whether a row is the Korean names of the columns, as `export --korean-header` writes them.
fn is_korean_header(row: &[String], columns: &HashMap<&'static str, usize>) -> bool {
    !columns.is_empty()
        && columns.iter().all(|(field, index)| {
            row.get(*index).is_some_and(|cell| *cell == tr_in(Language::Korean, &format!("csv-{field}")))
        })
}

/// Validation problems of a record read from a row, as row problems. Warnings (words not
/// understood) are no problem: the words are imported as they are, as a form saves them.
fn record_problems(dataset: &Dataset, record: &AnyRecord, line: u64) -> Vec<RowProblem> {
    let problems = match record {
        AnyRecord::Incident(incident) => validate_incident(dataset, incident),
        AnyRecord::Rally(rally) => validate_rally(dataset, rally),
        AnyRecord::Source(source) => validate_other(Some(source), None, None),
        AnyRecord::Place(place) => validate_other(None, Some(place), None),
        AnyRecord::Organization(organization) => validate_other(None, None, Some(organization)),
    };
    problems
        .into_iter()
        .filter(|problem| !problem.is_warning())
        .map(|problem| RowProblem {
            line,
            column: problem.field,
            issue: ImportIssue::Invalid(problem.message),
        })
        .collect()
}

/// The record a row gives, starting from the record with its id when there is one.
fn read_row(
    cells: &Cells<'_>,
    kind: RecordKind,
    dataset: &Dataset,
    now: Timestamp,
) -> (Option<AnyRecord>, Vec<RowProblem>) {
    let id = cells.text("id").filter(|id| !id.trim().is_empty()).map(|id| Id::new(id.trim()));
    let existing = id.as_ref().and_then(|id| AnyRecord::find(dataset, kind, id));
    let mut record = existing.unwrap_or_else(|| {
        let id = id.clone().unwrap_or_else(|| new_id(dataset, kind, now));
        let mut record = AnyRecord::new_of(kind, id);
        record.set_times(now, now);
        record
    });
    super::fields::fill(&mut record, cells);
    let problems = cells.take_problems();
    (problems.is_empty().then_some(record), problems)
}

/// Puts the records of an import into the dataset (added, or replacing those with their ids).
pub fn apply(dataset: &mut Dataset, records: Vec<AnyRecord>) {
    dataset.sort_by_id();
    for record in records {
        record.put_into(dataset);
    }
}
