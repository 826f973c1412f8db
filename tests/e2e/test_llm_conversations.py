"""Conversations with the tutor: free questions, "Simpler, please" and prompt practice.

Each runs with no model, and with a fake OpenAI-compatible model on 127.0.0.1, in French, Dutch
and English, through the tutor core as a learner drives it.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from itertools import count
from pathlib import Path
from typing import Final

import pytest
import pytest_asyncio
from sqlalchemy import func, select

from bot.adapters.db.learners import SqlLearners
from bot.app import App, open_app
from bot.config import Language, Settings
from bot.core.guard import Refusal
from bot.core.replies import Document, Message
from bot.course.model import Lesson, PracticeTask
from bot.features.answers.flows import KIND_NAMES
from bot.features.answers.repo import SqlQuestions
from bot.features.practice.flows import CRITERION_NAMES, OFF_TASK_TIP, PART_OF_TASK_TIP
from bot.features.practice.rubric import Criterion
from bot.features.practice.tables import PracticeAttemptRow
from bot.features.privacy.pii import Kind
from bot.features.usage.tables import LLMUsageRow
from tests.conftest import Clock, make_settings
from tests.support.buttons import data
from tests.support.chat import Chat
from tests.support.fake_openai import FakeOpenAI
from tests.support.personal_data import MISSED_FORMATS
from tests.support.telegram import shared_index_dir
from tests.support.trainers import in_a_group

pytestmark = pytest.mark.asyncio(loop_scope="module")

USERS = count(1)
DAILY_LIMIT = 3
LANGUAGES: tuple[Language, ...] = ("fr", "nl", "en")
# Questions the course answers well (not "what is X" for a glossary word: the glossary answers
# those), questions about AI it does not cover, and other topics.
COVERED = {
    "fr": "Comment reconnaître un deepfake ?",
    "nl": "Hoe herken ik een deepfake?",
    "en": "How can I spot a deepfake?",
}
NOT_COVERED = {
    "fr": "De quelle couleur est le logo de ChatGPT ?",
    "nl": "Welke kleur heeft het logo van ChatGPT?",
    "en": "What colour is the logo of ChatGPT?",
}
OFF_TOPIC = {
    "fr": "Comment faire du pain ?",
    "nl": "Hoe bak ik brood?",
    "en": "What time does the train to Ghent leave?",
}
DEEPFAKES = "verify/deepfakes"
PHONE = "0475 12 34 56"
# What a model writes, in each language (the guard refuses a reply in another language).
POEM = {
    "fr": "Bien sûr ! Voici un joli poème sur la météo en Belgique.",
    "nl": "Natuurlijk! Hier is een mooi gedicht over het weer in België.",
    "en": "Sure! Here is a nice poem about the weather in Belgium.",
}
DEEPFAKE_ANSWER = {
    "fr": "Un deepfake est une fausse vidéo faite par une IA.",
    "nl": "Een deepfake is een nepvideo die met AI gemaakt is.",
    "en": "A deepfake is a fake video that was made with AI.",
}


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
async def plain_app(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[App]:
    """A tutor without a language model, as most deployments start."""
    folder = tmp_path_factory.mktemp("llm-plain")
    async with open_app(_settings(folder, tmp_path_factory), clock=Clock()) as app:
        yield app


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def model_app(
    tmp_path_factory: pytest.TempPathFactory, fake_openai_server: FakeOpenAI
) -> AsyncIterator[App]:
    """A tutor with the fake model, a short timeout and a small daily limit."""
    folder = tmp_path_factory.mktemp("llm-model")
    settings = _settings(
        folder,
        tmp_path_factory,
        llm_base_url=fake_openai_server.base_url,
        llm_api_key="sk-test",
        llm_timeout_seconds=1.0,
        llm_max_retries=2,
        llm_daily_limit=DAILY_LIMIT,
    )
    async with open_app(settings, clock=Clock()) as app:
        yield app


async def new_learner(app: App, language: Language) -> Chat:
    chat = Chat(app.tutor, user=f"learner-{next(USERS)}", language_code=language)
    await chat.command("start")
    return chat


async def new_member(app: App, language: Language) -> Chat:
    """Return a new learner in a group, whose trainer reads the questions the lessons miss."""
    chat = await new_learner(app, language)
    await in_a_group(app, chat)
    return chat


async def learner_id(app: App, chat: Chat) -> int:
    async with app.database.session() as session:
        learner = await SqlLearners(session).find(chat.channel, chat.user)
    assert learner is not None
    return learner.id


async def unanswered(app: App, chat: Chat) -> list[str]:
    async with app.database.session() as session:
        questions = await SqlQuestions(session).of_learners([await learner_id(app, chat)])
    return [q.text for q in questions]


def message_with(chat: Chat, part: str) -> Message:
    for reply in chat.replies:
        if isinstance(reply, Message) and part in reply.text:
            return reply
    raise AssertionError(f"no message with {part!r} in {chat.text!r}")


def lesson(app: App, language: Language, lesson_id: str) -> Lesson:
    found = app.services.course.lesson(language, lesson_id)
    assert found is not None
    return found


# Without a model ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_covered_question_gets_the_best_passage_as_a_card(
    plain_app: App, language: Language
) -> None:
    chat = await new_learner(plain_app, language)
    t = plain_app.services.translators[language]
    deepfakes = lesson(plain_app, language, DEEPFAKES)

    await chat.say(COVERED[language])

    answer = message_with(chat, deepfakes.title)
    passage, source = answer.text.rsplit("\n\n", 1)
    assert len(passage.split()) <= 90
    assert any(card.heading in passage for card in deepfakes.cards)
    assert source == t.gettext("This comes from the lesson “{title}”.").format(
        title=deepfakes.title
    )
    assert chat.button(t.gettext("📖 Open the lesson")).data == data("lessons.open", DEEPFAKES)
    others = [
        b for b in chat.buttons if b.data.startswith("v2:lessons.open:") and DEEPFAKES not in b.data
    ]
    assert 1 <= len(others) <= 2
    assert await unanswered(plain_app, chat) == []

    await chat.press(t.gettext("📖 Open the lesson"))
    assert deepfakes.cards[0].heading in chat.text


@pytest.mark.parametrize("language", LANGUAGES)
async def test_an_uncovered_question_is_answered_honestly_and_kept_for_trainers(
    plain_app: App, language: Language
) -> None:
    chat = await new_member(plain_app, language)
    t = plain_app.services.translators[language]

    await chat.say(f"{NOT_COVERED[language]} {PHONE}")

    # Said so, with the closest card all the same and the lessons that come next.
    assert t.gettext("🤔 I am not sure my lessons answer that. The closest I have:") in chat.text
    saved = "I saved your question, without personal details, for the trainers."
    assert t.gettext(saved) in chat.text
    assert len([b for b in chat.buttons if b.data.startswith("v2:lessons.open:")]) >= 2
    # Kept for the trainers without the phone number, which the learner is told about.
    assert await unanswered(plain_app, chat) == [f"{NOT_COVERED[language]} [PHONE]"]
    assert t.gettext("a phone number") in chat.text


@pytest.mark.parametrize("language", LANGUAGES)
async def test_an_uncovered_question_of_a_learner_in_no_group_is_not_kept(
    plain_app: App, language: Language
) -> None:
    chat = await new_learner(plain_app, language)
    t = plain_app.services.translators[language]

    await chat.say(NOT_COVERED[language])

    # No trainer would read it: it is not stored, and the learner is not told it was.
    assert t.gettext("🤔 I am not sure my lessons answer that. The closest I have:") in chat.text
    saved = "I saved your question, without personal details, for the trainers."
    assert t.gettext(saved) not in chat.text
    assert await unanswered(plain_app, chat) == []


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_question_about_something_else_gets_a_kind_redirect(
    plain_app: App, language: Language
) -> None:
    chat = await new_learner(plain_app, language)
    t = plain_app.services.translators[language]

    await chat.say(OFF_TOPIC[language])

    assert t.gettext("That is not in my lessons, so I cannot answer it.") in chat.text
    assert chat.button_with_action("lessons.mods")
    assert await unanswered(plain_app, chat) == []


@pytest.mark.parametrize("language", LANGUAGES)
async def test_personal_data_is_pointed_out_with_the_privacy_lesson(
    plain_app: App, language: Language
) -> None:
    chat = await new_learner(plain_app, language)
    t = plain_app.services.translators[language]
    privacy = lesson(plain_app, language, "privacy/personal-data")

    await chat.say(f"{COVERED[language]} jan.peeters@example.be BE68 5390 0754 7034")

    warning = message_with(chat, "🔒")
    shared = t.gettext("{items} and {last}").format(
        items=t.gettext("an e-mail address"), last=t.gettext("a bank account number (IBAN)")
    )
    assert shared in warning.text
    assert warning.keyboard[0][0].data == data("lessons.open", privacy.id)
    assert "jan.peeters" not in chat.text


SENDERS_DATA_QUESTIONS: Final = {
    "fr": (
        "j'ai reçu un sms du 0470 12 34 56 qui dit que mon colis est bloqué, c'est une arnaque ?",
        (Kind.PHONE,),
    ),
    "nl": (
        "ik kreeg een mail van info@bpost-pakjes.be, ik moet 2 euro betalen. Is dat oplichting?",
        (Kind.EMAIL,),
    ),
    "en": (
        "I got a text from +32 470 12 34 56 asking me to pay BE68 5390 0754 7034, is it a scam?",
        (Kind.PHONE, Kind.IBAN),
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_senders_number_in_a_message_received_is_left_out_without_a_lesson_on_sharing(
    plain_app: App, language: Language
) -> None:
    chat = await new_learner(plain_app, language)
    t = plain_app.services.translators[language]

    question, kinds = SENDERS_DATA_QUESTIONS[language]
    await chat.say(question)

    notice = message_with(chat, "🔒")
    *items, last = [t.gettext(KIND_NAMES[kind]) for kind in kinds]
    shared = t.gettext("{items} and {last}").format(items=", ".join(items), last=last)
    left_out = t.gettext("🔒 I left {shared} out of your message before reading it.")
    assert notice.text == left_out.format(shared=shared if items else last)
    assert not notice.keyboard
    for sender in ("0470", "bpost-pakjes", "5390"):
        assert sender not in chat.text
    # The same number given as the learner's own is warned about, with the lesson.
    await chat.say("my number is 0470 12 34 56, can you call me?")
    assert message_with(chat, "🔒").keyboard


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("fr", "je n'ai pas reçu le certificat, mon mail c'est jean.dupont@example.be"),
        ("fr", "ce site demande mon IBAN BE68 5390 0754 7034, c'est une arnaque ?"),
        ("nl", "ik kreeg een nieuwe gsm, mijn nummer is 0470 12 34 56"),
    ],
)
async def test_own_contact_details_beside_a_word_of_receiving_are_still_warned_about(
    plain_app: App, language: Language, typed: str
) -> None:
    chat = await new_learner(plain_app, language)
    await chat.say(typed)
    assert message_with(chat, "🔒").keyboard  # the lesson on what not to share


async def test_a_learner_giving_their_name_is_told_it_is_left_out_not_warned(
    plain_app: App,
) -> None:
    chat = await new_learner(plain_app, "fr")
    t = plain_app.services.translators["fr"]

    await chat.say("Bonjour, je m'appelle Monique. C'est quoi un chatbot ?")

    notice = message_with(chat, "🔒")
    assert notice.text == t.gettext("🔒 I do not keep the names you write, so I left it out.")
    assert not notice.keyboard
    assert "Monique" not in chat.text
    # An introduction and nothing else is greeted, not read as a question.
    await chat.say("bonjour, moi c'est Fatima")
    greeting = t.gettext(
        "Nice to meet you! 👋 I do not keep the names you write, so I left yours out. Ask me a "
        "question about AI, or tap a button."
    )
    assert chat.text == greeting
    assert "Fatima" not in chat.text
    # With other data beside the name, the whole warning and its lesson.
    await chat.say("je m'appelle Monique, mon numéro est 0475 12 34 56, c'est grave ?")
    warning = message_with(chat, "🔒")
    assert t.gettext(KIND_NAMES[Kind.PHONE]) in warning.text
    assert warning.keyboard


@pytest.mark.parametrize(
    ("language", "kind", "shown"),
    [(LANGUAGES[n % 3], kind, shown) for n, (kind, shown) in enumerate(MISSED_FORMATS)],
)
async def test_personal_data_in_any_format_is_kept_away_from_trainers_and_pointed_out(
    plain_app: App, language: Language, kind: Kind, shown: str
) -> None:
    chat = await new_member(plain_app, language)
    t = plain_app.services.translators[language]

    await chat.say(f"{NOT_COVERED[language]} {shown}")

    assert await unanswered(plain_app, chat) == [f"{NOT_COVERED[language]} {kind.placeholder}"]
    assert t.gettext(KIND_NAMES[kind]) in message_with(chat, "🔒").text


@pytest.mark.parametrize("language", LANGUAGES)
async def test_simpler_please_shows_the_key_idea_and_its_words(
    plain_app: App, language: Language
) -> None:
    chat = await new_learner(plain_app, language)
    t = plain_app.services.translators[language]
    what_is_ai = lesson(plain_app, language, "basics/what-is-ai")

    await chat.press_data(data("lessons.open", what_is_ai.id))
    await chat.press(t.gettext("🙂 Simpler, please"))

    assert t.gettext("🙂 The key idea:") in chat.text
    key_idea = chat.text.split("\n")[1]
    assert key_idea == what_is_ai.simple[0]
    glossary = {term.term: term.definition for term in plain_app.services.course.glossary[language]}
    explained = [line for line in chat.text.splitlines() if line.startswith("• ")]
    assert explained
    for line in explained:
        # French puts a space before the colon.
        term, definition = line[2:].split(" : " if language == "fr" else ": ", 1)
        assert glossary[term] == definition
    # The simpler words may be heard, as the card may.
    assert chat.button_with_action("voice.answer")

    await chat.press(t.gettext("↩ Back to the card"))
    assert what_is_ai.cards[0].heading in chat.text


def _task(app: App, language: Language) -> tuple[str, PracticeTask]:
    module = next(m for m in app.services.course.modules[language] if m.practice)
    return module.id, module.practice[0]


# Prompts for the first task of the course: three apps that use AI, one line each.
GOOD_PROMPTS = {
    "fr": "Donne-moi trois applications qui utilisent l'IA, avec une ligne pour chacune. "
    "Je suis débutant avec mon GSM.",
    "nl": "Geef drie apps die AI gebruiken, met één zin uitleg per app. "
    "Ik ben een beginner met mijn gsm.",
    "en": "List three apps that use AI, with one line on each. I am a beginner with my phone.",
}
APPS_WITHOUT_AI = {
    "fr": "Donne-moi trois applis pour mon GSM, en liste.",
    "nl": "Geef me drie apps voor mijn gsm, in een lijstje.",
    "en": "Give me three apps for my phone, in a list.",
}
OFF_TASK_PROMPTS = {
    "fr": "Écris un e-mail poli à ma commune pour un rendez-vous. Je suis libre le mardi. "
    "Cinq lignes maximum.",
    "nl": "Schrijf een korte e-mail aan mijn gemeente voor een afspraak. Ik ben vrij op dinsdag. "
    "Maximaal vijf zinnen.",
    "en": "Write a polite email to my commune to ask for an appointment. I am free on Tuesdays. "
    "Five lines at most.",
}


# The two-step task: a first prompt, then the follow-up its own hint suggests.
FIRST_STEP = {
    "fr": "Explique-moi ce qu'est un contrat intérimaire. Je cherche du travail comme magasinier.",
    "nl": "Leg uit wat een interimcontract is. Ik zoek werk als magazijnier.",
    "en": "Explain what a temporary agency contract is. I am looking for work in a warehouse.",
}


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_follow_up_a_two_step_task_asks_for_goes_on_from_the_prompt_before(
    plain_app: App, language: Language
) -> None:
    chat = await new_learner(plain_app, language)
    t = plain_app.services.translators[language]
    task = next(
        task
        for module in plain_app.services.course.modules[language]
        for task in module.practice
        if task.id == "prompting-improve-answer"
    )
    follow_up = task.hint.split(":", 1)[1].strip(" '\"«»“”")
    # The follow-up alone names one of the task's topics, which is no prompt on the task.
    await chat.press_data(data("practice.task", task.id))
    await chat.say(follow_up)
    assert t.gettext(PART_OF_TASK_TIP).split("{")[0] in chat.text

    await chat.press_data(data("practice.task", task.id))
    await chat.say(FIRST_STEP[language])
    await chat.say(follow_up)
    # After the first step: on the task, its context still holding.
    assert t.gettext(PART_OF_TASK_TIP).split("{")[0] not in chat.text
    assert t.gettext(OFF_TASK_TIP).split("{")[0] not in chat.text
    assert f"✅ {t.gettext(CRITERION_NAMES[Criterion.CONTEXT])}" in chat.text
    assert f"✅ {t.gettext(CRITERION_NAMES[Criterion.FORMAT])}" in chat.text


@pytest.mark.parametrize("language", LANGUAGES)
async def test_prompt_practice_with_the_rubric_rules(plain_app: App, language: Language) -> None:
    chat = await new_learner(plain_app, language)
    t = plain_app.services.translators[language]
    module_id, task = _task(plain_app, language)

    # From the module's lesson list, to the task.
    await chat.press_data(data("lessons.mod", module_id))
    await chat.press(t.gettext("✍ Practise writing a prompt"))
    assert task.task in chat.text
    await chat.press(t.gettext("Task {number}").format(number=1))
    assert task.task in chat.text
    await chat.press(t.gettext("💡 Show a hint"))
    assert task.hint in chat.text

    # Two words and a phone number: the data comes first, then the task again, and no score
    # for what is no prompt yet.
    await chat.say(f"rendez-vous {PHONE}")
    assert t.gettext("a phone number") in chat.text
    leave = t.gettext("To ask me a question instead, first tap “⬅ Stop practising”.")
    assert chat.text.endswith(f"{task.task}\n\n{leave}")
    assert t.gettext("📝 Score: {score} out of {total}").split("{")[0] not in chat.text

    # A fine prompt for another task: at most 1 point, and why.
    await chat.say(OFF_TASK_PROMPTS[language])
    assert t.gettext("📝 Score: {score} out of {total}").format(score=1, total=4) in chat.text
    words = ", ".join(group[0] for group in task.topics)
    assert t.gettext(OFF_TASK_TIP).format(words=words) in chat.text
    # Apps without AI: part of the task, and the tip names only the words still missing.
    await chat.say(APPS_WITHOUT_AI[language])
    assert t.gettext(PART_OF_TASK_TIP).format(words=task.topics[1][0]) in chat.text

    await chat.say(GOOD_PROMPTS[language])
    assert t.gettext("📝 Score: {score} out of {total}").format(score=4, total=4) in chat.text
    assert "❌" not in chat.text
    assert t.gettext("Write another prompt to practise more, or stop here.") in chat.text
    assert t.gettext("Write a better version, or stop here.") not in chat.text

    await chat.command("mydata")
    document = next(r for r in chat.replies if isinstance(r, Document))
    export = json.loads(document.content)
    # No prompt is kept in the state: only which of the task's two topic groups the prompts on
    # the task addressed (one bit each), and whether one gave context, for a follow-up.
    assert export["conversation"]["where"] == {
        "flow": "practice.writing",
        "step": "",
        "data": {"task": task.id, "topics_before": 0b11, "context_before": True},
    }
    assert [a["score"] for a in export["prompt_practice"]["attempts"]] == [1, 1, 4]
    assert not any(a["by_model"] for a in export["prompt_practice"]["attempts"])
    assert PHONE not in document.content.decode()
    assert "rendez-vous" not in document.content.decode()

    await chat.press_data(data("practice.stop"))
    assert t.gettext("Well done for practising!") in chat.text
    # Out of practice mode, text is a question again.
    await chat.say(COVERED[language])
    assert chat.button(t.gettext("📖 Open the lesson"))


async def test_the_practice_command_offers_the_current_module(plain_app: App) -> None:
    chat = await new_learner(plain_app, "en")
    module_id, task = _task(plain_app, "en")
    first_lesson = plain_app.services.course.module("en", module_id)
    assert first_lesson is not None

    await chat.command("practice")
    assert chat.button_with_action("practice.mod").data == data("practice.mod", module_id)

    await chat.press_data(data("lessons.open", first_lesson.lesson_ids[0]))
    await chat.command("practice")
    assert task.task in chat.text


# With a model -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_model_answers_from_the_passages_and_names_its_lessons(
    model_app: App, fake_openai: FakeOpenAI, language: Language
) -> None:
    chat = await new_learner(model_app, language)
    t = model_app.services.translators[language]
    deepfakes = lesson(model_app, language, DEEPFAKES)
    fake_openai.reply = f"{DEEPFAKE_ANSWER[language]}\nSOURCES: 1"

    await chat.say(f"{COVERED[language]} {PHONE}")

    assert DEEPFAKE_ANSWER[language] in chat.text
    assert "SOURCES" not in chat.text
    assert deepfakes.title in chat.text
    assert chat.button(t.gettext("📖 {title}").format(title=deepfakes.title)).data == data(
        "lessons.open", DEEPFAKES
    )
    (request,) = fake_openai.completions
    assert {"fr": "French", "nl": "Dutch", "en": "English"}[language] in request.content("system")
    assert any(card.body in request.content("user") for card in deepfakes.cards)
    # The phone number never leaves: the model sees a placeholder.
    assert PHONE not in request.text
    assert "[PHONE]" in request.text
    assert request.headers["authorization"] == "Bearer sk-test"


# One format of each kind that once reached the model as it was typed.
FIRST_MISSED = dict(reversed(MISSED_FORMATS))


@pytest.mark.parametrize(("kind", "shown"), FIRST_MISSED.items())
async def test_personal_data_in_any_format_never_reaches_the_model(
    model_app: App, fake_openai: FakeOpenAI, kind: Kind, shown: str
) -> None:
    chat = await new_learner(model_app, "en")
    fake_openai.reply = "A deepfake is a fake video made by AI.\nSOURCES: 1"

    await chat.say(f"{COVERED['en']} {shown}")

    (request,) = fake_openai.completions
    assert shown not in request.text
    assert kind.placeholder in request.content("user")
    assert "🔒" in chat.text


async def test_a_question_in_another_language_is_answered_in_that_language(
    model_app: App, fake_openai: FakeOpenAI
) -> None:
    chat = await new_learner(model_app, "en")

    await chat.say("Wat is een deepfake precies en hoe herken ik er een?")

    (request,) = fake_openai.completions
    assert "Dutch" in request.content("system")
    dutch = lesson(model_app, "nl", DEEPFAKES)
    assert dutch.title in chat.text


async def test_when_the_passages_do_not_cover_it_the_model_says_so(
    model_app: App, fake_openai: FakeOpenAI
) -> None:
    chat = await new_member(model_app, "fr")
    t = model_app.services.translators["fr"]
    fake_openai.reply = "NOT_COVERED"

    await chat.say(COVERED["fr"])

    assert t.gettext("I am sorry, my lessons do not answer that question.") in chat.text
    assert await unanswered(model_app, chat) == [COVERED["fr"]]


@pytest.mark.parametrize(
    ("mood", "value"), [("delay", 30.0), ("failures", 10)], ids=["slow", "failing"]
)
async def test_a_slow_or_failing_model_falls_back_to_the_card(
    model_app: App, fake_openai: FakeOpenAI, mood: str, value: float
) -> None:
    chat = await new_learner(model_app, "nl")
    t = model_app.services.translators["nl"]
    setattr(fake_openai, mood, value)
    fake_openai.failure_status = 503

    await chat.say(COVERED["nl"])

    assert chat.button(t.gettext("📖 Open the lesson")).data == data("lessons.open", DEEPFAKES)
    assert lesson(model_app, "nl", DEEPFAKES).title in chat.text
    assert fake_openai.completions


@pytest.mark.parametrize(
    ("reply", "hidden", "refusal"),
    [
        ("Vérifiez sur www.verifie-ici.example/deepfake.", "verifie-ici", Refusal.LINK),
        ("Appelez le 0475 99 88 77 pour vérifier.", "0475 99 88 77", Refusal.PHONE),
        ("Un deepfake est " + "x" * 2000, "xxxxxxxxxx", Refusal.TOO_LONG),
        ("A deepfake is a fake video that was made with AI.", "made with AI", Refusal.LANGUAGE),
    ],
    ids=["link", "phone", "too-long", "language"],
)
async def test_a_reply_the_guard_refuses_gives_the_card_and_still_counts(
    model_app: App, fake_openai: FakeOpenAI, reply: str, hidden: str, refusal: Refusal
) -> None:
    chat = await new_learner(model_app, "fr")
    t = model_app.services.translators["fr"]
    assert model_app.model is not None
    refused_before = model_app.model.refusals[refusal]
    fake_openai.reply = f"{reply}\nSOURCES: 1"

    await chat.say(COVERED["fr"])

    assert hidden not in chat.text
    assert chat.button(t.gettext("📖 Open the lesson")).data == data("lessons.open", DEEPFAKES)
    assert model_app.model.refusals[refusal] == refused_before + 1
    await chat.command("mydata")
    document = next(r for r in chat.replies if isinstance(r, Document))
    [day] = json.loads(document.content)["llm_usage"]["days"]
    assert (day["calls"], day["output_tokens"]) == (1, fake_openai.completion_tokens)


async def test_a_phone_number_from_the_passages_is_shown(
    model_app: App, fake_openai: FakeOpenAI
) -> None:
    chat = await new_learner(model_app, "en")
    answer = "Call your bank and Card Stop on 078 170 170 at once."
    fake_openai.reply = f"{answer}\nSOURCES: 1"

    await chat.say("I gave a code from my card reader to a scammer. Who do I call?")

    assert "078 170 170" in fake_openai.completions[0].content("user")
    assert answer in chat.text


async def test_lone_surrogates_in_a_reply_are_dropped(
    model_app: App, fake_openai: FakeOpenAI
) -> None:
    chat = await new_learner(model_app, "en")
    fake_openai.reply = "A deepfake is a fake\ud800 video that was made with AI.\nSOURCES: 1"

    await chat.say(COVERED["en"])

    assert DEEPFAKE_ANSWER["en"] in chat.text


async def test_practice_feedback_with_a_foreign_link_comes_from_the_rules(
    model_app: App, fake_openai: FakeOpenAI
) -> None:
    chat = await new_learner(model_app, "en")
    t = model_app.services.translators["en"]
    _, task = _task(model_app, "en")
    fake_openai.reply = "TASK: yes\nCONTEXT: yes\nFORMAT: yes\nFEEDBACK: Great! See bit.ly/win."

    await chat.press_data(data("practice.task", task.id))
    await chat.say(GOOD_PROMPTS["en"])

    assert "bit.ly" not in chat.text
    assert t.gettext("📝 Score: {score} out of {total}").format(score=4, total=4) in chat.text
    assert fake_openai.completions


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_text_that_is_no_prompt_gets_a_nudge_without_the_model(
    model_app: App, fake_openai: FakeOpenAI, language: Language
) -> None:
    chat = await new_learner(model_app, language)
    t = model_app.services.translators[language]
    _, task = _task(model_app, language)
    await chat.press_data(data("practice.task", task.id))

    await chat.say(
        {"fr": "Tu peux m'aider ?", "nl": "Kun je me helpen?", "en": "Can you help me?"}[language]
    )
    # A question of the learner's own, naming nothing of the task, was scored as a prompt.
    await chat.say(
        {
            "fr": "Si un chatbot me dit une fausse information sur mes allocations, je fais quoi ?",
            "nl": "Als een chatbot iets fout zegt over mijn uitkering, wat moet ik dan doen?",
            "en": "If a chatbot tells me something wrong about my benefits, what do I do?",
        }[language]
    )
    await chat.say(
        {
            "fr": "chatgpt peut écrire mes rapports du jour ? je ne mets pas de noms",
            "nl": "kan chatgpt mijn dagverslagen schrijven? ik doe geen namen erin",
            "en": "can chatgpt write my daily reports? i put no names in them",
        }[language]
    )

    assert (
        t.gettext(
            "This is not a prompt for this task yet. Write what you would ask a chatbot for the "
            "task below, in one or two full sentences."
        )
        in chat.text
    )
    # No score and nothing recorded for it: the task again instead, and how to ask a question.
    assert task.task in chat.text
    assert t.gettext("To ask me a question instead, first tap “⬅ Stop practising”.") in chat.text
    assert t.gettext("📝 Score: {score} out of {total}").split("{")[0] not in chat.text
    assert fake_openai.completions == []


async def test_a_simpler_card_with_a_foreign_number_comes_from_the_glossary(
    model_app: App, fake_openai: FakeOpenAI
) -> None:
    chat = await new_learner(model_app, "en")
    t = model_app.services.translators["en"]
    what_is_ai = lesson(model_app, "en", "basics/what-is-ai")
    fake_openai.reply = "AI is a program. Questions? Call +32 470 11 22 33 now."

    await chat.press_data(data("lessons.open", what_is_ai.id))
    await chat.press_data(data("simpler.card", what_is_ai.id, 2))

    assert "+32" not in chat.text
    assert t.gettext("🙂 The key idea:") in chat.text
    assert fake_openai.completions


async def test_the_daily_limit_holds_and_usage_is_counted_in_numbers_only(
    model_app: App, fake_openai: FakeOpenAI
) -> None:
    chat = await new_learner(model_app, "en")
    t = model_app.services.translators["en"]
    fake_openai.reply = "A deepfake is a fake video made by AI. SOURCES: 1"

    for _ in range(DAILY_LIMIT):
        await chat.say(COVERED["en"])
        assert "A deepfake is a fake video made by AI." in chat.text
    await chat.say(COVERED["en"])

    assert len(fake_openai.completions) == DAILY_LIMIT
    assert (
        t.gettext(
            "You asked many questions today. Here is what the lessons say. "
            "Tomorrow I can explain in my own words again."
        )
        in chat.text
    )
    assert chat.button(t.gettext("📖 Open the lesson"))

    await chat.command("mydata")
    document = next(r for r in chat.replies if isinstance(r, Document))
    (day,) = json.loads(document.content)["llm_usage"]["days"]
    assert day == {
        "day": "2026-11-23",
        "calls": DAILY_LIMIT,
        "input_tokens": DAILY_LIMIT * fake_openai.prompt_tokens,
        "output_tokens": DAILY_LIMIT * fake_openai.completion_tokens,
    }


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_model_rewrites_a_card_once_for_everyone(
    model_app: App, fake_openai: FakeOpenAI, language: Language
) -> None:
    t = model_app.services.translators[language]
    what_is_ai = lesson(model_app, language, "basics/what-is-ai")
    rewrite = f"{what_is_ai.simple[1]} (rewritten)"
    fake_openai.reply = rewrite
    first, second = await new_learner(model_app, language), await new_learner(model_app, language)

    for chat in (first, second):
        await chat.press_data(data("lessons.open", what_is_ai.id))
        await chat.press_data(data("lessons.card", what_is_ai.id, 1))
        await chat.press(t.gettext("🙂 Simpler, please"))
        assert t.gettext("🙂 In simpler words:") in chat.text
        assert rewrite in chat.text

    (request,) = fake_openai.completions
    assert what_is_ai.cards[1].body in request.content("user")
    assert f"<key_idea>\n{what_is_ai.simple[1]}\n</key_idea>" in request.content("user")
    assert "A2" in request.content("system")


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_rewrite_that_loses_the_key_idea_gives_way_to_it(
    model_app: App, fake_openai: FakeOpenAI, language: Language
) -> None:
    t = model_app.services.translators[language]
    what_is_ai = lesson(model_app, language, "basics/what-is-ai")
    fake_openai.reply = POEM[language]
    first, second = await new_learner(model_app, language), await new_learner(model_app, language)

    for chat in (first, second):
        await chat.press_data(data("lessons.open", what_is_ai.id))
        await chat.press_data(data("lessons.card", what_is_ai.id, 2))
        await chat.press(t.gettext("🙂 Simpler, please"))
        assert t.gettext("🙂 The key idea:") in chat.text
        assert what_is_ai.simple[2] in chat.text
        assert POEM[language] not in chat.text

    # Asked once: the card keeps its key idea for everyone after that.
    assert len(fake_openai.completions) == 1


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_model_coaches_prompt_practice(
    model_app: App, fake_openai: FakeOpenAI, language: Language
) -> None:
    chat = await new_learner(model_app, language)
    t = model_app.services.translators[language]
    _, task = _task(model_app, language)
    fake_openai.reply = (
        "TOPIC: yes\nTASK: yes\nCONTEXT: no\nFORMAT: yes\nFEEDBACK: Dites qui vous êtes."
    )

    await chat.press_data(data("practice.task", task.id))
    await chat.say(f"Write an email to the commune, call me on {PHONE}")

    assert "Dites qui vous êtes." in chat.text
    assert t.gettext("📝 Score: {score} out of {total}").format(score=2, total=4) in chat.text
    (request,) = fake_openai.completions
    assert task.task in request.content("user")
    assert " / ".join(task.topics[0]) in request.content("user")
    assert PHONE not in request.text
    async with model_app.database.session() as session:
        row = await session.scalar(
            select(PracticeAttemptRow).where(
                PracticeAttemptRow.learner_id == await learner_id(model_app, chat)
            )
        )
    assert row is not None
    assert (row.clear_task, row.context, row.format, row.no_personal_data) == (
        True,
        False,
        True,
        False,
    )
    assert row.by_model


async def test_the_model_judges_a_prompt_off_task_like_the_rules(
    model_app: App, fake_openai: FakeOpenAI
) -> None:
    chat = await new_learner(model_app, "en")
    t = model_app.services.translators["en"]
    _, task = _task(model_app, "en")
    fake_openai.reply = (
        "TOPIC: no\nTASK: yes\nCONTEXT: yes\nFORMAT: yes\n"
        "FEEDBACK: Nice email, but the task is about apps. Start with: List three apps…"
    )

    await chat.press_data(data("practice.task", task.id))
    await chat.say(GOOD_PROMPTS["en"])

    assert t.gettext("📝 Score: {score} out of {total}").format(score=1, total=4) in chat.text
    assert "the task is about apps" in chat.text
    assert "TOPIC: yes or no" in fake_openai.completions[0].content("system")


async def test_forgetting_deletes_usage_and_practice(
    model_app: App, fake_openai: FakeOpenAI
) -> None:
    chat = await new_learner(model_app, "en")
    _, task = _task(model_app, "en")
    await chat.say(COVERED["en"])
    await chat.press_data(data("practice.task", task.id))
    await chat.say(GOOD_PROMPTS["en"])
    learner = await learner_id(model_app, chat)

    await chat.command("forget")
    await chat.press_data(data("privacy.forget", "yes"))

    async with model_app.database.session() as session:
        for table in (LLMUsageRow, PracticeAttemptRow):
            remaining = await session.scalar(
                select(func.count()).select_from(table).where(table.learner_id == learner)
            )
            assert remaining == 0


async def test_with_a_model_the_tutor_says_it_is_not_chatgpt_and_what_the_model_does(
    model_app: App,
) -> None:
    chat = await new_learner(model_app, "en")
    await chat.say("are you ChatGPT?")
    assert chat.text.endswith(
        "I am not ChatGPT: I answer from the lessons written for this course, and an AI model "
        "helps me word some answers."
    )
