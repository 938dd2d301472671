"""The packaging files agree with each other and with the code, without building anything."""

import importlib.util
import plistlib
import re
from pathlib import Path

import pytest

import mentorapp
from mentorapp.db import migrate

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ISS = PACKAGING / "windows" / "mentorapp.iss"
SPEC = PACKAGING / "mentorapp.spec"
PLIST = PACKAGING / "macos" / "Info.plist"
DESKTOP = PACKAGING / "linux" / "mentorapp.desktop"


@pytest.fixture(scope="module")
def build():
    """packaging/build.py, loaded by path: packaging/ is not a package (the name is taken)."""
    spec = importlib.util.spec_from_file_location("mentorapp_build", PACKAGING / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "path",
    [
        SPEC,
        ISS,
        PLIST,
        DESKTOP,
        PACKAGING / "build.py",
        PACKAGING / "launcher.py",
        PACKAGING / "release.py",
        PACKAGING / "linux" / "install.sh",
        PACKAGING / "linux" / "README.txt",
        PACKAGING / "macos" / "build_dmg.sh",
        PACKAGING / "macos" / "entitlements.plist",
        PACKAGING / "README.md",
        ROOT / ".ci" / "bundle",
        ROOT / ".github" / "workflows" / "release.yml",
    ],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_packaging_file_exists(path: Path) -> None:
    assert path.is_file()


def test_build_reads_the_version_from_the_package(build) -> None:
    assert build.read_version() == mentorapp.__version__


def test_numeric_version_for_windows_resources(build) -> None:
    assert build.numeric_version("0.1.0") == (0, 1, 0, 0)
    assert build.numeric_version("1.2rc3") == (1, 2, 0, 0)
    assert build.numeric_version("2.10.3.dev1") == (2, 10, 3, 0)


def test_catalogs_are_complete_for_a_build(build) -> None:
    assert build.catalog_problems() == []


def test_inno_setup_script() -> None:
    text = ISS.read_text(encoding="utf-8")
    settings = dict(
        line.split("=", 1) for line in text.splitlines() if re.match(r"^[A-Za-z]+=", line)
    )
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["AppVersion"] == "{#AppVersion}"
    assert settings["OutputBaseFilename"] == "Mentorapp-{#AppVersion}-windows-setup"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", settings["AppId"])
    assert 'MessagesFile: "compiler:Default.isl"' in text
    assert 'MessagesFile: "compiler:Languages\\Swedish.isl"' in text
    assert "#ifndef AppVersion" in text, "iscc must fail without /DAppVersion"
    assert mentorapp.__version__ not in text, "the version belongs in mentorapp/__init__.py"
    assert 'Source: "..\\..\\dist\\Mentorapp\\*"' in text


def test_macos_plist_template() -> None:
    with PLIST.open("rb") as handle:
        plist = plistlib.load(handle)
    assert re.fullmatch(r"[a-z]+(\.[A-Za-z]+)+", plist["CFBundleIdentifier"])
    assert plist["NSHighResolutionCapable"] is True
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?", plist["LSMinimumSystemVersion"])
    assert {"en", "sv"} <= set(plist["CFBundleLocalizations"])
    # The spec fills the version in from mentorapp/__init__.py.
    assert "CFBundleShortVersionString" not in plist
    assert "CFBundleVersion" not in plist


def test_desktop_file() -> None:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    entries = {}
    for line in lines[1:]:
        if not line or line.startswith("#"):
            continue
        match = re.fullmatch(r"([A-Za-z0-9-]+(?:\[[A-Za-z_@]+\])?)=(.*)", line)
        assert match, f"not a key=value line: {line!r}"
        key, value = match.groups()
        assert key not in entries, f"{key} appears twice"
        assert value == value.strip(), f"{key} has stray spaces"
        entries[key] = value
    assert entries["Type"] == "Application"
    assert entries["Name"] == "Mentorapp"
    assert entries["Name[sv]"]
    assert entries["Comment"] and entries["Comment[sv]"]
    assert entries["Icon"] == "mentorapp"
    assert entries["Exec"]
    assert entries["Terminal"] == "false"
    assert entries["Categories"] == "Office;Education;"


def test_spec_puts_data_where_the_frozen_app_looks() -> None:
    text = SPEC.read_text(encoding="utf-8")
    compile(text, str(SPEC), "exec")
    # mentorapp/paths.py: sys._MEIPASS / "mentorapp" / "_data" / {resources, translations}
    assert '"mentorapp/_data/resources"' in text
    assert '"mentorapp/_data/translations"' in text
    # mentorapp/db/migrate.py: MIGRATIONS_DIR is beside migrate.py, inside the bundle too.
    package_root = Path(mentorapp.__file__).resolve().parent.parent
    migrations = migrate.MIGRATIONS_DIR.relative_to(package_root).as_posix()
    assert migrations == "mentorapp/db/migrations"
    assert f'"{migrations}"' in text
    assert (migrate.MIGRATIONS_DIR / "env.py").is_file()
    assert list((migrate.MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
