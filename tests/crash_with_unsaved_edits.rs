//! The app killed with SIGKILL after edits, with no chance to clean up: the next start offers
//! the edits back, complete. The app runs in a child process (this test binary again, driving
//! the real app through `egui_kittest`), which is killed once its edits are made.

mod support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use repatriation_watch::app::AppOptions;
use repatriation_watch::i18n::Language;
use repatriation_watch::store::{SAMPLE_RON, find_recoveries};
use repatriation_watch::ui::dialogs::Dialog;
use support::{click, harness, new_place, type_into};

const CHILD: &str = "REPATRIATION_WATCH_CRASH_CHILD";

fn options(dir: &Path) -> AppOptions {
    AppOptions {
        file: Some(dir.join("data.ron")),
        data_dir: Some(dir.join("recovery")),
        file_dialogs: false,
        autosave_delay: Duration::ZERO,
        language: Some(Language::English),
        background_from_bytes: repatriation_watch::app::BACKGROUND_FROM_BYTES,
    }
}

/// Whether a recovery file is written and holds a place named `name`.
fn recovery_holds(dir: &Path, name: &str) -> bool {
    find_recoveries(&dir.join("recovery"))
        .iter()
        .filter_map(|recovery| recovery.load().ok())
        .any(|dataset| dataset.places.iter().any(|place| place.name == name))
}

/// In the child: make edits, wait for the recovery file, say so, and wait to be killed.
fn edit_and_wait(dir: &Path) -> ! {
    let mut app = harness(options(dir));
    new_place(&mut app, "Hyesan");
    click(&mut app, "Save");
    click(&mut app, "New place");
    type_into(&mut app, "Name", "Typed, never saved");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !recovery_holds(dir, "Typed, never saved") && Instant::now() < deadline {
        app.run();
        std::thread::sleep(Duration::from_millis(50));
    }
    println!("edits made");
    loop {
        std::thread::sleep(Duration::from_secs(1));
    }
}

#[test]
fn killed_after_edits_the_next_start_offers_them_back() {
    if let Ok(dir) = std::env::var(CHILD) {
        edit_and_wait(&PathBuf::from(dir));
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(dir.path().join("data.ron"), SAMPLE_RON).expect("write the sample");
    let mut child = Command::new(std::env::current_exe().expect("this test binary"))
        .args(["--exact", "killed_after_edits_the_next_start_offers_them_back", "--nocapture"])
        .env(CHILD, dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the child starts");
    let stdout = child.stdout.take().expect("piped");
    let ready = BufReader::new(stdout).lines().map_while(Result::ok).any(|line| line.contains("edits made"));
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    assert!(ready, "the child did not make its edits");

    let mut app = harness(options(dir.path()));
    assert!(matches!(app.state().dialog(), Some(Dialog::Recovery(_))), "{:?}", app.state().dialog());
    click(&mut app, "Restore");
    let names: Vec<&str> = app.state().dataset().places.iter().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"Hyesan"), "the saved form: {names:?}");
    assert!(names.contains(&"Typed, never saved"), "the form still open: {names:?}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("data.ron")).expect("read"),
        SAMPLE_RON,
        "the file untouched"
    );
}
