//! `report`: a dataset's report as PDF, without opening the window.

use std::path::PathBuf;

use clap::Args;

use super::selection::SelectionArgs;
use crate::report::{ReportProgress, ReportRequest, make_report};
use crate::store;

/// The `report` command's arguments.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// The dataset to report on.
    pub file: PathBuf,
    /// The records reported and the language.
    #[command(flatten)]
    pub selection: SelectionArgs,
    /// The report's title (by default "Forced repatriation of North Koreans from China", in
    /// the report's language).
    #[arg(long)]
    pub title: Option<String>,
    /// The organization that makes the report, for its title page.
    #[arg(long, value_name = "ORGANIZATION", default_value = "")]
    pub made_by: String,
    /// The PDF to write.
    #[arg(long, value_name = "OUT.pdf")]
    pub out: PathBuf,
}

/// Writes the report asked for; says what went wrong on standard error. Returns whether the
/// PDF was written.
pub fn report(args: &ReportArgs) -> bool {
    super::said(write_report(args))
}

fn write_report(args: &ReportArgs) -> Result<String, String> {
    let dataset = super::secrets::load(&args.file)?;
    let filters = args.selection.filters(&dataset, &args.file)?;
    let language = args.selection.lang.into();
    let title = args.title.clone().unwrap_or_else(|| crate::i18n::tr_in(language, "report-default-title"));
    let made = jiff::Zoned::now().date();
    let request = ReportRequest { title, organization: args.made_by.clone(), language, filters, made };
    let pdf = make_report(&dataset, &request, &ReportProgress::default())
        .map_err(|error| format!("{}: {error}", args.file.display()))?;
    super::leave_to_exit(dataset);
    store::export_document(&pdf, &args.out).map_err(|error| error.to_string())?;
    Ok(format!("wrote {} ({} KB)", args.out.display(), pdf.len().div_ceil(1024)))
}
