//! Opening and saving in the background: a progress window with Cancel while a file opens, the
//! records readable (and editable) while a save runs, and nothing lost either way.

mod support;

use std::time::{Duration, Instant};

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use repatriation_watch::app::RepatriationWatchApp;
use repatriation_watch::edit::{AnyRecord, Edit};
use repatriation_watch::generate::{GenerateOptions, generate};
use repatriation_watch::model::{
    CountEstimate, Dataset, DateSpec, Id, Incident, IncidentKind, Place, SourcedEstimate,
};
use repatriation_watch::query::columns::TableRecord;
use repatriation_watch::stats::{Period, SeriesOptions, series};
use repatriation_watch::store::{load_file, save_file};
use support::Workspace;

/// The app on `file`, every file opened and saved in the background, the first frame drawn.
fn app_in_background(
    workspace: &Workspace,
    file: &std::path::Path,
) -> Harness<'static, RepatriationWatchApp> {
    let mut options = workspace.options(Some(file));
    options.background_from_bytes = 0;
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |creation| RepatriationWatchApp::new(creation, options));
    harness.step();
    harness
}

/// Runs frames while `going` says the app is still at work (at most two minutes, else `what`
/// never ended), then one more.
fn step_while(
    harness: &mut Harness<'_, RepatriationWatchApp>,
    what: &str,
    going: impl Fn(&RepatriationWatchApp) -> bool,
) {
    let start = Instant::now();
    while going(harness.state()) {
        assert!(start.elapsed() < Duration::from_secs(120), "{what} never ended");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.step();
}

/// Runs frames until the background work is done, the records read and checked.
fn wait_until_done(harness: &mut Harness<'_, RepatriationWatchApp>) {
    step_while(harness, "the background work", |app| app.is_busy() || app.is_checking());
}

fn place(name: &str) -> Edit {
    Edit::put(AnyRecord::Place(Place { id: Id::new("pl-new"), name: name.to_owned(), ..Place::default() }))
}

/// A file large enough (about 25 MB) that reading it takes many frames.
fn big_file(workspace: &Workspace) -> std::path::PathBuf {
    let big = workspace.dir.path().join("big.ron");
    save_file(&generate(GenerateOptions { incidents: 20_000, rallies: 2_000, seed: 3 }), &big)
        .expect("writes");
    big
}

#[test]
fn a_file_opens_in_the_background_behind_a_progress_window() {
    let workspace = Workspace::new();
    let big = big_file(&workspace);
    let mut harness = app_in_background(&workspace, &big);
    assert!(harness.state().is_busy());
    assert!(harness.query_by_label_contains("Opening big.ron").is_some(), "the progress window shows");
    wait_until_done(&mut harness);
    let mut on_disk = load_file(&big).expect("the file loads");
    on_disk.sort_by_id();
    assert_eq!(harness.state().dataset(), &on_disk);
    assert_eq!(harness.state().file(), Some(&big));
    assert!(harness.query_by_label_contains("Opening big.ron").is_none(), "the window is gone");
    // Checked on the background thread: the generated records have no problems.
    assert!(harness.query_by_label("no problems").is_some());
    // The search text, written there too, is that of the records as sorted.
    let word = "synthetic 1999";
    let expected: Vec<Id> =
        on_disk.incidents.iter().filter(|i| i.matches(word)).map(|i| i.id.clone()).collect();
    assert!(expected.len() > 1, "{expected:?}");
    // Ctrl+F, then the word.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search").type_text(word);
    harness.run();
    while harness.state().is_searching() {
        harness.step();
    }
    let shown = harness.state().visible_ids();
    assert!(shown == expected, "{} rows shown, {} expected", shown.len(), expected.len());
}

#[test]
fn the_records_are_shown_before_they_are_checked_and_their_problems_come_after() {
    let workspace = Workspace::new();
    let mut dataset = generate(GenerateOptions { incidents: 20_000, rallies: 2_000, seed: 3 });
    dataset.incidents[7].from_place = Some(Id::new("pl-nowhere"));
    let big = workspace.dir.path().join("big.ron");
    save_file(&dataset, &big).expect("writes");
    let mut harness = app_in_background(&workspace, &big);
    step_while(&mut harness, "the opening", RepatriationWatchApp::is_busy);
    assert_eq!(harness.state().dataset().incidents.len(), 20_000, "the records are shown");
    if harness.state().is_checking() {
        assert!(harness.query_by_label("checking the records…").is_some(), "the status says so");
    }
    wait_until_done(&mut harness);
    assert!(harness.query_by_label("1 problem").is_some(), "the problem found on the other thread");
    assert!(harness.query_by_label("checking the records…").is_none());
}

#[test]
fn cancel_stops_opening_and_keeps_what_was_shown() {
    let workspace = Workspace::new();
    let mut harness = app_in_background(&workspace, &big_file(&workspace));
    harness.get_by_label("Cancel").click();
    wait_until_done(&mut harness);
    assert_eq!(harness.state().dataset(), &Dataset::default(), "nothing was opened");
    assert!(harness.query_by_label_contains("was cancelled").is_some());
    assert_eq!(harness.state().file(), None);
}

#[test]
fn a_save_in_the_background_writes_the_records_as_they_were_when_it_started() {
    let workspace = Workspace::new();
    let mut harness = app_in_background(&workspace, &workspace.data_file());
    wait_until_done(&mut harness);
    harness.state_mut().request_edit(place("Hyesan"));
    harness.step();
    let saved = harness.state().dataset().clone();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.step();
    // An edit while the save runs goes into the records shown, not into the file being written.
    harness.state_mut().request_edit(place("Hyesan 혜산"));
    wait_until_done(&mut harness);
    assert_eq!(load_file(&workspace.data_file()).expect("loads"), saved);
    assert!(harness.state().document().is_modified(), "the later edit is still unsaved");
    assert!(harness.state().title().contains('*'));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.step();
    wait_until_done(&mut harness);
    assert!(!harness.state().document().is_modified());
    let names: Vec<String> =
        load_file(&workspace.data_file()).expect("loads").places.into_iter().map(|p| p.name).collect();
    assert!(names.contains(&"Hyesan 혜산".to_owned()), "{names:?}");
}

#[test]
fn the_charts_of_a_large_dataset_are_worked_out_in_the_background_and_follow_edits_made_meanwhile() {
    let workspace = Workspace::new();
    let big = big_file(&workspace);
    let mut harness = app_in_background(&workspace, &big);
    wait_until_done(&mut harness);
    // Started while the file opened, before the charts were asked for.
    assert!(harness.state().is_working_out_charts(), "the figures are worked out as the file opens");
    assert!(!harness.state().charts_shown());
    // An incident added while they may still be worked out, in a month after every other.
    let late = Incident {
        id: Id::new("inc-late"),
        title: "Late".to_owned(),
        kind: IncidentKind::ForcedRepatriation,
        date: DateSpec::day(jiff::civil::date(2031, 3, 5), ""),
        estimates: vec![SourcedEstimate {
            count: CountEstimate::exact(40, "40"),
            preferred: true,
            ..Default::default()
        }],
        ..Incident::default()
    };
    harness.state_mut().request_edit(Edit::put(AnyRecord::Incident(late)));
    harness.step();
    harness.get_by_label("Charts").click();
    // The click is taken in the next frame, which shows the charts.
    harness.step();
    assert!(harness.state().charts_shown());
    wait_for_charts(&mut harness);
    assert!(harness.query_by_label_contains("Working out the figures").is_none());
    let periods = harness.state().chart_periods();
    assert_eq!(periods.last().map(String::as_str), Some("2031-03"), "the edit made meanwhile is shown");
    let options = SeriesOptions { period: Period::Month, ..SeriesOptions::default() };
    let expected = series(harness.state().dataset(), options, &|_| true, &|_| true);
    assert_eq!(periods.len(), expected.len());
    // The breakdown and the timeline are worked out there too.
    for (tab, shown) in
        [("Breakdown", "People forcibly repatriated by sent from"), ("Timeline", "The 2,000 forced")]
    {
        harness.get_by_label(tab).click();
        // The tab is chosen as the charts are drawn; the next frame starts the work.
        harness.step();
        harness.step();
        assert!(harness.state().is_charting(), "{tab} is worked out on another thread");
        assert!(harness.query_by_label_contains("Working out the figures").is_some());
        wait_for_charts(&mut harness);
        assert!(harness.query_by_label_contains(shown).is_some(), "{tab} is shown");
    }
}

/// Runs frames until the chart shown is worked out.
fn wait_for_charts(harness: &mut Harness<'_, RepatriationWatchApp>) {
    step_while(harness, "working out the chart", RepatriationWatchApp::is_charting);
}
