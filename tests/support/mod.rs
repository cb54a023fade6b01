//! Driving the real app through `egui_kittest`, by labels, as a user would.
#![allow(dead_code)]

pub mod bus;

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use repatriation_watch::app::{AppOptions, RepatriationWatchApp};
use repatriation_watch::i18n::Language;
use repatriation_watch::store::SAMPLE_RON;

/// A folder with a copy of the sample as `data.ron`, and one for recovery files.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        std::fs::write(dir.path().join("data.ron"), SAMPLE_RON).expect("write the sample");
        Self { dir }
    }

    pub fn data_file(&self) -> PathBuf {
        self.dir.path().join("data.ron")
    }

    pub fn recovery_dir(&self) -> PathBuf {
        self.dir.path().join("recovery")
    }

    pub fn options(&self, file: Option<&Path>) -> AppOptions {
        AppOptions {
            file: file.map(Path::to_owned),
            data_dir: Some(self.recovery_dir()),
            file_dialogs: false,
            autosave_delay: Duration::ZERO,
            language: Some(Language::English),
            background_from_bytes: repatriation_watch::app::BACKGROUND_FROM_BYTES,
        }
    }

    /// The app on `data.ron`.
    pub fn harness(&self) -> Harness<'static, RepatriationWatchApp> {
        harness(self.options(Some(&self.data_file())))
    }
}

pub fn harness(options: AppOptions) -> Harness<'static, RepatriationWatchApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(40)
        .build_eframe(move |creation| RepatriationWatchApp::new(creation, options));
    harness.run();
    harness
}

/// Clicks the widget with this label and lets the app settle.
pub fn click(harness: &mut Harness<'_, RepatriationWatchApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks at a point (a chart's bar, a flow on the map) with the primary button, the pointer
/// resting there first, and lets the app settle.
pub fn click_at(harness: &mut Harness<'_, RepatriationWatchApp>, at: egui::Pos2) {
    harness.hover_at(at);
    harness.run();
    for pressed in [true, false] {
        let button = egui::PointerButton::Primary;
        harness.event(egui::Event::PointerButton {
            pos: at,
            button,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
}

/// Replaces the text of the field with this label.
pub fn type_into(harness: &mut Harness<'_, RepatriationWatchApp>, label: &str, text: &str) {
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label);
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label).type_text(text);
    harness.run();
}

/// Picks a record in the picker with this label by typing part of its name.
pub fn pick(harness: &mut Harness<'_, RepatriationWatchApp>, picker: &str, typed: &str, choice: &str) {
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, picker).click();
    harness.run();
    let search = format!("Search {}", picker.to_lowercase());
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, &search).type_text(typed);
    harness.run();
    harness.get_by_label(choice).click();
    harness.run();
}

/// Presses `key` with these modifiers.
pub fn shortcut_with(
    harness: &mut Harness<'_, RepatriationWatchApp>,
    modifiers: egui::Modifiers,
    key: egui::Key,
) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Presses a shortcut (Ctrl or Cmd with `key`).
pub fn shortcut(harness: &mut Harness<'_, RepatriationWatchApp>, key: egui::Key) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, key);
    harness.run();
}

/// Shows the places and starts a new one named `name`, its form left open (not saved).
pub fn new_place(harness: &mut Harness<'_, RepatriationWatchApp>, name: &str) {
    click(harness, "Places");
    click(harness, "New place");
    type_into(harness, "Name", name);
}
