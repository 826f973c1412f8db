"""A language the tutor does not ship, German, added by its profile, its course and its catalogs.

Nothing under bot/ knows German: the profile is in tests/support/german.py, the two-lesson course
and the catalogs in tests/fixtures/course-de. The lesson and its quiz run in the terminal front
end, on the real engine, SQLite and a chromadb index of that course.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.app import open_app
from bot.channels.terminal.chat import TerminalChat
from bot.core.events import Command, Sender
from bot.core.languages import BUILT_IN, LanguageRegistry
from bot.course.checks import check_content
from bot.course.loader import load_course
from bot.features.quiz.order import option_order
from bot.language import LanguageDetector
from bot.paths import PROJECT_ROOT
from tests.conftest import Clock, make_settings
from tests.support.fairness import UNLIMITED
from tests.support.german import GERMAN, GERMAN_COURSE

CONTENT = GERMAN_COURSE / "content"
LOCALES = GERMAN_COURSE / "locales"
LESSON = "basics/what-is-ai"


async def typed(lines: list[str]) -> AsyncIterator[str]:
    """Yield the lines a learner types, one by one."""
    for line in lines:
        yield line


async def test_a_german_learner_takes_a_lesson_and_its_quiz_in_the_terminal(
    tmp_path: Path, sqlite_url: str, clock: Clock
) -> None:
    languages = LanguageRegistry((GERMAN,))
    settings = make_settings(
        tmp_path, sqlite_url, content_dir=CONTENT, locales_dir=LOCALES, languages=languages
    )
    lesson = load_course(CONTENT, languages.codes).lesson("de", LESSON)
    assert lesson is not None
    # Start the first lesson, read every card (Next, then Take the quiz, is always button 1),
    # take the quiz always answering the first option shown, and look at the progress.
    lines = ["1"] * (len(lesson.cards) + 1)
    for index in range(len(lesson.quiz)):
        lines.append("1")
        if index + 1 < len(lesson.quiz):
            lines.append("1")
    lines.append("/progress")
    output = io.StringIO()

    async with open_app(settings, clock=clock) as app:
        assert settings.default_language == "de"
        terminal = TerminalChat(app, Sender("terminal", "lena", "de"), output, tmp_path)
        await terminal.send(Command("start", ("lang-de",)))
        await terminal.run(typed(lines), echo=True)
        found = app.retriever.get().search_sync("Warum erfindet ein Chatbot Quellen?", "de")

    text = output.getvalue()
    assert "Hallo! Ich bin Ihr KI-Tutor." in text
    assert f"▶ Beginnen: {lesson.title}" in text
    for card in lesson.cards:
        assert f"{card.heading}\n\n{card.body}" in text
    for item in lesson.quiz:
        assert item.question in text
    # Always answering the first option shown (the first learner's first attempt) gets some
    # questions right and some wrong.
    first = {
        item.id: option_order(1, LESSON, item.id, 1, len(item.options))[0] for item in lesson.quiz
    }
    right = [item for item in lesson.quiz if item.correct == first[item.id]]
    wrong = [item for item in lesson.quiz if item.correct != first[item.id]]
    assert right
    assert wrong
    chosen = right[0].options[right[0].correct]
    assert f"✅ Richtig!\nIhre Antwort: {chosen}\n{right[0].explanations[right[0].correct]}" in text
    assert "❌ Nicht ganz." in text
    first_wrong = wrong[0]
    assert f"Die richtige Antwort: {first_wrong.options[first_wrong.correct]}" in text
    score = f"{len(right)}/{len(lesson.quiz)}"
    assert f"Quiz beendet: {len(right)} von {len(lesson.quiz)} Fragen richtig." in text
    assert "▶ Nächste Lektion: Wie ein Chatbot antwortet" in text
    # Under half right, the lesson is marked as worth going over again.
    mark = "✅" if 2 * len(right) >= len(lesson.quiz) else "🔁"
    assert f"{mark} {lesson.title}: {score} am 23.11.2026" in text
    for english in ("Right!", "Not quite", "Quiz done", "Next question", "Your progress"):
        assert english not in text
    assert found.language == "de"
    assert found.hits[0].lesson_id == "basics/chatbots"


def test_the_german_course_follows_the_authoring_rules() -> None:
    # Every language the detector knows, so that a card in another one would show.
    detector = LanguageDetector(LanguageRegistry((GERMAN, *BUILT_IN)), min_confidence=0.5)

    # Two lessons of four items are too few to judge quiz fairness; the rest must pass.
    report = check_content(CONTENT, ("de",), "de", None, detector.detect, fairness_limits=UNLIMITED)

    assert [str(problem) for problem in report.problems] == []
    assert [entry.lesson_id for entry in report.readability] == [LESSON, "basics/chatbots"]


@pytest.mark.parametrize("path", sorted(LOCALES.glob("de/LC_MESSAGES/*.po")), ids=lambda p: p.name)
def test_the_german_catalog_translates_messages_the_tutor_has(path: Path) -> None:
    with path.open("rb") as po_file:
        german = [message for message in read_po(po_file, locale="de") if message.id]
    with (PROJECT_ROOT / "locales" / f"{path.stem}.pot").open("rb") as pot_file:
        known = {message.id for message in read_po(pot_file) if message.id}

    assert german
    assert [message.id for message in german if message.id not in known] == []
    assert all(message.string for message in german)
