//! Preferences kept between runs in eframe's storage (not in the dataset).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files the File menu lists.
const MAX_RECENT: usize = 10;

/// The key under which settings are stored.
pub const SETTINGS_KEY: &str = "repatriation-watch-settings";

/// Preferences; every field has a default so older settings always load.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The interface's language, once chosen; the system's until then.
    pub language: Option<crate::i18n::Language>,
}

impl Settings {
    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_newest_first_without_repeats() {
        let mut settings = Settings::default();
        for name in ["a.ron", "b.ron", "a.ron"] {
            settings.remember(Path::new(name));
        }
        assert_eq!(settings.recent, [PathBuf::from("a.ron"), PathBuf::from("b.ron")]);
        for n in 0..20 {
            settings.remember(Path::new(&format!("{n}.ron")));
        }
        assert_eq!(settings.recent.len(), MAX_RECENT);
    }
}
