"""Progress that means something: done and mastered lessons, milestones, the picture, the
certificate; the learning flows through the whole engine on in-memory stores."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from bot.core.engine import Tutor
from bot.core.replies import Document, Picture
from bot.features.progress import picture
from bot.i18n import Translator
from tests.conftest import Clock
from tests.support.buttons import data
from tests.support.chat import Chat
from tests.support.learning import fixture_course, learning_tutor, translators
from tests.support.memory import MemoryUnits

FIRST, SECOND, LAST = "basics/what-is-ai", "basics/everyday-ai", "safety/private-data"
en: Translator = translators()["en"]


@pytest.fixture
def units() -> MemoryUnits:
    return MemoryUnits()


@pytest.fixture
def tutor(units: MemoryUnits, clock: Clock) -> Tutor:
    return learning_tutor(units, clock)


def title(lesson_id: str) -> str:
    lesson = fixture_course().lesson("en", lesson_id)
    assert lesson is not None
    return lesson.title


async def take_quiz(chat: Chat, lesson_id: str, right: int | None = None) -> None:
    """Take a lesson's quiz: the first `right` items right (all by default), the others wrong."""
    lesson = fixture_course().lesson("en", lesson_id)
    assert lesson is not None
    await chat.press_data(data("quiz.start", lesson_id))
    for number, item in enumerate(lesson.quiz):
        correct = right is None or number < right
        await chat.answer(item.correct if correct else (item.correct + 1) % len(item.options))
        if number + 1 < len(lesson.quiz):
            await chat.press(en.gettext("Next ▶"))


COURSE_DONE = en.gettext("🏆 You finished every lesson of the course. Congratulations!")


def module_done(module: str) -> str:
    return en.gettext("🎉 You finished every lesson of “{module}”. Well done!").format(
        module=module
    )


async def test_the_last_lesson_with_one_right_answer_does_not_finish_the_course(
    tutor: Tutor,
) -> None:
    chat = Chat(tutor)
    await chat.command("start")
    await take_quiz(chat, LAST, right=1)
    assert COURSE_DONE not in chat.text
    assert "Congratulations" not in chat.text
    assert (
        en.ngettext(
            "This was the last lesson. {count} lesson is not finished yet.",
            "This was the last lesson. {count} lessons are not finished yet.",
            2,
        ).format(count=2)
        in chat.text
    )
    first = chat.button(en.gettext("▶ Not finished: {title}").format(title=title(FIRST)))
    assert first.data == data("lessons.open", FIRST)
    # Once only: not again as the next lesson.
    assert [b.data for b in chat.buttons].count(data("lessons.open", FIRST)) == 1
    assert "certificate.get" not in [b.data.split(":")[1] for b in chat.buttons]


async def test_a_module_is_celebrated_once_and_the_course_when_every_lesson_is_done(
    tutor: Tutor,
) -> None:
    chat = Chat(tutor)
    await chat.command("start")
    await take_quiz(chat, LAST)
    assert module_done("Stay safe") in chat.text
    assert COURSE_DONE not in chat.text
    await take_quiz(chat, LAST)
    assert module_done("Stay safe") not in chat.text
    await take_quiz(chat, FIRST)
    assert "🎉" not in chat.text
    await take_quiz(chat, SECOND)
    assert module_done("Discover AI") in chat.text
    assert COURSE_DONE in chat.text
    assert chat.button_with_action("certificate.get").label == en.gettext("🎓 Get my certificate")
    await take_quiz(chat, SECOND)
    assert COURSE_DONE not in chat.text
    assert module_done("Discover AI") not in chat.text
    # Still no certificate made: it is offered again.
    assert chat.button_with_action("certificate.get")


async def test_every_lesson_done_but_too_few_mastered_offers_the_closest_quizzes_again(
    tutor: Tutor,
) -> None:
    chat = Chat(tutor)
    await chat.command("start")
    await take_quiz(chat, SECOND, right=0)
    await take_quiz(chat, FIRST, right=1)
    await take_quiz(chat, LAST)
    # Done, all three; mastered, one: the closest first, the mastered one not offered.
    assert COURSE_DONE in chat.text
    closest = [
        (f"📝 {title(lesson_id)}", data("quiz.start", lesson_id)) for lesson_id in (FIRST, SECOND)
    ]
    assert [(b.label, b.data) for b in chat.buttons if b.label.startswith("📝 ")] == closest
    await chat.command("certificate")
    assert en.gettext("These lessons are nearly mastered: take their quiz again.") in chat.text
    assert [(b.label, b.data) for b in chat.buttons][:2] == closest


async def test_a_miss_put_right_in_a_review_masters_the_lesson(tutor: Tutor, clock: Clock) -> None:
    chat = Chat(tutor)
    await chat.command("start")
    await take_quiz(chat, FIRST, right=2)  # 2 of 3: below 80 %
    assert en.gettext("⭐ You mastered this lesson.") not in chat.text
    await chat.command("progress")
    mastered = en.ngettext(
        "Lessons mastered ({percent} right): {count}",
        "Lessons mastered ({percent} right): {count}",
        0,
    )
    assert mastered.format(percent=en.percent(0.8), count=0) in chat.text
    clock.advance(days=1)
    await chat.command("review")
    missed = fixture_course().lesson("en", FIRST)
    assert missed is not None
    await chat.answer(missed.quiz[2].correct)
    await chat.command("progress")
    assert mastered.format(percent=en.percent(0.8), count=1) in chat.text
    assert "⭐ " + title(FIRST) in chat.text


async def test_progress_sends_a_picture_and_the_right_numbers(tutor: Tutor, clock: Clock) -> None:
    chat = Chat(tutor)
    await chat.command("start")
    await take_quiz(chat, FIRST)
    clock.advance(days=1)
    await take_quiz(chat, LAST, right=1)
    await chat.command("progress")
    [shown] = [reply for reply in chat.replies if isinstance(reply, Picture)]
    image = Image.open(io.BytesIO(shown.content))
    image.verify()
    assert (image.format, image.size) == ("PNG", picture.size(2))
    assert picture.size(2) == (900, 190 + 2 * 120 + 80)
    lines = chat.text.splitlines()
    assert (
        en.ngettext(
            "Lessons done: {done} of {total} lesson", "Lessons done: {done} of {total} lessons", 3
        ).format(done=2, total=3)
        in lines
    )
    assert (
        en.ngettext(
            "Lessons mastered ({percent} right): {count}",
            "Lessons mastered ({percent} right): {count}",
            1,
        ).format(percent=en.percent(0.8), count=1)
        in lines
    )
    streak = en.ngettext("Learning streak: {count} day", "Learning streak: {count} days", 2)
    assert any(line.startswith("🔥 " + streak.format(count=2)) for line in lines)
    # On Friday, Wednesday and Thursday missed in one week: the streak is over, the best stays.
    clock.advance(days=3)
    await chat.command("progress")
    over = en.ngettext("Learning streak: {count} day", "Learning streak: {count} days", 0)
    best = en.ngettext("best: {count} day", "best: {count} days", 2).format(count=2)
    assert f"🔥 {over.format(count=0)} · {best}" in chat.text


async def test_a_name_ending_in_a_full_stop_gets_one_full_stop_after_it(tutor: Tutor) -> None:
    chat = Chat(tutor)
    await chat.command("start")
    for lesson_id in (FIRST, SECOND, LAST):
        await take_quiz(chat, lesson_id)
    await chat.command("certificate")
    await chat.say("Olena K.")
    await chat.press_data(chat.button_with_action("certificate.ok").data)

    assert "Olena K. " in chat.text
    assert "Olena K.." not in chat.text


async def test_a_certificate_asks_for_the_name_and_sends_a_pdf_and_a_preview(
    tutor: Tutor, units: MemoryUnits
) -> None:
    chat = Chat(tutor, first_name="Zoë")
    await chat.command("start")
    await chat.command("certificate")
    assert "certificate.first" not in [b.data.split(":")[1] for b in chat.buttons]
    for lesson_id in (FIRST, SECOND, LAST):
        await take_quiz(chat, lesson_id)
    await chat.press_data(chat.button_with_action("certificate.get").data)
    assert chat.button_with_action("certificate.first").label == en.gettext("Use “{name}”").format(
        name="Zoë"
    )
    await chat.say("R2-D2")
    assert (
        en.gettext(
            "Please use only letters, spaces, hyphens, apostrophes and full stops, "
            "for example: Marie-Claire D'Hondt."
        )
        in chat.text
    )
    await chat.say("je m'appelle zoë van den broeck")
    assert "\n\nZoë Van Den Broeck\n\n" in chat.text
    assert not units.tables.certificates  # not before the learner says the name is right
    await chat.say("Zoë Van den Broeck")
    assert "\n\nZoë Van den Broeck\n\n" in chat.text
    await chat.press_data(chat.button_with_action("certificate.ok").data)
    assert [type(reply) for reply in chat.replies[1:3]] == [Picture, Document]
    assert (
        en.gettext("🎓 Here is your certificate, {name}. Congratulations!").format(
            name="Zoë Van den Broeck"
        )
        in chat.text
    )
    [document] = [reply for reply in chat.replies if isinstance(reply, Document)]
    assert document.content.startswith(b"%PDF")
    [(_, _, certificate)] = units.tables.certificates
    assert (certificate.name, certificate.revoked_at) == ("Zoë Van den Broeck", None)
    assert "certificate.get" not in [b.data.split(":")[1] for b in chat.buttons]
    # What the learner types next is a question again, not a name.
    assert units.tables.conversations[1].current.flow != "certificate.naming"

    await chat.command("mydata")
    line = en.gettext("• Certificate {code}… of {date}, in the name of {name}")
    assert (
        line.format(
            code=certificate.code_prefix,
            date=en.date(certificate.issued_at),
            name="Zoë Van den Broeck",
        )
        in chat.text
    )
    [export] = [reply for reply in chat.replies if isinstance(reply, Document)]
    exported = json.loads(export.content)
    assert exported["certificates"][0]["name"] == "Zoë Van den Broeck"
    assert exported["streak"]["days"] == 1
    milestones = {m["milestone"] for m in exported["milestones"]}
    assert milestones == {"module:basics", "module:safety", "course"}

    # A second certificate replaces the first, whose code then reads as revoked.
    await chat.command("certificate")
    await chat.press_data(data("certificate.first"))
    first, second = (c for _, _, c in units.tables.certificates)
    assert first.revoked_at is not None
    assert (second.name, second.revoked_at) == ("Zoë", None)


async def test_cards_of_one_lesson_read_on_two_days_count_both_days(
    tutor: Tutor, clock: Clock
) -> None:
    chat = Chat(tutor)
    await chat.command("start")
    await chat.press_data(data("lessons.open", FIRST))
    await chat.press(en.gettext("Next ▶"))  # the same day: already counted, already started
    clock.advance(days=1)
    await chat.press(en.gettext("Next ▶"))  # the next day, in the same lesson: counted again
    await chat.command("progress")

    streak = en.ngettext("Learning streak: {count} day", "Learning streak: {count} days", 2)
    assert any(line.startswith("🔥 " + streak.format(count=2)) for line in chat.text.splitlines())


async def test_a_quiz_left_overnight_counts_the_new_day_when_its_next_answer_comes(
    tutor: Tutor, units: MemoryUnits, clock: Clock
) -> None:
    lesson = fixture_course().lesson("en", FIRST)
    assert lesson is not None
    chat = Chat(tutor, language_code="en")
    await chat.command("start")
    await chat.press_data(data("quiz.start", FIRST))
    await chat.answer(lesson.quiz[0].correct)
    [learner] = units.tables.streaks
    assert (units.tables.streaks[learner].days, units.tables.reminders[learner].usual_hour) == (
        1,
        10,  # 09:00 UTC is 10:00 in Brussels
    )

    # Later the same day: the day already counted, and the usual hour stays that of the day.
    clock.advance(hours=8)
    await chat.press(en.gettext("Next ▶"))
    await chat.answer(lesson.quiz[1].correct)
    assert (units.tables.streaks[learner].days, units.tables.reminders[learner].usual_hour) == (
        1,
        10,
    )

    # The next afternoon, the same quiz goes on and the new day counts.
    clock.advance(hours=20)
    await chat.press(en.gettext("Next ▶"))
    await chat.answer(lesson.quiz[2].correct)
    assert units.tables.streaks[learner].days == 2
    assert units.tables.reminders[learner].usual_hour == 14  # the median of 10, 18 and 14


async def test_a_quiz_with_under_half_right_shows_its_lesson_worth_going_over(
    tutor: Tutor,
) -> None:
    chat = Chat(tutor)
    await chat.command("start")
    await take_quiz(chat, LAST, right=0)
    await chat.command("progress")
    lesson = fixture_course().lesson("en", LAST)
    assert lesson is not None
    # "✅ 0/3" read as a lesson passed.
    assert f"🔁 {lesson.title}: 0/{len(lesson.quiz)}" in chat.text
    assert f"✅ {lesson.title}" not in chat.text
