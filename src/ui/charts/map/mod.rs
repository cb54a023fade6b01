//! The map: countries, the China–North Korea border and its rivers from bundled public-domain
//! outlines (no tiles, no network); the places the filtered records name as circles sized by the
//! people sent from or to them; flows from where people were sent from to where they were sent,
//! as wide as the estimate picked with the lowest–highest range around; rallies as diamonds at
//! their venues, far ones in insets. Pan and zoom; hovering shows the figures and records, a
//! click lists them in their table.

mod basemap;
mod declutter;
mod inset;
mod located;
mod paint;
mod tooltip;
mod view;

use eframe::egui;

pub use self::located::{Located, MapPlace, locate, point_of};
pub use self::paint::Target;
pub use self::view::{MapView, Preset};

use super::draw::{ChartRequest, Shown};
use super::notes::working_ui;
use super::state::ChartsState;
use crate::model::{Dataset, Id};
use crate::query::Filters;
use crate::stats::{MapFigures, Pick, Route};
use crate::t;

/// What a click on the map asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum MapClicked {
    /// The incidents of a route.
    Route {
        /// The route.
        route: Route,
        /// What the table's chip says ("from Dandong to Sinuiju").
        label: String,
    },
    /// The records naming a place: its incidents, or its rallies.
    Place {
        /// The place.
        place: Id,
        /// Its name.
        label: String,
        /// Whether the rallies held there were clicked (else the incidents).
        rallies: bool,
    },
    /// A place with no coordinates, to set them.
    SetPoint(Id),
}

/// The map's figures and places as last drawn, for what tests and exports ask of them.
#[derive(Default)]
pub struct MapState {
    /// The part of the map shown.
    pub view: MapView,
    /// The figures in places, with what they were worked out for.
    located: Option<(LocatedFor, Located)>,
    /// What was drawn where on the last frame, in points.
    pub targets: Vec<Target>,
}

impl MapState {
    /// The map looking at `view`.
    pub fn with_view(view: MapView) -> Self {
        Self { view, ..Self::default() }
    }
}

type LocatedFor = (u64, Pick, Filters, crate::i18n::Language);

/// The map with its title and notes, or a message when there is nothing on it.
pub(super) fn map_screen(
    ui: &mut egui::Ui,
    state: &mut ChartsState,
    dataset: &Dataset,
    revision: u64,
    filters: &Filters,
) -> Shown {
    let pick = state.options.pick;
    if state.in_background {
        if state.map.ready(revision, &pick, filters).is_none() {
            working_ui(ui, dataset);
            return Shown::Working;
        }
    } else {
        state.map.follow(dataset, revision, &pick, filters, &|_| None);
    }
    let Some(figures) = state.map.last() else {
        working_ui(ui, dataset);
        return Shown::Working;
    };
    if figures.flows.is_empty() && figures.venues.is_empty() {
        ui.add_space(24.0);
        ui.label(t!("chart-empty-map"));
        left_out_notes(ui, figures);
        return Shown::Empty;
    }
    let key = (revision, pick, filters.clone(), crate::i18n::language());
    let map_state = &mut state.map_state;
    if map_state.located.as_ref().is_none_or(|(worked_out, _)| *worked_out != key) {
        map_state.located = Some((key, locate(dataset, figures)));
    }
    let Some((_, located)) = map_state.located.as_ref() else { return Shown::Empty };
    let attendance = state.rally_attendance;
    let title = map_title(pick, filters);
    let mut request = None;
    let drawn = ui.scope(|ui| {
        ui.strong(title);
        left_out_notes(ui, figures);
        request = unplaced_ui(ui, located).map(ChartRequest::Map);
        ui.weak(t!("chart-note-map"));
        let (clicked, targets) = canvas_ui(ui, &mut map_state.view, (dataset, figures, located), attendance);
        map_state.targets = targets;
        ui.weak(t!("map-source"));
        clicked
    });
    state.plot_rect = Some(drawn.response.rect);
    Shown::Chart(request.or(drawn.inner.map(ChartRequest::Map)))
}

/// The map's own drawing, with pan, zoom, hovering and clicking.
fn canvas_ui(
    ui: &mut egui::Ui,
    view: &mut MapView,
    (dataset, figures, located): (&Dataset, &MapFigures, &Located),
    attendance: bool,
) -> (Option<MapClicked>, Vec<Target>) {
    let below = ui.spacing().interact_size.y + 4.0;
    let size = egui::vec2(ui.available_width(), (ui.available_height() - below).max(320.0));
    let (response, painter) = ui.allocate_painter(size, egui::Sense::click_and_drag());
    let name = t!("map-name");
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
    view.follow_pointer(ui, &response);
    view.keep_within_frame(response.rect);
    let look = paint::MapLook { dark: ui.visuals().dark_mode, attendance, text: ui.visuals().text_color() };
    let targets = paint::paint_map(&painter, response.rect, view, (figures, located), look);
    let hovered = response.hover_pos().and_then(|at| nearest(&targets, at));
    let clicked =
        response.clicked().then(|| response.interact_pointer_pos().and_then(|at| nearest(&targets, at)));
    if let Some(target) = hovered {
        let text = tooltip::tooltip(target, dataset, figures, located);
        response.clone().on_hover_text_at_pointer(text);
    }
    let clicked = clicked.flatten().map(|target| tooltip::clicked(target, dataset, figures, located));
    (clicked, targets)
}

/// The target under the pointer: the topmost it is on, else the one whose edge is nearest,
/// within a few points.
fn nearest(targets: &[Target], pointer: egui::Pos2) -> Option<&Target> {
    let distances = || targets.iter().rev().map(|target| (target.distance(pointer), target));
    distances().find(|(distance, _)| *distance <= 0.0).map(|(_, target)| target).or_else(|| {
        distances()
            .filter(|(distance, _)| *distance <= 3.0)
            .min_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal))
            .map(|(_, target)| target)
    })
}

/// The records the map cannot draw: no date, or no figure.
fn left_out_notes(ui: &mut egui::Ui, figures: &MapFigures) {
    let warn = ui.visuals().warn_fg_color;
    if figures.left_out.repatriations > 0 {
        ui.colored_label(warn, t!("chart-left-out-repatriations", count = figures.left_out.repatriations));
    }
    if figures.left_out.rallies > 0 {
        ui.colored_label(warn, t!("chart-left-out-rallies", count = figures.left_out.rallies));
    }
}

/// The records whose places have no point, counted, with the places listed and a way to set
/// their coordinates; and the records with no place at all.
fn unplaced_ui(ui: &mut egui::Ui, located: &Located) -> Option<MapClicked> {
    let warn = ui.visuals().warn_fg_color;
    if located.records_without_place > 0 {
        ui.colored_label(warn, t!("map-without-place", count = located.records_without_place));
    }
    if located.records_unplaced == 0 {
        return None;
    }
    let mut asked = None;
    let header = egui::RichText::new(t!("map-unplaced", count = located.records_unplaced)).color(warn);
    egui::CollapsingHeader::new(header).id_salt("map-unplaced").show(ui, |ui| {
        for place in &located.unplaced {
            ui.horizontal(|ui| {
                ui.label(t!("map-unplaced-place", name = &place.name, records = place.records));
                let button = ui.button(t!("map-set-point")).on_hover_text(t!("map-set-point-hint"));
                if button.clicked() {
                    asked = Some(MapClicked::SetPoint(place.id.clone()));
                }
            });
        }
    });
    asked
}

/// The map's title: what it shows, the estimate picked, the dates.
fn map_title(pick: Pick, filters: &Filters) -> String {
    use super::options::{filtered_note, pick_words, range_words};
    t!(
        "chart-title-map",
        pick = pick_words(pick),
        range = range_words(filters),
        filtered = filtered_note(filters)
    )
}

/// The view buttons: presets and zoom.
pub(super) fn view_ui(ui: &mut egui::Ui, view: &mut MapView) {
    ui.label(t!("map-view"));
    for preset in Preset::ALL {
        let name = match preset {
            Preset::Region => t!("map-view-region"),
            Preset::Border => t!("map-view-border"),
            Preset::Seoul => t!("map-view-seoul"),
        };
        if ui.button(name).clicked() {
            *view = MapView::preset(preset);
        }
    }
    if ui.button("+").on_hover_text(t!("map-zoom-in")).clicked() {
        view.zoom = (view.zoom * 1.5).min(40.0);
    }
    if ui.button("−").on_hover_text(t!("map-zoom-out")).clicked() {
        view.zoom = (view.zoom / 1.5).max(0.6);
    }
}
