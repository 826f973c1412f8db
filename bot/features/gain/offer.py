"""Where other screens offer the checks: first greeting, last lesson, menu and /progress.

The menu, the quiz and the progress screen import this module, so it imports none of their flows.
"""

from __future__ import annotations

from bot.core.replies import Button
from bot.core.router import Turn, button
from bot.features.gain.buttons import SkipCheck, StartCheck
from bot.features.gain.ports import CHECK_IN, CHECK_OUT, CHECKS, CheckResult
from bot.features.progress.ports import PROGRESS
from bot.i18n import Translator


async def offer_check_in(turn: Turn) -> None:
    """Offer the check-in once, to a learner who just arrived, when their language has one."""
    if not turn.course.check_form(turn.language, CHECK_IN):
        return
    checks = turn.repo(CHECKS)
    if await checks.result(turn.learner.id, CHECK_IN) is not None:
        return
    await checks.offer(turn.learner.id, CHECK_IN, turn.now)
    t = turn.t
    text = t.gettext(
        "Before you start: 10 quick questions to see what you already know (3 minutes). "
        "It is not a test."
    )
    turn.say(text, _start_or_skip(t, CHECK_IN))


async def offer_check_out(turn: Turn) -> None:
    """Offer the check-out once, when the learner has just done every lesson."""
    if not turn.course.check_form(turn.language, CHECK_OUT) or not await every_lesson_done(turn):
        return
    checks = turn.repo(CHECKS)
    if await checks.result(turn.learner.id, CHECK_OUT) is not None:
        return
    await checks.offer(turn.learner.id, CHECK_OUT, turn.now)
    t = turn.t
    text = t.gettext(
        "One last thing: 10 quick questions to see how much you learned (3 minutes). "
        "It is not a test."
    )
    turn.say(text, _start_or_skip(t, CHECK_OUT))


def _start_or_skip(t: Translator, form: str) -> tuple[tuple[Button, ...], ...]:
    return (
        (
            button(t.gettext("📝 Answer the 10 questions"), StartCheck(form)),
            button(t.gettext("Skip"), SkipCheck(form)),
        ),
    )


async def menu_button(turn: Turn) -> Button | None:
    """Return the menu's way into the check-in: once offered, until it or a lesson is done."""
    if not turn.course.check_form(turn.language, CHECK_IN):
        return None
    result = await turn.repo(CHECKS).result(turn.learner.id, CHECK_IN)
    if result is None or finished(result) or await lessons_done(turn):
        return None
    return button(turn.t.gettext("🧭 What do I already know? (10 questions)"), StartCheck(CHECK_IN))


async def progress_part(turn: Turn) -> tuple[list[str], Button | None]:
    """Return the lines /progress shows about the checks, and its way into the check-out."""
    t = turn.t
    if not turn.course.checks.get(turn.language):
        return [], None
    checks = turn.repo(CHECKS)
    before = await checks.result(turn.learner.id, CHECK_IN)
    after = await checks.result(turn.learner.id, CHECK_OUT)
    lines = [
        label.format(score=result.score, total=result.total)
        for label, result in (
            (t.gettext("🧭 At the start: {score}/{total}"), before),
            (t.gettext("🏁 At the end: {score}/{total}"), after),
        )
        if result is not None and result.finished
    ]
    open_check_out = (
        turn.course.check_form(turn.language, CHECK_OUT)
        and not finished(after)
        and await every_lesson_done(turn)
    )
    way_in = button(t.gettext("🏁 Final check (10 questions)"), StartCheck(CHECK_OUT))
    return lines, way_in if open_check_out else None


async def every_lesson_done(turn: Turn) -> bool:
    """Tell whether the learner has done every lesson of the course in their language."""
    order = turn.course.lesson_order(turn.language)
    return bool(order) and set(order) <= await lessons_done(turn)


async def lessons_done(turn: Turn) -> set[str]:
    """Return the ids of the lessons the learner has done."""
    progress = await turn.repo(PROGRESS).all(turn.learner.id)
    return {p.lesson_id for p in progress if p.completed_at is not None}


def finished(result: CheckResult | None) -> bool:
    """Tell whether a form's result is there and finished."""
    return result is not None and result.finished
