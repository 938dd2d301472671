"""PySide6's import hook asks of every module whether it uses PySide6; ours answers the same."""

from __future__ import annotations

import sys

from mentorapp.app import _application
from mentorapp.gui import pyside_bugs


def test_the_quick_check_is_installed_and_answers_as_pyside_does(qtbot) -> None:
    _application()
    feature = pyside_bugs._feature_module()
    quick = feature._mod_uses_pyside
    assert getattr(quick, "mentorapp_quick", False)
    assert pyside_bugs.quick_feature_check() is False  # once only
    original = quick.original
    modules = [m for m in list(sys.modules.values()) if getattr(m, "__file__", None)][:400]
    assert any(quick(m) for m in modules) and not all(quick(m) for m in modules)
    assert [quick(m) for m in modules] == [bool(original(m)) for m in modules]
