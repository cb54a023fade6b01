//! Dates, periods, numbers and choices written the way the current language writes them:
//! "Nov 20, 2023" and "2023년 11월 20일", "end of November 2023" and "2023년 11월 말".

use jiff::civil::Date;

use super::{Arg, tr, tr_args};
use crate::model::Period;
use crate::model::{Choice, DatePrecision, DateSpec, PeriodPart};

/// The name of a choice (a kind, a status, a grade) in the current language.
pub fn choice<C: Choice>(choice: C) -> String {
    tr(choice.message_id())
}

/// A number with thousands separators and at most one decimal: `1,234`, `12.5`.
pub fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let whole = rounded.trunc();
    let mut digits = format!("{:.0}", whole.abs());
    let mut groups = Vec::new();
    while digits.len() > 3 {
        groups.push(digits.split_off(digits.len() - 3));
    }
    groups.push(digits);
    groups.reverse();
    let sign = if rounded < 0.0 { "-" } else { "" };
    let tenths = ((rounded - whole).abs() * 10.0).round();
    let fraction = if tenths >= 1.0 { format!(".{tenths:.0}") } else { String::new() };
    format!("{sign}{}{fraction}", groups.join(","))
}

/// The arguments every date message may use: the year, the month as a number, a short and a
/// long name, and the day; each language's message uses the ones it needs.
fn date_args(prefix: &str, date: Date) -> Vec<(String, Arg)> {
    let month = date.month();
    vec![
        (format!("{prefix}year"), Arg::from(date.year().to_string())),
        (format!("{prefix}month"), Arg::from(month.to_string())),
        (format!("{prefix}month_short"), Arg::from(tr(MONTH_SHORT[month_index(month)]))),
        (format!("{prefix}month_long"), Arg::from(tr(MONTH_LONG[month_index(month)]))),
        (format!("{prefix}day"), Arg::from(date.day().to_string())),
    ]
}

fn month_index(month: i8) -> usize {
    usize::try_from(month - 1).unwrap_or(0).min(11)
}

fn message(id: &str, args: &[(String, Arg)]) -> String {
    let args: Vec<(&str, Arg)> = args.iter().map(|(name, value)| (name.as_str(), value.clone())).collect();
    tr_args(id, &args)
}

fn two_dates(id: &str, from: Date, to: Date) -> String {
    let mut args = date_args("", from);
    args.extend(date_args("end_", to));
    message(id, &args)
}

/// A month's name: "November", "11월".
pub fn month_name(month: i8) -> String {
    let index = usize::try_from(month).ok().and_then(|m| m.checked_sub(1));
    index.and_then(|i| MONTH_LONG.get(i)).map_or_else(String::new, |id| tr(id))
}

/// A weekday's short name, Monday being 1: "Mon", "월".
pub fn weekday_short(weekday: i8) -> String {
    let index = usize::try_from(weekday).ok().and_then(|d| d.checked_sub(1));
    index.and_then(|i| WEEKDAY_SHORT.get(i)).map_or_else(String::new, |id| tr(id))
}

const WEEKDAY_SHORT: [&str; 7] = [
    "weekday-short-1",
    "weekday-short-2",
    "weekday-short-3",
    "weekday-short-4",
    "weekday-short-5",
    "weekday-short-6",
    "weekday-short-7",
];

/// One day: "Nov 20, 2023", "2023년 11월 20일".
pub fn day(date: Date) -> String {
    message("date-day", &date_args("", date))
}

/// A month: "November 2023", "2023년 11월".
pub fn month_year(date: Date) -> String {
    message("date-month", &date_args("", date))
}

/// What a date means, in words: the day, the month and its part, the year, or the range of
/// days; never more precise than the source was. "?" words for an unknown date.
pub fn date_spec(spec: &DateSpec) -> String {
    let Some((from, to)) = spec.range() else {
        return tr("date-unknown");
    };
    let whole_months = from.day() == 1 && to == to.last_of_month();
    let same_month = (from.year(), from.month()) == (to.year(), to.month());
    let whole_year = whole_months && from.month() == 1 && to.month() == 12 && from.year() == to.year();
    match spec.precision {
        _ if from == to => day(from),
        DatePrecision::Year if whole_year => message("date-year", &date_args("", from)),
        DatePrecision::Year if from.year() == to.year() && from.day() == 1 && to == to.last_of_month() => {
            let id = match spec.part {
                Some(PeriodPart::Early) => "date-year-early",
                Some(PeriodPart::Mid) => "date-year-mid",
                _ => "date-year-late",
            };
            message(id, &date_args("", from))
        }
        DatePrecision::Month if same_month => {
            let id = match spec.part {
                _ if whole_months => "date-month",
                Some(PeriodPart::Early) => "date-month-early",
                Some(PeriodPart::Mid) => "date-month-mid",
                Some(PeriodPart::Late) => "date-month-late",
                None => return day_range(from, to),
            };
            message(id, &date_args("", from))
        }
        _ if whole_months && same_month => message("date-month", &date_args("", from)),
        _ if whole_months && from.year() == to.year() => two_dates("date-months-in-year", from, to),
        _ if whole_months => two_dates("date-months", from, to),
        _ => day_range(from, to),
    }
}

/// A range of days: "Nov 21–30, 2023", "2023년 11월 21~30일"; one day when they are the same.
pub fn days(from: Date, to: Date) -> String {
    day_range(from, to)
}

fn day_range(from: Date, to: Date) -> String {
    if from == to {
        day(from)
    } else if (from.year(), from.month()) == (to.year(), to.month()) {
        two_dates("date-days-in-month", from, to)
    } else if from.year() == to.year() {
        two_dates("date-days-in-year", from, to)
    } else {
        two_dates("date-days", from, to)
    }
}

/// A chart's label for the period starting on `start`: "Nov 2023", "2023년 11월", "Q4 2023".
pub fn period_label(period: Period, start: Date) -> String {
    let mut args = date_args("", start);
    match period {
        Period::Week => message("period-week-of", &args),
        Period::Month => message("period-month", &args),
        Period::Quarter => {
            args.push(("quarter".to_owned(), Arg::from(((start.month() - 1) / 3 + 1).to_string())));
            message("period-quarter", &args)
        }
        Period::Year => message("date-year", &args),
    }
}

const MONTH_SHORT: [&str; 12] = [
    "month-short-1",
    "month-short-2",
    "month-short-3",
    "month-short-4",
    "month-short-5",
    "month-short-6",
    "month-short-7",
    "month-short-8",
    "month-short-9",
    "month-short-10",
    "month-short-11",
    "month-short-12",
];

const MONTH_LONG: [&str; 12] = [
    "month-long-1",
    "month-long-2",
    "month-long-3",
    "month-long-4",
    "month-long-5",
    "month-long-6",
    "month-long-7",
    "month-long-8",
    "month-long-9",
    "month-long-10",
    "month-long-11",
    "month-long-12",
];

/// Every message id this module builds at run time, for the catalog tests.
pub fn runtime_message_ids() -> Vec<&'static str> {
    let mut ids: Vec<&str> = MONTH_SHORT.iter().chain(&MONTH_LONG).chain(&WEEKDAY_SHORT).copied().collect();
    ids.extend([
        "date-unknown",
        "date-day",
        "date-month",
        "date-year",
        "date-year-early",
        "date-year-mid",
        "date-year-late",
        "date-month-early",
        "date-month-mid",
        "date-month-late",
        "date-months-in-year",
        "date-months",
        "date-days-in-month",
        "date-days-in-year",
        "date-days",
        "period-week-of",
        "period-month",
        "period-quarter",
    ]);
    ids
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::i18n::{Language, set_language};
    use crate::phrase::parse_date;

    fn both(spec: &DateSpec) -> (String, String) {
        set_language(Language::English);
        let english = date_spec(spec);
        set_language(Language::Korean);
        let korean = date_spec(spec);
        set_language(Language::English);
        (english, korean)
    }

    fn check(phrase: &str, english: &str, korean: &str) {
        let spec = parse_date(phrase, Some(date(2024, 1, 16)));
        assert_eq!(both(&spec), (english.to_owned(), korean.to_owned()), "{phrase}");
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        check("Nov. 20, 2023", "Nov 20, 2023", "2023년 11월 20일");
        check("end of November 2023", "end of November 2023", "2023년 11월 말");
        check("early December 2023", "early December 2023", "2023년 12월 초");
        check("mid-December 2023", "mid-December 2023", "2023년 12월 중순");
        check("April 2024", "April 2024", "2024년 4월");
        check("2019", "2019", "2019년");
        check("late 2019", "late 2019", "2019년 말");
        check("between November and December 2023", "November–December 2023", "2023년 11~12월");
        check("Nov. 20–26, 2023", "Nov 20–26, 2023", "2023년 11월 20~26일");
        check("Nov. 28 to Dec. 3, 2023", "Nov 28 – Dec 3, 2023", "2023년 11월 28일~12월 3일");
        check(
            "between December 2022 and January 2023",
            "December 2022 – January 2023",
            "2022년 12월~2023년 1월",
        );
        check("some time", "unknown", "날짜 미상");
    }

    #[test]
    fn a_range_of_one_day_is_written_as_that_day() {
        let day = date(2020, 9, 27);
        set_language(Language::Korean);
        let korean = days(day, day);
        set_language(Language::English);
        assert_eq!((days(day, day), korean), ("Sep 27, 2020".to_owned(), "2020년 9월 27일".to_owned()));
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(number(0.0), "0");
        assert_eq!(number(95.0), "95");
        assert_eq!(number(1234.0), "1,234");
        assert_eq!(number(1_000_000.0), "1,000,000");
        assert_eq!(number(12.46), "12.5");
        assert_eq!(number(-1500.0), "-1,500");
    }

    #[test]
    fn periods_are_labelled_in_each_language() {
        let start = date(2023, 10, 1);
        set_language(Language::Korean);
        let korean: Vec<String> =
            [Period::Month, Period::Quarter, Period::Year].iter().map(|p| period_label(*p, start)).collect();
        set_language(Language::English);
        let english: Vec<String> =
            [Period::Month, Period::Quarter, Period::Year].iter().map(|p| period_label(*p, start)).collect();
        assert_eq!(korean, ["2023년 10월", "2023년 4분기", "2023년"]);
        assert_eq!(english, ["Oct 2023", "Q4 2023", "2023"]);
    }
}
