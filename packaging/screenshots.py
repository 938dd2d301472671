"""Render the screenshots in docs/ from the demo programme: python packaging/screenshots.py

Runs offscreen; each window is 1280×800, the smallest laptop screen we support.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["MENTORAPP_CONFIG_DIR"] = tempfile.mkdtemp(prefix="mentorapp-shots-")

from PySide6.QtWidgets import QApplication

from mentorapp.app import build_window

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    for language in ("sv", "en"):
        window = build_window(None, True, language)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        window.grab().save(str(DOCS / f"overview-{language}.png"))
        window.show_stage("running")
        app.processEvents()
        window.grab().save(str(DOCS / f"stage-{language}.png"))
        window.close()
        window.context.services.close()
    print(f"wrote screenshots to {DOCS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
