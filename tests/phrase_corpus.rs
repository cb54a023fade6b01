//! The phrase corpus: dated and counted phrases as news agencies, NGOs and the UN write them, in
//! English and Korean, each with the days or figures it must give (`tests/phrase_corpus/`).
//!
//! Every line is checked, and every failure is listed at once, so a change to a parser shows all
//! that it breaks. What must stay words is in the corpus too: a phrase gives the right days and
//! figures, or none.

use jiff::civil::Date;
use repatriation_watch::model::{CountEstimate, DatePrecision, DateSpec};
use repatriation_watch::phrase::{parse_count, parse_date};

const DATES: &str = include_str!("phrase_corpus/dates.txt");
const COUNTS: &str = include_str!("phrase_corpus/counts.txt");

/// The lines of a corpus file that are not comments or blank, split at `|` and trimmed.
fn rows(text: &str) -> Vec<Vec<&str>> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split('|').map(str::trim).collect())
        .collect()
}

/// What a phrase must give, written as the corpus writes it.
fn date_as_written(spec: &DateSpec) -> String {
    let Some((earliest, latest)) = spec.range() else { return "?".to_owned() };
    let precision = format!("{:?}", spec.precision).to_lowercase();
    if earliest == latest {
        format!("{earliest} {precision}")
    } else {
        format!("{earliest}..{latest} {precision}")
    }
}

fn count_as_written(estimate: &CountEstimate) -> String {
    let figure = |value: Option<u32>| value.map_or_else(|| "-".to_owned(), |v| v.to_string());
    format!(
        "{:?} {} {} {}",
        estimate.qualifier,
        figure(estimate.low),
        figure(estimate.high),
        figure(estimate.best)
    )
}

#[test]
fn every_dated_phrase_gives_its_days_or_stays_words() {
    let rows = rows(DATES);
    let mut wrong = Vec::new();
    for row in &rows {
        let [published, phrase, expected] = row.as_slice() else { panic!("a bad corpus line: {row:?}") };
        let published = (*published != "-").then(|| published.parse::<Date>().expect("a publication day"));
        let spec = parse_date(phrase, published);
        let got = date_as_written(&spec);
        if got != *expected || spec.as_reported != *phrase {
            wrong.push(format!("{phrase:?} (published {published:?}): expected {expected}, got {got}"));
        }
        if spec.is_unknown() {
            assert_eq!(spec.precision, DatePrecision::Unknown, "{phrase}");
        }
    }
    assert!(rows.len() >= 250, "the date corpus shrank to {}", rows.len());
    assert!(
        wrong.is_empty(),
        "{} of {} dated phrases are wrong:\n{}",
        wrong.len(),
        rows.len(),
        wrong.join("\n")
    );
}

#[test]
fn every_counted_phrase_gives_its_figures_or_stays_words() {
    let rows = rows(COUNTS);
    let mut wrong = Vec::new();
    for row in &rows {
        let [phrase, expected] = row.as_slice() else { panic!("a bad corpus line: {row:?}") };
        let estimate = parse_count(phrase);
        let got = count_as_written(&estimate);
        if got != *expected || estimate.as_reported != *phrase {
            wrong.push(format!("{phrase:?}: expected {expected}, got {got}"));
        }
    }
    assert!(rows.len() >= 150, "the count corpus shrank to {}", rows.len());
    assert!(
        wrong.is_empty(),
        "{} of {} counted phrases are wrong:\n{}",
        wrong.len(),
        rows.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_corpus_holds_both_languages() {
    let korean = |text: &str| {
        rows(text)
            .iter()
            .filter(|row| row.iter().any(|cell| cell.chars().any(|c| ('가'..='힣').contains(&c))))
            .count()
    };
    assert!(
        korean(DATES) >= 80 && korean(COUNTS) >= 60,
        "Korean rows: {} dates, {} counts",
        korean(DATES),
        korean(COUNTS)
    );
    assert!(rows(DATES).len() + rows(COUNTS).len() >= 300);
}
