//! Counts as Korean reporting writes them: "최소 95명", "600여 명", "50~60명", "수십 명".

use crate::model::{CountEstimate, CountQualifier};

/// Vague amounts and the floor their words imply ("수십 명": some tens, so at least 20).
const VAGUE: &[(&str, u32)] = &[
    ("수만", 20_000),
    ("수천", 2000),
    ("수백", 200),
    ("수십", 20),
    ("몇만", 20_000),
    ("몇천", 2000),
    ("몇백", 200),
    ("몇십", 20),
    ("몇", 2),
    ("수", 2),
];

/// Sino-Korean numbers written as words ("백 명", "천여 명").
const SINO: &[(&str, u32)] = &[("만", 10_000), ("천", 1000), ("백", 100), ("십", 10)];

/// Native Korean tens ("열두 명", "스물다섯 명") and units, as they stand before "명".
const NATIVE_TENS: &[(&str, u32)] = &[
    ("열", 10),
    ("스물", 20),
    ("스무", 20),
    ("서른", 30),
    ("마흔", 40),
    ("쉰", 50),
    ("예순", 60),
    ("일흔", 70),
    ("여든", 80),
    ("아흔", 90),
];
const NATIVE_UNITS: &[(&str, u32)] = &[
    ("한", 1),
    ("두", 2),
    ("세", 3),
    ("네", 4),
    ("다섯", 5),
    ("여섯", 6),
    ("일곱", 7),
    ("여덟", 8),
    ("아홉", 9),
];

/// Words before the number.
const BEFORE: &[(&str, CountQualifier)] = &[
    ("최소한", CountQualifier::AtLeast),
    ("최소", CountQualifier::AtLeast),
    ("적어도", CountQualifier::AtLeast),
    ("최대", CountQualifier::UpTo),
    ("많게는", CountQualifier::UpTo),
    ("대략", CountQualifier::About),
    ("약", CountQualifier::About),
    ("추산", CountQualifier::About),
];

/// Words after the number. "여" ("600여 명", six hundred and some) reads as "over 600", the
/// number stated being the floor, as English reports of the same sentences write it.
const AFTER: &[(&str, CountQualifier)] = &[
    ("여", CountQualifier::MoreThan),
    ("남짓", CountQualifier::MoreThan),
    ("넘", CountQualifier::MoreThan),
    ("초과", CountQualifier::MoreThan),
    ("이상", CountQualifier::AtLeast),
    ("가까", CountQualifier::Nearly),
    ("육박", CountQualifier::Nearly),
    ("가량", CountQualifier::About),
    ("정도", CountQualifier::About),
    ("쯤", CountQualifier::About),
    ("안팎", CountQualifier::About),
    ("내외", CountQualifier::About),
    ("이하", CountQualifier::UpTo),
    ("까지", CountQualifier::UpTo),
];

/// What stands between the two ends of a range ("50~60명", "50명에서 60명").
const RANGE_SEPARATORS: &[&str] = &["~", "∼", "-", "–", "—", "에서", "내지"];

/// A number found in the text, and where it starts and ends (byte offsets).
struct Found {
    value: u32,
    start: usize,
    end: usize,
}

/// Reads a count written in Korean; `None` when the words are not understood.
pub(super) fn parse(phrase: &str) -> Option<CountEstimate> {
    let text: String = phrase.chars().filter(|c| !c.is_whitespace() && *c != ',').collect();
    let numbers = numbers(&text)?;
    match numbers.as_slice() {
        [] => vague(&text),
        [low, high, ..] if is_range(&text[low.end..high.start]) => {
            (low.value <= high.value).then_some(CountEstimate {
                qualifier: CountQualifier::Between,
                low: Some(low.value),
                high: Some(high.value),
                ..CountEstimate::default()
            })
        }
        [found, ..] => Some(qualify(&text, found)),
    }
}

/// The estimate a number means with the words before and after it.
fn qualify(text: &str, found: &Found) -> CountEstimate {
    // "200명 미만": fewer than 200, so at most 199.
    if text[found.end..].contains("미만") {
        return match found.value.checked_sub(1) {
            Some(high) => CountEstimate::qualified(CountQualifier::UpTo, high),
            None => CountEstimate::qualified(CountQualifier::Exact, 0),
        };
    }
    let before = BEFORE.iter().find(|(word, _)| text[..found.start].contains(word));
    let after = AFTER.iter().find(|(word, _)| text[found.end..].contains(word));
    let qualifier = before.or(after).map_or(CountQualifier::Exact, |(_, q)| *q);
    CountEstimate::qualified(qualifier, found.value)
}

/// A count with no digits: vague words ("수십 명"), or a number in words ("백여 명", "열두 명").
fn vague(text: &str) -> Option<CountEstimate> {
    if let Some((_, floor)) = VAGUE.iter().find(|(word, _)| text.starts_with(word)) {
        return Some(CountEstimate {
            qualifier: CountQualifier::Vague,
            low: Some(*floor),
            ..CountEstimate::default()
        });
    }
    let found = sino_number(text).or_else(|| native_number(text))?;
    Some(qualify(text, &found))
}

/// "백 명", "천여 명": a Sino-Korean number word at the start, before "명" or "여".
fn sino_number(text: &str) -> Option<Found> {
    let (word, value) = SINO.iter().find(|(word, _)| text.starts_with(word))?;
    text[word.len()..].starts_with(['명', '여']).then_some(Found { value: *value, start: 0, end: word.len() })
}

/// "열두 명", "스무 명", "다섯 명": a native Korean number right before "명".
fn native_number(text: &str) -> Option<Found> {
    let end = text.find('명')?;
    let words = &text[..end];
    for (tens_word, tens) in NATIVE_TENS.iter().copied().chain([("", 0)]) {
        for (unit_word, unit) in NATIVE_UNITS.iter().copied().chain([("", 0)]) {
            let number = format!("{tens_word}{unit_word}");
            if !number.is_empty() && words.ends_with(&number) {
                // Only a word of its own: "일가족" is no number, "가족 두" is two.
                let start = end - number.len();
                return Some(Found { value: tens + unit, start, end });
            }
        }
    }
    None
}

fn is_range(between: &str) -> bool {
    let between = between.trim_start_matches(['명', '여']);
    RANGE_SEPARATORS.contains(&between)
}

/// Every number in the text, with 만, 천 and 백 read as multipliers ("1만2천" is 12,000).
/// `None` when a number is too large.
fn numbers(text: &str) -> Option<Vec<Found>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut index = 0;
    while index < chars.len() {
        if !chars[index].1.is_ascii_digit() {
            index += 1;
            continue;
        }
        let start = chars[index].0;
        let mut total: u32 = 0;
        loop {
            let mut value: u32 = 0;
            while let Some(digit) = chars.get(index).and_then(|(_, c)| c.to_digit(10)) {
                value = value.checked_mul(10)?.checked_add(digit)?;
                index += 1;
            }
            let multiplier = match chars.get(index).map(|(_, c)| *c) {
                Some('만') => 10_000,
                Some('천') => 1000,
                Some('백') => 100,
                _ => 1,
            };
            total = total.checked_add(value.checked_mul(multiplier)?)?;
            if multiplier == 1 {
                break;
            }
            index += 1;
            if !chars.get(index).is_some_and(|(_, c)| c.is_ascii_digit()) {
                break;
            }
        }
        let end = chars.get(index).map_or(text.len(), |(at, _)| *at);
        found.push(Found { value: total, start, end });
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::super::count::tests::check;
    use crate::model::CountQualifier::*;

    #[test]
    fn the_phrases_of_korean_reporting() {
        check("최소 95명", AtLeast, Some(95), None, Some(95));
        check("약 600명", About, None, None, Some(600));
        check("600여 명", MoreThan, Some(600), None, Some(600));
        check("200명 이상", AtLeast, Some(200), None, Some(200));
        check("100명 가까이", Nearly, None, Some(100), Some(100));
        check("50~60명", Between, Some(50), Some(60), None);
        check("수십 명", Vague, Some(20), None, None);
        check("20여 명", MoreThan, Some(20), None, Some(20));
        check("620명", Exact, Some(620), Some(620), Some(620));
    }

    #[test]
    fn other_spellings_of_the_same_ideas() {
        check("600여명", MoreThan, Some(600), None, Some(600));
        check("50명에서 60명", Between, Some(50), Some(60), None);
        check("2,000명 넘게", MoreThan, Some(2000), None, Some(2000));
        check("1만2천 명", Exact, Some(12_000), Some(12_000), Some(12_000));
        check("3만여 명", MoreThan, Some(30_000), None, Some(30_000));
        check("최대 200명", UpTo, None, Some(200), None);
        check("500명가량", About, None, None, Some(500));
        check("수백 명", Vague, Some(200), None, None);
        check("십여 명", MoreThan, Some(10), None, Some(10));
        check("탈북민 최소 95명", AtLeast, Some(95), None, Some(95));
    }

    #[test]
    fn what_is_not_understood_is_kept_as_words() {
        for phrase in ["많은 사람", "60~50명", "알 수 없음", "99999999999명"] {
            check(phrase, Unknown, None, None, None);
        }
    }
}
