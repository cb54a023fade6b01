//! Form widgets: fuzzy dates, reported figures, record pickers, inline problems.

mod count_field;
mod date_field;
mod day_picker;
mod picker;
mod problems;

pub use count_field::{estimates_ui, optional_number_ui};
pub use date_field::{PublicationDay, date_field_ui, publication_day};
pub use day_picker::{DayPickerLabels, day_picker_ui, name_widget};
pub use picker::{PickerLabels, multi_picker_ui, picker_ui};
pub use problems::{FormContext, field_cell, field_problems_ui, has_problem};
