"""The "Simpler, please" button: a card in easier words, or its key idea and words explained."""

from __future__ import annotations

from functools import cached_property, partial
from typing import Final

from bot.config import Language
from bot.core.model import Rewrite, TutorModel, Unavailable
from bot.core.router import Turn, button, rows
from bot.core.state import Idle
from bot.course.model import Course, GlossaryTerm, Lesson, QuizItem
from bot.course.speech import plain_words
from bot.course.vocabulary import (
    TERMS_SHOWN,
    Vocabulary,
    ai_terms,
    glossary_vocabulary,
    key_sentence,
    terms_to_explain,
)
from bot.features.lessons.buttons import ShowCard
from bot.features.lessons.flows import Reading, forward_button
from bot.features.menu import flows as screens
from bot.features.quiz.flows import CONFUSED_IN_A_QUIZ, Answering
from bot.features.review.flows import Reviewing
from bot.features.simpler.buttons import ExplainQuestion, Simplify
from bot.features.simpler.key_idea import says_key_idea
from bot.features.usage.budget import DailyBudget
from bot.features.voice.readings import listen_answer_button, read_answer_aloud
from bot.i18n import Translator

# A definition that holds most of an option's words (of four letters or more) tells it: left out
# of the words a question is explained with.
OPTION_WORD_LETTERS: Final = 4
OPTION_WORDS_TOLD: Final = 0.6


class Simpler:
    """Show a card in simpler words: rewritten by the model, or explained from the glossary."""

    def __init__(self, chains: TutorModel | None, budget: DailyBudget, course: Course) -> None:
        self.chains = chains
        self.budget = budget
        self.course = course
        # Rewrites depend only on the card, so one per card serves every learner, for free;
        # None marks a rewrite that lost the key idea, so the card is not asked again.
        self._rewrites: dict[tuple[Language, str, int], str | None] = {}

    @cached_property
    def _glossary(self) -> dict[Language, Vocabulary]:
        # Built on the first tap, not while the tutor starts.
        return {
            language: glossary_vocabulary(ai_terms(self.course.glossary.get(language, ())))
            for language in self.course.languages
        }

    @cached_property
    def _definitions(self) -> dict[tuple[Language, str], GlossaryTerm]:
        return {
            (language, term.id): term
            for language in self.course.languages
            for term in ai_terms(self.course.glossary.get(language, ()))
        }

    async def simplify(self, turn: Turn, chosen: Simplify) -> None:
        """Show the card in simpler words, with a button back to it."""
        lesson = turn.course.lesson(turn.language, chosen.lesson)
        if lesson is None or chosen.card >= len(lesson.cards):
            await screens.stale_button(turn)
            return
        index = chosen.card
        t = turn.t
        key_idea = self._key_idea(turn.language, lesson, index)
        text = await self._rewrite(turn, lesson, index, key_idea)
        if text is None:
            text = self._explain(turn, lesson.cards[index].text, key_idea)
        else:
            text = "\n\n".join([t.gettext("🙂 In simpler words:"), text])
        # Those who need simpler words often listen too: the card had 🔊, its simpler words not.
        listen = await listen_answer_button(turn, text, turn.language)
        back = button(t.gettext("↩ Back to the card"), ShowCard(lesson.id, index))
        # Read in simpler words, the card may be left for the next one straight away. A card
        # that answered a question over another lesson or a quiz goes back there instead: "Next
        # ▶" led into its lesson, which then became the one the menu's ▶ Continue went back to.
        onward = (
            screens.way_back(turn, t)
            if _elsewhere(turn, lesson)
            else forward_button(t, lesson, index)
        )
        turn.say(text, rows(onward, back, listen, screens.menu_button(t)))
        await read_answer_aloud(turn, text, turn.language)

    async def explain_question(self, turn: Turn, _: ExplainQuestion) -> None:
        """Explain the AI words of a question ("je comprends pas la question"), then ask a guess."""
        state = turn.state
        asked = state if isinstance(state, Answering | Reviewing) and state.asked else None
        lesson = turn.course.lesson(turn.language, asked.lesson) if asked else None
        item = lesson.item(asked.item) if lesson and asked else None
        if item is None:
            await screens.stale_button(turn)
            return
        t = turn.t
        found = self._glossary[turn.language].find(" ".join((item.question, *item.options)))
        # "Wat zijn trainingsgegevens?": the definition of training data was the right option,
        # word for word, and "geen idee" gave the answer away.
        telling = [
            term_id
            for term_id in dict.fromkeys(found)
            if not _tells_an_option(self._definitions[(turn.language, term_id)].definition, item)
        ]
        words = self._words(t, turn.language, telling[:TERMS_SHOWN])
        # It was the guess alone: "I don't understand the question" got no word explained.
        lines = [t.gettext("📘 Words in this question:"), *words, ""] if words else []
        turn.say(
            "\n".join([*lines, t.gettext(CONFUSED_IN_A_QUIZ)]), rows(screens.continue_button(t))
        )

    def _words(self, t: Translator, language: Language, term_ids: list[str]) -> list[str]:
        """Return one line per glossary term: the term and its definition."""
        # French puts a space before the colon: the pattern is each language's.
        return [
            t.gettext("• {term}: {definition}").format(term=term.term, definition=term.definition)
            for term in (self._definitions[(language, term_id)] for term_id in term_ids)
        ]

    def _key_idea(self, language: Language, lesson: Lesson, index: int) -> str:
        """Return the card's hand-written key idea, or else its sentence with the most AI words."""
        line = lesson.simple_line(index)
        return line or key_sentence(lesson.cards[index].body, self._glossary[language])

    async def _rewrite(self, turn: Turn, lesson: Lesson, index: int, key_idea: str) -> str | None:
        key = (turn.language, lesson.id, index)
        if key in self._rewrites:
            return self._rewrites[key]
        card = lesson.cards[index]
        call = (
            partial(self.chains.simplify, lesson.title, card.text, key_idea, turn.language)
            if self.chains
            else None
        )
        outcome = await self.budget.spend(turn, call)
        if isinstance(outcome, Rewrite) and outcome.text:
            # A rewrite that drifted from the key idea is worse than the key idea itself.
            kept = outcome.text if says_key_idea(outcome.text, key_idea) else None
            self._rewrites[key] = kept
            return kept
        if outcome is Unavailable.DAILY_LIMIT:
            turn.say(
                turn.t.gettext(
                    "You used many explanations today. Here is a short version from the lesson."
                )
            )
        return None

    def _explain(self, turn: Turn, card_text: str, key_idea: str) -> str:
        t = turn.t
        vocabulary = self._glossary[turn.language]
        lines = [t.gettext("🙂 The key idea:"), key_idea]
        words = self._words(t, turn.language, terms_to_explain(key_idea, card_text, vocabulary))
        if words:
            lines += ["", t.gettext("📘 Words on this card:"), *words]
        return "\n".join(lines)


def _tells_an_option(definition: str, item: QuizItem) -> bool:
    """Tell whether a definition holds most of the words of one of a question's options."""
    defined = set(plain_words(definition))
    for option in item.options:
        words = {word for word in plain_words(option) if len(word) >= OPTION_WORD_LETTERS}
        if words and len(words & defined) >= OPTION_WORDS_TOLD * len(words):
            return True
    return False


def _elsewhere(turn: Turn, lesson: Lesson) -> bool:
    """Tell whether the learner is somewhere other than this lesson: another one, a quiz."""
    state = turn.state
    return not isinstance(state, Idle) and not (
        isinstance(state, Reading) and state.lesson == lesson.id
    )
