//! The command line, through the real binary: output and exit codes.

use std::path::Path;
use std::process::{Command, Output};

use repatriation_watch::store::SAMPLE_RON;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_repatriation-watch")).args(args).output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

/// A folder holding the sample as `sample.ron`.
fn sample_dir() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("sample.ron");
    std::fs::write(&path, SAMPLE_RON).expect("write");
    let path = path.display().to_string();
    (dir, path)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

#[test]
fn check_summarizes_a_sound_file_and_exits_0() {
    let (_dir, sample) = sample_dir();
    let output = run(&["check", &sample]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "{sample}: 11 incidents, 6 rallies, 5 sources, 11 places, 7 organizations, 0 problems, 1 warning\n\
             {sample}: warning: rally ral-new-york-weekly-protests, date: the date \"every Tuesday and Thursday\" \
             was not understood: the record is left out of the charts\n"
        )
    );
}

#[test]
fn check_warns_of_words_not_understood_and_fails_on_them_only_when_strict() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = write(
        dir.path(),
        "vague.ron",
        "(format: \"repatriation-watch\", version: 1, incidents: [(id: \"i1\", title: \"Sent back\", \
         date: (as_reported: \"sometime-ish\"), estimates: [(count: (as_reported: \"lots\"))])])",
    );
    let output = run(&["check", &file]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let expected = format!(
        "{file}: 1 incidents, 0 rallies, 0 sources, 0 places, 0 organizations, 0 problems, 2 warnings\n\
         {file}: warning: incident i1, date: the date \"sometime-ish\" was not understood: the record is left out of the charts\n\
         {file}: warning: incident i1, estimates[0].count: the figure \"lots\" was not understood: it counts no one\n"
    );
    assert_eq!(stdout(&output), expected);
    assert_eq!(run(&["check", "--strict", &file]).status.code(), Some(1));
}

#[test]
fn check_reports_where_a_file_is_broken_and_exits_1() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let broken = write(
        dir.path(),
        "broken.ron",
        "(\n  format: \"repatriation-watch\",\n  version: 1,\n  places: [(id: 5)],\n)",
    );
    let before = std::fs::read(&broken).expect("read");
    let output = run(&["check", &broken]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.starts_with(&format!("{broken}:4:")), "{text}");
    assert_eq!(text.lines().count(), 1, "{text}");
    assert_eq!(std::fs::read(&broken).expect("read"), before, "check wrote to the file");
}

#[test]
fn check_lists_validation_problems_one_a_line_and_exits_1() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = write(
        dir.path(),
        "problems.ron",
        "(format: \"repatriation-watch\", version: 1, incidents: [(id: \"i1\", title: \"\", parent: \"i9\")])",
    );
    let output = run(&["check", &file]);
    assert_eq!(output.status.code(), Some(1));
    let expected = format!(
        "{file}: 1 incidents, 0 rallies, 0 sources, 0 places, 0 organizations, 2 problems\n\
         {file}: incident i1, title: the title is empty\n\
         {file}: incident i1, parent: refers to incident i9, which does not exist\n"
    );
    assert_eq!(stdout(&output), expected);
}

#[test]
fn check_goes_through_every_file_and_fails_if_any_fails() {
    let (dir, sample) = sample_dir();
    let missing = dir.path().join("missing.ron").display().to_string();
    let output = run(&["check", &sample, &missing]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.lines().next().is_some_and(|line| line.ends_with("0 problems, 1 warning")), "{text}");
    assert!(text.contains(&format!("{missing}: cannot read the file")), "{text}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(run(&["stats"]).status.code(), Some(2));
    assert_eq!(run(&["export", "file.ron"]).status.code(), Some(2));
    assert_eq!(run(&["check", "--no-such-flag", "x.ron"]).status.code(), Some(2));
}

#[test]
fn every_subcommand_has_help() {
    for command in ["check", "stats", "export", "generate"] {
        let output = run(&[command, "--help"]);
        assert_eq!(output.status.code(), Some(0));
        assert!(stdout(&output).contains("Usage: repatriation-watch"), "{command}");
    }
    assert!(stdout(&run(&["--help"])).contains("check"));
}

#[test]
fn stats_prints_the_monthly_figures_the_seeds_support() {
    let (_dir, sample) = sample_dir();
    let output = run(&["stats", &sample]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("month,incidents,people_low,people_best,people_high,rallies,attendance_best")
    );
    let row = |month: &str| text.lines().find(|line| line.starts_with(month)).unwrap_or_default().to_owned();
    // The mass repatriation after the Asian Games: "roughly 600", confirmed by Seoul.
    assert_eq!(row("2023-10"), "2023-10,1,600.0,600.0,600.0,0,0.0");
    // Hanbyun's four occasions, counted through its legs: some 30 on Nov. 20 and another 10 at
    // the end of November; about 20 at the end of December and around 35 on Dec. 26. The total
    // is "at least 95", so the high figure is open.
    assert_eq!(row("2023-11"), "2023-11,2,40.0,40.0,,1,0.0");
    assert_eq!(row("2023-12"), "2023-12,2,55.0,55.0,,0,0.0");
    // "over 200" from Baiyin in April 2024.
    assert_eq!(row("2024-04"), "2024-04,1,200.0,200.0,,0,0.0");
    // About two dozen protested on 30 April 2019.
    assert_eq!(row("2019-04"), "2019-04,1,0.0,0.0,0.0,1,24.0");
    // Every month from the first to the last with data.
    assert_eq!(text.lines().nth(1).map(|l| &l[..7]), Some("2000-01"));
    assert_eq!(text.lines().last().map(|l| &l[..7]), Some("2024-06"));
    assert_eq!(text.lines().count(), 1 + 24 * 12 + 6);
}

#[test]
fn stats_on_a_broken_file_says_where_and_exits_1() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let broken = write(dir.path(), "broken.ron", "(format: \"repatriation-watch\", version: 1,");
    let output = run(&["stats", &broken]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).starts_with(&format!("{broken}:1:")), "{}", stderr(&output));
}

#[test]
fn export_writes_one_csv_per_kind_with_words_beside_numbers() {
    let (dir, sample) = sample_dir();
    let out = dir.path().join("csv");
    let output = run(&["export", &sample, "--csv", &out.display().to_string()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for (name, rows) in [
        ("incidents.csv", 11),
        ("rallies.csv", 6),
        ("sources.csv", 5),
        ("places.csv", 11),
        ("organizations.csv", 7),
    ] {
        let mut reader = csv::Reader::from_path(out.join(name)).expect(name);
        assert_eq!(reader.records().count(), rows, "{name}");
    }
    let mut reader = csv::Reader::from_path(out.join("incidents.csv")).expect("incidents");
    let header = reader.headers().expect("header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let hanbyun = reader
        .records()
        .map(|r| r.expect("row"))
        .find(|r| &r[0] == "inc-2023-11-four-occasions")
        .expect("the four occasions");
    assert_eq!(&hanbyun[column("size_text")], "at least 95");
    assert_eq!(&hanbyun[column("size_low")], "95");
    assert_eq!(&hanbyun[column("size_high")], "");
    assert_eq!(&hanbyun[column("event_date")], "2023-11-01");
    assert_eq!(&hanbyun[column("time_precision")], "range");
    assert_eq!(&hanbyun[column("date_text")], "between November and December last year");
}

#[test]
fn export_can_add_a_korean_header_row_under_the_column_names() {
    let (dir, sample) = sample_dir();
    let out = dir.path().join("csv");
    let output = run(&["export", &sample, "--csv", &out.display().to_string(), "--korean-header"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut reader = csv::Reader::from_path(out.join("incidents.csv")).expect("incidents");
    let header = reader.headers().expect("header").clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 12, "the Korean names, then the 11 incidents");
    let korean = &rows[0];
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    assert_eq!(&header[column("event_date")], "event_date", "the first row stays English for scripts");
    assert_eq!(&korean[column("event_date")], "날짜(시작)");
    assert_eq!(&korean[column("size_text")], "보도된 인원 표현");
    assert_eq!(&korean[column("title")], "제목");
    assert!(rows[1..].iter().all(|row| row[0].starts_with("inc-")), "the records follow");
}

#[test]
fn export_escapes_cells_a_spreadsheet_would_run() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = write(
        dir.path(),
        "formula.ron",
        "(format: \"repatriation-watch\", version: 1, places: [(id: \"p1\", name: \"=HYPERLINK(1)\", notes: \"@SUM(A1)\", longitude: -73.9)])",
    );
    let out = dir.path().join("out");
    let output = run(&["export", &file, "--csv", &out.display().to_string()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(out.join("places.csv")).expect("places");
    let row = text.lines().nth(1).expect("a row");
    assert!(row.contains(",'=HYPERLINK(1),"), "{row}");
    assert!(row.contains(",'@SUM(A1),"), "{row}");
    assert!(row.contains(",-73.9,"), "numbers are written as numbers: {row}");
}

#[test]
fn export_into_a_file_path_fails_with_a_message() {
    let (dir, sample) = sample_dir();
    let output = run(&["export", &sample, "--csv", &sample]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("could not save"), "{}", stderr(&output));
    assert!(dir.path().join("sample.ron").is_file());
}

#[test]
fn generate_writes_a_sound_dataset_the_same_for_the_same_seed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let first = dir.path().join("first.ron").display().to_string();
    let second = dir.path().join("second.ron").display().to_string();
    for out in [&first, &second] {
        let output = run(&["generate", "--incidents", "300", "--rallies", "40", "--seed", "9", out]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(
            stdout(&output).starts_with(&format!("wrote {out}: 300 incidents, 40 rallies")),
            "{}",
            stdout(&output)
        );
    }
    assert_eq!(std::fs::read(&first).expect("read"), std::fs::read(&second).expect("read"));
    let check = run(&["check", &first]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}
