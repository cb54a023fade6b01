//! What the charts by period share: the plot with one bar per period, labelled by period, and
//! the bar under the pointer.

use egui_plot::{Legend, Plot};

use crate::i18n::period_label;
use crate::model::Period;
use crate::stats::Bucket;

/// The index of the bar under the pointer, if any.
pub(super) fn hovered_index(x: f64, count: usize) -> Option<usize> {
    (0..count).find(|&index| (x - index as f64).abs() <= 0.45)
}

pub(super) fn plot<'a>(id: &str, buckets: &'a [Bucket], period: Period) -> Plot<'a> {
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
