//! The chart shown: its tabs and settings, then the chart itself with its title and notes, or a
//! message when there is nothing to draw; returns what the user asked of it.

use eframe::egui;
use jiff::civil::Date;

use super::notes::{left_out_ui, working_ui};
use super::state::{ChartKind, ChartsState};
use super::{breakdown, cumulative, options, people, rallies, timeline};
use crate::i18n::period_label;
use crate::model::{Dataset, Period};
use crate::query::Filters;
use crate::stats::Bucket;
use crate::t;

/// What the user asked of the charts.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartRequest {
    /// Show the records of a period: the bar clicked.
    Period(PeriodClicked),
    /// Export the chart's numbers as CSV.
    ExportCsv,
    /// Export the chart's picture as PNG.
    ExportPng,
    /// Export the chart's picture as SVG.
    ExportSvg,
    /// Something on the map clicked.
    Map(super::map::MapClicked),
}

/// A bar clicked: its period.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodClicked {
    /// The first day of the period clicked.
    pub from: Date,
    /// The last day.
    pub to: Date,
    /// Its label ("2023-11").
    pub label: String,
    /// The coloured segment clicked, if the click fell on one ("confirmed").
    pub category: Option<String>,
}

/// Draws the charts; returns what the user asked for, if anything.
pub fn charts_ui(
    ui: &mut egui::Ui,
    state: &mut ChartsState,
    dataset: &Dataset,
    revision: u64,
    filters: &Filters,
) -> Option<ChartRequest> {
    let mut request = None;
    ui.horizontal_wrapped(|ui| {
        options::tabs_ui(ui, state);
        ui.separator();
        if ui.button(t!("chart-export-csv")).on_hover_text(t!("chart-export-csv-hint")).clicked() {
            request = Some(ChartRequest::ExportCsv);
        }
        if ui.button(t!("chart-export-png")).on_hover_text(t!("chart-export-png-hint")).clicked() {
            request = Some(ChartRequest::ExportPng);
        }
        if ui.button(t!("chart-export-svg")).on_hover_text(t!("chart-export-svg-hint")).clicked() {
            request = Some(ChartRequest::ExportSvg);
        }
    });
    options::options_ui(ui, state);
    ui.separator();
    match chart_body(ui, state, dataset, revision, filters) {
        Shown::Chart(clicked) => request.or(clicked),
        Shown::Empty | Shown::Working => request,
    }
}

/// What the chart's place showed.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// The chart, and the period clicked on it, if any.
    Chart(Option<ChartRequest>),
    /// A message that there is nothing to draw for these filters.
    Empty,
    /// A message that the figures are being worked out.
    Working,
}

/// The chart itself: its title, its notes and the plot (what an exported picture holds), or a
/// message when there is nothing to draw; sets where it was drawn.
pub fn chart_body(
    ui: &mut egui::Ui,
    state: &mut ChartsState,
    dataset: &Dataset,
    revision: u64,
    filters: &Filters,
) -> Shown {
    state.plot_rect = None;
    if state.chart == ChartKind::Timeline {
        return timeline::timeline_screen(ui, state, dataset, revision, filters);
    }
    if state.chart == ChartKind::Breakdown {
        return breakdown::breakdown_screen(ui, state, dataset, revision, filters);
    }
    if state.chart == ChartKind::Map {
        return super::map::map_screen(ui, state, dataset, revision, filters);
    }
    settle_period(state, dataset, revision, filters);
    let period = state.options.period;
    let chart = state.chart;
    let options = state.options;
    let attendance = state.rally_attendance;
    let left_out = state.series.index().map(crate::stats::SeriesIndex::left_out).unwrap_or_default();
    // Borrowed from the cache, not copied: nothing here is computed again on an ordinary frame.
    let Some(buckets) = figures(state, dataset, revision, filters) else {
        working_ui(ui, dataset);
        return Shown::Working;
    };
    let has_people =
        buckets.iter().any(|b| b.people.best > 0.0 || b.people.high.is_none() || !b.spanning.is_empty());
    let has_rallies = buckets.iter().any(|b| b.rallies > 0);
    let empty = match chart {
        ChartKind::People | ChartKind::Cumulative => !has_people,
        ChartKind::Rallies => !has_rallies,
        ChartKind::Breakdown | ChartKind::Timeline | ChartKind::Map => false,
    };
    if empty {
        ui.add_space(24.0);
        ui.label(match chart {
            ChartKind::Rallies => t!("chart-empty-rallies"),
            _ => t!("chart-empty-people"),
        });
        left_out_ui(ui, chart, left_out);
        return Shown::Empty;
    }
    // The title, the note and the axes go into an exported picture with the plot itself.
    let title = options::chart_title(chart, options, filters);
    let drawn = ui.scope(|ui| {
        ui.strong(title);
        left_out_ui(ui, chart, left_out);
        match chart {
            ChartKind::People => people::people_chart(ui, buckets, period, dataset),
            ChartKind::Cumulative => {
                cumulative::cumulative_chart(ui, buckets, period);
                None
            }
            ChartKind::Rallies | ChartKind::Breakdown | ChartKind::Timeline | ChartKind::Map => {
                rallies::rallies_chart(ui, buckets, period, attendance).map(|index| (index, None))
            }
        }
    });
    let clicked = drawn
        .inner
        .and_then(|(index, category)| buckets.get(index).map(|bucket| (bucket, category)))
        .map(|(bucket, category)| {
            ChartRequest::Period(PeriodClicked {
                from: bucket.start,
                to: period.end_of(bucket.start),
                label: period_label(period, bucket.start),
                category,
            })
        });
    state.plot_rect = Some(drawn.response.rect);
    Shown::Chart(clicked)
}

/// The figures per period: worked out here for a small dataset, or once ready for a large one.
fn figures<'s>(
    state: &'s mut ChartsState,
    dataset: &Dataset,
    revision: u64,
    filters: &Filters,
) -> Option<&'s [Bucket]> {
    if state.in_background {
        state.ready(revision, filters)
    } else {
        Some(state.buckets(dataset, revision, filters))
    }
}

/// On first showing, picks the period that keeps the chart readable: months for up to ten years,
/// or for longer when most months have data (up to about 33 years, then quarters); years when the
/// data is sparse over a long span (the sample: a few records in 2000 and 2018, most in 2023–24).
/// The user's choice is kept after that.
fn settle_period(state: &mut ChartsState, dataset: &Dataset, revision: u64, filters: &Filters) {
    if state.period_settled {
        return;
    }
    let Some(buckets) = figures(state, dataset, revision, filters) else { return };
    let months = buckets.len();
    let filled = buckets.iter().filter(|b| b.people.best > 0.0 || b.rallies > 0).count();
    state.period_settled = true;
    state.options.period = match (months, filled * 4 >= months) {
        (0..=120, _) | (121..=400, true) => Period::Month,
        (_, true) => Period::Quarter,
        (_, false) => Period::Year,
    };
}
