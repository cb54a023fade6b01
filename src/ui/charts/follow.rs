//! Chart figures that follow the edits: worked out once (on another thread, for a large
//! dataset), then brought up to date by the records each edit touched, as the document's
//! journal tells them.

use std::sync::Arc;

use eframe::egui;

use super::work::{Polled, Work};
use crate::edit::Document;
use crate::model::{Change, Dataset, Incident, Rally, RecordKind};
use crate::query::Filters;
use crate::query::columns::TableRecord;
use crate::stats::{BreakdownIndex, FollowsEdits, MapIndex, SeriesIndex, TimelineIndex};

/// The edits made after a revision, when still known.
pub type ChangesSince<'a> = &'a dyn Fn(u64) -> Option<Vec<Change>>;

/// What the charts follow: the document (its records, revision and journal of edits), the window
/// that work on another thread wakes when done, and whether what must be worked out from scratch
/// is worked out on another thread (a large dataset).
pub struct Following<'a> {
    /// The open document.
    pub document: &'a Document,
    /// The window, when there is one.
    pub window: Option<&'a egui::Context>,
    /// Whether figures worked out from scratch are worked out on another thread.
    pub in_background: bool,
}

/// The name of the thread an index is built on, for a large dataset.
pub trait BuiltOnThread {
    /// The thread's name.
    const THREAD: &'static str;
}

impl BuiltOnThread for SeriesIndex {
    const THREAD: &'static str = "chart figures";
}

impl BuiltOnThread for BreakdownIndex {
    const THREAD: &'static str = "chart breakdown";
}

impl BuiltOnThread for MapIndex {
    const THREAD: &'static str = "chart map";
}

impl BuiltOnThread for TimelineIndex {
    const THREAD: &'static str = "chart timeline";
}

/// What figures were worked out for: the revision, the settings and the filters.
type WorkedOutFor<I> = (u64, <I as FollowsEdits>::Settings, Filters);

/// Figures that follow the edits: the last worked out, with what they were worked out for; the
/// index that keeps them up to date, with the revision and filters it follows; and the work
/// going on on another thread, if any.
pub struct Followed<I: FollowsEdits + BuiltOnThread> {
    figures: Option<(WorkedOutFor<I>, I::Figures)>,
    index: Option<(u64, Filters, I)>,
    work: Option<Work<(I::Settings, Filters), I>>,
}

impl<I: FollowsEdits + BuiltOnThread> Default for Followed<I> {
    fn default() -> Self {
        Self { figures: None, index: None, work: None }
    }
}

impl<I: FollowsEdits + BuiltOnThread> Followed<I> {
    /// The figures, when they are worked out for this revision, these settings and filters.
    pub fn ready(&self, revision: u64, settings: &I::Settings, filters: &Filters) -> Option<&I::Figures> {
        let key = (revision, settings.clone(), filters.clone());
        self.figures.as_ref().filter(|(worked_out, _)| *worked_out == key).map(|(_, figures)| figures)
    }

    /// The index that keeps the figures, once built (for what it knows beyond the figures).
    pub fn index(&self) -> Option<&I> {
        self.index.as_ref().map(|(_, _, index)| index)
    }

    /// The figures last worked out, whatever for.
    pub fn last(&self) -> Option<&I::Figures> {
        self.figures.as_ref().map(|(_, figures)| figures)
    }

    /// Takes work started elsewhere (once a file was read), unless work is going on already
    /// (the charts were asked for first, and are worked out for themselves).
    pub(crate) fn adopt(&mut self, work: Work<(I::Settings, Filters), I>) {
        if self.work.is_none() {
            self.work = Some(work);
        }
    }

    /// Whether they are being worked out on another thread.
    pub fn is_working(&self) -> bool {
        self.work.is_some()
    }

    /// Brings the figures up to date: by the changes since they were worked out
    /// (`changes_since` gives them, when they are still known), or from scratch when the
    /// settings or filters changed or the changes are not known.
    pub fn follow(
        &mut self,
        dataset: &Dataset,
        revision: u64,
        settings: &I::Settings,
        filters: &Filters,
        changes_since: ChangesSince<'_>,
    ) {
        if self.follow_edits(dataset, revision, settings, filters, changes_since) {
            return;
        }
        let (keep_incident, keep_rally) = keepers(filters);
        let index = I::build(dataset, settings, &keep_incident, &keep_rally);
        self.figures = Some(((revision, settings.clone(), filters.clone()), index.figures()));
        self.index = Some((revision, filters.clone(), index));
    }

    /// [`Self::follow`] for a large dataset: figures to be worked out from scratch are worked
    /// out on another thread, which wakes `window` when done; the edits made meanwhile are
    /// followed when they land. Returns whether the figures are ready.
    pub fn follow_in_background(
        &mut self,
        shared: &Arc<Dataset>,
        revision: u64,
        settings: &I::Settings,
        filters: &Filters,
        (changes_since, window): (ChangesSince<'_>, Option<&egui::Context>),
    ) -> bool {
        if self.follow_edits(shared, revision, settings, filters, changes_since) {
            return true;
        }
        // Work for other settings or filters is of no use any more.
        let key = (settings.clone(), filters.clone());
        match self.work.take().filter(|work| work.is_for(&key)).map(Work::poll) {
            Some(Polled::Done(built, index)) => {
                // Built from the records as they were; the edits made since are followed. The
                // index it replaces may hold a million records: freed on another thread.
                drop_elsewhere((self.index.replace((built, filters.clone(), index)), self.figures.take()));
                if self.follow_edits(shared, revision, settings, filters, changes_since) {
                    return true;
                }
            }
            Some(Polled::Going(work)) => {
                self.work = Some(work);
                return false;
            }
            Some(Polled::Failed) | None => {}
        }
        let (dataset, wanted, with) = (Arc::clone(shared), filters.clone(), settings.clone());
        self.work = Work::start(I::THREAD, (key, revision), window, move || {
            let (keep_incident, keep_rally) = keepers(&wanted);
            I::build(&dataset, &with, &keep_incident, &keep_rally)
        });
        if self.work.is_none() {
            self.follow(shared, revision, settings, filters, changes_since);
            return true;
        }
        false
    }

    /// Brings the figures up to date with the document, by its edits; on another thread
    /// ([`Self::follow_in_background`]) when `following` says so, else here ([`Self::follow`]).
    pub fn follow_document(&mut self, following: &Following<'_>, settings: &I::Settings, filters: &Filters) {
        let document = following.document;
        let revision = document.revision();
        let changes = |since| document.changes_since(since);
        if following.in_background {
            let shared = document.shared();
            self.follow_in_background(&shared, revision, settings, filters, (&changes, following.window));
        } else {
            self.follow(document.dataset(), revision, settings, filters, &changes);
        }
    }

    /// Brings the figures up to date when they are, or when the index for these settings and
    /// filters can follow the edits since it was built; returns whether it could.
    fn follow_edits(
        &mut self,
        dataset: &Dataset,
        revision: u64,
        settings: &I::Settings,
        filters: &Filters,
        changes_since: ChangesSince<'_>,
    ) -> bool {
        if self.ready(revision, settings, filters).is_some() {
            return true;
        }
        let (keep_incident, keep_rally) = keepers(filters);
        if let Some((followed, _, index)) =
            self.index.as_mut().filter(|(_, same, index)| same == filters && index.settings() == *settings)
            && let Some(changes) = changes_since(*followed)
        {
            // The figures shown let go of what the index may share with them, so that it
            // changes them in place rather than copying them. (Should the index not follow,
            // they are worked out again anyway.)
            self.figures = None;
            if index.update(dataset, &changes, &keep_incident, &keep_rally) {
                *followed = revision;
                self.figures = Some(((revision, settings.clone(), filters.clone()), index.figures()));
                return true;
            }
        }
        false
    }
}

/// Frees a large value on another thread (here, with the closure holding it, if no thread
/// starts).
fn drop_elsewhere<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().name("freeing".to_owned()).spawn(move || drop(value));
}

/// Which incidents and which rallies the filters let through; every one, without looking,
/// when no filter is set.
pub fn keepers(filters: &Filters) -> (impl Fn(&Incident) -> bool + '_, impl Fn(&Rally) -> bool + '_) {
    let active = filters.is_active();
    let keep_incident =
        move |i: &Incident| !active || filters.passes(RecordKind::Incident, i.date_range(), &i.facets());
    let keep_rally =
        move |r: &Rally| !active || filters.passes(RecordKind::Rally, r.date_range(), &r.facets());
    (keep_incident, keep_rally)
}
