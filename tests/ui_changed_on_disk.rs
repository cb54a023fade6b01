//! Saving over a file another program changed since it was opened asks first: overwrite, save
//! as, or reload.

mod support;

use egui_kittest::kittest::Queryable;
use repatriation_watch::store::{SAMPLE_RON, load_file};
use support::{Workspace, click, new_place, shortcut};

/// The sample as another program (a text editor, git) left it, with one title changed.
fn changed_elsewhere(workspace: &Workspace) {
    let text = SAMPLE_RON.replace("Some 30 sent back from Dandong to Sinuiju", "Changed in a text editor");
    std::fs::write(workspace.data_file(), text).expect("write");
}

fn has_title(dataset: &repatriation_watch::model::Dataset, title: &str) -> bool {
    dataset.incidents.iter().any(|i| i.title == title)
}

#[test]
fn saving_over_a_file_changed_elsewhere_asks_and_can_overwrite() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    new_place(&mut harness, "Hyesan");
    changed_elsewhere(&workspace);
    shortcut(&mut harness, egui::Key::S);
    harness.get_by_label("The file was changed by another program");
    let on_disk = load_file(&workspace.data_file()).expect("loads");
    assert!(has_title(&on_disk, "Changed in a text editor"), "nothing written before the answer");
    assert!(harness.state().has_unsaved_work());

    click(&mut harness, "Overwrite");
    let on_disk = load_file(&workspace.data_file()).expect("loads");
    assert!(on_disk.places.iter().any(|p| p.name == "Hyesan"), "our work is saved");
    assert!(!harness.state().document().is_modified());

    // Saved now: a later save goes through without asking.
    click(&mut harness, "New place");
    support::type_into(&mut harness, "Name", "Tumen");
    shortcut(&mut harness, egui::Key::S);
    assert!(harness.query_by_label("The file was changed by another program").is_none());
    assert!(load_file(&workspace.data_file()).expect("loads").places.iter().any(|p| p.name == "Tumen"));
}

#[test]
fn reloading_takes_the_file_as_the_other_program_left_it() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    new_place(&mut harness, "Hyesan");
    changed_elsewhere(&workspace);
    shortcut(&mut harness, egui::Key::S);
    click(&mut harness, "Reload");
    assert!(has_title(harness.state().dataset(), "Changed in a text editor"));
    assert!(!harness.state().document().is_modified());
}
