"""Voice notes: echo what was heard, keep personal data out, answer a quiz by voice.

The front end transcribes the note (never keeping the audio) and hands over the words. They are
redacted before anything else, echoed with a "That's not what I said" button, and then either
answer the quiz question on screen (a letter, or an option's words) or go on as typed text.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Final

from bot.core.events import Spoken, Unheard
from bot.core.router import Turn, button, rows
from bot.course.speech import SpeechList, plain_words
from bot.features.answers.flows import personal_data_warning
from bot.features.menu import flows as screens
from bot.features.privacy.pii import redact
from bot.features.quiz import flows as quiz
from bot.features.quiz.buttons import AnswerQuiz
from bot.features.voice.buttons import Misheard
from bot.features.voice.flows import shown_order

# How close what was said must be to an option's words, and ahead of the next closest option.
OPTION_LIKENESS: Final = 0.75
OPTION_MARGIN: Final = 0.1


class Hearing:
    """Answer voice notes; `privacy_lesson_id` is offered when personal data was said."""

    def __init__(self, privacy_lesson_id: str) -> None:
        self.privacy_lesson_id = privacy_lesson_id

    async def hear(self, turn: Turn, note: Spoken | Unheard) -> str | None:
        """Echo and route what was heard; return the words to handle as typed, if any."""
        if isinstance(note, Unheard):
            not_heard(turn, note.reason)
            return None
        redaction = redact(note.text)
        heard = " ".join(redaction.text.split())
        if not heard:
            not_heard(turn, "failed")
            return None
        t = turn.t
        turn.say(
            t.gettext("🎙 I heard: “{text}”").format(text=heard),
            rows(button(t.gettext("That's not what I said"), Misheard())),
        )
        if redaction.found:
            personal_data_warning(turn, turn.language, redaction.kinds, self.privacy_lesson_id)
        if await answered_quiz(turn, heard):
            return None
        return heard


async def answered_quiz(turn: Turn, said: str) -> bool:
    """Answer the quiz question the learner is on when they said a letter or an option."""
    state = turn.state
    if not isinstance(state, quiz.Answering):
        return False
    lesson = turn.course.lesson(turn.language, state.lesson)
    item = lesson.item(state.item) if lesson else None
    if lesson is None or item is None:
        return False
    order = await shown_order(turn, lesson, item)
    shown = [item.options[index] for index in order]
    position = spoken_option(said, shown, turn.course.speech_list(turn.language))
    if position is None:
        return False
    await quiz.answer(turn, AnswerQuiz(item.id, order[position]))
    return True


def spoken_option(said: str, shown: Sequence[str], speech: SpeechList) -> int | None:
    """Return the position of the option a learner said: its letter, or (nearly) its words."""
    letter = speech.letter(said)
    if letter is not None:
        return letter if letter < len(shown) else None
    words = " ".join(plain_words(said))
    likeness = sorted(
        ((_likeness(words, " ".join(plain_words(option))), n) for n, option in enumerate(shown)),
        reverse=True,
    )
    (best, position), *others = likeness
    runner_up = others[0][0] if others else 0.0
    return position if best >= OPTION_LIKENESS and best - runner_up >= OPTION_MARGIN else None


def _likeness(said: str, option: str) -> float:
    if option and option in said:
        return 1.0
    return SequenceMatcher(None, said, option).ratio()


def not_heard(turn: Turn, reason: str) -> None:
    """Say kindly that a voice note could not be heard, and how to ask instead."""
    t = turn.t
    if reason == "too_long":
        text = t.gettext(
            "Your voice message is too long for me. "
            "Please ask one short question, in less than one minute."
        )
    else:
        text = t.gettext(
            "Sorry, I could not understand your voice message. "
            "Please type your question, or ask your trainer."
        )
    turn.say(text, rows(screens.menu_button(t)))


async def misheard(turn: Turn, _: Misheard) -> None:
    """Apologise for a wrong transcription, and say how to be heard better."""
    t = turn.t
    turn.say(
        "\n".join(
            [
                t.gettext("Sorry, I did not hear you well."),
                t.gettext(
                    "Try again in a quiet place, close to the phone, and speak slowly. "
                    "You can also type your question, or tap the buttons."
                ),
            ]
        ),
        rows(quiz.continue_button(t), screens.menu_button(t)),
    )
