//! CSV export: the five tables of `exchange::csv_tables`, one file each.

use std::fs;
use std::path::{Path, PathBuf};

use super::atomic::write_atomically;
use super::{SaveError, SaveStep};
use crate::exchange::{CSV_FILES, SecondHeader, csv_tables};
use crate::model::Dataset;

/// Writes the five CSV files into `dir` (created when missing); returns their paths. With
/// `second_header`, a row of labels follows the column names.
pub fn export_csv(
    dataset: &Dataset,
    dir: &Path,
    second_header: Option<SecondHeader<'_>>,
) -> Result<Vec<PathBuf>, SaveError> {
    fs::create_dir_all(dir).map_err(|source| SaveError::Write {
        path: dir.to_owned(),
        action: SaveStep::CreateFolder(dir.to_owned()),
        source,
    })?;
    let mut written = Vec::new();
    for (name, table) in CSV_FILES.iter().zip(csv_tables(dataset, second_header)) {
        let path = dir.join(name);
        write_atomically(&path, &table, false)?;
        written.push(path);
    }
    Ok(written)
}
