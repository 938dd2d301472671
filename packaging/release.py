"""Release builds: prepare a build machine, build one platform, prove the built app runs.

The one script that CI here (``.ci/bundle``, Linux) and the release workflow
(``.github/workflows/release.yml``: Windows, macOS, Linux) both call, so the steps of a
release build are written once:

    python packaging/release.py prerequisites   linux|windows|macos
    python packaging/release.py build-and-check linux|windows|macos

``prerequisites`` installs what pip cannot: on Linux the Debian packages the bundle carries
and the checks need (apt-get, with sudo when not root); on Windows Inno Setup (Chocolatey,
when ``ISCC.exe`` is not found); on macOS it only checks for ``hdiutil`` and ``codesign``.
Install the ``build`` extra with pip in between (``pip install ".[build]"``).

``build-and-check`` runs ``packaging/build.py``'s build (catalogs, icons, PyInstaller,
installer or archive), then ``--self-test`` in the built app and in the app as a user gets it:

* Linux: offscreen, on a real X server (``xvfb-run``), and after the tarball's ``install.sh``
  into a scratch home; then ``install.sh --uninstall`` must remove it again.
* Windows: ``dist\\Mentorapp\\Mentorapp.exe``, then the setup installed silently into a
  scratch folder, its copy, and the silent uninstall. The executable is windowed, so only its
  exit code counts (0 = passed); whatever output reaches us is shown.
* macOS: ``dist/Mentorapp.app``, then the app inside the mounted ``.dmg``.

Each self-test has a time limit, so a hang (a windowed app's error dialog, say) fails the
build instead of stalling it.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SELF_TEST_PASSED = "self-test passed"
SELF_TEST_TIMEOUT = 300  # seconds; the self-test takes 10-20 s on a laptop
UNINSTALL_TIMEOUT = 120

# Debian/Ubuntu packages for a Linux release build. PyInstaller copies the X11 and Wayland
# client libraries that Qt's platform plugins load into the bundle, so desktops without them
# (Ubuntu 22.04 has no libxcb-cursor0 by default) start it too; binutils gives build.py
# `strip`. The rest is what the built app's self-tests need to start Qt here: the libraries
# PyInstaller leaves to the system (EGL, GL, fontconfig, GLib, D-Bus), a font, and Xvfb.
LINUX_BUNDLED = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-randr0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
)
LINUX_TOOLS = ("binutils", "xvfb", "xauth")
LINUX_RUNTIME = (
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libglib2.0-0",
    "libdbus-1-3",
    "fonts-dejavu-core",
)


class ReleaseError(Exception):
    """A release step failed; the message says which and why."""


@functools.cache
def load_build() -> ModuleType:
    """packaging/build.py, loaded by path (packaging/ is not a package), once."""
    spec = importlib.util.spec_from_file_location("mentorapp_build", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- prerequisites -------------------------------------------------------------------------


def dpkg_installed(package: str) -> bool:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0 and "ok installed" in result.stdout


def libpython_package() -> str | None:
    """The Debian package of Python's shared library if this Python lacks it, else None.

    PyInstaller needs libpython3.X.so; pyenv's and actions/setup-python's Pythons have it,
    Debian's own Python only with the libpython3.X package.
    """
    library = os.path.join(
        sysconfig.get_config_var("LIBDIR") or "", sysconfig.get_config_var("INSTSONAME") or ""
    )
    if os.path.exists(library):
        return None
    return "libpython{}.{}".format(*sys.version_info[:2])


def linux_packages() -> list[str]:
    packages = [*LINUX_TOOLS, *LINUX_BUNDLED, *LINUX_RUNTIME]
    extra = libpython_package()
    if extra:
        packages.append(extra)
    return packages


def missing_packages(
    packages: Sequence[str], installed: Callable[[str], bool] = dpkg_installed
) -> list[str]:
    return [package for package in packages if not installed(package)]


def _as_root(command: list[str]) -> list[str]:
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        return ["sudo", *command]
    return command


def prerequisites_linux() -> None:
    if shutil.which("dpkg-query") is None:
        raise ReleaseError(
            "this is not a Debian or Ubuntu system: install by hand what packaging/README.md "
            "lists under Linux"
        )
    missing = missing_packages(linux_packages())
    if not missing:
        print("All Debian packages for the build are installed.")
        return
    print(f"Installing Debian packages: {' '.join(missing)}", flush=True)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(_as_root(["apt-get", "update", "-qq"]), check=True, env=environment)
    subprocess.run(
        _as_root(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing]),
        check=True,
        env=environment,
    )


def prerequisites_windows() -> None:
    build = load_build()
    if build.find_iscc() is not None:
        print(f"Inno Setup: {build.find_iscc()}")
        return
    choco = shutil.which("choco")
    if choco is None:
        raise ReleaseError(
            "Inno Setup's ISCC.exe was not found and Chocolatey is not there to install it: "
            "install Inno Setup 6.4 or newer (winget install JRSoftware.InnoSetup)"
        )
    print("Installing Inno Setup with Chocolatey", flush=True)
    subprocess.run([choco, "install", "innosetup", "--yes", "--no-progress"], check=True)
    if build.find_iscc() is None:
        raise ReleaseError("Chocolatey installed Inno Setup, but ISCC.exe is still not found")


def prerequisites_macos() -> None:
    missing = [tool for tool in ("hdiutil", "codesign", "ditto") if shutil.which(tool) is None]
    if missing:
        raise ReleaseError(
            f"missing {', '.join(missing)}: install the Xcode command line tools "
            "(xcode-select --install)"
        )
    print("hdiutil, codesign and ditto are there.")


PREREQUISITES: dict[str, Callable[[], None]] = {
    "linux": prerequisites_linux,
    "windows": prerequisites_windows,
    "macos": prerequisites_macos,
}


# --- self-tests ----------------------------------------------------------------------------


def self_test(
    label: str,
    command: Sequence[str | Path],
    *,
    environment: dict[str, str] | None = None,
    output_visible: bool = True,
    timeout: float = SELF_TEST_TIMEOUT,
) -> None:
    """Run ``command`` (an app with ``--self-test``); it must exit 0 and, where its output can
    be seen, end on "self-test passed". A windowed Windows app has no console to print to, so
    there (``output_visible=False``) the exit code alone decides."""
    arguments = [str(part) for part in command]
    print(f"+ {label}: {' '.join(arguments)}", flush=True)
    try:
        result = subprocess.run(
            arguments,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=environment,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ReleaseError(f"self-test {label}: no answer within {timeout:.0f} s") from error
    except OSError as error:
        raise ReleaseError(f"self-test {label}: could not start {arguments[0]}: {error}") from error
    if result.stdout:
        print(result.stdout.rstrip("\n"), flush=True)
    if result.returncode != 0:
        raise ReleaseError(f"self-test {label} failed (exit code {result.returncode})")
    if output_visible and SELF_TEST_PASSED not in result.stdout.splitlines():
        raise ReleaseError(f"self-test {label}: exit code 0 but no {SELF_TEST_PASSED!r} line")


def _environment(**changes: str) -> dict[str, str]:
    return {**os.environ, **changes}


def check_linux(build: ModuleType, archive: Path) -> None:
    app = build.DIST / build.APP_NAME / build.APP_NAME
    self_test(
        "offscreen", [app, "--self-test"], environment=_environment(QT_QPA_PLATFORM="offscreen")
    )
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        raise ReleaseError("xvfb-run is missing: python packaging/release.py prerequisites linux")
    self_test(
        "xcb",
        [xvfb_run, "-a", app, "--self-test"],
        environment=_environment(QT_QPA_PLATFORM="xcb"),
    )
    # The tarball as a user gets it: unpack, install.sh into an empty home, run, uninstall.
    with tempfile.TemporaryDirectory(prefix="mentorapp-release-") as folder:
        scratch = Path(folder)
        subprocess.run(["tar", "-xzf", str(archive), "-C", str(scratch)], check=True)
        (unpacked,) = (path for path in scratch.iterdir() if path.is_dir())
        home = scratch / "home"
        home.mkdir()
        install = _environment(HOME=str(home), XDG_DATA_HOME="")
        subprocess.run(["sh", str(unpacked / "install.sh")], check=True, env=install)
        for expected in (
            home / ".local/share/applications/mentorapp.desktop",
            home / ".local/share/icons/hicolor/256x256/apps/mentorapp.png",
        ):
            if not expected.is_file():
                raise ReleaseError(f"install.sh did not install {expected.relative_to(home)}")
        installed = home / ".local/opt" / build.APP_NAME
        self_test(
            "installed",
            [installed / build.APP_NAME, "--self-test"],
            environment=_environment(HOME=str(home), QT_QPA_PLATFORM="offscreen"),
        )
        subprocess.run(["sh", str(unpacked / "install.sh"), "--uninstall"], check=True, env=install)
        if installed.exists():
            raise ReleaseError("install.sh --uninstall left ~/.local/opt/Mentorapp behind")


def _wait_until_gone(path: Path, timeout: float) -> bool:
    """Inno Setup's uninstaller copies itself to %TEMP% and returns at once; wait for it."""
    deadline = time.monotonic() + timeout
    while path.exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(1)
    return True


def check_windows(build: ModuleType, installer: Path) -> None:
    exe = f"{build.APP_NAME}.exe"
    self_test("bundle", [build.DIST / build.APP_NAME / exe, "--self-test"], output_visible=False)
    # A file Windows still holds open must not turn a passed check into a traceback.
    with tempfile.TemporaryDirectory(
        prefix="mentorapp-release-", ignore_cleanup_errors=True
    ) as folder:
        target = Path(folder) / build.APP_NAME
        subprocess.run(
            [
                str(installer),
                "/VERYSILENT",
                "/SUPPRESSMSGBOXES",
                "/NORESTART",
                "/SP-",
                f"/DIR={target}",
                f"/LOG={Path(folder) / 'install.log'}",
            ],
            check=True,
            timeout=SELF_TEST_TIMEOUT,
        )
        self_test("installed", [target / exe, "--self-test"], output_visible=False)
        uninstallers = sorted(target.glob("unins*.exe"))
        if not uninstallers:
            raise ReleaseError(f"the installer put no uninstaller into {target}")
        subprocess.run(
            [str(uninstallers[0]), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"],
            check=True,
            timeout=SELF_TEST_TIMEOUT,
        )
        if not _wait_until_gone(target / exe, UNINSTALL_TIMEOUT):
            raise ReleaseError(f"the uninstaller left {target / exe} behind")


def check_macos(build: ModuleType, dmg: Path) -> None:
    inside = Path("Contents") / "MacOS" / build.APP_NAME
    self_test("app", [build.DIST / f"{build.APP_NAME}.app" / inside, "--self-test"])
    with tempfile.TemporaryDirectory(prefix="mentorapp-release-") as folder:
        mount = Path(folder) / "volume"
        mount.mkdir()
        subprocess.run(
            [
                "hdiutil",
                "attach",
                "-nobrowse",
                "-readonly",
                "-noautoopen",
                "-mountpoint",
                str(mount),
                str(dmg),
            ],
            check=True,
        )
        try:
            self_test("dmg", [mount / f"{build.APP_NAME}.app" / inside, "--self-test"])
        finally:
            if subprocess.run(["hdiutil", "detach", str(mount)], check=False).returncode:
                subprocess.run(["hdiutil", "detach", "-force", str(mount)], check=False)


CHECKS: dict[str, Callable[[ModuleType, Path], None]] = {
    "linux": check_linux,
    "windows": check_windows,
    "macos": check_macos,
}


def _size(path: Path) -> str:
    """What ``du`` says: links (PyInstaller makes some) are not counted twice."""
    files = [path] if path.is_file() else list(path.rglob("*"))
    files = [item for item in files if item.is_file() and not item.is_symlink()]
    return f"{sum(item.stat().st_size for item in files) / 2**20:.0f} MB"


def build_and_check(target: str) -> Path:
    build = load_build()
    package = build.build(target, skip_installer=False, clean=False)
    print(
        f"\nBundle: {_size(build.DIST / build.APP_NAME)} unpacked, "
        f"{_size(package)} as {package.relative_to(ROOT)}"
    )
    started = time.monotonic()
    print("\n== Self-tests of the built app", flush=True)
    CHECKS[target](build, package)
    print(f"   ({time.monotonic() - started:.1f} s)")
    print(f"\nRelease build checked: {package.relative_to(ROOT)}")
    return package


# --- main ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    steps = parser.add_subparsers(dest="step", required=True, metavar="step")
    for name, help_text in (
        ("prerequisites", "install the system tools the build needs (not pip packages)"),
        ("build-and-check", "build the installer or archive, then self-test the built app"),
    ):
        step = steps.add_parser(name, help=help_text)
        step.add_argument("target", choices=sorted(CHECKS))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    build = load_build()
    started = time.monotonic()
    try:
        if args.target != build.host_target():
            raise ReleaseError(
                f"this is {build.host_target()}, not {args.target}: each platform is built on "
                "that platform"
            )
        if args.step == "prerequisites":
            PREREQUISITES[args.target]()
        else:
            build_and_check(args.target)
    except (ReleaseError, build.BuildError, subprocess.TimeoutExpired) as error:
        print(f"\nrelease failed: {error}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        print(f"\nrelease failed: {error}", file=sys.stderr)
        return error.returncode or 1
    print(f"{args.step} {args.target}: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
