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
"$build/venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$build/dist" --workpath "$build/work" "$top/packaging/pyinstaller/sbc-desktop.spec"

bundle="$build/dist/sbc-desktop"
app="$bundle/sbc-desktop"
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
echo "bundle: $(du -sh "$bundle" | cut -f1) in $bundle (built in $(( $(date +%s) - started )) s)"
