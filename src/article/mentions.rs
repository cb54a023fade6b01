//! What a sentence mentions: dates and figures (found by trying the phrase parsers on the words
//! that can start one), places and organizations (by their names in any language), and the
//! words that say what happened.

use std::ops::Range;

use jiff::civil::Date;

use super::sentences::is_hangul;
use crate::model::{CountEstimate, CountQualifier, DatePrecision, DateSpec};
use crate::phrase::{is_number_word, parse_count, parse_date};

/// A word of a sentence: its text in lowercase, without the punctuation around it, and where it
/// stands in the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    /// The word in lowercase, without punctuation around it.
    pub text: String,
    /// Its bytes in the article, punctuation left out.
    pub span: Range<usize>,
}

/// The words of `text[range]`, split at spaces and at punctuation around them.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text[range.clone()].char_indices().chain(std::iter::once((range.len(), ' '))) {
        let at = range.start + at;
        if c.is_whitespace()
            || matches!(c, '—' | '–' | '/' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | '…' | '·')
        {
            if let Some(begin) = start.take() {
                push_word(text, begin..at, &mut words);
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    words
}

fn push_word(text: &str, span: Range<usize>, words: &mut Vec<Word>) {
    let piece = &text[span.clone()];
    let trimmed = piece.trim_matches(|c: char| ",.;:!?'‘’".contains(c));
    if trimmed.is_empty() {
        return;
    }
    let start = span.start + piece.find(trimmed).unwrap_or(0);
    words.push(Word { text: trimmed.to_lowercase(), span: start..start + trimmed.len() });
}

/// A date phrase found: its words and what they mean.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    /// The phrase in the article.
    pub span: Range<usize>,
    /// The days it means, with its words.
    pub date: DateSpec,
}

/// A figure found: its words and what they mean.
#[derive(Clone, Debug, PartialEq)]
pub struct CountMention {
    /// The phrase in the article.
    pub span: Range<usize>,
    /// The figure, with its words.
    pub count: CountEstimate,
    /// The index of the word after the phrase.
    pub next_word: usize,
}

/// Words that may start a date phrase.
const DATE_STARTS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "last",
    "this",
    "early",
    "mid",
    "late",
    "end",
    "the",
    "between",
    "since",
    "around",
    "earlier",
    "on",
    "in",
    "at",
    "from",
    "over",
    "during",
];

/// The longest phrase the date parser understands at each word that can start one, the
/// phrases not overlapping, left to right. Days need `published` for relative words.
pub fn dates(text: &str, words: &[Word], published: Option<Date>) -> Vec<DateMention> {
    let mut found = Vec::new();
    let mut next = 0;
    for start in 0..words.len() {
        let recurring =
            start > 0 && matches!(words[start - 1].text.as_str(), "every" | "each" | "매주" | "매달");
        if start < next || !can_start_date(&words[start].text) || recurring {
            continue;
        }
        let reach = words.len().min(start + 8);
        // Most words that can start a date start none: the parser is asked only when a word of a
        // date follows ("the group said" is no date).
        if !words[start..reach].iter().any(|w| is_dateish(&w.text)) {
            continue;
        }
        let longest = (start..reach).rev().find_map(|end| {
            let span = words[start].span.start..korean_date_end(text, &words[end].span);
            // "2,000" is a figure, never a year.
            if has_thousands(&text[span.clone()]) {
                return None;
            }
            let date = parse_date(&text[span.clone()], published);
            (date.precision != DatePrecision::Unknown && date.earliest.is_some()).then_some((end, span, date))
        });
        if let Some((end, span, date)) = longest {
            next = end + 1;
            if !in_dateline(text, words, end) {
                found.push(DateMention { span, date });
            }
        }
    }
    found
}

/// Whether `text` has a number written with a thousands separator ("2,000").
fn has_thousands(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == ',' && w[2].is_ascii_digit())
}

/// Whether the date ending at word `end` is a dateline's ("SEOUL, Sept. 22 (Yonhap) --"): the
/// day the story was filed, not a day of what it tells.
fn in_dateline(text: &str, words: &[Word], end: usize) -> bool {
    let after = words.get(end + 1).map_or(text.len(), |w| w.span.start);
    let rest = &text[words[end].span.end..after.max(words[end].span.end)];
    let next = words.get(end + 1).map(|w| w.text.as_str());
    let agency = words.get(end + 2).map(|w| w.text.as_str());
    rest.contains('(')
        && (agency == Some("--") || agency == Some("—") || next.is_some_and(|w| w.len() < 12))
        && words.iter().take(end + 4).any(|w| w.text == "--" || w.text == "—")
}

/// Where a date ends in its last word: a Korean word loses the particles after its day, month or
/// year ("26일에는" → "26일", "11월부터" stays: the parser reads "부터").
fn korean_date_end(text: &str, word: &Range<usize>) -> usize {
    let piece = &text[word.clone()];
    if !piece.chars().any(is_hangul)
        || piece.ends_with("부터")
        || piece.ends_with("이후")
        || piece.ends_with("까지")
    {
        return word.end;
    }
    piece
        .char_indices()
        .filter(|(_, c)| matches!(c, '일' | '월' | '년' | '말' | '초' | '순'))
        .map(|(at, c)| word.start + at + c.len_utf8())
        .next_back()
        .unwrap_or(word.end)
}

/// Words without which no phrase is a date: months, weekdays, numbers, the words of relative
/// days and parts of a year, and Korean days, months and years.
fn is_dateish(word: &str) -> bool {
    const DATE_WORDS: &[&str] = &[
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "ago",
        "today",
        "yesterday",
        "weekend",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "half",
        "quarter",
        "decade",
        "tonight",
    ];
    let bare = word.trim_end_matches('.');
    DATE_STARTS[..DATE_STARTS.iter().position(|w| *w == "last").unwrap_or(0)].contains(&bare)
        || DATE_WORDS.contains(&bare)
        || bare.chars().any(|c| c.is_ascii_digit())
        || bare.ends_with('s') && bare.len() == 5 && bare[..4].chars().all(|c| c.is_ascii_digit())
        || (bare.chars().any(is_hangul)
            && ["년", "월", "일", "지난", "이달", "올해", "작년", "지난해", "초", "말", "순"]
                .iter()
                .any(|k| bare.contains(k)))
}

fn can_start_date(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    DATE_STARTS.contains(&bare)
        || bare.chars().next().is_some_and(|c| c.is_ascii_digit())
        || (bare.chars().any(is_hangul)
            && ["년", "월", "일", "지난", "이달", "올해", "작년", "지난해"].iter().any(|k| bare.contains(k)))
}

/// Words that may start a figure of people.
const COUNT_STARTS: &[&str] = &[
    "at",
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "more",
    "over",
    "roughly",
    "approximately",
    "up",
    "as",
    "another",
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "several",
    "a",
    "an",
    "no",
    "fewer",
    "less",
    "just",
    "only",
    "close",
    "well",
    "upwards",
    "estimated",
    "최소",
    "약",
    "적어도",
    "수십",
    "수백",
    "수천",
    "100여",
];

/// The shortest phrase at each word that can start a figure giving the figure the longest one
/// gives (so "at least 95 defectors" is read as "at least 95"), left to right, not overlapping
/// each other or the `dates` ("Nov. 20" is no figure).
pub fn counts(text: &str, words: &[Word], dates: &[DateMention]) -> Vec<CountMention> {
    let mut found = Vec::new();
    let mut next = 0;
    let in_date =
        |word: &Word| dates.iter().any(|d| d.span.start < word.span.end && word.span.start < d.span.end);
    for start in 0..words.len() {
        let korean_figure = words.get(start + 1).is_some_and(|w| w.text.starts_with('명'));
        if start < next || !(can_start_count(&words[start].text) || korean_figure) || in_date(&words[start]) {
            continue;
        }
        let end_of_figure = (start..words.len().min(start + 5)).take_while(|&i| !in_date(&words[i])).last();
        let Some(last) = end_of_figure else { continue };
        if !words[start..=last].iter().any(|w| is_countish(&w.text)) {
            continue;
        }
        let read = |end: usize| {
            parse_count(&text[words[start].span.start..korean_count_end(text, &words[end].span)])
        };
        let whole = read(last);
        if !is_figure(&whole) {
            if let Some(one) = one_person(text, words, start) {
                next = one.next_word;
                found.push(one);
            }
            continue;
        }
        let end = (start..=last).find(|&end| same_figure(&read(end), &whole)).unwrap_or(last);
        let span = words[start].span.start..korean_count_end(text, &words[end].span);
        let mut count = read(end);
        text[span.clone()].clone_into(&mut count.as_reported);
        found.push(CountMention { span, count, next_word: end + 1 });
        next = end + 1;
    }
    found
}

/// Where a Korean figure ends in its last word: after "명" and what qualifies it ("35명가량이" →
/// "35명가량", "60명을" → "60명").
fn korean_count_end(text: &str, word: &Range<usize>) -> usize {
    let piece = &text[word.clone()];
    let Some(at) = piece.rfind('명') else { return word.end };
    let after = &piece[at + '명'.len_utf8()..];
    let kept = ["가량", "정도", "안팎", "이상", "이하", "여", "쯤"]
        .iter()
        .find(|q| after.starts_with(*q))
        .map_or(0, |q| q.len());
    word.start + at + '명'.len_utf8() + kept
}

/// "A North Korean defector", "a defector": one person.
fn one_person(text: &str, words: &[Word], start: usize) -> Option<CountMention> {
    const ONE: &[&str] = &["defector", "escapee", "refugee", "woman", "man", "girl", "boy", "north korean"];
    let aside =
        start > 0 && matches!(words[start - 1].text.as_str(), "includes" | "including" | "include" | "among");
    if !matches!(words[start].text.as_str(), "a" | "an") || aside {
        return None;
    }
    let end = (start + 1..words.len().min(start + 4)).find(|&i| ONE.contains(&words[i].text.as_str()))?;
    let span = words[start].span.start..words[end].span.end;
    let count = CountEstimate {
        as_reported: text[span.clone()].to_owned(),
        ..CountEstimate::qualified(CountQualifier::Exact, 1)
    };
    Some(CountMention { span, count, next_word: end + 1 })
}

/// Words without which no phrase is a figure: numbers in digits or words, vague amounts, and
/// Korean counts of people.
fn is_countish(word: &str) -> bool {
    const AMOUNTS: &[&str] =
        &["dozen", "dozens", "hundreds", "thousands", "scores", "several", "few", "none", "tens"];
    word.chars().any(|c| c.is_ascii_digit())
        || AMOUNTS.contains(&word)
        || is_number_word(word)
        || ["최소", "약", "적어도", "수십", "수백", "수천", "100여"].contains(&word)
        || word.contains('명')
        || ["defector", "escapee", "refugee", "woman", "man", "girl", "boy"].contains(&word)
}

fn can_start_count(word: &str) -> bool {
    if matches!(word, "a" | "an") {
        return true;
    }
    if word.chars().any(is_hangul) {
        // Korean figures of people say so: "30여명", "95명이"; "11월" is a month.
        return COUNT_STARTS.contains(&word)
            || (word.contains('명') && word.chars().any(|c| c.is_ascii_digit()));
    }
    COUNT_STARTS.contains(&word)
        || is_number_word(word)
        || word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether an estimate is a figure at all (not words left unread).
fn is_figure(count: &CountEstimate) -> bool {
    count.qualifier != CountQualifier::Unknown
        && (count.low.is_some() || count.best.is_some() || count.high.is_some())
}

fn same_figure(a: &CountEstimate, b: &CountEstimate) -> bool {
    (a.qualifier, a.low, a.best, a.high) == (b.qualifier, b.low, b.best, b.high)
}

/// Whether the figure at `mention` counts people: followed by a word for people, or written
/// with "명" in Korean. A year ("in 2018") or an age is not.
pub fn counts_people(words: &[Word], mention: &CountMention) -> bool {
    const PEOPLE: &[&str] = &[
        "defectors",
        "defector",
        "north",
        "koreans",
        "people",
        "escapees",
        "refugees",
        "women",
        "children",
        "men",
        "workers",
        "persons",
        "individuals",
        "others",
        "activists",
        "protesters",
        "members",
        "demonstrators",
        "participants",
        "believers",
        "residents",
        "detainees",
        "returnees",
        "of",
        "were",
        "have",
        "had",
        "more",
        "탈북민",
        "탈북자",
        "북한",
        "명",
        "여명",
        "명이",
        "명을",
        "명의",
        "명은",
    ];
    if mention.count.as_reported.contains('명') {
        return true;
    }
    let last_word = mention.count.as_reported.rsplit(' ').next().unwrap_or("").to_lowercase();
    if ["defector", "escapee", "refugee", "woman", "man", "girl", "boy"].contains(&last_word.as_str()) {
        return true;
    }
    let looks_like_year = mention.count.best.is_some_and(|n| (1900..=2100).contains(&n))
        && !mention.count.as_reported.contains(',')
        && mention.count.qualifier == CountQualifier::Exact;
    if looks_like_year {
        return false;
    }
    words.get(mention.next_word).is_some_and(|w| PEOPLE.contains(&w.text.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn whole(text: &str) -> Vec<Word> {
        words(text, 0..text.len())
    }

    #[test]
    fn words_keep_where_they_stand() {
        let text = "Some 30 defectors, on Nov. 20 (2023).";
        let found = whole(text);
        let texts: Vec<&str> = found.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["some", "30", "defectors", "on", "nov", "20", "2023"]);
        assert_eq!(&text[found[4].span.clone()], "Nov");
    }

    #[test]
    fn dates_and_figures_are_found_with_their_words() {
        let text = "Some 30 defectors were sent back from Dandong on Nov. 20, 2023, and another 10 at the end of November.";
        let found = whole(text);
        let published = Some(date(2024, 1, 17));
        let dates_found = dates(text, &found, published);
        let phrases: Vec<&str> = dates_found.iter().map(|d| &text[d.span.clone()]).collect();
        assert_eq!(phrases, ["on Nov. 20, 2023", "at the end of November"]);
        let counts = counts(text, &found, &dates_found);
        let figures: Vec<(&str, Option<u32>)> =
            counts.iter().map(|c| (&text[c.span.clone()], c.count.best)).collect();
        assert_eq!(figures, [("Some 30", Some(30)), ("another 10", Some(10))]);
        let people: Vec<bool> = counts.iter().map(|c| counts_people(&found, c)).collect();
        assert_eq!(people, [true, false]);
    }

    #[test]
    fn korean_dates_and_figures_are_found() {
        let text = "중국이 지난해 11월 20일 탈북민 30여명을 북송했다.";
        let found = whole(text);
        let dates = dates(text, &found, Some(date(2024, 1, 17)));
        assert_eq!(dates.len(), 1, "{dates:?}");
        assert_eq!(dates[0].date.earliest, Some(date(2023, 11, 20)));
        let counts = counts(text, &found, &dates);
        assert!(counts.iter().any(|c| counts_people(&found, c) && c.count.low == Some(30)), "{counts:?}");
    }
}
