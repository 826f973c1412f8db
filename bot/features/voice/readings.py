"""What is read aloud: a card, a quiz question as the learner sees it, an answer's explanation.

Each reading is the text shown, made fit for speech (bot/features/voice/speakable.py); the front
end's speech engine respells the words of the language's speech list and reads it.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.config import Language
from bot.core.replies import LETTERS, Button, Voice
from bot.core.router import Turn, button
from bot.course.model import Lesson, QuizItem
from bot.features.quiz.flows import quiz_header, verdict_lines
from bot.features.voice.buttons import ListenAnswer, listen_label
from bot.features.voice.ports import VOICE
from bot.features.voice.speakable import speakable
from bot.i18n import Translator


def voice(turn: Turn, text: str, language: Language | None = None) -> Voice:
    """Return a text to read aloud in the learner's language (or another one)."""
    unavailable = turn.t.gettext("🔇 Sorry, I cannot read this aloud right now. Please try later.")
    return Voice(speakable(text), language or turn.language, unavailable)


def card_reading(lesson: Lesson, index: int) -> str:
    """Return what is read for a card: its heading, then its text."""
    card = lesson.cards[index]
    return speakable(f"{card.heading}\n{card.body}")


def question_reading(t: Translator, lesson: Lesson, item: QuizItem, order: Sequence[int]) -> str:
    """Return what is read for a quiz question: its number, the question, lettered options."""
    options = [
        t.gettext("{letter}: {option}").format(letter=LETTERS[shown], option=item.options[index])
        for shown, index in enumerate(order)
    ]
    return speakable("\n".join([quiz_header(t, lesson, item), item.question, *options]))


def feedback_reading(t: Translator, item: QuizItem, option: int) -> str:
    """Return what is read for an answer: right or not, the explanation, the right answer."""
    return speakable("\n".join(verdict_lines(t, item, option)))


async def reads_aloud(turn: Turn) -> bool:
    """Tell whether the learner wants every card read aloud as it is shown."""
    return await turn.repo(VOICE).reads_aloud(turn.learner.id)


def card_voice(turn: Turn, lesson: Lesson, index: int) -> Voice:
    """Return a card read aloud."""
    return voice(turn, card_reading(lesson, index), lesson.language)


async def read_answer_aloud(turn: Turn, text: str, language: Language) -> None:
    """Read an answer aloud under it when the learner has every card read aloud."""
    # "Read every card to me" read the lessons only: a learner who cannot read the cards well
    # cannot read the answers to her own questions either.
    if await reads_aloud(turn):
        turn.add(voice(turn, text, language))


async def listen_answer_button(turn: Turn, text: str, language: Language) -> Button:
    """Keep an answer to a free question for a day, and return the button that reads it aloud."""
    kept = await turn.repo(VOICE).keep_answer(turn.learner.id, language, text, turn.now)
    return button(listen_label(turn.services.translators[language]), ListenAnswer(kept))
