//! The article assistant through the window: Ctrl+Shift+V, the article pasted, the records it
//! reports reviewed and added as one edit, tied to a new source, in a few clicks.

mod support;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use repatriation_watch::app::RepatriationWatchApp;
use support::Workspace;

type App = Harness<'static, RepatriationWatchApp>;

/// The Hanbyun article of 17 January 2024 (in the Korea `JoongAng` Daily) as a page gives it (seed 003 of the
/// sample, its date line kept).
const HANBYUN: &str = "Lawyers accuse China of repatriating 100 more North Korean defectors\n\
Published: 17 Jan. 2024, 18:28\n\
Nearly 100 more North Korean defectors have been repatriated from China, according to a group of lawyers in Seoul.\n\
In a statement Tuesday, Hanbyun — an association of lawyers that raises awareness of human rights violations in the North — said China sent back at least 95 defectors to the North over four different occasions between November and December last year.\n\
The total was in addition to the roughly 600 North Koreans reportedly repatriated from China following the Asian Games from September to October last year.\n\
Several lawyers associated with the group hosted a rally and a press conference near the Chinese Embassy in Seoul on Tuesday to condemn Beijing for the recent repatriations.\n\
Based on reports from several sources, the group said some 30 defectors were sent back from Dandong, China, to Sinuiju, North Korea, on Nov. 20, 2023.\n\
Another 10 were repatriated to the North Korean border region of Yanggang Province at the end of November, said Hanbyun.\n\
About 20 were sent back to the same region at the end of December, and around 35 were returned to Onsong County, North Hamgyong Province on Dec. 26.\n";

/// What a user does, counted.
#[derive(Default)]
struct Effort {
    clicks: usize,
    keys: usize,
}

impl Effort {
    fn click(&mut self, harness: &mut App, role: Role, label: &str) {
        harness.get_by_role_and_label(role, label).click();
        harness.run();
        self.clicks += 1;
    }

    /// A click through the accessibility tree: the harness's press and release in one frame
    /// do not reach a box in a list long enough to scroll (checked by hand in the real window).
    fn tick(&mut self, harness: &mut App, label: &str) {
        harness.get_by_role_and_label(Role::CheckBox, label).click_accesskit();
        harness.run();
        self.clicks += 1;
    }

    fn shortcut(&mut self, harness: &mut App, modifiers: egui::Modifiers, key: egui::Key) {
        harness.key_press_modifiers(modifiers, key);
        harness.run();
        self.keys += 1;
    }

    fn paste(&mut self, harness: &mut App, text: &str) {
        harness.event(egui::Event::Paste(text.to_owned()));
        harness.run();
        self.keys += 1;
    }
}

#[test]
fn an_article_becomes_its_records_in_a_few_clicks_and_one_undo_takes_them_back() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    let before = harness.state().dataset().clone();
    let mut effort = Effort::default();

    effort.shortcut(&mut harness, egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::V);
    harness.get_by_label("Records from an article");
    effort.click(&mut harness, Role::MultilineTextInput, "Article text");
    effort.paste(&mut harness, HANBYUN);

    // Every proposal is shown with what was understood, ticked, before anything is added.
    for shown in ["“at least 95” →", "from Dandong to Sinuiju", "A leg of incident 1"] {
        assert!(harness.query_all_by_label_contains(shown).next().is_some(), "{shown}");
    }
    assert_eq!(harness.state().dataset(), &before, "nothing is added before Add");
    let add = harness.get_by_role_and_label(Role::Button, "Add 7 records");
    assert!(!add.accesskit_node().is_disabled());
    // The roughly 600 after the Asian Games is another record: left out here.
    effort.tick(&mut harness, "Add incident 2");
    effort.click(&mut harness, Role::Button, "Add 6 records");

    let dataset = harness.state().dataset();
    assert_eq!(dataset.sources.len(), before.sources.len() + 1);
    let source = dataset.sources.iter().find(|s| !before.sources.contains(s)).expect("the new source");
    assert_eq!(source.title, "Lawyers accuse China of repatriating 100 more North Korean defectors");
    assert_eq!(source.published.earliest, Some(jiff::civil::date(2024, 1, 17)));
    let new: Vec<_> = dataset.incidents.iter().filter(|i| !before.incidents.contains(i)).collect();
    assert_eq!(new.len(), 5, "the total and its four legs");
    assert!(new.iter().all(|i| i.sources == [source.id.clone()]));
    let total = new.iter().find(|i| i.estimates[0].count.as_reported == "at least 95").expect("the total");
    assert_eq!(new.iter().filter(|i| i.parent.as_ref() == Some(&total.id)).count(), 4, "its legs");
    let leg = new.iter().find(|i| i.estimates[0].count.as_reported == "some 30").expect("a leg");
    assert_eq!(leg.date.as_reported, "on Nov. 20, 2023");
    assert_eq!(
        leg.from_place.as_ref().map(repatriation_watch::model::Id::as_str),
        Some("pl-dandong"),
        "the sample's own place"
    );
    assert_eq!(dataset.rallies.len(), before.rallies.len() + 1);
    assert_eq!(dataset.places.len(), before.places.len(), "every place named is already in the sample");
    assert!(effort.clicks < 15 && effort.keys < 50, "{} clicks, {} keys", effort.clicks, effort.keys);
    println!("the Hanbyun article through the assistant: {} clicks, {} keys", effort.clicks, effort.keys);

    effort.shortcut(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(harness.state().dataset(), &before, "one undo takes the article's records back");
}

#[test]
fn cancel_adds_nothing_and_text_without_events_proposes_nothing() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    let before = harness.state().dataset().clone();
    support::click(&mut harness, "File");
    harness.get_by_label_contains("New from article").click();
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, "Article text").click();
    harness.run();
    harness.event(egui::Event::Paste("The weather in Seoul was fine. Nothing happened.".to_owned()));
    harness.run();
    harness.get_by_label("No incident or rally found in this text.");
    support::click(&mut harness, "Cancel");
    assert!(harness.query_by_label("Records from an article").is_none(), "closed");
    assert_eq!(harness.state().dataset(), &before);
}
