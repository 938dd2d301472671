"""Work-arounds for bugs in the PySide6 we ship, each found by testing for it, never by version.

Three are here: a reference count that ``emit()`` loses (below), one that every method
returning nothing loses (``keep_none_alive``), and an import hook that reads the source of
every module imported after PySide6 (``quick_feature_check``, at the end).

PySide6 6.12.0 drops one reference to ``True`` on every ``SignalInstance.emit()`` and
``disconnect()`` called from Python (6.11.3 does not). On Python 3.11, where ``True`` is an
ordinary counted object, a few hundred emits in a session are enough for the interpreter to
"free" ``True`` while it tears everything down at quit: ``Fatal Python error: bool_dealloc``
and an abort instead of a clean exit. From Python 3.12 on ``True`` is immortal and the bug
is harmless.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

# Enough references for 10^12 emits: a session of years. True itself is never freed anyway.
_RESERVE = 1 << 40
_PROBES = 16
_state = {"checked": False, "repaired": False}
_none_state = {"checked": False, "repaired": False}


class _Probe(QObject):
    ping = Signal()


def emit_loses_a_reference() -> bool:
    """Whether ``emit()`` on this PySide6 takes away a reference to ``True`` that it never had."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= _PROBES


def keep_true_alive() -> bool:
    """Give ``True`` a reserve of references when ``emit()`` leaks them; True if it was needed.

    Called once before the first window. The write is the one ``Py_INCREF`` would do, 2**40
    times over, on the object's reference count (the first field of every CPython object).
    """
    if _state["checked"]:
        return _state["repaired"]
    _state["checked"] = True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False  # True is immortal there: the lost references change nothing
    if emit_loses_a_reference():
        ctypes.c_ssize_t.from_address(id(True)).value += _RESERVE
        _state["repaired"] = True
    return _state["repaired"]


# PySide6 6.12.0 also drops a reference to ``None`` on every call of a wrapped method that
# returns nothing (``setText``, ``appendRow``, ``clear`` …; 6.11.3 does not). A table rebuilt
# a few dozen times — the impact report's model makes ~1,000 such calls each time — is enough
# for the interpreter to "free" None while it is still used everywhere: "none_dealloc", a
# segmentation fault or "malloc_consolidate(): unaligned fastbin chunk detected", at quit or
# anywhere. From Python 3.12 on ``None`` is immortal and the bug is harmless.
def void_call_loses_a_reference() -> bool:
    """Whether a wrapped method returning nothing takes away a reference to ``None``."""
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= _PROBES


def keep_none_alive() -> bool:
    """Give ``None`` a reserve of references when void calls leak them; True if needed.

    Called once before the first window, as ``keep_true_alive`` is, and the same way.
    """
    if _none_state["checked"]:
        return _none_state["repaired"]
    _none_state["checked"] = True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if void_call_loses_a_reference():
        ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
        _none_state["repaired"] = True
    return _none_state["repaired"]


# PySide6 looks at every module imported after it for the text "PySide6" (to switch on its
# ``__feature__`` options per module), reading each one with ``inspect.getsource``: about
# 0.3 ms a module, 0.12 s for the database layer the window loads after its first paint.
# The same question, asked of the file's bytes, costs a tenth of that and answers the same.
def _feature_module() -> object | None:
    return sys.modules.get("shibokensupport.feature")


def quick_feature_check() -> bool:
    """Let PySide6's import hook read a module's file directly; True if it was installed."""
    feature = _feature_module()
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "mentorapp_quick", False):
        return False

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    uses_pyside.mentorapp_quick = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
