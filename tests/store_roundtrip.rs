//! Saving and loading give back exactly what was saved, in the same bytes every time.

mod common;

use std::path::Path;

use proptest::prelude::*;
use repatriation_watch::model::Dataset;
use repatriation_watch::store::{
    SAMPLE_RON, backup_path, from_ron, load_file, load_sample, save_file, to_ron,
};

fn round_trip(dataset: &Dataset) -> Dataset {
    let text = to_ron(dataset).expect("serializes");
    from_ron(text.as_bytes(), Path::new("memory.ron")).unwrap_or_else(|error| panic!("{error}\n{text}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_datasets_round_trip(dataset in common::any_dataset()) {
        prop_assert_eq!(round_trip(&dataset), dataset);
    }

    #[test]
    fn the_apps_writer_writes_what_the_ron_crate_writes(dataset in common::any_dataset()) {
        repatriation_watch::store::fuzzing::fast_writer_agrees_with_ron(&dataset);
        // With what a merge left undecided too: the other copy's versions and the deletions.
        let mut with_conflicts = dataset.clone();
        with_conflicts.conflicts.sources = dataset.sources.clone();
        with_conflicts.conflicts.places = dataset.places.clone();
        with_conflicts.conflicts.organizations = dataset.organizations.clone();
        with_conflicts.conflicts.incidents = dataset.incidents.clone();
        with_conflicts.conflicts.rallies = dataset.rallies.clone();
        with_conflicts.conflicts.deleted = dataset
            .incidents
            .iter()
            .map(|incident| repatriation_watch::model::DeletedRecord {
                kind: repatriation_watch::model::RecordKind::Incident,
                id: incident.id.clone(),
            })
            .collect();
        repatriation_watch::store::fuzzing::fast_writer_agrees_with_ron(&with_conflicts);
    }

    #[test]
    fn text_is_the_same_however_records_are_ordered(dataset in common::any_dataset()) {
        let mut reversed = dataset.clone();
        reversed.incidents.reverse();
        reversed.places.reverse();
        reversed.rallies.reverse();
        prop_assert_eq!(to_ron(&reversed).expect("serializes"), to_ron(&dataset).expect("serializes"));
    }
}

#[test]
fn the_apps_writer_writes_the_sample_and_a_generated_dataset_as_the_ron_crate_does() {
    use repatriation_watch::generate::{GenerateOptions, generate};
    repatriation_watch::store::fuzzing::fast_writer_agrees_with_ron(
        &load_sample().expect("the sample loads"),
    );
    // Enough records for several batches of each list, written on several threads.
    let generated = generate(GenerateOptions { incidents: 3_000, rallies: 1_500, seed: 3 });
    repatriation_watch::store::fuzzing::fast_writer_agrees_with_ron(&generated);
}

#[test]
fn the_sample_round_trips_and_is_kept_in_canonical_form() {
    let sample = load_sample().expect("the sample loads");
    assert_eq!(round_trip(&sample), sample);
    // The bundled file is exactly what a save writes, so saving it changes nothing.
    assert_eq!(to_ron(&sample).expect("serializes"), SAMPLE_RON);
}

#[test]
fn saving_twice_gives_identical_bytes() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("data.ron");
    let sample = load_sample().expect("the sample loads");
    save_file(&sample, &path).expect("first save");
    let first = std::fs::read(&path).expect("read");
    save_file(&load_file(&path).expect("loads"), &path).expect("second save");
    assert_eq!(std::fs::read(&path).expect("read"), first);
    assert_eq!(load_file(&path).expect("loads"), sample);
}

#[test]
fn saving_keeps_the_previous_version_as_a_backup() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("data.ron");
    let mut dataset = load_sample().expect("the sample loads");
    save_file(&dataset, &path).expect("first save");
    assert!(!backup_path(&path).exists(), "no backup before there was a previous version");
    let old = std::fs::read(&path).expect("read");

    dataset.incidents.pop();
    save_file(&dataset, &path).expect("second save");
    assert_eq!(std::fs::read(backup_path(&path)).expect("backup exists"), old);
    assert_eq!(load_file(&path).expect("loads"), dataset);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind: {leftovers:?}");
}

#[test]
fn a_hand_written_file_without_optional_fields_loads() {
    let text = r#"(format: "repatriation-watch", version: 1, incidents: [(id: "i1", title: "t")])"#;
    let dataset = from_ron(text.as_bytes(), Path::new("hand.ron")).expect("loads");
    assert_eq!(dataset.incidents.len(), 1);
    assert!(dataset.incidents[0].date.is_unknown());
}
