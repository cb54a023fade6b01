//! The command line: open the window, or check, summarize and export files without one.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod chart;
mod exchange;
mod extract;
mod report;
mod secrets;
mod selection;
mod share;

use crate::generate::{GenerateOptions, generate};
use crate::model::validate;
use crate::store;
use crate::{app, stats};

/// Document forced repatriations of North Korean escapees and the rallies against them.
///
/// With no subcommand, opens the window on FILE, or on the built-in sample when none is given.
#[derive(Debug, Parser)]
#[command(name = "repatriation-watch", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The dataset (.ron) to open in the window.
    pub file: Option<PathBuf>,
    /// What to do instead of opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// For encrypted datasets: read the passphrase from this file's first line (for scripts)
    /// instead of asking on the terminal. A passphrase is never taken as an argument.
    #[arg(long, value_name = "F", global = true)]
    pub passphrase_file: Option<PathBuf>,
    /// For encrypted datasets: the key file to unlock, instead of the one beside each dataset
    /// (`NAME.ron.age.key`): a team member's own.
    #[arg(long, value_name = "KEY", global = true)]
    pub key_file: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check that files load and validate; one line a file, then one a problem.
    ///
    /// Warnings (`FILE: warning: …`) name records whose date or figure was not understood: the
    /// words are kept, but the record is left out of the charts and `stats`. Exits 0 when every
    /// file is sound (warnings allowed, unless `--strict`), 1 when any cannot be read or has
    /// problems.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        strict: bool,
    },
    /// Print, as CSV, the monthly figures the charts draw.
    ///
    /// Columns: `month,incidents,people_low,people_best,people_high,rallies,attendance_best`.
    /// People are those forcibly repatriated, at each incident's preferred estimate; legs are
    /// counted instead of their parent; records spanning several months are spread by days;
    /// `people_high` is empty when an estimate in the month is open-ended ("at least 95").
    Stats {
        /// The dataset to summarize.
        file: PathBuf,
    },
    /// Export a dataset as CSV files, one per kind of record, or as one JSON file.
    Export {
        /// The dataset to export.
        file: PathBuf,
        /// The folder to write incidents.csv, rallies.csv, sources.csv, places.csv and
        /// organizations.csv into (created when missing).
        #[arg(long, value_name = "DIR", required_unless_present = "json")]
        csv: Option<PathBuf>,
        /// The file to write the whole dataset into as JSON, for scripts and dashboards.
        #[arg(long, value_name = "OUT.json")]
        json: Option<PathBuf>,
        /// Add a second header row with the columns' names in Korean, for reading the files
        /// in a spreadsheet (scripts should read only the first).
        #[arg(long)]
        korean_header: bool,
    },
    /// Import a CSV file's rows into a dataset.
    ///
    /// Columns are matched to fields by their names (as the export writes them, and common
    /// others such as `date` and `people`); dates and figures in words are read as the forms
    /// read them. A row whose id exists updates that record; a new id, or none, adds one.
    /// Nothing is written when any row has a problem: each is printed with its line and column.
    Import {
        /// The CSV file (UTF-8, with or without a byte-order mark).
        csv: PathBuf,
        /// What the rows are.
        #[arg(long, value_enum)]
        kind: exchange::KindArg,
        /// The dataset to import into (created when it does not exist).
        #[arg(long, value_name = "FILE")]
        into: PathBuf,
    },
    /// Merge two copies of a dataset record by record.
    ///
    /// Records are matched by id: the same record in both is kept once, a record only one copy
    /// has is kept, and a record the copies give differently is a conflict, kept in OUT for the
    /// app to resolve (File → Merge shows it). Records that look like one event under two ids
    /// are listed. Exits 0 when nothing conflicts, 1 when something does (OUT is written and
    /// loads either way).
    Merge {
        /// Our copy.
        base: PathBuf,
        /// Their copy.
        other: PathBuf,
        /// The file to write the merged dataset into.
        #[arg(long, value_name = "OUT")]
        into: PathBuf,
    },
    /// A git merge driver for datasets: `merge-driver %O %A %B` merges record by record and
    /// writes the result over %A.
    ///
    /// A record changed on one branch only takes that change; a record changed on both
    /// differently is a conflict, kept in the file for the app to resolve. Exits 0 when no
    /// record conflicts, 1 otherwise (the file still loads). See the README for the
    /// `.gitattributes` and `git config` lines.
    MergeDriver {
        /// The common ancestor (%O).
        ancestor: PathBuf,
        /// Our version (%A), overwritten with the result.
        ours: PathBuf,
        /// Their version (%B).
        theirs: PathBuf,
        /// The dataset's path in the repository (%P): an encrypted dataset's key file is the
        /// one beside it.
        path: Option<PathBuf>,
    },
    /// Encrypt a dataset in place: `FILE` becomes `FILE.age`, encrypted to a new key kept in
    /// `FILE.age.key` and protected by a new passphrase (asked twice on the terminal, or read
    /// from --passphrase-file); the plain file and its backup are removed once the encrypted
    /// one reads back the same.
    Encrypt {
        /// The plain dataset.
        file: PathBuf,
    },
    /// Decrypt a dataset in place: `FILE.age` becomes `FILE`, not encrypted, and the encrypted
    /// file, its backup and its key files are removed.
    Decrypt {
        /// The encrypted dataset.
        file: PathBuf,
        /// Print the dataset's text instead, writing nothing (for `git diff`'s textconv).
        #[arg(long)]
        stdout: bool,
    },
    /// Read an article (plain text) and list the incidents and rallies it reports, as the
    /// article assistant proposes them: kind, days and figure with the article's words, places,
    /// and the sentence each comes from.
    ///
    /// With `--json`, one JSON object `{"source", "incidents", "rallies"}` (dates and figures as
    /// in the dataset file, places by name, a leg's `parent` as the index of its incident). With
    /// `--into FILE`, every record proposed is added to that dataset (created when missing), tied
    /// to a new source: a script's way; in the window, each is reviewed first.
    Extract {
        /// The article, as UTF-8 text.
        article: PathBuf,
        /// The day the article was published (YYYY-MM-DD), for its relative dates ("Tuesday",
        /// "last month").
        #[arg(long, value_name = "YYYY-MM-DD")]
        published: Option<jiff::civil::Date>,
        /// Print JSON instead of lines for reading.
        #[arg(long)]
        json: bool,
        /// Add the records to this dataset instead of printing them.
        #[arg(long, value_name = "FILE", conflicts_with = "json")]
        into: Option<PathBuf>,
    },
    /// Write a copy of a dataset to share with partners, journalists or a UN submission:
    /// without the records marked confidential, with the personal details marked confidential
    /// withheld, and no reference left to a record left out. What it leaves out is printed and
    /// written beside the copy.
    Share {
        /// The dataset to share from.
        file: PathBuf,
        /// The copy to write (a dataset file); its account of what was left out is written
        /// beside it, as `OUT.left-out.txt`.
        #[arg(long, value_name = "OUT.ron")]
        out: PathBuf,
        /// Also write the copy as CSV files into this folder.
        #[arg(long, value_name = "DIR")]
        csv: Option<PathBuf>,
    },
    /// Draw a chart of a dataset as SVG or PNG, without opening the window: the chart the charts
    /// screen draws, with its title, notes and legend, over the records the filters keep.
    ///
    /// Exits 1, writing nothing, when the dataset does not load, the filters keep nothing the
    /// chart can draw, or the file cannot be written.
    Chart(chart::ChartArgs),
    /// Write a report of a dataset as PDF, for partners, governments and UN submissions: a title
    /// page, the summary figures (those of `stats`) and how they were counted, the charts, and
    /// the incidents and rallies in date order with their sources numbered.
    ///
    /// It is made from the copy `share` would write: confidential records are left out and
    /// confidential details withheld, and the title page says what was. Exits 1, writing
    /// nothing, when the dataset does not load, has nothing in the period and filters, or the
    /// file cannot be written.
    Report(report::ReportArgs),
    /// Write a synthetic dataset for trying the app at scale: realistic in shape (dates over
    /// 2000–2026, places like the seeds', every kind of figure, legs, several estimates, Korean
    /// in a fifth of the titles), the same for the same seed. Every record says it is synthetic.
    Generate {
        /// How many incidents (legs included).
        #[arg(long, default_value_t = 1000)]
        incidents: usize,
        /// How many rallies.
        #[arg(long, default_value_t = 100)]
        rallies: usize,
        /// The seed: the same seed gives the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The file to write (.ron).
        out: PathBuf,
    },
}

/// Runs the command line and returns the exit code: 0 success, 1 failure, 2 usage error
/// (clap reports those itself).
pub fn run(cli: Cli) -> ExitCode {
    secrets::configure(cli.passphrase_file, cli.key_file);
    match cli.command {
        None => match app::run_native(cli.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("repatriation-watch: cannot open the window: {error}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Check { files, strict }) => {
            exit_code(files.iter().map(|file| check(file, strict)).fold(true, |a, b| a & b))
        }
        Some(Command::Stats { file }) => exit_code(print_stats(&file)),
        Some(Command::Export { file, csv, json, korean_header }) => {
            exit_code(exchange::export(&file, csv.as_deref(), json.as_deref(), korean_header))
        }
        Some(Command::Import { csv, kind, into }) => exit_code(exchange::import(&csv, kind.into(), &into)),
        Some(Command::Merge { base, other, into }) => {
            exit_code(exchange::merge_files(None, &base, &other, &into))
        }
        Some(Command::MergeDriver { ancestor, ours, theirs, path }) => {
            exit_code(exchange::merge_driver(&ancestor, &ours, &theirs, path.as_deref()))
        }
        Some(Command::Encrypt { file }) => exit_code(secrets::encrypt(&file)),
        Some(Command::Decrypt { file, stdout }) => exit_code(secrets::decrypt(&file, stdout)),
        Some(Command::Share { file, out, csv }) => exit_code(share::share(&file, &out, csv.as_deref())),
        Some(Command::Extract { article, published, json, into }) => {
            exit_code(extract::extract(&article, published, json, into.as_deref()))
        }
        Some(Command::Chart(args)) => exit_code(chart::chart(&args)),
        Some(Command::Report(args)) => exit_code(report::report(&args)),
        Some(Command::Generate { incidents, rallies, seed, out }) => {
            exit_code(write_generated(GenerateOptions { incidents, rallies, seed }, &out))
        }
    }
}

fn exit_code(success: bool) -> ExitCode {
    if success { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// Prints a file's summary, problems and warnings; returns whether it is sound (with no
/// warnings either, when `strict`).
fn check(file: &Path, strict: bool) -> bool {
    let dataset = match secrets::load(file) {
        Ok(dataset) => dataset,
        Err(error) => {
            println!("{error}");
            return false;
        }
    };
    let (warnings, problems): (Vec<_>, Vec<_>) =
        validate(&dataset).into_iter().partition(crate::model::Problem::is_warning);
    let warned = match warnings.len() {
        0 => String::new(),
        1 => ", 1 warning".to_owned(),
        n => format!(", {n} warnings"),
    };
    println!("{}: {}, {} problems{warned}", file.display(), dataset.summary(), problems.len());
    for problem in &problems {
        println!("{}: {problem}", file.display());
    }
    for warning in &warnings {
        println!("{}: warning: {warning}", file.display());
    }
    leave_to_exit(dataset);
    problems.is_empty() && (warnings.is_empty() || !strict)
}

/// Leaves the records of a command about to end to the end of the process, which frees them at
/// once: freeing them one by one would take a tenth of a second of 100,000 records.
fn leave_to_exit(dataset: crate::model::Dataset) {
    std::mem::forget(dataset);
}

/// Says how a command went: what it wrote on standard output, or why not on standard error;
/// returns whether it succeeded.
fn said(outcome: Result<String, String>) -> bool {
    match outcome {
        Ok(message) => {
            println!("{message}");
            true
        }
        Err(error) => {
            eprintln!("{error}");
            false
        }
    }
}

/// Reads a dataset (an encrypted one with its passphrase), or says why it cannot.
pub(crate) fn load_or_report(file: &Path) -> Option<crate::model::Dataset> {
    secrets::load(file).map_err(|error| eprintln!("{error}")).ok()
}

/// Writes a dataset atomically (encrypted when it is an encrypted dataset), or says why not.
pub(crate) fn save_or_report(dataset: &crate::model::Dataset, file: &Path) -> bool {
    secrets::save(dataset, file).map_err(|error| eprintln!("{error}")).is_ok()
}

fn print_stats(file: &Path) -> bool {
    let Some(dataset) = load_or_report(file) else { return false };
    print!("{}", stats::monthly_csv(&stats::monthly(&dataset)));
    leave_to_exit(dataset);
    true
}

fn write_generated(options: GenerateOptions, out: &Path) -> bool {
    let dataset = generate(options);
    match store::save_file(&dataset, out) {
        Ok(()) => {
            println!("wrote {}: {}", out.display(), dataset.summary());
            true
        }
        Err(error) => {
            eprintln!("{error}");
            false
        }
    }
}
