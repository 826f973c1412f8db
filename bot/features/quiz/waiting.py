"""Tell whether a question waits on screen for its answer: a quiz's, a review's or a check's."""

from __future__ import annotations

from bot.adapters.search.stems import tokens
from bot.core.router import Turn
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


def question_on_screen(turn: Turn) -> bool:
    """Tell whether a quiz, review or check question waits for a tap on an answer."""
    return quiz_question_on_screen(turn) or check_on_screen(turn)


def speaks_of_the_question(turn: Turn, text: str) -> bool:
    """Tell whether a message shares a topic word with the quiz or review question on screen."""
    # "je dirais que c'est des maths avec des données" answers in the learner's own words; "avec
    # tout ça je vais perdre mon chômage" says something else, though it shares "avec".
    state = turn.state
    if not isinstance(state, Answering | Reviewing):
        return False
    found = item_of(turn, state.lesson, state.item)
    if found is None:
        return False
    item = found[1]
    words = turn.profile.search
    shown = {stem for line in (item.question, *item.options) for stem in tokens(line, words)}
    return not shown.isdisjoint(tokens(text, words))
