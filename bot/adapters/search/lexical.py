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
from bot.config import Language

SNOWBALL: Final[dict[Language, str]] = {"fr": "french", "nl": "dutch", "en": "english"}
WORD: Final = re.compile(r"\w+")
# The combining marks that NFKD splits off accented letters (é -> e + U+0301).
ACCENTS: Final = re.compile("[\u0300-\u036f]")
# Words a learner wraps around the topic of a question ("what", "can I", "c koi", "mag ik"):
# question words, pronouns, auxiliaries and chat fillers. bm25s's lists leave most of them in, and
# since lessons rarely use them, BM25 gave them a high weight and ranked passages by them. Words
# that can also carry a topic stay searchable ("waar" and "echt" are "true" and "real").
QUESTION_WORDS: Final[dict[Language, str]] = {
    "en": """
        i me my myself we us our you your yours he him his she her it its they them their
        what which who whom whose how why where when there here this that these those
        am is are was were be been being have has had do does did doing can could should would
        may might must shall will just also please tell explain mean means thing things
        something anything really actually some any very so too than about
    """,
    "fr": """
        comment quoi pourquoi quand quel quelle quels quelles combien peux peut peuvent puis
        pouvez pouvons dois doit doivent devez faut faire fais ça cela ceci tout tous toute
        toutes très bien alors donc chose choses quelque vraiment exactement svp stp aussi
        encore déjà ici koi kwa pk pq
    """,
    "nl": """
        welke welk waarom wanneer mag mogen moeten kun kunt ge gij da nie eigenlijk ofzo wel
        even graag precies nou jij jou jouw we wij jullie ding dingen
    """,
}


def fold(text: str) -> str:
    """Lower-case and drop accents, since learners often type "securite" for "sécurité"."""
    return ACCENTS.sub("", unicodedata.normalize("NFKD", text.lower()))


@cache
def _stop_words(language: Language) -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_DUTCH, STOPWORDS_EN, STOPWORDS_FRENCH

    words = {"fr": STOPWORDS_FRENCH, "nl": STOPWORDS_DUTCH, "en": STOPWORDS_EN}[language]
    return frozenset(fold(word) for word in (*words, *QUESTION_WORDS[language].split()))


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
    """BM25 scores of a question against every text of one language (chunks, or whole lessons)."""

    def __init__(self, texts: Sequence[str], language: Language) -> None:
        import bm25s

        # bm25s turns its own logger to DEBUG when imported; its lines are noise in ours.
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        self.size = len(texts)
        self.language = language
        self._bm25 = bm25s.BM25(k1=1.2, b=0.75)
        # An empty list or empty texts would make bm25s fail: index a placeholder token.
        corpus = [tokens(text, language) or ["\x00"] for text in texts] or [["\x00"]]
        self._bm25.index(corpus, show_progress=False)

    def scores(self, text: str) -> Vectors:
        """Return one score per text, zero where no stem of the question appears."""
        query = tokens(text, self.language)
        if not query or not self.size:
            return np.zeros(self.size, dtype=np.float32)
        scores = self._bm25.get_scores(query)
        return np.asarray(scores[: self.size], dtype=np.float32)
