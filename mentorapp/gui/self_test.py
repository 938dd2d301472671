"""``mentorapp --self-test``: prove that an installation carries everything it needs.

It opens the main window offscreen on a temporary database, writes the demo programme, renders
one workbook, and checks that the Swedish catalogs (ours and Qt's), the fonts, the migrations
and the guide content were found. Used on a built bundle and on a source install alike.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path


def run_self_test() -> int:
    environment = dict(os.environ)  # what a normal start would see, before offscreen is chosen
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["MENTORAPP_CONFIG_DIR"] = tempfile.mkdtemp(prefix="mentorapp-selftest-config-")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="mentorapp-selftest-") as folder:
        state: dict[str, object] = {"folder": Path(folder), "environment": environment}
        for name, check in CHECKS:
            try:
                detail = check(state)
            except Exception:
                failures += 1
                print(f"FAILED  {name}", flush=True)
                traceback.print_exc()
                continue
            print(f"ok      {name}: {detail}", flush=True)
        window = state.get("window")
        if window is not None:
            window.close()
            window.context.services.close()
    print("self-test passed" if not failures else f"self-test: {failures} check(s) failed")
    return 0 if not failures else 1


def _screen_libraries(state: dict) -> str:
    """The system libraries Qt needs for a window here (on X11 also the xcb plugin's)."""
    from mentorapp.gui.platform_check import needed_libraries, screen_libraries_problem

    if not sys.platform.startswith("linux"):
        return "not needed on this system"
    environment = state["environment"]
    problem = screen_libraries_problem(environment)
    assert problem is None, problem.user_message() if problem else ""
    needed = needed_libraries(environment)
    where = "with" if len(needed) > len(needed_libraries({})) else "without"
    return f"all {len(needed)} found ({where} the X11 plugin's)"


def _catalogs(_state: dict) -> str:
    from mentorapp.i18n import load_catalog

    swedish = load_catalog("sv").gettext("&File")
    assert swedish == "&Arkiv", f"the Swedish catalog was not found (got {swedish!r})"
    return "Swedish and English catalogs loaded"


def _fonts(_state: dict) -> str:
    from mentorapp.paths import resource_path

    fonts = sorted(path.name for path in resource_path("fonts").glob("*.ttf"))
    assert "DejaVuSans.ttf" in fonts, f"fonts missing in {resource_path('fonts')}"
    assert resource_path("fonts", "LICENSE-DejaVu.txt").is_file(), "the font licence is missing"
    return ", ".join(fonts)


def _window(state: dict) -> str:
    from PySide6.QtWidgets import QApplication

    from mentorapp.app import build_window
    from mentorapp.gui.qt_translation import install_qt_translations

    database = state["folder"] / "selftest.db"
    from mentorapp.cli import main as cli

    assert cli(["--db", str(database), "demo-data"]) == 0, "the demo could not be written"
    window = build_window(database, False, "sv")
    state["window"] = window
    window.show()
    QApplication.processEvents()
    assert window.isVisible(), "the main window did not show"
    assert install_qt_translations("sv"), "Qt's own Swedish catalog (qtbase_sv) is missing"
    info = window.context.services.info()
    assert info.adepts > 50, f"the demo has only {info.adepts} adepts"
    return f"main window shown on the demo ({info.adepts} adepts, schema {info.schema})"


def _workbook(state: dict) -> str:
    window = state["window"]
    services = window.context.services
    cohort = window.context.cohort
    services.matching.accept(cohort.id, services.matching.propose(cohort.id))
    groups = services.matching.groups(cohort.id)
    assert groups, "matching produced no groups"
    files = services.workbooks.write_workbooks(
        cohort.id, state["folder"], group_ids=[groups[0].id], language="sv"
    )
    size = files[0].stat().st_size
    assert size > 10_000, f"the workbook is only {size} bytes"
    return f"{files[0].name} ({size // 1024} KB)"


def _calendar(state: dict) -> str:
    """The round's calendar: icalendar and the Europe/Stockholm zone data are in the bundle."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from icalendar import Calendar

    from mentorapp.dataio.calendar_ics import export_calendar

    window = state["window"]
    services = window.context.services
    schedule = services.meetings.schedule(window.context.cohort.id)
    path = state["folder"] / "round.ics"
    written = export_calendar(services.database, schedule, path)
    parsed = Calendar.from_ical(path.read_bytes())
    assert written.events > 0 and len(parsed.events) == written.events, "no events written"
    summer = ZoneInfo("Europe/Stockholm").utcoffset(datetime(2027, 7, 1, 12))
    assert summer == timedelta(hours=2), f"the zone data is wrong or missing ({summer})"
    return f"{written.events} events, {path.stat().st_size // 1024} KB"


def _impact(state: dict) -> str:
    """The finished round's impact report as a PDF: the survey content files and the
    chart's drawing code are in the bundle."""
    import pypdfium2

    from mentorapp.documents.impact_pdf import write_impact_pdf

    window = state["window"]
    services = window.context.services
    finished = services.programmes.cohorts(window.context.programme.id)[0]
    report = services.impact.report(finished.id, "sv")
    measure = report.measure("job_or_internship")
    assert measure is not None and measure.answered > 0, "the demo's round has no answers"
    path = write_impact_pdf(state["folder"] / "impact.pdf", report)
    pages = len(pypdfium2.PdfDocument(str(path)))
    return f"{measure.count} of {measure.answered} with a job or internship; {pages} pages"


def _log(_state: dict) -> str:
    """Where the diagnosis log is, for a user asked to send it; none is no failure."""
    from mentorapp.paths import user_log_dir
    from mentorapp.workspace.log import log_file

    written = log_file()
    return str(written) if written else f"none: {user_log_dir()} cannot be written"


CHECKS: list[tuple[str, Callable[[dict], str]]] = [
    ("screen libraries", _screen_libraries),
    ("translations", _catalogs),
    ("fonts", _fonts),
    ("main window", _window),
    ("workbook", _workbook),
    ("calendar", _calendar),
    ("impact report", _impact),
    ("log file", _log),
]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_self_test())
