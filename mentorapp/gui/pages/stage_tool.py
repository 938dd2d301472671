"""What a stage tool is, and the registry its widget class joins where it is defined.

A tool is a widget shown in a tab beside a stage's checklist (the partners, the applications,
the matching board …). Its class names its stages with ``@stage_tool("matching", title=…)``;
``stage_tools.install_tools`` builds one per stage when the window builds its pages. This
module imports no tool, so importing it costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

from mentorapp.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


@runtime_checkable
class StageTool(Protocol):
    """The contract a stage page relies on (the tool is also a QWidget)."""

    def title(self) -> str:
        """The tab's text, in the current language."""

    def refresh(self) -> None:
        """Read what it shows; called while its page is on screen and a round exists."""

    def flush(self) -> None:
        """Save what was typed and not saved yet (leaving the page, quitting)."""

    def retranslate_ui(self) -> None:
        """Set every text anew in the current language."""


@dataclass(frozen=True)
class RegisteredTool:
    stage_key: str
    tool_class: Callable[..., QWidget]  # a StageTool, called with the AppContext
    title_msgid: str
    # A class on several pages names each widget "<name>_<stage>", so tests can tell them apart.
    name: str = ""

    @property
    def module(self) -> str:
        return getattr(self.tool_class, "__module__", "")


_REGISTRY: dict[tuple[str, str], RegisteredTool] = {}
T = TypeVar("T", bound=type)


def stage_tool(*stage_keys: str, title: str, name: str = "") -> Callable[[T], T]:
    """Register the decorated widget class as the tool of ``stage_keys``, in tabs named
    ``title`` (an ``N_()`` message). The class gets ``title()`` from it, and a ``flush()`` that
    saves nothing when it keeps nothing unsaved."""

    def register(cls: T) -> T:
        missing = [m for m in ("refresh", "retranslate_ui") if not callable(getattr(cls, m, None))]
        if missing:
            raise TypeError(f"{cls.__qualname__} is no stage tool: it lacks {', '.join(missing)}")
        if "title" not in vars(cls):
            cls.title = lambda self: _(title)  # type: ignore[attr-defined]
        if not callable(getattr(cls, "flush", None)):
            cls.flush = _nothing_to_save  # type: ignore[attr-defined]
        for stage_key in stage_keys:
            key = (stage_key, f"{cls.__module__}.{cls.__qualname__}")
            _REGISTRY[key] = RegisteredTool(stage_key, cls, title, name)
        return cls

    return register


def _nothing_to_save(self: object) -> None:
    """The tool saves each change at once."""


def registered_tools() -> tuple[RegisteredTool, ...]:
    """Every tool registered so far, in the order the classes were defined."""
    return tuple(_REGISTRY.values())
