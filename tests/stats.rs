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
use repatriation_watch::stats::{MonthRow, monthly, monthly_csv};

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
    let parent = repatriation("p", between((2023, 11, 1), (2023, 12, 31)), "at least 95");
    let mut leg_a = repatriation("a", on(2023, 11, 20), "30");
    leg_a.parent = Some(Id::new("p"));
    let mut leg_b = repatriation("b", on(2023, 12, 26), "35");
    leg_b.parent = Some(Id::new("p"));
    let rows = monthly(&Dataset { incidents: vec![parent, leg_a, leg_b], ..Dataset::default() });
    // 30 remain, over 61 days: 30 in November (30 × 30/61) and 31 in December (30 × 31/61).
    let november = row(&rows, "2023-11");
    let december = row(&rows, "2023-12");
    assert!((november.people_best - (30.0 + 30.0 * 30.0 / 61.0)).abs() < 1e-9);
    assert!((december.people_best - (35.0 + 30.0 * 31.0 / 61.0)).abs() < 1e-9);
    assert_eq!(november.people_high, None, "\"at least\" leaves the high figure open");
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

#[test]
fn the_preferred_estimate_is_used_among_competing_ones() {
    let mut event = repatriation("oct", on(2023, 10, 9), "over 500");
    event.estimates.push(SourcedEstimate { count: parse_count("620"), ..SourcedEstimate::default() });
    event.estimates.push(SourcedEstimate {
        count: parse_count("roughly 600"),
        preferred: true,
        ..SourcedEstimate::default()
    });
    event.estimates[0].preferred = false;
    let rows = monthly(&Dataset { incidents: vec![event], ..Dataset::default() });
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
