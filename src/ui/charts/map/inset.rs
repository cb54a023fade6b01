//! Places beyond the map's outlines (rallies in New York or Geneva) drawn in small boxes at the
//! map's top right, one per city, so that north-east Asia stays readable.

use eframe::egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, StrokeKind, Vec2};

use super::located::Located;

/// The insets of a map and where their places are drawn.
pub struct Insets {
    boxes: Vec<(String, Rect)>,
    positions: Vec<(usize, Pos2)>,
}

const WIDTH: f32 = 150.0;
const HEIGHT: f32 = 62.0;

/// The insets for the far places of `located`, in `rect`.
pub fn insets(rect: Rect, located: &Located) -> Insets {
    let mut names: Vec<&str> = located.places.iter().filter_map(|p| p.inset.as_deref()).collect();
    names.sort_unstable();
    names.dedup();
    let mut boxes = Vec::new();
    let mut positions = Vec::new();
    for (row, name) in names.into_iter().enumerate() {
        let top = rect.top() + 8.0 + row as f32 * (HEIGHT + 6.0);
        let area = Rect::from_min_size(Pos2::new(rect.right() - WIDTH - 8.0, top), Vec2::new(WIDTH, HEIGHT));
        let members: Vec<usize> =
            (0..located.places.len()).filter(|&i| located.places[i].inset.as_deref() == Some(name)).collect();
        let step = area.width() / (members.len() as f32 + 1.0);
        for (slot, index) in members.into_iter().enumerate() {
            positions
                .push((index, Pos2::new(area.left() + step * (slot as f32 + 1.0), area.center().y + 8.0)));
        }
        boxes.push((name.to_owned(), area));
    }
    Insets { boxes, positions }
}

impl Insets {
    /// Where a far place is drawn, if it is one.
    pub fn position(&self, place: usize) -> Option<Pos2> {
        self.positions.iter().find(|(index, _)| *index == place).map(|(_, at)| *at)
    }

    /// The boxes with their titles (the places' markers are drawn over them with the others).
    pub fn paint(&self, painter: &Painter, (back, edge): (Color32, Color32), text: Color32) {
        for (name, area) in &self.boxes {
            painter.rect(*area, 3.0, back, Stroke::new(1.0, edge), StrokeKind::Inside);
            painter.text(
                area.left_top() + Vec2::new(6.0, 4.0),
                Align2::LEFT_TOP,
                name,
                FontId::proportional(12.0),
                text,
            );
        }
    }
}
