"""BM25 over the chunks of one language, with accents folded, stop words dropped and stems."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import Any, Final

import numpy as np

from bot.config import Language
from bot.retrieval.chunks import Chunk
from bot.retrieval.embedders import Vectors

SNOWBALL: Final[dict[Language, str]] = {"fr": "french", "nl": "dutch", "en": "english"}
WORD: Final = re.compile(r"\w+")
# The combining marks that NFKD splits off accented letters (é -> e + U+0301).
ACCENTS: Final = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower-case and drop accents, since learners often type "securite" for "sécurité"."""
    return ACCENTS.sub("", unicodedata.normalize("NFKD", text.lower()))


@cache
def _stop_words(language: Language) -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_DUTCH, STOPWORDS_EN, STOPWORDS_FRENCH

    words = {"fr": STOPWORDS_FRENCH, "nl": STOPWORDS_DUTCH, "en": STOPWORDS_EN}[language]
    return frozenset(fold(word) for word in words)


@cache
def _stemmer(language: Language) -> Any:
    import Stemmer

    return Stemmer.Stemmer(SNOWBALL[language])


def tokens(text: str, language: Language) -> list[str]:
    """Return the stems BM25 compares; one-letter words and stop words carry no topic."""
    stop = _stop_words(language)
    words = [w for w in WORD.findall(fold(text)) if len(w) > 1 and w not in stop]
    return list(_stemmer(language).stemWords(words))


class LexicalIndex:
    """BM25 scores of a question against every chunk of one language."""

    def __init__(self, chunks: Sequence[Chunk], language: Language) -> None:
        import bm25s

        # bm25s turns its own logger to DEBUG when imported; its lines are noise in ours.
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        self.chunks = tuple(chunks)
        self.language = language
        self._bm25 = bm25s.BM25(k1=1.2, b=0.75)
        # An empty chunk list or empty chunks would make bm25s fail: index a placeholder token.
        corpus = [tokens(chunk.text, language) or ["\x00"] for chunk in self.chunks] or [["\x00"]]
        self._bm25.index(corpus, show_progress=False)

    def scores(self, text: str) -> Vectors:
        """Return one score per chunk, zero where no stem of the question appears."""
        query = tokens(text, self.language)
        if not query or not self.chunks:
            return np.zeros(len(self.chunks), dtype=np.float32)
        scores = self._bm25.get_scores(query)
        return np.asarray(scores[: len(self.chunks)], dtype=np.float32)
