"""Small talk worded freely, read by its closeness to the phrases, with the real encoder."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.adapters.search.embedders import Embedder, make_embedder
from bot.config import Settings
from bot.features.smalltalk.kinds import Kind
from bot.features.smalltalk.recognise import phrasebook, words_file
from bot.features.smalltalk.requests import Request
from bot.features.smalltalk.stray import MOST_WORDS, Phrases, StrayMessages

LANGUAGES = ("fr", "nl", "en")


@pytest.fixture(scope="module")
def encoder(tmp_path_factory: pytest.TempPathFactory) -> Embedder:
    folder = tmp_path_factory.mktemp("stray")
    return make_embedder(Settings(_env_file=None, data_dir=folder))


@pytest.fixture(scope="module")
def stray(encoder: Embedder) -> StrayMessages:
    return StrayMessages(Phrases.of(words_file(), LANGUAGES), encoder)


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("tu peux me donner mon score stp", Request(Kind.COMMAND, "progress")),
        ("ik ben echt doodop, tot morgen", Request(Kind.STOP)),
        # "herhalen" alone names no request: "repeat" rather than the review it also means.
        ("kunt u dat herhalen?", Request(Kind.AGAIN)),
    ],
)
def test_a_message_no_phrase_covers_is_read_by_the_closest_phrase(
    stray: StrayMessages, text: str, meant: Request
) -> None:
    assert phrasebook(LANGUAGES).read(text) is None  # not found word by word
    assert stray.read(text) == meant


@pytest.mark.parametrize(
    "text",
    [
        "quel temps fera-t-il demain à Liège ?",
        "recette de crêpes",
        "wie wint de match vanavond?",
        "what's the weather tomorrow",  # close to "see you tomorrow", but it asks something
        "welk weer wordt het morgen in Gent",  # "tot morgen", without a question mark
    ],
)
def test_everyday_questions_come_close_to_no_phrase(stray: StrayMessages, text: str) -> None:
    assert stray.read(text) is None


@pytest.mark.parametrize("text", ["hoe maak ik soep", "hoe maak ik pannenkoeken"])
def test_a_command_is_named_not_only_alluded_to(stray: StrayMessages, text: str) -> None:
    # As close in meaning to "hoe sta ik ervoor" (/progress) as free requests come to theirs,
    # but sharing none of its words: a recipe, not a request to see one's progress.
    assert stray.read(text) is None
    assert stray.read("hoe sta ik er nu voor met mijn score") == Request(Kind.COMMAND, "progress")


def test_a_move_is_named_not_only_alluded_to(stray: StrayMessages) -> None:
    # As close to "je passe" as small talk comes to its phrases, sharing only "je": an
    # introduction, not a request to skip the card.
    assert stray.read("je m'apelle andré") is None
    assert stray.read("next pls") == Request(Kind.NEXT)


def test_deleting_everything_is_named_by_a_word_of_deleting(stray: StrayMessages) -> None:
    # Closest to "wis alles wat je over mij weet" by "over mij": asked to delete what the
    # learner wanted to see.
    assert stray.read("wat houdt ge allemaal bij over mij, laat da eens zien") != Request(
        Kind.COMMAND, "forget"
    )
    assert stray.read("ik wil da ge alles over mij vergeet") == Request(Kind.COMMAND, "forget")


@pytest.mark.parametrize("text", ["CPAS", "OCMW", "RVA"])
def test_a_name_alone_is_no_small_talk(stray: StrayMessages, text: str) -> None:
    # Close to "wdym" or "capte pas": "CPAS" got the card in simpler words.
    assert stray.read(text) is None
    assert stray.read("hiya") == Request(Kind.GREETING)


def test_long_messages_are_not_read_as_small_talk(stray: StrayMessages) -> None:
    words = "mon score " + " ".join(["svp"] * MOST_WORDS)
    assert stray.read("tu peux me dire mon score stp") is not None
    assert stray.read(words) is None


def test_the_first_kind_to_list_a_phrase_keeps_it() -> None:
    phrases = Phrases.of(words_file(), LANGUAGES)
    assert len(set(phrases.texts)) == len(phrases.texts)
    # "merci" is thanks in French and Dutch, listed once; "dank je" is Dutch alone.
    assert phrases.requests[phrases.texts.index("merci")] == Request(Kind.THANKS)
    assert "dank je" not in Phrases.of(words_file(), ("fr",)).texts


def test_an_encoder_whose_closeness_was_never_measured_reads_nothing(
    encoder: Embedder, tmp_path: Path
) -> None:
    class Unmeasured(type(encoder)):  # type: ignore[misc]
        close_phrase = None

    unmeasured = Unmeasured(tmp_path)
    assert StrayMessages.usable(Phrases.of(words_file(), LANGUAGES), unmeasured) is None
    assert StrayMessages.usable(Phrases.of(words_file(), LANGUAGES), encoder) is not None
