//! Loading and saving a generated dataset, beside `serde_json` on the same `Dataset` in the
//! same run (the limit a text format sets), and the whole save of a file to disk.
//! `cargo bench --bench load_save`; 10,000 and 100,000 incidents, and
//! `BENCH_SIZES=10000,100000,1000000` changes them.

mod common;

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use repatriation_watch::generate::{GenerateOptions, generate};
use repatriation_watch::model::Dataset;
use repatriation_watch::store::{Progress, from_ron, load_file_with_progress, save_file, to_ron};

fn dataset(incidents: usize) -> Dataset {
    generate(GenerateOptions { incidents, rallies: incidents / 10, seed: 1 })
}

fn load_and_save(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_save");
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    for incidents in common::sizes() {
        let dataset = dataset(incidents);
        let ron_text = to_ron(&dataset).expect("serializes");
        let json_text = serde_json::to_vec(&dataset).expect("serializes");
        group.bench_with_input(BenchmarkId::new("load ron", incidents), &ron_text, |b, text| {
            b.iter(|| from_ron(black_box(text.as_bytes()), Path::new("bench.ron")).expect("loads"));
        });
        group.bench_with_input(BenchmarkId::new("load json", incidents), &json_text, |b, text| {
            b.iter(|| serde_json::from_slice::<Dataset>(black_box(text)).expect("loads"));
        });
        group.bench_with_input(BenchmarkId::new("save ron", incidents), &dataset, |b, dataset| {
            b.iter(|| to_ron(black_box(dataset)).expect("serializes"));
        });
        group.bench_with_input(BenchmarkId::new("save json", incidents), &dataset, |b, dataset| {
            b.iter(|| serde_json::to_vec_pretty(black_box(dataset)).expect("serializes"));
        });
        // The whole save: the text, the temporary file synced to disk, the backup and the rename.
        let dir = tempfile::tempdir().expect("temporary folder");
        let file = dir.path().join("data.ron");
        group.bench_with_input(BenchmarkId::new("save ron file", incidents), &dataset, |b, dataset| {
            b.iter(|| save_file(black_box(dataset), &file).expect("saves"));
        });
        // The whole open as the app's background open reads: the file a piece at a time.
        group.bench_with_input(BenchmarkId::new("load ron file", incidents), &file, |b, file| {
            b.iter(|| load_file_with_progress(black_box(file), &Progress::default()).expect("loads"));
        });
    }
    group.finish();
}

criterion_group!(benches, load_and_save);
criterion_main!(benches);
