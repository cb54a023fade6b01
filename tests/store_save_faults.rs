//! A save that cannot complete says why, and leaves the previous file exactly as it was.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use repatriation_watch::store::{SaveError, load_sample, save_file};

/// Makes a folder impossible to write into, and undoes it on drop. Root ignores permission
/// bits, so as root the folder is made immutable instead.
struct ReadOnly<'a> {
    dir: &'a Path,
    as_root: bool,
}

impl<'a> ReadOnly<'a> {
    fn new(dir: &'a Path) -> Self {
        let probe = dir.join("probe");
        std::fs::write(&probe, b"").expect("probe");
        let as_root = std::fs::metadata(&probe).expect("metadata").uid() == 0;
        std::fs::remove_file(&probe).expect("remove probe");
        if as_root {
            let status = Command::new("chattr").arg("+i").arg(dir).status().expect("chattr runs");
            assert!(status.success(), "chattr +i failed: the test needs it when run as root");
        } else {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        }
        Self { dir, as_root }
    }
}

impl Drop for ReadOnly<'_> {
    fn drop(&mut self) {
        if self.as_root {
            let _ = Command::new("chattr").arg("-i").arg(self.dir).status();
        } else {
            let _ = std::fs::set_permissions(self.dir, std::fs::Permissions::from_mode(0o755));
        }
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_read_only_folder_gives_an_error_and_leaves_the_old_file() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("data.ron");
    let old = b"the previous version".to_vec();
    std::fs::write(&path, &old).expect("write");
    let dataset = load_sample().expect("the sample loads");

    let guard = ReadOnly::new(dir.path());
    let error = save_file(&dataset, &path).expect_err("cannot save into a read-only folder");
    drop(guard);

    let message = error.to_string();
    assert!(matches!(error, SaveError::Write { .. }));
    assert!(message.starts_with(&format!("could not save {}: cannot ", path.display())), "{message}");
    assert!(message.contains("temporary file"), "{message}");
    assert_eq!(std::fs::read(&path).expect("read"), old);
    assert_eq!(files_in(dir.path()), ["data.ron"]);
}

#[test]
fn a_missing_parent_folder_gives_an_error_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("gone").join("data.ron");
    let error = save_file(&load_sample().expect("sample"), &path).expect_err("no such folder");
    let message = error.to_string();
    assert!(message.contains(&dir.path().join("gone").display().to_string()), "{message}");
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn a_parent_that_is_a_file_gives_an_error() {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(dir.path().join("plain-file"), b"x").expect("write");
    let path = dir.path().join("plain-file").join("data.ron");
    let error = save_file(&load_sample().expect("sample"), &path).expect_err("parent is a file");
    assert!(error.to_string().contains("could not save"), "{error}");
    assert_eq!(std::fs::read(dir.path().join("plain-file")).expect("read"), b"x");
}

#[test]
fn a_saved_file_keeps_the_permissions_the_user_gave_it() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("data.ron");
    std::fs::write(&path, b"old").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    save_file(&load_sample().expect("sample"), &path).expect("saves");
    assert_eq!(std::fs::metadata(&path).expect("metadata").permissions().mode() & 0o777, 0o640);
}

#[test]
fn a_new_file_is_readable_only_by_its_owner() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("new.ron");
    save_file(&load_sample().expect("sample"), &path).expect("saves");
    assert_eq!(std::fs::metadata(&path).expect("metadata").permissions().mode() & 0o777, 0o600);
}

#[test]
fn a_disk_that_fills_up_part_way_gives_an_error_and_leaves_the_old_file() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("data.ron");
    let old = b"the previous version".to_vec();
    std::fs::write(&path, &old).expect("write");
    let text = repatriation_watch::store::to_ron(&load_sample().expect("sample")).expect("serializes");
    let half_then_full = |file: &mut dyn std::io::Write, bytes: &[u8]| {
        file.write_all(&bytes[..bytes.len() / 2])?;
        Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
    };
    let error =
        repatriation_watch::store::write_atomically_with(&path, text.as_bytes(), true, half_then_full)
            .expect_err("a full disk fails the save");
    let SaveError::Write { action, source, .. } = &error else { panic!("a write error: {error:?}") };
    assert_eq!(
        action,
        &repatriation_watch::store::SaveStep::Write(text.len() / 2),
        "the bytes written before"
    );
    assert_eq!(source.kind(), std::io::ErrorKind::StorageFull);
    assert_eq!(std::fs::read(&path).expect("read"), old, "the old file is untouched");
    assert_eq!(files_in(dir.path()), ["data.ron"], "no half-written file is left behind");
    let message = repatriation_watch::ui::errors::save_error(&error);
    assert!(message.contains("the disk is full") && message.contains("data.ron"), "{message}");
}

#[test]
fn a_file_replaced_by_another_program_during_the_save_is_replaced_whole() {
    // Another program writes the file while ours is being written: the rename puts our whole
    // file in place, and theirs is kept as the backup, not mixed into ours.
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("data.ron");
    std::fs::write(&path, b"before").expect("write");
    let text = repatriation_watch::store::to_ron(&load_sample().expect("sample")).expect("serializes");
    let meanwhile = |file: &mut dyn std::io::Write, bytes: &[u8]| {
        std::fs::write(&path, b"written by another program meanwhile")?;
        file.write_all(bytes)
    };
    repatriation_watch::store::write_atomically_with(&path, text.as_bytes(), true, meanwhile).expect("saved");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    let backup = repatriation_watch::store::backup_path(&path);
    assert_eq!(std::fs::read(&backup).expect("the backup"), b"written by another program meanwhile");
}

#[test]
fn a_file_locked_by_another_program_gives_an_error_and_stays_as_it_was() {
    // Locking the file itself: immutable (`chattr +i`) as root, which no rename can replace; a
    // user without root cannot lock a file against its owner, so its folder is locked instead.
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("data.ron");
    let old = b"the previous version".to_vec();
    std::fs::write(&path, &old).expect("write");
    let as_root = std::fs::metadata(&path).expect("metadata").uid() == 0;
    let locked_file =
        as_root && Command::new("chattr").arg("+i").arg(&path).status().is_ok_and(|s| s.success());
    let folder_guard = (!locked_file).then(|| ReadOnly::new(dir.path()));

    let error = save_file(&load_sample().expect("sample"), &path).expect_err("a locked file is not replaced");
    if locked_file {
        let _ = Command::new("chattr").arg("-i").arg(&path).status();
    }
    drop(folder_guard);

    assert!(matches!(error, SaveError::Write { .. }), "{error}");
    assert!(error.to_string().contains(&path.display().to_string()), "the file is named: {error}");
    assert_eq!(std::fs::read(&path).expect("read"), old, "the old file is untouched");
    let names = files_in(dir.path());
    assert!(
        names.iter().all(|name| Path::new(name).extension().is_none_or(|e| e != "tmp")),
        "no half-written file is left behind: {names:?}"
    );
    let backup = repatriation_watch::store::backup_path(&path);
    if backup.exists() {
        assert_eq!(std::fs::read(&backup).expect("read"), old, "a backup, if made, is the old file whole");
    }
}
