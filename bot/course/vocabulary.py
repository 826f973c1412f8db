"""Find the AI words a text uses: glossary terms with their aliases, and lesson keywords."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.config import Language
from bot.core.languages import BUILT_IN, LanguageRegistry
from bot.core.text import fold, sentences
from bot.course.model import Course, GlossaryTerm

_PARENTHESES = re.compile(r"\s*\(([^)]*)\)")
# The "Simpler, please" screen defines at most this many glossary words under a key idea.
TERMS_SHOWN = 3


def _endings(languages: LanguageRegistry) -> str:
    """Return a pattern of the plural and inflected endings of the languages, all optional."""
    endings = dict.fromkeys(ending for profile in languages for ending in profile.word_endings)
    return "(?:" + "|".join(map(re.escape, endings)) + ")?"


# Endings of every language the tutor knows ("chatbots", "modèles"): learners borrow words from
# one language in another, with their endings.
_ENDINGS = _endings(BUILT_IN)


def _is_acronym(phrase: str) -> bool:
    # "AI", "IA", "LLM" match only in capitals, or French "j'ai" would be about AI.
    return phrase.isupper() and len(phrase) <= 5


def _pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    words: list[str] = []
    acronyms: list[str] = []
    for phrase in (fold(raw.strip()) for raw in phrases):
        if phrase:
            (acronyms if _is_acronym(phrase) else words).append(re.escape(phrase))
    alternatives = []
    if words:
        alternatives.append(rf"(?i:{'|'.join(sorted(words, key=len, reverse=True))})")
    if acronyms:
        alternatives.append("|".join(acronyms))
    if not alternatives:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)}){_ENDINGS}(?!\w)")


def term_phrases(term: GlossaryTerm) -> tuple[str, ...]:
    """Return the ways a glossary term is written: the term, its bracketed short form, aliases."""
    bare = _PARENTHESES.sub("", term.term)
    short = tuple(_PARENTHESES.findall(term.term))
    return (bare, *short, *term.aliases)


def ai_terms(terms: Iterable[GlossaryTerm]) -> tuple[GlossaryTerm, ...]:
    """Return the AI words of a glossary, without the everyday ones ("app", "itsme")."""
    return tuple(term for term in terms if not term.everyday)


def glossary_phrases(course: Course) -> list[str]:
    """Return every way the course's glossary writes an AI word, in every language."""
    return [
        phrase
        for terms in course.glossary.values()
        for t in ai_terms(terms)
        for phrase in term_phrases(t)
    ]


@dataclass(frozen=True)
class Vocabulary:
    """A list of entries, each found by any of its phrases, case- and accent-insensitively."""

    entries: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def of(cls, entries: Iterable[tuple[str, Sequence[str]]]) -> Vocabulary:
        """Build a vocabulary from (key, phrases) pairs."""
        compiled = ((key, _pattern(phrases)) for key, phrases in entries)
        return cls(tuple((key, pattern) for key, pattern in compiled if pattern is not None))

    def find(self, text: str) -> list[str]:
        """Return the keys found in a text, in order of first appearance."""
        folded = fold(text)
        found = []
        for key, pattern in self.entries:
            match = pattern.search(folded)
            if match is not None:
                found.append((match.start(), key))
        return [key for _, key in sorted(found)]

    def whole(self, text: str) -> str | None:
        """Return the key of the entry the whole text names ("chatbots", "the LLM"), if any."""
        folded = fold(text.strip())
        # Named alone, an acronym typed in small letters ("ia", "llm") can mean nothing else.
        shouted = folded.upper()
        return next(
            (
                key
                for key, pattern in self.entries
                if pattern.fullmatch(folded) or pattern.fullmatch(shouted)
            ),
            None,
        )

    def count(self, key: str, text: str) -> int:
        """Return how many times a text uses one entry."""
        return self.count_folded(key, fold(text))

    def count_folded(self, key: str, folded: str) -> int:
        """Return how many times a text, already folded, uses one entry."""
        return sum(len(pattern.findall(folded)) for found, pattern in self.entries if found == key)


def glossary_vocabulary(terms: Sequence[GlossaryTerm]) -> Vocabulary:
    """Build a vocabulary of glossary terms, keyed by term id."""
    return Vocabulary.of((term.id, term_phrases(term)) for term in terms)


def ai_vocabulary(course: Course, language: Language) -> Vocabulary:
    """Build the words that make a question about AI: glossary terms and lesson keywords."""
    terms = ai_terms(course.glossary.get(language, ()))
    lessons = course.all_lessons(language)
    return Vocabulary.of(
        [(term.id, term_phrases(term)) for term in terms]
        + [(lesson.id, lesson.keywords) for lesson in lessons]
    )


def key_sentence(text: str, vocabulary: Vocabulary) -> str:
    """Pick the sentence that carries the most known words; the earliest wins a tie."""
    candidates = sentences(text)
    if not candidates:
        return text.strip()
    return max(candidates, key=lambda sentence: len(vocabulary.find(sentence)))


def terms_to_explain(key_idea: str, card_text: str, vocabulary: Vocabulary) -> list[str]:
    """Return the glossary terms shown under a card's key idea: its own first, then the card's."""
    found = vocabulary.find(key_idea) + vocabulary.find(card_text)
    return list(dict.fromkeys(found))[:TERMS_SHOWN]
