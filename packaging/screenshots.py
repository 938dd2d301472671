"""Render the screenshots in docs/ from the demo programme: python packaging/screenshots.py

Runs offscreen; each main window is 1280×800, the smallest laptop screen we support.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from mentorapp.app import build_window

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SCREEN = ROOT / "tests" / "data" / "offscreen-screen.json"

# An application form export with the kinds of mistakes the import preview explains.
FORM_WITH_MISTAKES = (
    "Tidstämpel;Förnamn;Efternamn;E-postadress;Ort;Digitala träffar;Språk;Utbildningsområde;"
    "Bransch;Års erfarenhet\n"
    "2027-01-03 09:12;Yasmin;Haidari;yasmin.haidari@example.com;Göteborg;Ja;Svenska, Engelska;"
    "Ekonomi;Bank och finans;4\n"
    "2027-01-03 11:40;Dmytro;Bondarenko;;Stockholm;Nej;engelska;Data och IT;IT och telekom;7\n"
    "2027-01-04 08:05;Hülya;Kaya;hulya.kaya@example;Malmö;x;sv;Juridik;Offentlig förvaltning;3\n"
    "2027-01-05 19:30;Thabo;Nkosi;thabo.nkosi@example.com;Linköping;;franska;Naturvetenskap;"
    "Industri;många\n"
    "2027-01-06 13:00;Lucía;Fernández;lucia.fernandez@example.com;Stockholm;Ja;Svenska och "
    "engelska;Samhällsvetenskap;Offentlig förvaltning;5\n"
)


def shoot(app: QApplication, language: str, folder: Path) -> None:
    from mentorapp.gui.dialogs.import_wizard import ImportWizard

    window = build_window(None, True, language)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.grab().save(str(DOCS / f"overview-{language}.png"))
    window.show_stage("running")
    app.processEvents()
    window.grab().save(str(DOCS / f"stage-{language}.png"))
    window.show_stage("selection")
    app.processEvents()
    window.grab().save(str(DOCS / f"participants-{language}.png"))

    window.show_stage("matching")
    board = window.pages["matching"]._tools[0][0]
    deadline = time.monotonic() + 30
    while (board._job is not None or board.proposal is None) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    first_group = board.model.index(0, 0)
    board.tree.setCurrentIndex(board.model.index(0, 0, first_group))
    app.processEvents()
    window.grab().save(str(DOCS / f"matching-{language}.png"))

    # The tools of issue 12: the plan, the timeline, the budget and the interviews.
    for stage_key, tab, name in (
        ("idea", 0, "plan"),
        ("resources", 0, "timeline"),
        ("resources", 1, "budget"),
        ("selection", 1, "interviews"),
        ("running", 0, "running"),
        ("running", 1, "gatherings"),
    ):
        window.show_stage(stage_key)
        page = window.pages[stage_key]
        page.tabs.setCurrentIndex(tab)
        tool = page._tools[tab][0]
        view = getattr(tool, "view", None)
        if name == "interviews" and view is not None and view.model().rowCount():
            view.setCurrentIndex(view.model().index(0, 0))
        if name == "running" and view is not None and view.model().rowCount() > 1:
            view.setCurrentIndex(view.model().index(1, 0))  # a group that has met once
        if name == "gatherings" and view is not None and view.model().rowCount():
            view.selectRow(0)  # the gathering that was held, with its attendance
        app.processEvents()
        window.grab().save(str(DOCS / f"{name}-{language}.png"))
    _plan_pages(window, language, folder)
    _impact_pages(window, language, folder)
    _survey_shots(app, window, language)
    _impact_shots(app, window, language)

    from mentorapp.gui.dialogs.reminder_dialog import ReminderDialog

    reminder = ReminderDialog(window.context, window.context.cohort.id, "needs_check_in", window)
    reminder.resize(900, 700)
    reminder.show()
    for _ in range(20):  # the preview is written after a short pause
        app.processEvents()
        time.sleep(0.05)
    reminder.grab().save(str(DOCS / f"reminder-{language}.png"))
    reminder.close()

    from mentorapp.db.opening import WritableFile
    from mentorapp.gui.dialogs.backups_dialog import BackupsDialog

    database = window.context.services.database  # the demo holds no copies; show a few
    window.workspace.held = WritableFile(database, None, _demo_safety_copies(window, folder))
    backups = BackupsDialog(window.context, window)
    backups.show()
    app.processEvents()
    backups.grab().save(str(DOCS / f"backup-{language}.png"))
    backups.tabs.setCurrentIndex(1)
    backups.refresh_copies()
    app.processEvents()
    backups.grab().save(str(DOCS / f"safety-copies-{language}.png"))
    backups.close()

    from mentorapp.gui.dialogs.guide_dialog import GuideDialog
    from mentorapp.gui.dialogs.help_dialog import HelpDialog
    from mentorapp.gui.dialogs.welcome_dialog import WelcomeDialog

    for name, dialog in (
        ("welcome", WelcomeDialog(lambda _language: None, window)),
        ("help", HelpDialog("recruitment", window)),
        ("guide", GuideDialog("matching", window)),
    ):
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(DOCS / f"{name}-{language}.png"))
        dialog.close()

    form = folder / f"ansokningar-{language}.csv"
    form.write_bytes(FORM_WITH_MISTAKES.encode("utf-8-sig"))
    wizard = ImportWizard(window.context, window)
    wizard.show()
    wizard.file_page.path_edit.setText(str(form))
    wizard.next()
    wizard.next()
    app.processEvents()
    wizard.grab().save(str(DOCS / f"import-preview-{language}.png"))
    wizard.close()
    window.close()
    window.context.services.close()


def _survey_shots(app: QApplication, window, suffix: str) -> None:
    """Who still owes the start survey, and the entry view with a form half typed in."""
    from PySide6.QtTest import QTest

    from mentorapp.gui.dialogs.survey_entry_dialog import SurveyEntryDialog
    from mentorapp.gui.widgets.surveys_panel import SurveysPanel

    window.show_stage("kickoff")
    page = window.pages["kickoff"]
    panel = next(tool for tool, _title in page._tools if isinstance(tool, SurveysPanel))
    page.tabs.setCurrentWidget(panel)
    panel.set_filter("missing")
    app.processEvents()
    window.grab().save(str(DOCS / f"surveys-missing-{suffix}.png"))
    panel.set_filter("all")

    window.show_stage("closing")  # the end survey: every kind of question
    page = window.pages["closing"]
    panel = next(tool for tool, _title in page._tools if isinstance(tool, SurveysPanel))
    survey, rows = panel.survey(), panel.model.all_rows()
    entry = SurveyEntryDialog(
        window.context, window.context.cohort.id, survey, panel.content, rows, parent=window
    )
    entry.resize(940, 760)
    entry.show()
    missing = next(row for row in rows if row.answered_on is None)
    entry.pick(missing.id)
    for key in "435012j":  # the first answers, typed as a coordinator does
        QTest.keyClick(entry.focusWidget() or entry, key)
    app.processEvents()
    entry.grab().save(str(DOCS / f"surveys-entry-{suffix}.png"))
    entry.done(0)  # closed as it is: nothing of the demo is saved


def _plan_pages(window, language: str, folder: Path) -> None:
    """The programme plan PDF's two pages as pictures (poppler's pdftoppm, when installed)."""
    import shutil
    import subprocess

    if shutil.which("pdftoppm") is None:
        return
    context = window.context
    pdf = folder / f"plan-{language}.pdf"
    context.services.plan.write_pdf(context.programme.id, pdf, language)
    prefix = folder / f"plan-{language}"
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(prefix)], check=True)
    for number, page in enumerate(sorted(folder.glob(f"plan-{language}-*.png")), start=1):
        shutil.copy(page, DOCS / f"plan-pdf-{language}-page{number}.png")


def _impact_pages(window, language: str, folder: Path) -> None:
    """The finished round's impact report and one end-survey form as pictures of their
    first pages (poppler's pdftoppm, when installed)."""
    import shutil
    import subprocess

    from mentorapp.documents.impact_pdf import write_impact_pdf
    from mentorapp.documents.survey_form_pdf import write_survey_forms
    from mentorapp.impact.forms import survey_forms

    if shutil.which("pdftoppm") is None:
        return
    services = window.context.services
    finished = services.programmes.cohorts(window.context.programme.id)[0]
    report = services.impact.report(finished.id, language)
    pictures = {"impact-pdf": folder / f"impact-{language}.pdf"}
    write_impact_pdf(pictures["impact-pdf"], report)
    forms = survey_forms(services.database, finished.id, "t1", language=language)
    pictures["survey-form-pdf"] = folder / f"form-{language}.pdf"
    write_survey_forms(pictures["survey-form-pdf"], forms.batches[:1], forms.header)
    for name, pdf in pictures.items():
        prefix = folder / f"{name}-{language}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(prefix)],
            check=True,
        )
        for number, page in enumerate(sorted(folder.glob(f"{name}-{language}-*.png")), 1):
            shutil.copy(page, DOCS / f"{name}-{language}-page{number}.png")


def _impact_shots(app: QApplication, window, suffix: str) -> None:
    """The finished round's impact report: its table, its chart, and compared with the
    running round (whose start survey is answered); the running round is shown again after."""
    context = window.context
    programmes = context.services.programmes
    running = context.cohort
    finished = programmes.cohorts(context.programme.id)[0]

    def show(cohort) -> None:
        programmes.set_current_cohort(context.programme.id, cohort.id)
        context.events.cohorts_changed.emit(context.programme.id)

    show(finished)
    window.show_stage("evaluation")
    page = window.pages["evaluation"]
    panel = page._tools[0][0]
    page.tabs.setCurrentIndex(0)

    def built() -> None:
        deadline = time.monotonic() + 30
        while (panel._job is not None or panel.report is None) and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        app.processEvents()

    built()
    window.grab().save(str(DOCS / f"impact-{suffix}.png"))
    panel.results.setCurrentIndex(1)
    app.processEvents()
    window.grab().save(str(DOCS / f"impact-chart-{suffix}.png"))
    panel.compare.setCurrentIndex(max(panel.compare.findData(running.id), 0))
    panel.refresh()
    built()
    window.grab().save(str(DOCS / f"impact-compare-chart-{suffix}.png"))
    panel.results.setCurrentIndex(0)
    app.processEvents()
    window.grab().save(str(DOCS / f"impact-compare-{suffix}.png"))
    panel.compare.setCurrentIndex(0)
    show(running)


def shoot_dark(app: QApplication, language: str) -> None:
    """The main pages once more in a dark theme: Mentorapp fixes no colours of its own, so
    these show that a coordinator's dark desktop stays readable."""
    window = build_window(None, True, language)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    pages = (
        (None, "overview", 0),
        ("selection", "participants", 0),
        ("matching", "matching", 0),
        ("resources", "timeline", 0),
        ("resources", "budget", 1),
        ("idea", "plan", 0),
        ("selection", "interviews", 1),
        ("running", "running", 0),
        ("running", "gatherings", 1),
    )
    for stage, name, tab in pages:
        if stage is not None:
            window.show_stage(stage)
            window.pages[stage].tabs.setCurrentIndex(tab)
        deadline = time.monotonic() + 30
        board = window.pages["matching"]._tools[0][0] if stage == "matching" else None
        while board is not None and board.proposal is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        app.processEvents()
        window.grab().save(str(DOCS / f"{name}-{language}-dark.png"))
    _survey_shots(app, window, f"{language}-dark")
    _impact_shots(app, window, f"{language}-dark")
    window.close()
    window.context.services.close()


def dark_palette() -> QPalette:
    """A dark palette of the kind KDE's Breeze Dark or GNOME's dark style gives Qt."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#35373b",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#3d7cc9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#35373b",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Link: "#6cb4ff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a7a7a"))
    palette.setColor(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#7a7a7a")
    )
    return palette


def _demo_safety_copies(window, folder: Path):
    """The demo has no safety copies of its own; make a few so the list shows what it does."""
    from mentorapp.db.safety import SafetyCopies

    safety = SafetyCopies(window.context.services.database.path, keep=10)
    for reason in ("daily", "manual", "quit"):
        safety.make(reason)
    return safety


def main() -> int:
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
    os.environ["MENTORAPP_CONFIG_DIR"] = tempfile.mkdtemp(prefix="mentorapp-shots-")
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        for language in ("sv", "en"):
            shoot(app, language, Path(folder))
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
        for language in ("sv", "en"):
            shoot_dark(app, language)
    print(f"wrote screenshots to {DOCS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
