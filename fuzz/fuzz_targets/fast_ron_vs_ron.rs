//! The app's fast reader against the `ron` crate on any bytes: the same records, or the fast
//! reader gives up.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    repatriation_watch::store::fuzzing::fast_reader_agrees_with_ron(bytes);
});
