//! Monthly figures: what the monthly chart draws and `stats` prints.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use jiff::civil::Date;

use crate::model::{CountEstimate, Dataset, Id, Incident, IncidentKind, days_between};

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
    fn new(year: i16, month: i8) -> Self {
        Self { year, month, people_high: Some(0.0), ..Self::default() }
    }

    /// The month as `YYYY-MM`.
    pub fn label(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// A figure to spread over a record's days: low, best and high (`None` = open-ended).
#[derive(Clone, Copy, Debug)]
struct Figure {
    low: f64,
    best: f64,
    high: Option<f64>,
}

impl Figure {
    fn of(count: &CountEstimate) -> Option<Self> {
        Some(Self { low: count.floor()?, best: count.central()?, high: count.ceiling() })
    }
}

/// The monthly figures from the first to the last month with data, months without any included.
pub fn monthly(dataset: &Dataset) -> Vec<MonthRow> {
    let mut months: BTreeMap<(i16, i8), MonthRow> = BTreeMap::new();
    let legs = legs_by_parent(dataset);
    for incident in &dataset.incidents {
        let Some(range) = incident.date.range() else { continue };
        let my_legs = legs.get(&incident.id).map_or(&[][..], Vec::as_slice);
        if my_legs.is_empty() {
            for_each_month(range, |key, _| {
                months.entry(key).or_insert_with(|| MonthRow::new(key.0, key.1)).incidents += 1;
            });
        }
        if incident.kind != IncidentKind::ForcedRepatriation {
            continue;
        }
        let figure = if my_legs.is_empty() { own_figure(incident) } else { beyond_legs(incident, my_legs) };
        if let Some(figure) = figure {
            spread(&mut months, range, |row, share| {
                row.people_low += figure.low * share;
                row.people_best += figure.best * share;
                row.people_high = row.people_high.zip(figure.high).map(|(sum, high)| sum + high * share);
            });
        }
    }
    for rally in &dataset.rallies {
        let Some(range) = rally.date.range() else { continue };
        for_each_month(range, |key, _| {
            months.entry(key).or_insert_with(|| MonthRow::new(key.0, key.1)).rallies += 1;
        });
        if let Some(best) = rally.preferred_attendance().and_then(|e| e.count.central()) {
            spread(&mut months, range, |row, share| row.attendance_best += best * share);
        }
    }
    fill_gaps(&months)
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

fn legs_by_parent(dataset: &Dataset) -> HashMap<&Id, Vec<&Incident>> {
    let mut legs: HashMap<&Id, Vec<&Incident>> = HashMap::new();
    for incident in &dataset.incidents {
        if let Some(parent) = &incident.parent {
            legs.entry(parent).or_default().push(incident);
        }
    }
    legs
}

fn own_figure(incident: &Incident) -> Option<Figure> {
    Figure::of(&incident.preferred_estimate()?.count)
}

/// What a parent reports beyond its legs: its figures minus theirs, never below zero. The
/// remainder's high end is the parent's high minus the legs' lows, or open when the parent's is.
fn beyond_legs(parent: &Incident, legs: &[&Incident]) -> Option<Figure> {
    let total = own_figure(parent)?;
    let counted: Vec<Figure> = legs
        .iter()
        .filter(|leg| leg.kind == IncidentKind::ForcedRepatriation)
        .filter_map(|leg| own_figure(leg))
        .collect();
    let legs_low: f64 = counted.iter().map(|f| f.low).sum();
    let legs_best: f64 = counted.iter().map(|f| f.best).sum();
    let remainder = Figure {
        low: (total.low - legs_low).max(0.0),
        best: (total.best - legs_best).max(0.0),
        high: total.high.map(|high| (high - legs_low).max(0.0)),
    };
    let adds_anything = remainder.best > 0.0 || remainder.low > 0.0 || remainder.high.is_none();
    adds_anything.then_some(remainder)
}

/// Calls `visit` with each month the range touches and the days of the range in it.
fn for_each_month((earliest, latest): (Date, Date), mut visit: impl FnMut((i16, i8), i64)) {
    let mut month_start = earliest.first_of_month();
    while month_start <= latest {
        let month_end = month_start.last_of_month();
        let from = earliest.max(month_start);
        let to = latest.min(month_end);
        visit((month_start.year(), month_start.month()), days_between(from, to) + 1);
        match month_end.tomorrow() {
            Ok(next) => month_start = next,
            Err(_) => break,
        }
    }
}

/// Shares a record out over the months of its range, in proportion to its days in each.
fn spread(
    months: &mut BTreeMap<(i16, i8), MonthRow>,
    range: (Date, Date),
    mut add: impl FnMut(&mut MonthRow, f64),
) {
    let total_days = (days_between(range.0, range.1) + 1) as f64;
    for_each_month(range, |key, days| {
        let row = months.entry(key).or_insert_with(|| MonthRow::new(key.0, key.1));
        add(row, days as f64 / total_days);
    });
}

/// Every month from the first to the last, empty ones included, so a chart's axis is even.
fn fill_gaps(months: &BTreeMap<(i16, i8), MonthRow>) -> Vec<MonthRow> {
    let (Some(first), Some(last)) = (months.keys().next().copied(), months.keys().next_back().copied())
    else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    let (mut year, mut month) = first;
    while (year, month) <= last {
        rows.push(months.get(&(year, month)).cloned().unwrap_or_else(|| MonthRow::new(year, month)));
        (year, month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    }
    rows
}
