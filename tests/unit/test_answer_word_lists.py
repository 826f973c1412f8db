"""The word lists that route a message before retrieval: whole phrases, hyphens, own words."""

from __future__ import annotations

import pytest

from bot.core.languages import BUILT_IN
from bot.features.answers.flows import WordBeginnings, closings

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


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "que veut dire le mot algorithme ? Cordialement, Bernard",
            "que veut dire le mot algorithme ?",
        ),
        ("QU'EST-CE QUE L'IA ? JE VOUS REMERCIE D'AVANCE. BERNARD", "QU'EST-CE QUE L'IA ?"),
        ("que signifie hallucination ? Bernard", "que signifie hallucination ?"),
        ("Wat is een deepfake? Met vriendelijke groeten, Ingrid Peeters", "Wat is een deepfake?"),
        ("what is a chatbot? thanks in advance", "what is a chatbot?"),
        # A closing opens a sentence: within one, it is part of the question.
        ("can I say thanks to chatgpt", "can I say thanks to chatgpt"),
        ("est-ce que je dois dire merci à chatgpt", "est-ce que je dois dire merci à chatgpt"),
        # A word after a question that no capital makes a name stays, as does a number.
        ("wat is AI? waarom", "wat is AI? waarom"),
        (
            "what colour is its logo? BE68-5390-0754-7034",
            "what colour is its logo? BE68-5390-0754-7034",
        ),
        ("c'est quoi ? BE 68 5390", "c'est quoi ? BE 68 5390"),
    ],
)
def test_a_closing_and_the_name_that_signs_it_are_left_out(text: str, question: str) -> None:
    assert closings(BUILT_IN).sub("", text).strip() == question
