//! The message catalogs, compiled into the program and read once.

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use super::{Language, language};

/// The English catalog's text.
const ENGLISH: &str = include_str!("../../assets/i18n/en.ftl");
/// The Korean catalog's text.
const KOREAN: &str = include_str!("../../assets/i18n/ko.ftl");

/// One language's bundle, and what was wrong in its catalog's syntax (empty when sound).
struct Catalog {
    bundle: FluentBundle<FluentResource>,
    ids: Vec<String>,
    problems: Vec<String>,
}

impl Catalog {
    fn load(text: &str, locale: &str) -> Catalog {
        let mut problems = Vec::new();
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(resource, errors)| {
            problems.extend(errors.iter().map(|e| format!("{locale}.ftl: {e:?}")));
            resource
        });
        let ids = resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                _ => None,
            })
            .collect();
        let langid: LanguageIdentifier = locale.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Unicode isolation marks around arguments would show as boxes in the interface.
        bundle.set_use_isolating(false);
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(errors.iter().map(|e| format!("{locale}.ftl: {e:?}")));
        }
        Catalog { bundle, ids, problems }
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        Some(text.into_owned())
    }
}

static CATALOGS: LazyLock<[Catalog; 2]> =
    LazyLock::new(|| [Catalog::load(ENGLISH, "en"), Catalog::load(KOREAN, "ko")]);

fn catalog(language: Language) -> &'static Catalog {
    match language {
        Language::English => &CATALOGS[0],
        Language::Korean => &CATALOGS[1],
    }
}

/// An argument to a message: text, or a number (which also picks English plurals).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text, shown as it is.
    Text(String),
    /// A number.
    Number(f64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(text: Cow<'_, str>) -> Self {
        Arg::Text(text.into_owned())
    }
}

macro_rules! number_args {
    ($($number:ty),+) => {
        $(impl From<$number> for Arg {
            #[allow(clippy::cast_lossless, clippy::cast_precision_loss)]
            fn from(number: $number) -> Self {
                Arg::Number(number as f64)
            }
        })+
    };
}

number_args!(u8, u16, u32, u64, usize, i32, i64, f32, f64);

/// The message `id` in the current language; English when the Korean catalog lacks it, and the
/// id itself when neither has it (a test fails on any such id).
pub fn tr(id: &str) -> String {
    format(id, None)
}

/// The message `id` in `language`, whatever the interface speaks.
pub fn tr_in(language: Language, id: &str) -> String {
    format_in(language, id, None)
}

/// The message `id` with named arguments.
pub fn tr_args(id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(text.clone()),
            Arg::Number(number) => FluentValue::from(*number),
        };
        fluent_args.set(*name, value);
    }
    format(id, Some(&fluent_args))
}

fn format(id: &str, args: Option<&FluentArgs<'_>>) -> String {
    format_in(language(), id, args)
}

/// The message in `language`, else in English, else its id.
fn format_in(language: Language, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    catalog(language)
        .format(id, args)
        .or_else(|| catalog(Language::English).format(id, args))
        .unwrap_or_else(|| id.to_owned())
}

/// Whether the catalog of `language` has the message `id`.
pub fn has_message(language: Language, id: &str) -> bool {
    catalog(language).bundle.has_message(id)
}

/// Every message id in the English catalog, in file order.
pub static MESSAGE_IDS_EN: LazyLock<Vec<String>> = LazyLock::new(|| catalog(Language::English).ids.clone());
/// Every message id in the Korean catalog, in file order.
pub static MESSAGE_IDS_KO: LazyLock<Vec<String>> = LazyLock::new(|| catalog(Language::Korean).ids.clone());

/// Syntax errors in either catalog; empty when both are sound.
pub fn catalog_problems() -> Vec<String> {
    CATALOGS.iter().flat_map(|c| c.problems.iter().cloned()).collect()
}
