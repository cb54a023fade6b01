//! The README's example file is a valid dataset, and its commands are the ones CI runs.

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
    let first_lines: Vec<&str> = README.lines().take(20).collect();
    let test_line =
        first_lines.iter().find(|line| line.contains("# run the tests")).expect("the test command");
    let command = test_line.split('#').next().expect("command").trim();
    let ci = include_str!("../.ci/run");
    assert!(ci.lines().any(|line| line.trim() == command), "{command} is not in .ci/run");
}
