"""Listen to cards, questions, explanations and answers; have every card read aloud; /listen."""

from __future__ import annotations

from bot.core.replies import Button
from bot.core.router import Turn, button, rows
from bot.course.model import Lesson, QuizItem
from bot.features.lessons.buttons import Resume
from bot.features.lessons.flows import Reading
from bot.features.menu import flows as screens
from bot.features.quiz.flows import Answering, shown_order
from bot.features.quiz.ports import ANSWERS
from bot.features.voice.buttons import (
    ListenAnswer,
    ListenCard,
    ListenFeedback,
    ListenQuestion,
    ReadAloud,
)
from bot.features.voice.ports import VOICE
from bot.features.voice.readings import (
    card_voice,
    feedback_reading,
    question_reading,
    reads_aloud,
    voice,
)
from bot.i18n import Translator


async def listen_card(turn: Turn, chosen: ListenCard) -> None:
    """Read a card aloud."""
    lesson = turn.course.lesson(turn.language, chosen.lesson)
    if lesson is None or chosen.card >= len(lesson.cards):
        await screens.stale_button(turn)
        return
    turn.add(card_voice(turn, lesson, chosen.card))


async def listen_question(turn: Turn, chosen: ListenQuestion) -> None:
    """Read a quiz question aloud, its options lettered in the order the learner sees them."""
    found = await lesson_with_item(turn, chosen.item)
    if found is None:
        await screens.stale_button(turn)
        return
    lesson, item = found
    order = await shown_order(turn, lesson, item)
    turn.add(voice(turn, question_reading(turn.t, lesson, item, order)))


async def listen_feedback(turn: Turn, chosen: ListenFeedback) -> None:
    """Read aloud the explanation of an answer."""
    found = await lesson_with_item(turn, chosen.item)
    if found is None or chosen.option >= len(found[1].options):
        await screens.stale_button(turn)
        return
    turn.add(voice(turn, feedback_reading(turn.t, found[1], chosen.option)))


async def listen_answer(turn: Turn, chosen: ListenAnswer) -> None:
    """Read aloud an answer to a free question, while it is kept (a day)."""
    kept = await turn.repo(VOICE).answer(turn.learner.id, chosen.answer, turn.now)
    if kept is None:
        t = turn.t
        turn.say(
            t.gettext("I no longer have this answer. Please ask your question again."),
            rows(screens.menu_button(t)),
        )
        return
    turn.add(voice(turn, kept.text, kept.language))


async def listen(turn: Turn, _: object = None) -> None:
    """Read aloud where the learner is (a card, a quiz question), and offer to read every card."""
    t = turn.t
    state = turn.state
    lesson = turn.course.lesson(turn.language, turn.lesson_id) if turn.lesson_id else None
    if isinstance(state, Reading) and lesson is not None and state.card < len(lesson.cards):
        turn.add(card_voice(turn, lesson, state.card))
    elif isinstance(state, Answering) and lesson is not None and (item := lesson.item(state.item)):
        order = await shown_order(turn, lesson, item)
        turn.add(voice(turn, question_reading(t, lesson, item, order)))
    else:
        turn.say(t.gettext("Open a lesson, then tap 🔊 Listen under a card to hear it."))
    on = await reads_aloud(turn)
    state_line = (
        t.gettext("I read every card to you as it comes.")
        if on
        else t.gettext("I can also read every card to you as it comes.")
    )
    # The card's own buttons are above the audio: ▶ Continue goes on from where the learner is.
    turn.say(
        state_line,
        rows(screens.way_back(turn, t), read_aloud_button(t, on=on), screens.menu_button(t)),
    )


async def switch_read_aloud(turn: Turn, chosen: ReadAloud) -> None:
    """Turn reading every card aloud on or off."""
    if chosen.choice not in ("on", "off"):
        await screens.stale_button(turn)
        return
    t = turn.t
    on = chosen.choice == "on"
    await turn.repo(VOICE).set_read_aloud(turn.learner.id, on, turn.now)
    text = (
        t.gettext("Done. I will read every card to you. Turn it off with /listen.")
        if on
        else t.gettext("Done. I will not read the cards to you any more.")
    )
    again = button(t.gettext("▶ Continue"), Resume()) if turn.lesson_id else None
    turn.say(text, rows(again, screens.menu_button(t)), replace=True)


def read_aloud_button(t: Translator, *, on: bool) -> Button:
    """Return the button that turns reading every card aloud off (when on) or on."""
    if on:
        return button(t.gettext("🔇 Stop reading the cards to me"), ReadAloud("off"))
    return button(t.gettext("🔊 Read every card to me"), ReadAloud("on"))


async def lesson_with_item(turn: Turn, item_id: str) -> tuple[Lesson, QuizItem] | None:
    """Return the lesson of a quiz item: the current one, else where it was last answered.

    Item ids are unique within a lesson only, and a button cannot carry both ids (64 bytes).
    """
    stored = await turn.repo(ANSWERS).last_quiz_answer(turn.learner.id, item_id)
    for lesson_id in (turn.lesson_id, stored.lesson_id if stored else None):
        lesson = turn.course.lesson(turn.language, lesson_id) if lesson_id else None
        if lesson is not None and (item := lesson.item(item_id)) is not None:
            return lesson, item
    return None
