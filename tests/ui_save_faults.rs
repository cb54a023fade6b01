//! A save that fails in the window: a clear message naming the file and why, the work still in
//! memory and marked unsaved, the old file untouched.

mod support;

use egui_kittest::kittest::Queryable;
use repatriation_watch::store::SAMPLE_RON;
use support::{Workspace, click, new_place, shortcut};

#[test]
fn saving_into_a_folder_that_vanished_says_so_and_keeps_the_work() {
    let workspace = Workspace::new();
    let folder = workspace.dir.path().join("project");
    std::fs::create_dir(&folder).expect("folder");
    let file = folder.join("data.ron");
    std::fs::write(&file, SAMPLE_RON).expect("write");
    let mut harness = support::harness(workspace.options(Some(&file)));
    new_place(&mut harness, "Hyesan");
    click(&mut harness, "Save");
    std::fs::remove_dir_all(&folder).expect("the folder vanishes");

    shortcut(&mut harness, egui::Key::S);
    harness.get_by_label("Could not save");
    let message = harness
        .query_all_by_label_contains("the file or folder does not exist")
        .next()
        .map(|node| format!("{node:?}"))
        .expect("the reason is given");
    assert!(message.contains("data.ron"), "the file is named: {message}");
    assert!(harness.state().document().is_modified(), "the work is still unsaved, in memory");
    assert!(harness.state().dataset().places.iter().any(|p| p.name == "Hyesan"));
    assert!(!folder.exists(), "nothing was written");
}
