"""Judge a practice prompt by rules per language: clear task, context, format, no personal data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Final

from bot.config import Language
from bot.core.text import fold, word_count
from bot.features.privacy.pii import redact

MIN_CONTEXT_WORDS: Final = 8


class Criterion(Enum):
    """What a good prompt has, in the order a learner should fix them."""

    NO_PERSONAL_DATA = "no_personal_data"
    CLEAR_TASK = "clear_task"
    CONTEXT = "context"
    FORMAT = "format"


@dataclass(frozen=True)
class Verdict:
    """Which criteria a prompt meets."""

    clear_task: bool
    context: bool
    format: bool
    no_personal_data: bool

    @property
    def score(self) -> int:
        """Return how many criteria are met, out of four."""
        return sum((self.clear_task, self.context, self.format, self.no_personal_data))

    def met(self, criterion: Criterion) -> bool:
        """Tell whether one criterion is met."""
        return bool(getattr(self, criterion.value))

    @property
    def first_gap(self) -> Criterion | None:
        """Return the most important criterion still missing, if any."""
        return next((c for c in Criterion if not self.met(c)), None)


def _words(*stems: str) -> re.Pattern[str]:
    # Each stem starts a word; accents are folded away on both sides.
    return re.compile(r"(?<!\w)(?:" + "|".join(fold(s) for s in stems) + r")", re.IGNORECASE)


# A request: an imperative or a polite question asking the chatbot to do something.
_TASK: Final[dict[Language, re.Pattern[str]]] = {
    "en": _words(
        "write", "summari", "explain", "list", "give", "make", "help", "translat", "creat",
        "draft", "tell", "correct", "check", "rewrite", "suggest", "find", "compare", "describe",
        "prepare", "propose", "answer", "improve", "shorten", "simplif", "plan", "can you",
        "could you", "would you", "please", "i want", "i would like", "i'd like", "i need",
    ),
    "fr": _words(
        "écri", "rédig", "résum", "expliqu", "donne", "fai", "aide", "list", "tradui", "crée",
        "cree", "corrig", "vérifi", "réécri", "propos", "trouv", "compar", "décri", "prépar",
        "amélior", "raccourci", "simplifi", "peux-tu", "pouvez-vous", "pourrais-tu",
        "pourriez-vous", "je veux", "je voudrais", "j'aimerais", "j’aimerais", "s'il te pla",
        "s'il vous pla", "svp", "stp", "dis-moi", "dites-moi",
    ),
    "nl": _words(
        "schrijf", "vat ", "samenvat", "leg ", "uitleg", "geef", "maak", "help", "vertaal",
        "verbeter", "controleer", "herschrijf", "stel ", "zoek", "vergelijk", "beschrijf",
        "bereid", "verkort", "vereenvoudig", "plan", "kun je", "kan je", "kunt u", "wil je",
        "zou je", "ik wil", "ik zou graag", "ik heb nodig", "alsjeblieft", "alstublieft", "graag",
    ),
}  # fmt: skip

# Context: who the learner is, for whom or why, or what the situation is.
_CONTEXT: Final[dict[Language, re.Pattern[str]]] = {
    "en": _words(
        "i am", "i'm", "my ", "for my", "for a ", "because", "i have", "i work", "i live",
        "as a ", "who ", "since", "beginner", "so that", "in belgium", "from my", "about my",
        "the letter", "i got", "i received", "i'm looking", "i am looking",
    ),
    "fr": _words(
        "je suis", "j'ai", "j’ai", "mon ", "ma ", "mes ", "pour mon", "pour ma", "pour un",
        "pour une", "parce que", "car ", "je travaille", "j'habite", "je cherche", "comme ",
        "débutant", "afin de", "en belgique", "de ma", "de mon", "la lettre", "j'ai reçu",
        "qui ",
    ),
    "nl": _words(
        "ik ben", "ik heb", "mijn ", "voor mijn", "voor een", "omdat", "want ", "ik werk",
        "ik woon", "ik zoek", "als ", "beginner", "zodat", "in belgië", "van mijn", "over mijn",
        "de brief", "ik kreeg", "ik heb gekregen", "die ",
    ),
}  # fmt: skip

# "One" is left out: in French and Dutch it is also the article ("un", "een").
_NUMBER_WORDS: Final[dict[Language, tuple[str, ...]]] = {
    "en": ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    "fr": ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"),
    "nl": ("twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"),
}
# Format or length: a number, a form (list, table, email) or a size (short, simple words).
_FORMAT: Final[dict[Language, re.Pattern[str]]] = {
    "en": _words(
        "word", "sentence", "line", "point", "bullet", "list", "short", "brief", "table",
        "paragraph", "simple", "easy words", "polite", "formal", "step", "email", "e-mail",
        "letter", "summary", "maximum", "at most", "no more than", "\\d",
        *_NUMBER_WORDS["en"],
    ),
    "fr": _words(
        "mot", "phrase", "ligne", "point", "puce", "liste", "court", "bref", "brève", "tableau",
        "paragraphe", "simple", "poli", "formel", "étape", "e-mail", "email", "mail", "lettre",
        "résumé", "maximum", "au plus", "pas plus de", "\\d", *_NUMBER_WORDS["fr"],
    ),
    "nl": _words(
        "woord", "zin", "zinnen", "regel", "punt", "opsomming", "lijst", "kort", "tabel",
        "alinea", "eenvoudig", "simpel", "beleefd", "formeel", "stap", "e-mail", "email",
        "mail", "brief", "samenvatting", "maximum", "hoogstens", "niet meer dan", "\\d",
        *_NUMBER_WORDS["nl"],
    ),
}  # fmt: skip


def check(prompt: str, language: Language) -> Verdict:
    """Apply the rubric's rules for one language to a learner's prompt."""
    redaction = redact(prompt)
    # Judged without the personal data, so a phone number does not pass for "three points"
    # nor "[EMAIL]" for the word "email".
    # Learners write without accents and with curly apostrophes; fold both before matching.
    text = fold(redaction.bare).replace("’", "'") + " "
    words = word_count(redaction.bare)
    return Verdict(
        clear_task=bool(_TASK[language].search(text)) and words >= 3,
        context=bool(_CONTEXT[language].search(text)) and words >= MIN_CONTEXT_WORDS,
        format=bool(_FORMAT[language].search(text)),
        no_personal_data=not redaction.found,
    )
