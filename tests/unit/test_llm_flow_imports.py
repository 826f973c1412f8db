"""The flows that use the chat model load without the database, the model's SDKs or the index."""

from __future__ import annotations

import subprocess
import sys

import pytest

ADAPTER_LIBRARIES = frozenset(
    {
        "sqlalchemy",
        "langchain",
        "langchain_core",
        "langchain_openai",
        "openai",
        "chromadb",
        "telegram",
    }
)


@pytest.mark.parametrize(
    "flows",
    ["bot.features.answers.flows", "bot.features.practice.flows", "bot.features.simpler.flows"],
)
def test_the_model_flows_import_no_adapter_library(flows: str) -> None:
    # A fresh interpreter: this one has long loaded every library for the other tests.
    script = f"import sys, {flows}; print(*{{name.split('.')[0] for name in sys.modules}})"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded = set(result.stdout.split())
    assert "bot" in loaded
    assert loaded & ADAPTER_LIBRARIES == set()
