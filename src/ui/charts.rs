//! The charts: people forcibly repatriated per period with their uncertainty, the cumulative
//! total with its band, and rallies per period. Computed when the data, the filters or the
//! options change, never every frame.

use std::sync::Arc;

use eframe::egui::{self, Color32};
use egui_plot::{Arrows, Bar, BarChart, FilledArea, Legend, Line, Plot, PlotPoints};
use jiff::civil::Date;

use super::chart_follow::{ChangesSince, Followed};
use super::filters::Filters;
use super::timeline_chart::timeline_chart;
use crate::i18n::{choice, day, number, period_label};
use crate::model::Dataset;
use crate::stats::{
    BreakdownBy, BreakdownIndex, Bucket, ColourBy, Period, Pick, SeriesIndex, SeriesOptions, Slice,
    TimelineFigures, TimelineIndex,
};
use crate::t;

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
    period_settled: bool,
    /// The breakdown, following the edits.
    breakdown: Followed<BreakdownIndex>,
    /// The timeline, following the edits.
    timeline: Followed<TimelineIndex>,
    /// Where the chart (with its title, note and axes) was last drawn, in points, for
    /// exporting its picture.
    pub plot_rect: Option<egui::Rect>,
    /// The figures per period, following the edits.
    series: Followed<SeriesIndex>,
    /// Whether figures worked out from scratch are worked out on another thread (a large
    /// dataset, see [`Self::follow_in_background`]); the charts say so meanwhile.
    pub in_background: bool,
}

/// What the user asked of the charts.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartRequest {
    /// Show the records of a period: the bar clicked.
    Period(PeriodClicked),
    /// Export the chart's numbers as CSV.
    ExportCsv,
    /// Export the chart's picture as PNG.
    ExportPng,
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

impl ChartsState {
    /// The totals by category for the current grouping and filters, recomputed only when they
    /// or the data changed.
    pub fn slices(&mut self, dataset: &Dataset, revision: u64, filters: &Filters) -> &[Slice] {
        self.follow_breakdown(dataset, revision, filters, &|_| None);
        self.breakdown.last().map_or(&[], Vec::as_slice)
    }

    /// Brings the breakdown up to date with the dataset, by the changes since it was worked out
    /// when they are known ([`Followed::follow`]).
    pub fn follow_breakdown(
        &mut self,
        dataset: &Dataset,
        revision: u64,
        filters: &Filters,
        changes_since: ChangesSince<'_>,
    ) {
        let grouping = (self.breakdown_by, self.options.pick);
        self.breakdown.follow(dataset, revision, &grouping, filters, changes_since);
    }

    /// [`Self::follow_breakdown`] for a large dataset, worked out from scratch on another
    /// thread, which wakes `window`; returns whether the breakdown is ready.
    pub fn follow_breakdown_in_background(
        &mut self,
        shared: &Arc<Dataset>,
        revision: u64,
        filters: &Filters,
        following: (ChangesSince<'_>, Option<&egui::Context>),
    ) -> bool {
        let grouping = (self.breakdown_by, self.options.pick);
        self.breakdown.follow_in_background(shared, revision, &grouping, filters, following)
    }

    /// Brings the timeline up to date with the dataset, by the changes since it was worked out
    /// when they are known ([`Followed::follow`]).
    pub fn follow_timeline(
        &mut self,
        dataset: &Dataset,
        revision: u64,
        filters: &Filters,
        changes_since: ChangesSince<'_>,
    ) {
        self.timeline.follow(dataset, revision, &self.options.pick, filters, changes_since);
    }

    /// [`Self::follow_timeline`] for a large dataset, worked out from scratch on another
    /// thread, which wakes `window`; returns whether the timeline is ready.
    pub fn follow_timeline_in_background(
        &mut self,
        shared: &Arc<Dataset>,
        revision: u64,
        filters: &Filters,
        following: (ChangesSince<'_>, Option<&egui::Context>),
    ) -> bool {
        self.timeline.follow_in_background(shared, revision, &self.options.pick, filters, following)
    }

    /// Whether the breakdown or the timeline shown is being worked out on another thread.
    fn is_building_other(&self) -> bool {
        match self.chart {
            ChartKind::Breakdown => self.breakdown.is_working(),
            ChartKind::Timeline => self.timeline.is_working(),
            _ => false,
        }
    }

    /// The timeline for the current filters, worked out only when they or the data changed
    /// (from scratch here: the app calls [`Self::follow_timeline`] with the edits first).
    pub fn timeline(&mut self, dataset: &Dataset, revision: u64, filters: &Filters) -> Arc<TimelineFigures> {
        self.follow_timeline(dataset, revision, filters, &|_| None);
        self.timeline.last().cloned().unwrap_or_default()
    }

    /// The labels of the periods last charted, in order.
    pub fn period_labels(&self) -> Vec<String> {
        let period = self.options.period;
        self.series
            .last()
            .map_or_else(Vec::new, |buckets| buckets.iter().map(|b| period.label(b.start)).collect())
    }

    /// Brings the figures per period up to date with the dataset, by the changes since they
    /// were worked out when they are known ([`Followed::follow`]).
    pub fn follow(
        &mut self,
        dataset: &Dataset,
        revision: u64,
        filters: &Filters,
        changes_since: ChangesSince<'_>,
    ) {
        self.series.follow(dataset, revision, &self.options, filters, changes_since);
    }

    /// [`Self::follow`] for a large dataset: figures worked out from scratch (the first time,
    /// after a change of options or filters, or another file) are worked out on another thread,
    /// which wakes `window`. Returns whether they are ready; until they are, the charts say they
    /// are being worked out.
    pub fn follow_in_background(
        &mut self,
        shared: &Arc<Dataset>,
        revision: u64,
        filters: &Filters,
        following: (ChangesSince<'_>, Option<&egui::Context>),
    ) -> bool {
        self.series.follow_in_background(shared, revision, &self.options, filters, following)
    }

    /// Whether the chart shown is being worked out on another thread.
    pub fn is_building(&self) -> bool {
        match self.chart {
            ChartKind::Breakdown | ChartKind::Timeline => self.is_building_other(),
            _ => self.series.is_working(),
        }
    }

    /// The figures for the current options and filters, when they are worked out for this
    /// revision.
    fn ready(&self, revision: u64, filters: &Filters) -> Option<&[Bucket]> {
        self.series.ready(revision, &self.options, filters).map(Vec::as_slice)
    }

    /// The figures for the current options and filters, worked out only when they or the data
    /// changed (from scratch here: the app calls [`Self::follow`] with the edits first).
    pub fn buckets(&mut self, dataset: &Dataset, revision: u64, filters: &Filters) -> &[Bucket] {
        self.follow(dataset, revision, filters, &|_| None);
        self.series.last().map_or(&[], Vec::as_slice)
    }
}

pub(super) const PALETTE: [Color32; 8] = [
    Color32::from_rgb(66, 133, 196),
    Color32::from_rgb(230, 145, 56),
    Color32::from_rgb(89, 161, 79),
    Color32::from_rgb(205, 80, 82),
    Color32::from_rgb(148, 103, 189),
    Color32::from_rgb(140, 110, 90),
    Color32::from_rgb(214, 120, 180),
    Color32::from_rgb(120, 120, 120),
];

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
        tabs_ui(ui, state);
        ui.separator();
        if ui.button(t!("chart-export-csv")).on_hover_text(t!("chart-export-csv-hint")).clicked() {
            request = Some(ChartRequest::ExportCsv);
        }
        if ui.button(t!("chart-export-png")).on_hover_text(t!("chart-export-png-hint")).clicked() {
            request = Some(ChartRequest::ExportPng);
        }
    });
    options_ui(ui, state);
    ui.separator();
    state.plot_rect = None;
    if state.chart == ChartKind::Timeline {
        timeline_screen(ui, state, dataset, revision, filters);
        return request;
    }
    if state.chart == ChartKind::Breakdown {
        breakdown_screen(ui, state, dataset, revision, filters);
        return request;
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
        return request;
    };
    let has_people =
        buckets.iter().any(|b| b.people.best > 0.0 || b.people.high.is_none() || !b.spanning.is_empty());
    let has_rallies = buckets.iter().any(|b| b.rallies > 0);
    let empty = match chart {
        ChartKind::People | ChartKind::Cumulative => !has_people,
        ChartKind::Rallies => !has_rallies,
        ChartKind::Breakdown | ChartKind::Timeline => false,
    };
    if empty {
        ui.add_space(24.0);
        ui.label(match chart {
            ChartKind::Rallies => t!("chart-empty-rallies"),
            _ => t!("chart-empty-people"),
        });
        left_out_ui(ui, chart, left_out);
        return None;
    }
    // The title, the note and the axes go into an exported picture with the plot itself.
    let title = chart_title(chart, options, filters);
    let drawn = ui.scope(|ui| {
        ui.strong(title);
        left_out_ui(ui, chart, left_out);
        match chart {
            ChartKind::People => people_chart(ui, buckets, period),
            ChartKind::Cumulative => {
                cumulative_chart(ui, buckets, period);
                None
            }
            ChartKind::Rallies | ChartKind::Breakdown | ChartKind::Timeline => {
                rallies_chart(ui, buckets, period, attendance).map(|index| (index, None))
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
    request.or(clicked)
}

/// How many records the filters keep that the chart cannot draw (no days, or no figure).
fn left_out_ui(ui: &mut egui::Ui, chart: ChartKind, left_out: crate::stats::LeftOut) {
    let text = match chart {
        ChartKind::People | ChartKind::Cumulative if left_out.repatriations > 0 => {
            t!("chart-left-out-repatriations", count = left_out.repatriations)
        }
        ChartKind::Rallies if left_out.rallies > 0 => t!("chart-left-out-rallies", count = left_out.rallies),
        _ => return,
    };
    ui.colored_label(ui.visuals().warn_fg_color, text);
}

/// The timeline, with its title, or a message when there is nothing to show.
fn timeline_screen(
    ui: &mut egui::Ui,
    state: &mut ChartsState,
    dataset: &Dataset,
    revision: u64,
    filters: &Filters,
) {
    let title = t!("chart-title-timeline", filtered = filtered_note(filters));
    let figures = if state.in_background {
        match state.timeline.ready(revision, &state.options.pick, filters) {
            Some(figures) => Arc::clone(figures),
            None => return working_ui(ui, dataset),
        }
    } else {
        state.timeline(dataset, revision, filters)
    };
    let timeline = &figures.timeline;
    if timeline.incidents.is_empty() && timeline.rallies.is_empty() {
        ui.add_space(24.0);
        ui.label(t!("chart-empty-timeline"));
        return;
    }
    let drawn = ui.scope(|ui| {
        ui.strong(title);
        timeline_chart(ui, &figures);
    });
    state.plot_rect = Some(drawn.response.rect);
}

/// The breakdown, with its title, or a message when there is nothing to show.
fn breakdown_screen(
    ui: &mut egui::Ui,
    state: &mut ChartsState,
    dataset: &Dataset,
    revision: u64,
    filters: &Filters,
) {
    let by = state.breakdown_by;
    let filtered = filtered_note(filters);
    let title = if by.is_rallies() {
        t!("chart-title-breakdown-rallies", by = choice(by), filtered = filtered)
    } else {
        t!("chart-title-breakdown-people", by = choice(by), filtered = filtered)
    };
    if state.in_background {
        if state.breakdown.ready(revision, &(by, state.options.pick), filters).is_none() {
            return working_ui(ui, dataset);
        }
    } else {
        state.follow_breakdown(dataset, revision, filters, &|_| None);
    }
    let left_out = state.breakdown.index().map(BreakdownIndex::left_out).unwrap_or_default();
    let slices = state.breakdown.last().map_or(&[][..], Vec::as_slice);
    if slices.is_empty() {
        ui.add_space(24.0);
        ui.label(t!("chart-empty-breakdown"));
        return;
    }
    let drawn = ui.scope(|ui| {
        ui.strong(title);
        if left_out.repatriations > 0 && !by.is_rallies() {
            let text = t!("chart-left-out-breakdown", count = left_out.repatriations);
            ui.colored_label(ui.visuals().warn_fg_color, text);
        }
        breakdown_chart(ui, slices, by, dataset);
    });
    state.plot_rect = Some(drawn.response.rect);
}

/// What the chart shows, in a line that also heads an exported picture.
fn chart_title(chart: ChartKind, options: SeriesOptions, filters: &Filters) -> String {
    let what = match chart {
        ChartKind::People => t!("chart-what-people"),
        ChartKind::Cumulative => t!("chart-what-cumulative"),
        ChartKind::Rallies | ChartKind::Breakdown | ChartKind::Timeline => t!("chart-what-rallies"),
    };
    let pick = match options.pick {
        Pick::Preferred => t!("chart-pick-preferred"),
        Pick::Lowest => t!("chart-pick-lowest"),
        Pick::Highest => t!("chart-pick-highest"),
    };
    let range = match (filters.from, filters.to) {
        (Some(from), Some(to)) => t!("chart-range-between", from = day(from), to = day(to)),
        (Some(from), None) => t!("chart-range-from", from = day(from)),
        (None, Some(to)) => t!("chart-range-until", to = day(to)),
        (None, None) => String::new(),
    };
    t!(
        "chart-title",
        what = what,
        period = choice(options.period),
        pick = pick,
        range = range,
        filtered = filtered_note(filters)
    )
}

/// " (filtered)" when the filters narrow what the chart shows.
fn filtered_note(filters: &Filters) -> String {
    if filters.is_active() { t!("chart-filtered") } else { String::new() }
}

/// A category of a bar or slice as the interface shows it: statuses, grades and kinds in the
/// interface's language, place and organization names as entered.
fn category_label(name: &str) -> String {
    use crate::model::{IncidentKind, IncidentStatus, Reliability};
    if let Some(status) = IncidentStatus::from_name(name) {
        return choice(status);
    }
    if let Some(kind) = IncidentKind::from_name(name) {
        return choice(kind);
    }
    if let Some(grade) = name.strip_prefix("source ").and_then(Reliability::from_name) {
        return t!("chart-category-source", grade = choice(grade));
    }
    match name {
        "destination unknown" => t!("chart-category-no-destination"),
        "not recorded" => t!("chart-category-not-recorded"),
        crate::stats::BEYOND_LEGS => t!("chart-category-beyond-legs"),
        other => other.to_owned(),
    }
}

/// The charts to choose from.
fn tabs_ui(ui: &mut egui::Ui, state: &mut ChartsState) {
    for (kind, name) in [
        (ChartKind::People, t!("chart-tab-people")),
        (ChartKind::Cumulative, t!("chart-tab-cumulative")),
        (ChartKind::Rallies, t!("chart-tab-rallies")),
        (ChartKind::Breakdown, t!("chart-tab-breakdown")),
        (ChartKind::Timeline, t!("chart-tab-timeline")),
    ] {
        if ui.selectable_value(&mut state.chart, kind, name).changed() {
            // The tabs were drawn before the click changed the chart: draw them again.
            ui.ctx().request_repaint();
        }
    }
}

/// On first showing, picks the period that keeps the chart readable: months for up to ten years,
/// or for longer when most months have data (up to about 33 years, then quarters); years when the
/// data is sparse over a long span (the sample: a few records in 2000 and 2018, most in 2023–24).
/// The user's choice is kept after that.
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

/// Says the figures are being worked out, and looks again soon (the thread also wakes the
/// window when done).
fn working_ui(ui: &mut egui::Ui, dataset: &Dataset) {
    ui.add_space(24.0);
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(t!("chart-working", count = number(dataset.record_count() as f64)));
    });
    ui.ctx().request_repaint_after(std::time::Duration::from_millis(250));
}

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

/// The chosen chart's settings.
fn options_ui(ui: &mut egui::Ui, state: &mut ChartsState) {
    ui.horizontal_wrapped(|ui| {
        if state.chart == ChartKind::Breakdown {
            combo(ui, &t!("chart-option-by"), &mut state.breakdown_by, &BreakdownBy::ALL, choice);
        } else if state.chart != ChartKind::Timeline {
            combo(ui, &t!("chart-option-per"), &mut state.options.period, &Period::ALL, choice);
        }
        if state.chart == ChartKind::Rallies {
            combo(ui, &t!("chart-option-show"), &mut state.rally_attendance, &[false, true], |attendance| {
                if attendance { t!("chart-show-attendance") } else { t!("chart-show-count") }
            });
        }
        let picks = [Pick::Preferred, Pick::Lowest, Pick::Highest];
        combo(ui, &t!("chart-option-estimates"), &mut state.options.pick, &picks, |p| match p {
            Pick::Preferred => t!("chart-estimates-preferred"),
            Pick::Lowest => t!("chart-estimates-lowest"),
            Pick::Highest => t!("chart-estimates-highest"),
        });
        if state.chart == ChartKind::People {
            ui.checkbox(&mut state.options.mark_imprecise, t!("chart-spans"))
                .on_hover_text(t!("chart-spans-hint"));
            let colours = [ColourBy::Destination, ColourBy::Status, ColourBy::Reliability];
            combo(ui, &t!("chart-option-colour"), &mut state.options.colour, &colours, |c| match c {
                ColourBy::Destination => t!("chart-colour-destination"),
                ColourBy::Status => t!("chart-colour-status"),
                ColourBy::Reliability => t!("chart-colour-reliability"),
            });
        }
    });
}

fn combo<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut T,
    all: &[T],
    name: impl Fn(T) -> String,
) {
    ui.label(label);
    let response = egui::ComboBox::from_id_salt(label)
        .selected_text(name(*value))
        .show_ui(ui, |ui| {
            for &choice in all {
                ui.selectable_value(value, choice, name(choice));
            }
        })
        .response;
    let label = label.to_owned();
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &label));
}

/// The index of the bar under the pointer, if any.
fn hovered_index(x: f64, count: usize) -> Option<usize> {
    (0..count).find(|&index| (x - index as f64).abs() <= 0.45)
}

fn plot<'a>(id: &str, buckets: &'a [Bucket], period: Period) -> Plot<'a> {
    Plot::new(format!("{id}-{}", period.name()))
        // Room for figures in the millions ("1,000,000"), which the axis would otherwise cut.
        .y_axis_min_width(64.0)
        .legend(Legend::default())
        .allow_scroll(false)
        .allow_drag([true, false])
        .allow_zoom([true, false])
        .allow_boxed_zoom(false)
        .include_y(0.0)
        // No grid line runs up a bar, where it would hide the bar's whisker.
        .show_grid([false, true])
        .show_x(false)
        .show_y(false)
        .x_axis_formatter(move |mark, _| {
            let at_a_bar = (0..buckets.len()).find(|&index| (mark.value - index as f64).abs() < 1e-6);
            at_a_bar.map(|index| period_label(period, buckets[index].start)).unwrap_or_default()
        })
        .label_formatter(|_| None)
}

/// People sent back per period: bars of the chosen estimate, split by category, with low–high
/// whiskers and an arrow where the high end is open. Returns the bar clicked.
fn people_chart(ui: &mut egui::Ui, buckets: &[Bucket], period: Period) -> Option<(usize, Option<String>)> {
    let categories: Vec<String> = {
        // Only categories with people in them: an empty one would only crowd the legend.
        let mut all: Vec<String> = buckets
            .iter()
            .flat_map(|b| {
                b.segments.iter().filter(|(_, people)| **people > 0.0).map(|(name, _)| name.clone())
            })
            .collect();
        all.sort();
        all.dedup();
        all
    };
    ui.weak(t!("chart-note-people"));
    let whisker_colour = whisker_colour(ui);
    // The open ends' arrows reach above the bars: the plot is tall enough to show their heads.
    let highest_tip = buckets
        .iter()
        .filter(|b| b.people.high.is_none())
        .map(|b| open_end_tip(b, buckets.len()))
        .fold(0.0, f64::max);
    let response = plot("people-chart", buckets, period).include_y(highest_tip * 1.04).show(ui, |plot_ui| {
        let mut charts: Vec<BarChart> = Vec::new();
        for (index, category) in categories.iter().enumerate() {
            let bars = buckets
                .iter()
                .enumerate()
                .map(|(x, b)| Bar::new(x as f64, b.segments.get(category).copied().unwrap_or(0.0)).width(0.7))
                .collect();
            let chart = BarChart::new(category_label(category), bars).color(PALETTE[index % PALETTE.len()]);
            let below: Vec<&BarChart> = charts.iter().collect();
            let chart = chart.stack_on(&below);
            charts.push(chart);
        }
        for chart in charts {
            plot_ui.bar_chart(chart);
        }
        whiskers(plot_ui, buckets, whisker_colour);
        spans(plot_ui, buckets);
        plot_ui.pointer_coordinate()
    });
    let pointer = response.inner;
    let index = pointer.and_then(|p| hovered_index(p.x, buckets.len()));
    if let Some(bucket) = index.and_then(|i| buckets.get(i)) {
        response.response.clone().on_hover_ui_at_pointer(|ui| bucket_tooltip(ui, bucket, period, false));
    }
    let clicked = response.response.clicked().then_some(index).flatten();
    clicked.map(|index| (index, pointer.and_then(|p| segment_at(&buckets[index], &categories, p.y))))
}

/// The segment of a stacked bar at height `y`: the categories are stacked in order.
fn segment_at(bucket: &Bucket, categories: &[String], y: f64) -> Option<String> {
    let mut top = 0.0;
    for category in categories {
        let height = bucket.segments.get(category).copied().unwrap_or(0.0);
        if y >= top && y < top + height {
            return Some(category.clone());
        }
        top += height;
    }
    None
}

/// The whiskers' colour: the strongest text colour, which no grid line shares.
fn whisker_colour(ui: &egui::Ui) -> Color32 {
    ui.visuals().strong_text_color()
}

/// Where the arrow of a bar whose highest figure is open ends: above the bar, a short mark
/// when the bars are many, so it does not cover its neighbours.
fn open_end_tip(bucket: &Bucket, bars: usize) -> f64 {
    let reach = if bars > 60 { 1.06 } else { 1.25 };
    bucket.people.best.max(bucket.people.low) * reach + 1.0
}

fn whiskers(plot_ui: &mut egui_plot::PlotUi<'_>, buckets: &[Bucket], colour: Color32) {
    let crowded = buckets.len() > 60;
    let mut origins = Vec::new();
    let mut tips = Vec::new();
    for (x, bucket) in buckets.iter().enumerate() {
        let people = bucket.people;
        let x = x as f64;
        match people.high {
            Some(high) if high > people.low => {
                plot_ui.line(
                    Line::new("", PlotPoints::from(vec![[x, people.low], [x, high]]))
                        .color(colour)
                        .width(2.0),
                );
            }
            None => {
                origins.push([x, people.low]);
                tips.push([x, open_end_tip(bucket, buckets.len())]);
            }
            _ => {}
        }
    }
    if !origins.is_empty() {
        let arrows = Arrows::new(t!("chart-legend-open-ended"), origins, tips).color(colour);
        plot_ui.arrows(if crowded { arrows.tip_length(3.0) } else { arrows.tip_length(10.0) });
    }
}

/// Records whose dates span several periods, kept out of the bars: one dashed line each, across
/// the periods it spans, at its whole figure.
fn spans(plot_ui: &mut egui_plot::PlotUi<'_>, buckets: &[Bucket]) {
    for (first, bucket) in buckets.iter().enumerate() {
        for span in &bucket.spanning {
            let last = buckets.iter().position(|b| b.start == span.last_period).unwrap_or(first);
            let y = span.people.best;
            let points = PlotPoints::from(vec![[first as f64 - 0.4, y], [last as f64 + 0.4, y]]);
            let line = Line::new(t!("chart-legend-spanning"), points)
                .color(Color32::from_gray(150))
                .width(3.0)
                .style(egui_plot::LineStyle::dashed_loose());
            plot_ui.line(line);
        }
    }
}

fn bucket_tooltip(ui: &mut egui::Ui, bucket: &Bucket, period: Period, rallies: bool) {
    ui.strong(period_label(period, bucket.start));
    if rallies {
        ui.label(t!("chart-tip-rallies", rallies = bucket.rallies, attendance = number(bucket.attendance)));
    } else {
        let high = bucket.people.high.map_or_else(|| t!("chart-open"), number);
        ui.label(t!(
            "chart-tip-people",
            best = number(bucket.people.best),
            low = number(bucket.people.low),
            high = high,
            incidents = bucket.incidents
        ));
    }
    let (records, count) = if rallies {
        (&bucket.rally_records, bucket.rallies)
    } else {
        (&bucket.repatriations, bucket.repatriation_count)
    };
    for record in records {
        let words = if record.beyond_legs {
            t!("chart-tip-beyond-legs", words = &record.words)
        } else {
            record.words.clone()
        };
        let (title, best) = (record.title.as_str(), number(record.best));
        ui.label(if record.spread {
            t!("chart-tip-record-spread", title = title, words = words, best = best)
        } else {
            t!("chart-tip-record", title = title, words = words, best = best)
        });
    }
    if count > records.len() {
        ui.weak(t!("chart-tip-more", count = count - records.len()));
    }
    for span in bucket.spanning.iter().filter(|_| !rallies) {
        let until = period_label(period, span.last_period);
        let (title, words) = (span.title.as_str(), span.words.as_str());
        ui.label(t!(
            "chart-tip-span",
            title = title,
            words = words,
            best = number(span.people.best),
            until = until
        ));
    }
}

/// The running total of people sent back, with its low–high band.
fn cumulative_chart(ui: &mut egui::Ui, buckets: &[Bucket], period: Period) {
    let mut low = 0.0;
    let mut best = 0.0;
    let mut high = Some(0.0);
    let mut xs = Vec::new();
    let (mut lows, mut bests, mut highs) = (Vec::new(), Vec::new(), Vec::new());
    let mut open_from = None;
    for (x, bucket) in buckets.iter().enumerate() {
        low += bucket.people.low;
        best += bucket.people.best;
        high = high.zip(bucket.people.high).map(|(sum, h)| sum + h);
        if high.is_none() && open_from.is_none() {
            open_from = Some(period_label(period, bucket.start));
        }
        xs.push(x as f64);
        lows.push(low);
        bests.push(best);
        highs.push(high.unwrap_or(best));
    }
    match open_from {
        Some(label) => ui.weak(t!("chart-note-cumulative-open", from = label)),
        None => ui.weak(t!("chart-note-cumulative")),
    };
    let points: Vec<[f64; 2]> = xs.iter().zip(&bests).map(|(x, y)| [*x, *y]).collect();
    let response = plot("cumulative-chart", buckets, period).show(ui, |plot_ui| {
        let band = FilledArea::new(t!("chart-legend-band"), &xs, &lows, &highs)
            .fill_color(PALETTE[0].gamma_multiply(0.45))
            .stroke(egui::Stroke::new(1.0, PALETTE[0]));
        plot_ui.add(band);
        plot_ui.line(Line::new(t!("chart-legend-running-total"), PlotPoints::from(points)).width(2.0));
        plot_ui.pointer_coordinate()
    });
    if let Some(index) = response.inner.and_then(|p| hovered_index(p.x, buckets.len())) {
        let text = t!(
            "chart-tip-cumulative",
            period = period_label(period, buckets[index].start),
            best = number(bests[index]),
            low = number(lows[index])
        );
        response.response.on_hover_text_at_pointer(text);
    }
}

/// Rallies per period. Returns the bar clicked.
fn rallies_chart(ui: &mut egui::Ui, all: &[Bucket], period: Period, attendance: bool) -> Option<usize> {
    // The axis runs from the first period with a rally to the last, not over the incidents' years.
    let first = all.iter().position(|b| b.rallies > 0).unwrap_or(0);
    let last = all.iter().rposition(|b| b.rallies > 0).unwrap_or(0);
    let buckets = &all[first..=last.max(first).min(all.len().saturating_sub(1))];
    ui.weak(if attendance { t!("chart-note-attendance") } else { t!("chart-note-rallies") });
    let whole_numbers = !attendance;
    let response = plot("rallies-chart", buckets, period)
        .y_axis_formatter(move |mark, _| {
            let whole = (mark.value - mark.value.round()).abs() < 1e-9;
            if whole || !whole_numbers { format!("{}", mark.value) } else { String::new() }
        })
        .show(ui, |plot_ui| {
            let value = |b: &Bucket| if attendance { b.attendance } else { b.rallies as f64 };
            let bars =
                buckets.iter().enumerate().map(|(x, b)| Bar::new(x as f64, value(b)).width(0.7)).collect();
            let name = if attendance { t!("chart-legend-attendance") } else { t!("chart-legend-rallies") };
            plot_ui.bar_chart(BarChart::new(name, bars).color(PALETTE[2]));
            plot_ui.pointer_coordinate()
        });
    let index = response.inner.and_then(|p| hovered_index(p.x, buckets.len()));
    if let Some(bucket) = index.and_then(|i| buckets.get(i)) {
        response.response.clone().on_hover_ui_at_pointer(|ui| bucket_tooltip(ui, bucket, period, true));
    }
    // The index of the period among all of them, as the caller counts.
    response.response.clicked().then_some(index).flatten().map(|index| index + first)
}

/// Totals by category as horizontal bars, the largest on top, with low–high whiskers.
fn breakdown_chart(ui: &mut egui::Ui, slices: &[Slice], by: BreakdownBy, dataset: &Dataset) {
    let label = |name: &str| super::names::category(dataset, name).unwrap_or_else(|| category_label(name));
    let rallies = by.is_rallies();
    ui.weak(if rallies { t!("chart-note-breakdown-rallies") } else { t!("chart-note-breakdown-people") });
    let count = slices.len();
    // The largest on top: the first slice gets the highest y.
    let y_of = move |index: usize| (count - 1 - index) as f64;
    let names: Vec<String> = slices.iter().map(|s| label(&s.name)).collect();
    let whisker_colour = whisker_colour(ui);
    let widest = slices
        .iter()
        .map(|s| if rallies { s.records as f64 } else { s.people.high.unwrap_or(s.people.best * 1.25 + 1.0) })
        .fold(1.0, f64::max);
    let response = Plot::new(format!("breakdown-{}", by.name()))
        .include_x(widest * 1.05)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_boxed_zoom(false)
        .include_x(0.0)
        // No grid line runs along a bar, where it would hide the bar's whisker.
        .show_grid([true, false])
        .show_x(false)
        .show_y(false)
        .label_formatter(|_| None)
        .y_axis_min_width(160.0)
        .y_axis_formatter(move |mark, _| {
            let at = (0..count).find(|&index| (mark.value - y_of(index)).abs() < 1e-6);
            at.map(|index| names[index].clone()).unwrap_or_default()
        })
        .show(ui, |plot_ui| {
            let bars = slices
                .iter()
                .enumerate()
                .map(|(index, slice)| {
                    let value = if rallies { slice.records as f64 } else { slice.people.best };
                    Bar::new(y_of(index), value).width(0.6)
                })
                .collect();
            plot_ui.bar_chart(BarChart::new(choice(by), bars).horizontal().color(PALETTE[0]));
            if !rallies {
                let mut origins = Vec::new();
                let mut tips = Vec::new();
                for (index, slice) in slices.iter().enumerate() {
                    let y = y_of(index);
                    match slice.people.high {
                        Some(high) if high > slice.people.low => {
                            let line = PlotPoints::from(vec![[slice.people.low, y], [high, y]]);
                            plot_ui.line(Line::new("", line).color(whisker_colour).width(2.0));
                        }
                        None => {
                            origins.push([slice.people.low, y]);
                            tips.push([slice.people.best.max(slice.people.low) * 1.25 + 1.0, y]);
                        }
                        _ => {}
                    }
                }
                if !origins.is_empty() {
                    plot_ui.arrows(
                        Arrows::new(t!("chart-legend-open-ended"), origins, tips)
                            .color(whisker_colour)
                            .tip_length(10.0),
                    );
                }
            }
            plot_ui.pointer_coordinate()
        });
    let hovered = response.inner.and_then(|p| (0..count).find(|&index| (p.y - y_of(index)).abs() <= 0.4));
    if let Some(slice) = hovered.and_then(|index| slices.get(index)) {
        let name = label(&slice.name);
        let text = if rallies {
            t!(
                "chart-tip-slice-rallies",
                name = name,
                rallies = slice.records,
                attendance = number(slice.attendance)
            )
        } else {
            let high = slice.people.high.map_or_else(|| t!("chart-open"), number);
            t!(
                "chart-tip-slice-people",
                name = name,
                best = number(slice.people.best),
                low = number(slice.people.low),
                high = high,
                incidents = slice.records
            )
        };
        response.response.on_hover_text_at_pointer(text);
    }
}
