//! Which records of a timeline are near a day, found without going through them all: what the
//! timeline's tooltip asks on every frame the pointer rests over a million records.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::model::Id;

/// A number ordered as [`f64::total_cmp`] orders it, to key sorted maps by days or figures.
#[derive(Clone, Copy, Debug)]
pub struct Ordered(pub f64);

impl PartialEq for Ordered {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ordered {}

impl PartialOrd for Ordered {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ordered {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Records' spans of days (first and last day, as numbers), grouped by how long they are, each
/// group by first day. A span overlapping a stretch of days starts at most its group's longest
/// length before it, so each group is searched in a short window. Records come and go one at a
/// time, as edits make them.
#[derive(Clone, Debug, Default)]
pub struct SpanLookup {
    groups: Vec<SpanGroup>,
    len: usize,
}

/// A record's span: its first day, the record, its last day.
type Span = (Ordered, Id, f64);

/// Spans of about one length: under twice the shortest.
#[derive(Clone, Debug, Default)]
struct SpanGroup {
    /// No span in the group is longer, in days.
    longest: f64,
    /// The records starting on each first day, each with its last day.
    by_first: BTreeMap<Ordered, Vec<(Id, f64)>>,
}

impl SpanLookup {
    /// The lookup of many spans at once: quicker than noting them one by one.
    pub fn from_spans<'a>(spans: impl IntoIterator<Item = (&'a Id, (f64, f64))>) -> Self {
        // Each group's longest length, and its spans: first day, record, last day.
        let mut grouped: Vec<(f64, Vec<Span>)> = Vec::new();
        let mut len = 0;
        for (id, (first, last)) in spans {
            let length = (last - first).max(0.0);
            let group = length_group(length);
            if grouped.len() <= group {
                grouped.resize_with(group + 1, Default::default);
            }
            grouped[group].0 = grouped[group].0.max(length);
            grouped[group].1.push((Ordered(first), id.clone(), last));
            len += 1;
        }
        let groups = grouped
            .into_iter()
            .map(|(longest, mut spans)| {
                spans.sort_by_key(|span| span.0);
                let mut by_first: Vec<(Ordered, Vec<(Id, f64)>)> = Vec::new();
                for (first, id, last) in spans {
                    match by_first.last_mut() {
                        Some((day, starting)) if *day == first => starting.push((id, last)),
                        _ => by_first.push((first, vec![(id, last)])),
                    }
                }
                SpanGroup { longest, by_first: by_first.into_iter().collect() }
            })
            .collect();
        Self { groups, len }
    }

    /// Notes that the record `id` spans `first..=last`.
    pub fn insert(&mut self, id: &Id, (first, last): (f64, f64)) {
        let length = (last - first).max(0.0);
        let group = length_group(length);
        if self.groups.len() <= group {
            self.groups.resize_with(group + 1, SpanGroup::default);
        }
        let group = &mut self.groups[group];
        group.longest = group.longest.max(length);
        group.by_first.entry(Ordered(first)).or_default().push((id.clone(), last));
        self.len += 1;
    }

    /// Forgets the record `id`, noted as spanning `first..=last`.
    pub fn remove(&mut self, id: &Id, (first, last): (f64, f64)) {
        let group = length_group((last - first).max(0.0));
        let Some(group) = self.groups.get_mut(group) else { return };
        let Some(starting) = group.by_first.get_mut(&Ordered(first)) else { return };
        if let Some(at) = starting.iter().position(|(other, _)| other == id) {
            starting.swap_remove(at);
            self.len -= 1;
        }
        if starting.is_empty() {
            group.by_first.remove(&Ordered(first));
        }
    }

    /// How many records are noted.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no record is noted.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The records whose spans share a day with `from..=to`, in id order.
    pub fn overlapping(&self, from: f64, to: f64) -> Vec<&Id> {
        let mut found = Vec::new();
        // A stretch that is empty, or not numbers (a pointer off any scale), holds nothing.
        if from.is_nan() || to.is_nan() || from > to {
            return found;
        }
        for group in &self.groups {
            let window = group.by_first.range(Ordered(from - group.longest)..=Ordered(to));
            let starting = window.flat_map(|(_, starting)| starting);
            found.extend(starting.filter(|(_, last)| *last >= from).map(|(id, _)| id));
        }
        found.sort_unstable();
        found
    }
}

/// The group of a span `length` days long: 0 for a single day, then one group for each doubling
/// (up to 1 day, up to 3, up to 7…).
fn length_group(length: f64) -> usize {
    let (mut group, mut longest) = (0, 0.0);
    while length > longest && group < 64 {
        group += 1;
        longest = longest * 2.0 + 1.0;
    }
    group
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};

    fn brute_force(spans: &[(Id, (f64, f64))], from: f64, to: f64) -> Vec<&Id> {
        let mut found: Vec<&Id> = spans
            .iter()
            .filter(|(_, (first, last))| *first <= to && *last >= from)
            .map(|(id, _)| id)
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn finds_the_same_spans_as_going_through_them_all_as_they_come_and_go() {
        let mut random = rand_xorshift::XorShiftRng::seed_from_u64(3);
        for round in 0..40 {
            let mut spans: Vec<(Id, (f64, f64))> = Vec::new();
            let mut lookup = SpanLookup::default();
            for step in 0..300 {
                if !spans.is_empty() && random.random_range(0..4) == 0 {
                    let (id, span) = spans.swap_remove(random.random_range(0..spans.len()));
                    lookup.remove(&id, span);
                } else {
                    let first = f64::from(random.random_range(-500..9_000));
                    let length = match random.random_range(0..4) {
                        0 => 0,
                        1 => random.random_range(0..7),
                        2 => random.random_range(0..400),
                        _ => random.random_range(0..9_000),
                    };
                    let span = (first, first + f64::from(length));
                    let id = Id::new(format!("r{round}-{step:03}"));
                    lookup.insert(&id, span);
                    spans.push((id, span));
                }
                let from = random.random_range(-600.0..9_500.0);
                let to = from + random.random_range(0.0..10.0);
                assert_eq!(lookup.overlapping(from, to), brute_force(&spans, from, to), "round {round}");
                assert_eq!(lookup.len(), spans.len());
            }
            let at_once = SpanLookup::from_spans(spans.iter().map(|(id, span)| (id, *span)));
            for from in (-600..9_500).step_by(97).map(f64::from) {
                assert_eq!(at_once.overlapping(from, from + 3.0), brute_force(&spans, from, from + 3.0));
            }
        }
    }

    #[test]
    fn single_days_and_stretches_touching_the_ends_count() {
        let mut lookup = SpanLookup::default();
        for (name, span) in [("a", (10.0, 10.0)), ("b", (3.0, 7.0)), ("c", (12.0, 40.0)), ("d", (0.0, 2.0))] {
            lookup.insert(&Id::new(name), span);
        }
        let names = |found: Vec<&Id>| found.iter().map(|id| id.as_str().to_owned()).collect::<Vec<_>>();
        assert_eq!(names(lookup.overlapping(7.0, 12.0)), ["a", "b", "c"]);
        assert!(lookup.overlapping(41.0, 50.0).is_empty());
        lookup.remove(&Id::new("c"), (12.0, 40.0));
        assert_eq!(names(lookup.overlapping(7.0, 12.0)), ["a", "b"]);
        assert!(SpanLookup::default().overlapping(0.0, 1.0).is_empty());
        assert!(lookup.overlapping(f64::NAN, 3.0).is_empty() && lookup.overlapping(3.0, f64::NAN).is_empty());
        assert_eq!(names(lookup.overlapping(f64::NEG_INFINITY, f64::INFINITY)), ["a", "b", "d"]);
    }
}
