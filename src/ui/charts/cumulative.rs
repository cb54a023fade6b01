//! The running total of people sent back, with its low–high band.

use eframe::egui;
use egui_plot::{FilledArea, Line, PlotPoints};

use super::palette::PALETTE;
use super::period_plot::{hovered_index, plot};
use crate::i18n::{number, period_label};
use crate::model::Period;
use crate::stats::Bucket;
use crate::t;

/// The running total of people sent back, with its low–high band.
pub(super) fn cumulative_chart(ui: &mut egui::Ui, buckets: &[Bucket], period: Period) {
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
