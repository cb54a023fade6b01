//! The subcommands that move data between tools: export, import.

use std::path::Path;

use crate::exchange::{self, auto_mapping, preview, read_table};
use crate::i18n::{Language, tr_in};
use crate::model::{Dataset, RecordKind};
use crate::store;

/// A kind of record as the command line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// Incidents.
    Incidents,
    /// Rallies.
    Rallies,
    /// Sources.
    Sources,
    /// Places.
    Places,
    /// Organizations.
    Organizations,
}

impl From<KindArg> for RecordKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Incidents => RecordKind::Incident,
            KindArg::Rallies => RecordKind::Rally,
            KindArg::Sources => RecordKind::Source,
            KindArg::Places => RecordKind::Place,
            KindArg::Organizations => RecordKind::Organization,
        }
    }
}

/// The Korean label of a CSV column, for the second header row.
fn korean_column_label(name: &str) -> String {
    tr_in(Language::Korean, &format!("csv-{name}"))
}

/// Writes the CSV files and/or the JSON file; returns whether all were written.
pub fn export(file: &Path, csv: Option<&Path>, json: Option<&Path>, korean_header: bool) -> bool {
    let Some(dataset) = super::load_or_report(file) else { return false };
    let confidential = crate::exchange::confidential_count(&dataset);
    if confidential > 0 {
        eprintln!(
            "note: this export includes {confidential} records marked confidential or with confidential details; `repatriation-watch share` writes a copy without them"
        );
    }
    let mut written = Vec::new();
    if let Some(dir) = csv {
        match store::export_csv(&dataset, dir, korean_header.then_some(&korean_column_label)) {
            Ok(paths) => written.extend(paths),
            Err(error) => {
                eprintln!("{error}");
                return false;
            }
        }
    }
    if let Some(out) = json {
        if let Err(error) = store::export_json(&dataset, out) {
            eprintln!("{error}");
            return false;
        }
        written.push(out.to_owned());
    }
    for path in written {
        println!("wrote {}", path.display());
    }
    true
}

/// Imports the rows of a CSV file into a dataset file; writes nothing when any row fails.
pub fn import(csv: &Path, kind: RecordKind, into: &Path) -> bool {
    let bytes = match store::read_import_file(csv) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{error}");
            return false;
        }
    };
    let table = match read_table(&bytes) {
        Ok(table) => table,
        Err(error) => {
            eprintln!("{}:{error}", csv.display());
            return false;
        }
    };
    let mut dataset = if into.exists() {
        let Some(dataset) = super::load_or_report(into) else { return false };
        dataset
    } else {
        Dataset::default()
    };
    let mapping = auto_mapping(kind, &table.headers);
    let found = preview(&table, kind, &mapping, &dataset, jiff::Timestamp::now());
    for column in &found.ignored_columns {
        eprintln!("{}: column “{column}” matches no field and is left out", csv.display());
    }
    if !found.problems.is_empty() {
        for problem in &found.problems {
            eprintln!("{}:{}: {}: {}", csv.display(), problem.line, problem.column, problem.issue);
        }
        eprintln!(
            "{}: nothing imported: {} problem(s); {} was not changed",
            csv.display(),
            found.problems.len(),
            into.display()
        );
        return false;
    }
    let (added, updated) = (found.added, found.updated);
    exchange::apply(&mut dataset, found.records);
    if !super::save_or_report(&dataset, into) {
        return false;
    }
    println!("{}: {added} added, {updated} updated", into.display());
    true
}

/// The git merge driver: merges %O, %A and %B into %A. For an encrypted dataset, `path` (%P)
/// names the dataset in the work tree, whose key file unlocks all three (git's copies are
/// temporary files with no key file beside them).
pub fn merge_driver(ancestor: &Path, ours: &Path, theirs: &Path, path: Option<&Path>) -> bool {
    if let Some(path) = path {
        super::secrets::key_file_unless_given(store::key_path(path));
    }
    merge_files(Some(ancestor), ours, theirs, ours)
}

/// Merges two files (three with the ancestor) into `into`; returns whether nothing conflicts.
pub fn merge_files(ancestor: Option<&Path>, ours: &Path, theirs: &Path, into: &Path) -> bool {
    let base = match ancestor {
        // Git gives an empty ancestor when both branches added the file.
        Some(path) if std::fs::metadata(path).is_ok_and(|m| m.len() == 0) => Some(Dataset::default()),
        Some(path) => match super::load_or_report(path) {
            Some(dataset) => Some(dataset),
            None => return false,
        },
        None => None,
    };
    let (Some(our_copy), Some(their_copy)) = (super::load_or_report(ours), super::load_or_report(theirs))
    else {
        return false;
    };
    let outcome = exchange::merge(base.as_ref(), &our_copy, &their_copy);
    if !super::save_or_report(&outcome.dataset, into) {
        return false;
    }
    println!(
        "{}: {} the same in both, {} taken from {}, {} conflicting",
        into.display(),
        outcome.identical,
        outcome.taken_from_theirs,
        theirs.display(),
        outcome.conflicts.len()
    );
    for (kind, id) in &outcome.conflicts {
        println!("conflict: {kind} {id}: open {} in the app to choose (File → Merge)", into.display());
    }
    for alike in &outcome.look_alikes {
        println!(
            "look-alike: {} {} (ours) and {} (theirs) may be the same event",
            alike.kind, alike.ours, alike.theirs
        );
    }
    outcome.conflicts.is_empty()
}
