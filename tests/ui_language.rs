//! The interface in 한국어 and English: switching from the View menu, entering a record with
//! the Korean labels, and no English left on any screen in Korean.

mod support;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use repatriation_watch::app::RepatriationWatchApp;
use repatriation_watch::i18n::{Language, language};
use repatriation_watch::model::{CountQualifier, DatePrecision, Id};
use support::{Workspace, click, type_into};

type App = Harness<'static, RepatriationWatchApp>;

fn choose_language(harness: &mut App, view: &str, menu: &str, name: &str) {
    click(harness, view);
    click(harness, menu);
    click(harness, name);
}

/// Picks a record in a picker by typing, with the Korean labels.
fn pick_korean(harness: &mut App, picker: &str, typed: &str, choice: &str) {
    harness.get_by_role_and_label(Role::ComboBox, picker).click();
    harness.run();
    let search = format!("{picker} 찾기");
    harness.get_by_role_and_label(Role::TextInput, &search).type_text(typed);
    harness.run();
    harness.get_by_label(choice).click();
    harness.run();
}

#[test]
fn switch_to_korean_enter_an_incident_and_switch_back() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    choose_language(&mut harness, "View", "Language", "한국어");
    assert_eq!(language(), Language::Korean);
    assert_eq!(harness.state().settings().language, Some(Language::Korean), "the choice is remembered");

    click(&mut harness, "새 사건");
    type_into(&mut harness, "제목", "단둥에서 신의주로 강제북송");
    type_into(&mut harness, "날짜", "2023년 11월 20일");
    type_into(&mut harness, "인원", "최소 95명");
    pick_korean(&mut harness, "출발지", "단둥", "단둥 (Dandong)");
    pick_korean(&mut harness, "도착지", "신의", "신의주 (Sinuiju)");
    harness.get_by_role_and_label(Role::Button, "저장").click();
    harness.run();

    let dataset = harness.state().dataset().clone();
    let incident = dataset
        .incidents
        .iter()
        .find(|incident| incident.title == "단둥에서 신의주로 강제북송")
        .expect("saved in the dataset");
    let count = &incident.estimates[0].count;
    assert_eq!(
        (count.qualifier, count.low, count.as_reported.as_str()),
        (CountQualifier::AtLeast, Some(95), "최소 95명")
    );
    assert_eq!(incident.date.precision, DatePrecision::Day);
    assert_eq!(incident.date.earliest, Some(jiff::civil::date(2023, 11, 20)));
    assert_eq!(incident.date.as_reported, "2023년 11월 20일");
    assert_eq!(incident.from_place, Some(Id::new("pl-dandong")));
    assert_eq!(incident.to_place, Some(Id::new("pl-sinuiju")));

    choose_language(&mut harness, "보기", "언어", "English");
    assert_eq!(language(), Language::English);
    assert_eq!(harness.state().dataset(), &dataset, "switching language leaves the data as it was");
    harness.get_by_label("New incident");
}

/// Words in Latin letters that are the same in Korean: the app's name, formats and keys.
const LATIN_IN_KOREAN: &[&str] = &[
    "Repatriation",
    "Watch",
    "RON",
    "CSV",
    "PNG",
    "SVG",
    "PDF",
    "URL",
    "NGO",
    "UN",
    "ID",
    "Ctrl",
    "Shift",
    "Enter",
    "English",
    // A file's extension, as in a file name the user gave.
    "csv",
];

/// What egui itself names for screen readers, not shown on screen.
const EGUI_OWN_LABELS: &[&str] = &["Resize panel"];

/// Every label and value on screen that has a Latin word not in [`LATIN_IN_KOREAN`].
fn english_on_screen(harness: &App) -> Vec<String> {
    let mut found = Vec::new();
    for node in harness.query_all(By::new().include_labels().predicate(|_| true)) {
        let node = node.accesskit_node();
        for text in [node.label(), node.value()].into_iter().flatten() {
            let record_id = text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && text.chars().any(|c| c.is_ascii_digit());
            if EGUI_OWN_LABELS.contains(&text.as_str()) || record_id {
                continue;
            }
            let english = text
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|word| word.len() >= 2 && !LATIN_IN_KOREAN.contains(&word));
            if english {
                found.push(text);
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

fn expect_korean(harness: &App, screen: &str) {
    let english = english_on_screen(harness);
    assert!(english.is_empty(), "English on the {screen} screen in Korean: {english:#?}");
}

#[test]
fn every_screen_in_korean_is_in_korean() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    choose_language(&mut harness, "View", "Language", "한국어");
    // An empty dataset: whatever Latin text is left comes from the interface, not the data.
    click(&mut harness, "파일");
    harness.get_by_label_contains("새로 만들기").click();
    harness.run();
    expect_korean(&harness, "incidents");
    click(&mut harness, "파일");
    expect_korean(&harness, "File menu");
    harness.key_press(egui::Key::Escape);
    harness.run();
    for (view, new) in [
        ("사건", "새 사건"),
        ("집회", "새 집회"),
        ("출처", "새 출처"),
        ("장소", "새 장소"),
        ("단체", "새 단체"),
    ] {
        harness.get_by_role_and_label(Role::Button, view).click();
        harness.run();
        expect_korean(&harness, view);
        click(&mut harness, new);
        expect_korean(&harness, new);
    }
    for menu in ["편집", "보기", "도움말"] {
        click(&mut harness, menu);
        expect_korean(&harness, menu);
        harness.key_press(egui::Key::Escape);
        harness.run();
    }
    harness.get_by_role_and_label(Role::Button, "차트").click();
    harness.run();
    for tab in ["송환 인원", "누계", "기간별 집회", "항목별", "연대표"] {
        click(&mut harness, tab);
        expect_korean(&harness, tab);
    }
}

#[test]
fn the_import_dialog_in_korean_is_in_korean() {
    let workspace = Workspace::new();
    let csv = workspace.dir.path().join("목록.csv");
    std::fs::write(&csv, "제목,날짜,인원\n단둥에서 북송,2024년 3월 초,약 20명\n").expect("write");
    let mut harness = workspace.harness();
    choose_language(&mut harness, "View", "Language", "한국어");
    click(&mut harness, "파일");
    harness.get_by_label_contains("새로 만들기").click();
    harness.run();
    click(&mut harness, "파일");
    harness.get_by_label_contains("CSV 가져오기").click();
    harness.run();
    type_into(&mut harness, "파일 경로", &csv.display().to_string());
    click(&mut harness, "확인");
    harness.get_by_label("새 기록 1건, 갱신 0건");
    expect_korean(&harness, "import");
    harness.get_by_role_and_label(Role::Button, "가져오기").click();
    harness.run();
    let incident = &harness.state().dataset().incidents[0];
    assert_eq!((incident.title.as_str(), incident.estimates[0].count.best), ("단둥에서 북송", Some(20)));
}

#[test]
fn the_charts_in_korean_on_the_sample() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    choose_language(&mut harness, "View", "Language", "한국어");
    harness.get_by_role_and_label(Role::Button, "차트").click();
    harness.run();
    // The sample spans 2000–2024, so the charts open per year.
    let title = "연도별 강제북송 인원(우선 추정치) — Repatriation Watch";
    assert!(harness.query_all_by_value(title).next().is_some(), "the chart's title is in Korean");
    assert!(harness.query_all_by_value("연도").next().is_some(), "the period is in Korean");
}
