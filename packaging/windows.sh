#!/usr/bin/env bash
# Builds the portable Windows ZIP, target/windows/repatriation-watch-VERSION-windows-x86_64.zip:
# repatriation-watch.exe (with its icon and version), README.txt and README-ko.txt, the sample and
# the licences. Cross-built on Linux for x86_64-pc-windows-gnu with Debian's mingw-w64. When the
# Rust target or mingw-w64 cannot be installed it says so and stops, building nothing. Where Wine
# is installed, the .exe's command line is then tried under it (`check` on the sample).
# Prints the ZIP's path last.
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
stop() { echo "windows.sh: $* Nothing was built." >&2; exit 1; }
fail() { echo "windows.sh: $*" >&2; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  rustup target add "$target" >&2 || stop "the Rust target $target cannot be installed here (rustup target add failed)."
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null || ! command -v x86_64-w64-mingw32-windres >/dev/null \
  || ! command -v zip >/dev/null; then
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64 \
      binutils-mingw-w64-x86-64 zip; } >&2 || stop "mingw-w64 or zip cannot be installed (apt-get failed)."
fi

export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
cargo build --release --target "$target" --bin repatriation-watch >&2
exe=target/$target/release/repatriation-watch.exe
x86_64-w64-mingw32-strip "$exe"

name=repatriation-watch-$version-windows-x86_64
stage=$(mktemp -d)
mkdir -p "$stage/$name/licences"
cp "$exe" "$stage/$name/"
# Windows' own editors read either line ending; CRLF for the older Notepad.
for readme in README.txt README-ko.txt; do sed 's/$/\r/' "packaging/windows/$readme" >"$stage/$name/$readme"; done
cp assets/sample.ron "$stage/$name/sample.ron"
cp LICENSE-MIT LICENSE-APACHE assets/fonts/NanumGothic-OFL.txt assets/fonts/DroidSansFallback-LICENSE.txt \
  "$stage/$name/licences/"
cp assets/map/README.md "$stage/$name/licences/map-data.md"
mkdir -p target/windows
zip_file=$(pwd)/target/windows/$name.zip
rm -f "$zip_file"
(cd "$stage" && zip -q -r "$zip_file" "$name")
rm -rf "$stage"

if command -v wine >/dev/null; then
  check=$(mktemp -d)
  (cd "$check" && unzip -q "$zip_file")
  # Wine before 9 has no bcryptprimitives.dll, whose ProcessPrng Rust's standard library calls
  # (Windows 10 and later have it): a stand-in goes beside the .exe for this try only.
  x86_64-w64-mingw32-gcc -shared -O2 -o "$check/$name/bcryptprimitives.dll" \
    packaging/windows/wine/bcryptprimitives.c packaging/windows/wine/bcryptprimitives.def -ladvapi32
  echo "windows.sh: trying the command line under Wine $(wine --version 2>/dev/null)" >&2
  answer=$(cd "$check/$name" && WINEDEBUG=-all WINEPREFIX="$check/wine" timeout 300 wine repatriation-watch.exe check sample.ron 2>/dev/null) \
    || { echo "$answer" >&2; fail "the .exe's check did not succeed under Wine (the ZIP is at $zip_file)."; }
  echo "$answer" >&2
  echo "$answer" | grep -q "^sample.ron: 11 incidents" || fail "the .exe's check answered unexpectedly under Wine."
  rm -rf "$check"
else
  echo "windows.sh: Wine is not installed: the .exe was not tried." >&2
fi
echo "$zip_file"
