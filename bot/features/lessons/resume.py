"""Take the learner back to where they were: a card, a quiz or check question, a review, a task."""

from __future__ import annotations

from bot.core.router import Turn
from bot.features.gain import flows as gain
from bot.features.lessons.flows import Reading, show_card
from bot.features.menu import flows as screens
from bot.features.practice import flows as practice
from bot.features.quiz import flows as quiz
from bot.features.review import flows as review


async def resume(turn: Turn, _: object = None) -> None:
    """Continue the learner's flow, or their current lesson, or show the menu."""
    state = turn.state
    if state.captures_text and not isinstance(state, (practice.Practising, gain.Checking)):
        # A screen that waits for typed words (the reminder hours, a certificate's name)
        # interrupted the learner: going on is going back to what it interrupted.
        turn.leave()
        state = turn.state
    lesson = turn.course.lesson(turn.language, turn.lesson_id) if turn.lesson_id else None
    if isinstance(state, review.Reviewing):
        await review.next_review(turn)
    elif isinstance(state, gain.Checking):
        await gain.go_on(turn, state)
    elif isinstance(state, practice.Practising) and (task := practice.find_task(turn, state.task)):
        practice.show_task(turn, task)
    elif lesson is None:
        await screens.main_menu(turn)
    elif isinstance(state, quiz.Answering) and (at := lesson.item_position(state.item)) is not None:
        await quiz.ask(turn, lesson, at)
    else:
        await show_card(turn, lesson, state.card if isinstance(state, Reading) else 0)
