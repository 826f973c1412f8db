"""The answers feature's buttons."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.callbacks import CallbackData


@dataclass(frozen=True)
class AnswerInMyLanguage(CallbackData):
    """Answer a question again in the learner's own language, after a reply in another one.

    It carries the id of the kept question (redacted, kept minutes only), never its text.
    """

    action = "answers.mine"
    question: int
