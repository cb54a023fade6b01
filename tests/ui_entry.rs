//! Data entry through the real app, driven by labels: create, edit, legs, delete, undo, redo.

mod support;

use egui_kittest::kittest::Queryable;
use repatriation_watch::edit::AnyRecord;
use repatriation_watch::model::{CountQualifier, DatePrecision, Id, Incident, RecordKind};
use repatriation_watch::store::load_file;
use support::{Workspace, click, pick, shortcut, type_into};

fn incident_titled<'a>(dataset: &'a repatriation_watch::model::Dataset, title: &str) -> Option<&'a Incident> {
    dataset.incidents.iter().find(|incident| incident.title == title)
}

#[test]
fn create_an_incident_by_typing_and_save_it() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    click(&mut harness, "New incident");
    type_into(&mut harness, "Title", "Detained defectors sent back from Tumen");
    type_into(&mut harness, "Date", "Nov. 20, 2023");
    type_into(&mut harness, "People", "at least 95");
    pick(&mut harness, "From place", "Dand", "Dandong (단둥)");
    pick(&mut harness, "To place", "신의", "Sinuiju (신의주)");
    click(&mut harness, "Save");

    let dataset = harness.state().dataset().clone();
    let incident =
        incident_titled(&dataset, "Detained defectors sent back from Tumen").expect("saved in the dataset");
    let count = &incident.estimates[0].count;
    assert_eq!((count.qualifier, count.low, count.high), (CountQualifier::AtLeast, Some(95), None));
    assert_eq!(count.as_reported, "at least 95");
    assert_eq!(incident.date.precision, DatePrecision::Day);
    assert_eq!(incident.date.as_reported, "Nov. 20, 2023");
    assert_eq!(
        incident.date.range(),
        Some((jiff::civil::date(2023, 11, 20), jiff::civil::date(2023, 11, 20)))
    );
    assert_eq!(incident.from_place, Some(Id::new("pl-dandong")));
    assert_eq!(incident.to_place, Some(Id::new("pl-sinuiju")));
    assert!(harness.state().document().is_modified());

    shortcut(&mut harness, egui::Key::S);
    assert!(!harness.state().document().is_modified());
    let on_disk = load_file(&workspace.data_file()).expect("the saved file loads");
    assert_eq!(incident_titled(&on_disk, "Detained defectors sent back from Tumen"), Some(incident));
}

#[test]
fn edit_add_a_leg_delete_undo_and_redo() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    let baiyin = Id::new("inc-2024-04-baiyin");
    harness.get_by_label_contains("Over 200 sent back from Baiyin").click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(&baiyin));

    // Edit: a new status, saved through the form.
    type_into(&mut harness, "Title", "Over 200 returned from Baiyin");
    click(&mut harness, "Save");
    let stored = |harness: &egui_kittest::Harness<'_, _>| harness_incident(harness, &baiyin);
    assert_eq!(stored(&harness).map(|i| i.title), Some("Over 200 returned from Baiyin".to_owned()));

    // A leg: a new incident whose parent is this one.
    click(&mut harness, "Add leg");
    type_into(&mut harness, "Title", "First group from Baiyin");
    type_into(&mut harness, "People", "about 50");
    click(&mut harness, "Save");
    let dataset = harness.state().dataset().clone();
    let leg = incident_titled(&dataset, "First group from Baiyin").expect("the leg");
    assert_eq!(leg.parent, Some(baiyin.clone()));
    assert_eq!(leg.estimates[0].count.best, Some(50));

    // Delete the parent, then undo and redo.
    harness.get_by_label_contains("Over 200 returned from Baiyin").click();
    harness.run();
    assert!(
        harness.query_by_label_contains("First group from Baiyin ·").is_some(),
        "the parent's form lists its leg"
    );
    click(&mut harness, "Delete");
    click(&mut harness, "Delete record");
    assert_eq!(stored(&harness), None);
    shortcut(&mut harness, egui::Key::Z);
    assert_eq!(stored(&harness).map(|i| i.title), Some("Over 200 returned from Baiyin".to_owned()));
    shortcut(&mut harness, egui::Key::Y);
    assert_eq!(stored(&harness), None);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    harness.run();
    assert_eq!(stored(&harness), None, "nothing left to redo");
    shortcut(&mut harness, egui::Key::Z);
    assert!(stored(&harness).is_some());
}

fn harness_incident(
    harness: &egui_kittest::Harness<'_, repatriation_watch::app::RepatriationWatchApp>,
    id: &Id,
) -> Option<Incident> {
    match harness.state().record(RecordKind::Incident, id) {
        Some(AnyRecord::Incident(incident)) => Some(incident),
        _ => None,
    }
}
