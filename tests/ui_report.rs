//! File → Export report… in the window: the form, the file, the report made on its thread
//! while the window goes on, and what the status bar then says; in English and in Korean.

mod support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use repatriation_watch::app::RepatriationWatchApp;
use support::{Workspace, click};

/// Steps the window until the report is made (it is made on a thread of its own).
fn until_made(harness: &mut Harness<'_, RepatriationWatchApp>) {
    for _ in 0..600 {
        if !harness.state().is_making_report() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    assert!(!harness.state().is_making_report(), "the report is made");
}

fn pdf_text(pdf: &std::path::Path) -> String {
    let output = std::process::Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext runs");
    String::from_utf8(output.stdout).expect("UTF-8").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_report_is_made_from_the_form_with_its_organization_and_filters() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    click(&mut harness, "File");
    click(&mut harness, "Export report…");
    // The form says what the report takes and leaves out.
    harness.get_by_label_contains("every record of the dataset");
    harness.get_by_label_contains("Nothing is marked confidential");
    support::type_into(&mut harness, "Organization", "Seoul Watch");
    click(&mut harness, "Export PDF…");
    let out = workspace.dir.path().join("for-the-un");
    support::type_into(&mut harness, "File path", &out.display().to_string());
    harness.get_by_label("OK").click();
    harness.step();
    until_made(&mut harness);
    let pdf = workspace.dir.path().join("for-the-un.pdf");
    let message = harness.state().status_message().map(str::to_owned);
    assert_eq!(message, Some(format!("Report saved to {}", pdf.display())));
    let text = pdf_text(&pdf);
    assert!(text.contains("Forced repatriation of North Koreans from China") && text.contains("Seoul Watch"));
    assert!(text.contains("Some 30 sent back from Dandong to Sinuiju"), "{text}");
}

#[test]
fn the_form_in_korean_makes_a_korean_report() {
    let workspace = Workspace::new();
    let mut options = workspace.options(Some(&workspace.data_file()));
    options.language = Some(repatriation_watch::i18n::Language::Korean);
    let mut harness = support::harness(options);
    click(&mut harness, "파일");
    click(&mut harness, "보고서 내보내기…");
    click(&mut harness, "PDF 내보내기…");
    let out = workspace.dir.path().join("보고서.pdf");
    support::type_into(&mut harness, "파일 경로", &out.display().to_string());
    harness.get_by_label("확인").click();
    harness.step();
    until_made(&mut harness);
    let text = pdf_text(&out);
    assert!(text.contains("중국의 탈북민 강제북송") && text.contains("요약"), "{text}");
}

#[test]
fn the_report_form_can_be_given_up() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    click(&mut harness, "File");
    click(&mut harness, "Export report…");
    harness.get_by_label("Export PDF…");
    click(&mut harness, "Cancel");
    assert!(harness.query_by_label("Export PDF…").is_none());
    assert!(!harness.state().is_making_report());
}
