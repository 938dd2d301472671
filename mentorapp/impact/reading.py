"""The impact report's numbers as the reader sees them, on screen and on paper alike.

``reading_points()`` is the "How to read this report" box (its words are ``impact.wording``'s,
as is the plain sentence of a comparison); ``people_line()`` says who took part and answered;
``interval_text()`` and ``difference_text()`` write shares and differences the same way in the
table, the chart's tooltips and the PDF. Translated at call time (the UI's or the report's
language, whichever ``speaking()`` set).
"""

from __future__ import annotations

from mentorapp.i18n import _, format_percent, ngettext
from mentorapp.impact.report_model import Comparison, ImpactReport, Interval
from mentorapp.impact.wording import how_to_read


def reading_points() -> list[str]:
    """The "How to read this report" box, one point each, in the current language. The words
    live in ``impact.wording`` (written first, for the PDF and the command line); this is the
    one name the screen and the PDF both call."""
    return list(how_to_read())


def percent(share: float | None) -> str:
    """A share as the language writes a whole percentage; a dash when there is none."""
    return "–" if share is None else format_percent(share)


def interval_text(interval: Interval | None) -> str:
    """ "26–66 %" ("26–66%" in English): the language's percentage, the low end's number
    before it; a dash without answers."""
    if interval is None:
        return "–"
    low = format_percent(interval.low).replace("%", "").strip()
    return f"{low}\u2013{format_percent(interval.high)}"


def points(difference: float) -> str:
    """A difference of two shares in whole percentage points, with its sign: "+12", "−8"."""
    value = round(difference * 100)
    if value == 0:
        return "0"
    return f"+{value}" if value > 0 else f"\u2212{-value}"


def difference_text(comparison: Comparison) -> str:
    """ "+12 (−8 to +31)": the difference and its 95 % interval, in percentage points."""
    if comparison.difference is None or comparison.ci95 is None:
        return "–"
    return _("{difference} ({low} to {high})").format(
        difference=points(comparison.difference),
        low=points(comparison.ci95.low),
        high=points(comparison.ci95.high),
    )


def people_line(report: ImpactReport) -> str:
    """Who took part and how many answered each survey, e.g. "35 adepts and 12 mentors took
    part. End survey: 28 of 35 answered (80 %) · …"."""
    adepts = ngettext("{n} adept", "{n} adepts", report.adepts).format(n=report.adepts)
    mentors = ngettext("{n} mentor", "{n} mentors", report.mentors).format(n=report.mentors)
    line = _("{adepts} and {mentors} took part.").format(adepts=adepts, mentors=mentors)
    rates = [
        _("{survey}: {answered} of {of} answered ({rate})").format(
            survey=rate.label, answered=rate.answered, of=rate.of, rate=percent(rate.rate)
        )
        for rate in report.surveys
        if rate.of
    ]
    return " ".join([line, " · ".join(rates)]) if rates else line
