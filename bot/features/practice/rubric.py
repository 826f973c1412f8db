"""Judge a practice prompt by rules per language: clear task, context, format, no personal data."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Final

from bot.core.languages import RubricWords
from bot.core.text import fold, word_count
from bot.features.privacy.pii import redact

MIN_CONTEXT_WORDS: Final = 8
# Shorter texts are a greeting, a "thanks" or an "ok", not a prompt.
MIN_ATTEMPT_WORDS: Final = 4
# A question this short, without context or format, is asked of the tutor ("Can you help me?").
SHORT_QUESTION_WORDS: Final = 6


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


def _words(stems: Iterable[str], *patterns: str) -> re.Pattern[str]:
    # Each stem (or pattern) starts a word; accents are folded away on both sides.
    alternatives = [*(re.escape(fold(stem)) for stem in stems), *patterns]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


@cache
def _rules(words: RubricWords) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Return the patterns of a clear task, of context, and of a format or length."""
    return (
        _words(words.task),
        _words(words.context),
        # A digit counts as much as a number word ("3 points").
        _words((*words.format, *words.numbers), r"\d"),
    )


def check(prompt: str, language: RubricWords) -> Verdict:
    """Apply the rubric's rules for one language to a learner's prompt."""
    task, context, form = _rules(language)
    redaction = redact(prompt)
    # Judged without the personal data, so a phone number does not pass for "three points"
    # nor "[EMAIL]" for the word "email".
    # Learners write without accents and with curly apostrophes; fold both before matching.
    text = fold(redaction.bare).replace("’", "'") + " "
    words = word_count(redaction.bare)
    return Verdict(
        clear_task=bool(task.search(text)) and words >= 3,
        context=bool(context.search(text)) and words >= MIN_CONTEXT_WORDS,
        format=bool(form.search(text)),
        no_personal_data=not redaction.found,
    )


def is_attempt(prompt: str, verdict: Verdict) -> bool:
    """Tell whether a text is an attempt at the task's prompt, worth the model's feedback."""
    words = word_count(prompt)
    if words < MIN_ATTEMPT_WORDS or not (verdict.clear_task or verdict.context or verdict.format):
        return False
    short_question = prompt.rstrip().endswith("?") and words <= SHORT_QUESTION_WORDS
    return not short_question or verdict.context or verdict.format
