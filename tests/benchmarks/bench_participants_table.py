"""Typing in the participants search with 10,000 people: time per keystroke, view included.

Run: python tests/benchmarks/bench_participants_table.py (target: under 50 ms per keystroke).
Each keystroke sets the filter on the real ParticipantsModel behind a QTableView on screen
(offscreen) and lets Qt lay out and paint the result.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

from mentorapp.gui.models.participants_model import Filters, ParticipantsModel
from mentorapp.i18n import set_language
from mentorapp.people.records import ParticipantRow

FIRST = [
    "Åsa",
    "Łukasz",
    "Nguyễn",
    "Aylin",
    "Ștefan",
    "Zoltán",
    "Amal",
    "Reza",
    "Sofia",
    "Kwame",
    "Öznur",
    "Yasmin",
    "Dmytro",
    "Hülya",
    "Thabo",
    "Lucía",
    "Wojciech",
    "Ärla",
    "Erik",
    "Karin",
]
LAST = [
    "Öberg",
    "Żółć",
    "Đặng",
    "Yıldız",
    "Năstase",
    "Hőgyes",
    "Yousef",
    "Karimi",
    "Ivanova",
    "Mensah",
    "Åkesson",
    "Haidari",
    "Bondarenko",
    "Kaya",
    "Nkosi",
    "Fernández",
    "Wróbel",
    "Lundgren",
    "Sandberg",
    "Ekdahl",
]
CITIES = ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Linköping", "Umeå", "Örebro", "Lund"]
FIELDS = [("04", "Ekonomi"), ("06", "Data och IT"), ("07", "Teknik"), ("03", "Juridik")]
QUERIES = ["åsa", "łukasz", "malmö", "data och", "yıldız göteborg"]


def people(count: int) -> list[ParticipantRow]:
    rng = random.Random(7)
    rows = []
    for number in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        code, words = rng.choice(FIELDS)
        rows.append(
            ParticipantRow(
                enrolment_id=number,
                person_id=number,
                cohort_id=1,
                role=rng.choice(["adept", "mentor"]),
                status="applied",
                status_changed_on=date(2027, 1, 1 + number % 28),
                first_name=first,
                last_name=last,
                email=f"person{number}@example.com",
                city=rng.choice(CITIES),
                digital=bool(number % 2),
                languages=("sv", "en")[: 1 + number % 2],
                education_field=code,
                education_field_text=words,
                industry="K",
            )
        )
    return rows


def main() -> None:
    app = QApplication.instance() or QApplication([])
    set_language("sv")
    model = ParticipantsModel()
    view = QTableView()
    view.setModel(model)
    view.setWordWrap(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # as in the panel
    view.resize(1000, 700)
    view.show()
    started = time.perf_counter()
    model.set_rows(people(10_000))
    app.processEvents()
    print(f"loading 10,000 rows into the model: {(time.perf_counter() - started) * 1000:.0f} ms")
    timings = []
    for query in QUERIES:
        for length in range(1, len(query) + 1):
            started = time.perf_counter()
            model.set_filters(Filters(text=query[:length]))
            app.processEvents()
            timings.append((time.perf_counter() - started) * 1000)
        model.set_filters(Filters())
        app.processEvents()
    started = time.perf_counter()
    model.sort(0)
    app.processEvents()
    sort_ms = (time.perf_counter() - started) * 1000
    print(
        f"keystrokes: {len(timings)}; per keystroke: median {statistics.median(timings):.1f} ms, "
        f"max {max(timings):.1f} ms (target: under 50 ms)"
    )
    print(f"sorting 10,000 names in Swedish order: {sort_ms:.0f} ms")


if __name__ == "__main__":
    main()
