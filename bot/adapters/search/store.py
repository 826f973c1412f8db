"""The chromadb collection of lesson chunks: open it, keep it in step with the course, query it."""

from __future__ import annotations

import hashlib
import logging
import re
import tempfile
import time
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Final

import numpy as np

from bot.adapters.search.chunks import Chunk, content_hash
from bot.adapters.search.embedders import Embedder, Vectors
from bot.config import Language, Settings, check_index_setup
from bot.waiting import Patience

logger = logging.getLogger(__name__)

EMBED_BATCH: Final = 64
# Collection metadata: the fingerprint of the course the collection holds.
COURSE_HASH: Final = "course_hash"
# How many chunks the dense search brings back before they are grouped into lessons: enough to
# reach a dozen lessons, few enough to stay a few milliseconds.
DENSE_CANDIDATES: Final = 60
# In the saved copy of the vectors: the fingerprint of the course they embed.
FINGERPRINT: Final = "course_fingerprint"


@dataclass(frozen=True)
class IndexReport:
    """What one synchronisation of the index with the course did."""

    lessons: int
    embedded_lessons: int
    removed_lessons: int
    embedded_chunks: int
    seconds: float


@dataclass(frozen=True)
class DenseMatch:
    """One chunk found by the dense search."""

    lesson_id: str
    card_index: int | None
    score: float  # inner product of the chunk with the centred question (`LanguageVectors.nearest`)


@dataclass(frozen=True, eq=False)
class LanguageVectors:
    """Every chunk vector of one language, and their mean: what all lessons have in common."""

    ids: tuple[str, ...]
    vectors: Vectors
    mean: Vectors

    @cached_property
    def rows(self) -> dict[str, int]:
        """Return the row of each chunk id."""
        return {chunk_id: row for row, chunk_id in enumerate(self.ids)}

    def similarity(self, chunk_ids: Iterable[str], question: Vectors) -> float:
        """Return the best cosine between the question and the given chunks."""
        rows = [self.rows[chunk_id] for chunk_id in chunk_ids if chunk_id in self.rows]
        return float((self.vectors[rows] @ question).max()) if rows else 0.0

    def nearest(self, question: Vectors, count: int = DENSE_CANDIDATES) -> list[tuple[str, float]]:
        """Return the ids and scores of the chunks closest to the question, best first.

        The score is the inner product of a chunk with the question less the mean: what the
        question shares with every lesson counts for none. Exact, over the language's vectors
        alone: a product of a few thousand rows costs less than an approximate search that must
        filter by language, and it does not grow with the other languages.
        """
        scores = self.vectors @ (question - self.mean)
        count = min(count, len(scores))
        top = np.argpartition(-scores, count - 1)[:count]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[row], float(scores[row])) for row in top]


def collection_name(embedder: Embedder) -> str:
    """Return one collection per embedding model, so switching models never mixes vectors."""
    model = re.sub(r"[^a-zA-Z0-9-]+", "-", embedder.model).strip("-").lower()
    return f"lessons-{embedder.backend}-{model}"[:63]


def open_client(settings: Settings) -> Any:
    """Connect to the chromadb server when one is configured, else open the embedded store."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if (host := settings.chroma_host) is not None:
        address = f"http://{host}:{settings.chroma_port}"
        # The client asks the server who it is as it is made: refused, it says it could not
        # connect (a ValueError). A server still starting is waited for, within the budget.
        patience = Patience(
            f"the chromadb server at {address}", settings.startup_wait_seconds, _not_answering
        )
        return patience.call(
            lambda: chromadb.HttpClient(
                host=host, port=settings.chroma_port, settings=chroma_settings
            )
        )
    check_index_setup(settings)  # the server image has chromadb's HTTP client alone
    index_dir = settings.resolved_index_dir
    index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(index_dir), settings=chroma_settings)


def _not_answering(error: BaseException) -> bool:
    return isinstance(error, OSError) or "could not connect" in str(error).lower()


class ChunkStore:
    """Lesson chunks with their vectors in one chromadb collection."""

    def __init__(self, client: Any, embedder: Embedder) -> None:
        from bot.adapters.search.chroma_function import register_embedding_function

        register_embedding_function()
        self.client = client
        self.embedder = embedder
        self.collection = self._collection()

    def _collection(self) -> Any:
        from bot.adapters.search.chroma_function import CourseEmbeddingFunction

        return self.client.get_or_create_collection(
            collection_name(self.embedder),
            configuration={"hnsw": {"space": "ip"}},
            embedding_function=CourseEmbeddingFunction(self.embedder),
        )

    def drop(self) -> None:
        """Delete every chunk, to index the course again from scratch."""
        self.client.delete_collection(collection_name(self.embedder))
        self.collection = self._collection()

    def sync(
        self, lessons: Mapping[tuple[Language, str], Sequence[Chunk]], *, progress: bool = False
    ) -> IndexReport:
        """Embed the lessons that are new or changed and remove the ones that are gone."""
        started = time.perf_counter()
        hashes = _hashes(lessons)
        fingerprint = _fingerprint(hashes)
        if (self.collection.metadata or {}).get(COURSE_HASH) == fingerprint:
            return IndexReport(len(lessons), 0, 0, 0, time.perf_counter() - started)
        stored = _stored_lessons(self.collection.get(include=["metadatas"]))
        changed = {
            key: chunks
            for key, chunks in lessons.items()
            if stored.get(key, ("", []))[0] != hashes[key]
        }
        stale_ids = [
            chunk_id
            for key, (_, ids) in stored.items()
            if key in changed or key not in lessons
            for chunk_id in ids
        ]
        if stale_ids:
            self.collection.delete(ids=stale_ids)
        self._add(changed, hashes, progress)
        # Written last: an interrupted run leaves the old fingerprint, so the next one checks.
        self.collection.modify(metadata={COURSE_HASH: fingerprint})
        report = IndexReport(
            lessons=len(lessons),
            embedded_lessons=len(changed),
            removed_lessons=sum(1 for key in stored if key not in lessons),
            embedded_chunks=sum(len(chunks) for chunks in changed.values()),
            seconds=time.perf_counter() - started,
        )
        if changed or report.removed_lessons:
            logger.info(
                "Index updated: %d lessons embedded (%d chunks), %d removed, in %.1f s",
                report.embedded_lessons,
                report.embedded_chunks,
                report.removed_lessons,
                report.seconds,
            )
        return report

    def _add(
        self,
        lessons: Mapping[tuple[Language, str], Sequence[Chunk]],
        hashes: Mapping[tuple[Language, str], str],
        progress: bool,
    ) -> None:
        from tqdm import tqdm

        pending = [(chunk, hashes[key]) for key, chunks in lessons.items() for chunk in chunks]
        with tqdm(
            total=len(pending), desc="Indexing lessons", unit="chunk", disable=not progress
        ) as bar:
            for start in range(0, len(pending), EMBED_BATCH):
                batch = pending[start : start + EMBED_BATCH]
                vectors = self.embedder.documents([chunk.text for chunk, _ in batch])
                self.collection.upsert(
                    ids=[chunk.id for chunk, _ in batch],
                    embeddings=vectors,
                    documents=[chunk.text for chunk, _ in batch],
                    metadatas=[_metadata(chunk, digest) for chunk, digest in batch],
                )
                bar.update(len(batch))

    def language_vectors(self, languages: Iterable[Language]) -> dict[Language, LanguageVectors]:
        """Return the stored vectors of each language that has any."""
        found: dict[Language, LanguageVectors] = {}
        for language in languages:
            # One read per language: asking for metadata with the vectors is three times slower.
            stored = self.collection.get(where={"language": language}, include=["embeddings"])
            vectors = np.asarray(stored["embeddings"], dtype=np.float32)
            if len(vectors):
                found[language] = LanguageVectors(
                    tuple(stored["ids"]), vectors, vectors.mean(axis=0)
                )
        return found

    def count(self) -> int:
        """Return how many chunks are stored."""
        return int(self.collection.count())

    def close(self) -> None:
        """Release the client (the embedded store's files, or the HTTP connections)."""
        self.client.close()


def _hashes(
    lessons: Mapping[tuple[Language, str], Sequence[Chunk]],
) -> dict[tuple[Language, str], str]:
    return {key: content_hash(tuple(chunks)) for key, chunks in lessons.items()}


def course_fingerprint(lessons: Mapping[tuple[Language, str], Sequence[Chunk]]) -> str:
    """Return one hash of every lesson's chunks: the index holds this course when it matches."""
    return _fingerprint(_hashes(lessons))


def _fingerprint(hashes: Mapping[tuple[Language, str], str]) -> str:
    """Return one hash for the whole course, to tell in one read that nothing changed."""
    lines = sorted(
        f"{language}:{lesson_id}:{digest}" for (language, lesson_id), digest in hashes.items()
    )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def vectors_file(settings: Settings, embedder: Embedder) -> Path:
    """Return where the embedded index keeps a copy of its vectors, for this embedding model."""
    return settings.resolved_index_dir / f"{collection_name(embedder)}.npz"


def save_vectors(path: Path, fingerprint: str, vectors: Mapping[Language, LanguageVectors]) -> None:
    """Write the vectors of each language, with the fingerprint of the course they embed."""
    arrays: dict[str, Any] = {FINGERPRINT: np.asarray(fingerprint)}
    for language, found in vectors.items():
        arrays[f"{language}.ids"] = np.asarray(found.ids)
        arrays[f"{language}.vectors"] = found.vectors
    # Written aside under a name of its own, then renamed: a reader never sees half a file, and
    # two writers (`tutor ingest` beside a start) never write into the same one.
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".npz", delete=False) as partial:
        np.savez(partial, **arrays)
    Path(partial.name).replace(path)


def load_vectors(
    path: Path, fingerprint: str, languages: Iterable[Language]
) -> dict[Language, LanguageVectors] | None:
    """Read the saved vectors when they embed this very course; None when they do not."""
    try:
        with np.load(path, allow_pickle=False) as saved:
            if str(saved[FINGERPRINT]) != fingerprint:
                return None
            # The fingerprint covers every lesson: a language saved without vectors has none.
            found: dict[Language, LanguageVectors] = {}
            for language in languages:
                if f"{language}.ids" in saved.files:
                    ids = tuple(str(chunk_id) for chunk_id in saved[f"{language}.ids"])
                    vectors = saved[f"{language}.vectors"]
                    found[language] = LanguageVectors(ids, vectors, vectors.mean(axis=0))
            return found
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        # Missing, unreadable or from another version: read the index instead.
        return None


def _stored_lessons(stored: Any) -> dict[tuple[Language, str], tuple[str, list[str]]]:
    """Return each stored lesson's hash and chunk ids."""
    found: dict[tuple[Language, str], tuple[str, list[str]]] = {}
    for chunk_id, meta in zip(stored["ids"], stored["metadatas"] or [], strict=True):
        key = (meta["language"], meta["lesson_id"])
        digest, ids = found.get(key, (str(meta["lesson_hash"]), []))
        ids.append(chunk_id)
        # A lesson half-written by an interrupted run has mixed hashes: embed it again.
        found[key] = (digest if digest == meta["lesson_hash"] else "", ids)
    return found


def _metadata(chunk: Chunk, digest: str) -> dict[str, str | int]:
    meta: dict[str, str | int] = {
        "lesson_id": chunk.lesson_id,
        "module": chunk.module,
        "language": chunk.language,
        "kind": str(chunk.kind),
        "lesson_hash": digest,
    }
    if chunk.card_index is not None:
        meta["card_index"] = chunk.card_index
    return meta
