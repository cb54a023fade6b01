//! Any sequence of edits, then Undo until nothing is left to undo, gives back the dataset as it
//! was; Redo all gives back the edited one.

mod common;

use jiff::Timestamp;
use proptest::prelude::*;
use repatriation_watch::edit::{AnyRecord, Document, Edit};
use repatriation_watch::model::{Dataset, Id, Place, RecordKind};

/// One edit, chosen by numbers so that it applies to whatever the dataset holds.
#[derive(Clone, Debug)]
enum Step {
    /// Put a place (new, or replacing one) with this id number and name.
    PutPlace(u8, String),
    /// Retitle the n-th incident.
    Retitle(usize, String),
    /// Delete the n-th record of a kind.
    Delete(usize, usize),
    /// Several of these at once.
    Batch(Vec<(u8, String)>),
}

fn any_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (any::<u8>(), common::any_text()).prop_map(|(n, name)| Step::PutPlace(n, name)),
        (any::<usize>(), common::any_text()).prop_map(|(n, title)| Step::Retitle(n, title)),
        (0..5usize, any::<usize>()).prop_map(|(kind, n)| Step::Delete(kind, n)),
        proptest::collection::vec((any::<u8>(), common::any_text()), 0..4).prop_map(Step::Batch),
    ]
}

fn place(n: u8, name: String) -> Edit {
    Edit::put(AnyRecord::Place(Place { id: Id::new(format!("pl-{n}")), name, ..Place::default() }))
}

fn edit_for(dataset: &Dataset, step: Step) -> Option<Edit> {
    Some(match step {
        Step::PutPlace(n, name) => place(n, name),
        Step::Retitle(n, title) => {
            let mut incident = dataset.incidents.get(n % dataset.incidents.len().max(1))?.clone();
            incident.title = title;
            Edit::put(AnyRecord::Incident(incident))
        }
        Step::Delete(kind, n) => {
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
        Step::Batch(places) => Edit::Batch(places.into_iter().map(|(n, name)| place(n, name)).collect()),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn undo_all_gives_back_the_original(
        dataset in common::any_dataset(),
        steps in proptest::collection::vec(any_step(), 0..30),
    ) {
        let mut document = Document::new(dataset);
        let original = document.dataset().clone();
        for (second, step) in steps.into_iter().enumerate() {
            if let Some(edit) = edit_for(document.dataset(), step) {
                let now = Timestamp::from_second(1_800_000_000 + i64::try_from(second).unwrap_or(0)).expect("in range");
                document.apply(edit, now);
            }
        }
        let edited = document.dataset().clone();
        while document.undo() {}
        prop_assert_eq!(document.dataset(), &original);
        prop_assert!(!document.is_modified());
        while document.redo() {}
        prop_assert_eq!(document.dataset(), &edited);
    }
}
