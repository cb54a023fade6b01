//! The `repatriation-watch` binary: the command line, or the window when no subcommand is given.
// On Windows the app is a windowed program (no console window opens beside it); its command
// line writes to the console it was started from.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use repatriation_watch::cli::{Cli, run};

fn main() -> ExitCode {
    #[cfg(windows)]
    attach_to_the_console();
    run(Cli::parse())
}

/// Writes the command line's output to the console of the program that started this one (a
/// Command Prompt, PowerShell), when there is one; started from the Start menu there is none.
#[cfg(windows)]
#[allow(unsafe_code)]
fn attach_to_the_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and touches no memory of ours; when it fails
    // (no parent console) the program simply has none.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}
