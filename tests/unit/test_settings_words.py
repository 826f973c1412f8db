"""Reminders asked off in words, and messages that only speak of them."""

from __future__ import annotations

import pytest

from bot.features.settings.flows import reminders_off_asked


@pytest.mark.parametrize(
    "text",
    [
        "zet de herinneringen uit",
        "nee, liever geen herinneringen",
        "geen herinneringen meer",
        "arrête de m'envoyer des rappels tous les jours svp",
        "pas de rappels svp",
        "turn off the reminders",
        "no more reminders please",
        "no reminders, thanks",
    ],
)
def test_reminders_asked_off_are_read(text: str) -> None:
    assert reminders_off_asked(text)


@pytest.mark.parametrize(
    "text",
    [
        # Missing reminders ask for the opposite.
        "I got no reminder today",
        "ik kreeg geen herinneringen",
        "je n'ai pas reçu de rappels",
        "why did I get no reminders",
        "can chatgpt set reminders for me?",
    ],
)
def test_messages_that_only_speak_of_reminders_are_not(text: str) -> None:
    assert not reminders_off_asked(text)
