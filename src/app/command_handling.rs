//! The commands of the menus, shortcuts and buttons, each carried out here or handed to the
//! file, exchange and chart code that does it.

use eframe::egui;

use super::RepatriationWatchApp;
use crate::t;
use crate::ui::command::Command;
use crate::ui::dialogs::{AboutFacts, Dialog, PathPurpose, Pending};
use crate::ui::table::search_box_id;

impl RepatriationWatchApp {
    /// What the About window says of this run: the dataset's file, the app's folder, whether the
    /// dataset is encrypted.
    fn about_facts(&self) -> AboutFacts {
        AboutFacts {
            file: self.open.file.clone(),
            app_folder: self.open.autosave.dir().map(std::path::Path::to_path_buf),
            encrypted: self.open.key.is_some(),
        }
    }

    /// Carries out a command from a menu, a shortcut or a button.
    pub(super) fn run(&mut self, command: Command, ctx: &egui::Context) {
        let touches_files = matches!(
            command,
            Command::New
                | Command::Open
                | Command::OpenPath(_)
                | Command::Save
                | Command::SaveAs
                | Command::ImportCsv
                | Command::NewFromArticle
                | Command::Share
                | Command::Encryption
                | Command::Merge
        );
        if touches_files && self.is_busy() {
            self.message = Some(t!("busy-wait"));
            return;
        }
        match command {
            Command::New => self.unless_unsaved(Pending::New, ctx),
            Command::Open => self.unless_unsaved(Pending::Open(None), ctx),
            Command::OpenPath(path) => self.unless_unsaved(Pending::Open(Some(path)), ctx),
            Command::Save => {
                self.save(None);
            }
            Command::SaveAs => self.save_as(None),
            Command::Undo => {
                self.open.autosave.let_go();
                self.open.document.undo();
            }
            Command::Redo => {
                self.open.autosave.let_go();
                self.open.document.redo();
            }
            Command::Find => focus_search(ctx),
            Command::NewRecord => {
                let id = self.screens.editor.start_new(self.open.document.dataset(), self.screens.view, None);
                self.select(self.screens.view, id);
            }
            Command::ExportChartCsv => self.choose_export_path(PathPurpose::ChartCsv),
            Command::ExportChartPng => self.choose_export_path(PathPurpose::ChartPng),
            Command::ExportChartSvg => self.choose_export_path(PathPurpose::ChartSvg),
            Command::ExportReport => self.start_report_form(),
            Command::Show(kind) => {
                self.screens.view = kind;
                self.screens.show_charts = false;
            }
            Command::ShowCharts => self.screens.show_charts = true,
            Command::ShowProblems => self.dialogs.shown = Some(Dialog::Problems),
            Command::About => self.dialogs.shown = Some(Dialog::About(self.about_facts())),
            Command::ImportCsv => self.choose_exchange_file(PathPurpose::ImportCsv),
            Command::NewFromArticle => self.start_article(""),
            Command::Share => self.start_share(),
            Command::Encryption => self.show_encryption(),
            Command::Lock => self.lock(),
            Command::Merge => self.choose_exchange_file(PathPurpose::Merge),
            Command::ResolveConflicts => self.show_conflicts(),
            Command::SetLanguage(language) => {
                crate::i18n::set_language(language);
                self.settings.language = Some(language);
            }
            Command::Quit => {
                if self.has_unsaved_work() {
                    self.dialogs.shown = Some(Dialog::UnsavedChanges { then: Pending::Quit });
                } else {
                    self.proceed(Pending::Quit, ctx);
                }
            }
        }
    }
}

/// Focuses the search box of the table shown.
fn focus_search(ctx: &egui::Context) {
    ctx.memory_mut(|m| m.request_focus(search_box_id()));
}
