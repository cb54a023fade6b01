//! Synthetic datasets for trying the app at scale and for benchmarks: realistic in shape, the
//! same for the same seed. Never mistaken for real records: every title says "Synthetic".

use jiff::Timestamp;
use jiff::civil::Date;
use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};
use rand_xorshift::XorShiftRng;

use crate::model::{
    CountEstimate, CountQualifier, Dataset, DatePrecision, DateSpec, Id, Incident, IncidentKind,
    IncidentStatus, Organization, OrganizationKind, PeriodPart, Place, PlaceKind, Rally, RallyKind,
    Reliability, Source, SourceKind, SourcedEstimate,
};

/// How much to generate.
#[derive(Clone, Copy, Debug)]
pub struct GenerateOptions {
    /// Incidents, legs included.
    pub incidents: usize,
    /// Rallies.
    pub rallies: usize,
    /// The seed: the same seed gives the same dataset.
    pub seed: u64,
}

/// Places like the seeds': where people are held and sent from in China, where they are sent to
/// in North Korea, where rallies are held.
const PLACES: [(&str, &str, &str, PlaceKind, &str, &str); 14] = [
    ("pl-dandong", "Dandong", "단둥", PlaceKind::City, "CN", "Liaoning"),
    ("pl-tumen", "Tumen", "투먼", PlaceKind::City, "CN", "Jilin"),
    ("pl-hunchun", "Hunchun", "훈춘", PlaceKind::City, "CN", "Jilin"),
    ("pl-changbai", "Changbai", "창바이", PlaceKind::County, "CN", "Jilin"),
    ("pl-baiyin", "Baiyin Detention Center", "바이인 구치소", PlaceKind::DetentionCentre, "CN", ""),
    ("pl-shenyang", "Shenyang", "선양", PlaceKind::City, "CN", "Liaoning"),
    ("pl-sinuiju", "Sinuiju", "신의주", PlaceKind::City, "KP", "North Pyongan"),
    ("pl-hyesan", "Hyesan", "혜산", PlaceKind::City, "KP", "Yanggang"),
    ("pl-onsong", "Onsong County", "온성군", PlaceKind::County, "KP", "North Hamgyong"),
    ("pl-musan", "Musan", "무산", PlaceKind::County, "KP", "North Hamgyong"),
    ("pl-hoeryong", "Hoeryong", "회령", PlaceKind::City, "KP", "North Hamgyong"),
    ("pl-embassy-seoul", "Chinese Embassy in Seoul", "주한 중국대사관", PlaceKind::Embassy, "KR", "Seoul"),
    ("pl-gwanghwamun", "Gwanghwamun Square", "광화문광장", PlaceKind::Plaza, "KR", "Seoul"),
    (
        "pl-dag-hammarskjold",
        "Dag Hammarskjold Plaza",
        "다그 함마르셸드 광장",
        PlaceKind::Plaza,
        "US",
        "New York",
    ),
];

const FROM: std::ops::Range<usize> = 0..6;
const TO: std::ops::Range<usize> = 6..11;
const VENUES: std::ops::Range<usize> = 11..14;

const ORGANIZATIONS: [(&str, &str, &str); 5] = [
    ("org-hanbyun", "Hanbyun", "한변"),
    ("org-national-alliance", "National Alliance against Forced Repatriation", "강제북송 반대 범국민연합"),
    ("org-hrw", "Human Rights Watch", "휴먼라이츠워치"),
    ("org-tjwg", "Transitional Justice Working Group", "전환기정의워킹그룹"),
    ("org-kaagny", "Korean American Association of Greater New York", "뉴욕한인회"),
];

const OUTLETS: [&str; 6] = [
    "Yonhap",
    "Voice of America",
    "Radio Free Asia",
    "Daily NK",
    "Korea JoongAng Daily",
    "Christian Daily International",
];

const NOTE: &str = "Synthetic record for trying the app at scale: the figures, dates and places are \
    drawn at random in the shape of real reports, and describe no real event or person. Do not cite.";

/// Generates a dataset. Records reference only records that exist, so it validates cleanly.
pub fn generate(options: GenerateOptions) -> Dataset {
    let mut rng = XorShiftRng::seed_from_u64(options.seed);
    let created = Timestamp::from_second(1_700_000_000).unwrap_or_default();
    let places = PLACES
        .iter()
        .map(|(id, name, name_ko, kind, country, province)| Place {
            id: Id::new(*id),
            name: (*name).to_owned(),
            name_ko: (*name_ko).to_owned(),
            kind: *kind,
            country: (*country).to_owned(),
            province: (*province).to_owned(),
            city: if *country == "KR" {
                "Seoul".to_owned()
            } else if *country == "US" {
                "New York".to_owned()
            } else {
                String::new()
            },
            created,
            updated: created,
            ..Place::default()
        })
        .collect();
    let organizations = ORGANIZATIONS
        .iter()
        .map(|(id, name, name_ko)| Organization {
            id: Id::new(*id),
            name: (*name).to_owned(),
            name_ko: (*name_ko).to_owned(),
            kind: OrganizationKind::Ngo,
            created,
            updated: created,
            ..Organization::default()
        })
        .collect();
    let source_count = (options.incidents + options.rallies) / 10 + 1;
    let sources: Vec<Source> = (0..source_count).map(|n| source(&mut rng, n, created)).collect();
    let incidents = incidents(&mut rng, options.incidents, &sources, created);
    let rallies = (0..options.rallies).map(|n| rally(&mut rng, n, &incidents, &sources, created)).collect();
    Dataset { sources, places, organizations, incidents, rallies, ..Dataset::default() }
}

fn day(rng: &mut XorShiftRng) -> Date {
    let year = rng.random_range(2000..=2026);
    Date::new(year, rng.random_range(1..=12), rng.random_range(1..=28)).unwrap_or(Date::MIN)
}

/// A date in one of the shapes sources use: a day, the end of a month, a month, a range, a year.
fn date(rng: &mut XorShiftRng) -> DateSpec {
    let first = day(rng);
    match rng.random_range(0..10) {
        0..=4 => DateSpec::day(first, format!("on {}", first.strftime("%b. %-d, %Y"))),
        5 => DateSpec {
            part: Some(PeriodPart::Late),
            ..DateSpec::span(
                first.first_of_month().saturating_add(jiff::Span::new().days(20)),
                first.last_of_month(),
                DatePrecision::Month,
                format!("at the end of {}", first.strftime("%B %Y")),
            )
        },
        6 | 7 => DateSpec::span(
            first.first_of_month(),
            first.last_of_month(),
            DatePrecision::Month,
            first.strftime("%B %Y").to_string(),
        ),
        8 => {
            let last = first.saturating_add(jiff::Span::new().days(rng.random_range(7..75)));
            DateSpec::span(
                first,
                last,
                DatePrecision::Range,
                format!("between {} and {}", first.strftime("%B"), last.strftime("%B %Y")),
            )
        }
        _ => {
            let start = Date::new(first.year(), 1, 1).unwrap_or(first);
            let end = Date::new(first.year(), 12, 31).unwrap_or(first);
            DateSpec::span(start, end, DatePrecision::Year, format!("in {}", first.year()))
        }
    }
}

/// A figure in one of the shapes sources use, with every qualifier.
fn count(rng: &mut XorShiftRng, scale: u32) -> CountEstimate {
    let n = rng.random_range(1..=scale);
    let (qualifier, low, high, best, words) = match rng.random_range(0..9) {
        0 => (CountQualifier::Exact, Some(n), Some(n), Some(n), n.to_string()),
        1 => (CountQualifier::AtLeast, Some(n), None, Some(n), format!("at least {n}")),
        2 => (CountQualifier::MoreThan, Some(n), None, Some(n), format!("over {n}")),
        3 => (CountQualifier::About, None, None, Some(n), format!("about {n}")),
        4 => (CountQualifier::Nearly, None, Some(n), Some(n), format!("nearly {n}")),
        5 => (CountQualifier::UpTo, None, Some(n), None, format!("up to {n}")),
        6 => {
            (CountQualifier::Between, Some(n), Some(n + n / 5 + 1), None, format!("{n} to {}", n + n / 5 + 1))
        }
        7 => (CountQualifier::Vague, Some(24), None, None, "dozens".to_owned()),
        _ => (CountQualifier::Unknown, None, None, None, "an unknown number".to_owned()),
    };
    CountEstimate { qualifier, low, high, best, as_reported: words }
}

fn pick_sources(rng: &mut XorShiftRng, sources: &[Source]) -> Vec<Id> {
    let mut ids: Vec<Id> =
        (0..rng.random_range(1..=3)).filter_map(|_| sources.choose(rng)).map(|s| s.id.clone()).collect();
    ids.sort();
    ids.dedup();
    ids
}

fn estimates(rng: &mut XorShiftRng, sources: &[Id], scale: u32) -> Vec<SourcedEstimate> {
    let how_many = if rng.random_bool(0.2) { 2 } else { 1 };
    (0..how_many)
        .map(|n| SourcedEstimate {
            count: count(rng, scale),
            source: sources.get(n % sources.len().max(1)).cloned(),
            preferred: n == 0,
            note: String::new(),
        })
        .collect()
}

fn title(rng: &mut XorShiftRng, n: usize, english: &str) -> String {
    // A fifth of the titles are in Korean, as in the field's own reports.
    if rng.random_bool(0.2) {
        format!("합성 기록 {n}: 탈북민 강제북송")
    } else {
        format!("Synthetic {n}: {english}")
    }
}

fn incidents(rng: &mut XorShiftRng, total: usize, sources: &[Source], created: Timestamp) -> Vec<Incident> {
    let mut list = Vec::with_capacity(total);
    while list.len() < total {
        let n = list.len();
        let sources_cited = pick_sources(rng, sources);
        let mut parent = Incident {
            id: Id::new(format!("inc-{n:07}")),
            kind: *[
                IncidentKind::ForcedRepatriation,
                IncidentKind::ForcedRepatriation,
                IncidentKind::Detention,
                IncidentKind::Arrest,
                IncidentKind::Release,
            ]
            .choose(rng)
            .unwrap_or(&IncidentKind::ForcedRepatriation),
            status: *IncidentStatus::ALL.choose(rng).unwrap_or(&IncidentStatus::Reported),
            title: title(rng, n, "people sent back across the border"),
            date: date(rng),
            estimates: estimates(rng, &sources_cited, 300),
            from_place: Some(Id::new(PLACES[rng.random_range(FROM)].0)),
            to_place: Some(Id::new(PLACES[rng.random_range(TO)].0)),
            sources: sources_cited,
            notes: NOTE.to_owned(),
            created,
            updated: created,
            ..Incident::default()
        };
        // One report in ten comes in parts: a total and two or three legs within its dates.
        let legs = if rng.random_bool(0.1) && list.len() + 3 < total { rng.random_range(2..=3) } else { 0 };
        if legs > 0 {
            parent.kind = IncidentKind::ForcedRepatriation;
            parent.estimates = vec![SourcedEstimate {
                count: CountEstimate {
                    qualifier: CountQualifier::AtLeast,
                    low: Some(90),
                    high: None,
                    best: Some(90),
                    as_reported: "at least 90".to_owned(),
                },
                source: parent.sources.first().cloned(),
                preferred: true,
                note: String::new(),
            }];
        }
        let (first, _) = parent.date.range().unwrap_or((Date::MIN, Date::MIN));
        let parent_id = parent.id.clone();
        let parent_sources = parent.sources.clone();
        list.push(parent);
        for leg in 0..legs {
            let n = list.len();
            let on = first.saturating_add(jiff::Span::new().days(leg * 3));
            list.push(Incident {
                id: Id::new(format!("inc-{n:07}")),
                kind: IncidentKind::ForcedRepatriation,
                title: format!("Synthetic {n}: one occasion of {parent_id}"),
                date: DateSpec::day(on, format!("on {}", on.strftime("%b. %-d"))),
                estimates: vec![SourcedEstimate {
                    count: CountEstimate {
                        qualifier: CountQualifier::About,
                        best: Some(30),
                        as_reported: "some 30".to_owned(),
                        ..CountEstimate::default()
                    },
                    source: parent_sources.first().cloned(),
                    preferred: true,
                    note: String::new(),
                }],
                from_place: Some(Id::new(PLACES[rng.random_range(FROM)].0)),
                to_place: Some(Id::new(PLACES[rng.random_range(TO)].0)),
                parent: Some(parent_id.clone()),
                sources: parent_sources.clone(),
                notes: NOTE.to_owned(),
                created,
                updated: created,
                ..Incident::default()
            });
        }
    }
    list
}

fn rally(
    rng: &mut XorShiftRng,
    n: usize,
    incidents: &[Incident],
    sources: &[Source],
    created: Timestamp,
) -> Rally {
    let answered = incidents.choose(rng);
    let answers: Vec<Id> = answered.map(|i| i.id.clone()).into_iter().collect();
    // A rally answers an incident from a day to a few weeks after it, as real ones do.
    let after = answered.and_then(|i| i.date.range()).and_then(|(_, last)| {
        let day = last.checked_add(jiff::Span::new().days(rng.random_range(1..=45))).ok()?;
        Some(DateSpec::day(day, format!("on {}", day.strftime("%b. %-d, %Y"))))
    });
    let organizers = vec![Id::new(ORGANIZATIONS[rng.random_range(0..ORGANIZATIONS.len())].0)];
    let sources_cited = pick_sources(rng, sources);
    Rally {
        id: Id::new(format!("ral-{n:07}")),
        kinds: vec![
            *[RallyKind::Rally, RallyKind::PressConference, RallyKind::Vigil, RallyKind::OpenLetter]
                .choose(rng)
                .unwrap_or(&RallyKind::Rally),
        ],
        title: title(rng, n, "rally against forced repatriation"),
        date: after.unwrap_or_else(|| date(rng)),
        place: Some(Id::new(PLACES[rng.random_range(VENUES)].0)),
        organizers,
        attendance: estimates(rng, &sources_cited, 200),
        target: "the Chinese government".to_owned(),
        demands: vec!["stop forced repatriation".to_owned()],
        responds_to: answers,
        sources: sources_cited,
        notes: NOTE.to_owned(),
        created,
        updated: created,
        ..Rally::default()
    }
}

fn source(rng: &mut XorShiftRng, n: usize, created: Timestamp) -> Source {
    let published = day(rng);
    Source {
        id: Id::new(format!("src-{n:07}")),
        kind: *[SourceKind::NewsArticle, SourceKind::NgoStatement, SourceKind::Testimony]
            .choose(rng)
            .unwrap_or(&SourceKind::NewsArticle),
        title: format!("Synthetic source {n}"),
        outlet: (*OUTLETS.choose(rng).unwrap_or(&"Yonhap")).to_owned(),
        language: (*["en", "ko"].choose(rng).unwrap_or(&"en")).to_owned(),
        published: DateSpec::day(published, published.to_string()),
        reliability: *Reliability::ALL.choose(rng).unwrap_or(&Reliability::Unknown),
        notes: NOTE.to_owned(),
        created,
        updated: created,
        ..Source::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    fn small(seed: u64) -> Dataset {
        generate(GenerateOptions { incidents: 400, rallies: 60, seed })
    }

    #[test]
    fn the_same_seed_gives_the_same_dataset() {
        assert_eq!(small(7), small(7));
        assert_ne!(small(7), small(8));
    }

    #[test]
    fn a_generated_dataset_is_sound_and_as_large_as_asked() {
        let dataset = small(1);
        assert_eq!((dataset.incidents.len(), dataset.rallies.len()), (400, 60));
        assert_eq!(validate(&dataset), []);
    }

    #[test]
    fn it_has_every_qualifier_legs_korean_titles_and_several_estimates() {
        let dataset = small(3);
        let qualifiers: std::collections::HashSet<CountQualifier> =
            dataset.incidents.iter().flat_map(|i| &i.estimates).map(|e| e.count.qualifier).collect();
        assert_eq!(qualifiers.len(), CountQualifier::ALL.len(), "{qualifiers:?}");
        assert!(dataset.incidents.iter().any(|i| i.parent.is_some()));
        let korean = dataset.incidents.iter().filter(|i| i.title.starts_with("합성")).count();
        assert!((40..=120).contains(&korean), "about a fifth: {korean}");
        assert!(dataset.incidents.iter().any(|i| i.estimates.len() > 1));
        assert!(dataset.incidents.iter().all(|i| (1..=3).contains(&i.sources.len())));
    }

    #[test]
    fn a_rally_comes_after_the_incident_it_answers() {
        let dataset = small(5);
        for rally in &dataset.rallies {
            let (day, _) = rally.date.range().expect("dated");
            for incident in rally.responds_to.iter().filter_map(|id| dataset.incident(id)) {
                if let Some((_, last)) = incident.date.range() {
                    assert!((1..=45).contains(&crate::model::days_between(last, day)), "{}", rally.id);
                }
            }
        }
    }
}
