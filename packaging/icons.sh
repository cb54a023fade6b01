#!/usr/bin/env bash
# Renders the app icon (packaging/icons/repatriation-watch.svg) at the sizes desktops ask for:
# PNGs under packaging/icons/hicolor/NxN/apps/ (the .deb installs them), the window's own icon
# (assets/icon-256.png, built into the binary) and a Windows .ico (packaging/icons/
# repatriation-watch.ico, put into the .exe). The results are committed; run this after changing
# the SVG. Needs rsvg-convert (librsvg2-bin) and ImageMagick's convert.
set -euo pipefail
cd "$(dirname "$0")/.."
svg=packaging/icons/repatriation-watch.svg
for tool in rsvg-convert convert; do
  command -v "$tool" >/dev/null || { echo "icons.sh: $tool is missing (apt-get install librsvg2-bin imagemagick)" >&2; exit 1; }
done
for size in 16 24 32 48 64 128 256 512; do
  dir=packaging/icons/hicolor/${size}x${size}/apps
  mkdir -p "$dir"
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$dir/repatriation-watch.png"
done
mkdir -p packaging/icons/hicolor/scalable/apps
cp "$svg" packaging/icons/hicolor/scalable/apps/repatriation-watch.svg
cp packaging/icons/hicolor/256x256/apps/repatriation-watch.png assets/icon-256.png
convert packaging/icons/hicolor/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}/apps/repatriation-watch.png \
  packaging/icons/repatriation-watch.ico
echo "icons written"
