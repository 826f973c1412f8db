"""What is read aloud and how spoken words are understood: clean text, respellings, letters
(said, or typed under a quiz question)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.course.speech import LAST, SpeechList, SpeechListError, parse_speech_list
from bot.features.voice.speakable import speakable
from bot.paths import PROJECT_ROOT

SPEECH = PROJECT_ROOT / "content" / "speech"


def speech_list(language: str) -> SpeechList:
    return parse_speech_list(SPEECH / f"{language}.yaml")


def test_emoji_links_markup_and_layout_symbols_are_not_read() -> None:
    shown = (
        "📖 **Why** this matters · 1/6\n\n"
        "• See https://example.com/x and [the lesson](http://a.be) <b>now</b> 👍🏽\n"
        "✅ Right!\n1. First step"
    )
    assert speakable(shown) == (
        "Why this matters, 1/6.\nSee and the lesson now.\nRight!\nFirst step."
    )


def test_each_line_becomes_a_sentence_so_that_the_voice_pauses() -> None:
    assert speakable("A heading\n\nA sentence.\nA question?") == (
        "A heading.\nA sentence.\nA question?"
    )


@pytest.mark.parametrize(
    ("language", "written", "spoken"),
    [
        ("fr", "L'IA écrit un e-mail et des e-mails.", "L'i a écrit un i-mèl et des i-mèls."),
        (
            "fr",
            "Un CV avec ChatGPT, pour les 18+.",
            "Un cé vé avec tchatte gé pé té, pour les dix-huit ans et plus.",
        ),
        ("nl", "De AI schrijft.", "De a i schrijft."),
        ("en", "For 18+ only, AI helps.", "For eighteen and over only, AI helps."),
    ],
)
def test_words_espeak_reads_wrong_are_respelled_as_whole_words(
    language: str, written: str, spoken: str
) -> None:
    assert speech_list(language).respell(written) == spoken


def test_a_respelling_never_changes_part_of_a_word() -> None:
    french = speech_list("fr")
    assert french.respell("IAs MAIL CVthèque e-mailing") == "IAs MAIL CVthèque e-mailing"


@pytest.mark.parametrize(
    ("language", "said", "letter"),
    [
        ("fr", "B", 1),
        ("fr", "La réponse B.", 1),
        ("fr", "Bé !", 1),
        ("fr", "c'est la C", 2),
        ("nl", "Antwoord C.", 2),
        ("nl", "bee", 1),
        ("en", "The answer is A.", 0),
        ("en", "Bee.", 1),
        ("en", "I think it is the second one", 1),
        ("fr", "la deuxième", 1),
        ("fr", "numéro 3", 2),
        ("fr", "la dernière", LAST),
        ("nl", "de eerste", 0),
        ("nl", "den eerste", 0),  # Flemish
        ("nl", "da is de b", 1),
        ("nl", "nummer 2", 1),
        ("nl", "de laatste", LAST),
        ("en", "2", 1),
        ("en", "the last one", LAST),
        ("en", "2 and 3", None),
        ("en", "my answer is b", 1),
        ("fr", "je pense que c'est la b", 1),
        ("fr", "ma réponse est c", 2),
        ("fr", "je pense que c est la c", 2),
        ("fr", "c est la b", 1),
        ("nl", "volgens mij b", 1),
        ("nl", "ik denk c", 2),
        ("en", "A and B", None),
    ],
)
def test_an_option_said_by_its_letter_number_or_rank_with_filler_words_is_understood(
    language: str, said: str, letter: int | None
) -> None:
    assert speech_list(language).position(said) == letter


def test_a_malformed_speech_list_is_refused_with_its_file(tmp_path: Path) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text("say: [IA, i a]\n", encoding="utf-8")
    with pytest.raises(SpeechListError, match=r"xx\.yaml"):
        parse_speech_list(path)


def test_ranks_must_run_from_one_without_a_gap(tmp_path: Path) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text("ranks:\n  1: [first]\n  3: [third]\n", encoding="utf-8")
    with pytest.raises(SpeechListError, match=r"xx\.yaml"):
        parse_speech_list(path)
