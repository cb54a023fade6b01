//! The desktop app: menus, the table of each kind of record, the editor beside it, the status
//! bar and the dialogs, wired to one edit path.

mod autosave;
pub mod command;
mod exchange;
pub mod file_dialogs;
mod files;
mod ime_order;
mod jobs;
mod settings;

use std::path::PathBuf;
use std::time::Duration;

use eframe::egui;

use self::autosave::Autosave;
use self::command::{Command, redo_alternative};
pub use self::jobs::BACKGROUND_FROM_BYTES;
pub use self::settings::Settings;
use crate::edit::{Action, AnyRecord, Document, Edit};
use crate::i18n::choice;
use crate::model::{Dataset, Id, Incident, Organization, Place, ProblemIndex, Rally, RecordKind, Source};
use crate::store;
use crate::t;
use crate::ui::charts::{ChartKind, ChartRequest, ChartsState, PeriodClicked, charts_ui};
use crate::ui::columns::TableRecord;
use crate::ui::dialogs::{Dialog, dialog_ui};
use crate::ui::filters::{Filters, filters_ui};
use crate::ui::forms::{Editor, FormAction, IncidentRequest, cleaned, editor_ui, problems_of};
use crate::ui::menu_bar::{MenuState, menu_bar_ui};
use crate::ui::nav::{nav_ui, view_name};
use crate::ui::status_bar::{StatusLine, status_bar_ui};
use crate::ui::table::{TableState, search_box_id, search_ui, table_ui};
use file_dialogs::SystemDialogs;

/// The name the app is known by to the system (window class, data folder).
pub const APP_ID: &str = "Repatriation Watch";

/// How the app starts.
#[derive(Clone, Debug)]
pub struct AppOptions {
    /// The dataset to open; the built-in sample when `None`.
    pub file: Option<PathBuf>,
    /// Where recovery files go; no autosave when `None`.
    pub data_dir: Option<PathBuf>,
    /// Whether to use the system's file dialogs where the system has them (else a path is
    /// typed).
    pub file_dialogs: bool,
    /// How long after a change unsaved work is written to the recovery file.
    pub autosave_delay: Duration,
    /// The interface's language; the one chosen before (or else the system's) when `None`.
    pub language: Option<crate::i18n::Language>,
    /// Files from this many bytes (and datasets that would make one) are opened and saved on a
    /// background thread, with a progress bar and Cancel.
    pub background_from_bytes: u64,
}

impl AppOptions {
    /// The options of the real window: the app's data folder, the system's file dialogs.
    pub fn for_window(file: Option<PathBuf>) -> Self {
        Self {
            file,
            data_dir: eframe::storage_dir(APP_ID),
            file_dialogs: true,
            autosave_delay: Duration::from_secs(3),
            language: None,
            background_from_bytes: jobs::BACKGROUND_FROM_BYTES,
        }
    }
}

/// The tables' states, one per kind.
#[derive(Default)]
struct Tables {
    incidents: TableState,
    rallies: TableState,
    sources: TableState,
    places: TableState,
    organizations: TableState,
}

impl Tables {
    fn get(&mut self, kind: RecordKind) -> &mut TableState {
        match kind {
            RecordKind::Incident => &mut self.incidents,
            RecordKind::Rally => &mut self.rallies,
            RecordKind::Source => &mut self.sources,
            RecordKind::Place => &mut self.places,
            RecordKind::Organization => &mut self.organizations,
        }
    }
}

/// The app: the open document and everything the window shows of it.
pub struct RepatriationWatchApp {
    document: Document,
    file: Option<PathBuf>,
    file_name: String,
    view: RecordKind,
    show_charts: bool,
    charts: ChartsState,
    period_chip: Option<String>,
    tables: Tables,
    filters: Filters,
    editor: Editor,
    dialog: Option<Dialog>,
    edits: Vec<Edit>,
    commands: Vec<Command>,
    settings: Settings,
    autosave: Autosave,
    /// The problems, and the revision they were brought up to date with.
    problems: (u64, ProblemIndex),
    /// How many of them are errors and how many warnings.
    problem_counts: (usize, usize),
    message: Option<String>,
    options: AppOptions,
    close_confirmed: bool,
    title: String,
    pending_after_save: Option<crate::ui::dialogs::Pending>,
    png_export: PngExport,
    exchange: Option<exchange::ExchangeDialog>,
    /// The file as it was when opened or last saved, to notice another program changing it.
    disk_stamp: Option<store::FileStamp>,
    /// Whether the user chose to overwrite a file changed on disk.
    overwrite_confirmed: bool,
    /// A file opening or saving on a background thread.
    job: Option<jobs::Job>,
    /// The window's context, for background work to wake it; `None` without a window.
    window: Option<egui::Context>,
    /// Whether the system can show file dialogs.
    dialogs: file_dialogs::SystemDialogs,
    /// Text typed through an input method, kept in the order typed.
    ime_order: ime_order::ImeOrder,
}

/// A chart picture being exported: the file asked for, and the screenshot on its way.
struct PngExport {
    /// The file to write once the chart is on screen.
    waiting: Option<PathBuf>,
    /// The file and the chart's place on screen, while the screenshot is taken.
    shooting: Option<(PathBuf, egui::Rect)>,
    sender: std::sync::mpsc::Sender<std::sync::Arc<egui::ColorImage>>,
    receiver: std::sync::mpsc::Receiver<std::sync::Arc<egui::ColorImage>>,
}

impl Default for PngExport {
    fn default() -> Self {
        let (sender, receiver) = std::sync::mpsc::channel();
        Self { waiting: None, shooting: None, sender, receiver }
    }
}

impl RepatriationWatchApp {
    /// Builds the app: fonts, saved settings, the dataset to show, and any work to recover.
    pub fn new(creation: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        crate::ui::fonts::install_fonts(&creation.egui_ctx);
        let settings = creation
            .storage
            .and_then(|storage| eframe::get_value(storage, settings::SETTINGS_KEY))
            .unwrap_or_default();
        let mut app = Self::without_window_but(options, Some(creation.egui_ctx.clone()));
        app.settings = settings;
        crate::i18n::set_language(
            app.settings.starting_language(app.options.language, crate::i18n::Language::of_system),
        );
        app
    }

    /// Builds the app's state without a window's settings (for tests and `new`).
    pub fn without_window(options: AppOptions) -> Self {
        Self::without_window_but(options, None)
    }

    /// The app's state, with the window's context when there is one.
    fn without_window_but(options: AppOptions, window: Option<egui::Context>) -> Self {
        let autosave = Autosave::new(options.data_dir.clone(), options.autosave_delay);
        let options_want_dialogs = options.file_dialogs;
        let mut app = Self {
            document: Document::new(Dataset::default()),
            file: None,
            file_name: String::new(),
            view: RecordKind::Incident,
            show_charts: false,
            charts: ChartsState::default(),
            period_chip: None,
            tables: Tables::default(),
            filters: Filters::default(),
            editor: Editor::default(),
            dialog: None,
            edits: Vec::new(),
            commands: Vec::new(),
            settings: Settings::default(),
            autosave,
            problems: (u64::MAX, ProblemIndex::default()),
            problem_counts: (0, 0),
            message: None,
            options,
            close_confirmed: false,
            title: String::new(),
            pending_after_save: None,
            png_export: PngExport::default(),
            exchange: None,
            disk_stamp: None,
            overwrite_confirmed: false,
            job: None,
            window,
            dialogs: if options_want_dialogs { SystemDialogs::probe() } else { SystemDialogs::none() },
            ime_order: ime_order::ImeOrder::default(),
        };
        match app.options.file.clone() {
            Some(path) => app.open_path(&path, None),
            None => app.open_sample(),
        }
        app.offer_recovery();
        app
    }

    /// The dataset shown.
    pub fn dataset(&self) -> &Dataset {
        self.document.dataset()
    }

    /// The document, with its history.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The file saved to, if any.
    pub fn file(&self) -> Option<&PathBuf> {
        self.file.as_ref()
    }

    /// The kind of record shown.
    pub fn view(&self) -> RecordKind {
        self.view
    }

    /// The selected record of the kind shown.
    pub fn selected(&self) -> Option<&Id> {
        self.table(self.view).selected.as_ref()
    }

    /// The dialog shown, if any.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// The rows the table of the kind shown lists, as ids in order.
    pub fn visible_ids(&self) -> Vec<Id> {
        fn ids<R: TableRecord>(records: &[R], rows: &[usize]) -> Vec<Id> {
            rows.iter().map(|&i| records[i].id().clone()).collect()
        }
        let dataset = self.document.dataset();
        let rows = self.table(self.view).rows();
        match self.view {
            RecordKind::Incident => ids(&dataset.incidents, rows),
            RecordKind::Rally => ids(&dataset.rallies, rows),
            RecordKind::Source => ids(&dataset.sources, rows),
            RecordKind::Place => ids(&dataset.places, rows),
            RecordKind::Organization => ids(&dataset.organizations, rows),
        }
    }

    fn table(&self, kind: RecordKind) -> &TableState {
        match kind {
            RecordKind::Incident => &self.tables.incidents,
            RecordKind::Rally => &self.tables.rallies,
            RecordKind::Source => &self.tables.sources,
            RecordKind::Place => &self.tables.places,
            RecordKind::Organization => &self.tables.organizations,
        }
    }

    /// Shows `kind` and selects the record `id`.
    pub fn select(&mut self, kind: RecordKind, id: Id) {
        self.view = kind;
        let table = self.tables.get(kind);
        table.selected = Some(id);
        table.scroll_to_selected = true;
    }

    /// Carries out the queued edits, in order, through the document (where undo lives).
    fn apply_edits(&mut self) {
        if self.edits.is_empty() {
            return;
        }
        // A recovery write holding the records lets go, so they change in place.
        self.autosave.let_go();
        // Whole seconds: the file stays readable, and nobody needs the nanosecond of an edit.
        let now = jiff::Timestamp::now().round(jiff::Unit::Second).unwrap_or_else(|_| jiff::Timestamp::now());
        for edit in std::mem::take(&mut self.edits) {
            self.document.apply(edit, now);
        }
    }

    /// Brings the problems up to date with the dataset: by the records each edit touched, or
    /// the whole dataset when another was opened. Returns how many there are.
    /// Brings the problems up to date; returns how many are errors and how many warnings.
    fn refresh_problems(&mut self) -> (usize, usize) {
        let (checked, index) = &mut self.problems;
        let revision = self.document.revision();
        if *checked != revision {
            let changes = if *checked == u64::MAX { None } else { self.document.changes_since(*checked) };
            match changes {
                Some(changes) => index.update(self.document.dataset(), &changes),
                None => *index = ProblemIndex::of(self.document.dataset()),
            }
            *checked = revision;
            self.problem_counts = index.counts();
        }
        self.problem_counts
    }

    /// Brings the shown table's rows up to date; returns whether a search is still going on.
    fn refresh_table(&mut self) -> bool {
        let document = &self.document;
        let (revision, dataset, filters) = (document.revision(), document.dataset(), &self.filters);
        let changes = |since| document.changes_since(since);
        let tables = &mut self.tables;
        match self.view {
            RecordKind::Incident => {
                tables.incidents.refresh::<Incident>(dataset, revision, filters, &changes)
            }
            RecordKind::Rally => tables.rallies.refresh::<Rally>(dataset, revision, filters, &changes),
            RecordKind::Source => tables.sources.refresh::<Source>(dataset, revision, filters, &changes),
            RecordKind::Place => tables.places.refresh::<Place>(dataset, revision, filters, &changes),
            RecordKind::Organization => {
                tables.organizations.refresh::<Organization>(dataset, revision, filters, &changes)
            }
        }
    }

    fn undo_text(description: Option<(Action, RecordKind, &str)>, redo: bool) -> Option<String> {
        description.map(|(action, kind, title)| {
            let (kind, title) = (choice(kind), title.to_owned());
            match (redo, action) {
                (false, Action::Add) => t!("undo-add", kind = kind, title = title),
                (false, Action::Change) => t!("undo-change", kind = kind, title = title),
                (false, Action::Delete) => t!("undo-delete", kind = kind, title = title),
                (true, Action::Add) => t!("redo-add", kind = kind, title = title),
                (true, Action::Change) => t!("redo-change", kind = kind, title = title),
                (true, Action::Delete) => t!("redo-delete", kind = kind, title = title),
                (false, Action::Several) => t!("undo-several", count = title),
                (true, Action::Several) => t!("redo-several", count = title),
            }
        })
    }

    /// The file's name as the title and status bar show it.
    fn shown_file_name(&self) -> String {
        match self.file_name.as_str() {
            "" => t!("untitled"),
            store::SAMPLE_NAME => t!("sample-name"),
            name => name.to_owned(),
        }
    }

    fn handle_keys(&mut self, ctx: &egui::Context) {
        // A dialog waits for its answer: the app's shortcuts (a save, an undo) and a dropped
        // file would act behind it, and a save under the recovery dialog would forget the work
        // it offers back.
        if self.dialog.is_none() && self.exchange.is_none() {
            self.take_shortcuts_and_drops(ctx);
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_confirmed && self.has_unsaved_work() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::UnsavedChanges { then: crate::ui::dialogs::Pending::Quit });
        }
    }

    /// The commands asked for by keyboard shortcuts, the arrow keys and a dataset dropped on the
    /// window.
    fn take_shortcuts_and_drops(&mut self, ctx: &egui::Context) {
        for command in Command::WITH_SHORTCUTS {
            if let Some(shortcut) = command.shortcut()
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                self.commands.push(command);
            }
        }
        if ctx.input_mut(|i| i.consume_shortcut(&redo_alternative())) {
            self.commands.push(Command::Redo);
        }
        let typing = ctx.memory(|m| m.focused().is_some());
        if !typing {
            let step = ctx.input(|i| {
                isize::from(i.key_pressed(egui::Key::ArrowDown))
                    - isize::from(i.key_pressed(egui::Key::ArrowUp))
            });
            if step != 0 {
                self.move_selection(step);
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) =
            dropped.into_iter().find(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
        {
            self.commands.push(Command::OpenPath(path));
        }
    }

    fn move_selection(&mut self, step: isize) {
        let dataset = self.document.dataset();
        match self.view {
            RecordKind::Incident => self.tables.incidents.move_selection::<Incident>(dataset, step),
            RecordKind::Rally => self.tables.rallies.move_selection::<Rally>(dataset, step),
            RecordKind::Source => self.tables.sources.move_selection::<Source>(dataset, step),
            RecordKind::Place => self.tables.places.move_selection::<Place>(dataset, step),
            RecordKind::Organization => {
                self.tables.organizations.move_selection::<Organization>(dataset, step);
            }
        }
    }

    /// Whether any form has changes not saved yet.
    pub fn editor_has_drafts(&self) -> bool {
        self.editor.draft_count() > 0
    }

    /// Whether anything would be lost by closing now: unsaved changes, or forms not saved.
    pub fn has_unsaved_work(&self) -> bool {
        self.document.is_modified() || self.editor.draft_count() > 0
    }

    fn table_panel(&mut self, ui: &mut egui::Ui) {
        let kind = self.view;
        ui.horizontal(|ui| {
            ui.heading(view_name(kind));
            let new_record = ui.button(t!("new-record", kind = choice(kind)));
            if new_record.on_hover_text(t!("new-record-hint")).clicked() {
                self.commands.push(Command::NewRecord);
            }
            search_ui(ui, self.tables.get(kind));
        });
        if let Some(label) = self.period_chip.clone() {
            ui.horizontal(|ui| {
                ui.label(t!("chart-chip-showing", label = &label));
                if ui.button(t!("chart-chip-clear", label = &label)).clicked() {
                    self.filters.from = None;
                    self.filters.to = None;
                    self.filters.status = None;
                    self.period_chip = None;
                }
            });
        }
        filters_ui(ui, &mut self.filters, kind, self.document.dataset());
        if self.period_chip.is_some() && (self.filters.from.is_none() || self.filters.to.is_none()) {
            self.period_chip = None;
        }
        ui.separator();
        let searching = self.refresh_table();
        let dataset = self.document.dataset();
        let editor = &self.editor;
        let has_draft = |id: &Id| editor.has_draft(kind, id);
        let table = self.tables.get(kind);
        if searching {
            // The rows found before stay shown until the search has gone through every record.
            ui.horizontal(|ui| {
                ui.spinner();
                ui.weak(t!("table-searching"));
            });
            ui.ctx().request_repaint();
        } else if table.rows().is_empty() {
            let why = if dataset.count(kind) == 0 { t!("table-empty") } else { t!("table-nothing-matches") };
            ui.weak(why);
        }
        // Columns wider than the panel scroll sideways rather than being cut off.
        egui::ScrollArea::horizontal().id_salt("table-sideways").show(ui, |ui| match kind {
            RecordKind::Incident => table_ui::<Incident>(ui, table, dataset, &has_draft),
            RecordKind::Rally => table_ui::<Rally>(ui, table, dataset, &has_draft),
            RecordKind::Source => table_ui::<Source>(ui, table, dataset, &has_draft),
            RecordKind::Place => table_ui::<Place>(ui, table, dataset, &has_draft),
            RecordKind::Organization => table_ui::<Organization>(ui, table, dataset, &has_draft),
        });
    }

    fn editor_panel(&mut self, ui: &mut egui::Ui) {
        let kind = self.view;
        let Some(id) = self.tables.get(kind).selected.clone() else {
            ui.add_space(12.0);
            ui.weak(t!("editor-nothing-selected", key = kind.name(), kind = choice(kind)));
            return;
        };
        let checking = (self.document.dataset(), &self.problems.1);
        let action = editor_ui(ui, &mut self.editor, kind, &id, &mut self.edits, checking);
        if let Some(action) = action {
            self.form_action(kind, &id, action);
        }
    }

    fn form_action(&mut self, kind: RecordKind, id: &Id, action: FormAction) {
        let dataset = self.document.dataset();
        let working = self.editor.working_copy(dataset, kind, id);
        match action {
            FormAction::Save | FormAction::SaveAndNew => {
                let Some(draft) = working else { return };
                self.edits.push(Edit::put(cleaned(&draft.record)));
                self.editor.discard(kind, id);
                if action == FormAction::SaveAndNew {
                    let template = next_template(&draft.record);
                    let new = self.editor.start_new(dataset, kind, template);
                    self.select(kind, new);
                }
            }
            FormAction::Duplicate => {
                let Some(mut draft) = working else { return };
                set_title(&mut draft.record, |title| t!("title-copy", title = title));
                let new = self.editor.start_new(dataset, kind, Some(draft.record));
                self.select(kind, new);
            }
            FormAction::Delete => {
                let title = working.map(|d| d.record.label().to_owned()).unwrap_or_default();
                self.dialog = Some(Dialog::ConfirmDelete { kind, id: id.clone(), title });
            }
            FormAction::Discard => {
                let was_new = working.is_some_and(|d| d.is_new);
                self.editor.discard(kind, id);
                if was_new {
                    self.tables.get(kind).selected = None;
                }
            }
            FormAction::Incident(IncidentRequest::AddLeg) => {
                let Some(AnyRecord::Incident(parent)) = working.map(|d| d.record) else { return };
                let leg = Incident {
                    kind: parent.kind,
                    status: parent.status,
                    parent: Some(parent.id.clone()),
                    sources: parent.sources.clone(),
                    estimates: vec![crate::model::SourcedEstimate { preferred: true, ..Default::default() }],
                    ..Incident::default()
                };
                let new = self.editor.start_new(dataset, kind, Some(AnyRecord::Incident(leg)));
                self.select(kind, new);
            }
            FormAction::Incident(IncidentRequest::OpenLeg(leg)) => self.select(kind, leg),
        }
    }

    /// Commits every form whose draft is sound; returns how many could not be committed.
    fn commit_valid_drafts(&mut self) -> usize {
        self.refresh_problems();
        let dataset = self.document.dataset();
        let mut ready = Vec::new();
        let mut blocked = 0;
        for draft in self.editor.drafts() {
            if crate::model::has_errors(&problems_of(dataset, &self.problems.1, &draft.record)) {
                blocked += 1;
            } else {
                ready.push(cleaned(&draft.record));
            }
        }
        for record in ready {
            self.editor.discard(record.kind(), record.id());
            self.edits.push(Edit::put(record));
        }
        self.apply_edits();
        blocked
    }

    /// The drafts as records, to be put into the dataset in the recovery file (in place of those
    /// with their ids) without copying the dataset.
    fn draft_records(editor: &Editor) -> Dataset {
        let mut drafts = Dataset::default();
        for draft in editor.drafts() {
            // A copy for the recovery file only: the document itself changes only through edits.
            let _ = cleaned(&draft.record).put_into(&mut drafts);
        }
        drafts
    }

    fn drafts_fingerprint(&self) -> u64 {
        if self.editor.draft_count() == 0 {
            return 0;
        }
        let text = format!("{:?}", self.editor.drafts().collect::<Vec<_>>());
        text.bytes()
            .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
            .max(1)
    }

    fn autosave_tick(&mut self, ctx: &egui::Context) {
        let drafts = self.drafts_fingerprint();
        let file = self.file.clone();
        let wait = if self.autosave.dir().is_some() {
            let editor = &self.editor;
            self.autosave.tick(&self.document, drafts, file.as_deref(), || Self::draft_records(editor))
        } else {
            None
        };
        if let Some(wait) = wait {
            ctx.request_repaint_after(wait);
        }
        if let Some(failure) = self.autosave.last_failure() {
            self.message = Some(t!("recovery-write-failed", failure = failure));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let marker = if self.has_unsaved_work() { " *" } else { "" };
        let title = format!("{}{marker} — Repatriation Watch", self.shown_file_name());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title: the file's name, `*` when there are unsaved changes.
    pub fn title(&self) -> &str {
        &self.title
    }

    fn dialog_layer(&mut self, ctx: &egui::Context) {
        // A dialog (recovered work, say) waits until the file being opened is shown.
        if self.job.as_ref().is_some_and(jobs::Job::is_blocking) {
            return;
        }
        let Some(dialog) = &mut self.dialog else { return };
        let problems = if matches!(dialog, Dialog::Problems) { self.problems.1.all() } else { Vec::new() };
        if let Some(answer) = dialog_ui(ctx, dialog, &problems) {
            let dialog = self.dialog.take();
            self.answer(dialog, answer, ctx);
        }
    }
}

/// The record "Save and new" starts from: the same sources (the next record usually comes from
/// the same article), the rest blank.
fn next_template(record: &AnyRecord) -> Option<AnyRecord> {
    let first = || vec![crate::model::SourcedEstimate { preferred: true, ..Default::default() }];
    match record {
        AnyRecord::Incident(i) => Some(AnyRecord::Incident(Incident {
            sources: i.sources.clone(),
            estimates: first(),
            ..Incident::default()
        })),
        AnyRecord::Rally(r) => Some(AnyRecord::Rally(Rally {
            sources: r.sources.clone(),
            attendance: first(),
            ..Rally::default()
        })),
        _ => None,
    }
}

fn set_title(record: &mut AnyRecord, change: impl Fn(&str) -> String) {
    match record {
        AnyRecord::Incident(r) => r.title = change(&r.title),
        AnyRecord::Rally(r) => r.title = change(&r.title),
        AnyRecord::Source(r) => r.title = change(&r.title),
        AnyRecord::Place(r) => r.name = change(&r.name),
        AnyRecord::Organization(r) => r.name = change(&r.name),
    }
}

impl eframe::App for RepatriationWatchApp {
    /// Puts text typed through an input method in the order it was typed (`ime_order.rs`).
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.ime_order.reorder(&mut raw_input.events) {
            ctx.request_repaint();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if !self.job.as_ref().is_some_and(jobs::Job::is_blocking) {
            self.handle_keys(&ctx);
        }
        let problem_count = self.refresh_problems();
        let undo = Self::undo_text(self.document.undo_description(), false);
        let redo = Self::undo_text(self.document.redo_description(), true);
        egui::Panel::top("menu-bar").show(ui, |ui| {
            let conflicts = self.document.dataset().conflicts.len();
            let state = MenuState { recent: &self.settings.recent, undo, redo, conflicts };
            self.commands.extend(menu_bar_ui(ui, &state));
        });
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            let line = StatusLine {
                file_name: &self.shown_file_name(),
                modified: self.document.is_modified(),
                drafts: self.editor.draft_count(),
                problems: problem_count.0,
                warnings: problem_count.1,
                message: self.message.as_deref(),
            };
            let asked = ui
                .horizontal(|ui| {
                    let asked = status_bar_ui(ui, &line, self.document.dataset());
                    self.save_progress_ui(ui);
                    asked
                })
                .inner;
            self.commands.extend(asked);
        });
        egui::Panel::left("views")
            .resizable(false)
            .show(ui, |ui| nav_ui(ui, &mut self.view, &mut self.show_charts, self.document.dataset()));
        if self.show_charts {
            egui::CentralPanel::default().show(ui, |ui| self.charts_panel(ui));
        } else {
            self.table_screen(ui);
        }
        self.dialog_layer(&ctx);
        self.exchange_layer(&ctx);
        self.apply_edits();
        for command in std::mem::take(&mut self.commands) {
            self.run(command, &ctx);
        }
        self.apply_edits();
        self.update_title(&ctx);
        self.autosave_tick(&ctx);
        self.png_export_tick(&ctx);
        self.job_tick(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::SETTINGS_KEY, &self.settings);
    }
}

impl RepatriationWatchApp {
    /// The table of the kind shown and the editor beside it.
    fn table_screen(&mut self, ui: &mut egui::Ui) {
        let editor_max = (ui.available_width() * 0.5).max(340.0);
        egui::Panel::right("editor").resizable(true).default_size(460.0).size_range(320.0..=editor_max).show(
            ui,
            |ui| {
                self.editor_panel(ui);
            },
        );
        egui::CentralPanel::default().show(ui, |ui| self.table_panel(ui));
    }

    /// Brings the chart shown up to date: its figures follow the edits rather than being worked
    /// out again; for a large dataset, whatever must be worked out from scratch (the first time,
    /// or for other options or filters) is worked out on another thread.
    fn follow_charts(&mut self, revision: u64) {
        let document = &self.document;
        let changes = |since| document.changes_since(since);
        let large = jobs::saves_in_background(document.dataset(), self.options.background_from_bytes);
        self.charts.in_background = large;
        let (filters, window, charts) = (&self.filters, self.window.as_ref(), &mut self.charts);
        match (charts.chart, large) {
            (ChartKind::Timeline, false) => {
                charts.follow_timeline(document.dataset(), revision, filters, &changes);
            }
            (ChartKind::Timeline, true) => {
                charts.follow_timeline_in_background(
                    &document.shared(),
                    revision,
                    filters,
                    (&changes, window),
                );
            }
            (ChartKind::Breakdown, false) => {
                charts.follow_breakdown(document.dataset(), revision, filters, &changes);
            }
            (ChartKind::Breakdown, true) => {
                charts.follow_breakdown_in_background(
                    &document.shared(),
                    revision,
                    filters,
                    (&changes, window),
                );
            }
            (_, false) => charts.follow(document.dataset(), revision, filters, &changes),
            (_, true) => {
                charts.follow_in_background(&document.shared(), revision, filters, (&changes, window));
            }
        }
    }

    /// The charts, over the records the filters let through.
    fn charts_panel(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.heading(t!("view-charts"));
            if self.filters.is_active() {
                ui.weak(t!("charts-filtered"));
            }
        });
        // The same filters as the incidents table: narrowing one narrows the other.
        filters_ui(ui, &mut self.filters, RecordKind::Incident, self.document.dataset());
        let revision = self.document.revision();
        self.follow_charts(revision);
        match charts_ui(ui, &mut self.charts, self.document.dataset(), revision, &self.filters) {
            Some(ChartRequest::Period(PeriodClicked { from, to, label, category })) => {
                self.filters.from = Some(from);
                self.filters.to = Some(to);
                // A segment of a bar coloured by status narrows to that status too.
                let status = category
                    .filter(|_| self.charts.options.colour == crate::stats::ColourBy::Status)
                    .and_then(|name| crate::model::IncidentStatus::from_name(&name));
                let label = match status {
                    Some(status) => {
                        self.filters.status = Some(status);
                        t!("chart-chip-status", period = label, status = choice(status))
                    }
                    None => label,
                };
                self.period_chip = Some(label);
                self.show_charts = false;
                let rallies = self.charts.chart == ChartKind::Rallies;
                self.view = if rallies { RecordKind::Rally } else { RecordKind::Incident };
            }
            Some(ChartRequest::ExportCsv) => self.commands.push(Command::ExportChartCsv),
            Some(ChartRequest::ExportPng) => self.commands.push(Command::ExportChartPng),
            None => {}
        }
    }

    /// Takes the screenshot of a chart being exported once the chart is on screen, and writes
    /// the picture once the screenshot arrives.
    fn png_export_tick(&mut self, ctx: &egui::Context) {
        if let Some(path) = self.png_export.waiting.take() {
            if let Some(rect) = self.charts.plot_rect.filter(|_| self.show_charts) {
                let sender = self.png_export.sender.clone();
                let waker = ctx.clone();
                ctx.request_screenshot(move |image| {
                    let _ = sender.send(image);
                    waker.request_repaint();
                });
                self.png_export.shooting = Some((path, rect));
            } else {
                // The chart is drawn first; the picture is taken on the next frame.
                self.show_charts = true;
                self.png_export.waiting = Some(path);
                ctx.request_repaint();
            }
        }
        let Ok(image) = self.png_export.receiver.try_recv() else { return };
        let Some((path, rect)) = self.png_export.shooting.take() else { return };
        let chart = image.region(&rect, Some(ctx.pixels_per_point()));
        let rgba: Vec<u8> = chart.pixels.iter().flat_map(egui::Color32::to_srgba_unmultiplied).collect();
        let (width, height) =
            (u32::try_from(chart.width()).unwrap_or(0), u32::try_from(chart.height()).unwrap_or(0));
        self.message = Some(match store::export_png(&rgba, width, height, &path) {
            Ok(()) => t!("chart-saved", path = path.display().to_string()),
            Err(error) => t!("chart-export-failed", error = crate::ui::errors::save_error(&error)),
        });
    }

    /// The periods the chart shows, by label.
    pub fn chart_periods(&self) -> Vec<String> {
        self.charts.period_labels()
    }

    /// Shows this chart, as its tab would.
    pub fn show_chart(&mut self, chart: ChartKind) {
        self.show_charts = true;
        self.charts.chart = chart;
    }

    /// Whether the charts are shown instead of a table.
    pub fn charts_shown(&self) -> bool {
        self.show_charts
    }

    /// The preferences kept between runs.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The filters shared by the tables and the charts.
    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// Whether the charts shown are still being worked out on another thread.
    pub fn is_charting(&self) -> bool {
        self.show_charts && self.charts.is_building()
    }

    /// Whether the table shown is still searching through its records.
    pub fn is_searching(&self) -> bool {
        !self.show_charts && self.table(self.view).is_searching()
    }

    /// Asks for a command, as a menu or a shortcut would; it runs in the next frame.
    pub fn request(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Asks for an edit, as a form would; it goes through the document in the next frame.
    pub fn request_edit(&mut self, edit: Edit) {
        self.edits.push(edit);
    }
}

/// Opens the native window on `file`, or on the built-in sample.
pub fn run_native(file: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Repatriation Watch")
            .with_app_id("repatriation-watch")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let app_options = AppOptions::for_window(file);
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |creation| Ok(Box::new(RepatriationWatchApp::new(creation, app_options)))),
    )
}

/// Focuses the search box of the table shown.
fn focus_search(ctx: &egui::Context) {
    ctx.memory_mut(|m| m.request_focus(search_box_id()));
}
