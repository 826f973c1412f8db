"""The report's chart, for a phone: portrait, large labels, whole words, nobody left out."""

from __future__ import annotations

import io
import warnings
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from bot.features.trainers import chart
from bot.features.trainers.chart import LEARNERS_MAX, progress_chart, wrap_label
from bot.features.trainers.ports import Cohort
from bot.features.trainers.report import LearnerLine, Report
from bot.features.trainers.report_formats import LINES_MAX, report_text
from tests.support.learning import fixture_course, translators

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def report(learners: int) -> Report:
    course = fixture_course()
    modules = tuple((module.id, len(module.lesson_ids)) for module in course.modules["en"])
    first = modules[0][0]
    lines = tuple(
        LearnerLine(
            number,
            f"Learner {number:02d}.",
            NOW,
            NOW - timedelta(days=number % 10),
            number % 3,
            {first: number % 2},
            None,
            answers_by_module={first: (number % 4, 3)},
        )
        for number in range(1, learners + 1)
    )
    cohort = Cohort(1, "Bootcamp Ghent March", 2, NOW, 0, 0, 3)
    return Report(cohort, NOW, 3, lines, modules, (), (), (), False)


def drawn_texts(monkeypatch: pytest.MonkeyPatch, learners: int, language: str = "en") -> list[Text]:
    figures: list[Figure] = []
    original = Figure.savefig

    def keep(self: Figure, *args: object, **kwargs: object) -> None:
        figures.append(self)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Figure, "savefig", keep)
    progress_chart(report(learners), fixture_course(), translators()[language])
    [figure] = figures
    return [text for axes in figure.axes for text in axes.texts]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("Eerlijkheid en verantwoordelijkheid", 20, ["Eerlijkheid en", "verantwoordelijkheid"]),
        ("Eerlijkheid en verantwoordelijkheid", 14, ["Eerlijkheid en", "verantwoordel…"]),
        ("Stay safe with AI at work and at home", 10, ["Stay safe", "with AI…"]),
        ("Goede vragen stellen (prompts)", 40, ["Goede vragen stellen (prompts)"]),
        ("  Hoe   chatbots werken ", 12, ["Hoe chatbots", "werken"]),
    ],
)
def test_labels_wrap_on_words_and_shorten_with_an_ellipsis(
    text: str, width: int, expected: list[str]
) -> None:
    assert wrap_label(text, width) == expected


@pytest.mark.parametrize("width", range(4, 40))
def test_no_label_is_split_inside_a_word(width: int) -> None:
    text = "Eerlijkheid en verantwoordelijkheid, AI op het werk en Informatie controleren"
    words = set(text.split())
    lines = wrap_label(text, width, max_lines=3)
    for line in lines:
        assert len(line) <= width
        whole = line.removesuffix("…").split()
        # Every word is whole, except one cut short at the end, which the ellipsis shows.
        assert all(word in words for word in whole[:-1])
        assert whole[-1] in words or (
            line.endswith("…") and any(w.startswith(whole[-1]) for w in words)
        )


def test_the_chart_is_a_portrait_png_for_a_phone() -> None:
    png = progress_chart(report(12), fixture_course(), translators()["nl"])
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    width, height = image.size
    assert width == chart.WIDTH_IN * chart.DPI
    assert height > width


def test_labels_are_12_points_or_more_as_a_phone_shows_the_chart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = drawn_texts(monkeypatch, 5)
    # Shown PHONE_WIDTH_PT points wide, a figure WIDTH_IN inches wide scales its text by this.
    scale = chart.PHONE_WIDTH_PT / (chart.WIDTH_IN * 72)
    assert texts
    assert min(text.get_fontsize() for text in texts) * scale >= 12


def test_mastery_and_days_away_are_shown_not_only_lessons_done(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown = [text.get_text() for text in drawn_texts(monkeypatch, 5)]
    words = " ".join(shown)
    for header in ("Lessons done", "Answers right", "Days away", "Topics"):
        assert all(word in words for word in header.split())
    # Learner 3: 3 answers right out of 3 in the first topic.
    assert "100%" in shown


def test_fewer_than_half_the_answers_right_stands_out(monkeypatch: pytest.MonkeyPatch) -> None:
    # 0 % right was the palest green of the sheet: a coach looking for who is stuck saw nothing.
    figures: list[Figure] = []
    monkeypatch.setattr(Figure, "savefig", lambda self, *_, **__: figures.append(self))
    progress_chart(report(5), fixture_course(), translators()["en"])
    [figure] = figures
    attention = to_rgba(chart.ATTENTION_COLOUR)
    marked = [
        patch
        for axes in figure.axes
        for patch in axes.patches
        if patch.get_facecolor() == attention
    ]
    # Learners 1, 4 and 5 have 1, 0 and 1 of 3 right, and the first topic 7 of 15; nobody has
    # been away a week.
    assert len(marked) == 4


def test_the_chart_and_the_message_say_who_is_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    assert LEARNERS_MAX == LINES_MAX
    total = LEARNERS_MAX + 12
    shown = [text.get_text() for text in drawn_texts(monkeypatch, total)]
    assert f"Learner {LEARNERS_MAX:02d}." in shown
    assert f"Learner {LEARNERS_MAX + 1:02d}." not in shown
    assert any("and 12 more learners" in line for line in shown)
    message = report_text(report(total), fixture_course(), translators()["en"])
    assert "and 12 more" in message


def test_a_chart_with_nobody_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = [text.get_text() for text in drawn_texts(monkeypatch, 0)]
    assert "Nobody has joined yet." in shown


def test_characters_the_font_lacks_are_left_out_without_a_warning() -> None:
    cohort = Cohort(1, "👩\u200d💻 Code 🎓", 2, NOW, 0, 0, 3)
    emoji_report = replace(report(2), cohort=cohort)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph missing from font(s)" fails the test
        png = progress_chart(emoji_report, fixture_course(), translators()["fr"])
    assert png.startswith(b"\x89PNG")
    assert chart.drawable("👩\u200d💻 Code 🎓 Liège") == "Code Liège"
