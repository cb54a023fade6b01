//! Dates as Korean reporting writes them: "2023년 11월 20일", "11월 말", "지난달",
//! "2023년 11~12월", "작년 12월 26일".
//!
//! The Korean words are read into the English words the date parser already understands
//! ("2023년 11월 말" becomes "end of november 2023"), so both languages mean the same days.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::model::PeriodPart;

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Parts of a month or year, longest first so "초순" is not read as "초".
const PARTS: &[(&str, PeriodPart)] = &[
    ("초순", PeriodPart::Early),
    ("상순", PeriodPart::Early),
    ("전반", PeriodPart::Early),
    ("초", PeriodPart::Early),
    ("중순", PeriodPart::Mid),
    ("중반", PeriodPart::Mid),
    ("하순", PeriodPart::Late),
    ("후반", PeriodPart::Late),
    ("말", PeriodPart::Late),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("월요일", Weekday::Monday),
    ("화요일", Weekday::Tuesday),
    ("수요일", Weekday::Wednesday),
    ("목요일", Weekday::Thursday),
    ("금요일", Weekday::Friday),
    ("토요일", Weekday::Saturday),
    ("일요일", Weekday::Sunday),
];

/// Words that do not change the date: "께", "경" and "쯤" (around), "에" (on), "부터" (from),
/// "지난" (last, before a weekday), "사이" (between).
/// Times of day ("오후", afternoon) do not change it either.
const IGNORED: &[&str] = &[
    "무렵", "사이", "지난", "오전", "오후", "새벽", "아침", "저녁", "정오", "께", "경", "쯤", "에", "인",
    "의", "밤", "낮",
];

/// Notes that follow a day and do not change it: "15일(현지시간)".
const NOTES: &[&str] = &["(현지시간)", "(한국시간)", "(현지시각)"];

/// Range separators: "11~12월", "20-26일", "11월부터 12월까지".
const SEPARATORS: &[&str] = &["~", "∼", "-", "–", "—", "까지", "에서"];

/// What a relative word means, given the publication day.
type Meaning = fn(Date) -> Vec<Piece>;

/// One understood piece of a Korean date.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Piece {
    Year(i16),
    Month(i8),
    Day(i8),
    /// A number with no unit yet ("11" in "11~12월"): it takes the unit of the other end.
    Bare(i16),
    Part(PeriodPart),
    /// "상반기" (1), "하반기" (2): a half of the year.
    Half(i8),
    /// "1분기": a quarter of the year.
    Quarter(i8),
    /// "2010년대": the decade starting that year.
    Decade(i16),
    Separator,
}

/// The English words for a Korean date, or `None` when it is not understood. Relative words
/// ("지난달", "작년", "어제") need `reference`, the source's publication day.
pub(super) fn english_words(phrase: &str, reference: Option<Date>) -> Option<String> {
    let mut text: String = phrase.chars().filter(|c| !c.is_whitespace()).collect();
    for note in NOTES {
        text = text.replace(note, "");
    }
    // "12월 8일부터", "12월 8일 이후", "올해 들어": since then, up to the publication day.
    for since in ["부터", "이후로", "이후", "들어서", "들어"] {
        if let Some(start) = text.strip_suffix(since) {
            return Some(format!("since {}", english_words(start, reference)?));
        }
    }
    // "11월부터 12월까지": a range.
    let text = text.strip_suffix("까지").unwrap_or(&text).replace("부터", "~");
    if let Some(words) = relative_span(&text) {
        return Some(words);
    }
    let pieces = pieces(&text, reference)?;
    let mut groups = pieces.split(|piece| *piece == Piece::Separator);
    let first = groups.next()?.to_vec();
    let second = groups.next().map(<[Piece]>::to_vec);
    if groups.next().is_some() {
        return None;
    }
    match second {
        None => render(&with_month_of_day(first, reference)),
        Some(second) => {
            let (first, second) = share_units(first, second)?;
            Some(format!("between {} and {}", render(&first)?, render(&second)?))
        }
    }
}

/// Spans relative to the publication day: "지난주", "이번 주", "지난 주말", "3일 전", "2주 전",
/// "3개월 전", "5년 전".
fn relative_span(text: &str) -> Option<String> {
    match text {
        "지난주" => return Some("last week".to_owned()),
        "이번주" | "금주" => return Some("this week".to_owned()),
        "지난주말" | "주말" | "지난주말에" | "주말에" => {
            return Some("last weekend".to_owned());
        }
        _ => {}
    }
    let ago = text.strip_suffix("전")?;
    let units = [("개월", "months"), ("달", "months"), ("년", "years"), ("주", "weeks"), ("일", "days")];
    units.iter().find_map(|(korean, english)| {
        let count = ago.strip_suffix(korean)?.parse::<u16>().ok()?;
        Some(format!("{count} {english} ago"))
    })
}

/// Gives bare numbers before the separator the unit of the other end, and moves a year written
/// only at the start to the end ("2023년 11~12월": both months are in 2023).
fn share_units(mut first: Vec<Piece>, mut second: Vec<Piece>) -> Option<(Vec<Piece>, Vec<Piece>)> {
    let unit = second.iter().find(|p| !matches!(p, Piece::Part(_))).copied();
    for piece in &mut first {
        if let Piece::Bare(n) = *piece {
            *piece = match unit? {
                Piece::Year(_) => Piece::Year(n),
                Piece::Month(_) => Piece::Month(i8::try_from(n).ok()?),
                Piece::Day(_) => Piece::Day(i8::try_from(n).ok()?),
                _ => return None,
            };
        }
    }
    let has_year = |pieces: &[Piece]| pieces.iter().any(|p| matches!(p, Piece::Year(_)));
    if has_year(&first) && !has_year(&second) {
        let year = first.iter().position(|p| matches!(p, Piece::Year(_)))?;
        second.push(first.remove(year));
        if !first.iter().any(|p| matches!(p, Piece::Month(_) | Piece::Day(_))) {
            return None;
        }
    }
    Some((first, second))
}

/// "지난 26일": a day with no month is the latest such day on or before the reference day.
fn with_month_of_day(mut pieces: Vec<Piece>, reference: Option<Date>) -> Vec<Piece> {
    let day = pieces.iter().find_map(|p| if let Piece::Day(d) = p { Some(*d) } else { None });
    let has_month = pieces.iter().any(|p| matches!(p, Piece::Month(_)));
    if let (Some(day), false, Some(reference)) = (day, has_month, reference) {
        let month = if day <= reference.day() {
            reference
        } else {
            reference.first_of_month().saturating_sub(1.day())
        };
        pieces.retain(|p| !matches!(p, Piece::Year(_)));
        pieces.extend([Piece::Year(month.year()), Piece::Month(month.month())]);
    }
    pieces
}

/// One date in English word order: "end of november 2023", "december 26 2022".
fn render(pieces: &[Piece]) -> Option<String> {
    let (mut year, mut month, mut day, mut part) = (None, None, None, None);
    let mut of_year = None;
    for piece in pieces {
        match *piece {
            Piece::Year(y) => year = Some(y),
            Piece::Month(m) => month = Some(m),
            Piece::Day(d) => day = Some(d),
            Piece::Part(p) => part = Some(p),
            Piece::Half(1) => of_year = Some("the first half of"),
            Piece::Half(_) => of_year = Some("the second half of"),
            Piece::Quarter(q) => {
                of_year = Some(
                    [
                        "the first quarter of",
                        "the second quarter of",
                        "the third quarter of",
                        "the fourth quarter of",
                    ]
                    .get(usize::try_from(q).ok()?.checked_sub(1)?)?,
                );
            }
            Piece::Decade(start) => return (pieces.len() == 1).then(|| format!("the {start}s")),
            Piece::Bare(_) | Piece::Separator => return None,
        }
    }
    if let Some(period) = of_year {
        let year = year?;
        return (month.is_none() && day.is_none() && part.is_none()).then(|| format!("{period} {year}"));
    }
    let mut words = Vec::new();
    if let Some(part) = part {
        words.push(match part {
            PeriodPart::Early => "beginning of",
            PeriodPart::Mid => "middle of",
            PeriodPart::Late => "end of",
        });
    }
    let month_name = month.map(|m| MONTH_NAMES.get(usize::try_from(m).ok()?.checked_sub(1)?).copied());
    if let Some(name) = month_name {
        words.push(name?);
    }
    let day = day.map(|d| d.to_string());
    let year = year.map(|y| y.to_string());
    words.extend(day.as_deref());
    words.extend(year.as_deref());
    (!words.is_empty()).then(|| words.join(" "))
}

/// Splits the text (spaces removed) into pieces, resolving relative words against `reference`.
fn pieces(text: &str, reference: Option<Date>) -> Option<Vec<Piece>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            let value: i16 = rest[..digits].parse().ok()?;
            rest = &rest[digits..];
            if let Some(after) = rest.strip_prefix("년대") {
                pieces.push(Piece::Decade(value));
                rest = after;
                continue;
            }
            if let Some(after) = rest.strip_prefix("분기") {
                pieces.push(Piece::Quarter(i8::try_from(value).ok()?));
                rest = after;
                continue;
            }
            let unit = rest.chars().next();
            let piece = match unit {
                Some('년') => Piece::Year(value),
                Some('월') => Piece::Month(i8::try_from(value).ok()?),
                Some('일') => Piece::Day(i8::try_from(value).ok()?),
                _ => Piece::Bare(value),
            };
            if let Some(unit) = unit.filter(|_| !matches!(piece, Piece::Bare(_))) {
                rest = &rest[unit.len_utf8()..];
            }
            pieces.push(piece);
            continue;
        }
        let (found, used) = word(rest, reference)?;
        pieces.extend(found);
        rest = &rest[used..];
    }
    Some(pieces)
}

/// Reads one word at the start of `rest`: what it means and how many bytes it used.
fn word(rest: &str, reference: Option<Date>) -> Option<(Vec<Piece>, usize)> {
    let relative: [(&str, Meaning); 12] = [
        ("지난달", |r| month_of(r.first_of_month().saturating_sub(1.day()))),
        ("지난해", |r| vec![Piece::Year(r.year() - 1)]),
        ("작년", |r| vec![Piece::Year(r.year() - 1)]),
        ("올해", |r| vec![Piece::Year(r.year())]),
        ("금년", |r| vec![Piece::Year(r.year())]),
        ("이번달", month_of),
        ("이달", month_of),
        ("어제", |r| day_of(r.saturating_sub(1.day()))),
        ("그저께", |r| day_of(r.saturating_sub(2.days()))),
        ("그제", |r| day_of(r.saturating_sub(2.days()))),
        ("올", |r| vec![Piece::Year(r.year())]),
        ("오늘", day_of),
    ];
    for (word, meaning) in relative {
        if rest.starts_with(word) {
            return Some((meaning(reference?), word.len()));
        }
    }
    // "지난 수요일" in a Wednesday's paper is a week before; plain "수요일" is that day.
    let last = rest.strip_prefix("지난").filter(|after| WEEKDAYS.iter().any(|(w, _)| after.starts_with(w)));
    let skipped = rest.len() - last.unwrap_or(rest).len();
    for (word, weekday) in WEEKDAYS {
        if last.unwrap_or(rest).starts_with(word) {
            let reference = reference?;
            let mut back =
                (reference.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset()).rem_euclid(7);
            if last.is_some() && back == 0 {
                back = 7;
            }
            return Some((day_of(reference.saturating_sub(i64::from(back).days())), skipped + word.len()));
        }
    }
    for (word, half) in [("상반기", 1), ("하반기", 2)] {
        if rest.starts_with(word) {
            return Some((vec![Piece::Half(half)], word.len()));
        }
    }
    if let Some((word, part)) = PARTS.iter().find(|(word, _)| rest.starts_with(word)) {
        return Some((vec![Piece::Part(*part)], word.len()));
    }
    if let Some(word) = SEPARATORS.iter().find(|word| rest.starts_with(*word)) {
        return Some((vec![Piece::Separator], word.len()));
    }
    let word = IGNORED.iter().find(|word| rest.starts_with(*word))?;
    Some((Vec::new(), word.len()))
}

fn month_of(date: Date) -> Vec<Piece> {
    vec![Piece::Year(date.year()), Piece::Month(date.month())]
}

fn day_of(date: Date) -> Vec<Piece> {
    vec![Piece::Year(date.year()), Piece::Month(date.month()), Piece::Day(date.day())]
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::super::date::tests::check;
    use super::super::parse_date;
    use crate::model::{DatePrecision, PeriodPart};

    #[test]
    fn the_phrases_of_korean_reporting() {
        let published = Some(date(2023, 12, 4));
        let day = |d| (d, d, DatePrecision::Day);
        let (a, b, p) = day(date(2023, 11, 20));
        check("2023년 11월 20일", None, a, b, p);
        check("11월 말", published, date(2023, 11, 21), date(2023, 11, 30), DatePrecision::Month);
        check("지난달", published, date(2023, 11, 1), date(2023, 11, 30), DatePrecision::Month);
        check("2023년 11~12월", None, date(2023, 11, 1), date(2023, 12, 31), DatePrecision::Range);
        let (a, b, p) = day(date(2022, 12, 26));
        check("작년 12월 26일", published, a, b, p);
        assert_eq!(parse_date("11월 말", published).part, Some(PeriodPart::Late));
    }

    #[test]
    fn other_spellings_of_the_same_ideas() {
        let published = Some(date(2023, 12, 4));
        check("2023년11월20일께", None, date(2023, 11, 20), date(2023, 11, 20), DatePrecision::Day);
        check("11월 20~26일", published, date(2023, 11, 20), date(2023, 11, 26), DatePrecision::Range);
        check("2023년 11월 중순", None, date(2023, 11, 11), date(2023, 11, 20), DatePrecision::Month);
        check("2019년", None, date(2019, 1, 1), date(2019, 12, 31), DatePrecision::Year);
        check("2023년 말", None, date(2023, 9, 1), date(2023, 12, 31), DatePrecision::Year);
        check("지난 26일", published, date(2023, 11, 26), date(2023, 11, 26), DatePrecision::Day);
        check("어제", published, date(2023, 12, 3), date(2023, 12, 3), DatePrecision::Day);
        check("지난 화요일", published, date(2023, 11, 28), date(2023, 11, 28), DatePrecision::Day);
        check("지난주", published, date(2023, 11, 27), date(2023, 12, 3), DatePrecision::Week);
        check("5년 전", published, date(2018, 1, 1), date(2018, 12, 31), DatePrecision::Year);
        check("2022년 12월~2023년 1월", None, date(2022, 12, 1), date(2023, 1, 31), DatePrecision::Range);
    }

    #[test]
    fn relative_words_need_the_publication_day() {
        for phrase in ["지난달", "작년 12월 26일", "11월 말", "어제"] {
            assert!(parse_date(phrase, None).is_unknown(), "{phrase}");
        }
    }

    #[test]
    fn what_is_not_understood_is_kept_as_words() {
        for phrase in ["언젠가", "11월 32일", "2023년 13월", "몇 해 전"] {
            let spec = parse_date(phrase, Some(date(2023, 12, 4)));
            assert!(spec.is_unknown(), "{phrase}");
            assert_eq!(spec.as_reported, phrase);
        }
    }
}
