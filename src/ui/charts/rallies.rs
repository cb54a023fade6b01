//! Rallies per period, or their attendance.

use eframe::egui;
use egui_plot::{Bar, BarChart};

use super::palette::PALETTE;
use super::period_plot::{hovered_index, plot};
use super::tooltip::bucket_tooltip;
use crate::model::Period;
use crate::stats::Bucket;
use crate::t;

/// Rallies per period. Returns the bar clicked.
pub(super) fn rallies_chart(
    ui: &mut egui::Ui,
    all: &[Bucket],
    period: Period,
    attendance: bool,
) -> Option<usize> {
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
