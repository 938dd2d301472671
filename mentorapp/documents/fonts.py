"""The workbook's fonts: DejaVu Sans and Serif, shipped in ``resources/fonts`` (see its licence).

reportlab's built-in Helvetica has no glyphs for Ł, Ż, ễ, Ş or Đ and silently prints boxes,
so every style names one of these fonts and nothing falls back to the built-in ones.
"""

from __future__ import annotations

from functools import cache

from mentorapp.paths import resource_path

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_ITALIC = "DejaVuSans-Oblique"
SANS_BOLD_ITALIC = "DejaVuSans-BoldOblique"
SERIF = "DejaVuSerif"
SERIF_BOLD = "DejaVuSerif-Bold"

FONT_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
}


@cache
def register_fonts() -> None:
    """Register the fonts with reportlab once per process (TTF subsets are embedded)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file_name in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD_ITALIC
    )
    # The serif family has no italic here: <i> in a serif paragraph stays upright.
    pdfmetrics.registerFontFamily(
        SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF, boldItalic=SERIF_BOLD
    )
