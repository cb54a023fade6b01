//! What the benchmarks share: the sizes they run at.

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
