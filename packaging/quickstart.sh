#!/bin/sh
# Quick start on Debian or Ubuntu with Python 3.11+:
#   sh packaging/quickstart.sh app    install sbc-desktop in .venv and open it
#   sh packaging/quickstart.sh test   install it with the test tools and run the tests
# System libraries that are missing (Qt's display libraries, python3-venv) are installed
# with apt-get first, through sudo when not root. Nothing is installed twice.
set -eu
cd "$(dirname "$0")/.."
mode=${1:-app}
case $mode in app|test) ;; *) echo "usage: sh packaging/quickstart.sh app|test" >&2; exit 2;; esac

# Libraries Qt loads for any window (also offscreen), then those of the X11 display plugin.
packages="libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3"
if [ "$mode" = app ]; then
  packages="$packages libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0"
  packages="$packages libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
fi
# The tests read printed handouts back with poppler's pdftotext (they fall back to pypdf without it).
if [ "$mode" = test ]; then packages="$packages poppler-utils"; fi
missing=""
if command -v dpkg >/dev/null 2>&1; then
  for p in $packages; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  python3 -c "import ensurepip, venv" 2>/dev/null || missing="$missing python3-venv"
fi
if [ -n "$missing" ]; then
  echo "Installing system packages:$missing"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "sbc-desktop needs Python 3.11 or newer; python3 is $(python3 --version 2>&1)." >&2; exit 1; }
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip

if [ "$mode" = app ]; then
  .venv/bin/python -m pip install -q .
  exec .venv/bin/sbc-desktop
else
  .venv/bin/python -m pip install -q -e '.[test]'
  QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} exec .venv/bin/python -m pytest
fi
