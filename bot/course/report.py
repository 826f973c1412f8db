"""Course listings and statistics for the `tutor content` commands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.config import Language
from bot.course.model import Course
from bot.course.readability import measure, words


def lessons_as_json(course: Course) -> list[dict[str, Any]]:
    """Return every lesson in the shape `tutor content list --json` prints."""
    return [
        {
            "id": lesson.id,
            "lang": lesson.language,
            "module": lesson.module,
            "title": lesson.title,
            "cards": [card.text for card in lesson.cards],
            "simple": list(lesson.simple),
            "quiz": [
                {
                    "id": item.id,
                    "question": item.question,
                    "options": list(item.options),
                    "correct": item.correct,
                    "explanations": list(item.explanations),
                }
                for item in lesson.quiz
            ],
        }
        for language in course.languages
        for lesson in course.all_lessons(language)
    ]


@dataclass(frozen=True)
class LanguageStats:
    """Course totals and plain-language averages for one language."""

    language: Language
    lessons: int
    cards: int
    quiz_items: int
    words_per_sentence: float
    words_per_card: float


def course_stats(course: Course) -> list[LanguageStats]:
    """Compute the totals and averages of every language."""
    result = []
    for language in course.languages:
        lessons = course.all_lessons(language)
        cards = [card.text for lesson in lessons for card in lesson.cards]
        stats = measure(cards)
        result.append(
            LanguageStats(
                language=language,
                lessons=len(lessons),
                cards=len(cards),
                quiz_items=sum(len(lesson.quiz) for lesson in lessons),
                words_per_sentence=stats.words_per_sentence,
                words_per_card=(sum(len(words(c)) for c in cards) / len(cards)) if cards else 0.0,
            )
        )
    return result
