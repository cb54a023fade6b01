//! What the two screens (a table with its editor, and the charts) keep between frames, and the
//! context of borrows they are drawn with: the document, its problems, and the queues where
//! they leave the edits and commands the user asked for (as rerun's viewer passes a
//! `ViewerContext`).

use super::charts::ChartsState;
use super::command::Command;
use super::dialogs::Dialog;
use super::forms::Editor;
use super::table::Tables;
use crate::edit::{Document, Edit};
use crate::model::{Dataset, Id, ProblemIndex, RecordKind};
use crate::query::Filters;

/// What a screen reads, and where it leaves what the user asked for.
pub struct ScreenContext<'a> {
    /// The open document: its records, revision and journal of edits.
    pub document: &'a Document,
    /// The dataset's problems, up to date with the document.
    pub problems: &'a ProblemIndex,
    /// The edits asked for, which go through the document after the screens are drawn.
    pub edits: &'a mut Vec<Edit>,
    /// The commands asked for, which run after the screens are drawn.
    pub commands: &'a mut Vec<Command>,
    /// The dialog to show, when a screen asks for one (the confirmation of a delete).
    pub dialog: &'a mut Option<Dialog>,
    /// The bundled places, which the place pickers offer.
    pub gazetteer: &'a crate::article::Gazetteer,
}

impl ScreenContext<'_> {
    /// The dataset shown.
    pub fn dataset(&self) -> &Dataset {
        self.document.dataset()
    }
}

/// The screens' state: which is shown, the tables, the filters they share with the charts, the
/// editor's drafts and the charts' settings and figures.
#[derive(Default)]
pub struct Screens {
    /// The kind of record whose table is shown.
    pub view: RecordKind,
    /// Whether the charts are shown instead of a table.
    pub show_charts: bool,
    /// The charts' settings and figures.
    pub charts: ChartsState,
    /// The period a click on a chart narrowed the table to, as its label.
    pub period_chip: Option<String>,
    /// The route or place a click on the map narrowed the table to, as its label.
    pub map_chip: Option<String>,
    /// One table per kind of record.
    pub tables: Tables,
    /// The filters shared by the tables and the charts.
    pub filters: Filters,
    /// The forms and their drafts.
    pub editor: Editor,
}

impl Screens {
    /// Shows `kind` and selects the record `id`.
    pub fn select(&mut self, kind: RecordKind, id: Id) {
        self.view = kind;
        let table = self.tables.get_mut(kind);
        table.selected = Some(id);
        table.scroll_to_selected = true;
    }

    /// The selected record of the kind shown.
    pub fn selected(&self) -> Option<&Id> {
        self.tables.get(self.view).selected.as_ref()
    }

    /// Forgets the drafts and selections of the dataset shown before.
    pub fn forget_records(&mut self) {
        self.editor.clear();
        self.tables.clear_selections();
    }
}
