"""The certificate as a PDF (fpdf2) and its preview as a PNG (matplotlib), from the same text."""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from bot.features.certificate import fonts

# A4 landscape, in millimetres; the preview keeps the page's proportions.
PAGE_W: Final = 297.0
PAGE_H: Final = 210.0
PREVIEW_WIDTH_INCHES: Final = 8.0
PREVIEW_DPI: Final = 125
PREVIEW_LINE_CHARS: Final = 80
GREEN: Final = (25, 110, 70)


@dataclass(frozen=True)
class CertificateText:
    """Every line of a certificate, already in the learner's language."""

    title: str
    awarded_to: str
    name: str
    achievement: str
    modules_heading: str
    modules: tuple[str, ...]
    date_line: str
    code_line: str
    issued_at: datetime


def _columns(modules: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    half = (len(modules) + 1) // 2
    return modules[:half], modules[half:]


def pdf(text: CertificateText) -> bytes:
    """Lay the certificate out on one A4 landscape page."""
    from fpdf import FPDF

    page = FPDF(orientation="L", unit="mm", format="A4")
    page.set_creation_date(text.issued_at)
    page.set_title(text.title)
    page.add_font("DejaVu", "", str(fonts.regular()))
    page.add_font("DejaVu", "B", str(fonts.bold()))
    page.set_auto_page_break(False)
    page.add_page()
    page.set_draw_color(*GREEN)
    page.set_line_width(1.2)
    page.rect(10, 10, PAGE_W - 20, PAGE_H - 20)
    width = PAGE_W - 40

    def line(y: float, words: str, size: float, style: str = "") -> None:
        page.set_xy(20, y)
        page.set_font("DejaVu", style, size)
        page.multi_cell(width, size * 0.5, words, align="C")

    page.set_text_color(*GREEN)
    line(28, text.title, 30, "B")
    page.set_text_color(30, 30, 30)
    line(52, text.awarded_to, 14)
    line(66, text.name, 28, "B")
    line(88, text.achievement, 14)
    line(106, text.modules_heading, 11, "B")
    page.set_font("DejaVu", "", 10)
    for column, titles in enumerate(_columns(text.modules)):
        page.set_xy(30 + column * (width / 2), 116)
        page.multi_cell(width / 2 - 10, 6, "\n".join(f"• {title}" for title in titles))
    page.set_font("DejaVu", "", 11)
    page.set_xy(20, PAGE_H - 32)
    page.cell(width / 2, 8, text.date_line, align="L")
    page.cell(width / 2, 8, text.code_line, align="R")
    return bytes(page.output())


def preview(text: CertificateText) -> bytes:
    """Draw a picture of the certificate for the chat."""
    # Imported here: matplotlib takes a while to load, and only pictures need it.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Rectangle

    regular = FontProperties(fname=fonts.regular())
    bold = FontProperties(fname=fonts.bold())
    figure = Figure(
        figsize=(PREVIEW_WIDTH_INCHES, PREVIEW_WIDTH_INCHES * PAGE_H / PAGE_W), dpi=PREVIEW_DPI
    )
    FigureCanvasAgg(figure)
    green = tuple(value / 255 for value in GREEN)
    figure.patches.append(
        Rectangle(
            (0.03, 0.04),
            0.94,
            0.92,
            transform=figure.transFigure,
            fill=False,
            edgecolor=green,
            linewidth=3,
        )
    )

    def write(
        y: float, words: str, size: float, font: FontProperties, color: object = "black"
    ) -> None:
        figure.text(
            0.5,
            y,
            textwrap.fill(words, PREVIEW_LINE_CHARS, break_long_words=False),
            ha="center",
            va="center",
            fontproperties=font,
            size=size,
            color=color,
        )

    write(0.86, text.title, 26, bold, green)
    write(0.74, text.awarded_to, 12, regular)
    # A long name gets smaller type, so that it stays on one line inside the border.
    write(0.65, text.name, min(24.0, 640 / max(len(text.name), 1)), bold)
    write(0.55, text.achievement, 12, regular)
    write(0.46, text.modules_heading, 10, bold)
    for column, titles in enumerate(_columns(text.modules)):
        for row, title in enumerate(titles):
            figure.text(
                0.1 + column * 0.42,
                0.40 - row * 0.045,
                f"• {title}",
                fontproperties=regular,
                size=8.5,
            )
    figure.text(0.07, 0.09, text.date_line, fontproperties=regular, size=10)
    figure.text(0.93, 0.09, text.code_line, ha="right", fontproperties=bold, size=10)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
