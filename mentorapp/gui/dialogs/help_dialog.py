"""F1: help for the stage on screen, from the guide's own content."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mentorapp.guide.content import load_guide
from mentorapp.guide.stages import STAGES, stage
from mentorapp.i18n import _, current_language


def stage_help_html(stage_key: str, language: str) -> str:
    content = load_guide(language)[stage_key]
    parts = [
        f"<h2>{escape(stage(stage_key).title)}</h2>",
        f"<p><b>{escape(content.purpose)}</b></p>",
    ]
    parts += [f"<p>{escape(paragraph)}</p>" for paragraph in content.help.split("\n\n")]
    checklist = _("On the checklist")
    parts.append(f"<h3>{escape(checklist)}</h3><ul>")
    for item in content.items:
        hint = f"<br/>{escape(item.hint)}" if item.hint else ""
        parts.append(f"<li><b>{escape(item.text)}</b>{hint}</li>")
    parts.append("</ul>")
    return "\n".join(parts)


def overview_help_html(language: str) -> str:
    guide = load_guide(language)
    title = _("How Mentorapp is organised")
    parts = [
        f"<h2>{escape(title)}</h2>",
        "<p>"
        + escape(
            _(
                "The list on the left follows the organiser's guide. The first four stages are "
                "done once for the programme; the stages from Recruitment on are done again for "
                "every round. Tick items as you finish them; add your own where you need to. "
                "Press F1 on any stage for advice about it."
            )
        )
        + "</p><ol>",
    ]
    parts += [f"<li><b>{escape(s.title)}</b> — {escape(guide[s.key].purpose)}</li>" for s in STAGES]
    parts.append("</ol>")
    return "\n".join(parts)


class HelpDialog(QDialog):
    def __init__(self, stage_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        language = current_language()
        self.setWindowTitle(
            _("Help: {stage}").format(stage=stage(stage_key).title) if stage_key else _("Help")
        )
        self.browser = QTextBrowser(objectName="helpBrowser")
        self.browser.setAccessibleName(_("Help text"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(
            stage_help_html(stage_key, language) if stage_key else overview_help_html(language)
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.guide_button = QPushButton(_("Open the &user guide…"), objectName="openGuide")
        buttons.addButton(self.guide_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.guide_button.clicked.connect(lambda: self._open_guide(stage_key))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def _open_guide(self, stage_key: str) -> None:
        from mentorapp.gui.dialogs.guide_dialog import GuideDialog, section_for

        GuideDialog.show_for(self, section_for(stage_key))

    @classmethod
    def show_for(cls, parent: QWidget | None, stage_key: str) -> None:
        cls(stage_key, parent).exec()
