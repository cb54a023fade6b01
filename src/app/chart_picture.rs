//! A chart's picture exported from the window: drawn again without a window, at the size it
//! has on screen (or a usual size when the charts were never shown), in the window's theme and
//! pixel density, and written as PNG or SVG. No screenshot is taken.

use std::path::Path;

use eframe::egui;

use super::RepatriationWatchApp;
use crate::store;
use crate::t;
use crate::ui::charts::{canvas_for, chart_picture};
use crate::ui::errors::save_error;
use crate::ui::picture::Look;

/// The canvas of a chart exported before the charts were shown, in points.
const USUAL_CANVAS: egui::Vec2 = egui::vec2(1000.0, 600.0);

/// A picture's file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PictureFormat {
    /// Pixels, at the window's density.
    Png,
    /// Shapes and text.
    Svg,
}

impl RepatriationWatchApp {
    /// Draws the chart shown and writes its picture to `path`; says how it went.
    pub(super) fn export_chart_picture(&mut self, path: &Path, format: PictureFormat) {
        let look = self.window.look;
        let canvas = self.screens.charts.plot_rect.map_or(USUAL_CANVAS, canvas_for);
        let document = &self.open.document;
        let drawn = chart_picture(
            &mut self.screens.charts,
            (document.dataset(), document.revision()),
            &self.screens.filters,
            canvas,
            look,
        );
        let written = match drawn {
            Err(nothing) => {
                self.message = Some(t!("chart-export-failed", error = nothing.0));
                return;
            }
            Ok(picture) => match format {
                PictureFormat::Svg => store::export_svg(&picture.svg(), path).map_err(|e| save_error(&e)),
                PictureFormat::Png => match picture.pixels(look.pixels_per_point) {
                    Ok((width, height, rgba)) => {
                        store::export_png(&rgba, width, height, path).map_err(|e| save_error(&e))
                    }
                    Err(error) => Err(error.to_string()),
                },
            },
        };
        self.message = Some(match written {
            Ok(()) => self.with_confidential_note(t!("chart-saved", path = path.display().to_string())),
            Err(error) => t!("chart-export-failed", error = error),
        });
    }
}

/// The look of the window's pictures: its theme and pixel density.
pub(super) fn window_look(ctx: &egui::Context) -> Look {
    Look { theme: ctx.theme(), pixels_per_point: ctx.pixels_per_point() }
}
