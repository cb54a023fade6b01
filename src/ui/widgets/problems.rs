//! What a form needs from the app, and problems shown beside the field at fault.

use eframe::egui;

use crate::edit::Edit;
use crate::model::{Dataset, Problem, ProblemIndex};

/// What a form draws with: the dataset (for pickers), the draft's problems, and a place for the
/// edits it asks for (a place added from a picker).
pub struct FormContext<'a> {
    /// The dataset the draft belongs to.
    pub dataset: &'a Dataset,
    /// The dataset's problems, which also know each incident's legs.
    pub index: &'a ProblemIndex,
    /// The draft's validation problems.
    pub problems: &'a [Problem],
    /// Edits the form asks for, applied after the frame.
    pub edits: &'a mut Vec<Edit>,
    /// The time, for new records' ids.
    pub now: jiff::Timestamp,
    /// The width of the field column. Fixed for the whole form: a grid whose fields asked for
    /// all the width available would widen itself every frame.
    pub field_width: f32,
    /// Whether the first field (title or name) takes the cursor: a record was just started.
    pub focus_first_field: bool,
    /// Records about to be added with the draft, when it is a proposal reviewed before it is
    /// added (an article's): the pickers name and offer them, and the form leaves out what needs
    /// the record stored (its legs).
    pub pending: Option<&'a [crate::edit::AnyRecord]>,
    /// The bundled places a place picker offers besides the dataset's.
    pub gazetteer: Option<&'a crate::article::Gazetteer>,
}

impl FormContext<'_> {
    /// The records about to be added with the draft (none for a stored record).
    pub fn pending(&self) -> &[crate::edit::AnyRecord] {
        self.pending.unwrap_or_default()
    }
}

fn concerns(problem: &Problem, field: &str) -> bool {
    problem.field == field
        || problem
            .field
            .strip_prefix(field)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// Whether any problem concerns `field` or a part of it.
pub fn has_problem(problems: &[Problem], field: &str) -> bool {
    problems.iter().any(|p| concerns(p, field))
}

/// Shows every problem concerning `field` or a part of it: errors in the error colour,
/// warnings in the warning colour.
pub fn field_problems_ui(ui: &mut egui::Ui, problems: &[Problem], field: &str) {
    for problem in problems.iter().filter(|p| concerns(p, field)) {
        let visuals = ui.visuals();
        let colour = if problem.is_warning() { visuals.warn_fg_color } else { visuals.error_fg_color };
        ui.colored_label(colour, crate::ui::errors::problem_message(&problem.message));
    }
}

/// The right-hand cell of a form row, exactly `width` wide: its text wraps instead of widening
/// the form.
pub fn field_cell<R>(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    ui.vertical(|ui| {
        ui.set_width(width);
        add(ui)
    })
    .inner
}
