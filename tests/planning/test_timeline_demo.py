"""The demo shows a realistic timeline: programme rules and a milestone moved by hand."""

from __future__ import annotations

from pathlib import Path

from mentorapp.demo.writer import write_demo
from mentorapp.guide.checklist import Scope
from mentorapp.planning.milestones import by_key
from mentorapp.workspace.services import Services
from tests.demo_helpers import demo_round_names


def test_the_demo_running_round_has_moved_milestones(tmp_path: Path) -> None:
    finished_name, running_name = demo_round_names()
    with Services.opened(tmp_path / "demo.db") as services:
        write_demo(services.database)
        running = services.programmes.round_named(running_name)
        finished = services.programmes.round_named(finished_name)
        now = by_key(services.timeline.milestones(running.id))
        assert now["midpoint"].moved and now["closing"].moved
        assert now["closing"].on.weekday() == 3  # a Thursday evening
        assert not any(m.moved for m in services.timeline.milestones(finished.id))
        # The programme sends the end survey a week before the end, in every round.
        before = by_key(services.timeline.milestones(finished.id))
        assert (before["end"].on - before["end_survey"].on).days == 7
        due = services.timeline.due_items(Scope(running.programme_id, running.id), "sv")
        training = next(d for d in due if d.item == "mentor_training")
        assert training.own_offset and (now["kickoff"].on - training.due).days == 10
