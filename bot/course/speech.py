"""Speech lists (`content/speech/<lang>.yaml`): how to read words aloud, how heard letters look.

`say` respells, as whole words and in their exact case, what espeak-ng reads wrong in that
language ("IA" → "i a"); check a spelling with `espeak-ng -x -v fr-be "..."`. `letters` lists how
a transcription may write a quiz letter said aloud ("B", "bé", "bee"), `ranks` the words for the
first, second… and last option ("la deuxième", "de laatste"), `fillers` the words a learner
may say around them ("la réponse B"), and `hedges` the phrases ("mais je ne suis pas sûr", "s'il
vous plaît"), so that saying or typing the letter answers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Final

import yaml

from bot.core.yaml_text import parse_yaml

LAST: Final = -1  # the position `SpeechList.position` gives for "the last one"


class SpeechListError(ValueError):
    """A speech list that cannot be read."""


def plain_words(text: str) -> list[str]:
    """Return the words of a text in lower case, without accents, apostrophes or punctuation."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in folded if not unicodedata.combining(char))
    return re.sub(r"[^\w\s]", " ", re.sub(r"['’]", "", bare)).split()


@dataclass(frozen=True)
class SpeechList:
    """One language's respellings for reading aloud, and its quiz letters as heard."""

    say: tuple[tuple[str, str], ...] = ()
    letters: tuple[frozenset[str], ...] = ()
    fillers: frozenset[str] = field(default_factory=frozenset)
    # Words for the first, second… option ("la deuxième", "de derde") and for the last one.
    ranks: tuple[frozenset[str], ...] = ()
    last: frozenset[str] = field(default_factory=frozenset)
    # Phrases said around an answer that name no option ("mais je ne suis pas sûr", "please"),
    # as plain words, longest first.
    hedges: tuple[tuple[str, ...], ...] = ()

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.say:
            return None
        # Longest first, so that "e-mails" wins over "e-mail"; never inside a longer word.
        written = sorted((re.escape(word) for word, _ in self.say), key=len, reverse=True)
        return re.compile(rf"(?<![\w-])(?:{'|'.join(written)})(?![\w-])")

    def respell(self, text: str) -> str:
        """Return the text with each listed word replaced by how it should be read."""
        if self._pattern is None:
            return text
        spoken = dict(self.say)
        return self._pattern.sub(lambda match: spoken[match.group(0)], text)

    def position(self, said: str) -> int | None:
        """Return the position of the option a learner said or typed, if that is all they said.

        By its letter ("b", "bé": 1), its number ("2": 1) or its rank ("la deuxième": 1), with
        the language's fillers around it; `LAST` for the last one ("la dernière").
        """
        words = self.without_fillers(plain_words(said))
        if len(words) != 1:
            return None
        [word] = words
        if (letter := self._letter(word)) is not None:
            return letter
        if (ranked := next((n for n, w in enumerate(self.ranks) if word in w), None)) is not None:
            return ranked
        if word in self.last:
            return LAST
        # A number as typed counts in every language, with a speech list or without.
        if len(word) == 1 and "1" <= word <= "9":
            return int(word) - 1
        return None

    def letter(self, said: str) -> int | None:
        """Return the position of the option a learner named by its letter alone ("la B", "bé")."""
        words = self.without_fillers(plain_words(said))
        return self._letter(words[0]) if len(words) == 1 else None

    def _letter(self, word: str) -> int | None:
        listed = next((n for n, ways in enumerate(self.letters) if word in ways), None)
        if listed is not None:
            return listed
        # A letter as typed counts in every language, with a speech list or without.
        return ord(word) - ord("a") if len(word) == 1 and "a" <= word <= "z" else None

    def without_fillers(self, words: list[str]) -> list[str]:
        """Return the words said, without the language's fillers ("la", "answer", "denk")."""
        words = self._without_hedges(words)
        kept: list[str] = []
        at = 0
        while at < len(words):
            # Two words that make a filler were one with its apostrophe left out ("c est").
            if at + 1 < len(words) and words[at] + words[at + 1] in self.fillers:
                at += 2
                continue
            if words[at] not in self.fillers:
                kept.append(words[at])
            at += 1
        return kept

    def _without_hedges(self, words: list[str]) -> list[str]:
        """Return the words without the hedge phrases among them."""
        for hedge in self.hedges:
            size = len(hedge)
            at = 0
            while at + size <= len(words):
                if tuple(words[at : at + size]) == hedge:
                    words = words[:at] + words[at + size :]
                else:
                    at += 1
        return words


def parse_speech_list(path: Path) -> SpeechList:
    """Read a speech list; raise SpeechListError with the file's name when it is malformed."""
    try:
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise SpeechListError(f"{path}: invalid YAML: {error}") from None
    say = data.get("say") or {}
    letters = data.get("letters") or {}
    fillers = data.get("fillers") or []
    hedges = data.get("hedges") or []
    ranks = data.get("ranks") or {}
    valid = (
        isinstance(say, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in say.items())
        and isinstance(letters, dict)
        and all(isinstance(ways, list) for ways in letters.values())
        and isinstance(fillers, list)
        and isinstance(hedges, list)
        and isinstance(ranks, dict)
        and all(isinstance(rank, int) or rank == "last" for rank in ranks)
        and all(isinstance(ways, list) for ways in ranks.values())
    )
    # The first, second… option: 1 to n, each once (and `last`).
    numbered = sorted(rank for rank in ranks if rank != "last") if valid else []
    valid = valid and numbered == list(range(1, len(numbered) + 1))
    if not valid:
        raise SpeechListError(
            f"{path}: expected `say` (word: spoken), `letters` (letter: [ways]), `fillers`, "
            "`hedges` (phrases) and `ranks` (1, 2… or last: [ways])"
        )
    return SpeechList(
        say=tuple(say.items()),
        letters=tuple(_words([letter, *ways]) for letter, ways in sorted(letters.items())),
        fillers=_words(fillers),
        ranks=tuple(_words(ranks[rank]) for rank in numbered),
        last=_words(ranks.get("last", [])),
        hedges=tuple(
            sorted(
                {tuple(words) for hedge in hedges if (words := plain_words(str(hedge)))},
                key=len,
                reverse=True,
            )
        ),
    )


def _words(ways: list[Any]) -> frozenset[str]:
    return frozenset(word for way in ways for word in plain_words(str(way)))
