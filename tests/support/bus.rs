//! A private D-Bus session bus for tests: nothing of the machine's on it.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// A private session bus that starts no service of the machine's: nothing but what a test puts
/// on it. Ended when dropped.
pub struct PrivateBus {
    daemon: Child,
    /// Its address, for `DBUS_SESSION_BUS_ADDRESS`.
    pub address: String,
    _dir: tempfile::TempDir,
}

impl PrivateBus {
    /// Starts `dbus-daemon`; `None` (the test then says why it is skipped) where it is missing.
    pub fn start() -> Option<Self> {
        let dir = tempfile::tempdir().ok()?;
        let config = dir.path().join("bus.conf");
        let socket_dir = dir.path().display();
        std::fs::write(
            &config,
            format!(
                r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={socket_dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>"#
            ),
        )
        .ok()?;
        let mut daemon = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--print-address", "--nofork"])
            .stdout(Stdio::piped())
            .spawn()
            .ok()?;
        let mut address = String::new();
        BufReader::new(daemon.stdout.take()?).read_line(&mut address).ok()?;
        Some(Self { daemon, address: address.trim().to_owned(), _dir: dir })
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}
