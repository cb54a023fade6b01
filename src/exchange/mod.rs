//! Datasets in and out of other tools: CSV import (spreadsheets from partner groups) and
//! merging two datasets record by record. Pure: the store reads and writes the files.

mod cells;
pub mod csv_import;
mod fields;
pub mod merge;
pub mod versions;

pub use cells::ImportIssue;
pub use csv_import::{
    CsvTable, Mapping, Preview, RowProblem, TableError, apply, auto_mapping, field_for, preview, read_table,
};
pub use merge::{LookAlike, MergeOutcome, merge};
