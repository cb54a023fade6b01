//! Korean (and any) text composed through an input method arrives in the order it was typed.
//!
//! egui keeps the syllable being composed (the pre-edit) as the text field's selected text. On
//! X11, winit hands over a key press and the text it types at once, but the input method's
//! commit of the syllable still being composed comes later: a space typed right after "한"
//! arrives as `Text(" ")` before `Ime(Commit("한"))`. The text then replaces the selection (the
//! pre-edit), and the commit inserts the syllable after it: " 한" instead of "한 ". The same
//! happens to Enter (the field loses focus before the commit lands) and to a shortcut such as
//! Ctrl+S (the draft is saved without the syllable).
//!
//! [`ImeOrder`] mends the order in eframe's raw-input hook, before egui sees the events: while a
//! composition is open, text, keys and pastes are held back until the input method commits (or
//! drops) the composition, then passed on after it. Held events are let go after [`HOLD_TIME`]
//! without a commit, so an input method that never commits cannot swallow keys. The wait is
//! measured in time, not frames: on a busy machine the window may draw many frames before the
//! input method's commit arrives. See `docs/ime-order.md` for the event sequences seen and what would fix it upstream.

use std::time::{Duration, Instant};

use eframe::egui::{Event, ImeEvent};

/// How long held events wait for a commit before they are passed on anyway.
pub const HOLD_TIME: Duration = Duration::from_secs(1);

/// The state of composition across frames, and the events held back meanwhile.
#[derive(Debug, Default)]
pub struct ImeOrder {
    /// Whether a syllable is being composed (a non-empty pre-edit was shown, not yet committed).
    composing: bool,
    /// Events that came while composing, waiting for the commit.
    held: Vec<Event>,
    /// When the first of the held events came.
    since: Option<Instant>,
}

impl ImeOrder {
    /// Puts this frame's events, drawn at `now`, in the order they were typed: a commit before
    /// the text and keys that followed it. Returns whether events are still held (the caller
    /// then asks for a frame by [`Self::let_go_in`], so they are let go in time).
    pub fn reorder_at(&mut self, events: &mut Vec<Event>, now: Instant) -> bool {
        let incoming = std::mem::take(events);
        for event in incoming {
            match &event {
                Event::Ime(ImeEvent::Preedit { text, .. }) => {
                    let ended = text.is_empty();
                    self.composing = !ended;
                    events.push(event);
                    if ended {
                        self.let_go(events);
                    }
                }
                // A commit ends the composition; so does the input method going away (which some
                // integrations still say).
                #[expect(deprecated, reason = "some integrations still send Disabled")]
                Event::Ime(ImeEvent::Commit(_) | ImeEvent::Disabled) => {
                    self.composing = false;
                    events.push(event);
                    self.let_go(events);
                }
                _ if self.composing && waits_for_commit(&event) => self.held.push(event),
                _ => events.push(event),
            }
        }
        if self.held.is_empty() {
            return false;
        }
        let since = *self.since.get_or_insert(now);
        if now.duration_since(since) >= HOLD_TIME {
            // No commit came: the events go on as they are rather than being lost.
            self.composing = false;
            self.let_go(events);
            return false;
        }
        true
    }

    /// How long until the events held now are let go without a commit, if any are held.
    pub fn let_go_in(&self, now: Instant) -> Option<Duration> {
        let since = self.since.filter(|_| !self.held.is_empty())?;
        Some(HOLD_TIME.saturating_sub(now.duration_since(since)))
    }

    /// Passes on the held events, in the order they came.
    fn let_go(&mut self, events: &mut Vec<Event>) {
        events.append(&mut self.held);
        self.since = None;
    }
}

/// Whether an event must wait for the composition's commit: text, key presses (Enter, Tab, a
/// shortcut), pastes and cuts.
fn waits_for_commit(event: &Event) -> bool {
    matches!(event, Event::Text(_) | Event::Paste(_) | Event::Cut | Event::Key { pressed: true, .. })
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::{Key, Modifiers};

    fn preedit(text: &str) -> Event {
        Event::Ime(ImeEvent::Preedit { text: text.to_owned(), active_range_chars: None })
    }

    fn commit(text: &str) -> Event {
        Event::Ime(ImeEvent::Commit(text.to_owned()))
    }

    fn text(text: &str) -> Event {
        Event::Text(text.to_owned())
    }

    fn key(key: Key, modifiers: Modifiers) -> Event {
        Event::Key { key, physical_key: None, pressed: true, repeat: false, modifiers }
    }

    #[test]
    fn a_space_before_the_commit_goes_after_it_in_one_frame() {
        let mut order = ImeOrder::default();
        let mut events = vec![preedit("ㅎ"), preedit("하"), preedit("한"), text(" "), commit("한")];
        assert!(!order.reorder_at(&mut events, Instant::now()));
        assert_eq!(events, vec![preedit("ㅎ"), preedit("하"), preedit("한"), commit("한"), text(" ")]);
    }

    #[test]
    fn a_full_stop_waits_across_frames_for_the_commit() {
        let mut order = ImeOrder::default();
        let mut first = vec![preedit("글"), text(".")];
        assert!(order.reorder_at(&mut first, Instant::now()), "the full stop is held");
        assert_eq!(first, vec![preedit("글")]);
        let mut second = vec![commit("글")];
        assert!(!order.reorder_at(&mut second, Instant::now()));
        assert_eq!(second, vec![commit("글"), text(".")]);
    }

    #[test]
    fn enter_and_a_shortcut_wait_for_the_commit() {
        let mut order = ImeOrder::default();
        let save = key(Key::S, Modifiers::COMMAND);
        let enter = key(Key::Enter, Modifiers::NONE);
        let mut events = vec![preedit("한"), save.clone(), enter.clone(), commit("한")];
        order.reorder_at(&mut events, Instant::now());
        assert_eq!(events, vec![preedit("한"), commit("한"), save, enter]);
    }

    #[test]
    fn without_a_composition_nothing_moves() {
        let mut order = ImeOrder::default();
        let mut events = vec![text("a"), text(" "), key(Key::Tab, Modifiers::NONE), commit("한"), text(".")];
        let before = events.clone();
        assert!(!order.reorder_at(&mut events, Instant::now()));
        assert_eq!(events, before);
    }

    #[test]
    fn a_composition_dropped_lets_the_events_go() {
        let mut order = ImeOrder::default();
        let mut events = vec![preedit("한"), text(" "), preedit("")];
        order.reorder_at(&mut events, Instant::now());
        assert_eq!(events, vec![preedit("한"), preedit(""), text(" ")]);
    }

    #[test]
    fn held_events_are_let_go_when_no_commit_comes() {
        let start = Instant::now();
        let mut order = ImeOrder::default();
        let mut events = vec![preedit("한"), text(" ")];
        assert!(order.reorder_at(&mut events, start));
        assert_eq!(order.let_go_in(start), Some(HOLD_TIME));
        // However many frames are drawn meanwhile, as on a busy machine.
        for frame in 1..100u32 {
            let mut nothing = Vec::new();
            assert!(order.reorder_at(&mut nothing, start + HOLD_TIME * frame / 100));
            assert!(nothing.is_empty());
        }
        let mut last = Vec::new();
        assert!(!order.reorder_at(&mut last, start + HOLD_TIME));
        assert_eq!(order.let_go_in(start + HOLD_TIME), None);
        assert_eq!(last, vec![text(" ")]);
        // And the next text is not held: the composition is taken to be over.
        let mut after = vec![text("a")];
        assert!(!order.reorder_at(&mut after, Instant::now()));
        assert_eq!(after, vec![text("a")]);
    }
}
