"""What learners type, understood by the whole tutor: definitions, off-topic messages, typos."""

from __future__ import annotations

import pytest

from bot.app import App
from bot.course.model import GlossaryTerm
from tests.support.chat import Chat

DEFINITION_QUESTIONS = {
    "en": "what is a chatbot",
    "fr": "c'est quoi un chatbot ?",
    "nl": "wat is een chatbot",
}
OFF_TOPIC = {
    "en": "recipe for pancakes",
    "fr": "recette de crêpes",
    "nl": "recept voor pannenkoeken",
}
REDIRECT = "That is not in my lessons, so I cannot answer it."


def glossary_term(app: App, language: str, term_id: str) -> GlossaryTerm:
    return next(t for t in app.services.course.glossary[language] if t.id == term_id)


async def learner(app: App, language: str) -> Chat:
    chat = Chat(app.tutor, user=f"learner-{language}", language_code=language)
    await chat.command("start")
    return chat


def opened_lessons(chat: Chat) -> list[str]:
    return [b.data.split(":")[2] for b in chat.buttons if b.data.startswith("v2:lessons.open:")]


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
async def test_what_is_a_chatbot_gets_the_glossary_definition_and_its_lesson(
    app: App, language: str
) -> None:
    chat = await learner(app, language)
    hallucinations = app.services.course.lesson(language, "chatbots/hallucinations")
    assert hallucinations is not None

    await chat.say(DEFINITION_QUESTIONS[language])

    assert glossary_term(app, language, "chatbot").definition in chat.text
    assert opened_lessons(chat) == ["chatbots/how-llms-work"]
    assert hallucinations.title not in chat.text


@pytest.mark.parametrize(
    ("language", "question"),
    [
        # A card on writing clear prompts, through "prompt".
        ("en", "What is prompt injection?"),
        ("fr", "c'est quoi une injection de prompt"),
        ("nl", "wat is een promptinjectie"),
    ],
)
async def test_prompt_injection_is_defined_with_the_lesson_on_agents(
    app: App, language: str, question: str
) -> None:
    chat = await learner(app, language)
    await chat.say(question)
    assert glossary_term(app, language, "prompt-injection").definition in chat.text
    assert opened_lessons(chat) == ["tools/ai-agents"]


@pytest.mark.parametrize(
    ("language", "question"), [("nl", "wat is ChatGPT"), ("en", "what is chatgpt")]
)
async def test_a_definition_defines_the_ai_words_it_uses(
    app: App, language: str, question: str
) -> None:
    chat = await learner(app, language)
    await chat.say(question)
    # "wat is ChatGPT" got "a well-known chatbot…", for someone who did not know what that is.
    chatbot = glossary_term(app, language, "chatbot")
    t = app.services.translators[language]
    said = t.gettext("• {term}: {definition}").format(
        term=chatbot.term, definition=chatbot.definition
    )
    assert said in chat.text


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
async def test_a_recipe_is_refused_kindly_with_what_the_tutor_can_do(
    app: App, language: str
) -> None:
    chat = await learner(app, language)
    t = app.services.translators[language]

    await chat.say(OFF_TOPIC[language])

    assert t.gettext(REDIRECT) in chat.text
    assert (
        t.gettext(
            "I can explain AI words, answer questions about chatbots, privacy or fake news, "
            "and teach you short lessons with quizzes."
        )
        in chat.text
    )
    assert opened_lessons(chat) == []
    assert chat.button_with_action("lessons.mods")
    assert chat.button_with_action("menu.show")


async def test_a_misspelt_word_still_finds_its_lesson(app: App) -> None:
    chat = await learner(app, "fr")

    await chat.say("un chatbot peut mentire ?")

    assert opened_lessons(chat)[0] == "chatbots/hallucinations"


@pytest.mark.parametrize(
    ("language", "question", "lesson_id"),
    [
        ("en", "how can I spot a deepfake", "verify/deepfakes"),
        ("fr", "est-ce que je peux mettre mon CV dans ChatGPT ?", "jobs/cv"),
        ("nl", "hoe herken ik een nepbericht op facebook", "verify/misinformation"),
        # Robots are a word of the course: this was read as "are you a robot?".
        ("fr", "les robots vont remplacer les ouvrier?", "work/jobs-change"),
    ],
)
async def test_questions_about_the_course_pass_the_gate(
    app: App, language: str, question: str, lesson_id: str
) -> None:
    chat = await learner(app, language)
    t = app.services.translators[language]

    await chat.say(question)

    assert t.gettext(REDIRECT) not in chat.text
    assert lesson_id in opened_lessons(chat)


@pytest.mark.parametrize(
    ("language", "question", "lesson_id"),
    [
        (
            "en",
            "How can I tell if a photo was made by artificial intelligence?",
            "verify/deepfakes",
        ),
        (
            "fr",
            "Comment reconnaître une fausse photo faite par une intelligence artificielle ?",
            "verify/deepfakes",
        ),
        (
            "fr",
            "est-ce que l'intelligence artificielle peut remplacer mon travail ?",
            "work/jobs-change",
        ),
        (
            "nl",
            "Hoe zie ik of een foto door kunstmatige intelligentie gemaakt is?",
            "verify/deepfakes",
        ),
    ],
)
async def test_the_subject_spelled_out_does_not_draw_a_question_to_the_first_lesson(
    app: App, language: str, question: str, lesson_id: str
) -> None:
    # The words "intelligence artificielle" are mostly where the first lesson defines them:
    # these questions were answered with its card "Software that finds patterns".
    chat = await learner(app, language)

    await chat.say(question)

    assert lesson_id in opened_lessons(chat)[:3]
    assert opened_lessons(chat)[0] != "basics/what-is-ai"


@pytest.mark.parametrize("typed", ["est ce que l ia est dangereuse", "l'ia peut se tromper ?"])
async def test_ai_typed_in_small_letters_is_the_course_s_word_not_off_topic(
    app: App, typed: str
) -> None:
    # "IA" in capitals names the course's topic; typed "ia", as many learners do, it did not,
    # and such questions were refused as not about AI.
    chat = await learner(app, "fr")
    t = app.services.translators["fr"]

    await chat.say(typed)

    assert t.gettext(REDIRECT) not in chat.text


@pytest.mark.parametrize(
    ("typed", "term_id"),
    [
        # Without apostrophes or accents.
        ("cest quoi lia", "ai"),
        ("c koi une donnee", "data"),
        # A term with "mot" in it, or after it: its "mot" is no "the word" in the first.
        ("c'est quoi un mot de passe ?", "password"),
        ("le mot algorithme, ça veut dire quoi ?", "algorithm"),
    ],
)
async def test_a_french_definition_typed_as_learners_type_it_gets_its_definition(
    app: App, typed: str, term_id: str
) -> None:
    chat = await learner(app, "fr")

    await chat.say(typed)

    assert glossary_term(app, "fr", term_id).definition in chat.text


async def test_a_definition_asked_in_another_language_gets_it_in_the_learners_language(
    app: App,
) -> None:
    chat = await learner(app, "nl")

    await chat.say("what is a chatbot?")  # too short to switch the reply's language

    assert glossary_term(app, "nl", "chatbot").definition in chat.text
