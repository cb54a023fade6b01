//! Where the map looks: its centre and zoom, moved by dragging and scrolling, and the
//! projection's points put on the screen.

use eframe::egui::{self, Pos2, Rect, Vec2};

use super::basemap::{Projected, frame_box, opening_box, project};

/// The part of the map shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    /// The point at the centre, projected.
    pub center: Projected,
    /// How far zoomed in: 1 shows the whole region.
    pub zoom: f32,
}

/// The most and least the map zooms.
const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.6..=40.0;

impl Default for MapView {
    fn default() -> Self {
        Self::region()
    }
}

/// The views the map offers at a click.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// North-east China and both Koreas.
    Region,
    /// The Yalu and Tumen, from Dandong to Rason.
    Border,
    /// Seoul and its embassies.
    Seoul,
}

impl Preset {
    /// Every view, in the order offered.
    pub const ALL: [Self; 3] = [Self::Region, Self::Border, Self::Seoul];
}

impl MapView {
    /// The whole region.
    pub fn region() -> Self {
        let (a, b) = opening_box();
        Self { center: [f32::midpoint(a[0], b[0]), f32::midpoint(a[1], b[1])], zoom: 1.0 }
    }

    /// One of the views offered.
    pub fn preset(preset: Preset) -> Self {
        match preset {
            Preset::Region => Self::region(),
            Preset::Border => Self { center: project(127.2, 41.3), zoom: 2.6 },
            Preset::Seoul => Self { center: project(126.98, 37.56), zoom: 9.0 },
        }
    }

    /// Screen points per projected unit in `rect`.
    pub fn scale(&self, rect: Rect) -> f32 {
        let (a, b) = opening_box();
        let (width, height) = ((b[0] - a[0]).max(1e-6), (b[1] - a[1]).max(1e-6));
        (rect.width() / width).min(rect.height() / height) * self.zoom
    }

    /// Where a projected point falls on the screen.
    pub fn to_screen(&self, rect: Rect, point: Projected) -> Pos2 {
        let scale = self.scale(rect);
        rect.center() + Vec2::new(point[0] - self.center[0], point[1] - self.center[1]) * scale
    }

    /// Moves the view by a drag of `delta` screen points.
    pub fn drag(&mut self, rect: Rect, delta: Vec2) {
        let scale = self.scale(rect);
        self.center[0] -= delta.x / scale;
        self.center[1] -= delta.y / scale;
    }

    /// Zooms by `factor`, keeping the point under `anchor` where it is.
    pub fn zoom_at(&mut self, rect: Rect, anchor: Pos2, factor: f32) {
        let before = self.scale(rect);
        let zoom = (self.zoom * factor).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
        let offset = anchor - rect.center();
        let under = [self.center[0] + offset.x / before, self.center[1] + offset.y / before];
        self.zoom = zoom;
        let after = self.scale(rect);
        self.center = [under[0] - offset.x / after, under[1] - offset.y / after];
    }

    /// Keeps what `rect` shows inside the outlines' frame, so that no edge of the outlines is
    /// ever in sight: zoomed in enough for the frame to fill it, and moved back from its edges.
    pub fn keep_within_frame(&mut self, rect: Rect) {
        let (west_north, east_south) = frame_box();
        let frame = [east_south[0] - west_north[0], east_south[1] - west_north[1]];
        let scale = self.scale(rect);
        let shown = [rect.width() / scale, rect.height() / scale];
        let fill = (shown[0] / frame[0]).max(shown[1] / frame[1]);
        if fill > 1.0 {
            self.zoom *= fill;
        }
        let scale = self.scale(rect);
        for axis in 0..2 {
            let half = [rect.width(), rect.height()][axis] / scale / 2.0;
            let (low, high) = (west_north[axis] + half, east_south[axis] - half);
            self.center[axis] =
                if low <= high { self.center[axis].clamp(low, high) } else { f32::midpoint(low, high) };
        }
    }

    /// Follows the pointer over the map: a drag moves it, scrolling or pinching zooms it.
    pub fn follow_pointer(&mut self, ui: &egui::Ui, response: &egui::Response) {
        let rect = response.rect;
        if response.dragged() {
            self.drag(rect, response.drag_delta());
        }
        if let Some(anchor) = response.hover_pos() {
            let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = pinch * (scroll * 0.003).exp();
            if (factor - 1.0).abs() > 1e-4 {
                self.zoom_at(rect, anchor, factor);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let mut view = MapView::region();
        let seoul = project(126.98, 37.56);
        let at = view.to_screen(rect, seoul);
        view.zoom_at(rect, at, 3.0);
        assert!((view.to_screen(rect, seoul) - at).length() < 0.01);
        assert!((view.zoom - 3.0).abs() < 1e-6);
        view.drag(rect, Vec2::new(10.0, -5.0));
        assert!((view.to_screen(rect, seoul) - (at + Vec2::new(10.0, -5.0))).length() < 0.01);
    }

    #[test]
    fn the_view_never_shows_beyond_the_outlines() {
        let (west_north, east_south) = frame_box();
        for size in [Vec2::new(900.0, 600.0), Vec2::new(2400.0, 500.0), Vec2::new(400.0, 1200.0)] {
            let rect = Rect::from_min_size(Pos2::new(10.0, 20.0), size);
            for mut view in [MapView::region(), MapView { center: project(100.0, 60.0), zoom: 0.6 }] {
                view.keep_within_frame(rect);
                let (a, b) = (view.to_screen(rect, west_north), view.to_screen(rect, east_south));
                assert!(a.x <= rect.left() + 0.01 && a.y <= rect.top() + 0.01, "{size:?} {a:?}");
                assert!(b.x >= rect.right() - 0.01 && b.y >= rect.bottom() - 0.01, "{size:?} {b:?}");
            }
        }
    }

    #[test]
    fn the_region_shows_the_border_and_both_koreas() {
        let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(900.0, 600.0));
        let view = MapView::region();
        for (lon, lat) in [(124.39, 40.13), (129.82, 42.97), (126.98, 37.56), (129.08, 35.18)] {
            assert!(rect.contains(view.to_screen(rect, project(lon, lat))), "{lon}, {lat}");
        }
    }
}
