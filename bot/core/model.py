"""What the flows know of the chat model: its tasks, what they return, and its failures.

Plain data and a Protocol, so that the flows load without LangChain or the OpenAI SDK;
`bot/adapters/llm` implements the tasks on an OpenAI-compatible server.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from bot.config import Language


@dataclass(frozen=True)
class TokenUsage:
    """The tokens one model call consumed, as the server reported them."""

    input_tokens: int = 0
    output_tokens: int = 0


@dataclass(frozen=True)
class Passage:
    """A retrieved course passage, numbered for the model to cite."""

    number: int
    lesson_title: str
    text: str


@dataclass(frozen=True)
class GroundedAnswer:
    """The model's answer, the passages it used, or that the passages do not cover the question."""

    text: str
    sources: tuple[int, ...]
    covered: bool
    usage: TokenUsage


@dataclass(frozen=True)
class Rewrite:
    """A card rewritten in simpler words."""

    text: str
    usage: TokenUsage


@dataclass(frozen=True)
class Standalone:
    """A follow-up question rewritten to stand on its own."""

    question: str
    usage: TokenUsage


@dataclass(frozen=True)
class Coaching:
    """The model's verdicts on a practice prompt (None when it gave none) and its feedback."""

    clear_task: bool | None
    context: bool | None
    format: bool | None
    feedback: str
    usage: TokenUsage
    on_task: bool | None = None  # whether the prompt is about the exercise at all


class ModelError(Exception):
    """The chat model did not answer in time, answered with an error, or wrote what is refused."""

    # What the failed call cost, when the server answered at all.
    usage = TokenUsage()


class Unavailable(Enum):
    """Why a turn goes on without the chat model."""

    NO_MODEL = "no_model"
    DAILY_LIMIT = "daily_limit"
    FAILED = "failed"


class TutorModel(Protocol):
    """The chat model's tasks; each raises ModelError when the model fails or is too slow."""

    async def answer(
        self, question: str, language: Language, passages: Sequence[Passage]
    ) -> GroundedAnswer:
        """Answer a (redacted) question from the passages only, in plain words."""
        ...

    async def simplify(self, title: str, card: str, key_idea: str, language: Language) -> Rewrite:
        """Rewrite a lesson card at A2 level, with the same facts, around its key idea."""
        ...

    async def coach(
        self,
        task: str,
        topics: Sequence[str],
        attempt: str,
        language: Language,
        covered: Sequence[str] = (),
    ) -> Coaching:
        """Judge a (redacted) practice prompt against the rubric and suggest one improvement.

        `covered` names the topics the learner's earlier prompts for the task addressed: a
        follow-up ("now make it shorter") goes on from them.
        """
        ...

    async def standalone(
        self, question: str, earlier: Sequence[str], language: Language
    ) -> Standalone:
        """Rewrite a (redacted) follow-up question, given the earlier ones, to stand on its own."""
        ...
