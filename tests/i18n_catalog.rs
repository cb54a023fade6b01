//! The message catalogs: both languages have every message, every message the code asks for
//! exists, and none is left untranslated.

use std::collections::BTreeSet;
use std::path::Path;

use repatriation_watch::i18n::{
    Language, MESSAGE_IDS_EN, MESSAGE_IDS_KO, catalog_problems, has_message, runtime_message_ids,
    set_language, tr,
};
use repatriation_watch::model::{
    Choice, CountQualifier, DatePrecision, IncidentKind, IncidentStatus, OrganizationKind, PeriodPart,
    PlaceKind, RallyKind, RecordKind, Reliability, SourceKind,
};
use repatriation_watch::stats::{BreakdownBy, Period};

/// The messages for the CSV export's second header row, one per column.
fn csv_column_ids() -> Vec<String> {
    repatriation_watch::exchange::csv_columns().into_iter().map(|name| format!("csv-{name}")).collect()
}

fn ids_of<C: Choice>() -> Vec<&'static str> {
    C::all().iter().map(|choice| choice.message_id()).collect()
}

fn choice_ids() -> Vec<&'static str> {
    let mut ids = ids_of::<CountQualifier>();
    ids.extend(ids_of::<DatePrecision>());
    ids.extend(ids_of::<IncidentKind>());
    ids.extend(ids_of::<IncidentStatus>());
    ids.extend(ids_of::<OrganizationKind>());
    ids.extend(ids_of::<PeriodPart>());
    ids.extend(ids_of::<PlaceKind>());
    ids.extend(ids_of::<RallyKind>());
    ids.extend(ids_of::<RecordKind>());
    ids.extend(ids_of::<Reliability>());
    ids.extend(ids_of::<SourceKind>());
    ids.extend(ids_of::<BreakdownBy>());
    ids.extend(ids_of::<Period>());
    ids
}

/// Every message id written literally in the code: `t!("id"` and `tr("id"`.
fn ids_in_source() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source is UTF-8");
                let code: Vec<&str> =
                    text.lines().filter(|line| !line.trim_start().starts_with("//")).collect();
                ids.extend(ids_in_code(&code.join(" ")));
            }
        }
    }
    ids
}

/// The ids in code, after `t!(`, `tr(`, `tr_args(` or `column(` standing as whole words and
/// followed by a string literal, or after `tr_in(` and its first argument.
fn ids_in_code(code: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for opening in ["t!(", "tr(", "tr_args(", "column(", "tr_in("] {
        let mut from = 0;
        while let Some(at) = code[from..].find(opening).map(|at| at + from) {
            let whole_word = !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            let mut rest = code[at + opening.len()..].trim_start();
            if opening == "tr_in(" {
                rest = rest.split_once(',').map_or("", |(_, after)| after.trim_start());
            }
            if let (true, Some(literal)) = (whole_word, rest.strip_prefix('"'))
                && let Some(end) = literal.find('"')
            {
                ids.push(literal[..end].to_owned());
            }
            from = at + opening.len();
        }
    }
    ids
}

#[test]
fn both_catalogs_parse_without_errors() {
    assert_eq!(catalog_problems(), Vec::<String>::new());
    assert!(MESSAGE_IDS_EN.len() > 100, "the English catalog has only {} messages", MESSAGE_IDS_EN.len());
}

#[test]
fn every_message_is_in_both_languages() {
    let english: BTreeSet<&String> = MESSAGE_IDS_EN.iter().collect();
    let korean: BTreeSet<&String> = MESSAGE_IDS_KO.iter().collect();
    let only_english: Vec<_> = english.difference(&korean).collect();
    let only_korean: Vec<_> = korean.difference(&english).collect();
    assert!(only_english.is_empty(), "missing in ko.ftl: {only_english:?}");
    assert!(only_korean.is_empty(), "missing in en.ftl: {only_korean:?}");
    assert_eq!(english.len(), MESSAGE_IDS_EN.len(), "en.ftl defines an id twice");
    assert_eq!(korean.len(), MESSAGE_IDS_KO.len(), "ko.ftl defines an id twice");
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let mut wanted: Vec<String> = ids_in_source().into_iter().collect();
    wanted.extend(csv_column_ids());
    wanted.extend(choice_ids().into_iter().map(str::to_owned));
    wanted.extend(runtime_message_ids().into_iter().map(str::to_owned));
    for language in Language::ALL {
        let missing: Vec<&String> = wanted.iter().filter(|id| !has_message(language, id)).collect();
        assert!(missing.is_empty(), "missing in {language:?}: {missing:?}");
    }
}

#[test]
fn every_message_in_the_catalog_is_used() {
    let mut used = ids_in_source();
    used.extend(csv_column_ids());
    used.extend(choice_ids().into_iter().map(str::to_owned));
    used.extend(runtime_message_ids().into_iter().map(str::to_owned));
    let unused: Vec<&String> = MESSAGE_IDS_EN.iter().filter(|id| !used.contains(*id)).collect();
    assert!(unused.is_empty(), "messages nothing asks for: {unused:?}");
}

/// Words that are the same in both languages: grades, acronyms, names and symbols.
const SAME_IN_BOTH: &[&str] = &[
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "RON",
    "CSV",
    "PNG",
    "ID",
    "English",
    "한국어",
    "×",
    "…",
    "?",
    "Repatriation Watch",
];

/// Messages that are the same in both languages on purpose: an example path.
const SAME_IN_BOTH_IDS: &[&str] = &["path-hint"];

/// The text without its `{ $argument }` placeables (shown as `{$argument}` when formatted
/// without arguments).
fn without_placeables(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn no_korean_message_is_left_in_english() {
    let mut untranslated = Vec::new();
    for id in MESSAGE_IDS_EN.iter() {
        set_language(Language::English);
        let english = tr(id);
        set_language(Language::Korean);
        let korean = tr(id);
        let has_words = without_placeables(&english).chars().filter(char::is_ascii_alphabetic).count() >= 2;
        let same_on_purpose =
            SAME_IN_BOTH.contains(&english.as_str()) || SAME_IN_BOTH_IDS.contains(&id.as_str());
        if korean == english && has_words && !same_on_purpose {
            untranslated.push(format!("{id} = {english}"));
        }
    }
    set_language(Language::English);
    assert!(untranslated.is_empty(), "untranslated in ko.ftl: {untranslated:#?}");
}
