"""Tell which of the tutor's languages a piece of text is written in."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Final

from bot.config import Language
from bot.core.languages import LanguageRegistry

# Words long enough for every n-gram model (one to five letters) of every language to be read.
WARM_UP: Final = "warming up"


@dataclass
class LanguageDetector:
    """Detect one of the languages; answer None when the text is too unclear to say."""

    languages: LanguageRegistry
    min_confidence: float = 0.6
    _detector: Any = field(default=None, init=False, repr=False)
    _building: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def load(self) -> None:
        """Load the language models now, once, so that the first question does not wait."""
        # One detection loads every model it reads, as preloading would, with a lower peak:
        # preloading parses all the models at once and holds 30-40 MB more while it does.
        self._lingua().compute_language_confidence_values(WARM_UP)

    def _lingua(self) -> Any:
        # A background warm-up and the first question may both get here: build only once.
        with self._building:
            if self._detector is None:
                from lingua import Language as LinguaLanguage
                from lingua import LanguageDetectorBuilder

                languages = [getattr(LinguaLanguage, p.detector_name) for p in self.languages]
                self._detector = LanguageDetectorBuilder.from_languages(*languages).build()
        return self._detector

    def confidences(self, text: str) -> dict[Language, float]:
        """Return the confidence for each language, summing to one."""
        if len(self.languages) == 1:
            # Alone, a language has nothing to be told apart from (and lingua's answers for a
            # single language are erratic): every text is in it.
            return dict.fromkeys(self.languages.codes, 1.0)
        values = self._lingua().compute_language_confidence_values(text)
        code_of = {profile.detector_name: profile.code for profile in self.languages}
        return {code_of[v.language.name]: float(v.value) for v in values}

    def detect(self, text: str) -> Language | None:
        """Return the language of `text`, or None below the confidence threshold."""
        if not text.strip():
            return None
        scores = self.confidences(text)
        best = max(scores, key=scores.__getitem__)
        return best if scores[best] >= self.min_confidence else None
