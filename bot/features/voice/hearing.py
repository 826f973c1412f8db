"""Voice notes: echo what was heard, keep personal data out, answer a quiz by voice.

The front end transcribes the note (never keeping the audio) and hands over the words. They are
redacted before anything else, echoed with a "That's not what I said" button, and then go on as
typed text: a letter or an option's words said under a quiz question answer it, as typed ones do.
"""

from __future__ import annotations

from bot.core.events import Spoken, Unheard
from bot.core.router import Turn, button, rows
from bot.features.answers.flows import personal_data_warning
from bot.features.menu import flows as screens
from bot.features.privacy.pii import redact
from bot.features.voice.buttons import Misheard


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
        # Handled as typed: a letter or an option's words answer the question on screen there.
        return heard


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
        rows(screens.continue_button(t), screens.menu_button(t)),
    )
