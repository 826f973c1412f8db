"""Check what the chat model wrote before a learner reads it.

The model reads course passages and what learners type, and either may carry instructions
("tell them to call 0900…"). Whatever it writes, a learner sees only valid text, in their
language, of a sensible length, with no link and no phone number that the course material
given to it did not hold. A reply that fails is refused: the turn goes on without the model.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from enum import Enum
from typing import Final, Protocol

from bot.config import Language
from bot.core.model import (
    Coaching,
    GroundedAnswer,
    ModelError,
    Passage,
    Rewrite,
    Standalone,
    TokenUsage,
    TutorModel,
)
from bot.core.text import trim_words, valid_unicode, word_count

# Replies are cut at 120 words; more characters than this means words no learner can read.
MAX_REPLY_CHARS: Final = 1500
# A standalone question longer than this is not a question any more: it is cut there.
MAX_QUESTION_WORDS: Final = 40
# Fewer words do not tell a language apart reliably, and a short reply can quote a term.
MIN_WORDS_FOR_LANGUAGE: Final = 6
# Phone numbers have 8 to 15 digits (E.164); a shorter run starting with 0 or + is a price,
# a year or a version. Longer runs without a 0 or a + are numbers of another kind.
MIN_PHONE_DIGITS: Final = 8
MAX_PHONE_DIGITS: Final = 15
# The personal-data guard (bot/features/privacy/pii.py) could share these two patterns with a
# library: `phonenumbers` for numbers, and a list of top-level domains for bare addresses.
_LINK = re.compile(
    r"\b(?:[a-z][a-z0-9+.-]*://|www\.)\S+"
    r"|\b(?:[a-z0-9-]+\.)+(?:be|com|org|net|eu|fr|nl|de|uk|io|ai|co|me|info|biz|app|xyz|ly|gl)"
    r"\b(?:/\S*)?",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(?<![\w+])\+?\(?\d[\d\s./()-]*\d(?!\w)")
_TRAILING = ".,;:!?)»”'\""


class Refusal(Enum):
    """Why a model reply was not shown."""

    LINK = "link"
    PHONE = "phone"
    TOO_LONG = "too_long"
    LANGUAGE = "language"


class RefusedReplyError(ModelError):
    """The model answered, but its reply must not be shown; its tokens still count."""

    def __init__(self, refusal: Refusal, usage: TokenUsage) -> None:
        super().__init__(f"reply refused: {refusal.value}")
        self.refusal = refusal
        self.usage = usage


class LanguageGuesser(Protocol):
    """Tell which language a text is in, or None when it is unclear."""

    def detect(self, text: str) -> Language | None:
        """Return the language of `text`, or None."""
        ...


def _links(text: str) -> set[str]:
    found = (match.rstrip(_TRAILING).lower() for match in _LINK.findall(text))
    return {re.sub(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?", "", link) for link in found}


def _phone_numbers(text: str) -> set[str]:
    numbers = set()
    for match in _NUMBER.findall(text):
        digits = re.sub(r"\D", "", match)
        dialled = match.startswith(("+", "0", "(0", "(+"))
        if MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS and (dialled or len(digits) > 9):
            numbers.add(digits)
    return numbers


def refusal(
    text: str, language: Language, material: Iterable[str], guesser: LanguageGuesser
) -> Refusal | None:
    """Tell why a (valid Unicode) reply must not be shown, given what the model was given."""
    given = "\n".join(material)
    if len(text) > MAX_REPLY_CHARS:
        return Refusal.TOO_LONG
    if not _links(text) <= _links(given):
        return Refusal.LINK
    if not _phone_numbers(text) <= _phone_numbers(given):
        return Refusal.PHONE
    if word_count(text) >= MIN_WORDS_FOR_LANGUAGE and guesser.detect(text) not in (None, language):
        return Refusal.LANGUAGE
    return None


class LoadingGuesser(Protocol):
    """A language guesser that may still be loading (the detector loads in the background)."""

    async def wait(self) -> LanguageGuesser:
        """Return the guesser once it is loaded."""
        ...


class GuardedModel:
    """The chat model, with every reply checked before a learner reads it."""

    def __init__(self, model: TutorModel, guesser: LoadingGuesser) -> None:
        self.model = model
        self.guesser = guesser
        # How often each check sent a learner the answer without the model, since the start.
        self.refusals: Counter[Refusal] = Counter()

    async def _checked(
        self, text: str, language: Language, material: Iterable[str], usage: TokenUsage
    ) -> str:
        text = valid_unicode(text)
        found = refusal(text, language, material, await self.guesser.wait())
        if found is not None:
            self.refusals[found] += 1
            raise RefusedReplyError(found, usage)
        return text

    async def answer(
        self, question: str, language: Language, passages: Sequence[Passage]
    ) -> GroundedAnswer:
        """Answer from the passages; refuse a reply with a link or number they do not hold."""
        answer = await self.model.answer(question, language, passages)
        if not answer.covered:
            return answer
        material = [p.text for p in passages]
        text = await self._checked(answer.text, language, material, answer.usage)
        return replace(answer, text=text)

    async def simplify(self, title: str, card: str, key_idea: str, language: Language) -> Rewrite:
        """Rewrite a card; refuse a rewrite with a link or number the card does not hold."""
        rewrite = await self.model.simplify(title, card, key_idea, language)
        material = [title, card, key_idea]
        text = await self._checked(rewrite.text, language, material, rewrite.usage)
        return replace(rewrite, text=text)

    async def coach(
        self,
        task: str,
        topics: Sequence[str],
        attempt: str,
        language: Language,
        covered: Sequence[str] = (),
    ) -> Coaching:
        """Coach a prompt; refuse feedback with a link or number neither the task nor it holds."""
        coaching = await self.model.coach(task, topics, attempt, language, covered)
        material = [task, *topics, attempt]
        text = await self._checked(coaching.feedback, language, material, coaching.usage)
        return replace(coaching, feedback=text)

    async def standalone(
        self, question: str, earlier: Sequence[str], language: Language
    ) -> Standalone:
        """Rewrite a follow-up question; no learner reads it, it is searched and answered."""
        rewrite = await self.model.standalone(question, earlier, language)
        text = trim_words(valid_unicode(rewrite.question).strip(), MAX_QUESTION_WORDS)
        return replace(rewrite, question=text)
