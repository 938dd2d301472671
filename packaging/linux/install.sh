#!/bin/sh
# Install Mentorapp for the current user only: no administrator password is needed.
#
#   ./install.sh              install, or update an earlier installation
#   ./install.sh --uninstall  remove the program (your programme data is kept)
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
}

case "${1:-}" in
    --uninstall) uninstall ;;
    "") install_app ;;
    *) echo "usage: $0 [--uninstall]" >&2; exit 2 ;;
esac
