#!/bin/sh
# Add kzarchive to this user's applications menu and command path, or take it away.
# No administrator rights are needed; the app stays in this folder.
#
#   ./install-desktop-entry.sh            menu entry, icons, and the kzarchive command
#   ./install-desktop-entry.sh --remove   remove them again (this folder is kept)
set -eu

here=$(cd "$(dirname "$0")" && pwd -P)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
app_id=org.kzarchive.KzArchive
desktop=$data/applications/$app_id.desktop

refresh_caches() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
}

if [ "${1:-}" = "--remove" ]; then
  rm -f "$desktop"
  for icon in "$here"/share/icons/hicolor/*/apps/$app_id.*; do
    rm -f "$data/${icon#"$here/share/"}"
  done
  for name in kzarchive kzarchive-gui; do
    # Only our own links: a kzarchive installed some other way is left alone.
    [ -L "$bin/$name" ] && [ "$(readlink "$bin/$name")" = "$here/$name" ] && rm -f "$bin/$name"
  done
  refresh_caches
  echo "Removed the menu entry and commands. The app folder $here is unchanged."
  exit 0
fi
if [ $# -gt 0 ]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

case "$here" in
  *[\"\`\$\\%]*)
    echo "The folder path $here contains a character the menu entry cannot hold" >&2
    echo "(\" \` \$ \\ or %). Move the kzarchive folder elsewhere and run this again." >&2
    exit 1 ;;
esac

mkdir -p "$data/applications" "$bin"
# The menu entry starts the program in this folder by its full path; & and | are
# special in a sed replacement and are escaped.
escaped=$(printf '%s' "$here" | sed 's/[&|]/\\&/g')
sed -e "s|^Exec=kzarchive-gui|Exec=\"$escaped/kzarchive-gui\"|" \
    -e "s|^TryExec=kzarchive-gui|TryExec=$escaped/kzarchive-gui|" \
    "$here/share/applications/$app_id.desktop" > "$desktop.part"
mv "$desktop.part" "$desktop"
for icon in "$here"/share/icons/hicolor/*/apps/$app_id.*; do
  target=$data/${icon#"$here/share/"}
  mkdir -p "$(dirname "$target")"
  cp "$icon" "$target"
done
for name in kzarchive kzarchive-gui; do
  ln -sfn "$here/$name" "$bin/$name"
done
refresh_caches
echo "kzarchive is in the applications menu; the commands kzarchive and kzarchive-gui"
echo "are in $bin. Moving this folder breaks them: run this script again after a move."
