//! The `repatriation-watch` binary: the command line, or the window when no subcommand is given.

use std::process::ExitCode;

use clap::Parser;
use repatriation_watch::cli::{Cli, run};

fn main() -> ExitCode {
    run(Cli::parse())
}
