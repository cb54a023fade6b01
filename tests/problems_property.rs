//! The problems kept up to date edit by edit are always those a whole check finds: after any
//! sequence of edits, undos and redos over records that refer to one another.

mod common;

use common::replay::{Step, replay, time_of, with_undo};
use proptest::prelude::*;
use repatriation_watch::edit::{AnyRecord, Document, Edit};
use repatriation_watch::model::{
    CountEstimate, CountQualifier, Dataset, Id, Incident, Organization, Place, ProblemIndex, Rally,
    RecordKind, Source, SourcedEstimate, validate, validate_incident,
};

/// One of a few ids of a kind, so that records often refer to ones that exist.
fn id(prefix: &str, n: u8) -> Id {
    Id::new(format!("{prefix}-{}", n % 4))
}

fn estimate(figures: (u8, u8, u8, bool)) -> SourcedEstimate {
    let (low, high, best, open) = figures;
    let qualifier = if open { CountQualifier::AtLeast } else { CountQualifier::Between };
    let count = CountEstimate {
        qualifier,
        low: Some(u32::from(low)),
        high: (!open).then_some(u32::from(high)),
        best: (best % 3 == 0).then_some(u32::from(best)),
        as_reported: String::new(),
    };
    SourcedEstimate { count, source: Some(id("src", best)), preferred: true, note: String::new() }
}

/// An edit of records that refer to one another.
#[derive(Clone, Copy, Debug)]
enum RecordEdit {
    Incident { n: u8, parent: Option<u8>, place: Option<u8>, source: u8, figures: (u8, u8, u8, bool) },
    Rally { n: u8, place: Option<u8>, organizer: u8, responds_to: u8 },
    Place(u8, bool),
    Source(u8),
    Organization(u8),
    Delete(u8, u8),
}

fn any_step() -> impl Strategy<Value = Step<RecordEdit>> {
    let figures = (any::<u8>(), any::<u8>(), any::<u8>(), any::<bool>());
    let edits = prop_oneof![
        4 => (any::<u8>(), proptest::option::of(any::<u8>()), proptest::option::of(any::<u8>()), any::<u8>(), figures)
            .prop_map(|(n, parent, place, source, figures)| RecordEdit::Incident { n, parent, place, source, figures }),
        2 => (any::<u8>(), proptest::option::of(any::<u8>()), any::<u8>(), any::<u8>())
            .prop_map(|(n, place, organizer, responds_to)| RecordEdit::Rally { n, place, organizer, responds_to }),
        2 => (any::<u8>(), any::<bool>()).prop_map(|(n, named)| RecordEdit::Place(n, named)),
        1 => any::<u8>().prop_map(RecordEdit::Source),
        1 => any::<u8>().prop_map(RecordEdit::Organization),
        3 => (0..5u8, any::<u8>()).prop_map(|(kind, n)| RecordEdit::Delete(kind, n)),
    ];
    with_undo(edits, 13)
}

fn edit_of(step: RecordEdit) -> Edit {
    let record = match step {
        RecordEdit::Incident { n, parent, place, source, figures } => AnyRecord::Incident(Incident {
            id: id("inc", n),
            title: "an incident".to_owned(),
            parent: parent.map(|p| id("inc", p)),
            from_place: place.map(|p| id("pl", p)),
            sources: vec![id("src", source)],
            estimates: vec![estimate(figures)],
            ..Incident::default()
        }),
        RecordEdit::Rally { n, place, organizer, responds_to } => AnyRecord::Rally(Rally {
            id: id("ral", n),
            title: "a rally".to_owned(),
            place: place.map(|p| id("pl", p)),
            organizers: vec![id("org", organizer)],
            responds_to: vec![id("inc", responds_to)],
            ..Rally::default()
        }),
        RecordEdit::Place(n, named) => AnyRecord::Place(Place {
            id: id("pl", n),
            name: if named { "Dandong".to_owned() } else { String::new() },
            ..Place::default()
        }),
        RecordEdit::Source(n) => {
            AnyRecord::Source(Source { id: id("src", n), title: "a source".to_owned(), ..Source::default() })
        }
        RecordEdit::Organization(n) => AnyRecord::Organization(Organization {
            id: id("org", n),
            name: "an organization".to_owned(),
            ..Organization::default()
        }),
        RecordEdit::Delete(kind, n) => {
            let kind = RecordKind::ALL[usize::from(kind)];
            return Edit::Delete(kind, id(kind.id_prefix(), n));
        }
    };
    Edit::put(record)
}

fn sorted_lines(problems: &[repatriation_watch::model::Problem]) -> Vec<String> {
    let mut lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    lines.sort();
    lines
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn problems_kept_up_to_date_match_a_whole_check(steps in proptest::collection::vec(any_step(), 1..40)) {
        let mut document = Document::new(Dataset::default());
        let mut index = ProblemIndex::of(document.dataset());
        replay(&mut document, steps, |_, edit| Some(edit_of(edit)), |document, _, changes| {
            index.update(document.dataset(), changes);
            prop_assert_eq!(sorted_lines(&index.all()), sorted_lines(&validate(document.dataset())));
            prop_assert_eq!(index.len(), validate(document.dataset()).len());
            // A draft of each incident, checked with the index's legs, as a scan checks it.
            for incident in &document.dataset().incidents {
                let legs = |legs: Vec<&Incident>| legs.into_iter().map(|leg| leg.id.clone()).collect::<Vec<_>>();
                prop_assert_eq!(
                    legs(index.legs_of(document.dataset(), &incident.id).collect()),
                    legs(document.dataset().legs_of(&incident.id).collect())
                );
                let mut draft = incident.clone();
                draft.title.push_str(" (draft)");
                prop_assert_eq!(
                    sorted_lines(&index.check_incident(document.dataset(), &draft)),
                    sorted_lines(&validate_incident(document.dataset(), &draft))
                );
            }
            Ok(())
        })?;
    }
}

#[test]
fn a_new_place_clears_the_problems_of_the_records_that_named_it() {
    let mut document = Document::new(Dataset::default());
    let now = time_of(0);
    let incident = edit_of(RecordEdit::Incident {
        n: 0,
        parent: None,
        place: Some(1),
        source: 0,
        figures: (0, 4, 0, false),
    });
    document.apply(incident, now);
    document.apply(edit_of(RecordEdit::Source(0)), now);
    let mut index = ProblemIndex::of(document.dataset());
    assert_eq!(
        sorted_lines(&index.all()),
        ["incident inc-0, from_place: refers to place pl-1, which does not exist"]
    );
    let before = document.revision();
    document.apply(edit_of(RecordEdit::Place(1, true)), now);
    index.update(document.dataset(), &document.changes_since(before).expect("known"));
    assert!(index.is_empty(), "{:?}", index.all());
}
