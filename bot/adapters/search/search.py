"""Hybrid search: dense (chromadb) and lexical (BM25) rankings fused into lessons."""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Final, TypeVar

import numpy as np

from bot.adapters.search.chunks import Chunk, ChunkKind, course_chunks
from bot.adapters.search.embedders import Embedder, Vectors, make_embedder
from bot.adapters.search.lexical import LexicalIndex
from bot.adapters.search.query import topic
from bot.adapters.search.spelling import EverydayWords, Speller, spaced_out
from bot.adapters.search.stems import tokens
from bot.adapters.search.store import (
    ChunkStore,
    DenseMatch,
    IndexReport,
    LanguageVectors,
    course_fingerprint,
    load_vectors,
    open_client,
    save_vectors,
    vectors_file,
)
from bot.adapters.search.topics import EverydaySubjects, TopicSignals, centrality, lexical_signal
from bot.config import Language, Settings
from bot.core.languages import LanguageRegistry, SearchWords
from bot.course.model import Course
from bot.course.vocabulary import ai_terms

# The share of the lexical ranker in the fused score is each language's `lexical_weight`.
# Within the lexical ranker, the share of BM25 over whole lessons; the best chunk has the rest.
# A question's words are often spread over several cards of the lesson that answers it.
WHOLE_LESSON_SHARE: Final = 0.7
# A lesson's dense score is the mean of its closest chunks, this many.
CLOSEST_CHUNKS: Final = 3
# The encoder is multilingual, and a question is sometimes closer to how another language puts a
# lesson than to how its own does. A lesson's dense score is the mean of its scores among each
# language's chunks, with its own language's counting this many times. Chosen on the development
# sets (docs/retrieval.md): 1.5 to 4 all did better than the own language alone, 2 best.
OWN_LANGUAGE_WEIGHT: Final = 2.0
# Added to the best lesson's similarity when both rankers put it first: two independent signals
# agreeing make an answer more likely to be on topic.
AGREEMENT_BONUS: Final = 0.05
# Chunks that only help to find a lesson; the learner reads the others.
SEARCH_AIDS: Final = frozenset({ChunkKind.KEYWORD, ChunkKind.QUESTION})


K = TypeVar("K", str, int)
# A lesson's card the learner was just shown as an answer: its lesson id and card index.
Shown = tuple[str, int]


@dataclass(frozen=True)
class LessonHit:
    """One lesson that answers a question, with its best passage."""

    lesson_id: str
    title: str
    passage: str  # the best passage of that lesson for the query (a card's text)
    card_index: int | None  # the card the passage comes from, if any
    score: float  # fused score, higher is better

    @property
    def shown(self) -> Shown:
        """Return the lesson and card a learner reads when this hit answers them."""
        return self.lesson_id, self.card_index or 0


@dataclass(frozen=True)
class SearchResult:
    """The lessons found for a question in one language."""

    language: Language  # the language searched
    hits: tuple[LessonHit, ...]  # distinct lessons, best first, at most k
    confident: bool  # the best hit clears the confidence threshold
    signals: TopicSignals  # whether the question is about the course at all
    model: str  # the embedding model, whose similarities the signals are
    # The question as the rankers read it: its topic, spelling corrected, acronyms in capitals
    # ("l'ia" as "l'IA"), which is how the course writes its words.
    read_as: str = ""


@dataclass(frozen=True)
class Ranking:
    """Lesson ids best first with their scores, for one ranker or the fusion."""

    lesson_ids: tuple[str, ...]
    scores: Mapping[str, float]


def _best(pairs: Iterable[tuple[K, float]]) -> dict[K, float]:
    """Keep the highest score of each key: a lesson counts once, by its best chunk."""
    best: dict[K, float] = {}
    for key, value in pairs:
        if value > best.get(key, float("-inf")):
            best[key] = value
    return best


def _scaled(scores: Mapping[K, float]) -> dict[K, float]:
    """Divide positive scores by the best one; drop the rest (no shared word)."""
    top = max(scores.values(), default=0.0)
    return {key: value / top for key, value in scores.items() if value > 0}


def _fuse(lexical: Mapping[K, float], dense: Mapping[K, float], weight: float) -> dict[K, float]:
    """Add the two rankers' scores once each is scaled to 0..1 across its candidates."""
    # BM25 is divided by its best score, so zero (no shared word) stays zero; cosines crowd into
    # a narrow band, so they are spread between the worst and the best candidate.
    scaled = _scaled(lexical)
    low, high = min(dense.values(), default=0.0), max(dense.values(), default=0.0)
    spread = high - low
    return {
        key: weight * scaled.get(key, 0.0)
        + (1 - weight) * ((dense[key] - low) / spread if key in dense and spread > 0 else 0.0)
        for key in lexical.keys() | dense.keys()
    }


def _teaching_cards(cards: int) -> range:
    """Return the cards an answer may come from: those between the lesson's first and last."""
    # A lesson's first card says why it matters and its last one sums it up (AUTHORING.md). Of
    # 198 questions labelled by hand (eval/cards), one of those two answered best 12 times, and
    # the search chose one of them 77 times. A lesson of one or two cards has only those.
    return range(1, cards - 1) if cards > 2 else range(cards)


def _closeness(matches: Sequence[DenseMatch]) -> dict[str, float]:
    """Return each lesson's mean score over its closest chunks among the matches."""
    # One short chunk can look like a question by chance; a lesson that answers it usually has
    # several. A lesson with fewer chunks among the candidates takes the weakest candidate's
    # score for each one missing.
    floor = min((match.score for match in matches), default=0.0)
    by_lesson: dict[str, list[float]] = {}
    for match in matches:
        by_lesson.setdefault(match.lesson_id, []).append(match.score)
    return {
        lesson_id: sum(sorted([*scores, *[floor] * CLOSEST_CHUNKS], reverse=True)[:CLOSEST_CHUNKS])
        / CLOSEST_CHUNKS
        for lesson_id, scores in by_lesson.items()
    }


def _ranking(scores: Mapping[str, float]) -> Ranking:
    return Ranking(tuple(sorted(scores, key=lambda key: (-scores[key], key))), scores)


@dataclass(frozen=True)
class Evidence:
    """What the rankers found for one question, by chunk and by lesson."""

    lexical: dict[Chunk, float]
    lexical_by_lesson: dict[str, float]  # BM25 of each whole lesson
    dense: list[DenseMatch]
    question: Vectors | None  # the question's vector, when the dense ranker ran
    text: str = ""  # the question as the rankers read it: its topic, spelling corrected
    # The chunks closest to the question in each other language: the same lessons in other words.
    elsewhere: tuple[list[DenseMatch], ...] = ()

    def lexical_lessons(self) -> Ranking:
        """Rank lessons by their best BM25 chunk and by BM25 over the whole lesson, together."""
        return self._lexical_ranking

    def dense_lessons(self) -> Ranking:
        """Rank lessons by the mean of their closest chunks, in every language searched."""
        return self._dense_ranking

    # A search asks for each ranking several times (to fuse, to judge relevance): made once.
    @cached_property
    def _lexical_ranking(self) -> Ranking:
        best_chunk = _scaled({key: max(cards.values()) for key, cards in self._cards.items()})
        whole = _scaled(self.lexical_by_lesson)
        return _ranking(
            {
                key: (1 - WHOLE_LESSON_SHARE) * best_chunk.get(key, 0.0)
                + WHOLE_LESSON_SHARE * whole.get(key, 0.0)
                for key in best_chunk.keys() | whole.keys()
            }
        )

    @cached_property
    def _dense_ranking(self) -> Ranking:
        weighted = [(OWN_LANGUAGE_WEIGHT, _closeness(self.dense))]
        weighted += [(1.0, _closeness(matches)) for matches in self.elsewhere if matches]
        total = sum(weight for weight, _ in weighted)
        # A lesson none of whose chunks came close in a language takes that language's weakest.
        floors = [min(scores.values(), default=0.0) for _, scores in weighted]
        return _ranking(
            {
                lesson_id: sum(
                    weight * scores.get(lesson_id, floor)
                    for (weight, scores), floor in zip(weighted, floors, strict=True)
                )
                / total
                for lesson_id in {key for _, scores in weighted for key in scores}
            }
        )

    @cached_property
    def _cards(self) -> dict[str, dict[int | None, float]]:
        """Return the best BM25 chunk of each card of each lesson (None: the lesson's others)."""
        found: dict[str, dict[int | None, float]] = {}
        for chunk, score in self.lexical.items():
            cards = found.setdefault(chunk.lesson_id, {})
            if score > cards.get(chunk.card_index, float("-inf")):
                cards[chunk.card_index] = score
        return found

    def fused_lessons(self, lexical_weight: float) -> Ranking:
        """Rank lessons by both rankers together."""
        lexical = self.lexical_lessons().scores
        return _ranking(_fuse(lexical, self.dense_lessons().scores, lexical_weight))

    def best_card(
        self, lesson_id: str, lexical_weight: float, cards: int, shown: int | None = None
    ) -> int | None:
        """Return the teaching card of the lesson (of `cards` cards) both rankers find closest.

        `shown` is a card the learner was just shown for the question before: another is chosen.
        """
        candidates = [card for card in _teaching_cards(cards) if card != shown] or [shown or 0]
        # Every candidate counts, those that share no word with the question at zero.
        lexical = dict.fromkeys(candidates, 0.0) | {
            card: score
            for card, score in self._cards.get(lesson_id, {}).items()
            if card is not None and card in candidates
        }
        dense = _best(
            (m.card_index, m.score)
            for m in self.dense
            if m.lesson_id == lesson_id and m.card_index is not None and m.card_index in candidates
        )
        scores = _fuse(lexical, dense, lexical_weight)
        return max(scores, key=lambda card: (scores[card], -card)) if scores else None


class Lexicon:
    """BM25 over one language's chunks and over its whole lessons."""

    def __init__(self, lessons: Mapping[str, Sequence[Chunk]], language: SearchWords) -> None:
        self.chunks = tuple(chunk for lesson in lessons.values() for chunk in lesson)
        self.lesson_ids = tuple(lessons)
        # The words the course itself uses: learner questions bring everyday words and typos.
        self._by_chunk = LexicalIndex(
            [chunk.text for chunk in self.chunks],
            language,
            known=[chunk.kind is not ChunkKind.QUESTION for chunk in self.chunks],
        )
        self._by_lesson = LexicalIndex(
            [" ".join(chunk.text for chunk in lesson) for lesson in lessons.values()], language
        )
        self.language = language

    def topic_words(self, text: str) -> list[str]:
        """Return the stems of the question's topic words: stop and question words left out."""
        return tokens(text, self.language)

    def known_share(self, words: Sequence[str]) -> float:
        """Return the share of the question's topic words (stems) that the course uses."""
        return sum(word in self._by_chunk.stems for word in words) / len(words) if words else 0.0

    def chunk_scores(self, text: str) -> dict[Chunk, float]:
        """Return the BM25 score of every chunk that shares a word with the question."""
        # The others score nothing: leaving them out keeps the rankers' work to the few chunks
        # the question's words reach, however large the course.
        scores = self._by_chunk.scores(text)
        return {self.chunks[row]: float(scores[row]) for row in np.flatnonzero(scores > 0)}

    def lesson_scores(self, text: str) -> dict[str, float]:
        """Return the BM25 score of every lesson, read as one text."""
        return dict(zip(self.lesson_ids, map(float, self._by_lesson.scores(text)), strict=True))


def _words_of(
    course: Course, chunks: Mapping[tuple[Language, str], tuple[Chunk, ...]], language: Language
) -> list[str]:
    """Return the texts whose words make a language's vocabulary: its chunks and its glossary."""
    # Learner questions are left out: their typos would pass for words of the course. So are the
    # glossary's aliases, many of which are typos it knows ("chatgtp", "algorythme"): taken for
    # words of the course, they were never corrected into the words the lessons write.
    texts = [
        chunk.text
        for (lang, _), lesson in chunks.items()
        if lang == language
        for chunk in lesson
        if chunk.kind is not ChunkKind.QUESTION
    ]
    for term in ai_terms(course.glossary.get(language, ())):
        texts += [term.term, term.definition]
    return texts


def _prose_of(
    chunks: Mapping[tuple[Language, str], tuple[Chunk, ...]], language: Language
) -> Iterator[str]:
    """Yield the sentences a language's lessons write: their cards and quiz answers."""
    for (lang, _), lesson in chunks.items():
        if lang == language:
            yield from (c.text for c in lesson if c.kind in (ChunkKind.CARD, ChunkKind.QUIZ))


class Retriever:
    """Find the lessons that answer a question, in the learner's language."""

    def __init__(
        self,
        course: Course,
        embedder: Embedder,
        chunks: Mapping[tuple[Language, str], tuple[Chunk, ...]],
        languages: LanguageRegistry,
        vectors: Mapping[Language, LanguageVectors],
    ) -> None:
        self.course = course
        self.embedder = embedder
        self.languages = languages
        self._lexicons = {
            profile.code: Lexicon(
                {
                    lesson_id: lesson
                    for (lang, lesson_id), lesson in chunks.items()
                    if lang == profile.code
                },
                profile.search,
            )
            for profile in languages
        }
        # Keywords and learner questions are too short to say whether a question is on topic:
        # two short texts often look alike ("what colour is the ChatGPT logo?" and "can I put a
        # club's logo on my flyer?"). The passages a learner would read decide it.
        self._passages = {
            key: tuple(chunk.id for chunk in lesson if chunk.kind not in SEARCH_AIDS)
            for key, lesson in chunks.items()
        }
        self._chunks = {chunk.id: chunk for lesson in chunks.values() for chunk in lesson}
        self._vectors = vectors
        self._everyday = EverydaySubjects(embedder)
        self._spellers = {
            profile.code: Speller(
                _words_of(course, chunks, profile.code),
                profile.search,
                prose=_prose_of(chunks, profile.code),
                everyday=EverydayWords.of(profile.code),
                spaced=spaced_out(course.glossary.get(profile.code, ())),
            )
            for profile in languages
        }

    def evidence(
        self, text: str, language: Language, *, lexical: bool = True, dense: bool = True
    ) -> Evidence:
        """Run the rankers on a question (both unless told otherwise, to compare them)."""
        text = topic(text, self.languages.profile(language).search)
        # Both rankers read the corrected question: the encoder also misses misspelt words.
        text = self._spellers[language].correct(text)
        by_chunk: dict[Chunk, float] = {}
        by_lesson: dict[str, float] = {}
        if lexical:
            by_chunk = self._lexicons[language].chunk_scores(text)
            by_lesson = self._lexicons[language].lesson_scores(text)
        matches: list[DenseMatch] = []
        question = None
        elsewhere: list[list[DenseMatch]] = []
        vectors = self._vectors.get(language)
        if dense and vectors is not None:
            question = self.embedder.query(text)
            matches = self._nearest(vectors, question)
            elsewhere = [
                self._nearest(other, question)
                for code, other in self._vectors.items()
                if code != language
            ]
        return Evidence(by_chunk, by_lesson, matches, question, text, tuple(elsewhere))

    def _nearest(self, vectors: LanguageVectors, question: Vectors) -> list[DenseMatch]:
        return [
            DenseMatch(self._chunks[chunk_id].lesson_id, self._chunks[chunk_id].card_index, score)
            for chunk_id, score in vectors.nearest(question)
        ]

    def search_sync(
        self, text: str, language: Language, k: int = 5, shown: Shown | None = None
    ) -> SearchResult:
        """Return the k lessons closest to the question, best first, in one language.

        `shown` is the card the learner was just shown, for the question this one follows up:
        its lesson answers with another card, since the learner has read that one.
        """
        evidence = self.evidence(text, language)
        fused = evidence.fused_lessons(self._lexical_weight(language))
        hits = tuple(
            hit
            for lesson_id in fused.lesson_ids[:k]
            if (hit := self._hit(evidence, language, lesson_id, fused.scores[lesson_id], shown))
        )
        relevance = self.relevance(evidence, language, hits[0].lesson_id) if hits else 0.0
        confident = bool(hits) and relevance >= self.embedder.min_similarity
        signals = self.signals(evidence, language, relevance)
        return SearchResult(
            language, hits, confident, signals, self.embedder.model, read_as=evidence.text
        )

    def signals(self, evidence: Evidence, language: Language, relevance: float) -> TopicSignals:
        """Return what both rankers say about whether the question is about the course."""
        vectors = self._vectors.get(language)
        question = evidence.question
        lexicon = self._lexicons[language]
        words = lexicon.topic_words(evidence.text)
        return TopicSignals(
            relevance=relevance,
            centrality=centrality(question, vectors.mean)
            if question is not None and vectors is not None
            else 0.0,
            everyday=self._everyday.closeness(question) if question is not None else 0.0,
            known_share=lexicon.known_share(words),
            lexical=lexical_signal(max(evidence.lexical_by_lesson.values(), default=0.0)),
            topic_words=len(words),
        )

    def relevance(self, evidence: Evidence, language: Language, lesson_id: str) -> float:
        """Return how close the lesson's passages come to the question, as a cosine."""
        if evidence.question is None or language not in self._vectors:
            return 0.0
        passages = self._passages.get((language, lesson_id), ())
        similarity = self._vectors[language].similarity(passages, evidence.question)
        agree = evidence.lexical_lessons().lesson_ids[:1] == (lesson_id,)
        agree = agree and evidence.dense_lessons().lesson_ids[:1] == (lesson_id,)
        return similarity + (AGREEMENT_BONUS if agree else 0.0)

    def _hit(
        self,
        evidence: Evidence,
        language: Language,
        lesson_id: str,
        score: float,
        shown: Shown | None = None,
    ) -> LessonHit | None:
        lesson = self.course.lesson(language, lesson_id)
        if lesson is None:
            return None
        card_index = evidence.best_card(
            lesson_id,
            self._lexical_weight(language),
            len(lesson.cards),
            shown[1] if shown is not None and shown[0] == lesson_id else None,
        )
        if card_index is None or card_index >= len(lesson.cards):
            card_index = 0
        return LessonHit(
            lesson_id=lesson.id,
            title=lesson.title,
            passage=lesson.cards[card_index].text,
            card_index=card_index,
            score=round(score, 4),
        )

    def _lexical_weight(self, language: Language) -> float:
        return self.languages.profile(language).search.lexical_weight

    async def search(
        self, text: str, language: Language, k: int = 5, shown: Shown | None = None
    ) -> SearchResult:
        """Search without blocking the event loop: embedding and ranking run in a thread."""
        return await asyncio.to_thread(self.search_sync, text, language, k, shown)

    async def close(self) -> None:
        """Release nothing: the index was closed as soon as its vectors were read."""


def terminal_progress() -> bool:
    """Tell whether to draw a progress bar: on a terminal, never in CI logs."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def index_course(
    settings: Settings, course: Course, *, rebuild: bool = False, progress: bool = False
) -> IndexReport:
    """Bring the index in step with the course (from scratch with `rebuild`), then close it."""
    chunks = course_chunks(course)
    embedder = make_embedder(settings)
    return _synced(settings, embedder, chunks, rebuild=rebuild, progress=progress)[0]


def open_retriever(settings: Settings, course: Course, *, progress: bool = False) -> Retriever:
    """Read the course's vectors, embedding whatever lessons are new or changed first."""
    embedder = make_embedder(settings)
    # The model loads while the vectors are read: the first answer comes about a second sooner.
    loading = threading.Thread(target=embedder.load, name="load-embedder", daemon=True)
    loading.start()
    try:
        chunks = course_chunks(course)
        vectors = _course_vectors(settings, embedder, chunks, progress)
        return Retriever(course, embedder, chunks, settings.languages, vectors)
    finally:
        loading.join()


def _course_vectors(
    settings: Settings,
    embedder: Embedder,
    chunks: Mapping[tuple[Language, str], tuple[Chunk, ...]],
    progress: bool,
) -> dict[Language, LanguageVectors]:
    """Return each language's vectors, from the embedded index's saved copy when it is current."""
    # Searching needs the vectors alone: when the embedded index already holds this course, its
    # saved copy spares the process chromadb (its import, its client, its memory).
    if settings.chroma_host is None:
        saved = vectors_file(settings, embedder)
        vectors = load_vectors(saved, course_fingerprint(chunks), settings.languages.codes)
        if vectors is not None:
            return vectors
    return _synced(settings, embedder, chunks, progress=progress)[1]


def _synced(
    settings: Settings,
    embedder: Embedder,
    chunks: Mapping[tuple[Language, str], tuple[Chunk, ...]],
    *,
    rebuild: bool = False,
    progress: bool = False,
) -> tuple[IndexReport, dict[Language, LanguageVectors]]:
    """Bring the index in step with the course, read its vectors, and save their copy."""
    store = ChunkStore(open_client(settings), embedder)
    try:
        if rebuild:
            store.drop()
        report = store.sync(chunks, progress=progress)
        vectors = store.language_vectors(settings.languages.codes)
    finally:
        store.close()
    if settings.chroma_host is None:
        save_vectors(vectors_file(settings, embedder), course_fingerprint(chunks), vectors)
    return report, vectors
