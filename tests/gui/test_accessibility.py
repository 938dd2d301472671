"""Every control can be reached with Tab and tells a screen reader what it is."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QWidget,
)

from mentorapp.gui.models.navigator_model import OVERVIEW_KEY

pytestmark = pytest.mark.gui


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces: the accessible name, a button's own text, or the text
    of a label that names the widget as its buddy."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text()
    return ""


def tab_walk(window, start: QWidget) -> list[QWidget]:
    """Press Tab from ``start`` until focus comes back round, collecting what gets focus."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seen: list[QWidget] = []
    for _ in range(400):
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        seen.append(widget)
        window.focusNextChild()
        QApplication.processEvents()
    return seen


@pytest.mark.parametrize("language", ["en", "sv"])
def test_every_focusable_control_on_every_page_has_a_name(open_window, tmp_path, language):
    from mentorapp.cli import main

    path = tmp_path / "demo.db"
    main(["--db", str(path), "demo-data"])
    window = open_window(path, language=language)
    nameless = []
    for key in [OVERVIEW_KEY, *[k for k in window.pages if k != OVERVIEW_KEY]]:
        window.show_stage(key)
        QApplication.processEvents()
        reached = tab_walk(window, window.navigator)
        assert window.navigator in reached
        page = window.pages[key]
        on_page = [w for w in reached if page.isAncestorOf(w)]
        assert on_page, f"Tab never reaches the page {key}"
        nameless += [
            f"{key}: {type(w).__name__} {w.objectName()!r}" for w in reached if not spoken_name(w)
        ]
    assert not nameless, "\n".join(sorted(set(nameless)))
