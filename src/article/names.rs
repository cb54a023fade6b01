//! Finding records named in a text by any of their names: each name lowercased (ASCII, so every
//! byte stays where it was; Korean and Chinese names have no case), looked for once in the whole
//! text, the longest first so that "Chinese Embassy in Seoul" wins over "Seoul", none inside a
//! Latin word and none inside another found.

use std::ops::Range;

use memchr::memmem::Finder;

/// A name found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found<'a, T> {
    /// Where it stands.
    pub span: Range<usize>,
    /// What it names.
    pub named: &'a T,
    /// Whether it is the dataset's own (not the gazetteer's).
    pub known: bool,
}

/// The names to look for, longest first, each with its searcher and what it names.
pub struct NameIndex<'a, T> {
    names: Vec<(Finder<'static>, &'a T, bool)>,
}

impl<'a, T> NameIndex<'a, T> {
    /// The index of `names` (each name, what it names, whether the dataset has it); names of
    /// fewer than two letters and names given twice (the first kept) are left out.
    pub fn new(names: impl IntoIterator<Item = (String, &'a T, bool)>) -> Self {
        let mut kept: Vec<(String, &'a T, bool)> = Vec::new();
        for (name, named, known) in names {
            let name = name.trim().to_ascii_lowercase();
            if name.chars().count() >= 2 && !kept.iter().any(|(n, _, _)| *n == name) {
                kept.push((name, named, known));
            }
        }
        kept.sort_by_key(|(name, _, _)| std::cmp::Reverse(name.len()));
        let names = kept
            .into_iter()
            .map(|(name, named, known)| (Finder::new(name.as_bytes()).into_owned(), named, known))
            .collect();
        Self { names }
    }

    /// The names `text` holds, in order, none inside another.
    pub fn in_text(&self, text: &str) -> Vec<Found<'a, T>> {
        let lower = text.to_ascii_lowercase();
        let mut found: Vec<Found<'a, T>> = Vec::new();
        for (finder, named, known) in &self.names {
            let length = finder.needle().len();
            for at in finder.find_iter(lower.as_bytes()) {
                let span = at..at + length;
                let whole_word = is_boundary(&lower, at) && is_boundary(&lower, at + length);
                if whole_word && !found.iter().any(|f| f.span.start < span.end && span.start < f.span.end) {
                    found.push(Found { span, named, known: *known });
                }
            }
        }
        found.sort_by_key(|f| f.span.start);
        found
    }
}

/// Whether a name may start or end at `at`: not inside a Latin word (Korean particles follow a
/// name directly: "단둥에서").
fn is_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    !(latin(before) && latin(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_name_wins_and_none_is_found_inside_a_word() {
        let (a, b) = ("Seoul", "Chinese Embassy in Seoul");
        let index = NameIndex::new([
            ("seoul".to_owned(), &a, true),
            ("Chinese Embassy in Seoul".to_owned(), &b, false),
        ]);
        let text = "At the chinese embassy in Seoul, not Seoulville; in Seoul.";
        let found = index.in_text(text);
        let named: Vec<(&str, bool)> = found.iter().map(|f| (*f.named, f.known)).collect();
        assert_eq!(named, [(b, false), (a, true)]);
        let last = text.rfind("Seoul").unwrap_or_default();
        assert_eq!(found[1].span, last..last + 5);
    }
}
