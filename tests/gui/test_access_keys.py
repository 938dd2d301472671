"""No two access keys (the underlined & letters) on screen at once share a letter.

Alt+letter goes to the one control with that letter; when two share it, Qt only moves the
focus between them and the second can never be pressed by its key. On each stage page, for
each of its tabs in turn, the visible buttons, labels with a buddy, group boxes and tabs are
collected together with the menu bar's titles and the toolbar's, in both languages.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget

from mentorapp.gui.pages.stage_page import StagePage
from mentorapp.gui.widgets.running_board import RunningBoard
from mentorapp.guide.stages import STAGES

pytestmark = pytest.mark.gui

# Clashes left, as (language, stage, tab, letter); each was reported, none may be added.
# The programme plan (the same form on two stages) repeats its goal fields once per goal
# ("&Goal", "&Target" …) and has more labels than free letters: it needs the goals laid out
# apart (or unlettered), more than a letter to change.
KNOWN: set[tuple[str, str, str, str]] = {
    *(
        (language, stage, f"plan_{stage}", letter)
        for stage in ("idea", "purpose")
        for language, letters in (("en", "aghmprt"), ("sv", "aeghlmpv"))
        for letter in letters
    ),
}


def access_key(text: str) -> str:
    """The letter after a single "&" ("&&" is a plain ampersand), lower case; "" if none."""
    at = 0
    while (at := text.find("&", at)) != -1 and at + 1 < len(text):
        if text[at + 1] == "&":
            at += 2
            continue
        return text[at + 1].lower()
    return ""


def on_screen(window, widget: QWidget) -> bool:
    return widget.isVisible() and QWidget.window(widget) is window


def keys_on_screen(window) -> dict[str, list[str]]:
    """letter → the texts that use it, for everything Alt+letter can reach now."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        key = access_key(text)
        if key:
            found[key].append(text)

    for menu in window.menus.values():
        add(menu.title())
    for widget in window.findChildren(QWidget):
        if not on_screen(window, widget):
            continue
        # Unbound calls: a few widgets keep a child under the name of a method ("title").
        if isinstance(widget, QAbstractButton):
            add(QAbstractButton.text(widget))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(QLabel.text(widget))
        elif isinstance(widget, QGroupBox):
            add(QGroupBox.title(widget))
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index))
    return found


def clashes(window) -> dict[str, list[str]]:
    return {key: texts for key, texts in keys_on_screen(window).items() if len(texts) > 1}


def tabs_of(page: StagePage) -> list[QWidget]:
    tabs = page.tabs
    return [tabs.widget(i) for i in range(tabs.count())] if page._tools else [page.checklist]


def page_clashes(window, language: str) -> dict[tuple[str, str, str, str], list[str]]:
    """Every clash on every stage page and tab, keyed as KNOWN is."""
    found = {}
    for stage in STAGES:
        window.show_stage(stage.key)
        page = window.pages[stage.key]
        for tab in tabs_of(page):
            if page._tools:
                page.tabs.setCurrentWidget(tab)
            for key, texts in clashes(window).items():
                found[(language, stage.key, tab.objectName() or type(tab).__name__, key)] = texts
    return found


@pytest.mark.parametrize("language", ["en", "sv"])
def test_no_two_access_keys_share_a_letter(open_window, language: str) -> None:
    window = open_window(None, language=language, demo=True)
    found = page_clashes(window, language)
    new = {where: texts for where, texts in found.items() if where not in KNOWN}
    assert not new, "\n".join(f"{where}: {texts}" for where, texts in sorted(new.items()))
    gone = {where for where in KNOWN if where[0] == language} - set(found)
    assert not gone, f"fixed, take them out of KNOWN: {sorted(gone)}"


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_running_pages_notices_take_free_letters(open_window, language: str) -> None:
    """What shows only at times: the notice after a group ended and the empty board."""
    window = open_window(None, language=language, demo=True)
    window.show_stage("running")
    page = window.pages["running"]
    board = next(tool for tool, _title in page._tools if isinstance(tool, RunningBoard))
    page.tabs.setCurrentWidget(board)
    board.notice_box.setVisible(True)  # as after ending a group early
    assert board.notice_button.isVisible()
    assert not clashes(window)
    board.stack.setCurrentIndex(1)  # no accepted groups yet
    assert board.empty_button.isVisible()
    assert not clashes(window)


def test_the_letter_is_read_as_qt_reads_it() -> None:
    assert access_key("Save ca&lendar…") == "l"
    assert access_key("Tom && Jerry") == ""
    assert access_key("Tom && &Jerry") == "j"
    assert access_key("&Ångra") == "å"
