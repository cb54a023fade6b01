//! The timeline chart: repatriations as bars over their days, rallies as markers below the
//! axis, arrows from the incidents a rally answers, and the tooltip of the records at a day.

use eframe::egui;
use egui_plot::{Arrows, Bar, BarChart, Legend, Plot};
use jiff::civil::Date;

use super::charts::PALETTE;
use crate::i18n::{day, month_year, number};
use crate::model::days_between;
use crate::stats::{RECORDS_KEPT, SpanLookup, Timeline};
use crate::t;

/// What drawing a timeline needs beyond its records, worked out once with it.
#[derive(Default)]
pub struct TimelineView {
    /// The incidents drawn (the largest, when there are too many).
    drawn: Vec<usize>,
    /// The most people of any incident (at least 10).
    tallest: f64,
    /// The days from the first record to the last.
    span: f64,
    /// The days with rallies, each once: one marker a day, however many rallies it had.
    rally_days: Vec<f64>,
    /// The incidents and the rallies near a day, for the tooltip.
    incidents_by_day: SpanLookup,
    rallies_by_day: SpanLookup,
}

impl TimelineView {
    /// What drawing `timeline` needs, worked out once.
    pub fn of(timeline: &Timeline) -> Self {
        let tallest = timeline.incidents.iter().filter_map(|i| i.people).fold(10.0, f64::max);
        let days = timeline
            .incidents
            .iter()
            .flat_map(|i| [i.range.0, i.range.1])
            .chain(timeline.rallies.iter().map(|r| r.day))
            .map(day_number);
        let span = days.clone().fold(f64::MIN, f64::max) - days.fold(f64::MAX, f64::min);
        let rally_day_of: Vec<f64> = timeline.rallies.iter().map(|r| day_number(r.day)).collect();
        let rallies_by_day = SpanLookup::new(rally_day_of.iter().map(|&day| (day, day)));
        let mut rally_days = rally_day_of;
        rally_days.sort_by(f64::total_cmp);
        rally_days.dedup();
        let incidents_by_day = SpanLookup::new(
            timeline.incidents.iter().map(|i| (day_number(i.range.0), day_number(i.range.1))),
        );
        let drawn = timeline.largest_incidents(MAX_BARS);
        Self { drawn, tallest, span, rally_days, incidents_by_day, rallies_by_day }
    }
}

/// The most rallies whose arrows the timeline draws.
const MAX_ARROWS: usize = 60;

/// Past this many repatriations the timeline draws the largest only: more bars than pixels
/// say nothing, and drawing them would slow every frame.
const MAX_BARS: usize = 2_000;

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
pub fn timeline_chart(ui: &mut egui::Ui, timeline: &Timeline, view: &TimelineView) {
    let TimelineView { drawn, tallest, span, rally_days, .. } = view;
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
        .x_axis_formatter(|mark, _| {
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
                    plot_ui.arrows(Arrows::new("", vec![from], vec![to]).color(colour));
                    let middle = egui_plot::PlotPoint::new(f64::midpoint(from[0], to[0]), y);
                    plot_ui
                        .text(egui_plot::Text::new("", middle, t!("chart-days", days = *days)).color(colour));
                }
            }
            plot_ui.pointer_coordinate()
        });
    if let Some(pointer) = response.inner {
        timeline_tooltip(&response.response, timeline, view, pointer.x);
    }
}

/// The records at the pointer's day on the timeline, as a tooltip (the first few, then how many
/// more).
fn timeline_tooltip(response: &egui::Response, timeline: &Timeline, view: &TimelineView, day: f64) {
    let mut lines = Vec::new();
    // An incident is near from the day before its first to two days after its last.
    let incidents = view.incidents_by_day.overlapping(day - 2.0, day + 1.0);
    for incident in incidents.iter().take(RECORDS_KEPT).map(|&position| &timeline.incidents[position]) {
        let (first, last) = incident.range;
        let people = incident.people.map_or_else(|| "?".to_owned(), number);
        let (title, words, dates) =
            (incident.title.as_str(), incident.words.as_str(), crate::i18n::days(first, last));
        lines.push(t!("chart-tip-incident", title = title, dates = dates, words = words, people = people));
    }
    if incidents.len() > RECORDS_KEPT {
        lines.push(t!("chart-tip-more", count = incidents.len() - RECORDS_KEPT));
    }
    let rallies = view.rallies_by_day.overlapping(day - 3.0, day + 3.0);
    for rally in rallies.iter().take(RECORDS_KEPT).map(|&position| &timeline.rallies[position]) {
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
