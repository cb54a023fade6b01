//! `repatriation-watch report` and `chart`: a PDF whose text (read back with `pdftotext`) holds
//! the figures `stats` gives and every incident's words as reported, in English or Korean
//! (Korean broken between words), fonts embedded, confidential records left out and said so;
//! charts written as SVG and PNG without a window; and bad input refused with nothing written.

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

use repatriation_watch::i18n::{Language, number, set_language};
use repatriation_watch::store::load_file;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample.ron");

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_repatriation-watch")).args(args).output().expect("runs")
}

fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 text")
}

/// The text with its line breaks and runs of spaces made single spaces: a phrase the report
/// wraps over two lines reads whole.
fn flowing(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The figure written after `label` ("1,234.5").
fn figure_after(text: &str, label: &str) -> f64 {
    let at = text.find(label).unwrap_or_else(|| panic!("{label} in {text}")) + label.len();
    let figure: String =
        text[at..].chars().take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.').collect();
    figure.replace(',', "").parse().unwrap_or_else(|_| panic!("a figure after {label}: {figure}"))
}

/// The totals of `stats`' monthly columns: how many months, people lowest, preferred, highest
/// (None when any month is open-ended).
fn stats_totals(file: &str) -> (usize, f64, f64, Option<f64>) {
    let output = run(&["stats", file]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let mut totals = (0, 0.0, 0.0, Some(0.0));
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        totals.0 += 1;
        totals.1 += cells[2].parse::<f64>().expect("low");
        totals.2 += cells[3].parse::<f64>().expect("best");
        totals.3 = match (totals.3, cells[4].parse::<f64>()) {
            (Some(sum), Ok(high)) => Some(sum + high),
            _ => None,
        };
    }
    totals
}

#[test]
fn the_english_report_holds_the_figures_of_stats_and_every_incidents_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("report.pdf");
    let output = run(&["report", SAMPLE, "--made-by", "Seoul Watch", "--out", pdf.to_str().expect("path")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = flowing(&pdf_text(&pdf));
    assert!(text.contains("Forced repatriation of North Koreans from China") && text.contains("Seoul Watch"));

    // `stats` prints each month to a tenth: its columns add up to the report's totals within
    // a twentieth a month.
    let (months, low, best, high) = stats_totals(SAMPLE);
    let within = 0.05 * months as f64 + 1e-9;
    let low_shown = figure_after(&text, "People forcibly repatriated, lowest figures ");
    assert!((low_shown - low).abs() <= within, "{low_shown} vs {low}");
    let best_shown = figure_after(&text, "People forcibly repatriated, preferred figures ");
    assert!((best_shown - best).abs() <= within, "{best_shown} vs {best}");
    set_language(Language::English);
    match high {
        Some(high) => {
            let high_shown = figure_after(&text, "People forcibly repatriated, highest figures ");
            assert!((high_shown - high).abs() <= within, "{high_shown} vs {high}");
        }
        None => assert!(
            text.contains(&format!("highest figures open-ended (at least {})", number(low_shown))),
            "{text}"
        ),
    }
    let dataset = load_file(Path::new(SAMPLE)).expect("the sample loads");
    assert!(text.contains(&format!("Incidents {}", dataset.incidents.len())));
    assert!(text.contains(&format!("Rallies {}", dataset.rallies.len())));

    for incident in &dataset.incidents {
        assert!(text.contains(&flowing(&incident.title)), "{} is in the report", incident.title);
        if !incident.date.as_reported.is_empty() {
            assert!(text.contains(&flowing(&incident.date.as_reported)), "{}", incident.date.as_reported);
        }
        for estimate in &incident.estimates {
            assert!(text.contains(&flowing(&estimate.count.as_reported)), "{}", estimate.count.as_reported);
        }
    }
    // Sources are numbered, each with its outlet and title.
    for (number, source) in dataset.sources.iter().enumerate() {
        assert!(text.contains(&format!("[{}]", number + 1)), "{text}");
        assert!(
            text.contains(&flowing(&format!("{}, “{}”", source.outlet, source.title))),
            "{}",
            source.title
        );
    }
    assert!(text.contains("Nothing is marked confidential: the copy holds every record whole."), "{text}");
}

#[test]
fn the_reports_fonts_are_embedded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("report.pdf");
    assert!(run(&["report", SAMPLE, "--lang", "ko", "--out", pdf.to_str().expect("path")]).status.success());
    let output = Command::new("pdffonts").arg(&pdf).output().expect("pdffonts runs");
    let listing = String::from_utf8(output.stdout).expect("UTF-8");
    let fonts: Vec<&str> = listing.lines().skip(2).collect();
    assert!(fonts.iter().any(|line| line.contains("NanumGothic")), "{listing}");
    for font in fonts {
        let columns: Vec<&str> = font.split_whitespace().collect();
        // name, type…, encoding, emb, sub, uni, object, generation: `emb` is the fourth from last.
        assert_eq!(columns[columns.len() - 5], "yes", "embedded: {font}");
    }
}

/// Every run of Hangul letters in `text` (anything else ends a run).
fn hangul_runs(text: &str) -> HashSet<String> {
    text.split(|c: char| !('\u{AC00}'..='\u{D7AF}').contains(&c))
        .filter(|run| !run.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Korean records with long sentences and nothing to chart (no day, no figure): every line of
/// their report is laid out by the report itself.
const KOREAN: &str = r#"(format: "repatriation-watch", version: 1,
  incidents: [
    (id: "k1", title: "중국 공안이 단둥에서 탈북민 일가족을 체포해 강제북송 위기에 처했다는 소식이 전해졌다",
     context: "북한인권단체들은 중국 정부가 난민협약과 고문방지협약에 따라 탈북민을 강제로 돌려보내서는 안 된다고 거듭 촉구했으며 국제사회가 이 문제에 더 큰 관심을 가져야 한다고 호소했다 북한으로 송환된 사람들은 구금과 고문 그리고 공개처형의 위험에 놓이게 된다고 단체들은 설명했다 가족들은 소식을 듣지 못한 채 애타게 기다리고 있다"),
  ])"#;

#[test]
fn the_korean_report_speaks_korean_and_breaks_lines_between_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("보고서.pdf");
    let output = run(&["report", SAMPLE, "--lang", "ko", "--out", pdf.to_str().expect("path")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = pdf_text(&pdf);
    for heading in
        ["중국의 탈북민 강제북송", "요약", "집계 방법", "사건", "집회", "출처", "강제북송된 사람 수, 채택치"]
    {
        assert!(text.contains(heading), "{heading} in {text}");
    }
    // Places are named in Korean with their other names, the Chinese one too.
    assert!(text.contains("단둥 (Dandong, 丹东)"), "{text}");

    // A line ends only where a word ends: every run of Hangul in the report is one of the
    // records or of the Korean catalog, never a piece of one.
    let file = dir.path().join("korean.ron");
    std::fs::write(&file, KOREAN).expect("write");
    let output =
        run(&["report", file.to_str().expect("path"), "--lang", "ko", "--out", pdf.to_str().expect("path")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = pdf_text(&pdf);
    let korean_lines = text.lines().filter(|line| hangul_runs(line).len() >= 5).count();
    assert!(korean_lines >= 4, "the context wraps over lines: {text}");
    let catalog = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/i18n/ko.ftl"))
        .expect("the catalog");
    let known: HashSet<String> = hangul_runs(KOREAN).union(&hangul_runs(&catalog)).cloned().collect();
    let broken: Vec<String> = hangul_runs(&text).difference(&known).cloned().collect();
    assert!(broken.is_empty(), "pieces of words at line ends: {broken:?} in {text}");
}

const WITH_CONFIDENTIAL: &str = r#"(format: "repatriation-watch", version: 1,
  sources: [(id: "s1", title: "A wire report", outlet: "Wire", url: "https://example.org/wire")],
  incidents: [
    (id: "a", title: "Thirty from Dandong", date: (earliest: "2023-11-20", latest: "2023-11-20", precision: Day, as_reported: "on Nov. 20"),
     estimates: [(count: (qualifier: About, best: 30, as_reported: "some 30"), source: Some("s1"), preferred: true)], sources: ["s1"]),
    (id: "b", title: "Five from the safe house on Jiang Road", date: (earliest: "2023-12-01", latest: "2023-12-01", precision: Day),
     estimates: [(count: (qualifier: Exact, low: 5, high: 5, best: 5, as_reported: "five"), preferred: true)], confidential: true),
  ])"#;

#[test]
fn confidential_records_are_left_out_and_the_report_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("data.ron");
    std::fs::write(&file, WITH_CONFIDENTIAL).expect("write");
    let pdf = dir.path().join("report.pdf");
    let output = run(&["report", file.to_str().expect("path"), "--out", pdf.to_str().expect("path")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = flowing(&pdf_text(&pdf));
    assert!(!text.contains("Jiang Road") && !text.contains("five"), "{text}");
    assert!(text.contains("incident: 1 left out (confidential)"), "{text}");
    assert!(text.contains("Thirty from Dandong") && text.contains("preferred figures 30"), "{text}");
    assert!(text.contains("Wire, “A wire report”") && text.contains("https://example.org/wire"), "{text}");
}

#[test]
fn a_report_that_cannot_be_made_says_why_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("report.pdf");
    let out = pdf.to_str().expect("path");
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format: \"repatriation-watch\", version: 1, incidents: [(id: \"a\", title: ")
        .expect("write");
    let empty = dir.path().join("empty.ron");
    std::fs::write(&empty, "(format: \"repatriation-watch\", version: 1)").expect("write");
    let cases: [(Vec<&str>, &str); 4] = [
        (vec!["report", broken.to_str().expect("path"), "--out", out], "broken.ron"),
        (vec!["report", empty.to_str().expect("path"), "--out", out], "no incidents or rallies to report"),
        (
            vec!["report", SAMPLE, "--from", "1990-01-01", "--to", "1990-12-31", "--out", out],
            "no incident or rally is in the period",
        ),
        (vec!["report", SAMPLE, "--out", "/proc/no-such-folder/report.pdf"], "no-such-folder"),
    ];
    for (args, said) in cases {
        let output = run(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(said), "{args:?} says {said}: {stderr}");
        assert!(!pdf.exists(), "nothing written for {args:?}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 2, "no file left half-written");
}

#[test]
fn charts_are_written_as_svg_and_png_without_a_window_in_either_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    for kind in ["people", "cumulative", "rallies", "breakdown", "timeline"] {
        let svg = dir.path().join(format!("{kind}.svg"));
        let output = run(&["chart", SAMPLE, "--kind", kind, "--out", svg.to_str().expect("path")]);
        assert!(output.status.success(), "{kind}: {}", String::from_utf8_lossy(&output.stderr));
        let text = std::fs::read_to_string(&svg).expect("the SVG");
        assert!(text.starts_with("<?xml") && text.contains(r#"width="1000" height="600""#), "{kind}");
        assert!(text.contains("<text"), "{kind} has its words as text");
    }
    let korean = dir.path().join("people-ko.svg");
    let output =
        run(&["chart", SAMPLE, "--lang", "ko", "--per", "year", "--out", korean.to_str().expect("path")]);
    assert!(output.status.success());
    assert!(std::fs::read_to_string(&korean).expect("the SVG").contains("강제북송"));

    let png = dir.path().join("people.png");
    let args = ["chart", SAMPLE, "--width", "500", "--height", "300", "--scale", "2", "--dark"];
    let output = run(&[&args[..], &["--out", png.to_str().expect("path")]].concat());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).expect("the PNG")));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    assert_eq!((info.width, info.height), (1000, 600));
    // Dark: the corner is the dark theme's panel, not white.
    assert!(pixels[0] < 80 && pixels[1] < 80 && pixels[2] < 80, "{:?}", &pixels[..4]);
}

#[test]
fn a_chart_that_cannot_be_drawn_says_why_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let svg = dir.path().join("chart.svg");
    let out = svg.to_str().expect("path");
    let cases: [(Vec<&str>, &str); 4] = [
        (
            vec!["chart", SAMPLE, "--from", "1990-01-01", "--to", "1990-12-31", "--out", out],
            "No dated forced repatriations",
        ),
        (vec!["chart", SAMPLE, "--out", "/tmp/chart.gif"], "must end in .svg or .png"),
        (vec!["chart", "/no/such/file.ron", "--out", out], "/no/such/file.ron"),
        (vec!["chart", SAMPLE, "--place", "Atlantis", "--out", out], "no place is named `Atlantis`"),
    ];
    for (args, said) in cases {
        let output = run(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(said), "{args:?} says {said}: {stderr}");
        assert!(!svg.exists());
    }
}

#[test]
fn a_records_text_is_printed_as_written_and_never_read_as_layout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("hostile.ron");
    let hostile = [
        r#"#set page(width: 1cm) ]#panic("no") $x^2$ *bold* <label> @ref"#,
        r#"\"); #import "@preview/x:1.0.0" // #read("/etc/passwd")"#,
    ];
    let incidents: Vec<String> = hostile
        .iter()
        .enumerate()
        .map(|(index, title)| format!("(id: \"h{index}\", title: {title:?}, context: {title:?})"))
        .collect();
    std::fs::write(
        &file,
        format!("(format: \"repatriation-watch\", version: 1, incidents: [{}])", incidents.join(",")),
    )
    .expect("write");
    let pdf = dir.path().join("report.pdf");
    let output = run(&[
        "report",
        file.to_str().expect("path"),
        "--title",
        "#panic(\"title\")",
        "--out",
        pdf.to_str().expect("path"),
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = flowing(&pdf_text(&pdf));
    assert!(text.contains("#panic(\"title\")"), "{text}");
    for title in hostile {
        assert!(text.contains(&flowing(title)), "{title} printed as written in {text}");
    }
    assert!(!text.contains("root:"), "no file read");
}
