"""Trainers and learners through the tutor core: roles, codes, cohorts, /push, /report."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.app import App, open_app
from bot.core.events import Command
from bot.core.replies import CommandMenu, Document, Picture
from bot.features.trainers.repo import SqlCohorts
from bot.features.trainers.tables import TrainerSettingsRow
from tests.conftest import Clock
from tests.support.buttons import data as button_data
from tests.support.chat import Chat, already_claimed
from tests.support.telegram import BotApi
from tests.support.trainers import (
    ADMIN_ID,
    code_in,
    cohort_with_learners,
    learners,
    new_cohort,
    new_trainer,
    on_telegram,
    person,
    statuses,
    trainer_settings,
    worker,
)

TRAINER_ONLY = "This is for trainers only."
BRUSSELS = ZoneInfo("Europe/Brussels")
FIRST_LESSON = "basics/what-is-ai"


@pytest.fixture
async def app(
    tmp_path: Path, database_url: str, clock: Clock, course_index_dir: Path
) -> AsyncIterator[App]:
    settings = trainer_settings(tmp_path, database_url, index_dir=course_index_dir)
    async with open_app(settings, clock=clock) as opened:
        yield opened


async def test_a_learner_is_refused_every_trainer_command(app: App) -> None:
    learner = await person(app, 4001)
    for command in ("trainer", "cohort", "push", "report", "scheduled"):
        await learner.command(command)
        assert TRAINER_ONLY in learner.text, command
    await learner.command("cohort", "new", "Sneaky")
    assert TRAINER_ONLY in learner.text
    for data in (
        "v2:trainers.push",
        "v2:trainers.groups",
        "v2:trainers.report",
        "v2:trainers.rcohort:1",
        "v2:trainers.pcohort:1",
        "v2:trainers.sched",
    ):
        await learner.press_data(data)
        assert TRAINER_ONLY in learner.text, data
    await learner.command("trainer_invite")
    assert "This is for administrators only." in learner.text


async def test_a_trainer_invite_works_once_and_a_trainer_cannot_invite(app: App) -> None:
    trainer = await new_trainer(app, 2001)
    await trainer.command("trainer_invite")
    assert "This is for administrators only." in trainer.text

    admin = await person(app, ADMIN_ID)
    await admin.command("trainer_invite")
    code = code_in(admin.text)
    first = await person(app, 2002)
    await first.command("join", code)
    assert "You are now a trainer" in first.text
    # The first steps are said, with the first one a tap away.
    assert "2. Share the group's link or code with your learners" in first.text
    await first.press("➕ New group")
    assert "name" in first.text.lower()
    await first.command("trainer")
    assert "Learners join a group with its link or code" in first.text
    second = await person(app, 2003)
    await second.command("join", code)
    assert "This code does not work" in second.text
    await second.command("trainer")
    assert TRAINER_ONLY in second.text


async def test_an_invite_link_delivered_again_is_not_redeemed_again(app: App) -> None:
    admin = await person(app, ADMIN_ID)
    await admin.command("trainer_invite")
    link = Command("start", (f"join-{code_in(admin.text).replace('-', '')}",))
    invited = await person(app, 2004)
    await invited.send(link)
    assert "You are now a trainer" in invited.text

    # Shown again, the link would find its invite used and say that it does not work.
    assert await app.tutor.handle(invited.sender, link, claim=already_claimed) == []


async def open_learners(trainer: Chat, group: str) -> None:
    """Open the list of a group's learners from the trainer's groups."""
    await trainer.command("cohort")
    await trainer.press(group)
    await trainer.press("Learners in the group")


async def test_a_trainer_takes_a_learner_out_of_the_group(app: App) -> None:
    owner = await new_trainer(app, 2001)
    code = await new_cohort(owner, "Evening class")
    first, second = await learners(app, code, ["en", "en"])
    await open_learners(owner, "Evening class")
    assert [b.label.split(" · ")[0] for b in owner.buttons][:2] == ["L0 B.", "L1 B."]
    await owner.press("L1 B.")
    take_out = owner.button("Take out of the group").data.removesuffix(":0") + ":1"
    await owner.press("Take out of the group")
    assert "Take L1 B. out of “Evening class”?" in owner.text
    await owner.press("No")
    assert "👤 L1 B." in owner.text

    # Another trainer's confirmation takes no one out.
    other = await new_trainer(app, 2002)
    await other.press_data(take_out)
    assert "This button is no longer active" in other.text
    await second.command("leave")
    assert "Do you want to leave the group “Evening class”?" in second.text

    await owner.press("Take out of the group")
    await owner.press("Yes, take them out")
    removed = "Done: L1 B. is no longer in “Evening class”, and they will get a message about it."
    assert removed in owner.text
    assert owner.button("New join link")
    # Told once, and only the learner taken out.
    assert await delivered_texts(app) == [
        "🚪 Your trainer took you out of the group “Evening class”. You keep your progress and "
        "can go on learning on your own. If this is a mistake, ask your trainer how to join the "
        "group again."
    ]
    await second.command("leave")
    assert "You are not in a group." in second.text
    await first.command("leave")
    assert "Do you want to leave the group “Evening class”?" in first.text
    # The same confirmation again finds them gone.
    await owner.press_data(take_out)
    assert "This learner is no longer in the group." in owner.text


async def test_a_trainer_sees_where_one_learner_is_and_which_quizzes_to_go_over(
    app: App,
) -> None:
    # "wat heeft lieve fout gehad?": the report named no one under half right, and tapping a
    # learner only offered to take them out.
    owner = await new_trainer(app, 2001)
    code = await new_cohort(owner, "Evening class")
    (learner,) = await learners(app, code, ["en"])
    await open_learners(owner, "Evening class")
    shown = owner.button("L0 B.").data
    await owner.press("L0 B.")
    assert "📚 Lessons done: 0 of 43" in owner.text
    assert "📝 No quiz taken yet." in owner.text

    lesson = app.services.course.lesson("en", FIRST_LESSON)
    assert lesson is not None
    await learner.press_data(button_data("quiz.start", lesson.id))
    for number, item in enumerate(lesson.quiz):
        right = item.correct if number % 2 else (item.correct + 1) % len(item.options)
        await learner.press_data(button_data("quiz.ans", item.id, right))
        if number + 1 < len(lesson.quiz):
            await learner.press("Next ▶")
    await owner.press("Back to the learners")
    await owner.press("L0 B.")
    assert "📚 Lessons done: 1 of 43" in owner.text
    half = len(lesson.quiz) // 2
    assert f"• “{lesson.title}”: {half}/{len(lesson.quiz)}" in owner.text

    # Another trainer's tap on the same button shows nothing of this learner, nor one made of
    # their own group and this learner.
    other = await new_trainer(app, 2002)
    await other.press_data(shown)
    assert "This button is no longer active" in other.text
    assert "L0 B." not in other.text
    await new_cohort(other, "Morning class")
    await other.command("cohort")
    await other.press("Morning class")
    own_group = other.button("Learners in the group").data.split(":")[2]
    learner_id = shown.split(":")[3]
    await other.press_data(button_data("trainers.member", own_group, learner_id))
    assert "This learner is no longer in the group." in other.text
    assert lesson.title not in other.text


async def test_a_large_group_lists_its_learners_ten_at_a_time(app: App) -> None:
    owner = await new_trainer(app, 2001)
    await learners(app, await new_cohort(owner, "Big"), ["en"] * 12)
    await open_learners(owner, "Big")
    assert len([b for b in owner.buttons if " · " in b.label]) == 10
    await owner.press("More learners")
    assert [b.label.split(" · ")[0] for b in owner.buttons if " · " in b.label] == [
        "L8 B.",
        "L9 B.",
    ]
    assert "More learners ▶" not in [b.label for b in owner.buttons]


async def test_only_a_new_link_says_that_older_links_stop(app: App) -> None:
    owner = await new_trainer(app, 2001)
    await owner.command("cohort", "new", "Evening", "class")
    assert "It works until " in owner.text
    assert "Older links" not in owner.text
    await owner.command("cohort", "link")
    assert "Please add the group's name, like this: /cohort link Bootcamp March" in owner.text
    await owner.command("cohort", "link", "Evening", "class")
    assert "Older links of this group stop now." in owner.text


async def test_a_trainer_cannot_see_or_push_to_another_trainers_cohort(app: App) -> None:
    owner = await new_trainer(app, 2001)
    await new_cohort(owner, "Owner group")
    await owner.command("cohort")
    owner_cohort = owner.button("Owner group").data.split(":")[2]
    other = await new_trainer(app, 2002)
    for data in ("tgroup", "trc", "tpc", "tcode", "tstop", "tremask", "tquietask"):
        await other.press_data(f"v2:{data}:{owner_cohort}")
        assert "This button is no longer active" in other.text, data
        assert "Owner group" not in other.text
    await other.press_data(f"v2:trainers.rem:{owner_cohort}:0")
    assert "This button is no longer active" in other.text
    await other.command("cohort", "link", "Owner", "group")
    assert "You have no group with that name." in other.text
    await other.command("push")
    assert "You have no group yet" in other.text

    # A push the owner planned cannot be cancelled by the other trainer either.
    await owner.command("cohort", "new", "Second")
    await owner.command("push")
    await owner.press("Owner group")
    await owner.press_data("v2:trainers.pkind:next")
    await owner.press_data("v2:trainers.pat:weekdays")
    await owner.press_data("v2:trainers.pgo")
    await other.press_data("v2:trainers.unsched:plan:1")
    assert "This button is no longer active" in other.text
    await owner.command("scheduled")
    assert "Monday to Friday at 09:00" in owner.text


async def test_cohort_commands_take_french_and_dutch_words_and_say_when_a_word_is_unknown(
    app: App,
) -> None:
    trainer = await new_trainer(app, 2001, "fr")
    await trainer.command("cohort", "nouveau", "Groupe", "B")
    assert "Groupe B" in trainer.text
    assert code_in(trainer.text)
    await trainer.command("cohort", "Verwijderen", "Groupe", "B")
    assert trainer.button("Oui")
    await trainer.command("cohort", "créé", "Groupe", "C")
    assert "Groupe C" in trainer.text
    await trainer.command("cohort", "ajouter", "Groupe", "D")
    assert trainer.text.startswith("Je ne connais pas « ajouter ».")


async def test_a_link_to_another_group_asks_before_moving_the_learner(app: App) -> None:
    first = await new_trainer(app, 2001)
    [learner] = await learners(app, await new_cohort(first, "Forem A"), ["en"])
    second = await new_trainer(app, 2002)
    other_code = await new_cohort(second, "VDAB B")

    await learner.command("join", other_code)
    assert "You are in the group “Forem A”. Do you want to leave it for the group “VDAB B”?" in (
        learner.text
    )
    await learner.press("No, stay")
    await first.command("cohort")
    assert first.button("Forem A").label == "Forem A · 1 learner"

    await learner.command("join", other_code)
    await learner.press("Yes, change group")
    assert "Welcome to the group “VDAB B”!" in learner.text
    assert "You left the group “Forem A”." in learner.text
    await second.command("cohort")
    assert second.button("VDAB B").label == "VDAB B · 1 learner"
    # The answer stands once: the button again changes nothing.
    await learner.press_data("v2:trainers.move:yes")
    assert "Welcome" not in learner.text


async def test_a_group_is_created_with_a_button_and_its_name_typed(app: App) -> None:
    trainer = await new_trainer(app, 2001, "nl")
    await trainer.command("cohort")
    assert "Je hebt nog geen groep" in trainer.text
    await trainer.press("➕ Nieuwe groep")
    assert "Hoe heet de nieuwe groep?" in trainer.text
    await trainer.say("Groep Gent Maart")
    assert "Groep Gent Maart" in trainer.text
    assert code_in(trainer.text)
    # The way on first: the first button stopped the link just given, tapped out of habit.
    assert [b.label for b in trainer.buttons] == [
        "⬅ Terug naar de groep",
        "🚫 De inschrijflink stoppen",
    ]
    # Gone elsewhere after the button, what is typed is no name.
    await trainer.command("cohort", "new")
    await trainer.press("🧑‍🏫 Trainersmenu")
    await trainer.say("Wat is een deepfake?")
    await trainer.command("cohort")
    assert [b.label for b in trainer.buttons if "·" in b.label] == [
        "Groep Gent Maart · 0 cursisten"
    ]


async def test_a_group_is_renamed_in_the_chat(app: App) -> None:
    trainer = await new_trainer(app, 2001)
    await new_cohort(trainer, "Group A")
    await new_cohort(trainer, "Group B")
    await trainer.command("cohort")
    await trainer.press("Group A")
    await trainer.press("✏ Rename the group")
    assert "What should the group “Group A” be called now?" in trainer.text
    await trainer.say("group b")  # another group's name, read the same
    assert "This name is not available." in trainer.text
    await trainer.say("Café Namur – March")
    assert "✅ The group is now called “Café Namur – March”." in trainer.text
    assert "👥 Café Namur – March" in trainer.text  # its screen again
    # Gone back to the group after the button, what is typed is no name.
    await trainer.press("✏ Rename the group")
    await trainer.press("⬅ Back to the group")
    await trainer.say("What is a deepfake?")
    await trainer.command("cohort")
    assert [b.label for b in trainer.buttons if "·" in b.label] == [
        "Café Namur – March · 0 learners",
        "Group B · 0 learners",
    ]


async def test_the_group_screen_shows_its_live_join_code_again(app: App) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Evening")
    await trainer.command("cohort")
    await trainer.press("Evening · 0 learners")
    # The code on the handouts, shown again rather than only replaced by a new one.
    assert f"/join {code}" in trainer.text
    await trainer.press("🚫 Stop the join link")
    await trainer.press("⬅ Back to the group")
    assert "🔗 No join link works now." in trainer.text
    assert code not in trainer.text
    assert not [b for b in trainer.buttons if b.label == "🚫 Stop the join link"]


async def test_a_trainer_asking_for_their_tools_in_words_gets_the_trainer_menu(app: App) -> None:
    trainer = await new_trainer(app, 2001, "nl")
    await trainer.say("hoe verander ik de naam van mijn groep?")
    assert trainer.button("👥 Mijn groepen")
    # Sending is what they ask for: the send starts, here with the way to a first group.
    for asked in (
        "hoe stuur ik een les naar mijn groep?",
        "comment envoyer un rappel à mes apprenants",  # not the learner's reminders
    ):
        await trainer.say(asked)
        assert trainer.button("➕ Nieuwe groep"), asked
    # To one learner, which no send does: the menu, not a send to the whole group. It got a
    # lesson card on phishing, by "bericht".
    for asked in (
        "hoe stuur ik alleen naar lieve een bericht?",
        "je veux envoyer un message à Sarah seulement",
    ):
        await trainer.say(asked)
        assert trainer.button("📤 Een les of bericht sturen")
        assert "Een bericht gaat naar de hele groep" in trainer.text
    # When sends arrive: "ils voient mes messages à quelle heure ?" showed the trainer's own data.
    for asked in (
        "ils voient mes messages à quelle heure ?",
        "hoe laat krijgen ze mijn berichten?",
        "when do my learners get my messages?",
    ):
        await trainer.say(asked)
        assert "rusturen van de groep" in trainer.text, asked
        assert trainer.button("📤 Een les of bericht sturen")
    # Singling nobody out, with no send: the menu alone.
    await trainer.say("je veux seulement voir mon groupe")
    assert trainer.button("👥 Mijn groepen")
    assert "Een bericht gaat naar de hele groep" not in trainer.text
    # Who is stuck is the report's: "I do not know what this question is about", then the menu.
    await new_cohort(trainer, "Bib Mechelen")
    await trainer.say("hoe stuur ik een les naar iedereen?")
    assert trainer.button("Bib Mechelen")
    await trainer.press("✖ Annuleren")
    for asked in (
        "qui est bloqué ?",
        "hoe zie ik wie er vastzit?",
        "wie heeft les 3 nog niet gedaan?",
        "comment je vois qui n'a rien fait ?",  # a card on predicting and creating
        "who did nothing yet?",
    ):
        await trainer.say(asked)
        assert "📊 Rapport over welke groep?" in trainer.text
        assert trainer.button("Bib Mechelen")
    # A course question from a trainer is not a question on their tools.
    for asked in (
        "What is the progress of AI in medicine?",
        "hoe stuur ik een prompt naar chatgpt?",
        "the ai didn't do what i asked",
        "pourquoi chatgpt n'a pas fini sa réponse ?",
    ):
        await trainer.say(asked)
        assert "📊 Rapport over welke groep?" not in trainer.text
        assert "/trainer" not in trainer.text
    # "the end of the course" is no request to end one: no trainer menu.
    await trainer.say("what will I know by the end of the course?")
    assert not [b for b in trainer.buttons if b.label == "👥 Mijn groepen"]
    learner = await person(app, 5001, "nl")
    await learner.say("hoe stuur ik een les naar mijn groep?")
    assert "/trainer" not in learner.text


async def test_a_trainer_asking_to_take_a_send_back_sees_the_planned_sends_and_what_is_possible(
    app: App,
) -> None:
    # "je me suis trompée de leçon, comment annuler ?" was refused as outside the course.
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Mardi matin")
    await learners(app, code, ["fr"])
    await next_lesson_every_weekday(trainer, "Mardi matin")
    take_back = (
        "Sends still planned can be cancelled below. A send already made cannot be taken back: "
        "send the right lesson now, and it is the one their menu suggests."
    )
    for asked in (
        "je me suis trompée de leçon, comment annuler ?",
        "annuler le dernier envoi",
        "hoe annuleer ik een bericht?",
        "I sent the wrong lesson to my group",
    ):
        await trainer.say(asked)
        assert take_back in trainer.text
        assert trainer.button("Cancel number 1")
    # Ending the course is on the group's screen, which the trainer menu leads to.
    await trainer.say("hoe sluit ik de cursus af?")
    assert trainer.button("My groups")
    # A learner's words are no trainer's: the tools are not theirs.
    learner = await person(app, 5101, "fr")
    await learner.say("annuler le dernier envoi")
    assert take_back not in learner.text
    assert "/trainer" not in learner.text


async def first_of_a_kind_now(trainer: Chat, group: str, kind: str) -> None:
    """Start a send to a group: this kind, its first lesson and first choice, now."""
    await trainer.command("push")
    await trainer.press(group)
    await trainer.press(kind)
    await trainer.press_data(trainer.buttons[0].data)
    await trainer.press_data(trainer.buttons[0].data)
    await trainer.press("Now")


async def test_a_send_that_reached_nobody_is_no_send_to_repeat(app: App) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Group A")
    await first_of_a_kind_now(trainer, "Group A", "A lesson")
    await trainer.press("Send")  # before anyone joined
    assert "Nobody in the group can get it." in trainer.text
    learner = await person(app, 5001)
    await learner.command("join", code)
    await first_of_a_kind_now(trainer, "Group A", "A lesson")
    await trainer.press("Send")
    # It was "The same send … was already made or planned", where nothing was sent.
    assert "already made or planned" not in trainer.text
    assert "✅ Sending to 1 learner now." in trainer.text


async def test_the_main_menu_of_a_trainer_leads_to_their_tools(app: App) -> None:
    # A coach found the trainer menu only by typing /trainer, one line among many in /help.
    trainer = await new_trainer(app, 2001, "nl")
    await trainer.command("start")
    await trainer.press("🧑‍🏫 Het trainersmenu")
    assert trainer.button("👥 Mijn groepen")
    # What a trainer sees, where their tools are: "can I read her conversations?" got a card on
    # chatbots keeping chats.
    assert "Hun berichten zie je nooit." in trainer.text
    learner = await person(app, 5001, "nl")
    await learner.command("start")
    assert not [b for b in learner.buttons if b.label.startswith("🧑‍🏫")]


async def test_a_taken_cohort_name_does_not_tell_that_another_trainer_has_it(app: App) -> None:
    owner = await new_trainer(app, 2001)
    await new_cohort(owner, "Bootcamp March")
    await owner.command("cohort", "new", "Bootcamp", "March")
    assert "You already have a group with that name." in owner.text

    other = await new_trainer(app, 2002)
    await other.command("cohort", "new", "Bootcamp", "March")
    assert other.text.startswith("This name is not available. Please choose another one")
    assert "exists" not in other.text
    # Signs alone are no name: such names would all read alike.
    await other.command("cohort", "new", "🎓🎓")
    assert other.text.startswith("Please give the group a name of up to 40 characters")


async def test_learners_join_by_link_or_command_and_leave(app: App) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Bootcamp March")
    [by_link] = await learners(app, code, ["fr"])
    assert "✅ Bienvenue dans le groupe « Bootcamp March » !" in by_link.text
    by_command = await person(app, 5100)
    await by_command.command("join", code.lower().replace("-", " "))
    assert "Welcome to the group “Bootcamp March”!" in by_command.text
    # Told before anything is asked: the trainer reads the questions the tutor could not answer.
    assert "Your trainer can also read the questions I could not answer" in by_command.text
    await trainer.command("cohort")
    assert trainer.button("Bootcamp March").label == "Bootcamp March · 2 learners"

    await by_command.command("leave")
    await by_command.press("Yes, leave")
    assert "You left the group" in by_command.text
    await by_command.command("leave")
    assert "You are not in a group." in by_command.text
    await trainer.command("cohort")
    assert trainer.button("Bootcamp March").label == "Bootcamp March · 1 learner"

    # Asked in words: the same question first, never a leave at once.
    await by_link.say("je veux quitter le groupe")
    assert by_link.button("Oui, quitter")
    await by_link.press("Oui, quitter")
    assert "Vous avez quitté le groupe" in by_link.text


@pytest.mark.parametrize(
    "typed",
    [
        "{code}",
        "join {code}",
        "my code is {code}!",
        "voici le code : {spaced}",
        # As printed, a code counts in a message of any length; it was refused as a question.
        "hi! my trainer Tom gave me this code {code} , how i join?",
    ],
)
async def test_a_code_typed_without_join_is_redeemed(app: App, typed: str) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Evening")
    learner = await person(app, 5200)
    await learner.command("join")  # the code comes on the next line
    await learner.say(typed.format(code=code, spaced=code.replace("-", " ")))
    assert "Welcome to the group “Evening”!" in learner.text


async def test_a_trainer_does_not_join_their_own_group(app: App) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Evening")
    await trainer.command("join", code)
    assert "You lead the group “Evening”: this is the code your learners join it with." in (
        trainer.text
    )
    await trainer.command("cohort")
    assert trainer.button("Evening").label == "Evening · 0 learners"


async def test_a_question_with_a_code_shaped_word_is_still_a_question(app: App) -> None:
    learner = await person(app, 5201)
    await learner.command("start")
    await learner.say("is ABCDEFGHJKMNPQRT a good password for my chatgpt account, or too short?")
    assert "This code does not work" not in learner.text
    assert "group" not in learner.text


@pytest.mark.parametrize(
    "question",
    ["est ce que chatgpt peut se tromper ?", "Est-ce que ChatGPT peut se tromper ?"],
)
async def test_words_that_make_sixteen_letters_of_a_code_are_no_code(
    app: App, question: str
) -> None:
    # "ce que chatgpt peut": sixteen letters of the codes' alphabet, typed apart.
    learner = await person(app, 5202, "fr")
    await learner.say(question)
    assert "code" not in learner.text


async def test_expired_and_revoked_codes_fail(app: App, clock: Clock) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Group A")
    await trainer.press("Stop the join link")
    assert "no longer works" in trainer.text
    late = await person(app, 5001)
    await late.command("join", code)
    assert "This code does not work" in late.text

    await trainer.press("New join link")
    fresh = code_in(trainer.text)
    clock.advance(days=91)
    await late.command("join", fresh)
    assert "This code does not work" in late.text

    admin = await person(app, ADMIN_ID)
    await admin.command("trainer_invite")
    invite = code_in(admin.text)
    await admin.press("Cancel this invitation")
    would_be = await person(app, 2002)
    await would_be.command("join", invite)
    assert "This code does not work" in would_be.text
    await admin.command("trainer_invite")
    invite = code_in(admin.text)
    clock.advance(hours=73)
    await would_be.command("join", invite)
    assert "This code does not work" in would_be.text


async def test_a_code_typed_wrong_in_shape_or_the_example_copied_costs_no_try(app: App) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Group A")
    learner = await person(app, 5001)
    await learner.command("join")
    example = "ABCD-EFGH-JKMN-PQRS"
    assert example in learner.text
    for typed in ("1234", "ABCD-EFGH-JKMN-PQR"):
        await learner.command("join", typed)
        assert learner.text.startswith("A group code has 16 letters and digits")
    for typed in (example, example.lower()):
        await learner.command("join", typed)
        assert learner.text.startswith(f"{example} is only an example.")
    # Four slips, no lockout: the learner's own code still lets them in.
    await learner.command("join", code)
    assert "Welcome to the group" in learner.text


async def test_wrong_codes_are_slowed_down(app: App, clock: Clock) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Group A")
    guesser = await person(app, 5001)
    for _ in range(3):
        await guesser.command("join", "AAAA-BBBB-CCCC-DDDD")
        assert "This code does not work" in guesser.text
    await guesser.command("join", code)
    assert "Too many wrong codes. Please wait 1 minute and try again." in guesser.text
    clock.advance(minutes=1)
    await guesser.command("join", "AAAA-BBBB-CCCC-DDDD")
    await guesser.command("join", code)
    assert "Please wait 2 minutes" in guesser.text
    clock.advance(minutes=2)
    await guesser.command("join", code)
    assert "Welcome to the group" in guesser.text


async def next_lesson_every_weekday(trainer: Chat, group: str) -> None:
    """Plan each learner's next lesson to a group, Monday to Friday at 9:00."""
    await trainer.command("push")
    await trainer.press(group)
    await trainer.press("Each learner's next lesson")
    await trainer.press("Every weekday at 9:00")
    assert "Monday to Friday at 09:00" in trainer.text
    await trainer.press("Plan it")


async def next_lesson_at(trainer: Chat, group: str, typed: str) -> None:
    """Start pushing each learner's next lesson to a group, at a typed time."""
    await trainer.command("push")
    await trainer.press(group)
    await trainer.press("Each learner's next lesson")
    await trainer.press("Another date")
    await trainer.say(typed)


async def test_push_wizard_takes_typed_words_for_now_and_next_weekday(app: App) -> None:
    trainer = await new_trainer(app, 2011)
    code = await new_cohort(trainer, "Group N")
    await learners(app, code, ["nl"])

    await next_lesson_at(trainer, "Group N", "volgende woensdag om 14u")  # 23/11/26 is a Monday
    assert "• When: Wednesday, 25 November at 14:00" in trainer.text
    await trainer.press("Cancel")

    await next_lesson_at(trainer, "Group N", "maintenant")
    assert "• When: now" in trainer.text
    await trainer.press("Send")
    assert "✅ Sending to 1 learner now." in trainer.text


async def test_a_time_typed_at_when_without_a_tap_is_read_and_durations_count_from_now(
    app: App,
) -> None:
    trainer = await new_trainer(app, 2012, "nl")
    code = await new_cohort(trainer, "Groep T")
    await learners(app, code, ["nl"])
    for typed, when in (
        # Typed rather than "🗓 Een andere datum en uur…" tapped: it got "Tot gauw!".
        ("morgen om 9u", "morgen om 09:00"),  # 23/11/26 10:00 in Brussels, a Monday
        ("binnen een uur", "vandaag om 11:00"),  # was one o'clock, already past
    ):
        await trainer.command("push")
        await trainer.press("Groep T")
        await trainer.press("De volgende les van elke cursist")
        assert trainer.text == "🕒 Wanneer?"
        await trainer.say(typed)
        assert f"• Wanneer: {when}" in trainer.text
        await trainer.press("Annuleren")


async def test_on_a_sunday_tomorrow_and_next_monday_are_one_button(app: App, clock: Clock) -> None:
    trainer = await new_trainer(app, 2013)
    await new_cohort(trainer, "Group S")
    clock.advance(days=6)  # Sunday 29 November 2026
    await trainer.command("push")
    await trainer.press("Group S")
    await trainer.press("Each learner's next lesson")
    labels = [b.label for b in trainer.buttons]
    assert "Tomorrow at 9:00" in labels
    assert "Next Monday at 9:00" not in labels  # the same moment, 30/11 at 9:00


async def test_a_french_trainer_reads_the_message_with_french_punctuation(app: App) -> None:
    trainer = await new_trainer(app, 2031, "fr")
    code = await new_cohort(trainer, "Groupe F")
    await learners(app, code, ["fr"])
    await trainer.command("push")
    await trainer.press("Groupe F")
    await trainer.press("Un court message")
    await trainer.press("Écrire en français")
    await trainer.say("Atelier demain à 10 h.")
    await trainer.press("Continuer : quand envoyer")
    await trainer.say("demain à dix heures")
    # The language's name starts its line, the colon after a space, as French writes it.
    assert "Français : Atelier demain à 10 h." in trainer.text
    assert "• Quand : demain à 10:00" in trainer.text
    await trainer.press("Programmer")
    await trainer.command("scheduled")
    assert "Groupe F · un message : « Atelier demain à 10 h. »" in trainer.text


async def test_push_wizard_now_later_and_every_weekday(app: App, clock: Clock) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Group A")
    await learners(app, code, ["fr", "nl", "en"])

    await trainer.command("push")
    await trainer.press("Group A")
    await trainer.press("A short message")
    assert trainer.buttons[0].label == "✍ Write in English"  # the trainer's own language first
    await trainer.press("Write in French")
    await trainer.say("Demain, atelier à 10 h.")
    await trainer.press("Add Dutch")
    await trainer.say("Morgen workshop om 10 uur.")
    await trainer.press("Go on")
    await trainer.press("Another date")
    assert "It is now 23/11/26, 10:00." in trainer.text
    await trainer.say("31/11 10:00")
    # Written day first: the month is what has no such day.
    assert trainer.text == (
        "There is no 31 November: November has 30 days.\n"
        "Please type the day and time again, for example: tomorrow 9:00, Thursday 14:30 or "
        "3/12 10:00"
    )
    await trainer.say("Wednesday 26/11 10:00")  # the 26th is a Thursday
    assert "That day is not a Wednesday: it is Thursday, 26 November." in trainer.text
    assert "I did not understand that date" not in trainer.text  # it did: the days disagree
    await trainer.say("12/31 10:00")  # month first: not the 12th of 2031
    assert "There is no day “12/31”: a date is the day first, then the month." in trainer.text
    await trainer.say("next blursday")
    assert "I did not understand that date" in trainer.text
    await trainer.say("1/12/2028 10:00")
    assert "That is more than a year away." in trainer.text
    await trainer.say("2026-11-20 10:00")
    assert "That time is already past: it is now 23/11/26, 10:00." in trainer.text
    assert trainer.button("Tomorrow at 9:00")
    await trainer.say("morgen 8u30")
    assert "• When: tomorrow at 08:30" in trainer.text
    assert "French: Demain, atelier à 10 h." in trainer.text
    # The English reader gets another language's text, and is said to: one tap adds English.
    assert "⚠ 1 learner reads the tutor in English: they get the French text." in trainer.text
    assert "reads the tutor in Dutch" not in trainer.text
    assert trainer.button("➕ Add English")
    await trainer.press("Plan it")
    assert "Planned for tomorrow at 08:30" in trainer.text
    assert await statuses(app) == {}

    await first_of_a_kind_now(trainer, "Group A", "A quiz on a lesson")
    assert "• When: now" in trainer.text
    await trainer.press("Send")
    assert "✅ Sending to 3 learners now." in trainer.text
    assert await statuses(app) == {"pending": 3}
    # The same quiz again, the wizard run twice: asked first, as the command line's --again.
    await first_of_a_kind_now(trainer, "Group A", "A quiz on a lesson")
    await trainer.press("Send")
    assert "The same send to “Group A” was already made or planned for today at" in trainer.text
    assert await statuses(app) == {"pending": 3}
    await trainer.press("Send it again")
    assert "✅ Sending to 3 learners now." in trainer.text
    assert await statuses(app) == {"pending": 6}

    await next_lesson_every_weekday(trainer, "Group A")
    assert "First time: 24/11/26, 09:00" in trainer.text
    # The same plan again is not a second one: each learner would get every lesson twice.
    await next_lesson_every_weekday(trainer, "Group A")
    assert "This plan already exists: Monday to Friday at 09:00." in trainer.text

    await trainer.command("scheduled")
    # A message is listed with its first words: two on one morning read alike without them.
    assert "tomorrow at 08:30 · Group A · a message: “Demain, atelier à 10 h.”" in trainer.text
    assert "Monday to Friday at 09:00 · Group A · each learner's next lesson" in trainer.text
    await trainer.press("Cancel number 1")
    await trainer.press("Yes, cancel")
    # Said what was cancelled, before the list numbered again.
    cancelled = "✖ Cancelled: tomorrow at 08:30 · Group A · a message: “Demain, atelier à 10 h.”."
    assert trainer.text.startswith(cancelled)
    assert "24/11/26, 08:30" not in trainer.text.removeprefix(cancelled)


async def test_a_planned_send_or_plan_is_cancelled_only_once_confirmed(app: App) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Group A")
    await learners(app, code, ["en"])
    for typed in ("morgen 9u", "woensdag 9u"):
        await next_lesson_at(trainer, "Group A", typed)
        await trainer.press("Plan it")
    await next_lesson_every_weekday(trainer, "Group A")
    await trainer.command("scheduled")
    first = "tomorrow at 09:00 · Group A · each learner's next lesson"
    second = "Wednesday, 25 November at 09:00 · Group A · each learner's next lesson"
    assert f"1. {first}\n2. {second}\n3. Monday to Friday at 09:00" in trainer.text
    stale_second = trainer.button("Cancel number 2").data

    # One tap asks, naming the send; "No" keeps it and shows the list again.
    await trainer.press("Cancel number 2")
    assert trainer.text == f"Cancel this planned send?\n{second}."
    assert [b.label for b in trainer.buttons] == ["✖ Yes, cancel", "⬅ No, keep it"]
    await trainer.press("No, keep it")
    assert f"1. {first}\n2. {second}" in trainer.text

    await trainer.press("Cancel number 2")
    confirm = trainer.button("Yes, cancel").data
    await trainer.press("Yes, cancel")
    assert trainer.text.startswith(f"✖ Cancelled: {second}.")
    assert f"1. {first}\n2. Monday to Friday at 09:00" in trainer.text
    # The old list's "2" and the same "Yes" again name the cancelled send, not the new second.
    for data in (stale_second, confirm):
        await trainer.press_data(data)
        assert "This button is no longer active" in trainer.text
    await trainer.command("scheduled")
    assert f"1. {first}\n2. Monday to Friday at 09:00" in trainer.text

    # A weekly plan asks too.
    await trainer.press("Cancel number 2")
    assert trainer.text == (
        "Stop this weekly plan?\nMonday to Friday at 09:00 · Group A · each learner's next lesson."
    )
    await trainer.press("Yes, cancel")
    assert f"1. {first}" in trainer.text
    assert "Monday to Friday" not in trainer.text.partition("\n")[2]


async def test_a_message_typed_before_its_language_is_kept(app: App) -> None:
    trainer = await new_trainer(app, 2001, "nl")
    code = await new_cohort(trainer, "Groep A")
    await learners(app, code, ["nl", "fr"])
    await trainer.command("push")
    await trainer.press("Groep A")
    await trainer.press("Een kort bericht")
    # Typed at once, no language tapped: kept, not answered as a question.
    await trainer.say("Vergeet jullie laptop niet morgen!")
    assert trainer.text == (
        "Ik bewaar je bericht:\nVergeet jullie laptop niet morgen!\n"
        "In welke taal is het geschreven? Tik hieronder op die taal."
    )
    assert [b.label for b in trainer.buttons] == [
        "In het Nederlands",
        "In het Frans",
        "In het Engels",
        "✖ Annuleren",
    ]
    # A second part before the tap joins the first; the language typed picks it.
    await trainer.say("En jullie lader.")
    assert "Vergeet jullie laptop niet morgen!\n\nEn jullie lader." in trainer.text
    await trainer.say("nederlands")
    assert trainer.text.startswith("Bewaard.")
    assert trainer.buttons[0].label == "➕ Frans toevoegen"

    # Typed again instead of tapping "Add French": asked, with Dutch offered last, to replace.
    await trainer.say("N'oubliez pas votre ordinateur demain !")
    assert [b.label for b in trainer.buttons][:3] == [
        "In het Frans",
        "In het Engels",
        "🔁 Het vervangt de tekst in het Nederlands",
    ]
    await trainer.press("In het Frans")
    await trainer.press("Verder: wanneer")
    await trainer.press("Nu")
    assert "Nederlands: Vergeet jullie laptop niet morgen!\n\nEn jullie lader." in trainer.text
    assert "Frans: N'oubliez pas votre ordinateur demain !" in trainer.text
    await trainer.press("Versturen")
    assert "✅ Wordt verstuurd: nu naar 2 cursisten." in trainer.text
    # Done with the wizard: typed text is a question again.
    await trainer.say("Wat is AI?")
    assert "Ik bewaar je bericht" not in trainer.text


async def test_a_written_send_is_kept_going_back_from_a_language_or_typing_at_the_check(
    app: App,
) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Group A")
    await learners(app, code, ["fr"])
    await trainer.command("push")
    await trainer.press("Group A")
    await trainer.press("A short message")
    await trainer.press("Write in English")
    assert [b.label for b in trainer.buttons] == ["✖ Cancel"]  # nothing written yet
    await trainer.say("Bring your laptop tomorrow.")
    await trainer.press("Add French")
    # A trainer who cannot write French goes back, and the English text stays.
    await trainer.press("⬅ Back")
    assert trainer.text.startswith("Saved. Add another language")
    await trainer.press("Go on")
    await trainer.press("Now")
    assert "English: Bring your laptop tomorrow." in trainer.text
    await trainer.press("➕ Add French")
    await trainer.press("⬅ Back")
    assert trainer.text.startswith("Please check:")

    # A new time typed at the check replaces the old one; other words keep the send waiting.
    await trainer.say("tomorrow 10:00")
    assert "• When: tomorrow at 10:00" in trainer.text
    await trainer.say("is it ok like this?")
    assert "Nothing is sent yet: tap ✅ below to send or plan it, or ✖ Cancel." in trainer.text
    assert "English: Bring your laptop tomorrow." in trainer.text
    assert await statuses(app) == {}
    await trainer.press("Plan it")
    assert "Planned for tomorrow at 10:00" in trainer.text
    await trainer.say("What is AI?")
    assert "Nothing is sent yet" not in trainer.text

    # Gone elsewhere from the check before sending, what is typed is a question again; the
    # send waits, and tapping ✅ above still makes it.
    await trainer.command("push")
    await trainer.press("Group A")
    await trainer.press("A short message")
    await trainer.press("Write in English")
    await trainer.say("See you on Monday.")
    await trainer.press("Go on")
    await trainer.press("Now")
    await trainer.command("scheduled")
    await trainer.say("What is a deepfake?")
    assert "Nothing is sent yet" not in trainer.text
    assert "📘" in trainer.text


async def test_the_example_date_is_ten_days_ahead_never_past(app: App, clock: Clock) -> None:
    trainer = await new_trainer(app, 2001)
    await new_cohort(trainer, "Group A")
    clock.advance(days=20)  # 13 December: an example of 3/12 would be a past date
    await trainer.command("push")
    await trainer.press("Group A")
    await trainer.press("Each learner's next lesson")
    await trainer.press("Another date")
    assert "Thursday 14:30 or 23/12 10:00." in trainer.text


async def test_a_date_the_month_or_weekday_lacks_says_so_in_dutch(app: App) -> None:
    trainer = await new_trainer(app, 2001, "nl")
    await new_cohort(trainer, "Groep A")
    await trainer.command("push")
    await trainer.press("Groep A")
    await trainer.press("De volgende les van elke cursist")
    await trainer.press("Een andere datum en uur")
    again = "Typ de dag en het uur opnieuw, bijvoorbeeld: morgen 9u, donderdag 14u30 of 3/12 10u"
    await trainer.say("vrijdag 13/12 10:00")  # a Sunday
    assert trainer.text == f"Die dag is geen vrijdag: het is zondag 13 december.\n{again}"
    await trainer.say("31/02 om 10u")
    assert trainer.text == f"Er is geen 31 februari: februari heeft 28 dagen.\n{again}"
    await trainer.say("29/02 10u")  # 2027: not a leap year
    assert "Er is geen 29 februari in 2027: februari heeft dat jaar 28 dagen." in trainer.text
    await trainer.say("12/25 10u")  # month first
    assert "een datum schrijf je met eerst de dag, dan de maand" in trainer.text


async def test_a_trainer_deletes_a_group_and_its_learners_keep_their_progress(app: App) -> None:
    owner = await new_trainer(app, 2001)
    code = await new_cohort(owner, "Spring course")
    (learner,) = await learners(app, code, ["en"])
    await learner.press("Start")
    await next_lesson_every_weekday(owner, "Spring course")
    await owner.command("push")
    await owner.press("Spring course")
    await owner.press("A quiz on a lesson")
    await owner.press_data(owner.buttons[0].data)
    await owner.press_data(owner.buttons[0].data)
    await owner.press("Now")
    await owner.press("Send")
    assert await statuses(app) == {"pending": 1}
    await owner.command("cohort")
    await owner.press("Spring course")
    delete = owner.button("Delete the group").data.replace("askdelete", "delete")

    # Another trainer's button deletes nothing.
    other = await new_trainer(app, 2002)
    await other.press_data(delete)
    assert "This button is no longer active" in other.text

    await owner.press("Delete the group")
    assert "Delete the group “Spring course”? Its 1 learner keeps their lessons" in owner.text
    await owner.press("No, keep it")
    assert "👥 Spring course" in owner.text
    await owner.press("Delete the group")
    await owner.press("Yes, delete it")
    assert "The group “Spring course” is deleted." in owner.text
    await owner.press_data(delete)
    assert "This button is no longer active" in owner.text
    await owner.command("scheduled")
    assert "Nothing is planned." in owner.text
    assert await statuses(app) == {}
    await owner.command("cohort", "new", "Spring", "course")
    assert "The group “Spring course” is ready." in owner.text

    await learner.command("leave")
    assert "You are not in a group." in learner.text
    await learner.command("progress")
    assert "What AI is, and what it is not" in learner.text


async def test_a_trainer_ends_a_course_and_keeps_its_report(app: App) -> None:
    # The only way to close a course was to delete the group, its results with it, unannounced.
    owner = await new_trainer(app, 2001)
    code = await new_cohort(owner, "Spring course")
    await learners(app, code, ["fr", "nl"])
    await next_lesson_every_weekday(owner, "Spring course")
    await next_lesson_at(owner, "Spring course", "next monday 10:00")
    await owner.press("Plan it")
    await owner.command("cohort")
    await owner.press("Spring course")
    end = owner.button("End the course").data.replace("askend", "end")

    # Another trainer's button ends nothing.
    other = await new_trainer(app, 2002)
    await other.press_data(end)
    assert "This button is no longer active" in other.text

    await owner.press("End the course")
    assert "End the course of “Spring course”?" in owner.text
    await owner.press("No, keep it going")
    assert "👥 Spring course" in owner.text
    await owner.press("End the course")
    await owner.press("Yes, end it")
    assert "🏁 The course of “Spring course” has ended" in owner.text
    await owner.command("scheduled")
    assert "Nothing is planned." in owner.text
    told = sorted(text.split(".")[0] for text in await delivered_texts(app))
    assert told == [
        "🏁 Je trainer heeft de cursus “Spring course” afgesloten",
        "🏁 Votre formateur a terminé la formation « Spring course »",
    ]
    newcomer = await person(app, 6001)
    await newcomer.command("join", code)
    assert "This code does not work" in newcomer.text

    # The group stays, with its learners and report, and nothing more can be sent.
    await owner.command("cohort")
    assert owner.button("Spring course").label == "Spring course · 2 learners · ended"
    await owner.press("Spring course")
    assert "🏁 The course ended on" in owner.text
    assert not [b for b in owner.buttons if "Send" in b.label or "join link" in b.label]
    await owner.press("Progress report")
    assert "Spring course" in owner.text
    # A send started from the trainer menu, or a join link by name, is refused with the way on.
    await owner.command("push")
    await owner.press("Spring course")
    assert "🏁 The course of “Spring course” has ended." in owner.text
    await owner.command("cohort", "link", "Spring", "course")
    assert "🏁 The course of “Spring course” has ended." in owner.text

    # Opened again: its join link, plans and reminders stay off.
    await owner.press("Back to the group")
    await owner.press("Open the course again")
    assert "↩ The course of “Spring course” is open again." in owner.text
    assert "🔔 Reminders: off" in owner.text
    assert owner.button("Send a lesson or a message")


async def test_a_send_begun_before_the_course_ended_is_refused_after_it(app: App) -> None:
    owner = await new_trainer(app, 2001)
    code = await new_cohort(owner, "Spring course")
    await learners(app, code, ["en"])
    await first_of_a_kind_now(owner, "Spring course", "A lesson")
    send = owner.button("Send").data
    await owner.command("cohort")
    await owner.press("Spring course")
    await owner.press("End the course")
    await owner.press("Yes, end it")
    await delivered_texts(app)  # the notice of the end

    await owner.press_data(send)
    assert "🏁 The course of “Spring course” has ended." in owner.text
    assert await delivered_texts(app) == []
    assert await statuses(app) == {"sent": 1}


async def test_deleting_a_group_offers_its_report_and_ending_the_course_first(app: App) -> None:
    owner = await new_trainer(app, 2001)
    code = await new_cohort(owner, "Spring course")
    await learners(app, code, ["en"])
    await owner.command("cohort", "delete", "Spring", "course")
    assert "Need the results? Download the report first, or end the course instead" in owner.text
    await owner.press("End the course")
    assert "End the course of “Spring course”?" in owner.text


async def test_a_request_typed_to_the_chat_points_a_trainer_to_their_tools(app: App) -> None:
    trainer = await new_trainer(app, 2001, "nl")
    await trainer.say("Stuur morgen om 9u de volgende les naar Groep Dinsdag Gent")
    t = app.services.translators["nl"]
    tools = t.gettext("Your trainer tools (groups, sends, reports) are under /trainer.")
    assert tools in trainer.text

    learner = await person(app, 5001, "nl")
    await learner.say("Stuur morgen om 9u de volgende les naar Groep Dinsdag Gent")
    assert tools not in learner.text


async def test_a_group_is_deleted_by_its_name_only_by_its_trainer(app: App) -> None:
    owner = await new_trainer(app, 2001)
    await new_cohort(owner, "Evening class")
    other = await new_trainer(app, 2002)
    await other.command("cohort", "delete", "Evening", "class")
    assert "You have no group with that name." in other.text

    await owner.command("cohort", "delete", "Evening", "class")
    assert "No learner has joined it yet." in owner.text
    # Typed, the words of a button that cannot be undone do not do what a tap does.
    await owner.say("🗑 Yes, delete it")
    assert "deleted" not in owner.text
    await owner.command("cohort", "delete", "Evening", "class")
    await owner.press("Yes, delete it")
    assert "The group “Evening class” is deleted." in owner.text


async def test_a_day_without_a_time_offers_times_and_late_pushes_say_when_they_go(
    app: App, clock: Clock
) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Group A")
    await learners(app, code, ["fr", "nl", "en"])
    await trainer.command("push")
    await trainer.press("Group A")
    await trainer.press("Each learner's next lesson")
    await trainer.press("Another date")
    await trainer.say("jeudi")
    assert "At what time on Thursday, 26 November?" in trainer.text
    assert [b.label for b in trainer.buttons][:3] == [
        "Thursday, 26 November at 09:00",
        "Thursday, 26 November at 13:00",
        "Thursday, 26 November at 18:00",
    ]
    await trainer.press("at 13:00")
    assert "• When: Thursday, 26 November at 13:00" in trainer.text
    # A part of the day named: its own hours.
    await trainer.press("Cancel")
    await trainer.command("push")
    await trainer.press("Group A")
    await trainer.press("Each learner's next lesson")
    await trainer.press("Another date")
    await trainer.say("jeudi soir")
    assert [b.label for b in trainer.buttons][:3] == [
        "Thursday, 26 November at 18:00",
        "Thursday, 26 November at 19:00",
        "Thursday, 26 November at 20:00",
    ]
    await trainer.press("at 19:00")
    assert "• When: Thursday, 26 November at 19:00" in trainer.text

    # 22:57 in Brussels: the default quiet hours (21:00-08:00) hold the push until morning.
    clock.now = datetime(2026, 11, 23, 22, 57, tzinfo=BRUSSELS).astimezone(UTC)
    await trainer.command("push")
    await trainer.press("Group A")
    await trainer.press("Each learner's next lesson")
    await trainer.press("Now")
    assert "• When: now, but the group's quiet hours hold it until tomorrow at 08:00" in (
        trainer.text
    )
    await trainer.press("Send")
    assert "✅ Sending to 3 learners tomorrow at 08:00 (after the quiet hours)." in trainer.text
    await next_lesson_at(trainer, "Group A", "23h30")
    await trainer.press("Plan it")
    # Both would reach the learners at 08:00: asked first.
    assert "was already made or planned for today at 22:57" in trainer.text
    await trainer.press("Send it again")
    assert "Planned for today at 23:30" in trainer.text
    assert "The group's quiet hours hold it until tomorrow at 08:00." in trainer.text

    # The send held until morning is listed with the planned one, and can still be stopped.
    await trainer.command("scheduled")
    held = "today at 22:57, but the group's quiet hours hold it until tomorrow at 08:00"
    assert f"1. {held}" in trainer.text
    await trainer.press("Cancel number 1")
    # Queued already: some learners may have it, and the question says the others will not.
    assert trainer.text == (
        f"Cancel this send?\n{held} · Group A · each learner's next lesson.\n"
        "Learners who have not got it yet will not get it."
    )
    await trainer.press("Yes, cancel")
    assert trainer.text.startswith(f"✖ Cancelled: {held}")
    assert f"1. {held}" not in trainer.text
    assert await statuses(app) == {}


async def test_sends_held_by_quiet_hours_go_when_the_quiet_hours_are_turned_off(
    app: App, clock: Clock
) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Group A")
    await learners(app, code, ["fr", "nl"])
    # 22:57 in Brussels: the default quiet hours (21:00-08:00) hold the push until morning.
    clock.now = datetime(2026, 11, 23, 22, 57, tzinfo=BRUSSELS).astimezone(UTC)
    await trainer.command("push")
    await trainer.press("Group A")
    await trainer.press("Each learner's next lesson")
    await trainer.press("Now")
    await trainer.press("Send")
    assert await delivered_texts(app) == []

    async with app.database.session() as session:
        cohort = await SqlCohorts(session).cohort_named("Group A")
    assert cohort is not None
    await trainer.press_data(f"v2:trainers.quiet:{cohort.id}:0:0")

    assert "📤 2 messages held by the quiet hours go now." in trainer.text
    assert len(await delivered_texts(app)) == 2


async def test_trainers_see_their_commands_in_help_and_can_stop_the_weekly_report(
    app: App,
) -> None:
    learner = await person(app, 4001)
    await learner.command("help")
    assert "/push" not in learner.text
    assert "For trainers:" not in learner.text
    trainer = await new_trainer(app, 2001)
    await trainer.command("help")
    assert "For trainers:\n/trainer – The trainer menu" in trainer.text
    assert "/weekly – The weekly report, on or off" in trainer.text
    assert "/trainer_invite" not in trainer.text
    admin = await person(app, ADMIN_ID)
    await admin.command("help")
    assert "For administrators:\n/trainer_invite – Invite a trainer" in admin.text

    # A trainer's own command menu follows their language.
    await trainer.command("language")
    await trainer.press("Français")
    [menu] = [reply for reply in trainer.replies if isinstance(reply, CommandMenu)]
    assert ("push", "Envoyer une leçon ou un message") in menu.commands
    await trainer.command("language")
    await trainer.press("English")

    await trainer.command("weekly")
    assert "Every Monday at 08:00" in trainer.text
    assert "It is on." in trainer.text
    await trainer.press("No more weekly reports")
    assert "It is off: I do not send it to you." in trainer.text
    await trainer.press("Send me the weekly report")
    assert "It is on." in trainer.text
    await learner.command("weekly")
    assert TRAINER_ONLY in learner.text


async def writing_a_message(app: App) -> Chat:
    """Return a trainer asked to type a message in English for their group."""
    trainer = await new_trainer(app, 2001)
    await new_cohort(trainer, "Group A")
    await trainer.command("push")
    await trainer.press("Group A")
    await trainer.press("A short message")
    await trainer.press("Write in English")
    return trainer


async def test_typed_text_outside_the_wizard_goes_on_as_usual(app: App) -> None:
    trainer = await writing_a_message(app)
    await trainer.press("Cancel")
    assert "Cancelled. Nothing was sent." in trainer.text
    await trainer.say("What is AI?")
    assert "Type your message" not in trainer.text
    assert await statuses(app) == {}


async def test_a_message_written_is_thrown_away_only_once_asked_to_be_sure(app: App) -> None:
    # "✖ Cancel", tapped where "▶ Go on" had been, threw two texts away at once.
    trainer = await writing_a_message(app)
    await trainer.say("Bring your laptop tomorrow.")
    await trainer.press("Cancel")
    assert trainer.text == "Throw away the message you wrote? Nothing was sent."

    await trainer.press("◀ No, go on")
    await trainer.press("▶ Go on: when to send")
    await trainer.press("Now")
    assert "Bring your laptop tomorrow." in trainer.text

    await trainer.press("Cancel")
    await trainer.press("🗑 Yes, throw it away")
    assert "Cancelled. Nothing was sent." in trainer.text
    assert await statuses(app) == {}


async def test_learners_turn_reminders_off_and_on(app: App) -> None:
    learner = await person(app, 4001)
    await learner.command("reminders")
    assert "Reminders are on." in learner.text
    await learner.press("Turn reminders off")
    assert "No more reminders." in learner.text
    await learner.command("mydata")
    assert "• Reminders: off" in learner.text
    await learner.command("reminders")
    await learner.press("Turn reminders on")
    assert "Reminders are on." in learner.text


async def test_mydata_shows_the_cohort_and_forget_deletes_it(app: App) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Group A")
    [learner] = await learners(app, code, ["en"])
    await learner.command("mydata")
    [export] = [r for r in learner.replies if isinstance(r, Document)]
    data = json.loads(export.content)
    assert data["trainers"]["cohort"]["name"] == "Group A"
    assert data["trainers"]["trainer_since"] is None
    # Said in the message too, with what the trainer sees: not only on the day of joining.
    assert "• Group: “Group A”, since" in learner.text
    assert "Your trainer sees your first name" in learner.text
    await learner.say("what does my trainer see?")
    assert "Your trainer sees your first name" in learner.text
    await trainer.command("mydata")
    assert "• Group:" not in trainer.text
    # In no group, asked in words whether a job coach sees it: no trainer does.
    await trainer.say("can my job coach see what I do here?")
    assert "You are in no group: no trainer sees what you do." in trainer.text
    await trainer.command("weekly")
    await trainer.press("No more weekly reports")
    await trainer.command("mydata")
    [export] = [r for r in trainer.replies if isinstance(r, Document)]
    assert json.loads(export.content)["trainers"]["cohorts_led"] == ["Group A"]
    assert json.loads(export.content)["trainers"]["weekly_report"] is False

    await learner.command("forget")
    assert "You also leave the group “Group A”: your trainer no longer sees you." in learner.text
    await learner.press("Yes, delete everything")
    await trainer.command("cohort")
    assert trainer.button("Group A").label == "Group A · 0 learners"


async def test_asked_who_reads_what_they_write_a_learner_is_told_plainly(app: App) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Group A")
    [learner] = await learners(app, code, ["fr"])
    # "le CPAS" and "assistant social" found lesson cards; "de moi" the whole of /mydata.
    for asked in (
        "est-ce que le CPAS peut voir ce que j'écris ici ?",
        "mon assistant social il voit mes messages ?",
        "jai peur que le CPAS me coupe mes sous à cause de ce que jai écrit",
    ):
        await learner.say(asked)
        assert learner.text.startswith("🔒 Je ne garde pas vos messages"), asked
        assert "Votre formateur voit votre prénom, les leçons faites" in learner.text
        assert "avec leur date mais sans votre nom, pendant 30 jours" in learner.text
        assert "dès qu'au moins 3 personnes du groupe" in learner.text
        assert learner.button("📋 Voir mes données")
    await learner.press("📋 Voir mes données")
    assert "• Groupe : « Group A »" in learner.text
    # About a tool, it is a question on the course.
    await learner.say("est-ce que ChatGPT peut lire mes messages ?")
    assert "Je ne garde pas vos messages" not in learner.text
    # The trainer asking to read them got their own data, or a card on chatbots keeping chats.
    for asked in ("je voudrais voir les messages de Fatou", "can I read what my learners write?"):
        await trainer.say(asked)
        assert "nobody can read them, trainers neither" in trainer.text, asked
        assert "questions I could not answer, without names, once at least 3" in trainer.text


async def test_a_learner_back_in_the_group_is_not_told_they_were_taken_out(app: App) -> None:
    owner = await new_trainer(app, 2001)
    code = await new_cohort(owner, "Evening class")
    [learner] = await learners(app, code, ["fr"])
    await open_learners(owner, "Evening class")
    await owner.press("L0 B.")
    await owner.press("Take out of the group")
    await owner.press("Yes, take them out")
    await learner.command("join", code)
    assert await delivered_texts(app) == []


async def test_a_learner_taken_out_at_night_is_told_in_the_morning_in_their_language(
    app: App, clock: Clock
) -> None:
    owner = await new_trainer(app, 2001)
    code = await new_cohort(owner, "Evening class")
    await learners(app, code, ["nl"])
    # 22:57 in Brussels: the default quiet hours (21:00-08:00) hold the notice until morning.
    clock.now = datetime(2026, 11, 23, 22, 57, tzinfo=BRUSSELS).astimezone(UTC)
    await open_learners(owner, "Evening class")
    await owner.press("L0 B.")
    await owner.press("Take out of the group")
    await owner.press("Yes, take them out")
    assert await delivered_texts(app) == []
    # The tutor's own notice is no send of the trainer's to list or cancel.
    await owner.command("scheduled")
    assert "Nothing is planned." in owner.text

    clock.now = datetime(2026, 11, 24, 8, 1, tzinfo=BRUSSELS).astimezone(UTC)
    [told] = await delivered_texts(app)
    assert told.startswith("🚪 Je trainer heeft je uit de groep “Evening class” gehaald.")


HANDED_OVER = "👋 Your trainer has left the tutor. You are still in the group “Group A”"


async def forget_as_trainer(trainer: Chat) -> None:
    await trainer.command("forget")
    assert (
        "You lead 1 group: Group A. I do not delete it: the people who run the tutor look "
        "after it, and I tell its learners." in trainer.text
    )
    await trainer.press("Yes, delete everything")
    assert "I deleted all your data" in trainer.text


async def delivered_texts(app: App) -> list[str]:
    api = BotApi()
    await worker(app).drain(on_telegram(app, api))
    return [str(call.params["text"]) for call in api.calls_to("sendMessage")]


async def test_a_trainers_forget_hands_the_groups_to_an_administrator(app: App) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Group A")
    [learner] = await learners(app, code, ["en"])
    await trainer.command("weekly")
    await trainer.press("No more weekly reports")
    await forget_as_trainer(trainer)
    # Back to the menu every learner has; their choices are gone with them.
    assert CommandMenu() in trainer.replies
    async with app.database.session() as session:
        assert await session.scalar(select(func.count()).select_from(TrainerSettingsRow)) == 0

    assert [text.startswith(HANDED_OVER) for text in await delivered_texts(app)] == [True]
    await learner.command("leave")
    assert "Do you want to leave the group “Group A”?" in learner.text
    admin = await person(app, ADMIN_ID)
    await admin.command("cohort")
    assert admin.button("Group A").label == "Group A · 1 learner"


async def test_without_an_administrator_the_groups_stay_without_a_trainer(app: App) -> None:
    cohort = await cohort_with_learners(app, 2)
    trainer = Chat(app.tutor, user="2001", language_code="en", channel="telegram")
    await forget_as_trainer(trainer)

    # The two learners read French and Dutch (see `cohort_with_learners`), in either order.
    texts = await delivered_texts(app)
    openings = sorted(text.split(".", 1)[0] for text in texts)
    assert openings == [
        "👋 Je trainer heeft de tutor verlaten",
        "👋 Votre formateur a quitté le tuteur",
    ]
    assert all("Group A" in text for text in texts)
    async with app.database.session() as session:
        left = await SqlCohorts(session).get_cohort(cohort.id)
        assert left is not None
        assert left.trainer_id is None
        assert await SqlCohorts(session).member_count(cohort.id) == 2


async def test_a_group_left_without_a_trainer_takes_no_one_new(app: App) -> None:
    cohort = await cohort_with_learners(app, 1)
    async with app.database.session() as session:
        _, code = await SqlCohorts(session).create_code(
            "cohort",
            now=app.services.clock(),
            ttl=timedelta(days=30),
            created_by_id=None,
            cohort_id=cohort.id,
        )
    trainer = Chat(app.tutor, user="2001", language_code="en", channel="telegram")
    await forget_as_trainer(trainer)

    newcomer = await person(app, 5200)
    await newcomer.command("join", code)
    # Nobody would see them: the operator names a trainer, then makes a new link.
    assert "Welcome to the group" not in newcomer.text


async def test_a_learners_forget_tells_nothing_about_groups(app: App) -> None:
    trainer = await new_trainer(app, 2001)
    [learner] = await learners(app, await new_cohort(trainer, "Group A"), ["en"])
    await learner.command("forget")
    assert "You lead" not in learner.text


async def test_report_with_chart_and_csv(app: App, clock: Clock) -> None:
    trainer = await new_trainer(app, 2001)
    code = await new_cohort(trainer, "Group A")
    active, _idle = await learners(app, code, ["en", "en"])
    lesson_id = app.services.course.lesson_order("en")[0]
    await active.press_data(f"v2:quiz.start:{lesson_id}")
    quiz_length = len(app.services.course.lesson("en", lesson_id).quiz)  # type: ignore[union-attr]
    for index in range(quiz_length):
        wrong = (active.question.correct + 1) % len(active.question.options)
        await active.press_data(active.question.answer_data[wrong])
        if index + 1 < quiz_length:
            await active.press("Next ▶")
    clock.advance(days=8)
    await active.command("menu")

    await trainer.command("report")
    await trainer.press("Group A")
    text = trainer.replies[0].text  # type: ignore[union-attr]
    assert "👥 1 of 2 learners active this week (last 7 days)" in text
    assert "• L0 B.: 1 · average score 0%" in text
    assert "• L1 B.: 0" in text
    assert "❌ Most-missed questions:" in text
    assert "💤 Not active for 3 days or more:\n• L1 B. (last seen 23 Nov 2026)" in text
    [picture] = [r for r in trainer.replies if isinstance(r, Picture)]
    assert picture.content.startswith(b"\x89PNG")
    [csv_file] = [r for r in trainer.replies if isinstance(r, Document)]
    rows = csv_file.content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Learner;Joined;Last seen;Lessons completed;Average score (%)")
    assert rows[1].startswith("L0 B.;2026-11-23;2026-12-01;1;0;1;")
    assert "Benali" not in csv_file.content.decode()
