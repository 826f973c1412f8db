"""The voice feature's buttons: each names what to read aloud, never the text itself."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.callbacks import CallbackData
from bot.core.replies import Button
from bot.core.router import button
from bot.course.model import Lesson, QuizItem
from bot.i18n import Translator


@dataclass(frozen=True)
class ListenCard(CallbackData):
    """Read one card of a lesson aloud."""

    action = "voice.card"
    lesson: str
    card: int


@dataclass(frozen=True)
class ListenQuestion(CallbackData):
    """Read a quiz question and its options aloud, in the order the learner sees them."""

    action = "voice.question"
    item: str  # the lesson is the learner's current one, or the one where they answered it


@dataclass(frozen=True)
class ListenFeedback(CallbackData):
    """Read aloud the explanation of an answer to a quiz question."""

    action = "voice.feedback"
    item: str
    option: int


@dataclass(frozen=True)
class ListenAnswer(CallbackData):
    """Read aloud an answer to a free question, kept for a day under this id."""

    action = "voice.answer"
    answer: int


@dataclass(frozen=True)
class ReadAloud(CallbackData):
    """Read every card aloud as it is shown ("on"), or not ("off")."""

    action = "voice.auto"
    choice: str


@dataclass(frozen=True)
class Misheard(CallbackData):
    """The learner says the transcription of their voice note is wrong."""

    action = "voice.misheard"


def listen_label(t: Translator) -> str:
    """Return the label of every "Listen" button."""
    return t.gettext("🔊 Listen")


def listen_card_button(t: Translator, lesson: Lesson, index: int) -> Button:
    """Return the button that reads a card aloud."""
    return button(listen_label(t), ListenCard(lesson.id, index))


def listen_question_button(t: Translator, item: QuizItem) -> Button:
    """Return the button that reads a quiz question aloud."""
    return button(listen_label(t), ListenQuestion(item.id))


def listen_feedback_button(t: Translator, item: QuizItem, option: int) -> Button:
    """Return the button that reads the explanation of an answer aloud."""
    return button(listen_label(t), ListenFeedback(item.id, option))
