//! The charts in the window: they open, change period, and a click on a bar filters the table.

mod support;

use egui_kittest::kittest::{NodeT, Queryable};
use jiff::civil::date;
use repatriation_watch::model::{Id, RecordKind};
use support::{Workspace, click, harness};

const DATA: &str = r#"(format: "repatriation-watch", version: 1, incidents: [
  (id: "a", title: "Thirty from Dandong", date: (earliest: "2023-11-20", latest: "2023-11-20", precision: Day),
   estimates: [(count: (qualifier: About, best: 30, as_reported: "some 30"), preferred: true)]),
  (id: "b", title: "Thirty-five to Onsong", date: (earliest: "2023-12-26", latest: "2023-12-26", precision: Day),
   estimates: [(count: (qualifier: About, best: 35, as_reported: "around 35"), preferred: true)]),
  (id: "c", title: "Undated", estimates: [(count: (qualifier: Exact, low: 5, high: 5, best: 5, as_reported: "5"), preferred: true)]),
])"#;

/// The app on a file with `data`, showing the charts.
fn charts_on(
    data: &str,
) -> (Workspace, egui_kittest::Harness<'static, repatriation_watch::app::RepatriationWatchApp>) {
    let workspace = Workspace::new();
    let file = workspace.dir.path().join("two-months.ron");
    std::fs::write(&file, data).expect("write");
    let mut harness = harness(workspace.options(Some(&file)));
    click(&mut harness, "Charts");
    (workspace, harness)
}

#[test]
fn charts_open_change_period_and_a_bar_click_filters_the_table() {
    let (_workspace, mut harness) = charts_on(DATA);
    assert!(harness.state().charts_shown());
    assert_eq!(harness.state().chart_periods(), ["2023-11", "2023-12"]);

    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Per").click();
    harness.run();
    click(&mut harness, "year");
    assert_eq!(harness.state().chart_periods(), ["2023"]);

    click_middle_of_the_plot(&mut harness);

    assert!(!harness.state().charts_shown(), "the table of the records behind the bar is shown");
    assert_eq!(harness.state().view(), RecordKind::Incident);
    let filters = harness.state().filters();
    assert_eq!((filters.from, filters.to), (Some(date(2023, 1, 1)), Some(date(2023, 12, 31))));
    assert_eq!(
        harness.state().visible_ids(),
        [Id::new("a"), Id::new("b")],
        "the undated record is not in 2023"
    );
    click(&mut harness, "× Clear 2023");
    assert_eq!(harness.state().visible_ids().len(), 3);
}

/// The middle of the plot below `note`, above the status bar that says `status`.
fn middle_of_the_plot(
    harness: &egui_kittest::Harness<'_, repatriation_watch::app::RepatriationWatchApp>,
    note: &str,
    status: &str,
) -> egui::Pos2 {
    let note = harness.get_by_label_contains(note).rect();
    let status = harness.get_by_label_contains(status).rect();
    // The plot spans from the note's left edge to the window's right edge (1400 wide).
    egui::pos2(f32::midpoint(note.left(), 1392.0), f32::midpoint(note.bottom(), status.top()))
}

/// Clicks the middle of the plot, where a lone bar stands.
fn click_middle_of_the_plot(
    harness: &mut egui_kittest::Harness<'_, repatriation_watch::app::RepatriationWatchApp>,
) {
    let centre = middle_of_the_plot(harness, "Bars: people forcibly repatriated per period", "3 incidents");
    support::click_at(harness, centre);
}

#[test]
fn a_click_on_a_status_segment_filters_by_its_status_too() {
    // The December incident is confirmed: the bar's lower segment (35 of 65) when coloured by status.
    let (_workspace, mut harness) = charts_on(&DATA.replace("(id: \"b\",", "(id: \"b\", status: Confirmed,"));
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Per").click();
    harness.run();
    click(&mut harness, "year");
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Colour by").click();
    harness.run();
    click(&mut harness, "status");
    click_middle_of_the_plot(&mut harness);
    assert_eq!(harness.state().filters().status, Some(repatriation_watch::model::IncidentStatus::Confirmed));
    assert_eq!(harness.state().visible_ids(), [Id::new("b")]);
    click(&mut harness, "× Clear 2023, confirmed");
    assert_eq!(harness.state().visible_ids().len(), 3);
}

#[test]
fn an_empty_dataset_says_what_to_do_instead_of_drawing_empty_axes() {
    let workspace = Workspace::new();
    let mut harness = harness(workspace.options(None));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    click(&mut harness, "Charts");
    harness.get_by_label_contains("No dated forced repatriations with a figure match the filters");
}

#[test]
fn the_chart_numbers_are_exported_as_csv() {
    let (workspace, mut harness) = charts_on(DATA);
    click(&mut harness, "Export CSV…");
    let target = workspace.dir.path().join("chart");
    support::type_into(&mut harness, "File path", &target.display().to_string());
    click(&mut harness, "OK");
    let text =
        std::fs::read_to_string(workspace.dir.path().join("chart.csv")).expect("written, with .csv added");
    let expected = "period,start,end,people_low,people_best,people_high,incidents,rallies,attendance_best,\
                    people_best: destination unknown\n\
                    2023-11,2023-11-01,2023-11-30,30.0,30.0,30.0,1,0,0.0,30.0\n\
                    2023-12,2023-12-01,2023-12-31,35.0,35.0,35.0,1,0,0.0,35.0\n";
    assert_eq!(text, expected);
}

#[test]
fn the_breakdown_is_shown_and_exported_as_csv() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    click(&mut harness, "Charts");
    click(&mut harness, "Breakdown");
    harness.get_by_label_contains("People forcibly repatriated by sent from");
    click(&mut harness, "Export CSV…");
    let target = workspace.dir.path().join("by-place.csv");
    support::type_into(&mut harness, "File path", &target.display().to_string());
    click(&mut harness, "OK");
    let text = std::fs::read_to_string(&target).expect("written");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("sent from,records,people_low,people_best,people_high,attendance_best"));
    assert!(text.contains("\nBaiyin Detention Center,1,200.0,200.0,,0.0\n"), "{text}");
    assert!(text.contains("\nDandong,1,30.0,30.0,30.0,0.0\n"), "{text}");
}

#[test]
fn every_chart_opens_on_the_sample() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    click(&mut harness, "Charts");
    // The sample spans 2000 to 2024 with most months empty: the charts start per year.
    for (tab, title) in [
        ("Cumulative", "People forcibly repatriated, running total per year"),
        ("Rallies per period", "Rallies against forced repatriation per year"),
        ("Timeline", "Forced repatriations and rallies"),
        ("People sent back", "People forcibly repatriated per year"),
    ] {
        click(&mut harness, tab);
        harness.get_by_label_contains(title);
    }
}

#[test]
fn the_rallies_chart_shows_counts_or_attendance() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    click(&mut harness, "Charts");
    click(&mut harness, "Rallies per period");
    harness.get_by_label_contains("Bars: rallies, press conferences");
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Show").click();
    harness.run();
    click(&mut harness, "attendance");
    harness.get_by_label_contains("Bars: people attending rallies per period");
}

/// The elements of an SVG document that draw something, each as its text with the numbers
/// taken out, and the numbers: clip paths and groups left aside (the window clips to its
/// panels, a picture to its canvas).
fn drawn_elements(svg: &str) -> Vec<(String, Vec<f64>)> {
    svg.lines()
        .filter(|line| {
            ["<rect", "<line", "<polyline", "<polygon", "<ellipse", "<path", "<text"]
                .iter()
                .any(|e| line.starts_with(e))
        })
        .map(|line| {
            let mut skeleton = String::new();
            let mut numbers = Vec::new();
            let mut number = String::new();
            for c in line.chars().chain(std::iter::once(' ')) {
                let continues = c.is_ascii_digit() || c == '.' || (c == '-' && number.is_empty());
                if continues {
                    number.push(c);
                    continue;
                }
                if !number.is_empty() {
                    match number.parse::<f64>() {
                        Ok(value) => {
                            numbers.push(value);
                            skeleton.push('#');
                        }
                        Err(_) => skeleton.push_str(&number),
                    }
                    number.clear();
                }
                skeleton.push(c);
            }
            (skeleton, numbers)
        })
        .collect()
}

#[test]
// Picture sizes are small and positive: they convert to pixels exactly.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn the_chart_picture_and_numbers_are_exported_from_the_same_chart() {
    let (workspace, mut harness) = charts_on(DATA);
    click(&mut harness, "Export CSV…");
    support::type_into(
        &mut harness,
        "File path",
        &workspace.dir.path().join("chart.csv").display().to_string(),
    );
    click(&mut harness, "OK");
    let svg_path = workspace.dir.path().join("chart.svg");
    click(&mut harness, "Export SVG…");
    support::type_into(&mut harness, "File path", &svg_path.display().to_string());
    click(&mut harness, "OK");
    let png_path = workspace.dir.path().join("chart.png");
    click(&mut harness, "Export PNG…");
    support::type_into(&mut harness, "File path", &png_path.display().to_string());
    click(&mut harness, "OK");
    harness.run();

    // The picture holds what the window draws over the chart's place, shape for shape, moved
    // to the picture's corner: no more, no less, at the same sizes and in the same colours.
    let rect = harness.state().chart_rect().expect("the chart is on screen");
    let margin = repatriation_watch::ui::picture::MARGIN;
    let offset = egui::vec2(margin, margin) - rect.min.to_vec2();
    let in_chart: Vec<egui::epaint::ClippedShape> = harness
        .output()
        .shapes
        .iter()
        .filter(|clipped| rect.expand(0.5).contains_rect(clipped.shape.visual_bounding_rect()))
        .map(|clipped| {
            let mut shape = clipped.shape.clone();
            shape.translate(offset);
            egui::epaint::ClippedShape {
                clip_rect: egui::Rect::EVERYTHING,
                shape,
                transform_after_tessellation: egui::emath::TSTransform::IDENTITY,
            }
        })
        .collect();
    let window = repatriation_watch::ui::picture::svg_document(&in_chart, rect.size());
    let exported = std::fs::read_to_string(&svg_path).expect("the SVG is written");
    let (window, exported) = (drawn_elements(&window), drawn_elements(&exported));
    // The exported picture also has its background, drawn first.
    assert!(exported.first().is_some_and(|(skeleton, _)| skeleton.starts_with("<rect")), "{exported:?}");
    let exported = &exported[1..];
    assert!(window.len() > 20, "the chart draws bars, axes and text: {window:?}");
    assert_eq!(window.len(), exported.len(), "as many shapes in the picture as the window draws");
    for (seen, written) in window.iter().zip(exported) {
        assert_eq!(seen.0, written.0, "the same element");
        let near = seen.1.iter().zip(&written.1).all(|(a, b)| (a - b).abs() < 0.01);
        assert!(near && seen.1.len() == written.1.len(), "{seen:?} vs {written:?}");
    }
    assert!(
        exported.iter().any(|(skeleton, _)| skeleton.contains(">People forcibly repatriated per month")),
        "the title is text in the picture"
    );

    // The PNG is that same picture in pixels, at the window's density.
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png_path).expect("the PNG is written"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    let canvas = repatriation_watch::ui::charts::canvas_for(rect);
    let ppp = harness.ctx.pixels_per_point();
    assert_eq!(info.width, (canvas.x * ppp).round() as u32);
    assert_eq!(info.height, (canvas.y * ppp).round() as u32);
    let svg = std::fs::read_to_string(&svg_path).expect("the SVG is written");
    let (_, _, rendered) = repatriation_watch::ui::picture::rasterize(&svg, ppp).expect("rasterized");
    assert!(pixels == rendered, "the PNG is the SVG's pixels");

    // `repatriation-watch chart` at the same size and theme draws the same picture, shapes and
    // pixels.
    let dark = harness.ctx.theme() == egui::Theme::Dark;
    let cli_svg = workspace.dir.path().join("cli.svg");
    let cli_png = workspace.dir.path().join("cli.png");
    let file = workspace.dir.path().join("two-months.ron");
    for (out, scale) in [(&cli_svg, 1.0), (&cli_png, ppp)] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_repatriation-watch"))
            .args(["chart", file.to_str().expect("path"), "--kind", "people"])
            .args(["--width", &canvas.x.to_string(), "--height", &canvas.y.to_string()])
            .args(["--scale", &scale.to_string(), "--out", out.to_str().expect("path")])
            .args(dark.then_some("--dark"))
            .output()
            .expect("runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let from_cli = drawn_elements(&std::fs::read_to_string(&cli_svg).expect("the CLI's SVG"));
    assert_eq!(from_cli[1..], *exported, "the command line draws what the window exports");
    let cli_png = std::fs::read(&cli_png).expect("the CLI's PNG");
    assert!(cli_png == std::fs::read(&png_path).expect("the window's PNG"), "the same PNG, byte for byte");

    // And the numbers of that same chart.
    let csv = std::fs::read_to_string(workspace.dir.path().join("chart.csv")).expect("the CSV is written");
    assert!(csv.contains("\n2023-11,") && csv.contains("\n2023-12,"), "{csv}");
}

#[test]
fn a_crowded_timeline_draws_the_largest_repatriations_and_says_so() {
    use repatriation_watch::generate::{GenerateOptions, generate};
    let dataset = generate(GenerateOptions { incidents: 6_000, rallies: 10, seed: 2 });
    let text = repatriation_watch::store::to_ron(&dataset).expect("writes");
    let (_workspace, mut harness) = charts_on(&text);
    click(&mut harness, "Timeline");
    harness.get_by_label_contains("The 2,000 forced repatriations with the most people, of ");
}

#[test]
fn hovering_the_timeline_lists_the_records_at_that_day_then_how_many_more() {
    // Fourteen repatriations over November and December, and thirteen rallies in the middle.
    let incident = |n: usize| {
        format!(
            "(id: \"i{n:02}\", title: \"Sent back {n}\", \
             date: (earliest: \"2023-11-01\", latest: \"2023-12-31\", precision: Range), \
             estimates: [(count: (qualifier: Exact, low: {n}, high: {n}, best: {n}, as_reported: \"{n}\"), preferred: true)]),"
        )
    };
    let rally = |n: usize| {
        format!(
            "(id: \"r{n:02}\", title: \"Vigil {n}\", \
             date: (earliest: \"2023-12-01\", latest: \"2023-12-01\", precision: Day)),"
        )
    };
    let incidents: String = (1..=14).map(incident).collect();
    let rallies: String = (1..=13).map(rally).collect();
    let data = format!(
        "(format: \"repatriation-watch\", version: 1, incidents: [{incidents}], rallies: [{rallies}])"
    );
    let (_workspace, mut harness) = charts_on(&data);
    click(&mut harness, "Timeline");
    let centre = middle_of_the_plot(&harness, "Bars: forced repatriations", "14 incidents");
    harness.hover_at(centre);
    harness.run();
    // The tooltip's text, on the tooltip and on the label in it.
    let tip = harness
        .query_all_by_label_contains("Sent back 1 (")
        .filter_map(|node| node.accesskit_node().label())
        .max_by_key(String::len)
        .unwrap_or_default();
    let sent_back = tip.lines().filter(|line| line.starts_with("Sent back")).count();
    let vigils = tip.lines().filter(|line| line.starts_with("Rally, ")).count();
    assert_eq!((sent_back, vigils), (12, 12), "{tip}");
    assert!(tip.contains("and 2 more") && tip.contains("and 1 more"), "{tip}");
    assert!(tip.contains("Sent back 12 (") && !tip.contains("Sent back 13 ("), "in their order: {tip}");
}
