//! Dates in the forms, as a new user meets them: relative words read against the source the
//! record names, days set by hand only when the user picks them, a calendar that speaks the
//! interface's language, and words not understood kept, saved and warned about.

mod support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use repatriation_watch::app::RepatriationWatchApp;
use repatriation_watch::i18n::Language;
use repatriation_watch::model::{DatePrecision, Incident};
use support::{Workspace, click, pick, type_into};

/// One source published on 17 January 2024, and nothing else.
const ONE_SOURCE: &str = r#"(
  format: "repatriation-watch",
  version: 1,
  sources: [
    (
      id: "src-joongang",
      kind: NewsArticle,
      title: "Lawyers accuse China of repatriating defectors",
      outlet: "Korea JoongAng Daily",
      published: (earliest: "2024-01-17", latest: "2024-01-17", precision: Day, as_reported: "Jan. 17, 2024"),
    ),
  ],
)"#;

fn app_on(workspace: &Workspace, text: &str, language: Language) -> Harness<'static, RepatriationWatchApp> {
    std::fs::write(workspace.data_file(), text).expect("write the dataset");
    let options = repatriation_watch::app::AppOptions {
        language: Some(language),
        ..workspace.options(Some(&workspace.data_file()))
    };
    support::harness(options)
}

fn incident_titled<'a>(harness: &'a Harness<'_, RepatriationWatchApp>, title: &str) -> &'a Incident {
    let dataset = harness.state().dataset();
    dataset.incidents.iter().find(|i| i.title == title).expect("the incident is saved")
}

#[test]
fn relative_words_follow_the_source_chosen_for_a_figure_without_retyping() {
    let workspace = Workspace::new();
    let mut harness = app_on(&workspace, ONE_SOURCE, Language::English);
    click(&mut harness, "New incident");
    type_into(&mut harness, "Title", "At least 95 on four occasions");
    type_into(&mut harness, "Date", "between November and December last year");
    assert!(
        harness.query_by_label_contains("need the source's publication day").is_some(),
        "the form says what relative words need"
    );
    type_into(&mut harness, "People", "at least 95");
    pick(
        &mut harness,
        "Source of people",
        "Lawyers",
        "Korea JoongAng Daily — Lawyers accuse China of repatriating defectors",
    );
    // The words are read again as soon as the figure names the source: nothing retyped.
    assert!(harness.query_by_label_contains("need the source's publication day").is_none());
    assert!(
        harness
            .query_by_label_contains("Read against Lawyers accuse China of repatriating defectors")
            .is_some(),
        "the form says which publication day it read the words against"
    );
    click(&mut harness, "Save");
    let incident = incident_titled(&harness, "At least 95 on four occasions");
    assert_eq!(incident.date.range(), Some((date(2023, 11, 1), date(2023, 12, 31))));
    assert_eq!(incident.date.as_reported, "between November and December last year");
}

#[test]
fn a_day_is_set_only_when_the_user_picks_it_in_the_calendar() {
    let workspace = Workspace::new();
    let mut harness = app_on(&workspace, ONE_SOURCE, Language::English);
    click(&mut harness, "New incident");
    type_into(&mut harness, "Title", "Sent back on a day the source names");
    click(&mut harness, "Set first day…");
    // The calendar is open, and nothing is set or said to be understood.
    assert!(harness.query_by_label("Year").is_some() && harness.query_by_label("Month").is_some());
    assert!(harness.query_by_label_contains("Understood").is_none());
    assert!(harness.query_by_label("No date").is_some());
    // Back to November 2023 from the month it opened on (today's: no words, no source).
    let today = jiff::Zoned::now().date();
    let months_back = i32::from(today.year() - 2023) * 12 + i32::from(today.month()) - 11;
    for _ in 0..months_back {
        click(&mut harness, "Previous month");
    }
    click(&mut harness, "Nov 20, 2023");
    assert!(harness.query_by_label("Set by hand: Nov 20, 2023").is_some());
    assert!(harness.query_by_label_contains("Understood").is_none());
    // The day's buttons are named by what they are, not by a bare date or "×".
    assert!(harness.query_by_label("first day: Nov 20, 2023").is_some());
    assert!(harness.query_by_label("Clear the first day").is_some());
    click(&mut harness, "Save");
    let incident = incident_titled(&harness, "Sent back on a day the source names");
    assert_eq!(incident.date.range(), Some((date(2023, 11, 20), date(2023, 11, 20))));
    assert_eq!(incident.date.precision, DatePrecision::Day);
    assert_eq!(incident.date.as_reported, "");
}

#[test]
fn a_calendar_cancelled_sets_nothing() {
    let workspace = Workspace::new();
    let mut harness = app_on(&workspace, ONE_SOURCE, Language::English);
    click(&mut harness, "New incident");
    click(&mut harness, "Set last day…");
    click(&mut harness, "Cancel");
    assert!(harness.query_by_label("Month").is_none(), "the calendar closed");
    assert!(harness.query_by_label("No date").is_some());
    assert!(harness.query_by_label("Set last day…").is_some());
}

#[test]
fn the_calendar_speaks_korean_in_the_korean_interface() {
    let workspace = Workspace::new();
    let mut harness = app_on(&workspace, ONE_SOURCE, Language::Korean);
    click(&mut harness, "새 사건");
    click(&mut harness, "첫날 정하기");
    for korean in ["연도 선택", "월 선택", "이전 달", "다음 달", "월", "일", "취소"] {
        assert!(harness.query_by_label(korean).is_some(), "{korean} is in the calendar");
    }
    for english in ["Cancel", "Save", "Mon", "Sun", "Week", "January", "November", "December"] {
        assert!(harness.query_by_label(english).is_none(), "{english} is in the Korean calendar");
    }
}

#[test]
fn words_not_understood_are_saved_and_warned_about() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    // The sample's weekly protests ("every Tuesday and Thursday") are warned about already.
    assert!(harness.query_by_label("no problems, 1 warning").is_some());
    click(&mut harness, "New incident");
    type_into(&mut harness, "Title", "Sent back sometime");
    type_into(&mut harness, "Date", "sometime-ish");
    type_into(&mut harness, "People", "lots");
    assert!(harness.query_by_label_contains("2 warnings: the record saves as typed").is_some());
    click(&mut harness, "Save");
    let incident = incident_titled(&harness, "Sent back sometime");
    assert_eq!((incident.date.as_reported.as_str(), incident.date.range()), ("sometime-ish", None));
    assert_eq!(incident.estimates[0].count.as_reported, "lots");
    assert!(harness.query_by_label("no problems, 3 warnings").is_some());
}
