//! The window's other paths: unsaved-changes question, search, sorting, validation, rallies,
//! problems, opening broken files, saving the sample, Korean text.

mod support;

use egui_kittest::kittest::Queryable;
use repatriation_watch::model::{Id, RecordKind};
use repatriation_watch::store::load_file;
use repatriation_watch::ui::dialogs::Dialog;
use support::{Workspace, click, harness, new_place, pick, shortcut, type_into};

#[test]
fn new_with_unsaved_changes_asks_first() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    new_place(&mut harness, "Hyesan");
    click(&mut harness, "Save");
    let places = harness.state().dataset().places.len();

    shortcut(&mut harness, egui::Key::N);
    assert!(matches!(harness.state().dialog(), Some(Dialog::UnsavedChanges { .. })));
    click(&mut harness, "Cancel");
    assert_eq!(harness.state().dataset().places.len(), places, "Cancel keeps everything");
    assert!(harness.state().document().is_modified());

    shortcut(&mut harness, egui::Key::N);
    click(&mut harness, "Save first");
    assert_eq!(harness.state().dataset().record_count(), 0, "then a new, empty dataset");
    let saved = load_file(&workspace.data_file()).expect("saved first");
    assert!(saved.places.iter().any(|p| p.name == "Hyesan"));

    click(&mut harness, "New place");
    type_into(&mut harness, "Name", "Hoeryong");
    shortcut(&mut harness, egui::Key::N);
    click(&mut harness, "Don't save");
    assert_eq!(harness.state().dataset().record_count(), 0);
    assert!(!harness.state().has_unsaved_work());
}

#[test]
fn search_narrows_the_rows() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    assert_eq!(harness.state().visible_ids().len(), 11);
    type_into(&mut harness, "Search", "baiyin");
    assert_eq!(harness.state().visible_ids(), [Id::new("inc-2024-04-baiyin")]);
    type_into(&mut harness, "Search", "Yanggang");
    assert_eq!(harness.state().visible_ids().len(), 2);
}

#[test]
fn sorting_by_date_orders_the_rows_and_again_reverses_them() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    let earliest = |harness: &egui_kittest::Harness<'_, _>| -> Vec<jiff::civil::Date> {
        let app: &repatriation_watch::app::RepatriationWatchApp = harness.state();
        app.visible_ids()
            .iter()
            .filter_map(|id| app.dataset().incident(id).and_then(|i| i.date.range()).map(|(a, _)| a))
            .collect()
    };
    click(&mut harness, "Sort by date");
    let ascending = earliest(&harness);
    assert_eq!(ascending.len(), 11);
    assert!(ascending.windows(2).all(|pair| pair[0] <= pair[1]), "{ascending:?}");
    click(&mut harness, "Sort by date");
    let descending = earliest(&harness);
    assert!(descending.windows(2).all(|pair| pair[0] >= pair[1]), "{descending:?}");
}

#[test]
fn arrow_keys_move_the_selection() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    let first = harness.state().visible_ids()[0].clone();
    assert_eq!(harness.state().selected(), Some(&first));
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected(), Some(&harness.state().visible_ids()[1]));
}

#[test]
fn a_validation_error_is_shown_beside_the_field_and_blocks_the_save() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    click(&mut harness, "New incident");
    type_into(&mut harness, "People", "at least 95");
    harness.get_by_label("the title is empty");
    let before = harness.state().dataset().incidents.len();
    click(&mut harness, "Save");
    assert_eq!(harness.state().dataset().incidents.len(), before, "Save is blocked");

    type_into(&mut harness, "Title", "Now with a title");
    assert!(harness.query_by_label("the title is empty").is_none());
    click(&mut harness, "Save");
    assert_eq!(harness.state().dataset().incidents.len(), before + 1);
}

#[test]
fn a_rally_linked_to_an_incident() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    click(&mut harness, "Rallies");
    click(&mut harness, "New rally");
    type_into(&mut harness, "Title", "Vigil for the Baiyin detainees");
    type_into(&mut harness, "Attendance", "about two dozen");
    pick(
        &mut harness,
        "Responds to",
        "Baiyin",
        "Over 200 sent back from Baiyin Detention Center after Zhao Leji's visit · Apr 11–30, 2024",
    );
    pick(
        &mut harness,
        "Organizers",
        "한변",
        "Hanbyun (Korean Lawyers for Human Rights and Unification of Korea) (한변 (한반도 인권과 통일을 위한 변호사모임))",
    );
    click(&mut harness, "Save");
    let dataset = harness.state().dataset();
    let rally = dataset.rallies.iter().find(|r| r.title == "Vigil for the Baiyin detainees").expect("saved");
    assert_eq!(rally.responds_to, [Id::new("inc-2024-04-baiyin")]);
    assert_eq!(rally.organizers, [Id::new("org-hanbyun")]);
    assert_eq!(rally.attendance[0].count.best, Some(24));
}

#[test]
fn a_place_added_from_a_picker_exists_and_is_picked() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    click(&mut harness, "New incident");
    type_into(&mut harness, "Title", "Sent back through Hyesan");
    pick(&mut harness, "To place", "Hyesan", "Add new place: “Hyesan”");
    click(&mut harness, "Save");
    let dataset = harness.state().dataset();
    let place = dataset.places.iter().find(|p| p.name == "Hyesan").expect("the new place");
    let incident = dataset.incidents.iter().find(|i| i.title == "Sent back through Hyesan").expect("saved");
    assert_eq!(incident.to_place.as_ref(), Some(&place.id));
}

#[test]
fn the_problem_count_lists_problems_and_selects_the_record() {
    let workspace = Workspace::new();
    let file = workspace.dir.path().join("problems.ron");
    std::fs::write(
        &file,
        "(format: \"repatriation-watch\", version: 1, rallies: [(id: \"r1\", title: \"Rally\", responds_to: [\"i-gone\"])])",
    )
    .expect("write");
    let mut harness = harness(workspace.options(Some(&file)));
    click(&mut harness, "1 problem");
    assert!(matches!(harness.state().dialog(), Some(Dialog::Problems)));
    click(&mut harness, "rally r1, responds_to[0]: refers to incident i-gone, which does not exist");
    assert_eq!(harness.state().view(), RecordKind::Rally);
    assert_eq!(harness.state().selected(), Some(&Id::new("r1")));
}

#[test]
fn a_file_that_fails_to_open_is_explained_and_the_data_stays() {
    let workspace = Workspace::new();
    let broken = workspace.dir.path().join("broken.ron");
    std::fs::write(&broken, "(format: \"repatriation-watch\", version: 1,\n  places: [(id: 5)],\n)")
        .expect("write");
    let mut harness = workspace.harness();
    let before = harness.state().dataset().clone();
    shortcut(&mut harness, egui::Key::O);
    type_into(&mut harness, "File path", &broken.display().to_string());
    click(&mut harness, "OK");
    match harness.state().dialog() {
        Some(Dialog::Message { text, .. }) => assert!(text.starts_with("line 2, column"), "{text}"),
        other => panic!("expected the error, got {other:?}"),
    }
    assert_eq!(harness.state().dataset(), &before);
    assert_eq!(harness.state().file(), Some(&workspace.data_file()));
}

#[test]
fn saving_the_built_in_sample_asks_for_a_file_name() {
    let workspace = Workspace::new();
    let mut harness = harness(workspace.options(None));
    assert_eq!(harness.state().file(), None);
    shortcut(&mut harness, egui::Key::S);
    assert!(matches!(harness.state().dialog(), Some(Dialog::PathEntry { .. })));
    let target = workspace.dir.path().join("my-copy");
    type_into(&mut harness, "File path", &target.display().to_string());
    click(&mut harness, "OK");
    let saved = workspace.dir.path().join("my-copy.ron");
    assert_eq!(harness.state().file(), Some(&saved));
    assert_eq!(&load_file(&saved).expect("written"), harness.state().dataset());
}

#[test]
fn korean_and_chinese_text_is_typed_and_kept() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    new_place(&mut harness, "Baishan");
    type_into(&mut harness, "Korean name", "바이산");
    type_into(&mut harness, "Chinese name", "白山");
    click(&mut harness, "Save");
    let place =
        harness.state().dataset().places.iter().find(|p| p.name == "Baishan").cloned().expect("saved");
    assert_eq!((place.name_ko.as_str(), place.name_zh.as_str()), ("바이산", "白山"));
    type_into(&mut harness, "Search", "白山");
    assert_eq!(harness.state().visible_ids(), [place.id]);
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    new_place(&mut harness, "Musan");
    let viewport = harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default();
    viewport.events.push(egui::ViewportEvent::Close);
    harness.step();
    let cancelled = harness.output().viewport_output.get(&egui::ViewportId::ROOT).is_some_and(|out| {
        out.commands.iter().any(|command| matches!(command, egui::ViewportCommand::CancelClose))
    });
    assert!(cancelled, "the close is held back");
    harness.run();
    assert!(matches!(harness.state().dialog(), Some(Dialog::UnsavedChanges { .. })));
    click(&mut harness, "Cancel");
    assert!(harness.state().has_unsaved_work(), "the form is still there");
    assert!(harness.state().editor_has_drafts());
}

#[test]
fn enter_in_the_path_field_opens_the_file() {
    let workspace = Workspace::new();
    let mut harness = harness(workspace.options(None));
    shortcut(&mut harness, egui::Key::O);
    type_into(&mut harness, "File path", &workspace.data_file().display().to_string());
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().dialog().is_none());
    assert_eq!(harness.state().file(), Some(&workspace.data_file()));
}

#[test]
fn giving_up_changes_for_an_open_that_is_cancelled_keeps_them_unsaved() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    new_place(&mut harness, "Chongjin");
    click(&mut harness, "Save");
    shortcut(&mut harness, egui::Key::O);
    click(&mut harness, "Don't save");
    click(&mut harness, "Cancel");
    assert!(harness.state().dataset().places.iter().any(|p| p.name == "Chongjin"));
    assert!(harness.state().document().is_modified(), "still unsaved, so closing will still ask");
}

#[test]
fn the_about_window_says_what_the_app_is_and_where_the_records_are() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    click(&mut harness, "Help");
    click(&mut harness, "About Repatriation Watch");
    assert!(matches!(harness.state().dialog(), Some(Dialog::About(_))));
    harness.get_by_label(&format!("Version {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label_contains("Nothing leaves this computer.");
    harness.get_by_label(&format!("The dataset: {}", workspace.data_file().display()));
    let folder = workspace.recovery_dir();
    harness.get_by_label(&format!(
        "Recovery copies of unsaved work, and the app's settings: {}",
        folder.display()
    ));
    harness.get_by_label_contains("The app: MIT or Apache-2.0 licence.");
    harness.get_by_label_contains("The app never connects to a network");
    click(&mut harness, "Close");
    assert!(harness.state().dialog().is_none());
}
