"""The progress picture: the course's modules as a path, each marked done or mastered.

Drawn for a phone held upright: one module per row, large type, titles wrapped between words.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from typing import Final

from bot.features.progress.standing import CourseStanding, ModuleStanding

WIDTH_INCHES: Final = 9.0
DPI: Final = 100
HEADER_INCHES: Final = 1.9
ROW_INCHES: Final = 1.2
FOOTER_INCHES: Final = 0.8
TITLE_CHARS: Final = 34
STREAK_CHARS: Final = 46
GREEN: Final = "#1b7a4a"
GOLD: Final = "#e0a100"
GREY: Final = "#9aa0a6"


@dataclass(frozen=True)
class PictureText:
    """The picture's words, already in the learner's language, one status line per module."""

    title: str
    streak: str
    statuses: tuple[str, ...]
    legend: str


def size(modules: int) -> tuple[int, int]:
    """Return the picture's width and height in pixels for a course of `modules` modules."""
    height = HEADER_INCHES + ROW_INCHES * max(modules, 1) + FOOTER_INCHES
    return round(WIDTH_INCHES * DPI), round(height * DPI)


def _mark(module: ModuleStanding) -> tuple[str, str, str]:
    """Return a module's mark, the node's fill and its edge colour."""
    total = len(module.lessons)
    if total and module.mastered == total:
        return "★", GOLD, GOLD
    if module.complete:
        return "✓", GREEN, GREEN
    return f"{module.done}/{total}", "white", GREEN if module.done else GREY


def draw(standing: CourseStanding, words: PictureText) -> bytes:
    """Draw the modules top to bottom on a path, with the streak above them."""
    # Imported here: matplotlib takes a while to load, and only pictures need it.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = size(len(standing.modules))
    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.set_xlim(0, width)
    axes.set_ylim(height, 0)
    axes.text(40, 55, words.title, fontsize=30, fontweight="bold", va="center")
    streak = textwrap.fill(words.streak, STREAK_CHARS, break_long_words=False)
    axes.text(40, 95, streak, fontsize=20, color=GOLD, va="top", fontweight="bold")
    top = HEADER_INCHES * DPI
    row = ROW_INCHES * DPI
    centres = [top + row * (index + 0.5) for index in range(len(standing.modules))]
    if len(centres) > 1:
        axes.plot([80, 80], [centres[0], centres[-1]], color=GREY, linewidth=6, zorder=1)
    for centre, module, status in zip(centres, standing.modules, words.statuses, strict=True):
        mark, fill, edge = _mark(module)
        axes.scatter([80], [centre], s=4200, c=fill, edgecolors=edge, linewidths=4, zorder=2)
        colour = "white" if fill != "white" else "black"
        size_pt = 30 if len(mark) == 1 else 17
        axes.text(
            80,
            centre,
            mark,
            ha="center",
            va="center",
            fontsize=size_pt,
            color=colour,
            fontweight="bold",
            zorder=3,
        )
        title = textwrap.fill(
            module.title, TITLE_CHARS, break_long_words=False, break_on_hyphens=False
        )
        axes.text(150, centre - 12, title, fontsize=20, va="bottom", linespacing=1.1)
        axes.text(150, centre + 4, status, fontsize=16, va="top", color="#444444")
    axes.text(
        40,
        height - FOOTER_INCHES * DPI / 2,
        words.legend,
        fontsize=16,
        va="center",
        color="#444444",
    )
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
