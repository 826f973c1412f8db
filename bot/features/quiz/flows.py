"""The quiz after each lesson: one question at a time, every answer explained."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from bot.core.replies import LETTERS, Button, Question
from bot.core.router import Turn, action_of, button, rows
from bot.core.state import FlowState, Idle
from bot.course.model import Lesson, QuizItem
from bot.features.gain.offer import offer_check_out
from bot.features.lessons.buttons import OpenLesson, Resume, ShowCard
from bot.features.menu import flows as screens
from bot.features.progress.activity import learned_once_today
from bot.features.progress.milestones import lesson_end
from bot.features.progress.ports import PROGRESS
from bot.features.quiz.buttons import AnswerQuiz, StartQuiz
from bot.features.quiz.order import option_order
from bot.features.quiz.ports import ANSWERS, Answer
from bot.features.review.recall import comeback_promise, remember
from bot.features.voice.buttons import listen_feedback_button, listen_question_button
from bot.i18n import N_, Translator

# Said under a question to a message that names no option ("a or b", "nee" when two say "Nee,").
# The question's own letters, not an example: learners typed the example's "b" as told.
TAP_A_LETTER: Final = N_("To answer, tap one of the letters: {letters}.")
TAP_AN_ANSWER: Final = N_("To answer, tap the answer you choose.")
# Under a question, "I don't know" is not a question to answer: a guess is how the quiz teaches.
CONFUSED_IN_A_QUIZ: Final = N_(
    "No problem. Choose the answer that seems most likely to you. Right after, I tell you which "
    "one is right, and why."
)
NO_SUCH_LETTER: Final = N_("This question has answers A to {last}. Tap the one you choose.")
# The verdict a quiz explanation opens with: one word, then a full stop (the style sheets keep one
# pair a language, "Yes." / "No.", "Juist." / "Nee.").
_LABEL: Final = re.compile(r"^\w+\.\s+")


@dataclass(frozen=True)
class Answering(FlowState):
    """Taking a lesson's quiz, on one of its items."""

    flow = "quiz.answering"
    lesson: str
    item: str
    # The attempt the item belongs to (-1 in a state stored before it was kept), and the day
    # (ISO) an answer in this quiz last counted for the streak and the usual hour: the next
    # answers of the day read neither the lesson's progress nor the streak again.
    attempt: int = -1
    counted_on: str = ""
    # Whether the item's question is on screen. After an answer the state already holds the
    # next item, shown only once the learner taps Next: words typed or said under the feedback
    # must not answer a question not seen yet.
    asked: bool = False

    @property
    def lesson_id(self) -> str | None:
        """Return the lesson whose quiz this is."""
        return self.lesson


async def start_quiz(turn: Turn, chosen: StartQuiz) -> None:
    """Start a new attempt at a lesson's quiz."""
    await start_quiz_of(turn, chosen.lesson)


async def start_quiz_of(turn: Turn, lesson_id: str) -> None:
    """Start a new attempt at the quiz of a lesson, if it has one."""
    lesson = turn.course.lesson(turn.language, lesson_id)
    if lesson is None or not lesson.quiz:
        await screens.stale_button(turn)
        return
    state = turn.state
    # Already on its first question, unanswered (a second tap, or the same tap delivered again
    # after a crash): the same attempt is shown again, not a new one.
    first = (lesson.id, lesson.quiz[0].id)
    attempt = None
    if not (isinstance(state, Answering) and (state.lesson, state.item) == first):
        attempt = await turn.repo(PROGRESS).start_quiz_attempt(
            turn.learner.id, lesson.id, len(lesson.quiz), turn.now
        )
    await ask(turn, lesson, 0, attempt)


async def ask(turn: Turn, lesson: Lesson, index: int, attempt: int | None = None) -> None:
    """Show the quiz item at position `index` and remember that the learner is on it.

    `attempt` is that of a quiz just started; without it, the learner's current one.
    """
    item = lesson.quiz[index]
    state = turn.state
    if attempt is None:
        attempt = await current_attempt(turn, lesson.id) or 0
    counted_on = state.counted_on if isinstance(state, Answering) else ""
    turn.go(Answering(lesson.id, item.id, attempt, counted_on, asked=True))
    # Read from the state just set: no statement.
    order = await shown_order(turn, lesson, item)
    turn.add(
        question(
            turn.t,
            quiz_header(turn.t, lesson, item),
            item,
            lambda option: AnswerQuiz(item.id, option).pack(),
            order,
            listen_question_button(turn.t, item),
        )
    )


def quiz_header(t: Translator, lesson: Lesson, item: QuizItem) -> str:
    """Return the line above a quiz item: its number in the lesson's quiz."""
    return t.gettext("📝 Question {number} of {total}").format(
        number=(lesson.item_position(item.id) or 0) + 1, total=len(lesson.quiz)
    )


def question(
    t: Translator,
    header: str,
    item: QuizItem,
    data: Callable[[int], str],
    order: Sequence[int],
    listen: Button | None = None,
) -> Question:
    """Return a quiz item as a question showing its options in `order`, then Listen and Menu.

    Each option answers with `data(index)`, its index in the file, so answers and their
    explanations stay tied to the option whatever order it was shown in.
    """
    return Question(
        header=header,
        question=item.question,
        options=tuple(item.options[index] for index in order),
        answer_data=tuple(data(index) for index in order),
        correct=list(order).index(item.correct),
        explanation=item.explanations[item.correct],
        extra_keyboard=rows(listen, screens.menu_button(t)),
    )


def item_of(turn: Turn, lesson_id: str, item_id: str) -> tuple[Lesson, QuizItem] | None:
    """Return a lesson and one of its quiz items; None when either no longer exists."""
    lesson = turn.course.lesson(turn.language, lesson_id)
    item = lesson.item(item_id) if lesson else None
    return None if lesson is None or item is None else (lesson, item)


def chosen_item(
    turn: Turn, lesson_id: str, item_id: str, option: int
) -> tuple[Lesson, QuizItem] | None:
    """Return the lesson and item an answer is about; None when they no longer exist."""
    found = item_of(turn, lesson_id, item_id)
    return found if found is not None and option < len(found[1].options) else None


def feedback(t: Translator, header: str, item: QuizItem, option: int) -> str:
    """Return the question with the learner's answer, its explanation, and the right answer.

    The explanation is the one written for the chosen option: the right option's own
    explanation opens with "Correct." and would contradict a wrong answer's verdict.
    """
    return "\n".join([header, "", item.question, "", *verdict_lines(t, item, option)])


def verdict_lines(t: Translator, item: QuizItem, option: int) -> list[str]:
    """Return whether an answer is right, the learner's answer, its explanation, the right one."""
    right = option == item.correct
    verdict = t.gettext("✅ Right!") if right else t.gettext("❌ Not quite.")
    chosen = t.gettext("Your answer: {option}").format(option=item.options[option])
    lines = [verdict, chosen, item.explanations[option]]
    if not right:
        correct = item.options[item.correct]
        lines += ["", t.gettext("The right answer: {option}").format(option=correct)]
    return lines


def unlabelled(explanation: str) -> str:
    """Return an explanation without the one-word verdict it opens with ("Yes.", "Juist.")."""
    # Said apart from the learner's answer ("why?" after a wrong one), "Yes." reads as if the
    # learner had been right.
    return _LABEL.sub("", explanation, count=1) or explanation


def last_letter(turn: Turn) -> str | None:
    """Return the letter of the last answer of the quiz question asked, if one is."""
    state = turn.state
    if not isinstance(state, Answering):
        return None
    lesson = turn.course.lesson(turn.language, state.lesson)
    item = lesson.item(state.item) if lesson else None
    return LETTERS[len(item.options) - 1] if item else None


def tap_to_answer(t: Translator, shown: Sequence[Button]) -> str:
    """Say how to answer the question on screen: tap one of its letters, or its answer."""
    # Long options are answered by letter buttons, short ones by buttons that show them.
    letters = [
        button.label for button in shown if len(button.label) == 1 and button.label in LETTERS
    ]
    if not letters:
        return t.gettext(TAP_AN_ANSWER)
    return t.gettext(TAP_A_LETTER).format(letters=t.alternatives(letters))


def on_screen(turn: Turn, action: str) -> bool:
    """Tell whether the learner still sees the question that buttons of `action` answer.

    It is on screen when the last buttons shown answer it, or are only ▶ Continue back to it (a
    short reply just under it: "👍", "a guess is fine"). After the menu, the lessons or another
    screen, a letter typed must not answer it blind, nor a short question be read as an answer.
    """
    actions = {named for shown in turn.shown if (named := action_of(shown))}
    return action in actions or actions <= {Resume.action}


async def answer(turn: Turn, chosen: AnswerQuiz) -> None:
    """Record a quiz answer, explain it, and move on (or close the quiz).

    An item already answered in the current attempt gets the feedback of its stored answer
    again, with the same buttons: the reply to a tap may never have reached the learner (a
    crash after the answer was stored), so a second tap, or the same tap delivered again,
    must show it rather than refuse. The first answer counts, whichever option is tapped.
    """
    state = turn.state
    if not (isinstance(state, Answering) and state.item == chosen.item):
        await _answered_already(turn, chosen)
        return
    found = chosen_item(turn, state.lesson, chosen.item, chosen.option)
    if found is None:
        await screens.stale_button(turn)
        return
    lesson, item = found
    option = chosen.option
    learner = turn.learner
    attempt = await current_attempt(turn, lesson.id) or 0
    correct = option == item.correct
    # Stored first and looked up only when it was there already: the state moves past an item
    # in the same unit of work that stores its answer, so that is rare, and the usual answer
    # is spared a statement.
    given = Answer(learner.id, lesson.id, item.id, option, correct, "quiz", attempt, turn.now)
    if not await turn.repo(ANSWERS).record(given):
        await _answered_already(turn, chosen)
        return
    today = await learned_once_today(turn, state.counted_on)
    first_today = state.counted_on != today
    await remember(turn, lesson.id, item.id, correct=correct, first_today=first_today)
    following = lesson.item_id_at((lesson.item_position(item.id) or 0) + 1)
    if following is not None:
        turn.go(Answering(lesson.id, following, attempt, today))
        await _say_outcome(turn, lesson, item, option, attempt)
        return
    score = await turn.repo(ANSWERS).attempt_score(learner.id, lesson.id, attempt)
    await turn.repo(PROGRESS).finish_quiz(learner.id, lesson.id, score, turn.now)
    # The lesson the summary offers next is where the menu's ▶ Continue goes too.
    offered = await _say_outcome(turn, lesson, item, option, attempt, score=score)
    turn.go(Idle(offered.id if offered else None))


async def _answered_already(turn: Turn, chosen: AnswerQuiz) -> None:
    """Show the stored outcome of an item answered in the current attempt, else say it is done."""
    if not await _show_stored_answer(turn, chosen):
        t = turn.t
        turn.say(t.gettext("You already answered this question."), rows(screens.continue_button(t)))


async def _show_stored_answer(turn: Turn, chosen: AnswerQuiz) -> bool:
    """Show the outcome of an item answered in the current attempt; False when it is not."""
    # An item of the quiz the learner is taking is that quiz's, though another lesson may have an
    # item of the same id; a button left on screen from another quiz is that item's latest answer.
    state = turn.state
    taking = (
        turn.course.lesson(turn.language, state.lesson) if isinstance(state, Answering) else None
    )
    lesson_id = taking.id if taking and taking.item(chosen.item) else None
    stored = await turn.repo(ANSWERS).last_quiz_answer(turn.learner.id, chosen.item, lesson_id)
    if stored is None:
        return False
    attempt = await current_attempt(turn, stored.lesson_id)
    found = chosen_item(turn, stored.lesson_id, stored.item_id, stored.chosen)
    if attempt != stored.attempt or found is None:
        return False
    lesson, item = found
    note = (
        turn.t.gettext("You already answered this question; your first answer counts.")
        if chosen.option != stored.chosen
        else None
    )
    await _say_outcome(turn, lesson, item, stored.chosen, stored.attempt, note)
    return True


async def shown_order(turn: Turn, lesson: Lesson, item: QuizItem) -> tuple[int, ...]:
    """Return the order in which the learner sees an item's options in their current attempt."""
    attempt = await current_attempt(turn, lesson.id) or 0
    return option_order(turn.learner.id, lesson.id, item.id, attempt, len(item.options))


async def current_attempt(turn: Turn, lesson_id: str) -> int | None:
    """Return the learner's attempt at a lesson's quiz: the state's, else the stored one."""
    state = turn.state
    if isinstance(state, Answering) and state.lesson == lesson_id and state.attempt >= 0:
        return state.attempt
    progress = await turn.repo(PROGRESS).of_lesson(turn.learner.id, lesson_id)
    return progress.quiz_attempts if progress else None


async def _say_outcome(
    turn: Turn,
    lesson: Lesson,
    item: QuizItem,
    option: int,
    attempt: int,
    note: str | None = None,
    score: int | None = None,
) -> Lesson | None:
    """Explain an answer, then offer the next question or sum up the quiz (its next lesson)."""
    t = turn.t
    text = feedback(t, quiz_header(t, lesson, item), item, option)
    if note:
        text = f"{note}\n\n{text}"
    listen = listen_feedback_button(t, item, option)
    if lesson.item_id_at((lesson.item_position(item.id) or 0) + 1) is not None:
        turn.say(text, ((next_button(t), listen),), replace=True)
        return None
    turn.say(text, ((listen,),), replace=True)
    # The answer that ends the quiz counted its score already; a tap on an old button did not.
    if score is None:
        score = await turn.repo(ANSWERS).attempt_score(turn.learner.id, lesson.id, attempt)
    offered = await say_summary(turn, lesson, score)
    await offer_check_out(turn)
    return offered


def next_button(t: Translator) -> Button:
    """Return the one button under an answer's feedback, to the next question."""
    return button(t.gettext("Next ▶"), Resume())


async def say_summary(turn: Turn, lesson: Lesson, score: int) -> Lesson | None:
    """Say how the quiz went, with the ways on; return the next lesson it offers, if any."""
    t = turn.t
    total = len(lesson.quiz)
    lines = [
        t.ngettext(
            "Quiz done: {score} out of {total} question right.",
            "Quiz done: {score} out of {total} questions right.",
            total,
        ).format(score=score, total=total)
    ]
    # Under half right, the advice is to read the cards again: its button comes first.
    reread = None
    if score == total:
        lines.append(t.gettext("Perfect! Well done."))
    elif score * 4 >= total * 3:
        lines += [t.gettext("Good work!"), comeback_promise(turn, total - score)]
    elif score * 2 >= total:
        # Half right was "Good work!": praise that said nothing of what went well.
        lines += [t.gettext("A good start."), comeback_promise(turn, total - score)]
    else:
        lines += [
            t.gettext("Keep going! Read the cards again, then try once more."),
            comeback_promise(turn, total - score),
        ]
        reread = button(t.gettext("📖 Read the cards again"), ShowCard(lesson.id, 0))
    end = await lesson_end(turn, lesson.id)
    lines += end.lines
    # The next lesson not done yet: after a quiz taken again, the one that follows may be done.
    next_lesson = await screens.upcoming_lesson(turn, after=lesson.id)
    opens_next = next_lesson and OpenLesson(next_lesson.id).pack()
    buttons = [
        reread,
        *end.buttons,
        # After the last lesson, the end of the course already points to the first not done.
        button(
            t.gettext("▶ Next lesson: {title}").format(title=next_lesson.title),
            OpenLesson(next_lesson.id),
        )
        if next_lesson and all(b.data != opens_next for b in end.buttons)
        else None,
        button(t.gettext("🔁 Try the quiz again"), StartQuiz(lesson.id)),
        screens.menu_button(t),
    ]
    turn.say("\n".join(lines), rows(*buttons))
    return next_lesson
