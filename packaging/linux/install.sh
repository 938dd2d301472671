#!/bin/sh
# Install Mentorapp for the current user only: no administrator password is needed.
#
#   ./install.sh              install, or update an earlier installation
#   ./install.sh --uninstall  remove the program (your programme data is kept)
#   ./install.sh --check      only say which system packages the program still needs
#
# The program goes to ~/.local/opt/Mentorapp, the menu entry to
# ~/.local/share/applications and the icons to ~/.local/share/icons/hicolor.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-"$HOME/.local/share"}
prefix="$HOME/.local/opt/Mentorapp"
applications="$data_home/applications"
icons="$data_home/icons/hicolor"
launcher="$HOME/.local/bin/mentorapp"
sizes="16 24 32 48 64 128 256 512"
# The system libraries Qt needs to show a window (library file:Debian package), the same list
# as mentorapp/platform_check.py: first those of any window, then those of the X11 plugin.
# The program folder carries some of them itself.
libraries="libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1
libfreetype.so.6:libfreetype6 libglib-2.0.so.0:libglib2.0-0 libgthread-2.0.so.0:libglib2.0-0
libdbus-1.so.3:libdbus-1-3 libX11.so.6:libx11-6 libxkbcommon.so.0:libxkbcommon0
libX11-xcb.so.1:libx11-xcb1 libxcb.so.1:libxcb1 libxcb-cursor.so.0:libxcb-cursor0
libxcb-icccm.so.4:libxcb-icccm4 libxcb-image.so.0:libxcb-image0
libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-randr.so.0:libxcb-randr0
libxcb-render.so.0:libxcb-render0 libxcb-render-util.so.0:libxcb-render-util0
libxcb-shape.so.0:libxcb-shape0 libxcb-shm.so.0:libxcb-shm0 libxcb-sync.so.1:libxcb-sync1
libxcb-util.so.1:libxcb-util1 libxcb-xfixes.so.0:libxcb-xfixes0 libxcb-xkb.so.1:libxcb-xkb1
libxkbcommon-x11.so.0:libxkbcommon-x11-0"

uninstall() {
    rm -rf "$prefix"
    rm -f "$applications/mentorapp.desktop"
    for size in $sizes; do
        rm -f "$icons/${size}x${size}/apps/mentorapp.png"
    done
    rm -f "$icons/scalable/apps/mentorapp.svg"
    if [ -L "$launcher" ]; then rm -f "$launcher"; fi
    refresh
    echo "Mentorapp was removed. Your programme data is still in ~/.local/share/Mentorapp."
    echo "Mentorapp har tagits bort. Dina programdata finns kvar i ~/.local/share/Mentorapp."
}

refresh() {
    # Menus notice new entries by themselves; these only make it quicker where available.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$applications" 2>/dev/null || true
    fi
    if [ -d "$icons" ]; then touch "$icons"; fi
}

check_libraries() {
    # Say which system packages are missing instead of letting Qt abort at the first start.
    # A library counts as there if the program folder has it, dpkg has its package, or the
    # loader's cache (ldconfig -p) knows it.
    cache=$( (ldconfig -p || /sbin/ldconfig -p) 2>/dev/null || true)
    dpkg=""
    if command -v dpkg-query >/dev/null 2>&1; then dpkg=yes; fi
    packages=""
    files=""
    for pair in $libraries; do
        library=${pair%%:*}
        package=${pair#*:}
        if [ -e "$1/_internal/$library" ]; then continue; fi
        if [ -n "$dpkg" ] && dpkg-query -W -f='${Status}' "$package" 2>/dev/null \
            | grep -q "ok installed"; then
            continue
        fi
        if printf '%s\n' "$cache" | grep -q "^[[:space:]]*$library "; then continue; fi
        case " $packages " in
            *" $package "*) ;;
            *) packages="${packages:+$packages }$package" ;;
        esac
        files="${files:+$files }$library"
    done
    if [ -z "$packages" ]; then return 0; fi
    if [ -n "$dpkg" ]; then
        echo "Mentorapp needs these system packages to show its window: $packages"
        echo "Install them with: sudo apt install $packages"
        echo "Mentorapp behöver de här systempaketen för att visa sitt fönster: $packages"
        echo "Installera dem med: sudo apt install $packages"
    else
        echo "Mentorapp needs these system libraries to show its window: $files"
        echo "Install the packages of your Linux distribution that contain them."
        echo "Mentorapp behöver de här systembiblioteken för att visa sitt fönster: $files"
        echo "Installera de paket i din Linuxdistribution som innehåller dem."
    fi
    return 1
}

install_app() {
    if [ ! -x "$here/Mentorapp/Mentorapp" ]; then
        echo "Cannot find Mentorapp/Mentorapp next to install.sh: unpack the whole archive first." >&2
        exit 1
    fi
    mkdir -p "$HOME/.local/opt" "$applications" "$HOME/.local/bin"
    # Copy beside the old version first, then swap, so a failed copy leaves the old one working
    # and an update leaves no files of the previous version behind.
    rm -rf "$prefix.new"
    cp -R "$here/Mentorapp" "$prefix.new"
    rm -rf "$prefix"
    mv "$prefix.new" "$prefix"

    for size in $sizes; do
        mkdir -p "$icons/${size}x${size}/apps"
        cp "$here/icons/hicolor/${size}x${size}/apps/mentorapp.png" "$icons/${size}x${size}/apps/"
    done
    mkdir -p "$icons/scalable/apps"
    cp "$here/icons/hicolor/scalable/apps/mentorapp.svg" "$icons/scalable/apps/"

    # The menu entry must name the program by its full path: ~/.local/bin is not always on
    # the PATH of a desktop session. Quotes keep a home folder with spaces working.
    desktop="$applications/mentorapp.desktop"
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in
            Exec=*) printf 'Exec="%s/Mentorapp"\n' "$prefix" ;;
            TryExec=*) ;;
            *) printf '%s\n' "$line" ;;
        esac
    done < "$here/mentorapp.desktop" > "$desktop.new"
    printf 'TryExec=%s/Mentorapp\n' "$prefix" >> "$desktop.new"
    mv "$desktop.new" "$desktop"
    chmod 644 "$desktop"

    # A command for the terminal, unless something else already owns the name.
    if [ ! -e "$launcher" ] || [ -L "$launcher" ]; then
        ln -sf "$prefix/Mentorapp" "$launcher"
    fi
    refresh
    echo "Mentorapp is installed: find it in your applications menu."
    echo "Mentorapp är installerat: du hittar det bland dina program."
    check_libraries "$prefix" || true
}

case "${1:-}" in
    --uninstall) uninstall ;;
    --check) check_libraries "$here/Mentorapp" ;;
    "") install_app ;;
    *) echo "usage: $0 [--uninstall | --check]" >&2; exit 2 ;;
esac
