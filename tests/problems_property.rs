//! The problems kept up to date edit by edit are always those a whole check finds: after any
//! sequence of edits, undos and redos over records that refer to one another.

use jiff::Timestamp;
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

#[derive(Clone, Copy, Debug)]
enum Step {
    Incident { n: u8, parent: Option<u8>, place: Option<u8>, source: u8, figures: (u8, u8, u8, bool) },
    Rally { n: u8, place: Option<u8>, organizer: u8, responds_to: u8 },
    Place(u8, bool),
    Source(u8),
    Organization(u8),
    Delete(u8, u8),
    Undo,
    Redo,
}

fn any_step() -> impl Strategy<Value = Step> {
    let figures = (any::<u8>(), any::<u8>(), any::<u8>(), any::<bool>());
    prop_oneof![
        4 => (any::<u8>(), proptest::option::of(any::<u8>()), proptest::option::of(any::<u8>()), any::<u8>(), figures)
            .prop_map(|(n, parent, place, source, figures)| Step::Incident { n, parent, place, source, figures }),
        2 => (any::<u8>(), proptest::option::of(any::<u8>()), any::<u8>(), any::<u8>())
            .prop_map(|(n, place, organizer, responds_to)| Step::Rally { n, place, organizer, responds_to }),
        2 => (any::<u8>(), any::<bool>()).prop_map(|(n, named)| Step::Place(n, named)),
        1 => any::<u8>().prop_map(Step::Source),
        1 => any::<u8>().prop_map(Step::Organization),
        3 => (0..5u8, any::<u8>()).prop_map(|(kind, n)| Step::Delete(kind, n)),
        1 => Just(Step::Undo),
        1 => Just(Step::Redo),
    ]
}

fn edit_of(step: Step) -> Option<Edit> {
    let record = match step {
        Step::Incident { n, parent, place, source, figures } => AnyRecord::Incident(Incident {
            id: id("inc", n),
            title: "an incident".to_owned(),
            parent: parent.map(|p| id("inc", p)),
            from_place: place.map(|p| id("pl", p)),
            sources: vec![id("src", source)],
            estimates: vec![estimate(figures)],
            ..Incident::default()
        }),
        Step::Rally { n, place, organizer, responds_to } => AnyRecord::Rally(Rally {
            id: id("ral", n),
            title: "a rally".to_owned(),
            place: place.map(|p| id("pl", p)),
            organizers: vec![id("org", organizer)],
            responds_to: vec![id("inc", responds_to)],
            ..Rally::default()
        }),
        Step::Place(n, named) => AnyRecord::Place(Place {
            id: id("pl", n),
            name: if named { "Dandong".to_owned() } else { String::new() },
            ..Place::default()
        }),
        Step::Source(n) => {
            AnyRecord::Source(Source { id: id("src", n), title: "a source".to_owned(), ..Source::default() })
        }
        Step::Organization(n) => AnyRecord::Organization(Organization {
            id: id("org", n),
            name: "an organization".to_owned(),
            ..Organization::default()
        }),
        Step::Delete(kind, n) => {
            let kind = RecordKind::ALL[usize::from(kind)];
            return Some(Edit::Delete(kind, id(kind.id_prefix(), n)));
        }
        Step::Undo | Step::Redo => return None,
    };
    Some(Edit::put(record))
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
        let mut checked = document.revision();
        for (second, step) in steps.into_iter().enumerate() {
            let now = Timestamp::from_second(1_800_000_000 + i64::try_from(second).unwrap_or(0)).expect("in range");
            match step {
                Step::Undo => { document.undo(); }
                Step::Redo => { document.redo(); }
                step => if let Some(edit) = edit_of(step) { document.apply(edit, now) },
            }
            let changes = document.changes_since(checked).expect("the journal covers one edit");
            index.update(document.dataset(), &changes);
            checked = document.revision();
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
        }
    }
}

#[test]
fn a_new_place_clears_the_problems_of_the_records_that_named_it() {
    let mut document = Document::new(Dataset::default());
    let now = Timestamp::from_second(1_800_000_000).expect("in range");
    let incident =
        edit_of(Step::Incident { n: 0, parent: None, place: Some(1), source: 0, figures: (0, 4, 0, false) });
    document.apply(incident.expect("an edit"), now);
    document.apply(edit_of(Step::Source(0)).expect("an edit"), now);
    let mut index = ProblemIndex::of(document.dataset());
    assert_eq!(
        sorted_lines(&index.all()),
        ["incident inc-0, from_place: refers to place pl-1, which does not exist"]
    );
    let before = document.revision();
    document.apply(edit_of(Step::Place(1, true)).expect("an edit"), now);
    index.update(document.dataset(), &document.changes_since(before).expect("known"));
    assert!(index.is_empty(), "{:?}", index.all());
}
