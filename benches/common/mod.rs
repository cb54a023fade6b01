//! What the benchmarks share: the sizes they run at, and articles to read.
#![allow(dead_code)]

pub mod driver;

/// The sizes (incidents) run when `BENCH_SIZES` does not say.
const SIZES: &[usize] = &[10_000, 100_000];

/// The sizes to run: `BENCH_SIZES=10000,100000,1000000`, else 10,000 and 100,000.
pub fn sizes() -> Vec<usize> {
    std::env::var("BENCH_SIZES")
        .ok()
        .map(|text| text.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .filter(|sizes: &Vec<usize>| !sizes.is_empty())
        .unwrap_or_else(|| SIZES.to_vec())
}

/// The texts of the corpus's articles in one language, one after another, to about `words`.
pub fn article_of(prefix: &str, words: usize) -> String {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/article_corpus");
    let mut files: Vec<_> =
        std::fs::read_dir(folder).expect("the corpus").flatten().map(|e| e.path()).collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        // A saved web page as the window reads it: its words.
        .filter_map(|t| {
            t.split_once("\n---\n")
                .map(|(_, body)| repatriation_watch::article::article_text(body).into_owned())
        })
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

/// A line of `/proc/self/status` in kibibytes (`VmRSS`, `VmHWM`); 0 where there is none.
pub fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.trim().strip_suffix("kB")?.trim().parse().ok())
        .unwrap_or(0)
}
