"""The course as plain data: modules, lessons, cards, quiz items, practice tasks, glossary."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.config import Language
from bot.course.speech import SpeechList


@dataclass(frozen=True)
class Card:
    """One short screen of a lesson."""

    heading: str
    body: str
    line: int

    @property
    def text(self) -> str:
        """Return the card as shown to a learner: heading, blank line, body."""
        return f"{self.heading}\n\n{self.body}"


@dataclass(frozen=True)
class QuizItem:
    """One multiple-choice question with an explanation for every option."""

    id: str
    question: str
    options: tuple[str, ...]
    correct: int
    explanations: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Lesson:
    """One lesson in one language."""

    id: str
    language: Language
    title: str
    keywords: tuple[str, ...]
    cards: tuple[Card, ...]
    quiz: tuple[QuizItem, ...]
    path: str = ""
    # One plain key idea per card, in card order (front matter `simple:`).
    simple: tuple[str, ...] = ()
    # Questions learners would type that the lesson answers, in their own words (front matter
    # `learner_questions:`): searched, never shown.
    learner_questions: tuple[str, ...] = ()

    @property
    def module(self) -> str:
        """Return the module id, the part of the lesson id before the slash."""
        return self.id.split("/", 1)[0]

    def simple_line(self, index: int) -> str | None:
        """Return the key idea of a card in plain words, or None when the lesson has none."""
        return self.simple[index] if 0 <= index < len(self.simple) else None

    def item(self, item_id: str) -> QuizItem | None:
        """Return the quiz item with this id, or None when the lesson has none."""
        position = self.item_position(item_id)
        return None if position is None else self.quiz[position]

    def item_position(self, item_id: str) -> int | None:
        """Return the 0-based position of the quiz item with this id, or None."""
        return next((n for n, item in enumerate(self.quiz) if item.id == item_id), None)

    def item_id_at(self, position: int) -> str | None:
        """Return the id of the quiz item at this position, or None when there is none."""
        return self.quiz[position].id if 0 <= position < len(self.quiz) else None


@dataclass(frozen=True)
class CheckItem(QuizItem):
    """A question of the check-in/check-out pool: a quiz item of one module, in one form."""

    module: str
    form: str  # "A" (the check-in) or "B" (the check-out)


@dataclass(frozen=True)
class PracticeTask:
    """A prompt-writing exercise."""

    id: str
    task: str
    hint: str
    # What a prompt for the task must be about: groups of words or word beginnings, one group
    # per topic; the first word of each group is a whole word a learner may be shown.
    topics: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Module:
    """A group of lessons, in the syllabus order."""

    id: str
    language: Language
    title: str
    lesson_ids: tuple[str, ...]
    practice: tuple[PracticeTask, ...] = ()


@dataclass(frozen=True)
class GlossaryTerm:
    """A word of the course defined in plain language: an AI word, or an everyday one."""

    id: str
    term: str
    aliases: tuple[str, ...]
    definition: str
    # The lesson that teaches the term, when the authors name one (else the tutor finds it).
    lesson: str | None = None
    # An everyday digital word ("app", "itsme") rather than an AI word: defined when a learner
    # asks, but no sign that a question is about the course, and taught by no lesson.
    everyday: bool = False


@dataclass(frozen=True)
class Course:
    """The whole course in every language, indexed for quick look-up."""

    modules: dict[Language, tuple[Module, ...]]
    lessons: dict[tuple[Language, str], Lesson]
    glossary: dict[Language, tuple[GlossaryTerm, ...]] = field(default_factory=dict)
    # The check-in/check-out pool of each language (content/checks/<lang>.yaml), in file order.
    checks: dict[Language, tuple[CheckItem, ...]] = field(default_factory=dict)
    # How to read each language aloud, and how its quiz letters look when heard.
    speech: dict[Language, SpeechList] = field(default_factory=dict)

    def speech_list(self, language: Language) -> SpeechList:
        """Return a language's speech list; an empty one when the course has none."""
        return self.speech.get(language) or SpeechList()

    @property
    def languages(self) -> tuple[Language, ...]:
        """Return the languages the course was loaded in, in order."""
        return tuple(self.modules)

    def lesson(self, language: Language, lesson_id: str) -> Lesson | None:
        """Return a lesson, or None when that id does not exist."""
        return self.lessons.get((language, lesson_id))

    def module(self, language: Language, module_id: str) -> Module | None:
        """Return a module, or None when that id does not exist."""
        return next((m for m in self.modules.get(language, ()) if m.id == module_id), None)

    def lesson_order(self, language: Language) -> tuple[str, ...]:
        """Return every lesson id in course order."""
        return tuple(lid for module in self.modules.get(language, ()) for lid in module.lesson_ids)

    def next_lesson_id(self, language: Language, lesson_id: str) -> str | None:
        """Return the lesson after this one in course order, if any."""
        order = self.lesson_order(language)
        if lesson_id not in order:
            return None
        position = order.index(lesson_id)
        return order[position + 1] if position + 1 < len(order) else None

    def check_form(self, language: Language, form: str) -> tuple[CheckItem, ...]:
        """Return the pool items of one form in file order; empty when there is no pool."""
        return tuple(item for item in self.checks.get(language, ()) if item.form == form)

    def all_lessons(self, language: Language) -> list[Lesson]:
        """Return every lesson of one language in course order."""
        return [self.lessons[(language, lid)] for lid in self.lesson_order(language)]
