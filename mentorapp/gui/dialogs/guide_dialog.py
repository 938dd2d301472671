"""The user guide: one section at a time, chosen from a list of contents."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListView,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mentorapp.guide import stages
from mentorapp.i18n import _, current_language
from mentorapp.paths import resource_path

SECTION = re.compile(r"<!--\s*section:\s*([a-z_]+)\s*-->")
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def section_for(page_key: str) -> str:
    """The part of the user guide that explains a page: a stage names its own; the overview
    ("" or "overview") and anything unknown open at the start."""
    found = stages.STAGE_BY_KEY.get(page_key)
    return found.user_guide_section if found else "start"


@dataclass(frozen=True)
class GuideSection:
    key: str
    title: str
    markdown: str


def load_sections(language: str) -> list[GuideSection]:
    """Split the guide at its section markers; the title is the section's first heading."""
    path = resource_path("help", language, "guide.md")
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    parts = SECTION.split(text)
    sections = []
    for key, body in zip(parts[1::2], parts[2::2], strict=True):
        heading = next((line for line in body.splitlines() if line.startswith("#")), key)
        sections.append(GuideSection(key, heading.lstrip("#").strip(), body.strip()))
    return sections


class GuideDialog(QDialog):
    def __init__(self, section: str = "start", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(_("User guide"))
        language = current_language()
        self.sections = {s.key: s for s in load_sections(language)}
        self.contents = QStandardItemModel(self)
        for item in self.sections.values():
            entry = QStandardItem(item.title)
            entry.setData(item.key, KEY_ROLE)
            entry.setEditable(False)
            self.contents.appendRow(entry)
        self.list = QListView(objectName="guideContents")
        self.list.setModel(self.contents)
        self.list.setAccessibleName(_("Contents of the user guide"))
        self.list.setMaximumWidth(280)
        self.browser = QTextBrowser(objectName="guideText")
        self.browser.setAccessibleName(_("User guide"))
        self.browser.setSearchPaths([str(resource_path("help", language))])
        self.list.selectionModel().currentChanged.connect(
            lambda index, _old: self.show_section(index.data(KEY_ROLE))
        )
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(960, 680)
        self.select(section)

    def select(self, key: str) -> None:
        for row in range(self.contents.rowCount()):
            if self.contents.item(row, 0).data(KEY_ROLE) == key:
                self.list.setCurrentIndex(self.contents.index(row, 0))
                return
        if self.contents.rowCount():
            self.list.setCurrentIndex(self.contents.index(0, 0))

    def show_section(self, key: str | None) -> None:
        section = self.sections.get(key or "")
        self.browser.setMarkdown(section.markdown if section else "")

    @classmethod
    def show_for(cls, parent: QWidget | None, section: str = "start") -> None:
        cls(section, parent).exec()
