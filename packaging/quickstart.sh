#!/bin/sh
# Quick start on Debian or Ubuntu with Python 3.11+:
#   sh packaging/quickstart.sh app      install sbc-desktop in .venv, add it to the menu and PATH, open it
#   sh packaging/quickstart.sh test     install it with the test tools and run the tests (what follows goes to
#                                       pytest: `test -n auto` runs them in a worker a core, as CI does)
#   sh packaging/quickstart.sh remove   take the menu entry and the command away again (and .venv)
# System libraries that are missing (Qt's display libraries, python3-venv) are installed
# with apt-get first, through sudo when not root, waiting if another apt holds the lock.
# Python packages are installed only when pyproject.toml (or Python) changed since the last
# run, so a second `app` opens the window straight away.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
mode=${1:-app}
[ $# -gt 0 ] && shift
case $mode in app|test|remove) ;; *) echo "usage: sh packaging/quickstart.sh app|test|remove" >&2; exit 2;; esac

app_id=org.sbcdesktop.SbcDesktop
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
config_home=${XDG_CONFIG_HOME:-$HOME/.config}
cache_home=${XDG_CACHE_HOME:-$HOME/.cache}
bin_dir=$HOME/.local/bin

if [ "$mode" = remove ]; then
  rm -f "$bin_dir/sbc-desktop" "$data_home/applications/$app_id.desktop"
  rm -f "$data_home"/icons/hicolor/*/apps/"$app_id".png "$data_home/icons/hicolor/scalable/apps/$app_id.svg"
  [ -n "${SBC_QUICKSTART_KEEP_VENV:-}" ] || rm -rf .venv  # (tests keep it)
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
  echo "Removed the sbc-desktop menu entry, the sbc-desktop command and .venv."
  echo "Your notes are kept in $data_home/sbc-desktop (delete that folder to remove them too)."
  echo "Settings ($config_home/sbc-desktop) and caches ($cache_home/sbc-desktop) are kept too; those folders can be deleted."
  exit 0
fi

# What a second start checks before anything else: when the install, the translations and the
# menu entry are all current, the app starts at once (no apt or pip checks, no extra Python).
extras=""; [ "$mode" = test ] && extras="[test]"
entry="$data_home/applications/$app_id.desktop"
stamp() { printf '%s %s' "$(cksum < pyproject.toml)" "$(.venv/bin/python --version 2>&1)"; }
# The test install holds everything the app needs, so it also counts for `app`.
up_to_date() {
  [ -x .venv/bin/python ] && [ -f .venv/.sbc-desktop-installed ] || return 1
  base=$(stamp) || return 1
  grep -qxF "$base $extras" .venv/.sbc-desktop-installed || { [ -z "$extras" ] && grep -qxF "$base [test]" .venv/.sbc-desktop-installed; }
}
translations_current() {
  for ts in resources/translations/sbc-desktop_*.ts; do
    case $ts in *_pseudo.ts) continue;; esac
    [ -f "$ts" ] || continue
    qm=${ts%.ts}.qm
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then return 1; fi
  done
}
menu_current() {
  [ -e "$entry" ] && grep -q "^Exec=$top/.venv/bin/sbc-desktop\$" "$entry" && [ -L "$bin_dir/sbc-desktop" ]
}
# What the install keeps for a first start (below), made from this checkout's code and pages: made again
# when a file of either is newer than the last making (a `git pull` changes them without changing pyproject.toml).
kept_stamp=sbc_desktop/__pycache__/kept.stamp
code_kept() {
  [ -d sbc_desktop/__pycache__/rendered ] && [ -f "$kept_stamp" ] || return 1
  for kept in sbc_desktop/__pycache__/code-*.cache; do [ -f "$kept" ] || return 1; done
  [ -z "$(find sbc_desktop resources/content -newer "$kept_stamp" -type f ! -path '*/__pycache__/*' -print 2>/dev/null | head -n 1)" ]
}
if [ "$mode" = app ] && up_to_date && translations_current && menu_current && code_kept; then
  exec .venv/bin/sbc-desktop "$@"
fi

# apt-get, waiting (up to 10 minutes) while another apt or an automatic update holds its lock.
apt_get() {
  tries=0
  while :; do
    if out=$($sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=60 "$@" 2>&1); then
      return 0
    fi
    case $out in
      *"Could not get lock"*|*"Unable to lock"*|*"is held by process"*)
        tries=$((tries + 1))
        [ "$tries" -lt 60 ] || { echo "$out" >&2; return 1; }
        [ "$tries" -eq 1 ] && echo "Another program is installing software; waiting for it to finish..."
        sleep 10;;
      *) echo "$out" >&2; return 1;;
    esac
  done
}

# Libraries Qt loads for any window (also offscreen), then those of the X11 display plugin.
packages="libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3"
if [ "$mode" = app ]; then
  packages="$packages libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0"
  packages="$packages libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
fi
# Optional: OpenDyslexic, offered in Preferences as a reading font (the app works without it).
extra_font=""
if [ "$mode" = app ] && command -v dpkg >/dev/null 2>&1 && ! dpkg -s fonts-opendyslexic >/dev/null 2>&1; then
  extra_font=fonts-opendyslexic
fi
# The tests read printed handouts back with poppler's pdftotext (they fall back to pypdf without it).
if [ "$mode" = test ]; then packages="$packages poppler-utils"; fi
missing=""
if [ -z "${QUICKSTART_NO_APT:-}" ] && command -v dpkg >/dev/null 2>&1; then  # (tests set QUICKSTART_NO_APT)
  for p in $packages; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  python3 -c "import ensurepip, venv" 2>/dev/null || missing="$missing python3-venv"
fi
if [ -n "$missing" ]; then
  echo "Installing system packages:$missing"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  apt_get update -qq
  apt_get install -y -qq $missing
fi
if [ -n "$extra_font" ] && [ -z "${QUICKSTART_NO_APT:-}" ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  apt_get install -y -qq "$extra_font" 2>/dev/null || echo "(The OpenDyslexic font could not be installed; the other reading fonts work.)"
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "sbc-desktop needs Python 3.11 or newer; python3 is $(python3 --version 2>&1)." >&2; exit 1; }
[ -x .venv/bin/python ] || python3 -m venv .venv

# Install (editable, so the checkout is what runs) only when what decides the install changed.
if ! up_to_date; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".$extras"
  printf '%s %s\n' "$(stamp)" "$extras" >> .venv/.sbc-desktop-installed
  installed_now=1
fi
# What every start compiles (PySide6's support code, data classes, regular expressions), kept beside the
# app's byte-compiled modules after an install (or when missing), as pip byte-compiles them: a first start,
# and a kiosk, compile none of it (sbc_desktop/code_cache.py; a start in a temporary home, offscreen). The
# built-in pages are rendered there too (sbc_desktop/__pycache__/rendered): a first start renders none.
if [ "$mode" = app ] && { [ -n "${installed_now:-}" ] || ! code_kept; }; then
  # (if it fails it says why on stderr, and starts compile and render as they would without it)
  if .venv/bin/python -m sbc_desktop.code_cache >/dev/null; then touch "$kept_stamp"; fi
fi
# The translations Qt loads (.qm), built from resources/translations/*.ts when one is missing
# or older than its source.
if ! translations_current; then
  .venv/bin/python -m sbc_desktop.translations >/dev/null || echo "could not build the translations: the app is in English"
fi

if [ "$mode" = app ]; then
  # The menu entry and the command, for this user only (redone when missing or moved). Each is written beside
  # its place (a hidden .new) and renamed in: a write that fails, on a full disk for example, leaves the one
  # there before whole. (A function called in a test runs without `set -e`: hence every `|| return`.)
  add_to_menu() {
    mkdir -p "$bin_dir" "$data_home/applications" || return
    ln -sfn "$top/.venv/bin/sbc-desktop" "$bin_dir/.sbc-desktop.new" || return
    mv -f "$bin_dir/.sbc-desktop.new" "$bin_dir/sbc-desktop" || return
    sed "s|^Exec=sbc-desktop\$|Exec=$top/.venv/bin/sbc-desktop|" "packaging/linux/$app_id.desktop" \
      > "$data_home/applications/.$app_id.desktop.new" || return
    mv -f "$data_home/applications/.$app_id.desktop.new" "$entry" || return
    for icon in resources/icons/hicolor/*/apps/*; do
      apps=$(icon_dir "$icon")
      mkdir -p "$apps" && cp "$icon" "$apps/.$(basename "$icon").new" || return
      mv -f "$apps/.$(basename "$icon").new" "$apps/$(basename "$icon")" || return
    done
  }
  icon_dir() { echo "$data_home/icons/hicolor/$(basename "$(dirname "$(dirname "$1")")")/apps"; }
  if ! menu_current; then
    if add_to_menu; then
      command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
      echo "Added 'Secondary Breast Cancer Guide' to the applications menu and 'sbc-desktop' to $bin_dir."
      case ":$PATH:" in *":$bin_dir:"*) ;; *) echo "($bin_dir is not on your PATH yet: it will be after you log in again.)";; esac
    else
      rm -f "$bin_dir/.sbc-desktop.new" "$data_home/applications/.$app_id.desktop.new" 2>/dev/null || true
      for icon in resources/icons/hicolor/*/apps/*; do  # an icon copied in part (a full disk) is not left behind
        rm -f "$(icon_dir "$icon")/.$(basename "$icon").new" 2>/dev/null || true
      done
      echo "Could not add sbc-desktop to the applications menu (the line above says why); any entry there before is unchanged." \
        "The app is installed: it opens now, and the next 'sh packaging/quickstart.sh app' tries the menu again." >&2
    fi
  fi
  exec .venv/bin/sbc-desktop "$@"
else
  QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} exec .venv/bin/python -m pytest "$@"
fi
