#!/bin/sh
# Build the installable app (a PyInstaller one-folder bundle) and prove it works:
#   sh packaging/build.sh
# From a clean checkout: makes a build venv, installs the project and PyInstaller, builds
# build/pyinstaller/dist/sbc-desktop/, then runs the FROZEN app from a folder outside the
# source tree: --version, check, a search and a PDF export, with no display needed.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
build=${SBC_BUILD_DIR:-$top/build/pyinstaller}
started=$(date +%s)

[ -x "$build/venv/bin/python" ] || python3 -m venv "$build/venv"
"$build/venv/bin/python" -m pip install -q --upgrade pip
"$build/venv/bin/python" -m pip install -q "$top" "pyinstaller>=6.5"
# The translations (.qm) the bundle ships, built from their sources (the pseudo one is for tests).
for ts in "$top"/resources/translations/sbc-desktop_*.ts; do
  case $ts in *_pseudo.ts) continue;; esac
  "$build/venv/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
"$build/venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$build/dist" --workpath "$build/work" "$top/packaging/pyinstaller/sbc-desktop.spec"

bundle="$build/dist/sbc-desktop"
app="$bundle/sbc-desktop"
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
[ "$(du -sm "$bundle" | cut -f1)" -le "${SBC_BUNDLE_MAX_MB:-170}" ] || {
  echo "the bundle is larger than ${SBC_BUNDLE_MAX_MB:-170} MB: see what grew with: du -sh $bundle/_internal/* | sort -h" >&2; exit 1; }
