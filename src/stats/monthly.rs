//! Monthly figures: what the monthly chart draws and `stats` prints.

use std::fmt::Write as _;

use super::{Period, SeriesOptions, series};
use crate::model::Dataset;

/// One month's figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonthRow {
    /// The year.
    pub year: i16,
    /// The month, 1–12.
    pub month: i8,
    /// Incidents of every kind whose dates touch the month (legs instead of their parent).
    pub incidents: usize,
    /// People forcibly repatriated, lowest figures.
    pub people_low: f64,
    /// People forcibly repatriated, preferred figures.
    pub people_best: f64,
    /// People forcibly repatriated, highest figures; `None` when any is open-ended.
    pub people_high: Option<f64>,
    /// Rallies whose dates touch the month.
    pub rallies: usize,
    /// Attendance at those rallies, preferred figures.
    pub attendance_best: f64,
}

impl MonthRow {
    /// The month as `YYYY-MM`.
    pub fn label(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// The monthly figures from the first to the last month with data, months without any included.
/// The same computation as the monthly chart, with every record counted.
pub fn monthly(dataset: &Dataset) -> Vec<MonthRow> {
    let options = SeriesOptions { period: Period::Month, ..SeriesOptions::default() };
    series(dataset, options, &|_| true, &|_| true)
        .into_iter()
        .map(|bucket| MonthRow {
            year: bucket.start.year(),
            month: bucket.start.month(),
            incidents: bucket.incidents,
            people_low: bucket.people.low,
            people_best: bucket.people.best,
            people_high: bucket.people.high,
            rallies: bucket.rallies,
            attendance_best: bucket.attendance,
        })
        .collect()
}

/// The figures as CSV: `month,incidents,people_low,people_best,people_high,rallies,attendance_best`.
pub fn monthly_csv(rows: &[MonthRow]) -> String {
    let mut out =
        String::from("month,incidents,people_low,people_best,people_high,rallies,attendance_best\n");
    for row in rows {
        let high = row.people_high.map_or_else(String::new, |high| format!("{high:.1}"));
        let _ = writeln!(
            out,
            "{},{},{:.1},{:.1},{},{},{:.1}",
            row.label(),
            row.incidents,
            row.people_low,
            row.people_best,
            high,
            row.rallies,
            row.attendance_best
        );
    }
    out
}
