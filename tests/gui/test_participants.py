from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QWizard

from mentorapp.gui.dialogs.import_wizard import ImportWizard
from mentorapp.programme.programmes import CohortDraft
from tests.gui.conftest import close

pytestmark = pytest.mark.gui

FORM_EXPORT = (
    "Tidstämpel;Förnamn;Efternamn;Mejl;Ort;Digitala träffar;Språk;Utbildningsområde;Bransch\n"
    "2027-01-03;Åsa;Öberg;asa.oberg@example.com;Malmö;ja;svenska;Ekonomi;Handel\n"
    "2027-01-04;Łukasz;Żółć;lukasz@example;Lund;nej;engelska;Teknik;Bygg\n"
    "2027-01-05;Aylin;Yıldız;aylin@example.com;Göteborg;x;sv/en;Juridik;Offentlig förvaltning\n"
    "2027-01-06;Ärla;Andersson;arla@example.com;Umeå;;Svenska och engelska;Data och IT;IT\n"
)


def import_file(tmp_path: Path, text: str = FORM_EXPORT) -> Path:
    path = tmp_path / "ansokningar.csv"
    path.write_bytes(text.encode("utf-8-sig"))
    return path


def test_import_wizard_end_to_end(open_window, db_path, cohort, tmp_path, qtbot) -> None:
    window = open_window(db_path)
    wizard = ImportWizard(window.context, window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(import_file(tmp_path)))
    wizard.next()
    assert wizard.currentPage() is wizard.columns_page
    page = wizard.columns_page
    # "Mejl" is not a header Mentorapp knows: the e-mail column must be chosen by hand.
    assert page.combos[3].currentData() == ""
    assert not page.isComplete() and "E-mail" in page.missing.text()
    assert page.combos[0].currentData() == ""  # the form's timestamp is ignored
    page.combos[3].setCurrentIndex(page.combos[3].findData("email"))
    assert page.isComplete()
    wizard.next()
    check = wizard.check_page
    assert wizard.currentPage() is check
    assert [(p.row, p.column) for p in wizard.state.preview.errors] == [(3, "Mejl")]
    assert not check.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    check.skip_invalid.setChecked(True)
    assert check.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=10_000)
    assert wizard.state.report.written and wizard.state.report.created == 3
    assert "3" in wizard.run_page.result.text()
    wizard.accept()

    window.show_stage("recruitment")
    panel = window.findChild(
        type(window.pages["recruitment"]._tools[0][0]), "participants_recruitment"
    )
    names = [panel.model.row_at(i).name for i in range(panel.model.rowCount())]
    assert sorted(names) == sorted(["Åsa Öberg", "Aylin Yıldız", "Ärla Andersson"])
    # The mapping is remembered for the next import.
    assert window.context.settings.import_mappings["mejl"] == "email"


def _panel(window, stage: str = "selection"):
    window.show_stage(stage)
    return window.pages[stage]._tools[0][0]


def test_names_sort_in_swedish_and_search_ignores_case(
    open_window, db_path, cohort, services, tmp_path
) -> None:
    from mentorapp.dataio.importer import ImportOptions, run_import

    run_import(
        services.database,
        import_file(tmp_path).read_bytes(),
        ImportOptions(
            role="adept",
            cohort_name=cohort.name,
            skip_invalid=True,
            mapping=[
                None,
                "first_name",
                "last_name",
                "email",
                "city",
                "digital",
                "languages",
                "education_field",
                "industry",
            ],
        ),
    )
    window = open_window(db_path, language="sv")
    panel = _panel(window)
    shown = [panel.model.row_at(i).last_name for i in range(panel.model.rowCount())]
    assert shown == ["Andersson", "Yıldız", "Öberg"]
    panel.filters.search.setText("åsa")
    assert [panel.model.row_at(i).first_name for i in range(panel.model.rowCount())] == ["Åsa"]
    panel.filters.search.setText("YILDIZ")
    assert panel.model.rowCount() == 1


@pytest.fixture
def round_with_people(services, cohort):
    for number, (first, last) in enumerate(
        [("Åsa", "Öberg"), ("Łukasz", "Żółć"), ("Nguyễn", "Đặng")]
    ):
        services.participants.create(
            cohort.id,
            "adept",
            {
                "first_name": first,
                "last_name": last,
                "email": f"p{number}@example.com",
                "city": "Malmö",
                "languages": ("sv",),
                "education_field_text": "Ekonomi",
                "industry_text": "Handel",
            },
        )
    return cohort


def test_bulk_status_change_and_undo(
    open_window, db_path, round_with_people, monkeypatch, qtbot
) -> None:
    window = open_window(db_path)
    panel = _panel(window)
    panel.table.selectAll()
    assert len(panel.selected_rows()) == 3
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Bra intervjuer", True))
    panel.set_status("accepted")
    statuses = {row.status for row in panel.model.all_rows()}
    assert statuses == {"accepted"}
    assert "Accepted 3".lower() in panel.counts_label.text().lower()
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {row.status for row in panel.model.all_rows()} == {"applied"}
    steps = window.context.services.pipeline.history(panel.model.all_rows()[0].enrolment_id)
    assert [step.to_status for step in steps] == ["applied"]


def test_editing_a_person_and_undoing_it(open_window, db_path, round_with_people, qtbot) -> None:
    window = open_window(db_path)
    panel = _panel(window, "recruitment")
    editor = panel.editor
    person = editor.row()
    editor.inputs["city"].setText("Göteborg")
    editor.inputs["city"].textEdited.emit("Göteborg")
    assert editor.save_button.isEnabled()
    editor.save_button.click()
    assert window.context.services.participants.row(person.enrolment_id).city == "Göteborg"
    panel.undo_action.trigger()
    assert window.context.services.participants.row(person.enrolment_id).city == "Malmö"
    assert editor.row().city == "Malmö"


def test_a_bad_email_is_explained_and_not_saved(open_window, db_path, round_with_people) -> None:
    window = open_window(db_path)
    panel = _panel(window, "recruitment")
    editor = panel.editor
    before = editor.row()
    editor.inputs["email"].setText("p1@example.com")  # belongs to someone else
    editor.save()
    assert editor.error_label.isVisibleTo(editor)
    assert window.context.services.participants.row(before.enrolment_id).email == before.email
    editor.inputs["email"].setText("not-an-address")
    editor.save()
    assert "e-mail" in editor.error_label.text().lower()


def test_typed_changes_are_saved_when_leaving(open_window, db_path, round_with_people) -> None:
    window = open_window(db_path)
    panel = _panel(window, "recruitment")
    person = panel.editor.row()
    panel.editor.inputs["phone"].setText("070-174 06 10")
    close(window)
    again = open_window(db_path)
    row = again.context.services.participants.row(person.enrolment_id)
    assert row.phone == "070-174 06 10"


def test_confirming_a_criterion(open_window, db_path, round_with_people) -> None:
    window = open_window(db_path)
    panel = _panel(window)
    person = panel.editor.row()
    assert panel.confirmations.model.rowCount() == 5
    panel.confirmations.model.item(0).setCheckState(Qt.CheckState.Checked)  # as a click does
    confirmed = window.context.services.eligibility.confirmations(person.enrolment_id)
    assert len(confirmed) == 1
    panel.undo_action.trigger()
    assert window.context.services.eligibility.confirmations(person.enrolment_id) == {}


def test_criteria_editor_in_the_purpose_stage(open_window, db_path, programme, monkeypatch):
    window = open_window(db_path)
    window.show_stage("purpose")
    editor = window.pages["purpose"]._tools[0][0]
    adept_side = editor.sides[0]
    before = adept_side.model.rowCount()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Har körkort", True))
    adept_side.add()
    assert adept_side.model.rowCount() == before + 1
    assert adept_side.model.index(before, 0).data() == "Har körkort"


def test_new_round_has_no_applications(open_window, db_path, round_with_people, services):
    services.programmes.save_cohort(
        round_with_people.programme_id,
        CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 12, 20)),
        make_current=True,
    )
    window = open_window(db_path)
    panel = _panel(window)
    assert panel.model.rowCount() == 0
