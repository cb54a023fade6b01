//! The charts screen: the heading, the filters it shares with the tables, and the chart shown; a
//! click on a period shows its records in the table.

use eframe::egui;

use super::draw::{ChartRequest, PeriodClicked, charts_ui};
use super::follow::Following;
use super::map::MapClicked;
use super::state::ChartKind;
use crate::i18n::choice;
use crate::model::{IncidentStatus, RecordKind};
use crate::stats::ColourBy;
use crate::t;
use crate::ui::command::Command;
use crate::ui::filters::filters_ui;
use crate::ui::screen::{ScreenContext, Screens};

/// The charts, over the records the filters let through. `window` is woken by work on another
/// thread, done there when `in_background` (a large dataset).
pub fn charts_screen_ui(
    ui: &mut egui::Ui,
    screens: &mut Screens,
    context: &mut ScreenContext<'_>,
    (window, in_background): (Option<&egui::Context>, bool),
) {
    ui.horizontal(|ui| {
        ui.heading(t!("view-charts"));
        if screens.filters.is_active() {
            ui.weak(t!("charts-filtered"));
        }
    });
    // The same filters as the incidents table: narrowing one narrows the other.
    filters_ui(ui, &mut screens.filters, RecordKind::Incident, context.dataset());
    let document = context.document;
    let following = Following { document, window, in_background };
    screens.charts.follow_shown(&following, &screens.filters);
    match charts_ui(ui, &mut screens.charts, document.dataset(), document.revision(), &screens.filters) {
        Some(ChartRequest::Period(clicked)) => show_period(screens, clicked),
        Some(ChartRequest::ExportCsv) => context.commands.push(Command::ExportChartCsv),
        Some(ChartRequest::ExportPng) => context.commands.push(Command::ExportChartPng),
        Some(ChartRequest::ExportSvg) => context.commands.push(Command::ExportChartSvg),
        Some(ChartRequest::Map(clicked)) => show_map_click(screens, clicked),
        None => {}
    }
}

/// Shows the records behind what was clicked on the map in their table: a route's incidents, a
/// place's incidents or rallies; or a place with no coordinates in its form, to set them.
fn show_map_click(screens: &mut Screens, clicked: MapClicked) {
    let (view, label) = match clicked {
        MapClicked::Route { route, label } => {
            screens.filters.route = Some(route);
            (RecordKind::Incident, label)
        }
        MapClicked::Place { place, label, rallies } => {
            screens.filters.place = Some(place);
            (if rallies { RecordKind::Rally } else { RecordKind::Incident }, label)
        }
        MapClicked::SetPoint(place) => {
            screens.show_charts = false;
            screens.select(RecordKind::Place, place);
            return;
        }
    };
    screens.map_chip = Some(label);
    screens.show_charts = false;
    screens.view = view;
}

/// Shows the records of the period clicked in their table, narrowed to it (and to the status of
/// the segment clicked, when the bars are coloured by status).
fn show_period(screens: &mut Screens, PeriodClicked { from, to, label, category }: PeriodClicked) {
    screens.filters.from = Some(from);
    screens.filters.to = Some(to);
    let status = category
        .filter(|_| screens.charts.options.colour == ColourBy::Status)
        .and_then(|name| IncidentStatus::from_name(&name));
    let label = match status {
        Some(status) => {
            screens.filters.status = Some(status);
            t!("chart-chip-status", period = label, status = choice(status))
        }
        None => label,
    };
    screens.period_chip = Some(label);
    screens.show_charts = false;
    let rallies = screens.charts.chart == ChartKind::Rallies;
    screens.view = if rallies { RecordKind::Rally } else { RecordKind::Incident };
}
