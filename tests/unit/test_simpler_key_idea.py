"""A card the model rewrote must still say the card's key idea, or the key idea is shown instead."""

from __future__ import annotations

import pytest

from bot.features.simpler.key_idea import content_stems, says_key_idea

KEY_IDEA = "AI is a computer program that learns from many examples. It has no feelings."


def test_content_words_are_long_words_by_their_beginning() -> None:
    assert content_stems("Les données apprennent, l'IA aussi.") == {"donne", "appre", "aussi"}


@pytest.mark.parametrize(
    "rewrite",
    [
        "AI is a computer program. It learns from examples. It has no feelings at all.",
        "A program learns from many examples: that is AI. But it feels nothing.",
    ],
)
def test_a_rewrite_that_keeps_the_key_words_says_the_key_idea(rewrite: str) -> None:
    assert says_key_idea(rewrite, KEY_IDEA)


@pytest.mark.parametrize(
    "rewrite",
    [
        "AI can sound very human.",  # the sentence the old offline Simpler picked
        "I cannot help with that. Ask me about the weather instead.",
        "",
    ],
)
def test_a_rewrite_that_drifts_does_not(rewrite: str) -> None:
    assert not says_key_idea(rewrite, KEY_IDEA)


def test_a_key_idea_of_short_words_cannot_be_checked_and_passes() -> None:
    assert says_key_idea("Anything.", "It is not a man.")
