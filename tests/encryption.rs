//! Encrypted datasets: what is written holds no record in clear, and a wrong passphrase, a
//! tampered or cut file, or a file for someone else's key is refused with its reason, the file
//! untouched and no record given.

mod common;

use std::path::Path;

use age::secrecy::SecretString;
use common::in_clear::files_in_clear;
use repatriation_watch::generate::{GenerateOptions, generate};
use repatriation_watch::model::Dataset;
use repatriation_watch::store::{
    self, EncryptionProblem, Key, LoadError, Progress, find_encrypted_recovery, find_recoveries, key_path,
    load_protected, save_protected, unlock, write_encrypted_recovery, write_key_files,
};

fn passphrase(text: &str) -> SecretString {
    SecretString::from(text.to_owned())
}

fn dataset() -> Dataset {
    let mut dataset = generate(GenerateOptions { incidents: 300, rallies: 40, seed: 3 });
    dataset.sort_by_id();
    dataset
}

/// Texts of the dataset that must never be found in clear on disk.
fn needles(dataset: &Dataset) -> Vec<String> {
    let mut needles: Vec<String> = dataset
        .incidents
        .iter()
        .take(30)
        .map(|incident| incident.title.clone())
        .filter(|text| text.len() >= 12)
        .collect();
    needles.extend(dataset.sources.iter().take(5).map(|source| source.title.clone()));
    needles.push("repatriation-watch".to_owned());
    assert!(needles.len() > 10, "enough texts to look for");
    needles
}

fn encryption_problem(result: Result<Dataset, LoadError>) -> EncryptionProblem {
    match result {
        Err(LoadError::Encryption { problem, .. }) => problem,
        Err(other) => panic!("another error: {other}"),
        Ok(_) => panic!("records were given"),
    }
}

#[test]
fn an_encrypted_dataset_reads_back_with_its_passphrase_and_nothing_on_disk_is_in_clear() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("data.ron.age");
    let data = dataset();
    let key = Key::generate(&passphrase("a long passphrase")).expect("a key");
    write_key_files(&file, &key).expect("the key file");
    save_protected(&data, &file, Some(&key), &Progress::default()).expect("saves");
    // A second save keeps the first as the backup, encrypted too.
    save_protected(&data, &file, Some(&key), &Progress::default()).expect("saves again");
    assert!(store::backup_path(&file).exists());
    assert!(store::is_encrypted(&file) && store::is_encrypted(&store::backup_path(&file)));

    let unlocked = unlock(&file, None, &passphrase("a long passphrase")).expect("unlocks");
    assert_eq!(unlocked.public_key(), key.public_key());
    let read = load_protected(&file, Some(&unlocked), &Progress::default()).expect("reads");
    assert!(read == data, "the same records");
    assert!(store::load_protected(&store::backup_path(&file), Some(&unlocked), &Progress::default()).is_ok());
    assert_eq!(files_in_clear(dir.path(), &needles(&data)), Vec::<String>::new());
}

#[test]
fn the_key_file_is_a_standard_age_file_protected_by_the_passphrase_at_the_pinned_work_factor() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("data.ron.age");
    let key = Key::generate(&passphrase("pinned")).expect("a key");
    write_key_files(&file, &key).expect("the key file");
    let bytes = std::fs::read(key_path(&file)).expect("read");
    // The scrypt stanza names its work factor: `-> scrypt SALT 18`.
    let header = String::from_utf8_lossy(&bytes[..bytes.iter().position(|b| *b == b'\n').unwrap_or(0) + 80]);
    assert!(header.starts_with("age-encryption.org/v1\n-> scrypt "), "{header}");
    assert!(header.contains(&format!(" {}\n", store::WORK_FACTOR)), "{header}");
    let decryptor = age::Decryptor::new(&bytes[..]).expect("an age file");
    let identity = age::scrypt::Identity::new(passphrase("pinned"));
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).expect("decrypts"),
        &mut text,
    )
    .expect("text");
    assert!(text.contains(&format!("# public key: {}", key.public_key())), "{text}");
    assert!(text.lines().any(|line| line.starts_with("AGE-SECRET-KEY-1")), "an age identity file");
}

#[test]
fn a_wrong_passphrase_a_missing_key_file_and_someone_elses_key_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("data.ron.age");
    let key = Key::generate(&passphrase("right")).expect("a key");
    write_key_files(&file, &key).expect("the key file");
    save_protected(&dataset(), &file, Some(&key), &Progress::default()).expect("saves");
    let listing = |dir: &Path| {
        let mut names: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .expect("list")
            .flatten()
            .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read")))
            .collect();
        names.sort();
        names
    };
    let before = listing(dir.path());

    let wrong = unlock(&file, None, &passphrase("wrong")).map(|_| Dataset::default());
    assert_eq!(encryption_problem(wrong), EncryptionProblem::WrongPassphrase);
    // A key file asking for more scrypt work than accepted is refused before any is done.
    let heavy = dir.path().join("heavy.ron.age");
    let text = std::fs::read(key_path(&file)).expect("read");
    let at = memchr::memmem::find(&text, b" 18\n").expect("the work factor");
    let mut heavier = text.clone();
    heavier[at..at + 4].copy_from_slice(b" 23\n");
    std::fs::write(key_path(&heavy), heavier).expect("write");
    let refused = unlock(&heavy, None, &passphrase("right")).map(|_| Dataset::default());
    assert_eq!(encryption_problem(refused), EncryptionProblem::TooMuchWork { required: 23, limit: 22 });
    std::fs::remove_file(key_path(&heavy)).expect("remove");
    let elsewhere = dir.path().join("other.ron.age");
    let missing = unlock(&elsewhere, None, &passphrase("right")).map(|_| Dataset::default());
    assert_eq!(encryption_problem(missing), EncryptionProblem::NoKeyFile(key_path(&elsewhere)));
    let no_key = load_protected(&file, None, &Progress::default());
    assert_eq!(encryption_problem(no_key), EncryptionProblem::NeedsPassphrase);
    assert_eq!(
        encryption_problem(store::load_file(&file)),
        EncryptionProblem::NeedsPassphrase,
        "the plain reader says so too"
    );
    let someone_else = Key::generate(&passphrase("theirs")).expect("a key");
    let theirs = load_protected(&file, Some(&someone_else), &Progress::default());
    assert_eq!(encryption_problem(theirs), EncryptionProblem::NotForThisKey);
    // A file encrypted with a passphrase (age -p) is not a dataset for a key either.
    let key_file_as_dataset = load_protected(&key_path(&file), Some(&key), &Progress::default());
    assert_eq!(encryption_problem(key_file_as_dataset), EncryptionProblem::NotForThisKey);
    assert!(listing(dir.path()) == before, "nothing written, nothing changed");
}

#[test]
fn a_team_members_own_key_opens_the_dataset_and_keeps_it_open_to_both() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("data.ron.age");
    let member = Key::generate(&passphrase("member's")).expect("a key");
    let member_key_file = dir.path().join("member.key");
    write_key_files(&dir.path().join("member"), &member).expect("the member's key file");
    std::fs::rename(dir.path().join("member.key"), &member_key_file).ok();
    let mut owner = Key::generate(&passphrase("owner's")).expect("a key");
    assert!(owner.set_team(vec!["not a key".to_owned()]).is_err(), "a mistyped key is refused");
    owner.set_team(vec![member.public_key()]).expect("an age public key");
    write_key_files(&file, &owner).expect("the key files");
    save_protected(&dataset(), &file, Some(&owner), &Progress::default()).expect("saves");

    let as_member = unlock(&file, Some(&member_key_file), &passphrase("member's")).expect("unlocks");
    assert_eq!(as_member.team(), [owner.public_key()], "the owner stays a recipient");
    let read = load_protected(&file, Some(&as_member), &Progress::default()).expect("the member reads");
    save_protected(&read, &file, Some(&as_member), &Progress::default()).expect("the member saves");
    let as_owner = unlock(&file, None, &passphrase("owner's")).expect("unlocks");
    assert!(load_protected(&file, Some(&as_owner), &Progress::default()).expect("the owner reads") == read);
}

#[test]
fn tampered_or_cut_files_are_refused_whole() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("data.ron.age");
    let key = Key::generate(&passphrase("p")).expect("a key");
    save_protected(&dataset(), &file, Some(&key), &Progress::default()).expect("saves");
    let whole = std::fs::read(&file).expect("read");
    assert!(whole.len() > 100 * 1024, "several chunks of age's 64 KiB: {}", whole.len());
    let damaged = dir.path().join("damaged.ron.age");
    let mut cuts = 0;
    for length in (0..whole.len()).step_by(1024) {
        std::fs::write(&damaged, &whole[..length]).expect("write");
        let read = load_protected(&damaged, Some(&key), &Progress::default());
        assert!(read.is_err(), "cut at {length} bytes gave records");
        if length > 0 {
            assert_eq!(encryption_problem(read), EncryptionProblem::Damaged, "cut at {length}");
        }
        cuts += 1;
    }
    let mut tampered = 0;
    for at in (0..whole.len()).step_by(997) {
        let mut bytes = whole.clone();
        bytes[at] ^= 0x20;
        std::fs::write(&damaged, &bytes).expect("write");
        let read = load_protected(&damaged, Some(&key), &Progress::default());
        assert!(read.is_err(), "a byte changed at {at} gave records");
        tampered += 1;
    }
    assert!(cuts > 100 && tampered > 100, "{cuts} cuts, {tampered} changed bytes");
}

#[test]
fn an_encrypted_recovery_file_names_nothing_in_clear_and_is_offered_with_the_key() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (recovery, folder) = (dir.path().join("recovery"), dir.path().join("Documents"));
    std::fs::create_dir_all(&folder).expect("folder");
    let file = folder.join("witnesses-2026.ron.age");
    let key = Key::generate(&passphrase("p")).expect("a key");
    save_protected(&Dataset::default(), &file, Some(&key), &Progress::default()).expect("saves");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let data = dataset();
    // Work written plain before the dataset was encrypted goes once the encrypted file is written.
    store::write_recovery(&recovery, Some(&file), &data).expect("writes");
    write_encrypted_recovery(&recovery, Some(&file), &data, &Dataset::default(), &key).expect("writes");
    assert!(find_recoveries(&recovery).is_empty(), "not offered on start: its dataset cannot be named");
    assert_eq!(store::count_encrypted_recoveries(&recovery), 1);
    let mut looked_for = needles(&data);
    looked_for.push("witnesses-2026".to_owned());
    assert_eq!(files_in_clear(&recovery, &looked_for), Vec::<String>::new());

    let someone_else = Key::generate(&passphrase("q")).expect("a key");
    assert!(find_encrypted_recovery(&recovery, &file, &someone_else).is_none());
    let found = find_encrypted_recovery(&recovery, &file, &key).expect("offered with the key");
    assert!(found.load_with(Some(&key)).expect("reads") == data);
    store::remove_recovery(&recovery, Some(&file));
    assert_eq!(std::fs::read_dir(&recovery).expect("list").count(), 0, "both files removed");
}
