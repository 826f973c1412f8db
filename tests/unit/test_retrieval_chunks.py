"""Cutting lessons into chunks, and the fingerprint that decides what to embed again."""

from __future__ import annotations

from dataclasses import replace

from bot.adapters.search.chunks import CHUNK_CHARS, ChunkKind, content_hash, lesson_chunks
from bot.course.model import Card, Lesson, QuizItem

LESSON = Lesson(
    id="chatbots/hallucinations",
    language="en",
    title="When chatbots make things up",
    keywords=("hallucination", "fake sources"),
    cards=(
        Card("Confident but wrong", "A chatbot can invent facts.", 10),
        Card("Fake links", "It can invent links too.", 14),
    ),
    quiz=(
        QuizItem(
            id="what-is-hallucination",
            question="What is a hallucination?",
            options=("A false answer that sounds sure", "A broken screen"),
            correct=0,
            explanations=("Yes, it sounds sure and is false.", "No."),
            line=6,
        ),
    ),
)


def test_a_lesson_gives_an_overview_its_cards_and_its_quiz_answers() -> None:
    chunks = lesson_chunks(LESSON)

    assert [(c.kind, c.card_index) for c in chunks] == [
        (ChunkKind.OVERVIEW, None),
        (ChunkKind.KEYWORD, None),
        (ChunkKind.KEYWORD, None),
        (ChunkKind.CARD, 0),
        (ChunkKind.CARD, 1),
        (ChunkKind.QUIZ, None),
    ]
    assert chunks[0].text == "When chatbots make things up. hallucination, fake sources"
    assert [c.text for c in chunks[1:3]] == ["hallucination", "fake sources"]
    assert chunks[3].text.startswith("When chatbots make things up. Confident but wrong. ")
    assert "A false answer that sounds sure. Yes, it sounds sure and is false." in chunks[5].text
    assert "A broken screen" not in chunks[5].text
    assert len({c.id for c in chunks}) == len(chunks)
    assert {c.module for c in chunks} == {"chatbots"}


def test_a_long_card_is_split_and_every_piece_points_to_it() -> None:
    sentence = "A chatbot predicts likely words and does not check facts. "
    long_card = Card("Long", sentence * (2 * CHUNK_CHARS // len(sentence)), 3)
    lesson = replace(LESSON, cards=(long_card,), quiz=())

    pieces = [c for c in lesson_chunks(lesson) if c.kind is ChunkKind.CARD]

    assert len(pieces) >= 2
    assert {c.card_index for c in pieces} == {0}


def test_the_fingerprint_changes_only_when_indexed_text_changes() -> None:
    same = content_hash(lesson_chunks(replace(LESSON, path="elsewhere.md")))
    edited = replace(LESSON, cards=(LESSON.cards[0], Card("Fake links", "Edited.", 14)))

    assert content_hash(lesson_chunks(LESSON)) == same
    assert content_hash(lesson_chunks(edited)) != same
