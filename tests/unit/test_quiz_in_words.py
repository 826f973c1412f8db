"""Options typed (or said) instead of tapped: a letter or an option's words answer the question on
screen, in a quiz and in a review, through the whole engine on in-memory stores."""

from __future__ import annotations

import pytest

from bot.core.engine import Tutor
from bot.course.speech import SpeechList, parse_speech_list
from bot.features.quiz.in_words import named_option
from bot.paths import PROJECT_ROOT
from tests.conftest import Clock
from tests.support.buttons import data
from tests.support.chat import Chat
from tests.support.learning import fixture_course, learning_tutor, translators
from tests.support.memory import MemoryUnits

LESSON = "basics/what-is-ai"
en = translators()["en"]


def speech_list(language: str) -> SpeechList:
    return parse_speech_list(PROJECT_ROOT / "content" / "speech" / f"{language}.yaml")


@pytest.fixture
def tutor(clock: Clock) -> Tutor:
    return learning_tutor(MemoryUnits(), clock)


def your_answer(option: str) -> str:
    return en.gettext("Your answer: {option}").format(option=option)


def shown_index(chat: Chat, position: int) -> int:
    """Return the file index of the option shown at `position` (0 for A) of the last question."""
    return int(chat.question.answer_data[position].rsplit(":", 1)[-1])


async def quiz_chat(tutor: Tutor) -> Chat:
    chat = Chat(tutor)
    await chat.command("start")
    await chat.press_data(data("quiz.start", LESSON))
    return chat


@pytest.mark.parametrize(
    ("language", "typed", "options"),
    [
        (
            "nl",
            "volgende",
            [
                "Ze vragen geld voor een opleiding voor je begint",
                "Ze nodigen je volgende week uit voor een gesprek op kantoor",
                "Ze vragen je cv en een motivatiebrief",
            ],
        ),
        ("fr", "suivant", ["Le mois suivant", "Tout de suite", "Jamais"]),
        ("en", "next", ["Next week", "Right away", "Never"]),
    ],
)
def test_a_word_of_moving_on_names_no_option(language: str, typed: str, options: list[str]) -> None:
    # "volgende" typed to go on was scored as the one option holding the word.
    assert named_option(typed, options, speech_list(language)) is None


def test_an_option_is_named_by_its_words_or_a_letter_among_those_shown() -> None:
    english = speech_list("en")
    shown = ["Software that finds patterns in data", "A robot that feels", "A big database"]
    assert named_option("software that finds patterns in data.", shown, english) == 0
    assert named_option("Um, a robot that feels", shown, english) == 1
    assert named_option("C", shown, english) == 2
    assert named_option("my answer is b", shown, english) == 1
    assert named_option("2", shown, english) == 1
    assert named_option("the last one", shown, english) == 2
    # An option that is the very number typed wins over the number as a position.
    assert named_option("2", ["1", "3", "2"], english) == 2
    # A letter beyond the options, or words close to none of them, name nothing.
    assert named_option("4", shown, english) is None
    assert named_option("D", shown, english) is None
    assert named_option("What is a deepfake?", shown, english) is None
    assert named_option("a robot", shown, english) is None  # A, or the robot (B)?
    # A word of one option alone names it ("software", "the robot one"), unless a letter typed
    # with it names another.
    assert named_option("software", shown, english) == 0
    assert named_option("the robot one", shown, english) == 1
    assert named_option("database", shown, english) == 2
    assert named_option("what is a robot", shown, english) is None
    # Its letter first, then some of its words, whatever single letters follow.
    french = speech_list("fr")
    options = ["Une personne qui lit vos paiements", "Une IA qui a appris un modèle", "Une règle"]
    assert named_option("b une IA qui a appris", options, french) == 1
    assert (
        named_option("Je pense que c'est la réponse B, une IA qui a appris.", options, french) == 1
    )
    assert named_option("a appris", options, french) is None  # A, or what B says?
    # Inside an option's words, a letter is one of them: "a" is a verb there.
    assert named_option("une IA qui a appris", options, french) == 1
    assert named_option("je crois une IA qui a appris", options, french) == 1
    # A word of one option among others that are not its own names nothing: "weet ik ni" is
    # "I don't know", though one option holds "weet".
    dutch = speech_list("nl")
    options = ["Het bedrag gewoon gebruiken", "De chatbot vragen of hij het bedrag goed weet"]
    assert named_option("weet ik ni", options, dutch) is None
    assert named_option("de chatbot vragen", options, dutch) == 1
    # An elided word is the word: "l'employeur" for an option that says "votre employeur".
    options = ["Coller le dossier dans ChatGPT", "Demander quels outils votre employeur permet"]
    assert named_option("demander à l'employeur", options, french) == 1
    # "why" asks about the options: it answered "pourquoi" with the one option that holds it.
    options = ["Dire à qui est la lettre et pourquoi", "Écrire plus long", "Ajouter des emojis"]
    assert named_option("pourquoi", options, french) is None
    assert named_option("pk", ["Say why (pk) it matters", "Write more"], english) is None
    assert named_option("dire à qui est la lettre et pourquoi", options, french) == 0


@pytest.mark.parametrize(
    ("language", "typed", "position"),
    [
        ("fr", "je pense que c'est la reponse A mais je ne suis pas sur", 0),
        ("fr", "la reponse b s'il vous plait", 1),
        ("fr", "peut-être la C", 2),
        ("en", "I think answer C but I'm not sure", 2),
        ("en", "b please, thanks", 1),
        ("nl", "ik denk b maar kben ni zeker", 1),
        ("nl", "c denk ik", 2),
        # Text-message French: "c" is "c'est" before "la", and not knowing goes with a guess.
        ("fr", "c la b", 1),
        ("fr", "c la c", 2),
        ("fr", "jsp trop, la B ?", 1),
        ("en", "idk, b?", 1),
        ("nl", "geen idee, c", 2),
        # A word that only stresses the answer: "c la b en fait" was read as a break.
        ("fr", "c la b en fait", 1),
        ("en", "actually it's b", 1),
        ("nl", "eigenlijk c", 2),
        # A reason after the letter: "its C because…" was told to tap the letter.
        ("en", "its C because it sound like me", 2),
        ("fr", "c'est la b parce que c'est plus sûr", 1),
        ("nl", "ik denk a omdat dat logisch is", 0),
    ],
)
def test_a_letter_wrapped_in_doubts_and_courtesy_still_names_its_option(
    language: str, typed: str, position: int
) -> None:
    shown = ["One", "Two", "Three"]
    assert named_option(typed, shown, speech_list(language)) == position


def test_a_reason_alone_names_no_option() -> None:
    shown = ["One", "Two", "Three"]
    assert named_option("because i think so", shown, speech_list("en")) is None
    assert named_option("parce que", shown, speech_list("fr")) is None


def test_a_hedge_takes_away_no_word_that_changes_the_answer() -> None:
    french = speech_list("fr")
    # "pas" alone is no hedge: "pas b" is not B.
    assert french.position("pas b") is None
    # Not knowing alone names no option; the letter C alone still does.
    assert french.position("je sais pas") is None
    assert french.position("c") == 2
    assert french.position("pas sûr, b") == 1


def test_a_typed_letter_counts_in_a_language_without_a_speech_list() -> None:
    shown = ["Ja", "Nein", "Vielleicht"]
    assert named_option("b", shown, SpeechList()) == 1
    assert named_option("B)", shown, SpeechList()) == 1
    assert named_option("bee", shown, SpeechList()) is None


# The fixture course has no speech lists: words around the letter are tried on the real course
# (tests/e2e/test_understanding.py).
@pytest.mark.parametrize("typed", ["b", "B)", " B. ", "2", "2)"])
async def test_the_letter_or_number_of_an_option_answers_the_question_as_its_button_would(
    tutor: Tutor, typed: str
) -> None:
    chat = await quiz_chat(tutor)
    item = fixture_course().lesson("en", LESSON).quiz[0]  # type: ignore[union-attr]
    chosen = shown_index(chat, 1)
    await chat.say(typed)
    assert your_answer(item.options[chosen]) in chat.text
    assert item.explanations[chosen] in chat.text
    assert chat.button(en.gettext("Next ▶"))


async def test_the_words_of_an_option_answer_the_question(tutor: Tutor) -> None:
    chat = await quiz_chat(tutor)
    item = fixture_course().lesson("en", LESSON).quiz[0]  # type: ignore[union-attr]
    await chat.say("software that finds patterns in data")
    assert your_answer(item.options[item.correct]) in chat.text
    assert en.gettext("✅ Right!") in chat.text


async def test_a_letter_under_the_feedback_shows_the_next_question_without_answering_it(
    tutor: Tutor,
) -> None:
    chat = await quiz_chat(tutor)
    first, second = fixture_course().lesson("en", LESSON).quiz[:2]  # type: ignore[union-attr]
    shown_first = shown_index(chat, 0)
    await chat.say("a")
    assert your_answer(first.options[shown_first]) in chat.text
    # The next question is not on screen yet: "c" shows it and answers nothing.
    await chat.say("c")
    assert chat.question.question == second.question
    assert not any(your_answer(option) in chat.text for option in second.options)
    # Now on screen, it takes the next letter.
    shown_third = shown_index(chat, 2)
    await chat.say("c")
    assert your_answer(second.options[shown_third]) in chat.text


async def test_a_question_typed_in_a_quiz_is_no_answer_and_the_question_waits(
    tutor: Tutor,
) -> None:
    chat = await quiz_chat(tutor)
    pending = chat.question.question
    await chat.say("What is a deepfake?")
    assert en.gettext("Your answer: {option}").split("{")[0] not in chat.text
    await chat.press_data(data("lessons.resume"))
    assert chat.question.question == pending


async def test_a_letter_answers_a_review_question_once(tutor: Tutor, clock: Clock) -> None:
    chat = await quiz_chat(tutor)
    lesson = fixture_course().lesson("en", LESSON)
    assert lesson is not None
    for number, item in enumerate(lesson.quiz):
        await chat.answer((item.correct + 1) % len(item.options))  # every answer wrong
        if number + 1 < len(lesson.quiz):
            await chat.press(en.gettext("Next ▶"))
    clock.advance(days=1)
    await chat.command("review")
    asked = next(item for item in lesson.quiz if item.question == chat.question.question)
    right = chat.question.correct
    await chat.say("abc"[right].upper())
    assert en.gettext("✅ Right!") in chat.text
    assert your_answer(asked.options[asked.correct]) in chat.text
    await chat.say("a")
    assert en.gettext("You already answered this question.") in chat.text


async def test_a_letter_typed_once_the_question_is_left_for_the_menu_answers_nothing(
    tutor: Tutor,
) -> None:
    chat = await quiz_chat(tutor)
    pending = chat.question.question
    await chat.command("menu")
    # The learner no longer sees the question: a letter typed does not answer it blind.
    await chat.say("b")
    assert your_answer("").strip() not in chat.text
    await chat.press_data(data("lessons.resume"))
    assert chat.question.question == pending
    # Back on screen, the letter answers it.
    await chat.say("b")
    assert your_answer("").strip() in chat.text
