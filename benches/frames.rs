//! Frame times of the real app, headless: an `egui::Context` running the app at 1280×800, with
//! the frame's shapes tessellated, as a window would. For each size it reports the median and
//! the worst of 100 frames on the tables and on the charts (idle, scrolling, hovering a chart),
//! the time until a chart first shown is drawn, the time from one edit to the charts up to date,
//! and from one search keystroke to the table filtered.
//!
//! `cargo bench --bench frames`; `BENCH_SIZES=10000,100000,1000000` changes the sizes (incidents;
//! a tenth as many rallies). `BENCH_ONLY` runs one part only: `search`, `edit` (the edits with
//! the charts shown), `charts` (the charts' first showing, the breakdown, the timeline and the
//! map), `map` (the map only: shown, idle, hovering a flow, sweeping, dragging, edits) or
//! `editor` (the table with an incident open) or `article` (the article dialog on 5,000 words).
//! `BENCH_SLOW_FRAMES=1` prints each keystroke with its last frames.

mod common;

use common::driver::Driver;

use std::time::{Duration, Instant};

use eframe::egui::{self, Event, MouseWheelUnit, Pos2, Vec2};
use repatriation_watch::edit::{AnyRecord, Edit};
use repatriation_watch::generate::{GenerateOptions, generate};
use repatriation_watch::model::{CountEstimate, Incident, RecordKind};
use repatriation_watch::store::save_file;
use repatriation_watch::ui::charts::ChartKind;
use repatriation_watch::ui::charts::map::Target;
use repatriation_watch::ui::command::Command;

const FRAMES: usize = 100;
/// A point over the table's rows.
const OVER_TABLE: Pos2 = Pos2::new(450.0, 450.0);

/// A hundred frames at a time.
trait HundredFrames {
    /// 100 frames, each with the events `events(i)` gives.
    fn frames(&mut self, events: impl FnMut(usize) -> Vec<Event>) -> Stats;
}

impl HundredFrames for Driver {
    fn frames(&mut self, mut events: impl FnMut(usize) -> Vec<Event>) -> Stats {
        Stats::of((0..FRAMES).map(|i| self.frame(events(i))).collect())
    }
}

/// The median and the worst of some frame times.
struct Stats {
    median: Duration,
    worst: Duration,
}

impl Stats {
    fn of(mut times: Vec<Duration>) -> Self {
        times.sort();
        Self { median: times[times.len() / 2], worst: times[times.len() - 1] }
    }
}

fn ms(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

fn report(size: usize, screen: &str, action: &str, stats: &Stats) {
    println!("| {size} | {screen} | {action} | {} | {} |", ms(stats.median), ms(stats.worst));
}

fn scroll(step: f32) -> Vec<Event> {
    vec![
        Event::PointerMoved(OVER_TABLE),
        Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: Vec2::new(0.0, step),
            phase: egui::TouchPhase::Move,
            modifiers: egui::Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        },
    ]
}

/// A point sweeping across the chart, a new place each frame.
fn hover(i: usize) -> Vec<Event> {
    let x = 300.0 + (i % 90) as f32 * 10.0;
    vec![Event::PointerMoved(Pos2::new(x, 480.0))]
}

fn bench_size(size: usize) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("data.ron");
    let dataset = generate(GenerateOptions { incidents: size, rallies: size / 10, seed: 1 });
    save_file(&dataset, &file).expect("writes the dataset");
    let first_incident = dataset.incidents[size / 2].clone();
    drop(dataset);
    let mut driver = Driver::opened(&file, &dir.path().join("recovery"));
    if std::env::var("BENCH_ONLY").is_ok_and(|only| only == "search") {
        report_search(size, &mut driver);
        return;
    }

    if std::env::var("BENCH_ONLY").is_ok_and(|only| only == "article") {
        report_article(size, &mut driver);
        return;
    }

    if std::env::var("BENCH_ONLY").is_ok_and(|only| only == "map") {
        report_map(size, &mut driver, &first_incident);
        return;
    }

    if std::env::var("BENCH_ONLY").is_ok_and(|only| only == "editor") {
        report_editor_open(size, &mut driver, &first_incident);
        return;
    }

    if std::env::var("BENCH_ONLY").is_ok_and(|only| only == "edit") {
        report_charts_first_shown(size, &mut driver);
        driver.settle();
        report(size, "charts", "one edit (frame that shows it)", &edit_frames(&mut driver, &first_incident));
        return;
    }

    report(size, "incidents table", "idle", &driver.frames(|_| Vec::new()));
    report(size, "incidents table", "scrolling", &driver.frames(|_| scroll(-120.0)));
    report(size, "incidents table", "scrolling back", &driver.frames(|_| scroll(120.0)));

    report_charts_first_shown(size, &mut driver);
    report_other_charts(size, &mut driver, &first_incident);
    report_map(size, &mut driver, &first_incident);
    if std::env::var("BENCH_ONLY").is_ok_and(|only| only == "charts") {
        return;
    }
    driver.app.show_chart(ChartKind::People);
    driver.settle();
    report(size, "charts", "idle", &driver.frames(|_| Vec::new()));
    report(size, "charts", "hovering", &driver.frames(hover));
    let mut switching = Vec::new();
    for i in 0..FRAMES {
        let command = if i % 2 == 0 { Command::Show(RecordKind::Incident) } else { Command::ShowCharts };
        driver.app.request(command);
        switching.push(driver.frame(Vec::new()));
    }
    report(size, "tables and charts", "switching each frame", &Stats::of(switching));

    driver.app.request(Command::ShowCharts);
    driver.settle();
    report(size, "charts", "one edit (frame that shows it)", &edit_frames(&mut driver, &first_incident));

    driver.app.request(Command::Show(RecordKind::Incident));
    driver.settle();
    report(
        size,
        "incidents table",
        "one edit (frame that shows it)",
        &edit_frames(&mut driver, &first_incident),
    );
    report_search(size, &mut driver);
    report_editor_open(size, &mut driver, &first_incident);
    report_article(size, &mut driver);
}

/// The article dialog on a 5,000-word article: its frames idle and with the pointer moving over
/// the proposals.
fn report_article(size: usize, driver: &mut Driver) {
    driver.paste_article(&common::article_of("en-", 5_000));
    report(size, "article dialog, 5,000 words", "idle", &driver.frames(|_| Vec::new()));
    let over = |i: usize| vec![Event::PointerMoved(Pos2::new(900.0, 300.0 + (i % 40) as f32 * 8.0))];
    report(size, "article dialog, 5,000 words", "pointer over the proposals", &driver.frames(over));
}

/// Shows the charts for the first time and reports the time until they are drawn and every
/// frame drawn meanwhile.
fn report_charts_first_shown(size: usize, driver: &mut Driver) {
    driver.app.request(Command::ShowCharts);
    // The command runs at the end of a frame; the figures are then worked out (on another
    // thread for a large dataset, the frames drawn meanwhile), and the period may be chosen from
    // the data's span, which works them out again.
    let started = Instant::now();
    let mut meanwhile = vec![driver.frame(Vec::new()), driver.frame(Vec::new())];
    while driver.app.is_charting() {
        std::thread::sleep(Duration::from_millis(5));
        meanwhile.push(driver.frame(Vec::new()));
    }
    meanwhile.push(driver.frame(Vec::new()));
    let until_shown = started.elapsed();
    report(size, "charts", "first shown: until the chart is drawn", &Stats::of(vec![until_shown]));
    report(size, "charts", "first shown: each frame meanwhile", &Stats::of(meanwhile));
}

/// The breakdown and the timeline: each shown the first time, idle, and after each of 10 edits
/// (worked out on another thread for a large dataset: the time until drawn, and the frames
/// drawn meanwhile).
fn report_other_charts(size: usize, driver: &mut Driver, incident: &Incident) {
    for (chart, name) in [(ChartKind::Breakdown, "breakdown"), (ChartKind::Timeline, "timeline")] {
        driver.app.show_chart(chart);
        let (first, meanwhile) = until_drawn(driver);
        report(size, name, "first shown: until drawn", &Stats::of(vec![first]));
        report(size, name, "idle", &driver.frames(|_| Vec::new()));
        report_ten_edits(size, name, driver, incident, meanwhile);
    }
}

/// The map: shown the first time, idle, the pointer resting on a flow (its tooltip shown),
/// sweeping across it, dragging it, and 10 edits of an incident's title and figure.
fn report_map(size: usize, driver: &mut Driver, incident: &Incident) {
    let name = "map";
    driver.app.show_chart(ChartKind::Map);
    let (first, meanwhile) = until_drawn(driver);
    report(size, name, "first shown: until drawn", &Stats::of(vec![first]));
    report(size, name, "idle", &driver.frames(|_| Vec::new()));
    let on_a_flow = driver.app.map_targets().iter().find_map(|target| match target {
        Target::Flow { line, .. } => Some(line[line.len() / 2]),
        _ => None,
    });
    if let Some(at) = on_a_flow {
        report(
            size,
            name,
            "resting on a flow (tooltip shown)",
            &driver.frames(|_| vec![Event::PointerMoved(at)]),
        );
    }
    report(size, name, "sweeping across it", &driver.frames(hover));
    let drag = |i: usize| {
        let at = Pos2::new(500.0 + (i % 50) as f32 * 4.0, 500.0);
        let mut events = vec![Event::PointerMoved(at)];
        if i == 0 {
            let (button, modifiers) = (egui::PointerButton::Primary, egui::Modifiers::NONE);
            events.push(Event::PointerButton { pos: at, button, pressed: true, modifiers });
        }
        events
    };
    report(size, name, "dragging it", &driver.frames(drag));
    let at = Pos2::new(700.0, 500.0);
    let release = egui::PointerButton::Primary;
    driver.frame(vec![Event::PointerButton {
        pos: at,
        button: release,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    }]);
    report_ten_edits(size, name, driver, incident, meanwhile);
}

/// Ten edits of `incident`, each until the chart shown is drawn again; reports them with every
/// frame drawn meanwhile (those of its first showing, `meanwhile`, too).
fn report_ten_edits(
    size: usize,
    name: &str,
    driver: &mut Driver,
    incident: &Incident,
    mut meanwhile: Vec<Duration>,
) {
    let mut edited = Vec::new();
    for edit in edits(incident).into_iter().take(10) {
        driver.app.request_edit(edit);
        let (time, frames) = until_drawn(driver);
        edited.push(time);
        meanwhile.extend(frames);
    }
    report(size, name, "one edit: until drawn (10 edits)", &Stats::of(edited));
    report(size, name, "each frame meanwhile", &Stats::of(meanwhile));
}

/// Runs frames until the chart shown is worked out; returns the time it took and each frame's.
fn until_drawn(driver: &mut Driver) -> (Duration, Vec<Duration>) {
    let started = Instant::now();
    let mut frames = vec![driver.frame(Vec::new()), driver.frame(Vec::new())];
    while driver.app.is_charting() {
        std::thread::sleep(Duration::from_millis(2));
        frames.push(driver.frame(Vec::new()));
    }
    (started.elapsed(), frames)
}

/// Opens the incident in the editor and reports the idle frames.
fn report_editor_open(size: usize, driver: &mut Driver, incident: &Incident) {
    driver.app.select(RecordKind::Incident, incident.id.clone());
    driver.settle();
    report(size, "incidents table and editor", "idle, an incident open", &driver.frames(|_| Vec::new()));
}

/// The frames that show each of 100 edits, made through the app's edit path.
fn edit_frames(driver: &mut Driver, incident: &Incident) -> Stats {
    let times = edits(incident)
        .into_iter()
        .map(|edit| {
            driver.app.request_edit(edit);
            driver.frame(Vec::new())
        })
        .collect();
    Stats::of(times)
}

/// Runs the search and reports it.
fn report_search(size: usize, driver: &mut Driver) {
    let (until_shown, frames) = search(driver);
    report(size, "incidents table", "search keystroke → rows shown", &until_shown);
    report(size, "incidents table", "frames while searching", &frames);
}

/// 100 edits of one incident: its title and its figure.
fn edits(incident: &Incident) -> Vec<Edit> {
    (0..FRAMES)
        .map(|i| {
            let mut record = incident.clone();
            record.title = format!("{} ({i})", record.title);
            if let Some(estimate) = record.estimates.first_mut() {
                let figure = 100 + u32::try_from(i).unwrap_or(0);
                estimate.count = CountEstimate::exact(figure, figure.to_string());
            }
            Edit::put(AnyRecord::Incident(record))
        })
        .collect()
}

/// Types a word into the search box, one letter a frame, then another word in its place; each
/// keystroke's time runs until the table shows the rows that match. Returns those times and the
/// times of every frame drawn meanwhile.
fn search(driver: &mut Driver) -> (Stats, Stats) {
    let mut until_shown = Vec::new();
    let mut frames = Vec::new();
    let slow = std::env::var("BENCH_SLOW_FRAMES").is_ok();
    let mut keystroke = |driver: &mut Driver, events: Vec<Event>| {
        let start = Instant::now();
        if slow {
            eprintln!("keystroke {events:?}");
        }
        frames.push(driver.frame(events));
        while driver.app.is_busy() || driver.app.is_searching() {
            frames.push(driver.frame(Vec::new()));
        }
        let elapsed = start.elapsed();
        if slow {
            eprintln!(
                "  {elapsed:?} until shown; last frames {:?}",
                frames.iter().rev().take(3).collect::<Vec<_>>()
            );
        }
        until_shown.push(elapsed);
    };
    for round in 0..(FRAMES / 10) {
        driver.app.request(Command::Find);
        driver.settle();
        for letter in "dandong".chars() {
            keystroke(driver, vec![Event::Text(letter.to_string())]);
        }
        let select_all = key(egui::Key::A, egui::Modifiers::COMMAND);
        let word = if round % 2 == 0 { "d" } else { "x" };
        keystroke(driver, vec![select_all, Event::Text(word.to_owned())]);
        keystroke(driver, vec![key(egui::Key::Backspace, egui::Modifiers::NONE)]);
    }
    (Stats::of(until_shown), Stats::of(frames))
}

fn key(key: egui::Key, modifiers: egui::Modifiers) -> Event {
    Event::Key { key, physical_key: None, pressed: true, repeat: false, modifiers }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this once at the smallest size.
    let testing = std::env::args().any(|arg| arg == "--test") || !std::env::args().any(|a| a == "--bench");
    let sizes = if testing { vec![1_000] } else { common::sizes() };
    println!("| incidents | screen | action | median | worst |");
    println!("| --- | --- | --- | --- | --- |");
    for size in sizes {
        bench_size(size);
    }
}
