"""The check-in and check-out through the whole tutor engine, on SQLite and the real course."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from bot.app import App
from bot.core.ports import LEARNERS
from bot.core.replies import Document, Message, Question
from bot.course.model import CheckItem
from bot.features.gain.ports import CHECK_IN, CHECK_OUT
from bot.features.progress.ports import PROGRESS
from bot.features.quiz.order import option_order
from tests.support.buttons import action_of, data
from tests.support.chat import Chat

LANGUAGES = ["fr", "nl", "en"]
OFFER = (
    "Before you start: 10 quick questions to see what you already know (3 minutes). "
    "It is not a test."
)
CHECK_OUT_OFFER = (
    "One last thing: 10 quick questions to see how much you learned (3 minutes). It is not a test."
)


def actions(chat: Chat) -> list[str]:
    return [action_of(b.data) for b in chat.buttons]


def said(app: App, language: str, message: str) -> str:
    return app.services.translators[language].gettext(message)


def form(app: App, language: str, name: str) -> tuple[CheckItem, ...]:
    items = app.services.course.check_form(language, name)
    assert len(items) == 10
    return items


async def take_check(chat: Chat, items: tuple[CheckItem, ...], right: int) -> None:
    """Answer every item of a form, the first `right` ones right and the others wrong."""
    for number, item in enumerate(items):
        assert chat.question.question == item.question
        wrong = (item.correct + 1) % len(item.options)
        await chat.press_data(
            data("gain.ans", item.form, item.id, item.correct if number < right else wrong)
        )


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_new_learner_is_offered_the_check_in_once_and_skips_it_in_one_tap(
    app: App, language: str
) -> None:
    chat = Chat(app.tutor, language_code=language)
    await chat.command("start")
    # The menu first (its Start button stays the first one), then the offer.
    assert said(app, language, "What would you like to do?") in chat.text
    offer = chat.replies[-1]
    assert isinstance(offer, Message)
    assert offer.text == said(app, language, OFFER)
    assert [b.data for row in offer.keyboard for b in row] == [
        data("gain.start", CHECK_IN),
        data("gain.skip", CHECK_IN),
    ]
    await chat.press_data(data("gain.skip", CHECK_IN))
    assert isinstance(chat.replies[0], Message)
    assert chat.replies[0].replace
    assert said(app, language, "What would you like to do?") in chat.text
    # Skipped: the offer does not come back, but the menu keeps a way in.
    await chat.command("start")
    assert said(app, language, OFFER) not in chat.text
    assert "gain.start" in actions(chat)


async def test_a_learner_who_chooses_the_language_first_is_offered_the_check_in_after(
    app: App,
) -> None:
    chat = Chat(app.tutor, language_code="de")
    await chat.command("start")
    assert said(app, "nl", OFFER) not in chat.text
    await chat.press_data(data("menu.lang", "nl"))
    assert chat.text.endswith(said(app, "nl", OFFER))


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_check_in_asks_ten_questions_without_feedback_then_gives_the_score(
    app: App, language: str
) -> None:
    items = form(app, language, CHECK_IN)
    chat = Chat(app.tutor, language_code=language)
    await chat.command("start")
    await chat.press_data(data("gain.start", CHECK_IN))
    first = chat.question
    assert first.header.endswith("1/10")
    assert first.explanation == ""
    assert not first.graded
    for number, item in enumerate(items):
        question = chat.question
        # Shown in the learner's own order, with the same buttons as a quiz.
        order = option_order(1, "check-A", item.id, 1, len(item.options), "check")
        assert question.options == tuple(item.options[i] for i in order)
        await chat.press_data(
            data("gain.ans", CHECK_IN, item.id, item.correct if number < 4 else 0)
        )
        saved = chat.replies[0]
        assert isinstance(saved, Message)
        assert saved.replace
        assert item.question in saved.text
        for explanation in item.explanations:
            assert explanation not in chat.text
        assert "✅" not in chat.text
        assert "❌" not in chat.text
    t = app.services.translators[language]
    right = 4 + sum(1 for item in items[4:] if item.correct == 0)
    score = t.ngettext(
        "You got {score} of {total} question right.",
        "You got {score} of {total} questions right.",
        10,
    )
    assert score.format(score=right, total=10) in chat.text
    thanks = (
        "Thank you! After the last lesson, 10 similar questions show you how much you learned. "
        "Let's learn together."
    )
    assert said(app, language, thanks) in chat.text
    # Where the lessons will help most: the topics of the questions missed, in the check's order.
    assert said(app, language, "The lessons will help you most with these topics:") in chat.text
    missed = [item.module for item in items[4:] if item.correct != 0]
    topics = [a for a in actions(chat) if a == "lessons.mod"]
    assert len(topics) == min(len(dict.fromkeys(missed)), 3)
    assert said(app, language, "What would you like to do?") in chat.text
    # Done: the menu no longer offers it, and its button shows the result again.
    assert "gain.start" not in actions(chat)
    await chat.press_data(data("gain.start", CHECK_IN))
    assert score.format(score=right, total=10) in chat.text


async def test_an_answer_tapped_again_counts_once_and_shows_the_same(app: App) -> None:
    items = form(app, "en", CHECK_IN)
    chat = Chat(app.tutor)
    await chat.command("start")
    await chat.press_data(data("gain.start", CHECK_IN))
    tap = data("gain.ans", CHECK_IN, items[0].id, items[0].correct)
    first = await chat.press_data(tap)
    assert await chat.press_data(tap) == first
    # Another option of the same item: the first answer stays.
    other = data("gain.ans", CHECK_IN, items[0].id, (items[0].correct + 1) % 4)
    assert await chat.press_data(other) == first
    await chat.command("mydata")
    export = next(r for r in chat.replies if isinstance(r, Document))
    [check] = json.loads(export.content)["checks"]
    assert check["form"] == CHECK_IN
    assert [a["correct"] for a in check["answers"]] == [True]


@pytest.mark.parametrize(
    ("language", "typed"), [("fr", "je pense que c'est la b"), ("nl", "b"), ("en", "B.")]
)
async def test_a_typed_letter_answers_the_check_question_on_screen(
    app: App, language: str, typed: str
) -> None:
    items = form(app, language, CHECK_IN)
    chat = Chat(app.tutor, language_code=language)
    await chat.command("start")
    await chat.press_data(data("gain.start", CHECK_IN))
    second = int(chat.question.answer_data[1].rsplit(":", 1)[-1])
    await chat.say(typed)
    saved = said(app, language, "✔ Answer saved: {option}")
    assert saved.format(option=items[0].options[second]) in chat.text
    assert chat.question.question == items[1].question


async def test_small_talk_in_the_check_continues_it_and_the_menu_leaves_it(app: App) -> None:
    items = form(app, "en", CHECK_IN)
    chat = Chat(app.tutor)
    await chat.command("start")
    await chat.press_data(data("gain.start", CHECK_IN))
    await chat.say("thanks")
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.question.question == items[0].question
    # After the menu, a letter is no answer to a question no longer on screen.
    await chat.command("menu")
    await chat.say("b")
    assert said(app, "en", "✔ Answer saved: {option}").split("{")[0] not in chat.text
    # The menu's check button goes on where the learner left it.
    await chat.press_data(data("gain.start", CHECK_IN))
    assert chat.question.question == items[0].question


async def test_the_check_in_closes_once_a_lesson_is_done(app: App) -> None:
    chat = Chat(app.tutor)
    await chat.command("start")
    await chat.press_data(data("gain.skip", CHECK_IN))
    await finish_lessons(app, chat, app.services.course.lesson_order("en")[:1])
    await chat.command("start")
    assert "gain.start" not in actions(chat)
    await chat.press_data(data("gain.start", CHECK_IN))
    assert (
        said(
            app,
            "en",
            "This check is for before the first lesson. There is a final check at the end.",
        )
        in chat.text
    )
    assert not any(isinstance(r, Question) for r in chat.replies)


async def finish_lessons(app: App, chat: Chat, lesson_ids: tuple[str, ...]) -> None:
    """Mark lessons as done, as a finished quiz does, without taking every quiz."""
    async with app.tutor.units() as uow:
        learner = await uow.get(LEARNERS).find(chat.channel, chat.user)
        assert learner is not None
        for lesson_id in lesson_ids:
            await uow.get(PROGRESS).start_lesson(learner.id, lesson_id, app.services.clock())
            await uow.get(PROGRESS).start_quiz_attempt(
                learner.id, lesson_id, 4, app.services.clock()
            )
            await uow.get(PROGRESS).finish_quiz(learner.id, lesson_id, 4, app.services.clock())


async def finish_last_quiz(app: App, chat: Chat, language: str) -> None:
    """Take the quiz of the last lesson through the tutor, all right."""
    lesson_id = app.services.course.lesson_order(language)[-1]
    lesson = app.services.course.lesson(language, lesson_id)
    assert lesson is not None
    await chat.press_data(data("quiz.start", lesson_id))
    for item in lesson.quiz:
        await chat.answer(item.correct)
        if item is not lesson.quiz[-1]:
            await chat.press_data(data("lessons.resume"))


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_check_out_after_the_last_lesson_shows_before_and_after(
    app: App, language: str
) -> None:
    chat = Chat(app.tutor, language_code=language)
    await chat.command("start")
    await chat.press_data(data("gain.start", CHECK_IN))
    await take_check(chat, form(app, language, CHECK_IN), right=4)
    await finish_lessons(app, chat, app.services.course.lesson_order(language)[:-1])
    await chat.command("progress")
    assert "gain.start" not in actions(chat)
    await finish_last_quiz(app, chat, language)
    assert chat.text.endswith(said(app, language, CHECK_OUT_OFFER))
    await chat.press_data(data("gain.start", CHECK_OUT))
    assert chat.question.header.endswith("1/10")
    await take_check(chat, form(app, language, CHECK_OUT), right=8)
    went = said(app, language, "You went from {before}/{total_before} to {after}/{total}.")
    assert went.format(before=4, total_before=10, after=8, total=10) in chat.text
    assert said(app, language, "You know more than when you started. Well done!") in chat.text
    # The two questions missed, the last two of the form: a button to each of their topics.
    missed = dict.fromkeys(item.module for item in form(app, language, CHECK_OUT)[8:])
    topics = [b.data for b in chat.buttons if action_of(b.data) == "lessons.mod"]
    assert topics == [data("lessons.mod", module) for module in missed]
    await chat.press_data(data("gain.start", CHECK_OUT))  # shown again, with the same topics
    assert [b.data for b in chat.buttons if b.data in topics] == topics
    await chat.command("progress")
    assert (
        said(app, language, "🧭 At the start: {score}/{total}").format(score=4, total=10)
        in chat.text
    )
    assert (
        said(app, language, "🏁 At the end: {score}/{total}").format(score=8, total=10) in chat.text
    )
    assert "gain.start" not in actions(chat)


async def test_a_skipped_check_out_stays_in_progress_and_forget_deletes_the_checks(
    app: App,
) -> None:
    chat = Chat(app.tutor)
    await chat.command("start")
    await chat.press_data(data("gain.skip", CHECK_IN))
    await finish_lessons(app, chat, app.services.course.lesson_order("en")[:-1])
    await finish_last_quiz(app, chat, "en")
    await chat.press_data(data("gain.skip", CHECK_OUT))
    assert (
        said(
            app,
            "en",
            "No problem. You can answer these questions later from /progress if you change "
            "your mind.",
        )
        in chat.text
    )
    await chat.command("progress")
    assert chat.button_with_action("gain.start").data == data("gain.start", CHECK_OUT)
    await chat.press_data(data("gain.start", CHECK_OUT))
    await take_check(chat, form(app, "en", CHECK_OUT), right=10)
    assert said(app, "en", "Well done for finishing the course!") in chat.text
    await chat.command("mydata")
    answers = app.services.translators["en"].ngettext(
        "• {count} answer in the start and final checks",
        "• {count} answers in the start and final checks",
        10,
    )
    assert answers.format(count=10) in chat.text
    await chat.command("forget")
    await chat.press_data(data("privacy.forget", "yes"))
    async with app.database.session() as session:
        for table in ("check_results", "check_answers"):
            assert await session.scalar(text(f"SELECT count(*) FROM {table}")) == 0, table
