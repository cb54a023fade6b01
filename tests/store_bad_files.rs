//! Broken and hostile files: each gives a clear message that says what and where, never a
//! panic, and the file on disk is left exactly as it was.

use std::path::{Path, PathBuf};

use repatriation_watch::model::validate;
use repatriation_watch::store::{LoadError, SAMPLE_RON, load_file};

/// Writes `bytes` to a file, loads it, checks the file is untouched, and returns the result.
fn load_bytes(bytes: &[u8]) -> Result<repatriation_watch::model::Dataset, LoadError> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, bytes).expect("write");
    let modified = std::fs::metadata(&path).expect("metadata").modified().expect("mtime");
    let result = load_file(&path);
    assert_eq!(std::fs::read(&path).expect("read"), bytes, "loading changed the file");
    assert_eq!(std::fs::metadata(&path).expect("metadata").modified().expect("mtime"), modified);
    let names: Vec<PathBuf> =
        std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").path()).collect();
    assert_eq!(names, [path], "loading wrote a file");
    result
}

fn load_text(text: &str) -> Result<repatriation_watch::model::Dataset, LoadError> {
    load_bytes(text.as_bytes())
}

/// The error's line, column and message, asserting it has a position.
fn syntax_error(text: &str) -> (usize, usize, String) {
    match load_text(text) {
        Err(error @ LoadError::Syntax { .. }) => {
            let (line, column) = error.position().expect("a syntax error has a position");
            assert!(error.to_string().contains(&format!("broken.ron:{line}:{column}: ")), "{error}");
            assert!(error.describe().starts_with(&format!("line {line}, column {column}: ")));
            (line, column, error.to_string())
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

fn head(rest: &str) -> String {
    format!("(\n  format: \"repatriation-watch\",\n  version: 1,\n{rest})\n")
}

#[test]
fn an_empty_file_is_refused() {
    let (line, column, message) = syntax_error("");
    assert_eq!((line, column), (1, 1));
    assert!(message.contains("the file is empty"), "{message}");
    let (_, _, message) = syntax_error("  \n\n");
    assert!(message.contains("the file is empty"), "{message}");
}

#[test]
fn a_file_truncated_anywhere_is_refused_without_panicking() {
    let bytes = SAMPLE_RON.as_bytes();
    let mut cut = 1;
    while cut < bytes.len() {
        // Cutting inside a multi-byte character gives invalid UTF-8; that is reported too.
        // Anywhere else, the message says the file looks cut off, with where it stops.
        let result = load_bytes(&bytes[..cut]);
        if SAMPLE_RON.is_char_boundary(cut) {
            assert!(matches!(result, Err(LoadError::Cut { .. })), "cut at {cut}: {result:?}");
            let message = result.expect_err("a cut file is refused").describe();
            assert!(message.contains("it looks cut off") && message.starts_with("line "), "{message}");
        } else {
            assert!(matches!(result, Err(LoadError::Syntax { .. })), "cut at {cut}: {result:?}");
        }
        cut += 97;
    }
}

#[test]
fn text_that_is_not_ron_is_refused() {
    let (line, _, _) = syntax_error("This is a letter, not a dataset.\n");
    assert_eq!(line, 1);
    let (_, _, message) = syntax_error("{\"format\": \"repatriation-watch\"}");
    assert!(!message.is_empty());
}

#[test]
fn a_wrong_type_is_reported_at_its_line() {
    let (line, column, message) = syntax_error(&head("  incidents: [\n    (id: \"i1\", title: 5),\n  ],\n"));
    assert_eq!(line, 5, "{message}");
    assert!(column > 20, "{message}");
    assert!(message.to_lowercase().contains("string"), "{message}");
}

#[test]
fn an_unknown_variant_names_the_choices() {
    let (line, _, message) =
        syntax_error(&head("  incidents: [\n    (id: \"i1\", kind: Explosion),\n  ],\n"));
    assert_eq!(line, 5);
    assert!(message.contains("Explosion") && message.contains("ForcedRepatriation"), "{message}");
}

#[test]
fn an_unknown_field_is_refused_with_its_name() {
    let (line, _, message) =
        syntax_error(&head("  places: [\n    (id: \"p1\", name: \"Dandong\", colour: \"red\"),\n  ],\n"));
    assert_eq!(line, 5);
    assert!(message.contains("colour"), "{message}");
}

#[test]
fn a_bad_date_says_how_dates_are_written() {
    let (line, _, message) =
        syntax_error(&head("  incidents: [\n    (id: \"i1\", date: (earliest: \"20 Nov 2023\")),\n  ],\n"));
    assert_eq!(line, 5);
    assert!(message.contains("2023-11-20"), "{message}");
}

#[test]
fn a_file_from_a_newer_version_is_refused() {
    let text = "(format: \"repatriation-watch\", version: 7, incidents: [], future_field: [1, 2])";
    match load_text(text) {
        Err(error @ LoadError::TooNew { found: 7, supported: 1, .. }) => {
            assert!(error.to_string().contains("version 7"), "{error}");
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
}

#[test]
fn a_file_of_another_format_is_refused() {
    let result = load_text("(format: \"something-else\", version: 1)");
    assert!(matches!(result, Err(LoadError::WrongFormat { .. })), "{result:?}");
}

#[test]
fn invalid_utf8_is_reported_where_it_is() {
    let mut bytes = b"(\n  format: \"repatriation-watch\",\n  version: 1,\n  incidents: [\n".to_vec();
    bytes.extend_from_slice("    (id: \"i1\", title: \"가나ab".as_bytes());
    bytes.extend_from_slice(b"\xff\xfe\"),\n  ],\n)");
    match load_bytes(&bytes) {
        Err(LoadError::Syntax { line, column, message, .. }) => {
            assert_eq!(line, 5);
            // Columns count characters: `    (id: "i1", title: "가나ab` is 27 of them.
            assert_eq!(column, 28, "{message}");
            assert!(message.contains("UTF-8"), "{message}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn very_deep_nesting_is_refused_without_exhausting_the_stack() {
    let depth = 100_000;
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    // Where a record is expected.
    let (line, column, message) = syntax_error(&head(&format!("  incidents: {nested},\n")));
    assert_eq!((line, column), (4, 15), "{message}");
    // In a field of unknown meaning, which is skipped over to read the version.
    let (line, _, message) = syntax_error(&head(&format!("  future: {nested},\n")));
    assert_eq!(line, 4);
    assert!(message.contains("future"), "{message}");
}

#[test]
fn a_100_megabyte_string_loads() {
    let title = "가".repeat(100 * 1024 * 1024 / 3);
    let text = head(&format!("  incidents: [\n    (id: \"i1\", title: \"{title}\"),\n  ],\n"));
    let dataset = load_text(&text).expect("a long string is not an error");
    assert_eq!(dataset.incidents[0].title.len(), title.len());
}

#[test]
fn a_missing_file_says_it_cannot_be_read() {
    let error = load_file(Path::new("/nonexistent/folder/data.ron")).expect_err("missing");
    assert!(matches!(error, LoadError::Read { .. }));
    assert!(error.to_string().starts_with("/nonexistent/folder/data.ron: cannot read the file"), "{error}");
}

/// Problems the parser cannot see are found by validation, each naming its record and field.
#[test]
fn sound_syntax_with_unsound_data_loads_and_validation_names_each_problem() {
    let text = head(concat!(
        "  sources: [(id: \"s1\", title: \"An article\")],\n",
        "  places: [(id: \"p1\", name: \"Dandong\"), (id: \"p1\", name: \"Dandong again\")],\n",
        "  incidents: [\n",
        "    (id: \"i1\", title: \"Low above high\", estimates: [(count: (qualifier: Between, low: 60, high: 50))]),\n",
        "    (id: \"i2\", title: \"Backwards\", date: (earliest: \"2023-12-26\", latest: \"2023-11-20\", precision: Range)),\n",
        "    (id: \"i3\", title: \"Dangling\", to_place: \"p-missing\", sources: [\"s-missing\"]),\n",
        "  ],\n",
        "  rallies: [(id: \"r1\", title: \"Rally\", responds_to: [\"i-missing\"])],\n",
    ));
    let dataset = load_text(&text).expect("loads");
    let problems: Vec<String> = validate(&dataset).iter().map(ToString::to_string).collect();
    let expected = [
        "place p1, id: the id is used by more than one place",
        "incident i1, estimates[0].count.low: the low figure (60) is greater than the high figure (50)",
        "incident i2, date.latest: the latest day (2023-11-20) is before the earliest (2023-12-26)",
        "incident i3, to_place: refers to place p-missing, which does not exist",
        "incident i3, sources[0]: refers to source s-missing, which does not exist",
        "rally r1, responds_to[0]: refers to incident i-missing, which does not exist",
    ];
    assert_eq!(problems, expected);
}

#[test]
fn a_number_out_of_range_is_reported_at_its_line() {
    let text = head(
        "  incidents: [(id: \"inc-1\", title: \"t\", estimates: [(count: (qualifier: AtLeast, low: 99999999999))])],\n",
    );
    let (line, _, message) = syntax_error(&text);
    assert_eq!(line, 4, "{message}");
}

#[test]
fn nul_bytes_are_refused_with_a_place_not_a_crash() {
    let mut outside = head("").into_bytes();
    outside.insert(0, 0);
    match load_bytes(&outside) {
        Err(error @ LoadError::Syntax { .. }) => assert_eq!(error.position(), Some((1, 1)), "{error}"),
        other => panic!("expected a syntax error at the NUL, got {other:?}"),
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading_it() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).expect("create");
    // A sparse file: as large as the limit plus one byte, without writing gigabytes.
    file.set_len(repatriation_watch::store::MAX_FILE_BYTES + 1).expect("set the size");
    match load_file(&path) {
        Err(LoadError::TooLarge { size_bytes, limit_bytes, .. }) => {
            assert_eq!(
                (size_bytes, limit_bytes),
                (limit_bytes + 1, repatriation_watch::store::MAX_FILE_BYTES)
            );
        }
        other => panic!("expected too large, got {:?}", other.map(|d| d.record_count())),
    }
}
