#!/usr/bin/env bash
# Proves a built .deb works as a user would meet it: installs it with apt (pulling what it
# depends on), runs `repatriation-watch check` on the installed sample from PATH, validates the
# installed desktop entry and finds the file types registered, opens the installed app from its
# desktop entry under Xvfb (gio launch) and waits for its window, then removes the package and
# checks nothing of it is left. Exits non-zero at the first step that fails, saying which.
#
#   packaging/deb-check.sh target/debian/repatriation-watch_0.1.0-1_amd64.deb [SCREENSHOT.png]
set -euo pipefail
package=$(realpath "${1:?usage: deb-check.sh PACKAGE.deb [SCREENSHOT.png]}")
shot=${2:-}
fail() { echo "deb-check: $*" >&2; exit 1; }

need=""
for tool in Xvfb xdotool desktop-file-validate gio import; do command -v "$tool" >/dev/null || need=yes; done
if [ -n "$need" ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends xvfb xdotool desktop-file-utils libglib2.0-bin \
    shared-mime-info imagemagick >/dev/null
fi

echo "deb-check: installing $package"
apt-get install -y -qq "$package" >/dev/null || fail "apt could not install the package"
[ "$(command -v repatriation-watch)" = /usr/bin/repatriation-watch ] || fail "repatriation-watch is not on PATH"
repatriation-watch check /usr/share/repatriation-watch/sample.ron || fail "check failed on the installed sample"
desktop-file-validate /usr/share/applications/repatriation-watch.desktop || fail "the installed desktop entry is not valid"
for size in 16x16 32x32 48x48 128x128 256x256 512x512; do
  [ -f "/usr/share/icons/hicolor/$size/apps/repatriation-watch.png" ] || fail "no $size icon"
done
# The file types, as the desktop's file managers read them from the shared MIME database.
content_type() { gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'; }
kind=$(content_type /usr/share/repatriation-watch/sample.ron)
[ "$kind" = application/x-repatriation-watch ] || fail "the sample's file type is $kind"
encrypted=$(mktemp -d)/dataset.ron.age
printf 'age-encryption.org/v1\n' >"$encrypted"
kind=$(content_type "$encrypted")
[ "$kind" = application/x-repatriation-watch-encrypted ] || fail "an encrypted dataset's file type is $kind"
for doc in copyright LICENSE-MIT LICENSE-APACHE fonts/NanumGothic-OFL.txt fonts/DroidSansFallback-LICENSE.txt map/README.md; do
  [ -f "/usr/share/doc/repatriation-watch/$doc" ] || fail "no /usr/share/doc/repatriation-watch/$doc"
done

# The app opened from its desktop entry (as a menu or a double-clicked dataset opens it), with
# the sample as the file, in a display of its own.
display_file=$(mktemp)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$display_file" 2>/dev/null &
xvfb=$!
for _ in $(seq 50); do [ -s "$display_file" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$display_file")"
home=$(mktemp -d)
HOME=$home XDG_RUNTIME_DIR=$home LIBGL_ALWAYS_SOFTWARE=1 \
  gio launch /usr/share/applications/repatriation-watch.desktop /usr/share/repatriation-watch/sample.ron \
  >"$home/launch.log" 2>&1 || { cat "$home/launch.log" >&2; kill "$xvfb"; fail "gio could not launch the desktop entry"; }
window=""
for _ in $(seq 60); do
  window=$(xdotool search --name "Repatriation Watch" 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  sleep 0.5
done
# The app's process name: Linux cuts it to 15 characters.
process=repatriation-wa
running() { pgrep -x "$process" >/dev/null; }
if [ -n "$window" ]; then
  sleep 3
  running || { kill "$xvfb"; fail "the app quit after opening its window"; }
  [ -n "$shot" ] && import -window root "$shot"
fi
pkill -x "$process" 2>/dev/null || true
kill "$xvfb" 2>/dev/null || true
[ -n "$window" ] || fail "the installed app showed no window"
echo "deb-check: the installed app opened its window"

apt-get remove -y -qq repatriation-watch >/dev/null || fail "apt could not remove the package"
[ ! -e /usr/bin/repatriation-watch ] || fail "/usr/bin/repatriation-watch is left after removal"
[ ! -e /usr/share/applications/repatriation-watch.desktop ] || fail "the desktop entry is left after removal"
[ ! -e /usr/share/repatriation-watch ] || fail "/usr/share/repatriation-watch is left after removal"
echo "deb-check: installed, checked, opened and removed cleanly"
