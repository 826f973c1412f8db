"""The texts a learner reads, each with the file and line it comes from."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.config import Language
from bot.course.loader import parse_glossary, parse_module
from bot.course.model import CheckItem, Lesson, QuizItem

SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+|\n+")


@dataclass(frozen=True)
class Passage:
    """A piece of course text: a card, a quiz string, a definition or a practice task."""

    path: str
    line: int
    text: str

    def sentences(self) -> list[str]:
        """Split the text into sentences (and list items), without empty ones."""
        return [part.strip() for part in SENTENCE_END.split(self.text) if part.strip()]


def lesson_passages(lesson: Lesson) -> Iterator[Passage]:
    """Yield the cards and every quiz string of a lesson, but not its keywords."""
    for card in lesson.cards:
        yield Passage(lesson.path, card.line, card.text)
    for item in lesson.quiz:
        yield from _item_passages(lesson.path, item)


def pool_passages(path: Path, items: Iterable[CheckItem]) -> Iterator[Passage]:
    """Yield every string of a check pool's items."""
    for item in items:
        yield from _item_passages(str(path), item)


def _item_passages(path: str, item: QuizItem) -> Iterator[Passage]:
    for text in (item.question, *item.options, *item.explanations):
        yield Passage(path, item.line, text)


def glossary_passages(path: Path) -> dict[str, Passage]:
    """Return each glossary term's definition by id (aliases are learners' words, left out)."""
    text = path.read_text(encoding="utf-8")
    return {
        term.id: Passage(str(path), line_of(text, f"id: {term.id}"), term.definition)
        for term in parse_glossary(path)
    }


def module_passages(path: Path, language: Language) -> Iterator[Passage]:
    """Yield a module file's title and each practice task and hint."""
    text = path.read_text(encoding="utf-8")
    module = parse_module(path, path.parent.name, language, ())
    for value in (module.title, *(p for task in module.practice for p in (task.task, task.hint))):
        if value:
            yield Passage(str(path), line_of(text, value), value)


def line_of(text: str, value: str) -> int:
    """Return the line where `value` (or its first words) starts in `text`, else line 1."""
    # YAML may fold a long value over several lines, so look for its start only.
    start = text.find(value[:40])
    return text.count("\n", 0, start) + 1 if start >= 0 else 1


def phrases_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Match any of the phrases as whole words, in any case, with any spacing between words."""
    alternatives = [
        r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases if phrase
    ]
    if not alternatives:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)
