//! Opening a large dataset, as a researcher waits for it: the time from asking the window to open
//! a file to the frame where the table first shows its rows (the headless app, as `frames.rs`
//! runs it), each frame drawn meanwhile, the charts of the just-opened dataset, each stage of the
//! open by itself, and the whole `check` and `stats` processes on the same file.
//!
//! `cargo bench --bench open`; 100,000 records (half incidents, half rallies, as `generate
//! --incidents 50000 --rallies 50000 --seed 7` writes them) unless `BENCH_SIZES=100000,1000000`
//! says (records in all). `BENCH_ONLY=window|stages|process` runs one part.

mod common;

use std::path::Path;
use std::process::Command as Process;
use std::time::{Duration, Instant};

use common::driver::Driver;
use repatriation_watch::app::RepatriationWatchApp;
use repatriation_watch::generate::{GenerateOptions, generate};
use repatriation_watch::model::{Dataset, ProblemIndex};
use repatriation_watch::query::search_text::SearchText;
use repatriation_watch::store::{Progress, load_file_with_progress, save_file, to_ron};
use repatriation_watch::ui::command::Command;

/// How often each whole-process figure is measured (the median is given).
const RUNS: usize = 5;

fn dataset(records: usize) -> Dataset {
    generate(GenerateOptions { incidents: records / 2, rallies: records / 2, seed: 7 })
}

/// Frames (a few milliseconds apart, as a window waiting on a thread draws them) until `done`;
/// returns each frame's time.
fn frames_until(driver: &mut Driver, mut done: impl FnMut(&RepatriationWatchApp) -> bool) -> Vec<Duration> {
    let mut frames = vec![driver.frame(Vec::new())];
    while !done(&driver.app) {
        std::thread::sleep(Duration::from_millis(4));
        frames.push(driver.frame(Vec::new()));
    }
    frames
}

fn ms(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1000.0)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn worst(times: &[Duration]) -> Duration {
    times.iter().copied().max().unwrap_or_default()
}

/// The window: asked to open the file, until the table shows its rows, then until the records
/// are checked; then, the charts asked for at once, until they are drawn.
fn window(records: usize, file: &Path, dir: &Path) {
    let started = Instant::now();
    let mut driver = Driver::starting(file, &dir.join("recovery"));
    let mut frames = frames_until(&mut driver, |app| !app.is_busy());
    // The frame after the one that took the records draws them (and any search still running).
    frames.push(driver.frame(Vec::new()));
    while driver.app.is_searching() {
        std::thread::sleep(Duration::from_millis(4));
        frames.push(driver.frame(Vec::new()));
    }
    let shown = started.elapsed();
    assert!(!driver.app.dataset().incidents.is_empty(), "the table shows the records");
    println!(
        "| {records} | window: asked to open → the table shows its rows | {} | worst frame meanwhile {} ({} frames) |",
        ms(shown),
        ms(worst(&frames)),
        frames.len()
    );
    let mut checking = frames_until(&mut driver, |app| !app.is_checking());
    checking.push(driver.frame(Vec::new()));
    println!(
        "| {records} | window: asked to open → the records checked (their problems counted) | {} | worst frame meanwhile {} |",
        ms(started.elapsed()),
        ms(worst(&checking))
    );
    driver.app.request(Command::ShowCharts);
    let started = Instant::now();
    let mut frames = vec![driver.frame(Vec::new())];
    frames.extend(frames_until(&mut driver, |app| !app.is_charting()));
    frames.push(driver.frame(Vec::new()));
    println!(
        "| {records} | window: charts asked for once checked → drawn | {} | worst frame meanwhile {} |",
        ms(started.elapsed()),
        ms(worst(&frames))
    );
    let started = Instant::now();
    drop(driver);
    println!("| {records} | window: closed (the records dropped) | {} | |", ms(started.elapsed()));
}

/// Each stage of the background open by itself.
fn stages(records: usize, file: &Path) {
    let time = |what: &str, work: &mut dyn FnMut()| {
        let started = Instant::now();
        work();
        println!("| {records} | stage: {what} | {} | |", ms(started.elapsed()));
    };
    let mut dataset = Dataset::default();
    time("read and parse the file", &mut || {
        dataset = load_file_with_progress(file, &Progress::default()).expect("loads");
    });
    time("sort by id", &mut || dataset.sort_by_id());
    time("problems", &mut || drop(std::hint::black_box(ProblemIndex::of(&dataset))));
    time("search text (incidents and rallies)", &mut || {
        std::hint::black_box((
            SearchText::written(&dataset.incidents),
            SearchText::written(&dataset.rallies),
        ));
    });
    time("save: the text alone", &mut || drop(std::hint::black_box(to_ron(&dataset).expect("writes"))));
    time("save, whole and atomic", &mut || {
        save_file(&dataset, &file.with_extension("saved.ron")).expect("saves");
    });
    time("drop the records", &mut || drop(std::mem::take(&mut dataset)));
}

/// The whole `check` and `stats` processes, as a shell runs them.
fn processes(records: usize, file: &Path) {
    for command in ["check", "stats"] {
        let times = (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                let output = Process::new(env!("CARGO_BIN_EXE_repatriation-watch"))
                    .arg(command)
                    .arg(file)
                    .output()
                    .expect("the app runs");
                assert!(
                    output.status.success(),
                    "{command} failed: {}",
                    String::from_utf8_lossy(&output.stderr)
                );
                started.elapsed()
            })
            .collect();
        println!("| {records} | `{command}`, whole process (median of {RUNS}) | {} | |", ms(median(times)));
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this once at a small size.
    let testing = !std::env::args().any(|arg| arg == "--bench");
    let sizes = if testing {
        vec![2_000]
    } else {
        std::env::var("BENCH_SIZES").map_or_else(|_| vec![100_000], |_| common::sizes())
    };
    let only = std::env::var("BENCH_ONLY").ok();
    let runs = |part: &str| only.as_deref().is_none_or(|only| only == part);
    println!("| records | what | time | |");
    println!("| --- | --- | --- | --- |");
    for records in sizes {
        let dir = tempfile::tempdir().expect("temporary folder");
        let file = dir.path().join("data.ron");
        save_file(&dataset(records), &file).expect("writes the dataset");
        if runs("process") {
            processes(records, &file);
        }
        if runs("window") {
            window(records, &file, dir.path());
        }
        if runs("stages") {
            stages(records, &file);
        }
    }
}
