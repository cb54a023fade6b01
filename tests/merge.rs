//! Merging: disjoint, identical, conflicting and look-alike records, with and without the common
//! ancestor, and the git merge driver in a real repository.

use std::path::Path;
use std::process::Command;

use repatriation_watch::exchange::merge;
use repatriation_watch::model::{Dataset, Id, Incident, RecordKind, validate};
use repatriation_watch::phrase::{parse_count, parse_date};
use repatriation_watch::store::{SAMPLE_RON, load_file, load_sample, save_file};

fn incident(id: &str, title: &str, date: &str, people: &str) -> Incident {
    Incident {
        id: Id::new(id),
        title: title.to_owned(),
        date: parse_date(date, None),
        estimates: vec![repatriation_watch::model::SourcedEstimate {
            count: parse_count(people),
            preferred: true,
            ..Default::default()
        }],
        ..Incident::default()
    }
}

fn with(incidents: Vec<Incident>) -> Dataset {
    Dataset { incidents, ..Dataset::default() }
}

fn titles(dataset: &Dataset) -> Vec<&str> {
    dataset.incidents.iter().map(|i| i.title.as_str()).collect()
}

#[test]
fn disjoint_copies_are_joined() {
    let ours = with(vec![incident("a", "Ours", "2023-11-20", "30")]);
    let theirs = with(vec![incident("b", "Theirs", "2019-04-01", "7")]);
    let outcome = merge(None, &ours, &theirs);
    assert_eq!(titles(&outcome.dataset), ["Ours", "Theirs"]);
    assert_eq!((outcome.identical, outcome.taken_from_theirs, outcome.conflicts.len()), (0, 1, 0));
}

#[test]
fn identical_records_are_kept_once_whatever_their_times() {
    let mine = incident("a", "Same", "2023-11-20", "30");
    let mut later = mine.clone();
    later.updated = "2026-01-01T00:00:00Z".parse().expect("time");
    let outcome = merge(None, &with(vec![mine]), &with(vec![later.clone()]));
    assert_eq!(outcome.dataset.incidents, [later], "one copy, the later one");
    assert_eq!((outcome.identical, outcome.conflicts.len()), (1, 0));
}

#[test]
fn a_record_both_copies_changed_is_a_conflict_kept_in_the_file() {
    let ours = with(vec![incident("a", "Ours says 30", "2023-11-20", "30")]);
    let theirs = with(vec![incident("a", "Theirs says 35", "2023-11-20", "35")]);
    let outcome = merge(None, &ours, &theirs);
    assert_eq!(outcome.conflicts, [(RecordKind::Incident, Id::new("a"))]);
    assert_eq!(titles(&outcome.dataset), ["Ours says 30"]);
    assert_eq!(outcome.dataset.conflicts.incidents[0].title, "Theirs says 35");
    let problems = validate(&outcome.dataset);
    assert_eq!(problems.len(), 1, "the conflict shows as a problem to resolve: {problems:?}");

    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("merged.ron");
    save_file(&outcome.dataset, &file).expect("saved");
    assert_eq!(load_file(&file).expect("the file with a conflict loads"), outcome.dataset);
}

#[test]
fn with_the_ancestor_a_change_on_one_side_wins() {
    let base = with(vec![
        incident("a", "Original", "2023-11-20", "30"),
        incident("b", "Deleted by them", "2019", "7"),
    ]);
    let mut ours = base.clone();
    ours.incidents[0].title = "Changed by us".to_owned();
    let mut theirs = base.clone();
    theirs.incidents.remove(1);
    theirs.incidents.push(incident("c", "Added by them", "2024-04-11", "200"));
    let outcome = merge(Some(&base), &ours, &theirs);
    assert_eq!(titles(&outcome.dataset), ["Changed by us", "Added by them"]);
    assert!(outcome.conflicts.is_empty());

    // Deleted on one side, changed on the other: kept, and marked.
    let mut theirs = base.clone();
    theirs.incidents.remove(0);
    let outcome = merge(Some(&base), &ours, &theirs);
    assert_eq!(outcome.conflicts, [(RecordKind::Incident, Id::new("a"))]);
    assert_eq!(titles(&outcome.dataset)[0], "Changed by us");
    assert_eq!(outcome.dataset.conflicts.deleted.len(), 1);
}

#[test]
fn look_alikes_under_different_ids_are_listed_not_joined() {
    let mut ours = load_sample().expect("sample");
    ours.sort_by_id();
    let mut theirs = ours.clone();
    let original = ours.incident(&Id::new("inc-2023-11-20-dandong-sinuiju")).expect("in the sample").clone();
    let mut copy = original.clone();
    copy.id = Id::new("inc-partner-0007");
    copy.title = "About 30 returned via Dandong".to_owned();
    theirs.incidents.push(copy);
    let outcome = merge(None, &ours, &theirs);
    assert_eq!(outcome.dataset.incidents.len(), ours.incidents.len() + 1, "both kept");
    assert!(
        outcome.look_alikes.iter().any(|l| l.ours == original.id && l.theirs == Id::new("inc-partner-0007")),
        "{:?}",
        outcome.look_alikes
    );
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git").current_dir(dir).args(args).output().expect("git runs")
}

fn git_ok(dir: &Path, args: &[&str]) {
    let output = git(dir, args);
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

/// Changes the title of one incident in the repository's data.ron and commits it.
fn commit_title(dir: &Path, id: &str, title: &str, message: &str) {
    let file = dir.join("data.ron");
    let mut dataset = load_file(&file).expect("loads");
    let incident = dataset.incidents.iter_mut().find(|i| i.id.as_str() == id).expect("the incident");
    title.clone_into(&mut incident.title);
    save_file(&dataset, &file).expect("saved");
    git_ok(dir, &["commit", "-qam", message]);
}

#[test]
fn the_merge_driver_in_a_real_repository() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let repo = dir.path();
    git_ok(repo, &["init", "-q", "-b", "main"]);
    git_ok(repo, &["config", "user.email", "test@example.org"]);
    git_ok(repo, &["config", "user.name", "Test"]);
    let driver = format!("{} merge-driver %O %A %B", env!("CARGO_BIN_EXE_repatriation-watch"));
    git_ok(repo, &["config", "merge.repatriation-watch.driver", &driver]);
    std::fs::write(repo.join(".gitattributes"), "*.ron merge=repatriation-watch\n").expect("write");
    std::fs::write(repo.join("data.ron"), SAMPLE_RON).expect("write");
    git_ok(repo, &["add", "."]);
    git_ok(repo, &["commit", "-qm", "sample"]);

    // Two branches edit different records: a clean merge with both edits.
    git_ok(repo, &["checkout", "-qb", "a"]);
    commit_title(repo, "inc-2023-11-20-dandong-sinuiju", "Edited on a", "a");
    git_ok(repo, &["checkout", "-q", "main"]);
    commit_title(repo, "inc-2023-12-26-onsong", "Edited on main", "main");
    git_ok(repo, &["merge", "-q", "--no-edit", "a"]);
    let merged = load_file(&repo.join("data.ron")).expect("the merged file loads");
    assert!(merged.incidents.iter().any(|i| i.title == "Edited on a"));
    assert!(merged.incidents.iter().any(|i| i.title == "Edited on main"));
    assert!(merged.conflicts.is_empty());

    // Two branches edit the same record: the merge stops, and the file loads with the conflict.
    git_ok(repo, &["checkout", "-qb", "b"]);
    commit_title(repo, "inc-2023-11-20-dandong-sinuiju", "Edited on b", "b");
    git_ok(repo, &["checkout", "-q", "main"]);
    commit_title(repo, "inc-2023-11-20-dandong-sinuiju", "Edited again on main", "main again");
    let output = git(repo, &["merge", "--no-edit", "b"]);
    assert!(!output.status.success(), "a conflicting record stops the merge");
    let conflicted = load_file(&repo.join("data.ron")).expect("the conflicted file still loads");
    let ours = conflicted.incident(&Id::new("inc-2023-11-20-dandong-sinuiju")).expect("kept");
    assert_eq!(ours.title, "Edited again on main");
    assert_eq!(conflicted.conflicts.incidents[0].title, "Edited on b");
}
