//! The menu bar: File, Edit, View, Help.

use std::path::PathBuf;

use eframe::egui;

use super::nav::VIEWS;
use crate::app::command::Command;

/// What the menus need to show: the recent files and what Undo and Redo would do.
pub struct MenuState<'a> {
    /// Recently opened files, newest first.
    pub recent: &'a [PathBuf],
    /// "Undo add place “Dandong”", when there is something to undo.
    pub undo: Option<String>,
    /// "Redo …", when there is something to redo.
    pub redo: Option<String>,
}

fn item(ui: &mut egui::Ui, command: Command, commands: &mut Vec<Command>) {
    item_labelled(ui, command.label().to_owned(), command, true, commands);
}

fn item_labelled(
    ui: &mut egui::Ui,
    label: String,
    command: Command,
    enabled: bool,
    commands: &mut Vec<Command>,
) {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        commands.push(command);
        ui.close();
    }
}

/// Draws the menu bar; returns the commands chosen.
pub fn menu_bar_ui(ui: &mut egui::Ui, state: &MenuState<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, Command::New, &mut commands);
            item(ui, Command::Open, &mut commands);
            ui.menu_button("Recent files", |ui| {
                if state.recent.is_empty() {
                    ui.weak("none yet");
                }
                for path in state.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::OpenPath(path.clone()));
                        ui.close();
                    }
                }
            });
            ui.separator();
            item(ui, Command::Save, &mut commands);
            item(ui, Command::SaveAs, &mut commands);
            ui.separator();
            item(ui, Command::ExportChartCsv, &mut commands);
            item(ui, Command::ExportChartPng, &mut commands);
            ui.separator();
            item(ui, Command::Quit, &mut commands);
        });
        ui.menu_button("Edit", |ui| {
            let undo = state.undo.clone();
            item_labelled(
                ui,
                undo.clone().unwrap_or_else(|| "Undo".to_owned()),
                Command::Undo,
                undo.is_some(),
                &mut commands,
            );
            let redo = state.redo.clone();
            item_labelled(
                ui,
                redo.clone().unwrap_or_else(|| "Redo".to_owned()),
                Command::Redo,
                redo.is_some(),
                &mut commands,
            );
            ui.separator();
            item(ui, Command::NewRecord, &mut commands);
            item(ui, Command::Find, &mut commands);
        });
        ui.menu_button("View", |ui| {
            for (kind, name) in VIEWS {
                if ui.button(name).clicked() {
                    commands.push(Command::Show(kind));
                    ui.close();
                }
            }
            if ui.button("Charts").clicked() {
                commands.push(Command::ShowCharts);
                ui.close();
            }
            ui.separator();
            item(ui, Command::ShowProblems, &mut commands);
            ui.separator();
            theme_ui(ui);
        });
        ui.menu_button("Help", |ui| item(ui, Command::About, &mut commands));
    });
    commands
}

/// The choice of light or dark colours, or the system's.
fn theme_ui(ui: &mut egui::Ui) {
    let current = ui.ctx().options(|o| o.theme_preference);
    for (choice, name) in [
        (egui::ThemePreference::System, "Colours as the system"),
        (egui::ThemePreference::Dark, "Dark colours"),
        (egui::ThemePreference::Light, "Light colours"),
    ] {
        if ui.selectable_label(current == choice, name).clicked() {
            ui.ctx().set_theme(choice);
            ui.close();
        }
    }
}
