//! Opening and saving an encrypted dataset beside the same records in a plain file, in the same
//! run: the whole save (text, encryption, temporary file synced, backup, rename) and the whole
//! open as the window's background open reads (a piece at a time, decrypted as it is read). The
//! one passphrase derivation (scrypt, once per opening) is measured on its own, and the peak
//! memory of each read in a fresh process (the peak of scrypt, 256 MiB, reported apart). `cargo bench --bench encrypted`; 100,000 records
//! (90,000 incidents, 10,000 rallies), `BENCH_SIZES=…` for other numbers of records.

mod common;

use std::hint::black_box;
use std::path::Path;
use std::process::Command;

use age::secrecy::SecretString;
use criterion::{BenchmarkId, Criterion, SamplingMode};
use repatriation_watch::generate::{GenerateOptions, generate};
use repatriation_watch::model::Dataset;
use repatriation_watch::store::{Key, Progress, load_protected, save_protected, unlock, write_key_files};

const CHILD: &str = "ENCRYPTED_BENCH_FILE";
const PASSPHRASE: &str = "a passphrase for the benchmark";

/// The numbers of records: 100,000 unless `BENCH_SIZES` says; 1,000 when `cargo test` runs it
/// once (without `--bench`), so that it cannot rot.
fn sizes() -> Vec<usize> {
    if !std::env::args().any(|arg| arg == "--bench") {
        vec![1_000]
    } else if std::env::var("BENCH_SIZES").is_ok() {
        common::sizes()
    } else {
        vec![100_000]
    }
}

fn dataset(records: usize) -> Dataset {
    generate(GenerateOptions { incidents: records * 9 / 10, rallies: records / 10, seed: 1 })
}

fn passphrase() -> SecretString {
    SecretString::from(PASSPHRASE.to_owned())
}

/// In the child: opens the file (unlocking its key when it is encrypted) and prints the peak
/// resident memory in kibibytes, and how many records it read.
fn measure(file: &Path) {
    let key = file
        .extension()
        .is_some_and(|extension| extension == "age")
        .then(|| unlock(file, None, &passphrase()).expect("unlocks"));
    let scrypt_peak = common::status_kib("VmHWM:");
    // The peak of scrypt (its 256 MiB, once per opening) is forgotten: what follows is the read's.
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let dataset = load_protected(file, key.as_ref(), &Progress::default()).expect("loads");
    let peak = if reset { common::status_kib("VmHWM:") } else { 0 };
    println!("{peak} {} {scrypt_peak}", dataset.record_count());
}

/// The peak memory of reading the file (after its key is unlocked), the records read, and the
/// peak while unlocking it.
fn peak_of_opening(file: &Path) -> (u64, u64, u64) {
    let output = Command::new(std::env::current_exe().expect("this benchmark"))
        .env(CHILD, file)
        .output()
        .expect("the child runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let mut numbers = text.split_whitespace().filter_map(|n| n.parse::<u64>().ok());
    (numbers.next().unwrap_or(0), numbers.next().unwrap_or(0), numbers.next().unwrap_or(0))
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("encrypted");
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    let dir = tempfile::tempdir().expect("temporary folder");
    for records in sizes() {
        let dataset = dataset(records);
        let plain = dir.path().join(format!("data-{records}.ron"));
        let encrypted = dir.path().join(format!("data-{records}.ron.age"));
        let key = Key::generate(&passphrase()).expect("a key");
        write_key_files(&encrypted, &key).expect("the key file");
        group.bench_with_input(BenchmarkId::new("save plain file", records), &dataset, |b, dataset| {
            b.iter(|| save_protected(black_box(dataset), &plain, None, &Progress::default()).expect("saves"));
        });
        group.bench_with_input(BenchmarkId::new("save encrypted file", records), &dataset, |b, dataset| {
            b.iter(|| {
                save_protected(black_box(dataset), &encrypted, Some(&key), &Progress::default())
                    .expect("saves");
            });
        });
        group.bench_with_input(BenchmarkId::new("load plain file", records), &plain, |b, file| {
            b.iter(|| load_protected(black_box(file), None, &Progress::default()).expect("loads"));
        });
        group.bench_with_input(BenchmarkId::new("load encrypted file", records), &encrypted, |b, file| {
            b.iter(|| load_protected(black_box(file), Some(&key), &Progress::default()).expect("loads"));
        });
        let ((plain_peak, plain_read, _), (encrypted_peak, encrypted_read, unlocking_peak)) =
            (peak_of_opening(&plain), peak_of_opening(&encrypted));
        assert_eq!(plain_read, encrypted_read, "the same records");
        println!(
            "peak memory reading {records} records: plain {:.0} MiB, encrypted {:.0} MiB ({:.2}x); unlocking the key {:.0} MiB",
            plain_peak as f64 / 1024.0,
            encrypted_peak as f64 / 1024.0,
            encrypted_peak as f64 / plain_peak.max(1) as f64,
            unlocking_peak as f64 / 1024.0
        );
    }
    // The passphrase derivation, once per opening: scrypt at the pinned work factor.
    let file = dir.path().join(format!("data-{}.ron.age", sizes()[0]));
    group.sample_size(10).bench_function("unlock the key file (scrypt)", |b| {
        b.iter(|| unlock(black_box(&file), None, &passphrase()).expect("unlocks"));
    });
    group.finish();
}

fn main() {
    if let Some(file) = std::env::var_os(CHILD) {
        measure(Path::new(&file));
        return;
    }
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();
}
