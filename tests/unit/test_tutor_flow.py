"""Every step of the learning flow, through the tutor core, in all three languages."""

from __future__ import annotations

import json

import pytest

from bot.app import App
from bot.core.events import Command, Text
from bot.core.ports import LEARNERS
from bot.core.replies import Document, Message
from bot.features.answers.ports import QUESTIONS
from tests.conftest import Clock
from tests.support.buttons import action_of, data
from tests.support.chat import Chat, already_claimed
from tests.support.trainers import in_a_group

LANGUAGES = ["fr", "nl", "en"]
FIRST_LESSON = "basics/what-is-ai"


def actions(chat: Chat) -> list[str]:
    return [action_of(b.data) for b in chat.buttons]  # type: ignore[union-attr]


def english(app: App, message: str) -> str:
    return app.services.translators["en"].gettext(message)


def translated(app: App, language: str, message: str) -> str:
    return app.services.translators[language].gettext(message)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_first_contact_greets_in_client_language_with_privacy_notice(
    app: App, language: str
) -> None:
    chat = Chat(app.tutor, language_code=f"{language}-BE")
    await chat.command("start")
    assert "/mydata" in chat.text
    assert "/forget" in chat.text
    assert translated(app, language, "What would you like to do?") in chat.text
    assert {"lessons.open", "lessons.mods", "progress.show", "menu.langs", "menu.help"} <= set(
        actions(chat)
    )
    first_title = app.services.course.lesson(language, FIRST_LESSON).title  # type: ignore[union-attr]
    assert first_title in chat.button_with_action("lessons.open").label
    # Two lines first; the whole notice, with what /forget leaves, one tap away.
    misuse = translated(
        app,
        language,
        "• To stop misuse, I count for one day how many of your questions go to the AI model, "
        "and how many wrong group codes you type. I keep only these numbers, not your words or "
        "your name. /forget does not delete them.",
    )
    assert misuse not in chat.text
    assert "/privacy" in chat.text
    await chat.command("privacy")
    assert misuse in chat.text
    assert (
        translated(
            app,
            language,
            "• I keep your last questions for 30 minutes, without personal details, to understand "
            "your next question.",
        )
        in chat.text
    )


async def test_unknown_client_language_is_asked_in_all_three_languages(app: App) -> None:
    chat = Chat(app.tutor, language_code="de")
    await chat.command("start")
    assert actions(chat) == ["menu.lang", "menu.lang", "menu.lang"]
    for language in LANGUAGES:
        assert translated(app, language, "Which language do you want?") in chat.text
    # Any other event before a choice brings the question back, and nothing breaks.
    await chat.say("مرحبا")
    assert actions(chat) == ["menu.lang", "menu.lang", "menu.lang"]
    for language in LANGUAGES:
        assert translated(app, language, "Tap one of the buttons below.") in chat.text
    await chat.command("help")
    assert actions(chat) == ["menu.lang", "menu.lang", "menu.lang"]
    assert translated(app, "en", "Tap one of the buttons below.") not in chat.text
    await chat.press_data(data("menu.lang", "nl"))
    assert translated(app, "nl", "What would you like to do?") in chat.text


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("Nederlands", "nl"),
        ("🇧🇪 Français", "fr"),
        ("en français svp", "fr"),
        ("English please", "en"),
        ("vlaams", "nl"),
        ("NL", "nl"),
        ("bonjour", "fr"),
        ("hallo", "nl"),
        ("hi", "en"),
        ("ik wil Nederlands leren", "nl"),
    ],
)
async def test_a_newcomer_who_types_a_language_or_a_greeting_gets_that_language(
    app: App, typed: str, language: str
) -> None:
    chat = Chat(app.tutor, language_code="ar")
    await chat.command("start")
    await chat.say(typed)
    assert translated(app, language, "Welcome! I am your AI tutor.") in chat.text
    change = "I will speak English with you. To change that, tap 🌐 Language in the menu."
    assert translated(app, language, change) in chat.text
    assert translated(app, language, "What would you like to do?") in chat.text
    assert "menu.langs" in actions(chat)
    # Only the choice is answered: a name or a greeting asks nothing more.
    assert translated(app, language, "Hello! 👋 Nice to see you.") not in chat.text
    await chat.command("help")
    assert translated(app, language, "How it works:") in chat.text


async def test_a_newcomers_first_question_sets_the_language_and_is_answered(app: App) -> None:
    chat = Chat(app.tutor, language_code=None)
    await chat.command("start")
    await chat.say("c'est quoi un chatbot ?")
    assert translated(app, "fr", "Welcome! I am your AI tutor.") in chat.text
    assert translated(app, "fr", "What would you like to do?") in chat.text
    chatbot = next(t for t in app.services.course.glossary["fr"] if t.term == "chatbot")
    assert chatbot.definition in chat.text


@pytest.mark.parametrize("typed", ["hello", "merci", "Dutch or French?", "ok", "chatgpt", "👍"])
async def test_a_newcomers_words_that_fit_several_languages_bring_the_buttons_back(
    app: App, typed: str
) -> None:
    chat = Chat(app.tutor, language_code="tr")
    await chat.command("start")
    await chat.say(typed)
    assert actions(chat) == ["menu.lang", "menu.lang", "menu.lang"]
    assert translated(app, "nl", "Tap one of the buttons below.") in chat.text


@pytest.mark.parametrize("language", LANGUAGES)
async def test_whole_lesson_then_quiz_then_summary(app: App, language: str) -> None:
    course = app.services.course
    lesson = course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    chat = Chat(app.tutor, language_code=language)
    await chat.command("start")
    await chat.press_data(chat.button_with_action("lessons.open").data)
    for index, card in enumerate(lesson.cards):
        assert card.body in chat.text
        assert f"{index + 1}/{len(lesson.cards)}" in chat.text
        if index + 1 < len(lesson.cards):
            await chat.press_data(data("lessons.card", lesson.id, index + 1))
    assert "quiz.start" in actions(chat)
    await chat.press_data(chat.button_with_action("quiz.start").data)
    for index, item in enumerate(lesson.quiz):
        assert chat.question.question == item.question
        wrong_first = index == 0
        option = (item.correct + 1) % len(item.options) if wrong_first else item.correct
        await chat.answer(option)
        assert item.explanations[option] in chat.text
        if wrong_first:
            # The right option's explanation opens with "Yes."/"Oui."/"Ja.": only its text shows.
            assert item.options[item.correct] in chat.text
            assert item.explanations[item.correct] not in chat.text
        if index + 1 < len(lesson.quiz):
            await chat.press_data(chat.button_with_action("lessons.resume").data)
    total = len(lesson.quiz)
    t = app.services.translators[language]
    summary = t.ngettext(
        "Quiz done: {score} out of {total} question right.",
        "Quiz done: {score} out of {total} questions right.",
        total,
    )
    assert summary.format(score=total - 1, total=total) in chat.text
    next_id = course.next_lesson_id(language, lesson.id)
    assert next_id is not None
    assert chat.button_with_action("lessons.open").data == data("lessons.open", next_id)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_back_button_and_menu_navigation(app: App, language: str) -> None:
    chat = Chat(app.tutor, language_code=language)
    await chat.command("start")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 2))
    assert "3/" in chat.text
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    assert "2/" in chat.text
    # "Next ▶" keeps the first place on every card; "◀ Back" follows it.
    assert [b.data for b in chat.buttons[:2]] == [
        data("lessons.card", FIRST_LESSON, 2),
        data("lessons.card", FIRST_LESSON, 0),
    ]
    await chat.press_data(data("lessons.mods"))
    modules = app.services.course.modules[language]
    assert len([a for a in actions(chat) if a == "lessons.mod"]) == len(modules)
    await chat.press_data(data("lessons.mod", modules[0].id))
    assert actions(chat).count("lessons.open") == len(modules[0].lesson_ids)
    await chat.press_data(data("menu.show"))
    resume = chat.button_with_action("lessons.resume")
    await chat.press_data(resume.data)
    assert "2/" in chat.text


@pytest.mark.parametrize("language", LANGUAGES)
async def test_progress_shows_done_lessons_and_scores(app: App, language: str) -> None:
    chat = Chat(app.tutor, language_code=language)
    await chat.command("start")
    await finish_quiz(chat, app, language, FIRST_LESSON, all_right=True)
    await chat.command("progress")
    lesson = app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    assert lesson.title in chat.text
    assert f"{len(lesson.quiz)}/{len(lesson.quiz)}" in chat.text
    total = len(app.services.course.lesson_order(language))
    t = app.services.translators[language]
    done = t.ngettext(
        "Lessons done: {done} of {total} lesson", "Lessons done: {done} of {total} lessons", total
    )
    assert done.format(done=1, total=total) in chat.text
    percent = t.percent(1.0)
    assert percent in chat.text


async def finish_quiz(
    chat: Chat, app: App, language: str, lesson_id: str, *, all_right: bool
) -> None:
    lesson = app.services.course.lesson(language, lesson_id)
    assert lesson is not None
    await chat.press_data(data("quiz.start", lesson_id))
    for index, item in enumerate(lesson.quiz):
        option = item.correct if all_right else (item.correct + 1) % len(item.options)
        await chat.answer(option)
        if index + 1 < len(lesson.quiz):
            await chat.press_data(data("lessons.resume"))


async def test_language_switch_at_any_time(app: App) -> None:
    chat = Chat(app.tutor, language_code="en")
    await chat.command("start")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.command("language")
    assert actions(chat) == ["menu.lang", "menu.lang", "menu.lang"]
    await chat.press_data(data("menu.lang", "fr"))
    assert translated(app, "fr", "What would you like to do?") in chat.text
    assert translated(app, "fr", "Done. I will speak English with you.") in chat.text
    await chat.press_data(data("menu.lang", "fr"))
    assert translated(app, "fr", "I already speak English with you.") in chat.text
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    french = app.services.course.lesson("fr", FIRST_LESSON)
    assert french is not None
    assert french.cards[1].body in chat.text


async def test_help_lists_commands(app: App) -> None:
    chat = Chat(app.tutor)
    await chat.command("start")
    await chat.command("help")
    for command in ("/lessons", "/quiz", "/progress", "/language", "/mydata", "/forget"):
        assert command in chat.text


async def test_unknown_command_gets_help(app: App) -> None:
    chat = Chat(app.tutor)
    await chat.command("start")
    await chat.command("frobnicate")
    assert english(app, "I do not know that command. Here is what I can do.") in chat.text
    assert "/progress" in chat.text


@pytest.mark.parametrize(
    ("typed", "meant"), [("certifcaet", "certificate"), ("sttngs", "settings")]
)
async def test_a_command_mistyped_twice_gets_the_one_meant(
    app: App, typed: str, meant: str
) -> None:
    chat = Chat(app.tutor, language_code="fr")
    await chat.command("start")
    await chat.command(typed)
    assert chat.text == f"Je ne connais pas /{typed}. Vouliez-vous dire /{meant} ?"
    # A tap away: it was the menu alone, and the command had to be typed again.
    assert chat.buttons[0].label == f"/{meant}"
    await chat.press(f"/{meant}")
    typed_right = Chat(app.tutor, user="learner-2", language_code="fr")
    await typed_right.command("start")
    await typed_right.command(meant)
    assert chat.text == typed_right.text


async def test_the_command_meant_is_only_run_for_those_who_may_use_it(app: App) -> None:
    # A forged button naming a trainer's command: not a learner's to run.
    chat = Chat(app.tutor)
    await chat.command("start")
    await chat.press_data(data("menu.command", "report"))
    assert english(app, "This button is no longer active. Here is the menu.") in chat.text


async def test_a_command_whose_word_has_one_slip_is_that_word(app: App) -> None:
    # "/progess" is read as its word, one letter off "progress": what a learner typing it wants.
    chat = Chat(app.tutor, language_code="fr")
    await chat.command("start")
    await chat.command("progess")
    assert chat.text.startswith("📊 Vos progrès")


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("progres", "📊 Your progress"),
        ("langue", "Which language do you want?"),
        ("lessen", "Choose a topic:"),
    ],
)
async def test_a_command_in_the_words_of_another_language_does_what_it_says(
    app: App, typed: str, shown: str
) -> None:
    chat = Chat(app.tutor, language_code="fr")
    await chat.command("start")
    await chat.command(typed)
    assert translated(app, "fr", shown) in chat.text


@pytest.mark.parametrize(
    "data",
    [
        "v0:card:basics/what-is-ai:1",  # old version
        "v2:lessons.card:basics/no-such-lesson:0",  # lesson gone
        "v2:lessons.card:basics/what-is-ai:99",  # card gone
        "v2:quiz.ans:basics/what-is-ai:0:9",  # option out of range
        "v2:nope",  # unknown action
        "v2:lessons.card:basics/what-is-ai",  # wrong arity
        "garbage;DROP TABLE learners",  # forged
        "",
    ],
)
async def test_stale_or_forged_buttons_get_a_polite_answer(app: App, data: str) -> None:
    chat = Chat(app.tutor)
    await chat.command("start")
    await chat.press_data(data)
    assert english(app, "This button is no longer active. Here is the menu.") in chat.text
    assert "lessons.mods" in actions(chat)


async def test_double_tap_on_an_answer_is_recorded_once(app: App) -> None:
    chat = Chat(app.tutor)
    await chat.command("start")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    answer = chat.option_data(0)
    first = await chat.press_data(answer)
    assert await chat.press_data(answer) == first
    await chat.command("mydata")
    export = next(r for r in chat.replies if isinstance(r, Document))
    assert len(json.loads(export.content)["quiz_answers"]) == 1


@pytest.mark.parametrize(
    "kind", ["sticker", "photo", "voice", "document", "location", "contact", "poll"]
)
async def test_unsupported_messages_get_a_kind_reply(app: App, kind: str) -> None:
    chat = Chat(app.tutor, language_code="nl")
    await chat.command("start")
    await chat.unsupported(kind)
    assert len(chat.replies) == 1
    assert isinstance(chat.replies[0], Message)
    assert chat.replies[0].text
    assert "menu.show" in actions(chat)


async def test_very_long_text_asks_for_a_short_question(app: App) -> None:
    chat = Chat(app.tutor)
    await chat.command("start")
    await chat.say("AI " * 1400)
    assert (
        english(
            app, "That is a long message. Please ask one short question, in one or two sentences."
        )
        in chat.text
    )
    assert "lessons.resume" not in actions(chat)  # nowhere to go back to yet
    # In a lesson, the way back to the card is there: only the menu was.
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.unsupported("sticker")
    assert "lessons.resume" in actions(chat)
    await chat.say("AI " * 1400)
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert "2/" in chat.text


async def test_a_practice_prompt_may_carry_a_pasted_job_offer(app: App) -> None:
    chat = Chat(app.tutor, user="pasted-offer")
    await chat.command("start")
    await chat.press_data(data("practice.task", "jobs-explain-offer"))
    offer = "Warehouse worker in Liège. You prepare orders and load trucks. " * 25
    prompt = "Explain this job offer in simple words and list the skills it asks for. " + offer
    assert 1000 < len(prompt) < 4096
    await chat.say(prompt)
    assert "📝" in chat.text
    too_long = "That is a long message. Please ask one short question, in one or two sentences."
    assert english(app, too_long) not in chat.text


async def test_lone_surrogates_a_client_sends_are_dropped(app: App) -> None:
    chat = Chat(app.tutor, first_name="Am\udc00ina")
    await chat.command("start")
    await in_a_group(app, chat)
    # About AI but not in the course: kept for the group's trainer, so stored.
    await chat.say("What colour is the logo\ud83d of ChatGPT?")
    assert english(app, "🤔 I am not sure my lessons answer that. The closest I have:") in chat.text
    async with app.tutor.units() as uow:
        learner = await uow.get(LEARNERS).find(chat.channel, chat.user)
        assert learner is not None
        kept = await uow.get(QUESTIONS).export(learner.id)
    assert [question["text"] for question in kept] == ["What colour is the logo of ChatGPT?"]


async def test_missed_questions_come_back_for_review_the_next_day(app: App, clock: Clock) -> None:
    chat = Chat(app.tutor)
    await chat.command("start")
    await finish_quiz(chat, app, "en", FIRST_LESSON, all_right=False)
    await chat.command("quiz")
    # Nothing is due yet, and the next lesson is not opened yet: no quiz on unread cards.
    assert "review.next" not in actions(chat)
    assert english(app, "No questions to review now. Choose a lesson to take its quiz.") in (
        chat.text
    )
    assert "📝" not in chat.text
    clock.advance(days=1, minutes=1)
    await chat.command("start")
    lesson = app.services.course.lesson("en", FIRST_LESSON)
    assert lesson is not None
    review_button = chat.button_with_action("review.next")
    assert str(len(lesson.quiz)) in review_button.label
    await chat.press_data(review_button.data)
    for _ in lesson.quiz:
        item = next(i for i in lesson.quiz if i.question == chat.question.question)
        await chat.answer(item.correct)
        await chat.press_data(data("review.next"))
    assert english(app, "Review done. Nothing else to review for now.") in chat.text
    # Right answers move the items to the next box: three days later, not tomorrow.
    clock.advance(days=1)
    await chat.command("start")
    assert "review.next" not in actions(chat)
    clock.advance(days=2, minutes=1)
    await chat.command("start")
    assert "review.next" in actions(chat)


async def test_mydata_sends_readable_summary_and_json(app: App) -> None:
    chat = Chat(app.tutor, first_name="Amina", last_name="Benali")
    await chat.command("start")
    await finish_quiz(chat, app, "en", FIRST_LESSON, all_right=True)
    await chat.command("mydata")
    assert "Amina B." in chat.text
    export = next(r for r in chat.replies if isinstance(r, Document))
    data = json.loads(export.content)
    assert data["learner"]["display_name"] == "Amina B."
    assert data["lessons"][0]["lesson_id"] == FIRST_LESSON
    assert len(data["quiz_answers"]) == len(app.services.course.lesson("en", FIRST_LESSON).quiz)  # type: ignore[union-attr]
    assert "Benali" not in export.content.decode()


async def test_forget_asks_then_deletes_everything(app: App) -> None:
    chat = Chat(app.tutor)
    await chat.command("start")
    await finish_quiz(chat, app, "en", FIRST_LESSON, all_right=False)
    await chat.command("forget")
    await chat.press_data(data("privacy.forget", "no"))
    await chat.command("progress")
    assert "🔁" in chat.text  # the lesson is still there, its quiz all wrong
    await chat.command("forget")
    yes = data("privacy.forget", "yes")
    await chat.press_data(yes)
    assert (
        english(
            app,
            "Done. I deleted all your data. If you write to me again, we start from the beginning.",
        )
        in chat.text
    )
    # The old confirmation button does not recreate the learner.
    await chat.press_data(yes)
    assert english(app, "This button is no longer active. Send /start to begin.") in chat.text
    async with app.database.session() as session:
        from sqlalchemy import text

        tables = ("learners", "lesson_progress", "quiz_answers", "review_cards", "review_reminders")
        for table in tables:
            count = await session.scalar(text(f"SELECT count(*) FROM {table}"))
            assert count == 0, table


async def practising(app: App) -> Chat:
    """Return a new learner who started the first prompt-practice task."""
    chat = Chat(app.tutor)
    await chat.command("start")
    await chat.command("practice")
    await chat.press_data(chat.button_with_action("practice.mod").data)
    await chat.press_data(chat.button_with_action("practice.task").data)
    return chat


async def test_the_menu_leaves_prompt_practice_so_the_next_text_is_a_question(app: App) -> None:
    chat = await practising(app)
    await chat.press_data(data("menu.show"))
    await chat.say("what is a deepfake")
    assert data("lessons.open", "verify/deepfakes") in [b.data for b in chat.buttons]


async def test_a_question_delivered_again_after_its_answer_was_lost_is_answered_again(
    app: App,
) -> None:
    chat = Chat(app.tutor)
    await chat.command("start")
    first = await chat.say("what is a deepfake")

    again = await app.tutor.handle(chat.sender, Text("what is a deepfake"), claim=already_claimed)

    assert again == first
    assert data("lessons.open", "verify/deepfakes") in [b.data for b in chat.buttons]


async def test_start_delivered_again_after_its_menu_was_lost_shows_the_menu(app: App) -> None:
    chat = Chat(app.tutor)
    await chat.command("start")
    menu = await chat.command("start")

    assert await app.tutor.handle(chat.sender, Command("start"), claim=already_claimed) == menu


async def test_a_prompt_delivered_again_in_practice_gets_no_second_feedback(app: App) -> None:
    chat = await practising(app)
    attempt = "Write a short cover letter for a cashier job in Namur, friendly tone, 150 words"
    assert await chat.say(attempt)

    again = await app.tutor.handle(chat.sender, Text(attempt), claim=already_claimed)

    assert again == []


async def test_a_newcomer_is_not_told_the_default_hour_is_when_they_usually_learn(
    app: App,
) -> None:
    chat = Chat(app.tutor, user="newcomer")
    await chat.command("start")

    await chat.command("settings")

    assert "🔔 Review reminders: on, at about 18:00." in chat.text
    assert "usually learn" not in chat.text


@pytest.mark.parametrize(
    ("language", "typed", "under_the_hours"),
    [
        ("nl", "zet de herinneringen uit", False),
        ("nl", "nee, liever geen herinneringen", False),
        ("fr", "arrête de m'envoyer des rappels tous les jours svp", False),
        ("en", "turn off the reminders", False),
        ("nl", "uit", True),  # one word is enough under the hours
    ],
)
async def test_reminders_are_turned_off_in_words(
    app: App, language: str, typed: str, under_the_hours: bool
) -> None:
    chat = Chat(app.tutor, user=f"off-{language}-{under_the_hours}", language_code=language)
    await chat.command("start")
    if under_the_hours:
        await chat.command("settings")
        await chat.press_data(data("settings.hours"))
    # They got the settings, a card or "See you soon!", and the reminders stayed on.
    await chat.say(typed)
    assert data("settings.rem", "on") in {b.data for b in chat.buttons}


async def test_an_hour_typed_under_the_reminder_hours_is_the_one_tapped(app: App) -> None:
    chat = Chat(app.tutor, user="hours", language_code="nl")
    await chat.command("start")
    await chat.command("settings")
    reminders_at = translated(app, "nl", "🔔 Review reminders: on, at about {time}.")
    await chat.press_data(data("settings.hours"))
    await chat.say("om 19u")
    assert reminders_at.format(time="19:00") in chat.text

    await chat.press_data(data("settings.hours"))
    await chat.say("23h")  # in the quiet hours
    too_late = "I do not send reminders at {time}: it is too late. "
    refused = translated(app, "nl", too_late + "Please choose an hour from {first} to {last}.")
    assert refused.format(time="23:00", first="08:00", last="20:00") in chat.text
    assert "settings.hour" in actions(chat)
    await chat.say("7 pm")
    assert reminders_at.format(time="19:00") in chat.text
    # Early is said early, and the minutes typed are the ones said.
    await chat.press_data(data("settings.hours"))
    await chat.say("6u30")
    too_early = "I do not send reminders at {time}: it is too early. "
    refused = translated(app, "nl", too_early + "Please choose an hour from {first} to {last}.")
    assert refused.format(time="06:30", first="08:00", last="20:00") in chat.text
    await chat.say("19u")

    # A part of the day counts; minutes are said to be left out, not silently.
    await chat.press_data(data("settings.hours"))
    await chat.say("8 uur 's avonds")
    assert reminders_at.format(time="20:00") in chat.text
    await chat.press_data(data("settings.hours"))
    await chat.say("20u30")
    on_the_hour = translated(app, "nl", "Reminders come on the hour: I chose {time}.")
    assert on_the_hour.format(time="20:00") in chat.text
    assert reminders_at.format(time="20:00") in chat.text

    # A time that cannot be read keeps the hours, with a word on how to type one.
    await chat.press_data(data("settings.hours"))
    await chat.say("25h")
    unread = "I did not understand that time. Tap an hour, or type it like 19:00."
    assert translated(app, "nl", unread) in chat.text
    assert "settings.hour" in actions(chat)

    # Anything else is a question, and leaves the hours: a later "8u" is no hour.
    await chat.press_data(data("settings.hours"))
    await chat.say("wat is een chatbot")
    chatbot = next(t for t in app.services.course.glossary["nl"] if t.term == "chatbot")
    assert chatbot.definition in chat.text
    await chat.say("8u")
    assert reminders_at.format(time="08:00") not in chat.text


@pytest.mark.parametrize(
    ("language", "typed", "time"),
    [
        ("en", "put the reminder at 7 in the evening please", "19:00"),
        ("fr", "mets le rappel à sept heures du soir svp", "19:00"),
        ("nl", "zet mijn herinnering om 8u s avonds aub", "20:00"),
        # Asked to be reminded at a time, and of nothing else: the hour stayed.
        ("fr", "rappelle-moi à 13h", "13:00"),
        ("nl", "herinner me morgen om 19u", "19:00"),
        ("en", "remind me at 6 pm", "18:00"),
    ],
)
async def test_the_reminder_hour_asked_in_a_sentence_is_set(
    app: App, language: str, typed: str, time: str
) -> None:
    chat = Chat(app.tutor, user=f"hour-said-{language}", language_code=language)
    await chat.command("start")
    await chat.command("settings")
    await chat.press_data(data("settings.rem", "off"))

    # It got what reminders are, and the settings, with reminders still off.
    await chat.say(typed)

    reminders_at = translated(app, language, "🔔 Review reminders: on, at about {time}.")
    assert reminders_at.format(time=time) in chat.text


async def test_a_time_among_other_words_under_the_reminder_hours_is_the_one_meant(
    app: App,
) -> None:
    chat = Chat(app.tutor, user="hour-among-words", language_code="fr")
    await chat.command("start")
    await chat.command("settings")
    await chat.press_data(data("settings.hours"))

    # It was answered as a question outside the course, and the hours were gone.
    await chat.say("sept heure du matin je me lève tôt")

    too_early = "I do not send reminders at {time}: it is too early. "
    refused = translated(app, "fr", too_early + "Please choose an hour from {first} to {last}.")
    assert refused.format(time="07:00", first="08:00", last="20:00") in chat.text
    assert "settings.hour" in actions(chat)


async def test_another_reminder_with_a_time_is_not_the_reviews_hour(app: App) -> None:
    chat = Chat(app.tutor, user="hour-other", language_code="fr")
    await chat.command("start")

    await chat.say("un rappel de mon rendez-vous chez le docteur à 15h")

    reminders_at = translated(app, "fr", "🔔 Review reminders: on, at about {time}.")
    assert reminders_at.format(time="15:00") not in chat.text


async def test_continue_from_the_reminder_hours_goes_back_to_the_card_being_read(app: App) -> None:
    chat = Chat(app.tutor, user="hours-continue", language_code="en")
    await chat.command("start")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 2))
    await chat.command("settings")
    await chat.press_data(data("settings.hours"))
    await chat.say("thanks")
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert "3/" in chat.text


@pytest.mark.parametrize("leave", ["practice.stop", "menu.show"])
async def test_practice_after_a_prompt_leads_back_to_the_card_being_read(
    app: App, leave: str
) -> None:
    chat = Chat(app.tutor, user=f"practice-{leave}", language_code="nl")
    await chat.command("start")
    await chat.press_data(data("lessons.card", "jobs/cover-letter", 2))
    await chat.command("practice")
    await chat.press_data(chat.button_with_action("practice.task").data)
    await chat.say("Schrijf een korte sollicitatiebrief voor een job als kok, in vijf zinnen.")
    await chat.press_data(data(leave))

    await chat.command("menu")
    title = app.services.course.lesson("nl", "jobs/cover-letter").title  # type: ignore[union-attr]
    assert title in chat.button_with_action("lessons.resume").label
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert f"{title} · 3/" in chat.text
    await chat.press_data(data("lessons.open", "jobs/cover-letter"))
    assert f"{title} · 3/" in chat.text


async def finish_first_lesson(app: App, chat: Chat, language: str) -> None:
    """Take the first lesson's quiz to its end, every answer right."""
    lesson = app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    await chat.command("start")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    for index, item in enumerate(lesson.quiz):
        await chat.answer(item.correct)
        if index + 1 < len(lesson.quiz):
            await chat.press_data(chat.button_with_action("lessons.resume").data)


@pytest.mark.parametrize("aside", [None, "start"])
@pytest.mark.parametrize(
    ("language", "typed"),
    [("nl", "volgende les"), ("fr", "leçon suivante"), ("en", "Next lesson"), ("en", "next")],
)
async def test_the_next_lesson_typed_at_the_end_of_a_quiz_is_the_one_offered(
    app: App, language: str, typed: str, aside: str | None
) -> None:
    chat = Chat(app.tutor, user=f"next-{language}-{typed}-{aside}", language_code=language)
    await finish_first_lesson(app, chat, language)
    following = app.services.course.next_lesson_id(language, FIRST_LESSON)
    assert chat.button_with_action("lessons.open").data == data("lessons.open", following)
    title = app.services.course.lesson(language, following).title  # type: ignore[arg-type,union-attr]
    if aside:
        # The end screen is gone: the words go to small talk, which reads them as the button.
        await chat.command(aside)

    await chat.say(typed)
    assert f"📖 {title} · 1/" in chat.text
    await chat.command("menu")
    assert title in chat.button_with_action("lessons.resume").label


@pytest.mark.parametrize("typed", ["Open de les", "📖 Open de les", "open de LES!"])
async def test_a_buttons_words_typed_under_an_answer_do_what_it_does(app: App, typed: str) -> None:
    chat = Chat(app.tutor, user="typed-open", language_code="nl")
    await chat.command("start")
    await chat.say("zal ai mijn job als magazijnier overnemen")
    lesson_id = chat.button("Open de les").data.rsplit(":", 1)[-1]
    title = app.services.course.lesson("nl", lesson_id).title  # type: ignore[union-attr]

    await chat.say(typed)
    assert f"📖 {title} · 1/" in chat.text


async def test_deleting_ones_data_needs_a_tap_even_when_its_words_are_typed(app: App) -> None:
    chat = Chat(app.tutor, user="typed-forget", language_code="nl")
    await chat.command("start")
    await chat.command("forget")
    await chat.say(translated(app, "nl", "Yes, delete everything"))
    assert actions(chat) == ["privacy.forget", "privacy.forget"]
    await chat.command("progress")
    assert translated(app, "nl", "I keep no data about you. Send /start to begin.") not in chat.text


async def test_typing_no_with_a_reason_keeps_ones_data(app: App) -> None:
    # "nee, laat maar staan" got "please tap your answer" twice; a bare "nee" was needed.
    chat = Chat(app.tutor, user="typed-keep", language_code="nl")
    await chat.command("start")
    await chat.command("forget")
    await chat.say("wacht, wat verlies ik dan juist? ook die herhalingen?")
    assert "herhalingen" in chat.text.lower()
    await chat.say("nee, laat maar staan")
    assert translated(app, "nl", "OK, I keep your data. Nothing was deleted.") in chat.text
    await chat.command("progress")
    assert translated(app, "nl", "I keep no data about you. Send /start to begin.") not in chat.text


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("nl", "zet het voorlezen uit"),
        ("nl", "da voorlezen mag af, da stoort op kantoor"),
        ("fr", "arrête de lire à voix haute"),
        ("en", "stop reading the cards aloud please"),
    ],
)
async def test_asking_to_stop_reading_aloud_turns_it_off(
    app: App, language: str, typed: str
) -> None:
    # "zet het voorlezen uit" read a card aloud and said every card is read as it comes.
    chat = Chat(app.tutor, user=f"aloud-{language}", language_code=language)
    await chat.command("start")
    await chat.command("settings")
    await chat.press(translated(app, language, "🔊 Read every card to me"))
    await chat.say(typed)
    assert (
        translated(app, language, "Done. I will not read the cards to you any more.") in chat.text
    )
    await chat.command("settings")
    assert translated(app, language, "🔊 Every card read aloud: off.") in chat.text


async def test_reading_every_card_aloud_is_a_setting(app: App) -> None:
    # Found only through /listen before: a reader with poor eyesight looked for it in ⚙️.
    chat = Chat(app.tutor)
    await chat.command("start")
    await chat.command("settings")
    assert english(app, "🔊 Every card read aloud: off.") in chat.text
    await chat.press("🔊 Read every card to me")
    await chat.command("settings")
    assert english(app, "🔊 Every card read aloud: on.") in chat.text
    assert chat.button("🔇 Stop reading the cards to me")
