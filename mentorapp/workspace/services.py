"""The services every front end (GUI or CLI) works through, built around one open database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import distinct, func
from sqlmodel import col, select

from mentorapp.db import Database
from mentorapp.db.migrate import open_database, schema_revision
from mentorapp.domain.enums import Role
from mentorapp.domain.models import Cohort, Enrolment, Organisation, Programme
from mentorapp.guide.progress import GuideService
from mentorapp.people.eligibility import EligibilityService
from mentorapp.people.participants import ParticipantService
from mentorapp.people.pipeline import PipelineService
from mentorapp.programme.programmes import ProgrammeService

if TYPE_CHECKING:
    from sqlmodel.sql.expression import SelectOfScalar

    from mentorapp.dataio.backup_zip import BackupService
    from mentorapp.documents.workbook_service import WorkbookService
    from mentorapp.impact.answers import SurveyService
    from mentorapp.impact.outcomes import OutcomeService
    from mentorapp.impact.owed import OwedService
    from mentorapp.impact.report import ImpactService
    from mentorapp.matching.service import MatchingService
    from mentorapp.people.interviews import InterviewService
    from mentorapp.people.privacy import PrivacyService
    from mentorapp.planning.budget import BudgetService
    from mentorapp.planning.plan import PlanService
    from mentorapp.planning.standing import StandingService
    from mentorapp.planning.timeline import TimelineService
    from mentorapp.programme.partners import PartnerService
    from mentorapp.running.board import RunningService
    from mentorapp.running.gatherings import GatheringService
    from mentorapp.running.meetings import MeetingService
    from mentorapp.running.reminders import ReminderService


@dataclass(frozen=True)
class DatabaseInfo:
    programmes: int
    cohorts: int
    adepts: int
    mentors: int
    partners: int
    schema: str

    def as_dict(self) -> dict[str, int | str]:
        return {
            "programmes": self.programmes,
            "cohorts": self.cohorts,
            "adepts": self.adepts,
            "mentors": self.mentors,
            "partners": self.partners,
            "schema": self.schema,
        }


class Services:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.programmes = ProgrammeService(database)
        self.guide = GuideService(database)
        self.participants = ParticipantService(database)
        self.pipeline = PipelineService(database)
        self.eligibility = EligibilityService(database)

    # Services the first screen does not need are made on first use: their modules (PDF
    # rendering, the solver's tables, backups) then stay out of start-up.
    @cached_property
    def workbooks(self) -> WorkbookService:
        from mentorapp.documents.workbook_service import WorkbookService

        return WorkbookService(self.database)

    @cached_property
    def matching(self) -> MatchingService:
        from mentorapp.matching.service import MatchingService

        return MatchingService(self.database)

    @cached_property
    def meetings(self) -> MeetingService:
        from mentorapp.running.meetings import MeetingService

        return MeetingService(self.database)

    @cached_property
    def running(self) -> RunningService:
        from mentorapp.running.board import RunningService

        return RunningService(self.database)

    @cached_property
    def gatherings(self) -> GatheringService:
        from mentorapp.running.gatherings import GatheringService

        return GatheringService(self.database)

    @cached_property
    def reminders(self) -> ReminderService:
        from mentorapp.running.reminders import ReminderService

        return ReminderService(self.database)

    @cached_property
    def timeline(self) -> TimelineService:
        from mentorapp.planning.timeline import TimelineService

        return TimelineService(self.database)

    @cached_property
    def budget(self) -> BudgetService:
        from mentorapp.planning.budget import BudgetService

        return BudgetService(self.database)

    @cached_property
    def plan(self) -> PlanService:
        from mentorapp.planning.plan import PlanService

        return PlanService(self.database)

    @cached_property
    def interviews(self) -> InterviewService:
        from mentorapp.people.interviews import InterviewService

        return InterviewService(self.database)

    @cached_property
    def standing(self) -> StandingService:
        from mentorapp.planning.standing import StandingService

        return StandingService(self.database)

    @cached_property
    def partners(self) -> PartnerService:
        from mentorapp.programme.partners import PartnerService

        return PartnerService(self.database)

    @cached_property
    def backups(self) -> BackupService:
        from mentorapp.dataio.backup_zip import BackupService

        return BackupService(self.database)

    @cached_property
    def privacy(self) -> PrivacyService:
        from mentorapp.people.privacy import PrivacyService

        return PrivacyService(self.database)

    @cached_property
    def surveys(self) -> SurveyService:
        from mentorapp.impact.answers import SurveyService

        return SurveyService(self.database)

    @cached_property
    def outcomes(self) -> OutcomeService:
        from mentorapp.impact.outcomes import OutcomeService

        return OutcomeService(self.database)

    @cached_property
    def owed(self) -> OwedService:
        from mentorapp.impact.owed import OwedService

        return OwedService(self.database)

    @cached_property
    def impact(self) -> ImpactService:
        from mentorapp.impact.report import ImpactService

        return ImpactService(self.database)

    @classmethod
    def open(cls, path: Path) -> Services:
        """Open (creating) without the lock: only for throwaway files, the demo and tests.

        Everything a user opens goes through ``to_read``/``to_write`` or the GUI's Workspace.
        """
        return cls(open_database(path))

    @classmethod
    @contextmanager
    def opened(cls, path: Path) -> Iterator[Services]:
        """``open`` for one job, closed afterwards (tests and benchmarks; no lock)."""
        services = cls.open(path)
        try:
            yield services
        finally:
            services.close()

    @classmethod
    @contextmanager
    def to_read(cls, path: Path) -> Iterator[Services]:
        """Open for one job that only looks (works while another Mentorapp writes)."""
        from mentorapp.db.opening import open_for_reading

        services = cls(open_for_reading(path))
        try:
            yield services
        finally:
            services.close()

    @classmethod
    @contextmanager
    def to_write(cls, path: Path, create: bool = False) -> Iterator[Services]:
        """Open for one job that changes the file, holding its lock until the job is done.

        ``create``: the job makes a new programme, so a missing file (never a missing folder)
        may be created.
        """
        from mentorapp.db.opening import open_for_writing

        held = open_for_writing(path, create=create)
        services = cls(held.database)
        try:
            yield services
        finally:
            held.close()

    def close(self) -> None:
        self.database.close()

    def info(self) -> DatabaseInfo:
        """Counts for a quick look at a file; people are counted once per role."""
        with self.database.reading() as session:

            def count(query: SelectOfScalar[int]) -> int:
                return session.exec(query).one()

            def people(role: Role) -> int:
                query = select(func.count(distinct(col(Enrolment.person_id))))
                return count(query.where(Enrolment.role == role.value))

            return DatabaseInfo(
                programmes=count(select(func.count()).select_from(Programme)),
                cohorts=count(select(func.count()).select_from(Cohort)),
                adepts=people(Role.ADEPT),
                mentors=people(Role.MENTOR),
                partners=count(select(func.count()).select_from(Organisation)),
                schema=schema_revision(self.database),
            )
