import numpy as np

from bot.adapters.search.store import LanguageVectors


def _vectors(rows: list[list[float]]) -> LanguageVectors:
    vectors = np.asarray(rows, dtype=np.float32)
    ids = tuple(f"en:a/lesson:{row}" for row in range(len(rows)))
    return LanguageVectors(ids, vectors, vectors.mean(axis=0))


def test_nearest_ranks_every_chunk_by_its_product_with_the_centred_question() -> None:
    vectors = _vectors([[1, 0], [0, 1], [0.6, 0.8], [-1, 0]])
    question = np.asarray([1, 0], dtype=np.float32)

    found = vectors.nearest(question, count=3)

    centred = question - vectors.mean
    assert [chunk_id for chunk_id, _ in found] == [
        "en:a/lesson:0",
        "en:a/lesson:2",
        "en:a/lesson:1",
    ]
    assert [score for _, score in found] == [
        float(vectors.vectors[row] @ centred) for row in (0, 2, 1)
    ]


def test_nearest_gives_every_chunk_when_asked_for_more() -> None:
    vectors = _vectors([[1, 0], [0, 1]])

    found = vectors.nearest(np.asarray([0, 1], dtype=np.float32), count=60)

    assert [chunk_id for chunk_id, _ in found] == ["en:a/lesson:1", "en:a/lesson:0"]
