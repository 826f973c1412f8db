"""Tell whether a question waits on screen for its answer: a quiz's, a review's or a check's."""

from __future__ import annotations

from typing import Final

from bot.core.router import Turn
from bot.course.speech import plain_words
from bot.features.gain.buttons import AnswerCheck
from bot.features.gain.flows import Checking
from bot.features.quiz.buttons import AnswerQuiz
from bot.features.quiz.flows import Answering, item_of, on_screen
from bot.features.review.buttons import AnswerReview
from bot.features.review.flows import Reviewing


def quiz_question_on_screen(turn: Turn) -> bool:
    """Tell whether the learner sees a quiz or review question that waits for an answer."""
    # After the menu or the lessons, the question waits in the state but is off screen: "ok"
    # there is no answer to it, and "tap the answer" would point at buttons the learner lacks.
    state = turn.state
    if isinstance(state, Answering) and state.asked:
        return on_screen(turn, AnswerQuiz.action)
    if isinstance(state, Reviewing) and state.asked:
        return on_screen(turn, AnswerReview.action)
    return False


def check_on_screen(turn: Turn) -> bool:
    """Tell whether the learner sees a question of the placement or final check."""
    return isinstance(turn.state, Checking) and on_screen(turn, AnswerCheck.action)


# Words this long, or their first letters this many, tie a message to a question's words:
# "adresse" to "adresses", not "les" to "les".
TOPIC_LETTERS: Final = 4
STEM_LETTERS: Final = 5


def speaks_of_the_question(turn: Turn, text: str) -> bool:
    """Tell whether a message shares a word with the quiz or review question on screen."""
    # "enlever mon nom et mon adresse de la feuille avant" answers in the learner's own words;
    # "le standard a perdu hier" says something else.
    state = turn.state
    if not isinstance(state, Answering | Reviewing):
        return False
    found = item_of(turn, state.lesson, state.item)
    if found is None:
        return False
    item = found[1]
    shown = {_stem(word) for line in (item.question, *item.options) for word in plain_words(line)}
    return any(_stem(word) in shown for word in plain_words(text) if len(word) >= TOPIC_LETTERS)


def _stem(word: str) -> str:
    return word[:STEM_LETTERS]
