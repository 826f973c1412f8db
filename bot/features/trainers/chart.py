"""A PNG chart of each learner's progress per module, drawn with matplotlib off-screen."""

from __future__ import annotations

import io
import textwrap
from typing import Final

from bot.course.model import Course
from bot.features.trainers.report import Report
from bot.features.trainers.report_formats import learner_name, module_title
from bot.i18n import Translator

LEARNERS_MAX: Final = 60


def progress_chart(report: Report, course: Course, t: Translator) -> bytes:
    """Draw lessons completed per learner and module as a grid of shaded, labelled cells."""
    # Imported here: matplotlib takes a while to load, and only reports need it.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    learners = report.learners[:LEARNERS_MAX]
    modules = report.modules
    ratios = [
        [line.completed_by_module.get(module_id, 0) / max(count, 1) for module_id, count in modules]
        for line in learners
    ]
    figure = Figure(figsize=(2.0 + 0.9 * len(modules), 1.8 + 0.4 * max(len(learners), 1)), dpi=110)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    grid = ratios or [[0.0] * len(modules)]
    image = axes.imshow(grid, cmap="Greens", vmin=0, vmax=1, aspect="auto")
    axes.set_xticks(
        range(len(modules)),
        [textwrap.fill(module_title(course, t, module_id), 14) for module_id, _ in modules],
        fontsize=8,
    )
    axes.set_yticks(range(len(learners)), [learner_name(t, line) for line in learners], fontsize=9)
    for row, line in enumerate(learners):
        for column, (module_id, count) in enumerate(modules):
            done = line.completed_by_module.get(module_id, 0)
            axes.text(
                column,
                row,
                f"{done}/{count}",
                ha="center",
                va="center",
                fontsize=8,
                color="white" if ratios[row][column] > 0.6 else "black",
            )
    title = t.gettext("Lessons completed per learner and topic · {name}")
    axes.set_title(title.format(name=report.cohort.name))
    figure.colorbar(image, ax=axes, fraction=0.03, pad=0.02, format=lambda value, _: f"{value:.0%}")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
