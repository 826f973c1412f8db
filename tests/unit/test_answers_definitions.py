"""Questions that ask what a glossary word means, in each language, on the fixture course."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.languages import BUILT_IN
from bot.course.loader import load_course
from bot.course.model import Course, GlossaryTerm
from bot.course.vocabulary import ai_terms, ai_vocabulary
from bot.features.answers.definitions import Definitions
from bot.paths import PROJECT_ROOT
from tests.support.learning import fixture_course


@pytest.fixture(scope="module")
def definitions() -> Definitions:
    return Definitions(fixture_course(), BUILT_IN)


@pytest.mark.parametrize(
    ("language", "question", "term_id"),
    [
        ("en", "what is a chatbot", "chatbot"),
        ("en", "What are chatbots?", "chatbot"),
        ("en", "what does AI mean", "ai"),
        ("en", "what mean chatbot", "chatbot"),  # as learners of English write it
        ("en", "what means personal data?", "personal-data"),
        ("en", "define personal data", "personal-data"),
        ("en", "whats a chat bot exactly?", "chatbot"),
        ("fr", "c'est quoi un chatbot", "chatbot"),
        ("fr", "c koi l'IA ?", "ai"),
        # Without apostrophes or capitals, as typed on a phone.
        ("fr", "c est quoi l ia", "ai"),
        ("fr", "qu est ce que l ia", "ai"),
        ("fr", "l ia c est quoi", "ai"),
        ("en", "what is ai", "ai"),
        ("fr", "Qu’est-ce que les données personnelles ?", "personal-data"),
        ("fr", "un chatbot, c'est quoi ?", "chatbot"),
        ("fr", "un chatbot c koi", "chatbot"),  # SMS style, the term first
        ("fr", "que veut dire intelligence artificielle", "ai"),
        ("nl", "wat is een chatbot", "chatbot"),
        ("nl", "wa is nen chatbot", "chatbot"),  # Flemish
        ("nl", "Wat betekent AI eigenlijk?", "ai"),
        ("nl", "wat zijn persoonsgegevens", "personal-data"),
        ("nl", "wat wil chatbot zeggen", "chatbot"),
        # A word that only stresses the question, after the term or before it.
        ("fr", "cest quoi un chatbot en fait", "chatbot"),
        ("fr", "c'est quoi en fait l'IA ?", "ai"),
        ("fr", "qu'est-ce qu'un chatbot exactement", "chatbot"),
        ("en", "what is a chatbot actually?", "chatbot"),
        ("nl", "wat is een chatbot juist", "chatbot"),
        # A term typed alone asks what it is.
        ("en", "chatbot", "chatbot"),
        ("en", "Chatbots?", "chatbot"),
        ("nl", "persoonsgegevens", "personal-data"),
        # The last clause of a message asks it.
        ("en", "my name is [NAME], what is chatbot?", "chatbot"),
        ("fr", "Je connais ChatGPT. C'est quoi un chatbot ?", "chatbot"),
        # A term typed with a typo: one edit, two from nine letters, never the first letter.
        ("en", "what is a chatbto", "chatbot"),
        ("en", "Chatbto?", "chatbot"),  # a capital at the start of the question
        ("fr", "c'est quoi les donnés personelles", "personal-data"),
        ("nl", "wat zijn persoongegevens", "personal-data"),
        # A few words of the learner's own before the question.
        ("fr", "attendez c'est quoi un chatbot", "chatbot"),
        ("fr", "mais c'est quoi un chatbot en fait", "chatbot"),
        ("nl", "wacht wa is nen chatbot", "chatbot"),
        ("en", "ok so what is AI", "ai"),
        # A word the learner says they do not understand.
        ("en", "i dont understand the word chatbot", "chatbot"),
        ("en", "sorry I don't know what a chatbot is", "chatbot"),
        ("fr", "je comprends pas le mot chatbot", "chatbot"),
        ("fr", "je ne sais pas ce que veut dire IA", "ai"),
        ("fr", "le mot chatbot, ça veut dire quoi ?", "chatbot"),
        ("nl", "ik snap het woord chatbot niet", "chatbot"),
        ("nl", "k begrijp nie wat een chatbot is", "chatbot"),
        # "c'est" and "ça" as learners spell them: "ces quoi un algorithme" was refused.
        ("fr", "ces quoi un chatbot", "chatbot"),
        ("fr", "s'est quoi l'IA ?", "ai"),
        ("fr", "sa veut dire quoi chatbot", "chatbot"),
        ("fr", "chatbot sa veut dire quoi ?", "chatbot"),
    ],
)
def test_a_definition_question_about_a_glossary_word_finds_its_entry(
    definitions: Definitions, language: str, question: str, term_id: str
) -> None:
    found = definitions.find(question, language)

    assert found is not None
    assert found.term.id == term_id


@pytest.mark.parametrize(
    ("language", "question", "term_id", "lesson_id"),
    [
        # The first lesson's key word: "ik snap niet wat is patroon" was refused.
        ("nl", "ik snap niet wat is patroon", "pattern", "basics/what-is-ai"),
        ("en", "what is a pattern", "pattern", "basics/what-is-ai"),
        ("fr", "c'est quoi des régularités", "pattern", "basics/what-is-ai"),
        ("fr", "cest quoi un pattern", "pattern", "basics/what-is-ai"),
        # Robots, which job seekers from factories and warehouses ask about.
        ("fr", "c'est quoi un robot", "robot", "work/jobs-change"),
        ("nl", "wat zijn robots", "robot", "work/jobs-change"),
    ],
)
def test_the_course_defines_the_words_learners_ask_about(
    language: str, question: str, term_id: str, lesson_id: str
) -> None:
    course = load_course(PROJECT_ROOT / "content", BUILT_IN.codes)
    found = Definitions(course, BUILT_IN).find(question, language)

    assert found is not None
    assert found.term.id == term_id
    assert found.lesson is not None
    assert found.lesson.id == lesson_id


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "what is a chatbot good at"),
        ("en", "what is the weather tomorrow"),
        ("en", "chatbot tips"),
        ("fr", "c'est quoi la météo demain"),
        ("fr", "ces chatbots font quoi ?"),
        ("fr", "un chatbot peut-il mentir ?"),
        ("fr", "j'ai une question"),
        ("nl", "wat is een goede chatbot voor mijn cv"),
        ("en", "what is a chatbot, and is it good at maths?"),  # the last clause asks more
        ("en", "what is a hatbot"),  # the first letter differs: another word
        ("en", "what is a chatbotting tool"),  # more than a typo away
        # The question is about something else, though it names a term after a few words.
        ("fr", "je sais ce qu'est un chatbot mais comment l'utiliser"),
        ("en", "tell me what a chatbot is good at"),
    ],
)
def test_other_questions_are_no_definition_questions(
    definitions: Definitions, language: str, question: str
) -> None:
    assert definitions.find(question, language) is None


def test_the_lesson_that_names_a_term_in_its_keywords_teaches_it(definitions: Definitions) -> None:
    found = definitions.find("what is personal data", "en")

    assert found is not None
    assert found.lesson is not None
    assert found.lesson.id == "safety/private-data"


def test_a_lesson_named_in_the_glossary_teaches_its_term() -> None:
    course = fixture_course()
    glossary = {
        language: tuple(
            replace(term, lesson="basics/everyday-ai") if term.id == "personal-data" else term
            for term in terms
        )
        for language, terms in course.glossary.items()
    }
    definitions = Definitions(Course(course.modules, course.lessons, glossary), BUILT_IN)

    found = definitions.find("wat zijn persoonsgegevens", "nl")

    assert found is not None
    assert found.lesson is not None
    assert found.lesson.id == "basics/everyday-ai"
    assert found.lesson.language == "nl"


def test_the_lessons_that_teach_the_terms_are_worked_out_once_before_a_question() -> None:
    definitions = Definitions(fixture_course(), BUILT_IN)

    teaching = definitions.teaching

    assert definitions.teaching is teaching
    found = definitions.find("what is a chatbot", "en")
    assert found is not None
    assert found.lesson is not None
    assert teaching["chatbot"] == found.lesson.id


def _with_everyday_word(course: Course) -> Course:
    """Return the fixture course with an everyday word in each glossary: "app"."""
    app = GlossaryTerm("app", "app", ("apps",), "A small program for your phone.", everyday=True)
    glossary = {language: (*terms, app) for language, terms in course.glossary.items()}
    return Course(course.modules, course.lessons, glossary)


def test_an_everyday_word_is_defined_and_taught_by_no_lesson() -> None:
    course = _with_everyday_word(fixture_course())
    definitions = Definitions(course, BUILT_IN)

    found = definitions.find("what does app mean?", "en")

    assert found is not None
    assert found.term.id == "app"
    # "You learn more in the lesson…" would point to a lesson that only uses the word.
    assert found.lesson is None
    assert "app" not in definitions.teaching


def test_an_everyday_word_makes_no_question_about_the_course() -> None:
    course = _with_everyday_word(fixture_course())

    assert ai_vocabulary(course, "en").find("my app does not open") == []
    assert ai_vocabulary(course, "en").find("what is a chatbot") == ["chatbot"]
    assert [term.id for term in ai_terms(course.glossary["en"])] == [
        term.id for term in fixture_course().glossary["en"]
    ]


@pytest.mark.parametrize(
    ("language", "message", "searched"),
    [
        ("en", "sorry i dont understand the word pattern", "what does the word pattern mean"),
        ("fr", "euh je comprends pas le mot régularité", "que veut dire le mot regularite"),
        ("nl", "ik snap het woord patroon niet", "wat betekent het woord patroon"),
        # The last clause asks.
        ("en", "i dont know this one, what mean pattern?", "what does the word pattern mean"),
    ],
)
def test_a_word_asked_about_among_other_words_is_searched_plainly(
    definitions: Definitions, language: str, message: str, searched: str
) -> None:
    assert definitions.searched(message, language) == searched


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "what does pattern mean"),  # plain already
        ("fr", "c'est quoi un motif"),
        ("nl", "wacht wa bedoelt ge met patronen"),  # a word before it leaves the rest as it is
        ("en", "can a chatbot lie?"),
    ],
)
def test_a_plain_question_or_another_one_is_searched_as_typed(
    definitions: Definitions, language: str, message: str
) -> None:
    assert definitions.searched(message, language) is None
