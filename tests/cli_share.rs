//! `repatriation-watch share`: a copy without the confidential records and details, none of
//! their text in any file written, and an exact account of what was left out beside it.

use std::process::Command;

use repatriation_watch::store::load_file;

const DATASET: &str = r#"(
  format: "repatriation-watch",
  version: 1,
  sources: [
    (id: "src-wire", title: "A wire report"),
    (id: "src-informant", title: "Informant in Hyesan", confidential: true),
    (id: "src-ngo", title: "NGO statement", author: "Kim, a witness", url: "https://example.org/witness", confidential_details: true),
  ],
  places: [
    (id: "place-dandong", name: "Dandong"),
    (id: "place-safehouse", name: "Safe house on Jiang Road", confidential: true),
  ],
  incidents: [
    (id: "inc-total", title: "At least 95 sent back", estimates: [(count: (low: Some(95), as_reported: "at least 95"), source: Some("src-wire"), preferred: true)], sources: ["src-wire", "src-informant"]),
    (id: "inc-leg", title: "30 from the safe house", parent: Some("inc-total"), from_place: Some("place-safehouse"), confidential: true),
    (id: "inc-named", title: "Five caught in Dandong", from_place: Some("place-dandong"), people_involved: "Park Mi-young and her two sons", notes: "Her sister in Seoul told us.", sources: ["src-ngo"], confidential_details: true),
  ],
)"#;

const SECRETS: &[&str] = &[
    "Informant in Hyesan",
    "Kim, a witness",
    "example.org/witness",
    "Safe house on Jiang Road",
    "30 from the safe house",
    "Park Mi-young",
    "Her sister",
];

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_repatriation-watch")).args(args).output().expect("runs")
}

#[test]
fn the_shared_copy_and_its_csv_hold_none_of_the_confidential_text() {
    let dir = tempfile::tempdir().expect("a folder");
    let data = dir.path().join("watch.ron");
    std::fs::write(&data, DATASET).expect("the dataset");
    let out = dir.path().join("for-un.ron");
    let csv = dir.path().join("for-un-csv");
    let path = |p: &std::path::Path| p.to_str().expect("a path").to_owned();
    let done = run(&["share", &path(&data), "--out", &path(&out), "--csv", &path(&csv)]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));

    let mut written = vec![out.clone(), dir.path().join("for-un.ron.left-out.txt")];
    written.extend(std::fs::read_dir(&csv).expect("the CSV folder").flatten().map(|e| e.path()));
    assert!(written.len() >= 7, "{written:?}");
    for file in &written {
        let text = std::fs::read_to_string(file).expect("text");
        for secret in SECRETS {
            assert!(!text.contains(secret), "{secret} is in {}", file.display());
        }
    }
    let copy = load_file(&out).expect("the copy loads");
    assert_eq!((copy.sources.len(), copy.places.len(), copy.incidents.len()), (2, 1, 2));
    assert!(repatriation_watch::model::validate(&copy).is_empty(), "no reference left dangling");
    let total = copy.incidents.iter().find(|i| i.id.as_str() == "inc-total").expect("shared");
    assert_eq!(total.estimates[0].count.low, Some(95), "the total keeps its own figure");
    let account = std::fs::read_to_string(dir.path().join("for-un.ron.left-out.txt")).expect("the account");
    for line in [
        "left out: 1 confidential source",
        "left out: 1 confidential place",
        "left out: 1 confidential incident",
        "withheld: author, url, notes of 1 source",
        "withheld: people_involved, authorities, notes of 1 incident",
        "removed: 1 references to records left out",
    ] {
        assert!(account.contains(line), "{line} in\n{account}");
    }
    assert!(
        String::from_utf8_lossy(&done.stdout).contains("left out: 1 confidential incident"),
        "printed too"
    );
    // The dataset itself is as it was, and an export of it says what it includes.
    assert_eq!(std::fs::read_to_string(&data).expect("the dataset"), DATASET);
    let export = run(&["export", &path(&data), "--json", &path(&dir.path().join("all.json"))]);
    assert!(String::from_utf8_lossy(&export.stderr).contains("includes 5 records marked confidential"));
}

#[test]
fn the_flags_are_kept_in_the_file_and_the_copy_never_replaces_the_dataset() {
    let dir = tempfile::tempdir().expect("a folder");
    let data = dir.path().join("watch.ron");
    std::fs::write(&data, DATASET).expect("the dataset");
    let dataset = load_file(&data).expect("loads");
    assert!(
        dataset.incidents.iter().any(|i| i.confidential)
            && dataset.sources.iter().any(|s| s.confidential_details)
    );
    let saved = dir.path().join("saved.ron");
    repatriation_watch::store::save_file(&dataset, &saved).expect("saves");
    let text = std::fs::read_to_string(&saved).expect("text");
    assert_eq!(text.matches("confidential: true").count(), 3);
    assert_eq!(text.matches("confidential_details: true").count(), 2);
    assert!(!text.contains("confidential: false"), "absent when false");
    let refused = run(&["share", data.to_str().expect("a path"), "--out", data.to_str().expect("a path")]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("would replace the dataset itself"));
    assert_eq!(std::fs::read_to_string(&data).expect("the dataset"), DATASET);
}
