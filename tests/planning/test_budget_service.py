"""The budget in a file: lines per programme and round, totals with the adepts placed, the CSV
export, the ``budget`` command and the printed PDF."""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import date
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.domain.models import Enrolment, GroupMember, MatchGroup, Person
from mentorapp.errors import ValidationError
from mentorapp.planning.budget_lines import BudgetDraft
from mentorapp.programme.programmes import CohortDraft


def place_adepts(services, cohort_id: int, count: int, accepted: bool = True) -> None:
    """``count`` adepts in one group of the round (accepted, or only proposed)."""
    with services.database.transaction() as session:
        mentor = Person(first_name="M", last_name=f"{cohort_id}", email=f"m{cohort_id}@x.se")
        session.add(mentor)
        session.flush()
        enrolment = Enrolment(person_id=mentor.id, cohort_id=cohort_id, role="mentor", capacity=3)
        session.add(enrolment)
        session.flush()
        group = MatchGroup(
            cohort_id=cohort_id,
            mentor_enrolment_id=enrolment.id,
            accepted_on=date(2027, 2, 1) if accepted else None,
        )
        session.add(group)
        session.flush()
        for number in range(count):
            adept = Person(
                first_name="A", last_name=str(number), email=f"a{cohort_id}-{number}@x.se"
            )
            session.add(adept)
            session.flush()
            entry = Enrolment(person_id=adept.id, cohort_id=cohort_id, role="adept")
            session.add(entry)
            session.flush()
            session.add(GroupMember(group_id=group.id, adept_enrolment_id=entry.id))


@pytest.fixture
def second_round(services, programme, cohort):
    draft = CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 12, 20), date(2027, 8, 1))
    return services.programmes.save_cohort(programme.id, draft)


def test_lines_are_kept_per_round_and_for_the_programme(services, programme, cohort) -> None:
    budget = services.budget
    venue = budget.add(programme.id, cohort.id, BudgetDraft("venue", "Lokal", 700_000))
    food = budget.add(programme.id, cohort.id, BudgetDraft("food", "Fika", 240_050, 231_000))
    ads = budget.add(programme.id, None, BudgetDraft("other", "Annonser", 450_000))
    assert [line.id for line in budget.lines(programme.id, cohort.id)] == [venue.id, food.id]
    assert [line.id for line in budget.lines(programme.id)] == [ads.id]
    assert venue.round_name == "Vår 2027" and ads.scope == "programme"

    budget.reorder(programme.id, cohort.id, [food.id, venue.id])
    assert [line.id for line in budget.lines(programme.id, cohort.id)] == [food.id, venue.id]
    budget.move(food.id, 1)
    assert [line.id for line in budget.lines(programme.id, cohort.id)] == [venue.id, food.id]
    with pytest.raises(ValidationError):  # a list that misses a line changes nothing
        budget.reorder(programme.id, cohort.id, [food.id])

    changed = budget.update(food.id, BudgetDraft("grant", "Bidrag", 5_000_000))
    assert changed.kind == "income" and changed.actual is None
    budget.remove(venue.id)
    assert [line.id for line in budget.lines(programme.id, cohort.id)] == [food.id]
    with pytest.raises(ValidationError):
        budget.update(venue.id, BudgetDraft("venue"))


def test_coordinator_hours_are_stored_as_hours_times_rate(services, programme, cohort) -> None:
    draft = BudgetDraft("coordinator_hours", "Samordnare", 0, None, 200, None, 45_000)
    line = services.budget.add(programme.id, cohort.id, draft)
    assert line.planned == 9_000_000 and line.actual is None  # 200 h × 450 kr = 90 000 kr
    line = services.budget.update(line.id, BudgetDraft(**{**vars(draft), "actual_hours": 12.5}))
    assert line.actual == 562_500


def test_a_refused_line_changes_nothing(services, programme, cohort) -> None:
    line = services.budget.add(programme.id, cohort.id, BudgetDraft("venue", "Lokal", 700_000))
    with pytest.raises(ValidationError):
        services.budget.update(line.id, BudgetDraft("nonsense", "Lokal", 1))
    with pytest.raises(ValidationError):
        services.budget.add(programme.id, cohort.id + 99, BudgetDraft("venue"))
    assert services.budget.lines(programme.id, cohort.id) == [line]


def test_totals_and_cost_per_adept_placed(services, programme, cohort, second_round) -> None:
    budget = services.budget
    budget.add(programme.id, cohort.id, BudgetDraft("venue", "", 1_000_000, 1_000_001))
    budget.add(programme.id, cohort.id, BudgetDraft("grant", "", 600_000, 600_000))
    budget.add(programme.id, second_round.id, BudgetDraft("food", "", 500_000))
    budget.add(programme.id, None, BudgetDraft("other", "", 300_000))

    nobody = budget.summary(programme.id, cohort.id)
    assert nobody.placed == 0
    assert nobody.cost_per_adept_planned is None and nobody.cost_per_adept_actual is None

    place_adepts(services, cohort.id, 3)
    place_adepts(services, second_round.id, 2)
    spring = budget.summary(programme.id, cohort.id)
    assert spring.placed == 3
    assert spring.totals.planned_cost == 1_000_000  # the round's own lines only
    assert spring.totals.planned_balance == -400_000
    assert spring.totals.actual_balance == -400_001
    assert spring.cost_per_adept_planned == 333_333  # 10 000 kr / 3 = 3 333,33 kr
    assert spring.cost_per_adept_actual == 333_334  # 10 000,01 kr / 3 = 3 333,336… kr
    assert spring.programme_lines is not None and spring.programme_lines.planned_cost == 300_000

    whole = budget.summary(programme.id, None)
    assert whole.placed == 5
    assert whole.totals.planned_cost == 1_800_000  # every line of the programme
    assert whole.cost_per_adept_planned == 360_000
    assert whole.totals.actual_cost == 1_000_001  # only the lines with an actual amount


def test_a_proposal_not_yet_accepted_places_nobody(services, programme, cohort) -> None:
    place_adepts(services, cohort.id, 4, accepted=False)
    assert services.budget.summary(programme.id, cohort.id).placed == 0


def test_the_csv_is_spreadsheet_safe_and_owner_only(services, programme, cohort, tmp_path):
    from mentorapp.dataio.budget_csv import write_budget_csv

    services.budget.add(programme.id, cohort.id, BudgetDraft("printing", "=SUM(1)", 297_550))
    services.budget.add(programme.id, None, BudgetDraft("grant", "@kommunen", 8_000_000))
    path = tmp_path / "budget.csv"
    assert write_budget_csv(services.budget, programme.id, cohort.id, path) == 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8-sig")
    assert "'=SUM(1)" in text and "'@kommunen" in text
    assert "\n=SUM" not in text and ",=SUM" not in text
    assert "2975.50" in text  # a plain number a spreadsheet adds up
    with path.open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.reader(stream))
    assert table[0][:4] == ["Round", "Cost or income", "Category", "Description"]
    assert table[1][3] == "'=SUM(1)"
    assert "Totals for Vår 2027" in text and "Cost per adept placed" in text


def test_the_csv_is_in_the_ui_language(services, programme, cohort, tmp_path) -> None:
    from mentorapp import i18n
    from mentorapp.dataio.budget_csv import write_budget_csv

    i18n.set_language("sv")
    services.budget.add(programme.id, cohort.id, BudgetDraft("food", "Fika", 240_050))
    path = tmp_path / "budget.csv"
    write_budget_csv(services.budget, programme.id, cohort.id, path, ";")
    first, line = path.read_text(encoding="utf-8-sig").splitlines()[:2]
    assert first.startswith("Omgång;Kostnad eller intäkt;Kategori;Beskrivning")
    assert "Mat vid träffar" in line and "2400,50" in line


def test_the_command_prints_lines_and_totals_as_json(services, programme, cohort, db_path, capsys):
    services.budget.add(programme.id, cohort.id, BudgetDraft("venue", "Lokal", 1_250_050))
    hours = BudgetDraft("coordinator_hours", "Samordnare", 0, None, 200, None, 45_000)
    services.budget.add(programme.id, cohort.id, hours)
    services.budget.add(programme.id, None, BudgetDraft("grant", "Kommunen", 8_000_000))
    place_adepts(services, cohort.id, 2)
    services.close()
    assert main(["--db", str(db_path), "budget", "--cohort", "vår 2027", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["round"] == "Vår 2027" and data["scope"] == "round"
    venue, coordinator, grant = data["lines"]
    assert venue["planned"] == 12500.5 and venue["planned_ore"] == 1_250_050
    assert venue["scope"] == "round" and venue["counted"] is True
    assert coordinator["planned_ore"] == 9_000_000 and coordinator["rate_ore"] == 45_000
    assert grant["scope"] == "programme" and grant["counted"] is False
    assert data["totals"]["planned_cost_ore"] == 10_250_050
    assert data["totals"]["actual_cost"] is None
    assert data["programme_lines"]["planned_income_ore"] == 8_000_000
    assert data["placed"] == 2
    assert data["cost_per_adept"]["planned_ore"] == 5_125_025

    assert main(["--db", str(db_path), "budget", "--whole-programme", "--json"]) == 0
    whole = json.loads(capsys.readouterr().out)
    assert whole["totals"]["planned_balance_ore"] == 8_000_000 - 10_250_050
    assert whole["round"] is None and whole["programme_lines"] is None


def test_the_command_writes_the_csv_and_refuses_an_unknown_round(
    services, programme, cohort, db_path, tmp_path, capsys
) -> None:
    services.budget.add(programme.id, cohort.id, BudgetDraft("venue", "Lokal", 700_000))
    services.close()
    out = tmp_path / "b.csv"
    assert main(["--db", str(db_path), "budget", "--csv", str(out)]) == 0
    assert "Lokal" in out.read_text(encoding="utf-8-sig")
    capsys.readouterr()
    assert main(["--db", str(db_path), "budget", "--cohort", "Höst 1999", "--json"]) == 2
    error = capsys.readouterr().err
    assert "Höst 1999" in error and "Traceback" not in error
    assert len(error.strip().splitlines()) == 1


def test_the_budget_pdf_reads_back(services, programme, cohort) -> None:
    from pypdf import PdfReader

    from mentorapp.documents.budget_pdf import render_budget

    services.budget.add(programme.id, cohort.id, BudgetDraft("venue", "Lokal på biblioteket", 7))
    hours = BudgetDraft("coordinator_hours", "Samordnare Łukasz", 0, None, 200, None, 45_000)
    services.budget.add(programme.id, cohort.id, hours)
    services.budget.add(programme.id, None, BudgetDraft("grant", "Norrviks kommun", 8_000_000))
    out = io.BytesIO()
    view = services.budget.budget(programme.id, cohort.id)
    pages = render_budget(view, out, "Föreningen Broar")
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert pages == len(reader.pages) >= 1
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Budget for Vår 2027" in text
    assert "Lokal på biblioteket" in text and "Samordnare Łukasz" in text
    assert "SEK90,000.07" in text.replace(" ", "")  # the round's total costs
    assert "Norrviks kommun" in text and "not counted above" in text
    assert "nobody is placed yet" in text
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # embedded TrueType
            fonts.add(str(font["/BaseFont"]))
    assert fonts and all("DejaVu" in name for name in fonts)


def test_the_demo_has_a_budget(tmp_path: Path) -> None:
    from mentorapp.demo.writer import write_demo
    from mentorapp.workspace.services import Services
    from tests.demo_helpers import demo_round_names

    finished_name, running_name = demo_round_names()
    with Services.opened(tmp_path / "demo.db") as services:
        write_demo(services.database)
        programme = services.programmes.programme()
        rounds = {c.name: c for c in services.programmes.cohorts(programme.id)}
        finished = services.budget.budget(programme.id, rounds[finished_name].id)
        running = services.budget.budget(programme.id, rounds[running_name].id)
    categories = {line.category for line in running.lines}
    assert {"venue", "food", "printing", "coordinator_hours", "grant", "own_cofinancing"} <= (
        categories
    )
    coordinator = next(line for line in running.lines if line.category == "coordinator_hours")
    assert (coordinator.planned_hours, coordinator.rate) == (200, 45_000)
    assert coordinator.planned == 9_000_000
    assert all(line.actual is not None for line in finished.lines)  # the round is over
    assert running.others  # programme-wide lines
