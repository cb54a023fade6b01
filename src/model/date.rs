//! Fuzzy dates: what a source said about when something happened.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::choice::choice_enum;

choice_enum! {
    /// How precisely a source dated an event.
    pub enum DatePrecision {
        /// A single day ("Nov. 20, 2023").
        Day => "day",
        /// A week, or a few days ("in the week before").
        Week => "week",
        /// A month, or part of one ("end of November 2023").
        Month => "month",
        /// A year ("2019").
        Year => "year",
        /// A span between two dates ("between November and December 2023").
        Range => "range",
        /// The source gives no usable date.
        #[default]
        Unknown => "unknown",
    }
}

choice_enum! {
    /// Which part of a month or year a source meant ("end of November").
    pub enum PeriodPart {
        /// "early", "beginning of": the first third.
        #[default]
        Early => "early",
        /// "mid", "middle of": the middle third.
        Mid => "mid",
        /// "late", "end of": the last third.
        Late => "late",
    }
}

/// A date as a source reported it: the words, and the days they can mean.
///
/// `earliest` and `latest` are inclusive bounds; both are `None` when the date is unknown. Charts
/// place a record by this range and never pretend it is more precise than it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateSpec {
    /// The first day the words can mean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<Date>,
    /// The last day the words can mean (the same as `earliest` for a single day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<Date>,
    /// How precise the source was.
    #[serde(default)]
    pub precision: DatePrecision,
    /// The part of the month or year meant, for "end of November" and the like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<PeriodPart>,
    /// The source's own words, kept verbatim ("end of November", "last month").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub as_reported: String,
}

impl DateSpec {
    /// A single known day.
    pub fn day(date: Date, as_reported: impl Into<String>) -> Self {
        Self {
            earliest: Some(date),
            latest: Some(date),
            precision: DatePrecision::Day,
            part: None,
            as_reported: as_reported.into(),
        }
    }

    /// A span of days with the given precision.
    pub fn span(
        earliest: Date,
        latest: Date,
        precision: DatePrecision,
        as_reported: impl Into<String>,
    ) -> Self {
        Self {
            earliest: Some(earliest),
            latest: Some(latest),
            precision,
            part: None,
            as_reported: as_reported.into(),
        }
    }

    /// Words that could not be understood: kept, with no dates.
    pub fn unknown(as_reported: impl Into<String>) -> Self {
        Self { as_reported: as_reported.into(), ..Self::default() }
    }

    /// The inclusive range of days meant, when one is known.
    ///
    /// A missing `latest` means the same day as `earliest`; a missing `earliest` means no range.
    pub fn range(&self) -> Option<(Date, Date)> {
        let earliest = self.earliest.or(self.latest)?;
        let latest = self.latest.unwrap_or(earliest);
        Some((earliest, latest))
    }

    /// Whether no day at all is known.
    pub fn is_unknown(&self) -> bool {
        self.range().is_none()
    }

    /// The number of days in the range (at least 1), when one is known.
    pub fn day_count(&self) -> Option<i64> {
        let (earliest, latest) = self.range()?;
        Some(days_between(earliest, latest) + 1)
    }

    /// A short rendering of the range in ISO form: `2023-11-20`, `2023-11-21..2023-11-30`, `?`.
    pub fn iso_range(&self) -> String {
        match self.range() {
            None => "?".to_owned(),
            Some((a, b)) if a == b => a.to_string(),
            Some((a, b)) => format!("{a}..{b}"),
        }
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    from.duration_until(to).as_secs() / 86_400
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_missing_latest_means_the_same_day() {
        let spec = DateSpec { earliest: Some(date(2023, 11, 20)), ..DateSpec::default() };
        assert_eq!(spec.range(), Some((date(2023, 11, 20), date(2023, 11, 20))));
        assert_eq!(spec.day_count(), Some(1));
    }

    #[test]
    fn a_span_counts_both_ends() {
        let spec = DateSpec::span(
            date(2023, 11, 1),
            date(2023, 12, 31),
            DatePrecision::Range,
            "between November and December 2023",
        );
        assert_eq!(spec.day_count(), Some(61));
        assert_eq!(spec.iso_range(), "2023-11-01..2023-12-31");
    }

    #[test]
    fn unknown_dates_have_no_range() {
        let spec = DateSpec::unknown("some time ago");
        assert!(spec.is_unknown());
        assert_eq!(spec.iso_range(), "?");
        assert_eq!(spec.as_reported, "some time ago");
    }
}
