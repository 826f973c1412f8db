"""Quizzes after each lesson, and reviews of missed questions when they fall due."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from bot.adapters.db import repo
from bot.core.callbacks import encode
from bot.core.replies import Button, Question
from bot.core.router import Router, Turn, rows
from bot.course.model import Lesson, QuizItem
from bot.features.menu import flows as screens
from bot.features.review import schedule as review
from bot.i18n import Translator

LETTERS = "ABCD"


async def start_quiz(turn: Turn, args: tuple[str, ...]) -> None:
    """Start a new attempt at a lesson's quiz."""
    lesson = turn.course.lesson(turn.language, args[0])
    if lesson is None or not lesson.quiz:
        await screens.stale_button(turn, ())
        return
    await repo.start_quiz_attempt(
        turn.session, turn.learner.id, lesson.id, len(lesson.quiz), turn.now
    )
    await ask(turn, lesson, 0)


async def ask(turn: Turn, lesson: Lesson, index: int) -> None:
    """Show quiz item `index` and remember that the learner is on it."""
    await repo.set_position(
        turn.session, turn.learner.id, mode="quiz", lesson_id=lesson.id, quiz_item=index
    )
    header = turn.t.gettext("📝 Question {number} of {total}").format(
        number=index + 1, total=len(lesson.quiz)
    )
    turn.add(
        _question(
            turn.t,
            header,
            lesson.quiz[index],
            partial(encode, "ans", lesson.id, index),
        )
    )


def _question(t: Translator, header: str, item: QuizItem, data: Callable[[int], str]) -> Question:
    answer_data = tuple(data(option) for option in range(len(item.options)))
    return Question(
        header=header,
        question=item.question,
        options=item.options,
        answer_data=answer_data,
        correct=item.correct,
        explanation=item.explanations[item.correct],
        extra_keyboard=rows(screens.menu_button(t)),
    )


def _parse_answer(turn: Turn, args: tuple[str, ...]) -> tuple[Lesson, int, int] | None:
    lesson = turn.course.lesson(turn.language, args[0])
    if lesson is None or not args[1].isdigit() or not args[2].isdigit():
        return None
    index, option = int(args[1]), int(args[2])
    if index >= len(lesson.quiz) or option >= len(lesson.quiz[index].options):
        return None
    return lesson, index, option


def feedback(t: Translator, item: QuizItem, option: int) -> str:
    """Say whether the answer was right and explain it, and the right answer when it was not."""
    if option == item.correct:
        verdict = t.gettext("✅ Right!")
        return f"{verdict}\n\n{item.explanations[option]}"
    right = t.gettext("The right answer is {letter}: {option}").format(
        letter=LETTERS[item.correct], option=item.options[item.correct]
    )
    verdict = t.gettext("❌ Not quite.")
    return f"{verdict}\n\n{item.explanations[option]}\n\n{right}\n{item.explanations[item.correct]}"


async def answer(turn: Turn, args: tuple[str, ...]) -> None:
    """Record a quiz answer, explain it, and move on (or close the quiz)."""
    parsed = _parse_answer(turn, args)
    if parsed is None:
        await screens.stale_button(turn, ())
        return
    lesson, index, option = parsed
    learner = turn.learner
    t = turn.t
    if learner.mode != "quiz" or learner.lesson_id != lesson.id or learner.quiz_item != index:
        turn.say(t.gettext("You already answered this question."), rows(_continue_button(t)))
        return
    progress = await repo.lesson_progress(turn.session, learner.id, lesson.id)
    attempt = progress.quiz_attempts if progress else 0
    item = lesson.quiz[index]
    correct = option == item.correct
    await repo.record_answer(
        turn.session,
        learner_id=learner.id,
        lesson_id=lesson.id,
        item_index=index,
        chosen=option,
        is_correct=correct,
        mode="quiz",
        attempt=attempt,
        now=turn.now,
    )
    if not correct:
        box, due = review.after_answer(0, correct=False, now=turn.now) or (1, turn.now)
        await repo.schedule_review(turn.session, learner.id, lesson.id, index, box, due)
    if index + 1 < len(lesson.quiz):
        await repo.set_position(
            turn.session, learner.id, mode="quiz", lesson_id=lesson.id, quiz_item=index + 1
        )
        next_button = Button(t.gettext("Next question ▶"), encode("resume"))
        turn.say(feedback(t, item, option), rows(next_button))
        return
    turn.say(feedback(t, item, option))
    await _finish(turn, lesson, attempt)


async def _finish(turn: Turn, lesson: Lesson, attempt: int) -> None:
    t = turn.t
    learner_id = turn.learner.id
    score = await repo.attempt_score(turn.session, learner_id, lesson.id, attempt)
    await repo.finish_quiz(turn.session, learner_id, lesson.id, score, turn.now)
    total = len(lesson.quiz)
    lines = [
        t.ngettext(
            "Quiz done: {score} out of {total} question right.",
            "Quiz done: {score} out of {total} questions right.",
            total,
        ).format(score=score, total=total)
    ]
    if score == total:
        lines.append(t.gettext("Perfect! Well done."))
    elif score * 2 >= total:
        lines.append(
            t.gettext("Good work! I will ask you the questions you missed again tomorrow.")
        )
    else:
        lines.append(
            t.gettext(
                "Keep going! Read the cards again, then try once more. "
                "Missed questions come back tomorrow."
            )
        )
    next_id = turn.course.next_lesson_id(turn.language, lesson.id)
    next_lesson = turn.course.lesson(turn.language, next_id) if next_id else None
    await repo.set_position(turn.session, learner_id, mode="idle", lesson_id=next_id)
    buttons = [
        Button(
            t.gettext("▶ Next lesson: {title}").format(title=next_lesson.title),
            encode("open", next_lesson.id),
        )
        if next_lesson
        else None,
        Button(t.gettext("🔁 Try the quiz again"), encode("quiz", lesson.id)),
        screens.menu_button(t),
    ]
    if next_lesson is None:
        lines.append(t.gettext("You finished the last lesson of the course. Congratulations!"))
    turn.say("\n".join(lines), rows(*buttons))


def _continue_button(t: Translator) -> Button:
    return Button(t.gettext("▶ Continue"), encode("resume"))


async def quiz_command(turn: Turn, _args: tuple[str, ...]) -> None:
    """Start the review when questions are due, else the quiz of the current lesson."""
    due = await repo.due_reviews(turn.session, turn.learner.id, turn.now)
    lesson_id = turn.learner.lesson_id
    if due:
        await next_review(turn, ())
    elif lesson_id and turn.course.lesson(turn.language, lesson_id):
        await start_quiz(turn, (lesson_id,))
    else:
        turn.say(turn.t.gettext("No questions to review now. Choose a lesson to take its quiz."))
        await screens.main_menu(turn, ())


async def next_review(turn: Turn, _args: tuple[str, ...]) -> None:
    """Ask the next question due for review, or say the review is done."""
    t = turn.t
    for item in await repo.due_reviews(turn.session, turn.learner.id, turn.now):
        lesson = turn.course.lesson(turn.language, item.lesson_id)
        if lesson is None or item.item_index >= len(lesson.quiz):
            # The course changed since this was scheduled: drop what no longer exists.
            await repo.retire_review(turn.session, turn.learner.id, item.lesson_id, item.item_index)
            continue
        await repo.set_position(
            turn.session,
            turn.learner.id,
            mode="review",
            lesson_id=turn.learner.lesson_id,
            card_index=turn.learner.card_index,
        )
        header = t.gettext("🔁 Review · {title}").format(title=lesson.title)
        question = lesson.quiz[item.item_index]
        turn.add(
            _question(t, header, question, partial(encode, "rans", lesson.id, item.item_index))
        )
        return
    await repo.set_position(
        turn.session,
        turn.learner.id,
        mode="idle",
        lesson_id=turn.learner.lesson_id,
        card_index=turn.learner.card_index,
    )
    next_due = await repo.next_review_due(turn.session, turn.learner.id)
    text = t.gettext("Review done. Nothing else to review for now.")
    if next_due is not None:
        text += "\n" + t.gettext("Next review: {date}.").format(date=t.date(next_due))
    turn.say(text)
    await screens.main_menu(turn, ())


async def review_answer(turn: Turn, args: tuple[str, ...]) -> None:
    """Record a review answer and move the item to its next Leitner box."""
    parsed = _parse_answer(turn, args)
    if parsed is None:
        await screens.stale_button(turn, ())
        return
    lesson, index, option = parsed
    t = turn.t
    scheduled = await repo.review_item(turn.session, turn.learner.id, lesson.id, index)
    if scheduled is None or scheduled.due_at > turn.now:
        turn.say(t.gettext("You already answered this question."), rows(_continue_button(t)))
        return
    item = lesson.quiz[index]
    correct = option == item.correct
    count = await repo.review_answer_count(turn.session, turn.learner.id, lesson.id, index)
    await repo.record_answer(
        turn.session,
        learner_id=turn.learner.id,
        lesson_id=lesson.id,
        item_index=index,
        chosen=option,
        is_correct=correct,
        mode="review",
        attempt=count + 1,
        now=turn.now,
    )
    outcome = review.after_answer(scheduled.box, correct=correct, now=turn.now)
    if outcome is None:
        await repo.retire_review(turn.session, turn.learner.id, lesson.id, index)
    else:
        await repo.schedule_review(turn.session, turn.learner.id, lesson.id, index, *outcome)
    turn.say(feedback(t, item, option), rows(Button(t.gettext("Next ▶"), encode("review"))))


def register(router: Router) -> None:
    """Add the quiz and review commands and buttons to a router."""
    router.command("quiz", quiz_command)
    router.command("review", next_review)
    router.button("quiz", start_quiz, 1)
    router.button("ans", answer, 3)
    router.button("review", next_review, 0)
    router.button("rans", review_answer, 3)
