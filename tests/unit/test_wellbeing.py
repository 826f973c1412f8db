"""Words of distress are recognised in every language, and the lines given are the register's."""

from __future__ import annotations

import pytest

from bot.course.checks import FACTS_REGISTER
from bot.course.facts import load_register
from bot.features.wellbeing.flows import HELPLINES, distress
from bot.paths import PROJECT_ROOT


@pytest.mark.parametrize(
    "text",
    [
        "ik wil er een einde aan maken",
        "kzien het ni meer zitten",
        "ik voel me echt slecht, ik zie het niet meer zitten",
        "mijn collega pest mij elke dag",
        "Je veux mourir.",
        "j'en peux plus, j'ai des idées noires",
        "jpense au suicide",
        "I want to kill myself",
        "i dont want to live anymore",
        "I can't go on like this!!",
        "He hits me when he is drunk",
        "je me sens seule depuis que mon mari est mort",
        "ik voel me zo eenzaam",
    ],
)
def test_words_of_distress_are_found_in_a_message(text: str) -> None:
    assert distress().found_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "ik kan niet meer inloggen op ChatGPT",  # "ik kan niet meer" alone is no distress
        "Can AI replace my doctor?",
        "c'est quoi un deepfake",
        "is het gevaarlijk om mijn naam te geven",
        "I can't go on to the next lesson",
        "Une IA peut-elle être harcelante ?",
    ],
)
def test_ordinary_messages_hold_no_distress(text: str) -> None:
    assert not distress().found_in(text)


def test_the_lines_given_are_those_of_the_facts_register() -> None:
    register, problems = load_register(PROJECT_ROOT / "content" / FACTS_REGISTER)
    assert not problems
    values = {fact.id: fact.values["en"] for fact in register.facts}
    registered = {
        "tele_onthaal": values["tele-onthaal"],
        "tele_accueil": values["tele-accueil"],
        "zelfmoordlijn": values["zelfmoordlijn"],
        "prevention_suicide": values["centre-prevention-suicide"],
    }
    assert {name: (number,) for name, number in HELPLINES.items()} == registered
