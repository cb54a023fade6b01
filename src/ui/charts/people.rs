//! People sent back per period: stacked bars by category, low–high whiskers, arrows where the
//! high end is open, and dashed lines for records spanning several periods.

use eframe::egui::{self, Color32};
use egui_plot::{Arrows, Bar, BarChart, Line, PlotPoints};

use super::palette::{PALETTE, category_label, whisker_colour};
use super::period_plot::{hovered_index, plot};
use super::tooltip::bucket_tooltip;
use crate::model::{Dataset, Period};
use crate::stats::Bucket;
use crate::t;

/// People sent back per period: bars of the chosen estimate, split by category, with low–high
/// whiskers and an arrow where the high end is open. Returns the bar clicked.
pub(super) fn people_chart(
    ui: &mut egui::Ui,
    buckets: &[Bucket],
    period: Period,
    dataset: &Dataset,
) -> Option<(usize, Option<String>)> {
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
            // A destination is named as the interface names places: 양강도 in Korean.
            let label =
                crate::query::names::category(dataset, category).unwrap_or_else(|| category_label(category));
            let chart = BarChart::new(label, bars).color(PALETTE[index % PALETTE.len()]);
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
