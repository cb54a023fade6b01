//! Edits: the one path by which the dataset changes, with undo and redo.
//!
//! The screens never change the dataset while drawing it: they emit [`Edit`]s, which
//! [`Document::apply`] carries out once per frame. That is also where the undo and redo stacks,
//! the unsaved flag and the revision (which keys every cache) live. No egui and no files here.

mod any_record;
mod document;

pub use any_record::AnyRecord;
pub use document::{Action, Document, Edit, new_id};
