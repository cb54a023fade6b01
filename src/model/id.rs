//! Record identifiers.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The stable identifier of a record, unique within its dataset and never reused.
///
/// Identifiers are plain text (`inc-2023-10-asian-games`, `src-yonhap-2023-09-22`) so that a
/// file reads well and merges cleanly in git. Records refer to each other by id.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    /// Makes an id from any text.
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}
