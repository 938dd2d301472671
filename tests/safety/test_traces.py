"""No hidden traces: half-written copies, older copies on request, an erased mentor's employer."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from mentorapp.dataio.csv_files import write_csv
from mentorapp.db import safety
from mentorapp.db.lock import DatabaseLock
from mentorapp.db.safety import SafetyCopies
from mentorapp.domain.models import Organisation, Person
from mentorapp.people.privacy import PrivacyService
from mentorapp.programme.partners import PartnerDraft
from mentorapp.workspace.services import Services
from mentorapp.workspace.workspace import Workspace

from .conftest import checkpoint
from .test_lock import other_process
from .test_privacy import SECRETS, add_person, raw_bytes, traces

EMAIL = SECRETS["email"]


def killed_copy(db_path: Path, suffix: str = "") -> Path:
    """What a safety copy killed half-way leaves: a hidden temporary holding an e-mail."""
    folder = SafetyCopies(db_path).folder
    folder.mkdir(exist_ok=True)
    partial = folder / f".{db_path.stem}-20270301-120000-daily.db.k1ll3d00.partial{suffix}"
    partial.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200 + EMAIL.encode())
    return partial


@pytest.fixture
def person(demo: Services) -> int:
    return add_person(demo)


# -- half-written copies -------------------------------------------------------------------


def test_erasure_removes_a_killed_safety_copy_and_reports_it(
    demo: Services, person: int, db_path: Path
) -> None:
    partial, journal = killed_copy(db_path), killed_copy(db_path, "-wal")
    with DatabaseLock(db_path):
        report = PrivacyService(demo.database).erase_person(person)
    assert not partial.exists() and not journal.exists()
    assert report.partials_removed == 2
    assert report.safety_copies == 0  # nothing else still holds the person


def test_a_partial_that_may_still_be_written_is_counted_not_removed(
    demo: Services, person: int, db_path: Path
) -> None:
    partial = killed_copy(db_path)  # nobody holds the lock: a writer may still be busy
    privacy = PrivacyService(demo.database)
    report = privacy.erase_person(person)
    assert partial.exists() and report.partials_removed == 0
    assert report.safety_copies == 1  # the user is told something still holds the data
    with DatabaseLock(db_path):  # the GUI's "delete the older copies" holds the lock
        assert privacy.erase_from_safety_copies(report) == 1
    assert not partial.exists()
    (fresh,) = SafetyCopies(db_path).list()
    assert traces(fresh.path.read_bytes()) == []


def test_opening_for_writing_cleans_partials(services: Services, db_path: Path) -> None:
    services.close()
    in_folder = killed_copy(db_path)
    beside = db_path.with_name(f".{db_path.name}.a1b2c3d4.partial")
    beside.write_text(EMAIL, encoding="utf-8")
    users_own = db_path.with_name(".export.csv.partial")  # a CSV export someone may be writing
    users_own.write_text(EMAIL, encoding="utf-8")
    workspace = Workspace.open(db_path)
    try:
        assert not in_folder.exists() and not beside.exists()
        assert users_own.exists()
    finally:
        workspace.close()


def test_partials_are_left_alone_while_another_process_holds_the_lock(
    services: Services, db_path: Path
) -> None:
    partial = killed_copy(db_path)
    holder = other_process(db_path)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "acquired"
        assert safety.remove_stale_partials(db_path) == 0
        assert partial.exists()
    finally:
        holder.communicate(timeout=30)
    with DatabaseLock(db_path):
        assert safety.remove_stale_partials(db_path) == 1
    assert not partial.exists()


def test_a_migration_copy_beside_the_file_from_an_early_mentorapp_is_a_safety_copy(
    demo: Services, person: int, db_path: Path
) -> None:
    checkpoint(db_path)
    legacy = db_path.with_name(f"{db_path.stem}.before-migration-0002-20261101-101010.db")
    shutil.copyfile(db_path, legacy)  # where Mentorapp 0.1 kept its copy before a migration
    (listed,) = SafetyCopies(db_path).list()
    assert listed.path == legacy and listed.reason == "before-migration"
    privacy = PrivacyService(demo.database)
    report = privacy.erase_person(person)
    assert report.safety_copies == 1
    assert privacy.erase_from_safety_copies(report) == 1
    assert not legacy.exists()


# -- deleting older copies from the command line -------------------------------------------


@pytest.fixture
def demo_file(cli, db_path: Path, capsys) -> Path:
    assert cli("--db", db_path, "demo-data") == 0
    capsys.readouterr()
    return db_path


def aged_copies(db_path: Path) -> tuple[Path, Path, Path]:
    copies, now = SafetyCopies(db_path), datetime.now()
    old = copies.make("daily", now=now - timedelta(days=40))
    recent = copies.make("quit", now=now - timedelta(days=10))
    return old, recent, copies.make("manual", now=now)


def test_delete_older_than_asks_first(cli, demo_file: Path, capsys) -> None:
    old, recent, new = aged_copies(demo_file)
    partial = killed_copy(demo_file)
    assert cli("--db", demo_file, "safety-copies", "--delete-older-than", "30") == 1
    out = capsys.readouterr().out
    assert old.name in out and recent.name not in out and "--yes" in out
    assert old.exists() and recent.exists() and new.exists() and partial.exists()

    assert cli("--db", demo_file, "safety-copies", "--delete-older-than", "30", "--yes") == 0
    out = capsys.readouterr().out
    assert "Deleted 1 safety copy" in out
    assert not old.exists() and recent.exists() and new.exists()
    assert not partial.exists()  # half-written copies are never of use
    assert not DatabaseLock(demo_file).path.exists()


def test_delete_all_keeps_one_fresh_copy(cli, demo_file: Path, capsys) -> None:
    made = aged_copies(demo_file)
    assert cli("--db", demo_file, "safety-copies", "--delete-all") == 1
    assert all(path.exists() for path in made)
    capsys.readouterr()
    assert cli("--db", demo_file, "safety-copies", "--delete-all", "--yes") == 0
    assert "Deleted 3 safety copies" in capsys.readouterr().out
    assert not any(path.exists() for path in made)
    (fresh,) = SafetyCopies(demo_file).list()
    assert fresh.reason == "manual" and fresh.readable


def test_nothing_to_delete_is_said(cli, demo_file: Path, capsys) -> None:
    assert cli("--db", demo_file, "safety-copies", "--delete-older-than", "30", "--yes") == 0
    assert "No safety copy is older than 30 days" in capsys.readouterr().out


def test_deleting_copies_waits_for_the_other_mentorapp(cli, demo_file: Path, capsys) -> None:
    old, recent, new = aged_copies(demo_file)
    holder = other_process(demo_file)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "acquired"
        assert cli("--db", demo_file, "safety-copies", "--delete-all", "--yes") == 2
        assert "is open in Mentorapp by" in capsys.readouterr().err
        assert old.exists() and recent.exists() and new.exists()
    finally:
        holder.communicate(timeout=30)


@pytest.mark.parametrize("days", ["abc", "-3", "1.5"])
def test_a_bad_number_of_days_is_one_sentence(cli, demo_file: Path, capsys, days: str) -> None:
    old, _recent, _new = aged_copies(demo_file)
    assert cli("--db", demo_file, "safety-copies", "--delete-older-than", days, "--yes") == 2
    err = capsys.readouterr().err
    assert "whole number of days" in err and "Traceback" not in err
    assert old.exists()


def test_erasing_points_to_the_delete_command(cli, demo_file: Path, capsys) -> None:
    aged_copies(demo_file)
    assert cli("--db", demo_file, "person-erase", "samira.benali@example.com", "--yes") == 0
    out = capsys.readouterr().out
    assert "safety-copies --delete-all --yes" in out and str(demo_file) in out


# -- files written beside -----------------------------------------------------------------


def test_a_failing_csv_export_leaves_no_partial_file(tmp_path: Path) -> None:
    def rows():
        yield [EMAIL]
        raise ValueError("the data went away")

    target = tmp_path / "export.csv"
    with pytest.raises(ValueError):
        write_csv(target, ["email"], rows())
    assert list(tmp_path.iterdir()) == []


# -- an erased mentor's employer -----------------------------------------------------------

MENTOR = {
    "first_name": "Anna",
    "last_name": "Lindqvist",
    "email": "anna.lindqvist@example.se",
    "city": "Umeå",
    "languages": ("sv",),
    "education_field_text": "Ekonomi",
    "industry_text": "Handel",
}


def add_mentor(services: Services, cohort, employer: str, email: str = MENTOR["email"]) -> int:
    row = services.participants.create(
        cohort.id, "mentor", {**MENTOR, "email": email, "employer": employer}
    )
    return row.person_id


def organisations(services: Services) -> dict[str, Organisation]:
    with services.database.reading() as session:
        return {o.name: o for o in session.exec(select(Organisation))}


def test_an_employer_only_the_erased_mentor_named_goes(services: Services, cohort) -> None:
    mentor = add_mentor(services, cohort, "Lindqvists Bokföring")
    services.partners.save(cohort.programme_id, PartnerDraft("Region Västerbotten"))
    assert "Lindqvists Bokföring" in organisations(services)
    services.privacy.erase_person(mentor)
    assert set(organisations(services)) == {"Region Västerbotten"}  # a partner of its own stays


def test_a_shared_employer_stays_without_the_link(services: Services, cohort) -> None:
    mentor = add_mentor(services, cohort, "Umeå kommun")
    colleague = add_mentor(services, cohort, "umeå kommun", email="kollega@example.se")
    services.privacy.erase_person(mentor)
    kept = organisations(services)["Umeå kommun"]
    with services.database.reading() as session:
        assert session.get(Person, mentor).organisation_id is None
        assert session.get(Person, colleague).organisation_id == kept.id


def test_a_partner_whose_contact_was_the_mentor_forgets_her(services: Services, cohort) -> None:
    mentor = add_mentor(services, cohort, "Norrlandsbanken")
    (partner,) = organisations(services).values()
    draft = PartnerDraft(
        "Norrlandsbanken", "Anna Lindqvist", MENTOR["email"].upper(), "Sponsrar fikat"
    )
    services.partners.save(cohort.programme_id, draft, partner.id)
    other = services.partners.save(
        cohort.programme_id, PartnerDraft("Skellefteå AB", "Olle Berg", "olle@example.se")
    )
    services.privacy.erase_person(mentor)
    kept = organisations(services)
    bank = kept["Norrlandsbanken"]
    assert (bank.contact_name, bank.contact_email, bank.note) == ("", "", "Sponsrar fikat")
    assert kept["Skellefteå AB"].id == other and kept["Skellefteå AB"].contact_name == "Olle Berg"


def test_a_sole_traders_firm_named_after_the_mentor_goes(
    services: Services, cohort, db_path: Path
) -> None:
    mentor = add_mentor(services, cohort, "Anna Lindqvist Konsult")
    (firm,) = organisations(services).values()
    draft = PartnerDraft("Anna Lindqvist Konsult", note="Enskild firma, hjälper med rekrytering")
    services.partners.save(cohort.programme_id, draft, firm.id)
    report = services.privacy.erase_person(mentor)
    assert organisations(services) == {}
    assert report.file_cleaned and b"Lindqvist Konsult" not in raw_bytes(db_path)


def test_erasing_in_the_window_removes_partials_and_older_copies(
    db_path: Path, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from mentorapp.demo.writer import write_demo
    from mentorapp.gui.dialogs import privacy_actions

    services = Services.open(db_path)
    write_demo(services.database)
    services.close()
    workspace = Workspace.open(db_path)  # holds the lock and makes the day's copy
    asked: list[str] = []
    yes = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    try:
        (daily,) = SafetyCopies(db_path).list()
        partial = killed_copy(db_path)
        privacy = workspace.services.privacy
        person = privacy.find("samira.benali@example.com")
        assert privacy_actions.erase_people(None, workspace.services, [person], ["Samira"])
        assert not partial.exists() and not daily.path.exists()
        assert "1 older safety copy" in asked[1]
        (fresh,) = SafetyCopies(db_path).list()
        assert fresh.reason == "manual" and b"samira.benali" not in fresh.path.read_bytes()
    finally:
        workspace.close()


def test_a_firm_whose_name_only_contains_the_letters_of_hers_stays(
    services: Services, cohort
) -> None:
    mentor = add_mentor(services, cohort, "Joanna Lindqvistsson AB")
    (firm,) = organisations(services).values()
    draft = PartnerDraft("Joanna Lindqvistsson AB", note="Lånar ut lokalen")
    services.partners.save(cohort.programme_id, draft, firm.id)
    services.privacy.erase_person(mentor)
    assert organisations(services)["Joanna Lindqvistsson AB"].note == "Lånar ut lokalen"
