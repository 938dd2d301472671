"""Where Mentorapp keeps its files, for a source checkout, a wheel and a frozen bundle alike."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Mentorapp"
DB_FILENAME = "mentorapp.db"
PRIVATE_FOLDER = 0o700  # people's data: the owner may list and enter the folder, nobody else

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_root() -> Path:
    """The folder holding ``resources/`` and ``translations/``.

    A source checkout keeps them beside the package; a wheel or a PyInstaller bundle
    carries them inside the package as ``_data``.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "mentorapp" / "_data"
    bundled = _PACKAGE_DIR / "_data"
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent


def resource_path(*parts: str) -> Path:
    return _data_root().joinpath("resources", *parts)


def translations_dir() -> Path:
    return _data_root() / "translations"


def user_data_dir() -> Path:
    """The user's own data folder; ``MENTORAPP_DATA_DIR`` overrides it (tests, portable use)."""
    override = os.environ.get("MENTORAPP_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def user_config_dir() -> Path:
    override = os.environ.get("MENTORAPP_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def user_log_dir() -> Path:
    """Where the diagnosis log goes; ``MENTORAPP_LOG_DIR`` overrides it (tests, portable use)."""
    override = os.environ.get("MENTORAPP_LOG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def log_dir_is_own() -> bool:
    """The platform's log folder named Mentorapp, not one the user chose with the variable."""
    return not os.environ.get("MENTORAPP_LOG_DIR")


def config_dir_is_own() -> bool:
    """The platform's config folder named Mentorapp, not one the user chose with the variable."""
    return not os.environ.get("MENTORAPP_CONFIG_DIR")


def make_private_folders(folder: Path, own: bool = False) -> Path:
    """Create ``folder`` and each missing parent owner-only (0700 on POSIX); return it.

    Folders that already exist keep their permissions: one the user chose (a Desktop, a USB
    stick) is theirs to set. With ``own`` the folder is Mentorapp's own (the platform's config
    or data folder), so an existing one is made private too: an older Mentorapp may have left
    it readable. ``mkdir(parents=True)`` would give the parents the umask's mode, so each
    level is made here, and chmod follows because the umask narrows ``mkdir``'s mode only.
    """
    folder = Path(folder)
    missing: list[Path] = []
    level = folder
    while not os.path.lexists(level) and level != level.parent:
        missing.append(level)
        level = level.parent
    made: list[Path] = []
    for level in reversed(missing):
        try:
            level.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:  # another process made it meanwhile: not ours to change
            continue
        made.append(level)
    if own and folder.is_dir() and folder not in made:
        made.append(folder)
    if os.name == "posix":
        for level in made:
            os.chmod(level, PRIVATE_FOLDER)
    return folder


def default_database_path() -> Path:
    return user_data_dir() / DB_FILENAME


def safe_file_name(name: str) -> str:
    """A file name that Windows, macOS and Linux all accept, keeping letters such as å and Ł."""
    forbidden = '<>:"/\\|?*'
    cleaned = "".join("_" if c in forbidden or ord(c) < 32 else c for c in name).strip(" .")
    return cleaned or "mentorapp"
