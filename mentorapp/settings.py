"""The user's preferences, kept as a small JSON file in the platform's config folder.

Plain Python on purpose: the CLI and the GUI read the same language choice.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from mentorapp.paths import user_config_dir


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


def settings_path() -> Path:
    return user_config_dir() / "settings.json"


def load_settings() -> Settings:
    """Read the settings; a missing or unreadable file gives the defaults rather than an error."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name for f in fields(Settings)}
    return (
        Settings(**{k: v for k, v in data.items() if k in known})
        if isinstance(data, dict)
        else Settings()
    )


def save_settings(settings: Settings) -> None:
    """Write atomically, so a crash mid-write never leaves a half file behind."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(asdict(settings), stream, indent=2)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
