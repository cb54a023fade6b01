//! File → Export report…: the form, the file asked for, then the report made on a thread of its
//! own (the window goes on, its progress shown with Cancel) and written whole or not at all.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use eframe::egui;

use super::RepatriationWatchApp;
use crate::report::{ReportError, ReportProgress, ReportRequest, ReportStage, filter_words, make_report};
use crate::store;
use crate::t;
use crate::ui::dialogs::PathPurpose;
use crate::ui::errors::save_error;
use crate::ui::report_dialog::{ReportAnswer, ReportForm, report_form_ui, report_progress_ui};

/// The report being asked for or made.
#[derive(Default)]
pub(super) struct Reports {
    /// The form shown, with what it says of the records (worked out once, when it opened).
    form: Option<(ReportForm, String, Vec<String>)>,
    /// The form filled in, while its file is chosen.
    awaiting_path: Option<ReportForm>,
    /// The report being made.
    running: Option<RunningReport>,
}

struct RunningReport {
    progress: Arc<ReportProgress>,
    outcome: Receiver<Result<PathBuf, String>>,
}

impl RepatriationWatchApp {
    /// Shows the report's form.
    pub(super) fn start_report_form(&mut self) {
        let dataset = self.open.document.dataset();
        let records = filter_words(&self.screens.filters, dataset).join("; ");
        let (_, account) = crate::exchange::shared_copy(dataset);
        let left_out = crate::ui::share_dialog::account_lines(&account);
        self.reports.form = Some((ReportForm::new(crate::i18n::language()), records, left_out));
    }

    /// Whether a report is being made.
    pub(super) fn is_making_report_now(&self) -> bool {
        self.reports.running.is_some()
    }

    /// The form, or the report being made with its Cancel, and the report's end.
    pub(super) fn report_layer(&mut self, ctx: &egui::Context) {
        if let Some(running) = &self.reports.running {
            if let Ok(outcome) = running.outcome.try_recv() {
                self.reports.running = None;
                self.message = Some(match outcome {
                    Ok(path) => t!("report-saved", path = path.display().to_string()),
                    Err(error) => t!("report-failed", error = error),
                });
            } else if report_progress_ui(ctx, &stage_words(running.progress.stage())) {
                // The thread stops at its next step and writes nothing.
                running.progress.cancel();
                self.reports.running = None;
                self.message = Some(t!("report-cancelled"));
            }
            return;
        }
        let Some((form, records, left_out)) = &mut self.reports.form else { return };
        match report_form_ui(ctx, form, records, left_out) {
            Some(ReportAnswer::Export) => {
                self.reports.awaiting_path = self.reports.form.take().map(|(form, ..)| form);
                self.choose_report_path();
            }
            Some(ReportAnswer::Cancel) => self.reports.form = None,
            None => {}
        }
    }

    fn choose_report_path(&mut self) {
        if !self.system_dialogs() {
            self.ask_path(PathPurpose::Report);
            return;
        }
        let picked = rfd::FileDialog::new()
            .set_title(t!("path-report"))
            .add_filter(t!("file-filter-pdf"), &["pdf"])
            .set_file_name("report.pdf")
            .save_file();
        match picked {
            Some(path) => self.start_report(path),
            None => self.reports.awaiting_path = None,
        }
    }

    /// Makes the report of the form filled in and writes it to `path`, on a thread of its own.
    pub(super) fn start_report(&mut self, path: PathBuf) {
        let Some(form) = self.reports.awaiting_path.take() else { return };
        let path = if path.extension().is_some() { path } else { path.with_extension("pdf") };
        let request = ReportRequest {
            title: form.title,
            organization: form.organization,
            language: form.language,
            filters: self.screens.filters.clone(),
            made: jiff::Zoned::now().date(),
        };
        let dataset = self.open.document.shared();
        let progress = Arc::new(ReportProgress::default());
        let (sender, outcome) = channel();
        let waker = self.window.context.clone();
        let working = Arc::clone(&progress);
        let started = std::thread::Builder::new().name("report".to_owned()).spawn(move || {
            let written = make_and_write(&dataset, &request, &working, &path);
            let _ = sender.send(written.map(|()| path));
            if let Some(window) = waker {
                window.request_repaint();
            }
        });
        match started {
            Ok(_) => self.reports.running = Some(RunningReport { progress, outcome }),
            Err(error) => self.message = Some(t!("report-failed", error = error.to_string())),
        }
    }
}

/// What a report being made is doing, in words.
fn stage_words(stage: ReportStage) -> String {
    match stage {
        ReportStage::Gathering => t!("report-stage-gathering"),
        ReportStage::Drawing => t!("report-stage-drawing"),
        ReportStage::Typesetting | ReportStage::Done => t!("report-stage-typesetting"),
    }
}

/// Why a report was not made, in the interface's language.
fn report_error(error: &ReportError) -> String {
    match error {
        ReportError::Empty => t!("report-error-empty"),
        ReportError::NothingSelected => t!("report-error-nothing-selected"),
        ReportError::Cancelled => t!("report-cancelled"),
        ReportError::Typeset(details) => t!("report-error-typeset", details = details.clone()),
    }
}

/// Makes the report and writes it to `path`, unless it was cancelled meanwhile: a report
/// cancelled while its pages were set is dropped, not written.
fn make_and_write(
    dataset: &crate::model::Dataset,
    request: &ReportRequest,
    progress: &ReportProgress,
    path: &std::path::Path,
) -> Result<(), String> {
    let pdf = make_report(dataset, request, progress).map_err(|error| report_error(&error))?;
    if progress.is_cancelled() {
        return Err(report_error(&ReportError::Cancelled));
    }
    store::export_document(&pdf, path).map_err(|error| save_error(&error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_cancelled_before_it_is_written_writes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.pdf");
        let dataset =
            crate::store::from_ron(crate::store::SAMPLE_RON.as_bytes(), std::path::Path::new("sample.ron"))
                .expect("the sample reads");
        let request = ReportRequest {
            title: "Report".to_owned(),
            organization: String::new(),
            language: crate::i18n::Language::English,
            filters: crate::query::Filters::default(),
            made: jiff::civil::date(2026, 12, 2),
        };
        assert_eq!(make_and_write(&dataset, &request, &ReportProgress::default(), &path), Ok(()));
        assert!(std::fs::metadata(&path).is_ok_and(|file| file.len() > 10_000));
        let other = dir.path().join("cancelled.pdf");
        let progress = ReportProgress::default();
        progress.cancel();
        assert_eq!(make_and_write(&dataset, &request, &progress, &other), Err(t!("report-cancelled")));
        assert!(!other.exists());
    }
}
