"""The import wizard proposes the same columns as ``mentorapp import`` for a form tool's export."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorapp.gui.dialogs.import_wizard import ImportWizard

pytestmark = pytest.mark.gui

# Microsoft Forms with anonymous responses: its own "Email" column says "anonymous".
MICROSOFT_FORMS = (
    "ID,Start time,Completion time,Email,Name,First name,Last name,E-postadress,"
    "Which city do you live in?,Which languages can you meet in?,"
    "What is your field of education? (Choose the closest),Industry\n"
    "1,3/1/27 9:01,3/1/27 9:05,anonymous,,Åsa,Öberg,asa@example.com,Malmö,Svenska,Ekonomi,Handel\n"
    "2,3/1/27 9:11,3/1/27 9:15,anonymous,,Bo,Ek,bo@example.se,Lund,"
    '"English, franska",Teknik,Bygg\n'
)


def test_wizard_takes_the_addresses_not_the_anonymous_column(
    open_window, db_path, cohort, tmp_path: Path, qtbot
) -> None:
    path = tmp_path / "Forms.csv"
    path.write_text(MICROSOFT_FORMS, encoding="utf-8")
    window = open_window(db_path)
    # an earlier import remembered "Email" as the e-mail column: the values still decide
    window.context.settings.import_mappings["email"] = "email"
    wizard = ImportWizard(window.context, window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    page = wizard.columns_page
    chosen = [combo.currentData() for combo in page.combos]
    assert chosen[3] == "" and chosen[7] == "email"
    assert chosen[8:11] == ["city", "languages", "education_field"]
    assert page.isComplete()
    wizard.next()
    check = wizard.check_page
    assert wizard.state.preview.errors == [] and wizard.state.preview.created == 2
    assert check.isComplete()  # a note never stops the import
    # the language Mentorapp cannot match on is shown as a note on its row
    cells = [check.problems.item(0, c).text() for c in range(3)]
    assert cells[:2] == ["3", "Which languages can you meet in?"]
    assert cells[2].startswith("Note: “franska”")
    wizard.reject()
