//! The cells of one CSV row, read by field: text, numbers, dates, choices and ids, each bad cell
//! noted as a problem of its row and column.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

use jiff::Timestamp;
use jiff::civil::Date;

use super::csv_export::formula_unsafe;
use crate::i18n::{Language, tr_in};
use crate::model::{Choice, Id, ProblemMessage};

/// What is wrong with a cell or a row.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportIssue {
    /// Not one of the names of the choices (a kind, a status).
    UnknownChoice {
        /// The cell.
        value: String,
        /// The names it may be.
        allowed: Vec<String>,
    },
    /// Not a whole number (or not a number, for coordinates).
    BadNumber {
        /// The cell.
        value: String,
    },
    /// Not a date written `YYYY-MM-DD`.
    BadDate {
        /// The cell.
        value: String,
    },
    /// Not a time written as the export writes it (`2026-11-22T10:00:00Z`).
    BadTimestamp {
        /// The cell.
        value: String,
    },
    /// The estimates cell is not the export's form.
    BadEstimates {
        /// What the reader said.
        message: String,
    },
    /// The same id is on an earlier row of the file.
    RepeatedId {
        /// The id.
        id: String,
        /// The line where it first appears.
        first_line: u64,
    },
    /// The record the row gives has a problem.
    Invalid(ProblemMessage),
}

impl fmt::Display for ImportIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownChoice { value, allowed } => {
                write!(f, "“{value}” is not one of: {}", allowed.join(", "))
            }
            Self::BadNumber { value } => write!(f, "“{value}” is not a number"),
            Self::BadDate { value } => write!(f, "“{value}” is not a date written YYYY-MM-DD"),
            Self::BadTimestamp { value } => write!(f, "“{value}” is not a time such as 2026-11-22T10:00:00Z"),
            Self::BadEstimates { message } => write!(f, "the estimates cannot be read: {message}"),
            Self::RepeatedId { id, first_line } => write!(f, "the id {id} is already on line {first_line}"),
            Self::Invalid(message) => message.fmt(f),
        }
    }
}

/// A cell read as a value: no column for it, an empty (or unreadable) cell, or a value.
#[derive(Clone, Debug, PartialEq)]
pub enum Read<T> {
    /// No column is mapped to the field (or the cell is empty in an update): keep the field.
    NoColumn,
    /// The cell is empty, or could not be read (a problem is noted).
    Empty,
    /// The value read.
    Value(T),
}

impl<T> Read<T> {
    /// The value, if one was read.
    pub fn value(self) -> Option<T> {
        match self {
            Read::Value(value) => Some(value),
            Read::NoColumn | Read::Empty => None,
        }
    }

    /// Puts what was read into an optional field: the value, nothing for an empty cell, and no
    /// change when there is no column.
    pub fn set(self, target: &mut Option<T>) {
        match self {
            Read::NoColumn => {}
            Read::Empty => *target = None,
            Read::Value(value) => *target = Some(value),
        }
    }
}

/// One row's cells by field, and the problems found reading them.
pub struct Cells<'a> {
    headers: &'a [String],
    columns: &'a HashMap<&'static str, usize>,
    row: &'a [String],
    line: u64,
    updating: bool,
    problems: RefCell<Vec<RowProblem>>,
}

impl<'a> Cells<'a> {
    /// The cells of `row` (on `line`), with `columns` giving each field's column.
    pub fn new(
        headers: &'a [String],
        columns: &'a HashMap<&'static str, usize>,
        row: &'a [String],
        line: u64,
    ) -> Self {
        Self { headers, columns, row, line, updating: false, problems: RefCell::new(Vec::new()) }
    }

    /// Reads the row as an update of an existing record: an empty cell leaves its field as it
    /// was rather than clearing it, so a sparse spreadsheet never erases what was recorded.
    pub fn updating(mut self, updating: bool) -> Self {
        self.updating = updating;
        self
    }

    /// The field's text, with a spreadsheet's protective `'` taken off; `None` when no column
    /// is mapped to it, or when the cell is empty in an update (a short row gives an empty text).
    pub fn text(&self, field: &str) -> Option<String> {
        let index = *self.columns.get(field)?;
        let text = self.row.get(index).map_or("", |cell| formula_unsafe(cell));
        (!(self.updating && text.trim().is_empty())).then(|| text.to_owned())
    }

    /// The field's text when it has any.
    pub fn filled(&self, field: &str) -> Option<String> {
        self.text(field).filter(|text| !text.trim().is_empty())
    }

    /// Notes a problem with the field's cell.
    pub fn problem(&self, field: &str, issue: ImportIssue) {
        let column = self
            .columns
            .get(field)
            .and_then(|index| self.headers.get(*index))
            .cloned()
            .unwrap_or_else(|| field.to_owned());
        self.problems.borrow_mut().push(RowProblem { line: self.line, column, issue });
    }

    /// The problems noted so far, leaving none.
    pub fn take_problems(&self) -> Vec<RowProblem> {
        self.problems.take()
    }

    /// A choice by its English name (any case), its Korean name or its name in the file
    /// (`ForcedRepatriation`); `None` when the cell is empty, unmapped or not a choice.
    pub fn choice<C: Choice>(&self, field: &str) -> Option<C> {
        let text = self.filled(field)?;
        let wanted = text.trim().to_lowercase();
        let found = C::all().iter().copied().find(|choice| {
            let variant = choice.message_id().rsplit('-').next().unwrap_or_default();
            choice.english_name().to_lowercase() == wanted
                || variant.to_lowercase() == wanted.replace(' ', "")
                || tr_in(Language::Korean, choice.message_id()) == text.trim()
        });
        if found.is_none() {
            let allowed = C::all().iter().map(|c| c.english_name().to_owned()).collect();
            self.problem(field, ImportIssue::UnknownChoice { value: text, allowed });
        }
        found
    }

    /// A yes or no ("true", "yes", "1", "x", "예"; "false", "no", "0", "아니오"); `None` when
    /// the cell is empty or unmapped, or says something else (a problem noted).
    pub fn flag(&self, field: &str) -> Option<bool> {
        let text = self.filled(field)?;
        match text.trim().to_lowercase().as_str() {
            "true" | "yes" | "y" | "1" | "x" | "예" => Some(true),
            "false" | "no" | "n" | "0" | "아니오" => Some(false),
            _ => {
                let allowed = vec!["true".to_owned(), "false".to_owned()];
                self.problem(field, ImportIssue::UnknownChoice { value: text, allowed });
                None
            }
        }
    }

    /// Several choices separated by `;`.
    pub fn choices<C: Choice>(&self, field: &str) -> Option<Vec<C>> {
        let text = self.text(field)?;
        let mut found = Vec::new();
        for part in text.split(';').map(str::trim).filter(|part| !part.is_empty()) {
            let wanted = part.to_lowercase();
            let choice = C::all().iter().copied().find(|c| {
                c.english_name().to_lowercase() == wanted || tr_in(Language::Korean, c.message_id()) == part
            });
            if let Some(choice) = choice {
                found.push(choice);
            } else {
                let allowed = C::all().iter().map(|c| c.english_name().to_owned()).collect();
                self.problem(field, ImportIssue::UnknownChoice { value: part.to_owned(), allowed });
            }
        }
        Some(found)
    }

    /// Reads the field's cell with `parse`, noting `issue` when it fails.
    fn read<T>(
        &self,
        field: &str,
        parse: impl FnOnce(&str) -> Option<T>,
        issue: impl FnOnce(String) -> ImportIssue,
    ) -> Read<T> {
        let Some(text) = self.text(field) else { return Read::NoColumn };
        if text.trim().is_empty() {
            return Read::Empty;
        }
        if let Some(value) = parse(text.trim()) {
            Read::Value(value)
        } else {
            self.problem(field, issue(text));
            Read::Empty
        }
    }

    /// A whole number ("2,000" too).
    pub fn whole_number(&self, field: &str) -> Read<u32> {
        self.read(field, |t| t.replace(',', "").parse().ok(), |value| ImportIssue::BadNumber { value })
    }

    /// A decimal number.
    pub fn decimal(&self, field: &str) -> Read<f64> {
        let parse = |t: &str| t.parse::<f64>().ok().filter(|v| v.is_finite());
        self.read(field, parse, |value| ImportIssue::BadNumber { value })
    }

    /// A day written `YYYY-MM-DD`.
    pub fn day(&self, field: &str) -> Read<Date> {
        self.read(field, |t| t.parse().ok(), |value| ImportIssue::BadDate { value })
    }

    /// A moment as the export writes it; `None` when empty, unmapped or bad.
    pub fn timestamp(&self, field: &str) -> Option<Timestamp> {
        let text = self.filled(field)?;
        let value = text.trim().parse::<Timestamp>().ok();
        if value.is_none() {
            self.problem(field, ImportIssue::BadTimestamp { value: text });
        }
        value
    }

    /// Ids separated by `;`.
    pub fn ids(&self, field: &str) -> Option<Vec<Id>> {
        let text = self.text(field)?;
        Some(text.split(';').map(str::trim).filter(|id| !id.is_empty()).map(Id::new).collect())
    }

    /// One id.
    pub fn id(&self, field: &str) -> Read<Id> {
        self.read(field, |t| Some(Id::new(t)), |value| ImportIssue::BadNumber { value })
    }
}
/// One problem with one cell or row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    /// The line of the file the row starts on.
    pub line: u64,
    /// The column's header (the field name for whole-record problems).
    pub column: String,
    /// What is wrong.
    pub issue: ImportIssue,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.issue)
    }
}
