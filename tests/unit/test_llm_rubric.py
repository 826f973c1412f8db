"""The rubric checker judges practice prompts by rules in French, Dutch and English."""

from __future__ import annotations

import pytest

from bot.config import Language
from bot.core.languages import BUILT_IN, ENGLISH
from bot.features.practice.rubric import Criterion, Verdict, check, is_attempt


@pytest.mark.parametrize(
    ("language", "prompt"),
    [
        (
            "en",
            "Summarise this letter from my commune in three points. "
            "I am not at ease with official French.",
        ),
        (
            "fr",
            "Écris un e-mail poli à ma commune pour demander un rendez-vous. "
            "Je suis libre le mardi. Cinq lignes maximum.",
        ),
        (
            "nl",
            "Schrijf een korte e-mail aan mijn gemeente. Ik wil een afspraak "
            "voor een nieuwe identiteitskaart. Maximaal vijf zinnen.",
        ),
        # Learners often type without accents and with curly apostrophes.
        ("fr", "ecris une lettre courte pour mon proprietaire, j’ai un probleme de chauffage"),
    ],
)
def test_a_complete_prompt_meets_every_criterion(language: Language, prompt: str) -> None:
    verdict = check(prompt, BUILT_IN.profile(language).rubric)
    assert verdict == Verdict(clear_task=True, context=True, format=True, no_personal_data=True)
    assert verdict.score == 4
    assert verdict.first_gap is None


@pytest.mark.parametrize(
    ("language", "prompt", "gap"),
    [
        ("en", "identity card", Criterion.CLEAR_TASK),
        ("fr", "carte d'identité commune", Criterion.CLEAR_TASK),
        ("nl", "identiteitskaart gemeente", Criterion.CLEAR_TASK),
        ("en", "Write an email to ask for an appointment.", Criterion.CONTEXT),
        ("fr", "Écris un mail pour demander un rendez-vous.", Criterion.CONTEXT),
        ("nl", "Schrijf een mail om een afspraak te vragen.", Criterion.CONTEXT),
        (
            "en",
            "Explain what a temporary contract is, because I start a new job soon.",
            Criterion.FORMAT,
        ),
        (
            "fr",
            "Explique-moi ce qu'est un contrat intérimaire, parce que je commence bientôt.",
            Criterion.FORMAT,
        ),
        (
            "nl",
            "Leg uit wat een interimcontract is, want ik begin binnenkort met werken.",
            Criterion.FORMAT,
        ),
        (
            "nl",
            "Schrijf een korte mail aan mijn gemeente, ik ben bereikbaar op 0475 12 34 56.",
            Criterion.NO_PERSONAL_DATA,
        ),
    ],
)
def test_the_first_gap_is_the_one_to_fix(language: Language, prompt: str, gap: Criterion) -> None:
    verdict = check(prompt, BUILT_IN.profile(language).rubric)
    assert verdict.first_gap == gap
    assert not verdict.met(gap)


def test_personal_data_comes_before_everything_else() -> None:
    verdict = check("jan.peeters@example.be", ENGLISH.rubric)
    assert verdict.score == 0
    assert verdict.first_gap == Criterion.NO_PERSONAL_DATA


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bonjour !", "fr"),
        ("Merci, c'est gentil.", "fr"),
        ("Kun je me helpen?", "nl"),
        ("What should I write here?", "en"),
        ("I do not understand this.", "en"),
    ],
)
def test_greetings_and_questions_to_the_tutor_are_not_attempts(text: str, language: str) -> None:
    words = BUILT_IN.profile(language).rubric
    assert not is_attempt(text, check(text, words))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Écris un e-mail poli à ma commune.", "fr"),
        ("Schrijf een korte brief aan mijn huisbaas.", "nl"),
        ("Can you explain deepfakes in three short points?", "en"),
        ("I am a cook and I need a short letter for my boss.", "en"),
    ],
)
def test_prompts_are_attempts(text: str, language: str) -> None:
    words = BUILT_IN.profile(language).rubric
    assert is_attempt(text, check(text, words))
