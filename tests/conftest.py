"""Every test gets its own data and config folders, English to start with, and offscreen Qt."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from mentorapp import i18n
from mentorapp.programme.programmes import CohortDraft, ProgrammeDraft
from mentorapp.workspace.services import Services

# Offscreen Qt with a laptop-sized screen (the plugin's default screen is only 800×600).
_SCREEN = Path(__file__).parent / "data" / "offscreen-screen.json"
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"


@pytest.fixture(autouse=True)
def isolated_user_folders(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MENTORAPP_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setenv("MENTORAPP_CONFIG_DIR", str(tmp_path / "user-config"))
    # Beside tmp_path, not in it: every command appends to the log, and tests compare what
    # is in tmp_path before and after a command.
    monkeypatch.setenv("MENTORAPP_LOG_DIR", str(tmp_path_factory.mktemp("user-log")))
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "programme.db"


@pytest.fixture
def services(db_path: Path):
    opened = Services.open(db_path)
    yield opened
    opened.close()


@pytest.fixture
def programme(services: Services):
    return services.programmes.save_programme(
        ProgrammeDraft(organisation="Föreningen Broar", name="Mentorskap 2027")
    )


@pytest.fixture
def cohort(services: Services, programme):
    draft = CohortDraft("Vår 2027", date(2027, 2, 1), date(2027, 5, 31), date(2027, 1, 10))
    return services.programmes.save_cohort(programme.id, draft)
