"""The user's preferences, kept as a small JSON file in the platform's config folder.

Plain Python on purpose: the CLI and the GUI read the same language choice.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from mentorapp.errors import move_into_place
from mentorapp.i18n import LANGUAGES
from mentorapp.paths import (
    config_dir_is_own,
    make_private_folders,
    user_config_dir,
    user_data_dir,
)


@dataclass
class Settings:
    language: str | None = None
    window_geometry: str = ""
    window_state: str = ""
    # How the user mapped CSV headers before: normalised header → field key ("" = ignore).
    import_mappings: dict[str, str] = field(default_factory=dict)
    safety_copies_keep: int = 10  # of each kind (daily, on quit, …)
    retention_months: int = 24  # people are due for erasure this long after their last round
    csv_delimiter: str = ","  # "," or ";" (Excel in a Swedish locale expects ";")
    # The organisation's adapted workbook content; "" = workbook_content_folder()'s default.
    workbook_content_folder: str = ""


def settings_path() -> Path:
    return user_config_dir() / "settings.json"


def workbook_content_folder(settings: Settings) -> Path:
    """Where the adapted workbook content lives: the chosen folder, or one in the user's data
    folder. A setting, not a place beside the database, which may be on a server."""
    if settings.workbook_content_folder:
        return Path(settings.workbook_content_folder).expanduser()
    return user_data_dir() / "workbook-content"


def adopt_content_beside(settings: Settings, database_path: Path) -> Path | None:
    """Copy the workbook content an earlier Mentorapp kept beside the database
    (``<stem>-workbook-content/``) to where it lives now, once, so an organisation's edited
    text is not silently replaced by the standard one. Returns the folder it copied to."""
    old = database_path.parent / f"{database_path.stem}-workbook-content"
    new = workbook_content_folder(settings)
    if not old.is_dir() or new.exists():
        return None
    import shutil

    make_private_folders(new.parent)
    try:
        shutil.copytree(old, new)
    except OSError:
        shutil.rmtree(new, ignore_errors=True)  # a half copy would hide the old folder
        return None
    return new


def load_settings() -> Settings:
    """Read the settings; a missing, unreadable or hand-broken file never stops Mentorapp.

    Each value is checked on its own: one of the wrong type or out of range (a language
    Mentorapp does not speak, a negative number) gives that setting's default, and the rest
    are kept.
    """
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    defaults = Settings()
    values = {}
    for item in fields(Settings):
        default = getattr(defaults, item.name)
        if item.name in data and _valid(item.name, data[item.name], default):
            values[item.name] = data[item.name]
        else:
            values[item.name] = default
    return Settings(**values)


def _valid(name: str, value: object, default: object) -> bool:
    if name == "language":
        return value is None or value in LANGUAGES
    if name in ("window_geometry", "window_state"):
        return isinstance(value, str)
    if name == "import_mappings":
        return isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        )
    if name == "safety_copies_keep":
        return _whole_number(value) and 1 <= value <= 1000  # type: ignore[operator]
    if name == "retention_months":
        return _whole_number(value) and 1 <= value <= 600  # type: ignore[operator]
    if name == "csv_delimiter":
        return value in (",", ";")
    if isinstance(default, bool) or isinstance(value, bool):
        return type(value) is type(default)
    return isinstance(value, type(default))


def _whole_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def save_settings(settings: Settings) -> None:
    """Write atomically, so a crash mid-write never leaves a half file behind.

    Owner-only (file 0600, the folders made for it 0700): the import mappings hold the
    headers of people's application forms.
    """
    path = settings_path()
    make_private_folders(path.parent, own=config_dir_is_own())
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(asdict(settings), stream, indent=2)
        if os.name == "posix":
            os.chmod(temporary, 0o600)  # mkstemp's mode already; said here so it stays
        move_into_place(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
