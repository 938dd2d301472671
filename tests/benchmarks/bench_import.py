"""Import speed: 10,000 adept applications from one CSV file into a fresh database.

Run: python tests/benchmarks/bench_import.py [rows]. It prints the median of three runs of
``run_import`` (reading, checking and writing the file; the database is created and migrated
before the clock starts) and the rows per second. The target is under 3 s for 10,000 rows.
"""

from __future__ import annotations

import codecs
import csv
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mentorapp.dataio.importer import ImportOptions, run_import
from mentorapp.workspace.services import Services

RUNS = 3
TARGET_SECONDS = 3.0
# fmt: off
FIRST = ["Yasmin", "Dmytro", "Hülya", "Thabo", "Lucía", "Wojciech", "Łucja", "Åsa", "Örjan",
         "Amal", "Reza", "Sofia", "Kwame", "Mariam", "Jiří", "Ngozi", "Søren", "Zeynep"]
LAST = ["Haidari", "Bondarenko", "Kaya", "Nkosi", "Fernández", "Wróbel", "Łukaszewicz",
        "Öberg", "Åkesson", "Yousef", "Karimi", "Ivanova", "Mensah", "Dvořák", "Ähtäri"]
CITIES = ["Göteborg", "Stockholm", "Malmö", "Linköping", "Uppsala", "Umeå", "Västerås",
          "Örebro", "Jönköping", "Luleå"]
LANGUAGES = ["Svenska, Engelska", "engelska", "sv", "Svenska och engelska", "Svenska/Engelska"]
FIELDS = ["Ekonomi", "Data och IT", "Juridik", "Naturvetenskap", "Samhällsvetenskap", "Teknik",
          "Vårdvetenskap", "Arkitektur och stadsplanering"]
INDUSTRIES = ["Bank och finans", "IT och telekom", "Offentlig förvaltning", "Industri", "Bygg",
              "Handel", "J", "Vård och omsorg"]
GOALS = ["Jobb som controller", "Utvecklarroll", "", "Forskning & utveckling;\nhelst inom material",
         "Få kontakter i branschen", 'Lära mig "svensk" arbetskultur']
HEADER = ["Tidstämpel", "Förnamn", "Efternamn", "E-postadress", "Telefon", "Ort",
          "Digitala träffar", "Språk", "Utbildningsnivå", "Utbildningsområde", "Bransch",
          "Års erfarenhet", "Mål", "Önskat kön på mentor"]
# fmt: on


def make_file(rows: int, seed: int = 2027) -> bytes:
    """A Swedish web form's export: UTF-8 with BOM, semicolons, CRLF, a timestamp column."""
    rng = random.Random(seed)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for n in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        writer.writerow(
            [
                f"2027-01-{n % 28 + 1:02d} {n % 24:02d}:{n % 60:02d}",
                first,
                last,
                f"{first}.{last}.{n}@example.com".replace(" ", ""),
                f"070-174 06 {n % 95 + 5:02d}" if n % 3 else "",
                rng.choice(CITIES),
                rng.choice(["Ja", "Nej", "x", ""]),
                rng.choice(LANGUAGES),
                rng.choice(["Kandidat", "Master", "PhD", "Ingenjör"]),
                rng.choice(FIELDS),
                rng.choice(INDUSTRIES),
                str(rng.randint(0, 25)),
                rng.choice(GOALS),
                rng.choice(["", "", "kvinna", "man"]),
            ]
        )
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def one_run(data: bytes, rows: int) -> float:
    with tempfile.TemporaryDirectory() as folder, Services.opened(Path(folder) / "b.db") as s:
        options = ImportOptions(role="adept", cohort_name="Vår 2027")
        started = time.perf_counter()
        report = run_import(s.database, data, options)
        elapsed = time.perf_counter() - started
        assert report.written and report.created == rows and not report.errors, report.as_json()
        assert s.info().adepts == rows
    return elapsed


def main() -> int:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data = make_file(rows)
    times = [one_run(data, rows) for _ in range(RUNS)]
    median = statistics.median(times)
    print(f"rows: {rows}  file: {len(data) / 1e6:.1f} MB")
    print("runs: " + ", ".join(f"{t:.2f} s" for t in times))
    print(f"median: {median:.2f} s  ({rows / median:,.0f} rows/s; target < {TARGET_SECONDS} s)")
    return 0 if median < TARGET_SECONDS or rows != 10_000 else 1


if __name__ == "__main__":
    raise SystemExit(main())
