//! The timeline chart: repatriations as bars over their days, rallies as markers below the
//! axis, arrows from the incidents a rally answers, and the tooltip of the records at a day.

use std::sync::Arc;

use eframe::egui;
use egui_plot::{Arrows, Bar, BarChart, Legend, Plot};
use jiff::civil::Date;

use super::draw::Shown;
use super::notes::working_ui;
use super::options;
use super::palette::PALETTE;
use super::state::ChartsState;
use crate::i18n::{day, month_year, number};
use crate::model::Dataset;
use crate::query::Filters;
use crate::stats::{RECORDS_KEPT, TimelineFigures, day_number};
use crate::t;

/// The timeline, with its title, or a message when there is nothing to show.
pub(super) fn timeline_screen(
    ui: &mut egui::Ui,
    state: &mut ChartsState,
    dataset: &Dataset,
    revision: u64,
    filters: &Filters,
) -> Shown {
    let title = t!("chart-title-timeline", filtered = options::filtered_note(filters));
    let figures = if state.in_background {
        let Some(figures) = state.timeline.ready(revision, &state.options.pick, filters) else {
            working_ui(ui, dataset);
            return Shown::Working;
        };
        Arc::clone(figures)
    } else {
        state.timeline(dataset, revision, filters)
    };
    let timeline = &figures.timeline;
    if timeline.incidents.is_empty() && timeline.rallies.is_empty() {
        ui.add_space(24.0);
        ui.label(t!("chart-empty-timeline"));
        return Shown::Empty;
    }
    let drawn = ui.scope(|ui| {
        ui.strong(title);
        timeline_chart(ui, &figures);
    });
    state.plot_rect = Some(drawn.response.rect);
    Shown::Chart(None)
}

/// The most rallies whose arrows the timeline draws.
const MAX_ARROWS: usize = 60;

/// How far apart, in points, two rally markers must be for both to be drawn.
const MARKER_GAP_POINTS: f64 = 1.5;

/// The `days` (in order) at least `gap` apart, the first and the last always kept: markers
/// nearer than that would cover each other. A gap that is not a number keeps every day.
fn spaced(days: &[f64], gap: f64) -> Vec<f64> {
    let mut kept: Vec<f64> = Vec::with_capacity(days.len().min(4_096));
    for &day in days {
        match kept.last() {
            Some(&last) if day - last < gap => {}
            _ => kept.push(day),
        }
    }
    if let (Some(&last), Some(&kept_last)) = (days.last(), kept.last())
        && last.total_cmp(&kept_last).is_ne()
    {
        kept.push(last);
    }
    kept
}

/// The day a number on the timeline's axis stands for.
fn day_of(number: f64) -> Option<Date> {
    let days = format!("{:.0}", number.round()).parse::<i64>().ok()?;
    Date::constant(1970, 1, 1).checked_add(jiff::Span::new().days(days)).ok()
}

/// Repatriations as bars over their days (their height the people sent back) and rallies as
/// markers below the axis, with an arrow from the incidents each rally answers.
pub fn timeline_chart(ui: &mut egui::Ui, figures: &TimelineFigures) {
    let TimelineFigures { timeline, drawn, tallest, span, rally_days, .. } = figures;
    let (tallest, span) = (*tallest, *span);
    if drawn.len() < timeline.incidents.len() {
        let count = number(timeline.incidents.len() as f64);
        ui.weak(t!("chart-note-timeline-largest", most = number(drawn.len() as f64), count = count));
    }
    if timeline.rallies.len() > MAX_ARROWS {
        let rallies = number(timeline.rallies.len() as f64);
        ui.weak(t!("chart-note-timeline-crowded", rallies = rallies, most = MAX_ARROWS));
    }
    ui.weak(t!("chart-note-timeline"));
    let left_out = figures.left_out;
    for text in [
        (left_out.repatriations > 0)
            .then(|| t!("chart-left-out-repatriations", count = left_out.repatriations)),
        (left_out.rallies > 0).then(|| t!("chart-left-out-rallies", count = left_out.rallies)),
    ]
    .into_iter()
    .flatten()
    {
        ui.colored_label(ui.visuals().warn_fg_color, text);
    }
    // A single day would be too thin to see across years: bars are at least a sliver wide.
    let thinnest = (span / 400.0).max(1.0);
    let rally_row = -tallest * 0.08;
    let colour = ui.visuals().text_color();
    // The lowest row drawn (the rallies', or their arrows'), which must stay inside the plot.
    let arrows =
        timeline.rallies.len() <= MAX_ARROWS && timeline.rallies.iter().any(|r| !r.responds_to.is_empty());
    let lowest = match (arrows, timeline.rallies.is_empty()) {
        (true, _) => rally_row * 5.5,
        (false, false) => rally_row * 1.5,
        (false, true) => 0.0,
    };
    let response = Plot::new("timeline")
        .legend(Legend::default())
        .include_y(lowest)
        // Room at both ends for the first and last day's labels and the arrows' heads.
        .set_margin_fraction(egui::vec2(0.04, 0.05))
        .allow_scroll(false)
        .allow_drag([true, false])
        .allow_zoom([true, false])
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .label_formatter(|_| None)
        .x_axis_formatter(|mark, range| {
            // A mark at the very edge would have its label cut in half: it goes unlabelled.
            let edge = (range.end() - range.start()) * 0.04;
            if mark.value > range.end() - edge || mark.value < range.start() + edge {
                return String::new();
            }
            // Marks years apart are labelled by month, not by a day the mark happens to fall on.
            let date = day_of(mark.value);
            if mark.step_size >= 28.0 { date.map(month_year) } else { date.map(day) }.unwrap_or_default()
        })
        // Below zero is the rallies' row, not a number of people.
        .y_axis_formatter(|mark, _| if mark.value < 0.0 { String::new() } else { format!("{}", mark.value) })
        .show(ui, |plot_ui| {
            let bars = drawn
                .iter()
                .map(|&position| &timeline.incidents[position])
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
            plot_ui.bar_chart(BarChart::new(t!("chart-legend-repatriations"), bars).color(PALETTE[3]));
            // Diamonds closer than a pixel or two sit on each other: each is drawn once.
            let gap = MARKER_GAP_POINTS / plot_ui.transform().dpos_dvalue_x().abs();
            let markers: Vec<[f64; 2]> =
                spaced(rally_days, gap).into_iter().map(|day| [day + 0.5, rally_row]).collect();
            plot_ui.points(
                egui_plot::Points::new(t!("chart-legend-rallies"), markers)
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
                    plot_ui.arrows(Arrows::new("", vec![from], vec![to]).color(colour).tip_length(7.0));
                    // The label stands above its arrow, not across it.
                    let middle = egui_plot::PlotPoint::new(f64::midpoint(from[0], to[0]), y);
                    let label = egui_plot::Text::new("", middle, t!("chart-days", days = *days))
                        .color(colour)
                        .anchor(egui::Align2::CENTER_BOTTOM);
                    plot_ui.text(label);
                }
            }
            plot_ui.pointer_coordinate()
        });
    if let Some(pointer) = response.inner {
        timeline_tooltip(&response.response, figures, pointer.x);
    }
}

/// The records at the pointer's day on the timeline, as a tooltip (the first few, then how many
/// more).
fn timeline_tooltip(response: &egui::Response, figures: &TimelineFigures, day: f64) {
    let mut lines = Vec::new();
    // An incident is near from the day before its first to two days after its last.
    let incidents = figures.incidents_by_day.overlapping(day - 2.0, day + 1.0);
    for incident in incidents.iter().take(RECORDS_KEPT).filter_map(|id| figures.incident(id)) {
        let (first, last) = incident.range;
        let people = incident.people.map_or_else(|| "?".to_owned(), number);
        let (title, words, dates) =
            (incident.title.as_str(), incident.words.as_str(), crate::i18n::days(first, last));
        lines.push(t!("chart-tip-incident", title = title, dates = dates, words = words, people = people));
    }
    if incidents.len() > RECORDS_KEPT {
        lines.push(t!("chart-tip-more", count = incidents.len() - RECORDS_KEPT));
    }
    let rallies = figures.rallies_by_day.overlapping(day - 3.0, day + 3.0);
    for rally in rallies.iter().take(RECORDS_KEPT).filter_map(|id| figures.rally(id)) {
        lines.push(t!("chart-tip-rally", day = crate::i18n::day(rally.day), title = rally.title.as_str()));
        for (title, _, after) in &rally.responds_to {
            lines.push(t!("chart-tip-days-after", days = *after, title = title.as_str()));
        }
    }
    if rallies.len() > RECORDS_KEPT {
        lines.push(t!("chart-tip-more", count = rallies.len() - RECORDS_KEPT));
    }
    if !lines.is_empty() {
        response.clone().on_hover_text_at_pointer(lines.join("\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_nearer_than_the_gap_are_drawn_once_and_the_ends_are_kept() {
        let days = [0.0, 1.0, 2.0, 3.0, 10.0, 10.5, 11.0, 30.0, 31.0];
        assert_eq!(spaced(&days, 2.5), [0.0, 3.0, 10.0, 30.0, 31.0]);
        assert_eq!(spaced(&days, 0.0), days, "every day when there is room");
        assert_eq!(spaced(&days, f64::NAN), days, "every day when the scale is not known");
        assert_eq!(spaced(&days, 100.0), [0.0, 31.0]);
        assert!(spaced(&[], 1.0).is_empty());
    }
}
