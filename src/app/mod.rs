//! The desktop app: a thin frame loop over the screens of `ui`, wired to one edit path.
//!
//! Its state comes in a few named parts: the open dataset (the document, its file, the work on
//! it), the screens' state (`ui::screen::Screens`), the dialogs and what waits on them, the
//! edits and commands queued in a frame, and the window's own. Each frame (`frame.rs`) reads
//! the shortcuts, draws the panels and screens, then carries out the queued edits (`logic.rs`)
//! and commands (`command_handling.rs`).

mod access;
mod autosave;
mod chart_picture;
mod command_handling;
mod encryption;
mod exchange;
pub mod file_dialogs;
mod files;
mod frame;
mod ime_order;
mod jobs;
mod logic;
mod report;
mod settings;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use eframe::egui;

use self::autosave::Autosave;
use self::file_dialogs::SystemDialogs;
pub use self::jobs::BACKGROUND_FROM_BYTES;
use self::logic::Problems;
pub use self::settings::Settings;
use crate::edit::{Document, Edit};
use crate::model::Dataset;
use crate::store;
use crate::ui::command::Command;
use crate::ui::dialogs::{Dialog, Pending};
use crate::ui::screen::Screens;

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

/// The app: the open document and everything the window shows of it.
pub struct RepatriationWatchApp {
    /// The open dataset, its file and the work on it.
    open: OpenDataset,
    /// What the screens keep between frames.
    screens: Screens,
    /// The dialog shown and what waits on it.
    dialogs: Dialogs,
    /// What the user asked for in this frame, carried out once the screens are drawn.
    queued: Queued,
    /// The status bar's message (a save, an export, a failure).
    message: Option<String>,
    options: AppOptions,
    settings: Settings,
    /// The window's own state.
    window: Window,
    /// Whether the window is locked, and the user's last input.
    lock: encryption::Lock,
    /// The report asked for, or being made.
    reports: report::Reports,
}

/// The open dataset: the document (where undo lives), its file, its problems, and the work on
/// it in the background (opening or saving, the recovery file).
struct OpenDataset {
    document: Document,
    file: Option<PathBuf>,
    file_name: String,
    /// The file as it was when opened or last saved, to notice another program changing it.
    disk_stamp: Option<store::FileStamp>,
    /// Whether the user chose to overwrite a file changed on disk.
    overwrite_confirmed: bool,
    /// The problems, up to date with the document.
    problems: Problems,
    /// A file opening or saving on a background thread.
    job: Option<jobs::Job>,
    /// The checks of the records just opened, on their way from the thread that read them.
    checking: Option<jobs::Checking>,
    autosave: Autosave,
    /// The key of an encrypted dataset, unlocked with its passphrase: every save and recovery
    /// file is encrypted to it. `None` for a plain dataset.
    key: Option<Arc<store::Key>>,
    /// Whether the key changed since its key file was written (written once the file is saved).
    key_unwritten: bool,
    /// The file the next save replaces under another name (the plain file being encrypted, the
    /// encrypted one being decrypted): removed once the new one is written.
    replacing: Option<PathBuf>,
}

/// The dialogs: the one shown, the import, merge or conflicts dialog, and what waits on them.
struct Dialogs {
    shown: Option<Dialog>,
    exchange: Option<exchange::ExchangeDialog>,
    /// The recovery file the recovery dialog offers.
    recovery: Option<store::Recovery>,
    /// What to do once the save asked for is written (a quit, say).
    after_save: Option<Pending>,
    /// Whether the user chose to close with unsaved work.
    close_confirmed: bool,
    /// Whether the system can show file dialogs.
    system: SystemDialogs,
    /// The places the article dialog knows besides the dataset's.
    gazetteer: crate::article::Gazetteer,
    /// The passphrase prompt, shown over everything.
    passphrase: Option<crate::ui::encryption_dialog::PassphraseDialog>,
    /// File → Encryption….
    encryption: Option<crate::ui::encryption_dialog::EncryptionDialog>,
}

/// The edits and commands asked for in a frame.
#[derive(Default)]
struct Queued {
    edits: Vec<Edit>,
    commands: Vec<Command>,
}

/// The window's own state.
struct Window {
    /// The window's context, for background work to wake it; `None` without a window.
    context: Option<egui::Context>,
    /// The title last set.
    title: String,
    /// The theme and pixel density of the window, for the pictures it exports.
    look: crate::ui::picture::Look,
    /// Text typed through an input method, kept in the order typed.
    ime_order: ime_order::ImeOrder,
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
    fn without_window_but(options: AppOptions, context: Option<egui::Context>) -> Self {
        let system = if options.file_dialogs { SystemDialogs::probe() } else { SystemDialogs::none() };
        let mut app = Self {
            open: OpenDataset {
                document: Document::new(Dataset::default()),
                file: None,
                file_name: String::new(),
                disk_stamp: None,
                overwrite_confirmed: false,
                problems: Problems::default(),
                job: None,
                checking: None,
                autosave: Autosave::new(options.data_dir.clone(), options.autosave_delay),
                key: None,
                key_unwritten: false,
                replacing: None,
            },
            screens: Screens::default(),
            dialogs: Dialogs {
                shown: None,
                exchange: None,
                recovery: None,
                after_save: None,
                close_confirmed: false,
                system,
                gazetteer: crate::article::Gazetteer::bundled(),
                passphrase: None,
                encryption: None,
            },
            queued: Queued::default(),
            reports: report::Reports::default(),
            message: None,
            options,
            settings: Settings::default(),
            window: Window {
                context,
                title: String::new(),
                look: crate::ui::picture::Look::default(),
                ime_order: ime_order::ImeOrder::default(),
            },
            lock: encryption::Lock::default(),
        };
        match app.options.file.clone() {
            Some(path) => app.open_path(&path, None),
            None => app.open_sample(),
        }
        app.offer_recovery();
        app
    }
}

impl eframe::App for RepatriationWatchApp {
    /// Puts text typed through an input method in the order it was typed (`ime_order.rs`).
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        let order = &mut self.window.ime_order;
        let now = std::time::Instant::now();
        if order.reorder_at(&mut raw_input.events, now) {
            // The commit wakes the window when it comes; else the held events go in time.
            ctx.request_repaint_after(order.let_go_in(now).unwrap_or_default());
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::SETTINGS_KEY, &self.settings);
    }

    /// Leaves the records and what is worked out of them to the end of the process, which frees
    /// them at once: freeing a million records one by one held the closing window for 1.6 s.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.leave_records_to_exit();
    }
}

/// The app's icon for the window and the task bar (`packaging/icons.sh` renders it from the SVG).
fn window_icon() -> egui::IconData {
    crate::ui::icon::icon_data().unwrap_or_default()
}

/// Opens the native window on `file`, or on the built-in sample.
pub fn run_native(file: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Repatriation Watch")
            .with_app_id("repatriation-watch")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true)
            .with_icon(window_icon()),
        #[cfg(windows)]
        renderer: eframe::Renderer::Wgpu,
        ..Default::default()
    };
    let app_options = AppOptions::for_window(file);
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |creation| Ok(Box::new(RepatriationWatchApp::new(creation, app_options)))),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_is_the_bundled_picture() {
        let icon = super::window_icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        assert!(icon.rgba.chunks_exact(4).any(|pixel| pixel[3] == 0), "transparent corners");
    }
}
