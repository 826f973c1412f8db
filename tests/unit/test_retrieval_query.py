"""The topic of a question, without the words that ask for a way of answering."""

from __future__ import annotations

import pytest

from bot.adapters.search.query import topic
from bot.config import Language
from bot.core.languages import BUILT_IN


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        ("en", "What is AI in simple words?", "What is AI ?"),
        ("en", "explain deepfakes simply please", "explain deepfakes please"),
        ("fr", "C'est quoi un prompt, en mots simples ?", "C'est quoi un prompt, ?"),
        ("fr", "l'apprentissage automatique tout simplement", "l'apprentissage automatique"),
        ("nl", "Wat is AI eigenlijk, in simpele woorden?", "Wat is AI eigenlijk, ?"),
        ("nl", "de AI Act kort uitgelegd", "de AI Act"),
    ],
)
def test_a_request_for_simple_words_is_not_the_topic(
    language: Language, question: str, expected: str
) -> None:
    assert topic(question, BUILT_IN.profile(language).search) == expected


@pytest.mark.parametrize(
    ("language", "question"),
    [
        # Asking the chatbot for simpler answers is the topic of a lesson.
        ("nl", "Kan ik de chatbot vragen om zijn antwoord eenvoudiger te maken?"),
        ("en", "how do I ask for a simpler answer"),
        # Nothing would be left to search.
        ("en", "simply"),
        ("fr", "en termes simples ?"),
    ],
)
def test_other_questions_are_searched_as_typed(language: Language, question: str) -> None:
    assert topic(question, BUILT_IN.profile(language).search) == question


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        ("en", "can artificial intelligence lie?", "can AI lie?"),
        ("en", "is artifical inteligence dangerous", "is AI dangerous"),
        (
            "fr",
            "l'Intelligence Artificielle va remplacer mon travail ?",
            "l'IA va remplacer mon travail ?",
        ),
        ("fr", "une inteligence artificiel peut mentir", "une IA peut mentir"),
        ("nl", "kan kunstmatige intelligentie liegen?", "kan AI liegen?"),
        ("nl", "wat doet artificiële intelligentie", "wat doet AI"),
    ],
)
def test_the_subject_spelled_out_is_read_as_the_lessons_write_it(
    language: Language, question: str, expected: str
) -> None:
    assert topic(question, BUILT_IN.profile(language).search) == expected


def test_words_that_only_begin_like_the_subject_stay() -> None:
    question = "an artificial flower in an intelligent home"

    assert topic(question, BUILT_IN.profile("en").search) == question


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        (
            "en",
            "What personal info should I never give?",
            "What personal information should I never give?",
        ),
        ("en", "Info about my pics", "information about my pictures"),
        ("nl", "waar vind ik meer info", "waar vind ik meer informatie"),
        # The French lessons say "infos" themselves.
        ("fr", "d'où viennent ses infos", "d'où viennent ses infos"),
    ],
)
def test_clipped_words_are_read_as_the_whole_words_of_the_lessons(
    language: Language, question: str, expected: str
) -> None:
    assert topic(question, BUILT_IN.profile(language).search) == expected


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        ("nl", "kzou graag iets leren over privacy", "ik zou graag iets leren over privacy"),
        ("nl", "Kheb een vraag over copilot", "ik heb een vraag over copilot"),
        ("fr", "jsuis perdue avec chatgpt", "je suis perdue avec chatgpt"),
        ("fr", "jai recu un sms de bpost", "je ai recu un sms de bpost"),
        ("fr", "chuis au chômage, l'IA peut m'aider ?", "je suis au chômage, l'IA peut m'aider ?"),
        # Words that only start like one are left alone.
        ("nl", "kwaliteit van een antwoord", "kwaliteit van een antwoord"),
        # The pronoun alone, and words clipped in Flemish chat.
        ("nl", "mag k mijn cv uploaden", "mag ik mijn cv uploaden"),
        ("nl", "tis raar omda ik niks zie", "het is raar omdat ik niks zie"),
    ],
)
def test_a_pronoun_glued_to_its_verb_is_read_as_two_words(
    language: Language, question: str, expected: str
) -> None:
    assert topic(question, BUILT_IN.profile(language).search) == expected
