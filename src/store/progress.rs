//! How far a load or a save has got, and whether it was asked to stop: shared between the
//! app's background thread and the window, so that a large file never freezes the window.

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};

/// What a load or save is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading the file's bytes (measured).
    Reading,
    /// Turning text into records (measured when the app's own reader reads the file).
    Parsing,
    /// Writing the records as text into the file, a piece at a time (measured in records).
    Writing,
    /// Checking the records read for problems (not measured; done by the app).
    Checking,
}

/// How far a load or save on another thread has got, and whether it was asked to stop. Shared
/// between that thread and the window.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    stage: AtomicU8,
    cancelled: AtomicBool,
}

impl Progress {
    /// The stage now.
    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Reading,
            1 => Stage::Parsing,
            2 => Stage::Writing,
            _ => Stage::Checking,
        }
    }

    /// The part of the stage done, from 0 to 1, for the stages that are measured.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total.load(Ordering::Relaxed);
        let measured = total > 0;
        measured.then(|| (self.done.load(Ordering::Relaxed) as f32 / total as f32).min(1.0))
    }

    /// Asks the work to stop at its next piece; a save then leaves the old file as it was.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the work was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Starts a stage that is not measured.
    pub fn enter(&self, stage: Stage) {
        self.start(stage, 0);
    }

    /// Starts `stage`, of which `total` (bytes or records; 0 when not measured) is to be done.
    /// How much is done, in the stage's unit.
    #[cfg(test)]
    pub(super) fn done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }

    pub(super) fn start(&self, stage: Stage, total: u64) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    /// Sets how many bytes of the stage are done.
    pub(super) fn set_done(&self, bytes: u64) {
        self.done.store(bytes, Ordering::Relaxed);
    }

    /// Counts `count` more of the stage (bytes or records) as done.
    pub(super) fn advance(&self, count: usize) {
        self.done.fetch_add(count as u64, Ordering::Relaxed);
    }
}
