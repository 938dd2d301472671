"""Import applications from a CSV file: choose, match columns, check, import."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget, QWizard

from mentorapp.gui.context import AppContext
from mentorapp.gui.dialogs.import_pages import CheckPage, ColumnsPage, FilePage, RunPage
from mentorapp.i18n import _
from mentorapp.workspace.settings import save_settings


@dataclass
class ImportState:
    """What the pages share as the user moves through them."""

    database: object
    round_names: list[str]
    current_round: str
    remembered: dict[str, str]
    save_remembered: object
    table: object = None
    role: str = "adept"
    round_name: str = ""
    mapping: list = field(default_factory=list)
    preview: object = None
    options: object = None
    report: object = None


class ImportWizard(QWizard):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(_("Import applications"))
        programme = context.programme
        services = context.services
        names = [c.name for c in services.programmes.cohorts(programme.id)] if programme else []
        self.state = ImportState(
            database=services.database,
            round_names=names,
            current_round=context.cohort.name if context.cohort else "",
            remembered=context.settings.import_mappings,
            save_remembered=lambda: save_settings(context.settings),
        )
        self.file_page = FilePage(self.state)
        self.columns_page = ColumnsPage(self.state)
        self.check_page = CheckPage(self.state)
        self.run_page = RunPage(self.state)
        for page in (self.file_page, self.columns_page, self.check_page, self.run_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.DisabledBackButtonOnLastPage, True)
        self.resize(760, 600)

    def reject(self) -> None:
        """Closing during the import stops it; nothing is half-saved."""
        job = self.run_page.job
        if job is not None and not self.run_page.done:
            job.cancel()
            return
        super().reject()

    @classmethod
    def run(cls, parent: QWidget | None, context: AppContext) -> bool:
        wizard = cls(context, parent)
        wizard.exec()
        report = wizard.state.report
        return bool(report and report.written)
