//! The date parser: "Nov. 20, 2023", "end of November 2023", "between November and December
//! 2023", "last month".

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::korean_date;
use super::spans::{part_of_year, relative_span};
use super::words::{has_hangul, starts_with, tokens, year};
use crate::model::{DatePrecision, DateSpec, PeriodPart};

const MONTHS: [(&str, i8); 24] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const PARTS: [(&str, PeriodPart); 14] = [
    ("towards the end of", PeriodPart::Late),
    ("toward the end of", PeriodPart::Late),
    ("the end of", PeriodPart::Late),
    ("end of", PeriodPart::Late),
    ("late", PeriodPart::Late),
    ("the beginning of", PeriodPart::Early),
    ("beginning of", PeriodPart::Early),
    ("the start of", PeriodPart::Early),
    ("start of", PeriodPart::Early),
    ("early", PeriodPart::Early),
    ("the middle of", PeriodPart::Mid),
    ("middle of", PeriodPart::Mid),
    ("mid -", PeriodPart::Mid),
    ("mid", PeriodPart::Mid),
];

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// Words that may stand before a date without changing it ("on Nov. 20", "in April 2024").
const LEADING: [&str; 3] = ["on", "in", "at"];

/// Times of day, which do not change the day ("Monday night", "on Sunday afternoon").
const TIMES_OF_DAY: [&str; 5] = ["morning", "afternoon", "evening", "night", "noon"];

/// Turns a reported date into a [`DateSpec`], keeping the words in `as_reported`.
///
/// `reference` is the day the source was published: it lets relative words ("last month",
/// "Tuesday", "Dec. 26" with no year) be placed. Without it they are kept as unknown.
/// Understands days ("Nov. 20, 2023", "20 November 2023", "2023-11-20"), months ("April 2024"),
/// parts of months ("end of November 2023", "mid-December"), years ("2019"), ranges ("between
/// November and December 2023", "Nov. 20–26, 2023") and "N years ago", "last week".
pub fn parse_date(phrase: &str, reference: Option<Date>) -> DateSpec {
    let as_reported = phrase.trim();
    let understood = if has_hangul(as_reported) {
        korean_date::english_words(as_reported, reference).and_then(|words| understand(&words, reference))
    } else {
        understand(as_reported, reference)
    };
    let mut spec = understood.unwrap_or_default();
    as_reported.clone_into(&mut spec.as_reported);
    spec
}

fn understand(phrase: &str, reference: Option<Date>) -> Option<DateSpec> {
    if let Some(date) = numeric_day(phrase) {
        return Some(DateSpec::day(date, ""));
    }
    let mut words = tokens(phrase);
    while words.first().is_some_and(|w| LEADING.contains(&w.as_str())) {
        words.remove(0);
    }
    if let Some(used) = starts_with(&words, "since") {
        return since(&words[used..], reference?);
    }
    if let Some(used) = starts_with(&words, "around") {
        return around(&words[used..], reference);
    }
    understand_words(words, reference)
}

/// The days that `words` (with no leading "on", "since" or "around") mean.
fn understand_words(mut words: Vec<String>, reference: Option<Date>) -> Option<DateSpec> {
    match weekday_and_date(&words, reference) {
        WeekdayAndDate::Agree(spec) => return Some(spec),
        WeekdayAndDate::Disagree => return None,
        WeekdayAndDate::Neither => {}
    }
    if let Some(reference) = reference {
        if let Some(spec) = relative_span(&words, reference) {
            return Some(spec);
        }
        words = replace_relative_words(&words, reference);
    }
    words.retain(|w| !TIMES_OF_DAY.contains(&w.as_str()));
    if let Some(spec) = range(&words, reference) {
        return Some(spec);
    }
    if let Some(spec) = part_of_year(&words) {
        return Some(spec);
    }
    let (point, used) = point(&words)?;
    (used == words.len()).then_some(())?;
    let point = point.with_year_from(None, reference)?;
    let (earliest, latest, precision) = point.bounds()?;
    Some(DateSpec { part: point.part, ..DateSpec::span(earliest, latest, precision, "") })
}

/// "2023-11-20", "2023.11.20", "2023/11/20", "2023. 11. 20.": year first, so never ambiguous.
fn numeric_day(phrase: &str) -> Option<Date> {
    let compact: String = phrase.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.strip_suffix('.').unwrap_or(&compact);
    let parts: Vec<&str> = compact.split(['-', '.', '/']).collect();
    let [year, month, day] = parts.as_slice() else { return None };
    let digits = |text: &str, most: usize| {
        (!text.is_empty() && text.len() <= most && text.bytes().all(|b| b.is_ascii_digit())).then_some(())
    };
    digits(year, 4).filter(|()| year.len() == 4)?;
    digits(month, 2)?;
    digits(day, 2)?;
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

/// "since Feb. 8", "since last month": from the first day the words mean to the publication day.
fn since(words: &[String], reference: Date) -> Option<DateSpec> {
    let start = understand_words(words.to_vec(), Some(reference))?;
    let (earliest, _) = start.range()?;
    (earliest <= reference).then(|| DateSpec::span(earliest, reference, DatePrecision::Range, ""))
}

/// "around Nov. 8": a day give or take three, the week it falls in; a vaguer date stays as it is.
fn around(words: &[String], reference: Option<Date>) -> Option<DateSpec> {
    let spec = understand_words(words.to_vec(), reference)?;
    if spec.precision != DatePrecision::Day {
        return Some(spec);
    }
    let (day, _) = spec.range()?;
    let earliest = day.checked_sub(3.days()).ok()?;
    let latest = day.checked_add(3.days()).ok()?;
    Some(DateSpec::span(earliest, latest, DatePrecision::Week, ""))
}

/// What a weekday before a date says of it.
enum WeekdayAndDate {
    /// "Monday, Nov. 20, 2023": the weekday is that date's.
    Agree(DateSpec),
    /// "Tuesday, Nov. 20, 2023": the words contradict each other, and stay words.
    Disagree,
    /// The words are not a weekday and a date.
    Neither,
}

/// "Monday, Nov. 20, 2023": the date, when the weekday agrees with it.
fn weekday_and_date(words: &[String], reference: Option<Date>) -> WeekdayAndDate {
    let named = WEEKDAYS.iter().find(|(name, _)| words.first().is_some_and(|w| w == name));
    let rest = words.get(1..).filter(|rest| rest.first().and_then(|w| month(w)).is_some());
    let (Some((_, named)), Some(rest)) = (named, rest) else { return WeekdayAndDate::Neither };
    let spec = understand_words(rest.to_vec(), reference).filter(|s| s.precision == DatePrecision::Day);
    match spec {
        Some(spec) if spec.earliest.is_some_and(|day| day.weekday() == *named) => WeekdayAndDate::Agree(spec),
        _ => WeekdayAndDate::Disagree,
    }
}

/// Rewrites words relative to the publication day as plain dates: "last month" becomes
/// "october 2023", "tuesday" the date of the last Tuesday on or before the reference day.
fn replace_relative_words(words: &[String], reference: Date) -> Vec<String> {
    let month_name = |date: Date| {
        let found = MONTHS.iter().find(|(_, n)| *n == date.month());
        found.map_or_else(String::new, |(name, _)| (*name).to_owned())
    };
    let day_words = |date: Date| vec![month_name(date), date.day().to_string(), date.year().to_string()];
    let mut out = Vec::with_capacity(words.len());
    let mut index = 0;
    while index < words.len() {
        let rest = &words[index..];
        let (replacement, used) = if let Some(used) = starts_with(rest, "last month") {
            let month = reference.first_of_month().saturating_sub(1.day());
            (vec![month_name(month), month.year().to_string()], used)
        } else if let Some(used) = starts_with(rest, "this month") {
            (vec![month_name(reference), reference.year().to_string()], used)
        } else if let Some(used) = starts_with(rest, "last year") {
            (vec![(reference.year() - 1).to_string()], used)
        } else if let Some(used) = starts_with(rest, "this year") {
            (vec![reference.year().to_string()], used)
        } else if let Some(used) = starts_with(rest, "yesterday").or_else(|| starts_with(rest, "last night"))
        {
            (day_words(reference.saturating_sub(1.day())), used)
        } else if let Some(used) = starts_with(rest, "today") {
            (day_words(reference), used)
        } else if let Some((weekday, last, used)) = weekday(rest) {
            let mut back =
                (reference.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset()).rem_euclid(7);
            // "Last Tuesday" in a Tuesday's paper is a week before; plain "Tuesday" is that day.
            if last && back == 0 {
                back = 7;
            }
            (day_words(reference.saturating_sub(i64::from(back).days())), used)
        } else if let Some((month, used)) = last_month_named(rest) {
            // "last December": the latest December before the publication day's month.
            let year = if month < reference.month() { reference.year() } else { reference.year() - 1 };
            (vec![rest[used - 1].clone(), year.to_string()], used)
        } else {
            (vec![rest[0].clone()], 1)
        };
        out.extend(replacement);
        index += used;
    }
    out
}

/// A weekday ("tuesday", "last tuesday", "this past sunday"): the day, whether it was said to
/// be the last one, and the words used.
fn weekday(words: &[String]) -> Option<(Weekday, bool, usize)> {
    let skip = ["last", "this past"].iter().find_map(|prefix| starts_with(words, prefix)).unwrap_or(0);
    let name = words.get(skip)?;
    WEEKDAYS.iter().find(|(n, _)| n == name).map(|(_, day)| (*day, skip > 0, skip + 1))
}

/// "last december": the month named and the words used.
fn last_month_named(words: &[String]) -> Option<(i8, usize)> {
    starts_with(words, "last")?;
    Some((month(words.get(1)?)?, 2))
}

/// "between November and December 2023", "Nov. 20–26, 2023", "from 2019 to 2020".
fn range(words: &[String], reference: Option<Date>) -> Option<DateSpec> {
    let (opening, separators): (usize, &[&str]) = if let Some(used) = starts_with(words, "between") {
        (used, &["and", "-"])
    } else if let Some(used) = starts_with(words, "from") {
        (used, &["to", "until", "-"])
    } else {
        (0, &["to", "until", "-"])
    };
    let words = &words[opening..];
    let (first, used) = point(words)?;
    let separator = words.get(used)?;
    if !separators.contains(&separator.as_str()) {
        return None;
    }
    let rest = &words[used + 1..];
    let (mut second, used_second) = point(rest)?;
    (used_second == rest.len()).then_some(())?;
    // "Nov. 20-26": the second day is in the first one's month.
    if second.month.is_none() && second.day.is_some() {
        second.month = first.month;
    }
    let second = second.with_year_from(None, reference)?;
    let first = first.with_year_from(Some(&second), reference)?;
    let (earliest, _, _) = first.bounds()?;
    let (_, latest, _) = second.bounds()?;
    (earliest <= latest).then(|| DateSpec::span(earliest, latest, DatePrecision::Range, ""))
}

/// A date as written, perhaps missing its year or month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Point {
    year: Option<i16>,
    month: Option<i8>,
    day: Option<i8>,
    part: Option<PeriodPart>,
}

impl Point {
    /// Fills in a missing year (and month) from the other end of a range, or else from the
    /// reference day: the latest such date not after it.
    fn with_year_from(mut self, other: Option<&Point>, reference: Option<Date>) -> Option<Point> {
        if let Some(other) = other {
            if self.month.is_none() && self.day.is_some() {
                self.month = other.month;
            }
            if self.year.is_none() {
                self.year = other.year;
            }
        }
        if self.year.is_none() {
            let reference = reference?;
            self.month?;
            self.year = Some(reference.year());
            if self.bounds().is_some_and(|(earliest, _, _)| earliest > reference) {
                self.year = Some(reference.year() - 1);
            }
        }
        Some(self)
    }

    /// The first and last day the point means, and its precision.
    fn bounds(&self) -> Option<(Date, Date, DatePrecision)> {
        let year = self.year?;
        match (self.month, self.day) {
            (Some(month), Some(day)) => {
                let date = Date::new(year, month, day).ok()?;
                Some((date, date, DatePrecision::Day))
            }
            (Some(month), None) => {
                let first = Date::new(year, month, 1).ok()?;
                let last = first.last_of_month();
                let (from, to) = match self.part {
                    None => (1, last.day()),
                    Some(PeriodPart::Early) => (1, 10),
                    Some(PeriodPart::Mid) => (11, 20),
                    Some(PeriodPart::Late) => (21, last.day()),
                };
                Some((
                    Date::new(year, month, from).ok()?,
                    Date::new(year, month, to).ok()?,
                    DatePrecision::Month,
                ))
            }
            (None, None) => {
                let (from, to) = match self.part {
                    None => (1, 12),
                    Some(PeriodPart::Early) => (1, 4),
                    Some(PeriodPart::Mid) => (5, 8),
                    Some(PeriodPart::Late) => (9, 12),
                };
                let last = Date::new(year, to, 1).ok()?.last_of_month();
                Some((Date::new(year, from, 1).ok()?, last, DatePrecision::Year))
            }
            (None, Some(_)) => None,
        }
    }
}

/// Reads one date at the start of `words`; returns it and how many words it used.
fn point(words: &[String]) -> Option<(Point, usize)> {
    let (part, mut used) = PARTS
        .iter()
        .find_map(|(phrase, part)| starts_with(words, phrase).map(|used| (Some(*part), used)))
        .unwrap_or((None, 0));
    // "the 20th of November".
    if part.is_none()
        && words.first().is_some_and(|w| w == "the")
        && words.get(1).and_then(|w| day(w)).is_some()
    {
        used = 1;
    }
    let mut point = Point { part, ..Point::default() };
    if let Some(month) = words.get(used).and_then(|w| month(w)) {
        point.month = Some(month);
        used += 1;
        if let Some(day) = words.get(used).and_then(|w| day(w)).filter(|_| part.is_none()) {
            point.day = Some(day);
            used += 1;
        }
    } else if let Some(day) = words.get(used).and_then(|w| day(w)).filter(|_| part.is_none()) {
        point.day = Some(day);
        used += 1;
        used += usize::from(words.get(used).is_some_and(|w| w == "of"));
        if let Some(month) = words.get(used).and_then(|w| month(w)) {
            point.month = Some(month);
            used += 1;
        }
    }
    // "November 20 of last year", once the relative words are replaced.
    let of_year =
        words.get(used).is_some_and(|w| w == "of") && words.get(used + 1).and_then(|w| year(w)).is_some();
    used += usize::from(of_year && point.month.is_some());
    if let Some(year) = words.get(used).and_then(|w| year(w)) {
        point.year = Some(year);
        used += 1;
    }
    let understood = point.year.is_some() || point.month.is_some() || point.day.is_some();
    understood.then_some((point, used))
}

fn month(word: &str) -> Option<i8> {
    MONTHS.iter().find(|(name, _)| *name == word).map(|(_, n)| *n)
}

fn day(word: &str) -> Option<i8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    digits.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use jiff::civil::date;

    /// Checks what a phrase is read as, and that its words are kept (the Korean tests use it too).
    pub(in crate::phrase) fn check(
        phrase: &str,
        reference: Option<Date>,
        earliest: Date,
        latest: Date,
        precision: DatePrecision,
    ) {
        let spec = parse_date(phrase, reference);
        assert_eq!(
            (spec.earliest, spec.latest, spec.precision),
            (Some(earliest), Some(latest), precision),
            "{phrase}"
        );
        assert_eq!(spec.as_reported, phrase.trim());
    }

    fn day(phrase: &str, on: Date) {
        check(phrase, None, on, on, DatePrecision::Day);
    }

    #[test]
    fn seed_phrases() {
        day("Nov. 20, 2023", date(2023, 11, 20));
        day("Sept. 22, 2023", date(2023, 9, 22));
        check("end of November 2023", None, date(2023, 11, 21), date(2023, 11, 30), DatePrecision::Month);
        assert_eq!(parse_date("end of November 2023", None).part, Some(PeriodPart::Late));
        check(
            "between November and December 2023",
            None,
            date(2023, 11, 1),
            date(2023, 12, 31),
            DatePrecision::Range,
        );
        check("2019", None, date(2019, 1, 1), date(2019, 12, 31), DatePrecision::Year);
        check("April 2024", None, date(2024, 4, 1), date(2024, 4, 30), DatePrecision::Month);
    }

    #[test]
    fn days_in_other_spellings() {
        day("November 20, 2023", date(2023, 11, 20));
        day("20 November 2023", date(2023, 11, 20));
        day("20th of November 2023", date(2023, 11, 20));
        day("on Dec. 26, 2023", date(2023, 12, 26));
        day("2023-11-20", date(2023, 11, 20));
    }

    #[test]
    fn parts_of_months_and_years() {
        let early = date(2023, 12, 1);
        check("early December 2023", None, early, date(2023, 12, 10), DatePrecision::Month);
        check("mid-December 2023", None, date(2023, 12, 11), date(2023, 12, 20), DatePrecision::Month);
        check("late 2023", None, date(2023, 9, 1), date(2023, 12, 31), DatePrecision::Year);
        check("end of February 2024", None, date(2024, 2, 21), date(2024, 2, 29), DatePrecision::Month);
    }

    #[test]
    fn ranges() {
        let (from, to) = (date(2023, 11, 20), date(2023, 11, 26));
        check("Nov. 20-26, 2023", None, from, to, DatePrecision::Range);
        check("Nov. 20 – Dec. 26, 2023", None, from, date(2023, 12, 26), DatePrecision::Range);
        check("from 2019 to 2020", None, date(2019, 1, 1), date(2020, 12, 31), DatePrecision::Range);
        check("November–December 2023", None, date(2023, 11, 1), date(2023, 12, 31), DatePrecision::Range);
    }

    #[test]
    fn relative_words_need_the_publication_day() {
        let published = Some(date(2023, 11, 14));
        check("last month", published, date(2023, 10, 1), date(2023, 10, 31), DatePrecision::Month);
        check("Tuesday", published, date(2023, 11, 14), date(2023, 11, 14), DatePrecision::Day);
        check("on Friday", published, date(2023, 11, 10), date(2023, 11, 10), DatePrecision::Day);
        check("Nov. 20", Some(date(2024, 1, 16)), date(2023, 11, 20), date(2023, 11, 20), DatePrecision::Day);
        check(
            "between November and December last year",
            Some(date(2024, 1, 16)),
            date(2023, 11, 1),
            date(2023, 12, 31),
            DatePrecision::Range,
        );
        check("23 years ago", published, date(2000, 1, 1), date(2000, 12, 31), DatePrecision::Year);
        check("last week", published, date(2023, 11, 6), date(2023, 11, 12), DatePrecision::Week);
        assert!(parse_date("last month", None).is_unknown());
        assert!(parse_date("Tuesday", None).is_unknown());
    }

    #[test]
    fn what_is_not_understood_is_kept_as_words() {
        for phrase in [
            "after the Asian Games",
            "recently",
            "",
            "February 30, 2023",
            "Dec. 2023 to Nov. 2023",
            "32 May 2023",
        ] {
            let spec = parse_date(phrase, None);
            assert!(spec.is_unknown(), "{phrase}: {spec:?}");
            assert_eq!(spec.precision, DatePrecision::Unknown);
            assert_eq!(spec.as_reported, phrase);
        }
    }
}
