"""``survey-content`` and ``survey-questions``: the surveys' wording, for editing and for web forms.

``survey-content --export FOLDER [--lang sv|en] [--force]`` writes the built-in surveys as
``surveys-sv.toml`` and ``surveys-en.toml`` (or the one language asked) into FOLDER, to
reword in a text editor; an existing file is kept unless ``--force``. ``survey-content
--check FILE`` reads an edited file as Mentorapp would: it prints that the file fits, or the
fault in one sentence naming the place (``surveys[2].items[4].options``) and exits 2. A file
that fits is used when it lies, under its name, in the folder for the organisation's edited
texts (the same as the workbook text's; the window's "Adapt the surveys' wording" puts it
there).

``survey-questions --survey t0|t1|t2|mentor_end|partner [--lang sv|en] [--out FILE.txt]
[--force] [--content FOLDER]`` prints a survey as plain text (title, introduction, the
questions numbered with their answers spelled out), to build the same form in Google Forms
or Microsoft Forms; with ``--out`` it writes the text to a file instead. The wording is the
organisation's edited copy when there is one that fits (in ``--content`` or the folder from
the settings), else the built-in one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mentorapp.i18n import LANGUAGES, N_, _

MAX_TEXT_FILE = 10_000_000  # far more than any survey file; keeps /dev/zero out


def register(subparsers: argparse._SubParsersAction) -> None:
    content = subparsers.add_parser(
        "survey-content",
        help=_("export the surveys' wording for editing, or check an edited file"),
    )
    what = content.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--export",
        type=Path,
        metavar=_("FOLDER"),
        help=_("write surveys-sv.toml and surveys-en.toml into this folder"),
    )
    what.add_argument(
        "--check", type=Path, metavar=_("FILE"), help=_("check an edited survey file")
    )
    content.add_argument(
        "--lang",
        dest="content_language",
        choices=tuple(LANGUAGES),
        help=_("only this language (left out: every language)"),
    )
    content.add_argument("--force", action="store_true", help=_("replace existing files"))
    content.set_defaults(handler=survey_content)

    questions = subparsers.add_parser(
        "survey-questions",
        help=_("print a survey's questions as text for Google Forms or Microsoft Forms"),
    )
    questions.add_argument(
        "--survey",
        required=True,
        metavar=_("SURVEY"),
        help=_("t0, t1, t2, mentor_end or partner"),
    )
    questions.add_argument(
        "--lang",
        dest="content_language",
        choices=tuple(LANGUAGES),
        help=_("the survey's language (left out: the language of Mentorapp)"),
    )
    questions.add_argument(
        "--out", type=Path, metavar=_("FILE"), help=_("write the text to this file (.txt)")
    )
    questions.add_argument("--force", action="store_true", help=_("replace an existing file"))
    questions.add_argument(
        "--content",
        type=Path,
        metavar=_("FOLDER"),
        help=_("a folder with the organisation's edited surveys (surveys-sv.toml …)"),
    )
    questions.set_defaults(handler=survey_questions)


def survey_content(args: argparse.Namespace) -> int:
    if args.check is not None:
        return _check(args.check)
    return _export(args.export, args.content_language, args.force)


def _check(path: Path) -> int:
    from mentorapp.errors import FileProblem
    from mentorapp.impact.survey_content import load_content_file

    if not path.is_file():
        raise FileProblem(
            N_("“{path}” is not a file. Give the survey file to check (surveys-sv.toml …)."),
            path=path,
        )
    if path.stat().st_size > MAX_TEXT_FILE:
        raise FileProblem(
            N_("“{path}” is far larger than a survey file. Give the survey file to check."),
            path=path,
        )
    content = load_content_file(path)
    print(
        _(
            "{path} fits: its surveys have the built-in questions and answers, so Mentorapp "
            "can use its wording for “{language}”."
        ).format(path=path, language=content.language)
    )
    return 0


def _export(folder: Path, language: str | None, force: bool) -> int:
    from mentorapp.errors import require_output_file, require_output_folder
    from mentorapp.impact.survey_content import custom_file_name, export_content

    languages = [language] if language else list(LANGUAGES)
    require_output_folder(folder)
    for code in languages:  # every file is refused before any is written
        if folder.is_dir():
            require_output_file(folder / custom_file_name(code), force)
    folder.mkdir(exist_ok=True)
    for code in languages:
        print(export_content(code, folder, replace=force))
    return 0


def survey_questions(args: argparse.Namespace) -> int:
    from mentorapp.errors import ValidationError, require_output_file
    from mentorapp.i18n import current_language, speaking
    from mentorapp.impact.survey_content import content_for
    from mentorapp.impact.survey_model import SURVEY_KEYS
    from mentorapp.impact.survey_text import questions_as_text

    if args.survey not in SURVEY_KEYS:
        raise ValidationError(
            N_("“{survey}” is not a survey. Choose one of: {choices}."),
            "survey",
            survey=str(args.survey)[:40],
            choices=", ".join(SURVEY_KEYS),
        )
    if args.out is not None:
        require_output_file(args.out, replace=args.force)
    language = args.content_language or current_language()
    choice = content_for(language, content_folder(args.content))
    if choice.error is not None:
        print(
            _("Your edited surveys are not used: {fault}").format(
                fault=choice.error.user_message()
            ),
            file=sys.stderr,
        )
    with speaking(language):
        text = questions_as_text(choice.content.survey(args.survey), choice.content.scales)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    _write_text(args.out, text)
    print(args.out)
    return 0


def content_folder(given: Path | None) -> Path:
    """The folder with the organisation's edited surveys: ``--content``, else the settings'.
    A ``--content`` folder that does not exist is refused: a mistyped name would otherwise
    print the built-in wording without a word."""
    if given is not None:
        if not given.is_dir():
            from mentorapp.errors import ValidationError

            raise ValidationError(
                N_("The folder “{folder}” does not exist. Choose a folder that exists."),
                "content",
                folder=given,
            )
        return given
    from mentorapp.workspace.settings import load_settings, workbook_content_folder

    return workbook_content_folder(load_settings())


def _write_text(path: Path, text: str) -> None:
    from mentorapp.dataio.text_file import write_text_file

    write_text_file(path, text)
