"""What every page needs: the services, the events, and which programme and round are shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mentorapp.gui.events import AppEvents
from mentorapp.guide.checklist import Scope
from mentorapp.workspace.settings import Settings

if TYPE_CHECKING:
    from mentorapp.domain.models import Cohort, Programme
    from mentorapp.workspace.services import Services


@dataclass
class AppContext:
    """``services`` is None only in the moment between the window appearing and the file opening."""

    events: AppEvents
    settings: Settings
    services: Services | None = None
    demo: bool = False
    _programme: Programme | None = field(default=None, repr=False)
    _cohort: Cohort | None = field(default=None, repr=False)

    def reload(self) -> None:
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
