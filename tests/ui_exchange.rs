//! Import and merge through the window: File → Import CSV… and File → Merge…, the preview,
//! the mapping, and the conflicts chosen field by field.

mod support;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use repatriation_watch::app::RepatriationWatchApp;
use repatriation_watch::model::Id;
use repatriation_watch::store::SAMPLE_RON;
use support::{Workspace, click, type_into};

type App = Harness<'static, RepatriationWatchApp>;

fn file_menu(harness: &mut App, item: &str, path: &std::path::Path) {
    click(harness, "File");
    harness.get_by_label_contains(item).click();
    harness.run();
    type_into(harness, "File path", &path.display().to_string());
    click(harness, "OK");
}

#[test]
fn import_places_from_a_csv_and_undo_it() {
    let workspace = Workspace::new();
    let csv = workspace.dir.path().join("partner places.csv");
    std::fs::write(&csv, "Name,Korean name,Kind,Remarks\nHyesan,혜산,city,x\nTumen,투먼,city,\n")
        .expect("write");
    let mut harness = workspace.harness();
    let before = harness.state().dataset().places.len();
    file_menu(&mut harness, "Import CSV", &csv);

    harness.get_by_label("2 new, 0 updated");
    harness.get_by_role_and_label(Role::ComboBox, "Column Remarks");
    harness.get_by_role_and_label(Role::Button, "Import").click();
    harness.run();
    let places = &harness.state().dataset().places;
    assert_eq!(places.len(), before + 2);
    assert!(places.iter().any(|p| p.name == "Hyesan" && p.name_ko == "혜산"));

    click(&mut harness, "Edit");
    harness.get_by_label_contains("Undo changes to 2 records").click();
    harness.run();
    assert_eq!(harness.state().dataset().places.len(), before, "one undo takes the import back");
}

#[test]
fn a_bad_row_blocks_the_import_until_its_column_is_left_out() {
    let workspace = Workspace::new();
    let csv = workspace.dir.path().join("incidents.csv");
    std::fs::write(&csv, "title,event_date,size_text\nGood,2023-11-20,about 30\nBad,20 Nov,about 30\n")
        .expect("write");
    let mut harness = workspace.harness();
    let before = harness.state().dataset().incidents.len();
    file_menu(&mut harness, "Import CSV", &csv);
    harness.get_by_label_contains("line 3, column event_date: “20 Nov” is not a date");
    assert!(harness.get_by_role_and_label(Role::Button, "Import").accesskit_node().is_disabled());

    harness.get_by_role_and_label(Role::ComboBox, "Column event_date").click();
    harness.run();
    click(&mut harness, "(leave out)");
    harness.get_by_role_and_label(Role::Button, "Import").click();
    harness.run();
    assert_eq!(harness.state().dataset().incidents.len(), before + 2);
}

#[test]
fn merge_another_copy_and_choose_a_conflicting_field() {
    let workspace = Workspace::new();
    let theirs = workspace.dir.path().join("theirs.ron");
    let text = SAMPLE_RON
        .replace("Some 30 sent back from Dandong to Sinuiju", "Thirty sent back from Dandong")
        .replace("Seven North Koreans, a nine-year-old girl among them,", "Seven people, a girl among them,");
    std::fs::write(&theirs, text).expect("write");
    let mut harness = workspace.harness();
    file_menu(&mut harness, "Merge", &theirs);
    harness.get_by_label_contains("2 changed differently in both");
    harness.get_by_role_and_label(Role::Button, "Merge").click();
    harness.run();
    assert_eq!(harness.state().dataset().conflicts.len(), 2);

    // First the 2019 detention: this copy's title is kept as it is.
    harness.get_by_label_contains("Conflicts from a merge (2)");
    harness.get_by_label("Seven people, a girl among them, detained in Liaoning");
    click(&mut harness, "Use the chosen fields");
    assert_eq!(harness.state().dataset().conflicts.len(), 1, "one left to decide");
    assert!(harness.state().dataset().incidents.iter().any(|i| i.title.starts_with("Seven North Koreans")));

    // Then the Dandong leg: the other copy's title is chosen.
    harness.get_by_label("Thirty sent back from Dandong").click();
    harness.run();
    click(&mut harness, "Use the chosen fields");
    let dataset = harness.state().dataset();
    let incident = dataset.incident(&Id::new("inc-2023-11-20-dandong-sinuiju")).expect("kept");
    assert_eq!(incident.title, "Thirty sent back from Dandong", "the other copy's title, as chosen");
    assert!(dataset.conflicts.is_empty());
    harness.get_by_label("Nothing left to decide.");
}
