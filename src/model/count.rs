//! Count estimates: what a source said about how many people.

use serde::{Deserialize, Serialize};

use super::Id;
use super::choice::choice_enum;

choice_enum! {
    /// How a source qualified a number.
    pub enum CountQualifier {
        /// A plain number ("620").
        Exact => "exact",
        /// "at least 95": `low` is the number, no upper bound.
        AtLeast => "at least",
        /// "over 500", "more than 200": `low` is the number stated, no upper bound.
        MoreThan => "more than",
        /// "about 600", "roughly 600", "some 30", "about two dozen": `best` is the number.
        About => "about",
        /// "nearly 100", "almost 100": `high` is the number.
        Nearly => "nearly",
        /// "up to 200": `high` is the number.
        UpTo => "up to",
        /// "50 to 60": `low` and `high`.
        Between => "between",
        /// "dozens", "hundreds": a floor the words imply, no upper bound.
        Vague => "vague",
        /// The words give no usable number.
        #[default]
        Unknown => "unknown",
    }
}

/// Words that say outright that the figure is not known: understood, though they count no one.
const UNKNOWN_WORDS: &[&str] = &[
    "unknown",
    "an unknown number",
    "an unknown number of",
    "unknown number",
    "undisclosed",
    "not known",
    "not reported",
    "no report",
    "unconfirmed",
    "미상",
    "불명",
    "알 수 없음",
    "확인되지 않음",
];

/// Whether `words` say that the figure is not known ("an unknown number", "미상").
pub fn says_unknown(words: &str) -> bool {
    let words = words.trim().to_lowercase();
    UNKNOWN_WORDS.contains(&words.as_str())
}

impl CountQualifier {
    /// Whether the words leave the upper end open ("at least", "over", "dozens").
    pub fn is_open_ended(self) -> bool {
        matches!(self, Self::AtLeast | Self::MoreThan | Self::Vague)
    }
}

/// A number as a source reported it: the words, and the range they mean.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountEstimate {
    /// How the number was qualified.
    #[serde(default)]
    pub qualifier: CountQualifier,
    /// The lowest number the words allow, when they give one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<u32>,
    /// The highest number the words allow, when they give one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<u32>,
    /// The single number to use for charts, when the words give one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best: Option<u32>,
    /// The source's own words, kept verbatim ("at least 95", "about two dozen").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub as_reported: String,
}

impl CountEstimate {
    /// The estimate that a qualifier and its number mean ("at least 95": 95 and up, best 95),
    /// with no words yet.
    pub fn qualified(qualifier: CountQualifier, value: u32) -> Self {
        let (low, high, best) = match qualifier {
            CountQualifier::Exact => (Some(value), Some(value), Some(value)),
            CountQualifier::AtLeast | CountQualifier::MoreThan => (Some(value), None, Some(value)),
            CountQualifier::Nearly => (None, Some(value), Some(value)),
            CountQualifier::UpTo => (None, Some(value), None),
            _ => (None, None, Some(value)),
        };
        Self { qualifier, low, high, best, as_reported: String::new() }
    }

    /// A plain number.
    pub fn exact(n: u32, as_reported: impl Into<String>) -> Self {
        Self {
            qualifier: CountQualifier::Exact,
            low: Some(n),
            high: Some(n),
            best: Some(n),
            as_reported: as_reported.into(),
        }
    }

    /// The number to chart: `best`, else the middle of `low`–`high`, else whichever bound exists.
    pub fn central(&self) -> Option<f64> {
        match (self.best, self.low, self.high) {
            (Some(best), _, _) => Some(f64::from(best)),
            (None, Some(low), Some(high)) => Some(f64::midpoint(f64::from(low), f64::from(high))),
            (None, Some(one), None) | (None, None, Some(one)) => Some(f64::from(one)),
            (None, None, None) => None,
        }
    }

    /// The lowest figure to chart: `low`, else the central figure.
    pub fn floor(&self) -> Option<f64> {
        self.low.map(f64::from).or_else(|| self.central())
    }

    /// The highest figure to chart, or `None` when the words leave it open or give no number.
    pub fn ceiling(&self) -> Option<f64> {
        if self.is_open_ended() {
            return None;
        }
        self.high.map(f64::from).or_else(|| self.central())
    }

    /// Whether no upper bound is known although a number is ("at least 95").
    pub fn is_open_ended(&self) -> bool {
        self.high.is_none() && self.qualifier.is_open_ended()
    }

    /// Whether the words gave any number at all.
    pub fn is_known(&self) -> bool {
        self.central().is_some()
    }

    /// What the numbers mean in symbols: `≥95`, `~600`, `50–60`, `620`, `?`.
    pub fn meaning(&self) -> String {
        let num = |n: Option<u32>| n.map_or_else(|| "?".to_owned(), |n| n.to_string());
        match self.qualifier {
            CountQualifier::Exact => num(self.best.or(self.low)),
            CountQualifier::AtLeast | CountQualifier::Vague => format!("≥{}", num(self.low)),
            CountQualifier::MoreThan => format!(">{}", num(self.low)),
            CountQualifier::About => format!("~{}", num(self.best)),
            CountQualifier::Nearly => format!("<{}", num(self.high)),
            CountQualifier::UpTo => format!("≤{}", num(self.high)),
            CountQualifier::Between => format!("{}–{}", num(self.low), num(self.high)),
            CountQualifier::Unknown => "?".to_owned(),
        }
    }

    /// The words and their meaning together: `at least 95 (≥95)`.
    pub fn display(&self) -> String {
        if self.as_reported.is_empty() {
            self.meaning()
        } else {
            format!("{} ({})", self.as_reported, self.meaning())
        }
    }
}

/// One source's estimate of a number, as kept on an incident or a rally.
///
/// Sources often disagree ("over 500", "620", "roughly 600"): a record keeps each estimate with
/// the source it came from, and the researcher marks one as preferred.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedEstimate {
    /// The estimate itself.
    pub count: CountEstimate,
    /// The source that gave it, when one is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Id>,
    /// Whether this is the estimate charts use for the record.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub preferred: bool,
    /// Why this estimate differs, who gave it to the source, and the like.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The estimate to chart among several: the one marked preferred, else the first.
pub fn preferred_estimate(estimates: &[SourcedEstimate]) -> Option<&SourcedEstimate> {
    estimates.iter().find(|estimate| estimate.preferred).or_else(|| estimates.first())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn estimate(
        qualifier: CountQualifier,
        low: Option<u32>,
        high: Option<u32>,
        best: Option<u32>,
    ) -> CountEstimate {
        CountEstimate { qualifier, low, high, best, as_reported: String::new() }
    }

    #[test]
    fn at_least_is_open_ended() {
        let at_least = estimate(CountQualifier::AtLeast, Some(95), None, Some(95));
        assert_eq!(at_least.floor(), Some(95.0));
        assert_eq!(at_least.ceiling(), None);
        assert_eq!(at_least.meaning(), "≥95");
    }

    #[test]
    fn between_is_charted_at_its_middle() {
        let between = estimate(CountQualifier::Between, Some(50), Some(60), None);
        assert_eq!(between.central(), Some(55.0));
        assert_eq!(between.floor(), Some(50.0));
        assert_eq!(between.ceiling(), Some(60.0));
        assert_eq!(between.meaning(), "50–60");
    }

    #[test]
    fn about_uses_its_best_figure_for_both_ends() {
        let about = estimate(CountQualifier::About, None, None, Some(600));
        assert_eq!((about.floor(), about.ceiling()), (Some(600.0), Some(600.0)));
    }

    #[test]
    fn display_keeps_the_words_and_shows_their_meaning() {
        let mut at_least = estimate(CountQualifier::AtLeast, Some(95), None, Some(95));
        at_least.as_reported = "at least 95".to_owned();
        assert_eq!(at_least.display(), "at least 95 (≥95)");
    }

    #[test]
    fn the_preferred_estimate_wins_over_the_first() {
        let first = SourcedEstimate { count: CountEstimate::exact(620, "620"), ..Default::default() };
        let chosen = SourcedEstimate {
            count: CountEstimate::exact(600, "600"),
            preferred: true,
            ..Default::default()
        };
        let list = [first.clone(), chosen.clone()];
        assert_eq!(preferred_estimate(&list), Some(&chosen));
        assert_eq!(preferred_estimate(std::slice::from_ref(&first)), Some(&first));
        assert_eq!(preferred_estimate(&[]), None);
    }
}
