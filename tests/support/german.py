"""German, a language the tutor does not ship: its profile, and its course and catalogs."""

from __future__ import annotations

from typing import Final

from bot.core.languages import LanguageProfile, RubricWords, SearchWords, StreetWords
from bot.paths import PROJECT_ROOT

GERMAN_COURSE: Final = PROJECT_ROOT / "tests" / "fixtures" / "course-de"

GERMAN: Final = LanguageProfile(
    code="de",
    name="Deutsch",
    flag="🇩🇪",
    babel_locale="de_BE",
    model_language="German as written in Belgium (address the reader as 'Sie')",
    and_word="und",
    search=SearchWords(
        stemmer="german",
        stop_words="german",
        question_words=(
            "was", "wie", "warum", "wann", "wo", "wer", "welche", "welcher", "welches", "kann",
            "kannst", "können", "darf", "muss", "soll", "bitte", "eigentlich", "genau", "etwa",
            "mal", "ding", "dinge",
        ),
        answer_style=r"""
            \b(?:in|mit)\s+(?:einfachen|leichten)\s+(?:worten|wörtern|sätzen)\b
            | \beinfach\s+erklärt\b
        """,
        lexical_weight=0.6,
    ),
    rubric=RubricWords(
        task=(
            "schreib", "fass", "erklär", "gib", "mach", "hilf", "übersetz", "erstell", "korrigier",
            "prüf", "such", "vergleich", "beschreib", "kannst du", "können sie", "bitte",
            "ich möchte", "ich brauche",
        ),
        context=(
            "ich bin", "ich habe", "mein", "für mein", "weil", "ich arbeite", "ich wohne",
            "ich suche", "als ", "anfänger", "damit", "in belgien",
        ),
        format=(
            "wort", "satz", "sätze", "zeile", "punkt", "liste", "kurz", "tabelle", "absatz",
            "einfach", "höflich", "schritt", "e-mail", "brief", "zusammenfassung", "höchstens",
        ),
        numbers=("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"),
    ),
    streets=StreetWords(
        name_endings=("straße", "strasse", "weg", "platz", "gasse", "allee"),
        after_names=("Straße", "Strasse", "Weg", "Platz", "Allee"),
        units=("mal", "jahre", "stunden"),
    ),
    word_endings=("e", "en", "n", "s", "er"),
)  # fmt: skip
