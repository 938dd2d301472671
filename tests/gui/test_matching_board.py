import pytest
from PySide6.QtWidgets import QMessageBox

from mentorapp.gui.models.proposal_model import ADEPT_ID

pytestmark = pytest.mark.gui


@pytest.fixture
def accepted_round(services, cohort):
    """Three adepts and two mentors, all accepted, who can be matched in several ways."""
    people = [
        ("adept", "Åsa", "Öberg", "Malmö", ("sv",), "Ekonomi", "Handel", 1),
        ("adept", "Łukasz", "Żółć", "Malmö", ("sv", "en"), "Teknik", "Bygg", 1),
        ("adept", "Aylin", "Yıldız", "Lund", ("en",), "Juridik", "Handel", 1),
        ("mentor", "Karin", "Lundgren", "Malmö", ("sv", "en"), "Ekonomi", "Handel", 3),
        ("mentor", "Per", "Åkesson", "Malmö", ("sv",), "Teknik", "Bygg", 2),
    ]
    ids = {}
    for number, (role, first, last, city, languages, field, industry, capacity) in enumerate(
        people
    ):
        values = {
            "first_name": first,
            "last_name": last,
            "email": f"p{number}@example.com",
            "city": city,
            "languages": languages,
            "education_field_text": field,
            "industry_text": industry,
            "digital": True,
        }
        if role == "mentor":
            values["capacity"] = capacity
        row = services.participants.create(cohort.id, role, values)
        ids[first] = row.enrolment_id
    services.pipeline.change_status(list(ids.values()), "accepted")
    return ids


def board_of(window, qtbot):
    window.show_stage("matching")
    board = window.pages["matching"]._tools[0][0]
    qtbot.waitUntil(lambda: board._job is None and board.proposal is not None, timeout=20_000)
    return board


def select_adept(board, adept_id: int) -> None:
    model = board.model
    for group_row in range(model.rowCount()):
        parent = model.index(group_row, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(ADEPT_ID) == adept_id:
                board.tree.setCurrentIndex(index)
                return
    raise AssertionError("adept not in the proposal")


def test_propose_lock_move_and_accept(open_window, db_path, accepted_round, qtbot, monkeypatch):
    window = open_window(db_path)
    board = board_of(window, qtbot)
    proposal = board.proposal
    assert proposal.placed == 3 and proposal.source == "accepted"
    assert "3 adepts placed" in board.summary.text()

    # Lock Åsa with her mentor: the new proposal keeps the pair and shows it as locked.
    asa = accepted_round["Åsa"]
    select_adept(board, asa)
    mentor_before = board.proposal.mentor_of(asa)
    assert board.parts_model.rowCount() == 6  # every part of the score in words
    board.lock_button.click()
    qtbot.waitUntil(lambda: board._job is None, timeout=20_000)
    rules = window.context.services.matching.rules(window.context.cohort.id)
    assert rules[(mentor_before, asa)] == "locked"
    assert board.proposal.mentor_of(asa) == mentor_before

    # Moving Aylin (English only) to Per (Swedish only) breaks a hard rule: refused clearly.
    aylin = accepted_round["Aylin"]
    select_adept(board, aylin)
    per = accepted_round["Per"]
    board.move_combo.setCurrentIndex(board.move_combo.findData(per))
    assert board.move_combo.currentData() == per
    assert not board.move_button.isEnabled()
    assert "Not possible" in board.move_check.text()
    assert "language" in board.move_check.text().lower()

    # Both mentors have a free place whichever one Łukasz has: moving him to the other is
    # allowed, and the board shows the new score before the move.
    lukasz, karin = accepted_round["Łukasz"], accepted_round["Karin"]
    other = karin if board.proposal.mentor_of(lukasz) == per else per
    select_adept(board, lukasz)
    board.move_combo.setCurrentIndex(board.move_combo.findData(other))
    assert board.move_button.isEnabled()
    assert "New score" in board.move_check.text()
    board.move_button.click()
    qtbot.waitUntil(lambda: board._job is None, timeout=20_000)
    assert board.proposal.mentor_of(lukasz) == other
    assert window.context.services.matching.rules(window.context.cohort.id)[(other, lukasz)] == (
        "locked"
    )

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    board.accept_button.click()
    qtbot.waitUntil(lambda: board._job is None, timeout=20_000)
    groups = window.context.services.matching.groups(window.context.cohort.id)
    assert sum(len(group.adepts) for group in groups) == board.proposal.placed
    assert all(placement.accepted for g in board.proposal.groups for placement in g.adepts)


def test_never_pair_is_kept_apart(open_window, db_path, accepted_round, qtbot, monkeypatch):
    window = open_window(db_path)
    board = board_of(window, qtbot)
    asa = accepted_round["Åsa"]
    select_adept(board, asa)
    mentor = board.proposal.mentor_of(asa)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    board.never_button.click()
    qtbot.waitUntil(lambda: board._job is None, timeout=20_000)
    assert board.proposal.mentor_of(asa) != mentor


def test_a_never_is_taken_back_from_the_move_choice(
    open_window, db_path, accepted_round, qtbot, monkeypatch
):
    window = open_window(db_path)
    board = board_of(window, qtbot)
    matching, cohort_id = window.context.services.matching, window.context.cohort.id
    asa = accepted_round["Åsa"]
    select_adept(board, asa)
    mentor = board.proposal.mentor_of(asa)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    board.never_button.click()
    qtbot.waitUntil(lambda: board._job is None, timeout=20_000)
    assert matching.rules(cohort_id) == {(mentor, asa): "never"}

    # Choosing an allowed mentor offers no such button; choosing the "never" one does.
    select_adept(board, asa)
    assert board.proposal.mentor_of(asa) != mentor
    assert not board.allow_button.isVisibleTo(board)
    board.move_combo.setCurrentIndex(board.move_combo.findData(mentor))
    assert "never" in board.move_check.text() and not board.move_button.isEnabled()
    assert board.allow_button.isVisibleTo(board) and board.allow_button.isEnabled()
    board.allow_button.click()
    qtbot.waitUntil(lambda: board._job is None, timeout=20_000)
    assert matching.rules(cohort_id) == {}
    assert board.proposal.mentor_of(asa) == mentor  # the best pair is proposed again
    assert not board.allow_button.isVisibleTo(board)
