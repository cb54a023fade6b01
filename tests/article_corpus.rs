//! The article reader against a corpus of articles (`tests/article_corpus/`): each file gives
//! the day it was published, the records a careful reader would enter from it (kind, days,
//! figure, places), then `---` and the text. The test prints, for English and Korean, how many
//! expected records were found with the right kind, days and figure (and places where given),
//! and how many proposals match nothing expected; it fails below 90% found in either language or
//! above one wrong proposal in ten.

use std::path::Path;

use jiff::civil::Date;
use repatriation_watch::article::{Gazetteer, PlaceMention, Reading, read};
use repatriation_watch::model::{CountEstimate, Dataset, DateSpec};

/// One record the article reports.
#[derive(Debug)]
struct Expected {
    rally: bool,
    kind: String,
    days: Option<(Date, Date)>,
    figure: Option<u32>,
    places: Vec<Option<String>>,
    /// The organizations that held a rally, when the article names them (`by A; B`).
    organizers: Vec<String>,
    line: String,
}

struct Article {
    name: String,
    korean: bool,
    published: Option<Date>,
    expected: Vec<Expected>,
    text: String,
}

fn parse_article(name: &str, file: &str) -> Article {
    let (head, text) = file.split_once("\n---\n").unwrap_or_else(|| panic!("{name}: no --- line"));
    let mut published = None;
    let mut expected = Vec::new();
    for line in head.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some(day) = line.strip_prefix("published:") {
            published = Some(day.trim().parse().unwrap_or_else(|_| panic!("{name}: {line}")));
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let optional = |cell: &str| (cell != "-").then(|| cell.to_owned());
        let days = optional(cells[2]).map(|days| {
            let (first, last) = days.split_once(' ').unwrap_or_else(|| panic!("{name}: {line}"));
            (first.parse().expect("a day"), last.parse().expect("a day"))
        });
        expected.push(Expected {
            rally: cells[0] == "rally",
            kind: cells[1].to_owned(),
            days,
            figure: optional(cells[3]).map(|n| n.parse().expect("a figure")),
            places: cells[4..].iter().filter(|c| !c.starts_with("by ")).map(|cell| optional(cell)).collect(),
            organizers: cells[4..]
                .iter()
                .filter_map(|c| c.strip_prefix("by "))
                .flat_map(|names| names.split(';').map(|n| n.trim().to_owned()))
                .collect(),
            line: line.to_owned(),
        });
    }
    // A web page's language is its words', not its markup's.
    let words = repatriation_watch::article::article_text(text);
    let hangul = words.chars().filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c)).count();
    let korean = hangul > words.chars().filter(char::is_ascii_alphabetic).count();
    Article { name: name.to_owned(), korean, published, expected, text: text.to_owned() }
}

/// What a proposal says, in the terms of an expected record.
struct Said<'a> {
    rally: bool,
    kinds: Vec<&'static str>,
    date: &'a DateSpec,
    count: Option<&'a CountEstimate>,
    places: Vec<Option<&'a PlaceMention>>,
    organizers: Vec<&'a str>,
}

fn said(reading: &Reading) -> Vec<Said<'_>> {
    let incidents = reading.incidents.iter().map(|i| Said {
        rally: false,
        kinds: vec![i.kind.name()],
        date: &i.date,
        count: Some(&i.people),
        places: vec![i.from_place.as_ref(), i.to_place.as_ref()],
        organizers: Vec::new(),
    });
    let rallies = reading.rallies.iter().map(|r| Said {
        rally: true,
        kinds: r.kinds.iter().map(|k| k.name()).collect(),
        date: &r.date,
        count: r.attendance.as_ref(),
        places: vec![r.place.as_ref()],
        organizers: r.organizers.iter().map(|o| o.organization.name.as_str()).collect(),
    });
    incidents.chain(rallies).collect()
}

/// Whether a proposal is the expected record in kind, days and figure.
fn same_event(said: &Said<'_>, expected: &Expected) -> bool {
    let days = expected.days.is_none_or(|days| said.date.range() == Some(days));
    let figure = expected.figure.is_none_or(|n| {
        said.count.is_some_and(|c| {
            c.best == Some(n) || (c.best.is_none() && (c.low == Some(n) || c.high == Some(n)))
        })
    });
    said.rally == expected.rally && said.kinds.contains(&expected.kind.as_str()) && days && figure
}

/// Whether the proposal names the expected places too.
fn same_places(said: &Said<'_>, expected: &Expected) -> bool {
    expected.places.iter().zip(&said.places).all(|(want, got)| match want {
        None => true,
        Some(name) => got.is_some_and(|p| p.place.name.eq_ignore_ascii_case(name)),
    })
}

#[derive(Default)]
struct Tally {
    expected: usize,
    found: usize,
    placed: usize,
    /// Expected records naming their organizers, and those found with every one of them.
    with_organizers: usize,
    organized: usize,
    proposals: usize,
    wrong: usize,
}

#[test]
fn the_reader_finds_what_the_corpus_articles_report() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/article_corpus");
    let mut files: Vec<_> =
        std::fs::read_dir(&folder).expect("the corpus").flatten().map(|e| e.path()).collect();
    files.sort();
    let gazetteer = Gazetteer::bundled();
    let dataset = Dataset::default();
    let (mut english, mut korean) = (Tally::default(), Tally::default());
    let mut misses = Vec::new();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let article = parse_article(&name, &std::fs::read_to_string(path).expect("an article"));
        // A saved web page is read as its words, as the window and `extract` read it.
        let text = repatriation_watch::article::article_text(&article.text);
        let reading = read(&text, article.published, &dataset, &gazetteer);
        let proposals = said(&reading);
        let tally = if article.korean { &mut korean } else { &mut english };
        tally.expected += article.expected.len();
        tally.proposals += proposals.len();
        for expected in &article.expected {
            match proposals.iter().find(|p| same_event(p, expected)) {
                Some(found) => {
                    tally.found += 1;
                    if !expected.organizers.is_empty() {
                        tally.with_organizers += 1;
                        if expected.organizers.iter().all(|o| found.organizers.contains(&o.as_str())) {
                            tally.organized += 1;
                        } else {
                            misses.push(format!("{}: organizers of {}", article.name, expected.line));
                        }
                    }
                    if same_places(found, expected) {
                        tally.placed += 1;
                    } else {
                        misses.push(format!("{}: places of {}", article.name, expected.line));
                    }
                }
                None => misses.push(format!("{}: missed {}", article.name, expected.line)),
            }
        }
        for proposal in &proposals {
            if !article.expected.iter().any(|e| same_event(proposal, e)) {
                tally.wrong += 1;
                let what = format!(
                    "{:?} {} {:?} {:?}",
                    proposal.kinds,
                    proposal.date.as_reported,
                    proposal.date.range(),
                    proposal.count.map(|c| &c.as_reported)
                );
                misses.push(format!("{}: wrong {what}", article.name));
            }
        }
    }
    for (language, tally) in [("English", &english), ("Korean", &korean)] {
        println!(
            "{language}: {} of {} expected records found with their days and figures ({:.0}%), {} with their places, {} of {} with their organizers; {} of {} proposals match nothing expected",
            tally.found,
            tally.expected,
            percent(tally.found, tally.expected),
            tally.placed,
            tally.organized,
            tally.with_organizers,
            tally.wrong,
            tally.proposals
        );
    }
    println!("{}", misses.join("\n"));
    // The goal: 90% of expected records found in each language, at most one proposal in ten wrong.
    assert!(percent(english.found, english.expected) >= FLOOR_FOUND, "English recall fell");
    assert!(percent(korean.found, korean.expected) >= FLOOR_FOUND, "Korean recall fell");
    let organized = english.organized + korean.organized;
    assert!(
        percent(organized, english.with_organizers + korean.with_organizers) >= FLOOR_FOUND,
        "organizers"
    );
    assert!(percent(english.wrong + korean.wrong, english.proposals + korean.proposals) <= CEILING_WRONG);
}

/// The least share of expected records found, in percent.
const FLOOR_FOUND: f64 = 90.0;
/// The most share of proposals matching nothing expected, in percent.
const CEILING_WRONG: f64 = 10.0;

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 { 100.0 } else { part as f64 * 100.0 / whole as f64 }
}
