"""The Running page's table model and proxy on constructed groups: sorting and filtering."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from mentorapp.gui.models.running_model import (
    ATTENTION,
    GROUP_ID_ROLE,
    HEALTH,
    LAST,
    MENTOR,
    NEXT,
    RunningModel,
    RunningProxy,
    health_counts_text,
)
from mentorapp.i18n import set_language
from mentorapp.people.records import ParticipantRow
from mentorapp.running.board import health_of
from mentorapp.running.health import HealthRules
from mentorapp.running.schedule import GroupSchedule, Meeting, RoundSchedule

pytestmark = pytest.mark.gui

TODAY = date(2027, 3, 20)
KICKOFF = date(2027, 1, 15)


def person(number: int, first: str, last: str, role: str = "mentor") -> ParticipantRow:
    return ParticipantRow(
        enrolment_id=number,
        person_id=number,
        cohort_id=1,
        role=role,
        status="active",
        status_changed_on=None,
        first_name=first,
        last_name=last,
        email=f"{first.lower()}.{number}@example.se",
    )


def group(
    number: int,
    mentor: tuple[str, str],
    held: list[date | None],
    due: list[date],
    ended: bool = False,
) -> GroupSchedule:
    meetings = tuple(
        Meeting(
            n,
            planned_on=due[n - 1],
            window=None,
            state="held" if held[n - 1] else "planned",
            held_on=held[n - 1],
        )
        for n in range(1, len(due) + 1)
    )
    return GroupSchedule(
        id=number,
        mentor=person(number * 10, *mentor),
        adepts=(person(number * 10 + 1, "Adept", f"Nummer {number}", "adept"),),
        language="sv",
        meetings=meetings,
        ended_on=KICKOFF + timedelta(days=30) if ended else None,
        end_reason="Flyttar" if ended else "",
    )


DUE = [date(2027, 2, 1), date(2027, 3, 1), date(2027, 4, 1), date(2027, 5, 1)]
GROUPS = (
    # on track: last met 10 March, next due 1 April
    group(1, ("Örjan", "Ek"), [date(2027, 2, 2), date(2027, 3, 10), None, None], DUE),
    # not started: nothing held two months after the kick-off
    group(2, ("Åsa", "Lind"), [None, None, None, None], DUE),
    # needs a check-in: meeting 2 overdue by more than two weeks
    group(3, ("Ali", "Berg"), [date(2027, 1, 30), None, None, None], DUE),
    # ended
    group(4, ("Bo", "Ström"), [date(2027, 1, 20), None, None, None], DUE, ended=True),
    # on track, last met earlier, next due later
    group(5, ("Cecilia", "Alm"), [date(2027, 1, 29), date(2027, 2, 27), None, None], DUE),
)


@pytest.fixture
def proxy(qtbot):
    schedule = RoundSchedule(1, "Vår 2027", KICKOFF, date(2027, 6, 1), "x", 4, GROUPS)
    model = RunningModel()
    model.set_groups(health_of(schedule, TODAY, HealthRules()), TODAY)
    proxy = RunningProxy()
    proxy.setSourceModel(model)
    return proxy


def shown(proxy: RunningProxy) -> list[int]:
    return [proxy.index(row, 0).data(GROUP_ID_ROLE) for row in range(proxy.rowCount())]


def column(proxy: RunningProxy, number: int) -> list[str]:
    return [proxy.index(row, number).data() for row in range(proxy.rowCount())]


def test_health_sorts_by_how_urgent_it_is(proxy) -> None:
    proxy.sort(HEALTH, Qt.SortOrder.AscendingOrder)
    assert column(proxy, HEALTH) == [
        "Not started",
        "Needs a check-in",
        "On track",
        "On track",
        "Ended",
    ]
    proxy.sort(HEALTH, Qt.SortOrder.DescendingOrder)
    assert column(proxy, HEALTH)[0] == "Ended" and column(proxy, HEALTH)[-1] == "Not started"


def test_dates_sort_as_dates_not_as_text(proxy) -> None:
    # As text "10 Mar" < "20 Jan" < "27 Feb" < "30 Jan"; as dates, never met first.
    proxy.sort(LAST, Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == [2, 4, 3, 5, 1]
    assert column(proxy, LAST)[0] == "None yet"
    # Next meeting: the earliest due first; an ended group has none and goes last.
    proxy.sort(NEXT, Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == [2, 3, 1, 5, 4]
    assert column(proxy, NEXT)[:3] == [
        "No. 1: 1 Feb 2027 (overdue)",
        "No. 2: 1 Mar 2027 (overdue)",
        "No. 3: 1 Apr 2027",
    ]
    assert column(proxy, NEXT)[-1] == ""
    overdue = proxy.index(0, NEXT)
    assert overdue.data(Qt.ItemDataRole.FontRole).bold()
    assert proxy.index(2, NEXT).data(Qt.ItemDataRole.FontRole) is None


def test_names_sort_in_the_ui_languages_order(proxy) -> None:
    set_language("sv")
    proxy.sourceModel().retranslate(TODAY)
    proxy.sort(MENTOR, Qt.SortOrder.AscendingOrder)
    assert column(proxy, MENTOR) == ["Ali Berg", "Bo Ström", "Cecilia Alm", "Åsa Lind", "Örjan Ek"]
    set_language("en")
    proxy.sourceModel().retranslate(TODAY)
    assert column(proxy, MENTOR) == ["Ali Berg", "Åsa Lind", "Bo Ström", "Cecilia Alm", "Örjan Ek"]


def test_filter_by_health_and_search(proxy) -> None:
    proxy.set_health_filter(ATTENTION)
    assert sorted(shown(proxy)) == [2, 3]
    proxy.set_health_filter("on_track")
    assert sorted(shown(proxy)) == [1, 5]
    proxy.set_health_filter("ended")
    assert shown(proxy) == [4]
    proxy.set_health_filter("")
    assert len(shown(proxy)) == 5
    # Search: names and e-mails, any case, every term must match; diacritics are letters.
    proxy.set_search("ÅSA")
    assert shown(proxy) == [2]
    proxy.set_search("asa")
    assert shown(proxy) == []
    proxy.set_search("nummer 3")
    assert shown(proxy) == [3]
    proxy.set_search("cecilia.50@")
    assert shown(proxy) == [5]
    proxy.set_health_filter(ATTENTION)
    assert shown(proxy) == []  # both at once
    proxy.set_search("")
    assert sorted(shown(proxy)) == [2, 3]


def test_the_counts_sentence() -> None:
    counts = {"on_track": 14, "needs_check_in": 1, "not_started": 0, "ended": 0}
    assert health_counts_text(counts, " · ") == "14 on track · 1 needs a check-in · 0 not started"
    counts["ended"] = 2
    assert health_counts_text(counts, ", ").endswith(", 2 ended")
