//! The chart figures and breakdowns kept up to date edit by edit are always those worked out
//! from scratch: after any sequence of edits, undos and redos over dated incidents (with legs,
//! places and statuses) and rallies (with places and organizers), for every period, estimate,
//! colouring, grouping and filter.

mod common;

use common::replay::{Step, replay, with_undo};
use jiff::civil::{Date, date};
use proptest::prelude::*;
use repatriation_watch::edit::{AnyRecord, Document, Edit};
use repatriation_watch::model::{
    CountEstimate, CountQualifier, Dataset, DatePrecision, DateSpec, Id, Incident, IncidentKind,
    IncidentStatus, Place, Rally, RecordKind, SourcedEstimate,
};
use repatriation_watch::stats::{
    BreakdownBy, BreakdownIndex, ColourBy, FollowsEdits, Period, Pick, SeriesIndex, SeriesOptions,
    TimelineFigures, TimelineIndex, breakdown, series, timeline,
};

fn id(prefix: &str, n: u8) -> Id {
    Id::new(format!("{prefix}-{}", n % 6))
}

/// A day in 2023 or early 2024, and a span of up to about three months from it.
fn dates(day: u16, length: u8) -> DateSpec {
    let first = date(2023, 1, 1)
        .checked_add(jiff::Span::new().days(i64::from(day % 420)))
        .unwrap_or(date(2023, 1, 1));
    let last: Date = first.checked_add(jiff::Span::new().days(i64::from(length % 100))).unwrap_or(first);
    let precision = if first == last { DatePrecision::Day } else { DatePrecision::Range };
    DateSpec::span(first, last, precision, "")
}

fn estimate(figures: (u8, u8, bool)) -> SourcedEstimate {
    let (low, extra, open) = figures;
    let count = CountEstimate {
        qualifier: if open { CountQualifier::AtLeast } else { CountQualifier::Between },
        low: Some(u32::from(low)),
        high: (!open).then_some(u32::from(low) + u32::from(extra)),
        best: None,
        as_reported: format!("{low}"),
    };
    SourcedEstimate { count, preferred: true, ..SourcedEstimate::default() }
}

/// An edit of a dated incident or rally.
#[derive(Clone, Copy, Debug)]
enum RecordEdit {
    Incident { n: u8, parent: Option<u8>, day: u16, length: u8, figures: (u8, u8, bool), kind: u8, place: u8 },
    Rally { n: u8, day: u16, length: u8, attendance: u8, place: u8, answers: u8 },
    Delete(bool, u8),
}

fn any_step() -> impl Strategy<Value = Step<RecordEdit>> {
    let figures = (any::<u8>(), any::<u8>(), any::<bool>());
    let edits = prop_oneof![
        5 => (any::<u8>(), proptest::option::of(any::<u8>()), any::<u16>(), any::<u8>(), figures, 0..3u8, any::<u8>())
            .prop_map(|(n, parent, day, length, figures, kind, place)| RecordEdit::Incident { n, parent, day, length, figures, kind, place }),
        2 => (any::<u8>(), any::<u16>(), any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>())
            .prop_map(|(n, day, length, attendance, place, answers)| RecordEdit::Rally { n, day, length, attendance, place, answers }),
        2 => (any::<bool>(), any::<u8>()).prop_map(|(rally, n)| RecordEdit::Delete(rally, n)),
    ];
    with_undo(edits, 9)
}

fn edit_of(step: RecordEdit) -> Edit {
    match step {
        RecordEdit::Incident { n, parent, day, length, figures, kind, place } => {
            Edit::put(AnyRecord::Incident(Incident {
                id: id("inc", n),
                title: format!("incident {n}"),
                kind: [
                    IncidentKind::ForcedRepatriation,
                    IncidentKind::Detention,
                    IncidentKind::ForcedRepatriation,
                ][usize::from(kind)],
                parent: parent.map(|p| id("inc", p)),
                date: dates(day, length),
                estimates: vec![estimate(figures)],
                status: IncidentStatus::ALL[usize::from(place) % IncidentStatus::ALL.len()],
                from_place: Some(place_id(place)),
                to_place: Some(place_id(place / 3)),
                ..Incident::default()
            }))
        }
        RecordEdit::Rally { n, day, length, attendance, place, answers } => {
            Edit::put(AnyRecord::Rally(Rally {
                id: id("ral", n),
                title: format!("rally {n}"),
                date: dates(day, length),
                attendance: vec![estimate((attendance, 10, false))],
                place: Some(place_id(place)),
                // Organizers named by id (none of them recorded): zero, one or two, maybe the same.
                organizers: (0..place % 3).map(|k| Id::new(format!("org-{}", (place / 4 + k) % 3))).collect(),
                // Zero, one or two incidents it answers, which may not exist (yet).
                responds_to: (0..answers % 3).map(|k| id("inc", answers / 3 + k)).collect(),
                ..Rally::default()
            }))
        }
        RecordEdit::Delete(rally, n) => {
            if rally {
                Edit::Delete(RecordKind::Rally, id("ral", n))
            } else {
                Edit::Delete(RecordKind::Incident, id("inc", n))
            }
        }
    }
}

/// One of three places, two in one province; a fourth id names no place.
fn place_id(n: u8) -> Id {
    Id::new(format!("pl-{}", n % 4))
}

fn places() -> Dataset {
    let place = |n: u8, name: &str, province: &str| Place {
        id: place_id(n),
        name: name.to_owned(),
        province: province.to_owned(),
        city: name.to_owned(),
        ..Place::default()
    };
    let places =
        vec![place(0, "Dandong", "Liaoning"), place(1, "Shenyang", "Liaoning"), place(2, "Tumen", "")];
    Dataset { places, ..Dataset::default() }
}

fn all_options() -> Vec<SeriesOptions> {
    let mut options = Vec::new();
    for period in [Period::Month, Period::Quarter, Period::Week] {
        for mark_imprecise in [false, true] {
            for (pick, colour) in
                [(Pick::Preferred, ColourBy::Destination), (Pick::Highest, ColourBy::Status)]
            {
                options.push(SeriesOptions { period, pick, colour, mark_imprecise });
            }
        }
    }
    options
}

/// Keeps every record, or only forced repatriations and even-numbered rallies.
fn keep_incident(narrow: bool) -> impl Fn(&Incident) -> bool {
    move |incident| !narrow || incident.kind == IncidentKind::ForcedRepatriation
}

fn keep_rally(narrow: bool) -> impl Fn(&Rally) -> bool {
    move |rally| !narrow || rally.title.ends_with(['0', '2', '4'])
}

/// The timeline kept up to date is the one worked out from scratch, and finds the same records
/// near every day.
fn same_timeline(kept: &TimelineFigures, expected: &TimelineFigures) -> Result<(), TestCaseError> {
    prop_assert_eq!(&kept.timeline, &expected.timeline);
    prop_assert_eq!(&kept.drawn, &expected.drawn);
    // The largest and the difference of the same numbers: exactly equal.
    prop_assert_eq!(kept.tallest.to_bits(), expected.tallest.to_bits());
    prop_assert_eq!(kept.span.to_bits(), expected.span.to_bits());
    prop_assert_eq!(&kept.rally_days, &expected.rally_days);
    let first = repatriation_watch::stats::day_number(date(2023, 1, 1));
    for day in (-3..560).step_by(7).map(|offset| first + f64::from(offset)) {
        prop_assert_eq!(
            kept.incidents_by_day.overlapping(day - 2.0, day + 1.0),
            expected.incidents_by_day.overlapping(day - 2.0, day + 1.0)
        );
        prop_assert_eq!(
            kept.rallies_by_day.overlapping(day - 3.0, day + 3.0),
            expected.rallies_by_day.overlapping(day - 3.0, day + 3.0)
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn figures_kept_up_to_date_match_figures_from_scratch(
        steps in proptest::collection::vec(any_step(), 1..30),
        narrow in any::<bool>(),
    ) {
        let (keep_incident, keep_rally) = (keep_incident(narrow), keep_rally(narrow));
        let mut document = Document::new(places());
        let mut indexes: Vec<SeriesIndex> = all_options()
            .into_iter()
            .map(|options| SeriesIndex::build(document.dataset(), &options, &keep_incident, &keep_rally))
            .collect();
        let mut breakdowns: Vec<BreakdownIndex> = BreakdownBy::ALL
            .iter()
            .flat_map(|&by| [(by, Pick::Preferred), (by, Pick::Highest)])
            .map(|grouping| BreakdownIndex::build(document.dataset(), &grouping, &keep_incident, &keep_rally))
            .collect();
        let mut timelines: Vec<TimelineIndex> = [Pick::Preferred, Pick::Highest]
            .iter()
            .map(|pick| TimelineIndex::build(document.dataset(), pick, &keep_incident, &keep_rally))
            .collect();
        replay(&mut document, steps, |_, edit| Some(edit_of(edit)), |document, _, changes| {
            for index in &mut indexes {
                prop_assert!(index.update(document.dataset(), changes, &keep_incident, &keep_rally));
                let expected = series(document.dataset(), index.settings(), &keep_incident, &keep_rally);
                prop_assert_eq!(index.figures(), expected, "{:?}", index.settings());
            }
            for index in &mut breakdowns {
                prop_assert!(index.update(document.dataset(), changes, &keep_incident, &keep_rally));
                let (by, pick) = index.settings();
                let expected = breakdown(document.dataset(), by, pick, &keep_incident, &keep_rally);
                prop_assert_eq!(index.figures(), expected, "{:?}", (by, pick));
            }
            for index in &mut timelines {
                prop_assert!(index.update(document.dataset(), changes, &keep_incident, &keep_rally));
                let expected = timeline(document.dataset(), index.settings(), &keep_incident, &keep_rally);
                same_timeline(&index.figures(), &TimelineFigures::of(expected))?;
            }
            Ok(())
        })?;
    }
}
