//! The article reader on a 5,000-word article (the goal: read in under 20 ms), in English and
//! in Korean, made of the corpus's articles one after another, against the sample's places and
//! the bundled gazetteer. `cargo bench --bench article`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use repatriation_watch::article::{Gazetteer, read};
use repatriation_watch::store::load_sample;

/// The texts of the corpus's articles in one language, one after another, to about `words`.
fn article_of(prefix: &str, words: usize) -> String {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/article_corpus");
    let mut files: Vec<_> =
        std::fs::read_dir(folder).expect("the corpus").flatten().map(|e| e.path()).collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter_map(|t| t.split_once("\n---\n").map(|(_, body)| body.to_owned()))
        .collect();
    let mut article = String::new();
    while article.split_whitespace().count() < words {
        for text in &texts {
            article.push_str(text);
            article.push('\n');
        }
    }
    article
}

fn reading(c: &mut Criterion) {
    let sample = load_sample().expect("the sample");
    let gazetteer = Gazetteer::bundled();
    let published = Some(jiff::civil::date(2024, 1, 17));
    let mut group = c.benchmark_group("article");
    for (name, prefix) in [("read 5,000 English words", "en-"), ("read 5,000 Korean words", "ko-")] {
        let article = article_of(prefix, 5_000);
        group.bench_function(name, |b| b.iter(|| read(black_box(&article), published, &sample, &gazetteer)));
    }
    group.finish();
}

criterion_group!(benches, reading);
criterion_main!(benches);
