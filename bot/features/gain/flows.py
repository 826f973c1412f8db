"""The check-in and check-out: ten questions, answered without feedback, then the score.

The check measures, so an answer is only acknowledged; the score comes at the end, and after the
check-out next to the check-in's. Every answer is stored once per item: an answer tapped again,
or delivered again, shows what the first one showed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import Final

from bot.core.router import Turn, button, rows
from bot.core.state import FlowState
from bot.course.model import CheckItem
from bot.features.gain import offer
from bot.features.gain.buttons import AnswerCheck, SkipCheck, StartCheck
from bot.features.gain.ports import CHECK_IN, CHECKS, CheckAnswer, CheckResult
from bot.features.lessons.buttons import ShowModule
from bot.features.menu import flows as screens
from bot.features.quiz import flows as quiz
from bot.features.quiz.in_words import choose_named
from bot.features.quiz.order import option_order
from bot.i18n import Translator

# After the final check, at most this many topics of missed questions are offered to go over.
TOPICS_TO_GO_OVER: Final = 3


@dataclass(frozen=True)
class Checking(FlowState):
    """Taking the check-in or the check-out, on one of its items."""

    flow = "gain.checking"
    # Left when the learner goes to the menu, whose check button goes on where they left it.
    captures_text = True
    form: str = ""
    item: str = ""


async def start(turn: Turn, chosen: StartCheck) -> None:
    """Start a check, go on where the learner left it, or show its result."""
    items = turn.course.check_form(turn.language, chosen.form)
    if not items:
        await screens.stale_button(turn)
        return
    result = await turn.repo(CHECKS).result(turn.learner.id, chosen.form)
    if result is not None and result.finished:
        await _say_result(turn, result, _missed(items, await _answers(turn, chosen.form)))
    elif await _is_open(turn, chosen.form):
        await _go_on(turn, items, await _answers(turn, chosen.form))
    else:
        await _say_closed(turn, chosen.form)


async def skip(turn: Turn, chosen: SkipCheck) -> None:
    """Take a no for an offered check, and show the menu."""
    if not turn.course.check_form(turn.language, chosen.form):
        await screens.stale_button(turn)
        return
    await turn.repo(CHECKS).skip(turn.learner.id, chosen.form, turn.now)
    t = turn.t
    text = (
        t.gettext(
            "No problem. You can answer these questions later from the menu, until you finish "
            "your first lesson."
        )
        if chosen.form == CHECK_IN
        else t.gettext(
            "No problem. You can answer these questions later from /progress if you change "
            "your mind."
        )
    )
    turn.say(text, replace=True)
    await screens.main_menu(turn)


async def answer(turn: Turn, chosen: AnswerCheck) -> None:
    """Keep the first answer to an item, acknowledge it, and ask the next one or sum up."""
    items = turn.course.check_form(turn.language, chosen.form)
    item = _item(items, chosen.item)
    if item is None or chosen.option >= len(item.options):
        await screens.stale_button(turn)
        return
    answers = await _answers(turn, chosen.form)
    given = answers.get(item.id)
    if given is None:
        if not await _is_open(turn, chosen.form):
            await _say_closed(turn, chosen.form)
            return
        given = CheckAnswer(
            turn.learner.id,
            chosen.form,
            item.id,
            chosen.option,
            chosen.option == item.correct,
            turn.now,
        )
        await turn.repo(CHECKS).record(given)
        answers[item.id] = given
    t = turn.t
    acknowledged = t.gettext("✔ Answer saved: {option}").format(option=item.options[given.chosen])
    text = "\n\n".join([_header(t, items, item), item.question, acknowledged])
    turn.say(text, replace=True)
    await _go_on(turn, items, answers)


async def go_on(turn: Turn, state: Checking) -> None:
    """Ask the check's question again, or the next one, as its menu button would."""
    await start(turn, StartCheck(state.form))


async def answer_in_words(turn: Turn, text: str) -> bool:
    """Answer the check's question on screen when the text names one of its options."""
    state = turn.state
    if not isinstance(state, Checking) or not quiz.on_screen(turn, AnswerCheck.action):
        return False
    item = _item(turn.course.check_form(turn.language, state.form), state.item)
    if item is None:
        return False
    return await choose_named(
        turn,
        text,
        item,
        _order(turn, item),
        lambda option: answer(turn, AnswerCheck(item.form, item.id, option)),
    )


def _item(items: tuple[CheckItem, ...], item_id: str) -> CheckItem | None:
    return next((item for item in items if item.id == item_id), None)


async def _answers(turn: Turn, form: str) -> dict[str, CheckAnswer]:
    return {a.item_id: a for a in await turn.repo(CHECKS).answers(turn.learner.id, form)}


async def _go_on(turn: Turn, items: tuple[CheckItem, ...], answers: dict[str, CheckAnswer]) -> None:
    """Ask the first item not answered yet; when there is none, keep the score and show it."""
    following = next((item for item in items if item.id not in answers), None)
    if following is not None:
        _ask(turn, items, following)
        return
    # Items of a form that changed since they were answered no longer count.
    ids = {item.id for item in items}
    score = sum(1 for a in answers.values() if a.item_id in ids and a.is_correct)
    form = items[0].form
    result = await turn.repo(CHECKS).finish(turn.learner.id, form, score, len(items), turn.now)
    await _say_result(turn, result, _missed(items, answers))


def _missed(items: tuple[CheckItem, ...], answers: dict[str, CheckAnswer]) -> tuple[str, ...]:
    """Return the modules of the items answered wrong, in the check's order, each once."""
    wrong = (
        item.module for item in items if item.id in answers and not answers[item.id].is_correct
    )
    return tuple(dict.fromkeys(wrong))


def _ask(turn: Turn, items: tuple[CheckItem, ...], item: CheckItem) -> None:
    """Show an item with its options shuffled for this learner, and no answer to give away."""
    # Entered over the learner's lesson, which the menu (or the result) goes back to.
    turn.enter(Checking(item.form, item.id))
    shown = quiz.question(
        turn.t,
        _header(turn.t, items, item),
        item,
        lambda option: AnswerCheck(item.form, item.id, option).pack(),
        _order(turn, item),
    )
    turn.add(replace(shown, explanation="", graded=False))


def _order(turn: Turn, item: CheckItem) -> tuple[int, ...]:
    # The options' order depends on the learner, the form and the item, like a quiz attempt's.
    return option_order(
        turn.learner.id, f"check-{item.form}", item.id, 1, len(item.options), "check"
    )


def _header(t: Translator, items: tuple[CheckItem, ...], item: CheckItem) -> str:
    number = next(n for n, i in enumerate(items, start=1) if i.id == item.id)
    header = (
        t.gettext("🧭 What do you already know? · {number}/{total}")
        if item.form == CHECK_IN
        else t.gettext("🏁 Final check · {number}/{total}")
    )
    return header.format(number=number, total=len(items))


async def _say_result(turn: Turn, result: CheckResult, missed: tuple[str, ...] = ()) -> None:
    """Say the score; after the check-out, next to the check-in's and what to go over; the menu."""
    t = turn.t
    score = t.ngettext(
        "You got {score} of {total} question right.",
        "You got {score} of {total} questions right.",
        result.total or 0,
    ).format(score=result.score, total=result.total)
    if result.form == CHECK_IN:
        # The path stays the same whatever the score: the promise is the comparison at the end.
        # The topics missed say where the lessons will help most ("4 of 10" alone said nothing).
        lines = [
            score,
            t.gettext(
                "Thank you! After the last lesson, 10 similar questions show you how much you "
                "learned. Let's learn together."
            ),
        ]
        heading = t.gettext("The lessons will help you most with these topics:")
        _topics(turn, lines, missed, heading)
    else:
        before = await turn.repo(CHECKS).result(turn.learner.id, CHECK_IN)
        lines = _progress_lines(t, score, before, result)
        heading = t.gettext("To go over again, the topics of the questions you missed:")
        _topics(turn, lines, missed, heading)
    await screens.main_menu(turn)


def _topics(turn: Turn, lines: list[str], missed: tuple[str, ...], heading: str) -> None:
    """Say the result with a button to each topic of the questions missed (the first few)."""
    modules = [m for m in map(partial(turn.course.module, turn.language), missed) if m]
    if modules:
        lines.append(heading)
    topics = (button(f"📖 {m.title}", ShowModule(m.id)) for m in modules[:TOPICS_TO_GO_OVER])
    turn.say("\n".join(lines), rows(*topics))


def _progress_lines(
    t: Translator, score: str, before: CheckResult | None, after: CheckResult
) -> list[str]:
    """Return the check-out's result: before and after when both are there, with a kind word."""
    if before is None or not before.finished:
        return [score, t.gettext("Well done for finishing the course!")]
    went = t.gettext("You went from {before}/{total_before} to {after}/{total}.").format(
        before=before.score, total_before=before.total, after=after.score, total=after.total
    )
    if after.out_of_ten > before.out_of_ten:
        kind = t.gettext("You know more than when you started. Well done!")
    elif after.out_of_ten == before.out_of_ten:
        kind = t.gettext("The same score as at the start. The lessons stay open whenever you like.")
    else:
        kind = t.gettext("A little lower than at the start. That happens: the lessons stay open.")
    return [went, kind]


async def _is_open(turn: Turn, form: str) -> bool:
    """Tell whether a form may be taken: the check-in before any lesson, the check-out after all."""
    if form == CHECK_IN:
        return not await offer.lessons_done(turn)
    return await offer.every_lesson_done(turn)


async def _say_closed(turn: Turn, form: str) -> None:
    t = turn.t
    turn.say(
        t.gettext("This check is for before the first lesson. There is a final check at the end.")
        if form == CHECK_IN
        else t.gettext("The final check opens when you have done every lesson.")
    )
    await screens.main_menu(turn)
