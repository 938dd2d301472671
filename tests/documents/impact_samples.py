"""Hand-made impact reports for the PDF tests: every section, a comparison, a reference."""

from __future__ import annotations

from dataclasses import replace

from mentorapp.impact.report_model import (
    Change,
    Comparison,
    ImpactReport,
    Measure,
    Reference,
    SurveyRate,
)
from mentorapp.impact.statistics import newcombe_difference, wilson

LABELS = {
    "job_or_internship": "Adepts with a job or an internship",
    "in_own_field": "… of them in their own field",
    "in_own_field_partly": "… of them partly in their own field",
    "new_contact": "Adepts who gained at least one valuable new professional contact",
    "t0.confident_search": "I feel confident searching for work in Sweden",
    "t1.confident_search": "I feel confident searching for work in Sweden",
    "t1.recommend": "Would recommend the programme (answered 9 or 10)",
    "mentor_end.diversity_insight": "I understand better what newcomers meet on the labour market",
}
GROUPS = {"job_or_internship": "outcomes", "in_own_field": "outcomes",
          "in_own_field_partly": "outcomes", "new_contact": "outcomes",
          "mentor_end.diversity_insight": "mentors"}  # fmt: skip


def measure(key: str, count: int, answered: int, population: int, **extra: object) -> Measure:
    return Measure(
        key=key,
        group=GROUPS.get(key, "adepts"),
        label=LABELS[key],
        count=count,
        answered=answered,
        population=population,
        ci95=wilson(count, answered),
        **extra,  # type: ignore[arg-type]
    )


def sample_report(language: str = "en", compare: bool = False) -> ImpactReport:
    measures = (
        measure("job_or_internship", 9, 20, 35, reference=Reference(0.44, "Effektrapport 2024")),
        measure("in_own_field", 6, 9, 9, target=0.6),
        measure("in_own_field_partly", 2, 9, 9),
        measure("new_contact", 17, 20, 35),
        measure("t0.confident_search", 12, 30, 35),
        measure("t1.confident_search", 21, 28, 35, change=Change(paired=25, before=10, after=19)),
        measure("t1.recommend", 0, 12, 35),
        measure("mentor_end.diversity_insight", 14, 16, 20),
    )
    rates = (
        SurveyRate("t0", "Start", 30, 35),
        SurveyRate("t1", "End", 28, 35),
        SurveyRate("t2", "6 months", 0, 35),
        SurveyRate("mentor_end", "Mentors", 16, 20),
    )
    report = ImpactReport(1, "Vår 2027", "Mentorskap för nyanlända", language, 35, 20, rates,
                          measures)  # fmt: skip
    if not compare:
        return report
    other = replace(
        report,
        cohort_id=2,
        cohort="Höst 2026",
        adepts=24,
        measures=tuple(
            replace(m, count=m.count // 2, ci95=wilson(m.count // 2, m.answered)) for m in measures
        ),
    )
    comparisons = tuple(
        Comparison(
            this.key,
            this.label,
            this,
            that,
            (this.share or 0) - (that.share or 0) if this.answered and that.answered else None,
            newcombe_difference(this.count, this.answered, that.count, that.answered),
        )
        for this, that in zip(report.measures, other.measures, strict=True)
    )
    return replace(report, other=other, comparisons=comparisons)


def empty_report(language: str = "en") -> ImpactReport:
    """A round nobody has answered for yet: n = 0 everywhere."""
    measures = tuple(
        Measure(key, GROUPS.get(key, "adepts"), LABELS[key], 0, 0, 0, None)
        for key in ("job_or_internship", "new_contact", "t1.confident_search")
    )
    rates = (SurveyRate("t1", "End", 0, 0),)
    return ImpactReport(3, "Vår 2028", "Mentorskap", language, 0, 0, rates, measures)
