//! Periods the charts and figures are grouped by: weeks, months, quarters, years.

use jiff::ToSpan;
use jiff::civil::Date;

use super::days_between;

impl super::Choice for Period {
    fn all() -> &'static [Self] {
        &Self::ALL
    }

    fn english_name(self) -> &'static str {
        self.name()
    }

    fn message_id(self) -> &'static str {
        match self {
            Self::Week => "Period-Week",
            Self::Month => "Period-Month",
            Self::Quarter => "Period-Quarter",
            Self::Year => "Period-Year",
        }
    }
}

/// A length of time to group records by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Period {
    /// Weeks from Monday to Sunday.
    Week,
    /// Calendar months.
    #[default]
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
}

impl Period {
    /// Every period, shortest first.
    pub const ALL: [Self; 4] = [Self::Week, Self::Month, Self::Quarter, Self::Year];

    /// The English name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Week => "week",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }

    /// The first day of the period that holds `date`.
    pub fn start_of(self, date: Date) -> Date {
        match self {
            Self::Week => date.saturating_sub(i64::from(date.weekday().to_monday_zero_offset()).days()),
            Self::Month => date.first_of_month(),
            Self::Quarter => {
                let month = (date.month() - 1) / 3 * 3 + 1;
                Date::new(date.year(), month, 1).unwrap_or(date)
            }
            Self::Year => Date::new(date.year(), 1, 1).unwrap_or(date),
        }
    }

    /// The first day of the next period, given the first day of one; `None` past the calendar's end.
    pub fn next(self, start: Date) -> Option<Date> {
        // Months are counted directly: adding a span of months is slow, and this runs for every
        // period of every record when the charts are worked out.
        let months = match self {
            Self::Week => return start.checked_add(7.days()).ok(),
            Self::Month => 1,
            Self::Quarter => 3,
            Self::Year => 12,
        };
        let index = i32::from(start.year()) * 12 + i32::from(start.month()) - 1 + months;
        let year = i16::try_from(index.div_euclid(12)).ok()?;
        let month = i8::try_from(index.rem_euclid(12) + 1).ok()?;
        Date::new(year, month, 1).ok()
    }

    /// The last day of the period starting on `start`.
    pub fn end_of(self, start: Date) -> Date {
        self.next(start).and_then(|next| next.yesterday().ok()).unwrap_or(Date::MAX)
    }

    /// A short label: `2023-W47`, `2023-11`, `2023-Q4`, `2023`.
    pub fn label(self, start: Date) -> String {
        match self {
            Self::Week => {
                let week = start.iso_week_date();
                format!("{:04}-W{:02}", week.year(), week.week())
            }
            Self::Month => format!("{:04}-{:02}", start.year(), start.month()),
            Self::Quarter => format!("{:04}-Q{}", start.year(), (start.month() - 1) / 3 + 1),
            Self::Year => format!("{:04}", start.year()),
        }
    }

    /// Calls `visit` with the start of each period the inclusive range touches and the days of
    /// the range in it.
    pub fn for_each(self, (earliest, latest): (Date, Date), mut visit: impl FnMut(Date, i64)) {
        let mut start = self.start_of(earliest);
        while start <= latest {
            let end = self.end_of(start);
            visit(start, days_between(earliest.max(start), latest.min(end)) + 1);
            match self.next(start) {
                Some(next) => start = next,
                None => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn periods_start_where_the_calendar_does() {
        let day = date(2023, 11, 22);
        assert_eq!(Period::Week.start_of(day), date(2023, 11, 20));
        assert_eq!(Period::Month.start_of(day), date(2023, 11, 1));
        assert_eq!(Period::Quarter.start_of(day), date(2023, 10, 1));
        assert_eq!(Period::Year.start_of(day), date(2023, 1, 1));
        assert_eq!(Period::Quarter.end_of(date(2023, 10, 1)), date(2023, 12, 31));
    }

    #[test]
    fn the_next_period_starts_where_adding_its_length_would_start_it() {
        let mut day = date(1999, 12, 25);
        while day < date(2031, 1, 10) {
            for (period, step) in [
                (Period::Week, 7.days()),
                (Period::Month, 1.month()),
                (Period::Quarter, 3.months()),
                (Period::Year, 1.year()),
            ] {
                let start = period.start_of(day);
                assert_eq!(period.next(start), start.checked_add(step).ok(), "{period:?} after {start}");
            }
            day = day.tomorrow().expect("in range");
        }
        assert_eq!(Period::Month.next(date(9999, 12, 1)), None, "past the calendar's end");
    }

    #[test]
    fn labels_name_the_period() {
        assert_eq!(Period::Week.label(date(2023, 11, 20)), "2023-W47");
        assert_eq!(Period::Month.label(date(2023, 11, 1)), "2023-11");
        assert_eq!(Period::Quarter.label(date(2023, 10, 1)), "2023-Q4");
        assert_eq!(Period::Year.label(date(2023, 1, 1)), "2023");
    }

    #[test]
    fn a_range_is_shared_out_by_days() {
        let mut seen = Vec::new();
        Period::Month
            .for_each((date(2023, 11, 21), date(2024, 1, 5)), |start, days| seen.push((start, days)));
        assert_eq!(seen, [(date(2023, 11, 1), 10), (date(2023, 12, 1), 31), (date(2024, 1, 1), 5)]);
    }
}
