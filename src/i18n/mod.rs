//! The interface's two languages, English and 한국어: one message catalog per language
//! (`assets/i18n/*.ftl`, Project Fluent), the language in use, and dates and numbers written
//! the way each language writes them.
//!
//! Every string the interface shows comes from here through [`t!`](crate::t). Files, CSV
//! and the command line's machine output keep English field names, ISO dates and plain numbers.

mod catalog;
mod format;

use std::cell::Cell;

pub use catalog::{Arg, MESSAGE_IDS_EN, MESSAGE_IDS_KO, catalog_problems, has_message, tr, tr_args, tr_in};
pub use format::runtime_message_ids;
pub use format::{choice, date_spec, day, days, month_name, month_year, number, period_label, weekday_short};
use serde::{Deserialize, Serialize};

/// A language the interface speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[default]
    English,
    /// 한국어.
    Korean,
}

impl Language {
    /// Both languages, in the order the menu lists them.
    pub const ALL: [Language; 2] = [Language::English, Language::Korean];

    /// The language's name in itself, as the menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Korean => "한국어",
        }
    }

    /// The language a system locale such as `ko-KR` or `en_US.UTF-8` asks for; English for any
    /// language but Korean.
    pub fn from_locale(locale: &str) -> Language {
        if locale.to_ascii_lowercase().starts_with("ko") { Language::Korean } else { Language::English }
    }

    /// The language of the system's locale, English when it cannot be read.
    pub fn of_system() -> Language {
        sys_locale::get_locale().map_or(Language::English, |locale| Language::from_locale(&locale))
    }
}

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::English) };
}

/// The language the interface speaks on this thread (the UI thread's is the one that counts).
pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

/// Switches the interface's language; the next frame speaks it.
pub fn set_language(language: Language) {
    CURRENT.with(|current| current.set(language));
}

/// A message from the catalog in the current language: `t!("menu-file")`, or with arguments,
/// `t!("records-count", count = 3)`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::tr($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}
