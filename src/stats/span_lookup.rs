//! Which records of a timeline are near a day, found without going through them all: what the
//! timeline's tooltip asks on every frame the pointer rests over a million records.

/// Spans of days (each record's first and last day, as numbers), grouped by how long they
/// are, each group in order of first day. A span overlapping a stretch of days then starts at
/// most its group's longest length before it, so each group is searched in a short window.
#[derive(Clone, Debug, Default)]
pub struct SpanLookup {
    groups: Vec<SpanGroup>,
}

/// Spans of about one length: under twice the shortest.
#[derive(Clone, Debug, Default)]
struct SpanGroup {
    /// The longest span in the group, in days.
    longest: f64,
    /// First day, last day and position of each span, in order of first day.
    spans: Vec<(f64, f64, usize)>,
}

impl SpanLookup {
    /// The lookup of `spans`, where the span at position `i` is record `i`'s first and last day.
    pub fn new(spans: impl IntoIterator<Item = (f64, f64)>) -> Self {
        let mut groups: Vec<SpanGroup> = Vec::new();
        for (position, (first, last)) in spans.into_iter().enumerate() {
            let length = (last - first).max(0.0);
            let group = length_group(length);
            if groups.len() <= group {
                groups.resize_with(group + 1, SpanGroup::default);
            }
            groups[group].longest = groups[group].longest.max(length);
            groups[group].spans.push((first, last, position));
        }
        for group in &mut groups {
            group.spans.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        }
        Self { groups }
    }

    /// The positions, in order, of the spans that share a day with `from..=to`.
    pub fn overlapping(&self, from: f64, to: f64) -> Vec<usize> {
        let mut positions = Vec::new();
        for group in &self.groups {
            let earliest = from - group.longest;
            let start = group.spans.partition_point(|span| span.0 < earliest);
            let window = group.spans[start..].iter().take_while(|span| span.0 <= to);
            positions.extend(window.filter(|span| span.1 >= from).map(|span| span.2));
        }
        positions.sort_unstable();
        positions
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

    fn brute_force(spans: &[(f64, f64)], from: f64, to: f64) -> Vec<usize> {
        (0..spans.len()).filter(|&i| spans[i].0 <= to && spans[i].1 >= from).collect()
    }

    #[test]
    fn finds_the_same_spans_as_going_through_them_all() {
        let mut random = rand_xorshift::XorShiftRng::seed_from_u64(3);
        for round in 0..50 {
            let spans: Vec<(f64, f64)> = (0..random.random_range(0..400))
                .map(|_| {
                    let first = f64::from(random.random_range(-500..9_000));
                    let length = match random.random_range(0..4) {
                        0 => 0,
                        1 => random.random_range(0..7),
                        2 => random.random_range(0..400),
                        _ => random.random_range(0..9_000),
                    };
                    (first, first + f64::from(length))
                })
                .collect();
            let lookup = SpanLookup::new(spans.iter().copied());
            for _ in 0..40 {
                let from = random.random_range(-600.0..9_500.0);
                let to = from + random.random_range(0.0..10.0);
                assert_eq!(lookup.overlapping(from, to), brute_force(&spans, from, to), "round {round}");
            }
        }
    }

    #[test]
    fn single_days_and_stretches_touching_the_ends_count() {
        let spans = [(10.0, 10.0), (3.0, 7.0), (12.0, 40.0), (0.0, 2.0)];
        let lookup = SpanLookup::new(spans);
        assert_eq!(lookup.overlapping(7.0, 12.0), [0, 1, 2]);
        assert_eq!(lookup.overlapping(41.0, 50.0), Vec::<usize>::new());
        assert_eq!(SpanLookup::default().overlapping(0.0, 1.0), Vec::<usize>::new());
    }
}
