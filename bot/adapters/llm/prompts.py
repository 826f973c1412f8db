"""Load the prompt templates from `prompts/`: one YAML file per task, `system` and `user` parts."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import yaml
from langchain_core.prompts import ChatPromptTemplate

from bot.core.yaml_text import parse_yaml


class PromptError(Exception):
    """A prompt file that is missing, malformed, or does not use the variables the code fills."""


def load_prompt(prompts_dir: Path, name: str, variables: frozenset[str]) -> ChatPromptTemplate:
    """Read `<name>.yaml` and check that it uses exactly the variables the code fills in."""
    path = prompts_dir / f"{name}.yaml"
    try:
        data = cast("dict[str, Any]", parse_yaml(path.read_text(encoding="utf-8")))
        template = ChatPromptTemplate.from_messages(
            [("system", str(data["system"])), ("human", str(data["user"]))]
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as error:
        raise PromptError(f"{path}: {error}") from None
    used = frozenset(template.input_variables)
    if used != variables:
        raise PromptError(
            f"{path}: uses {sorted(used)}, the code fills {sorted(variables)}; "
            "write literal braces as {{ and }}"
        )
    return template
