//! Validation: every problem in a dataset, each naming the record and the field.

use rustc_hash::{FxHashMap, FxHashSet};

use super::dataset::find_by_id;
use super::problem::{Problem, ProblemMessage};
use super::{
    CountEstimate, Dataset, DateSpec, Id, Incident, Organization, Place, Rally, Record, RecordKind, Source,
    SourcedEstimate,
};

/// Every problem in the dataset, in file order; empty when the dataset is sound.
///
/// A large dataset's incidents and rallies are checked on several threads at once, each a run
/// of the list; their problems are put back in file order.
pub fn validate(dataset: &Dataset) -> Vec<Problem> {
    validate_on(dataset, threads_for(dataset.incidents.len() + dataset.rallies.len()))
}

/// [`validate`] on this many threads at most.
fn validate_on(dataset: &Dataset, threads: usize) -> Vec<Problem> {
    let whole = Whole { ids: IdSets::of(dataset), links: Links::of(dataset) };
    let mut checker = whole.checker(dataset);
    checker.check_duplicates();
    for source in &dataset.sources {
        checker.check_source(source);
    }
    for place in &dataset.places {
        checker.check_place(place);
    }
    for organization in &dataset.organizations {
        checker.check_label(organization);
    }
    let mut problems = checker.problems;
    let incidents = in_parallel(&dataset.incidents, threads, |run| {
        let mut checker = whole.checker(dataset);
        for incident in run {
            checker.check_incident(incident);
        }
        checker.problems
    });
    let rallies = in_parallel(&dataset.rallies, threads, |run| {
        let mut checker = whole.checker(dataset);
        for rally in run {
            checker.check_rally(rally);
        }
        checker.problems
    });
    problems.extend(incidents.into_iter().chain(rallies).flatten());
    problems.extend(conflict_problems(dataset));
    problems
}

/// Records from which checking them is worth a thread of its own.
const RECORDS_PER_THREAD: usize = 20_000;

/// How many threads check this many records: one per core, at most, and one for a small dataset.
fn threads_for(records: usize) -> usize {
    let cores = super::parallel::cores();
    (records / RECORDS_PER_THREAD).clamp(1, cores.min(8))
}

/// `work` on each of `threads` runs of `records` (one after another), at once; the results in
/// the records' order.
fn in_parallel<R: Sync, T: Send>(records: &[R], threads: usize, work: impl Fn(&[R]) -> T + Sync) -> Vec<T> {
    let run = records.len().div_ceil(threads.max(1)).max(1);
    super::parallel::each_at_once(records.chunks(run).collect(), work)
}

/// What checking a whole dataset looks references up in: built once, shared by the threads.
struct Whole<'a> {
    ids: IdSets<'a>,
    links: Links<'a>,
}

impl<'a> Whole<'a> {
    fn checker<'w>(&'w self, dataset: &'a Dataset) -> Checker<'w>
    where
        'a: 'w,
    {
        Checker {
            dataset,
            ids: Ids::Sets(&self.ids),
            links: Some(&self.links),
            legs_floor: None,
            problems: Vec::new(),
        }
    }
}

/// The problems of one record of the dataset, checked against the rest as [`validate`] would
/// (without the checks of ids, empty or repeated, which need the whole list). The dataset's lists must be
/// sorted by id, as the app keeps them. Empty when there is no such record.
///
/// `legs_floor` is what the incident's legs add up to at the least, when the caller knows it
/// (else the legs are found by a scan of every incident).
pub(super) fn problems_of_record(
    dataset: &Dataset,
    kind: RecordKind,
    id: &Id,
    legs_floor: Option<f64>,
) -> Vec<Problem> {
    let mut checker = Checker { legs_floor, ..Checker::of_one(dataset) };
    match kind {
        RecordKind::Source => find_by_id(&dataset.sources, id).map(|r| checker.check_source(r)),
        RecordKind::Place => find_by_id(&dataset.places, id).map(|r| checker.check_place(r)),
        RecordKind::Organization => find_by_id(&dataset.organizations, id).map(|r| checker.check_label(r)),
        RecordKind::Incident => find_by_id(&dataset.incidents, id).map(|r| checker.check_incident(r)),
        RecordKind::Rally => find_by_id(&dataset.rallies, id).map(|r| checker.check_rally(r)),
    };
    checker.problems
}

/// A problem for every record a merge left undecided.
pub(super) fn conflict_problems(dataset: &Dataset) -> Vec<Problem> {
    let conflicts = &dataset.conflicts;
    let changed = conflicts.changed().map(|(kind, id)| (kind, id, ProblemMessage::MergeConflict));
    let deleted = conflicts.deleted.iter().map(|d| (d.kind, &d.id, ProblemMessage::DeletedInOtherCopy));
    changed
        .chain(deleted)
        .map(|(kind, id, message)| Problem { kind, id: id.clone(), field: "conflicts".to_owned(), message })
        .collect()
}

/// Validates one record as if it were in the dataset (a form's draft), without checking the
/// whole dataset. The dataset's lists must be sorted by id, as the app keeps them.
pub fn validate_incident(dataset: &Dataset, incident: &Incident) -> Vec<Problem> {
    validate_incident_with(dataset, incident, None)
}

/// [`validate_incident`], told what the incident's legs add up to at the least (by the problem
/// index) rather than finding its legs by a scan of every incident.
pub(super) fn validate_incident_with(
    dataset: &Dataset,
    incident: &Incident,
    legs_floor: Option<f64>,
) -> Vec<Problem> {
    let mut checker = Checker { legs_floor, ..Checker::of_one(dataset) };
    checker.check_incident(incident);
    checker.problems
}

/// Validates one rally as [`validate_incident`] does an incident.
pub fn validate_rally(dataset: &Dataset, rally: &Rally) -> Vec<Problem> {
    let mut checker = Checker::of_one(dataset);
    checker.check_rally(rally);
    checker.problems
}

/// Validates one source, place or organization: the checks that need no other record.
pub fn validate_other(
    source: Option<&Source>,
    place: Option<&Place>,
    organization: Option<&Organization>,
) -> Vec<Problem> {
    let empty = Dataset::default();
    let mut checker = Checker::of_one(&empty);
    if let Some(source) = source {
        checker.check_source(source);
    }
    if let Some(place) = place {
        checker.check_place(place);
    }
    if let Some(organization) = organization {
        checker.check_label(organization);
    }
    checker.problems
}

/// How references are looked up: sets built for a whole-dataset check, or binary search in
/// lists sorted by id for checking one record.
enum Ids<'a> {
    Sets(&'a IdSets<'a>),
    Sorted(&'a Dataset),
}

impl Ids<'_> {
    fn contains(&self, kind: RecordKind, id: &Id) -> bool {
        fn sorted_has<R: Record>(list: &[R], id: &Id) -> bool {
            find_by_id(list, id).is_some()
        }
        match self {
            Self::Sets(sets) => sets.contains(kind, id),
            Self::Sorted(dataset) => match kind {
                RecordKind::Incident => sorted_has(&dataset.incidents, id),
                RecordKind::Source => sorted_has(&dataset.sources, id),
                RecordKind::Place => sorted_has(&dataset.places, id),
                RecordKind::Organization => sorted_has(&dataset.organizations, id),
                RecordKind::Rally => true,
            },
        }
    }
}

/// The ids of each kind, for checking references.
struct IdSets<'a> {
    incidents: FxHashSet<&'a Id>,
    sources: FxHashSet<&'a Id>,
    places: FxHashSet<&'a Id>,
    organizations: FxHashSet<&'a Id>,
}

impl<'a> IdSets<'a> {
    fn of(dataset: &'a Dataset) -> Self {
        Self {
            incidents: dataset.incidents.iter().map(|r| &r.id).collect(),
            sources: dataset.sources.iter().map(|r| &r.id).collect(),
            places: dataset.places.iter().map(|r| &r.id).collect(),
            organizations: dataset.organizations.iter().map(|r| &r.id).collect(),
        }
    }

    fn contains(&self, kind: RecordKind, id: &Id) -> bool {
        match kind {
            RecordKind::Incident => self.incidents.contains(id),
            RecordKind::Source => self.sources.contains(id),
            RecordKind::Place => self.places.contains(id),
            RecordKind::Organization => self.organizations.contains(id),
            RecordKind::Rally => true,
        }
    }
}

/// Parents and legs of every incident, indexed once for checking a whole dataset (a scan per
/// incident would take quadratic time).
struct Links<'a> {
    parent_of: FxHashMap<&'a Id, &'a Id>,
    legs_floor: FxHashMap<&'a Id, f64>,
}

impl<'a> Links<'a> {
    fn of(dataset: &'a Dataset) -> Self {
        let mut parent_of = FxHashMap::default();
        let mut legs_floor: FxHashMap<&Id, f64> = FxHashMap::default();
        for leg in &dataset.incidents {
            if let Some(parent) = &leg.parent {
                parent_of.insert(&leg.id, parent);
                let floor = leg.preferred_estimate().and_then(|e| e.count.floor()).unwrap_or(0.0);
                *legs_floor.entry(parent).or_default() += floor;
            }
        }
        Self { parent_of, legs_floor }
    }
}

/// A field's name, written out only for a problem found in it (most fields have none).
#[derive(Clone, Copy)]
enum Field<'f> {
    /// A field by its name: `place`.
    Named(&'f str),
    /// An item of a list, and what follows: `estimates[2].count`.
    Item { list: &'f str, index: usize, rest: &'f str },
}

impl Field<'_> {
    fn written(self) -> String {
        match self {
            Self::Named(name) => name.to_owned(),
            Self::Item { list, index, rest } => format!("{list}[{index}]{rest}"),
        }
    }
}

struct Checker<'a> {
    dataset: &'a Dataset,
    ids: Ids<'a>,
    /// The index of parents and legs; `None` when checking one record, which scans instead.
    links: Option<&'a Links<'a>>,
    /// What the legs of the one incident checked add up to at the least, when known.
    legs_floor: Option<f64>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    /// A checker of one record at a time, with the dataset's lists sorted by id.
    fn of_one(dataset: &'a Dataset) -> Self {
        Self { dataset, ids: Ids::Sorted(dataset), links: None, legs_floor: None, problems: Vec::new() }
    }
}

impl Checker<'_> {
    fn report<R: Record>(&mut self, record: &R, field: impl Into<String>, message: ProblemMessage) {
        self.problems.push(Problem { kind: R::KIND, id: record.id().clone(), field: field.into(), message });
    }

    fn check_duplicates(&mut self) {
        let dataset = self.dataset;
        self.check_unique(&dataset.sources);
        self.check_unique(&dataset.places);
        self.check_unique(&dataset.organizations);
        self.check_unique(&dataset.incidents);
        self.check_unique(&dataset.rallies);
    }

    fn check_unique<R: Record>(&mut self, records: &[R]) {
        // A list sorted by id (as the app writes and keeps them) has its repeats side by side.
        let sorted = records.is_sorted_by(|a, b| a.id() <= b.id());
        let mut seen: FxHashMap<&Id, usize> = FxHashMap::default();
        let mut previous: Option<(&Id, usize)> = None;
        for record in records {
            if record.id().as_str().trim().is_empty() {
                self.report(record, "id", ProblemMessage::EmptyId);
                continue;
            }
            let count = if sorted {
                let count = previous.filter(|(id, _)| *id == record.id()).map_or(1, |(_, count)| count + 1);
                previous = Some((record.id(), count));
                count
            } else {
                let count = seen.entry(record.id()).or_insert(0);
                *count += 1;
                *count
            };
            if count == 2 {
                self.report(record, "id", ProblemMessage::DuplicateId(R::KIND));
            }
        }
    }

    fn check_label<R: Record>(&mut self, record: &R) {
        if record.label().trim().is_empty() {
            let field = if matches!(R::KIND, RecordKind::Place | RecordKind::Organization) {
                "name"
            } else {
                "title"
            };
            self.report(record, field, ProblemMessage::Empty(field));
        }
    }

    fn check_reference<R: Record>(&mut self, record: &R, field: Field, target: RecordKind, id: &Id) {
        if !self.ids.contains(target, id) {
            self.report(record, field.written(), ProblemMessage::MissingReference { target, id: id.clone() });
        }
    }

    fn check_date<R: Record>(&mut self, record: &R, field: &str, date: &DateSpec) {
        let words = date.as_reported.trim();
        // A source is never charted: its words on when it was published are only notes.
        if date.is_unknown() && !words.is_empty() && R::KIND != RecordKind::Source {
            let message = ProblemMessage::DateNotUnderstood { words: words.to_owned() };
            self.report(record, field, message);
        }
        if let (Some(earliest), Some(latest)) = (date.earliest, date.latest)
            && latest < earliest
        {
            self.report(
                record,
                format!("{field}.latest"),
                ProblemMessage::DatesReversed { earliest, latest },
            );
        }
    }

    fn check_coordinate<R: Record>(&mut self, record: &R, field: &str, value: Option<f64>, limit: u32) {
        if let Some(value) = value
            && (!value.is_finite() || value.abs() > f64::from(limit))
        {
            self.report(record, field, ProblemMessage::OutOfRange { value: value.to_string(), limit });
        }
    }

    fn check_count<R: Record>(&mut self, record: &R, field: Field, count: &CountEstimate) {
        let words = count.as_reported.trim();
        let no_figure = count.low.is_none() && count.high.is_none() && count.best.is_none();
        if no_figure && !words.is_empty() && !super::count::says_unknown(words) {
            let message = ProblemMessage::CountNotUnderstood { words: words.to_owned() };
            self.report(record, field.written(), message);
        }
        if let (Some(low), Some(high)) = (count.low, count.high)
            && low > high
        {
            let field = format!("{}.low", field.written());
            self.report(record, field, ProblemMessage::LowAboveHigh { low, high });
        }
        if let Some(best) = count.best {
            let below = count.low.is_some_and(|low| best < low);
            let above = count.high.is_some_and(|high| best > high);
            if below || above {
                let field = format!("{}.best", field.written());
                self.report(record, field, ProblemMessage::BestOutsideRange { best });
            }
        }
    }

    fn check_estimates<R: Record>(&mut self, record: &R, field: &str, estimates: &[SourcedEstimate]) {
        for (index, estimate) in estimates.iter().enumerate() {
            self.check_count(record, Field::Item { list: field, index, rest: ".count" }, &estimate.count);
            if let Some(source) = &estimate.source {
                let at = Field::Item { list: field, index, rest: ".source" };
                self.check_reference(record, at, RecordKind::Source, source);
            }
        }
        if estimates.iter().filter(|estimate| estimate.preferred).count() > 1 {
            self.report(record, field, ProblemMessage::SeveralPreferred);
        }
    }

    fn check_references<R: Record>(&mut self, record: &R, field: &str, target: RecordKind, ids: &[Id]) {
        for (index, id) in ids.iter().enumerate() {
            self.check_reference(record, Field::Item { list: field, index, rest: "" }, target, id);
        }
    }

    fn check_source(&mut self, source: &Source) {
        self.check_label(source);
        self.check_date(source, "published", &source.published);
    }

    fn check_place(&mut self, place: &Place) {
        self.check_label(place);
        self.check_coordinate(place, "latitude", place.latitude, 90);
        self.check_coordinate(place, "longitude", place.longitude, 180);
    }

    fn check_incident(&mut self, incident: &Incident) {
        self.check_label(incident);
        self.check_date(incident, "date", &incident.date);
        self.check_estimates(incident, "estimates", &incident.estimates);
        for (field, place) in [("from_place", &incident.from_place), ("to_place", &incident.to_place)] {
            if let Some(place) = place {
                self.check_reference(incident, Field::Named(field), RecordKind::Place, place);
            }
        }
        self.check_references(incident, "sources", RecordKind::Source, &incident.sources);
        if let Some(parent) = &incident.parent {
            self.check_reference(incident, Field::Named("parent"), RecordKind::Incident, parent);
            self.check_parent_chain(incident);
        }
        self.check_legs_fit(incident);
    }

    /// A leg's parent chain must end: no incident may be its own ancestor.
    fn check_parent_chain(&mut self, incident: &Incident) {
        let mut seen = FxHashSet::from_iter([&incident.id]);
        let mut current = incident.parent.as_ref();
        while let Some(parent) = current {
            if !seen.insert(parent) {
                self.report(incident, "parent", ProblemMessage::ParentLoop);
                return;
            }
            current = if let Some(links) = self.links {
                links.parent_of.get(parent).copied()
            } else {
                find_by_id(&self.dataset.incidents, parent).and_then(|incident| incident.parent.as_ref())
            };
        }
    }

    /// The legs together cannot be more than their parent's highest figure.
    fn check_legs_fit(&mut self, incident: &Incident) {
        let Some(ceiling) = incident.preferred_estimate().and_then(|e| e.count.ceiling()) else {
            return;
        };
        let legs_floor: f64 = match (self.links, self.legs_floor) {
            (Some(links), _) => links.legs_floor.get(&incident.id).copied().unwrap_or(0.0),
            (None, Some(floor)) => floor,
            (None, None) => self
                .dataset
                .legs_of(&incident.id)
                .filter_map(|leg| leg.preferred_estimate().and_then(|e| e.count.floor()))
                .sum(),
        };
        if legs_floor > ceiling {
            let (legs_floor, ceiling) = (legs_floor.to_string(), ceiling.to_string());
            self.report(incident, "estimates", ProblemMessage::LegsExceed { legs_floor, ceiling });
        }
    }

    fn check_rally(&mut self, rally: &Rally) {
        self.check_label(rally);
        self.check_date(rally, "date", &rally.date);
        self.check_estimates(rally, "attendance", &rally.attendance);
        if let Some(place) = &rally.place {
            self.check_reference(rally, Field::Named("place"), RecordKind::Place, place);
        }
        self.check_references(rally, "organizers", RecordKind::Organization, &rally.organizers);
        self.check_references(rally, "responds_to", RecordKind::Incident, &rally.responds_to);
        self.check_references(rally, "sources", RecordKind::Source, &rally.sources);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CountEstimate, Incident};

    fn incident(id: &str, parent: Option<&str>, count: CountEstimate) -> Incident {
        Incident {
            id: Id::new(id),
            title: id.to_owned(),
            parent: parent.map(Id::new),
            estimates: vec![SourcedEstimate { count, ..SourcedEstimate::default() }],
            ..Incident::default()
        }
    }

    fn messages(incidents: Vec<Incident>) -> Vec<String> {
        validate(&Dataset { incidents, ..Dataset::default() }).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn checked_on_several_threads_the_problems_are_those_one_thread_finds_in_file_order() {
        let mut dataset = crate::generate::generate(crate::generate::GenerateOptions {
            incidents: 3_000,
            rallies: 2_000,
            seed: 4,
        });
        for incident in dataset.incidents.iter_mut().step_by(97) {
            incident.from_place = Some(Id::new("pl-missing"));
        }
        for rally in dataset.rallies.iter_mut().step_by(89) {
            rally.sources.push(Id::new("src-missing"));
            rally.title.clear();
        }
        let one = validate_on(&dataset, 1);
        assert!(one.len() > 70, "{} problems", one.len());
        for threads in [2, 3, 7] {
            assert_eq!(validate_on(&dataset, threads), one, "on {threads} threads");
        }
    }

    #[test]
    fn legs_cannot_add_up_to_more_than_their_parent() {
        let found = messages(vec![
            incident("p", None, CountEstimate::exact(50, "50")),
            incident("a", Some("p"), CountEstimate::exact(30, "30")),
            incident("b", Some("p"), CountEstimate::exact(30, "30")),
        ]);
        assert_eq!(found, ["incident p, estimates: its legs add up to at least 60, more than its 50"]);
    }

    #[test]
    fn a_parent_chain_that_loops_is_reported() {
        let found = messages(vec![
            incident("a", Some("b"), CountEstimate::default()),
            incident("b", Some("a"), CountEstimate::default()),
        ]);
        assert_eq!(
            found,
            [
                "incident a, parent: the parent chain loops back on itself",
                "incident b, parent: the parent chain loops back on itself"
            ]
        );
    }

    #[test]
    fn only_one_estimate_may_be_preferred() {
        let mut record = incident("x", None, CountEstimate::exact(5, "5"));
        record.estimates.push(record.estimates[0].clone());
        for estimate in &mut record.estimates {
            estimate.preferred = true;
        }
        assert_eq!(
            messages(vec![record]),
            ["incident x, estimates: more than one estimate is marked preferred"]
        );
    }

    #[test]
    fn a_best_figure_outside_its_range_is_reported() {
        let count =
            CountEstimate { low: Some(10), high: Some(20), best: Some(25), ..CountEstimate::default() };
        assert_eq!(
            messages(vec![incident("x", None, count)]),
            ["incident x, estimates[0].count.best: the best figure (25) is outside the low–high range"]
        );
    }
}
