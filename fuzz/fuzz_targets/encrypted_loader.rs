//! The encrypted loader on any bytes: no panic, and records only from bytes that decrypt, the
//! same the `ron` crate reads from them.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let _ = repatriation_watch::store::fuzzing::encrypted_loader_on(bytes);
});
