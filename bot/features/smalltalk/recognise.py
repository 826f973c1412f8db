"""Recognise small talk: a message made only of greetings, thanks, "ok", button words or emoji.

The phrases are data (words.yaml), per kind and language; a message is small talk when it is
covered, word by word, by phrases of any language (and fillers such as "bot"), with at least one
phrase that is not a filler. Both sides are normalised the same way first. A message no phrase
covers may still be a short request worded freely (requests.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Final

from bot.core.yaml_text import parse_yaml
from bot.features.smalltalk.kinds import Kind
from bot.features.smalltalk.requests import LISTEN, Request, Requests
from bot.features.smalltalk.text import normalise

if TYPE_CHECKING:
    from symspellpy.editdistance import EditDistance

# Symbols (emoji), their modifiers, joiners and variation selectors, punctuation and spaces.
_NOISE_CATEGORIES: Final = frozenset(
    {"So", "Sk", "Sm", "Mn", "Me", "Cf", "Zs", "Po", "Pd", "Ps", "Pe"}
)
LONGEST_PHRASE: Final = 12  # words; a listed phrase longer than this would never be found
# A single word this long, or one letter shorter, is read as the phrase one slip away from it: a
# letter missing, added, changed or two swapped ("nxt", "netx", "strat").
MISSPELT_LETTERS: Final = 4
_SENTENCE_END: Final = re.compile(r"(?<=[.?!])\s+")


def _only_symbols(text: str) -> bool:
    return all(unicodedata.category(char) in _NOISE_CATEGORIES for char in text)


@dataclass(frozen=True)
class Phrasebook:
    """The phrases of each kind, normalised, and the emoji that say something."""

    phrases: Mapping[tuple[str, ...], Kind]
    fillers: frozenset[tuple[str, ...]]
    emoji: Mapping[str, Kind]
    order: tuple[Kind, ...]
    # The languages that list each phrase ("hallo" Dutch alone, "merci" French and Dutch).
    speakers: Mapping[tuple[str, ...], frozenset[str]]
    commands: Mapping[tuple[str, ...], str]  # the command each command phrase names
    requests: Requests  # what short messages no phrase covers ask for

    @classmethod
    def of(
        cls, data: Mapping[str, Any], languages: Iterable[str], terms: Iterable[str] = ()
    ) -> Phrasebook:
        """Build the phrasebook of some languages from words.yaml's data, minding the terms."""
        wanted = set(languages)
        phrases: dict[tuple[str, ...], Kind] = {}
        speakers: dict[tuple[str, ...], frozenset[str]] = {}
        commands: dict[tuple[str, ...], str] = {}

        def listed(by_language: Mapping[str, Iterable[Any]]) -> Iterator[tuple[str, ...]]:
            for language, texts in by_language.items():
                if language in wanted:
                    for phrase in map(normalise, map(str, texts)):
                        speakers[phrase] = speakers.get(phrase, frozenset()) | {language}
                        yield phrase

        for name, by_language in data["commands"].items():
            for phrase in listed(by_language):
                commands.setdefault(phrase, name)
                phrases.setdefault(phrase, Kind.COMMAND)
        order = [Kind.COMMAND]
        for name, by_language in data["kinds"].items():
            order.append(Kind(name))
            for phrase in listed(by_language):
                # The first kind to list a phrase keeps it ("merci" is thanks, not ok).
                phrases.setdefault(phrase, Kind(name))
        fillers = frozenset(normalise(str(filler)) for filler in data["fillers"])
        emoji = {char: Kind(name) for name, chars in data["emoji"].items() for char in chars}
        requests = Requests.of(data["requests"], wanted, terms)
        return cls(phrases, fillers, emoji, tuple(order), speakers, commands, requests)

    def read(self, text: str) -> Request | None:
        """Return what a message is: its kind of small talk, and the command it names if any."""
        if _only_symbols(text):
            kind = self._symbols(text)
            return Request(kind) if kind else None
        words = normalise(text)
        return self.listed(text) or (
            self.requests.read(text) or self._misspelt(words) or self._by_sentence(text)
        )

    def listed(self, text: str) -> Request | None:
        """Return what a message is when listed phrases cover it, with words around at most."""
        words = normalise(text)
        found = self._cover(words) or self._cover_wrapped(words)
        if not found:
            return None
        named = {self.commands[phrase] for phrase in found if phrase in self.commands}
        kind = min((self.phrases[phrase] for phrase in found), key=self.order.index)
        request = Request(kind, named.pop() if len(named) == 1 else None)
        around = set(words) - {word for phrase in found for word in phrase}
        if request == LISTEN and self.requests.turns_off(around):
            # "zet het voorlezen uit" is /listen's word with words around it, and read on.
            return Request(Kind.LISTEN_OFF)
        return request

    def _cover_wrapped(self, words: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Return a command's phrases that cover a message once the words around are left out.

        "Pouvez-vous me montrer ce que vous savez sur moi ?" is a phrase of /mydata with polite
        words before it; "et où en suis-je dans le cours, en tout ?" one of /progress with words
        around it. The fewest words are left out first; never a word of `not` ("je vais pas
        bien" is not "bien"), and only for a command: "encore une question" is not "encore".
        """
        size = len(words)
        for language, around in self.requests.around.items():
            kept = around - self.requests.negations.get(language, frozenset())
            before, after = _run_of(words, kept), _run_of(words[::-1], kept)
            cuts = sorted(
                ((start, size - end) for start in range(before + 1) for end in range(after + 1)),
                key=lambda cut: cut[0] + size - cut[1],
            )
            for start, stop in cuts[1:]:
                found = self._cover(words[start:stop]) if start < stop else []
                if any(phrase in self.commands for phrase in found):
                    return found
        return []

    def _by_sentence(self, text: str) -> Request | None:
        """Return what one sentence asks when the others only wrap it ("… ? Je voudrais voir.")."""
        sentences = [part for part in _SENTENCE_END.split(text) if normalise(part)]
        if len(sentences) < 2:
            return None
        read = [self.read(sentence) for sentence in sentences]
        if not all(
            request is not None or self.requests.wraps(sentence)
            for request, sentence in zip(read, sentences, strict=True)
        ):
            return None
        asked = {request for request in read if request is not None}
        # As within one sentence: the one command named, else the kind listed first.
        commands = {request for request in asked if request.command}
        if commands:
            return commands.pop() if len(commands) == 1 else None
        return min(asked, key=lambda request: self.order.index(request.kind), default=None)

    def _misspelt(self, words: tuple[str, ...]) -> Request | None:
        """Return what one word means when it is a button's word with one slip ("netx", "strat")."""
        # Only words of four letters or more, once one is dropped: shorter ones are a slip away
        # from too many others ("ok", "no", "oui"). A filler is typed right: "really", read
        # "realy" once its doubled letter counts once, is no slip of "ready".
        if (
            len(words) != 1
            or len(words[0]) < MISSPELT_LETTERS - 1
            or words in self.requests.terms
            or words in self.fillers
        ):
            return None
        meant = {
            Request(self.phrases[phrase], self.commands.get(phrase))
            for phrase in self._single_words
            if abs(len(phrase[0]) - len(words[0])) <= 1
            and self._slips.compare(words[0], phrase[0], 1) == 1
        }
        return meant.pop() if len(meant) == 1 else None

    @cached_property
    def _slips(self) -> EditDistance:
        # Imported on the first word not found: the search loads symspellpy later anyway.
        from symspellpy.editdistance import DistanceAlgorithm, EditDistance

        return EditDistance(DistanceAlgorithm.DAMERAU_OSA)

    @cached_property
    def _single_words(self) -> tuple[tuple[str, ...], ...]:
        return tuple(
            phrase
            for phrase in self.phrases
            if len(phrase) == 1 and len(phrase[0]) >= MISSPELT_LETTERS
        )

    def kind(self, text: str) -> Kind | None:
        """Return the kind of small talk a message is, or None when it is anything else."""
        found = self.read(text)
        return found.kind if found else None

    def languages(self, text: str) -> frozenset[str]:
        """Return the languages that list every phrase of a small-talk message; none otherwise."""
        found = self._cover(normalise(text))
        if not found:
            return frozenset()
        return frozenset.intersection(*(self.speakers[phrase] for phrase in found))

    def _symbols(self, text: str) -> Kind | None:
        meaning = [self.emoji[char] for char in text if char in self.emoji]
        if meaning:
            return min(meaning, key=self.order.index)
        if "?" in text:
            return Kind.QUESTION
        return Kind.EMOJI if text.strip() else None

    def _cover(self, words: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Return the phrases (not fillers) that make up all of `words`; none if they do not."""
        found: list[tuple[str, ...]] = []
        at = 0
        while at < len(words):
            for size in range(min(LONGEST_PHRASE, len(words) - at), 0, -1):
                piece = words[at : at + size]
                if piece in self.phrases or piece in self.fillers:
                    if piece in self.phrases:
                        found.append(piece)
                    at += size
                    break
            else:
                return []
        return found


def _run_of(words: tuple[str, ...], among: frozenset[str]) -> int:
    """Return how many of the first words are among the given ones."""
    return next((at for at, word in enumerate(words) if word not in among), len(words))


@cache
def words_file() -> dict[str, Any]:
    """Return the data of words.yaml, read once."""
    text = files("bot.features.smalltalk").joinpath("words.yaml").read_text("utf-8")
    data: dict[str, Any] = parse_yaml(text)
    return data


def phrasebook(languages: Iterable[str], terms: Iterable[str] = ()) -> Phrasebook:
    """Return the phrasebook of the offered languages; the glossary's `terms` are no requests."""
    return Phrasebook.of(words_file(), languages, terms)
