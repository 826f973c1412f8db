"""Reviews: missed quiz questions come back when they fall due (Leitner boxes)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from bot.core.router import Turn, button, rows
from bot.core.state import FlowState
from bot.course.model import Lesson
from bot.features.menu import flows as screens
from bot.features.progress.activity import learned
from bot.features.quiz import flows as quiz
from bot.features.quiz.order import option_order
from bot.features.quiz.ports import ANSWERS, Answer
from bot.features.review import schedule
from bot.features.review.buttons import AnswerReview, NextReview
from bot.features.review.ports import REVIEWS
from bot.i18n import Translator


@dataclass(frozen=True)
class Reviewing(FlowState):
    """Answering a question due for review, which interrupts the learner's lesson."""

    flow = "review.reviewing"
    # The question on screen; its lesson is not the learner's current lesson.
    lesson: str = ""
    item: str = ""


async def quiz_command(turn: Turn, _: object = None) -> None:
    """Start the review when questions are due, else the quiz of the current lesson."""
    due = await turn.repo(REVIEWS).due(turn.learner.id, turn.now)
    lesson_id = turn.lesson_id
    if due:
        await next_review(turn)
    elif lesson_id and turn.course.lesson(turn.language, lesson_id):
        await quiz.start_quiz_of(turn, lesson_id)
    else:
        turn.say(turn.t.gettext("No questions to review now. Choose a lesson to take its quiz."))
        await screens.main_menu(turn)


async def next_review(turn: Turn, _: object = None) -> None:
    """Ask the next question due for review, or say the review is done."""
    t = turn.t
    for item in await turn.repo(REVIEWS).due(turn.learner.id, turn.now):
        lesson = turn.course.lesson(turn.language, item.lesson_id)
        question = lesson.item(item.item_id) if lesson else None
        if lesson is None or question is None:
            # The course changed since this was scheduled: drop what no longer exists.
            await turn.repo(REVIEWS).retire(turn.learner.id, item.lesson_id, item.item_id)
            continue
        turn.enter(Reviewing(lesson.id, question.id))
        count = await turn.repo(ANSWERS).review_count(turn.learner.id, lesson.id, question.id)
        order = option_order(
            turn.learner.id, lesson.id, question.id, count + 1, len(question.options), "review"
        )
        answer = partial(_answer_data, question.id)
        turn.add(quiz.question(t, review_header(t, lesson), question, answer, order))
        return
    if isinstance(turn.state, Reviewing):
        turn.leave()
    next_due = await turn.repo(REVIEWS).next_due(turn.learner.id)
    text = t.gettext("Review done. Nothing else to review for now.")
    if next_due is not None:
        text += "\n" + t.gettext("Next review: {date}.").format(date=t.date(next_due))
    turn.say(text)
    await screens.main_menu(turn)


def review_header(t: Translator, lesson: Lesson) -> str:
    """Return the line above a review question: the lesson it comes from."""
    return t.gettext("🔁 Review · {title}").format(title=lesson.title)


def _answer_data(item_id: str, option: int) -> str:
    return AnswerReview(item_id, option).pack()


async def review_answer(turn: Turn, chosen: AnswerReview) -> None:
    """Record a review answer and move the item to its next Leitner box."""
    t = turn.t
    state = turn.state
    if not isinstance(state, Reviewing) or state.item != chosen.item:
        turn.say(t.gettext("You already answered this question."), rows(quiz.continue_button(t)))
        return
    found = quiz.chosen_item(turn, state.lesson, chosen.item, chosen.option)
    if found is None:
        await screens.stale_button(turn)
        return
    lesson, item = found
    option = chosen.option
    scheduled = await turn.repo(REVIEWS).item(turn.learner.id, lesson.id, item.id)
    if scheduled is None or scheduled.due_at > turn.now:
        turn.say(t.gettext("You already answered this question."), rows(quiz.continue_button(t)))
        return
    correct = option == item.correct
    count = await turn.repo(ANSWERS).review_count(turn.learner.id, lesson.id, item.id)
    await turn.repo(ANSWERS).record(
        Answer(turn.learner.id, lesson.id, item.id, option, correct, "review", count + 1, turn.now)
    )
    await learned(turn)
    outcome = schedule.after_answer(scheduled.box, correct=correct, now=turn.now)
    if outcome is None:
        await turn.repo(REVIEWS).retire(turn.learner.id, lesson.id, item.id)
    else:
        await turn.repo(REVIEWS).schedule(turn.learner.id, lesson.id, item.id, *outcome)
    text = quiz.feedback(t, review_header(t, lesson), item, option)
    turn.say(text, rows(button(t.gettext("Next ▶"), NextReview())), replace=True)
