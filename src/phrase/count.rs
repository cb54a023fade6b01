//! The count parser: "at least 95", "about two dozen", "50 to 60".

use super::korean_count;
use super::words::{has_hangul, number, starts_with, tokens};
use crate::model::{CountEstimate, CountQualifier};

/// Words before a number that say how it is qualified.
const QUALIFIERS: &[(&str, CountQualifier)] = &[
    ("at least", CountQualifier::AtLeast),
    ("no fewer than", CountQualifier::AtLeast),
    ("no less than", CountQualifier::AtLeast),
    ("not less than", CountQualifier::AtLeast),
    ("a minimum of", CountQualifier::AtLeast),
    ("a maximum of", CountQualifier::UpTo),
    ("more than", CountQualifier::MoreThan),
    ("well over", CountQualifier::MoreThan),
    ("just over", CountQualifier::MoreThan),
    ("over", CountQualifier::MoreThan),
    ("upwards of", CountQualifier::MoreThan),
    ("in excess of", CountQualifier::MoreThan),
    ("above", CountQualifier::MoreThan),
    ("about", CountQualifier::About),
    ("around", CountQualifier::About),
    ("roughly", CountQualifier::About),
    ("approximately", CountQualifier::About),
    ("approx", CountQualifier::About),
    ("an estimated", CountQualifier::About),
    ("estimated", CountQualifier::About),
    ("some", CountQualifier::About),
    ("circa", CountQualifier::About),
    ("ca", CountQualifier::About),
    ("~", CountQualifier::About),
    ("nearly", CountQualifier::Nearly),
    ("almost", CountQualifier::Nearly),
    ("close to", CountQualifier::Nearly),
    ("just under", CountQualifier::Nearly),
    ("up to", CountQualifier::UpTo),
    ("as many as", CountQualifier::UpTo),
    ("at most", CountQualifier::UpTo),
    ("no more than", CountQualifier::UpTo),
    ("just", CountQualifier::Exact),
    ("only", CountQualifier::Exact),
];

/// Words before a number that put the count strictly below it ("fewer than 10": at most 9).
const BELOW: &[&str] = &["fewer than", "less than", "under"];

/// Words that mean no one at all.
const NONE: &[&str] = &["none", "no one", "nobody", "zero"];

/// Words before a number that do not change it ("another 10", "a further 20").
const FILLERS: &[&str] =
    &["another", "a further", "an additional", "a total of", "total", "a group of", "a family of", "of"];

/// Vague amounts and the floor their words imply.
/// "Several" is at least three and "a few" at least two, so "several hundred" is at least 300.
const VAGUE: &[(&str, u32)] = &[
    ("tens of thousands", 20_000),
    ("hundreds of thousands", 200_000),
    ("thousands", 2000),
    ("several hundred", 300),
    ("a few hundred", 200),
    ("hundreds", 200),
    ("several dozen", 36),
    ("a few dozen", 24),
    ("dozens", 24),
    ("scores", 40),
    ("several", 3),
    ("a handful", 2),
    ("a few", 2),
];

/// Turns a reported number into an estimate, keeping the words in `as_reported`.
///
/// Understands plain numbers ("620", "over 2,000"), numbers in words ("seven", "about two
/// dozen"), qualifiers (at least, over, about, nearly, up to…), ranges ("50 to 60", "50-60",
/// "between 50 and 60"), "40+" and "40 or more", and vague amounts ("dozens", "hundreds").
/// Anything else gives an estimate of unknown value with the words kept.
pub fn parse_count(phrase: &str) -> CountEstimate {
    let as_reported = phrase.trim().to_owned();
    let understood =
        if has_hangul(phrase) { korean_count::parse(phrase) } else { understand(&tokens(phrase)) };
    let mut estimate = understood.unwrap_or_default();
    estimate.as_reported = as_reported;
    estimate
}

fn understand(words: &[String]) -> Option<CountEstimate> {
    let words = skip_fillers(words);
    if NONE.iter().any(|none| starts_with(words, none).is_some()) {
        return Some(CountEstimate::qualified(CountQualifier::Exact, 0));
    }
    if let Some(vague) = vague(words) {
        return Some(vague);
    }
    if let Some(used) = starts_with(words, "between") {
        return range(&words[used..], &["and", "-", "to"]);
    }
    if let Some(used) = starts_with(words, "from") {
        return range(&words[used..], &["to", "-"]);
    }
    if let Some(used) = BELOW.iter().find_map(|prefix| starts_with(words, prefix)) {
        let (value, _) = number(skip_fillers(&words[used..]))?;
        return Some(below(value));
    }
    for (prefix, qualifier) in QUALIFIERS {
        if let Some(used) = starts_with(words, prefix) {
            let rest = skip_fillers(&words[used..]);
            // "about 50 to 60" is the range itself, which the qualifier only softens.
            if let Some(range) = range_here(rest) {
                return Some(range);
            }
            let (value, _) = number(rest)?;
            return Some(CountEstimate::qualified(*qualifier, value));
        }
    }
    let (value, used) = number(words)?;
    let rest = &words[used..];
    if starts_with(rest, "+").is_some() || starts_with(rest, "or more").is_some() {
        return Some(CountEstimate::qualified(CountQualifier::AtLeast, value));
    }
    if starts_with(rest, "or fewer").is_some() || starts_with(rest, "or less").is_some() {
        return Some(CountEstimate::qualified(CountQualifier::UpTo, value));
    }
    if starts_with(rest, "or so").is_some() {
        return Some(CountEstimate::qualified(CountQualifier::About, value));
    }
    if let Some(range) = range_here(words) {
        return Some(range);
    }
    // A reversed range ("60 to 50") is not understood rather than read as its first number.
    if rest.first().is_some_and(|w| RANGE_SEPARATORS.contains(&w.as_str())) && number(&rest[1..]).is_some() {
        return None;
    }
    Some(CountEstimate::qualified(CountQualifier::Exact, value))
}

/// What may stand between the two numbers of a range ("50 to 60", "50-60", "two or three").
const RANGE_SEPARATORS: [&str; 4] = ["to", "-", "~", "or"];

/// A range at the start of `words`, when two numbers stand there with a separator between.
fn range_here(words: &[String]) -> Option<CountEstimate> {
    let (_, used) = number(words)?;
    let separator = words.get(used)?;
    (RANGE_SEPARATORS.contains(&separator.as_str()) && number(&words[used + 1..]).is_some()).then_some(())?;
    range(words, &RANGE_SEPARATORS)
}

/// "fewer than 10": up to 9, counts being whole.
fn below(value: u32) -> CountEstimate {
    match value.checked_sub(1) {
        Some(high) => CountEstimate::qualified(CountQualifier::UpTo, high),
        None => CountEstimate::qualified(CountQualifier::Exact, 0),
    }
}

fn skip_fillers(mut words: &[String]) -> &[String] {
    while let Some(used) = FILLERS.iter().find_map(|filler| starts_with(words, filler)) {
        words = &words[used..];
    }
    words
}

/// "50 to 60", "50-60": both ends must be numbers, the second the larger.
fn range(words: &[String], separators: &[&str]) -> Option<CountEstimate> {
    let (low, used) = number(words)?;
    let separator = words.get(used)?;
    if !separators.contains(&separator.as_str()) {
        return None;
    }
    let (high, _) = number(&words[used + 1..])?;
    (low <= high).then_some(CountEstimate {
        qualifier: CountQualifier::Between,
        low: Some(low),
        high: Some(high),
        best: None,
        as_reported: String::new(),
    })
}

fn vague(words: &[String]) -> Option<CountEstimate> {
    VAGUE.iter().find_map(|(phrase, floor)| {
        starts_with(words, phrase).map(|_| CountEstimate {
            qualifier: CountQualifier::Vague,
            low: Some(*floor),
            ..CountEstimate::default()
        })
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Checks the qualifier, low, high and best that a phrase gives, and that its words are kept.
    /// Checks what a phrase is read as, and that its words are kept (the Korean tests use it too).
    pub(in crate::phrase) fn check(
        phrase: &str,
        qualifier: CountQualifier,
        low: Option<u32>,
        high: Option<u32>,
        best: Option<u32>,
    ) {
        let estimate = parse_count(phrase);
        assert_eq!(
            (estimate.qualifier, estimate.low, estimate.high, estimate.best),
            (qualifier, low, high, best),
            "{phrase}"
        );
        assert_eq!(estimate.as_reported, phrase.trim());
    }

    #[test]
    fn seed_phrases() {
        use CountQualifier::*;
        check("at least 95", AtLeast, Some(95), None, Some(95));
        check("nearly 100", Nearly, None, Some(100), Some(100));
        check("about 600", About, None, None, Some(600));
        check("over 500", MoreThan, Some(500), None, Some(500));
        check("over 2,000", MoreThan, Some(2000), None, Some(2000));
        check("roughly 600", About, None, None, Some(600));
        check("about two dozen", About, None, None, Some(24));
        check("50 to 60", Between, Some(50), Some(60), None);
        check("620", Exact, Some(620), Some(620), Some(620));
        check("around 30", About, None, None, Some(30));
        check("some 30", About, None, None, Some(30));
        check("Another 10", Exact, Some(10), Some(10), Some(10));
        check("About 20", About, None, None, Some(20));
        check("around 35", About, None, None, Some(35));
        check("over 200", MoreThan, Some(200), None, Some(200));
        check("seven", Exact, Some(7), Some(7), Some(7));
        check("30", Exact, Some(30), Some(30), Some(30));
    }

    #[test]
    fn trailing_nouns_are_ignored() {
        let estimate = parse_count("at least 95 defectors");
        assert_eq!((estimate.qualifier, estimate.low), (CountQualifier::AtLeast, Some(95)));
        assert_eq!(estimate.as_reported, "at least 95 defectors");
        assert_eq!(parse_count("About two dozen activists").best, Some(24));
    }

    #[test]
    fn ranges_in_every_spelling() {
        use CountQualifier::*;
        check("50-60", Between, Some(50), Some(60), None);
        check("50–60", Between, Some(50), Some(60), None);
        check("between 50 and 60", Between, Some(50), Some(60), None);
        check("from 50 to 60", Between, Some(50), Some(60), None);
        check("1,000 to 2,000", Between, Some(1000), Some(2000), None);
    }

    #[test]
    fn open_and_closed_bounds() {
        use CountQualifier::*;
        check("40+", AtLeast, Some(40), None, Some(40));
        check("40 or more", AtLeast, Some(40), None, Some(40));
        check("up to 200", UpTo, None, Some(200), None);
        check("as many as 200", UpTo, None, Some(200), None);
        check("more than 500", MoreThan, Some(500), None, Some(500));
        check("almost 100", Nearly, None, Some(100), Some(100));
    }

    #[test]
    fn vague_amounts_keep_only_the_floor_their_words_imply() {
        use CountQualifier::*;
        check("dozens", Vague, Some(24), None, None);
        check("hundreds of people", Vague, Some(200), None, None);
        check("several", Vague, Some(3), None, None);
    }

    #[test]
    fn what_is_not_understood_is_kept_as_words() {
        use CountQualifier::*;
        for phrase in ["many", "a large group", "", "unknown", "60 to 50", "between 5 and", "about"] {
            check(phrase, Unknown, None, None, None);
        }
    }
}
