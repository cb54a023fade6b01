//! Places beyond the map's outlines (rallies in New York or Geneva) drawn in small boxes at the
//! map's top right, one per city, each place on its own row, so that north-east Asia stays
//! readable.

use eframe::egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, StrokeKind, Vec2};

use super::located::Located;

/// The insets of a map and where their places are drawn.
pub struct Insets {
    boxes: Vec<(String, Rect)>,
    positions: Vec<(usize, Pos2)>,
}

/// The font of an inset's title.
const TITLE: f32 = 12.0;
/// The space inside a box's edge.
const MARGIN: f32 = 6.0;

/// How an inset's places are drawn: their markers' radii and their labels' widths.
pub struct Sizes<'a> {
    /// The radius of a place's marker.
    pub radius: &'a dyn Fn(usize) -> f32,
    /// The width of a label.
    pub label_width: &'a dyn Fn(&str) -> f32,
    /// The gap between a marker's edge and its label.
    pub gap: f32,
}

/// The insets for the far places of `located`, in `rect`: each box as wide as its longest label
/// and as tall as its places.
pub fn insets(rect: Rect, located: &Located, sizes: &Sizes<'_>) -> Insets {
    let mut names: Vec<&str> = located.places.iter().filter_map(|p| p.inset.as_deref()).collect();
    names.sort_unstable();
    names.dedup();
    let mut boxes = Vec::new();
    let mut positions = Vec::new();
    let mut top = rect.top() + 8.0;
    for name in names {
        let members: Vec<usize> =
            (0..located.places.len()).filter(|&i| located.places[i].inset.as_deref() == Some(name)).collect();
        let widest = members.iter().map(|&i| (sizes.radius)(i)).fold(4.0_f32, f32::max);
        let labels =
            members.iter().map(|&i| (sizes.label_width)(&located.places[i].name)).fold(0.0, f32::max);
        let width =
            (MARGIN * 2.0 + widest * 2.0 + sizes.gap + labels).max((sizes.label_width)(name) + MARGIN * 2.0);
        let mut y = top + MARGIN + TITLE + 6.0;
        for &index in &members {
            let radius = (sizes.radius)(index).max(8.0);
            positions.push((index, Pos2::new(rect.right() - 8.0 - width + MARGIN + widest, y + radius)));
            y += radius * 2.0 + 4.0;
        }
        let area = Rect::from_min_max(
            Pos2::new(rect.right() - 8.0 - width, top),
            Pos2::new(rect.right() - 8.0, y + 2.0),
        );
        boxes.push((name.to_owned(), area));
        top = area.bottom() + 6.0;
    }
    Insets { boxes, positions }
}

impl Insets {
    /// Where a far place is drawn, if it is one.
    pub fn position(&self, place: usize) -> Option<Pos2> {
        self.positions.iter().find(|(index, _)| *index == place).map(|(_, at)| *at)
    }

    /// The boxes' areas.
    pub fn areas(&self) -> impl Iterator<Item = Rect> + '_ {
        self.boxes.iter().map(|(_, area)| *area)
    }

    /// The boxes with their titles (the places' markers are drawn over them with the others).
    pub fn paint(&self, painter: &Painter, (back, edge): (Color32, Color32), text: Color32) {
        for (name, area) in &self.boxes {
            painter.rect(*area, 3.0, back, Stroke::new(1.0, edge), StrokeKind::Inside);
            painter.text(
                area.left_top() + Vec2::new(MARGIN, 4.0),
                Align2::LEFT_TOP,
                name,
                FontId::proportional(TITLE),
                text,
            );
        }
    }
}
