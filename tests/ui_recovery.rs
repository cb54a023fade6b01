//! Crash recovery: unsaved work (saved forms and forms still open) comes back after the app is
//! dropped without saving.

mod support;

use repatriation_watch::ui::dialogs::Dialog;
use support::{Workspace, click, new_place, shortcut, type_into};

#[test]
fn unsaved_work_is_offered_back_after_a_crash() {
    let workspace = Workspace::new();
    {
        let mut harness = workspace.harness();
        new_place(&mut harness, "Hyesan");
        click(&mut harness, "Save");
        click(&mut harness, "New place");
        type_into(&mut harness, "Name", "Still in its form");
        harness.run();
        // The app is dropped here without saving, as in a crash.
    }
    let mut harness = workspace.harness();
    assert!(
        matches!(harness.state().dialog(), Some(Dialog::Recovery(r)) if r.dataset_path.as_ref() == Some(&workspace.data_file())),
        "{:?}",
        harness.state().dialog()
    );
    click(&mut harness, "Restore");
    let names: Vec<&str> = harness.state().dataset().places.iter().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"Hyesan"), "{names:?}");
    assert!(names.contains(&"Still in its form"), "{names:?}");
    assert!(harness.state().document().is_modified(), "recovered work is not saved yet");
    assert_eq!(harness.state().file(), Some(&workspace.data_file()));

    shortcut(&mut harness, egui::Key::S);
    drop(harness);
    let harness = workspace.harness();
    assert!(harness.state().dialog().is_none(), "saving removed the recovery file");
    assert!(harness.state().dataset().places.iter().any(|p| p.name == "Hyesan"));
}

#[test]
fn discarding_recovered_work_removes_it() {
    let workspace = Workspace::new();
    {
        let mut harness = workspace.harness();
        click(&mut harness, "Organizations");
        click(&mut harness, "New organization");
        type_into(&mut harness, "Name", "Transitional Justice Working Group");
        click(&mut harness, "Save");
    }
    let mut harness = workspace.harness();
    assert!(matches!(harness.state().dialog(), Some(Dialog::Recovery(_))));
    click(&mut harness, "Discard");
    assert!(harness.state().dialog().is_none());
    assert!(!harness.state().dataset().organizations.iter().any(|o| o.name.starts_with("Transitional")));
    drop(harness);
    assert!(workspace.harness().state().dialog().is_none());
}

#[test]
fn the_shortcuts_wait_while_the_recovery_dialog_asks() {
    let workspace = Workspace::new();
    {
        let mut harness = workspace.harness();
        new_place(&mut harness, "Hyesan");
        click(&mut harness, "Save");
    }
    let before = std::fs::read(workspace.data_file()).expect("the data file");
    let mut harness = workspace.harness();
    assert!(matches!(harness.state().dialog(), Some(Dialog::Recovery(_))));
    // Saving now would write the file without the work and forget it.
    shortcut(&mut harness, egui::Key::S);
    assert!(matches!(harness.state().dialog(), Some(Dialog::Recovery(_))), "still asking");
    assert!(std::fs::read(workspace.data_file()).expect("the data file") == before, "nothing saved");
    click(&mut harness, "Restore");
    assert!(harness.state().dataset().places.iter().any(|p| p.name == "Hyesan"));
}
