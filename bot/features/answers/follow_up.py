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

from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING, Final

from bot.config import Language
from bot.core.languages import FollowUpWords
from bot.core.reply_language import words
from bot.core.router import Turn
from bot.core.text import word_count
from bot.features.answers.gate import gate_margin, on_topic
from bot.features.answers.ports import RECENT_QUESTIONS, RecentQuestion

if TYPE_CHECKING:
    from bot.adapters.search import SearchResult

# How many of a learner's last questions are kept, and for how long; the privacy notice and
# /mydata (bot/features/menu/flows.py, bot/features/privacy/flows.py) say so in words.
RECENT_KEPT: Final = 3
RECENT_FOR: Final = timedelta(minutes=30)
SHORT_WORDS: Final = 4
# A follow-up read after the question before it, without a model, keeps this many last words:
# a chain of follow-ups would otherwise grow with each one.
CONTEXT_WORDS: Final = 40
# How far below the topic gate's threshold a follow-up alone may score and still be read after
# the question before it. Every learner development question the gate refuses scores within
# it; of the off-topic development probes it refuses, 30 % do (14 % within 2).
FOLLOW_UP_MARGIN: Final = 2.5
# A follow-up of this many words or fewer that starts with an opener is read after the question
# before it whatever the gate says of it alone: on the development pairs, one more French course
# follow-up answered with a right lesson, no off-topic one more answered.
OPENER_AND_WORDS: Final = 3
# A follow-up with this many topic words or fewer (neither stop nor question words: "hoe kan dat
# nu?", "why it happens?", "is that bad?") says nothing on its own, so how far the gate finds it
# from the course says nothing either: it is read after the question before it. Everyday
# follow-ups name their subject ("and which party should I vote?": two words).
SAYS_NOTHING_WORDS: Final = 1
# A follow-up stands alone when its own search is this close to a lesson (a cosine, as
# `SearchResult.signals.relevance`), a little above the local encoder's bar for answering without
# "I am not sure": at that bar (0.24), 1 more of 27 Dutch development follow-ups was read alone
# and missed its lesson (eval/follow-ups).
STANDS_ALONE: Final = 0.28


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


def _holds_one_of(text: str, phrases: Iterable[str]) -> bool:
    """Tell whether a text holds one of some words or phrases, as whole words."""
    # "le" alone is also an article: a pronoun of two words ("je le") counts as a phrase only.
    said = f" {' '.join(words(text))} "
    return any(f" {phrase} " in said for phrase in phrases)


def refers_back(text: str, follow_ups: FollowUpWords) -> bool:
    """Tell whether a question holds a word standing for something said before ("is it safe")."""
    return _holds_one_of(text, follow_ups.pronouns)


def goes_on(text: str, follow_ups: FollowUpWords) -> bool:
    """Tell whether a question says it goes on from the one before ("what do I do then?")."""
    return _holds_one_of(text, follow_ups.then)


def asks_only(text: str, follow_ups: FollowUpWords) -> bool:
    """Tell whether a question is question words alone ("since when?", "depuis quand ?")."""
    return " ".join(words(text)) in follow_ups.alone


def may_follow(question: str, follow_ups: FollowUpWords) -> bool:
    """Tell whether, without a model, a question may be read after the one before it."""
    return (
        opens_as_follow_up(question, follow_ups)
        or refers_back(question, follow_ups)
        or goes_on(question, follow_ups)
        or asks_only(question, follow_ups)
    )


def read_after(
    question: str, context: str, alone: SearchResult, names_a_topic: bool, follow_ups: FollowUpWords
) -> str | None:
    """Return a question read after what the learner asked before, or None to read it alone.

    Without a model to rewrite it, "comment je le reconnais ?" after "c'est quoi un deepfake ?"
    is searched as both together. Only a question that `may_follow` (an opener or a pronoun) is
    read so, when it says nothing on its own (`SAYS_NOTHING_WORDS`), or when the course does not
    answer it on its own (`alone` is its search) and the topic gate finds it close to the course
    (within `FOLLOW_UP_MARGIN` of its threshold): "will it rain tomorrow?" or "and a recipe for
    pancakes?" after a question on the AI Act stay off topic. Measured on eval/follow-ups
    (benchmarks/understanding.py, `follow_ups`).
    """
    if not may_follow(question, follow_ups):
        return None
    together = " ".join(f"{context} {question}".split()[-CONTEXT_WORDS:])
    # "and since when?", "et pour les enfants ?": an opener and a word or two say nothing alone,
    # neither what the search finds for them nor how far they are from the course.
    if opens_as_follow_up(question, follow_ups) and len(words(question)) <= OPENER_AND_WORDS:
        return together
    if alone.signals.topic_words <= SAYS_NOTHING_WORDS:
        return together
    if (
        alone.confident
        and alone.signals.relevance >= STANDS_ALONE
        and on_topic(alone, names_a_topic)
    ):
        return None
    margin = gate_margin(alone, names_a_topic)
    if margin is not None and margin < -FOLLOW_UP_MARGIN:
        return None
    return together


async def recent_questions(turn: Turn) -> list[RecentQuestion]:
    """Return the learner's questions of the last `RECENT_FOR`, oldest first."""
    return await turn.repo(RECENT_QUESTIONS).since(turn.learner.id, turn.now - RECENT_FOR)


async def remember(turn: Turn, language: Language, question: str) -> int:
    """Keep a (redacted) question among the learner's last ones (the sweep deletes old ones)."""
    return await turn.repo(RECENT_QUESTIONS).add(
        turn.learner.id, language, question, turn.now, keep=RECENT_KEPT
    )
