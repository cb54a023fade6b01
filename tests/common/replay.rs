//! Random edits replayed on a document, for the property tests of what follows the edits: each
//! test draws its own kind of record edit, and the steps mix them with Undo and Redo.

use std::fmt::Debug;

use jiff::Timestamp;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use repatriation_watch::edit::{Document, Edit};
use repatriation_watch::model::{Change, Dataset};

/// One step of a replay: an edit of the test's own kind, an Undo or a Redo.
#[derive(Clone, Debug)]
pub enum Step<E> {
    /// An edit, made by the test's `edit_of`.
    Edit(E),
    /// Take back the last edit.
    Undo,
    /// Make again the last edit taken back.
    Redo,
}

/// Steps drawn from `edits` `weight` times in `weight + 2`, else an Undo or a Redo.
pub fn with_undo<E: Clone + Debug + 'static>(
    edits: impl Strategy<Value = E> + 'static,
    weight: u32,
) -> impl Strategy<Value = Step<E>> {
    prop_oneof![weight => edits.prop_map(Step::Edit), 1 => Just(Step::Undo), 1 => Just(Step::Redo)]
}

/// When the `n`-th step is made: a second after the one before.
pub fn time_of(n: usize) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + i64::try_from(n).unwrap_or(0)).expect("in range")
}

/// Carries out `steps` on `document` one at a time, each edit made by `edit_of` from the
/// dataset as it is (`None`: nothing to do), and calls `after_each` with the step and the
/// changes it made.
pub fn replay<E: Clone + Debug>(
    document: &mut Document,
    steps: impl IntoIterator<Item = Step<E>>,
    edit_of: impl Fn(&Dataset, E) -> Option<Edit>,
    mut after_each: impl FnMut(&Document, &Step<E>, &[Change]) -> Result<(), TestCaseError>,
) -> Result<(), TestCaseError> {
    for (n, step) in steps.into_iter().enumerate() {
        let before = document.revision();
        match step.clone() {
            Step::Undo => {
                document.undo();
            }
            Step::Redo => {
                document.redo();
            }
            Step::Edit(what) => {
                if let Some(edit) = edit_of(document.dataset(), what) {
                    document.apply(edit, time_of(n));
                }
            }
        }
        let changes = document.changes_since(before).expect("the journal covers one step");
        after_each(document, &step, &changes)?;
    }
    Ok(())
}
