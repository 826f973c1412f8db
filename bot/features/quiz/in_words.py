"""Answer the question on screen from words: its letter, or (nearly) an option's words.

Learners type "b", "B)", "la réponse B", "2", "la deuxième" or an option's words instead of
tapping, and voice notes say them; both answer the question the learner sees, never one that is
not on screen yet.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from difflib import SequenceMatcher
from typing import Final

from bot.core.router import Turn
from bot.course.model import Lesson, QuizItem
from bot.course.speech import LAST, SpeechList, plain_words
from bot.features.quiz.buttons import AnswerQuiz
from bot.features.quiz.flows import Answering, answer, ask, item_of, on_screen, shown_order
from bot.features.quiz.ports import ANSWERS
from bot.features.quiz.why import WHY

# How close the words must be to an option's words, and ahead of the next closest option.
OPTION_LIKENESS: Final = 0.75
OPTION_MARGIN: Final = 0.1
# Where a reason for the answer begins, in the three languages.
_REASON: Final = re.compile(
    r"\b(?:because|cause|cuz|coz|since|parce\s+que?|parce\s+qu'|puisque|car|omdat|omda|want)\b",
    re.IGNORECASE,
)
# A word typed under a question names the one option that holds it, from this many letters.
KEY_WORD_LETTERS: Final = 3


def named_option(words: str, shown: Sequence[str], speech: SpeechList) -> int | None:
    """Return the position of the option the words name: its letter, rank or (nearly) words.

    A reason given after it leaves the answer as named: "its C because it sound like me".
    """
    answer = _before_a_reason(words)
    if answer and (named := _named_option(answer, shown, speech)) is not None:
        return named
    return _named_option(words, shown, speech)


def _before_a_reason(words: str) -> str | None:
    """Return the words before a reason ("because", "parce que", "omdat"); None without one."""
    found = _REASON.search(words)
    return words[: found.start()].strip() or None if found else None


def _named_option(words: str, shown: Sequence[str], speech: SpeechList) -> int | None:
    plain = " ".join(plain_words(words))
    # An option that is these very words ("18", "2 ans") wins over the number as a position.
    exact = [n for n, option in enumerate(shown) if " ".join(plain_words(option)) == plain]
    if len(exact) == 1:
        return exact[0]
    position = speech.position(words)
    if position == LAST:
        return len(shown) - 1
    if position is not None:
        return position if position < len(shown) else None
    likeness = sorted(
        ((_likeness(plain, " ".join(plain_words(option))), n) for n, option in enumerate(shown)),
        reverse=True,
    )
    (best, position), *others = likeness
    runner_up = others[0][0] if others else 0.0
    if best >= OPTION_LIKENESS and best - runner_up >= OPTION_MARGIN:
        return position
    return _only_option_with(plain_words(words), shown, speech)


def _only_option_with(said: list[str], shown: Sequence[str], speech: SpeechList) -> int | None:
    """Return the one option holding every word said but fillers ("software", "un robot")."""
    # "pourquoi" asks about the options; it named "Dire à qui est la lettre et pourquoi".
    if any(WHY.fullmatch(word) for word in said):
        return None
    kept = speech.without_fillers(said)
    # Words of three letters or more: "a", "la", "de" name no option.
    words = {word for word in kept if len(word) >= KEY_WORD_LETTERS}
    if not words:
        return None
    holding = [n for n, option in enumerate(shown) if _all_in(words, plain_words(option))]
    if len(holding) != 1:
        return None
    # Every other word said, but letters, is that option's too: "weet ik ni" ("I don't know")
    # names no option, though one holds "weet".
    if not _all_in({word for word in kept if len(word) > 1}, plain_words(shown[holding[0]])):
        return None
    # Its letter first, then its words: "c'est la B, une IA qui a appris", whose "a" is a verb.
    if len(kept[0]) == 1 and speech.position(kept[0]) == holding[0]:
        return holding[0]
    # "a robot" when the robot is B: a letter at either end may name another option. Inside the
    # words it is one of them ("une IA qui a appris").
    letters = {speech.position(word) for word in {kept[0], kept[-1]} if len(word) == 1}
    return holding[0] if letters <= {None, holding[0]} else None


# French elisions, which plain words glue to the word they go with: "l'employeur" is
# "lemployeur", while the option says "votre employeur".
_ELIDED: Final = ("qu", "l", "d", "j", "n", "s", "c", "m", "t")


def _all_in(said: set[str], option: list[str]) -> bool:
    """Tell whether every word said is a word of the option, with or without an elision."""
    words = set(option)
    return all(
        word in words
        or any(word.startswith(elided) and word[len(elided) :] in words for elided in _ELIDED)
        for word in said
    )


def _likeness(words: str, option: str) -> float:
    if option and option in words:
        return 1.0
    return SequenceMatcher(None, words, option).ratio()


async def answer_in_words(turn: Turn, text: str) -> bool:
    """Answer the quiz question on screen when the text names one of its options."""
    state = turn.state
    if (
        not isinstance(state, Answering)
        or (found := item_of(turn, state.lesson, state.item)) is None
    ):
        return False
    lesson, item = found
    if not state.asked:
        # Under the feedback of the last answer: a letter asks for the next question, which
        # the learner has not seen. Show it rather than answer it blind.
        # A position beyond the next question's options ("7") answers nothing: the learner is
        # told no button has that number, rather than shown that question.
        position = turn.course.speech_list(turn.language).position(text)
        if position is None or (position != LAST and position >= len(item.options)):
            return False
        if await _answered_wrong_before(turn, lesson, item):
            # "la b" right under "not quite, the right answer is B" corrects that answer more
            # often than it answers a question not seen yet: the next one came with no word.
            turn.say(
                turn.t.gettext("Your first answer to that question counts. Here is the next one.")
            )
        await ask(turn, lesson, lesson.quiz.index(item))
        return True
    if not on_screen(turn, AnswerQuiz.action):
        return False
    order = await shown_order(turn, lesson, item)
    return await choose_named(
        turn, text, item, order, lambda option: answer(turn, AnswerQuiz(item.id, option))
    )


async def _answered_wrong_before(turn: Turn, lesson: Lesson, item: QuizItem) -> bool:
    """Tell whether the learner's answer to the item before this one was wrong."""
    position = lesson.item_position(item.id) or 0
    before = lesson.item_id_at(position - 1) if position else None
    if before is None:
        return False
    answered = await turn.repo(ANSWERS).last_quiz_answer(turn.learner.id, before, lesson.id)
    return answered is not None and not answered.is_correct


async def choose_named(
    turn: Turn,
    text: str,
    item: QuizItem,
    order: Sequence[int],
    choose: Callable[[int], Awaitable[None]],
) -> bool:
    """Choose the option the text names among those shown in `order`; False when it names none."""
    shown = [item.options[index] for index in order]
    chosen = named_option(text, shown, turn.course.speech_list(turn.language))
    if chosen is None:
        return False
    await choose(order[chosen])
    return True
