//! Datasets in and out of other tools: CSV import (spreadsheets from partner groups) and
//! merging two datasets record by record. Pure: the store reads and writes the files.

mod cells;
pub mod csv_export;
pub mod csv_import;
mod fields;
pub mod merge;
pub mod share;
pub mod versions;

pub use cells::{ImportIssue, RowProblem};
pub use csv_export::{
    CSV_FILES, SecondHeader, csv_columns, csv_header, csv_tables, estimates_data, formula_safe,
    formula_unsafe,
};
pub use csv_import::{
    CsvTable, Mapping, Preview, TableError, apply, auto_mapping, field_for, preview, read_table,
};
pub use merge::{LookAlike, MergeOutcome, merge};
pub use share::{SHARE_KINDS, ShareAccount, confidential_count, shared_copy};
