//! A save killed at any moment leaves the complete old file or the complete new one, never a mix,
//! and the backup loads. A real process (the binary's `generate`, which saves as the app does) is
//! killed with SIGKILL at random moments, many times.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use rand::{RngExt, SeedableRng};
use repatriation_watch::generate::{GenerateOptions, generate};
use repatriation_watch::store::{backup_path, load_file, to_ron};

const KILLS: usize = 60;

fn options(seed: u64) -> GenerateOptions {
    GenerateOptions { incidents: 4000, rallies: 400, seed }
}

fn text_of(seed: u64) -> String {
    to_ron(&generate(options(seed))).expect("serializes")
}

fn start_save(seed: u64, out: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_repatriation-watch"))
        .args(["generate", "--incidents", "4000", "--rallies", "400", "--seed", &seed.to_string()])
        .arg(out)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("the binary starts")
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("data.ron");
    let texts = [text_of(1), text_of(2)];
    std::fs::write(&file, &texts[0]).expect("write the first version");

    // How long a whole save takes here, to spread the kills over it: the longest of three, so
    // that a first run that happened to be quick (a warm cache) does not put every kill before
    // the rename.
    let whole = (0..3)
        .map(|_| {
            let started = Instant::now();
            let status = start_save(1, &file).wait().expect("runs");
            assert!(status.success());
            started.elapsed()
        })
        .max()
        .expect("three runs");

    let mut random = rand_xorshift::XorShiftRng::seed_from_u64(7);
    let (mut old_kept, mut new_written) = (0, 0);
    for kill in 0..KILLS {
        let current = std::fs::read_to_string(&file).expect("read");
        let old = usize::from(current == texts[1]);
        let new = 1 - old;
        let mut child = start_save(new as u64 + 1, &file);
        // Generating comes first, then the save: the kills are spread over the whole run. When a
        // third of the kills have all landed on one side (the machine was busier while the run
        // was timed, or is now), the rest are spread earlier or later, so that both are tried.
        let one_sided = kill >= KILLS / 3;
        let scale = match (old_kept, new_written) {
            (0, _) if one_sided => 0.5,
            (_, 0) if one_sided => 2.0,
            _ => 1.0,
        };
        let wait = whole.mul_f64(random.random_range(0.2..1.3) * scale);
        std::thread::sleep(wait);
        let _ = child.kill();
        child.wait().expect("reaped");

        let after = std::fs::read_to_string(&file).expect("the file is still there");
        let which = texts.iter().position(|text| *text == after);
        assert!(
            which.is_some(),
            "kill {kill} after {wait:?}: the file is neither version ({} bytes)",
            after.len()
        );
        if which == Some(new) {
            new_written += 1;
        } else {
            old_kept += 1;
        }
        let backup = backup_path(&file);
        if backup.exists() {
            load_file(&backup)
                .unwrap_or_else(|error| panic!("kill {kill}: the backup does not load: {error}"));
        }
    }
    // Some kills must land before the rename and some after, or the test proved nothing.
    assert!(old_kept > 0, "no kill came before the new file was in place");
    assert!(new_written > 0, "no save completed");
}
