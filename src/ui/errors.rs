//! File errors said in the interface's language: what failed, where, and why.

use std::io;

use crate::i18n::{choice, day, number};
use crate::model::{Problem, ProblemMessage};
use crate::store::{EncryptionProblem, LoadError, SaveError, SaveStep};
use crate::t;

/// Why an operating-system call failed, in the interface's language where the reason is a
/// common one; the system's own words otherwise.
pub fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => t!("io-not-found"),
        io::ErrorKind::PermissionDenied => t!("io-permission-denied"),
        io::ErrorKind::StorageFull => t!("io-storage-full"),
        io::ErrorKind::ReadOnlyFilesystem => t!("io-read-only"),
        io::ErrorKind::IsADirectory => t!("io-is-a-directory"),
        io::ErrorKind::InvalidData => t!("io-not-text"),
        _ => error.to_string(),
    }
}

/// A save that failed: the file, the step and the reason.
pub fn save_error(error: &SaveError) -> String {
    match error {
        SaveError::Write { path, action, source } => {
            let path = path.display().to_string();
            t!("save-failed", path = path, step = save_step(action), reason = io_reason(source))
        }
        SaveError::Serialize { path, message } => {
            t!("save-failed-serialize", path = path.display().to_string(), reason = message)
        }
    }
}

fn save_step(step: &SaveStep) -> String {
    match step {
        SaveStep::CreateFolder(dir) => t!("save-step-create-folder", dir = dir.display().to_string()),
        SaveStep::CreateTemporary(dir) => t!("save-step-create-temporary", dir = dir.display().to_string()),
        SaveStep::CopyPermissions => t!("save-step-copy-permissions"),
        SaveStep::Write(bytes) => t!("save-step-write", bytes = number(*bytes as f64)),
        SaveStep::Flush => t!("save-step-flush"),
        SaveStep::Sync => t!("save-step-sync"),
        SaveStep::Backup(path) => t!("save-step-backup", path = path.display().to_string()),
        SaveStep::Replace => t!("save-step-replace"),
    }
}

/// A load that failed, without the file's name (the dialog shows it): "line 12, column 7: …".
pub fn load_error(error: &LoadError) -> String {
    match error {
        LoadError::Read { source, .. } => t!("load-cannot-read", reason = io_reason(source)),
        LoadError::TooLarge { size_bytes, limit_bytes, .. } => {
            t!("load-too-large", size = number(*size_bytes as f64), limit = number(*limit_bytes as f64))
        }
        LoadError::Cut { line, column, inside, backup, .. } => {
            let stops = match inside {
                crate::store::CutInside::Text { from_line } => t!("load-cut-text", from_line = *from_line),
                crate::store::CutInside::Record { .. } => t!("load-cut-record"),
            };
            let backup = backup.as_ref().map_or_else(
                || t!("load-cut-no-backup"),
                |backup| t!("load-cut-backup", backup = backup.display().to_string()),
            );
            t!("load-cut", line = *line, column = *column, stops = stops, backup = backup)
        }
        LoadError::Syntax { line, column, message, .. } => {
            t!("load-syntax", line = *line, column = *column, message = message)
        }
        LoadError::WrongFormat { found, .. } => t!("load-wrong-format", found = found),
        LoadError::TooNew { found, supported, .. } => {
            t!("load-too-new", found = *found, supported = *supported)
        }
        LoadError::UnknownVersion { found, .. } => t!("load-unknown-version", found = *found),
        LoadError::Encryption { problem, .. } => encryption_problem(problem),
    }
}

/// Why an encrypted file cannot be read, in the interface's language.
pub fn encryption_problem(problem: &EncryptionProblem) -> String {
    match problem {
        EncryptionProblem::NeedsPassphrase => t!("load-needs-passphrase"),
        EncryptionProblem::NoKeyFile(key) => t!("load-no-key-file", key = key.display().to_string()),
        EncryptionProblem::WrongPassphrase => t!("load-wrong-passphrase"),
        EncryptionProblem::KeyFileDamaged(key) => t!("load-key-damaged", key = key.display().to_string()),
        EncryptionProblem::TooMuchWork { required, limit } => {
            t!("load-too-much-work", found = *required, limit = *limit)
        }
        EncryptionProblem::NotForThisKey => t!("load-not-for-this-key"),
        EncryptionProblem::Damaged => t!("load-encrypted-damaged"),
    }
}

/// What is wrong with a field, in the interface's language.
pub fn problem_message(message: &ProblemMessage) -> String {
    match message {
        ProblemMessage::EmptyId => t!("problem-empty-id"),
        ProblemMessage::DuplicateId(kind) => t!("problem-duplicate-id", kind = choice(*kind)),
        ProblemMessage::Empty(field) => match *field {
            "name" => t!("problem-empty-name"),
            _ => t!("problem-empty-title"),
        },
        ProblemMessage::MissingReference { target, id } => {
            t!("problem-missing-reference", kind = choice(*target), id = id.to_string())
        }
        ProblemMessage::DatesReversed { earliest, latest } => {
            t!("problem-dates-reversed", earliest = day(*earliest), latest = day(*latest))
        }
        ProblemMessage::OutOfRange { value, limit } => {
            t!("problem-out-of-range", value = value, limit = limit.to_string())
        }
        ProblemMessage::LowAboveHigh { low, high } => {
            t!("problem-low-above-high", low = number(f64::from(*low)), high = number(f64::from(*high)))
        }
        ProblemMessage::BestOutsideRange { best } => {
            t!("problem-best-outside", best = number(f64::from(*best)))
        }
        ProblemMessage::SeveralPreferred => t!("problem-several-preferred"),
        ProblemMessage::ParentLoop => t!("problem-parent-loop"),
        ProblemMessage::MergeConflict => t!("problem-merge-conflict"),
        ProblemMessage::DeletedInOtherCopy => t!("problem-deleted-in-other-copy"),
        ProblemMessage::LegsExceed { legs_floor, ceiling } => {
            t!("problem-legs-exceed", legs = legs_floor, ceiling = ceiling)
        }
        ProblemMessage::DateNotUnderstood { words } => t!("problem-date-not-understood", words = words),
        ProblemMessage::CountNotUnderstood { words } => t!("problem-count-not-understood", words = words),
    }
}

/// A problem as the problem list shows it: "incident inc-1, estimates[0].low: …".
pub fn problem_line(problem: &Problem) -> String {
    t!(
        "problem-line",
        kind = choice(problem.kind),
        id = problem.id.to_string(),
        field = problem.field.as_str(),
        message = problem_message(&problem.message)
    )
}
