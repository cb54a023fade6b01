//! Reports for partners, governments and UN submissions: a PDF typeset by typst (as a
//! library, with the bundled fonts and no packages) from the shared copy of a dataset, so
//! confidential records and details are never in it and it says what was left out. It holds a
//! title page, the summary figures (those `stats` and the charts give) with how they were
//! counted, the charts as vector graphics (the window's own drawings), and the incidents and
//! rallies in date order with their sources numbered.
//!
//! This layer puts the report together in memory; the store writes it.

mod data;
mod world;

use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use jiff::civil::Date;

pub use self::data::{ReportData, Selected, Totals, filter_words, totals};
pub use self::world::ReportWorld;
use crate::exchange::shared_copy;
use crate::i18n::Language;
use crate::model::Dataset;
use crate::query::Filters;
use crate::stats::{FollowsEdits, SeriesIndex, SeriesOptions};
use crate::ui::charts::follow::keepers;
use crate::ui::charts::{ChartChoice, ChartKind, ChartsState, chart_picture};
use crate::ui::picture::Look;

/// What a report is asked to be.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportRequest {
    /// Its title.
    pub title: String,
    /// The organization that makes it (may be empty).
    pub organization: String,
    /// Its language.
    pub language: Language,
    /// The records it takes.
    pub filters: Filters,
    /// The day it is made.
    pub made: Date,
}

/// Why a report was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The dataset has nothing to report.
    #[error("the dataset has no incidents or rallies to report")]
    Empty,
    /// The filters keep nothing.
    #[error("no incident or rally is in the period and filters asked for")]
    NothingSelected,
    /// Stopped at the user's asking.
    #[error("the report was cancelled")]
    Cancelled,
    /// The typesetting failed (never for the app's own layout; said in full should it happen).
    #[error("the report could not be typeset: {0}")]
    Typeset(String),
}

/// Where a report being made has got to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportStage {
    /// Choosing the records and putting them in words.
    Gathering,
    /// Drawing the charts.
    Drawing,
    /// Typesetting the pages.
    Typesetting,
    /// Done.
    Done,
}

/// A report's progress, read by the window while another thread makes it, and its Cancel.
#[derive(Debug, Default)]
pub struct ReportProgress {
    stage: AtomicU8,
    cancelled: AtomicBool,
}

impl ReportProgress {
    /// The stage now.
    pub fn stage(&self) -> ReportStage {
        match self.stage.load(Ordering::Relaxed) {
            0 => ReportStage::Gathering,
            1 => ReportStage::Drawing,
            2 => ReportStage::Typesetting,
            _ => ReportStage::Done,
        }
    }

    /// Asks the report to stop; nothing is made.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the report was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    fn enter(&self, stage: ReportStage) -> Result<(), ReportError> {
        if self.is_cancelled() {
            return Err(ReportError::Cancelled);
        }
        let number = match stage {
            ReportStage::Gathering => 0,
            ReportStage::Drawing => 1,
            ReportStage::Typesetting => 2,
            ReportStage::Done => 3,
        };
        self.stage.store(number, Ordering::Relaxed);
        Ok(())
    }
}

/// The charts a report holds, in order, with their files' names.
const REPORT_CHARTS: [(ChartKind, &str); 4] = [
    (ChartKind::People, "people.svg"),
    (ChartKind::Cumulative, "cumulative.svg"),
    (ChartKind::Rallies, "rallies.svg"),
    (ChartKind::Timeline, "timeline.svg"),
];

/// A chart's canvas in a report, in points: as wide as the page's text at about 0.7 of its
/// size, so the chart's words print at about 9 points.
const CHART_CANVAS: eframe::egui::Vec2 = eframe::egui::vec2(660.0, 400.0);

/// The PDF of the report asked for, from the shared copy of `dataset`.
pub fn make_report(
    dataset: &Dataset,
    request: &ReportRequest,
    progress: &ReportProgress,
) -> Result<Vec<u8>, ReportError> {
    let _speaking = SpeakingFor::new(request.language);
    progress.enter(ReportStage::Gathering)?;
    let (shared, account) = shared_copy(dataset);
    if shared.incidents.is_empty() && shared.rallies.is_empty() {
        return Err(ReportError::Empty);
    }
    let selected = Selected::new(&shared, &request.filters);
    if selected.incidents.is_empty() && selected.rallies.is_empty() {
        return Err(ReportError::NothingSelected);
    }
    // The figures per month `stats` prints, over the records kept, and what they leave out.
    let (keep_incident, keep_rally) = keepers(&request.filters);
    let series = SeriesIndex::build(&shared, &SeriesOptions::default(), &keep_incident, &keep_rally);
    let (buckets, left_out) = (series.figures(), series.left_out());
    progress.enter(ReportStage::Drawing)?;
    let (entries, files) = draw_charts(&shared, &request.filters, progress)?;
    let words = data::gather(request, &selected, (totals(&buckets), left_out), &account, entries);
    let json = serde_json::to_string(&words).map_err(|error| ReportError::Typeset(error.to_string()))?;
    progress.enter(ReportStage::Typesetting)?;
    let pdf = typeset(&ReportWorld::new(json, files, request.made))?;
    progress.enter(ReportStage::Done)?;
    Ok(pdf)
}

/// A chart's SVG file in the report's world: its name and its text.
type ChartFile = (String, String);

/// The report's charts: their entries (file and caption) and their SVG files; a chart with
/// nothing to draw is left out.
fn draw_charts(
    shared: &Dataset,
    filters: &Filters,
    progress: &ReportProgress,
) -> Result<(Vec<data::ChartEntry>, Vec<ChartFile>), ReportError> {
    let mut entries = Vec::new();
    let mut files = Vec::new();
    for (chart, file) in REPORT_CHARTS {
        if progress.is_cancelled() {
            return Err(ReportError::Cancelled);
        }
        let mut state = ChartsState::for_choice(ChartChoice { chart, ..ChartChoice::default() });
        let Ok(picture) = chart_picture(&mut state, (shared, 0), filters, CHART_CANVAS, Look::default())
        else {
            continue;
        };
        entries.push(data::ChartEntry { file: file.to_owned(), caption: chart_caption(chart) });
        files.push((file.to_owned(), picture.svg()));
    }
    Ok((entries, files))
}

fn chart_caption(chart: ChartKind) -> String {
    match chart {
        ChartKind::People => crate::t!("report-chart-people"),
        ChartKind::Cumulative => crate::t!("report-chart-cumulative"),
        ChartKind::Rallies => crate::t!("report-chart-rallies"),
        ChartKind::Breakdown | ChartKind::Timeline => crate::t!("report-chart-timeline"),
        ChartKind::Map => crate::t!("report-chart-map"),
    }
}

/// The PDF of a report's world.
fn typeset(world: &ReportWorld) -> Result<Vec<u8>, ReportError> {
    let compiled = typst::compile::<typst_layout::PagedDocument>(world);
    let document = compiled.output.map_err(|errors| ReportError::Typeset(diagnostics(&errors)))?;
    let options = typst_pdf::PdfOptions::default();
    typst_pdf::pdf(&document, &options).map_err(|errors| ReportError::Typeset(diagnostics(&errors)))
}

fn diagnostics(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors.iter().map(|error| error.message.to_string()).collect::<Vec<_>>().join("; ")
}

/// Speaks the report's language on this thread while the report is made, then the one spoken
/// before (the window's, when made on its thread).
struct SpeakingFor(Language);

impl SpeakingFor {
    fn new(language: Language) -> Self {
        let before = crate::i18n::language();
        crate::i18n::set_language(language);
        Self(before)
    }
}

impl Drop for SpeakingFor {
    fn drop(&mut self) {
        crate::i18n::set_language(self.0);
    }
}
