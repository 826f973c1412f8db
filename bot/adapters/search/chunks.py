"""Cut a lesson into the passages the index searches: overview, cards and quiz explanations."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Final

from bot.config import Language
from bot.course.model import Course, Lesson

if TYPE_CHECKING:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

# Cards are written to fit one phone screen (about 500 characters); longer ones are split so
# that one embedding still stands for one idea.
CHUNK_CHARS: Final = 700
CHUNK_OVERLAP: Final = 100
# Bumped whenever the chunk texts change shape, so every index re-embeds once.
CHUNKING_VERSION: Final = "1"


class ChunkKind(StrEnum):
    """What part of a lesson a chunk comes from."""

    OVERVIEW = "overview"  # the title and every keyword
    # One keyword alone: authors list the words learners type, typos included, and a short
    # question matches a short text best (measured: hit@1 0.86 -> 0.91 on the dev questions).
    KEYWORD = "keyword"
    CARD = "card"
    QUIZ = "quiz"  # a question with its right answer and explanation
    # A question a learner would type, in everyday words: learners rarely use the lesson's terms,
    # and a question is closest to another question.
    QUESTION = "question"


@dataclass(frozen=True)
class Chunk:
    """One searchable passage of one lesson in one language."""

    id: str
    lesson_id: str
    language: Language
    kind: ChunkKind
    card_index: int | None
    text: str

    @property
    def module(self) -> str:
        """Return the module id of the chunk's lesson."""
        return self.lesson_id.split("/", 1)[0]


@cache
def _splitter() -> RecursiveCharacterTextSplitter:
    # Imported here: it costs about a second at start, and only long cards need it.
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter(
        chunk_size=CHUNK_CHARS,
        chunk_overlap=CHUNK_OVERLAP,
        separators=["\n\n", "\n", ". ", " ", ""],
    )


def _card_pieces(body: str) -> list[str]:
    return [body] if len(body) <= CHUNK_CHARS else _splitter().split_text(body)


def lesson_chunks(lesson: Lesson) -> tuple[Chunk, ...]:
    """Return the lesson's chunks, each carrying the lesson title for context."""
    texts: list[tuple[ChunkKind, int | None, str]] = [
        (ChunkKind.OVERVIEW, None, f"{lesson.title}. {', '.join(lesson.keywords)}"),
        *((ChunkKind.KEYWORD, None, keyword) for keyword in lesson.keywords),
    ]
    for index, card in enumerate(lesson.cards):
        texts += [
            (ChunkKind.CARD, index, f"{lesson.title}. {card.heading}. {piece}")
            for piece in _card_pieces(card.body)
        ]
    for item in lesson.quiz:
        if 0 <= item.correct < min(len(item.options), len(item.explanations)):
            answer = f"{item.options[item.correct]}. {item.explanations[item.correct]}"
            texts.append((ChunkKind.QUIZ, None, f"{item.question} {answer}"))
    texts += [(ChunkKind.QUESTION, None, question) for question in lesson.learner_questions]
    return tuple(
        Chunk(
            id=f"{lesson.language}:{lesson.id}:{number}",
            lesson_id=lesson.id,
            language=lesson.language,
            kind=kind,
            card_index=card_index,
            text=text,
        )
        for number, (kind, card_index, text) in enumerate(texts)
    )


def content_hash(chunks: tuple[Chunk, ...]) -> str:
    """Return a fingerprint of a lesson's chunks: it changes when any indexed text changes."""
    digest = hashlib.sha256(CHUNKING_VERSION.encode())
    for chunk in chunks:
        digest.update(f"\x1e{chunk.kind}\x1f{chunk.card_index}\x1f{chunk.text}".encode())
    return digest.hexdigest()[:16]


def course_chunks(course: Course) -> dict[tuple[Language, str], tuple[Chunk, ...]]:
    """Return the chunks of every lesson in every language, keyed by language and lesson id."""
    return {key: lesson_chunks(lesson) for key, lesson in course.lessons.items()}
