"""Printing a finished PDF through the system's print dialog.

Qt cannot read PDF files on its own, so each page is rendered with PDFium (pypdfium2, a
small, well-kept wrapper of the engine Chromium uses) at the printer's resolution.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from mentorapp.i18n import _

if TYPE_CHECKING:
    from pypdfium2 import PdfDocument


def print_pdf(parent: QWidget | None, path: Path) -> bool:
    """Ask for a printer and print every page; True when something was sent to print."""
    import pypdfium2

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(path.stem)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document = pypdfium2.PdfDocument(str(path))
    try:
        send_pages(printer, document)
    finally:
        document.close()
    return True


def offer_saved_pdf(parent: QWidget, title: str, text: str, path: Path) -> None:
    """Say where a PDF was saved, and offer to print it or open it in the PDF reader."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    print_button = box.addButton(_("&Print…"), QMessageBox.ButtonRole.AcceptRole)
    open_button = box.addButton(_("&Open"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is print_button:
        print_pdf(parent, path)
    elif box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def send_pages(printer: QPrinter, document: PdfDocument) -> None:
    painter = QPainter(printer)
    try:
        dpi = min(printer.resolution(), 300)
        for number in range(len(document)):
            if number:
                printer.newPage()
            page = document[number]
            image = page.render(scale=dpi / 72).to_pil().convert("RGB")
            data = image.tobytes("raw", "RGB")
            qimage = QImage(
                data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888
            )
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            target = QRectF(0, 0, target.width(), target.height())
            scaled = qimage.size().scaled(
                target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio
            )
            painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), qimage)
            page.close()
    finally:
        painter.end()
