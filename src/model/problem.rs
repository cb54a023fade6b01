//! A problem in a dataset: which record, which field, what is wrong, and whether it blocks a
//! save (an error) or only asks for a look (a warning: words not understood).

use std::fmt;

use super::{Id, RecordKind};

/// One problem in a dataset: which record, which field, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The kind of the record at fault.
    pub kind: RecordKind,
    /// The id of the record at fault.
    pub id: Id,
    /// The field at fault, as written in the file (`estimates[1].low`, `date.latest`).
    pub field: String,
    /// What is wrong.
    pub message: ProblemMessage,
}

/// What is wrong with a field; shown in English by `Display` (the command line) and in the
/// interface's language by the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemMessage {
    /// The id is empty.
    EmptyId,
    /// Another record of this kind has the same id.
    DuplicateId(RecordKind),
    /// The title or name (the field) is empty.
    Empty(&'static str),
    /// The field names a record that does not exist.
    MissingReference {
        /// The kind of record named.
        target: RecordKind,
        /// Its id.
        id: Id,
    },
    /// The latest day is before the earliest.
    DatesReversed {
        /// The earliest day given.
        earliest: jiff::civil::Date,
        /// The latest day given.
        latest: jiff::civil::Date,
    },
    /// A coordinate out of range.
    OutOfRange {
        /// The value given.
        value: String,
        /// The largest magnitude allowed.
        limit: u32,
    },
    /// The low figure is above the high one.
    LowAboveHigh {
        /// The low figure.
        low: u32,
        /// The high figure.
        high: u32,
    },
    /// The best figure is outside the low–high range.
    BestOutsideRange {
        /// The best figure.
        best: u32,
    },
    /// More than one estimate is marked preferred.
    SeveralPreferred,
    /// The parent chain loops.
    ParentLoop,
    /// Two merged copies changed the record differently; the other version waits in the file.
    MergeConflict,
    /// One merged copy deleted the record while the other changed it.
    DeletedInOtherCopy,
    /// The legs add up to more than the parent's highest figure.
    LegsExceed {
        /// The least the legs add up to.
        legs_floor: String,
        /// The parent's highest figure.
        ceiling: String,
    },
    /// A warning: the date's words were not understood, so the record has no days and is left
    /// out of the charts and `stats`. The words are kept.
    DateNotUnderstood {
        /// The words as reported.
        words: String,
    },
    /// A warning: the figure's words were not understood, so it counts no one. The words are kept.
    CountNotUnderstood {
        /// The words as reported.
        words: String,
    },
}

impl ProblemMessage {
    /// Whether this is only a warning: the record can be saved, but something it says is not
    /// counted (words not understood).
    pub fn is_warning(&self) -> bool {
        matches!(self, Self::DateNotUnderstood { .. } | Self::CountNotUnderstood { .. })
    }
}

impl Problem {
    /// Whether this is only a warning (see [`ProblemMessage::is_warning`]).
    pub fn is_warning(&self) -> bool {
        self.message.is_warning()
    }
}

/// Whether any of `problems` is an error, which keeps a record from being saved; warnings do not.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|problem| !problem.is_warning())
}

impl fmt::Display for ProblemMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyId => f.write_str("the id is empty"),
            Self::DuplicateId(kind) => write!(f, "the id is used by more than one {kind}"),
            Self::Empty(field) => write!(f, "the {field} is empty"),
            Self::MissingReference { target, id } => {
                write!(f, "refers to {target} {id}, which does not exist")
            }
            Self::DatesReversed { earliest, latest } => {
                write!(f, "the latest day ({latest}) is before the earliest ({earliest})")
            }
            Self::OutOfRange { value, limit } => write!(f, "{value} is not between -{limit} and {limit}"),
            Self::LowAboveHigh { low, high } => {
                write!(f, "the low figure ({low}) is greater than the high figure ({high})")
            }
            Self::BestOutsideRange { best } => {
                write!(f, "the best figure ({best}) is outside the low–high range")
            }
            Self::SeveralPreferred => f.write_str("more than one estimate is marked preferred"),
            Self::ParentLoop => f.write_str("the parent chain loops back on itself"),
            Self::MergeConflict => {
                f.write_str("two merged copies changed this record differently: choose between them")
            }
            Self::DeletedInOtherCopy => {
                f.write_str("one merged copy deleted this record and the other changed it: keep or delete it")
            }
            Self::LegsExceed { legs_floor, ceiling } => {
                write!(f, "its legs add up to at least {legs_floor}, more than its {ceiling}")
            }
            Self::DateNotUnderstood { words } => {
                write!(f, "the date \"{words}\" was not understood: the record is left out of the charts")
            }
            Self::CountNotUnderstood { words } => {
                write!(f, "the figure \"{words}\" was not understood: it counts no one")
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}, {}: {}", self.kind, self.id, self.field, self.message)
    }
}
