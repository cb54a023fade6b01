//! Any sequence of edits, then Undo until nothing is left to undo, gives back the dataset as it
//! was; Redo all gives back the edited one.

mod common;

use common::replay::{Step, replay};
use proptest::prelude::*;
use repatriation_watch::edit::{AnyRecord, Document, Edit};
use repatriation_watch::model::{Dataset, Id, Place, RecordKind};

/// One edit, chosen by numbers so that it applies to whatever the dataset holds.
#[derive(Clone, Debug)]
enum RecordEdit {
    /// Put a place (new, or replacing one) with this id number and name.
    PutPlace(u8, String),
    /// Retitle the n-th incident.
    Retitle(usize, String),
    /// Delete the n-th record of a kind.
    Delete(usize, usize),
    /// Several of these at once.
    Batch(Vec<(u8, String)>),
}

fn any_edit() -> impl Strategy<Value = RecordEdit> {
    prop_oneof![
        (any::<u8>(), common::any_text()).prop_map(|(n, name)| RecordEdit::PutPlace(n, name)),
        (any::<usize>(), common::any_text()).prop_map(|(n, title)| RecordEdit::Retitle(n, title)),
        (0..5usize, any::<usize>()).prop_map(|(kind, n)| RecordEdit::Delete(kind, n)),
        proptest::collection::vec((any::<u8>(), common::any_text()), 0..4).prop_map(RecordEdit::Batch),
    ]
}

fn place(n: u8, name: String) -> Edit {
    Edit::put(AnyRecord::Place(Place { id: Id::new(format!("pl-{n}")), name, ..Place::default() }))
}

fn edit_for(dataset: &Dataset, step: RecordEdit) -> Option<Edit> {
    Some(match step {
        RecordEdit::PutPlace(n, name) => place(n, name),
        RecordEdit::Retitle(n, title) => {
            let mut incident = dataset.incidents.get(n % dataset.incidents.len().max(1))?.clone();
            incident.title = title;
            Edit::put(AnyRecord::Incident(incident))
        }
        RecordEdit::Delete(kind, n) => {
            let kind = RecordKind::ALL[kind];
            let count = dataset.count(kind);
            let id = match kind {
                RecordKind::Incident => dataset.incidents.get(n % count.max(1))?.id.clone(),
                RecordKind::Rally => dataset.rallies.get(n % count.max(1))?.id.clone(),
                RecordKind::Source => dataset.sources.get(n % count.max(1))?.id.clone(),
                RecordKind::Place => dataset.places.get(n % count.max(1))?.id.clone(),
                RecordKind::Organization => dataset.organizations.get(n % count.max(1))?.id.clone(),
            };
            Edit::Delete(kind, id)
        }
        RecordEdit::Batch(places) => {
            Edit::Batch(places.into_iter().map(|(n, name)| place(n, name)).collect())
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn undo_all_gives_back_the_original(
        dataset in common::any_dataset(),
        edits in proptest::collection::vec(any_edit(), 0..30),
    ) {
        let mut document = Document::new(dataset);
        let original = document.dataset().clone();
        replay(&mut document, edits.into_iter().map(Step::Edit), edit_for, |_, _, _| Ok(()))?;
        let edited = document.dataset().clone();
        while document.undo() {}
        prop_assert_eq!(document.dataset(), &original);
        prop_assert!(!document.is_modified());
        while document.redo() {}
        prop_assert_eq!(document.dataset(), &edited);
    }
}
