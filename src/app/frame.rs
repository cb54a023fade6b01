//! One frame: the shortcuts, the menu bar, the status bar, the list of views, the screen shown,
//! the dialogs; then the queued edits and commands, the title, and the background ticks.

use std::path::PathBuf;

use eframe::egui;

use super::{RepatriationWatchApp, chart_picture, jobs, logic};
use crate::ui::charts::charts_screen_ui;
use crate::ui::command::{Command, redo_alternative};
use crate::ui::dialogs::{Dialog, Pending, dialog_ui};
use crate::ui::menu_bar::{MenuState, menu_bar_ui};
use crate::ui::nav::nav_ui;
use crate::ui::screen::ScreenContext;
use crate::ui::status_bar::{StatusLine, status_bar_ui};
use crate::ui::table_screen::table_screen_ui;

impl RepatriationWatchApp {
    /// Draws a frame and carries out what the user asked for in it.
    pub(super) fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.lock_when_idle(&ctx);
        if self.lock.locked {
            // Nothing of the records is drawn; the work in the background goes on.
            Self::locked_ui(ui);
            self.encryption_layer(&ctx);
            self.autosave_tick(&ctx);
            self.job_tick(&ctx);
            return;
        }
        if !self.is_blocked() {
            self.handle_keys(&ctx);
        }
        let problem_count = self.open.problems.refresh(&self.open.document);
        self.menu_bar(ui);
        self.status_bar(ui, problem_count);
        let (document, screens) = (&self.open.document, &mut self.screens);
        egui::Panel::left("views")
            .resizable(false)
            .show(ui, |ui| nav_ui(ui, &mut screens.view, &mut screens.show_charts, document.dataset()));
        self.screen(ui);
        self.dialog_layer(&ctx);
        self.exchange_layer(&ctx);
        self.report_layer(&ctx);
        if !self.is_blocked() {
            self.encryption_layer(&ctx);
        }
        self.apply_edits();
        for command in std::mem::take(&mut self.queued.commands) {
            self.run(command, &ctx);
        }
        self.apply_edits();
        self.update_title(&ctx);
        self.autosave_tick(&ctx);
        self.window.look = chart_picture::window_look(&ctx);
        self.job_tick(&ctx);
    }

    /// Whether a file opening in the background holds the window (shortcuts and dialogs wait).
    fn is_blocked(&self) -> bool {
        self.open.job.as_ref().is_some_and(jobs::Job::is_blocking)
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let document = &self.open.document;
        let undo = logic::undo_text(document.undo_description(), false);
        let redo = logic::undo_text(document.redo_description(), true);
        egui::Panel::top("menu-bar").show(ui, |ui| {
            let conflicts = document.dataset().conflicts.len();
            let encrypted = self.open.key.is_some();
            let state = MenuState { recent: &self.settings.recent, undo, redo, conflicts, encrypted };
            self.queued.commands.extend(menu_bar_ui(ui, &state));
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui, (problems, warnings): (usize, usize)) {
        let file_name = self.shown_file_name();
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            let line = StatusLine {
                file_name: &file_name,
                modified: self.open.document.is_modified(),
                drafts: self.screens.editor.draft_count(),
                problems,
                warnings,
                checking: self.open.problems.is_awaiting(),
                message: self.message.as_deref(),
            };
            let asked = ui
                .horizontal(|ui| {
                    let asked = status_bar_ui(ui, &line, self.open.document.dataset());
                    self.save_progress_ui(ui);
                    asked
                })
                .inner;
            self.queued.commands.extend(asked);
        });
    }

    /// The screen shown: the charts, or the table of the kind shown with its editor.
    fn screen(&mut self, ui: &mut egui::Ui) {
        let open = &self.open;
        let mut context = ScreenContext {
            document: &open.document,
            problems: open.problems.index(),
            edits: &mut self.queued.edits,
            commands: &mut self.queued.commands,
            dialog: &mut self.dialogs.shown,
            gazetteer: &self.dialogs.gazetteer,
        };
        if self.screens.show_charts {
            let large =
                jobs::saves_in_background(open.document.dataset(), self.options.background_from_bytes);
            let window = (self.window.context.as_ref(), large);
            egui::CentralPanel::default()
                .show(ui, |ui| charts_screen_ui(ui, &mut self.screens, &mut context, window));
        } else {
            table_screen_ui(ui, &mut self.screens, &mut context);
        }
    }

    fn handle_keys(&mut self, ctx: &egui::Context) {
        // A dialog waits for its answer: the app's shortcuts (a save, an undo) and a dropped
        // file would act behind it, and a save under the recovery dialog would forget the work
        // it offers back.
        let encryption = self.dialogs.passphrase.is_some() || self.dialogs.encryption.is_some();
        if self.dialogs.shown.is_none() && self.dialogs.exchange.is_none() && !encryption {
            self.take_shortcuts_and_drops(ctx);
        }
        let close_requested = ctx.input(|i| i.viewport().close_requested());
        if close_requested && !self.dialogs.close_confirmed && self.has_unsaved_work() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialogs.shown = Some(Dialog::UnsavedChanges { then: Pending::Quit });
        }
    }

    /// The commands asked for by keyboard shortcuts, the arrow keys and a dataset dropped on the
    /// window.
    fn take_shortcuts_and_drops(&mut self, ctx: &egui::Context) {
        for command in Command::WITH_SHORTCUTS {
            if let Some(shortcut) = command.shortcut()
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                self.queued.commands.push(command);
            }
        }
        if ctx.input_mut(|i| i.consume_shortcut(&redo_alternative())) {
            self.queued.commands.push(Command::Redo);
        }
        let typing = ctx.memory(|m| m.focused().is_some());
        if !typing {
            let step = ctx.input(|i| {
                isize::from(i.key_pressed(egui::Key::ArrowDown))
                    - isize::from(i.key_pressed(egui::Key::ArrowUp))
            });
            if step != 0 {
                let view = self.screens.view;
                self.screens.tables.move_selection(view, self.open.document.dataset(), step);
            }
        }
        if let Some(path) = dropped_dataset(ctx) {
            self.queued.commands.push(Command::OpenPath(path));
        }
        if let Some(text) = pasted_article(ctx, typing) {
            // Ctrl+Shift+V comes as a paste: the article dialog opens on the text pasted.
            self.queued.commands.retain(|c| *c != Command::NewFromArticle);
            self.start_article(&text);
        }
        if let Some(path) = dropped_with(ctx, super::exchange::ARTICLE_EXTENSIONS) {
            self.open_article_file(&path);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let marker = if self.has_unsaved_work() { " *" } else { "" };
        let title = format!("{}{marker} — Repatriation Watch", self.shown_file_name());
        if title != self.window.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.title = title;
        }
    }

    fn dialog_layer(&mut self, ctx: &egui::Context) {
        // A dialog (recovered work, say) waits until the file being opened is shown.
        if self.is_blocked() {
            return;
        }
        let Some(dialog) = &mut self.dialogs.shown else { return };
        let problems =
            if matches!(dialog, Dialog::Problems) { self.open.problems.index().all() } else { Vec::new() };
        if let Some(answer) = dialog_ui(ctx, dialog, &problems) {
            self.dialogs.shown = None;
            self.answer(answer, ctx);
        }
    }
}

/// The first dataset (`.ron`) dropped on the window in this frame, if any.
fn dropped_dataset(ctx: &egui::Context) -> Option<PathBuf> {
    dropped_with(ctx, &["ron", "age"])
}

/// Text pasted with Shift held (Ctrl+Shift+V) while no field has the keyboard.
fn pasted_article(ctx: &egui::Context, typing: bool) -> Option<String> {
    if typing {
        return None;
    }
    ctx.input(|i| {
        let shift = i.modifiers.shift;
        i.events.iter().find_map(|e| match e {
            egui::Event::Paste(text) if shift && !text.trim().is_empty() => Some(text.clone()),
            _ => None,
        })
    })
}

/// The first file with one of `extensions` dropped on the window in this frame, if any.
fn dropped_with(ctx: &egui::Context, extensions: &[&str]) -> Option<PathBuf> {
    let dropped: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_owned())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    });
    dropped.into_iter().find(|p| {
        p.extension().is_some_and(|e| extensions.iter().any(|wanted| e.eq_ignore_ascii_case(wanted)))
    })
}
