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

/// How long held events wait after the pre-edit was cleared for the commit that follows (winit
/// clears the pre-edit right before each commit, and on a busy machine the two come in different
/// frames); a composition given up (Escape) has no commit, and the events go on then.
pub const CLEARED_WAIT: Duration = Duration::from_millis(300);

/// Where a composition stands.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum Composition {
    /// None open.
    #[default]
    Closed,
    /// A syllable is being composed (a non-empty pre-edit was shown, not yet committed).
    Open,
    /// The pre-edit was cleared at this moment; its commit may still come.
    Cleared(Instant),
}

/// The state of composition across frames, and the events held back meanwhile.
#[derive(Debug, Default)]
pub struct ImeOrder {
    composition: Composition,
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
        for event in std::mem::take(events) {
            match &event {
                Event::Ime(ImeEvent::Preedit { text, .. }) if text.is_empty() => {
                    if self.composition == Composition::Open {
                        self.composition = Composition::Cleared(now);
                    }
                    events.push(event);
                }
                Event::Ime(ImeEvent::Preedit { .. }) => {
                    self.composition = Composition::Open;
                    events.push(event);
                }
                // A commit ends the composition; so does the input method going away (which some
                // integrations still say).
                #[expect(deprecated, reason = "some integrations still send Disabled")]
                Event::Ime(ImeEvent::Commit(_) | ImeEvent::Disabled) => {
                    self.composition = Composition::Closed;
                    events.push(event);
                    self.let_go(events);
                }
                _ if self.composition != Composition::Closed && waits_for_commit(&event) => {
                    self.held.push(event);
                }
                _ => events.push(event),
            }
        }
        if self.held.is_empty() {
            if matches!(self.composition, Composition::Cleared(at) if now.duration_since(at) >= CLEARED_WAIT)
            {
                self.composition = Composition::Closed;
            }
            return false;
        }
        self.since.get_or_insert(now);
        if self.let_go_in(now).is_some_and(|left| left.is_zero()) {
            // No commit came: the events go on as they are rather than being lost.
            self.composition = Composition::Closed;
            self.let_go(events);
            return false;
        }
        true
    }

    /// How long until the events held now are let go without a commit, if any are held: a
    /// second from the first of them, or [`CLEARED_WAIT`] from the clearing of the pre-edit.
    pub fn let_go_in(&self, now: Instant) -> Option<Duration> {
        let since = self.since.filter(|_| !self.held.is_empty())?;
        let left = HOLD_TIME.saturating_sub(now.duration_since(since));
        Some(match self.composition {
            Composition::Cleared(at) => left.min(CLEARED_WAIT.saturating_sub(now.duration_since(at))),
            Composition::Open | Composition::Closed => left,
        })
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
    fn the_pre_edit_cleared_before_its_commit_does_not_let_the_full_stop_go_first() {
        // As winit hands them over when the full stop's key races the commit (ibus, busy).
        let mut order = ImeOrder::default();
        let stop = key(Key::Period, Modifiers::NONE);
        let mut events =
            vec![preedit("둥"), stop.clone(), text("."), preedit(""), preedit(""), commit("둥"), preedit("")];
        assert!(!order.reorder_at(&mut events, Instant::now()));
        assert_eq!(
            events,
            vec![preedit("둥"), preedit(""), preedit(""), commit("둥"), stop.clone(), text("."), preedit("")]
        );
        // And across frames.
        let mut first = vec![preedit("둥"), stop.clone(), text(".")];
        assert!(order.reorder_at(&mut first, Instant::now()));
        let mut second = vec![preedit(""), preedit(""), commit("둥")];
        assert!(!order.reorder_at(&mut second, Instant::now()));
        assert_eq!(second, vec![preedit(""), preedit(""), commit("둥"), stop, text(".")]);
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
    fn a_composition_given_up_lets_the_events_go_when_no_commit_follows() {
        let start = Instant::now();
        let mut order = ImeOrder::default();
        let mut events = vec![preedit("한"), text(" "), preedit("")];
        assert!(order.reorder_at(&mut events, start), "the commit may follow the clearing");
        assert_eq!(order.let_go_in(start), Some(CLEARED_WAIT));
        let mut later = Vec::new();
        assert!(!order.reorder_at(&mut later, start + CLEARED_WAIT));
        assert_eq!(later, vec![text(" ")]);
        let mut after = vec![text("a")];
        assert!(!order.reorder_at(&mut after, start + CLEARED_WAIT));
        assert_eq!(after, vec![text("a")], "nothing is held once the composition is over");
    }

    #[test]
    fn the_pre_edit_cleared_a_frame_before_its_commit_keeps_the_comma_after_it() {
        // As ibus on a busy machine: the clearing, then the comma's key, then the commit.
        let start = Instant::now();
        let mut order = ImeOrder::default();
        let comma = key(Key::Comma, Modifiers::NONE);
        let mut frames = [
            vec![preedit("주")],
            vec![preedit(""), preedit("")],
            vec![comma.clone(), text(",")],
            vec![preedit(""), commit("주")],
        ];
        for (n, frame) in frames.iter_mut().enumerate() {
            order.reorder_at(frame, start + Duration::from_millis(30) * u32::try_from(n).unwrap_or(0));
        }
        assert!(frames[2].is_empty(), "the comma waits");
        assert_eq!(frames[3], vec![preedit(""), commit("주"), comma, text(",")]);
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
