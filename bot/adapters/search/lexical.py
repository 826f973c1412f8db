"""BM25 over the texts of one language, with accents folded, stop words dropped and stems."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import Any, Final

import numpy as np

from bot.adapters.search.embedders import Vectors
from bot.core.languages import SearchWords

WORD: Final = re.compile(r"\w+")
# The combining marks that NFKD splits off accented letters (é -> e + U+0301).
ACCENTS: Final = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower-case and drop accents, since learners often type "securite" for "sécurité"."""
    return ACCENTS.sub("", unicodedata.normalize("NFKD", text.lower()))


@cache
def stop_words(language: SearchWords) -> frozenset[str]:
    """Return the folded words that carry no topic: the language's list and question words."""
    # bm25s finds its stop-word list for a language by name through its tokenizer.
    from bm25s.tokenization import Tokenizer

    listed = Tokenizer(stopwords=language.stop_words).stopwords
    return frozenset(fold(word) for word in (*listed, *language.question_words))


@cache
def _stemmer(algorithm: str) -> Any:
    import Stemmer

    return Stemmer.Stemmer(algorithm)


def stems(words: list[str], language: SearchWords) -> list[str]:
    """Return the Snowball stem of each folded word."""
    return list(_stemmer(language.stemmer).stemWords(words))


def tokens(text: str, language: SearchWords) -> list[str]:
    """Return the stems BM25 compares; one-letter words and stop words carry no topic."""
    stop = stop_words(language)
    return stems([w for w in WORD.findall(fold(text)) if len(w) > 1 and w not in stop], language)


class LexicalIndex:
    """BM25 scores of a question against every text of one language (chunks, or whole lessons)."""

    def __init__(
        self, texts: Sequence[str], language: SearchWords, known: Sequence[bool] | None = None
    ) -> None:
        """Index the texts; `known` marks those whose stems are the words it knows (default all)."""
        import bm25s

        # bm25s turns its own logger to DEBUG when imported; its lines are noise in ours.
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        self.size = len(texts)
        self.language = language
        self._bm25 = bm25s.BM25(k1=1.2, b=0.75)
        # An empty list or empty texts would make bm25s fail: index a placeholder token.
        corpus = [tokens(text, language) or ["\x00"] for text in texts] or [["\x00"]]
        self.stems = frozenset(
            stem
            for document, counted in zip(corpus, known or [True] * len(corpus), strict=False)
            if counted
            for stem in document
        )
        self._bm25.index(corpus, show_progress=False)

    def scores(self, text: str) -> Vectors:
        """Return one score per text, zero where no stem of the question appears."""
        query = tokens(text, self.language)
        if not query or not self.size:
            return np.zeros(self.size, dtype=np.float32)
        scores = self._bm25.get_scores(query)
        return np.asarray(scores[: self.size], dtype=np.float32)
