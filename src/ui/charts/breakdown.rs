//! Totals by place, status, kind, city or organizer: horizontal bars, the largest on top, with
//! low–high whiskers.

use eframe::egui;
use egui_plot::{Arrows, Bar, BarChart, Line, Plot, PlotPoints};

use super::draw::Shown;
use super::notes::working_ui;
use super::options::filtered_note;
use super::palette::{PALETTE, category_label, whisker_colour};
use super::state::ChartsState;
use crate::i18n::{choice, number};
use crate::model::Dataset;
use crate::query::Filters;
use crate::stats::{BreakdownBy, BreakdownIndex, Slice};
use crate::t;

/// The breakdown, with its title, or a message when there is nothing to show.
pub(super) fn breakdown_screen(
    ui: &mut egui::Ui,
    state: &mut ChartsState,
    dataset: &Dataset,
    revision: u64,
    filters: &Filters,
) -> Shown {
    let by = state.breakdown_by;
    let filtered = filtered_note(filters);
    let title = if by.is_rallies() {
        t!("chart-title-breakdown-rallies", by = choice(by), filtered = filtered)
    } else {
        t!("chart-title-breakdown-people", by = choice(by), filtered = filtered)
    };
    if state.in_background {
        if state.breakdown.ready(revision, &(by, state.options.pick), filters).is_none() {
            working_ui(ui, dataset);
            return Shown::Working;
        }
    } else {
        state.slices(dataset, revision, filters);
    }
    let left_out = state.breakdown.index().map(BreakdownIndex::left_out).unwrap_or_default();
    let slices = state.breakdown.last().map_or(&[][..], Vec::as_slice);
    if slices.is_empty() {
        ui.add_space(24.0);
        ui.label(t!("chart-empty-breakdown"));
        return Shown::Empty;
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
    Shown::Chart(None)
}

/// Totals by category as horizontal bars, the largest on top, with low–high whiskers.
fn breakdown_chart(ui: &mut egui::Ui, slices: &[Slice], by: BreakdownBy, dataset: &Dataset) {
    let label =
        |name: &str| crate::query::names::category(dataset, name).unwrap_or_else(|| category_label(name));
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
