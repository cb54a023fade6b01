//! Encrypted datasets on the command line: `encrypt` and `decrypt` in place, the readers taking
//! the passphrase from `--passphrase-file` (never an argument), a clear refusal when there is
//! no passphrase, and git's merge driver on encrypted files.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use age::secrecy::SecretString;
use repatriation_watch::model::Id;
use repatriation_watch::store::{
    self, Progress, SAMPLE_RON, load_file, load_protected, save_protected, unlock,
};

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_repatriation-watch"))
        .current_dir(dir)
        .args(args)
        .env_remove("REPATRIATION_WATCH_PASSPHRASE_FILE")
        .stdin(Stdio::null())
        .output()
        .expect("runs")
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into())
        .collect();
    names.sort();
    names
}

/// A folder with the sample as `data.ron` and a passphrase file.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(dir.path().join("data.ron"), SAMPLE_RON).expect("write");
    std::fs::write(dir.path().join("pass.txt"), "Jangmadang 장마당 2026\n").expect("write");
    dir
}

#[test]
fn encrypt_then_read_then_decrypt_in_place() {
    let dir = folder();
    let path = dir.path();
    let encrypted = run_in(path, &["encrypt", "data.ron", "--passphrase-file", "pass.txt"]);
    assert!(encrypted.status.success(), "{}", text(&encrypted));
    assert_eq!(names(path), ["data.ron.age", "data.ron.age.key", "pass.txt"], "the plain file is gone");
    let bytes = std::fs::read(path.join("data.ron.age")).expect("read");
    assert!(store::starts_encrypted(&bytes));
    assert!(!String::from_utf8_lossy(&bytes).contains("Sinuiju"), "no record text in clear");

    let checked = run_in(path, &["check", "data.ron.age", "--passphrase-file", "pass.txt"]);
    assert!(checked.status.success(), "{}", text(&checked));
    assert!(text(&checked).contains("0 problems"), "{}", text(&checked));
    let stats = run_in(path, &["stats", "data.ron.age", "--passphrase-file", "pass.txt"]);
    let plain_stats = {
        let plain = tempfile::tempdir().expect("folder");
        std::fs::write(plain.path().join("sample.ron"), SAMPLE_RON).expect("write");
        run_in(plain.path(), &["stats", "sample.ron"]).stdout
    };
    assert_eq!(stats.stdout, plain_stats, "the same figures as the plain file");
    let exported =
        run_in(path, &["export", "data.ron.age", "--json", "out.json", "--passphrase-file", "pass.txt"]);
    assert!(exported.status.success(), "{}", text(&exported));
    std::fs::remove_file(path.join("out.json")).expect("remove");

    let decrypted = run_in(path, &["decrypt", "data.ron.age", "--passphrase-file", "pass.txt"]);
    assert!(decrypted.status.success(), "{}", text(&decrypted));
    assert_eq!(names(path), ["data.ron", "pass.txt"]);
    let mut sample = store::load_sample().expect("the sample");
    sample.sort_by_id();
    assert!(load_file(&path.join("data.ron")).expect("loads") == sample, "every record back");
}

#[test]
fn no_passphrase_or_a_wrong_one_is_refused_with_its_reason_and_nothing_written() {
    let dir = folder();
    let path = dir.path();
    assert!(run_in(path, &["encrypt", "data.ron", "--passphrase-file", "pass.txt"]).status.success());
    let before = std::fs::read(path.join("data.ron.age")).expect("read");

    // With no terminal to ask on (a new session has none), the command says how to give it.
    let asked = Command::new("setsid")
        .arg(env!("CARGO_BIN_EXE_repatriation-watch"))
        .args(["check", "data.ron.age"])
        .current_dir(path)
        .env_remove("REPATRIATION_WATCH_PASSPHRASE_FILE")
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert!(!asked.status.success());
    assert!(text(&asked).contains("--passphrase-file"), "says how to give it: {}", text(&asked));
    std::fs::write(path.join("wrong.txt"), "jangmadang").expect("write");
    let wrong = run_in(path, &["stats", "data.ron.age", "--passphrase-file", "wrong.txt"]);
    assert!(!wrong.status.success());
    assert!(text(&wrong).contains("passphrase is not the one of its key file"), "{}", text(&wrong));
    let import = run_in(path, &["decrypt", "data.ron.age", "--passphrase-file", "wrong.txt"]);
    assert!(!import.status.success());
    assert_eq!(names(path), ["data.ron.age", "data.ron.age.key", "pass.txt", "wrong.txt"]);
    assert!(std::fs::read(path.join("data.ron.age")).expect("read") == before, "the file untouched");
    let again = run_in(path, &["encrypt", "data.ron.age", "--passphrase-file", "pass.txt"]);
    assert!(text(&again).contains("already encrypted"), "{}", text(&again));
}

#[test]
fn an_import_into_an_encrypted_dataset_keeps_it_encrypted() {
    let dir = folder();
    let path = dir.path();
    assert!(run_in(path, &["encrypt", "data.ron", "--passphrase-file", "pass.txt"]).status.success());
    std::fs::write(path.join("places.csv"), "id,name\nplace-musan-new,Musan (무산)\n").expect("write");
    let imported = run_in(
        path,
        &[
            "import",
            "places.csv",
            "--kind",
            "places",
            "--into",
            "data.ron.age",
            "--passphrase-file",
            "pass.txt",
        ],
    );
    assert!(imported.status.success(), "{}", text(&imported));
    let bytes = std::fs::read(path.join("data.ron.age")).expect("read");
    assert!(store::starts_encrypted(&bytes), "still encrypted");
    assert!(!String::from_utf8_lossy(&bytes).contains("Musan"));
    let key =
        unlock(&path.join("data.ron.age"), None, &SecretString::from("Jangmadang 장마당 2026".to_owned()))
            .expect("unlocks");
    let read = load_protected(&path.join("data.ron.age"), Some(&key), &Progress::default()).expect("reads");
    assert!(read.places.iter().any(|place| place.name == "Musan (무산)"));
    for file in names(path) {
        let bytes = std::fs::read(path.join(&file)).expect("read");
        assert!(
            file == "places.csv" || !String::from_utf8_lossy(&bytes).contains("Musan"),
            "{file} holds a record in clear"
        );
    }
}

fn git(dir: &Path, args: &[&str], passphrase_file: &Path) -> Output {
    Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("REPATRIATION_WATCH_PASSPHRASE_FILE", passphrase_file)
        .stdin(Stdio::null())
        .output()
        .expect("git runs")
}

fn git_ok(dir: &Path, args: &[&str], passphrase_file: &Path) {
    let output = git(dir, args, passphrase_file);
    assert!(output.status.success(), "git {args:?}: {}", text(&output));
}

#[test]
fn the_merge_driver_merges_encrypted_datasets_and_keeps_them_encrypted() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (repo, pass) = (dir.path().join("repo"), dir.path().join("pass.txt"));
    std::fs::create_dir(&repo).expect("folder");
    std::fs::write(&pass, "merge me\n").expect("write");
    std::fs::write(repo.join("data.ron"), SAMPLE_RON).expect("write");
    let encrypted =
        run_in(&repo, &["encrypt", "data.ron", "--passphrase-file", pass.to_str().expect("utf-8")]);
    assert!(encrypted.status.success(), "{}", text(&encrypted));
    for args in [
        &["init", "-q", "-b", "main"][..],
        &["config", "user.email", "test@example.org"],
        &["config", "user.name", "Test"],
    ] {
        git_ok(&repo, args, &pass);
    }
    let driver = format!("{} merge-driver %O %A %B %P", env!("CARGO_BIN_EXE_repatriation-watch"));
    git_ok(&repo, &["config", "merge.repatriation-watch.driver", &driver], &pass);
    let textconv =
        format!("{} decrypt --stdout --key-file data.ron.age.key", env!("CARGO_BIN_EXE_repatriation-watch"));
    git_ok(&repo, &["config", "diff.repatriation-watch.textconv", &textconv], &pass);
    let attributes = "*.ron.age -text diff=repatriation-watch merge=repatriation-watch\n";
    std::fs::write(repo.join(".gitattributes"), attributes).expect("write");
    git_ok(&repo, &["add", "."], &pass);
    git_ok(&repo, &["commit", "-qm", "sample"], &pass);

    let file = repo.join("data.ron.age");
    let key = unlock(&file, None, &SecretString::from("merge me".to_owned())).expect("unlocks");
    let retitle = |id: &str, title: &str, message: &str| {
        let mut dataset = load_protected(&file, Some(&key), &Progress::default()).expect("reads");
        let incident = dataset.incidents.iter_mut().find(|i| i.id.as_str() == id).expect("the incident");
        title.clone_into(&mut incident.title);
        save_protected(&dataset, &file, Some(&key), &Progress::default()).expect("saves");
        let _ = std::fs::remove_file(store::backup_path(&file));
        git_ok(&repo, &["commit", "-qam", message], &pass);
    };
    git_ok(&repo, &["checkout", "-qb", "a"], &pass);
    retitle("inc-2023-11-20-dandong-sinuiju", "Edited on a", "a");
    git_ok(&repo, &["checkout", "-q", "main"], &pass);
    retitle("inc-2023-12-26-onsong", "Edited on main", "main");
    let diff = git(&repo, &["diff", "HEAD~1", "--", "data.ron.age"], &pass);
    assert!(text(&diff).contains("+      title: \"Edited on main\""), "git diff reads it: {}", text(&diff));
    git_ok(&repo, &["merge", "-q", "--no-edit", "a"], &pass);

    let bytes = std::fs::read(&file).expect("read");
    assert!(store::starts_encrypted(&bytes), "the merged file is encrypted");
    let merged = load_protected(&file, Some(&key), &Progress::default()).expect("the merged file reads");
    let title = |id: &str| merged.incident(&Id::new(id)).map(|incident| incident.title.clone());
    assert_eq!(title("inc-2023-11-20-dandong-sinuiju").as_deref(), Some("Edited on a"));
    assert_eq!(title("inc-2023-12-26-onsong").as_deref(), Some("Edited on main"));
    assert!(merged.conflicts.is_empty());
}
