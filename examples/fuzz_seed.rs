//! Writes the sample encrypted to the fuzzing key, a seed for the encrypted loader's fuzz
//! target (`fuzz/seed.sh` runs it).

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: fuzz_seed OUT");
        std::process::exit(2);
    };
    let seed =
        repatriation_watch::store::fuzzing::encrypted_seed(repatriation_watch::store::SAMPLE_RON.as_bytes());
    if let Err(error) = std::fs::write(&out, seed) {
        eprintln!("{out}: {error}");
        std::process::exit(1);
    }
}
