//! A chart's picture as PNG: the chart is shown, a screenshot of the window is taken, and the
//! chart's part of it is written.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use eframe::egui;

use super::RepatriationWatchApp;
use crate::store;
use crate::t;

/// A chart picture being exported: the file asked for, and the screenshot on its way.
pub(super) struct PngExport {
    /// The file to write once the chart is on screen.
    pub(super) waiting: Option<PathBuf>,
    /// The file and the chart's place on screen, while the screenshot is taken.
    shooting: Option<(PathBuf, egui::Rect)>,
    sender: Sender<Arc<egui::ColorImage>>,
    receiver: Receiver<Arc<egui::ColorImage>>,
}

impl Default for PngExport {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self { waiting: None, shooting: None, sender, receiver }
    }
}

impl RepatriationWatchApp {
    /// Takes the screenshot of a chart being exported once the chart is on screen, and writes
    /// the picture once the screenshot arrives.
    pub(super) fn png_export_tick(&mut self, ctx: &egui::Context) {
        let export = &mut self.window.png_export;
        if let Some(path) = export.waiting.take() {
            if let Some(rect) = self.screens.charts.plot_rect.filter(|_| self.screens.show_charts) {
                let sender = export.sender.clone();
                let waker = ctx.clone();
                ctx.request_screenshot(move |image| {
                    let _ = sender.send(image);
                    waker.request_repaint();
                });
                export.shooting = Some((path, rect));
            } else {
                // The chart is drawn first; the picture is taken on the next frame.
                self.screens.show_charts = true;
                export.waiting = Some(path);
                ctx.request_repaint();
            }
        }
        let Ok(image) = export.receiver.try_recv() else { return };
        let Some((path, rect)) = export.shooting.take() else { return };
        let chart = image.region(&rect, Some(ctx.pixels_per_point()));
        let rgba: Vec<u8> = chart.pixels.iter().flat_map(egui::Color32::to_srgba_unmultiplied).collect();
        let (width, height) =
            (u32::try_from(chart.width()).unwrap_or(0), u32::try_from(chart.height()).unwrap_or(0));
        self.message = Some(match store::export_png(&rgba, width, height, &path) {
            Ok(()) => self.with_confidential_note(t!("chart-saved", path = path.display().to_string())),
            Err(error) => t!("chart-export-failed", error = crate::ui::errors::save_error(&error)),
        });
    }
}
