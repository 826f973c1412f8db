"""The tutor's model tasks as LangChain runnables: answer, simplify, coach, follow-up."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from langchain_core.messages import AIMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.runnables import Runnable, RunnableLambda, RunnableParallel

from bot.adapters.llm.client import ChatClient
from bot.adapters.llm.prompts import load_prompt
from bot.config import Language
from bot.core.languages import BUILT_IN, LanguageRegistry
from bot.core.model import (
    Coaching,
    GroundedAnswer,
    ModelError,
    Passage,
    Rewrite,
    Standalone,
    TokenUsage,
)
from bot.core.text import inert, trim_words

ANSWER_MAX_WORDS: Final = 120
SIMPLE_MAX_WORDS: Final = 90
ANSWER_LEVEL: Final = "A2-B1"
SIMPLE_LEVEL: Final = "A2"
NOT_COVERED: Final = "NOT_COVERED"
PROMPT_VARIABLES: Final[dict[str, frozenset[str]]] = {
    "answer": frozenset({"language", "level", "max_words", "passages", "question"}),
    "simplify": frozenset({"language", "level", "max_words", "title", "card", "key_idea"}),
    "coach": frozenset({"language", "level", "task", "topics", "attempt", "covered"}),
    "follow_up": frozenset({"language", "earlier", "question"}),
}
# The model may join the passage numbers with "and" in any language the tutor knows.
_AND = "|".join(re.escape(profile.and_word) for profile in BUILT_IN)
_SOURCES = re.compile(
    rf"[ \t*_]*\bSOURCES?\W*:\W*((?:\d+(?:\s*(?:[,;&]|{_AND})?\s*))+)[^\w\n]*",
    re.IGNORECASE,
)
_VERDICT = re.compile(
    r"^\W*(TOPIC|TASK|CONTEXT|FORMAT)\W*:\W*(yes|no)\b", re.IGNORECASE | re.MULTILINE
)
_FEEDBACK = re.compile(r"^\W*FEEDBACK\W*:\s*(.*)", re.IGNORECASE | re.MULTILINE | re.DOTALL)


def _usage(message: AIMessage) -> TokenUsage:
    metadata = message.usage_metadata
    if metadata is None:
        return TokenUsage()
    return TokenUsage(metadata["input_tokens"], metadata["output_tokens"])


def _passages_block(passages: Sequence[Passage]) -> str:
    return "\n".join(
        f'<passage number="{p.number}" lesson="{inert(p.lesson_title)}">\n'
        f"{inert(p.text)}\n</passage>"
        for p in passages
    )


def parse_answer(raw: str, passages: Sequence[Passage]) -> tuple[str, tuple[int, ...], bool]:
    """Split the model's reply into the answer, the cited passage numbers, and coverage."""
    if NOT_COVERED in raw:
        return "", (), False
    numbers = {p.number for p in passages}
    cited = [int(n) for line in _SOURCES.findall(raw) for n in re.findall(r"\d+", line)]
    sources = tuple(dict.fromkeys(n for n in cited if n in numbers))
    text = trim_words(_SOURCES.sub("", raw).strip(), ANSWER_MAX_WORDS)
    return text, sources, bool(text)


def parse_coaching(raw: str) -> tuple[dict[str, bool], str]:
    """Read the rubric verdicts and the feedback from the model's reply."""
    verdicts = {name.upper(): value.lower() == "yes" for name, value in _VERDICT.findall(raw)}
    match = _FEEDBACK.search(raw)
    feedback = match.group(1) if match else _VERDICT.sub("", raw)
    return verdicts, trim_words(feedback.strip(), ANSWER_MAX_WORDS)


class TutorChains:
    """Run the prompt templates through the chat model within a time limit."""

    def __init__(self, client: ChatClient, prompts_dir: Path, languages: LanguageRegistry) -> None:
        self.timeout_seconds = client.timeout_seconds
        self.languages = languages
        output = RunnableParallel(text=StrOutputParser(), usage=RunnableLambda(_usage))
        self._answer = self._chain(client, prompts_dir, "answer", output)
        self._simplify = self._chain(client, prompts_dir, "simplify", output)
        self._coach = self._chain(client, prompts_dir, "coach", output)
        self._follow_up = self._chain(client, prompts_dir, "follow_up", output)

    @staticmethod
    def _chain(
        client: ChatClient, prompts_dir: Path, name: str, output: Runnable[Any, dict[str, Any]]
    ) -> Runnable[dict[str, Any], dict[str, Any]]:
        prompt = load_prompt(prompts_dir, name, PROMPT_VARIABLES[name])
        return prompt | client.model | output

    def _written_in(self, language: Language) -> str:
        """Return how the model is told which language, and which register, to write in."""
        return self.languages.profile(language).model_language

    async def _run(
        self, chain: Runnable[dict[str, Any], dict[str, Any]], inputs: dict[str, Any]
    ) -> tuple[str, TokenUsage]:
        try:
            async with asyncio.timeout(self.timeout_seconds):
                result = await chain.ainvoke(inputs)
        # A model server can fail in many ways (timeouts, HTTP errors, malformed replies);
        # each one means the learner gets the answer without the model.
        except Exception as error:
            raise ModelError(type(error).__name__) from error
        return str(result["text"]), result["usage"]

    async def answer(
        self, question: str, language: Language, passages: Sequence[Passage]
    ) -> GroundedAnswer:
        """Answer a (redacted) question from the passages only, in plain words."""
        raw, usage = await self._run(
            self._answer,
            {
                "language": self._written_in(language),
                "level": ANSWER_LEVEL,
                "max_words": ANSWER_MAX_WORDS,
                "passages": _passages_block(passages),
                "question": inert(question),
            },
        )
        text, sources, covered = parse_answer(raw, passages)
        return GroundedAnswer(text, sources, covered, usage)

    async def simplify(self, title: str, card: str, key_idea: str, language: Language) -> Rewrite:
        """Rewrite a lesson card at A2 level, with the same facts, around its key idea."""
        raw, usage = await self._run(
            self._simplify,
            {
                "language": self._written_in(language),
                "level": SIMPLE_LEVEL,
                "max_words": SIMPLE_MAX_WORDS,
                "title": inert(title),
                "card": inert(card),
                "key_idea": inert(key_idea),
            },
        )
        return Rewrite(trim_words(raw, SIMPLE_MAX_WORDS), usage)

    async def coach(
        self,
        task: str,
        topics: Sequence[str],
        attempt: str,
        language: Language,
        covered: Sequence[str] = (),
    ) -> Coaching:
        """Judge a (redacted) practice prompt against the rubric and suggest one improvement."""
        raw, usage = await self._run(
            self._coach,
            {
                "language": self._written_in(language),
                "level": ANSWER_LEVEL,
                "task": inert(task),
                "topics": inert("; ".join(topics)),
                "attempt": inert(attempt),
                "covered": inert("; ".join(covered)) or "none",
            },
        )
        verdicts, feedback = parse_coaching(raw)
        return Coaching(
            verdicts.get("TASK"),
            verdicts.get("CONTEXT"),
            verdicts.get("FORMAT"),
            feedback,
            usage,
            on_task=verdicts.get("TOPIC"),
        )

    async def standalone(
        self, question: str, earlier: Sequence[str], language: Language
    ) -> Standalone:
        """Rewrite a (redacted) follow-up question, given the earlier ones, to stand on its own."""
        raw, usage = await self._run(
            self._follow_up,
            {
                "language": self._written_in(language),
                "earlier": "\n".join(f"- {inert(text)}" for text in earlier),
                "question": inert(question),
            },
        )
        # The model may wrap the question in the tags it was given, or in quotes.
        text = re.sub(r"</?question>", "", raw).strip().strip('"“”«» ')
        return Standalone(text or question, usage)
