"""Answer "what is X?" from the glossary when X is one of its terms, with the lesson that teaches X.

The glossary is the course's authority on its words and costs nothing to show, so a definition
question never goes to the chat model, even when one is configured.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from itertools import chain
from typing import Final

from bot.config import Language
from bot.core.languages import LanguageRegistry
from bot.core.router import Turn, button, rows
from bot.core.text import fold
from bot.core.typos import CloseWords
from bot.course.model import Course, GlossaryTerm, Lesson
from bot.course.vocabulary import Vocabulary, ai_terms, glossary_vocabulary, term_phrases
from bot.features.lessons.buttons import OpenLesson
from bot.features.menu import flows as screens
from bot.features.voice.readings import listen_answer_button, read_answer_aloud
from bot.i18n import Translator

# A lesson that names a term in its title or keywords is about it; one mention there counts as
# this many in its cards.
NAMED_WEIGHT: Final = 5
# Punctuation and spaces around a question: "c'est quoi un chatbot ?!" asks about "chatbot".
ENDS: Final = ' \t\n?!.,;:…¿¡"“”«»'
APOSTROPHES: Final = re.compile("[’`´]")
# Where one clause of a message ends and another begins: a mark, then a space.
_CLAUSES: Final = re.compile(r"(?<=[,.;:!?])\s+")
_WORD: Final = re.compile(r"\w+")
# Words a question may begin with before it frames the term ("attendez, c'est quoi…", "sorry i
# don't understand the word…"): a whole glossary term must follow, so a few are safe to skip.
LEAD_IN_WORDS: Final = 3
_WORD_STARTS: Final = re.compile(r"(?<=\s)\S")
# "the word X", "le mot X", "het woord X": the term is X.
_NAMED_WORD: Final = re.compile(
    r"^(?:(?:the|this|that|le|ce|het|dat|de)\s+)?(?:word|term|mot|terme|woord|begrip)\s+"
)


@dataclass(frozen=True)
class Definition:
    """A glossary term a learner asked about, and the lesson that teaches it, if one does."""

    term: GlossaryTerm
    lesson: Lesson | None
    # The course's other AI words its definition uses ("ChatGPT: a well-known chatbot…").
    uses: tuple[GlossaryTerm, ...] = ()


class Definitions:
    """Find the glossary definition a question asks for, in any offered language."""

    def __init__(self, course: Course, languages: LanguageRegistry) -> None:
        self.course = course
        self.languages = languages
        self._patterns = {
            profile.code: _compiled(profile.search.definition_questions) for profile in languages
        }
        self._unknown_words = {
            profile.code: _compiled(profile.search.unknown_word_questions) for profile in languages
        }

    @cached_property
    def _vocabularies(self) -> dict[Language, Vocabulary]:
        # Built on the first question, not while the tutor starts.
        return {
            language: glossary_vocabulary(self.course.glossary.get(language, ()))
            for language in self.languages.codes
        }

    @cached_property
    def _close_words(self) -> dict[Language, CloseWords]:
        # The words of each glossary's terms, for a term typed with a typo ("halucination").
        return {
            language: CloseWords(
                word
                for term in self.course.glossary.get(language, ())
                for phrase in term_phrases(term)
                for word in _WORD.findall(fold(phrase))
            )
            for language in self.languages.codes
        }

    @cached_property
    def teaching(self) -> dict[str, str]:
        """Return the id of the lesson that teaches each term, by term id (worked out once)."""
        terms = {
            term.id: term for terms in self.course.glossary.values() for term in ai_terms(terms)
        }
        named = {term.id: term.lesson for term in terms.values() if term.lesson}
        # Each lesson's texts are folded once for every term, not once per term (1.5 s, then).
        texts = {
            language: [
                (
                    lesson.id,
                    fold(" · ".join((lesson.title, *lesson.keywords))),
                    tuple(fold(card.text) for card in lesson.cards),
                )
                for lesson in self.course.all_lessons(language)
            ]
            for language in self._vocabularies
        }
        return {term: named.get(term) or self._most_about(term, texts) for term in terms}

    def _most_about(
        self, term_id: str, texts: dict[Language, list[tuple[str, str, tuple[str, ...]]]]
    ) -> str:
        # The lesson that names the term in its title or keywords, else the one that uses it most,
        # counted in every language (one language alone may use a word in passing); the earliest
        # in the course wins a tie, since later lessons build on it.
        scores: dict[str, int] = {}
        for language, lessons in texts.items():
            count = partial(self._vocabularies[language].count_folded, term_id)
            for lesson_id, title, cards in lessons:
                score = NAMED_WEIGHT * count(title) + sum(map(count, cards))
                scores[lesson_id] = scores.get(lesson_id, 0) + score
        best = max(scores, key=scores.__getitem__, default="")
        return best if scores.get(best) else ""

    def find(self, text: str, language: Language) -> Definition | None:
        """Return the definition a question asks for, or None when it asks something else."""
        question = _question(text)
        vocabulary = self._vocabularies[language]
        # The term as asked, and without "the word" before it ("le mot algorithme, ça veut dire
        # quoi ?"): "mot de passe" is a term of its own.
        asked = ((term, _NAMED_WORD.sub("", term)) for term, _ in self._asked(question, language))
        terms = [question, *chain.from_iterable(asked)]
        # As typed first, then with the words of the glossary's terms spelt right: "c'est quoi
        # une halucination" asks for "hallucination", which the lessons' keywords also misspell,
        # so the search leaves it as typed.
        respelt = (self._respelt(term, language) for term in terms)
        found = (vocabulary.whole(term) for term in chain(terms, respelt))
        term_id = next((term_id for term_id in found if term_id), None)
        if term_id:
            return self._definition(language, term_id)
        return self._in_another_glossary(terms[1:], language)

    def _in_another_glossary(self, terms: Sequence[str], language: Language) -> Definition | None:
        """Return the definition of a word another language's glossary names, in this language."""
        # "what does gegevens mean?" from an English learner who reads Dutch letters: the word is
        # the Dutch glossary's "data". Only a term framed by the question, as typed.
        for other, vocabulary in self._vocabularies.items():
            found = (vocabulary.whole(term) for term in terms if other != language)
            if term_id := next((term_id for term_id in found if term_id), None):
                own = any(term.id == term_id for term in self.course.glossary.get(language, ()))
                return self._definition(language if own else other, term_id)
        return None

    def asks_about_a_word(self, text: str, language: Language) -> bool:
        """Tell whether a message asks what a word means, whether the glossary has it or not."""
        return next(self._asked(_question(text), language), None) is not None

    def searched(self, text: str, language: Language) -> str | None:
        """Return what to search for a message that asks what a word among other words means.

        "sorry i dont understand the word pattern" and "i dont know this one, what mean pattern?"
        were refused as outside the course, where "what does the word pattern mean" finds the
        lesson: the other words weighed more. None when the message is searched as typed.
        """
        asked = (searched for _, searched in self._asked(_question(text), language) if searched)
        return next(asked, None)

    def _asked(self, question: str, language: Language) -> Iterator[tuple[str, str | None]]:
        """Yield each term a question frames, and what to search instead of the question."""
        # The term of each pattern that frames the whole question, or its last clause ("my name
        # is [NAME], what is chatbot?" asks what a chatbot is), from its first words or after a
        # few of its own.
        clauses = [clause.strip(ENDS) for clause in _CLAUSES.split(question) if clause.strip(ENDS)]
        framed = (question, clauses[-1]) if len(clauses) > 1 else (question,)
        plain, unknown = self._patterns.get(language, ()), self._unknown_words.get(language, ())
        template = self.languages.profile(language).search.plain_definition
        for whole in framed:
            for part in _led_in(whole):
                for pattern in (*plain, *unknown):
                    if match := pattern.fullmatch(part):
                        # A pattern with two framings names the second one's term "what".
                        term = (match["term"] or match.groupdict().get("what") or "").strip(ENDS)
                        # A few words before the question are left as typed: the search reads
                        # "wacht wa bedoelt ge met patronen" on the card about patterns well.
                        hidden = pattern in unknown or whole != question
                        reworded = template.format(term=_NAMED_WORD.sub("", term))
                        yield term, reworded if hidden else None

    def _respelt(self, text: str, language: Language) -> str:
        """Return a folded text with each word that is a typo of a glossary word spelt right."""
        close = self._close_words[language]
        return _WORD.sub(lambda word: close.closest(word.group()) or word.group(), text)

    def of(self, definition: Definition, language: Language) -> Definition:
        """Return the same term's definition in a language (the glossaries share their ids)."""
        terms = self.course.glossary.get(language, ())
        if not any(term.id == definition.term.id for term in terms):
            return definition
        return self._definition(language, definition.term.id)

    def _definition(self, language: Language, term_id: str) -> Definition:
        terms = {term.id: term for term in self.course.glossary[language]}
        term = terms[term_id]
        # An everyday word is taught by no lesson: "You learn more in the lesson…" would mislead.
        teaching = None if term.everyday else self.teaching.get(term_id)
        # "wat is ChatGPT" got "a well-known chatbot…", for someone who had just asked what a
        # chatbot is: the AI words a definition uses are defined under it, as on a simpler card.
        uses = tuple(
            terms[found]
            for found in self._ai_words[language].find(term.definition)
            if found != term_id
        )
        lesson = self.course.lesson(language, teaching) if teaching else None
        return Definition(term, lesson, uses)

    @cached_property
    def _ai_words(self) -> dict[Language, Vocabulary]:
        # By their names alone, and the course's AI words only: with aliases and everyday words,
        # "made with AI" under "deepfake" brought the AI label and AI itself, a list to read.
        return {
            language: Vocabulary.of(
                (term.id, (term.term,)) for term in ai_terms(self.course.glossary.get(language, ()))
            )
            for language in self.languages.codes
        }


def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE | re.VERBOSE) for pattern in patterns)


def _question(text: str) -> str:
    """Return a message folded, with one kind of apostrophe and no marks around it."""
    return APOSTROPHES.sub("'", fold(text)).strip(ENDS)


def _led_in(text: str) -> Iterator[str]:
    """Yield a text, then the same without its first words, up to `LEAD_IN_WORDS` of them."""
    yield text
    for word in list(_WORD_STARTS.finditer(text))[:LEAD_IN_WORDS]:
        yield text[word.start() :]


async def say_definition(
    turn: Turn, t: Translator, definition: Definition, language: Language
) -> None:
    """Show a term's definition, with buttons to the lesson that teaches it and to listen."""
    lines = [f"📘 {definition.term.term}", definition.term.definition]
    lines += [
        t.gettext("• {term}: {definition}").format(term=used.term, definition=used.definition)
        for used in definition.uses
    ]
    lesson = definition.lesson
    if lesson is not None:
        lines += [
            "",
            t.gettext("You learn more in the lesson “{title}”.").format(title=lesson.title),
        ]
    open_button = button(t.gettext("📖 Open the lesson"), OpenLesson(lesson.id)) if lesson else None
    text = "\n".join(lines)
    listen = await listen_answer_button(turn, definition.term.definition, language)
    turn.say(text, rows(screens.way_back(turn, t), open_button, listen, screens.menu_button(t)))
    await read_answer_aloud(turn, definition.term.definition, language)
