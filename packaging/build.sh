#!/bin/sh
# Build the installable app (a PyInstaller one-folder bundle) and prove it works:
#   sh packaging/build.sh
# From a clean checkout: makes a build venv, installs the project and PyInstaller, builds
# build/pyinstaller/dist/sbc-desktop/, then runs the FROZEN app from a folder outside the
# source tree: --version, check, a search and a PDF export, with no display needed.
#   sh packaging/build.sh --kiosk      the clinic kiosk's bundle: the same, plus the on-screen
#                                      keyboard (Qt Virtual Keyboard, the [kiosk] extra), in
#                                      build/pyinstaller-kiosk/dist/sbc-desktop/
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
kiosk=0
[ "${1:-}" = --kiosk ] && kiosk=1
if [ "$kiosk" = 1 ]; then
  build=${SBC_BUILD_DIR:-$top/build/pyinstaller-kiosk}
  export SBC_BUNDLE_KIOSK=1  # read by the spec
  project="$top[kiosk]"
else
  build=${SBC_BUILD_DIR:-$top/build/pyinstaller}
  project=$top
fi
started=$(date +%s)

[ -x "$build/venv/bin/python" ] || python3 -m venv "$build/venv"
"$build/venv/bin/python" -m pip install -q --upgrade pip
"$build/venv/bin/python" -m pip install -q "$project" "pyinstaller>=6.5"
# The translations (.qm) the bundle ships, built from their sources (the pseudo one is for tests).
for ts in "$top"/resources/translations/sbc-desktop_*.ts; do
  case $ts in *_pseudo.ts) continue;; esac
  "$build/venv/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
"$build/venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$build/dist" --workpath "$build/work" "$top/packaging/pyinstaller/sbc-desktop.spec"

bundle="$build/dist/sbc-desktop"
app="$bundle/sbc-desktop"
# ICU's data (32 MB of every language's locale, collation, code pages and dictionaries): only
# English (the source language) and the languages the app is translated into stay.
languages=en
for ts in "$top"/resources/translations/sbc-desktop_*.ts; do
  lang=${ts##*/sbc-desktop_}; lang=${lang%.ts}
  case $lang in pseudo|en) ;; *) languages="$languages ${lang%%_*}";; esac
done
for icu in "$bundle"/_internal/PySide6/Qt/lib/libicudata.so.*; do
  # shellcheck disable=SC2086  # one argument per language
  "$build/venv/bin/python" "$top/packaging/pyinstaller/trim_icu.py" "$icu" $languages
done
# Qt's Wayland platform, which the cage kiosk session (packaging/kiosk) runs the app on.
qt="$bundle/_internal/PySide6/Qt"
for need in "plugins/platforms/libqwayland*.so" plugins/wayland-shell-integration/libxdg-shell.so lib/libQt6WaylandClient.so.6; do
  # shellcheck disable=SC2086  # the platform plugin's name is a pattern (libqwayland-generic.so before Qt 6.10)
  set -- "$qt"/$need
  [ -e "$1" ] || { echo "the bundle lacks Qt's Wayland support ($need): the cage kiosk session needs it" >&2; exit 1; }
done
# What install.sh puts in the menu: the desktop file, AppStream metainfo and icons.
mkdir -p "$bundle/share/applications" "$bundle/share/metainfo" "$bundle/share/icons"
cp "$top/packaging/linux/org.sbcdesktop.SbcDesktop.desktop" "$bundle/share/applications/"
cp "$top/packaging/linux/org.sbcdesktop.SbcDesktop.metainfo.xml" "$bundle/share/metainfo/"
cp -r "$top/resources/icons/hicolor" "$bundle/share/icons/"
cp "$top/packaging/linux/install.sh" "$bundle/install.sh"
elsewhere=$(mktemp -d)
trap 'rm -rf "$elsewhere"' EXIT
cd "$elsewhere"  # nothing from the source tree can be found from here
export QT_QPA_PLATFORM=offscreen HOME="$elsewhere"
"$app" --version
"$app" check
"$app" search "can it be cured" --json | grep -q '"id": "why-no-cure"'
echo "search: found why-no-cure"
"$app" export --topics all --questions --clinic-name "Build check" -o "$elsewhere/handout.pdf"
head -c 5 "$elsewhere/handout.pdf" | grep -q '%PDF-'
echo "export: wrote a PDF of every topic"
# The window opens and paints a topic (Qt's platform, fonts, styles and the trimmed ICU data all
# load, and Qt says nothing about ICU); the kiosk with its on-screen keyboard (else it logs "no
# on-screen keyboard"). A kiosk will not quit of itself (only staff leave it, with the PIN), so
# each is stopped once painted.
if [ "$kiosk" = 1 ]; then set -- --kiosk; else set -- --topic why-no-cure; fi
SBC_DESKTOP_QUIT_AFTER_FIRST_PAINT=1 "$app" "$@" >"$elsewhere/window.out" 2>"$elsewhere/window.err" &
window_pid=$!
for _ in $(seq 120); do grep -q "^first-paint" "$elsewhere/window.out" && break; sleep 0.5; done
kill "$window_pid" 2>/dev/null || true
wait "$window_pid" 2>/dev/null || true
grep -q "^first-paint" "$elsewhere/window.out" || { cat "$elsewhere/window.err" >&2; echo "the window did not open" >&2; exit 1; }
if grep -iE "\bicu\b|collator|codec" "$elsewhere/window.err" >&2; then echo "Qt misses ICU data the bundle left out" >&2; exit 1; fi
echo "window: opened and painted a topic"
if [ "$kiosk" = 1 ]; then
  if grep "no on-screen keyboard" "$elsewhere/window.err" >&2; then echo "the kiosk bundle has no keyboard" >&2; exit 1; fi
  # A kiosk writes nothing: not even the empty folder Qt Virtual Keyboard makes by default.
  if [ -e "$HOME/.config/qtvirtualkeyboard" ]; then echo "the kiosk made $HOME/.config/qtvirtualkeyboard" >&2; exit 1; fi
  echo "kiosk: started with its on-screen keyboard"
fi
# install.sh for a user (HOME is the scratch folder): the command and the menu entry work, then go.
sh "$bundle/install.sh"
"$HOME/.local/bin/sbc-desktop" --version
grep -q "^Exec=$HOME/.local/opt/sbc-desktop/sbc-desktop\$" "$HOME/.local/share/applications/org.sbcdesktop.SbcDesktop.desktop"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$HOME/.local/share/applications/org.sbcdesktop.SbcDesktop.desktop"
fi
sh "$HOME/.local/opt/sbc-desktop/install.sh" --uninstall
[ ! -e "$HOME/.local/bin/sbc-desktop" ] && [ ! -e "$HOME/.local/opt/sbc-desktop" ]
echo "install.sh: installed, ran and removed the bundle for a user"
echo "bundle: $(du -sh "$bundle" | cut -f1) in $bundle (built in $(( $(date +%s) - started )) s)"
limit=${SBC_BUNDLE_MAX_MB:-150}
[ "$kiosk" = 1 ] && limit=${SBC_BUNDLE_MAX_MB:-195}  # Qt Quick and the keyboard
[ "$(du -sm "$bundle" | cut -f1)" -le "$limit" ] || {
  echo "the bundle is larger than $limit MB: see what grew with: du -sh $bundle/_internal/* | sort -h" >&2; exit 1; }
