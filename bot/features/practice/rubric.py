"""Judge a practice prompt by rules per language: on task, clear task, context, format, no data."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from functools import cache
from typing import Final

from bot.core.languages import LanguageProfile, RubricWords
from bot.core.text import fold, word_count
from bot.features.privacy.pii import redact

MIN_CONTEXT_WORDS: Final = 8
# One topic alone is often there by chance ("application" in a job letter, "commune" in any
# letter to it); two of a task's topics together mean the prompt is about the task.
MIN_TOPICS_ADDRESSED: Final = 2
# A shorter topic word counts only as a whole word, or with a plural s: "IA" is not the "ai" of
# French "j'ai", nor "app" the start of "appointment".
MIN_PREFIX_LETTERS: Final = 4
# A topic word this long also counts inside a longer word, since Dutch and German glue words
# together ("spamfilter", "identiteitskaart"); shorter ones hide in too many words ("rent" in
# "different").
MIN_INNER_LETTERS: Final = 5
# A topic word this long also counts with one letter wrong, missing or extra ("aplication").
MIN_TYPO_LETTERS: Final = 6
# Shorter texts are a greeting, a "thanks" or an "ok", not a prompt.
MIN_ATTEMPT_WORDS: Final = 4
# A question this short, without context or format, is asked of the tutor ("Can you help me?").
SHORT_QUESTION_WORDS: Final = 6
# A text whose words repeat one of the two before them this often is the same words over and
# over ("please please tell me tell me apps apps ai ai"), which got 3 of 4. Not a share of
# different words: a long pasted job offer says many words more than once.
MOST_REPEATS: Final = 1 / 3


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
    on_task: bool = True  # about the exercise at all; if not, only the data criterion counts

    @property
    def score(self) -> int:
        """Return how many criteria are met, out of four."""
        return sum((self.clear_task, self.context, self.format, self.no_personal_data))

    def met(self, criterion: Criterion) -> bool:
        """Tell whether one criterion is met."""
        return bool(getattr(self, criterion.value))

    def off_task(self) -> Verdict:
        """Return this verdict for a prompt that ignores its task: its writing earns nothing."""
        return replace(self, clear_task=False, context=False, format=False, on_task=False)

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


def _one_edit_apart(word: str, other: str) -> bool:
    """Tell whether two words differ by at most one letter changed, missing or extra."""
    if abs(len(word) - len(other)) > 1:
        return False
    start = 0
    while start < min(len(word), len(other)) and word[start] == other[start]:
        start += 1
    return (
        word[start + 1 :] == other[start + 1 :]
        or word[start + 1 :] == other[start:]
        or word[start:] == other[start + 1 :]
    )


def _word_matches(word: str, topic: str) -> bool:
    """Tell whether a word of the prompt is the topic word, inflected, compounded or mistyped."""
    if len(topic) < MIN_PREFIX_LETTERS:
        return word in (topic, f"{topic}s")
    if word.startswith(topic) or (len(topic) >= MIN_INNER_LETTERS and topic in word):
        return True
    if len(topic) < MIN_TYPO_LETTERS:
        return False
    return any(
        _one_edit_apart(word[:size], topic) for size in range(len(topic) - 1, len(topic) + 2)
    )


def _words_of(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text).lower())


def _addresses(words: Sequence[str], topic: str) -> bool:
    """Tell whether the prompt's words hold every word of one topic phrase."""
    return all(any(_word_matches(word, part) for word in words) for part in _words_of(topic))


def missing_topics(prompt: str, topics: Sequence[Sequence[str]]) -> list[Sequence[str]]:
    """Return the topic groups a prompt addresses with none of a group's words."""
    words = _words_of(prompt)
    return [group for group in topics if not any(_addresses(words, topic) for topic in group)]


def addressed_groups(prompt: str, topics: Sequence[Sequence[str]]) -> int:
    """Return the topic groups a prompt addresses, one bit per group (bit 0 for the first)."""
    words = _words_of(prompt)
    return sum(
        1 << number
        for number, group in enumerate(topics)
        if any(_addresses(words, topic) for topic in group)
    )


def topics_addressed(prompt: str, topics: Sequence[Sequence[str]]) -> int:
    """Count the topic groups a prompt addresses with any of a group's words."""
    return addressed_groups(prompt, topics).bit_count()


def is_on_task(prompt: str, topics: Sequence[Sequence[str]], earlier: int = 0) -> bool:
    """Tell whether a prompt addresses two of its task's topic groups, or all if fewer.

    `earlier` holds the groups the learner's earlier prompts for the task addressed (one bit
    each): a follow-up ("now make it shorter") counts them, as long as it addresses one itself.
    """
    own = addressed_groups(prompt, topics)
    needed = min(len(topics), MIN_TOPICS_ADDRESSED)
    return (own | earlier).bit_count() >= needed and bool(own or not needed)


def check_in_any(prompt: str, languages: Iterable[LanguageProfile], own: str) -> Verdict:
    """Judge a prompt by each offered language's rubric, chat words written in full; best wins.

    Chatbots take prompts in any language, and Dutch learners write them English ones; "mn job"
    gives context as "mijn job" does. A tie goes to the learner's own language.
    """
    profiles = sorted(languages, key=lambda profile: profile.code != own)
    verdicts = [check(profile.search.in_full(prompt), profile.rubric) for profile in profiles]
    best = max(verdicts, key=lambda verdict: verdict.score)
    if best.no_personal_data and tells_someones_health(redact(prompt).bare, profiles):
        return replace(best, no_personal_data=False)
    return best


# An age said of someone ("82 jaar", "80 ans", "aged 75").
_AGE: Final = re.compile(
    r"(?<!\w)(?:\d{1,3}[ -]?(?:jaar|jarige|ans|an|years?|yrs?)|aged \d{1,3})(?!\w)"
)


def tells_someones_health(prompt: str, languages: Iterable[LanguageProfile]) -> bool:
    """Tell whether a prompt names a condition with a person it is about ("[NAME], 82, diabetes").

    The privacy detector needs a condition said of someone ("she has diabetes"); a care report's
    prompt lists it ("[NAAM], 82 jaar, diabetes, wou haar insuline niet nemen"), and it got
    "No personal data" while the course says a client's health data goes in no public chatbot.
    A condition alone is a topic ("explain diabetes simply").
    """
    profiles = list(languages)
    text = fold(prompt).casefold()
    conditions = (fold(word).casefold() for profile in profiles for word in profile.conditions)
    if not any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for word in conditions):
        return False
    people = (fold(word).casefold() for profile in profiles for word in profile.people)
    return (
        "[name]" in text
        or bool(_AGE.search(text))
        or any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for word in people)
    )


def check(prompt: str, language: RubricWords, topics: Sequence[Sequence[str]] = ()) -> Verdict:
    """Apply the rubric's rules for one language to a learner's prompt for a task's topics."""
    task, context, form = _rules(language)
    redaction = redact(prompt)
    # Judged without the personal data, so a phone number does not pass for "three points"
    # nor "[EMAIL]" for the word "email".
    # Learners write without accents and with curly apostrophes; fold both before matching.
    text = fold(redaction.bare).replace("’", "'") + " "
    words = word_count(redaction.bare)
    verdict = Verdict(
        clear_task=bool(task.search(text)) and words >= 3,
        context=bool(context.search(text)) and words >= MIN_CONTEXT_WORDS,
        format=bool(form.search(text)),
        no_personal_data=not redaction.found,
    )
    return for_task(verdict, redaction.bare, topics)


def for_task(
    writing: Verdict, prompt: str, topics: Sequence[Sequence[str]], earlier: Earlier | None = None
) -> Verdict:
    """Return the verdict on a prompt's writing, with no credit when it ignores its task."""
    # Keywords alone praised "Please my email is nice today and my cat is list.": the writing
    # counts only when the prompt is about the exercise.
    earlier = earlier or Earlier()
    if not is_on_task(prompt, topics, earlier.topics):
        return writing.off_task()
    # A follow-up goes on from the prompt before it: the context given there still holds.
    return replace(writing, context=writing.context or earlier.context)


@dataclass(frozen=True)
class Earlier:
    """What the learner's earlier prompts for a task, on the task, already gave."""

    topics: int = 0  # the task's topic groups they addressed, one bit each
    context: bool = False  # one of them gave the context

    def after(self, prompt: str, topics: Sequence[Sequence[str]], verdict: Verdict) -> Earlier:
        """Return what the earlier prompts and this one gave, if this one was on the task."""
        if not verdict.on_task:
            return self
        return Earlier(self.topics | addressed_groups(prompt, topics), verdict.context)


def is_attempt(prompt: str, verdict: Verdict) -> bool:
    """Tell whether a text is an attempt at the task's prompt, worth the model's feedback."""
    words = word_count(prompt)
    if words < MIN_ATTEMPT_WORDS or not (verdict.clear_task or verdict.context or verdict.format):
        return False
    said = re.findall(r"\w+", fold(prompt).casefold())
    repeats = sum(word in said[max(0, at - 2) : at] for at, word in enumerate(said))
    if repeats > MOST_REPEATS * len(said):
        return False
    short_question = prompt.rstrip().endswith("?") and words <= SHORT_QUESTION_WORDS
    return not short_question or verdict.context or verdict.format
