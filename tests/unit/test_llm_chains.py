"""Reading the model's replies, and loading the prompt templates from their files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.adapters.llm.chains import PROMPT_VARIABLES, parse_answer, parse_coaching
from bot.adapters.llm.prompts import PromptError, load_prompt
from bot.core.model import Passage
from bot.paths import PROJECT_ROOT

PASSAGES = [Passage(1, "What AI is", "AI finds patterns."), Passage(2, "Chatbots", "A chatbot…")]


@pytest.mark.parametrize(
    ("raw", "text", "sources"),
    [
        ("AI finds patterns in data.\nSOURCES: 1", "AI finds patterns in data.", (1,)),
        ("AI finds patterns. Sources: 2, 1", "AI finds patterns.", (2, 1)),
        ("It learns.\n\n**Sources:** 1 and 2", "It learns.", (1, 2)),
        ("Elle apprend.\nSOURCES : 2 et 1", "Elle apprend.", (2, 1)),
        ("Hij leert.\nSOURCES: 1 en 2", "Hij leert.", (1, 2)),
        # A number the model made up is not a passage: no button for it.
        ("It learns. SOURCES: 7", "It learns.", ()),
        ("It learns.", "It learns.", ()),
    ],
)
def test_answers_are_split_from_their_sources(
    raw: str, text: str, sources: tuple[int, ...]
) -> None:
    assert parse_answer(raw, PASSAGES) == (text, sources, True)


def test_not_covered_means_no_answer() -> None:
    assert parse_answer("NOT_COVERED", PASSAGES) == ("", (), False)


def test_long_answers_are_cut_to_the_word_limit() -> None:
    raw = " ".join(["This sentence has six words."] * 30) + "\nSOURCES: 1"
    text, _, covered = parse_answer(raw, PASSAGES)
    assert covered
    assert len(text.split()) == 120


def test_coaching_verdicts_and_feedback_are_read() -> None:
    raw = "TASK: yes\nCONTEXT: no\n**FORMAT**: Yes\nFEEDBACK: Good verb. Say who you are."
    verdicts, feedback = parse_coaching(raw)
    assert verdicts == {"TASK": True, "CONTEXT": False, "FORMAT": True}
    assert feedback == "Good verb. Say who you are."


def test_the_topic_verdict_is_read() -> None:
    verdicts, _ = parse_coaching("TOPIC: no\nTASK: no\nCONTEXT: yes\nFORMAT: no\nFEEDBACK: Hm.")
    assert verdicts == {"TOPIC": False, "TASK": False, "CONTEXT": True, "FORMAT": False}


def test_coaching_without_the_form_keeps_the_text_as_feedback() -> None:
    verdicts, feedback = parse_coaching("Nice try! Add the format.")
    assert verdicts == {}
    assert feedback == "Nice try! Add the format."


@pytest.mark.parametrize("name", sorted(PROMPT_VARIABLES))
def test_every_prompt_file_uses_the_variables_the_code_fills(name: str) -> None:
    template = load_prompt(PROJECT_ROOT / "prompts", name, PROMPT_VARIABLES[name])
    assert set(template.input_variables) == PROMPT_VARIABLES[name]


def test_a_prompt_with_an_unknown_variable_is_refused(tmp_path: Path) -> None:
    (tmp_path / "answer.yaml").write_text("system: Answer in {langauge}.\nuser: '{question}'\n")
    with pytest.raises(PromptError, match="langauge"):
        load_prompt(tmp_path, "answer", frozenset({"language", "question"}))


def test_a_missing_prompt_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PromptError, match=r"answer\.yaml"):
        load_prompt(tmp_path, "answer", frozenset())
