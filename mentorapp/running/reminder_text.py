"""The words of a reminder: built-in templates, placeholders filled in safely, mailto links.

Mentorapp never sends e-mail. It writes the message and hands it to the coordinator's own
mail program (a ``mailto:`` link), to the clipboard, or to a mail merge file for Word or
Outlook. The built-in wording lives in ``resources/reminders/<lang>.toml`` (not the gettext
catalog) because coordinators rewrite it; their own wording is checked when it is saved, so
rendering never fails on a placeholder: an unknown one is left as it was typed.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mentorapp.errors import MentorappError, ValidationError
from mentorapp.i18n import N_, babel_locale, format_date, format_time, speaking
from mentorapp.paths import resource_path

KEYS = (
    "needs_check_in",
    "not_started",
    "mentor_first_meeting",
    "gathering",
    "meeting_upcoming",
    "survey_missing",
)
PLACEHOLDERS = (
    "name",
    "mentor",
    "adepts",
    "date",
    "time",
    "place",
    "title",
    "round",
    "coordinator",
    "programme",
)
LANGUAGES = ("sv", "en")
FALLBACK_LANGUAGE = "en"
SUBJECT_LIMIT = 200
BODY_LIMIT = 5000
MAILTO_LIMIT = 2000  # what every mail program and browser takes in one link
DATE_STYLE = "long"  # "2 december 2026": a letter, not a table

# "{{", "}}" or one "{field}"; whatever braces are left over are stray.
_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


class ReminderTemplatesError(MentorappError):
    """The built-in reminder file could not be used; the message names the file."""

    title = N_("The reminder texts could not be read")


@dataclass(frozen=True)
class Wording:
    """A reminder's subject and body, with placeholders still in them."""

    subject: str
    body: str


@dataclass(frozen=True)
class Template:
    key: str
    language: str
    wording: Wording
    # What a placeholder says in one message to many, where the value differs or is missing.
    shared: Mapping[str, str]


@dataclass(frozen=True)
class Facts:
    """What one recipient's placeholders say, before they are written in a language."""

    name: str = ""
    mentor: str = ""
    adepts: tuple[str, ...] = ()
    date: date | None = None
    time: time | None = None
    place: str = ""
    title: str = ""
    round: str = ""
    coordinator: str = ""
    programme: str = ""

    def values(self, language: str) -> dict[str, str]:
        """Every placeholder's text in ``language`` ("" where there is nothing to say)."""
        with speaking(language):
            return {
                "name": self.name,
                "mentor": self.mentor,
                "adepts": _listed(self.adepts),
                "date": format_date(self.date, DATE_STYLE) if self.date else "",
                "time": format_time(self.time) if self.time else "",
                "place": self.place,
                "title": self.title,
                "round": self.round,
                "coordinator": self.coordinator,
                "programme": self.programme,
            }


@dataclass(frozen=True)
class Message:
    subject: str
    body: str


def _listed(names: Sequence[str]) -> str:
    """The names as a list in the language being spoken ("Amir och Lina")."""
    if not names:
        return ""
    from babel.lists import format_list

    return format_list(list(names), locale=babel_locale())


# -- the built-in templates -------------------------------------------------------------------


def built_in_path(language: str) -> Path:
    return resource_path("reminders", f"{language}.toml")


@cache
def load_templates(language: str) -> dict[str, Template]:
    """The built-in templates in ``language`` (English for a language without a file)."""
    path = built_in_path(language)
    if not path.is_file():
        language, path = FALLBACK_LANGUAGE, built_in_path(FALLBACK_LANGUAGE)
    return read_templates(path, language)


def read_templates(path: Path, language: str) -> dict[str, Template]:
    """Read and check one template file; every key must be there with a usable wording."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ReminderTemplatesError(
            N_("The file {path} could not be read: {detail}"), path=path, detail=str(exc)
        ) from exc
    common = _shared(data.get("shared", {}), path, "shared")
    result = {}
    for key in KEYS:
        table = data.get(key)
        if not isinstance(table, dict) or not all(
            isinstance(table.get(part), str) and table[part].strip() for part in ("subject", "body")
        ):
            raise ReminderTemplatesError(
                N_("{path}: “{place}” needs a subject and a body."), path=path, place=key
            )
        wording = Wording(table["subject"].strip(), table["body"].strip())
        try:
            check_wording(wording)
        except ValidationError as error:
            raise ReminderTemplatesError(
                N_("{path}: “{place}”: {problem}"),
                path=path,
                place=key,
                problem=error.user_message(),
            ) from error
        shared = {**common, **_shared(table.get("shared", {}), path, f"{key}.shared")}
        result[key] = Template(key, language, wording, shared)
    return result


def _shared(table: Any, path: Path, place: str) -> dict[str, str]:
    if not isinstance(table, dict) or any(
        name not in PLACEHOLDERS or not isinstance(value, str) for name, value in table.items()
    ):
        raise ReminderTemplatesError(
            N_("{path}: “{place}” may only give texts for the placeholders."),
            path=path,
            place=place,
        )
    return dict(table)


def built_in(key: str, language: str) -> Template:
    require_key(key)
    return load_templates(language)[key]


def require_key(key: str) -> None:
    if key not in KEYS:
        raise ValidationError(
            N_("“{key}” is not a reminder. Choose one of: {choices}."),
            "key",
            key=str(key)[:80],
            choices=", ".join(KEYS),
        )


# -- checking and filling in placeholders ----------------------------------------------------


def check_text(text: str, part: str = "body") -> None:
    """Refuse a placeholder Mentorapp does not know, or a brace left open, by name.

    Run on the coordinator's wording when it is saved, so rendering never meets one.
    """
    for match in _FIELD.finditer(text):
        name = match.group(1)
        if name is not None and name not in PLACEHOLDERS:
            raise ValidationError(
                N_("“{placeholder}” is not a placeholder Mentorapp knows. Use one of: {choices}."),
                part,
                placeholder=match.group(0)[:60],
                choices=", ".join("{" + p + "}" for p in PLACEHOLDERS),
            )
    rest = _FIELD.sub("", text)
    stray = re.search(r"[{}]", rest)
    if stray is not None:
        where = text.find(stray.group(0)) if stray.group(0) == "{" else text.rfind("}")
        raise ValidationError(
            N_(
                "A curly bracket is not closed near “{near}”. A placeholder is written like "
                "{{name}}; write {{{{ or }}}} for a bracket of its own."
            ),
            part,
            near=text[max(0, where - 15) : where + 15].replace("\n", " "),
        )


def check_wording(wording: Wording) -> Wording:
    """The wording as it is stored (trimmed), or a ValidationError naming the problem."""
    subject, body = wording.subject.strip(), wording.body.strip()
    if not subject:
        raise ValidationError(N_("Give the reminder a subject."), "subject")
    if "\n" in subject or "\r" in subject:
        raise ValidationError(N_("The subject must be a single line."), "subject")
    if len(subject) > SUBJECT_LIMIT:
        raise ValidationError(
            N_("The subject is too long: keep it under {limit} characters."),
            "subject",
            limit=SUBJECT_LIMIT,
        )
    if not body:
        raise ValidationError(N_("Write the text of the reminder."), "body")
    if len(body) > BODY_LIMIT:
        raise ValidationError(
            N_("The text is too long: keep it under {limit} characters."),
            "body",
            limit=BODY_LIMIT,
        )
    check_text(subject, "subject")
    check_text(body, "body")
    return Wording(subject, body)


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with its placeholders filled in. Never fails: a placeholder without a value
    and a stray brace stay exactly as typed."""

    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        return values.get(name, token)

    return _FIELD.sub(one, text)


def render(wording: Wording, facts: Facts, language: str, shared: Mapping[str, str]) -> Message:
    """The message for one recipient; a value that is missing takes its shared words."""
    values = facts.values(language)
    filled = {name: value or shared.get(name, "") for name, value in values.items()}
    return Message(fill(wording.subject, filled), fill(wording.body, filled))


def render_shared(
    wording: Wording, facts: Iterable[Facts], language: str, shared: Mapping[str, str]
) -> Message:
    """One message for everyone in ``facts`` (they are all in Bcc): a placeholder is filled
    in where every recipient has the same value, and takes its shared words elsewhere."""
    each = [item.values(language) for item in facts]
    filled = {}
    for name in PLACEHOLDERS:
        seen = {values[name] for values in each}
        value = seen.pop() if len(seen) == 1 else ""
        filled[name] = value or shared.get(name, "")
    return Message(fill(wording.subject, filled), fill(wording.body, filled))


# -- mailto links -------------------------------------------------------------------------------


class MailtoLinks(list[str]):
    """The links, in order; ``shortened`` says the body in them was cut to fit (the full text
    is still what is copied and saved)."""

    shortened: bool = False


def _encoded(text: str) -> str:
    """RFC 6068: UTF-8, percent-encoded; a line break is CR LF (%0D%0A)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    return quote(lines.replace("\n", "\r\n"), safe="")


def _address(address: str) -> str:
    return quote(address.strip(), safe="@")


def mailto_links(
    addresses: Sequence[str],
    subject: str,
    body: str,
    limit: int = MAILTO_LIMIT,
    to: str = "",
) -> MailtoLinks:
    """``mailto:`` links (RFC 6068) for one message to all ``addresses``, each link shorter
    than ``limit`` characters, every address in exactly one of them.

    The addresses go in ``bcc``: the recipients are participants who should not see each
    other's addresses. ``to`` is empty, or the coordinator's own address, so the message has
    a visible recipient. Where the list is too long for one link, it is split into as many
    links as needed, each with the same subject and body. If the full body leaves less than a
    fifth of a link for addresses (a link would then carry only a few, or not even one), the
    body in the links is cut short and the result says ``shortened``: the coordinator pastes
    the full text instead.
    """
    emails = list(dict.fromkeys(a.strip() for a in addresses if a.strip()))
    result = MailtoLinks()
    if not emails:
        return result
    encoded = [_address(a) for a in emails]
    head = "mailto:" + _address(to) + "?bcc="
    longest = max(len(e) for e in encoded)
    everyone = sum(len(e) for e in encoded) + len(encoded) - 1
    # Room the addresses need in each link: all of them, or a fifth of the link (about ten
    # addresses), so that a long text does not make a link per person.
    room = min(everyone, max(longest, limit // 5))
    subject_part = "&subject=" + _encoded(subject)
    body_part = "&body=" + _encoded(body)
    if len(head) + room + len(subject_part) + len(body_part) >= limit:
        result.shortened = True
        budget = limit - 1 - len(head) - room - len(subject_part) - len("&body=")
        if budget < 0:
            subject_part = "&subject=" + _cut(subject, limit // 4)
            budget = limit - 1 - len(head) - room - len(subject_part) - len("&body=")
        body_part = "&body=" + _cut(body, max(budget, 0))
    tail = subject_part + body_part
    if len(head) + longest + len(tail) >= limit:
        raise ValueError(f"a mailto link cannot be shorter than {limit} characters")
    chunk: list[str] = []
    size = len(head) + len(tail)
    for address in encoded:
        extra = len(address) + (1 if chunk else 0)
        if chunk and size + extra >= limit:
            result.append(head + ",".join(chunk) + tail)
            chunk, size = [], len(head) + len(tail)
            extra = len(address)
        chunk.append(address)
        size += extra
    result.append(head + ",".join(chunk) + tail)
    return result


ELLIPSIS = " …"


def _cut(text: str, budget: int) -> str:
    """The longest start of ``text`` (ending at a word, with " …") whose encoding fits."""
    if len(_encoded(text)) <= budget:
        return _encoded(text)
    low, high = 0, len(text)
    while low < high:  # the most characters that fit
        middle = (low + high + 1) // 2
        if len(_encoded(text[:middle].rstrip() + ELLIPSIS)) <= budget:
            low = middle
        else:
            high = middle - 1
    start = text[:low]
    word = start.rstrip().rfind(" ")
    if word > low // 2:
        start = start[:word]
    if not start.strip():
        return "" if len(_encoded(ELLIPSIS.strip())) > budget else _encoded(ELLIPSIS.strip())
    return _encoded(start.rstrip() + ELLIPSIS)


def join_addresses(addresses: Iterable[str]) -> str:
    """The addresses as Outlook takes them in a To or Bcc field: separated by "; "."""
    return "; ".join(dict.fromkeys(a.strip() for a in addresses if a.strip()))
