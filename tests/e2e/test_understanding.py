"""What learners type, understood through the real tutor engine: the reply's language, small
talk that keeps the learner's place, and follow-up questions rewritten by a (fake) model."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import func, select

from bot.adapters.db.learners import SqlLearners
from bot.adapters.search import Retriever
from bot.app import App, open_app
from bot.config import Language, Settings
from bot.core.replies import Document, Message, Picture, Voice
from bot.course.model import PracticeTask
from bot.features.answers.flows import MONEY_ADVICE, SEVERAL_ASKED
from bot.features.answers.tables import RecentQuestionRow, UnansweredQuestionRow
from bot.features.gain.ports import CHECK_IN
from bot.features.lessons.flows import Reading
from bot.features.progress.tables import LessonProgressRow
from bot.features.quiz.flows import CONFUSED_IN_A_QUIZ
from bot.features.quiz.tables import QuizAnswerRow
from bot.features.smalltalk.flows import (
    FRUSTRATED_NOWHERE,
    MORE_ON_WHAT,
    REPLIES,
    SIMPLEST,
    SKIP_UNDER_A_QUESTION,
    WHY_ALONE,
)
from bot.features.smalltalk.kinds import Kind
from bot.features.wellbeing.flows import REPLIES as WELLBEING_REPLIES
from tests.conftest import Clock, make_settings
from tests.support.buttons import action_of, data
from tests.support.chat import Chat
from tests.support.fake_openai import FakeOpenAI
from tests.support.telegram import shared_index_dir
from tests.support.trainers import in_a_group

pytestmark = pytest.mark.asyncio(loop_scope="module")

USERS = count(1)
LANGUAGES: tuple[Language, ...] = ("fr", "nl", "en")
FIRST_LESSON = "basics/what-is-ai"
# The letters of the first lesson's first questions, as each language says "A, B or C".
FIRST_LETTERS: dict[Language, str] = {"en": "A, B or C", "fr": "A, B ou C", "nl": "A, B of C"}


def tap_a_letter(app: App, language: Language) -> str:
    """Return the call to tap a letter under one of the first lesson's first questions."""
    said = t(app, language, "To answer, tap one of the letters: {letters}.")
    return said.format(letters=FIRST_LETTERS[language])


NOTICE = "🌐 You wrote in English, so I answer in English."
FROM_THE_LESSON = "This comes from the lesson “{title}”."
LONG_FRENCH = "Est-ce que je peux utiliser ChatGPT pour écrire ma lettre de motivation ?"
PHONE = "0475 12 34 56"
STANDALONE = "Can I use AI tools at work without sharing private data?"


def _settings(
    folder: Path, tmp_path_factory: pytest.TempPathFactory, **overrides: object
) -> Settings:
    return make_settings(
        folder,
        f"sqlite+aiosqlite:///{folder / 'tutor.db'}",
        index_dir=shared_index_dir(tmp_path_factory),
        **overrides,
    )


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def clock() -> Clock:
    return Clock()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def plain_app(tmp_path_factory: pytest.TempPathFactory, clock: Clock) -> AsyncIterator[App]:
    """A tutor without a language model."""
    folder = tmp_path_factory.mktemp("understanding-plain")
    async with open_app(_settings(folder, tmp_path_factory), clock=clock) as app:
        yield app


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def model_app(
    tmp_path_factory: pytest.TempPathFactory, fake_openai_server: FakeOpenAI
) -> AsyncIterator[App]:
    """A tutor with the fake model."""
    folder = tmp_path_factory.mktemp("understanding-model")
    settings = _settings(
        folder,
        tmp_path_factory,
        llm_base_url=fake_openai_server.base_url,
        llm_api_key="sk-test",
        llm_timeout_seconds=2.0,
    )
    async with open_app(settings, clock=Clock()) as app:
        yield app


async def new_learner(app: App, language: Language) -> Chat:
    chat = Chat(app.tutor, user=f"learner-{next(USERS)}", language_code=language)
    await chat.command("start")
    return chat


def t(app: App, language: Language, message: str) -> str:
    return app.services.translators[language].gettext(message)


def source_line(app: App, language: Language) -> str:
    """Return the start of the line under a card answer, in a language."""
    return t(app, language, FROM_THE_LESSON).split("“")[0].split("«")[0].strip()


async def kept_questions(app: App) -> int:
    async with app.database.session() as session:
        return int(await session.scalar(select(func.count()).select_from(RecentQuestionRow)) or 0)


async def lessons_started(app: App) -> int:
    async with app.database.session() as session:
        return int(await session.scalar(select(func.count()).select_from(LessonProgressRow)) or 0)


async def unanswered(app: App) -> int:
    async with app.database.session() as session:
        rows = select(func.count()).select_from(UnansweredQuestionRow)
        return int(await session.scalar(rows) or 0)


async def kept_for_trainers(app: App, chat: Chat) -> list[str]:
    """Return the questions kept for the trainers from one learner (the app is shared)."""
    async with app.database.session() as session:
        learner = await SqlLearners(session).find(chat.channel, chat.user)
        assert learner is not None
        kept = await session.scalars(
            select(UnansweredQuestionRow.text).where(UnansweredQuestionRow.learner_id == learner.id)
        )
        return list(kept)


# The reply's language -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["is chatgpt safe", "copilot cv tips"])
async def test_an_english_learner_gets_english_for_short_questions_with_tool_names(
    plain_app: App, text: str
) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.say(text)
    assert t(plain_app, "nl", NOTICE) not in chat.text
    assert source_line(plain_app, "nl") not in chat.text
    assert source_line(plain_app, "en") in chat.text


async def test_what_is_chatgpt_gets_the_english_definition(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.say("what is chatgpt")
    # A glossary word: its definition answers, in the learner's language.
    english, dutch = (
        next(term for term in plain_app.services.course.glossary[lang] if term.id == "chatgpt")
        for lang in ("en", "nl")
    )
    assert english.definition in chat.text
    assert dutch.definition not in chat.text
    assert t(plain_app, "nl", NOTICE) not in chat.text


@pytest.mark.parametrize(
    ("language", "asked", "term_id"),
    [
        ("fr", "que veut dire logiciel ?", "software"),
        ("fr", "c'est quoi itsme", "itsme"),
        ("nl", "wat betekent van kracht?", "in-force"),
        ("en", "what is a browser", "browser"),
    ],
)
async def test_an_everyday_word_on_a_card_is_defined_in_the_lesson(
    plain_app: App, language: Language, asked: str, term_id: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(asked)
    term = next(term for term in plain_app.services.course.glossary[language] if term.id == term_id)
    assert term.everyday
    assert term.definition in chat.text
    # No lesson teaches it; the way back leads to the card being read.
    assert all(action_of(b.data) != "lessons.open" for b in chat.buttons)  # type: ignore[union-attr]
    chat.button_with_action("lessons.resume")


async def test_simpler_typed_after_an_answer_shows_the_answers_card_in_simpler_words(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say("can I paste my CV with my home address into ChatGPT?")
    lesson_id, card = chat.button_with_action("simpler.card").data.split(":")[2:]
    lesson = plain_app.services.course.lesson("en", lesson_id)
    assert lesson is not None
    key_idea = lesson.simple_line(int(card))
    assert key_idea
    # Not the card of the lesson in progress: the one that answered.
    await chat.say("can you say more simple please")
    assert key_idea in chat.text
    # On from there is back to the lesson in progress: "Next ▶" led into the other lesson,
    # which then became the one the menu's ▶ Continue went back to.
    assert lesson_id != FIRST_LESSON
    await chat.press_data(chat.buttons[0].data)
    first = plain_app.services.course.lesson("en", FIRST_LESSON)
    assert first is not None
    assert first.cards[1].heading in chat.text


@pytest.mark.parametrize(
    ("language", "typed", "term_id"),
    [
        # Misspelt names of tools.
        ("fr", "c koi chat gbt", "chatgpt"),  # a spelling of the name, not "who are you?"
        ("fr", "chatgbt c quoi", "chatgpt"),
        ("en", "what is chatgbt", "chatgpt"),
        # Closed and signed, as letters are: each was refused as outside the course.
        ("fr", "que veut dire le mot algorithme ? Cordialement, Bernard", "algorithm"),
        ("fr", "QUE VEUT DIRE LE MOT ALGORITHME ? JE VOUS REMERCIE D'AVANCE. BERNARD", "algorithm"),
        ("fr", "que signifie hallucination ? Merci. Bernard", "hallucination"),
        ("nl", "Wat is een deepfake? Met vriendelijke groeten, Ingrid", "deepfake"),
        ("en", "what is a chatbot? Kind regards, Priya", "chatbot"),
        # "ce qu'est", after a few words: it got a card on who makes AI.
        ("fr", "Je voudrais comprendre ce qu'est réellement l'intelligence artificielle.", "ai"),
        # Laughter around the question is not part of it.
        ("en", "whats a LLM lol", "large-language-model"),
        ("fr", "c quoi un deepfake mdr", "deepfake"),
        ("nl", "haha wat is een chatbot", "chatbot"),
        # The thing named after "dat": a card on learning a language answered it.
        ("nl", "wa is da eigelijk ai", "ai"),
        ("nl", "wat is dat eigenlijk, AI?", "ai"),
        # A word of another language's glossary, defined in the learner's: a card on machine
        # learning answered "what does gegevens mean?".
        ("en", "what does gegevens mean?", "data"),
        ("en", "I don't understand the word gegevens", "data"),
        ("fr", "que veut dire gegevens", "data"),
    ],
)
async def test_a_definition_question_however_it_is_wrapped_gets_its_definition(
    plain_app: App, language: Language, typed: str, term_id: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    term = next(term for term in plain_app.services.course.glossary[language] if term.id == term_id)
    assert term.definition in chat.text


@pytest.mark.parametrize(
    ("language", "shouted", "lesson_id"),
    [
        ("fr", "EST-CE QU'UN CHATBOT PEUT INVENTER DES CHOSES ?", "chatbots/hallucinations"),
        ("nl", "MAG IK MIJN RIJKSREGISTERNUMMER AAN CHATGPT GEVEN", "privacy/personal-data"),
    ],
)
async def test_a_question_typed_in_capitals_is_answered_as_in_small_letters(
    plain_app: App, language: Language, shouted: str, lesson_id: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(shouted)
    # Each word in capitals looked like a name: "I do not keep the names you write".
    assert "🔒" not in chat.text
    assert chat.button_with_action("lessons.open").data == data("lessons.open", lesson_id)


@pytest.mark.parametrize(
    ("language", "written", "named"),
    [
        ("en", "مرحبا، كيف أستخدم الذكاء الاصطناعي؟", "ar"),
        ("nl", "¿cómo puedo usar la inteligencia artificial para buscar trabajo?", "es"),
    ],
)
async def test_a_question_in_a_language_not_offered_is_told_which_languages_are_read(
    plain_app: App, language: Language, written: str, named: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(written)
    translator = plain_app.services.translators[language]
    # In the learner's language: which language the message is in, and the three read.
    assert translator.language_name(named) in chat.text
    for code in plain_app.services.languages.codes:
        assert translator.language_name(code) in chat.text
    assert chat.button_with_action("menu.show")
    assert await kept_for_trainers(plain_app, chat) == []


async def test_a_long_french_message_from_an_english_learner_is_answered_in_french(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.say(LONG_FRENCH)
    assert t(plain_app, "fr", NOTICE) in chat.text
    assert source_line(plain_app, "fr") in chat.text
    # One line, then the button to keep the learner's language, labelled in it.
    notice = chat.replies[0]
    assert notice.text == t(plain_app, "fr", NOTICE)  # type: ignore[union-attr]
    keep = chat.button_with_action("answers.mine")
    assert keep.label == "🇬🇧 Answer in English"
    assert LONG_FRENCH not in keep.data  # the button carries the kept question's id only

    await chat.press_data(keep.data)
    assert source_line(plain_app, "en") in chat.text
    assert t(plain_app, "fr", NOTICE) not in chat.text


async def test_a_message_in_another_language_read_as_small_talk_gets_no_switch_notice(
    plain_app: App,
) -> None:
    # Under an English quiz question: "I answer in Dutch", then the question's words in English.
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    await chat.say("wa bedoel je met content")
    assert t(plain_app, "nl", NOTICE) not in chat.text
    assert t(plain_app, "en", CONFUSED_IN_A_QUIZ) in chat.text
    assert not [b for b in chat.buttons if action_of(b.data) == "answers.mine"]


@pytest.mark.parametrize(
    "question",
    [
        LONG_FRENCH,
        "Est-ce que je peux utiliser ChatGPT pour mon CV?",
        "Comment est-ce que je protège mes données personnelles avec ChatGPT ?",
    ],
)
async def test_answer_in_my_language_shows_the_same_card_in_the_learners_language(
    plain_app: App, question: str
) -> None:
    course = plain_app.services.course
    chat = await new_learner(plain_app, "en")
    await chat.say(question)
    opened = chat.button_with_action("lessons.open").data
    lesson_id = opened.split(":")[2]
    french = course.lesson("fr", lesson_id)
    assert french is not None
    [card] = [i for i, c in enumerate(french.cards) if c.body[:60] in chat.text]

    await chat.press_data(chat.button_with_action("answers.mine").data)

    english = course.lesson("en", lesson_id)
    assert english is not None
    assert english.cards[card].heading in chat.text
    assert english.title in chat.text
    assert chat.button_with_action("lessons.open").data == opened


async def test_a_learner_who_chose_a_language_by_mistake_takes_the_messages_in_one_tap(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "nl")
    await chat.say(LONG_FRENCH)
    always = chat.button_with_action("menu.lang")
    assert always.label == t(plain_app, "fr", "{flag} Always answer in English").format(flag="🇧🇪")
    assert always.data == data("menu.lang", "fr")

    await chat.press_data(always.data)
    await chat.say("hello")
    assert t(plain_app, "fr", REPLIES[Kind.GREETING]) in chat.text


@pytest.mark.parametrize(
    "typed",
    [
        "oups je me suis trompée, je veux le français",
        # Short and in chat style, read as Dutch by the detector: its words pick French.
        "jcomprend rien remet en francais",
    ],
)
async def test_asking_in_another_language_for_that_language_shows_the_language_buttons(
    plain_app: App, typed: str
) -> None:
    chat = await new_learner(plain_app, "nl")
    await chat.say(typed)
    # Not the refusal of what is outside the course: the language buttons, one tap from French.
    assert {data("menu.lang", code) for code in LANGUAGES} <= {b.data for b in chat.buttons}
    assert "lessons.mods" not in {action_of(b.data) for b in chat.buttons}


async def test_the_switch_does_not_change_the_learners_language(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.say(LONG_FRENCH)
    await chat.say("hello")
    assert t(plain_app, "en", REPLIES[Kind.GREETING]) in chat.text


async def test_the_keep_language_button_expires_with_the_kept_question(
    plain_app: App, clock: Clock
) -> None:
    chat = await new_learner(plain_app, "nl")
    await chat.say(LONG_FRENCH)
    keep = chat.button_with_action("answers.mine")
    clock.advance(minutes=31)
    await chat.press_data(keep.data)
    expired = "I no longer have that question: I keep questions for a short time only."
    assert t(plain_app, "nl", expired + " Please ask it again.") in chat.text


async def test_mydata_shows_the_kept_question_and_forget_deletes_it(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.say(f"Est-ce que je peux donner mon numéro {PHONE} à ChatGPT pour mon travail ?")
    await chat.command("mydata")
    [document] = [r for r in chat.replies if isinstance(r, Document)]
    [kept] = json.loads(document.content)["recent_questions"]
    assert kept["language"] == "fr"
    assert "[PHONE]" in kept["text"]
    assert PHONE not in kept["text"]
    assert "• 1 recent question, kept for 30 minutes" in chat.text

    before = await kept_questions(plain_app)
    await chat.command("forget")
    await chat.press_data(data("privacy.forget", "yes"))
    assert await kept_questions(plain_app) == before - 1


async def test_without_a_model_a_follow_up_is_read_after_the_question_before_it(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "fr")
    before = await kept_questions(plain_app)
    await chat.say("C'est quoi un deepfake ?")
    assert await kept_questions(plain_app) == before + 1

    await chat.say("comment je le reconnais ?")

    assert chat.button_with_action("lessons.open").data == data("lessons.open", "verify/deepfakes")


async def test_a_follow_up_kept_for_the_trainers_is_kept_as_the_learner_wrote_it(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "nl")
    await in_a_group(plain_app, chat)
    await chat.say("wat is een deepfake")
    typed = "en welk merk camera gebruiken ze daarvoor?"
    await chat.say(typed)  # searched after the question before it, and not answered surely
    assert "Ik weet niet zeker of mijn lessen daarop antwoorden." in chat.text
    # Not "wat is een deepfake en welk merk…": the trainers read what was written.
    assert await kept_for_trainers(plain_app, chat) == [typed]


@pytest.mark.parametrize(
    ("language", "first", "then"),
    [
        ("en", "What is the AI Act?", "and since when?"),
        ("fr", "c'est quoi l'AI Act", "et depuis quand ?"),
        # Question words alone ask about what was said too: they got "write the whole question".
        ("fr", "l'AI Act c'est quoi", "depuis quand ?"),
        ("nl", "wat is de AI Act", "sinds wanneer?"),
    ],
)
async def test_an_opener_and_a_word_or_two_are_read_after_the_question_before_them(
    plain_app: App, language: Language, first: str, then: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(first)

    await chat.say(then)

    assert chat.button_with_action("lessons.open").data == data("lessons.open", "rules/eu-ai-act")


@pytest.mark.parametrize(
    ("language", "question"),
    [("fr", "C'est quoi un risque inacceptable ?"), ("nl", "wat betekent verboden praktijken")],
)
async def test_a_question_on_the_lesson_being_read_is_answered_from_it(
    plain_app: App, language: Language, question: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", "rules/eu-ai-act", 2))

    await chat.say(question)

    assert chat.button_with_action("lessons.open").data == data("lessons.open", "rules/eu-ai-act")


@pytest.mark.parametrize(
    ("language", "first", "then", "lesson_id"),
    [
        (
            "nl",
            "chatgpt gaf mij een boek dat niet bestaat",
            "hoe kan dat nu?",
            "chatbots/hallucinations",
        ),
        ("en", "what is bias in AI?", "why does it happen?", "ethics/bias"),
        (
            "fr",
            "j'ai vu une photo du pape en doudoune, c'est vrai ?",
            "comment on voit ça ?",
            "verify/deepfakes",
        ),
    ],
)
async def test_a_follow_up_that_says_nothing_on_its_own_is_read_after_the_question_before_it(
    plain_app: App, language: Language, first: str, then: str, lesson_id: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(first)

    await chat.say(then)

    assert chat.button_with_action("lessons.open").data == data("lessons.open", lesson_id)


@pytest.mark.parametrize(
    ("language", "first", "then"),
    [
        ("nl", "chatgpt gaf mij een boek dat niet bestaat", "hoe kan dat nu?"),
        ("en", "does chatgpt keep my conversations?", "how do I delete them?"),
    ],
)
async def test_a_follow_up_answered_from_the_same_lesson_shows_another_card(
    plain_app: App, language: Language, first: str, then: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(first)
    lesson = chat.button_with_action("lessons.open").data
    card = chat.replies[0].text.split("\n")[0]  # type: ignore[union-attr]

    await chat.say(then)

    assert chat.button_with_action("lessons.open").data == lesson
    assert chat.replies[0].text.split("\n")[0] != card  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "asked",
    [
        "will it rain tomorrow?",
        "and a recipe for pancakes?",
        "and which party should I vote for?",
    ],
)
async def test_a_question_about_something_else_is_not_read_after_the_question_before_it(
    plain_app: App, asked: str
) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.say("What is the AI Act?")

    await chat.say(asked)

    assert all(action_of(b.data) != "lessons.open" for b in chat.buttons)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("language", "asked", "then"),
    [
        (
            "nl",
            "wat moet ik doen als iemand belt met de stem van mijn dochter",
            "wat moet ik dan doen",
        ),
        ("fr", "que faire si on m'appelle avec la voix de ma fille", "je dois faire quoi alors"),
        ("en", "what if someone calls me with my daughter's voice", "what should I do then"),
        ("en", "what if someone calls me with my daughter's voice", "What should I do now?"),
    ],
)
async def test_what_to_do_then_after_a_question_is_read_after_it_and_alone_is_help(
    plain_app: App, language: Language, asked: str, then: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(asked)
    await chat.say(then)
    # The help screen, with its list of commands, answered a worried father before.
    assert chat.button_with_action("lessons.open").data == data("lessons.open", "privacy/scams")

    alone = await new_learner(plain_app, language)
    await alone.say(then)
    assert "/help" in alone.text


# Small talk ------------------------------------------------------------------------------------

GREETINGS = {"fr": "Bonjour !", "nl": "hallo", "en": "Hello"}
THANKS = {"fr": "merciii", "nl": "dank je wel", "en": "Thanks!"}


@pytest.mark.parametrize("language", LANGUAGES)
async def test_greetings_and_thanks_get_a_friendly_reply_in_each_language(
    plain_app: App, language: Language
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(GREETINGS[language])
    assert chat.text == t(plain_app, language, REPLIES[Kind.GREETING])
    # Nothing under way yet: ▶ Continue would only show the menu, so the menu it is.
    assert [b.label for b in chat.buttons] == [t(plain_app, language, "☰ Menu")]
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(THANKS[language])
    assert chat.text == t(plain_app, language, REPLIES[Kind.THANKS])
    assert chat.button_with_action("lessons.resume").label == t(plain_app, language, "▶ Continue")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ok", Kind.OK),
        ("oui", Kind.OK),
        ("no", Kind.NO),
        ("stop", Kind.STOP),
        ("👍", Kind.OK),
        ("🎉", Kind.EMOJI),
        ("?", Kind.QUESTION),
        ("bye", Kind.GOODBYE),
        ("this is stupid", Kind.FRUSTRATED),
        ("can I talk to a real person?", Kind.PERSON),
    ],
)
async def test_each_kind_of_small_talk_gets_its_reply(
    plain_app: App, text: str, kind: Kind
) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.command("menu")  # past the offer of the check, which a yes or no answers
    await chat.say(text)
    # Nothing under way for a new learner: the way on is the menu, and no ▶ Continue is named.
    said = FRUSTRATED_NOWHERE if kind is Kind.FRUSTRATED else REPLIES[kind]
    assert chat.text == t(plain_app, "en", said)
    chat.button_with_action("menu.show")


async def test_letters_too_small_get_where_to_make_them_bigger_and_reading_aloud(
    plain_app: App,
) -> None:
    # "on peut écrire plus gros" was refused as outside the course, twice.
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say("comment agrandir les lettres sur ma tablette")
    assert chat.text == t(plain_app, "fr", REPLIES[Kind.TEXT_SIZE])
    await chat.press_data(chat.button_with_action("voice.auto").data)
    await chat.command("settings")
    assert t(plain_app, "fr", "🔊 Every card read aloud: on.") in chat.text


async def test_frustration_on_a_card_names_the_way_back_to_it(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say("this is stupid")
    assert chat.text == t(plain_app, "en", REPLIES[Kind.FRUSTRATED])
    chat.button_with_action("lessons.resume")


@pytest.mark.parametrize(
    ("typed", "several"),
    [
        (
            "is het veilig om mijn cv in chatgpt te plakken? en moet ik betalen voor chatgpt plus?",
            True,
        ),
        ("wat is het verschil tss chatgpt en gemini? en wat zijn AI agents eigenlijk?", True),
        ("is het veilig om mijn cv in chatgpt te plakken?", False),
        # One question, insisted on: it was told to send "the others" one by one.
        ("ik kreeg een brief van de RVA, is dat door een AI beslist??", False),
        ("is dat door een AI beslist ?! en mag dat ?", True),
        # A short first one leads into the next: the learner wondered what to send again.
        ("en voor mijn job? Ik werk in een woonzorgcentrum. Mag ik hun berichten vertalen?", False),
    ],
)
async def test_several_questions_in_one_message_are_said_to_be_answered_one_at_a_time(
    plain_app: App, typed: str, several: bool
) -> None:
    # One card answered one of them, and the question on safety was silently dropped.
    chat = await new_learner(plain_app, "nl")
    await chat.say(typed)
    assert (t(plain_app, "nl", SEVERAL_ASKED) in chat.text) is several


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        # Both got the card on bots' labels, through "bot".
        ("nl", "gij zijt echt de domste bot ooit, wat een zever"),
        ("nl", "fuck off stomme bot"),
        ("fr", "t'es vraiment le pire bot du monde, c'est nul"),
    ],
)
async def test_anger_said_in_a_clause_of_a_message_that_asks_nothing_is_heard(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(typed)
    assert chat.text == t(plain_app, language, REPLIES[Kind.FRUSTRATED])
    chat.button_with_action("lessons.resume")


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("fr", "tu peux me dire mon score stp", "📊"),
        ("nl", "ik ben echt doodop, tot morgen", REPLIES[Kind.STOP]),
        ("en", "gotta go, talk tomorrow", REPLIES[Kind.GOODBYE]),
        # Life interrupting, then coming back: both were refused as outside the lessons.
        ("fr", "dsl mon fils m'appelle", REPLIES[Kind.STOP]),
        ("nl", "sorry, de bel gaat", REPLIES[Kind.STOP]),
        ("en", "sorry my kid is calling me", REPLIES[Kind.STOP]),
        ("fr", "c bon jsuis la ou on en etait?", "📖"),
        ("nl", "zo, ik ben terug, waar waren we?", "📖"),
        # Asking for the trainer by name was refused as outside the lessons.
        ("nl", "ik wil katrien iets vragen", REPLIES[Kind.PERSON]),
        # Refused as outside the lessons, and a card on how AI is made.
        ("en", "Are you spying on me? Who sees what I write here?", "🔒"),
        ("en", "Are you an AI yourself? How do you answer me?", "I am an AI tutor"),
        # Answered by what the tutor is, without a yes or no.
        (
            "en",
            "are you ChatGPT?",
            "I am not ChatGPT: every answer I give comes from the lessons written for this course.",
        ),
        ("fr", "je veux demander quelque chose à ma formatrice", REPLIES[Kind.PERSON]),
    ],
)
async def test_small_talk_worded_freely_is_read_by_its_meaning(
    plain_app: App, language: Language, typed: str, expected: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(typed)
    assert t(plain_app, language, expected) in chat.text
    refusal = "That is not in my lessons, so I cannot answer it."
    assert t(plain_app, language, refusal) not in chat.text


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("fr", "quel temps fera-t-il demain à Liège ?"),
        ("en", "recipe for pancakes"),
        # Short, with a pronoun that stands for nothing said before: no follow-up to ask about.
        ("fr", "il va pleuvoir demain ?"),
        ("en", "will it rain tomorrow?"),
    ],
)
async def test_everyday_questions_are_still_refused_kindly(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    refusal = "That is not in my lessons, so I cannot answer it."
    assert chat.text.startswith(t(plain_app, language, refusal))


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("fr", "j'ai mal au dos, je dois faire quoi"),  # once read as a request for /help
        ("nl", "ik heb al 3 dagen hoofdpijn wat moet ik doen"),
        ("en", "my son has a fever, what medicine?"),
    ],
)
async def test_a_health_question_is_told_who_can_help(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(typed)
    health = (
        "🩺 I am a computer program and cannot give medical advice. Ask your doctor or a "
        "pharmacist. In an emergency, call {emergency}: it is free, day and night."
    )
    assert chat.text.startswith(t(plain_app, language, health).format(emergency="112"))
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.text.startswith(card_header(plain_app, language, 1))


OWN_BENEFITS = (
    "💼 I cannot see your own file or payments. For your benefits, ask the office that pays them: "
    "your union or the CAPAC for unemployment, your mutuality for sickness, the CPAS for social "
    "aid. Your job coach can help you too."
)


@pytest.mark.parametrize(
    ("language", "typed", "course_answer"),
    [
        # Refused, after the warning on the address, with nowhere to turn.
        ("fr", "moi Mamadou Diallo rue Haute 12, onem payer quand ?", False),
        ("nl", "mijn uitkering is deze maand niet gestort, wat moet ik doen?", False),
        # A card on the right to an explanation, and nothing on who pays.
        ("fr", "quand est-ce que l'onem paie les allocations ?", True),
    ],
)
async def test_a_question_on_ones_own_benefits_is_told_who_pays_them(
    plain_app: App, language: Language, typed: str, course_answer: bool
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert t(plain_app, language, OWN_BENEFITS) in chat.text
    # The warning on the address brings the privacy lesson; an answer, the lesson it comes from.
    answered_from = {
        b.data
        for b in chat.buttons
        if b.data.split(":")[1] == "lessons.open" and not b.data.endswith("privacy/personal-data")
    }
    assert bool(answered_from) is course_answer


TRANSLATE_ASKED = (
    "🌍 I do not translate texts myself. A chatbot or a translation app can: this lesson shows "
    "how, and what to check (names, dates, amounts). For an official letter with a date to "
    "answer by, ask a person to check it too."
)


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        (
            "en",
            "Can you translate for me please: 'Geachte mevrouw, u moet uw documenten binnen "
            "15 dagen indienen'",
        ),
        ("fr", "traduis moi ça svp 'Geachte heer, uw aanvraag werd geweigerd'"),
    ],
)
async def test_a_text_to_translate_is_sent_to_the_lesson_on_translating(
    plain_app: App, language: Language, typed: str
) -> None:
    # The pasted letter outweighed its question: "That is not in my lessons".
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert chat.text == t(plain_app, language, TRANSLATE_ASKED)
    assert chat.button_with_action("lessons.open").data == data("lessons.open", "tools/translation")


OWN_PAPERS = (
    "🪪 I cannot check your own papers. Do not send photos of your identity card or residence "
    "card to me or to any chatbot: they show your national register number. For your papers, "
    "ask your town hall (commune), or a social worker at the CPAS."
)


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "can i send you photo of my residence card so you check if my papers are ok?"),
        ("fr", "je peux vous envoyer une photo de mon titre de séjour pour vérifier ?"),
        ("nl", "kan jij kijken of mijn verblijfskaart nog geldig is?"),
    ],
)
async def test_a_request_to_check_ones_own_papers_is_told_who_does(
    plain_app: App, language: Language, typed: str
) -> None:
    # "That is not in my lessons": no word against sending the photo, nowhere to turn.
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert chat.text == t(plain_app, language, OWN_PAPERS)


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("fr", "Comment utiliser l'IA pour préparer mon rendez-vous au CPAS demain ?"),
        ("nl", "Ik werk bij het OCMW, mag ik dossiers van cliënten in Gemini steken?"),
        ("fr", "Quand je vais au CPAS, est-ce qu'ils utilisent ChatGPT pour mon dossier ?"),
    ],
)
async def test_a_course_question_naming_a_benefit_office_without_a_payment_gets_no_such_line(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert t(plain_app, language, OWN_BENEFITS) not in chat.text
    assert chat.button_with_action("lessons.open")


CLAIM = (
    "🔍 I cannot tell you whether this is true: I only know my lessons. You can check it "
    "yourself: who posted it? Do trusted news sites say it too? Does it promise a miracle or make "
    "you angry? This lesson shows you how."
)
TRUST_YOUR_DOCTOR = "🩺 For your health, trust your doctor or pharmacist, not a video or a post."


@pytest.mark.parametrize(
    ("language", "typed", "health"),
    [
        # Refused as outside the course, or told to call 112, where the lesson on checking is
        # what they need.
        (
            "nl",
            "ik heb da gezien op tiktok, ne filmpje van een verpleegster die zegt da ge kanker "
            "geneest met citroen. is da echt?",
            True,
        ),
        ("fr", "j'ai vu sur facebook que le citron guérit le cancer, c'est vrai ?", True),
        ("en", "my uncle says on whatsapp that 5G spreads the flu, is that true?", True),
        ("nl", "mijn buurman zegt dat de Rode Duivels het WK gaan winnen, klopt dat?", False),
    ],
)
async def test_a_claim_seen_or_heard_is_met_with_how_to_check_it(
    plain_app: App, language: Language, typed: str, health: bool
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(typed)
    assert chat.text.startswith(t(plain_app, language, CLAIM))
    assert (t(plain_app, language, TRUST_YOUR_DOCTOR) in chat.text) is health
    checking = chat.button_with_action("lessons.open")
    assert checking.data == data("lessons.open", plain_app.settings.checking_lesson_id)
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.text.startswith(card_header(plain_app, language, 1))


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        # Asked if true, but of nothing seen or heard: outside the course, as before.
        ("fr", "est-ce vrai qu'il va pleuvoir demain à Liège ?"),
        # Seen online, but not asked if true.
        ("en", "i saw a nice pancake recipe on tiktok, how do i make it?"),
    ],
)
async def test_a_claim_needs_both_a_doubt_and_a_source(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert t(plain_app, language, CLAIM) not in chat.text


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("fr", "ChatGPT m'a dit de prendre deux dafalgan ensemble, c'est bon ?"),
        ("nl", "de chatbot zegt dat ik mijn medicatie mag verdubbelen, klopt dat?"),
        ("en", "an AI app told me to take a double dose of my pills, can I trust it?"),
    ],
)
async def test_a_course_question_about_a_medicine_is_also_told_who_can_help(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    health = (
        "🩺 I am a computer program and cannot give medical advice. Ask your doctor or a "
        "pharmacist. In an emergency, call {emergency}: it is free, day and night."
    )
    assert chat.text.startswith(t(plain_app, language, health).format(emergency="112"))
    # Then the course's answer, on checking what a chatbot says.
    assert chat.button_with_action("lessons.open")


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        (
            "en",
            "Is it OK if I put a resident's medical info into a chatbot? Like her medication list",
        ),
        ("fr", "je peux coller la liste de médicaments de ma mère dans chatgpt ?"),
        ("nl", "mag ik de medicatielijst van een bewoner in chatgpt plakken?"),
        ("en", "Can I use Google Translate for a message about her mum's medicines?"),
    ],
)
async def test_a_question_on_sharing_a_list_of_medicines_is_no_question_for_a_doctor(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    # What to share is the question, which the course answers; "ask your doctor" was beside it.
    assert "🩺" not in chat.text
    assert chat.button_with_action("lessons.open")


@pytest.mark.parametrize(
    ("language", "typed", "kind"),
    [
        ("en", "good morning, I am back", Kind.GREETING),  # was read as "let us take a break"
        ("nl", "ik ben terug", Kind.GREETING),
        ("fr", "bonjour je suis revenue", Kind.GREETING),
        ("fr", "jcomprend pa", Kind.CONFUSED),  # was read as goodbye
        ("fr", "g pa compri", Kind.CONFUSED),
        # Sent by their coach, as many are: it was the data kept about them (/mydata), or the
        # refusal of questions outside the course.
        ("en", "hi, my job coach told me to use this", Kind.GREETING),
        ("nl", "hallo, mijn vdab coach zei dat ik dit moest doen", Kind.GREETING),
        ("fr", "bonjour, c'est ma conseillère du Forem qui m'a envoyée ici", Kind.GREETING),
        # How to come back, in one clause of a longer message, and how long a lesson takes:
        # refused as outside the course.
        (
            "fr",
            "salam, c'est bien ici. demain je fais encore. comment je fais pour revenir ? ou je "
            "clique ?",
            Kind.COMEBACK,
        ),
        ("nl", "Hoeveel minuten duurt een les?", Kind.LESSON_TIME),
    ],
)
async def test_coming_back_and_not_understanding_typed_as_in_chat(
    plain_app: App, language: Language, typed: str, kind: Kind
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert chat.text == t(plain_app, language, REPLIES[kind])


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("fr", "on m'a mis dehors"),
        ("fr", "jai perdu mon boulot"),
        ("nl", "ik ben werkloos"),
        ("en", "I got laid off"),
    ],
)
async def test_a_lost_job_gets_sympathy_who_helps_and_the_way_back_not_a_refusal(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(typed)
    # It was "That is not in my lessons, so I cannot answer it."
    assert chat.text == t(plain_app, language, REPLIES[Kind.JOB_LOSS])
    assert [action_of(b.data) for b in chat.buttons] == ["lessons.mods", "lessons.resume"]


async def test_something_else_lost_is_no_lost_job(plain_app: App) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.say("j'ai perdu mes clés")
    assert chat.text != t(plain_app, "fr", REPLIES[Kind.JOB_LOSS])


@pytest.mark.parametrize(("language", "typed"), [("fr", "aide"), ("nl", "hulp"), ("fr", "/aide")])
async def test_help_typed_shows_the_help_and_keeps_the_place(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(typed)
    assert t(plain_app, language, "How it works:") in chat.text
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.text.startswith(card_header(plain_app, language, 1))


@pytest.mark.parametrize(("language", "typed"), [("nl", "volgende les"), ("fr", "leçon suivante")])
async def test_next_lesson_typed_opens_the_lesson_after_the_current_one(
    plain_app: App, language: Language, typed: str
) -> None:
    course = plain_app.services.course
    chat = await new_learner(plain_app, language)
    await chat.say(typed)  # nothing begun: the first lesson
    assert chat.text.startswith(card_header(plain_app, language, 0))
    await chat.say(typed)
    following = course.lesson(language, course.next_lesson_id(language, FIRST_LESSON) or "")
    assert following is not None
    assert chat.text.startswith(f"📖 {following.title} · 1/")


async def test_continue_with_nothing_in_progress_shows_the_menu(plain_app: App) -> None:
    chat = await new_learner(plain_app, "nl")
    await chat.command("menu")  # past the offer of the check, which a yes answers
    await chat.say("oké")
    assert [b.label for b in chat.buttons] == [t(plain_app, "nl", "☰ Menu")]
    # A ▶ Continue left on screen from before shows the menu too.
    await chat.press_data(data("lessons.resume"))
    assert t(plain_app, "nl", "What would you like to do?") in chat.text


async def test_typing_menu_shows_the_menu_with_the_lesson_to_continue(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say("menu")
    assert t(plain_app, "en", "What would you like to do?") in chat.text
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert "2/" in chat.text.splitlines()[0]


@pytest.mark.parametrize(("language", "typed"), [("fr", "commencer"), ("en", "start")])
async def test_start_typed_with_nothing_in_progress_opens_the_first_lesson(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert card_header(plain_app, language, 0) in chat.text


@pytest.mark.parametrize(
    ("language", "typed", "command_text"),
    [
        ("fr", "Désactiver les rappels", "⚙️ Your settings"),
        ("fr", "jveux plus de rappels", "⚙️ Your settings"),
        ("en", "turn off reminders", "⚙️ Your settings"),
        ("nl", "herhalen", "No questions to review now. Choose a lesson to take its quiz."),
    ],
)
async def test_a_request_typed_in_words_does_what_its_button_does(
    plain_app: App, language: Language, typed: str, command_text: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert t(plain_app, language, command_text) in chat.text


def card_header(app: App, language: Language, card: int) -> str:
    lesson = app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    return f"📖 {lesson.title} · {card + 1}/{len(lesson.cards)}"


@pytest.mark.parametrize("language", LANGUAGES)
async def test_thanks_on_a_card_then_continue_shows_the_same_card(
    plain_app: App, language: Language
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.open", FIRST_LESSON))
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    assert card_header(plain_app, language, 1) in chat.text
    await chat.say(THANKS[language])
    assert card_header(plain_app, language, 1) not in chat.text
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.text.startswith(card_header(plain_app, language, 1))


@pytest.mark.parametrize(("language", "again"), [("fr", "encore"), ("nl", "nog eens")])
async def test_again_shows_the_same_card_and_in_a_quiz_the_pending_question(
    plain_app: App, language: Language, again: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 2))
    await chat.say(again)
    assert chat.text.startswith(card_header(plain_app, language, 2))
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    pending = chat.question.question
    await chat.say(again)
    assert chat.question.question == pending


BREAK = {"fr": "je suis fatigué", "nl": "wacht even", "en": "im so tired"}


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_break_asked_in_words_keeps_the_card(plain_app: App, language: Language) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(BREAK[language])
    assert chat.text == t(plain_app, language, REPLIES[Kind.STOP])
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.text.startswith(card_header(plain_app, language, 1))


NOT_A_PERSON = {"fr": "pas une personne", "nl": "geen mens", "en": "not a person"}


@pytest.mark.parametrize(
    ("language", "asked"),
    [("fr", "tu es un robot ?"), ("nl", "wie ben jij?"), ("en", "Are you a real person?")],
)
async def test_asked_what_it_is_the_tutor_says_it_is_a_program_and_how_many_lessons(
    plain_app: App, language: Language, asked: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(asked)
    count = len(plain_app.services.course.lesson_order(language))
    assert NOT_A_PERSON[language] in chat.text
    assert f" {count} " in chat.text
    assert chat.button_with_action("menu.show")


async def test_the_words_of_a_command_do_what_the_command_does(plain_app: App) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say("une autre leçon svp")
    assert t(plain_app, "fr", "Choose a topic:") in chat.text
    await chat.say("changer de langue")
    assert [action_of(b.data) for b in chat.buttons] == ["menu.lang"] * 3  # type: ignore[union-attr]
    await chat.say("je veux un quiz")
    lesson = plain_app.services.course.lesson("fr", FIRST_LESSON)
    assert lesson is not None
    assert chat.question.question in {item.question for item in lesson.quiz}
    await chat.say("mes progrès")
    assert any(isinstance(reply, Picture) for reply in chat.replies)
    # Deleting is asked, never done on words alone: the confirmation buttons decide.
    await chat.say("supprime mes données")
    assert {action_of(b.data) for b in chat.buttons} == {"privacy.forget"}  # type: ignore[union-attr]
    await chat.say("mes progrès")
    assert any(isinstance(reply, Picture) for reply in chat.replies)


@pytest.mark.parametrize(
    ("language", "typed", "confirms"),
    [
        ("en", "please delete all my data, i dont want to be watched", True),
        ("nl", "wat weet je over mij? ik ben ongerust", False),
        # About a chatbot's history: the lessons answer it.
        ("fr", "meta ai garde mes questions, je peux les effacer ?", False),
    ],
)
async def test_a_clause_in_listed_words_about_ones_own_data_is_done_first(
    plain_app: App, language: Language, typed: str, confirms: bool
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    actions = {action_of(b.data) for b in chat.buttons}  # type: ignore[union-attr]
    assert (actions == {"privacy.forget"}) is confirms
    if language == "nl":
        assert t(plain_app, "nl", "🔒 What I keep about you:") in chat.text


async def test_a_practice_prompt_asking_to_delete_data_is_a_prompt(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("practice.task", "prompting-email-commune"))
    await chat.say("Write a short email to the commune for an appointment. Delete my data after.")
    assert "privacy.forget" not in {action_of(b.data) for b in chat.buttons}  # type: ignore[union-attr]
    assert t(plain_app, "en", "📝 Score: {score} out of {total}").split("{")[0] in chat.text


CONFUSED = {"fr": "je comprends pas", "nl": "ik snap het niet", "en": "I don't get it"}


@pytest.mark.parametrize("language", LANGUAGES)
async def test_not_understanding_a_card_shows_its_simpler_words_and_keeps_the_place(
    plain_app: App, language: Language
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(CONFUSED[language])
    lesson = plain_app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    key_idea = lesson.simple_line(1)
    assert key_idea
    assert key_idea in chat.text  # what 🙂 Simpler, please shows, without the tap
    await chat.press(t(plain_app, language, "↩ Back to the card"))
    assert chat.text.startswith(card_header(plain_app, language, 1))


async def test_not_understanding_the_simpler_words_either_offers_listening_and_a_person(
    plain_app: App,
) -> None:
    # "ik snap het niet" under the card in simpler words got the same words again, and again.
    chat = await new_learner(plain_app, "nl")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say("ik snap het niet")
    simpler = chat.text
    await chat.say("ik snap het nog altijd niet")
    assert chat.text != simpler
    listen = t(plain_app, "nl", "🔊 Listen")
    assert chat.text == t(plain_app, "nl", SIMPLEST).format(listen=listen)
    assert chat.button_with_action("voice.answer")
    await chat.press(t(plain_app, "nl", "▶ Continue"))
    assert chat.text.startswith(card_header(plain_app, "nl", 1))


@pytest.mark.parametrize(
    ("language", "confused"),
    [
        ("nl", "kheb da ni goe verstaan"),  # Flemish: "I did not understand that well"
        ("nl", "ik heb dat niet goed verstaan"),
        ("fr", "j'ai pas bien compris"),
    ],
)
async def test_not_understanding_said_with_well_or_in_flemish_shows_the_simpler_words(
    plain_app: App, language: Language, confused: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(confused)
    lesson = plain_app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    assert lesson.simple_line(1) in chat.text  # not "👍 Well done!"


@pytest.mark.parametrize(
    ("typed", "lesson_id"),
    [
        ("gebruiken recruiters ai om cvs te filteren?", "jobs/ai-in-recruitment"),  # cv's
        ("kan ik chatgpt gebruiken voor mn cv", "jobs/cv"),  # mijn
    ],
)
async def test_words_typed_short_on_a_phone_are_read_in_full(
    plain_app: App, typed: str, lesson_id: str
) -> None:
    chat = await new_learner(plain_app, "nl")
    await chat.say(typed)
    assert chat.button_with_action("lessons.open").data == data("lessons.open", lesson_id)


async def test_the_algorithm_clipped_is_the_algorithm(plain_app: App) -> None:
    # "c l algo qui decide mes commandes ?" was refused as outside the course.
    chat = await new_learner(plain_app, "fr")
    await chat.say("jsuis livreur, c l algo qui decide mes commandes ?")
    assert chat.button_with_action("lessons.open").data == data("lessons.open", "rules/your-rights")


async def test_actually_typed_short_still_asks_for_a_definition(plain_app: App) -> None:
    chat = await new_learner(plain_app, "nl")
    await chat.say("wat is chatgpt eig")  # eigenlijk
    term = next(t for t in plain_app.services.course.glossary["nl"] if t.id == "chatgpt")
    assert term.definition in chat.text


async def test_a_flemish_question_on_the_card_being_read_is_answered_from_it(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "nl")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    # "wat bedoel je met patronen": read as typed, its words were known to no lesson.
    await chat.say("wacht wa bedoelt ge met patronen")
    assert chat.button_with_action("lessons.open").data == data("lessons.open", FIRST_LESSON)


async def test_not_understanding_in_one_clause_of_a_polite_message_shows_the_simpler_words(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say("je ne comprend pas tres bien, est ce que vous pouvez m aider un peu monsieur")
    lesson = plain_app.services.course.lesson("fr", FIRST_LESSON)
    assert lesson is not None
    assert lesson.simple_line(1) in chat.text


async def test_a_doubt_that_also_asks_something_outside_the_course_is_reassured(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.say(
        "bonjour monsieur, j ai peur de faire une betise ou de casser quelque chose, "
        "est ce que je peux appuyer sur les boutons sans danger ?"
    )
    assert chat.text.startswith("💛")
    assert t(plain_app, "fr", "❓ Help") in [b.label for b in chat.buttons]


async def test_a_parents_worry_never_gets_the_suicide_lines(plain_app: App) -> None:
    # Unsure, it guessed the card on real help, from the lesson on chatbots as friends; the
    # lesson's card for parents answers it now, and an unsure guess skips that card still.
    chat = await new_learner(plain_app, "nl")
    await chat.say(
        "hoi, ik ben mama van 2 kinderen (9 en 13). mijn zoon zit de hele dag op tiktok. "
        "is da gevaarlijk met AI?"
    )
    assert "Tieners, ouders en AI" in chat.text
    assert "1813" not in chat.text


@pytest.mark.parametrize(
    ("typed", "lines"),
    [
        # Fear for someone else shares the card's words of feeling, not its purpose.
        ("mon petit fils parle avec une ia comme un copain, jai peur pour lui", False),
        ("quel numéro appeler pour parler à quelqu'un plutôt qu'à un chatbot ?", True),
    ],
)
async def test_the_card_with_the_crisis_lines_answers_only_who_to_talk_to(
    plain_app: App, typed: str, lines: bool
) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.say(typed)
    assert chat.text.startswith("💛") is False
    assert ("0800 32 123" in chat.text) is lines


@pytest.mark.parametrize(
    ("language", "typed", "calm"),
    [
        ("fr", "j'ai peur", False),
        ("en", "I'm quite frightened now to be honest", False),
        ("fr", "j'ai peur que l'IA prenne mon travail", True),
        # "ça" stands for nothing asked before: "write the whole question" answered it.
        ("fr", "ça me stresse beaucoup", False),
        ("nl", "ik ben zo gestrest", False),
    ],
)
async def test_fear_said_alone_is_answered_with_calm_and_the_lines_that_listen(
    plain_app: App, language: Language, typed: str, calm: bool
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    # A fear the course answers (for jobs) gets the lesson's answer instead.
    assert chat.text.startswith("💛") is not calm
    assert ("107" in chat.text) is not calm


@pytest.mark.parametrize(
    ("language", "typed", "kind"),
    [
        ("nl", "fuck dit", Kind.FRUSTRATED),
        ("fr", "c est trop rapide pour moi", Kind.CONFUSED),
    ],
)
async def test_swearing_and_too_fast_get_their_small_talk_reply(
    plain_app: App, language: Language, typed: str, kind: Kind
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert chat.text.startswith(t(plain_app, language, REPLIES[kind])[:20])


@pytest.mark.parametrize(
    ("language", "typed"), [("fr", "trop long"), ("nl", "dat is te lang"), ("en", "too long")]
)
async def test_too_long_under_a_card_gets_its_key_idea(
    plain_app: App, language: Language, typed: str
) -> None:
    # It was a break ("let us take a break"), where the learner found the card too long.
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(typed)
    assert chat.text.startswith(t(plain_app, language, "🙂 The key idea:"))


async def test_next_typed_after_a_card_in_simpler_words_goes_on_to_the_next_card(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(CONFUSED["fr"])
    # Read in simpler words, the card may be left: Next comes first, as under the card.
    assert chat.buttons[0].data == data("lessons.card", FIRST_LESSON, 2)
    await chat.say("suivant")
    assert chat.text.startswith(card_header(plain_app, "fr", 2))


async def practising(app: App) -> tuple[Chat, PracticeTask]:
    """Return a new French learner at the course's first practice task, and that task."""
    chat = await new_learner(app, "fr")
    task = next(task for m in app.services.course.modules["fr"] for task in m.practice)
    await chat.press_data(data("practice.task", task.id))
    return chat, task


async def test_not_knowing_what_to_write_in_practice_shows_the_hint_not_a_score(
    plain_app: App,
) -> None:
    chat, task = await practising(plain_app)
    await chat.say("je sais pas quoi écrire")
    assert task.hint in chat.text
    assert "📝" not in chat.text
    await chat.say("Résume cet e-mail en trois points simples pour un collègue.")
    assert "📝" in chat.text  # the task still reads the next prompt
    # Asking the chatbot for a shorter answer is a prompt there, not a call for the hint.
    for shorter in ("plus court svp", "résume en une phrase"):
        await chat.say(shorter)
        assert task.hint not in chat.text, shorter
        assert chat.button_with_action("practice.stop")  # read by the practice, as a prompt


async def test_a_prompt_that_tells_ones_health_is_not_praised_for_keeping_data_out(
    plain_app: App,
) -> None:
    chat, _ = await practising(plain_app)
    await chat.say(
        "Écris un e-mail court et poli à ma commune pour un rendez-vous. Je suis séropositif et "
        "enceinte, donc plutôt le matin. 5 phrases maximum."
    )
    assert t(plain_app, "fr", "a detail about health") in chat.text
    assert f"❌ {t(plain_app, 'fr', 'No personal data')}" in chat.text


@pytest.mark.parametrize(("typed", "language"), [("Nederlands", "nl"), ("in English please", "en")])
async def test_a_language_named_alone_brings_the_language_buttons(
    plain_app: App, typed: str, language: Language
) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(typed)
    assert [action_of(b.data) for b in chat.buttons] == ["menu.lang"] * 3  # type: ignore[union-attr]
    assert "🇧🇪 Français ✓" in chat.button_with_action("menu.lang").label
    await chat.press_data(data("menu.lang", language))
    assert t(plain_app, language, "What would you like to do?") in chat.text
    lesson = plain_app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    assert lesson.title in chat.button_with_action("lessons.resume").label


@pytest.mark.parametrize(
    "asked",
    [
        "tu parles arabe ?",
        # Politely, in more words: it was a card on translating with AI.
        "tu parle arabe? c plus facile pour moi",
    ],
)
async def test_a_language_the_tutor_does_not_speak_gets_those_it_speaks_and_the_place_kept(
    plain_app: App, asked: str
) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))

    await chat.say(asked)

    # It was "I do not know what this question is about. Please write the whole question".
    said = t(plain_app, "fr", "Sorry, I do not speak {language}. I speak {languages}.")
    assert chat.text == said.format(language="arabe", languages="français, néerlandais et anglais")
    assert [action_of(b.data) for b in chat.buttons] == [
        "lessons.resume",
        "menu.langs",
        "menu.show",
    ]


async def test_a_language_typed_under_the_language_buttons_is_the_one_tapped(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.command("language")
    await chat.say("in het Nederlands aub")
    assert t(plain_app, "nl", "Done. I will speak English with you.") in chat.text
    lesson = plain_app.services.course.lesson("nl", FIRST_LESSON)
    assert lesson is not None
    assert lesson.title in chat.button_with_action("lessons.resume").label
    # Anything else under the buttons is a question, and leaves them.
    await chat.command("language")
    await chat.say("wat is een deepfake")
    assert "📘" in chat.text
    await chat.say("English")  # no longer under the buttons: they come back, nothing switches
    assert [action_of(b.data) for b in chat.buttons] == ["menu.lang"] * 3  # type: ignore[union-attr]


async def test_a_language_named_in_a_practice_prompt_is_part_of_the_prompt(
    plain_app: App,
) -> None:
    chat, _ = await practising(plain_app)
    for prompt in ("Traduis en anglais", "en anglais svp"):
        await chat.say(prompt)
        assert chat.button_with_action("practice.hint")  # read by the practice, as a prompt
        assert "menu.lang" not in [action_of(b.data) for b in chat.buttons]  # type: ignore[union-attr]


async def test_why_alone_on_a_card_offers_its_simpler_words(plain_app: App) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say("pourquoi ?")
    assert chat.text == t(plain_app, "fr", WHY_ALONE)
    assert chat.button_with_action("simpler.card").data == data("simpler.card", FIRST_LESSON, 1)


async def test_not_understanding_elsewhere_offers_help(plain_app: App) -> None:
    chat = await new_learner(plain_app, "nl")
    await chat.say(CONFUSED["nl"])
    assert chat.text == t(plain_app, "nl", REPLIES[Kind.CONFUSED])
    assert chat.button_with_action("menu.help")


@pytest.mark.parametrize(("language", "next_word"), [("fr", "suivant"), ("nl", "volgende")])
async def test_next_typed_on_a_card_shows_the_next_card_and_back_the_one_before(
    plain_app: App, language: Language, next_word: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(next_word)
    assert chat.text.startswith(card_header(plain_app, language, 2))
    await chat.say({"fr": "retour", "nl": "terug"}[language])
    assert chat.text.startswith(card_header(plain_app, language, 1))


async def test_next_typed_after_an_aside_goes_back_to_the_card_not_past_it(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "nl")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    for aside in ("wat is een deepfake", "help"):
        await chat.say(aside)
        assert not chat.text.startswith(card_header(plain_app, "nl", 1)), aside
        await chat.say("verder")  # as the ▶ Verder under the reply does
        assert chat.text.startswith(card_header(plain_app, "nl", 1)), aside
    await chat.say("verder")  # the card is on screen again: on to the next one
    assert chat.text.startswith(card_header(plain_app, "nl", 2))


@pytest.mark.parametrize("in_passing", ["merci", "ok", "👍", "hallo"])
async def test_next_typed_after_a_word_in_passing_goes_on_to_the_next_card(
    plain_app: App, in_passing: str
) -> None:
    chat = await new_learner(plain_app, "nl")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(in_passing)
    assert chat.button_with_action("lessons.resume")
    await chat.say("volgende")  # the card is still in view, just above the short reply
    assert chat.text.startswith(card_header(plain_app, "nl", 2))


@pytest.mark.parametrize(
    ("language", "aside", "back"),
    [
        ("nl", "wie wint de match vanavond?", "ok terug naar de les"),
        ("fr", "il fait beau à Liège ?", "bon on reprend"),
        ("en", "what's the weather tomorrow", "back to the lesson"),
    ],
)
async def test_back_to_the_lesson_in_words_shows_the_card_again(
    plain_app: App, language: Language, aside: str, back: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(aside)
    await chat.say(back)
    assert chat.text.startswith(card_header(plain_app, language, 1))


async def test_quiz_typed_in_the_middle_of_a_quiz_goes_on_with_it(plain_app: App) -> None:
    lesson = plain_app.services.course.lesson("en", FIRST_LESSON)
    assert lesson is not None
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    await chat.answer(lesson.quiz[0].correct)
    await chat.press(t(plain_app, "en", "Next ▶"))
    await chat.say("thanks")

    await chat.command("quiz")

    # Not started again, which lost the answer given.
    assert chat.question.question == lesson.quiz[1].question
    await chat.answer(lesson.quiz[1].correct)
    assert "Question 2 of" in chat.text


async def test_more_after_an_answer_shows_the_next_card_of_its_lesson(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.say("can I paste my CV with my home address into ChatGPT?")
    lesson_id, card = chat.button_with_action("simpler.card").data.split(":")[2:]
    lesson = plain_app.services.course.lesson("en", lesson_id)
    assert lesson is not None
    assert int(card) + 1 < len(lesson.cards)
    # "tell me more" got "See you soon!", read close in meaning to a goodbye.
    await chat.say("tell me more")
    assert lesson.cards[int(card) + 1].heading in chat.text


async def test_more_with_nothing_on_screen_asks_more_on_what(plain_app: App) -> None:
    chat = await new_learner(plain_app, "nl")
    await chat.say("meer")
    assert chat.text == t(plain_app, "nl", MORE_ON_WHAT)
    chat.button_with_action("lessons.mods")


@pytest.mark.parametrize(
    ("language", "why"),
    [
        ("fr", "pourquoi ?"),
        ("nl", "waarom is dat fout?"),
        ("en", "why is my answer wrong?"),
        # Not understood, said under the feedback: it is the answer just given that is not.
        ("nl", "Waarom is mijn antwoord fout? Ik begrijp het niet goed."),
        ("fr", "j'ai pas compris"),
    ],
)
async def test_why_under_a_quiz_answer_explains_the_right_answer(
    plain_app: App, language: Language, why: str
) -> None:
    lesson = plain_app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    item = lesson.quiz[0]
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    await chat.answer((item.correct + 1) % len(item.options))
    assert item.explanations[item.correct] not in chat.text  # the feedback says the chosen one's

    await chat.say(why)

    label, explanation = item.explanations[item.correct].split(" ", 1)
    assert explanation in chat.text
    # Its verdict ("Juist.", "Oui.") left out: said after a wrong answer, it reads as praise.
    assert label not in chat.text
    assert item.options[item.correct] in chat.text
    chat.button_with_action("lessons.resume")


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        *((language, "b") for language in LANGUAGES),
        ("fr", "c'est la B"),
        ("nl", "het is c"),
        ("en", "i pick c"),
    ],
)
async def test_a_lone_letter_with_no_question_on_screen_says_so(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    # Read by its closeness to "bye" or "brb", it got "let us take a break".
    no_question = (
        "No question is waiting for an answer here. Tap ▶ Continue to go on where you were."
    )
    assert chat.text == t(plain_app, language, no_question)
    chat.button_with_action("lessons.resume")


async def test_the_next_lesson_after_a_quiz_is_one_not_done_yet(plain_app: App) -> None:
    course = plain_app.services.course
    first, second, third = course.lesson_order("en")[:3]
    chat = await new_learner(plain_app, "en")
    for lesson_id in (second, first):
        await take_quiz(plain_app, chat, "en", lesson_id)

    # The second lesson is done: the first one's quiz leads to the third.
    opened = [b.data for b in chat.buttons if action_of(b.data) == "lessons.open"]
    assert data("lessons.open", third) in opened
    assert data("lessons.open", second) not in opened
    await chat.command("menu")
    assert course.lesson("en", third).title in chat.buttons[0].label  # type: ignore[union-attr]


async def test_next_typed_on_the_last_card_starts_the_quiz(plain_app: App) -> None:
    lesson = plain_app.services.course.lesson("en", FIRST_LESSON)
    assert lesson is not None
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("lessons.card", FIRST_LESSON, len(lesson.cards) - 1))
    await chat.say("next")
    assert chat.question.question == lesson.quiz[0].question


async def test_small_talk_during_the_quiz_keeps_the_pending_question(plain_app: App) -> None:
    lesson = plain_app.services.course.lesson("nl", FIRST_LESSON)
    assert lesson is not None
    chat = await new_learner(plain_app, "nl")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    await chat.answer(lesson.quiz[0].correct)
    await chat.press(t(plain_app, "nl", "Next ▶"))
    pending = chat.question.question
    assert pending == lesson.quiz[1].question
    await chat.say("ok")
    # Not "👍 Good!", which would read as "your answer is right".
    assert chat.text == t(plain_app, "nl", "👍 OK. Tap the answer you choose.")
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.question.question == pending
    # "volgende" showed the question again without a word: a guess is fine.
    await chat.say("volgende")
    assert chat.text.startswith(t(plain_app, "nl", SKIP_UNDER_A_QUESTION))
    assert chat.question.question == pending
    # Not "No problem.", which reads as declining: which option says no?
    await chat.say("nee")
    assert chat.text == tap_a_letter(plain_app, "nl")


async def test_ok_after_the_menu_is_no_call_to_tap_an_answer_off_screen(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    pending = chat.question.question
    await chat.command("menu")
    await chat.say("ok")
    # The question waits, but the menu hides its buttons: there is no answer to tap.
    assert chat.text == t(plain_app, "en", REPLIES[Kind.OK])
    await chat.say("idk")  # only ▶ Continue, back to the question, is on screen now
    assert chat.text.endswith(t(plain_app, "en", CONFUSED_IN_A_QUIZ))
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.question.question == pending


@pytest.mark.parametrize(
    ("language", "skip"), [("en", "skip"), ("fr", "je passe"), ("nl", "volgende"), ("en", "next")]
)
async def test_skip_under_a_quiz_question_says_a_guess_is_fine_and_on_a_card_moves_on(
    plain_app: App, language: Language, skip: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    pending = chat.question.question
    await chat.say(skip)
    assert chat.text.startswith(t(plain_app, language, SKIP_UNDER_A_QUESTION))
    # The question again, its answers to tap: "▶ Continue" read as the skip just refused.
    assert chat.question.question == pending
    assert all(button.data.split(":")[1] != "lessons.resume" for button in chat.buttons)

    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    await chat.say(skip)
    assert chat.text.startswith(card_header(plain_app, language, 2))


async def test_i_dont_know_says_a_guess_is_fine_under_a_question_not_under_its_feedback(
    plain_app: App,
) -> None:
    lesson = plain_app.services.course.lesson("en", FIRST_LESSON)
    assert lesson is not None
    guess = t(plain_app, "en", CONFUSED_IN_A_QUIZ)
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    await chat.say("idk")
    assert chat.text.endswith(guess)
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    await chat.answer(lesson.quiz[0].correct)
    await chat.say("idk")  # the feedback is on screen: no question waits for a guess
    assert guess not in chat.text
    assert chat.button_with_action("lessons.resume")


@pytest.mark.parametrize(
    ("language", "typed"),
    [("fr", "je comprends pas la question"), ("nl", "ik snap de vraag niet"), ("en", "idk")],
)
async def test_not_understanding_a_quiz_question_explains_its_words_then_asks_a_guess(
    plain_app: App, language: Language, typed: str
) -> None:
    lesson = plain_app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    item = lesson.quiz[0]
    glossary = plain_app.services.course.glossary[language]
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("quiz.start", FIRST_LESSON))

    await chat.say(typed)

    # It was the call to guess alone: no word of the question was explained.
    assert chat.text.startswith(t(plain_app, language, "📘 Words in this question:"))
    explained = [term for term in glossary if f"• {term.term}" in chat.text]
    assert explained
    assert all(term.definition in chat.text for term in explained)
    assert chat.text.endswith(t(plain_app, language, CONFUSED_IN_A_QUIZ))
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.question.question == item.question


@pytest.mark.parametrize(
    ("language", "typed"),
    [("fr", "je comprends pas la question"), ("nl", "geen idee eigenlijk"), ("en", "idk")],
)
async def test_the_words_of_a_question_are_explained_without_giving_an_option_away(
    plain_app: App, language: Language, typed: str
) -> None:
    # "Wat zijn trainingsgegevens?": the definition of training data was the right option, word
    # for word, and "geen idee" gave the answer away.
    lesson_id = "basics/how-machines-learn"
    lesson = plain_app.services.course.lesson(language, lesson_id)
    assert lesson is not None
    item = lesson.item("training-data")
    assert item is not None
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("quiz.start", lesson_id))
    assert chat.question.question == item.question

    await chat.say(typed)

    glossary = {term.id: term for term in plain_app.services.course.glossary[language]}
    assert glossary["training-data"].definition not in chat.text
    assert chat.text.endswith(t(plain_app, language, CONFUSED_IN_A_QUIZ))


async def test_ok_under_a_review_question_is_no_praise_and_under_its_feedback_is(
    plain_app: App, clock: Clock
) -> None:
    lesson = plain_app.services.course.lesson("fr", FIRST_LESSON)
    assert lesson is not None
    missed = lesson.quiz[0]
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    await chat.answer((missed.correct + 1) % len(missed.options))
    clock.advance(days=2)
    await chat.command("review")
    assert chat.question.question == missed.question
    await chat.say("ok")
    assert chat.text == t(plain_app, "fr", "👍 OK. Tap the answer you choose.")
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    await chat.answer(missed.correct)
    await chat.say("ok")
    assert chat.text == t(plain_app, "fr", REPLIES[Kind.OK])


FEELINGS = "ethics/chatbots-and-feelings"
SCAMS = "privacy/scams"


@pytest.mark.parametrize(
    ("language", "text", "line", "lesson_id"),
    [
        ("nl", "kzien het ni meer zitten", "Zelfmoordlijn 1813", None),
        ("fr", "je veux en finir, j'ai des idées noires", "Centre de Prévention du Suicide", None),
        ("en", "I want to end my life", "call 112", None),
        (
            "fr",
            "je me sens tellement seule depuis que mon mari est mort",
            "Télé-Accueil 107",
            FEELINGS,
        ),
        ("nl", "mijn collega pest mij elke dag", "Tele-Onthaal 106", FEELINGS),
        ("en", "i have chest pain what should i do", "call 112 now", None),
        ("fr", "quelqu'un a fait une fausse photo nue de moi", "Child Focus", None),
        ("nl", "ik ben 63 en ik ken niks van computers", "op je eigen tempo", None),
        ("fr", "je comprends rien a l informatique", "à votre rythme", None),
        (
            "nl",
            "ik heb op de link geklikt en mijn kaartcode ingegeven wat nu??",
            "Card Stop op 078 170 170",
            SCAMS,
        ),
        ("fr", "je me suis fait arnaquer, on a vidé mon compte", "Card Stop", SCAMS),
        ("en", "I clicked the link and typed my card code", "suspect@safeonweb.be", SCAMS),
        ("fr", "ma fille m'envoie un vocal, elle demande 500 euros", "Rappelez au numéro", SCAMS),
        # An itsme code given: the bank at once, nothing more confirmed in the app.
        (
            "fr",
            "j'ai donné le code itsme au monsieur de la banque",
            "ne confirmez plus rien",
            SCAMS,
        ),
    ],
)
async def test_distress_in_the_quiz_gets_the_lines_that_listen_and_the_question_waits(
    plain_app: App, language: Language, text: str, line: str, lesson_id: str | None
) -> None:
    lesson = plain_app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    pending = chat.question.question
    kept_before = (await kept_questions(plain_app), await unanswered(plain_app))
    await chat.say(text)
    # Not read as an answer, a question or small talk: the people who can help come first.
    assert chat.text.startswith(("💛", "🚑", "🚨", "⚠️"))
    assert line in chat.text
    assert (await kept_questions(plain_app), await unanswered(plain_app)) == kept_before
    # Sadness and loneliness also get the lesson on what a chatbot can and cannot be; a scam,
    # the lesson on how to spot the next one.
    lessons = [b.data for b in chat.buttons if action_of(b.data) == "lessons.open"]
    assert lessons == ([data("lessons.open", lesson_id)] if lesson_id else [])
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.question.question == pending


async def test_sadness_told_on_the_way_to_a_question_gets_the_lines_then_the_answer(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.say(
        "bonjour jai 63 ans mon mari est mort il y a trois ans et je me sens seule ma petite "
        "fille a mis des photos de ses enfants sur facebook est ce que cest vrai quon peut faire "
        "des choses avec les photos des enfants"
    )
    # The question was dropped after the lines that listen.
    [lines, answer] = [reply.text for reply in chat.replies if isinstance(reply, Message)]
    assert lines.startswith("💛")
    assert "Télé-Accueil 107" in lines
    assert "Ceci vient de la leçon" in answer
    # Short, sadness is all the message says: the lines alone; long, with no question but a
    # relative "qui", too.
    for told in (
        "je me sens tellement seule depuis que mon mari est mort, pourquoi ?",
        "depuis que mon mari est mort je me sens seule il n y a personne qui vient me voir le "
        "dimanche et mes enfants habitent loin",
    ):
        await chat.say(told)
        assert [reply.text[:1] for reply in chat.replies if isinstance(reply, Message)] == ["💛"]


@pytest.mark.parametrize(
    ("language", "few_words"), [("en", "suicide prevention line"), ("nl", "zelfmoordlijn")]
)
async def test_a_right_answer_that_names_a_suicide_line_is_an_answer_not_a_crisis(
    plain_app: App, language: Language, few_words: str
) -> None:
    lesson = plain_app.services.course.lesson(language, "ethics/chatbots-and-feelings")
    assert lesson is not None
    item = next(i for i in lesson.quiz if i.id == "help-a-friend-in-crisis")
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("quiz.start", lesson.id))
    while chat.question.question != item.question:
        shown = next(i for i in lesson.quiz if i.question == chat.question.question)
        await chat.answer(shown.correct)
        await chat.press(t(plain_app, language, "Next ▶"))

    # A few of its words are no answer: the lines come first, and the question waits.
    await chat.say(few_words)
    assert chat.text.startswith("💛")
    await chat.press_data(chat.button_with_action("lessons.resume").data)

    await chat.say(item.options[item.correct])

    assert not chat.text.startswith("💛")
    assert item.explanations[item.correct] in chat.text


async def asked_to_forget(app: App, language: Language) -> tuple[Chat, int]:
    """Return a learner who opened a lesson and sent /forget, and the lessons started then."""
    chat = await new_learner(app, language)
    await chat.press_data(data("lessons.open", FIRST_LESSON))
    started = await lessons_started(app)
    await chat.command("forget")
    return chat, started


@pytest.mark.parametrize(("language", "typed"), [("en", "yes"), ("fr", "oui"), ("nl", "ja")])
async def test_a_yes_typed_under_the_forget_question_asks_for_the_tap_that_deletes(
    plain_app: App, language: Language, typed: str
) -> None:
    chat, started = await asked_to_forget(plain_app, language)

    await chat.say(typed)

    # It was "Please tap your answer", as if the yes had not been understood.
    yes = t(plain_app, language, "Yes, delete everything")
    sure = t(plain_app, language, "To be sure, please tap “{yes}”: this cannot be undone.")
    assert chat.text == sure.format(yes=yes)
    assert await lessons_started(plain_app) == started
    await chat.press(yes)
    assert await lessons_started(plain_app) == started - 1


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        *(
            ("en", "no"),
            ("fr", "non"),
            ("nl", "nee"),
            ("nl", "nee toch nie"),
            ("fr", "surtout pas"),
        ),
        # Cancelling: "annule" got the question again, with no way out but its two buttons.
        *(("fr", "annule"), ("fr", "laisse tomber"), ("nl", "laat maar"), ("en", "cancel")),
    ],
)
async def test_a_no_typed_under_the_forget_question_keeps_the_data_without_a_tap(
    plain_app: App, language: Language, typed: str
) -> None:
    chat, started = await asked_to_forget(plain_app, language)
    await chat.say(typed)
    assert t(plain_app, language, "OK, I keep your data. Nothing was deleted.") in chat.text
    assert await lessons_started(plain_app) == started
    # No longer under the question: "ok" is small talk again, with nothing to tap for.
    await chat.say("ok")
    assert "privacy.forget" not in [action_of(b.data) for b in chat.buttons]


async def test_a_number_that_no_button_has_gets_a_word_on_the_buttons_not_a_refusal(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("lessons.open", FIRST_LESSON))
    no_button = "No button here has that number. Tap a button, or write your question."
    no_words = "I see no words there. Tap a button, or write your question in words."
    for typed, said in (
        ("7", no_button),
        ("0", no_button),
        ("2026", no_button),
        ("0470 12 34 56", no_words),
    ):
        await chat.say(typed)
        # A phone number alone is said to be removed first; what is left has no words.
        assert chat.text.endswith(t(plain_app, "fr", said)), typed
        await chat.press_data(chat.button_with_action("lessons.resume").data)
        assert "· 1/" in chat.text
    assert await kept_for_trainers(plain_app, chat) == []


DONT_KNOW = {
    "fr": ["jsp", "je sais pas", "Je ne sais pas du tout, je passe."],
    "nl": ["weet ik niet", "geen idee", "ik weet het echt niet, ik sla over"],
    "en": ["idk", "I really don't know, I'll pass"],
}


@pytest.mark.parametrize("language", LANGUAGES)
async def test_not_knowing_the_answer_in_the_quiz_is_told_to_guess_and_the_question_waits(
    plain_app: App, language: Language
) -> None:
    lesson = plain_app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    for typed in DONT_KNOW[language]:
        await chat.say(typed)
        guess = t(
            plain_app,
            language,
            "No problem. Choose the answer that seems most likely to you. Right after, I tell "
            "you which one is right, and why.",
        )
        # After the words of the question explained, if it has some.
        assert chat.text.endswith(guess), typed
        await chat.press_data(chat.button_with_action("lessons.resume").data)
        assert chat.question.question == lesson.quiz[0].question


UNKNOWN_WORD = {
    "fr": "je comprends pas le mot algorithme",
    "nl": "wacht, ik snap het woord algoritme niet",
    "en": "sorry i dont understand the word algorithm",
}


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_word_not_understood_in_the_quiz_is_explained_and_the_question_waits(
    plain_app: App, language: Language
) -> None:
    lesson = plain_app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    algorithm = next(
        term for term in plain_app.services.course.glossary[language] if term.id == "algorithm"
    )
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("quiz.start", FIRST_LESSON))

    await chat.say(UNKNOWN_WORD[language])

    # It was "To answer, tap the letter you choose": the learner asked what a word means.
    assert algorithm.definition in chat.text
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.question.question == lesson.quiz[0].question


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "sorry i dont understand the word pattern"),
        ("en", "i dont know this one, what mean pattern?"),
        ("nl", "ik snap het woord patroon niet"),
    ],
)
async def test_a_course_word_not_understood_is_answered_from_the_lesson_that_uses_it(
    plain_app: App, language: Language, message: str
) -> None:
    lesson = plain_app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    chat = await new_learner(plain_app, language)

    await chat.say(message)

    # It was refused as outside the course: the words around the question outweighed it.
    assert lesson.title in chat.text
    assert t(plain_app, language, "That is not in my lessons, so I cannot answer it.") not in (
        chat.text
    )


async def test_a_question_left_for_the_menu_is_not_answered_blind(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    await chat.command("menu")
    await chat.say("is it bad?")
    assert chat.text != tap_a_letter(plain_app, "en")
    await chat.say("b")
    waiting = t(
        plain_app,
        "en",
        "No question is waiting for an answer here. Tap ▶ Continue to go on where you were.",
    )
    assert chat.text == waiting
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    # Just under the question, a short reply with only ▶ Continue leaves it to answer.
    await chat.say("ok")
    assert [button.data for button in chat.buttons] == [data("lessons.resume")]
    await chat.say("b")
    assert t(plain_app, "en", "Your answer: {option}").split("{")[0] in chat.text


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "i want die sometimes"),
        ("fr", "ma vie n'a plus de sens"),
        ("nl", "ik wil niet leven"),
    ],
)
async def test_distress_under_a_quiz_question_gets_the_crisis_lines(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    await chat.say(typed)
    assert "1813" in chat.text
    assert chat.button_with_action("lessons.resume")


async def test_a_parent_worried_for_their_child_gets_the_lines_said_to_them(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.say("j'ai peur qu'elle pense au suicide. qui je peux appeler ?")
    worried = t(plain_app, "fr", WELLBEING_REPLIES["worried"])
    assert chat.text.startswith(worried.split("{")[0])
    assert "1813" in chat.text
    # Not "if you think about suicide", said to the parent.
    crisis = t(plain_app, "fr", WELLBEING_REPLIES["crisis"])
    assert crisis.split("\n")[2].split("{")[0] not in chat.text


@pytest.mark.parametrize(("language", "typed"), [("fr", "oui"), ("en", "ok"), ("nl", "ja hoor")])
async def test_a_yes_typed_under_the_offer_of_the_check_starts_it(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    assert chat.button_with_action("gain.start")

    # It was "👍 Good!", and the offer stayed unanswered.
    await chat.say(typed)

    assert chat.question.answer_data[0].startswith("v2:gain.ans:")


async def test_ok_at_the_menu_does_not_start_the_check_its_button_offers(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.command("menu")
    assert chat.button_with_action("gain.start")  # 🧭 What do I already know?

    await chat.say("ok")

    assert chat.text == t(plain_app, "en", REPLIES[Kind.OK])


@pytest.mark.parametrize(("language", "typed"), [("nl", "nee"), ("en", "no thanks")])
async def test_a_no_typed_under_the_offer_of_the_check_skips_it(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)

    await chat.say(typed)

    skipped = "No problem. You can answer these questions later from the menu, until you finish "
    assert chat.text.startswith(t(plain_app, language, skipped + "your first lesson."))


@pytest.mark.parametrize(("language", "command"), [("nl", "taal"), ("fr", "langue")])
async def test_the_language_command_in_the_learners_words_works_in_the_check(
    plain_app: App, language: Language, command: str
) -> None:
    # The check reads typed language names as its own; a command is never the flow's words.
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("gain.start", CHECK_IN))
    await chat.command(command)
    assert chat.button_with_action("menu.lang")


@pytest.mark.parametrize("language", LANGUAGES)
async def test_not_knowing_an_answer_in_a_check_is_told_a_guess_is_fine_not_the_right_answer(
    plain_app: App, language: Language
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("gain.start", CHECK_IN))
    asked = chat.question.question
    guess = t(
        plain_app,
        language,
        "No problem. Choose the answer that seems most likely to you: these questions only show "
        "what you know now, and a guess is fine.",
    )
    for typed in DONT_KNOW[language]:
        await chat.say(typed)
        assert chat.text == guess, typed
        await chat.press_data(chat.button_with_action("lessons.resume").data)
        assert chat.question.question == asked


# What a learner types under a quiz question instead of tapping, in each language: the letter
# shown second, with the words around it that the language's speech list knows.
TYPED_SECOND_OPTION = {
    "fr": [
        "b", "B)", "la réponse B", "je pense que c'est la b", "2", "la deuxième", "numéro 2",
        "je dirais b", "bah la b", "je prends la b", "b svp",
    ],
    "nl": [
        "b", "antwoord B.", "ik denk b", "volgens mij is het b", "2", "de tweede", "kga voor b",
        "ik zou b zeggen", "da zal b zijn", "allez, B dan", "antwoord b aub",
    ],
    "en": [
        "b", "B.", "the answer is b", "I think it's B", "2", "the second one", "number 2",
        "I'll go with b", "I would say b", "probably b", "answer b pls",
    ],
}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
async def test_an_options_letter_number_or_rank_typed_in_the_quiz_answers_it(
    plain_app: App, language: Language
) -> None:
    lesson = plain_app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    item = lesson.quiz[0]
    for typed in TYPED_SECOND_OPTION[language]:
        chat = await new_learner(plain_app, language)
        await chat.press_data(data("quiz.start", FIRST_LESSON))
        second = int(chat.question.answer_data[1].rsplit(":", 1)[-1])
        await chat.say(typed)
        chosen = t(plain_app, language, "Your answer: {option}").format(option=item.options[second])
        assert chosen in chat.text, typed
        assert item.explanations[second] in chat.text


@pytest.mark.parametrize(
    "typed",
    [
        # A worry, and a piece of news: both got only "tap one of the letters".
        "ok mais moi concretement jvais retrouver du taf ou pas",
        "le standard a perdu hier jsuis vraiment degouté",
        # "avec" is no word of the question's topic.
        "avec tout ça je vais perdre mon chômage ou quoi",
    ],
)
async def test_a_message_of_its_own_under_a_question_is_told_it_can_come_after(
    plain_app: App, typed: str
) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    pending = chat.question.question
    await chat.say(typed)
    after = t(plain_app, "fr", "Let us finish this question first; then you can write to me again.")
    assert chat.text == f"{after} {tap_a_letter(plain_app, 'fr')}"
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.question.question == pending


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "a or b"),
        ("fr", "celle du milieu"),
        # Longer, in the learner's own words: no question outside the course to refuse, and no
        # message of its own to come back to (it speaks of the question's data).
        ("fr", "je dirais que c'est des maths avec des données"),
    ],
)
async def test_an_answer_the_options_do_not_read_asks_for_a_letter_and_the_question_waits(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    pending = chat.question.question
    await chat.say(typed)
    assert chat.text == tap_a_letter(plain_app, language)
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.question.question == pending


@pytest.mark.parametrize(
    ("language", "typed", "shown"),
    [
        ("nl", "waarom is B fout?", 1),
        ("fr", "pourquoi la c", 2),
        ("en", "why is A wrong?", 0),
        # The "why" inside, as typed in chat: it got "not in my lessons".
        ("fr", "ok mai jcomprend pa pk cest pas A", 0),
    ],
)
async def test_why_an_option_named_by_its_letter_is_explained_under_the_feedback(
    plain_app: App, language: Language, typed: str, shown: int
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    question = chat.question
    await chat.press_data(question.answer_data[0])
    await chat.say(typed)
    lesson = plain_app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    item = lesson.quiz[0]
    named = question.options[shown]
    explanation = item.explanations[item.options.index(named)]
    assert chat.text == f"💡 {'ABC'[shown]}) {named}\n{explanation}"


@pytest.mark.parametrize("right", [False, True])
async def test_a_letter_under_the_feedback_shows_the_next_question_and_keeps_the_first_answer(
    plain_app: App, right: bool
) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    lesson = plain_app.services.course.lesson("fr", FIRST_LESSON)
    assert lesson is not None
    first = lesson.quiz[0]
    wrong = (first.correct + 1) % len(first.options)
    right_letter = "abc"[chat.question.options.index(first.options[first.correct])]
    await chat.answer(first.correct if right else wrong)
    # "la b" under "not quite": the learner corrects the answer the feedback just gave.
    await chat.say(f"la {right_letter}")
    note = t(plain_app, "fr", "Your first answer to that question counts. Here is the next one.")
    assert (note in chat.text) is not right
    assert chat.question.question == lesson.quiz[1].question
    async with plain_app.database.session() as session:
        learner = await SqlLearners(session).find(chat.channel, chat.user)
        assert learner is not None
        stored = await session.scalars(
            select(QuizAnswerRow.is_correct).where(QuizAnswerRow.learner_id == learner.id)
        )
        assert list(stored) == [right]


async def test_why_an_option_is_wrong_before_answering_asks_to_answer_first(plain_app: App) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    pending = chat.question.question
    # It got the lesson on fake news, "faux" read as its topic.
    await chat.say("pourquoi A est faux ?")
    assert chat.text == t(
        plain_app,
        "fr",
        "Choose your answer first: right after, I tell you why each answer is right or wrong.",
    )
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.question.question == pending


async def test_a_number_beyond_any_answer_under_the_feedback_is_no_answer(plain_app: App) -> None:
    # "7" under the feedback showed the next question with "Your first answer counts".
    chat = await new_learner(plain_app, "nl")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    await chat.answer(0)
    await chat.say("7")
    assert chat.text.startswith(
        t(plain_app, "nl", "No button here has that number. Tap a button, or write your question.")
    )


async def test_a_letter_beyond_the_answers_says_which_letters_there_are(plain_app: App) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    assert len(chat.question.options) == 3  # A to C
    await chat.say("d")
    assert chat.text == t(
        plain_app, "fr", "This question has answers A to {last}. Tap the one you choose."
    ).format(last="C")


@pytest.mark.parametrize(
    ("language", "typed", "plain"),
    [
        ("fr", "bonjour c'est quoi un deepfake", "c'est quoi un deepfake"),
        ("nl", "Goeiemorgen, ik heb een vraag: wat is een deepfake?", "wat is een deepfake?"),
        ("en", "Hi there! Quick question - what is a deepfake?", "what is a deepfake?"),
    ],
)
async def test_a_greeting_or_lead_in_before_a_question_changes_nothing_to_its_answer(
    plain_app: App, language: Language, typed: str, plain: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(plain)
    answered = chat.text
    assert "📘" in answered
    await chat.say(typed)
    assert chat.text == answered


@pytest.mark.parametrize(
    ("language", "typed", "shown"),
    [
        ("fr", "réglages", "🔔 Review reminders: on, at about {time}."),
        # Asked off, they are off: they got the settings with the reminders still on.
        ("fr", "arrête les rappels", "🔕 Review reminders: off."),
        ("nl", "geen herinneringen meer aub", "🔕 Review reminders: off."),
    ],
)
async def test_reminders_and_settings_asked_in_words_open_the_settings(
    plain_app: App, language: Language, typed: str, shown: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert t(plain_app, language, shown).split("{")[0] in chat.text


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("nl", "Eenvoudiger, graag"),
        ("fr", "plus simple svp"),
        # Not understanding, in words no list holds whole.
        ("nl", "kheb da ni begrepen"),
        ("nl", "is te moeilijk"),
        ("fr", "jai pas compri"),
        ("fr", "c'est trop compliqué pour moi"),
        ("en", "I didn't understand that"),
    ],
)
async def test_the_simpler_buttons_words_typed_on_a_card_do_what_it_does(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.open", FIRST_LESSON))
    await chat.say(typed)
    back = chat.button(t(plain_app, language, "↩ Back to the card"))
    assert back.data == data("lessons.card", FIRST_LESSON, 0)
    assert "simpler.card" not in {action_of(b.data) for b in chat.buttons}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("language", "asked", "typed"),
    [
        ("fr", "c'est quoi un deepfake", "plus simple svp"),
        ("en", "what is a deepfake", "i dont understand"),
    ],
)
async def test_not_understanding_a_definition_points_to_its_lesson_not_to_the_card_under_it(
    plain_app: App, language: Language, asked: str, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.press_data(data("lessons.open", FIRST_LESSON))
    await chat.say(asked)
    await chat.say(typed)
    teaching = plain_app.services.course.lesson(language, "verify/deepfakes")
    assert teaching is not None
    assert teaching.title in chat.text
    assert data("lessons.open", "verify/deepfakes") in {b.data for b in chat.buttons}
    # The first lesson's card, still open under the definition, is not what was not understood.
    assert "simpler.card" not in {action_of(b.data) for b in chat.buttons}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("nl", "is dit echt? https://www.facebook.com/share/v/abc123"),
        ("fr", "regarde ça www.exemple.be/video c'est vrai ?"),
    ],
)
async def test_a_link_is_not_opened_and_the_lesson_on_checking_is_offered(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    said = "I do not open links. To know whether what you saw online is real, check it yourself"
    assert chat.text.startswith(t(plain_app, language, f"{said}: this lesson shows you how."))
    assert chat.button_with_action("lessons.open").data == data(
        "lessons.open", "verify/fact-checking"
    )
    assert await kept_for_trainers(plain_app, chat) == []


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("nl", "en op het werk?"),
        ("fr", "et au travail ?"),
        ("en", "and is it safe?"),
        ("en", "since when?"),
        ("fr", "depuis quand ?"),
    ],
)
async def test_a_follow_up_without_a_model_asks_for_the_whole_question_not_a_refusal(
    plain_app: App, language: Language, typed: str
) -> None:
    # With no question before it to lean on.
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert chat.text == t(
        plain_app,
        language,
        "I do not know what this question is about. Please write the whole question, "
        "for example: “Can I use ChatGPT at work?”",
    )


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("fr", "quel temps fait il a liege demain"),
        ("en", "will it be sunny in Brussels this weekend"),
    ],
)
async def test_a_whole_question_outside_the_course_with_a_pronoun_is_refused_kindly(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    refusal = "That is not in my lessons, so I cannot answer it."
    assert t(plain_app, language, refusal) in chat.text


async def test_personal_data_outside_the_course_is_warned_about_once_not_refused_too(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.say("my phone is 0478 12 34 56 please call me")
    assert "🔒 You shared a phone number." in chat.text
    # The warning said no already: "That is not in my lessons" came as a second, colder one.
    assert "That is not in my lessons" not in chat.text
    assert "I can explain AI words" in chat.text


async def test_a_hello_and_a_few_words_about_oneself_are_welcomed_not_refused(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.say("Bonjour, je suis Josée, j'ai 78 ans et mon petit-fils m'a installé ça")
    assert chat.text.startswith(t(plain_app, "fr", "Hello! 👋 I am your AI tutor."))
    refusal = "That is not in my lessons, so I cannot answer it."
    assert t(plain_app, "fr", refusal) not in chat.text
    await chat.say("Bonjour, quel temps fera-t-il demain à Liège ?")  # a question is still one
    assert t(plain_app, "fr", refusal) in chat.text


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("fr", "je m'appelle Sophie et j'ai 60 ans"),  # an introduction is a hello: refused
        ("en", "my name is John and I am 55"),
        # Words about oneself, without a name the tutor keeps out: refused until 6 December.
        ("en", "i am Amir from Syria, i live in Liège. my english not so good"),
        ("nl", "ik ben Marc uit Aalst"),
        # A hello and a name alone: "write the whole question" was a cold first hello.
        ("nl", "hoi 👋 ik ben hanne"),
        ("fr", "bonjour je suis Abdel"),
        ("nl", "hallo ik ben Yasmina"),  # read by closeness as "ik ben weg": a break
    ],
)
async def test_an_introduction_and_a_few_words_about_oneself_are_welcomed(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert t(plain_app, language, "Hello! 👋 I am your AI tutor.") in chat.text
    refusal = "That is not in my lessons, so I cannot answer it."
    assert t(plain_app, language, refusal) not in chat.text


async def test_an_introduction_typed_with_one_p_is_one_and_skips_nothing(plain_app: App) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 1))
    # Read by its meaning, "je m'apelle andré" came closest to "je passe" and skipped the card.
    await chat.say("je m'apelle andré")
    greeting = (
        "Nice to meet you! 👋 I do not keep the names you write, so I left yours out. Ask me a "
        "question about AI, or tap a button."
    )
    assert chat.text == t(plain_app, "fr", greeting)
    assert chat.button_with_action("lessons.resume")  # back to the card, not past it


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "Hello. I am not good with computers. What do I do?"),
        ("fr", "j'appuie sur quoi"),
        ("nl", "waar moet ik op drukken"),
    ],
)
async def test_a_beginner_asking_what_to_do_gets_the_help(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert t(plain_app, language, "How it works:") in chat.text


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("fr", "rappelle-moi demain à 18h"),
        ("nl", "kunde mij morgen herinneren?"),
        ("en", "remind me tomorrow"),
    ],
)
async def test_a_reminder_asked_in_words_shows_the_reminder_settings(
    plain_app: App, language: Language, typed: str
) -> None:
    # "rappelle-moi demain à 18h" sets the hour too (docs/reviews.md), after the same words.
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert chat.button_with_action("settings.rem")  # the switch of the reminders
    # Said first: they remind of reviews only, not of appointments.
    assert (
        t(
            plain_app,
            language,
            "🔔 I can remind you to review your lessons, once a day, at the hour you choose here. "
            "I cannot remind you of other things, such as appointments.",
        )
        in chat.text
    )


async def test_a_definition_asked_in_the_quiz_is_answered_and_the_question_waits(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    pending = chat.question.question
    await chat.say("what is a deepfake?")
    assert "📘 deepfake" in chat.text
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.question.question == pending


async def test_a_question_asked_on_a_card_offers_the_way_back_to_that_card(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "fr")
    lesson = plain_app.services.course.lesson("fr", FIRST_LESSON)
    assert lesson is not None
    await chat.press_data(data("lessons.open", FIRST_LESSON))
    await chat.press_data(data("lessons.card", FIRST_LESSON, 2))
    await chat.say("est-ce que je peux mettre mon CV dans ChatGPT ?")
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert lesson.cards[2].text in chat.text

    # With no card or question to go back to, the answer has no ▶ Continue.
    idle = await new_learner(plain_app, "fr")
    await idle.say("est-ce que je peux mettre mon CV dans ChatGPT ?")
    assert all(b.data != data("lessons.resume") for b in idle.buttons)


@pytest.mark.parametrize(
    ("typed", "kind"), [("Bonjour, ça va ?", Kind.HOW_ARE_YOU), ("stop", Kind.STOP)]
)
async def test_small_talk_during_practice_keeps_the_task(
    plain_app: App, typed: str, kind: Kind
) -> None:
    chat, task = await practising(plain_app)
    await chat.say(typed)
    assert chat.text == t(plain_app, "fr", REPLIES[kind])
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert task.task in chat.text
    assert chat.button_with_action("practice.hint")


async def test_a_question_typed_after_leaving_the_practice_screen_is_answered(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "fr")
    modules = plain_app.services.course.modules["fr"]
    task = next(task for module in modules for task in module.practice)
    await chat.press_data(data("practice.task", task.id))
    await chat.command("progress")
    # Gone elsewhere: a question, not a prompt to score ("Score : 1 sur 4").
    await chat.say("c'est quoi un deepfake ?")
    assert "📘" in chat.text
    assert "📝" not in chat.text
    await chat.say("Écris un e-mail poli à ma commune pour un rendez-vous, en cinq lignes.")
    assert "📝" not in chat.text  # practice was left


# Follow-up questions, with a model -------------------------------------------------------------


def model_reply(body: dict[str, Any]) -> str:
    """Rewrite follow-ups; answer everything else from the first passage."""
    user = "\n".join(m["content"] for m in body["messages"] if m["role"] == "user")
    if "<earlier_questions>" in user:
        return STANDALONE
    return "Keep private data out of AI tools at work. SOURCES: 1"


class Searches:
    """Record the queries the retriever is asked."""

    def __init__(self, retriever: Retriever) -> None:
        self.retriever = retriever
        self.search = retriever.search
        self.queries: list[str] = []

    async def __call__(self, query: str, language: Language, k: int = 5, shown: Any = None) -> Any:
        self.queries.append(query)
        return await self.search(query, language, k=k, shown=shown)


async def test_a_follow_up_is_rewritten_from_the_redacted_question_before_it(
    model_app: App, fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    retriever = await model_app.retriever.wait()
    searches = Searches(retriever)
    monkeypatch.setattr(retriever, "search", searches)
    fake_openai.reply = model_reply
    chat = await new_learner(model_app, "en")

    await chat.say(f"Is it safe to give my phone number {PHONE} to ChatGPT?")
    await chat.say("and at work?")

    rewrites = [r for r in fake_openai.completions if "<earlier_questions>" in r.content("user")]
    [rewrite] = rewrites
    assert "Is it safe to give my phone number [PHONE] to ChatGPT?" in rewrite.content("user")
    assert PHONE not in rewrite.text
    assert "and at work?" in rewrite.content("user")
    assert "Write the question in English" in rewrite.content("system")
    # Retrieval, then the answer, use the rewritten question.
    assert searches.queries[-1] == STANDALONE
    answer = fake_openai.completions[-1]
    assert STANDALONE in answer.content("user")
    assert "Keep private data out of AI tools at work." in chat.text


async def test_a_question_that_stands_on_its_own_costs_no_rewrite(
    model_app: App, fake_openai: FakeOpenAI
) -> None:
    fake_openai.reply = model_reply
    chat = await new_learner(model_app, "fr")
    # Not "c'est quoi un deepfake": the glossary answers that one, without the model.
    await chat.say("Les deepfakes sont-ils dangereux ?")
    await chat.say("Comment reconnaître un deepfake dans une vidéo ?")
    assert not [r for r in fake_openai.completions if "<earlier_questions>" in r.content("user")]
    assert len(fake_openai.completions) == 2


async def test_the_first_question_is_never_a_follow_up(
    model_app: App, fake_openai: FakeOpenAI
) -> None:
    fake_openai.reply = model_reply
    chat = await new_learner(model_app, "nl")
    await chat.say("en op het werk?")
    assert not [r for r in fake_openai.completions if "<earlier_questions>" in r.content("user")]


async def test_the_rewrite_counts_against_the_daily_budget(
    model_app: App, fake_openai: FakeOpenAI
) -> None:
    fake_openai.reply = model_reply
    chat = await new_learner(model_app, "en")
    await chat.say("Is it safe to give my bank details to a chatbot?")
    await chat.say("why?")
    await chat.command("mydata")
    [document] = [r for r in chat.replies if isinstance(r, Document)]
    [day] = json.loads(document.content)["llm_usage"]["days"]
    assert day["calls"] == 3
    assert len(json.loads(document.content)["recent_questions"]) == 2


async def test_a_reading_state_survives_every_kind_of_small_talk(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("lessons.card", FIRST_LESSON, 2))
    for text in ["hi", "thanks", "ok", "no", "?", "👍", "stop", "bye", "help"]:
        await chat.say(text)
    async with plain_app.database.session() as session:
        learner = await SqlLearners(session).find(chat.channel, chat.user)
        assert learner is not None
        current, _ = await SqlLearners(session).conversation(learner.id)
    state = plain_app.router.states.load(current)
    assert isinstance(state, Reading)
    assert (state.lesson, state.card) == (FIRST_LESSON, 2)


async def test_why_with_no_question_before_costs_no_model_call(
    model_app: App, fake_openai: FakeOpenAI
) -> None:
    fake_openai.reply = model_reply
    chat = await new_learner(model_app, "en")
    await chat.say("why?")
    assert chat.text == t(model_app, "en", WHY_ALONE)
    assert fake_openai.completions == []


async def test_requests_worded_freely_are_understood_and_glossary_words_still_defined(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "nl")
    await chat.say("toon mijn resultaten aub")
    assert any(isinstance(reply, Picture) for reply in chat.replies)
    await chat.say("ik ben doodmoe")
    assert chat.text == t(plain_app, "nl", REPLIES[Kind.STOP])
    # "persoonsgegevens" alone is a glossary term: its definition, not /mydata.
    await chat.say("persoonsgegevens?")
    term = next(
        term
        for term in plain_app.services.course.glossary["nl"]
        if "persoonsgegevens" in (term.term, *term.aliases)
    )
    assert term.definition in chat.text


async def test_mydata_counts_the_practice_scores_and_the_answers_kept_for_listen(
    plain_app: App,
) -> None:
    chat, _ = await practising(plain_app)
    await chat.say("Écris un e-mail poli à ma commune pour un rendez-vous. Cinq lignes maximum.")
    assert "📝" in chat.text
    await chat.press_data(data("menu.show"))
    await chat.say("est-ce que je peux mettre mon CV dans ChatGPT ?")  # kept for its 🔊 button

    await chat.command("mydata")

    fr = plain_app.services.translators["fr"]
    scores = fr.ngettext(
        "• {count} score of a practice prompt (not the prompt)",
        "• {count} scores of practice prompts (not the prompts)",
        1,
    )
    kept = fr.ngettext(
        "• {count} answer kept for 🔊 Listen, for a day",
        "• {count} answers kept for 🔊 Listen, for a day",
        1,
    )
    assert scores.format(count=1) in chat.text
    assert kept.format(count=1) in chat.text


# How to answer, a break, coming back -----------------------------------------------------------


async def test_the_call_to_tap_names_the_answers_on_screen_not_an_example_letter(
    plain_app: App,
) -> None:
    # "type it: “b”" was read as an order: learners typed "b" and lost the point.
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    lesson = plain_app.services.course.lesson("en", FIRST_LESSON)
    assert lesson is not None
    await chat.answer(lesson.quiz[0].correct)
    await chat.press(t(plain_app, "en", "Next ▶"))
    # The second question's options are short: its buttons show them, without letters.
    assert chat.question.question == lesson.quiz[1].question
    await chat.say("a or b")
    assert chat.text == t(plain_app, "en", "To answer, tap the answer you choose.")


async def test_a_letter_typed_after_the_call_to_tap_answers_the_question(plain_app: App) -> None:
    chat = await new_learner(plain_app, "fr")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    await chat.say("je lenleve")
    assert chat.text == tap_a_letter(plain_app, "fr")
    await chat.say("b")
    assert t(plain_app, "fr", "Your answer: {option}").split("{")[0] in chat.text


async def test_asking_for_the_answer_under_a_question_invites_a_guess(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("quiz.start", FIRST_LESSON))
    pending = chat.question.question
    await chat.say("just tell me the answer lol")
    assert t(plain_app, "en", CONFUSED_IN_A_QUIZ) in chat.text
    await chat.press_data(chat.button_with_action("lessons.resume").data)
    assert chat.question.question == pending


async def test_after_a_break_in_practice_a_question_is_no_prompt(
    plain_app: App,
) -> None:
    chat, _ = await practising(plain_app)
    await chat.say("stop")
    await chat.say("c'est quoi un deepfake ?")
    # It was scored as a prompt ("Ce n'est pas encore un prompt pour cette tâche").
    assert "📘" in chat.text
    assert "📝" not in chat.text


async def take_quiz(
    app: App, chat: Chat, language: Language, lesson_id: str, right: int | None = None
) -> None:
    """Take a lesson's quiz up to its result: the first `right` answers right (all of them)."""
    lesson = app.services.course.lesson(language, lesson_id)
    assert lesson is not None
    await chat.press_data(data("quiz.start", lesson_id))
    for number, item in enumerate(lesson.quiz):
        if right is None or number < right:
            await chat.answer(item.correct)
        else:
            await chat.answer((item.correct + 1) % len(item.options))
        if number + 1 < len(lesson.quiz):
            await chat.press(t(app, language, "Next ▶"))


async def finish_first_quiz(app: App, language: Language) -> Chat:
    """Return a new learner under the result of the first lesson's quiz, all answers right."""
    chat = await new_learner(app, language)
    await take_quiz(app, chat, language, FIRST_LESSON)
    return chat


@pytest.mark.parametrize(
    ("language", "typed", "again"),
    [
        ("en", "back", False),
        ("nl", "terug", False),
        ("nl", "nog eens", True),
        ("fr", "refaire le quiz", True),
    ],
)
async def test_back_or_again_under_a_quiz_result_is_its_lesson_not_the_next_one(
    plain_app: App, language: Language, typed: str, again: bool
) -> None:
    chat = await finish_first_quiz(plain_app, language)
    await chat.say(typed)
    lesson = plain_app.services.course.lesson(language, FIRST_LESSON)
    assert lesson is not None
    if again:  # the quiz again
        assert chat.question.question in {item.question for item in lesson.quiz}
    else:  # its cards
        assert lesson.cards[0].heading in chat.text
        assert f"{lesson.title} · 1/" in chat.text


async def test_the_quiz_asked_for_again_on_a_card_is_the_lesson_s_quiz(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    await chat.press_data(data("lessons.open", FIRST_LESSON))
    await chat.say("redo the quiz")
    lesson = plain_app.services.course.lesson("en", FIRST_LESSON)
    assert lesson is not None
    assert chat.question.question in {item.question for item in lesson.quiz}


@pytest.mark.parametrize(
    ("right", "said"),
    [(4, "Perfect! Well done."), (3, "Good work!"), (2, "A good start.")],
)
async def test_a_quizs_praise_follows_how_many_were_right(
    plain_app: App, right: int, said: str
) -> None:
    # Two right out of four was "Good work!", which said nothing of what went well.
    lesson = plain_app.services.course.lesson("en", FIRST_LESSON)
    assert lesson is not None
    assert len(lesson.quiz) == 4
    chat = await new_learner(plain_app, "en")
    await take_quiz(plain_app, chat, "en", FIRST_LESSON, right)
    praise = ("Perfect! Well done.", "Good work!", "A good start.")
    assert [line for line in praise if line in chat.text] == [said]


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        # The card on Google Maps' fastest road, then "no questions to review".
        (
            "nl",
            "Wat is de snelste weg naar het certificaat? Kan ik lessen overslaan die ik al ken?",
        ),
        ("fr", "je peux sauter les leçons que je connais ?"),
        ("en", "can i skip lessons i already know"),
    ],
)
async def test_asking_for_a_shortcut_is_shown_the_quiz_straight_away_and_the_certificate(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    quiz_now = t(plain_app, language, "📝 I know this: quiz now")
    assert chat.text == t(plain_app, language, REPLIES[Kind.SHORTCUT]).format(quiz_now=quiz_now)


@pytest.mark.parametrize(
    ("language", "typed", "answered"),
    [
        # "AI makes predictions", then a card on agents: a yes to someone short of money.
        ("en", "Can AI predict the stock market? Should I invest with an AI trading app?", True),
        ("fr", "est-ce que l'IA peut prédire la bourse ?", True),
        ("nl", "welke aandelen moet ik kopen met AI?", True),
        # Outside the course, the warning stands in for the refusal.
        ("en", "which stocks should i buy this year", False),
    ],
)
async def test_money_and_investing_are_told_no_ai_predicts_the_markets(
    plain_app: App, language: Language, typed: str, answered: bool
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert chat.replies[0].text == t(plain_app, language, MONEY_ADVICE)
    refusal = t(plain_app, language, "That is not in my lessons, so I cannot answer it.")
    assert refusal not in chat.text
    assert (len(chat.replies) > 1) is answered  # the card follows the warning


@pytest.mark.parametrize("question", ["wat is een deepfake?", "is chatgpt gratis?"])
async def test_with_every_card_read_aloud_the_answers_are_read_aloud_too(
    plain_app: App, question: str
) -> None:
    # "Read every card to me" read the lessons, not the answers to the learner's own questions.
    chat = await new_learner(plain_app, "nl")
    await chat.say(question)
    assert not [reply for reply in chat.replies if isinstance(reply, Voice)]
    await chat.press_data(data("voice.auto", "on"))
    await chat.say(question)
    voices = [reply for reply in chat.replies if isinstance(reply, Voice)]
    assert len(voices) == 1
    assert voices[0].language == "nl"
    read, shown = (" ".join(re.findall(r"\w+", text)) for text in (voices[0].text, chat.text))
    assert read[:40] in shown  # the answer shown, read


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "How do journalists use AI to investigate deepfakes?"),
        ("fr", "Le Forem donne une bourse pour une formation IA ?"),
        ("nl", "Op de beurs zag ik een AI-robot, hoe werkt dat?"),
        ("en", "what is cryptography"),
        ("fr", "je veux m'investir dans une formation IA"),
    ],
)
async def test_words_that_only_look_like_investing_get_no_money_warning(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert t(plain_app, language, MONEY_ADVICE) not in chat.text
