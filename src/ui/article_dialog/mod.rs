//! File → New from article… (Ctrl+Shift+V, or an article dropped on the window): the article on
//! one side, its phrases used highlighted; the records the reader proposes on the other, each
//! with what was understood and the sentence it came from, to add, change in the usual form,
//! take for a record already in the dataset, or leave out, one by one or all. What is added is
//! one batch edit, tied to a new source; nothing is added that the user did not accept.

mod edit;
mod proposals;
mod text;

use eframe::egui;
use jiff::civil::Date;

use super::widgets::{DayPickerLabels, day_picker_ui};
use crate::article::records::planned_records;
use crate::article::{Accepted, Gazetteer, Plan, Reading, read};
use crate::edit::AnyRecord;
use crate::model::{Dataset, Id, ProblemIndex, RecordKind};
use crate::t;

/// The article being read, and what the user chose of its proposals.
#[derive(Clone, Debug, Default)]
pub struct ArticleState {
    /// The article's text, as pasted or opened.
    pub text: String,
    /// The day it was published, for its relative dates.
    pub published: Option<Date>,
    /// What the reader made of the text and day last read.
    pub reading: Reading,
    /// The text and day the reading is of.
    read_for: Option<(String, Option<Date>)>,
    /// Whether each incident proposed is to be added.
    pub add_incidents: Vec<bool>,
    /// Whether each rally proposed is to be added.
    pub add_rallies: Vec<bool>,
    /// Whether each incident already recorded is to be linked to the article.
    pub link_incidents: Vec<bool>,
    /// Whether each rally already recorded is to be linked to the article.
    pub link_rallies: Vec<bool>,
    /// The ids the records will have.
    plan: Plan,
    /// Every record the plan names, as it would be added (the forms' pickers name them).
    planned: Vec<AnyRecord>,
    /// The proposals the user changed in their form.
    edited: Vec<AnyRecord>,
    /// Places and organizations added from a form's pickers.
    added: Vec<AnyRecord>,
    /// The proposal whose form is shown in place of the list, by kind and index.
    editing: Option<(RecordKind, usize)>,
}

impl ArticleState {
    /// An article to read, with its text.
    pub fn with_text(text: String) -> Self {
        Self { text, ..Self::default() }
    }

    /// Reads the article again when its text or day changed; every proposal starts accepted,
    /// and changes made in the proposals' forms are dropped with them.
    pub fn refresh(&mut self, dataset: &Dataset, gazetteer: &Gazetteer) {
        // Compared in place: the text is not copied on every frame.
        if self.read_for.as_ref().is_some_and(|(text, day)| *text == self.text && *day == self.published) {
            return;
        }
        // Markup pasted from a page's source is read as the page's words.
        if crate::article::html::looks_like_html(&self.text) {
            self.text = crate::article::html::text_of_html(&self.text);
        }
        self.reading = read(&self.text, self.published, dataset, gazetteer);
        if self.published.is_none() {
            self.published = self.reading.source.published.earliest;
        }
        // What the dataset has already is linked to the article, not entered twice.
        self.add_incidents = self.reading.incidents.iter().map(|i| i.known.is_none()).collect();
        self.add_rallies = self.reading.rallies.iter().map(|r| r.known.is_none()).collect();
        // An article already entered (a source of that title) links nothing again.
        let entered = crate::article::entered_source(&self.reading, dataset).is_some();
        self.link_incidents = self.reading.incidents.iter().map(|i| i.known.is_some() && !entered).collect();
        self.link_rallies = self.reading.rallies.iter().map(|r| r.known.is_some() && !entered).collect();
        self.plan = Plan::new(&self.reading, dataset, jiff::Timestamp::now());
        self.planned = planned_records(&self.reading, &self.plan);
        self.edited.clear();
        self.added.clear();
        self.editing = None;
        self.read_for = Some((self.text.clone(), self.published));
    }

    /// The proposals the user accepted, with those they changed.
    pub fn accepted(&self) -> Accepted {
        let chosen =
            |flags: &[bool]| flags.iter().enumerate().filter(|(_, add)| **add).map(|(i, _)| i).collect();
        Accepted {
            incidents: chosen(&self.add_incidents),
            rallies: chosen(&self.add_rallies),
            linked_incidents: chosen(&self.link_incidents),
            linked_rallies: chosen(&self.link_rallies),
            edited: self.edited.clone(),
            added: self.added.clone(),
        }
    }

    /// The ids the records will have.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Takes proposal `index` of `kind` for the dataset's record `known` (linked to the article,
    /// not added), or, with `None`, for a new record (added).
    pub fn set_known(&mut self, kind: RecordKind, index: usize, known: Option<&Id>) {
        let (add, link) = if kind == RecordKind::Rally {
            if let Some(rally) = self.reading.rallies.get_mut(index) {
                rally.known = known.cloned();
            }
            (&mut self.add_rallies, &mut self.link_rallies)
        } else {
            if let Some(incident) = self.reading.incidents.get_mut(index) {
                incident.known = known.cloned();
            }
            (&mut self.add_incidents, &mut self.link_incidents)
        };
        if let (Some(add), Some(link)) = (add.get_mut(index), link.get_mut(index)) {
            *add = known.is_none();
            *link = known.is_some();
        }
    }

    /// Ticks or clears every proposal: to add (or link, when already recorded), or none.
    pub fn set_all(&mut self, on: bool) {
        for (index, incident) in self.reading.incidents.iter().enumerate() {
            self.add_incidents[index] = on && incident.known.is_none();
            self.link_incidents[index] = on && incident.known.is_some();
        }
        for (index, rally) in self.reading.rallies.iter().enumerate() {
            self.add_rallies[index] = on && rally.known.is_none();
            self.link_rallies[index] = on && rally.known.is_some();
        }
    }

    /// The record proposal `index` of `kind` would be added as: as the user changed it, else as
    /// proposed.
    fn record_of(&self, kind: RecordKind, index: usize) -> Option<&AnyRecord> {
        let id = self.planned_id(kind, index)?;
        let same = |r: &&AnyRecord| r.kind() == kind && r.id() == id;
        self.edited.iter().find(same).or_else(|| self.planned.iter().find(same))
    }

    /// Whether the user changed proposal `index` of `kind` in its form.
    fn is_edited(&self, kind: RecordKind, index: usize) -> bool {
        self.planned_id(kind, index)
            .is_some_and(|id| self.edited.iter().any(|r| r.kind() == kind && r.id() == id))
    }

    /// The id planned for proposal `index` of `kind`.
    fn planned_id(&self, kind: RecordKind, index: usize) -> Option<&Id> {
        let ids = if kind == RecordKind::Rally { &self.plan.rallies } else { &self.plan.incidents };
        ids.get(index)
    }
}

/// What the user decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleAnswer {
    /// Add the records accepted.
    Add,
    /// Give it up.
    Cancel,
    /// Read the article from a file instead.
    OpenFile,
}

/// Draws the article dialog; returns the decision once there is one.
pub fn article_ui(
    ctx: &egui::Context,
    state: &mut ArticleState,
    dataset: &Dataset,
    (index, gazetteer): (&ProblemIndex, &Gazetteer),
) -> Option<ArticleAnswer> {
    state.refresh(dataset, gazetteer);
    let modal = egui::Modal::new(egui::Id::unique("article-dialog")).show(ctx, |ui| {
        ui.set_width((ctx.content_rect().width() - 80.0).clamp(480.0, 1100.0));
        ui.heading(t!("article-title"));
        ui.weak(t!("article-hint"));
        published_ui(ui, state);
        ui.columns(2, |columns| {
            // Left-aligned, not justified: the columns' own layout would stretch wrapped lines.
            let plain = egui::Layout::top_down(egui::Align::Min);
            columns[0].with_layout(plain, |ui| text::text_ui(ui, state));
            columns[1].with_layout(plain, |ui| {
                if state.editing.is_some() {
                    edit::edit_ui(ui, state, dataset, (index, gazetteer));
                } else {
                    proposals::proposals_ui(ui, state, dataset, index);
                }
            });
        });
        ui.add_space(8.0);
        buttons_ui(ui, state)
    });
    modal.inner.or_else(|| modal.should_close().then_some(ArticleAnswer::Cancel))
}

fn published_ui(ui: &mut egui::Ui, state: &mut ArticleState) {
    ui.horizontal(|ui| {
        let name = t!("article-published");
        ui.label(&name);
        let labels = DayPickerLabels {
            name: &name,
            unset: &t!("article-published-unset"),
            clear: &t!("article-published-clear"),
        };
        let today = jiff::Zoned::now().date();
        day_picker_ui(ui, &labels, &mut state.published, today);
        if state.published.is_none() {
            ui.weak(t!("article-published-why"));
        }
    });
}

fn buttons_ui(ui: &mut egui::Ui, state: &ArticleState) -> Option<ArticleAnswer> {
    let accepted = state.accepted();
    let count = accepted.incidents.len() + accepted.rallies.len();
    let linked = accepted.linked_incidents.len() + accepted.linked_rallies.len();
    let text = if linked == 0 {
        t!("article-add", count = count)
    } else {
        t!("article-add-and-link", count = count, linked = linked)
    };
    ui.horizontal(|ui| {
        let add = ui.add_enabled(count + linked > 0, egui::Button::new(text));
        if add.on_hover_text(t!("article-add-hint")).clicked() {
            return Some(ArticleAnswer::Add);
        }
        if ui.button(t!("article-open-file")).on_hover_text(t!("article-open-file-hint")).clicked() {
            return Some(ArticleAnswer::OpenFile);
        }
        ui.button(t!("button-cancel")).clicked().then_some(ArticleAnswer::Cancel)
    })
    .inner
}
