//! The README's example file is a valid dataset, its commands are the ones CI runs, and the
//! packages it describes are made of files that exist.

use std::path::Path;

use repatriation_watch::model::validate;
use repatriation_watch::store::from_ron;

const README: &str = include_str!("../README.md");

#[test]
fn the_example_file_loads_and_is_sound() {
    let start = README.find("```ron\n").expect("a RON example") + "```ron\n".len();
    let length = README[start..].find("```").expect("the example ends");
    let dataset = from_ron(&README.as_bytes()[start..start + length], Path::new("README.md")).expect("loads");
    assert_eq!(dataset.incidents.len(), 1);
    assert_eq!(validate(&dataset), []);
}

#[test]
fn ci_runs_the_test_command_the_readme_gives() {
    // The users' Install section comes first, then the developers' two commands.
    let first_lines: Vec<&str> = README.lines().take(30).collect();
    let test_line =
        first_lines.iter().find(|line| line.contains("# run the tests")).expect("the test command");
    let command = test_line.split('#').next().expect("command").trim();
    let ci = include_str!("../.ci/run");
    assert!(ci.lines().any(|line| line.trim() == command), "{command} is not in .ci/run");
}

#[test]
fn every_file_the_linux_package_takes_exists_but_the_binary() {
    let manifest = include_str!("../Cargo.toml");
    let assets = &manifest[manifest.find("assets = [").expect("the package's assets")..];
    let assets = &assets[..assets.find("\n]").expect("the list ends")];
    let sources: Vec<&str> = assets
        .lines()
        .filter_map(|line| line.trim().strip_prefix("[\""))
        .filter_map(|line| line.split('"').next())
        .collect();
    assert!(sources.len() > 10, "{sources:?}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for source in sources.iter().filter(|source| !source.starts_with("target/")) {
        assert!(root.join(source).is_file(), "{source} is in the package but not in the project");
    }
}

#[test]
fn the_desktop_entry_speaks_korean_and_opens_both_kinds_of_dataset() {
    let entry = include_str!("../packaging/linux/repatriation-watch.desktop");
    for line in ["Name[ko]=", "Comment[ko]=", "Exec=repatriation-watch %f", "Icon=repatriation-watch"] {
        assert!(entry.lines().any(|l| l.starts_with(line)), "{line}");
    }
    let types = include_str!("../packaging/linux/repatriation-watch.xml");
    for kind in ["application/x-repatriation-watch", "application/x-repatriation-watch-encrypted"] {
        assert!(entry.contains(&format!("{kind};")), "{kind} in the entry");
        assert!(types.contains(&format!("type=\"{kind}\"")), "{kind} defined");
    }
    assert!(types.contains("pattern=\"*.ron\"") && types.contains("pattern=\"*.ron.age\""));
}
