"""Tell whether a question waits on screen for its answer: a quiz's, a review's or a check's."""

from __future__ import annotations

from bot.core.router import Turn
from bot.features.gain.buttons import AnswerCheck
from bot.features.gain.flows import Checking
from bot.features.quiz.buttons import AnswerQuiz
from bot.features.quiz.flows import Answering, on_screen
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
