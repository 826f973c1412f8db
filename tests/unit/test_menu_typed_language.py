"""A newcomer's typed words pick a language only when they name it or are clearly in it."""

from __future__ import annotations

import pytest

from bot.core.languages import BUILT_IN
from bot.features.menu.typed_language import TypedLanguage, language_reader

READER = language_reader(BUILT_IN)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Its name in any offered language or English, CLDR's regional names included.
        ("Français", "fr"),
        ("frans", "fr"),
        ("FRENCH", "fr"),
        ("néerlandais", "nl"),
        ("neerlandais", "nl"),
        ("Flamand", "nl"),
        ("Engels", "en"),
        ("anglais svp", "en"),
        ("🇳🇱 Nederlands", "nl"),
        ("in het Nederlands aub", "nl"),
        ("fr", "fr"),
        # Small talk that one language alone lists.
        ("Bonjour !", "fr"),
        ("goedemiddag", "nl"),
        ("good morning", "en"),
        # A longer message that names one language and has no function word of one alone.
        ("je voudrais apprendre en français", "fr"),
        # Written in the language it names: a choice, not a question.
        ("I would like to learn in English", "en"),
    ],
)
def test_a_name_or_a_greeting_picks_the_language_and_asks_nothing(text: str, language: str) -> None:
    assert READER.read(text) == TypedLanguage(language, question=False)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("c'est quoi un chatbot ?", "fr"),
        ("wat is een deepfake", "nl"),
        ("how does ChatGPT work", "en"),
        # The language it names is its subject; the words say which it is written in.
        ("Can ChatGPT translate my letter into French?", "en"),
    ],
)
def test_a_question_picks_the_language_it_is_written_in_and_is_answered(
    text: str, language: str
) -> None:
    assert READER.read(text) == TypedLanguage(language, question=True)


@pytest.mark.parametrize(
    "text",
    [
        "hello",  # English and French greet with it
        "merci",  # French and Flemish
        "ok",
        "Dutch or French?",  # two names: the buttons decide
        "Deutsch",  # not offered
        "de",  # a code, but of no offered language
        "español por favor",
        "مرحبا",
        "chatgpt",
        "123",
        "🙂",
    ],
)
def test_words_that_fit_no_language_or_several_pick_none(text: str) -> None:
    assert READER.read(text) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nederlands", "nl"),
        ("English please", "en"),
        # Asked to speak it, in a few more words.
        ("kunde gij ook frans praten?", "fr"),
        ("kun je ook frans spreken?", "fr"),
        ("vous pouvez aussi parler anglais ?", "en"),
        # Or to go back to it: refused as outside the course.
        ("allez, terug in het Nederlands aub", "nl"),
        ("back to english please", "en"),
        # Politely, with the learner or the tutor in it, in more words.
        ("est-ce que tu peux parler en néerlandais avec moi s'il te plaît", "nl"),
        ("could you please speak French with me, it is easier for me", "fr"),
        ("est-ce que l'IA peut parler néerlandais pour moi", None),
        # A longer question about a language is a question.
        ("is chatgpt goed in het frans voor mijn brief?", None),
        ("can chatgpt translate my letter into French?", None),
    ],
)
def test_a_message_names_a_language_when_short_or_asking_to_speak_it(
    text: str, language: str | None
) -> None:
    assert READER.named(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("tu parles arabe?", "ar"),
        ("do you speak Arabic?", "ar"),
        ("spreekt ge ook turks?", "tr"),
        ("tu parle arabe? c plus facile pour moi", "ar"),
        ("kunt u ook in het Turks met mij praten als dat kan alstublieft", "tr"),
        # An offered language named too, no speaking verb, or a longer question: none.
        ("tu parles arabe ou français ?", None),
        ("arabe", None),
        ("can chatgpt speak arabic with my mother when she calls the commune?", None),
        ("can chatgpt speak arabic?", None),  # a question about ChatGPT, however short
        ("can you talk slowly", None),
    ],
)
def test_a_language_the_tutor_does_not_speak_is_asked_for_with_a_speaking_verb(
    text: str, language: str | None
) -> None:
    assert READER.other_asked(text) == language
