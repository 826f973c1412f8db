"""BM25 over the texts of one language, with accents folded, stop words dropped and stems."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np

from bot.adapters.search.embedders import Vectors
from bot.adapters.search.stems import tokens
from bot.core.languages import SearchWords


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
