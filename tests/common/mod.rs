//! Helpers shared by the integration tests: random datasets and small builders.
#![allow(dead_code)]

pub mod in_clear;
pub mod replay;

use jiff::Timestamp;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use repatriation_watch::model::{
    CountEstimate, CountQualifier, Dataset, DatePrecision, DateSpec, Id, Incident, IncidentKind,
    IncidentStatus, Organization, OrganizationKind, PeriodPart, Place, PlaceKind, Rally, RallyKind,
    Reliability, Source, SourceKind, SourcedEstimate,
};

/// Text of any kind: quotes, `#`, backslashes, newlines, Hangul, Chinese, control characters.
pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,20}",
        "[\"#\\\\'\n\r\t가-힣丹东白银 ]{0,12}",
        any::<String>().prop_map(|s| s.chars().take(16).collect()),
    ]
}

pub fn any_id(prefix: &'static str) -> impl Strategy<Value = Id> {
    "[a-z0-9-]{1,12}".prop_map(move |s| Id::new(format!("{prefix}-{s}")))
}

pub fn any_date() -> impl Strategy<Value = Date> {
    (1990i16..2030, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

pub fn any_timestamp() -> impl Strategy<Value = Timestamp> {
    (0i64..2_000_000_000).prop_map(|s| Timestamp::from_second(s).expect("in range"))
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

pub fn any_date_spec() -> impl Strategy<Value = DateSpec> {
    (
        proptest::option::of(any_date()),
        proptest::option::of(any_date()),
        pick(DatePrecision::ALL),
        proptest::option::of(pick(PeriodPart::ALL)),
        any_text(),
    )
        .prop_map(|(earliest, latest, precision, part, as_reported)| DateSpec {
            earliest,
            latest,
            precision,
            part,
            as_reported,
        })
}

pub fn any_count() -> impl Strategy<Value = CountEstimate> {
    (
        pick(CountQualifier::ALL),
        proptest::option::of(0u32..100_000),
        proptest::option::of(0u32..100_000),
        proptest::option::of(0u32..100_000),
        any_text(),
    )
        .prop_map(|(qualifier, low, high, best, as_reported)| CountEstimate {
            qualifier,
            low,
            high,
            best,
            as_reported,
        })
}

pub fn any_estimates() -> impl Strategy<Value = Vec<SourcedEstimate>> {
    proptest::collection::vec(
        (any_count(), proptest::option::of(any_id("src")), any::<bool>(), any_text())
            .prop_map(|(count, source, preferred, note)| SourcedEstimate { count, source, preferred, note }),
        0..3,
    )
}

pub fn any_source() -> impl Strategy<Value = Source> {
    (
        (any_id("src"), pick(SourceKind::ALL), any_text(), any_text(), any_text()),
        (any_date_spec(), proptest::option::of(any_date()), pick(Reliability::ALL), any_text()),
        (any_timestamp(), any_timestamp()),
    )
        .prop_map(
            |((id, kind, title, outlet, url), (published, retrieved, reliability, key_quote), (c, u))| {
                Source {
                    id,
                    kind,
                    title,
                    outlet,
                    url,
                    published,
                    retrieved,
                    reliability,
                    key_quote,
                    language: "ko".to_owned(),
                    created: c,
                    updated: u,
                    ..Source::default()
                }
            },
        )
}

pub fn any_place() -> impl Strategy<Value = Place> {
    (
        (any_id("pl"), any_text(), any_text(), pick(PlaceKind::ALL)),
        (proptest::option::of(-90.0f64..90.0), proptest::option::of(-180.0f64..180.0), any_text()),
    )
        .prop_map(|((id, name, name_ko, kind), (latitude, longitude, notes))| Place {
            id,
            name,
            name_ko,
            kind,
            country: "CN".to_owned(),
            latitude,
            longitude,
            notes,
            ..Place::default()
        })
}

pub fn any_organization() -> impl Strategy<Value = Organization> {
    (any_id("org"), any_text(), any_text(), pick(OrganizationKind::ALL)).prop_map(
        |(id, name, name_ko, kind)| Organization { id, name, name_ko, kind, ..Organization::default() },
    )
}

pub fn any_incident() -> impl Strategy<Value = Incident> {
    (
        (any_id("inc"), pick(IncidentKind::ALL), pick(IncidentStatus::ALL), any_text(), any_date_spec()),
        (any_estimates(), proptest::option::of(any_id("pl")), proptest::option::of(any_id("inc"))),
        (any_text(), proptest::collection::vec(any_id("src"), 0..3), any_timestamp()),
    )
        .prop_map(
            |((id, kind, status, title, date), (estimates, from_place, parent), (notes, sources, t))| {
                Incident {
                    id,
                    kind,
                    status,
                    title,
                    date,
                    estimates,
                    from_place,
                    parent,
                    notes,
                    sources,
                    created: t,
                    updated: t,
                    ..Incident::default()
                }
            },
        )
}

pub fn any_rally() -> impl Strategy<Value = Rally> {
    (
        (any_id("ral"), proptest::collection::vec(pick(RallyKind::ALL), 0..3), any_text(), any_date_spec()),
        (
            any_estimates(),
            proptest::collection::vec(any_text(), 0..3),
            proptest::collection::vec(any_id("org"), 0..3),
        ),
        (proptest::collection::vec(any_id("inc"), 0..3), any_text()),
    )
        .prop_map(
            |((id, kinds, title, date), (attendance, demands, organizers), (responds_to, target))| Rally {
                id,
                kinds,
                title,
                date,
                attendance,
                demands,
                organizers,
                responds_to,
                target,
                ..Rally::default()
            },
        )
}

/// A random dataset, its records already sorted by id (the order files keep).
pub fn any_dataset() -> impl Strategy<Value = Dataset> {
    (
        proptest::collection::vec(any_source(), 0..4),
        proptest::collection::vec(any_place(), 0..4),
        proptest::collection::vec(any_organization(), 0..3),
        proptest::collection::vec(any_incident(), 0..5),
        proptest::collection::vec(any_rally(), 0..4),
    )
        .prop_map(|(sources, places, organizations, incidents, rallies)| {
            let mut dataset =
                Dataset { sources, places, organizations, incidents, rallies, ..Dataset::default() };
            dataset.sort_by_id();
            // Ids are unique in a sound dataset; the file order of duplicates is not defined.
            dataset.sources.dedup_by(|a, b| a.id == b.id);
            dataset.places.dedup_by(|a, b| a.id == b.id);
            dataset.organizations.dedup_by(|a, b| a.id == b.id);
            dataset.incidents.dedup_by(|a, b| a.id == b.id);
            dataset.rallies.dedup_by(|a, b| a.id == b.id);
            dataset
        })
}

/// An incident with the essentials, for hand-made cases.
pub fn incident(id: &str, kind: IncidentKind, date: DateSpec, count: Option<CountEstimate>) -> Incident {
    Incident {
        id: Id::new(id),
        kind,
        title: format!("incident {id}"),
        date,
        estimates: count
            .into_iter()
            .map(|count| SourcedEstimate { count, preferred: true, ..SourcedEstimate::default() })
            .collect(),
        ..Incident::default()
    }
}

/// A rally with the essentials, for hand-made cases.
pub fn rally(id: &str, date: DateSpec, attendance: Option<CountEstimate>) -> Rally {
    Rally {
        id: Id::new(id),
        kinds: vec![RallyKind::Rally],
        title: format!("rally {id}"),
        date,
        attendance: attendance
            .into_iter()
            .map(|count| SourcedEstimate { count, preferred: true, ..SourcedEstimate::default() })
            .collect(),
        ..Rally::default()
    }
}
