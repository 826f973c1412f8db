"""Chromadb's view of our embedder, registered so a collection reopens knowing its model."""

from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space

from bot.adapters.search.embedders import Embedder, embedder_from_config


class CourseEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chromadb's view of our embedder, so a collection reopens knowing how it was embedded."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def __call__(self, input: Documents) -> Embeddings:
        """Embed passages."""
        return list(self.embedder.documents(input))

    def embed_query(self, input: Documents) -> Embeddings:
        """Embed questions."""
        return [self.embedder.query(text) for text in input]

    @staticmethod
    def name() -> str:
        """Return the name chromadb stores with the collection."""
        return "ai-tutor-course"

    def get_config(self) -> dict[str, Any]:
        """Return the backend and model, stored with the collection."""
        return dict(self.embedder.config)

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> CourseEmbeddingFunction:
        """Rebuild the function from a stored collection's configuration."""
        return CourseEmbeddingFunction(embedder_from_config(config))

    def default_space(self) -> Space:
        """Return inner product: the vectors are unit length, and centred questions are not."""
        return "ip"


def register_embedding_function() -> None:
    """Tell chromadb how to rebuild our embedding function from a stored collection."""
    from chromadb.utils.embedding_functions import (
        known_embedding_functions,
        register_embedding_function,
    )

    if CourseEmbeddingFunction.name() not in known_embedding_functions:
        register_embedding_function(CourseEmbeddingFunction)  # type: ignore[no-untyped-call]
