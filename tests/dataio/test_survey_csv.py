"""A survey's answers from CSV: a Google Forms and a Microsoft Forms export, the template filled
in, a bad file that saves nothing, and the answers exported spreadsheet-safe and owner-only."""

from __future__ import annotations

import csv
import io
import os
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import func, select

from mentorapp.dataio.csv_source import read_table
from mentorapp.dataio.survey_answers_csv import write_answers_csv
from mentorapp.dataio.survey_csv import import_answers, template_rows, write_template
from mentorapp.domain.models import SurveyAnswer, SurveyResponse
from mentorapp.i18n import speaking
from mentorapp.impact.survey_content import load_content
from tests.impact.people_helpers import T0, make_round

DATA = Path(__file__).resolve().parent.parent / "data" / "surveys"
TODAY = date(2026, 12, 2)


def stored(services) -> tuple[int, int]:
    with services.database.reading() as session:
        responses = session.exec(select(func.count()).select_from(SurveyResponse)).one()
        answers = session.exec(select(func.count()).select_from(SurveyAnswer)).one()
    return responses, answers


def csv_bytes(rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def google_rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO((DATA / "google_forms_t1_sv.csv").read_text("utf-8"))))


def run(services, round_, survey: str, data: bytes, **options):
    return import_answers(services.database, round_.cohort_id, survey, data, today=TODAY, **options)


# -- Google Forms -------------------------------------------------------------------------------


def test_a_google_forms_export_in_swedish_is_matched_by_question_text_and_e_mail(
    services,
) -> None:
    round_ = make_round(services)
    report = run(services, round_, "t1", (DATA / "google_forms_t1_sv.csv").read_bytes())
    assert report.problems == []
    assert (report.added, report.replaced, report.unchanged) == (3, 0, 0)
    assert report.written
    amal = services.surveys.answers(round_.ids["Amal"], "t1")
    assert amal == {
        "understand_recruitment": "5",  # "Instämmer helt"
        "present_competence": "4",
        "confident_search": "4",  # "Instämmer"
        "next_steps": "dont_know",  # "Vet inte"
        "contacts": "3_5",  # "3–5", an en dash
        "new_contact": "yes",
        "status": "job",  # "Jag har ett jobb"
        "in_field": "partly",  # "Delvis"
        "recommend": "9",
        "most_valuable": "Att öva på intervjuer, med feedback direkt.",
    }
    bashir = services.surveys.answers(round_.ids["Bashir"], "t1")  # "Bashir@Example.org"
    assert bashir is not None and bashir["status"] == "seeking" and "in_field" not in bashir
    chen = services.surveys.answers(round_.ids["Chen"], "t1")  # English labels, Swedish headers
    assert chen is not None
    assert (chen["understand_recruitment"], chen["contacts"], chen["status"]) == (
        "5",
        "over_10",
        "internship",
    )
    # answered_on is the form's timestamp
    assert services.surveys.answered_on(round_.ids["Amal"], "t1") == date(2026, 5, 29)
    assert services.surveys.answered_on(round_.ids["Chen"], "t1") == date(2026, 6, 1)


def test_a_column_that_is_no_question_is_a_warning_not_a_problem(services) -> None:
    round_ = make_round(services)
    report = run(services, round_, "t1", (DATA / "google_forms_t1_sv.csv").read_bytes())
    assert report.ignored_columns == ["Hur hörde du talas om programmet?"]
    assert len(report.warnings) == 1
    assert "“Hur hörde du talas om programmet?”" in report.warnings[0].message
    assert report.written
    # the form tool's own columns are recognised, not warned about
    assert "Tidstämpel" not in report.warnings[0].message
    assert "E-postadress" not in report.warnings[0].message


def test_a_bad_file_saves_nothing_and_names_the_rows(services) -> None:
    round_ = make_round(services)
    rows = google_rows()
    rows[1][1] = "nobody@example.org"  # row 2: unknown e-mail
    rows[2][7] = "Kanske"  # row 3: not an answer to the yes/no question
    rows.append(list(rows[3]))  # row 5: Chen again
    rows[3][9] = "Jättebra"  # row 4: not an answer to in_field
    report = run(services, round_, "t1", csv_bytes(rows))
    assert not report.written
    assert stored(services) == (0, 0)
    by_row = {p.row: p for p in report.problems}
    assert sorted(by_row) == [2, 3, 4, 5]
    assert "nobody@example.org" in by_row[2].message and by_row[2].column == "E-postadress"
    assert by_row[3].column.startswith("6. Genom programmet")
    assert "“Kanske”" in by_row[3].message
    assert "yes (Yes)" in by_row[3].message and "no (No)" in by_row[3].message
    assert by_row[4].column.startswith("8. Om du har ett jobb")
    assert "partly (Partly)" in by_row[4].message
    assert "row 4 too" in by_row[5].message and "Chen Testsson" in by_row[5].message
    assert (report.added, report.replaced, report.unchanged) == (0, 0, 0)


def test_the_problems_are_in_the_users_language(services) -> None:
    round_ = make_round(services)
    rows = google_rows()
    rows[2][7] = "Kanske"
    with speaking("sv"):
        report = run(services, round_, "t1", csv_bytes(rows))
        message = report.problems[0].message
    assert "”Kanske”" in message and "yes (Ja)" in message
    assert "is not an answer" not in message


def test_people_not_asked_this_survey_are_named(services) -> None:
    round_ = make_round(services)
    rows = google_rows()[:1]
    answer = ["2026-05-29 10:00", "", "4", "4", "4", "4", "3–5", "Ja", "Jag har ett jobb"]
    answer += ["Ja", "8", "", ""]
    for email in ("mira@example.org", "elif@example.org", "dina@example.org"):
        rows.append([answer[0], email, *answer[2:]])
    report = run(services, round_, "t1", csv_bytes(rows))
    by_row = {p.row: p.message for p in report.problems}
    assert "mentors" in by_row[2] and "Mira Testsson" in by_row[2]  # a mentor
    assert "did not take part" in by_row[3]  # on the waiting list
    assert 4 not in by_row  # left early, but took part: asked
    assert stored(services) == (0, 0)


def test_a_dry_run_reports_and_writes_nothing(services) -> None:
    round_ = make_round(services)
    data = (DATA / "google_forms_t1_sv.csv").read_bytes()
    report = run(services, round_, "t1", data, dry_run=True)
    assert report.problems == [] and report.dry_run and not report.written
    assert report.added == 3
    assert stored(services) == (0, 0)


def test_earlier_answers_are_replaced_only_when_asked(services) -> None:
    round_ = make_round(services)
    data = (DATA / "google_forms_t1_sv.csv").read_bytes()
    run(services, round_, "t1", data)
    before = stored(services)
    again = run(services, round_, "t1", data)
    assert (again.added, again.replaced, again.unchanged) == (0, 0, 3)
    assert again.problems == []
    rows = google_rows()
    rows[1][9] = "Nej"  # Amal: not in her own field after all
    changed = csv_bytes(rows)
    refused = run(services, round_, "t1", changed)
    assert [p.row for p in refused.problems] == [2]
    assert "already answered" in refused.problems[0].message
    assert services.surveys.answers(round_.ids["Amal"], "t1")["in_field"] == "partly"
    replaced = run(services, round_, "t1", changed, replace=True)
    assert replaced.problems == []
    assert (replaced.added, replaced.replaced, replaced.unchanged) == (0, 1, 2)
    assert services.surveys.answers(round_.ids["Amal"], "t1")["in_field"] == "no"
    assert stored(services) == before


# -- Microsoft Forms, matched by code ------------------------------------------------------------


def test_a_microsoft_forms_export_with_semicolons_is_matched_by_code(services) -> None:
    round_ = make_round(services)
    codes = {p.first_name: p.code for p in services.surveys.people(round_.cohort_id, "t0")}
    header = ["ID", "Start time", "Completion time", "Email", "Name"]
    header += ["Koden på ditt pappersformulär"]
    header += [item.text for item in load_content("sv").survey("t0").items]
    rows = [header]
    for number, (name, code, agree) in enumerate(
        (
            ("Amal", codes["Amal"].lower(), "Instämmer inte"),
            ("Bashir", codes["Bashir"].replace("-", " "), "Varken eller"),
            ("Chen", codes["Chen"], "Instämmer helt"),
        ),
        start=1,
    ):
        rows.append(
            [
                str(number),
                "2026-02-03 10:02:11",
                f"2026-02-0{2 + number} 10:15:40",
                "anonymous",
                "",
                code,
                agree,
                "Instämmer",
                "Instämmer inte alls",
                "Vet inte",
                "Inga" if name == "Amal" else "1–2",
            ]
        )
    data = b"\xef\xbb\xbf" + csv_bytes(rows, delimiter=";")
    report = run(services, round_, "t0", data)
    assert report.problems == [], [p.message for p in report.problems]
    assert report.warnings == []  # ID, Name, the start time: the form's own columns
    assert report.added == 3
    amal = services.surveys.answers(round_.ids["Amal"], "t0")
    assert amal == {
        "understand_recruitment": "2",
        "present_competence": "4",
        "confident_search": "1",
        "next_steps": "dont_know",
        "contacts": "none",
    }
    assert services.surveys.answers(round_.ids["Bashir"], "t0")["understand_recruitment"] == "3"
    # the completion time, not the start time, is the day of answering
    assert services.surveys.answered_on(round_.ids["Chen"], "t0") == date(2026, 2, 5)


def test_a_wrong_code_is_a_problem_of_its_row(services) -> None:
    round_ = make_round(services)
    code = next(p.code for p in services.surveys.people(round_.cohort_id, "t0"))
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    rows = [["code", "contacts"], [code, "none"], [wrong, "none"]]
    report = run(services, round_, "t0", csv_bytes(rows))
    assert [(p.row, p.column) for p in report.problems] == [(3, "code")]
    assert wrong in report.problems[0].message
    assert stored(services) == (0, 0)


def test_an_e_mail_and_a_code_of_two_people_on_one_row_is_a_problem(services) -> None:
    round_ = make_round(services)
    codes = {p.first_name: p.code for p in services.surveys.people(round_.cohort_id, "t0")}
    rows = [["email", "code", "contacts"], ["amal@example.org", codes["Chen"], "none"]]
    report = run(services, round_, "t0", csv_bytes(rows))
    assert len(report.problems) == 1
    assert "Amal Testsson" in report.problems[0].message
    assert "Chen Testsson" in report.problems[0].message


def test_a_file_without_a_person_column_or_questions_says_so_on_row_one(services) -> None:
    round_ = make_round(services)
    report = run(services, round_, "t0", csv_bytes([["Förnamn", "contacts"], ["Amal", "none"]]))
    assert [p.row for p in report.problems] == [1]
    assert "who answered" in report.problems[0].message
    report = run(
        services, round_, "t0", csv_bytes([["email", "Favourite colour"], ["a@b.se", "x"]])
    )
    assert any("No column of the file is a question" in p.message for p in report.problems)
    assert stored(services) == (0, 0)


def test_an_answer_dated_in_the_future_or_years_before_is_a_problem(services) -> None:
    round_ = make_round(services)
    rows = [
        ["Timestamp", "email", "contacts"],
        ["2027-01-05 10:00:00", "amal@example.org", "none"],
        ["2019-01-05 10:00:00", "bashir@example.org", "none"],
        ["not a day", "chen@example.org", "none"],
    ]
    report = run(services, round_, "t0", csv_bytes(rows))
    by_row = {p.row: p.message for p in report.problems}
    assert "future" in by_row[2] and "long before" in by_row[3] and "not a day" in by_row[4]


# -- the template -------------------------------------------------------------------------------


def test_the_template_has_a_row_per_person_and_a_guide_row(services, tmp_path: Path) -> None:
    round_ = make_round(services)
    people = services.surveys.people(round_.cohort_id, "t0")
    path = tmp_path / "t0.csv"
    assert write_template(path, people, "t0", load_content("en")) == 4
    table = read_table(path.read_bytes())
    keys = [item.key for item in load_content("en").survey("t0").items]
    assert table.headers == ["email", "code", *keys]
    assert table.rows[0][1][:2] == ["", ""]
    assert table.rows[0][1][2] == "1 / 2 / 3 / 4 / 5 / dont_know"
    assert table.rows[0][1][6] == "none / 1_2 / 3_5 / 6_10 / over_10"
    assert [cells[:2] for _n, cells in table.rows[1:]] == [[p.email, p.code] for p in people]
    assert all(cells[2:] == [""] * len(keys) for _n, cells in table.rows[1:])
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600


def test_the_template_can_list_swedish_labels_and_keeps_the_keys_as_header(services) -> None:
    round_ = make_round(services)
    people = services.surveys.people(round_.cohort_id, "t1")
    headers, rows = template_rows(people, "t1", load_content("en"), labels="sv")
    assert headers[2] == "understand_recruitment"
    guide = dict(zip(headers, rows[0], strict=True))
    assert guide["understand_recruitment"].endswith("Instämmer helt / Vet inte")
    assert guide["status"].startswith("Jag har ett jobb / ")
    assert guide["recommend"] == "0–10" and guide["most_valuable"] == ""


@pytest.mark.parametrize("labels", ["keys", "sv", "en"])
def test_a_filled_in_template_imports(services, tmp_path: Path, labels: str) -> None:
    round_ = make_round(services)
    people = services.surveys.people(round_.cohort_id, "t0")
    path = tmp_path / "t0.csv"
    write_template(path, people, "t0", load_content("sv"), labels)
    table = read_table(path.read_bytes())
    filled = {
        "keys": ["2", "3", "2", "dont_know", "1_2"],
        "sv": ["Instämmer inte", "Varken eller", "Instämmer inte", "Vet inte", "1–2"],
        "en": ["Disagree", "Neither agree nor disagree", "Disagree", "Don't know", "1–2"],
    }[labels]
    rows = [table.headers] + [cells for _n, cells in table.rows]
    rows[2] = rows[2][:2] + filled  # Amal; the others are left empty, the guide row kept
    report = run(services, round_, "t0", csv_bytes(rows))
    assert report.problems == []
    assert report.added == 1
    assert services.surveys.answers(round_.ids["Amal"], "t0") == T0
    assert services.surveys.answered_on(round_.ids["Amal"], "t0") == TODAY  # the import's day
    assert [w.row for w in report.warnings] == [4]  # rows 4–6 answer nothing: one warning
    assert "4, 5, 6" in report.warnings[0].message


def test_the_same_template_imported_again_later_is_unchanged(services) -> None:
    round_ = make_round(services)
    rows = [["email", "code", "contacts"], ["amal@example.org", "", "none"]]
    run(services, round_, "t0", csv_bytes(rows))
    later = import_answers(
        services.database, round_.cohort_id, "t0", csv_bytes(rows), today=date(2026, 12, 20)
    )
    assert (later.added, later.replaced, later.unchanged) == (0, 0, 1)
    assert services.surveys.answered_on(round_.ids["Amal"], "t0") == TODAY


# -- the answers as CSV -------------------------------------------------------------------------


def test_the_answers_csv_has_labels_numbers_and_is_spreadsheet_safe(
    services, tmp_path: Path
) -> None:
    round_ = make_round(services)
    run(services, round_, "t1", (DATA / "google_forms_t1_sv.csv").read_bytes())
    services.surveys.save(
        round_.ids["Bashir"],
        "t1",
        {"status": "seeking", "most_valuable": "=cmd|' /C calc'!A0", "recommend": "10"},
        date(2026, 6, 2),
    )
    path = tmp_path / "answers.csv"
    rows = services.surveys.table(round_.cohort_id, "t1")
    assert write_answers_csv(path, rows, "t1", load_content("sv")) == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header = lines[0]
    assert header[:4] == ["name", "email", "code", "answered_on"]
    by_name = {line[0]: dict(zip(header, line, strict=True)) for line in lines[1:]}
    amal = by_name["Amal Testsson"]
    assert amal["answered_on"] == "2026-05-29"
    assert amal["understand_recruitment"] == "Instämmer helt"
    assert amal["next_steps"] == "Vet inte" and amal["new_contact"] == "Ja"
    assert amal["status"] == "Jag har ett jobb" and amal["recommend"] == "9"
    bashir = by_name["Bashir Testsson"]
    assert bashir["most_valuable"] == "'=cmd|' /C calc'!A0"  # neutralised
    assert bashir["recommend"] == "10" and bashir["status"] == "Jag söker jobb"
    assert bashir["understand_recruitment"] == ""
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600


def test_the_answers_csv_in_english_imports_back_unchanged(services, tmp_path: Path) -> None:
    round_ = make_round(services)
    run(services, round_, "t1", (DATA / "google_forms_t1_sv.csv").read_bytes())
    path = tmp_path / "answers.csv"
    rows = services.surveys.table(round_.cohort_id, "t1")
    write_answers_csv(path, rows, "t1", load_content("en"))
    text = path.read_text("utf-8-sig")
    assert "Strongly agree" in text and "I have a job" in text
    again = run(services, round_, "t1", path.read_bytes())
    assert again.problems == [] and again.warnings == []
    assert (again.added, again.replaced, again.unchanged) == (0, 0, 3)


def test_empty_rows_of_people_who_answered_before_are_left_alone(services) -> None:
    """A template filled in for some, imported after others' answers came in by hand."""
    round_ = make_round(services)
    services.surveys.save(round_.ids["Bashir"], "t0", T0, date(2026, 2, 3))
    rows = [
        ["email", "code", "contacts"],
        ["amal@example.org", "", "none"],
        ["bashir@example.org", "", ""],  # answered on paper already: left empty here
        ["bashir@example.org", "", ""],  # an empty row twice is no duplicate either
    ]
    report = run(services, round_, "t0", csv_bytes(rows))
    assert report.problems == []
    assert (report.added, report.replaced, report.unchanged) == (1, 0, 0)
    assert services.surveys.answers(round_.ids["Bashir"], "t0") == T0


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_form_built_from_the_questions_text_is_read(services, language: str) -> None:
    """``survey-questions`` makes the first question "Your e-mail or the code on your paper
    form" and numbers the others: the answers are an address or a code, in one column."""
    from mentorapp.i18n import _

    round_ = make_round(services)
    codes = {p.first_name: p.code for p in services.surveys.people(round_.cohort_id, "t0")}
    items = load_content(language).survey("t0").items
    with speaking(language):
        first = _("Your e-mail or the code on your paper form")
    header = ["Timestamp", f"1. {first}", *(f"{n}. {item.text}" for n, item in enumerate(items, 2))]
    rows = [
        header,
        ["2026-02-03 10:00:00", "amal@example.org", "2", "3", "2", "dont_know", "1_2"],
        ["2026-02-03 10:05:00", codes["Bashir"], "4", "4", "4", "4", "none"],
    ]
    report = run(services, round_, "t0", csv_bytes(rows))
    assert report.problems == [] and report.warnings == []
    assert report.added == 2
    assert services.surveys.answers(round_.ids["Amal"], "t0") == T0
    assert services.surveys.answers(round_.ids["Bashir"], "t0")["contacts"] == "none"


def test_an_edited_copys_own_scale_labels_import(services, tmp_path: Path) -> None:
    from mentorapp.impact.survey_content import built_in_path, load_content_file

    text = built_in_path("en").read_text(encoding="utf-8")
    text = text.replace('"Strongly agree"]', '"Fully agree"]').replace(
        'yes = "Yes"', 'yes = "Yes, indeed"'
    )
    path = tmp_path / "surveys-en.toml"
    path.write_text(text, encoding="utf-8")
    edited = load_content_file(path, "en")
    round_ = make_round(services)
    data = csv_bytes([
        ["email", "understand_recruitment", "new_contact"],
        ["amal@example.org", "Fully agree", "Yes, indeed"],
    ])  # fmt: skip
    report = run(services, round_, "t1", data, contents=[edited])
    assert report.problems == [] and report.written
    assert services.surveys.answers(round_.ids["Amal"], "t1") == {
        "understand_recruitment": "5",
        "new_contact": "yes",
    }


def test_an_empty_file_is_told_in_a_surveys_words(services) -> None:
    from mentorapp.dataio.csv_source import ImportFileError

    round_ = make_round(services)
    with pytest.raises(ImportFileError) as caught:
        run(services, round_, "t1", b"\r\n\r\n")
    message = caught.value.user_message()
    assert "answers" in message and "applications" not in message
