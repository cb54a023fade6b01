//! Preferences kept between runs in eframe's storage (not in the dataset).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files the File menu lists.
const MAX_RECENT: usize = 10;

/// The key under which settings are stored.
pub const SETTINGS_KEY: &str = "repatriation-watch-settings";

/// Preferences; every field has a default so older settings always load.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The interface's language, once chosen; the system's until then.
    pub language: Option<crate::i18n::Language>,
    /// Lock an encrypted dataset's window after this many minutes without input; 0 never.
    pub lock_after_minutes: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self { recent: Vec::new(), language: None, lock_after_minutes: DEFAULT_LOCK_AFTER_MINUTES }
    }
}

/// How long an encrypted dataset's window waits without input before it locks, unless set.
pub const DEFAULT_LOCK_AFTER_MINUTES: u32 = 15;

impl Settings {
    /// The language to start in: the one asked for (tests), else the one chosen in an earlier
    /// run, else the system's (read only when needed).
    pub fn starting_language(
        &self,
        asked: Option<crate::i18n::Language>,
        system: impl FnOnce() -> crate::i18n::Language,
    ) -> crate::i18n::Language {
        asked.or(self.language).unwrap_or_else(system)
    }

    /// Puts `path` first in the recent files. An encrypted dataset (`.age`) is not listed, so
    /// that the settings never name it in clear (nor its plain name from before it was encrypted).
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        if path.extension().is_some_and(|extension| extension == "age") {
            self.recent.retain(|p| *p != path.with_extension(""));
            return;
        }
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn the_first_start_follows_the_system_and_a_choice_is_kept() {
        let first_run = Settings::default();
        assert_eq!(first_run.starting_language(None, || Language::Korean), Language::Korean);
        assert_eq!(first_run.starting_language(None, || Language::English), Language::English);

        let chosen = Settings { language: Some(Language::Korean), ..Settings::default() };
        let stored = ron::to_string(&chosen).expect("settings serialize");
        let next_run: Settings = ron::from_str(&stored).expect("settings load back");
        assert_eq!(next_run.starting_language(None, || Language::English), Language::Korean);
        assert_eq!(
            next_run.starting_language(Some(Language::English), || Language::Korean),
            Language::English
        );

        let older: Settings = ron::from_str("(recent: [])").expect("settings from before languages load");
        assert_eq!(older.language, None);
    }

    #[test]
    fn a_korean_locale_means_korean() {
        for (locale, language) in [
            ("ko-KR", Language::Korean),
            ("ko_KR.UTF-8", Language::Korean),
            ("en-US", Language::English),
            ("C", Language::English),
            ("zh-CN", Language::English),
        ] {
            assert_eq!(Language::from_locale(locale), language, "{locale}");
        }
    }

    #[test]
    fn recent_files_are_newest_first_without_repeats() {
        let mut settings = Settings::default();
        for name in ["a.ron", "b.ron", "a.ron"] {
            settings.remember(Path::new(name));
        }
        assert_eq!(settings.recent, [PathBuf::from("a.ron"), PathBuf::from("b.ron")]);
        settings.remember(Path::new("b.ron.age"));
        assert_eq!(
            settings.recent,
            [PathBuf::from("a.ron")],
            "an encrypted dataset is not named, nor its plain name"
        );
        for n in 0..20 {
            settings.remember(Path::new(&format!("{n}.ron")));
        }
        assert_eq!(settings.recent.len(), MAX_RECENT);
    }
}
