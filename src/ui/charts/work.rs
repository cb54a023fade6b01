//! Chart figures worked out on another thread, for a large dataset, so the window keeps drawing
//! (a spinner) meanwhile.

use std::sync::mpsc;

use eframe::egui;

/// Work on another thread: what it is for, the revision of the records it works on, and its
/// result once done.
pub(crate) struct Work<K, T> {
    key: K,
    revision: u64,
    result: mpsc::Receiver<T>,
}

/// What became of the work.
pub(crate) enum Polled<K, T> {
    /// Done, with the revision of the records it worked on.
    Done(u64, T),
    /// Still going on.
    Going(Work<K, T>),
    /// The thread failed: the work is to be done anew.
    Failed,
}

impl<K: PartialEq, T: Send + 'static> Work<K, T> {
    /// Starts `work` on a thread named `name`, which wakes `window` when done; `None` when no
    /// thread could start.
    pub(crate) fn start(
        name: &str,
        (key, revision): (K, u64),
        window: Option<&egui::Context>,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Option<Self> {
        let (sender, result) = mpsc::channel();
        let window = window.cloned();
        let run = move || {
            // The window may have moved on and dropped the receiver: nothing is lost then.
            let _ = sender.send(work());
            if let Some(window) = window {
                window.request_repaint();
            }
        };
        std::thread::Builder::new().name(name.to_owned()).spawn(run).ok()?;
        Some(Self { key, revision, result })
    }

    /// The work, taken for the records at `revision` (started before the revision was known).
    pub(crate) fn at(self, revision: u64) -> Self {
        Self { revision, ..self }
    }

    /// Whether the work is for this key.
    pub(crate) fn is_for(&self, key: &K) -> bool {
        self.key == *key
    }

    /// Looks whether the work is done.
    pub(crate) fn poll(self) -> Polled<K, T> {
        match self.result.try_recv() {
            Ok(result) => Polled::Done(self.revision, result),
            Err(mpsc::TryRecvError::Empty) => Polled::Going(self),
            Err(mpsc::TryRecvError::Disconnected) => Polled::Failed,
        }
    }
}
