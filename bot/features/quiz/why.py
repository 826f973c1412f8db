"""Say why one option of the question just answered is right or wrong ("why is B wrong?").

The feedback explains the option chosen and names the right one; a learner who wonders about
another option asks by its letter. Only under the feedback: before an answer, it would give the
answer away.
"""

from __future__ import annotations

import re
from typing import Final

from bot.core.replies import LETTERS
from bot.core.router import Turn, rows
from bot.core.text import word_count
from bot.features.menu import flows as screens
from bot.features.quiz.buttons import AnswerQuiz
from bot.features.quiz.flows import Answering, on_screen
from bot.features.quiz.order import option_order
from bot.i18n import N_

# "why" in the three languages, as typed in chat too: "jcomprend pa pk cest pas A".
WHY: Final = re.compile(r"(?<!\w)(?:why|pourquoi|pq|pk|waarom|wrm)(?!\w)", re.IGNORECASE)
# An option named by its letter: a capital, "b" to "d", or "a" after the words that name an
# option ("why is a chatbot wrong" names none, "pourquoi la a" does).
_LETTER: Final = re.compile(
    r"(?<![\w'’])(?:[A-D]|[b-d]|(?<=la )a|(?<=answer )a|(?<=antwoord )a|(?<=ponse )a)(?![\w'’])"
)
ANSWER_FIRST: Final = N_(
    "Choose your answer first: right after, I tell you why each answer is right or wrong."
)
# "pourquoi la B est fausse et pas la C ?" names two; a longer message is a question of its own.
MOST_WORDS: Final = 8


async def explain_named_option(turn: Turn, text: str) -> bool:
    """Explain the option of the question just answered that a "why" names by its letter."""
    state = turn.state
    asked_why = WHY.search(text)
    if not isinstance(state, Answering) or asked_why is None:
        return False
    letters = {letter.upper() for letter in _LETTER.findall(text[asked_why.end() :])}
    if state.asked:
        # "pourquoi A est faux ?" before answering got the lesson on fake news ("faux").
        if len(letters) == 1 and on_screen(turn, AnswerQuiz.action):
            turn.say(turn.t.gettext(ANSWER_FIRST), rows(screens.continue_button(turn.t)))
            return True
        return False
    lesson = turn.course.lesson(turn.language, state.lesson)
    position = lesson.item_position(state.item) if lesson else None
    if len(letters) != 1 or word_count(text) > MOST_WORDS or lesson is None or not position:
        return False
    # The state already holds the next item: the one answered is just before it.
    answered = lesson.quiz[position - 1]
    order = option_order(
        turn.learner.id, lesson.id, answered.id, state.attempt, len(answered.options)
    )
    shown = LETTERS.index(letters.pop())
    if shown >= len(order):
        return False
    option = order[shown]
    turn.say(
        f"💡 {LETTERS[shown]}) {answered.options[option]}\n{answered.explanations[option]}",
        rows(screens.way_back(turn, turn.t)),
    )
    return True
