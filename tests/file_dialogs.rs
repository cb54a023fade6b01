//! Whether a system file dialog can appear is asked of the desktop portal itself, on a private
//! session bus: a bus without a portal (many desktops, every bare X session) shows none, so the
//! app must ask for a typed path there rather than press on with a dialog that never appears.

#![cfg(target_os = "linux")]
// The stand-in portal's properties take `&self`, as zbus asks.
#![allow(clippy::unused_self)]

mod support;

use repatriation_watch::app::file_dialogs::portal_has_file_chooser_at;
use support::bus::PrivateBus;

/// A stand-in for the desktop portal's file chooser: only its version, which is what is asked.
struct FakeFileChooser;

#[zbus::interface(name = "org.freedesktop.portal.FileChooser")]
impl FakeFileChooser {
    #[zbus(property, name = "version")]
    fn version(&self) -> u32 {
        4
    }
}

/// Some other portal interface, without the file chooser.
struct FakeSettings;

#[zbus::interface(name = "org.freedesktop.portal.Settings")]
impl FakeSettings {
    #[zbus(property, name = "version")]
    fn version(&self) -> u32 {
        2
    }
}

fn bus_or_skip() -> Option<PrivateBus> {
    let bus = PrivateBus::start();
    if bus.is_none() {
        eprintln!("skipped: dbus-daemon is not installed (Debian: dbus-daemon)");
    }
    bus
}

/// Puts a stand-in desktop portal serving `interface` on the bus; it stays while kept.
fn stand_in_portal(
    bus: &PrivateBus,
    interface: impl zbus::object_server::Interface,
) -> zbus::blocking::Connection {
    zbus::blocking::connection::Builder::address(bus.address.as_str())
        .and_then(|b| b.name("org.freedesktop.portal.Desktop"))
        .and_then(|b| b.serve_at("/org/freedesktop/portal/desktop", interface))
        .and_then(zbus::blocking::connection::Builder::build)
        .expect("the stand-in portal is on the bus")
}

#[test]
fn a_session_bus_without_a_portal_shows_no_dialog() {
    let Some(bus) = bus_or_skip() else { return };
    assert!(!bus.address.is_empty());
    assert!(!portal_has_file_chooser_at(&bus.address));
}

#[test]
fn a_portal_without_a_file_chooser_shows_no_dialog() {
    let Some(bus) = bus_or_skip() else { return };
    let _portal = stand_in_portal(&bus, FakeSettings);
    assert!(!portal_has_file_chooser_at(&bus.address));
}

#[test]
fn a_portal_with_a_file_chooser_is_found() {
    let Some(bus) = bus_or_skip() else { return };
    let _portal = stand_in_portal(&bus, FakeFileChooser);
    assert!(portal_has_file_chooser_at(&bus.address));
}

#[test]
fn no_bus_at_all_shows_no_dialog() {
    assert!(!portal_has_file_chooser_at("unix:path=/nonexistent/bus"));
}
