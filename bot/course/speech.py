"""Speech lists (`content/speech/<lang>.yaml`): how to read words aloud, how heard letters look.

`say` respells, as whole words and in their exact case, what espeak-ng reads wrong in that
language ("IA" → "i a"); check a spelling with `espeak-ng -x -v fr-be "..."`. `letters` lists how
a transcription may write a quiz letter said aloud ("B", "bé", "bee"), and `fillers` the words a
learner may say around it ("la réponse B"), so that saying the letter answers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml


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

    def letter(self, said: str) -> int | None:
        """Return the position of the letter a learner said or typed (0 for A), if that is all."""
        words = self._without_fillers(plain_words(said))
        if len(words) != 1:
            return None
        [word] = words
        listed = next((n for n, ways in enumerate(self.letters) if word in ways), None)
        if listed is None and len(word) == 1 and "a" <= word <= "z":
            # A letter as typed counts in every language, with a speech list or without.
            return ord(word) - ord("a")
        return listed

    def _without_fillers(self, words: list[str]) -> list[str]:
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


def parse_speech_list(path: Path) -> SpeechList:
    """Read a speech list; raise SpeechListError with the file's name when it is malformed."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise SpeechListError(f"{path}: invalid YAML: {error}") from None
    say = data.get("say") or {}
    letters = data.get("letters") or {}
    fillers = data.get("fillers") or []
    valid = (
        isinstance(say, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in say.items())
        and isinstance(letters, dict)
        and all(isinstance(ways, list) for ways in letters.values())
        and isinstance(fillers, list)
    )
    if not valid:
        raise SpeechListError(
            f"{path}: expected `say` (word: spoken), `letters` (letter: [ways]) and `fillers`"
        )
    ordered = sorted(letters.items())
    return SpeechList(
        say=tuple(say.items()),
        letters=tuple(
            frozenset(word for way in [letter, *ways] for word in plain_words(str(way)))
            for letter, ways in ordered
        ),
        fillers=frozenset(word for filler in fillers for word in plain_words(str(filler))),
    )
