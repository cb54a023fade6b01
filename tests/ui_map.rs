//! Charts → Map in the window: a flow hovered shows its figures, a click lists its incidents in
//! their table; places with no coordinates are listed with a way to set them; the map in Korean;
//! its figures exported as CSV.

mod support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use repatriation_watch::app::RepatriationWatchApp;
use repatriation_watch::i18n::{Language, language};
use repatriation_watch::model::{Id, RecordKind};
use repatriation_watch::stats::Route;
use repatriation_watch::ui::charts::map::Target;
use support::{Workspace, click, click_at, harness};

type App = Harness<'static, RepatriationWatchApp>;

/// Two routes far apart, an undated incident, and a rally at a hall with no coordinates.
const DATA: &str = r#"(format: "repatriation-watch", version: 1,
places: [
  (id: "shenyang", name: "Shenyang", name_ko: "선양", kind: City, country: "CN", latitude: 41.80, longitude: 123.43),
  (id: "sinuiju", name: "Sinuiju", name_ko: "신의주", kind: City, country: "KP", latitude: 40.10, longitude: 124.40),
  (id: "yanji", name: "Yanji", name_ko: "옌지", kind: City, country: "CN", latitude: 42.90, longitude: 129.50),
  (id: "hoeryong", name: "Hoeryong", name_ko: "회령", kind: City, country: "KP", latitude: 42.44, longitude: 129.75),
  (id: "hall", name: "Riverside Hall", name_ko: "강변 회관", kind: Other, country: "KR"),
  (id: "embassy", name: "Chinese Embassy in Seoul", name_ko: "주한 중국대사관", kind: Embassy, country: "KR", latitude: 37.5606, longitude: 126.9836),
],
incidents: [
  (id: "a", title: "Thirty from Shenyang", date: (earliest: "2023-11-20", latest: "2023-11-20", precision: Day),
   from_place: "shenyang", to_place: "sinuiju",
   estimates: [(count: (qualifier: About, best: 30, as_reported: "some 30"), preferred: true)]),
  (id: "b", title: "Thirty-five from Yanji", date: (earliest: "2023-12-26", latest: "2023-12-26", precision: Day),
   from_place: "yanji", to_place: "hoeryong",
   estimates: [(count: (qualifier: AtLeast, low: 35, best: 35, as_reported: "at least 35"), preferred: true)]),
  (id: "c", title: "Undated", from_place: "yanji", to_place: "hoeryong",
   estimates: [(count: (qualifier: Exact, low: 5, high: 5, best: 5, as_reported: "5"), preferred: true)]),
],
rallies: [
  (id: "r", kinds: [Rally], title: "Rally at the hall", date: (earliest: "2023-12-01", latest: "2023-12-01", precision: Day),
   place: "hall", attendance: [(count: (qualifier: About, best: 40, as_reported: "about 40"), preferred: true)]),
  (id: "s", kinds: [Rally], title: "Rally at the embassy", date: (earliest: "2023-12-02", latest: "2023-12-02", precision: Day),
   place: "embassy", attendance: [(count: (qualifier: About, best: 24, as_reported: "about two dozen"), preferred: true)]),
])"#;

/// The app on a file with [`DATA`], showing the map.
fn map_on(workspace: &Workspace, charts: &str, map: &str) -> App {
    let file = workspace.dir.path().join("routes.ron");
    std::fs::write(&file, DATA).expect("write");
    let mut harness = harness(workspace.options(Some(&file)));
    click(&mut harness, charts);
    click(&mut harness, map);
    harness.run();
    harness
}

/// A point halfway along the flow drawn for the figures' route `index` (routes in id order).
fn on_the_flow(harness: &App, index: usize) -> egui::Pos2 {
    let line = harness
        .state()
        .map_targets()
        .iter()
        .find_map(|target| match target {
            Target::Flow { flow, line, .. } if *flow == index => Some(line.clone()),
            _ => None,
        })
        .expect("the flow is drawn");
    line[line.len() / 2]
}

/// The centre of the first circle drawn, or with `rallies` of the first diamond.
fn on_the_place(harness: &App, rallies: bool) -> egui::Pos2 {
    harness
        .state()
        .map_targets()
        .iter()
        .find_map(|target| match target {
            Target::Place { center, .. } if !rallies => Some(*center),
            Target::Venue { center, .. } if rallies => Some(*center),
            _ => None,
        })
        .expect("the marker is drawn")
}

#[test]
fn a_flow_hovered_shows_its_figures_and_a_click_lists_its_incidents() {
    let workspace = Workspace::new();
    let mut harness = map_on(&workspace, "Charts", "Map");
    harness.get_by_label_contains("Where people were sent from and to");
    harness.get_by_label_contains("1 forced repatriation is not drawn");
    // Routes in id order: shenyang → sinuiju, then yanji → hoeryong.
    let at = on_the_flow(&harness, 1);
    harness.hover_at(at);
    harness.run();
    harness.run();
    harness
        .get_by_label_contains("From Yanji to Hoeryong: 35 people (lowest 35, highest open) in 1 incident");

    click_at(&mut harness, at);
    assert!(!harness.state().charts_shown(), "the table of the flow's records is shown");
    assert_eq!(harness.state().view(), RecordKind::Incident);
    let route = Route { from: Some(Id::new("yanji")), to: Some(Id::new("hoeryong")) };
    assert_eq!(harness.state().filters().route, Some(route));
    assert_eq!(
        harness.state().visible_ids(),
        [Id::new("b"), Id::new("c")],
        "the route's incidents, the undated one too, as a bar's click lists them"
    );
    click(&mut harness, "× Clear from Yanji to Hoeryong");
    assert_eq!(harness.state().filters().route, None);
    assert_eq!(harness.state().visible_ids().len(), 3);
}

#[test]
fn a_click_on_a_place_or_a_venue_lists_its_records() {
    let workspace = Workspace::new();
    let mut harness = map_on(&workspace, "Charts", "Map");
    // Places in id order: the first with a circle is hoeryong.
    let at = on_the_place(&harness, false);
    harness.hover_at(at);
    harness.run();
    harness.run();
    harness.get_by_label_contains(
        "Hoeryong: 35 people sent from or to here (lowest 35, highest open), in 1 incident",
    );
    click_at(&mut harness, at);
    assert_eq!((harness.state().charts_shown(), harness.state().view()), (false, RecordKind::Incident));
    assert_eq!(harness.state().filters().place, Some(Id::new("hoeryong")));
    assert_eq!(harness.state().visible_ids(), [Id::new("b"), Id::new("c")]);
    click(&mut harness, "× Clear Hoeryong");

    click(&mut harness, "Charts");
    let at = on_the_place(&harness, true);
    harness.hover_at(at);
    harness.run();
    harness.run();
    harness.get_by_label_contains("Chinese Embassy in Seoul: 1 rally, attendance about 24");
    click_at(&mut harness, at);
    assert_eq!((harness.state().charts_shown(), harness.state().view()), (false, RecordKind::Rally));
    assert_eq!(harness.state().filters().place, Some(Id::new("embassy")));
    assert_eq!(harness.state().visible_ids(), [Id::new("s")]);
}

#[test]
fn a_place_with_no_coordinates_is_listed_with_a_way_to_set_them() {
    let workspace = Workspace::new();
    let mut harness = map_on(&workspace, "Charts", "Map");
    click(
        &mut harness,
        "1 record names a place with no coordinates: it is not drawn, or drawn at one end only.",
    );
    harness.get_by_label_contains("Riverside Hall (1 record)");
    click(&mut harness, "Set its coordinates…");
    assert!(!harness.state().charts_shown());
    assert_eq!(harness.state().view(), RecordKind::Place);
    assert_eq!(harness.state().selected(), Some(&Id::new("hall")));
}

#[test]
fn the_map_speaks_korean() {
    let workspace = Workspace::new();
    let mut harness = map_on(&workspace, "Charts", "Map");
    // "View" also names the map's view buttons: the menu is the button.
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "View").click();
    harness.run();
    click(&mut harness, "Language");
    click(&mut harness, "한국어");
    assert_eq!(language(), Language::Korean);
    harness.get_by_label_contains("송환 출발지와 도착지, 집회 장소");
    let at = on_the_flow(&harness, 0);
    harness.hover_at(at);
    harness.run();
    harness.run();
    harness.get_by_label_contains("선양에서 신의주(으)로: 30명");
    click_at(&mut harness, at);
    click(&mut harness, "× 선양에서 신의주(으)로 해제");
    assert_eq!(harness.state().filters().route, None);
}

#[test]
fn the_map_figures_are_exported_as_csv_with_coordinates() {
    let workspace = Workspace::new();
    let mut harness = map_on(&workspace, "Charts", "Map");
    click(&mut harness, "Export CSV…");
    let target = workspace.dir.path().join("map");
    support::type_into(&mut harness, "File path", &target.display().to_string());
    click(&mut harness, "OK");
    let text =
        std::fs::read_to_string(workspace.dir.path().join("map.csv")).expect("written, with .csv added");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "kind,place_id,place,latitude,longitude,to_place_id,to_place,to_latitude,to_longitude,incidents,\
             people_low,people_best,people_high,rallies,attendance_best,first_records",
            "route,shenyang,Shenyang,41.80000,123.43000,sinuiju,Sinuiju,40.10000,124.40000,1,30.0,30.0,30.0,,,a",
            "route,yanji,Yanji,42.90000,129.50000,hoeryong,Hoeryong,42.44000,129.75000,1,35.0,35.0,,,,b",
            "venue,embassy,Chinese Embassy in Seoul,37.56060,126.98360,,,,,,,,,1,24.0,s",
            "venue,hall,Riverside Hall,,,,,,,,,,,1,40.0,r",
        ]
    );
}
