"""How long a proposal takes: a large invented round, and the demo programme's running round.

Run: python tests/benchmarks/bench_matching.py. First 1,000 adepts and 600 mentors
(capacity 1–3) with realistic spreads of cities, digital meetings, languages, fields and
industries: the time for the whole proposal (scoring every pair, the exact solve, the
chosen pairs' parts, the reasons and the help lines), with the solve alone beside it.
Then the demo programme written into a temporary file: the time for
``MatchingService.propose`` on its running round, reading from the database included.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from mentorapp.matching.model import Candidate, Weights
from mentorapp.matching.proposal import build_proposal
from mentorapp.matching.solver import solve

ADEPTS, MENTORS, SEED = 1000, 600, 2027
CITIES = {
    "Stockholm": 30,
    "Göteborg": 15,
    "Malmö": 10,
    "Uppsala": 6,
    "Linköping": 5,
    "Västerås": 4,
    "Örebro": 4,
    "Umeå": 4,
    "Lund": 4,
    "Norrköping": 3,
    "Luleå": 2,
    "Kiruna": 1,
}
FIELDS = {"3": 30, "4": 25, "5": 20, "7": 15, "2": 5, "1": 3, "": 2}
INDUSTRIES = {"J": 25, "K": 15, "M": 20, "Q": 15, "C": 15, "P": 5, "": 5}


def pick(rng: random.Random, weighted: dict[str, int]) -> str:
    return rng.choices(list(weighted), list(weighted.values()))[0]


def invented(rng: random.Random) -> tuple[list[Candidate], list[Candidate]]:
    adepts = [
        Candidate(
            enrolment_id=i,
            email=f"adept{i}@example.com",
            name=f"Adept {i}",
            city=pick(rng, CITIES),
            digital=rng.random() < 0.5,
            languages=rng.choices((("sv", "en"), ("en",), ("sv",)), (5, 3, 2))[0],
            education_field=pick(rng, FIELDS),
            industry=pick(rng, INDUSTRIES),
            years=rng.choice([None, *range(1, 15)]),
            gender=rng.choice(("kvinna", "man", "")),
            preferred_mentor_gender=rng.choices(("", "kvinna", "man"), (8, 1, 1))[0],
        )
        for i in range(1, ADEPTS + 1)
    ]
    mentors = [
        Candidate(
            enrolment_id=10_000 + i,
            email=f"mentor{i}@example.org",
            name=f"Mentor {i}",
            city=pick(rng, CITIES),
            digital=rng.random() < 0.6,
            languages=rng.choices((("sv", "en"), ("sv",), ("en",)), (11, 8, 1))[0],
            education_field=pick(rng, FIELDS),
            industry=pick(rng, INDUSTRIES),
            years=rng.choice([None, *range(5, 35)]),
            gender=rng.choice(("kvinna", "man")),
            capacity=rng.choices((1, 2, 3), (5, 4, 1))[0],
        )
        for i in range(1, MENTORS + 1)
    ]
    return adepts, mentors


def timed(job, repeat: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def large_round() -> None:
    adepts, mentors = invented(random.Random(SEED))
    start = time.perf_counter()
    import scipy.optimize  # noqa: F401  (its first import is not part of a proposal)

    print(f"importing SciPy: {time.perf_counter() - start:.2f} s (once per process)")
    seconds, proposal = timed(lambda: build_proposal(adepts, mentors, Weights(), spread=True))
    places = sum(m.capacity for m in mentors)
    print(
        f"{ADEPTS} adepts × {MENTORS} mentors ({places} places): propose {seconds:.2f} s, "
        f"placed {proposal.placed}, unmatched {len(proposal.unmatched)}, "
        f"total score {proposal.total_score}, help lines {len(proposal.help)}"
    )
    seconds, _ = timed(lambda: solve(adepts, mentors, Weights(), spread=True))
    print(f"  of which the solve (scoring every pair + assignment): {seconds:.2f} s")
    seconds, _ = timed(lambda: solve(adepts, mentors, Weights(), spread=False))
    print(f"  solve with spread off: {seconds:.2f} s")


def demo_round() -> None:
    from mentorapp.demo.writer import write_demo
    from mentorapp.workspace.services import Services

    with tempfile.TemporaryDirectory() as folder:
        services = Services.open(Path(folder) / "demo.db")
        try:
            write_demo(services.database)
            programme = services.programmes.programme()
            assert programme is not None and programme.id is not None
            cohort = services.programmes.current_cohort(programme.id)
            assert cohort is not None and cohort.id is not None
            seconds, proposal = timed(lambda: services.matching.propose(cohort.id))
        finally:
            services.close()
    print(
        f"demo round {cohort.name}: propose {seconds * 1000:.0f} ms, "
        f"placed {proposal.placed} of {len(proposal.adepts)} adepts "
        f"({len(proposal.mentors)} mentors), unmatched {len(proposal.unmatched)}, "
        f"source {proposal.source}"
    )


if __name__ == "__main__":
    large_round()
    demo_round()
