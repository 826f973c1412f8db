"""Read small talk worded freely: a message close in meaning to a phrase of words.yaml.

The phrases cover a message word by word; people say the same things in many more ways ("c'est
quoi mon score", "kunde da herhalen?", "gotta go, talk tomorrow"). When the topic gate finds a
short message outside the course, the encoder of the lesson index compares it with every phrase,
and the closest phrase's meaning answers it if it is close enough, rather than a refusal. A
message the gate finds about the course is answered from the course: the encoder reads brands
first, and "chatgpt ment ?" came as close to "t'es chatgpt ?" as small talk does to its phrases.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from bot.features.smalltalk.kinds import Kind
from bot.features.smalltalk.requests import Request, Requests
from bot.features.smalltalk.text import normalise

if TYPE_CHECKING:
    from bot.adapters.search.embedders import Embedder, Vectors

# Longer messages are questions or stories, which the course or the refusal answer better.
MOST_WORDS: Final = 12
# A message that asks something is no greeting, thanks, "ok", goodbye or break, however close it
# comes: "what's the weather tomorrow?" came close to "see you tomorrow", "since when?" to "later".
ASKING_WORDS: Final = frozenset(
    {
        *("how", "what", "whats", "why", "where", "which", "who", "when"),
        *("comment", "quoi", "pourquoi", "quel", "quelle", "quels", "quelles", "qui", "quand"),
        "combien",
        # "welk weer wordt het morgen in Gent" was a goodbye ("tot morgen").
        *("hoe", "wat", "wa", "waarom", "welk", "welke", "waar", "wie", "wanneer", "hoeveel"),
    }
)
SAID_NOT_ASKED: Final = frozenset(
    {Kind.GREETING, Kind.GOODBYE, Kind.THANKS, Kind.OK, Kind.NO, Kind.STOP, Kind.INTERRUPTED}
)
# Read from their phrases only: by meaning, "quel temps fera-t-il demain à Liège ?" came
# closest to "combien de temps dure une leçon", "ik ben echt doodop, tot morgen" to "kan ik
# morgen verdergaan", "one more quiz" to "quiz again" (not /quiz), "antwoord beluisteren ipv
# lezen" to "zeg het antwoord", "j'ai perdu mes clés" to "j'ai perdu mon travail", "my phone is
# … please call me" to "on m'appelle".
PHRASED_ONLY: Final = frozenset(
    {
        Kind.COMEBACK,
        Kind.LESSON_TIME,
        Kind.SHORTCUT,
        Kind.RETAKE,
        Kind.ANSWER_ASKED,
        Kind.JOB_LOSS,
        Kind.INTERRUPTED,
        # It moves the learner on: "please more easy explain" asks for simpler words.
        Kind.MORE,
    }
)
# What moves the learner on or back, which a message does only with one of its own words, as a
# command: "je m'apelle andré" came as close to "je passe" as small talk does, and skipped a card.
MOVES: Final = frozenset({Kind.NEXT, Kind.SKIP, Kind.BACK, Kind.NEXT_LESSON})
# Deleting everything is named only by words no other command's phrases use ("wis",
# "supprimer"): "wat slaat ge allemaal op over mij?" came closest to "wis alles wat je over mij
# weet" by "over mij", and asked to delete what the learner wanted to see.
NAMED_BY_OWN_WORDS: Final = frozenset({Request(Kind.COMMAND, "forget")})
# Phrases embedded at a time: a batch of 128 left 4 MB more in the process than one of 16.
BATCH: Final = 16
# A word alone that the encoder hardly knows, a name above all ("CPAS", "OCMW", "RVA"), lands
# near short slang ("wdym", "brb", "dac") at 0.60-0.67, and "CPAS" got the card in simpler words.
# The one word of the development messages read rightly this way ("hiya") came at 0.85.
ONE_WORD_MARGIN: Final = 0.1


@dataclass(frozen=True)
class Phrases:
    """The phrases of words.yaml as texts to embed, each with what it asks for."""

    texts: tuple[str, ...]
    requests: tuple[Request, ...]
    # Each command's and move's own words: those of its phrases and intents, less the words
    # around requests.
    anchors: Mapping[Request, frozenset[str]]

    @classmethod
    def of(cls, data: Mapping[str, Any], languages: Iterable[str]) -> Phrases:
        """Take every command and kind phrase of the offered languages, once each."""
        wanted = set(languages)
        found: dict[str, Request] = {}
        # The words of requests as the phrasebook reads them, normalised the same way.
        requests = Requests.of(data["requests"], wanted)
        around = frozenset().union(*requests.around.values())
        anchors: dict[Request, set[str]] = {}
        for intents in requests.intents.values():
            for word, meant in intents.items():
                for request in meant:
                    if request.kind is Kind.COMMAND:
                        anchors.setdefault(request, set()).add(word)
        sections = (
            *((Request(Kind.COMMAND, name), by) for name, by in data["commands"].items()),
            *(
                (Request(Kind(name)), by)
                for name, by in data["kinds"].items()
                if Kind(name) not in PHRASED_ONLY
            ),
        )
        for request, by_language in sections:
            for language, texts in by_language.items():
                if language in wanted:
                    for text in map(str, texts):
                        # The first to list a phrase keeps it, as in the phrasebook.
                        found.setdefault(_as_read(text), request)
                        if request.kind is Kind.COMMAND or request.kind in MOVES:
                            anchors.setdefault(request, set()).update(_as_read(text).split())
        own = {request: frozenset(words - around) for request, words in anchors.items()}
        for request in NAMED_BY_OWN_WORDS & own.keys():
            others = (words for other, words in own.items() if other != request)
            own[request] = own[request].difference(*others)
        return cls(tuple(found), tuple(found.values()), own)


_EMBEDDED: dict[tuple[str, str, tuple[str, ...]], Vectors] = {}
_EMBEDDING = threading.Lock()


def _embedded(embedder: Embedder, texts: tuple[str, ...]) -> Vectors:
    """Embed texts once per process and encoder, as the encoder itself is loaded once."""
    import numpy as np  # with the encoder, never while the tutor starts

    key = (embedder.backend, embedder.model, texts)
    with _EMBEDDING:
        if key not in _EMBEDDED:
            _EMBEDDED[key] = np.concatenate(
                [embedder.documents(texts[at : at + BATCH]) for at in range(0, len(texts), BATCH)]
            )
        return _EMBEDDED[key]


def _as_read(text: str) -> str:
    """Return a text as both sides are embedded: lower case, no accents nor punctuation."""
    return " ".join(normalise(text, runs=False))


class StrayMessages:
    """Find the phrase closest to a message, with the encoder of the lesson index."""

    def __init__(self, phrases: Phrases, embedder: Embedder) -> None:
        """Embed the phrases now (0.7 s for three languages), or take them embedded already."""
        self._phrases = phrases
        self._embedder = embedder
        self._vectors = _embedded(embedder, phrases.texts)

    @classmethod
    def usable(cls, phrases: Phrases, embedder: Embedder) -> StrayMessages | None:
        """Return the reader, or None for an encoder whose closeness was never measured."""
        if embedder.close_phrase is None:
            return None
        return cls(phrases, embedder)

    def read(self, text: str) -> Request | None:
        """Return what the closest phrase asks for, if it is close enough; None otherwise."""
        words = _as_read(text)
        if not words or len(words.split()) > MOST_WORDS:
            return None
        scores = self._vectors @ self._embedder.query(words)
        best = int(scores.argmax())
        bar = self._embedder.close_phrase
        assert bar is not None, "checked by usable()"
        if len(words.split()) == 1:
            bar += ONE_WORD_MARGIN
        found = self._phrases.requests[best]
        asks = "?" in text or words.split()[0] in ASKING_WORDS
        if scores[best] < bar or (asks and found.kind in SAID_NOT_ASKED):
            return None
        named = found.kind is Kind.COMMAND or found.kind in MOVES
        if named and not self._phrases.anchors[found] & set(words.split()):
            # A command is named, not only alluded to: "hoe maak ik soep" came as close to
            # "hoe sta ik ervoor" as "c'est quoi mon score" does to "mon score".
            return None
        return found
