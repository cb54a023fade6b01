//! The charts: people forcibly repatriated per period with their uncertainty, the cumulative
//! total with its band, and rallies per period. Computed when the data, the filters or the
//! options change, never every frame.

use eframe::egui::{self, Color32};
use egui_plot::{Arrows, Bar, BarChart, FilledArea, Legend, Line, Plot, PlotPoints};
use jiff::civil::Date;

use super::columns::TableRecord;
use super::filters::Filters;
use crate::model::days_between;
use crate::model::{Dataset, RecordKind};
use crate::stats::{
    BreakdownBy, Bucket, ColourBy, Period, Pick, SeriesOptions, Slice, Timeline, breakdown, series, timeline,
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
}

/// What the charts were computed from.
type ChartKey = (u64, SeriesOptions, Filters);

/// What a breakdown was computed from.
type BreakdownKey = (u64, BreakdownBy, Pick, Filters);

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
    breakdown_cache: Option<(BreakdownKey, Vec<Slice>)>,
    timeline_cache: Option<((u64, Pick, Filters), Timeline)>,
    /// Where the chart (with its title, note and axes) was last drawn, in points, for
    /// exporting its picture.
    pub plot_rect: Option<egui::Rect>,
    cache: Option<(ChartKey, Vec<Bucket>)>,
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
        let key = (revision, self.breakdown_by, self.options.pick, filters.clone());
        if self.breakdown_cache.as_ref().is_none_or(|(cached, _)| *cached != key) {
            let keep_incident = |i: &crate::model::Incident| {
                filters.passes(RecordKind::Incident, i.date_range(), &i.facets())
            };
            let keep_rally =
                |r: &crate::model::Rally| filters.passes(RecordKind::Rally, r.date_range(), &r.facets());
            let slices =
                breakdown(dataset, self.breakdown_by, self.options.pick, &keep_incident, &keep_rally);
            self.breakdown_cache = Some((key, slices));
        }
        self.breakdown_cache.as_ref().map_or(&[], |(_, slices)| slices)
    }

    /// The timeline for the current filters, recomputed only when they or the data changed.
    pub fn timeline(&mut self, dataset: &Dataset, revision: u64, filters: &Filters) -> &Timeline {
        let key = (revision, self.options.pick, filters.clone());
        if self.timeline_cache.as_ref().is_none_or(|(cached, _)| *cached != key) {
            let keep_incident = |i: &crate::model::Incident| {
                filters.passes(RecordKind::Incident, i.date_range(), &i.facets())
            };
            let keep_rally =
                |r: &crate::model::Rally| filters.passes(RecordKind::Rally, r.date_range(), &r.facets());
            self.timeline_cache =
                Some((key, timeline(dataset, self.options.pick, &keep_incident, &keep_rally)));
        }
        &self
            .timeline_cache
            .get_or_insert_with(|| ((0, Pick::Preferred, Filters::default()), Timeline::default()))
            .1
    }

    /// The labels of the periods last charted, in order.
    pub fn period_labels(&self) -> Vec<String> {
        let period = self.options.period;
        self.cache
            .as_ref()
            .map_or_else(Vec::new, |(_, buckets)| buckets.iter().map(|b| period.label(b.start)).collect())
    }

    /// The figures for the current options and filters, recomputed only when they or the data
    /// changed.
    pub fn buckets(&mut self, dataset: &Dataset, revision: u64, filters: &Filters) -> &[Bucket] {
        let key = (revision, self.options, filters.clone());
        if self.cache.as_ref().is_none_or(|(cached, _)| *cached != key) {
            let keep_incident = |i: &crate::model::Incident| {
                filters.passes(RecordKind::Incident, i.date_range(), &i.facets())
            };
            let keep_rally =
                |r: &crate::model::Rally| filters.passes(RecordKind::Rally, r.date_range(), &r.facets());
            let buckets = series(dataset, self.options, &keep_incident, &keep_rally);
            self.cache = Some((key, buckets));
        }
        self.cache.as_ref().map_or(&[], |(_, buckets)| buckets)
    }
}

const PALETTE: [Color32; 8] = [
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
        if ui.button("Export CSV…").on_hover_text("The numbers this chart draws, as a spreadsheet").clicked()
        {
            request = Some(ChartRequest::ExportCsv);
        }
        if ui.button("Export PNG…").on_hover_text("This chart as a picture").clicked() {
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
    // Borrowed from the cache, not copied: nothing here is computed again on an ordinary frame.
    let buckets = state.buckets(dataset, revision, filters);
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
            ChartKind::Rallies => "No dated rallies match the filters. Add rallies with a date, or clear the filters.",
            _ => "No dated forced repatriations with a figure match the filters. Add incidents with a date and a \
                  number of people, or clear the filters.",
        });
        return None;
    }
    // The title, the note and the axes go into an exported picture with the plot itself.
    let title = chart_title(chart, options, filters);
    let drawn = ui.scope(|ui| {
        ui.strong(title);
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
                label: period.label(bucket.start),
                category,
            })
        });
    state.plot_rect = Some(drawn.response.rect);
    request.or(clicked)
}

/// The timeline, with its title, or a message when there is nothing to show.
fn timeline_screen(
    ui: &mut egui::Ui,
    state: &mut ChartsState,
    dataset: &Dataset,
    revision: u64,
    filters: &Filters,
) {
    let title = format!(
        "Forced repatriations and rallies{} — Repatriation Watch",
        if filters.is_active() { " (filtered)" } else { "" }
    );
    let timeline = state.timeline(dataset, revision, filters);
    if timeline.incidents.is_empty() && timeline.rallies.is_empty() {
        ui.add_space(24.0);
        ui.label("No dated repatriations or rallies match the filters. Add records with dates, or clear the filters.");
        return;
    }
    let drawn = ui.scope(|ui| {
        ui.strong(title);
        timeline_chart(ui, timeline);
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
    let title = format!(
        "{} by {}{} — Repatriation Watch",
        if by.is_rallies() { "Rallies" } else { "People forcibly repatriated" },
        by.name(),
        if filters.is_active() { " (filtered)" } else { "" }
    );
    let slices = state.slices(dataset, revision, filters);
    if slices.is_empty() {
        ui.add_space(24.0);
        ui.label("No records match the filters. Add records, or clear the filters.");
        return;
    }
    let drawn = ui.scope(|ui| {
        ui.strong(title);
        breakdown_chart(ui, slices, by);
    });
    state.plot_rect = Some(drawn.response.rect);
}

/// What the chart shows, in a line that also heads an exported picture.
fn chart_title(chart: ChartKind, options: SeriesOptions, filters: &Filters) -> String {
    let what = match chart {
        ChartKind::People => "People forcibly repatriated",
        ChartKind::Cumulative => "People forcibly repatriated, running total",
        ChartKind::Rallies | ChartKind::Breakdown | ChartKind::Timeline => {
            "Rallies against forced repatriation"
        }
    };
    let pick = match options.pick {
        Pick::Preferred => "preferred estimates",
        Pick::Lowest => "lowest estimates",
        Pick::Highest => "highest estimates",
    };
    let range = match (filters.from, filters.to) {
        (Some(from), Some(to)) => format!(", {from} to {to}"),
        (Some(from), None) => format!(", from {from}"),
        (None, Some(to)) => format!(", until {to}"),
        (None, None) => String::new(),
    };
    let filtered = if filters.is_active() { " (filtered)" } else { "" };
    format!("{what} per {}, {pick}{range}{filtered} — Repatriation Watch", options.period.name())
}

/// The charts to choose from.
fn tabs_ui(ui: &mut egui::Ui, state: &mut ChartsState) {
    for (kind, name) in [
        (ChartKind::People, "People sent back"),
        (ChartKind::Cumulative, "Cumulative"),
        (ChartKind::Rallies, "Rallies per period"),
        (ChartKind::Breakdown, "Breakdown"),
        (ChartKind::Timeline, "Timeline"),
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
fn settle_period(state: &mut ChartsState, dataset: &Dataset, revision: u64, filters: &Filters) {
    if state.period_settled {
        return;
    }
    state.period_settled = true;
    let buckets = state.buckets(dataset, revision, filters);
    let months = buckets.len();
    let filled = buckets.iter().filter(|b| b.people.best > 0.0 || b.rallies > 0).count();
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
            combo(ui, "By", &mut state.breakdown_by, &BreakdownBy::ALL, BreakdownBy::name);
        } else if state.chart != ChartKind::Timeline {
            combo(ui, "Per", &mut state.options.period, &Period::ALL, Period::name);
        }
        if state.chart == ChartKind::Rallies {
            combo(ui, "Show", &mut state.rally_attendance, &[false, true], |attendance| {
                if attendance { "attendance" } else { "number of rallies" }
            });
        }
        let picks = [Pick::Preferred, Pick::Lowest, Pick::Highest];
        combo(ui, "Estimates", &mut state.options.pick, &picks, |p| match p {
            Pick::Preferred => "preferred",
            Pick::Lowest => "lowest",
            Pick::Highest => "highest",
        });
        if state.chart == ChartKind::People {
            ui.checkbox(&mut state.options.mark_imprecise, "Show records spanning periods as spans")
                .on_hover_text("Instead of sharing a record's figure out over its periods by days, keep it out of the bars and draw it as one line across them");
            let colours = [ColourBy::Destination, ColourBy::Status, ColourBy::Reliability];
            combo(ui, "Colour by", &mut state.options.colour, &colours, |c| match c {
                ColourBy::Destination => "destination",
                ColourBy::Status => "status",
                ColourBy::Reliability => "source reliability",
            });
        }
    });
}

fn combo<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut T,
    all: &[T],
    name: impl Fn(T) -> &'static str,
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
        .legend(Legend::default())
        .allow_scroll(false)
        .allow_drag([true, false])
        .allow_zoom([true, false])
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .show_x(false)
        .show_y(false)
        .x_axis_formatter(move |mark, _| {
            let at_a_bar = (0..buckets.len()).find(|&index| (mark.value - index as f64).abs() < 1e-6);
            at_a_bar.map(|index| period.label(buckets[index].start)).unwrap_or_default()
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
    ui.weak("Bars: people forcibly repatriated per period. Lines: the lowest to highest figures the sources allow; an arrow where the highest is open (\"at least\", \"over\"). Click a bar to list its records.");
    let whisker_colour = ui.visuals().text_color();
    let response = plot("people-chart", buckets, period).show(ui, |plot_ui| {
        let mut charts: Vec<BarChart> = Vec::new();
        for (index, category) in categories.iter().enumerate() {
            let bars = buckets
                .iter()
                .enumerate()
                .map(|(x, b)| Bar::new(x as f64, b.segments.get(category).copied().unwrap_or(0.0)).width(0.7))
                .collect();
            let chart = BarChart::new(category.clone(), bars).color(PALETTE[index % PALETTE.len()]);
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

fn whiskers(plot_ui: &mut egui_plot::PlotUi<'_>, buckets: &[Bucket], colour: Color32) {
    // With many bars, open ends are short marks, so they do not cover their neighbours.
    let crowded = buckets.len() > 60;
    let reach = if crowded { 1.06 } else { 1.25 };
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
                        .width(1.5),
                );
            }
            None => {
                origins.push([x, people.low]);
                tips.push([x, people.best.max(people.low) * reach + 1.0]);
            }
            _ => {}
        }
    }
    if !origins.is_empty() {
        let arrows = Arrows::new("open-ended (\"at least\")", origins, tips).color(colour);
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
            let line = Line::new("dates span several periods (not shared out)", points)
                .color(Color32::from_gray(150))
                .width(3.0)
                .style(egui_plot::LineStyle::dashed_loose());
            plot_ui.line(line);
        }
    }
}

fn bucket_tooltip(ui: &mut egui::Ui, bucket: &Bucket, period: Period, rallies: bool) {
    ui.strong(period.label(bucket.start));
    if rallies {
        ui.label(format!("{} rallies, attendance about {:.0}", bucket.rallies, bucket.attendance));
    } else {
        let high = bucket.people.high.map_or_else(|| "open".to_owned(), |h| format!("{h:.1}"));
        ui.label(format!(
            "People: {:.1} (lowest {:.1}, highest {high}); incidents: {}",
            bucket.people.best, bucket.people.low, bucket.incidents
        ));
    }
    let records = if rallies { &bucket.rally_records } else { &bucket.repatriations };
    for record in records.iter().take(12) {
        let spread = if record.spread { ", spread over its dates" } else { "" };
        ui.label(format!("• {} — “{}”: {:.1}{spread}", record.title, record.words, record.best));
    }
    if records.len() > 12 {
        ui.weak(format!("and {} more", records.len() - 12));
    }
    for span in bucket.spanning.iter().filter(|_| !rallies) {
        let until = period.label(span.last_period);
        ui.label(format!(
            "• {} — “{}”: {:.0}, over the periods to {until} (not shared out)",
            span.title, span.words, span.people.best
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
            open_from = Some(period.label(bucket.start));
        }
        xs.push(x as f64);
        lows.push(low);
        bests.push(best);
        highs.push(high.unwrap_or(best));
    }
    match open_from {
        Some(label) => ui.weak(format!(
            "Line: the running total of people forcibly repatriated. Band: lowest to highest; from {label} on, \
             some figures are open-ended (\"at least\"), so the band shows lowest to preferred."
        )),
        None => ui.weak("Line: the running total of people forcibly repatriated. Band: the lowest to highest figures."),
    };
    let points: Vec<[f64; 2]> = xs.iter().zip(&bests).map(|(x, y)| [*x, *y]).collect();
    let response = plot("cumulative-chart", buckets, period).show(ui, |plot_ui| {
        let band = FilledArea::new("lowest to highest", &xs, &lows, &highs)
            .fill_color(PALETTE[0].gamma_multiply(0.45))
            .stroke(egui::Stroke::new(1.0, PALETTE[0]));
        plot_ui.add(band);
        plot_ui.line(Line::new("running total", PlotPoints::from(points)).width(2.0));
        plot_ui.pointer_coordinate()
    });
    if let Some(index) = response.inner.and_then(|p| hovered_index(p.x, buckets.len())) {
        let text = format!(
            "{}: {:.1} in all (lowest {:.1})",
            period.label(buckets[index].start),
            bests[index],
            lows[index]
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
    ui.weak(if attendance {
        "Bars: people attending rallies per period (preferred figures, shared out by days). Hover for the rallies."
    } else {
        "Bars: rallies, press conferences and other actions per period. Hover for attendance."
    });
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
            let name = if attendance { "attendance" } else { "rallies" };
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
fn breakdown_chart(ui: &mut egui::Ui, slices: &[Slice], by: BreakdownBy) {
    let rallies = by.is_rallies();
    ui.weak(if rallies {
        "Bars: rallies in each category. Hover for attendance."
    } else {
        "Bars: people forcibly repatriated in each category (legs instead of their parent). Lines: lowest to highest; an arrow where the highest is open."
    });
    let count = slices.len();
    // The largest on top: the first slice gets the highest y.
    let y_of = move |index: usize| (count - 1 - index) as f64;
    let names: Vec<String> = slices.iter().map(|s| s.name.clone()).collect();
    let whisker_colour = ui.visuals().text_color();
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
            plot_ui.bar_chart(BarChart::new(by.name(), bars).horizontal().color(PALETTE[0]));
            if !rallies {
                let mut origins = Vec::new();
                let mut tips = Vec::new();
                for (index, slice) in slices.iter().enumerate() {
                    let y = y_of(index);
                    match slice.people.high {
                        Some(high) if high > slice.people.low => {
                            let line = PlotPoints::from(vec![[slice.people.low, y], [high, y]]);
                            plot_ui.line(Line::new("", line).color(whisker_colour).width(1.5));
                        }
                        None => {
                            origins.push([slice.people.low, y]);
                            tips.push([slice.people.best.max(slice.people.low) * 1.25 + 1.0, y]);
                        }
                        _ => {}
                    }
                }
                if !origins.is_empty() {
                    plot_ui.arrows(Arrows::new("open-ended", origins, tips).color(whisker_colour));
                }
            }
            plot_ui.pointer_coordinate()
        });
    let hovered = response.inner.and_then(|p| (0..count).find(|&index| (p.y - y_of(index)).abs() <= 0.4));
    if let Some(slice) = hovered.and_then(|index| slices.get(index)) {
        let text = if rallies {
            format!("{}: {} rallies, attendance about {:.0}", slice.name, slice.records, slice.attendance)
        } else {
            let high = slice.people.high.map_or_else(|| "open".to_owned(), |h| format!("{h:.0}"));
            format!(
                "{}: {:.0} people (lowest {:.0}, highest {high}) in {} incidents",
                slice.name, slice.people.best, slice.people.low, slice.records
            )
        };
        response.response.on_hover_text_at_pointer(text);
    }
}

/// The most rallies whose arrows the timeline draws.
const MAX_ARROWS: usize = 60;

/// The day as a number on the timeline's axis: days since 1970-01-01.
fn day_number(day: Date) -> f64 {
    days_between(Date::constant(1970, 1, 1), day) as f64
}

/// The day a number on the timeline's axis stands for.
fn day_of(number: f64) -> Option<Date> {
    let days = format!("{:.0}", number.round()).parse::<i64>().ok()?;
    Date::constant(1970, 1, 1).checked_add(jiff::Span::new().days(days)).ok()
}

/// Repatriations as bars over their days (their height the people sent back) and rallies as
/// markers below the axis, with an arrow from the incidents each rally answers.
fn timeline_chart(ui: &mut egui::Ui, timeline: &Timeline) {
    if timeline.rallies.len() > MAX_ARROWS {
        ui.weak(format!(
            "{} rallies: the arrows to the incidents they answer are drawn for {MAX_ARROWS} or fewer. \
             Narrow the dates with the filters above to see them; hovering a rally lists them.",
            timeline.rallies.len()
        ));
    }
    ui.weak("Bars: forced repatriations, as wide as the days their date can mean (at least a sliver, so single days \
             show), as tall as the people sent back. Diamonds: rallies. Arrows: from an incident to a rally that \
             answers it, with the days between. Drag or scroll sideways to zoom in.");
    let tallest = timeline.incidents.iter().filter_map(|i| i.people).fold(10.0, f64::max);
    let days = timeline
        .incidents
        .iter()
        .flat_map(|i| [i.range.0, i.range.1])
        .chain(timeline.rallies.iter().map(|r| r.day))
        .map(day_number);
    let span = days.clone().fold(f64::MIN, f64::max) - days.fold(f64::MAX, f64::min);
    // A single day would be too thin to see across years: bars are at least a sliver wide.
    let thinnest = (span / 400.0).max(1.0);
    let rally_row = -tallest * 0.08;
    let colour = ui.visuals().text_color();
    let response = Plot::new("timeline")
        .legend(Legend::default())
        .allow_scroll(false)
        .allow_drag([true, false])
        .allow_zoom([true, false])
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .label_formatter(|_| None)
        .x_axis_formatter(|mark, _| day_of(mark.value).map(|d| d.to_string()).unwrap_or_default())
        // Below zero is the rallies' row, not a number of people.
        .y_axis_formatter(|mark, _| if mark.value < 0.0 { String::new() } else { format!("{}", mark.value) })
        .show(ui, |plot_ui| {
            let bars = timeline
                .incidents
                .iter()
                .filter_map(|incident| {
                    let (first, last) = incident.range;
                    let (from, to) = (day_number(first), day_number(last) + 1.0);
                    Some(
                        Bar::new(f64::midpoint(from, to), incident.people?)
                            .width((to - from).max(thinnest))
                            .name(&incident.title),
                    )
                })
                .collect();
            plot_ui.bar_chart(BarChart::new("forced repatriations", bars).color(PALETTE[3]));
            let markers: Vec<[f64; 2]> =
                timeline.rallies.iter().map(|r| [day_number(r.day) + 0.5, rally_row]).collect();
            plot_ui.points(
                egui_plot::Points::new("rallies", markers)
                    .shape(egui_plot::MarkerShape::Diamond)
                    .radius(6.0)
                    .color(PALETTE[2]),
            );
            // Past a few dozen rallies the arrows hide each other: filter or zoom to see them.
            let answered =
                if timeline.rallies.len() <= MAX_ARROWS { timeline.rallies.as_slice() } else { &[] };
            for (index, rally) in answered.iter().enumerate() {
                for (offset, (_, last, days)) in rally.responds_to.iter().enumerate() {
                    let y = rally_row * (2.0 + (index % 3) as f64 + offset as f64 * 0.5);
                    let from = [day_number(*last) + 1.0, y];
                    let to = [day_number(rally.day) + 0.5, y];
                    plot_ui.arrows(Arrows::new("", vec![from], vec![to]).color(colour));
                    let middle = egui_plot::PlotPoint::new(f64::midpoint(from[0], to[0]), y);
                    plot_ui.text(egui_plot::Text::new("", middle, format!("{days} days")).color(colour));
                }
            }
            plot_ui.pointer_coordinate()
        });
    let Some(pointer) = response.inner else { return };
    let day = pointer.x;
    let near = |x: f64| (x - day).abs() <= 3.0;
    let mut lines = Vec::new();
    for incident in &timeline.incidents {
        let (first, last) = incident.range;
        if day >= day_number(first) - 1.0 && day <= day_number(last) + 2.0 {
            let people = incident.people.map_or_else(|| "?".to_owned(), |p| format!("{p:.0}"));
            lines.push(format!("{} ({first} to {last}): “{}”, {people}", incident.title, incident.words));
        }
    }
    for rally in timeline.rallies.iter().filter(|r| near(day_number(r.day))) {
        lines.push(format!("Rally, {}: {}", rally.day, rally.title));
        for (title, _, days) in &rally.responds_to {
            lines.push(format!("    {days} days after “{title}”"));
        }
    }
    if !lines.is_empty() {
        response.response.on_hover_text_at_pointer(lines.join("\n"));
    }
}
