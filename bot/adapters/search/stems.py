"""The words BM25 compares: folded accents, no stop words, Snowball stems per language.

Apart from the index, without numpy: the quiz reads typed answers with them, and the tutor
starts faster without numpy.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any, Final

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
