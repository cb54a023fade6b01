//! What the `chart` and `report` commands share: the records they take (the filters the
//! window's charts and tables have) and the language they speak.

use std::path::Path;

use clap::{Args, ValueEnum};
use jiff::civil::Date;

use crate::i18n::Language;
use crate::model::{Dataset, IncidentStatus};
use crate::query::Filters;

/// The records a chart or report takes: the window's filters, from the command line.
#[derive(Debug, Clone, Default, Args)]
pub struct SelectionArgs {
    /// Leave out records whose dates end before this day (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<Date>,
    /// Leave out records whose dates start after this day (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<Date>,
    /// Only incidents of this status: reported, corroborated, confirmed, disputed.
    #[arg(long, value_name = "STATUS", value_parser = parse_status)]
    pub status: Option<IncidentStatus>,
    /// Only records that name this place (its name in the dataset, in either language).
    #[arg(long, value_name = "NAME")]
    pub place: Option<String>,
    /// Only records that name this organization (its name in the dataset, in either language).
    #[arg(long, value_name = "NAME")]
    pub organization: Option<String>,
    /// Leave out the records marked confidential, as a copy to share does.
    #[arg(long)]
    pub without_confidential: bool,
    /// The language of the words: en (English) or ko (한국어).
    #[arg(long, value_enum, default_value_t = LanguageArg::En)]
    pub lang: LanguageArg,
}

/// A language on the command line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    /// English.
    #[default]
    En,
    /// 한국어.
    Ko,
}

impl From<LanguageArg> for Language {
    fn from(language: LanguageArg) -> Self {
        match language {
            LanguageArg::En => Language::English,
            LanguageArg::Ko => Language::Korean,
        }
    }
}

fn parse_status(text: &str) -> Result<IncidentStatus, String> {
    IncidentStatus::from_name(&text.to_lowercase())
        .ok_or_else(|| format!("`{text}` is not a status: reported, corroborated, confirmed or disputed"))
}

impl SelectionArgs {
    /// The filters these arguments ask for, the place and organization found by name in
    /// `dataset`; or what cannot be found, said for `file`.
    pub fn filters(&self, dataset: &Dataset, file: &Path) -> Result<Filters, String> {
        if let (Some(from), Some(to)) = (self.from, self.to)
            && from > to
        {
            return Err(format!("--from {from} is after --to {to}: no day is in that period"));
        }
        let place = match &self.place {
            Some(name) => Some(
                dataset
                    .places
                    .iter()
                    .find(|place| [&place.name, &place.name_ko, &place.name_zh].contains(&name))
                    .map(|place| place.id.clone())
                    .ok_or_else(|| format!("{}: no place is named `{name}`", file.display()))?,
            ),
            None => None,
        };
        let organization = match &self.organization {
            Some(name) => Some(
                dataset
                    .organizations
                    .iter()
                    .find(|organization| [&organization.name, &organization.name_ko].contains(&name))
                    .map(|organization| organization.id.clone())
                    .ok_or_else(|| format!("{}: no organization is named `{name}`", file.display()))?,
            ),
            None => None,
        };
        Ok(Filters {
            from: self.from,
            to: self.to,
            status: self.status,
            place,
            organization,
            confidential: self.without_confidential.then_some(false),
            ..Filters::default()
        })
    }
}
