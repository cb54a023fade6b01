//! The menu bar: File, Edit, View, Help.

use std::path::PathBuf;

use eframe::egui;

use super::nav::{VIEWS, view_name};
use crate::i18n::{Language, language};
use crate::t;
use crate::ui::command::Command;

/// What the menus need to show: the recent files and what Undo and Redo would do.
pub struct MenuState<'a> {
    /// Recently opened files, newest first.
    pub recent: &'a [PathBuf],
    /// "Undo add place “Dandong”", when there is something to undo.
    pub undo: Option<String>,
    /// "Redo …", when there is something to redo.
    pub redo: Option<String>,
    /// How many records a merge left undecided.
    pub conflicts: usize,
    /// Whether the dataset is encrypted (File → Lock is offered).
    pub encrypted: bool,
}

fn item(ui: &mut egui::Ui, command: Command, commands: &mut Vec<Command>) {
    item_labelled(ui, command.label(), command, true, commands);
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
        ui.menu_button(t!("menu-file"), |ui| {
            item(ui, Command::New, &mut commands);
            item(ui, Command::Open, &mut commands);
            ui.menu_button(t!("menu-recent-files"), |ui| {
                if state.recent.is_empty() {
                    ui.weak(t!("menu-recent-none"));
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
            item(ui, Command::Encryption, &mut commands);
            item_labelled(ui, Command::Lock.label(), Command::Lock, state.encrypted, &mut commands);
            ui.separator();
            item(ui, Command::NewFromArticle, &mut commands);
            item(ui, Command::ImportCsv, &mut commands);
            item(ui, Command::Merge, &mut commands);
            let conflicts = state.conflicts;
            item_labelled(
                ui,
                Command::ResolveConflicts.label(),
                Command::ResolveConflicts,
                conflicts > 0,
                &mut commands,
            );
            ui.separator();
            item(ui, Command::Share, &mut commands);
            item(ui, Command::ExportReport, &mut commands);
            item(ui, Command::ExportChartCsv, &mut commands);
            item(ui, Command::ExportChartPng, &mut commands);
            item(ui, Command::ExportChartSvg, &mut commands);
            ui.separator();
            item(ui, Command::Quit, &mut commands);
        });
        ui.menu_button(t!("menu-edit"), |ui| {
            let undo = state.undo.clone();
            item_labelled(
                ui,
                undo.clone().unwrap_or_else(|| t!("command-undo")),
                Command::Undo,
                undo.is_some(),
                &mut commands,
            );
            let redo = state.redo.clone();
            item_labelled(
                ui,
                redo.clone().unwrap_or_else(|| t!("command-redo")),
                Command::Redo,
                redo.is_some(),
                &mut commands,
            );
            ui.separator();
            item(ui, Command::NewRecord, &mut commands);
            item(ui, Command::Find, &mut commands);
        });
        ui.menu_button(t!("menu-view"), |ui| {
            for kind in VIEWS {
                if ui.button(view_name(kind)).clicked() {
                    commands.push(Command::Show(kind));
                    ui.close();
                }
            }
            if ui.button(t!("view-charts")).clicked() {
                commands.push(Command::ShowCharts);
                ui.close();
            }
            ui.separator();
            item(ui, Command::ShowProblems, &mut commands);
            ui.separator();
            theme_ui(ui);
            ui.separator();
            language_ui(ui, &mut commands);
        });
        ui.menu_button(t!("menu-help"), |ui| item(ui, Command::About, &mut commands));
    });
    commands
}

/// The choice of light or dark colours, or the system's.
fn theme_ui(ui: &mut egui::Ui) {
    let current = ui.ctx().options(|o| o.theme_preference);
    for (choice, name) in [
        (egui::ThemePreference::System, t!("theme-system")),
        (egui::ThemePreference::Dark, t!("theme-dark")),
        (egui::ThemePreference::Light, t!("theme-light")),
    ] {
        if ui.selectable_label(current == choice, name).clicked() {
            ui.ctx().set_theme(choice);
            ui.close();
        }
    }
}

/// View → Language: English or 한국어, each named in itself.
fn language_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    ui.menu_button(t!("menu-language"), |ui| {
        for choice in Language::ALL {
            if ui.selectable_label(language() == choice, choice.native_name()).clicked() {
                commands.push(Command::SetLanguage(choice));
                ui.close();
            }
        }
    });
}
