//! An encrypted dataset in the window: the passphrase asked once per opening (a wrong one said
//! so, nothing opened), unsaved work recovered encrypted, the lock, and encrypting a plain
//! dataset from File → Encryption….

mod common;
mod support;

use std::time::{Duration, Instant};

use age::secrecy::SecretString;
use common::in_clear::files_in_clear;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use repatriation_watch::app::RepatriationWatchApp;
use repatriation_watch::store::{self, Key, Progress, save_protected, write_key_files};
use repatriation_watch::ui::command::Command;
use support::{Workspace, click, harness, new_place};

const PASSPHRASE: &str = "Tumen river crossing 두만강";

/// The workspace's sample encrypted as `data.ron.age`, the plain file removed.
fn encrypted(workspace: &Workspace) -> std::path::PathBuf {
    let file = workspace.dir.path().join("data.ron.age");
    let key = Key::generate(&SecretString::from(PASSPHRASE.to_owned())).expect("a key");
    write_key_files(&file, &key).expect("the key file");
    let sample = store::load_sample().expect("the sample");
    save_protected(&sample, &file, Some(&key), &Progress::default()).expect("saves");
    std::fs::remove_file(workspace.data_file()).expect("remove the plain file");
    file
}

/// Runs frames until the background job (unlocking, opening, saving) is done.
fn settle(app: &mut Harness<'_, RepatriationWatchApp>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    app.step();
    while (app.state().is_busy() || app.state().is_checking()) && Instant::now() < deadline {
        app.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    app.run();
}

/// Clicks OK under the passphrase and waits for what it starts.
fn ok(app: &mut Harness<'_, RepatriationWatchApp>) {
    app.get_by_label("OK").click_accesskit();
    settle(app);
}

fn give_passphrase(app: &mut Harness<'_, RepatriationWatchApp>, label: &str, passphrase: &str) {
    app.get_by_role_and_label(Role::PasswordInput, label).focus();
    app.run();
    app.get_by_role_and_label(Role::PasswordInput, label).type_text(passphrase);
    app.run();
}

/// Replaces what a passphrase field holds.
fn retype(app: &mut Harness<'_, RepatriationWatchApp>, label: &str, passphrase: &str) {
    app.get_by_role_and_label(Role::PasswordInput, label).focus();
    app.run();
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.get_by_role_and_label(Role::PasswordInput, label).type_text(passphrase);
    app.run();
}

#[test]
fn an_encrypted_dataset_opens_with_its_passphrase_and_its_unsaved_work_is_recovered_encrypted() {
    let workspace = Workspace::new();
    let file = encrypted(&workspace);
    let mut app = harness(workspace.options(Some(&file)));
    assert!(app.state().asks_passphrase(), "the passphrase is asked");
    assert!(app.state().dataset().incidents.is_empty(), "nothing shown before it");

    give_passphrase(&mut app, "Passphrase", "the wrong one");
    ok(&mut app);
    assert!(app.state().asks_passphrase(), "asked again");
    assert!(app.query_by_label_contains("does not open the dataset's key file").is_some(), "says why");
    assert!(app.state().dataset().incidents.is_empty());

    give_passphrase(&mut app, "Passphrase", PASSPHRASE);
    ok(&mut app);
    assert!(!app.state().asks_passphrase());
    assert!(!app.state().dataset().incidents.is_empty(), "the records are shown");
    assert!(app.state().public_key().is_some(), "kept encrypted");

    new_place(&mut app, "Safe house in Yanji");
    for _ in 0..50 {
        app.run();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(store::count_encrypted_recoveries(&workspace.recovery_dir()), 1, "the work is kept");
    assert_eq!(
        files_in_clear(workspace.dir.path(), &["Safe house in Yanji".to_owned()]),
        Vec::<String>::new()
    );
    assert_eq!(
        files_in_clear(&workspace.recovery_dir(), &["data.ron".to_owned()]),
        Vec::<String>::new(),
        "nor its name"
    );
    drop(app);

    // The next start: the recovered work is offered once the dataset is open.
    let mut app = harness(workspace.options(Some(&file)));
    give_passphrase(&mut app, "Passphrase", PASSPHRASE);
    ok(&mut app);
    click(&mut app, "Restore");
    let names: Vec<String> = app.state().dataset().places.iter().map(|p| p.name.clone()).collect();
    assert!(names.iter().any(|name| name == "Safe house in Yanji"), "{names:?}");
    assert!(app.state().public_key().is_some());
    app.state_mut().request(Command::Save);
    settle(&mut app);
    assert!(!app.state().has_unsaved_work());
    assert!(store::is_encrypted(&file), "saved encrypted");
    assert_eq!(
        files_in_clear(workspace.dir.path(), &["Safe house in Yanji".to_owned()]),
        Vec::<String>::new()
    );
}

#[test]
fn the_lock_hides_the_records_until_the_passphrase_is_given_again() {
    let workspace = Workspace::new();
    let file = encrypted(&workspace);
    let mut app = harness(workspace.options(Some(&file)));
    give_passphrase(&mut app, "Passphrase", PASSPHRASE);
    ok(&mut app);
    let records = app.state().dataset().incidents.len();
    assert!(records > 0);

    app.state_mut().request(Command::Lock);
    app.run();
    assert!(app.state().is_locked());
    assert!(app.state().dataset().incidents.is_empty(), "all saved: dropped from memory");
    assert_eq!(app.state().file(), None, "nothing can be saved over the file meanwhile");
    let labels: Vec<String> = app
        .query_all_by_label_contains("Incidents")
        .map(|n| format!("{:?}", n.accesskit_node().role()))
        .collect();
    assert!(labels.is_empty(), "nothing of the records is drawn: {labels:?}");
    assert!(app.query_by_label("Cancel").is_none(), "nothing to go back to but the passphrase");
    app.key_press(egui::Key::Escape);
    app.run();
    assert!(app.state().is_locked() && app.state().asks_passphrase(), "Escape leaves it locked");

    give_passphrase(&mut app, "Passphrase", PASSPHRASE);
    ok(&mut app);
    assert!(!app.state().is_locked());
    assert_eq!(app.state().dataset().incidents.len(), records, "read again");
}

#[test]
fn a_plain_dataset_is_encrypted_from_the_encryption_dialog_and_the_plain_file_removed() {
    let workspace = Workspace::new();
    let mut app = workspace.harness();
    click(&mut app, "File");
    click(&mut app, "Encryption…");
    click(&mut app, "Encrypt with a passphrase…");
    give_passphrase(&mut app, "New passphrase", "a new one");
    give_passphrase(&mut app, "The same again", "not the same");
    click(&mut app, "OK");
    assert!(app.query_by_label_contains("The two passphrases differ").is_some());
    assert!(workspace.data_file().exists(), "nothing written");
    retype(&mut app, "New passphrase", "a new one");
    retype(&mut app, "The same again", "a new one");
    ok(&mut app);
    let file = workspace.dir.path().join("data.ron.age");
    let names: Vec<_> =
        std::fs::read_dir(workspace.dir.path()).expect("list").flatten().map(|e| e.file_name()).collect();
    assert!(store::is_encrypted(&file), "{names:?} {:?}", app.state().dialog());
    assert!(store::key_path(&file).exists());
    assert!(!workspace.data_file().exists() && !store::backup_path(&workspace.data_file()).exists());
    assert_eq!(app.state().file(), Some(&file));
    let key = store::unlock(&file, None, &SecretString::from("a new one".to_owned())).expect("unlocks");
    let read = store::load_protected(&file, Some(&key), &Progress::default()).expect("reads");
    assert_eq!(read.incidents.len(), app.state().dataset().incidents.len());
}

#[test]
fn saving_as_a_name_ending_in_age_asks_for_a_passphrase_and_encrypts() {
    let workspace = Workspace::new();
    let mut app = harness(workspace.options(None));
    app.state_mut().request(Command::SaveAs);
    app.run();
    app.step();
    app.run();
    let target = workspace.dir.path().join("witnesses.ron.age");
    support::type_into(&mut app, "File path", &target.display().to_string());
    click(&mut app, "OK");
    assert!(app.state().asks_passphrase(), "a passphrase for the new key");
    assert!(!target.exists(), "nothing written before it");
    give_passphrase(&mut app, "New passphrase", "for the witnesses");
    give_passphrase(&mut app, "The same again", "for the witnesses");
    ok(&mut app);
    assert!(store::is_encrypted(&target) && store::key_path(&target).exists());
    assert_eq!(app.state().file(), Some(&target));
    assert!(app.state().public_key().is_some());
    assert!(!app.state().settings().recent.contains(&target), "not named in the recent files");
}
