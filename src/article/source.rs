//! The source an article is: its title (the first line), the outlet when the text names one
//! ("(Yonhap)", "Source: Voice of America", a known outlet's name), the author ("By …"), the
//! language, and the publication day when the first lines give a full date.

use std::ops::Range;

use jiff::civil::Date;

use super::sentences::is_hangul;
use crate::model::{DatePrecision, Source};

/// Outlets the users read, as the text names them, with the name the source keeps.
const OUTLETS: &[(&str, &str)] = &[
    ("(yonhap)", "Yonhap"),
    ("yonhap", "Yonhap"),
    ("연합뉴스", "연합뉴스"),
    ("voice of america", "Voice of America"),
    ("(voa)", "Voice of America"),
    ("radio free asia", "Radio Free Asia"),
    ("korea joongang daily", "Korea JoongAng Daily"),
    ("korea herald", "The Korea Herald"),
    ("korea times", "The Korea Times"),
    ("nk news", "NK News"),
    ("daily nk", "Daily NK"),
    ("reuters", "Reuters"),
    ("(ap)", "Associated Press"),
    ("associated press", "Associated Press"),
    ("(afp)", "AFP"),
    ("christian daily", "Christian Daily International"),
    ("조선일보", "조선일보"),
    ("중앙일보", "중앙일보"),
    ("동아일보", "동아일보"),
    ("한겨레", "한겨레"),
    ("뉴시스", "뉴시스"),
    ("뉴스1", "뉴스1"),
    ("데일리nk", "데일리NK"),
];

/// How many lines from the top the outlet, author and day are looked for in.
const HEAD_LINES: usize = 6;

/// The source `text` is, as far as its first lines say; `published` is the day the user gave,
/// which wins over any found.
pub fn propose_source(text: &str, sentences: &[Range<usize>], published: Option<Date>) -> Source {
    let head: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).take(HEAD_LINES).collect();
    let title = head.first().map_or_else(String::new, |line| (*line).to_owned());
    let lower = head.join("\n").to_lowercase();
    let outlet = OUTLETS.iter().find(|(words, _)| lower.contains(words)).map(|(_, name)| (*name).to_owned());
    let outlet =
        outlet.or_else(|| labelled(&head, "source:")).or_else(|| dateline_outlet(&head)).unwrap_or_default();
    let author = head
        .iter()
        .find_map(|line| line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")))
        .map(str::to_owned)
        .or_else(|| korean_byline(&head));
    let day = published.or_else(|| first_full_day(text, sentences));
    let mut source = Source {
        title,
        outlet,
        author: author.map_or_else(String::new, |a| a.trim().to_owned()),
        language: language_of(text).to_owned(),
        ..Source::default()
    };
    if let Some(day) = day {
        source.published = crate::model::DateSpec::day(day, "");
    }
    source
}

/// The text after `label` on a line that starts with it ("Source: Voice of America").
fn labelled(lines: &[&str], label: &str) -> Option<String> {
    lines.iter().find_map(|line| {
        let lower = line.to_lowercase();
        lower.starts_with(label).then(|| line[label.len()..].trim().to_owned())
    })
}

/// The outlet a wire's dateline names: "SEOUL, Oct. 9 (Example Herald) -- …".
fn dateline_outlet(lines: &[&str]) -> Option<String> {
    lines.iter().find_map(|line| {
        let close = [") --", ") –", ") —"].iter().filter_map(|end| line.find(end)).min()?;
        let open = line[..close].rfind('(')?;
        let name = line[open + 1..close].trim();
        (!name.is_empty() && name.chars().count() <= 40).then(|| name.to_owned())
    })
}

/// The reporter a Korean byline names: "김예시 기자" (a name of two to four syllables).
fn korean_byline(lines: &[&str]) -> Option<String> {
    lines.iter().find_map(|line| {
        let at = line.find(" 기자")?;
        let name = line[..at].rsplit(|c: char| !is_hangul(c)).next()?;
        (2..=4).contains(&name.chars().count()).then(|| name.to_owned())
    })
}

/// The first day written in full (with its year) in the article's first sentences.
fn first_full_day(text: &str, sentences: &[Range<usize>]) -> Option<Date> {
    for sentence in sentences.iter().take(HEAD_LINES) {
        let words = super::mentions::words(text, sentence.clone());
        for mention in super::mentions::dates(text, &words, None) {
            if mention.date.precision == DatePrecision::Day {
                return mention.date.earliest;
            }
        }
    }
    None
}

/// The article's language: Korean when most of its letters are Hangul, else English.
pub fn language_of(text: &str) -> &'static str {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let (hangul, all) = letters.fold((0usize, 0usize), |(h, a), c| (h + usize::from(is_hangul(c)), a + 1));
    if all > 0 && hangul * 2 > all { "ko" } else { "en" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source_of(text: &str) -> Source {
        propose_source(text, &super::super::sentences::sentences(text), None)
    }

    #[test]
    fn a_dateline_names_the_outlet_and_a_korean_byline_the_reporter() {
        let english = source_of(
            "Twelve sent back\nBY Jane Park\nSEOUL, Oct. 9 (Example Herald) -- Police detained 12.",
        );
        assert_eq!((english.outlet.as_str(), english.author.as_str()), ("Example Herald", "Jane Park"));
        let korean =
            source_of("탈북민 7명 체포\n입력 2026.11.05 09:12김예시 기자\n중국 공안이 7명을 체포했다.");
        assert_eq!(korean.author, "김예시");
        assert_eq!(korean.published.earliest, Some(jiff::civil::date(2026, 11, 5)));
        assert_eq!(source_of("A title\nNothing (said) here.").outlet, "");
    }
}
