//! What the charts say beside the figures: that they are being worked out, and how many records
//! a chart leaves out.

use eframe::egui;

use super::state::ChartKind;
use crate::i18n::number;
use crate::model::Dataset;
use crate::stats::LeftOut;
use crate::t;

/// How many records the filters keep that the chart cannot draw (no days, or no figure).
pub(super) fn left_out_ui(ui: &mut egui::Ui, chart: ChartKind, left_out: LeftOut) {
    let text = match chart {
        ChartKind::People | ChartKind::Cumulative if left_out.repatriations > 0 => {
            t!("chart-left-out-repatriations", count = left_out.repatriations)
        }
        ChartKind::Rallies if left_out.rallies > 0 => t!("chart-left-out-rallies", count = left_out.rallies),
        _ => return,
    };
    ui.colored_label(ui.visuals().warn_fg_color, text);
}

/// Says the figures are being worked out, and looks again soon (the thread also wakes the
/// window when done).
pub(super) fn working_ui(ui: &mut egui::Ui, dataset: &Dataset) {
    ui.add_space(24.0);
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(t!("chart-working", count = number(dataset.record_count() as f64)));
    });
    ui.ctx().request_repaint_after(std::time::Duration::from_millis(250));
}
