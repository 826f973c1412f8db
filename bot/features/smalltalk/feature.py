"""Small talk: greetings, thanks, "ok", button words and emoji, answered before free questions."""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from bot.core.events import Event, Spoken, Text
from bot.core.feature import FeatureContext, Manifest
from bot.core.lazy import Lazy
from bot.course.vocabulary import glossary_phrases
from bot.features.menu.typed_language import language_reader
from bot.features.smalltalk.flows import SmallTalk
from bot.features.smalltalk.recognise import Phrasebook, phrasebook, words_file
from bot.features.smalltalk.stray import Phrases, StrayMessages

if TYPE_CHECKING:
    from bot.adapters.db.tables import Base
    from bot.adapters.search import Retriever
    from bot.course.model import Course

logger = logging.getLogger(__name__)

DOMAIN = "smalltalk"
TABLES: tuple[type[Base], ...] = ()


def _stray_messages(languages: tuple[str, ...], retriever: Lazy[Retriever]) -> StrayMessages | None:
    return StrayMessages.usable(Phrases.of(words_file(), languages), retriever.get().embedder)


def _phrasebook(course: Course, languages: tuple[str, ...]) -> Phrasebook:
    return phrasebook(languages, glossary_phrases(course))


def manifest(context: FeatureContext) -> Manifest:
    """Return what small talk handles: free text, read before any flow's own handler."""
    languages = context.settings.languages
    # Built in the background once the tutor serves (`warm`), or for a text that comes sooner,
    # not while it starts: a few tenths of a second that the first /start would wait for.
    phrases = Lazy(partial(_phrasebook, context.course, languages.codes), name="phrasebook")
    reader = Lazy(partial(language_reader, languages), name="language names")
    stray = Lazy(
        partial(_stray_messages, languages.codes, context.retriever), name="small talk phrases"
    )
    small_talk = SmallTalk(phrases, reader, model=context.chains is not None, stray=stray)

    async def ahead(event: Event) -> None:
        if not isinstance(event, Text | Spoken):
            return
        await phrases.wait()
        await reader.wait()
        # The phrases are embedded with the index's encoder, once, before the first text's
        # transaction opens (half a second, after the index), in the threads searches run in:
        # a thread of its own held 10 MB more at the peak.
        if not stray.ready():
            try:
                await stray.wait()
            except Exception:
                logger.exception("Embedding the phrases of small talk failed: they are read alone")

    return Manifest(
        name="smalltalk",
        text_filters=(small_talk.read,),
        stray_readers=(small_talk.read_stray,),
        ahead=(ahead,),
        warm=(phrases, reader),
        warm_after_index=(stray,),
    )
