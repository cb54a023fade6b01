//! `repatriation-watch extract`: an article's records as lines, as JSON, or added to a dataset;
//! bad input gets a clear message and writes nothing.

use std::process::Command;

use repatriation_watch::store::load_file;

const ARTICLE: &str = "Lawyers accuse China of repatriating 100 more North Korean defectors\n\
    In a statement Tuesday, Hanbyun said China sent back at least 95 defectors to the North over four different \
    occasions between November and December last year.\n\
    The group said some 30 defectors were sent back from Dandong, China, to Sinuiju, North Korea, on Nov. 20, 2023.\n\
    Several lawyers hosted a rally and a press conference near the Chinese Embassy in Seoul on Tuesday.\n";

fn extract(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_repatriation-watch")).arg("extract").args(args).output().expect("runs")
}

#[test]
fn json_gives_each_record_with_its_words_days_places_and_parent() {
    let dir = tempfile::tempdir().expect("a folder");
    let article = dir.path().join("hanbyun.txt");
    std::fs::write(&article, ARTICLE).expect("the article");
    let out = extract(&[article.to_str().expect("a path"), "--published", "2024-01-17", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let incidents = json["incidents"].as_array().expect("incidents");
    assert_eq!(incidents.len(), 2, "{json:#}");
    assert_eq!(incidents[0]["people"]["as_reported"], "at least 95");
    assert_eq!(incidents[0]["people"]["low"], 95);
    assert_eq!(incidents[0]["date"]["earliest"], "2023-11-01");
    assert_eq!(incidents[0]["date"]["latest"], "2023-12-31");
    assert_eq!(incidents[1]["date"]["earliest"], "2023-11-20");
    assert_eq!(incidents[1]["from_place"], "Dandong");
    assert_eq!(incidents[1]["to_place"], "Sinuiju");
    assert_eq!(incidents[1]["parent"], 0, "the occasion is a leg of the total");
    assert!(incidents[1]["evidence"].as_str().is_some_and(|e| e.starts_with("The group said some 30")));
    let rallies = json["rallies"].as_array().expect("rallies");
    assert_eq!(rallies.len(), 1);
    assert_eq!(rallies[0]["place"], "Chinese Embassy in Seoul");
    assert_eq!(rallies[0]["date"]["earliest"], "2024-01-16");
    assert_eq!(
        json["source"]["title"],
        "Lawyers accuse China of repatriating 100 more North Korean defectors"
    );
}

#[test]
fn into_adds_the_records_tied_to_a_new_source_and_new_places() {
    let dir = tempfile::tempdir().expect("a folder");
    let article = dir.path().join("hanbyun.txt");
    std::fs::write(&article, ARTICLE).expect("the article");
    let data = dir.path().join("data.ron");
    let out = extract(
        &[article.to_str().expect("a path"), "--published", "2024-01-17", "--into"]
            .into_iter()
            .chain([data.to_str().expect("a path")])
            .collect::<Vec<_>>(),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let dataset = load_file(&data).expect("the dataset loads");
    assert_eq!((dataset.sources.len(), dataset.incidents.len(), dataset.rallies.len()), (1, 2, 1));
    let source = &dataset.sources[0].id;
    assert!(dataset.incidents.iter().all(|i| i.sources == [source.clone()]));
    let leg = dataset.incidents.iter().find(|i| i.parent.is_some()).expect("a leg");
    let dandong =
        dataset.places.iter().find(|p| Some(&p.id) == leg.from_place.as_ref()).expect("from a place");
    assert_eq!(
        (dandong.name.as_str(), dandong.name_ko.as_str(), dandong.country.as_str()),
        ("Dandong", "단둥", "CN")
    );
    assert!(dandong.latitude.is_some(), "the gazetteer's point");
    assert_eq!(leg.estimates[0].count.as_reported, "some 30");
    assert!(
        repatriation_watch::model::validate(&dataset)
            .iter()
            .all(repatriation_watch::model::Problem::is_warning),
        "sound records"
    );
}

#[test]
fn bad_input_says_what_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("a folder");
    let binary = dir.path().join("photo.txt");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x9c, 0x80]).expect("bytes");
    let data = dir.path().join("data.ron");
    let out = extract(&[binary.to_str().expect("a path"), "--into", data.to_str().expect("a path")]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not text in UTF-8"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!data.exists(), "nothing written");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("an empty file");
    let out = extract(&[empty.to_str().expect("a path")]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("no incidents or rallies found"));
    let long = dir.path().join("long.txt");
    std::fs::write(&long, "lorem ipsum dolor. ".repeat(10 * 1024 * 1024 / 19)).expect("10 MB of text");
    let out = extract(&[long.to_str().expect("a path"), "--json"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("only its first 2 MB were read"));
    let missing = extract(&["no-such-article.txt"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-article.txt"));
}

/// A saved news page: scripts, styles, menus, a header, a side column of other stories and a
/// footer around the article.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>한변 기자회견</title>
<script>window.dataLayer = []; document.write("<p>약 900명이 지난 3일 북송됐다.</p>");</script>
<style>.menu { display: flex } p::after { content: "300명 체포" }</style></head>
<body><header><a href="/">데일리</a><nav class="menu"><a>정치</a><a>사회</a><a>지난 1일 50명 집회</a></nav></header>
<main><article><h1>한변, 중국대사관 앞 기자회견</h1><p class="byline">입력 2024.01.17 18:28</p>
<p>'북한인권과 북한민주화를 위한 변호사모임'(한변)은 16일 서울 주한 중국대사관 앞에서 기자회견을 열었다.</p>
<p>한변에 따르면 지난해 11월 20일 단둥에서 신의주로 약 30명이 북송됐다.</p></article></main>
<aside><h2>많이 본 뉴스</h2><ul><li>탈북민 200명 석방</li></ul></aside>
<form><input name="q"><button>검색</button></form><footer>© 데일리. 무단 전재 금지</footer>
<script src="/ads.js"></script></body></html>"#;

#[test]
fn a_web_page_is_read_as_its_article_without_its_scripts_and_menus() {
    let dir = tempfile::tempdir().expect("a folder");
    let page = dir.path().join("hanbyun.html");
    std::fs::write(&page, PAGE).expect("the page");
    let out = extract(&[page.to_str().expect("a path"), "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["source"]["title"], "한변, 중국대사관 앞 기자회견");
    let incidents = json["incidents"].as_array().expect("incidents");
    assert_eq!(incidents.len(), 1, "not the script's, the style's or the side column's: {json:#}");
    assert_eq!(incidents[0]["people"]["as_reported"], "약 30명");
    assert_eq!(incidents[0]["from_place"], "Dandong");
    let rallies = json["rallies"].as_array().expect("rallies");
    assert_eq!(rallies.len(), 1, "not the menu's: {json:#}");
    assert_eq!(rallies[0]["place"], "Chinese Embassy in Seoul");
    assert_eq!(rallies[0]["organizers"][0], "Korean Lawyers for Human Rights and Unification of Korea");

    let menus = dir.path().join("front-page.html");
    let front = "<html><head><script>var x = 1;</script></head><body><nav><ul><li>World</li><li>Korea</li></ul></nav><footer>Contact</footer></body></html>";
    std::fs::write(&menus, front).expect("a page of menus");
    let out = extract(&[menus.to_str().expect("a path")]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("no incidents or rallies found"));
}
