//! Korean typed through an input method lands in the order typed: the event sequences X11 and
//! ibus-hangul produce (a space, a full stop, Enter or Ctrl+S arriving before the commit of the
//! syllable still being composed), fed to the app through eframe's raw-input hook, as the real
//! window feeds them.

mod support;

use eframe::App;
use egui::{Event, ImeEvent, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use repatriation_watch::app::RepatriationWatchApp;
use repatriation_watch::store::load_file;
use support::{Workspace, click};

fn preedit(text: &str) -> Event {
    Event::Ime(ImeEvent::Preedit { text: text.to_owned(), active_range_chars: None })
}

fn commit(text: &str) -> Event {
    Event::Ime(ImeEvent::Commit(text.to_owned()))
}

fn key(key: Key, modifiers: Modifiers) -> Event {
    Event::Key { key, physical_key: None, pressed: true, repeat: false, modifiers }
}

/// One frame's events, passed through the app's raw-input hook as eframe does.
fn frame(harness: &mut Harness<'_, RepatriationWatchApp>, events: Vec<Event>) {
    let ctx = harness.ctx.clone();
    let mut raw = egui::RawInput { events, ..Default::default() };
    harness.state_mut().raw_input_hook(&ctx, &mut raw);
    harness.input_mut().events.extend(raw.events);
    harness.step();
}

/// A new incident's title field, focused, with a composition of "한" open in it.
fn composing_han(harness: &mut Harness<'_, RepatriationWatchApp>) {
    click(harness, "New incident");
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title").focus();
    harness.run();
    for syllable in ["ㅎ", "하", "한"] {
        frame(harness, vec![preedit(syllable)]);
    }
}

fn title(harness: &Harness<'_, RepatriationWatchApp>) -> String {
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title").value().unwrap_or_default()
}

#[test]
fn a_space_typed_before_the_commit_follows_the_syllable() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    composing_han(&mut harness);
    // g k s + space: the space's text came before the commit of "한".
    frame(&mut harness, vec![Event::Text(" ".to_owned()), commit("한")]);
    frame(&mut harness, Vec::new());
    assert_eq!(title(&harness), "한 ");
}

#[test]
fn a_word_then_a_space_or_a_full_stop_keeps_its_order() {
    for (typed, expected) in [(" ", "한글 "), (".", "한글.")] {
        let workspace = Workspace::new();
        let mut harness = workspace.harness();
        composing_han(&mut harness);
        // g k s r m f: "ㄱ" cannot end "한", which is committed; "글" is composed.
        frame(&mut harness, vec![commit("한"), preedit("ㄱ")]);
        frame(&mut harness, vec![preedit("그")]);
        frame(&mut harness, vec![preedit("글")]);
        frame(&mut harness, vec![Event::Text(typed.to_owned()), commit("글")]);
        frame(&mut harness, Vec::new());
        assert_eq!(title(&harness), expected, "typed {typed:?}");
    }
}

#[test]
fn a_space_in_one_frame_and_the_commit_in_the_next_keep_their_order() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    composing_han(&mut harness);
    frame(&mut harness, vec![Event::Text(" ".to_owned())]);
    frame(&mut harness, vec![commit("한")]);
    frame(&mut harness, Vec::new());
    assert_eq!(title(&harness), "한 ");
}

#[test]
fn enter_while_composing_keeps_the_syllable() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    composing_han(&mut harness);
    frame(&mut harness, vec![key(Key::Enter, Modifiers::NONE), commit("한")]);
    frame(&mut harness, Vec::new());
    assert_eq!(title(&harness), "한");
}

#[test]
fn ctrl_s_while_composing_saves_the_committed_syllable() {
    let workspace = Workspace::new();
    let mut harness = workspace.harness();
    composing_han(&mut harness);
    frame(&mut harness, vec![key(Key::S, Modifiers::COMMAND), commit("한")]);
    harness.run();
    let saved = load_file(&workspace.data_file()).expect("the file was saved");
    assert!(
        saved.incidents.iter().any(|incident| incident.title == "한"),
        "the draft was saved with its syllable"
    );
}
