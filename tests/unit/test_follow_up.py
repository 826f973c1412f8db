"""Which questions look like follow-ups, worth a model call to rewrite them."""

from __future__ import annotations

import pytest

from bot.core.languages import DUTCH, ENGLISH, FRENCH, LanguageProfile
from bot.features.answers.follow_up import looks_like_follow_up


@pytest.mark.parametrize(
    ("text", "profile"),
    [
        ("and at work?", ENGLISH),
        ("And what about deepfakes on TikTok, are they common?", ENGLISH),
        ("what about my children", ENGLISH),
        ("why?", ENGLISH),
        ("is it safe?", ENGLISH),
        ("can they read it when I type on my phone at home", ENGLISH),
        ("et au travail ?", FRENCH),
        ("Et pour un deepfake, c'est pareil ?", FRENCH),
        ("c'est grave ?", FRENCH),
        ("est-ce que je peux l utiliser pour mes devoirs au lycée", FRENCH),  # "l'" typed "l "
        ("on l'utilise comment pour écrire un courrier à la commune", FRENCH),
        ("en op het werk?", DUTCH),
        ("mag dat wel op mijn werk van mijn baas", DUTCH),
    ],
)
def test_follow_ups(text: str, profile: LanguageProfile) -> None:
    assert looks_like_follow_up(text, profile.follow_ups, names_a_topic=False)


@pytest.mark.parametrize(
    ("text", "profile", "names_a_topic"),
    [
        ("What is a deepfake?", ENGLISH, True),
        ("Is it safe to give my bank details to a chatbot?", ENGLISH, True),
        ("Can I put my address in a prompt for a letter?", ENGLISH, True),
        ("Comment écrire une lettre de motivation avec l'IA ?", FRENCH, True),
        ("est-ce que l'IA peut écrire une lettre de motivation pour moi", FRENCH, False),
        ("Hoe herken ik een valse foto die met AI gemaakt is?", DUTCH, True),
        ("", ENGLISH, False),
    ],
)
def test_questions_that_stand_on_their_own(
    text: str, profile: LanguageProfile, names_a_topic: bool
) -> None:
    assert not looks_like_follow_up(text, profile.follow_ups, names_a_topic)
