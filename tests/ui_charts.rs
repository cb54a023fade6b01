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
    harness.hover_at(centre);
    harness.run();
    for pressed in [true, false] {
        let button = egui::PointerButton::Primary;
        harness.event(egui::Event::PointerButton {
            pos: centre,
            button,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
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

/// A screen of the window's size whose every pixel encodes where it is: red = x / 8, green = y / 8.
fn coordinate_screen(width: usize, height: usize) -> egui::ColorImage {
    let mut image = egui::ColorImage::filled([width, height], egui::Color32::BLACK);
    for y in 0..height {
        for x in 0..width {
            let channel = |v: usize| u8::try_from(v / 8 % 256).unwrap_or(0);
            image.pixels[y * width + x] = egui::Color32::from_rgb(channel(x), channel(y), 200);
        }
    }
    image
}

#[test]
// Screen positions are small and positive: they convert to pixel indices exactly.
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

    click(&mut harness, "Export PNG…");
    let png = workspace.dir.path().join("chart.png");
    support::type_into(&mut harness, "File path", &png.display().to_string());
    harness.get_by_label("OK").click();
    // The app asks the window for a screenshot; here the test answers it as the window would.
    let mut request = None;
    for _ in 0..10 {
        harness.step();
        let commands =
            harness.output().viewport_output.get(&egui::ViewportId::ROOT).map(|o| o.commands.clone());
        request = commands.into_iter().flatten().find_map(|command| match command {
            egui::ViewportCommand::Screenshot(callback) => Some(callback),
            _ => None,
        });
        if request.is_some() {
            break;
        }
    }
    let request = request.expect("the app asked for a screenshot of the chart");
    request.complete(std::sync::Arc::new(coordinate_screen(1400, 900)));
    harness.run();

    let decoder =
        png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).expect("the PNG is written")));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    // The picture is the chart's part of the screen: its title, note, axes and plot, not the
    // whole window (1400 × 900) nor the controls above it.
    let title = harness.get_by_label_contains("People forcibly repatriated per month").rect();
    assert!(info.width > 600 && info.width < 1400 && info.height > 300 && info.height < 900, "{info:?}");
    let top_left = (pixels[0], pixels[1]);
    let expected = (
        u8::try_from(title.left() as usize / 8).unwrap_or(0),
        u8::try_from(title.top() as usize / 8).unwrap_or(0),
    );
    assert!(
        top_left.0.abs_diff(expected.0) <= 1 && top_left.1.abs_diff(expected.1) <= 1,
        "{top_left:?} vs {expected:?}"
    );
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
