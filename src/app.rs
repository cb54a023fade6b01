//! The desktop app: a window listing the records of a dataset.

use std::path::{Path, PathBuf};

use eframe::egui;

use crate::model::{Dataset, Record, RecordKind};
use crate::store;

/// The app's state: the open dataset and what the window shows of it.
pub struct RepatriationWatchApp {
    dataset: Dataset,
    file_name: String,
    load_error: Option<String>,
    view: RecordKind,
}

impl RepatriationWatchApp {
    /// Opens `file`, or the built-in sample when none is given. A file that fails to load
    /// leaves the window empty with the error shown.
    pub fn open(file: Option<&Path>) -> Self {
        let (loaded, file_name) = match file {
            Some(path) => (store::load_file(path), path.display().to_string()),
            None => (store::load_sample(), store::SAMPLE_NAME.to_owned()),
        };
        let (dataset, load_error) = match loaded {
            Ok(dataset) => (dataset, None),
            Err(error) => (Dataset::default(), Some(error.to_string())),
        };
        Self { dataset, file_name, load_error, view: RecordKind::Incident }
    }

    /// The dataset shown.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    fn labels(&self) -> Vec<(String, String)> {
        fn rows<R: Record>(records: &[R]) -> Vec<(String, String)> {
            records.iter().map(|r| (r.id().to_string(), r.label().to_owned())).collect()
        }
        match self.view {
            RecordKind::Incident => rows(&self.dataset.incidents),
            RecordKind::Rally => rows(&self.dataset.rallies),
            RecordKind::Source => rows(&self.dataset.sources),
            RecordKind::Place => rows(&self.dataset.places),
            RecordKind::Organization => rows(&self.dataset.organizations),
        }
    }
}

impl eframe::App for RepatriationWatchApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("header").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(&self.file_name);
                ui.label(self.dataset.summary());
            });
            if let Some(error) = &self.load_error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
        });
        egui::Panel::left("kinds").show(ui, |ui| {
            for &kind in RecordKind::ALL {
                let label = format!("{} ({})", kind.name(), self.dataset.count(kind));
                ui.selectable_value(&mut self.view, kind, label);
            }
        });
        egui::CentralPanel::default().show(ui, |ui| {
            let rows = self.labels();
            let row_height = ui.text_style_height(&egui::TextStyle::Body);
            egui::ScrollArea::vertical().show_rows(ui, row_height, rows.len(), |ui, range| {
                for (id, label) in &rows[range] {
                    ui.horizontal(|ui| {
                        ui.monospace(id);
                        ui.label(label);
                    });
                }
            });
        });
    }
}

/// Opens the native window on `file`, or on the built-in sample.
pub fn run_native(file: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Repatriation Watch")
            .with_inner_size([1200.0, 760.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Repatriation Watch",
        options,
        Box::new(move |_creation| Ok(Box::new(RepatriationWatchApp::open(file.as_deref())))),
    )
}
