#!/bin/sh
# Try the locked kiosk session as a clinic would, with the app running inside cage:
#   sh packaging/kiosk/try-cage.sh [--quick] [--app PATH] [--user NAME] OUTDIR
#
# Starts packaging/kiosk/sbc-desktop-kiosk-session (cage, then sbc-desktop --kiosk) on a
# virtual screen, with a kiosk configuration of its own (staff PIN 246813, 30 s idle, 20 s
# notice), then presses every key that leaves a kiosk under a desktop session (Super+D,
# Alt+Space, Alt+Tab, Alt+F4, Super+E, Ctrl+Alt+F2, Ctrl+Alt+Backspace, Ctrl+Q, Ctrl+W,
# Escape, F11, ...) and a right click. After each one it takes a screenshot and checks that
# the same app is still running and still fills the screen showing the guide. Then (unless
# --quick) it types a search, waits for the idle reset and checks that the screen is the
# fresh guide again; last, staff leave with the PIN typed into the PIN pad, and the
# session must end with status 0 (so the service does not restart it).
# Screenshots (NN-name.png) and report.txt go to OUTDIR. Exit status: 0 all passed, 1 a
# check failed, 77 a tool is missing (nothing was tried).
#
#   --app PATH   the installed sbc-desktop to try (default: ~/.local/bin/sbc-desktop, where the
#                bundle's install.sh puts it, else sbc-desktop on PATH)
#   --user NAME  when run as root: run everything as this (non-root) user; cage refuses root
#   --quick      skip the idle reset (it takes 50 s)
#   --keyboard   also tap the search box: the on-screen keyboard must come up (an app installed
#                with the kiosk extra, sbc-desktop[kiosk]; the bundle has no on-screen keyboard),
#                type "bone" on it, then go away at a tap on the page
#
# Needs: cage, Xwayland, Xvfb, xdotool, grim, python3 (Debian/Ubuntu: apt-get install cage xwayland xvfb xdotool
# grim). Keys are pressed on a virtual X screen that holds cage's window (cage's x11 backend):
# they reach cage exactly as a real keyboard's keys do, so cage's own key handling (VT
# switching, its debug-build Alt+Esc) is tried too. wtype cannot be used: Debian 12's cage
# 0.1.4 has no virtual-keyboard protocol, and its headless backend's screenshots are black.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
quick=0 keyboard=0 app="" user=""
while [ $# -gt 1 ]; do
  case $1 in
    --quick) quick=1; shift;;
    --keyboard) keyboard=1; shift;;
    --app) app=$2; shift 2;;
    --user) user=$2; shift 2;;
    *) break;;
  esac
done
[ $# -eq 1 ] || { sed -n 2,3p "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
out=$1

missing=""
for tool in cage Xwayland Xvfb xdotool grim python3 setsid; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  echo "try-cage: not tried, missing:$missing (Debian/Ubuntu: apt-get install cage xwayland xvfb xdotool grim)" >&2
  exit 77
fi

if [ "$(id -u)" -eq 0 ]; then
  [ -n "$user" ] || { echo "try-cage: cage refuses to run as root: give --user NAME (a non-root user)" >&2; exit 2; }
  id "$user" >/dev/null 2>&1 || { echo "try-cage: no user $user (create one: useradd -m $user)" >&2; exit 2; }
  # The user runs copies of the two scripts, from a folder it owns.
  mkdir -p "$out"
  cp "$here/try-cage.sh" "$here/sbc-desktop-kiosk-session" "$out/"
  chown -R "$user" "$out"
  args=""
  [ "$quick" -eq 1 ] && args="--quick"
  [ "$keyboard" -eq 1 ] && args="$args --keyboard"
  [ -n "$app" ] && args="$args --app '$app'"
  exec su -l "$user" -s /bin/sh -c "cd '$out' && exec sh '$out/try-cage.sh' $args '$out'"
fi

[ -n "$app" ] || app=$HOME/.local/bin/sbc-desktop
[ -x "$app" ] || app=$(command -v sbc-desktop || true)
[ -n "$app" ] && [ -x "$app" ] || { echo "try-cage: no sbc-desktop to try: give --app PATH" >&2; exit 2; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/[0-9][0-9]-*.png "$out/report.txt"
report=$out/report.txt
failed=0
say() { echo "$*" | tee -a "$report"; }

# A runtime folder of our own (the Wayland socket), the configuration and the PIN's state.
run=$(mktemp -d /tmp/sbc-cage.XXXXXX)
chmod 700 "$run"
xvfb_pid="" session_pid=""
cleanup() {  # (set -e is on: a kill of something already gone must not end the cleanup)
  [ -z "$session_pid" ] || kill -- "-$session_pid" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  # Helpers the app started in a session of their own (speech-dispatcher, for Read aloud) use
  # this try's runtime folder: stop them by their process ids too.
  for pid in $(ps -o pid=,args= -u "$(id -u)" | awk -v run="$run/" 'index($0, run) { print $1 }'); do
    kill -9 "$pid" 2>/dev/null || true  # a plain kill left speech-dispatcher running
  done
  rm -rf "$run"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
pin=246813
cat > "$out/kiosk.toml" <<EOF
idle_timeout = 30
warning = 20

[clinic]
name = "Try-out clinic"
EOF
printf '%s\n%s\n' "$pin" "$pin" | setsid -w "$app" kiosk-pin --config "$out/kiosk.toml" >/dev/null 2>&1 \
  || { echo "try-cage: could not set the staff PIN with $app kiosk-pin" >&2; exit 1; }

# The virtual screen, and cage on it (its x11 backend draws into one window there).
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$run/display" >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$run/display" ] && break; sleep 0.1; done
[ -s "$run/display" ] || { echo "try-cage: Xvfb did not start (see $out/xvfb.log)" >&2; exit 1; }
display=:$(cat "$run/display")
session=$here/sbc-desktop-kiosk-session
start=$(date +%s)
(
  unset WAYLAND_DISPLAY QT_QPA_PLATFORM
  export DISPLAY="$display" XDG_RUNTIME_DIR="$run" WLR_BACKENDS=x11 WLR_RENDERER=pixman
  export SBC_DESKTOP="$app" SBC_DESKTOP_CONFIG="$out/kiosk.toml" SBC_DESKTOP_PIN_STATE="$out/pin-state.json"
  # A process group of its own (so that cleanup stops all of it), and a session bus of its own.
  if command -v dbus-run-session >/dev/null; then
    exec setsid dbus-run-session -- sh "$session"
  fi
  exec setsid sh "$session"
) >"$out/session.log" 2>&1 &
session_pid=$!

export DISPLAY="$display" XDG_RUNTIME_DIR="$run" WAYLAND_DISPLAY=wayland-0
# shellcheck disable=SC2016  # the Python program below is in single quotes on purpose
check='
import sys, zlib, struct
def ppm(path):
    data = open(path, "rb").read()
    magic, w, h, depth, pixels = data.split(maxsplit=4)
    return int(w), int(h), pixels
def png(path, w, h, pixels):
    rows = b"".join(b"\0" + pixels[y * w * 3:(y + 1) * w * 3] for y in range(h))
    chunk = lambda kind, body: struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))
mode, shot, saved = sys.argv[1:4]
w, h, px = ppm(shot)
png(saved, w, h, px)
def black(x, y):
    i = (y * w + x) * 3
    return px[i:i + 3] == b"\0\0\0"
edges = {"top": [(x, 0) for x in range(w)], "bottom": [(x, h - 1) for x in range(w)],
         "left": [(0, y) for y in range(h)], "right": [(w - 1, y) for y in range(h)]}
uncovered = [name for name, points in edges.items() if sum(black(*p) for p in points) > len(points) // 2]
if uncovered:
    print("the app does not fill the screen (black along the %s edge)" % ", ".join(uncovered)); sys.exit(1)
if mode == "fills":
    print("fills the %dx%d screen" % (w, h)); sys.exit(0)
bw, bh, base = ppm(sys.argv[4])
if (bw, bh) != (w, h):
    print("the screen changed size: %dx%d, was %dx%d" % (w, h, bw, bh)); sys.exit(1)
def blocks(pixels, size=16):  # the mean colour of each 16x16 block: a 1-pixel shift is no change
    sums = {}
    for y in range(0, h, 2):
        row = y * w * 3
        for x in range(0, w, 2):
            i = row + x * 3
            key = (y // size, x // size)
            s = sums.setdefault(key, [0, 0, 0, 0])
            s[0] += pixels[i]; s[1] += pixels[i + 1]; s[2] += pixels[i + 2]; s[3] += 1
    return {k: (s[0] / s[3], s[1] / s[3], s[2] / s[3]) for k, s in sums.items()}
now, before = blocks(px), blocks(base)
same = sum(max(abs(a - b) for a, b in zip(now[k], before[k])) < 16 for k in now) / len(now)
# 3,072 blocks on 1024x768: "guide" allows 3 changed blocks (the text cursor), so even a small
# menu or dialog (the Copy menu of the page changes 15) fails it. "menu": a small menu, no more.
need = {"guide": 0.999, "fresh": 0.98, "changed": 0.0, "menu": 0.98}[mode]
if mode == "menu":
    ok = need <= same < 0.999
    print("%.1f%% of the screen as the guide before: %s" % (100 * same, "a small menu opened over it" if ok else
          ("NO MENU" if same >= 0.999 else "MORE THAN A SMALL MENU CHANGED"))); sys.exit(0 if ok else 1)
if mode == "changed":
    ok = same < 0.97
    print("%.1f%% of the screen as before: %s" % (100 * same, "it changed" if ok else "NOTHING CHANGED")); sys.exit(0 if ok else 1)
ok = same >= need
print("fills the %dx%d screen; %.1f%% as %s (at least %.1f%% needed)" % (w, h, 100 * same, "the kiosk as it started" if mode == "fresh" else "the guide before", 100 * need))
sys.exit(0 if ok else 1)
'
n=0
shot() {  # shot NAME MODE [BASE]: a screenshot, checked; MODE fills|guide|fresh|changed
  n=$((n + 1))
  name=$(printf '%02d-%s' "$n" "$1")
  if ! grim -t ppm "$run/shot.ppm" 2>>"$out/grim.log"; then
    say "FAIL $1: no screenshot (grim failed: cage has gone?)"; failed=1; return 1
  fi
  if verdict=$(python3 -c "$check" "$2" "$run/shot.ppm" "$out/$name.png" ${3:+"$run/$3.ppm"}); then
    say "ok   $1: $verdict"
  else
    say "FAIL $1: $verdict"; failed=1
  fi
  cp "$run/shot.ppm" "$run/last.ppm"
}
alive() {  # the session (cage and the same sbc-desktop process) is still running
  if kill -0 "$session_pid" 2>/dev/null; then return 0; fi
  say "FAIL $1: the session ended (the app quit or crashed; see $out/session.log)"; failed=1
  exit 1
}
settle() {  # wait until two screenshots in a row are the same (the app has drawn), at most $1 s
  t=0 prev=""
  while [ "$t" -lt $(($1 * 4)) ]; do
    kill -0 "$session_pid" 2>/dev/null || return 0
    if grim -t ppm "$run/settle.ppm" 2>/dev/null; then
      sum=$(cksum < "$run/settle.ppm")
      if [ "$sum" = "$prev" ] && python3 -c "$check" fills "$run/settle.ppm" "$run/settle.png" >/dev/null; then return 0; fi
      prev=$sum
    fi
    sleep 0.25; t=$((t + 1))
  done
}

say "try-cage: $(cage -v 2>&1 | head -1), app $app, $(date -u '+%Y-%m-%d %H:%M UTC')"
for _ in $(seq 240); do [ -S "$run/wayland-0" ] && break; kill -0 "$session_pid" 2>/dev/null || break; sleep 0.25; done
settle 60
alive start
say "     the guide was on screen $(($(date +%s) - start)) s after the session started"
shot start fills
# Places on cage's 1024x768 screen at 100% text: a line of the page's text, the search box, and the
# on-screen keyboard's keys (its letters fill the bottom of the screen).
tap() { xdotool mousemove "$1" "$2" click 1; sleep 0.4; }
# The typing place leaves the search box for the page: with an on-screen keyboard installed, a
# real key pressed in a text box brings the keyboard up (Qt's way), which is no escape.
sleep 4.5  # the start's own note in the status line ("Text size 100%, light theme") goes after 4 s
settle 5
shot fresh-kiosk fills
cp "$run/shot.ppm" "$run/fresh-kiosk.ppm"  # what the idle reset must give back
tap 600 300
settle 5
shot guide fills
cp "$run/shot.ppm" "$run/guide.ppm"

if [ "$keyboard" -eq 1 ]; then
  tap 850 88  # the search box
  settle 5
  alive "tap on the search box"
  shot keyboard-up changed guide
  tap 614 651; tap 868 493; tap 716 651; tap 256 493  # b o n e
  settle 5
  shot keyboard-typed-bone changed guide
  for _ in 1 2 3 4; do tap 945 648; done  # its backspace key, four times
  tap 817 727  # its "hide the keyboard" key
  settle 5
  shot keyboard-gone guide guide
  tap 600 300
  settle 5
fi

# Every key that leaves a kiosk under a desktop session (none may here), then a right click.
for key in super+d super+e super+l super alt+space alt+Tab alt+shift+Tab alt+F4 alt+F2 alt+Escape \
  ctrl+alt+F1 ctrl+alt+F2 ctrl+alt+BackSpace ctrl+alt+Delete ctrl+alt+t ctrl+q ctrl+w ctrl+o ctrl+s ctrl+p \
  Escape F11; do
  xdotool key "$key"
  settle 5
  alive "$key"
  shot "$key" guide guide
done
# The Menu key opens the page's own menu, which holds Copy alone (the clipboard is emptied at
# every reset): a small menu, and Escape takes it away again. Shift+F10 opens nothing.
xdotool key Menu
settle 5
alive Menu
shot Menu menu guide
xdotool key Escape
settle 5
shot Menu-then-Escape guide guide
xdotool key shift+F10
settle 5
alive shift+F10
shot shift+F10 guide guide
# A right click on the toolbar (no menu of toolbars to hide), then on the page (its Copy menu).
xdotool mousemove 990 30 click 3
settle 5
alive "right click on the toolbar"
shot right-click-toolbar guide guide
xdotool mousemove 600 300 click 3
settle 5
alive "right click on the page"
shot right-click-page menu guide
xdotool key Escape
settle 5

if [ "$quick" -eq 0 ]; then
  # A patient's search, then nobody touches the screen: the notice, then the fresh guide.
  xdotool mousemove 1000 700  # out of the way (cage's own pointer stays on screen)
  xdotool key ctrl+k  # Search (the search box)
  xdotool type --delay 80 "bone pain"
  settle 5
  shot patient-searched changed guide
  sleep 31
  shot idle-notice changed guide
  sleep 25  # the reset, and its own note in the status line gone again
  settle 5
  alive "idle reset"
  shot after-idle-reset fresh fresh-kiosk
fi

# Staff leave with the PIN: the number pad, the staff options, "Exit the kiosk".
xdotool key ctrl+alt+shift+s
settle 5
shot staff-pin-pad changed guide
for digit in $(echo "$pin" | sed 's/./& /g'); do xdotool key "$digit"; done
xdotool key Return
sleep 2  # the PIN takes about a second to check
settle 5
shot staff-options changed guide
xdotool key shift+Tab shift+Tab shift+Tab space  # from "Back to the guide" up to "Exit the kiosk"
status=""
for _ in $(seq 80); do
  kill -0 "$session_pid" 2>/dev/null || { wait "$session_pid" && status=0 || status=$?; break; }
  sleep 0.25
done
session_pid=""
if [ "$status" = 0 ]; then
  say "ok   staff exit: the session ended with status 0 (the service will not restart it)"
else
  say "FAIL staff exit: the session ${status:+ended with status $status}${status:-is still running}"; failed=1
fi
if [ "$failed" -eq 0 ]; then say "PASSED: every check above ($out)"; else say "FAILED: see above and $out"; fi
exit "$failed"
