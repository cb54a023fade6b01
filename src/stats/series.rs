//! Figures per period: people forcibly repatriated (low, best, high, by category), incidents,
//! rallies and attendance, and the records behind each figure.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use jiff::civil::Date;

use super::Period;
use crate::model::{CountEstimate, Dataset, Id, Incident, IncidentKind, Rally, Reliability, SourcedEstimate};

/// The segment for what parents report beyond their legs ("at least 95" where the legs found add
/// up to 75).
pub const BEYOND_LEGS: &str = "reported beyond its legs";

/// Which of an incident's competing estimates to count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Pick {
    /// The one the researcher marked preferred.
    #[default]
    Preferred,
    /// The lowest.
    Lowest,
    /// The highest (an open-ended one counts as highest).
    Highest,
}

/// How the bars of people repatriated are split into coloured segments.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ColourBy {
    /// By the province (or place) people were sent to.
    #[default]
    Destination,
    /// By the incident's status.
    Status,
    /// By the reliability of the preferred estimate's source.
    Reliability,
}

/// How a chart is computed: the period, the estimate picked, the colouring.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SeriesOptions {
    /// The period to group by.
    pub period: Period,
    /// Which estimate of each incident to count.
    pub pick: Pick,
    /// How the people bars are split.
    pub colour: ColourBy,
    /// Whether a record whose dates span several periods is kept out of the bars and shown as
    /// one span instead of being shared out by days.
    pub mark_imprecise: bool,
}

/// A figure with its range: lowest, preferred and highest; `high` is `None` when open-ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    /// The lowest the sources allow.
    pub low: f64,
    /// The figure charted.
    pub best: f64,
    /// The highest the sources allow; `None` when open-ended ("at least").
    pub high: Option<f64>,
}

impl Default for Figure {
    fn default() -> Self {
        Self { low: 0.0, best: 0.0, high: Some(0.0) }
    }
}

impl Figure {
    fn of(count: &CountEstimate) -> Option<Self> {
        Self::of_count(count)
    }

    /// The figure an estimate gives: its floor, central value and ceiling.
    pub fn of_count(count: &CountEstimate) -> Option<Self> {
        Some(Self { low: count.floor()?, best: count.central()?, high: count.ceiling() })
    }

    /// Adds another figure whole.
    pub fn add_whole(&mut self, other: Figure) {
        self.add(other, 1.0);
    }

    fn add(&mut self, other: Figure, share: f64) {
        self.low += other.low * share;
        self.best += other.best * share;
        self.high = self.high.zip(other.high).map(|(sum, high)| sum + high * share);
    }
}

/// How many of a period's records are kept for its tooltip; the rest are counted.
pub const RECORDS_KEPT: usize = 12;

/// One record's part in a period's figure, for hovering and for the records behind a bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    /// The record.
    pub id: Id,
    /// Its title.
    pub title: String,
    /// The figure's words as reported.
    pub words: String,
    /// The part of its preferred figure counted in this period.
    pub best: f64,
    /// Whether the record's dates span more than this period.
    pub spread: bool,
    /// Whether the figure is what a parent reports beyond its legs.
    pub beyond_legs: bool,
}

/// The figures of one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Bucket {
    /// The first day of the period.
    pub start: Date,
    /// People forcibly repatriated.
    pub people: Figure,
    /// People forcibly repatriated (best figures) by category, for coloured segments.
    pub segments: BTreeMap<String, f64>,
    /// Incidents of every kind whose dates touch the period (legs instead of their parent).
    pub incidents: usize,
    /// Rallies whose dates touch the period.
    pub rallies: usize,
    /// Attendance at those rallies (best figures, spread by days).
    pub attendance: f64,
    /// The first [`RECORDS_KEPT`] repatriations counted in the period.
    pub repatriations: Vec<Contribution>,
    /// How many repatriations are counted in the period.
    pub repatriation_count: usize,
    /// The first [`RECORDS_KEPT`] rallies counted in the period (`rallies` says how many).
    pub rally_records: Vec<Contribution>,
    /// With `mark_imprecise`: the repatriations whose dates start in this period and span
    /// several, kept out of the bars.
    pub spanning: Vec<Spanning>,
}

/// A repatriation whose dates span several periods, shown as one span rather than shared out.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanning {
    /// The record.
    pub id: Id,
    /// Its title.
    pub title: String,
    /// The figure's words as reported.
    pub words: String,
    /// The whole figure.
    pub people: Figure,
    /// The first day of the last period it spans.
    pub last_period: Date,
}

impl Bucket {
    fn new(start: Date) -> Self {
        Self {
            start,
            people: Figure::default(),
            segments: BTreeMap::new(),
            incidents: 0,
            rallies: 0,
            attendance: 0.0,
            repatriations: Vec::new(),
            repatriation_count: 0,
            rally_records: Vec::new(),
            spanning: Vec::new(),
        }
    }
}

/// The estimate of a list to count, as `pick` says.
pub fn picked(estimates: &[SourcedEstimate], pick: Pick) -> Option<&SourcedEstimate> {
    let known = || estimates.iter().filter(|e| e.count.is_known());
    match pick {
        Pick::Preferred => crate::model::preferred_estimate(estimates),
        Pick::Lowest => known().min_by(|a, b| {
            a.count.floor().partial_cmp(&b.count.floor()).unwrap_or(std::cmp::Ordering::Equal)
        }),
        Pick::Highest => known().max_by(|a, b| {
            let top = |e: &SourcedEstimate| e.count.ceiling().unwrap_or(f64::INFINITY);
            top(a).partial_cmp(&top(b)).unwrap_or(std::cmp::Ordering::Equal)
        }),
    }
}

/// The figures per period, from the first to the last period with data, empty ones included.
///
/// `keep_incident` and `keep_rally` say which records count (the filters). The rules are those
/// of the module: legs instead of their parent, what a parent reports beyond its legs over its
/// dates, records spread over periods by days, undated records left out.
pub fn series(
    dataset: &Dataset,
    options: SeriesOptions,
    keep_incident: &dyn Fn(&Incident) -> bool,
    keep_rally: &dyn Fn(&Rally) -> bool,
) -> Vec<Bucket> {
    fill_gaps(period_figures(dataset, options, keep_incident, keep_rally), options.period)
}

/// The figures of every period with data, by the period's first day (no empty periods between).
pub(crate) fn period_figures(
    dataset: &Dataset,
    options: SeriesOptions,
    keep_incident: &dyn Fn(&Incident) -> bool,
    keep_rally: &dyn Fn(&Rally) -> bool,
) -> BTreeMap<Date, Bucket> {
    let mut buckets: BTreeMap<Date, Bucket> = BTreeMap::new();
    let legs = legs_by_parent(dataset);
    let every_period = Wanted::every();
    for incident in dataset.incidents.iter().filter(|i| keep_incident(i)) {
        let legs = legs.get(&incident.id).map_or(&[][..], Vec::as_slice);
        add_incident(&mut buckets, dataset, options, incident, legs, &every_period);
    }
    for rally in dataset.rallies.iter().filter(|r| keep_rally(r)) {
        add_rally(&mut buckets, options.period, rally, &every_period);
    }
    buckets
}

/// The periods a record's part is added to: every one, or only those an edit touched.
pub(crate) struct Wanted<'a> {
    periods: Option<&'a std::collections::BTreeSet<Date>>,
    /// The first and last day of the periods wanted, to skip the others quickly.
    window: (Date, Date),
}

impl<'a> Wanted<'a> {
    /// Every period.
    pub(crate) fn every() -> Self {
        Self { periods: None, window: (Date::MIN, Date::MAX) }
    }

    /// Only these periods (by their first days).
    pub(crate) fn only(periods: &'a std::collections::BTreeSet<Date>, period: Period) -> Self {
        let first = periods.first().copied().unwrap_or(Date::MAX);
        let last = periods.last().map_or(Date::MIN, |&start| period.end_of(start));
        Self { periods: Some(periods), window: (first, last) }
    }

    fn contains(&self, start: Date) -> bool {
        self.periods.is_none_or(|periods| periods.contains(&start))
    }

    /// Visits the periods of `range` that are wanted, with the days of the range in each. The
    /// range is cut to the window first: the days in each period wanted stay the same.
    fn for_each(&self, period: Period, range: (Date, Date), mut visit: impl FnMut(Date, i64)) {
        let cut = (range.0.max(self.window.0), range.1.min(self.window.1));
        if cut.0 > cut.1 {
            return;
        }
        period.for_each(cut, |start, days| {
            if self.contains(start) {
                visit(start, days);
            }
        });
    }
}

/// What an incident adds to the periods its dates touch, worked out from the dataset once.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct IncidentPart<'a> {
    range: (Date, Date),
    /// Whether it is counted among the incidents (a parent with legs is counted through them).
    counted: bool,
    /// The people it adds, for a forced repatriation with a figure.
    people: Option<People<'a>>,
}

/// The people a repatriation adds: its figure, the segment they are coloured in, and whether
/// they are what a parent reports beyond its legs.
#[derive(Clone, Debug, PartialEq)]
struct People<'a> {
    figure: Figure,
    category: Cow<'a, str>,
    beyond_legs: bool,
}

impl IncidentPart<'_> {
    /// The first and last day of the incident.
    pub(crate) fn range(&self) -> (Date, Date) {
        self.range
    }

    /// Whether it adds people to the figures (a forced repatriation with a figure).
    pub(crate) fn adds_people(&self) -> bool {
        self.people.is_some()
    }

    /// The part, holding nothing borrowed from the dataset.
    pub(crate) fn into_owned(self) -> IncidentPart<'static> {
        let people = self.people.map(|people| People {
            figure: people.figure,
            category: Cow::Owned(people.category.into_owned()),
            beyond_legs: people.beyond_legs,
        });
        IncidentPart { range: self.range, counted: self.counted, people }
    }
}

/// What a dated incident adds to the periods its dates touch; `None` for an undated one.
pub(crate) fn incident_part<'a>(
    dataset: &'a Dataset,
    options: SeriesOptions,
    incident: &Incident,
    legs: &[&Incident],
) -> Option<IncidentPart<'a>> {
    let range = incident.date.range()?;
    let people = if incident.kind == IncidentKind::ForcedRepatriation {
        let chosen = picked(&incident.estimates, options.pick);
        let figure = if legs.is_empty() {
            chosen.and_then(|e| Figure::of(&e.count))
        } else {
            beyond_legs(incident, legs, options.pick)
        };
        // What a parent reports beyond its legs is a segment of its own, apart from the legs'.
        figure.map(|figure| People {
            figure,
            category: if legs.is_empty() {
                category(dataset, incident, chosen, options.colour)
            } else {
                Cow::Borrowed(BEYOND_LEGS)
            },
            beyond_legs: !legs.is_empty(),
        })
    } else {
        None
    };
    Some(IncidentPart { range, counted: legs.is_empty(), people })
}

/// An incident's title and the words of the figure counted, for the records behind a bar.
pub(crate) fn described(incident: &Incident, pick: Pick) -> (String, String) {
    let words = picked(&incident.estimates, pick).map(|e| e.count.as_reported.clone()).unwrap_or_default();
    (incident.title.clone(), words)
}

/// Adds an incident's part to the periods `wanted` lets through (all of them for a whole chart,
/// the ones an edit touched when the figures are brought up to date).
pub(crate) fn add_incident(
    buckets: &mut BTreeMap<Date, Bucket>,
    dataset: &Dataset,
    options: SeriesOptions,
    incident: &Incident,
    legs: &[&Incident],
    wanted: &Wanted<'_>,
) {
    if let Some(part) = incident_part(dataset, options, incident, legs) {
        let describe = || described(incident, options.pick);
        add_incident_part(buckets, options, &incident.id, &part, &describe, wanted);
    }
}

/// Adds what an incident adds ([`incident_part`]) to the periods `wanted` lets through;
/// `describe` gives its title and words when a period keeps them.
pub(crate) fn add_incident_part(
    buckets: &mut BTreeMap<Date, Bucket>,
    options: SeriesOptions,
    id: &Id,
    part: &IncidentPart<'_>,
    describe: &dyn Fn() -> (String, String),
    wanted: &Wanted<'_>,
) {
    let (range, period) = (part.range, options.period);
    let for_each = |visit: &mut dyn FnMut(Date, i64)| wanted.for_each(period, range, visit);
    if part.counted {
        for_each(&mut |start, _| {
            buckets.entry(start).or_insert_with(|| Bucket::new(start)).incidents += 1;
        });
    }
    let Some(people) = &part.people else { return };
    let figure = people.figure;
    let total_days = (crate::model::days_between(range.0, range.1) + 1) as f64;
    let spread = period.start_of(range.0) != period.start_of(range.1);
    if spread && options.mark_imprecise {
        for_each(&mut |start, _| {
            buckets.entry(start).or_insert_with(|| Bucket::new(start));
        });
        let first = period.start_of(range.0);
        if wanted.contains(first) {
            let (title, words) = describe();
            let last_period = period.start_of(range.1);
            let spanning = Spanning { id: id.clone(), title, words, people: figure, last_period };
            buckets.entry(first).or_insert_with(|| Bucket::new(first)).spanning.push(spanning);
        }
        return;
    }
    for_each(&mut |start, days| {
        let share = days as f64 / total_days;
        let bucket = buckets.entry(start).or_insert_with(|| Bucket::new(start));
        bucket.people.add(figure, share);
        match bucket.segments.get_mut(people.category.as_ref()) {
            Some(sum) => *sum += figure.best * share,
            None => {
                bucket.segments.insert(people.category.clone().into_owned(), figure.best * share);
            }
        }
        bucket.repatriation_count += 1;
        if bucket.repatriations.len() < RECORDS_KEPT {
            let (title, words) = describe();
            bucket.repatriations.push(Contribution {
                id: id.clone(),
                title,
                words,
                best: figure.best * share,
                spread,
                beyond_legs: people.beyond_legs,
            });
        }
    });
}

/// What a rally adds to the periods its dates touch: its dates and its attendance.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RallyPart {
    range: (Date, Date),
    best: Option<f64>,
}

impl RallyPart {
    /// The first and last day of the rally.
    pub(crate) fn range(&self) -> (Date, Date) {
        self.range
    }
}

/// What a dated rally adds; `None` for an undated one.
pub(crate) fn rally_part(rally: &Rally) -> Option<RallyPart> {
    let range = rally.date.range()?;
    Some(RallyPart { range, best: rally.preferred_attendance().and_then(|e| e.count.central()) })
}

/// A rally's title and the words of its attendance, for the records behind a bar.
pub(crate) fn rally_described(rally: &Rally) -> (String, String) {
    let words = rally.preferred_attendance().map(|e| e.count.as_reported.clone()).unwrap_or_default();
    (rally.title.clone(), words)
}

/// Adds a rally's part to the periods `wanted` lets through.
pub(crate) fn add_rally(
    buckets: &mut BTreeMap<Date, Bucket>,
    period: Period,
    rally: &Rally,
    wanted: &Wanted<'_>,
) {
    if let Some(part) = rally_part(rally) {
        add_rally_part(buckets, period, &rally.id, &part, &|| rally_described(rally), wanted);
    }
}

/// Adds what a rally adds ([`rally_part`]) to the periods `wanted` lets through.
pub(crate) fn add_rally_part(
    buckets: &mut BTreeMap<Date, Bucket>,
    period: Period,
    id: &Id,
    part: &RallyPart,
    describe: &dyn Fn() -> (String, String),
    wanted: &Wanted<'_>,
) {
    let range = part.range;
    let best = part.best.unwrap_or(0.0);
    let total_days = (crate::model::days_between(range.0, range.1) + 1) as f64;
    let spread = period.start_of(range.0) != period.start_of(range.1);
    wanted.for_each(period, range, |start, days| {
        let share = days as f64 / total_days;
        let bucket = buckets.entry(start).or_insert_with(|| Bucket::new(start));
        bucket.rallies += 1;
        bucket.attendance += best * share;
        if bucket.rally_records.len() < RECORDS_KEPT {
            let (title, words) = describe();
            bucket.rally_records.push(Contribution {
                id: id.clone(),
                title,
                words,
                best: best * share,
                spread,
                beyond_legs: false,
            });
        }
    });
}

/// The category an incident's people are coloured by.
fn category<'a>(
    dataset: &'a Dataset,
    incident: &Incident,
    chosen: Option<&SourcedEstimate>,
    colour: ColourBy,
) -> Cow<'a, str> {
    match colour {
        ColourBy::Destination => incident
            .to_place
            .as_ref()
            .and_then(|id| dataset.place(id))
            .map_or(Cow::Borrowed("destination unknown"), |place| {
                Cow::Borrowed(if place.province.is_empty() { &place.name } else { &place.province })
            }),
        ColourBy::Status => Cow::Borrowed(incident.status.name()),
        ColourBy::Reliability => {
            let source = chosen.and_then(|e| e.source.as_ref()).or(incident.sources.first());
            let grade =
                source.and_then(|id| dataset.source(id)).map_or(Reliability::Unknown, |s| s.reliability);
            Cow::Owned(format!("source {}", grade.name()))
        }
    }
}

/// The legs of every parent incident, found in one pass.
pub(crate) fn legs_by_parent(dataset: &Dataset) -> FxHashMap<&Id, Vec<&Incident>> {
    let mut legs: FxHashMap<&Id, Vec<&Incident>> = FxHashMap::default();
    for incident in &dataset.incidents {
        if let Some(parent) = &incident.parent {
            legs.entry(parent).or_default().push(incident);
        }
    }
    legs
}

/// What a parent reports beyond its legs: its figures minus theirs, never below zero. The
/// remainder's high end is the parent's high minus the legs' lows, or open when the parent's is.
pub(crate) fn beyond_legs(parent: &Incident, legs: &[&Incident], pick: Pick) -> Option<Figure> {
    let total = picked(&parent.estimates, pick).and_then(|e| Figure::of(&e.count))?;
    let counted: Vec<Figure> = legs
        .iter()
        .filter(|leg| leg.kind == IncidentKind::ForcedRepatriation)
        .filter_map(|leg| picked(&leg.estimates, pick).and_then(|e| Figure::of(&e.count)))
        .collect();
    let legs_low: f64 = counted.iter().map(|f| f.low).sum();
    let legs_best: f64 = counted.iter().map(|f| f.best).sum();
    let remainder = Figure {
        low: (total.low - legs_low).max(0.0),
        best: (total.best - legs_best).max(0.0),
        high: total.high.map(|high| (high - legs_low).max(0.0)),
    };
    let adds_anything = remainder.best > 0.0 || remainder.low > 0.0 || remainder.high.is_none();
    adds_anything.then_some(remainder)
}

/// Every period from the first to the last, empty ones included, so a chart's axis is even.
pub(crate) fn fill_gaps(buckets: BTreeMap<Date, Bucket>, period: Period) -> Vec<Bucket> {
    let (Some(&first), Some(&last)) = (buckets.keys().next(), buckets.keys().next_back()) else {
        return Vec::new();
    };
    let mut filled = Vec::new();
    let mut buckets = buckets;
    let mut start = first;
    while start <= last {
        filled.push(buckets.remove(&start).unwrap_or_else(|| Bucket::new(start)));
        match period.next(start) {
            Some(next) => start = next,
            None => break,
        }
    }
    filled
}
