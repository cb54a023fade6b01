//! Whatever the input, the parsers and validation answer rather than panic.

mod common;

use std::path::Path;

use proptest::prelude::*;
use repatriation_watch::model::validate;
use repatriation_watch::phrase::{parse_count, parse_date};
use repatriation_watch::store::from_ron;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_article_reader_reads_any_text_and_points_only_inside_it(
        text in "([A-Za-z0-9 ,.()'\"\n~-]|[가-힣 ]|Nov\\. 20|at least 95|some 30 were sent back|지난해 11월|명을 북송했다|Dandong|단둥|rally|Hanbyun held a|한변은|기자회견을 열었다){0,60}",
        day in common::any_date(),
    ) {
        let gazetteer = repatriation_watch::article::Gazetteer::bundled();
        let reading = repatriation_watch::article::read(&text, Some(day), &repatriation_watch::model::Dataset::default(), &gazetteer);
        let inside = |range: &std::ops::Range<usize>| reading.text.get(range.clone()).is_some();
        for incident in &reading.incidents {
            prop_assert!(inside(&incident.evidence) && incident.phrases.iter().all(inside));
            prop_assert!(incident.parent.is_none_or(|p| p < reading.incidents.len()));
        }
        for rally in &reading.rallies {
            prop_assert!(inside(&rally.evidence) && rally.phrases.iter().all(inside));
            prop_assert!(rally.organizers.iter().all(|o| inside(&o.span)));
        }
    }

    #[test]
    fn a_web_page_of_any_markup_is_read_as_its_words(
        page in "(<(div|p|script|style|nav|b|/div|/p|/script|/style|!--|html|body|table|td|br/)>|[A-Za-z0-9 .<>&;\"=/-]|한변|&amp;|About 80 rallied on Tuesday){0,80}",
    ) {
        let text = repatriation_watch::article::html::text_of_html(&format!("<html>{page}"));
        let gazetteer = repatriation_watch::article::Gazetteer::bundled();
        let reading = repatriation_watch::article::read(&text, None, &repatriation_watch::model::Dataset::default(), &gazetteer);
        prop_assert!(reading.rallies.iter().all(|r| reading.text.get(r.evidence.clone()).is_some()));
    }

    #[test]
    fn the_count_parser_keeps_any_phrase(phrase in ".{0,40}") {
        let estimate = parse_count(&phrase);
        prop_assert_eq!(estimate.as_reported, phrase.trim());
    }

    #[test]
    fn the_date_parser_keeps_any_phrase(phrase in ".{0,40}", day in common::any_date()) {
        let spec = parse_date(&phrase, Some(day));
        if let Some((earliest, latest)) = spec.range() {
            prop_assert!(earliest <= latest);
        }
        prop_assert_eq!(spec.as_reported, phrase.trim());
    }

    #[test]
    fn the_date_parser_handles_phrases_made_of_its_own_words(
        words in proptest::collection::vec(
            prop_oneof![
                Just("end"), Just("of"), Just("between"), Just("and"), Just("nov."), Just("december"),
                Just("20"), Just("31"), Just("2023"), Just("-"), Just("last"), Just("month"), Just("tuesday"),
                Just("mid"), Just("to"), Just("9999"), Just("1000"), Just("ago"), Just("years"),
            ],
            0..8,
        )
    ) {
        let phrase = words.join(" ");
        let spec = parse_date(&phrase, Some(jiff::civil::date(2024, 1, 16)));
        if let Some((earliest, latest)) = spec.range() {
            prop_assert!(earliest <= latest, "{}", phrase);
        }
    }

    #[test]
    fn loading_any_bytes_answers(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = from_ron(&bytes, Path::new("random.ron"));
    }

    #[test]
    fn validation_answers_for_any_dataset(dataset in common::any_dataset()) {
        let _ = validate(&dataset);
    }
}
