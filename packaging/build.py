"""Build the Mentorapp app for one platform: bundle, then installer or archive.

Run from anywhere, on the platform you build for (PyInstaller cannot cross-compile):

    python packaging/build.py linux   [--skip-installer]
    python packaging/build.py windows [--skip-installer]
    python packaging/build.py macos   [--skip-installer]

Steps:

1. Check the gettext catalogs: no empty or fuzzy messages. Then compile them to ``.mo``
   (for tools that want them; the app itself reads the ``.po`` files).
2. Render the app icon from ``resources/icons/mentorapp.svg`` into ``packaging/icons/``:
   PNGs from 16 to 1024 pixels, ``mentorapp.ico`` (Windows) and ``mentorapp.icns`` (macOS).
3. Run PyInstaller on ``packaging/mentorapp.spec`` (one folder, ``dist/Mentorapp``; on macOS
   also ``dist/Mentorapp.app``).
4. Package: Linux, ``dist/Mentorapp-<version>-linux-<arch>.tar.gz``; Windows, an Inno Setup
   installer; macOS, a ``.dmg``. ``--skip-installer`` stops after step 3.

The version comes from ``mentorapp/__init__.py`` (``__version__``) and nowhere else.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "mentorapp.spec"
ICONS = PACKAGING / "icons"
SVG_ICON = ROOT / "resources" / "icons" / "mentorapp.svg"
TRANSLATIONS = ROOT / "translations"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP_NAME = "Mentorapp"
DOMAIN = "mentorapp"
LANGUAGES = ("sv", "en")
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
LINUX_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
TARGETS = {"linux": "linux", "windows": "win32", "macos": "darwin"}


class BuildError(Exception):
    """A step failed; the message says what to do."""


# --- version -------------------------------------------------------------------------------


def read_version() -> str:
    """``__version__`` from mentorapp/__init__.py, read as text so nothing is imported."""
    text = (ROOT / "mentorapp" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r"^__version__\s*=\s*[\"']([^\"']+)[\"']\s*$", text, re.MULTILINE)
    if not match:
        raise BuildError("mentorapp/__init__.py has no __version__ = '...' line")
    return match.group(1)


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """The leading numbers of the version, padded to four: 0.2.0rc1 -> (0, 2, 0, 0).

    Windows version resources and Inno Setup's VersionInfoVersion take numbers only.
    """
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", version)
    if not match:
        raise BuildError(f"the version {version!r} does not start with a number")
    numbers = [int(group) for group in match.groups() if group is not None]
    return (*numbers, *([0] * (4 - len(numbers))))  # type: ignore[return-value]


# --- catalogs ------------------------------------------------------------------------------


def po_path(language: str) -> Path:
    return TRANSLATIONS / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _strings(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


def catalog_problems() -> list[str]:
    """Every empty or fuzzy message in the catalogs; an empty list means they are complete."""
    from babel.messages.pofile import read_po

    problems: list[str] = []
    for language in LANGUAGES:
        path = po_path(language)
        if not path.is_file():
            problems.append(f"{language}: {path.relative_to(ROOT)} is missing")
            continue
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        for message in catalog:
            if not message.id:
                continue
            if message.fuzzy:
                problems.append(f"{language}: fuzzy: {message.id!r}")
            if not all(_strings(message.string)):
                problems.append(f"{language}: untranslated: {message.id!r}")
    return problems


def compile_catalogs() -> list[Path]:
    """Write ``mentorapp.mo`` beside each ``.po`` (ignored by git, shipped in the bundle)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for language in LANGUAGES:
        source = po_path(language)
        with source.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        target = source.with_suffix(".mo")
        with target.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(target)
    return written


def check_catalogs() -> None:
    problems = catalog_problems()
    if problems:
        listing = "\n  ".join(problems[:40])
        more = f"\n  ... and {len(problems) - 40} more" if len(problems) > 40 else ""
        raise BuildError(
            f"the catalogs are not complete ({len(problems)} problems):\n  {listing}{more}\n"
            "Run python packaging/update_translations.py and translate what it lists."
        )
    for path in compile_catalogs():
        print(f"  compiled {path.relative_to(ROOT)}")


# --- icons ---------------------------------------------------------------------------------


def png_icon(size: int) -> Path:
    return ICONS / f"mentorapp-{size}.png"


def render_icons() -> None:
    """Render the SVG with Qt (offscreen) into PNGs, then combine them into .ico and .icns."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG_ICON))
    if not renderer.isValid():
        raise BuildError(f"{SVG_ICON.relative_to(ROOT)} is not a valid SVG file")
    ICONS.mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_icon(size)), "PNG"):
            raise BuildError(f"could not write {png_icon(size)}")

    from PIL import Image

    images = {size: Image.open(png_icon(size)).convert("RGBA") for size in ICON_SIZES}
    images[256].save(
        ICONS / "mentorapp.ico",
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != 256],
    )
    images[1024].save(
        ICONS / "mentorapp.icns",
        format="ICNS",
        append_images=[images[size] for size in (32, 64, 128, 256, 512)],
    )
    print(f"  {len(ICON_SIZES)} PNGs, mentorapp.ico, mentorapp.icns in packaging/icons/")


# --- PyInstaller ---------------------------------------------------------------------------


def run_pyinstaller(clean: bool) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise BuildError(
            "PyInstaller is not installed: pip install -e '.[build]'  (or pip install pyinstaller)"
        ) from exc
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
    ]
    if clean:
        command.append("--clean")
    subprocess.run(command, check=True, cwd=ROOT)
    folder = DIST / APP_NAME
    executable = folder / (f"{APP_NAME}.exe" if sys.platform == "win32" else APP_NAME)
    if not executable.is_file():
        raise BuildError(f"PyInstaller finished but {executable} is missing")
    return folder


def strip_python_debug_info(folder: Path) -> int:
    """Drop the debug information of Python's own libraries (Linux); returns bytes saved.

    A Python built from source (pyenv, for instance) ships libpython and lib-dynload with
    ~30 MB of debug information. Only those files are touched: stripping everything, as
    PyInstaller's strip=True does, breaks the OpenBLAS libraries that numpy and scipy bring.
    """
    strip = shutil.which("strip")
    if strip is None:
        print("  strip not found: Python's libraries keep their debug information")
        return 0
    internal = folder / "_internal"
    files = [
        path
        for path in (*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so"))
        if path.is_file() and not path.is_symlink()
    ]
    before = sum(path.stat().st_size for path in files)
    for path in files:
        subprocess.run([strip, "--strip-debug", str(path)], check=True)
    saved = before - sum(path.stat().st_size for path in files)
    print(f"  stripped debug information from {len(files)} Python libraries: {saved >> 20} MB")
    return saved


# --- platform packages ---------------------------------------------------------------------


def _tar_filter(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def package_linux(version: str) -> Path:
    """A tarball with the folder, the .desktop file, the icons, install.sh and a README."""
    arch = platform.machine() or "x86_64"
    name = f"{APP_NAME}-{version}-linux-{arch}"
    archive = DIST / f"{name}.tar.gz"
    linux = PACKAGING / "linux"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(DIST / APP_NAME, arcname=f"{name}/{APP_NAME}", filter=_tar_filter)
        for file in ("mentorapp.desktop", "install.sh", "README.txt"):
            tar.add(linux / file, arcname=f"{name}/{file}", filter=_tar_filter)
        tar.add(png_icon(256), arcname=f"{name}/mentorapp.png", filter=_tar_filter)
        for size in LINUX_ICON_SIZES:
            tar.add(
                png_icon(size),
                arcname=f"{name}/icons/hicolor/{size}x{size}/apps/mentorapp.png",
                filter=_tar_filter,
            )
        tar.add(
            SVG_ICON,
            arcname=f"{name}/icons/hicolor/scalable/apps/mentorapp.svg",
            filter=_tar_filter,
        )
    return archive


def find_iscc() -> Path | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return Path(found)
    for variable in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        base = os.environ.get(variable)
        if not base:
            continue
        for candidate in (
            Path(base) / "Inno Setup 6" / "ISCC.exe",
            Path(base) / "Programs" / "Inno Setup 6" / "ISCC.exe",
        ):
            if candidate.is_file():
                return candidate
    return None


def package_windows(version: str) -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise BuildError(
            "Inno Setup's ISCC.exe was not found (PATH, Program Files, or "
            "%LOCALAPPDATA%\\Programs). Install Inno Setup 6.4 or newer "
            "(winget install JRSoftware.InnoSetup), or pass --skip-installer to stop after "
            "the bundle in dist\\Mentorapp."
        )
    numeric = ".".join(str(part) for part in numeric_version(version))
    subprocess.run(
        [
            str(iscc),
            f"/DAppVersion={version}",
            f"/DAppNumericVersion={numeric}",
            str(PACKAGING / "windows" / "mentorapp.iss"),
        ],
        check=True,
        cwd=ROOT,
    )
    installer = DIST / f"{APP_NAME}-{version}-windows-setup.exe"
    if not installer.is_file():
        raise BuildError(f"ISCC finished but {installer} is missing")
    return installer


def package_macos(version: str) -> Path:
    subprocess.run(
        ["bash", str(PACKAGING / "macos" / "build_dmg.sh"), version], check=True, cwd=ROOT
    )
    arch = platform.machine() or "arm64"
    dmg = DIST / f"{APP_NAME}-{version}-macos-{arch}.dmg"
    if not dmg.is_file():
        raise BuildError(f"build_dmg.sh finished but {dmg} is missing")
    return dmg


# --- main ----------------------------------------------------------------------------------


def host_target() -> str:
    for target, prefix in TARGETS.items():
        if sys.platform.startswith(prefix):
            return target
    raise BuildError(f"unsupported build platform {sys.platform!r}")


def _step(title: str) -> float:
    print(f"\n== {title}", flush=True)
    return time.monotonic()


def _done(started: float) -> None:
    print(f"   ({time.monotonic() - started:.1f} s)", flush=True)


def build(target: str, skip_installer: bool, clean: bool) -> Path:
    if target != host_target():
        raise BuildError(
            f"cannot build for {target} on {host_target()}: PyInstaller bundles the Python and "
            f"Qt of the machine it runs on. Run this on {target}."
        )
    version = read_version()
    print(f"Mentorapp {version} for {target} ({platform.machine()})")
    started = _step("Checking and compiling the catalogs")
    check_catalogs()
    _done(started)
    started = _step("Rendering the app icon")
    render_icons()
    _done(started)
    started = _step("Bundling with PyInstaller")
    result = run_pyinstaller(clean)
    if target == "linux":
        strip_python_debug_info(result)
    _done(started)
    if skip_installer:
        print(f"\nBundle: {result} (--skip-installer: no package made)")
        return result
    started = _step(f"Packaging for {target}")
    if target == "linux":
        result = package_linux(version)
    elif target == "windows":
        result = package_windows(version)
    else:
        result = package_macos(version)
    _done(started)
    print(f"\nBuilt {result}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument(
        "--skip-installer", action="store_true", help="stop after the PyInstaller bundle"
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        build(args.target, args.skip_installer, args.clean)
    except BuildError as error:
        print(f"\nbuild failed: {error}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        print(f"\nbuild failed: {error}", file=sys.stderr)
        return error.returncode or 1
    print(f"Total build time: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
