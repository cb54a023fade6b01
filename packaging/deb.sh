#!/usr/bin/env bash
# Builds the Linux package target/debian/repatriation-watch_VERSION-1_amd64.deb: the release
# binary, its desktop entry (in English and Korean), icons, the file types of datasets (.ron) and
# encrypted datasets (.ron.age), the sample and the licences (see [package.metadata.deb] in
# Cargo.toml). Installs cargo-deb (from crates.io), dpkg-dev and desktop-file-utils when missing.
# Prints the package's path last.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_DEB_VERSION=3.8.0
if ! command -v dpkg-shlibdeps >/dev/null || ! command -v desktop-file-validate >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends dpkg-dev desktop-file-utils >/dev/null
fi
if ! cargo deb --version 2>/dev/null | grep -qF "$CARGO_DEB_VERSION"; then
  cargo install cargo-deb --version "$CARGO_DEB_VERSION" --locked
fi
desktop-file-validate packaging/linux/repatriation-watch.desktop
cargo deb --output target/debian/ >&2
package=$(ls -t target/debian/repatriation-watch_*.deb | head -n 1)
echo "$package"
