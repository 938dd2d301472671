"""What a round's paper forms hold: the survey's people in their own language (one file, the
Swedish part first), or all in one language; blank forms; refusals; and the command."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from mentorapp.cli import main
from mentorapp.documents.survey_form_pdf import BLANK
from mentorapp.errors import ValidationError
from mentorapp.impact.codes import survey_code
from mentorapp.impact.forms import survey_forms
from tests.impact.people_helpers import make_round


@pytest.fixture
def round_(services):
    return make_round(services)


def names(forms) -> list[tuple[str, list[str]]]:
    return [(b.content.language, [f.name for f in b.forms]) for b in forms.batches]


def test_each_person_gets_the_form_in_their_groups_language(services, round_) -> None:
    forms = survey_forms(services.database, round_.cohort_id, "t1", blank=2)
    assert names(forms) == [
        ("sv", ["Amal Testsson", "Bashir Testsson", "", ""]),  # blanks: the programme's
        ("en", ["Chen Testsson", "Dina Testsson"]),  # Dina left her English group early
    ]
    assert forms.people == 4 and forms.blank == 2 and forms.problems == ()
    assert [b.survey.key for b in forms.batches] == ["t1", "t1"]
    assert forms.batches[1].survey.title != forms.batches[0].survey.title  # two languages
    programme = services.programmes.programme()
    amal = forms.batches[0].forms[0]
    assert amal.code == survey_code(programme.calendar_id, round_.ids["Amal"])
    assert forms.batches[0].forms[-1] == BLANK
    assert forms.header.round == "Vår 2026" and forms.header.programme == "Mentorskap"


def test_one_language_for_all_and_only_some_people(services, round_) -> None:
    forms = survey_forms(services.database, round_.cohort_id, "mentor_end", language="en")
    assert names(forms) == [("en", ["Mats Testsson", "Mira Testsson"])]
    only = survey_forms(
        services.database, round_.cohort_id, "t0", only=[round_.ids["Chen"]], language="sv"
    )
    assert names(only) == [("sv", ["Chen Testsson"])]


def test_refusals_name_the_problem(services, round_) -> None:
    database, cohort = services.database, round_.cohort_id
    with pytest.raises(ValidationError) as caught:
        survey_forms(database, cohort, "partner")
    assert "partner" in caught.value.user_message()
    assert names(survey_forms(database, cohort, "partner", blank=3)) == [("sv", ["", "", ""])]
    for bad in ({"survey": "t9"}, {"survey": "t1", "language": "de"},
                {"survey": "t1", "blank": 501}, {"survey": "t1", "only": []}):  # fmt: skip
        with pytest.raises(ValidationError):
            survey_forms(database, cohort, **bad)  # type: ignore[arg-type]


def test_the_command_writes_one_file_for_the_round(services, round_, db_path, tmp_path, capsys):
    out = tmp_path / "t1.pdf"
    argv = ["--db", str(db_path), "survey-forms", "--cohort", "Vår 2026", "--survey", "t1"]
    assert main([*argv, "--out", str(out), "--blank", "1"]) == 0
    assert capsys.readouterr().out.strip().endswith("5 forms, 10 pages")
    reader = PdfReader(out)
    text = " ".join(page.extract_text() for page in reader.pages)
    for name in ("Amal", "Bashir", "Chen", "Dina"):
        assert f"{name} Testsson" in text
    assert "Mira Testsson" not in text  # a mentor is not asked the adepts' end survey
    assert (out.stat().st_mode & 0o777) == 0o600
    assert main([*argv, "--out", str(out)]) == 2  # exists: nothing overwritten
    assert "already exists" in capsys.readouterr().err


def test_the_command_uses_the_organisations_wording_and_refuses_a_missing_folder(
    services, round_, db_path, tmp_path, capsys
) -> None:
    from mentorapp.impact.survey_content import built_in_path, load_content

    title = load_content("sv").survey("t1").title
    text = built_in_path("sv").read_text(encoding="utf-8")
    assert f'title = "{title}"' in text
    folder = tmp_path / "user-data" / "workbook-content"  # the settings' folder in the tests
    folder.mkdir(parents=True)
    (folder / "surveys-sv.toml").write_text(
        text.replace(f'title = "{title}"', 'title = "Broars egen slutenkät"', 1), "utf-8"
    )
    out = tmp_path / "t1.pdf"
    argv = ["--db", str(db_path), "survey-forms", "--cohort", "Vår 2026", "--survey", "t1"]
    assert main([*argv, "--out", str(out), "--lang", "sv"]) == 0
    capsys.readouterr()
    printed = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Broars egen slutenkät" in printed
    missing = tmp_path / "no-such-folder"
    other = tmp_path / "t1-other.pdf"
    assert main([*argv, "--out", str(other), "--content", str(missing)]) == 2
    assert "does not exist" in capsys.readouterr().err and not other.exists()
