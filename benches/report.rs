//! Reports and charts without a window (issue 18's budgets): the PDF report of a generated
//! dataset of 1,000 incidents with their sources (goal: under 5 s), and a chart's PNG of a
//! million records once their figures are known (goal: under 1 s), with its SVG and the
//! typesetting apart. `cargo bench --bench report`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use repatriation_watch::generate::{GenerateOptions, generate};
use repatriation_watch::i18n::Language;
use repatriation_watch::query::Filters;
use repatriation_watch::report::{ReportProgress, ReportRequest, make_report};
use repatriation_watch::ui::charts::{ChartChoice, ChartKind, ChartsState, chart_picture};
use repatriation_watch::ui::picture::Look;

fn request(language: Language) -> ReportRequest {
    ReportRequest {
        title: "Forced repatriation of North Koreans from China".to_owned(),
        organization: "Benchmark".to_owned(),
        language,
        filters: Filters::default(),
        made: jiff::civil::date(2026, 12, 2),
    }
}

/// Whether this is `cargo test --benches` running each benchmark once (`cargo bench` passes
/// `--bench`): then on small datasets.
fn testing() -> bool {
    !std::env::args().any(|arg| arg == "--bench")
}

fn reports(c: &mut Criterion) {
    let incidents = if testing() { 50 } else { 1_000 };
    let dataset = generate(GenerateOptions { incidents, rallies: incidents / 10, seed: 7 });
    let mut group = c.benchmark_group("report");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    for (name, language) in
        [("1,000 incidents, English", Language::English), ("1,000 incidents, Korean", Language::Korean)]
    {
        let request = request(language);
        group.bench_function(name, |b| {
            b.iter(|| {
                make_report(black_box(&dataset), &request, &ReportProgress::default()).expect("a report")
            });
        });
    }
    group.finish();
}

fn chart_of_a_million(c: &mut Criterion) {
    let half = if testing() { 1_000 } else { 500_000 };
    let dataset = generate(GenerateOptions { incidents: half, rallies: half, seed: 7 });
    let filters = Filters::default();
    let size = egui::vec2(1000.0, 600.0);
    let mut group = c.benchmark_group("chart without a window");
    group.sample_size(10);
    for (name, chart) in
        [("people, 1M records", ChartKind::People), ("timeline, 1M records", ChartKind::Timeline)]
    {
        let mut state = ChartsState::for_choice(ChartChoice { chart, ..ChartChoice::default() });
        // The figures are worked out once, as the window has them by the time it exports.
        chart_picture(&mut state, (&dataset, 0), &filters, size, Look::default()).expect("a chart");
        group.bench_function(format!("{name}: PNG at 2x"), |b| {
            b.iter(|| {
                let picture = chart_picture(&mut state, (&dataset, 0), &filters, size, Look::default())
                    .expect("a chart");
                let (width, height, rgba) = picture.pixels(2.0).expect("pixels");
                let mut png = Vec::new();
                let mut encoder = png::Encoder::new(&mut png, width, height);
                encoder.set_color(png::ColorType::Rgba);
                encoder.write_header().expect("header").write_image_data(&rgba).expect("written");
                png
            });
        });
        group.bench_function(format!("{name}: PNG at 1x"), |b| {
            b.iter(|| {
                let picture = chart_picture(&mut state, (&dataset, 0), &filters, size, Look::default())
                    .expect("a chart");
                picture.pixels(1.0).expect("pixels")
            });
        });
        group.bench_function(format!("{name}: SVG"), |b| {
            b.iter(|| {
                chart_picture(&mut state, (&dataset, 0), &filters, size, Look::default())
                    .expect("a chart")
                    .svg()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, reports, chart_of_a_million);
criterion_main!(benches);
