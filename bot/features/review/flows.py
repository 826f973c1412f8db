"""Reviews: the quiz items a learner's memory model says are due, a few at a time."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import Final

from bot.core.ports import LEARNERS
from bot.core.router import Turn, button, rows
from bot.core.state import FlowState
from bot.course.model import Lesson, QuizItem
from bot.features.menu import flows as screens
from bot.features.progress.activity import learned_once_today
from bot.features.progress.ports import PROGRESS
from bot.features.quiz import flows as quiz
from bot.features.quiz.in_words import choose_named
from bot.features.quiz.order import option_order
from bot.features.quiz.ports import ANSWERS, Answer
from bot.features.review.buttons import AnswerReview, NextReview
from bot.features.review.ports import REVIEWS, ReviewCard
from bot.features.review.recall import due_before, remember
from bot.i18n import Translator

# A review is short enough for a break: at most this many questions, then the learner may go on.
SESSION_SIZE: Final = 10


@dataclass(frozen=True)
class Reviewing(FlowState):
    """Answering a question due for review, which interrupts the learner's lesson."""

    flow = "review.reviewing"
    # The question on screen; its lesson is not the learner's current lesson.
    lesson: str = ""
    item: str = ""
    # Questions answered in this review so far.
    answered: int = 0
    # The day (ISO) an answer in this review last counted for the streak and the usual hour:
    # the next answers of the day skip both.
    counted_on: str = ""
    # Which review of the question on screen this is (1 for the first), read when it was asked;
    # 0 in states stored before it was kept: read again when needed.
    attempt: int = 0
    # Questions answered right in this review so far, for its score at the end.
    right: int = 0
    # Whether the question is on screen rather than its feedback: "ok" under a question is no
    # sign that the answer was right.
    asked: bool = False


async def quiz_command(turn: Turn, _: object = None) -> None:
    """Review the questions due; else go on with the quiz in progress, or quiz the lesson read."""
    state, lesson_id = turn.state, turn.lesson_id
    lesson = turn.course.lesson(turn.language, lesson_id) if lesson_id else None
    due = await turn.repo(REVIEWS).count_due(turn.learner.id, due_before(turn))
    if due:
        await next_review(turn)
    elif (
        isinstance(state, quiz.Answering)
        and lesson is not None
        and (at := lesson.item_position(state.item)) is not None
    ):
        # Started again, the quiz lost the answers given so far in it.
        await quiz.ask(turn, lesson, at)
    elif lesson_id and lesson is not None and await _opened(turn, lesson_id):
        await quiz.start_quiz_of(turn, lesson_id)
    else:
        turn.say(turn.t.gettext("No questions to review now. Choose a lesson to take its quiz."))
        await screens.main_menu(turn)


async def _opened(turn: Turn, lesson_id: str) -> bool:
    """Tell whether the learner opened a lesson: after a quiz, the next one is only proposed."""
    return any(p.lesson_id == lesson_id for p in await turn.repo(PROGRESS).all(turn.learner.id))


async def review_now(turn: Turn, _: object = None) -> None:
    """Start a new review (from a reminder), even in the middle of another one."""
    if isinstance(turn.state, Reviewing):
        turn.leave()
    await next_review(turn)


async def next_review(turn: Turn, _: object = None) -> None:
    """Ask the next question due, until none is left or the review has had its questions."""
    # The review so far (its counts, the day it last counted), or a new one.
    review = turn.state if isinstance(turn.state, Reviewing) else Reviewing()
    if review.answered < SESSION_SIZE:
        due = await turn.repo(REVIEWS).due(turn.learner.id, due_before(turn), SESSION_SIZE)
        # Alternate lessons where the due questions allow it: mixed practice sticks better.
        due.sort(key=lambda card: card.lesson_id == review.lesson)
        for card in due:
            if await _ask(turn, card, review):
                return
    await _end_review(turn, review)


async def _ask(turn: Turn, card: ReviewCard, review: Reviewing) -> bool:
    """Show the question of a card; False (and the card dropped) when the course lost it."""
    lesson = turn.course.lesson(turn.language, card.lesson_id)
    question = lesson.item(card.item_id) if lesson else None
    if lesson is None or question is None:
        await turn.repo(REVIEWS).retire(turn.learner.id, card.lesson_id, card.item_id)
        return False
    # Entered over the interrupted flow, which a review in progress already keeps.
    attempt = await _next_attempt(turn, lesson, question)
    turn.enter(replace(review, lesson=lesson.id, item=question.id, attempt=attempt, asked=True))
    order = _review_order(turn, lesson, question, attempt)
    answer = partial(_answer_data, question.id)
    turn.add(quiz.question(turn.t, review_header(turn.t, lesson), question, answer, order))
    return True


async def _end_review(turn: Turn, review: Reviewing) -> None:
    """Close the review: its score, what is left, and more when more is due."""
    t = turn.t
    if isinstance(turn.state, Reviewing):
        turn.leave()
    answered, right = review.answered, review.right
    score = (
        t.ngettext(
            "Score: {right} of {answered} question right.",
            "Score: {right} of {answered} questions right.",
            answered,
        ).format(right=right, answered=answered)
        + "\n"
        if answered
        else ""
    )
    waiting = await turn.repo(REVIEWS).count_due(turn.learner.id, due_before(turn))
    if waiting:
        text = score + t.ngettext(
            "Well done: {answered} questions reviewed. {count} more is waiting.",
            "Well done: {answered} questions reviewed. {count} more are waiting.",
            waiting,
        ).format(answered=answered, count=waiting)
        more = button(t.gettext("🔁 Review more"), NextReview())
        turn.say(text, rows(more, screens.menu_button(t)))
        return
    text = score + (
        t.gettext("Review done. Nothing else to review for now.")
        if answered
        # /review with nothing due: no review was done.
        else t.gettext("No questions to review now. Choose a lesson to take its quiz.")
    )
    next_due = await turn.repo(REVIEWS).next_due(turn.learner.id)
    if next_due is not None:
        text += "\n" + t.gettext("Next review: {date}.").format(date=t.date(next_due))
    turn.say(text)
    await screens.main_menu(turn)


def review_header(t: Translator, lesson: Lesson) -> str:
    """Return the line above a review question: the lesson it comes from."""
    return t.gettext("🔁 Review · {title}").format(title=lesson.title)


async def _next_attempt(turn: Turn, lesson: Lesson, item: QuizItem) -> int:
    """Return which review of an item the one due is: 1 for the first."""
    return await turn.repo(ANSWERS).review_count(turn.learner.id, lesson.id, item.id) + 1


def _review_order(turn: Turn, lesson: Lesson, item: QuizItem, attempt: int) -> tuple[int, ...]:
    """Return the order of an item's options in one review of it."""
    return option_order(turn.learner.id, lesson.id, item.id, attempt, len(item.options), "review")


async def _attempt(turn: Turn, state: Reviewing, lesson: Lesson, item: QuizItem) -> int:
    """Return the review of the question on screen, kept when it was asked."""
    return state.attempt or await _next_attempt(turn, lesson, item)


async def answer_in_words(turn: Turn, text: str) -> bool:
    """Answer the review question on screen when the text names one of its options."""
    state = turn.state
    if (
        not isinstance(state, Reviewing)
        or (found := quiz.item_of(turn, state.lesson, state.item)) is None
    ):
        return False
    lesson, item = found
    order = _review_order(turn, lesson, item, await _attempt(turn, state, lesson, item))
    # Once answered, the question is no longer due: review_answer says so, as for a second tap.
    return await choose_named(
        turn, text, item, order, lambda option: review_answer(turn, AnswerReview(item.id, option))
    )


def _answer_data(item_id: str, option: int) -> str:
    return AnswerReview(item_id, option).pack()


async def review_answer(turn: Turn, chosen: AnswerReview) -> None:
    """Record a review answer and let the memory model say when the item comes back."""
    t = turn.t
    state = turn.state
    if not isinstance(state, Reviewing) or state.item != chosen.item:
        turn.say(t.gettext("You already answered this question."), rows(screens.continue_button(t)))
        return
    found = quiz.chosen_item(turn, state.lesson, chosen.item, chosen.option)
    if found is None:
        await screens.stale_button(turn)
        return
    lesson, item = found
    card = await turn.repo(REVIEWS).card(turn.learner.id, lesson.id, item.id)
    if card is None or card.due >= due_before(turn):
        turn.say(t.gettext("You already answered this question."), rows(screens.continue_button(t)))
        return
    option = chosen.option
    correct = option == item.correct
    attempt = await _attempt(turn, state, lesson, item)
    await turn.repo(ANSWERS).record(
        Answer(turn.learner.id, lesson.id, item.id, option, correct, "review", attempt, turn.now)
    )
    today = await learned_once_today(turn, state.counted_on)
    first_today = state.counted_on != today
    await remember(turn, lesson.id, item.id, correct=correct, first_today=first_today, before=card)
    turn.enter(
        replace(
            state,
            answered=state.answered + 1,
            counted_on=today,
            attempt=attempt,
            right=state.right + int(correct),
            asked=False,
        )
    )
    text = quiz.feedback(t, review_header(t, lesson), item, option)
    turn.say(text, rows(button(t.gettext("Next ▶"), NextReview())), replace=True)


async def not_now(turn: Turn, _: object = None) -> None:
    """Put a reminder aside until another day."""
    t = turn.t
    turn.say(
        t.gettext("OK, not now. Your questions wait for you under 🔁 Review in the menu."),
        rows(screens.menu_button(t)),
        replace=True,
    )


async def stop_reminders(turn: Turn, _: object = None) -> None:
    """Turn the learner's reminders off."""
    t = turn.t
    await turn.repo(LEARNERS).set_reminders(turn.learner.id, False)
    turn.say(
        t.gettext("Done. No more reminders. You can turn them on again in /settings."),
        rows(screens.menu_button(t)),
        replace=True,
    )
