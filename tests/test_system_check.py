"""Linux start-up: the libraries Qt needs for a window are checked before Qt can abort."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mentorapp import i18n
from mentorapp.gui import platform_check
from mentorapp.gui.platform_check import (
    GUI_LIBRARIES,
    LINUX_PACKAGES,
    XCB_LIBRARIES,
    can_load,
    missing_libraries,
    screen_libraries_problem,
)

ROOT = Path(__file__).resolve().parent.parent
X11 = {"DISPLAY": ":0"}


def lacking(*names: str):
    return lambda library: library not in names


def test_missing_xcb_libraries_name_the_debian_packages_and_the_command() -> None:
    problem = screen_libraries_problem(
        X11, lacking("libxcb-icccm.so.4", "libxcb-keysyms.so.1"), "linux", apt=True
    )
    assert problem is not None
    assert problem.packages == ["libxcb-icccm4", "libxcb-keysyms1"]
    assert "“sudo apt install libxcb-icccm4 libxcb-keysyms1”" in problem.user_message()
    assert problem.user_title() == "Mentorapp cannot open its window"


def test_the_sentence_is_swedish_for_a_swedish_user() -> None:
    i18n.set_language("sv")
    problem = screen_libraries_problem(X11, lacking("libxcb-icccm.so.4"), "linux", apt=True)
    assert problem is not None
    assert problem.user_message().startswith("Datorn saknar systembibliotek")
    assert "sudo apt install libxcb-icccm4" in problem.user_message()


def test_a_package_with_two_missing_libraries_is_named_once() -> None:
    problem = screen_libraries_problem(
        {}, lacking("libglib-2.0.so.0", "libgthread-2.0.so.0"), "linux", apt=True
    )
    assert problem is not None and problem.packages == ["libglib2.0-0"]


def test_without_apt_the_library_files_are_named() -> None:
    problem = screen_libraries_problem(X11, lacking("libxcb-cursor.so.0"), "linux", apt=False)
    assert problem is not None
    assert "(libxcb-cursor.so.0)" in problem.user_message() and "apt" not in problem.user_message()


def test_nothing_missing_means_no_problem() -> None:
    assert screen_libraries_problem(X11, lambda _library: True, "linux") is None


def test_other_systems_are_not_checked() -> None:
    assert screen_libraries_problem(X11, lambda _library: False, "win32") is None
    assert screen_libraries_problem(X11, lambda _library: False, "darwin") is None


@pytest.mark.parametrize(
    ("environment", "xcb"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "xcb:nograb", "DISPLAY": ":0"}, True),
        ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, False),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}, False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, False),  # Qt takes wayland
        ({}, False),
    ],
)
def test_the_xcb_libraries_are_needed_only_where_qt_uses_xcb(environment, xcb) -> None:
    asked: list[str] = []
    missing_libraries(environment, lambda library: asked.append(library) or True)
    assert asked == [library for library, _package in GUI_LIBRARIES + XCB_LIBRARIES * xcb]


def test_the_real_loader_finds_what_is_there_and_not_what_is_not() -> None:
    assert can_load("libc.so.6")
    assert not can_load("libmentorapp-does-not-exist.so.9")


def test_a_bundled_copy_is_looked_for_first(monkeypatch, tmp_path: Path) -> None:
    tried: list[str] = []

    def fake_cdll(name: str):
        tried.append(name)
        raise OSError(name)

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(platform_check.ctypes, "CDLL", fake_cdll)
    assert not can_load("libxcb-icccm.so.4")
    assert tried == [str(tmp_path / "libxcb-icccm.so.4"), "libxcb-icccm.so.4"]


def test_the_launch_says_what_is_missing_instead_of_aborting(tmp_path: Path) -> None:
    """`mentorapp --demo` on an X11 desktop without libxcb-icccm4: one sentence, exit 2."""
    script = (
        "import sys; import mentorapp.gui.platform_check as check; "
        "check.can_load = lambda library: library != 'libxcb-icccm.so.4'; "
        "from mentorapp.cli import main; sys.exit(main(['--demo', '--lang', 'en']))"
    )
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("QT_", "WAYLAND"))
    }
    environment.update(
        DISPLAY=":0",
        MENTORAPP_DATA_DIR=str(tmp_path / "data"),
        MENTORAPP_CONFIG_DIR=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2, result.stderr
    assert "sudo apt install libxcb-icccm4" in result.stderr
    assert "qt.qpa" not in result.stderr and "Traceback" not in result.stderr


def test_the_readme_lists_the_same_packages() -> None:
    """The README's section between the linux-packages markers names every package, no more."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"<!-- linux-packages -->(.*?)<!-- /linux-packages -->", text, re.S)
    assert section, "README.md has no <!-- linux-packages --> … <!-- /linux-packages --> section"
    body = section.group(1)
    fenced = re.findall(r"```[a-z]*\n(.*?)```", body, re.S)  # a ```bash block …
    inline = re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", body, flags=re.S))  # … or `x`
    words = {
        word
        for code in fenced + inline
        for word in code.split()
        if word not in {"sudo", "apt", "apt-get", "install", "-y", "\\"}
    }
    assert words == set(LINUX_PACKAGES)


def _install_script_pairs() -> list[tuple[str, str]]:
    text = (ROOT / "packaging" / "linux" / "install.sh").read_text(encoding="utf-8")
    listed = re.search(r'^libraries="([^"]*)"', text, re.M)
    assert listed, "install.sh has no libraries= list"
    return [tuple(pair.split(":", 1)) for pair in listed.group(1).split()]


def test_install_sh_checks_the_same_libraries() -> None:
    assert _install_script_pairs() == list(GUI_LIBRARIES + XCB_LIBRARIES)


def _run_install_check(tmp_path: Path, bundled: list[str]) -> subprocess.CompletedProcess:
    """install.sh --check on a fake unpacked archive, on a system that has none of the packages."""
    folder = tmp_path / "archive"
    (folder / "Mentorapp" / "_internal").mkdir(parents=True)
    (folder / "install.sh").write_bytes((ROOT / "packaging/linux/install.sh").read_bytes())
    for library in bundled:
        (folder / "Mentorapp" / "_internal" / library).touch()
    tools = tmp_path / "bin"
    tools.mkdir()
    for name, body in (("dpkg-query", "exit 1"), ("ldconfig", "exit 0")):
        tool = tools / name
        tool.write_text(f"#!/bin/sh\n{body}\n")
        tool.chmod(tool.stat().st_mode | stat.S_IEXEC)
    environment = dict(os.environ, PATH=f"{tools}:/usr/bin:/bin")
    return subprocess.run(
        ["sh", str(folder / "install.sh"), "--check"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_install_sh_names_the_missing_packages(tmp_path: Path) -> None:
    everything = [library for library, _package in GUI_LIBRARIES + XCB_LIBRARIES]
    bundled = [name for name in everything if name not in ("libxcb-icccm.so.4", "libGL.so.1")]
    result = _run_install_check(tmp_path, bundled)
    assert result.returncode == 1
    assert "sudo apt install libgl1 libxcb-icccm4\n" in result.stdout


def test_install_sh_is_quiet_when_everything_is_there(tmp_path: Path) -> None:
    everything = [library for library, _package in GUI_LIBRARIES + XCB_LIBRARIES]
    result = _run_install_check(tmp_path, everything)
    assert (result.returncode, result.stdout) == (0, "")
