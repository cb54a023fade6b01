//! The bundled sample holds what the five seed articles report, faithfully.

use repatriation_watch::model::{
    CountQualifier, Dataset, Id, IncidentKind, IncidentStatus, RallyKind, validate,
};
use repatriation_watch::phrase::parse_count;
use repatriation_watch::store::load_sample;

fn sample() -> Dataset {
    load_sample().expect("the sample loads")
}

#[test]
fn the_sample_is_sound() {
    // Sound: no errors. The weekly protests' "every Tuesday and Thursday" is kept as words, and
    // warned about, as it cannot be placed on a chart.
    let problems = validate(&sample());
    assert!(!repatriation_watch::model::has_errors(&problems), "{problems:?}");
    let warned: Vec<(&str, &str)> = problems.iter().map(|p| (p.id.as_str(), p.field.as_str())).collect();
    assert_eq!(warned, [("ral-new-york-weekly-protests", "date")]);
}

#[test]
fn each_seed_article_is_a_source() {
    let titles: Vec<String> = sample().sources.iter().map(|s| s.title.clone()).collect();
    for headline in [
        "N.K. rights groups hold rally against repatriation of defectors in front of Chinese Embassy",
        "Activists Urge China to Not Repatriate N. Korean Defectors",
        "Rights Groups in South Korea Urge China to Cease Deportation of Defectors from North Korea",
        "Lawyers accuse China of repatriating 100 more North Korean defectors",
        "South Korean Rights Groups Call on China to Apologize for Forced Repatriation of Defectors",
    ] {
        assert!(titles.iter().any(|t| t == headline), "missing source: {headline}");
    }
}

#[test]
fn the_october_2023_repatriation_is_one_incident_with_each_source_estimate() {
    let dataset = sample();
    let october = dataset.incident(&Id::new("inc-2023-10-09-after-asian-games")).expect("October 2023");
    let words: Vec<&str> = october.estimates.iter().map(|e| e.count.as_reported.as_str()).collect();
    assert_eq!(words, ["roughly 600", "over 500", "620"]);
    assert_eq!(october.preferred_estimate().map(|e| e.count.best), Some(Some(600)));
    assert!(october.estimates.iter().all(|e| e.source.is_some()), "each estimate is tied to its source");
    assert_eq!(october.status, IncidentStatus::Confirmed, "Seoul's Foreign Ministry verified it");
}

#[test]
fn hanbyuns_four_occasions_are_legs_of_one_unconfirmed_incident() {
    let dataset = sample();
    let parent = Id::new("inc-2023-11-four-occasions");
    let total = dataset.incident(&parent).expect("the total");
    assert_eq!(total.preferred_estimate().map(|e| e.count.as_reported.as_str()), Some("at least 95"));
    assert_eq!(total.status, IncidentStatus::Reported, "Seoul did not confirm it");
    assert!(total.notes.contains("did not confirm"));
    let legs: Vec<(&str, &str)> = dataset
        .legs_of(&parent)
        .map(|leg| (leg.date.as_reported.as_str(), leg.estimates[0].count.as_reported.as_str()))
        .collect();
    assert_eq!(
        legs,
        [
            ("on Nov. 20, 2023", "some 30"),
            ("at the end of November", "Another 10"),
            ("on Dec. 26", "around 35"),
            ("at the end of December", "About 20"),
        ]
    );
    let first = dataset.incident(&Id::new("inc-2023-11-20-dandong-sinuiju")).expect("Nov. 20");
    assert_eq!(first.from_place, Some(Id::new("pl-dandong")));
    assert_eq!(first.to_place, Some(Id::new("pl-sinuiju")));
}

#[test]
fn every_reported_number_reads_back_as_entered() {
    // "A North Korean defector" is one person by its sense, not by its words.
    let by_sense = ["A North Korean defector"];
    let dataset = sample();
    let estimates = dataset
        .incidents
        .iter()
        .flat_map(|i| &i.estimates)
        .chain(dataset.rallies.iter().flat_map(|r| &r.attendance));
    for estimate in estimates.filter(|e| !by_sense.contains(&e.count.as_reported.as_str())) {
        assert_eq!(parse_count(&estimate.count.as_reported), estimate.count);
    }
}

#[test]
fn rallies_name_their_organizers_places_and_the_incidents_they_answer() {
    let dataset = sample();
    let hanbyun = dataset
        .rallies
        .iter()
        .find(|r| r.id.as_str() == "ral-2024-01-16-chinese-embassy-seoul")
        .expect("Hanbyun");
    assert_eq!(hanbyun.kinds, [RallyKind::Rally, RallyKind::PressConference]);
    assert_eq!(hanbyun.organizers, [Id::new("org-hanbyun")]);
    assert!(hanbyun.responds_to.contains(&Id::new("inc-2023-11-four-occasions")));
    let voa = dataset
        .rallies
        .iter()
        .find(|r| r.id.as_str() == "ral-2019-04-30-chinese-embassy-seoul")
        .expect("VOA");
    let attendance = &voa.preferred_attendance().expect("attendance").count;
    assert_eq!((attendance.qualifier, attendance.best), (CountQualifier::About, Some(24)));
    assert_eq!(
        dataset.organization(&Id::new("org-hanbyun")).map(|o| o.name_ko.starts_with("한변")),
        Some(true)
    );
    assert_eq!(dataset.place(&Id::new("pl-dandong")).map(|p| p.name_zh.as_str()), Some("丹东"));
}

#[test]
fn incidents_of_every_reported_kind_are_entered() {
    let kinds: Vec<IncidentKind> = sample().incidents.iter().map(|i| i.kind).collect();
    for kind in [IncidentKind::ForcedRepatriation, IncidentKind::Detention, IncidentKind::Release] {
        assert!(kinds.contains(&kind), "{kind}");
    }
}
