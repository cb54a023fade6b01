//! The commands behind the menus and keyboard shortcuts, each with its label and shortcut.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::RecordKind;
use crate::t;

/// Something the user asked the app to do from a menu, a shortcut or a button.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start an empty dataset.
    New,
    /// Choose a file to open.
    Open,
    /// Open this file.
    OpenPath(std::path::PathBuf),
    /// Save to the current file (asks for a name when there is none).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Take back the last edit.
    Undo,
    /// Make again the last edit undone.
    Redo,
    /// Focus the search box.
    Find,
    /// Start a new record of the kind shown.
    NewRecord,
    /// Write the chart's numbers as CSV.
    ExportChartCsv,
    /// Write the chart's picture as PNG.
    ExportChartPng,
    /// Write the chart's picture as SVG.
    ExportChartSvg,
    /// Make a report as PDF.
    ExportReport,
    /// Show the table of a kind.
    Show(RecordKind),
    /// Show the charts.
    ShowCharts,
    /// List the dataset's problems.
    ShowProblems,
    /// Explain the app.
    About,
    /// Close the window.
    Quit,
    /// Choose a CSV file to import.
    ImportCsv,
    /// Choose another copy of the dataset to merge in.
    Merge,
    /// Choose between the versions a merge left.
    ResolveConflicts,
    /// Read an article and add the records it reports.
    NewFromArticle,
    /// Write a copy to share, without what is confidential.
    Share,
    /// Encrypt the dataset, change its passphrase or key, its team, the lock.
    Encryption,
    /// Hide the records until the passphrase is given again.
    Lock,
    /// Speak this language from now on.
    SetLanguage(crate::i18n::Language),
}

impl Command {
    /// The commands that have shortcuts, checked every frame.
    pub const WITH_SHORTCUTS: [Command; 11] = [
        Command::Lock,
        Command::NewFromArticle,
        Command::New,
        Command::Open,
        Command::SaveAs,
        Command::Save,
        Command::Redo,
        Command::Undo,
        Command::Find,
        Command::NewRecord,
        Command::Quit,
    ];

    /// The keyboard shortcut, if any. Ctrl+Y is a second shortcut for Redo.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let command = Modifiers::COMMAND;
        let command_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        Some(match self {
            Self::New => KeyboardShortcut::new(command, Key::N),
            Self::Open => KeyboardShortcut::new(command, Key::O),
            Self::Save => KeyboardShortcut::new(command, Key::S),
            Self::SaveAs => KeyboardShortcut::new(command_shift, Key::S),
            Self::Undo => KeyboardShortcut::new(command, Key::Z),
            Self::Redo => KeyboardShortcut::new(command_shift, Key::Z),
            Self::Find => KeyboardShortcut::new(command, Key::F),
            Self::NewRecord => KeyboardShortcut::new(command, Key::R),
            Self::Quit => KeyboardShortcut::new(command, Key::Q),
            Self::NewFromArticle => KeyboardShortcut::new(command_shift, Key::V),
            Self::Lock => KeyboardShortcut::new(command, Key::L),
            _ => return None,
        })
    }

    /// The menu label.
    pub fn label(&self) -> String {
        match self {
            Self::New => t!("command-new"),
            Self::Open => t!("command-open"),
            Self::OpenPath(_) => t!("command-open-path"),
            Self::Save => t!("command-save"),
            Self::SaveAs => t!("command-save-as"),
            Self::Undo => t!("command-undo"),
            Self::Redo => t!("command-redo"),
            Self::Find => t!("command-find"),
            Self::NewRecord => t!("command-new-record"),
            Self::ExportChartCsv => t!("command-export-chart-csv"),
            Self::ExportChartPng => t!("command-export-chart-png"),
            Self::ExportChartSvg => t!("command-export-chart-svg"),
            Self::ExportReport => t!("command-export-report"),
            Self::Show(kind) => crate::ui::nav::view_name(*kind),
            Self::ShowCharts => t!("view-charts"),
            Self::ShowProblems => t!("command-problems"),
            Self::About => t!("command-about"),
            Self::Quit => t!("command-quit"),
            Self::SetLanguage(language) => language.native_name().to_owned(),
            Self::ImportCsv => t!("command-import-csv"),
            Self::NewFromArticle => t!("command-new-from-article"),
            Self::Share => t!("command-share"),
            Self::Encryption => t!("command-encryption"),
            Self::Lock => t!("command-lock"),
            Self::Merge => t!("command-merge"),
            Self::ResolveConflicts => t!("command-resolve-conflicts"),
        }
    }
}

/// The second shortcut for Redo, as on Windows.
pub fn redo_alternative() -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)
}
