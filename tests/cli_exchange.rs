//! The command line's import and JSON export, run as a user would.

use std::path::Path;
use std::process::{Command, Output};

use repatriation_watch::store::{SAMPLE_RON, load_file};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_repatriation-watch")).args(args).output().expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

#[test]
fn import_creates_the_dataset_when_it_does_not_exist() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let csv = path(dir.path(), "places.csv");
    std::fs::write(
        &csv,
        "id,name,name_ko,kind\npl-dandong,Dandong,단둥,city\npl-sinuiju,Sinuiju,신의주,city\n",
    )
    .expect("write");
    let into = path(dir.path(), "new.ron");
    let output = run(&["import", &csv, "--kind", "places", "--into", &into]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let dataset = load_file(Path::new(&into)).expect("the new dataset loads");
    let names: Vec<(&str, &str)> =
        dataset.places.iter().map(|p| (p.name.as_str(), p.name_ko.as_str())).collect();
    assert_eq!(names, [("Dandong", "단둥"), ("Sinuiju", "신의주")]);
}

#[test]
fn import_writes_nothing_when_a_row_fails_and_says_where() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let into = path(dir.path(), "data.ron");
    std::fs::write(&into, SAMPLE_RON).expect("write");
    let csv = path(dir.path(), "incidents.csv");
    std::fs::write(
        &csv,
        "title,event_date,size_text\nGood row,2023-11-20,about 30\nBad row,20 Nov,about 30\n",
    )
    .expect("write");
    let output = run(&["import", &csv, "--kind", "incidents", "--into", &into]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains(&format!("{csv}:3: event_date: “20 Nov” is not a date")), "{message}");
    assert!(message.contains("nothing imported"), "{message}");
    assert_eq!(std::fs::read_to_string(&into).expect("read"), SAMPLE_RON, "the dataset is untouched");
}

#[test]
fn import_adds_new_rows_and_updates_rows_with_known_ids() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let into = path(dir.path(), "data.ron");
    std::fs::write(&into, SAMPLE_RON).expect("write");
    let csv = path(dir.path(), "incidents.csv");
    std::fs::write(
        &csv,
        "id,title,date,people\ninc-2023-11-20-dandong-sinuiju,Some 30 sent back from Dandong to Sinuiju (updated),,\n\
         ,A new report,2024년 1월 초,약 20명\n",
    )
    .expect("write");
    let output = run(&["import", &csv, "--kind", "incidents", "--into", &into]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("1 added, 1 updated"));
    let dataset = load_file(Path::new(&into)).expect("loads");
    assert_eq!(dataset.incidents.len(), 12);
    let updated = dataset.incidents.iter().find(|i| i.title.ends_with("(updated)")).expect("updated");
    assert_eq!(
        updated.date.earliest,
        Some(jiff::civil::date(2023, 11, 20)),
        "empty cells leave fields as they were"
    );
    assert_eq!(updated.estimates[0].count.as_reported, "some 30");
    let new = dataset.incidents.iter().find(|i| i.title == "A new report").expect("added");
    assert_eq!(new.estimates[0].count.best, Some(20));
    assert_eq!(new.date.earliest, Some(jiff::civil::date(2024, 1, 1)));
}

#[test]
fn export_json_writes_the_whole_dataset_for_scripts() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = path(dir.path(), "data.ron");
    std::fs::write(&file, SAMPLE_RON).expect("write");
    let out = path(dir.path(), "data.json");
    let output = run(&["export", &file, "--json", &out]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).expect("read")).expect("JSON");
    assert_eq!(json["format"], "repatriation-watch");
    assert_eq!(json["incidents"].as_array().map(Vec::len), Some(11));
    let text = std::fs::read_to_string(&out).expect("read");
    assert!(text.contains("\"as_reported\": \"at least 95\""), "the words are kept");
}

#[test]
fn merge_writes_the_merged_file_and_exits_1_on_a_conflict() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let ours = path(dir.path(), "ours.ron");
    let theirs = path(dir.path(), "theirs.ron");
    let out = path(dir.path(), "merged.ron");
    std::fs::write(&ours, SAMPLE_RON).expect("write");
    std::fs::write(
        &theirs,
        SAMPLE_RON.replace("Some 30 sent back from Dandong to Sinuiju", "Thirty sent back"),
    )
    .expect("write");
    let output = run(&["merge", &ours, &ours, "--into", &out]);
    assert_eq!(output.status.code(), Some(0), "a copy merged with itself: {}", stderr(&output));
    let output = run(&["merge", &ours, &theirs, "--into", &out]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(stdout.contains("conflict: incident inc-2023-11-20-dandong-sinuiju"), "{stdout}");
    let merged = load_file(Path::new(&out)).expect("the merged file loads");
    assert_eq!(merged.conflicts.incidents[0].title, "Thirty sent back");
}
