//! An encrypted dataset's saves and recovery writes killed at any moment: the file is the old
//! version or the new one and decrypts, the recovery file (when there is one) decrypts whole,
//! and no file the process wrote — in the dataset's folder, the recovery folder or the
//! temporary folder — holds any record's text or the dataset's name in clear. The saving
//! process (this test binary again) is killed with SIGKILL at random moments.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use age::secrecy::SecretString;
use common::in_clear::files_in_clear;
use rand::{RngExt, SeedableRng};
use repatriation_watch::generate::{GenerateOptions, generate};
use repatriation_watch::model::Dataset;
use repatriation_watch::store::{
    self, Key, Progress, find_encrypted_recovery, load_protected, save_protected, unlock,
    write_encrypted_recovery, write_key_files,
};

const CHILD: &str = "REPATRIATION_WATCH_ENCRYPTED_CRASH_CHILD";
const KILLS: usize = 20;
const PASSPHRASE: &str = "Hoeryong 회령 checkpoint";

fn version(seed: u64) -> Dataset {
    let mut dataset = generate(GenerateOptions { incidents: 1000, rallies: 100, seed });
    dataset.sort_by_id();
    dataset
}

struct Folders {
    data: PathBuf,
    recovery: PathBuf,
    temp: PathBuf,
}

impl Folders {
    fn in_(root: &Path) -> Self {
        let folders =
            Self { data: root.join("Documents"), recovery: root.join("recovery"), temp: root.join("tmp") };
        for dir in [&folders.data, &folders.recovery, &folders.temp] {
            std::fs::create_dir_all(dir).expect("folder");
        }
        folders
    }

    fn file(&self) -> PathBuf {
        self.data.join("informants-2026.ron.age")
    }
}

/// In the child: unlock the key, then save the two versions in turn, each followed by its
/// recovery file, until killed.
fn save_until_killed(root: &Path) -> ! {
    let folders = Folders::in_(root);
    let key = unlock(&folders.file(), None, &SecretString::from(PASSPHRASE.to_owned())).expect("unlocks");
    let versions = [version(1), version(2)];
    let started = Instant::now();
    let mut cycles = 0u32;
    loop {
        for dataset in &versions {
            save_protected(dataset, &folders.file(), Some(&key), &Progress::default()).expect("saves");
            write_encrypted_recovery(
                &folders.recovery,
                Some(&folders.file()),
                dataset,
                &Dataset::default(),
                &key,
            )
            .expect("writes the recovery file");
        }
        cycles += 1;
        if cycles == 1 {
            println!("ready {}", started.elapsed().as_millis());
        }
    }
}

fn needles(versions: &[Dataset]) -> Vec<String> {
    let mut needles: Vec<String> = versions
        .iter()
        .flat_map(|dataset| dataset.incidents.iter().take(15).map(|incident| incident.title.clone()))
        .filter(|title| title.len() >= 12)
        .collect();
    needles.extend(["informants-2026".to_owned(), "repatriation-watch".to_owned()]);
    needles
}

#[test]
fn encrypted_saves_killed_at_any_moment_leave_a_whole_encrypted_file_and_nothing_in_clear() {
    if let Ok(root) = std::env::var(CHILD) {
        save_until_killed(&PathBuf::from(root));
    }
    let root = tempfile::tempdir().expect("temporary folder");
    let folders = Folders::in_(root.path());
    let key = Key::generate(&SecretString::from(PASSPHRASE.to_owned())).expect("a key");
    write_key_files(&folders.file(), &key).expect("the key file");
    let versions = [version(1), version(2)];
    save_protected(&versions[0], &folders.file(), Some(&key), &Progress::default()).expect("saves");
    let needles = needles(&versions);

    let mut random = rand_xorshift::XorShiftRng::seed_from_u64(11);
    let mut seen = [0usize; 2];
    let mut recoveries = 0;
    for kill in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().expect("this test binary"))
            .args([
                "--exact",
                "encrypted_saves_killed_at_any_moment_leave_a_whole_encrypted_file_and_nothing_in_clear",
            ])
            .arg("--nocapture")
            .env(CHILD, root.path())
            .env("TMPDIR", &folders.temp)
            .stdout(Stdio::piped())
            .spawn()
            .expect("the child starts");
        let stdout = child.stdout.take().expect("piped");
        let cycle = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .find_map(|line| line.strip_prefix("ready ").and_then(|ms| ms.trim().parse::<u64>().ok()))
            .expect("the child saves");
        let wait = Duration::from_millis(cycle).mul_f64(random.random_range(0.0..2.0));
        std::thread::sleep(wait);
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");

        let read = load_protected(&folders.file(), Some(&key), &Progress::default())
            .unwrap_or_else(|error| panic!("kill {kill} after {wait:?}: the file does not decrypt: {error}"));
        let which = versions.iter().position(|version| *version == read);
        assert!(which.is_some(), "kill {kill} after {wait:?}: the file is neither version");
        seen[which.unwrap_or_default()] += 1;
        let backup = store::backup_path(&folders.file());
        assert!(load_protected(&backup, Some(&key), &Progress::default()).is_ok(), "kill {kill}: the backup");
        if let Some(recovery) = find_encrypted_recovery(&folders.recovery, &folders.file(), &key) {
            let recovered = recovery.load_with(Some(&key)).expect("the recovery file decrypts whole");
            assert!(versions.contains(&recovered), "kill {kill}: the recovery file is neither version");
            recoveries += 1;
        }
        let in_clear = files_in_clear(root.path(), &needles);
        assert!(in_clear.is_empty(), "kill {kill} after {wait:?}: {in_clear:?}");
    }
    assert!(seen[0] > 0 && seen[1] > 0, "both versions were left by kills: {seen:?}");
    assert!(recoveries > 0, "some kills left a recovery file");
}
