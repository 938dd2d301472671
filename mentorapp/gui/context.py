"""What every page and dialog needs: the open file, its services, the events, and which
programme and round are shown. No dialog needs the main window for any of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mentorapp.gui.events import AppEvents
from mentorapp.guide.checklist import Scope
from mentorapp.workspace.settings import Settings

if TYPE_CHECKING:
    from mentorapp.domain.models import Cohort, Programme
    from mentorapp.workspace.services import Services
    from mentorapp.workspace.workspace import Workspace


@dataclass
class AppContext:
    """``services`` is None only in the moment between the window appearing and the file
    opening. The programme and round are re-read on every change of them, before any view
    hears of it (the context connects first, and Qt calls slots in the order connected)."""

    events: AppEvents
    settings: Settings
    services: Services | None = None
    demo: bool = False
    workspace: Workspace | None = None
    _programme: Programme | None = field(default=None, repr=False)
    _cohort: Cohort | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.events.workspace_changed.connect(self.reload)
        self.events.programme_changed.connect(self.reload)
        self.events.cohorts_changed.connect(self.reload)

    def attach(self, workspace: Workspace) -> None:
        """Show an opened (or reopened, restored) file: every view re-reads what it shows."""
        self.workspace = workspace
        self.services = workspace.services
        self.events.workspace_changed.emit()

    def reload(self, *_changed: object) -> None:
        """Re-read the programme and current round after either may have changed."""
        if self.services is None:
            return
        self._programme = self.services.programmes.programme()
        self._cohort = (
            self.services.programmes.current_cohort(self._programme.id)
            if self._programme and self._programme.id
            else None
        )

    @property
    def loaded(self) -> bool:
        return self.services is not None

    @property
    def read_only(self) -> bool:
        return self.workspace is not None and self.workspace.read_only

    @property
    def programme(self) -> Programme | None:
        return self._programme

    @property
    def cohort(self) -> Cohort | None:
        return self._cohort

    @property
    def scope(self) -> Scope | None:
        if self._programme is None or self._programme.id is None:
            return None
        return Scope(self._programme.id, self._cohort.id if self._cohort else None)
