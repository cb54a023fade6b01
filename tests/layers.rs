//! The order of the layers (ARCHITECTURE.md, "Invariants"): each module of `src/` may take from
//! the modules listed for it and no other, read off the `crate::…` paths of its files (their
//! tests left out). `ui` takes from `store` only its error types.

use std::collections::BTreeSet;
use std::path::Path;

/// What each module may take from.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("phrase", &["model"]),
    ("edit", &["model"]),
    ("i18n", &["model"]),
    ("generate", &["model"]),
    ("stats", &["model", "phrase", "edit"]),
    ("article", &["model", "phrase", "edit"]),
    ("query", &["model", "phrase", "edit", "i18n", "stats"]),
    ("exchange", &["model", "phrase", "edit", "i18n"]),
    ("store", &["model", "phrase", "edit", "stats", "exchange"]),
    ("ui", &["model", "phrase", "edit", "i18n", "stats", "article", "query", "exchange", "store"]),
    ("report", &["model", "phrase", "edit", "i18n", "stats", "query", "exchange", "ui"]),
    (
        "cli",
        &[
            "model", "phrase", "edit", "i18n", "stats", "article", "generate", "query", "exchange", "store",
            "ui", "report", "app",
        ],
    ),
    (
        "app",
        &[
            "model", "phrase", "edit", "i18n", "stats", "article", "generate", "query", "exchange", "store",
            "ui", "report",
        ],
    ),
];

/// What `ui` may take from `store`: the errors it puts into words.
const STORE_ERRORS: &[&str] = &["LoadError", "SaveError", "SaveStep", "CutInside", "EncryptionProblem"];

/// The paths after each `crate::` in `text`, braces expanded: `crate::model::{Id, Incident}`
/// gives `model::Id` and `model::Incident`, as lists of their parts.
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        let (found, after) = path_at(&rest[at + "crate::".len()..]);
        paths.extend(found);
        rest = after;
    }
    paths
}

/// The paths a path starting at `text` stands for, and the text after it.
fn path_at(text: &str) -> (Vec<Vec<String>>, &str) {
    if let Some(inside) = text.strip_prefix('{') {
        let end = closing_brace(inside);
        let mut paths = Vec::new();
        for part in split_top_level(&inside[..end]) {
            paths.extend(path_at(part.trim()).0);
        }
        return (paths, &inside[(end + 1).min(inside.len())..]);
    }
    let length = text.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(text.len());
    let (name, after) = text.split_at(length);
    if name.is_empty() {
        return (Vec::new(), after);
    }
    match after.strip_prefix("::") {
        Some(next) => {
            let (tails, after) = path_at(next);
            let tails = if tails.is_empty() { vec![Vec::new()] } else { tails };
            let paths = tails
                .into_iter()
                .map(|tail| std::iter::once(name.to_owned()).chain(tail).collect())
                .collect();
            (paths, after)
        }
        None => (vec![vec![name.to_owned()]], after),
    }
}

/// Where the brace that closes an opened one is (the text's end when none does).
fn closing_brace(text: &str) -> usize {
    let mut depth = 0;
    for (at, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return at,
            '}' => depth -= 1,
            _ => {}
        }
    }
    text.len()
}

/// The parts of a brace group, split at the commas outside inner braces.
fn split_top_level(text: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (at, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// The module a path names: `t` (the translation macro) is `i18n`'s.
fn module_of(path: &[String]) -> &str {
    match path.first().map(String::as_str) {
        Some("t") => "i18n",
        Some(name) => name,
        None => "",
    }
}

/// Why `module`'s `text` breaks the order of the layers, once per path that does.
fn breaches(module: &str, text: &str) -> Vec<String> {
    let Some((_, allowed)) = ALLOWED.iter().find(|(name, _)| *name == module) else {
        return vec![format!("{module} is not in the order of the layers")];
    };
    let mut found = BTreeSet::new();
    for path in crate_paths(text) {
        let taken = module_of(&path);
        if taken == module || taken.is_empty() {
            continue;
        }
        if !allowed.contains(&taken) {
            found.insert(format!("{module} takes from {taken}: crate::{}", path.join("::")));
        } else if module == "ui" && taken == "store" {
            let item = path.get(1).map_or("", String::as_str);
            if !STORE_ERRORS.contains(&item) {
                found.insert(format!("ui takes from store what is not an error: crate::{}", path.join("::")));
            }
        }
    }
    found.into_iter().collect()
}

/// The text of a source file without its tests.
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |at| &text[..at])
}

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ reads").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn every_module_takes_only_from_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut all = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("inside src");
        let first = relative.components().next().expect("a file").as_os_str().to_string_lossy();
        let module = first.trim_end_matches(".rs");
        if module == "main" || module == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("a source file reads");
        all.extend(
            breaches(module, without_tests(&text))
                .into_iter()
                .map(|b| format!("{}: {b}", relative.display())),
        );
    }
    assert!(files.len() > 50, "the source files were found ({})", files.len());
    assert!(all.is_empty(), "imports against the order of the layers:\n{}", all.join("\n"));
}

#[test]
fn a_path_that_climbs_is_found_in_every_way_it_is_written() {
    assert_eq!(
        breaches("ui", "use crate::app::command::Command;"),
        ["ui takes from app: crate::app::command::Command"]
    );
    assert_eq!(breaches("model", "use crate::{edit::Document, model::Id};").len(), 1, "inside braces");
    assert_eq!(breaches("stats", "let x = crate::store::load_sample();").len(), 1, "a path in code");
    assert_eq!(breaches("exchange", "use crate::store::{self, csv_header};").len(), 2);
    assert!(breaches("ui", "use crate::store::{LoadError, SaveError};").is_empty(), "store's errors");
    assert_eq!(breaches("ui", "use crate::store::Recovery;").len(), 1, "anything else of store");
    assert!(breaches("i18n", "crate::t!(\"id\")").is_empty(), "the translation macro is i18n's own");
    assert!(breaches("model", "use crate::model::Id; use super::x;").is_empty());
    assert!(breaches("model", without_tests("fn a() {}\n#[cfg(test)]\nuse crate::store::x;")).is_empty());
}
