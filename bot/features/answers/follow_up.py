"""Follow-up questions ("and at work?"): which ones, and how the last few questions are kept.

With a chat model, a question that looks like a follow-up is rewritten by the model, from the
learner's last questions, into one that stands on its own; that one is searched and answered.
A question looks like a follow-up, when the learner asked something in the last
`RECENT_FOR`, if it starts with an opener of its language ("and", "et", "en", "what about"), or if
it names nothing of the course (no glossary term or lesson keyword) and is short
(`SHORT_WORDS` words or fewer: "why?", "is it safe?") or holds a pronoun ("can they see it when
I use my phone"). Everything else is searched as it is, without a model call.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Final

from bot.config import Language
from bot.core.languages import FollowUpWords
from bot.core.reply_language import words
from bot.core.router import Turn
from bot.core.text import word_count
from bot.features.answers.ports import RECENT_QUESTIONS, RecentQuestion

# How many of a learner's last questions are kept, and for how long; the privacy notice and
# /mydata (bot/features/menu/flows.py, bot/features/privacy/flows.py) say so in words.
RECENT_KEPT: Final = 3
RECENT_FOR: Final = timedelta(minutes=30)
SHORT_WORDS: Final = 4


def looks_like_follow_up(text: str, follow_ups: FollowUpWords, names_a_topic: bool) -> bool:
    """Tell whether a question seems to lean on the ones before it."""
    if not words(text):
        return False
    if opens_as_follow_up(text, follow_ups):
        return True
    if names_a_topic:
        return False
    return word_count(text) <= SHORT_WORDS or refers_back(text, follow_ups)


def opens_as_follow_up(text: str, follow_ups: FollowUpWords) -> bool:
    """Tell whether a question starts as one that goes on from another ("and at work?")."""
    opening = " ".join(words(text))
    return bool(opening) and any(
        opening == opener or opening.startswith(f"{opener} ") for opener in follow_ups.openers
    )


def _pronouns_in(text: str, follow_ups: FollowUpWords) -> list[str]:
    """Return the pronouns a question holds, those of two words ("je le") as phrases."""
    # "le" alone is also an article: only the phrase stands for something said before.
    said = f" {' '.join(words(text))} "
    return [pronoun for pronoun in follow_ups.pronouns if f" {pronoun} " in said]


def refers_back_plainly(text: str, follow_ups: FollowUpWords) -> bool:
    """Tell whether a question holds a pronoun of two words ("je le"), which leans on no topic."""
    # A pronoun of one word ("it", "il", "dat") also fills questions about anything:
    # "will it rain tomorrow?", "quel temps fera-t-il ?".
    return any(" " in pronoun for pronoun in _pronouns_in(text, follow_ups))


def refers_back(text: str, follow_ups: FollowUpWords) -> bool:
    """Tell whether a question holds a word standing for something said before ("is it safe")."""
    return bool(_pronouns_in(text, follow_ups))


async def recent_questions(turn: Turn) -> list[RecentQuestion]:
    """Return the learner's questions of the last `RECENT_FOR`, oldest first."""
    return await turn.repo(RECENT_QUESTIONS).since(turn.learner.id, turn.now - RECENT_FOR)


async def remember(turn: Turn, language: Language, question: str) -> int:
    """Keep a (redacted) question among the learner's last ones (the sweep deletes old ones)."""
    return await turn.repo(RECENT_QUESTIONS).add(
        turn.learner.id, language, question, turn.now, keep=RECENT_KEPT
    )
