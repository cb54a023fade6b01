//! The app in a headless context, driven a frame at a time as a window would: for the
//! benchmarks of frames and of opening a file.

use std::path::Path;
use std::time::{Duration, Instant};

use eframe::App;
use eframe::egui::{self, Event, Pos2, RawInput, Rect, Vec2};
use repatriation_watch::app::{AppOptions, RepatriationWatchApp};
use repatriation_watch::i18n::Language;

/// The size of the screen the app is drawn on.
pub const SCREEN: Vec2 = Vec2::new(1280.0, 800.0);

/// The app in a headless context, one frame at a time.
pub struct Driver {
    /// The context the app draws in.
    pub ctx: egui::Context,
    /// The app.
    pub app: RepatriationWatchApp,
    frame: eframe::Frame,
    time: f64,
}

impl Driver {
    /// The app started on `file`, which it begins opening at once (its recovery files in
    /// `recovery`); no frame drawn yet.
    pub fn starting(file: &Path, recovery: &Path) -> Self {
        let ctx = egui::Context::default();
        let options = AppOptions {
            file: Some(file.to_owned()),
            data_dir: Some(recovery.to_owned()),
            file_dialogs: false,
            autosave_delay: Duration::from_secs(3),
            language: Some(Language::English),
            background_from_bytes: repatriation_watch::app::BACKGROUND_FROM_BYTES,
        };
        let creation = eframe::CreationContext::_new_kittest(ctx.clone());
        let app = RepatriationWatchApp::new(&creation, options);
        Self { ctx, app, frame: eframe::Frame::_new_kittest(), time: 0.0 }
    }

    /// The app with `file` open and its first frames drawn.
    pub fn opened(file: &Path, recovery: &Path) -> Self {
        let mut driver = Self::starting(file, recovery);
        driver.wait_until_loaded();
        driver.settle();
        driver
    }

    /// Runs frames until the dataset is loaded and checked (both may run in the background).
    pub fn wait_until_loaded(&mut self) {
        while self.app.is_busy() || self.app.is_checking() {
            self.frame(Vec::new());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// A few frames for layout to settle and caches to fill.
    pub fn settle(&mut self) {
        for _ in 0..5 {
            self.frame(Vec::new());
        }
    }

    /// One frame with these input events: the app's update and the tessellation.
    pub fn frame(&mut self, events: Vec<Event>) -> Duration {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events,
            ..RawInput::default()
        };
        let start = Instant::now();
        let mut output = self.ctx.run_ui(input, |ui| self.app.ui(ui, &mut self.frame));
        // No painter here to upload the font atlas to.
        output.textures_delta.clear();
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
        start.elapsed()
    }

    /// Pastes `text` with Shift held, as Ctrl+Shift+V does: the article dialog opens on it.
    pub fn paste_article(&mut self, text: &str) {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            events: vec![Event::ModifiersChanged(egui::Modifiers::SHIFT), Event::Paste(text.to_owned())],
            ..RawInput::default()
        };
        let mut output = self.ctx.run_ui(input, |ui| self.app.ui(ui, &mut self.frame));
        output.textures_delta.clear();
        self.frame(vec![Event::ModifiersChanged(egui::Modifiers::NONE)]);
        self.settle();
    }
}
