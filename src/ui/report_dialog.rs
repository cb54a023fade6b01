//! File → Export report…: the report's title, organization and language, the records it takes
//! (those the filters keep, confidential ones left out), then, while it is being made, its
//! progress with Cancel.

use eframe::egui;

use crate::i18n::Language;
use crate::t;

/// What the report form holds.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportForm {
    /// The title.
    pub title: String,
    /// The organization that makes it.
    pub organization: String,
    /// Its language.
    pub language: Language,
}

impl ReportForm {
    /// A form with the usual title in `language`.
    pub fn new(language: Language) -> Self {
        Self {
            title: crate::i18n::tr_in(language, "report-default-title"),
            organization: String::new(),
            language,
        }
    }
}

/// What the user decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportAnswer {
    /// Choose where, and make the report.
    Export,
    /// Give it up.
    Cancel,
}

/// Draws the form; `records` says which records the report takes and `left_out` what it leaves
/// out. Returns the decision once there is one.
pub fn report_form_ui(
    ctx: &egui::Context,
    form: &mut ReportForm,
    records: &str,
    left_out: &[String],
) -> Option<ReportAnswer> {
    let modal = egui::Modal::new(egui::Id::unique("report-dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(t!("report-dialog-title"));
        egui::Grid::new("report-form").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            let label = ui.label(t!("report-form-title"));
            ui.add(egui::TextEdit::singleline(&mut form.title).desired_width(380.0)).labelled_by(label.id);
            ui.end_row();
            let label = ui.label(t!("report-form-organization"));
            ui.add(egui::TextEdit::singleline(&mut form.organization).desired_width(380.0))
                .labelled_by(label.id);
            ui.end_row();
            ui.label(t!("report-form-language"));
            ui.horizontal(|ui| {
                let before = form.language;
                ui.radio_value(&mut form.language, Language::English, "English");
                ui.radio_value(&mut form.language, Language::Korean, "한국어");
                // The usual title follows the language until the user writes their own.
                if form.language != before && form.title == crate::i18n::tr_in(before, "report-default-title")
                {
                    form.title = crate::i18n::tr_in(form.language, "report-default-title");
                }
            });
            ui.end_row();
        });
        ui.add_space(6.0);
        ui.add(egui::Label::new(t!("report-form-records", records = records)).wrap());
        for line in left_out {
            ui.label(format!("• {line}"));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(t!("report-form-export")).clicked() {
                return Some(ReportAnswer::Export);
            }
            ui.button(t!("button-cancel")).clicked().then_some(ReportAnswer::Cancel)
        })
        .inner
    });
    modal.inner.or_else(|| modal.should_close().then_some(ReportAnswer::Cancel))
}

/// Draws the report being made, `doing` saying its stage; returns whether Cancel was clicked.
pub fn report_progress_ui(ctx: &egui::Context, doing: &str) -> bool {
    let modal = egui::Modal::new(egui::Id::unique("report-progress")).show(ctx, |ui| {
        ui.set_min_width(320.0);
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(doing);
        });
        ui.add_space(6.0);
        ui.button(t!("button-cancel")).clicked()
    });
    ctx.request_repaint_after(std::time::Duration::from_millis(100));
    modal.inner
}
