"""Printing a round's workbooks: the accepted groups as ``WorkbookData``, and the PDF files.

Groups are read straight from the tables (MatchGroup, GroupMember, PlannedMeeting and the
people behind them), so printing does not depend on how matching works. Files are written to
a temporary name and then moved into place, so a crash or a cancel never leaves half a PDF.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlmodel import col, select

from mentorapp.db import Database
from mentorapp.documents.workbook_content import (
    WorkbookContent,
    WorkbookContentError,
    content_for,
)
from mentorapp.documents.workbook_data import WorkbookData
from mentorapp.domain.models import (
    Cohort,
    Enrolment,
    GroupMember,
    MatchGroup,
    Person,
    PlannedMeeting,
    Programme,
)
from mentorapp.errors import MentorappError, move_into_place
from mentorapp.i18n import LANGUAGES, N_, current_language
from mentorapp.paths import make_private_folders, safe_file_name
from mentorapp.people.collation import sort_key

BOTH = "both"  # a language choice: every language, a file each
MAX_NAME = 120  # characters in a file name before ".pdf", well within every system's limit

Progress = Callable[[int, int], None]  # (files written, files in all)


class NothingToPrint(MentorappError):
    title = N_("There is nothing to print yet")


class WorkbookService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def groups_for_print(self, cohort_id: int, page_size: str = "A4") -> list[WorkbookData]:
        """One ``WorkbookData`` per accepted group of the round, by the mentor's name."""
        with self._db.reading() as session:
            cohort = session.get(Cohort, cohort_id)
            if cohort is None:
                raise MentorappError(N_("The round could not be found. It may have been removed."))
            programme = session.get(Programme, cohort.programme_id)
            assert programme is not None
            mentors = session.exec(
                select(MatchGroup, Person)
                .join(Enrolment, col(Enrolment.id) == MatchGroup.mentor_enrolment_id)
                .join(Person, col(Person.id) == Enrolment.person_id)
                .where(MatchGroup.cohort_id == cohort_id, col(MatchGroup.ended_on).is_(None))
            ).all()
            group_ids = [group.id for group, _person in mentors]
            adepts = session.exec(
                select(GroupMember.group_id, Person)
                .join(Enrolment, col(Enrolment.id) == GroupMember.adept_enrolment_id)
                .join(Person, col(Person.id) == Enrolment.person_id)
                .where(col(GroupMember.group_id).in_(group_ids))
            ).all()
            meetings = session.exec(
                select(PlannedMeeting).where(col(PlannedMeeting.group_id).in_(group_ids))
            ).all()
        language = current_language()
        adepts_of: dict[int, list[Person]] = {}
        for group_id, person in adepts:
            adepts_of.setdefault(group_id, []).append(person)
        dates_of: dict[int, dict[int, date]] = {}
        for meeting in meetings:
            if meeting.planned_on is not None and meeting.state != "cancelled":
                dates_of.setdefault(meeting.group_id, {})[meeting.number] = meeting.planned_on

        def order(person: Person) -> tuple:
            return sort_key(person.last_name, language), sort_key(person.first_name, language)

        result = []
        for group, mentor in sorted(mentors, key=lambda row: order(row[1])):
            assert group.id is not None
            members = sorted(adepts_of.get(group.id, []), key=order)
            if not members:
                continue  # a mentor without adepts is not a group to print for
            result.append(
                WorkbookData(
                    programme_name=programme.name,
                    organisation=programme.organisation,
                    logo=programme.logo,
                    mentor=full_name(mentor),
                    adepts=[full_name(person) for person in members],
                    round_name=cohort.name,
                    start=cohort.start,
                    end=cohort.end,
                    coordinator_name=programme.contact_name,
                    coordinator_email=programme.contact_email,
                    meeting_dates=dict(sorted(dates_of.get(group.id, {}).items())),
                    language=group.language if group.language in LANGUAGES else "sv",
                    page_size=page_size,
                    group_id=group.id,
                )
            )
        return result

    def write_workbooks(
        self,
        cohort_id: int,
        out_dir: Path,
        language: str | None = None,
        combined: bool = False,
        group_ids: list[int] | None = None,
        custom_dir: Path | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        page_size: str = "A4",
        warn: Callable[[WorkbookContentError], None] | None = None,
        group_languages: Mapping[int, str | None] | None = None,
        separate: bool | None = None,
        record: bool = False,
    ) -> list[Path]:
        """Write the round's workbooks to ``out_dir``; returns the files written. The CLI and
        the GUI both print through here, so they make the same files for the same choices.

        ``language`` None prints each group in its own meeting language, a language code
        prints all in that language and "both" prints each in every language (file names end
        in _sv, _en …); ``group_languages`` chooses so per group, over ``language``.
        ``separate`` writes a file per group (the default unless ``combined``); ``combined``
        writes one file named after the round per language (``_sv`` …) with every group
        printed in it, and one with the groups printed in their own meeting languages.
        ``cancelled()`` is asked between files; files already written are kept. An
        organisation's edited text in ``custom_dir`` that cannot be used is passed to
        ``warn`` and ours is used instead. ``record`` notes today as the day the written
        groups' workbooks were printed (the overview counts them; needs a writable file).
        """
        datas = self.groups_for_print(cohort_id, page_size)
        if group_ids is not None:
            datas = [data for data in datas if data.group_id in set(group_ids)]
        if not datas:
            with self._db.reading() as session:
                cohort = session.get(Cohort, cohort_id)
            raise NothingToPrint(
                N_(
                    "The round “{round}” has no accepted groups to print for. Accept matches "
                    "in the Matching stage first, then print the workbooks."
                ),
                round=cohort.name if cohort else "",
            )
        chosen = {data.group_id: language for data in datas} | dict(group_languages or {})
        if separate is None:
            separate = not combined
        jobs = _plan(datas, chosen, separate=separate, combined=combined)
        contents: dict[str, WorkbookContent] = {}
        for code in sorted({book.language for _name, books in jobs for book in books}):
            choice = content_for(code, custom_dir)
            if choice.error is not None and warn is not None:
                warn(choice.error)
            contents[code] = choice.content
        out_dir = make_private_folders(Path(out_dir))  # the PDFs hold names: owner-only
        written: list[Path] = []
        printed: set[int] = set()
        for name, books in jobs:
            if cancelled is not None and cancelled():
                break
            written.append(_write(out_dir / name, books, contents))
            printed.update(book.group_id for book in books if book.group_id is not None)
            if progress is not None:
                progress(len(written), len(jobs))
        if record and printed:
            self.mark_printed(cohort_id, sorted(printed))
        return written

    def mark_printed(
        self, cohort_id: int, group_ids: list[int] | None = None, on: date | None = None
    ) -> None:
        """Note ``on`` (today) as the day these groups' workbooks were printed (None: every
        accepted group of the round)."""
        with self._db.transaction() as session:
            query = select(MatchGroup).where(MatchGroup.cohort_id == cohort_id)
            if group_ids is not None:
                query = query.where(col(MatchGroup.id).in_(group_ids))
            for group in session.exec(query):
                group.workbook_printed_on = on or date.today()
                session.add(group)


def full_name(person: Person) -> str:
    return f"{person.first_name} {person.last_name}".strip()


def file_stem(text: str) -> str:
    """A safe file name without extension, cut to ``MAX_NAME`` characters."""
    return safe_file_name(safe_file_name(text)[:MAX_NAME])


Jobs = list[tuple[str, list[WorkbookData]]]  # (file name, the workbooks in it)


def _plan(
    datas: list[WorkbookData],
    chosen: Mapping[int | None, str | None],
    separate: bool,
    combined: bool,
) -> Jobs:
    """Every file of a run, names unique within it. ``chosen`` is each group's language
    choice: None (its meeting language), a code, or "both".

    Separate files come first, in one batch per choice; then the combined files: the groups
    in their own meeting languages share one, and each language has one for every group
    printed in it (so a group in "both" is in each).
    """
    taken: set[str] = set()
    batches: dict[str | None, list[WorkbookData]] = {}
    for data in datas:
        batches.setdefault(chosen[data.group_id] or None, []).append(data)
    jobs: Jobs = []
    if separate:
        for choice, books in batches.items():
            languages: list[str | None] = list(LANGUAGES) if choice == BOTH else [choice]
            jobs += _jobs(books, languages, False, suffix=choice == BOTH, taken=taken)
    if combined:
        if None in batches:
            jobs += _jobs(batches[None], [None], True, suffix=False, taken=taken)
        for code in LANGUAGES:
            books = [data for data in datas if chosen[data.group_id] in (code, BOTH)]
            if books:
                jobs += _jobs(books, [code], True, suffix=True, taken=taken)
    return jobs


def _jobs(
    datas: list[WorkbookData],
    languages: list[str | None],
    combined: bool,
    suffix: bool,
    taken: set[str],
) -> Jobs:
    """The files for ``datas`` in ``languages``; ``taken`` holds the names used so far."""
    jobs: Jobs = []
    for code in languages:
        books = [replace(data, language=code or data.language) for data in datas]
        # A combined file in a chosen language says so, so files of two languages never clash.
        end = f"_{code}" if (suffix or combined) and code else ""
        if combined:
            candidates = [(file_stem(datas[0].round_name), books)]
        else:
            candidates = [(file_stem(f"{b.mentor} – {', '.join(b.adepts)}"), [b]) for b in books]
        for stem, group in candidates:
            name, number = f"{stem}{end}.pdf", 1
            while name.casefold() in taken:
                number += 1
                name = f"{stem} ({number}){end}.pdf"
            taken.add(name.casefold())
            jobs.append((name, group))
    return jobs


def _write(path: Path, books: list[WorkbookData], contents: dict[str, WorkbookContent]) -> Path:
    """Render into a temporary file beside ``path``, then move it into place."""
    from mentorapp.documents.workbook_pdf import render_combined, render_workbook

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".workbook-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            if len(books) == 1:
                render_workbook(books[0], contents[books[0].language], out)
            else:
                render_combined(books, contents, out)
        if os.name == "posix":
            os.chmod(temporary, 0o600)  # mkstemp's mode already; the names stay the owner's
        move_into_place(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise MentorappError(
            N_("The workbook {path} could not be written: {detail}"), path=path, detail=str(exc)
        ) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
