"""Correct the misspelt words of a question against the words the course itself uses."""

from __future__ import annotations

import gzip
import importlib.util
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

import msgpack
import numpy as np

from bot.adapters.search.stems import WORD, fold, stems, stop_words
from bot.core.languages import SearchWords
from bot.core.typos import MAX_EDITS, MIN_LETTERS, close_terms

if TYPE_CHECKING:
    from symspellpy import SymSpell

    from bot.course.model import GlossaryTerm

# SymSpell indexes the deletions of each word's first letters (7 by default). Five make the same
# corrections on every development question and its typo variants (7,602 texts), in a third of
# the memory: 7 MB instead of 21 for the three languages. Four already change a few.
INDEXED_LETTERS: Final = 5
APOSTROPHES: Final = "' ’"
_BEFORE_ELISION: Final = frozenset("aeiouyh")
# A word is the course's acronym when at least this share of its uses are in capitals.
ACRONYM_SHARE: Final = 0.8
# A word typed without accents gets the course's accents when this share of its uses has them so.
ACCENTED_SHARE: Final = 0.8
# A word this frequent in the language is a word, not a typo, even when the course never uses it:
# the speller read "valt" as "vals", "snap" as "stap" and "steken" as "stelen". On the Zipf scale,
# 3 is once in a million words. Chosen on the development questions: from 3 down, no word typed
# right is changed any more (15 / 8 / 14 in fr / nl / en were), and their typos are mended as
# often (docs/retrieval.md).
EVERYDAY_ZIPF: Final = 3.0


class EverydayWords:
    """The words a language uses every day, held as 8-byte hashes: a set of strings weighs 20 MB."""

    def __init__(self, words: Iterable[str]) -> None:
        """Hold the folded words given."""
        # Python's own hash: the table is built and read in the same process.
        self._hashes = np.unique(np.fromiter(map(hash, words), dtype=np.int64))

    def __contains__(self, word: object) -> bool:
        """Return whether a folded word is one of them."""
        if not isinstance(word, str):
            return False
        key = hash(word)
        at = int(np.searchsorted(self._hashes, key))
        return at < len(self._hashes) and int(self._hashes[at]) == key

    @classmethod
    def of(cls, code: str) -> EverydayWords:
        """Return the words of a language that wordfreq rates `EVERYDAY_ZIPF` or more."""
        return cls(fold(word) for word in _frequent_words(code) if len(word) >= MIN_LETTERS)


def _frequent_words(code: str) -> Iterator[str]:
    """Yield the words of wordfreq's small list of a language rated `EVERYDAY_ZIPF` or more."""
    # Its data file, read as wordfreq.read_cBpack does, without importing wordfreq: its
    # tokenizers would bring 12 MB of modules into every process that searches. The file is a
    # list of a header and bins of words, bin n holding those n centibels below a frequency of 1
    # (Zipf 9 - n / 100): read one bin at a time, and only as far as the bar, the rarer words
    # are never decoded.
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / f"small_{code}.msgpack.gz"
    with gzip.open(path, "rb") as file:
        unpacker = msgpack.Unpacker(file, raw=False)
        entries = unpacker.read_array_header()
        if unpacker.unpack() != {"format": "cB", "version": 1}:
            raise ValueError(f"{path}: not a word-frequency list of the version known here")
        for centibels in range(entries - 1):
            if 9 - centibels / 100 < EVERYDAY_ZIPF:
                return
            yield from unpacker.unpack()


def _acronyms(prose: Iterable[str]) -> dict[str, str]:
    """Return the words the course's prose writes in capitals nearly always ("AI", "GDPR")."""
    # Learners type them in lower case, which the encoder reads as another word: "is a robot
    # vacuum ai" was far from every lesson, "is a robot vacuum AI" close to "What AI is".
    forms: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for text in prose:
        words = WORD.findall(text)
        forms.update(words)
        counts.update(fold(word) for word in words)
    return {
        fold(form): form
        for form, count in forms.items()
        if len(form) > 1 and form.isupper() and count >= ACRONYM_SHARE * counts[fold(form)]
    }


def _accented(words: Iterable[str]) -> dict[str, str]:
    """Return, by word without accents, the accented form the course nearly always writes."""
    # The encoder reads "regularite" as another word than "régularité": "c est quoi une
    # regularite" was far from every lesson, and refused as outside the course.
    forms: Counter[str] = Counter(word.lower() for word in words)
    by_folded: dict[str, list[tuple[int, str]]] = {}
    for form, count in forms.items():
        by_folded.setdefault(fold(form), []).append((count, form))
    accented: dict[str, str] = {}
    for folded, counted in by_folded.items():
        count, form = max(counted)
        if form != folded and count >= ACCENTED_SHARE * sum(n for n, _ in counted):
            accented[folded] = form
    return accented


# The shortest part of a compound read as two words: "nep" and "mail" in "nepmail".
MIN_PART: Final = 3


class Speller:
    """Correct words the course never uses into the closest word it does, in one language."""

    def __init__(
        self,
        texts: Iterable[str],
        language: SearchWords,
        prose: Iterable[str] = (),
        everyday: EverydayWords | None = None,
        spaced: Mapping[str, str] | None = None,
    ) -> None:
        """Learn the words of `texts`, and the course's acronyms from its `prose` (cards, quiz).

        Words of `everyday` language are never corrected. `spaced` maps terms written in several
        words ("chat gpt") to the term.
        """
        from symspellpy import SymSpell

        self._spaced = {fold(wrong).lower(): right for wrong, right in (spaced or {}).items()}
        joined = "|".join(map(re.escape, sorted(self._spaced, key=len, reverse=True)))
        self._spaced_out = re.compile(rf"(?<!\w)(?:{joined})(?!\w)", re.I) if joined else None
        counts: Counter[str] = Counter()
        capitals: set[str] = set()
        written: list[str] = []
        for text in texts:
            words = WORD.findall(text)
            counts.update(fold(word) for word in words)
            capitals.update(fold(word) for word in words if word[0].isupper())
            written += words
        self._known = frozenset(counts)
        self._everyday = everyday if everyday is not None else EverydayWords(())
        self._accents = _accented(written)
        self._stop = stop_words(language)
        # Not a word of the language's own: French "ai" is "j'ai", whatever the prose says.
        self._acronyms = {
            folded: form for folded, form in _acronyms(prose).items() if folded not in self._stop
        }
        # Names the course writes with a capital ("ChatGPT", "Copilot"): a misspelt one is found.
        self._names = frozenset(capitals)
        self._stems = frozenset(stems(list(counts), language))
        self._language = language
        self._symspell: SymSpell = SymSpell(
            max_dictionary_edit_distance=MAX_EDITS, prefix_length=INDEXED_LETTERS
        )
        for word, count in counts.items():
            # Words that carry no topic are no correction: "agre" is "agree", not "are".
            if len(word) >= MIN_LETTERS - 1 and word.isalpha() and word not in self._stop:
                self._symspell.create_dictionary_entry(word, count)

    def correct(self, text: str) -> str:
        """Return the text with each unknown word replaced by the course's closest word, if any."""
        if self._spaced_out is not None:
            text = self._spaced_out.sub(
                lambda found: self._spaced[fold(found.group()).lower()], text
            )
        parts: list[str] = []
        end = 0
        for number, match in enumerate(WORD.finditer(text)):
            word = match.group()
            # A word before an apostrophe is a contraction or an elision ("doesn't", "qu'"), whole.
            elided = text[match.end() : match.end() + 1] in APOSTROPHES.split()
            fixed = word if elided else self._word(word, first=number == 0)
            parts += [text[end : match.start()], fixed]
            end = match.end()
        return "".join([*parts, text[end:]])

    def _word(self, word: str, *, first: bool) -> str:
        folded = fold(word)
        if folded in self._acronyms:
            return self._acronyms[folded]
        # "lia" is "l'IA", though too short for a correction.
        if (unglued := self._unglued(folded, self._acronyms.get)) is not None:
            return unglued
        if len(folded) < MIN_LETTERS or not folded.isalpha():
            return word
        if folded in self._known or folded in self._stop:
            return self._with_accents(word, folded)
        # Another form of a word the course uses ("chatting", "courriers") is no typo.
        if stems([folded], self._language)[0] in self._stems:
            return word
        # "cest", "quil": no typo of "cet" or "quel", but a word whose apostrophe was left out.
        if (unglued := self._unglued(folded, self._stop_word)) is not None:
            return unglued
        if folded in self._everyday:
            return word
        found = close_terms(self._symspell, folded)
        # A capital inside a sentence marks a name: only the course's own names are corrected
        # ("ChatPGT"), others are left as they are ("Liège", "Netflix").
        if word[0].isupper() and not first:
            found = [term for term in found if term in self._names]
        if found:
            return self._accents.get(found[0], found[0])
        # A course word after an elision only when nothing was found closer, and of four letters
        # or more: a word that starts like an elision ("legal") is not cut.
        return self._unglued(folded, self._course_word) or self._split(folded) or word

    def _split(self, folded: str) -> str | None:
        """Return a compound the course never writes as the two course words it is made of."""
        if not self._language.compounds:
            return None
        # The longest first part: "nepnieuwsbericht" is "nepnieuws bericht" if both are known.
        for cut in range(len(folded) - MIN_PART, MIN_PART - 1, -1):
            first, second = folded[:cut], folded[cut:]
            # A linking "s" may join the parts: "veiligheidsregels".
            first = first.removesuffix("s") if first not in self._known else first
            parts = (first, second)
            if all(part in self._known and part not in self._stop for part in parts):
                return f"{self._accents.get(first, first)} {self._accents.get(second, second)}"
        return None

    def _with_accents(self, word: str, folded: str) -> str:
        """Return a word typed without accents with the course's, as typed otherwise."""
        return self._accents.get(folded, word) if word.lower() == folded else word

    def _stop_word(self, word: str) -> str | None:
        return word if word in self._stop else None

    def _course_word(self, word: str) -> str | None:
        return word if len(word) >= MIN_LETTERS and word in self._known else None

    def _unglued(self, folded: str, written: Callable[[str], str | None]) -> str | None:
        """Return "l'IA" for "lia": an elision typed without its apostrophe, before a word.

        `written` gives how the word after the elision is written ("IA" for "ia"), or None when
        it is not one of the words looked for.
        """
        for elision in self._language.elisions:
            rest = folded.removeprefix(elision)
            # An elision is made before a vowel or an h only.
            if rest != folded and rest[:1] in _BEFORE_ELISION and (form := written(rest)):
                return f"{elision}'{form}"
        return None


def spaced_out(terms: Iterable[GlossaryTerm]) -> dict[str, str]:
    """Return the glossary's aliases that write their term in several words, to the term."""
    # "chat gpt", "deep fake", "web site": word by word, each is another word or none the
    # course writes, and "can i put my cv in chat gpt" missed the card "chatgpt" finds.
    return {
        alias: term.term
        for term in terms
        for alias in term.aliases
        if " " in alias and _joined(alias) == _joined(term.term) != _joined(alias.split()[0])
    }


def _joined(text: str) -> str:
    """Return a text folded, in small letters, without spaces or hyphens."""
    return fold(text).lower().replace(" ", "").replace("-", "")
