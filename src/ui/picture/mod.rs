//! Pictures drawn without a window: the screen's own drawing code runs in an egui context of
//! its own, with the app's fonts and theme, and the shapes it leaves are the picture. They are
//! written as SVG (`svg.rs`) and turned into pixels by `resvg` (`raster.rs`), so a chart
//! exported from the window, from the command line or into a report is the chart the window
//! draws.

mod raster;
mod svg;

use eframe::egui::{self, Pos2, Rect, epaint::ClippedShape};

pub use self::raster::{RasterError, rasterize};
pub use self::svg::svg_document;

/// The room left around a picture's content, in points: the window's panels leave as much.
pub const MARGIN: f32 = 8.0;

/// How many frames a picture is drawn for before its shapes are taken: the fonts are loaded
/// on the first, and plots settle their axes on the next.
const FRAMES: usize = 3;

/// How a picture looks: light or dark, and the pixels a point of the window it stands for has
/// (text and lines are laid out on them).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    /// Light or dark.
    pub theme: egui::Theme,
    /// The window's pixels a point (1 on most screens, 2 on a high-density one).
    pub pixels_per_point: f32,
}

impl Default for Look {
    fn default() -> Self {
        Self { theme: egui::Theme::Light, pixels_per_point: 1.0 }
    }
}

/// A picture: the shapes drawn on a canvas of `size` points, background included.
#[derive(Clone, Debug)]
pub struct Picture {
    /// The canvas, in points.
    pub size: egui::Vec2,
    /// What was painted, in order, each with its clip rectangle.
    pub shapes: Vec<ClippedShape>,
}

impl Picture {
    /// Draws `content` on a panel of `size` points (its margin included), in the app's fonts
    /// and the look given, and keeps what it painted.
    pub fn draw(size: egui::Vec2, look: Look, mut content: impl FnMut(&mut egui::Ui)) -> Self {
        let ctx = egui::Context::default();
        crate::ui::fonts::install_fonts(&ctx);
        ctx.set_theme(look.theme);
        let screen = Rect::from_min_size(Pos2::ZERO, size);
        let mut shapes = Vec::new();
        for _ in 0..FRAMES {
            let mut input = egui::RawInput { screen_rect: Some(screen), ..egui::RawInput::default() };
            // Text and lines are placed on the pixels of the window the picture stands for.
            input.viewports.entry(egui::ViewportId::ROOT).or_default().native_pixels_per_point =
                Some(look.pixels_per_point);
            let mut output = ctx.run_ui(input, |ui| {
                let frame = egui::Frame::central_panel(ui.style()).inner_margin(MARGIN);
                egui::CentralPanel::default().frame(frame).show(ui, &mut content);
            });
            // No texture is uploaded: the picture's text is written as text.
            output.textures_delta.clear();
            shapes = output.shapes;
        }
        Self { size, shapes }
    }

    /// The picture as an SVG document, one unit a point.
    pub fn svg(&self) -> String {
        svg_document(&self.shapes, self.size)
    }

    /// The picture's pixels at `scale` pixels a point: width, height and RGBA rows.
    pub fn pixels(&self, scale: f32) -> Result<(u32, u32, Vec<u8>), RasterError> {
        rasterize(&self.svg(), scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_becomes_text_where_egui_laid_it_out_ligatures_kept_whole() {
        let picture = Picture::draw(egui::vec2(300.0, 80.0), Look::default(), |ui| {
            ui.label("the figures 강제북송");
        });
        let svg = picture.svg();
        // The panel's background first, then the words as text in the bundled fonts.
        assert!(svg.contains(r#"<rect x="0" y="0" width="300" height="80""#), "{svg}");
        let texts: Vec<&str> = svg.lines().filter(|line| line.starts_with("<text")).collect();
        let words: String = texts
            .iter()
            .filter_map(|line| line.split('>').nth(1))
            .map(|t| t.trim_end_matches("</text"))
            .collect();
        assert_eq!(words, "the figures 강제북송", "{svg}");
        // "fi" is one glyph in egui's fonts: its "i" has no place of its own, so the renderer
        // shapes the two together again.
        let fi = texts.iter().find(|line| line.contains("fi</text>")).expect("an element ends in fi");
        let places = fi
            .split("x=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .map_or(0, |xs| xs.split(' ').count());
        let letters = fi.split('>').nth(1).map_or(0, |t| t.trim_end_matches("</text").chars().count());
        assert_eq!(places + 1, letters, "{fi}");
        // And it is drawn: the picture has ink where the words are.
        let (width, _, rgba) = picture.pixels(1.0).expect("pixels");
        let dark = rgba.chunks_exact(4).filter(|pixel| pixel[0] < 200).count();
        assert!(dark > 100 && width == 300, "{dark} dark pixels");
    }
}
