"""Find the lesson passages that answer what a learner types, offline, in three languages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.adapters.search.search import (
        LessonHit,
        Retriever,
        SearchResult,
        index_course,
        open_retriever,
    )

__all__ = ["LessonHit", "Retriever", "SearchResult", "index_course", "open_retriever"]


def __getattr__(name: str) -> Any:
    # Loaded on first use, so `tutor content ...` and the CLI parser never import LangChain,
    # chromadb or the model just because a module of this package was imported.
    if name in __all__:
        from bot.adapters.search import search

        return getattr(search, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
