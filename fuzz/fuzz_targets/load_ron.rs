//! Any bytes given as a dataset file: an answer (a dataset or an error with a place), never a
//! crash or a hang; a dataset that loads also saves, and loads back to the same text.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use repatriation_watch::store::{from_ron, to_ron};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(dataset) = from_ron(bytes, Path::new("fuzz.ron")) {
        let _ = repatriation_watch::model::validate(&dataset);
        if let Ok(text) = to_ron(&dataset) {
            let again = from_ron(text.as_bytes(), Path::new("again.ron")).expect("what was saved loads");
            // Compared as text: a coordinate may be NaN, which is never equal to itself.
            assert_eq!(to_ron(&again).expect("saves again"), text);
        }
    }
});
