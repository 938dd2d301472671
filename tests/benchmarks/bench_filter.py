"""Filtering and sorting 10,000 participants the way the participants table does.

Run: python tests/benchmarks/bench_filter.py. It builds 10,000 ParticipantRows with varied
names (Å, Ä, Ö, Ł, Ş …), precomputes each row's haystack once (``collation.search_text``),
then filters the whole list for every keystroke of a few queries with a list comprehension
over ``collation.matches``, exactly as the Qt model does. It prints the milliseconds per
keystroke (median and max; the target is under 50 ms) and the time to sort by name with
``collation.sort_key`` in Swedish and English.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date

from mentorapp.people.collation import matches, search_text, sort_key
from mentorapp.people.records import ParticipantRow

COUNT = 10_000
QUERIES = ("å", "ås", "åsa", "łuk", "malm", "data", "åsa malm")
TARGET_MS = 50.0
FIRST = (
    "Åsa",
    "Åke",
    "Ärla",
    "Örjan",
    "Łukasz",
    "Łucja",
    "Şebnem",
    "İlkay",
    "Mariam",
    "Kaveh",
    "Olena",
    "Dmytro",
    "Zoltán",
    "Đorđe",
    "Anna",
    "Erik",
    "Ana María",
    "Yusuf",
)
LAST = (
    "Öberg",
    "Åberg",
    "Älvström",
    "Zetterberg",
    "Nowak",
    "Wiśniewska",
    "Yılmaz",
    "Haddad",
    "Karimi",
    "Hőgyes",
    "Petrović",
    "Andersson",
    "Ærø",
    "Østergaard",
    "Übel",
)
CITIES = ("Malmö", "Göteborg", "Stockholm", "Umeå", "Örebro", "Västerås", "Lund")
FIELDS = ("Datavetenskap", "Maskinteknik", "Medicin", "Ekonomi", "Juridik", "Kemi")
JOBS = ("Dataingenjör", "Läkare", "Ekonom", "Lärare", "Civilingenjör", "Jurist")


def build_rows(count: int = COUNT) -> list[ParticipantRow]:
    rng = random.Random(7)
    return [
        ParticipantRow(
            enrolment_id=n,
            person_id=n,
            cohort_id=1,
            role="adept" if n % 3 else "mentor",
            status="applied",
            status_changed_on=date(2027, 1, 1),
            first_name=rng.choice(FIRST),
            last_name=rng.choice(LAST),
            email=f"person{n}@example.com",
            city=rng.choice(CITIES),
            education_field_text=rng.choice(FIELDS),
            job_title=rng.choice(JOBS),
        )
        for n in range(count)
    ]


def _ms(seconds: float) -> float:
    return seconds * 1000


def main() -> None:
    started = time.perf_counter()
    rows = build_rows()
    built = time.perf_counter()
    haystacks = [row.haystack for row in rows]
    precomputed = time.perf_counter()
    print(
        f"{COUNT} rows built in {_ms(built - started):.0f} ms, "
        f"haystacks in {_ms(precomputed - built):.0f} ms"
    )
    assert search_text("Åsa") == "åsa"

    timings: list[float] = []
    for query in QUERIES:
        per_query = []
        for end in range(1, len(query) + 1):
            typed = query[:end]
            start = time.perf_counter()
            shown = [i for i in range(len(rows)) if matches(haystacks[i], typed)]
            per_query.append(time.perf_counter() - start)
        timings += per_query
        print(
            f"  {query!r:12} {len(shown):5} rows  "
            f"per keystroke: median {_ms(statistics.median(per_query)):5.1f} ms, "
            f"max {_ms(max(per_query)):5.1f} ms"
        )
    median, worst = _ms(statistics.median(timings)), _ms(max(timings))
    verdict = "OK" if worst < TARGET_MS else "TOO SLOW"
    print(
        f"filter, all keystrokes: median {median:.1f} ms, max {worst:.1f} ms "
        f"(target < {TARGET_MS:.0f} ms): {verdict}"
    )

    for language in ("sv", "en"):

        def by_name(row: ParticipantRow, language: str = language) -> tuple:
            return sort_key(row.last_name, language), sort_key(row.first_name, language)

        times = []
        for _ in range(5):
            start = time.perf_counter()
            ordered = sorted(rows, key=by_name)
            times.append(time.perf_counter() - start)
        print(
            f"sort {COUNT} rows by name ({language}): "
            f"median {_ms(statistics.median(times)):.0f} ms, max {_ms(max(times)):.0f} ms, "
            f"first {ordered[0].last_name}, last {ordered[-1].last_name}"
        )


if __name__ == "__main__":
    main()
