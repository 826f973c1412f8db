"""The reply language: the learner's own, unless a message is clearly in another language."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from bot.config import Language
from bot.core.languages import BUILT_IN
from bot.core.reply_language import (
    ReplyLanguage,
    ReplyLanguageRule,
    loanwords,
    without_loanwords,
    without_quotes,
    words,
)
from bot.language import LanguageDetector

RULE = ReplyLanguageRule(BUILT_IN)


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    loaded = LanguageDetector(BUILT_IN)
    loaded.load()
    return loaded


class Sure:
    """A detector that is sure of whatever it is told to be, and records what it read."""

    def __init__(self, scores: Mapping[Language, float]) -> None:
        self.scores = dict(scores)
        self.read: list[str] = []

    def confidences(self, text: str) -> Mapping[Language, float]:
        self.read.append(text)
        return self.scores


FRENCH_FOR_SURE = Sure({"fr": 0.98, "nl": 0.01, "en": 0.01})


@pytest.mark.parametrize(
    "text",
    [
        "is chatgpt safe",
        "what is chatgpt",
        "c quoi un prompt",
        "wat is AI",
        "copilot cv tips",
        "Est-ce que c'est vrai ?",  # four words of clear French still keep the learner's
    ],
)
def test_messages_of_four_words_or_fewer_never_switch(text: str) -> None:
    sure = Sure({"fr": 0.98, "nl": 0.01, "en": 0.01})
    assert RULE.choose(text, "en", sure) == ReplyLanguage("en", switched=False)
    assert sure.read == []  # the detector is not even asked


def test_names_of_tools_and_loanwords_do_not_count_as_words() -> None:
    text = "ChatGPT, Copilot, Gemini: deepfake prompt online app e-mail cv?"
    assert RULE.choose(text, "nl", FRENCH_FOR_SURE) == ReplyLanguage("nl", switched=False)


def test_the_detector_reads_the_message_without_tool_names() -> None:
    sure = Sure({"fr": 0.98, "nl": 0.01, "en": 0.01})
    RULE.choose("Est-ce que ChatGPT est sûr pour mon CV ?", "en", sure)
    assert sure.read == ["Est-ce que  est sûr pour mon  ?"]
    assert {"chatgpt", "copilot", "ai", "ia", "cv", "prompt", "deepfake"} <= loanwords()


@pytest.mark.parametrize(
    ("text", "own", "language"),
    [
        ("Est-ce que je peux utiliser ChatGPT pour écrire ma lettre de motivation ?", "en", "fr"),
        ("Hoe kan ik zien of een foto door een computer gemaakt is?", "fr", "nl"),
        ("How can I tell if a photo was made by artificial intelligence?", "nl", "en"),
        ("Do I have to pay to use ChatGPT on my phone?", "fr", "en"),
    ],
)
def test_a_clear_sentence_in_another_language_switches(
    detector: LanguageDetector, text: str, own: Language, language: Language
) -> None:
    assert RULE.choose(text, own, detector) == ReplyLanguage(language, switched=True)


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("how do I ask chatgpt to write a brief to the gemeente", "en"),
        ("je dois faire un verslag pour mon werk avec chatgpt", "fr"),
        ("hoe vraag ik aan chatgpt om mijn lettre de motivation te schrijven", "nl"),
        ("what does 'je ne sais pas' mean", "en"),
        ("que veut dire 'ik weet het niet'", "fr"),
        ("is het ok om mijn CV in ChatGPT te plakken", "nl"),
    ],
)
def test_code_switching_and_quotes_keep_the_learners_language(
    detector: LanguageDetector, text: str, own: Language
) -> None:
    assert RULE.choose(text, own, detector) == ReplyLanguage(own, switched=False)


def test_a_small_margin_keeps_the_learners_language() -> None:
    french = "Est-ce que vous pouvez me dire pourquoi le chatbot se trompe ?"
    unsure = Sure({"fr": 0.55, "en": 0.40, "nl": 0.05})
    assert RULE.choose(french, "en", unsure) == ReplyLanguage("en", switched=False)
    clear = Sure({"fr": 0.95, "en": 0.04, "nl": 0.01})
    assert RULE.choose(french, "en", clear) == ReplyLanguage("fr", switched=True)


def test_the_two_signals_must_agree() -> None:
    # The detector says French, but the function words are English: no switch.
    english = "What should I never type into a chatbot at work?"
    assert RULE.choose(english, "en", FRENCH_FOR_SURE) == ReplyLanguage("en", switched=False)
    # Nor for a message with a single French function word.
    one = "Chatbots Gemini: pourquoi hallucinations arrivent?"
    assert RULE.choose(one, "en", FRENCH_FOR_SURE) == ReplyLanguage("en", switched=False)


def test_function_words_two_languages_share_count_for_neither() -> None:
    assert RULE.evidence(words("de en is in me")) == {"fr": 0, "nl": 0, "en": 0}
    # "on" is French too.
    assert RULE.evidence(words("the cat is not on the mat")) == {"fr": 0, "nl": 0, "en": 3}


def test_words_fold_accents_case_and_elisions() -> None:
    assert words("L'IA, c'est Très SÛR ?") == ["l", "ia", "c", "est", "tres", "sur"]
    assert without_loanwords("Is ChatGPT safe?") == "Is  ?"


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("what does 'ik weet het niet' mean", "what does   mean"),
        ("que veut dire « je ne sais pas » ?", "que veut dire   ?"),
        ('wat betekent "I don\'t know" eigenlijk', "wat betekent   eigenlijk"),
        ("c'est quoi l'IA, d'après toi ?", "c'est quoi l'IA, d'après toi ?"),
        ("ik werk 's avonds met ChatGPT", "ik werk 's avonds met ChatGPT"),
    ],
)
def test_quoted_phrases_are_set_aside_but_apostrophes_are_not(text: str, left: str) -> None:
    assert without_quotes(text) == left


def test_a_quoted_sentence_in_another_language_keeps_the_learners_language() -> None:
    english = Sure({"fr": 0.01, "nl": 0.01, "en": 0.98})
    text = "Que veut dire 'How can I tell if a photo was made by AI' en français ?"
    assert RULE.choose(text, "fr", english) == ReplyLanguage("fr", switched=False)
    assert english.read == ["Que veut dire   en français ?"]
