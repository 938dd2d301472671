"""One object whose coarse, domain-named signals tell every view what changed.

Every write through the GUI is announced here after it succeeded, named after what changed
and where (a programme, a round), so a view listens to what it shows instead of being
refreshed by hand. A page not on screen ignores them: it re-reads everything when it is
shown (``Page.refresh``). ``tests/gui/test_change_signals.py`` checks that every signal is
emitted somewhere and connected somewhere.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    # What changed. AppContext re-reads the programme and round before any view hears these.
    workspace_changed = Signal()  # another file, or this one restored: everything
    programme_changed = Signal()  # the programme itself (created, renamed, its weights …)
    cohorts_changed = Signal(int)  # programme id: a round added or edited, or another current
    checklist_changed = Signal(str)  # stage key
    criteria_changed = Signal(int)  # programme id: its eligibility criteria
    partners_changed = Signal(int)  # programme id: its partner organisations
    participants_changed = Signal(object)  # round id, or None: people of several rounds
    pair_rules_changed = Signal(int)  # round id: a pair locked, moved or ruled out
    groups_changed = Signal(int)  # round id: its accepted groups or their meeting dates
    meetings_changed = Signal(int)  # round id: a pair meeting recorded, a group contacted or ended
    gatherings_changed = Signal(int)  # round id: its joint gatherings, guests or attendance
    reminders_changed = Signal(int)  # round id: a reminder drafted (people's history notes)
    timeline_changed = Signal(int)  # round id: its milestones, or the items' due date rules
    surveys_changed = Signal(int)  # round id: survey answers entered or imported, forms handed out
    outcomes_changed = Signal(int)  # round id: an adept's job, internship or studies recorded
    settings_changed = Signal()  # the user's preferences, but for the language
    language_changed = Signal(str)
    # What the user asked for, wherever the button is.
    stage_requested = Signal(str)
    new_round_requested = Signal()
    edit_programme_requested = Signal()
    help_requested = Signal(str)
