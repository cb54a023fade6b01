//! The map drawn: the land and sea, borders and rivers, reference names, then the records'
//! flows, places and rallies, and the insets for places far away. Returns what was drawn where,
//! for hovering and clicking.

use eframe::egui::{self, Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, Vec2};

use super::basemap::{Basemap, Projected, basemap};
use super::located::Located;
use super::view::MapView;
use crate::stats::{Figure, MapFigures};

/// Something drawn that the pointer can rest on.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A flow.
    Flow {
        /// Its index in the figures' flows.
        flow: usize,
        /// Its line on screen.
        line: Vec<Pos2>,
        /// How wide the pointer finds it.
        width: f32,
    },
    /// A place where people were sent from or to.
    Place {
        /// Its index in the located places.
        place: usize,
        /// Its centre on screen.
        center: Pos2,
        /// Its radius.
        radius: f32,
    },
    /// A place where rallies were held.
    Venue {
        /// Its index in the located places.
        place: usize,
        /// The marker's centre on screen.
        center: Pos2,
        /// The marker's radius.
        radius: f32,
    },
}

impl Target {
    /// How far the pointer is from it, beyond its edge (0 or less: on it).
    pub fn distance(&self, pointer: Pos2) -> f32 {
        match self {
            Self::Flow { line, width, .. } => distance_to_line(line, pointer) - width / 2.0,
            Self::Place { center, radius, .. } | Self::Venue { center, radius, .. } => {
                center.distance(pointer) - radius
            }
        }
    }
}

/// How the map is drawn: the theme, and whether rallies are sized by attendance.
#[derive(Clone, Copy, Debug)]
pub struct MapLook {
    /// Dark theme.
    pub dark: bool,
    /// Rallies sized by attendance (else by how many).
    pub attendance: bool,
    /// The text colour.
    pub text: Color32,
}

/// The colours of the map.
struct Colours {
    sea: Color32,
    land: Color32,
    land_of_interest: Color32,
    coast: Color32,
    border: Color32,
    river: Color32,
    reference: Color32,
    flow: Color32,
    flow_low: Color32,
    flow_high: Color32,
    place: Color32,
    venue: Color32,
    label_back: Color32,
}

impl Colours {
    fn of(look: MapLook) -> Self {
        if look.dark {
            Self {
                sea: Color32::from_rgb(24, 34, 46),
                land: Color32::from_rgb(48, 50, 54),
                land_of_interest: Color32::from_rgb(62, 64, 68),
                coast: Color32::from_rgb(92, 96, 104),
                border: Color32::from_rgb(220, 220, 225),
                river: Color32::from_rgb(80, 140, 200),
                reference: Color32::from_rgb(150, 152, 158),
                flow: Color32::from_rgb(232, 96, 92),
                flow_low: Color32::from_rgb(140, 30, 32),
                flow_high: Color32::from_rgba_unmultiplied(232, 96, 92, 70),
                place: Color32::from_rgb(96, 160, 230),
                venue: Color32::from_rgb(110, 200, 110),
                label_back: Color32::from_rgba_unmultiplied(20, 22, 26, 190),
            }
        } else {
            Self {
                sea: Color32::from_rgb(214, 230, 242),
                land: Color32::from_rgb(236, 234, 228),
                land_of_interest: Color32::from_rgb(250, 248, 240),
                coast: Color32::from_rgb(150, 150, 150),
                border: Color32::from_rgb(40, 40, 40),
                river: Color32::from_rgb(90, 150, 210),
                reference: Color32::from_rgb(110, 110, 110),
                flow: Color32::from_rgb(205, 60, 62),
                flow_low: Color32::from_rgb(120, 20, 24),
                flow_high: Color32::from_rgba_unmultiplied(205, 60, 62, 60),
                place: Color32::from_rgb(46, 110, 180),
                venue: Color32::from_rgb(40, 140, 60),
                label_back: Color32::from_rgba_unmultiplied(255, 255, 255, 200),
            }
        }
    }
}

/// Draws the map over `rect`; returns what the pointer can rest on, the last drawn on top.
pub fn paint_map(
    painter: &Painter,
    rect: Rect,
    view: &MapView,
    (figures, located): (&MapFigures, &Located),
    look: MapLook,
) -> Vec<Target> {
    let colours = Colours::of(look);
    let painter = painter.with_clip_rect(rect);
    let map = basemap();
    let to_screen = |p: Projected| view.to_screen(rect, p);
    painter.rect_filled(rect, 0.0, colours.sea);
    paint_land(&painter, map, &to_screen, &colours);
    let mut labels = Labels::default();
    let mut targets = Vec::new();
    let scale = Scale::of(figures, located, look.attendance);
    let radius = |index: usize| scale.marker_radius(&located.places[index]);
    let label_width = |text: &str| painter.layout_no_wrap(text.to_owned(), record_font(), look.text).size().x;
    let sizes = super::inset::Sizes { radius: &radius, label_width: &label_width, gap: LABEL_GAP };
    let insets = super::inset::insets(rect, located, &sizes);
    let in_inset: Vec<Option<Pos2>> = (0..located.places.len()).map(|index| insets.position(index)).collect();
    let truly: Vec<Pos2> = located
        .places
        .iter()
        .zip(&in_inset)
        .map(|(place, inset)| {
            inset.unwrap_or_else(|| to_screen(super::basemap::project(place.point.0, place.point.1)))
        })
        .collect();
    let mut shown = truly.clone();
    let radii: Vec<f32> = (0..located.places.len()).map(radius).collect();
    let in_insets: Vec<bool> = in_inset.iter().map(Option::is_some).collect();
    super::declutter::spread_apart(&mut shown, &radii, &in_insets);
    let screen_of = |index: usize| shown[index];
    insets.paint(&painter, colours_for_insets(&colours), look.text);
    paint_leaders(&painter, &truly, &shown, look.text);
    for (index, place) in located.places.iter().enumerate() {
        let center = screen_of(index);
        if place.incidents > 0 {
            let radius = scale.place_radius(place.people);
            painter.circle(
                center,
                radius,
                colours.place.gamma_multiply(0.85),
                Stroke::new(1.0, colours.land_of_interest),
            );
            targets.push(Target::Place { place: index, center, radius });
        }
        if place.rallies > 0 {
            let radius = scale.venue_radius(place.rallies, place.attendance);
            let offset =
                if place.incidents > 0 { Vec2::new(radius * 0.9, -radius * 0.9) } else { Vec2::ZERO };
            let at = center + offset;
            painter.add(diamond(at, radius, colours.venue, Stroke::new(1.0, colours.land_of_interest)));
            targets.push(Target::Venue { place: index, center: at, radius });
        }
    }
    // Flows over the markers, from rim to rim, so that a short one stays in sight.
    for &(flow, from, to) in &located.flows {
        let ends = (screen_of(from), screen_of(to));
        let radii =
            (scale.place_radius(located.places[from].people), scale.place_radius(located.places[to].people));
        targets.push(paint_flow(&painter, ends, radii, figures.flows[flow].people, (&scale, &colours), flow));
    }
    // The records' places are named first, beside their markers and off the flows and insets;
    // reference names give way to them all.
    labels.take_flows(&targets);
    labels.take_markers(&targets, 0.0);
    labels.taken.extend(insets.areas());
    for (index, place) in located.places.iter().enumerate() {
        let radius = radius(index).max(6.0);
        let font = (record_font(), look.text);
        labels.place(&painter, screen_of(index), radius, &place.name, font, colours.label_back, true);
    }
    labels.take_markers(&targets, 4.0);
    let records: Vec<(Pos2, &str)> = located
        .places
        .iter()
        .enumerate()
        .map(|(index, place)| (screen_of(index), place.name.as_str()))
        .collect();
    paint_reference_names(&painter, map, view, &to_screen, &mut labels, (&colours, look.text), &records);
    targets
}

/// The font of the records' places' names.
fn record_font() -> FontId {
    FontId::proportional(13.0)
}

/// The zoom from which the smaller cities are named.
const MINOR_CITIES_FROM: f32 = 2.4;

/// The space between a marker's edge and its name.
const LABEL_GAP: f32 = 3.0;

/// For each marker set apart from its point, a thin line to a dot on the point.
fn paint_leaders(painter: &Painter, truly: &[Pos2], shown: &[Pos2], text: Color32) {
    let colour = text.gamma_multiply(0.6);
    for (&point, &marker) in truly.iter().zip(shown) {
        if point.distance(marker) > 1.5 {
            painter.line_segment([point, marker], Stroke::new(1.0, colour));
            painter.circle_filled(point, 2.0, colour);
        }
    }
}

fn colours_for_insets(colours: &Colours) -> (Color32, Color32) {
    (colours.label_back, colours.coast)
}

/// The countries filled and outlined, the rivers and the borders.
fn paint_land(painter: &Painter, map: &Basemap, to_screen: &dyn Fn(Projected) -> Pos2, colours: &Colours) {
    for country in &map.countries {
        let fill = if matches!(country.iso.as_str(), "CN" | "KP" | "KR") {
            colours.land_of_interest
        } else {
            colours.land
        };
        let mut mesh = egui::Mesh::default();
        for &point in &country.points {
            mesh.colored_vertex(to_screen(point), fill);
        }
        for triangle in country.triangles.chunks_exact(3) {
            mesh.add_triangle(triangle[0], triangle[1], triangle[2]);
        }
        painter.add(Shape::mesh(mesh));
    }
    for country in &map.countries {
        for ring in &country.rings {
            let mut points: Vec<Pos2> = ring.iter().map(|&p| to_screen(p)).collect();
            if let Some(&first) = points.first() {
                points.push(first);
            }
            painter.add(Shape::line(points, Stroke::new(0.6, colours.coast)));
        }
    }
    for river in &map.rivers {
        for line in &river.lines {
            painter.add(Shape::line(
                line.iter().map(|&p| to_screen(p)).collect(),
                Stroke::new(1.0, colours.river),
            ));
        }
    }
    for border in &map.borders {
        let stroke = Stroke::new(if border.china_north_korea { 1.8 } else { 1.0 }, colours.border);
        for line in &border.lines {
            let points: Vec<Pos2> = line.iter().map(|&p| to_screen(p)).collect();
            if border.demarcation {
                painter.extend(Shape::dashed_line(&points, stroke, 5.0, 3.0));
            } else {
                painter.add(Shape::line(points, stroke));
            }
        }
    }
}

/// The names of countries, rivers, provinces (when zoomed in) and cities, where they fit.
fn paint_reference_names(
    painter: &Painter,
    map: &Basemap,
    view: &MapView,
    to_screen: &dyn Fn(Projected) -> Pos2,
    labels: &mut Labels,
    (colours, text): (&Colours, Color32),
    records: &[(Pos2, &str)],
) {
    let faint = text.gamma_multiply(0.45);
    for country in &map.countries {
        let at = to_screen(country.label);
        labels.centred(painter, at, country.names.shown(), (FontId::proportional(18.0), faint));
    }
    for river in &map.rivers {
        if let Some(label) = river.label {
            labels.centred(
                painter,
                to_screen(label),
                river.names.shown(),
                (FontId::proportional(12.0), colours.river),
            );
        }
    }
    if view.zoom >= 1.8 {
        for province in &map.provinces {
            labels.centred(
                painter,
                to_screen(province.point),
                province.names.shown(),
                (FontId::proportional(12.0), faint),
            );
        }
    }
    for city in &map.cities {
        let at = to_screen(city.point);
        let named_by_a_record = |(point, name): &(Pos2, &str)| {
            point.distance(at) < 40.0
                && [&city.names.en, &city.names.ko].iter().any(|own| own.eq_ignore_ascii_case(name))
        };
        if (city.minor && view.zoom < MINOR_CITIES_FROM) || records.iter().any(named_by_a_record) {
            continue;
        }
        let font = FontId::proportional(if city.capital { 13.0 } else { 11.5 });
        if labels.place(
            painter,
            at,
            2.5,
            city.names.shown(),
            (font, colours.reference),
            Color32::TRANSPARENT,
            false,
        ) {
            painter.circle_filled(at, if city.capital { 3.0 } else { 2.0 }, colours.reference);
        }
    }
}

/// The sizes of flows, places and rallies: each grows with its figure, the largest of its kind
/// at full size.
pub struct Scale {
    people: f64,
    rallies: f64,
    attendance: Option<f64>,
}

#[allow(clippy::cast_possible_truncation)] // sizes in screen points
impl Scale {
    /// The sizes for these figures.
    pub fn of(figures: &MapFigures, located: &Located, attendance: bool) -> Self {
        let largest = |values: &mut dyn Iterator<Item = f64>| values.fold(0.0_f64, f64::max);
        Self {
            people: largest(&mut figures.flows.iter().map(|f| f.people.high.unwrap_or(f.people.best)))
                .max(largest(&mut located.places.iter().map(|p| p.people.best))),
            rallies: largest(&mut located.places.iter().map(|p| p.rallies as f64)),
            attendance: attendance.then(|| largest(&mut located.places.iter().map(|p| p.attendance))),
        }
    }

    /// A flow's width for a number of people.
    pub fn flow_width(&self, people: f64) -> f32 {
        if self.people <= 0.0 {
            return 1.5;
        }
        (1.5 + 16.0 * (people / self.people).clamp(0.0, 1.0)) as f32
    }

    /// A place's radius, its area following the people sent from or to it.
    pub fn place_radius(&self, people: Figure) -> f32 {
        if self.people <= 0.0 {
            return 4.0;
        }
        (4.0 + 16.0 * (people.best / self.people).clamp(0.0, 1.0).sqrt()) as f32
    }

    /// How far a place's markers reach from its point: its circle, and the diamond of its
    /// rallies (set off to the upper right when it has a circle too).
    pub fn marker_radius(&self, place: &super::located::MapPlace) -> f32 {
        let circle = if place.incidents > 0 { self.place_radius(place.people) } else { 0.0 };
        let diamond = if place.rallies == 0 {
            0.0
        } else if place.incidents > 0 {
            self.venue_radius(place.rallies, place.attendance) * 2.3
        } else {
            self.venue_radius(place.rallies, place.attendance)
        };
        circle.max(diamond)
    }

    /// A rally marker's radius, its area following the rallies or their attendance.
    pub fn venue_radius(&self, rallies: usize, attendance: f64) -> f32 {
        let (value, largest) = match self.attendance {
            Some(largest) => (attendance, largest),
            None => (rallies as f64, self.rallies),
        };
        if largest <= 0.0 {
            return 5.0;
        }
        (5.0 + 12.0 * (value / largest).clamp(0.0, 1.0).sqrt()) as f32
    }
}

/// A flow from the marker at `start` to the one at `end` (with their radii): a curve bending to
/// its right, so the flow back bends the other way, drawn from rim to rim and bulging out when the
/// markers are close; a pale band as wide as the highest figure (dashed when open-ended), the line
/// as wide as the preferred, a dark core as wide as the lowest, and an arrowhead.
fn paint_flow(
    painter: &Painter,
    (start, end): (Pos2, Pos2),
    radii: (f32, f32),
    people: Figure,
    (scale, colours): (&Scale, &Colours),
    flow: usize,
) -> Target {
    let line = curve(start, end, (radii.0 + 2.0, radii.1 + 3.0));
    let best = scale.flow_width(people.best);
    match people.high {
        Some(high) if high > people.best => {
            painter.add(Shape::line(line.clone(), Stroke::new(scale.flow_width(high), colours.flow_high)));
        }
        Some(_) => {}
        None => {
            let open = Stroke::new(best + 6.0, colours.flow_high);
            painter.extend(Shape::dashed_line(&line, open, 6.0, 4.0));
        }
    }
    painter.add(Shape::line(line.clone(), Stroke::new(best, colours.flow)));
    if people.low > 0.0 && people.low < people.best {
        painter.add(Shape::line(
            line.clone(),
            Stroke::new(scale.flow_width(people.low) * 0.5, colours.flow_low),
        ));
    }
    if let [.., before, tip] = line.as_slice() {
        let direction = (*tip - *before).normalized();
        let across = direction.rot90();
        let size = best.max(4.0) * 1.2 + 4.0;
        let head = vec![
            *tip + direction * size * 0.6,
            *tip - direction * size * 0.6 + across * size * 0.6,
            *tip - direction * size * 0.6 - across * size * 0.6,
        ];
        painter.add(Shape::convex_polygon(head, colours.flow, Stroke::NONE));
    }
    Target::Flow { flow, line, width: best.max(8.0) }
}

/// The points of a quadratic curve from `start` to `end` bending to the right of the way, without
/// the parts within `short.0` of `start` and `short.1` of `end` (the markers there). Ends too
/// close for a line between the markers to show are joined by an arc bulging out beyond them.
pub fn curve(start: Pos2, end: Pos2, short: (f32, f32)) -> Vec<Pos2> {
    let way = end - start;
    let length = way.length();
    let along = if length > 0.5 { way / length } else { Vec2::X };
    let clear = short.0 + short.1 + 16.0;
    // Ends almost on each other are set apart, so the arc leaves one marker and enters the other.
    let spread = (short.0.max(short.1) - length).max(0.0) / 2.0;
    let (from, to) = (start - along * spread, end + along * spread);
    let bend = if length >= clear { length * 0.18 } else { 2.0 * (short.0.max(short.1) + 18.0) };
    let control = from + (to - from) * 0.5 + along.rot90() * bend;
    let at = |t: f32| {
        let u = 1.0 - t;
        Pos2::new(
            u * u * from.x + 2.0 * u * t * control.x + t * t * to.x,
            u * u * from.y + 2.0 * u * t * control.y + t * t * to.y,
        )
    };
    let points: Vec<Pos2> = (0..=48).map(|i| at(i as f32 / 48.0)).collect();
    let outside = |p: &Pos2| p.distance(start) >= short.0 && p.distance(end) >= short.1;
    let kept: Vec<Pos2> = points.iter().copied().filter(outside).collect();
    if kept.len() >= 2 { kept } else { vec![points[23], points[25]] }
}

fn diamond(center: Pos2, radius: f32, fill: Color32, stroke: Stroke) -> Shape {
    let points = vec![
        center + Vec2::new(0.0, -radius),
        center + Vec2::new(radius, 0.0),
        center + Vec2::new(0.0, radius),
        center + Vec2::new(-radius, 0.0),
    ];
    Shape::convex_polygon(points, fill, stroke)
}

fn distance_to_line(line: &[Pos2], pointer: Pos2) -> f32 {
    line.windows(2)
        .map(|pair| {
            let (a, b) = (pair[0], pair[1]);
            let along = b - a;
            let t = ((pointer - a).dot(along) / along.length_sq().max(1e-6)).clamp(0.0, 1.0);
            pointer.distance(a + along * t)
        })
        .fold(f32::INFINITY, f32::min)
}

/// The labels written so far, so that a later one does not cover an earlier one.
#[derive(Default)]
struct Labels {
    taken: Vec<Rect>,
}

impl Labels {
    /// Writes a label beside a point (right, left, above or below, the first that is free; a
    /// label that must be written goes right when none is); returns whether it was written.
    #[allow(clippy::too_many_arguments)]
    fn place(
        &mut self,
        painter: &Painter,
        point: Pos2,
        radius: f32,
        text: &str,
        (font, colour): (FontId, Color32),
        back: Color32,
        must: bool,
    ) -> bool {
        let galley = painter.layout_no_wrap(text.to_owned(), font, colour);
        let size = galley.size();
        let gap = radius + LABEL_GAP;
        let spots = [
            Pos2::new(point.x + gap, point.y - size.y / 2.0),
            Pos2::new(point.x - gap - size.x, point.y - size.y / 2.0),
            Pos2::new(point.x - size.x / 2.0, point.y - gap - size.y),
            Pos2::new(point.x - size.x / 2.0, point.y + gap),
        ];
        let free = spots.iter().map(|&at| Rect::from_min_size(at, size)).find(|r| self.is_free(*r));
        let Some(spot) = free.or_else(|| must.then(|| Rect::from_min_size(spots[0], size))) else {
            return false;
        };
        if back != Color32::TRANSPARENT {
            painter.rect_filled(spot.expand(1.5), 2.0, back);
        }
        painter.galley(spot.min, galley, colour);
        self.taken.push(spot.expand(2.0));
        true
    }

    /// Writes a label centred on a point when it is free.
    fn centred(&mut self, painter: &Painter, point: Pos2, text: &str, (font, colour): (FontId, Color32)) {
        let galley = painter.layout_no_wrap(text.to_owned(), font, colour);
        let spot = Align2::CENTER_CENTER.anchor_size(point, galley.size());
        if self.is_free(spot) && painter.clip_rect().contains_rect(spot) {
            painter.galley(spot.min, galley, colour);
            self.taken.push(spot.expand(2.0));
        }
    }

    /// Keeps labels off the flows drawn.
    fn take_flows(&mut self, targets: &[Target]) {
        for target in targets {
            if let Target::Flow { line, width, .. } = target {
                let half = Vec2::splat(width / 2.0);
                self.taken.extend(line.iter().step_by(3).map(|&p| Rect::from_min_max(p - half, p + half)));
            }
        }
    }

    /// Keeps the names that follow off the markers drawn, with `margin` around them (a marker's
    /// own name, written beyond its edge, is not kept off by it).
    fn take_markers(&mut self, targets: &[Target], margin: f32) {
        for target in targets {
            if let Target::Place { center, radius, .. } | Target::Venue { center, radius, .. } = target {
                self.taken.push(Rect::from_center_size(*center, Vec2::splat((radius + margin) * 2.0)));
            }
        }
    }

    fn is_free(&self, rect: Rect) -> bool {
        !self.taken.iter().any(|taken| taken.intersects(rect))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flow_and_the_flow_back_bend_apart() {
        let (a, b) = (Pos2::new(0.0, 0.0), Pos2::new(100.0, 0.0));
        let there = curve(a, b, (0.0, 0.0));
        let back = curve(b, a, (0.0, 0.0));
        let middle = |line: &[Pos2]| line[line.len() / 2];
        assert!(
            (middle(&there).y - middle(&back).y).abs() > 10.0,
            "{:?} {:?}",
            middle(&there),
            middle(&back)
        );
        let short = curve(a, b, (10.0, 20.0));
        assert!(short.first().is_some_and(|p| p.distance(a) >= 10.0));
        assert!(short.last().is_some_and(|p| p.distance(b) >= 20.0));
    }

    #[test]
    fn markers_close_together_are_joined_by_an_arc_outside_them() {
        for gap in [0.0, 3.0, 12.0] {
            let (a, b) = (Pos2::new(100.0, 100.0), Pos2::new(100.0 + gap, 100.0));
            let line = curve(a, b, (12.0, 15.0));
            let length: f32 = line.windows(2).map(|pair| pair[0].distance(pair[1])).sum();
            assert!(length > 30.0, "a visible arc at gap {gap}: {line:?}");
            assert!(line.iter().all(|p| p.distance(a) >= 12.0 && p.distance(b) >= 15.0), "{line:?}");
        }
    }

    #[test]
    fn the_pointer_is_on_a_flow_within_its_width() {
        let target =
            Target::Flow { flow: 0, line: vec![Pos2::new(0.0, 0.0), Pos2::new(100.0, 0.0)], width: 10.0 };
        assert!(target.distance(Pos2::new(50.0, 4.0)) <= 0.0);
        assert!(target.distance(Pos2::new(50.0, 12.0)) > 0.0);
    }
}
