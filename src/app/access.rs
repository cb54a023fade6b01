//! What the app lets tests, benchmarks and the command line see and ask: the dataset and the
//! screens' state, and requests that go through the same queues as a menu or a form.

use std::path::PathBuf;

use eframe::egui;

use super::{RepatriationWatchApp, Settings};
use crate::edit::{AnyRecord, Document, Edit};
use crate::model::{Dataset, Id, RecordKind};
use crate::query::Filters;
use crate::ui::charts::ChartKind;
use crate::ui::command::Command;
use crate::ui::dialogs::Dialog;

impl RepatriationWatchApp {
    /// The dataset shown.
    pub fn dataset(&self) -> &Dataset {
        self.open.document.dataset()
    }

    /// The document, with its history.
    pub fn document(&self) -> &Document {
        &self.open.document
    }

    /// The file saved to, if any.
    pub fn file(&self) -> Option<&PathBuf> {
        self.open.file.as_ref()
    }

    /// The record of `kind` with `id`, if there is one.
    pub fn record(&self, kind: RecordKind, id: &Id) -> Option<AnyRecord> {
        AnyRecord::find(self.open.document.dataset(), kind, id)
    }

    /// The kind of record shown.
    pub fn view(&self) -> RecordKind {
        self.screens.view
    }

    /// The selected record of the kind shown.
    pub fn selected(&self) -> Option<&Id> {
        self.screens.selected()
    }

    /// Shows `kind` and selects the record `id`.
    pub fn select(&mut self, kind: RecordKind, id: Id) {
        self.screens.select(kind, id);
    }

    /// The dialog shown, if any.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialogs.shown.as_ref()
    }

    /// The rows the table of the kind shown lists, as ids in order.
    pub fn visible_ids(&self) -> Vec<Id> {
        self.screens.tables.visible_ids(self.screens.view, self.open.document.dataset())
    }

    /// Whether any form has changes not saved yet.
    pub fn editor_has_drafts(&self) -> bool {
        self.screens.editor.draft_count() > 0
    }

    /// Whether anything would be lost by closing now: unsaved changes, or forms not saved.
    pub fn has_unsaved_work(&self) -> bool {
        self.open.document.is_modified() || self.screens.editor.draft_count() > 0
    }

    /// The window title: the file's name, `*` when there are unsaved changes.
    pub fn title(&self) -> &str {
        &self.window.title
    }

    /// The periods the chart shows, by label.
    pub fn chart_periods(&self) -> Vec<String> {
        self.screens.charts.period_labels()
    }

    /// Shows this chart, as its tab would.
    pub fn show_chart(&mut self, chart: ChartKind) {
        self.screens.show_charts = true;
        self.screens.charts.chart = chart;
    }

    /// Where the chart shown (its title, notes and plot) was last drawn, in points.
    pub fn chart_rect(&self) -> Option<egui::Rect> {
        self.screens.charts.plot_rect
    }

    /// What the map drew where on its last frame: flows, places and venues, in points.
    pub fn map_targets(&self) -> &[crate::ui::charts::map::Target] {
        &self.screens.charts.map_state.targets
    }

    /// Whether a report is being made on its thread.
    pub fn is_making_report(&self) -> bool {
        self.is_making_report_now()
    }

    /// The message the status bar shows, if any.
    pub fn status_message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the charts are shown instead of a table.
    pub fn charts_shown(&self) -> bool {
        self.screens.show_charts
    }

    /// The preferences kept between runs.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The filters shared by the tables and the charts.
    pub fn filters(&self) -> &Filters {
        &self.screens.filters
    }

    /// Whether the charts shown are still being worked out on another thread.
    pub fn is_charting(&self) -> bool {
        self.screens.show_charts && self.screens.charts.is_building()
    }

    /// Whether the figures of the chart chosen are being worked out on another thread, shown or
    /// not (a file just opened has them worked out as it opens).
    pub fn is_working_out_charts(&self) -> bool {
        self.screens.charts.is_building()
    }

    /// Whether the table shown is still searching through its records.
    pub fn is_searching(&self) -> bool {
        !self.screens.show_charts && self.screens.tables.get(self.screens.view).is_searching()
    }

    /// Whether the records just opened are still being checked on the thread that read them
    /// (they are shown meanwhile).
    pub fn is_checking(&self) -> bool {
        self.open.checking.is_some()
    }

    /// Whether a file is being opened or saved on a background thread.
    pub fn is_busy(&self) -> bool {
        self.open.job.is_some()
    }

    /// The public key of the encrypted dataset open, `None` when it is plain.
    pub fn public_key(&self) -> Option<String> {
        self.open.key.as_ref().map(|key| key.public_key())
    }

    /// Whether the window is locked (the records hidden until the passphrase is given).
    pub fn is_locked(&self) -> bool {
        self.lock.locked
    }

    /// Whether the passphrase is being asked for.
    pub fn asks_passphrase(&self) -> bool {
        self.dialogs.passphrase.is_some()
    }

    /// Asks for a command, as a menu or a shortcut would; it runs in the next frame.
    pub fn request(&mut self, command: Command) {
        self.queued.commands.push(command);
    }

    /// Asks for an edit, as a form would; it goes through the document in the next frame.
    pub fn request_edit(&mut self, edit: Edit) {
        self.queued.edits.push(edit);
    }
}
