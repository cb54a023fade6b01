//! The charts' settings and their figures, kept for the revision, options and filters they
//! were worked out for, and brought up to date by the edits.

use std::sync::Arc;

use eframe::egui;

use super::follow::{BuiltOnThread, Followed, Following, keepers};
use super::work::Work;
use crate::model::Dataset;
use crate::query::Filters;
use crate::stats::{
    BreakdownBy, BreakdownIndex, Bucket, FollowsEdits, MapFigures, MapIndex, SeriesIndex, SeriesOptions,
    Slice, TimelineFigures, TimelineIndex,
};

/// Which chart is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChartKind {
    /// People sent back per period, with whiskers.
    #[default]
    People,
    /// The running total with its low–high band.
    Cumulative,
    /// Rallies per period.
    Rallies,
    /// Totals by place, status, kind, city or organizer.
    Breakdown,
    /// Repatriations and rallies on one time axis.
    Timeline,
    /// Where people were sent from and to, and where rallies were held.
    Map,
}

/// The figures per period of records just read, being worked out on a thread of their own
/// while the rest of the opening goes on, for the charts to take ([`ChartsState::take_ahead`]).
pub struct SeriesAhead(Work<(SeriesOptions, Filters), SeriesIndex>);

impl SeriesAhead {
    /// Starts working out the figures of `dataset` for these options and filters (those the
    /// charts would ask for first), waking `window` when done; `None` when no thread starts.
    pub fn start(
        dataset: Arc<Dataset>,
        options: SeriesOptions,
        filters: Filters,
        window: Option<&egui::Context>,
    ) -> Option<Self> {
        let key = (options, filters.clone());
        let work = move || {
            let (keep_incident, keep_rally) = keepers(&filters);
            SeriesIndex::build(&dataset, &options, &keep_incident, &keep_rally)
        };
        Work::start(<SeriesIndex as BuiltOnThread>::THREAD, (key, 0), window, work).map(Self)
    }
}

/// The charts' settings and their cached figures.
#[derive(Default)]
pub struct ChartsState {
    /// Period, estimate and colouring.
    pub options: SeriesOptions,
    /// The chart shown.
    pub chart: ChartKind,
    /// What the breakdown chart groups by.
    pub breakdown_by: BreakdownBy,
    /// Whether the rallies chart shows how many rallies (`false`) or their attendance (`true`).
    pub rally_attendance: bool,
    /// Whether the period was chosen (by the user, or once from the data's span).
    pub(super) period_settled: bool,
    /// The breakdown, following the edits.
    pub(super) breakdown: Followed<BreakdownIndex>,
    /// The timeline, following the edits.
    pub(super) timeline: Followed<TimelineIndex>,
    /// The map's figures, following the edits.
    pub(super) map: Followed<MapIndex>,
    /// The map's view and places.
    pub map_state: super::map::MapState,
    /// Where the chart (with its title, note and axes) was last drawn, in points, for
    /// exporting its picture.
    pub plot_rect: Option<egui::Rect>,
    /// The figures per period, following the edits.
    pub(super) series: Followed<SeriesIndex>,
    /// Whether figures worked out from scratch are worked out on another thread (a large
    /// dataset, see [`Self::follow_shown`]); the charts say so meanwhile.
    pub in_background: bool,
}

impl ChartsState {
    /// Brings the chart shown up to date with the document: its figures follow the edits rather
    /// than being worked out again; what must be worked out from scratch (the first time, or
    /// for other options or filters) is worked out on another thread when `following` says so.
    pub fn follow_shown(&mut self, following: &Following<'_>, filters: &Filters) {
        self.in_background = following.in_background;
        match self.chart {
            ChartKind::Timeline => self.timeline.follow_document(following, &self.options.pick, filters),
            ChartKind::Map => self.map.follow_document(following, &self.options.pick, filters),
            ChartKind::Breakdown => {
                let grouping = (self.breakdown_by, self.options.pick);
                self.breakdown.follow_document(following, &grouping, filters);
            }
            ChartKind::People | ChartKind::Cumulative | ChartKind::Rallies => {
                self.series.follow_document(following, &self.options, filters);
            }
        }
    }

    /// The totals by category for the current grouping and filters, recomputed only when they
    /// or the data changed.
    pub fn slices(&mut self, dataset: &Dataset, revision: u64, filters: &Filters) -> &[Slice] {
        let grouping = (self.breakdown_by, self.options.pick);
        self.breakdown.follow(dataset, revision, &grouping, filters, &|_| None);
        self.breakdown.last().map_or(&[], Vec::as_slice)
    }

    /// The timeline for the current filters, worked out only when they or the data changed
    /// (from scratch here: the app follows the edits first, [`Self::follow_shown`]).
    pub fn timeline(&mut self, dataset: &Dataset, revision: u64, filters: &Filters) -> Arc<TimelineFigures> {
        self.timeline.follow(dataset, revision, &self.options.pick, filters, &|_| None);
        self.timeline.last().cloned().unwrap_or_default()
    }

    /// The map's routes and venues for the current estimate and filters, worked out only when they
    /// or the data changed (from scratch here: the app follows the edits first).
    pub fn map_figures(
        &mut self,
        dataset: &Dataset,
        revision: u64,
        filters: &Filters,
    ) -> Option<&MapFigures> {
        self.map.follow(dataset, revision, &self.options.pick, filters, &|_| None);
        self.map.last()
    }

    /// The figures for the current options and filters, worked out only when they or the data
    /// changed (from scratch here: the app follows the edits first, [`Self::follow_shown`]).
    pub fn buckets(&mut self, dataset: &Dataset, revision: u64, filters: &Filters) -> &[Bucket] {
        self.series.follow(dataset, revision, &self.options, filters, &|_| None);
        self.series.last().map_or(&[], Vec::as_slice)
    }

    /// Takes the figures worked out ahead for the records now at `revision` (a file just opened):
    /// the charts, shown, wait for them rather than working them out again.
    pub fn take_ahead(&mut self, ahead: SeriesAhead, revision: u64) {
        self.series.adopt(ahead.0.at(revision));
    }

    /// The labels of the periods last charted, in order.
    pub fn period_labels(&self) -> Vec<String> {
        let period = self.options.period;
        self.series
            .last()
            .map_or_else(Vec::new, |buckets| buckets.iter().map(|b| period.label(b.start)).collect())
    }

    /// Whether the chart shown is being worked out on another thread.
    pub fn is_building(&self) -> bool {
        match self.chart {
            ChartKind::Breakdown => self.breakdown.is_working(),
            ChartKind::Timeline => self.timeline.is_working(),
            ChartKind::Map => self.map.is_working(),
            ChartKind::People | ChartKind::Cumulative | ChartKind::Rallies => self.series.is_working(),
        }
    }

    /// The figures for the current options and filters, when they are worked out for this
    /// revision.
    pub(super) fn ready(&self, revision: u64, filters: &Filters) -> Option<&[Bucket]> {
        self.series.ready(revision, &self.options, filters).map(Vec::as_slice)
    }
}
