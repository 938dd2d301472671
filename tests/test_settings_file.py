"""A hand-broken settings.json never stops Mentorapp: bad values fall back, good ones stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.workspace.settings import Settings, load_settings, settings_path


def write_settings(content: str) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "content",
    [
        '{"language": "klingon"}',
        '{"language": 42}',
        '{"language": ["sv"]}',
        '{"safety_copies_keep": "ten", "retention_months": -3}',
        '{"safety_copies_keep": true, "retention_months": 1e400}',
        '{"import_mappings": ["not", "a", "dict"], "csv_delimiter": "|"}',
        '{"import_mappings": {"e-post": 7}}',
        '{"window_geometry": {"x": 1}}',
        '["a list, not an object"]',
        "{not json at all",
        "\x00\x00\x00",
        "",
    ],
)
def test_a_bad_value_gives_the_default_and_a_command_still_runs(content: str, capsys) -> None:
    write_settings(content)
    assert load_settings() == Settings()
    assert main(["--db", "nowhere.db", "info"]) == 2  # a sentence about the file, no crash
    assert "There is no Mentorapp file" in capsys.readouterr().err


def test_good_values_survive_beside_bad_ones() -> None:
    write_settings(
        json.dumps(
            {
                "language": "sv",
                "retention_months": "lots",
                "safety_copies_keep": 4,
                "csv_delimiter": ";",
                "import_mappings": {"mejl": "email"},
                "unknown_key_from_a_newer_version": 1,
            }
        )
    )
    settings = load_settings()
    assert settings.language == "sv"
    assert settings.retention_months == Settings().retention_months
    assert settings.safety_copies_keep == 4
    assert settings.csv_delimiter == ";"
    assert settings.import_mappings == {"mejl": "email"}


def test_a_settings_folder_in_place_of_the_file(capsys) -> None:
    settings_path().mkdir(parents=True)
    assert load_settings() == Settings()
    assert main(["--lang", "sv", "--db", "nowhere.db", "info"]) == 2
    assert "Det finns ingen Mentorapp-fil" in capsys.readouterr().err
