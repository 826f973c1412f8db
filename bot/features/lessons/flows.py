"""Browse modules and lessons, and read a lesson card by card."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.replies import Button, Keyboard
from bot.core.router import Turn, button, rows
from bot.core.state import FlowState
from bot.course.model import Lesson
from bot.features.lessons.buttons import OpenLesson, ShowCard, ShowModule, ShowModules
from bot.features.menu import flows as screens
from bot.features.practice.buttons import practice_button
from bot.features.progress.activity import learned_once_today
from bot.features.progress.ports import PROGRESS
from bot.features.quiz.buttons import QUIZ_NOW, StartQuiz
from bot.features.simpler.buttons import simpler_button
from bot.features.voice.buttons import listen_card_button
from bot.features.voice.readings import card_voice, reads_aloud
from bot.i18n import Translator


@dataclass(frozen=True)
class Reading(FlowState):
    """Reading a lesson, on one of its cards."""

    flow = "lessons.reading"
    lesson: str
    card: int = 0
    # The day (ISO) this lesson's reading last counted for the streak: the next card of the
    # same day skips that count and the lesson's start, which saves a tap two statements.
    counted_on: str = ""
    # Something typed was answered since the card was shown (a question, "merci"): the card is
    # no longer on screen, so a typed "verder" goes back to it rather than past it.
    aside: bool = False

    @property
    def lesson_id(self) -> str | None:
        """Return the lesson being read."""
        return self.lesson


async def show_modules(turn: Turn, _: object = None) -> None:
    """List the modules with how many lessons of each the learner completed."""
    t = turn.t
    done = await _completed(turn)
    buttons = []
    for module in turn.course.modules.get(turn.language, ()):
        finished = sum(1 for lid in module.lesson_ids if lid in done)
        mark = "✅ " if finished == len(module.lesson_ids) else ""
        label = f"{mark}{module.title} · {finished}/{len(module.lesson_ids)}"
        buttons.append(button(label, ShowModule(module.id)))
    turn.say(t.gettext("Choose a topic:"), rows(*buttons, screens.menu_button(t)), replace=True)


async def show_module(turn: Turn, chosen: ShowModule) -> None:
    """List the lessons of one module, completed ones ticked."""
    t = turn.t
    module = turn.course.module(turn.language, chosen.module)
    if module is None:
        await screens.stale_button(turn)
        return
    done = await _completed(turn)
    buttons = []
    for lesson_id in module.lesson_ids:
        lesson = turn.course.lesson(turn.language, lesson_id)
        if lesson is not None:
            mark = "✅ " if lesson_id in done else ""
            buttons.append(button(f"{mark}{lesson.title}", OpenLesson(lesson_id)))
    back = button(t.gettext("⬅ All topics"), ShowModules())
    turn.say(f"📚 {module.title}", rows(*buttons, practice_button(t, module), back), replace=True)


async def _completed(turn: Turn) -> set[str]:
    progress = await turn.repo(PROGRESS).all(turn.learner.id)
    return {p.lesson_id for p in progress if p.completed_at is not None}


async def open_lesson(turn: Turn, chosen: OpenLesson) -> None:
    """Open a lesson where the learner left it, or at its first card."""
    lesson = turn.course.lesson(turn.language, chosen.lesson)
    if lesson is None:
        await screens.stale_button(turn)
        return
    state = turn.state
    resuming = isinstance(state, Reading) and state.lesson == lesson.id
    await show_card(turn, lesson, state.card if isinstance(state, Reading) and resuming else 0)


async def go_to_card(turn: Turn, chosen: ShowCard) -> None:
    """Show the card a Next or Back button points to."""
    lesson = turn.course.lesson(turn.language, chosen.lesson)
    if lesson is None or chosen.card >= len(lesson.cards):
        await screens.stale_button(turn)
        return
    await show_card(turn, lesson, chosen.card, replace=True)


async def show_card(turn: Turn, lesson: Lesson, index: int, *, replace: bool = False) -> None:
    """Show one card with Back, Next (or Quiz on the last card) and Menu, and remember it."""
    index = min(max(index, 0), len(lesson.cards) - 1)
    reading = turn.state if isinstance(turn.state, Reading) else None
    # Only a shown card of this lesson sets Reading, in a turn that started the lesson and
    # counted the day: the state is proof enough that both are stored.
    if reading is None or reading.lesson != lesson.id:
        await turn.repo(PROGRESS).start_lesson(turn.learner.id, lesson.id, turn.now)
    today = await learned_once_today(turn, reading.counted_on if reading else "")
    turn.go(Reading(lesson.id, index, today))
    card = lesson.cards[index]
    text = f"📖 {lesson.title} · {index + 1}/{len(lesson.cards)}\n\n{card.text}"
    # Read aloud, a card comes as a new message with its voice note under it, not as an edit
    # of the message above the last voice note.
    aloud = await reads_aloud(turn)
    turn.say(text, card_keyboard(turn, lesson, index), replace=replace and not aloud)
    if aloud:
        turn.add(card_voice(turn, lesson, index))


def forward_button(t: Translator, lesson: Lesson, index: int) -> Button:
    """Return the button on from a card: the next card, or the quiz after the last one."""
    if index + 1 < len(lesson.cards):
        return button(t.gettext("Next ▶"), ShowCard(lesson.id, index + 1))
    return button(t.gettext("📝 Take the quiz"), StartQuiz(lesson.id))


def card_keyboard(turn: Turn, lesson: Lesson, index: int) -> Keyboard:
    """Return the buttons under a card: Next (or Quiz) first, Back, Simpler and Listen, Menu.

    Next keeps its place on every card, so a learner who taps it without reading the labels
    (or types 1 in the terminal) always moves on, never back.
    """
    t = turn.t
    forward = forward_button(t, lesson, index)
    back = button(t.gettext("◀ Back"), ShowCard(lesson.id, index - 1)) if index > 0 else None
    # On the first card only: someone who already knows the topic goes straight to its quiz,
    # which then tells them what to read again.
    skip = (
        button(t.gettext(QUIZ_NOW), StartQuiz(lesson.id))
        if index == 0 and len(lesson.cards) > 1
        else None
    )
    helpers = (simpler_button(t, lesson.id, index), listen_card_button(t, lesson, index))
    return (*rows(forward, back, skip), helpers, *rows(screens.menu_button(t)))
