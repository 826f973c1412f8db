"""Browse modules and lessons, and read a lesson card by card."""

from __future__ import annotations

from bot.adapters.db import repo
from bot.core.callbacks import encode
from bot.core.replies import Button, Keyboard
from bot.core.router import Router, Turn, rows
from bot.course.model import Lesson
from bot.features.menu import flows as screens
from bot.features.practice.flows import practice_button
from bot.features.quiz import flows as quiz
from bot.features.simpler.flows import simpler_button


async def show_modules(turn: Turn, _args: tuple[str, ...]) -> None:
    """List the modules with how many lessons of each the learner completed."""
    t = turn.t
    done = await _completed(turn)
    buttons = []
    for module in turn.course.modules.get(turn.language, ()):
        finished = sum(1 for lid in module.lesson_ids if lid in done)
        mark = "✅ " if finished == len(module.lesson_ids) else ""
        label = f"{mark}{module.title} · {finished}/{len(module.lesson_ids)}"
        buttons.append(Button(label, encode("mod", module.id)))
    turn.say(t.gettext("Choose a topic:"), rows(*buttons, screens.menu_button(t)), replace=True)


async def show_module(turn: Turn, args: tuple[str, ...]) -> None:
    """List the lessons of one module, completed ones ticked."""
    t = turn.t
    module = turn.course.module(turn.language, args[0])
    if module is None:
        await screens.stale_button(turn, ())
        return
    done = await _completed(turn)
    buttons = []
    for lesson_id in module.lesson_ids:
        lesson = turn.course.lesson(turn.language, lesson_id)
        if lesson is not None:
            mark = "✅ " if lesson_id in done else ""
            buttons.append(Button(f"{mark}{lesson.title}", encode("open", lesson_id)))
    back = Button(t.gettext("⬅ All topics"), encode("modules"))
    turn.say(f"📚 {module.title}", rows(*buttons, practice_button(t, module), back), replace=True)


async def _completed(turn: Turn) -> set[str]:
    progress = await repo.all_progress(turn.session, turn.learner.id)
    return {p.lesson_id for p in progress if p.completed_at is not None}


async def open_lesson(turn: Turn, args: tuple[str, ...]) -> None:
    """Open a lesson where the learner left it, or at its first card."""
    lesson = turn.course.lesson(turn.language, args[0])
    if lesson is None:
        await screens.stale_button(turn, ())
        return
    learner = turn.learner
    resuming = learner.mode == "lesson" and learner.lesson_id == lesson.id
    await show_card(turn, lesson, learner.card_index if resuming else 0)


async def go_to_card(turn: Turn, args: tuple[str, ...]) -> None:
    """Show the card a Next or Back button points to."""
    lesson = turn.course.lesson(turn.language, args[0])
    if lesson is None or not args[1].isdigit() or int(args[1]) >= len(lesson.cards):
        await screens.stale_button(turn, ())
        return
    await show_card(turn, lesson, int(args[1]), replace=True)


async def show_card(turn: Turn, lesson: Lesson, index: int, *, replace: bool = False) -> None:
    """Show one card with Back, Next (or Quiz on the last card) and Menu, and remember it."""
    index = min(max(index, 0), len(lesson.cards) - 1)
    await repo.start_lesson(turn.session, turn.learner.id, lesson.id, turn.now)
    await repo.set_position(
        turn.session, turn.learner.id, mode="lesson", lesson_id=lesson.id, card_index=index
    )
    card = lesson.cards[index]
    text = f"📖 {lesson.title} · {index + 1}/{len(lesson.cards)}\n\n{card.text}"
    turn.say(text, card_keyboard(turn, lesson, index), replace=replace)


def card_keyboard(turn: Turn, lesson: Lesson, index: int) -> Keyboard:
    """Return the navigation buttons under a card."""
    t = turn.t
    navigation = []
    if index > 0:
        navigation.append(Button(t.gettext("◀ Back"), encode("card", lesson.id, index - 1)))
    if index + 1 < len(lesson.cards):
        navigation.append(Button(t.gettext("Next ▶"), encode("card", lesson.id, index + 1)))
    else:
        navigation.append(Button(t.gettext("📝 Take the quiz"), encode("quiz", lesson.id)))
    return (
        tuple(navigation),
        (simpler_button(t, lesson, index),),
        (screens.menu_button(t),),
    )


async def resume(turn: Turn, _args: tuple[str, ...]) -> None:
    """Take the learner back to exactly where they were."""
    learner = turn.learner
    lesson = turn.course.lesson(turn.language, learner.lesson_id) if learner.lesson_id else None
    if learner.mode == "review":
        await quiz.next_review(turn, ())
    elif lesson is None:
        await screens.main_menu(turn, ())
    elif learner.mode == "quiz" and learner.quiz_item is not None:
        await quiz.ask(turn, lesson, learner.quiz_item)
    else:
        await show_card(turn, lesson, learner.card_index)


def register(router: Router) -> None:
    """Add the lesson browsing commands and buttons to a router."""
    router.command("lessons", show_modules)
    router.button("modules", show_modules, 0)
    router.button("mod", show_module, 1)
    router.button("open", open_lesson, 1)
    router.button("card", go_to_card, 2)
    router.button("resume", resume, 0)
