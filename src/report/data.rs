//! What a report says, gathered from the shared copy of a dataset and put in words in the
//! report's language: the title page, the summary figures (those `stats` and the charts give),
//! how they were counted, the records in date order with their sources numbered, and what was
//! left out. The layout (`assets/report/report.typ`) reads it as JSON.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::ReportRequest;
use crate::exchange::ShareAccount;
use crate::i18n::{choice, date_spec, day, number};
use crate::model::{Dataset, Id, Incident, Rally, SourcedEstimate, preferred_estimate};
use crate::query::Filters;
use crate::query::columns::TableRecord;
use crate::stats::{Bucket, LeftOut};
use crate::t;
use crate::ui::charts::follow::keepers;

/// The report's words, as the layout reads them.
#[derive(Debug, Serialize)]
pub struct ReportData {
    /// `en` or `ko`, for the layout's line breaking.
    pub lang: &'static str,
    /// The headings and labels.
    pub labels: HashMap<&'static str, String>,
    /// The report's title.
    pub title: String,
    /// The organization that made it.
    pub organization: String,
    /// The period it covers, in words.
    pub period: String,
    /// The day it was made.
    pub made: String,
    /// The filters applied, one phrase each.
    pub filters: Vec<String>,
    /// What was left out as confidential, one phrase each.
    pub left_out: Vec<String>,
    /// A line on how the report was made.
    pub about: String,
    /// The summary figures: label and value.
    pub summary: Vec<Row>,
    /// How the figures were counted.
    pub counting: Vec<String>,
    /// The charts: file name (in the report's world) and caption.
    pub charts: Vec<ChartEntry>,
    /// The incidents, in date order.
    pub incidents: Vec<Entry>,
    /// The rallies, in date order.
    pub rallies: Vec<Entry>,
    /// The sources, numbered in the order the records cite them.
    pub sources: Vec<SourceEntry>,
}

/// A label and its value.
#[derive(Debug, Serialize)]
pub struct Row {
    /// What the value is.
    pub label: String,
    /// The value, in words or figures.
    pub value: String,
}

/// A chart in the report.
#[derive(Debug, Serialize)]
pub struct ChartEntry {
    /// Its SVG file's name.
    pub file: String,
    /// Its caption.
    pub caption: String,
}

/// An incident or rally.
#[derive(Debug, Serialize)]
pub struct Entry {
    /// Its number in the report (1, 2, …).
    pub number: usize,
    /// Its title.
    pub title: String,
    /// The numbers of the sources that report it.
    pub sources: Vec<usize>,
    /// Its fields: dates, figures, places, status…
    pub fields: Vec<Row>,
}

/// A numbered source.
#[derive(Debug, Serialize)]
pub struct SourceEntry {
    /// Its number, as the records cite it.
    pub number: usize,
    /// Outlet, title, date and reliability in one line.
    pub text: String,
    /// Its address (empty when none, or withheld).
    pub url: String,
    /// Whether the address is a web address to link.
    pub linked: bool,
}

/// The records a report holds: the shared copy's records the filters keep.
pub struct Selected<'a> {
    /// The shared copy.
    pub dataset: &'a Dataset,
    /// The incidents kept, in date order.
    pub incidents: Vec<&'a Incident>,
    /// The rallies kept, in date order.
    pub rallies: Vec<&'a Rally>,
}

impl<'a> Selected<'a> {
    /// The records of `dataset` that `filters` keep, in date order (undated ones last).
    pub fn new(dataset: &'a Dataset, filters: &Filters) -> Self {
        let (keep_incident, keep_rally) = keepers(filters);
        let mut incidents: Vec<&Incident> = dataset.incidents.iter().filter(|i| keep_incident(i)).collect();
        let mut rallies: Vec<&Rally> = dataset.rallies.iter().filter(|r| keep_rally(r)).collect();
        // Undated records last; records of one day by title.
        let order = |dates: Option<(jiff::civil::Date, jiff::civil::Date)>| (dates.is_none(), dates);
        incidents.sort_by(|a, b| (order(a.date_range()), &a.title).cmp(&(order(b.date_range()), &b.title)));
        rallies.sort_by(|a, b| (order(a.date_range()), &a.title).cmp(&(order(b.date_range()), &b.title)));
        Self { dataset, incidents, rallies }
    }
}

/// The summary totals: the monthly figures the charts and `stats` give, added up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Totals {
    /// People sent back, lowest figures.
    pub low: f64,
    /// Preferred figures.
    pub best: f64,
    /// Highest figures; `None` when any is open-ended.
    pub high: Option<f64>,
}

/// The totals of the months' figures over the records the filters keep.
pub fn totals(buckets: &[Bucket]) -> Totals {
    let low = buckets.iter().map(|b| b.people.low).sum();
    let best = buckets.iter().map(|b| b.people.best).sum();
    let high = buckets.iter().map(|b| b.people.high).sum::<Option<f64>>();
    Totals { low, best, high }
}

/// Gathers what the report says. `charts` are the charts drawn, with their captions.
pub fn gather(
    request: &ReportRequest,
    selected: &Selected<'_>,
    (totals, left_out): (Totals, LeftOut),
    account: &ShareAccount,
    charts: Vec<ChartEntry>,
) -> ReportData {
    let mut sources = Numbering::default();
    let incidents = selected
        .incidents
        .iter()
        .enumerate()
        .map(|(index, incident)| incident_entry(index + 1, incident, selected.dataset, &mut sources))
        .collect();
    let rallies = selected
        .rallies
        .iter()
        .enumerate()
        .map(|(index, rally)| rally_entry(index + 1, rally, selected.dataset, &mut sources))
        .collect();
    ReportData {
        lang: if request.language == crate::i18n::Language::Korean { "ko" } else { "en" },
        labels: labels(),
        title: request.title.clone(),
        organization: request.organization.clone(),
        period: period_words(&request.filters, selected),
        made: day(request.made),
        filters: filter_words(&request.filters, selected.dataset),
        left_out: crate::ui::share_dialog::account_lines(account),
        about: t!("report-about"),
        summary: summary(totals, selected),
        counting: counting(left_out),
        charts,
        incidents,
        rallies,
        sources: sources.entries(selected.dataset),
    }
}

fn labels() -> HashMap<&'static str, String> {
    [
        ("period", t!("report-period")),
        ("made", t!("report-made")),
        ("filters", t!("report-filters")),
        ("left_out", t!("report-left-out")),
        ("summary", t!("report-summary")),
        ("counting", t!("report-counting")),
        ("charts", t!("report-charts")),
        ("incidents", t!("report-incidents")),
        ("rallies", t!("report-rallies")),
        ("sources", t!("report-sources")),
        ("none_in_period", t!("report-none-in-period")),
        ("no_sources", t!("report-no-sources")),
    ]
    .into_iter()
    .collect()
}

fn period_words(filters: &Filters, selected: &Selected<'_>) -> String {
    let dates = selected.incidents.iter().filter_map(|i| i.date_range());
    let dates = dates.chain(selected.rallies.iter().filter_map(|r| r.date_range()));
    let (first, last) = dates.fold((None, None), |(first, last): (Option<_>, Option<_>), (a, b)| {
        (
            Some(first.map_or(a, |f: jiff::civil::Date| f.min(a))),
            Some(last.map_or(b, |l: jiff::civil::Date| l.max(b))),
        )
    });
    match (filters.from.or(first), filters.to.or(last)) {
        (Some(from), Some(to)) => crate::i18n::days(from, to),
        _ => t!("report-period-none"),
    }
}

/// The records `filters` keep, a phrase per filter ("every record of the dataset" for none).
pub fn filter_words(filters: &Filters, dataset: &Dataset) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    if filters.from.is_some() || filters.to.is_some() {
        let from = filters.from.map(day).unwrap_or_default();
        let to = filters.to.map(day).unwrap_or_default();
        words.push(t!("report-filter-dates", from = from, to = to));
    }
    if let Some(status) = filters.status {
        words.push(t!("report-filter-status", status = choice(status)));
    }
    if let Some(place) = &filters.place {
        words.push(t!("report-filter-place", place = crate::query::names::place_by_id(dataset, place)));
    }
    if let Some(organization) = &filters.organization {
        let name = crate::query::names::organization_by_id(dataset, organization);
        words.push(t!("report-filter-organization", organization = name));
    }
    if words.is_empty() {
        words.push(t!("report-filter-none"));
    }
    words
}

fn summary(totals: Totals, selected: &Selected<'_>) -> Vec<Row> {
    let high = match totals.high {
        Some(high) => number(high),
        None => t!("report-open-ended", low = number(totals.low)),
    };
    vec![
        Row { label: t!("report-people-lowest"), value: number(totals.low) },
        Row { label: t!("report-people-preferred"), value: number(totals.best) },
        Row { label: t!("report-people-highest"), value: high },
        Row { label: t!("report-incident-count"), value: number(selected.incidents.len() as f64) },
        Row { label: t!("report-rally-count"), value: number(selected.rallies.len() as f64) },
    ]
}

fn counting(left_out: LeftOut) -> Vec<String> {
    let mut lines = vec![
        t!("report-counting-people"),
        t!("report-counting-legs"),
        t!("report-counting-spread"),
        t!("report-counting-open"),
    ];
    if left_out.repatriations > 0 {
        lines.push(t!("chart-left-out-repatriations", count = left_out.repatriations));
    }
    if left_out.rallies > 0 {
        lines.push(t!("chart-left-out-rallies", count = left_out.rallies));
    }
    lines
}

fn incident_entry(number: usize, incident: &Incident, dataset: &Dataset, sources: &mut Numbering) -> Entry {
    let mut fields = vec![
        Row { label: t!("report-field-kind"), value: choice(incident.kind) },
        Row { label: t!("report-field-date"), value: date_words(&incident.date) },
    ];
    fields.extend(estimate_rows(&t!("report-field-people"), &incident.estimates, dataset, sources));
    let place = |id: Option<&Id>| id.map(|id| place_words(dataset, id));
    let (from, to) = (place(incident.from_place.as_ref()), place(incident.to_place.as_ref()));
    if from.is_some() || to.is_some() {
        let value =
            format!("{} → {}", from.unwrap_or_else(|| "?".to_owned()), to.unwrap_or_else(|| "?".to_owned()));
        fields.push(Row { label: t!("report-field-places"), value });
    }
    fields.push(Row { label: t!("report-field-status"), value: choice(incident.status) });
    if let Some(parent) =
        incident.parent.as_ref().and_then(|id| dataset.incidents.iter().find(|i| &i.id == id))
    {
        fields.push(Row { label: t!("report-field-part-of"), value: parent.title.clone() });
    }
    if !incident.context.trim().is_empty() {
        fields.push(Row { label: t!("report-field-context"), value: incident.context.clone() });
    }
    let cited = incident.sources.iter().chain(incident.estimates.iter().filter_map(|e| e.source.as_ref()));
    Entry { number, title: incident.title.clone(), sources: sources.cite_all(cited, dataset), fields }
}

fn rally_entry(number: usize, rally: &Rally, dataset: &Dataset, sources: &mut Numbering) -> Entry {
    let mut fields = vec![Row { label: t!("report-field-date"), value: date_words(&rally.date) }];
    if let Some(place) = &rally.place {
        fields.push(Row { label: t!("report-field-place"), value: place_words(dataset, place) });
    }
    fields.extend(estimate_rows(&t!("report-field-attendance"), &rally.attendance, dataset, sources));
    if !rally.organizers.is_empty() {
        let names: Vec<String> =
            rally.organizers.iter().map(|id| crate::query::names::organization_by_id(dataset, id)).collect();
        fields.push(Row { label: t!("report-field-organizers"), value: names.join(", ") });
    }
    if !rally.demands.is_empty() {
        fields.push(Row { label: t!("report-field-demands"), value: rally.demands.join("; ") });
    }
    let cited = rally.sources.iter().chain(rally.attendance.iter().filter_map(|e| e.source.as_ref()));
    Entry { number, title: rally.title.clone(), sources: sources.cite_all(cited, dataset), fields }
}

/// A date's days, then the words as reported: "Nov 21–30, 2023 (“at the end of November”)".
fn date_words(date: &crate::model::DateSpec) -> String {
    let reported = date.as_reported.trim();
    match (date.is_unknown(), reported.is_empty()) {
        (_, true) => date_spec(date),
        (true, false) => t!("report-not-understood", words = reported),
        (false, false) => format!("{} (“{reported}”)", date_spec(date)),
    }
}

/// Every estimate of a figure, the preferred first, each with its words and its source's
/// number: a figure the sources disagree on is shown as each gave it.
fn estimate_rows(
    label: &str,
    estimates: &[SourcedEstimate],
    dataset: &Dataset,
    sources: &mut Numbering,
) -> Vec<Row> {
    let preferred = preferred_estimate(estimates);
    let mut ordered: Vec<&SourcedEstimate> = preferred.into_iter().collect();
    ordered.extend(estimates.iter().filter(|e| !preferred.is_some_and(|p| std::ptr::eq(*e, p))));
    ordered
        .into_iter()
        .enumerate()
        .map(|(index, estimate)| {
            let mut value = estimate.count.display();
            if let Some(number) = estimate.source.as_ref().and_then(|id| sources.cite(id, dataset)) {
                let _ = write!(value, " [{number}]");
            }
            let label = if index == 0 { label.to_owned() } else { t!("report-field-also") };
            Row { label, value }
        })
        .collect()
}

/// A place's name in the report's language, its other names after it (the Chinese one too).
fn place_words(dataset: &Dataset, id: &Id) -> String {
    let Some(place) = dataset.place(id) else { return id.to_string() };
    let shown = crate::query::names::place(place);
    let others: Vec<&str> = [place.name.as_str(), place.name_ko.as_str(), place.name_zh.as_str()]
        .into_iter()
        .filter(|name| !name.trim().is_empty() && *name != shown)
        .collect();
    if others.is_empty() { shown.to_owned() } else { format!("{shown} ({})", others.join(", ")) }
}

/// The sources in the order the records first cite them.
#[derive(Default)]
struct Numbering {
    order: Vec<Id>,
    numbers: HashMap<Id, usize>,
}

impl Numbering {
    /// The number of a source of the dataset, given on its first citation.
    fn cite(&mut self, id: &Id, dataset: &Dataset) -> Option<usize> {
        if let Some(number) = self.numbers.get(id) {
            return Some(*number);
        }
        dataset.source(id)?;
        self.order.push(id.clone());
        let number = self.order.len();
        self.numbers.insert(id.clone(), number);
        Some(number)
    }

    /// The numbers of the sources among `ids` (once each, in order).
    fn cite_all<'a>(&mut self, ids: impl Iterator<Item = &'a Id>, dataset: &Dataset) -> Vec<usize> {
        let mut numbers: Vec<usize> = ids.filter_map(|id| self.cite(id, dataset)).collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers
    }

    fn entries(&self, dataset: &Dataset) -> Vec<SourceEntry> {
        self.order
            .iter()
            .enumerate()
            .filter_map(|(index, id)| dataset.source(id).map(|source| (index + 1, source)))
            .map(|(number, source)| {
                let mut parts: Vec<String> = Vec::new();
                if !source.outlet.trim().is_empty() {
                    parts.push(source.outlet.clone());
                }
                if !source.title.trim().is_empty() {
                    parts.push(format!("“{}”", source.title));
                }
                let reported = source.published.as_reported.trim();
                if !source.published.is_unknown() {
                    parts.push(date_spec(&source.published));
                } else if !reported.is_empty() {
                    parts.push(format!("“{reported}”"));
                }
                parts.push(t!("report-reliability", reliability = choice(source.reliability)));
                let url = source.url.trim().to_owned();
                let linked = url.starts_with("https://") || url.starts_with("http://");
                SourceEntry { number, text: parts.join(", "), url, linked }
            })
            .collect()
    }
}
