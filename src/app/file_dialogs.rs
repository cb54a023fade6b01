//! Whether the system can show a file dialog.
//!
//! On Linux, rfd asks the desktop portal (`org.freedesktop.portal.FileChooser`, over the session
//! bus) and falls back to zenity; where neither is there it returns no path, exactly as if the
//! dialog had been cancelled, and nothing appears. A session bus alone says nothing (many
//! desktops, and every bare X session, have one without a portal), so the portal is asked
//! whether it has a file chooser, on a thread of its own at start. Where no dialog can appear,
//! the app asks for a typed path instead.

use std::sync::mpsc;
use std::time::Duration;

/// The name, object and interface of the desktop portal's file chooser.
#[cfg(target_os = "linux")]
const PORTAL: (&str, &str, &str) = (
    "org.freedesktop.portal.Desktop",
    "/org/freedesktop/portal/desktop",
    "org.freedesktop.portal.FileChooser",
);

/// How long the portal may take to answer (it may be started for the question).
const PORTAL_TIMEOUT: Duration = Duration::from_secs(5);

/// Whether system file dialogs can be shown: found out on another thread, and waited for the
/// first time a dialog is wanted.
#[derive(Debug)]
pub struct SystemDialogs {
    answer: Option<bool>,
    pending: Option<mpsc::Receiver<bool>>,
}

impl SystemDialogs {
    /// Starts finding out, on another thread.
    pub fn probe() -> Self {
        let (send, receive) = mpsc::channel();
        let started = std::thread::Builder::new().name("file dialog probe".to_owned()).spawn(move || {
            let _ = send.send(system_can_show_file_dialogs());
        });
        match started {
            Ok(_) => Self { answer: None, pending: Some(receive) },
            Err(_) => Self { answer: Some(system_can_show_file_dialogs()), pending: None },
        }
    }

    /// No system dialogs: paths are typed (tests, and a system that has none).
    pub fn none() -> Self {
        Self { answer: Some(false), pending: None }
    }

    /// Whether a system dialog can be shown (waiting for the answer the first time).
    pub fn available(&mut self) -> bool {
        if let Some(pending) = self.pending.take() {
            self.answer = Some(pending.recv_timeout(PORTAL_TIMEOUT * 2).unwrap_or(false));
        }
        self.answer.unwrap_or(false)
    }
}

/// Whether the system can show a file dialog: on Linux, a desktop portal with a file chooser,
/// or zenity; elsewhere always (Windows and macOS have their own).
pub fn system_can_show_file_dialogs() -> bool {
    if cfg!(not(target_os = "linux")) {
        return true;
    }
    portal_has_file_chooser() || program_on_path("zenity")
}

/// Whether the session bus has a desktop portal that implements the file chooser: its
/// `version` property can be read (which starts the portal, when it is started on demand).
#[cfg(target_os = "linux")]
pub fn portal_has_file_chooser() -> bool {
    std::env::var("DBUS_SESSION_BUS_ADDRESS").is_ok_and(|address| portal_has_file_chooser_at(&address))
}

/// [`portal_has_file_chooser`] on the bus at `address` (`unix:path=…`).
#[cfg(target_os = "linux")]
pub fn portal_has_file_chooser_at(address: &str) -> bool {
    use zbus::blocking::{connection, proxy};
    let Ok(builder) = connection::Builder::address(address) else { return false };
    let Ok(connection) = builder.method_timeout(PORTAL_TIMEOUT).build() else { return false };
    let (name, path, interface) = PORTAL;
    let proxy = proxy::Builder::<zbus::blocking::Proxy<'_>>::new(&connection)
        .destination(name)
        .and_then(|b| b.path(path))
        .and_then(|b| b.interface(interface))
        .map(|b| b.cache_properties(zbus::proxy::CacheProperties::No))
        .and_then(proxy::Builder::build);
    proxy.is_ok_and(|proxy| proxy.get_property::<u32>("version").is_ok())
}

/// Elsewhere there is no portal to ask.
#[cfg(not(target_os = "linux"))]
pub fn portal_has_file_chooser() -> bool {
    false
}

fn program_on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_never_shows_a_system_dialog() {
        let mut dialogs = SystemDialogs::none();
        assert!(!dialogs.available());
    }
}
