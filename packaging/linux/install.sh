#!/bin/sh
# Install the sbc-desktop bundle (this folder) for the current user, or take it away again:
#   ./install.sh              copy to ~/.local/opt/sbc-desktop, add the menu entry and ~/.local/bin/sbc-desktop
#   ./install.sh --uninstall  remove all three (notes in ~/.local/share/sbc-desktop are kept)
# Nothing needs root. build.sh puts this script, the desktop file and the icons in the bundle.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app_id=org.sbcdesktop.SbcDesktop
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/sbc-desktop
bin_dir=$HOME/.local/bin

remove() {
  rm -f "$bin_dir/sbc-desktop" "$data_home/applications/$app_id.desktop" "$data_home/metainfo/$app_id.metainfo.xml"
  rm -f "$data_home"/icons/hicolor/*/apps/"$app_id".png "$data_home/icons/hicolor/scalable/apps/$app_id.svg"
  rm -rf "$target"
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
if [ "$here" != "$target" ]; then
  remove
  mkdir -p "$(dirname "$target")"
  cp -a "$here" "$target.new"
  mv "$target.new" "$target"
fi
mkdir -p "$bin_dir" "$data_home/applications" "$data_home/metainfo"
ln -sf "$target/sbc-desktop" "$bin_dir/sbc-desktop"
sed "s|^Exec=sbc-desktop\$|Exec=$target/sbc-desktop|" "$target/share/applications/$app_id.desktop" \
  > "$data_home/applications/$app_id.desktop"
cp "$target/share/metainfo/$app_id.metainfo.xml" "$data_home/metainfo/"
cp -r "$target/share/icons/hicolor" "$data_home/icons/" 2>/dev/null || {
  mkdir -p "$data_home/icons" && cp -r "$target/share/icons/hicolor" "$data_home/icons/"; }
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
echo "Installed sbc-desktop in $target, with a menu entry and the command $bin_dir/sbc-desktop."
case ":$PATH:" in *":$bin_dir:"*) ;; *) echo "($bin_dir is not on your PATH yet: it will be after you log in again.)";; esac
