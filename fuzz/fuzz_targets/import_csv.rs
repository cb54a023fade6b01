//! Any bytes given as a CSV file to import, as each kind of record: a table or an error with a
//! line, then a preview whose problems name lines of the file; never a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use repatriation_watch::exchange::{auto_mapping, preview, read_table};
use repatriation_watch::model::{Dataset, RecordKind};

fuzz_target!(|bytes: &[u8]| {
    let Ok(table) = read_table(bytes) else { return };
    let now = jiff::Timestamp::UNIX_EPOCH;
    for kind in RecordKind::ALL {
        let mapping = auto_mapping(*kind, &table.headers);
        let found = preview(&table, *kind, &mapping, &Dataset::default(), now);
        let lines = bytes.iter().filter(|b| **b == b'\n').count() as u64 + 1;
        assert!(found.problems.iter().all(|p| p.line >= 1 && p.line <= lines));
    }
});
