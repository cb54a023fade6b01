//! What a new user meets in the first hour: a cut file explained, an error dialog closed with
//! Enter, places added with their kind from a picker.

mod support;

use egui_kittest::kittest::Queryable;
use repatriation_watch::model::PlaceKind;
use repatriation_watch::store::SAMPLE_RON;
use support::{Workspace, click, type_into};

#[test]
fn a_cut_file_is_explained_with_its_backup_and_enter_closes_the_message() {
    let workspace = Workspace::new();
    let file = workspace.data_file();
    // Cut in the middle of a title, with the last good version kept beside it.
    let cut_at = SAMPLE_RON.find("Some 30 sent back").expect("a title in the sample") + 7;
    std::fs::write(&file, &SAMPLE_RON[..cut_at]).expect("write the cut file");
    std::fs::write(repatriation_watch::store::backup_path(&file), SAMPLE_RON).expect("write the backup");
    let mut harness = workspace.harness();
    assert!(
        harness
            .query_by_label_contains("The file ends in the middle of a text that starts at line")
            .is_some()
    );
    assert!(harness.query_by_label_contains("it looks cut off").is_some());
    assert!(harness.query_by_label_contains("data.ron.bak may hold the last good version").is_some());
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_label_contains("it looks cut off").is_none(), "Enter closed the message");
    // Nothing was changed: the cut file is as it was.
    assert_eq!(std::fs::read_to_string(&file).expect("read"), SAMPLE_RON[..cut_at]);
}

#[test]
fn a_place_added_from_a_picker_takes_its_kind_and_country() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    click(&mut harness, "New incident");
    type_into(&mut harness, "Title", "Sent back over the Tumen crossing");
    // A kind chosen by hand.
    add_place(&mut harness, "From place", "Tumen crossing", Some("border crossing"), "cn");
    // A kind the name says: "County".
    add_place(&mut harness, "To place", "Hyesan County", None, "kp");
    click(&mut harness, "Save");
    let dataset = harness.state().dataset();
    let place = |name: &str| dataset.places.iter().find(|p| p.name == name).expect("the place is added");
    let (from, to) = (place("Tumen crossing"), place("Hyesan County"));
    assert_eq!((from.kind, from.country.as_str()), (PlaceKind::BorderCrossing, "CN"));
    assert_eq!((to.kind, to.country.as_str()), (PlaceKind::County, "KP"));
    let incident = dataset.incidents.iter().find(|i| i.title.starts_with("Sent back over")).expect("saved");
    assert_eq!((incident.from_place.as_ref(), incident.to_place.as_ref()), (Some(&from.id), Some(&to.id)));
}

fn add_place(
    harness: &mut egui_kittest::Harness<'_, repatriation_watch::app::RepatriationWatchApp>,
    picker: &str,
    name: &str,
    kind: Option<&str>,
    country: &str,
) {
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, picker).click();
    harness.run();
    let search = format!("Search {}", picker.to_lowercase());
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, &search).type_text(name);
    harness.run();
    if let Some(kind) = kind {
        click(harness, kind);
    }
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Country").focus();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Country").type_text(country);
    harness.run();
    click(harness, &format!("Add new place: “{name}”"));
}

#[test]
fn every_column_of_the_incidents_table_shows_at_1280_by_800() {
    let workspace = Workspace::new();
    let options = workspace.options(Some(&workspace.data_file()));
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(40)
        .build_eframe(move |creation| repatriation_watch::app::RepatriationWatchApp::new(creation, options));
    harness.run();
    // The form's panel starts where its hint does; every column's header ends before it.
    let form_left = harness.get_by_label_contains("Select an incident in the table").rect().left();
    for column in ["date", "title", "people", "kind", "status", "from", "to"] {
        let header = harness.get_by_label(&format!("Sort by {column}")).rect();
        assert!(
            header.right() <= form_left,
            "the {column} column ends at {} under the form at {form_left}",
            header.right()
        );
    }
}

#[test]
fn the_charts_count_the_records_they_leave_out() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    click(&mut harness, "New incident");
    type_into(&mut harness, "Title", "Sent back sometime");
    type_into(&mut harness, "Date", "sometime-ish");
    type_into(&mut harness, "People", "lots");
    click(&mut harness, "Save");
    click(&mut harness, "Charts");
    assert!(harness.query_by_label_contains("1 forced repatriation is not drawn").is_some());
    click(&mut harness, "Rallies per period");
    // The sample's weekly protests, "every Tuesday and Thursday".
    assert!(harness.query_by_label_contains("1 rally is not drawn").is_some());
    click(&mut harness, "Breakdown");
    assert!(harness.query_by_label_contains("1 forced repatriation is not counted").is_some());
    click(&mut harness, "Timeline");
    assert!(harness.query_by_label_contains("1 forced repatriation is not drawn").is_some());
    assert!(harness.query_by_label_contains("1 rally is not drawn").is_some());
}

#[test]
fn a_place_picked_from_the_gazetteer_comes_with_its_names_kind_and_point() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    click(&mut harness, "New incident");
    type_into(&mut harness, "Title", "Sent back through Hunchun");
    support::pick(
        &mut harness,
        "From place",
        "훈춘",
        "Hunchun (훈춘) — city, CN (from the gazetteer: added with its names and point)",
    );
    click(&mut harness, "Save");
    let dataset = harness.state().dataset();
    let place = dataset.places.iter().find(|p| p.name == "Hunchun").expect("the place is added");
    assert_eq!(
        (place.name_ko.as_str(), place.name_zh.as_str(), place.country.as_str()),
        ("훈춘", "珲春", "CN")
    );
    assert!(place.latitude.is_some() && place.longitude.is_some());
    let incident = dataset.incidents.iter().find(|i| i.title == "Sent back through Hunchun").expect("saved");
    assert_eq!(incident.from_place.as_ref(), Some(&place.id));
}
