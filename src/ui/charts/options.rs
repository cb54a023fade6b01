//! The charts' tabs, their settings and the title that heads each chart.

use eframe::egui;

use super::state::{ChartKind, ChartsState};
use crate::i18n::{choice, day};
use crate::model::Period;
use crate::query::Filters;
use crate::stats::{BreakdownBy, ColourBy, Pick, SeriesOptions};
use crate::t;

/// The charts to choose from.
pub(super) fn tabs_ui(ui: &mut egui::Ui, state: &mut ChartsState) {
    for (kind, name) in [
        (ChartKind::People, t!("chart-tab-people")),
        (ChartKind::Cumulative, t!("chart-tab-cumulative")),
        (ChartKind::Rallies, t!("chart-tab-rallies")),
        (ChartKind::Breakdown, t!("chart-tab-breakdown")),
        (ChartKind::Timeline, t!("chart-tab-timeline")),
        (ChartKind::Map, t!("chart-tab-map")),
    ] {
        if ui.selectable_value(&mut state.chart, kind, name).changed() {
            // The tabs were drawn before the click changed the chart: draw them again.
            ui.ctx().request_repaint();
        }
    }
}

/// The chosen chart's settings.
pub(super) fn options_ui(ui: &mut egui::Ui, state: &mut ChartsState) {
    ui.horizontal_wrapped(|ui| {
        if state.chart == ChartKind::Breakdown {
            combo(ui, &t!("chart-option-by"), &mut state.breakdown_by, &BreakdownBy::ALL, choice);
        } else if state.chart == ChartKind::Map {
            super::map::view_ui(ui, &mut state.map_state.view);
        } else if state.chart != ChartKind::Timeline {
            combo(ui, &t!("chart-option-per"), &mut state.options.period, &Period::ALL, choice);
        }
        if matches!(state.chart, ChartKind::Rallies | ChartKind::Map) {
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

/// What the chart shows, in a line that also heads an exported picture.
pub(super) fn chart_title(chart: ChartKind, options: SeriesOptions, filters: &Filters) -> String {
    let what = match chart {
        ChartKind::People => t!("chart-what-people"),
        ChartKind::Cumulative => t!("chart-what-cumulative"),
        ChartKind::Rallies | ChartKind::Breakdown | ChartKind::Timeline | ChartKind::Map => {
            t!("chart-what-rallies")
        }
    };
    t!(
        "chart-title",
        what = what,
        period = choice(options.period),
        pick = pick_words(options.pick),
        range = range_words(filters),
        filtered = filtered_note(filters)
    )
}

/// The estimate a chart counts, as its title says it ("preferred estimates").
pub(super) fn pick_words(pick: Pick) -> String {
    match pick {
        Pick::Preferred => t!("chart-pick-preferred"),
        Pick::Lowest => t!("chart-pick-lowest"),
        Pick::Highest => t!("chart-pick-highest"),
    }
}

/// The dates the filters narrow a chart to, as its title says them (", from … to …").
pub(super) fn range_words(filters: &Filters) -> String {
    match (filters.from, filters.to) {
        (Some(from), Some(to)) => t!("chart-range-between", from = day(from), to = day(to)),
        (Some(from), None) => t!("chart-range-from", from = day(from)),
        (None, Some(to)) => t!("chart-range-until", to = day(to)),
        (None, None) => String::new(),
    }
}

/// " (filtered)" when the filters narrow what the chart shows.
pub(super) fn filtered_note(filters: &Filters) -> String {
    if filters.is_active() { t!("chart-filtered") } else { String::new() }
}
