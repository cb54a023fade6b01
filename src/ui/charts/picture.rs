//! A chart drawn without a window: the very code that draws it on the charts screen (its title,
//! notes, plot and legend), run on a canvas of the size asked for, for SVG, PNG and reports.

use eframe::egui;

use super::draw::{Shown, chart_body};
use super::state::{ChartKind, ChartsState};
use crate::model::Dataset;
use crate::query::Filters;
use crate::stats::{BreakdownBy, SeriesOptions};
use crate::t;
use crate::ui::picture::{Look, MARGIN, Picture};

/// Which chart, and how it is worked out.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ChartChoice {
    /// The chart.
    pub chart: ChartKind,
    /// Period, estimate and colouring.
    pub options: SeriesOptions,
    /// Whether `options.period` was chosen; if not, the period the charts screen would pick
    /// for these records is taken.
    pub period_chosen: bool,
    /// What the breakdown groups by.
    pub breakdown_by: BreakdownBy,
    /// Whether the rallies chart shows attendance rather than how many (and the map sizes its
    /// rallies by it).
    pub rally_attendance: bool,
    /// The part of the map drawn.
    pub map_view: super::map::MapView,
}

impl ChartsState {
    /// The charts' state for drawing one chart, as chosen.
    pub fn for_choice(choice: ChartChoice) -> Self {
        Self {
            options: choice.options,
            chart: choice.chart,
            breakdown_by: choice.breakdown_by,
            rally_attendance: choice.rally_attendance,
            period_settled: choice.period_chosen,
            map_state: super::map::MapState::with_view(choice.map_view),
            ..Self::default()
        }
    }
}

/// A chart has nothing to draw for these records and filters: what the screen would say.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NothingToDraw(pub String);

/// The chart `state` shows, drawn on a canvas of `size` points (a margin of
/// [`MARGIN`] included) without a window, from its figures (worked out here when they are not
/// yet). The same drawing as on screen: a chart shown at a size is this picture at that size
/// plus the margin.
pub fn chart_picture(
    state: &mut ChartsState,
    (dataset, revision): (&Dataset, u64),
    filters: &Filters,
    size: egui::Vec2,
    look: Look,
) -> Result<Picture, NothingToDraw> {
    let (in_background, plot_rect) = (state.in_background, state.plot_rect);
    // Figures not yet worked out are worked out now: a picture is never "being worked out".
    state.in_background = false;
    let mut shown = Shown::Empty;
    let picture = Picture::draw(size, look, |ui| shown = chart_body(ui, state, dataset, revision, filters));
    state.in_background = in_background;
    state.plot_rect = plot_rect;
    match shown {
        Shown::Chart(_) => Ok(picture),
        Shown::Empty | Shown::Working => Err(NothingToDraw(empty_message(state.chart))),
    }
}

/// The canvas a chart drawn on screen over `rect` needs, its margin included.
pub fn canvas_for(rect: egui::Rect) -> egui::Vec2 {
    rect.size() + egui::vec2(2.0 * MARGIN, 2.0 * MARGIN)
}

/// What the charts screen says when a chart has nothing to draw.
pub fn empty_message(chart: ChartKind) -> String {
    match chart {
        ChartKind::People | ChartKind::Cumulative => t!("chart-empty-people"),
        ChartKind::Rallies => t!("chart-empty-rallies"),
        ChartKind::Breakdown => t!("chart-empty-breakdown"),
        ChartKind::Timeline => t!("chart-empty-timeline"),
        ChartKind::Map => t!("chart-empty-map"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_korean_chart_names_its_destinations_in_korean() {
        let dataset =
            crate::store::from_ron(crate::store::SAMPLE_RON.as_bytes(), std::path::Path::new("sample.ron"))
                .expect("the sample reads");
        let before = crate::i18n::language();
        crate::i18n::set_language(crate::i18n::Language::Korean);
        let mut state = ChartsState::for_choice(ChartChoice::default());
        let drawn = chart_picture(
            &mut state,
            (&dataset, 0),
            &Filters::default(),
            egui::vec2(900.0, 500.0),
            Look::default(),
        );
        crate::i18n::set_language(before);
        let svg = drawn.expect("a chart").svg();
        assert!(svg.contains(">양강도</text>") && !svg.contains(">Yanggang</text>"), "{svg}");
    }
}
