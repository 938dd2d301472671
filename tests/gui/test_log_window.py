"""The window's side of the diagnosis log: a failed job and an unexpected error leave their
traceback in it (without their values), and Help → About opens the log folder."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from mentorapp.errors import ValidationError
from mentorapp.gui.dialogs.about_dialog import AboutDialog
from mentorapp.gui.workers import Job
from mentorapp.i18n import N_, set_language
from mentorapp.workspace import log

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def log_file():
    log.stop_logging()
    path = log.setup_logging()
    assert path is not None
    yield path
    log.stop_logging()


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_a_failed_job_leaves_its_frames_in_the_log_but_not_its_message(qtbot, log_file) -> None:
    def import_the_file(_progress, _cancelled):
        raise KeyError("amira.haddad@example.org")

    job = Job(import_the_file)
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        job.start()
    assert isinstance(failed.args[0], KeyError)  # the window still gets the error itself
    text = _read(log_file)
    assert "ERROR mentorapp.gui.workers: job " in text and "import_the_file failed" in text
    assert re.search(r"mentorapp/gui/workers\.py:\d+ in _run", text)
    assert re.search(r"test_log_window\.py:\d+ in import_the_file", text)
    assert "\nKeyError" in text and "amira" not in text and "example.org" not in text


def test_a_job_refused_with_a_sentence_is_logged_by_its_template(qtbot, log_file) -> None:
    def save(_progress, _cancelled):
        raise ValidationError(N_("“{name}” is already in the round."), name="Amira Haddad")

    job = Job(save)
    with qtbot.waitSignal(job.failed, timeout=10_000):
        job.start()
    text = _read(log_file)
    assert "INFO mentorapp.gui.workers: job " in text
    assert (
        "save refused: mentorapp.errors.ValidationError: '“{name}” is already in the round.'"
        in text
    )
    assert "Amira" not in text and "Traceback" not in text


def test_an_unexpected_error_in_the_window_is_logged_with_its_traceback(
    qtbot, log_file, monkeypatch
) -> None:
    from mentorapp.app import _report_unexpected

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args))
    window = QWidget()
    qtbot.addWidget(window)
    _report_unexpected(window)
    try:
        raise ValueError("Erik Sandberg, erik.sandberg@example.com")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert shown, "the user was not told"
    text = _read(log_file)
    assert "ERROR mentorapp.app: unexpected error in the window" in text
    assert re.search(r"test_log_window\.py:\d+ in test_an_unexpected_error_in_the_window", text)
    assert "\nValueError" in text and "Sandberg" not in text and "@" not in text


@pytest.mark.parametrize("language", ["en", "sv"])
def test_about_opens_the_log_folder(qtbot, log_file, monkeypatch, language) -> None:
    set_language(language)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    button = dialog.log_button
    assert button.accessibleName() == button.text().replace("&", "")
    assert button.accessibleName() != "" and button.isEnabled()
    if language == "sv":
        assert button.text() != "Open the log folder", "no Swedish for the button"
    button.click()
    assert [url.toLocalFile() for url in opened] == [str(log_file.parent)]
    assert Path(os.environ["MENTORAPP_LOG_DIR"]) == log_file.parent


def test_about_says_where_the_log_folder_is_when_it_cannot_open_it(
    qtbot, log_file, monkeypatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args))
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.open_log_folder() is False
    assert len(said) == 1 and str(log_file.parent) in said[0][2]
