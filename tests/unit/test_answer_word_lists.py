"""The word lists that route a message before retrieval: whole phrases, hyphens, own words."""

from __future__ import annotations

import pytest

from bot.core.languages import BUILT_IN
from bot.features.answers.flows import WordBeginnings

PROFILES = {profile.code: profile for profile in BUILT_IN}


@pytest.mark.parametrize(
    ("language", "text", "asks"),
    [
        ("fr", "est-ce vrai que le citron guérit le cancer ?", True),  # the hyphen
        ("fr", "le citron guérit le cancer, c'est vrai ?", True),
        ("fr", "c'est vraiment utile de mettre mon CV en ligne ?", False),
        ("en", "is it really useful?", False),
        ("en", "is it real or fake?", True),
        ("nl", "klopt dat?", True),
    ],
)
def test_a_claim_question_is_a_whole_phrase(language: str, text: str, asks: bool) -> None:
    questions = WordBeginnings(PROFILES[language].claim_questions, whole=True)
    assert questions.found_in(text) is asks


@pytest.mark.parametrize(
    ("language", "text", "source"),
    [
        ("fr", "je l'ai vu sur un post facebook", True),
        ("fr", "je veux postuler chez Colruyt", False),
        ("fr", "comment on dit chatbot en anglais", False),
        ("fr", "on dit que l'IA lit nos pensées", True),
    ],
)
def test_a_claim_source_is_where_something_was_seen_or_heard(
    language: str, text: str, source: bool
) -> None:
    assert WordBeginnings(PROFILES[language].claim_sources).found_in(text) is source


@pytest.mark.parametrize(
    ("language", "text", "paid"),
    [
        ("fr", "quand est-ce que l'onem paie les allocations ?", True),
        ("fr", "quand je vais au CPAS, ils utilisent l'IA ?", False),
        ("nl", "wanneer gebruikt het OCMW AI?", False),
        ("nl", "mijn uitkering is niet gestort", True),
        ("en", "when does the CPAS use AI?", False),
        ("en", "I have not been paid my benefit", True),
    ],
)
def test_being_paid_is_said_in_words_of_payment_not_question_words(
    language: str, text: str, paid: bool
) -> None:
    assert WordBeginnings(PROFILES[language].payments).found_in(text) is paid


def test_an_own_address_written_with_a_hyphen_is_still_ones_own() -> None:
    assert WordBeginnings(PROFILES["fr"].own_contacts).found_in("voici mon e-mail : a@b.be")
