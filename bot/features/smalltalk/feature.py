"""Small talk: greetings, thanks, "ok", button words and emoji, answered before free questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.feature import FeatureContext, Manifest
from bot.course.vocabulary import glossary_phrases
from bot.features.menu.typed_language import language_reader
from bot.features.smalltalk.flows import SmallTalk
from bot.features.smalltalk.recognise import phrasebook

if TYPE_CHECKING:
    from bot.adapters.db.tables import Base

DOMAIN = "smalltalk"
TABLES: tuple[type[Base], ...] = ()


def manifest(context: FeatureContext) -> Manifest:
    """Return what small talk handles: free text, read before any flow's own handler."""
    languages = context.settings.languages
    terms = glossary_phrases(context.course)
    small_talk = SmallTalk(
        phrasebook(languages.codes, terms),
        language_reader(languages),
        model=context.chains is not None,
    )
    return Manifest(name="smalltalk", text_filters=(small_talk.read,))
