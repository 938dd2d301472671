"""``impact``: a round's impact report as a table, JSON, a CSV file or a PDF.

Reading only: the command works while Mentorapp has the file open. ``--lang`` chooses the
report's language (the labels, the PDF); the UI language if left out.

JSON shape (``ImpactReport.as_json``; shares are fractions 0–1, rounded to four decimals)::

    {
      "cohort": name, "adepts": n, "mentors": m,
      "surveys": {"t0": {"answered": k, "of": n}, "t1": …, "t2": …, "mentor_end": …},
      "measures": [{
        "key": "job_or_internship" | "in_own_field" | "in_own_field_partly" | "new_contact"
               | "<survey>.<item>",
        "group": "outcomes" | "adepts" | "mentors", "label": text,
        "count": x, "answered": k, "of": n, "share": x/k | null,
        "ci95": [low, high] | null, "floor": x/n | null,
        "change": {"paired": p, "before": share, "after": share},   (T0-and-T1 items only)
        "reference": {"share": s, "source": text},                   (when entered)
        "target": share                                              (the plan's goal, if any)
      }],
      "compare": {"cohort": …, "adepts": …, "surveys": …, "measures": […],
                  "differences": [{"key": …, "difference": d, "ci95": [low, high] | null,
                                   "tells_apart": bool}]}             (with --compare only)
    }
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from mentorapp.errors import ValidationError
from mentorapp.i18n import LANGUAGES, N_, _

if TYPE_CHECKING:
    from mentorapp.impact.report_model import ImpactReport, Measure

LABEL_WIDTH = 48
SUFFIXES = {
    ".csv": N_("The file's name must end in .csv."),
    ".pdf": N_("The file's name must end in .pdf."),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "impact", help=_("show a round's impact report, or write it as CSV or PDF")
    )
    command.add_argument(
        "--cohort", metavar=_("ROUND"), help=_("the round's name (the current round if left out)")
    )
    command.add_argument(
        "--compare", metavar=_("ROUND"), help=_("another round to compare the measures with")
    )
    command.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    command.add_argument(
        "--csv", type=Path, metavar=_("FILE"), help=_("write the report's table to a CSV file")
    )
    command.add_argument(
        "--pdf", type=Path, metavar=_("FILE"), help=_("write the report as a PDF file")
    )
    command.add_argument("--force", action="store_true", help=_("replace an existing file"))
    command.add_argument(
        "--lang",
        dest="report_language",
        choices=LANGUAGES,
        help=_("the report's language (the language of the messages if left out)"),
    )
    command.set_defaults(handler=show_impact)


def show_impact(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.db.files import refuse_programme_file
    from mentorapp.errors import require_output_file
    from mentorapp.i18n import current_language
    from mentorapp.workspace.services import Services

    if args.csv is not None and args.pdf is not None and _same_file(args.csv, args.pdf):
        raise ValidationError(
            N_("The CSV file and the PDF file cannot both be “{path}”: give two names."),
            "pdf",
            path=args.pdf,
        )
    for output, suffix in ((args.csv, ".csv"), (args.pdf, ".pdf")):
        if output is not None:
            require_output_file(output, replace=args.force)
            refuse_programme_file(output)
            if output.suffix.lower() != suffix:
                raise ValidationError(SUFFIXES[suffix], suffix.removeprefix("."))
    language = args.report_language or current_language()
    with Services.to_read(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        other = find_cohort(services, args.compare).id if args.compare is not None else None
        assert cohort.id is not None
        report = services.impact.report(cohort.id, language, compare_with=other)
        programme = services.programmes.programme()
        organisation = programme.organisation if programme else ""
    written: list[Path] = []
    if args.csv is not None:
        from mentorapp.dataio.impact_csv import write_report_csv

        write_report_csv(args.csv, report)
        written.append(args.csv)
    if args.pdf is not None:
        from mentorapp.documents.impact_pdf import write_impact_pdf

        write_impact_pdf(args.pdf, report, organisation=organisation)
        written.append(args.pdf)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    elif written:
        for path in written:
            print(_("Wrote the impact report to {path}.").format(path=path))
    else:
        print(as_text(report))
    return 0


def _same_file(first: Path, second: Path) -> bool:
    return first.resolve() == second.resolve()


def as_text(report: ImpactReport) -> str:
    """The report as a terminal table, in the report's language."""
    from mentorapp.i18n import ngettext, speaking
    from mentorapp.impact.wording import comparison_sentence, how_to_read

    with speaking(report.language):
        out = [_("Impact report: {round}").format(round=report.cohort), ""]
        out.append(
            _("{adepts} and {mentors} took part.").format(
                adepts=ngettext("{n} adept", "{n} adepts", report.adepts).format(n=report.adepts),
                mentors=ngettext("{n} mentor", "{n} mentors", report.mentors).format(
                    n=report.mentors
                ),
            )
        )
        for rate in report.surveys:
            out.append(
                "  "
                + _("{survey}: {answered} of {of} answered ({rate})").format(
                    survey=rate.label, answered=rate.answered, of=rate.of, rate=_percent(rate.rate)
                )
            )
        surveys = {rate.survey: rate.label for rate in report.surveys}
        section = None
        for measure in report.measures:
            survey = measure.key.partition(".")[0] if "." in measure.key else ""
            if survey != section:
                section = survey
                out += ["", surveys.get(survey, survey) if survey else _("Outcomes"), _header()]
            out.append(_row(measure))
        if report.other is not None:
            out += ["", _("Compared with {round}").format(round=report.other.cohort)]
            for comparison in report.comparisons:
                interval = (
                    _("{low} to {high}").format(
                        low=_signed(comparison.ci95.low), high=_signed(comparison.ci95.high)
                    )
                    if comparison.ci95
                    else "–"
                )
                out.append(
                    "  "
                    + _("{label}: {difference} ({interval}). {sentence}").format(
                        label=_short(_in_survey(comparison.key, comparison.label, surveys)),
                        difference=_signed(comparison.difference),
                        interval=interval,
                        sentence=comparison_sentence(
                            comparison, report.cohort, report.other.cohort
                        ),
                    )
                )
        out += ["", *(f"* {paragraph}" for paragraph in how_to_read())]
    return "\n".join(out)


def _header() -> str:
    return "  ".join(
        [
            _("Measure").ljust(LABEL_WIDTH),
            _("Count").rjust(6),
            _("Answered").rjust(10),
            _("Share").rjust(6),
            _("95% interval").rjust(15),
            _("Floor").rjust(6),
        ]
    )


def _row(measure: Measure) -> str:
    interval = (
        f"{_percent(measure.ci95.low)}–{_percent(measure.ci95.high)}" if measure.ci95 else "–"
    )
    line = "  ".join(
        [
            _short(measure.label).ljust(LABEL_WIDTH),
            str(measure.count).rjust(6),
            _("{answered} of {of}")
            .format(answered=measure.answered, of=measure.population)
            .rjust(10),
            _percent(measure.share).rjust(6),
            interval.rjust(15),
            _percent(measure.floor).rjust(6),
        ]
    )
    change = measure.change
    if change is not None and change.paired:
        line += (
            "\n"
            + " " * 4
            + _("the same {n} at the start and the end: {before} → {after}").format(
                n=change.paired,
                before=_percent(change.before_share),
                after=_percent(change.after_share),
            )
        )
    return line


def _in_survey(key: str, label: str, surveys: dict[str, str]) -> str:
    """An item's label with its survey's name: the same question is asked at T0 and T1."""
    survey, dot, _item = key.partition(".")
    return f"{surveys.get(survey, survey)}: {label}" if dot else label


def _short(label: str) -> str:
    return label if len(label) <= LABEL_WIDTH else label[: LABEL_WIDTH - 1] + "…"


def _percent(share: float | None) -> str:
    from mentorapp.i18n import format_percent

    return "–" if share is None else format_percent(share)


def _signed(difference: float | None) -> str:
    """A difference in percentage points with its sign: "+5 %", "−12 %"."""
    from mentorapp.i18n import format_percent

    if difference is None:
        return "–"
    text = format_percent(abs(difference))
    return ("+" if difference > 0 else "−" if difference < 0 else "") + text
