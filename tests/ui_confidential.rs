//! Marking records confidential in the window: the form's boxes, the table's mark, the filter
//! that shows the table as a shared copy would hold it.

mod support;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use repatriation_watch::model::{Id, RecordKind};
use support::{Workspace, click};

#[test]
fn a_record_marked_confidential_is_marked_in_the_table_and_hidden_as_shared() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    let all = harness.state().visible_ids().len();
    let leg = Id::new("inc-2023-11-20-dandong-sinuiju");
    assert!(harness.state().dataset().incidents.iter().any(|i| i.id == leg), "the sample's leg");
    harness.state_mut().select(RecordKind::Incident, leg.clone());
    harness.run();
    // Details first, then the whole record: the details' box is then not needed.
    harness
        .get_by_role_and_label(Role::CheckBox, "Its personal details: people involved, authorities, notes")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "The whole record").click();
    harness.run();
    let details = harness
        .get_by_role_and_label(Role::CheckBox, "Its personal details: people involved, authorities, notes");
    assert!(details.accesskit_node().is_disabled(), "a whole record confidential has its details so");
    click(&mut harness, "Save");
    let saved = harness.state().dataset().incidents.iter().find(|i| i.id == leg).cloned().expect("the leg");
    assert!(saved.confidential && saved.confidential_details);
    assert!(harness.query_all_by_label("◆").next().is_some(), "the table marks it");

    harness.get_by_role_and_label(Role::ComboBox, "Filter by confidential").click();
    harness.run();
    click(&mut harness, "hidden (as shared)");
    assert_eq!(harness.state().visible_ids().len(), all - 1, "hidden as a shared copy would");
    assert!(!harness.state().visible_ids().contains(&leg));
    harness.get_by_role_and_label(Role::ComboBox, "Filter by confidential").click();
    harness.run();
    click(&mut harness, "only confidential");
    assert_eq!(harness.state().visible_ids(), [leg]);
}

#[test]
fn share_shows_what_the_copy_leaves_out_then_writes_it_without_the_confidential_text() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    let leg = Id::new("inc-2023-11-20-dandong-sinuiju");
    let title = harness
        .state()
        .dataset()
        .incidents
        .iter()
        .find(|i| i.id == leg)
        .map(|i| i.title.clone())
        .expect("the leg");
    harness.state_mut().select(RecordKind::Incident, leg);
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "The whole record").click();
    harness.run();
    click(&mut harness, "Save");

    click(&mut harness, "File");
    harness.get_by_label_contains("Share a copy").click();
    harness.run();
    harness.get_by_label("• incident: 1 left out (confidential)");
    harness.get_by_role_and_label(Role::Button, "Write the copy…").click();
    harness.run();
    let out = workspace.dir.path().join("for-partners");
    support::type_into(&mut harness, "File path", &out.display().to_string());
    click(&mut harness, "OK");
    let copy =
        std::fs::read_to_string(workspace.dir.path().join("for-partners.ron")).expect("the copy, .ron added");
    assert!(!copy.contains(&title), "the confidential incident's text is not in the copy");
    let account = std::fs::read_to_string(workspace.dir.path().join("for-partners.ron.left-out.txt"))
        .expect("the account");
    assert!(account.contains("left out: 1 confidential incident"), "{account}");
    assert!(harness.state().dataset().incidents.iter().any(|i| i.title == title), "the dataset keeps it");
}

#[test]
fn a_chart_exported_says_when_its_figures_count_confidential_records() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    harness.state_mut().select(RecordKind::Incident, Id::new("inc-2023-11-20-dandong-sinuiju"));
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "The whole record").click();
    harness.run();
    click(&mut harness, "Save");
    click(&mut harness, "Charts");
    click(&mut harness, "Export CSV…");
    support::type_into(&mut harness, "File path", &workspace.dir.path().join("chart").display().to_string());
    click(&mut harness, "OK");
    harness.get_by_label_contains("Its figures include 1 records marked confidential");

    // Charted as shared: nothing to say.
    harness.get_by_role_and_label(Role::ComboBox, "Filter by confidential").click();
    harness.run();
    click(&mut harness, "hidden (as shared)");
    click(&mut harness, "Export CSV…");
    support::type_into(
        &mut harness,
        "File path",
        &workspace.dir.path().join("shared-chart").display().to_string(),
    );
    click(&mut harness, "OK");
    assert!(harness.query_by_label_contains("Its figures include").is_none());
    assert!(workspace.dir.path().join("shared-chart.csv").exists());
}

#[test]
fn a_copy_to_share_never_replaces_the_dataset_itself() {
    let workspace = Workspace::new();
    let file = workspace.data_file();
    std::fs::write(&file, repatriation_watch::store::SAMPLE_RON).expect("the dataset");
    let mut harness = support::harness(workspace.options(Some(&file)));
    click(&mut harness, "File");
    harness.get_by_label_contains("Share a copy").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Write the copy…").click();
    harness.run();
    // Typed without its extension, as a user might: still the dataset itself.
    let typed = file.with_extension("");
    support::type_into(&mut harness, "File path", &typed.display().to_string());
    click(&mut harness, "OK");
    harness.get_by_label_contains("would replace the dataset itself");
    assert_eq!(std::fs::read_to_string(&file).expect("the dataset"), repatriation_watch::store::SAMPLE_RON);
}
