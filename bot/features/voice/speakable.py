"""Text fit for reading aloud: no emoji, links, markup or layout symbols, one sentence per line."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_URL: Final = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MARKDOWN_LINK: Final = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_HTML_TAG: Final = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPHASIS: Final = re.compile(r"[*_`~]+")
_LINE_START: Final = re.compile(r"^\s*(?:#+|[•·\-–—>]+|\d+[.)](?=\s))\s*", re.MULTILINE)
# Categories that are never read: symbols such as emoji, marks that modify them, format and
# private characters (zero-width joiners, variation selectors).
_SILENT_CATEGORIES: Final = frozenset({"So", "Sk", "Cf", "Co", "Cs"})
_SILENT_MARKS: Final = frozenset({"\ufe0e", "\ufe0f", "\u20e3"})
_SENTENCE_END: Final = (".", "!", "?", ":", ";", "…")


def _audible(char: str) -> bool:
    return char not in _SILENT_MARKS and unicodedata.category(char) not in _SILENT_CATEGORIES


def speakable(text: str) -> str:
    """Return a text as it should be read: words and punctuation, each line a sentence."""
    text = _MARKDOWN_LINK.sub(r"\1", text).replace(" · ", ", ")
    text = _URL.sub("", text)
    text = _HTML_TAG.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _LINE_START.sub("", text)
    text = "".join(char for char in text if _audible(char))
    sentences = []
    for raw in text.splitlines():
        line = " ".join(raw.split()).strip(" ,")
        if not line:
            continue
        # A heading or a list item has no full stop; without one the voice runs lines together.
        sentences.append(line if line.endswith(_SENTENCE_END) else f"{line}.")
    return "\n".join(sentences)
