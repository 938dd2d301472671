"""Errors that reach the user. Each carries a sentence that says what happened and what to do."""

from __future__ import annotations

from typing import Any

from mentorapp.i18n import N_, _


class MentorappError(Exception):
    """A problem the user can act on; the text is translated when it is shown, not when raised."""

    title = N_("Something went wrong")

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params

    def user_message(self) -> str:
        return _(self.template).format(**self.params)

    def user_title(self) -> str:
        return _(self.title)


class DatabaseRefused(MentorappError):
    """The file is not one Mentorapp may open; it has been left exactly as it was."""

    title = N_("This file cannot be opened")


class ValidationError(MentorappError):
    """Input that breaks a rule; nothing was saved."""

    title = N_("Please check what you entered")

    def __init__(self, template: str, field: str = "", **params: Any) -> None:
        super().__init__(template, **params)
        self.field = field
