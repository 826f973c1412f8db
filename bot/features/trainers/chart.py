"""A PNG of a cohort's progress, drawn for a phone: learners and topics, done, right and away."""

from __future__ import annotations

import io
import textwrap
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from typing import TYPE_CHECKING, Final

from bot.course.model import Course
from bot.features.trainers.report import STRUGGLING_BELOW, Report
from bot.features.trainers.report_formats import LINES_MAX, learner_name, module_title
from bot.i18n import Translator

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# The chart is read on a phone: Telegram shows a photo about as wide as the screen, some 360
# points. Drawn WIDTH_IN inches wide, a label of LABEL_PT points in the figure is shown at
# LABEL_PT * (360 / 72) / WIDTH_IN points: at 5 inches, exactly its own size.
PHONE_WIDTH_PT: Final = 360
WIDTH_IN: Final = 5.0
LABEL_PT: Final = 12.0 * WIDTH_IN * 72 / PHONE_WIDTH_PT
TITLE_PT: Final = LABEL_PT + 2
DPI: Final = 200
# An average character of DejaVu Sans is about 0.6 em wide; a little more keeps labels inside.
CHAR_EM: Final = 0.62
LINE_IN: Final = LABEL_PT * 1.5 / 72
MARGIN_IN: Final = 0.15
# As many learners as the report's message lists, so the two never disagree.
LEARNERS_MAX: Final = LINES_MAX
INACTIVE_DAYS: Final = 7
# What a coach should look at: days away from a week on, and fewer than half the answers right.
ATTENTION_COLOUR: Final = "#f4a582"
EMPTY_COLOUR: Final = "#eeeeee"


def wrap_label(text: str, max_chars: int, max_lines: int = 2) -> list[str]:
    """Wrap a label on word boundaries; a word or a last line too long ends with an ellipsis."""
    lines = textwrap.wrap(
        " ".join(text.split()), max_chars, break_long_words=False, break_on_hyphens=False
    ) or [""]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return [_fit(line, max_chars) for line in lines]


def _fit(line: str, max_chars: int) -> str:
    if len(line) <= max_chars:
        return line
    words = line.split()
    while len(words) > 1 and len(" ".join(words)) + 1 > max_chars:
        words.pop()
    kept = " ".join(words)
    # Only a single word longer than the column is cut, and the ellipsis says so.
    return kept[: max_chars - 1] + "…" if len(kept) + 1 > max_chars else kept + "…"


def drawable(text: str) -> str:
    """Return a text without the characters the chart's font cannot draw (emoji, mostly)."""
    # Drawn, they were boxes of other symbols, and matplotlib warned on the operator's terminal;
    # "👩‍💻 Code" is "Code".
    known = _font_characters()
    kept = (c for c in text if ord(c) in known and unicodedata.category(c) != "Cf")
    return " ".join("".join(kept).split())


@cache
def _font_characters() -> frozenset[int]:
    from matplotlib.font_manager import FontProperties, findfont
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(findfont(FontProperties())).get_charmap())


def _chars(width_in: float, points: float = LABEL_PT) -> int:
    return int(width_in * 72 / (points * CHAR_EM))


@dataclass(frozen=True)
class Cell:
    """One value of a table: its text, and how full its shade is (None: no shade)."""

    text: str
    shade: float | None = None
    colour: str | None = None


@dataclass(frozen=True)
class Table:
    """A titled table: a label column, then value columns."""

    title: str
    headers: tuple[str, ...]
    label_width_in: float
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]
    label_lines: int  # lines a row label may take
    note: str | None = None


def _share(right_asked: Sequence[tuple[int, int]]) -> float | None:
    asked = sum(total for _, total in right_asked)
    return sum(right for right, _ in right_asked) / asked if asked else None


def _right_cell(t: Translator, share: float | None) -> Cell:
    if share is None:
        return Cell("–", colour=EMPTY_COLOUR)
    if share < STRUGGLING_BELOW:
        # As the text report says who is stuck: 0 % right was the palest green of the sheet, where
        # a coach looking for who is stuck saw nothing stand out.
        return Cell(t.percent(share), colour=ATTENTION_COLOUR)
    return Cell(t.percent(share), shade=share)


def _learners_table(report: Report, t: Translator, lessons: int) -> Table:
    shown = report.learners[:LEARNERS_MAX]
    rows = []
    for line in shown:
        away = (report.now - line.last_seen_at) // timedelta(days=1)
        rows.append(
            (
                learner_name(t, line),
                (
                    Cell(f"{line.completed}/{lessons}", shade=line.completed / max(lessons, 1)),
                    _right_cell(t, _share(list(line.answers_by_module.values()))),
                    Cell(
                        t.number(away), colour=ATTENTION_COLOUR if away >= INACTIVE_DAYS else None
                    ),
                ),
            )
        )
    left_out = len(report.learners) - len(shown)
    note = (
        t.ngettext(
            "… and {count} more learner, not shown here: see the CSV file.",
            "… and {count} more learners, not shown here: see the CSV file.",
            left_out,
        ).format(count=left_out)
        if left_out
        else None
    )
    if not report.learners:
        note = t.gettext("Nobody has joined yet.")
    return Table(
        t.gettext("Learners"),
        (t.gettext("Lessons done"), t.gettext("Answers right"), t.gettext("Days away")),
        1.55,
        tuple(rows),
        1,
        note,
    )


def _topics_table(report: Report, course: Course, t: Translator) -> Table:
    rows = []
    for module_id, count in report.modules:
        possible = count * len(report.learners)
        done = sum(line.completed_by_module.get(module_id, 0) for line in report.learners)
        answers = [
            line.answers_by_module[module_id]
            for line in report.learners
            if module_id in line.answers_by_module
        ]
        done_cell = (
            Cell(t.percent(done / possible), shade=done / possible)
            if possible
            else Cell("–", colour=EMPTY_COLOUR)
        )
        rows.append(
            (module_title(course, t, module_id), (done_cell, _right_cell(t, _share(answers))))
        )
    return Table(
        t.gettext("Topics"),
        (t.gettext("Lessons done"), t.gettext("Answers right")),
        2.45,
        tuple(rows),
        2,
    )


class _Canvas:
    """Lay out text and shaded cells from the top of a figure, in inches."""

    def __init__(self, axes: Axes | None) -> None:
        self.axes = axes
        self.y = MARGIN_IN

    def text(self, x: float, lines: list[str], size: float = LABEL_PT, **style: str) -> float:
        """Write lines from the current height; return the height they take."""
        step = size * 1.5 / 72
        if self.axes is not None:
            for number, line in enumerate(lines):
                y = self.y + (number + 0.5) * step
                self.axes.text(x, y, drawable(line), {"va": "center", "fontsize": size, **style})
        return len(lines) * step

    def cell(self, x: float, width: float, height: float, cell: Cell) -> None:
        """Draw one shaded value cell at the current height."""
        if self.axes is None:
            return
        from matplotlib import colormaps
        from matplotlib.patches import Rectangle

        colour: str | tuple[float, float, float, float] | None = cell.colour
        if cell.shade is not None:
            colour = colormaps["Greens"](0.1 + 0.75 * cell.shade)
        if colour is not None:
            box = Rectangle((x + 0.03, self.y + 0.02), width - 0.06, height - 0.04, color=colour)
            self.axes.add_patch(box)
        dark = cell.shade is not None and cell.shade > 0.6
        self.axes.text(
            x + width / 2,
            self.y + height / 2,
            drawable(cell.text),
            ha="center",
            va="center",
            fontsize=LABEL_PT,
            color="white" if dark else "black",
        )


def _draw(canvas: _Canvas, title: list[str], legend: list[str], tables: list[Table]) -> float:
    """Lay the chart out (and draw it when the canvas has axes); return its height in inches."""
    full = WIDTH_IN - 2 * MARGIN_IN
    canvas.y += canvas.text(MARGIN_IN, title, TITLE_PT, fontweight="bold")
    canvas.y += canvas.text(MARGIN_IN, legend, color="#444444")
    for table in tables:
        canvas.y += LINE_IN / 2
        canvas.y += canvas.text(MARGIN_IN, [table.title], fontweight="bold")
        column = (full - table.label_width_in) / len(table.headers)
        first = MARGIN_IN + table.label_width_in
        headers = [wrap_label(header, _chars(column)) for header in table.headers]
        for number, lines in enumerate(headers):
            middle = first + column * (number + 0.5)
            canvas.text(middle, lines, color="#444444", ha="center")
        canvas.y += max(len(lines) for lines in headers) * LINE_IN
        for label, cells in table.rows:
            lines = wrap_label(label, _chars(table.label_width_in), table.label_lines)
            height = len(lines) * LINE_IN
            canvas.text(MARGIN_IN, lines)
            for number, cell in enumerate(cells):
                canvas.cell(first + column * number, column, height, cell)
            canvas.y += height
        if table.note:
            note = wrap_label(table.note, _chars(full), 3)
            canvas.y += canvas.text(MARGIN_IN, note, fontstyle="italic")
    return canvas.y + MARGIN_IN


def progress_chart(report: Report, course: Course, t: Translator) -> bytes:
    """Draw, for a phone, each learner's lessons, answers right and days away, then each topic's."""
    # Imported here: matplotlib takes a while to load, and only reports need it.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    full = WIDTH_IN - 2 * MARGIN_IN
    title = t.gettext("Progress of {name} · {date}").format(
        name=report.cohort.name, date=t.date(report.now)
    )
    legend = t.ngettext(
        "Answers right: in the latest try of each quiz. Days away: since the last visit, "
        "in red from {days} day.",
        "Answers right: in the latest try of each quiz. Days away: since the last visit, "
        "in red from {days} days.",
        INACTIVE_DAYS,
    ).format(days=INACTIVE_DAYS)
    tables = [
        _learners_table(report, t, sum(count for _, count in report.modules)),
        _topics_table(report, course, t),
    ]
    title_lines = wrap_label(title, _chars(full, TITLE_PT), 3)
    legend_lines = wrap_label(legend, _chars(full), 4)
    height = _draw(_Canvas(None), title_lines, legend_lines, tables)
    # Portrait even for a handful of rows, as a phone holds it.
    height = max(height, WIDTH_IN * 1.25)
    figure = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_xlim(0, WIDTH_IN)
    axes.set_ylim(height, 0)
    axes.axis("off")
    _draw(_Canvas(axes), title_lines, legend_lines, tables)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
