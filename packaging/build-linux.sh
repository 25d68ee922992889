#!/usr/bin/env bash
# Build the Linux app: one folder with kzarchive and kzarchive-gui that runs
# without Python installed, and a .tar.gz of it.
#
#   packaging/build-linux.sh [--dist-dir DIR] [--work-dir DIR]
#
# Output (default DIR: dist/):
#   DIR/kzarchive/                                the app folder
#   DIR/kzarchive-<version>-linux-<arch>.tar.gz   the same folder, packed
# Needs the project's virtual environment (scripts/setup); PyInstaller is added
# to it when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

dist_dir=$root/dist
work_dir=$root/build/pyinstaller
while [ $# -gt 0 ]; do
  case "$1" in
    --dist-dir) dist_dir=$(realpath -m "$2"); shift 2 ;;
    --work-dir) work_dir=$(realpath -m "$2"); shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

python=$root/.venv/bin/python
if [ ! -x "$python" ]; then
  echo "No virtual environment in .venv: run scripts/setup first." >&2
  exit 1
fi
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "Installing PyInstaller into .venv"
  "$python" -m pip install -q "pyinstaller>=6.10,<7"
fi

version=$("$python" -c "import kzarchive; print(kzarchive.__version__)")
arch=$(uname -m)

echo "Compiling translations"
"$python" -m kzarchive.gui.i18n_build >/dev/null
echo "Checking icons"
QT_QPA_PLATFORM=offscreen "$python" packaging/make_icons.py --check

echo "Freezing kzarchive $version"
# Files in the tarball carry the time of the last commit, not of the build.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist_dir" --workpath "$work_dir" packaging/kzarchive.spec

app=$dist_dir/kzarchive
app_id=org.kzarchive.KzArchive
echo "Adding desktop integration"
install -D -m 644 resources/desktop/$app_id.desktop "$app/share/applications/$app_id.desktop"
install -D -m 644 resources/desktop/$app_id.metainfo.xml "$app/share/metainfo/$app_id.metainfo.xml"
install -D -m 644 resources/icons/kzarchive.svg \
  "$app/share/icons/hicolor/scalable/apps/$app_id.svg"
for png in resources/icons/kzarchive-*.png; do
  size=${png##*-}; size=${size%.png}
  install -D -m 644 "$png" "$app/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
install -m 755 packaging/linux/install-desktop-entry.sh "$app/install-desktop-entry.sh"

tarball=$dist_dir/kzarchive-$version-linux-$arch.tar.gz
echo "Packing $(basename "$tarball")"
# Fixed order, owner and times: the same build gives the same tarball.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
  --format=gnu -C "$dist_dir" -cf - kzarchive | gzip -n -6 > "$tarball.part"
mv "$tarball.part" "$tarball"

folder_size=$(du -sh "$app" | cut -f1)
tarball_size=$(du -h "$tarball" | cut -f1)
echo "App folder: $app ($folder_size)"
echo "Tarball:    $tarball ($tarball_size)"
