//! The monthly figures on hand-computed cases.
// The figures compared here are whole or exactly representable, so exact comparison is meant.
#![allow(clippy::float_cmp)]

mod common;

use common::{incident, rally};
use jiff::civil::date;
use repatriation_watch::model::{
    CountEstimate, Dataset, DatePrecision, DateSpec, Id, IncidentKind, SourcedEstimate,
};
use repatriation_watch::phrase::parse_count;
use repatriation_watch::stats::{BEYOND_LEGS, MonthRow, SeriesOptions, monthly, monthly_csv, series};

fn on(y: i16, m: i8, d: i8) -> DateSpec {
    DateSpec::day(date(y, m, d), "")
}

fn between(from: (i16, i8, i8), to: (i16, i8, i8)) -> DateSpec {
    DateSpec::span(date(from.0, from.1, from.2), date(to.0, to.1, to.2), DatePrecision::Range, "")
}

fn repatriation(id: &str, date: DateSpec, phrase: &str) -> repatriation_watch::model::Incident {
    incident(id, IncidentKind::ForcedRepatriation, date, Some(parse_count(phrase)))
}

fn row<'a>(rows: &'a [MonthRow], label: &str) -> &'a MonthRow {
    rows.iter().find(|row| row.label() == label).unwrap_or_else(|| panic!("no row {label}"))
}

fn figures(row: &MonthRow) -> (f64, f64, Option<f64>) {
    (row.people_low, row.people_best, row.people_high)
}

#[test]
fn legs_are_counted_instead_of_their_parent() {
    let mut parent = repatriation("p", between((2023, 11, 1), (2023, 12, 31)), "about 50");
    parent.estimates[0].count = CountEstimate::exact(50, "50");
    let mut leg_a = repatriation("a", on(2023, 11, 20), "30");
    leg_a.parent = Some(Id::new("p"));
    let mut leg_b = repatriation("b", on(2023, 12, 26), "20");
    leg_b.parent = Some(Id::new("p"));
    let dataset = Dataset { incidents: vec![parent, leg_a, leg_b], ..Dataset::default() };
    let rows = monthly(&dataset);
    assert_eq!(rows.len(), 2);
    assert_eq!(figures(row(&rows, "2023-11")), (30.0, 30.0, Some(30.0)));
    assert_eq!(figures(row(&rows, "2023-12")), (20.0, 20.0, Some(20.0)));
    assert_eq!(row(&rows, "2023-11").incidents, 1, "the parent is not counted beside its legs");
}

#[test]
fn what_a_parent_reports_beyond_its_legs_is_spread_over_its_dates() {
    // "at least 95 over four occasions", but only two legs known: 30 + 35 = 65.
    let leg = |id: &str, date: DateSpec, people: &str| {
        let mut leg = repatriation(id, date, people);
        leg.parent = Some(Id::new("p"));
        leg
    };
    let dataset = Dataset {
        incidents: vec![
            repatriation("p", between((2023, 11, 1), (2023, 12, 31)), "at least 95"),
            leg("a", on(2023, 11, 20), "30"),
            leg("b", on(2023, 12, 26), "35"),
        ],
        ..Dataset::default()
    };
    let rows = monthly(&dataset);
    // 30 remain, over 61 days: 30 in November (30 × 30/61) and 31 in December (30 × 31/61).
    let november = row(&rows, "2023-11");
    let december = row(&rows, "2023-12");
    assert!((november.people_best - (30.0 + 30.0 * 30.0 / 61.0)).abs() < 1e-9);
    assert!((december.people_best - (35.0 + 30.0 * 31.0 / 61.0)).abs() < 1e-9);
    assert_eq!(november.people_high, None, "\"at least\" leaves the high figure open");
    // In the chart, the remainder is a segment of its own.
    let buckets = series(&dataset, SeriesOptions::default(), &|_| true, &|_| true);
    let beyond = buckets[0].segments.get(BEYOND_LEGS).copied().unwrap_or_default();
    assert!((beyond - 30.0 * 30.0 / 61.0).abs() < 1e-9, "{:?}", buckets[0].segments);
}

#[test]
fn a_record_spanning_months_is_spread_by_days() {
    // 61 people from 1 November to 31 December: 30 days, then 31 days.
    let rows = monthly(&Dataset {
        incidents: vec![repatriation("x", between((2023, 11, 1), (2023, 12, 31)), "61")],
        ..Dataset::default()
    });
    assert_eq!(figures(row(&rows, "2023-11")), (30.0, 30.0, Some(30.0)));
    assert_eq!(figures(row(&rows, "2023-12")), (31.0, 31.0, Some(31.0)));
    assert_eq!(row(&rows, "2023-11").incidents, 1);
    assert_eq!(row(&rows, "2023-12").incidents, 1);
}

#[test]
fn open_ended_estimates_leave_the_high_figure_empty() {
    let rows = monthly(&Dataset {
        incidents: vec![
            repatriation("a", on(2024, 4, 20), "over 200"),
            repatriation("b", on(2024, 4, 21), "50 to 60"),
            repatriation("c", on(2024, 5, 1), "50 to 60"),
        ],
        ..Dataset::default()
    });
    assert_eq!(figures(row(&rows, "2024-04")), (250.0, 255.0, None));
    assert_eq!(figures(row(&rows, "2024-05")), (50.0, 55.0, Some(60.0)));
    let csv = monthly_csv(&rows);
    assert_eq!(
        csv,
        "month,incidents,people_low,people_best,people_high,rallies,attendance_best\n\
         2024-04,2,250.0,255.0,,0,0.0\n\
         2024-05,1,50.0,55.0,60.0,0,0.0\n"
    );
}

/// The October 2023 event as three sources gave it: "over 500", "620", "roughly 600" (preferred).
fn competing() -> Dataset {
    let mut event = repatriation("oct", on(2023, 10, 9), "over 500");
    event.estimates.push(SourcedEstimate { count: parse_count("620"), ..SourcedEstimate::default() });
    event.estimates.push(SourcedEstimate {
        count: parse_count("roughly 600"),
        preferred: true,
        ..SourcedEstimate::default()
    });
    event.estimates[0].preferred = false;
    Dataset { incidents: vec![event], ..Dataset::default() }
}

#[test]
fn the_preferred_estimate_is_used_among_competing_ones() {
    let rows = monthly(&competing());
    assert_eq!(figures(&rows[0]), (600.0, 600.0, Some(600.0)), "counted once, at the preferred figure");
}

#[test]
fn other_kinds_count_as_incidents_but_not_as_people_sent_back() {
    let detention = incident("d", IncidentKind::Detention, on(2019, 4, 25), Some(parse_count("seven")));
    let rows = monthly(&Dataset { incidents: vec![detention], ..Dataset::default() });
    assert_eq!(rows[0].incidents, 1);
    assert_eq!(figures(&rows[0]), (0.0, 0.0, Some(0.0)));
}

#[test]
fn undated_records_are_left_out_and_empty_months_filled_in() {
    let dataset = Dataset {
        incidents: vec![
            repatriation("a", on(2023, 1, 5), "10"),
            repatriation("b", DateSpec::unknown("some time ago"), "99"),
            repatriation("c", on(2023, 4, 5), "10"),
        ],
        rallies: vec![rally("r", on(2023, 3, 1), Some(parse_count("about two dozen")))],
        ..Dataset::default()
    };
    let rows = monthly(&dataset);
    let labels: Vec<String> = rows.iter().map(MonthRow::label).collect();
    assert_eq!(labels, ["2023-01", "2023-02", "2023-03", "2023-04"]);
    assert_eq!(rows.iter().map(|r| r.people_best).sum::<f64>(), 20.0);
    assert_eq!((rows[2].rallies, rows[2].attendance_best), (1, 24.0));
    assert_eq!(rows[1], MonthRow { year: 2023, month: 2, people_high: Some(0.0), ..MonthRow::default() });
}

#[test]
fn an_empty_dataset_has_no_months() {
    assert!(monthly(&Dataset::default()).is_empty());
    assert_eq!(monthly_csv(&[]).lines().count(), 1);
}

mod by_period {
    use super::*;
    use repatriation_watch::model::{IncidentStatus, Place};
    use repatriation_watch::stats::{ColourBy, Period, Pick, SeriesOptions, series};

    fn all(dataset: &Dataset, options: SeriesOptions) -> Vec<repatriation_watch::stats::Bucket> {
        series(dataset, options, &|_| true, &|_| true)
    }

    #[test]
    fn the_switch_picks_the_preferred_lowest_or_highest_estimate() {
        let dataset = competing();
        let best = |pick| all(&dataset, SeriesOptions { pick, ..SeriesOptions::default() })[0].people.best;
        assert_eq!(best(Pick::Preferred), 600.0);
        assert_eq!(best(Pick::Lowest), 500.0);
        assert_eq!(best(Pick::Highest), 500.0, "\"over 500\" is open-ended, so it is the highest");
    }

    #[test]
    fn quarters_and_years_add_up_the_months() {
        let dataset = Dataset {
            incidents: vec![
                repatriation("a", on(2023, 11, 20), "30"),
                repatriation("b", on(2023, 12, 26), "35"),
                repatriation("c", on(2024, 1, 2), "5"),
            ],
            ..Dataset::default()
        };
        let quarters = all(&dataset, SeriesOptions { period: Period::Quarter, ..SeriesOptions::default() });
        let labels: Vec<String> = quarters.iter().map(|b| Period::Quarter.label(b.start)).collect();
        assert_eq!(labels, ["2023-Q4", "2024-Q1"]);
        assert_eq!(quarters[0].people.best, 65.0);
        let weeks = all(&dataset, SeriesOptions { period: Period::Week, ..SeriesOptions::default() });
        assert_eq!(weeks.len(), 7, "2023-W47 to 2024-W01, the empty weeks included");
        assert_eq!(weeks.iter().map(|b| b.people.best).sum::<f64>(), 70.0);
    }

    #[test]
    fn bars_are_split_by_destination_or_status() {
        let mut a = repatriation("a", on(2023, 11, 20), "30");
        a.to_place = Some(Id::new("pl-sinuiju"));
        let mut b = repatriation("b", on(2023, 11, 25), "10");
        b.to_place = Some(Id::new("pl-hyesan"));
        b.status = IncidentStatus::Confirmed;
        let c = repatriation("c", on(2023, 11, 28), "5");
        let place = |id: &str, name: &str, province: &str| Place {
            id: Id::new(id),
            name: name.to_owned(),
            province: province.to_owned(),
            ..Place::default()
        };
        let dataset = Dataset {
            places: vec![place("pl-hyesan", "Hyesan", "Yanggang"), place("pl-sinuiju", "Sinuiju", "")],
            incidents: vec![a, b, c],
            ..Dataset::default()
        };
        let by_destination = &all(&dataset, SeriesOptions::default())[0].segments;
        let found: Vec<(&str, f64)> = by_destination.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        // A province when the place names one, else the place itself.
        assert_eq!(found, [("Sinuiju", 30.0), ("Yanggang", 10.0), ("destination unknown", 5.0)]);
        let by_status =
            &all(&dataset, SeriesOptions { colour: ColourBy::Status, ..SeriesOptions::default() })[0]
                .segments;
        assert_eq!(by_status.get("reported"), Some(&35.0));
        assert_eq!(by_status.get("confirmed"), Some(&10.0));
    }

    #[test]
    fn each_bar_knows_the_records_behind_it() {
        let dataset = Dataset {
            incidents: vec![repatriation("x", between((2023, 11, 1), (2023, 12, 31)), "61")],
            ..Dataset::default()
        };
        let buckets = all(&dataset, SeriesOptions::default());
        let november = &buckets[0].repatriations;
        assert_eq!(november.len(), 1);
        assert_eq!(
            (november[0].id.as_str(), november[0].words.as_str(), november[0].best),
            ("x", "61", 30.0)
        );
        assert!(november[0].spread, "the record spans two months");
    }

    #[test]
    fn records_spanning_periods_can_be_marked_instead_of_spread() {
        let dataset = Dataset {
            incidents: vec![
                repatriation("span", between((2023, 11, 1), (2023, 12, 31)), "at least 95"),
                repatriation("day", on(2023, 11, 20), "30"),
            ],
            ..Dataset::default()
        };
        let options = SeriesOptions { mark_imprecise: true, ..SeriesOptions::default() };
        let buckets = all(&dataset, options);
        assert_eq!(buckets.len(), 2, "both months the span touches are on the axis");
        assert_eq!(buckets[0].people.best, 30.0, "the span is not in the bars");
        assert_eq!(buckets[1].people.best, 0.0);
        let span = &buckets[0].spanning[0];
        assert_eq!(
            (span.id.as_str(), span.people.best, span.last_period),
            ("span", 95.0, jiff::civil::date(2023, 12, 1))
        );
        assert_eq!(buckets[0].incidents, 2, "it is still an incident of both months");
        let spread = all(&dataset, SeriesOptions::default());
        assert!(spread.iter().all(|b| b.spanning.is_empty()));
        assert!((spread[0].people.best - (30.0 + 95.0 * 30.0 / 61.0)).abs() < 1e-9);
    }

    #[test]
    fn filters_leave_records_out() {
        let dataset = Dataset {
            incidents: vec![
                repatriation("a", on(2023, 11, 20), "30"),
                repatriation("b", on(2023, 11, 21), "10"),
            ],
            ..Dataset::default()
        };
        let only_a = series(&dataset, SeriesOptions::default(), &|i| i.id.as_str() == "a", &|_| true);
        assert_eq!(only_a[0].people.best, 30.0);
        assert_eq!(only_a[0].incidents, 1);
    }
}

mod by_category {
    use repatriation_watch::stats::{BreakdownBy, Pick, breakdown};
    use repatriation_watch::store::load_sample;

    fn totals(by: BreakdownBy) -> Vec<(String, usize, f64, Option<f64>)> {
        let dataset = load_sample().expect("the sample loads");
        breakdown(&dataset, by, Pick::Preferred, &|_| true, &|_| true)
            .into_iter()
            .map(|slice| (slice.name, slice.records, slice.people.best, slice.people.high))
            .collect()
    }

    #[test]
    fn the_sample_by_place_sent_from() {
        let found = totals(BreakdownBy::FromPlace);
        // Baiyin: "over 200", open-ended. Dandong: the leg of Nov. 20, "some 30". Shenyang: the
        // seven detained (a detention: an incident, no one sent back).
        assert!(found.contains(&("Baiyin Detention Center".to_owned(), 1, 200.0, None)), "{found:?}");
        assert!(found.contains(&("Dandong".to_owned(), 1, 30.0, Some(30.0))), "{found:?}");
        assert!(found.contains(&("Shenyang".to_owned(), 1, 0.0, Some(0.0))), "{found:?}");
        assert_eq!(found[0].0, "not recorded", "the largest first: the October 2023 event names no place");
    }

    #[test]
    fn the_sample_by_destination_province() {
        let found = totals(BreakdownBy::ToPlace);
        assert!(found.contains(&("Yanggang".to_owned(), 2, 30.0, Some(30.0))), "{found:?}");
        assert!(found.contains(&("North Hamgyong".to_owned(), 1, 35.0, Some(35.0))), "{found:?}");
        assert!(found.contains(&("North Pyongan".to_owned(), 1, 30.0, Some(30.0))), "{found:?}");
    }

    #[test]
    fn rallies_by_city_and_by_organizer() {
        let cities = totals(BreakdownBy::RallyCity);
        assert_eq!(cities[0], ("Seoul".to_owned(), 4, 0.0, Some(0.0)), "{cities:?}");
        let organizers = totals(BreakdownBy::RallyOrganizer);
        assert!(organizers.iter().any(|(name, records, ..)| name.starts_with("Hanbyun") && *records == 1));
        assert!(organizers.iter().any(|(name, records, ..)| name == "not recorded" && *records == 3));
    }
}
