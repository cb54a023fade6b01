//! Peak memory of opening a generated dataset, and of saving it, against the dataset's own size
//! in memory.
//!
//! For each size a fresh process opens the file as the app does in the background
//! (`store::load_file_with_progress`, then sorting, checking and the search text) and reports its
//! resident memory before, after reading (the dataset itself), and at the peaks of reading and of
//! the whole open; then, its peak reset (`/proc/self/clear_refs`), it saves the records
//! (`store::save_file`) and reports the peak of the save. `cargo bench --bench memory`;
//! `BENCH_SIZES=1000000 cargo bench --bench memory` for other sizes.

mod common;

use std::path::Path;
use std::process::Command;

use repatriation_watch::generate::{GenerateOptions, generate};
use repatriation_watch::model::ProblemIndex;
use repatriation_watch::query::search_text::SearchText;
use repatriation_watch::store::{Progress, load_file_with_progress, save_file};

const CHILD: &str = "MEMORY_BENCH_FILE";

/// In the child: opens the file as the app's background open does (reads it, sorts and checks
/// the records, writes their search text) and prints, in kibibytes, the memory before, with the
/// records read, the peak while reading, and the peak of the whole open.
fn measure(file: &Path) {
    let before = common::status_kib("VmRSS:");
    let mut dataset = load_file_with_progress(file, &Progress::default()).expect("the file loads");
    let after = common::status_kib("VmRSS:");
    let reading_peak = common::status_kib("VmHWM:");
    dataset.sort_by_id();
    let problems = ProblemIndex::of(&dataset);
    let texts = (SearchText::written(&dataset.incidents), SearchText::written(&dataset.rallies));
    let peak = common::status_kib("VmHWM:");
    // The peak so far is forgotten: what follows is the save's own.
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    save_file(&dataset, &file.with_extension("saved.ron")).expect("saves");
    let save_peak = if reset { common::status_kib("VmHWM:") } else { 0 };
    println!(
        "{before} {after} {reading_peak} {peak} {save_peak} {}",
        problems.len() + texts.0.pieces() + texts.1.pieces()
    );
}

fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

fn main() {
    if let Some(file) = std::env::var_os(CHILD) {
        measure(Path::new(&file));
        return;
    }
    let testing = !std::env::args().any(|arg| arg == "--bench");
    let sizes = if testing { vec![1_000] } else { common::sizes() };
    println!(
        "| incidents | file | dataset in memory | peak while reading (÷ dataset) | peak of the whole open (÷ dataset) | peak of a save (÷ dataset) |"
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    for incidents in sizes {
        let dir = tempfile::tempdir().expect("temporary folder");
        let file = dir.path().join("data.ron");
        save_file(&generate(GenerateOptions { incidents, rallies: incidents / 10, seed: 1 }), &file)
            .expect("writes the dataset");
        let file_kib = std::fs::metadata(&file).map_or(0, |m| m.len() / 1024);
        let exe = std::env::current_exe().expect("this benchmark's path");
        let output = Command::new(exe).env(CHILD, &file).output().expect("the child runs");
        let text = String::from_utf8_lossy(&output.stdout);
        let numbers: Vec<u64> = text.split_whitespace().filter_map(|n| n.parse().ok()).collect();
        let [before, after, reading_peak, peak, save_peak, _] = numbers[..] else {
            panic!("the child said {text}")
        };
        let dataset = after.saturating_sub(before).max(1);
        let ratio = |peak: u64| format!("{:.2}×", peak.saturating_sub(before) as f64 / dataset as f64);
        let save = if save_peak == 0 {
            "not measured (no /proc/self/clear_refs)".to_owned()
        } else {
            format!("{} ({})", mib(save_peak.saturating_sub(before)), ratio(save_peak))
        };
        println!(
            "| {incidents} | {} | {} | {} ({}) | {} ({}) | {save} |",
            mib(file_kib),
            mib(dataset),
            mib(reading_peak.saturating_sub(before)),
            ratio(reading_peak),
            mib(peak.saturating_sub(before)),
            ratio(peak),
        );
    }
}
