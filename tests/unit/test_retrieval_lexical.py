"""Words as BM25 sees them, and BM25 scores over chunks."""

from __future__ import annotations

from bot.course.model import Card, Lesson
from bot.retrieval.chunks import lesson_chunks
from bot.retrieval.lexical import LexicalIndex, fold, tokens


def test_accents_case_and_stop_words_do_not_matter() -> None:
    assert fold("Sécurité À L'ÉCOLE") == "securite a l'ecole"
    assert tokens("la sécurité des données", "fr") == tokens("securite donnees", "fr")
    assert tokens("the and of", "en") == []


def test_stems_match_other_forms_of_a_word() -> None:
    assert tokens("hallucinations", "en") == tokens("hallucination", "en")
    assert tokens("gesprekken", "nl") == tokens("gesprek", "nl")
    assert tokens("données personnelles", "fr") == tokens("donnee personnelle", "fr")


def _lesson(lesson_id: str, title: str, body: str) -> Lesson:
    return Lesson(lesson_id, "en", title, (), (Card("Card", body, 1),), ())


def test_scores_favour_the_chunks_that_share_words_with_the_question() -> None:
    chunks = [
        *lesson_chunks(_lesson("a/passwords", "Passwords", "Use a long password.")),
        *lesson_chunks(_lesson("b/cv", "Your CV", "Remove your address from your CV.")),
    ]
    index = LexicalIndex(chunks, "en")

    scores = index.scores("a strong password")

    best = chunks[int(scores.argmax())]
    assert best.lesson_id == "a/passwords"
    assert all(s == 0 for c, s in zip(chunks, scores, strict=True) if c.lesson_id == "b/cv")


def test_a_question_of_stop_words_only_scores_nothing() -> None:
    chunks = lesson_chunks(_lesson("a/passwords", "Passwords", "Use a long password."))

    assert not LexicalIndex(chunks, "en").scores("what is the").any()
    assert len(LexicalIndex([], "en").scores("password")) == 0
