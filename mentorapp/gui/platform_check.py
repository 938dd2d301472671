"""Before the first window on Linux: are the system libraries Qt needs there? No Qt import here.

Without them Qt prints a line that names the wrong package and aborts the whole process. This
module asks the dynamic loader for each library by its file name (``ctypes.CDLL``: no
subprocess, a few milliseconds) and turns what is missing into one sentence naming the Debian
packages and the ``apt`` command. The lists come from ``readelf -d`` of PySide6's
``libQt6Gui``, ``plugins/platforms/libqxcb.so`` and ``libQt6XcbQpa`` (Qt 6.12); libc,
libstdc++, zlib and libzstd are left out (every system has them) and ICU ships in the wheel.
``packaging/linux/install.sh`` and the README list the same packages (a test compares them).
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from mentorapp.errors import MentorappError
from mentorapp.i18n import N_

# (library file, Debian package): what Qt's GUI modules load on any platform plugin …
GUI_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libfreetype.so.6", "libfreetype6"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libgthread-2.0.so.0", "libglib2.0-0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libX11.so.6", "libx11-6"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
)
# … and what the xcb (X11) platform plugin loads on top. libxcb-xinerama0 was Qt 5's.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxcb.so.1", "libxcb1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
)
LINUX_PACKAGES: tuple[str, ...] = tuple(
    dict.fromkeys(package for _library, package in GUI_LIBRARIES + XCB_LIBRARIES)
)

Loader = Callable[[str], bool]


class ScreenLibrariesMissing(MentorappError):
    """Qt cannot draw a window here; the user (or their administrator) can install what lacks."""

    title = N_("Mentorapp cannot open its window")

    def __init__(self, packages: list[str], libraries: list[str], apt: bool) -> None:
        if apt:
            super().__init__(
                N_(
                    "This computer lacks system libraries that Mentorapp needs to draw its "
                    "window; install them with “sudo apt install {packages}” and start "
                    "Mentorapp again."
                ),
                packages=" ".join(packages),
            )
        else:
            super().__init__(
                N_(
                    "This computer lacks system libraries that Mentorapp needs to draw its "
                    "window ({libraries}); install the packages of your Linux distribution "
                    "that contain them and start Mentorapp again."
                ),
                libraries=", ".join(libraries),
            )
        self.packages, self.libraries = packages, libraries


def can_load(library: str) -> bool:
    """Whether the loader finds ``library`` (and what it needs), bundled copies first."""
    candidates = [library]
    bundle = getattr(sys, "_MEIPASS", None)  # the PyInstaller app carries its own copies
    if bundle:
        candidates.insert(0, str(Path(bundle) / library))
    for candidate in candidates:
        try:
            ctypes.CDLL(candidate)
        except OSError:
            continue
        return True
    return False


def xcb_will_be_used(environ: Mapping[str, str]) -> bool:
    """Qt chooses xcb when told to, or on an X11 display when nothing else is asked for.

    In a Wayland session (WAYLAND_DISPLAY set, no QT_QPA_PLATFORM) Qt uses its wayland
    plugin, so the X11 libraries are not needed there and a warning would only be in the way.
    """
    platform = environ.get("QT_QPA_PLATFORM", "").strip()
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def needed_libraries(environ: Mapping[str, str] | None = None) -> tuple[tuple[str, str], ...]:
    """What Qt's GUI modules load anywhere, plus the xcb plugin's libraries where it is used."""
    environ = os.environ if environ is None else environ
    return GUI_LIBRARIES + (XCB_LIBRARIES if xcb_will_be_used(environ) else ())


def missing_libraries(
    environ: Mapping[str, str] | None = None, load: Loader | None = None
) -> list[tuple[str, str]]:
    """The (library, package) pairs the coming window needs but this system lacks."""
    load = load or can_load
    return [pair for pair in needed_libraries(environ) if not load(pair[0])]


def screen_libraries_problem(
    environ: Mapping[str, str] | None = None,
    load: Loader | None = None,
    platform: str = sys.platform,
    apt: bool | None = None,
) -> ScreenLibrariesMissing | None:
    """None when Qt can open its window here; otherwise the error that says what to install."""
    if not platform.startswith("linux"):
        return None
    missing = missing_libraries(environ, load)
    if not missing:
        return None
    if apt is None:
        apt = Path("/etc/debian_version").is_file()
    packages = list(dict.fromkeys(package for _library, package in missing))
    return ScreenLibrariesMissing(packages, [library for library, _package in missing], apt)
