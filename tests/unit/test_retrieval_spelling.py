"""Misspelt words of a question corrected against the words of the course."""

from __future__ import annotations

from bot.adapters.search.spelling import EverydayWords, Speller, spaced_out
from bot.core.languages import DUTCH, ENGLISH, FRENCH
from bot.course.model import GlossaryTerm

COURSE_FR = [
    "Un chatbot peut mentir. Il invente des sources.",
    "ChatGPT et Copilot sont des chatbots. Vérifiez les informations importantes.",
]
COURSE_EN = ["A chatbot can invent facts. ChatGPT can be wrong and still sound sure."]
COURSE_NL = ["Een chatbot kan feiten verzinnen. Controleer het nieuws in een betrouwbare bron."]


def test_a_misspelt_word_becomes_the_course_word_it_is_closest_to() -> None:
    speller = Speller(COURSE_FR, FRENCH.search)

    assert speller.correct("peut mentire") == "peut mentir"
    assert speller.correct("les chatbtos ?") == "les chatbots ?"
    assert speller.correct("vérifiez les informatoins") == "vérifiez les informations"


def test_two_letters_may_be_wrong_in_a_long_word_and_one_in_a_shorter_one() -> None:
    speller = Speller(COURSE_FR, FRENCH.search)

    assert speller.correct("imporrtantes infomations") == "importantes informations"
    assert speller.correct("sourcse") == "sources"
    assert speller.correct("srouse") == "srouse"


def test_known_words_their_other_forms_and_short_words_are_left_alone() -> None:
    speller = Speller(COURSE_EN, ENGLISH.search)

    assert speller.correct("Chatbots invented that") == "Chatbots invented that"
    assert speller.correct("cv of an ai") == "cv of an ai"


def test_names_are_left_alone_unless_the_course_writes_them() -> None:
    speller = Speller(COURSE_FR, FRENCH.search)

    assert speller.correct("le temps à Mentira") == "le temps à Mentira"
    assert speller.correct("conseil de ChatPGT") == "conseil de chatgpt"


def test_a_word_is_not_turned_into_one_that_starts_with_another_letter() -> None:
    speller = Speller(COURSE_NL, DUTCH.search)

    assert speller.correct("het laatste neiuws") == "het laatste nieuws"
    assert speller.correct("wat is hout") == "wat is hout"


def test_a_dutch_compound_the_course_never_writes_is_read_as_its_two_words() -> None:
    speller = Speller([*COURSE_NL, "Een valse mail. De regels van het werk."], DUTCH.search)

    assert speller.correct("hoe herken ik een nieuwsmail") == "hoe herken ik een nieuws mail"
    assert speller.correct("de werksregels") == "de werk regels"  # with a linking "s"
    assert speller.correct("een chatbotbron") == "een chatbot bron"
    # Not in the other languages, and never with a function word ("kan") as a part.
    assert Speller(COURSE_EN, ENGLISH.search).correct("chatbotfacts") == "chatbotfacts"
    assert speller.correct("de kanmail") == "de kanmail"
    assert speller.correct("de mailkan") == "de mailkan"  # nor as its second part


def test_contractions_and_elisions_stay_whole() -> None:
    speller = Speller(COURSE_EN, ENGLISH.search)

    assert speller.correct("it doesn't invnet") == "it doesn't invent"


def test_an_acronym_typed_in_lower_case_is_written_as_the_course_writes_it() -> None:
    prose = ["AI finds patterns. The GDPR gives you rights. Ask the CPAS.", "AI can be wrong."]
    speller = Speller(COURSE_EN, ENGLISH.search, prose=prose)

    assert speller.correct("is a robot vacuum ai, gdpr and cpas?") == (
        "is a robot vacuum AI, GDPR and CPAS?"
    )


def test_a_word_the_prose_also_writes_in_lower_case_or_a_function_word_is_no_acronym() -> None:
    prose = ["L'IA et l'AI Act. Ask IT or it. AI, IA, IT."]

    french = Speller(COURSE_FR, FRENCH.search, prose=[*prose, "J'ai une idée."])
    english = Speller(COURSE_EN, ENGLISH.search, prose=prose)

    # French "ai" is "j'ai" (a function word); English "it" is written both ways.
    assert french.correct("j ai une question sur l ia") == "j ai une question sur l IA"
    assert english.correct("ask it") == "ask it"


def test_a_french_elision_typed_without_its_apostrophe_is_read_with_it() -> None:
    prose = ["L'IA peut mentir. Vérifiez l'application et les sources dont il parle."]
    speller = Speller([*prose, "c'est qu'il"], FRENCH.search, prose)

    # Before an acronym, a stop word, or a course word when nothing is closer.
    assert speller.correct("cest quoi lia") == "c'est quoi l'IA"
    assert speller.correct("quil peut mentir") == "qu'il peut mentir"
    assert speller.correct("lapplication ment") == "l'application ment"
    # A word of the course that starts like one is left whole ("d" and "ont"); elisions go
    # before a vowel or an h only.
    assert speller.correct("dont il parle") == "dont il parle"
    assert speller.correct("lsources") == "lsources"


def test_a_word_typed_without_accents_gets_those_the_course_writes() -> None:
    course = [
        "L'IA repère des régularités dans les données. Une régularité revient souvent.",
        "Le marché du travail change. Il marche vite. La marche est longue.",
    ]
    speller = Speller(course, FRENCH.search)

    assert speller.correct("c est quoi une regularite") == "c est quoi une régularité"
    assert speller.correct("mes donnes") == "mes données"  # corrected, then accented
    # Typed with accents, or a word the course writes both ways: as typed.
    assert speller.correct("les régularités") == "les régularités"
    assert speller.correct("le marche") == "le marche"


def test_a_word_of_everyday_language_is_not_turned_into_a_course_word() -> None:
    course = ["Een vals bericht. Een stap verder. Gegevens stelen."]
    everyday = EverydayWords.of("nl")

    speller = Speller(course, DUTCH.search, everyday=everyday)

    assert speller.correct("valt dat onder AI") == "valt dat onder AI"
    assert speller.correct("ik snap het niet") == "ik snap het niet"
    assert speller.correct("dossiers in Gemini steken") == "dossiers in Gemini steken"
    assert speller.correct("een vlas bericht") == "een vals bericht"


def test_everyday_words_are_the_frequent_words_of_their_language_only() -> None:
    dutch = EverydayWords.of("nl")

    assert "valt" in dutch
    assert "gegevens" in dutch
    assert "chatgtp" not in dutch
    assert "informatoins" not in EverydayWords.of("fr")
    assert "raport" not in EverydayWords.of("en")
    assert "report" in EverydayWords.of("en")


def test_a_term_spaced_out_as_the_glossary_knows_it_is_read_as_one_word() -> None:
    terms = [
        GlossaryTerm(id="chatgpt", term="ChatGPT", aliases=("chat gpt", "chatgtp"), definition=""),
        GlossaryTerm(id="llm", term="LLM", aliases=("large language model",), definition=""),
    ]
    speller = Speller(COURSE_EN, ENGLISH.search, spaced=spaced_out(terms))

    assert spaced_out(terms) == {"chat gpt": "ChatGPT"}  # a typo or a synonym is no spacing
    assert speller.correct("can i trust Chat GPT?") == "can i trust ChatGPT?"
    assert speller.correct("chat gptx and chat") == "chat gptx and chat"
