"""Messages typed all in capitals are read in small letters; any other message as typed."""

from __future__ import annotations

import pytest

from bot.core.text import unshouted


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("EST-CE QUE L'IA ECOUTE MON TELEPHONE ?", "est-ce que l'ia ecoute mon telephone ?"),
        ("BONJOUR JE VOUDRAIS COMMENCER", "bonjour je voudrais commencer"),
        ("WAT IS AI 2026", "wat is ai 2026"),
    ],
)
def test_a_message_in_capitals_is_read_in_small_letters(typed: str, read: str) -> None:
    assert unshouted(typed) == read


@pytest.mark.parametrize(
    "typed",
    [
        "RGPD",  # an acronym alone
        "AI?",
        "Is ChatGPT safe?",
        "c'est quoi le RGPD ?",
        "WAT is AI",  # one word in capitals among others: a shout is the whole message
        "👍 OK",  # one word of two letters or more
        "",
    ],
)
def test_any_other_message_is_read_as_typed(typed: str) -> None:
    assert unshouted(typed) == typed
