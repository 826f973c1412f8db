"""The "Simpler, please" button: a card in easier words, or its key idea and words explained."""

from __future__ import annotations

from functools import partial
from typing import Final

from bot.config import Language
from bot.core.model import Rewrite, TutorModel, Unavailable
from bot.core.router import Turn, button, rows
from bot.course.model import Course, Lesson
from bot.course.vocabulary import Vocabulary, glossary_vocabulary, key_sentence
from bot.features.lessons.buttons import ShowCard
from bot.features.menu import flows as screens
from bot.features.simpler.buttons import Simplify
from bot.features.usage.budget import DailyBudget

MAX_TERMS: Final = 3


class Simpler:
    """Show a card in simpler words: rewritten by the model, or explained from the glossary."""

    def __init__(self, chains: TutorModel | None, budget: DailyBudget, course: Course) -> None:
        self.chains = chains
        self.budget = budget
        self._glossary: dict[Language, Vocabulary] = {
            language: glossary_vocabulary(course.glossary.get(language, ()))
            for language in course.languages
        }
        self._definitions = {
            (language, term.id): term
            for language in course.languages
            for term in course.glossary.get(language, ())
        }
        # Rewrites depend only on the card, so one per card serves every learner, for free.
        self._rewrites: dict[tuple[Language, str, int], str] = {}

    async def simplify(self, turn: Turn, chosen: Simplify) -> None:
        """Show the card in simpler words, with a button back to it."""
        lesson = turn.course.lesson(turn.language, chosen.lesson)
        if lesson is None or chosen.card >= len(lesson.cards):
            await screens.stale_button(turn)
            return
        index = chosen.card
        t = turn.t
        text = await self._rewrite(turn, lesson, index)
        if text is None:
            text = self._explain(turn, lesson, index)
        else:
            text = "\n\n".join([t.gettext("🙂 In simpler words:"), text])
        back = button(t.gettext("↩ Back to the card"), ShowCard(lesson.id, index))
        turn.say(text, rows(back, screens.menu_button(t)))

    async def _rewrite(self, turn: Turn, lesson: Lesson, index: int) -> str | None:
        key = (turn.language, lesson.id, index)
        if key in self._rewrites:
            return self._rewrites[key]
        card = lesson.cards[index]
        call = (
            partial(self.chains.simplify, lesson.title, card.text, turn.language)
            if self.chains
            else None
        )
        outcome = await self.budget.spend(turn, call)
        if isinstance(outcome, Rewrite) and outcome.text:
            self._rewrites[key] = outcome.text
            return outcome.text
        if outcome is Unavailable.DAILY_LIMIT:
            turn.say(
                turn.t.gettext(
                    "You used many explanations today. Here is a short version from the lesson."
                )
            )
        return None

    def _explain(self, turn: Turn, lesson: Lesson, index: int) -> str:
        t = turn.t
        body = lesson.cards[index].body
        vocabulary = self._glossary[turn.language]
        lines = [t.gettext("🙂 The key idea:"), key_sentence(body, vocabulary)]
        terms = [
            self._definitions[(turn.language, term_id)]
            for term_id in vocabulary.find(lesson.cards[index].text)[:MAX_TERMS]
        ]
        if terms:
            lines += ["", t.gettext("📘 Words on this card:")]
            lines += [f"• {term.term}: {term.definition}" for term in terms]
        return "\n".join(lines)
