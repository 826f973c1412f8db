"""The report as a spreadsheet and as a message: no formula runs, no asker can be told apart."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from bot.features.answers.ports import UnansweredQuestion
from bot.features.quiz.ports import MissedItem
from bot.features.trainers.ports import Cohort
from bot.features.trainers.report import LearnerLine, Report
from bot.features.trainers.report_formats import (
    missed_lines,
    report_csv,
    report_text,
    spreadsheet_cell,
)
from tests.support.learning import fixture_course, translators

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
FORMULAS = ['=HYPERLINK("http://x.example";"Hi")', "@SUM(A1:A9)", "+1+1", "-2+3", "\tX", "\rY"]


def line(learner_id: int, name: str | None, completed: int = 0) -> LearnerLine:
    return LearnerLine(learner_id, name, NOW, NOW, completed, {}, None)


def report(
    *learners: LearnerLine,
    unanswered: tuple[UnansweredQuestion, ...] = (),
    withheld: bool = False,
    missed: tuple[MissedItem, ...] = (),
) -> Report:
    cohort = Cohort(1, "=Group", 2, NOW, 0, 0, 3)
    return Report(cohort, NOW, 3, learners, (), (), missed, unanswered, withheld)


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("text", FORMULAS)
def test_text_that_would_start_a_formula_is_quoted(text: str) -> None:
    assert spreadsheet_cell(text) == "'" + text


def test_plain_text_and_numbers_stay_as_they_are() -> None:
    assert spreadsheet_cell("Amina B.") == "Amina B."
    assert spreadsheet_cell("2026-11-23") == "2026-11-23"
    assert spreadsheet_cell(-3) == -3
    assert spreadsheet_cell(0) == 0


def test_the_csv_quotes_formula_names_and_keeps_numbers() -> None:
    content = report_csv(
        report(*(line(n, name, completed=n) for n, name in enumerate(FORMULAS, start=1))),
        fixture_course(),
        translators()["en"],
    )
    [_, *rows] = csv_rows(content)
    assert [row[0] for row in rows] == ["'" + name for name in FORMULAS]
    assert [row[3] for row in rows] == ["1", "2", "3", "4", "5", "6"]


def test_withheld_questions_are_explained_not_shown() -> None:
    t = translators()["en"]
    text = report_text(report(line(1, "Amina B."), withheld=True), fixture_course(), t)
    assert "I do not show the questions I could not answer: fewer than 3 learners" in text
    assert "❓ Questions I could not answer" not in text


def test_questions_are_shown_without_who_asked() -> None:
    questions = tuple(UnansweredQuestion(n, n, "en", f"question {n}", NOW) for n in range(1, 4))
    text = report_text(
        report(line(1, "Amina B."), unanswered=questions), fixture_course(), translators()["en"]
    )
    assert "❓ Questions I could not answer (last 30 days):" in text
    assert "question 3" in text
    assert "I do not show the questions" not in text


def test_missed_questions_count_their_misses_with_plural_forms() -> None:
    missed = (
        MissedItem("basics/what-is-ai", "best-description", 1, 2),
        MissedItem("basics/what-is-ai", "cannot-feel", 3, 4),
    )
    lines = missed_lines(report(missed=missed), fixture_course(), translators()["fr"])
    assert [text.rsplit(" : ", 1)[1] for text in lines] == [
        "1 réponse fausse sur 2",
        "3 réponses fausses sur 4",
    ]


def test_who_has_opened_no_lesson_is_named_under_who_was_active() -> None:
    began = LearnerLine(2, "Lotte V.", NOW, NOW, 0, {}, None, working_on="basics/what-is-ai")
    lines = [line(1, "Wim D."), began, line(3, "Samir B.", completed=2)]
    text = report_text(report(*lines), fixture_course(), translators()["en"])
    # Joining is a visit: "3 of 3 learners active" hid the one who never began.
    assert "👥 3 of 3 learners active this week" in text
    assert "🌱 1 learner has not opened a lesson yet: Wim D.\n" in text


def test_nothing_is_said_of_beginning_when_everyone_began() -> None:
    text = report_text(
        report(line(1, "Samir B.", completed=1)), fixture_course(), translators()["en"]
    )
    assert "🌱" not in text
