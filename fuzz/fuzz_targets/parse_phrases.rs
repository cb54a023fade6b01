//! Any phrase, English, Korean or neither, given to the count and date parsers: the words are
//! kept, and what is understood is a sound range.
#![no_main]

use jiff::civil::date;
use libfuzzer_sys::fuzz_target;
use repatriation_watch::phrase::{parse_count, parse_date};

fuzz_target!(|phrase: &str| {
    let count = parse_count(phrase);
    assert_eq!(count.as_reported, phrase.trim());
    if let (Some(low), Some(high)) = (count.low, count.high) {
        assert!(low <= high, "{phrase:?}");
    }
    for reference in [None, Some(date(2024, 1, 16))] {
        let spec = parse_date(phrase, reference);
        assert_eq!(spec.as_reported, phrase.trim());
        if let (Some(earliest), Some(latest)) = (spec.earliest, spec.latest) {
            assert!(earliest <= latest, "{phrase:?}");
        }
    }
});
