"""What the model tasks return: plain data, cheap to import for the flows that use it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.adapters.llm.usage import TokenUsage


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
class Coaching:
    """The model's verdicts on a practice prompt (None when it gave none) and its feedback."""

    clear_task: bool | None
    context: bool | None
    format: bool | None
    feedback: str
    usage: TokenUsage
