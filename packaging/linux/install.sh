#!/bin/sh
# Install the sbc-desktop bundle (this folder) for the current user, or take it away again:
#   ./install.sh              copy to ~/.local/opt/sbc-desktop, add the menu entry and ~/.local/bin/sbc-desktop
#   ./install.sh --uninstall  remove all three (notes in ~/.local/share/sbc-desktop are kept)
# Nothing needs root. build.sh puts this script, the desktop file and the icons in the bundle.
#
# Nothing is removed before its replacement is whole: the app is copied to a folder beside the installed
# one and swapped in by renames; the command, menu entry, metainfo and icons are each written beside their
# place and renamed in. A copy that fails (a full disk, an unreadable file, Ctrl+C) leaves the app that
# was installed as it was, working, and says so.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app_id=org.sbcdesktop.SbcDesktop
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/sbc-desktop
bin_dir=$HOME/.local/bin

remove() {
  rm -f "$bin_dir/sbc-desktop" "$data_home/applications/$app_id.desktop" "$data_home/metainfo/$app_id.metainfo.xml"
  rm -f "$data_home"/icons/hicolor/*/apps/"$app_id".png "$data_home/icons/hicolor/scalable/apps/$app_id.svg"
  rm -rf "$target" "$target.new" "$target.old"
}

case ${1:-} in
  --uninstall)
    remove
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
    echo "sbc-desktop was removed. Your notes are kept in $data_home/sbc-desktop."
    exit 0;;
  "") ;;
  *) echo "usage: ./install.sh [--uninstall]" >&2; exit 2;;
esac

[ -x "$here/sbc-desktop" ] || { echo "install.sh: run it from inside the sbc-desktop bundle folder" >&2; exit 1; }
case $here in "$target.new"|"$target.old")
  echo "install.sh: $here is left from an install that did not finish; run install.sh from the bundle you unpacked" >&2
  exit 1;;
esac

# What a failure says, and what it tidies: the half-made copy goes; an app moved aside comes back.
step="" swapped="" written=""
finish() {
  status=$?
  trap - EXIT
  [ "$status" -eq 0 ] && exit 0
  [ -z "$written" ] || rm -f "$written"
  if [ -z "$swapped" ]; then
    rm -rf "$target.new"
    if [ ! -e "$target" ] && [ -d "$target.old" ]; then mv "$target.old" "$target" || true; fi
    if [ -x "$target/sbc-desktop" ]; then
      echo "install.sh: the install did not finish ($step). The sbc-desktop installed before is unchanged and still works." >&2
    else
      echo "install.sh: the install did not finish ($step). Nothing was installed." >&2
    fi
  else
    echo "install.sh: sbc-desktop is installed in $target, but $step did not work: run install.sh again to finish." >&2
  fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# put SOURCE DEST: write DEST beside itself and rename it in (a failed write leaves the old DEST whole).
put() {
  written="$(dirname "$2")/.$(basename "$2").new"
  cp "$1" "$written"
  mv -f "$written" "$2"
  written=""
}

if [ "$here" != "$target" ]; then
  # (a swap cut short earlier left the app moved aside: it is the installed one until the new one is in)
  if [ ! -e "$target" ] && [ -d "$target.old" ]; then mv "$target.old" "$target"; fi
  step="copying the app to $target.new"
  mkdir -p "$(dirname "$target")"
  rm -rf "$target.new"
  cp -a "$here" "$target.new"
  [ -x "$target.new/sbc-desktop" ]
  step="putting the new copy in place of $target"
  rm -rf "$target.old"
  if [ -e "$target" ] || [ -L "$target" ]; then mv "$target" "$target.old"; fi
  mv "$target.new" "$target"
  swapped=1
  rm -rf "$target.old" || echo "install.sh: could not remove the earlier copy $target.old; it can be deleted." >&2
fi
swapped=1  # (the app in place, new or run from there: what is left only tells the desktop about it)
step="adding the command $bin_dir/sbc-desktop"
mkdir -p "$bin_dir" "$data_home/applications" "$data_home/metainfo"
written="$bin_dir/.sbc-desktop.new"
rm -f "$written"
ln -s "$target/sbc-desktop" "$written"
mv -f "$written" "$bin_dir/sbc-desktop"
step="adding the menu entry"
written="$data_home/applications/.$app_id.desktop.new"
sed "s|^Exec=sbc-desktop\$|Exec=$target/sbc-desktop|" "$target/share/applications/$app_id.desktop" > "$written"
mv -f "$written" "$data_home/applications/$app_id.desktop"
put "$target/share/metainfo/$app_id.metainfo.xml" "$data_home/metainfo/$app_id.metainfo.xml"
step="adding the icons"
for icon in "$target"/share/icons/hicolor/*/apps/*; do
  [ -f "$icon" ] || continue
  size=$(basename "$(dirname "$(dirname "$icon")")")
  mkdir -p "$data_home/icons/hicolor/$size/apps"
  put "$icon" "$data_home/icons/hicolor/$size/apps/$(basename "$icon")"
done
# (an icon of a size this version no longer has would show the old picture: it goes)
for icon in "$data_home"/icons/hicolor/*/apps/"$app_id".png "$data_home"/icons/hicolor/*/apps/"$app_id".svg; do
  [ -f "$icon" ] || continue
  size=$(basename "$(dirname "$(dirname "$icon")")")
  [ -f "$target/share/icons/hicolor/$size/apps/$(basename "$icon")" ] || rm -f "$icon"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
echo "Installed sbc-desktop in $target, with a menu entry and the command $bin_dir/sbc-desktop."
case ":$PATH:" in *":$bin_dir:"*) ;; *) echo "($bin_dir is not on your PATH yet: it will be after you log in again.)";; esac
