//! Opening and saving large files on a named background thread, with a progress bar and a
//! Cancel button, so the window never freezes: the records stay readable while a save runs.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use eframe::egui;

use super::RepatriationWatchApp;
use crate::model::{Dataset, ProblemIndex, RecordKind};
use crate::query::Filters;
use crate::query::search_text::SearchText;
use crate::stats::SeriesOptions;
use crate::store::{self, LoadError, Progress, SaveError, Stage};
use crate::t;
use crate::ui::charts::SeriesAhead;
use crate::ui::dialogs::Pending;
use crate::ui::errors::{load_error, save_error};

/// Files from this size (and datasets that would make one) are opened and saved in the
/// background; smaller ones take less than a blink and are done at once.
pub const BACKGROUND_FROM_BYTES: u64 = 8 * 1024 * 1024;

/// About how many bytes of the file one record takes, to judge a dataset's file before writing it.
const BYTES_PER_RECORD: u64 = 1_000;

/// A load or save running on its own thread.
pub(super) struct Job {
    task: Task,
    progress: Arc<Progress>,
    outcome: Receiver<Outcome>,
}

/// What the job does, with what to do when it ends.
enum Task {
    Open { path: PathBuf, forget: Option<PathBuf> },
    Save { path: PathBuf, state: u64, blocked: usize, then: Option<Pending> },
}

enum Outcome {
    /// The records read, sorted by id; their checks follow.
    Opened(Box<Result<Read, LoadError>>),
    /// The checks of the records just opened.
    Checked(Box<Checks>),
    Saved(Result<(), SaveError>),
}

/// Where a job tells what came of it: the window, woken to take it.
struct Tell {
    sender: Sender<Outcome>,
    window: Option<egui::Context>,
}

impl Tell {
    fn tell(&self, outcome: Outcome) {
        // The window may have gone (closed, or the job cancelled): nobody to tell then.
        let _ = self.sender.send(outcome);
        // Wake the window, which may be idle, to take the outcome.
        if let Some(window) = &self.window {
            window.request_repaint();
        }
    }
}

/// The checks of records just opened, still being worked out on the thread that read them: the
/// records are shown meanwhile.
pub(super) struct Checking {
    /// The revision of the records they are for.
    revision: u64,
    outcome: Receiver<Outcome>,
}

impl Job {
    fn start(
        task: Task,
        work: impl FnOnce(&Progress, &Tell) + Send + 'static,
        window: Option<egui::Context>,
    ) -> std::io::Result<Self> {
        let progress = Arc::new(Progress::default());
        let (sender, outcome) = channel();
        let (name, shared) = (thread_name(&task), Arc::clone(&progress));
        std::thread::Builder::new().name(name).spawn(move || work(&shared, &Tell { sender, window }))?;
        Ok(Self { task, progress, outcome })
    }

    /// Whether the job keeps the user from editing (opening replaces the records).
    pub(super) fn is_blocking(&self) -> bool {
        matches!(self.task, Task::Open { .. })
    }
}

fn thread_name(task: &Task) -> String {
    let (verb, path) = match task {
        Task::Open { path, .. } => ("open", path),
        Task::Save { path, .. } => ("save", path),
    };
    let file = path.file_name().map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    format!("{verb} {file}")
}

/// A file's records, sorted by id, shared with the thread that goes on to check them.
struct Read {
    dataset: Arc<Dataset>,
    /// The key an encrypted file was unlocked with.
    key: Option<store::Key>,
    /// The charts' figures, being worked out on a thread of their own.
    charts: Option<SeriesAhead>,
}

/// What the window would otherwise work out of records just opened when they are first shown,
/// checked or searched.
struct Checks {
    problems: ProblemIndex,
    incident_text: SearchText,
    rally_text: SearchText,
}

/// What the charts would ask for first, to work their figures out once a file is open.
pub(super) struct ChartsAhead {
    options: SeriesOptions,
    filters: Filters,
    window: Option<egui::Context>,
}

/// Reads a file and sorts its records by id.
fn read_records(path: &Path, unlock: Option<&Unlock>, progress: &Progress) -> Result<Read, LoadError> {
    let key = match unlock {
        Some(Unlock { passphrase, key_file }) => Some(store::unlock(path, key_file.as_deref(), passphrase)?),
        None => None,
    };
    let mut dataset = store::load_protected(path, key.as_ref(), progress)?;
    progress.enter(Stage::Checking);
    dataset.sort_by_id();
    Ok(Read { dataset: Arc::new(dataset), key, charts: None })
}

/// Checks records just read and writes their search text (on a second thread).
fn check(dataset: &Dataset) -> Checks {
    let (problems, (incident_text, rally_text)) = std::thread::scope(|scope| {
        let texts =
            scope.spawn(|| (SearchText::written(&dataset.incidents), SearchText::written(&dataset.rallies)));
        let problems = ProblemIndex::of(dataset);
        // Writing text cannot fail; were the thread to panic, the text is written when searched.
        (problems, texts.join().unwrap_or_default())
    });
    Checks { problems, incident_text, rally_text }
}

/// What unlocks an encrypted file: its passphrase, and another key file than the one beside it.
pub(super) struct Unlock {
    pub(super) passphrase: age::secrecy::SecretString,
    pub(super) key_file: Option<PathBuf>,
}

/// Whether a file this large is opened in the background.
pub(super) fn opens_in_background(path: &Path, from_bytes: u64) -> bool {
    std::fs::metadata(path).is_ok_and(|metadata| metadata.len() >= from_bytes)
}

/// Whether a dataset this large is saved in the background.
pub(super) fn saves_in_background(dataset: &Dataset, from_bytes: u64) -> bool {
    dataset.record_count() as u64 * BYTES_PER_RECORD >= from_bytes
}

impl RepatriationWatchApp {
    /// Starts opening a file on a background thread; `forget` is the recovery file to drop once
    /// it is open.
    pub(super) fn open_in_background(
        &mut self,
        path: &Path,
        forget: Option<PathBuf>,
        unlock: Option<Unlock>,
    ) {
        let task = Task::Open { path: path.to_owned(), forget };
        let owned = path.to_owned();
        let charts = ChartsAhead {
            options: self.screens.charts.options,
            filters: self.screens.filters.clone(),
            window: self.window.context.clone(),
        };
        // The records are told first, to be shown; their checks follow.
        let work =
            move |progress: &Progress, tell: &Tell| match read_records(&owned, unlock.as_ref(), progress) {
                Ok(mut read) => {
                    let dataset = Arc::clone(&read.dataset);
                    // Once the records are read, never holding them up: worked out beside their
                    // checks, the charts are mostly ready by the time they are asked for.
                    let ChartsAhead { options, filters, window } = charts;
                    read.charts = SeriesAhead::start(Arc::clone(&dataset), options, filters, window.as_ref());
                    tell.tell(Outcome::Opened(Box::new(Ok(read))));
                    tell.tell(Outcome::Checked(Box::new(check(&dataset))));
                }
                Err(error) => tell.tell(Outcome::Opened(Box::new(Err(error)))),
            };
        self.start_job(task, work);
    }

    /// Starts saving on a background thread, the records shared with it (an edit meanwhile
    /// works on its own copy). `then` runs once the file is written.
    pub(super) fn save_in_background(&mut self, path: &Path, blocked: usize, then: Option<Pending>) {
        let task = Task::Save { path: path.to_owned(), state: self.open.document.state(), blocked, then };
        let (dataset, owned, key) = (self.open.document.shared(), path.to_owned(), self.open.key.clone());
        let work = move |progress: &Progress, tell: &Tell| {
            tell.tell(Outcome::Saved(store::save_protected(&dataset, &owned, key.as_deref(), progress)));
        };
        self.start_job(task, work);
    }

    fn start_job(&mut self, task: Task, work: impl FnOnce(&Progress, &Tell) + Send + 'static) {
        match Job::start(task, work, self.window.context.clone()) {
            Ok(job) => self.open.job = Some(job),
            Err(error) => self.report(&t!("background-failed"), error.to_string()),
        }
    }

    /// Shows the running job and takes its outcome when it ends.
    pub(super) fn job_tick(&mut self, ctx: &egui::Context) {
        self.checking_tick(ctx);
        let Some(job) = &self.open.job else { return };
        if job.is_blocking() {
            let cancel =
                egui::Modal::new(egui::Id::unique("job-progress")).show(ctx, |ui| job_ui(ui, job)).inner;
            if cancel {
                job.progress.cancel();
            }
        }
        match job.outcome.try_recv() {
            Ok(outcome) => {
                let Some(job) = self.open.job.take() else { return };
                let cancelled = job.progress.is_cancelled();
                self.finish(job.task, (outcome, job.outcome), cancelled, ctx);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(50)),
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.open.job = None;
                self.report(&t!("background-failed"), t!("background-stopped"));
            }
        }
    }

    /// The save's progress and its Cancel button, for the status bar; Cancel asks the save to stop.
    pub(super) fn save_progress_ui(&self, ui: &mut egui::Ui) {
        let Some(job) = self.open.job.as_ref().filter(|job| !job.is_blocking()) else { return };
        if job_ui(ui, job) {
            job.progress.cancel();
        }
    }

    /// Takes the checks of records just opened once they come.
    fn checking_tick(&mut self, ctx: &egui::Context) {
        let Some(checking) = &self.open.checking else { return };
        match checking.outcome.try_recv() {
            Ok(Outcome::Checked(checks)) => {
                let revision = checking.revision;
                self.open.checking = None;
                self.take_checks(*checks, revision);
            }
            Ok(_) => {}
            Err(std::sync::mpsc::TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(50)),
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                // The thread failed: the records are checked here instead.
                self.open.checking = None;
                self.open.problems.stop_awaiting();
            }
        }
    }

    /// The checks worked out on the thread that opened the records at `revision`.
    fn take_checks(&mut self, checks: Checks, revision: u64) {
        let Checks { problems, incident_text, rally_text } = checks;
        self.open.problems.take_checked(revision, problems);
        let tables = &mut self.screens.tables;
        tables.get_mut(RecordKind::Incident).set_search_text(incident_text, revision);
        tables.get_mut(RecordKind::Rally).set_search_text(rally_text, revision);
    }

    fn finish(
        &mut self,
        task: Task,
        (outcome, rest): (Outcome, Receiver<Outcome>),
        cancelled: bool,
        ctx: &egui::Context,
    ) {
        match (task, outcome) {
            (Task::Open { path, forget }, Outcome::Opened(result)) => match *result {
                _ if cancelled => {
                    self.message = Some(t!("open-cancelled", path = path.display().to_string()));
                }
                Ok(Read { dataset, key, charts }) => {
                    self.opened(dataset, &path);
                    self.open.key = key.map(std::sync::Arc::new);
                    // Checked on the background thread, so the window shows the records meanwhile.
                    let revision = self.open.document.revision();
                    if let Some(charts) = charts {
                        self.screens.charts.take_ahead(charts, revision);
                    }
                    self.open.problems.await_checked(revision);
                    self.open.checking = Some(Checking { revision, outcome: rest });
                    self.open.autosave.forget(forget.as_deref());
                    self.offer_encrypted_recovery(&path);
                }
                Err(LoadError::Encryption { problem, .. }) if problem.is_about_the_key() => {
                    self.ask_passphrase_again(path, forget, &problem);
                }
                Err(error) => {
                    self.report(&t!("open-failed", path = path.display().to_string()), load_error(&error));
                }
            },
            // A save that ended before Cancel reached it is done: the file is written.
            (Task::Save { path, state, blocked, then }, Outcome::Saved(result)) => match result {
                Err(_) if cancelled => {
                    self.message = Some(t!("save-cancelled", path = path.display().to_string()));
                }
                Ok(()) => {
                    self.saved(&path, state, blocked);
                    if let Some(then) = then
                        && !self.open.document.is_modified()
                    {
                        self.proceed(then, ctx);
                    }
                }
                Err(error) => {
                    self.report(&t!("save-failed-title"), t!("save-failed-kept", error = save_error(&error)));
                }
            },
            _ => {}
        }
    }
}

/// What the job is doing, a progress bar and Cancel: in a window of its own while a file opens,
/// on one line in the status bar while one saves. Returns whether Cancel was clicked.
fn job_ui(ui: &mut egui::Ui, job: &Job) -> bool {
    let (path, opening) = match &job.task {
        Task::Open { path, .. } => (path, true),
        Task::Save { path, .. } => (path, false),
    };
    let file = path.file_name().map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let doing = if opening { t!("job-opening", file = file) } else { t!("job-saving", file = file) };
    let stage = match job.progress.stage() {
        Stage::Reading => t!("job-stage-reading"),
        Stage::Parsing => t!("job-stage-parsing"),
        Stage::Writing => t!("job-stage-writing"),
        Stage::Checking => t!("job-stage-checking"),
    };
    let bar = match job.progress.fraction() {
        Some(fraction) => egui::ProgressBar::new(fraction).text(format!("{stage} {:.0}%", fraction * 100.0)),
        None => egui::ProgressBar::new(0.0).animate(true).text(stage),
    };
    if opening {
        ui.set_width(380.0);
        ui.heading(doing);
        ui.add_space(6.0);
        ui.add(bar);
        ui.add_space(6.0);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            ui.button(t!("button-cancel")).clicked()
        })
        .inner
    } else {
        ui.separator();
        ui.label(doing);
        ui.add(bar.desired_width(200.0));
        ui.button(t!("button-cancel")).clicked()
    }
}
