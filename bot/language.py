"""Tell which course language a piece of text is written in."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from bot.config import Language

_LINGUA_NAMES: dict[str, Language] = {"FRENCH": "fr", "DUTCH": "nl", "ENGLISH": "en"}


@dataclass
class LanguageDetector:
    """Detect French, Dutch or English; answer None when the text is too unclear to say."""

    min_confidence: float = 0.6
    _detector: Any = field(default=None, init=False, repr=False)
    _building: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def load(self) -> None:
        """Load the language models now, once, so that the first question does not wait."""
        self._lingua()

    def _lingua(self) -> Any:
        # A background warm-up and the first question may both get here: build only once.
        with self._building:
            if self._detector is None:
                from lingua import Language as LinguaLanguage
                from lingua import LanguageDetectorBuilder

                languages = (LinguaLanguage.FRENCH, LinguaLanguage.DUTCH, LinguaLanguage.ENGLISH)
                builder = LanguageDetectorBuilder.from_languages(*languages)
                self._detector = builder.with_preloaded_language_models().build()
        return self._detector

    def confidences(self, text: str) -> dict[Language, float]:
        """Return the confidence for each language, summing to one."""
        values = self._lingua().compute_language_confidence_values(text)
        return {_LINGUA_NAMES[v.language.name]: float(v.value) for v in values}

    def detect(self, text: str) -> Language | None:
        """Return the language of `text`, or None below the confidence threshold."""
        if not text.strip():
            return None
        scores = self.confidences(text)
        best = max(scores, key=scores.__getitem__)
        return best if scores[best] >= self.min_confidence else None
