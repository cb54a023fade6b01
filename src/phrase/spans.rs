//! Spans of days that words relative to the publication day mean ("last week", "three days
//! ago", "the past two weeks"), and the parts of a year ("the first half of 2023", "spring
//! 2023", "the 2010s").

use jiff::ToSpan;
use jiff::civil::Date;

use super::words::{number, starts_with, year};
use crate::model::{DatePrecision, DateSpec};

/// "last week", "this week", "the weekend", "earlier this month", "N days ago", "the past two
/// weeks": spans relative to the publication day.
pub(super) fn relative_span(words: &[String], reference: Date) -> Option<DateSpec> {
    let text = words.join(" ");
    let monday = reference.checked_sub((reference.weekday().to_monday_zero_offset()).days()).ok()?;
    let week = |monday: Date| -> Option<DateSpec> {
        let sunday = monday.checked_add(6.days()).ok()?;
        Some(DateSpec::span(monday, sunday, DatePrecision::Week, ""))
    };
    let before_today = reference.saturating_sub(1.day());
    match text.as_str() {
        "last week" => return week(monday.checked_sub(7.days()).ok()?),
        "this week" => return week(monday),
        "earlier this week" => {
            return Some(DateSpec::span(monday, before_today.max(monday), DatePrecision::Range, ""));
        }
        "earlier this month" => {
            let first = reference.first_of_month();
            return Some(DateSpec::span(first, before_today.max(first), DatePrecision::Range, ""));
        }
        "earlier this year" => {
            let first = Date::new(reference.year(), 1, 1).ok()?;
            return Some(DateSpec::span(first, before_today.max(first), DatePrecision::Range, ""));
        }
        "the weekend" | "over the weekend" | "last weekend" | "this past weekend" => {
            let back_to_sunday = (reference.weekday().to_monday_zero_offset() + 1) % 7;
            let sunday = reference.checked_sub(i64::from(back_to_sunday).days()).ok()?;
            let saturday = sunday.checked_sub(1.day()).ok()?;
            return Some(DateSpec::span(saturday, sunday, DatePrecision::Week, ""));
        }
        _ => {}
    }
    ago(words, reference).or_else(|| past(words, reference))
}

/// A count of units filling `words` ("two weeks", "a month", "3 days"): the number and the
/// unit without its plural.
fn count_of_units(words: &[String]) -> Option<(i64, &str)> {
    let (count, used) = match words.first().map(String::as_str) {
        Some("a" | "an" | "one") => (1, 1),
        _ => number(words).map(|(n, used)| (i64::from(n), used))?,
    };
    let [unit] = &words[used..] else { return None };
    let unit = unit.strip_suffix('s').unwrap_or(unit);
    matches!(unit, "day" | "week" | "month" | "year").then_some((count, unit))
}

/// "3 days ago" (that day), "two weeks ago" (that week), "a month ago", "23 years ago".
fn ago(words: &[String], reference: Date) -> Option<DateSpec> {
    let [units @ .., last] = words else { return None };
    (last == "ago").then_some(())?;
    let (count, unit) = count_of_units(units)?;
    let bounds = match unit {
        "day" => {
            let day = reference.checked_sub(count.days()).ok()?;
            return Some(DateSpec::day(day, ""));
        }
        "week" => {
            let day = reference.checked_sub((count * 7).days()).ok()?;
            let monday = day.checked_sub((day.weekday().to_monday_zero_offset()).days()).ok()?;
            let sunday = monday.checked_add(6.days()).ok()?;
            return Some(DateSpec::span(monday, sunday, DatePrecision::Week, ""));
        }
        "month" => {
            let first = reference.first_of_month().checked_sub(count.months()).ok()?;
            (first, first.last_of_month(), DatePrecision::Month)
        }
        _ => {
            let year = reference.year().checked_sub(i16::try_from(count).ok()?)?;
            (Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?, DatePrecision::Year)
        }
    };
    let (earliest, latest, precision) = bounds;
    Some(DateSpec::span(earliest, latest, precision, ""))
}

/// "in the past two weeks", "over the last month", "the past year": from that long before the
/// publication day up to it.
fn past(words: &[String], reference: Date) -> Option<DateSpec> {
    let words = match words.first().map(String::as_str) {
        Some("over" | "in" | "during" | "within") => &words[1..],
        _ => words,
    };
    let used = starts_with(words, "the past").or_else(|| starts_with(words, "the last"))?;
    let rest = &words[used..];
    let (count, unit) = match rest {
        [unit] if matches!(unit.as_str(), "day" | "week" | "month" | "year") => (1, unit.as_str()),
        _ => count_of_units(rest)?,
    };
    let span = match unit {
        "day" => count.days(),
        "week" => (count * 7).days(),
        "month" => count.months(),
        _ => count.years(),
    };
    let earliest = reference.checked_sub(span).ok()?;
    Some(DateSpec::span(earliest, reference, DatePrecision::Range, ""))
}

/// "the first half of 2023", "the third quarter of 2023", "spring 2023", "the 2010s".
pub(super) fn part_of_year(words: &[String]) -> Option<DateSpec> {
    const PERIODS: [(&str, i8, i8); 10] = [
        ("first half", 1, 6),
        ("second half", 7, 12),
        ("first quarter", 1, 3),
        ("second quarter", 4, 6),
        ("third quarter", 7, 9),
        ("fourth quarter", 10, 12),
        ("spring", 3, 5),
        ("summer", 6, 8),
        ("autumn", 9, 11),
        ("fall", 9, 11),
    ];
    let words = starts_with(words, "the").map_or(words, |used| &words[used..]);
    if let [decade] = words
        && let Some(start) = decade.strip_suffix('s').and_then(year).filter(|y| y % 10 == 0)
    {
        let first = Date::new(start, 1, 1).ok()?;
        let last = Date::new(start.checked_add(9)?, 12, 31).ok()?;
        return Some(DateSpec::span(first, last, DatePrecision::Range, ""));
    }
    let (from, to, used) = PERIODS
        .iter()
        .find_map(|(name, from, to)| starts_with(words, name).map(|used| (*from, *to, used)))?;
    let rest = &words[used..];
    let rest = starts_with(rest, "of").map_or(rest, |of| &rest[of..]);
    let [the_year] = rest else { return None };
    let the_year = year(the_year)?;
    let first = Date::new(the_year, from, 1).ok()?;
    let last = Date::new(the_year, to, 1).ok()?.last_of_month();
    Some(DateSpec::span(first, last, DatePrecision::Range, ""))
}
