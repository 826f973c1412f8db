"""Words as BM25 sees them, and BM25 scores over chunks."""

from __future__ import annotations

from bot.adapters.search.chunks import Chunk, ChunkKind, lesson_chunks
from bot.adapters.search.lexical import LexicalIndex
from bot.adapters.search.search import Evidence, Lexicon
from bot.adapters.search.stems import fold, tokens
from bot.adapters.search.store import DenseMatch
from bot.core.languages import DUTCH, ENGLISH, FRENCH
from bot.course.model import Card, Lesson

FR, NL, EN = FRENCH.search, DUTCH.search, ENGLISH.search


def test_accents_case_and_stop_words_do_not_matter() -> None:
    assert fold("Sécurité À L'ÉCOLE") == "securite a l'ecole"
    assert tokens("la sécurité des données", FR) == tokens("securite donnees", FR)
    assert tokens("the and of", EN) == []


def test_the_words_around_a_question_are_not_its_topic() -> None:
    assert tokens("What can I do about deepfakes?", EN) == tokens("deepfakes", EN)
    assert tokens("c koi une hallucination", FR) == tokens("hallucination", FR)
    assert tokens("mag ik da eigenlijk in een chatbot typen", NL) == tokens("chatbot typen", NL)


def test_stems_match_other_forms_of_a_word() -> None:
    assert tokens("hallucinations", EN) == tokens("hallucination", EN)
    assert tokens("gesprekken", NL) == tokens("gesprek", NL)
    assert tokens("données personnelles", FR) == tokens("donnee personnelle", FR)


def _lesson(lesson_id: str, title: str, body: str) -> Lesson:
    return Lesson(lesson_id, "en", title, (), (Card("Card", body, 1),), ())


def test_scores_favour_the_chunks_that_share_words_with_the_question() -> None:
    chunks = [
        *lesson_chunks(_lesson("a/passwords", "Passwords", "Use a long password.")),
        *lesson_chunks(_lesson("b/cv", "Your CV", "Remove your address from your CV.")),
    ]
    index = LexicalIndex([chunk.text for chunk in chunks], EN)

    scores = index.scores("a strong password")

    best = chunks[int(scores.argmax())]
    assert best.lesson_id == "a/passwords"
    assert all(s == 0 for c, s in zip(chunks, scores, strict=True) if c.lesson_id == "b/cv")


def test_a_question_of_stop_words_only_scores_nothing() -> None:
    chunks = lesson_chunks(_lesson("a/passwords", "Passwords", "Use a long password."))

    assert not LexicalIndex([chunk.text for chunk in chunks], EN).scores("what is the").any()
    assert len(LexicalIndex([], EN).scores("password")) == 0


def test_a_lesson_with_the_question_words_spread_over_its_cards_ranks_first() -> None:
    privacy = Lesson(
        "a/privacy",
        "en",
        "Privacy",
        (),
        (
            Card("Numbers", "Never paste your register number.", 1),
            Card("Other people", "Remove personal details of your family.", 2),
        ),
        (),
    )
    lessons = {
        "a/privacy": lesson_chunks(privacy),
        "b/forms": lesson_chunks(_lesson("b/forms", "Forms", "Personal details on a form.")),
        "c/passwords": lesson_chunks(
            _lesson("c/passwords", "Passwords", "Never paste a password.")
        ),
    }
    lexicon = Lexicon(lessons, EN)
    question = "should I never paste personal details?"

    evidence = Evidence(lexicon.chunk_scores(question), lexicon.lesson_scores(question), [], None)

    # Short cards holding half of the words win chunk by chunk...
    best_chunk = max(evidence.lexical, key=evidence.lexical.__getitem__)
    assert best_chunk.lesson_id != "a/privacy"
    # ...but the lesson that holds all of them comes first.
    assert evidence.lexical_lessons().lesson_ids[0] == "a/privacy"


def test_only_the_chunks_that_share_a_word_with_the_question_are_scored() -> None:
    lessons = {
        "a/privacy": lesson_chunks(_lesson("a/privacy", "Privacy", "Never paste your password.")),
        "b/forms": lesson_chunks(_lesson("b/forms", "Forms", "Fill in a form with care.")),
    }
    lexicon = Lexicon(lessons, EN)

    scores = lexicon.chunk_scores("where do I paste it")

    assert scores
    assert {chunk.lesson_id for chunk in scores} == {"a/privacy"}
    assert all(score > 0 for score in scores.values())


def test_a_lesson_whose_cards_share_no_word_gives_its_first_teaching_card() -> None:
    evidence = Evidence({}, {}, [], None)

    assert evidence.best_card("a/privacy", 0.5, cards=4) == 1


def _card_evidence(lexical: dict[int, float], dense: dict[int, float]) -> Evidence:
    chunks = {
        Chunk(f"a/privacy:{card}", "a/privacy", "en", ChunkKind.CARD, card, "text"): score
        for card, score in lexical.items()
    }
    matches = [DenseMatch("a/privacy", card, score) for card, score in dense.items()]
    return Evidence(chunks, {"a/privacy": 1.0}, matches, None)


def test_an_answer_comes_from_the_cards_between_the_why_and_the_summary() -> None:
    # The first card (why it matters) and the last (in short) name the lesson's whole topic,
    # so they come close to many questions that another card answers.
    evidence = _card_evidence({0: 9.0, 2: 1.0, 4: 9.0}, {0: 0.9, 1: 0.4, 2: 0.5, 4: 0.9})

    assert evidence.best_card("a/privacy", 0.5, cards=5) == 2


def test_a_lesson_of_two_cards_answers_from_either() -> None:
    evidence = _card_evidence({0: 9.0, 1: 1.0}, {0: 0.9, 1: 0.2})

    assert evidence.best_card("a/privacy", 0.5, cards=2) == 0


def _matches(scores: dict[str, float]) -> list[DenseMatch]:
    return [DenseMatch(lesson_id, 1, score) for lesson_id, score in scores.items()]


def test_the_other_languages_words_of_a_lesson_weigh_in_its_dense_score() -> None:
    own = _matches({"a/privacy": 0.50, "b/scams": 0.48, "c/bias": 0.10})
    elsewhere = (
        _matches({"b/scams": 0.60, "a/privacy": 0.30, "c/bias": 0.10}),
        _matches({"b/scams": 0.55, "a/privacy": 0.35, "c/bias": 0.10}),
    )

    alone = Evidence({}, {}, own, None).dense_lessons()
    together = Evidence({}, {}, own, None, elsewhere=elsewhere).dense_lessons()

    assert alone.lesson_ids[0] == "a/privacy"
    assert together.lesson_ids[0] == "b/scams"


def test_the_own_language_counts_twice_as_much_as_each_other_one() -> None:
    own = _matches({"a/privacy": 0.70, "b/scams": 0.10})
    elsewhere = (
        _matches({"b/scams": 0.70, "a/privacy": 0.10}),
        _matches({"b/scams": 0.20, "a/privacy": 0.10}),
    )

    ranking = Evidence({}, {}, own, None, elsewhere=elsewhere).dense_lessons()

    # One language for each lesson, the third a little closer to the second: the learner's own
    # language, counting twice, decides.
    assert ranking.lesson_ids == ("a/privacy", "b/scams")
