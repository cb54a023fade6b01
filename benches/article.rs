//! The article reader on a 5,000-word article (the goal: read in under 20 ms), in English and
//! in Korean, made of the corpus's articles one after another, against the sample's places and
//! the bundled gazetteer. `cargo bench --bench article`.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use repatriation_watch::article::{Gazetteer, read};
use repatriation_watch::store::load_sample;

fn reading(c: &mut Criterion) {
    let sample = load_sample().expect("the sample");
    let gazetteer = Gazetteer::bundled();
    let published = Some(jiff::civil::date(2024, 1, 17));
    let mut group = c.benchmark_group("article");
    for (name, prefix) in [("read 5,000 English words", "en-"), ("read 5,000 Korean words", "ko-")] {
        let article = common::article_of(prefix, 5_000);
        group.bench_function(name, |b| b.iter(|| read(black_box(&article), published, &sample, &gazetteer)));
    }
    group.finish();
}

criterion_group!(benches, reading);
criterion_main!(benches);
